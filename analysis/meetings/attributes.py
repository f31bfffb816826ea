"""What a meeting mention says of its meeting besides its parties and status. Each function reads the
mentions (``events``) and returns them with its columns:

* ``_dates``: date, date_text, weekday, month from the nearest date expression of the sentence (weekday
  kept even when unresolved); a day after publication makes a held meeting planned;
* ``_places``: place_id, the nearest place named as a venue ("في ميامي"، "إلى موسكو"، "بموسكو"، "قمة ألاسكا"),
  not a topic ("الحرب في أوكرانيا");
* ``_durations``: duration_minutes ("استمر خمس ساعات");
* ``_modes``: mode (phone, video, in_person);
* ``_arrivals``: arrival and meal, a welcome on arrival or a meal, apart from the talks of the same visit.
"""

from __future__ import annotations

import functools
import re

import polars as pl

from ..arabic import find_regex, text_before, text_between
from ..dates import vocabulary as date_vocabulary
from ..events import duration_units, event_vocabulary
from ..reference import view_form
from .patterns import _DISCUSS_VERBS, _GOES_ON_LEAD, _HOSTING_VERB, _NEW_CLAUSE, _PURPOSE_LEAD, _RELATIVE_PRONOUN, _REPORTED_CLAUSE, _VISIT, HELD, PLANNED, SETTING_GAP
from .spans import _event_bounds, _text_between_spans, _to_nearest_event

VENUE_DISTANCE = 100  # a venue is named near its meeting word (after its participants)
VISIT_OBJECT_REACH = 50  # characters from a verb of visiting to its object, past its subject ("زار ماكرون أنقرة")

ARRIVAL_WINDOW = 40  # "وكان في استقباله لدى وصوله": the arrival is named this close to the meeting word


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


# what opens a clause of time or cause, whose verb a date after it belongs to: up to the comma that
# ends it ("ستعقد القمة التي ... عندما كان الرئيسان منخرطين في تصعيد، صباح الثلاثاء"), unless
# commas set the date off inside it ("بعد أن أعلن البيت الأبيض، الخميس، أن")
_TIME_OPENER = r"(?:^|\s)(?:و|ف)?(?:بعدما|بعد أن|قبل أن|عندما|حينما|لأن|منذ أن)\s[^،,]*"
_CLAUSE_OF_TIME = _TIME_OPENER + "$"
_CLAUSE_OF_TIME_COMMA = _TIME_OPENER + r"[،,]\s*$"
# a relative pronoun after a comma and its verb, right before a date
_RELATIVE_VERB_LEAD = rf"[،,]\s*(?:و)?{_RELATIVE_PRONOUN}\s+\S+\s+$"


