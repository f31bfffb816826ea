"""Reports: tables kept fresh, notebooks run by Papermill, offline HTML, the index.

``make reports`` calls ``run_reports``:

1. ``ensure_tables`` builds the corpus tables into the tables folder unless its ``manifest.json``
   says they were built from the same corpus, metadata, codebook and code (a fingerprint of
   their bytes), so a changed article or rule rebuilds them and nothing else does;
2. each notebook of ``notebooks/`` (meetings, coverage, framing) runs through Papermill with the
   report parameters (two at a time), then the index; the executed notebooks are cleaned of
   timestamps and timings and written to the reports folder;
3. each executed notebook becomes one HTML page without code: its text, tables and charts,
   with Vega and the font inline (no CDN, no request to any host); the charts it showed are in
   ``charts/`` as PNG, SVG, standalone HTML, Vega-Lite JSON and the CSV of their data.

In a notebook, ``open_report(...)`` reads the parameters into a ``Report``: the selected tables,
the focus actors resolved to ids, and ``show(figure)`` which saves a chart's files and displays it.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import html
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl

from .errors import AnalysisError
from .pipeline import Tables

__all__ = [
    "NOTEBOOKS", "PARAMETERS", "Report", "open_report", "ensure_tables", "run_reports",
    "clean_notebook", "notebook_html", "ReportError", "index_markdown", "check_parameters",
]

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = ("meetings", "coverage", "framing")
INDEX = "index"
TITLES = {
    "meetings": "Who met whom",
    "coverage": "Coverage: who and what is covered, where and when",
    "framing": "Framing: how each outlet tells the story",
    "index": "Reports",
}
# every parameter of the notebooks, with its default (the notebooks' parameters cells agree)
PARAMETERS = {
    "corpus": "seeds",
    "metadata": None,
    "tables": "data/processed",
    "start": None,
    "end": None,
    "outlets": [],
    "focus_actors": [],
    "language": "en",
    "top_n": 15,
    "output": "reports",
    "codebook": None,
}
FIGURE_MIME = "application/vnd.analysis.figure+json"
MANIFEST = "manifest.json"
CORPUS_SUFFIXES = {".txt", ".jsonl", ".json", ".csv", ".parquet"}


class ReportError(AnalysisError, ValueError):
    """A report parameter or input that cannot be used; the message says what to do."""


# ---- paths and fingerprints ---------------------------------------------------------------


def resolve_path(value: str | os.PathLike | None) -> Path | None:
    """A path as given if it exists from here, else from the project root (notebooks run in
    ``notebooks/`` when opened in Jupyter, from the root under ``make reports``)."""
    if value is None or str(value) == "":
        return None
    path = Path(value).expanduser()
    if path.is_absolute() or path.exists():
        return path
    return ROOT / path


def _hash_files(paths: list[Path], digest) -> None:
    for path in paths:
        digest.update(str(path.name).encode("utf-8"))
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)


def _corpus_files(corpus: Path) -> list[Path]:
    if corpus.is_dir():
        return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES)
    return [corpus]


def code_fingerprint() -> str:
    """A hash of the package's code and reference data: the tables' recipe."""
    package = ROOT / "analysis"
    files = sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in {".py", ".csv", ".yaml", ".yml"} and "__pycache__" not in p.parts)
    digest = hashlib.sha256()
    _hash_files(files, digest)
    return digest.hexdigest()


def tables_fingerprint(corpus: Path, metadata: Path | None, codebook: Path | None) -> str:
    """A hash of everything the tables are built from: corpus, metadata, codebook, code."""
    digest = hashlib.sha256()
    _hash_files(_corpus_files(corpus), digest)
    for extra in (metadata, codebook):
        digest.update(b"|")
        if extra is not None:
            _hash_files([extra], digest)
    digest.update(code_fingerprint().encode("ascii"))
    return digest.hexdigest()


def ensure_tables(corpus, metadata=None, codebook=None, folder="data/processed", *, log=print) -> Tables:
    """The tables of ``corpus`` from ``folder``, built and written there first if missing or stale."""
    from .pipeline import build
    from .tables import TABLE_NAMES, read_tables, write_tables

    corpus_path = resolve_path(corpus)
    if corpus_path is None or not corpus_path.exists():
        raise ReportError(f"corpus {corpus!r} not found: give a folder of .txt files or a .jsonl/.csv/.parquet file")
    metadata_path, codebook_path = resolve_path(metadata), resolve_path(codebook)
    for name, path in (("metadata", metadata_path), ("codebook", codebook_path)):
        if path is not None and not path.is_file():
            raise ReportError(f"{name} file {path} not found")
    folder = resolve_path(folder)
    fingerprint = tables_fingerprint(corpus_path, metadata_path, codebook_path)
    manifest_path = folder / MANIFEST
    if manifest_path.is_file() and all((folder / f"{t}.parquet").is_file() for t in TABLE_NAMES):
        try:
            if json.loads(manifest_path.read_text(encoding="utf-8")).get("fingerprint") == fingerprint:
                return Tables(read_tables(folder))
        except json.JSONDecodeError:
            pass
    log(f"building the tables of {corpus} into {folder} ...")
    tables = build(corpus_path, metadata_path, codebook=codebook_path)
    write_tables(tables, folder)
    write_manifest(folder, corpus, metadata, codebook, fingerprint)
    return tables


def write_manifest(folder, corpus, metadata=None, codebook=None, fingerprint: str | None = None) -> Path:
    """Record in ``folder/manifest.json`` what its tables were built from (no timestamp)."""
    folder = Path(folder)
    if fingerprint is None:
        fingerprint = tables_fingerprint(resolve_path(corpus), resolve_path(metadata), resolve_path(codebook))
    manifest = {"corpus": str(corpus), "metadata": None if metadata is None else str(metadata), "codebook": None if codebook is None else str(codebook), "fingerprint": fingerprint}
    path = folder / MANIFEST
    _write_text(path, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return path


# ---- inside a notebook ---------------------------------------------------------------------


def check_parameters(parameters: dict) -> dict:
    """``parameters`` completed with the defaults; ReportError on an unknown name or a bad value."""
    unknown = sorted(set(parameters) - set(PARAMETERS))
    if unknown:
        raise ReportError(f"unknown report parameters {unknown}; known: {sorted(PARAMETERS)}")
    values = {**PARAMETERS, **{k: v for k, v in parameters.items()}}
    for name in ("outlets", "focus_actors"):
        value = values[name]
        if value is None:
            values[name] = []
        elif isinstance(value, str):
            values[name] = [v.strip() for v in value.split(",") if v.strip()]
        else:
            values[name] = list(value)
    if values["language"] not in ("en", "ar"):
        raise ReportError(f"language must be 'en' or 'ar', not {values['language']!r}")
    try:
        values["top_n"] = int(values["top_n"])
    except (TypeError, ValueError):
        raise ReportError(f"top_n must be a whole number, not {values['top_n']!r}") from None
    if values["top_n"] < 1:
        raise ReportError(f"top_n must be at least 1, not {values['top_n']}")
    return values


@dataclasses.dataclass
class Report:
    """One report being written: its parameters, the selected tables and where charts go."""

    name: str
    parameters: dict
    tables: Tables
    all_tables: Tables
    selection: object
    focus: list[str] | None  # actor_ids; None: every actor
    codebook: object
    output: Path
    shown: list[str] = dataclasses.field(default_factory=list)

    @property
    def language(self) -> str:
        return self.parameters["language"]

    @property
    def top_n(self) -> int:
        return self.parameters["top_n"]

    def show(self, figure) -> None:
        """Save ``figure``'s chart files into ``<output>/charts`` and display it."""
        from IPython.display import display

        from .charts.export import display_bundle, save_figure

        if figure.name in self.shown:
            raise ReportError(f"two charts of this report are named {figure.name!r}")
        self.shown.append(figure.name)
        files = save_figure(figure, self.output / "charts")
        bundle = display_bundle(figure)
        bundle[FIGURE_MIME] = {
            "name": figure.name, "title": figure.title, "note": figure.note, "language": figure.language,
            "spec": figure.spec(), "files": {fmt: f"charts/{path.name}" for fmt, path in files.items()},
        }
        display(bundle, raw=True)

    def markdown(self, text: str) -> None:
        from IPython.display import Markdown, display

        display(Markdown(text))

    def table(self, frame: pl.DataFrame, *, max_rows: int = 50) -> None:
        """Display ``frame`` as a plain HTML table (all columns, at most ``max_rows`` rows)."""
        from IPython.display import HTML, display

        display(HTML(html_table(frame, max_rows=max_rows)))

    def summary(self) -> None:
        """What the report covers: corpus, selection, dates, undated articles, parameters."""
        self.markdown(summary_markdown(self))


