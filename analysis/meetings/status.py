"""The status of each meeting mention (``_status``): denied ("لا توجد خطط لعقد اجتماع"), cancelled,
postponed, planned ("من المقرر"، "سيلتقي"، "المرتقب"، "لعقد"; agreed to, "وافق على لقاء"; a decision to hold
it, ``_decided``), else held.

``_status`` reads the mentions (``events``, with the flags ``meeting_mentions`` sets: ``_negated``,
``_future``, ``_purpose``...), the batch's cues and texts, and returns ``events`` with ``status``,
``explicit`` (whether the text states it) and ``_took_place``. ``_CONDITION`` is what keeps a negated verb
from denying the meeting ("لن يلتقيه إلا إذا ...").
"""

from __future__ import annotations

import polars as pl

from ..arabic import WORD_END, text_before, text_between
from .patterns import _COMPLEMENTIZER, _NEW_CLAUSE, _SUBORDINATE_CLAUSE, CANCELLED, DENIED, HELD, PLANNED, POSTPONED
from .spans import _text_between_spans

DENIED_BEFORE = 60  # a denial this close before a meeting word applies to it
# what one may refuse to do about a meeting other than hold it: tell, comment, reveal, confirm
_TELLING = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال)?(?:كشف|تفاصيل|تعليق|إفصاح|افصاح|إدلاء|ادلاء|حديث|تطرق|خوض|إجابة|اجابة|تأكيد|تاكيد|نفي|إعلان|اعلان|توضيح|رد)(?:\s|$)"
PLANNED_BEFORE, PLANNED_AFTER = 60, 25
AGREED_BEFORE = 6  # "وافق على لقاء", "الموافقة على عقد القمة": agreeing is to the meeting word right after

# "تراجع الرئيس الفرنسي إيمانويل ماكرون عن قراره": the verb that takes a decision back, this close
# before the words of the ``reversed`` cue
REVERSAL_GAP = 60
_REVERSAL_VERB = r"(?:^|\s)(?:و|ف|ثم\s+)?(?:تراجع|تراجعت|يتراجع|تتراجع|عدل|عدلت|يعدل|عاد|عادت|أعاد|أعادت|اعاد|اعادت)(?:\s|$)"

# a threat to cancel or postpone ("هدد ... بإلغاء", "تلوح بتأجيل"): the verb this close before the cue, with its subject between
THREAT_GAP = 40
_THREAT = (
    r"(?:^|\s)(?:و|ف)?(?:هدد|هددت|هددوا|يهدد|تهدد|يهددون|لوح|لوحت|يلوح|تلوح|توعد|توعدت"
    # ... or the noun: "يعد تهديد كوريا الشمالية الصارم بإلغاء المحادثات تحولا خطيرا"
    r"|(?:ال)?(?:تهديد|تهديدات|تلويح))\s+(?:[^\s.،,؛:]+\s+){0,3}(?:ب|ب?ال)?$"
)

# a condition after a negated meeting verb ("لن يلتقيه إلا إذا ..."): not denied, to come if it is met
_CONDITION = rf"^[^.!?؟\n]*?(?:^|\s)(?:دون أن|بدون أن|من دون أن|ما لم|إلا إذا|الا اذا|إلا بعد|الا بعد|إلا بشرط){WORD_END}"
CONDITION_REACH = 40  # characters after the meeting word where the condition is looked for


# a cancellation or postponement that may come: "من المحتمل تأجيل القمة", "احتمال إلغاء القمة"
POSSIBILITY_GAP = 25
_POSSIBLY = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ربما|لربما|من المحتمل|من الممكن|المحتمل|الممكن|يمكن|يحتمل|احتمال|إمكانية|امكانية)(?:\s+أن)?\s+$"


SIDES_THEN_GAP = 150  # characters after a meeting word, through "بين ... و...", to a cue that it was called off


