"""Build the places gazetteer ``resources/places.csv`` from the shipped raw sources and the curated files.

``python -m analysis.build_gazetteer`` (``make reference``) loads

* ``data/raw/natural_earth_ar``: countries (admin-0), regions (admin-1) and populated places, with
  Arabic names, coordinates and Wikidata ids (public domain);
* ``data/raw/geonames_ar_variants``: Arabic spellings of the cities of >= 15,000 people
  (GeoNames, CC BY 4.0);
* ``resources/places_curated.csv``: hand-written places (world regions, seas, front-line towns...)
  and amendments (a row whose ``place_id`` is a generated id adds its aliases to that place and
  overrides its non-empty fields);
* ``resources/place_exclusions.csv``: Arabic forms that are never a place;
* ``resources/word_stats.csv`` (ANERcorp) and ``data/raw/transliteration_en_ar`` (Wikidata person
  names): how often a word is ordinary text, a location or a person's name,

processes them by the rules below and saves one row per place with the Arabic forms to match
(``aliases_ar``). PLACES.md explains the rules for people who edit the curated files.

1. Load: every Natural Earth country (shortest English name: "China", "United States");
   admin-1 regions with an Arabic name (country from the ISO 3166-2 code, so Crimea is UA);
   populated places except scientific stations; GeoNames spellings go to the Natural Earth city
   with the same GeoNames id (or same country, same name, closer than ``SAME_PLACE_KM``), whose
   country then follows GeoNames (ISO 3166: Sevastopol is UA); other GeoNames cities become
   places from ``GEONAMES_MIN_POPULATION`` people (``GEONAMES_MIN_POPULATION_DETAIL`` in
   ``DETAIL_COUNTRIES``, the countries Arabic news follows town by town).
2. Clean names: the text after "،" (a disambiguator) and type words ("أوبلاست", "محافظة") go;
   regions get typed forms ("مقاطعة سومي", "ولاية فلوريدا": ``region_type_words``), also from
   the spellings of the city they are named after; every city claims "مدينة X".
3. Filter the forms from the sources (``rejection``): excluded forms; forms made of direction
   words only ("الشمال الغربي"); forms shorter than ``MIN_LETTERS``; one-word forms that ANERcorp
   saw mostly as ordinary text (proclitic forms included, except for prominent places: "كلاوس"
   must not sink "لاوس"); for places that are not prominent (country, capital, city of a
   million), one-word forms that are mostly a person's name. A typed form with a weak type word
   ("منطقة الشرق") needs a bare name that passes. Curated forms are never filtered.
4. Merge repeats: a place with the Wikidata id of a better-ranked place closer than
   ``SAME_PLACE_KM`` (Moscow the federal city, Washington D.C. the district) is that place.
5. Give every form to exactly one place, the one news means by default: curated > country >
   capital > city of >= ``BIG_CITY_POPULATION`` or named like a region of its country > admin-1
   region > smaller city, then the larger population (for regions, their country's). Moscow
   the oblast keeps "مقاطعة موسكو"; "مدينة X" is left out when a city owns X.
6. ``name_ar`` is the curated name, else the place's clean name when it owns it, else its first
   owned qualified form: the matcher reads ``name_ar`` as an alias, so it must name this place
   only. A place left with no form is dropped (countries never are: see the tests).

The output is sorted by ``place_id`` and has no timestamps: rebuilding gives the same bytes.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from .arabic import clitic_forms, matching_view
from .errors import ReferenceDataError
from .lexicon import word_stats

__all__ = [
    "COLUMNS",
    "KINDS",
    "PLACES_PATH",
    "CURATED_PATH",
    "EXCLUSIONS_PATH",
    "Lexicon",
    "build_places",
    "write_places",
    "view_form",
    "clean_arabic",
    "strip_type_words",
]

PACKAGE = Path(__file__).parent
RESOURCES = PACKAGE / "resources"
RAW = PACKAGE.parent / "data" / "raw"
PLACES_PATH = RESOURCES / "places.csv"
CURATED_PATH = RESOURCES / "places_curated.csv"
EXCLUSIONS_PATH = RESOURCES / "place_exclusions.csv"
NATIONALITIES_PATH = RESOURCES / "nationalities.csv"

COLUMNS = ["place_id", "kind", "name_en", "name_ar", "country", "lat", "lon", "wikidata", "source", "aliases_ar"]
KINDS = ("continent", "world_region", "country", "region", "city", "area", "water")

GEONAMES_MIN_POPULATION = 100_000
GEONAMES_MIN_POPULATION_DETAIL = 20_000
# Arab League members, and the neighbours and wars Arabic news reports town by town.
DETAIL_COUNTRIES = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IL IR TR UA".split()
)
BIG_CITY_POPULATION = 100_000
PROMINENT_POPULATION = 1_000_000
SAME_PLACE_KM = 30.0
# Letters a form from the sources needs: Natural Earth names, GeoNames spellings (3 in
# DETAIL_COUNTRIES, where "رفح" and "تعز" are towns, 4 elsewhere), bare region names.
MIN_LETTERS = {"name": 3, "variant": 4, "detail_variant": 3, "region": 4}
# A one-word form is ordinary text when ANERcorp saw it (with proclitics) as ordinary text at least
# COMMON_MIN_USES times and more than COMMON_RATIO times as often as a location (ANERcorp is small:
# "الموصل" is 3 plain uses to 1 location and stays a place).
COMMON_MIN_USES = 3
COMMON_RATIO = 3
# A one-word form is a person's name when Wikidata person names use it PERSON_MIN_COUNT times, or
# when ANERcorp tagged it as a person at least twice and more often than as a location.
PERSON_MIN_COUNT = 10

# Words of direction and position. A name from the sources made of these alone ("الشرق",
# "الشمال الغربي", "القسم الشرقي": regions of Cameroon, Zambia, Gambia...) is ordinary text in news.
DIRECTION_WORDS = frozenset(
    " ".join(matching_view(w).split())
    for w in (
        "شمال جنوب شرق غرب وسط الشمال الجنوب الشرق الغرب الوسط الشمالي الجنوبي الشرقي الغربي "
        "الشمالية الجنوبية الشرقية الغربية شمالي جنوبي شرقي غربي شمالية جنوبية شرقية غربية "
        "الأوسط الوسطى وسطى الأقصى القصوى العليا السفلى الأعلى الأدنى العلوي السفلي المركزي "
        "المركزية الوسطي القسم الطرف الجهة الناحية المنطقة الإقليم الساحل الداخل الداخلية الخارجية"
    ).split()
)

# Natural Earth admin-0 types that are countries; the rest (leases, reefs, glaciers) are areas,
# except indeterminate territories where people live (Western Sahara, Somaliland).
COUNTRY_TYPES = frozenset({"Sovereign country", "Country", "Sovereignty", "Dependency", "Disputed"})
INDETERMINATE_COUNTRY_POPULATION = 100_000

# Type words dropped from the start or the end of a Natural Earth name ("لوهانسك أوبلاست").
TYPE_PREFIXES = (
    "مقاطعة", "محافظة", "ولاية", "إقليم", "منطقة", "بلدية", "إدارة", "مديرية", "أبرشية", "كانتون",
    "جهة", "شعبية", "إمارة", "أوبلاست", "كراي", "جمهورية", "أوكروغ", "ضاحية", "المحافظة",
    "المنطقة", "الإقليم", "الإدارة", "المقاطعة", "الأوبلاست", "مدينة",
)
TYPE_SUFFIXES = ("أوبلاست", "كراي", "أوكروغ", "ذاتية الحكم", "الذاتية")

# Typed forms of a region: by country, else by Natural Earth type_en; plus by (country, type_en).
TYPE_WORDS_BY_COUNTRY = {
    "UA": ("مقاطعة", "منطقة", "إقليم", "أوبلاست"),
    "RU": ("مقاطعة", "منطقة", "إقليم", "أوبلاست"),
    "BY": ("مقاطعة", "منطقة", "إقليم"),
    "US": ("ولاية",),
    "EG": ("محافظة",), "IQ": ("محافظة",), "SY": ("محافظة",), "JO": ("محافظة",), "LB": ("محافظة",),
    "YE": ("محافظة",), "KW": ("محافظة",), "BH": ("محافظة",), "OM": ("محافظة",), "PS": ("محافظة",),
    "SA": ("منطقة", "إمارة"),
    "AE": ("إمارة",),
    "QA": ("بلدية",),
    "DZ": ("ولاية",), "TN": ("ولاية",), "SD": ("ولاية",), "SS": ("ولاية",), "MR": ("ولاية",),
    "MA": ("جهة", "إقليم"),
    "LY": ("شعبية", "منطقة"),
    "TR": ("ولاية", "محافظة"),
    "IR": ("محافظة", "إقليم"),
    "AF": ("ولاية",),
    "PK": ("إقليم",),
    "IN": ("ولاية",), "DE": ("ولاية",), "AT": ("ولاية",), "AU": ("ولاية",), "BR": ("ولاية",),
    "MX": ("ولاية",), "NG": ("ولاية",), "MY": ("ولاية",), "VE": ("ولاية",),
    "CN": ("مقاطعة", "إقليم"), "CA": ("مقاطعة",),
}
TYPE_WORDS_BY_TYPE = {
    "State": ("ولاية",),
    "Province": ("مقاطعة", "محافظة", "إقليم"),
    "Region": ("منطقة", "إقليم"),
    "Governorate": ("محافظة",),
    "Territory": ("إقليم", "مقاطعة"),
    "Republic": ("جمهورية",),
    "Autonomous Republic": ("جمهورية",),
    "Emirate": ("إمارة",),
    "District": ("مقاطعة", "منطقة"),
    "Department": ("مقاطعة", "إدارة"),
    "County": ("مقاطعة",),
    "Prefecture": ("محافظة",),
    "Municipality": ("بلدية",),
    "Autonomous Community": ("إقليم", "منطقة"),
}
TYPE_WORDS_BY_COUNTRY_TYPE = {
    ("RU", "Republic"): ("جمهورية",),
    ("RU", "Territory"): ("كراي",),
}
# Type words that are also ordinary nouns ("منطقة الشرق" is "the area of the east"): their typed
# forms need a bare name that passes the filters.
WEAK_TYPE_WORDS = frozenset({"منطقه", "اقليم", "مقاطعه"})
# Countries whose admin-1 "Region" is an oblast (English name "Sumy Oblast").
OBLAST_COUNTRIES = frozenset({"UA", "RU", "BY"})
CITY_WORD = "مدينة"

# Origins of forms that are a place's own name (not typed, qualified or curated).
NAME_ORIGINS = frozenset({"name", "variant", "detail_variant", "region"})

# Rank of a claim on a form (lower wins): module docstring, rule 5.
RANK_CURATED, RANK_COUNTRY, RANK_CAPITAL, RANK_BIG_CITY, RANK_REGION, RANK_CITY = range(6)


# Arabic letters, harakat, tatweel and alef wasla; Pashto, Sindhi or Kurdish letters are not Arabic spellings
ARABIC_NAME = re.compile(r"[\u0621-\u063A\u0640-\u0652\u0670\u0671 -]+")


def view_form(text: str) -> str:
    """The matching-view form of a name: normalized, punctuation as spaces, single-spaced."""
    return " ".join(matching_view(text).split())


def slugify(name: str) -> str:
    """A lowercase ASCII slug of an English name ("Kyiv Oblast" -> "kyiv-oblast")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-")


