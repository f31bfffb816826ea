"""(mention, party) pairs dropped after each name is paired with the mentions of its sentence: who is
named before a verb of another clause that has its own subject, the subject of a relative clause on another
noun, who is named before the antecedent of a relative clause, who invites, who arranges the meeting and who
reports it.

Each ``_drop_*`` function reads ``pairs`` (event, row, start, end, entity_id, _e_start, _e_end, ...: one row
per mention and party) and returns the rows it keeps.
"""

from __future__ import annotations

import polars as pl

from ..arabic import text_before, text_between
from .patterns import _COMPLEMENTIZER, _NEW_CLAUSE, _PREPARING, _RELATIVE_PRONOUN

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


# ... or one in a later clause, its verb and the words of a title ("قمة لمجموعة السبع تستضيفها
# كيبيك، تشكل الحرب التجارية التي أطلقها الرئيس الأمريكي باراك أوباما هاجسا فيها")
_LATER_RELATIVE_BEFORE = rf"[،,][^،,.]*\s(?:و|ف)?{_RELATIVE_PRONOUN}\s+\S+\s+(?:ال\S+\s+){{0,3}}$"
# ... or of a clause on a place ("زارت الوزيرة مستشفى المدينة، حيث يعالج سكريبل وابنته"): حيث, its
# verb and up to four words of a title
_WHERE_VERB_BEFORE = r"(?:^|\s)(?:و|ف)?حيث\s+\S+\s+(?:\S+\s+){0,4}$"


def _drop_relative_subjects(texts: pl.Series, pairs: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` without who is named after a meeting word as the subject of a relative clause on
    another noun: in "يلتقي ماكرون وفدا من منطقة ...، والتي يسيطر التنظيم على معظمها" the group
    holds the region, it does not meet Macron. (A relative clause on the meeting word itself, "القمة
    التي يحضرها", has no comma and keeps its subject.) Nor who is named in a clause on a place
    after "حيث": the minister who visits a hospital "where Skripal is treated" does not meet him,
    unless another meeting word (``events``: the mentions) stands between, which the clause tells
    of ("محادثات سابقة ...، حيث ناقش ماكرون وميركل الخطة": the talks where they discussed it)."""
    after = pl.col("start") >= pl.col("_e_end")
    gap = text_between(texts, pairs["row"], pairs["_e_end"], pairs["start"])
    starts = events.select(pl.col("row").cast(pairs["row"].dtype), pl.col("start").alias("_next_event")).sort("row", "_next_event")
    pairs = pairs.with_row_index("_pair").sort("row", "_e_end").join_asof(
        starts, left_on="_e_end", right_on="_next_event", by="row", strategy="forward", check_sortedness=False
    ).sort("_pair").drop("_pair")
    told = (pl.col("_next_event") < pl.col("start")).fill_null(False)
    relative = gap.str.contains(_RELATIVE_VERB_BEFORE) | gap.str.contains(_LATER_RELATIVE_BEFORE)
    return pairs.filter(~(after & (relative | (gap.str.contains(_WHERE_VERB_BEFORE) & ~told)))).drop("_next_event")


def _drop_before_antecedents(texts: pl.Series, pairs: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` without who is named before the antecedent of a relative clause that the meeting
    opens: in "اتصل ماكرون بالرئيس الكوري الجنوبي الذي التقى كيم" the one who met Kim is the
    president (named right before "الذي", past adjectives only), not Macron; and so further on in the
    relative clause, when its antecedent is a party ("كيم يو جونغ التي لعبت دورا ... في المحادثات")."""
    relative = text_before(texts, pairs["row"], pairs["_e_start"], 12).str.contains(rf"(?:^|\s){_RELATIVE_PRONOUN}\s+$")
    before = pl.col("end") <= pl.col("_e_start")
    gap = text_between(texts, pairs["row"], pairs["end"], pairs["_e_start"])
    # (the antecedent with its adjectives: "بالرئيس الكوري الجنوبي الذي", where the title stands for him)
    antecedent = gap.str.contains(rf"^(?:\s+ال\S+){{0,3}}\s*[،,]?\s*{_RELATIVE_PRONOUN}\s+$")
    # ... or further on in the relative clause, when that antecedent is a party: "شقيقته، كيم يو جونغ
    # التي لعبت دورا مهما في الفترة الأخيرة في المحادثات مع الجنوب" (not Moon and Kim named before her)
    within = gap.str.contains(rf"^(?:\s+ال\S+){{0,3}}\s*[،,]?\s*{_RELATIVE_PRONOUN}\s+[^.!?؟؛:،,\n]*$")
    # (the last one named before it)
    last = pl.col("end") == pl.col("end").filter(before).max().over("event")
    # (who is named in the clause after its antecedent stays: "ماكرون الذي هاجم ... ميركل قبل لقائه بها")
    pairs = pairs.with_columns(pl.Series("_within", within))
    before_antecedent = pl.col("end") < pl.col("end").filter(pl.col("_within")).max().over("event")
    return pairs.filter(~((pl.Series(relative) & before & ~(pl.Series(antecedent) & last)) | before_antecedent.fill_null(False))).drop("_within")


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
