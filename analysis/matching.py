"""Whole-word, clitic-aware matching of many names at once over a batch of matching views.

``NameMatcher(forms)`` compiles a table of names in their matching view (column ``form``, plus
any payload columns) into the literal *readings* of each name: " " + proclitics + form + " ".
The view has every non-word character as a space and is padded with spaces, so a reading can
only match a whole word, with what may stand before a name spelled out: nothing, a conjunction
(و ف), a preposition (ب ل ك), or a conjunction then a preposition. A name with the article is
also read without its alef after the preposition ل ("للأمم المتحدة" = ل + الأمم المتحدة). So
"روسياً" and "اللندنية" never match "روسيا" or "لندن", while "وميرتس" and "للأمم المتحدة" do.

All readings are found in one Aho-Corasick pass over the whole batch (``LiteralFinder``); the
automaton is built once per matcher and gives each match's reading and position together.

Overlapping candidates are resolved leftmost-longest (``resolve_overlaps``): "كوريا الشمالية"
beats "كوريا", "محمود عباس" beats "عباس".
"""

from __future__ import annotations

import functools
import itertools
from typing import Sequence

import ahocorasick_rs
import numpy as np
import polars as pl

from .arabic import MatchingView, common_view_characters

__all__ = ["LiteralFinder", "NameMatcher", "position_key", "resolve_overlaps"]

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
# What may stand between the space before a name and the name: nothing, a conjunction, a
# preposition, or a conjunction then a preposition ("وبكييف"). Before an elided article
# (ل + الاسم -> للاسم, the reading starts at the article's lam) the preposition ل is required.
_PROCLITICS = ("",) + _CONJUNCTIONS + _PREPOSITIONS + tuple(c + p for c in _CONJUNCTIONS for p in _PREPOSITIONS)
_ELIDED_PROCLITICS = ("ل",) + tuple(c + "ل" for c in _CONJUNCTIONS)


def _readings(forms: pl.DataFrame, proclitics: tuple[str, ...], *, elided: bool) -> pl.DataFrame:
    """Each (form, clitics) row once per proclitic sequence: the literal to find (" " + proclitics
    + form + " ", the form without its alef when ``elided``), where the form starts in it
    (``offset``) and the proclitics' length (``prefix_len``)."""
    name = pl.col("form").str.slice(1) if elided else pl.col("form")
    return forms.join(pl.DataFrame({"_proclitics": list(proclitics)}), how="cross").select(
        pl.concat_str(pl.lit(" "), "_proclitics", name, pl.lit(" ")).alias("literal"),
        "form",
        "clitics",
        pl.lit(elided).alias("elided"),
        (pl.col("_proclitics").str.len_chars().cast(pl.Int64) + 1).alias("offset"),
        pl.col("_proclitics").str.len_chars().cast(pl.Int64).alias("prefix_len"),
    )


_DFA_MAX_LITERALS = 1_000


@functools.cache
def _common_code() -> np.ndarray:
    """One byte for each character of ``common_view_characters`` (from 1), 0 for any other."""
    characters = common_view_characters()
    code = np.zeros(0x10000, dtype=np.uint8)
    code[characters] = np.arange(1, len(characters) + 1)
    return code


