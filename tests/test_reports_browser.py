"""The HTML reports in a real browser: headless Chromium, network off.

Every report page and every standalone chart page must draw all its charts, raise no error and
ask no host for anything. ``make test`` installs Debian's chromium first (``make browser``).
"""

from __future__ import annotations

import pytest

from analysis.browser import check_pages, chromium_path

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium():
    try:
        return chromium_path()
    except RuntimeError as error:
        pytest.fail(str(error))  # `make test` installs it: its absence is a failure, not a skip


def _assert_clean(reports):
    problems = {str(r.path.name): r.problems for r in reports if r.problems}
    assert not problems, problems


def test_every_report_page_draws_all_its_charts_offline(chromium, seed_reports):
    out = seed_reports[0]
    pages = sorted(out.glob("*.html"))
    reports = check_pages(pages)
    _assert_clean(reports)
    drawn = {r.path.stem: sum(c["rendered"] for c in r.charts) for r in reports}
    for name in ("meetings", "coverage", "framing"):
        assert drawn[name] >= 2, drawn


def test_every_standalone_chart_page_draws_offline(chromium, seed_reports):
    pages = sorted((seed_reports[0] / "charts").glob("*.html"))
    reports = check_pages(pages)
    _assert_clean(reports)
    assert all(len(r.charts) == 1 and r.charts[0]["rendered"] for r in reports)


def test_arabic_reports_draw_offline(chromium, undated_reports):
    _assert_clean(check_pages(sorted(undated_reports.glob("*.html"))))


def test_the_browser_check_catches_a_broken_chart_and_an_external_request(chromium, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html><head><script src="https://cdn.jsdelivr.net/npm/vega@5"></script></head>'
        '<body><div class="analysis-chart" id="c"></div><script>vegaEmbed("#c", {});</script></body></html>',
        encoding="utf-8",
    )
    report = check_pages([broken], wait=5)[0]
    text = " ".join(report.problems)
    assert "cdn.jsdelivr.net" in text
    assert "not drawn" in text
    assert "vegaEmbed" in text  # the ReferenceError reached the console
