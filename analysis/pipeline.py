"""The pipeline: corpus -> documents, sentences, mentions, actors, places, dates.

``build(corpus)`` reads the corpus, then processes the documents in batches: each batch gets one
``MatchingView`` (normalized text with offset maps) that every extractor shares
(``process_batch``). Each step is a function from tables to tables; the batch loop only bounds
memory. A large corpus is spread over worker processes, one per core (Polars runs most of a
batch's work on one core). The result is a ``Tables`` mapping of finalized (validated, sorted)
Polars DataFrames; the order of batches does not change it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import tempfile
import uuid
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterator

import numpy as np
import polars as pl

from . import dates as date_rules
from .arabic import MatchingView
from .corpus import approximate_size, read_corpus
from .entities import EntityFinder, actors_table, places_table, stand_in_actors
from .events import cue_table
from .groups import GroupFinder
from .framing import Codebook, article_tone, find_frames, load_codebook
from .matching import position_key
from .meetings import MeetingPlaces, actor_facts, article_meetings, in_corpus_order, meeting_mentions, meeting_tables
from .quotes import find_quotes
from .reference import Reference, load_reference
from .tables import empty, finalize

__all__ = ["Tables", "build", "process_batch", "document_batches"]

BATCH_SIZE = 5_000  # larger batches pay less per document, up to ~2 GB of memory per process
# A worker process pays about 2 s to start (imports, matchers); below this many documents one
# process is faster.
MIN_DOCUMENTS_FOR_WORKERS = 4_000


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
    """Add the sentence index of each (row, start) from the batch's sentence spans; the rows come
    sorted by row and start."""
    if rows.height == 0:
        return rows.with_columns(pl.lit(None, pl.Int32).alias("sentence"))
    at = position_key(rows["row"], rows["start"]).to_numpy()
    if (np.diff(at) < 0).any():
        order = np.argsort(at, kind="stable")
        rows, at = rows.rechunk()[order], at[order]
    if sentences.height == 0:
        return rows.with_columns(pl.lit(0, pl.Int32).alias("sentence"))
    sentence_at = position_key(sentences["row"], sentences["start"]).to_numpy()
    order = np.argsort(sentence_at, kind="stable")
    sentence_at, sentence_row, sentence = sentence_at[order], sentences["row"].to_numpy()[order], sentences["sentence"].to_numpy()[order]
    # the sentence that starts last at or before each row's start, in its document (else sentence 0)
    last = np.maximum(np.searchsorted(sentence_at, at, side="right") - 1, 0)
    found = (sentence_row[last] == rows["row"].to_numpy()) & (sentence_at[last] <= at)
    return rows.with_columns(pl.Series("sentence", np.where(found, sentence[last], 0), dtype=pl.Int32))


def _surface(rows: pl.DataFrame, texts: pl.Series) -> pl.DataFrame:
    return rows.with_columns(
        texts.gather(rows["row"]).str.slice(rows["start"], rows["end"] - rows["start"]).alias("surface")
    )


def _surface_text(rows: pl.DataFrame, texts: pl.Series) -> pl.Series:
    return texts.gather(rows["row"]).str.slice(rows["start"], rows["end"] - rows["start"]).alias("text")


def _stated_dates(view: MatchingView, published: pl.Series) -> pl.Series:
    """The publication date stated in the text, for the articles whose metadata gives none."""
    undated = published.is_null().arg_true()
    stated = pl.Series("stated", [None] * len(view), dtype=pl.Date)
    if undated.len():
        found = date_rules.stated_publication_date(view.subset(undated.to_numpy()))
        stated = stated.scatter(undated, found)
    return stated


def document_batches(documents: pl.DataFrame, batch_size: int = BATCH_SIZE) -> Iterator[pl.DataFrame]:
    """The documents in slices of ``batch_size`` rows."""
    yield from documents.iter_slices(n_rows=batch_size)


def process_batch(batch: pl.DataFrame, reference: Reference | None = None, codebook: Codebook | None = None, *, events: bool = True) -> dict[str, pl.DataFrame | list[dict]]:
    """The per-document tables of one batch of raw documents (doc_id, text, published, ...).

    Returns: counts (doc_id, stated, n_words, language), sentences, mentions, dates, quotes,
    meeting_mentions, frames and the discovered actors, with doc_id instead of the batch row, and
    ``article_meetings``: the meetings of each article (a list of records, ``meetings.article_meetings``).
    ``events=False`` stops after the corpus tables: no quotes, meeting_mentions, article_meetings, frames.
    """
    reference = reference or load_reference()
    codebook = codebook or load_codebook()
    finder = EntityFinder.for_reference(reference)
    view = MatchingView(batch["text"].to_list())
    stated = _stated_dates(view, batch["published"])
    published = batch["published"].fill_null(stated)
    sentences = view.sentences()
    mentions, discovered, hits = finder.find(view, batch, events=events)
    mentions = _surface(_assign_sentences(mentions, sentences), batch["text"])
    found_dates = date_rules.extract_dates(view, published.to_list(), hits.filter(pl.col("role") == "date_anchor"))
    found_dates = _surface(_assign_sentences(found_dates, sentences), batch["text"])
    counts = view.text_counts().select(
        pl.lit(batch["doc_id"]).alias("doc_id"),
        pl.lit(stated).alias("stated"),
        "n_words",
        pl.when(pl.col("n_arabic") >= pl.col("n_latin")).then(pl.lit("ar")).when(pl.col("n_latin") > 0).then(pl.lit("en")).otherwise(pl.lit("und")).alias("language"),
    )
    corpus_tables = {
        "counts": counts,
        "sentences": _with_row_doc_ids(sentences, batch["doc_id"]),
        "mentions": _with_row_doc_ids(mentions, batch["doc_id"]),
        "dates": _with_row_doc_ids(found_dates, batch["doc_id"]),
        "discovered": discovered,
    }
    if not events:
        return corpus_tables
    cues = cue_table(view, hits, sentences, mentions)
    quotes = find_quotes(batch["text"], sentences, cues, mentions, reference, finder.discoverer.nationalities, published)
    actors = pl.concat(
        [frame.select("actor_id", "kind", "name_en", "country", "role") for frame in (reference.actors, discovered, stand_in_actors(reference))]
    ).with_columns(pl.col("country").replace("", None))
    found_meetings = meeting_mentions(
        batch["text"], cues, mentions, found_dates, quotes, published, actors,
        MeetingPlaces.for_reference(reference).places, finder.discoverer.titles, GroupFinder.for_reference(reference),
    )
    found_meetings = _with_row_doc_ids(found_meetings, batch["doc_id"])
    # an article's meetings are grouped here, in the worker: grouping reads only its own mentions
    countries, persons, stand_ins = actor_facts(actors)
    grouped = article_meetings(
        found_meetings, dict(zip(batch["doc_id"], published)), countries, persons, stand_ins, MeetingPlaces.for_reference(reference).within
    )
    quotes = _with_row_doc_ids(quotes.with_columns(_surface_text(quotes, batch["text"])), batch["doc_id"])
    frames = _with_row_doc_ids(_surface(_assign_sentences(find_frames(view, codebook), sentences), batch["text"]), batch["doc_id"])
    return corpus_tables | {"quotes": quotes, "meeting_mentions": found_meetings, "article_meetings": grouped, "frames": frames}


_WORKER: dict[str, object] = {}


def _start_worker(reference: Reference | None, codebook: Codebook, events: bool, spill: str) -> None:
    # the package's own reference data is read again here rather than sent: a worker reads what it
    # is sent only after its imports, and a large message would hold up the start of the next one
    reference = reference or load_reference()
    _WORKER.update(reference=reference, codebook=codebook, events=events, spill=spill)
    finder = EntityFinder.for_reference(reference)
    # a first search builds the matcher's automaton before the first batch arrives
    (finder.matcher if events else finder.names_matcher).find(MatchingView([""]))


def _worker_batch(batch: pl.DataFrame) -> dict[str, pl.DataFrame | Path | list]:
    """``process_batch`` in a worker; its tables are written to the spill folder as Arrow IPC files
    and only their paths are sent back: tens of megabytes through a pipe would keep the worker
    waiting for the parent process to read them."""
    result = process_batch(batch, _WORKER["reference"], _WORKER["codebook"], events=_WORKER["events"])
    sent: dict[str, pl.DataFrame | Path | list] = {}
    for name, value in result.items():
        if isinstance(value, pl.DataFrame):
            path = Path(_WORKER["spill"]) / f"{uuid.uuid4().hex}-{name}.arrow"
            value.write_ipc(path)
            value = path
        sent[name] = value
    return sent


def _received(result: dict[str, pl.DataFrame | Path | list]) -> dict[str, pl.DataFrame | list]:
    """A worker's result with its spilled tables read back (and their files removed)."""
    out = {}
    for name, value in result.items():
        if isinstance(value, Path):
            path, value = value, pl.read_ipc(value)
            path.unlink()
        out[name] = value
    return out


