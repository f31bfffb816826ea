"""Errors meant for people: one message that names the file and says what to do."""

from __future__ import annotations


class AnalysisError(Exception):
    """A problem with the user's input (corpus, metadata, parameters, reference data).

    The command line prints the message alone, without a traceback, and exits with status 2.
    """


class CorpusError(AnalysisError):
    """The corpus cannot be read as given."""


class ReferenceDataError(AnalysisError):
    """An editable reference file (gazetteer, codebook...) is malformed."""
