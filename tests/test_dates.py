"""Date expressions: given this sentence and publication date, these rows of the dates table.

Sentences are real sentences (the seed articles) or written like them. Spans are checked in the
ORIGINAL text: ``text[start:end]`` is the expected surface. The span detection is measured on the
Wojood sample's gold DATE spans (MIT, data/raw/wojood_sample) with pinned score floors.
"""

from __future__ import annotations

import datetime
import functools
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from analysis.arabic import MatchingView, matching_view
from analysis.dates import DATE_COLUMNS, extract_dates, stated_publication_date, vocabulary

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
WOJOOD = ROOT / "data" / "raw" / "wojood_sample"

SATURDAY = datetime.date(2025, 12, 6)
D = datetime.date


def _rows(texts: list[str], published: list) -> list[list[tuple]]:
    """(surface, value, granularity, basis) of every expression, per text, in one batch."""
    found = extract_dates(MatchingView(texts), published)
    out: list[list[tuple]] = [[] for _ in texts]
    for r, s, e, v, g, b in found.select("row", "start", "end", "value", "granularity", "basis").iter_rows():
        out[r].append((texts[r][s:e], v, g, b))
    return out


@functools.cache
def _batch() -> dict[tuple[str, datetime.date | None], list[tuple]]:
    """Every sentence of the tables below with the publication dates it is tested with, as ONE batch."""
    pairs = [(t, p) for t, _ in ABSOLUTE for p in (SATURDAY, None)]
    pairs += [(t, p) for t, p, _ in WEEKDAYS + WITHOUT_YEAR]
    pairs += [(t, p) for t, _ in RELATIVE for p in (SATURDAY, None)]
    pairs += [(t, SATURDAY) for t in NOT_DATES]
    pairs = list(dict.fromkeys(pairs))
    return dict(zip(pairs, _rows([t for t, _ in pairs], [p for _, p in pairs])))


def dates_of(text: str, published: datetime.date | None = None) -> list[tuple]:
    """(surface, value, granularity, basis) of every expression of one text (from the shared batch)."""
    key = (text, published)
    return _batch()[key] if key in _batch() else _rows([text], [published])[0]


# --- absolute dates --------------------------------------------------------------------------

