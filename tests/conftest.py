"""Shared helpers: build the tables of a few sentences written on the spot."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import analysis
from analysis.reports import run_reports

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def build_texts(tmp_path):
    """build_texts(["text", ...], published=["2025-12-06", None, ...]) -> analysis.Tables"""

    def build(texts: list[str], published: list[str | None] | None = None, outlets: list[str] | None = None):
        path = tmp_path / "corpus.jsonl"
        rows = []
        for i, text in enumerate(texts):
            row = {"id": f"d{i}", "text": text}
            if published and published[i]:
                row["published"] = published[i]
            if outlets:
                row["outlet"] = outlets[i]
            rows.append(row)
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
        return analysis.build(path, workers=1)

    return build


@pytest.fixture(scope="session")
def seed_tables():
    """The tables of the five seed articles (built once per test session)."""


    return analysis.build(SEEDS, workers=1)


@pytest.fixture(scope="session")
def seed_reports(tmp_path_factory):
    """Reports of the seed corpus, run twice into the same folder as ``make reports`` does: a copy
    of the first run and the second run (tables built once, in a temporary folder)."""
    base = tmp_path_factory.mktemp("reports")
    out = base / "reports"
    run_reports(corpus=str(SEEDS), tables=str(base / "tables"), output=str(out), log=lambda *_: None)
    first = shutil.copytree(out, base / "first")
    run_reports(corpus=str(SEEDS), tables=str(base / "tables"), output=str(out), log=lambda *_: None)
    return [first, out]


@pytest.fixture(scope="session")
def undated_reports(tmp_path_factory):
    """Reports of a small corpus whose articles carry no date, in Arabic labels."""
    base = tmp_path_factory.mktemp("undated")
    texts = [
        "التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في أنقرة، وقال الإليزيه إن المحادثات كانت بناءة.",
        "أجرى وزير الخارجية الروسي سيرغي لافروف محادثات مع الأمين العام للأمم المتحدة أنطونيو غوتيريش في جنيف. وقال لافروف إن التقدم ملموس.",
        "قال مسؤولون أوروبيون إن الحرب في أوكرانيا لن تنتهي قريباً، وإن الخلافات لا تزال قائمة.",
    ]
    corpus = base / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": f"u{i}", "text": t, "outlet": o}, ensure_ascii=False) for i, (t, o) in enumerate(zip(texts, ["A", "B", "A"]))), encoding="utf-8")
    out = base / "out"
    run_reports(corpus=str(corpus), tables=str(base / "tables"), output=str(out), language="ar", log=lambda *_: None)
    return out
