"""``make evaluate``: score people and places against annotated text.

Two gold sets:

* ANERcorp's test split (``data/raw/anercorp_camel``, shipped, CC BY-SA 4.0; kept out of the word
  statistics): 925 sentences of 2007 news, persons and locations tagged token by token
  (``anercorp_scores``). Runs anywhere; the test suite pins floors on it.
* hand annotations of 36 development articles (2015 and 2018 diplomacy news):

The gold set (``data/eval/gold_entities.jsonl``, see ``data/eval/README.md``) holds offsets and
names only; the articles themselves are research corpora that are not shipped. The evaluation
looks for them under ``--corpora`` (default ``../shared/corpora``) and says so when they are absent.

Scores, per kind (person, place):

* **mentions**: a predicted mention is right when it overlaps a gold mention of the same kind
  (one-to-one, a clitic fused with the article makes exact spans differ by a letter);
* **entities**: per article, the set of English names found vs the gold set, names compared
  after lowercasing and dropping everything but letters (so "Kim Jong-un" = "Kim Jong Un").
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from .corpus import read_corpus
from .errors import AnalysisError
from .lexicon import read_conll

__all__ = ["run_evaluation", "score_mentions", "score_entities", "predicted_mentions", "anercorp_scores", "anercorp_gold"]

ANERCORP_TEST = Path("data/raw/anercorp_camel/ANERCorp_CamelLab_test.txt")
ANERCORP_KINDS = {"PERS": "person", "LOC": "place"}

CORPUS_FILES = {
    "ant_meetings": "ant_meetings/ant_meeting_articles.jsonl",
    "saudinewsnet_meetings": "saudinewsnet_meetings/saudinewsnet_meeting_articles.jsonl",
}
KINDS = ("person", "place")


def _f1(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "predicted": n_pred, "gold": n_gold}


def score_mentions(predicted: pl.DataFrame, gold: pl.DataFrame, kind: str) -> dict[str, float]:
    """Overlap-based one-to-one matching of (doc_id, start, end) spans of one kind."""
    p = predicted.filter(pl.col("kind") == kind).select("doc_id", "start", "end").with_row_index("p")
    g = gold.filter(pl.col("kind") == kind).select("doc_id", "start", "end").with_row_index("g")
    pairs = p.join(g, on="doc_id", suffix="_g").filter((pl.col("start") < pl.col("end_g")) & (pl.col("start_g") < pl.col("end")))
    used_p, used_g, tp = set(), set(), 0
    for pi, gi in pairs.sort("p", "g").select("p", "g").iter_rows():
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            tp += 1
    return _f1(tp, p.height, g.height)


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def score_entities(predicted: pl.DataFrame, gold: pl.DataFrame, kind: str) -> dict[str, float]:
    """Per-article sets of English names of one kind."""
    def sets(frame: pl.DataFrame) -> set[tuple[str, str]]:
        return {(d, _key(n)) for d, n in frame.filter(pl.col("kind") == kind).select("doc_id", "name_en").iter_rows() if n}

    p, g = sets(predicted), sets(gold)
    return _f1(len(p & g), len(p), len(g))


def predicted_mentions(tables) -> pl.DataFrame:
    """(doc_id, start, end, kind, surface, name_en) of the people and places in built tables."""
    names = pl.concat(
        [
            tables.actors.select(pl.col("actor_id").alias("entity_id"), "name_en"),
            tables.places.select(pl.col("place_id").alias("entity_id"), "name_en"),
        ]
    )
    return tables.mentions.filter(pl.col("entity_kind").is_in(list(KINDS))).join(names, on="entity_id", how="left").select(
        "doc_id", "start", "end", pl.col("entity_kind").alias("kind"), "surface", "name_en"
    )


def _iob_spans(words: list[str], tags: list[str]) -> tuple[str, list[tuple[int, int, str]]]:
    """Join tokens with spaces; return the text and its (start, end, type) entity spans."""
    text, spans, current = "", [], None
    for word, tag in zip(words, tags):
        text += " " if text else ""
        start, end = len(text), len(text) + len(word)
        text += word
        kind = tag[2:] if tag != "O" else None
        continues = tag.startswith("I-") and current is not None and current[2] == kind
        if continues:
            current = (current[0], end, kind)
            continue
        if current:
            spans.append(current)
        current = (start, end, kind) if kind else None
    if current:
        spans.append(current)
    return text, spans


def anercorp_gold(path: Path = ANERCORP_TEST) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(documents, gold) from an IOB2 file: one document per sentence, tokens joined by spaces;
    gold spans (doc_id, start, end, kind) of persons and locations."""
    documents, gold = [], []
    for sentence, words, tags in read_conll(path).group_by("sentence", maintain_order=True).agg("token", "tag").iter_rows():
        doc_id = f"anercorp-{sentence:05d}"
        text, spans = _iob_spans(words, tags)
        documents.append((doc_id, text))
        gold += [(doc_id, s, e, ANERCORP_KINDS[k]) for s, e, k in spans if k in ANERCORP_KINDS]
    return (
        pl.DataFrame(documents, schema=["doc_id", "text"], orient="row"),
        pl.DataFrame(gold, schema=["doc_id", "start", "end", "kind"], orient="row"),
    )


