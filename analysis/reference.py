"""Reference data: the editable CSV files in ``analysis/resources`` as Polars tables.

* ``actors_persons.csv`` and ``actors_organizations.csv``: known actors, their Arabic names and
  aliases (``aliases_ar``: forms that identify the actor on their own; ``context_aliases_ar``:
  short forms valid only in an article that also names the actor in full);
* ``places.csv``: the gazetteer built by ``python -m analysis.build_gazetteer``;
* ``titles.csv``, ``nationalities.csv``, ``org_terms.csv``: the words that introduce people and
  make up organization names, used to discover actors that are not in the reference data.

``load_reference()`` reads them once and checks them: a malformed file raises
``ReferenceDataError`` naming the file, the row and what to fix. Every alias (in its matching
view) must name one entity only.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from .arabic import matching_view
from .errors import ReferenceDataError

__all__ = ["Reference", "BuiltPerReference", "load_reference", "country_names", "country_place_ids", "demonym_names", "RESOURCES", "view_form", "written_nationalities", "NATIONALITY_ENDINGS"]

RESOURCES = Path(__file__).parent / "resources"

ACTOR_COLUMNS = ["actor_id", "kind", "name_en", "name_ar", "aliases_ar", "context_aliases_ar", "country", "role", "side", "wikidata"]
PLACE_COLUMNS = ["place_id", "kind", "name_en", "name_ar", "country", "lat", "lon", "wikidata", "source", "aliases_ar"]


def view_form(text: str) -> str:
    """The matching-view form of a name: normalized, punctuation as spaces, single-spaced."""
    return " ".join(matching_view(text).split())


# the endings of a nationality adjective: masculine, feminine, plurals, duals ("الأمريكي"، "الأمريكية"، "الأمريكيين"...)
NATIONALITY_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")


def written_nationalities(nationalities: pl.DataFrame, endings: tuple[str, ...] = NATIONALITY_ENDINGS, *, of: str = "country") -> pl.DataFrame:
    """(form, country): the written forms, in matching view, of the nationality adjectives that name
    a country (``nationalities.csv`` rows), with and without the article and with each of
    ``endings``; every word of a two-word adjective takes the same ones ("الكوري الشمالي",
    "الكوريين الشماليين"). The accusative ending "ا" never follows the article. With ``of="region"``,
    (form, region) of the adjectives of a region and no one country ("الخليجي": Gulf)."""
    rows = []
    if of == "region":
        nationalities = nationalities.filter(pl.col("country").fill_null("") == "")
    for adjective, country in nationalities.select("adjective_ar", of).iter_rows():
        words = view_form(adjective).split()
        if not words or not country:
            continue
        for article in ("", "ال"):
            for ending in endings:
                if not (article and ending == "ا"):
                    rows.append((" ".join(article + w + ending for w in words), country))
    return pl.DataFrame(rows, schema={"form": pl.String, "country": pl.String}, orient="row").unique("form", keep="first", maintain_order=True)


def country_names(places: pl.DataFrame) -> dict[str, str]:
    """ISO code -> English name of the country (``places`` rows of kind country). Several rows share
    a code (France, Clipperton Island): the country is the one with most Arabic names."""
    return dict(country_place_ids(places, "name_en"))


def country_place_ids(places: pl.DataFrame, column: str = "place_id") -> list[tuple[str, str]]:
    """(ISO code, ``column``) of the main country row of each code (see ``country_names``)."""
    return (
        places.filter((pl.col("kind") == "country") & (pl.col("country").fill_null("") != ""))
        .with_columns(pl.col("aliases_ar").fill_null("").str.count_matches(r"\|").alias("_n"))
        .sort(["country", "_n", "place_id"], descending=[False, True, False])
        .unique("country", keep="first", maintain_order=True)
        .select("country", column)
        .rows()
    )


def capital_cities(places: pl.DataFrame) -> pl.DataFrame:
    """(place_id, capital_of) of the national capitals among ``places``: a city of a country placed
    where the country is, since the gazetteer puts a country at its capital (``build_gazetteer``:
    Natural Earth's capital point); ``capital_of`` is the country's main place_id (موسكو -> russia)."""
    countries = pl.DataFrame(country_place_ids(places), schema={"country": pl.String, "capital_of": pl.String}, orient="row")
    points = places.filter(pl.col("kind") == "country").select("place_id", pl.col("lat").alias("_lat"), pl.col("lon").alias("_lon"))
    near = ((pl.col("lat") - pl.col("_lat")).abs() < 0.01) & ((pl.col("lon") - pl.col("_lon")).abs() < 0.01)
    return (
        places.filter(pl.col("kind") == "city")
        .join(countries, on="country")
        .join(points, left_on="capital_of", right_on="place_id")
        .filter(near)
        .select("place_id", "capital_of")
        .unique("place_id", keep="first", maintain_order=True)
        .sort("place_id")
    )


def demonym_names(demonyms: pl.DataFrame) -> dict[str, str]:
    """ISO code -> English adjective, from ``Reference.demonyms``; an adjective that two codes share
    ("Congolese") names neither, so that their organizations stay apart ("Delegation (Congo)")."""
    return dict(demonyms.filter(~pl.col("adjective_en").is_duplicated() & (pl.col("adjective_en") != "")).select("country", "adjective_en").iter_rows())


def _read_csv(path: Path, columns: list[str]) -> pl.DataFrame:
    if not path.is_file():
        raise ReferenceDataError(f"reference file missing: {path}. Reinstall the package or run `make reference`.")
    try:
        frame = pl.read_csv(path, infer_schema=False, empty_string_is_null=False)
    except pl.exceptions.PolarsError as err:
        raise ReferenceDataError(f"{path} is not a readable CSV file: {err}") from None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ReferenceDataError(f"{path} lacks the columns {missing}; expected {columns}.")
    return frame.select(columns).with_columns(pl.col(pl.String).str.strip_chars())


def _aliases(frame: pl.DataFrame, id_col: str, kind: pl.Expr, file: str) -> pl.DataFrame:
    """(alias, entity_id, entity_kind, strength, file) rows from name_ar, aliases_ar, context_aliases_ar."""
    parts = [
        frame.select(pl.col("name_ar").alias("alias"), pl.col(id_col).alias("entity_id"), kind.alias("entity_kind"), pl.lit("full").alias("strength")),
        frame.select(pl.col("aliases_ar").str.split("|").alias("alias"), pl.col(id_col).alias("entity_id"), kind.alias("entity_kind"), pl.lit("full").alias("strength")).explode("alias"),
    ]
    if "context_aliases_ar" in frame.columns:
        parts.append(
            frame.select(pl.col("context_aliases_ar").str.split("|").alias("alias"), pl.col(id_col).alias("entity_id"), kind.alias("entity_kind"), pl.lit("context").alias("strength")).explode("alias")
        )
    out = pl.concat(parts).with_columns(pl.col("alias").str.strip_chars()).filter(pl.col("alias").is_not_null() & (pl.col("alias") != ""))
    forms = {a: view_form(a) for a in out["alias"].unique().to_list()}
    return out.with_columns(
        pl.col("alias").replace_strict(forms, return_dtype=pl.String).alias("form"), pl.lit(file).alias("file")
    ).filter(pl.col("form") != "")


# Latin-script names match as written (case-sensitive) where an Arabic article quotes them
# ("Donbas (دونباس)"); for places only the kinds unlikely to be English words, by rank.
LATIN_PLACE_KINDS = ["country", "continent", "world_region", "area", "water", "city"]


def _latin_aliases(actors: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """(form, alias, entity_id, entity_kind, strength) rows for English names; one entity per form."""
    ranked_places = places.filter(
        pl.col("kind").is_in(LATIN_PLACE_KINDS) & ((pl.col("kind") != "city") | (pl.col("source") != "geonames"))
    ).with_columns(pl.col("kind").replace_strict({k: i for i, k in enumerate(LATIN_PLACE_KINDS)}, return_dtype=pl.Int32).alias("_rank"))
    rows = pl.concat(
        [
            actors.select(pl.col("name_en").alias("alias"), pl.col("actor_id").alias("entity_id"), pl.col("kind").alias("entity_kind"), pl.lit(-1, pl.Int32).alias("_rank")),
            ranked_places.select(pl.col("name_en").alias("alias"), pl.col("place_id").alias("entity_id"), pl.lit("place").alias("entity_kind"), "_rank"),
        ]
    ).filter(pl.col("alias").str.contains(r"^[A-Z][A-Za-z .'-]{2,}$"))
    return (
        rows.with_columns(pl.col("alias").str.replace_all(r"[.'-]", " ").str.replace_all(r"\s+", " ").str.strip_chars().alias("form"))
        .sort("form", "_rank", "entity_id")
        .unique("form", keep="first", maintain_order=True)
        .select("form", "alias", "entity_id", "entity_kind", pl.lit("full").alias("strength"))
    )


@dataclass(frozen=True)
class Reference:
    """The reference tables. ``aliases``: one row per (form, entity): form is the matching-view alias."""

    actors: pl.DataFrame
    places: pl.DataFrame
    aliases: pl.DataFrame
    titles: pl.DataFrame
    nationalities: pl.DataFrame
    org_terms: pl.DataFrame
    demonyms: pl.DataFrame  # country (ISO code), adjective_en: "KR" -> "South Korean"
    # form: the phrases of ``place_exclusions.csv`` (two words or more, matching view) inside which
    # no place is read ("مسقط رأسه": his birthplace, not Muscat)
    place_phrases: pl.DataFrame


class BuiltPerReference:
    """A matcher or lexicon built from reference data: ``cls.for_reference(reference)`` builds
    ``cls(reference)`` once per process and reference data, and returns it after."""

    _built: dict[tuple[type, int], object] = {}

    @classmethod
    def for_reference(cls, reference: Reference):
        key = (cls, id(reference))
        if key not in BuiltPerReference._built:
            BuiltPerReference._built[key] = cls(reference)
        return BuiltPerReference._built[key]


def _check_unique(frame: pl.DataFrame, column: str, file: str) -> None:
    dupes = frame.filter(pl.col(column).is_duplicated())[column].unique().sort().head(5).to_list()
    if dupes:
        raise ReferenceDataError(f"{file}: {column} values repeat: {', '.join(dupes)}. Each row needs its own {column}.")


def _check_aliases(aliases: pl.DataFrame) -> pl.DataFrame:
    aliases = aliases.sort("strength", descending=True).unique(["form", "entity_id"], keep="first", maintain_order=True)
    # context aliases may be shared: they only count where the article names the entity in full
    full_forms = aliases.filter(pl.col("strength") == "full")
    clash = full_forms.filter(pl.col("form").is_duplicated()).sort("form", "entity_id")
    if clash.height:
        first = clash.filter(pl.col("form") == clash["form"][0])
        who = "; ".join(f"{r['entity_id']} ({r['file']})" for r in first.iter_rows(named=True))
        raise ReferenceDataError(
            f"the alias {first['alias'][0]!r} names several entities: {who}. "
            "Keep it on one row and give the others a longer form (or move it to context_aliases_ar)."
        )
    shadowed = aliases.filter(pl.col("strength") == "context").join(full_forms, on="form", how="semi")
    return aliases.join(shadowed, on=["form", "entity_id", "strength"], how="anti")


@functools.cache
def _load(resources: str) -> Reference:
    root = Path(resources)
    persons = _read_csv(root / "actors_persons.csv", ACTOR_COLUMNS)
    organizations = _read_csv(root / "actors_organizations.csv", ACTOR_COLUMNS)
    actors = pl.concat([persons, organizations])
    for frame, file in ((persons, "actors_persons.csv"), (organizations, "actors_organizations.csv")):
        _check_unique(frame, "actor_id", file)
        bad = frame.filter(~pl.col("kind").is_in(["person", "organization"]) | (pl.col("name_ar") == "") | (pl.col("name_en") == ""))
        if bad.height:
            raise ReferenceDataError(f"{file}: row {bad['actor_id'][0]!r} needs kind person/organization, name_en and name_ar.")
    _check_unique(actors, "actor_id", "actors_persons.csv + actors_organizations.csv")
    places = _read_csv(root / "places.csv", PLACE_COLUMNS)
    _check_unique(places, "place_id", "places.csv")
    clash = actors.join(places, left_on="actor_id", right_on="place_id", how="semi")
    if clash.height:
        raise ReferenceDataError(f"actor_id {clash['actor_id'][0]!r} is also a place_id in places.csv; rename one.")
    aliases = _check_aliases(
        pl.concat(
            [
                _aliases(persons, "actor_id", pl.col("kind"), "actors_persons.csv"),
                _aliases(organizations, "actor_id", pl.col("kind"), "actors_organizations.csv"),
                _aliases(places, "place_id", pl.lit("place"), "places.csv"),
            ]
        )
    )
    return Reference(
        actors=actors.with_columns(pl.lit("gazetteer").alias("source")),
        places=places.with_columns(pl.col("lat").cast(pl.Float64), pl.col("lon").cast(pl.Float64)),
        aliases=pl.concat(
            [
                aliases.select("form", "alias", "entity_id", "entity_kind", "strength"),
                _latin_aliases(actors, places).join(aliases, on="form", how="anti"),
            ]
        ),
        titles=_read_csv(root / "titles.csv", ["title_ar", "title_en", "kind"]),
        nationalities=_read_csv(root / "nationalities.csv", ["adjective_ar", "country", "plural_ar", "region"]),
        org_terms=_read_csv(root / "org_terms.csv", ["term_ar", "term_en", "role"]),
        demonyms=_read_csv(root / "demonyms.csv", ["country", "adjective_en"]),
        place_phrases=_place_phrases(root / "place_exclusions.csv"),
    )


def _place_phrases(path: Path) -> pl.DataFrame:
    """(form): the excluded forms of two words or more in ``path``, in matching view; none when
    the reference folder has no such file."""
    if not path.is_file():
        return pl.DataFrame(schema={"form": pl.String})
    aliases = _read_csv(path, ["alias_ar"]).filter(~pl.col("alias_ar").str.starts_with("#"))["alias_ar"]
    forms = aliases.map_elements(view_form, return_dtype=pl.String)
    return pl.DataFrame({"form": forms}).filter(pl.col("form").str.contains(" ", literal=True)).unique().sort("form")


def load_reference(resources: str | os.PathLike | None = None) -> Reference:
    """Read and check the reference data in ``resources`` (default: the package's own)."""
    return _load(str(Path(resources) if resources else RESOURCES))
