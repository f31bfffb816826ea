"""Source framing: an editable codebook, frame cues per sentence, tone per article, voice.

``load_codebook(path)`` reads a YAML codebook (default ``resources/codebook.yaml``; see the
comments there for its format) and checks it: a malformed file raises ``ReferenceDataError``
naming the frame or entry to fix. ``find_frames`` applies it to a batch: every cue is matched as
whole words in the matching view (with proclitics, and with the article added to single words),
the longest cue wins, a cue preceded by a negation within ``negation.window`` words counts for
the frame's ``negated_as`` (or is dropped), and a cue near a frame's ``not_near`` words is
ignored. Every frame row keeps its cue and offsets, so each count can be traced to its sentence.

``article_tone`` turns frame rows into a tone per article in [-1, 1]: the mean of the ``tone`` of
its tonal cues (progress +1; stalemate, escalation -1); null when the article has none.
``voice_side`` assigns a quoted speaker to a side (Russia, United States, Ukraine, Europe,
other) by the codebook's ``voice`` section.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import yaml

from .arabic import MatchingView, find_regex, text_before
from .errors import ReferenceDataError
from .events import _with_tanween
from .matching import NameMatcher, resolve_overlaps
from .reference import RESOURCES, view_form
from .yamltext import parse_yaml

__all__ = ["Codebook", "load_codebook", "find_frames", "article_tone", "CODEBOOK_PATH", "GENERIC_FRAMES", "FRAME_COLUMNS"]

CODEBOOK_PATH = RESOURCES / "codebook.yaml"
GENERIC_FRAMES = ("conflict", "human_interest", "economic_consequences", "responsibility", "morality")
FRAME_COLUMNS = {"row": pl.UInt32, "start": pl.Int64, "end": pl.Int64, "frame": pl.String, "cue": pl.String, "negated": pl.Boolean}


@dataclass(frozen=True)
class Codebook:
    """A checked codebook: frames (key, label_en, label_ar, description, generic, tone, negated_as),
    cue forms (form, frame, cue), regex patterns (frame, pattern), negation and voice settings."""

    path: str
    frames: pl.DataFrame
    cues: pl.DataFrame
    patterns: pl.DataFrame
    not_near: pl.DataFrame  # frame, window, regex
    negation_words: tuple[str, ...]
    not_negation: tuple[str, ...]
    negation_window: int
    sides: dict[str, str]  # country code or actor side -> side label

    @functools.cached_property
    def matcher(self) -> NameMatcher:
        return NameMatcher(self.cues.select("form", "frame", "cue"))


def _fail(path: Path, what: str) -> ReferenceDataError:
    return ReferenceDataError(f"{path}: {what}")


def _words(value, path: Path, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        bad = next((w for w in value if not isinstance(w, str)), None) if isinstance(value, list) else value
        hint = ' (YAML reads NO, YES, ON, OFF as true/false: write "NO")' if isinstance(bad, bool) else ""
        raise _fail(path, f"{where} must be a list of words; {bad!r} is not one{hint}.")
    return value


def load_codebook(path: str | os.PathLike | None = None) -> Codebook:
    """Read and check a codebook (default: the package's); cached per path."""
    return _load(str(Path(path) if path else CODEBOOK_PATH))


@functools.cache
def _load(path_text: str) -> Codebook:
    path = Path(path_text)
    if not path.is_file():
        raise ReferenceDataError(f"codebook not found: {path}. Give the path of a YAML codebook (see analysis/resources/codebook.yaml).")
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise _fail(path, f"not valid YAML ({err}).") from None
    except UnicodeDecodeError:
        raise _fail(path, "not UTF-8. Save the codebook as UTF-8.") from None
    if not isinstance(data, dict) or not isinstance(data.get("frames"), list) or not data["frames"]:
        raise _fail(path, "needs a non-empty `frames` list.")
    frames, cues, patterns, not_near = [], [], [], []
    keys = [f.get("key") if isinstance(f, dict) else None for f in data["frames"]]
    for i, frame in enumerate(data["frames"]):
        if not isinstance(frame, dict):
            raise _fail(path, f"frame #{i + 1} is not a mapping of key, labels and cues.")
        key = frame.get("key")
        name = f"frame {key!r}" if key else f"frame #{i + 1}"
        for field in ("key", "label_en", "label_ar", "description"):
            if not isinstance(frame.get(field), str) or not frame[field].strip():
                raise _fail(path, f"{name} needs a `{field}`.")
        if keys.count(key) > 1:
            raise _fail(path, f"{name} appears twice; frame keys must be unique.")
        tone = frame.get("tone", 0)
        if tone not in (-1, 0, 1):
            raise _fail(path, f"{name}: tone must be -1, 0 or 1 (got {tone!r}).")
        generic = _words(frame.get("generic"), path, f"{name}: generic")
        unknown = [g for g in generic if g not in GENERIC_FRAMES]
        if unknown:
            raise _fail(path, f"{name}: unknown generic frame {unknown[0]!r}; use {', '.join(GENERIC_FRAMES)}.")
        negated_as = frame.get("negated_as")
        if negated_as is not None and negated_as not in keys:
            raise _fail(path, f"{name}: negated_as {negated_as!r} is not a frame key.")
        words = _words(frame.get("cues"), path, f"{name}: cues")
        regexes = _words(frame.get("patterns"), path, f"{name}: patterns")
        if not words and not regexes:
            raise _fail(path, f"{name} has no cues or patterns.")
        for pattern in regexes:
            try:
                re.compile(pattern)
                pl.Series([""]).str.contains(pattern)
            except (re.error, pl.exceptions.PolarsError) as err:
                raise _fail(path, f"{name}: pattern {pattern!r} is not a valid regular expression ({err}).") from None
            patterns.append((key, pattern))
        for word in words:
            form = view_form(word)
            variants = [form] + (["ال" + form] if " " not in form and not form.startswith("ال") else [])
            cues += [(v, key, word) for variant in variants for v in _with_tanween(variant)]
        near = frame.get("not_near")
        if near is not None:
            if not isinstance(near, dict) or not isinstance(near.get("window", 4), int):
                raise _fail(path, f"{name}: not_near must be a mapping with `words` and an integer `window`.")
            near_words = _words(near.get("words"), path, f"{name}: not_near.words")
            if near_words:
                alternation = "|".join(re.escape(view_form(w)) for w in near_words)
                not_near.append((key, int(near.get("window", 4)), alternation))
        frames.append((key, frame["label_en"].strip(), frame["label_ar"].strip(), frame["description"].strip(), generic, int(tone), negated_as))
    negation = data.get("negation") or {}
    if not isinstance(negation, dict):
        raise _fail(path, "`negation` must be a mapping with `words`, `not_negation` and `window`.")
    window = negation.get("window", 4)
    if not isinstance(window, int) or window < 1:
        raise _fail(path, f"negation.window must be a positive integer (got {window!r}).")
    sides = {}
    voice = (data.get("voice") or {}).get("sides") or {}
    if not isinstance(voice, dict):
        raise _fail(path, "voice.sides must map a side to a list of country codes.")
    for side, codes in voice.items():
        for code in _words(codes, path, f"voice.sides.{side}"):
            sides[code] = side
    cue_frame = pl.DataFrame(cues, schema={"form": pl.String, "frame": pl.String, "cue": pl.String}, orient="row")
    clash = cue_frame.unique(["form", "frame"]).filter(pl.col("form").is_duplicated())
    if clash.height:
        form = clash["form"][0]
        owners = ", ".join(sorted(clash.filter(pl.col("form") == form)["frame"].to_list()))
        raise _fail(path, f"the cue {clash['cue'][0]!r} is listed under several frames ({owners}); keep it in one.")
    return Codebook(
        path=str(path),
        frames=pl.DataFrame(
            frames,
            schema={"key": pl.String, "label_en": pl.String, "label_ar": pl.String, "description": pl.String, "generic": pl.List(pl.String), "tone": pl.Int8, "negated_as": pl.String},
            orient="row",
        ),
        cues=cue_frame.unique(["form", "frame"], keep="first", maintain_order=True),
        patterns=pl.DataFrame(patterns, schema={"frame": pl.String, "pattern": pl.String}, orient="row"),
        not_near=pl.DataFrame(not_near, schema={"frame": pl.String, "window": pl.Int64, "regex": pl.String}, orient="row"),
        negation_words=tuple(view_form(w) for w in _words(negation.get("words"), path, "negation.words")),
        not_negation=tuple(view_form(w) for w in _words(negation.get("not_negation"), path, "negation.not_negation")),
        negation_window=window,
        sides=sides,
    )


def _last_words(text: pl.Expr, n: int) -> pl.Expr:
    return text.str.extract(rf"((?:\S+\s+){{0,{n}}})$", 1)


def find_frames(view: MatchingView, codebook: Codebook) -> pl.DataFrame:
    """Frame cues of a batch: row, start, end (original offsets), frame, cue, negated."""
    found = codebook.matcher.find(view)
    if codebook.patterns.height:
        extra = [
            find_regex(view.view, pattern, name="cue").select("row", pl.col("start").alias("view_start"), pl.col("end").alias("view_end"), "cue", pl.lit(frame).alias("frame"))
            for frame, pattern in codebook.patterns.iter_rows()
        ]
        found = pl.concat([found.select("row", "view_start", "view_end", "cue", "frame"), *extra], how="diagonal_relaxed")
    if found.height == 0:
        return pl.DataFrame(schema=FRAME_COLUMNS)
    found = resolve_overlaps(found.with_columns(pl.col("row").cast(pl.UInt32)), priority=["frame"])
    before = text_before(view.view, found["row"], found["view_start"], 60)
    after = view.view.gather(found["row"]).str.slice(found["view_end"], 60)
    window = codebook.negation_window
    negation = "|".join(re.escape(w) for w in sorted(codebook.negation_words, key=len, reverse=True))
    exempt = "|".join(re.escape(w) for w in sorted(codebook.not_negation, key=len, reverse=True))
    found = found.with_columns(_last_words(before, window).alias("_before"), after.str.extract(rf"^((?:\s*\S+){{0,4}})", 1).alias("_after"))
    negated = pl.col("_before").str.contains(rf"(?:^|\s)(?:{negation})(?:\s|$)") if negation else pl.lit(False)
    if exempt:
        negated = negated & ~pl.col("_before").str.contains(rf"(?:^|\s)(?:{exempt})(?:\s|$)")
    found = found.with_columns(negated.fill_null(False).alias("negated"))
    for frame, near_window, regex in codebook.not_near.iter_rows():
        near = (
            _last_words(before, near_window).str.contains(rf"(?:^|\s)(?:{regex})(?:\s|$)")
            | after.str.extract(rf"^((?:\s*\S+){{0,{near_window}}})", 1).str.contains(rf"(?:^|\s)(?:{regex})(?:\s|$)")
        ).fill_null(False)
        found = found.filter(~((pl.col("frame") == frame) & near))
    negated_as = dict(codebook.frames.select("key", "negated_as").iter_rows())
    found = found.with_columns(
        pl.when(pl.col("negated")).then(pl.col("frame").replace_strict(negated_as, default=None, return_dtype=pl.String)).otherwise(pl.col("frame")).alias("frame")
    ).filter(pl.col("frame").is_not_null())
    rows = found["row"].to_numpy()
    return found.select(
        "row",
        pl.Series("start", view.to_original(rows, found["view_start"].to_numpy()), dtype=pl.Int64),
        pl.Series("end", view.to_original(rows, found["view_end"].to_numpy(), end=True), dtype=pl.Int64),
        "frame",
        "cue",
        "negated",
    ).cast(FRAME_COLUMNS)


def article_tone(frames: pl.DataFrame, codebook: Codebook) -> pl.DataFrame:
    """(doc_id, tone): the mean tone of an article's tonal cues, in [-1, 1]."""
    tones = codebook.frames.select(pl.col("key").alias("frame"), pl.col("tone").cast(pl.Float64))
    return (
        frames.join(tones, on="frame")
        .filter(pl.col("tone") != 0)
        .group_by("doc_id")
        .agg(pl.col("tone").mean().alias("tone"))
    )