class LiteralFinder:
    """Every occurrence of a set of literal strings in the matching views of a batch.

    One Aho-Corasick pass (``ahocorasick_rs``) over the rows' padded views back to back, recoded
    one byte per character: to the alphabet of Arabic news (``common_view_characters``) when the
    literals are written in it, so that the batch is recoded once for every such finder
    (``MatchingView.coded``); else to the literals' own alphabet (two bytes per character when
    they use more than 255). A character outside the alphabet can match nothing. The automaton
    is built at the first search and kept.
    """

    def __init__(self, literals: Sequence[str] | pl.Series):
        self.literals = pl.Series("literal", literals, dtype=pl.String)
        alphabet = np.flatnonzero(np.bincount(self._codepoints()))
        common = _common_code()
        if common[alphabet].all():
            # the literals are written in the common alphabet: the batch is recoded once for all such finders
            self._code = common
        else:
            # code 0 for the characters no literal has; the literals' own characters from 1
            self._code = np.zeros(0x10000, dtype=np.uint8 if len(alphabet) < 256 else np.uint16)
            self._code[alphabet] = np.arange(1, len(alphabet) + 1)

    def _codepoints(self) -> np.ndarray:
        """The literals' characters back to back, as codepoints."""
        return np.frombuffer(self.literals.str.join("").item().encode("utf-32-le"), dtype=np.uint32)

    @functools.cached_property
    def _automaton(self) -> ahocorasick_rs.BytesAhoCorasick:
        # all literals recoded at once, then cut apart
        codes = self._code[self._codepoints()].tobytes()
        ends = (np.cumsum(self.literals.str.len_chars().cast(pl.Int64).to_numpy()) * self._code.itemsize).tolist()
        # a DFA searches fastest and takes milliseconds to build for a few literals; for the tens of
        # thousands of readings of the names it would take seconds, and the library's default is kept
        implementation = ahocorasick_rs.Implementation.DFA if self.literals.len() <= _DFA_MAX_LITERALS else None
        return ahocorasick_rs.BytesAhoCorasick([codes[a:b] for a, b in zip([0] + ends[:-1], ends)], implementation=implementation)

    def __getstate__(self) -> dict:
        # the automaton is rebuilt where it is used
        return {k: v for k, v in self.__dict__.items() if k != "_automaton"}

    def find(self, view: MatchingView) -> pl.DataFrame:
        """(row, at, literal): each occurrence (overlapping ones too) with its row, start (view
        characters, in the padded view) and index into ``literals``."""
        empty = pl.DataFrame(schema={"row": pl.UInt32, "at": pl.Int64, "literal": pl.UInt32})
        if self.literals.len() == 0 or len(view) == 0:
            return empty
        _, row_start, row_end = view.row_codepoints()
        matches = self._automaton.find_matches_as_indexes(view.coded(self._code), overlapping=True)
        hits = np.fromiter(itertools.chain.from_iterable(matches), dtype=np.int64, count=3 * len(matches)).reshape(-1, 3)
        # a match starts on a character (with two-byte codes, an even byte offset), within one row
        width = self._code.itemsize
        hits = hits[hits[:, 1] % width == 0]
        start, end = hits[:, 1] // width, hits[:, 2] // width
        row = np.searchsorted(row_start, start, side="right") - 1
        inside = end <= row_end[row]
        return pl.DataFrame(
            {"row": row[inside].astype(np.uint32), "at": start[inside] - row_start[row[inside]], "literal": hits[inside, 0].astype(np.uint32)}
        )


class NameMatcher:
    """Find the names of ``forms`` (a DataFrame with a ``form`` column and payload columns).

    ``clitics``: whether proclitics may precede a name (titles, places, people: yes). A boolean
    column ``clitics`` in ``forms`` decides it per form instead; a form without proclitics is
    read only as " <form> ", and a null there reads the form as it is, anywhere, also inside a
    word (the anchors of date expressions).
    """

    def __init__(self, forms: pl.DataFrame, *, clitics: bool = True):
        if "clitics" not in forms.columns:
            forms = forms.with_columns(pl.lit(clitics).alias("clitics"))
        # a null ``clitics`` reads the form as it is, anywhere, not as a whole word (date anchors)
        raw = forms.filter(pl.col("clitics").is_null()).select("form").unique().filter(pl.col("form").str.len_chars() > 0)
        forms = forms.with_columns(pl.col("clitics").is_null().alias("_raw"), pl.col("clitics").fill_null(False))
        distinct = forms.filter(~pl.col("_raw")).select("form", "clitics").unique().filter(pl.col("form").str.len_chars() > 0)
        with_clitics = distinct.filter(pl.col("clitics"))
        readings = pl.concat(
            [
                _readings(with_clitics, _PROCLITICS, elided=False),
                _readings(with_clitics.filter(pl.col("form").str.starts_with("ال") & (pl.col("form").str.len_chars() > 3)), _ELIDED_PROCLITICS, elided=True),
                _readings(distinct.filter(~pl.col("clitics")), ("",), elided=False),
                raw.select(
                    pl.col("form").alias("literal"), "form", pl.lit(False).alias("clitics"), pl.lit(False).alias("elided"),
                    pl.lit(0, pl.Int64).alias("offset"), pl.lit(0, pl.Int64).alias("prefix_len"),
                ),
            ]
        )
        # one literal may read two ways ("بكين": the name, or ب + another name): both are candidates
        self._finder = LiteralFinder(readings["literal"].unique().sort())
        index = pl.DataFrame({"literal": self._finder.literals}).with_row_index("_literal")
        self._payload = [c for c in forms.columns if c not in ("clitics", "_raw")]
        # (a raw reading, the only one at offset 0, joins only its raw form; a word reading only
        # the forms read as words)
        readings = readings.with_columns((pl.col("offset") == 0).alias("_raw"))
        self.readings = readings.join(index, on="literal").join(forms, on=["form", "clitics", "_raw"], how="inner").select(
            "_literal", "offset", "prefix_len", pl.col("form").str.len_chars().cast(pl.Int64).sub(pl.col("elided").cast(pl.Int64)).alias("_length"), *self._payload
        ).sort("_literal", maintain_order=True).rechunk()
        # the readings of literal i are rows _first[i] .. _first[i] + _count[i] - 1 of ``readings``
        literal_of = self.readings["_literal"].to_numpy()
        self._count = np.bincount(literal_of, minlength=self._finder.literals.len())
        self._first = np.cumsum(self._count) - self._count

    def find(self, view: MatchingView) -> pl.DataFrame:
        """All candidate matches: row, view_start, view_end (view characters), prefix_len, form + payload."""
        found = self._finder.find(view)
        literal = found["literal"].to_numpy()
        # each match once per reading of its literal (a gather, not a join)
        count = self._count[literal]
        match = np.repeat(np.arange(literal.size), count)
        reading = np.repeat(self._first[literal] - np.cumsum(count) + count, count) + np.arange(match.size)
        readings = self.readings[reading]
        at = found["at"].to_numpy()[match]
        return readings.select(
            pl.lit(found["row"].to_numpy()[match]).alias("row"),
            (pl.lit(at) + pl.col("offset")).alias("view_start"),
            (pl.lit(at) + pl.col("offset") + pl.col("_length")).alias("view_end"),
            "prefix_len",
            *self._payload,
        )


