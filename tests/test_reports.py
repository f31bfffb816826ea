"""`make reports`: notebooks run by Papermill into offline HTML, notebooks and chart files.

The seed reports are written twice (two folders): the second run must give the same CSV,
Vega-Lite and notebook files. A corpus without any publication date must give reports that say so.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis import reports
from analysis.reports import NOTEBOOKS, ReportError, check_parameters, run_reports

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _files(folder: Path, pattern: str) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.glob(pattern))}


def test_reports_write_every_page_notebook_and_chart_format(seed_reports):
    out = seed_reports[0]
    for name in (*NOTEBOOKS, "index"):
        assert (out / f"{name}.html").stat().st_size > 1000, name
        assert (out / f"{name}.ipynb").is_file(), name
    stems = {p.name.split(".")[0] for p in (out / "charts").iterdir()}
    assert len(stems) >= 10, stems
    for stem in stems:
        for fmt in ("png", "svg", "html", "vl.json", "csv"):
            assert (out / "charts" / f"{stem}.{fmt}").stat().st_size > 0, (stem, fmt)
    # PNGs at print resolution: 288 ppi recorded, and at least 4x a small chart's CSS pixels
    png = (out / "charts" / sorted(stems)[0]).with_suffix(".png").read_bytes()
    width = int.from_bytes(png[16:20], "big")
    assert width >= 800


def test_two_runs_give_identical_data_specs_and_notebooks(seed_reports):
    first, second = seed_reports
    for pattern in ("charts/*.csv", "charts/*.vl.json", "*.ipynb", "charts/*.svg", "charts/*.png"):
        a, b = _files(first, pattern), _files(second, pattern)
        assert a.keys() == b.keys() and a, pattern
        different = [name for name in a if a[name] != b[name]]
        assert not different, different


def test_executed_notebooks_carry_no_timestamps(seed_reports):
    for path in seed_reports[0].glob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", text), path.name
        for key in ('"start_time"', '"end_time"', '"duration"', '"iopub.execute_input"'):
            assert key not in text, (path.name, key)


class _References(HTMLParser):
    """Every resource reference of a page: script, stylesheet, image, font or frame URLs."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("style"):
            self.styles.append(attrs["style"])
        if tag in ("script", "img", "iframe", "source", "embed", "audio", "video") and attrs.get("src"):
            self.found.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.found.append(attrs["href"])
        if tag == "object" and attrs.get("data"):
            self.found.append(attrs["data"])


def external_references(page: str) -> list[str]:
    parser = _References()
    parser.feed(page)
    found = [url for url in parser.found if not url.startswith("data:")]
    # CSS (style elements and attributes; not scripts, whose code may say "url("): @import and url(...)
    css = "\n".join(re.findall(r"<style[^>]*>(.*?)</style>", page, flags=re.S) + parser.styles)
    found += [m for m in re.findall(r"url\(\s*['\"]?([^'\")]+)", css) if not m.startswith("data:")]
    found += re.findall(r"@import\s+['\"]?([^'\";]+)", css)
    return found


def test_external_reference_check_can_fail():
    assert external_references('<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>')
    assert external_references('<link rel="stylesheet" href="style.css">')
    assert external_references("<style>@font-face { src: url(https://fonts.gstatic.com/x.woff2) }</style>")
    assert external_references('<div style="background: url(https://example.org/a.png)"></div>')
    assert not external_references("<style>@font-face { src: url(data:font/ttf;base64,AAAA) }</style><a href='x.html'>x</a>")


