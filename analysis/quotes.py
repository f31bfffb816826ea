"""Quotations and their speakers.

For one batch, from its cue matches (``analysis.events``: speech verbs, source phrases, anonymous
source nouns, anaphoric source nouns) and its mentions, vectorized with joins on positions:

* a speech verb's speaker is the first person or organization named after it in the same
  sentence, before the reported clause ("قال الرئيس الفرنسي إيمانويل ماكرون إن ..."); a
  title with no name stands for the person the article names with it ("وقال الرئيس الأمريكي
  للصحافيين إن", see ``title_references``); a name right before the verb counts too
  ("ماكرون قال", "وكالة الأنباء الكورية الجنوبية قالت"); so does a state or capital named right
  after it ("قالت كوريا الشمالية إنها", "قالت سيول إن": speaker_kind place);
* "وقال المكتب", "وأفادت الوزارة": the organization with that head noun named last before;
  "وأضاف البيان": the source of the previous quotation;
* a source phrase names its source: "وفقاً لبيان صادر عن الكرملين", "بحسب الأمم المتحدة";
* an unnamed source stays anonymous, with its affiliation when the text gives one:
  "أفاد مسؤول في البيت الأبيض" (White House), "أكد مسؤولون أمريكيون" (United States),
  "وتقول وسائل إعلام أمريكية", "فكثير من المحللين يقولون إن" (before the verb); a name after
  "باسم"/"بلسان" is whom the source speaks for ("ناطق بلسان نتنياهو"), not the source;
* a verb with no subject of its own ("وأضاف أن", "وقال للصحفيين إن", "لكنه قال", "قال معاليه",
  a participle "موضحاً أن") continues the previous quotation's source, named or anonymous, when it
  spoke at most ``CONTINUATION_SENTENCES`` sentences before; a verb that reports speech from a
  source the text does not resolve ("وقالت الوكالة الرسمية") ends that chain;
* speech verbs inside quotation marks belong to the quotation, not to a new one;
* quoted text (“…” «…» "…") in a sentence with a speech verb is a direct quote of the speech
  event before it (else after it); otherwise the reported clause after إن/أن is the quote
  (``direct`` false), up to the next speech verb of the sentence.

Output rows: row, sentence, start, end (the quoted text), speaker_id (null when anonymous or
unknown), speaker_kind (person / organization / place / anonymous), affiliation (an actor or place
id, or a country code), direct, continuation, verb.
"""

from __future__ import annotations

import re

import polars as pl

from .arabic import WORD_END, find_regex, text_before, text_between
from .agency_names import state_agencies
from .reference import Reference, view_form, written_nationalities

__all__ = ["find_quotes", "title_references", "QUOTE_COLUMNS"]

SPEAKER_WINDOW = 70  # characters after a verb where its subject may be named
ANONYMOUS_WINDOW = 25
NAMED_AFTER_NOUN = 50  # a person this close after "المتحدث" or "مسؤول" names the source
AFFILIATION_WINDOW = 40
ANONYMOUS_BEFORE = 50  # "فكثير من المحللين يقولون إن": an unnamed source before its verb
CONTINUATION_SENTENCES = 3
CHAIN_LINKS = 4  # continuations of continuations followed at most
QUOTE_COLUMNS = {
    "row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "speaker_id": pl.String,
    "speaker_kind": pl.String, "affiliation": pl.String, "direct": pl.Boolean, "continuation": pl.Boolean, "verb": pl.String,
}
# words that cannot stand between a verb and its subject: the name after them is somebody else
_NOT_SUBJECT = r"(?:^|\s)(?:على|علي|في|من|الى|إلى|عن|التي|الذي|الذين|ما|مع|بعد|قبل|خلال|حول|بين|هذه|هذا|ل\S+)(?:\s|$)"
# verbs of describing, which report their object with no opener ("وصف اللقاء بالإيجابي")
_DESCRIBING = r"^(?:وصف|وصفت|يصف|تصف|واصفا|واصفه)$"
# the head of an organization that is somebody's office ("مكتب المستشارة", "ديوان الرئاسة")
_OFFICE = r"^(?:مكتب|ديوان)\s"
# what may stand between a verb with no subject and what it reports: "وأضاف أن", "وأشار إلى",
# "وتابع:", "وقال للصحفيين، الجمعة، إن", "وقال في بيان إن", "قال معاليه إن"
_ASIDE = (
    r"(?:ل\S{3,}|في\s+\S+|عبر\s+\S+|خلال\s+\S+|أيضا\S?|ايضا\S?|كذلك|سابق|معاليه|معاليها|سموه|سموها|فخامته|سيادته"
    r"|اليوم|أمس|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)"
)
_CONTINUES = rf"^(?:\s*[،,]?\s*{_ASIDE})*\s*[،,]?\s*(?:أن|إن|ان|بأن|بان|أنه|إنه|انه|أنها|إنها|انها|إلى|الى|على|في|قائلا|بالقول|[:“«\"])"
# the present tense of "say" (not "توضح", "تشير": "الخلافات توضح الحاجة", the differences show a need)
_PRESENT_SAY = r"^[يت]قول(?:ون|ان)?$"
# the conjunctions and particles that may open a sentence before its verb; any other word is a subject
_OPENING_PARTICLES = r"(?:^|\s)(?:و|ف)?(?:لكن|لكنه|لكنها|ولكن|كما|ثم|قد|بل|إذ)(?:\s|$)"
_A_WORD = r"[^\s،,.:؛\"«“]{2,}"
# a pronoun or particle that carries the subject of the sentence before: "لكنه قال", "كما نفى"
_CARRIED_LEAD = r"(?:^|\s)(?:و|ف)?(?:لكنه|لكنها|ولكنه|ولكنها|كما|وهو|وهي|ثم)\s*$"
# what may open a new clause of the sentence before a verb: "، في حين أشار", "بينما قالت"
_CLAUSE_LEAD = r"(?:^|[.،,:؛!?؟]\s*|(?:^|\s)(?:و|ف)?(?:لكن|لكنه|لكنها|كما|بينما|فيما|حيث|حين|ثم|بعدما|عندما|وقد|قد|كان|كانت))\s*$"
# what ends a speaker's name and starts what was said
_CLAUSE = rf"(?:^|\s)(?:إن|أن|ان|إنه|أنه|انه|إنها|أنها|انها|بأن|بان|بأنه|بأنها|فإن|فان|فإنه|فإنها){WORD_END}|[:“«\"]"
_QUOTED = r"“[^”\n]{3,}”|«[^»\n]{3,}»|\"[^\"\n]{3,}\""
# "كان" and up to four words of a title before the name of its subject ("وكان رئيس كوريا الجنوبية")
_WAS_TITLED = r"(?:^|\s)(?:و|ف)?(?:كان|كانت)\s+(?:[^\s.،,:؛!?؟]+\s+){1,4}$"
# "في تصريح سابق لوزير الخارجية الأميركي جون كيري قال": a statement, interview or speech "of" the name
# (its title or itself with ل) before the verb
_STATEMENT_BY = (
    r"(?:^|\s)(?:و|ف)?(?:في|خلال)\s+(?:تصريح|تصريحات|حديث|مقابلة|كلمة|بيان)\S*\s+(?:[^\s.،,:؛!?؟]+\s+){0,2}?"
    r"(?:ل\S+\s+(?:[^\s.،,:؛!?؟]+\s+){0,4}|ل)$"
)
STATEMENT_REACH = 70  # characters before the name searched for it
# a verb of refusing (and its subject) right before a speech verb: "ورفض ماكرون كشف تفاصيل"
_REFUSED = r"(?:^|\s)(?:و|ف)?(?:رفض|رفضت|يرفض|ترفض|امتنع|امتنعت|يمتنع|تمتنع)(?:\s+عن)?\s+(?:\S+\s+)?$"
REFUSAL_REACH = 30  # characters before the speech verb searched for it
# "أما ... فقال": the name after "as for" is the subject of the verb with ف
_AMMA = r"(?:^|\s)أما\s+[^.!?؟:]*$"
AMMA_REACH = 50  # characters before the name searched for "أما"
# between a name and its verb: only adjectives ("وكالة الأنباء الكورية الجنوبية قالت")
_ADJECTIVES = r"^[\s،,]*(?:(?:ال|و?ال)\S+[\s،,]*){0,3}(?:قد\s*)?$"
_RELATIVE = r"(?:^|\s)(?:الذي|التي|الذين|اللذين|اللتين|اللذان)(?:\s|$)"
# the anaphors that take up the previous quotation's source rather than an organization's name
_SOURCE_ANAPHORS = ["البيان", "التقرير"]


def _first_after(events: pl.DataFrame, mentions: pl.DataFrame, *, window: int, at: str = "end") -> pl.DataFrame:
    """The first mention starting after each event's ``at`` offset in the same sentence, within ``window``."""
    right = mentions.select("row", pl.col("start").alias("_m_start"), pl.col("end").alias("_m_end"), pl.col("sentence").alias("_m_sentence"), "entity_id", "entity_kind").sort("row", "_m_start")
    joined = events.sort("row", at).join_asof(right, left_on=at, right_on="_m_start", by="row", strategy="forward", check_sortedness=False)
    near = (pl.col("_m_sentence") == pl.col("sentence")) & ((pl.col("_m_start") - pl.col(at)) <= window)
    return joined.with_columns(
        *(pl.when(near).then(pl.col(c)).alias(c) for c in ("_m_start", "_m_end", "entity_id", "entity_kind"))
    ).drop("_m_sentence")


def _quoted_spans(texts: pl.Series) -> pl.DataFrame:
    """(row, q_start, q_end) of the text inside quotation marks."""
    return find_regex(texts, _QUOTED, name="_q").select("row", (pl.col("start") + 1).alias("q_start"), (pl.col("end") - 1).alias("q_end")).sort("row", "q_start")


def _outside_quotations(events: pl.DataFrame, quoted: pl.DataFrame) -> pl.DataFrame:
    """Drop the speech events inside quoted text: "بقولها إن "كيم قال إنه يتفهم..."" is one quotation."""
    inside = events.sort("row", "start").join_asof(quoted, left_on="start", right_on="q_start", by="row", strategy="backward", check_sortedness=False)
    return inside.filter(pl.col("q_end").is_null() | (pl.col("start") >= pl.col("q_end"))).drop("q_start", "q_end")


def _outside_reported(texts: pl.Series, events: pl.DataFrame) -> pl.DataFrame:
    """Drop a verb inside the clause another verb of the sentence reports: in "قال المكتب إنها
    أبلغت الرئيس بأنها ..." the office speaks, once. A verb that opens a clause of its own ("،
    في حين أشار", "وأضاف", "مشيراً") is kept."""
    events = events.sort("row", "start").with_columns(
        pl.col("end").shift(1).over("row").alias("_prev_end"), pl.col("sentence").shift(1).over("row").alias("_prev_sentence")
    )
    between = text_between(texts, events["row"], events["_prev_end"].fill_null(0), events["start"] - events["prefix_len"])
    lead = text_before(texts, events["row"], events["start"] - events["prefix_len"], 12)
    nested = (
        (pl.col("_prev_sentence") == pl.col("sentence")) & (pl.col("role") == "speech_verb") & (pl.col("prefix_len") == 0)
        & between.str.contains(_CLAUSE) & ~lead.str.contains(_CLAUSE_LEAD) & ~lead.str.contains(_CARRIED_LEAD)
    ).fill_null(False)
    return events.filter(~nested).drop("_prev_end", "_prev_sentence")