def clean_arabic(name: str) -> str:
    """An Arabic name without its disambiguator ("بومبو، أوغندا" -> "بومبو") or parentheses."""
    name = re.split(r"[،,؛(]", name, maxsplit=1)[0]
    name = re.sub(r"\s*-\s*", "-", name)
    return " ".join(name.split())


_PREFIX_VIEWS = frozenset(view_form(w) for w in TYPE_PREFIXES)
_SUFFIX_VIEWS = sorted({view_form(w) for w in TYPE_SUFFIXES}, key=len, reverse=True)


def strip_type_words(name: str) -> str:
    """``name`` without leading or trailing type words ("أوبلاست دونيتسك" -> "دونيتسك")."""
    words = name.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        if view_form(words[0]) in _PREFIX_VIEWS:
            words = words[1:]
            changed = True
            continue
        for suffix in _SUFFIX_VIEWS:
            n = len(suffix.split())
            if len(words) > n and view_form(" ".join(words[-n:])) == suffix:
                words = words[:-n]
                changed = True
                break
    return " ".join(words)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Form:
    """An Arabic form a place claims, with the rank of the claim and where the form comes from.

    origin: name (Natural Earth), variant / detail_variant (GeoNames), region (bare admin-1 name),
    typed / weak_typed ("مقاطعة سومي"), city ("مدينة X"), curated.
    """

    text: str
    rank: int
    origin: str


