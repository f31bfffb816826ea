"""The people and organizations of a sentence that are no party to its meetings, dropped before each is
given to a mention: relatives and agents ("صهر الرئيس رجب طيب أردوغان"), descriptors and topics, news media,
armed forces and venues, the subjects of speech verbs, attendees, a name read as two, the senders of an
envoy, the authors of a letter handed over and who is named in a dateline.

Each ``_drop_*`` function reads ``parties`` (row, sentence, start, end, entity_id, entity_kind, ...: one row
per name) and returns the rows it keeps, with the same columns.
"""

from __future__ import annotations

import functools

import polars as pl

from ..arabic import WORD_END, text_before, text_between
from ..events import event_vocabulary
from ..reference import view_form
from .patterns import _COMPLEMENTIZER, _LETTER_WORD, _MEETING_NOUN_STEMS, _OPENING_PHRASE, CANCELLED, OPENING_PHRASE_GAP, POSTPONED, _meeting_verbs, _with_noun_verbs

RELATIONAL_GAP = 30  # "صهر الرئيس" ... name


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
    # (an organization's delegation is its side: "وسيجتمع بوفد الحوثيين", "التقى وفد حركة حماس")
    delegation = (pl.col("_r_form") == "وفد") & (pl.col("entity_kind") == "organization")
    # (a post to a country makes an office, whose holder the name is: "سفير اليابان لدى المملكة نوريهيرو أوكودا")
    posted = pl.col("_gap").str.contains(r"(?:^|\s)(?:لدى|لدي|إلى|الى)\s")
    joined = joined.with_columns((near & only_modifiers & ~delegation & ~posted).fill_null(False).alias("_related"))
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
    الاستقبال"، "بحضور"، "ورافق الوزير" in the same sentence (not after "مع" there), and who is
    named before "كان حاضرا"، "جالسا" in its clause (no "إن/أن" between), or right after "بجوار"
    that follows it."""
    attendance = cues.filter(pl.col("role") == "attendance").select("row", "sentence", pl.col("start").alias("_a_start")).sort("row", "_a_start")
    if attendance.height > 0:
        joined = parties.sort("row", "start").join_asof(attendance, left_on="start", right_on="_a_start", by="row", strategy="backward", check_sortedness=False, suffix="_a")
        # (not who is met "مع" after it: "وعقد عباس والوفد المرافق له جلسة مباحثات مع الرئيس الفرنسي")
        met_with = text_between(texts, joined["row"], joined["_a_start"].fill_null(0), joined["start"]).str.contains(r"(?:^|\s)مع\s")
        parties = joined.filter(~(pl.col("sentence_a") == pl.col("sentence")).fill_null(False) | met_with).select(parties.columns)
    presence = cues.filter(pl.col("role") == "presence").select("row", "sentence", pl.col("start").alias("_c_start"), pl.col("end").alias("_c_end"))
    if presence.height == 0:
        return parties
    pairs = parties.select("row", "sentence", "start", "end").join(presence, on=["row", "sentence"])
    before = pairs.filter(pl.col("end") <= pl.col("_c_start"))
    before = before.filter(~text_between(texts, before["row"], before["end"], before["_c_start"]).str.contains(_COMPLEMENTIZER))
    after = pairs.filter(pl.col("start") >= pl.col("_c_end"))
    after = after.filter(text_between(texts, after["row"], after["_c_end"], after["start"]).str.contains(r"^\s+(?:\S+\s+){0,3}?(?:ب|إلى\s+)?(?:جوار|جانب)\s+(?:\S+\s+){0,5}$"))
    return parties.join(pl.concat([before, after]).select("row", "start").unique(), on=["row", "start"], how="anti")


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


# "رسالة من", "رسالة خطية من الرئيس الكوري الشمالي": the words before a letter's author (no "إلى" among them)
_LETTER_FROM = r"(?:^|\s)(?:و|ف)?" + _LETTER_WORD + r"(?:\s+(?:[^\s،,.]+))?\s+(?:من|عن)\s+(?:(?:[^\s،,.]+)\s+){0,4}$"
LETTER_AUTHOR_GAP = 60  # characters from the letter to its author


def _drop_letter_authors(texts, parties) -> pl.DataFrame:
    """Drop the author of a letter someone carries or hands over: "سلم المبعوث رسالة من الرئيس كيم إلى
    الرئيس الأمريكي", "مبعوث يحمل رسالة خطية من الملك" (the envoy and the recipient met; the author was
    not there), nor its publisher."""
    # (from the letter on: "بزيارة إلى البيت الأبيض وسيسلم للرئيس رسالة من كيم")
    letter = text_before(texts, parties["row"], parties["start"], LETTER_AUTHOR_GAP).str.extract(_LETTER_FROM, 0)
    authors = letter.is_not_null() & ~letter.str.contains(r"\s(?:إلى|الى)\s").fill_null(False)
    # ... nor who published or broadcast it: "وكتب ماكرون في رسالة إلى أردوغان نشرها الإليزيه"
    published = text_before(texts, parties["row"], parties["start"], 12).str.contains(r"(?:^|\s)(?:نشر|نشرت|أصدر|أصدرت|بث|بثت|وزع|وزعت)(?:ه|ها|هما)?\s+$")
    return parties.filter(~authors & ~published)


# chairing a meeting of a body: "ترأس وزيرة الداخلية ...، اجتماعا للجنة الطوارئ" (the body's own meeting)
_CHAIRED = (
    r"(?:^|\s)(?:و|ف)?(?:س)?(?:ترأس|ترأست|يترأس|تترأس|ترأسا|يترأسان)\s+(?:[^\s.؛:]+\s+){0,8}?"
    r"(?:اجتماعا|اجتماع|الاجتماع|اجتماعات|جلسة|الجلسة)\s+(?:(?:الطارئ|الطارئة|الأسبوعي|الدوري|الاستثنائي|طارئا|دوريا)\s+)?(?:ل|لل)?$"
)
CHAIRED_GAP = 120  # characters from the verb of chairing to the body


def _drop_chaired_bodies(texts, parties) -> pl.DataFrame:
    """Drop the body whose meeting somebody chairs: "ترأس وزيرة الداخلية البريطانية، أمبر راد، اجتماعا
    للجنة الطوارئ الحكومية" is the committee's own meeting, no encounter of the chair with it."""
    left = text_before(texts, parties["row"], parties["start"], CHAIRED_GAP)
    return parties.filter(~((pl.col("entity_kind") == "organization") & left.str.contains(_CHAIRED)))


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
    # (also after "أمين", the secretary of a council, a word no title list holds alone: it is a given
    # name too: "برئاسة أمين مجلس الأمن القومي")
    descriptor = descriptor | ((pl.col("entity_kind") == "organization") & left.str.contains(r"(?:^|\s)(?:و|ف)?(?:ل|ب)?(?:أمين|امين|أمينة|امينة)\s+$"))
    topic = left.str.contains(r"(?:حول|بشأن|مناقشة|ومناقشة|أسماه|سماه|يسمى|يُسمى|بمثابة)\s+\S*\s*$")
    # "توجّه ... إلى السفارة الأمريكية": a destination, not a party
    topic = topic | ((pl.col("entity_kind") == "organization") & left.str.contains(r"(?:^|\s)(?:إلى|الى)\s+$"))
    # "مندوب المملكة لدى برنامج الغذاء العالمي": the organization somebody is posted to
    topic = topic | ((pl.col("entity_kind") == "organization") & left.str.contains(r"(?:^|\s)لدى\s+$"))
    # "قمة حلف شمال الأطلسي", "قمة مجموعة السبع": the organization whose summit it is, a forum of
    # many, not a party (also with the word in brackets: "خلال (قمة) مجموعة السبع")
    topic = topic | ((pl.col("entity_kind") == "organization") & left.str.contains(r"(?:^|\s)[(\"«]?[وفبلك]{0,2}(?:ال)?قم[ةه][)\"»]?\s+$"))
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
# a forum is where people meet, not one of them ("على هامش المنتدى الاقتصادي")
FORUMS = r"(?i)\bforum\b"


