"""``make bench``: the table build on a synthetic corpus of replicated seed articles.

Prints two figures measured in the same run, for two builds of the same corpus:

* articles per second (reading included);
* the ratio of that time to a baseline: reading the same corpus file and one
  ``str.extract_many`` pass of all reference names over its text.

The builds: the corpus tables (documents, actors, places, sentences, mentions, dates:
``build(..., events=False)``), which the targets (5,000 articles/s, a ratio under 10) are for,
and everything (``build``: quotes, meetings and frames too), printed for information.

The synthetic corpus is a Parquet file of ``articles`` rows cycling through the seed texts, with
unique doc_ids, five outlets and publication dates spread over a month (so that weekday and
relative dates are resolved, as in a real corpus).
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import polars as pl

from .corpus import read_corpus
from .reference import load_reference

__all__ = ["run_bench", "synthetic_corpus"]


def synthetic_corpus(seeds: Path, articles: int, path: Path) -> Path:
    """Write ``articles`` replicated seed articles to the Parquet file ``path``; return it."""
    texts = read_corpus(seeds)["text"]
    start = dt.date(2025, 12, 1)
    frame = pl.DataFrame({"i": pl.int_range(articles, eager=True)}).select(
        pl.format("bench-{}", pl.col("i").cast(pl.String).str.zfill(7)).alias("doc_id"),
        pl.format("outlet-{}", (pl.col("i") % 5).cast(pl.String)).alias("outlet"),
        (pl.lit(start) + pl.duration(days=pl.col("i") % 30)).cast(pl.Date).alias("published"),
        texts.gather(pl.int_range(articles, eager=True) % texts.len()).alias("text"),
    )
    frame.write_parquet(path)
    return path


def _baseline(path: Path) -> float:
    names = load_reference().aliases["form"].unique().sort().to_list()
    began = time.perf_counter()
    frame = pl.read_parquet(path)
    frame.lazy().select(pl.col("text").str.extract_many(names)).collect(engine="streaming")
    return time.perf_counter() - began


def _pipeline(path: Path, *, events: bool) -> float:
    from .pipeline import build

    began = time.perf_counter()
    build(path, events=events)
    return time.perf_counter() - began


def run_bench(*, articles: int, seeds: Path) -> dict[str, float]:
    """Build the synthetic corpus, time baseline and pipeline, print and return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        path = synthetic_corpus(seeds, articles, Path(tmp) / "bench.parquet")
        load_reference()
        baseline = _baseline(path)
        corpus = _pipeline(path, events=False)
        everything = _pipeline(path, events=True)
    figures = {"articles": articles, "baseline_seconds": baseline}
    print(f"articles:            {articles:,}")
    print(f"baseline (read + one extract_many pass of {load_reference().aliases.height:,} names): {baseline:.2f} s")
    for name, label, seconds, targets in (
        ("corpus", "corpus tables (build(..., events=False))", corpus, ("   (target >= 5,000)", "   (target < 10)")),
        # the targets are the corpus tables'; the event tables are measured for information
        ("all", "all tables (build: + quotes, meetings, frames)", everything, ("", "")),
    ):
        figures |= {f"{name}_seconds": seconds, f"{name}_articles_per_second": articles / seconds, f"{name}_ratio_to_baseline": seconds / baseline}
        print(f"{label}: {seconds:.2f} s")
        print(f"  articles per second: {articles / seconds:,.0f}{targets[0]}")
        print(f"  ratio to baseline:   {seconds / baseline:.2f}{targets[1]}")
    return figures