SPILL_MIN_FREE = 2**31  # bytes of shared memory free for it to hold the workers' tables (a container may give 64 MB)


def _spill_folder() -> str:
    """A new folder for the workers' tables: in shared memory where the system has enough of it,
    else in the system's temporary folder."""
    shm = Path("/dev/shm")
    roomy = shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free >= SPILL_MIN_FREE
    return tempfile.mkdtemp(prefix="analysis-batches-", dir=shm if roomy else None)


def _warm_up() -> None:
    """A task that only makes the pool start a worker (its initializer does the work)."""


def _start_pool(reference: Reference, codebook: Codebook, workers: int, events: bool, spill: str) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, started now: they import and build their matchers while
    this process reads the corpus. They write their tables to the folder ``spill``."""
    with _worker_environment():
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker,
            initargs=(None if reference is load_reference() else reference, codebook, events, spill),
        )
        for _ in range(workers):
            pool.submit(_warm_up)
    return pool


def _batch_results(documents: pl.DataFrame, reference: Reference, codebook: Codebook, batch_size: int, pool: ProcessPoolExecutor | None, workers: int, events: bool) -> Iterator[dict[str, pl.DataFrame]]:
    if pool is None:
        for batch in document_batches(documents, batch_size):
            yield process_batch(batch, reference, codebook, events=events)
        return
    # at least one batch per worker, all of about the same size
    n_batches = max(-(-documents.height // batch_size), workers)
    batches = list(document_batches(documents, -(-documents.height // n_batches)))
    for result in pool.map(_worker_batch, batches):
        yield _received(result)


# The environment of the worker processes, read when each starts:
# - Polars on one thread: the processes share the cores instead;
# - the allocators keep freed memory for the next batch instead of handing it back to the system
#   (each batch allocates the same large arrays again; fresh pages cost about a fifth of the
#   time in page faults). jemalloc is Polars' allocator, glibc's malloc NumPy's.
WORKER_ENVIRONMENT = {
    "POLARS_MAX_THREADS": "1",
    "_RJEM_MALLOC_CONF": "dirty_decay_ms:-1,muzzy_decay_ms:-1",
    "MALLOC_TRIM_THRESHOLD_": str(2**36),
    "MALLOC_MMAP_THRESHOLD_": str(2**25),
}


@contextlib.contextmanager
def _worker_environment() -> Iterator[None]:
    """Set ``WORKER_ENVIRONMENT`` while the workers start; restore the previous values after."""
    previous = {name: os.environ.get(name) for name in WORKER_ENVIRONMENT}
    os.environ.update(WORKER_ENVIRONMENT)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build(
    corpus: str | os.PathLike,
    metadata: str | os.PathLike | None = None,
    *,
    text_column: str | None = None,
    reference: Reference | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    codebook: str | os.PathLike | None = None,
    events: bool = True,
) -> Tables:
    """Read ``corpus`` (see ``analysis.corpus.read_corpus``) and return its tables.

    Tables: documents, actors, places, sentences, mentions, dates, quotes, meetings,
    meeting_mentions, meeting_edges, frames (see README for columns).
    ``workers``: processes for large corpora (default: one per core; 1 runs everything here).
    ``codebook``: a framing codebook (YAML) instead of the package's ``resources/codebook.yaml``.
    ``events=False`` builds only the corpus tables (documents without tone, actors, places,
    sentences, mentions, dates): no quotes, meetings or frames, in about a fifth of the time.
    """
    reference = reference or load_reference()
    book = load_codebook(codebook)
    workers = (os.cpu_count() or 1) if workers is None else workers
    parts: dict[str, list] = {"counts": [], "sentences": [], "mentions": [], "dates": [], "quotes": [], "meeting_mentions": [], "article_meetings": [], "frames": [], "discovered": []}
    # a large corpus gets its worker processes before it is read, so that they start meanwhile
    spill = _spill_folder() if workers > 1 and approximate_size(corpus) >= MIN_DOCUMENTS_FOR_WORKERS else None
    try:
        pool = _start_pool(reference, book, workers, events, spill) if spill else None
        with pool or contextlib.nullcontext():
            documents = read_corpus(corpus, metadata, text_column=text_column)
            for result in _batch_results(documents, reference, book, batch_size, pool, workers, events):
                for name, frame in result.items():
                    parts[name].append(frame)
    finally:
        if spill:
            shutil.rmtree(spill, ignore_errors=True)

    counts = pl.concat(parts["counts"])
    frames = pl.concat(parts["frames"], how="diagonal_relaxed") if events else empty("frames")
    documents = documents.join(counts, on="doc_id", how="left").join(article_tone(frames, book), on="doc_id", how="left").with_columns(
        pl.when(pl.col("published").is_null() & pl.col("stated").is_not_null()).then(pl.lit("text")).otherwise(pl.col("published_basis")).alias("published_basis"),
        pl.coalesce("published", "stated").alias("published"),
    ).drop("stated")
    mentions = pl.concat(parts["mentions"], how="diagonal_relaxed")
    found_meetings = pl.concat(parts["meeting_mentions"], how="diagonal_relaxed") if events else empty("meeting_mentions")
    # (with the reference actors a meeting or a quotation names by title or description alone)
    quotes = pl.concat(parts["quotes"], how="diagonal_relaxed") if events else empty("quotes")
    named = pl.concat([found_meetings["participants"].explode().drop_nulls(), quotes.filter(pl.col("speaker_kind") != "place")["speaker_id"].drop_nulls()])
    actors = finalize(actors_table(reference, pl.concat(parts["discovered"], how="diagonal_relaxed"), mentions, named), "actors")
    places = finalize(places_table(reference, mentions, found_meetings["place_id"] if events else None), "places")
    sentences = finalize(pl.concat(parts["sentences"]), "sentences")
    documents = finalize(documents, "documents")
    corpus_tables = Tables(
        documents=documents,
        actors=actors,
        places=places,
        sentences=sentences,
        mentions=finalize(mentions, "mentions"),
        dates=finalize(pl.concat(parts["dates"], how="diagonal_relaxed"), "dates"),
    )
    if not events:
        return corpus_tables
    meetings, found_meetings, edges = meeting_tables(
        in_corpus_order([m for part in parts["article_meetings"] for m in part]), found_meetings, documents, sentences, actors, places,
    )
    return Tables(
        **corpus_tables,
        quotes=finalize(quotes, "quotes"),
        meetings=finalize(meetings, "meetings"),
        meeting_mentions=finalize(found_meetings, "meeting_mentions"),
        meeting_edges=finalize(edges, "meeting_edges"),
        frames=finalize(frames, "frames"),
    )
