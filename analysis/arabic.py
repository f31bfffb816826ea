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
(character or UTF-8 byte offsets in the view) back to character offsets in ``documents.text``.

Tanween (ً ٌ ٍ) is deliberately kept as a word character: "روسياً" (Russian, adverbial) must not
look like "روسيا" (Russia) once diacritics are gone.
"""

from __future__ import annotations

import functools
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
    "sentence_spans",
    "CLITIC_PREFIXES",
    "clitic_forms",
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
    # "#ترمب" is a hashtag of a name: the mark would otherwise split "دونالد #ترمب" in two
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


@functools.cache
def _codepoint_map() -> np.ndarray:
    """Codepoint -> codepoint of the matching view for the Basic Multilingual Plane; -1 deletes."""
    letters = _letter_table()
    out = np.empty(0x10000, dtype=np.int32)
    for cp in range(0x10000):
        c = chr(cp)
        if c in letters:
            target = letters[c]
            out[cp] = ord(target) if target else -1
        elif _is_word_char(c):
            out[cp] = cp
        else:
            out[cp] = 0x20
    return out


@functools.cache
def _view_translation() -> dict[int, int | None]:
    table = _codepoint_map()
    changed = np.flatnonzero(table != np.arange(0x10000, dtype=np.int32))
    return {int(cp): (None if table[cp] < 0 else int(table[cp])) for cp in changed}


def normalize(text: str) -> str:
    """Apply the letter rules of ``RULES`` to ``text`` (punctuation and spacing unchanged)."""
    return text.translate(str.maketrans(_letter_table()))


def matching_view(text: str) -> str:
    """The matching view of one string: ``normalize`` plus every non-word character as a space.

    Astral-plane characters (emoji...) also become spaces. This is the single-string twin of
    ``MatchingView`` and is used to turn reference names into patterns.
    """
    out = text.translate(_view_translation())
    return "".join(c if ord(c) < 0x10000 else " " for c in out) if any(ord(c) >= 0x10000 for c in out) else out


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


class MatchingView:
    """Matching views of a batch of documents, with offsets back to the original texts.

    ``texts`` is a sequence of the original document texts (row ``i`` is document ``i`` of the
    batch). ``view`` is a ``pl.Series`` of padded matching views (" " + view + " "). Positions found
    in ``view`` (as characters with ``to_original`` or as UTF-8 bytes with ``bytes_to_chars``)
    convert back to character offsets into the original text.
    """

    def __init__(self, texts: Sequence[str]):
        texts = list(texts)
        lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        # One separator character before, between and after the documents; it becomes the pad space.
        joined = "\x00" + "\x00".join(texts) + "\x00"
        codepoints = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        mapped = np.full(codepoints.shape, 0x20, dtype=np.int64)
        bmp = codepoints < 0x10000
        mapped[bmp] = _codepoint_map()[codepoints[bmp]]
        kept = mapped >= 0
        self._kept_index = np.flatnonzero(kept)
        view_codepoints = mapped[kept]
        self.doc_start = np.concatenate(([1], 1 + np.cumsum(lengths[:-1] + 1))) if len(texts) else np.zeros(0, np.int64)
        kept_before = np.concatenate(([0], np.cumsum(kept)))
        view_start = kept_before[self.doc_start]  # global view index of the first character of each doc
        view_len = kept_before[self.doc_start + lengths] - view_start
        # padded view of doc i = global view [view_start-1, view_start+view_len+1)
        self._pad_start = view_start - 1
        widths = 1 + (view_codepoints >= 0x80) + (view_codepoints >= 0x800) + (view_codepoints >= 0x10000)
        self._byte_start = np.concatenate(([0], np.cumsum(widths)))
        all_view = view_codepoints.astype("<u4").tobytes().decode("utf-32-le")
        self.view = pl.Series(
            "view",
            [all_view[s : s + n + 2] for s, n in zip(self._pad_start.tolist(), view_len.tolist())],
            dtype=pl.String,
        )
        self.lengths = lengths

    def __len__(self) -> int:
        return len(self.lengths)

    def bytes_to_chars(self, rows: np.ndarray, byte_pos: np.ndarray) -> np.ndarray:
        """UTF-8 byte offsets within the padded views of ``rows`` -> character offsets in those views."""
        rows = np.asarray(rows, dtype=np.int64)
        global_byte = self._byte_start[self._pad_start[rows]] + np.asarray(byte_pos, dtype=np.int64)
        return np.searchsorted(self._byte_start, global_byte) - self._pad_start[rows]

    def to_original(self, rows: np.ndarray, view_pos: np.ndarray) -> np.ndarray:
        """Character offsets in the padded views of ``rows`` -> character offsets in the original texts.

        A position is the start of the view character at that position; used for an exclusive end,
        it lands just before the next kept character, so deleted marks that follow the last
        matched letter (a trailing diacritic) stay inside the span.
        """
        rows = np.asarray(rows, dtype=np.int64)
        global_view = self._pad_start[rows] + np.asarray(view_pos, dtype=np.int64)
        original = self._kept_index[global_view] - self.doc_start[rows]
        return np.clip(original, 0, self.lengths[rows])


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


def sentence_spans(texts: pl.Series) -> pl.DataFrame:
    """Sentence spans of each text: (row, sentence, start, end), character offsets, whitespace trimmed.

    A sentence ends at a line break, or at . ! ? ؟ … (with any closing quotes) followed by
    whitespace or the end of the text. A dot right after a one-letter word ("د." for doctor) or
    between digits does not end a sentence. Empty texts have no sentences.
    """
    n_chars = texts.str.len_chars().cast(pl.Int64)
    lead = n_chars - texts.str.strip_chars_start().str.len_chars().cast(pl.Int64)
    tail = n_chars - texts.str.strip_chars_end().str.len_chars().cast(pl.Int64)
    ends = find_regex(texts, r"[.!?؟…]+[\"'”»)\]]*(?:\s+|$)|\n\s*", name="_cut")
    abbreviations = find_regex(texts, r"(?:^|\s)\w\.\s", name="_abbr").select(
        "row", (pl.col("end") - 2).alias("start")
    )
    ends = ends.join(abbreviations, on=["row", "start"], how="anti").select(
        "row",
        # the sentence stops after its terminators, the next one starts after the whitespace
        (pl.col("start") + pl.col("_cut").str.strip_chars_end().str.len_chars().cast(pl.Int64)).alias("stop"),
        pl.col("end").alias("next_start"),
    )
    rows = pl.DataFrame({"row": pl.int_range(len(texts), eager=True, dtype=pl.UInt32)})
    starts = pl.concat(
        [rows.with_columns(next_start=lead), ends.select("row", "next_start")]
    )
    stops = pl.concat([ends.select("row", "stop"), rows.with_columns(stop=n_chars - tail)])
    spans = pl.concat(
        [
            starts.sort("row", "next_start").with_columns(pl.int_range(pl.len()).over("row").alias("k")),
            stops.sort("row", "stop").with_columns(pl.int_range(pl.len()).over("row").alias("k")),
        ],
        how="align",
    )
    return (
        spans.filter(pl.col("stop") > pl.col("next_start"))
        .select(
            "row",
            pl.int_range(pl.len()).over("row").cast(pl.Int32).alias("sentence"),
            pl.col("next_start").alias("start"),
            pl.col("stop").alias("end"),
        )
        .sort("row", "sentence")
    )
