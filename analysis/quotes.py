"""Quotations and their speakers.

For one batch, from its cue matches (``analysis.events``: speech verbs, source phrases, anonymous
source nouns) and its mentions, vectorized with joins on positions:

* a speech verb's speaker is the first person or organization named after it in the same
  sentence, before the reported clause ("قال الرئيس الأوكراني فولوديمير زيلينسكي إن ...");
  a name right before the verb counts too ("زيلينسكي قال");
* a source phrase names its source: "وفقاً لبيان صادر عن الكرملين", "بحسب الأمم المتحدة";
* an unnamed source stays anonymous, with its affiliation when the text gives one:
  "أفاد مسؤول في البيت الأبيض" (White House), "أكد مسؤولون أمريكيون" (United States);
* a verb with و/ف and no subject of its own continues the last speaker of the article
  ("وأضاف أن ...", not "وتذكر التقارير") when that speaker spoke at most
  ``CONTINUATION_SENTENCES`` sentences before; so does a participle ("موضحاً أن", "مضيفاً");
* quoted text (“…” «…» "…") in a sentence with a speech verb is a direct quote of that
  speaker; otherwise the reported clause after إن/أن is the quote (``direct`` false).

Output rows: row, sentence, start, end (the quoted text), speaker_id (null when anonymous or
unknown), speaker_kind (person / organization / anonymous), affiliation (an actor or place id, or
a country code), direct, continuation, verb.
"""

from __future__ import annotations

import polars as pl

from .arabic import find_regex
from .reference import Reference, view_form

__all__ = ["find_quotes", "QUOTE_COLUMNS"]

SPEAKER_WINDOW = 70  # characters after a verb where its subject may be named
ANONYMOUS_WINDOW = 25
NAMED_AFTER_NOUN = 35  # a name this close after "المتحدث" or "مسؤول" names the source
AFFILIATION_WINDOW = 40
CONTINUATION_SENTENCES = 3
QUOTE_COLUMNS = {
    "row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "speaker_id": pl.String,
    "speaker_kind": pl.String, "affiliation": pl.String, "direct": pl.Boolean, "continuation": pl.Boolean, "verb": pl.String,
}
# words that cannot stand between a verb and its subject: the name after them is somebody else
_NOT_SUBJECT = r"(?:^|\s)(?:على|علي|في|من|الى|إلى|عن|التي|الذي|الذين|ما|مع|بعد|قبل|خلال|حول|بين|هذه|هذا|ل\S+)(?:\s|$)"
# what may follow a verb that continues the last speaker: "وأضاف أن", "وأشار إلى", "وتابع:"
_CONTINUES = r"^\s*[،,]?\s*(?:أن|إن|ان|بأن|بان|أنه|إنه|انه|أنها|إنها|انها|إلى|الى|على|في|قائلا|بالقول|[:“«\"])"
# what ends a speaker's name and starts what was said
_CLAUSE = r"(?:^|\s)(?:إن|أن|ان|إنه|أنه|انه|إنها|أنها|انها|بأن|بان|بأنه|بأنها)(?:\s|$)|[:“«\"]"
_QUOTED = r"“[^”\n]{3,}”|«[^»\n]{3,}»|\"[^\"\n]{3,}\""


def _between(texts: pl.Series, rows: pl.Series, start: pl.Series, end: pl.Series) -> pl.Series:
    """The original text of each row between two offsets (empty when end <= start)."""
    length = (end - start).clip(0)
    return texts.gather(rows).str.slice(start, length)


def _first_after(events: pl.DataFrame, mentions: pl.DataFrame, *, window: int, at: str = "end") -> pl.DataFrame:
    """The first mention starting after each event's ``at`` offset in the same sentence, within ``window``."""
    right = mentions.select("row", pl.col("start").alias("_m_start"), pl.col("end").alias("_m_end"), pl.col("sentence").alias("_m_sentence"), "entity_id", "entity_kind").sort("row", "_m_start")
    joined = events.sort("row", at).join_asof(right, left_on=at, right_on="_m_start", by="row", strategy="forward", check_sortedness=False)
    near = (pl.col("_m_sentence") == pl.col("sentence")) & ((pl.col("_m_start") - pl.col(at)) <= window)
    return joined.with_columns(
        *(pl.when(near).then(pl.col(c)).alias(c) for c in ("_m_start", "_m_end", "entity_id", "entity_kind"))
    ).drop("_m_sentence")


