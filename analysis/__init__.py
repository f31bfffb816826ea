"""analysis: Arabic news coverage of diplomacy as Polars tables, charts and reports.

    >>> import analysis
    >>> tables = analysis.build("seeds/")          # documents, actors, places, mentions, dates...
    >>> tables.mentions.head()
    >>> tables = analysis.load_tables("data/processed")   # what `make tables` wrote
    >>> analysis.charts.meetings.network(tables)   # a Figure: shown in Jupyter, saved with save_figure
    >>> analysis.select(tables, start="2025-12-01", outlets=["BBC"]).tables

The tables and their columns are described in the README. ``analysis.charts`` (Altair figures),
``analysis.coverage`` (coverage and framing profiles) and ``analysis.reports`` load on first use.
"""

from __future__ import annotations

import importlib

from .errors import AnalysisError, CorpusError, ReferenceDataError
from .pipeline import Tables, build
from .tables import read_tables

__all__ = ["build", "load_tables", "select", "Tables", "AnalysisError", "CorpusError", "ReferenceDataError", "charts", "coverage", "reports"]

_LAZY = ("charts", "coverage", "reports", "selection", "framing")


def load_tables(folder: str = "data/processed") -> Tables:
    """The tables written by ``python -m analysis build ... --out folder`` (or ``make tables``)."""
    return Tables(read_tables(folder))


def select(tables, *, start=None, end=None, outlets=None):
    """``analysis.selection.select``: the tables of the articles in a date range and some outlets."""
    from .selection import select as _select

    return _select(tables, start=start, end=end, outlets=outlets)


def __getattr__(name: str):
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