_ROW_STRIDE = 1 << 32  # more than any view offset


def position_key(row: pl.Expr | pl.Series, offset: pl.Expr | pl.Series) -> pl.Expr | pl.Series:
    """One integer for a (row, view offset) pair, in the same order: rows apart by more than any offset."""
    return row.cast(pl.Int64) * _ROW_STRIDE + offset


def _candidate_order(candidates: pl.DataFrame, start: str, end: str, priority: list[str]) -> np.ndarray:
    """The indices of ``candidates`` sorted by row, start, longest first, then ``priority``
    (ascending, nulls first, as Polars sorts)."""
    keys = []  # the least significant first
    for name in reversed(priority):
        column = candidates[name]
        if column.dtype == pl.Boolean:
            column = column.cast(pl.Int8)
        if not column.dtype.is_integer() or column.null_count():
            column = column.rank("dense").fill_null(0)
        keys.append(column.to_numpy().astype(np.int64))
    starts = candidates[start].to_numpy().astype(np.int64)
    keys += [starts - candidates[end].to_numpy(), starts, candidates["row"].to_numpy().astype(np.int64)]
    # one integer of all the keys, each in as many bits as its range needs, when they fit in 63
    lows = [key.min() for key in keys]
    widths = [int(key.max() - low).bit_length() for key, low in zip(keys, lows)]
    if sum(widths) > 63:
        return np.lexsort(keys)
    packed, shift = np.zeros(len(starts), dtype=np.int64), 0
    for key, low, width in zip(keys, lows, widths):
        packed |= (key - low) << shift
        shift += width
    return np.argsort(packed, kind="stable")


def resolve_overlaps(candidates: pl.DataFrame, *, start: str = "view_start", end: str = "view_end", priority: list[str] | None = None) -> pl.DataFrame:
    """Keep the leftmost-longest candidates of each row; ties broken by ``priority`` columns (ascending).
    The kept rows come in that order: row, start, longest first, priority.

    Greedy in (start, longest first) order: a candidate is kept when it does not overlap a kept
    one. Vectorized: a candidate that overlaps no earlier candidate is kept, one that overlaps a
    kept candidate is dropped; the few rows where a candidate overlaps only dropped ones are
    settled by the greedy loop itself.
    """
    if candidates.height == 0:
        return candidates
    order = _candidate_order(candidates, start, end, priority or [])
    rows = candidates["row"].to_numpy().astype(np.int64)[order]
    starts = rows * _ROW_STRIDE + candidates[start].to_numpy()[order]
    ends = rows * _ROW_STRIDE + candidates[end].to_numpy()[order]
    # clear: starts at or after the furthest end of the candidates before it (rows lie apart in key space)
    reach = np.maximum.accumulate(ends)
    clear = np.concatenate([[True], starts[1:] >= reach[:-1]])
    keep = clear.copy()
    rest = np.flatnonzero(~clear)
    if rest.size:
        # the kept candidates do not overlap each other: the one that starts last at or before a
        # candidate, and the one that starts first after it, are the only ones that can overlap it
        kept_starts, kept_ends = starts[clear], ends[clear]
        before = np.searchsorted(kept_starts, starts[rest], side="right") - 1
        after = np.searchsorted(kept_starts, starts[rest], side="left")
        overlapped = ((before >= 0) & (kept_ends[np.maximum(before, 0)] > starts[rest])) | (
            (after < kept_starts.size) & (kept_starts[np.minimum(after, kept_starts.size - 1)] < ends[rest])
        )
        for row in np.unique(rows[rest[~overlapped]]):
            # a candidate that overlaps only dropped ones: the greedy loop settles its row
            first, last = np.searchsorted(rows, row, side="left"), np.searchsorted(rows, row, side="right")
            reached = -1
            for i in range(first, last):
                keep[i] = starts[i] >= reached
                if keep[i]:
                    reached = ends[i]
    # (gathering from one chunk is several times faster than from many)
    return candidates.rechunk()[order[keep]]
