"""Meetings across articles (``merge_meetings``) and the meeting tables of a corpus (``meeting_tables``).

Article meetings are one meeting when they share participants and nothing tells them apart: dates (or
publication dates), weekday, place and duration must agree. A merge that rests on no date at all is marked
``uncertain`` and its ``merge_basis`` says what it rests on; so is one of a meeting dated by its month alone
with the one meeting of the same parties dated that month (``_link_by_month``). A denied meeting is not a meeting: it never
reaches the ``meetings`` table, only ``meeting_mentions``. ``meeting_edges``: who met whom;
``actor_facts`` and ``in_corpus_order``: what the pipeline passes to ``article_meetings`` and ``meeting_tables``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from itertools import combinations

import polars as pl

from ..entities import DELEGATION_ROLE
from .patterns import DENIED, HELD, PLANNED
from .same_meeting import _by_officials, _combine, _compatible, _Groups, _same_parties, _without_represented

MERGE_WINDOW_DAYS = 10  # the widest gap _compatible accepts between two meetings' dates


def _signature(m: dict) -> tuple:
    """What ``_same_parties`` and ``_compatible`` read of a meeting: equal signatures, equal answers."""
    return (tuple(sorted(set(m["participants"]))), m["status"], m["explicit"], m["month"], m["weekday"], m["place_id"], m["duration_minutes"], m["date"], m["published"], m["arrival"], m["meal"], m["presence"])


def _undated_keys(m: dict) -> list[tuple]:
    """Undated, unpublished meetings can only merge when they share place, weekday or duration."""
    return [(k, m[k]) for k in ("place_id", "weekday", "duration_minutes") if m[k] is not None]


def _link_by_month(article_level: list[dict], groups: _Groups, link) -> None:
    """A meeting an article dates by its month alone ("قمة الشهر الماضي") is the meeting of the same
    parties (exactly) and status dated that month, when there is one only (a merge marked uncertain: "undated:
    same month"); with two or more that month, it stays apart rather than be guessed."""
    dated: dict[tuple, list[int]] = {}
    for i, m in enumerate(article_level):
        if m["date"] is not None and m["status"] in (HELD, PLANNED):
            for pair in combinations(sorted(set(m["participants"])), 2):
                dated.setdefault((pair, m["date"].replace(day=1), m["status"]), []).append(i)
    # (a record already merged with a dated one has its date)
    with_date = {groups.find(j) for js in dated.values() for j in js}
    # the parties of each group of records merged so far
    group_parties: dict[int, set[str]] = {}
    for i, m in enumerate(article_level):
        group_parties.setdefault(groups.find(i), set()).update(m["participants"])
    for i, m in enumerate(article_level):
        if m["date"] is not None or m["month"] is None or m["status"] not in (HELD, PLANNED) or groups.find(i) in with_date:
            continue
        # (the same parties exactly, what was merged with each too: a month is too little to add a
        # party to a meeting)
        parties = group_parties[groups.find(i)]
        candidates = {
            j for pair in combinations(sorted(set(m["participants"])), 2) for j in dated.get((pair, m["month"], m["status"]), ())
            if group_parties[groups.find(j)] == parties
        }
        roots = {groups.find(j) for j in candidates}
        if len(roots) == 1 and groups.find(i) not in roots:
            link(i, min(candidates), "undated: same month")


def merge_meetings(article_level: list[dict], countries: dict[str, str | None], persons: set[str], stand_ins: frozenset[str] = frozenset()) -> list[dict]:
    """Merge article meetings that are the same meeting (see module docstring).

    Every compatible pair is linked (union-find), but without comparing all pairs: identical
    records (same parties, status, dates, place...) are checked once, candidates share a pair of
    participants or a person, and only candidates at most ``MERGE_WINDOW_DAYS`` apart (by date,
    else publication date) are compared, so the cost grows with the corpus, not its square.
    """
    groups = _Groups(len(article_level))
    basis: dict[int, set[str]] = {}

    def link(i: int, j: int, why: str) -> None:
        groups.union(i, j)
        basis.setdefault(i, set()).add(why)
        basis.setdefault(j, set()).add(why)

    classes: dict[tuple, list[int]] = {}
    for i, m in enumerate(article_level):
        classes.setdefault(_signature(m), []).append(i)
    docs = {}
    for members in classes.values():
        first = article_level[members[0]]
        docs[members[0]] = {article_level[i]["doc_id"] for i in members}
        other = next((j for j in members if article_level[j]["doc_id"] != first["doc_id"]), None)
        if other is not None:
            ok, why = _compatible(first, article_level[other], same_article=False)
            if ok:
                for j in members[1:]:
                    link(members[0], j, why)

    by_key: dict[tuple, list[int]] = {}
    for i in docs:
        m = article_level[i]
        keys = [pair for pair in combinations(sorted(set(m["participants"])), 2)]
        keys += [(p, "") for p in sorted(set(m["participants"]) & persons)]
        when = m["date"] if m["date"] is not None else m["published"]
        if when is None:
            keys = [(key, extra) for key in keys for extra in _undated_keys(m)]
        for key in keys:
            by_key.setdefault(key, []).append(i)

    def when(i: int):
        m = article_level[i]
        return m["date"] if m["date"] is not None else m["published"]

    for candidates in by_key.values():
        # a list holds dated meetings only, or undated ones sharing a place, weekday or duration
        ordered = sorted(candidates, key=lambda i: (when(i), i)) if when(candidates[0]) is not None else candidates
        for p, i in enumerate(ordered):
            for j in ordered[p + 1:]:
                if when(i) is not None and (when(j) - when(i)).days > MERGE_WINDOW_DAYS:
                    break
                if groups.find(i) == groups.find(j) or docs[i] == docs[j] and len(docs[i]) == 1:
                    continue
                a, b = article_level[i], article_level[j]
                if not _same_parties(_by_officials(a), _by_officials(b), countries, persons, stand_ins):
                    continue
                ok, why = _compatible(a, b, same_article=False)
                if ok:
                    link(i, j, why)

    _link_by_month(article_level, groups, link)

    clusters: dict[int, list[int]] = {}
    for i in range(len(article_level)):
        clusters.setdefault(groups.find(i), []).append(i)
    meetings = []
    for root, indices in clusters.items():
        parts = [article_level[i] for i in indices]
        combined = _combine(parts)
        combined["participants"] = _without_represented(combined["participants"], countries, persons, stand_ins)
        members = sorted((m for p in parts for m in p["members"]), key=lambda m: (m["doc_id"], m["start"]))
        why = sorted({w for i in indices for w in basis.get(i, ())})
        combined.update(
            doc_ids=sorted({m["doc_id"] for m in members}),
            members=members,
            merge_basis="; ".join(why) if why else "one article",
            uncertain=any(w.startswith("undated") for w in why),
        )
        combined["_key"] = "|".join(f"{m['doc_id']}:{m['start']}" for m in members)
        meetings.append(combined)
    # separate meetings of one mention (``_separate_meetings``) have the same members: their
    # participants tell them apart
    shared = Counter(m["_key"] for m in meetings)
    for m in meetings:
        key = m.pop("_key")
        if shared[key] > 1:
            key += "|" + ",".join(sorted(m["participants"]))
        m["meeting_id"] = "m-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return meetings


def meeting_edges(meetings: pl.DataFrame, actors: pl.DataFrame) -> pl.DataFrame:
    """Who met whom: one row per pair of participants of held or planned meetings.

    Columns: actor_a, actor_b (sorted), n_meetings, n_held, n_planned, first_date, last_date, meeting_ids.
    """
    schema = {"actor_a": pl.String, "actor_b": pl.String, "n_meetings": pl.Int64, "n_held": pl.Int64, "n_planned": pl.Int64, "first_date": pl.Date, "last_date": pl.Date, "meeting_ids": pl.List(pl.String)}
    rows = []
    for meeting_id, status, date, participants in meetings.filter(pl.col("status").is_in([HELD, PLANNED])).select("meeting_id", "status", "date", "participants").iter_rows():
        for a, b in combinations(sorted(set(participants)), 2):
            rows.append((a, b, meeting_id, status, date))
    if not rows:
        return pl.DataFrame(schema=schema)
    frame = pl.DataFrame(rows, schema={"actor_a": pl.String, "actor_b": pl.String, "meeting_id": pl.String, "status": pl.String, "date": pl.Date}, orient="row")
    return frame.group_by("actor_a", "actor_b").agg(
        pl.len().cast(pl.Int64).alias("n_meetings"),
        (pl.col("status") == HELD).sum().cast(pl.Int64).alias("n_held"),
        (pl.col("status") == PLANNED).sum().cast(pl.Int64).alias("n_planned"),
        pl.col("date").min().alias("first_date"),
        pl.col("date").max().alias("last_date"),
        pl.col("meeting_id").sort().alias("meeting_ids"),
    ).select(list(schema)).sort("actor_a", "actor_b")


def _co_travel(meeting: dict, countries: dict[str, str | None]) -> bool:
    """Parties of one country that no meeting verb brings together ("بلينكن وسوليفان ... المحادثات")
    travel together; their counterpart is unnamed, so there is no meeting between them."""
    known = [countries.get(p) for p in meeting["participants"]]
    return not meeting["verb"] and all(known) and len(set(known)) == 1


def actor_facts(actors: pl.DataFrame) -> tuple[dict[str, str | None], set[str], frozenset[str]]:
    """(country by actor_id, the actor_ids of persons, the stand-ins: the actor_ids of states and delegations):
    what grouping meetings reads of ``actors`` (a table with actor_id, kind, name_en and country).
    A state or a delegation of a country ("North Korean Delegation") stands for its country's people."""
    countries = dict(actors.select("actor_id", "country").iter_rows())
    persons = set(actors.filter(pl.col("kind") == "person")["actor_id"].to_list())
    delegation = (pl.col("kind") == "organization") & pl.col("country").is_not_null() & (
        (pl.col("role") == DELEGATION_ROLE).fill_null(False) | pl.col("name_en").fill_null("").str.contains(r"\bDelegation(?: \(|$)")
    )
    return countries, persons, frozenset(actors.filter((pl.col("kind") == "state") | delegation)["actor_id"].to_list())


def in_corpus_order(article_level: list[dict]) -> list[dict]:
    """Article meetings of several batches as one list, ordered by (doc_id, start), ``row_order`` renumbered."""
    ordered = sorted(article_level, key=lambda m: (m["doc_id"], m["start"]))
    for i, m in enumerate(ordered):
        m["row_order"] = i
    return ordered


def meeting_tables(
    article_level: list[dict], mentions: pl.DataFrame, documents: pl.DataFrame, sentences: pl.DataFrame, actors: pl.DataFrame, places: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(meetings, meeting_mentions, meeting_edges) of a corpus.

    ``article_level``: the meetings of each article (``article_meetings``, in ``in_corpus_order``);
    ``mentions``: the meeting mentions (with doc_id); ``actors``: actor_id, kind, country, role of
    every actor of the corpus; ``places``: place_id, country.
    """
    countries, persons, stand_ins = actor_facts(actors)
    merged = merge_meetings(article_level, countries, persons, stand_ins)
    place_country = dict(places.select("place_id", "country").iter_rows())
    members = pl.DataFrame(
        [(m["meeting_id"], x["doc_id"], x["start"]) for m in merged for x in m["members"]],
        schema={"meeting_id": pl.String, "doc_id": pl.String, "start": pl.Int64}, orient="row",
    ).unique()  # (one mention of separate meetings that other reports join again: "اجتماعات مع ... و...")
    kept = [m["meeting_id"] for m in merged if m["status"] != DENIED and not _co_travel(m, countries)]
    members = members.filter(pl.col("meeting_id").is_in(pl.Series(kept, dtype=pl.String).implode()))
    mention_table = mentions.join(members, on=["doc_id", "start"], how="left")
    sentence_text = sentences.join(documents.select("doc_id", "text"), on="doc_id").select(
        "doc_id", "sentence", pl.col("text").str.slice(pl.col("start"), pl.col("end") - pl.col("start")).alias("_sentence")
    )
    evidence = (
        mention_table.filter(pl.col("meeting_id").is_not_null())
        .join(sentence_text, on=["doc_id", "sentence"], how="left")
        .sort("meeting_id", "doc_id", "start")
        .group_by("meeting_id", maintain_order=True)
        .agg(pl.col("_sentence").unique(maintain_order=True).head(5).alias("evidence"), pl.len().alias("n_mentions"))
    )
    rows = []
    for m in merged:
        if m["status"] == DENIED or _co_travel(m, countries):
            continue
        host = None
        country = place_country.get(m["place_id"]) if m["place_id"] else None
        if country:
            local = [p for p in m["participants"] if countries.get(p) == country]
            foreign = [p for p in m["participants"] if countries.get(p) and countries.get(p) != country]
            if local and foreign:
                host = next((p for p in local if p in persons), local[0])
        rows.append({
            "meeting_id": m["meeting_id"], "status": m["status"], "date": m["date"], "date_text": m["date_text"], "month": m["month"],
            "place_id": m["place_id"], "participants": m["participants"], "doc_ids": m["doc_ids"], "n_docs": len(m["doc_ids"]),
            "host": host, "mode": m["mode"], "duration_minutes": m["duration_minutes"], "uncertain": m["uncertain"], "merge_basis": m["merge_basis"],
        })
    schema = {
        "meeting_id": pl.String, "status": pl.String, "date": pl.Date, "date_text": pl.String, "month": pl.Date, "place_id": pl.String,
        "participants": pl.List(pl.String), "doc_ids": pl.List(pl.String), "n_docs": pl.Int64, "host": pl.String, "mode": pl.String,
        "duration_minutes": pl.Float64, "uncertain": pl.Boolean, "merge_basis": pl.String,
    }
    meetings = pl.DataFrame(rows, schema=schema).join(evidence, on="meeting_id", how="left").with_columns(pl.col("n_mentions").cast(pl.Int64))
    return meetings, mention_table, meeting_edges(meetings, actors)
