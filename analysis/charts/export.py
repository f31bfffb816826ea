"""Chart files for briefings, and charts shown in notebooks, all without a network.

A ``Figure`` is a chart with the tidy data behind it. ``save_figure(figure, folder)`` writes

* ``<name>.png``: print resolution (4x, 288 ppi: a 600-pixel-wide chart prints 8.3 inches wide);
* ``<name>.svg``: text kept as text, with the font embedded (subset to the chart's characters);
* ``<name>.html``: a standalone page with Vega, Vega-Lite and Vega-Embed inline, the font embedded,
  no request to any other host;
* ``<name>.vl.json``: the Vega-Lite specification (keys sorted, data inline);
* ``<name>.csv``: the data behind the chart (lists joined with "; ").

All of them are byte-identical from one run to the next for the same tables. ``display_bundle``
gives the MIME bundle a notebook shows (a compiled Vega specification, which JupyterLab draws with
its own Vega, no CDN).
"""

from __future__ import annotations

import dataclasses
import functools
import html
import json
import os
import re
from pathlib import Path

import altair as alt
import polars as pl

from .fonts import FALLBACK, FAMILY, font_face_css, register_fonts
from .theme import configure

__all__ = ["Figure", "save_figure", "chart_spec", "standalone_html", "chart_svg", "display_bundle", "vega_bundle", "FORMATS", "PNG_PPI"]

FORMATS = ("png", "svg", "html", "vl.json", "csv")
PNG_PPI = 288  # vl-convert draws ppi / 72 pixels per CSS pixel: 4x, and records 288 ppi in the file
VEGA_LITE_VERSION = "6.4"  # the Vega-Lite of Altair's schema, compiled by vl-convert


@dataclasses.dataclass(frozen=True)
class Figure:
    """A chart (``chart``, an Altair top-level chart without ``configure``), its file name stem
    (``name``: lowercase words joined by "-"), its title for reports, and its data (``data``)."""

    name: str
    title: str
    chart: alt.TopLevelMixin
    data: pl.DataFrame
    note: str = ""  # what the reader must know: n, what is left out, what is undated
    language: str = "en"  # the language of its labels: "ar" mirrors titles and legends

    def spec(self) -> dict:
        return chart_spec(self.chart, self.language)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return display_bundle(self)


def chart_spec(chart: alt.TopLevelMixin, language: str = "en") -> dict:
    """The Vega-Lite specification of ``chart`` with the shared look, JSON-ready."""
    register_fonts()
    configured = chart if getattr(chart, "config", alt.Undefined) is not alt.Undefined else configure(chart, language)
    return configured.to_dict(validate=True)


def _spec_json(spec: dict) -> str:
    return json.dumps(spec, ensure_ascii=False, sort_keys=True, indent=1)


def _spec_text(spec: dict) -> str:
    """Every string of the spec (data included): the characters the embedded font must have."""
    return _spec_json(spec)


@functools.cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one inline script (from vl-convert, no download)."""
    import vl_convert

    return vl_convert.javascript_bundle(vl_version=VEGA_LITE_VERSION)


def _script_safe(text: str) -> str:
    """JSON or JavaScript that may sit inside a <script> element: no "</script" or "<!--" in it
    ("<\\/" is "</" in a JavaScript string or regular expression, and in JSON)."""
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE).replace("<!--", "<\\u0021--")


def embed_script(element_id: str, spec: dict) -> str:
    """A <script> that draws ``spec`` into the element ``element_id`` once the embedded font is
    loaded (so that labels are measured with it), recording errors on the element."""
    spec_json = _script_safe(json.dumps(spec, ensure_ascii=False, sort_keys=True))
    return f"""<script>