@dataclass
class Place:
    """One place being built: its fields, its rank and weight in contests, and its claimed forms."""

    key: str  # slug of name_en, before the place_id is made unique
    kind: str
    name_en: str
    name_ar: str  # the clean Arabic name
    country: str
    lat: float | None
    lon: float | None
    wikidata: str
    source: str
    rank: int
    weight: float = 0.0  # breaks ties between equal ranks: population, or the country's for regions
    prominent: bool = False  # country, capital or city of a million: its name beats a person's name
    label: str = ""  # admin-1 name (cities) or type (regions), to tell apart places with one name
    forms: list[Form] = field(default_factory=list)
    place_id: str = ""
    curated_name_ar: str = ""

    def claim(self, text: str, origin: str, rank: int | None = None) -> None:
        text = clean_arabic(text)
        if text:
            self.forms.append(Form(text, self.rank if rank is None else rank, origin))


class Lexicon:
    """Word evidence for the filters: ANERcorp uses of a word, and Wikidata person-name counts."""

    def __init__(self, stats: pl.DataFrame, person_counts: dict[str, int]):
        self.location: dict[str, int] = {}
        self.plain: dict[str, int] = {}
        self.person_tags: dict[str, int] = {}
        for word, location, person, plain in stats.select("word", "n_location", "n_person", "n_other").iter_rows():
            self.location[word] = location
            self.plain[word] = plain
            self.person_tags[word] = person
        self.person = person_counts

    def is_common(self, view: str, *, with_clitics: bool = True) -> bool:
        """A one-word form that is mostly ordinary text rather than a location, its proclitic forms included.

        With proclitics, "كيل" (Kiel) is common because "وكيل" (agent) is; a prominent place is judged
        on its bare word only, or "لاوس" (Laos) would be common because of "كلاوس" (Klaus).
        """
        if " " in view:
            return False
        location = plain = 0
        for _, written in clitic_forms(view) if with_clitics else [("", view)]:
            location += self.location.get(written, 0)
            plain += self.plain.get(written, 0)
        return plain >= COMMON_MIN_USES and plain > COMMON_RATIO * location

    def is_person_name(self, view: str) -> bool:
        """A one-word form that names people more than places."""
        if " " in view:
            return False
        tagged = self.person_tags.get(view, 0)
        return self.person.get(view, 0) >= PERSON_MIN_COUNT or (tagged >= 2 and tagged > self.location.get(view, 0))


