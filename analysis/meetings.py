"""Who met whom: meeting mentions in sentences, meetings within an article, meetings across articles.

**Meeting mentions** (``meeting_mentions``, one batch at a time, vectorized with joins on positions).
A meeting word of ``resources/events.yaml`` (اجتماع، لقاء، محادثات، قمة، زيارة، اتصال هاتفي...,
التقى، اجتمع، استقبل، عقد، أجرى، سيلتقي...) starts a mention; words of one sentence less than
``CLUSTER_GAP`` characters apart are one mention ("عقد ... اجتماعاً"). Then, within the sentence:

* participants: the people and organizations named nearer to this mention than to any other of
  the sentence, except those named as somebody's relative or agent ("صهر الرئيس رجب طيب أردوغان",
  "مستشار ... للرئيس ماكرون") and the speakers of reported speech; a meeting verb without a named
  subject ("قمة جنيف التي عقدها مع الرئيس بايدن") takes the speaker of the sentence;
* status: denied ("لا توجد خطط لعقد اجتماع"), cancelled, postponed, planned ("من المقرر"،
  "سيلتقي"، "المرتقب"، "لعقد"; or a date after publication), else held;
* date: the nearest date expression; weekday kept even when unresolved; place: the nearest place
  named as a venue ("في ميامي"، "إلى موسكو"، "بموسكو"، "قمة ألاسكا"), not a topic ("الحرب في
  أوكرانيا"); duration ("استمر خمس ساعات"); mode (phone, video, in person).

**Within an article** (``article_meetings``): mentions sharing participants are one meeting; a
mention with fewer than two participants ("الاجتماع"، "المحادثات") enriches the nearest meeting
of the article that it does not contradict.

**Across articles** (``merge_meetings``): article meetings are one meeting when they share
participants and nothing tells them apart: dates (or publication dates), weekday, place and
duration must agree. A merge that rests on no date at all is marked ``uncertain`` and its
``merge_basis`` says what it rests on. A denied meeting is not a meeting: it never reaches the
``meetings`` table, only ``meeting_mentions``.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from itertools import combinations

import polars as pl

from .arabic import find_regex, text_before, text_between
from .errors import ReferenceDataError
from .dates import vocabulary as date_vocabulary
from .entities import DELEGATION_ROLE, STATE_PREFIX
from .events import duration_units, event_vocabulary
from .groups import GroupFinder
from .counterparts import bloc_counterparts, counterpart_references
from .quotes import TITLE_NAME_REACH, office_holders, title_references
from .reference import BuiltPerReference, Reference, capital_cities, country_place_ids, load_reference, view_form

__all__ = ["meeting_mentions", "MeetingPlaces", "article_meetings", "merge_meetings", "meeting_edges", "meeting_tables", "actor_facts", "in_corpus_order", "MENTION_COLUMNS"]

CLUSTER_GAP = 40  # characters between a meeting verb and its noun
SETTING_GAP = 160  # "التقى ... في قمة": the verb's parties may stand between the verb and the noun
VERB_OBJECT_GAP = 90  # ... when only its subject stands between them
_PREPOSITIONS = r"(?:^|\s)(?:مع|في|إلى|الى|على|عن|حول|بشأن|من|منذ|بعد|قبل|خلال|لمناقشة|لبحث|للبحث|لتبادل|لإجراء|إلى جانب)(?:\s|$)"
# verbs of what a meeting discusses: "الاجتماع سيناقش ..."، "محادثاته ستتناول ... الصين"
_DISCUSS_VERBS = r"يناقش|سيناقش|تناقش|ستناقش|يبحث|سيبحث|تبحث|ستبحث|يتناول|سيتناول|تتناول|ستتناول|تناولت"
# what introduces the subject of talks, not a party to them: "لقاء مع عباس حول المصالحة مع حماس"
_TOPIC_LEAD = (
    r"(?:^|\s)(?:حول|بشأن|عن|ضد|على|لبحث|للبحث|لمناقشة|لتقديم|لمواجهة|لمحاربة|لمكافحة|بهدف|بسبب|لتقييم|لدعم|لتعزيز|لإطلاع|لإحاطة|للتباحث|لتبادل|"
    r"بحث|مناقشة|استعراض|تناول|ركزت|تركزت|"
    # "تجري المشاورات في نيويورك قبل انعقاد الجمعية العامة": when, not with whom
    r"انعقاد|"
    # "وأوضحت المصادر أن الاجتماع سيناقش ... النجاحات التي حققها التحالف العربي": what it will discuss
    rf"{_DISCUSS_VERBS})(?:\s|$)"
)
# titles whose complement follows على or عن: "المشرف العام على مركز ...", "المسؤول عن الملف"
_TITLE_PREPOSITION = r"(?:^|\s)(?:ال)?(?:مشرف|مشرفة|مشرفه|مسؤول|مسؤولة|مسؤوله|قائم|قائمة|قائمه)(?:\s+(?:ال)?عام[ةه]?)?\s+(?:على|عن)\s"
# what leads the purpose of a meeting: a meeting word after it is what they prepared or discussed
_PURPOSE_LEAD = r"(?:^|\s)(?:حول|بشأن|لبحث|للبحث|لمناقشة|للتباحث|لتبادل|للتحضير|لترتيب|للإعداد|لإعداد|استعدادا|تمهيدا|من أجل|بهدف)(?:\s|$)"
# the masdars of preparing or arranging a meeting, with or without ل or the article ("للتحضير", "الترتيب")
_PREPARING = "لترتيب|للترتيب|الترتيب|للتحضير|لتحضير|التحضير|للإعداد|لإعداد|الإعداد|للتجهيز|لتجهيز|التجهيز"
# ... written right before the meeting word it leads: "تمهيدا لهذا الاجتماع", "استعدادا للقمة", "للتحضير للقمة"
_PURPOSE_LEAD_BEFORE = rf"(?:^|\s)(?:و|ف)?(?:تمهيدا|استعدادا|تحضيرا|{_PREPARING})\s+(?:ل|لل|لهذا|لهذه|لذلك|لتلك)?\s*$"
# not a masdar with its possessor, though ending in a pronoun: "قال معاليه إن زيارة ..."
_NOT_POSSESSIVE = r"(?:^|\s)(?:و|ف)?(?:معاليه|معاليها|سموه|سموها|فخامته|سيادته|سعادته|إنه|أنه|انه|لكنه|عليه|إليه|اليه|لديه|منه|فيه|عنه|له|به|نفسه|بنفسه|ذاته|نوعه|نوعها|إنها|أنها|لكنها|عليها|لها|بها|منها|فيها|عنها)\s+(?:\S+\s+){0,2}$"
# the pronoun that makes the speaker the subject of a reported clause: "قال مون إنه ينوي لقاء كيم",
# "وقال إننا في اجتماع الدوحة ... واصلنا النقاش مع"
_SUBJECT_PRONOUN = r"(?:إنه|أنه|انه|بأنه|بانه|إنها|أنها|انها|بأنها|إننا|أننا|اننا|بأننا)"
# a comma, then a word that opens another clause: who comes after it is not at the meeting
# ("... الذي عقده ماكرون مع أردوغان في أنقرة، أثار مخاوف من أن ... للافروف", "اجتمع مبعوثون مع الزعيم
# الشمالي في بيونغ يانغ، ثم سافر المبعوثون إلى واشنطن لإحاطة الرئيس الأمريكي")
_NEW_CLAUSE = r"[،,]\s*(?:و|ف)?(?:أثار|أثارت|أثارا|مما|لكن|لكنه|لكنها|غير أن|إلا أن|بينما|فيما|في حين|رغم|برغم|ثم|إذ|كما|من المقرر|من المتوقع)(?:\s|$)"
# what leads the object of a meeting verb, not its subject: "مع" (and titles), or ب/ل on the name
# or on the title before the name ("تجمعه بالزعيم الكوري الشمالي كيم", "ستجمعه بزعيم كوريا الشمالية كيم")
_OBJECT_LEAD = r"(?:(?:^|\s)مع\s+(?:\S+\s+){0,4}|(?:^|\s)و?[بل]|(?:^|\s)و?[بل](?:ال|نظير|زعيم|رئيس|ملك|أمير|وزير|ولي|مستشار|مبعوث|أمين|سفير)\S*[\s،,]+(?:\S+[\s،,]+){0,3})$"
_RELATIVE_PRONOUN = r"(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان)"
SUBJECT_STATES_REACH = 60  # characters before a verb within which the states joined as its subject are named
TITLE_PARTY_GAP = 40  # a party named by its title alone stands this close to the meeting word
PURPOSE_TITLE_GAP = 80  # ... or this close before the meeting its journey is for ("وصل ... للقاء")
BETWEEN_GAP = 90  # "قمة بين X وY": how far the second party may come after the meeting word
PRONOUN_SENTENCES = 2  # "عقدها": the one who spoke at most this many sentences before
DISCUSSION_WITH = 100  # "بحث ... مع": how far after the verb its counterpart may come
DENIED_BEFORE = 60  # a denial this close before a meeting word applies to it
# what one may refuse to do about a meeting other than hold it: tell, comment, reveal, confirm
_TELLING = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال)?(?:كشف|تفاصيل|تعليق|إفصاح|افصاح|إدلاء|ادلاء|حديث|تطرق|خوض|إجابة|اجابة|تأكيد|تاكيد|نفي|إعلان|اعلان|توضيح|رد)(?:\s|$)"
PLANNED_BEFORE, PLANNED_AFTER = 60, 25
RELATIONAL_GAP = 30  # "صهر الرئيس" ... name
VENUE_DISTANCE = 100  # a venue is named near its meeting word (after its participants)
HELD, PLANNED, DENIED, CANCELLED, POSTPONED = "held", "planned", "denied", "cancelled", "postponed"
# "تراجع الرئيس الفرنسي إيمانويل ماكرون عن قراره": the verb that takes a decision back, this close
# before the words of the ``reversed`` cue
REVERSAL_GAP = 60
_REVERSAL_VERB = r"(?:^|\s)(?:و|ف|ثم\s+)?(?:تراجع|تراجعت|يتراجع|تتراجع|عدل|عدلت|يعدل|عاد|عادت|أعاد|أعادت|اعاد|اعادت)(?:\s|$)"

MENTION_COLUMNS = {
    "row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "trigger": pl.String,
    "participants": pl.List(pl.String), "status": pl.String, "date": pl.Date, "date_text": pl.String,
    "month": pl.Date,  # the first day of the month the date names (a day's, or a month's: "في أبريل الماضي")
    "weekday": pl.Int8, "place_id": pl.String, "duration_minutes": pl.Float64, "mode": pl.String, "verb": pl.Boolean,
    "explicit": pl.Boolean, "anaphoric": pl.Boolean, "arrival": pl.Boolean,
    "meal": pl.Boolean,  # "أقام مأدبة غداء تكريما للرئيس": a meal in someone's honour, not the talks of the visit
    "another": pl.Boolean,  # "لقاء آخر", "قمة ثانية": not a meeting named before it
    "together": pl.Boolean,  # "سيلتقي ماكرون رئيسي الدولتين": the others named as one pair or group
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


# "أثناء الاجتماع", "وفي نهاية اللقاء": a time within the meeting named before
_WITHIN_LEAD = r"(?:^|\s)(?:و|ف)?(?:خلال|أثناء|اثناء|في بداية|في نهاية|في ختام|في مستهل|مع بداية|مع نهاية)\s+$"
# "وتلك المناقشات": a demonstrative pointing back at it
_DEMONSTRATIVE_LEAD = r"(?:^|\s)(?:و|ف)?(?:هذه|هذا|تلك|ذلك)\s+$"


def _referring_back(texts: pl.Series, events: pl.DataFrame, lead_pattern: str = _WITHIN_LEAD, statuses: tuple[str, ...] = ()) -> pl.DataFrame:
    """A definite meeting noun with no verb, led by a time within it ("وقدم ... الدكتور عبدالله
    العبداللطيف، أثناء الاجتماع، عرضا"; ``lead_pattern``), after a meeting of two or more parties in
    its article, is that meeting: who is named around it speaks or presents there, and is no new
    party (its participants are emptied, so that it joins the meeting before it, ``article_meetings``).
    With ``_DEMONSTRATIVE_LEAD`` and ``statuses`` (after ``_status``): "طلب الرئيس من مستشاره دعوة
    نظيره ... وتلك المناقشات جارية", when the text says it is held or planned (not "دعا ... إلى
    إلغاء ذلك الاجتماع", which is about whoever it names)."""
    lead = text_before(texts, events["row"], events["start"], 16)
    of_two = (pl.col("participants").list.len() >= 2).cast(pl.Int32)
    earlier = of_two.cum_sum().over("row", order_by="start") - of_two
    within = pl.col("anaphoric") & ~pl.col("verb") & pl.Series(lead.str.contains(lead_pattern)) & (earlier > 0)
    if statuses:
        within = within & pl.col("status").is_in(list(statuses))
    return events.with_columns(pl.when(within).then(pl.lit([], pl.List(pl.String))).otherwise(pl.col("participants")).alias("participants"))


DURING_SUBJECT_GAP = 200  # "خلال قمة ... في بانمونجوم، ...، أكد كيم والرئيس مون": the clause after a "during" phrase


def _during_subjects(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """A meeting named in a "during" phrase has the subjects of its sentence as parties.

    "وخلال قمة نادرة بين الكوريتين الشهر الماضي في بانمونجوم، ... أكّد كيم والرئيس الكوري الجنوبي
    مون": a mention with fewer than two participants besides states, led by خلال / أثناء / على هامش, takes the first
    two people named after it in its sentence when "و" joins them (with at most their titles between),
    unless they accompany someone ("ورافق خلال الزيارة ..."; ``cues`` with role attendance).
    """
    lead = text_before(texts, events["row"], events["start"], 12)
    during = events.with_columns(lead.str.contains(r"(?:^|\s)(?:و|ف)?(?:خلال|أثناء|اثناء|على هامش)\s+$").alias("_during")).filter(
        # (states as sides count for nothing: "بين الكوريتين" names the two states whose leaders these are)
        pl.col("_during") & (pl.col("participants").list.eval(~pl.element().str.starts_with(STATE_PREFIX)).list.sum() < 2)
    ).join(cues.filter(pl.col("role") == "attendance").select("row", "sentence").unique(), on=["row", "sentence"], how="anti")
    if during.height == 0:
        return events
    people = mentions.filter(pl.col("entity_kind") == "person").select(
        "row", pl.col("sentence").alias("_sentence"), pl.col("start").alias("_p"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_id")
    ).sort("row", "_p")
    # ... named before any other meeting word ("خلال قمة ... على انعقاد القمة المرتقبة بين مون وكيم")
    next_start = events.sort("row", "start").select("event", pl.col("start").shift(-1).over("row").alias("_next"))
    first = during.join(next_start, on="event").select("event", "row", "sentence", "end", "_next").sort("row", "end").join_asof(
        people, left_on="end", right_on="_p", by="row", strategy="forward", check_sortedness=False
    ).filter(
        (pl.col("_sentence") == pl.col("sentence")) & ((pl.col("_p") - pl.col("end")) <= DURING_SUBJECT_GAP)
        & (pl.col("_next").is_null() | (pl.col("_p") < pl.col("_next")))
    ).drop("_next")
    second = first.rename({"_p": "_p1", "_id": "_id1"}).drop("_sentence").sort("row", "_p_end").join_asof(
        people, left_on="_p_end", right_on="_p", by="row", strategy="forward", check_sortedness=False
    ).filter(pl.col("_sentence") == pl.col("sentence"))
    link = texts.gather(second["row"]).str.slice(second["_p_end"], (second["_p"] - second["_p_end"]).clip(0))
    joined = second.filter(
        link.str.contains(r"^\s*و") & ~link.str.contains(r"[.:؛،,]|" + _PREPOSITIONS) & ((second["_p"] - second["_p_end"]) <= 60)
        & (pl.col("_id1") != pl.col("_id"))
    ).select("event", pl.concat_list("_id1", "_id").alias("_subjects"))
    return events.join(joined, on="event", how="left").with_columns(
        pl.coalesce("_subjects", "participants").alias("participants")
    ).drop("_subjects")


# "حيث سيلتقي" after a clause with a subject: "يزور نتنياهو موسكو ... حيث سيلتقي الرئيس الروسي"
_WHERE_LEAD = r"(?:^|\s)(?:و|ف)?حيث\s+(?:(?:من المقرر|من المتوقع|يتوقع|يُتوقع|كان|كانت)\s+(?:أن\s+)?)?$"
# a visit, as its meeting words are in matching view ("زياره", "يزور", "سيزور", "زار")
_VISIT = r"(?:^|\s)\S*(?:زيار|يزور|تزور|زار)"
# the roles of the verbs of meeting themselves ("التقى", "يلتقي", "سيلتقي"), not of discussing
_MEET_ROLES = ["meeting_past", "meeting_present", "meeting_future"]


def _where_subjects(texts: pl.Series, events: pl.DataFrame, persons: pl.Series) -> pl.DataFrame:
    """A meeting verb after "حيث" with fewer than two parties also has the one party of the
    meeting word before it in its sentence, when that party is a person: the subject of the clause
    "حيث" continues ("يزور نتنياهو باريس ... حيث سيلتقي الرئيس الفرنسي إيمانويل ماكرون"). So does a
    meeting noun joined by "و" to a visit of its clause: "يعتزم زيارة أنقرة ولقاء الرئيس التركي"
    (whose visit is whose meeting). ``events``: with ``_where_led``; ``persons``: the actor_ids of persons."""
    ordered = events.sort("row", "start").with_columns(
        pl.col("participants").shift(1).over("row", "sentence").alias("_before"),
        pl.col("trigger").shift(1).over("row", "sentence").str.contains(_VISIT).alias("_after_visit"),
        pl.col("end").shift(1).over("row", "sentence").alias("_before_end"),
    )
    # "و" on the noun, nothing but words between it and the visit (no comma, no clause)
    between = text_between(texts, ordered["row"], ordered["_before_end"].fill_null(0), ordered["start"])
    joined = (
        pl.col("_noun_first") & pl.col("_after_visit").fill_null(False) & between.str.contains(r"^[^.!?؟؛:،,]*\sو$")
        & ~between.str.contains(_COMPLEMENTIZER) & ~between.str.contains(_SUBORDINATE_CLAUSE) & ((pl.col("start") - pl.col("_before_end")) <= CLUSTER_GAP * 2)
    )
    where = ordered.filter(
        ((pl.col("verb") & pl.col("_where_led")) | joined) & (pl.col("participants").list.len() < 2) & (pl.col("_before").list.len() == 1)
    ).with_columns(pl.col("_before").list.first().alias("_subject")).filter(pl.col("_subject").is_in(persons.implode()))
    added = where.select(
        "event", pl.concat_list(pl.col("_subject"), pl.col("participants")).list.unique(maintain_order=True).alias("_with_subject")
    )
    return events.join(added, on="event", how="left").with_columns(pl.coalesce("_with_subject", "participants").alias("participants")).drop("_with_subject")


TRAVELLER_GAP = 60  # characters between a verb of travelling and the person who travels
TRAVEL_CLAUSE = 160  # characters before a meeting verb searched for the journey it continues


def _travellers(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """A verb of meeting joined by "و" to a journey before it in its sentence has the traveller among
    its parties: "وكان بولتون قد توجه إلى موسكو، للتحضير للقمة، والتقى وزير الخارجية الروسي",
    "يصل المبعوث الدولي إلى مسقط ... وسيجتمع بوفد الحوثيين" (the one who went is the one who met).

    The traveller is a person named at most ``TRAVELLER_GAP`` characters from the verb of travelling
    (``_TRAVEL_VERB``), between the start of the sentence and the verb of meeting: the nearest one
    after it, else the first one before it (not one who says somebody went: "قال X إن Y توجه"); the
    verb of meeting has fewer than two parties. ``mentions``: with the titled ones."""
    lead = text_before(texts, events["row"], events["start"], TRAVEL_CLAUSE)
    wanted = events.with_columns(
        lead.str.replace(r"^.*[.!?؟\n]", "").alias("_lead")
    ).filter(
        pl.col("verb") & pl.col("_meet_first") & (pl.col("participants").list.len() < 2)
        & pl.col("_lead").str.contains(r"(?:^|\s)و(?:س)?$") & pl.col("_lead").str.contains(_TRAVEL_VERB)
    )
    if wanted.height == 0:
        return events
    # where the verb of travelling stands (the lead ends at the meeting verb)
    # (``str.find`` counts bytes: the characters before the verb are counted instead)
    before_travel = pl.col("_lead").str.replace(_TRAVEL_VERB + ".*$", "").str.len_chars()
    wanted = wanted.with_columns((pl.col("start") - pl.col("_lead").str.len_chars() + before_travel).alias("_travel"))
    people = mentions.filter(pl.col("entity_kind") == "person").select("row", "sentence", pl.col("start").alias("_p"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_traveller"))
    found = wanted.select("event", "row", "sentence", "start", "_travel", "participants").join(people, on=["row", "sentence"]).filter(
        (pl.col("_p_end") <= pl.col("start")) & ~pl.col("participants").list.contains(pl.col("_traveller"))
    ).with_columns(
        (pl.col("_p") >= pl.col("_travel")).alias("_after"),
        pl.when(pl.col("_p") >= pl.col("_travel")).then(pl.col("_p") - pl.col("_travel")).otherwise(pl.col("_travel") - pl.col("_p_end")).alias("_d"),
    ).filter(pl.col("_d") <= TRAVELLER_GAP)
    # (not one who says the traveller went: "قال لافروف إن كيري توجه إلى جنيف")
    found = found.filter(pl.col("_after") | ~text_between(texts, found["row"], found["_p_end"], found["_travel"]).str.contains(_COMPLEMENTIZER))
    # the subject right after the verb ("وصل وزير الخارجية جون كيري إلى"), else the first before it,
    # the subject of the clause ("كان بولتون مستشار الأمن القومي للرئيس الأمريكي قد توجه")
    found = found.sort("event", ~pl.col("_after"), pl.when(pl.col("_after")).then(pl.col("_d")).otherwise(pl.col("_p"))).unique("event", keep="first").select(
        "event", pl.concat_list(pl.col("_traveller"), pl.col("participants")).alias("_with_traveller")
    )
    return events.join(found, on="event", how="left").with_columns(pl.coalesce("_with_traveller", "participants").alias("participants")).drop("_with_traveller")


# "قال ماكرون للملك عبد الله ...": the one a speech verb is said to (ل on the name or on its title)
_ADDRESSEE_LEAD = r"(?:^|\s)ل(?:ل|ال)?(?:ملك|رئيس|أمير|وزير|ولي|مستشار|زعيم|نظير|سلطان|شيخ|أمين|مبعوث|سفير|مستشارة|رئيسة|وزيرة)\S*\s+(?:\S+\s+){0,3}$|(?:^|\s)ل$"
ADDRESSEE_GAP = 60  # characters from the speech verb to the one it is said to


def _addressees(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """A meeting noun with a singular pronoun ("للقائه") in what somebody is told about a third
    person ("قال لافروف للملك عبد الله الثاني إن الرئيس الصيني شي جين بينغ يتطلع للقائه") is the
    meeting of that person with the one told: the pronoun refers to the addressee, and the speaker
    is no party.

    The addressee is the person named with ل after a speech verb of the sentence (at most
    ``ADDRESSEE_GAP`` characters on, nothing but the speaker between); then "إن/أن" and the person
    who is the subject of the reported clause must come before the meeting noun."""
    written = _first_word(texts, events)
    owned = events.filter(
        pl.col("_noun_first") & written.str.contains(r"\S\S(?:ه|ها)$").fill_null(False) & ~written.str.contains(r"هما$").fill_null(False)
    ).select("event", "row", "sentence", "start", "participants")
    if owned.height == 0:
        return events
    people = mentions.filter(pl.col("entity_kind") == "person").select("row", "sentence", pl.col("start").alias("_p"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_addressee"))
    lead = text_before(texts, people["row"], people["_p"], 40)
    told = people.filter(lead.str.contains(_ADDRESSEE_LEAD))
    verbs = cues.filter(pl.col("role") == "speech_verb").select("row", "sentence", pl.col("end").alias("_v_end"))
    told = told.join(verbs, on=["row", "sentence"]).filter((pl.col("_v_end") <= pl.col("_p")) & ((pl.col("_p") - pl.col("_v_end")) <= ADDRESSEE_GAP))
    told = told.filter(~text_between(texts, told["row"], told["_v_end"], told["_p"]).str.contains(_COMPLEMENTIZER + r"|[.!?؟؛:]"))
    pairs = owned.join(told.drop("_v_end").unique(), on=["row", "sentence"]).filter(pl.col("_p_end") <= pl.col("start"))
    pairs = pairs.sort("event", "_p").unique("event", keep="last")
    # ... then "إن/أن" and the subject of what is reported, before the meeting noun
    reported = text_between(texts, pairs["row"], pairs["_p_end"], pairs["start"])
    pairs = pairs.filter(reported.str.contains(_COMPLEMENTIZER) & ~reported.str.contains(r"[.!?؟؛:]"))
    subjects = people.select("row", "sentence", pl.col("_p").alias("_s"), pl.col("_addressee").alias("_subject"))
    clause = pairs.join(subjects, on=["row", "sentence"]).filter((pl.col("_s") > pl.col("_p_end")) & (pl.col("_s") < pl.col("start")))
    clause = clause.filter(pl.col("_subject") != pl.col("_addressee")).group_by("event", "_addressee").agg(pl.col("_subject").unique(maintain_order=True).alias("_subjects"))
    added = clause.select("event", pl.concat_list(pl.col("_addressee"), pl.col("_subjects")).alias("_told"))
    return events.join(added, on="event", how="left").with_columns(pl.coalesce("_told", "participants").alias("participants")).drop("_told")


# the sides of a meeting word follow "بين" up to two words after it ("القمة التاريخية المرتقبة بين")
_BETWEEN_LEAD = r"^\s*(?:\S+\s+){0,2}?(?:و?بين)\s"
# "أن/إن" open what somebody says: who is named before them reports a meeting named after them
_COMPLEMENTIZER = r"(?:^|\s)(?:و|ف)?(?:أن|إن|بأن|لأن)(?:\s|$)"
# the "إن/أن" that opens a reported clause, as written ("إنه", "بأنها", "ان")
# (also at the opening of a quotation: "وقالت الخارجية أمس السبت: «إن لافروف سيعقد اجتماعا")
_REPORTED_CLAUSE = r"(?:^|[\s«“\"])(?:و|ف)?ب?(?:أن|إن|ان)(?:ه|ها|هم|هما)?(?:\s|$)"
TELLER_GAP = 60  # characters from a person to a pronoun of the same clause that refers to them
CLAUSE_PENALTY = 1_000  # characters added to the distance of a party across a subordinate clause
# ... and one across such a clause and farther than this from it is none of its parties ("واشنطن
# عارضت ترشح كيناتا ...، قبل أن يتوجه إلى أديس أبابا، حيث من المقرر أن يلتقي رئيس الوزراء")
FAR_ACROSS_CLAUSE = 150
# a subordinate clause: a party does not cross it to another meeting word, nor does a "في قمة" after
# it join the verb before it ("يلتقي ... بأعضاء الكونغرس، بعدما انتقد كثير منهم أداءه في قمة جمعته");
# not "حيث"/"إذ", which tell more of the same meeting ("محادثات ...، حيث ناقش فيدان وبارو")
_SUBORDINATE_CLAUSE = r"(?:^|\s)(?:و|ف)?(?:بعدما|بعد أن|قبل أن|عندما|حينما|حين|لأن|منذ أن|كي|لكي|وسط)(?:\s|$)"
# "، معتبرا أنها ...": a participle opens a clause of its own
_PARTICIPLE_CLAUSE = (
    r"[،,]\s*(?:معتبرا|مضيفا|مؤكدا|مشيرا|قائلا|موضحا|لافتا|معربا|مشددا|مبديا|منوها|مبينا|معلنا|محذرا|داعيا|مطالبا|مشيدا"
    r"|معتبرة|مضيفة|مؤكدة|مشيرة|قائلة|موضحة|لافتة|معربة|مشددة|مبدية|منوهة|مبينة|معلنة|محذرة|داعية|مطالبة|مشيدة)"
)
# what follows a verb of holding whose subject is the meeting word before it: a place, a time, a clause end
_PREDICATE_FOLLOWER = (
    r"^\s*(?:[.،,؛:]|$|(?:في|على|خلال|يوم|غدا|اليوم|قريبا|الشهر|الأسبوع|العام|عام|مساء|صباح|بين|بحضور|الاثنين|الإثنين|الثلاثاء|"
    r"الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد|كما|وفق|بعد|قبل|منتصف|مطلع|أواخر|أوائل)(?:\s|$))"
)


@functools.cache
def _with_noun_verbs() -> frozenset[str]:
    """The verbs of holding (``meeting.with_noun`` in events.yaml) in matching view."""
    return frozenset(view_form(w) for w in event_vocabulary()["meeting"]["with_noun"])


@functools.cache
def _meeting_verbs() -> frozenset[str]:
    """The verbs of meeting (``meeting.past``, ``present``, ``future`` in events.yaml) in matching view."""
    meeting = event_vocabulary()["meeting"]
    return frozenset(view_form(w) for key in ("past", "present", "future") for w in meeting[key])


# a verb of travelling, before "للقاء" (to meet) in its sentence: the meeting is its purpose
_TRAVEL_VERB = r"(?:^|\s)(?:و|ف)?(?:س)?(?:وصل|وصلت|وصلا|يصل|تصل|توجه|توجهت|يتوجه|تتوجه|سافر|سافرت|يسافر|تسافر|غادر|غادرت|يغادر|تغادر)(?:\s|$)"
TRAVEL_REACH = 80  # characters before "للقاء" searched for the verb of travelling
_WAS = r"(?:^|\s)(?:و|ف)?(?:كان|كانت|كانا|كانوا)\s+(?:[^\s.،,؛:]+\s+){0,3}$"
_PLURAL_VERB = r"(?:ون|وا|ان|ا)$"  # the endings of a verb's dual and plural (in the matching view)
_DUAL_VERB = r"(?:ان|[^وهن]ا)$"  # ... of its dual ("التقيا", "سيلتقيان"; not "عقدها", a verb and its object, nor "التقينا")


# a verb of discussing or lasting in the future, the predicate of the meeting noun before it in its clause
# ("ستبحث", "سيتناول", "ستتمحور", "سيستغرق": س, the person prefix, the stem)
_FUTURE_PREDICATE = r"^[^.!?؟،,:؛\n]*?(?:^|\s)س[يت](?:بحث|ناقش|تناول|ركز|تركز|تطرق|تمحور|شمل|ستغرق|ستمر)(?:ان|ون)?(?:\s|$)"
FUTURE_PREDICATE_REACH = 40  # characters after the meeting noun searched for it
# the nouns of talks, as the matcher writes them (matching view, with or without the article)
_WE = r"(?:\S\S\Sنا|^س?ن(?:لتقي|جتمع|عقد|جري))$"  # a meeting word of the first person plural (``events.yaml``)
_TALK_NOUNS = r"(?:ال)?(?:محادثات|مباحثات|مفاوضات|مشاورات|اتصالات)"
_TALKS = rf"^{_TALK_NOUNS}$"
_TALKS_WORD = re.compile(rf"(?:^|\s){_TALK_NOUNS}(?:\s|$)")  # ... as a word of a trigger


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
    # a word of discussing inside a meeting noun is that noun ("اتصالا هاتفيا", "مؤتمر صحفي مشترك")
    nouns = triggers.filter(pl.col("role") == "meeting_noun").select("row", pl.col("start").alias("_n_start"), pl.col("end").alias("_n_end"))
    inside = triggers.filter(pl.col("role") == "meeting_discussion").join(nouns, on="row").filter(
        (pl.col("start") >= pl.col("_n_start")) & (pl.col("end") <= pl.col("_n_end"))
    )
    triggers = triggers.join(inside.select("row", "start", "role"), on=["row", "start", "role"], how="anti")
    if triggers.height == 0:
        return pl.DataFrame(schema=MENTION_COLUMNS)
    # the proclitics as written before each word
    prefix = texts.gather(triggers["row"]).str.slice((triggers["start"] - triggers["prefix_len"]).clip(0), triggers["prefix_len"])
    triggers = triggers.with_columns(
        prefix.str.starts_with("ل").alias("_lam"),
        prefix.str.starts_with("و").alias("_and"),
        prefix.str.contains(r"^(?:و|ف)?(?:ب|ل)").alias("_preposition"),
        # "وصل ... إلى الدوحة للقاء وزراء ...": arrived to meet them, not yet met
        ((pl.col("role") == "meeting_noun") & (prefix == "ل") & (pl.col("form") == "لقاء")
         & text_before(texts, triggers["row"], triggers["start"] - triggers["prefix_len"], TRAVEL_REACH).str.replace(r"^.*[.!?؟؛]", "").str.contains(_TRAVEL_VERB)).alias("_to_meet"),
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
    clause_break = ~same_row.fill_null(False) | between.str.contains(r"[.!?؟؛:]|(?:^|\s)(?:إن|أن|إنه|أنه|التي|الذي|كما|بينما|فيما)(?:\s|$)")
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
         & ~between.str.contains(r"[.!?؟؛:]|(?:^|\s)(?:إن|أن|إنه|أنه|إنها|أنها|بأن|بأنه|بأنها|لأن|كما|بينما|فيما)(?:\s|$)")
         & ~between.str.contains(_NEW_CLAUSE) & ~between.str.contains(_PARTICIPLE_CLAUSE)).alias("_subject_of"),
        # "في/خلال" right before the meeting word, in the clause of the one before it (not "على
        # هامش": the bigger meeting around it)
        (within_setting & ~clause_break & ~between.str.contains(_NEW_CLAUSE) & ~between.str.contains(_SUBORDINATE_CLAUSE)
         & between.str.contains(r"(?:^|\s)(?:و|ف)?(?:في|خلال)\s*$")).alias("_in_meeting"),
        # "لن يلتقي بالرئيس الصيني خلال زيارته لبكين، لكنه سيجتمع مع نظيريه": another clause, another mention
        between.str.contains(_NEW_CLAUSE).alias("_new_clause"),
        # "ماكرون زار تركيا في فبراير ...، وزار أردوغان فرنسا في مايو": a verb of meeting after "، و" with a
        # subject of its own right after it opens another mention
        (same_row.fill_null(False) & between.str.contains(r"[،,]\s*$") & pl.col("role").is_in(_MEET_ROLES) & ~pl.col("_conduct")
         & (texts.gather(triggers["row"]).str.slice(triggers["start"] - triggers["prefix_len"], 1) == "و") & pl.col("_subject_next")).alias("_comma_verb"),
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
    parties = _participants(texts, events, cues, pl.concat([mentions, titled], how="diagonal_relaxed"), quotes, actors, titles, places, groups, published)
    events = events.join(parties, on="event", how="left").with_columns(pl.col("participants").fill_null([]), pl.col("officials").fill_null([]))
    events = _referring_back(texts, events)
    events = _with_delegation_heads(texts, events, mentions, frozenset(groups.delegations.values()))
    events = _during_subjects(texts, events, mentions, cues)
    events = _where_subjects(texts, events, actors.filter(pl.col("kind") == "person")["actor_id"])
    events = _travellers(texts, events, pl.concat([mentions, titled], how="diagonal_relaxed"))
    events = _addressees(texts, events, mentions, cues)
    events = _dual_references(texts, events, mentions, places)
    events = _dual_owners(texts, events, mentions)
    # "وكانت آخر مرة التقى فيها الرئيسان": a verb whose subject is a dual noun is a verb of two
    # ... before it too: "وكان الوزيران قد التقيا"
    dual_subject = text_between(texts, events["row"], events["end"], events["end"] + 40).str.contains(_DUAL_SUBJECT) | text_before(
        texts, events["row"], events["start"], 30
    ).str.contains(_DUAL_SUBJECT_BEFORE)
    dual_noun = (pl.col("verb") & dual_subject).alias("_dual_noun")
    # ... "الرئيسان", "الزعيمان": two heads of state or government
    dual_leaders = text_between(texts, events["row"], events["end"], events["end"] + 40).str.contains(_DUAL_LEADERS) | text_before(
        texts, events["row"], events["start"], 30
    ).str.contains(_DUAL_LEADERS_BEFORE)
    events = events.with_columns(dual_noun, pl.col("_dual_verb") | dual_noun, (pl.col("verb") & dual_subject & dual_leaders).alias("_dual_leaders"))
    events = _dual_verb_subjects(events, leaders(reference)).drop("_dual_noun", "_dual_leaders")
    # "لقاء آخر", "قمة ثانية": another meeting than those named before it
    after_word = text_between(texts, events["row"], events["end"], events["end"] + 12)
    events = events.with_columns(
        (_INDEFINITE & after_word.str.contains(_ANOTHER)).alias("another"),
        after_word.str.contains(_PREPARATORY).alias("_preparatory"),
        text_between(texts, events["row"], events["end"], events["end"] + TOGETHER_REACH).str.contains(_TOGETHER).alias("together"),
        # "مباحثات الجبير - لافروف ستبحث التعاون": a meeting noun whose predicate is in the future is to come
        (pl.col("_future") | (pl.col("_noun_first") & ~pl.col("verb")
         & text_between(texts, events["row"], events["end"], events["end"] + FUTURE_PREDICATE_REACH).str.contains(_FUTURE_PREDICATE))).alias("_future"),
    )
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
    events = _places(texts, events, mentions, places)
    events = _durations(texts, events)
    events = _modes(events, cues)
    events = _arrivals(texts, events)
    return events.select(list(MENTION_COLUMNS)).cast(MENTION_COLUMNS).sort("row", "start")


# "المحادثات التي تمت بين الرئيسين", "القمة بينهما", "لقاءات سابقة قد أجريت بين البلدين": the two
# sides named before
_DUAL_SIDES = (
    r"^\s*(?:(?:قد\s+)?\S+\s+){0,2}?(?:بينهما|(?:و?بين\s+(?:ال)?(?:رئيسين|زعيمين|جانبين|طرفين|بلدين|دولتين|وزيرين|رجلين|زعيمان|رئيسان)))(?:[\s.,،؛:]|$)"
)


# what stands before "عقد" the decade: "قبل أكثر من عقد", "منذ نحو عقد", "خلال عقد"
_DECADE_LEAD = r"(?:^|\s)(?:من|منذ|نحو|قرابة|حوالي|طوال|مدى|خلال|قبل|بعد|أكثر|اكثر|أقل|اقل)\s+$"
# ... and what follows "عقد" the verb (or its masdar): a meeting word or a deal, maybe after "هذا"
_MEETING_WORD_NEXT = r"^\s+(?:(?:هذا|هذه)\s+)?(?:ال)?(?:قم|اجتماع|لقاء|محادثات|مباحثات|مفاوضات|مشاورات|جلس|مؤتمر|اتفاق|صفق)"
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


# the subject of a verb as a dual noun: "التقى فيها الرئيسان", "اجتمع الجانبان"; the first three name
# two heads of state or government
_LEADER_DUALS = "رئيسان|زعيمان|قائدان"
_DUAL_NOUNS = _LEADER_DUALS + "|جانبان|طرفان|رجلان|وزيران|مسؤولان"


def _dual_subject(nouns: str) -> tuple[str, str]:
    """Patterns of a dual noun of ``nouns`` as the subject after a verb, and before it ("وكان الوزيران قد التقيا")."""
    return rf"^\s*(?:\S+\s+){{0,2}}?(?:ال)(?:{nouns})(?:[\s.,،؛:]|$)", rf"(?:^|\s)و?ال(?:{nouns})\s+(?:قد\s+)?(?:و|ف)?$"


_DUAL_SUBJECT, _DUAL_SUBJECT_BEFORE = _dual_subject(_DUAL_NOUNS)
_DUAL_LEADERS, _DUAL_LEADERS_BEFORE = _dual_subject(_LEADER_DUALS)
# the offices (``quotes.office_holders``) of a head of state or government: what "الرئيسان" may name
LEADER_OFFICES = ("president", "prime minister", "king", "queen", "emir", "sultan", "chancellor", "leader", "supreme leader", "premier", "head of government", "interim president", "crown prince")


def leaders(reference: Reference) -> frozenset[str]:
    """The actor_ids of the reference persons who hold or held an office of ``LEADER_OFFICES``."""
    holders = office_holders(reference)
    return frozenset(holders.filter(pl.col("office").is_in(LEADER_OFFICES))["actor_id"].to_list())


# an indefinite meeting word followed by one of these is a meeting other than those before it
_ANOTHER = r"^\s*(?:آخر|اخر|أخرى|اخرى|ثان|ثانية|ثانيه|ثانيا|ثالث|ثالثة|ثالثه|جديد|جديدة|جديده|جديدا)(?:[\s.,،؛:]|$)"
# a meeting word followed by one of these prepares another ("الاجتماعات التمهيدية")
_PREPARATORY = r"^\s*(?:ال)?(?:تمهيدية|تمهيديه|تحضيرية|تحضيريه|تمهيدي|تحضيري)(?:[\s.,،؛:]|$)"
# "سيلتقي ماكرون رئيسي الدولتين ... و...", "التقى ماكرون زعماء الدول الثلاث": met as one group
# ("سيجتمع مع نظيريه وزير الخارجية ... وعضو مجلس الدولة ...": his two counterparts, together)
_TOGETHER = r"(?:^|\s)(?:ب|ل)?(?:ال)?(?:رئيسي|زعيمي|وزيري|رئيسين|زعيمين|وزيرين|قادة|زعماء|رؤساء|نظيريه|نظيريها)(?:\s|$)"
TOGETHER_REACH = 60  # characters after the meeting word where such a noun is looked for
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


# "وسيقف على رأس الوفد، نائب وزير ... آدم زوبين", "رئيس الوفد التركي هاكان فيدان", "ويترأس الوفد ..."
_HEAD_OF_DELEGATION = r"(?:^|\s)(?:و|ف)?(?:على\s+)?(?:رأس|راس|رئيس|رئيسة|يترأس|ترأس|يرأس|ترأست|تترأس|سيترأس|ستترأس)\s+(?:ال|لل)?وفد"
HEAD_GAP = 90  # characters from the head words to the person's name


def _with_delegation_heads(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, delegation_ids: frozenset[str]) -> pl.DataFrame:
    """The head of a delegation in its place among the parties of its meetings in the same article.

    The head is the first person named after "رأس الوفد" / "رئيس الوفد" / "يترأس الوفد" in the same
    sentence (at most ``HEAD_GAP`` characters on); the delegation is the one named there
    ("رئيس الوفد التركي") or, for "الوفد" alone, the last one named before it (by name, or as a
    party of a meeting). ``delegation_ids``: the actor_ids that are delegations.
    """
    # only the articles where a delegation takes part are read
    rows = events.filter(pl.col("participants").list.eval(pl.element().is_in(list(delegation_ids))).list.any())["row"].unique().sort()
    if rows.len() == 0:
        return events
    heads = find_regex(texts.gather(rows), _HEAD_OF_DELEGATION, name="_cue")
    if heads.height == 0:
        return events
    heads = heads.with_columns(rows.gather(heads["row"]).cast(pl.UInt32).alias("row"))
    persons = mentions.filter(pl.col("entity_kind") == "person").select("row", pl.col("start").alias("_p"), pl.col("entity_id").alias("_head")).sort("row", "_p")
    heads = heads.sort("row", "end").join_asof(persons, left_on="end", right_on="_p", by="row", strategy="forward", check_sortedness=False)
    heads = heads.filter((pl.col("_p") - pl.col("end")) <= HEAD_GAP)
    heads = heads.filter(~text_between(texts, heads["row"], heads["end"], heads["_p"]).str.contains(r"[.!?؟\n]"))
    if heads.height == 0:
        return events
    # the delegations named in the article: as mentions, or as parties of its meetings
    named = mentions.filter(pl.col("entity_id").is_in(list(delegation_ids))).select("row", pl.col("start").alias("_at"), pl.col("entity_id").alias("_delegation"))
    as_parties = events.select("row", pl.col("start").alias("_at"), pl.col("participants").alias("_delegation")).explode("_delegation").filter(
        pl.col("_delegation").is_in(list(delegation_ids))
    )
    named = pl.concat([named, as_parties]).sort("row", "_at")
    heads = heads.sort("row", "end").join_asof(named, left_on="end", right_on="_at", by="row", strategy="backward", check_sortedness=False)
    heads = heads.filter(pl.col("_delegation").is_not_null()).unique(["row", "_delegation"], keep="first").select("row", "_delegation", "_head")
    # the head stands for the delegation, in its place (as "وفد ... برئاسة" names it)
    parties = events.select("event", "row", pl.col("participants").alias("_delegation")).explode("_delegation").with_row_index("_k")
    replaced = parties.join(heads, on=["row", "_delegation"], how="left").sort("_k").group_by("event", maintain_order=True).agg(
        pl.coalesce("_head", "_delegation").drop_nulls().unique(maintain_order=True).alias("_replaced")
    )
    return events.join(replaced, on="event", how="left").with_columns(
        pl.coalesce("_replaced", "participants").alias("participants")
    ).drop("_replaced")


ARRIVAL_WINDOW = 40  # "وكان في استقباله لدى وصوله": the arrival is named this close to the meeting word


def _first_word(texts: pl.Series, events: pl.DataFrame) -> pl.Series:
    """The meeting word of each mention as written (its first word: "اجتماعه", "اجتمعوا")."""
    return text_between(texts, events["row"], events["start"], events["end"]).str.extract(r"^(\S+)", 1)


def _arrivals(texts: pl.Series, events: pl.DataFrame) -> pl.DataFrame:
    """``arrival``: whether a mention is a welcome on arrival ("وكان في استقباله لدى وصوله إلى
    مطار ..."), a distinct encounter from the talks or the dinner of the same visit; null for a
    reference back with no parties of its own (it can join either)."""
    near = text_before(texts, events["row"], events["start"], ARRIVAL_WINDOW) + " " + text_between(texts, events["row"], events["end"], events["end"] + ARRIVAL_WINDOW)
    arrival = near.str.contains(r"(?:^|\s)(?:لدى|عند|فور|لحظة|لدي)\s+(?:وصوله|وصولها|وصولهم|وصول)(?:\s|$)")
    # ... and ``meal`` whether it is a meal in someone's honour ("أقام الملك مأدبة غداء تكريما للرئيس"),
    # distinct from the reception and the talks of the same day
    meal = pl.col("trigger").str.contains(r"(?:^|\s)(?:ال)?مادب")
    unknown = pl.col("anaphoric") & (pl.col("participants").list.len() < 2)
    return events.with_columns(
        pl.when(unknown & ~arrival).then(None).otherwise(arrival).alias("arrival"), pl.when(unknown & ~meal).then(None).otherwise(meal).alias("meal")
    )


def _to_nearest_event(pairs: pl.DataFrame, start: str, end: str, *, keep_all: bool = False) -> pl.DataFrame:
    """Keep, of (event, thing) pairs of one sentence, each thing with its nearest event; adds ``_d``
    (the distance; with ``keep_all`` every pair is kept)."""
    distance = (
        pl.when(pl.col(end) <= pl.col("_e_start")).then(pl.col("_e_start") - pl.col(end))
        .when(pl.col(start) >= pl.col("_e_end")).then(pl.col(start) - pl.col("_e_end"))
        .otherwise(0)
    )
    pairs = pairs.with_columns(distance.alias("_d"))
    if keep_all:
        return pairs
    nearest = pairs.sort("row", start, "_d", "event").unique(["row", start], keep="first").select("row", start, pl.col("event").alias("_nearest"))
    return pairs.join(nearest, on=["row", start]).filter(pl.col("event") == pl.col("_nearest")).drop("_nearest")


def _event_bounds(events: pl.DataFrame) -> pl.DataFrame:
    return events.select("event", "row", "sentence", pl.col("start").alias("_e_start"), pl.col("end").alias("_e_end"))


def _text_between_spans(texts: pl.Series, pairs: pl.DataFrame, start: str, end: str, *, event: tuple[str, str] = ("_e_start", "_e_end")) -> pl.Series:
    """The text between two spans of each row of ``pairs`` (with ``row``): the meeting word
    (``event``: its start and end columns) and another (columns ``start``, ``end``), whichever comes first."""
    bounds = pairs.select(pl.min_horizontal(event[1], end).alias("lo"), pl.max_horizontal(event[0], start).alias("hi"))
    return text_between(texts, pairs["row"], bounds["lo"], bounds["hi"])


# an indefinite meeting word: the last word of its trigger has no article ("قمة", not "القمة")
_INDEFINITE = ~pl.col("trigger").str.extract(r"(\S+)$", 1).str.starts_with("ال")


class MeetingPlaces(BuiltPerReference):
    """The places table as meetings read it (``places``: place_id, kind, country, capital_of, and
    ``main``: the place is the main row of its country, as ``country_place_ids`` picks it), built
    once per reference data: ``MeetingPlaces.for_reference(reference).places``."""

    def __init__(self, reference: Reference):
        main = [place_id for _, place_id in country_place_ids(reference.places)]
        self.places = reference.places.select("place_id", "kind", "country").join(capital_cities(reference.places), on="place_id", how="left").with_columns(
            pl.col("place_id").is_in(main).alias("main")
        )


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
    pairs = pl.concat([pairs, before.with_columns(pl.lit(True).alias("_subject")), _dual_state_sides(texts, events).select(*pairs.columns, "_subject")], how="diagonal")
    pairs = pairs.with_columns(pl.col("_subject").fill_null(False))
    # (the verb's subject may be the states' leaders or ministers as a dual construct: "عقد زعيما الصين وتايوان محادثات")
    verb_lead = text_between(texts, pairs["row"], pairs["_e_start"], pairs["start"]).str.contains(_VERB_LEAD) | pairs["_subject"]
    pairs = pairs.with_columns(verb_lead.alias("_verb_lead")).filter(
        # a capital between the verb and its noun is the venue ("تعقد في طوكيو قمة ثلاثية بين الصين ..."),
        # unless it is the verb's subject ("عقدت بيونغيانغ محادثات مع سول")
        ~(pl.col("_capital") & (pl.col("start") < pl.col("_e_end")) & ~pl.col("_verb_lead"))
    ).sort("event", "start", maintain_order=True)
    if pairs.height == 0:
        return pairs.drop("_verb_lead", "_subject").with_columns(pl.lit(None, pl.Int64).alias("_d"))
    previous_end = pl.col("end").shift(1).over("event")
    pairs = pairs.with_columns(previous_end.alias("_from"), pl.int_range(pl.len()).over("event").alias("_k"))
    inside = pl.col("start") < pl.col("_e_end")
    lead = text_between(texts, pairs["row"], pairs["_e_end"], pairs["start"])
    link = text_between(texts, pairs["row"], pairs["_from"].fill_null(0), pairs["start"])
    pairs = pairs.with_columns(
        lead.str.contains(r"^\s*(?:\S+\s+){0,2}?(?:و?بين|مع)\s+$").alias("_lead"),
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


# the words that may stand between an indefinite meeting noun and the name it is said of: titles
# and adjectives ("قمة الرئيس الفرنسي ماكرون"), not a preposition or a relative ("قمة في ...")
_GENITIVE_WORDS = r"(?:[^\s.،,:؛]+\s+)"
_NOT_GENITIVE = (
    r"(?:^|\s)(?:و|ف)?(?:في|مع|من|إلى|الى|على|عن|بين|حول|بشأن|التي|الذي|اللذين|عقب|بعد|قبل|خلال"
    r"|(?:ب|ل)?(?:أن|إن|ان)(?:ه|ها|هم|هما)?)(?:\s|$)"
)


def _genitive_sides(texts: pl.Series, after: pl.DataFrame, lead: pl.Series, events: pl.DataFrame) -> pl.DataFrame:
    """(event, entity_id) of the parties named as the genitive of an indefinite meeting noun and
    joined by و: "لاجتماع قمة ماكرون وأردوغان", "لقاء الرئيس الفرنسي ماكرون والرئيس التركي أردوغان".

    ``after``: the party rows right after their meeting word (``event``, start, end, entity_id,
    _e_end); ``lead``: the text between each one's meeting word and it. The first name follows the
    noun with at most three title words between, the next ones are joined to it by و.
    """
    # (the trigger's words are matched forms, without their proclitics: "للقاء" is "لقاء")
    indefinite = events.filter(_INDEFINITE).select("event")
    rows = after.with_columns(lead.alias("_lead")).join(indefinite, on="event").sort("event", "start")
    if rows.height == 0:
        return pl.DataFrame(schema={"event": pl.UInt32, "entity_id": pl.String})
    link = text_between(texts, rows["row"], rows["end"].shift(1).fill_null(0), rows["start"])
    rows = rows.with_columns(
        (pl.col("_lead").str.contains(rf"^\s*{_GENITIVE_WORDS}{{0,3}}$") & ~pl.col("_lead").str.contains(_NOT_GENITIVE)).alias("_first"),
        ((link.str.contains(rf"^\s*،?\s*و{_GENITIVE_WORDS}{{0,3}}$") | link.str.contains(r"^\s*،?\s*و$")) & ~link.str.contains(_NOT_GENITIVE)).alias("_joined"),
    )
    # the first party opens the list; each next one is joined to the one before
    rank = pl.int_range(pl.len()).over("event")
    side = pl.when(rank == 0).then(pl.col("_first")).otherwise(pl.col("_joined"))
    rows = rows.with_columns(side.cast(pl.Int8).cum_min().over("event").alias("_side")).filter(pl.col("_side") == 1)
    return rows.filter(pl.len().over("event") >= 2).select(pl.col("event").cast(pl.UInt32), "entity_id")


def _participants(texts, events, cues, mentions, quotes, actors, titles, places, groups: GroupFinder, published: pl.Series | None = None) -> pl.DataFrame:
    """(event, participants) for each mention: nearest-mention assignment, minus relatives and
    speakers, plus the states named as its sides (``_state_parties``) and the groups of officials
    or envoys that are (``groups.GroupFinder``)."""
    parties = mentions.filter(pl.col("entity_kind").is_in(["person", "organization"])).select(
        "row", "sentence", "start", "end", "entity_id", "entity_kind", (pl.col("method") == "title").fill_null(False).alias("_titled"),
        pl.col("method").is_in(list(_KNOWN_NAME)).fill_null(False).alias("_known"),
    )
    parties = parties.join(events.select("row", "sentence").unique(), on=["row", "sentence"], how="semi")
    # states named as sides, and groups of officials or envoys ("مسؤولين أميركيين وكوريين شماليين اجتمعوا")
    stand_ins = pl.concat(
        [_state_parties(texts, events, mentions, places).with_columns(pl.lit("state").alias("entity_kind")), groups.parties(texts, events, mentions, published)],
        how="diagonal_relaxed",
    ).with_columns(pl.lit(False).alias("_titled"))
    # the states named by their officials are not their leaders (see ``_resolve_states``)
    officials = stand_ins.filter(pl.col("_officials").fill_null(False)).group_by("event").agg(pl.col("entity_id").unique().sort().alias("officials"))
    if parties.height == 0:
        stand_ins = stand_ins.sort("event", "start", maintain_order=True)
        assigned = stand_ins.group_by("event", maintain_order=True).agg(pl.col("entity_id").unique(maintain_order=True).alias("participants"))
        return assigned.join(officials, on="event", how="left").cast({"event": pl.UInt32})
    parties = _drop_relatives(texts, parties, cues, actors, titles)
    parties = _drop_descriptors(texts, parties, cues)
    parties = _drop_non_parties(texts, parties, events, actors)
    parties = _drop_speakers(texts, parties, cues, events)
    parties = _drop_attendees(texts, parties, cues)
    parties = _drop_name_parts(texts, parties)
    parties = _drop_senders(texts, parties)
    parties = _drop_dateline(texts, parties)
    # each party goes to the nearest mention of its sentence; a mention that refers back
    # ("واستمر اللقاء ساعتين") does not take a party from the mention that introduces the meeting:
    # when the nearest mention on one side introduces and the one on the other side refers back,
    # the party belongs to the introducing one
    introducing = events.select("event", (~pl.col("anaphoric") | pl.col("verb")).alias("_intro"))
    pairs = _to_nearest_event(parties.join(_event_bounds(events), on=["row", "sentence"]), "start", "end", keep_all=True).join(introducing, on="event")
    pairs = _drop_reporters(texts, _penalize_clause_crossings(texts, pairs, events), events)
    # (a party across a subordinate clause carries the penalty once: beyond FAR_ACROSS_CLAUSE it is none)
    pairs = pairs.filter(pl.col("_d") < CLAUSE_PENALTY + FAR_ACROSS_CLAUSE)
    pairs = _drop_inviters(texts, _drop_relative_subjects(texts, _drop_before_own_subject(texts, pairs, events)), events)
    pairs = _drop_before_antecedents(texts, pairs)
    pairs = _drop_arrangers(texts, pairs, events)
    # a spokesman before what he says is its teller, never its party: "ما أعلنته زاخاروفا المتحدثة باسم
    # الخارجية الروسية، بأنه يجري التحضير للقمة"
    spokespeople = actors.filter(pl.col("role").fill_null("").str.contains(_SPOKESPERSON))["actor_id"]
    telling = (pl.col("end") <= pl.col("_e_start")) & pl.col("entity_id").is_in(spokespeople.implode())
    pairs = pairs.filter(~(telling & text_between(texts, pairs["row"], pairs["end"], pairs["_e_start"]).str.contains(_REPORTED_CLAUSE)))
    left = pairs.filter(pl.col("_e_end") <= pl.col("start")).sort("row", "start", "_d").unique(["row", "start"], keep="first")
    right = pairs.filter(pl.col("_e_start") >= pl.col("end")).sort("row", "start", "_d").unique(["row", "start"], keep="first")
    sides = left.select("row", "start", pl.col("event").alias("_left"), pl.col("_intro").alias("_left_intro")).join(
        right.select("row", "start", pl.col("event").alias("_right"), pl.col("_intro").alias("_right_intro")), on=["row", "start"], how="full", coalesce=True
    )
    forced = sides.select(
        "row", "start",
        pl.when(pl.col("_left_intro") & (pl.col("_right_intro") == False)).then(pl.col("_left"))  # noqa: E712
        .when(pl.col("_right_intro") & (pl.col("_left_intro") == False)).then(pl.col("_right"))  # noqa: E712
        .alias("_forced"),
    ).filter(pl.col("_forced").is_not_null())
    # "القمة المرتقبة بين الرئيس الكوري الجنوبي مون جاي إن والزعيم الكوري الشمالي كيم": both belong to
    # the meeting word before "بين", however near another one is; so does the counterpart after
    # "مع" ("في مستهل محادثاته مع الرئيس التركي، رجب طيب أردوغان، في الإليزيه: لن تعقد القمة")
    # or ب
    after_between = pairs.filter((pl.col("start") >= pl.col("_e_end")) & ((pl.col("start") - pl.col("_e_end")) <= BETWEEN_GAP))
    # ... unless another meeting word comes between: "لعقد اجتماع في بروكسل مع مستشاري ... لإطلاعهم
    # على نتائج اجتماع ميرتس وبارو مع أردوغان" (they are the parties of the second); a verb of
    # discussing tells more of the same talks ("محادثات بين الوفد ... ومسؤولين أتراك، حيث ناقش بارو")
    # (or a verb with its own subject: "محادثات مع سول وعقد ماكرون وأردوغان قمة")
    after_between = _without_word_between(
        after_between, events.filter(pl.col("_noun_first") | pl.col("_meet_first") | pl.col("_second_verb")), "_e_end", "start"
    )
    between_text = texts.gather(after_between["row"]).str.slice(after_between["_e_end"], after_between["start"] - after_between["_e_end"])
    via_between = between_text.str.contains(_BETWEEN_LEAD)
    forced_between = after_between.with_columns(via_between.alias("_via_between")).filter(
        (
            via_between | between_text.str.contains(r"^[^.:؛]{0,60}?(?:^|\s)مع\s")
            # ... or after ب on the word right after it: "قمة تجمعه بالزعيم الكوري الشمالي كيم"
            | between_text.str.contains(r"^\s*ب(?:$|ال|نظير)") & (between_text.str.len_chars() <= 60)
        ) & ~between_text.str.contains(r"[.:؛]")
    ).sort("row", "start", "_d").unique(["row", "start"], keep="first").select("row", "start", "end", pl.col("event").alias("_between"), "_via_between", "entity_id")
    forced = forced.join(forced_between.drop("_via_between", "entity_id", "end"), on=["row", "start"], how="full", coalesce=True).select(
        "row", "start", pl.coalesce("_between", "_forced").alias("_forced")
    )
    nearest = pairs.sort("row", "start", "_d", "event").unique(["row", "start"], keep="first")
    chosen = nearest.join(forced, on=["row", "start"], how="left").select("row", "start", pl.coalesce("_forced", "event").alias("event"))
    # (with the bounds of the meeting word it goes to, which a forced one is not the nearest)
    pairs = pairs.join(chosen, on=["row", "start", "event"], how="semi")
    # a meeting named as a noun with its sides after "بين" is theirs alone: "رحبت ميركل بعقد قمة بين
    # الرئيسين الأميركي والروسي" (not "عقد ماكرون قمة بين ...", who holds it)
    # (the sides may be states or a leaders' dual: "stand_ins")
    side_groups = stand_ins.filter(pl.col("start") >= pl.col("_e_end"))
    side_groups = side_groups.filter(
        text_between(texts, side_groups["row"], side_groups["_e_end"], side_groups["start"]).str.contains(_BETWEEN_LEAD)
    )
    between_sides = pl.concat(
        [
            forced_between.filter(pl.col("_via_between")).select(pl.col("_between").alias("event"), "entity_id"),
            side_groups.select(pl.col("event").cast(pl.UInt32), "entity_id"),
            _genitive_sides(texts, after_between, between_text, events),
        ]
    )
    between_sides = between_sides.group_by("event").agg(pl.col("entity_id").n_unique().alias("_n")).filter(pl.col("_n") >= 2).join(
        events.filter(pl.col("_noun_first") | pl.col("_masdar_first")).select("event"), on="event"
    )
    pairs = pairs.filter(~(pl.col("event").is_in(between_sides["event"].implode()) & (pl.col("end") <= pl.col("_e_start"))))
    # ... and a comma closes them: "رحبت سول باستئناف المحادثات بين واشنطن وبيونغ يانغ، بعد تصريحات
    # ماكرون" (not "، والرئيس ...", one more of them)
    # (the sides are the first after "بين" and those joined to it by "و")
    side_ends = pl.concat([
        forced_between.filter(pl.col("_via_between")).select(pl.col("_between").alias("event"), "row", "start", "end"),
        side_groups.select(pl.col("event").cast(pl.UInt32), "row", "start", "end"),
    ]).join(between_sides.select("event"), on="event").sort("event", "start")
    joined = text_between(texts, side_ends["row"], side_ends["end"].shift(1).fill_null(0), side_ends["start"]).str.contains(r"^\s*[،,]?\s*و")
    side_ends = side_ends.with_columns(((pl.int_range(pl.len()).over("event") == 0) | joined).alias("_chain")).with_columns(
        pl.col("_chain").cast(pl.Int8).cum_min().over("event")
    )
    side_ends = side_ends.filter(pl.col("_chain") == 1).group_by("event").agg(pl.col("end").max().alias("_sides_end"))
    pairs = pairs.join(side_ends, on="event", how="left")
    closed = text_between(texts, pairs["row"], pairs["_sides_end"].fill_null(0), pairs["start"]).str.contains(r"^\s*[،,]\s*[^\sو]")
    pairs = pairs.filter(~(pl.col("_sides_end").is_not_null() & (pl.col("start") >= pl.col("_sides_end")) & closed)).drop("_sides_end")
    # after the meeting word, a party of what was discussed is no party: "لقاء مع عباس حول
    # المصالحة مع حماس", "يلتقي مسؤولين عراقيين لبحث مواجهة تنظيم داعش"
    topic_gap = texts.gather(pairs["row"]).str.slice(pairs["_e_end"], (pairs["start"] - pairs["_e_end"]).clip(0)).str.replace_all("على هامش", "")
    # ("المشرف العام على مركز الملك سلمان ... د. عبدالله الربيعة": على, عن of a title lead no topic)
    topic_gap = topic_gap.str.replace_all(_TITLE_PREPOSITION, " ")
    # ("ممثلين عن الأمم المتحدة": عن after staff leads their organization, not a topic)
    topic_gap = topic_gap.str.replace(_staff_of_pattern(), " ")
    after = pl.col("start") >= pl.col("_e_end")
    # ... nor one named in a description of a party: "لقاء بارزاني وهو زعيم ... حاربت صدام حسين"
    described = topic_gap.str.contains(r"(?:^|\s)(?:وهو|وهي|وهما|وهم)(?:\s|$)")
    # ... nor one named after a participle that opens a clause of its own: "قمة ناجحة بين ...، مضيفة أن مون"
    described = described | topic_gap.str.contains(_PARTICIPLE_CLAUSE)
    pairs = pairs.with_columns((after & (topic_gap.str.contains(_TOPIC_LEAD) | topic_gap.str.contains(_NEW_CLAUSE) | described)).alias("_topic")).filter(~pl.col("_topic")).drop("_topic")
    # ... nor one named in what somebody said after it, nor those named after that one: "تحدث ماكرون
    # مع الصحفيين قائلا إن أردوغان صديق" (read from the party before: "مع الرئيس مون جاي إن ورئيس
    # الوزراء" is no "إن")
    pairs = pairs.sort("event", "start")
    previous_end = pl.max_horizontal("_e_end", pl.col("end").shift(1).over("event"))
    pairs = pairs.with_columns(previous_end.alias("_from"))
    said = text_between(texts, pairs["row"], pairs["_from"], pairs["start"]).str.contains(_COMPLEMENTIZER) & (pairs["start"] >= pairs["_e_end"])
    pairs = pairs.with_columns(said.alias("_said")).filter(~pl.col("_said").cum_max().over("event")).drop("_from", "_said")
    # a title alone is a party only close to its meeting word ("مع زعيم كوريا الشمالية"), not
    # somebody the sentence mentions further on ("... في ظل تذمر الرئيس الأمريكي")
    # ... or the subject of a journey the meeting is the purpose of: "وصل وزير الخارجية الأمريكي، فجر
    # الاثنين، إلى الدوحة، للقاء ..."
    purposes = events.filter(pl.col("_purpose"))["event"].implode()
    journey = (pl.col("end") <= pl.col("_e_start")) & pl.col("event").is_in(purposes) & (pl.col("_d") <= PURPOSE_TITLE_GAP)
    # ... or the object right after a subject the text describes at length: "اجتمع ولي العهد السعودي
    # الأمير محمد بن سلمان بالرئيس الأمريكي"
    pairs = pairs.sort("event", "start")
    previous_end = pl.col("end").shift(1).over("event")
    pairs = pairs.with_columns(previous_end.fill_null(-1).alias("_prev_end"))
    object_gap = text_between(texts, pairs["row"], pairs["_prev_end"].clip(0), pairs["start"])
    next_object = (pl.col("_prev_end") >= pl.col("_e_end")) & pl.Series(object_gap.str.contains(r"^\s*(?:ب|مع\s+)$"))
    pairs = pairs.filter(~pl.col("_titled") | (pl.col("_d") <= TITLE_PARTY_GAP) | journey | next_object).drop("_prev_end")
    pairs = pl.concat([pairs, stand_ins], how="diagonal_relaxed")
    pairs = _first_of_separate_counterparts(texts, pairs)
    # two or more people met: the organizations named with them are theirs ("ماكرون ... الإليزيه")
    person = pl.col("entity_kind") == "person"
    assigned = pairs.sort("event", "start", maintain_order=True).group_by("event", maintain_order=True).agg(
        pl.col("entity_id").unique(maintain_order=True).alias("participants"),
        pl.col("entity_id").filter(person).unique(maintain_order=True).alias("_people"),
    ).with_columns(
        pl.when(pl.col("_people").list.len() >= 2).then(pl.col("_people")).otherwise(pl.col("participants")).alias("participants")
    ).drop("_people")
    # a verb without a named subject ("التي عقدها مع الرئيس بايدن") means the sentence's speaker,
    # else the one who spoke just before ("وأشار إلى قمة جنيف التي عقدها مع الرئيس بايدن")
    named_speakers = quotes.filter(pl.col("speaker_id").is_not_null() & (pl.col("speaker_kind") == "person"))
    speakers = named_speakers.group_by("row", "sentence").agg(pl.col("speaker_id").first().alias("_speaker"))
    last_speakers = named_speakers.sort("row", "sentence", "start").unique(["row", "sentence"], keep="last").select(
        "row", pl.col("sentence").alias("_q_sentence"), pl.col("speaker_id").alias("_last")
    ).sort("row", "_q_sentence")
    before = pairs.filter(pl.col("end") <= pl.col("_e_start")).select("event").unique()
    # so are two parties between the verb and its noun ("عقد الزعيمان كيم ... ومون اجتماعا"), unless
    # "مع" or a preposition leads them ("في اتصال مع الرئيس حسن روحاني إلى إجراء محادثات"); one
    # name there may be the verb's object ("إنه سيلتقي أردوغان بعد قمة الناتو")
    inside = pairs.filter((pl.col("start") > pl.col("_e_start")) & (pl.col("start") < pl.col("_e_end")))
    inside_left = text_before(texts, inside["row"], inside["start"], 40)
    plural = inside.filter(~inside_left.str.contains(_OBJECT_LEAD)).group_by("event").agg(pl.col("entity_id").n_unique().alias("_n")).filter(pl.col("_n") >= 2)
    # ... and so is one right after a verb of visiting ("، وزار السيسي روسيا ... حيث شارك في"): a
    # visit's object is a place
    visitor = inside.filter(text_between(texts, inside["row"], inside["_e_start"], inside["start"]).str.contains(r"^(?:زار|زارت|زارا|يزور|تزور|سيزور|ستزور)\s+$")).select("event")
    before = pl.concat([before, plural.select("event"), visitor]).unique()
    verbs = events.filter(pl.col("verb") | pl.col("_pronoun")).select("event", "row", "sentence").join(speakers, on=["row", "sentence"], how="left")
    # ... or the person right before the pronoun and its verb: "وقال ميرتس إن ماكرون أعلن أنه سيلتقي"
    people = mentions.filter(pl.col("entity_kind") == "person").select("row", "sentence", pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_teller"))
    tellers = (
        events.filter(pl.col("_pronoun")).select("event", "row", "sentence", "start")
        .join(people, on=["row", "sentence"]).filter(pl.col("_p_end") <= pl.col("start"))
        .sort("event", "_p_end").unique("event", keep="last")
    )
    told = text_between(texts, tellers["row"], tellers["_p_end"], tellers["start"])
    person_after = pairs.filter((pl.col("start") >= pl.col("_e_end")) & (pl.col("entity_kind") == "person")).join(
        assigned.filter(pl.col("participants").list.len() == 1).select("event"), on="event", how="semi"
    )
    tellers = tellers.filter(
        told.str.contains(rf"^[\s،,]*(?:\S+\s+)?(?:و|ف)?{_SUBJECT_PRONOUN}\s+(?:\S+\s+)?$")
        # ... or the subject of the clause the pronoun is in: "إن ماكرون أكد التزامه بالاجتماع مع أردوغان"
        # when the only one it names is a person after it ("تفاؤله بالمحادثات مع كوريا الشمالية" names a state)
        | ((told.str.len_chars() <= TELLER_GAP) & ~told.str.contains(_COMPLEMENTIZER) & ~told.str.contains(_NEW_CLAUSE) & ~told.str.contains(r"[.!?؟؛:\"«»“”]")
           & pl.col("event").is_in(person_after["event"].implode()))
    ).select("event", "_teller")
    verbs = verbs.join(tellers, on="event", how="left").with_columns(pl.coalesce("_teller", "_speaker").alias("_speaker")).drop("_teller")
    verbs = verbs.sort("row", "sentence").join_asof(last_speakers, left_on="sentence", right_on="_q_sentence", by="row", strategy="backward", check_sortedness=False)
    # ... but the subject of the sentence comes before one who spoke earlier: "ويستعد ماكرون للتوجه
    # إلى ...، حيث يعقد اجتماعات ...، قبل عقد اجتماع مع أردوغان"
    verbs = verbs.join(_sentence_subjects(texts, mentions, events), on="event", how="left").with_columns(
        pl.coalesce(
            "_speaker", "_subject", pl.when(pl.col("_q_sentence") >= pl.col("sentence") - PRONOUN_SENTENCES).then(pl.col("_last"))
        ).alias("_speaker")
    ).filter(pl.col("_speaker").is_not_null()).select("event", "_speaker")
    # a spokesperson's "he" is the one she speaks for: "وقالت المتحدثة ... إنه خلال اللقاء الأول
    # بينه وبين أردوغان" is no meeting of the spokesperson
    spokespeople = actors.filter(pl.col("role").fill_null("").str.contains(_SPOKESPERSON)).select(pl.col("actor_id").alias("_speaker"))
    verbs = verbs.join(before, on="event", how="anti").join(spokespeople, on="_speaker", how="anti")
    # ... nor of a verb of two or more: "وقال ماكرون إن الوزراء اجتمعوا مع أردوغان" (their meeting)
    verbs = verbs.join(events.filter(pl.col("_plural_verb")).select("event"), on="event", how="anti")
    # ... nor of one whose reported clause names somebody by title before it: "وأشار كوتس إلى أن
    # "صلاحيات الرئيس" تتيح له ... المحادثات التي أجراها مع أردوغان" (the president's talks)
    titled_clause = _titled_in_clause(texts, events, cues, mentions)
    verbs = verbs.join(titled_clause, on="event", how="anti")
    # ... unless the verb has its own subject after it: "لم يشارك كيم جون أون في مثل هذا الاجتماع"
    # (a party after the verb is its object only after "مع" or a preposition clitic: "بالرئيس")
    first_after = pairs.filter(pl.col("start") >= pl.col("_e_end")).join(events.filter(pl.col("verb")).select("event"), on="event", how="semi").sort("event", "start").unique("event", keep="first")
    left = text_before(texts, first_after["row"], first_after["start"], 40)
    # with two counterparts named, only a pronoun just before the verb makes the speaker its
    # subject: "قال بومبيو ... لكنه سيجتمع مع نظيريه وانغ يي ويانغ", "أنه سيجري لقاءات مع هادي وبحاح"
    lead = text_before(texts, events["row"], events["start"], 25)
    pronoun_lead = events.filter(lead.str.contains(rf"(?:^|\s)(?:و|ف)?(?:{_SUBJECT_PRONOUN}|لكنه|لكنها)\s+(?:\S+\s+)?$")).select("event", pl.lit(True).alias("_pronoun_lead"))
    # (after "أنه" the one named after a meeting verb is its object: "أعلن أنه سيلتقي زعيم كوريا
    # الشمالية"; not after "أنه جرى", "إنه يعتزم بحث سبل مواجهة ...")
    # (nor after a verb of "we": "سنلتقي الرئيس أردوغان")
    subjects = first_after.filter(~left.str.contains(_OBJECT_LEAD)).select("event").join(
        pl.concat([pronoun_lead.join(events.filter(pl.col("_meet_first")).select("event"), on="event", how="semi").select("event"), events.filter(pl.col("_we")).select("event")]),
        on="event", how="anti",
    )
    verbs = verbs.join(subjects, on="event", how="anti")
    # "لكنه كتب على تويتر أن محادثات مثمرة جرت مع كوريا الشمالية": talks of no one's own with a state
    # that the teller speaks of are his state's (not a meeting noun of his own, "محادثاته"; nor a
    # meeting, his own: "أكد ماكرون أن اجتماعا مع كوريا الشمالية قد يعقد")
    state_of = _speaker_states(actors, places)
    # ... and so are talks of his "we" with a state ("أسباب تفاوضنا مع تركيا")
    of_state = events.filter((pl.col("_noun_first") & ~pl.col("_pronoun") & pl.col("trigger").str.contains(_TALKS_WORD.pattern)) | pl.col("_we")).select("event").join(
        assigned.filter((pl.col("participants").list.len() == 1) & pl.col("participants").list.first().str.starts_with(STATE_PREFIX)).select("event", pl.col("participants").list.first().alias("_side")),
        on="event",
    )
    verbs = verbs.join(of_state, on="event", how="left").join(state_of, on="_speaker", how="left").with_columns(
        pl.when(pl.col("_side").is_not_null() & pl.col("_speaker_state").is_not_null() & (pl.col("_speaker_state") != pl.col("_side")))
        .then(pl.col("_speaker_state")).otherwise(pl.col("_speaker")).alias("_speaker")
    ).drop("_side", "_speaker_state")
    assigned = assigned.join(verbs.select("event", "_speaker"), on="event", how="left").join(pronoun_lead, on="event", how="left").with_columns(
        pl.when(
            pl.col("_speaker").is_not_null() & ~pl.col("participants").list.contains(pl.col("_speaker"))
            & ((pl.col("participants").list.len() == 1) | pl.col("_pronoun_lead").fill_null(False))
        )
        .then(pl.concat_list(pl.col("_speaker"), pl.col("participants")))
        .otherwise(pl.col("participants"))
        .alias("participants")
    ).drop("_speaker", "_pronoun_lead")
    # "وقال مون إن الزعيم الكوري الشمالي أيد خلال اجتماع مفاجئ معه ...": "with him" is with the one
    # who tells of it, when the meeting has one party of its own
    with_him = events.filter(
        text_between(texts, events["row"], events["end"], events["end"] + 20).str.contains(r"^\s+(?:\S+\s+)?مع(?:ه|ها)(?:\s|[،,.]|$)")
    ).select("event", "row", "sentence").join(speakers, on=["row", "sentence"]).select("event", pl.col("_speaker").alias("_told"))
    assigned = assigned.join(with_him, on="event", how="left").with_columns(
        pl.when(pl.col("_told").is_not_null() & (pl.col("participants").list.len() == 1) & ~pl.col("participants").list.contains(pl.col("_told")))
        .then(pl.concat_list("participants", "_told"))
        .otherwise(pl.col("participants"))
        .alias("participants")
    ).drop("_told")
    # who speaks for someone else is not the other side of a meeting the sentence mentions
    proxies = actors.filter(pl.col("role").fill_null("").str.contains(_SPEAKS_FOR)).select("actor_id")
    assigned = _add_sole_other_person(texts, assigned, pairs, mentions, events, proxies, titled_clause)
    # "وكان في استقباله": the one received; "اجتماعه مع الرئيس الصيني": whose meeting, when nobody
    # else is named as its other side
    referents = _pronoun_referents(texts, events, mentions).join(proxies.rename({"actor_id": "_referent"}), on="_referent", how="anti")
    with_one = _with_led(texts, pairs).select("event").unique().with_columns(pl.lit(True).alias("_with_one"))
    return assigned.join(referents, on="event", how="left").join(with_one, on="event", how="left").with_columns(
        pl.when(
            pl.col("_referent").is_not_null() & ~pl.col("participants").list.contains(pl.col("_referent"))
            & (pl.col("_always") | ((pl.col("participants").list.len() == 1) & pl.col("_with_one").fill_null(False)))
        )
        .then(pl.concat_list("_referent", "participants"))
        .otherwise(pl.col("participants"))
        .alias("participants")
    ).drop("_referent", "_always", "_with_one").join(officials, on="event", how="left")


CLAUSE_LOOKBACK = 120  # characters before a meeting word searched for the complementizer of its clause


def _titled_in_clause(texts: pl.Series, events: pl.DataFrame, cues: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """(event) of the meetings whose reported clause (after the first "إن/أن/بأن" of its sentence,
    within ``CLAUSE_LOOKBACK`` characters) names somebody by a title alone before the meeting word:
    a title that neither is a person's mention nor has one right after it (``mentions``, with the
    title references)."""
    # (the words of its sentence before it, from the first complementizer on)
    lead = text_before(texts, events["row"], events["start"], CLAUSE_LOOKBACK).str.replace(r"^.*[.!?؟\n]", "")
    clause = lead.str.replace(r"^.*?(?:^|\s)(?:إن|أن|بأن)\s", "")
    reported = events.select("event", "row", "sentence", "start").with_columns(
        (pl.col("start") - clause.str.len_chars().cast(pl.Int64)).alias("_from"), (clause.str.len_chars() < lead.str.len_chars()).alias("_reported")
    ).filter(pl.col("_reported"))
    titles = cues.filter(pl.col("role") == "title").select("row", pl.col("sentence").alias("_t_sentence"), pl.col("start").alias("_t_start"), pl.col("end").alias("_t_end")).sort("row", "_t_start")
    people = mentions.filter(pl.col("entity_kind") == "person").select("row", pl.col("start").alias("_p_start")).sort("row", "_p_start")
    titles = titles.join_asof(people, left_on="_t_start", right_on="_p_start", by="row", strategy="forward", check_sortedness=False).filter(
        pl.col("_p_start").is_null() | ((pl.col("_p_start") - pl.col("_t_end")) > TITLE_NAME_REACH)
    ).drop("_p_start", "_t_end")
    if reported.height == 0 or titles.height == 0:
        return reported.select("event").clear()
    found = reported.sort("row", "start").join_asof(titles, left_on="start", right_on="_t_start", by="row", strategy="backward", check_sortedness=False)
    return found.filter((pl.col("_t_sentence") == pl.col("sentence")) & (pl.col("_t_start") >= pl.col("_from"))).select("event")


def _penalize_clause_crossings(texts: pl.Series, pairs: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """(event, party) ``pairs`` with ``CLAUSE_PENALTY`` added to the distance ``_d`` of a party that
    reaches its meeting word across a subordinate clause ("يلتقي ماكرون بأعضاء البرلمان، بعدما انتقدوا
    أداءه في قمة جمعته ... بنظيره") or into a clause the word opens after a comma ("يستقبل ترودو
    الرئيس الفرنسي ماكرون في أوتاوا، وسيجري الرئيسان محادثات"): a meeting word of its own clause wins.
    So does one named right before a visit in a relative clause that describes them ("استقبل الملك
    ... رئيس الوزراء اللبناني، سعد الحريري، الذي يزور المملكة"): the visit of a place names nobody
    met, the meeting is the one the person is the object of (``events``: the mentions, with ``trigger``)."""
    before = pl.col("end") <= pl.col("_e_start")
    bounds = pairs.select(
        pl.when(before).then(pl.col("end")).otherwise(pl.col("_e_end")).alias("_g0"),
        pl.when(before).then(pl.col("_e_start")).otherwise(pl.col("start")).alias("_g1"),
    )
    gap = text_between(texts, pairs["row"], bounds["_g0"], bounds["_g1"])
    visits = events.filter(pl.col("verb") & pl.col("trigger").str.contains(_VISIT))["event"]
    crosses = (
        pl.col("_gap").str.contains(_SUBORDINATE_CLAUSE) | (before & pl.col("_gap").str.contains(r"[،,]\s*(?:و|ف)?\s*$"))
        # ("يلتقي ماكرون بنظرائه الأوروبيين، كما يعقد وزير ... مباحثات": before the next clause's verb)
        | (before & pl.col("_gap").str.contains(_NEW_CLAUSE))
        | (before & pl.col("event").is_in(visits.implode()) & pl.col("_gap").str.contains(rf"^[\s،,]*(?:و)?{_RELATIVE_PRONOUN}\s+$"))
        # ("التقى ماكرون أردوغان على هامش قمة الاتحاد": who is named before "على هامش" met at the margins)
        | (before & pl.col("_gap").str.contains(_MARGINS))
    )
    return pairs.with_columns(gap.alias("_gap")).with_columns((pl.col("_d") + crosses.cast(pl.Int64) * CLAUSE_PENALTY).alias("_d")).drop("_gap")


# "على هامش", "وعلى هامش": the bigger meeting around the one named before it
_MARGINS = r"(?:^|\s)(?:و|ف)?(?:على|علي)\s+(?:هامش|هوامش)(?:\s|$)"


# up to four words with the article between a verb and its subject: the words of a title
_TITLE_WORDS_ONLY = r"^\s*(?:ال\S+\s+){1,4}$"


def _drop_before_own_subject(texts: pl.Series, pairs: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` without who is named before a meeting verb in another clause ("، إذ", "، لكن")
    when the verb names its own subject right after it, or after its title: "ويحذو كيم حذو والده
    ...، إذ اجتمع كيم جونغ إيل مرتين مع رئيسي كوريا الجنوبية" (the son is no party of the father's
    meetings), "عندما دعاه الرئيس بوش، فيما زار الرئيس الروسي السابق مدفيديف البيت الأبيض"."""
    verbs = events.filter(pl.col("verb")).select("event")
    after_verb = pairs.join(verbs, on="event", how="semi").filter((pl.col("start") >= pl.col("_e_end")) & (pl.col("entity_kind") == "person"))
    # (after the words of a title: "فيما زار الرئيس الروسي السابق ديمتري مدفيديف البيت الأبيض")
    titled = text_between(texts, after_verb["row"], after_verb["_e_end"], after_verb["start"]).str.contains(_TITLE_WORDS_ONLY)
    subject = after_verb.filter(((pl.col("start") - pl.col("_e_end")) <= 1) | titled).select("event").unique()
    before = (pl.col("end") <= pl.col("_e_start")) & pl.col("event").is_in(subject["event"].implode())
    gap = text_between(texts, pairs["row"], pairs["end"], pairs["_e_start"])
    # (or a verb joined by "و" after a clause of the other's: "وتعهد نائب الرئيس، مايك بنس، بالاستمرار
    # في الضغط ...، وتحدث ماكرون مع نظيره الصيني")
    joined_verb = gap.str.contains(r"\S\s+\S.*[،,]\s*(?:و|ف)$")
    return pairs.filter(~(before & (gap.str.contains(_NEW_CLAUSE) | joined_verb)))


# what comes between a meeting word and the subject of a relative clause on a noun after it: a
# comma, the pronoun and its verb ("يلتقي ماكرون وفدا من منطقة ...، والتي يسيطر التنظيم على ..."),
# or its verb and object ("التقى ... باترسون، التي استبقت وصول كيري")
_RELATIVE_VERB_BEFORE = r"\S\s*[،,]\s*(?:و|ف)?(?:التي|الذي|الذين|اللتين|اللذين)\s+\S+\s+(?:\S+\s+)?$"


def _drop_relative_subjects(texts: pl.Series, pairs: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` without who is named after a meeting word as the subject of a relative clause on
    another noun: in "يلتقي ماكرون وفدا من منطقة ...، والتي يسيطر التنظيم على معظمها" the group
    holds the region, it does not meet Macron. (A relative clause on the meeting word itself, "القمة
    التي يحضرها", has no comma and keeps its subject.)"""
    after = pl.col("start") >= pl.col("_e_end")
    gap = text_between(texts, pairs["row"], pairs["_e_end"], pairs["start"])
    return pairs.filter(~(after & gap.str.contains(_RELATIVE_VERB_BEFORE)))


def _drop_before_antecedents(texts: pl.Series, pairs: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` without who is named before the antecedent of a relative clause that the meeting
    opens: in "اتصل ماكرون بالرئيس الكوري الجنوبي الذي التقى كيم" the one who met Kim is the
    president (named right before "الذي", past adjectives only), not Macron."""
    relative = text_before(texts, pairs["row"], pairs["_e_start"], 12).str.contains(rf"(?:^|\s){_RELATIVE_PRONOUN}\s+$")
    before = pl.col("end") <= pl.col("_e_start")
    gap = text_between(texts, pairs["row"], pairs["end"], pairs["_e_start"])
    # (the antecedent with its adjectives: "بالرئيس الكوري الجنوبي الذي", where the title stands for him)
    antecedent = gap.str.contains(rf"^(?:\s+ال\S+){{0,3}}\s*[،,]?\s*{_RELATIVE_PRONOUN}\s+$")
    # (the last one named before it)
    last = pl.col("end") == pl.col("end").filter(before).max().over("event")
    return pairs.filter(~(pl.Series(relative) & before & ~(pl.Series(antecedent) & last)))


# an invitation before a visit: "وجّه الدعوة لقيادة الحركة لزيارة موسكو", "دعا ... إلى زيارة باريس"
_INVITATION = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:الدعوة|دعوة|دعا|دعاه|دعاها|دعاهم|يدعو|تدعو|دعت|دعته|دعتها)(?:\s|$)"


def _drop_inviters(texts: pl.Series, pairs: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` without who invites somebody to visit: in "وجّه ماكرون الدعوة لقيادة الحركة لزيارة
    باريس" the visit is the invited party's, to a place; the host meets nobody yet (``events``:
    the mentions, with ``trigger``)."""
    visits = events.filter(pl.col("trigger").str.contains(r"^(?:ال)?زيار"))["event"]
    before = (pl.col("end") <= pl.col("_e_start")) & pl.col("event").is_in(visits.implode())
    gap = text_between(texts, pairs["row"], pairs["end"], pairs["_e_start"])
    return pairs.filter(~(before & gap.str.contains(_INVITATION)))


# what arranges a meeting, right before its noun: "الجهود التي بذلها لترتيب قمة سنغافورة" (not
# "استعدادا للقمة", in readiness for one's own: "وصل ماكرون وأردوغان إلى أنقرة استعدادا للقمة")
_ARRANGING_LEAD = rf"(?:^|\s)(?:و|ف)?(?:{_PREPARING})\s+(?:ل|لل)?$"


def _drop_arrangers(texts: pl.Series, pairs: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` without who is named before a meeting noun that they prepare: in "شكر كيم مون على
    الجهود التي بذلها لترتيب قمة سنغافورة" neither is a party of the summit (``events``: the
    mentions, with ``_noun_first`` and ``verb``), nor of another mention: the first mention after
    them is the one they prepare. (Not with a verb of meeting in it, unless of a relative clause:
    "توجه بولتون إلى موسكو للتحضير للقمة، والتقى لافروف".)"""
    # (a verb of a relative clause is the noun's own: "يواصل التجهيز للقمة المرتقبة التي تجمعه بزعيم")
    relative = text_between(texts, events["row"], events["start"], events["end"]).str.contains(rf"\s{_RELATIVE_PRONOUN}\s")
    nouns = events.filter(pl.col("_noun_first") & (~pl.col("verb") | relative))
    arranged = nouns.filter(text_before(texts, nouns["row"], nouns["start"], 20).str.contains(_ARRANGING_LEAD))["event"]
    first_after = pairs.filter(pl.col("end") <= pl.col("_e_start")).sort("_e_start").unique(["row", "start"], keep="first")
    arrangers = first_after.filter(pl.col("event").is_in(arranged.implode())).select("row", "start")
    return pairs.join(arrangers, on=["row", "start"], how="anti")


def _drop_reporters(texts: pl.Series, pairs: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` without who is named before "أن/إن" and a meeting noun after it: they say or hear
    of the meeting ("نقلاً عن مصادر ... من المستشار ... بولتن، أن القمة ستعقد"; a pronoun after it is
    the speaker's, see ``_participants``). Only for a mention that opens with a meeting noun with no
    pronoun of its own: "يعتزم ماكرون وأردوغان أن يلتقيا", "أن اجتماعهما", "أن القمة ... بينه وبين الرئيس"
    keep them."""
    plain = events.filter(pl.col("_noun_first") & ~pl.col("_pronoun"))
    plain = plain.filter(~text_between(texts, plain["row"], plain["end"], plain["end"] + 40).str.contains(r"^\s*(?:\S+\s+){0,3}?بين(?:ه|ها|هما|هم)(?:\s|$)"))
    before = pl.col("end") <= pl.col("_e_start")
    reporting = before & pl.col("event").is_in(plain["event"].implode())
    gap = text_between(texts, pairs["row"], pairs["end"], pairs["_e_start"])
    # ... nor for a verb whose reported clause has a subject of its own: "أكدت الخارجية أن واشنطن تجري
    # مباحثات" (not "قال إنه سيلتقي", "يعتزم ماكرون أن يلتقي أردوغان")
    own_subject = before & gap.str.contains(_COMPLEMENTIZER + r"(?:[^\s.،,؛:]+\s+){1,3}(?:س|و)?$") & pl.col("event").is_in(events.filter(~pl.col("_noun_first"))["event"].implode())
    return pairs.filter(~((reporting & gap.str.contains(_COMPLEMENTIZER)) | own_subject))


SUBJECT_LEAD_WORDS = 3  # "وكان الرئيس الأمريكي قد ...": words before the subject that opens a sentence


def _sentence_subjects(texts: pl.Series, mentions: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """(event, _subject): the person who opens the sentence of a meeting word, when nobody else is
    named between them ("ويستعد ماكرون للتوجه ...، قبل عقد اجتماع مع أردوغان", "وكان الرئيس الفرنسي
    قد تعرض لانتقادات إثر القمة التي جمعته بأردوغان"; not "أكد ماكرون زيارة بارو ... واجتماعه")."""
    people = mentions.filter(pl.col("entity_kind") == "person").sort("row", "start")
    first = people.unique(["row", "sentence"], keep="first")
    lead = text_before(texts, first["row"], first["start"], 40)
    words = rf"(?:\S+\s+){{0,{SUBJECT_LEAD_WORDS}}}$"
    opening = lead.str.contains(rf"[.!?؟\n]\s*{words}") | ((first["start"] <= 40) & lead.str.contains(rf"^\s*{words}"))
    first = first.filter(opening).select("row", "sentence", pl.col("start").alias("_s_start"), pl.col("entity_id").alias("_subject"))
    # the last person named before the meeting word must be that subject
    last_before = events.select("event", "row", "sentence", "start").sort("row", "start").join_asof(
        people.select("row", pl.col("start").alias("_last_start"), pl.col("entity_id").alias("_last")), left_on="start", right_on="_last_start", by="row",
        strategy="backward", check_sortedness=False,
    )
    # (the same person: "أكد الرئيس الفرنسي إيمانويل ماكرون" names him by title, then by name)
    return last_before.join(first, on=["row", "sentence"]).filter(
        (pl.col("_last_start") >= pl.col("_s_start")) & (pl.col("_last") == pl.col("_subject"))
    ).select("event", "_subject")


# who speaks for someone else: "هناك اجتماع متوقع مع بلاتر" said by a spokesman is his principal's meeting
_SPEAKS_FOR = r"(?i)spokes|adviser|advisor|press secretary|ambassador|envoy"
_SPOKESPERSON = r"(?i)spokes|press secretary"


def _with_led(texts: pl.Series, pairs: pl.DataFrame) -> pl.DataFrame:
    """The (event, person) rows of ``pairs`` where the person follows the meeting word after "مع"
    (at most two words before "مع", four after it: "الاجتماع مع زعيم كوريا الشمالية، كيم")."""
    after = pairs.filter((pl.col("start") >= pl.col("_e_end")) & (pl.col("entity_kind") == "person"))
    lead = text_between(texts, after["row"], after["_e_end"], after["start"])
    # a comma only right before the name ("مع زعيم كوريا الشمالية، كيم"), not before a verb
    # ("قبيل اجتماعه مع رئيس كوريا الجنوبية، كرر بايدن")
    return after.filter(lead.str.contains(r"^\s*(?:\S+\s+){0,2}?مع\s+(?:[^\s،,]+\s+){0,4}(?:[^\s،,]+[،,]\s*)?$"))


def _add_sole_other_person(
    texts: pl.Series, assigned: pl.DataFrame, pairs: pl.DataFrame, mentions: pl.DataFrame, events: pl.DataFrame, proxies: pl.DataFrame, titled_clause: pl.DataFrame
) -> pl.DataFrame:
    """A meeting "مع" one person, in a sentence that names one other person: that person is the
    other side ("قال مون إن الاتفاق على الاجتماع مع زعيم كوريا الشمالية، كيم جونغ أون، في طور
    الإعداد"; "بعد إلغاء قمة مع كيم، تراجع مون عن قراره"), unless a plural verb has its own
    subject ("مبعوثون ... اجتمعوا مع ...") or the other person speaks for somebody else
    (``proxies``: the actor_ids of spokesmen, advisers, envoys; ``_SPEAKS_FOR``).

    ``assigned``: (event, participants); ``pairs``: the (event, party) rows it was built from;
    ``mentions``: every mention of the batch (with row and sentence); ``titled_clause``: the
    events whose reported clause names somebody by title (``_titled_in_clause``), left alone.
    """
    written = _first_word(texts, events)
    plural = events.filter(pl.col("verb") & written.str.contains(r"(?:وا|ون|ان)$").fill_null(False)).select("event")
    sole = assigned.join(plural, on="event", how="anti").join(titled_clause, on="event", how="anti").filter(pl.col("participants").list.len() == 1).select(
        "event", pl.col("participants").list.first().alias("entity_id")
    )
    counterpart = _with_led(texts, pairs.join(sole, on=["event", "entity_id"], how="semi"))
    if counterpart.height == 0:
        return assigned
    counterpart = counterpart.select("event", "row", "sentence", pl.col("entity_id").alias("_with"))
    people = mentions.filter(pl.col("entity_kind") == "person").group_by("row", "sentence").agg(pl.col("entity_id").unique().alias("_people"))
    other = counterpart.join(people, on=["row", "sentence"]).filter(pl.col("_people").list.len() == 2).select(
        "event", "row", pl.col("_people").list.set_difference(pl.concat_list("_with")).list.first().alias("_other")
    )
    # ... who is not named after another meeting word that follows: "بعد لقاء جمعه مع نظيره العراقي
    # ...، من المتوقع أن يلتقي اليوم ... مع مسعود بارزاني"
    named_at = mentions.filter(pl.col("entity_kind") == "person").group_by("row", "sentence", pl.col("entity_id").alias("_other")).agg(
        pl.col("start").min().alias("_o_start")
    )
    other = other.join(events.select("event", "sentence", pl.col("end").alias("_e_end")), on="event").join(named_at, on=["row", "sentence", "_other"])
    other = _without_word_between(other, events, "_e_end", "_o_start").select("event", "_other")
    # with more people named, the nearest one before the meeting word in its clause: "وأضاف ميرتس أن
    # ماكرون أكد مجدداً التزامه ... وبالاجتماع المزمع مع أردوغان" (Macron, not Merz before "أن")
    before = (
        counterpart.join(events.select("event", pl.col("start").alias("_e_start")), on="event")
        .join(mentions.filter(pl.col("entity_kind") == "person").select("row", "sentence", pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_other")), on=["row", "sentence"])
        .filter((pl.col("_p_end") <= pl.col("_e_start")) & (pl.col("_other") != pl.col("_with")))
        .join(other.select("event"), on="event", how="anti")
        .sort("event", "_p_end").unique("event", keep="last")
    )
    gap = text_between(texts, before["row"], before["_p_end"], before["_e_start"])
    before = before.filter(~gap.str.contains(_COMPLEMENTIZER) & ~gap.str.contains(_NEW_CLAUSE) & ~gap.str.contains(r"[.!?؟؛:]")).select("event", "_other")
    other = pl.concat([other, before]).join(proxies.rename({"actor_id": "_other"}), on="_other", how="anti")
    return assigned.join(other, on="event", how="left").with_columns(
        pl.when(pl.col("_other").is_not_null()).then(pl.concat_list("_other", "participants")).otherwise(pl.col("participants")).alias("participants")
    ).drop("_other")


def _without_word_between(frame: pl.DataFrame, words: pl.DataFrame, lo: str, hi: str) -> pl.DataFrame:
    """The rows of ``frame`` (with ``row``) where none of the meeting words ``words`` (row, start)
    starts between the columns ``lo`` and ``hi``: a party named after a later meeting word is that
    word's, not the earlier one's."""
    indexed = frame.with_row_index("_i")
    passed = indexed.join(words.select("row", pl.col("start").alias("_w_start")), on="row").filter(
        (pl.col("_w_start") >= pl.col(lo)) & (pl.col("_w_start") < pl.col(hi))
    )
    return indexed.join(passed.select("_i").unique(), on="_i", how="anti").drop("_i")


def _first_of_separate_counterparts(texts: pl.Series, pairs: pl.DataFrame) -> pl.DataFrame:
    """Of the people after a meeting word that each have their own "مع", keep the first.

    "اجتمع ... مرتين مع رئيسي كوريا الجنوبية، كانت الأولى مع X والثانية مع Y": X and Y are two
    counterparts of two meetings, not parties to one; without knowing which meeting is which,
    one counterpart is kept rather than a pair X-Y that the text does not support.
    """
    after = pairs.filter((pl.col("start") >= pl.col("_e_end")) & (pl.col("entity_kind") == "person")).sort("event", "start").with_columns(
        pl.col("end").shift(1).over("event").fill_null(pl.col("_e_end")).alias("_from")
    )
    gap = text_between(texts, after["row"], after["_from"], after["start"])
    led = after.filter(gap.str.contains(r"(?:^|\s)و?مع\s")).with_columns(pl.int_range(pl.len()).over("event").alias("_nth"))
    return pairs.join(led.filter(pl.col("_nth") > 0).select("event", "start"), on=["event", "start"], how="anti")


def _pronoun_referents(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """(event, _referent, _always): the person a meeting word's own pronoun refers to; ``_always``
    where that person is a party whoever else is named.

    * "وكان في استقباله لدى وصوله ... وزير الخارجية القطري" (``_always``): the one received;
    * "كما سيلتقي ماكرون جنودا فرنسيين. وسيلتقي أيضا رئيس الوزراء" (``_always``): who also meets;
    * "القمة التاريخية بينه وبين الزعيم الكوري الشمالي" (``_always``): the subject's;
    * "وعلى عكس اجتماعه مع الرئيس الصيني": whose meeting it is, for a meeting noun that carries a
      singular pronoun (اجتماعه، لقائه، محادثاتها، زيارته...) or a verb of gathering that does ("لقاء
      جمعه مع نظيره"); ``_participants`` takes it only for
      a meeting "مع" one other person, and never a spokesman or an adviser (``_SPEAKS_FOR``).

    The referent is the last person named before the word in its sentence, else the first person
    of the sentence before it (the subject the article is talking about).
    """
    lead = text_before(texts, events["row"], events["start"], 20)
    written = _first_word(texts, events)
    # ("في استقبال معاليه": an honorific stands for the pronoun)
    reception = lead.str.contains(r"(?:^|\s)(?:و|ف)?(?:كان|كانت|كانوا)\s+في\s+$") & text_between(texts, events["row"], events["start"], events["end"]).str.contains(
        r"^استقبال(?:ه|ها|هما|هم|\s+(?:معالي|سمو|فخامت|دولت|سعادت)(?:ه|ها))$"
    )
    # (a singular pronoun: "اجتماعهما" is the meeting of two people named before)
    possessive = written.str.contains(r"^(?:اجتماع|اجتماعات|لقاء|لقائ|لقاءات|محادثات|مباحثات|مفاوضات|زيارت|اتصال)(?:ه|ها)$")
    # ... or a verb of gathering with it: "وبعد لقاء جمعه أمس مع نظيره العراقي" (the meeting that brought him together with ...)
    possessive = possessive | text_between(texts, events["row"], events["start"], events["end"]).str.contains(
        r"(?:^|\s)(?:س|و)?(?:جمع|جمعت|تجمع|يجمع)(?:ه|ها)(?:\s|$)"
    )
    # ... or a verb of meeting with "أيضا" and no subject of its own: "كما سيلتقي ماكرون جنودا فرنسيين.
    # وسيلتقي أيضا رئيس الوزراء ..." (the one who meets them all)
    also = written.is_in(list(_one_by_one_verbs())) & text_between(texts, events["row"], events["end"], events["end"] + 8).str.contains(r"^\s*أيض(?:ا|اً|ًا)(?:\s|[،,]|$)")
    # ... or "بينه وبين" after it: "القمة التاريخية بينه وبين الزعيم الكوري الشمالي" is the meeting of the
    # sentence's subject, who is a party whoever else is named (not the last person named before:
    # "أن تذهب الجائزة إلى نظيره ... عما إذا كان يعتقد أن اللقاء الذي جرى بينه وبين")
    between_him = text_between(texts, events["row"], events["end"], events["end"] + 24).str.contains(r"^\s*(?:\S+\s+){0,2}?بين(?:ه|ها)\s+و\s*بين\s")
    also = also | between_him
    owned = events.with_columns(
        (reception.fill_null(False) | also.fill_null(False)).alias("_always"), possessive.fill_null(False).alias("_possessive"), also.fill_null(False).alias("_also")
    ).filter(pl.col("_always") | pl.col("_possessive")).select("event", "row", "sentence", "start", "_always", "_also")
    people = mentions.filter(pl.col("entity_kind") == "person").select(
        "row", pl.col("sentence").alias("_p_sentence"), pl.col("start").alias("_p"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_referent")
    )
    if owned.height == 0 or people.height == 0:
        return pl.DataFrame(schema={"event": pl.UInt32, "_referent": pl.String, "_always": pl.Boolean})
    first_of_sentence = people.sort("row", "_p").unique(["row", "_p_sentence"], keep="first")
    # (the subject with "أيضا": the first person of its sentence before it, not the last)
    before = owned.filter(~pl.col("_also")).sort("row", "start").join_asof(people.sort("row", "_p"), left_on="start", right_on="_p", by="row", strategy="backward", check_sortedness=False)
    same = pl.concat([
        before.filter(pl.col("_p_sentence") == pl.col("sentence")).select("event", "_referent", "_always"),
        _clause_subjects(texts, owned.filter(pl.col("_also")), people, first_of_sentence),
    ])
    first_of_previous = first_of_sentence.select("row", (pl.col("_p_sentence") + 1).alias("sentence"), "_referent")
    previous = owned.join(same, on="event", how="anti").join(first_of_previous, on=["row", "sentence"]).select("event", "_referent", "_always")
    return pl.concat([same, previous]).cast({"event": pl.UInt32})


def _speaker_states(actors: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """(_speaker, _speaker_state): the state actor of each actor's country (``actors``: actor_id,
    country; ``places`` as ``MeetingPlaces``)."""
    states = places.filter(pl.col("main")).select("country", (STATE_PREFIX + pl.col("place_id")).alias("_speaker_state"))
    return actors.select(pl.col("actor_id").alias("_speaker"), "country").join(states, on="country").drop("country")


def _clause_subjects(texts: pl.Series, owned: pl.DataFrame, people: pl.DataFrame, first_of_sentence: pl.DataFrame) -> pl.DataFrame:
    """(event, _referent, _always) of the subject of each of ``owned`` (event, row, sentence, start,
    _always): the first person named before it in its own clause, after the last "إن/أن" between
    them ("قال مون إن الزعيم الكوري الشمالي أيد ... عقد القمة بينه وبين ماكرون" is the leader's
    summit), else the first person of its sentence."""
    candidates = owned.join(people.rename({"_p_sentence": "sentence"}), on=["row", "sentence"]).filter(pl.col("_p_end") <= pl.col("start"))
    inner = candidates.filter(~text_between(texts, candidates["row"], candidates["_p_end"], candidates["start"]).str.contains(_COMPLEMENTIZER))
    inner = inner.sort("event", "_p").unique("event", keep="first").select("event", "_referent", "_always")
    first = owned.join(inner, on="event", how="anti").join(first_of_sentence.rename({"_p_sentence": "sentence"}), on=["row", "sentence"]).filter(pl.col("_p") < pl.col("start"))
    return pl.concat([inner, first.select("event", "_referent", "_always")])


def _drop_relatives(texts, parties, cues, actors, titles) -> pl.DataFrame:
    """Drop people named as somebody's relative or agent: "صهر الرئيس رجب طيب أردوغان", "مبعوثي الرئيس بايدن".

    Between the relational word and the name only titles, nationalities and words with the
    article may stand; when a title stands there ("الرئيس"), the person must hold it: in
    "المبعوث الخاص للرئيس الأمريكي جون كيري" the envoy is Kerry himself.
    """
    relational = cues.filter(pl.col("role") == "relational").select(
        "row", "sentence", pl.col("end").alias("_r_end"), pl.col("form").str.starts_with("ال").alias("_definite"), pl.col("form").alias("_r_form")
    ).sort("row", "_r_end")
    if relational.height == 0:
        return parties
    joined = parties.sort("row", "start").join_asof(relational, left_on="start", right_on="_r_end", by="row", strategy="backward", check_sortedness=False, suffix="_r")
    gap = texts.gather(joined["row"]).str.slice(joined["_r_end"].fill_null(0), (joined["start"] - joined["_r_end"].fill_null(0)).clip(0))
    joined = joined.with_columns(gap.alias("_gap"))
    near = (pl.col("sentence_r") == pl.col("sentence")) & ((pl.col("start") - pl.col("_r_end")) <= RELATIONAL_GAP)
    # (an adjective of an accusative predicate too, "كان مستشارا كبيرا للرئيس"; not "هذا", nor a word with the pronoun "ها")
    # ... and an adjective of rank: "مع مساعد بارز لكيم"
    only_modifiers = pl.col("_gap").str.contains(r"^(?:\s*(?:(?:ل|لل|ال|بال)\S*|\S{2,}[^\sه]اً?|(?:بارز|كبير|رفيع|خاص|شخصي|سابق|مقرب)(?:اً?)?))*\s*$")
    joined = joined.with_columns((near & only_modifiers).fill_null(False).alias("_related"))
    # the relational word may open an office of the person's own: "مستشار الأمن القومي الأميركي جون
    # بولتون" is the adviser himself (a title of its own, not one "to" or "of" somebody)
    offices = _own_offices(titles)
    # (with a word of the gap: "المبعوث الخاص للرئيس" is not an office of its own)
    own = {
        (form, gap_text): any(" ".join([view_form(form), *view_form(gap_text).split()[:n]]) in offices for n in range(1, 4))
        for form, gap_text in joined.filter(pl.col("_related")).select("_r_form", "_gap").unique().iter_rows()
    }
    own_office = pl.concat_str("_r_form", "_gap", separator="\x00").replace_strict({f"{f}\x00{g}": v for (f, g), v in own.items()}, default=False, return_dtype=pl.Boolean)
    joined = joined.with_columns((pl.col("_related") & ~own_office).alias("_related"))
    # a title between them must be the person's own
    title_words = {view_form(t): e for t, e in titles.select("form", "title_en").iter_rows()}
    gap_titles = {}
    for gap_text in joined.filter(pl.col("_related"))["_gap"].unique().to_list():
        found = None
        for word in gap_text.split():
            w = view_form(word)
            candidates = (["ال" + w[2:]] if w.startswith("لل") else []) + [w] + ([w[1:]] if w.startswith("ل") else [])
            found = next((title_words[c] for c in candidates if c in title_words), None)
            if found:
                break
        gap_titles[gap_text] = found.split(" ")[0].lower() if found else None
    joined = joined.with_columns(pl.col("_gap").replace_strict(gap_titles, default=None, return_dtype=pl.String).alias("_title"))
    joined = joined.join(actors.select(pl.col("actor_id").alias("entity_id"), pl.col("role").str.to_lowercase().alias("_role")), on="entity_id", how="left")
    holds_title = pl.col("_title").is_not_null() & pl.col("_role").fill_null("").str.contains(pl.col("_title"), literal=True)
    # "مبعوث بايدن", "صهر الرئيس أردوغان": the name after a construct form is the possessor;
    # "المبعوث الخاص الأمريكي زلماي خليل زاد": after a definite title it is the holder, unless "للرئيس" comes between
    lam_title = pl.col("_gap").str.contains(r"(?:^|\s)ل\S+")
    possessor = pl.when(pl.col("_definite")).then(lam_title & holds_title).otherwise(pl.col("_title").is_null() | holds_title)
    return joined.filter(~(pl.col("_related") & possessor)).select(parties.columns)


def _own_offices(titles) -> set[str]:
    """The matching-view forms of the titles of several words that name an office of one's own
    ("مستشار الأمن القومي", National Security Adviser), not a relation to somebody ("Adviser to")."""
    return {
        view_form(form) for form, title_en in titles.select("form", "title_en").iter_rows()
        if " " in form.strip() and not title_en.endswith((" to", " of", " to the president"))
    }


def _drop_attendees(texts, parties, cues) -> pl.DataFrame:
    """Drop the people who attend or accompany rather than meet: everybody named after "حضر
    الاستقبال"، "بحضور"، "ورافق الوزير" in the same sentence, and who is named before "كان حاضرا"،
    "جالسا" in its clause (no "إن/أن" between), or right after "بجوار" that follows it."""
    attendance = cues.filter(pl.col("role") == "attendance").select("row", "sentence", pl.col("start").alias("_a_start")).sort("row", "_a_start")
    if attendance.height > 0:
        joined = parties.sort("row", "start").join_asof(attendance, left_on="start", right_on="_a_start", by="row", strategy="backward", check_sortedness=False, suffix="_a")
        parties = joined.filter(~(pl.col("sentence_a") == pl.col("sentence")).fill_null(False)).select(parties.columns)
    presence = cues.filter(pl.col("role") == "presence").select("row", "sentence", pl.col("start").alias("_c_start"), pl.col("end").alias("_c_end"))
    if presence.height == 0:
        return parties
    pairs = parties.select("row", "sentence", "start", "end").join(presence, on=["row", "sentence"])
    before = pairs.filter(pl.col("end") <= pl.col("_c_start"))
    before = before.filter(~text_between(texts, before["row"], before["end"], before["_c_start"]).str.contains(_COMPLEMENTIZER))
    after = pairs.filter(pl.col("start") >= pl.col("_c_end"))
    after = after.filter(text_between(texts, after["row"], after["_c_end"], after["start"]).str.contains(r"^\s+(?:\S+\s+){0,3}?(?:ب|إلى\s+)?(?:جوار|جانب)\s+(?:\S+\s+){0,5}$"))
    return parties.join(pl.concat([before, after]).select("row", "start").unique(), on=["row", "start"], how="anti")


# mentions made by a name of the reference data or the article's own full name (not found by discovery)
_KNOWN_NAME = ("gazetteer", "surname")


def _drop_name_parts(texts, parties) -> pl.DataFrame:
    """Drop a person named right after another with nothing but a space between: one name read
    as two ("كيم كونغ أون" = "كيم" + "كونغ أون"); two people are joined by "و" or a comma.
    Two known people stay: the subject and the object of a verb ("يلتقي ماكرون أردوغان")."""
    people = parties.filter(pl.col("entity_kind") == "person").sort("row", "start").with_columns(
        pl.col("end").shift(1).over("row").alias("_prev_end"), pl.col("sentence").shift(1).over("row").alias("_prev_sentence"),
        (pl.col("_known") & pl.col("_known").shift(1).over("row") & (pl.col("entity_id") != pl.col("entity_id").shift(1).over("row"))).alias("_two_known"),
    )
    gap = texts.gather(people["row"]).str.slice(people["_prev_end"].fill_null(0), (people["start"] - people["_prev_end"].fill_null(0)).clip(0))
    parts = people.filter(
        ((pl.col("_prev_sentence") == pl.col("sentence")) & (pl.col("start") > pl.col("_prev_end")) & gap.str.contains(r"^ +$") & ~pl.col("_two_known")
         # (a title is no part of a name: "التقى ماكرون الزعيم الكوري الشمالي", the object)
         & ~pl.col("_titled")).fill_null(False)
    )
    return parties.join(parts.select("row", "start"), on=["row", "start"], how="anti")


# "أرسل الرئيس ... بومبيو ... للقاء كيم": who sends an envoy does not meet
_SEND = r"(?:^|\s)(?:و|ف)?(?:أرسل|ارسل|أرسلت|ارسلت|يرسل|ترسل|سيرسل|أوفد|اوفد|أوفدت|اوفدت|يوفد|بعث|بعثت|يبعث|كلف|كلفت)\s+(?:\S+\s+){0,4}$"
SENDER_GAP = 40  # characters from the sender to the envoy named after it


# an article that opens with its reporter, outlet and city ("خالد العتيبي- سبق- الرياض: بحث أمير ...")
_DATELINE = r"^\s*[^:\n.،]{2,60}?\s*[-–—]\s*[^:\n.،]{0,60}?:"


def _drop_dateline(texts, parties) -> pl.DataFrame:
    """Drop who is named in the dateline that opens an article (reporter - outlet - city:): the
    reporter of the meeting in the sentence that follows is no party to it."""
    dateline_end = texts.str.extract(f"({_DATELINE})", 1).str.len_chars().cast(pl.Int64)
    ends = dateline_end.gather(parties["row"])
    return parties.filter(~(parties["end"] <= ends).fill_null(False))


def _drop_senders(texts, parties) -> pl.DataFrame:
    """Drop the subject of a verb of sending when the person sent is named right after it
    ("أرسل الرئيس الفرنسي ماكرون وزير خارجيته بارو إلى أنقرة للقاء أردوغان"): the envoy meets."""
    people = parties.filter(pl.col("entity_kind") == "person").sort("row", "start").with_columns(
        pl.col("start").shift(-1).over("row").alias("_next_start"), pl.col("sentence").shift(-1).over("row").alias("_next_sentence"),
        pl.col("end").shift(1).over("row").fill_null(0).alias("_prev_end"),
    )
    sent = people.filter((pl.col("_next_sentence") == pl.col("sentence")) & (pl.col("_next_start") - pl.col("end") <= SENDER_GAP))
    if sent.height == 0:
        return parties
    # the verb stands before the sender with nobody between (the envoy has the sender before it)
    lead_start = pl.max_horizontal(sent["_prev_end"], (sent["start"] - 60).clip(0))
    lead = text_between(texts, sent["row"], lead_start, sent["start"])
    gap = text_between(texts, sent["row"], sent["end"], sent["_next_start"])
    # two senders are joined by و ("أرسل ماكرون وميرتس"), not by a title that starts with it ("وزير")
    joined = gap.str.contains(r"^[\s،,]*و(?:$|\s|و|ال|[^زكا])")
    senders = sent.filter(lead.str.contains(_SEND) & ~joined)
    return parties.join(senders.select("row", "start"), on=["row", "start"], how="anti")


def _drop_descriptors(texts, parties, cues) -> pl.DataFrame:
    """Drop organizations that only describe someone ("رئيس صندوق الثروة السيادية الروسي",
    "سكرتير مجلس الأمن والدفاع القومي"), anything named as a topic ("حول"، "ما أسماه") and the
    organization whose summit a meeting is ("قمة حلف شمال الأطلسي")."""
    titles = cues.filter(pl.col("role") == "title").select("row", "sentence", pl.col("end").alias("_t_end")).sort("row", "_t_end")
    joined = parties.sort("row", "start").join_asof(titles, left_on="start", right_on="_t_end", by="row", strategy="backward", check_sortedness=False, suffix="_t")
    gap = texts.gather(joined["row"]).str.slice(joined["_t_end"].fill_null(0), (joined["start"] - joined["_t_end"].fill_null(0)).clip(0))
    left = text_before(texts, joined["row"], joined["start"], 20)
    descriptor = (
        (pl.col("entity_kind") == "organization") & (pl.col("sentence_t") == pl.col("sentence")) & ((pl.col("start") - pl.col("_t_end")) <= 30)
        # (the organization may be in quotation marks: 'مدير "سي.آي.إيه" السابق')
        & gap.str.contains(r"^(?:[\s\"«“']*(?:(?:ل|لل|ال|ب)\S*|في|لدى|باسم))*[\s\"«“']*$")
    ).fill_null(False)
    topic = left.str.contains(r"(?:حول|بشأن|مناقشة|ومناقشة|أسماه|سماه|يسمى|يُسمى|بمثابة)\s+\S*\s*$")
    # "توجّه ... إلى السفارة الأمريكية": a destination, not a party
    topic = topic | ((pl.col("entity_kind") == "organization") & left.str.contains(r"(?:^|\s)(?:إلى|الى)\s+$"))
    # "مندوب المملكة لدى برنامج الغذاء العالمي": the organization somebody is posted to
    topic = topic | ((pl.col("entity_kind") == "organization") & left.str.contains(r"(?:^|\s)لدى\s+$"))
    # "قمة حلف شمال الأطلسي", "قمة مجموعة السبع": the organization whose summit it is, a forum of
    # many, not a party
    topic = topic | ((pl.col("entity_kind") == "organization") & left.str.contains(r"(?:^|\s)[وفبلك]{0,2}(?:ال)?قم[ةه]\s+$"))
    staff = _staff_of(texts, joined["row"], joined["start"])
    return joined.filter((~descriptor & ~topic) | staff).select(parties.columns)


# the staff of an organization stand for it: "مع مسؤولين كبار في وزارة الخارجية والموساد"، "ممثلين عن
# الأمم المتحدة" (the organization is a party, not a venue or a description)
_STAFF = (
    r"(?:ال)?(?:مسؤول|مسؤولي|مسؤولين|مسؤولون|ممثل|ممثلي|ممثلين|ممثلون|ضباط|خبراء|موظفي|موظفين|قادة|قاده"
    r"|وزراء(?:\s+(?:ال)?(?:خارجية|دفاع|داخلية|مالية|خارجيه|داخليه|ماليه))?)"
    r"(?:\s+(?:كبارا?|كبيرين|رفيعي المستوى|رفيع المستوى|بارزين|آخرين|اخرين)[\u064b-\u064d]?)?\s+(?:في|من|عن|ب)\s*$"
)


@functools.cache
def _staff_of_pattern() -> str:
    """``_STAFF`` after "مع", "بين" or a meeting verb of ``events.yaml`` (its subject may come
    between), or joined by "و" to a party before it ("بين ... كيري ووزراء الخارجية في مجلس التعاون"):
    "اعتقال مسؤولين كبار في الاتحاد" names no party."""
    meeting = event_vocabulary()["meeting"]
    verbs = sorted({v for key in ("past", "present", "future") for v in meeting[key]}, key=len, reverse=True)
    return (
        r"(?:(?:^|\s)و?(?:مع|بين)\s+|(?:^|\s)و|(?:^|\s)(?:و|ف)?(?:" + "|".join(verbs) + r")\s+(?:[^\s،,.]+\s+){0,3}?)" + _STAFF
    )


def _staff_of(texts: pl.Series, rows: pl.Series, starts: pl.Series) -> pl.Series:
    """Whether each mention at (row, start) is the organization of staff named just before it."""
    return text_before(texts, rows, starts, 70).str.contains(_staff_of_pattern())


ARMED_FORCES = r"(?i)\b(?:forces|army|troops|militias?|mobili[sz]ation)\b"
MEDIA = r"(?i)\b(?:news|newspaper|television|radio|broadcast|channel|magazine|tv|press|media|times|post|journal)\b"


# a visit right before a seat, with at most five words (the visitor) between: its object is a place
VISITED_SEAT_GAP = 40
_VISITED = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال)?(?:زار|زارت|زارا|زاروا|يزور|تزور|سيزور|ستزور|زيارة|زيارته|زيارتها|زيارتهم|زيارات)(?:\s+[^\s،,.]+){0,5}\s+(?:(?:إلى|الى)\s+)?ل?$"


# a part of an organization's grounds or building before its name: "في حديقة البيت الأبيض"
_GROUNDS = r"(?:^|\s)(?:و|ف)?(?:في|من|ب)\s*(?:ال)?(?:حديقة|حديقه|حدائق|قاعة|قاعه|ساحة|ساحه|باحة|باحه|أروقة|اروقة|مكتب|جناح|مبنى)\s+$"


def _drop_non_parties(texts, parties, events, actors) -> pl.DataFrame:
    """Drop organizations that report or host rather than meet: news media ("(CNN)", "وكالة
    يونهاب"), armed forces (what a meeting is about: "بحث دعم القوات العراقية والحشد الشعبي"; their
    commanders and delegations meet), the organization a meeting belongs to ("قمة الناتو"، "قمة آسيان"), and a venue
    ("لقاء في البيت الأبيض", "قال في تصريحات بالكرملين إنه تحدث مع", "زار الكرملين", "في حديقة البيت الأبيض")."""
    forces = pl.col("name_en").fill_null("").str.contains(ARMED_FORCES) & (pl.col("kind") == "organization")
    non_parties = actors.filter(pl.col("role").fill_null("").str.contains(MEDIA) | pl.col("name_en").fill_null("").str.contains(MEDIA) | forces).select(
        pl.col("actor_id").alias("entity_id")
    )
    parties = parties.join(non_parties, on="entity_id", how="anti")
    # (after a meeting noun or a verb of holding, "لعقد الجمعية العمومية": the word right after a verb
    # of meeting is its subject or object, "التقى الوفد الكوري")
    last_word = pl.col("trigger").str.extract(r"(\S+)$", 1)
    owner_ends = events.filter(~last_word.is_in(list(_meeting_verbs() - _with_noun_verbs()))).select("row", "sentence", pl.col("end").alias("_t_end"))
    # "قمة الناتو", "قمة "آسيان"": the organization right after the meeting word owns it
    owned = parties.join(owner_ends, on=["row", "sentence"]).filter(pl.col("start").is_between(pl.col("_t_end") + 1, pl.col("_t_end") + 3))
    owned_gap = texts.gather(owned["row"]).str.slice(owned["_t_end"], owned["start"] - owned["_t_end"])
    owned = owned.filter(owned_gap.str.contains(r"^[\s\"«“]+$"))
    left = text_before(texts, parties["row"], parties["start"], 4)
    # "في تصريحات بالبيت الأبيض أنه تحدث مع ...": ب on an organization before any meeting word
    first_trigger = events.group_by("row", "sentence").agg(pl.col("start").min().alias("_first"))
    parties = parties.join(first_trigger, on=["row", "sentence"], how="left")
    # ... and anywhere after "مقر" ("التقى ... أمس بمقر الكلية الحربية", "بمقر وزارة الخارجية الإسبانية")
    seat = text_before(texts, parties["row"], parties["start"], 8).str.contains(r"(?:^|\s)(?:و|ف)?(?:ب|ل)?مقر[ّ]?\s+$")
    # ... and the seat of a head of state that somebody visits: "زيارة لماكرون للبيت الأبيض", "زار الكرملين"
    seats = actors.filter(pl.col("role").fill_null("").str.starts_with("office of"))["actor_id"].implode()
    visited = pl.col("entity_id").is_in(seats) & text_before(texts, parties["row"], parties["start"], VISITED_SEAT_GAP).str.contains(_VISITED)
    # ... and after a part of its grounds: "قال للصحفيين في حديقة البيت الأبيض"
    grounds = text_before(texts, parties["row"], parties["start"], 16).str.contains(_GROUNDS)
    # ... and the office one took or heads: "منذ توليه وزارة الدفاع", "بعد تسلمها رئاسة الحكومة"
    office = text_before(texts, parties["row"], parties["start"], 16).str.contains(_TOOK_OFFICE)
    venue = (pl.col("entity_kind") == "organization") & (
        left.str.contains(r"(?:^|\s)(?:في|وفي)\s+$") | (left.str.contains(r"(?:^|\s)(?:و|ف)?ب$") & (pl.col("start") < pl.col("_first"))) | seat | visited | grounds | office
    ) & ~_staff_of(texts, parties["row"], parties["start"])
    parties = parties.filter(~venue).drop("_first")
    return parties.join(owned.filter(pl.col("entity_kind") == "organization").select("row", "start"), on=["row", "start"], how="anti")


# taking or holding an office, with the pronoun of who took it: "توليه", "تسلمها", "توليه منصب"
_TOOK_OFFICE = r"(?:^|\s)(?:ل|ب)?(?:تولي|تولى|تسلم|استلام|توليه|توليها|تسلمه|تسلمها|استلامه|استلامها)(?:\s+(?:منصب|رئاسة|قيادة|حقيبة))?\s+$"

_TITLE_IN = r"(?:^|\s)(?:ال)?(?:مسؤول|مسؤولة|مسئول|خبير|خبيرة|باحث|باحثة|عضو|أستاذ|استاذ|محاضر|مستشار|مستشارة)\s+في\s"


CALLED_OFF_GAP = 60  # characters from a speech verb to the cancellation it announces


def _drop_speakers(texts, parties, cues, events) -> pl.DataFrame:
    """Drop the subject of a speech verb ("وصف سيرغي لافروف ... المحادثات", "وكان ماكرون قد أكد زيارة
    لودريان"): it reports, it does not meet; not who announces a meeting called off ("أعلن ... إلغاء
    القمة"): he calls off his own; nor who is the subject of a meeting verb in a relative clause on
    him ("وأعلن بومبيو الذي التقى كيم مرتين").

    ``parties``: row, sentence, start, end and more; ``events``: row, start of each mention."""
    verbs = cues.filter(pl.col("role").is_in(["speech_verb", "speech_source"])).select("row", "sentence", pl.col("end").alias("_v_end")).sort("row", "_v_end")
    if verbs.height == 0:
        return parties
    joined = parties.sort("row", "start").join_asof(verbs, left_on="start", right_on="_v_end", by="row", strategy="backward", check_sortedness=False, suffix="_v")
    gap = texts.gather(joined["row"]).str.slice(joined["_v_end"].fill_null(0), (joined["start"] - joined["_v_end"].fill_null(0)).clip(0))
    # (the "في" of the subject's own title is no phrase of the verb: "أعلن المسؤول في وزارة الخارجية، X، أن")
    joined = joined.with_columns(gap.str.replace_all(_TITLE_IN, " ").alias("_gap"))
    # "سيرغي لافروف، صرّح": the name right before a speech verb (not "... للقاء أردوغان، وأعلن":
    # a verb joined by و has the subject of the clause before)
    verb_starts = cues.filter(pl.col("role") == "speech_verb")
    clitic = text_between(texts, verb_starts["row"], verb_starts["start"] - verb_starts["prefix_len"], verb_starts["start"])
    verb_starts = verb_starts.filter(~clitic.str.starts_with("و")).select("row", "sentence", pl.col("start").alias("_v_start")).sort("row", "_v_start")
    joined = joined.sort("row", "end").join_asof(verb_starts, left_on="end", right_on="_v_start", by="row", strategy="forward", check_sortedness=False, suffix="_n")
    # (or "قد" between: "وكان ماكرون قد أكد زيارة لودريان")
    particle = text_between(texts, joined["row"], joined["end"], joined["_v_start"].fill_null(joined["end"])).str.contains(r"^\s*(?:قد|لقد)\s+$")
    joined = joined.with_columns(particle.alias("_particle"), pl.col("_v_start").fill_null(-1).alias("_v_at")).sort("row", "_v_at")
    # ... but who announces that a meeting is called off calls off his own: "وكان ماكرون قد أعلن في
    # رسالة إلى أردوغان إلغاء القمة"
    called_off = cues.filter(pl.col("role").is_in([CANCELLED, POSTPONED])).select("row", pl.col("sentence").alias("_c_sentence"), pl.col("start").alias("_c_start")).sort("row", "_c_start")
    joined = joined.join_asof(called_off, left_on="_v_at", right_on="_c_start", by="row", strategy="forward", check_sortedness=False)
    calls_off = ((pl.col("_c_sentence") == pl.col("sentence")) & ((pl.col("_c_start") - pl.col("_v_start")) <= CALLED_OFF_GAP)).fill_null(False)
    svo = ((pl.col("sentence_n") == pl.col("sentence")) & (((pl.col("_v_start") - pl.col("end")) <= 3) | pl.col("_particle")) & ~calls_off).fill_null(False)
    subject = svo | (
        (pl.col("sentence_v") == pl.col("sentence"))
        & ((pl.col("start") - pl.col("_v_end")) <= 45)
        # not after a phrase of its own: "قال الخميس عقب لقائه نظيره الألماني، هايكو ماس، إن"
        & ~pl.col("_gap").str.contains(r"(?:^|\s)(?:(?:ب|و|ل)?(?:إن|أن|ان)(?:ه|ها|هم|هما|هن|ني|نا)?|على|في|من|إلى|الى|عن|مع|التي|الذي|عقب|بعد|قبل|خلال|لدى|إثر|اثر|أثناء|اثناء)(?:\s|$)|[:“«\"]")
    ).fill_null(False)
    # "X الذي التقى Y": the relative clause on the speaker is his meeting
    lead = text_between(texts, joined["row"], joined["end"], joined["end"] + 30).str.extract(_RELATIVE_MEETING_LEAD, 1).str.len_chars()
    verbs_at = events.select("row", pl.col("start").alias("_rel_start")).unique().with_columns(pl.lit(True).alias("_own_meeting"))
    joined = joined.with_columns((pl.col("end") + lead).alias("_rel_start")).join(verbs_at, on=["row", "_rel_start"], how="left", maintain_order="left")
    return joined.filter(~(subject.fill_null(False) & ~pl.col("_own_meeting").fill_null(False))).select(parties.columns)


# what stands between a person and the meeting verb of a relative clause on him: "بومبيو الذي التقى"
_RELATIVE_MEETING_LEAD = r"^(\s*[،,]?\s*و?(?:الذي|التي|اللذان|اللذين)\s+(?:(?:كان|كانت|كانا)\s+)?(?:قد\s+)?)"


# a threat to cancel or postpone ("هدد ... بإلغاء", "تلوح بتأجيل"): the verb this close before the cue, with its subject between
THREAT_GAP = 40
_THREAT = (
    r"(?:^|\s)(?:و|ف)?(?:هدد|هددت|هددوا|يهدد|تهدد|يهددون|لوح|لوحت|يلوح|تلوح|توعد|توعدت"
    # ... or the noun: "يعد تهديد كوريا الشمالية الصارم بإلغاء المحادثات تحولا خطيرا"
    r"|(?:ال)?(?:تهديد|تهديدات|تلويح))\s+(?:[^\s.،,؛:]+\s+){0,3}(?:ب|ب?ال)?$"
)

# a condition after a negated meeting verb ("لن يلتقيه إلا إذا ..."): not denied, to come if it is met
_CONDITION = r"^[^.!?؟\n]*?(?:^|\s)(?:دون أن|بدون أن|من دون أن|ما لم|إلا إذا|الا اذا|إلا بعد|الا بعد|إلا بشرط)(?:\s|$)"
CONDITION_REACH = 40  # characters after the meeting word where the condition is looked for


# a cancellation or postponement that may come: "من المحتمل تأجيل القمة", "احتمال إلغاء القمة"
POSSIBILITY_GAP = 25
_POSSIBLY = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ربما|لربما|من المحتمل|من الممكن|المحتمل|الممكن|يمكن|يحتمل|احتمال|إمكانية|امكانية)(?:\s+أن)?\s+$"


def _status(events: pl.DataFrame, cues: pl.DataFrame, texts: pl.Series) -> pl.DataFrame:
    """held / planned / denied / cancelled / postponed from the cue words around each mention
    (not across a comma that opens another clause: "لن يلتقي بالرئيس الصيني، لكنه سيجتمع مع نظيريه",
    nor from a subordinate clause after the mention)."""
    status_cues = cues.filter(pl.col("role").is_in([DENIED, "refused", CANCELLED, POSTPONED, PLANNED, HELD, "held_adjective"])).select(
        "row", "sentence", pl.col("start").alias("_c_start"), pl.col("end").alias("_c_end"), pl.col("role").alias("_cue")
    )
    # "هدد قادة الاتحاد بإلغاء اجتماع مزمع مع أردوغان": a threat to call it off leaves it planned
    threat = text_before(texts, status_cues["row"], status_cues["_c_start"], THREAT_GAP).str.contains(_THREAT)
    # ... and so does a possibility: "من المحتمل تأجيل القمة", "قد تلغي القمة" ("قد" before a
    # present verb; "قد ألغى" has cancelled it)
    lead = text_before(texts, status_cues["row"], status_cues["_c_start"], POSSIBILITY_GAP)
    present = texts.gather(status_cues["row"]).str.slice(status_cues["_c_start"], 1).str.contains(r"^[يت]")
    possible = lead.str.contains(_POSSIBLY) | (present & lead.str.contains(r"(?:^|\s)(?:و|ف)?قد\s+$"))
    status_cues = status_cues.with_columns(
        pl.when(pl.col("_cue").is_in([CANCELLED, POSTPONED]) & (threat | possible)).then(pl.lit(PLANNED)).otherwise(pl.col("_cue")).alias("_cue")
    )
    # "وإضافة إلى عقد قمة": in addition to holding one, not a call to hold it; nor "تجري بشكل أسرع من
    # المتوقع" (faster than expected: a comparative before "من")
    just_before = text_before(texts, status_cues["row"], status_cues["_c_start"], 12)
    comparative = texts.gather(status_cues["row"]).str.slice(status_cues["_c_start"], 3).str.starts_with("من") & just_before.str.contains(r"(?:^|\s)[أا][^\s]{3}\s+$")
    besides = just_before.str.contains(r"(?:إضافة|اضافة|إضافةً)\s*$") | comparative
    status_cues = status_cues.filter(~besides)
    # a cue after a mention that reaches into the next mention, or stands nearer to it, is that
    # mention's: "خلال اجتماع مفاجئ معه أمس ضرورة عقد القمة" (the summit is wanted, the meeting was
    # held), "يجري محادثات ... في المنطقة المنزوعة السلاح وسط استعدادات لقمة"
    following = events.sort("row", "start").select(
        "event", pl.col("start").shift(-1).over("row").alias("_next_start"), pl.col("end").shift(1).over("row").alias("_previous_end")
    )
    pairs = events.select("event", "row", "sentence", "start", "end", "_arranging", "_met").join(status_cues, on=["row", "sentence"])
    pairs = pairs.join(following, on="event", how="left").filter(
        (pl.col("_c_start") < pl.col("end")) | pl.col("_next_start").is_null()
        | ((pl.col("_next_start") - pl.col("_c_end")) >= (pl.col("_c_start") - pl.col("end")))
    )
    # ... and a cue of what is to come before another mention is that one's, not a verb of meeting
    # in the past after it: "توجه إلى موسكو للتحضير للقمة، والتقى لافروف" (he met him)
    pairs = pairs.filter(
        ~(pl.col("_met") & (pl.col("_cue") == PLANNED) & (pl.col("_c_end") <= pl.col("start")) & (pl.col("_previous_end") > pl.col("_c_end")).fill_null(False))
    ).drop("_next_start", "_previous_end")
    # a cue may hold the meeting verb itself: "لم يجتمع", "لن يلتقي"
    before = pl.col("_c_start") < pl.col("start")
    # (what follows talks to arrange a meeting is said of that meeting: "تجري محادثات ... بشأن عقد القمة";
    # what is to come after a verb of meeting in the past is not that meeting: "اللقاء الثلاثي الذي جمع
    # ... أخيرا سوف تكون على الطاولة")
    pairs = pairs.filter(before | ~(pl.col("_arranging") | (pl.col("_met") & (pl.col("_cue") == PLANNED))))
    gap_before = (pl.col("start") - pl.col("_c_end")).clip(0)
    # "رفض الكشف عن تفاصيل اتصاله الهاتفي", "رفض التعليق على اللقاء": refused to tell of it, not to meet
    refused_to_tell = text_between(texts, pairs["row"], pairs["_c_end"], pairs["start"]).str.contains(_TELLING)
    # "ينفي أن يكون للائحة أي علاقة بالاجتماع": what is denied is a link to the meeting
    denied_link = text_between(texts, pairs["row"], pairs["_c_end"], pairs["start"]).str.contains(r"(?:^|\s)(?:علاقة|علاقه|صلة|صله|ارتباط)\s+(?:\S+\s+)?(?:ب|ب?ال)?$")
    gap_after = pl.col("_c_start") - pl.col("end")
    applies = (
        ((pl.col("_cue") == DENIED) & before & (gap_before <= DENIED_BEFORE) & ~denied_link)
        | ((pl.col("_cue") == "refused") & before & (gap_before <= DENIED_BEFORE) & ~refused_to_tell)
        | (pl.col("_cue").is_in([CANCELLED, POSTPONED]) & ((before & (gap_before <= 40)) | (~before & (gap_after <= 40))))
        | ((pl.col("_cue") == PLANNED) & ((before & (gap_before <= PLANNED_BEFORE)) | (~before & (gap_after <= PLANNED_AFTER))))
        | ((pl.col("_cue") == HELD) & ((before & (gap_before <= 15)) | (~before & (gap_after <= 20))))
        | ((pl.col("_cue") == "held_adjective") & ~before & (gap_after <= 1))
    )
    rank = pl.col("_cue").replace_strict({DENIED: 0, CANCELLED: 1, POSTPONED: 2, PLANNED: 3, HELD: 4}, return_dtype=pl.Int8)
    pairs = pairs.filter(applies).with_columns(pl.col("_cue").replace({"held_adjective": HELD, "refused": DENIED}))
    between = _text_between_spans(texts, pairs, "_c_start", "_c_end", event=("start", "end"))
    # ... nor into a subordinate clause after the mention: "وعقد مون وكيم اجتماعا ثانيا السبت بعد أن
    # ألغى ماكرون محادثاته"
    into_clause = between.str.contains(_SUBORDINATE_CLAUSE) & (pairs["_c_start"] >= pairs["end"])
    # ... nor what is possible or to come in what somebody says after it: "قال خلال مؤتمر صحفي مشترك
    # مع أردوغان إن السلام ممكن"
    into_clause = into_clause | (between.str.contains(_COMPLEMENTIZER) & (pairs["_c_start"] >= pairs["end"]) & (pairs["_cue"] == PLANNED))
    found = pairs.filter(~between.str.contains(_NEW_CLAUSE) & ~into_clause).with_columns(rank.alias("_rank")).sort("event", "_rank").unique("event", keep="first").select("event", "_cue")
    # a cancellation taken back after the meeting word, in the same sentence: planned again
    reversals = cues.filter(pl.col("role") == "reversed")
    reversals = reversals.filter(text_before(texts, reversals["row"], reversals["start"], REVERSAL_GAP).str.contains(_REVERSAL_VERB))
    taken_back = events.select("event", "row", "sentence", "end").join(
        reversals.select("row", "sentence", pl.col("start").alias("_r_start")), on=["row", "sentence"]
    ).filter(pl.col("_r_start") >= pl.col("end")).select("event").unique()
    found = found.with_columns(
        pl.when((pl.col("_cue") == CANCELLED) & pl.col("event").is_in(taken_back["event"].implode())).then(pl.lit(PLANNED)).otherwise(pl.col("_cue")).alias("_cue")
    )
    events = events.join(found, on="event", how="left").with_columns(_decided(texts, events).alias("_decided"))
    return events.with_columns(
        pl.when(pl.col("_negated")).then(pl.lit(DENIED))
        .when(pl.col("_cue").is_not_null()).then(pl.col("_cue"))
        .when(pl.col("_future") | pl.col("_purpose") | pl.col("_decided")).then(pl.lit(PLANNED))
        .otherwise(pl.lit(HELD)).alias("status"),
        # "held" by default (a bare "الاجتماع", "عقد هذا اللقاء") does not contradict an explicit status
        (pl.col("_cue").is_not_null() | pl.col("_future") | pl.col("_purpose") | pl.col("_decided") | (pl.col("verb") & ~pl.col("_holds_this"))).alias("explicit"),
        # said to have taken place: "اجتماعه مع كيم الذي استمر ساعتين" (``_dates`` keeps it held)
        ((pl.col("_cue") == HELD) & ~pl.col("_negated")).fill_null(False).alias("_took_place"),
    ).drop("_cue", "_negated")


# "قرر ماكرون وأردوغان ... عقد اجتماع": a decision to hold a meeting, its subject between (not "قرر
# ... بعد أن عقد اجتماعا", a meeting held before the decision)
_DECIDE = r"(?:^|\s)(?:و|ف)?(?:قرر|قررت|قررا|قرروا|يقرر|تقرر|يقرران|تقرران|سيقرر)\s"
_HOLDING_MASDAR = r"(?:^|\s)(?:عقد|إجراء|اجراء)\s+$"
_NOT_BEFORE_MASDAR = r"(?:^|\s)(?:و|ف)?(?:أن|ان|بعد|قبل|خلال|إثر|اثر|عقب|منذ|الذي|التي|حيث|لدى)\s+$"
DECISION_REACH = 200  # characters before a meeting word searched for the decision


def _decided(texts: pl.Series, events: pl.DataFrame) -> pl.Series:
    """Whether each mention of ``events`` (row, start) is a meeting somebody decided to hold: a verb
    of deciding earlier in its sentence, then the masdar of holding ("عقد"، "إجراء") that opens the
    mention or stands right before it."""
    lead = text_before(texts, events["row"], events["start"], DECISION_REACH).str.replace(r"^.*[.!?؟؛\n]", "")
    opens = texts.gather(events["row"]).str.slice(events["start"], 4).str.contains(r"^عقد\s")
    masdar_before = lead.str.contains(_HOLDING_MASDAR)
    stem = lead.str.replace(_HOLDING_MASDAR, " ")
    return (opens | masdar_before) & stem.str.contains(_DECIDE) & ~stem.str.contains(_NOT_BEFORE_MASDAR)


@functools.cache
def _speech_verbs() -> str:
    """An alternation of the speech verbs of ``events.yaml`` (as written, longest first)."""
    return "|".join(sorted(event_vocabulary()["speech"]["verbs"], key=len, reverse=True))


def _weekday_numbers() -> dict[str, int]:
    return {view_form(k): int(v) for k, v in date_vocabulary().weekdays.items()}


@functools.cache
def _forward_words() -> str:
    """A pattern of the date words that point after publication, in matching view: "المقبل",
    "القادمة" (``direction_words`` 1), "غدا", "بعد غد" (``relative_days`` > 0)."""
    vocabulary = date_vocabulary()
    words = [w for w, shift in vocabulary.directions.items() if shift > 0] + [w for w, shift in vocabulary.relative_days.items() if shift > 0]
    return r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?:\s|$)"


def _trip_dates(events: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    """The dates of a visit named between it and the meeting "حيث" that it is for: "يزور ماكرون
    أنقرة الأسبوع المقبل حيث يلتقي أردوغان" (the week is the visit's too, not only the nearer
    meeting's). ``events``: with ``_where_led`` (the mention follows "حيث"); ``pairs``: the (event,
    date) rows of ``_dates``, each date with its nearest mention; returns more such rows, for the visit."""
    ordered = events.sort("row", "start").select(
        pl.col("event").alias("_visit"), pl.col("end").alias("_visit_end"), pl.col("trigger").str.contains(_VISIT).alias("_is_visit"),
        pl.col("event").shift(-1).over("row", "sentence").alias("event"),
        pl.col("_where_led").shift(-1).over("row", "sentence").alias("_next_where"),
    ).filter(pl.col("_next_where").fill_null(False) & pl.col("_is_visit"))
    shared = pairs.join(ordered, on="event").filter(
        (pl.col("_d_start") >= pl.col("_visit_end")) & (pl.col("_d_end") <= pl.col("_e_start")) & ((pl.col("_e_start") - pl.col("_visit_end")) <= SETTING_GAP)
    )
    return shared.with_columns(pl.col("_visit").alias("event"), (pl.col("_d_start") - pl.col("_visit_end")).alias("_d")).select(pairs.columns)


HEADLINE_LENGTH = 120  # characters: a line this short with no full stop is a headline


def _in_headline(texts: pl.Series, events: pl.DataFrame) -> pl.Series:
    """Whether each mention stands in a headline: a short line (or the part of it after a colon,
    "رابط الخبر بصحيفة الوئام: ولي العهد يستقبل ...") with no sentence punctuation."""
    width = HEADLINE_LENGTH + 1
    before = text_before(texts, events["row"], events["start"], width)
    after = texts.gather(events["row"]).str.slice(events["start"], width)
    opens = before.str.contains(r"[\n:][^\n.!?؟:]*$") | ((events["start"] < width) & ~before.str.contains(r"[\n.!?؟:]"))
    closes = after.str.contains(r"^[^\n.!?؟]*\n") | ((after.str.len_chars() < width) & ~after.str.contains(r"[\n.!?؟]"))
    line = before.str.extract(r"([^\n:]*)$", 1).str.len_chars() + after.str.extract(r"^([^\n]*)", 1).str.len_chars()
    return opens & closes & (line <= HEADLINE_LENGTH)


_SINCE = r"(?:^|\s)(?:و|ف)?منذ\s"
SINCE_LEAD = 40  # characters before a date searched for the "منذ" it follows


def _dates(texts: pl.Series, events: pl.DataFrame, dates: pl.DataFrame, published: pl.Series) -> pl.DataFrame:
    """The nearest date expression of the sentence; a day after publication makes a held meeting
    planned, and so does a date that points forward with no publication date ("الشهر المقبل")."""
    if dates.height == 0:
        # no dates in the batch: the same rules below, every mention undated
        dates = pl.DataFrame(schema={"row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "value": pl.Date, "granularity": pl.String, "surface": pl.String})
    weekdays = _weekday_numbers()
    pattern = "|".join(sorted(weekdays, key=len, reverse=True))
    d = dates.select("row", "sentence", pl.col("start").alias("_d_start"), pl.col("end").alias("_d_end"), "value", "granularity", "surface")
    d = d.with_columns(
        pl.col("surface").map_elements(view_form, return_dtype=pl.String).str.extract(f"({pattern})", 1).replace_strict(weekdays, default=None, return_dtype=pl.Int8).alias("_wd")
    )
    pairs = _event_bounds(events).join(d, on=["row", "sentence"])
    # "قال ماكرون، الاثنين، إنه يفضل أن تعقد القمة": a date before the "إن/أن" of a reported clause
    # is when it was said, not when the meeting it reports is
    said = text_between(texts, pairs["row"], pairs["_d_end"], pairs["_e_start"]).str.contains(_REPORTED_CLAUSE)
    # ... and so is one right after a speech verb and its subject, before its object: "أكد الرئيس
    # الأميركي ماكرون، الجمعة، انعقاد القمة التي ستجمعه ... في الثاني عشر من يونيو"
    said = said | (
        text_before(texts, pairs["row"], pairs["_d_start"], 60).str.contains(rf"(?:^|\s)(?:و|ف)?(?:{_speech_verbs()})\s+(?:[^\s.،,]+\s+){{0,5}}[^\s.،,]+[،,]\s*$")
        & text_between(texts, pairs["row"], pairs["_d_end"], pairs["_e_start"]).str.contains(r"^[\s،,]*\S*\s*$")
    )
    # "والزيارة هي الأولى لكارتر إلى بغداد منذ تسلمه مهامه في شباط": a date after "منذ" (since) is
    # when something before the meeting began ("منذ يومين", two days ago, is a date of its own)
    since = text_between(texts, pairs["row"], pairs["_e_end"], pairs["_d_start"]).str.contains(_SINCE) | text_before(
        texts, pairs["row"], pairs["_d_start"], SINCE_LEAD
    ).str.contains(_SINCE + r"(?:\S+\s+){0,3}$")
    # "التقيا للمرة الأولى في أبريل، بينما اجتمعا للمرة الثانية في مايو": April is the first
    # meeting's, though nearer the second (a new clause stands between them)
    # (and so does "، و" before a mention that opens its own clause: "في 9 فبراير الماضي، وزار السيسي روسيا")
    across = _text_between_spans(texts, pairs, "_d_start", "_d_end").str.contains(_NEW_CLAUSE) | (
        (pl.col("_d_end") <= pl.col("_e_start")) & pl.col("event").is_in(events.filter(pl.col("_comma_verb"))["event"].implode())
        & text_between(texts, pairs["row"], pairs["_d_end"], pairs["_e_start"]).str.contains(r"[،,]")
    )
    # "اجتمع مون مع كيم اليوم السبت لمناقشة قمة ...": the day is the meeting's, not the summit's they discuss
    topic = text_between(texts, pairs["row"], pairs["_d_end"], pairs["_e_start"]).str.contains(_PURPOSE_LEAD)
    pairs = _to_nearest_event(pairs.filter(~((pl.col("_d_end") <= pl.col("_e_start")) & (said | topic)) & ~since & ~across), "_d_start", "_d_end")
    pairs = pl.concat([pairs, _trip_dates(events, pairs)])
    best = pairs.with_columns((pl.col("granularity") != "day").alias("_coarse")).sort("event", "_coarse", "_d").unique("event", keep="first")
    events = events.join(
        best.select(
            "event", pl.when(pl.col("granularity") == "day").then(pl.col("value")).alias("date"), pl.col("surface").alias("date_text"), pl.col("_wd").alias("weekday"),
            # "الأسبوع المقبل", "الشهر المقبل": a week or month that begins after publication (not a
            # year: "رؤية 2030" names a plan, not when they meet)
            pl.when(pl.col("granularity").is_in(["week", "month"])).then(pl.col("value")).alias("_period"),
            pl.when(pl.col("granularity").is_in(["week", "month"])).then(pl.col("granularity")).alias("_period_granularity"),
            pl.when(pl.col("granularity").is_in(["day", "month"])).then(pl.col("value").dt.truncate("1mo")).alias("month"),
        ),
        on="event", how="left",
    )
    # "وصل، الأحد، إلى هلسنكي عشية قمته": the day of the clause is the eve of the meeting ("غداة", the morrow)
    lead = text_before(texts, events["row"], events["start"], 12)
    shift = pl.when(lead.str.contains(r"(?:^|\s)(?:و|ف)?عشية\s+$")).then(1).when(lead.str.contains(r"(?:^|\s)(?:و|ف)?غداة\s+$")).then(-1).otherwise(0)
    events = events.with_columns(shift.alias("_shift"), published.gather(events["row"]).alias("_published")).with_columns(
        (pl.col("date") + pl.duration(days=pl.col("_shift"))).alias("date"),
        pl.when(pl.col("_shift") == 0).then(pl.col("weekday")).alias("weekday"),
    )
    # (the eve makes the meeting planned, then; by publication, if on or after that day, it was held)
    past_eve = (pl.col("_shift") == 1) & (pl.col("date") <= pl.col("_published")).fill_null(False) & (pl.col("status") == PLANNED)
    events = events.with_columns(
        pl.when(past_eve).then(pl.lit(HELD)).otherwise(pl.col("status")).alias("status"), (pl.col("explicit") & ~past_eve).alias("explicit")
    ).drop("_shift")
    # ... and so does "الشهر المقبل", "غدا" when there is no publication date to count from
    unresolved = pl.when(pl.col("date").is_null() & pl.col("_period").is_null()).then(pl.col("date_text"))
    forward = unresolved.map_elements(view_form, return_dtype=pl.String).str.contains(_forward_words())
    later = (pl.col("date") > pl.col("_published")) | (pl.col("_period") > pl.col("_published")) | forward
    # a verb of meeting in the present is what is to happen, in news, unless its day is past: "يلتقي
    # الرئيس الأمريكي نظيره الروسي في هلسنكي" (not "26 مايو: كيم ومون يلتقيان", a timeline)
    # (nor in a headline: "ولي العهد يستقبل وزير الخارجية المصري" reports the day's news; there it
    # says nothing of when, and contradicts neither report)
    headline = _in_headline(texts, events)
    events = events.with_columns(pl.col("_present") & ~headline, (pl.col("explicit") & ~(pl.col("_present") & headline)).alias("explicit"))
    # (a verb of holding only with its day, that day or later: "يعقد ... اليوم في الدوحة اجتماعا", or
    # with a week or month not yet over: "القمة التي تعقد هذا الشهر")
    period_end = pl.when(pl.col("_period_granularity") == "week").then(pl.col("_period") + pl.duration(days=6)).otherwise(pl.col("_period").dt.month_end())
    coming = (pl.col("_present") & (pl.col("date").is_null() | (pl.col("date") >= pl.col("_published")).fill_null(True))) | (
        pl.col("_present_conduct") & ~headline & ((pl.col("date") >= pl.col("_published")) | (period_end >= pl.col("_published"))).fill_null(False)
    )
    # a meeting the text says took place is not dated after publication: that day is another's
    # ("سيعلن نتيجة اجتماعه ... الذي استمر ساعتين صباح غد الأحد")
    after_it = pl.col("_took_place") & (pl.col("date") > pl.col("_published")).fill_null(False)
    events = events.with_columns(
        pl.when(after_it).then(None).otherwise(pl.col(c)).alias(c) for c in ("date", "date_text", "weekday", "month")
    )
    # (neither makes planned one that the text says took place)
    return events.with_columns(
        pl.when((pl.col("status") == HELD) & (later.fill_null(False) | coming) & ~pl.col("_took_place")).then(pl.lit(PLANNED)).otherwise(pl.col("status")).alias("status"),
        pl.coalesce("weekday", pl.col("date").dt.weekday().cast(pl.Int8)).alias("weekday"),
    ).drop("_published", "_period", "_period_granularity", "_took_place", "_present", "_present_conduct")


# the generic word that may stand before a place's name: "مدينة إسطنبول", "العاصمة الروسية موسكو"
_PLACE_DESIGNATOR = r"(?:ال)?(?:مدينة|عاصمة|قرية|بلدة|منطقة|محافظة|ولاية|جزيرة|إقليم|اقليم|مقاطعة|منتجع)"


def _places(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """The venue: the nearest place of the sentence named as one ("في ميامي", "إلى موسكو", "بموسكو", "قمة ألاسكا")."""
    venues = mentions.filter(pl.col("entity_kind") == "place").select("row", "sentence", pl.col("start").alias("_p_start"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("place_id"))
    if venues.height == 0:
        return events.with_columns(pl.lit(None, pl.String).alias("place_id"))
    left = text_before(texts, venues["row"], venues["_p_start"], 40)
    venues = venues.with_columns(left.alias("_left"))
    # (with a designator between: "في مدينة إسطنبول", "بالعاصمة الروسية موسكو", "في قرية بانمونجوم"; or a
    # hashtag: "في العاصمة الفنلندية #هلسنكي")
    introduced = pl.col("_left").str.contains(rf"(?:(?:^|\s)(?:في|إلى|الى|وإلى|وفي)\s+|(?:^|\s)و?ب)(?:{_PLACE_DESIGNATOR}\s+(?:ال\S+\s+)?)?#?$")
    # ... or the object of the mention's own verb of visiting: "سيزور موسكو الثلاثاء لمناقشة ... مع نظيره"
    # (not another's: "أول زعيم يزور كوريا الجنوبية عندما التقى ... في بانمونجوم")
    visited = pl.col("_left").str.contains(r"(?:^|\s)(?:و|ف)?س?(?:يزور|تزور|زار|زارت|زارا|يزوران|تزوران)\s+$")
    # "الحرب في أوكرانيا", "الحرب على الأرض في أوكرانيا": what is at stake, not where they meet
    topic = pl.col("_left").str.contains(
        r"(?:الحرب|حرب|السلام|سلام|الأزمة|أزمة|الصراع|النزاع|القتال|التسوية|الوضع|الأوضاع|الاستقرار|الأمن|التصعيد|المعارك|الحل|حل)(?:\s+\S+){0,2}?\s+(?:في|ب)\s*$"
    )
    # ... nor where troops are stationed: "القوات الأميركية المتمركزة في كوريا الجنوبية", "بسحب القوات
    # الأميركية في سوريا" (not "قادة القوات المسلحة التركية في أنقرة", met there; nor "للقوات المسلحة بدولة
    # الإمارات", a title)
    topic = topic | pl.col("_left").str.contains(
        r"(?:^|\s)(?:(?:ال)?(?:متمركز|منتشر|مرابط)\S*|(?:ال)?(?:قوات|جنود|قواعد)(?:\s+\S+)?)\s+(?:في|ب)\s*$"
    )
    # "قمة ألاسكا التي عقدها": a meeting named by its place, whatever verb reports it
    named = pl.col("_left").str.contains(r"(?:^|\s)(?:قمة|محادثات|مباحثات|مفاوضات|اجتماع|اجتماعات|لقاء|لقاءات)\s+$")
    # ... or as its host: "قمتهما التاريخية التي تستضيفها سنغافورة"
    named = named | pl.col("_left").str.contains(r"(?:^|\s)(?:التي|الذي)\s+(?:س?[تي](?:ستضيف|حتضن)|استضاف|احتضن)(?:ها|ه|ت|ته|تها)?\s+$")
    venues = venues.with_columns(named.alias("_named"), visited.alias("_visited"))
    pairs = _event_bounds(events).join(venues, on=["row", "sentence"])
    # "قمة ألاسكا", "محادثات ميامي": the place right after the meeting word
    right_after = (pl.col("_p_start") - pl.col("_e_end")).is_between(0, 1)
    inside = pl.col("_visited") & (pl.col("_p_start") >= pl.col("_e_start")) & (pl.col("_p_end") <= pl.col("_e_end"))
    pairs = _to_nearest_event(pairs.filter((introduced & ~topic) | right_after | pl.col("_named") | inside), "_p_start", "_p_end", keep_all=True)
    # (a place the text introduces as one, in reach, comes first: "يزور كوريا الجنوبية عندما التقى ... في بانمونجوم")
    pairs = pairs.with_columns(pl.when(inside & ~(introduced & ~topic) & ~pl.col("_named")).then(VENUE_DISTANCE).otherwise(pl.col("_d")).alias("_d"))
    kind_rank = places.select("place_id", pl.col("kind").replace_strict({"city": 0, "area": 1, "region": 2}, default=3, return_dtype=pl.Int8).alias("_k"))
    between = _text_between_spans(texts, pairs, "_p_start", "_p_end")
    # a relative clause between them makes another meeting's place ("زيارة ... إلى موسكو، والتي شملت
    # اجتماعاً مع الرئيس": the place is the visit's); each place goes to its nearest meeting word
    # ... and so does a new clause ("التقيا في أنقرة، بينما اجتمعا في باريس")
    # ... or, before the meeting word, "، وذلك" ("إعلام حكومية في كوريا الشمالية ...، وذلك قبل القمة":
    # the place is the clause's before it; after it, "، وذلك في أنقرة" is the meeting's)
    before = (pl.col("_p_end") <= pl.col("_e_start")) & between.str.contains(r"[،,]\s*وذلك(?:\s|$)")
    # ... or a journey to discuss a meeting named before: "بالسفر إلى موسكو لطرح إطار هذه القمة" (the
    # summit is elsewhere; not "سافر إلى موسكو لإجراء محادثات", where they are held, nor "سيغادر إلى
    # سنغافورة للإعداد للقمة", where an advance team goes)
    before = before | (
        (pl.col("_p_end") <= pl.col("_e_start")) & pl.col("event").is_in(events.filter(pl.col("anaphoric"))["event"].implode())
        & between.str.contains(r"(?:^|\s)(?:ل|لل)(?:طرح|بحث|مناقشة|تباحث)(?:\s|$)")
    )
    # ... and so does what the meeting discusses: "محادثاته مع أردوغان ستتناول ... (وانتهاء) بالصين"
    discussed = (pl.col("_p_start") >= pl.col("_e_end")) & between.str.contains(rf"(?:^|\s)(?:{_DISCUSS_VERBS})(?:\s|$)")
    pairs = pairs.with_columns((between.str.contains(r"(?:^|\s)و?(?:التي|الذي|التى)(?:\s|$)") | between.str.contains(_NEW_CLAUSE) | before | discussed).alias("_relative"))
    pairs = pairs.filter(~pl.col("_relative") | pl.col("_named")).sort("row", "_p_start", "_d", "event").unique(["row", "_p_start"], keep="first")
    best = pairs.join(kind_rank, on="place_id", how="left").filter(pl.col("_d") <= VENUE_DISTANCE).sort("event", "_d", "_k").unique("event", keep="first")
    return events.join(best.select("event", "place_id"), on="event", how="left")


_LOOSE = {"ا": "[اأإآ]", "ي": "[يى]", "ه": "[هة]"}


def _loose(word: str) -> str:
    """A regex that matches a matching-view word in the original spelling (ة/ه, ى/ي, alef forms)."""
    return "".join(_LOOSE.get(c, c) for c in word)


def _durations(texts: pl.Series, events: pl.DataFrame) -> pl.DataFrame:
    """"استمر خمس ساعات", "على مدار يومين" -> minutes, attached to the nearest mention of the sentence."""
    units, numbers = duration_units()
    unit_pattern = "|".join(_loose(u) for u in sorted(units, key=len, reverse=True))
    number_pattern = "|".join(_loose(n) for n in sorted(numbers, key=len, reverse=True))
    lead = "|".join(_loose(view_form(w)) for w in ("استمر", "استمرت", "دام", "دامت", "امتد", "امتدت", "على مدار", "على مدى", "لمدة", "طيلة"))
    # "استمر خمس ساعات", "واستمر اللقاء ساعتين": at most two words between the verb and the length
    pattern = rf"(?:{lead})\s+(?:[^\s\d]+\s+){{0,2}}?(?:{_loose('لمده')}\s+|نحو\s+|{_loose('قرابه')}\s+)?(?:(\d+|{number_pattern})\s+)?({unit_pattern})(?:\s|$|[.,،])"
    found = find_regex(texts, pattern, name="_dur")
    if found.height == 0:
        return events.with_columns(pl.lit(None, pl.Float64).alias("duration_minutes"))
    parsed = found.with_columns(pl.col("_dur").str.extract_groups(pattern).alias("_g")).with_columns(
        pl.col("_g").struct.field("1").alias("_n"), pl.col("_g").struct.field("2").alias("_u")
    )
    forms = {w: view_form(w) for w in pl.concat([parsed["_n"], parsed["_u"]]).drop_nulls().unique().to_list()}
    parsed = parsed.with_columns(pl.col("_n").replace(forms), pl.col("_u").replace(forms))
    number = pl.col("_n").cast(pl.Float64, strict=False).fill_null(pl.col("_n").replace_strict(numbers, default=None, return_dtype=pl.Float64))
    # "ساعتين" is two hours by itself; a bare unit is one
    parsed = parsed.with_columns((number.fill_null(1.0) * pl.col("_u").replace_strict(units, default=None, return_dtype=pl.Float64)).alias("duration_minutes"))
    parsed = parsed.with_columns(pl.col("end").alias("_u_end"))
    pairs = _event_bounds(events).join(parsed.select("row", pl.col("start").alias("_u_start"), "_u_end", "duration_minutes"), on="row")
    best = _to_nearest_event(pairs, "_u_start", "_u_end").filter(pl.col("_d") <= 150).sort("event", "_d").unique("event", keep="first").select("event", "duration_minutes")
    return events.join(best, on="event", how="left")


def _modes(events: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """phone / video / in_person when the sentence says so."""
    modes = cues.filter(pl.col("role").is_in(["phone", "video", "in_person"])).select("row", "sentence", pl.col("role").alias("_mode"))
    rank = pl.col("_mode").replace_strict({"phone": 0, "video": 1, "in_person": 2}, return_dtype=pl.Int8)
    best = events.select("event", "row", "sentence").join(modes, on=["row", "sentence"]).with_columns(rank.alias("_r")).sort("event", "_r").unique("event", keep="first")
    return events.join(best.select("event", pl.col("_mode").alias("mode")), on="event", how="left")


# ---- within an article and across articles ----------------------------------------------


def _countries(participants: list[str], countries: dict[str, str | None]) -> frozenset:
    return frozenset(c for p in participants if (c := countries.get(p)))


OFFICIALS_MARK = "officials:"


def _by_officials(record: dict) -> list[str]:
    """The participants of a meeting record, a state named by its officials marked as such
    ("محادثات مع المسؤولين الأمريكيين"): ``_same_parties`` then does not take it for the people of its
    country, as the officials are not the president another report names."""
    officials = record.get("officials")
    if not officials:
        return record["participants"]
    return [OFFICIALS_MARK + p if p in officials else p for p in record["participants"]]


def _same_parties(a: list[str], b: list[str], countries: dict[str, str | None], persons: set[str]) -> bool:
    """Two participant lists name the same meeting's parties: two names in common, or one person
    in common and the same countries ("اجتماع أردوغان مع الوفد الأمريكي" = Erdoğan, Blinken, Sullivan).
    A state marked by ``_by_officials`` has no country here."""
    common = set(a) & set(b)
    # each names someone else of a country the other does not: two counterparts, two meetings
    # (Blinken and Sullivan with Ukrainians in Kyiv, with Lavrov in Geneva)
    extra_a = {countries.get(p) for p in (set(a) - common) & persons} - {None}
    extra_b = {countries.get(p) for p in (set(b) - common) & persons} - {None}
    if extra_a - _countries(b, countries) and extra_b - _countries(a, countries):
        return False
    if len(common) >= 2:
        return True
    if len(common) == 1 and common & persons:
        # ... but not two different people of one country: Moon with Kim Jong Un is not Moon
        # with Kim Yong Chol; Erdoğan with "the US delegation" is Erdoğan with its envoys
        if (set(a) - common) & persons and (set(b) - common) & persons:
            return False
        ca, cb = _countries(a, countries), _countries(b, countries)
        return len(ca) >= 2 and ca == cb
    return False


def _compatible(a: dict, b: dict, *, same_article: bool) -> tuple[bool, str]:
    """Whether two meeting records can be one meeting, and what that rests on."""
    if (a["status"] == DENIED) != (b["status"] == DENIED):
        return False, ""
    if a["explicit"] and b["explicit"] and a["status"] != b["status"] and (a["date"] is None or a["date"] != b["date"]):
        return False, ""
    # a welcome on arrival is not the talks or the dinner of the same visit, nor the dinner the talks
    for occasion in ("arrival", "meal"):
        if a[occasion] is not None and b[occasion] is not None and a[occasion] != b[occasion]:
            return False, ""
    if a["weekday"] is not None and b["weekday"] is not None and a["weekday"] != b["weekday"]:
        return False, ""
    if a["place_id"] and b["place_id"] and a["place_id"] != b["place_id"]:
        return False, ""
    if a["duration_minutes"] and b["duration_minutes"] and a["duration_minutes"] != b["duration_minutes"]:
        return False, ""
    da, db = a["date"], b["date"]
    if da is not None and db is not None:
        return abs((da - db).days) <= 1, "same date"
    # "التقيا للمرة الأولى في أبريل ... بينما اجتمعا للمرة الثانية في مايو": two months, two
    # meetings held (not of one to come: "قبل في مارس دعوة لإجراء لقاء ... سيلتقيان بحلول مايو"
    # names when it was agreed and a deadline)
    held = a["status"] == HELD and b["status"] == HELD
    if held and a["month"] is not None and b["month"] is not None and a["month"] != b["month"]:
        return False, ""
    if same_article:
        return True, "same article"
    statuses = {a["status"], b["status"]}
    if HELD in statuses and PLANNED in statuses:
        return False, ""
    pa, pb = a["published"], b["published"]
    if da is not None or db is not None:
        known, other = (da, pb) if da is not None else (db, pa)
        if other is None:
            return False, ""
        return -2 <= (other - known).days <= 10, "date and publication date"
    if pa is not None and pb is not None:
        return abs((pa - pb).days) <= 3, "publication dates"
    shared = [k for k in ("place_id", "weekday", "duration_minutes") if a[k] is not None and a[k] == b[k]]
    if pa is None and pb is None and shared:
        return True, "undated: same " + " and ".join(k.replace("_id", "").replace("_minutes", "") for k in shared)
    return False, ""


class _Groups:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


# which of two statuses of one meeting wins (the first): held before planned before called off
STATUS_ORDER = {HELD: 0, PLANNED: 1, POSTPONED: 2, CANCELLED: 3, DENIED: 4}


class _Meeting:
    """The records of one meeting and what they say together, kept up to date as records are added.

    ``summary`` holds what ``_compatible`` reads (status: held > planned > postponed > cancelled,
    an explicit status first; the earliest date and publication date; the first weekday and date
    text; the most common place, duration and mode), so that checking one more record against a
    meeting does not recompute it from all its records.
    """

    __slots__ = ("records", "summary", "_counts", "_explicit_status", "_any_status")

    def __init__(self, records: list[dict] = ()):
        self.records: list[dict] = []
        self.summary = {k: None for k in ("status", "date", "date_text", "month", "weekday", "place_id", "duration_minutes", "mode", "published", "arrival", "meal")}
        self.summary.update(explicit=False, verb=False)
        self._counts: dict[str, dict] = {"place_id": {}, "duration_minutes": {}, "mode": {}}
        self._explicit_status = self._any_status = None
        for r in records:
            self.add(r)

    def add(self, r: dict) -> None:
        self.records.append(r)
        s = self.summary
        order = STATUS_ORDER.get
        if self._any_status is None or order(r["status"]) < order(self._any_status):
            self._any_status = r["status"]
        if r["explicit"] and (self._explicit_status is None or order(r["status"]) < order(self._explicit_status)):
            self._explicit_status = r["status"]
        s["status"] = self._explicit_status if self._explicit_status is not None else self._any_status
        s["explicit"] = s["explicit"] or r["explicit"]
        s["verb"] = s["verb"] or r["verb"]
        for key in ("date", "published"):
            if r[key] is not None and (s[key] is None or r[key] < s[key]):
                s[key] = r[key]
        for key in ("date_text", "month", "weekday", "arrival", "meal"):
            if s[key] is None:
                s[key] = r[key]
        for key, counts in self._counts.items():
            if r[key] is not None:
                counts[r[key]] = counts.get(r[key], 0) + 1
                # the most common value; on a tie, the smallest
                s[key] = min(counts, key=lambda v: (-counts[v], v))

    def combined(self) -> dict:
        """``summary`` with the participants of all records, in the order the records name them."""
        participants: dict[str, None] = {}
        officials: set[str] = set()
        for r in sorted(self.records, key=lambda r: (r["row_order"], r["start"])):
            participants.update(dict.fromkeys(r["participants"]))
            officials.update(r.get("officials") or ())
        return {"participants": list(participants), "officials": sorted(officials & participants.keys()), **self.summary}


def _combine(records: list[dict]) -> dict:
    """One record from the records of one meeting (see ``_Meeting``)."""
    return _Meeting(records).combined()


def _joined_summary(a: dict, b: dict) -> dict:
    """What ``_compatible`` reads of two records taken together (a cheap ``_combine``): the first
    known place, weekday, duration, arrival and meal, the earliest date, the status by ``_combine``'s order."""
    if a["explicit"] != b["explicit"]:
        status = a["status"] if a["explicit"] else b["status"]
    else:
        status = min(a["status"], b["status"], key=STATUS_ORDER.get)
    dates = [d for d in (a["date"], b["date"]) if d is not None]
    published = [d for d in (a["published"], b["published"]) if d is not None]
    return {
        "status": status, "explicit": a["explicit"] or b["explicit"], "date": min(dates, default=None),
        "published": min(published, default=None),
        **{k: a[k] if a[k] is not None else b[k] for k in ("month", "weekday", "place_id", "duration_minutes", "arrival", "meal")},
    }


def _without_represented(participants: list[str], countries: dict[str, str | None], persons: set[str], stand_ins: frozenset[str]) -> list[str]:
    """``participants`` minus the states and delegations (``stand_ins``: see ``actor_facts``) that a
    person of the same country already represents (Moon, North Korea and Kim Jong Un: Moon and
    Kim; "الوفد الكوري الشمالي، الذي ترأسه كيم يونغ تشول": Kim Yong Chol)."""
    represented = {countries.get(p) for p in participants if p in persons} - {None}
    return [p for p in participants if not (p in stand_ins and countries.get(p) in represented)]


def _resolve_states(
    participants: list[str], people_lists: list[list[str]], countries: dict[str, str | None], persons: set[str], stand_ins: frozenset[str],
    officials: frozenset[str] = frozenset(),
) -> list[str]:
    """The people an article names for the states a mention names as sides.

    "القمة بين كوريا الجنوبية وكوريا الشمالية" is the summit of Moon and Kim Jong Un when another
    mention of the article (``people_lists``: the people of its mentions, nearest first) names a
    person of each state with the mention's other parties; otherwise the states stay parties. A
    state named by its officials (``officials``: "مسؤولين أميركيين وكوريين شماليين اجتمعوا") stays.
    """
    parts = _without_represented(participants, countries, persons, stand_ins)
    if any(p in officials for p in parts):
        return parts
    sides = [p for p in parts if p in stand_ins and p.startswith(STATE_PREFIX)]
    if not sides:
        return parts
    others = [p for p in parts if p not in stand_ins]
    for people in people_lists:
        if not set(others) <= set(people):
            continue
        person_of: dict[str | None, str] = {}
        for p in people:
            person_of.setdefault(countries.get(p), p)
        if all(countries.get(s) in person_of for s in sides):
            return list(dict.fromkeys(person_of[countries.get(p)] if p in sides else p for p in parts))
    return parts


# the meeting nouns that name one kind of meeting (in matching view): a reference back by one of
# them ("القمة", "الزيارة", "الاتصال") is to a meeting that the article names so
_NOUN_KINDS = {"قمه": "summit", "زيار": "visit", "اتصال": "call"}


@functools.cache
def _noun_kind(trigger: str) -> str | None:
    """The kind of meeting the words of a mention's trigger name ("تعقد القمه" -> "summit"), or None."""
    return next((kind for word in trigger.split(" ") for stem, kind in _NOUN_KINDS.items() if stem in word), None)


def _another_after(a: list[tuple[int, bool, bool]], b: list[tuple[int, bool, bool]]) -> bool:
    """Whether a member of one group (start, another, held) is another meeting than a held member
    of the other group named before it ("بعد قمة هلسنكي ... يتطلع إلى لقاء آخر")."""
    return any(x_another and y < x and y_held for xs, ys in ((a, b), (b, a)) for x, x_another, _ in xs for y, _, y_held in ys)


# meeting nouns in the plural: several meetings ("أجرى لقاءات مع رئيس الوزراء ووزير الدفاع"), where
# محادثات، مباحثات، مفاوضات are one set of talks
_SEPARATE = re.compile(r"(?:^|\s)(?:لقاءات|اجتماعات|مقابلات)(?:\s|$)")


@functools.cache
def _one_by_one_verbs() -> frozenset[str]:
    """The verbs of one party meeting several, one by one (``one_by_one`` in events.yaml), in matching view."""
    return frozenset(view_form(w) for w in event_vocabulary()["one_by_one"])


def _one_by_one(trigger: str) -> bool:
    """Whether a mention's trigger (words in matching view) is a verb of ``_one_by_one_verbs`` with
    no meeting noun but a visit's ("يلتقي زياره"; not "التقي قمه", one summit)."""
    words = trigger.split(" ")
    verbs = _one_by_one_verbs()
    return any(w in verbs for w in words) and all(w in verbs or w.startswith(("زيار", "الزيار")) for w in words)


def _separate_meetings(record: dict, countries: dict[str, str | None], persons: set[str]) -> list[dict]:
    """A mention of several meetings of one party with people of another country, each apart
    ("أجرى كارتر لقاءات مع رئيس الوزراء العبادي ووزير الدفاع العبيدي": Carter with each), as one
    record per counterpart, and so a phone call of one with people of other countries; any other
    mention as itself.

    The mention's trigger is a plural meeting noun (``_SEPARATE``), or a verb of meeting one by one
    (``_one_by_one``) whose subject is the party, named first ("يلتقي كارتر رئيس الوزراء العبادي
    ونظيره العبيدي"); its participants are one party and two or more people of one country that is
    not the party's (or whose country the text does not give). The counterparts met the party,
    not each other."""
    if len(record["participants"]) < 3:
        return [record]
    # a phone call is between two: "وتحدث ماكرون مع الرئيس الكوري الجنوبي ورئيس الوزراء الياباني عبر
    # الهاتف" is two calls of its subject, named first, each with somebody of another country
    if record["mode"] == "phone" and not record["together"]:
        hub, others = record["participants"][0], record["participants"][1:]
        home = countries.get(hub)
        if hub in persons and home is not None and set(others) <= persons and all(countries.get(p) not in (None, home) for p in others):
            return [{**record, "participants": [hub, p]} for p in others]
        return [record]
    by_verb = _one_by_one(record["trigger"])
    if not by_verb and not _SEPARATE.search(record["trigger"]):
        return [record]
    by_country: dict[str | None, list[str]] = {}
    for p in record["participants"]:
        by_country.setdefault(countries.get(p), []).append(p)
    unknown = by_country.pop(None, [])  # people whose country the text does not give: counterparts
    if len(by_country) != 2:
        return [record]
    (_, first), (_, second) = by_country.items()
    hub, counterparts = (first, second + unknown) if len(first) == 1 else (second, first + unknown)
    if len(hub) != 1 or len(counterparts) < 2 or not set(counterparts) <= persons:
        return [record]
    # (by a verb, the party is its subject, named first, and the next one named is of the other
    # country: not "التقى العبادي والعبيدي مع كارتر", two subjects; nor when the verb names them as
    # one pair or group: "سيلتقي ماكرون رئيسي الدولتين أردوغان و...")
    if by_verb and (hub[0] != record["participants"][0] or countries.get(record["participants"][1]) is None or record["together"]):
        return [record]
    return [{**record, "participants": [hub[0], p]} for p in record["participants"] if p != hub[0]]


def _records(frame: pl.DataFrame) -> list[dict]:
    """The rows of ``frame`` as dicts (``to_dicts``, built from whole columns: faster)."""
    columns = {name: frame[name].to_list() for name in frame.columns}
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def article_meetings(
    mentions: pl.DataFrame, published: dict[str, object], countries: dict[str, str | None], persons: set[str], stand_ins: frozenset[str] = frozenset()
) -> list[dict]:
    """Group one corpus's meeting mentions (with doc_id) into meetings of each article.

    Mentions with two or more participants that share parties are one meeting; a mention with
    fewer participants joins the nearest compatible meeting of its article (the previous one
    first). States named as sides stand for the people the article names for them
    (``_resolve_states``). Returns one row per article meeting with its members' (doc_id,
    sentence, start). ``countries``, ``persons``, ``stand_ins``: see ``actor_facts``.
    """
    # a mention with fewer than two participants counts only where it refers to a meeting
    useful = mentions.sort("doc_id", "start").with_row_index("row_order").filter(
        (pl.col("participants").list.len() >= 2) | pl.col("anaphoric")
    )
    out = []
    by_doc: dict[str, list[dict]] = {}
    for r in _records(useful):
        r["published"] = published.get(r["doc_id"])
        by_doc.setdefault(r["doc_id"], []).extend(_separate_meetings(r, countries, persons))
    for doc_id, items in by_doc.items():
        if stand_ins:
            # (not a meeting the text denies: "لم يلتق كيم بومبيو" names no pair of the states' people)
            people = [(r["start"], [p for p in r["participants"] if p in persons], r["status"]) for r in items if r["status"] != DENIED]
            people = [(at, names, status) for at, names, status in people if len(names) >= 2]
            # talks between states that the article says are their officials' are theirs wherever it
            # names them: "تجري محادثات مع بيونغيانغ لعقد اجتماع قمة ... ورحبت سول باستئناف المحادثات
            # بين واشنطن وبيونغ يانغ" (not the summit they arrange)
            official_sides = [set(r["officials"]) for r in items if r.get("officials")]
            for r in items:
                states = {p for p in r["participants"] if p.startswith(STATE_PREFIX)}
                if states and not r.get("officials") and _TALKS_WORD.search(r["trigger"]) and any(states <= sides for sides in official_sides):
                    r["officials"] = sorted(states)
            for r in items:
                if any(p in stand_ins for p in r["participants"]):
                    # (talks the text says were held are not a meeting their people only plan)
                    nearest = sorted((x for x in people if not (r["explicit"] and r["status"] == HELD) or x[2] == HELD), key=lambda x: (x[0] > r["start"], abs(x[0] - r["start"])))
                    r["participants"] = _resolve_states(
                        r["participants"], [names for _, names, _ in nearest], countries, persons, stand_ins, frozenset(r.get("officials") or ())
                    )
        full = [r for r in items if len(r["participants"]) >= 2]
        groups = _Groups(len(full))
        # two mentions that name the same parties are one meeting, unless what each already belongs
        # to tells them apart: "بلينكن وسوليفان" must not bridge their Kyiv talks with Ukrainians
        # and their Geneva meeting with Lavrov
        marked = [_by_officials(r) for r in full]
        parties_of = {i: list(parties) for i, parties in enumerate(marked)}
        summary_of = {i: r for i, r in enumerate(full)}
        # (start, another, held) of each group's members: "لقاء آخر" joins no group with a held member before it
        starts_of = {i: [(r["start"], bool(r["another"]), r["status"] == HELD)] for i, r in enumerate(full)}
        for i, j in combinations(range(len(full)), 2):
            if _same_parties(marked[i], marked[j], countries, persons) and _compatible(full[i], full[j], same_article=True)[0]:
                ri, rj = groups.find(i), groups.find(j)
                if ri == rj or _another_after(starts_of[ri], starts_of[rj]):
                    continue
                if not _same_parties(parties_of[ri], parties_of[rj], countries, persons):
                    continue
                if not _compatible(summary_of[ri], summary_of[rj], same_article=True)[0]:
                    continue
                groups.union(i, j)
                root = groups.find(i)
                parties_of[root] = list(dict.fromkeys(parties_of.pop(ri) + parties_of.pop(rj)))
                starts_of[root] = starts_of.pop(ri) + starts_of.pop(rj)
                summary_of[root] = _joined_summary(summary_of.pop(ri), summary_of.pop(rj))
        members: dict[int, list[dict]] = {}
        for i, r in enumerate(full):
            members.setdefault(groups.find(i), []).append(r)
        meetings = sorted((_Meeting(records) for records in members.values()), key=lambda m: m.records[0]["start"])
        stand_ins_only = {id(m): all(p in stand_ins for r in m.records for p in r["participants"]) for m in meetings}
        for r in items:
            if len(r["participants"]) >= 2 or not meetings or not r["anaphoric"]:
                continue
            # it tells where, when, how long; the parties are those of the meeting it refers to,
            # unless a meeting verb names one of them ("شارك جيك سوليفان ... في جلسات")
            if not r["verb"]:
                r = {**r, "participants": []}
            # the nearest meeting before it, else after it, that it does not contradict; a meeting of
            # people before talks between states ("تجري محادثات بين الولايات المتحدة وأوكرانيا ...
            # خلال الاجتماع": the meeting the article is about)
            # ... of its own kind first: "القمة" is the summit, not the reception where it was discussed
            # ... and, undated, to the meeting of the month the article reports, where it names one,
            # before those of earlier months ("اليوم أجرى ماكرون محادثات مع أردوغان ... وكان الرئيسان
            # التقيا قبل ذلك أواخر نوفمبر ... واعتبر أردوغان أن اللقاء": today's)
            at, kind = r["start"], _noun_kind(r["trigger"])
            this_month = r["published"].replace(day=1) if r["published"] is not None and r["month"] is None else None
            if not any(m.summary["month"] == this_month and not stand_ins_only[id(m)] for m in meetings):
                this_month = None
            ordered = sorted(
                meetings,
                key=lambda m: (
                    stand_ins_only[id(m)], kind is not None and all(_noun_kind(x["trigger"]) != kind for x in m.records),
                    this_month is not None and m.summary["month"] is not None and m.summary["month"] < this_month,
                    m.records[0]["start"] > at, abs(m.records[0]["start"] - at),
                ),
            )
            # (a cancellation is of a meeting to come, not of one the article reports held)
            called_off = r["explicit"] and r["status"] in (CANCELLED, POSTPONED)
            for meeting in ordered:
                if called_off and meeting.summary["status"] == HELD:
                    continue
                # (a summit is not the talks of officials that arrange it)
                if kind == "summit" and all(p.startswith(OFFICIALS_MARK) for x in meeting.records for p in _by_officials(x)):
                    continue
                if r["another"] and any(x["start"] < at and x["status"] == HELD for x in meeting.records):
                    continue
                if _compatible(meeting.summary, r, same_article=True)[0]:
                    meeting.add(r)
                    break
        for meeting in meetings:
            combined = meeting.combined()
            combined["participants"] = _without_represented(combined["participants"], countries, persons, stand_ins)
            combined.update(
                doc_id=doc_id,
                start=meeting.records[0]["start"],
                row_order=len(out),
                members=[{"doc_id": doc_id, "sentence": m["sentence"], "start": m["start"], "end": m["end"]} for m in sorted(meeting.records, key=lambda m: m["start"])],
            )
            out.append(combined)
    return out


MERGE_WINDOW_DAYS = 10  # the widest gap _compatible accepts between two meetings' dates


def _signature(m: dict) -> tuple:
    """What ``_same_parties`` and ``_compatible`` read of a meeting: equal signatures, equal answers."""
    return (tuple(sorted(set(m["participants"]))), m["status"], m["explicit"], m["month"], m["weekday"], m["place_id"], m["duration_minutes"], m["date"], m["published"], m["arrival"], m["meal"])


def _undated_keys(m: dict) -> list[tuple]:
    """Undated, unpublished meetings can only merge when they share place, weekday or duration."""
    return [(k, m[k]) for k in ("place_id", "weekday", "duration_minutes") if m[k] is not None]


def merge_meetings(article_level: list[dict], countries: dict[str, str | None], persons: set[str], stand_ins: frozenset[str] = frozenset()) -> list[dict]:
    """Merge article meetings that are the same meeting (see module docstring).

    Every compatible pair is linked (union-find), but without comparing all pairs: identical
    records (same parties, status, dates, place...) are checked once, candidates share a pair of
    participants or a person, and only candidates at most ``MERGE_WINDOW_DAYS`` apart (by date,
    else publication date) are compared, so the cost grows with the corpus, not its square.
    """
    groups = _Groups(len(article_level))
    basis: dict[int, set[str]] = {}

    def link(i: int, j: int, why: str) -> None:
        groups.union(i, j)
        basis.setdefault(i, set()).add(why)
        basis.setdefault(j, set()).add(why)

    classes: dict[tuple, list[int]] = {}
    for i, m in enumerate(article_level):
        classes.setdefault(_signature(m), []).append(i)
    docs = {}
    for members in classes.values():
        first = article_level[members[0]]
        docs[members[0]] = {article_level[i]["doc_id"] for i in members}
        other = next((j for j in members if article_level[j]["doc_id"] != first["doc_id"]), None)
        if other is not None:
            ok, why = _compatible(first, article_level[other], same_article=False)
            if ok:
                for j in members[1:]:
                    link(members[0], j, why)

    by_key: dict[tuple, list[int]] = {}
    for i in docs:
        m = article_level[i]
        keys = [pair for pair in combinations(sorted(set(m["participants"])), 2)]
        keys += [(p, "") for p in sorted(set(m["participants"]) & persons)]
        when = m["date"] if m["date"] is not None else m["published"]
        if when is None:
            keys = [(key, extra) for key in keys for extra in _undated_keys(m)]
        for key in keys:
            by_key.setdefault(key, []).append(i)

    def when(i: int):
        m = article_level[i]
        return m["date"] if m["date"] is not None else m["published"]

    for candidates in by_key.values():
        # a list holds dated meetings only, or undated ones sharing a place, weekday or duration
        ordered = sorted(candidates, key=lambda i: (when(i), i)) if when(candidates[0]) is not None else candidates
        for p, i in enumerate(ordered):
            for j in ordered[p + 1:]:
                if when(i) is not None and (when(j) - when(i)).days > MERGE_WINDOW_DAYS:
                    break
                if groups.find(i) == groups.find(j) or docs[i] == docs[j] and len(docs[i]) == 1:
                    continue
                a, b = article_level[i], article_level[j]
                if not _same_parties(_by_officials(a), _by_officials(b), countries, persons):
                    continue
                ok, why = _compatible(a, b, same_article=False)
                if ok:
                    link(i, j, why)

    clusters: dict[int, list[int]] = {}
    for i in range(len(article_level)):
        clusters.setdefault(groups.find(i), []).append(i)
    meetings = []
    for root, indices in clusters.items():
        parts = [article_level[i] for i in indices]
        combined = _combine(parts)
        combined["participants"] = _without_represented(combined["participants"], countries, persons, stand_ins)
        members = sorted((m for p in parts for m in p["members"]), key=lambda m: (m["doc_id"], m["start"]))
        why = sorted({w for i in indices for w in basis.get(i, ())})
        combined.update(
            doc_ids=sorted({m["doc_id"] for m in members}),
            members=members,
            merge_basis="; ".join(why) if why else "one article",
            uncertain=any(w.startswith("undated") for w in why),
        )
        combined["_key"] = "|".join(f"{m['doc_id']}:{m['start']}" for m in members)
        meetings.append(combined)
    # separate meetings of one mention (``_separate_meetings``) have the same members: their
    # participants tell them apart
    shared = Counter(m["_key"] for m in meetings)
    for m in meetings:
        key = m.pop("_key")
        if shared[key] > 1:
            key += "|" + ",".join(sorted(m["participants"]))
        m["meeting_id"] = "m-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return meetings


def meeting_edges(meetings: pl.DataFrame, actors: pl.DataFrame) -> pl.DataFrame:
    """Who met whom: one row per pair of participants of held or planned meetings.

    Columns: actor_a, actor_b (sorted), n_meetings, n_held, n_planned, first_date, last_date, meeting_ids.
    """
    schema = {"actor_a": pl.String, "actor_b": pl.String, "n_meetings": pl.Int64, "n_held": pl.Int64, "n_planned": pl.Int64, "first_date": pl.Date, "last_date": pl.Date, "meeting_ids": pl.List(pl.String)}
    rows = []
    for meeting_id, status, date, participants in meetings.filter(pl.col("status").is_in([HELD, PLANNED])).select("meeting_id", "status", "date", "participants").iter_rows():
        for a, b in combinations(sorted(set(participants)), 2):
            rows.append((a, b, meeting_id, status, date))
    if not rows:
        return pl.DataFrame(schema=schema)
    frame = pl.DataFrame(rows, schema={"actor_a": pl.String, "actor_b": pl.String, "meeting_id": pl.String, "status": pl.String, "date": pl.Date}, orient="row")
    return frame.group_by("actor_a", "actor_b").agg(
        pl.len().cast(pl.Int64).alias("n_meetings"),
        (pl.col("status") == HELD).sum().cast(pl.Int64).alias("n_held"),
        (pl.col("status") == PLANNED).sum().cast(pl.Int64).alias("n_planned"),
        pl.col("date").min().alias("first_date"),
        pl.col("date").max().alias("last_date"),
        pl.col("meeting_id").sort().alias("meeting_ids"),
    ).select(list(schema)).sort("actor_a", "actor_b")


def _co_travel(meeting: dict, countries: dict[str, str | None]) -> bool:
    """Parties of one country that no meeting verb brings together ("بلينكن وسوليفان ... المحادثات")
    travel together; their counterpart is unnamed, so there is no meeting between them."""
    known = [countries.get(p) for p in meeting["participants"]]
    return not meeting["verb"] and all(known) and len(set(known)) == 1


def actor_facts(actors: pl.DataFrame) -> tuple[dict[str, str | None], set[str], frozenset[str]]:
    """(country by actor_id, the actor_ids of persons, the stand-ins: the actor_ids of states and delegations):
    what grouping meetings reads of ``actors`` (a table with actor_id, kind, name_en and country).
    A state or a delegation of a country ("North Korean Delegation") stands for its country's people."""
    countries = dict(actors.select("actor_id", "country").iter_rows())
    persons = set(actors.filter(pl.col("kind") == "person")["actor_id"].to_list())
    delegation = (pl.col("kind") == "organization") & pl.col("country").is_not_null() & (
        (pl.col("role") == DELEGATION_ROLE).fill_null(False) | pl.col("name_en").fill_null("").str.contains(r"\bDelegation(?: \(|$)")
    )
    return countries, persons, frozenset(actors.filter((pl.col("kind") == "state") | delegation)["actor_id"].to_list())


def in_corpus_order(article_level: list[dict]) -> list[dict]:
    """Article meetings of several batches as one list, ordered by (doc_id, start), ``row_order`` renumbered."""
    ordered = sorted(article_level, key=lambda m: (m["doc_id"], m["start"]))
    for i, m in enumerate(ordered):
        m["row_order"] = i
    return ordered


def meeting_tables(
    article_level: list[dict], mentions: pl.DataFrame, documents: pl.DataFrame, sentences: pl.DataFrame, actors: pl.DataFrame, places: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(meetings, meeting_mentions, meeting_edges) of a corpus.

    ``article_level``: the meetings of each article (``article_meetings``, in ``in_corpus_order``);
    ``mentions``: the meeting mentions (with doc_id); ``actors``: actor_id, kind, country, role of
    every actor of the corpus; ``places``: place_id, country.
    """
    countries, persons, stand_ins = actor_facts(actors)
    merged = merge_meetings(article_level, countries, persons, stand_ins)
    place_country = dict(places.select("place_id", "country").iter_rows())
    members = pl.DataFrame(
        [(m["meeting_id"], x["doc_id"], x["start"]) for m in merged for x in m["members"]],
        schema={"meeting_id": pl.String, "doc_id": pl.String, "start": pl.Int64}, orient="row",
    ).unique()  # (one mention of separate meetings that other reports join again: "اجتماعات مع ... و...")
    kept = [m["meeting_id"] for m in merged if m["status"] != DENIED and not _co_travel(m, countries)]
    members = members.filter(pl.col("meeting_id").is_in(pl.Series(kept, dtype=pl.String).implode()))
    mention_table = mentions.join(members, on=["doc_id", "start"], how="left")
    sentence_text = sentences.join(documents.select("doc_id", "text"), on="doc_id").select(
        "doc_id", "sentence", pl.col("text").str.slice(pl.col("start"), pl.col("end") - pl.col("start")).alias("_sentence")
    )
    evidence = (
        mention_table.filter(pl.col("meeting_id").is_not_null())
        .join(sentence_text, on=["doc_id", "sentence"], how="left")
        .sort("meeting_id", "doc_id", "start")
        .group_by("meeting_id", maintain_order=True)
        .agg(pl.col("_sentence").unique(maintain_order=True).head(5).alias("evidence"), pl.len().alias("n_mentions"))
    )
    rows = []
    for m in merged:
        if m["status"] == DENIED or _co_travel(m, countries):
            continue
        host = None
        country = place_country.get(m["place_id"]) if m["place_id"] else None
        if country:
            local = [p for p in m["participants"] if countries.get(p) == country]
            foreign = [p for p in m["participants"] if countries.get(p) and countries.get(p) != country]
            if local and foreign:
                host = next((p for p in local if p in persons), local[0])
        rows.append({
            "meeting_id": m["meeting_id"], "status": m["status"], "date": m["date"], "date_text": m["date_text"], "month": m["month"],
            "place_id": m["place_id"], "participants": m["participants"], "doc_ids": m["doc_ids"], "n_docs": len(m["doc_ids"]),
            "host": host, "mode": m["mode"], "duration_minutes": m["duration_minutes"], "uncertain": m["uncertain"], "merge_basis": m["merge_basis"],
        })
    schema = {
        "meeting_id": pl.String, "status": pl.String, "date": pl.Date, "date_text": pl.String, "month": pl.Date, "place_id": pl.String,
        "participants": pl.List(pl.String), "doc_ids": pl.List(pl.String), "n_docs": pl.Int64, "host": pl.String, "mode": pl.String,
        "duration_minutes": pl.Float64, "uncertain": pl.Boolean, "merge_basis": pl.String,
    }
    meetings = pl.DataFrame(rows, schema=schema).join(evidence, on="meeting_id", how="left").with_columns(pl.col("n_mentions").cast(pl.Int64))
    return meetings, mention_table, meeting_edges(meetings, actors)
