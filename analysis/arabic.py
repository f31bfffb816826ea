"""Arabic text handling: normalization for matching, offset maps back to the original, sentences.

The stored text is never changed. Matching runs on a *matching view* of each document:

* letters are normalized by small named rules (``RULES``): diacritics, tatweel and invisible
  marks are deleted; alef/hamza forms, alef maqsura, taa marbuta, Persian letters and
  Arabic-Indic digits are unified;
* every character that is not a letter, digit or kept mark becomes a space, so that a name
  pattern can carry its word boundaries as spaces;
* the view of a document is padded with one space on each side.

Every normalization rule maps one character to one character or deletes it, so a position in
the view maps back to exactly one position in the original text. ``MatchingView`` builds the
views of a batch of documents at once with NumPy codepoint arrays and converts positions
(character offsets in the view) back to character offsets in ``documents.text``.

Tanween (ً ٌ ٍ) is deliberately kept as a word character: "روسياً" (Russian, adverbial) must not
look like "روسيا" (Russia) once diacritics are gone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import polars as pl

__all__ = [
    "RULES",
    "Rule",
    "normalize",
    "matching_view",
    "MatchingView",
    "find_regex",
    "text_before",
    "text_between",
    "sentence_spans",
    "CLITIC_PREFIXES",
    "clitic_forms",
    "WORD_END",
]


@dataclass(frozen=True)
class Rule:
    """One normalization rule: a table of single characters and what they become ('' deletes)."""

    name: str
    table: dict[str, str]

    def __call__(self, text: str) -> str:
        return text.translate(str.maketrans(self.table))


def _chars(first: int, last: int) -> list[str]:
    return [chr(cp) for cp in range(first, last + 1)]


TANWEEN = "\u064b\u064c\u064d"

# the end of a word in the original text, after the marks written on its last letter: a regex
# for the "أنّ" of "وأضافت الوكالة أنّ" where "أن(?:\s|$)" reads no word end
WORD_END = r"[\u064b-\u0652\u0640]*(?:\s|$)"

RULES: tuple[Rule, ...] = (
    Rule(
        "strip_diacritics",
        # fatha .. sukun, Quranic and hamza marks, superscript alef; tanween is kept (see module doc)
        {c: "" for c in _chars(0x064E, 0x065F) + ["\u0670"] + _chars(0x0610, 0x061A) + _chars(0x06D6, 0x06ED)},
    ),
    Rule("strip_tatweel", {"\u0640": ""}),
    Rule(
        "strip_invisible",
        {c: "" for c in ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"]
         + _chars(0x202A, 0x202E) + _chars(0x2066, 0x2069)},
    ),
    # "#ماكرون" is a hashtag of a name: the mark would otherwise split "إيمانويل #ماكرون" in two
    Rule("strip_hashtag_mark", {"#": ""}),
    Rule("unify_alef", {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "\u0672": "ا", "\u0673": "ا"}),
    Rule("alef_maqsura_to_ya", {"ى": "ي"}),
    Rule("taa_marbuta_to_ha", {"ة": "ه"}),
    Rule("persian_letters_to_arabic", {"ی": "ي", "ې": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه", "ہ": "ه", "ھ": "ه"}),
    Rule(
        "digits_to_ascii",
        {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}},
    ),
)


@functools.cache
def _letter_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for rule in RULES:
        table.update(rule.table)
    # Arabic presentation forms (old encodings) fold to their base letter when that is one character.
    for cp in list(range(0xFB50, 0xFDFF + 1)) + list(range(0xFE70, 0xFEFF)):
        folded = unicodedata.normalize("NFKC", chr(cp))
        if len(folded) == 1 and folded != chr(cp):
            table.setdefault(chr(cp), table.get(folded, folded))
    return table


def _is_word_char(c: str) -> bool:
    cat = unicodedata.category(c)
    return cat[0] in "LN" or cat == "Mn" or cat == "Mc"


def codepoint_array(text: str) -> np.ndarray:
    """The codepoints of ``text``, one per character: uint16 when all lie in the Basic
    Multilingual Plane (the usual case, and cheaper to make), else uint32."""
    utf16 = text.encode("utf-16-le", "surrogatepass")
    if len(utf16) == 2 * len(text):
        return np.frombuffer(utf16, dtype=np.uint16)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


_DELETED = 0xFFFF  # in ``_codepoint_map``: the character is deleted (U+FFFF itself is no word character)


@functools.cache
def _codepoint_map() -> np.ndarray:
    """Codepoint -> codepoint of the matching view (uint16: the view is all in the Basic
    Multilingual Plane), for every codepoint; ``_DELETED`` deletes.

    Characters beyond the Basic Multilingual Plane (emoji...) become spaces.
    """
    letters = _letter_table()
    out = np.full(0x110000, 0x20, dtype=np.uint16)
    for cp in range(0x10000):
        c = chr(cp)
        if c in letters:
            target = letters[c]
            out[cp] = ord(target) if target else _DELETED
        elif _is_word_char(c):
            out[cp] = cp
    assert not _is_word_char(chr(_DELETED))
    return out


@functools.cache
def common_view_characters() -> np.ndarray:
    """The codepoints of the matching view in the ASCII and Arabic blocks, sorted: the alphabet
    that Arabic news is written in (about 200 characters, so one byte codes each)."""
    values = np.unique(_codepoint_map()[:0x10000])
    return values[(values < 0x80) | ((values >= 0x600) & (values < 0x700))]


@functools.cache
def _view_translation() -> dict[int, int | None]:
    table = _codepoint_map()[:0x10000]
    changed = np.flatnonzero(table != np.arange(0x10000, dtype=np.uint16))
    return {int(cp): (None if table[cp] == _DELETED else int(table[cp])) for cp in changed}


def normalize(text: str) -> str:
    """Apply the letter rules of ``RULES`` to ``text`` (punctuation and spacing unchanged)."""
    return text.translate(str.maketrans(_letter_table()))


def matching_view(text: str) -> str:
    """The matching view of one string: ``normalize`` plus every non-word character as a space.

    Astral-plane characters (emoji...) also become spaces. This is the single-string twin of
    ``MatchingView`` and is used to turn reference names into patterns.
    """
    if "-" in text:
        text = _TYPO_HYPHEN.sub("", text)
    text = text.translate(_view_translation())
    # (a string all in the Basic Multilingual Plane, the usual case, has nothing to replace)
    return _ASTRAL.sub(" ", text) if text and max(text) > "\uffff" else text


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_TYPO_HYPHEN = re.compile("(?<=[\u0621-\u064a])-(?= )")


# Proclitics that attach to a name: conjunction (و ف), then preposition (ب ل ك). With the article,
# ل + ال is written لل (للأمم المتحدة), which ``clitic_forms`` produces.
CLITIC_PREFIXES: tuple[str, ...] = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def clitic_forms(name: str) -> list[tuple[str, str]]:
    """All written forms of a normalized ``name`` with proclitics, as (prefix, form) pairs."""
    forms = []
    for prefix in CLITIC_PREFIXES:
        if prefix.endswith("ل") and name.startswith("ال"):
            forms.append((prefix, prefix + name[1:]))
        else:
            forms.append((prefix, prefix + name))
    return forms


def _is_letter(codepoints: np.ndarray) -> np.ndarray:
    """Whether each code point is an Arabic letter (hamza to ya)."""
    return (codepoints >= 0x621) & (codepoints <= 0x64A)


class MatchingView:
    """Matching views of a batch of documents, with offsets back to the original texts.

    ``texts`` is a sequence of the original document texts (row ``i`` is document ``i`` of the
    batch). ``view`` is a ``pl.Series`` of padded matching views (" " + view + " "). Character
    positions found in ``view`` convert back to character offsets into the original text
    (``to_original``).
    """

    def __init__(self, texts: Sequence[str]):
        texts = list(texts)
        lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        # One separator character before, between and after the documents; it becomes the pad space.
        joined = "\x00" + "\x00".join(texts) + "\x00"
        codepoints = codepoint_array(joined)
        self._codepoints = codepoints
        mapped = _codepoint_map()[codepoints]
        # "مون جيه- إن": a hyphen between a letter and a space is a typo inside a name, deleted
        # (``_TYPO_HYPHEN``), so that the name reads as with one space
        hyphens = np.flatnonzero(codepoints == 0x2D)
        if hyphens.size:
            last = codepoints.size - 1
            before, after = codepoints[hyphens - 1], codepoints[np.minimum(hyphens + 1, last)]
            mapped[hyphens[(after == 0x20) & _is_letter(before)]] = _DELETED
            # ... and "كيم جونغ - أون", a hyphen spaced on both sides between letters, reads as one
            # space too (as "قمة ماكرون-أردوغان" does): the hyphen and the space after it go
            spaced = hyphens[(before == 0x20) & (after == 0x20) & _is_letter(codepoints[np.maximum(hyphens - 2, 0)]) & _is_letter(codepoints[np.minimum(hyphens + 2, last)])]
            mapped[spaced] = _DELETED
            mapped[spaced + 1] = _DELETED
        # Deleted characters (diacritics, tatweel) are few: their positions map view offsets back.
        # ``_deleted_shift[i]`` is the number of kept characters before the i-th deleted one.
        deleted = np.flatnonzero(mapped == _DELETED)
        self._deleted = deleted
        self._deleted_shift = deleted - np.arange(deleted.size)
        view_codepoints = np.delete(mapped, deleted) if deleted.size else mapped
        self.doc_start = np.concatenate(([1], 1 + np.cumsum(lengths[:-1] + 1))) if len(texts) else np.zeros(0, np.int64)
        # kept characters before each document start and end
        kept_before_start = self._kept_before(self.doc_start)
        view_len = self._kept_before(self.doc_start + lengths) - kept_before_start
        # padded view of doc i = global view [start - 1, start + len + 1)
        self._pad_start = kept_before_start - 1
        self._view_len = view_len
        self._view_codepoints = view_codepoints
        all_view = view_codepoints.astype("<u2", copy=False).tobytes().decode("utf-16-le")
        self.view = pl.Series(
            "view",
            [all_view[s : s + n + 2] for s, n in zip(self._pad_start.tolist(), view_len.tolist())],
            dtype=pl.String,
        )
        self.lengths = lengths
        self._coded: tuple[np.ndarray, bytes] | None = None

    def _kept_before(self, positions: np.ndarray) -> np.ndarray:
        """The number of kept (view) characters before each position of the joined original texts."""
        return positions - np.searchsorted(self._deleted, positions)

    def _kept_index(self, view_positions: np.ndarray) -> np.ndarray:
        """The position in the joined original texts of each global view position."""
        return view_positions + np.searchsorted(self._deleted_shift, view_positions, side="right")

    @functools.cached_property
    def _flags(self) -> np.ndarray:
        return _char_flags()[self._codepoints]

    def sentences(self) -> pl.DataFrame:
        """Sentence spans of the batch's original texts (see ``sentence_spans``)."""
        return _sentence_spans(self._codepoints, self._flags, self.lengths, self.doc_start)

    def text_counts(self) -> pl.DataFrame:
        """Per row of the batch: n_words (runs of non-space characters), n_arabic and n_latin letters."""
        flags = self._flags
        solid = (flags & _SPACE) == 0
        word_start = solid.copy()
        word_start[1:] &= ~solid[:-1]
        # counts over each document's own characters, [doc_start, doc_start + length)
        starts = self.doc_start
        ends = starts + self.lengths

        def per_doc(mask: np.ndarray) -> np.ndarray:
            # one count_nonzero per document: a loop over the documents of a batch costs a
            # quarter of one ``np.add.reduceat`` over the whole batch (which casts every element)
            return np.fromiter((np.count_nonzero(mask[s:e]) for s, e in zip(starts.tolist(), ends.tolist())), dtype=np.int64, count=len(starts))

        return pl.DataFrame(
            {"n_words": per_doc(word_start), "n_arabic": per_doc((flags & _ARABIC) != 0), "n_latin": per_doc((flags & _LATIN) != 0)}
        )

    def __len__(self) -> int:
        return len(self.lengths)

    def subset(self, rows: np.ndarray) -> "MatchingView":
        """The view of some rows only (row i of the subset is ``rows[i]``), sharing the offset maps."""
        rows = np.asarray(rows, dtype=np.int64)
        part = object.__new__(MatchingView)
        part._deleted = self._deleted
        part._deleted_shift = self._deleted_shift
        part._codepoints = self._codepoints
        part._view_codepoints = self._view_codepoints
        part.doc_start = self.doc_start[rows]
        part._pad_start = self._pad_start[rows]
        part._view_len = self._view_len[rows]
        part.lengths = self.lengths[rows]
        part.view = self.view.gather(rows)
        part._coded = None
        return part

    def coded(self, code: np.ndarray) -> bytes:
        """``code[row_codepoints()[0]]`` as bytes (a literal finder's recoding of the batch), kept
        for the next finder that uses the same ``code`` table."""
        if self._coded is not None and self._coded[0] is code:
            return self._coded[1]
        data = code[self.row_codepoints()[0]].tobytes()
        self._coded = (code, data)
        return data

    def row_codepoints(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The padded views of the rows back to back as codepoints (all in the BMP), and where each
        row's padded view starts and ends in them. Rows next to each other in the batch share
        their pad space, so a match found in them must be checked to lie within one row."""
        sizes = self._view_len + 2
        if len(self) == 0:
            return np.zeros(0, np.uint16), np.zeros(0, np.int64), np.zeros(0, np.int64)
        pad_end = self._pad_start + sizes
        if np.array_equal(self._pad_start[1:], pad_end[:-1] - 1):
            first = self._pad_start[0]
            return self._view_codepoints[first : pad_end[-1]], self._pad_start - first, pad_end - first
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
        pieces = [self._view_codepoints[a:b] for a, b in zip(self._pad_start.tolist(), pad_end.tolist())]
        return np.concatenate(pieces), starts, starts + sizes

    def chars_at(self, rows: np.ndarray, view_pos: np.ndarray) -> np.ndarray:
        """The view character (as a codepoint) at each offset of the padded views of ``rows``; 0 for
        an offset outside its row's padded view. A look at one character without slicing the texts."""
        rows = np.asarray(rows, dtype=np.int64)
        view_pos = np.asarray(view_pos, dtype=np.int64)
        inside = (view_pos >= 0) & (view_pos < self._view_len[rows] + 2)
        at = np.where(inside, self._pad_start[rows] + view_pos, 0)
        return np.where(inside, self._view_codepoints[at], 0)

    def original_chars_at(self, rows: np.ndarray, view_pos: np.ndarray) -> np.ndarray:
        """The original character (as a codepoint) of the view character at each offset of the
        padded views of ``rows`` (offsets inside the unpadded view): "آ" where the view has "ا"."""
        rows = np.asarray(rows, dtype=np.int64)
        return self._codepoints[self.doc_start[rows] + self.to_original(rows, view_pos)].astype(np.int64)

    def to_original(self, rows: np.ndarray, view_pos: np.ndarray, *, end: bool = False) -> np.ndarray:
        """Character offsets in the padded views of ``rows`` -> character offsets in the original texts.

        A position is the start of the view character at that position; used for an exclusive end,
        it lands just before the next kept character, so deleted marks that follow the last
        matched letter (a trailing diacritic) stay inside the span. With ``end``, a deleted hyphen
        that follows it does not ("وقال ماكرون- في وقت سابق-": the span is "ماكرون").
        """
        rows = np.asarray(rows, dtype=np.int64)
        global_view = self._pad_start[rows] + np.asarray(view_pos, dtype=np.int64)
        original = np.clip(self._kept_index(global_view) - self.doc_start[rows], 0, self.lengths[rows])
        if end and original.size:
            last = self.doc_start[rows] + original - 1
            hyphen = (original > 0) & (self._codepoints[np.maximum(last, 0)] == 0x2D)
            original = original - hyphen
        return original


def text_between(texts: pl.Series, rows: pl.Series, start: pl.Series, end: pl.Series) -> pl.Series:
    """The text of each row between two character offsets (empty when end <= start)."""
    length = (end - start).clip(0)
    return texts.gather(rows).str.slice(start, length)


def text_before(texts: pl.Series, rows: pl.Series, at: pl.Series, width: int) -> pl.Series:
    """The ``width`` characters of each row before the character offset ``at`` (fewer at the start)."""
    start = (at - width).clip(0)
    return texts.gather(rows).str.slice(start, at - start)


def find_regex(texts: pl.Series, pattern: str, *, name: str = "match") -> pl.DataFrame:
    """Every non-overlapping match of ``pattern`` in each string: (row, start, end, ``name``).

    Offsets are in characters. Polars has no "find all with positions" for regexes;
    ``extract_all`` of ``(?s).*?(?:pattern)`` returns the text up to and including each match,
    whose running length is the end offset of the match. ``pattern`` must not match the empty string.
    """
    frame = pl.DataFrame({"text": texts}).with_row_index("row")
    found = frame.lazy().select(
        "row",
        pl.col("text").str.extract_all(f"(?s).*?(?:{pattern})").list.eval(pl.element().str.len_chars()).alias("_chunk"),
        pl.col("text").str.extract_all(pattern).alias(name),
    ).collect(engine="streaming")
    return (
        found.explode("_chunk", name)
        .drop_nulls(name)
        .with_columns(pl.col("_chunk").cast(pl.Int64).cum_sum().over("row").alias("end"))
        .with_columns((pl.col("end") - pl.col(name).str.len_chars().cast(pl.Int64)).alias("start"))
        .select("row", "start", "end", name)
    )


_TERMINATORS = ".!?؟…"
_CLOSERS = "\"'”»)]"
_SPACES = " \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2009\u200a\u202f\u3000\x00"


_SPACE, _TERMINATOR, _CLOSER, _ARABIC, _LATIN = 1, 2, 4, 8, 16


@functools.cache
def _char_flags() -> np.ndarray:
    """Codepoint -> bit flags: space, sentence terminator, closing quote, Arabic letter, Latin letter."""
    flags = np.zeros(0x110000, dtype=np.uint8)
    for flag, chars in ((_SPACE, _SPACES), (_TERMINATOR, _TERMINATORS), (_CLOSER, _CLOSERS)):
        flags[[ord(c) for c in chars]] |= flag
    flags[0x0620:0x064B] |= _ARABIC
    flags[0x066E:0x06D4] |= _ARABIC
    flags[ord("A") : ord("Z") + 1] |= _LATIN
    flags[ord("a") : ord("z") + 1] |= _LATIN
    return flags


def sentence_spans(texts: pl.Series | Sequence[str]) -> pl.DataFrame:
    """Sentence spans of each text: (row, sentence, start, end), character offsets, whitespace trimmed.

    A sentence ends at a line break, or after . ! ? ؟ … (and any closing quotes or brackets)
    followed by whitespace or the end of the text, or at a dot glued to the next Arabic word after a
    word of four letters or more ("الجبوري.ومن"). A dot right after a one-letter word ("د." for
    doctor) or between digits does not end a sentence. Empty texts have no sentences. Runs on
    the codepoints of the whole batch at once.
    """
    texts = texts.to_list() if isinstance(texts, pl.Series) else list(texts)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    joined = "\x00" + "\x00".join(texts) + "\x00"
    cp = codepoint_array(joined)
    doc_start = np.concatenate(([1], 1 + np.cumsum(lengths[:-1] + 1))) if len(texts) else np.zeros(0, np.int64)
    return _sentence_spans(cp, _char_flags()[cp], lengths, doc_start)


_SHORT_RUN = 32  # characters a vectorized step walks before the few longer runs are walked one by one


def _walk(blocked: np.ndarray, at: np.ndarray, limit: np.ndarray, step: int) -> np.ndarray:
    """From each position ``at``, move by ``step`` while ``blocked`` holds and ``limit`` is not reached.

    Returns where each walk stops (``limit`` when every position up to it is blocked). Vectorized
    over the positions for ``_SHORT_RUN`` steps; longer runs (rare) are finished one at a time.
    """
    at = at.copy()
    active = np.flatnonzero((at != limit) & blocked[np.clip(at, 0, blocked.size - 1)])
    for _ in range(_SHORT_RUN):
        if active.size == 0:
            return at
        at[active] += step
        active = active[(at[active] != limit[active]) & blocked[np.clip(at[active], 0, blocked.size - 1)]]
    for i in active.tolist():
        while at[i] != limit[i] and blocked[at[i]]:
            at[i] += step
    return at


def _sorted_union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``np.union1d`` of two sorted arrays: a stable sort merges the two runs in linear time."""
    merged = np.sort(np.concatenate([a, b]), kind="stable")
    return merged[np.append(True, merged[1:] != merged[:-1])] if merged.size else merged


GLUED_DOT_WORD = 4  # Arabic letters before a dot with no space after it that ends a sentence


def _glued_dots(cp: np.ndarray, flags: np.ndarray) -> np.ndarray:
    """Positions of the dots that end a sentence with no space after them: an Arabic letter right
    after, and GLUED_DOT_WORD Arabic letters right before (sorted)."""
    dots = np.flatnonzero(cp == ord("."))
    dots = dots[(dots >= GLUED_DOT_WORD) & (dots + 1 < cp.size)]
    arabic = (flags & _ARABIC) != 0
    keep = arabic[dots + 1]
    for back in range(1, GLUED_DOT_WORD + 1):
        keep &= arabic[dots - back]
    return dots[keep]


def _sentence_spans(cp: np.ndarray, flags: np.ndarray, lengths: np.ndarray, doc_start: np.ndarray) -> pl.DataFrame:
    """``sentence_spans`` on the codepoints of "\\0" + "\\0".join(texts) + "\\0" and their ``_char_flags``.

    Whole-batch passes only find the candidate breaks; the rest runs on those few positions.
    """
    space = (flags & _SPACE) != 0
    run = (flags & (_TERMINATOR | _CLOSER)) != 0
    # the last character of a run of terminators and closers, before a space or the end
    candidates = np.flatnonzero(np.append(run[:-1] & space[1:], run[-1:]))
    # ... ends a sentence when the run holds a terminator that is not a dot after a one-letter
    # word (" د." is an abbreviation)
    run_start = _walk(run, candidates, np.full(candidates.size, -1), -1) + 1
    # every position of every run, with the run it belongs to
    run_length = candidates - run_start + 1
    owner = np.repeat(np.arange(candidates.size), run_length)
    at = run_start[owner] + np.arange(owner.size) - np.repeat(np.cumsum(run_length) - run_length, run_length)
    abbreviation = (at >= 2) & (cp[at] == ord(".")) & ~space[np.clip(at - 1, 0, None)] & space[np.clip(at - 2, 0, None)]
    ending = ((flags[at] & _TERMINATOR) != 0) & ~abbreviation
    holds = np.bincount(owner, weights=ending, minlength=candidates.size) > 0
    # a dot with no space between two Arabic words, after one of four letters or more, ends one too
    # ("سليم الجبوري.ومن المقرر"; not the dots of an acronym: "سي.بي.إس"، "إن.إتش.كيه")
    glued = _glued_dots(cp, flags)
    breaks = _sorted_union(_sorted_union(candidates[holds], glued), np.flatnonzero((cp == ord("\n")) | (cp == 0)))
    if breaks.size == 0 or not (~space).any():
        return pl.DataFrame(schema={"row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64})
    # sentences lie between consecutive breaks, spaces trimmed; a line break or separator is
    # outside the sentence it ends, a terminator inside
    lo = np.concatenate(([0], breaks[:-1] + 1))
    hi = np.where((cp[breaks] == ord("\n")) | (cp[breaks] == 0), breaks, breaks + 1)
    start = _walk(space, lo, hi, 1)
    valid = start < hi
    start, hi = start[valid], hi[valid]
    end = _walk(space, hi - 1, start, -1) + 1
    row = np.searchsorted(doc_start, start, side="right") - 1
    frame = pl.DataFrame({"row": row.astype(np.uint32), "start": (start - doc_start[row]).astype(np.int64), "end": (end - doc_start[row]).astype(np.int64)})
    return frame.with_columns(pl.int_range(pl.len()).over("row").cast(pl.Int32).alias("sentence")).select("row", "sentence", "start", "end")