def find_quotes(
    texts: pl.Series, sentences: pl.DataFrame, cues: pl.DataFrame, mentions: pl.DataFrame, reference: Reference, nationalities: pl.DataFrame
) -> pl.DataFrame:
    """The quotations of a batch (see module docstring) from its texts, sentences, cues and mentions.

    ``cues`` and ``mentions`` are in original offsets with their sentence; ``nationalities`` maps
    written nationality adjectives (column form) to a country (for anonymous sources).
    """
    speakers = mentions.filter(pl.col("entity_kind").is_in(["person", "organization"]))
    people = mentions.filter(pl.col("entity_kind") == "person")
    events = cues.filter(pl.col("role").is_in(["speech_verb", "speech_source", "speech_participle"])).select(
        "row", "sentence", "start", "end", "role", pl.col("form").alias("verb"), "prefix_len"
    )
    if events.height == 0:
        return pl.DataFrame(schema=QUOTE_COLUMNS)
    events = events.with_row_index("event")
    # the subject after the verb: a person before an organization ("المتحدث باسم الكرملين ديمتري
    # بيسكوف"), and no reported clause may come between
    first_person = _first_after(events, people, window=SPEAKER_WINDOW).select(
        "event", pl.col("_m_start").alias("_p_start"), pl.col("_m_end").alias("_p_end"), pl.col("entity_id").alias("_person")
    )
    after = _first_after(events, speakers, window=SPEAKER_WINDOW).join(first_person, on="event", how="left")
    # ... unless the person is joined by "و" ("وزارة الخارجية الأمريكية وأوميروف": two sources, the first speaks)
    joined_by_and = texts.gather(after["row"]).str.slice((after["_p_start"].fill_null(1) - 1).clip(0), 1) == "و"
    after = after.with_columns(joined_by_and.alias("_and"))
    person_first = pl.col("_person").is_not_null() & (pl.col("entity_kind") == "organization") & ~pl.col("_and")
    after = after.with_columns(
        pl.when(person_first).then(pl.col("_p_start")).otherwise(pl.col("_m_start")).alias("_m_start"),
        pl.when(person_first).then(pl.col("_p_end")).otherwise(pl.col("_m_end")).alias("_m_end"),
        pl.when(person_first).then(pl.col("_person")).otherwise(pl.col("entity_id")).alias("entity_id"),
    ).drop("_p_start", "_p_end", "_person")
    gap = _between(texts, after["row"], after["end"], after["_m_start"].fill_null(0))
    blocked = pl.col("_gap").str.contains(_CLAUSE) | (pl.col("_gap").str.contains(_NOT_SUBJECT) & (pl.col("role") == "speech_verb"))
    after = after.with_columns(gap.alias("_gap")).with_columns(
        pl.when(blocked | (pl.col("role") == "speech_participle")).then(None).otherwise(pl.col("entity_id")).alias("entity_id")
    ).with_columns(pl.when(pl.col("entity_id").is_null()).then(None).otherwise(pl.col("_m_start")).alias("_m_start"))
    # a name right before the verb ("زيلينسكي قال")
    before = speakers.select("row", pl.col("end").alias("_b_end"), pl.col("sentence").alias("_b_sentence"), pl.col("entity_id").alias("_before_id")).sort("row", "_b_end")
    after = after.sort("row", "start").join_asof(before, left_on="start", right_on="_b_end", by="row", strategy="backward", check_sortedness=False).with_columns(
        pl.when((pl.col("_b_sentence") == pl.col("sentence")) & ((pl.col("start") - pl.col("_b_end")) <= 2)).then(pl.col("_before_id")).alias("_before_id")
    )
    # anonymous sources right after the verb, and what they belong to
    anonymous = cues.filter(pl.col("role") == "anonymous").select("row", pl.col("start").alias("_a_start"), pl.col("end").alias("_a_end"), pl.col("sentence").alias("_a_sentence")).sort("row", "_a_start")
    # ... unless a name follows the noun: "المتحدث باسم الكرملين ديمتري بيسكوف" is named
    after = after.sort("row", "end").join_asof(anonymous, left_on="end", right_on="_a_start", by="row", strategy="forward", check_sortedness=False).with_columns(
        ((pl.col("_a_sentence") == pl.col("sentence")) & ((pl.col("_a_start") - pl.col("end")) <= ANONYMOUS_WINDOW)
         & (pl.col("_m_start").is_null() | (pl.col("_m_start") > pl.col("_a_end") + NAMED_AFTER_NOUN))).fill_null(False).alias("_anonymous")
    )
    affiliations = _affiliations(texts, after.filter(pl.col("_anonymous")), mentions, nationalities)
    after = after.join(affiliations, on="event", how="left")
    speaker = pl.when(pl.col("_anonymous")).then(None).otherwise(pl.coalesce("entity_id", "_before_id"))
    after = after.with_columns(speaker.alias("speaker_id"))
    # continuations: "وأضاف" with nobody named continues the last speaker of the article
    following = texts.gather(after["row"]).str.slice(after["end"], 12)
    after = after.with_columns(following.str.contains(_CONTINUES).alias("_continues")).sort("row", "start").with_columns(
        (
            pl.col("speaker_id").is_null() & ~pl.col("_anonymous")
            & (((pl.col("role") == "speech_verb") & (pl.col("prefix_len") > 0) & pl.col("_continues")) | (pl.col("role") == "speech_participle"))
        ).alias("continuation")
    )
    named = after.filter(pl.col("speaker_id").is_not_null()).select("row", pl.col("start").alias("_p_start"), pl.col("sentence").alias("_p_sentence"), pl.col("speaker_id").alias("_previous")).sort("row", "_p_start")
    after = after.join_asof(named, left_on="start", right_on="_p_start", by="row", strategy="backward", check_sortedness=False, allow_exact_matches=False).with_columns(
        pl.when(pl.col("continuation") & ((pl.col("sentence") - pl.col("_p_sentence")) <= CONTINUATION_SENTENCES)).then(pl.col("_previous")).otherwise(pl.col("speaker_id")).alias("speaker_id")
    ).with_columns((pl.col("continuation") & pl.col("speaker_id").is_not_null()).alias("continuation"))
    events = after.filter(pl.col("speaker_id").is_not_null() | pl.col("_anonymous"))
    kinds = pl.concat([
        reference.actors.select(pl.col("actor_id").alias("speaker_id"), pl.col("kind").alias("speaker_kind")),
        mentions.select(pl.col("entity_id").alias("speaker_id"), pl.col("entity_kind").alias("speaker_kind")),
    ]).unique("speaker_id")
    events = events.join(kinds, on="speaker_id", how="left").with_columns(
        pl.when(pl.col("_anonymous")).then(pl.lit("anonymous")).otherwise(pl.col("speaker_kind")).alias("speaker_kind")
    )
    return _quote_spans(texts, sentences, events)