ABSOLUTE = [
    (
        "وصل المبعوث الخاص جون كيري إلى موسكو، الخميس 22 يناير 2026، لعقد مباحثات مع الرئيس الروسي",
        [("الخميس 22 يناير 2026", D(2026, 1, 22), "day", "absolute")],
    ),
    (
        "ومنذ غزو روسيا لأوكرانيا في 24 فبراير 2022، قُتل أو جُرح عشرات الآلاف من الجنود",
        [("24 فبراير 2022", D(2022, 2, 24), "day", "absolute")],
    ),
    (
        "لا أن تؤدي فقط إلى وقف القتال الذي بدأ بهجوم موسكو في فبراير 2022.",
        [("فبراير 2022", D(2022, 2, 1), "month", "absolute")],
    ),
    ("وُقّعت الاتفاقية في 15 آذار 2019 في دمشق", [("15 آذار 2019", D(2019, 3, 15), "day", "absolute")]),
    ("وأُعلن في تشرين الأول 2023 أن الوفد", [("تشرين الأول 2023", D(2023, 10, 1), "month", "absolute")]),
    ("اجتمعا في 3 كانون الثاني 2024", [("3 كانون الثاني 2024", D(2024, 1, 3), "day", "absolute")]),
    ("وصل الوفد في ٢٢ يناير ٢٠٢٦ إلى موسكو", [("٢٢ يناير ٢٠٢٦", D(2026, 1, 22), "day", "absolute")]),
    ("صدر القرار في 5 إبريل 2016", [("5 إبريل 2016", D(2016, 4, 5), "day", "absolute")]),
    ("صدر القرار في 5 ابريل 2016", [("5 ابريل 2016", D(2016, 4, 5), "day", "absolute")]),
    ("عقد الاجتماع في 30 يونيه 2013", [("30 يونيه 2013", D(2013, 6, 30), "day", "absolute")]),
    ("منذ 28 نوفمبر/تشرين الثاني 2017", [("28 نوفمبر/تشرين الثاني 2017", D(2017, 11, 28), "day", "absolute")]),
    ("وفي شهر أكتوبر / تشرين الأول 2014 أعلنت", [("شهر أكتوبر / تشرين الأول 2014", D(2014, 10, 1), "month", "absolute")]),
    (
        "الرياض 26 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس",
        [("26 شوال 1436 هـ الموافق 10 أغسطس 2015 م", D(2015, 8, 10), "day", "absolute")],
    ),
    ("اجتماع المجلس بتاريخ 27/9/1948", [("27/9/1948", D(1948, 9, 27), "day", "absolute")]),
    ("نُشر في 2015/08/11 على الموقع", [("2015/08/11", D(2015, 8, 11), "day", "absolute")]),
    ("الحرب التي بدأت مع الغزو الروسي الواسع في عام 2022", [("عام 2022", D(2022, 1, 1), "year", "absolute")]),
    ("لم يزر موسكو منذ 2014", [("2014", D(2014, 1, 1), "year", "absolute")]),
    ("وقعت الحادثة سنة 2014", [("سنة 2014", D(2014, 1, 1), "year", "absolute")]),
    ("في الأول من مارس 2020", [("الأول من مارس 2020", D(2020, 3, 1), "day", "absolute")]),
    ("جرت الانتخابات في 21 و22 يناير 2024", [("21 و22 يناير 2024", D(2024, 1, 21), "day", "absolute")]),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
def test_absolute_dates(text, expected):
    assert dates_of(text, SATURDAY) == expected
    # an absolute date does not need the publication date
    assert dates_of(text, None) == expected


def test_longest_expression_wins():
    text = "وصلا إلى موسكو مساء الخميس 22 يناير 2026 لعقد مباحثات"
    assert dates_of(text) == [("مساء الخميس 22 يناير 2026", D(2026, 1, 22), "day", "absolute")]


def test_hijri_dates_are_recognised_not_converted():
    assert dates_of("صدر الصك عام 1436 هـ", SATURDAY) == [("عام 1436 هـ", None, "year", "unresolved")]
    assert dates_of("في 26 شوال 1436 هـ", SATURDAY) == [("26 شوال 1436 هـ", None, "day", "unresolved")]


# --- weekdays -------------------------------------------------------------------------------

WEEKDAYS = [
    # news reports the past: the most recent Tuesday on or before Saturday 2025-12-06
    ("وصل بلينكن وكيري إلى موسكو يوم الثلاثاء لإجراء محادثات مع القيادة الروسية", SATURDAY, [("يوم الثلاثاء", D(2025, 12, 2))]),
    # a future cue: the next Sunday
    ("من المقرر أن يستأنفوا المحادثات يوم الأحد", SATURDAY, [("يوم الأحد", D(2025, 12, 7))]),
    (
        "من المقرر أن يستأنف المسؤولون الأمريكيون والروس المناقشات حول الأزمة الأوكرانية في ميامي يوم الأحد",
        D(2025, 12, 20),
        [("يوم الأحد", D(2025, 12, 21))],
    ),
    ("وقال الكرملين إن لافروف سيلتقي بلينكن الأحد", SATURDAY, [("الأحد", D(2025, 12, 7))]),
    # a past verb after the future cue of the previous sentence: past again
    ("وسيلتقي الرئيسان في ميامي. وقال المتحدث الخميس إن الوفد مستعد", SATURDAY, [("الخميس", D(2025, 12, 4))]),
    ("واستمرت المحادثات حتى منتصف ليل الثلاثاء في موسكو", SATURDAY, [("منتصف ليل الثلاثاء", D(2025, 12, 2))]),
    ("قال بلينكن في مقابلة بُثت مساء الثلاثاء إنه تم إحراز بعض التقدم", SATURDAY, [("مساء الثلاثاء", D(2025, 12, 2))]),
    ("على أن تتواصل الاجتماعات اليوم السبت", SATURDAY, [("اليوم السبت", SATURDAY)]),
    # the publication date may lag: "اليوم السبت" in a paper dated Sunday is still Saturday
    ("أعلنت الوزارة اليوم السبت أن", D(2025, 12, 7), [("اليوم السبت", SATURDAY)]),
    ("وصل أمس الجمعة إلى الرياض", SATURDAY, [("أمس الجمعة", D(2025, 12, 5))]),
    ("الخميس الماضي", SATURDAY, [("الخميس الماضي", D(2025, 12, 4))]),
    ("السبت الماضي", SATURDAY, [("السبت الماضي", D(2025, 11, 29))]),
    ("الأحد المقبل", SATURDAY, [("الأحد المقبل", D(2025, 12, 7))]),
    ("السبت المقبل", SATURDAY, [("السبت المقبل", D(2025, 12, 13))]),
    ("والتقى الوزيران يومي الاثنين والثلاثاء", SATURDAY, [("يومي الاثنين والثلاثاء", D(2025, 12, 1))]),
    # a night between two days: the first one
    ("بدأت الهدنة منتصف ليل الأحد- الاثنين", D(2015, 7, 27), [("منتصف ليل الأحد- الاثنين", D(2015, 7, 26))]),
    # a preposition before "يوم" does not make a counted expression ("قبل يوم" = a day ago)
    ("وصل الوفد قبل يوم الخميس", SATURDAY, [("يوم الخميس", D(2025, 12, 4))]),
    ("وسيزور الجبير موسكو بعد غد الثلاثاء", D(2015, 8, 9), [("بعد غد الثلاثاء", D(2015, 8, 11))]),
    ("وصل بعد ظهر الثلاثاء", SATURDAY, [("بعد ظهر الثلاثاء", D(2025, 12, 2))]),
]


@pytest.mark.parametrize(("text", "published", "expected"), WEEKDAYS)
def test_weekdays(text, published, expected):
    assert [(s, v) for s, v, g, b in dates_of(text, published)] == expected
    assert {(g, b) for s, v, g, b in dates_of(text, published)} == {("day", "relative")}


def test_weekday_without_publication_date_is_unresolved():
    text = "وصل بلينكن وكيري إلى موسكو يوم الثلاثاء لإجراء محادثات"
    assert dates_of(text, None) == [("يوم الثلاثاء", None, "day", "unresolved")]


# --- relative words, months without a year ------------------------------------------------

RELATIVE = [
    ("التقى أمس بوزير الخارجية", [("أمس", D(2025, 12, 5), "day")]),
    ("شدد الجانب الأوكراني خلال اجتماع الأمس على أولوياته", [("الأمس", D(2025, 12, 5), "day")]),
    ("وسيلتقي غداً بالرئيس", [("غداً", D(2025, 12, 7), "day")]),
    ("وسيلتقي غدًا بالرئيس", [("غدًا", D(2025, 12, 7), "day")]),
    ("تقدم في محادثات السلام واستئناف اللقاءات اليوم", [("اليوم", SATURDAY, "day")]),
    ("ووصل بعد غد", [("بعد غد", D(2025, 12, 8), "day")]),
    # a week is given by its Monday (ISO week start)
    ("وكان قد التقاه الأسبوع الماضي", [("الأسبوع الماضي", D(2025, 11, 24), "day")]),
    ("ويعقد الاجتماع الأسبوع المقبل", [("الأسبوع المقبل", D(2025, 12, 8), "day")]),
    ("زار الصين هذا الأسبوع", [("هذا الأسبوع", D(2025, 12, 1), "day")]),
    ("الشهر الماضي", [("الشهر الماضي", D(2025, 11, 1), "month")]),
    ("الشهر المقبل", [("الشهر المقبل", D(2026, 1, 1), "month")]),
    ("الشهر الجاري", [("الشهر الجاري", D(2025, 12, 1), "month")]),
    ("العام الماضي", [("العام الماضي", D(2024, 1, 1), "year")]),
    ("العام المقبل", [("العام المقبل", D(2026, 1, 1), "year")]),
    ("قبل ثلاثة أيام", [("قبل ثلاثة أيام", D(2025, 12, 3), "day")]),
    ("قبل 10 أيام", [("قبل 10 أيام", D(2025, 11, 26), "day")]),
    ("منذ عامين", [("منذ عامين", D(2023, 1, 1), "year")]),
    ("في الرابع عشر من الشهر الجاري", [("الرابع عشر من الشهر الجاري", D(2025, 12, 14), "day")]),
    # (the month left out)
    ("والتقيا في 5 الجاري", [("5 الجاري", D(2025, 12, 5), "day")]),
    ("ويلتقيان يوم 20 الحالي", [("يوم 20 الحالي", D(2025, 12, 20), "day")]),
    ("والتقيا في الـ5 من الشهر الجاري", [("الـ5 من الشهر الجاري", D(2025, 12, 5), "day")]),
    # a month alone: the most recent one (a sentence about the past)
    ("وأشار إلى قمة جنيف التي عقدها مع الرئيس بايدن في أغسطس", [("أغسطس", D(2025, 8, 1), "month")]),
    ("في نوفمبر الماضي", [("نوفمبر الماضي", D(2025, 11, 1), "month")]),
    ("في ديسمبر الماضي", [("ديسمبر الماضي", D(2024, 12, 1), "month")]),
    ("في يناير المقبل", [("يناير المقبل", D(2026, 1, 1), "month")]),
    ("مطلع يناير", [("مطلع يناير", D(2026, 1, 1), "month")]),
    ("ومن المقرر أن تعقد القمة في مارس", [("مارس", D(2026, 3, 1), "month")]),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_expressions(text, expected):
    assert [(s, v, g) for s, v, g, b in dates_of(text, SATURDAY)] == expected
    assert {b for s, v, g, b in dates_of(text, SATURDAY)} == {"relative"}
    assert {(v, b) for s, v, g, b in dates_of(text, None)} == {(None, "unresolved")}


WITHOUT_YEAR = [
    # an announced date a few weeks ahead is the coming one, whatever the reporting verb
    ("وفي وقت سابق، أعلن أن موعد القمة هو 12 يونيو/حزيران", D(2018, 5, 22), D(2018, 6, 12)),
    ("والتي كان من المقرر أن تنتهي في 30 يونيو/حزيران الماضي", D(2015, 7, 21), D(2015, 6, 30)),
    ("في 10 يوليو/تموز الجاري", D(2015, 7, 21), D(2015, 7, 10)),
    ("في السادس والعشرين من مارس المقبل", D(2018, 2, 23), D(2018, 3, 26)),
    # (the day's number with the article, and the tatweel: "الـ12")
    ("وتعقد القمة في الـ12 من يونيو", D(2018, 6, 6), D(2018, 6, 12)),
    ("وتعقد القمة في الـ 12 يونيو", D(2018, 6, 6), D(2018, 6, 12)),
    # months ago, without a cue: the past one
    ("التجربتان النوويتان الأخيرتان لكوريا الشمالية، في سبتمبر/ أيلول", D(2018, 4, 21), D(2017, 9, 1)),
    ("وصل في 24 ديسمبر", D(2026, 1, 10), D(2025, 12, 24)),
]


@pytest.mark.parametrize(("text", "published", "expected"), WITHOUT_YEAR)
def test_dates_without_a_year(text, published, expected):
    assert [v for s, v, g, b in dates_of(text, published)] == [expected]


def test_counted_from_another_event_is_unresolved():
    assert dates_of("واتفقا على اللقاء بعد يومين من المحادثات", SATURDAY) == [("بعد يومين", None, "day", "unresolved")]
    # ... past "only": ten days after the meeting, not after the publication date; "only" alone counts from it
    assert dates_of("فرض عقوبات بعد 10 أيام فقط من لقائه التاريخي", SATURDAY) == [("بعد 10 أيام", None, "day", "unresolved")]
    assert dates_of("ستعقد القمة بعد يومين فقط في باريس", SATURDAY)[0][3] == "relative"


# --- not dates ------------------------------------------------------------------------------

NOT_DATES = [
    "بدأ يوم جديد من المفاوضات",
    "بما في ذلك وثيقة تتضمن 27 نقطة، لكنه امتنع عن الخوض في تفاصيلها",
    "قُتل أكثر من 2000 شخص في المعارك",
    "ومارس ضغوطا كبيرة على كييف",
    "وأعلنت رئيسة الوزراء تيريزا ماي أن",
    "قال أب لطفلين إن",
    "وقال حميد شباط إن الحزب",
    "العلاقات بين الاثنين متوترة",
    "أحد عشر لاعبا أو الأحد عشر لاعبا",
    "وفي اليوم التالي عاد الوفد",
    "بمناسبة اليوم الوطني",
    "وقال لقناة «روسيا اليوم» إن",
    "على مدار يومين من المحادثات المكثفة",
    "منذ سنوات طويلة",
    "تحدث الأمين العام للأمم المتحدة",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert dates_of(text, SATURDAY) == []


# --- offsets, table contract ----------------------------------------------------------------

def test_offsets_with_diacritics_and_tatweel():
    text = "وصل الخميـس ٢٢ يَنايِر إلى موسكو"
    assert dates_of(text, D(2026, 1, 25)) == [("الخميـس ٢٢ يَنايِر", D(2026, 1, 22), "day", "relative")]
    text = "وصلا مساءَ الخميسِ 22 يَنَايِرَ 2026، ثم"
    assert dates_of(text) == [("مساءَ الخميسِ 22 يَنَايِرَ 2026", D(2026, 1, 22), "day", "absolute")]
    # a conjunction glued to the expression stays outside the span
    assert dates_of("والخميس 22 يناير 2026") == [("الخميس 22 يناير 2026", D(2026, 1, 22), "day", "absolute")]


def test_batch_contract_on_the_seeds():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    published = [SATURDAY, None, D(2026, 1, 22), D(2025, 12, 20), SATURDAY]
    found = extract_dates(MatchingView(texts), published)
    assert found.schema == pl.Schema(DATE_COLUMNS)
    assert_frame_equal(found, found.sort("row", "start"))
    # non-overlapping, and every span is a non-empty slice of its text
    overlaps = found.with_columns(pl.col("end").shift(1).over("row").alias("prev_end")).filter(pl.col("start") < pl.col("prev_end"))
    assert overlaps.height == 0
    surfaces = [texts[r][s:e] for r, s, e in found.select("row", "start", "end").iter_rows()]
    assert all(s and s == s.strip() for s in surfaces)
    # the no-publication-date row has only absolute or unresolved expressions
    row1 = found.filter(pl.col("row") == 1)
    assert set(row1["basis"]) <= {"absolute", "unresolved"}
    assert row1.filter(pl.col("basis") == "unresolved")["value"].null_count() == row1.filter(pl.col("basis") == "unresolved").height
    assert ("24 فبراير 2022", D(2022, 2, 24)) in [(texts[r][s:e], v) for r, s, e, v in found.select("row", "start", "end", "value").iter_rows()]
    # the same text twice gives the same rows
    twice = extract_dates(MatchingView(texts[:1] * 2), [SATURDAY, SATURDAY])
    assert_frame_equal(twice.filter(pl.col("row") == 0).drop("row"), twice.filter(pl.col("row") == 1).drop("row"))


def test_empty_inputs_and_bad_lengths():
    assert extract_dates(MatchingView([]), []).schema == pl.Schema(DATE_COLUMNS)
    assert extract_dates(MatchingView(["", "لا تاريخ هنا"]), [None, SATURDAY]).height == 0
    with pytest.raises(ValueError, match="one date"):
        extract_dates(MatchingView(["نص"]), [])
    # datetimes are accepted as dates
    assert extract_dates(MatchingView(["أمس"]), [datetime.datetime(2025, 12, 6, 23, 30)])["value"].to_list() == [D(2025, 12, 5)]


# --- stated publication date ----------------------------------------------------------------

def test_stated_publication_date():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + [
        "الرياض 26 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس استقبل خادم الحرمين الشريفين",
        "ومنذ غزو روسيا لأوكرانيا في 24 فبراير 2022، قُتل عشرات الآلاف",
        "موسكو - " + "كلمة " * 100 + "الخميس 22 يناير 2026",
    ]
    stated = stated_publication_date(MatchingView(texts))
    assert stated.dtype == pl.Date and len(stated) == len(texts)
    assert stated.to_list() == [None, None, D(2026, 1, 22), None, None, D(2015, 8, 10), None, None]
    assert stated_publication_date(MatchingView(texts[-1:]), head_chars=1000).to_list() == [D(2026, 1, 22)]
    # a date that starts just inside the head counts whole; one that starts after it does not
    head = "موسكو - " + "ب" * 382 + " الخميس 22 يناير 2026"
    assert head.index("الخميس") < 400 < len(head)
    assert stated_publication_date(MatchingView([head])).to_list() == [D(2026, 1, 22)]
    assert stated_publication_date(MatchingView(["ب" * 400 + " الخميس 22 يناير 2026"])).to_list() == [None]


# --- the vocabulary against dateparser's Arabic locale ---------------------------------------

def test_month_and_weekday_names_agree_with_dateparser():
    loader = pytest.importorskip("dateparser.languages.loader")
    info = loader.default_loader.get_locale("ar").info
    v = vocabulary()
    names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    for number, name in enumerate(names, start=1):
        for spelling in info[name]:
            assert v.months.get(" ".join(matching_view(spelling).split())) == number, spelling
    days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    for number, name in enumerate(days, start=1):
        for spelling in info[name]:
            assert v.weekdays.get(" ".join(matching_view(spelling).split())) == number, spelling


# --- span detection on Wojood gold DATE spans ------------------------------------------------

def _wojood() -> tuple[list[str], list[list[tuple[int, int]]]]:
    """Sentences (tokens joined by spaces) and their gold DATE spans (outermost layer that tags DATE)."""
    texts, gold = [], []
    for split in ("train", "val", "test"):
        sentence: list[list[str]] = []
        lines = (WOJOOD / f"wojood_sample_{split}.txt").read_text(encoding="utf-8").splitlines() + [""]
        for line in lines:
            parts = line.split()
            if parts:
                sentence.append(parts)
                continue
            if not sentence:
                continue
            spans, position, current = [], 0, None
            for token, *tags in sentence:
                start, position = position, position + len(token) + 1
                tag = next((t for t in tags if t.endswith("-DATE")), None)
                if tag and (tag.startswith("B-") or current is None):
                    if current:
                        spans.append(tuple(current))
                    current = [start, start + len(token)]
                elif tag:
                    current[1] = start + len(token)
                elif current:
                    spans.append(tuple(current))
                    current = None
            if current:
                spans.append(tuple(current))
            texts.append(" ".join(t[0] for t in sentence))
            gold.append(spans)
            sentence = []
    return texts, gold


def test_span_detection_on_wojood_gold():
    texts, gold = _wojood()
    assert sum(map(len, gold)) == 793  # the sample's DATE mentions (SOURCE.txt)
    found = extract_dates(MatchingView(texts), [None] * len(texts))
    predicted: dict[int, list[tuple[int, int]]] = {}
    for r, s, e in found.select("row", "start", "end").iter_rows():
        predicted.setdefault(r, []).append((s, e))

    def overlaps(span, spans):
        return any(span[0] < e and s < span[1] for s, e in spans)

    recall = sum(overlaps(g, predicted.get(i, [])) for i, spans in enumerate(gold) for g in spans) / sum(map(len, gold))
    precision = sum(overlaps(p, gold[i]) for i, spans in predicted.items() for p in spans) / found.height
    # Measured 0.788 / 0.995 (lenient overlap). Most misses are bare years without a cue ("1948"),
    # which are deliberately not taken, durations ("ثلاث سنوات") and historical periods. Never lower these.
    assert recall >= 0.78
    assert precision >= 0.99


def test_the_anchors_of_the_shared_pass_find_the_same_dates():
    # the entity finder's one Aho-Corasick pass finds the date anchors too; given them,
    # extract_dates finds what its own search of the anchors finds
    from analysis.entities import EntityFinder
    from analysis.reference import load_reference

    texts = [
        "موسكو، الخميس 22 يناير 2026: التقى ماكرون أمس أردوغان، ومن المقرر أن يلتقيه مجدداً الأسبوع المقبل.",
        "وقال في 24 فبراير 2022 إن القمة ستعقد يوم الثلاثاء المقبل، منذ 3 أيام.",
        "",
    ]
    view = MatchingView(texts)
    _, hits = EntityFinder.for_reference(load_reference()).candidates(view, events=False)
    anchors = hits.filter(pl.col("role") == "date_anchor")
    from analysis.dates import _anchor_finder

    finder = _anchor_finder()
    found = finder.find(view)
    lengths = finder.literals.str.len_chars().cast(pl.Int64).gather(found["literal"])
    expected = sorted(zip(found["row"].to_list(), found["at"].to_list(), (found["at"] + lengths).to_list()))
    assert sorted(anchors.select("row", "view_start", "view_end").iter_rows()) == expected and expected
    published = [datetime.date(2026, 1, 22), None, None]
    own = extract_dates(view, published)
    assert own.height >= 5
    assert extract_dates(view, published, anchors).equals(own)
