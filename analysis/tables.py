"""The public tables: their schemas, the one function that validates and sorts them, and their files.

Every table the package returns or writes goes through ``finalize``: columns in schema order with
the declared dtypes, a unique key, rows sorted by the key. ``write_tables`` writes a whole set of
tables or nothing: files go to a temporary folder next to the target and are moved into place
only when every table is written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Mapping

import polars as pl

from .errors import AnalysisError

__all__ = ["SCHEMAS", "KEYS", "TABLE_NAMES", "finalize", "empty", "write_tables", "read_tables"]

_Ids = pl.List(pl.String)

SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "documents": {
        "doc_id": pl.String,
        "outlet": pl.String,
        "author": pl.String,
        "title": pl.String,
        "published": pl.Date,
        "published_basis": pl.String,  # metadata / text / unknown
        "language": pl.String,
        "url": pl.String,
        "text": pl.String,
        "n_words": pl.Int64,
        "tone": pl.Float64,
    },
    "actors": {
        "actor_id": pl.String,
        "kind": pl.String,  # person / organization / state (a country as the side of talks)
        "name_en": pl.String,
        "name_ar": pl.String,
        "country": pl.String,  # ISO 3166-1 alpha-2
        "role": pl.String,
        "side": pl.String,  # an international actor's bloc (Europe, NATO, International), else null
        "wikidata": pl.String,
        "source": pl.String,  # gazetteer / discovered
    },
    "places": {
        "place_id": pl.String,
        "kind": pl.String,  # continent / country / region / city / area / ...
        "name_en": pl.String,
        "name_ar": pl.String,
        "country": pl.String,
        "lat": pl.Float64,
        "lon": pl.Float64,
        "wikidata": pl.String,
        "source": pl.String,  # natural_earth / geonames / curated
    },
    "sentences": {
        "doc_id": pl.String,
        "sentence": pl.Int32,
        "start": pl.Int64,
        "end": pl.Int64,
    },
    "mentions": {
        "doc_id": pl.String,
        "sentence": pl.Int32,
        "start": pl.Int64,
        "end": pl.Int64,
        "surface": pl.String,
        "entity_id": pl.String,
        "entity_kind": pl.String,  # person / organization / place
        "method": pl.String,  # gazetteer / discovered / surname / byline
    },
    "dates": {
        "doc_id": pl.String,
        "sentence": pl.Int32,
        "start": pl.Int64,
        "end": pl.Int64,
        "surface": pl.String,
        "value": pl.Date,
        "granularity": pl.String,  # day / month / year
        "basis": pl.String,  # absolute / relative / unresolved
    },
    "meetings": {
        "meeting_id": pl.String,
        "status": pl.String,  # held / planned / postponed / cancelled
        "date": pl.Date,
        "date_text": pl.String,
        "month": pl.Date,  # the first day of its month, when the text gives the day or only the month
        "place_id": pl.String,
        "participants": pl.List(pl.String),  # actor_id
        "doc_ids": pl.List(pl.String),
        "n_docs": pl.Int64,
        "n_mentions": pl.Int64,
        "evidence": pl.List(pl.String),  # up to five sentences that report it
        "host": pl.String,  # the participant of the venue's country, when the others are visitors
        "mode": pl.String,  # in_person / phone / video, when stated
        "duration_minutes": pl.Float64,
        "uncertain": pl.Boolean,  # merged across articles on evidence other than dates
        "merge_basis": pl.String,
    },
    "meeting_mentions": {
        "doc_id": pl.String,
        "sentence": pl.Int32,
        "start": pl.Int64,
        "end": pl.Int64,
        "trigger": pl.String,
        "participants": pl.List(pl.String),
        "status": pl.String,  # also denied: "لا توجد خطط لعقد اجتماع" (never a meeting)
        "explicit": pl.Boolean,  # the status is the text's (a cue, a verb's tense), not "held" by default
        "date": pl.Date,
        "date_text": pl.String,
        "month": pl.Date,
        "weekday": pl.Int8,
        "place_id": pl.String,
        "duration_minutes": pl.Float64,
        "mode": pl.String,
        "verb": pl.Boolean,
        "meeting_id": pl.String,  # null when denied or without two participants
    },
    "meeting_edges": {
        "actor_a": pl.String,
        "actor_b": pl.String,
        "n_meetings": pl.Int64,
        "n_held": pl.Int64,
        "n_planned": pl.Int64,
        "first_date": pl.Date,
        "last_date": pl.Date,
        "meeting_ids": pl.List(pl.String),
    },
    "frames": {
        "doc_id": pl.String,
        "sentence": pl.Int32,
        "frame": pl.String,  # a key of the codebook
        "cue": pl.String,  # the codebook entry that matched
        "surface": pl.String,  # as written in the text
        "start": pl.Int64,
        "end": pl.Int64,
        "negated": pl.Boolean,  # "لم يسفر عن أي اختراقات": counted for the frame's negated_as
    },
    "quotes": {
        "doc_id": pl.String,
        "sentence": pl.Int32,
        "speaker_id": pl.String,  # null when the source is anonymous
        "speaker_kind": pl.String,  # person / organization / anonymous
        "affiliation": pl.String,  # an anonymous source's organization, place or country, when given
        "start": pl.Int64,
        "end": pl.Int64,
        "text": pl.String,
        "direct": pl.Boolean,  # in quotation marks (true) or reported speech (false)
        "continuation": pl.Boolean,  # speaker carried over from an earlier sentence ("وأضاف")
        "verb": pl.String,
    },
}

KEYS: dict[str, list[str]] = {
    "documents": ["doc_id"],
    "actors": ["actor_id"],
    "places": ["place_id"],
    "sentences": ["doc_id", "sentence"],
    "mentions": ["doc_id", "start", "end"],
    "dates": ["doc_id", "start", "end"],
    "quotes": ["doc_id", "start", "end", "verb"],
    "meetings": ["meeting_id"],
    "frames": ["doc_id", "start", "end", "frame"],
    "meeting_mentions": ["doc_id", "start", "meeting_id"],
    "meeting_edges": ["actor_a", "actor_b"],
}

TABLE_NAMES: tuple[str, ...] = tuple(SCHEMAS)


def empty(table: str) -> pl.DataFrame:
    """An empty DataFrame with the schema of ``table``."""
    return pl.DataFrame(schema=SCHEMAS[table])


def _strictly_ascending(key: list[str]) -> pl.Expr:
    """Whether every row's ``key`` is greater than the previous row's: sorted, without duplicates."""
    greater, equal = pl.lit(False), pl.lit(True)
    for column in key:
        value, previous = pl.col(column), pl.col(column).shift(1)
        greater = greater | (equal & (value > previous))
        equal = equal & (value == previous)
    return (greater | (pl.int_range(pl.len()) == 0)).fill_null(False).all()


def finalize(frame: pl.DataFrame, table: str) -> pl.DataFrame:
    """Validate ``frame`` against the schema of ``table``; return it with columns in order, sorted by key.

    Raises ``ValueError`` naming the table when a column is missing, a value does not fit its
    dtype, or the key is not unique. This is a programming error, not a user error.
    """
    schema = SCHEMAS[table]
    missing = [c for c in schema if c not in frame.columns]
    if missing:
        raise ValueError(f"table {table!r} lacks columns {missing}")
    try:
        out = frame.select([pl.col(c).cast(t, strict=True) for c, t in schema.items()])
    except pl.exceptions.PolarsError as err:
        raise ValueError(f"table {table!r} does not fit its schema: {err}") from err
    key = KEYS[table]
    if out.select(_strictly_ascending(key)).item():
        return out  # batches in corpus order often come sorted already
    out = out.sort(key)
    # sorted, a duplicate key is equal to the key before it
    repeated = pl.all_horizontal([pl.col(c).eq_missing(pl.col(c).shift(1)) for c in key]) & (pl.int_range(pl.len()) > 0)
    if out.height and out.select(repeated.any()).item():
        dupes = out.filter(repeated).select(key).head(3).to_dicts()
        raise ValueError(f"table {table!r} has duplicate keys {key}, e.g. {dupes}")
    return out


def write_tables(tables: Mapping[str, pl.DataFrame], out_dir: str | os.PathLike) -> list[Path]:
    """Write each table as ``<out_dir>/<name>.parquet``, all or nothing; return the paths written."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise AnalysisError(f"cannot create the output folder {out}: {err.strerror}. Choose another --out.") from err
    staging = Path(tempfile.mkdtemp(prefix=".tables-", dir=out))
    try:
        for name, frame in tables.items():
            frame.write_parquet(staging / f"{name}.parquet", statistics=False)
        written = []
        for name in tables:
            target = out / f"{name}.parquet"
            os.replace(staging / f"{name}.parquet", target)
            written.append(target)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_tables(folder: str | os.PathLike) -> dict[str, pl.DataFrame]:
    """Read the tables written by ``write_tables`` from ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise AnalysisError(f"no tables at {folder}: run `python -m analysis build CORPUS --out {folder}` first.")
    tables = {p.stem: pl.read_parquet(p) for p in sorted(folder.glob("*.parquet"))}
    if not tables:
        raise AnalysisError(f"no tables at {folder}: run `python -m analysis build CORPUS --out {folder}` first.")
    return tables
