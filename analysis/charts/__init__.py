"""Charts of the tables, as ``Figure``s (an Altair chart and the data behind it).

* ``analysis.charts.meetings``: who met whom (network, matrix, timeline, the list of meetings);
* ``analysis.charts.coverage``: the most covered actors, places and meetings, by outlet, over time, on a map;
* ``analysis.charts.framing``: frames, tone and voices by outlet, example sentences.

A ``Figure`` shows itself in Jupyter (JupyterLab's own Vega, no network) and
``save_figure(figure, folder)`` writes it as PNG, SVG, standalone HTML, Vega-Lite JSON and CSV.
Labels follow ``language="en"`` (``name_en``) or ``"ar"`` (``name_ar``).
"""

from __future__ import annotations

import importlib

from .export import Figure, save_figure

__all__ = ["Figure", "save_figure", "meetings", "coverage", "framing", "theme"]


def __getattr__(name: str):
    if name in ("meetings", "coverage", "framing", "theme", "fonts", "export"):
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'analysis.charts' has no attribute {name!r}")