# ----------------------------------------------------------------------------- load inputs


def _read_raw(path: Path) -> pl.DataFrame:
    if not path.is_file():
        raise ReferenceDataError(f"raw gazetteer source missing: {path}. Restore data/raw from git.")
    return pl.read_csv(path, infer_schema=False, empty_string_is_null=False)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _iso2(*codes: str | None) -> str:
    return next((c for c in codes if c and re.fullmatch(r"[A-Z]{2}", c)), "")


def load_person_counts(raw: Path) -> dict[str, int]:
    """Matching view of a person-name token -> how often Wikidata person names use it."""
    path = raw / "transliteration_en_ar" / "wd_arabic.normalized.aligned.tokens"
    if not path.is_file():
        raise ReferenceDataError(f"raw gazetteer source missing: {path}. Restore data/raw from git.")
    tokens = pl.read_csv(
        path, separator="\t", has_header=False, new_columns=["en", "ar", "count"], quote_char=None,
        schema_overrides={"en": pl.String, "ar": pl.String, "count": pl.Int64},
    )
    counts: Counter[str] = Counter()
    for arabic, count in tokens.select(pl.col("ar").str.replace_all(" ", ""), "count").iter_rows():
        counts[view_form(arabic)] += count
    return dict(counts)


def load_countries(raw: Path) -> list[Place]:
    """Natural Earth admin-0 units: countries, dependencies, disputed and other areas."""
    frame = _read_raw(raw / "natural_earth_ar" / "ne_10m_admin_0_countries_ar.csv")
    places = []
    for row in frame.iter_rows(named=True):
        # the shortest English name without abbreviations: "China", "United States"
        names = [n for n in (row["name_en"], row["admin"], row["name_long"]) if n and "." not in n and "(" not in n]
        name_en = min(names, key=len) if names else row["name_en"]
        population = _float(row["pop_est"]) or 0.0
        is_country = row["type"] in COUNTRY_TYPES or (
            row["type"] == "Indeterminate" and population >= INDETERMINATE_COUNTRY_POPULATION
        )
        place = Place(
            key=slugify(name_en),
            kind="country" if is_country else "area",
            name_en=name_en,
            name_ar=clean_arabic(row["name_ar"]),
            country=_iso2(row["iso_a2_eh"], row["iso_a2"]),
            lat=_float(row["capital_lat"]),
            lon=_float(row["capital_lon"]),
            wikidata=row["wikidataid"],
            source="natural_earth",
            rank=RANK_COUNTRY,
            weight=population,
            prominent=True,
        )
        place.claim(place.name_ar, "name")
        places.append(place)
    return places


def claim_formal_names(countries: list[Place], nationalities_path: Path) -> None:
    """Formal names built from nationality adjectives: "الجمهورية الفرنسية", "المملكة المغربية".

    Each goes to the most populous country with the adjective's ISO code.
    """
    frame = _read_resource(nationalities_path, ["adjective_ar", "country", "plural_ar", "region"])
    main: dict[str, Place] = {}
    for place in countries:
        if place.kind == "country" and place.country and (place.country not in main or place.weight > main[place.country].weight):
            main[place.country] = place
    for adjective, country in frame.select("adjective_ar", "country").iter_rows():
        place = main.get(country or "")
        if place is None or " " in adjective.strip():
            continue
        for head in ("الجمهورية", "المملكة"):
            place.claim(f"{head} ال{adjective.strip()}ة", "formal")


def locate_countries(countries: list[Place], others: list[Place]) -> None:
    """Give a country without a capital point the mean point of its regions (else of its cities)."""
    for kind in ("region", "city"):
        points: dict[str, list[tuple[float, float]]] = {}
        for place in others:
            if place.kind == kind and place.lat is not None:
                points.setdefault(place.country, []).append((place.lat, place.lon))
        for country in countries:
            if country.lat is None and points.get(country.country):
                found = points[country.country]
                country.lat = sum(p[0] for p in found) / len(found)
                country.lon = sum(p[1] for p in found) / len(found)


def region_type_words(country: str, type_en: str) -> tuple[str, ...]:
    """Arabic type words that go before the name of a region of ``country`` with Natural Earth ``type_en``."""
    words = TYPE_WORDS_BY_COUNTRY.get(country) or TYPE_WORDS_BY_TYPE.get(type_en, ())
    return tuple(words) + TYPE_WORDS_BY_COUNTRY_TYPE.get((country, type_en), ())


