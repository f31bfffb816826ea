"""Expressions over the tokens of windows (tables sorted by anchor_id, k: ``tokens.TokenReading``):
running sums and neighbours within a window (``_cum_within``, ``_next_within``, ``_prev_within``), the
classes of words that continue a name (``_family_name``, ``_after_patronymic``, ``_mark_second_person``);
and look-ups of positions: ``_lookup`` (a table sorted by ``_key`` and keys -> the rows' columns),
``_outside`` (anchors not inside a known mention), ``_near`` (anchors near a word); and
``_written_with_ya`` (the name Ali, where the view reads the preposition على).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from ..arabic import MatchingView
from ..matching import position_key
from .patterns import PATRONYMIC, UNKNOWN

# ---- vectorized helpers over tables sorted by (anchor_id, k) -----------------------------


def _first_of_group(group: str = "anchor_id") -> pl.Expr:
    return (pl.col(group) != pl.col(group).shift(1)).fill_null(True)


def _cum_within(expr: pl.Expr, group: str = "anchor_id") -> pl.Expr:
    """Running sum of ``expr`` within each group of consecutive rows (no group-by: one pass)."""
    value = expr.cast(pl.Int32)
    total = value.cum_sum()
    base = pl.when(_first_of_group(group)).then(total - value).forward_fill()
    return total - base


def _next_within(expr: pl.Expr, group: str = "anchor_id") -> pl.Expr:
    return pl.when(pl.col(group).shift(-1) == pl.col(group)).then(expr.shift(-1))


def _prev_within(expr: pl.Expr, group: str = "anchor_id") -> pl.Expr:
    return pl.when(pl.col(group).shift(1) == pl.col(group)).then(expr.shift(1))


def _mark_second_person(tokens: pl.DataFrame) -> pl.DataFrame:
    """Window tokens (in text order) with ``cls`` "conj_name" where a second person begins ("روبرت غودلات
    وتراي كودي"): a word no source knows, written with the conjunction after two name words and before
    another one. A name of one's own that starts with و comes earlier ("بول وولفوفيتز") or is known
    ("جورج هربرت ووكر بوش")."""
    namey = ["name", "maybe_name"]
    cls = pl.col("cls")
    second = (
        (cls == "maybe_name") & pl.col("token").str.contains(r"^و\S{3,}$")
        & _prev_within(cls).is_in(namey) & _prev_within(_prev_within(cls)).is_in(namey) & _next_within(cls).is_in(namey)
    ).fill_null(False)
    return tokens.with_columns(pl.when(second).then(pl.lit("conj_name")).otherwise(cls).alias("cls"))



def _family_name() -> pl.Expr:
    """A word with the article that may end a name: الجبير، الحريري, and nisba names like
    العربي or المصري ("أشرف العربي"), but not a plural or feminine adjective (الصحافيين، الروسية)."""
    return (
        pl.col("cls").is_in(["definite", "nationality"])
        & ((pl.col("score") >= UNKNOWN) | (pl.col("cls") == "nationality"))
        & ~pl.col("token").str.contains(r"(?:ين|ون|ات|يه|ه)$")
        & pl.col("token").str.contains(r"^(?:ال|بال)")
    )



def _after_patronymic(*, leftward: bool = False) -> pl.Expr:
    """A word right after ``PATRONYMIC`` ("عبدالله بن خليفة آل ثاني": خليفة, ثاني), also one that
    reads as a function word elsewhere ("حمد بن علي العطية": علي is على in the matching view) or as a
    nationality ("فهد بن تركي": Turki, "Turkish").
    ``leftward``: the tokens run from right to left (a window before its anchor), so the word
    before in the text is the next token."""
    before = _next_within(pl.col("token")) if leftward else _prev_within(pl.col("token"))
    return before.is_in(PATRONYMIC).fill_null(False) & pl.col("cls").is_in(["common", "definite", "maybe_name", "function", "preposition", "nationality"])


def _lookup(table: pl.DataFrame, keys: pl.Series, columns: list[str]) -> pl.DataFrame:
    """``columns`` of the rows of ``table`` (sorted by its unique ``_key``) whose key is each of
    ``keys``, nulls where there is none: a binary search instead of a hash join, for a table
    that is looked up several times."""
    positions = table["_key"].to_numpy()
    wanted = keys.to_numpy()
    at = np.searchsorted(positions, wanted)
    found = at < positions.size
    found[found] = positions[at[found]] == wanted[found]
    if not found.any():
        return pl.DataFrame({c: pl.Series(c, [None] * keys.len(), dtype=table.schema[c]) for c in columns})
    hit = pl.Series(found)
    return table.select(columns)[np.where(found, at, 0)].select(pl.when(hit).then(pl.col(c)).alias(c) for c in columns)


def _outside(anchors: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """The anchors that do not start inside a known mention, in their order (``known``: sorted by
    row and view_start, not overlapping, as ``EntityFinder.known`` gives them)."""
    if known.height == 0 or anchors.height == 0:
        return anchors
    known_starts = position_key(known["row"], known["view_start"]).to_numpy()
    known_ends = position_key(known["row"], known["view_end"]).to_numpy()
    at = position_key(anchors["row"], anchors["view_start"]).to_numpy()
    # the known mention that starts last at or before each anchor is the only one it can start in
    last = np.searchsorted(known_starts, at, side="right") - 1
    inside = (last >= 0) & (known_ends[np.maximum(last, 0)] > at)
    return anchors.filter(pl.Series(~inside))


def _near(anchors: pl.DataFrame, words: pl.DataFrame, *, after: int, before: int) -> pl.DataFrame:
    """The anchors with a word starting within ``after`` characters after them or ending within ``before`` before."""
    if anchors.height == 0 or words.height == 0:
        return anchors.clear()
    starts = words.select("row", pl.col("view_start").alias("_ws")).sort("row", "_ws")
    ends = words.select("row", pl.col("view_end").alias("_we")).sort("row", "_we")
    anchors = anchors.sort("row", "view_end").join_asof(
        starts, left_on="view_end", right_on="_ws", by="row", strategy="forward", check_sortedness=False
    )
    anchors = anchors.sort("row", "view_start").join_asof(
        ends, left_on="view_start", right_on="_we", by="row", strategy="backward", check_sortedness=False
    )
    keep = ((pl.col("_ws") - pl.col("view_end")) <= after).fill_null(False) | ((pl.col("view_start") - pl.col("_we")) <= before).fill_null(False)
    return anchors.filter(keep).drop("_ws", "_we")


def _written_with_ya(view: MatchingView, rows: np.ndarray, last_letters: np.ndarray) -> np.ndarray:
    """Whether each "علي" of the view whose last letter is at ``last_letters`` (view offsets in the
    padded views of ``rows``) is written in the text with a final ya: the name Ali, which the view
    reads the same as the preposition على (written with alef maqsura)."""
    return view.original_chars_at(np.asarray(rows), np.asarray(last_letters)) == ord("ي")
