"""Corpus loading: a folder of .txt files or a JSON Lines / CSV / Parquet table -> raw documents.

``read_corpus(path, metadata=None)`` returns one row per article with the columns doc_id, outlet,
author, title, published, published_basis, url, text. The text is kept exactly as given (a UTF-8
byte order mark is the only thing dropped). What the metadata does not say is taken from the
text itself where the article states it:

* the title: the first line when it is short, has no final full stop and more text follows;
* the byline: "كتب : دينا كمال", "كتبت - ...", "بقلم: ..." gives the author, and an outlet named
  after it ("كتب : صفاء مصطفى... العرب نيوز اللندنية") gives the outlet;
* the publication date is filled in later by the pipeline from a date stated near the start of
  the article (``published_basis`` = "text"), see ``analysis.dates.stated_publication_date``.

Metadata comes from the table's own columns and from an optional sidecar (``metadata.csv`` or
``metadata.jsonl`` next to the articles, or given explicitly) with the columns doc_id, outlet,
author, title, published, url (all but doc_id optional). Sidecar values win over table columns.

Every problem with the input raises ``CorpusError`` with one message naming the file and what to
do; nothing is read half-way.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import polars as pl

from .errors import CorpusError

__all__ = ["read_corpus", "approximate_size", "METADATA_COLUMNS", "TABLE_SUFFIXES"]

METADATA_COLUMNS = ("outlet", "author", "title", "published", "url")
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".parquet")
SIDECAR_NAMES = ("metadata.csv", "metadata.jsonl")

# Column names accepted for each field, first found wins.
_ALIASES = {
    "doc_id": ("doc_id", "id", "article_id", "docno"),
    "text": ("text", "body", "content", "article"),
    "outlet": ("outlet", "outlet_name", "source", "site"),
    "author": ("author", "byline", "authors"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "pubdate", "publication_date"),
    "url": ("url", "link"),
}

BYLINE_WORDS = ("كتبت", "كتبها", "كتبه", "كتب", "بقلم", "إعداد", "اعداد", "تقرير")  # what starts a byline
MAX_AUTHOR_LENGTH = 60
_BYLINE = re.compile(
    r"^\s*(?:" + "|".join(BYLINE_WORDS) + r")(?:\s*[:：\-–—]\s*|\s+)"
    rf"(?P<author>[^\n.…،,:|\-–—]{{2,{MAX_AUTHOR_LENGTH}}}?)"
    r"(?:\s*(?:\.{2,}|…|[|\-–—،,])\s*(?P<outlet>[^\n]{2,80}?))?\s*$"
)


def _decode(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{path} is not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}). "
            f"Convert it, e.g. `iconv -f WINDOWS-1256 -t UTF-8 {path}`, and run again."
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _read_text_folder(folder: Path) -> pl.DataFrame:
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not files:
        raise CorpusError(
            f"no articles in {folder}: the folder has no .txt files. "
            "Put one UTF-8 .txt file per article there, or pass a .jsonl/.csv/.parquet file."
        )
    ids = [str(p.relative_to(folder).with_suffix("")) for p in files]
    stems = [p.stem for p in files]
    if len(set(stems)) == len(stems):
        ids = stems
    texts = []
    for path in files:
        text = _decode(path, path.read_bytes())
        if not text.strip():
            raise CorpusError(f"{path} is empty. Remove it from the corpus or add the article's text.")
        texts.append(text)
    return pl.DataFrame({"doc_id": ids, "text": texts}, schema={"doc_id": pl.String, "text": pl.String})


def _read_json_lines(path: Path) -> pl.DataFrame:
    text = _decode(path, path.read_bytes())
    rows = []
    if path.suffix == ".json" and text.lstrip().startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as err:
            raise CorpusError(f"{path} is not valid JSON ({err.msg}, line {err.lineno}). Fix the file.") from None
    else:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusError(
                    f"{path} line {number} is not valid JSON ({err.msg}). One JSON object per line is expected."
                ) from None
            if not isinstance(row, dict):
                raise CorpusError(f"{path} line {number} is not a JSON object. One object per article is expected.")
            rows.append(row)
    if not rows:
        raise CorpusError(f"no articles in {path}: the file is empty. Add one JSON object per article.")
    columns = sorted({k for row in rows for k in row})
    return pl.DataFrame(
        {c: [None if row.get(c) is None else str(row.get(c)) for row in rows] for c in columns},
        schema={c: pl.String for c in columns},
    )


def _read_table(path: Path) -> pl.DataFrame:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return _read_json_lines(path)
    if suffix == ".csv":
        raw = path.read_bytes()
        _decode(path, raw)
        try:
            frame = pl.read_csv(raw, infer_schema=False)
        except pl.exceptions.PolarsError as err:
            raise CorpusError(f"{path} is not a readable CSV file ({err}). Fix the file.") from None
    elif suffix == ".parquet":
        try:
            frame = pl.read_parquet(path)
        except (pl.exceptions.PolarsError, OSError) as err:
            raise CorpusError(f"{path} is not a readable Parquet file ({err}).") from None
    else:
        raise CorpusError(
            f"{path}: unknown corpus format {suffix!r}. Use a folder of .txt files or a .jsonl, .csv or .parquet file."
        )
    if frame.height == 0:
        raise CorpusError(f"no articles in {path}: the table has no rows.")
    return frame


def _pick(frame: pl.DataFrame, field: str) -> str | None:
    lower = {c.lower(): c for c in frame.columns}
    return next((lower[a] for a in _ALIASES[field] if a in lower), None)


def _standardize(frame: pl.DataFrame, path: Path, text_column: str | None) -> pl.DataFrame:
    """Rename accepted column names to the standard ones, check text and ids."""
    text_col = text_column if text_column else _pick(frame, "text")
    if text_col is None or text_col not in frame.columns:
        wanted = repr(text_column) if text_column else "'text'"
        raise CorpusError(
            f"{path} has no {wanted} column (columns: {', '.join(frame.columns)}). "
            "Rename the column that holds the article to 'text', or pass --text-column NAME."
        )
    if frame.schema[text_col] != pl.String:
        raise CorpusError(f"{path}: column {text_col!r} does not hold text ({frame.schema[text_col]}).")
    columns = {"text": pl.col(text_col)}
    id_col = _pick(frame, "doc_id")
    if id_col:
        columns["doc_id"] = pl.col(id_col).cast(pl.String)
    else:
        width = len(str(frame.height))
        columns["doc_id"] = pl.format(f"{path.stem}-{{}}", pl.int_range(1, frame.height + 1).cast(pl.String).str.zfill(width))
    for field in METADATA_COLUMNS:
        col = _pick(frame, field)
        if col:
            columns[field] = pl.col(col).cast(pl.String)
    out = frame.select(**columns)
    blank = out.filter(pl.col("text").is_null() | (pl.col("text").str.strip_chars() == ""))
    if blank.height:
        ids = ", ".join(blank["doc_id"].head(5).to_list())
        raise CorpusError(f"{path}: {blank.height} article(s) have no text (doc_id {ids}). Remove them or add their text.")
    return out


def _check_ids(frame: pl.DataFrame, path: Path) -> None:
    if frame["doc_id"].null_count():
        raise CorpusError(f"{path}: some articles have no doc_id. Give every article an id.")
    dupes = frame.filter(pl.col("doc_id").is_duplicated())["doc_id"].unique().sort().head(5).to_list()
    if dupes:
        raise CorpusError(f"{path}: doc_id values repeat ({', '.join(dupes)}). Every article needs its own doc_id.")


def _parse_dates(values: pl.Expr) -> pl.Expr:
    """ISO dates or datetimes (with or without time zone) -> pl.Date; anything else -> null."""
    head = values.str.strip_chars().str.slice(0, 10)
    return head.str.to_date("%Y-%m-%d", strict=False)


def _read_sidecar(path: Path) -> pl.DataFrame:
    if not path.is_file():
        raise CorpusError(f"metadata file not found: {path}. Give a metadata.csv or metadata.jsonl file.")
    frame = _read_table(path)
    id_col = _pick(frame, "doc_id")
    if id_col is None:
        raise CorpusError(f"{path} has no doc_id column (columns: {', '.join(frame.columns)}). Add one.")
    columns = {"doc_id": pl.col(id_col).cast(pl.String)}
    for field in METADATA_COLUMNS:
        col = _pick(frame, field)
        if col:
            columns[field] = pl.col(col).cast(pl.String)
    out = frame.select(**columns)
    _check_ids(out, path)
    return out


def _check_published(frame: pl.DataFrame, path: Path) -> pl.DataFrame:
    if "published" not in frame.columns:
        return frame
    parsed = frame.with_columns(_parse_dates(pl.col("published")).alias("_date"))
    bad = parsed.filter(pl.col("published").is_not_null() & (pl.col("published").str.strip_chars() != "") & pl.col("_date").is_null())
    if bad.height:
        example = bad.row(0, named=True)
        raise CorpusError(
            f"{path}: published {example['published']!r} of doc_id {example['doc_id']} is not a date. "
            "Use YYYY-MM-DD (a time and time zone may follow)."
        )
    return parsed.drop("published").rename({"_date": "published"})


def title_and_byline(texts: pl.Series) -> pl.DataFrame:
    """Title, author and outlet stated in the first lines of each text (nulls where there is none).

    A byline is a first line like "كتب : دينا كمال"; the title is the first line that is not a
    byline when it is short (at most 20 words), ends without a full stop and more text follows.
    """
    # the first three lines (and whether a fourth begins) of the first 600 characters
    lines = pl.col("text").str.slice(0, 600).str.strip_chars_start().str.splitn("\n", 4)
    frame = pl.DataFrame({"text": texts}).select(lines.alias("_lines")).unnest("_lines")
    first = pl.col("field_0").str.strip_chars()
    second = pl.col("field_1").str.strip_chars()
    frame = frame.with_columns(first.str.extract_groups(_BYLINE.pattern).alias("_byline"))
    has_byline = pl.col("_byline").struct.field("author").is_not_null()
    frame = frame.with_columns(
        pl.when(has_byline).then(second).otherwise(first).alias("_candidate"),
        # more text after the candidate line
        pl.when(has_byline).then(pl.col("field_2").is_not_null()).otherwise(pl.col("field_1").is_not_null()).alias("_rest_after"),
    )
    candidate = pl.col("_candidate")
    is_title = (
        candidate.is_not_null()
        & candidate.str.count_matches(r"\S+").is_between(2, 20)
        & ~candidate.str.contains(r"[.!؟?…]$")
        & pl.col("_rest_after")
    )
    return frame.select(
        pl.when(is_title).then(candidate).alias("title"),
        pl.col("_byline").struct.field("author").str.strip_chars().alias("author"),
        pl.col("_byline").struct.field("outlet").str.strip_chars(" .…-–—،,").alias("outlet"),
    )


def approximate_size(path: str | os.PathLike) -> int:
    """A cheap guess of the number of articles in a corpus, before reading it: the .txt files of a
    folder, the rows of a Parquet file, or a file's size over 2,000 bytes (a short article in UTF-8
    Arabic). 0 when it cannot tell; ``read_corpus`` reports what is wrong with the path."""
    path = Path(path)
    try:
        if path.is_dir():
            return sum(1 for _ in path.rglob("*.txt"))
        if path.suffix.lower() == ".parquet":
            return pl.scan_parquet(path).select(pl.len()).collect().item()
        return path.stat().st_size // 2_000
    except (OSError, pl.exceptions.PolarsError):
        return 0


def read_corpus(path: str | os.PathLike, metadata: str | os.PathLike | None = None, *, text_column: str | None = None) -> pl.DataFrame:
    """Read a corpus into raw documents: doc_id, outlet, author, title, published, published_basis, url, text.

    ``path``: a folder of UTF-8 .txt files (one article each, doc_id = file name without .txt;
    sub-folders are read too) or a .jsonl/.json/.csv/.parquet file with a text column.
    ``metadata``: optional sidecar file; by default ``metadata.csv``/``metadata.jsonl`` in the folder
    (or next to the table file) is used when present. Rows are sorted by doc_id.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(
            f"corpus not found: {path}. Give a folder of .txt files or a .jsonl, .csv or .parquet file."
        )
    if path.is_dir():
        frame = _read_text_folder(path)
        source = path
        sidecar_dir = path
    else:
        if path.stat().st_size == 0:
            raise CorpusError(f"no articles in {path}: the file is empty.")
        if path.suffix.lower() == ".txt":
            text = _decode(path, path.read_bytes())
            if not text.strip():
                raise CorpusError(f"{path} is empty. Add the article's text.")
            frame = pl.DataFrame({"doc_id": [path.stem], "text": [text]})
        else:
            frame = _standardize(_read_table(path), path, text_column)
        source = path
        sidecar_dir = path.parent
    _check_ids(frame, source)
    frame = _check_published(frame, source)

    sidecar = Path(metadata) if metadata is not None else next(
        (sidecar_dir / n for n in SIDECAR_NAMES if (sidecar_dir / n).is_file() and sidecar_dir / n != path), None
    )
    if sidecar is not None:
        meta = _check_published(_read_sidecar(sidecar), sidecar)
        unknown = meta.join(frame, on="doc_id", how="anti")
        if unknown.height == meta.height:
            raise CorpusError(
                f"{sidecar}: none of its doc_id values is an article of {source} "
                f"(e.g. {unknown['doc_id'][0]!r}, articles are named like {frame['doc_id'][0]!r})."
            )
        frame = frame.join(meta, on="doc_id", how="left", suffix="_meta")
        for field in METADATA_COLUMNS:
            if f"{field}_meta" in frame.columns:
                if field in frame.columns:
                    frame = frame.with_columns(pl.coalesce(f"{field}_meta", field).alias(field)).drop(f"{field}_meta")
                else:
                    frame = frame.rename({f"{field}_meta": field})

    for field in METADATA_COLUMNS:
        if field not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.Date if field == "published" else pl.String).alias(field))

    stated = title_and_byline(frame["text"])
    frame = frame.with_columns(
        pl.coalesce(pl.col("title").str.strip_chars().replace("", None), stated["title"]).alias("title"),
        pl.coalesce(pl.col("author").str.strip_chars().replace("", None), stated["author"]).alias("author"),
        pl.coalesce(pl.col("outlet").str.strip_chars().replace("", None), stated["outlet"]).alias("outlet"),
        pl.when(pl.col("published").is_not_null()).then(pl.lit("metadata")).otherwise(pl.lit("unknown")).alias("published_basis"),
    )
    return frame.select(
        "doc_id", "outlet", "author", "title", "published", "published_basis", "url", "text"
    ).sort("doc_id")