def load_regions(raw: Path, country_population: dict[str, float]) -> list[Place]:
    """Natural Earth admin-1 regions with an Arabic name, with their typed forms."""
    frame = _read_raw(raw / "natural_earth_ar" / "ne_10m_admin_1_states_provinces_ar.csv")
    places = []
    for row in frame.iter_rows(named=True):
        if not row["name_ar"] or not row["name_en"]:
            continue
        country = _iso2(row["iso_3166_2"][:2], row["iso_a2"])
        full = clean_arabic(row["name_ar"])
        bare = strip_type_words(full)
        type_en = row["type_en"]
        name_en = row["name_en"]
        if country in OBLAST_COUNTRIES and type_en in ("Region", "") and "oblast" not in name_en.lower():
            name_en = f"{name_en} Oblast"
        place = Place(
            key=slugify(name_en),
            kind="region",
            name_en=name_en,
            name_ar=bare,
            country=country,
            lat=_float(row["lat"]),
            lon=_float(row["lon"]),
            wikidata=row["wikidataid"],
            source="natural_earth",
            rank=RANK_REGION,
            weight=country_population.get(country, 0.0),
            label=type_en.split("|")[0],
        )
        place.claim(bare, "region")
        for word in region_type_words(country, type_en):
            place.claim(f"{word} {bare}", "weak_typed" if view_form(word) in WEAK_TYPE_WORDS else "typed")
        if full != bare:
            place.claim(full, "typed")
        places.append(place)
    return places


def load_cities(raw: Path) -> tuple[list[Place], dict[str, Place]]:
    """Natural Earth populated places (not scientific stations), and a map GeoNames id -> place."""
    frame = _read_raw(raw / "natural_earth_ar" / "ne_50m_populated_places_ar.csv")
    places, by_geonames = [], {}
    for row in frame.iter_rows(named=True):
        if row["featurecla"] == "Scientific station" or not row["name_ar"]:
            continue
        population = _float(row["pop_max"]) or 0.0
        is_capital = row["featurecla"] == "Admin-0 capital"
        full = clean_arabic(row["name_ar"])
        bare = strip_type_words(full)
        place = Place(
            key=slugify(row["name_en"]),
            kind="city",
            name_en=row["name_en"],
            name_ar=bare,
            country=_iso2(row["iso_a2"]),
            lat=_float(row["lat"]),
            lon=_float(row["lon"]),
            wikidata=row["wikidataid"],
            source="natural_earth",
            rank=RANK_CAPITAL if is_capital else RANK_BIG_CITY if population >= BIG_CITY_POPULATION else RANK_CITY,
            weight=population,
            prominent=is_capital or population >= PROMINENT_POPULATION,
            label=row["adm1name"],
        )
        place.claim(bare, "name")
        if full != bare:
            place.claim(full, "typed")
        place.claim(f"{CITY_WORD} {bare}", "city")
        places.append(place)
        if row["geonamesid"].isdigit() and int(row["geonamesid"]) > 0:
            by_geonames[row["geonamesid"]] = place
    return places, by_geonames


def _claim_variant(place: Place, variant: str, origin: str) -> str:
    """Claim a GeoNames spelling without its type word ("مدينة حمص" -> "حمص"); return the bare spelling."""
    bare = strip_type_words(variant)
    place.claim(bare, origin)
    if bare != variant:
        place.claim(variant, "typed")
    return bare


def load_geonames(raw: Path, cities: list[Place], by_geonames: dict[str, Place]) -> list[Place]:
    """GeoNames spellings: added to the Natural Earth city they match, else new cities if big enough."""
    frame = _read_raw(raw / "geonames_ar_variants" / "geonames_cities15000_ar_variants.csv")
    by_country_name: dict[tuple[str, str], list[Place]] = {}
    for city in cities:
        by_country_name.setdefault((city.country, view_form(city.name_ar)), []).append(city)
    added = []
    for row in frame.sort(pl.col("geonameid").cast(pl.Int64)).iter_rows(named=True):
        # Kurdish, Persian or Ottoman spellings with letters Arabic does not use are not Arabic forms
        variants = [v for v in (clean_arabic(v) for v in row["ar_variants"].split("|")) if v and ARABIC_NAME.fullmatch(v)]
        if not variants:
            continue
        lat, lon = _float(row["lat"]), _float(row["lon"])
        country = _iso2(row["country_code"])
        target = by_geonames.get(row["geonameid"])
        if target is None:
            target = next(
                (
                    city
                    for variant in variants
                    for city in by_country_name.get((country, view_form(variant)), [])
                    if city.lat is not None and haversine_km(city.lat, city.lon, lat, lon) < SAME_PLACE_KM
                ),
                None,
            )
        origin = "detail_variant" if country in DETAIL_COUNTRIES else "variant"
        if target is not None:
            # GeoNames follows ISO 3166 where Natural Earth shows the de facto control (Sevastopol)
            target.country = country or target.country
            for variant in variants:
                _claim_variant(target, variant, origin)
            continue
        population = _float(row["population"]) or 0.0
        minimum = GEONAMES_MIN_POPULATION_DETAIL if country in DETAIL_COUNTRIES else GEONAMES_MIN_POPULATION
        if population < minimum:
            continue
        place = Place(
            key=slugify(row["name"]),
            kind="city",
            name_en=row["name"],
            name_ar=variants[0],
            country=country,
            lat=lat,
            lon=lon,
            wikidata="",
            source="geonames",
            rank=RANK_BIG_CITY if population >= BIG_CITY_POPULATION else RANK_CITY,
            weight=population,
            prominent=population >= PROMINENT_POPULATION,
        )
        for variant in variants:
            bare = _claim_variant(place, variant, origin)
            place.claim(f"{CITY_WORD} {bare}", "city")
        added.append(place)
    return added


