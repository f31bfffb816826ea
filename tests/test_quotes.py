"""Quotations: speakers named, carried over, anonymous; direct quotes and reported speech."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import analysis

SEEDS = Path(__file__).parents[1] / "seeds"
# tests/data/seed_quotes.csv: speakers the seed articles quote (actor ids), and quotations whose
# speaker is checked (by their first words); names belong in data files, not in test code
SEED_QUOTES = pl.read_csv(Path(__file__).parent / "data" / "seed_quotes.csv", schema_overrides={"direct": pl.Boolean})


@pytest.fixture(scope="module")
def seeds():
    return analysis.build(SEEDS)


def test_seed_quotes_name_their_speakers(seeds):
    speakers = set(seeds.quotes["speaker_id"].drop_nulls().to_list())
    wanted = set(SEED_QUOTES["speaker_id"].to_list())
    assert len(wanted) >= 5
    assert wanted <= speakers, wanted - speakers


def test_quote_offsets_point_at_their_text(seeds):
    texts = dict(seeds.documents.select("doc_id", "text").iter_rows())
    for doc_id, start, end, text in seeds.quotes.select("doc_id", "start", "end", "text").iter_rows():
        assert texts[doc_id][start:end] == text


def test_a_direct_quote_and_its_speaker_after_it(seeds):
    checked = SEED_QUOTES.filter(pl.col("quote_starts_with").is_not_null())
    assert checked.height >= 1 and checked["direct"].any()
    for speaker_id, starts_with, direct in checked.select("speaker_id", "quote_starts_with", "direct").iter_rows():
        quote = seeds.quotes.filter(pl.col("text").str.starts_with(starts_with)).row(0, named=True)
        assert (quote["speaker_id"], quote["direct"]) == (speaker_id, direct)


def test_a_continuation_carries_the_last_speaker(build_texts):
    tables = build_texts(['قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات كانت صريحة. وأضاف أن "الباب لا يزال مفتوحاً".'])
    rows = tables.quotes.sort("start").select("speaker_id", "continuation", "direct", "text").rows()
    assert rows == [
        ("sergey-lavrov", False, False, "المحادثات كانت صريحة"),
        ("sergey-lavrov", True, True, "الباب لا يزال مفتوحاً"),
    ]


def test_what_somebody_wrote_is_a_quotation(build_texts):
    tables = build_texts(["وكتب ماكرون على منصة إكس: «المحادثات كانت صريحة»."])
    assert tables.quotes.select("speaker_id", "text").rows() == [("emmanuel-macron", "المحادثات كانت صريحة")]


def test_a_verb_with_its_own_unnamed_subject_is_not_a_continuation(build_texts):
    tables = build_texts(["قال لافروف إن المحادثات كانت صريحة. وتذكر التقارير أن الجانبين لم يتفقا."])
    assert tables.quotes["speaker_id"].to_list() == ["sergey-lavrov"]


def test_an_anonymous_source_keeps_its_affiliation(build_texts):
    tables = build_texts(["وأفاد مسؤول في البيت الأبيض بأن اللقاءات الجارية تمتاز بالإيجابية. وأكد مسؤولون أمريكيون أن الاجتماعات ستتواصل. ورجح مراقبون أمريكيون أن القمة ستنجح."])
    rows = tables.quotes.sort("start").select("speaker_id", "speaker_kind", "affiliation").rows()
    assert rows == [(None, "anonymous", "white-house"), (None, "anonymous", "US"), (None, "anonymous", "US")]
    # a bloc's adjective is its organization's; a region with none names none
    tables = build_texts(["ونقلت وكالة رويترز عن مسؤول أوروبي قوله إن الاتفاق بات قريبا. وقال مسؤول أممي إن المساعدات لم تصل. وقال مسؤول خليجي إن القمة ستعقد."])
    assert tables.quotes.sort("start")["affiliation"].to_list() == ["eu", "un", None]


def test_a_source_phrase_names_the_source(build_texts):
    tables = build_texts([
        "قُتل عشرات الآلاف، وفقاً للأمم المتحدة.",
        # after its verb ("وفق ما أعلنته"), once at its place ("بحسب" reads as بحسب and as ب + حسب)
        "ومن المقرر أن يعقد كيري اجتماعا مع الجبير، وفق ما أعلنته وزارة الخارجية الروسية.",
        "وسيناقش الطرفان التطورات الإقليمية بحسب الأمم المتحدة.",
    ])
    assert tables.quotes.sort("doc_id").select("doc_id", "speaker_id").rows() == [("d0", "un"), ("d1", "russian-foreign-ministry"), ("d2", "un")]


def test_a_verb_of_describing_reports_its_object(build_texts):
    tables = build_texts([
        "ووصف وزير الخارجية الفرنسي جان نويل بارو محادثاته مع نظيره التركي بالإيجابية.",
        # the passive ("وُصف بالضعف من قبل"): the person described says nothing
        "وتعرض الرئيس الفرنسي إيمانويل ماكرون الذي وصف من قبل معارضيه بالضعف لانتقادات.",
        "وتعرض الرئيس الفرنسي إيمانويل ماكرون الذي وصف بالضعف لانتقادات.",
    ])
    assert tables.quotes.select("doc_id", "speaker_id", "text").rows() == [("d0", "jean-noel-barrot", "محادثاته مع نظيره التركي بالإيجابية")]


def test_the_office_of_a_leader_speaks_rather_than_the_leader(build_texts):
    # the office, and "المكتب" after it, not the person named in its name
    tables = build_texts([
        "قال مكتب المستشارة الألمانية أنجيلا ميركل إنها أبلغت الرئيس الإيراني بموقفها. وقال المكتب في بيان إن المستشارة دعت إلى محادثات.",
        "وقال مكتب رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن اللقاء سيعقد في موسكو.",
    ])
    assert tables.quotes.sort("doc_id", "start")["speaker_id"].to_list() == ["german-chancellery", "german-chancellery", "israeli-pmo"]


def test_a_verb_of_relaying_gives_the_word_to_whom_it_relays(build_texts):
    tables = build_texts([
        # the minister speaks, not the agency; the clause after "إن" is what he said
        "ونقلت وكالة رويترز عن وزير الخارجية الروسي سيرغي لافروف قوله إن المحادثات كانت مفيدة.",
        "ونقلت وكالة «رويترز» قول وزير الدفاع الأميركي آشتون كارتر إن التعاون مستمر.",
        # nobody named after "عن": an anonymous source, read from there on, however long the name before
        "ونقلت وكالة الأنباء الكورية الجنوبية يونهاب عن مسؤول أمريكي قوله إن المحادثات كانت مفيدة.",
        # a name after what is said is not who is relayed
        "ونقلت وكالة رويترز عن مصادر دبلوماسية أن الرئيس التركي رجب طيب أردوغان سيزور باريس.",
        # "بحسب X، فإن ...": what X says follows "فإن"; without it, what comes before the source
        "وبحسب وزير الخارجية الروسي سيرغي لافروف، فإن المحادثات كانت مفيدة.",
        "وأعرب ماكرون عن أمله في السلام، بحسب وكالة رويترز، في إشارة إلى أن باريس تريد اتفاقا.",
    ])
    rows = tables.quotes.sort("doc_id", "start").select("doc_id", "speaker_id", "speaker_kind", "affiliation", "text").rows()
    assert rows == [
        ("d0", "sergey-lavrov", "person", None, "المحادثات كانت مفيدة"),
        ("d1", "ashton-carter", "person", None, "التعاون مستمر"),
        ("d2", None, "anonymous", "US", "المحادثات كانت مفيدة"),
        ("d3", None, "anonymous", None, "الرئيس التركي رجب طيب أردوغان سيزور باريس"),
        ("d4", "sergey-lavrov", "person", None, "المحادثات كانت مفيدة"),
        ("d5", "reuters", "organization", None, "وأعرب ماكرون عن أمله في السلام"),
    ]


def test_a_spokesman_speaks_rather_than_his_organization(build_texts):
    tables = build_texts(["علّق المتحدث باسم البيت الأبيض جون كيربي على الاجتماع، موضحًا أن واشنطن مستعدة."])
    assert set(tables.quotes["speaker_id"].to_list()) == {"john-kirby"}
    # without the name, the organization is the affiliation of an anonymous source
    tables = build_texts(["علّق المتحدث باسم البيت الأبيض على الاجتماع، موضحًا أن واشنطن مستعدة."])
    assert tables.quotes.select("speaker_id", "affiliation").rows() == [(None, "white-house")]


def test_a_title_alone_names_the_one_person_of_the_article_who_holds_such_an_office(build_texts):
    # "الوزير الأميركي": the American defense minister named before (a "Secretary of Defense")
    tables = build_texts(["التقى الملك سلمان وزير الدفاع الأميركي آشتون كارتر في جدة. وأكد الوزير الأميركي أن مباحثاته ركزت على الأمن."])
    assert tables.quotes["speaker_id"].to_list() == ["ashton-carter"]


def test_a_title_of_several_words_names_the_person_of_the_article_whose_office_it_is(build_texts):
    # the office in full, of a country ("الأمريكي") or of one of its organizations ("للبيت الأبيض")
    tables = build_texts(
        [
            "وبعد لقاء جمع بولتون مع الرئيس الروسي، أكد مستشار الأمن القومي الأمريكي في موسكو أن الرئيسين سيلتقيان.",
            "وبعد لقاء جمع بولتون مع الرئيس الروسي، أكد مستشار الأمن القومي للبيت الأبيض في موسكو أن الرئيسين سيلتقيان.",
        ]
    )
    assert tables.quotes.sort("doc_id")["speaker_id"].to_list() == ["john-bolton", "john-bolton"]


def test_a_complementizer_written_with_its_marks_opens_the_report(build_texts):
    # "أنّ" with a shadda reads as "أن": the same speakers and the same reported clauses
    plain = [
        "وأضافت الوكالة الكورية الشمالية أن المناورات بين الحليفين محاكاة لمحاولة غزو.",
        "وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات كانت مفيدة، وأكد أن بلاده مستعدة.",
    ]
    marked = [t.replace("أن ", "أنّ ").replace("إن ", "إنّ ") for t in plain]
    assert marked != plain
    quotes = build_texts(plain + marked).quotes.sort("doc_id", "start")
    read = [quotes.filter(pl.col("doc_id") == f"d{i}").select("speaker_id", "text").rows() for i in range(4)]
    assert read[0] == read[2] == [("kcna", "المناورات بين الحليفين محاكاة لمحاولة غزو")]
    assert read[1] == read[3] and [s for s, _ in read[1]] == ["sergey-lavrov", "sergey-lavrov"]


def test_offices_of_state_are_read_from_the_roles_with_their_months():
    from analysis.quotes import OPEN_END, _role_months, office_holders
    from analysis.reference import load_reference

    def month(year: int, number: int) -> int:
        return year * 12 + number - 1

    # a year alone spans its twelve months; a month names itself; an open span never ends
    assert _role_months("X (2017-2021, Mar 2025-)") == [(month(2017, 1), month(2021, 12)), (month(2025, 3), OPEN_END)]
    assert _role_months("X (2022)") == [(month(2022, 1), month(2022, 12))]
    assert _role_months("X (Sept 2024-Dec 2024)") == [(month(2024, 9), month(2024, 12))]
    assert _role_months("X") == [(0, OPEN_END)]
    offices = office_holders(load_reference())
    rows = set(offices.select("actor_id", "office", "first", "last").iter_rows())
    # the American Secretary of State and the British Foreign Secretary are foreign ministers, also
    # a bare office after another role; the month of a change belongs to both holders
    assert ("antony-blinken", "foreign minister", month(2021, 1), month(2025, 1)) in rows
    assert ("yvette-cooper", "foreign minister", month(2025, 9), OPEN_END) in rows
    assert ("keir-starmer", "prime minister", month(2024, 7), OPEN_END) in rows
    assert ("boris-johnson", "foreign minister", month(2016, 7), month(2018, 7)) in rows
    assert ("ben-wallace", "defense minister", month(2019, 7), month(2023, 8)) in rows
    assert ("amber-rudd", "interior minister", month(2016, 1), month(2018, 12)) in rows
    # an office named in full ("president of the presidium ..." is no "president"), and none that
    # is not the state's ("opposition leader")
    assert not any(a == "kim-yong-nam" and o == "president" for a, o, _, _ in rows)
    assert offices.filter(pl.col("office").str.contains("opposition")).height == 0


def test_a_subject_named_with_its_title_after_kana_speaks(build_texts):
    tables = build_texts(["وكان رئيس كوريا الجنوبية مون جيه-إن قال في وقت سابق إن القمة ممكنة."])
    assert tables.quotes["speaker_id"].to_list() == ["moon-jae-in"]


def test_the_name_whose_statement_it_is_speaks_not_the_last_speaker(build_texts):
    first = "قال نائب وزير الخارجية الروسي ميخائيل بوغدانوف إن المشاورات ستجري في نيويورك."
    tables = build_texts([
        first + " وفي تصريح سابق لوزير الخارجية الأميركي جون كيري قال إنه يعتزم بحث الأزمة السورية عندما يلتقي مع نظيره الروسي سيرغي لافروف في قطر.",
        # (the name itself with ل)
        first + " وفي مقابلة لكيري قال إن الاتفاق جيد.",
    ])
    speakers = tables.quotes.sort("doc_id", "start").select("doc_id", "speaker_id").rows()
    assert speakers == [("d0", "mikhail-bogdanov"), ("d0", "john-kerry"), ("d1", "mikhail-bogdanov"), ("d1", "john-kerry")]


def test_a_continuation_of_a_continuation_keeps_the_subject_of_the_sentence_before(build_texts):
    # "وأكد أن" continues the subject of the sentence before it (a sentence after one that ends in
    # "في المنطقة.": that preposition is not before the subject), and "مشيرا إلى أن" continues "وأكد"
    tables = build_texts([
        "استعرض الرئيس الفرنسي إيمانويل ماكرون والمستشارة الألمانية أنغيلا ميركل العلاقات في المنطقة.\n"
        "وعبر ماكرون عن إيمانه بدور أوروبا.\n"
        "وأكد أن قراءة فرنسا للتطورات هي قراءتنا، مشيرا إلى أنه من خلال العمل المشترك يمكن تحقيق الكثير.",
        # a name inside what "وأكد" reports is not the subject "مشيرا" continues; and "وأضاف" continues "مشيرا"
        "وعبرت المستشارة الألمانية أنغيلا ميركل عن ارتياحها.\n"
        "وأكدت أن الرئيس الفرنسي إيمانويل ماكرون سيزور برلين، مشيرة إلى أن المحادثات ستتناول الهجرة.\n"
        "وأضافت أن الاتحاد الأوروبي موحد.",
    ])
    rows = tables.quotes.sort("doc_id", "start").select("doc_id", "speaker_id", "continuation", "text").rows()
    assert rows == [
        ("d0", "emmanuel-macron", True, "قراءة فرنسا للتطورات هي قراءتنا"),
        ("d0", "emmanuel-macron", True, "من خلال العمل المشترك يمكن تحقيق الكثير"),
        ("d1", "angela-merkel", True, "الرئيس الفرنسي إيمانويل ماكرون سيزور برلين"),
        ("d1", "angela-merkel", True, "المحادثات ستتناول الهجرة"),
        ("d1", "angela-merkel", True, "الاتحاد الأوروبي موحد"),
    ]


def test_a_deputy_minister_named_by_title_alone_is_the_one_the_article_introduced(build_texts):
    first = "قال نائب وزير الخارجية الروسي ميخائيل بوغدانوف إن المشاورات ستجري في نيويورك."
    tables = build_texts([
        # "نائب الوزير الروسي", "نائب الوزير": the deputy minister named before
        first + ' وقال نائب الوزير الروسي "لقد أعربنا عن استعدادنا". وقال نائب الوزير إن هذه محاولة شريرة.',
        # the title with no country: the one person introduced with it ...
        first + " وقال نائب وزير الخارجية إن الحوار مستمر.",
        # ... not when the article introduced two
        first + " والتقى نائب وزير الخارجية الأمريكي توماس شانون نظيره. وقال نائب وزير الخارجية إن الحوار مستمر.",
        # a title is the name's that a comma sets off after its complements, however long they are
        # ("الرئيس" heads a committee here; he is not the president named before)
        "قال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد. وقال الرئيس الجمهوري للجنة العلاقات الخارجية بمجلس الشيوخ الأميركي، جون ماكين، إن الاتفاق سيئ.",
    ])
    speakers = tables.quotes.sort("doc_id", "start").select("doc_id", "speaker_id").rows()
    assert speakers == [("d0", "mikhail-bogdanov")] * 3 + [("d1", "mikhail-bogdanov")] * 2 + [("d2", "mikhail-bogdanov"), ("d3", "barack-obama"), ("d3", "john-mccain")]


def test_a_state_or_a_name_after_amma_before_the_verb_speaks(build_texts):
    tables = build_texts([
        # a state right before its verb ("وكانت كوريا الشمالية قالت"), not the subject of the sentence before
        "ووصل رئيس كوريا الجنوبية مون جيه إن إلى البيت الأبيض. وكانت كوريا الشمالية قالت إنها تعيد النظر في عقد القمة. وأضافت أنها ستنسحب من الحوار.",
        # "أما X فقال": as for X, he said
        "قال أوباما إن القمة ناجحة. أما رئيس الوزراء الياباني، شينزو آبي فقال إنه طلب المساعدة.",
    ])
    rows = tables.quotes.sort("doc_id", "start").select("doc_id", "speaker_id", "speaker_kind").rows()
    assert rows == [
        ("d0", "north-korea", "place"), ("d0", "north-korea", "place"),
        ("d1", "barack-obama", "person"), ("d1", "shinzo-abe", "person"),
    ]


def test_says_after_its_own_subject_continues_nobody(build_texts):
    # "تقول" after words of its sentence has its subject there, named or not; "ليقول" (to say) does continue
    tables = build_texts([
        "قال الرئيس الفرنسي إيمانويل ماكرون إن القمة ناجحة. لكن مراسلة الصحيفة في باريس، سارة لوبان، تقول إن القمة فشلت.",
        "قال الرئيس الفرنسي إيمانويل ماكرون إن القمة ناجحة. واستطرد ليقول إن الحوار مستمر.",
    ])
    rows = tables.quotes.sort("doc_id", "start").select("doc_id", "speaker_id", "text").rows()
    assert rows == [("d0", "emmanuel-macron", "القمة ناجحة"), ("d1", "emmanuel-macron", "القمة ناجحة"), ("d1", "emmanuel-macron", "الحوار مستمر")]


def test_a_relative_pronoun_agreeing_with_its_verb_takes_up_the_speaker(build_texts):
    tables = build_texts([
        "وعقد الوزراء اجتماعا في الدوحة، وفق ما نقلته وكالة الأنباء القطرية، التي أشارت إلى أن جدول الأعمال يتناول القضايا الراهنة.",
        # the verb does not agree with "الذي": its subject is the charges, not the one before it
        "لكن بالنسبة لماكرون، الذي أفادت لائحة اتهامات صدرت مؤخرا، أن فوزه حصل على دعم، فإن القمة محفوفة بالمخاطر.",
    ])
    rows = tables.quotes.sort("doc_id", "start").select("doc_id", "speaker_id", "text").rows()
    assert rows == [("d0", "qatari-news-agency", "وعقد الوزراء اجتماعا في الدوحة"), ("d0", "qatari-news-agency", "جدول الأعمال يتناول القضايا الراهنة")]


def test_a_participle_of_announcing_continues_the_subject_of_its_sentence(build_texts):
    tables = build_texts(["بعد أسبوع من إعلانه إلغاء القمة، تراجع الرئيس الفرنسي إيمانويل ماكرون عن قراره، معلنا أن القمة ستجري في موعدها."])
    assert tables.quotes.select("speaker_id", "text").rows() == [("emmanuel-macron", "القمة ستجري في موعدها")]


def test_a_refused_telling_is_no_report(build_texts):
    # "رفض ... كشف تفاصيل": nothing was told, so "لكنه أكد" continues the subject of that sentence
    tables = build_texts([
        "ورفض ماكرون كشف تفاصيل أجواء اتصاله الهاتفي مع أوباما الذي وصفته واشنطن \"بالرهيب\"، حسب وكالة رويترز. "
        "لكنه أكد أنه \"سيجري خلال القمة مناقشة مفيدة وصريحة مع الرئيس أوباما\"."
    ])
    rows = tables.quotes.sort("start").select("speaker_id", "verb").rows()
    assert ("emmanuel-macron", "اكد") in rows
    assert not any(verb == "كشف" for _, verb in rows)


def test_a_countrys_official_agency_named_by_description_is_its_state_news_agency(build_texts):
    tables = build_texts([
        "من جهتها قالت الوكالة الرسمية في كوريا الشمالية إن الولايات المتحدة عليها التفكير مليا.",
        "وقالت وكالة الأنباء الرسمية السعودية إن الاجتماع كان مثمرا.",
        # (two state agencies: neither)
        "وقالت الوكالة الرسمية في روسيا إن الاجتماع كان مثمرا.",
    ])
    speakers = dict(tables.quotes.select("doc_id", "speaker_id").iter_rows())
    assert speakers.get("d0") == "kcna" and speakers.get("d1") == "spa"
    assert speakers.get("d2") not in {"tass", "ria-novosti"}
    # the country after "في" stays a place, and every speaker is an actor
    assert ("d0", "north-korea") in set(tables.mentions.select("doc_id", "entity_id").iter_rows())
    assert {"kcna", "spa"} <= set(tables.actors["actor_id"].to_list())


def test_an_anaphor_whose_head_begins_with_waw_takes_up_its_organization(build_texts):
    # "الوزارة": the ministry named before ("وزارة" is no و + "زارة")
    tables = build_texts(["وقالت وزارة الداخلية في بيان إن الهدف ضمان الأمن. وسينظم احتجاج يوم الأحد. وأفادت الوزارة أن الضوابط ستطبق."])
    assert tables.quotes.sort("start").select("speaker_id", "text").rows() == [
        ("interior-ministry", "الهدف ضمان الأمن"), ("interior-ministry", "الضوابط ستطبق"),
    ]


def test_a_source_named_in_quotation_marks_opens_no_quotation(build_texts):
    tables = build_texts([
        "وقالت صحيفة \"نيويورك تايمز\" إن وجهة القمة مدينة يمكن السفر لها بالقطار.",
        "وقالت «نيويورك تايمز» إن وجهة القمة مدينة يمكن السفر لها بالقطار.",
        # ... but a quotation that opens with a name is one, of the speaker before
        "وقالت الرئاسة الفرنسية إن الاجتماع مهم. وأضافت \"أردوغان يجب أن يشعر بأننا نحرز تقدما\".",
    ])
    rows = tables.quotes.sort("doc_id", "start").select("doc_id", "speaker_id", "text").rows()
    assert rows == [
        ("d0", "new-york-times", "وجهة القمة مدينة يمكن السفر لها بالقطار"),
        ("d1", "new-york-times", "وجهة القمة مدينة يمكن السفر لها بالقطار"),
        ("d2", "elysee", "الاجتماع مهم"),
        ("d2", "elysee", "أردوغان يجب أن يشعر بأننا نحرز تقدما"),
    ]


def test_an_organization_speaks_even_when_what_it_says_names_a_person(build_texts):
    # the person after "إن" is in what is said, not the speaker named after the organization
    tables = build_texts(["وقال البيت الأبيض إن ماكرون سيزور باريس.", "وقال المتحدث باسم البيت الأبيض جون كيربي إن الاجتماع مهم."])
    assert tables.quotes.sort("doc_id").select("doc_id", "speaker_id", "text").rows() == [
        ("d0", "white-house", "ماكرون سيزور باريس"), ("d1", "john-kirby", "الاجتماع مهم"),
    ]
