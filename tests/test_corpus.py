"""Reading corpora: formats, metadata, titles and bylines, and the errors a user can meet."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from analysis.corpus import approximate_size, read_corpus, title_and_byline
from analysis.errors import CorpusError

SEEDS = Path(__file__).parents[1] / "seeds"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=cwd, capture_output=True, text=True)


def test_seed_folder_reads_every_article_unchanged():
    docs = read_corpus(SEEDS)
    files = sorted(SEEDS.glob("*.txt"))
    assert docs["doc_id"].to_list() == [p.stem for p in files]
    assert docs["text"].to_list() == [p.read_text(encoding="utf-8") for p in files]


def test_bylines_and_titles_of_the_seeds():
    docs = read_corpus(SEEDS).filter(pl.col("author").is_not_null())
    assert dict(docs.select("author", "outlet").rows()) == {"صفاء مصطفى": "العرب نيوز اللندنية", "دينا كمال": None}
    titles = read_corpus(SEEDS).filter(pl.col("title").is_not_null())["title"].to_list()
    assert "الكرملين: محادثات بناءة مع واشنطن لكن بلا توافق حول أوكرانيا" in titles
    # a long first paragraph is not a title
    assert not any(len(t.split()) > 20 for t in titles)


@pytest.mark.parametrize(
    ("first_lines", "author", "outlet"),
    [
        ("كتب : دينا كمال\nنص", "دينا كمال", None),
        ("كتبت - سارة أحمد\nنص", "سارة أحمد", None),
        ("بقلم: محمد علي | الأهرام\nنص", "محمد علي", "الأهرام"),
        ("قال الرئيس إن المحادثات كتب لها النجاح\nنص", None, None),
    ],
)
def test_byline_patterns(first_lines, author, outlet):
    out = title_and_byline(pl.Series([first_lines])).row(0, named=True)
    assert (out["author"], out["outlet"]) == (author, outlet)


def test_jsonl_csv_and_parquet_give_the_same_documents(tmp_path):
    rows = [
        {"id": "a", "text": "موسكو", "outlet": "x", "published": "2025-12-02T10:00:00+03:00"},
        {"id": "b", "text": "كييف", "outlet": "y", "published": "2025-12-03"},
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    pl.DataFrame(rows).write_csv(tmp_path / "c.csv")
    pl.DataFrame(rows).write_parquet(tmp_path / "c.parquet")
    frames = [read_corpus(tmp_path / f"c.{ext}") for ext in ("jsonl", "csv", "parquet")]
    for frame in frames:
        assert frame.select("doc_id", "outlet", "published", "published_basis").rows() == [
            ("a", "x", dt.date(2025, 12, 2), "metadata"),
            ("b", "y", dt.date(2025, 12, 3), "metadata"),
        ]


def test_metadata_sidecar_in_the_folder_fills_and_overrides(tmp_path):
    (tmp_path / "one.txt").write_text("كتب : دينا كمال\nواشنطن: تقدم\nنص المقال.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("نص آخر.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("doc_id,outlet,published\none,Al-Ahram,2025-12-06\n", encoding="utf-8")
    docs = read_corpus(tmp_path)
    one = docs.filter(pl.col("doc_id") == "one").row(0, named=True)
    assert (one["outlet"], one["published"], one["author"], one["title"]) == ("Al-Ahram", dt.date(2025, 12, 6), "دينا كمال", "واشنطن: تقدم")
    two = docs.filter(pl.col("doc_id") == "two").row(0, named=True)
    assert (two["published"], two["published_basis"]) == (None, "unknown")


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing", "corpus not found"),
        (lambda d: _folder(d / "empty"), "has no .txt files"),
        (lambda d: _write(d / "e" / "a.txt", "  \n").parent, "a.txt is empty"),
        (lambda d: _write(d / "n" / "cp1256.txt", "موسكو".encode("cp1256")).parent, "cp1256.txt is not UTF-8"),
        (lambda d: _write(d / "t.csv", "id,body2\n1,موسكو\n"), "has no 'text' column"),
        (lambda d: _write(d / "t.jsonl", '{"text": "a"}\n{oops\n'), "line 2 is not valid JSON"),
        (lambda d: _write(d / "t.jsonl", '{"id": "x", "text": "a"}\n{"id": "x", "text": "b"}\n'), "doc_id values repeat"),
        (lambda d: _write(d / "t.jsonl", '{"id": "x", "text": "a", "published": "yesterday"}\n'), "is not a date"),
        (lambda d: _write(d / "t.jsonl", ""), "the file is empty"),
        (lambda d: _write(d / "t.xlsx", "x"), "unknown corpus format"),
    ],
)
def test_bad_input_gives_one_clear_error(tmp_path, make, message):
    path = make(tmp_path)
    with pytest.raises(CorpusError, match=message):
        read_corpus(path)


def test_command_line_bad_input_exits_nonzero_and_writes_nothing(tmp_path):
    bad = tmp_path / "corpus"
    bad.mkdir()
    (bad / "good.txt").write_text("موسكو", encoding="utf-8")
    (bad / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    out = tmp_path / "out"
    result = _run("build", str(bad), "--out", str(out), cwd=Path(__file__).parents[1])
    assert result.returncode == 2
    assert "bad.txt is not UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_command_line_unknown_option_is_refused(tmp_path):
    result = _run("build", str(SEEDS), "--out", str(tmp_path / "o"), "--colour", "red", cwd=Path(__file__).parents[1])
    assert result.returncode == 2
    assert "unrecognized arguments: --colour" in result.stderr


def test_the_size_of_a_corpus_is_guessed_before_reading_it(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "sub/c.txt", "notes.md"):
        (folder / name).write_text("نص", encoding="utf-8")
    assert approximate_size(folder) == 3
    pl.DataFrame({"doc_id": [str(i) for i in range(7)], "text": ["نص"] * 7}).write_parquet(tmp_path / "c.parquet")
    assert approximate_size(tmp_path / "c.parquet") == 7
    (tmp_path / "c.jsonl").write_bytes(b"x" * 10_000)
    assert approximate_size(tmp_path / "c.jsonl") == 5
    assert approximate_size(tmp_path / "missing") == 0