def _read_resource(path: Path, columns: list[str]) -> pl.DataFrame:
    if not path.is_file():
        raise ReferenceDataError(f"gazetteer file missing: {path}. Restore it from git.")
    try:
        frame = pl.read_csv(path, infer_schema=False, empty_string_is_null=False, comment_prefix="#")
    except pl.exceptions.PolarsError as err:
        raise ReferenceDataError(f"{path} is not a readable CSV file: {err}") from None
    if frame.columns != columns:
        raise ReferenceDataError(f"{path} must have exactly the columns {','.join(columns)} (found {','.join(frame.columns)}).")
    return frame.with_columns(pl.col(pl.String).str.strip_chars())


def load_curated(path: Path) -> pl.DataFrame:
    """The curated places and amendments, checked row by row."""
    frame = _read_resource(path, COLUMNS)
    for i, row in enumerate(frame.iter_rows(named=True), start=2):
        where = f"{path.name} line {i} ({row['place_id'] or 'no place_id'})"
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", row["place_id"]):
            raise ReferenceDataError(f"{where}: place_id must be a lowercase ASCII slug like 'donbas' or 'pokrovsk-ua'.")
        if row["kind"] and row["kind"] not in KINDS:
            raise ReferenceDataError(f"{where}: kind {row['kind']!r} is not one of {', '.join(KINDS)}.")
        if row["source"] != "curated":
            raise ReferenceDataError(f"{where}: source must be 'curated'.")
        if row["wikidata"]:
            raise ReferenceDataError(f"{where}: leave wikidata empty (ids come from Natural Earth only).")
        for column, low, high in (("lat", -90, 90), ("lon", -180, 180)):
            value = _float(row[column])
            if row[column] and (value is None or not low <= value <= high):
                raise ReferenceDataError(f"{where}: {column} {row[column]!r} is not a number in [{low}, {high}].")
        if row["country"] and not re.fullmatch(r"[A-Z]{2}", row["country"]):
            raise ReferenceDataError(f"{where}: country must be an ISO 3166-1 alpha-2 code like 'UA', or empty.")
    dupes = frame.filter(pl.col("place_id").is_duplicated())["place_id"].unique().sort().to_list()
    if dupes:
        raise ReferenceDataError(f"{path.name}: place_id repeats: {', '.join(dupes)}. Merge the rows.")
    return frame


def load_exclusions(path: Path) -> dict[str, str]:
    """Excluded forms: matching view -> reason."""
    frame = _read_resource(path, ["alias_ar", "reason"])
    out = {}
    for i, (alias, reason) in enumerate(frame.iter_rows(), start=2):
        form = view_form(alias)
        if not form or not reason:
            raise ReferenceDataError(f"{path.name} line {i}: give an Arabic form and the reason it is not a place.")
        if form in out:
            raise ReferenceDataError(f"{path.name} line {i}: {alias!r} is already excluded on an earlier line.")
        out[form] = reason
    return out


# ----------------------------------------------------------------------------- process


def merge_duplicates(places: list[Place]) -> list[Place]:
    """Merge a place into a better-ranked one with the same Wikidata id closer than ``SAME_PLACE_KM``.

    The same id far away is an error of the source: the worse place keeps its row, not the id.
    """
    kept, by_qid = [], {}
    for place in sorted(places, key=lambda p: (p.rank, -p.weight, p.key)):
        first = by_qid.get(place.wikidata) if place.wikidata else None
        if first is None:
            if place.wikidata:
                by_qid[place.wikidata] = place
            kept.append(place)
        elif None not in (first.lat, place.lat) and haversine_km(first.lat, first.lon, place.lat, place.lon) < SAME_PLACE_KM:
            # its names, not its typed forms: "مقاطعة موسكو" stays with Moscow Oblast
            first.forms.extend(Form(f.text, first.rank, f.origin) for f in place.forms if f.origin in NAME_ORIGINS)
        else:
            place.wikidata = ""
            kept.append(place)
    return kept