# a visit right before a seat, with at most five words (the visitor) between: its object is a place
VISITED_SEAT_GAP = 40
_VISITED = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال)?(?:زار|زارت|زارا|زاروا|يزور|تزور|سيزور|ستزور|زيارة|زيارته|زيارتها|زيارتهم|زيارات)(?:\s+[^\s،,.]+){0,5}\s+(?:(?:إلى|الى)\s+)?ل?$"


# a part of an organization's grounds or building before its name: "في حديقة البيت الأبيض"
_GROUNDS = r"(?:^|\s)(?:و|ف)?(?:في|من|ب)\s*(?:ال)?(?:حديقة|حديقه|حدائق|قاعة|قاعه|ساحة|ساحه|باحة|باحه|أروقة|اروقة|مكتب|جناح|مبنى)\s+$"


def _drop_non_parties(texts, parties, events, actors) -> pl.DataFrame:
    """Drop organizations that report or host rather than meet: news media ("(CNN)", "وكالة
    يونهاب"), armed forces (what a meeting is about: "بحث دعم القوات العراقية والحشد الشعبي"; their
    commanders and delegations meet), forums (where people meet: "على هامش المنتدى الاقتصادي"), the organization a meeting belongs to ("قمة الناتو"، "قمة آسيان"), and a venue
    ("لقاء في البيت الأبيض", "قال في تصريحات بالكرملين إنه تحدث مع", "زار الكرملين", "في حديقة البيت الأبيض")."""
    forces = pl.col("name_en").fill_null("").str.contains(ARMED_FORCES) & (pl.col("kind") == "organization")
    forums = pl.col("name_en").fill_null("").str.contains(FORUMS) & (pl.col("kind") == "organization")
    non_parties = actors.filter(pl.col("role").fill_null("").str.contains(MEDIA) | pl.col("name_en").fill_null("").str.contains(MEDIA) | forces | forums).select(
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
    # ... or where somebody stands: "في مؤتمر صحفي، أمام البيت الأبيض عقب لقاء بايدن"
    visited = visited | pl.col("entity_id").is_in(seats) & text_before(texts, parties["row"], parties["start"], 10).str.contains(r"(?:^|\s)(?:و|ف)?(?:أمام|امام|داخل|خارج)\s+$")
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


# a verb's object "بال" + meeting noun + "مع", after its subject: the subject's own meeting
_OWN_MEETING_WELCOMED = rf"^[^.،,؛:!?؟]*?\sبال(?:{_MEETING_NOUN_STEMS})\S*\s+مع\s"


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
    # a name right before the verb is no subject where "مع" or a meeting's masdar leads it ("وخلال
    # اجتماع مع أردوغان، أكد", "... عزمه التوجه إلى أنقرة للقاء أردوغان، قال") or where it is inside a
    # phrase that opens the sentence ("وبعد لقاء أردوغان وماكرون، قال")
    with_led = text_before(texts, joined["row"], joined["start"], 50).str.contains(
        r"(?:^|\s)(?:مع|(?:و|ف)?(?:ل|ب)?(?:لقاء|مقابلة|استقبال))\s+(?:[^\s،,.]+\s+){0,4}$"
    ) | text_before(texts, joined["row"], joined["start"], OPENING_PHRASE_GAP).str.contains(_OPENING_PHRASE)
    joined = joined.with_columns(particle.alias("_particle"), with_led.alias("_with_led"), pl.col("_v_start").fill_null(-1).alias("_v_at")).sort("row", "_v_at")
    # ... but who announces that a meeting is called off calls off his own: "وكان ماكرون قد أعلن في
    # رسالة إلى أردوغان إلغاء القمة"
    called_off = cues.filter(pl.col("role").is_in([CANCELLED, POSTPONED])).select("row", pl.col("sentence").alias("_c_sentence"), pl.col("start").alias("_c_start")).sort("row", "_c_start")
    joined = joined.join_asof(called_off, left_on="_v_at", right_on="_c_start", by="row", strategy="forward", check_sortedness=False)
    calls_off = ((pl.col("_c_sentence") == pl.col("sentence")) & ((pl.col("_c_start") - pl.col("_v_start")) <= CALLED_OFF_GAP)).fill_null(False)
    svo = ((pl.col("sentence_n") == pl.col("sentence")) & (((pl.col("_v_start") - pl.col("end")) <= 3) | pl.col("_particle")) & ~calls_off & ~pl.col("_with_led")).fill_null(False)
    # (who welcomes "the meeting with" others, the noun with its article, welcomes his own: "ورحب مودي
    # باللقاء مع ماكرون وأردوغان")
    own_meeting = text_between(texts, joined["row"], joined["_v_end"].fill_null(0), joined["_v_end"].fill_null(0) + 80).str.contains(_OWN_MEETING_WELCOMED)
    subject = svo | (
        (pl.col("sentence_v") == pl.col("sentence"))
        & ((pl.col("start") - pl.col("_v_end")) <= 45)
        & ~pl.Series(own_meeting).fill_null(False)
        # not after a phrase of its own: "قال الخميس عقب لقائه نظيره الألماني، هايكو ماس، إن"
        & ~pl.col("_gap").str.contains(rf"(?:^|\s)(?:(?:ب|و|ل)?(?:إن|أن|ان)(?:ه|ها|هم|هما|هن|ني|نا)?|على|في|من|إلى|الى|عن|مع|التي|الذي|عقب|بعد|قبل|خلال|لدى|إثر|اثر|أثناء|اثناء){WORD_END}|[:“«\"]")
        # ... nor after the meeting that is the verb's object: "كما أشاد ماكرون بلقاء بارو بأردوغان"
        & ~pl.col("_gap").str.contains(rf"(?:^|\s)(?:ب|ل)(?:ال)?(?:{_MEETING_NOUN_STEMS}|زيارة)\S*\s")
    ).fill_null(False)
    # "X الذي التقى Y": the relative clause on the speaker is his meeting
    lead = text_between(texts, joined["row"], joined["end"], joined["end"] + 30).str.extract(_RELATIVE_MEETING_LEAD, 1).str.len_chars()
    verbs_at = events.select("row", pl.col("start").alias("_rel_start")).unique().with_columns(pl.lit(True).alias("_own_meeting"))
    joined = joined.with_columns((pl.col("end") + lead).alias("_rel_start")).join(verbs_at, on=["row", "_rel_start"], how="left", maintain_order="left")
    return joined.filter(~(subject.fill_null(False) & ~pl.col("_own_meeting").fill_null(False))).select(parties.columns)


# what stands between a person and the meeting verb of a relative clause on him: "بومبيو الذي التقى"
_RELATIVE_MEETING_LEAD = r"^(\s*[،,]?\s*و?(?:الذي|التي|اللذان|اللذين)\s+(?:(?:كان|كانت|كانا)\s+)?(?:قد\s+)?)"
