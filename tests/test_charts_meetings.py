"""Meeting charts: network, matrix, timeline and the list of meetings, checked against the tables."""

from __future__ import annotations

import itertools
import json
import math

import polars as pl
import pytest

import analysis
from analysis.charts import meetings as M
from analysis.charts import save_figure
from analysis.charts.theme import SIDES

RLI, PDI = "\u2067", "\u2069"

# (text, published, outlet): a held meeting (dated by the text), a planned one (dated relative to
# the publication date), a denied one and an undated held one
ARTICLES = [
    ("التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في أنقرة يوم 3 مارس 2025، وقال الإليزيه إن المحادثات كانت بناءة.", "2025-03-04", "A"),
    ("من المقرر أن يلتقي وزير الخارجية الروسي سيرغي لافروف الأمين العام للأمم المتحدة أنطونيو غوتيريش في جنيف الأسبوع المقبل.", "2025-03-10", "B"),
    ("لا توجد خطط لعقد اجتماع بين الرئيس الصيني شي جين بينغ والمستشار الألماني أولاف شولتس.", "2025-03-12", "A"),
    ("التقى الرئيس الصيني شي جين بينغ الرئيس الفرنسي إيمانويل ماكرون في بكين.", None, "B"),
]
# no meeting at all: a denied one and a statement
NO_MEETING = [
    ("لا توجد خطط لعقد اجتماع بين الرئيس الفرنسي إيمانويل ماكرون والرئيس التركي رجب طيب أردوغان.", "2025-03-03", "A"),
    ("قال وزير الخارجية الروسي سيرغي لافروف إن الحرب في أوكرانيا لن تنتهي قريباً.", None, "B"),
]


def _build(tmp_path_factory, articles, name):
    path = tmp_path_factory.mktemp(name) / "corpus.jsonl"
    rows = []
    for i, (text, published, outlet) in enumerate(articles):
        row = {"id": f"{name}{i}", "text": text, "outlet": outlet}
        if published:
            row["published"] = published
        rows.append(row)
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return analysis.build(path, workers=1)


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return _build(tmp_path_factory, ARTICLES, "m")


@pytest.fixture(scope="module")
def empty_tables(tmp_path_factory):
    return _build(tmp_path_factory, NO_MEETING, "e")


@pytest.fixture(scope="module")
def ids(tables):
    """The actor_ids of the small corpus, looked up by the Arabic name as written in the articles."""
    found = dict(tables.mentions.filter(pl.col("entity_kind") == "person").select("surface", "entity_id").unique().iter_rows())
    names = {
        "macron": "إيمانويل ماكرون", "erdogan": "رجب طيب أردوغان", "lavrov": "سيرغي لافروف",
        "guterres": "أنطونيو غوتيريش", "xi": "شي جين بينغ", "scholz": "أولاف شولتس",
    }
    missing = [n for n in names.values() if n not in found]
    assert not missing, f"names not recognized: {missing}"
    return {key: found[name] for key, name in names.items()}


def _pair(a: str, b: str) -> tuple[str, str]:
    return tuple(sorted((a, b)))


def _nodes(data: pl.DataFrame) -> pl.DataFrame:
    return data.filter(pl.col("kind") == "node")


def _edges(data: pl.DataFrame) -> pl.DataFrame:
    return data.filter(pl.col("kind") == "edge")


def _edge_pairs(frame: pl.DataFrame) -> set[tuple[str, str]]:
    return {_pair(a, b) for a, b in frame.select("actor_a", "actor_b").iter_rows()}


def _actor_meeting_ids(tables) -> dict[str, set[str]]:
    """actor_id -> the meeting_ids of its rows in meeting_edges (computed here, not by the module)."""
    out: dict[str, set[str]] = {}
    for a, b, meeting_ids in tables.meeting_edges.select("actor_a", "actor_b", "meeting_ids").iter_rows():
        out.setdefault(a, set()).update(meeting_ids)
        out.setdefault(b, set()).update(meeting_ids)
    return out