def link_namesakes(places: list[Place]) -> None:
    """A region named after a city of its country (Kherson Oblast, Riyadh Region) yields the bare name to the city.

    The city's claims on the shared name rank as a big city's whatever its size, and the region
    gets typed forms of each of the city's spellings ("مقاطعة خرسون" next to "مقاطعة خيرسون").
    """
    cities: dict[tuple[str, str], list[Place]] = {}
    for place in places:
        if place.kind == "city":
            for form in place.forms:
                if form.origin in NAME_ORIGINS:
                    cities.setdefault((place.country, view_form(form.text)), []).append(place)
    for region in places:
        if region.kind != "region":
            continue
        shared = {view_form(f.text) for f in region.forms if f.origin == "region"}
        namesakes = {id(c): c for view in sorted(shared) for c in cities.get((region.country, view), [])}
        for city in namesakes.values():
            city.forms = [
                Form(f.text, min(f.rank, RANK_BIG_CITY), f.origin) if view_form(f.text) in shared else f for f in city.forms
            ]
            for name in dict.fromkeys(f.text for f in city.forms if f.origin in NAME_ORIGINS):
                for word in region_type_words(region.country, region.label):
                    region.claim(f"{word} {name}", "weak_typed" if view_form(word) in WEAK_TYPE_WORDS else "typed")


def assign_ids(places: list[Place]) -> None:
    """Readable unique ids: countries by name, others '<name>-<iso2>'; repeats get their admin-1 or type, or a number.

    The better-ranked place keeps the plain id; a region gives way to a city of the same name.
    """
    taken = {p.place_id for p in places if p.place_id}
    # regions come last: "aqaba-jo" is the city, its governorate "aqaba-governorate-jo"
    for place in sorted(places, key=lambda p: (p.kind == "region", p.rank, -p.weight, p.key, p.lat or 0.0, p.lon or 0.0)):
        if place.place_id:
            continue
        suffix = f"-{place.country.lower()}" if place.country and place.kind not in ("country", "area") else ""
        candidates = [f"{place.key}{suffix}"]
        if place.label:
            candidates.append(f"{place.key}-{slugify(place.label)}{suffix}")
        candidates += [f"{place.key}{suffix}-{n}" for n in range(2, 1000)]
        place.place_id = next(c for c in candidates if c not in taken)
        taken.add(place.place_id)
        if place.kind == "region" and place.label and place.place_id == candidates[1]:
            place.name_en = f"{place.name_en} {place.label}"  # "Riyadh Region", next to Riyadh the city


def apply_curated(places: list[Place], curated: pl.DataFrame) -> list[Place]:
    """Add the curated places; apply the amendments (rows whose place_id is a generated id)."""
    by_id = {p.place_id: p for p in places}
    out = list(places)
    for row in curated.iter_rows(named=True):
        target = by_id.get(row["place_id"])
        if target is None:
            missing = [c for c in ("kind", "name_en", "name_ar", "lat", "lon") if not row[c]]
            if missing:
                raise ReferenceDataError(
                    f"places_curated.csv: {row['place_id']!r} is not a generated place, so it is a new place, "
                    f"and it lacks {', '.join(missing)}. Fill them, or use the id of the place to amend."
                )
            target = Place(
                key=row["place_id"], kind=row["kind"], name_en=row["name_en"], name_ar=clean_arabic(row["name_ar"]),
                country=row["country"], lat=float(row["lat"]), lon=float(row["lon"]), wikidata="",
                source="curated", rank=RANK_CURATED, place_id=row["place_id"],
            )
            out.append(target)
            by_id[target.place_id] = target
        else:
            for column in ("kind", "name_en", "country"):
                if row[column]:
                    setattr(target, column, row[column])
            if row["lat"] and row["lon"]:
                target.lat, target.lon = float(row["lat"]), float(row["lon"])
        if row["name_ar"]:
            target.curated_name_ar = clean_arabic(row["name_ar"])
            target.claim(row["name_ar"], "curated", RANK_CURATED)
        for alias in row["aliases_ar"].split("|"):
            target.claim(alias, "curated", RANK_CURATED)
    return out


def rejection(form: Form, place: Place, excluded: dict[str, str], lexicon: Lexicon) -> str | None:
    """Why ``form`` may not name ``place`` (module docstring, rule 3), or None."""
    view = view_form(form.text)
    if not view:
        return "empty"
    if view in excluded:
        return "excluded"
    if form.origin == "curated":
        return None
    if all(word in DIRECTION_WORDS for word in view.split()):
        return "direction words"
    if form.origin in ("typed", "city", "formal"):
        return None
    if form.origin == "weak_typed":
        bare = view.split(" ", 1)[1]
        rejected = bare in excluded or lexicon.is_common(bare) or all(w in DIRECTION_WORDS for w in bare.split())
        return "weak type word before a rejected name" if rejected else None
    if sum(c.isalpha() for c in view) < MIN_LETTERS[form.origin]:
        return "too short"
    if lexicon.is_common(view, with_clitics=not place.prominent):
        return "ordinary word"
    if not place.prominent and lexicon.is_person_name(view):
        return "person's name"
    return None


