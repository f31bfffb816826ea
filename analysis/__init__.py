"""analysis: Arabic news coverage of diplomacy as Polars tables.

    >>> import analysis
    >>> tables = analysis.build("seeds/")          # documents, actors, places, mentions, dates...
    >>> tables.mentions.head()
    >>> tables = analysis.load_tables("data/processed")   # what `make tables` wrote

The tables and their columns are described in the README.
"""

from __future__ import annotations

from .errors import AnalysisError, CorpusError, ReferenceDataError
from .pipeline import Tables, build
from .tables import read_tables

__all__ = ["build", "load_tables", "Tables", "AnalysisError", "CorpusError", "ReferenceDataError"]


def load_tables(folder: str = "data/processed") -> Tables:
    """The tables written by ``python -m analysis build ... --out folder`` (or ``make tables``)."""
    return Tables(read_tables(folder))