def _counterparts(tables, actor: str) -> set[str]:
    edges = tables.meeting_edges
    return set(edges.filter(pl.col("actor_a") == actor)["actor_b"].to_list()) | set(edges.filter(pl.col("actor_b") == actor)["actor_a"].to_list())


def _spec_text(figure) -> str:
    return json.dumps(figure.spec(), ensure_ascii=False, sort_keys=True)


def _layers(spec: dict):
    yield spec
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []):
            yield from _layers(sub)


# ------------------------------------------------------------------ the small corpus itself


def test_the_small_corpus_has_held_planned_and_denied_meetings(tables, ids):
    """What the chart tests below rely on: the sentences were read as intended."""
    statuses = {tuple(sorted(p)): s for p, s in tables.meeting_mentions.filter(pl.col("participants").list.len() == 2).select("participants", "status").iter_rows()}
    assert statuses[_pair(ids["macron"], ids["erdogan"])] == "held"
    assert statuses[_pair(ids["lavrov"], ids["guterres"])] == "planned"
    assert statuses[_pair(ids["xi"], ids["scholz"])] == "denied"
    assert statuses[_pair(ids["xi"], ids["macron"])] == "held"
    assert tables.meetings.height == 3


# ------------------------------------------------------------------ network


@pytest.mark.parametrize("corpus", ["small", "seeds"])
def test_network_nodes_and_edges_are_those_of_meeting_edges(tables, seed_tables, corpus):
    selection = tables if corpus == "small" else seed_tables
    data = M.network_data(selection, top_n=None)
    nodes, edges = _nodes(data), _edges(data)
    table = selection.meeting_edges
    assert table.height > 0
    assert set(nodes["actor_id"]) == set(table["actor_a"]) | set(table["actor_b"])
    assert nodes["actor_id"].n_unique() == nodes.height
    # one edge per meeting_edges pair, with its counts
    assert edges.height == table.height
    assert _edge_pairs(edges) == _edge_pairs(table)
    joined = edges.with_columns(pl.min_horizontal("actor_a", "actor_b").alias("a"), pl.max_horizontal("actor_a", "actor_b").alias("b")).join(
        table.rename({"n_meetings": "e_meetings", "n_held": "e_held", "n_planned": "e_planned"}),
        left_on=["a", "b"], right_on=["actor_a", "actor_b"], how="inner",
    )
    assert joined.height == table.height
    assert (joined["n_meetings"] == joined["e_meetings"]).all()
    assert (joined["n_held"] == joined["e_held"]).all() and (joined["n_planned"] == joined["e_planned"]).all()
    for status, held in joined.select("edge_status", "e_held").iter_rows():
        assert status == ("held" if held > 0 else "planned")


def test_network_node_counts_are_the_actors_meetings(tables, seed_tables):
    for selection in (tables, seed_tables):
        expected = _actor_meeting_ids(selection)
        status = dict(selection.meetings.select("meeting_id", "status").iter_rows())
        nodes = _nodes(M.network_data(selection, top_n=None))
        assert nodes.height == len(expected)
        for actor, n, held, planned in nodes.select("actor_id", "n_meetings", "n_held", "n_planned").iter_rows():
            assert n == len(expected[actor])
            assert held == sum(status[m] == "held" for m in expected[actor])
            assert planned == sum(status[m] == "planned" for m in expected[actor])


def test_network_edges_start_and_end_at_their_nodes(seed_tables):
    data = M.network_data(seed_tables, top_n=None)
    xy = {a: (x, y) for a, x, y in _nodes(data).select("actor_id", "x", "y").iter_rows()}
    for a, b, x, y, x2, y2 in _edges(data).select("actor_a", "actor_b", "x", "y", "x2", "y2").iter_rows():
        assert (x, y) == xy[a] and (x2, y2) == xy[b]