def assign_forms(places: list[Place], excluded: dict[str, str], lexicon: Lexicon) -> tuple[dict[str, list[str]], Counter]:
    """Give every form to one place (module docstring, rule 5): place_id -> its forms; and why forms were dropped.

    "مدينة X" is settled after the names: when a city owns X, the matcher finds X inside
    "مدينة X" anyway, so the form is left out instead of going to a namesake city abroad.
    """
    names: dict[str, list[tuple[int, float, str, str]]] = {}
    qualified: dict[str, list[tuple[int, float, str, str]]] = {}
    dropped: Counter[str] = Counter()
    kind = {p.place_id: p.kind for p in places}
    for place in places:
        for form in place.forms:
            reason = rejection(form, place, excluded, lexicon)
            if reason:
                dropped[reason] += 1
                continue
            contest = qualified if form.origin == "city" else names
            contest.setdefault(view_form(form.text), []).append((form.rank, -place.weight, place.place_id, form.text))
    winners = {view: min(claims) for view, claims in names.items()}
    city_prefix = view_form(CITY_WORD) + " "
    for view, claims in qualified.items():
        if view in winners:
            continue
        bare_owner = winners.get(view[len(city_prefix):])
        if bare_owner is not None and kind[bare_owner[2]] == "city":
            dropped["redundant city form"] += 1
            continue
        winners[view] = min(claims)
    owned: dict[str, list[str]] = {p.place_id: [] for p in places}
    for view in sorted(winners):
        owned[winners[view][2]].append(winners[view][3])
    return owned, dropped


def place_rows(places: list[Place], owned: dict[str, list[str]]) -> pl.DataFrame:
    """The places table (module docstring, rule 6), sorted by place_id."""
    rows = []
    for place in places:
        forms = {}
        for text in owned[place.place_id]:
            forms.setdefault(view_form(text), text)
        if not forms:
            continue
        candidates = [place.curated_name_ar, place.name_ar] + [f.text for f in place.forms]
        name_ar = next(forms[view_form(c)] for c in candidates if c and view_form(c) in forms)
        aliases = [name_ar] + [forms[v] for v in sorted(forms) if v != view_form(name_ar)]
        rows.append(
            {
                "place_id": place.place_id,
                "kind": place.kind,
                "name_en": place.name_en,
                "name_ar": name_ar,
                "country": place.country or None,
                "lat": None if place.lat is None else round(place.lat, 4),
                "lon": None if place.lon is None else round(place.lon, 4),
                "wikidata": place.wikidata or None,
                "source": place.source,
                "aliases_ar": "|".join(aliases),
            }
        )
    schema = {c: pl.String for c in COLUMNS} | {"lat": pl.Float64, "lon": pl.Float64}
    return pl.DataFrame(rows, schema=schema, orient="row").sort("place_id")


def build_places(
    raw: Path = RAW,
    curated_path: Path = CURATED_PATH,
    exclusions_path: Path = EXCLUSIONS_PATH,
    stats: pl.DataFrame | None = None,
    nationalities_path: Path = NATIONALITIES_PATH,
) -> tuple[pl.DataFrame, Counter]:
    """The gazetteer (columns ``COLUMNS``) built from ``raw`` and the curated files; and the count of dropped forms by reason."""
    curated = load_curated(curated_path)
    excluded = load_exclusions(exclusions_path)
    contradictions = sorted(
        alias
        for aliases in curated.select(pl.concat_str("name_ar", pl.lit("|"), "aliases_ar")).to_series()
        for alias in aliases.split("|")
        if view_form(alias) in excluded
    )
    if contradictions:
        raise ReferenceDataError(
            f"places_curated.csv lists forms that place_exclusions.csv excludes: {', '.join(contradictions[:5])}. "
            "Remove the form from one of the two files."
        )
    lexicon = Lexicon(word_stats() if stats is None else stats, load_person_counts(raw))
    countries = load_countries(raw)
    claim_formal_names(countries, nationalities_path)
    regions = load_regions(raw, {p.country: p.weight for p in countries if p.country})
    cities, by_geonames = load_cities(raw)
    towns = load_geonames(raw, cities, by_geonames)
    locate_countries(countries, regions + cities)
    places = merge_duplicates(countries + regions + cities + towns)
    link_namesakes(places)
    assign_ids(places)
    places = apply_curated(places, curated)
    owned, dropped = assign_forms(places, excluded, lexicon)
    return place_rows(places, owned), dropped


def write_places(frame: pl.DataFrame, path: Path = PLACES_PATH) -> None:
    """Save the gazetteer as CSV (floats with 4 decimals)."""
    frame.write_csv(path, float_precision=4)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    raw = Path(args[0]) if args else RAW
    try:
        places, dropped = build_places(raw)
    except ReferenceDataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    write_places(places)
    by_kind = ", ".join(f"{kind} {n}" for kind, n in places.group_by("kind").len().sort("kind").iter_rows())
    reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(dropped.items()))
    print(f"wrote {PLACES_PATH} ({places.height} places: {by_kind}; forms dropped: {reasons})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
