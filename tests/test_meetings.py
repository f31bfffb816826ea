"""Who met whom: meetings in the seeds and in real-style sentences, merged across articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

import analysis

SEEDS = Path(__file__).parents[1] / "seeds"
# tests/data/seed_meetings.csv: the people of the seed meetings these tests look for (actor ids by
# meeting and role); names belong in data files, not in test code
SEED_MEETINGS = pl.read_csv(Path(__file__).parent / "data" / "seed_meetings.csv")


def people(meeting: str, role: str = "party") -> list[str]:
    """The actor ids of tests/data/seed_meetings.csv for one meeting and role, in file order."""
    found = SEED_MEETINGS.filter((pl.col("meeting") == meeting) & (pl.col("role") == role))["actor_id"].to_list()
    assert found, f"tests/data/seed_meetings.csv has no {role} for {meeting!r}"
    return found


@pytest.fixture(scope="module")
def seeds():
    return analysis.build(SEEDS)


def meetings_with(tables, *actors: str) -> pl.DataFrame:
    frame = tables.meetings
    for actor in actors:
        frame = frame.filter(pl.col("participants").list.contains(actor))
    return frame


def _mention_parties(tables) -> dict[str, list[str]]:
    """doc_id -> the sorted participants of its meeting mention (one mention per test sentence)."""
    return {doc: sorted(p) for doc, p in tables.meeting_mentions.select("doc_id", "participants").iter_rows()}


def test_the_five_hour_moscow_meeting_is_one_meeting_reported_three_times(seeds):
    assert len(people("moscow")) == 3
    found = meetings_with(seeds, *people("moscow")).filter(pl.col("duration_minutes") == 300)
    assert found.height == 1
    meeting = found.row(0, named=True)
    assert meeting["n_docs"] == 3 and meeting["place_id"] == "moscow-ru" and meeting["status"] == "held"
    # no article dates it: the merge rests on place, weekday and duration, and says so
    assert meeting["uncertain"] and "place" in meeting["merge_basis"]


def test_the_january_visit_is_another_meeting_dated_from_the_text(seeds):
    assert len(people("january_visit")) == 2
    found = meetings_with(seeds, *people("january_visit")).filter(pl.col("date") == pl.date(2026, 1, 22))
    assert found.height == 1
    assert found["status"][0] in ("planned", "held") and found["n_docs"][0] == 1


def test_the_miami_talks_and_the_alaska_summit_are_found(seeds):
    assert len(people("miami_ukrainians")) == 3 and len(people("miami_russian_fund")) == 3
    assert meetings_with(seeds, *people("miami_ukrainians")).filter(pl.col("place_id") == "miami-us").height == 1
    assert meetings_with(seeds, *people("miami_russian_fund")).filter(pl.col("place_id") == "miami-us").height == 1
    assert len(people("alaska")) == 2
    alaska = meetings_with(seeds, *people("alaska"))
    assert alaska.height == 1 and alaska["status"][0] == "held"


def test_the_denied_meeting_is_not_a_meeting(seeds):
    denied = seeds.meeting_mentions.filter(pl.col("status") == "denied")
    a, b = people("denied")
    assert denied.filter(pl.col("participants").list.contains(a) & pl.col("participants").list.contains(b)).height == 1
    assert denied["meeting_id"].null_count() == denied.height
    # the only meeting of the two is the Alaska summit (the same pair in tests/data/seed_meetings.csv)
    assert sorted(people("alaska")) == sorted(people("denied"))
    assert meetings_with(seeds, a, b)["date_text"].to_list() == ["أغسطس"]


def test_relatives_and_speakers_are_not_participants(seeds):
    moscow = meetings_with(seeds, *people("moscow")).filter(pl.col("n_docs") == 3)
    participants = moscow["participants"][0].to_list()
    [relative] = people("moscow", "relative")
    [speaker] = people("moscow", "speaker")
    assert relative not in participants  # named after "صهر الرئيس": a party is his son-in-law
    assert speaker not in participants  # he describes the talks


def test_edges_count_meetings_per_pair(seeds):
    a, b = sorted(people("january_visit"))
    edge = seeds.meeting_edges.filter((pl.col("actor_a") == a) & (pl.col("actor_b") == b))
    assert edge["n_meetings"][0] == meetings_with(seeds, a, b).height
    a, b = sorted(people("alaska"))
    assert seeds.meeting_edges.filter((pl.col("actor_a") == a) & (pl.col("actor_b") == b))["n_meetings"][0] == 1


def test_every_seed_pair_is_one_the_texts_support(seeds):
    # tests/data/seed_pairs.csv: the pairs a careful reading of the seeds finds (actor ids)
    supported = pl.read_csv(Path(__file__).parent / "data" / "seed_pairs.csv")
    wanted = set(supported.select("actor_a", "actor_b").iter_rows())
    found = set(seeds.meeting_edges.select("actor_a", "actor_b").iter_rows())
    assert found <= wanted, found - wanted
    assert len(found) >= 0.9 * len(wanted), wanted - found


def test_a_negated_meeting_is_not_a_meeting(build_texts):
    tables = build_texts(["وقال المتحدث باسم الإليزيه إنه لا توجد خطط لعقد لقاء بين ماكرون وأردوغان في الوقت الراهن."])
    assert tables.meetings.height == 0
    assert tables.meeting_mentions["status"].to_list() == ["denied"]
    # without the negation the same sentence is a planned meeting of the two
    tables = build_texts(["وقال المتحدث باسم الإليزيه إنه توجد خطط لعقد لقاء بين ماكرون وأردوغان في الوقت الراهن."])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["emmanuel-macron", "recep-tayyip-erdogan"]]
    # a refusal to meet is a denial; a refusal to comment on a meeting is not
    tables = build_texts(["ويرفض ماكرون لقاء أردوغان.", "وامتنع ماكرون عن لقاء أردوغان.", "ورفض ماكرون التعليق على لقائه مع أردوغان أمس."])
    assert tables.meeting_mentions.sort("doc_id")["status"].to_list() == ["denied", "denied", "held"]
    # so is a meeting said to be unlikely, or that nothing points to (not a likely one)
    tables = build_texts(
        ["ومن غير المرجح أن يلتقي ماكرون أردوغان.", "وليس هناك ما يشير إلى لقاء بين ماكرون وأردوغان.", "ومن المرجح أن يلتقي ماكرون أردوغان."]
    )
    assert tables.meeting_mentions.sort("doc_id")["status"].to_list() == ["denied", "denied", "planned"]


def test_a_planned_meeting_with_date_place_and_counterpart(build_texts):
    tables = build_texts(
        ["من المقرر أن يلتقي وزير الخارجية الأمريكي أنتوني بلينكن نظيره الروسي سيرغي لافروف في جنيف يوم الخميس."],
        published=["2025-12-06"],
    )
    meeting = tables.meetings.row(0, named=True)
    # published on Saturday 6 December 2025: the coming Thursday
    assert (meeting["status"], meeting["place_id"], meeting["date"].isoformat()) == ("planned", "geneva-ch", "2025-12-11")
    assert set(meeting["participants"]) == {"antony-blinken", "sergey-lavrov"}


def test_a_meeting_that_may_be_held_is_planned(build_texts):
    tables = build_texts(
        [
            "وأكد الرئيس الفرنسي إيمانويل ماكرون أن اجتماعا مع الرئيس التركي رجب طيب أردوغان قد يعقد في جنيف.",
            "وقد عقد الرئيس الفرنسي إيمانويل ماكرون اجتماعا مع الرئيس التركي رجب طيب أردوغان في باريس.",
        ]
    )
    assert dict(tables.meeting_mentions.filter(pl.col("participants").list.len() == 2).select("doc_id", "status").iter_rows()) == {"d0": "planned", "d1": "held"}


def test_a_date_that_points_forward_makes_a_meeting_planned_without_a_publication_date(build_texts):
    sides = "الرئيس الفرنسي إيمانويل ماكرون قمة مع الرئيس التركي رجب طيب أردوغان"
    tables = build_texts([f"ويعقد {sides} الأسبوع المقبل.", f"وعقد {sides} الأسبوع الماضي."])
    assert dict(tables.meeting_mentions.select("doc_id", "status").iter_rows()) == {"d0": "planned", "d1": "held"}


def test_a_meeting_called_for_is_planned_not_one_held_besides(build_texts):
    tables = build_texts(
        [
            "ودعا الرئيس الفرنسي إيمانويل ماكرون إلى عقد اجتماع مع الرئيس التركي رجب طيب أردوغان.",
            "وإضافة إلى عقد قمة مع الرئيس الفرنسي إيمانويل ماكرون، التقى الرئيس التركي رجب طيب أردوغان المستشار الألماني.",
        ]
    )
    statuses = dict(tables.meeting_mentions.filter(pl.col("participants").list.len() > 0).select("doc_id", "status").unique("doc_id").iter_rows())
    assert statuses == {"d0": "planned", "d1": "held"}


def test_who_welcomes_a_summit_between_two_others_is_no_party(build_texts):
    sides = "بين الرئيس التركي رجب طيب أردوغان والمستشار الألماني فريدريش ميرتس"
    tables = build_texts(
        [
            f"ورحب الرئيس الفرنسي إيمانويل ماكرون بعقد قمة {sides}.",
            f"ورحب الرئيس الفرنسي إيمانويل ماكرون بالقمة {sides}.",
            # who holds it is a party, and so is who welcomes a meeting with somebody
            f"وعقد الرئيس الفرنسي إيمانويل ماكرون قمة {sides} في باريس.",
            "ورحب الرئيس الفرنسي إيمانويل ماكرون بعقد اجتماع مع الرئيس التركي رجب طيب أردوغان.",
        ]
    )
    parties = _mention_parties(tables)
    assert parties == {
        "d0": ["friedrich-merz", "recep-tayyip-erdogan"],
        "d1": ["friedrich-merz", "recep-tayyip-erdogan"],
        "d2": ["emmanuel-macron", "friedrich-merz", "recep-tayyip-erdogan"],
        "d3": ["emmanuel-macron", "recep-tayyip-erdogan"],
    }


def test_the_people_a_meeting_noun_is_said_of_are_its_parties_alone(build_texts):
    tables = build_texts(
        [
            # "اجتماع قمة" is one meeting word; the speaker and the one his title names are no parties
            "وقال منسق العلاقات في الائتلاف الحاكم، الذي يتزعمه المستشار الألماني فريدريش ميرتس، بيتر باير، "
            "لصحيفة ألمانية، إنه لم يتم إشراك الحلفاء في التخطيط لاجتماع قمة ماكرون وأردوغان في أنقرة.",
            "ورحب رئيس الوزراء الهندي ناريندرا مودي بلقاء الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان.",
            # with the article the noun names no one after it: who welcomes it with them is a party
            "ورحب رئيس الوزراء الهندي ناريندرا مودي باللقاء مع ماكرون وأردوغان.",
        ]
    )
    parties = _mention_parties(tables)
    assert parties == {
        "d0": ["emmanuel-macron", "recep-tayyip-erdogan"],
        "d1": ["emmanuel-macron", "recep-tayyip-erdogan"],
        "d2": ["emmanuel-macron", "narendra-modi", "recep-tayyip-erdogan"],
    }
    assert tables.meeting_mentions.filter(pl.col("doc_id") == "d0")["trigger"].to_list() == ["اجتماع قمه"]


def test_a_joint_press_conference_is_a_meeting_a_press_conference_alone_is_not(build_texts):
    tables = build_texts(
        [
            "وقال الرئيس الفرنسي إيمانويل ماكرون خلال مؤتمر صحافي مشترك مع رئيس الوزراء الياباني فوميو كيشيدا في باريس إن السلام ممكن.",
            "وقال الرئيس الفرنسي إيمانويل ماكرون خلال مؤتمر صحافي في باريس إن رئيس الوزراء الياباني فوميو كيشيدا صديق.",
        ]
    )
    assert _edges(tables) == {("emmanuel-macron", "fumio-kishida")}
    assert tables.meetings.explode("doc_ids")["doc_ids"].to_list() == ["d0"]


def test_a_phone_call_has_its_mode(build_texts):
    tables = build_texts(["أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالاً هاتفياً مع الرئيس الأمريكي جو بايدن بحثا خلاله الحرب في أوكرانيا."])
    meeting = tables.meetings.row(0, named=True)
    assert (meeting["mode"], meeting["status"], meeting["place_id"]) == ("phone", "held", None)
    assert set(meeting["participants"]) == {"emmanuel-macron", "joe-biden"}
    # ... also received, with tanween on both words
    tables = build_texts(["وتلقى الرئيس الفرنسي إيمانويل ماكرون اتصالاً هاتفياً من الرئيس الأمريكي جو بايدن."])
    assert [(sorted(p), m) for p, m in tables.meetings.select("participants", "mode").rows()] == [(["emmanuel-macron", "joe-biden"], "phone")]
    # "اتصال" is a meeting word and a word of talking with somebody: one mention, one call
    tables = build_texts(["واكتفى الرئيس الفرنسي إيمانويل ماكرون في اتصال هاتفي مع الرئيس الأمريكي جو بايدن مساء أمس بإبلاغه أنه يتابع الموضوع."])
    assert tables.meeting_mentions.height == 1
    assert [(sorted(p), m) for p, m in tables.meetings.select("participants", "mode").rows()] == [(["emmanuel-macron", "joe-biden"], "phone")]
    # ... or a call alone, and its longer form is one mention: "مكالمات هاتفية" (not also "مكالمات")
    tables = build_texts([
        "وأجرى وزير الخارجية الفرنسي جان نويل بارو مكالمة مع الرئيس التركي رجب طيب أردوغان بحثا فيها القمة المقبلة.",
        "وأجرى الرئيس الفرنسي إيمانويل ماكرون مكالمات هاتفية مع الرئيس التركي رجب طيب أردوغان.",
        "واتصل الرئيس الفرنسي إيمانويل ماكرون بالرئيس التركي رجب طيب أردوغان أمس.",
    ])
    calls = tables.meeting_mentions.filter(pl.col("participants").list.len() == 2).sort("doc_id")
    assert calls.select("doc_id", "trigger", "status").rows() == [("d0", "اجري مكالمه", "held"), ("d1", "اجري مكالمات هاتفيه", "held"), ("d2", "اتصل", "held")]
    # ... with a pronoun or the article: "أجواء اتصاله الهاتفي مساء الخميس مع ..."; and a refusal to tell
    # of it denies nothing
    tables = build_texts(["ورفض الرئيس الفرنسي إيمانويل ماكرون كشف تفاصيل أجواء اتصاله الهاتفي مساء الخميس مع الرئيس الأمريكي جو بايدن."])
    assert [(sorted(p), m, s) for p, m, s in tables.meetings.select("participants", "mode", "status").rows()] == [(["emmanuel-macron", "joe-biden"], "phone", "held")]
    # the adjective of talks by phone or by video
    tables = build_texts(["وأجرى ماكرون مباحثات هاتفية مع أردوغان.", "وعقد ماكرون وأردوغان قمة مرئية."])
    assert tables.meeting_mentions.sort("doc_id")["mode"].to_list() == ["phone", "video"]


def test_the_venue_right_after_the_last_of_a_long_list_of_parties(build_texts):
    leaders = "رئيس الوزراء البريطاني كير ستارمر والرئيس الفرنسي إيمانويل ماكرون والمستشار الألماني فريدريش ميرتس"
    tables = build_texts(
        [
            f"ويلتقي {leaders} برئيس الوزراء الكندي مارك كارني في لندن.",
            f"ويلتقي {leaders} بالرئيس الأوكراني في لندن.",
            # (not after somebody who is no party, nor in another clause)
            f"ويلتقي {leaders} برئيس الوزراء الكندي مارك كارني لبحث تصريحات نائب الرئيس الأمريكي جي دي فانس في ميونخ.",
            f"ويلتقي {leaders} برئيس الوزراء الكندي مارك كارني؛ وكان كارني في روما.",
        ],
        published=["2025-12-03"] * 4,
    )
    assert tables.meeting_mentions.sort("doc_id")["place_id"].to_list() == ["london-gb", "london-gb", None, None]


def test_the_host_is_the_party_of_the_venues_country(build_texts):
    tables = build_texts(["استقبل ولي العهد السعودي الأمير محمد بن سلمان في الرياض وزير الخارجية الأمريكي أنتوني بلينكن، واستمر اللقاء ساعتين."])
    meeting = tables.meetings.row(0, named=True)
    assert meeting["host"] == "mohammed-bin-salman" and meeting["place_id"] == "riyadh-sa"
    assert meeting["duration_minutes"] == 120 and meeting["mode"] == "in_person"


def test_a_capital_or_state_that_hosts_talks_between_others_is_no_side(build_texts):
    tables = build_texts(
        [
            "ومن المقرر أن تستضيف أبوظبي جولة جديدة من المفاوضات الثلاثية بين روسيا وأوكرانيا والولايات المتحدة.",
            "واستضافت الإمارات محادثات بين روسيا وأوكرانيا.",
            # (a capital that holds them is a side)
            "وعقدت بيونغيانغ محادثات مع سول.",
        ],
        published=["2026-01-22"] * 3,
    )
    assert _mention_parties(tables) == {
        "d0": ["state-russia", "state-ukraine", "state-united-states"], "d1": ["state-russia", "state-ukraine"], "d2": ["state-north-korea", "state-south-korea"],
    }


def test_a_second_state_named_by_its_adjective_alone_is_a_side(build_texts):
    # "كوريا الشمالية والجنوبية": North and South Korea, as sides, by their leaders or their ministers
    tables = build_texts(
        [
            "وعقدت محادثات بين كوريا الشمالية والجنوبية.",
            "وجاء ذلك بعد القمة بين زعماء كوريا الشمالية والجنوبية.",
            "واجتمع وزيرا خارجية كوريا الجنوبية والشمالية أمس.",
            "وعقدت محادثات بين كوريا الجنوبية والشمالية.",
        ],
        published=["2018-04-20"] * 4,
    )
    ministers = sorted(tables.meeting_mentions.filter(pl.col("doc_id") == "d2")["participants"].item())
    assert tables.actors.filter(pl.col("actor_id").is_in(ministers))["country"].sort().to_list() == ["KP", "KR"]
    found = _mention_parties(tables)
    assert found["d0"] == found["d3"] == ["state-north-korea", "state-south-korea"]
    assert len(found["d1"]) == 2 and found["d1"] != found["d0"]


def test_the_same_people_in_the_same_city_a_month_apart_are_two_meetings(build_texts):
    december = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي هاكان فيدان في موسكو يوم الثلاثاء."
    january = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي هاكان فيدان في موسكو يوم الخميس."
    tables = build_texts([december, december, january], published=["2025-12-03", "2025-12-04", "2026-01-23"])
    dates = sorted(tables.meetings["date"].to_list())
    assert len(dates) == 2 and tables.meetings.sort("date")["n_docs"].to_list() == [2, 1]
    assert [d.isoformat() for d in dates] == ["2025-12-02", "2026-01-22"]


def test_a_phone_call_is_not_the_talks_at_a_summit_to_come(build_texts):
    call = "ورفض الرئيس الفرنسي إيمانويل ماكرون كشف تفاصيل اتصاله الهاتفي مساء الخميس مع الرئيس التركي رجب طيب أردوغان. "
    pair = ["emmanuel-macron", "recep-tayyip-erdogan"]
    # (the talks to come are in person by the summit they are held at, or by the verb)
    for coming, mode in (("لكنه أكد أنه سيجري خلال قمة مجموعة العشرين مناقشة صريحة مع الرئيس أردوغان.", None), ("لكنه أكد أنه سيستقبل أردوغان قريبا.", "in_person")):
        tables = build_texts([call + coming], published=["2025-12-03"])
        found = tables.meetings.sort("status").select("status", "mode", pl.col("participants").list.sort()).rows()
        assert found == [("held", "phone", pair), ("planned", mode, pair)]


def test_a_verb_that_goes_on_after_a_comma_has_the_subject_of_its_sentence(build_texts):
    tables = build_texts(
        [
            "وأجرى وزير الدفاع الأمريكي أشتون كارتر بعد وصوله إلى بغداد لقاءات مع رئيس الوزراء حيدر العبادي، "
            "وعقد اجتماعا مع رئيس مجلس النواب سليم الجبوري.",
            "التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في أنقرة، ثم اجتمع مع رئيس البرلمان التركي نعمان قورتولموش.",
            # (a verb with a subject of its own)
            "التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان، واجتمع ميرتس مع ستارمر.",
        ]
    )
    named = tables.meeting_mentions.filter(pl.col("participants").list.len() > 0).sort("doc_id", "start")
    second = named.group_by("doc_id", maintain_order=True).agg(pl.col("participants").get(1).list.sort())
    assert dict(second.rows()) == {
        "d0": ["ashton-carter", "salim-al-jubouri"], "d1": ["emmanuel-macron", "numan-qourtoulmoush"], "d2": ["friedrich-merz", "keir-starmer"],
    }


def test_a_verb_that_goes_on_with_an_object_alone_has_the_subject_of_its_sentence_and_leaves_the_venue_before(build_texts):
    tables = build_texts(
        [
            "التقى وزير الخارجية الروسي سيرغي لافروف نظيره السعودي عادل الجبير في الدوحة، على أن يلتقي الأسبوع المقبل المبعوث الدولي ستيفان دي ميستورا.",
            "التقى وزير الخارجية الروسي سيرغي لافروف نظيره السعودي عادل الجبير في الدوحة، ويلتقي غدا المبعوث الدولي ستيفان دي ميستورا.",
            # (a verb with a subject and an object of its own)
            "التقى وزير الخارجية الروسي سيرغي لافروف نظيره السعودي عادل الجبير في الدوحة، ويلتقي المبعوث الدولي ستيفان دي ميستورا غدا بالرئيس السوري بشار الأسد.",
            # (a day between the verb and "مع"; two verbs of meeting are two mentions)
            "التقى لافروف الجبير في الدوحة، ويجتمع غدا مع المبعوث الدولي ستيفان دي ميستورا.",
            # (but a visit holds the meeting that follows it)
            "وأعلن أن وزير الخارجية الإيراني محمد جواد ظريف سيزور موسكو في 14 أغسطس، ويلتقي بنظيره الروسي سيرغي لافروف.",
            # (one named right after the verb is its subject)
            "التقى وزير الخارجية الروسي سيرغي لافروف نظيره السعودي عادل الجبير في الدوحة، ويلتقي المبعوث الدولي ستيفان دي ميستورا غدا في دمشق.",
        ],
        published=["2015-08-10"] * 6,
    )
    found = tables.meeting_mentions.sort("doc_id", "start").select("doc_id", pl.col("participants").list.sort(), "place_id").rows()
    first = (["adel-al-jubeir", "sergey-lavrov"], "doha-qa")
    assert found == [
        ("d0", *first), ("d0", ["sergey-lavrov", "staffan-de-mistura"], None),
        ("d1", *first), ("d1", ["sergey-lavrov", "staffan-de-mistura"], None),
        ("d2", *first), ("d2", ["bashar-al-assad", "staffan-de-mistura"], None),
        ("d3", *first), ("d3", ["sergey-lavrov", "staffan-de-mistura"], None),
        ("d4", ["mohammad-javad-zarif", "sergey-lavrov"], "moscow-ru"),
        ("d5", *first), ("d5", ["staffan-de-mistura"], "damascus-sy"),
    ]


def test_a_meeting_in_a_country_and_in_its_city_is_one_meeting_in_the_city(build_texts):
    tables = build_texts(
        ["سيلتقي الرئيس التركي رجب طيب أردوغان نظيره الفرنسي إيمانويل ماكرون في فرنسا غدا. "
         "ويأتي لقاء أردوغان وماكرون في باريس ضمن جولة أوروبية. وكان لقاء أردوغان وماكرون في مرسيليا قد أثار جدلا.",
         "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي هاكان فيدان في أنقرة. ويأتي لقاء لافروف وفيدان في روسيا بعد أسبوع."],
        published=["2025-12-03"] * 2,
    )
    # (in Paris, so not the meeting in Marseille, though that is in France too)
    found = tables.meetings.select(pl.col("doc_ids").list.join(","), "place_id").sort("doc_ids", "place_id").rows()
    assert found == [("d0", "marseille-fr"), ("d0", "paris-fr"), ("d1", "ankara-tr"), ("d1", "russia")]
    tables = build_texts(
        ["وقال دبلوماسيون إن اللقاء الذي عقده الرئيس الفرنسي إيمانويل ماكرون مع الرئيس التركي رجب طيب أردوغان في أنقرة، "
         "أثار مخاوف من أن باريس ستقدم تنازلات لوزير الخارجية الروسي سيرغي لافروف."]
    )
    assert set(tables.meetings.row(0, named=True)["participants"]) == {"emmanuel-macron", "recep-tayyip-erdogan"}


def test_the_speaker_is_no_party_of_a_verb_of_several(build_texts):
    # "اجتمعوا", "سيجتمعون": the speaker reports the meeting of a group; "إنه اجتمع" is his own
    tables = build_texts(
        [
            "وقال ماكرون إن الوزراء اجتمعوا مع أردوغان أمس.",
            "كما ذكر ميرتس أن القادة على استعداد للتعاون، لكنهم سيقررون ما إذا كانوا سيجتمعون مع أردوغان في مارس.",
            "وقال ماكرون إنه اجتمع مع أردوغان أمس.",
        ]
    )
    found = dict(tables.meeting_mentions.select("doc_id", pl.col("participants").list.sort()).rows())
    assert found == {"d0": ["recep-tayyip-erdogan"], "d1": ["recep-tayyip-erdogan"], "d2": ["emmanuel-macron", "recep-tayyip-erdogan"]}


def test_the_reporter_in_the_dateline_is_not_a_party(build_texts):
    meeting = "التقى وزير الخارجية السعودي الأمير فيصل بن فرحان نظيره الفرنسي جان نويل بارو."
    tables = build_texts([f"خالد العتيبي - واس - الرياض: {meeting}", f"خالد العتيبي- سبق- الرياض: {meeting}"])
    found = tables.meeting_mentions.select("doc_id", pl.col("participants").list.sort()).sort("doc_id").rows()
    assert found == [("d0", ["faisal-bin-farhan", "jean-noel-barrot"]), ("d1", ["faisal-bin-farhan", "jean-noel-barrot"])]


def test_a_negated_meeting_verb_is_no_meeting(build_texts):
    tables = build_texts(
        [
            "ولم يجتمع الرئيس الفرنسي إيمانويل ماكرون بالرئيس التركي رجب طيب أردوغان منذ عامين.",
            # "ألا" is أن + لا: what someone must not do is no meeting either
            "وقال المستشار الألماني فريدريش ميرتس إنه يتعين على ماكرون ألا يلتقي بأردوغان قبل القمة.",
        ]
    )
    assert tables.meetings.height == 0
    assert tables.meeting_mentions.filter(pl.col("verb"))["status"].to_list() == ["denied", "denied"]


def test_a_denial_does_not_cross_into_the_next_clause(build_texts):
    tables = build_texts(
        ["وقال وزير الخارجية الأمريكي أنتوني بلينكن إنه لن يلتقي بالرئيس الصيني شي جين بينغ خلال زيارته لبكين، "
         "لكنه سيجتمع مع نظيره الصيني وانغ يي."]
    )
    held_or_planned = tables.meetings.filter(pl.col("status").is_in(["held", "planned"]))
    assert [sorted(p) for p in held_or_planned["participants"].to_list()] == [["antony-blinken", "wang-yi"]]
    assert held_or_planned["status"].to_list() == ["planned"]
    assert tables.meeting_edges.filter((pl.col("actor_a") == "xi-jinping") | (pl.col("actor_b") == "xi-jinping")).height == 0


def test_a_meeting_in_a_during_phrase_has_the_sentences_subjects(build_texts):
    tables = build_texts(
        ["وخلال قمة نادرة في أنقرة الشهر الماضي، أكد الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان التزامهما بالحوار."]
    )
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["emmanuel-macron", "recep-tayyip-erdogan"]]


def test_people_who_accompany_a_visit_did_not_meet_each_other(build_texts):
    tables = build_texts(
        ["ورافق خلال الزيارة وزير الخارجية الفرنسي جان نويل بارو ووزير الدفاع الفرنسي سيباستيان لوكورنو."]
    )
    assert tables.meeting_edges.height == 0


def test_who_is_met_with_after_ones_own_accompanying_delegation_is_a_party(build_texts):
    tables = build_texts(
        [
            "وعقد الرئيس الفلسطيني محمود عباس والوفد المرافق له جلسة مباحثات مع الرئيس الفرنسي فرانسوا هولاند في قصر الإليزيه.",
            # (who accompanies is none)
            "وعقد الرئيس الفلسطيني محمود عباس جلسة مباحثات مع الرئيس الفرنسي فرانسوا هولاند، ورافقه وزير الخارجية رياض المالكي.",
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {("francois-hollande", "mahmoud-abbas")}, "d1": {("francois-hollande", "mahmoud-abbas")}}


def test_states_named_as_the_sides_of_talks_are_parties(build_texts):
    tables = build_texts(
        [
            "وقال الوزير إن اللقاء سيمهد الطريق للمباحثات المقترحة بين فرنسا والجزائر.",
            "وعقدت اليابان وكوريا الجنوبية محادثات في طوكيو أمس.",
            "وشارك وزير الخارجية الصيني وانغ يي في محادثات مع اليابان.",
        ]
    )
    parties = {doc: sorted(p) for doc, p in tables.meetings.explode("doc_ids").select("doc_ids", "participants").iter_rows()}
    assert parties == {"d0": ["state-algeria", "state-france"], "d1": ["state-japan", "state-south-korea"], "d2": ["state-japan", "wang-yi"]}
    states = tables.actors.filter(pl.col("kind") == "state")
    assert sorted(states["actor_id"].to_list()) == ["state-algeria", "state-france", "state-japan", "state-south-korea"]
    assert dict(states.select("actor_id", "country").iter_rows())["state-japan"] == "JP"
    assert dict(states.select("actor_id", "name_en").iter_rows())["state-south-korea"] == "South Korea"


def test_a_word_for_both_states_right_after_a_meeting_noun_names_its_sides(build_texts):
    tables = build_texts(
        [
            "وعقدت قمة الكوريتين في بانمونجوم.",
            "وعقدت القمة الكورية-الكورية في بانمونجوم.",
            # (not after a verb: the reconciliation is no meeting of theirs)
            "وذلك إثر المصالحة التي جمعت الكوريتين بعد سنوات.",
        ]
    )
    koreas = {("state-north-korea", "state-south-korea")}
    assert _pairs_by_doc(tables) == {"d0": koreas, "d1": koreas, "d2": set()}


def test_capitals_and_a_dual_name_the_states_as_sides(build_texts):
    tables = build_texts(
        [
            "وجرت محادثات بين موسكو وكييف في إسطنبول يوم الثلاثاء.",
            "وأوضح الوزير أن الاجتماعات التمهيدية بين واشنطن وبيونغيانغ مضت على نحو جيد.",
            "وشهدت المنطقة منزوعة السلاح القمة الثالثة بين الكوريتين في نهاية أبريل.",
            # a capital alone is a venue or a topic, and so is one between the verb and its noun
            "وأجرى الوفد محادثات مع موسكو.",
            "وتعقد في طوكيو قمة ثلاثية بين الصين واليابان وكوريا الجنوبية.",
            # ... unless it is the verb's subject
            "ومطلع العام عقدت بيونغيانغ محادثات مباشرة مع سول.",
        ]
    )
    parties = {doc: sorted(p) for doc, p in tables.meetings.explode("doc_ids").select("doc_ids", "participants").iter_rows()}
    assert parties == {
        "d0": ["state-russia", "state-ukraine"],
        "d1": ["state-north-korea", "state-united-states"],
        "d2": ["state-north-korea", "state-south-korea"],
        "d4": ["state-china", "state-japan", "state-south-korea"],
        "d5": ["state-north-korea", "state-south-korea"],
    }
    assert tables.meetings.filter(pl.col("doc_ids").list.contains("d0"))["place_id"].to_list() == ["istanbul-tr"]


def test_a_during_phrase_names_the_leaders_of_the_two_states_it_names(build_texts):
    tables = build_texts(
        ["وخلال قمة نادرة بين الكوريتين الشهر الماضي، أكد الزعيم الكوري الشمالي كيم جونغ أون والرئيس الكوري الجنوبي مون جاي-إن التزامهما بالحوار."]
    )
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["kim-jong-un", "moon-jae-in"]]


def test_a_country_as_a_venue_or_alone_is_no_party(build_texts):
    tables = build_texts(
        [
            "والتقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في الجزائر.",
            "وقال الوزير إن المحادثات حول أوكرانيا ستستأنف الأسبوع المقبل.",
            "واستقبلت الجزائر وفودا من عدة دول.",
        ]
    )
    assert tables.actors.filter(pl.col("kind") == "state").height == 0
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["emmanuel-macron", "recep-tayyip-erdogan"]]


def test_states_stand_for_the_leaders_the_article_names_for_them(build_texts):
    tables = build_texts(
        [
            "التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في أنقرة أمس. "
            "ووصف مسؤولون القمة بين فرنسا وتركيا بأنها ناجحة."
        ]
    )
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["emmanuel-macron", "recep-tayyip-erdogan"]]
    assert tables.meetings["n_mentions"].to_list() == [2]


def test_the_one_received_on_arrival_is_the_pronouns_referent(build_texts):
    tables = build_texts(
        [
            "ووصل وزير الخارجية الفرنسي جان نويل بارو في وقت سابق أمس إلى أنقرة في زيارة رسمية. "
            "وكان في استقباله لدى وصوله إلى المطار وزير الخارجية التركي هاكان فيدان.",
            "ووصل الرئيس الفرنسي إيمانويل ماكرون إلى أنقرة، حيث كان في استقباله الرئيس التركي رجب طيب أردوغان.",
            # ... and among those who received him ("مستقبليه"; not "المستقبلية", future)
            "ووصل وزير الخارجية الفرنسي جان نويل بارو إلى أنقرة، وكان في مقدمة مستقبليه وزير الخارجية التركي هاكان فيدان.",
            "وبحث وزير الخارجية الفرنسي جان نويل بارو مع وزير الخارجية التركي هاكان فيدان العلاقات المستقبلية.",
        ]
    )
    parties = {doc: sorted(p) for doc, p in tables.meetings.explode("doc_ids").select("doc_ids", "participants").iter_rows()}
    barrot_fidan = ["hakan-fidan", "jean-noel-barrot"]
    assert parties == {"d0": barrot_fidan, "d1": ["emmanuel-macron", "recep-tayyip-erdogan"], "d2": barrot_fidan, "d3": barrot_fidan}
    # (one mention in the last: the talks, not the future relations)
    assert tables.meeting_mentions.filter(pl.col("doc_id") == "d3")["trigger"].to_list() == ["بحث"]


def test_counterparts_of_separate_meetings_are_not_paired(build_texts):
    tables = build_texts(
        ["إذ اجتمع الرئيس الفرنسي إيمانويل ماكرون مرتين مع رئيسي تركيا، كانت الأولى مع عبد الله غول عام 2010 والثانية مع رجب طيب أردوغان عام 2017."]
    )
    pairs = {tuple(sorted(p)) for p in tables.meeting_edges.select("actor_a", "actor_b").iter_rows()}
    assert ("abdullah-gul", "recep-tayyip-erdogan") not in pairs
    assert ("abdullah-gul", "emmanuel-macron") in pairs



def test_those_received_each_apart_met_the_host_not_each_other(build_texts):
    received = "واستقبل الرئيس الفرنسي إيمانويل ماكرون في باريس كلا من الرئيس التركي رجب طيب أردوغان والرئيس الكوري الجنوبي مون جاي إن"
    # (built apart: the meetings of two articles merge)
    apart, together = (sorted(sorted(p) for p in build_texts([text]).meetings["participants"].to_list()) for text in (received + " كل على حدة.", received + "."))
    assert apart == [["emmanuel-macron", "moon-jae-in"], list(MACRON_ERDOGAN)]
    assert together == [["emmanuel-macron", "moon-jae-in", "recep-tayyip-erdogan"]]


def test_a_meeting_decided_is_planned_not_one_held_before_the_decision(build_texts):
    tables = build_texts(
        [
            "قرر الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان عقد اجتماع الخميس.",
            "قرر الرئيس الفرنسي إيمانويل ماكرون فرض عقوبات بعد أن عقد اجتماعا مع الرئيس التركي رجب طيب أردوغان.",
        ]
    )
    assert tables.meeting_mentions.sort("doc_id")["status"].to_list() == ["planned", "held"]


def test_a_phone_call_with_two_of_other_countries_is_two_calls(build_texts):
    text = "وتحدث الرئيس الفرنسي إيمانويل ماكرون مع الرئيس الكوري الجنوبي مون جاي إن ورئيس الوزراء الياباني شينزو آبي عبر الهاتف."
    tables = build_texts([text])
    assert sorted(sorted(p) for p in tables.meetings["participants"].to_list()) == [["emmanuel-macron", "moon-jae-in"], ["emmanuel-macron", "shinzo-abe"]]
    # ... but a meeting in person of the three is one
    tables = build_texts([text.replace(" عبر الهاتف", " في باريس")])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["emmanuel-macron", "moon-jae-in", "shinzo-abe"]]
    # ... and so are the calls of one who has no country of their own
    tables = build_texts(["وأجرى الأمين العام للأمم المتحدة أنطونيو غوتيريش محادثات هاتفية مع الرئيس الكوري الجنوبي مون جاي إن ورئيس الوزراء الياباني شينزو آبي."])
    assert sorted(sorted(p) for p in tables.meetings["participants"].to_list()) == [["antonio-guterres", "moon-jae-in"], ["antonio-guterres", "shinzo-abe"]]


def test_who_is_named_after_a_visit_in_a_relative_clause_and_its_comma_is_the_main_verbs(build_texts):
    tables = build_texts(
        [
            "والتقى ولي العهد السعودي الأمير محمد بن سلمان، الذي يزور فرنسا حاليا، الرئيس الفرنسي إيمانويل ماكرون في قصر الإليزيه.",
            # (the subject after a visit verb is its own)
            "يزور الرئيس الفرنسي إيمانويل ماكرون أنقرة في الأسبوع المقبل، حيث سيلتقي الرئيس التركي رجب طيب أردوغان.",
        ],
        published=["2025-12-01"] * 2,
    )
    assert _pairs_by_doc(tables) == {"d0": {("emmanuel-macron", "mohammed-bin-salman")}, "d1": {MACRON_ERDOGAN}}
    visits = tables.meeting_mentions.filter(pl.col("trigger") == "يزور").sort("doc_id")
    assert visits["participants"].to_list() == [[], ["emmanuel-macron"]]


def test_delegations_named_by_indefinite_or_two_word_nationalities(build_texts):
    tables = build_texts(
        [
            "واستقبل الرئيس الفرنسي إيمانويل ماكرون وفدا كوريا شماليا في باريس.",
            "والتقى الرئيس الفرنسي إيمانويل ماكرون الوفد الكوري الجنوبي في باريس.",
            "وأعلن أن وفدا أميركيا رفيعا سيلتقي الرئيس التركي رجب طيب أردوغان.",
        ]
    )
    names = dict(tables.actors.select("actor_id", "name_en").iter_rows())
    parties = {doc: sorted(names[p] for p in ps) for doc, ps in tables.meetings.explode("doc_ids").select("doc_ids", "participants").iter_rows()}
    assert parties == {
        "d0": ["Emmanuel Macron", "North Korean Delegation"],
        "d1": ["Emmanuel Macron", "South Korean Delegation"],
        "d2": ["American Delegation", "Recep Tayyip Erdoğan"],
    }


def test_the_organization_right_after_a_meeting_noun_owns_it_but_after_a_verb_meets(build_texts):
    # (and who met "على هامش" a summit met there, not in the summit)
    tables = build_texts(
        [
            "والتقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان على هامش قمة الاتحاد الأوروبي.",
            "والتقى الوفد الكوري الجنوبي الرئيس التركي رجب طيب أردوغان.",
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}, "d1": {("recep-tayyip-erdogan", "south-korean-delegation")}}


def test_who_is_named_after_the_gathering_a_meeting_was_at_the_margins_of_met_there(build_texts):
    tables = build_texts(
        [
            "والتقى وزير الخارجية الإيراني محمد جواد ظريف، على هامش اجتماعات الجمعية العامة للأمم المتحدة في نيويورك، نظيره الأمريكي جون كيري.",
            "والتقى وزير الخارجية الإيراني محمد جواد ظريف على هامش اجتماعات الجمعية العامة نظيره الأمريكي جون كيري.",
            # (with "مع", the gathering's own party)
            "والتقى الرئيس الفرنسي إيمانويل ماكرون وزير الخارجية السعودي عادل الجبير في باريس، على هامش لقائه مع الرئيس التركي رجب طيب أردوغان.",
        ],
        published=["2015-09-28"] * 3,
    )
    verbs = tables.meeting_mentions.filter(pl.col("trigger") == "التقي").sort("doc_id")
    assert verbs.select("doc_id", pl.col("participants").list.sort()).rows() == [
        ("d0", ["john-kerry", "mohammad-javad-zarif"]), ("d1", ["john-kerry", "mohammad-javad-zarif"]), ("d2", ["adel-al-jubeir", "emmanuel-macron"]),
    ]


def test_a_delegation_led_by_a_named_person_is_that_person(build_texts):
    tables = build_texts(["وقال الوزير إن الوفد الكوري الشمالي، الذي ترأسه المسؤول الرفيع كيم يونغ تشول، أجرى محادثات مثمرة."])
    assert tables.meeting_edges.height == 0


def test_a_meeting_with_one_person_is_with_the_sentences_other_person(build_texts):
    tables = build_texts(
        [
            "قال الرئيس الفرنسي إيمانويل ماكرون إن الاتفاق على الاجتماع مع الرئيس التركي، رجب طيب أردوغان، في طور الإعداد.",
            "وقال المتحدث باسم الخارجية القطرية ماجد الأنصاري إن هناك اجتماعا متوقعا مع الرئيس التركي رجب طيب أردوغان.",
        ]
    )
    pairs = {tuple(sorted(p)) for p in tables.meeting_edges.select("actor_a", "actor_b").iter_rows()}
    assert pairs == {("emmanuel-macron", "recep-tayyip-erdogan")}


def test_a_war_on_the_ground_somewhere_is_no_venue(build_texts):
    tables = build_texts(
        ["والتقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان أمس. "
         "ويبقى هذا اللقاء جزءا من مسار معقد، وسط استمرار الحرب على الأرض في سوريا."]
    )
    assert tables.meeting_mentions["place_id"].to_list() == [None, None]
    assert tables.meetings["n_mentions"].to_list() == [2]
    # ... nor where troops are stationed (but commanders met in a city are met there)
    tables = build_texts(
        ["وقال ماكرون إن مسألة القوات الأميركية المتمركزة في سوريا لن تكون على الطاولة خلال القمة مع الرئيس التركي رجب طيب أردوغان.",
         "وقال ماكرون إن بسحب القوات الأميركية في سوريا لن يكون على الطاولة خلال القمة مع الرئيس التركي رجب طيب أردوغان.",
         "والتقى الرئيس الفرنسي إيمانويل ماكرون قادة القوات المسلحة التركية في أنقرة."]
    )
    assert tables.meeting_mentions["place_id"].to_list() == [None, None, "ankara-tr"]
    # (a palace named for peace is a venue: "قصر السلام")
    tables = build_texts(["واستقبل الرئيس التركي الرئيس الفرنسي في قصر السلام بأنقرة."])
    assert tables.meeting_mentions["place_id"].to_list() == ["ankara-tr"]
    # ... nor conflicts, in the plural, that the meeting is to discuss
    tables = build_texts(["وحدد ماكرون محاور الاجتماع مع نظيره التركي، مشيرا إلى أنها تشمل الصراعات في أوكرانيا وسوريا."])
    assert tables.meeting_mentions["place_id"].to_list() == [None]


def test_a_meeting_noun_with_a_pronoun_belongs_to_the_person_talked_about(build_texts):
    tables = build_texts(
        [
            "ويحذو الرئيس الفرنسي إيمانويل ماكرون حذو أسلافه في علاقاته الخارجية. "
            "وعلى عكس اجتماعه مع الرئيس التركي، رجب طيب أردوغان، الذي أحيط بالسرية، ستبث القمة المقبلة مباشرة.",
            "ووصل الرئيس الفرنسي إيمانويل ماكرون إلى أنقرة أمس. "
            "وفي تصريح قبيل اجتماعه مع رئيس الوزراء، كرر هاكان فيدان موقفه.",
        ]
    )
    parties = {doc: sorted(p) for doc, p in tables.meetings.explode("doc_ids").select("doc_ids", "participants").iter_rows()}
    assert parties.get("d0") == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert ("emmanuel-macron", "hakan-fidan") not in {tuple(sorted(p)) for p in tables.meeting_edges.select("actor_a", "actor_b").iter_rows()}


def test_the_welcome_on_arrival_and_the_dinner_are_two_meetings(build_texts):
    tables = build_texts(
        ["ووصل وزير الخارجية الفرنسي جان نويل بارو إلى أنقرة أمس. "
         "وكان في استقباله لدى وصوله إلى المطار وزير الخارجية التركي هاكان فيدان. "
         "وأقام وزير الخارجية التركي هاكان فيدان مأدبة عشاء تكريما لوزير الخارجية الفرنسي جان نويل بارو."]
    )
    assert sorted(sorted(p) for p in tables.meetings["participants"].to_list()) == [["hakan-fidan", "jean-noel-barrot"]] * 2


def _edges(tables) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for p in tables.meeting_edges.select("actor_a", "actor_b").iter_rows()}


def test_officials_of_two_countries_are_their_states(build_texts):
    tables = build_texts(["وقالت وزارة الخارجية الفرنسية يوم الأحد، إن مسؤولين فرنسيين وألمان اجتمعوا في برلين."])
    assert _edges(tables) == {("state-france", "state-germany")}


def test_two_sides_named_by_their_adjectives_are_their_states(build_texts):
    tables = build_texts(["وعقدت جلسة مباحثات رسمية بين الجانبين الفرنسي والتركي.", "وتناولت المحادثات بين الطرفين الأمريكي والروسي الأزمة السورية."])
    assert _edges(tables) == {("state-france", "state-turkey"), ("state-russia", "state-united-states")}


def test_two_delegations_or_two_ministers_named_by_their_adjectives(build_texts):
    tables = build_texts(
        [
            "عقد الوفدان الروسي والأوكراني جولة مفاوضات مباشرة في إسطنبول.",
            # the holders of the office in the article's year
            "من المقرر أن يلتقي وزيرا الخارجية الأمريكي والروسي في الرياض.",
            # three by the plural and their adjectives, after a verb of bringing together
            "وعقد اجتماع ثلاثي يضم الوفود الأمريكية والروسية والأوكرانية في أبوظبي.",
            # indefinite
            "واستضافت جنيف الأحد محادثات بين وفدين أمريكي وأوكراني.",
        ],
        published=["2025-05-16", "2023-02-20", "2026-01-22", "2025-11-24"],
    )
    parties = _mention_parties(tables)
    assert parties["d0"] == ["russian-delegation", "ukrainian-delegation"]
    assert parties["d1"] == ["antony-blinken", "sergey-lavrov"]
    assert parties["d2"] == ["american-delegation", "russian-delegation", "ukrainian-delegation"]
    assert parties["d3"] == ["american-delegation", "ukrainian-delegation"]


def test_officials_in_the_construct_before_their_states_and_between_verb_and_noun(build_texts):
    tables = build_texts([
        "وعقد ممثلو الولايات المتحدة وروسيا محادثات في إسطنبول.",
        "وقال إن ممثلي فرنسا وتركيا اجتمعوا في باريس.",
        "وأجرى مسؤولون ألمان وأتراك محادثات في برلين.",
    ])
    parties = _mention_parties(tables)
    assert parties == {
        "d0": ["state-russia", "state-united-states"], "d1": ["state-france", "state-turkey"], "d2": ["state-germany", "state-turkey"],
    }


def test_heads_or_ministers_in_the_construct_before_their_states(build_texts):
    tables = build_texts(
        [
            # before the verb, after it, after the meeting word; three or more
            "قال مصدر دبلوماسي إن وزيري خارجية فرنسا وتركيا سيعقدان اجتماعا في أنقرة.",
            "وعقد رئيسا فرنسا وتركيا قمة في باريس.",
            "ستعقد أول قمة بين زعيمي كوريا الشمالية وكوريا الجنوبية في بانمونجوم.",
            "وشارك في الاجتماع وزراء خارجية فرنسا وألمانيا وتركيا.",
            # the leaders of the year the clause states: no president of Taiwan is known in 2015, and then
            # neither leader is a person
            "ففي عام 2015 عقد زعيما الصين وتايوان محادثات تاريخية في سنغافورة.",
            # a capital stands for its state; one state is no group
            "واجتمع زعيما باريس وأنقرة في بروكسل.",
            "وقال إن قادة تركيا اجتمعوا مع ماكرون في أنقرة.",
            "وعقد وزيرا خارجية فرنسا وتركيا اجتماعا في باريس.",
            # (not a year since which)
            "وعقد زعيما فرنسا وتركيا أول قمة منذ عام 2015 في باريس.",
        ],
        published=["2019-02-20", "2019-02-20", "2018-05-10", "2019-02-20", "2018-05-10", "2019-02-20", "2019-02-20", "2019-02-20", "2019-02-20"],
    )
    parties = _mention_parties(tables)
    assert {"jean-yves-le-drian", "mevlut-cavusoglu"} <= set(parties["d0"])
    assert {"emmanuel-macron", "recep-tayyip-erdogan"} <= set(parties["d1"])
    assert parties["d2"] == ["kim-jong-un", "moon-jae-in"]
    assert {"jean-yves-le-drian", "heiko-maas", "mevlut-cavusoglu"} <= set(parties["d3"])
    assert parties["d4"] == ["state-china", "state-taiwan"]
    assert {"emmanuel-macron", "recep-tayyip-erdogan"} <= set(parties["d5"])
    assert "recep-tayyip-erdogan" not in parties["d6"]
    assert {"jean-yves-le-drian", "mevlut-cavusoglu"} <= set(parties["d7"])
    assert {"emmanuel-macron", "recep-tayyip-erdogan"} <= set(parties["d8"])


def test_delegations_in_the_construct_before_their_states_are_their_delegations(build_texts):
    tables = build_texts(
        [
            "واجتمع وفدا فرنسا وتركيا في جنيف.",
            # (the first one's name may read as a delegation's: "وفدا روسيا")
            "واجتمع وفدا روسيا وأوكرانيا في جنيف.",
            "وعقدت وفود فرنسا وتركيا وألمانيا اجتماعا في جنيف.",
        ],
        published=["2026-01-22"] * 3,
    )
    assert _mention_parties(tables) == {
        "d0": ["french-delegation", "turkish-delegation"],
        "d1": ["russian-delegation", "ukrainian-delegation"],
        "d2": ["french-delegation", "german-delegation", "turkish-delegation"],
    }


def test_the_leaders_subject_of_the_clause_before_a_meeting_noun_are_its_parties(build_texts):
    tables = build_texts(
        [
            "وبحث الرئيسان الفرنسي والتركي، أمس، خلال اتصال هاتفي العلاقات الثنائية.",
            "وأكد وزيرا خارجية فرنسا وتركيا عقب اجتماعهما في أنقرة أهمية التنسيق.",
            # (not the subject of another clause: what they said happened at a meeting)
            "وقال الرئيسان الفرنسي والتركي إن الخلاف ظهر خلال اجتماع جنيف.",
        ],
        published=["2019-02-20"] * 3,
    )
    parties = _mention_parties(tables)
    assert parties["d0"] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert parties["d1"] == ["jean-yves-le-drian", "mevlut-cavusoglu"]
    assert "emmanuel-macron" not in parties.get("d2", [])


def test_one_side_by_its_adjective_and_representatives_taking_part_are_their_states(build_texts):
    tables = build_texts(
        [
            "وأجرى ماكرون محادثات مع الجانب التركي في أنقرة.",
            "واستمرت المحادثات في جنيف يومين بمشاركة ممثلين عن فرنسا وتركيا.",
            # (not the other side)
            "والتقى ماكرون بالطرف الآخر.",
        ],
        published=["2026-01-22"] * 3,
    )
    assert _mention_parties(tables) == {"d0": ["emmanuel-macron", "state-turkey"], "d1": ["state-france", "state-turkey"], "d2": ["emmanuel-macron"]}


def test_a_dual_subject_between_the_verb_and_its_noun_is_the_pair_named_before(build_texts):
    tables = build_texts(
        [
            "وصل وفد أوكراني إلى ميامي لإجراء محادثات مع الوفد الأمريكي. وعقد الوفدان اجتماعا استمر ست ساعات في فلوريدا.",
            "التقى ماكرون أردوغان في باريس. وعقد الرئيسان محادثات مغلقة.",
        ],
        published=["2026-01-22"] * 2,
    )
    parties = tables.meeting_mentions.filter(pl.col("trigger").str.starts_with("عقد")).sort("doc_id").select(pl.col("participants").list.sort()).to_series().to_list()
    assert parties == [["american-delegation", "ukrainian-delegation"], ["emmanuel-macron", "recep-tayyip-erdogan"]]


def test_officials_stay_their_state_where_the_article_names_its_leader(build_texts):
    # the summit of the two presidents does not make the officials' meeting theirs
    tables = build_texts(
        ["وعقد الرئيس الفرنسي إيمانويل ماكرون قمة مع الرئيس التركي رجب طيب أردوغان في باريس. "
         "وقبل ذلك بأسبوع، قالت الخارجية إن مسؤولين فرنسيين وأتراكا اجتمعوا في أنقرة."]
    )
    assert ("state-france", "state-turkey") in _edges(tables)
    assert ("emmanuel-macron", "recep-tayyip-erdogan") in _edges(tables)


def test_officials_from_two_capitals_are_their_states(build_texts):
    tables = build_texts(
        [
            "وجاء الإعلان عقب جولة من المحادثات رفيعة المستوى بين مسؤولين من بيونغيانغ وسول في المنطقة منزوعة السلاح.",
            # diplomats in a capital may be anyone's
            "وقالت الوزارة إن دبلوماسيين في موسكو اجتمعوا مع الرئيس الفرنسي إيمانويل ماكرون.",
        ]
    )
    assert _edges(tables) == {("state-north-korea", "state-south-korea")}


def test_the_two_presidents_named_by_their_countries_are_the_holders(build_texts):
    text = "وأعلن المستشار أنه تم التوصل إلى عقد قمة بين الرئيسين الفرنسي والتركي في بلد ثالث."
    tables = build_texts(
        [
            text, text, "وقال الرئيس الفرنسي إيمانويل ماكرون إنه يريد السلام. " + text,
            # any two presidents, not the two
            "واللقاء هو الأول بين رئيسين فرنسي وتركي منذ عقود.",
            # the president, not the vice president of the same years
            text.replace("التركي", "اليمني"),
        ],
        published=["2024-05-02", None, None, "2024-05-02", "2018-05-03"],
    )
    parties = {doc: sorted(p) for doc, p in tables.meeting_mentions.select("doc_id", "participants").iter_rows() if p}
    assert parties == {
        # the holders in the year of publication
        "d0": ["emmanuel-macron", "recep-tayyip-erdogan"],
        # with no date, the states; or the president the article names
        "d1": ["state-france", "state-turkey"],
        "d2": ["emmanuel-macron", "state-turkey"],
        "d4": ["abdrabbuh-mansur-hadi", "emmanuel-macron"],
    }
    assert set(tables.meeting_mentions.filter(pl.col("doc_id") != "d3")["status"]) == {"planned"}


def test_the_leaders_of_both_koreas_by_a_dual_adjective_or_a_dual_noun_are_the_holders(build_texts):
    tables = build_texts(
        [
            # the subject between the verb and its meeting word, with a dual adjective
            "وعقد الزعيمان الكوريان قمة تاريخية في أبريل.",
            "وهي المرة الأولى التي يلتقي فيها الزعيمان الكوريان منذ 2007.",
            # the construct before the word for both states
            "وأشار إلى القمة التاريخية بين زعيمي الكوريتين في نهاية أبريل.",
            # a dual adjective of one state names nobody
            "وعقد الزعيمان الروسيان قمة في موسكو.",
        ],
        published=["2018-06-01"] * 4,
    )
    assert _mention_parties(tables) == {**{doc: ["kim-jong-un", "moon-jae-in"] for doc in ("d0", "d1", "d2")}, "d3": []}


def test_a_second_verb_with_its_own_subject_and_meeting_word_is_another_mention(build_texts):
    tables = build_texts(["ولكن مطلع العام عقدت بيونغيانغ محادثات مباشرة مع سول وعقد ماكرون وأردوغان قمة في أنقرة."])
    mentions = tables.meeting_mentions.sort("start")
    assert [sorted(p) for p in mentions["participants"]] == [
        ["state-north-korea", "state-south-korea"], ["emmanuel-macron", "recep-tayyip-erdogan"]
    ]
    assert mentions["place_id"].to_list() == [None, "ankara-tr"]


def test_a_place_after_a_designator_is_the_venue(build_texts):
    tables = build_texts(
        [
            "والتقى ماكرون أردوغان في مدينة إسطنبول.",
            "والتقى ماكرون أردوغان بالعاصمة الروسية موسكو.",
            "والتقى ماكرون أردوغان في قرية بانمونجوم.",
            "والتقى ماكرون أردوغان في العاصمة الفنلندية #هلسنكي.",
        ]
    )
    assert tables.meeting_mentions.sort("doc_id")["place_id"].to_list() == ["istanbul-tr", "moscow-ru", "panmunjom", "helsinki-fi"]


def test_the_subject_of_bainahu_wa_baina_is_a_party(build_texts):
    tables = build_texts(
        [
            # the sentence's subject, whoever is named after a participle clause
            "أعلن الرئيس الفرنسي إيمانويل ماكرون الثلاثاء أن موعد ومكان القمة بينه وبين الرئيس التركي رجب طيب أردوغان سيعلنان قريبا، "
            "مبديا في الوقت نفسه سروره بترشيح المستشار الألماني فريدريش ميرتس للجائزة.",
            # ... not the last person named before the meeting word
            "وكان الرئيس التركي اقترح الاثنين أن تذهب الجائزة إلى المستشار الألماني وذلك ردا على سؤال عما إذا كان يعتقد أن اللقاء "
            "الذي جرى بينه وبين الرئيس الفرنسي إيمانويل ماكرون يستحق أن يكافأ عليه.",
        ],
        published=["2025-05-02", "2025-05-02"],
    )
    assert _mention_parties(tables) == {"d0": ["emmanuel-macron", "recep-tayyip-erdogan"], "d1": ["emmanuel-macron", "recep-tayyip-erdogan"]}


def test_a_present_verb_after_an_is_to_come_and_a_negation_may_open_a_quotation_or_have_a_condition(build_texts):
    tables = build_texts(
        [
            "وكان ماكرون اقترح الاثنين أن تعقد القمة بينه وبين أردوغان في أنقرة.",
            'وأضاف المتحدث: "لم يشارك ماكرون في أي اجتماعات مع أردوغان، ووجوده اقتصر على ذلك التاريخ."',
            # a refusal on a condition may yet be held
            'وقالت المتحدثة إن ماكرون "لن يعقد الاجتماع مع أردوغان دون أن يرى خطوات ملموسة".',
        ]
    )
    assert tables.meeting_mentions.sort("doc_id")["status"].to_list() == ["planned", "denied", "planned"]


def test_envoys_before_a_meeting_verb_are_their_countrys_delegation(build_texts):
    tables = build_texts(["وقال مبعوثون من كوريا الجنوبية، كانوا قد اجتمعوا مع الرئيس الفرنسي إيمانويل ماكرون في باريس، إن المحادثات كانت جيدة."])
    names = dict(tables.actors.select("actor_id", "name_en").iter_rows())
    assert {tuple(sorted(names[a] for a in pair)) for pair in _edges(tables)} == {("Emmanuel Macron", "South Korean Delegation")}


def test_a_delegation_of_a_country_named_by_its_name(build_texts):
    # "وفد كوريا الجنوبية" (construct), "وفد من" and the accusative "وفدا من كوريا الشمالية" are
    # the delegations; "وفد" with no country after it is nobody
    tables = build_texts(
        [
            "وكان وفد كوريا الجنوبية قد أجرى محادثات غير مسبوقة مع الرئيس الفرنسي إيمانويل ماكرون في باريس هذا الأسبوع.",
            "واجتمع وفد من كوريا الشمالية مع المستشار الألماني فريدريش ميرتس في برلين.",
            "وقال رئيس الوزراء الإسباني بيدرو سانشيز إنه استقبل وفدا من كوريا الشمالية في مدريد.",
            "وقال وفد رفيع إن المحادثات مع الرئيس التركي رجب طيب أردوغان كانت مثمرة.",
        ]
    )
    assert _edges(tables) == {
        ("emmanuel-macron", "south-korean-delegation"), ("friedrich-merz", "north-korean-delegation"), ("north-korean-delegation", "pedro-sanchez")
    }


def test_talks_with_a_countrys_officials_or_nationals(build_texts):
    tables = build_texts(
        [
            "توجه وزير الخارجية التركي هاكان فيدان إلى واشنطن لإجراء محادثات مع المسؤولين الأمريكيين.",
            "وسافر وزير الخارجية الفرنسي جان نويل بارو إلى سول للقاء الكوريين الشماليين.",
            # (the object with ب after the verb's subject)
            "واجتمع وزير الخارجية الفرنسي جان نويل بارو بالمسؤولين الأتراك في أنقرة.",
        ]
    )
    assert _edges(tables) == {
        ("hakan-fidan", "state-united-states"), ("jean-noel-barrot", "north-korean-delegation"), ("jean-noel-barrot", "state-turkey"),
    }


def test_officials_who_speak_are_no_party(build_texts):
    tables = build_texts(["وقال مسؤولون أمريكيون إن الاجتماع مع الرئيس الفرنسي إيمانويل ماكرون سيعقد غدا في باريس."])
    assert not any(p.startswith("state-") for ps in tables.meeting_mentions["participants"].to_list() for p in ps)
    assert tables.quotes.filter(pl.col("speaker_kind") == "anonymous").height == 1


def test_an_official_in_a_ministry_who_announces_a_visit_is_no_party(build_texts):
    # the "في" of "المسؤول في وزارة الخارجية" belongs to the speaker's title, not to a phrase of the verb
    tables = build_texts(
        ["أعلن المسؤول في وزارة الخارجية الروسية، زامير كابولوف، أن وزير الخارجية الإيراني محمد جواد ظريف سيزور موسكو ويلتقي نظيره الروسي سيرغي لافروف."]
    )
    assert _edges(tables) == {("mohammad-javad-zarif", "sergey-lavrov")}


def test_the_seat_of_a_head_of_state_that_somebody_visits_is_no_party(build_texts):
    # "زار ... الكرملين": the visit's object is a place; talks with the Kremlin keep it a party
    tables = build_texts(
        [
            "زار الرئيس الفرنسي إيمانويل ماكرون الكرملين أمس والتقى وزير الخارجية الروسي سيرغي لافروف.",
            "وتعود آخر زيارة للرئيس التركي رجب طيب أردوغان للبيت الأبيض إلى 2005.",
            "وصل وفد فرنسي إلى موسكو لإجراء محادثات مع الكرملين.",
            # an organization that is no seat is visited as a party
            "زار محمد جواد ظريف الاتحاد الأوروبي في بروكسل أمس.",
        ]
    )
    parties = {p for ps in tables.meeting_mentions["participants"].to_list() for p in ps}
    assert "white-house" not in parties
    assert _edges(tables) == {("emmanuel-macron", "sergey-lavrov"), ("french-delegation", "kremlin"), ("eu", "mohammad-javad-zarif")}


def test_a_delegation_written_with_tanween(build_texts):
    tables = build_texts(["وأعلن أن وفدًا تركيًا سيصل إلى باريس للقاء الرئيس الفرنسي إيمانويل ماكرون، وأن وفداً ألمانياً سيتبعه."])
    assert {"turkish-delegation", "german-delegation"} <= set(tables.actors["actor_id"].to_list())
    assert ("emmanuel-macron", "turkish-delegation") in _edges(tables)


def test_talks_with_a_countrys_officials_are_not_its_presidents_meeting(build_texts):
    # two reports of one trip: officials are not the president another report names
    tables = build_texts(
        [
            "أجرى وزير الخارجية التركي هاكان فيدان محادثات مع المسؤولين الفرنسيين في باريس.",
            "استقبل الرئيس الفرنسي إيمانويل ماكرون وزير الخارجية التركي هاكان فيدان في باريس.",
        ],
        published=["2025-12-03", "2025-12-03"],
    )
    assert _edges(tables) == {("hakan-fidan", "state-france"), ("emmanuel-macron", "hakan-fidan")}
    assert tables.meetings.height == 2


def test_a_cancellation_taken_back_makes_the_meeting_planned_again(build_texts):
    tables = build_texts(
        [
            "بعد أسبوع من إعلانه عن إلغاء قمة مع الرئيس التركي رجب طيب أردوغان، تراجع الرئيس الفرنسي إيمانويل ماكرون عن قراره، "
            "معلنا أن القمة ستجري في موعدها في باريس.",
            # a decision announced, not taken back
            "أعلن الرئيس الفرنسي إيمانويل ماكرون إلغاء قمته مع المستشار الألماني فريدريش ميرتس، وأعلن عن قراره في رسالة.",
        ]
    )
    status = {doc: set(s) for doc, s in tables.meeting_mentions.group_by("doc_id").agg("status").iter_rows()}
    assert status == {"d0": {"planned"}, "d1": {"cancelled"}}
    assert _edges(tables) == {("emmanuel-macron", "recep-tayyip-erdogan")}


def test_the_speaker_whose_meeting_it_was_when_talks_are_mentioned_after_the_counterpart(build_texts):
    # the counterpart stands nearer to "المحادثات" than to "لقائه" but belongs to "لقائه"
    tables = build_texts(["وقال الرئيس الفرنسي إيمانويل ماكرون بعد لقائه بالرئيس التركي رجب طيب أردوغان إن المحادثات مثمرة."])
    assert _edges(tables) == {("emmanuel-macron", "recep-tayyip-erdogan")}


def test_the_members_of_a_delegation_named_after_it_stand_for_it_nearby(build_texts):
    members = "وقال المصدر إن وفد الحوثيين مكون من الناطق الرسمي للحوثيين محمد عبد السلام ومهدي المشاط مدير مكتب زعيم الحوثيين عبد الملك الحوثي."
    tables = build_texts(
        [
            f"أفاد مصدر يمني بأن وفدا من جماعة أنصار الله الحوثية سيلتقي المبعوث الدولي إلى اليمن إسماعيل ولد الشيخ في مسقط. {members}",
            # (not a meeting of the delegation further on)
            f"{members} وهذا ليس جديدا. وقال مصدر آخر إن الأمر معقد. والطقس حار في الصيف. "
            "وكان إسماعيل ولد الشيخ عقد مشاورات مع الحوثيين في الأشهر الماضية.",
            # (nor somebody named in the next sentence, nor after "الوفد" that names no body)
            "سيلتقي المبعوث الدولي إلى اليمن إسماعيل ولد الشيخ وفد الحوثيين في مسقط. ويضم وفد الحوثيين عددا من القيادات. "
            "وقال الناطق الرسمي للحوثيين محمد عبد السلام إن الأمر مهم.",
            "سيلتقي المبعوث الدولي إلى اليمن إسماعيل ولد الشيخ وفد الحوثيين في مسقط. ويضم الوفد عددا من القيادات بينهم محمد عبد السلام.",
        ],
        published=["2015-08-08"] * 4,
    )
    found = tables.meeting_mentions.filter(pl.col("participants").list.len() > 0).sort("doc_id").select("doc_id", pl.col("participants").list.sort()).rows()
    houthis = ["houthis", "ismail-ould-cheikh-ahmed"]
    assert found == [("d0", ["ismail-ould-cheikh-ahmed", "mahdi-al-mashat", "mohammed-abdulsalam"]), ("d1", houthis), ("d2", houthis), ("d3", houthis)]


def test_the_delegation_refers_to_the_one_named_before_and_its_head_stands_for_it(build_texts):
    tables = build_texts(
        [
            # "أعضاء الوفد": the French delegation; its head, named in another sentence, in its place
            "وأعلن أن وفدا فرنسيا سيصل إلى أنقرة. وسيقف على رأس الوفد، وزير الخارجية الفرنسي جان نويل بارو. "
            "ومن المتوقع أن يلتقي أعضاء الوفد مع الرئيس التركي رجب طيب أردوغان.",
            # envoys named as a group are the delegation "اجتماع الوفد" refers to
            "اجتمع مبعوثون من كوريا الجنوبية مع الرئيس التركي رجب طيب أردوغان في أنقرة. "
            "وبعد اجتماع الوفد بالرئيس الفرنسي إيمانويل ماكرون في باريس، قال المستشار إن المحادثات جيدة.",
            # no delegation named before: no guess; the accompanying delegation is no party
            "ومن المتوقع أن يلتقي أعضاء الوفد مع الرئيس التركي رجب طيب أردوغان.",
            "استقبل الرئيس التركي رجب طيب أردوغان وزير الخارجية الفرنسي جان نويل بارو والوفد المرافق له.",
            # a delegation named by its adjective is itself, not the one named before
            "وصل الوفد الفرنسي إلى أنقرة. واستقبل الرئيس التركي رجب طيب أردوغان الوفد الألماني.",
        ]
    )
    edges = {doc: set() for doc in ("d0", "d1", "d2", "d3", "d4")}
    for doc, participants in tables.meeting_mentions.select("doc_id", "participants").iter_rows():
        edges[doc] |= set(participants)
    assert edges["d0"] == {"jean-noel-barrot", "recep-tayyip-erdogan"}
    assert edges["d1"] == {"south-korean-delegation", "recep-tayyip-erdogan", "emmanuel-macron"}
    assert edges["d2"] == {"recep-tayyip-erdogan"}
    assert edges["d3"] == {"recep-tayyip-erdogan", "jean-noel-barrot"}
    assert edges["d4"] == {"recep-tayyip-erdogan", "german-delegation"}
    assert ("emmanuel-macron", "south-korean-delegation") in _edges(tables)


def _pairs_by_doc(tables) -> dict[str, set[tuple[str, str]]]:
    """The pairs of held or planned meeting mentions, by document."""
    pairs: dict[str, set[tuple[str, str]]] = {}
    for doc, participants in tables.meeting_mentions.filter(pl.col("status").is_in(["held", "planned"])).select("doc_id", "participants").iter_rows():
        people = sorted(set(participants))
        pairs.setdefault(doc, set()).update((a, b) for i, a in enumerate(people) for b in people[i + 1 :])
    return pairs


MACRON_ERDOGAN = ("emmanuel-macron", "recep-tayyip-erdogan")


def test_a_meeting_verb_and_the_summit_it_happened_in_are_one_meeting(build_texts):
    tables = build_texts(
        [
            # the second party stands nearer to "قمة" than to the verb
            "التقى الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان في قمة تاريخية في أنقرة.",
            "يلتقي الرئيس الفرنسي، إيمانويل ماكرون، نظيره التركي، رجب طيب أردوغان، في العاصمة التركية أنقرة، في قمة ينتظر العالم نتائجها.",
            # a summit they discussed is another meeting, with its own parties
            "اجتمع الرئيس الفرنسي ماكرون مع أردوغان لمناقشة قمة بين ميرتس وفيدان.",
        ]
    )
    pairs = _pairs_by_doc(tables)
    assert pairs["d0"] == {MACRON_ERDOGAN} and pairs["d1"] == {MACRON_ERDOGAN}
    assert pairs["d2"] == {MACRON_ERDOGAN, ("friedrich-merz", "hakan-fidan")}


def test_subject_and_object_of_a_meeting_verb_side_by_side_are_two_people(build_texts):
    tables = build_texts(["أين يلتقي ماكرون أردوغان؟", "ومن المتوقع أن يلتقي ماكرون أردوغان في أنقرة."])
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}, "d1": {MACRON_ERDOGAN}}


def test_the_counterpart_after_with_or_bi_belongs_to_the_meeting_word_before_it(build_texts):
    tables = build_texts(
        [
            # "مع": the counterpart is nearer to the summit named after the colon
            "وقال ماكرون في مستهل محادثاته مع الرئيس التركي، رجب طيب أردوغان، في الإليزيه: لن تعقد القمة.",
            # "تجمعه ب": the pronoun is the one who announced it
            "أعلن الرئيس الفرنسي، إيمانويل ماكرون، الثلاثاء، أن قمة مرتقبة تجمعه بالرئيس التركي رجب طيب أردوغان قد لا تعقد الشهر المقبل.",
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}, "d1": {MACRON_ERDOGAN}}
    assert tables.meeting_mentions.filter(pl.col("doc_id") == "d1")["status"].to_list() == ["planned"] * tables.meeting_mentions.filter(pl.col("doc_id") == "d1").height


def test_who_is_named_after_a_meeting_word_is_not_the_speaker(build_texts):
    tables = build_texts(["وكان ماكرون، قد قال الخميس عقب لقائه نظيره التركي، رجب طيب أردوغان، في أنقرة، إنه يجب المحافظة على الاتفاق."])
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}}


def test_who_praises_or_welcomes_a_meeting_is_no_party_but_those_of_the_meeting_praised_are(build_texts):
    tables = build_texts(
        [
            "وأشاد رئيس الوزراء الياباني شينزو آبي بشجاعة الرئيس الفرنسي إيمانويل ماكرون لموافقته على لقاء الرئيس التركي رجب طيب أردوغان.",
            "وقال رئيس الوزراء الياباني شينزو آبي إن الأمر جيد. ورحب آبي بلقاء ماكرون بأردوغان في أنقرة.",
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}, "d1": {MACRON_ERDOGAN}}


def test_who_sends_an_envoy_does_not_meet_and_a_verb_after_wa_has_the_earlier_subject(build_texts):
    tables = build_texts(
        [
            "أرسل الرئيس الفرنسي إيمانويل ماكرون جان نويل بارو إلى أنقرة للقاء الرئيس التركي رجب طيب أردوغان، وأعلن عن ذلك لاحقا.",
            # the envoy's title begins with و, which is no conjunction
            "أرسل ماكرون وزير الخارجية جان نويل بارو إلى أنقرة للقاء أردوغان.",
        ]
    )
    barrot = {("jean-noel-barrot", "recep-tayyip-erdogan")}
    assert _pairs_by_doc(tables) == {"d0": barrot, "d1": barrot}


def test_a_verb_of_holding_needs_a_meeting_word(build_texts):
    tables = build_texts(
        [
            "وقال ماكرون إن عمليات التفتيش ستجري وفقا للاتفاق، في أول خطوة من نوعها منذ أكثر من عقد.",
            # its subject named before it, or its object after a place
            "وقال مصدر إن القمة بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان، ستعقد في أنقرة.",
            "عقد ماكرون في الإليزيه اجتماعا مع أردوغان.",
            "أجرى ماكرون مكالمات هاتفية بقادة العالم بينهم أردوغان.",
            "أعلنت الرئاسة أن لقاءً ثنائيًا سيعقد في أنقرة اليوم يضم ماكرون مع نظيره التركي أردوغان.",
        ]
    )
    mentions = tables.meeting_mentions
    assert mentions.filter(pl.col("doc_id") == "d0").height == 0
    assert _pairs_by_doc(tables) == {doc: {MACRON_ERDOGAN} for doc in ("d1", "d2", "d3", "d4")}
    assert mentions.filter(pl.col("doc_id").is_in(["d1", "d4"]))["status"].unique().to_list() == ["planned"]
    assert mentions.filter(pl.col("doc_id") == "d3")["mode"].to_list() == ["phone"]


def test_the_subject_of_the_sentence_is_whose_meeting_before_an_earlier_speaker(build_texts):
    tables = build_texts(
        [
            "وقال المستشار الألماني فريدريش ميرتس إن الحلف موحد. وكان الرئيس الفرنسي إيمانويل ماكرون قد تعرض لانتقادات واسعة في فرنسا. "
            "وكان الرئيس الفرنسي قد تعرض لانتقادات واسعة داخل فرنسا، إثر القمة التي جمعته بأردوغان في أنقرة الاثنين الماضي."
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}}


def test_an_organization_with_bi_before_the_meeting_word_is_where_it_was_said(build_texts):
    tables = build_texts(["وأوضح ماكرون في تصريحات بالإليزيه أنه تحدث مع أردوغان."])
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}}


def test_a_meeting_word_in_another_sense_is_no_meeting(build_texts):
    # "لقمة سائغة" is an easy morsel, "قمة الهرم" the top of the pyramid
    tables = build_texts(
        [
            "وقال ماكرون إن تصريحات أردوغان جعلت أوروبا تبدو كما لو كانت \"لقمة سائغة\".",
            "وقال ماكرون إن أردوغان يجلس على قمة الهرم في تركيا.",
        ]
    )
    assert tables.meeting_mentions.height == 0


def test_a_spokesperson_is_no_party_of_the_meeting_his_pronoun_reports(build_texts):
    # "بينه" is the one the spokesman speaks for
    tables = build_texts(
        [
            "وقال المتحدث باسم الخارجية الإيرانية إسماعيل بقائي في تغريدة، إنه خلال اللقاء الأول بينه وبين أردوغان الاثنين "
            "في أنقرة، وافق الرئيس على مواصلة الحوار."
        ]
    )
    assert _pairs_by_doc(tables).get("d0", set()) == set()


def test_the_two_sides_as_a_dual_refer_back_to_their_meeting(build_texts):
    tables = build_texts(
        [
            "التقى ماكرون أردوغان في أنقرة الاثنين. وعندما سئل عن احتمال أن يكون أحد قد سجل المحادثات التي تمت بين الرئيسين، "
            "أقر وزير الخارجية الألماني يوهان فاديفول بأن هناك خطرا."
        ]
    )
    mentions = tables.meeting_mentions.filter(pl.col("trigger") == "المحادثات")
    assert mentions["participants"].to_list() == [[]]
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}}
    # the reference back joins the meeting it names
    assert tables.meetings.height == 1 and tables.meetings["n_mentions"].to_list() == [2]


def test_two_meetings_named_by_a_dual_with_each_are_of_their_holder_with_each(build_texts):
    tables = build_texts(
        [
            "ويعقد الزعيم الكوري الشمالي كيم جونغ أون قمتين مع الرئيس الكوري الجنوبي مون جاي إن ورئيس الوزراء الياباني شينزو آبي.",
            # (nobody named holds both: the two named after "مع" did not meet each other)
            "تأتي التنازلات من جانب كوريا الشمالية قبيل قمتين مرتقبتين، مع كوريا الجنوبية والولايات المتحدة.",
            # (two meetings of the same two)
            "وعقد الرئيس الفرنسي إيمانويل ماكرون اجتماعين مع الرئيس التركي رجب طيب أردوغان.",
        ],
        published=["2018-04-21"] * 3,
    )
    meetings = {(docs[0], tuple(sorted(p))) for docs, p in tables.meetings.select("doc_ids", "participants").iter_rows()}
    kim = "kim-jong-un"
    assert meetings == {("d0", (kim, "moon-jae-in")), ("d0", (kim, "shinzo-abe")), ("d2", MACRON_ERDOGAN)}
    statuses = dict(tables.meeting_mentions.select("doc_id", "status").iter_rows())
    assert statuses["d1"] == "planned"


def test_meetings_told_by_their_ordinals_are_of_their_holder_with_each(build_texts):
    tables = build_texts(
        [
            "إذ اجتمع كيم جونغ إيل مرتين مع رئيسي كوريا الجنوبية السابقين، كانت الأولى مع كيم داي جونغ عام 2000 والثانية مع روه مو هيون عام 2007.",
            # (nobody named holds them: those named after the ordinals did not meet each other)
            "وعقدت قمتان، الأولى مع الرئيس الكوري الجنوبي مون جاي إن والثانية مع رئيس الوزراء الياباني شينزو آبي.",
            # (ordinals of places: both meetings of the same two)
            "والتقى الرئيس الفرنسي إيمانويل ماكرون مرتين مع الرئيس التركي رجب طيب أردوغان، الأولى في باريس والثانية في أنقرة.",
            # (the name after "مع" is in its clause: not in the next sentence)
            "والتقى الرئيس الفرنسي إيمانويل ماكرون مرتين، الأولى مع طلاب الجامعة والثانية مع رجال الأعمال. وقال الرئيس التركي رجب طيب أردوغان إن الحوار مستمر.",
            # (one ordinal is no count: "للمرة الأولى" tells one meeting of the three)
            "والتقى الرئيس الأمريكي باراك أوباما والمستشارة الألمانية أنجيلا ميركل للمرة الأولى مع رئيس الوزراء الياباني شينزو آبي.",
        ],
        published=["2018-04-26"] * 5,
    )
    meetings = {(docs[0], tuple(sorted(p))) for docs, p in tables.meetings.select("doc_ids", "participants").iter_rows()}
    assert meetings == {
        ("d0", ("kim-dae-jung", "kim-jong-il")), ("d0", ("kim-jong-il", "roh-moo-hyun")), ("d2", MACRON_ERDOGAN), ("d4", ("angela-merkel", "barack-obama", "shinzo-abe")),
    }
    assert not _pairs_by_doc(tables)["d3"]


def test_officials_of_the_two_countries_meet_for_the_states_of_the_meeting_of_two_before(build_texts):
    tables = build_texts(
        [
            "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره التركي رجب طيب أردوغان الثلاثاء في أنقرة. "
            "وذكرت وكالة الأناضول أن دبلوماسيين رفيعي المستوى من البلدين التقوا الاثنين.",
            # (after the verb, or a noun; the states of a meeting of two states)
            "تعقد كوريا الشمالية وكوريا الجنوبية قمة الجمعة. واجتمع مسؤولون من الجانبين في بانمونجوم أمس. وسبقه اجتماع لمسؤولين من البلدين.",
            # (no meeting of two before, or one of a single country, or one too far back: no parties)
            "وقال المتحدث إن مسؤولين من البلدين التقوا أمس.",
            "التقى الرئيس الفرنسي إيمانويل ماكرون الأمين العام لحلف الناتو ينس ستولتنبرغ. وقال إن مسؤولين من الجانبين التقوا أمس.",
            "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره التركي رجب طيب أردوغان. " + "وقال المتحدث إن الطقس جميل. " * 7
            + "وقال إن مسؤولين من البلدين التقوا أمس.",
            # (in the present: talks under way, unless their day is to come)
            "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره التركي رجب طيب أردوغان. وقال إن مسؤولين من البلدين يلتقون لصياغة التفاصيل. "
            "وأضاف أن مسؤولين من البلدين يلتقون الأسبوع المقبل.",
        ],
        published=["2018-04-23"] * 6,
    )
    present = tables.meeting_mentions.filter((pl.col("doc_id") == "d5") & (pl.col("trigger") == "يلتقون"))
    assert present.select("participants", "status").rows() == [(["state-france", "state-turkey"], "held"), (["state-france", "state-turkey"], "planned")]
    words = tables.meeting_mentions.filter(pl.col("trigger").is_in(["التقوا", "اجتمع", "اجتماع"]))
    parties = {(doc, word): sorted(p) for doc, word, p in words.select("doc_id", "trigger", "participants").iter_rows()}
    states = ["state-north-korea", "state-south-korea"]
    assert parties == {
        ("d0", "التقوا"): ["state-france", "state-turkey"], ("d1", "اجتمع"): states, ("d1", "اجتماع"): states,
        ("d2", "التقوا"): [], ("d3", "التقوا"): [], ("d4", "التقوا"): [],
    }
    # the states stay parties: their leaders' meeting is another
    assert ("d0", ("state-france", "state-turkey")) in {(docs[0], tuple(sorted(p))) for docs, p in tables.meetings.select("doc_ids", "participants").iter_rows()}


def test_a_party_does_not_cross_a_subordinate_clause_to_another_meeting_word(build_texts):
    tables = build_texts(
        [
            "يلتقي الرئيس الفرنسي، إيمانويل ماكرون، الثلاثاء، بأعضاء البرلمان الأوروبي، بعدما انتقد كثيرون أداءه في قمة جمعته "
            "الاثنين بنظيره التركي، رجب طيب أردوغان، في أنقرة."
        ]
    )
    by_trigger = {
        trigger: set(participants) for trigger, participants in tables.meeting_mentions.select("trigger", "participants").iter_rows()
    }
    assert by_trigger == {"يلتقي": {"emmanuel-macron", "european-parliament"}, "قمه جمعته": set(MACRON_ERDOGAN)}


def test_who_is_named_before_that_reports_the_meeting_and_is_no_party(build_texts):
    tables = build_texts(
        [
            "وكتبت الصحيفة، نقلا عن مصادر حصلت على معلوماتها من وزير الخارجية الفرنسي جان نويل بارو، أن القمة ستعقد في أنقرة.",
            # a pronoun after "أن" keeps its subject
            "ألمح الرئيس الفرنسي إيمانويل ماكرون الاثنين إلى أن القمة المرتقبة بينه وبين الرئيس التركي أردوغان قد تجري في أنقرة.",
            "ويعتزم ماكرون وأردوغان أن يلتقيا في أنقرة.",
        ]
    )
    mentions = tables.meeting_mentions
    assert mentions.filter(pl.col("doc_id") == "d0")["participants"].to_list() == [[]]
    assert _pairs_by_doc(tables) == {"d0": set(), "d1": {MACRON_ERDOGAN}, "d2": {MACRON_ERDOGAN}}
    # ... unless a relative clause on him tells of his meeting: "وأعلن بومبيو الذي التقى كيم مرتين"
    tables = build_texts(['وأعلن الرئيس الفرنسي إيمانويل ماكرون الذي التقى الرئيس التركي رجب طيب أردوغان مرتين في أنقرة "أنا متفائل جدا".'])
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}}


def test_the_pronoun_after_a_reported_verb_is_its_subject_not_the_first_speaker(build_texts):
    tables = build_texts(
        [
            "وقال المستشار الألماني فريدريش ميرتس إن الرئيس الفرنسي إيمانويل ماكرون أعلن أنه سيلتقي الرئيس التركي رجب طيب أردوغان الشهر المقبل.",
            # a meeting "مع" one person: the other side is the nearest person before it in its clause
            "وأضاف ميرتس في مؤتمر صحافي أن الرئيس الفرنسي إيمانويل ماكرون أكد مجددا التزامه بالاتفاق وبالاجتماع المزمع مع أردوغان.",
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}, "d1": {MACRON_ERDOGAN}}


def test_who_receives_and_is_received_stay_with_the_verb_before_a_new_clause(build_texts):
    tables = build_texts(
        [
            "يستقبل الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في باريس الأربعاء، وسيجري الرئيسان محادثات تهدف لتقوية العلاقات.",
            # the subject named by title and then by name; the object after "برئيس"
            "أكد الرئيس الفرنسي إيمانويل ماكرون، الجمعة، انعقاد القمة التي ستجمعه برئيس تركيا رجب طيب أردوغان في الثاني عشر من يونيو.",
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}, "d1": {MACRON_ERDOGAN}}
    received = tables.meeting_mentions.filter(pl.col("doc_id") == "d0").sort("start")
    assert set(received["participants"][0]) == set(MACRON_ERDOGAN)


def test_a_party_named_after_a_later_meeting_word_or_in_a_description_is_not_the_earlier_ones(build_texts):
    tables = build_texts(
        [
            "وبعد لقاء جمعه أمس مع نظيره التركي هاكان فيدان في أنقرة، بحثا خلاله سبل التعاون، من المتوقع أن يلتقي اليوم خلال الزيارة "
            "التي لم يعلن عنها، مع الرئيس التركي رجب طيب أردوغان.",
            "وقال ماكرون إنه يتطلع إلى لقاء أردوغان وهو زعيم مخضرم نافس المستشار الألماني فريدريش ميرتس سنوات.",
        ]
    )
    first = tables.meeting_mentions.filter(pl.col("doc_id") == "d0").sort("start")
    assert "recep-tayyip-erdogan" not in first["participants"][0]
    assert _pairs_by_doc(tables)["d1"] == {MACRON_ERDOGAN}


def test_a_cancellation_in_a_clause_after_the_meeting_is_another_meetings(build_texts):
    tables = build_texts(
        ["وعقد الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان اجتماعا ثانيا مفاجئا السبت بعد أن ألغى المستشار الألماني فريدريش ميرتس محادثاته المقررة في برلين."]
    )
    held = tables.meeting_mentions.filter(pl.col("participants").list.len() == 2)
    assert held.select("status").to_series().to_list() == ["held"]
    assert set(held["participants"][0]) == set(MACRON_ERDOGAN)


def test_a_meeting_of_two_is_the_two_people_its_sentence_names_together(build_texts):
    tables = build_texts(
        [
            "في مستهل قمتهما التاريخية في أنقرة، أعرب الرئيس الفرنسي، إيمانويل ماكرون، الاثنين، عن أمله في علاقة استثنائية مع نظيره التركي، رجب طيب أردوغان.",
            # two people named apart are not the owners
            "ومن المفترض أن يكون هدف محادثاتهما تحديد جدول أعمال مشترك بعد أسبوع على توجيه ماكرون رسالة إلى أردوغان.",
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}, "d1": set()}


def test_a_counterpart_after_with_belongs_to_the_nearer_meeting_word_after_it(build_texts):
    tables = build_texts(
        [
            "وأعلن ماكرون أن فيدان يستعد لعقد اجتماع في بروكسل مع مستشاري الأمن القومي للقادة الأوروبيين لإطلاعهم على نتائج "
            "اجتماع ميرتس ووزير الخارجية الفرنسي جان نويل بارو مع أردوغان."
        ]
    )
    first, second = tables.meeting_mentions.sort("start")["participants"].to_list()
    assert "recep-tayyip-erdogan" not in first
    assert set(second) == {"friedrich-merz", "jean-noel-barrot", "recep-tayyip-erdogan"}


def test_an_organization_in_quotation_marks_after_a_title_describes_the_person(build_texts):
    tables = build_texts(["وبالعودة إلى الزيارة السرية الأخيرة، التي قام بها مدير \"سي.آي.إيه\" السابق، مايك بومبيو، لبيونغ يانغ."])
    assert tables.meeting_mentions["participants"].to_list() == [["mike-pompeo"]]


def test_the_organization_whose_summit_it_is_is_no_party(build_texts):
    tables = build_texts([
        "وقال ماكرون إن لقاءه المرتقب مع نظيره التركي أردوغان قد يكون أسهل من قمة حلف شمال الأطلسي، التي ستعقد قبيل اللقاء.",
        # (the word in brackets)
        "وأكد ماكرون أنه سيجري خلال (قمة) مجموعة السبع مناقشة صريحة مع الرئيس التركي أردوغان.",
    ])
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}, "d1": {MACRON_ERDOGAN}}


def test_who_is_fought_or_assessed_is_the_purpose_not_a_party(build_texts):
    tables = build_texts(
        ["وتأتي زيارة ماكرون لأنقرة بهدف تقييم الجهود المبذولة لمحاربة داعش.", "وقام ماكرون بزيارة إلى الحدود لتقييم المخاطر التي يشكلها حزب الله."]
    )
    assert tables.meeting_mentions["participants"].to_list() == [["emmanuel-macron"], ["emmanuel-macron"]]


def test_the_staff_of_an_organization_stand_for_it(build_texts):
    tables = build_texts(
        [
            "التقى الوزير الفرنسي جان نويل بارو مع ممثلين عن الأمم المتحدة في جنيف.",
            "ومن المتوقع أن يلتقي ماكرون مسؤولين كبارا في حلف شمال الأطلسي.",
            # ... only as the counterpart of the meeting, not further on
            "وكانت زيارة ماكرون الأولى منذ اعتقال مسؤولين كبار في الاتحاد الأوروبي.",
            # ... and a place after في stays the venue
            "وعقد ماكرون لقاء في البيت الأبيض مع بايدن.",
            # ministers joined by و to a party before them
            "وتشهد العاصمة القطرية اليوم جولة مباحثات بين وزير الخارجية الأميركية جون كيري ووزراء الخارجية في مجلس التعاون الخليجي.",
            # ... and as the object after the verb's subject
            "والتقى المبعوث الأممي إسماعيل ولد الشيخ أحمد ممثلين عن الحوثيين في مسقط.",
        ]
    )
    parties = _mention_parties(tables)
    assert parties == {
        "d0": ["jean-noel-barrot", "un"],
        "d1": ["emmanuel-macron", "nato"],
        "d2": ["emmanuel-macron"],
        "d3": ["emmanuel-macron", "joe-biden"],
        "d4": ["gcc", "john-kerry"],
        "d5": ["houthis", "ismail-ould-cheikh-ahmed"],
    }


def test_a_meeting_verb_after_where_keeps_the_subject_of_the_clause_before(build_texts):
    tables = build_texts(
        [
            "يزور الرئيس الفرنسي إيمانويل ماكرون أنقرة في الأسبوع المقبل، حيث سيلتقي الرئيس التركي رجب طيب أردوغان.",
            "يصل وزير الخارجية التركي هاكان فيدان إلى باريس غدا، حيث من المقرر أن يلتقي نظيره الفرنسي جان نويل بارو.",
        ]
    )
    parties = {(d, t): sorted(p) for d, t, p in tables.meeting_mentions.select("doc_id", "trigger", "participants").iter_rows()}
    assert parties[("d0", "سيلتقي")] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert ["hakan-fidan", "jean-noel-barrot"] in [p for (d, _), p in parties.items() if d == "d1"]


def test_who_is_named_after_a_speech_verb_and_its_that_clause_is_no_speaker(build_texts):
    # "قالت إنها تظهر الرئيس ...": the pronoun after إن is the subject, the name after it a party
    tables = build_texts(["نشرت الرئاسة صورا قالت إنها تظهر الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان في لقاء جمعهما."])
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}}


def test_a_visit_and_its_purpose_stay_one_meeting_across_the_time_between_them(build_texts):
    tables = build_texts(
        ["يزور الرئيس الفرنسي إيمانويل ماكرون أنقرة في الأسبوع المقبل للقاء الرئيس التركي رجب طيب أردوغان."],
        published=["2025-12-03"],
    )
    assert tables.meetings.select("participants", "status").rows() == [(["emmanuel-macron", "recep-tayyip-erdogan"], "planned")]


def test_a_day_is_the_meetings_date_before_a_part_of_a_week(build_texts):
    # (Tuesday's paper: Saturday, not the start of the week, though that is nearer)
    tables = build_texts(
        [
            "وفي مطلع الأسبوع عقد الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان اجتماعا مفاجئا يوم السبت في أنقرة.",
            # (a week with its direction stays the nearer date)
            "والتقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان الأسبوع الماضي في أنقرة ثم غادر يوم السبت إلى باريس.",
        ],
        published=["2018-05-29"] * 2,
    )
    dates = dict(tables.meeting_mentions.filter(pl.col("participants").list.len() == 2).select("doc_id", "date").iter_rows())
    assert dates == {"d0": date(2018, 5, 26), "d1": date(2018, 5, 21)}


def test_a_weekday_named_alone_after_a_verb_in_the_present_is_the_coming_one(build_texts):
    # (however far after it: the dates table reads a cue of the future only near the weekday)
    meeting = "رئيس الوزراء البريطاني كير ستارمر والرئيس الفرنسي إيمانويل ماكرون والمستشار الألماني فريدريش ميرتس برئيس الوزراء الكندي مارك كارني في لندن الاثنين."
    tables = build_texts(
        [
            f"ويلتقي {meeting}",
            f"والتقى {meeting}",
            f"ويلتقي {meeting[:-1]} الماضي.",
            # (a day before it is another verb's)
            "وصل رئيس الوزراء البريطاني كير ستارمر يوم الاثنين إلى باريس في زيارة يلتقي خلالها الرئيس الفرنسي إيمانويل ماكرون.",
        ],
        published=["2025-12-03"] * 4,  # a Wednesday
    )
    found = tables.meeting_mentions.sort("doc_id").select("status", pl.col("date").cast(pl.String)).rows()
    assert found == [("planned", "2025-12-08"), ("held", "2025-12-01"), ("held", "2025-12-01"), ("held", "2025-12-01")]


def test_a_meeting_in_a_coming_week_or_month_is_planned(build_texts):
    tables = build_texts(
        [
            "وافق الرئيس الفرنسي إيمانويل ماكرون على إجراء لقاء مع الرئيس التركي رجب طيب أردوغان الشهر المقبل.",
            "أجرى الرئيس الفرنسي إيمانويل ماكرون لقاء مع الرئيس التركي رجب طيب أردوغان الأسبوع الماضي.",
            # ... and so is one that what is reported now comes a week or hours before
            "وجاءت هذه الخطوة قبل أسبوع من عقد القمة بين ماكرون وأردوغان.",
            "وقبل ساعات من القمة بين ماكرون وأردوغان، قال المتحدث إن الأجواء إيجابية.",
        ],
        published=["2025-12-03"] * 4,
    )
    statuses = dict(tables.meeting_mentions.select("doc_id", "status").iter_rows())
    assert statuses == {"d0": "planned", "d1": "held", "d2": "planned", "d3": "planned"}


def test_a_purpose_after_a_meeting_opens_no_meeting_of_its_own(build_texts):
    # "لبحث ... مع": what the meeting is for; who is named there is a topic, and the venue and the
    # parties before it stay with the meeting
    tables = build_texts(
        [
            "اجتمع الرئيس الفرنسي إيمانويل ماكرون مع الرئيس التركي رجب طيب أردوغان لبحث الخلاف مع المسؤولين في الاتحاد الأوروبي.",
            "التقى المستشار الألماني فريدريش ميرتس الرئيس الفرنسي إيمانويل ماكرون في باريس لبحث العلاقات مع الصين.",
            # without a meeting before it, the purpose is the meeting: he came to discuss with him
            "وصل وزير الخارجية الروسي سيرغي لافروف إلى أنقرة لبحث العلاقات مع الرئيس التركي رجب طيب أردوغان.",
        ]
    )
    mentions = tables.meeting_mentions.sort("doc_id", "start")
    parties = {doc: sorted(p) for doc, p in mentions.select("doc_id", "participants").iter_rows()}
    assert mentions["doc_id"].to_list() == ["d0", "d1", "d2"]
    assert parties == {
        "d0": ["emmanuel-macron", "recep-tayyip-erdogan"],
        "d1": ["emmanuel-macron", "friedrich-merz"],
        "d2": ["recep-tayyip-erdogan", "sergey-lavrov"],
    }
    assert mentions.filter(pl.col("doc_id") == "d1")["place_id"].to_list() == ["paris-fr"]


def test_on_of_a_manner_before_the_counterpart_leads_no_topic(build_texts):
    # "على انفراد": privately, not "about" (a topic after "على": "اتفقا على ...")
    tables = build_texts(
        [
            "والتقى الرئيس الفرنسي إيمانويل ماكرون على انفراد مع الرئيس التركي رجب طيب أردوغان.",
            "واجتمع الرئيس الفرنسي إيمانويل ماكرون على عجل بالرئيس التركي رجب طيب أردوغان.",
            "واجتمع الرئيس الفرنسي إيمانويل ماكرون على مدى ساعتين بالرئيس التركي رجب طيب أردوغان.",
            # (a topic after it stays one: "اتفق ... على")
            "واجتمع الرئيس الفرنسي إيمانويل ماكرون بوزير خارجيته واتفقا على دعم الرئيس التركي رجب طيب أردوغان.",
        ]
    )
    parties = _mention_parties(tables)
    assert {doc: parties[doc] for doc in ("d0", "d1", "d2")} == {"d0": list(MACRON_ERDOGAN), "d1": list(MACRON_ERDOGAN), "d2": list(MACRON_ERDOGAN)}
    assert "recep-tayyip-erdogan" not in parties["d3"]


def test_the_pronoun_of_a_meeting_told_to_someone_is_the_one_told(build_texts):
    # "قال X لـY إن Z يتطلع للقائه": Z looks forward to meeting Y; X only passes it on
    tables = build_texts(
        [
            "قال وزير الخارجية الروسي سيرغي لافروف للملك عبد الله الثاني في وقت سابق إن الرئيس الصيني شي جين بينغ يتطلع للقائه في أكتوبر المقبل.",
            # told to nobody named: no counterpart
            "وقال وزير الخارجية الروسي سيرغي لافروف للصحفيين إن الرئيس الصيني شي جين بينغ يتطلع للقائه.",
        ]
    )
    parties = _mention_parties(tables)
    assert parties == {"d0": ["abdullah-ii", "xi-jinping"], "d1": ["xi-jinping"]}
    assert _edges(tables) == {("abdullah-ii", "xi-jinping")}


def test_a_meeting_looked_forward_to_is_planned(build_texts):
    tables = build_texts(["وقال الرئيس الفرنسي إيمانويل ماكرون إنه يتطلع إلى لقاء الرئيس التركي رجب طيب أردوغان."])
    mentions = tables.meeting_mentions
    assert mentions["status"].to_list() == ["planned"]
    assert sorted(mentions["participants"][0]) == ["emmanuel-macron", "recep-tayyip-erdogan"]


def test_the_time_between_a_visit_and_its_meeting_is_the_visits_too(build_texts):
    # "يزور ... الأسبوع المقبل حيث يلتقي": the week is when the visit happens, not only the meeting
    tables = build_texts(
        [
            "يزور الرئيس الفرنسي إيمانويل ماكرون أنقرة الأسبوع المقبل حيث يلتقي الرئيس التركي رجب طيب أردوغان.",
            "زار الرئيس الفرنسي إيمانويل ماكرون أنقرة الأسبوع الماضي حيث التقى الرئيس التركي رجب طيب أردوغان.",
        ],
        published=["2025-12-04", "2025-12-04"],
    )
    mentions = tables.meeting_mentions.sort("doc_id", "start")
    assert mentions.select("doc_id", "status").rows() == [("d0", "planned"), ("d0", "planned"), ("d1", "held"), ("d1", "held")]
    assert mentions["date_text"].null_count() == 0


def test_a_meeting_that_gathered_him_with_someone_is_his(build_texts):
    # "لقاء جمعه مع ...": the pronoun of the verb of gathering is the person the article is about
    tables = build_texts(
        ["وصل الرئيس الفرنسي إيمانويل ماكرون اليوم إلى إسطنبول. "
         "وبعد لقاء جمعه أمس مع نظيره التركي رجب طيب أردوغان في أنقرة، من المتوقع أن يتوجه إلى بغداد."]
    )
    assert _edges(tables) == {("emmanuel-macron", "recep-tayyip-erdogan")}


def test_a_meeting_joined_to_a_visit_by_and_is_the_visitors(build_texts):
    # "زيارة ... ولقاء ...": who visits is who meets
    tables = build_texts(
        [
            "يعتزم المستشار الألماني فريدريش ميرتس زيارة أنقرة ولقاء الرئيس التركي رجب طيب أردوغان.",
            "وصل وزير الخارجية الصيني وانغ يي إلى القاهرة في زيارة رسمية ولقاء الرئيس عبد الفتاح السيسي.",
        ]
    )
    assert _edges(tables) == {("friedrich-merz", "recep-tayyip-erdogan"), ("abdel-fattah-el-sisi", "wang-yi")}
    assert tables.meetings.filter(pl.col("participants").list.contains("friedrich-merz"))["status"].to_list() == ["planned"]


def test_a_threat_to_cancel_leaves_the_meeting_planned_and_a_cause_names_no_party(build_texts):
    tables = build_texts(
        [
            "هدد قادة الاتحاد الأوروبي بإلغاء اجتماع مزمع مع الرئيس التركي رجب طيب أردوغان، بسبب قيام أنقرة بمنع شركة إيني من التنقيب.",
            "ألغى الرئيس الفرنسي إيمانويل ماكرون اجتماعا مع الرئيس التركي رجب طيب أردوغان.",
            # the noun too
            "يعد تهديد تركيا الصارم بإلغاء المحادثات المهمة مع فرنسا - التي من المقرر عقدها في 12 يونيو - تحولا خطيرا.",
        ]
    )
    mentions = tables.meeting_mentions.sort("doc_id")
    assert mentions["status"].to_list() == ["planned", "cancelled", "planned"]
    assert sorted(mentions["participants"][0]) == ["eu", "recep-tayyip-erdogan"]


def test_the_guest_described_as_visiting_is_the_one_received(build_texts):
    # "استقبل ... الرئيس الفرنسي، إيمانويل ماكرون، الذي يزور المملكة": the relative clause describes the guest
    tables = build_texts(
        ["استقبل العاهل الأردني الملك عبد الله الثاني في قصر الحسينية أمس الرئيس الفرنسي، إيمانويل ماكرون، الذي يزور المملكة للمرة الأولى منذ عامين."]
    )
    assert _edges(tables) == {("abdullah-ii", "emmanuel-macron")}


def test_a_minister_of_a_state_in_the_construct_form_is_the_one_named_after_it(build_texts):
    # "وزير خارجية سنغافورة، فيفيان بالاكريشنان": a foreign minister, not "a minister" that the
    # article's prime minister would be
    tables = build_texts(
        ["واستقبل وزير خارجية سنغافورة، فيفيان بالاكريشنان، أردوغان لدى وصوله إلى سنغافورة. والتقى أردوغان مع رئيس وزراء سنغافورة لي هسين لونغ."]
    )
    first, second = tables.meeting_mentions.sort("start")["participants"].to_list()
    assert set(first) == {"vivian-balakrishnan", "recep-tayyip-erdogan"}
    assert set(second) == {"recep-tayyip-erdogan", "lee-hsien-loong"}


def test_who_present_during_the_meeting_named_before_are_no_new_parties(build_texts):
    # "أثناء الاجتماع" is the meeting of the first sentence: the presenters attend it
    tables = build_texts(
        [
            "التقى الرئيس الفرنسي إيمانويل ماكرون اليوم مع الرئيس التركي رجب طيب أردوغان في باريس. "
            "وقدم مستشار الوزير الدكتور خالد الزعبي ورئيس الهيئة الدكتور ماجد الشمري، أثناء الاجتماع، عرضا عن المشاريع."
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}}
    assert tables.meetings.height == 1


def test_the_american_foreign_minister_is_the_secretary_of_state(build_texts):
    # "وزير الخارجية الأمريكي" with no name: the Secretary of State the article names
    tables = build_texts(["وصل وزير الخارجية الأمريكي إلى أنقرة حيث التقى أردوغان. وأكد بلينكن أن المحادثات كانت مثمرة."])
    assert ("antony-blinken", "recep-tayyip-erdogan") in _pairs_by_doc(tables)["d0"]


def test_what_a_meeting_will_discuss_names_no_party(build_texts):
    # "الاجتماع سيناقش ...": the sides of the war it discusses did not meet
    tables = build_texts(
        ["التقى ماكرون أردوغان في أنقرة. وأوضحت المصادر أن الاجتماع سيناقش بالتفصيل النجاحات التي حققها التحالف العربي في اليمن وتحرير عدن من ميليشيات الحوثي."]
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}}


def test_who_prepares_a_meeting_meets_apart_from_it_and_who_attends_is_no_party(build_texts):
    # "وتمهيدا لهذا الاجتماع، عقد الوزراء لقاء": a second meeting, not the first; "وحضور" lists attendees
    tables = build_texts(
        [
            "يعقد ماكرون اجتماعا مع أردوغان اليوم في أنقرة. وتمهيدا لهذا الاجتماع، عقد الوزراء، أمس، لقاء تنسيقيا في أنقرة، "
            "برئاسة وزير الخارجية التركي هاكان فيدان، وحضور الأمين العام لجامعة الدول العربية أحمد أبو الغيط."
        ]
    )
    mentions = tables.meeting_mentions.sort("start")
    assert mentions["participants"].to_list()[0] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert ["hakan-fidan"] in mentions["participants"].to_list()
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}}


def test_a_verb_of_two_with_no_party_is_the_meeting_of_the_two_named_before(build_texts):
    tables = build_texts(
        ["وستكون القمة المرتقبة بين ماكرون وأردوغان في أنقرة في سبتمبر المقبل. وتعد القمة القادمة ثالث لقاء، إذ التقيا للمرة الأولى في أبريل الماضي."]
    )
    met = tables.meeting_mentions.filter(pl.col("trigger").str.contains("التقيا"))
    assert met.select(pl.col("participants").list.sort(), "status").rows() == [(list(MACRON_ERDOGAN), "held")]


def test_the_two_sides_are_the_two_states_named_just_before(build_texts):
    # "بين الجانبين" after "بين تركيا وفرنسا": those states; with no such pair it refers back
    tables = build_texts(
        [
            "وتناول اللقاء تبادل آراء حول المضي قدما بالعلاقات بين تركيا وفرنسا في القمة المرتقبة بين الجانبين.",
            "التقى ماكرون أردوغان في أنقرة. وأكد أن القمة بين الجانبين كانت مثمرة.",
        ]
    )
    summit = tables.meeting_mentions.filter((pl.col("doc_id") == "d0") & pl.col("trigger").str.contains("القمه"))
    assert summit["participants"].to_list() == [["state-turkey", "state-france"]]
    assert _pairs_by_doc(tables)["d1"] == {MACRON_ERDOGAN}
    # ... or joined in a sentence before, when its own names none ("قد" may come between)
    tables = build_texts(
        [
            "وذكر تحليل أن القمة التي عقدها زعيما تركيا وفرنسا، يوم الجمعة، مؤشر إيجابي. والتقى الرئيس الفرنسي ماكرون نظيره في أنقرة. "
            "وكانت لقاءات سابقة قد أجريت بين البلدين في عامي 2000 و2007.",
            # (not "العلاقات الثنائية بين البلدين" three words after the meeting word: their relations)
            "وتأتي زيارة ماكرون ضمن جولته إلى تركيا واليونان. ومن المتوقع أن تعيد هذه المحادثات طبيعة العلاقات الثنائية بين البلدين.",
        ]
    )
    earlier = tables.meeting_mentions.filter(pl.col("trigger") == "لقاءات")
    assert earlier["participants"].to_list() == [["state-turkey", "state-france"]]
    talks = tables.meeting_mentions.filter((pl.col("doc_id") == "d1") & (pl.col("trigger") == "المحادثات"))
    assert talks["participants"].to_list() == [[]]


def test_earlier_meetings_of_two_states_are_not_their_leaders_meeting_of_today(build_texts):
    # "لقاءات سابقة": other meetings than the one before them; the states are not resolved to the
    # leaders the article has meet today
    tables = build_texts([
        "التقى الرئيس الكوري الجنوبي مون جيه إن الزعيم الكوري الشمالي كيم جونغ أون في المنطقة العازلة بين كوريا الشمالية وكوريا الجنوبية. "
        "وكانت لقاءات سابقة قد أجريت بين البلدين في المنطقة في عامي 2000 و2007."
    ])
    assert sorted(sorted(p) for p in tables.meetings["participants"].to_list()) == [
        ["kim-jong-un", "moon-jae-in"], ["state-north-korea", "state-south-korea"],
    ]


def test_the_two_sides_may_be_two_capitals_named_just_before(build_texts):
    # the capitals stand for their states; a place before "، وذلك" is the earlier clause's, not the venue
    tables = build_texts(
        ["تحدثت وسائل إعلام حكومية في كوريا الشمالية عن علاقة جديدة بين بيونغيانغ وواشنطن، وذلك قبل القمة التاريخية المرتقبة بين البلدين."]
    )
    summit = tables.meeting_mentions.filter(pl.col("trigger").str.contains("القمه"))
    assert summit.select("participants", "place_id").rows() == [(["state-north-korea", "state-united-states"], None)]
    # "الوشيك": imminent, to come
    tables = build_texts(["وينفي الوزير أن يكون للائحة أي علاقة بالاجتماع الوشيك بين البلدين تركيا وفرنسا."])
    assert tables.meeting_mentions["status"].to_list() == ["planned"]


def test_a_venue_after_wa_dhalika_is_the_meetings(build_texts):
    tables = build_texts(["التقى ماكرون أردوغان، وذلك في أنقرة."])
    assert tables.meetings["place_id"].to_list() == ["ankara-tr"]


def test_a_place_in_before_a_word_of_time_and_a_meeting_is_the_earlier_clauses(build_texts):
    # "قبل أيام من القمة": where the dismissal was, not the summit's venue; not after "إلى" (an arrival)
    tables = build_texts(
        [
            "أقيل أكبر ثلاثة قادة عسكريين في كوريا الشمالية قبل أيام من القمة بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان.",
            "وصل الرئيس الفرنسي إيمانويل ماكرون إلى أنقرة قبل يومين من القمة مع الرئيس التركي رجب طيب أردوغان.",
            # (a meeting after its venue and a word of time: the venue is the summit's, the White House the talks')
            "قال ماكرون إن القمة مع أردوغان ستعقد كما كانت مقررة في 12 يونيو في أنقرة بعد محادثات غير مسبوقة استمرت أكثر من ساعة في البيت الأبيض مع موفد رفيع المستوى.",
        ],
        published=["2018-06-04"] * 3,
    )
    places = dict(tables.meeting_mentions.filter(pl.col("trigger").str.contains("القمه")).select("doc_id", "place_id").iter_rows())
    assert places == {"d0": None, "d1": "ankara-tr", "d2": "ankara-tr"}
    talks = tables.meeting_mentions.filter(pl.col("trigger") == "محادثات")
    assert talks["place_id"].to_list() == ["washington-us"]


def test_a_place_before_an_agreement_on_a_meeting_is_the_agreements(build_texts):
    tables = build_texts(
        ["عقد ماكرون وأردوغان اجتماعا مفاجئا يوم السبت في مدينة إزمير اتفقا خلاله على ضرورة عقد القمة مع الرئيس الأمريكي جو بايدن."],
        published=["2018-05-29"],
    )
    places = dict(tables.meeting_mentions.select("trigger", "place_id").iter_rows())
    assert places == {"عقد اجتماعا": "izmir-tr", "عقد القمه": None}


def test_the_leaders_of_two_states_as_a_dual_construct_subject_are_the_states(build_texts):
    # "عقد زعيما الصين وتايوان محادثات": the states are written, not their leaders' names
    tables = build_texts(
        ["ففي عام 2015 عقد زعيما الصين وتايوان محادثات تاريخية في تلك الدولة الصغيرة.", "وعقد وزيرا خارجية تركيا وفرنسا محادثات أمس."]
    )
    assert _pairs_by_doc(tables) == {"d0": {("state-china", "state-taiwan")}, "d1": {("state-france", "state-turkey")}}


def test_nationality_adjectives_after_a_meeting_word_name_its_two_states(build_texts):
    tables = build_texts(
        [
            "وتستعد سنغافورة لاستضافة القمة الأمريكية الكورية الشمالية.",
            "وانطلقت المحادثات الفرنسية-التركية في أنقرة.",
            "وعقد اللقاء الروسي الأوكراني في إسطنبول.",
            "وأعرب الوزير عن تفاؤله بالمحادثات الأميركية مع كوريا الشمالية.",
            # one adjective names no meeting of two; nor does a region
            "وانعقدت القمة الفرنسية في باريس.",
            "وانعقدت القمة الأوروبية في بروكسل.",
            # three, after the number of sides; indefinite, two or more (one names none)
            "وانطلقت في جنيف القمة الثلاثية الفرنسية التركية الألمانية.",
            "وانطلقت في جنيف محادثات ثلاثية فرنسية تركية ألمانية.",
            "وانطلقت في جنيف محادثات فرنسية.",
            # a state taking part, by its adjective
            "وعقدت فرنسا وتركيا محادثات في جنيف بمشاركة ألمانية.",
            # (the number of sides masculine too)
            "وانطلق في جنيف الاجتماع الثلاثي الفرنسي التركي الألماني.",
        ]
    )
    three = {("state-france", "state-germany"), ("state-france", "state-turkey"), ("state-germany", "state-turkey")}
    assert _pairs_by_doc(tables) == {
        "d0": {("state-north-korea", "state-united-states")},
        "d1": {("state-france", "state-turkey")},
        "d2": {("state-russia", "state-ukraine")},
        "d3": {("state-north-korea", "state-united-states")},
        "d4": set(),
        "d5": set(),
        "d6": three,
        "d7": three,
        "d8": set(),
        "d9": three,
        "d10": three,
    }


def test_states_stand_for_no_pair_that_the_article_denies_met(build_texts):
    # the nearest pair of a Frenchman and a Turk is a meeting the text denies: the summit's states
    # stand for the pair that is to meet
    tables = build_texts(
        ["ردت باريس على تهديدات بإلغاء القمة الفرنسية التركية المرتقبة. "
         "ولا توجد خطط للقاء بين الرئيس رجب طيب أردوغان ووزير الخارجية جان نويل بارو. "
         "وأكدت الخارجية أنها تواصل الإعداد للقمة بين إيمانويل ماكرون ورجب طيب أردوغان."]
    )
    summit = tables.meeting_mentions.sort("start").row(0, named=True)
    assert summit["participants"] == ["state-france", "state-turkey"]
    assert tables.meetings.filter(pl.col("meeting_id") == summit["meeting_id"])["participants"].list.sort().to_list() == [list(MACRON_ERDOGAN)]


def test_officials_from_a_country_hold_talks_with_others_from_another(build_texts):
    # "مسؤولين من X يجرون محادثات مع آخرين من Y": the subject before a plural holding verb, and
    # "others" with the country they are from
    tables = build_texts(
        [
            "أعلن الرئيس أن مسؤولين من الولايات المتحدة يجرون محادثات مباشرة مع آخرين من كوريا الشمالية.",
            # others with no country are nobody
            "وقال إن مسؤولين من فرنسا سيعقدون مباحثات مع آخرين الأسبوع المقبل.",
            # the verb holds a meeting only with a meeting word
            "وقال إن المسؤولين الفرنسيين يجرون تعديلات على الخطة مع نظرائهم الألمان.",
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {("state-north-korea", "state-united-states")}, "d1": set()}
    assert "d2" not in tables.meeting_mentions["doc_id"].to_list()


def test_a_reported_clause_about_somebody_named_by_title_is_not_the_speakers_meeting(build_texts):
    # "المحادثات التي أجراها" is the president's, whom the clause names by title, not the speaker's
    tables = build_texts(
        [
            'التقى ماكرون أردوغان في أنقرة. وأشار ميرتس إلى أن "صلاحيات الرئيس" تتيح له أن يحتفظ لنفسه بمضمون المحادثات التي أجراها مع أردوغان.',
            "وقال المكتب إن المستشار ميرتس التقى أردوغان في برلين.",
        ]
    )
    assert _pairs_by_doc(tables)["d0"] == {MACRON_ERDOGAN}
    assert _pairs_by_doc(tables)["d1"] == {("friedrich-merz", "recep-tayyip-erdogan")}


def test_a_title_the_article_names_nobody_for_is_who_held_the_office_that_year(build_texts):
    # "الرئيس الأمريكي" in a brief that never names him: the president of the article's year; with
    # no publication date, nobody
    text = "التقى ماكرون مع الرئيس الأمريكي في باريس أمس."
    tables = build_texts([text, text, text], published=["2015-06-01", "2019-06-01", None])
    assert _pairs_by_doc(tables) == {
        "d0": {("barack-obama", "emmanuel-macron")},
        "d1": {("donald-trump", "emmanuel-macron")},
        "d2": set(),
    }


def test_a_title_is_who_held_the_office_that_month(build_texts):
    # a chancellor's and a prime minister's change within a year: the month tells them apart, and
    # in the month of the change nobody is meant for sure
    german = "التقى ماكرون مع المستشار الألماني في باريس أمس."
    british = "التقى ماكرون مع رئيس الوزراء البريطاني في باريس أمس."
    tables = build_texts([german, german, german, british, british], published=["2025-03-01", "2025-06-01", "2025-05-10", "2024-03-01", "2024-09-01"])
    assert _pairs_by_doc(tables) == {
        "d0": {("emmanuel-macron", "olaf-scholz")},
        "d1": {("emmanuel-macron", "friedrich-merz")},
        "d2": set(),
        "d3": {("emmanuel-macron", "rishi-sunak")},
        "d4": {("emmanuel-macron", "keir-starmer")},
    }


def test_a_title_after_an_agent_of_its_holder_names_no_party(build_texts):
    # "سفير خادم الحرمين الشريفين": the king's ambassador speaks; the king is at no meeting
    tables = build_texts(
        ["أكد سفير خادم الحرمين الشريفين بالأردن، أن زيارة صاحب السمو الملكي الأمير محمد بن سلمان؛ ولي ولي العهد النائب الثاني "
         "لرئيس مجلس الوزراء وزير الدفاع – حفظه الله – ولقاءه الملك عبدالله الثاني بن الحسين؛ يتم في إطار التشاور."],
        published=["2015-08-04"],
    )
    assert not any("salman-bin-abdulaziz" in p for p in tables.meeting_mentions["participants"].to_list())


def test_who_is_named_in_another_clause_before_a_verb_with_its_own_subject_is_no_party(build_texts):
    # "، إذ اجتمع ميرتس مع ...": Macron, in the clause before, is not at Merz's meetings
    tables = build_texts(["ويحذو ماكرون حذو سلفه في علاقاته الخارجية، إذ اجتمع ميرتس مرتين مع أردوغان العام الماضي."])
    assert _pairs_by_doc(tables) == {"d0": {("friedrich-merz", "recep-tayyip-erdogan")}}


def test_a_title_whose_complement_follows_ala_leads_to_the_one_who_receives(build_texts):
    # "المشرف العام على مركز ...": على is the title's, not a topic; the court of the adviser's
    # title is no party
    tables = build_texts(
        ["استقبل المستشار بالديوان الملكي المشرف العام على مركز الملك سلمان للإغاثة والأعمال الإنسانية "
         "د. عبدالله بن عبدالعزيز الربيعة أمس وزيرة الإعلام اليمنية د. نادية السقاف بمقر المركز.",
         "استقبل المستشار بالديوان الملكي الدكتور عبدالله بن عبدالعزيز الربيعة أمس بمقر المركز."]
    )
    names = dict(tables.actors.select("actor_id", "name_ar").iter_rows())
    parties = {doc: sorted(names[p] for p in found) for doc, found in _mention_parties(tables).items()}
    assert parties == {"d0": ["عبدالله بن عبدالعزيز الربيعة", "نادية السقاف"], "d1": ["عبدالله بن عبدالعزيز الربيعة"]}


def test_a_meeting_noun_after_a_demonstrative_is_the_meeting_before_it(build_texts):
    # "وتلك المناقشات جارية": the talks on the invitation are the summit's; the adviser asked to
    # invite is no party of it
    tables = build_texts(
        ["عقد الرئيس الفرنسي إيمانويل ماكرون قمة مع الرئيس التركي رجب طيب أردوغان في أنقرة. "
         "وقالت المتحدثة: \"طلب الرئيس ماكرون من جون بولتون دعوة الرئيس أردوغان إلى باريس في الخريف وتلك المناقشات جارية بالفعل\"."]
    )
    assert tables.meeting_edges.select("actor_a", "actor_b").rows() == [("emmanuel-macron", "recep-tayyip-erdogan")]


def test_a_call_to_cancel_that_meeting_keeps_whom_it_names(build_texts):
    # "دعا ... إلى إلغاء ذلك الاجتماع" is about the one it names, not emptied into the meeting before it
    tables = build_texts(
        ["التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في أنقرة أمس. "
         "ودعا زعيم المعارضة الفرنسية جان لوك ميلانشون الرئيس ماكرون إلى إلغاء ذلك الاجتماع."]
    )
    mentions = tables.meeting_mentions.sort("start")
    assert mentions.select("status", "participants").rows() == [
        ("held", ["emmanuel-macron", "recep-tayyip-erdogan"]), ("cancelled", ["emmanuel-macron"])
    ]


def test_the_day_a_meeting_is_spoken_of_is_not_its_date(build_texts):
    # Monday is when Macron spoke; the summit has no date of its own here
    sentence = "قال الرئيس الفرنسي إيمانويل ماكرون، الاثنين، إنه يفضل أن تعقد القمة مع الرئيس التركي رجب طيب أردوغان في جنيف."
    tables = build_texts([sentence, sentence.replace("إنه يفضل أن تعقد القمة", "إن القمة تعقد")], published=["2025-12-08", "2025-12-08"])
    dates = dict(tables.meeting_mentions.select("doc_id", "date").iter_rows())
    assert dates["d0"] is None
    # ... unlike a date in the clause of the meeting ("إن القمة تعقد ... الاثنين")
    tables = build_texts(["قال الرئيس الفرنسي إيمانويل ماكرون إن القمة مع الرئيس التركي رجب طيب أردوغان تعقد في جنيف الاثنين."], published=["2025-12-08"])
    assert tables.meeting_mentions["date"].to_list() == [date(2025, 12, 8)]


def test_a_cancellation_that_may_come_leaves_the_meeting_planned(build_texts):
    sides = "القمة المرتقبة مع الرئيس التركي رجب طيب أردوغان"
    tables = build_texts(
        [
            f"قال الرئيس الفرنسي إيمانويل ماكرون إنه من المحتمل تأجيل {sides}.",
            f"وأعلنت باريس أن الرئيس الفرنسي إيمانويل ماكرون قد تلغي {sides}.".replace("قد تلغي", "قد يلغي"),
            f"وكان الرئيس الفرنسي إيمانويل ماكرون قد ألغى {sides}.",
        ]
    )
    statuses = dict(tables.meeting_mentions.select("doc_id", "status").iter_rows())
    assert statuses == {"d0": "planned", "d1": "planned", "d2": "cancelled"}


def test_a_meeting_not_ruled_out_is_planned(build_texts):
    sides = "أن يلتقي الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان."
    tables = build_texts([f"ولم يستبعد الإليزيه {sides}", f"واستبعد الإليزيه {sides}"])
    statuses = dict(tables.meeting_mentions.select("doc_id", "status").iter_rows())
    assert statuses == {"d0": "planned", "d1": "denied"}


def test_what_is_to_come_after_a_meeting_does_not_make_it_planned(build_texts):
    tables = build_texts([
        "ووضعت الخطة بعد اجتماع بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان في أنقرة. "
        "وقال وزير الخارجية إنه يتوقع أن يطلعه الفريق على النتائج بعد الاجتماع."
    ])
    assert tables.meetings.select("participants", "status").rows() == [(["emmanuel-macron", "recep-tayyip-erdogan"], "held")]


def test_a_meeting_put_off_in_the_passive_is_postponed(build_texts):
    sides = "بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان"
    tables = build_texts(
        [
            f"أرجئ اللقاء {sides} إلى موعد لاحق.",
            # (the cue after the parties, as the meeting word's predicate; "قد" before a past verb)
            f"وقالت مصادر إن اللقاء المرتقب {sides} قد تأجل إلى موعد لاحق.",
            f"وأكد أن القمة {sides} ألغيت.",
            # (... and "قد" before a present one: it may be)
            f"وقالت مصادر إن اللقاء المرتقب {sides} قد يؤجل.",
            # (not in another clause)
            f"وعقد اللقاء {sides} في أنقرة، وقرر الطرفان تأجيل الانتخابات.",
        ]
    )
    statuses = tables.meeting_mentions.sort("doc_id").select("participants", "status").rows()
    sides = ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert statuses == [(sides, "postponed"), (sides, "postponed"), (sides, "cancelled"), (sides, "planned"), (sides, "held")]


def test_a_meeting_agreed_on_with_the_subject_between_is_planned(build_texts):
    tables = build_texts(["اتفقت باريس وأنقرة على عقد قمة بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان."])
    assert tables.meeting_mentions.select("participants", "status").rows() == [(["emmanuel-macron", "recep-tayyip-erdogan"], "planned")]


def test_a_meeting_verb_in_the_present_is_to_come_unless_a_headline_or_a_past_day(build_texts):
    sides = "الرئيس الفرنسي إيمانويل ماكرون نظيره التركي رجب طيب أردوغان في أنقرة"
    tables = build_texts(
        [
            f"يلتقي {sides} لبحث العلاقات الثنائية.",
            f"جرت محادثات في أنقرة.\nالرئيس الفرنسي إيمانويل ماكرون يستقبل الرئيس التركي رجب طيب أردوغان\nرابط الخبر",
            "وكان إيمانويل ماكرون يلتقي نظيره التركي رجب طيب أردوغان في أنقرة لبحث العلاقات الثنائية.",
            f"يلتقي {sides} يوم الأربعاء الماضي لبحث العلاقات الثنائية.",
        ],
        published=["2025-12-08"] * 4,
    )
    statuses = dict(tables.meeting_mentions.filter(pl.col("participants").list.len() == 2).select("doc_id", "status").iter_rows())
    assert statuses == {"d0": "planned", "d1": "held", "d2": "held", "d3": "held"}
    # the same rules in a batch with no date at all
    tables = build_texts([f"يلتقي {sides} لبحث العلاقات الثنائية.", "جرت محادثات في أنقرة.\nالرئيس الفرنسي إيمانويل ماكرون يستقبل الرئيس التركي رجب طيب أردوغان\nرابط الخبر"])
    assert tables.dates.height == 0
    statuses = dict(tables.meeting_mentions.filter(pl.col("participants").list.len() == 2).select("doc_id", "status").iter_rows())
    assert statuses == {"d0": "planned", "d1": "held"}


def test_a_meeting_said_to_have_taken_place_keeps_no_later_date(build_texts):
    # tomorrow is when he announces its outcome: the meeting is held, and undated
    sentence = "وذكر مسؤولون أن الرئيس الفرنسي إيمانويل ماكرون سيعلن نتيجة اجتماعه مع أردوغان الذي استمر ساعتين صباح غد الأحد."
    tables = build_texts([sentence, sentence], published=["2025-12-06", None])
    # (with no publication date, "غد" points forward all the same)
    assert tables.meeting_mentions.select("status", "date").rows() == [("held", None), ("held", None)]


def test_the_summit_refers_back_to_the_summit_not_to_the_reception(build_texts):
    tables = build_texts(
        ["قال الرئيس الفرنسي إيمانويل ماكرون إن القمة المرتقبة مع الرئيس التركي رجب طيب أردوغان ستعقد في أنقرة. "
         "وجاء تصريح ماكرون خلال استقباله المستشار الألماني فريدريش ميرتس في باريس. "
         "وكان من المقرر أن تعقد القمة في 12 يونيو/حزيران."]
    )
    last = tables.meeting_mentions.sort("start").row(-1, named=True)
    summit = tables.meetings.filter(pl.col("meeting_id") == last["meeting_id"]).row(0, named=True)
    assert sorted(summit["participants"]) == ["emmanuel-macron", "recep-tayyip-erdogan"]


def test_a_counterpart_is_the_holder_of_the_same_office_in_the_other_country(build_texts):
    tables = build_texts(
        [
            "وقال أردوغان إن العلاقات جيدة. وسيجتمع الرئيس الفرنسي إيمانويل ماكرون مع نظيره التركي الأسبوع المقبل في أنقرة.",
            # a prize proposed to him: "إلى نظيره" is no one he meets
            "واقترح الرئيس الفرنسي إيمانويل ماكرون جائزة إلى نظيره التركي بعد اللقاء الذي جرى بينه وبين المستشار الألماني فريدريش ميرتس.",
        ],
        published=["2025-12-06", "2025-12-06"],
    )
    parties = _mention_parties(tables)
    assert parties["d0"] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert "recep-tayyip-erdogan" not in parties["d1"]


def test_a_counterpart_is_the_object_of_the_meeting_verb_whose_subject_holds_the_office(build_texts):
    tables = build_texts(
        [
            "التقى ماكرون نظيره التركي في باريس.",
            "واستقبل الرئيس ماكرون، اليوم، نظيره التركي في قصر الإليزيه.",
            # the minister's counterpart, named after a relative clause, is not Macron's
            "التقى ماكرون وزير الخارجية الألماني الذي انتقد نظيره التركي.",
            # nor one named in what is said
            "قال ماكرون إن نظيره التركي سيزور باريس.",
            # the holder right before the verb, and the place and time between the verb and the word
            "وكان ماكرون قد التقى في وقت سابق اليوم نظيره التركي.",
            "وكان ماكرون قد التقى الوزير الذي انتقد نظيره التركي.",
            # a holder named by a title, with its adjective; the object of a verbal noun of meeting
            "والتقى الرئيس الفرنسي نظيره التركي في باريس.",
            "ويعتزم ماكرون لقاء نظيره التركي في باريس.",
            # ... or of a verb that goes on with the holder's clause
            "ووصل الرئيس الفرنسي إلى أنقرة، حيث سيلتقي نظيره التركي.",
            "ووصل الرئيس الفرنسي إلى أنقرة، حيث التقى الوزير الذي انتقد نظيره التركي.",
        ],
        published=["2025-12-06"] * 10,
    )
    parties = _mention_parties(tables)
    assert parties["d0"] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert parties["d1"] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert "recep-tayyip-erdogan" not in parties.get("d2", [])
    assert "recep-tayyip-erdogan" not in parties.get("d3", [])
    assert parties["d4"] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert "recep-tayyip-erdogan" not in parties.get("d5", [])
    assert parties["d6"] == parties["d7"] == parties["d8"] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert "recep-tayyip-erdogan" not in parties.get("d9", [])


def test_a_monarch_or_crown_prince_named_by_title_alone_is_the_holder_that_year(build_texts):
    tables = build_texts(
        ["التقى مودي العاهل السعودي في الرياض.", "التقى مودي ولي العهد السعودي في الرياض.", "التقى مودي ولي العهد السعودي في الرياض."],
        published=["2018-05-10", "2018-05-10", "2016-05-10"],
    )
    parties = _mention_parties(tables)
    assert parties["d0"] == ["narendra-modi", "salman-bin-abdulaziz"]
    assert parties["d1"] == ["mohammed-bin-salman", "narendra-modi"]
    assert parties["d2"] == ["muhammad-bin-nayef", "narendra-modi"]


def test_a_title_that_names_its_state_and_a_titled_object_after_a_long_subject(build_texts):
    tables = build_texts(
        [
            # "خادم الحرمين الشريفين" is the King of Saudi Arabia whoever holds the crown that year
            "وصل إلى الرياض اليوم الرئيس الفرنسي فرانسوا هولاند في زيارة رسمية يلتقي خلالها خادم الحرمين الشريفين.",
            # the object right after the subject, however long the subject's titles and name
            "واستقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود الرئيس الفرنسي.",
        ],
        published=["2016-08-10", "2016-08-10"],
    )
    parties = _mention_parties(tables)
    assert parties["d0"] == ["francois-hollande", "salman-bin-abdulaziz"]
    assert parties["d1"] == ["francois-hollande", "salman-bin-abdulaziz"]


def test_an_ambassador_posted_to_a_country_is_the_name_after_the_title_not_its_possessor(build_texts):
    # "سفير اليابان لدى المملكة": an office; the name after it is its holder, a party of the reception
    tables = build_texts(["استقبل الأمير فيصل بن بندر بمكتبه في الرياض اليوم، سفير اليابان لدى المملكة نوريهيرو أوكودا."])
    assert [len(p) for p in tables.meeting_mentions["participants"]] == [2]


def test_a_verb_with_the_pronoun_of_the_one_met_takes_the_person_named_before(build_texts):
    tables = build_texts(
        [
            "وصل الرئيس الفرنسي إيمانويل ماكرون إلى أنقرة أمس. واستقبله الرئيس التركي رجب طيب أردوغان في القصر الرئاسي.",
            # (its own subject right before it is not the one met)
            "وقال الرئيس الفرنسي إيمانويل ماكرون إن الرئيس التركي رجب طيب أردوغان استقبله بحفاوة.",
            "وأشاد ماكرون بالمستشارة الألمانية أنغيلا ميركل التي استقبلته في برلين.",
            # "زاره" is not read: with و it is "وزارة", a ministry
            "وقال ماكرون إن وزارة الخارجية التركية أصدرت بيانا.",
        ],
        published=["2025-12-06"] * 4,
    )
    parties = _mention_parties(tables)
    assert parties["d0"] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert parties["d1"] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert parties["d2"] == ["angela-merkel", "emmanuel-macron"]
    assert "d3" not in parties


def test_an_indefinite_title_with_an_adjective_of_no_country_names_nobody(build_texts):
    # "أول زعيم أجنبي": the first foreign leader, not the leader the article names
    tables = build_texts(
        ["وقال ماكرون إنه يعتزم زيارة زعيم كوريا الشمالية كيم جونغ أون، وهو ما سيكون أول اجتماع لكيم مع زعيم أجنبي في بيونغ يانغ."],
        published=["2018-06-03"],
    )
    last = tables.meeting_mentions.sort("start").row(-1, named=True)
    assert last["participants"] == ["kim-jong-un"]


def test_a_titled_object_after_the_place_and_day_of_the_reception(build_texts):
    tables = build_texts(
        [
            "واستقبل الرئيس التركي في المجمع الرئاسي بالعاصمة أنقرة، صباح اليوم الخميس، الرئيس الفرنسي.",
            # (not the subject of a clause of its own)
            "واستقبل الرئيس التركي في المجمع الرئاسي بالعاصمة أنقرة، صباح اليوم الخميس، الرئيس الفرنسي يعلن انسحابه.",
        ],
        published=["2018-05-10", "2018-05-10"],
    )
    parties = _mention_parties(tables)
    assert parties["d0"] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert parties["d1"] == ["recep-tayyip-erdogan"]
    # ... or with no comma, after the day or the place (not after a noun of a place: "في منزل الرئيس")
    tables = build_texts(
        [
            "واستقبل الرئيس التركي في المجمع الرئاسي بالعاصمة أنقرة اليوم الرئيس الفرنسي.",
            "واستقبل الرئيس التركي رجب طيب أردوغان في العاصمة أنقرة الرئيس الفرنسي، وبحثا العلاقات الثنائية.",
            "والتقى الرئيس التركي رجب طيب أردوغان أمس في منزل الرئيس الفرنسي.",
            # ... or after a title of the subject's, and with the place after the object
            "والتقى فخامة الرئيس رجب طيب أردوغان رئيس الجمهورية، صباح اليوم، الرئيس الفرنسي في أنقرة.",
        ],
        published=["2018-05-10"] * 4,
    )
    parties = _mention_parties(tables)
    assert parties["d0"] == parties["d1"] == parties["d3"] == ["emmanuel-macron", "recep-tayyip-erdogan"]
    assert parties["d2"] == ["recep-tayyip-erdogan"]


def test_a_title_with_a_preposition_after_an_organization_does_not_describe_it(build_texts):
    # "في البيت الأبيض بالرئيس الأمريكي": met the president there (not "the White House's president")
    tables = build_texts(["والتقى الرئيس الفرنسي في البيت الأبيض بالرئيس الأمريكي."], published=["2024-11-24"])
    assert _mention_parties(tables)["d0"] == ["emmanuel-macron", "joe-biden"]


def test_a_title_next_to_a_name_of_another_country_is_not_that_persons(build_texts):
    tables = build_texts(
        [
            # the object of the verb, not an apposition to Macron
            "والتقى ماكرون الزعيم الكوري الشمالي في باريس.",
            # the first title is not Moon's: the holder that year
            "وذلك عشية قمة تاريخية بين الزعيم الكوري الشمالي والرئيس الكوري الجنوبي، مون جاي-إن، عند الخط العسكري.",
            # an apposition of one's own country stays: Shoukry is the Egyptian minister
            "والتقى سامح شكري وزير الخارجية المصري بالرئيس الفرنسي في باريس.",
            # ... and the name right after its title, whatever nationality the text got wrong
            "قال الرئيس الفرنسي إيمانويل ماكرون إن قمته المرتقبة مع الرئيس الكوري الجنوبي كيم جونغ-أون ستعقد في باريس.",
            # the president of a presidium is not the president the title names: its leader is
            "وقال رئيس هيئة الرئاسة في كوريا الشمالية كيم يونغ نام إن الحوار مستمر. "
            "ومهدت الطريق للقاء محتمل بين الرئيس الكوري الشمالي والرئيس الفرنسي إيمانويل ماكرون.",
            # an international official is of no state: the title after him is the object
            "والتقى الأمين العام للأمم المتحدة أنطونيو غوتيريش الرئيس الكوري الجنوبي في سول.",
            # ... and one joined to him by و, however far from the verb, a party too
            "والتقى الأمين العام للأمم المتحدة أنطونيو غوتيريش والرئيس الكوري الجنوبي في سول.",
        ],
        published=["2018-04-26"] * 7,
    )
    assert _mention_parties(tables) == {
        "d0": ["emmanuel-macron", "kim-jong-un"], "d1": ["kim-jong-un", "moon-jae-in"], "d2": ["emmanuel-macron", "sameh-shoukry"],
        "d3": ["emmanuel-macron", "kim-jong-un"], "d4": ["emmanuel-macron", "kim-jong-un"],
        "d5": ["antonio-guterres", "moon-jae-in"], "d6": ["antonio-guterres", "moon-jae-in"],
    }


def test_who_an_official_is_close_to_is_no_party(build_texts):
    tables = build_texts(["باشر المستشار الألماني فريدريش ميرتس مع مسؤول تركي مقرب من الرئيس رجب طيب أردوغان محادثات في برلين."])
    assert tables.meeting_mentions["participants"].to_list() == [["friedrich-merz"]]


def test_lookalikes_are_not_the_leaders(build_texts):
    tables = build_texts(["وفي شوارع أنقرة تلتقي مثلا شبيهي الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان."])
    assert tables.meetings.height == 0


def test_meetings_held_in_two_months_are_two_meetings_and_each_keeps_its_own_month(build_texts):
    tables = build_texts(
        ["التقى الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان للمرة الأولى في سبتمبر الماضي في أنقرة، "
         "بينما اجتمعا للمرة الثانية في أكتوبر الماضي. وتناول اللقاء العلاقات الثنائية."],
        published=["2025-12-08"],
    )
    # September and Ankara are the first meeting's, though nearer the verb of the second
    assert tables.meetings.sort("month").select("month", "place_id", "n_mentions").rows() == [
        (date(2025, 9, 1), "ankara-tr", 1), (date(2025, 10, 1), None, 2),
    ]
    # ... not so a meeting to come: September is when it was agreed, January a deadline
    tables = build_texts(
        ["وكان الرئيس الفرنسي إيمانويل ماكرون قبل في سبتمبر الماضي دعوة من الرئيس التركي رجب طيب أردوغان من أجل إجراء لقاء مباشر. "
         "وقال مسؤول إن ماكرون وأردوغان سيلتقيان بحلول يناير."],
        published=["2025-12-08"],
    )
    assert tables.meetings.select("status", "n_mentions").rows() == [("planned", 2)]


def test_a_date_after_since_is_not_the_meetings(build_texts):
    tables = build_texts(
        ["التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان للمرة الأولى منذ توليه منصبه في مايو 2017."],
        published=["2025-12-08"],
    )
    assert tables.meeting_mentions.select("date_text", "month").rows() == [(None, None)]


def test_an_undated_reference_back_is_to_the_meeting_of_the_month_not_an_earlier_one(build_texts):
    tables = build_texts(
        ["أجرى الرئيس الفرنسي إيمانويل ماكرون اليوم محادثات مع الرئيس التركي رجب طيب أردوغان في أنقرة. "
         "وكان الرئيسان التقيا قبل ذلك أواخر سبتمبر في باريس. واعتبر أردوغان أن اللقاء فرصة لتعزيز العلاقات."],
        published=["2025-12-08"],
    )
    today = tables.meetings.filter(pl.col("date") == date(2025, 12, 8))
    assert today.select("place_id", "n_mentions").rows() == [("ankara-tr", 2)]


def test_a_verb_whose_subject_is_a_dual_noun_is_the_meeting_of_the_two_named_before(build_texts):
    tables = build_texts(
        ["بحثت الصحف موعد القمة بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان. "
         "وكانت آخر مرة التقى فيها الرئيسان في نوفمبر الماضي في أنقرة."],
        published=["2025-12-08"],
    )
    last = tables.meeting_mentions.sort("start").row(-1, named=True)
    assert (sorted(last["participants"]), last["status"], last["place_id"]) == (["emmanuel-macron", "recep-tayyip-erdogan"], "held", "ankara-tr")
    # the dual noun reaches further back than a bare verb of two (four sentences here)
    between = "وقالت المحطة إن الاجتماع المرتقب سيعقد في باريس. وذكر المكتب أن المدينة موقع محتمل. ومن المقرر أن يعلن الجانبان الموعد لاحقا. "
    tables = build_texts(
        ["بحثت الصحف موعد القمة بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان. " + between + "وكانت آخر مرة التقى فيها الرئيسان في نوفمبر الماضي في أنقرة.",
         "بحثت الصحف موعد القمة بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان. " + between + "وكانا قد التقيا في نوفمبر الماضي في أنقرة."],
        published=["2025-12-08", "2025-12-08"],
    )
    last = {doc: sorted(p) for doc, p in tables.meeting_mentions.sort("start").group_by("doc_id", maintain_order=True).last().select("doc_id", "participants").iter_rows()}
    assert last == {"d0": ["emmanuel-macron", "recep-tayyip-erdogan"], "d1": []}


def test_another_meeting_after_a_held_one_is_a_meeting_to_come(build_texts):
    tables = build_texts(
        ["التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في أنقرة الاثنين الماضي. "
         "وقال ماكرون إن لقاء آخر مع أردوغان ضروري."],
        published=["2025-12-08"],
    )
    assert sorted(tables.meetings.select("status", "n_mentions").rows()) == [("held", 1), ("planned", 1)]


def test_a_meeting_whose_date_or_place_is_to_be_set_is_planned(build_texts):
    sides = "القمة بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان"
    tables = build_texts(
        [
            f"وسيعلن البيت الأبيض في وقت لاحق موعد ومكان {sides}.",
            f"وحددت صحيفة فرنسية مكان عقد {sides}.",
            f"وقال مستشار إن باريس وأنقرة توصلتا إلى اتفاق بشأن عقد {sides}.",
        ]
    )
    rows = tables.meeting_mentions.select("doc_id", "status", "participants").rows()
    assert {(d, s) for d, s, _ in rows} == {("d0", "planned"), ("d1", "planned"), ("d2", "planned")}
    # who will announce it is no party
    assert all(sorted(p) == ["emmanuel-macron", "recep-tayyip-erdogan"] for _, _, p in rows)
    tables = build_texts(["وسيعلن البيت الأبيض والكرملين في وقت لاحق موعد ومكان الاجتماع."])
    assert tables.meetings.height == 0


def test_armed_forces_named_with_a_meeting_are_no_parties(build_texts):
    tables = build_texts(["وتتزامن زيارة وزير الدفاع الأمريكي آشتون كارتر مع تنفيذ القوات العراقية بدعم من الحشد الشعبي عمليات في الأنبار."])
    assert "pmf" in tables.mentions["entity_id"].to_list()
    assert all(p == ["ashton-carter"] for p in tables.meeting_mentions["participants"].to_list())


def test_meetings_in_the_plural_with_two_people_of_one_country_are_a_meeting_with_each(build_texts):
    counterparts = "مع رئيس الوزراء العراقي حيدر العبادي ووزير الدفاع خالد العبيدي في بغداد"
    tables = build_texts([f"وأجرى وزير الدفاع الأميركي آشتون كارتر لقاءات {counterparts}."])
    assert sorted(sorted(p) for p in tables.meetings["participants"].to_list()) == [
        ["ashton-carter", "haider-al-abadi"], ["ashton-carter", "khaled-al-obeidi"]
    ]
    # the mention is one of each meeting; the two counterparts did not meet each other
    assert tables.meeting_mentions["meeting_id"].n_unique() == 2
    assert ("haider-al-abadi", "khaled-al-obeidi") not in tables.meeting_edges.select("actor_a", "actor_b").rows()
    # one meeting ("اجتماعاً"): all three
    tables = build_texts([f"وعقد وزير الدفاع الأميركي آشتون كارتر اجتماعاً {counterparts}."])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["ashton-carter", "haider-al-abadi", "khaled-al-obeidi"]]


def test_one_who_meets_several_people_of_one_country_by_a_verb_meets_each(build_texts):
    # the visitor is the verb's subject; the hosts' officials, each with a title, are one meeting each
    tables = build_texts(["يلتقي وزير الدفاع الأميركي آشتون كارتر في بغداد رئيس الوزراء العراقي حيدر العبادي ووزير الدفاع خالد العبيدي."])
    assert sorted(sorted(p) for p in tables.meetings["participants"].to_list()) == [
        ["ashton-carter", "haider-al-abadi"], ["ashton-carter", "khaled-al-obeidi"]
    ]
    # ... also with the subject in the sentence before ("وسيلتقي أيضا", "والتقى أيضا" with alef maqsura)
    for verb in ("وسيلتقي", "والتقى"):
        tables = build_texts(
            [f"ووصل وزير الدفاع الأميركي آشتون كارتر إلى بغداد. {verb} أيضا رئيس الوزراء العراقي حيدر العبادي ووزير الدفاع خالد العبيدي."]
        )
        assert sorted(sorted(p) for p in tables.meetings["participants"].to_list()) == [
            ["ashton-carter", "haider-al-abadi"], ["ashton-carter", "khaled-al-obeidi"]
        ], verb
    # named as a pair ("رئيسي الدولتين"), they meet him together
    tables = build_texts(["سيلتقي الرئيس الفرنسي إيمانويل ماكرون رئيسي الدولتين العراقي حيدر العبادي ووزير الدفاع خالد العبيدي."])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["emmanuel-macron", "haider-al-abadi", "khaled-al-obeidi"]]
    # ... and so as his two counterparts ("نظيريه")
    tables = build_texts(["وسيجتمع وزير الخارجية الأمريكي جون كيري مع نظيريه رئيس الوزراء العراقي حيدر العبادي ووزير الدفاع خالد العبيدي."])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["haider-al-abadi", "john-kerry", "khaled-al-obeidi"]]
    # two who meet a third by a verb of theirs are one meeting of three
    tables = build_texts(["التقى رئيس الوزراء العراقي حيدر العبادي ووزير الدفاع خالد العبيدي مع وزير الدفاع الأميركي آشتون كارتر."])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["ashton-carter", "haider-al-abadi", "khaled-al-obeidi"]]


def test_the_subject_of_a_relative_clause_after_the_counterpart_is_no_party(build_texts):
    # the group holds the province; it does not meet the minister
    text = "ومن المقرر أن يلتقي الرئيس الفرنسي إيمانويل ماكرون وفدا من محافظة الأنبار، والتي يسيطر تنظيم داعش على معظمها."
    tables = build_texts([text])
    assert not any("isis" in p for p in tables.meeting_mentions["participants"].to_list())
    # ... or its object ("التي استبقت وصول ...": whose arrival she came before)
    text = "والتقى وزير الخارجية القطري خالد العطية أمس مساعدة وزير الخارجية الأمريكي آن باترسون، التي استبقت وصول جون كيري إلى الدوحة."
    assert [sorted(p) for p in build_texts([text]).meetings["participants"].to_list()] == [["anne-patterson", "khalid-al-attiyah"]]
    # ... or of a relative clause in a later clause, after the words of a title
    text = "ويأتي الاجتماع قبيل قمة لمجموعة السبع تستضيفها كيبيك، تشكل الحرب التجارية التي أطلقها الرئيس الأمريكي باراك أوباما هاجسا فيها."
    assert not any("barack-obama" in p for p in build_texts([text]).meeting_mentions["participants"].to_list())
    # ... named there without the relative clause, it is the counterpart
    tables = build_texts(["ومن المقرر أن يلتقي الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان، والذي يزور فرنسا."])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["emmanuel-macron", "recep-tayyip-erdogan"]]


def test_who_is_named_in_a_clause_on_the_place_visited_is_no_party(build_texts):
    # "حيث يعالج": where he is treated; the minister visits the hospital, not him
    tables = build_texts([
        "وزارت وزيرة الداخلية البريطانية آمبر راد مستشفى مقاطعة سالزبيري، حيث يعالج وزير الخارجية الأمريكي الأسبق جون كيري.",
        # ... but the clause may tell of the meeting word before it: the talks where they discussed
        "هذا الاجتماع يأتي بعد محادثات سابقة بين الوفد الأمريكي ومسؤولين روس، حيث ناقش ماكرون وميركل خطة السلام التي طرحتها الولايات المتحدة.",
    ])
    parties = {doc: sorted(p) for doc, p in tables.meetings.explode("doc_ids").select("doc_ids", "participants").iter_rows()}
    assert "d0" not in parties
    assert parties["d1"] == ["angela-merkel", "emmanuel-macron"]


def test_the_place_visited_after_the_verbs_subject_is_the_venue(build_texts):
    tables = build_texts(
        [
            "وزار ماكرون أنقرة بدعوة من أردوغان لبحث العلاقات.",
            "وزار الرئيس الفرنسي إيمانويل ماكرون أنقرة والتقى أردوغان.",
            # (not a place named in a clause between them)
            "وزار ماكرون، الذي التقى أردوغان أمس في باريس، مصر.",
        ],
        published=["2015-07-24"] * 3,
    )
    first = tables.meeting_mentions.sort("doc_id", "start").unique("doc_id", keep="first", maintain_order=True)
    assert first["place_id"].to_list() == ["ankara-tr", "ankara-tr", "paris-fr"]


def test_a_visit_to_discuss_with_a_counterpart_is_a_planned_meeting_at_the_place_visited(build_texts):
    # "لمناقشة ... مع": the visit is for talks with him; Moscow, the verb's object, is the venue
    text = "أعلنت الوزارة أن وزير الخارجية السعودي عادل الجبير سيزور موسكو الثلاثاء لمناقشة النزاع في سوريا مع نظيره الروسي سيرغي لافروف."
    tables = build_texts([text], published=["2015-08-08"])
    assert tables.meetings.select("participants", "status", "date", "place_id").rows() == [
        (["adel-al-jubeir", "sergey-lavrov"], "planned", date(2015, 8, 11), "moscow-ru")
    ]
    # a place the text introduces as the venue comes before the one its visit verb names
    text = "وفي أبريل أصبح أول زعيم كوري شمالي يزور كوريا الجنوبية عندما التقى الرئيس الكوري الجنوبي مون جاي إن في بانمونجوم على الحدود."
    assert build_texts([text], published=["2018-06-10"]).meetings["place_id"].to_list() == ["panmunjom"]
    # a discussion with nobody ("أهمية المناقشة مع الطلاب") is no meeting of two
    assert build_texts(["وأكد الوزير أهمية المناقشة مع الطلاب."]).meetings.height == 0


def test_a_dual_noun_before_its_verb_names_the_two_and_whom_they_met(build_texts):
    text = (
        "وزير الخارجية السعودي عادل الجبير سيزور موسكو الثلاثاء لبحث النزاع مع نظيره الروسي سيرغي لافروف. "
        "وكان الوزيران التقيا في قطر خلال اجتماع ثلاثي مع نظيرهما الأمريكي جون كيري."
    )
    tables = build_texts([text], published=["2015-08-08"])
    held = tables.meetings.filter(pl.col("status") == "held")
    assert [sorted(p) for p in held["participants"].to_list()] == [["adel-al-jubeir", "john-kerry", "sergey-lavrov"]]
    assert held["place_id"].to_list() == ["qatar"]


def test_arriving_to_meet_is_a_planned_meeting_of_the_traveller(build_texts):
    # the traveller is named by his title alone, further from "للقاء" than a title party may stand
    text = "وصل وزير الخارجية الأمريكي جون، فجر يوم الاثنين، إلى الدوحة، للقاء وزراء خارجية دول مجلس التعاون الخليجي."
    tables = build_texts([text], published=["2015-08-03"])
    assert tables.meetings.select("participants", "status", "place_id").rows() == [(["john-kerry", "gcc"], "planned", "doha-qa")]
    # ... nor is the assistant secretary, whom the article names with the longer title
    other = " والتقت مساعدة وزير الخارجية الأمريكي آن باترسون أمس وزير الخارجية القطري خالد العطية."
    tables = build_texts([text + other], published=["2015-08-03"])
    assert ["john-kerry", "gcc"] in tables.meetings["participants"].to_list()
    # ... and who met them has met them
    tables = build_texts(["واجتمع وزير الخارجية الأمريكي جون كيري أمس في الدوحة بوزراء خارجية دول مجلس التعاون الخليجي."], published=["2015-08-03"])
    assert tables.meetings["status"].to_list() == ["held"]


def test_counterparts_of_a_bloc_are_its_organization(build_texts):
    text = "ويلتقي اليوم وزير الخارجية الأميركي جون كيري بنظرائه الخليجيين، كما يعقد وزير الخارجية الروسي سيرغي لافروف مباحثات مع أمير دولة قطر."
    tables = build_texts([text], published=["2015-08-03"])
    assert sorted(sorted(p) for p in tables.meetings["participants"].to_list()) == [["gcc", "john-kerry"], ["sergey-lavrov", "tamim-bin-hamad"]]
    tables = build_texts(["وبحث وزير الخارجية الأميركي جون كيري مع نظرائه الأوروبيين الأزمة السورية."])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["eu", "john-kerry"]]
    # the counterparts of one country are not a bloc
    tables = build_texts(["وبحث وزير الخارجية الأميركي جون كيري مع نظرائه الفرنسيين الأزمة السورية."])
    assert not any("eu" in p for p in tables.meeting_mentions["participants"].to_list())


def test_a_speech_verb_read_inside_a_name_is_none(build_texts):
    # "كيري" is ك + "يري" (sees): the name stays a party, not a speaker
    tables = build_texts(["ويلتقي اليوم وزير الخارجية الأميركي جون كيري بنظرائه الخليجيين في الدوحة."], published=["2015-08-03"])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["gcc", "john-kerry"]]
    assert tables.quotes.height == 0


def test_the_day_before_a_summit_they_discuss_is_their_meetings(build_texts):
    text = "أعلنت سيول أن الرئيس الكوري الجنوبي مون جاي إن اجتمع مع الزعيم الكوري الشمالي كيم جونغ أون اليوم السبت لمناقشة قمة مرتقبة بين كيم والرئيس الصيني شي جين بينغ."
    tables = build_texts([text], published=["2018-05-26"])
    rows = {tuple(sorted(p)): (s, d) for p, s, d in tables.meetings.select("participants", "status", "date").rows()}
    assert rows[("kim-jong-un", "moon-jae-in")] == ("held", date(2018, 5, 26))
    assert rows[("kim-jong-un", "xi-jinping")] == ("planned", None)


def test_who_is_named_after_a_participle_clause_is_no_party(build_texts):
    text = "وقالت الرئاسة إن الطرفين ناقشا ضمان انعقاد قمة ناجحة بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان، مضيفة أن رئيس الوزراء العراقي حيدر العبادي سيصدر بيانا."
    tables = build_texts([text])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["emmanuel-macron", "recep-tayyip-erdogan"]]


def test_a_meeting_still_possible_is_planned(build_texts):
    text = "وأعلن الرئيس الفرنسي إيمانويل ماكرون أن لقاءه لا يزال ممكنا مع الرئيس التركي رجب طيب أردوغان."
    assert build_texts([text]).meetings["status"].to_list() == ["planned"]


def test_a_verb_of_holding_in_the_present_is_planned_only_with_its_day_to_come(build_texts):
    today = "يعقد الرئيس الفرنسي إيمانويل ماكرون اليوم في أنقرة اجتماعا مع الرئيس التركي رجب طيب أردوغان."
    assert build_texts([today], published=["2018-05-26"]).meetings["status"].to_list() == ["planned"]
    # talks under way, with no day: as reported, held
    ongoing = "يجري الرئيس الفرنسي إيمانويل ماكرون محادثات مع الرئيس التركي رجب طيب أردوغان في أنقرة."
    assert build_texts([ongoing], published=["2018-05-26"]).meetings["status"].to_list() == ["held"]
    # ... or with a month or week not yet over: "القمة التي تعقد هذا الشهر"
    month = "وقال ماكرون إن القمة، التي تعقد هذا الشهر بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان، مهمة."
    assert build_texts([month], published=["2018-06-02"]).meetings["status"].to_list() == ["planned"]
    past_month = "وقال ماكرون إن القمة، التي عقدت الشهر الماضي بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان، مهمة."
    assert build_texts([past_month], published=["2018-06-02"]).meetings["status"].to_list() == ["held"]


def test_who_invites_somebody_to_visit_has_not_met_them(build_texts):
    text = "وذكرت الوزارة أن الرئيس الفرنسي إيمانويل ماكرون وجّه الدعوة للرئيس التركي رجب طيب أردوغان لزيارة باريس، وأن أردوغان قبل الدعوة."
    tables = build_texts([text])
    assert tables.meetings.height == 0
    # a visit to somebody is a meeting with him
    text = "وقام الرئيس التركي رجب طيب أردوغان بزيارة الرئيس الفرنسي إيمانويل ماكرون في باريس."
    assert [sorted(p) for p in build_texts([text]).meetings["participants"].to_list()] == [["emmanuel-macron", "recep-tayyip-erdogan"]]


def test_somebody_named_as_another_ones_adviser_in_the_accusative_is_no_party(build_texts):
    # "كان مستشارا كبيرا للرئيس ...", "وفدا ممثلا للرئيس ...": a relational noun as a predicate or an
    # adjective, in the accusative, with its own adjective; its possessor meets nobody here
    tables = build_texts(
        [
            "وعقد الرئيس الفرنسي إيمانويل ماكرون محادثات في أنقرة عندما كان مستشارا كبيرا للرئيس رجب طيب أردوغان.",
            "ويقود وزير الخارجية التركي هاكان فيدان وفدا ممثلا للرئيس رجب طيب أردوغان للقاء الرئيس الفرنسي إيمانويل ماكرون.",
            # "هذا" is no adjective: the sister of "هذا الأخير" is herself a party
            "والتقى ماكرون شقيقة هذا الأخير، أمينة أردوغان.",
            # ... and an adjective of rank in the nominative is one: "مساعد بارز لكيم"
            "وأعلن ماكرون بعد اجتماع عقده، الجمعة، مع مساعد بارز للرئيس رجب طيب أردوغان أن القمة سوف تعود إلى مسارها.",
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": set(), "d1": {("emmanuel-macron", "hakan-fidan")}, "d2": {("amina-erdogan", "emmanuel-macron")}, "d3": set()}


def test_an_adviser_named_by_an_office_of_his_own_is_a_party(build_texts):
    # "مستشار الأمن القومي" is an office, not an adviser to somebody; "المبعوث الخاص للرئيس" is one's envoy
    tables = build_texts(
        [
            "أجرى مستشار الأمن القومي الأميركي جون بولتون محادثات في موسكو مع وزير الخارجية الروسي سيرغي لافروف.",
            "أجرى المبعوث الخاص للرئيس الفرنسي إيمانويل ماكرون، جون كيري، محادثات مع وزير الخارجية الروسي سيرغي لافروف.",
            # ... and so is a rank of several words ("Vice Marshal")
            "وذلك في أول لقاء من نوعه منذ لقاء الرئيس الأمريكي الأسبق بيل كلينتون ونائب المارشال شو ميونغ روك عام 2000.",
        ]
    )
    assert _pairs_by_doc(tables) == {
        "d0": {("john-bolton", "sergey-lavrov")}, "d1": {("john-kerry", "sergey-lavrov")}, "d2": {("bill-clinton", "jo-myong-rok")},
    }


def test_a_place_the_talks_will_discuss_is_not_their_venue(build_texts):
    text = "وقال ماكرون إن محادثاته مع أردوغان ستتناول كل شيء بدءاً من التجارة وانتهاء بالصين."
    assert build_texts([text]).meetings["place_id"].to_list() == [None]
    text = "والتقى ماكرون أردوغان بأنقرة."
    assert build_texts([text]).meetings["place_id"].to_list() == ["ankara-tr"]


def test_a_meeting_on_the_eve_is_the_next_day(build_texts):
    text = "وكان ماكرون قد وصل، الأحد، إلى أنقرة عشية قمته مع أردوغان."
    # published on the day of the summit: it has been held
    after = build_texts([text], published=["2018-07-16"]).meetings
    assert after.select("date", "status").rows() == [(date(2018, 7, 16), "held")]
    # published on the eve: it is to come
    before = build_texts([text], published=["2018-07-15"]).meetings
    assert before.select("date", "status").rows() == [(date(2018, 7, 16), "planned")]


def test_we_in_reported_speech_is_the_speaker(build_texts):
    text = "وقال وزير الخارجية الروسي سيرغي لافروف إننا في اجتماع الدوحة قبل أسبوع واصلنا النقاش مع وزير الخارجية عادل الجبير."
    assert _pairs_by_doc(build_texts([text])) == {"d0": {("adel-al-jubeir", "sergey-lavrov")}}


def test_who_is_named_in_a_clause_before_a_verb_joined_by_and_is_no_party(build_texts):
    text = "وتعهد نائب الرئيس الأمريكي، مايك بنس، بالاستمرار في الضغط على كوريا الشمالية، وتحدث ماكرون مع نظيره الصيني، شي جين بينغ، الجمعة."
    assert _pairs_by_doc(build_texts([text])) == {"d0": {("emmanuel-macron", "xi-jinping")}}


def test_earlier_talks_are_not_the_meeting_to_come(build_texts):
    text = (
        "ويعقد لافروف لقاء ثلاثيا مع نظيريه الأميركي كيري والسعودي الجبير في الدوحة غدا. "
        "وعبر كيري عن أمله في استكمال مناقشات سابقة بينه وبين لافروف بشأن سوريا."
    )
    meetings = build_texts([text], published=["2015-08-02"]).meetings
    assert sorted((sorted(p), s) for p, s in meetings.select("participants", "status").iter_rows()) == [
        (["adel-al-jubeir", "john-kerry", "sergey-lavrov"], "planned"), (["john-kerry", "sergey-lavrov"], "held"),
    ]


def test_a_body_that_convenes_is_when_not_with_whom(build_texts):
    text = "ومن المرجح أن يجري ماكرون المشاورات في نيويورك قبل انعقاد الجمعية العامة للأمم المتحدة."
    assert build_texts([text]).meetings.height == 0


def test_an_announced_intention_is_planned(build_texts):
    text = "وأعلن ماكرون منذ أسابيع عزمه التوجه إلى أنقرة للقاء أردوغان."
    assert build_texts([text]).meetings.select("status", "place_id").rows() == [("planned", "ankara-tr")]


def test_the_city_that_hosts_the_talks_as_subject_is_their_place(build_texts):
    text = "وتستضيف الرياض الأسبوع المقبل قمة بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان."
    assert build_texts([text]).meetings.select("status", "place_id").rows() == [("planned", "riyadh-sa")]
    # ... after its designator, and the city that witnesses them, right before the meeting word
    texts = [
        "واستضافت العاصمة الفرنسية باريس محادثات بين ماكرون وأردوغان.",
        "وشهدت العاصمة السعودية الرياض اجتماعا بين ماكرون وأردوغان.",
        "وشهدت أنقرة أمس محادثات بين ماكرون وأردوغان.",
        # (not a city that saw something else before it)
        "وشهدت موسكو تراجعا في الأسعار قبل القمة بين ماكرون وأردوغان.",
    ]
    mentions = build_texts(texts).meeting_mentions.sort("doc_id")
    assert mentions["place_id"].to_list() == ["paris-fr", "riyadh-sa", "ankara-tr", None]


def test_preparatory_meetings_of_two_states_are_not_their_leaders_summit(build_texts):
    text = (
        "والتقى ماكرون أردوغان في مستهل قمتهما التاريخية التي تستضيفها سنغافورة. "
        "وقبيل القمة، أوضح ماكرون أن الاجتماعات التمهيدية بين باريس وأنقرة مضت على نحو جيد."
    )
    meetings = build_texts([text]).meetings
    assert sorted((sorted(p), place) for p, place in meetings.select("participants", "place_id").iter_rows()) == [
        (["emmanuel-macron", "recep-tayyip-erdogan"], "singapore"), (["state-france", "state-turkey"], None),
    ]


def test_a_journey_to_prepare_a_meeting_named_before_does_not_place_it(build_texts):
    text = (
        "وتعقد قمة ماكرون وأردوغان في هلسنكي. "
        "وكان ماكرون كلف مستشاره بالسفر إلى موسكو لطرح إطار هذه القمة المنتظرة."
    )
    tables = build_texts([text])
    assert tables.meeting_mentions["place_id"].to_list() == ["helsinki-fi", None]
    assert tables.meetings["place_id"].to_list() == ["helsinki-fi"]


def test_the_day_between_a_speech_verb_and_its_object_is_when_it_was_said(build_texts):
    text = "أكد الرئيس الفرنسي إيمانويل ماكرون، الجمعة، انعقاد القمة التي ستجمعه بالرئيس التركي رجب طيب أردوغان في الثاني عشر من يونيو الجاري."
    assert build_texts([text], published=["2018-06-01"]).meetings["date"].to_list() == [date(2018, 6, 12)]
    # the day after a meeting verb and its subject is the meeting's
    text = "التقى الرئيس الفرنسي إيمانويل ماكرون، الجمعة، الرئيس التركي رجب طيب أردوغان."
    assert build_texts([text], published=["2018-06-02"]).meetings["date"].to_list() == [date(2018, 6, 1)]


def test_who_sends_the_letter_an_envoy_carries_is_no_party(build_texts):
    text = "جاء ذلك بعد أن التقى الرئيس الفرنسي إيمانويل ماكرون مع مبعوث من تركيا هاكان فيدان، يحمل رسالة من الرئيس رجب طيب أردوغان."
    assert _pairs_by_doc(build_texts([text])) == {"d0": {("emmanuel-macron", "hakan-fidan")}}


def test_the_council_of_a_delegations_secretary_is_no_party(build_texts):
    text = "وتوجه الوفد الفرنسي برئاسة أمين مجلس الأمن القومي الفرنسي إلى أنقرة لإجراء محادثات مع الوفد التركي."
    assert build_texts([text]).meeting_mentions["participants"].to_list() == [["french-delegation", "turkish-delegation"]]


def test_who_publishes_a_letter_is_no_party_of_the_meeting_it_speaks_of(build_texts):
    text = 'وكتب ماكرون في رسالة إلى أردوغان نشرها الإليزيه "من غير الملائم عقد هذا اللقاء".'
    tables = build_texts([text])
    assert tables.meeting_mentions.height == 1
    assert "elysee" not in tables.meeting_mentions["participants"][0]


def test_who_hands_over_a_letter_meets_who_receives_it_and_its_author_is_no_party(build_texts):
    tables = build_texts(
        [
            "سلم وزير الخارجية التركي هاكان فيدان رسالة من الرئيس رجب طيب أردوغان إلى الرئيس الفرنسي إيمانويل ماكرون في الإليزيه.",
            "وقال الإليزيه إن الرئيس الفرنسي إيمانويل ماكرون، الذي تسلم من هاكان فيدان رسالة خطية من أردوغان، رحب بالمبادرة.",
            "وسيسلم هاكان فيدان رسالة من أردوغان إلى ماكرون.",
            # no letter: no meeting
            "تسلم رجب طيب أردوغان السلطة عام 2014 وسلم هاكان فيدان الحقيبة إلى خلفه.",
            # a line of a timeline in the present, on the day of publication
            "أبرز المحطات:\n1 ديسمبر/كانون الأول: هاكان فيدان يسلم رسالة من أردوغان إلى ماكرون في باريس.",
        ],
        published=["2025-12-01"] * 5,
    )
    pair = {("emmanuel-macron", "hakan-fidan")}
    assert _pairs_by_doc(tables) == {"d0": pair, "d1": pair, "d2": pair, "d4": pair}
    statuses = dict(tables.meeting_mentions.filter(pl.col("participants").list.len() == 2).select("doc_id", "status").iter_rows())
    assert statuses == {"d0": "held", "d1": "held", "d2": "planned", "d4": "held"}


def test_a_line_of_a_timeline_dates_the_meeting_its_verb_reports(build_texts):
    tables = build_texts(
        [
            "أبرز المحطات:\n"
            "16 نوفمبر/تشرين الثاني: تقول أنقرة إنها قد تنسحب من القمة.\n"
            # (however far the verb, and past the "إن" of a name, which is no reported clause)
            "26 نوفمبر/تشرين الثاني: الزعيم الكوري الشمالي كيم جونغ أون والرئيس الكوري الجنوبي مون جاي إن يلتقيان في بانمونجوم.\n"
            "27 أكتوبر 2025: التقى كيم جونغ أون مون جاي إن في سيول."
        ],
        published=["2025-12-01"],
    )
    rows = tables.meeting_mentions.filter(pl.col("participants").list.len() == 2).sort("start").select("status", "date").rows()
    assert rows == [("held", date(2025, 11, 26)), ("held", date(2025, 10, 27))]
    # (the meeting a line only refers to is not dated by it)
    assert tables.meeting_mentions.filter(pl.col("trigger") == "القمه")["date"].to_list() == [None]
    assert tables.meetings.height == 2


def test_talks_to_arrange_a_summit_are_not_the_summit(build_texts):
    text = "وقال ماكرون إن فرنسا تجري محادثات بناءة مع تركيا لعقد اجتماع قمة مع الرئيس التركي رجب طيب أردوغان."
    mentions = build_texts([text]).meeting_mentions
    assert mentions.select("trigger", "status").rows() == [("تجري محادثات", "held"), ("عقد اجتماع قمه", "planned")]
    text = "وأعلن ماكرون أن اللقاء لا يزال ممكنا بعد محادثات مثمرة جدا مع تركيا من أجل عقد القمة."
    assert build_texts([text]).meeting_mentions["trigger"].to_list() == ["اللقاء", "محادثات", "عقد القمه"]
    text = "وأجرى الوزيران محادثات بهدف عقد القمة."
    assert build_texts([text]).meeting_mentions["trigger"].to_list() == ["اجري محادثات", "عقد القمه"]


def test_a_state_right_before_its_verb_is_a_side_of_the_talks(build_texts):
    tables = build_texts([
        "وقال ماكرون إن روسيا تجري محادثات مع كييف.",
        # (a country after a preposition is where, not who)
        "وفي فرنسا تجري محادثات مع تركيا.",
    ])
    assert _mention_parties(tables) == {"d0": ["state-russia", "state-ukraine"], "d1": ["state-turkey"]}


def test_talks_to_arrange_a_summit_are_the_officials_wherever_the_article_names_them(build_texts):
    text = (
        "وقال ماكرون إن فرنسا تجري محادثات بناءة مع تركيا بشأن عقد اجتماع قمة مع الرئيس التركي رجب طيب أردوغان. "
        "ورحبت برلين باستئناف المحادثات بين باريس وأنقرة، بعد تصريحات ماكرون."
    )
    meetings = build_texts([text]).meetings
    assert sorted((sorted(p), status, n) for p, status, n in meetings.select("participants", "status", "n_mentions").iter_rows()) == [
        (["emmanuel-macron", "recep-tayyip-erdogan"], "planned", 1), (["state-france", "state-turkey"], "held", 2),
    ]


def test_a_summit_is_not_the_officials_talks_that_prepare_it(build_texts):
    text = "أعلن ماكرون أن مسؤولين من فرنسا يجرون محادثات مباشرة مع آخرين من تركيا. متى تعقد القمة؟"
    tables = build_texts([text])
    assert tables.meetings["n_mentions"].to_list() == [1]
    assert tables.meeting_mentions.filter(pl.col("meeting_id").is_not_null())["trigger"].to_list() == ["يجرون محادثات"]


def test_expected_or_needed_meetings_are_planned(build_texts):
    tables = build_texts([
        "تزايدت التوقعات بعقد اجتماع قمة بين فرنسا وتركيا.",
        "واتفق الوزيران على ضرورة عقد القمة بين فرنسا وتركيا.",
        "وعقدت القمة بين فرنسا وتركيا.",
    ])
    assert tables.meeting_mentions.sort("doc_id")["status"].to_list() == ["planned", "planned", "held"]


def test_a_press_conference_with_another_is_a_meeting_with_them(build_texts):
    tables = build_texts(
        [
            "وكان وزير الخارجية عادل الجبير أكد خلال مؤتمر صحافي مع نظيره الإيطالي في روما، أمس، أن الحل سياسي.",
            "وقال ماكرون في مؤتمر صحفي مع الصحفيين إن أردوغان صديق.",
        ],
        published=["2015-08-09", "2015-08-09"],
    )
    # (the counterpart is whoever held the office that year, a role named after another: "Foreign Minister (2014-2016)")
    assert _pairs_by_doc(tables) == {"d0": {("adel-al-jubeir", "paolo-gentiloni")}, "d1": set()}
    assert tables.meetings.select("status", "date", "place_id").rows() == [("held", date(2015, 8, 8), "rome-it")]


def test_who_is_named_in_what_somebody_says_after_the_meeting_word_is_no_party(build_texts):
    tables = build_texts(
        [
            "وتحدث ماكرون مع الصحفيين قائلا إن أردوغان وميركل صديقان.",
            # ("إن" in a name is no word of saying)
            "وتحدث الرئيس الفرنسي إيمانويل ماكرون مع الرئيس الكوري الجنوبي مون جاي إن ورئيس الوزراء الياباني شينزو آبي عبر الهاتف.",
        ]
    )
    assert _mention_parties(tables) == {"d0": ["emmanuel-macron"], "d1": ["emmanuel-macron", "moon-jae-in", "shinzo-abe"]}


def test_what_is_possible_in_what_somebody_says_after_the_meeting_word_is_not_its_status(build_texts):
    tables = build_texts(
        [
            "وقال ماكرون خلال مؤتمر صحفي مشترك مع أردوغان إن السلام ممكن.",
            "وأكد ماكرون أن اللقاء مع أردوغان لا يزال ممكنا.",
        ]
    )
    assert tables.meeting_mentions.select("trigger", "status").rows() == [("مؤتمر صحفي مشترك", "held"), ("اللقاء", "planned")]


def test_an_office_that_receives_others_places_the_meeting_in_its_city(build_texts):
    tables = build_texts(["واستقبل الرئيس الفرنسي نظيره التركي في قصر الإليزيه."], published=["2025-12-06"])
    assert tables.meeting_mentions["place_id"].to_list() == ["paris-fr"]
    # (the city is a place of the corpus, with its name)
    assert tables.places.filter(pl.col("place_id") == "paris-fr")["name_en"].to_list() == ["Paris"]


def test_where_somebody_spoke_is_no_venue_of_a_meeting_in_what_they_said(build_texts):
    tables = build_texts(
        [
            "وقال ماكرون في أنقرة إن القمة مع ميرتس تسير بشكل جيد.",
            "وقال ماكرون في قصر الإليزيه: «القمة مع ميرتس تسير بشكل جيد».",
            # (not a clause of time: they meet there)
            "وسيسير الزعيمان معا في أنقرة قبل أن يباشرا المحادثات.",
        ]
    )
    assert tables.meeting_mentions.sort("doc_id")["place_id"].to_list() == [None, None, "ankara-tr"]


def test_an_organization_whose_seat_is_named_is_the_venue(build_texts):
    tables = build_texts(
        [
            "والتقى ماكرون، أمس بمقر وزارة الخارجية التركية، أردوغان.",
            "واجتمع ماكرون مع أردوغان في مقر الأمم المتحدة في نيويورك.",
            "التقى وزير الخارجية المصري سامح شكري، أمس بمقر الكلية الحربية بمصر الجديدة، بطلبة الكلية.",
        ],
        published=["2018-06-02"] * 3,
    )
    assert _mention_parties(tables) == {"d0": ["emmanuel-macron", "recep-tayyip-erdogan"], "d1": ["emmanuel-macron", "recep-tayyip-erdogan"], "d2": ["sameh-shoukry"]}
    assert tables.meeting_mentions.sort("doc_id")["place_id"].to_list() == [None, "new-york-city-us", "heliopolis-eg"]
    # ... and so is no party the office one took: "منذ توليه وزارة الدفاع"
    tables = build_texts(["وهذه المشاركة الثانية لماكرون في قمة أنقرة منذ توليه وزارة الخارجية الفرنسية."])
    assert _mention_parties(tables) == {"d0": ["emmanuel-macron"]}


def test_a_forum_is_where_people_meet_not_one_of_them(build_texts):
    tables = build_texts(
        [
            "هذا اللقاء الذي صار تقليديا منذ شمل ماكرون برعايته المنتدى الدولي لمدينته الأم.",
            "والتقى ماكرون رئيس المنتدى الاقتصادي العالمي كلاوس شواب في دافوس.",
        ],
        published=["2018-06-02"] * 2,
    )
    parties = _mention_parties(tables)
    assert parties["d0"] == ["emmanuel-macron"]
    assert len(parties["d1"]) == 2 and "emmanuel-macron" in parties["d1"]


def test_a_meeting_hoped_or_wished_for_is_to_come(build_texts):
    tables = build_texts(
        [
            "أعرب الرئيس الفرنسي ماكرون عن أمله في لقاء الرئيس التركي أردوغان قريبا.",
            "وقال ماكرون إنه يرغب في لقاء أردوغان.",
            "وقال ماكرون: أود لقاء أردوغان.",
            # what the one who met wants later is not the meeting's
            "التقى ماكرون أردوغان أمس، وقال إنه يريد السلام.",
            # ... nor are earlier talks, though he hopes to complete them
            "وعبر ماكرون عن أمله في استكمال مناقشات سابقة بينه وبين أردوغان.",
            # expected, but not faster than expected
            "وقال ماكرون إن هناك اجتماعا متوقعا مع أردوغان.",
            "وقال ماكرون إن المحادثات مع أردوغان تجري بشكل أسرع من المتوقع.",
            # ... nor unexpected
            "وكانت زيارة ماكرون إلى أنقرة غير متوقعة.",
            # an invitation to visit is to come
            "كما نقل وزير الخارجية الدعوة من ماكرون إلى الرئيس التركي أردوغان لزيارة فرنسا.",
        ]
    )
    assert tables.meeting_mentions.sort("doc_id")["status"].to_list() == ["planned", "planned", "planned", "held", "held", "planned", "held", "held", "planned"]


def test_plans_denied_for_now_a_call_by_phone_and_talks_a_city_is_ready_to_host(build_texts):
    tables = build_texts(
        [
            "وقال الكرملين إنه لا توجد حاليا أي خطط لعقد لقاء بين ماكرون وأردوغان.",
            "وذكرت وكالة الأناضول أن أردوغان وماكرون بحثا هاتفيا الأوضاع في أوكرانيا.",
            "وأكد المتحدث باسم الخارجية التركية أن أنقرة مستعدة لاستضافة جولة جديدة من المفاوضات بين موسكو وكييف.",
        ],
        published=["2025-06-26"] * 3,
    )
    found = tables.meeting_mentions.sort("doc_id")
    assert found["status"].to_list() == ["denied", "held", "planned"]
    assert sorted(found["participants"][1]) == ["emmanuel-macron", "recep-tayyip-erdogan"] and found["mode"][1] == "phone"


def test_a_meeting_two_agreed_on_is_theirs_and_another_one(build_texts):
    tables = build_texts(["وكان ماكرون وأردوغان قد اتفقا خلال اتصال هاتفي الأسبوع الماضي على عقد لقاء قريب."], published=["2025-11-20"])
    meetings = tables.meetings.sort("status").select("status", "participants").rows()
    assert [(status, sorted(p)) for status, p in meetings] == [
        ("held", ["emmanuel-macron", "recep-tayyip-erdogan"]), ("planned", ["emmanuel-macron", "recep-tayyip-erdogan"]),
    ]
    # ... also right after the verb, in the sentence after their meeting
    tables = build_texts(["وبحث ماكرون وأردوغان الأوضاع في باريس. واتفقا على عقد اجتماع في أنقرة."], published=["2025-11-20"])
    planned = tables.meeting_mentions.filter(pl.col("status") == "planned")
    assert [sorted(p) for p in planned["participants"].to_list()] == [["emmanuel-macron", "recep-tayyip-erdogan"]]


def test_talks_whose_predicate_is_in_the_future_are_to_come(build_texts):
    tables = build_texts(
        [
            "وأكدت وزارة الخارجية الروسية أن مباحثات ماكرون - لافروف ستبحث التعاون في مجال مكافحة الإرهاب.",
            "وقال ماكرون إن مباحثاته مع أردوغان تناولت التعاون.",
        ]
    )
    assert tables.meeting_mentions.sort("doc_id")["status"].to_list() == ["planned", "held"]


def test_what_is_to_come_after_a_meeting_verb_in_the_past_is_another_meeting(build_texts):
    tables = build_texts(
        [
            "وأوضح المصدر أن محاور اللقاء الثلاثي الذي جمع ماكرون بأردوغان ولافروف في الدوحة أخيرا سوف تكون على الطاولة مجددا.",
            "والتقى ماكرون أردوغان، ومن المقرر أن يلتقيا مجددا الشهر المقبل.",
        ],
        published=["2018-06-02"] * 2,
    )
    assert tables.meeting_mentions.sort("doc_id", "start").select("doc_id", "status").rows() == [
        ("d0", "held"), ("d1", "held"), ("d1", "planned"),
    ]


def test_a_welcome_with_an_honorific_for_the_pronoun_has_the_one_received(build_texts):
    tables = build_texts(
        [
            "وكان وزير الخارجية عادل الجبير قد وصل إلى الدوحة أمس. وكان في استقبال معاليه لدى وصوله إلى مطار حمد الدولي وزير الخارجية القطري خالد العطية.",
        ],
        published=["2015-07-25"],
    )
    welcome = tables.meeting_mentions.filter(pl.col("trigger").str.starts_with("استقبال"))
    assert sorted(welcome["participants"].to_list()[0]) == ["adel-al-jubeir", "khalid-al-attiyah"]


def test_a_tribal_delegation_is_a_party(build_texts):
    tables = build_texts(["ومن المقرر أن يلتقي ماكرون وفدا عشائريا من محافظة الأنبار."])
    assert _mention_parties(tables) == {"d0": ["emmanuel-macron", "tribal-delegation"]}


def test_a_meeting_held_and_a_summit_wanted_in_one_clause_are_two_mentions(build_texts):
    tables = build_texts(
        [
            "وكان رئيس كوريا الجنوبية مون جيه-إن قال في وقت سابق إن الزعيم الكوري الشمالي كيم جونغ أون أيد خلال اجتماع مفاجئ معه أمس السبت ضرورة عقد القمة المحتملة بينه وبين ماكرون.",
            "ويقوم ماكرون اليوم بزيارة إلى أنقرة تجري خلالها محادثات مع أردوغان.",
        ],
        published=["2018-05-27", "2018-05-27"],
    )
    rows = tables.meeting_mentions.sort("doc_id", "start").select("doc_id", "trigger", "participants", "status").rows()
    assert [(d, t, sorted(p), s) for d, t, p, s in rows] == [
        ("d0", "اجتماع", ["kim-jong-un", "moon-jae-in"], "held"),
        ("d0", "عقد القمه", ["emmanuel-macron", "kim-jong-un"], "planned"),
        ("d1", "زياره تجري محادثات", ["emmanuel-macron", "recep-tayyip-erdogan"], "planned"),
    ]


def test_a_cue_nearer_the_next_meeting_word_is_that_ones(build_texts):
    tables = build_texts(["وتعد زيارة ماكرون لأنقرة في إطار التحضيرات للقمة المرتقبة بين البلدين."])
    assert tables.meeting_mentions.sort("start")["status"].to_list() == ["held", "planned"]


def test_who_arranges_a_summit_is_no_party_of_it(build_texts):
    tables = build_texts(
        [
            "وشكر ماكرون أردوغان على الجهود التي بذلها لترتيب قمة باريس.",
            "وكان جون بولتون قد توجه إلى موسكو للتحضير للقمة الأميركية الروسية، والتقى وزير الخارجية الروسي سيرغي لافروف.",
        ]
    )
    assert _mention_parties(tables) == {"d0": [], "d1": ["john-bolton", "sergey-lavrov"]}


def test_a_summit_whose_holding_is_in_doubt_is_planned(build_texts):
    tables = build_texts(
        [
            "وقال ماكرون إنه يمكن عقد القمة مع أردوغان في موعدها.",
            "وتبحث أنقرة إمكانية عقد قمة بين ماكرون وأردوغان.",
            "وذلك وسط استعدادات لقمة بين ماكرون وأردوغان.",
        ]
    )
    assert tables.meeting_mentions.sort("doc_id")["status"].to_list() == ["planned", "planned", "planned"]


def test_talks_with_a_state_that_the_teller_speaks_of_are_his_states(build_texts):
    tables = build_texts(["لكن ماكرون كتب على تويتر أن محادثات مثمرة للغاية جرت مع تركيا."])
    assert _mention_parties(tables) == {"d0": ["state-france", "state-turkey"]}


def test_a_dinner_in_honour_of_a_guest_is_not_the_reception_of_the_same_pair(build_texts):
    tables = build_texts(
        [
            "استقبل الملك سلمان بن عبدالعزيز الرئيس عبدالفتاح السيسي في نيوم أمس. وأقام الملك سلمان مأدبة غداء تكريما للرئيس السيسي.",
        ],
        published=["2018-08-14"],
    )
    ids = tables.meeting_mentions.sort("start")["meeting_id"].to_list()
    assert len(ids) == 2 and None not in ids and ids[0] != ids[1]


def test_who_was_present_at_a_meeting_or_sat_beside_is_no_party(build_texts):
    tables = build_texts(
        [
            "وذكر المتحدث باسم الرئاسة أن اللواء عباس كامل كان حاضرا في اللقاء.",
            "وظهر عباس كامل جالسا في اللقاء بجوار ولي العهد السعودي الأمير محمد بن سلمان.",
            "ومن بين المدعوين إلى مأدبة الغداء هذه رؤساء شركات فرنسية وأردوغان.",
        ]
    )
    assert _mention_parties(tables) == {"d0": [], "d1": [], "d2": []}


def test_a_spokesman_before_what_he_says_is_no_party(build_texts):
    tables = build_texts(["وقال السفير تعليقا على ما أعلنته ماريا زاخاروفا المتحدثة باسم الخارجية الروسية، بأنه يجري التحضير للقمة الثنائية."])
    assert _mention_parties(tables) == {"d0": []}


def test_a_second_visit_after_a_comma_with_its_own_visitor_is_another_meeting(build_texts):
    tables = build_texts(
        ["يذكر أن ماكرون زار تركيا في 9 فبراير الماضي، وزار أردوغان فرنسا في 8 مايو الماضي حيث شارك في احتفالاتها."],
        published=["2018-05-20"],
    )
    rows = tables.meeting_mentions.sort("start").select("participants", "date").rows()
    assert rows == [(["emmanuel-macron"], date(2018, 2, 9)), (["recep-tayyip-erdogan"], date(2018, 5, 8))]


def test_a_leader_introduced_by_head_of_and_his_country_meets_his_counterpart(build_texts):
    tables = build_texts(
        ["وصل رئيس رواندا بول كاغامه إلى باريس أمس. والرئيس الرواندي يجتمع بنظيره الفرنسي اليوم."],
        published=["2018-05-23"],
    )
    assert _mention_parties(tables) == {"d0": ["emmanuel-macron", "paul-kagame"]}


def test_holding_this_meeting_says_nothing_of_whether_it_was_held(build_texts):
    tables = build_texts(
        [
            "أعلن ماكرون الخميس إلغاء القمة التي كانت ستجمعه بأردوغان في باريس. وكتب ماكرون في رسالة إلى أردوغان أنه من غير الملائم عقد هذا اللقاء.",
        ],
        published=["2018-05-24"],
    )
    assert tables.meeting_mentions["meeting_id"].n_unique() == 1
    assert tables.meetings["status"].to_list() == ["cancelled"]


def test_talks_a_decade_ago_between_the_two_sides_are_the_states(build_texts):
    tables = build_texts(
        [
            "وقد حذرت سول من أن تقدم بيونغيانغ النووي كبير منذ آخر محادثات ثنائية بين الجانبين قبل أكثر من عقد.",
            # (before the holding of a summit is no decade)
            "وقال ماكرون إن الاتفاق تم قبل عقد القمة مع أردوغان.",
        ],
        published=["2018-04-26", "2018-04-26"],
    )
    rows = tables.meeting_mentions.sort("doc_id").select("trigger", "participants", "status").rows()
    assert [(t, sorted(p), s) for t, p, s in rows] == [
        ("محادثات", ["state-north-korea", "state-south-korea"], "held"),
        ("عقد القمه", ["emmanuel-macron", "recep-tayyip-erdogan"], "held"),
    ]
    # ... which the summit the article is about does not take in
    tables = build_texts(
        ["ويلتقي كيم جونغ أون مون جاي إن غدا. وقد حذرت سول من أن تقدم بيونغيانغ النووي كبير منذ آخر محادثات ثنائية بين الجانبين."],
        published=["2018-04-26"],
    )
    assert tables.meeting_mentions["meeting_id"].n_unique() == 2


def test_who_was_there_to_receive_a_minister_met_him(build_texts):
    tables = build_texts(["وقال المتحدث إن الأمير خالد الفيصل كان في استقبال وزير الخارجية المصري سامح شكري."])
    assert _mention_parties(tables) == {"d0": ["khaled-al-faisal", "sameh-shoukry"]}


def test_talks_between_states_said_to_be_held_are_not_the_meeting_their_leaders_plan(build_texts):
    tables = build_texts(
        [
            "ويلتقي كيم جونغ أون مون جاي إن غدا. وقال ماكرون إن محادثات جرت بين كوريا الشمالية وكوريا الجنوبية الشهر الماضي.",
            # the states' talks are their leaders' meeting when the text says it was held
            "والتقى كيم جونغ أون مون جاي إن أمس. وقال ماكرون إن محادثات جرت بين كوريا الشمالية وكوريا الجنوبية أمس.",
            # ... and when it does not say whether they were
            "ويلتقي كيم جونغ أون مون جاي إن غدا. وستبث القمة بين كوريا الشمالية وكوريا الجنوبية على التلفزيون.",
        ],
        published=["2018-04-26", "2018-04-26", "2018-04-26"],
    )
    parties = {(d, tuple(sorted(p)), s) for d, p, s in tables.meeting_mentions.join(
        tables.meetings.select("meeting_id", pl.col("participants").alias("parties")), on="meeting_id"
    ).select("doc_id", "parties", "status").rows()}
    assert parties == {
        ("d0", ("kim-jong-un", "moon-jae-in"), "planned"),
        ("d0", ("state-north-korea", "state-south-korea"), "held"),
        ("d1", ("kim-jong-un", "moon-jae-in"), "held"),
        ("d2", ("kim-jong-un", "moon-jae-in"), "planned"),
        ("d2", ("kim-jong-un", "moon-jae-in"), "held"),
    }


def test_a_title_right_after_a_subject_described_at_length_is_the_object_of_the_meeting(build_texts):
    tables = build_texts(
        [
            "اجتمع ولي العهد السعودي الأمير محمد بن سلمان بالرئيس الفرنسي في باريس.",
            # (not a title further on in the sentence)
            "اجتمع ولي العهد السعودي الأمير محمد بن سلمان بوفد من رجال الأعمال الذين يرافقون الرئيس الفرنسي في رحلته.",
        ],
        published=["2018-04-10", "2018-04-10"],
    )
    assert _mention_parties(tables) == {"d0": ["emmanuel-macron", "mohammed-bin-salman"], "d1": ["mohammed-bin-salman"]}


def test_states_joined_as_the_subject_before_a_dual_verb_are_the_sides(build_texts):
    tables = build_texts(
        [
            "وقال ماكرون إن الولايات المتحدة وكوريا الشمالية تجريان محادثات مباشرة.",
            "وقال ماكرون إن فرنسا وتركيا ستجريان محادثات غدا.",
            "وأضاف المسؤول أن الكوريتين تجريان أيضا محادثات بشأن إصدار إعلان ثلاثي.",
            # (not the states of another clause, joined to each other but not to the verb)
            "وقال ماكرون إن روسيا والولايات المتحدة ترى أن كوريا الشمالية تجري محادثات مع اليابان.",
        ],
        published=["2018-04-19"] * 4,
    )
    rows = {d: (sorted(p), s) for d, p, s in tables.meeting_mentions.select("doc_id", "participants", "status").rows()}
    assert rows == {
        "d0": (["state-north-korea", "state-united-states"], "held"),
        "d1": (["state-france", "state-turkey"], "planned"),
        "d2": (["state-north-korea", "state-south-korea"], "held"),
        "d3": (["state-japan", "state-north-korea"], "held"),
    }


def test_a_meeting_with_a_state_that_someone_announces_is_his_own(build_texts):
    tables = build_texts(
        [
            "أكد الرئيس الفرنسي إيمانويل ماكرون إن اجتماعا مع كوريا الشمالية قد يعقد خلال الأسابيع المقبلة.",
            # talks with a state are his state's
            "وكتب ماكرون أن محادثات مثمرة جرت مع كوريا الشمالية.",
        ],
        published=["2018-04-29", "2018-04-29"],
    )
    assert _mention_parties(tables) == {"d0": ["emmanuel-macron", "state-north-korea"], "d1": ["state-france", "state-north-korea"]}


def test_a_state_that_acts_on_talks_with_another_is_their_other_side(build_texts):
    tables = build_texts(
        [
            # the masdar of a threat before its subject, and the side inside a noun and its verb
            "يعد تهديد كوريا الشمالية الصارم بإلغاء المحادثات المهمة مع الولايات المتحدة - التي من المقرر عقدها في 12 يونيو/حزيران في سنغافورة تحولا خطيرا.",
            "ألغت كوريا الشمالية محادثات رفيعة المستوى مع كوريا الجنوبية، ووصفت التدريبات العسكرية بأنها استفزاز.",
            "ألغت فرنسا المحادثات مع تركيا وروسيا.",
            # one may welcome the talks of others
            "رحبت فرنسا بالمحادثات مع تركيا.",
            "ألغت فرنسا زيارتها، والمحادثات مع تركيا مستمرة.",
            # a venue is no side
            "في فرنسا، ألغيت المحادثات مع تركيا.",
        ],
        published=["2018-05-18"] * 6,
    )
    assert _mention_parties(tables) == {
        "d0": ["state-north-korea", "state-united-states"],
        "d1": ["state-north-korea", "state-south-korea"],
        "d2": ["state-france", "state-russia", "state-turkey"],
        "d3": ["state-turkey"],
        "d4": ["state-turkey"],
        "d5": ["state-turkey"],
    }


def test_the_we_of_a_speaker_is_his_side(build_texts):
    tables = build_texts(
        [
            # talks of his "we" with a state are his state's
            "وأضاف كيري: «هذا الأمر من بين أسباب تفاوضنا مع تركيا في الأسابيع الماضية».",
            "وقال ماكرون: «أجرينا محادثات مع تركيا».",
            # ... with a person, his own; the one named after a verb of "we" is its object
            "وقال ماكرون: «سنلتقي الرئيس أردوغان غدا».",
            # a part of the grounds of an organization is a venue: "we" are not the Elysee
            "وقال ماكرون للصحفيين في حديقة الإليزيه: «سنجتمع مع أردوغان».",
            # "we met" is no verb of two that refers back to the pair before it
            "التقى ميركل وأردوغان في برلين أمس. وقال ماكرون للصحفيين: «التقينا في باريس».",
        ],
        published=["2015-08-03"] * 5,
    )
    assert _mention_parties(tables) == {
        "d0": ["state-turkey", "state-united-states"],
        "d1": ["state-france", "state-turkey"],
        "d2": ["emmanuel-macron", "recep-tayyip-erdogan"],
        "d3": ["emmanuel-macron", "recep-tayyip-erdogan"],
        "d4": [],
    }
    assert tables.meeting_mentions.filter(pl.col("doc_id") == "d2")["status"].to_list() == ["planned"]


def test_who_prepares_a_summit_that_brings_someone_together_is_no_party(build_texts):
    tables = build_texts(
        [
            "قال الرئيس الفرنسي إيمانويل ماكرون إن الإليزيه يواصل التجهيز للقمة المرتقبة التي تجمعه بزعيم كوريا الشمالية كيم جونغ أون.",
        ],
        published=["2018-05-22"],
    )
    assert _mention_parties(tables) == {"d0": ["emmanuel-macron", "kim-jong-un"]}


def test_who_is_named_before_the_antecedent_of_a_meeting_verb_is_no_party(build_texts):
    tables = build_texts(
        [
            "وقال ماكرون بعدما اتصل هاتفيا بالرئيس الكوري الجنوبي مون جاي إن الذي التقى كيم جونغ أون يوم الجمعة إن الأمور جيدة.",
            # the antecedent with its adjectives
            "هنأ ماكرون الرئيس الكوري الجنوبي الذي التقى كيم جونغ أون الجمعة.",
            # further on in the relative clause
            "ونشرت الرئاسة صورا تظهر مون جاي إن وكيم جونغ أون إضافة إلى شقيقة هذا الأخير، كيم يو جونغ التي لعبت دورا مهما في المحادثات مع الجنوب.",
            # (not when the antecedent is no party: the agreement)
            "وعرض الرئيس الفرنسي إيمانويل ماكرون الاتفاق الذي توصل إليه في المحادثات مع الرئيس التركي رجب طيب أردوغان ورئيس الوزراء الياباني شينزو آبي.",
            # (who is named in the clause after the antecedent stays)
            "ولم تسلم من انتقادات الرئيس الفرنسي إيمانويل ماكرون الذي هاجم المستشارة الألمانية أنجيلا ميركل قبل لقائه بها.",
        ],
        published=["2018-04-28"] * 5,
    )
    parties = _mention_parties(tables)
    assert sorted(parties["d4"]) == ["angela-merkel", "emmanuel-macron"]
    assert sorted(parties["d1"]) == ["kim-jong-un", "moon-jae-in"]
    assert "emmanuel-macron" not in parties["d0"] and "kim-jong-un" in parties["d0"]
    assert parties["d2"] == ["kim-yo-jong"]
    assert sorted(parties["d3"]) == ["emmanuel-macron", "recep-tayyip-erdogan", "shinzo-abe"]


def test_the_two_presidents_who_met_last_are_the_presidents_named_before(build_texts):
    tables = build_texts(
        [
            "قال الرئيس الفرنسي إيمانويل ماكرون إنه ربما يلتقي بنظيره التركي رجب طيب أردوغان في باريس الشهر المقبل."
            " وكان وزير الخارجية الفرنسي جان إيف لودريان قد زار أنقرة، الأربعاء، والتقى وزير الخارجية التركي مولود تشاووش أوغلو."
            " وكانت آخر مرة التقى فيها الرئيسان في نوفمبر الماضي في بروكسل.",
        ],
        published=["2018-06-27"],
    )
    last = tables.meeting_mentions.filter(pl.col("trigger").str.contains("التقي") & (pl.col("start") > 200))
    assert sorted(last["participants"].item()) == ["emmanuel-macron", "recep-tayyip-erdogan"]


def test_who_travelled_and_met_someone_is_a_party_of_that_meeting(build_texts):
    tables = build_texts(
        [
            # the subject before the journey, a summit prepared between it and the meeting verb
            # (a president named nearer the verb of travelling, in the subject's title)
            "وكان جون بولتون مستشار الأمن القومي للرئيس الأمريكي قد توجه إلى موسكو، الأربعاء، للتحضير للقمة الأميركية الروسية، والتقى وزير الخارجية الروسي سيرغي لافروف.",
            # the traveller after the verb of travelling
            "وصل وزير الخارجية الأمريكي جون كيري إلى الرياض، والتقى وزير الخارجية السعودي عادل الجبير.",
            # not the one who says the traveller went
            "قال وزير الخارجية الروسي سيرغي لافروف إن كيري توجه إلى جنيف، والتقى الرئيس الفرنسي إيمانويل ماكرون.",
            # the subject, not the president named nearer the verb of travelling
            "وكان وزير الخارجية جان إيف لودريان المقرب من الرئيس إيمانويل ماكرون قد توجه إلى أنقرة، الأربعاء، للتحضير للقمة الفرنسية التركية، والتقى وزير الخارجية التركي مولود تشاووش أوغلو.",
            # the one after the verb, not somebody named before it
            "وبعد محادثات مع ماكرون، وصل الرئيس التركي رجب طيب أردوغان إلى برلين، والتقى المستشارة الألمانية أنجيلا ميركل.",
        ],
        published=["2018-06-27", "2016-01-20", "2016-01-20", "2018-06-27", "2018-09-28"],
    )
    met = tables.meeting_mentions.filter(pl.col("trigger").str.contains("التقي")).select("doc_id", "participants", "status")
    parties = {d: sorted(p) for d, p, _ in met.iter_rows()}
    assert parties == {
        "d0": ["john-bolton", "sergey-lavrov"], "d1": ["adel-al-jubeir", "john-kerry"], "d2": ["emmanuel-macron", "john-kerry"],
        "d3": ["jean-yves-le-drian", "mevlut-cavusoglu"], "d4": ["angela-merkel", "recep-tayyip-erdogan"],
    }
    # a preparation before the summit is the summit's: who met, met
    assert met.filter(pl.col("doc_id") == "d0")["status"].item() == "held"


def test_who_invited_a_visitor_hosted_the_visit_and_a_titled_subject_has_his_own(build_texts):
    tables = build_texts(
        ["وتعود آخر زيارة لماكرون إلى أنقرة إلى 2005 عندما دعاه الرئيس التركي رجب طيب أردوغان، فيما زار الرئيس الفرنسي السابق فرانسوا هولاند أنقرة في 2010."],
        published=["2018-07-20"],
    )
    parties = [sorted(p) for p in tables.meeting_mentions.sort("start")["participants"]]
    assert parties == [["emmanuel-macron", "recep-tayyip-erdogan"], ["francois-hollande"]]


def test_who_had_confirmed_a_visit_is_no_party_but_who_called_a_summit_off_is(build_texts):
    tables = build_texts(
        [
            "وكان ماكرون قد أكد في وقت سابق زيارة وزير الخارجية جان إيف لودريان إلى أنقرة، واجتماعه مع أردوغان.",
            "وكان ماكرون قد أعلن الخميس في رسالة إلى أردوغان إلغاء قمة باريس.",
        ],
        published=["2018-04-20", "2018-04-20"],
    )
    first = tables.meeting_mentions.sort("doc_id", "start").unique("doc_id", keep="first", maintain_order=True)
    assert [sorted(p) for p in first["participants"]] == [["jean-yves-le-drian"], ["emmanuel-macron", "recep-tayyip-erdogan"]]


def test_the_minister_of_a_country_is_its_minister_introduced_before_not_his_deputy(build_texts):
    tables = build_texts(
        [
            "أعلنت وزارة الخارجية الروسية أن وزير الخارجية الروسي سيرغي لافروف سيزور قطر."
            " وقال نائب وزير الخارجية الروسي ميخائيل بوغدانوف إن المشاورات ستجري في نيويورك."
            " كما يلتقي الوزير الروسي أمير دولة قطر الشيخ تميم بن حمد آل ثاني."
            # (a minister introduced after the title is not the one it refers to)
            " وأكد وزير الدفاع الروسي سيرغي شويغو أن التعاون مستمر.",
        ],
        published=["2015-08-02"],
    )
    met = tables.meeting_mentions.filter(pl.col("trigger") == "يلتقي")
    assert sorted(met["participants"].item()) == ["sergey-lavrov", "tamim-bin-hamad"]


def test_a_date_before_a_quotation_is_when_it_was_said(build_texts):
    tables = build_texts(
        ["وقالت الخارجية الروسية أمس السبت: «إن وزير الخارجية الروسي سيرغي لافروف سيعقد اجتماعًا مع نظيره الأميركي جون كيري في الدوحة»."],
        published=["2015-08-02"],
    )
    assert tables.meeting_mentions["date"].to_list() == [None]


def test_who_is_named_before_a_reported_clause_with_its_own_subject_is_no_party(build_texts):
    tables = build_texts(
        [
            "ولا تتضمن جولة كيري إسرائيل في ظل توتر في العلاقات، إلا أن وزارة الخارجية الأميركية أكدت أن واشنطن تجري مباحثات مكثفة مع إسرائيل.",
            # a clause with no subject of its own
            "يعتزم ماكرون أن يلتقي أردوغان.",
        ],
        published=["2015-08-02", "2018-06-12"],
    )
    assert _mention_parties(tables) == {"d0": ["state-israel", "state-united-states"], "d1": ["emmanuel-macron", "recep-tayyip-erdogan"]}


def test_who_is_named_far_back_across_a_subordinate_clause_is_no_party(build_texts):
    tables = build_texts(
        [
            "وحسب مراقبين فإنه من المتوقع أن تعيد هذه المحادثات طبيعة العلاقات الثنائية بين البلدين، بعد أن كان مفهوما على نطاق واسع"
            " أن باريس عارضت ترشح أردوغان في الانتخابات عام 2013، بسبب الاتهامات التي كان يواجهها، ومن المنتظر أن يلقي اليوم الأحد"
            " خطابا عاما موجها إلى عموم الأتراك، قبل أن يتوجه إلى العاصمة الإثيوبية أديس أبابا، حيث من المقرر أن يلتقي رئيس الوزراء"
            " الإيطالي ماتيو رينزي غدا الاثنين.",
        ],
        published=["2015-07-26"],
    )
    assert tables.meeting_mentions.filter(pl.col("trigger") == "يلتقي")["participants"].to_list() == [["matteo-renzi"]]


def test_a_texts_mentions_do_not_depend_on_the_texts_built_with_it(build_texts):
    # the last meeting word of a batch has no next one: it must be read as in the middle of one
    text = 'ومساء الاثنين أعلن قصر الإليزيه في بيان أن "المحادثات بين فرنسا وتركيا تجري بشكل أسرع من المتوقع".'
    alone = build_texts([text], published=["2018-06-12"]).meeting_mentions
    together = build_texts([text, "وأعلن الإليزيه مساء الاثنين أن المحادثات جيدة."], published=["2018-06-12", "2018-06-12"]).meeting_mentions
    columns = ["start", "trigger", "participants", "status"]
    assert alone.select(columns).rows() == together.filter(pl.col("doc_id") == "d0").select(columns).rows()


def test_a_day_of_another_verbs_clause_does_not_date_the_meeting(build_texts):
    # published on Saturday 14 July 2018: Friday is the 13th, Tuesday the 17th
    texts = [
        # a clause of time after the meeting word: the day the charges came, not the meeting's
        "لكن هناك دعوات لإلغاء الاجتماع بين ماكرون وأردوغان بعد أن اتهمت الولايات المتحدة أمس الجمعة ضباطا روسا.",
        # ... with the day set off by commas inside it
        "والتقى ماكرون أردوغان في أنقرة بعد أن أعلن البيت الأبيض، الجمعة، أن العقوبات باقية.",
        # a relative clause on another noun before the meeting word
        "وينفي الوزير أن يكون للائحة الاتهام، التي صدرت الجمعة، أي علاقة بالاجتماع الوشيك بين ماكرون وأردوغان.",
        # the clause of time ends at its comma: the day after it is the summit's
        "وستعقد القمة بين ماكرون وأردوغان التي لم يكن ممكنا تخيلها عندما كان الرئيسان منخرطين في تصعيد كلامي، صباح الثلاثاء المقبل في أنقرة.",
    ]
    tables = build_texts(texts, published=["2018-07-14"] * len(texts))
    dates = dict(tables.meeting_mentions.filter(pl.col("participants").list.len() == 2).select("doc_id", "date").iter_rows())
    assert dates == {"d0": None, "d1": None, "d2": None, "d3": date(2018, 7, 17)}


def test_a_visit_framing_the_meeting_is_its_setting_not_another_meeting(build_texts):
    # "في إطار الزيارة التي يقوم بها ...، مع": the counterpart after "مع" is the verb's, the visit its setting
    tables = build_texts([
        "اجتمع وزير الخارجية السعودي عادل الجبير أمس، في إطار الزيارة الرسمية التي يقوم بها إلى مملكة إسبانيا، مع رئيس الوزراء الإسباني ماريانو راخوي، وذلك بمقر الحكومة في مدريد."
    ])
    assert [sorted(p) for p in tables.meetings["participants"].to_list()] == [["adel-al-jubeir", "mariano-rajoy"]]
    assert tables.meeting_mentions.height == 1


def test_the_object_of_a_meeting_noun_with_its_subjects_pronoun_may_follow_a_title(build_texts):
    tables = build_texts(
        [
            # "لقائه" takes its counterpart as a direct object: the person a title set off by a comma
            # introduces, not the invited visit's after it
            "دعا الرئيس اليمني عبدربه منصور هادي إلى التهدئة. وكان هادي دعا خلال لقائه أمس مبعوث الأمين العام "
            "للأمم المتحدة إلى اليمن، إسماعيل ولد الشيخ أحمد، في الرياض إلى زيارة محافظة عدن.",
            # the object is the first party after the noun only: the king named after "أن" is none of it
            "أعلن ولي العهد الأمير محمد بن سلمان خلال لقائه الرئيس الفرنسي إيمانويل ماكرون في باريس أن خادم "
            "الحرمين الشريفين الملك سلمان بن عبدالعزيز سيزور فرنسا قريبا.",
        ]
    )
    held = tables.meeting_mentions.filter(pl.col("trigger").str.starts_with("لقائ")).sort("doc_id")
    assert [sorted(p) for p in held["participants"]] == [
        ["abdrabbuh-mansur-hadi", "ismail-ould-cheikh-ahmed"],
        ["emmanuel-macron", "mohammed-bin-salman"],
    ]
    visit = tables.meeting_mentions.filter((pl.col("doc_id") == "d1") & pl.col("trigger").str.ends_with("يزور"))
    assert "salman-bin-abdulaziz" in visit["participants"].explode().to_list()


def test_a_verb_of_meeting_in_the_first_person_is_to_come(build_texts):
    # "ألتقي" (I meet) reads in the view as "التقى" (he met); the hamza the text writes tells them apart
    tables = build_texts([
        'وقال الرئيس السوري بشار الأسد "سأزور كوريا الشمالية وألتقي مع الزعيم كيم جونغ أون".',
        "وقال الرئيس السوري بشار الأسد إنه التقى مع الزعيم كيم جونغ أون.",
    ])
    assert tables.meeting_mentions.sort("doc_id").select("doc_id", "status").rows() == [("d0", "planned"), ("d1", "held")]



def test_the_body_whose_meeting_somebody_chairs_is_no_party(build_texts):
    # the council's own meeting: its chair meets nobody in particular
    text = "ترأس الرئيس الفرنسي إيمانويل ماكرون اجتماعا لمجلس الدفاع والأمن القومي في الإليزيه."
    tables = build_texts([text])
    assert tables.meeting_mentions["participants"].to_list() == [["emmanuel-macron"]]


def test_who_is_named_in_the_circumstances_of_a_meeting_is_no_party(build_texts):
    tables = build_texts(
        [
            "واجتمع الرئيس الفرنسي إيمانويل ماكرون بوزير الخارجية التركي هاكان فيدان في باريس، في ظل تصاعد التوتر مع الرئيس الصيني شي جين بينغ.",
            "واجتمع الرئيس الفرنسي إيمانويل ماكرون بوزير الخارجية التركي هاكان فيدان في باريس، على خلفية تصريحات الرئيس الصيني شي جين بينغ.",
        ]
    )
    pair = {("emmanuel-macron", "hakan-fidan")}
    assert _pairs_by_doc(tables) == {"d0": pair, "d1": pair}


def test_the_name_before_a_speech_verb_is_no_subject_after_with_or_in_a_fronted_phrase(build_texts):
    tables = build_texts(
        [
            # the counterpart before the comma is no subject of the verb; the speaker after it met him
            "وخلال اجتماع مع الرئيس التركي رجب طيب أردوغان، أكد الرئيس الفرنسي إيمانويل ماكرون أن الحوار ضروري.",
            "وخلال لقائه مع الرئيس التركي رجب طيب أردوغان، أكد الرئيس الفرنسي إيمانويل ماكرون أن الحوار ضروري.",
            # (not only in a phrase that opens the sentence: "مع" leads the counterpart)
            "وردا على سؤال عن توقعاته بشأن لقائه المرتقب، مع الرئيس التركي رجب طيب أردوغان، قال الرئيس الفرنسي إيمانويل ماكرون إن الحوار ضروري.",
            # the people of the phrase met; the speaker after it did not
            "وبعد لقاء الرئيس التركي رجب طيب أردوغان والرئيس الفرنسي إيمانويل ماكرون، قال المستشار الألماني أولاف شولتس إن الحوار ضروري.",
            # the object of "للقاء" is no subject of the verb after its comma
            "وبعد أن كان ماكرون أعلن عزمه التوجه إلى أنقرة للقاء أردوغان، قال المستشار الألماني أولاف شولتس إن الحوار ضروري.",
        ]
    )
    pair = {("emmanuel-macron", "recep-tayyip-erdogan")}
    assert _pairs_by_doc(tables) == {"d0": pair, "d1": pair, "d2": pair, "d3": pair, "d4": pair}


def test_talks_with_one_side_told_by_an_anonymous_official_are_his_states(build_texts):
    tables = build_texts(
        [
            "وأكد مسؤول تركي أن المفاوضات مع الفرنسيين ستستأنف الأسبوع المقبل.",
            "وقال مسؤول تركي إن المحادثات مع فرنسا مستمرة.",
            # (not a person's talks, nor an official of the same country, nor talks named outside what he says)
            "وقال مسؤول تركي إن المحادثات مع الرئيس الفرنسي إيمانويل ماكرون مستمرة.",
            "وقال مسؤول فرنسي إن المحادثات مع فرنسا مستمرة.",
            "وتستمر المحادثات مع فرنسا، وقال مسؤول تركي إن الأجواء إيجابية.",
            # (nor a side that is the subject: with whom, the text does not say)
            "وقال مسؤول تركي إن الوفد الفرنسي يجري محادثات مكثفة.",
        ],
        published=["2025-12-03"] * 6,
    )
    parties = _mention_parties(tables)
    assert parties == {
        "d0": ["french-delegation", "state-turkey"],
        "d1": ["state-france", "state-turkey"],
        "d2": ["emmanuel-macron"],
        "d3": ["state-france"],
        "d4": ["state-france"],
        "d5": ["french-delegation"],
    }


def test_the_subject_after_a_phrase_that_opens_the_sentence_is_the_other_side_of_its_meeting(build_texts):
    text = "وإضافة إلى عقد قمة نادرة مع رئيس كوريا الجنوبية مون جاي إن، التقى كيم جونغ أون مرتين في الأسابيع الأخيرة الرئيس الصيني شي جينبينغ."
    assert _pairs_by_doc(build_texts([text])) == {"d0": {("kim-jong-un", "moon-jae-in"), ("kim-jong-un", "xi-jinping")}}
    # ... and a call received "من" its caller has the one who received it
    tables = build_texts(
        [
            "وفي اتصال هاتفي تلقاه من الرئيس التركي رجب طيب أردوغان، بحث الرئيس الفرنسي إيمانويل ماكرون الأوضاع في المنطقة.",
            "وخلال اتصال هاتفي تلقاه من الرئيس التركي رجب طيب أردوغان، أكد الرئيس الفرنسي إيمانويل ماكرون أهمية التعاون.",
        ]
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}, "d1": {MACRON_ERDOGAN}}


def test_talks_of_two_states_called_off_are_not_the_meeting_their_leaders_held(build_texts):
    text = (
        "وألغت كوريا الشمالية لقاء رفيع المستوى مع كوريا الجنوبية كان مقررا اليوم. "
        "وكان الزعيم الكوري الشمالي كيم جونغ أون قد عقد قمة تاريخية مع رئيس كوريا الجنوبية مون جاي إن في 27 أبريل."
    )
    meetings = build_texts([text], published=["2018-05-16"]).meetings
    parties = {status: sorted(p) for status, p in meetings.select("status", "participants").iter_rows()}
    assert parties == {"cancelled": ["state-north-korea", "state-south-korea"], "held": ["kim-jong-un", "moon-jae-in"]}


def test_who_hosts_someone_meets_him_and_a_meeting_agreed_to_is_planned(build_texts):
    tables = build_texts(
        [
            "وجاءت تصريحات ماكرون أثناء استضافته الرئيس التركي رجب طيب أردوغان في باريس.",
            # (not "she hosted them": "الألعاب الأولمبية التي استضافتها كوريا الجنوبية")
            "وقال ماكرون إن الألعاب الأولمبية التي استضافتها كوريا الجنوبية فتحت الباب أمام الحوار مع الرئيس التركي رجب طيب أردوغان.",
            "وأشاد المستشار الألماني أولاف شولتس بقرار ماكرون الموافقة على لقاء الرئيس التركي رجب طيب أردوغان.",
            # agreeing to something else, before a summit that was held
            "وبعد الموافقة على خطة الوزراء الطموحة عقد ماكرون قمة مع الرئيس التركي رجب طيب أردوغان في باريس.",
        ],
        published=["2025-12-01"] * 4,
    )
    statuses = {doc: status for doc, status, parties in tables.meeting_mentions.select("doc_id", "status", "participants").iter_rows() if parties}
    assert _pairs_by_doc(tables)["d0"] == {("emmanuel-macron", "recep-tayyip-erdogan")}
    assert "d1" not in statuses
    assert statuses["d2"] == "planned" and statuses["d3"] == "held"


def test_two_short_names_side_by_side_are_subject_and_object(build_texts):
    text = "التقى الرئيس مون جاي إن الزعيم كيم جونغ أون في مارس. سيلتقي مون كيم شخصيا على الحدود، بحسب ما قال متحدث للصحفيين."
    tables = build_texts([text], published=["2018-04-26"])
    parties = [sorted(p) for p in tables.meeting_mentions.filter(pl.col("status") == "planned")["participants"].to_list()]
    assert parties == [["kim-jong-un", "moon-jae-in"]]


def test_an_organizations_delegation_is_its_side_a_persons_is_not_him(build_texts):
    tables = build_texts(
        [
            "والتقى المبعوث الدولي إسماعيل ولد الشيخ وفد حركة حماس في مسقط.",
            "والتقى الرئيس الفرنسي إيمانويل ماكرون وفد الرئيس التركي رجب طيب أردوغان في باريس.",
        ]
    )
    parties = {doc: sorted(p) for doc, p in tables.meeting_mentions.select("doc_id", "participants").iter_rows()}
    assert parties == {"d0": ["hamas", "ismail-ould-cheikh-ahmed"], "d1": ["emmanuel-macron"]}


def test_a_speaker_held_the_meeting_named_in_the_phrase_of_his_speech_verb(build_texts):
    tables = build_texts(
        [
            "وقال الرئيس الفرنسي إيمانويل ماكرون للصحفيين عقب لقاء الرئيس التركي رجب طيب أردوغان إن التوتر تراجع.",
            # (the seat of a head of state one stands in front of is no party)
            "وقال الرئيس الفرنسي إيمانويل ماكرون في مؤتمر صحفي، أمام البيت الأبيض عقب لقاء الرئيس الأمريكي جو بايدن، إن التوتر تراجع.",
            # not inside what is said
            "وقال الرئيس الفرنسي إيمانويل ماكرون إن التوتر تراجع بعد لقاء الرئيس التركي رجب طيب أردوغان.",
            # the morrow of a meeting "with" one other person
            "وقال وزير الخارجية الفرنسي جان إيف لودريان للصحفيين غداة اجتماع في بروكسل مع وزير الخارجية الإيراني محمد جواد ظريف إن الاتفاق قائم.",
        ],
        published=["2023-06-01"] * 4,
    )
    assert _pairs_by_doc(tables) == {
        "d0": {("emmanuel-macron", "recep-tayyip-erdogan")}, "d1": {("emmanuel-macron", "joe-biden")}, "d2": set(), "d3": {("jean-yves-le-drian", "mohammad-javad-zarif")},
    }


def test_a_meal_with_another_is_a_meeting(build_texts):
    tables = build_texts(
        [
            "وتناول الغداء الرئيس الفرنسي إيمانويل ماكرون مع الرئيس التركي رجب طيب أردوغان في باريس.",
            "وعقد الرئيس الفرنسي إيمانويل ماكرون غداء عمل مع الرئيس التركي رجب طيب أردوغان.",
            # (not a meal alone)
            "وتناول الرئيس الفرنسي إيمانويل ماكرون العشاء في مطعم شعبي.",
        ],
        published=["2023-06-01"] * 3,
    )
    assert _pairs_by_doc(tables) == {"d0": {MACRON_ERDOGAN}, "d1": {MACRON_ERDOGAN}}


def test_who_praises_a_meeting_of_two_others_is_no_party(build_texts):
    tables = build_texts(
        [
            "كما أشاد الرئيس الفرنسي إيمانويل ماكرون بلقاء وزير الخارجية التركي هاكان فيدان بالرئيس الأمريكي جو بايدن.",
            "كما أشاد ماكرون بلقاء فيدان مع بايدن.",
        ],
        published=["2023-06-01"] * 2,
    )
    pair = {("hakan-fidan", "joe-biden")}
    assert _pairs_by_doc(tables) == {"d0": pair, "d1": pair}


def test_a_summit_pulled_out_of_is_cancelled_a_threat_to_is_not(build_texts):
    tables = build_texts(
        [
            "وانسحب ماكرون الثلاثاء من القمة التي كانت مقررة مع الرئيس التركي رجب طيب أردوغان.",
            "وهدد الرئيس الفرنسي إيمانويل ماكرون بالانسحاب من القمة المقررة مع الرئيس التركي رجب طيب أردوغان.",
        ],
        published=["2025-12-01"] * 2,
    )
    statuses = dict(tables.meeting_mentions.select("doc_id", "status").iter_rows())
    assert statuses == {"d0": "cancelled", "d1": "planned"}


def test_a_head_of_an_organization_named_by_title_alone_is_the_holder_that_year_and_an_actor(build_texts):
    tables = build_texts(
        [
            "والتقى وزير الخارجية عادل الجبير الأمين العام للأمم المتحدة في نيويورك.",
            "واستقبل وزير الخارجية عادل الجبير الأمين العام لحلف الناتو في الرياض.",
            # (not a deputy)
            "والتقى وزير الخارجية عادل الجبير نائب الأمين العام للأمم المتحدة في نيويورك.",
        ],
        published=["2015-08-09", "2019-03-01", "2015-08-09"],
    )
    assert _pairs_by_doc(tables) == {"d0": {("adel-al-jubeir", "ban-ki-moon")}, "d1": {("adel-al-jubeir", "jens-stoltenberg")}, "d2": set()}
    # every party of a meeting is in the actors table
    parties = set(tables.meetings["participants"].explode().to_list())
    assert parties <= set(tables.actors["actor_id"].to_list())


def test_offices_of_organizations_are_read_from_the_roles_by_name_or_initials():
    from analysis.quotes import _organization_offices
    from analysis.reference import load_reference

    offices = set(_organization_offices(load_reference()).select("_complement", "_office", "_holder").iter_rows())
    assert ("un", "secretary-general", "ban-ki-moon") in offices  # "UN Secretary-General (2007-2016)"
    assert ("arab-league", "secretary-general", "nabil-elaraby") in offices  # "Secretary-General of the Arab League"
    # no initials of a name that holds an abbreviation ("UN Secretariat" is not "US"), no office of someone's
    assert not {o for o in offices if o[0] == "un-secretariat"}
    assert ("un", "spokesman", "stephane-dujarric") not in offices and not {o for o in offices if o[2] == "stephane-dujarric"}


def test_an_envoy_introduced_with_the_country_he_is_posted_to_is_the_one_his_title_names_later(build_texts):
    text = (
        "وصل المبعوث الأممي إلى اليمن إسماعيل ولد الشيخ أحمد إلى الرياض أمس. "
        "وقال المبعوث الأممي إلى اليمن إنه سيلتقي الرئيس اليمني عبدربه منصور هادي."
    )
    tables = build_texts([text], published=["2015-08-09"])
    assert _pairs_by_doc(tables) == {"d0": {("abdrabbuh-mansur-hadi", "ismail-ould-cheikh-ahmed")}}


def test_a_title_before_another_persons_title_and_name_is_not_his(build_texts):
    text = (
        "وصل المبعوث الأممي إلى اليمن إسماعيل ولد الشيخ أحمد إلى الرياض أمس. "
        "والتقى المبعوث الأممي الرئيس اليمني عبدربه منصور هادي."
    )
    tables = build_texts([text], published=["2015-08-09"])
    assert _pairs_by_doc(tables) == {"d0": {("abdrabbuh-mansur-hadi", "ismail-ould-cheikh-ahmed")}}
    # one person's two offices, and a king's title, still name him
    tables = build_texts(["وقال نائب رئيس الجمهورية رئيس الوزراء خالد بحاح إنه التقى المبعوث الأممي إسماعيل ولد الشيخ أحمد."], published=["2015-08-09"])
    assert _pairs_by_doc(tables) == {"d0": {("ismail-ould-cheikh-ahmed", "khaled-bahah")}}
    tables = build_texts(["واستقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود وزير الخارجية الفرنسي لوران فابيوس."], published=["2015-08-09"])
    assert _pairs_by_doc(tables) == {"d0": {("laurent-fabius", "salman-bin-abdulaziz")}}
