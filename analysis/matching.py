"""Whole-word, clitic-aware matching of many names at once over a batch of matching views.

``NameMatcher(forms)`` compiles a table of names in their matching view (column ``form``, plus
any payload columns) into literal patterns "<form> " and finds them all with one Aho-Corasick
pass (``str.find_many`` and ``str.extract_many``) per batch. The view has every non-word
character as a space and is padded with spaces, so a match must end at a word end; its start is
checked on the few characters to its left, which must be a space, optionally after proclitics:
a conjunction (و ف) then a preposition (ب ل ك). A name with the article is also matched without
its alef, preceded by the preposition ل ("للأمم المتحدة" = ل + الأمم المتحدة). So "روسياً" and
"اللندنية" never match "روسيا" or "لندن", while "وكوشنر" and "للأمم المتحدة" do.

Overlapping candidates are resolved leftmost-longest (``resolve_overlaps``): "كوريا الشمالية"
beats "كوريا", "محمود عباس" beats "عباس".
"""

from __future__ import annotations

import numpy as np
import polars as pl

from .arabic import MatchingView

__all__ = ["NameMatcher", "resolve_overlaps"]

# What may stand left of a name: a space (the padded view starts with one), then proclitics: a
# conjunction (و ف), then a preposition (ب ل ك). Before an elided article (ل + الاسم -> للاسم, the
# pattern starts at the article's lam) the preposition ل is required.
_SPACE, _CONJUNCTION, _PREPOSITION, _LAM = 1, 2, 4, 8


def _left_classes() -> np.ndarray:
    """View codepoint (BMP) -> bit flags: space, conjunction (و ف), preposition (ب ل ك), lam."""
    classes = np.zeros(0x10000, dtype=np.uint8)
    classes[ord(" ")] = _SPACE
    for c in "وف":
        classes[ord(c)] |= _CONJUNCTION
    for c in "بلك":
        classes[ord(c)] |= _PREPOSITION
    classes[ord("ل")] |= _LAM
    return classes


_LEFT_CLASSES = _left_classes()


def _prefix_lengths(view: MatchingView, rows: np.ndarray, at: np.ndarray, elided: np.ndarray) -> np.ndarray:
    """The length of the proclitics before each candidate at view position ``at``; -1 where the
    characters on its left are not a space plus proclitics (the candidate ends another word)."""
    # left[:, 2] is the character just before the candidate; the view has no character beyond the BMP
    left = _LEFT_CLASSES[view.chars_before(rows, at, 3)]
    space = (left & _SPACE) != 0
    conjunction = (left & _CONJUNCTION) != 0
    # the letter next to the name: any preposition, or only ل before an elided article
    preposition = (left & np.where(elided[:, None], _LAM, _PREPOSITION).astype(np.uint8)) != 0
    out = np.full(len(at), -1, dtype=np.int64)
    # from the longest proclitic sequence down, so that each candidate gets the one that fits
    out[space[:, 0] & conjunction[:, 1] & preposition[:, 2]] = 2
    one = space[:, 1] & (preposition[:, 2] | (conjunction[:, 2] & ~elided))
    out[one] = 1
    out[space[:, 2] & ~elided] = 0
    return out