(function () {{
  var el = document.getElementById({json.dumps(element_id)});
  var spec = {spec_json};
  var fonts = document.fonts ? Promise.all([document.fonts.load("12px '{FAMILY}'", "\u0627\u0644a"),
    document.fonts.load("bold 12px '{FAMILY}'", "\u0627\u0644a")]) : Promise.resolve();
  fonts.catch(function () {{}}).then(function () {{
    return vegaEmbed(el, spec, {{renderer: "svg", actions: false, tooltip: {{theme: "light"}}}});
  }}).then(function () {{ el.setAttribute("data-rendered", "true"); }})
    .catch(function (error) {{ el.setAttribute("data-error", String(error)); console.error(error); }});
}})();
</script>"""


def standalone_html(figure: Figure) -> str:
    """A page that shows the chart with no network: scripts and font inline."""
    spec = figure.spec()
    title = html.escape(figure.title)
    note = f'<p class="note">{html.escape(figure.note)}</p>' if figure.note else ""
    return f"""<!DOCTYPE html>
<html lang="{figure.language}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
{font_face_css(_spec_text(spec) + figure.title + figure.note)}
body {{ font-family: {FALLBACK}; margin: 24px; color: #222; }}
.note {{ color: #555; font-size: 13px; max-width: 60em; }}
</style>
<script>{_script_safe(vega_bundle())}</script>
</head>
<body>
<div id="chart" class="analysis-chart"></div>
{note}
{embed_script("chart", spec)}
</body>
</html>
"""


def chart_svg(spec: dict, text: str = "") -> str:
    """The SVG of ``spec`` (vl-convert) with the font embedded in a <style> element, subset to the
    characters of ``text`` (default: those of the spec)."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE_VERSION)
    style = f"<defs><style>{font_face_css(text or _spec_text(spec))}</style></defs>"
    end = svg.index(">", svg.index("<svg")) + 1
    return svg[:end] + style + svg[end:]


def _csv_ready(data: pl.DataFrame) -> pl.DataFrame:
    return data.with_columns(
        pl.col(name).cast(pl.List(pl.String)).list.join("; ") for name, dtype in data.schema.items() if isinstance(dtype, pl.List)
    ).with_columns(pl.col(name).struct.json_encode() for name, dtype in data.schema.items() if isinstance(dtype, pl.Struct))


def _write(path: Path, content: str | bytes) -> None:
    """Write ``content`` whole or not at all (a temporary file renamed into place)."""
    temporary = path.with_name(path.name + ".part")
    if isinstance(content, bytes):
        temporary.write_bytes(content)
    else:
        temporary.write_text(content, encoding="utf-8")
    os.replace(temporary, path)


def save_figure(figure: Figure, folder: str | os.PathLike, formats: tuple[str, ...] = FORMATS) -> dict[str, Path]:
    """Write the chart files of ``figure`` into ``folder`` (created); return {format: path}."""
    import vl_convert

    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown chart formats {unknown}; known: {FORMATS}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    spec = figure.spec()
    written = {}
    for fmt in formats:
        path = folder / f"{figure.name}.{fmt}"
        if fmt == "png":
            _write(path, vl_convert.vegalite_to_png(spec, vl_version=VEGA_LITE_VERSION, ppi=PNG_PPI))
        elif fmt == "svg":
            _write(path, chart_svg(spec, _spec_text(spec) + figure.title + figure.note))
        elif fmt == "html":
            _write(path, standalone_html(figure))
        elif fmt == "vl.json":
            _write(path, _spec_json(spec) + "\n")
        else:
            _write(path, _csv_ready(figure.data).write_csv())
        written[fmt] = path
    return written


def display_bundle(figure: Figure) -> dict:
    """What a notebook shows: the compiled Vega specification (drawn by JupyterLab's own Vega)
    and a text line for front ends that cannot draw it."""
    import vl_convert

    vega = vl_convert.vegalite_to_vega(figure.spec(), vl_version=VEGA_LITE_VERSION)
    return {
        "application/vnd.vega.v5+json": vega,
        "text/plain": f"<chart {figure.name}: {figure.title}>",
    }
