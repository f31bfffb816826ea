"""Whether two meeting records are one meeting, and what the records of one meeting say together: read
within an article (``article``) and across articles (``merge``).

A record is a dict of a mention or a meeting (participants, status, explicit, date, month, weekday,
place_id, duration_minutes, published, ...). ``_same_parties`` compares their participants and
``_compatible`` the rest (it returns whether they can be one and what that rests on); ``_Meeting`` keeps the
records of one meeting with their summary; ``_Groups`` is the union-find both steps use.
"""

from __future__ import annotations

from collections import Counter

from .patterns import CANCELLED, DENIED, HELD, PLANNED, POSTPONED


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


def _same_parties(a: list[str], b: list[str], countries: dict[str, str | None], persons: set[str], stand_ins: frozenset[str] = frozenset()) -> bool:
    """Two participant lists name the same meeting's parties: two names in common, or one person
    in common and the same countries ("اجتماع أردوغان مع الوفد الأمريكي" = Erdoğan, Blinken, Sullivan).
    A state marked by ``_by_officials`` has no country here. The other side named without a person
    stands for its country's people only as a state or a delegation (``stand_ins``): the envoy's
    talks with the Houthis are not his meeting with Yemen's prime minister."""
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
        for side, other in ((a, b), (b, a)):
            rest = set(side) - common
            if rest and not rest & persons and (set(other) - common) & persons and not rest <= stand_ins:
                return False
        return len(ca) >= 2 and ca == cb
    return False


def _same_place(a: dict, b: dict) -> bool:
    """Two records' places can be one meeting's: one or both unknown, the same, or a country and a
    place in it (``place_country``: "يزور لافروف قطر" and "لقاء ثلاثي في الدوحة")."""
    pa, pb = a["place_id"], b["place_id"]
    return not pa or not pb or pa == pb or pa == b["place_country"] or pb == a["place_country"]


def _inner_place(a: dict, b: dict) -> dict:
    """The place of two records taken together (place_id, place_country): the first known, the place
    inside a country rather than the country."""
    first, second = (a, b) if a["place_id"] is not None else (b, a)
    if second["place_id"] is not None and second["place_country"] == first["place_id"]:
        first = second
    return {"place_id": first["place_id"], "place_country": first["place_country"]}


def _compatible(a: dict, b: dict, *, same_article: bool) -> tuple[bool, str]:
    """Whether two meeting records can be one meeting, and what that rests on."""
    if (a["status"] == DENIED) != (b["status"] == DENIED):
        return False, ""
    if a["explicit"] and b["explicit"] and a["status"] != b["status"] and (a["date"] is None or a["date"] != b["date"]):
        return False, ""
    # a call is not a meeting in person: "اتصاله الهاتفي مساء الخميس مع أردوغان" is not the talks he
    # "سيجري خلال (قمة) مجموعة السبع"
    if {a["presence"], b["presence"]} == {"remote", "in_person"}:
        return False, ""
    # a welcome on arrival is not the talks or the dinner of the same visit, nor the dinner the talks
    for occasion in ("arrival", "meal"):
        if a[occasion] is not None and b[occasion] is not None and a[occasion] != b[occasion]:
            return False, ""
    if a["weekday"] is not None and b["weekday"] is not None and a["weekday"] != b["weekday"]:
        return False, ""
    if not _same_place(a, b):
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
    an explicit status first; the earliest date and publication date; the first weekday, date
    text and presence (remote or in person); the most common place, a place inside the country
    rather than the country, the most common duration and mode), so that checking one more record against a
    meeting does not recompute it from all its records.
    """

    __slots__ = ("records", "summary", "_counts", "_explicit_status", "_any_status", "_place_country")

    def __init__(self, records: list[dict] = ()):
        self.records: list[dict] = []
        self.summary = {k: None for k in ("status", "date", "date_text", "month", "weekday", "place_id", "place_country", "duration_minutes", "mode", "presence", "published", "arrival", "meal")}
        self.summary.update(explicit=False, verb=False)
        self._counts: dict[str, dict] = {"place_id": {}, "duration_minutes": {}, "mode": {}}
        self._explicit_status = self._any_status = None
        self._place_country: dict[str, str | None] = {}
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
        for key in ("date_text", "month", "weekday", "arrival", "meal", "presence"):
            if s[key] is None:
                s[key] = r[key]
        for key, counts in self._counts.items():
            if r[key] is not None:
                counts[r[key]] = counts.get(r[key], 0) + 1
                # the most common value; on a tie, the smallest
                s[key] = min(counts, key=lambda v: (-counts[v], v))
        if r["place_id"] is not None:
            self._place_country[r["place_id"]] = r["place_country"]
            # a place inside the country rather than the country: Doha, not Qatar
            places = self._counts["place_id"]
            inner = [p for p in places if self._place_country[p] == s["place_id"]]
            if inner:
                s["place_id"] = min(inner, key=lambda v: (-places[v], v))
            s["place_country"] = self._place_country[s["place_id"]]

    def combined(self) -> dict:
        """``summary`` with the participants of all records, in the order the records name them, and
        the date most of them give (on a tie, the earliest), with its text and month: one report
        dated by the day the meeting was called off ("ألغى ... القمة الخميس") or announced does not
        date the summit that the others date."""
        participants: dict[str, None] = {}
        officials: set[str] = set()
        for r in sorted(self.records, key=lambda r: (r["row_order"], r["start"])):
            participants.update(dict.fromkeys(r["participants"]))
            officials.update(r.get("officials") or ())
        dated = [r for r in self.records if r["date"] is not None]
        when = {}
        if dated:
            counts = Counter(r["date"] for r in dated)
            date = min(counts, key=lambda d: (-counts[d], d))
            text = next((r["date_text"] for r in dated if r["date"] == date and r["date_text"] is not None), None)
            when = {"date": date, "date_text": text, "month": date.replace(day=1)}
        return {"participants": list(participants), "officials": sorted(officials & participants.keys()), **self.summary, **when}


def _combine(records: list[dict]) -> dict:
    """One record from the records of one meeting (see ``_Meeting``)."""
    return _Meeting(records).combined()


def _joined_summary(a: dict, b: dict) -> dict:
    """What ``_compatible`` reads of two records taken together (a cheap ``_combine``): the first
    known weekday, duration, arrival and meal, the place (``_inner_place``), the earliest date, the status by ``_combine``'s order."""
    if a["explicit"] != b["explicit"]:
        status = a["status"] if a["explicit"] else b["status"]
    else:
        status = min(a["status"], b["status"], key=STATUS_ORDER.get)
    dates = [d for d in (a["date"], b["date"]) if d is not None]
    published = [d for d in (a["published"], b["published"]) if d is not None]
    return {
        "status": status, "explicit": a["explicit"] or b["explicit"], "date": min(dates, default=None),
        "published": min(published, default=None),
        **{k: a[k] if a[k] is not None else b[k] for k in ("month", "weekday", "duration_minutes", "arrival", "meal", "presence")},
        **_inner_place(a, b),
    }


def _without_represented(participants: list[str], countries: dict[str, str | None], persons: set[str], stand_ins: frozenset[str]) -> list[str]:
    """``participants`` minus the states and delegations (``stand_ins``: see ``actor_facts``) that a
    person of the same country already represents (Moon, North Korea and Kim Jong Un: Moon and
    Kim; "الوفد الكوري الشمالي، الذي ترأسه كيم يونغ تشول": Kim Yong Chol)."""
    represented = {countries.get(p) for p in participants if p in persons} - {None}
    return [p for p in participants if not (p in stand_ins and countries.get(p) in represented)]
