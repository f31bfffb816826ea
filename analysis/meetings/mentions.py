"""Meeting mentions of one batch (``meeting_mentions``, vectorized with joins on positions).

A meeting word of ``resources/events.yaml`` (اجتماع، لقاء، محادثات، قمة، زيارة، اتصال هاتفي...,
التقى، اجتمع، استقبل، عقد، أجرى، سيلتقي...) starts a mention; words of one sentence less than
``CLUSTER_GAP`` characters apart are one mention (``_clusters``: "عقد ... اجتماعاً"). ``meeting_mentions``
reads the batch's texts, cues, mentions of actors and places, dates and quotes, and returns one row per
mention (columns ``MENTION_COLUMNS``): its participants (``parties``, ``context_parties``, ``duals``), its
status (``status``), its date, place, duration and mode (``attributes``). ``MeetingPlaces``: the places
table it reads.
"""

from __future__ import annotations

import polars as pl

from ..arabic import WORD_END, text_before, text_between
from ..counterparts import bloc_counterparts, counterpart_references
from ..entities import STATE_PREFIX
from ..groups import GroupFinder
from ..quotes import office_holders, title_references
from ..reference import BuiltPerReference, Reference, capital_cities, country_place_ids, load_reference
from .attributes import _arrivals, _dates, _durations, _modes, _places
from .context_parties import (
    _DEMONSTRATIVE_LEAD, _WHERE_LEAD, _addressees, _anonymous_speakers_side, _during_subjects, _referring_back, _travellers, _where_subjects, _with_delegation_heads,
    _with_delegation_members,
)
from .duals import (
    _DUAL_LEADERS, _DUAL_LEADERS_BEFORE, _DUAL_SUBJECT, _DUAL_SUBJECT_BEFORE, _DUAL_SUBJECT_INSIDE, _dual_owners, _dual_references, _dual_verb_subjects,
    _each_by_ordinal, _officials_of_both, _one_with_each, leaders,
)
from .parties import _participants
from .patterns import (
    _INDEFINITE, _INVITATION, _LETTER_WORD, _NEW_CLAUSE, _PARTICIPLE_CLAUSE, _PREPOSITIONS, _PURPOSE_LEAD, _PURPOSE_LEAD_BEFORE, _RELATIVE_PRONOUN, _SUBJECT_PRONOUN,
    _SUBORDINATE_CLAUSE, _TALKS, _TRAVEL_VERB, _VISIT, CLUSTER_GAP, HELD, PLANNED, SETTING_GAP, VERB_OBJECT_GAP, _with_noun_verbs,
)
from .status import _CONDITION, CONDITION_REACH, _status

# not a masdar with its possessor, though ending in a pronoun: "قال معاليه إن زيارة ..."
_NOT_POSSESSIVE = r"(?:^|\s)(?:و|ف)?(?:معاليه|معاليها|سموه|سموها|فخامته|سيادته|سعادته|إنه|أنه|انه|لكنه|عليه|إليه|اليه|لديه|منه|فيه|عنه|له|به|نفسه|بنفسه|ذاته|نوعه|نوعها|إنها|أنها|لكنها|عليها|لها|بها|منها|فيها|عنها)\s+(?:\S+\s+){0,2}$"

DISCUSSION_WITH = 100  # "بحث ... مع": how far after the verb its counterpart may come
LETTER_AFTER = 80  # "سلم المبعوث الجنرال ... رسالة": how far after a verb of handing over the letter may come

MENTION_COLUMNS = {
    "row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "trigger": pl.String,
    "participants": pl.List(pl.String), "status": pl.String, "date": pl.Date, "date_text": pl.String,
    "month": pl.Date,  # the first day of the month the date names (a day's, or a month's: "في أبريل الماضي")
    "weekday": pl.Int8, "place_id": pl.String, "duration_minutes": pl.Float64, "mode": pl.String, "verb": pl.Boolean,
    "explicit": pl.Boolean, "anaphoric": pl.Boolean, "arrival": pl.Boolean,
    "meal": pl.Boolean,  # "أقام مأدبة غداء تكريما للرئيس": a meal in someone's honour, not the talks of the visit
    "another": pl.Boolean,  # "لقاء آخر", "قمة ثانية": not a meeting named before it
    "together": pl.Boolean,  # "سيلتقي ماكرون رئيسي الدولتين": the others named as one pair or group
    "separately": pl.Boolean,  # "استقبل الملك كلا من ... و... كل على حدة": the others one by one
    "officials": pl.List(pl.String),  # the states among the participants named by their officials ("مسؤولين أميركيين")
}


