"""The part of a corpus a report looks at: a date range, some outlets, focus actors.

``select(tables, start=..., end=..., outlets=[...])`` returns the same tables restricted to the
chosen articles: every per-article table keeps its rows of those articles, meetings keep the
articles that reported them (a meeting none of them reported is dropped), and who-met-whom edges
are recomputed. Actors and places stay whole (they are reference tables). With a date range,
articles without a publication date cannot be placed in it: they are left out and counted
(``Selection.undated_excluded``), never silently.

``resolve_actors(tables, ["Macron", "ماكرون", "emmanuel-macron"])`` turns what an analyst types
(an actor_id, an English or Arabic name or spelling of the reference data, a surname) into actor_ids, or raises a ``ValueError``
that names the unknown entries and suggests close names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib

import polars as pl

from .arabic import normalize
from .coverage import UNKNOWN_OUTLET
from .meetings import meeting_edges
from .pipeline import Tables

__all__ = ["Selection", "select", "resolve_actors", "parse_date"]

PER_ARTICLE = ("sentences", "mentions", "dates", "quotes", "frames", "meeting_mentions")


@dataclasses.dataclass(frozen=True)
class Selection:
    """What ``select`` kept: the tables and the counts a report states."""

    tables: Tables
    n_articles: int
    n_total: int
    undated_excluded: int
    start: dt.date | None
    end: dt.date | None
    outlets: tuple[str, ...]


def parse_date(value, name: str) -> dt.date | None:
    """A date from ``value`` (a date, "YYYY-MM-DD", or empty); ValueError naming the parameter."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{name} must be a date written YYYY-MM-DD (e.g. 2025-12-01), not {value!r}") from None


def _outlets(documents: pl.DataFrame, wanted) -> tuple[str, ...]:
    if not wanted:
        return ()
    wanted = [wanted] if isinstance(wanted, str) else list(wanted)
    known = sorted(documents["outlet"].fill_null(UNKNOWN_OUTLET).unique().to_list())
    by_lower = {k.casefold(): k for k in known}
    unknown = [w for w in wanted if str(w).strip().casefold() not in by_lower]
    if unknown:
        raise ValueError(f"unknown outlets {unknown}: the corpus has {known}")
    return tuple(sorted({by_lower[str(w).strip().casefold()] for w in wanted}))


def select(tables, *, start=None, end=None, outlets=None) -> Selection:
    """The tables of the articles published from ``start`` to ``end`` (inclusive) in ``outlets``."""
    start, end = parse_date(start, "start"), parse_date(end, "end")
    if start and end and start > end:
        raise ValueError(f"start ({start}) is after end ({end})")
    documents = tables.documents
    chosen = _outlets(documents, outlets)
    keep = pl.lit(True)
    if chosen:
        keep &= pl.col("outlet").fill_null(UNKNOWN_OUTLET).is_in(list(chosen))
    undated = 0
    if start or end:
        in_range = pl.col("published").is_not_null()
        if start:
            in_range &= pl.col("published") >= start
        if end:
            in_range &= pl.col("published") <= end
        undated = documents.filter(keep & pl.col("published").is_null()).height
        keep &= in_range
    selected = documents.filter(keep)
    if selected.height == documents.height:
        return Selection(Tables(tables), documents.height, documents.height, 0, start, end, chosen)
    ids = selected["doc_id"].implode()
    out = Tables(tables)
    out["documents"] = selected
    for name in PER_ARTICLE:
        if name in tables:
            out[name] = tables[name].filter(pl.col("doc_id").is_in(ids))
    if "meetings" in tables:
        meetings = tables.meetings.with_columns(pl.col("doc_ids").list.set_intersection(ids.first()).list.sort())
        meetings = meetings.filter(pl.col("doc_ids").list.len() > 0).with_columns(pl.col("doc_ids").list.len().cast(pl.Int64).alias("n_docs"))
        out["meetings"] = meetings
        out["meeting_edges"] = meeting_edges(meetings, tables.actors)
    return Selection(out, selected.height, documents.height, undated, start, end, chosen)


def _key(text: str) -> str:
    return " ".join(normalize(str(text)).casefold().replace("-", " ").replace("_", " ").split())


def resolve_actors(tables, names) -> list[str]:
    """actor_ids of ``names`` (ids, English or Arabic names, or a last name), in order.

    A last name shared by several actors names the one the corpus mentions most, if one does.
    """
    if not names:
        return []
    names = [names] if isinstance(names, str) else list(names)
    from .reference import load_reference

    actors = tables.actors.select("actor_id", "name_en", "name_ar")
    known = set(actors["actor_id"].to_list())
    aliases = load_reference().aliases.filter(pl.col("entity_id").is_in(list(known)) & (pl.col("entity_kind") != "place"))
    aliases = aliases.group_by("entity_id").agg(pl.col("alias").unique().sort())
    spellings = dict(aliases.iter_rows())
    index: dict[str, set[str]] = {}
    for actor_id, name_en, name_ar in actors.iter_rows():
        for value in (actor_id, name_en, name_ar, *spellings.get(actor_id, [])):
            if value:
                index.setdefault(_key(value), set()).add(actor_id)
                last = _key(value).split()[-1] if _key(value).split() else ""
                if last and last != _key(value):
                    index.setdefault("last:" + last, set()).add(actor_id)
    counts = dict(tables.mentions.group_by("entity_id").len().iter_rows()) if "mentions" in tables else {}
    found, unknown = [], []
    for name in names:
        key = _key(name)
        ids = index.get(key) or index.get("last:" + key) or set()
        if len(ids) == 1:
            found.append(next(iter(ids)))
        elif len(ids) > 1:
            # "Clinton": the one the corpus mentions most, when one stands out
            ranked = sorted(ids, key=lambda i: (-counts.get(i, 0), i))
            if counts.get(ranked[0], 0) <= counts.get(ranked[1], 0):
                raise ValueError(f"{name!r} names several actors: {sorted(ids)}; give one of these ids")
            found.append(ranked[0])
        else:
            unknown.append(name)
    if unknown:
        choices = sorted({k.removeprefix("last:") for k in index})
        hints = {u: difflib.get_close_matches(_key(u), choices, n=3, cutoff=0.75) for u in unknown}
        raise ValueError(
            "unknown actors: "
            + "; ".join(f"{u!r}" + (f" (did you mean {', '.join(hints[u])}?)" if hints[u] else "") for u in unknown)
            + ". Give an actor_id, an English or Arabic name from the actors table."
        )
    return list(dict.fromkeys(found))