def test_held_planned_and_denied_meetings_in_the_network(tables, ids):
    data = M.network_data(tables, top_n=None)
    edges = {_pair(a, b): s for a, b, s in _edges(data).select("actor_a", "actor_b", "edge_status").iter_rows()}
    assert edges[_pair(ids["macron"], ids["erdogan"])] == "held"
    assert edges[_pair(ids["xi"], ids["macron"])] == "held"
    assert edges[_pair(ids["lavrov"], ids["guterres"])] == "planned"
    # the denied meeting: no edge, and the actor who only had it is no node
    assert _pair(ids["xi"], ids["scholz"]) not in edges
    assert ids["scholz"] not in set(_nodes(data)["actor_id"])
    assert ids["xi"] in set(_nodes(data)["actor_id"])  # through the held meeting in Beijing


def test_planned_only_edges_are_drawn_dashed(tables, ids):
    figure = M.network(tables, top_n=None)
    spec = figure.spec()
    dashed = [layer["encoding"]["strokeDash"] for layer in _layers(spec) if "strokeDash" in layer.get("encoding", {})]
    assert len(dashed) == 1
    scale = dashed[0]["scale"]
    dash_of = dict(zip(scale["domain"], [tuple(d) for d in scale["range"]]))
    values = spec["data"]["values"] if "data" in spec else next(layer["data"]["values"] for layer in _layers(spec) if "data" in layer)
    labels = {_pair(v["actor_a"], v["actor_b"]): v["edge_label"] for v in values if v["kind"] == "edge"}
    planned = dash_of[labels[_pair(ids["lavrov"], ids["guterres"])]]
    held = dash_of[labels[_pair(ids["macron"], ids["erdogan"])]]
    assert held != planned
    assert len(planned) == 2 and planned[1] > 0  # a gap: dashed
    assert held[1] == 0  # no gap: solid


def test_network_layout_is_deterministic_and_seeded(seed_tables):
    edges = seed_tables.meeting_edges
    first = M.network_layout(edges, seed=7)
    assert first.equals(M.network_layout(edges, seed=7))
    assert set(first["actor_id"]) == set(edges["actor_a"]) | set(edges["actor_b"])
    assert all(math.isfinite(v) for v in first["x"].to_list() + first["y"].to_list())
    others = [M.network_layout(edges, seed=s) for s in (1, 2, 3)]
    assert any(not other.equals(first) for other in others)
    # the whole data of the chart too
    assert M.network_data(seed_tables).equals(M.network_data(seed_tables))


def test_network_layout_reads_edges_without_counts_and_no_edges():
    edges = pl.DataFrame({"actor_a": ["a", "a", "c"], "actor_b": ["b", "c", "d"]})
    layout = M.network_layout(edges)
    assert sorted(layout["actor_id"]) == ["a", "b", "c", "d"]
    assert layout["component"].n_unique() == 1
    assert M.network_layout(edges.clear()).height == 0


@pytest.mark.parametrize("seed", [0, 3, 7, 11])
def test_network_nodes_do_not_overlap(seed_tables, seed):
    nodes = _nodes(M.network_data(seed_tables, top_n=None, seed=seed))
    assert nodes.height >= 3
    values = nodes.select("x", "y", "radius", "label_x", "label_y").to_numpy().ravel().tolist()
    assert all(math.isfinite(v) for v in values)
    for a, b in itertools.combinations(nodes.select("actor_id", "x", "y", "radius").iter_rows(), 2):
        distance = math.hypot(a[1] - b[1], a[2] - b[2])
        assert distance >= a[3] + b[3], (a[0], b[0])
        # network_layout pushes circles apart until 32 px (its default gap) separate them
        assert distance >= a[3] + b[3] + 32 - 1, (a[0], b[0])


@pytest.mark.parametrize("top_n", [2, 3, 5])
def test_network_top_n_keeps_the_actors_with_most_meetings(seed_tables, top_n):
    ranked = M.actor_meetings(seed_tables)
    data = M.network_data(seed_tables, top_n=top_n)
    kept = set(_nodes(data)["actor_id"])
    assert 0 < len(kept) <= top_n
    assert kept <= set(ranked.filter(pl.col("rank") <= top_n)["actor_id"])
    for a, b in _edge_pairs(_edges(data)):
        assert a in kept and b in kept
    # every pair of kept actors that met is drawn
    assert _edge_pairs(_edges(data)) == {p for p in _edge_pairs(seed_tables.meeting_edges) if p[0] in kept and p[1] in kept}
    assert _nodes(M.network_data(seed_tables, top_n=None)).height > top_n