def _joint_subjects(texts: pl.Series, triggers: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """``_joint``: the first two people named after a verb are joined by "و" (its subject is both)."""
    people = mentions.filter(pl.col("entity_kind") == "person").select(
        "row", pl.col("start").alias("_p1"), pl.col("end").alias("_p1_end"), pl.col("sentence").alias("_p1_sentence")
    ).sort("row", "_p1")
    second = people.select("row", pl.col("_p1").alias("_p2"), pl.col("_p1_sentence").alias("_p2_sentence")).sort("row", "_p2")
    joined = triggers.sort("row", "end").join_asof(people, left_on="end", right_on="_p1", by="row", strategy="forward", check_sortedness=False)
    joined = joined.with_columns(pl.col("_p1_end").fill_null(-1).alias("_from")).sort("row", "_from").join_asof(
        second, left_on="_from", right_on="_p2", by="row", strategy="forward", check_sortedness=False
    )
    subject_gap = texts.gather(joined["row"]).str.slice(joined["end"], (joined["_p1"].fill_null(0) - joined["end"]).clip(0))
    link = texts.gather(joined["row"]).str.slice(joined["_from"].clip(0), (joined["_p2"].fill_null(0) - joined["_from"]).clip(0))
    joint = (
        (pl.col("_p1_sentence") == pl.col("sentence")) & (pl.col("_p2_sentence") == pl.col("sentence")) & (pl.col("_from") >= 0)
        & ((pl.col("_p2") - pl.col("_from")) <= 60) & link.str.contains(r"^[\s،,]*و") & ~link.str.contains(r"[.:؛]|" + _PREPOSITIONS)
        & ~subject_gap.str.contains(_PREPOSITIONS)
    ).fill_null(False)
    return joined.with_columns(joint.alias("_joint")).drop("_p1", "_p1_end", "_p1_sentence", "_p2", "_p2_sentence", "_from").sort("row", "start")


# a letter, in the same sentence
_LETTER = r"^[^.!?؟\n]*?(?:^|\s)" + _LETTER_WORD + r"(?:$|[\s،,.])"

# the roles of the verbs of meeting themselves ("التقى", "يلتقي", "سيلتقي"), not of discussing
_MEET_ROLES = ["meeting_past", "meeting_present", "meeting_future"]

# what follows a verb of holding whose subject is the meeting word before it: a place, a time, a clause end
_PREDICATE_FOLLOWER = (
    r"^\s*(?:[.،,؛:]|$|(?:في|على|خلال|يوم|غدا|اليوم|قريبا|الشهر|الأسبوع|العام|عام|مساء|صباح|بين|بحضور|الاثنين|الإثنين|الثلاثاء|"
    r"الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد|كما|وفق|بعد|قبل|منتصف|مطلع|أواخر|أوائل)(?:\s|$))"
)

TRAVEL_REACH = 80  # characters before "للقاء" searched for the verb of travelling
_WAS = r"(?:^|\s)(?:و|ف)?(?:كان|كانت|كانا|كانوا)\s+(?:[^\s.،,؛:]+\s+){0,3}$"
_PLURAL_VERB = r"(?:ون|وا|ان|ا)$"  # the endings of a verb's dual and plural (in the matching view)
_DUAL_VERB = r"(?:ان|[^وهن]ا)$"  # ... of its dual ("التقيا", "سيلتقيان"; not "عقدها", a verb and its object, nor "التقينا")


# a verb of discussing or lasting in the future, the predicate of the meeting noun before it in its clause
# ("ستبحث", "سيتناول", "ستتمحور", "سيستغرق": س, the person prefix, the stem)
_FUTURE_PREDICATE = r"^[^.!?؟،,:؛\n]*?(?:^|\s)س[يت](?:بحث|ناقش|تناول|ركز|تركز|تطرق|تمحور|شمل|ستغرق|ستمر)(?:ان|ون)?(?:\s|$)"
FUTURE_PREDICATE_REACH = 40  # characters after the meeting noun searched for it
_WE = r"(?:\S\S\Sنا|^س?ن(?:لتقي|جتمع|عقد|جري))$"  # a meeting word of the first person plural (``events.yaml``)


def _clusters(triggers: pl.DataFrame) -> pl.DataFrame:
    """Group the meeting words of a sentence that are less than CLUSTER_GAP apart into mentions."""
    triggers = triggers.sort("row", "start")
    noun = pl.col("role") == "meeting_noun"
    # a verb and its noun are one mention ("عقد ... اجتماعاً", "قمة ... عقدها"); two nouns are two
    # a verb and its object may have the subject between them: "يعقد الرئيس الأمريكي باراك أوباما
    # ونظيره الروسي دميتري ميدفيديف قمة"
    verb_object = noun & ~noun.shift(1) & ((pl.col("start") - pl.col("end").shift(1)) <= VERB_OBJECT_GAP) & ~pl.col("_break")
    # ... and so is the noun that says in what the verb's parties met: "التقى الرئيس الأمريكي ...
    # ونظيره الروسي ... في قمة تاريخية", "استقبل ... خلال زيارة"
    verb_setting = noun & ~noun.shift(1) & pl.col("_in_meeting")
    # a verb of holding goes with its meeting word: its object ("عقد في موسكو اجتماعا") or its
    # subject, named before it ("القمة بين ... ستعقد في سنغافورة"، "الاجتماع الذي عقده ماكرون")
    conduct_subject = pl.col("_conduct") & noun.shift(1) & pl.col("_subject_of") & pl.col("_predicate")
    # (not a verb that has its meeting word before it: "قمة ... التي ستعقد في كندا، ... إلى القمة")
    conduct_object = (
        noun & pl.col("_conduct").shift(1) & ~conduct_subject.shift(1).fill_null(False)
        & ((pl.col("start") - pl.col("end").shift(1)) <= VERB_OBJECT_GAP) & ~pl.col("_clause_break")
    )
    # ... unless the second names the first: "اجتماع قمة", "محادثات القمة" (one space, no proclitic)
    compound = noun & noun.shift(1) & ((pl.col("start") - pl.col("end").shift(1)) <= 1) & (pl.col("prefix_len") == 0)
    # "تجري محادثات مع بيونغيانغ لعقد اجتماع قمة", "محادثات بشأن عقد اجتماع القمة": talks to arrange
    # a meeting are not the meeting
    arranging = (
        pl.col("_conduct") & ((pl.col("_lam") & (pl.col("prefix_len") > 0)) | pl.col("_topic")) & noun.shift(1)
        & pl.col("form").shift(1).str.contains(_TALKS) & (pl.col("row") == pl.col("row").shift(1))
    )
    # ... and a verb of holding with its own object after a meeting word it is no predicate of opens
    # another mention: "خلال اجتماع مفاجئ معه أمس ضرورة عقد القمة" (the meeting held, the summit wanted)
    # (the last word of a batch has no next one: not null, which would make it open a mention there only)
    own_object = (
        pl.col("_conduct") & noun.shift(1) & ~conduct_subject & conduct_object.shift(-1) & (pl.col("row") == pl.col("row").shift(-1)) & ~pl.col("_during_it")
    ).fill_null(False)
    new = (
        (pl.col("row") != pl.col("row").shift(1))
        | (pl.col("sentence") != pl.col("sentence").shift(1))
        | own_object
        | (
            ((pl.col("start") - pl.col("end").shift(1)) > CLUSTER_GAP)
            & ~verb_object.fill_null(False) & ~verb_setting.fill_null(False) & ~conduct_object.fill_null(False) & ~conduct_subject.fill_null(False)
            & ~pl.col("_includes")
        )
        | (noun & noun.shift(1) & ~pl.col("_includes") & ~compound)
        | pl.col("_new_clause")
        | pl.col("_comma_verb")
        # "اجتمع ماكرون مع أردوغان لمناقشة قمة": the summit is what they discussed
        | (noun & pl.col("_topic"))
        # ... also with "لمناقشة" a meeting word itself ("لبحث قمة"، "ناقشا القمة"), unless in it ("بحثا خلال لقاء")
        # (not the noun of the same word: "اتصال" is both)
        | (noun & (pl.col("role").shift(1) == "meeting_discussion") & (pl.col("start") >= pl.col("end").shift(1)) & ~pl.col("_in_meeting"))
        | pl.col("_after_purpose")
        | arranging
    ).fill_null(True)
    # "عقدت بيونغيانغ محادثات مع سول وعقد الزعيمان الكوريان قمة": a verb after "و" with a subject of its
    # own before its meeting word opens another mention than the verb and its meeting word before it
    same_sentence = (pl.col("row") == pl.col("row").shift(-1)) & (pl.col("sentence") == pl.col("sentence").shift(-1))
    second_verb = (
        ~noun & pl.col("_and") & noun.shift(1) & ~noun.shift(2) & noun.shift(-1) & same_sentence
        & (pl.col("row") == pl.col("row").shift(2)) & (pl.col("sentence") == pl.col("sentence").shift(2))
        & ((pl.col("start").shift(-1) - pl.col("end")) > 2)
    ).fill_null(False)
    new = new | second_verb
    # (the talks are the officials': see ``_arranging`` in ``meeting_mentions``)
    triggers = triggers.with_columns(
        new.cum_sum().alias("event"), second_verb.alias("_second_verb"), arranging.shift(-1).fill_null(False).alias("_arranges")
    )
    # "اجتمع ماكرون مع أردوغان لبحث الخلاف مع الاتحاد الأوروبي": a verb of discussing with the ل of
    # purpose, in the clause of a meeting word before it, says what that meeting is for
    purpose_of_previous = (
        (pl.col("role") == "meeting_discussion") & (pl.col("prefix_len") > 0) & pl.col("_lam")
        & (pl.col("row") == pl.col("row").shift(1)) & (pl.col("sentence") == pl.col("sentence").shift(1))
        & (pl.col("role").shift(1) != "meeting_auxiliary") & ~pl.col("_clause_break") & ~pl.col("_new_clause")
    ).fill_null(False)
    return triggers.with_columns(purpose_of_previous.alias("_purpose_of_previous")).group_by("event").agg(
        ((pl.col("role") != "meeting_auxiliary") & ~pl.col("_conduct")).any().alias("_named"),
        pl.col("row").first(),
        pl.col("sentence").first(),
        pl.col("start").min(),
        pl.col("end").max(),
        pl.col("form").str.join(" ").alias("trigger"),
        ((pl.col("role") == "meeting_future") | ((pl.col("role") == "meeting_discussion") & pl.col("form").str.starts_with("س")) | pl.col("_may")).any().alias("_future"),
        (((pl.col("role") != "meeting_noun") & (pl.col("prefix_len") > 0) & pl.col("_lam")) | pl.col("_to_meet")).any().alias("_purpose"),
        (pl.col("role") != "meeting_noun").any().alias("verb"),
        # "يلتقي ماكرون أردوغان في أنقرة": a verb of meeting in the present, none in the past
        (((pl.col("role") == "meeting_present") & ~pl.col("_conduct") & ~pl.col("_was")).any() & ~(pl.col("role") == "meeting_past").any()).alias("_present"),
        # ... and one of holding, which may tell of talks under way ("يجري وفد أمريكي محادثات")
        (((pl.col("role") == "meeting_present") & pl.col("_conduct") & ~pl.col("_was")).any() & ~(pl.col("role") == "meeting_past").any()).alias("_present_conduct"),
        (pl.col("role").first() == "meeting_noun").alias("_noun_first"),
        # "بعقد قمة", "لإجراء محادثات": a verb of holding as a noun, with its preposition
        ((pl.col("role").first() != "meeting_noun") & pl.col("_conduct").first() & pl.col("_preposition").first()).alias("_masdar_first"),
        # a verb of meeting itself ("التقى", "سيلتقي"), not of discussing or holding, opens it
        (pl.col("role").first().is_in(_MEET_ROLES) & ~pl.col("_conduct").first()).alias("_meet_first"),
        pl.col("_second_verb").first().alias("_second_verb"),
        pl.col("_comma_verb").first().alias("_comma_verb"),
        pl.col("_pronoun").any().alias("_pronoun"),
        pl.col("_we").any().alias("_we"),
        # "اجتمعوا", "سيلتقيان": a verb of two or more (not "عقدها", a verb and its object)
        ((pl.col("role").first() != "meeting_noun") & pl.col("form").first().str.contains(_PLURAL_VERB)
         & ~pl.col("form").first().str.contains(r"(?:ه|هما|ها|هم|نا)$")).alias("_plural_verb"),
        # "التقيا", "سيلتقيان": a verb of two
        ((pl.col("role") != "meeting_noun") & pl.col("form").str.contains(_DUAL_VERB)).any().alias("_dual_verb"),
        ((pl.col("role") == "meeting_noun") & pl.col("form").str.starts_with("ال")).any().alias("_definite"),
        pl.col("_purpose_of_previous").first().alias("_purpose_of_previous"),
        pl.col("_arranges").last().alias("_arranging"),
        # "التقى", "جمع": a verb of meeting in the past (not "عقد", also the noun of holding one)
        ((pl.col("role") == "meeting_past") & ~pl.col("_conduct")).any().alias("_met"),
    ).filter(pl.col("_named") & ~pl.col("_purpose_of_previous")).drop("_named", "_purpose_of_previous").sort("event")


def _without_time(texts: pl.Series, triggers: pl.DataFrame, previous_end: pl.Series, dates: pl.DataFrame) -> pl.Series:
    """The text between each meeting word and the one before it (from ``previous_end``) without
    the last date expression in it and the "في"/"خلال" that leads it."""
    gaps = triggers.select("row", pl.lit(previous_end).alias("_from"), (pl.col("start") - pl.col("prefix_len")).alias("_to")).with_row_index("_i")
    inside = gaps.join(dates.select("row", pl.col("start").alias("_d_start"), pl.col("end").alias("_d_end")), on="row").filter(
        (pl.col("_d_start") >= pl.col("_from")) & (pl.col("_d_end") <= pl.col("_to"))
    ).sort("_i", "_d_start").unique("_i", keep="last")
    gaps = gaps.join(inside.select("_i", "_d_start", "_d_end"), on="_i", how="left").sort("_i").with_columns(
        pl.col("_d_start").fill_null(pl.col("_to")), pl.col("_d_end").fill_null(pl.col("_to"))
    )
    before = text_between(texts, gaps["row"], gaps["_from"], gaps["_d_start"]).str.replace(r"(?:^|\s)(?:و|ف)?(?:في|خلال)\s*$", " ")
    after = text_between(texts, gaps["row"], gaps["_d_end"], gaps["_to"])
    return before + after


def meeting_mentions(
    texts: pl.Series,
    cues: pl.DataFrame,
    mentions: pl.DataFrame,
    dates: pl.DataFrame,
    quotes: pl.DataFrame,
    published: pl.Series,
    actors: pl.DataFrame,
    places: pl.DataFrame,
    titles: pl.DataFrame,
    groups: GroupFinder | None = None,
) -> pl.DataFrame:
    """Meeting mentions of one batch (columns ``MENTION_COLUMNS``), all offsets original.

    ``mentions``, ``dates``, ``quotes``: the batch's rows (with row and sentence); ``published``:
    publication date per row; ``actors``: actor_id, country, role; ``places``: place_id, kind,
    capital_of (``MeetingPlaces.for_reference(reference).places``);
    ``titles``: title words in matching view with their English title (title_en); ``groups``:
    the finder of groups of officials for the batch's reference data (default: the package's).
    """
    triggers = cues.filter(pl.col("role").str.starts_with("meeting_"))
    # keyword lines list words, they report nothing; "مفاوضات السلام" names a process
    keyword_lines = cues.filter(pl.col("role") == "keyword_line").select("row", "sentence").unique()
    processes = cues.filter(pl.col("role") == "process").select("row", pl.col("start").alias("_after"))
    triggers = triggers.join(keyword_lines, on=["row", "sentence"], how="anti").with_columns((pl.col("end") + 1).alias("_after"))
    triggers = triggers.join(processes, on=["row", "_after"], how="anti").drop("_after")
    # of two meeting nouns that overlap, the second: "في استقبال معاليه" is "استقبال معاليه"
    # (and of two that start together, the longer: "مكالمات هاتفية", not "مكالمات")
    nouns = triggers.filter(pl.col("role") == "meeting_noun").sort(["row", "start", "end"], descending=[False, False, True])
    shorter = nouns.filter(pl.int_range(pl.len()).over("row", "start") > 0)
    nouns = nouns.unique(["row", "start"], keep="first", maintain_order=True)
    overlapped = nouns.filter((pl.col("start").shift(-1).over("row") < pl.col("end")).fill_null(False))
    dropped = pl.concat([overlapped, shorter]).select("row", "start", "end", "role")
    triggers = triggers.join(dropped, on=["row", "start", "end", "role"], how="anti")
    # "قبل أكثر من عقد", "منذ نحو عقد": a decade, not a verb of holding (not "قبل عقد القمة": a
    # meeting word right after it)
    decade = (
        (pl.col("form") == "عقد") & text_before(texts, triggers["row"], triggers["start"] - triggers["prefix_len"], 16).str.contains(_DECADE_LEAD)
        & ~text_between(texts, triggers["row"], triggers["end"], triggers["end"] + 30).str.contains(_MEETING_WORD_NEXT)
    )
    triggers = triggers.filter(~decade)
    # "بحث/ناقش" report a meeting only with a counterpart: "مع" right after
    # (after its subject: "بحث أمير المنطقة، فلان بن فلان، مع السفير"), not "تحدث عن علاقاته مع"
    following = texts.gather(triggers["row"]).str.slice(triggers["end"], DISCUSSION_WITH).str.extract(r"^([^.!?؟\n]*)", 1)
    first_preposition = following.str.extract(r"(?:^|\s)(مع|عن|حول|بشأن|على)\s", 1)
    triggers = triggers.with_columns((first_preposition == "مع").fill_null(False).alias("_with"))
    # ... or two parties as its subject: "استعرض الشيخ محمد بن زايد ووزير الخارجية السعودي عادل الجبير"
    triggers = _joint_subjects(texts, triggers, mentions).filter(
        (pl.col("role") != "meeting_discussion") | pl.col("_with") | pl.col("_joint")
    ).drop("_with", "_joint")
    # a verb of handing over reports a meeting only with a letter after it ("سلم المبعوث رسالة من
    # الملك إلى الرئيس"; not "تسلم السلطة"), and is then a verb of meeting of its tense
    letter = texts.gather(triggers["row"]).str.slice(triggers["end"], LETTER_AFTER).str.contains(_LETTER)
    handover = pl.col("role") == "meeting_handover"
    triggers = triggers.filter(~handover | pl.Series(letter)).with_columns(
        pl.when(handover & pl.col("form").str.contains(r"^س[يت]"))
        .then(pl.lit("meeting_future"))
        .when(handover & pl.col("form").str.contains(r"^ي"))
        .then(pl.lit("meeting_present"))
        .when(handover)
        .then(pl.lit("meeting_past"))
        .otherwise(pl.col("role"))
        .alias("role")
    )
    # a word of discussing inside a meeting noun is that noun ("اتصالا هاتفيا", "مؤتمر صحفي مشترك")
    nouns = triggers.filter(pl.col("role") == "meeting_noun").select("row", pl.col("start").alias("_n_start"), pl.col("end").alias("_n_end"))
    inside = triggers.filter(pl.col("role") == "meeting_discussion").join(nouns, on="row").filter(
        (pl.col("start") >= pl.col("_n_start")) & (pl.col("end") <= pl.col("_n_end"))
    )
    triggers = triggers.join(inside.select("row", "start", "role"), on=["row", "start", "role"], how="anti")
    if triggers.height == 0:
        return pl.DataFrame(schema=MENTION_COLUMNS)
    # "وألتقي مع الزعيم": a past verb whose alef is no hamza ("التقى"، "اجتمع"، "استقبل") that the
    # text writes with "أ" is the first person of the present, which the view reads the same
    first_person = (pl.col("role") == "meeting_past") & pl.col("form").is_in(["التقي", "اجتمع", "استقبل"]) & (texts.gather(triggers["row"]).str.slice(triggers["start"], 1) == "أ")
    triggers = triggers.with_columns(pl.when(first_person).then(pl.lit("meeting_present")).otherwise(pl.col("role")).alias("role"))
    # the proclitics as written before each word
    prefix = texts.gather(triggers["row"]).str.slice((triggers["start"] - triggers["prefix_len"]).clip(0), triggers["prefix_len"])
    travel_lead = text_before(texts, triggers["row"], triggers["start"] - triggers["prefix_len"], TRAVEL_REACH).str.replace(r"^.*[.!?؟؛]", "")
    triggers = triggers.with_columns(
        prefix.str.starts_with("ل").alias("_lam"),
        prefix.str.starts_with("و").alias("_and"),
        prefix.str.contains(r"^(?:و|ف)?(?:ب|ل)").alias("_preposition"),
        # "وصل ... إلى الدوحة للقاء وزراء ...": arrived to meet them, not yet met; "نقل الدعوة ... إلى
        # الرئيس الروسي لزيارة السعودية": invited to visit, not yet there
        ((pl.col("role") == "meeting_noun") & (prefix == "ل") & (
            ((pl.col("form") == "لقاء") & travel_lead.str.contains(_TRAVEL_VERB)) | (pl.col("form").is_in(["لقاء", "زياره"]) & travel_lead.str.contains(_INVITATION))
        )).alias("_to_meet"),
        # "قد" before a present verb says it may happen: "أن اجتماعا مع زعيم كوريا الشمالية قد يعقد
        # خلال الأسابيع المقبلة" is not held (before a past verb, "قد عقد", it is)
        ((pl.col("role") != "meeting_noun") & pl.col("form").str.contains(r"^(?:ي|ت)")
         & text_before(texts, triggers["row"], triggers["start"] - triggers["prefix_len"], 5).str.contains(r"(?:^|\s)قد\s+$")
         # ... and "أن" before one says it is to happen: "اقترح أن تعقد القمة" (proposed, not held)
         | (pl.col("role") == "meeting_present")
         & text_before(texts, triggers["row"], triggers["start"] - triggers["prefix_len"], 5).str.contains(r"(?:^|\s)(?:و|ف)?(?:أن|ان)\s+$")).alias("_may"),
        ((pl.col("role") != "meeting_noun") & pl.col("form").is_in(list(_with_noun_verbs()))).alias("_conduct"),
        # "وكان ماكرون يلتقي": a present verb after "كان" tells of the past
        text_before(texts, triggers["row"], triggers["start"] - triggers["prefix_len"], 40).str.contains(_WAS).alias("_was"),
        # the verb of holding says what happens to a meeting named before it when nothing but an
        # adverb follows it ("القمة ... ستعقد في سنغافورة") or a relative pronoun leads it ("الذي
        # عقده"); not "قبل القمة ...، أجرت بيونغ يانغ تعديلات" (a verb with its own subject)
        (texts.gather(triggers["row"]).str.slice(triggers["end"], 16).str.contains(_PREDICATE_FOLLOWER)
         | text_before(texts, triggers["row"], triggers["start"] - triggers["prefix_len"], 10).str.contains(rf"(?:^|\s){_RELATIVE_PRONOUN}\s*$")).alias("_predicate"),
        # "بزيارة ... تجري خلالها محادثات": a verb whose pronoun takes up the meeting word before it
        text_between(texts, triggers["row"], triggers["end"], triggers["end"] + 12).str.contains(r"^\s*(?:خلال|في|أثناء|اثناء)(?:ها|ه)(?:\s|$)").alias("_during_it"),
    ).sort("row", "start")
    # a person named right after the word (the subject of a verb: "وزار السيسي روسيا")
    first_people = mentions.filter(pl.col("entity_kind") == "person").select("row", pl.col("start").alias("_next_person")).sort("row", "_next_person")
    triggers = triggers.join_asof(first_people, left_on="end", right_on="_next_person", by="row", strategy="forward", check_sortedness=False).with_columns(
        ((pl.col("_next_person") - pl.col("end")) <= 2).fill_null(False).alias("_subject_next")
    ).drop("_next_person").sort("row", "start")
    # what stands between a meeting word and the one before it: a clause boundary separates them
    previous_end = triggers["end"].shift(1).fill_null(0)
    same_row = triggers["row"] == triggers["row"].shift(1)
    between = texts.gather(triggers["row"]).str.slice(previous_end, (triggers["start"] - triggers["prefix_len"] - previous_end).clip(0))
    # "اجتماعه", "لقائها" (the pronoun as written, not a taa marbuta "قمة"), or a masdar with a
    # pronoun just before the meeting word: "قبوله مبدئيا بلقاء", "إعلانه عن إلغاء قمة"
    written = texts.gather(triggers["row"]).str.slice(triggers["start"], triggers["end"] - triggers["start"])
    before = texts.gather(triggers["row"]).str.slice((triggers["start"] - triggers["prefix_len"] - 30).clip(0), (triggers["start"] - triggers["prefix_len"]).clip(0) - (triggers["start"] - triggers["prefix_len"] - 30).clip(0))
    # the words right before the previous meeting word
    previous_start = (triggers["start"] - triggers["prefix_len"]).shift(1).fill_null(0)
    before_previous = text_before(texts, triggers["row"], previous_start, 16)
    clause_break = ~same_row.fill_null(False) | between.str.contains(rf"[.!?؟؛:]|(?:^|\s)(?:إن|أن|إنه|أنه|التي|الذي|كما|بينما|فيما){WORD_END}")
    # in the same text and close enough for the verb's parties to stand between the two words
    within_setting = same_row.fill_null(False) & (between.str.len_chars() <= SETTING_GAP)
    triggers = triggers.with_columns(
        # ... or a preposition: "اجتمع مع كيم لمناقشة قمة" (the summit is what they discussed), but
        # not the one of a time: "يزور ماكرون أنقرة في الأسبوع المقبل للقاء أردوغان"
        (clause_break | _without_time(texts, triggers, previous_end, dates).str.contains(_PREPOSITIONS)).alias("_break"),
        clause_break.alias("_clause_break"),
        # "زيارة ... إلى موسكو، والتي شملت اجتماعاً مع الرئيس": the meeting is part of the visit
        (within_setting & ~between.str.contains(r"[.!?؟؛:]")
         & between.str.contains(r"(?:^|\s)و?(?:التي|الذي)\s+(?:شملت|شمل|تضمنت|تضمن|تخللتها|تخللها|تخلله)\s*$")).alias("_includes"),
        # a verb of holding after its meeting word, in its clause or a relative one ("الذي عقده")
        (within_setting
         & ~between.str.contains(rf"[.!?؟؛:]|(?:^|\s)(?:إن|أن|إنه|أنه|إنها|أنها|بأن|بأنه|بأنها|لأن|كما|بينما|فيما){WORD_END}")
         & ~between.str.contains(_NEW_CLAUSE) & ~between.str.contains(_PARTICIPLE_CLAUSE)).alias("_subject_of"),
        # "في/خلال" right before the meeting word, in the clause of the one before it (not "على
        # هامش": the bigger meeting around it); "في إطار الزيارة التي يقوم بها", "ضمن زيارته"
        (within_setting & ~clause_break & ~between.str.contains(_NEW_CLAUSE) & ~between.str.contains(_SUBORDINATE_CLAUSE)
         & between.str.contains(r"(?:^|\s)(?:و|ف)?(?:في|خلال|ضمن|في إطار)\s*$")).alias("_in_meeting"),
        # "لن يلتقي بالرئيس الصيني خلال زيارته لبكين، لكنه سيجتمع مع نظيريه": another clause, another mention
        between.str.contains(_NEW_CLAUSE).alias("_new_clause"),
        # "ماكرون زار تركيا في فبراير ...، وزار أردوغان فرنسا في مايو": a verb of meeting after "، و" with a
        # subject of its own right after it opens another mention, and so does one after another verb of
        # meeting ("التقى لافروف الجبير في الدوحة، ويجتمع غدا مع المبعوث": two meetings; not after a
        # visit, which holds it: "سيزور موسكو في 14 أيار، ويلتقي بنظيره الروسي")
        (same_row.fill_null(False) & between.str.contains(r"[،,]\s*$") & pl.col("role").is_in(_MEET_ROLES) & ~pl.col("_conduct")
         & (texts.gather(triggers["row"]).str.slice(triggers["start"] - triggers["prefix_len"], 1) == "و")
         & (pl.col("_subject_next") | (pl.col("role").shift(1).is_in(_MEET_ROLES) & ~pl.col("_conduct").shift(1) & ~pl.col("form").shift(1).str.contains(_VISIT)))).alias("_comma_verb"),
        between.str.contains(_PURPOSE_LEAD).alias("_topic"),
        # "وتمهيدا لهذا الاجتماع، عقد الوزراء لقاء": the meeting word before is what they prepare
        # (after a comma: "استعدادا لعقد القمة", "تمهيدا للقمة، التي ستعقد" are one)
        (same_row.fill_null(False) & before_previous.str.contains(_PURPOSE_LEAD_BEFORE) & between.str.contains(r"[،,]")
         & ~between.str.contains(r"(?:^|\s)(?:التي|الذي)(?:\s|$)")).alias("_after_purpose"),
        (
            # (and "we": "تفاوضنا"، "التقينا")
            written.str.contains(r"(?:ه|ها|هما|هم|نا)$")
            | (before.str.contains(r"\S\S\S(?:ه|ها|هما)\s+(?:\S+\s+){0,2}$") & ~before.str.contains(_NOT_POSSESSIVE))
            # "قال مون إنه ينوي لقاء كيم": the clause's subject is the speaker
            # ... and so is the "we" of one: "وقال إننا في اجتماع الدوحة ... واصلنا النقاش مع"
            | before.str.contains(rf"(?:^|\s){_SUBJECT_PRONOUN}\s+(?:\S+\s+){{0,2}}$")
        ).alias("_pronoun"),
        # the speaker's "we": "تفاوضنا مع تركيا"، "سنلتقي الرئيس أردوغان" (whoever is named after it is its object)
        written.str.contains(_WE).alias("_we"),
    )
    events = _clusters(triggers)
    # "هذا اللقاء", "الاجتماع": a mention that refers back to a meeting named before
    # (also as the object of a verb of holding: "من غير الملائم عقد هذا اللقاء", which says nothing of
    # whether it was held: ``_status``)
    held_this = text_between(texts, events["row"], events["start"], events["end"]).str.contains(r"^\S+\s+(?:هذا|هذه|ذلك|تلك)\s+\S+$")
    demonstrative = text_before(texts, events["row"], events["start"], 6).str.contains(r"(?:هذا|هذه|ذلك|تلك)\s*$") | held_this
    events = events.with_columns(
        (pl.col("_definite") | demonstrative).alias("anaphoric"),
        held_this.alias("_holds_this"),
        # "... حيث سيلتقي": the mention continues the clause before it (``_where_subjects``, ``_trip_dates``)
        text_before(texts, events["row"], events["start"], 40).str.contains(_WHERE_LEAD).alias("_where_led"),
    )
    # "مع زعيم كوريا الشمالية": a title stands for the person the article names with it
    reference = load_reference()
    titled = title_references(texts, cues, mentions, reference, actors, published)
    # "مع نظيره الروسي": the person who holds that office in that country
    titled = pl.concat([titled, counterpart_references(texts, cues, pl.concat([mentions, titled], how="diagonal_relaxed"), reference, published, office_holders(reference))], how="diagonal_relaxed")
    # "بنظرائه الخليجيين": the bloc those counterparts sit for
    titled = pl.concat([titled, bloc_counterparts(texts, cues, reference)], how="diagonal_relaxed")
    groups = groups or GroupFinder.for_reference(reference)
    # the mentions with the people named by a title
    with_titled = pl.concat([mentions, titled], how="diagonal_relaxed")
    parties = _participants(texts, events, cues, with_titled, quotes, actors, titles, places, groups, published)
    events = events.join(parties, on="event", how="left").with_columns(pl.col("participants").fill_null([]), pl.col("officials").fill_null([]))
    events = _referring_back(texts, events)
    events = _with_delegation_heads(texts, events, mentions, frozenset(groups.delegations.values()))
    events = _with_delegation_members(texts, events, mentions)
    events = _during_subjects(texts, events, mentions, cues)
    events = _where_subjects(texts, events, actors.filter(pl.col("kind") == "person")["actor_id"])
    events = _travellers(texts, events, with_titled)
    events = _addressees(texts, events, mentions, cues)
    events = _anonymous_speakers_side(texts, events, quotes, actors, places)
    events = _dual_references(texts, events, mentions, places)
    events = _dual_owners(texts, events, mentions)
    events = _one_with_each(texts, events, with_titled)
    # "وكانت آخر مرة التقى فيها الرئيسان": a verb whose subject is a dual noun is a verb of two
    # ... before it too: "وكان الوزيران قد التقيا"
    dual_subject = text_between(texts, events["row"], events["end"], events["end"] + 40).str.contains(_DUAL_SUBJECT) | text_before(
        texts, events["row"], events["start"], 30
    ).str.contains(_DUAL_SUBJECT_BEFORE) | text_between(texts, events["row"], events["start"], events["end"]).str.contains(_DUAL_SUBJECT_INSIDE)
    dual_noun = (pl.col("verb") & dual_subject).alias("_dual_noun")
    # ... "الرئيسان", "الزعيمان": two heads of state or government
    dual_leaders = text_between(texts, events["row"], events["end"], events["end"] + 40).str.contains(_DUAL_LEADERS) | text_before(
        texts, events["row"], events["start"], 30
    ).str.contains(_DUAL_LEADERS_BEFORE)
    # ... and a meeting two agreed on: "وكان ماكرون وأردوغان قد اتفقا خلال اتصال هاتفي على عقد لقاء قريب"
    agreed_by_two = text_before(texts, events["row"], events["start"], 80).str.contains(r"(?:^|\s)(?:و|ف)?اتفق(?:ا|تا)(?:\s[^.!?؟؛]*)?\sعلى\s+$")
    events = events.with_columns(
        dual_noun, pl.col("_dual_verb") | dual_noun | agreed_by_two, (pl.col("verb") & dual_subject & dual_leaders).alias("_dual_leaders"), agreed_by_two.alias("_agreed_by_two")
    )
    events = _dual_verb_subjects(events, leaders(reference)).drop("_dual_noun", "_dual_leaders")
    events = _officials_of_both(texts, events, actors, places)
    # "لقاء آخر", "قمة ثانية": another meeting than those named before it
    after_word = text_between(texts, events["row"], events["end"], events["end"] + 12)
    events = events.with_columns(
        # (and one agreed on is to come, not the meeting where they agreed: "اتفقا خلال اتصال هاتفي على عقد لقاء")
        ((_INDEFINITE & after_word.str.contains(_ANOTHER)) | pl.col("_agreed_by_two")).alias("another"),
        after_word.str.contains(_PREPARATORY).alias("_preparatory"),
        text_between(texts, events["row"], events["end"], events["end"] + TOGETHER_REACH).str.contains(_TOGETHER).alias("together"),
        text_between(texts, events["row"], events["end"], events["end"] + SEPARATELY_REACH).str.contains(_SEPARATELY).alias("separately"),
        # "مباحثات الجبير - لافروف ستبحث التعاون": a meeting noun whose predicate is in the future is to come
        (pl.col("_future") | (pl.col("_noun_first") & ~pl.col("verb")
         & text_between(texts, events["row"], events["end"], events["end"] + FUTURE_PREDICATE_REACH).str.contains(_FUTURE_PREDICATE))).alias("_future"),
    ).drop("_agreed_by_two")
    events = _each_by_ordinal(texts, events, with_titled)
    # "لم يجتمع رئيس أمريكي بزعيم كوري شمالي", "لن يشارك في الاجتماع", "يتعين عليه ألا يلتقي"
    # (أن + لا), "لا يلتقي", also right after an opening quotation mark («لم يشارك ...»): a negated meeting verb
    negator = text_before(texts, events["row"], events["start"], 8)
    negated = pl.col("verb") & negator.str.contains(r"(?:^|[\s\"«“(])(?:و|ف)?(?:لم|لن|لا|ألا|الا|أن لا|ان لا)\s+$")
    # ... unless on a condition: "لن يعقد الاجتماع دون أن يرى خطوات ملموسة" may yet be held
    condition = text_between(texts, events["row"], events["end"], events["end"] + CONDITION_REACH).str.contains(_CONDITION)
    events = events.with_columns(
        (negated & ~condition).alias("_negated"), (negated & condition).alias("_conditional")
    ).with_columns(pl.col("_future") | pl.col("_conditional")).drop("_conditional")
    events = _status(events, cues, texts)
    events = _referring_back(texts, events, _DEMONSTRATIVE_LEAD, statuses=("held", "planned"))
    events = _dates(texts, events, dates, published)
    # ... and, unless the text says it took place, one to come ("يتطلع إلى لقاء آخر"، "قمة ثانية")
    events = events.with_columns(
        pl.when(pl.col("another") & ~pl.col("explicit") & (pl.col("status") == HELD)).then(pl.lit(PLANNED)).otherwise(pl.col("status")).alias("status"),
        # preparatory meetings of two states are their officials', not their leaders' summit ("وقبيل
        # القمة، أوضح أن الاجتماعات التمهيدية بين واشنطن وبيونغيانغ مضت على نحو جيد")
        # ... and so are talks to arrange a meeting ("تجري محادثات مع بيونغيانغ لعقد اجتماع قمة")
        pl.when(pl.col("_preparatory") | pl.col("_arranging")).then(
            pl.concat_list("officials", pl.col("participants").list.eval(pl.element().filter(pl.element().str.starts_with(STATE_PREFIX)))).list.unique().list.sort()
        ).otherwise(pl.col("officials")).alias("officials"),
    )
    named = with_titled.filter(pl.col("entity_kind").is_in(["person", "organization"])).select("row", "end", "entity_id")
    events = _places(texts, events, mentions, places, named)
    events = _durations(texts, events)
    events = _modes(events, cues)
    events = _arrivals(texts, events)
    return events.select(list(MENTION_COLUMNS)).cast(MENTION_COLUMNS).sort("row", "start")


# what stands before "عقد" the decade: "قبل أكثر من عقد", "منذ نحو عقد", "خلال عقد"
_DECADE_LEAD = r"(?:^|\s)(?:من|منذ|نحو|قرابة|حوالي|طوال|مدى|خلال|قبل|بعد|أكثر|اكثر|أقل|اقل)\s+$"
# ... and what follows "عقد" the verb (or its masdar): a meeting word or a deal, maybe after "هذا"
_MEETING_WORD_NEXT = r"^\s+(?:(?:هذا|هذه)\s+)?(?:ال)?(?:قم|اجتماع|لقاء|محادثات|مباحثات|مفاوضات|مشاورات|جلس|مؤتمر|اتفاق|صفق)"

# an indefinite meeting word followed by one of these is a meeting other than those before it
# ("لقاء آخر", "قمة ثانية", "لقاءات سابقة": earlier ones)
_ANOTHER = r"^\s*(?:آخر|اخر|أخرى|اخرى|ثان|ثانية|ثانيه|ثانيا|ثالث|ثالثة|ثالثه|جديد|جديدة|جديده|جديدا|سابق|سابقة|سابقه|سابقين)(?:[\s.,،؛:]|$)"
# a meeting word followed by one of these prepares another ("الاجتماعات التمهيدية")
_PREPARATORY = r"^\s*(?:ال)?(?:تمهيدية|تمهيديه|تحضيرية|تحضيريه|تمهيدي|تحضيري)(?:[\s.,،؛:]|$)"
# "سيلتقي ماكرون رئيسي الدولتين ... و...", "التقى ماكرون زعماء الدول الثلاث": met as one group
# ("سيجتمع مع نظيريه وزير الخارجية ... وعضو مجلس الدولة ...": his two counterparts, together)
_TOGETHER = r"(?:^|\s)(?:ب|ل)?(?:ال)?(?:رئيسي|زعيمي|وزيري|رئيسين|زعيمين|وزيرين|قادة|زعماء|رؤساء|نظيريه|نظيريها)(?:\s|$)"
TOGETHER_REACH = 60  # characters after the meeting word where such a noun is looked for
# "... كل على حدة" after the others, in the meeting word's sentence: each met the first apart
_SEPARATELY = r"^[^.!?؟\n]*(?:^|\s)(?:كل|كلا|كلاً|كلًا)\s+على\s+(?:حدة|حده)(?:[\s.,،؛:]|$)"
SEPARATELY_REACH = 200  # characters after the meeting word where it is looked for


class MeetingPlaces(BuiltPerReference):
    """The places table as meetings read it (``places``: place_id, kind, country, capital_of, and
    ``main``: the place is the main row of its country, as ``country_place_ids`` picks it), and
    ``within``: the main place_id of the country of each place that is not a country (الدوحة ->
    qatar), built once per reference data: ``MeetingPlaces.for_reference(reference).places``."""

    def __init__(self, reference: Reference):
        country_ids = country_place_ids(reference.places)
        main = [place_id for _, place_id in country_ids]
        inside = reference.places.filter((pl.col("kind") != "country") & pl.col("country").is_in([code for code, _ in country_ids]))
        self.within: dict[str, str] = dict(zip(inside["place_id"].to_list(), inside["country"].replace(dict(country_ids)).to_list()))
        self.places = reference.places.select("place_id", "kind", "country").join(capital_cities(reference.places), on="place_id", how="left").with_columns(
            pl.col("place_id").is_in(main).alias("main")
        )