def _status(events: pl.DataFrame, cues: pl.DataFrame, texts: pl.Series) -> pl.DataFrame:
    """held / planned / denied / cancelled / postponed from the cue words around each mention
    (not across a comma that opens another clause: "لن يلتقي بالرئيس الصيني، لكنه سيجتمع مع نظيريه",
    nor from a subordinate clause after the mention)."""
    status_cues = cues.filter(pl.col("role").is_in([DENIED, "refused", "agreed", CANCELLED, POSTPONED, PLANNED, HELD, "held_adjective"])).select(
        "row", "sentence", pl.col("start").alias("_c_start"), pl.col("end").alias("_c_end"), pl.col("role").alias("_cue")
    )
    # "هدد قادة الاتحاد بإلغاء اجتماع مزمع مع أردوغان": a threat to call it off leaves it planned
    threat = text_before(texts, status_cues["row"], status_cues["_c_start"], THREAT_GAP).str.contains(_THREAT)
    # ... and so does a possibility: "من المحتمل تأجيل القمة", "قد تلغي القمة" ("قد" before a
    # present verb; "قد ألغى" has cancelled it)
    lead = text_before(texts, status_cues["row"], status_cues["_c_start"], POSSIBILITY_GAP)
    # (not the past "تأجل", "تأجلت": "قد تأجل" has been put off)
    word_start = texts.gather(status_cues["row"]).str.slice(status_cues["_c_start"], 4)
    present = word_start.str.contains(r"^[يت]") & ~word_start.str.starts_with("تأجل")
    possible = lead.str.contains(_POSSIBLY) | (present & lead.str.contains(r"(?:^|\s)(?:و|ف)?قد\s+$"))
    # ... and a ruling out that is negated: "ولم يستبعد الكرملين أن يلتقي" (did not rule it out)
    ruling_out = texts.gather(status_cues["row"]).str.slice(status_cues["_c_start"], 6).str.contains(r"^(?:[يت]|ا)?ستبعد")
    not_ruled_out = ruling_out & text_before(texts, status_cues["row"], status_cues["_c_start"], 6).str.contains(r"(?:^|\s)(?:و|ف)?(?:لم|لا|لن)\s+$")
    status_cues = status_cues.with_columns(
        pl.when((pl.col("_cue").is_in([CANCELLED, POSTPONED]) & (threat | possible)) | ((pl.col("_cue") == DENIED) & not_ruled_out))
        .then(pl.lit(PLANNED)).otherwise(pl.col("_cue")).alias("_cue")
    )
    # "وإضافة إلى عقد قمة": in addition to holding one, not a call to hold it; nor "تجري بشكل أسرع من
    # المتوقع" (faster than expected: a comparative before "من")
    just_before = text_before(texts, status_cues["row"], status_cues["_c_start"], 12)
    comparative = (texts.gather(status_cues["row"]).str.slice(status_cues["_c_start"], 3).str.starts_with("من") & just_before.str.contains(r"(?:^|\s)[أا][^\s]{3}\s+$")) | just_before.str.contains(
        r"(?:^|\s)[أا][^\s]{3}\s+من\s+$"
    )
    # ... nor "بصورة غير متوقعة" (unexpectedly)
    unexpected = (pl.Series(status_cues["_cue"]) == PLANNED) & just_before.str.contains(r"(?:^|\s)غير\s+$")
    besides = just_before.str.contains(r"(?:إضافة|اضافة|إضافةً)\s*$") | comparative | unexpected
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
    # ... further after a meeting word whose parties follow it, "بين ... و...", as its predicate: "وقالت
    # مصادر إن اللقاء المرتقب بين الرئيس التركي ... والرئيس الروسي ... قد تأجل"
    sides_then = pl.Series(
        text_between(texts, pairs["row"], pairs["end"], pairs["_c_start"]).str.contains(r"^\s*(?:\S+\s+){0,2}?بين\s[^،,.؛:«»\"“”]*\s$")
    )
    # what is to come after a meeting is not the meeting: "يتوقع أن يطلعه الفريق على المحادثات بعد الاجتماع"
    after_it = pl.Series(text_before(texts, pairs["row"], pairs["start"], 8).str.contains(r"(?:^|\s)(?:بعد|عقب|إثر|اثر)\s+$"))
    applies = (
        ((pl.col("_cue") == DENIED) & before & (gap_before <= DENIED_BEFORE) & ~denied_link)
        | ((pl.col("_cue") == "refused") & before & (gap_before <= DENIED_BEFORE) & ~refused_to_tell)
        | (pl.col("_cue").is_in([CANCELLED, POSTPONED]) & ((before & (gap_before <= 40)) | (~before & ((gap_after <= 40) | (sides_then & (gap_after <= SIDES_THEN_GAP))))))
        | ((pl.col("_cue") == PLANNED) & ((before & (gap_before <= PLANNED_BEFORE) & ~after_it) | (~before & (gap_after <= PLANNED_AFTER))))
        | ((pl.col("_cue") == HELD) & ((before & (gap_before <= 15)) | (~before & (gap_after <= 20))))
        | ((pl.col("_cue") == "held_adjective") & ~before & (gap_after <= 1))
        | ((pl.col("_cue") == "agreed") & before & (gap_before <= AGREED_BEFORE))
    )
    # (an adjective of the past on the meeting word itself beats what is to come: "عبر عن أمله في
    # استكمال مناقشات سابقة بينه وبين لافروف": the earlier talks were held)
    rank = pl.col("_rank").replace_strict({DENIED: 0, CANCELLED: 1, POSTPONED: 2, "held_adjective": 3, PLANNED: 4, HELD: 5}, return_dtype=pl.Int8)
    pairs = pairs.filter(applies).with_columns(pl.col("_cue").replace({"refused": DENIED, "agreed": PLANNED}).alias("_rank")).with_columns(
        pl.col("_rank").replace({"held_adjective": HELD}).alias("_cue")
    )
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