class NameMatcher:
    """Find the names of ``forms`` (a DataFrame with a ``form`` column and payload columns).

    ``clitics``: whether proclitics may precede a name (titles, places, people: yes). A boolean
    column ``clitics`` in ``forms`` decides it per form instead; a form without proclitics is
    matched as " <form> ", which only a whole word can match (cheaper than checking the left side).
    """

    def __init__(self, forms: pl.DataFrame, *, clitics: bool = True):
        if "clitics" not in forms.columns:
            forms = forms.with_columns(pl.lit(clitics).alias("clitics"))
        distinct = forms.select("form", "clitics").unique().filter(pl.col("form").str.len_chars() > 0)
        with_clitics = distinct.filter(pl.col("clitics"))
        patterns = [
            with_clitics.select((pl.col("form") + " ").alias("pattern"), "form", "clitics", pl.lit(False).alias("elided")),
            with_clitics.filter(pl.col("form").str.starts_with("ال") & (pl.col("form").str.len_chars() > 3)).select(
                (pl.col("form").str.slice(1) + " ").alias("pattern"), "form", "clitics", pl.lit(True).alias("elided")
            ),
            distinct.filter(~pl.col("clitics")).select((" " + pl.col("form") + " ").alias("pattern"), "form", "clitics", pl.lit(False).alias("elided")),
        ]
        self.patterns = pl.concat(patterns).join(forms, on=["form", "clitics"], how="inner")
        self._literals = self.patterns["pattern"].unique().sort().to_list()

    def find(self, view: MatchingView) -> pl.DataFrame:
        """All candidate matches: row, view_start, view_end (view characters), prefix_len, form + payload."""
        payload = [c for c in self.patterns.columns if c not in ("pattern", "elided", "clitics")]
        empty = self.patterns.clear().select(payload).with_columns(
            pl.lit(None, pl.UInt32).alias("row"), pl.lit(None, pl.Int64).alias("view_start"),
            pl.lit(None, pl.Int64).alias("view_end"), pl.lit(None, pl.Int64).alias("prefix_len"),
        )
        if not self._literals or len(view) == 0:
            return empty
        found = pl.DataFrame({"row": pl.int_range(len(view), eager=True, dtype=pl.UInt32), "view": view.view}).lazy().select(
            "row",
            pl.col("view").str.find_many(self._literals, overlapping=True).alias("byte"),
            pl.col("view").str.extract_many(self._literals, overlapping=True).alias("pattern"),
        ).collect(engine="streaming").explode("byte", "pattern").drop_nulls("pattern")
        if found.height == 0:
            return empty
        at = view.bytes_to_chars(found["row"].to_numpy(), found["byte"].to_numpy())
        found = found.with_columns(pl.Series("at", at, dtype=pl.Int64)).join(self.patterns, on="pattern", how="inner")
        bare = found.filter(pl.col("clitics"))
        spaced = found.filter(~pl.col("clitics")).with_columns((pl.col("at") + 1).alias("at"), pl.lit(0, pl.Int64).alias("_prefix_len"))
        if bare.height:
            prefix_len = _prefix_lengths(view, bare["row"].to_numpy(), bare["at"].to_numpy(), bare["elided"].to_numpy())
            bare = bare.with_columns(pl.Series("_prefix_len", prefix_len)).filter(pl.col("_prefix_len") >= 0)
        found = pl.concat([bare, spaced])
        return found.select(
            "row",
            pl.col("at").alias("view_start"),
            (pl.col("at") + pl.col("form").str.len_chars().cast(pl.Int64) - pl.col("elided").cast(pl.Int64)).alias("view_end"),
            pl.col("_prefix_len").alias("prefix_len"),
            *payload,
        )


def resolve_overlaps(candidates: pl.DataFrame, *, start: str = "view_start", end: str = "view_end", priority: list[str] | None = None) -> pl.DataFrame:
    """Keep the leftmost-longest candidates of each row; ties broken by ``priority`` columns (ascending).

    Greedy in (start, longest first) order: a candidate is kept when it does not overlap a kept
    one. Vectorized: a candidate that overlaps no earlier candidate is kept, one that overlaps a
    kept candidate is dropped; the few rows where a candidate overlaps only dropped ones are
    settled by the greedy loop itself.
    """
    order = ["row", start, end] + (priority or [])
    descending = [False, False, True] + [False] * len(priority or [])
    ranked = candidates.sort(order, descending=descending).with_row_index("_rank")
    # the furthest end reached by the earlier candidates of the same row (-1 for the first)
    ranked = ranked.with_columns(pl.col(end).cum_max().shift(1).over("row").fill_null(-1).alias("_reach"))
    clear = ranked.filter(pl.col(start) >= pl.col("_reach")).drop("_reach")
    rest = ranked.join(clear.select("_rank"), on="_rank", how="anti")
    if rest.height == 0:
        return clear.drop("_rank")
    overlapped = rest.select("_rank", "row", start, end).join(
        clear.select("row", pl.col(start).alias("_ks"), pl.col(end).alias("_ke")), on="row"
    ).filter((pl.col(start) < pl.col("_ke")) & (pl.col("_ks") < pl.col(end)))
    doubtful_rows = rest.join(overlapped.select("_rank"), on="_rank", how="anti")["row"].unique()
    if doubtful_rows.len() == 0:
        return clear.drop("_rank")
    settled = []
    for group in ranked.filter(pl.col("row").is_in(doubtful_rows.implode())).partition_by("row", maintain_order=True):
        last_end = -1
        for rank, s, e in group.select("_rank", start, end).iter_rows():
            if s >= last_end:
                settled.append(rank)
                last_end = e
    kept_ranks = pl.Series("_rank", settled, dtype=pl.UInt32)
    return pl.concat(
        [clear.filter(~pl.col("row").is_in(doubtful_rows.implode())), ranked.drop("_reach").filter(pl.col("_rank").is_in(kept_ranks.implode()))]
    ).sort("_rank").drop("_rank")
