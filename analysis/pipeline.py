"""The pipeline: corpus -> documents, sentences, mentions, actors, places, dates.

``build(corpus)`` reads the corpus, then processes the documents in batches: each batch gets one
``MatchingView`` (normalized text with offset maps) that every extractor shares. Each step is a
function from tables to tables; the batch loop only bounds memory. The result is a ``Tables``
mapping of finalized (validated, sorted) Polars DataFrames.
"""

from __future__ import annotations

import os
from typing import Iterator

import polars as pl

from . import dates as date_rules
from .arabic import MatchingView, sentence_spans
from .corpus import read_corpus
from .entities import EntityFinder, actors_table, places_table
from .reference import Reference, load_reference
from .tables import finalize

__all__ = ["Tables", "build", "document_batches"]

BATCH_SIZE = 20_000


class Tables(dict):
    """The tables of a corpus by name; also readable as attributes (``tables.mentions``)."""

    def __getattr__(self, name: str) -> pl.DataFrame:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __dir__(self):
        return list(super().__dir__()) + list(self)


def _with_row_doc_ids(frame: pl.DataFrame, doc_ids: pl.Series) -> pl.DataFrame:
    return frame.with_columns(doc_ids.gather(frame["row"]).alias("doc_id")).drop("row")


def _assign_sentences(rows: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Add the sentence index of each (row, start) from the batch's sentence spans."""
    if rows.height == 0:
        return rows.with_columns(pl.lit(None, pl.Int32).alias("sentence"))
    starts = sentences.select("row", pl.col("start").alias("_sentence_start"), "sentence").sort("row", "_sentence_start")
    return rows.sort("row", "start").join_asof(
        starts, left_on="start", right_on="_sentence_start", by="row", strategy="backward", check_sortedness=False
    ).with_columns(pl.col("sentence").fill_null(0)).drop("_sentence_start")


def _surface(rows: pl.DataFrame, texts: pl.Series) -> pl.DataFrame:
    return rows.with_columns(
        texts.gather(rows["row"]).str.slice(rows["start"], rows["end"] - rows["start"]).alias("surface")
    )


def document_batches(documents: pl.DataFrame, batch_size: int = BATCH_SIZE) -> Iterator[pl.DataFrame]:
    """The documents in slices of ``batch_size`` rows."""
    yield from documents.iter_slices(n_rows=batch_size)


def _document_columns(documents: pl.DataFrame) -> pl.DataFrame:
    arabic = pl.col("text").str.count_matches(r"\p{Arabic}")
    latin = pl.col("text").str.count_matches(r"[A-Za-z]")
    return documents.with_columns(
        pl.col("text").str.count_matches(r"\S+").cast(pl.Int64).alias("n_words"),
        pl.when(arabic >= latin).then(pl.lit("ar")).when(latin > 0).then(pl.lit("en")).otherwise(pl.lit("und")).alias("language"),
        pl.lit(None, pl.Float64).alias("tone"),
    )


def build(
    corpus: str | os.PathLike,
    metadata: str | os.PathLike | None = None,
    *,
    text_column: str | None = None,
    reference: Reference | None = None,
    batch_size: int = BATCH_SIZE,
) -> Tables:
    """Read ``corpus`` (see ``analysis.corpus.read_corpus``) and return its tables.

    Tables: documents, actors, places, sentences, mentions, dates (see README for columns).
    """
    reference = reference or load_reference()
    documents = read_corpus(corpus, metadata, text_column=text_column)
    finder = EntityFinder.for_reference(reference)
    parts: dict[str, list[pl.DataFrame]] = {"sentences": [], "mentions": [], "dates": [], "published": [], "discovered": []}
    for batch in document_batches(documents, batch_size):
        view = MatchingView(batch["text"].to_list())
        stated = date_rules.stated_publication_date(view)
        published = batch["published"].fill_null(stated)
        parts["published"].append(
            pl.DataFrame({"doc_id": batch["doc_id"], "stated": stated})
        )
        sentences = sentence_spans(batch["text"])
        mentions, discovered = finder.find(view, batch)
        mentions = _surface(_assign_sentences(mentions, sentences), batch["text"])
        found_dates = date_rules.extract_dates(view, published.to_list())
        found_dates = _surface(_assign_sentences(found_dates, sentences), batch["text"])
        parts["sentences"].append(_with_row_doc_ids(sentences, batch["doc_id"]))
        parts["mentions"].append(_with_row_doc_ids(mentions, batch["doc_id"]))
        parts["dates"].append(_with_row_doc_ids(found_dates, batch["doc_id"]))
        parts["discovered"].append(discovered)

    stated = pl.concat(parts["published"])
    documents = documents.join(stated, on="doc_id", how="left").with_columns(
        pl.when(pl.col("published").is_null() & pl.col("stated").is_not_null()).then(pl.lit("text")).otherwise(pl.col("published_basis")).alias("published_basis"),
        pl.coalesce("published", "stated").alias("published"),
    ).drop("stated")
    mentions = pl.concat(parts["mentions"], how="diagonal_relaxed")
    tables = Tables(
        documents=finalize(_document_columns(documents), "documents"),
        actors=finalize(actors_table(reference, pl.concat(parts["discovered"], how="diagonal_relaxed"), mentions), "actors"),
        places=finalize(places_table(reference, mentions), "places"),
        sentences=finalize(pl.concat(parts["sentences"]), "sentences"),
        mentions=finalize(mentions, "mentions"),
        dates=finalize(pl.concat(parts["dates"], how="diagonal_relaxed"), "dates"),
    )
    return tables
