"""Whole-word, clitic-aware matching of many names at once over a batch of matching views.

``NameMatcher(forms)`` compiles a table of names in their matching view (column ``form``, plus
any payload columns) into literal patterns " <proclitics><form> " and finds them all with one
Aho-Corasick pass (``str.find_many``) per batch. Because the view has every non-word character as
a space and is padded with spaces, a pattern that begins and ends with a space can only match
whole words: "روسياً" and "اللندنية" never match "روسيا" or "لندن".

Overlapping candidates are resolved leftmost-longest: a candidate is kept unless it starts inside
an earlier or longer one ("كوريا الشمالية" beats "كوريا", "محمود عباس" beats "عباس").
"""

from __future__ import annotations

import numpy as np
import polars as pl

from .arabic import MatchingView, clitic_forms

__all__ = ["NameMatcher", "resolve_overlaps"]


class NameMatcher:
    """Find the names of ``forms`` (a DataFrame with a ``form`` column and payload columns)."""

    def __init__(self, forms: pl.DataFrame, *, clitics: bool = True):
        rows = []
        for form in forms["form"].unique().sort().to_list():
            variants = clitic_forms(form) if clitics else [("", form)]
            for prefix, written in variants:
                rows.append((f" {written} ", form, len(prefix)))
        patterns = pl.DataFrame(rows, schema={"pattern": pl.String, "form": pl.String, "prefix_len": pl.Int64}, orient="row")
        self.patterns = patterns.join(forms, on="form", how="inner")
        self._literals = patterns["pattern"].unique().sort().to_list()

    def find(self, view: MatchingView) -> pl.DataFrame:
        """All candidate matches in the batch: row, view_start, view_end (view chars), prefix_len, form + payload."""
        found = pl.DataFrame({"row": pl.int_range(len(view), eager=True, dtype=pl.UInt32), "view": view.view}).lazy().select(
            "row",
            pl.col("view").str.find_many(self._literals, overlapping=True).alias("byte"),
            pl.col("view").str.extract_many(self._literals, overlapping=True).alias("pattern"),
        ).collect(engine="streaming").explode("byte", "pattern").drop_nulls("pattern")
        if found.height == 0:
            return self.patterns.clear().with_columns(
                pl.lit(None, pl.UInt32).alias("row"), pl.lit(None, pl.Int64).alias("view_start"), pl.lit(None, pl.Int64).alias("view_end")
            )
        chars = view.bytes_to_chars(found["row"].to_numpy(), found["byte"].to_numpy())
        found = found.with_columns(pl.Series("at", chars, dtype=pl.Int64))
        return found.join(self.patterns, on="pattern", how="inner").with_columns(
            (pl.col("at") + 1 + pl.col("prefix_len")).alias("view_start"),
            (pl.col("at") + pl.col("pattern").str.len_chars().cast(pl.Int64) - 1).alias("view_end"),
        ).drop("byte", "at", "pattern")


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
    reach = pl.col(end).cum_max().shift(1).over("row").fill_null(-1)
    clear = ranked.filter(pl.col(start) >= reach)
    rest = ranked.join(clear.select("_rank"), on="_rank", how="anti")
    overlapped = rest.select("_rank", "row", start, end).join(
        clear.select("row", pl.col(start).alias("_ks"), pl.col(end).alias("_ke")), on="row"
    ).filter((pl.col(start) < pl.col("_ke")) & (pl.col("_ks") < pl.col(end)))
    doubtful_rows = rest.join(overlapped.select("_rank"), on="_rank", how="anti")["row"].unique()
    if doubtful_rows.len() == 0:
        return clear.drop("_rank")
    settled = []
    for group in ranked.filter(pl.col("row").is_in(doubtful_rows.implode())).partition_by("row", maintain_order=True):
        last_end = -1
        keep = []
        for rank, s, e in group.select("_rank", start, end).iter_rows():
            if s >= last_end:
                keep.append(rank)
                last_end = e
        settled.append(keep)
    kept_ranks = pl.Series("_rank", [r for keep in settled for r in keep], dtype=pl.UInt32)
    return pl.concat(
        [clear.filter(~pl.col("row").is_in(doubtful_rows.implode())), ranked.filter(pl.col("_rank").is_in(kept_ranks.implode()))]
    ).sort("_rank").drop("_rank")
