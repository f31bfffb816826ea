"""States named as the sides of a meeting: "المباحثات بين الولايات المتحدة وكوريا الشمالية"، "محادثات مع
كوريا الجنوبية"، "القمة بين الكوريتين"، "عقدت الولايات المتحدة وكوريا الشمالية محادثات".

``_state_parties(texts, events, mentions, places)`` returns one row per mention and state (event, row,
sentence, start, end, entity_id, _e_start, _e_end, _d); the state is the actor ``STATE_PREFIX`` + place_id.
"""

from __future__ import annotations

import functools

import polars as pl

from ..arabic import find_regex, text_before, text_between
from ..entities import STATE_PREFIX
from ..errors import ReferenceDataError
from ..events import event_vocabulary
from .patterns import _HOSTING_VERB, _MEETING_NOUN_STEMS, BETWEEN_GAP
from .spans import _event_bounds

SUBJECT_STATES_REACH = 60  # characters before a verb within which the states joined as its subject are named


@functools.cache
def _dual_state_words() -> tuple[str, dict[str, list[str]], list[str]]:
    """The regex of ``events.yaml``'s dual_states words with their clitics; each written form of a
    word (الكوريتين, للكوريتين) -> the place ids of its two states; the words without the article,
    which every form contains."""
    duals = event_vocabulary().get("dual_states") or {}
    if not isinstance(duals, dict) or not all(isinstance(v, list) and len(v) == 2 for v in duals.values()):
        raise ReferenceDataError("events.yaml: dual_states must map a word to the place ids of its two states.")
    stems = {word: word[2:] if word.startswith("ال") else word for word in duals}
    states = {form: duals[word] for word, stem in stems.items() for form in (word, "لل" + stem if stem != word else word)}
    forms = sorted(states, key=len, reverse=True)
    pattern = rf"\b(?:و|ف)?(?:ب|ل)?(?P<dual>{'|'.join(forms)})\b" if forms else ""
    return pattern, states, sorted(set(stems.values()))


def _dual_state_sides(texts: pl.Series, events: pl.DataFrame) -> pl.DataFrame:
    """The two states of a dual word after a meeting word ("القمة بين الكوريتين") or as the subject
    right before its verb ("أن الكوريتين تجريان محادثات"), as rows of ``_state_parties`` before its
    side checks: event, row, sentence, start, end, entity_id, _capital, _e_start, _e_end, _subject."""
    pattern, states, stems = _dual_state_words()
    schema = {
        "event": pl.UInt32, "row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "entity_id": pl.String, "_capital": pl.Boolean,
        "_e_start": pl.Int64, "_e_end": pl.Int64, "_subject": pl.Boolean,
    }
    if not pattern or events.height == 0:
        return pl.DataFrame(schema=schema)
    # the regex runs only on the texts that hold one of the words (a literal search is fast)
    rows = pl.DataFrame({"text": texts}).select(pl.any_horizontal(pl.col("text").str.contains(stem, literal=True) for stem in stems))
    rows = rows.to_series().arg_true()
    if rows.len() == 0:
        return pl.DataFrame(schema=schema)
    found = find_regex(texts.gather(rows), pattern, name="_word").with_columns(
        pl.lit(rows).gather(pl.col("row")).alias("row"), pl.col("_word").str.extract(pattern, 1)
    )
    if found.height == 0:
        return pl.DataFrame(schema=schema)
    # the word's clitics are not part of it: its start is where the word begins
    found = found.with_columns((pl.col("end") - pl.col("_word").str.len_chars()).alias("start"))
    candidates = _event_bounds(events).join(found.with_columns(pl.col("row").cast(pl.UInt32)), on="row")
    bounds = candidates.filter((pl.col("start") > pl.col("_e_start")) & ((pl.col("start") - pl.col("_e_end")) <= BETWEEN_GAP))
    between = text_between(texts, bounds["row"], bounds["_e_end"], bounds["start"])
    bounds = bounds.filter(~between.str.contains(r"[.!?؟\n]")).with_columns(pl.lit(False).alias("_subject"))
    # ... or the subject right before a verb, opening its clause: "وأضاف أن الكوريتين تجريان محادثات"
    subject = _subjects_before(texts, candidates, events).with_columns(pl.lit(True).alias("_subject"))
    bounds = pl.concat([bounds, subject.select(bounds.columns)])
    return bounds.with_columns(
        pl.col("_word").replace_strict(states, return_dtype=pl.List(pl.String)).alias("entity_id"), pl.lit(False).alias("_capital")
    ).explode("entity_id").with_columns((STATE_PREFIX + pl.col("entity_id")).alias("entity_id")).select(list(schema)).cast(schema)