def test_network_focus_keeps_the_actor_and_its_counterparts(seed_tables):
    # the actor with fewest counterparts, so that the focus leaves others out
    edges = seed_tables.meeting_edges
    degree = pl.concat([edges.select(pl.col("actor_a").alias("actor")), edges.select(pl.col("actor_b").alias("actor"))]).group_by("actor").len().sort("len", "actor")
    focus = degree["actor"][0]
    counterparts = _counterparts(seed_tables, focus)
    data = M.network_data(seed_tables, focus=[focus], top_n=None)
    nodes = _nodes(data)
    assert set(nodes["actor_id"]) == {focus} | counterparts
    assert set(nodes.filter("is_focus")["actor_id"]) == {focus}
    drawn = _edge_pairs(_edges(data))
    # every meeting of the focus actor is drawn; the other lines join its counterparts (meeting_edges rows between kept actors)
    assert {p for p in _edge_pairs(edges) if focus in p} <= drawn
    assert all(a in counterparts | {focus} and b in counterparts | {focus} for a, b in drawn)
    assert len(drawn) < edges.height
    # a focus given as a string is the same
    assert M.network_data(seed_tables, focus=focus, top_n=None).equals(data)


def test_unknown_focus_is_refused(tables):
    for function in (M.network_data, M.matrix_data, M.timeline_data, M.meeting_list, M.network):
        with pytest.raises(ValueError, match="focus"):
            function(tables, focus=["no-such-actor"])


def test_network_labels_follow_the_language(tables):
    names = dict(tables.actors.select("actor_id", "name_ar").iter_rows())
    english = dict(tables.actors.select("actor_id", "name_en").iter_rows())
    arabic = _nodes(M.network_data(tables, language="ar", top_n=None))
    assert arabic.height > 0
    for actor, label in arabic.select("actor_id", "label").iter_rows():
        assert label == f"{RLI}{names[actor]}{PDI}"
    for actor, label in _nodes(M.network_data(tables, top_n=None)).select("actor_id", "label").iter_rows():
        assert label == english[actor]
    text = _spec_text(M.network(tables, language="ar"))
    assert "من التقى بمن" in text and "Who met whom" not in text


# ------------------------------------------------------------------ matrix


def test_matrix_is_symmetric_with_the_counts_of_meeting_edges(tables, seed_tables):
    for selection in (tables, seed_tables):
        data = M.matrix_data(selection, top_n=None)
        table = selection.meeting_edges
        assert data.height == 2 * table.height
        assert (data["actor_a"] != data["actor_b"]).all()  # no diagonal
        counts = {(a, b): n for a, b, n in data.select("actor_a", "actor_b", "n_meetings").iter_rows()}
        for a, b, n in table.select("actor_a", "actor_b", "n_meetings").iter_rows():
            assert counts[(a, b)] == n and counts[(b, a)] == n


def test_matrix_orders_actors_by_side_then_meetings(seed_tables):
    data = M.matrix_data(seed_tables, top_n=None)
    order = data.select("actor_a", "side_a", "order_a").unique().sort("order_a")
    assert order["order_a"].to_list() == list(range(order.height))
    meetings = {a: len(m) for a, m in _actor_meeting_ids(seed_tables).items()}
    sides = list(SIDES)
    keys = [(sides.index(side) if side in sides else len(sides), -meetings[actor]) for actor, side, _ in order.iter_rows()]
    assert keys == sorted(keys)
    # order_b is the same order
    assert dict(data.select("actor_b", "order_b").unique().iter_rows()) == dict(order.select("actor_a", "order_a").iter_rows())


