"""Meetings within an article (``article_meetings``).

Mentions sharing participants are one meeting; a mention with fewer than two participants ("الاجتماع"،
"المحادثات") enriches the nearest meeting of the article that it does not contradict. A mention of several
meetings ("أجرى لقاءات مع ...") is one record per counterpart (``_separate_meetings``), and states named as
sides stand for the people the article names for them (``_resolve_states``).

``article_meetings`` reads the meeting mentions of a corpus (with doc_id), the publication dates and
``actor_facts``, and returns one record (a dict) per article meeting, with its members.
"""

from __future__ import annotations

import functools
import re
from itertools import combinations

import polars as pl

from ..entities import STATE_PREFIX
from .patterns import _DUAL_MEETINGS, _TALKS_WORD, CANCELLED, DENIED, HELD, POSTPONED, _one_by_one_verbs
from .same_meeting import OFFICIALS_MARK, _by_officials, _compatible, _Groups, _joined_summary, _Meeting, _same_parties, _without_represented


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


def _presence(record: dict) -> str | None:
    """"remote" for a call (by phone or video), "in_person" for a meeting the text says is in person
    or names a summit or a visit, else None."""
    if record["mode"] in ("phone", "video"):
        return "remote"
    if record["mode"] == "in_person" or _noun_kind(record["trigger"]) in ("summit", "visit"):
        return "in_person"
    return None


def _another_after(a: list[tuple[int, bool, bool]], b: list[tuple[int, bool, bool]]) -> bool:
    """Whether a member of one group (start, another, held) is another meeting than a held member
    of the other group named before it ("بعد قمة هلسنكي ... يتطلع إلى لقاء آخر")."""
    return any(x_another and y < x and y_held for xs, ys in ((a, b), (b, a)) for x, x_another, _ in xs for y, _, y_held in ys)


# meeting nouns in the plural: several meetings ("أجرى لقاءات مع رئيس الوزراء ووزير الدفاع"), where
# محادثات، مباحثات، مفاوضات are one set of talks
_SEPARATE = re.compile(r"(?:^|\s)(?:لقاءات|اجتماعات|مقابلات)(?:\s|$)")
# meeting nouns in the dual: two meetings of one party, one with each of the two named after it
# ("يعقد كيم قمتين مع مون وآبي"; the holder first, ``duals._one_with_each``), in matching view
_TWO = re.compile(rf"(?:^|\s)(?:ال)?(?:{_DUAL_MEETINGS})(?:\s|$)")


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
        if hub in persons and set(others) <= persons and all(countries.get(p) not in (None, home) for p in others):
            return [{**record, "participants": [hub, p]} for p in others]
        return [record]
    # "استقبل الملك كلا من ... و... كل على حدة", "يعقد كيم قمتين مع مون وآبي": the first named met
    # each of the others apart
    if record["separately"] or (_TWO.search(record["trigger"]) and len(record["participants"]) == 3 and not record["together"]):
        hub, *others = record["participants"]
        return [{**record, "participants": [hub, p]} for p in others]
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
    mentions: pl.DataFrame, published: dict[str, object], countries: dict[str, str | None], persons: set[str], stand_ins: frozenset[str] = frozenset(),
    place_within: dict[str, str] | None = None,
) -> list[dict]:
    """Group one corpus's meeting mentions (with doc_id) into meetings of each article.

    Mentions with two or more participants that share parties are one meeting; a mention with
    fewer participants joins the nearest compatible meeting of its article (the previous one
    first). States named as sides stand for the people the article names for them
    (``_resolve_states``). Returns one row per article meeting with its members' (doc_id,
    sentence, start). ``countries``, ``persons``, ``stand_ins``: see ``actor_facts``; ``place_within``:
    the country of each place that is not one (``MeetingPlaces.within``), so that a meeting in
    Doha and one in Qatar can be one.
    """
    place_within = place_within or {}
    # a mention with fewer than two participants counts only where it refers to a meeting
    useful = mentions.sort("doc_id", "start").with_row_index("row_order").filter(
        (pl.col("participants").list.len() >= 2) | pl.col("anaphoric")
    )
    out = []
    by_doc: dict[str, list[dict]] = {}
    for r in _records(useful):
        r["published"] = published.get(r["doc_id"])
        r["place_country"] = place_within.get(r["place_id"])
        r["presence"] = _presence(r)
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
                # (not the states of another meeting than the people's: "وكانت لقاءات سابقة قد أجريت
                # بين البلدين في عامي 2000 و2007" are not today's summit of their leaders)
                if any(p in stand_ins for p in r["participants"]) and not r["another"]:
                    # (talks the text says were held are not a meeting their people only plan, nor are
                    # talks called off a meeting they held: "ألغت كوريا الشمالية المحادثات مع الجنوب")
                    called_off = r["explicit"] and r["status"] in (CANCELLED, POSTPONED)
                    nearest = sorted(
                        (x for x in people if (not (r["explicit"] and r["status"] == HELD) or x[2] == HELD) and not (called_off and x[2] == HELD)),
                        key=lambda x: (x[0] > r["start"], abs(x[0] - r["start"])),
                    )
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
            if _same_parties(marked[i], marked[j], countries, persons, stand_ins) and _compatible(full[i], full[j], same_article=True)[0]:
                ri, rj = groups.find(i), groups.find(j)
                if ri == rj or _another_after(starts_of[ri], starts_of[rj]):
                    continue
                if not _same_parties(parties_of[ri], parties_of[rj], countries, persons, stand_ins):
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
