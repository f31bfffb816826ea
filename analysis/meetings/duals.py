"""Meetings of two named by a dual. Each function reads the mentions (``events``) and returns them with
``participants`` changed:

* ``_dual_references``: "بين الرئيسين"، "بينهما" refers back to a meeting of two named before (no parties of
  its own); "بين البلدين" names the two states its sentence names before it;
* ``_dual_owners``: "قمتهما" is the meeting of the two people its sentence names together;
* ``_one_with_each``: "قمتين مع ... و..." is two meetings, of one party with each of those named after it;
* ``_each_by_ordinal``: "مرتين، الأولى مع ... والثانية مع ..." is so too;
* ``_officials_of_both``: "مسؤولين من البلدين يلتقون" is a meeting of the two states of the meeting of two before it;
* ``_dual_verb_subjects``: "التقيا"، "التقى الرئيسان" has the parties of the nearest meeting of two before it
  (``leaders``: the persons "الرئيسان" may name).

``meeting_mentions`` reads ``_DUAL_SUBJECT`` and ``_DUAL_LEADERS`` to mark the verbs whose subject is a dual noun.
"""

from __future__ import annotations

import polars as pl

from ..arabic import text_before, text_between
from ..entities import STATE_PREFIX
from ..quotes import office_holders
from ..reference import Reference
from .patterns import _DUAL_MEETINGS
from .referents import _speaker_states
from .spans import _first_word

# "المحادثات التي تمت بين الرئيسين", "القمة بينهما", "لقاءات سابقة قد أجريت بين البلدين": the two
# sides named before
_DUAL_SIDES = (
    r"^\s*(?:(?:قد\s+)?\S+\s+){0,2}?(?:بينهما|(?:و?بين\s+(?:ال)?(?:رئيسين|زعيمين|جانبين|طرفين|بلدين|دولتين|وزيرين|رجلين|زعيمان|رئيسان)))(?:[\s.,،؛:]|$)"
)

# "بين البلدين", "بين الجانبين": the two states named just before, when there are two
_DUAL_STATES = r"^\s*(?:(?:قد\s+)?\S+\s+){0,2}?و?بين\s+(?:ال)?(?:جانبين|طرفين|بلدين|دولتين)(?:[\s.,،؛:]|$)"
DUAL_STATES_GAP = 160  # characters from the pair of states back to the meeting word
DUAL_STATES_SENTENCES, DUAL_STATES_BACK = 2, 400  # ... or, named in a sentence before, how far back