def _named_subjects(texts: pl.Series, events: pl.DataFrame, cues: pl.DataFrame, speakers: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """Each event with the person or organization named as its subject after the verb
    (entity_id, entity_kind, _m_start, _m_end; null when none)."""
    # a person before an organization ("المتحدث باسم البيت الأبيض جون كيربي"), and no reported clause may come between
    first_person = _first_after(events, people, window=SPEAKER_WINDOW).select(
        "event", pl.col("_m_start").alias("_p_start"), pl.col("_m_end").alias("_p_end"), pl.col("entity_id").alias("_person")
    )
    after = _first_after(events, speakers, window=SPEAKER_WINDOW).join(first_person, on="event", how="left")
    # ... unless the person is joined by "و" ("وزارة الخارجية الأمريكية وكوليبا": two sources, the first speaks)
    joined_by_and = texts.gather(after["row"]).str.slice((after["_p_start"].fill_null(1) - 1).clip(0), 1) == "و"
    after = after.with_columns(joined_by_and.alias("_and"))
    # (... unless the organization is the person's office: "قال مكتب المستشارة الألمانية أنجيلا ميركل")
    office = texts.gather(after["row"]).str.slice(after["_m_start"].fill_null(0), 6).str.contains(_OFFICE)
    after = after.with_columns(office.alias("_office"))
    # (... nor a person named in what the organization says: "وقال البيت الأبيض إن ماكرون سيزور باريس")
    said = text_between(texts, after["row"], after["_m_end"].fill_null(0), after["_p_start"].fill_null(0)).str.contains(_CLAUSE)
    after = after.with_columns(said.alias("_said"))
    person_first = pl.col("_person").is_not_null() & (pl.col("entity_kind") == "organization") & ~pl.col("_and") & ~pl.col("_office") & ~pl.col("_said")
    after = after.with_columns(
        pl.when(person_first).then(pl.col("_p_start")).otherwise(pl.col("_m_start")).alias("_m_start"),
        pl.when(person_first).then(pl.col("_p_end")).otherwise(pl.col("_m_end")).alias("_m_end"),
        pl.when(person_first).then(pl.col("_person")).otherwise(pl.col("entity_id")).alias("entity_id"),
        pl.when(person_first).then(pl.lit("person")).otherwise(pl.col("entity_kind")).alias("entity_kind"),
    ).drop("_p_start", "_p_end", "_person", "_and", "_office", "_said")
    # "وقال زعيم الجمهوريين في مجلس الشيوخ، ميتش ماكونيل، إن": after a title, "في" belongs to it
    title_starts = cues.filter((pl.col("role") == "title") & (pl.col("prefix_len") == 0)).select("row", pl.col("start").alias("_t_start")).unique().sort("row", "_t_start")
    after = after.sort("row", "end").join_asof(title_starts, left_on="end", right_on="_t_start", by="row", strategy="forward", check_sortedness=False)
    # (a name in quotation marks opens no quotation: "وقالت «نيويورك تايمز» إن", "وقالت صحيفة "الرياض" إن";
    # but "وأضافت "الرئيس يجب أن ..."" does)
    closed = texts.gather(after["row"]).str.slice(after["_m_end"].fill_null(0), 1).str.contains(r"^[”»\"]$")
    gap = text_between(texts, after["row"], after["end"], after["_m_start"].fill_null(0))
    gap = pl.Series(gap).zip_with(~closed.fill_null(False), gap.str.replace(r"[“«\"]\s*$", " "))
    principal = text_before(texts, after["row"], after["_m_start"].fill_null(0), 7)
    after = after.with_columns(
        gap.alias("_gap"), principal.alias("_principal"), ((pl.col("_t_start") - pl.col("end")) <= 2).fill_null(False).alias("_titled")
    )
    blocked = (
        pl.col("_gap").str.contains(_CLAUSE)
        | (pl.col("_gap").str.contains(_NOT_SUBJECT) & (pl.col("role") == "speech_verb") & ~pl.col("_titled"))
        # after a title, its holder is named in apposition, once: "زعيم الديمقراطيين في الكونغرس،
        # تشاك شومر، بوش" names Bush as the object, not the speaker
        | (pl.col("_gap").str.contains(_NOT_SUBJECT) & pl.col("_titled") & (pl.col("_gap").str.count_matches(r"[،,]") > 1))
        # "ناطق بلسان نتنياهو": whom the source speaks for
        | pl.col("_principal").str.contains(r"(?:باسم|بلسان)\s*$")
    )
    # "أكد كيم والرئيس الكوري الجنوبي مون التزامهما": a joint statement has no one speaker
    others = people.select("row", pl.col("start").alias("_j_start"), pl.col("sentence").alias("_j_sentence")).sort("row", "_j_start")
    after = after.with_columns(pl.col("_m_end").fill_null(-1).alias("_j_from")).sort("row", "_j_from").join_asof(
        others, left_on="_j_from", right_on="_j_start", by="row", strategy="forward", check_sortedness=False
    )
    joint_gap = text_between(texts, after["row"], after["_j_from"].clip(0), after["_j_start"].fill_null(0))
    joint = (
        (pl.col("_j_sentence") == pl.col("sentence")) & (pl.col("_j_from") >= 0) & ((pl.col("_j_start") - pl.col("_j_from")) <= 40)
        & pl.col("_joint_gap").str.contains(r"^\s*و\S*") & ~pl.col("_joint_gap").str.contains(r"[،,]|" + _CLAUSE)
    )
    after = after.with_columns(joint_gap.alias("_joint_gap")).with_columns(joint.fill_null(False).alias("_joint")).with_columns(
        pl.when(blocked | (pl.col("role") == "speech_participle")).then(None).otherwise(pl.col("entity_id")).alias("entity_id")
    ).drop("_j_start", "_j_sentence", "_j_from", "_joint_gap")
    return after.with_columns(
        *(pl.when(pl.col("entity_id").is_null()).then(None).otherwise(pl.col(c)).alias(c) for c in ("_m_start", "_m_end", "entity_kind"))
    ).drop("_t_start", "_gap", "_principal", "_titled")


def find_quotes(
    texts: pl.Series, sentences: pl.DataFrame, cues: pl.DataFrame, mentions: pl.DataFrame, reference: Reference, nationalities: pl.DataFrame,
    published: pl.Series | None = None,
) -> pl.DataFrame:
    """The quotations of a batch (see module docstring) from its texts, sentences, cues and mentions.

    ``cues`` and ``mentions`` are in original offsets with their sentence; ``nationalities`` maps
    written nationality adjectives (column form) to a country (for anonymous sources);
    ``published``: the publication date per row, for titles of office holders the article does not name.
    """
    # "وقال الرئيس الأمريكي إن": the title stands for the person the article names (or who held the office)
    titled = title_references(texts, cues, mentions, reference, reference.actors.select("actor_id", "country", "role"), published)
    mentions = pl.concat([mentions, titled], how="diagonal_relaxed")
    speakers = mentions.filter(pl.col("entity_kind").is_in(["person", "organization"]))
    people = mentions.filter(pl.col("entity_kind") == "person")
    events = cues.filter(pl.col("role").is_in(["speech_verb", "speech_source", "speech_participle"])).select(
        "row", "sentence", "start", "end", "role", pl.col("form").alias("verb"), "prefix_len"
    )
    # one source phrase at a place, the longest: "بحسب ما" reads as بحسب, ب + حسب and both with ما
    begin = pl.col("start") - pl.col("prefix_len")
    events = events.sort("row", begin, pl.col("end"), descending=[False, False, True]).filter(
        (pl.col("role") != "speech_source") | (begin >= pl.col("end").cum_max().shift(1).over("row", pl.col("role") == "speech_source")).fill_null(True)
    )
    if events.height == 0:
        return pl.DataFrame(schema=QUOTE_COLUMNS)
    quoted = _quoted_spans(texts)
    impersonal = cues.filter(pl.col("role") == "speech_impersonal").select("row", "start")
    events = _outside_quotations(events, quoted).join(impersonal, on=["row", "start"], how="anti")
    # "ورفض ماكرون كشف تفاصيل اتصاله": what somebody refused to tell is no report
    refused = text_before(texts, events["row"], events["start"] - events["prefix_len"], REFUSAL_REACH).str.contains(_REFUSED)
    events = events.filter(~refused)
    events = _outside_reported(texts, events).sort("row", "start").with_row_index("event")
    after = _relayed_subjects(texts, _named_subjects(texts, events, cues, speakers, people), speakers)
    after = after.filter(~(pl.col("_joint") & pl.col("entity_id").is_not_null()))
    # a name right before the verb ("ماكرون قال", "وكالة الأنباء الكورية الجنوبية قالت"), or a state
    # ("وكانت كوريا الشمالية قالت إنها")
    states = mentions.filter(pl.col("entity_kind") == "place").join(
        reference.places.filter(pl.col("kind") == "country").select(pl.col("place_id").alias("entity_id")), on="entity_id", how="semi"
    )
    before = pl.concat([speakers, states], how="diagonal_relaxed").select(
        "row", pl.col("start").alias("_b_start"), pl.col("end").alias("_b_end"), pl.col("sentence").alias("_b_sentence"), pl.col("entity_id").alias("_before_id"), pl.col("entity_kind").alias("_before_kind")
    ).sort("row", "_b_end")
    after = after.sort("row", "start").join_asof(before, left_on="start", right_on="_b_end", by="row", strategy="backward", check_sortedness=False)
    after = after.join(sentences.select("row", "sentence", pl.col("start").alias("_s_first")), on=["row", "sentence"], how="left")
    gap_before = text_between(texts, after["row"], after["_b_end"].fill_null(0), after["start"] - after["prefix_len"])
    # ... which starts its clause ("ولكن وكالة ... قالت", not "لقاء أوباما، وقال" nor "مع الرئيس الروسي، أكد")
    # (or "كان" and the title of the name: "وكان رئيس كوريا الجنوبية مون جيه-إن قال"; or a statement
    # of the name: "وفي تصريح سابق لوزير الخارجية الأميركي جون كيري قال")
    clause_start = (
        text_before(texts, after["row"], after["_b_start"].fill_null(0), 12).str.contains(_CLAUSE_LEAD)
        | text_before(texts, after["row"], after["_b_start"].fill_null(0), 40).str.contains(_WAS_TITLED)
        | text_before(texts, after["row"], after["_b_start"].fill_null(0), STATEMENT_REACH).str.contains(_STATEMENT_BY)
        | (after["_b_start"] == after["_s_first"])
    )
    # ("أما رئيس الوزراء الياباني، آبي فقال إنه": "as for Abe, he said", the verb with ف)
    amma = pl.Series(text_before(texts, after["row"], after["_b_start"].fill_null(0), AMMA_REACH).str.contains(_AMMA)) & (pl.col("prefix_len") == 1)
    # ... or which a relative pronoun takes up, its verb agreeing with it: "وفق ما نقلته وكالة الأنباء
    # القطرية، التي أشارت إلى أن" (not "لماكرون، الذي أفادت لائحة اتهامات أن": the charges report)
    feminine = pl.col("verb").str.contains(r"^ت|ت$")
    relative_of = (pl.col("prefix_len") == 0) & (
        (gap_before.str.contains(r"^\s*[،,]?\s*(?:و)?التي\s*$") & feminine) | (gap_before.str.contains(r"^\s*[،,]?\s*(?:و)?الذي\s*$") & ~feminine)
    )
    after = after.with_columns(
        pl.when(
            (pl.col("_b_sentence") == pl.col("sentence")) & ((pl.col("start") - pl.col("_b_end")) <= 30) & (pl.col("role") == "speech_verb")
            & ((((pl.col("prefix_len") == 0) | amma) & gap_before.str.contains(_ADJECTIVES) & ~gap_before.str.contains(_RELATIVE) & clause_start) | relative_of)
        ).then(pl.col("_before_id")).alias("_before_id")
    ).with_columns(pl.when(pl.col("_before_id").is_not_null()).then(pl.col("_before_kind")).alias("_before_kind")).drop("_b_start", "_s_first")
    # anonymous sources right after the verb, and what they belong to; a person this close after
    # the noun names it ("المتحدث باسم البيت الأبيض جون كيربي"), an organization is its affiliation
    anonymous = cues.filter(pl.col("role") == "anonymous").select("row", pl.col("start").alias("_a_start"), pl.col("end").alias("_a_end"), pl.col("sentence").alias("_a_sentence")).sort("row", "_a_start")
    after = after.sort("row", "end").join_asof(anonymous, left_on="end", right_on="_a_start", by="row", strategy="forward", check_sortedness=False)
    anonymous_gap = text_between(texts, after["row"], after["end"], after["_a_start"].fill_null(0))
    after = after.with_columns(
        ((pl.col("_a_sentence") == pl.col("sentence")) & ((pl.col("_a_start") - pl.col("end")) <= ANONYMOUS_WINDOW) & ~anonymous_gap.str.contains(_CLAUSE)
         & (pl.col("entity_id").is_null() | ((pl.col("entity_kind") != "person") & (pl.col("_a_start") < pl.col("_m_start"))) | (pl.col("_m_start") > pl.col("_a_end") + NAMED_AFTER_NOUN))).fill_null(False).alias("_anonymous")
    ).with_columns(pl.when(pl.col("_anonymous")).then(pl.col("_a_end")).alias("_anon_end")).drop("_a_start", "_a_end", "_a_sentence")
    after = _anonymous_before(texts, after, anonymous)
    affiliations = _affiliations(texts, after.filter(pl.col("_anonymous")), mentions, _with_blocs(nationalities, reference))
    after = after.join(affiliations, on="event", how="left")
    # a state or capital right after the verb: "قالت كوريا الشمالية إنها", "قالت سيول إن"
    after = _state_subjects(texts, after, mentions, reference)
    # "وقال المكتب", "وأفادت الوزارة": the organization named before with that head noun
    after = _anaphoric_subjects(texts, after, cues, mentions)
    # "قالت الوكالة الرسمية في كوريا الشمالية": that country's state news agency
    after = _official_agencies(texts, after, mentions, reference)
    named = pl.coalesce("_agency_id", "entity_id", "_before_id", "_state", "_anaphor_id")
    kind = pl.coalesce(
        pl.when(pl.col("_agency_id").is_not_null()).then(pl.lit("organization")),
        pl.when(pl.col("entity_id").is_not_null()).then(pl.col("entity_kind")),
        pl.when(pl.col("_before_id").is_not_null()).then(pl.col("_before_kind")),
        pl.when(pl.col("_state").is_not_null()).then(pl.lit("place")),
        pl.when(pl.col("_anaphor_id").is_not_null()).then(pl.lit("organization")),
    )
    after = after.with_columns(
        pl.when(pl.col("_anonymous")).then(None).otherwise(named).alias("speaker_id"),
        pl.when(pl.col("_anonymous")).then(pl.lit("anonymous")).otherwise(kind).alias("speaker_kind"),
    )
    after = _continuations(texts, after, sentences, people)
    events = after.filter(pl.col("speaker_id").is_not_null() | (pl.col("speaker_kind") == "anonymous").fill_null(False))
    kinds = pl.concat([
        reference.actors.select(pl.col("actor_id").alias("speaker_id"), pl.col("kind").alias("_kind")),
        mentions.select(pl.col("entity_id").alias("speaker_id"), pl.col("entity_kind").alias("_kind")),
    ]).unique("speaker_id")
    events = events.join(kinds, on="speaker_id", how="left").with_columns(pl.coalesce("speaker_kind", "_kind").alias("speaker_kind")).drop("_kind")
    return _quote_spans(texts, sentences, events, quoted, mentions)


# what a verb of relaying relays: "نقلت وكالة رويترز عن لافروف قوله", "نقلت رويترز قول وزير الدفاع"
_RELAYED_FROM = r"^(?:\s+[^\s.،,:؛]+){0,4}?\s+(?:عن|قول)\s"
_RELAYING = r"^(?:و|ف)?نقل"


def _relayed_subjects(texts: pl.Series, after: pl.DataFrame, speakers: pl.DataFrame) -> pl.DataFrame:
    """The speaker of a verb of relaying is who it relays, named after "عن" or "قول" and before what
    is said: in "ونقلت وكالة رويترز عن وزير الخارجية الروسي قوله إن" the minister speaks, not the
    agency; with no name there ("عن مسؤول أمريكي"), nobody named, and an anonymous source is read
    from there on (the event ``end`` moves to it)."""
    relaying = (pl.col("role") == "speech_source") & pl.col("verb").str.contains(_RELAYING)
    lead = texts.gather(after["row"]).str.slice(after["end"], SPEAKER_WINDOW).str.extract(_RELAYED_FROM, 0).str.len_chars()
    after = after.with_columns(pl.when(relaying).then(pl.col("end") + lead).alias("_relayed_at"))
    if after["_relayed_at"].is_null().all():
        return after.drop("_relayed_at")
    who = _first_after(after.filter(pl.col("_relayed_at").is_not_null()).select("event", "row", "sentence", "_relayed_at"), speakers, window=SPEAKER_WINDOW, at="_relayed_at")
    said_before = text_between(texts, who["row"], who["_relayed_at"], who["_m_start"].fill_null(0)).str.contains(_CLAUSE)
    who = who.filter(~said_before).select("event", *(pl.col(c).alias(f"_r{c}") for c in ("_m_start", "_m_end", "entity_id", "entity_kind")))
    after = after.join(who, on="event", how="left")
    relayed = pl.col("_relayed_at").is_not_null()
    return after.with_columns(
        *(pl.when(relayed).then(pl.col(f"_r{c}")).otherwise(pl.col(c)).alias(c) for c in ("_m_start", "_m_end", "entity_id", "entity_kind")),
        pl.when(relayed).then(pl.col("_relayed_at") - 1).otherwise(pl.col("end")).alias("end"),
    ).drop("_relayed_at", *(f"_r{c}" for c in ("_m_start", "_m_end", "entity_id", "entity_kind")))


def _anonymous_before(texts: pl.Series, after: pl.DataFrame, anonymous: pl.DataFrame) -> pl.DataFrame:
    """A verb with no subject after it whose unnamed source comes before it: "فكثير من المحللين
    يقولون إن", "ولكن مسؤولين لم يفصح عن أسمائهم يقولون إن" (no clause or name between)."""
    ends = anonymous.select("row", "_a_start", "_a_end", "_a_sentence").sort("row", "_a_end")
    joined = after.sort("row", "start").join_asof(ends, left_on="start", right_on="_a_end", by="row", strategy="backward", check_sortedness=False)
    gap = text_between(texts, joined["row"], joined["_a_end"].fill_null(0), joined["start"] - joined["prefix_len"])
    svo = (
        (pl.col("_a_sentence") == pl.col("sentence")) & ((pl.col("start") - pl.col("_a_end")) <= ANONYMOUS_BEFORE)
        & ~gap.str.contains(_CLAUSE) & ~gap.str.contains(r"[.!?؟؛]")
        & pl.col("entity_id").is_null() & pl.col("_before_id").is_null() & (pl.col("role") == "speech_verb")
    ).fill_null(False)
    # the affiliation is looked for after the noun: "مسؤولين في سول وواشنطن يقولون"
    return joined.with_columns(
        pl.when(svo & ~pl.col("_anonymous")).then(pl.col("_a_end")).otherwise(pl.col("_anon_end")).alias("_anon_end"),
        (pl.col("_anonymous") | svo).alias("_anonymous"),
    ).drop("_a_start", "_a_end", "_a_sentence")


def _state_subjects(texts: pl.Series, after: pl.DataFrame, mentions: pl.DataFrame, reference: Reference) -> pl.DataFrame:
    """``_state``: a country or capital named right after a verb with no other subject."""
    kinds = reference.places.select(pl.col("place_id").alias("_state"), "kind")
    states = mentions.filter(pl.col("entity_kind") == "place").select(
        "row", pl.col("start").alias("_s_at"), pl.col("sentence").alias("_s_sentence"), pl.col("entity_id").alias("_state")
    ).join(kinds, on="_state").filter(pl.col("kind").is_in(["country", "city"])).drop("kind").sort("row", "_s_at")
    joined = after.sort("row", "end").join_asof(states, left_on="end", right_on="_s_at", by="row", strategy="forward", check_sortedness=False)
    right_after = (pl.col("_s_sentence") == pl.col("sentence")) & ((pl.col("_s_at") - pl.col("end")) <= 1) & (pl.col("role") == "speech_verb")
    return joined.with_columns(
        pl.when(right_after & pl.col("entity_id").is_null() & pl.col("_before_id").is_null() & ~pl.col("_anonymous")).then(pl.col("_state")).alias("_state")
    ).drop("_s_at", "_s_sentence")


# "الوكالة الرسمية في", "وكالة الأنباء الرسمية لـ": a country's official agency, the country after it
_OFFICIAL_AGENCY = r"^\s+(?:ال)?وكالة\s+(?:(?:ال)?أنباء\s+)?الرسمية\s+(?:في\s+|لـ?\s*)$"


def _official_agencies(texts: pl.Series, after: pl.DataFrame, mentions: pl.DataFrame, reference: Reference) -> pl.DataFrame:
    """``_agency_id``: the state news agency (``agency_names.state_agencies``) of the country named
    right after "الوكالة الرسمية في" or "وكالة الأنباء الرسمية لـ" that follows a speech verb."""
    agencies = state_agencies(reference)
    countries = reference.places.filter(pl.col("kind") == "country").select(pl.col("place_id").alias("_c_place"), pl.col("country").alias("_c_code"))
    places = mentions.filter(pl.col("entity_kind") == "place").select("row", pl.col("start").alias("_c_at"), pl.col("entity_id").alias("_c_place")).join(
        countries, on="_c_place"
    ).sort("row", "_c_at")
    joined = after.sort("row", "end").join_asof(places, left_on="end", right_on="_c_at", by="row", strategy="forward", check_sortedness=False)
    lead = text_between(texts, joined["row"], joined["end"], joined["_c_at"].fill_null(0))
    agency = pl.col("_c_code").replace_strict(agencies, default=None, return_dtype=pl.String)
    return joined.with_columns(
        pl.when((pl.col("role") == "speech_verb") & pl.Series(lead.str.contains(_OFFICIAL_AGENCY)).fill_null(False)).then(agency).alias("_agency_id")
    ).drop("_c_at", "_c_place", "_c_code")


def _anaphoric_subjects(texts: pl.Series, after: pl.DataFrame, cues: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """``_anaphor_id``: "وأفادت الوزارة" -> the last organization named before whose name starts
    with "وزارة"; ``_carried``: "وأضاف البيان", which takes up the previous quotation's source.
    An anaphor followed by an adjective ("الوكالة الرسمية") may mean another one: left alone."""
    anaphors = cues.filter(pl.col("role") == "speech_anaphor").select(
        "row", pl.col("start").alias("_n_at"), pl.col("end").alias("_n_end"), pl.col("sentence").alias("_n_sentence"), pl.col("form").alias("_n_form")
    ).sort("row", "_n_at")
    joined = after.sort("row", "end").join_asof(anaphors, left_on="end", right_on="_n_at", by="row", strategy="forward", check_sortedness=False)
    following = texts.gather(joined["row"]).str.slice(joined["_n_end"].fill_null(0), 20)
    subject = (
        (pl.col("_n_sentence") == pl.col("sentence")) & ((pl.col("_n_at") - pl.col("end")) <= 1) & (pl.col("role") == "speech_verb")
        & pl.col("entity_id").is_null() & pl.col("_before_id").is_null() & pl.col("_state").is_null() & ~pl.col("_anonymous")
        & ~following.str.contains(r"^\s+ال\S+") 
    ).fill_null(False)
    joined = joined.with_columns(subject.alias("_anaphoric"), pl.col("_n_form").is_in(_SOURCE_ANAPHORS).alias("_source_anaphor"))
    # organizations by head noun: "وزارة الداخلية" -> وزاره, "صحيفة "نيويورك تايمز"" -> صحيفه
    organizations = mentions.filter(pl.col("entity_kind") == "organization")
    lead = text_before(texts, organizations["row"], organizations["start"], 12).str.extract(r"(\S+)\s*[\"«“]?\s*$", 1)
    first = texts.gather(organizations["row"]).str.slice(organizations["start"], organizations["end"] - organizations["start"]).str.extract(r"^(\S+)", 1)
    organizations = organizations.select("row", pl.col("start").alias("_o_at"), pl.col("entity_id").alias("_anaphor_id")).with_columns(first.alias("_first"), lead.alias("_lead"))
    words = {w: view_form(w) for w in pl.concat([organizations["_first"], organizations["_lead"]]).drop_nulls().unique().to_list()}
    heads = pl.concat([
        organizations.select("row", "_o_at", "_anaphor_id", pl.col("_first").alias("_head")),
        organizations.select("row", "_o_at", "_anaphor_id", pl.col("_lead").alias("_head")),
    ]).with_columns(pl.col("_head").replace_strict(words, default=None, return_dtype=pl.String)).drop_nulls("_head")
    # the head without its proclitics, or only without the article: "وزارة" is no و + "زارة"
    heads = pl.concat([
        heads.with_columns(pl.col("_head").str.replace(r"^(?:و|ف)?(?:ب|ل)?(?:ال|ل)?", "")),
        heads.with_columns(pl.col("_head").str.replace(r"^(?:ب|ل)?(?:ال|ل)?", "")),
    ]).unique().sort("row", "_o_at")
    wanted = joined.filter(pl.col("_anaphoric") & ~pl.col("_source_anaphor")).select(
        "event", "row", "start", pl.col("_n_form").str.replace(r"^ال", "").alias("_head")
    ).sort("row", "start")
    found = wanted.join_asof(heads, left_on="start", right_on="_o_at", by=["row", "_head"], strategy="backward", check_sortedness=False).select("event", "_anaphor_id")
    return joined.join(found, on="event", how="left").drop("_n_at", "_n_end", "_n_sentence", "_n_form")


def _continuations(texts: pl.Series, after: pl.DataFrame, sentences: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """Speech events with no subject of their own take the source of the previous quotation.

    Candidates: a verb that runs straight into what was said ("وأضاف أن", "وقال للصحفيين إن",
    "قال معاليه إنه", "لكنه قال"), a participle ("مؤكداً أن"), "وأضاف البيان". Sources: every
    event with a speaker (named or anonymous) that reports something; an event that reports
    speech from a source left unresolved ("وقالت الوكالة الرسمية في كوريا الشمالية إن") is a
    source too, an unknown one. A person who is the subject of the sentence just before, after
    the last quotation ("وكان وزير الخارجية، ريكس تيلرسون، في زيارته ... وقال للصحفيين إن"), is
    the nearer antecedent; a participle with no quotation before it in its sentence continues the
    subject of that sentence ("تراجع الرئيس جو بايدن عن قراره، معلناً أن").
    """
    bounds = sentences.select("row", "sentence", pl.col("start").alias("_s_first"), pl.col("end").alias("_s_last"))
    after = after.join(bounds, on=["row", "sentence"], how="left")
    following = texts.gather(after["row"]).str.slice(after["end"], 60)
    rest = text_between(texts, after["row"], after["end"], after["_s_last"].fill_null(0))
    lead = text_before(texts, after["row"], after["start"] - after["prefix_len"], 12)
    has_speaker = pl.col("speaker_id").is_not_null() | (pl.col("speaker_kind") == "anonymous").fill_null(False)
    opening = text_between(texts, after["row"], after["_s_first"].fill_null(0), after["start"] - after["prefix_len"])
    bare_verb = (pl.col("role") == "speech_verb") & pl.col("_continues") & ~pl.col("_relative_lead") & ~pl.col("_subject_first")
    after = after.with_columns(
        following.str.contains(_CONTINUES).alias("_continues"),
        # "لكن لورا بيكر، مراسلة بي بي سي في سيول، تقول إن": "says" after words of its sentence has
        # its subject before it (named or not), it continues nobody (not "واستطرد لافروف ليقول")
        (pl.col("verb").str.contains(_PRESENT_SAY) & (pl.col("prefix_len") == 0) & opening.str.replace_all(_OPENING_PARTICLES, " ").str.replace_all(_OPENING_PARTICLES, " ").str.contains(_A_WORD)).alias("_subject_first"),
        lead.str.contains(_CARRIED_LEAD).alias("_lead"),
        # "الذي قال", "وهو ما يشير إلى أن" (which indicates): no person carried
        lead.str.contains(r"(?:^|\s)(?:الذي|التي|الذين|اللذين|ما|مما)\s*$").alias("_relative_lead"),
        # it reports something: an opener or quotation marks follow in its sentence
        rest.str.contains(rf"(?:(?:^|\s)(?:إن|أن|ان|إنه|أنه|انه|إنها|أنها|انها|بأن|بأنه|بأنها){WORD_END}|[:“«\"])").alias("_reports"),
    ).with_columns(
        (~has_speaker & (bare_verb | (pl.col("role") == "speech_participle"))).alias("continuation"),
        (pl.col("_anaphoric") & pl.col("_source_anaphor")).alias("_carries"),
    )
    sources = after.filter((has_speaker | (~pl.col("continuation") & ~pl.col("_carries") & (pl.col("role") == "speech_verb"))) & pl.col("_reports")).select(
        "row", pl.col("start").alias("_p_start"), pl.col("sentence").alias("_p_sentence"), pl.col("speaker_id").alias("_previous"),
        pl.col("speaker_kind").alias("_previous_kind"), pl.col("affiliation").alias("_previous_affiliation"),
    ).sort("row", "_p_start")
    after = after.sort("row", "start").join_asof(sources, left_on="start", right_on="_p_start", by="row", strategy="backward", check_sortedness=False, allow_exact_matches=False)
    # the subject of the sentence just before, when it comes after the last quotation
    subjects = _sentence_subjects(texts, people, bounds).sort("row", "_j_start")
    after = after.join_asof(subjects, left_on="start", right_on="_j_start", by="row", strategy="backward", check_sortedness=False)
    # (a sentence that reports speech has its own source; a plural verb has no one person as subject)
    spoken = after.filter(pl.col("_reports")).select("row", pl.col("sentence").alias("_j_sentence")).unique()
    subjects = subjects.join(spoken, on=["row", "_j_sentence"], how="anti")
    after = after.drop("_j_start", "_j_sentence", "_subject").join_asof(subjects, left_on="start", right_on="_j_start", by="row", strategy="backward", check_sortedness=False)
    plural = pl.col("verb").str.contains(r"(?:وا|ون)$")
    nearer_subject = (
        (pl.col("role") == "speech_verb") & (pl.col("_j_sentence") == pl.col("sentence") - 1) & ~plural
        & (pl.col("_p_start").is_null() | (pl.col("_j_start") > pl.col("_p_start")))
    ).fill_null(False)
    # a participle with no quotation before it in its sentence: the subject of its own sentence
    own = _clause_subjects(texts, people).sort("row", "_c_start")
    after = after.join_asof(own, left_on="start", right_on="_c_start", by="row", strategy="backward", check_sortedness=False)
    # (no verb reports anything before it in its sentence, its source resolved or not: in "وأكد أن
    # قراءة فرنسا ...، مشيرا إلى أن", France is in what was said)
    reported_before = pl.when(pl.col("_reports")).then(pl.col("sentence")).forward_fill().shift(1).over("row")
    after = after.sort("row", "start").with_columns(reported_before.alias("_reported_before"))
    own_subject = (
        (pl.col("role") == "speech_participle") & (pl.col("_c_sentence") == pl.col("sentence"))
        & (pl.col("_reported_before").is_null() | (pl.col("_reported_before") != pl.col("sentence")))
    ).fill_null(False)
    takes = (pl.col("continuation") | pl.col("_carries"))
    source_ok = takes & ((pl.col("sentence") - pl.col("_p_sentence")) <= CONTINUATION_SENTENCES) & ~(plural & (pl.col("_previous_kind") == "person")).fill_null(False)
    after = after.with_columns(
        pl.when(pl.col("continuation") & own_subject).then(pl.col("_clause_subject"))
        .when(pl.col("continuation") & nearer_subject).then(pl.col("_subject"))
        .when(source_ok).then(pl.col("_previous")).otherwise(pl.col("speaker_id")).alias("speaker_id"),
        pl.when(pl.col("continuation") & own_subject).then(pl.col("_clause_kind"))
        .when(pl.col("continuation") & nearer_subject).then(pl.lit("person"))
        .when(source_ok).then(pl.col("_previous_kind")).otherwise(pl.col("speaker_kind")).alias("speaker_kind"),
        pl.when(pl.col("continuation") & (own_subject | nearer_subject)).then(None)
        .when(source_ok).then(pl.col("_previous_affiliation")).otherwise(pl.col("affiliation")).alias("affiliation"),
    )
    after = _chained_continuations(after, has_speaker)
    return after.with_columns(
        (pl.col("continuation") & (pl.col("speaker_id").is_not_null() | (pl.col("speaker_kind") == "anonymous").fill_null(False))).fill_null(False).alias("continuation")
    ).drop("_subject_first", "_s_first", "_s_last", "_j_start", "_j_sentence", "_subject", "_c_start", "_c_sentence", "_clause_subject", "_clause_kind", "_reported_before")


def _chained_continuations(after: pl.DataFrame, has_speaker: pl.Expr) -> pl.DataFrame:
    """A continuation left without a source takes the one the continuation right before it was given.

    "وعبر محمد بن زايد عن ... وأكد أن ...، مشيرا إلى أن ...": "وأكد" continues the subject of the
    sentence before, and "مشيرا" continues "وأكد"; the sources of ``_continuations`` are the events
    that had a speaker before any continuation was resolved. The chain holds when no other source
    (``_p_start``) came in between and within ``CONTINUATION_SENTENCES`` sentences of the link
    before; it is followed for up to ``CHAIN_LINKS`` links.
    """
    # (the reporting event right before it: "وأضاف: ... لكن لورا بيكر ... تقول إن ... وأضافت أن"
    # does not reach back past "تقول", a verb whose subject is unknown)
    previous = pl.when(pl.col("_reports")).then(pl.col("start")).forward_fill().shift(1).over("row")
    after = after.sort("row", "start").with_columns(previous.alias("_last_report"))
    plural = pl.col("verb").str.contains(r"(?:وا|ون)$") & (pl.col("_r_kind") == "person")
    for _ in range(CHAIN_LINKS):
        resolved = after.filter(pl.col("continuation") & has_speaker & pl.col("_reports")).select(
            "row", pl.col("start").alias("_r_start"), pl.col("sentence").alias("_r_sentence"), pl.col("speaker_id").alias("_r_id"),
            pl.col("speaker_kind").alias("_r_kind"), pl.col("affiliation").alias("_r_affiliation"),
        ).sort("row", "_r_start")
        after = after.join_asof(resolved, left_on="start", right_on="_r_start", by="row", strategy="backward", check_sortedness=False, allow_exact_matches=False)
        chained = (
            pl.col("continuation") & ~has_speaker & (pl.col("_r_start") == pl.col("_last_report"))
            & (pl.col("_p_start").is_null() | (pl.col("_r_start") > pl.col("_p_start")))
            & ((pl.col("sentence") - pl.col("_r_sentence")) <= CONTINUATION_SENTENCES) & ~plural
        ).fill_null(False)
        linked = after.select(chained.sum()).item()
        after = after.with_columns(
            pl.when(chained).then(pl.col(f"_r_{name}")).otherwise(pl.col(column)).alias(column)
            for column, name in (("speaker_id", "id"), ("speaker_kind", "kind"), ("affiliation", "affiliation"))
        ).drop("_r_start", "_r_sentence", "_r_id", "_r_kind", "_r_affiliation")
        if linked == 0:
            break
    return after.drop("_last_report")


# before a name: it is the object of a preposition, not a subject ("مع زعيم كوريا الشمالية كيم")
# (within its sentence: "... في المنطقة. وعبر محمد" is a subject)
_OBJECT_LEAD = r"(?:(?:^|\s)(?:مع|من|إلى|الى|على|عن|في|بين|لدى|ضد|و?ب|و?ل)\s+(?:[^\s.!?؟:؛]+\s+){0,3}|(?:^|\s)و?[بل])$"
SUBJECT_WITHIN = 45  # "وكان وزير الخارجية الأمريكي، ريكس تيلرسون، في زيارته": the sentence's subject comes early


def _clause_subjects(texts: pl.Series, people: pl.DataFrame) -> pl.DataFrame:
    """People named as the subject of a clause (not after a preposition): (row, _c_start, _c_sentence,
    _clause_subject, _clause_kind)."""
    lead = text_before(texts, people["row"], people["start"], 30)
    return people.filter(~lead.str.contains(_OBJECT_LEAD)).select(
        "row", pl.col("start").alias("_c_start"), pl.col("sentence").alias("_c_sentence"), pl.col("entity_id").alias("_clause_subject"),
        pl.col("entity_kind").alias("_clause_kind"),
    )


def _sentence_subjects(texts: pl.Series, people: pl.DataFrame, bounds: pl.DataFrame) -> pl.DataFrame:
    """The subject of each sentence that names one early: (row, _j_start, _j_sentence, _subject)."""
    found = _clause_subjects(texts, people).join(bounds.select("row", pl.col("sentence").alias("_c_sentence"), "_s_first"), on=["row", "_c_sentence"])
    found = found.filter((pl.col("_c_start") - pl.col("_s_first")) <= SUBJECT_WITHIN).sort("row", "_c_start").unique(["row", "_c_sentence"], keep="first")
    return found.select("row", pl.col("_c_start").alias("_j_start"), pl.col("_c_sentence").alias("_j_sentence"), pl.col("_clause_subject").alias("_subject"))


def _affiliations(texts: pl.Series, anonymous: pl.DataFrame, mentions: pl.DataFrame, nationalities: pl.DataFrame) -> pl.DataFrame:
    """The organization, place or nationality that follows an anonymous source ("مسؤول في البيت الأبيض")."""
    if anonymous.height == 0:
        return pl.DataFrame(schema={"event": pl.UInt32, "affiliation": pl.String})
    things = mentions.filter(pl.col("entity_kind").is_in(["organization", "place"])).select("row", pl.col("start").alias("_t_start"), pl.col("sentence").alias("_t_sentence"), pl.col("entity_id").alias("_thing")).sort("row", "_t_start")
    joined = anonymous.sort("row", "_anon_end").join_asof(things, left_on="_anon_end", right_on="_t_start", by="row", strategy="forward", check_sortedness=False)
    joined = joined.with_columns(
        pl.when((pl.col("_t_sentence") == pl.col("sentence")) & ((pl.col("_t_start") - pl.col("_anon_end")) <= AFFILIATION_WINDOW)).then(pl.col("_thing")).alias("_thing"),
        # the next word may be a nationality: "مسؤولون أمريكيون"
        texts.gather(joined["row"]).str.slice(joined["_anon_end"], 20).str.extract(r"^\s*(\S+)", 1).alias("_next"),
    )
    words = {w: view_form(w) for w in joined["_next"].drop_nulls().unique().to_list()}
    joined = joined.with_columns(pl.col("_next").replace_strict(words, default=None, return_dtype=pl.String)).join(
        nationalities.select(pl.col("form").alias("_next"), pl.col("country").alias("_country")), on="_next", how="left"
    )
    return joined.select("event", pl.coalesce("_country", "_thing").alias("affiliation"))


def _quote_spans(texts: pl.Series, sentences: pl.DataFrame, events: pl.DataFrame, quoted: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """The quoted text of each speech event: the quotation marks that hold all it reports, else
    the reported clause after إن/أن (with any quoted fragments inside it)."""
    if events.height == 0:
        return pl.DataFrame(schema=QUOTE_COLUMNS)
    bounds = sentences.select("row", "sentence", pl.col("start").alias("_s_start"), pl.col("end").alias("_s_end"))
    events = events.join(bounds, on=["row", "sentence"], how="left").with_columns(
        pl.max_horizontal("end", pl.col("_m_end").fill_null(0)).alias("_anchor")
    )
    starts = bounds.select("row", "_s_start", "sentence").sort("row", "_s_start")
    # quotation marks around a name are not a quotation: "وفق ما ذكرت وكالة "فرانس برس""
    named = mentions.select("row", pl.col("start").alias("_n_start"), pl.col("end").alias("_n_end")).sort("row", "_n_start")
    quoted = quoted.join_asof(named, left_on="q_start", right_on="_n_start", by="row", strategy="forward", check_sortedness=False).filter(
        ~((pl.col("_n_start") - pl.col("q_start") <= 1) & (pl.col("_n_end") >= pl.col("q_end") - 1)).fill_null(False)
    ).drop("_n_start", "_n_end")
    # each quotation goes to the speech event of its sentence right before it ("وقال ... "…""),
    # else to the nearest one after it (""…"، قال ...")
    quoted = quoted.join_asof(starts, left_on="q_start", right_on="_s_start", by="row", strategy="backward", check_sortedness=False)
    direct = quoted.join(events.select("row", "sentence", "event", pl.col("start").alias("_e_start"), "_anchor"), on=["row", "sentence"])
    direct = direct.with_columns(
        (pl.col("_e_start") > pl.col("q_start")).alias("_after"), (pl.col("q_start") - pl.col("_e_start")).abs().alias("_distance")
    ).sort("row", "q_start", "_after", "_distance").unique(["row", "q_start"], keep="first", maintain_order=True)
    # a quotation is the whole of what was said when nothing but an opener stands between the
    # speaker and it ("وقال: "…"", "قال إن "…""), or another quotation of the same event; else
    # it is a fragment of the reported clause ("أن "أداء" نتنياهو ... "ليس أقل من عمل خيانة"")
    direct = direct.sort("event", "q_start").with_columns(pl.col("q_end").shift(1).over("event").alias("_prev_q_end"))
    lead_from = pl.when(pl.col("_prev_q_end").is_not_null()).then(pl.col("_prev_q_end") + 1).otherwise(pl.col("_anchor"))
    direct = direct.with_columns(lead_from.alias("_lead_from"))
    lead = text_between(texts, direct["row"], direct["_lead_from"], direct["q_start"] - 1)
    opener = rf"(?:(?:^|\s)(?:و|ف)?(?:إنه|أنه|انه|إنها|أنها|انها|بأنه|بأنها|إن|أن|ان|بأن|بالقول|قائلا\S?|قائلة){WORD_END}|:)"
    after_opener = lead.str.replace(rf"(?s)^.*{opener}", "")
    whole = pl.col("_after") | ~lead.str.contains(opener) | after_opener.str.contains(r"^[\s،,\-–]*(?:و\s*)?$")
    direct = direct.with_columns(whole.alias("_whole"))
    fragments = direct.filter(~pl.col("_whole")).select("event").unique()
    direct = direct.filter(pl.col("_whole")).select("event", pl.col("q_start").alias("start"), pl.col("q_end").alias("end"), pl.lit(True).alias("direct"))
    # reported speech: from the clause opener after the speaker (or the verb) to the next speech
    # event of the sentence or its end; no opener, no quotation ("أعلن عن موافقته", "دعا إلى")
    following = events.select("row", "sentence", pl.col("start").alias("_next"), pl.col("prefix_len").alias("_next_prefix")).sort("row", "_next")
    reported = pl.concat([
        events.join(direct.select("event").unique(), on="event", how="anti"),
        events.join(fragments, on="event", how="semi").join(direct.select("event").unique(), on="event", how="semi"),
    ]).unique("event")
    reported = reported.sort("row", "end").join_asof(following, left_on="end", right_on="_next", by="row", strategy="forward", check_sortedness=False, allow_exact_matches=False).with_columns(
        pl.when((pl.col("sentence_right") == pl.col("sentence")) & (pl.col("role") != "speech_source")).then(pl.col("_next") - pl.col("_next_prefix")).otherwise(pl.col("_s_end")).alias("_limit")
    )
    openers = find_regex(texts, _CLAUSE, name="_o").select("row", pl.col("end").alias("_o_end"), pl.col("start").alias("_o_start"), "_o")
    # (the quotation marks around a name open nothing: "وقالت صحيفة "نيويورك تايمز" إن")
    marks = openers.filter(pl.col("_o").str.contains(r"^[“”«»\"]$")).select("row", "_o_start").with_columns(pl.lit(True).alias("_mark"))
    enclosed = mentions.select("row", "start", "end").cast({"row": openers["row"].dtype, "start": pl.Int64, "end": pl.Int64}).join(
        marks.rename({"_o_start": "_open"}), left_on=["row", pl.col("start") - 1], right_on=["row", "_open"]
    ).join(marks.rename({"_o_start": "_close", "_mark": "_mark_close"}), left_on=["row", "end"], right_on=["row", "_close"])
    around_names = pl.concat([
        enclosed.select("row", pl.col("end").alias("_o_start")), enclosed.select("row", (pl.col("start") - 1).alias("_o_start")),
    ]).unique()
    openers = openers.join(around_names, on=["row", "_o_start"], how="anti").sort("row", "_o_start")
    reported = reported.sort("row", "_anchor").join_asof(openers, left_on="_anchor", right_on="_o_start", by="row", strategy="forward", check_sortedness=False)
    # a source reports what comes before it ("قُتل عشرات الآلاف، وفقاً للأمم المتحدة"), unless it relays
    # a clause after it, before the next report of its sentence ("ونقلت رويترز عن لافروف قوله إن")
    # (a verb of relaying by any opener, another source by "فإن": "وبحسب وارن، فإن ...", not "بحسب
    # الوكالة، في إشارة إلى أن ...")
    relaying = pl.col("verb").str.contains(_RELAYING) | pl.col("_o").str.contains(r"^\s*ف")
    relays = (pl.col("role") == "speech_source") & relaying & (pl.col("_o_start") < pl.when(pl.col("sentence_right") == pl.col("sentence")).then(pl.col("_next")).otherwise(pl.col("_s_end"))).fill_null(False)
    source = (pl.col("role") == "speech_source") & ~relays
    opened = pl.col("_o_start").is_not_null() & (pl.col("_o_start") < pl.col("_limit"))
    # "إنه "سيلتقي أردوغان"": a quotation mark opens the clause, and belongs to it
    opener_end = pl.when(pl.col("_o").str.contains(r"^[“«\"]$")).then(pl.col("_o_start")).otherwise(pl.col("_o_end"))
    # "ووصف الوزير ... لقاءه مع نظيره بالإيجابي": with no opener, what a verb of describing says is its object
    # (not the passive: "ماكرون الذي وصف بالضعف", "الذي وصف من قبل معارضيه")
    object_text = text_between(texts, reported["row"], reported["_anchor"], reported["_limit"])
    reported = reported.with_columns(object_text.str.contains(r"^\s*[،,]?\s*بال|(?:^|\s)من قبل\s").alias("_passive"))
    described = ~opened & pl.col("verb").str.contains(_DESCRIBING) & ~pl.col("_passive")
    reported = reported.filter(source | opened | described).with_columns(
        # "قُتل عشرات الآلاف، وفقاً للأمم المتحدة": what the source says comes before it
        pl.when(source).then(pl.col("_s_start")).when(described).then(pl.col("_anchor")).otherwise(opener_end).alias("_from"),
        pl.when(source).then(pl.col("start") - pl.col("prefix_len")).otherwise(pl.col("_limit")).alias("_to"),
    )
    clause = text_between(texts, reported["row"], reported["_from"], reported["_to"])
    reported = reported.with_columns(clause.alias("_clause")).with_columns(
        (pl.col("_from") + pl.col("_clause").str.len_chars() - pl.col("_clause").str.strip_chars_start(" :،,").str.len_chars()).cast(pl.Int64).alias("start"),
        (pl.col("_to") - pl.col("_clause").str.len_chars() + pl.col("_clause").str.strip_chars_end(" .،,؛:").str.len_chars()).cast(pl.Int64).alias("end"),
    ).filter(pl.col("end") - pl.col("start") >= 3).select("event", "start", "end", pl.lit(False).alias("direct"))
    spans = pl.concat([direct.join(fragments, on="event", how="anti"), reported])
    out = events.select("event", "row", "sentence", "speaker_id", "speaker_kind", "affiliation", "continuation", "verb").join(spans, on="event")
    return out.select(list(QUOTE_COLUMNS)).cast(QUOTE_COLUMNS).sort("row", "start")


# ---- people named by their title alone --------------------------------------------------

TITLE_NAME_GAP = 50  # "الرئيس الأمريكي، جو بايدن": a name this close after its title is the holder's
# ... or this close when a comma sets it off after the title's complements ("الرئيس الجمهوري للجنة
# العلاقات الخارجية بمجلس الشيوخ الأميركي، بوب كوركر،")
APPOSED_NAME_GAP = 90
TITLE_COUNTRY_GAP = 12  # "زعيم كوريا الشمالية", "وزير الخارجية بدولة قطر": the country right after a title
# what cannot stand between a title and the holder's name: a clause, another phrase
_TITLE_GAP_BREAK = (
    r"[.!?؟؛:\"“”«»]|(?:^|\s)(?:و|ف)?(?:إن|أن|ان|إنه|أنه|انه|قال|قالت|التي|الذي|الذين|على|عن|مع|من|إلى|الى|بعد|قبل"
    rf"|خلال|حول|بشأن|عندما|حيث|بين|منذ|لدى){WORD_END}"
)
# "الرئيس الأمريكي السابق": a former holder, not the one the article names
_FORMER = r"^\s*(?:\S+\s+){0,2}?(?:ال)?(?:سابق|سابقة|أسبق|اسبق|راحل|راحلة|سابقين|مقبل|منتخب|جديد|جديدة|أول)(?:\s|$|[،,.])"
_TITLE_COMPLEMENT = r"^(?:و?(?:ال|لل|بال|ب|ل)\S*|في|لدى|صاحب|سمو|معالي|فخامة|سعادة|دولة|السيد|السيدة|حفظه|الله)$"
# titles of one posted to a country (its name after إلى or لدى): envoys, ambassadors, representatives
_POSTED_TITLE = r"(?i)envoy|ambassador|representative|coordinator"
_NATIONALITY_CACHE: dict[int, pl.DataFrame] = {}


# the organization of a bloc's adjective, for an anonymous source: "مسؤول أوروبي", "مسؤول أممي", "دبلوماسي أطلسي"
_BLOC_BODIES = {"Europe": "eu", "International": "un", "NATO": "nato"}


def _with_blocs(nationalities: pl.DataFrame, reference: Reference) -> pl.DataFrame:
    """(form, country) of ``nationalities`` that name a country, and of the adjectives of a bloc
    (``nationalities.csv`` rows with a region and no country) that has an organization
    (``_BLOC_BODIES``), its actor_id for the country."""
    blocs = written_nationalities(reference.nationalities, of="region").filter(pl.col("country").is_in(list(_BLOC_BODIES))).with_columns(
        pl.col("country").replace_strict(_BLOC_BODIES, return_dtype=pl.String)
    )
    return pl.concat([nationalities.filter(pl.col("country").is_not_null()).select("form", "country"), blocs]).unique("form", keep="first")


def _nationality_forms(reference: Reference) -> pl.DataFrame:
    """(form, country) of every written nationality adjective in matching view, of one or two words
    ("الأمريكي", "الأميركية", "الكوري الشمالي"): what makes a title a country's."""
    key = id(reference)
    if key not in _NATIONALITY_CACHE:
        _NATIONALITY_CACHE[key] = written_nationalities(reference.nationalities)
    return _NATIONALITY_CACHE[key]


_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
# a year, maybe after a month: "2017", "Jan 2025"
_ROLE_DATE = r"(?:(?P<{0}m>[A-Z][a-z]{{2}})[a-z]*\.?\s+)?(?P<{0}y>\d{{4}})"
_ROLE_SPAN = re.compile(_ROLE_DATE.format("a") + r"(?P<dash>\s*[-–]\s*(?:" + _ROLE_DATE.format("b") + r")?)?")
OPEN_END = 9999 * 12 + 11  # the last month of an office still held


def month_index(dates: pl.Expr) -> pl.Expr:
    """The month of each date as year * 12 + month - 1 (Int64), the unit of ``office_holders``'s
    ``first`` and ``last``."""
    return (dates.dt.year().cast(pl.Int64) * 12 + dates.dt.month().cast(pl.Int64) - 1).alias("_month")


def _role_months(part: str) -> list[tuple[int, int]]:
    """The (first, last) months (year * 12 + month - 1) of one part of a role: "(2017-2021, 2025-)"
    gives January 2017 to December 2021 and January 2025 on, "(Jan 2021-Jan 2025)" January 2021 to
    January 2025 (the month of a change belongs to both holders), "(2022)" the months of 2022; a
    part with no years spans them all."""
    spans = []
    for found in _ROLE_SPAN.finditer(part):
        first_month = _MONTHS.get((found.group("am") or "").lower())
        first = int(found.group("ay")) * 12 + (first_month if first_month is not None else 0)
        if found.group("by"):
            last_month = _MONTHS.get((found.group("bm") or "").lower())
            last = int(found.group("by")) * 12 + (last_month if last_month is not None else 11)
        elif found.group("dash"):
            last = OPEN_END
        else:
            last = first if first_month is not None else first + 11
        spans.append((first, last))
    return spans or [(0, OPEN_END)]


def office_holders(reference: Reference) -> pl.DataFrame:
    """(actor_id, country, office, first, last): the offices of state of the reference persons,
    read from their role ("President of the United States (2017-Jan 2021, Jan 2025-)": office
    "president", January 2017 to January 2021 and January 2025 on; first and last are months,
    ``_role_months``). An office of state is "<office> of <the country>" or
    "<country code> <office>" ("US Secretary of State", read as "foreign minister"; "UK Foreign
    Secretary", the same), or a bare
    office after the first role ("...; Foreign Minister (2014-2016)": the person's own country); roles
    are split at ";"; "2025-" never ends and an office with no years spans them all."""
    key = id(reference)
    if key not in _OFFICE_CACHE:
        names = dict(reference.places.filter(pl.col("kind") == "country").select("country", pl.col("name_en").str.to_lowercase()).iter_rows())
        rows = []
        for actor_id, country, role in reference.actors.filter(pl.col("kind") == "person").select("actor_id", "country", "role").iter_rows():
            name, code = names.get(country or ""), (country or "").lower()
            for i, part in enumerate((role or "").split(";")):
                text = re.sub(r"\s*\(.*$", "", part).strip().lower()
                of_state = re.fullmatch(rf"(?:{code} )?(.+?) of (?:the )?{re.escape(name)}", text) if name and code else None
                coded = re.fullmatch(rf"(?:{code}|{_COUNTRY_SHORT.get(code, code)}) (.+)", text) if code else None
                # ... or a bare office after another role, in the person's own country ("Prime Minister of
                # Italy (2016-2018); Foreign Minister (2014-2016)")
                bare = _BARE_OFFICE.fullmatch(text) if code and i > 0 else None
                office = (of_state or coded or bare).group(1) if (of_state or coded or bare) else None
                if not office:
                    continue
                office = office.replace("defence", "defense")
                office = _OFFICE_SYNONYMS.get(office, office)
                for first, last in _role_months(part):
                    rows.append((actor_id, country, office, first, last))
        _OFFICE_CACHE[key] = pl.DataFrame(rows, schema={"actor_id": pl.String, "country": pl.String, "office": pl.String, "first": pl.Int64, "last": pl.Int64}, orient="row")
    return _OFFICE_CACHE[key]


# the titles of ministers that "الوزير" alone does not name
_NOT_THE_MINISTER = r"^(?:Deputy|Vice|Assistant|First Deputy|Prime|State) "
# ... and those "نائب الوزير" names
_DEPUTY_MINISTER = r"^(?:First )?(?:Deputy|Vice) (?:\S+ )?Minister$"
_BARE_OFFICE = re.compile(r"((?:deputy |vice )?(?:president|prime minister|chancellor|[a-z]+ minister|(?:foreign|defence|home) secretary))")
_OFFICE_SYNONYMS = {
    "secretary of state": "foreign minister", "secretary of defense": "defense minister",
    "foreign secretary": "foreign minister", "defense secretary": "defense minister", "home secretary": "interior minister",
}
# the short form of a country's code in roles: "UK Prime Minister" (GB)
_COUNTRY_SHORT = {"gb": "uk"}
_OFFICE_CACHE: dict[int, pl.DataFrame] = {}
TITLE_NAME_REACH = 40  # characters after a title within which a name is the one it names (no office, no title alone)
# the first word of a title's English role -> the words of the offices it may name ("رئيس كوريا
# الشمالية" is its head of state, whatever the office is called; "الرئيس الكوري الشمالي" is its
# leader where nobody holds an office called president)
_TITLE_OFFICES = {
    "head": ["leader", "president", "king", "chairman"], "leader": ["leader", "president", "chairman"], "president": ["president", "leader"],
    # "العاهل السعودي": the monarch, whatever the crown is called
    "monarch": ["king", "queen", "emir", "sultan"],
}


def _holds_office_word(office: pl.Expr, word: pl.Expr) -> pl.Expr:
    """Whether an office (``office_holders``) is the one a title's word names: the word ("president"),
    or it and one more word ("prime minister", "foreign minister" for "prime", "foreign"), or a kind
    of leader ("supreme leader"); not "president of the presidium of ...", nor any minister for the
    bare "الوزير"."""
    return (
        (office == word)
        | (office.str.starts_with(word + pl.lit(" ")) & (office.str.count_matches(" ") == 1))
        | ((word == "leader") & office.str.ends_with(" leader"))
    )


_ORG_OFFICE_CACHE: dict[int, pl.DataFrame] = {}


def _organization_offices(reference: Reference) -> pl.DataFrame:
    """(_complement: organization actor_id, _office, _holder: person actor_id, first, last): the one-word offices of organizations
    that the reference persons' roles name, with the organization by its name or its initials first
    ("UN Secretary-General (2007-2016)", "GCC Secretary-General (2023-)") or after the office
    ("Secretary-General of the Arab League (2011-2016)"); not an office of someone's
    ("Spokesman for the UN Secretary-General") nor a deputy's."""
    key = id(reference)
    if key not in _ORG_OFFICE_CACHE:
        rows = []
        organizations = reference.actors.filter(pl.col("kind") == "organization").select("actor_id", "name_en").iter_rows()
        names = []
        for org, name in organizations:
            # (initials of a name of capitalized words: "United Nations" -> UN; not of "UN Secretariat")
            words = [w for w in name.split() if w[:1].isupper()]
            initials = "".join(w[0] for w in words) if all(w[1:].islower() for w in words) else ""
            names.append((org, [re.escape(name)] + ([re.escape(initials)] if len(initials) >= 2 else [])))
        persons = reference.actors.filter((pl.col("kind") == "person") & pl.col("role").is_not_null()).select("actor_id", "role").iter_rows()
        parts = [(actor_id, part.strip()) for actor_id, role in persons for part in role.split(";")]
        for org, keys in names:
            named = "|".join(keys)
            pattern = re.compile(rf"^(?:(?:the )?(?:{named}) (?P<before>[A-Z][\w-]+)|(?P<after>[A-Z][\w-]+) (?:of|for) (?:the )?(?:{named}))(?:\s*\(|$)")
            for actor_id, part in parts:
                found = pattern.match(part)
                if not found:
                    continue
                office = (found.group("before") or found.group("after")).lower()
                rows += [(org, office, actor_id, first, last) for first, last in _role_months(part)]
        _ORG_OFFICE_CACHE[key] = pl.DataFrame(
            rows, schema={"_complement": pl.String, "_office": pl.String, "_holder": pl.String, "first": pl.Int64, "last": pl.Int64}, orient="row"
        )
    return _ORG_OFFICE_CACHE[key]


def _office_of_title(title: pl.Expr) -> pl.Expr:
    """The office a title of an organization names, as ``_organization_offices`` writes it:
    "Secretary-General of" -> "secretary-general"."""
    return title.str.replace(r" (?:of|for)$", "").str.to_lowercase()


def _by_organization_office(refs: pl.DataFrame, reference: Reference, months: pl.DataFrame) -> pl.DataFrame:
    """(_ref, _by_office): a title of an organization with no name in its article ("الأمين العام
    للأمم المتحدة") is the one reference person who held that office of it in the article's month
    (``months``: row, _month)."""
    wanted = refs.filter(pl.col("_complement").is_not_null() & ~pl.col("_of") & ~pl.col("_name_follows")).join(months, on="row").filter(pl.col("_month").is_not_null())
    held = wanted.select("_ref", "_complement", "_month", _office_of_title(pl.col("title_en")).alias("_office")).join(
        _organization_offices(reference), on=["_complement", "_office"]
    ).filter((pl.col("_month") >= pl.col("first")) & (pl.col("_month") <= pl.col("last")))
    return held.group_by("_ref").agg(pl.col("_holder").unique()).filter(pl.col("_holder").list.len() == 1).select(
        pl.col("_ref").cast(pl.UInt32), pl.col("_holder").list.first().alias("_by_office")
    )


def _by_office(refs: pl.DataFrame, reference: Reference, published: pl.Series) -> pl.DataFrame:
    """(_ref, _by_office): a title with a country and no name in its article ("رئيس كوريا
    الشمالية" in a brief that never names him) is the one reference person who held that office in
    that country in the article's month (``published``: per row of the batch, a date or null); so is
    a title of an organization the one who held that office of it (``_by_organization_office``)."""
    months = pl.DataFrame({"row": pl.arange(0, published.len(), eager=True).cast(pl.UInt32), "_date": published.cast(pl.Date)}).select("row", month_index(pl.col("_date")))
    of_organizations = _by_organization_office(refs, reference, months)
    # (not "لرئيس كوريا الجنوبية": of or to him, in a description; nor a title a name follows
    # closely, past words that kept it from naming him: "رئيس الوزراء التركي وزير الخارجية الأسبق، أحمد داود أوغلو")
    wanted = refs.filter(
        pl.col("_country_adjacent") & pl.col("_complement").is_null() & ~pl.col("_of") & ~pl.col("_name_follows")
    ).join(months, on="row").filter(pl.col("_month").is_not_null())
    if wanted.height == 0:
        return of_organizations
    # the words of the offices the title may name, in order of preference
    words = wanted.select("_ref", pl.col("_word").replace_strict(_TITLE_OFFICES, default=None, return_dtype=pl.List(pl.String)).fill_null(pl.concat_list("_word")).alias("_office_word"))
    words = words.explode("_office_word").with_columns(pl.int_range(pl.len()).over("_ref").alias("_preference"))
    offices = office_holders(reference)
    found = wanted.join(words, on="_ref").join(offices, left_on="_country", right_on="country").filter(
        (pl.col("_month") >= pl.col("first")) & (pl.col("_month") <= pl.col("last"))
        # (the office the word names: ``_holds_office_word``)
        & _holds_office_word(pl.col("office"), pl.col("_office_word"))
    )
    # the most preferred office word that someone held; one holder only
    found = found.filter(pl.col("_preference") == pl.col("_preference").min().over("_ref"))
    of_states = found.group_by("_ref").agg(pl.col("actor_id").unique().alias("_holders")).filter(pl.col("_holders").list.len() == 1).select(
        "_ref", pl.col("_holders").list.first().alias("_by_office")
    )
    return pl.concat([of_states, of_organizations])


def title_references(
    texts: pl.Series, cues: pl.DataFrame, mentions: pl.DataFrame, reference: Reference, actors: pl.DataFrame, published: pl.Series | None = None
) -> pl.DataFrame:
    """Mentions of people named by their title alone: "الرئيس الأمريكي" in an article that names
    Joe Biden elsewhere, "زعيم كوريا الشمالية", "المستشارة" (Merkel), "وزير الخارجية".

    A title followed closely by a person's name (or right after it: "سامح شكري وزير الخارجية
    المصري") introduces that person with that title and its country (a nationality adjective or a
    country right after it). A title with no name refers to the person the same article introduced
    with the same title and country (the latest before it when several were), and "الوزير" with a
    country to the latest minister of that country introduced before it ("وزير الخارجية الروسي ...
    ثم الوزير الروسي"; not a deputy or the prime minister); failing that, to the
    only person of the article whose role (``actors``: actor_id, country, role) holds the title
    in that country. Honorifics ("الدكتور"), former holders ("السابق"), generic titles ("رئيس
    أميركي", "رئيس للولايات المتحدة") and titles of somebody just named are not references.

    Returns mention rows (row, sentence, start, end, entity_id, entity_kind = person, method = title)
    spanning the title.
    """
    schema = {"row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "entity_id": pl.String, "entity_kind": pl.String, "method": pl.String}
    titles = reference.titles.filter(pl.col("kind") != "honorific").select(
        pl.col("title_ar").map_elements(view_form, return_dtype=pl.String).alias("form"),
        pl.col("title_en").str.to_lowercase().str.extract(r"^(\S+)", 1).alias("_word"),
        "title_en",
    ).unique("form", keep="first")
    found = cues.filter(pl.col("role") == "title").join(titles, on="form", how="inner")
    if found.height == 0:
        return pl.DataFrame(schema=schema)
    # the longest title at each place: "نائب وزير الخارجية", not the "وزير الخارجية" inside it
    found = found.sort(["row", "start", "end"], descending=[False, False, True]).unique(["row", "start"], keep="first", maintain_order=True)
    found = found.with_columns(pl.col("end").cum_max().shift(1).over("row").fill_null(-1).alias("_reach")).filter(pl.col("end") > pl.col("_reach"))
    found = found.select("row", "sentence", "start", "end", "prefix_len", "title_en", "_word").sort("row", "start")
    # the next title of the row, when it has the article (checked below)
    next_start = found.select(pl.col("start").shift(-1).over("row"))["start"]
    definite_next = texts.gather(found["row"]).str.slice(next_start.fill_null(0), 2) == "ال"
    found = found.with_columns(pl.when(definite_next & next_start.is_not_null()).then(next_start).alias("_next_definite"))
    persons = mentions.filter(pl.col("entity_kind") == "person").select(
        "row", pl.col("start").alias("_p_start"), pl.col("end").alias("_p_end"), pl.col("sentence").alias("_p_sentence"), pl.col("entity_id").alias("_person")
    ).sort("row", "_p_start")
    # the name after the title ...
    after = found.join_asof(persons, left_on="end", right_on="_p_start", by="row", strategy="forward", check_sortedness=False)
    # (an envoy's or an ambassador's country after إلى or لدى is the title's complement: "المبعوث الأممي
    # إلى اليمن إسماعيل ولد الشيخ أحمد")
    posted = after["title_en"].str.contains(_POSTED_TITLE).fill_null(False)

    def _posted_to(text: pl.Series) -> pl.Series:
        return text.zip_with(~posted, text.str.replace(r"^(\s*)(?:إلى|الى|لدى)\s", "$1 "))

    gap = _posted_to(text_between(texts, after["row"], after["end"], after["_p_start"].fill_null(0)))
    # between them only the title's complements: definite words ("الأمريكي"، "للبيت الأبيض"),
    # honorifics, and one organization or place ("زعيم كوريا الشمالية كيم"); "نقل وزير الخارجية
    # تحيات خادم الحرمين الشريفين الملك سلمان" does not make the king a foreign minister
    others = mentions.filter(pl.col("entity_kind").is_in(["organization", "place"])).select(
        "row", pl.col("start").alias("_o_start"), pl.col("end").alias("_o_end")
    ).sort("row", "_o_start")
    after = after.with_columns(gap.alias("_gap")).sort("row", "end").join_asof(others, left_on="end", right_on="_o_start", by="row", strategy="forward", check_sortedness=False)
    inside = (after["_o_start"] < after["_p_start"].fill_null(0)) & (after["_o_end"] <= after["_p_start"].fill_null(0))
    head = _posted_to(text_between(texts, after["row"], after["end"], after["_o_start"].fill_null(0)))
    tail = text_between(texts, after["row"], after["_o_end"].fill_null(0), after["_p_start"].fill_null(0))
    after = after.with_columns(
        pl.when(pl.Series(inside).fill_null(False)).then(head + " " + tail).otherwise(pl.col("_gap")).alias("_masked")
    )
    stray = pl.col("_masked").str.replace_all(r"[()\"«»“”،,\-–]", " ").str.split(" ").list.eval(
        pl.element().filter((pl.element() != "") & ~pl.element().str.contains(_TITLE_COMPLEMENT))
    ).list.len()
    after = after.with_columns(
        pl.when(
            (pl.col("_p_sentence") == pl.col("sentence"))
            & (((pl.col("_p_start") - pl.col("end")) <= TITLE_NAME_GAP) | (((pl.col("_p_start") - pl.col("end")) <= APPOSED_NAME_GAP) & pl.col("_gap").str.contains(r"[،,]\s*$")))
            & ~pl.col("_gap").str.contains(_TITLE_GAP_BREAK) & (stray == 0)
        ).then(pl.col("_person")).alias("_named")
    ).drop("_o_start", "_o_end", "_masked")
    # ... or right before it: "سامح شكري وزير الخارجية المصري", "كيم يونغ تشول، رئيس المخابرات"
    ends = persons.select("row", pl.col("_p_end").alias("_b_end"), pl.col("_p_sentence").alias("_b_sentence"), pl.col("_person").alias("_before")).sort("row", "_b_end")
    after = after.sort("row", "start").join_asof(ends, left_on="start", right_on="_b_end", by="row", strategy="backward", check_sortedness=False)
    before_gap = text_between(texts, after["row"], after["_b_end"].fill_null(0), after["start"] - after["prefix_len"])
    after = after.with_columns(
        pl.when((pl.col("_b_sentence") == pl.col("sentence")) & before_gap.str.contains(r"^[\s،,]*$")).then(pl.col("_before")).alias("_apposed")
    )
    # the country of the title: a nationality adjective or a country right after it
    following = texts.gather(after["row"]).str.slice(after["end"], 40).str.extract(r"^\s*(\S+(?:\s+\S+)?)", 1)
    after = after.with_columns(following.alias("_next"))
    words = {w: view_form(w) for w in after["_next"].drop_nulls().unique().to_list()}
    nationality = _nationality_forms(reference)
    after = after.with_columns(pl.col("_next").replace_strict(words, default="", return_dtype=pl.String).alias("_next"))
    after = after.with_columns(
        pl.col("_next").str.extract(r"^(\S+)", 1).alias("_w1"),
        pl.col("_next").alias("_w12"),
    ).join(nationality.rename({"form": "_w12", "country": "_c2"}), on="_w12", how="left").join(
        nationality.rename({"form": "_w1", "country": "_c1"}), on="_w1", how="left"
    )
    countries = reference.places.filter(pl.col("kind") == "country").select(pl.col("place_id").alias("_place"), pl.col("country").alias("_c3"))
    places = mentions.filter(pl.col("entity_kind") == "place").select("row", pl.col("start").alias("_pl_start"), pl.col("entity_id").alias("_place")).join(countries, on="_place").sort("row", "_pl_start")
    after = after.sort("row", "end").join_asof(places, left_on="end", right_on="_pl_start", by="row", strategy="forward", check_sortedness=False).with_columns(
        pl.when((pl.col("_pl_start") - pl.col("end")) <= TITLE_COUNTRY_GAP).then(pl.col("_c3")).alias("_c3")
    )
    # ... or the state the title itself names: "خادم الحرمين الشريفين" (King of Saudi Arabia)
    state_names = dict(reference.places.filter(pl.col("kind") == "country").select("name_en", "country").iter_rows())
    own_state = pl.col("title_en").str.extract(r" of (?:the )?(.+)$", 1).replace_strict(state_names, default=None, return_dtype=pl.String)
    after = after.with_columns(own_state.alias("_c0")).with_columns(
        pl.coalesce("_c0", "_c2", "_c1", "_c3").alias("_country"),
        # the country right after the title: "الرئيس الروسي", "رئيس كوريا الشمالية" (not "رئيس لجنة كوريا ...")
        (pl.col("_c0").is_not_null() | pl.col("_c2").is_not_null() | pl.col("_c1").is_not_null() | ((pl.col("_pl_start") - pl.col("end")) <= 2).fill_null(False)).alias("_country_adjacent"),
    ).drop("_c0")
    # a title with the article and a country of its own between a title and the name names that person,
    # the first title somebody else: "التقى المبعوث الأممي الرئيس اليمني عبدربه منصور هادي" (not one
    # person's second office, "نائب الرئيس رئيس الوزراء خالد بحاح", nor a king's: "خادم الحرمين الشريفين الملك سلمان")
    own_country = after.filter(pl.col("_country").is_not_null()).select("row", pl.col("start").alias("_next_definite"), pl.lit(True).alias("_next_titled"))
    after = after.join(own_country, on=["row", "_next_definite"], how="left", maintain_order="left").with_columns(
        pl.when(pl.col("_next_titled").fill_null(False) & (pl.col("_next_definite") < pl.col("_p_start")).fill_null(False)).then(None).otherwise(pl.col("_named")).alias("_named")
    ).drop("_next_titled", "_next_definite")
    # a name of another country is not the title's: "الزعيم الكوري الشمالي والرئيس الكوري الجنوبي، مون"
    # introduces Moon with the second title, and in "التقى ماكرون الزعيم الكوري الشمالي" the title is
    # the object, not an apposition to Macron
    # (a name right after its title is the holder's whatever the text got wrong: "الرئيس الكوري الجنوبي
    # كيم جونغ-أون"; one after another title joined by و is not)
    # (an international official is of no state: "غوتيريش الرئيس الأوكراني" is the object)
    international = reference.actors.filter((pl.col("side") == "International") & pl.col("country").fill_null("").eq(""))["actor_id"].implode()
    nations = actors.select(
        pl.col("actor_id"), pl.when(pl.col("actor_id").is_in(international)).then(pl.lit("international")).otherwise(pl.col("country").replace("", None)).alias("_nation")
    )
    coordinated = pl.col("_gap").str.contains(r"(?:^|\s)و\S")
    for column, check in (("_named", coordinated), ("_apposed", pl.lit(True))):
        foreign = check & pl.col("_country").is_not_null() & pl.col("_nation").is_not_null() & (pl.col("_nation") != pl.col("_country"))
        after = after.join(nations.rename({"actor_id": column}), on=column, how="left").with_columns(
            pl.when(foreign).then(None).otherwise(pl.col(column)).alias(column)
        ).drop("_nation")
    after = after.join(nations.rename({"actor_id": "_person", "_nation": "_p_nation"}), on="_person", how="left")
    # what the title is of, when it is not a country: "المتحدثة باسم البيت الأبيض" (an
    # organization right after it), "زعيم الجمهوريين" (a definite noun)
    organizations = mentions.filter(pl.col("entity_kind") == "organization").select(
        "row", pl.col("start").alias("_org_start"), pl.col("end").alias("_org_end"), pl.col("entity_id").alias("_org")
    )
    after = after.sort("row", "end").join_asof(organizations.sort("row", "_org_start"), left_on="end", right_on="_org_start", by="row", strategy="forward", check_sortedness=False)
    after = after.with_columns(
        pl.coalesce(
            pl.when((pl.col("_org_start") - pl.col("end")) <= 2).then(pl.col("_org")),
            # "زعيم الجمهوريين" (a title of something: "Leader of"), not "وزير الخارجية الأستاذ"
            pl.when(pl.col("title_en").str.ends_with(" of") & pl.col("_w1").str.starts_with("ال") & pl.col("_c1").is_null() & pl.col("_c3").is_null()).then(pl.col("_w1")),
        ).alias("_complement")
    ).drop("_org_start", "_org_end", "_org")
    # a title of an organization's office after a name that never held it is the verb's object, not an
    # apposition: "التقى الوزير عادل الجبير الأمين العام للأمم المتحدة" (not "بان كي مون، الأمين العام")
    holders = _organization_offices(reference).group_by("_complement", "_office").agg(pl.col("_holder").unique().alias("_holders"))
    after = after.with_columns(_office_of_title(pl.col("title_en")).alias("_office")).join(
        holders, on=["_complement", "_office"], how="left", maintain_order="left"
    ).with_columns(
        pl.when(pl.col("_holders").is_not_null() & ~pl.col("_holders").list.contains(pl.col("_apposed"))).then(None).otherwise(pl.col("_apposed")).alias("_apposed")
    ).drop("_office", "_holders")
    # a title right after an organization describes it: "صحيفة الشعب الناطقة باسم الحزب"
    org_ends = organizations.select("row", pl.col("_org_end").alias("_oe")).sort("row", "_oe")
    after = after.sort("row", "start").join_asof(org_ends, left_on="start", right_on="_oe", by="row", strategy="backward", check_sortedness=False)
    after_org = text_between(texts, after["row"], after["_oe"].fill_null(-10), after["start"] - after["prefix_len"])
    # (not a title with a preposition: "التقى ... في البيت الأبيض بالرئيس الأمريكي" meets him there)
    preposition = text_between(texts, after["row"], after["start"] - after["prefix_len"], after["start"]).str.contains(r"[بل]")
    after = after.with_columns((after_org.str.contains(r"^[\s،,]*$") & (pl.col("_oe") >= 0) & ~preposition).fill_null(False).alias("_describes")).drop("_oe")
    # generic and former: "رئيس أميركي", "رئيس للولايات المتحدة", "الرئيس الأمريكي السابق"
    raw_next = texts.gather(after["row"]).str.slice(after["end"], 40)
    indefinite_adjective = pl.col("_w1").is_not_null() & ~pl.col("_w1").str.starts_with("ال") & pl.col("_c1").is_not_null()
    # ... or an indefinite adjective of the nisba form that names no country after a title without the
    # article: "وكان أول زعيم أجنبي يلتقيه" (a foreign leader, not the leader the article names)
    nisba = (
        pl.col("_w1").is_not_null() & ~pl.col("_w1").str.starts_with("ال") & pl.col("_w1").str.contains(r"^\S{2,}ي$")
        & pl.col("_c1").is_null() & pl.col("_c2").is_null()
    )
    # (not a definite title: "مستشار الأمن القومي للبيت الأبيض")
    title_text = text_between(texts, after["row"], after["start"] - after["prefix_len"], after["end"])
    after = after.with_columns(raw_next.alias("_raw"), title_text.alias("_title_text")).with_columns(
        (indefinite_adjective | (nisba & ~pl.col("_title_text").str.contains(r"(?:^|\s)(?:و|ف)?(?:ب|ل)?ال"))
         | (pl.col("_raw").str.contains(r"^\s+لل") & ~pl.col("_title_text").str.contains(r"(?:^|\s)(?:و|ف)?(?:ب|ل)?ال"))
         | pl.col("_raw").str.contains(_FORMER) | pl.col("_describes")).alias("_generic")
    )
    # "رئيس رواندا بول كاغامه" introduces the president of Rwanda ("الرئيس الرواندي"): the head of a country
    after = after.with_columns(
        pl.when((pl.col("title_en") == "Head of") & pl.col("_country").is_not_null() & pl.col("_complement").is_null())
        .then(pl.lit("President")).otherwise(pl.col("title_en")).alias("title_en")
    )
    intros = after.filter(pl.col("_named").is_not_null() | pl.col("_apposed").is_not_null()).select(
        "row", "title_en", "_country", "_complement", pl.col("start").alias("_i_start"), pl.coalesce("_named", "_apposed").alias("_person")
    )
    prefix = text_before(texts, after["row"], after["start"], 3)
    # (a relational word of ``events.yaml`` right before the title: "سفير خادم الحرمين الشريفين")
    relational = cues.filter(pl.col("role") == "relational").select("row", pl.col("end").alias("_r_end")).unique().with_columns(pl.lit(True).alias("_agent"))
    after = after.with_columns((pl.col("start") - pl.col("prefix_len") - 1).alias("_r_end")).join(relational, on=["row", "_r_end"], how="left").drop("_r_end")
    after = after.with_columns(
        # "لرئيس ...": the title with the preposition ل, or in the construct after an agent or a relative
        # of its holder ("سفير خادم الحرمين الشريفين", "مساعد وزير الخارجية"): his, not him
        (((pl.col("prefix_len") > 0) & pl.Series(prefix.str.contains(r"ل$"))) | pl.col("_agent").fill_null(False)).alias("_of"),
        # (a name in the same phrase, not in a relative clause: "بالرئيس الكوري الجنوبي الذي التقى كيم")
        ((pl.col("_p_sentence") == pl.col("sentence")) & ((pl.col("_p_start") - pl.col("end")) <= TITLE_NAME_REACH)
         & ~pl.col("_gap").str.contains(r"(?:^|\s)(?:الذي|التي|الذين|اللذين|اللتين)(?:\s|$)")
         # (nor of another country: "الزعيم الكوري الشمالي والرئيس الكوري الجنوبي، مون")
         & ~(pl.col("_country").is_not_null() & pl.col("_p_nation").is_not_null() & (pl.col("_p_nation") != pl.col("_country")))).fill_null(False).alias("_name_follows"),
    )
    refs = after.filter(pl.col("_named").is_null() & pl.col("_apposed").is_null() & ~pl.col("_generic")).select(
        "row", "sentence", "start", "end", "title_en", "_word", "_country", "_complement", "_of", "_name_follows", "_country_adjacent"
    ).with_row_index("_ref")
    if refs.height == 0:
        return pl.DataFrame(schema=schema)
    # the same title and country introduced in the article: the latest such person before it
    same = refs.join(intros, on=["row", "title_en", "_country", "_complement"], how="inner", nulls_equal=True)
    same = same.with_columns((pl.col("_i_start") < pl.col("start")).alias("_before")).sort(
        ["_ref", "_before", "_i_start"], descending=[False, True, True]
    ).unique("_ref", keep="first").select("_ref", pl.col("_person").alias("_textual"))
    # ... or, for "الوزير الروسي", the latest minister of that country introduced before it by the title
    # of his ministry ("وزير الخارجية الروسي سيرغي لافروف"; not a deputy's: "نائب وزير الخارجية")
    ministers = intros.filter(pl.col("title_en").str.ends_with("Minister") & ~pl.col("title_en").str.contains(_NOT_THE_MINISTER))
    generic = refs.filter((pl.col("title_en") == "Minister") & pl.col("_country").is_not_null()).join(same, on="_ref", how="anti").join(
        ministers.drop("title_en", "_complement"), on=["row", "_country"]
    ).filter(pl.col("_i_start") < pl.col("start")).sort("_ref", "_i_start", descending=[False, True]).unique("_ref", keep="first")
    # ... "نائب الوزير الكوري الشمالي", the latest deputy minister (of that country) introduced before it
    deputies = intros.filter(pl.col("title_en").str.contains(_DEPUTY_MINISTER)).drop("title_en", "_complement")
    deputy = refs.filter(pl.col("title_en") == "Deputy Minister").join(same, on="_ref", how="anti").join(deputies, on="row").filter(
        (pl.col("_i_start") < pl.col("start")) & (pl.col("_country").is_null() | (pl.col("_country") == pl.col("_country_right")))
    ).sort("_ref", "_i_start", descending=[False, True]).unique("_ref", keep="first")
    # ... and a title of an office with no country ("وقال نائب وزير الخارجية") the one person
    # introduced before it with that title, whatever the country (not when the article introduced
    # two; nor a title of one word, "الرئيس", "الوزير", which the roles below read, if anything:
    # alone it heads committees and parties too, and is often somebody's inside a reported clause)
    office = pl.col("title_en").str.contains(" ", literal=True) & ~pl.col("title_en").str.ends_with(" of")
    sole = refs.filter(pl.col("_country").is_null() & pl.col("_complement").is_null() & office).join(same, on="_ref", how="anti").join(
        intros.drop("_country", "_complement"), on=["row", "title_en"]
    ).filter(pl.col("_i_start") < pl.col("start")).group_by("_ref").agg(pl.col("_person").unique()).filter(pl.col("_person").list.len() == 1)
    same = pl.concat([
        same, generic.select("_ref", pl.col("_person").alias("_textual")), deputy.select("_ref", pl.col("_person").alias("_textual")),
        sole.select("_ref", pl.col("_person").list.first().alias("_textual")),
    ]).unique("_ref", keep="first", maintain_order=True)
    # else the only person of the article whose role is the title (in that country)
    # (the American foreign minister is the Secretary of State: "وزير الخارجية الأمريكي")
    # (not a deputy's or an assistant's: "assistant secretary of state" holds no "secretary" title)
    role = pl.col("role").fill_null("").str.to_lowercase().str.replace_all(r"\b(?:assistant|deputy|vice|under)[ -]\S+", "")
    for office, synonym in _OFFICE_SYNONYMS.items():
        role = role.str.replace_all(office, f"{office}, {synonym}", literal=True)
    roles = actors.select(pl.col("actor_id").alias("_person"), pl.col("country").alias("_a_country"), role.alias("_role"))
    article_people = persons.select("row", "_person").unique().join(roles, on="_person")
    # (a title of an organization of a country holds the whole title in that country: "مستشار الأمن
    # القومي للبيت الأبيض" is the US national security adviser)
    complement_country = actors.select(pl.col("actor_id").alias("_complement"), pl.col("country").replace("", None).alias("_o_country"))
    candidates = refs.join(complement_country, on="_complement", how="left").join(article_people, on="row").filter(
        pl.when(pl.col("_complement").is_null())
        .then(pl.col("_role").str.contains(pl.col("_word"), literal=True) & (pl.col("_country").is_null() | (pl.col("_country") == pl.col("_a_country"))))
        .otherwise(pl.col("_role").str.contains(pl.col("title_en").str.to_lowercase(), literal=True) & (pl.col("_o_country") == pl.col("_a_country")))
        .fill_null(False)
    ).drop("_o_country")
    # ... not a reference person whose offices of state name the word only in a longer office: "الرئيس
    # الكوري الشمالي" is not the president of the presidium of its assembly ("الوزير الأمريكي" is the
    # defense minister: an office one word longer than the title)
    offices = office_holders(reference).select(pl.col("actor_id").alias("_person"), pl.col("office")).unique()
    named = candidates.join(offices, on="_person").filter(pl.col("office").str.split(" ").list.contains(pl.col("_word")))
    # (longer: by more than one word than the title)
    longer = pl.col("office").str.count_matches(" ") > pl.col("title_en").str.count_matches(" ") + 1
    longer_only = named.group_by("_ref", "_person").agg(longer.all().alias("_longer")).filter("_longer")
    by_role = candidates.join(longer_only, on=["_ref", "_person"], how="anti").group_by("_ref").agg(pl.col("_person").unique().alias("_people")).filter(pl.col("_people").list.len() == 1).select(
        "_ref", pl.col("_people").list.first().alias("_by_role")
    )
    resolved = refs.join(same, on="_ref", how="left").join(by_role, on="_ref", how="left")
    if published is not None:
        # ... else, where nobody of the article holds it, the holder of the office that year
        unnamed = resolved.filter(pl.col("_textual").is_null() & pl.col("_by_role").is_null())
        resolved = resolved.join(_by_office(unnamed, reference, published), on="_ref", how="left")
    else:
        resolved = resolved.with_columns(pl.lit(None, pl.String).alias("_by_office"))
    resolved = resolved.with_columns(pl.coalesce("_textual", "_by_role", "_by_office").alias("entity_id")).filter(pl.col("entity_id").is_not_null())
    return resolved.select(
        "row", "sentence", "start", "end", "entity_id", pl.lit("person").alias("entity_kind"), pl.lit("title").alias("method")
    ).cast(schema)
