"""The words that report meetings and speech (``resources/events.yaml``) and where they occur.

``event_cues()`` turns the vocabulary into (form, role) rows that join the single Aho-Corasick
pass of ``EntityFinder``; ``cue_table`` turns the matches of one batch into rows in original
character offsets with their sentence. Roles:

meeting_noun, meeting_past, meeting_present, meeting_future, meeting_discussion, meeting_auxiliary, meeting_handover; denied, cancelled, postponed,
held, held_adjective, planned, reversed; phone, video, in_person; relational; attendance; counterpart; topic; speech_verb, speech_source,
speech_participle, anonymous, speech_anaphor, speech_impersonal; duration_lead; and ``title`` (from the discovery
words of the same pass).
"""

from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path

import polars as pl
import yaml

from .arabic import MatchingView
from .errors import ReferenceDataError
from .reference import RESOURCES, view_form
from .yamltext import parse_yaml

__all__ = ["EVENTS_PATH", "event_vocabulary", "event_cues", "cue_table", "CUE_SCHEMA"]

EVENTS_PATH = RESOURCES / "events.yaml"
CUE_SCHEMA = {"row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "role": pl.String, "form": pl.String, "prefix_len": pl.Int64}

_ROLES = {
    ("meeting", "nouns"): "meeting_noun",
    ("meeting", "past"): "meeting_past",
    ("meeting", "present"): "meeting_present",
    ("meeting", "future"): "meeting_future",
    ("meeting", "discussion"): "meeting_discussion",
    ("meeting", "auxiliary"): "meeting_auxiliary",
    ("meeting", "handover"): "meeting_handover",
    ("status", "denied"): "denied",
    ("status", "refused"): "refused",
    ("status", "agreed"): "agreed",
    ("status", "cancelled"): "cancelled",
    ("status", "postponed"): "postponed",
    ("status", "held"): "held",
    ("status", "held_adjectives"): "held_adjective",
    ("status", "planned"): "planned",
    ("status", "reversed"): "reversed",
    ("mode", "phone"): "phone",
    ("mode", "video"): "video",
    ("mode", "in_person"): "in_person",
    ("relational",): "relational",
    ("topics",): "topic",
    ("processes",): "process",
    ("keyword_lines",): "keyword_line",
    ("speech", "verbs"): "speech_verb",
    ("speech", "sources"): "speech_source",
    ("speech", "participles"): "speech_participle",
    ("speech", "anonymous"): "anonymous",
    ("speech", "anaphors"): "speech_anaphor",
    ("speech", "impersonal"): "speech_impersonal",
    ("attendance",): "attendance",
    ("presence",): "presence",
    ("counterparts",): "counterpart",
    ("bloc_counterparts", "words"): "bloc_counterpart",
    ("duration", "lead"): "duration_lead",
}


@functools.cache
def event_vocabulary(path: Path = EVENTS_PATH) -> dict:
    """The parsed ``events.yaml``; a missing list raises ``ReferenceDataError`` naming it."""
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ReferenceDataError(f"{path} cannot be read as YAML: {err}") from None
    for keys in _ROLES:
        node = data
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                raise ReferenceDataError(f"{path} lacks the list {'.'.join(keys)}.")
            node = node[key]
        if not isinstance(node, list) or not all(isinstance(w, str) for w in node):
            raise ReferenceDataError(f"{path}: {'.'.join(keys)} must be a list of words.")
    return data


def _word_with_tanween(word: str) -> list[str]:
    """A word and, when it ends in alef or hamza, its spellings with tanween ("مضيفا" -> "مضيفاً",
    "مضيفًا"; "لقاء" -> "لقاءً")."""
    if word.endswith("ء"):
        return [word, word + "\u064b"]
    if not word.endswith("ا"):
        return [word]
    return [word, word + "\u064b", word[:-1] + "\u064bا"]


def _with_tanween(form: str) -> list[str]:
    """A form and its spellings with tanween on each word that ends in alef or hamza ("اتصالا هاتفيا"
    -> "اتصالاً هاتفياً", ...).

    The matching view keeps tanween (see ``analysis.arabic``), so adverbial forms need their own entries.
    """
    return [" ".join(words) for words in itertools.product(*(_word_with_tanween(w) for w in form.split(" ")))]


@functools.cache
def event_cues() -> pl.DataFrame:
    """(form, role) rows of every cue word in its matching view; a form keeps its first role."""
    data = event_vocabulary()
    rows = []
    for keys, role in _ROLES.items():
        node = data
        for key in keys:
            node = node[key]
        for word in node:
            form = view_form(word)
            # the matcher adds proclitics, not the article: "المحادثات", "المسؤولون" (not to a plural with
            # its pronoun: "مستقبليه", those who received him, is no "المستقبلية", future)
            bare = role in ("meeting_noun", "anonymous") and not form.startswith("ال") and not re.search(r"ي(?:ه|ها|هم|هما)$", form)
            article = [form, "ال" + form] if bare else [form]
            # "كان مستشارا للرئيس": a relational noun as a predicate, in the accusative
            if role == "relational" and " " not in form and form[-1] not in "اةيىه":  # (the view writes ة as ه)
                article.append(form + "ا")
            rows += [(f, role) for a in article for f in _with_tanween(a)]
    frame = pl.DataFrame(rows, schema={"form": pl.String, "role": pl.String}, orient="row")
    return frame.filter(pl.col("form") != "").unique(["form", "role"], maintain_order=True)


def cue_table(view: MatchingView, hits: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame | None = None) -> pl.DataFrame:
    """The cue matches of a batch (rows of ``hits`` whose role is an event role) in original offsets.

    A cue inside the name of a person of ``mentions`` (row, start, end, entity_kind) is none: the
    speech verb "يرى" read with the clitic ك in "كيري" (Kerry). Titles stay (they may open a name)."""
    roles = set(_ROLES.values()) | {"title"}
    cues = hits.filter(pl.col("role").is_in(list(roles)))
    if cues.height == 0:
        return pl.DataFrame(schema=CUE_SCHEMA)
    rows = cues["row"].to_numpy()
    cues = cues.with_columns(
        pl.Series("start", view.to_original(rows, cues["view_start"].to_numpy()), dtype=pl.Int64),
        pl.Series("end", view.to_original(rows, cues["view_end"].to_numpy(), end=True), dtype=pl.Int64),
    )
    starts = sentences.select("row", pl.col("start").alias("_s"), "sentence").sort("row", "_s")
    cues = cues.sort("row", "start").join_asof(
        starts, left_on="start", right_on="_s", by="row", strategy="backward", check_sortedness=False
    ).with_columns(pl.col("sentence").fill_null(0))
    cues = cues.select(list(CUE_SCHEMA)).cast(CUE_SCHEMA).unique(["row", "start", "end", "role"], keep="first").sort("row", "start")
    if mentions is None or mentions.height == 0:
        return cues
    names = mentions.filter(pl.col("entity_kind") == "person").select("row", pl.col("start").alias("_n_start"), pl.col("end").alias("_n_end")).sort("row", "_n_start")
    inside = cues.join_asof(names, left_on="start", right_on="_n_start", by="row", strategy="backward", check_sortedness=False).select(
        ((pl.col("end") <= pl.col("_n_end")) & (pl.col("role") != "title")).fill_null(False)
    ).to_series()
    return cues.filter(~inside)


def duration_units() -> tuple[dict[str, float], dict[str, float]]:
    """(unit word -> minutes, number word -> value) in matching view."""
    data = event_vocabulary()["duration"]
    return (
        {view_form(k): float(v) for k, v in data["units"].items()},
        {view_form(k): float(v) for k, v in data["numbers"].items()},
    )