def _dual_references(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """A meeting word followed by its two sides as a dual ("بين الرئيسين", "بينهما") refers back to
    a meeting of two sides named before: unless the dual phrase names both ("القمة بين الزعيمين
    ماكرون وأردوغان"), it keeps no party of its sentence (not the speaker: "المحادثات التي تمت بين
    الرئيسين، أقر كوتس") and joins the meeting it refers to.

    "بين البلدين/الجانبين" after two states joined by "و" in its sentence ("العلاقات بين تركيا
    وفرنسا في القمة المرتقبة بين الجانبين") names those states as its parties instead."""
    after = text_between(texts, events["row"], events["end"], events["end"] + 40)
    dual = after.str.contains(_DUAL_SIDES) & (events["participants"].list.len() < 2)
    events = events.with_columns(
        pl.when(dual).then(pl.lit([], dtype=pl.List(pl.String))).otherwise(pl.col("participants")).alias("participants"),
        (pl.col("anaphoric") | dual).alias("anaphoric"),
    )
    states = events.filter(dual & after.str.contains(_DUAL_STATES)).select("event", "row", "sentence", "start")
    # (a capital stands for its state: "علاقة جديدة بين بيونغيانغ وواشنطن ... القمة المرتقبة بين البلدين")
    countries = pl.concat([
        places.filter(pl.col("kind") == "country").select(pl.col("place_id").alias("entity_id"), pl.col("place_id").alias("_state")),
        places.filter(pl.col("capital_of").is_not_null()).select(pl.col("place_id").alias("entity_id"), pl.col("capital_of").alias("_state")),
    ])
    named = mentions.filter(pl.col("entity_kind") == "place").join(countries, on="entity_id").with_columns(pl.col("_state").alias("entity_id")).sort("row", "start")
    if states.height == 0 or named.height < 2:
        return events
    # two countries in a row, the second right after "و" the first: "تركيا وفرنسا"
    pairs = named.select(
        "row", "sentence", pl.col("end").shift(1).over("row").alias("_first_end"), pl.col("entity_id").shift(1).over("row").alias("_first"),
        pl.col("sentence").shift(1).over("row").alias("_first_sentence"), pl.col("start").alias("_second_start"), pl.col("end").alias("_second_end"),
        pl.col("entity_id").alias("_second"),
    ).filter(pl.col("_first").is_not_null() & (pl.col("_first_sentence") == pl.col("sentence")) & (pl.col("_first") != pl.col("_second")))
    joined = text_between(texts, pairs["row"], pairs["_first_end"], pairs["_second_start"]).str.contains(r"^\s*و\s*$")
    pairs = pairs.filter(joined).sort("row", "_second_end")
    found = states.sort("row", "start").join_asof(pairs, left_on="start", right_on="_second_end", by="row", strategy="backward", check_sortedness=False).filter(
        (pl.col("sentence_right") == pl.col("sentence")) & ((pl.col("start") - pl.col("_second_end")) <= DUAL_STATES_GAP)
    ).select("event", pl.concat_list(STATE_PREFIX + pl.col("_first"), STATE_PREFIX + pl.col("_second")).alias("_states"))
    # ... else the two states its sentence names before it, and no other: "استبقت سول القمة ... تتخلى
    # فيه بيونغيانغ ... منذ آخر محادثات ثنائية بين الجانبين"
    two = states.join(found, on="event", how="anti").join(named.select("row", "sentence", pl.col("start").alias("_s"), "entity_id"), on=["row", "sentence"]).filter(
        pl.col("_s") < pl.col("start")
    ).group_by("event").agg(pl.col("entity_id").unique(maintain_order=True).alias("_two")).filter(pl.col("_two").list.len() == 2)
    found = pl.concat([found, two.select("event", (STATE_PREFIX + pl.col("_two").list.first()).alias("_a"), (STATE_PREFIX + pl.col("_two").list.last()).alias("_b")).select(
        "event", pl.concat_list("_a", "_b").alias("_states")
    )])
    # ... else the last two joined in the sentences just before: "القمة التي عقدها زعيما كوريا الشمالية
    # وكوريا الجنوبية ... وكانت لقاءات سابقة قد أجريت بين البلدين"
    back = states.join(found, on="event", how="anti").sort("row", "start").join_asof(
        pairs, left_on="start", right_on="_second_end", by="row", strategy="backward", check_sortedness=False
    ).filter(
        (pl.col("sentence") - pl.col("sentence_right")).is_between(1, DUAL_STATES_SENTENCES) & ((pl.col("start") - pl.col("_second_end")) <= DUAL_STATES_BACK)
    ).select("event", pl.concat_list(STATE_PREFIX + pl.col("_first"), STATE_PREFIX + pl.col("_second")).alias("_states"))
    found = pl.concat([found, back])
    return events.join(found, on="event", how="left").with_columns(
        pl.coalesce("_states", "participants").alias("participants"),
        (pl.col("anaphoric") & pl.col("_states").is_null()).alias("anaphoric"),
    ).drop("_states")


def _dual_owners(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """"قمتهما", "اجتماعهما": the meeting of two, who are the two people its sentence names together
    ("في مستهل قمتهما التاريخية في أنقرة، أعرب ماكرون عن أمله في علاقة مع نظيره التركي أردوغان"),
    when the mention has found fewer parties of its own."""
    dual = events.filter(_first_word(texts, events).str.contains(r"هما$").fill_null(False) & (pl.col("participants").list.len() < 2))
    if dual.height == 0:
        return events
    people = mentions.filter(pl.col("entity_kind") == "person").sort("row", "start").group_by("row", "sentence").agg(
        pl.col("entity_id").unique(maintain_order=True).alias("_two"),
        pl.col("end").first().alias("_one_end"),
        pl.col("start").filter(pl.col("entity_id") != pl.col("entity_id").first()).first().alias("_other_start"),
    ).filter(pl.col("_two").list.len() == 2)
    # ... named together: "ماكرون ... مع نظيره التركي أردوغان", "ماكرون وأردوغان" (not "رسالة ماكرون إلى أردوغان")
    together = text_between(texts, people["row"], people["_one_end"], people["_other_start"]).str.contains(r"(?:^|\s)مع(?:\s|$)|(?:^|\s)و$")
    owners = dual.select("event", "row", "sentence").join(people.filter(together), on=["row", "sentence"]).select("event", "_two")
    return events.join(owners, on="event", how="left").with_columns(
        pl.coalesce("_two", "participants").alias("participants")
    ).drop("_two")


# a meeting noun in the dual, then "مع" (after at most two words): two meetings, one with each of
# those named after it ("قبيل قمتين مرتقبتين، مع كوريا الجنوبية والولايات المتحدة")
_TWO_MEETINGS = rf"(?:^|\s)(?:و|ف|ب|ل)?(?:ال)?(?:{_DUAL_MEETINGS})$"
_WITH_EACH = r"^(?:\s+[^\s،,.]+){0,2}[\s،,]*\sمع\s"


def _one_with_each(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """Two meetings named by a dual noun with "مع" after it: the parties named after it met the one
    who holds both, not each other. Their participants are put in that order, the holder (any party
    not named after the noun in its sentence) first, for ``article._separate_meetings``; with no
    holder named, none: "قبيل قمتين مرتقبتين، مع كوريا الجنوبية والولايات المتحدة" names no pair."""
    written = text_between(texts, events["row"], events["start"], events["end"])
    after = text_between(texts, events["row"], events["end"], events["end"] + 40)
    each = events.filter(written.str.contains(_TWO_MEETINGS) & after.str.contains(_WITH_EACH)).select("event", "row", "sentence", "end", "participants")
    if each.height == 0:
        return events
    named_after = (
        each.explode("participants").drop_nulls("participants")
        .with_columns(pl.col("participants").str.strip_prefix(STATE_PREFIX).alias("entity_id"))
        .join(mentions.select("row", "sentence", pl.col("start").alias("_m_start"), "entity_id"), on=["row", "sentence", "entity_id"])
        .filter(pl.col("_m_start") >= pl.col("end"))
        .group_by("event").agg(pl.col("participants").unique().alias("_after"))
    )
    ordered = each.join(named_after, on="event", how="left").with_columns(pl.col("_after").fill_null([])).with_columns(
        pl.col("participants").list.set_difference("_after").alias("_holders")
    ).select(
        "event",
        pl.when(pl.col("_holders").list.len() == 0).then(pl.lit([], pl.List(pl.String)))
        .otherwise(pl.concat_list("_holders", pl.col("participants").list.set_intersection("_after"))).alias("_ordered"),
    )
    return events.join(ordered, on="event", how="left").with_columns(pl.coalesce("_ordered", "participants").alias("participants")).drop("_ordered")


# a meeting counted, then each told by its ordinal and the one it was with: "اجتمع كيم جونغ إيل مرتين
# مع رئيسي كوريا الجنوبية السابقين، كانت الأولى مع كيم داي جونغ عام 2000 والثانية مع روه مو هيون"
_ORDINALS = (
    ("الأولى", "الاولى", "الأول", "الاول", "أولاهما", "اولاهما"),
    ("الثانية", "الثانيه", "الثاني", "ثانيتهما"),
    ("الثالثة", "الثالثه", "الثالث"),
)
ORDINALS_REACH = 250  # characters after the meeting word, in its sentence, where the ordinals are read
# what may stand between "مع" after an ordinal and the name it is with: a title of up to four words
_BEFORE_ORDINAL_NAME = r"^(?:[^\s.!?؟،,؛:\n]+\s+){0,4}$"


def _ordinal_with(ordinal: tuple[str, ...]) -> str:
    """The text from a meeting word's end to the name after "<ordinal> ... مع", as a group to measure."""
    return rf"^([^.!?؟\n]*?(?:^|\s)(?:و|ف)?(?:كانت\s+|كان\s+)?(?:{'|'.join(ordinal)})\s+(?:\S+\s+){{0,3}}?مع\s+)"


def _each_by_ordinal(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """Meetings told one by one by their ordinals after a meeting word ("الأولى مع ... والثانية مع
    ..."): the one who held them (any party not named after an ordinal) met each of those, apart.
    Their participants are put in that order, the holder first, and ``separately`` set for
    ``article._separate_meetings``; with no holder named, none. ``events`` needs a ``separately``
    column; ``mentions`` are the batch's (row, start, entity_id, entity_kind)."""
    after = text_between(texts, events["row"], events["end"], events["end"] + ORDINALS_REACH)
    offsets = [after.str.extract(_ordinal_with(ordinal), 1).str.len_chars() for ordinal in _ORDINALS]
    told = events.select("event", "row", "end", "participants").with_columns(
        [offset.alias(f"_at{i}") for i, offset in enumerate(offsets)]
    ).filter(pl.col("_at0").is_not_null() & pl.col("_at1").is_not_null())
    if told.height == 0:
        return events
    named = mentions.filter(pl.col("entity_kind").is_in(["person", "organization"])).select("row", "start", "entity_id").sort("row", "start")
    each = pl.concat([
        told.filter(pl.col(f"_at{i}").is_not_null()).select("event", "row", (pl.col("end") + pl.col(f"_at{i}")).alias("_from"), pl.lit(i).alias("_order"))
        for i in range(len(_ORDINALS))
    ]).sort("row", "_from").join_asof(named, left_on="_from", right_on="start", by="row", strategy="forward", check_sortedness=False).drop_nulls("start")
    # ... the name right after "مع", maybe after a title, in the same clause
    each = each.filter(text_between(texts, each["row"], each["_from"], each["start"]).str.contains(_BEFORE_ORDINAL_NAME)).sort("event", "_order")
    each = each.group_by("event", maintain_order=True).agg(pl.col("entity_id").unique(maintain_order=True).alias("_each"))
    ordered = told.join(each, on="event").select(
        "event",
        pl.when(pl.col("participants").list.set_difference("_each").list.len() == 0).then(pl.lit([], pl.List(pl.String))).otherwise(
            pl.concat_list(pl.col("participants").list.set_difference("_each"), "_each")
        ).alias("_ordered"),
    )
    return events.join(ordered, on="event", how="left").with_columns(
        pl.coalesce("_ordered", "participants").alias("participants"), (pl.col("separately") | pl.col("_ordered").is_not_null()).alias("separately")
    ).drop("_ordered")


# officials "of the two countries" as the subject of a meeting verb, before or right after it, or after
# a meeting noun: "أن دبلوماسيين رفيعي المستوى من البلدين التقوا الاثنين"، "اجتمع مسؤولون من الجانبين"،
# "اجتماع لمسؤولين من البلدين"
_OFFICIALS = r"(?:مسؤول|مسئول|دبلوماسي|ممثل|مفاوض|مبعوث|مندوب)(?:ون|ين|و|ي)?|وفود|وفد|وفدا|خبراء|فرق|فريق|فريقا"
_BOTH_COUNTRIES = r"من\s+(?:ال)?(?:بلدين|جانبين|طرفين|دولتين)"
_OFFICIALS_OF_BOTH_BEFORE = rf"(?:^|\s)(?:{_OFFICIALS})\s+(?:\S+\s+){{0,3}}?{_BOTH_COUNTRIES}\s+(?:قد\s+)?$"
_OFFICIALS_OF_BOTH_AFTER = rf"^\s*(?:ل)?(?:{_OFFICIALS})\s+(?:\S+\s+){{0,3}}?{_BOTH_COUNTRIES}(?:[\s.,،؛:]|$)"
OFFICIALS_OF_BOTH_SENTENCES = 6  # sentences back to the meeting of two whose countries they are


def _officials_of_both(texts: pl.Series, events: pl.DataFrame, actors: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """A meeting word whose subject is officials "of the two countries" ("من البلدين") has for
    parties the states of the nearest meeting of two before it, at most
    ``OFFICIALS_OF_BOTH_SENTENCES`` back: two states, or two people of two countries ("ويقيم
    الزعيمان ... وسيلتقيان الثلاثاء ... أن دبلوماسيين رفيعي المستوى من البلدين التقوا الاثنين":
    the United States and North Korea, not their leaders, whose meeting is to come). The states are
    also its ``officials``, as of "مسؤولين أميركيين وكوريين شماليين". ``actors``: actor_id, kind, country;
    ``places``: place_id, kind, country, main (``MeetingPlaces.places``)."""
    before = text_before(texts, events["row"], events["start"], 60)
    after = text_between(texts, events["row"], events["end"], events["end"] + 60)
    wanted = events.filter(before.str.contains(_OFFICIALS_OF_BOTH_BEFORE) | after.str.contains(_OFFICIALS_OF_BOTH_AFTER)).select("event", "row", "sentence", "start")
    if wanted.height == 0:
        return events
    # (each party's state: a state is its own country's, a person his country's)
    state_of = _speaker_states(actors.filter(pl.col("kind").is_in(["state", "person"])), places).select(
        pl.col("_speaker").alias("actor_id"), pl.col("_speaker_state").alias("_state")
    )
    # the meetings of two parties of two countries
    pairs = (
        events.filter(pl.col("participants").list.len() == 2)
        .select("event", "row", pl.col("start").alias("_p_start"), pl.col("sentence").alias("_p_sentence"), "participants")
        .explode("participants")
        .join(state_of, left_on="participants", right_on="actor_id")
        .group_by("event", "row", "_p_start", "_p_sentence").agg(pl.col("_state").unique().alias("_states"))
        .filter(pl.col("_states").list.len() == 2)
        .drop("event").sort("row", "_p_start")
    )
    found = wanted.sort("row", "start").join_asof(pairs, left_on="start", right_on="_p_start", by="row", strategy="backward", check_sortedness=False).filter(
        pl.col("_states").is_not_null() & ((pl.col("sentence") - pl.col("_p_sentence")) <= OFFICIALS_OF_BOTH_SENTENCES)
    ).select("event", pl.col("_states").list.sort())
    # (their verb in the present tells of talks under way, not of a meeting to come, unless its day is:
    # "قال إن مسؤولين من البلدين يلتقون لصياغة التفاصيل")
    of_both = pl.col("_states").is_not_null()
    return events.join(found, on="event", how="left").with_columns(
        pl.coalesce("_states", "participants").alias("participants"), pl.coalesce("_states", "officials").alias("officials"),
        (pl.col("_present") & ~of_both).alias("_present"),
    ).drop("_states")


# the subject of a verb as a dual noun: "التقى فيها الرئيسان", "اجتمع الجانبان"; the first three name
# two heads of state or government
_LEADER_DUALS = "رئيسان|زعيمان|قائدان"
_DUAL_NOUNS = _LEADER_DUALS + "|جانبان|طرفان|رجلان|وزيران|مسؤولان|وفدان"


def _dual_subject(nouns: str) -> tuple[str, str]:
    """Patterns of a dual noun of ``nouns`` as the subject after a verb, and before it ("وكان الوزيران قد التقيا")."""
    return rf"^\s*(?:\S+\s+){{0,2}}?(?:ال)(?:{nouns})(?:[\s.,،؛:]|$)", rf"(?:^|\s)و?ال(?:{nouns})\s+(?:قد\s+)?(?:و|ف)?$"


_DUAL_SUBJECT, _DUAL_SUBJECT_BEFORE = _dual_subject(_DUAL_NOUNS)
# ... and between a verb and its meeting noun: "وعقد الوفدان اجتماعا"
_DUAL_SUBJECT_INSIDE = rf"^\S+\s+(?:\S+\s+)?ال(?:{_DUAL_NOUNS})\s"
_DUAL_LEADERS, _DUAL_LEADERS_BEFORE = _dual_subject(_LEADER_DUALS)
# the offices (``quotes.office_holders``) of a head of state or government: what "الرئيسان" may name
LEADER_OFFICES = ("president", "prime minister", "king", "queen", "emir", "sultan", "chancellor", "leader", "supreme leader", "premier", "head of government", "interim president", "crown prince")


def leaders(reference: Reference) -> frozenset[str]:
    """The actor_ids of the reference persons who hold or held an office of ``LEADER_OFFICES``."""
    holders = office_holders(reference)
    return frozenset(holders.filter(pl.col("office").is_in(LEADER_OFFICES))["actor_id"].to_list())


DUAL_VERB_SENTENCES = 2  # sentences back to the meeting of two that a verb of two with no party refers to
DUAL_NOUN_SENTENCES = 6  # ... and a verb whose subject is a dual noun ("التقى فيها الرئيسان")


def _dual_verb_subjects(events: pl.DataFrame, leader_ids: frozenset[str] = frozenset()) -> pl.DataFrame:
    """A verb of two that names no party ("إذ التقيا للمرة الأولى في أبريل", "وسيلتقيان الثلاثاء")
    has the two parties of the nearest meeting of exactly two before it in its article, at most
    ``DUAL_VERB_SENTENCES`` sentences back ("القمة المرتقبة بين ماكرون وأردوغان ... إذ التقيا"), or
    ``DUAL_NOUN_SENTENCES`` where a dual noun is its subject (``_dual_noun``: "التقى فيها الرئيسان"),
    which may meet one more ("وكان الوزيران التقيا ... مع نظيرهما الأمريكي": the two and him).

    Where that noun names two heads of state or government (``_dual_leaders``: "الرئيسان"), the
    nearest pair of two of ``leader_ids`` within reach comes first: "توجه بولتون إلى موسكو والتقى
    لافروف. وكانت آخر مرة التقى فيها الرئيسان ..." is about the presidents named before them."""
    pairs = events.filter(pl.col("participants").list.len() == 2).select(
        "row", pl.col("start").alias("_p_start"), pl.col("sentence").alias("_p_sentence"), pl.col("participants").alias("_pair")
    ).sort("row", "_p_start")
    wanted = events.filter(
        pl.col("_dual_verb") & ((pl.col("participants").list.len() == 0) | (pl.col("_dual_noun") & (pl.col("participants").list.len() == 1)))
    ).select("event", "row", "sentence", "start", "_dual_noun", "_dual_leaders")
    if pairs.height == 0 or wanted.height == 0:
        return events
    reach = pl.when(pl.col("_dual_noun")).then(DUAL_NOUN_SENTENCES).otherwise(DUAL_VERB_SENTENCES)

    def nearest(asking: pl.DataFrame, candidates: pl.DataFrame) -> pl.DataFrame:
        return asking.sort("row", "start").join_asof(candidates, left_on="start", right_on="_p_start", by="row", strategy="backward", check_sortedness=False).filter(
            pl.col("_pair").is_not_null() & ((pl.col("sentence") - pl.col("_p_sentence")) <= reach)
        ).select("event", "_pair")

    of_leaders = pairs.filter(pl.col("_pair").list.eval(pl.element().is_in(list(leader_ids))).list.all())
    found = nearest(wanted.filter(pl.col("_dual_leaders")), of_leaders)
    found = pl.concat([found, nearest(wanted.join(found, on="event", how="anti"), pairs)])
    return events.join(found, on="event", how="left").with_columns(
        pl.when(pl.col("_pair").is_null()).then(pl.col("participants")).otherwise(pl.concat_list("_pair", "participants").list.unique(maintain_order=True)).alias("participants")
    ).drop("_pair")
