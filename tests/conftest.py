"""Shared helpers: build the tables of a few sentences written on the spot."""

from __future__ import annotations

import json

import pytest

import analysis


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
