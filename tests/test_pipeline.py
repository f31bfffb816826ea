"""The batch loop and the worker processes do not change the tables."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis import pipeline
from analysis.errors import CorpusError
from analysis.tables import finalize

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ACTOR_KEY = ["actor_id", "kind", "name_en"]


def test_worker_processes_give_the_tables_of_one_process(tmp_path, monkeypatch):
    # the five seeds twice over, in batches of three documents spread over two worker processes
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    path = tmp_path / "corpus.jsonl"
    frame = pl.DataFrame({"id": [f"d{i:02d}" for i in range(10)], "text": seeds * 2, "published": ["2025-12-03"] * 10})
    frame.write_ndjson(path)
    monkeypatch.setattr(pipeline, "MIN_DOCUMENTS_FOR_WORKERS", 0)
    folders = []
    monkeypatch.setattr(pipeline, "_spill_folder", lambda: folders.append(str(tmp_path / "spill")) or os.makedirs(folders[-1]) or folders[-1])
    alone = analysis.build(path, workers=1, batch_size=10)
    spread = analysis.build(path, workers=2, batch_size=3)
    for name in ("documents", "actors", "mentions", "dates", "quotes", "meetings", "meeting_edges", "frames"):
        assert spread[name].equals(alone[name]), name
    assert alone.meetings.height > 0
    # the workers' tables went through the spill folder, which is gone
    assert len(folders) == 1 and not os.path.exists(folders[0])


def test_worker_environment_is_set_for_the_workers_only(monkeypatch):
    monkeypatch.setenv("POLARS_MAX_THREADS", "7")
    monkeypatch.delenv("_RJEM_MALLOC_CONF", raising=False)
    with pipeline._worker_environment():
        assert os.environ["POLARS_MAX_THREADS"] == "1"
        assert "dirty_decay_ms" in os.environ["_RJEM_MALLOC_CONF"]
    assert os.environ["POLARS_MAX_THREADS"] == "7"
    assert "_RJEM_MALLOC_CONF" not in os.environ


def test_corpus_tables_alone_are_those_of_the_full_build(seed_tables):
    corpus = analysis.build(SEEDS, events=False)
    assert set(corpus) == {"documents", "actors", "places", "sentences", "mentions", "dates"}
    for name in ("places", "sentences", "mentions", "dates"):
        assert corpus[name].equals(seed_tables[name]), name
    assert corpus.documents.drop("tone").equals(seed_tables.documents.drop("tone"))
    assert corpus.documents["tone"].null_count() == corpus.documents.height
    # the full build adds only the states and delegations that stand in as meeting parties
    extra = seed_tables.actors.join(corpus.actors, on="actor_id", how="anti")
    assert extra.height > 0
    assert (extra["actor_id"].str.starts_with("state-") | (extra["role"] == "Delegation")).all()
    assert corpus.actors.join(seed_tables.actors, on=ACTOR_KEY, how="anti").height == 0


def test_bench_prints_both_builds_with_both_figures(capsys):
    from analysis.bench import run_bench

    figures = run_bench(articles=12, seeds=SEEDS)
    printed = capsys.readouterr().out
    assert printed.count("articles per second") == 2 and printed.count("ratio to baseline") == 2
    for name in ("corpus", "all"):
        assert figures[f"{name}_articles_per_second"] > 0
        assert figures[f"{name}_ratio_to_baseline"] == figures[f"{name}_seconds"] / figures["baseline_seconds"]


def test_finalize_sorts_by_key_and_refuses_a_duplicate_key():
    rows = {"doc_id": ["b", "a", "a"], "sentence": [0, 1, 0], "start": [0, 9, 0], "end": [5, 20, 8]}
    assert finalize(pl.DataFrame(rows), "sentences").select("doc_id", "sentence").rows() == [("a", 0), ("a", 1), ("b", 0)]
    # the same key twice, away from each other before the sort
    rows = {"doc_id": ["a", "b", "a"], "sentence": [0, 0, 0], "start": [0, 0, 9], "end": [8, 5, 20]}
    with pytest.raises(ValueError, match="duplicate keys"):
        finalize(pl.DataFrame(rows), "sentences")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "ب", None]), st.integers(0, 3), st.integers(0, 3)), max_size=12), st.booleans())
def test_finalize_sorts_or_refuses_whatever_order_the_rows_come_in(rows, presorted):
    # rows that come sorted already take a shortcut; the result must be the same as sorting
    frame = pl.DataFrame(rows, schema={"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64}, orient="row").with_columns(
        pl.lit("x").alias("entity_id"), pl.lit("person").alias("entity_kind"), pl.lit("gazetteer").alias("method"),
        pl.lit(0, pl.Int32).alias("sentence"), pl.lit("x").alias("surface"),
    )
    if presorted:
        frame = frame.sort("doc_id", "start", "end")
    key = frame.select("doc_id", "start", "end")
    if key.is_duplicated().any():
        with pytest.raises(ValueError, match="duplicate keys"):
            finalize(frame, "mentions")
    else:
        assert finalize(frame, "mentions").select("doc_id", "start", "end").rows() == key.sort("doc_id", "start", "end").rows()


def test_a_bad_corpus_read_while_the_workers_start_still_gives_its_error(tmp_path, monkeypatch):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes('{"id": "a", "text": "نص"}\n'.encode("cp1256"))
    monkeypatch.setattr(pipeline, "MIN_DOCUMENTS_FOR_WORKERS", 0)
    started = []
    monkeypatch.setattr(pipeline, "_start_pool", lambda *args: started.append(1) or real_start_pool(*args))
    folders = []
    monkeypatch.setattr(pipeline, "_spill_folder", lambda: folders.append(str(tmp_path / "spill")) or os.makedirs(folders[-1]) or folders[-1])
    with pytest.raises(CorpusError, match="corpus.jsonl"):
        analysis.build(path, workers=2)
    assert started == [1]
    assert len(folders) == 1 and not os.path.exists(folders[0])


real_start_pool = pipeline._start_pool


def test_the_spill_folder_leaves_a_small_shared_memory_alone(monkeypatch, tmp_path):
    # a container's 64 MB /dev/shm cannot hold the batches' tables: the system's temporary folder does
    monkeypatch.setattr(pipeline, "SPILL_MIN_FREE", 2**62)
    monkeypatch.setattr(pipeline.tempfile, "tempdir", str(tmp_path))
    folder = pipeline._spill_folder()
    try:
        assert os.path.dirname(folder) == str(tmp_path)
    finally:
        os.rmdir(folder)