# what stands before a clause's subject: the start of the sentence, or "إن/أن" (with و/ف on the subject)
_CLAUSE_OPENING = r"(?:^|[.!?؟:\n]\s*|(?:^|\s)(?:و|ف)?(?:أن|إن|بأن|ان|لأن)\s+)(?:و|ف)?$"


def _subjects_before(texts: pl.Series, candidates: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """The ``candidates`` (rows of a name or word with event, row, start, end, _e_start) that are the
    subject right before a verb (an event that does not open with a noun) and open its clause, with
    those joined to it by "و" before it: "إن الولايات المتحدة تجري محادثات"، "أن الولايات المتحدة وكوريا
    الشمالية تجريان محادثات". The first of the chain must open the clause (``_CLAUSE_OPENING``)."""
    verbs = events.filter(~pl.col("_noun_first")).select("event")
    before = candidates.join(verbs, on="event").filter((pl.col("end") <= pl.col("_e_start")) & (pl.col("_e_start") - pl.col("end") <= SUBJECT_STATES_REACH))
    before = before.sort("event", "start").with_columns(pl.col("start").shift(-1).over("event").fill_null(pl.col("_e_start")).alias("_next"))
    joined = text_between(texts, before["row"], before["end"], before["_next"])
    before = before.with_columns(
        pl.when(pl.col("_next") == pl.col("_e_start")).then(pl.Series(joined.str.contains(r"^\s*$"))).otherwise(pl.Series(joined.str.contains(r"^\s*[،,]?\s*و$"))).alias("_chained")
    )
    # (the chain runs back from the verb: each joined to the next, the nearest right before it)
    before = before.with_columns(pl.col("_chained").cast(pl.Int8).reverse().cum_min().reverse().over("event").alias("_chained")).filter(pl.col("_chained") == 1)
    opens = text_before(texts, before["row"], before["start"], 12).str.contains(_CLAUSE_OPENING)
    return before.with_columns(pl.Series(opens).alias("_opens")).filter(pl.col("_opens").sort_by("start").first().over("event")).drop("_next", "_chained", "_opens")
# what stands between a meeting verb and the first state of its subject: nothing, or a dual construct
_VERB_LEAD = r"^\S+\s+(?:(?:زعيما|رئيسا|قائدا|وزيرا|وزيرتا|ممثلا|مبعوثا)\s+(?:(?:خارجية|دفاع|داخلية)\s+)?)?$"


# the meeting nouns a word for both states may follow as their sides ("قمة الكوريتين")
_NOUN_BEFORE_DUAL = rf"(?:^|\s)(?:و|ف|ب|ل)?(?:ال)?(?:{_MEETING_NOUN_STEMS})(?:ات)?\s+$"


def _state_parties(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """States named as the sides of a meeting: (event, row, sentence, start, end, entity_id, _e_start, _e_end, _d).

    "المباحثات المقترحة بين الولايات المتحدة وكوريا الشمالية", "محادثات مع كوريا الجنوبية": a
    country right after "بين" or "مع" that follows the meeting word (at most two words between),
    or two or more countries as the subject between a verb and its noun ("عقدت الولايات المتحدة
    وكوريا الشمالية محادثات"), and the countries joined to the first by "و". The party is the state, an actor whose id is
    ``STATE_PREFIX`` + the country's place_id (``entities.state_actors``). A country named otherwise is a venue or a topic.
    A capital stands for its state where two or more sides are named ("محادثات بين موسكو وكييف";
    ``places`` column ``capital_of``), not alone ("محادثات مع موسكو" may be a venue).
    """
    countries = pl.concat([
        places.filter(pl.col("kind") == "country").select(pl.col("place_id").alias("entity_id"), pl.col("place_id").alias("_state"), pl.lit(False).alias("_capital")),
        places.filter(pl.col("capital_of").is_not_null()).select(pl.col("place_id").alias("entity_id"), pl.col("capital_of").alias("_state"), pl.lit(True).alias("_capital")),
    ])
    named = mentions.filter(pl.col("entity_kind") == "place").join(countries, on="entity_id").select(
        "row", "sentence", "start", "end", (STATE_PREFIX + pl.col("_state")).alias("entity_id"), "_capital"
    )
    bounded = named.join(_event_bounds(events), on=["row", "sentence"])
    pairs = bounded.filter((pl.col("start") > pl.col("_e_start")) & ((pl.col("start") - pl.col("_e_end")) <= BETWEEN_GAP))
    # ... or the subject right before a verb, opening its clause: "إن الولايات المتحدة تجري محادثات مع بيونغيانغ"
    before = _subjects_before(texts, bounded, events)
    duals = _dual_state_sides(texts, events).select(*pairs.columns, "_subject").with_columns(pl.lit(True).alias("_dual"))
    pairs = pl.concat([pairs, before.with_columns(pl.lit(True).alias("_subject")), duals], how="diagonal")
    pairs = pairs.with_columns(pl.col("_subject").fill_null(False), pl.col("_dual").fill_null(False))
    # (the verb's subject may be the states' leaders or ministers as a dual construct: "عقد زعيما الصين وتايوان محادثات")
    led = text_between(texts, pairs["row"], pairs["_e_start"], pairs["start"])
    verb_lead = led.str.contains(_VERB_LEAD) | pairs["_subject"]
    # (the subject of a verb of hosting is where they meet: "تستضيف أبوظبي ... المفاوضات بين روسيا وأوكرانيا")
    hosting = led.str.contains(r"^" + _HOSTING_VERB + r"\s")
    pairs = pairs.with_columns(verb_lead.alias("_verb_lead"), hosting.alias("_hosting")).filter(
        # a capital between the verb and its noun is the venue ("تعقد في طوكيو قمة ثلاثية بين الصين ..."),
        # unless it is the verb's subject ("عقدت بيونغيانغ محادثات مع سول"), and so is any state
        # that hosts
        ~(((pl.col("_capital") & ~pl.col("_verb_lead")) | pl.col("_hosting")) & (pl.col("start") < pl.col("_e_end")))
    ).drop("_hosting").sort("event", "start", maintain_order=True)
    if pairs.height == 0:
        return pairs.drop("_verb_lead", "_subject", "_dual").with_columns(pl.lit(None, pl.Int64).alias("_d"))
    previous_end = pl.col("end").shift(1).over("event")
    pairs = pairs.with_columns(previous_end.alias("_from"), pl.int_range(pl.len()).over("event").alias("_k"))
    inside = pl.col("start") < pl.col("_e_end")
    lead = text_between(texts, pairs["row"], pairs["_e_end"], pairs["start"])
    link = text_between(texts, pairs["row"], pairs["_from"].fill_null(0), pairs["start"])
    # (after a meeting noun, not a verb: "المصالحة التي جمعت الكوريتين" names no meeting of theirs)
    construct = text_before(texts, pairs["row"], pairs["start"], 12).str.contains(_NOUN_BEFORE_DUAL)
    pairs = pairs.with_columns(
        # (a word for both states right after the meeting word is its sides too: "قمة الكوريتين"، "القمة الكورية-الكورية")
        (lead.str.contains(r"^\s*(?:\S+\s+){0,2}?(?:و?بين|مع)\s+$") | (pl.col("_dual") & lead.str.contains(r"^\s+$") & pl.Series(construct))).alias("_lead"),
        link.str.contains(r"^\s*[،,]?\s*و?\s*$").alias("_link"),
        # "اجتماعا مع كوريا الشمالية قد يعقد": after "مع" right after the noun of a noun and its verb
        # (or after its adjective: "المحادثات المهمة مع الولايات المتحدة - التي من المقرر عقدها")
        # ... or after "بين" there: "المحادثات بين الولايات المتحدة وكوريا الشمالية تجري بشكل أسرع"
        (inside & text_between(texts, pairs["row"], pairs["_e_start"], pairs["start"]).str.contains(r"^\S+\s+(?:[^\s،,.:]+\s+)?(?:مع|بين)\s+$")).alias("_with"),
    )
    # the first country opens the list, right after "بين/مع" or as the subject right after the verb
    # of "عقدت الولايات المتحدة وكوريا الشمالية محادثات"; each next one is joined to the one before
    # ("عقدت روسيا محادثات مع أوكرانيا": the subject, then "مع" after the noun)
    side = pl.when(pl.col("_k") == 0).then(pl.when(inside).then(pl.col("_verb_lead") | pl.col("_with")).otherwise(pl.col("_lead"))).otherwise(
        pl.col("_link") | (~inside & pl.col("_lead"))
    )
    pairs = pairs.with_columns(side.cast(pl.Int8).cum_min().over("event").alias("_side")).filter(pl.col("_side") == 1)
    # a state alone as the subject is too little ("استقبلت الصين ..." may name a place of arrival),
    # and so is a capital alone
    pairs = pairs.filter(~(((inside & ~pl.col("_with")).any() | pl.col("_capital").any()) & (pl.len() < 2)).over("event"))
    columns = ["event", "row", "sentence", "start", "end", "entity_id", "_e_start", "_e_end"]
    pairs = pl.concat([pairs.select(columns), _acting_states(texts, pairs.select(columns), bounded.filter(~pl.col("_capital")))])
    return pairs.unique(["event", "entity_id"], keep="first", maintain_order=True).with_columns((pl.col("start") - pl.col("_e_end")).alias("_d"))


# what a state does to talks it is a side of, right before the state: "هددت كوريا الشمالية بإلغاء
# المحادثات مع الولايات المتحدة", "تهديد كوريا الشمالية الصارم بإلغاء المحادثات" (not "رحبت",
# "أيدت": one may welcome the talks of others)
_ACTING_ON_TALKS = (
    r"(?:^|\s)(?:و|ف)?(?:هدد|هددت|تهدد|يهدد|تهديد|ألغت|الغت|تلغي|إلغاء|الغاء|علقت|تعلق|تعليق|أجلت|اجلت|تؤجل|تأجيل|"
    r"استأنفت|تستأنف|استئناف|رفضت|ترفض|رفض|بدأت|تبدأ|بدء|واصلت|تواصل|مواصلة|انسحبت|تنسحب|انسحاب|أوقفت|اوقفت|توقف|"
    r"وقف|جمدت|تجمد|تجميد|قطعت|تقطع|قطع)\s+$"
)
ACTING_STATE_REACH = 60  # characters from the acting state to the talks it acts on


def _acting_states(texts: pl.Series, sides: pl.DataFrame, named: pl.DataFrame) -> pl.DataFrame:
    """The state that acts on talks with a side named after "مع" ("هددت كوريا الشمالية
    بإلغاء المحادثات مع الولايات المتحدة": North Korea is the other side), as rows of ``sides``:
    a country right after a verb or masdar of ``_ACTING_ON_TALKS``, before the meeting word and in
    its clause. ``named`` are the countries named in the events' sentences, with the events' bounds."""
    # (the side may stand inside a noun and its verb: "المحادثات المهمة مع الولايات المتحدة - التي من المقرر عقدها")
    lead_from = sides.select(pl.when(pl.col("start") < pl.col("_e_end")).then("_e_start").otherwise("_e_end")).to_series()
    with_lead = sides.filter(text_between(texts, sides["row"], lead_from, sides["start"]).str.contains(r"^\s*(?:\S+\s+){0,2}?مع\s+$"))
    actors = named.join(with_lead.select("event", pl.col("entity_id").alias("_other")), on="event").filter(
        (pl.col("end") <= pl.col("_e_start")) & (pl.col("_e_start") - pl.col("end") <= ACTING_STATE_REACH) & (pl.col("entity_id") != pl.col("_other"))
    )
    acting = text_before(texts, actors["row"], actors["start"], 20).str.contains(_ACTING_ON_TALKS)
    closed = text_between(texts, actors["row"], actors["end"], actors["_e_start"]).str.contains(r"[.!?؟:؛،,\n]")
    return actors.filter(acting & ~closed).sort("event", "start").unique("event", keep="last").select(sides.columns)