def _dates(texts: pl.Series, events: pl.DataFrame, dates: pl.DataFrame, published: pl.Series) -> pl.DataFrame:
    """The nearest date expression of the sentence; a day after publication makes a held meeting
    planned, and so does a date that points forward with no publication date ("الشهر المقبل")."""
    if dates.height == 0:
        # no dates in the batch: the same rules below, every mention undated
        dates = pl.DataFrame(schema={"row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "value": pl.Date, "granularity": pl.String, "surface": pl.String})
    weekdays = _weekday_numbers()
    pattern = "|".join(sorted(weekdays, key=len, reverse=True))
    d = dates.select("row", "sentence", pl.col("start").alias("_d_start"), pl.col("end").alias("_d_end"), "value", "granularity", "surface")
    surface = pl.col("surface").map_elements(view_form, return_dtype=pl.String)
    d = d.with_columns(
        surface.str.extract(f"({pattern})", 1).replace_strict(weekdays, default=None, return_dtype=pl.Int8).alias("_wd"),
        # (a weekday named last, with no word of direction after it: "الاثنين", "مساء الاثنين"; not "الاثنين الماضي")
        surface.str.contains(rf"(?:^|\s)(?:{pattern})$").alias("_bare_weekday"),
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
    # a day of another verb's: after the meeting word in a clause of time or cause ("دعوات لإلغاء
    # الاجتماع بعد أن اتهمت الولايات المتحدة أمس الجمعة ضباطا"), or before it in a relative clause on
    # another noun ("للائحة الاتهام، التي صدرت الجمعة، أي علاقة بالاجتماع")
    clause_gap = text_between(texts, pairs["row"], pairs["_e_end"], pairs["_d_start"])
    set_off = texts.gather(pairs["row"]).str.slice(pairs["_d_end"], 3).str.contains(r"^\s*[،,]")
    other_verb = (
        (pl.col("_d_start") >= pl.col("_e_end")) & (clause_gap.str.contains(_CLAUSE_OF_TIME) | (clause_gap.str.contains(_CLAUSE_OF_TIME_COMMA) & set_off))
    ) | (
        (pl.col("_d_end") <= pl.col("_e_start")) & text_before(texts, pairs["row"], pairs["_d_start"], 30).str.contains(_RELATIVE_VERB_LEAD)
    )
    # a line of a timeline opens with its day, the day of the meeting its verb reports however far
    # on: "26 مايو/أيار: كيم جونغ أون والرئيس الكوري الجنوبي مون جاي إن يلتقيان في بانمونجوم" (not of a
    # meeting noun it refers to: "16 مايو/أيار: تقول كوريا الشمالية إنها قد تنسحب من القمة")
    opens_line = (
        (pl.col("_d_end") <= pl.col("_e_start")) & pl.col("event").is_in(events.filter(pl.col("verb"))["event"].implode())
        & text_before(texts, pairs["row"], pairs["_d_start"], 3).str.contains(r"(?:^|\n)[^\S\n]*$")
        & text_between(texts, pairs["row"], pairs["_d_end"], pairs["_d_end"] + 8).str.contains(r"^\s*(?:[0-9٠-٩]{4}\s*)?:")
        & ~text_between(texts, pairs["row"], pairs["_d_end"], pairs["_e_start"]).str.contains("\n")
    )
    line_days = _to_nearest_event(pairs.filter(opens_line), "_d_start", "_d_end", keep_all=True).with_columns(pl.lit(-1, pl.Int64).alias("_d"))
    pairs = _to_nearest_event(pairs.filter(~((pl.col("_d_end") <= pl.col("_e_start")) & (said | topic)) & ~since & ~across & ~other_verb), "_d_start", "_d_end")
    pairs = pl.concat([pairs, _trip_dates(events, pairs), line_days.select(pairs.columns).cast(pairs.schema)])
    # (a part of a week is coarser than a day: "في مطلع الأسبوع عقد ... اجتماعا مفاجئا يوم السبت" was on Saturday)
    week = pl.col("surface").str.contains(r"(?:مطلع|بداية|نهاية|أواخر|اواخر|أوائل|اوائل|منتصف|أواسط|ختام)\s+(?:ال)?(?:أسبوع|اسبوع)")
    best = pairs.with_columns(((pl.col("granularity") != "day") | week).alias("_coarse")).sort("event", "_coarse", "_d").unique("event", keep="first")
    events = events.join(
        best.select(
            "event", pl.when(pl.col("granularity") == "day").then(pl.col("value")).alias("date"), pl.col("surface").alias("date_text"), pl.col("_wd").alias("weekday"),
            (pl.col("_d_start") >= pl.col("_e_end")).alias("_date_after"), "_bare_weekday",
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
    # ... nor on a line of a timeline, which opens with its day (``line_days`` above; a later day makes
    # it planned below): "1 يونيو/حزيران: المبعوث ... يسلم شخصيا رسالة", on the day of publication too
    timeline = pl.col("event").is_in(line_days["event"].implode())
    events = events.with_columns(
        pl.col("_present") & ~headline & ~timeline, (pl.col("explicit") & ~(pl.col("_present") & headline)).alias("explicit")
    )
    # ... and its weekday, named alone after it, is the coming one: "ويلتقي ستارمر ... الاثنين" in
    # Wednesday's paper is next Monday (not "الاثنين الماضي"; nor a day before it, another verb's:
    # "وصل يوم الأربعاء إلى طهران في زيارة يلتقي خلالها")
    events = events.with_columns(
        pl.when(pl.col("_present") & pl.col("_bare_weekday").fill_null(False) & pl.col("_date_after").fill_null(False) & (pl.col("date") < pl.col("_published")).fill_null(False))
        .then(pl.col("date") + pl.duration(days=7)).otherwise(pl.col("date")).alias("date")
    ).with_columns(pl.col("date").dt.truncate("1mo").fill_null(pl.col("month")).alias("month"))
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
    ).drop("_published", "_period", "_period_granularity", "_took_place", "_present", "_present_conduct", "_date_after", "_bare_weekday")


# the generic word that may stand before a place's name: "مدينة إسطنبول", "العاصمة الروسية موسكو"
_PLACE_DESIGNATOR = r"(?:ال)?(?:مدينة|عاصمة|قرية|بلدة|منطقة|محافظة|ولاية|جزيرة|إقليم|اقليم|مقاطعة|منتجع)"


def _places(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, places: pl.DataFrame, parties: pl.DataFrame | None = None) -> pl.DataFrame:
    """The venue: the nearest place of the sentence named as one ("في ميامي", "إلى موسكو", "بموسكو", "قمة ألاسكا"),
    within ``VENUE_DISTANCE`` of the meeting word, or right after its last party however long the list
    before it (``parties``: row, end, entity_id of the people and bodies named, titles too)."""
    venues = mentions.filter(pl.col("entity_kind") == "place").select("row", "sentence", pl.col("start").alias("_p_start"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("place_id"))
    # (and the seats of the organizations that receive others: "في البيت الأبيض" is in Washington; ``seats``, events.yaml)
    seats = event_vocabulary().get("seats") or {}
    seated = mentions.filter(pl.col("entity_id").is_in(list(seats))).select(
        "row", "sentence", pl.col("start").alias("_p_start"), pl.col("end").alias("_p_end"), pl.col("entity_id").replace_strict(seats, return_dtype=pl.String).alias("place_id")
    )
    venues = pl.concat([venues, seated]).sort("row", "_p_start")
    if venues.height == 0:
        return events.with_columns(pl.lit(None, pl.String).alias("place_id"))
    left = text_before(texts, venues["row"], venues["_p_start"], 40)
    venues = venues.with_columns(left.alias("_left"))
    # (with a designator between: "في مدينة إسطنبول", "بالعاصمة الروسية موسكو", "في قرية بانمونجوم"; or a
    # hashtag: "في العاصمة الفنلندية #هلسنكي")
    introduced = pl.col("_left").str.contains(rf"(?:(?:^|\s)(?:في|إلى|الى|وإلى|وفي)\s+|(?:^|\s)و?ب)(?:{_PLACE_DESIGNATOR}\s+(?:ال\S+\s+)?)?#?$")
    # ... or the object of the mention's own verb of visiting: "سيزور موسكو الثلاثاء لمناقشة ... مع نظيره"
    # (not another's: "أول زعيم يزور كوريا الجنوبية عندما التقى ... في بانمونجوم")
    visit_verb = r"(?:^|\s)(?:و|ف)?س?(?:يزور|تزور|زار|زارت|زارا|يزوران|تزوران)\s+"
    visited = pl.col("_left").str.contains(visit_verb + "$")
    # ... also after the verb's subject: "وزار ماكرون أنقرة والتقى أردوغان" (``_visit_object``)
    visit_object = pl.col("_left").str.contains(visit_verb + r"(?:[^\s،,.:؛]+\s+){1,5}$")
    # "الحرب في أوكرانيا", "الحرب على الأرض في أوكرانيا": what is at stake, not where they meet
    topic = pl.col("_left").str.contains(
        r"(?:الحرب|حرب|الحروب|السلام|سلام|الأزمة|أزمة|الأزمات|الصراع|الصراعات|صراعات|النزاع|النزاعات|نزاعات|القتال|التسوية|الوضع|الأوضاع|الاستقرار|الأمن|التصعيد|المعارك|الحل|حل)(?:\s+\S+){0,2}?\s+(?:في|ب)\s*$"
    )
    # ... nor where troops are stationed: "القوات الأميركية المتمركزة في كوريا الجنوبية", "بسحب القوات
    # الأميركية في سوريا" (not "قادة القوات المسلحة التركية في أنقرة", met there; nor "للقوات المسلحة بدولة
    # الإمارات", a title)
    topic = topic | pl.col("_left").str.contains(
        r"(?:^|\s)(?:(?:ال)?(?:متمركز|منتشر|مرابط)\S*|(?:ال)?(?:قوات|جنود|قواعد)(?:\s+\S+)?)\s+(?:في|ب)\s*$"
    )
    # (a building named so is where they meet: "في قصر السلام بجدة")
    topic = topic & ~pl.col("_left").str.contains(r"(?:^|\s)(?:ب|في\s+)?(?:ال)?(?:قصر|فندق|قاعة|مبنى|مركز|دار)\s+\S+\s+(?:في|ب)\s*$")
    # "قمة ألاسكا التي عقدها": a meeting named by its place, whatever verb reports it
    named = pl.col("_left").str.contains(r"(?:^|\s)(?:قمة|محادثات|مباحثات|مفاوضات|اجتماع|اجتماعات|لقاء|لقاءات)\s+$")
    # ... or as its host: "قمتهما التاريخية التي تستضيفها سنغافورة"
    named = named | pl.col("_left").str.contains(r"(?:^|\s)(?:التي|الذي)\s+(?:س?[تي](?:ستضيف|حتضن)|استضاف|احتضن)(?:ها|ه|ت|ته|تها)?\s+$")
    # ... or as the subject of hosting: "واستضافت جنيف الأحد محادثات بين ...", also after its designator
    # and with a verb of witnessing: "وشهدت العاصمة السعودية الرياض اجتماعا بين ..."
    designator = r"(?:(?:العاصمة|المدينة|مدينة)(?:\s+ال\S+){0,2}\s+)?$"
    named = named | pl.col("_left").str.contains(r"(?:^|\s)" + _HOSTING_VERB + r"\s+" + designator)
    # (witnessing only with the meeting word right after the place: not "وشهدت موسكو تراجعا ... قبل القمة")
    witness = pl.col("_left").str.contains(r"(?:^|\s)(?:و|ف)?(?:س?[تي]شهد|شهد|شهدت)\s+" + designator)
    venues = venues.with_columns(named.alias("_named"), visited.alias("_visited"), witness.alias("_witness"), visit_object.alias("_visit_object"))
    pairs = _event_bounds(events).join(venues, on=["row", "sentence"])
    pairs = pairs.with_columns((pl.col("_named") | (pl.col("_witness") & (pl.col("_e_start") - pl.col("_p_end")).is_between(0, 12))).alias("_named"))
    # "قمة ألاسكا", "محادثات ميامي": the place right after the meeting word
    right_after = (pl.col("_p_start") - pl.col("_e_end")).is_between(0, 1)
    inside = pl.col("_visited") & (pl.col("_p_start") >= pl.col("_e_start")) & (pl.col("_p_end") <= pl.col("_e_end"))
    inside = inside | (pl.col("_visit_object") & (pl.col("_p_start") > pl.col("_e_start")) & ((pl.col("_p_start") - pl.col("_e_start")) <= VISIT_OBJECT_REACH))
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
    # ... or a clause that goes on after it: "التقى ... الجبير في الدوحة، ويلتقي غدا ..." (Doha is the first meeting's)
    before = before | ((pl.col("_p_end") <= pl.col("_e_start")) & between.str.contains(_GOES_ON_LEAD))
    # ... or a journey to discuss a meeting named before: "بالسفر إلى موسكو لطرح إطار هذه القمة" (the
    # summit is elsewhere; not "سافر إلى موسكو لإجراء محادثات", where they are held, nor "سيغادر إلى
    # سنغافورة للإعداد للقمة", where an advance team goes)
    before = before | (
        (pl.col("_p_end") <= pl.col("_e_start")) & pl.col("event").is_in(events.filter(pl.col("anaphoric"))["event"].implode())
        & between.str.contains(r"(?:^|\s)(?:ل|لل)(?:طرح|بحث|مناقشة|تباحث)(?:\s|$)")
    )
    # ... or a word of time relative to the meeting, after a place "في": "أقيل أكبر ثلاثة قادة عسكريين في كوريا
    # الشمالية قبل أيام من القمة" is where the dismissal was (not "وصل إلى سنغافورة قبل يومين من القمة")
    before = before | (
        (pl.col("_p_end") <= pl.col("_e_start")) & pl.col("_left").str.contains(r"(?:^|\s)(?:و|ف)?في\s+(?:\S+\s+)?$")
        & between.str.contains(r"^\s+(?:\S+\s+){0,2}?(?:قبل|قبيل|بعد|بعيد|عشية|غداة)\s+(?:(?:\S+\s+){0,2}?(?:من|مع)\s+)?(?:\S+\s+)?$")
    )
    # ... or an agreement on the meeting, reached where the place is: "اجتماعا مفاجئا ... في قرية بانمونجوم اتفقا
    # خلاله على ضرورة عقد القمة" (the summit agreed on is elsewhere)
    before = before | ((pl.col("_p_end") <= pl.col("_e_start")) & between.str.contains(r"(?:^|\s)(?:و|ف)?(?:اتفق|اتفقا|اتفقت|اتفقتا|اتفقوا)(?:\s|$)"))
    # ... and so does what the meeting discusses: "محادثاته مع أردوغان ستتناول ... (وانتهاء) بالصين"
    discussed = (pl.col("_p_start") >= pl.col("_e_end")) & between.str.contains(rf"(?:^|\s)(?:{_DISCUSS_VERBS})(?:\s|$)")
    # ... and where somebody spoke is no venue of a meeting in what they said: "وقال ماكرون في البيت
    # الأبيض إن القمة ..." (a reported clause or a quotation between them)
    # (not "أن" after a word of time: "في بانمونجوم قبل أن يباشرا المحادثات")
    reported = between.str.contains(_REPORTED_CLAUSE) & ~between.str.contains(r"(?:^|\s)(?:قبل|بعد|منذ|دون|بدون|حتى|إلى|الى)\s+(?:أن|ان)\s")
    said = (pl.col("_p_end") <= pl.col("_e_start")) & (reported | between.str.contains(r"[:«“\"]"))
    pairs = pairs.with_columns((between.str.contains(r"(?:^|\s)و?(?:التي|الذي|التى)(?:\s|$)") | between.str.contains(_NEW_CLAUSE) | before | discussed | said).alias("_relative"))
    pairs = pairs.filter(~pl.col("_relative") | pl.col("_named")).sort("row", "_p_start", "_d", "event").unique(["row", "_p_start"], keep="first")
    if parties is not None:
        pairs = _after_last_party(texts, events, pairs, parties)
    best = pairs.join(kind_rank, on="place_id", how="left").filter(pl.col("_d") <= VENUE_DISTANCE).sort("event", "_d", "_k").unique("event", keep="first")
    return events.join(best.select("event", "place_id"), on="event", how="left")


LAST_PARTY_GAP = 30  # characters from the last party's name (or title's head word) to its venue


def _after_last_party(texts: pl.Series, events: pl.DataFrame, pairs: pl.DataFrame, parties: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` (event, place) with the places beyond ``VENUE_DISTANCE`` brought in reach where "في"
    joins them to a party of the meeting named right before, in the meeting word's clause: "ويلتقي
    رئيس الوزراء البريطاني ... والرئيس الفرنسي ... والمستشار الألماني ... بالرئيس الأوكراني في لندن"."""
    far = pairs.filter((pl.col("_d") > VENUE_DISTANCE) & (pl.col("_p_start") >= pl.col("_e_end")))
    if far.height == 0:
        return pairs
    named = parties.select("row", pl.col("end").alias("_n_end"), pl.col("entity_id").alias("_party")).unique()
    # (a party of the meeting: ``events`` participants)
    of_event = events.select("event", pl.col("participants").alias("_party")).explode("_party")
    near = far.select("event", "row", "_e_end", "_p_start").join(named, on="row").filter(
        (pl.col("_n_end") < pl.col("_p_start")) & (pl.col("_p_start") - pl.col("_n_end") <= LAST_PARTY_GAP)
    ).join(of_event, on=["event", "_party"], how="semi")
    # (a title is named by its head word, its adjectives after it: "بالرئيس [الأوكراني] في لندن")
    joined = text_between(texts, near["row"], near["_n_end"], near["_p_start"]).str.contains(r"^(?:\s+ال\S+){0,2}\s+في\s+$")
    clause = text_between(texts, near["row"], near["_e_end"], near["_p_start"])
    near = near.filter(joined & ~clause.str.contains(_NEW_CLAUSE) & ~clause.str.contains(r"[.!?؟؛:]")).select("event", "_p_start").unique()
    return pairs.join(near.with_columns(pl.lit(True).alias("_last_party")), on=["event", "_p_start"], how="left").with_columns(
        pl.when(pl.col("_last_party").fill_null(False)).then(pl.lit(VENUE_DISTANCE)).otherwise(pl.col("_d")).alias("_d")
    ).drop("_last_party")


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
