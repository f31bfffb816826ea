"""The places gazetteer: the shipped places.csv, the rules that build it, and what it finds in the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from analysis.arabic import clitic_forms, matching_view
from analysis.build_gazetteer import (
    COLUMNS,
    CURATED_PATH,
    EXCLUSIONS_PATH,
    KINDS,
    PLACES_PATH,
    RAW,
    build_places,
    clean_arabic,
    strip_type_words,
    view_form,
    write_places,
)
from analysis.errors import ReferenceDataError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def places() -> pl.DataFrame:
    return pl.read_csv(PLACES_PATH, infer_schema=False)


def alias_rows(places: pl.DataFrame) -> pl.DataFrame:
    """(place_id, alias, form) for every name_ar and alias: what the entity matcher reads."""
    aliases = places.select("place_id", pl.concat_str("name_ar", pl.lit("|"), "aliases_ar").str.split("|").alias("alias"))
    aliases = aliases.explode("alias").unique(maintain_order=True)
    return aliases.with_columns(pl.col("alias").map_elements(view_form, return_dtype=pl.String).alias("form"))


class Resolver:
    """A small stand-in for the entity matcher: whole words, proclitics, longest form first."""

    def __init__(self, places: pl.DataFrame):
        self.lookup: dict[str, str] = {}
        bare: dict[str, str] = {}
        for place_id, form in alias_rows(places).select("place_id", "form").iter_rows():
            for prefix, written in clitic_forms(form):
                (self.lookup if prefix else bare)[written] = place_id
        self.lookup.update(bare)  # "فيينا" is Vienna before it is ف + "يينا"
        self.longest = max(len(form.split()) for form in self.lookup)

    def __call__(self, text: str) -> list[str]:
        words = matching_view(text).split()
        found, i = [], 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                place_id = self.lookup.get(" ".join(words[i : i + n]))
                if place_id:
                    found.append(place_id)
                    i += n
                    break
            else:
                i += 1
        return found


@pytest.fixture(scope="module")
def resolve(places) -> Resolver:
    return Resolver(places)


# ----------------------------------------------------------------------------- the shipped table


def test_columns_are_the_documented_ones_in_order(places):
    assert places.columns == COLUMNS


def test_place_ids_are_unique_readable_slugs(places):
    assert places["place_id"].is_unique().all()
    bad = places.filter(~pl.col("place_id").str.contains(r"^[a-z0-9]+(-[a-z0-9]+)*$"))["place_id"].to_list()
    assert bad == []


def test_rows_are_sorted_by_place_id(places):
    assert places["place_id"].to_list() == sorted(places["place_id"].to_list())


def test_every_alias_names_one_place(places):
    aliases = alias_rows(places)
    clash = aliases.unique(["place_id", "form"]).filter(pl.col("form").is_duplicated()).sort("form", "place_id")
    assert clash.head(10).rows() == []


def test_name_ar_is_one_of_the_aliases_and_nothing_is_empty(places):
    assert places.filter(pl.col("name_ar").is_null() | pl.col("aliases_ar").is_null()).height == 0
    first_alias = places.select(pl.col("aliases_ar").str.split("|").list.first())["aliases_ar"]
    assert (first_alias == places["name_ar"]).all()
    assert not places["aliases_ar"].str.contains(r"\|\||^\||\|$").any()


def test_kinds_sources_countries_and_wikidata_are_well_formed(places):
    assert set(places["kind"].unique()) <= set(KINDS)
    assert set(places["source"].unique()) <= {"natural_earth", "geonames", "curated"}
    assert places.filter(pl.col("country").is_not_null() & ~pl.col("country").str.contains(r"^[A-Z]{2}$")).height == 0
    assert places.filter(pl.col("wikidata").is_not_null() & ~pl.col("wikidata").str.contains(r"^Q\d+$")).height == 0
    # Wikidata ids come from Natural Earth only, and name one place each
    assert places.filter(pl.col("wikidata").is_not_null() & (pl.col("source") != "natural_earth")).height == 0
    assert places.drop_nulls("wikidata")["wikidata"].is_unique().all()


def test_coordinates_are_present_and_in_range(places):
    coords = places.select("place_id", pl.col("lat").cast(pl.Float64), pl.col("lon").cast(pl.Float64))
    assert coords.filter(pl.col("lat").is_null() | pl.col("lon").is_null())["place_id"].to_list() == []
    assert coords.filter(~pl.col("lat").is_between(-90, 90) | ~pl.col("lon").is_between(-180, 180)).height == 0


def test_every_natural_earth_country_is_present(places):
    countries = pl.read_csv(RAW / "natural_earth_ar" / "ne_10m_admin_0_countries_ar.csv", infer_schema=False)
    missing = countries.join(places, left_on="wikidataid", right_on="wikidata", how="anti")
    assert missing.select("name_en").to_series().to_list() == []
    assert places.filter(pl.col("kind") == "country").height >= 240


def test_no_alias_is_an_excluded_form(places):
    excluded = {view_form(a) for a in pl.read_csv(EXCLUSIONS_PATH, infer_schema=False, comment_prefix="#")["alias_ar"]}
    assert alias_rows(places).filter(pl.col("form").is_in(list(excluded)))["alias"].to_list() == []


def test_curated_new_places_do_not_repeat_a_generated_place(places):
    # a curated town next to a generated one spelled alike in English ("Avdiivka", "Avdiyivka") is a
    # duplicate: amend the generated place instead (use its place_id in places_curated.csv)
    stem = pl.col("place_id").str.replace(r"^(al|as|ad|an|ar|az|ash|at)-", "").str.slice(0, 4)
    curated = places.filter(pl.col("source") == "curated", pl.col("kind") == "city").with_columns(stem.alias("stem"))
    generated = places.filter(pl.col("source") != "curated", pl.col("kind") == "city").with_columns(stem.alias("stem"))
    pairs = curated.join(generated, on=["country", "stem"], suffix="_g").filter(
        (pl.col("lat").cast(pl.Float64) - pl.col("lat_g").cast(pl.Float64)).abs()
        + (pl.col("lon").cast(pl.Float64) - pl.col("lon_g").cast(pl.Float64)).abs()
        < 0.1
    )
    assert pairs.select("place_id", "place_id_g").rows() == []


def test_the_gazetteer_loads_with_the_actors():
    from analysis.reference import load_reference

    reference = load_reference()
    assert reference.places.height == pl.read_csv(PLACES_PATH, infer_schema=False).height


def test_rebuilding_from_data_raw_reproduces_the_committed_file(tmp_path):
    rebuilt, _ = build_places()
    write_places(rebuilt, tmp_path / "places.csv")
    assert (tmp_path / "places.csv").read_bytes() == PLACES_PATH.read_bytes(), (
        "places.csv is out of date: run `python -m analysis.build_gazetteer` (make reference) and commit it"
    )


# ----------------------------------------------------------------------------- what news text resolves to

SEED_PLACES = {
    "000_cccb5172939ab6c6.txt": {
        "moscow-ru", "ukraine", "russia", "europe", "donbas", "sumy-oblast-ua", "kostiantynivka-ua",
        "pokrovsk-ua", "huliaipole-ua", "kupiansk-ua", "brussels-be", "united-states",
    },
    "001_55e135ef538d4fc0.txt": {"washington-us", "moscow-ru", "ukraine", "russia", "united-states", "florida-us", "kyiv-ua", "pokrovsk-ua"},
    "002_aded94efad02d3d0.txt": {"moscow-ru", "ukraine", "kyiv-ua", "united-states", "russia"},
    "003_8e2cba08b37c4fe5.txt": {
        "miami-us", "moscow-ru", "kyiv-ua", "ukraine", "berlin-de", "russia", "united-states", "europe", "alaska-us", "washington-us",
    },
    "004_9b8058d57ede9ca3.txt": {"washington-us", "ukraine", "moscow-ru", "miami-us", "europe"},
}


@pytest.mark.parametrize("seed", sorted(SEED_PLACES))
def test_each_seed_article_names_exactly_its_places(resolve, seed):
    found = set(resolve((SEEDS / seed).read_text(encoding="utf-8")))
    assert found == SEED_PLACES[seed]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عقد الرئيس الروسي اجتماعا في موسكو", ["moscow-ru"]),
        ("لإنهاء الحرب الروسية في أوكرانيا", ["ukraine"]),
        ("منحازة للغاية لروسيا", ["russia"]),
        ("أن تتخلى أوكرانيا عن كامل منطقة دونباس", ["ukraine", "donbas"]),
        ("من بينها مقاطعة سومي، وبالقرب من كوستيانتينيفكا وبوكروفسك وخوليايبولي", ["sumy-oblast-ua", "kostiantynivka-ua", "pokrovsk-ua", "huliaipole-ua"]),
        ("لا تزال تسيطر على معظم مدينة كوبيانسك", ["kupiansk-ua"]),
        ("بعد بروكسل، سيبدأ الاستعداد", ["brussels-be"]),
        ("لاجتماع مع مبعوثي الرئيس بايدن في الولايات المتحدة", ["united-states"]),
        ("سيتوجهان إلى كييف أو عواصم أوروبية أخرى", ["kyiv-ua"]),
        ("بين الوفدين الأوكراني والأمريكي في فلوريدا", ["florida-us"]),
        ("المناقشات حول الأزمة الأوكرانية في ميامي يوم الأحد", ["miami-us"]),
        ("محادثات في برلين يوم الجمعة", ["berlin-de"]),
        ("وأشار إلى قمة ألاسكا التي عقدها", ["alaska-us"]),
        ("الكرملين: محادثات بناءة مع واشنطن", ["washington-us"]),
        ("رغبة أوروبا المفاجئة في شن حرب", ["europe"]),
        # shared forms: the bare form is what news means by default, the other place keeps qualified forms
        ("مقاطعة موسكو", ["moscow-oblast-ru"]),
        ("مقاطعة كييف", ["kyiv-oblast-ua"]),
        ("ولاية واشنطن", ["washington-state-us"]),
        ("جورجيا", ["georgia"]),
        ("ولاية جورجيا", ["georgia-us"]),
        ("سومي", ["sumy-ua"]),
        ("المكسيك ومكسيكو", ["mexico", "mexico-city-mx"]),
        ("الأردن", ["jordan"]),
        ("نيويورك وولاية نيويورك", ["new-york-city-us", "new-york-us"]),
        ("غزة ومدينة غزة", ["gaza-strip", "gaza-city-ps"]),
        ("الكويت ومدينة الكويت", ["kuwait", "kuwait-city-kw"]),
        ("خيرسون ومقاطعة خيرسون", ["kherson-ua", "kherson-oblast-ua"]),
        ("إقليم دونيتسك وولاية فلوريدا ومحافظة الجيزة", ["donetsk-oblast-ua", "florida-us", "giza-governorate-eg"]),
        ("العراق والمملكة العربية السعودية والسعودية", ["iraq", "saudi-arabia", "saudi-arabia"]),
        ("شبه جزيرة القرم", ["autonomous-republic-of-crimea-ua"]),
        ("مضيق هرمز والبحر الأسود", ["strait-of-hormuz", "black-sea"]),
    ],
)
def test_places_resolve_to_the_place_news_means(resolve, text, expected):
    assert resolve(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "العرب نيوز اللندنية",  # an adjective, not London
        "موقفاً روسياً واضحاً",  # tanween: an adverb, not Russia
        "الخلافات حول الأراضي هي العقبة الرئيسية",  # obstacle, not Aqaba
        "على الرغم من الأمل المعلق على مساعي السلام",
        "في الأجزاء الشمالية والمنطقة الشرقية والوسطى",
        "دعم مالي للبنين في البيت الأبيض",  # financial, boys, white
        "بالصور: الخبر كما نشرته الجزيرة",
        "لقاء بلاتر وفرانس برس",  # proclitic + another word: Latur, Reims
    ],
)
def test_ordinary_words_are_not_places(resolve, text):
    assert resolve(text) == []


@pytest.mark.parametrize("form", ["الشرقية", "الوسطى", "الشمالية", "الغربية", "الجنوبية", "السلام", "الأمل", "الأبيض", "مالي", "صور"])
def test_false_friends_are_not_aliases(places, form):
    assert alias_rows(places).filter(pl.col("form") == view_form(form)).height == 0


# ----------------------------------------------------------------------------- the rules, on tiny inline tables


def test_arabic_names_lose_disambiguators_and_type_words():
    assert clean_arabic("بومبو، أوغندا") == "بومبو"
    assert clean_arabic("قراتشاي - تشيركيسيا") == "قراتشاي-تشيركيسيا"
    assert strip_type_words("لوهانسك أوبلاست") == "لوهانسك"
    assert strip_type_words("أوبلاست دونيتسك") == "دونيتسك"
    assert strip_type_words("جمهورية القرم ذاتية الحكم") == "القرم"
    assert strip_type_words("محافظة") == "محافظة"  # never to nothing
    assert strip_type_words("جنوب السودان") == "جنوب السودان"


def _write(path: Path, header: str, rows: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


@pytest.fixture()
def tiny(tmp_path):
    """A tiny raw folder, curated file and exclusions: Kyiv, Sumy, Georgia and a few traps."""
    raw = tmp_path / "raw"
    _write(
        raw / "natural_earth_ar" / "ne_10m_admin_0_countries_ar.csv",
        "ne_id,name_en,name_ar,admin,name_long,formal_en,type,sovereignt,adm0_a3,iso_a2,iso_a3,iso_n3,iso_a2_eh,iso_a3_eh,iso_n3_eh,continent,subregion,pop_est,wikidataid,capital_en,capital_ar,capital_lat,capital_lon",
        [
            "1,Ukraine,أوكرانيا,Ukraine,Ukraine,Ukraine,Sovereign country,Ukraine,UKR,UA,UKR,804,UA,UKR,804,Europe,Eastern Europe,44000000,Q212,Kyiv,كييف,50.45,30.52",
            "2,Georgia,جورجيا,Georgia,Georgia,Georgia,Sovereign country,Georgia,GEO,GE,GEO,268,GE,GEO,268,Asia,Western Asia,3700000,Q230,Tbilisi,تبليسي,41.72,44.79",
            "3,United States of America,الولايات المتحدة,United States of America,United States,United States of America,Country,United States of America,USA,US,USA,840,US,USA,840,North America,Northern America,328000000,Q30,Washington,واشنطن,38.90,-77.01",
            "4,Mali,مالي,Mali,Mali,Republic of Mali,Sovereign country,Mali,MLI,ML,MLI,466,ML,MLI,466,Africa,Western Africa,19000000,Q912,Bamako,باماكو,12.65,-8.0",
        ],
    )
    _write(
        raw / "natural_earth_ar" / "ne_10m_admin_1_states_provinces_ar.csv",
        "ne_id,name_en,name_ar,name,name_local,type_en,adm1_code,iso_3166_2,iso_a2,adm0_a3,admin,lat,lon,wikidataid,gn_id",
        [
            "10,Sumy,سومي أوبلاست,Sumy,,Region,UKR-325,UA-59,UA,UKR,Ukraine,50.8153,34.3159,Q170446,692196",
            "11,Kyiv,كييف,Kiev,,Region,UKR-321,UA-32,UA,UKR,Ukraine,50.0894,31.0214,Q1899,703446",
            "12,Kyiv,كييف,Kiev City,,Municipality,UKR-4826,UA-30,UA,UKR,Ukraine,50.3830,30.5277,Q1899,703447",
            "13,Georgia,جورجيا,Georgia,,State,USA-3543,US-GA,US,USA,United States of America,32.85,-83.41,Q1428,4197000",
            "14,Eastern,الشرقية,Eastern,,Governorate,EGY-1,EG-99,EG,EGY,Egypt,30.7,31.6,Q999,0",
        ],
    )
    _write(
        raw / "natural_earth_ar" / "ne_50m_populated_places_ar.csv",
        "ne_id,name_en,name_ar,name_local,featurecla,adm0cap,adm0_a3,iso_a2,adm0name,adm1name,lat,lon,pop_max,scalerank,wikidataid,geonamesid",
        [
            "20,Kyiv,كييف,Kyiv,Admin-0 capital,1,UKR,UA,Ukraine,Kiev City,50.4353,30.5147,2709000,1,Q1899,703448",
            "21,Bombo,بومبو، أوغندا,Bombo,Admin-1 region capital,0,UGA,UG,Uganda,Bamunanika,0.58,32.53,75000,10,Q4940747,**********",
            "22,McMurdo Station,محطة ماكموردو,,Scientific station,0,ATA,AQ,Antarctica,,-77.85,166.67,1000,10,Q1,-1",
        ],
    )
    _write(
        raw / "geonames_ar_variants" / "geonames_cities15000_ar_variants.csv",
        "geonameid,name,country_code,admin1_code,lat,lon,population,ar_variants",
        [
            "692194,Sumy,UA,21,50.9216,34.8003,256474,سومي",
            "703448,Kyiv,UA,12,50.4547,30.5238,2952301,كييف|كيڤ",
            "1,Tinytown,UA,1,48.0,37.0,15000,تينيتاون",
            "2,Peace Town,EG,1,30.0,31.0,60000,السلام",
        ],
    )
    _write(raw / "transliteration_en_ar" / "wd_arabic.normalized.aligned.tokens", "george\tج و ر ج\t1454", [])
    curated = tmp_path / "places_curated.csv"
    _write(curated, ",".join(COLUMNS), [
        "# a comment line",
        "donbas,area,Donbas,دونباس,UA,48.00,38.00,,curated,منطقة دونباس",
    ])
    exclusions = tmp_path / "place_exclusions.csv"
    _write(exclusions, "alias_ar,reason", ["السلام,peace"])
    stats = pl.DataFrame(
        {"word": ["مالي"], "n_person": [0], "n_location": [1], "n_organization": [0], "n_misc": [0], "n_other": [9]}
    )
    return {"raw": raw, "curated_path": curated, "exclusions_path": exclusions, "stats": stats}


def test_tiny_build_applies_the_rules(tiny):
    built, dropped = build_places(**tiny)
    rows = {r["place_id"]: r for r in built.iter_rows(named=True)}
    assert list(built.columns) == COLUMNS
    # the city keeps "كييف"; the oblast gets its typed forms and loses Natural Earth's wrong Wikidata id
    assert rows["kyiv-ua"]["name_ar"] == "كييف" and rows["kyiv-ua"]["wikidata"] == "Q1899"
    assert rows["kyiv-oblast-ua"]["name_ar"] == "مقاطعة كييف" and rows["kyiv-oblast-ua"]["wikidata"] is None
    assert "كييف" not in rows["kyiv-oblast-ua"]["aliases_ar"].split("|")
    # Kyiv the municipality repeats Kyiv the city (same id, 8 km): merged, not a row of its own
    assert sum(1 for r in rows.values() if r["wikidata"] == "Q1899") == 1
    # a GeoNames spelling with a letter Arabic does not use is not a form
    assert "كيڤ" not in rows["kyiv-ua"]["aliases_ar"]
    # Sumy the city (GeoNames) keeps the bare name; the oblast is "مقاطعة سومي"
    assert rows["sumy-ua"]["name_ar"] == "سومي" and rows["sumy-ua"]["source"] == "geonames"
    assert rows["sumy-oblast-ua"]["name_en"] == "Sumy Oblast"
    assert {"مقاطعة سومي", "منطقة سومي", "إقليم سومي"} <= set(rows["sumy-oblast-ua"]["aliases_ar"].split("|"))
    # the country gets "جورجيا", the US state "ولاية جورجيا"
    assert rows["georgia"]["name_ar"] == "جورجيا" and rows["georgia-us"]["name_ar"] == "ولاية جورجيا"
    # disambiguator dropped; scientific stations and small GeoNames towns left out
    assert rows["bombo-ug"]["name_ar"] == "بومبو"
    assert not any("mcmurdo" in p or "tinytown" in p for p in rows)
    # an excluded form names nothing, its town keeps only "مدينة X"
    assert rows["peace-town-eg"]["aliases_ar"] == "مدينة السلام"
    # a region named by a direction word keeps only its typed form
    assert rows["eastern-eg"]["aliases_ar"] == "محافظة الشرقية"
    # an ordinary word drops the country's only name, so the country is dropped (the real file amends Mali)
    assert "mali" not in rows and dropped["ordinary word"] >= 1
    # curated places come through with comment lines ignored
    assert rows["donbas"]["source"] == "curated" and rows["donbas"]["aliases_ar"] == "دونباس|منطقة دونباس"
    assert rows["united-states"]["name_en"] == "United States"


def test_tiny_build_is_deterministic(tiny, tmp_path):
    first, _ = build_places(**tiny)
    second, _ = build_places(**tiny)
    write_places(first, tmp_path / "a.csv")
    write_places(second, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_a_curated_form_that_is_also_excluded_is_an_error(tiny):
    tiny["exclusions_path"].write_text("alias_ar,reason\nدونباس,a test\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="دونباس"):
        build_places(**tiny)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("pokrovsk-ua,city,Pokrovsk,بوكروفسك,UA,,,,curated,", "lacks lat, lon"),
        ("Pokrovsk,city,Pokrovsk,بوكروفسك,UA,48.28,37.18,,curated,", "lowercase ASCII slug"),
        ("pokrovsk-ua,town,Pokrovsk,بوكروفسك,UA,48.28,37.18,,curated,", "is not one of"),
        ("pokrovsk-ua,city,Pokrovsk,بوكروفسك,UA,48.28,37.18,Q1,curated,", "leave wikidata empty"),
        ("pokrovsk-ua,city,Pokrovsk,بوكروفسك,UA,148.28,37.18,,curated,", "lat"),
    ],
)
def test_malformed_curated_rows_are_explained(tiny, row, message):
    tiny["curated_path"].write_text(",".join(COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=message):
        build_places(**tiny)


def test_the_shipped_curated_file_has_the_documented_columns():
    curated = pl.read_csv(CURATED_PATH, infer_schema=False, comment_prefix="#")
    assert curated.columns == COLUMNS
    assert (curated["source"] == "curated").all()
    assert curated["place_id"].is_unique().all()
    assert re.fullmatch(r"alias_ar,reason", EXCLUSIONS_PATH.read_text(encoding="utf-8").splitlines()[0])