def anercorp_scores(path: Path = ANERCORP_TEST) -> pl.DataFrame:
    """Mention scores (person, place) of the pipeline on ANERcorp's test split."""
    from .pipeline import build

    documents, gold = anercorp_gold(path)
    subset = path.parent / ".anercorp.eval.parquet"
    try:
        documents.write_parquet(subset)
        predicted = predicted_mentions(build(subset, workers=1))
    finally:
        subset.unlink(missing_ok=True)
    return pl.DataFrame([{"kind": kind, "level": "mentions", **score_mentions(predicted, gold, kind)} for kind in KINDS])


def evaluate(gold_file: Path, corpora: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Build the annotated articles and score them; returns (scores, predicted, gold)."""
    from .pipeline import build

    gold = pl.read_ndjson(gold_file)
    predicted_parts = []
    for corpus, relative in CORPUS_FILES.items():
        path = corpora / relative
        wanted = gold.filter(pl.col("corpus") == corpus)["doc_id"].unique()
        if wanted.len() == 0:
            continue
        if not path.is_file():
            raise AnalysisError(f"the annotated corpus {path} is missing; pass --corpora with the folder that holds {relative}.")
        documents = read_corpus(path).filter(pl.col("doc_id").is_in(wanted.implode()))
        subset = Path(gold_file).parent / f".{corpus}.eval.parquet"
        try:
            documents.write_parquet(subset)
            predicted_parts.append(predicted_mentions(build(subset)))
        finally:
            subset.unlink(missing_ok=True)
    predicted = pl.concat(predicted_parts)
    rows = []
    for kind in KINDS:
        for level, scorer in (("mentions", score_mentions), ("entities", score_entities)):
            rows.append({"kind": kind, "level": level, **scorer(predicted, gold, kind)})
    return pl.DataFrame(rows), predicted, gold


def run_evaluation(gold_dir: Path, corpora: Path = Path("../shared/corpora")) -> int:
    """Print the scores; exit status 0 (the floors are enforced by tests, not here)."""
    gold_file = gold_dir / "gold_entities.jsonl"
    if not gold_file.is_file():
        raise AnalysisError(f"no gold annotations at {gold_file}.")
    with pl.Config(tbl_rows=20, float_precision=3):
        print("ANERcorp test split (2007 news, shipped):")
        print(anercorp_scores())
        if not corpora.is_dir():
            print(f"development articles skipped: the annotated corpora are not at {corpora} (research licences: not shipped).")
            return 0
        scores, _, _ = evaluate(gold_file, corpora)
        print("hand-annotated development articles (2015, 2018 diplomacy news):")
        print(scores)
    return 0
