"""A country's official news agency named by what it is: "وكالة الأنباء الرسمية السعودية", "الوكالة
الكورية الشمالية الرسمية", and as the source of a quotation "الوكالة الرسمية في كوريا الشمالية".

News cites a state agency as often by description as by name. The reference data says which
organization is a country's state news agency (role "<nationality> state news agency", and its
country); a country with two (TASS and RIA Novosti) has none here: a description names neither.

* ``state_agencies(reference)``: country code -> the actor_id of its one state news agency;
* ``state_agency_aliases(reference)``: the descriptions with the country's adjective in the feminine,
  as aliases (the country named after "في"/"ل" stays a place mention: ``quotes`` reads that form).
"""

from __future__ import annotations

import polars as pl

from .reference import Reference, view_form

__all__ = ["state_agencies", "state_agency_aliases"]

# "the official (news) agency" and "the (news) agency ... official"
_OFFICIAL = ["وكالة الأنباء الرسمية", "الوكالة الرسمية"]
_AGENCY = ["وكالة الأنباء", "الوكالة"]


def _feminine(adjective: str) -> str:
    """The definite feminine of a nationality adjective, word by word ("كوري شمالي" -> "الكورية الشمالية")."""
    return " ".join(f"ال{word}ة" for word in adjective.split())


def state_agencies(reference: Reference) -> dict[str, str]:
    """Country code -> the actor_id of the country's one state news agency."""
    agencies = reference.actors.filter(
        (pl.col("kind") == "organization") & pl.col("role").fill_null("").str.ends_with("state news agency") & (pl.col("country").fill_null("") != "")
    ).filter(pl.len().over("country") == 1)
    return dict(agencies.select("country", "actor_id").iter_rows())


def state_agency_aliases(reference: Reference) -> pl.DataFrame:
    """(form, entity_id, entity_kind) rows, in matching view: the descriptions of each country's one
    state news agency by the country's adjective, not already an alias of the reference data."""
    agencies = pl.DataFrame(list(state_agencies(reference).items()), schema={"country": pl.String, "actor_id": pl.String}, orient="row")
    adjectives = reference.nationalities.filter(pl.col("country").is_not_null()).group_by("country").agg(pl.col("adjective_ar"))
    rows = []
    for actor_id, words in agencies.join(adjectives, on="country").select("actor_id", "adjective_ar").iter_rows():
        for adjective in words:
            feminine = _feminine(adjective)
            rows += [(f"{official} {feminine}", actor_id) for official in _OFFICIAL]
            rows += [(f"{agency} {feminine} الرسمية", actor_id) for agency in _AGENCY]
    forms = pl.DataFrame(rows, schema={"alias": pl.String, "entity_id": pl.String}, orient="row").with_columns(
        pl.col("alias").map_elements(view_form, return_dtype=pl.String).alias("form"), pl.lit("organization").alias("entity_kind")
    )
    taken = reference.aliases.select("form")
    return forms.unique("form", keep="first").join(taken, on="form", how="anti").select("form", "entity_id", "entity_kind").sort("form")
