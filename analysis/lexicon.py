"""Word statistics from an annotated Arabic news corpus: how often a word is part of a name.

``word_stats()`` returns one row per word of ANERcorp's training split (CAMeL Lab split, CC BY-SA
4.0, see ``resources/LICENSES.md``) in its matching view: how often it was tagged as part of a
person, location, organization or other name, and how often it was ordinary text. The gazetteer
build uses it to drop place names that are mostly common words; entity discovery uses it to tell
name words from ordinary words.

The table is built from ``data/raw/anercorp_camel`` by ``python -m analysis.lexicon`` (``make
reference``) and shipped as ``resources/word_stats.csv``. The test split is kept out of it so that
it can serve for evaluation.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import polars as pl

from .arabic import matching_view

__all__ = ["word_stats", "build_word_stats", "WORD_STATS_PATH"]

RESOURCES = Path(__file__).parent / "resources"
WORD_STATS_PATH = RESOURCES / "word_stats.csv"
_TAGS = {"PERS": "n_person", "LOC": "n_location", "ORG": "n_organization", "MISC": "n_misc"}
COLUMNS = ["word", "n_person", "n_location", "n_organization", "n_misc", "n_other"]


def read_conll(path: Path) -> pl.DataFrame:
    """Read a "token TAG" per line file (blank line = sentence break) -> (sentence, token, tag)."""
    rows = []
    sentence = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            sentence += 1
            continue
        rows.append((sentence, parts[0], parts[1] if len(parts) > 1 else "O"))
    return pl.DataFrame(rows, schema={"sentence": pl.Int64, "token": pl.String, "tag": pl.String}, orient="row")


def build_word_stats(train_file: Path) -> pl.DataFrame:
    """Count, for each matching-view word of ``train_file``, its entity tags and its plain uses."""
    tokens = read_conll(train_file)
    tokens = tokens.with_columns(
        pl.col("token").map_elements(lambda t: matching_view(t).strip(), return_dtype=pl.String).alias("word"),
        pl.col("tag").str.replace(r"^[BI]-", "").replace_strict(_TAGS, default="n_other", return_dtype=pl.String).alias("column"),
    ).filter(pl.col("word").str.contains(r"^[\p{Arabic}]+$"))
    counts = tokens.group_by("word", "column").len().pivot(on="column", index="word", values="len")
    for column in COLUMNS[1:]:
        if column not in counts.columns:
            counts = counts.with_columns(pl.lit(0).alias(column))
    return counts.select(
        "word", *[pl.col(c).fill_null(0).cast(pl.Int64) for c in COLUMNS[1:]]
    ).sort("word")


@functools.cache
def word_stats() -> pl.DataFrame:
    """The shipped word statistics (see module docstring)."""
    return pl.read_csv(WORD_STATS_PATH, schema={c: (pl.String if c == "word" else pl.Int64) for c in COLUMNS})


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    raw = Path(args[0]) if args else Path("data/raw/anercorp_camel")
    stats = build_word_stats(raw / "ANERCorp_CamelLab_train.txt")
    stats.write_csv(WORD_STATS_PATH)
    print(f"wrote {WORD_STATS_PATH} ({stats.height} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
