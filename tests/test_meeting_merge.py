"""Merging article meetings across a large corpus: every compatible pair linked, without all pairs."""

from __future__ import annotations

import datetime as dt
import time

from analysis.meetings import merge_meetings

COUNTRIES = {"a": "RU", "b": "US", "c": "UA"}
PERSONS = {"a", "b", "c"}


def record(doc: int, participants=("a", "b"), date=None, published=dt.date(2025, 12, 2), status="held", place=None, weekday=None, arrival=False, meal=False):
    return {
        "doc_id": f"d{doc:05d}", "participants": list(participants), "status": status, "explicit": False, "verb": True, "arrival": arrival, "meal": meal,
        "date": date, "date_text": None, "month": None, "weekday": weekday, "place_id": place, "place_country": None, "duration_minutes": None, "mode": None, "presence": None,
        "published": published, "start": 0, "row_order": doc,
        "members": [{"doc_id": f"d{doc:05d}", "sentence": 0, "start": 0, "end": 10}],
    }


def test_thousands_of_reports_of_one_meeting_merge_into_one_quickly():
    records = [record(i, published=dt.date(2025, 12, 1) + dt.timedelta(days=i % 3)) for i in range(6000)]
    began = time.perf_counter()
    meetings = merge_meetings(records, COUNTRIES, PERSONS)
    assert len(meetings) == 1 and len(meetings[0]["doc_ids"]) == 6000
    assert time.perf_counter() - began < 20  # all pairs would be 18 million comparisons


def test_meetings_far_apart_in_time_stay_apart():
    records = [record(0, published=dt.date(2025, 12, 1)), record(1, published=dt.date(2025, 12, 3)), record(2, published=dt.date(2026, 2, 1))]
    meetings = sorted(merge_meetings(records, COUNTRIES, PERSONS), key=lambda m: len(m["doc_ids"]))
    assert [len(m["doc_ids"]) for m in meetings] == [1, 2]


def test_a_chain_of_close_publication_dates_links_through_the_window():
    # 1 Dec ~ 4 Dec ~ 7 Dec: each pair within three days is linked, so all three are one meeting
    records = [record(i, published=dt.date(2025, 12, 1) + dt.timedelta(days=3 * i)) for i in range(3)]
    assert len(merge_meetings(records, COUNTRIES, PERSONS)) == 1


def test_undated_reports_merge_only_on_shared_place_or_weekday_and_are_uncertain():
    records = [record(0, published=None, place="moscow-ru"), record(1, published=None, place="moscow-ru"), record(2, published=None)]
    meetings = sorted(merge_meetings(records, COUNTRIES, PERSONS), key=lambda m: len(m["doc_ids"]))
    assert [len(m["doc_ids"]) for m in meetings] == [1, 2]
    assert meetings[1]["uncertain"] and "place" in meetings[1]["merge_basis"]


def test_held_and_planned_or_different_parties_do_not_merge():
    records = [record(0), record(1, status="planned"), record(2, participants=("a", "c"))]
    assert len(merge_meetings(records, COUNTRIES, PERSONS)) == 3


def test_a_welcome_on_arrival_is_not_the_talks_of_the_same_visit():
    talks, welcome = record(1, ("a", "b")), record(2, ("a", "b", "c"), arrival=True)
    assert len(merge_meetings([talks, welcome], COUNTRIES, PERSONS)) == 2
    assert len(merge_meetings([talks, record(3, ("a", "b", "c"))], COUNTRIES, PERSONS)) == 1


def test_a_merged_meeting_has_the_date_most_reports_give_and_its_month():
    # one report dates it by another day (the day it was announced or called off); the undated
    # report between links it to the two that date the meeting itself
    records = [
        record(0, date=dt.date(2025, 12, 8), published=dt.date(2025, 12, 8)),
        record(1, published=dt.date(2025, 12, 10)),
        record(2, date=dt.date(2025, 12, 12), published=dt.date(2025, 12, 12)),
        record(3, date=dt.date(2025, 12, 12), published=dt.date(2025, 12, 13)),
    ]
    meetings = merge_meetings(records, COUNTRIES, PERSONS)
    assert [(len(m["doc_ids"]), m["date"], m["month"]) for m in meetings] == [(4, dt.date(2025, 12, 12), dt.date(2025, 12, 1))]
    # on a tie, the earliest
    meetings = merge_meetings(records[:3], COUNTRIES, PERSONS)
    assert [(len(m["doc_ids"]), m["date"]) for m in meetings] == [(3, dt.date(2025, 12, 8))]


def _of_month(doc: int, month: dt.date, participants=("a", "b"), published=dt.date(2026, 1, 20)) -> dict:
    return {**record(doc, participants=participants, published=published), "month": month}


def test_a_meeting_dated_by_its_month_alone_is_the_one_meeting_of_its_parties_dated_that_month():
    december = dt.date(2025, 12, 1)
    summit = record(0, date=dt.date(2025, 12, 12), published=dt.date(2025, 12, 12))
    # "the summit last month", reported weeks later: the one December meeting, an uncertain merge
    meetings = merge_meetings([summit, _of_month(1, december)], COUNTRIES, PERSONS)
    assert [(len(m["doc_ids"]), m["date"], m["uncertain"]) for m in meetings] == [(2, dt.date(2025, 12, 12), True)]
    assert "undated: same month" in meetings[0]["merge_basis"]
    # two meetings of theirs that month: which one is not guessed
    other = record(2, date=dt.date(2025, 12, 28), published=dt.date(2025, 12, 28))
    assert len(merge_meetings([summit, other, _of_month(1, december)], COUNTRIES, PERSONS)) == 3
    # another month, or a party more, is another meeting
    assert len(merge_meetings([summit, _of_month(1, dt.date(2025, 11, 1))], COUNTRIES, PERSONS)) == 2
    assert len(merge_meetings([summit, _of_month(1, december, participants=("a", "b", "c"))], COUNTRIES, PERSONS)) == 2


def test_a_person_met_with_a_movement_of_a_country_is_not_his_meeting_with_its_officials():
    # the envoy (e) with Yemen's prime minister (p) and the envoy with the Houthis (an armed movement
    # of Yemen, h) are two meetings; with Yemen's delegation (d, a stand-in) the same one
    countries, persons = {"e": "MR", "p": "YE", "h": "YE", "d": "YE"}, {"e", "p"}
    talks = record(1, ("e", "p"))
    assert len(merge_meetings([talks, record(2, ("e", "h"))], countries, persons, frozenset({"d"}))) == 2
    assert len(merge_meetings([talks, record(2, ("e", "d"))], countries, persons, frozenset({"d"}))) == 1
