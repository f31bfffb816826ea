"""Word statistics from annotated Arabic corpora: how often a word is part of a name.

``word_stats()`` returns one row per word (in its matching view) of three annotated corpora:
ANERcorp's training split (news, CAMeL Lab split, CC BY-SA 4.0), AQMAR (Wikipedia, CC BY-SA 3.0)
and the public Wojood sample (mixed, MIT); see ``resources/LICENSES.md``. For each word: how often
it was tagged as part of a person, location, organization or other name, and how often it was
ordinary text; and how often it began a person's name of two words or more (``n_person_first``:
a given name, "يوسف" of "يوسف الحربي", where a surname alone, "الرئيس خاتمي", does not count).
The gazetteer build uses it to drop place names that are mostly common words;
entity discovery uses it to tell name words from ordinary words.

The table is built from ``data/raw`` by ``python -m analysis.lexicon`` (``make reference``) and
shipped as ``resources/word_stats.csv``. ANERcorp's test split is kept out of it so that it can
serve for evaluation.
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
_TAGS = {
    "PERS": "n_person", "PER": "n_person",
    "LOC": "n_location", "GPE": "n_location", "FAC": "n_location",
    "ORG": "n_organization",
    "MISC": "n_misc", "NORP": "n_misc", "EVENT": "n_misc", "WEBSITE": "n_misc", "LAW": "n_misc", "PRODUCT": "n_misc",
}
SOURCES = (
    "anercorp_camel/ANERCorp_CamelLab_train.txt",
    "aqmar_ner/articles/*.txt",
    "wojood_sample/wojood_sample_*.txt",
)
COLUMNS = ["word", "n_person", "n_location", "n_organization", "n_misc", "n_other", "n_person_first"]


_LAYER_PRIORITY = ("LOC", "GPE", "FAC", "ORG", "PERS", "PER")


def read_conll(path: Path) -> pl.DataFrame:
    """Read a "token TAG [TAG ...]" per line file (blank line = sentence break) -> (sentence, token, tag).

    Nested corpora (Wojood) give one tag per layer ("نابلس I-OCC B-GPE": the place inside "the
    governor of Nablus"); the tag kept is the first name layer by ``_LAYER_PRIORITY``, else the first.
    """
    rows = []
    sentence = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            sentence += 1
            continue
        tags = parts[1:] or ["O"]
        bare = [t.split("-", 1)[-1].strip("-") for t in tags]
        chosen = next((tags[bare.index(p)] for p in _LAYER_PRIORITY if p in bare), tags[0])
        rows.append((sentence, parts[0], chosen))
    return pl.DataFrame(rows, schema={"sentence": pl.Int64, "token": pl.String, "tag": pl.String}, orient="row")


def build_word_stats(raw: Path) -> pl.DataFrame:
    """Count, for each matching-view word of the annotated files under ``raw``, its entity tags and its plain uses.

    Tags are IOB2; AQMAR's article-specific MIS0..MIS3 classes count as misc names; Wojood's
    dates, occupations, numbers and the like count as ordinary text. Location and organization
    counts come from ANERcorp only (see the comment in the loop).
    """
    files = sorted(f for pattern in SOURCES for f in raw.glob(pattern))
    if not files:
        raise FileNotFoundError(f"no annotated corpora under {raw}")
    tag = pl.col("tag").str.replace(r"^[BI]-+", "").str.replace(r"^MIS.*", "MISC")
    parts = []
    for f in files:
        # B-PERS followed by I-PERS in the same sentence: the first word of a name of two words or more
        first = pl.col("tag").str.contains(r"^B-+PERS?$") & pl.col("tag").shift(-1).str.contains(r"^I-+PERS?$") & (
            pl.col("sentence").shift(-1) == pl.col("sentence")
        )
        part = read_conll(f).with_columns(first.fill_null(False).alias("_first"))
        if "anercorp" not in str(f):
            # AQMAR and Wojood put type words inside location and organization spans ("مدينة X",
            # "جامعة X"): only their person tags and plain words are counted
            part = part.filter(~tag.is_in(["LOC", "GPE", "FAC", "ORG"]))
        parts.append(part)
    tokens = pl.concat(parts)
    tokens = tokens.with_columns(
        pl.col("token").map_elements(lambda t: matching_view(t).strip(), return_dtype=pl.String).alias("word"),
        tag.replace_strict(_TAGS, default="n_other", return_dtype=pl.String).alias("column"),
    ).filter(pl.col("word").str.contains(r"^[\p{Arabic}]+$"))
    counts = tokens.group_by("word", "column").len().pivot(on="column", index="word", values="len")
    counts = counts.join(tokens.group_by("word").agg(pl.col("_first").sum().alias("n_person_first")), on="word", how="left")
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
    raw = Path(args[0]) if args else Path("data/raw")
    stats = build_word_stats(raw)
    stats.write_csv(WORD_STATS_PATH)
    print(f"wrote {WORD_STATS_PATH} ({stats.height} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
