"""A meeting word and another span of its sentence (a party, a date, a place, a cue).

``_event_bounds(events)``: each mention's event, row, sentence and bounds (``_e_start``, ``_e_end``). On
rows joined with them, ``_to_nearest_event`` adds the distance ``_d`` and keeps each span with its nearest
mention, ``_text_between_spans`` gives the text between the two spans and ``_without_word_between`` drops
the rows with another meeting word between. ``_first_word``: a mention's meeting word as written.
"""

from __future__ import annotations

import polars as pl

from ..arabic import text_between


def _first_word(texts: pl.Series, events: pl.DataFrame) -> pl.Series:
    """The meeting word of each mention as written (its first word: "اجتماعه", "اجتمعوا")."""
    return text_between(texts, events["row"], events["start"], events["end"]).str.extract(r"^(\S+)", 1)


def _to_nearest_event(pairs: pl.DataFrame, start: str, end: str, *, keep_all: bool = False) -> pl.DataFrame:
    """Keep, of (event, thing) pairs of one sentence, each thing with its nearest event; adds ``_d``
    (the distance; with ``keep_all`` every pair is kept)."""
    distance = (
        pl.when(pl.col(end) <= pl.col("_e_start")).then(pl.col("_e_start") - pl.col(end))
        .when(pl.col(start) >= pl.col("_e_end")).then(pl.col(start) - pl.col("_e_end"))
        .otherwise(0)
    )
    pairs = pairs.with_columns(distance.alias("_d"))
    if keep_all:
        return pairs
    nearest = pairs.sort("row", start, "_d", "event").unique(["row", start], keep="first").select("row", start, pl.col("event").alias("_nearest"))
    return pairs.join(nearest, on=["row", start]).filter(pl.col("event") == pl.col("_nearest")).drop("_nearest")


def _event_bounds(events: pl.DataFrame) -> pl.DataFrame:
    return events.select("event", "row", "sentence", pl.col("start").alias("_e_start"), pl.col("end").alias("_e_end"))


def _text_between_spans(texts: pl.Series, pairs: pl.DataFrame, start: str, end: str, *, event: tuple[str, str] = ("_e_start", "_e_end")) -> pl.Series:
    """The text between two spans of each row of ``pairs`` (with ``row``): the meeting word
    (``event``: its start and end columns) and another (columns ``start``, ``end``), whichever comes first."""
    bounds = pairs.select(pl.min_horizontal(event[1], end).alias("lo"), pl.max_horizontal(event[0], start).alias("hi"))
    return text_between(texts, pairs["row"], bounds["lo"], bounds["hi"])


def _without_word_between(frame: pl.DataFrame, words: pl.DataFrame, lo: str, hi: str) -> pl.DataFrame:
    """The rows of ``frame`` (with ``row``) where none of the meeting words ``words`` (row, start)
    starts between the columns ``lo`` and ``hi``: a party named after a later meeting word is that
    word's, not the earlier one's."""
    indexed = frame.with_row_index("_i")
    passed = indexed.join(words.select("row", pl.col("start").alias("_w_start")), on="row").filter(
        (pl.col("_w_start") >= pl.col(lo)) & (pl.col("_w_start") < pl.col(hi))
    )
    return indexed.join(passed.select("_i").unique(), on="_i", how="anti").drop("_i")
