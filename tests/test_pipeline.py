"""The batch loop and the worker processes do not change the tables."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

import analysis
from analysis import pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_worker_processes_give_the_tables_of_one_process(tmp_path, monkeypatch):
    # the five seeds twice over, in batches of three documents spread over two worker processes
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    path = tmp_path / "corpus.jsonl"
    frame = pl.DataFrame({"id": [f"d{i:02d}" for i in range(10)], "text": seeds * 2, "published": ["2025-12-03"] * 10})
    frame.write_ndjson(path)
    monkeypatch.setattr(pipeline, "MIN_DOCUMENTS_FOR_WORKERS", 0)
    alone = analysis.build(path, workers=1, batch_size=10)
    spread = analysis.build(path, workers=2, batch_size=3)
    for name in ("documents", "actors", "mentions", "dates", "quotes", "meetings", "meeting_edges", "frames"):
        assert spread[name].equals(alone[name]), name
    assert alone.meetings.height > 0


def test_worker_environment_is_set_for_the_workers_only(monkeypatch):
    monkeypatch.setenv("POLARS_MAX_THREADS", "7")
    monkeypatch.delenv("_RJEM_MALLOC_CONF", raising=False)
    with pipeline._worker_environment():
        assert os.environ["POLARS_MAX_THREADS"] == "1"
        assert "dirty_decay_ms" in os.environ["_RJEM_MALLOC_CONF"]
    assert os.environ["POLARS_MAX_THREADS"] == "7"
    assert "_RJEM_MALLOC_CONF" not in os.environ