def _affiliations(texts: pl.Series, anonymous: pl.DataFrame, mentions: pl.DataFrame, nationalities: pl.DataFrame) -> pl.DataFrame:
    """The organization, place or nationality that follows an anonymous source ("مسؤول في البيت الأبيض")."""
    if anonymous.height == 0:
        return pl.DataFrame(schema={"event": pl.UInt32, "affiliation": pl.String})
    things = mentions.filter(pl.col("entity_kind").is_in(["organization", "place"])).select("row", pl.col("start").alias("_t_start"), pl.col("sentence").alias("_t_sentence"), pl.col("entity_id").alias("_thing")).sort("row", "_t_start")
    joined = anonymous.sort("row", "_a_end").join_asof(things, left_on="_a_end", right_on="_t_start", by="row", strategy="forward", check_sortedness=False)
    joined = joined.with_columns(
        pl.when((pl.col("_t_sentence") == pl.col("sentence")) & ((pl.col("_t_start") - pl.col("_a_end")) <= AFFILIATION_WINDOW)).then(pl.col("_thing")).alias("_thing"),
        # the next word may be a nationality: "مسؤولون أمريكيون"
        texts.gather(joined["row"]).str.slice(joined["_a_end"], 20).str.extract(r"^\s*(\S+)", 1).alias("_next"),
    )
    words = {w: view_form(w) for w in joined["_next"].drop_nulls().unique().to_list()}
    joined = joined.with_columns(pl.col("_next").replace_strict(words, default=None, return_dtype=pl.String)).join(
        nationalities.select(pl.col("form").alias("_next"), pl.col("country").alias("_country")), on="_next", how="left"
    )
    return joined.select("event", pl.coalesce("_country", "_thing").alias("affiliation"))