def test_matrix_top_n_and_focus(seed_tables):
    data = M.matrix_data(seed_tables, top_n=3)
    assert data["actor_a"].n_unique() <= 3
    focus = seed_tables.meeting_edges["actor_a"][0]
    focused = M.matrix_data(seed_tables, focus=focus, top_n=None)
    assert set(focused["actor_a"]) == {focus} | _counterparts(seed_tables, focus)


# ------------------------------------------------------------------ timeline


def test_timeline_has_one_row_per_meeting(tables, seed_tables):
    for selection in (tables, seed_tables):
        data = M.timeline_data(selection)
        assert data.height == selection.meetings.height
        assert sorted(data["meeting_id"]) == sorted(selection.meetings["meeting_id"])
        dates = dict(selection.meetings.select("meeting_id", "date").iter_rows())
        statuses = dict(selection.meetings.select("meeting_id", "status").iter_rows())
        for meeting, date, status, undated_x, y in data.select("meeting_id", "date", "status", "undated_x", "y").iter_rows():
            assert date == dates[meeting] and status == statuses[meeting]
            assert (undated_x is None) == (date is not None)  # undated meetings in their own panel
            assert y is not None and math.isfinite(y)


def test_timeline_rows_put_dated_places_first_in_date_order(tables):
    data = M.timeline_data(tables)
    assert data.filter(pl.col("date").is_null()).height >= 1 and data.filter(pl.col("date").is_not_null()).height >= 2
    per_row = data.group_by("row").agg(pl.col("date").min().alias("first"), pl.col("place_id").first()).sort("row")
    firsts = per_row["first"].to_list()
    dated = [d for d in firsts if d is not None]
    assert firsts[: len(dated)] == sorted(dated)  # dated places first, by their first meeting
    assert all(d is None for d in firsts[len(dated):])
    # one row per place
    assert data.group_by("row").agg(pl.col("place_id").n_unique())["place_id"].max() == 1


def test_timeline_focus_keeps_the_meetings_of_the_actor(tables, ids):
    data = M.timeline_data(tables, focus=ids["macron"])
    expected = tables.meetings.filter(pl.col("participants").list.contains(ids["macron"]))["meeting_id"]
    assert sorted(data["meeting_id"]) == sorted(expected) and data.height < tables.meetings.height


# ------------------------------------------------------------------ labels, per-actor counts, the list


def test_meeting_labels_name_participants_place_and_date(tables, ids):
    names = dict(tables.actors.select("actor_id", "name_en").iter_rows())
    places = dict(tables.places.select("place_id", "name_en").iter_rows())
    labels = dict(M.meeting_labels(tables).iter_rows())
    assert set(labels) == set(tables.meetings["meeting_id"])
    short = dict(M.meeting_labels(tables, max_names=1).iter_rows())
    for meeting, participants, place, date in tables.meetings.select("meeting_id", "participants", "place_id", "date").iter_rows():
        label = labels[meeting]
        for actor in participants:
            assert names[actor] in label
        assert label.startswith(names[participants[0]])
        if place:
            assert places[place] in label
        if date:
            assert f"{date.day} " in label and str(date.year) in label
        assert short[meeting].startswith(f"{names[participants[0]]} +{len(participants) - 1}")
        assert names[participants[1]] not in short[meeting]


def test_actor_meetings_counts_meetings_and_counterparts(seed_tables):
    table = M.actor_meetings(seed_tables)
    expected = _actor_meeting_ids(seed_tables)
    assert set(table["actor_id"]) == set(expected)
    for actor, n, counterparts in table.select("actor_id", "n_meetings", "n_counterparts").iter_rows():
        assert n == len(expected[actor])
        assert counterparts == len(_counterparts(seed_tables, actor))
    assert table["rank"].to_list() == list(range(1, table.height + 1))
    assert table["n_meetings"].to_list() == sorted(table["n_meetings"].to_list(), reverse=True)