def html_table(frame: pl.DataFrame, *, max_rows: int = 50) -> str:
    """An escaped HTML table of ``frame``; a cell with Arabic text takes the direction of its first letter."""
    rows = frame.head(max_rows)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in rows.columns)
    body = []
    for row in rows.iter_rows():
        cells = []
        for value in row:
            text = "" if value is None else ("; ".join(map(str, value)) if isinstance(value, list) else (f"{value:.3g}" if isinstance(value, float) else str(value)))
            rtl = ' dir="auto" lang="ar"' if re.search(r"[\u0600-\u06FF]", text) else ""
            cells.append(f"<td{rtl}>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = f'<p class="note">{frame.height - max_rows} more rows not shown.</p>' if frame.height > max_rows else ""
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>{more}'


def open_report(name: str, **parameters) -> Report:
    """The ``Report`` of notebook ``name`` for these parameters (see ``PARAMETERS``)."""
    from .framing import load_codebook
    from .selection import resolve_actors, select

    values = check_parameters(parameters)
    all_tables = ensure_tables(values["corpus"], values["metadata"], values["codebook"], values["tables"])
    try:
        selection = select(all_tables, start=values["start"], end=values["end"], outlets=values["outlets"])
        focus = resolve_actors(all_tables, values["focus_actors"]) or None
    except ValueError as error:
        raise ReportError(str(error)) from None
    codebook = load_codebook(resolve_path(values["codebook"]))
    output = resolve_path(values["output"])
    output.mkdir(parents=True, exist_ok=True)
    return Report(name, values, selection.tables, all_tables, selection, focus, codebook, output)


def summary_markdown(report: Report) -> str:
    """The opening paragraph of a report: corpus, selection and what is undated."""
    values, selection, documents = report.parameters, report.selection, report.tables.documents
    lines = [f"**Corpus:** `{values['corpus']}` — {selection.n_articles} of {selection.n_total} articles selected."]
    outlets = documents["outlet"].fill_null("unknown outlet").value_counts().sort("outlet")
    if outlets.height:
        lines.append("**Outlets:** " + ", ".join(f"{bdi(o)} ({n})" for o, n in outlets.iter_rows()) + ".")
    dated = documents.filter(pl.col("published").is_not_null())
    if dated.height:
        lines.append(f"**Published:** {dated['published'].min()} to {dated['published'].max()}.")
    undated = documents.height - dated.height
    if dated.height == 0 and documents.height:
        lines.append("**No article has a publication date:** time charts show every article as undated, and meetings are placed by the dates their articles state, if any.")
    elif undated:
        lines.append(f"**Undated:** {undated} article(s) have no publication date; time charts show them as undated.")
    if selection.undated_excluded:
        lines.append(f"**Left out:** {selection.undated_excluded} undated article(s) cannot be placed in the date range.")
    chosen = {k: v for k, v in values.items() if k in ("start", "end", "outlets", "focus_actors", "language", "top_n", "codebook") and v not in (None, [], "")}
    lines.append("**Parameters:** " + ", ".join(f"{k} = {bdi(v)}" for k, v in chosen.items()) + ".")
    if report.focus:
        lines.append("**Focus actors:** " + ", ".join(f"`{a}`" for a in report.focus) + ".")
    return "\n\n".join(lines)


# ---- executed notebooks --------------------------------------------------------------------

_VOLATILE = ("start_time", "end_time", "duration", "exception")


def clean_notebook(notebook) -> object:
    """``notebook`` without timestamps, timings or machine paths: the same run gives the same file."""
    notebook = copy.deepcopy(notebook)
    papermill = notebook.metadata.get("papermill", {})
    for key in (*_VOLATILE, "input_path", "output_path"):
        papermill.pop(key, None)
    for number, cell in enumerate(notebook.cells):
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = f"injected-parameters-{number}"  # Papermill gives it a random id
        cell.metadata.pop("execution", None)
        for key in _VOLATILE:
            cell.metadata.get("papermill", {}).pop(key, None)
    return notebook


# ---- HTML ----------------------------------------------------------------------------------

PAGE_CSS = """
body { font-family: FONT; color: #222; margin: 0; background: #fafafa; line-height: 1.5; }
header { background: #2f4b7c; color: white; padding: 14px 32px; }
header a { color: white; margin-right: 18px; text-decoration: none; font-weight: bold; }
header a.current { text-decoration: underline; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 32px 48px; background: white; }
h1 { font-size: 26px; margin: 18px 0 6px; } h2 { font-size: 20px; margin-top: 34px; border-bottom: 1px solid #ddd; }
figure.chart { margin: 18px 0 28px; overflow-x: auto; }
figure.chart figcaption { color: #555; font-size: 13px; margin-top: 6px; }
figure.chart figcaption a { margin-right: 8px; }
main table { border-collapse: collapse; font-size: 13px; margin: 12px 0; }
main th, main td { border: 1px solid #ddd; padding: 4px 8px; vertical-align: top; text-align: start; }
main th { background: #f0f0f0; }
td[dir=rtl] { font-size: 14px; }
mark { background: #ffe08a; }
.note { color: #555; font-size: 13px; }
pre.log { background: #f6f6f6; padding: 8px; font-size: 12px; white-space: pre-wrap; }
"""


def _markdown(text: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    # no "¶" anchor links after headings: the page is read, not edited
    return re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", markdown2html_mistune(text))


def bdi(text) -> str:
    """``text`` escaped, and isolated when it has Arabic letters (Markdown or HTML)."""
    escaped = html.escape(str(text))
    return f"<bdi>{escaped}</bdi>" if re.search(r"[\u0600-\u06FF]", escaped) else escaped


def _figure_html(figure: dict, index: int) -> tuple[str, dict]:
    from .charts.export import embed_script

    element = f"chart-{index}-{re.sub(r'[^a-z0-9-]', '-', figure['name'])}"
    labels = {"png": "PNG", "svg": "SVG", "html": "HTML", "vl.json": "Vega-Lite", "csv": "CSV (data)"}
    links = " ".join(f'<a href="{html.escape(path)}">{labels.get(fmt, fmt)}</a>' for fmt, path in figure["files"].items())
    note = f"{html.escape(figure['note'])} " if figure.get("note") else ""
    body = (
        f'<figure class="chart"><div class="analysis-chart" id="{element}" role="img" aria-label="{html.escape(figure["title"])}"></div>'
        f"<figcaption>{note}Files: {links}</figcaption></figure>\n{embed_script(element, figure['spec'])}"
    )
    return body, figure["spec"]


def _output_html(output: dict, index: int) -> tuple[str, dict | None]:
    kind = output.get("output_type")
    if kind == "stream":
        return (f'<pre class="log">{html.escape("".join(output.get("text", "")))}</pre>' if output.get("name") == "stdout" else ""), None
    if kind == "error":
        return f'<pre class="log">{html.escape(output.get("ename", ""))}: {html.escape(output.get("evalue", ""))}</pre>', None
    data = output.get("data", {})
    if FIGURE_MIME in data:
        return _figure_html(data[FIGURE_MIME], index)
    if "text/html" in data:
        return "".join(data["text/html"]), None
    if "text/markdown" in data:
        return _markdown("".join(data["text/markdown"])), None
    if "image/png" in data:
        return f'<img alt="chart" src="data:image/png;base64,{"".join(data["image/png"]).strip()}">', None
    if "text/plain" in data:
        return f'<pre class="log">{html.escape("".join(data["text/plain"]))}</pre>', None
    return "", None


def _nav(current: str, pages: list[str]) -> str:
    links = []
    for page in pages:
        cls = ' class="current"' if page == current else ""
        links.append(f'<a href="{page}.html"{cls}>{html.escape(TITLES.get(page, page).split(":")[0])}</a>')
    return "<header><nav>" + "".join(links) + "</nav></header>"


def notebook_html(notebook, name: str, pages: list[str] | None = None, language: str = "en") -> str:
    """An offline HTML page of an executed notebook: text, tables and charts, no code."""
    from .charts.export import _script_safe, vega_bundle
    from .charts.fonts import FALLBACK, font_face_css

    parts, specs = [], []
    for cell in notebook.cells:
        tags = set(cell.metadata.get("tags", []))
        if tags & {"parameters", "injected-parameters", "remove-cell"}:
            continue
        if cell.cell_type == "markdown":
            parts.append(_markdown(cell.source))
        elif cell.cell_type == "code":
            for output in cell.get("outputs", []):
                body, spec = _output_html(output, len(specs))
                if spec is not None:
                    specs.append(spec)
                parts.append(body)
    content = "\n".join(p for p in parts if p)
    text = re.sub(r"<[^>]+>", " ", content) + json.dumps(specs, ensure_ascii=False) + "".join(TITLES.values())
    script = f"<script>{_script_safe(vega_bundle())}</script>" if specs else ""
    title = html.escape(TITLES.get(name, name))
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{font_face_css(text)}
{PAGE_CSS.replace("FONT", FALLBACK)}
</style>
{script}
</head>
<body>
{_nav(name, pages or [INDEX, *NOTEBOOKS])}
<main>
{content}
</main>
</body>
</html>
"""


# ---- running ---------------------------------------------------------------------------------


def _write_text(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


KERNEL_START_ATTEMPTS = 3  # kernel starts tried before a notebook's run fails


def _run_notebook(name: str, values: dict, output: Path, log) -> Path:
    import nbformat
    import papermill

    source = NOTEBOOK_DIR / f"{name}.ipynb"
    target = output / f"{name}.ipynb"
    log(f"running notebooks/{name}.ipynb ...")
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        try:
            executed = papermill.execute_notebook(
                str(source), None, parameters=values, cwd=str(ROOT), progress_bar=False, log_output=False, report_mode=False,
                # the kernel's own log (a warning on local TCP, the interrupt at shutdown) is noise here;
                # errors of the notebook's cells still come back as PapermillExecutionError
                extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
            )
            break
        except papermill.PapermillExecutionError as error:
            raise ReportError(f"notebooks/{name}.ipynb failed in cell {error.exec_count}: {error.ename}: {error.evalue}") from None
        except RuntimeError as error:
            # a kernel that dies before it answers has lost the race for its local TCP ports to
            # another process ("Address already in use"): nothing ran yet, so start it again
            if "Kernel died before replying" not in str(error) or attempt == KERNEL_START_ATTEMPTS:
                raise
            log(f"  the kernel of notebooks/{name}.ipynb did not start; starting it again ({attempt + 1}/{KERNEL_START_ATTEMPTS})")
    executed = clean_notebook(nbformat.from_dict(executed))
    _write_text(target, nbformat.writes(executed) + "\n")
    _write_text(output / f"{name}.html", notebook_html(executed, name, language=values["language"]))
    return target


def run_reports(*, log=print, workers: int = 2, **parameters) -> list[Path]:
    """Run every report notebook and the index with ``parameters``; return the HTML pages."""
    values = check_parameters(parameters)
    output = resolve_path(values["output"])
    output.mkdir(parents=True, exist_ok=True)
    # the tables first, once: the notebooks then only read them
    ensure_tables(values["corpus"], values["metadata"], values["codebook"], values["tables"], log=log)
    charts = output / "charts"
    if charts.is_dir():
        for stale in charts.iterdir():
            if stale.is_file():
                stale.unlink()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        list(pool.map(lambda name: _run_notebook(name, values, output, log), NOTEBOOKS))
    _run_notebook(INDEX, values, output, log)
    pages = [output / f"{name}.html" for name in (INDEX, *NOTEBOOKS)]
    log(f"reports written to {output}/ (start with {output / 'index.html'})")
    return pages


def index_markdown(report: Report) -> str:
    """The index page: the reports, the corpus by outlet, the chart files."""
    lines = ["## The reports", ""]
    for name in NOTEBOOKS:
        lines.append(f"- [{TITLES[name]}]({name}.html) (executed notebook: [{name}.ipynb]({name}.ipynb))")
    documents = report.tables.documents.with_columns(pl.col("outlet").fill_null("unknown outlet"))
    by_outlet = documents.group_by("outlet").agg(
        pl.len().alias("articles"),
        pl.col("published").is_null().sum().alias("undated"),
        pl.col("published").min().alias("first"),
        pl.col("published").max().alias("last"),
    ).sort("outlet")
    lines += ["", "## The corpus by outlet", "", "| outlet | articles | undated | first published | last published |", "|---|---:|---:|---|---|"]
    for outlet, articles, undated, first, last in by_outlet.iter_rows():
        lines.append(f"| {bdi(outlet)} | {articles} | {undated} | {first or '—'} | {last or '—'} |")
    charts = report.output / "charts"
    stems = sorted({p.name.split(".")[0] for p in charts.glob("*.vl.json")}) if charts.is_dir() else []
    if stems:
        lines += ["", "## Chart files", "", "Every chart as PNG (print), SVG, standalone HTML, Vega-Lite and the CSV of its data.", "",
                  "| chart | files |", "|---|---|"]
        for stem in stems:
            files = " · ".join(f"[{fmt}](charts/{stem}.{fmt})" for fmt in ("png", "svg", "html", "vl.json", "csv") if (charts / f"{stem}.{fmt}").is_file())
            lines.append(f"| {stem} | {files} |")
    return "\n".join(lines)