def _quote_spans(texts: pl.Series, sentences: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """The quoted text of each speech event: quotation marks in its sentence, else the reported clause."""
    if events.height == 0:
        return pl.DataFrame(schema=QUOTE_COLUMNS)
    bounds = sentences.select("row", "sentence", pl.col("start").alias("_s_start"), pl.col("end").alias("_s_end"))
    events = events.join(bounds, on=["row", "sentence"], how="left")
    starts = bounds.select("row", "_s_start", "sentence").sort("row", "_s_start")
    # quotation marks: each quotation goes to the nearest speech event of its sentence
    quoted = find_regex(texts, _QUOTED, name="_q").select("row", (pl.col("start") + 1).alias("q_start"), (pl.col("end") - 1).alias("q_end"))
    quoted = quoted.sort("row", "q_start").join_asof(starts, left_on="q_start", right_on="_s_start", by="row", strategy="backward", check_sortedness=False)
    direct = quoted.join(events.select("row", "sentence", "event", pl.col("start").alias("_e_start")), on=["row", "sentence"])
    direct = direct.with_columns((pl.col("q_start") - pl.col("_e_start")).abs().alias("_distance")).sort("row", "q_start", "_distance").unique(
        ["row", "q_start"], keep="first", maintain_order=True
    ).select("event", pl.col("q_start").alias("start"), pl.col("q_end").alias("end"), pl.lit(True).alias("direct"))
    # reported speech: from the clause opener after the speaker (or the verb) to the end of the sentence
    reported = events.join(direct.select("event").unique(), on="event", how="anti").with_columns(
        pl.max_horizontal("end", pl.col("_m_end").fill_null(0)).alias("_anchor")
    )
    openers = find_regex(texts, _CLAUSE, name="_o").select("row", pl.col("end").alias("_o_end"), pl.col("start").alias("_o_start")).sort("row", "_o_start")
    reported = reported.sort("row", "_anchor").join_asof(openers, left_on="_anchor", right_on="_o_start", by="row", strategy="forward", check_sortedness=False)
    source = pl.col("role") == "speech_source"
    reported = reported.with_columns(
        # "قُتل عشرات الآلاف، وفقاً للأمم المتحدة": what the source says comes before it
        pl.when(source).then(pl.col("_s_start"))
        .when(pl.col("_o_start").is_not_null() & (pl.col("_o_start") < pl.col("_s_end"))).then(pl.col("_o_end"))
        .otherwise(pl.col("_anchor")).alias("_from"),
        pl.when(source).then(pl.col("start") - pl.col("prefix_len")).otherwise(pl.col("_s_end")).alias("_to"),
    )
    clause = _between(texts, reported["row"], reported["_from"], reported["_to"])
    reported = reported.with_columns(clause.alias("_clause")).with_columns(
        (pl.col("_from") + pl.col("_clause").str.len_chars() - pl.col("_clause").str.strip_chars_start().str.len_chars()).cast(pl.Int64).alias("start"),
        (pl.col("_to") - pl.col("_clause").str.len_chars() + pl.col("_clause").str.strip_chars_end(" .،,؛:").str.len_chars()).cast(pl.Int64).alias("end"),
    ).filter(pl.col("end") - pl.col("start") >= 3).select("event", "start", "end", pl.lit(False).alias("direct"))
    spans = pl.concat([direct, reported])
    out = events.select("event", "row", "sentence", "speaker_id", "speaker_kind", "affiliation", "continuation", "verb").join(spans, on="event")
    return out.select(list(QUOTE_COLUMNS)).cast(QUOTE_COLUMNS).sort("row", "start")