def test_meeting_list_has_one_row_per_meeting_dated_first(tables, seed_tables):
    for selection in (tables, seed_tables):
        listed = M.meeting_list(selection)
        assert listed.height == selection.meetings.height
        ids_by_label = {label: m for m, label in M.meeting_labels(selection, max_names=6).iter_rows()}
        dates = dict(selection.meetings.select("meeting_id", "date").iter_rows())
        order = [dates[ids_by_label[label]] for label in listed["Meeting"]]
        dated = [d for d in order if d is not None]
        assert order[: len(dated)] == sorted(dated)
        assert all(d is None for d in order[len(dated):])
    # an undated meeting whose text names a day shows those words
    text = dict(seed_tables.meetings.filter(pl.col("date").is_null() & pl.col("date_text").is_not_null()).select("meeting_id", "date_text").iter_rows())
    assert text
    listed = M.meeting_list(seed_tables)
    ids_by_label = {label: m for m, label in M.meeting_labels(seed_tables, max_names=6).iter_rows()}
    for label, date in listed.select("Meeting", "Date").iter_rows():
        if ids_by_label[label] in text:
            assert text[ids_by_label[label]] in date


def test_meeting_list_cuts_long_evidence(tables):
    first = {m: e[0] for m, e in tables.meetings.select("meeting_id", "evidence").iter_rows()}
    ids_by_label = {label: m for m, label in M.meeting_labels(tables, max_names=6).iter_rows()}
    limit = 40
    assert all(len(e) > limit for e in first.values())
    cut = M.meeting_list(tables, evidence_chars=limit)
    for label, evidence in cut.select("Meeting", "Evidence").iter_rows():
        assert evidence == first[ids_by_label[label]][:limit] + "…"
    whole = M.meeting_list(tables, evidence_chars=10_000)
    for label, evidence in whole.select("Meeting", "Evidence").iter_rows():
        assert evidence == first[ids_by_label[label]]


def test_meeting_list_in_arabic(tables, ids):
    english = M.meeting_list(tables)
    arabic = M.meeting_list(tables, language="ar", focus=ids["macron"])
    assert "الاجتماع" in arabic.columns and "الشاهد" in arabic.columns
    assert not set(arabic.columns) & set(english.columns)
    assert arabic.height == tables.meetings.filter(pl.col("participants").list.contains(ids["macron"])).height
    assert all(RLI in label for label in arabic["الاجتماع"])


# ------------------------------------------------------------------ figures


CHARTS = [(M.network, M.network_data, "meetings-network"), (M.matrix, M.matrix_data, "meetings-matrix"), (M.timeline, M.timeline_data, "meetings-timeline")]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_figures_are_valid_specs_with_their_data(tables, seed_tables, language):
    for selection in (tables, seed_tables):
        for chart, data, name in CHARTS:
            figure = chart(selection, language=language)
            assert figure.name == name and figure.language == language and figure.title and figure.note
            assert figure.data.height > 0
            if selection is tables:
                assert figure.data.equals(data(selection, language=language))
            assert json.loads(_spec_text(figure))


def test_figures_are_deterministic(seed_tables):
    assert _spec_text(M.network(seed_tables)) == _spec_text(M.network(seed_tables))


def test_a_corpus_without_meetings_gives_empty_figures(empty_tables):
    assert empty_tables.meetings.height == 0 and empty_tables.meeting_edges.height == 0
    assert empty_tables.meeting_mentions.filter(pl.col("status") == "denied").height == 1
    for language in ("en", "ar"):
        for chart in (M.network, M.matrix, M.timeline):
            figure = chart(empty_tables, language=language)
            assert figure.data.height == 0
            assert json.loads(_spec_text(figure))
        assert M.meeting_list(empty_tables, language=language).height == 0
    assert "No meetings in this selection" in _spec_text(M.network(empty_tables))
    assert M.actor_meetings(empty_tables).height == 0
    assert M.meeting_labels(empty_tables).height == 0


def test_figures_render_to_files(seed_tables, tmp_path):
    written = save_figure(M.timeline(seed_tables), tmp_path, ["svg"])
    svg = written["svg"].read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and svg.rstrip().endswith("</svg>") and "<path" in svg
    png = save_figure(M.matrix(seed_tables, language="ar"), tmp_path, ["png"])["png"].read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