def test_html_has_no_external_script_stylesheet_font_or_image(seed_reports):
    out = seed_reports[0]
    pages = sorted(out.glob("*.html")) + sorted((out / "charts").glob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert external_references(text) == [], page.name
        assert "require.js" not in text and "MathJax" not in text, page.name


def test_reports_have_no_code_and_show_every_chart_with_its_files(seed_reports):
    out = seed_reports[0]
    notebooks = {name: json.loads((out / f"{name}.ipynb").read_text(encoding="utf-8")) for name in NOTEBOOKS}
    for name, notebook in notebooks.items():
        page = (out / f"{name}.html").read_text(encoding="utf-8")
        assert "open_report(" not in page and "report.show(" not in page, name
        shown = [o["data"][reports.FIGURE_MIME]["name"] for c in notebook["cells"] for o in c.get("outputs", []) if reports.FIGURE_MIME in o.get("data", {})]
        assert shown, name
        for chart in shown:
            assert f'href="charts/{chart}.png"' in page, (name, chart)
        assert page.count('class="analysis-chart"') == len(shown)


def test_index_names_the_corpus_and_links_every_report(seed_reports):
    page = (seed_reports[0] / "index.html").read_text(encoding="utf-8")
    assert "seeds" in page
    for name in NOTEBOOKS:
        assert f'href="{name}.html"' in page


def test_a_corpus_without_dates_gives_reports_that_say_so(undated_reports):
    page = (undated_reports / "index.html").read_text(encoding="utf-8")
    assert "No article has a publication date" in page
    timeline = json.loads((undated_reports / "charts" / "meetings-timeline.vl.json").read_text(encoding="utf-8"))
    assert timeline  # drawn, not dropped
    csv = (undated_reports / "charts" / "meetings-timeline.csv").read_text(encoding="utf-8")
    assert csv.count("\n") >= 2  # the undated meetings are in the data behind the chart


def test_arabic_labels_are_isolated_in_arabic_reports(undated_reports):
    specs = [p.read_text(encoding="utf-8") for p in (undated_reports / "charts").glob("*.vl.json")]
    assert any("\u2067" in s for s in specs)


@pytest.mark.parametrize(
    "parameters, message",
    [
        ({"colour": "red"}, "unknown report parameters"),
        ({"language": "fr"}, "language"),
        ({"top_n": "many"}, "top_n"),
        ({"top_n": 0}, "top_n"),
    ],
)
def test_bad_parameters_are_refused_with_a_clear_message(parameters, message):
    with pytest.raises(ReportError, match=message):
        check_parameters(parameters)


def test_a_missing_corpus_or_bad_selection_writes_nothing(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ReportError, match="not found"):
        run_reports(corpus=str(tmp_path / "nowhere"), tables=str(tmp_path / "tables"), output=str(out), log=lambda *_: None)
    assert not (out / "index.html").exists()
    with pytest.raises(ReportError, match="start"):
        reports.open_report("meetings", corpus=str(SEEDS), tables=str(tmp_path / "tables"), start="22/01/2026", output=str(out))
    with pytest.raises(ReportError, match="unknown outlets"):
        reports.open_report("meetings", corpus=str(SEEDS), tables=str(tmp_path / "tables"), outlets=["No Such Outlet"], output=str(out))


def test_stale_tables_are_rebuilt_and_fresh_ones_reused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("التقى الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني فريدريش ميرتس في برلين.", encoding="utf-8")
    messages: list[str] = []
    reports.ensure_tables(corpus, folder=tmp_path / "tables", log=messages.append)
    reports.ensure_tables(corpus, folder=tmp_path / "tables", log=messages.append)
    assert len(messages) == 1  # built once, then reused
    (corpus / "b.txt").write_text("أجرى وزير الخارجية الأمريكي محادثات في جنيف.", encoding="utf-8")
    tables = reports.ensure_tables(corpus, folder=tmp_path / "tables", log=messages.append)
    assert len(messages) == 2 and tables.documents.height == 2


def _kernel_starts(monkeypatch, failures: list[Exception]):
    """Make papermill fail with ``failures`` first, then return the notebook unexecuted; count the calls."""
    import nbformat
    import papermill

    calls = []

    def execute(source, output, **kwargs):
        calls.append(source)
        if len(calls) <= len(failures):
            raise failures[len(calls) - 1]
        return nbformat.read(source, as_version=4)

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    return calls


def test_a_kernel_that_dies_at_start_is_started_again(tmp_path, monkeypatch):
    # ("Address already in use": two kernels raced for a local port; nothing of the notebook ran)
    died = RuntimeError("Kernel died before replying to kernel_info")
    calls = _kernel_starts(monkeypatch, [died, died])
    values = check_parameters({"corpus": str(SEEDS), "output": str(tmp_path)})
    reports._run_notebook("index", values, tmp_path, log=lambda message: None)
    assert len(calls) == 3 and (tmp_path / "index.html").is_file()
    # ... but not forever, and no other error is retried
    for failures in ([died] * reports.KERNEL_START_ATTEMPTS, [RuntimeError("something else")]):
        calls = _kernel_starts(monkeypatch, failures)
        with pytest.raises(RuntimeError):
            reports._run_notebook("index", values, tmp_path, log=lambda message: None)
        assert len(calls) == len(failures)
