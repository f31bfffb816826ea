"""Open HTML reports in headless Chromium, offline, and say what the page did.

``check_page(path)`` starts Debian's ``chromium`` (``make browser`` installs it) with the network
cut (offline emulation, every host name unresolvable, a dead proxy), loads the file, waits for the
charts, and returns a ``PageReport``: the charts found and drawn, console errors and uncaught
exceptions, and every request for anything that is not the file itself or inline ``data:``.
It speaks the DevTools protocol over a WebSocket (``websocket-client``), no driver needed.

    python -m analysis.browser reports/meetings.html   # prints the report, exits 1 on a problem
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["PageReport", "check_page", "check_pages", "chromium_path", "screenshot"]

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1280,900",
]
# a chart counts as drawn when its element holds an SVG with marks and Vega-Embed reported no error
CHART_STATE = """
(() => {
  const charts = [...document.querySelectorAll('.analysis-chart')];
  return charts.map(el => ({
    id: el.id,
    rendered: el.getAttribute('data-rendered') === 'true',
    error: el.getAttribute('data-error'),
    marks: el.querySelectorAll('svg .mark-rect path, svg .mark-symbol path, svg .mark-line path, svg .mark-rule line, svg .mark-text text, svg .mark-shape path, svg .mark-area path, svg .mark-arc path, svg .mark-rect, svg path').length,
    width: el.getBoundingClientRect().width,
    height: el.getBoundingClientRect().height,
  }));
})()
"""
IMAGES_STATE = "[...document.images].map(i => ({src: i.src.slice(0, 40), ok: i.complete && i.naturalWidth > 0}))"


@dataclasses.dataclass
class PageReport:
    path: Path
    charts: list[dict]
    images: list[dict]
    errors: list[str]
    external_requests: list[str]

    @property
    def problems(self) -> list[str]:
        found = [f"console/exception: {e}" for e in self.errors]
        found += [f"request to {url}" for url in self.external_requests]
        for chart in self.charts:
            if not chart["rendered"] or chart["error"] or chart["marks"] == 0 or chart["width"] < 50 or chart["height"] < 50:
                found.append(f"chart {chart['id']} not drawn: {chart}")
        found += [f"image not shown: {image['src']}" for image in self.images if not image["ok"]]
        return found


def chromium_path() -> str:
    """The Chromium binary, or a RuntimeError that says how to install it."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("Chromium is not installed: run `make browser` (installs Debian's chromium package)")


class _Session:
    """One Chromium process and a DevTools connection to its first page."""

    def __init__(self):
        import websocket

        self.profile = tempfile.TemporaryDirectory(prefix="analysis-chromium-", ignore_cleanup_errors=True)
        self.process = subprocess.Popen(
            [chromium_path(), *FLAGS, f"--user-data-dir={self.profile.name}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        browser_url = self._devtools_url()
        port = re.search(r":(\d+)/", browser_url).group(1)
        page = self._first_page(port)
        self.socket = websocket.create_connection(page, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def _devtools_url(self) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if "DevTools listening on" in line:
                return line.split("DevTools listening on", 1)[1].strip()
            if not line and self.process.poll() is not None:
                break
        raise RuntimeError("Chromium did not start (no DevTools address on its stderr)")

    @staticmethod
    def _first_page(port: str) -> str:
        import urllib.request

        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        for _ in range(50):
            targets = json.loads(opener.open(f"http://127.0.0.1:{port}/json/list", timeout=10).read())
            pages = [t for t in targets if t.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.1)
        raise RuntimeError("Chromium opened no page")

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    def pump(self, seconds: float) -> None:
        """Collect events for ``seconds``."""
        self.socket.settimeout(0.2)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self.events.append(json.loads(self.socket.recv()))
            except Exception:
                pass
        self.socket.settimeout(60)

    def close(self) -> None:
        try:
            self.socket.close()
        finally:
            self.process.kill()
            self.process.wait()
            self.profile.cleanup()


def _page_errors(events: list[dict]) -> list[str]:
    errors = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            errors.append(details.get("exception", {}).get("description") or details.get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            errors.append(params["entry"].get("text", ""))
    return errors


def _requests(events: list[dict], page_url: str) -> list[str]:
    urls = []
    for event in events:
        if event.get("method") == "Network.requestWillBeSent":
            url = event["params"]["request"]["url"]
            if url != page_url and not url.startswith(("data:", "blob:", "about:")):
                urls.append(url)
    return sorted(set(urls))


def _open(session: _Session, path: Path, wait: float) -> str:
    for domain in ("Page", "Runtime", "Log", "Network"):
        session.call(f"{domain}.enable")
    session.call("Network.emulateNetworkConditions", offline=True, latency=0, downloadThroughput=0, uploadThroughput=0)
    url = path.resolve().as_uri()
    session.call("Page.navigate", url=url)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        session.pump(0.5)
        state = session.evaluate("document.readyState") or ""
        charts = session.evaluate(CHART_STATE) or []
        if state == "complete" and all(c["rendered"] or c["error"] for c in charts):
            break
    session.pump(0.5)
    return url


def check_pages(paths, wait: float = 30.0) -> list[PageReport]:
    """``check_page`` for several files, in one Chromium (a fresh page state for each file)."""
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"no such HTML files: {missing}")
    session = _Session()
    reports = []
    try:
        for path in paths:
            session.events.clear()
            url = _open(session, path, wait)
            charts = session.evaluate(CHART_STATE) or []
            images = session.evaluate(IMAGES_STATE) or []
            reports.append(PageReport(path, charts, images, _page_errors(session.events), _requests(session.events, url)))
            session.call("Page.navigate", url="about:blank")
    finally:
        session.close()
    return reports


def check_page(path: str | os.PathLike, wait: float = 30.0) -> PageReport:
    """Load ``path`` in headless Chromium with the network off; report charts, errors, requests."""
    return check_pages([path], wait)[0]


def screenshot(path: str | os.PathLike, out: str | os.PathLike, width: int = 1280, wait: float = 30.0) -> Path:
    """A full-page PNG of the HTML file ``path`` as Chromium draws it (to look at a report)."""
    import base64

    session = _Session()
    try:
        _open(session, Path(path), wait)
        height = session.evaluate("document.documentElement.scrollHeight") or 900
        session.call("Emulation.setDeviceMetricsOverride", width=width, height=int(height), deviceScaleFactor=1, mobile=False)
        session.pump(0.5)
        data = session.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        Path(out).write_bytes(base64.b64decode(data))
        return Path(out)
    finally:
        session.close()


def main(argv: list[str] | None = None) -> int:
    paths = argv if argv is not None else sys.argv[1:]
    if not paths:
        print("usage: python -m analysis.browser PAGE.html [...]", file=sys.stderr)
        return 2
    failed = False
    for report in check_pages(paths):
        path = report.path
        drawn = sum(1 for c in report.charts if c["rendered"])
        print(f"{path}: {drawn}/{len(report.charts)} charts drawn, {len(report.images)} images")
        for problem in report.problems:
            failed = True
            print(f"  {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
