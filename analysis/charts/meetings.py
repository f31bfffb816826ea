"""Who met whom: a network, a matrix and a timeline of the meetings the corpus reports.

Every chart is a function of the tables (``analysis.build`` / ``analysis.load_tables``) with its
data preparation in a public function that returns a tidy Polars DataFrame:

* ``network(tables)`` ("meetings-network"), data from ``network_data``: actors of held and planned
  meetings (``meeting_edges``) as circles coloured by side and sized by their number of meetings,
  lines between those who met (width: meetings of the pair; solid when at least one was held,
  dashed when they only planned to meet); the layout is ``network_layout`` (seeded spring layout
  of each connected group, groups packed side by side);
* ``matrix(tables)`` ("meetings-matrix"), data from ``matrix_data``: actor by actor, the number of
  meetings of each pair, actors ordered by side and then by their number of meetings;
* ``timeline(tables)`` ("meetings-timeline"), data from ``timeline_data``: every meeting by date
  and place, coloured by status, sized by the number of articles that reported it; undated
  meetings are drawn in their own panel, never dropped;
* ``meeting_labels(tables, language)``: a short readable label per meeting
  ("<first participants>, <place>, <date>") for tooltips and other modules;
* ``actor_meetings(tables)``: per actor, meetings held and planned, counterparts and reports.

Labels come from the tables (``entity_labels``), in English or Arabic; nothing here names a person.
"""

from __future__ import annotations

import functools
import json
import math

import altair as alt
import polars as pl

from .export import Figure
from .fonts import font_path
from .theme import (
    MUTED_COLOR, OTHER_SIDE, SIDES, STATUS_COLORS, TEXT_COLOR, actor_sides, bidi, check_language, entity_labels,
    side_label, side_scale, translate,
)

__all__ = [
    "TEXT", "meeting_labels", "actor_meetings", "network_layout", "network_data", "network", "matrix_data", "matrix",
    "timeline_data", "timeline", "meeting_list",
]

TEXT = {
    "en": {
        "network_title": "Who met whom",
        "matrix_title": "Who met whom: meetings per pair",
        "timeline_title": "Meetings by date and place",
        "empty": "No meetings in this selection",
        "n_zero": "n = 0 meetings",
        "actor": "Actor",
        "side": "Side",
        "meetings": "Meetings",
        "held": "Held",
        "planned": "Planned",
        "pair": "Pair",
        "first_date": "First date",
        "last_date": "Last date",
        "edge": "Line",
        "edge_held": "met (at least once)",
        "edge_planned": "planned only",
        "size": "Meetings of the actor",
        "network_n": "n = {actors} actors, {meetings} meetings ({held} held, {planned} planned), reported by {docs} articles",
        "network_cut": "{left} of {total} actors not shown: those with fewest meetings (limit {top_n})",
        "network_focus": "Meetings of {names} and their counterparts",
        "network_key": "Circle size: meetings of the actor; line width: meetings of the pair; dashed: planned, never held",
        "network_note": (
            "The network shows {actors} actors of {meetings} held or planned meetings reported by {docs} articles; "
            "a solid line joins two actors who met at least once, a dashed line two who only planned to meet."
        ),
        "network_note_cut": " {left} actors with fewer meetings are left out.",
        "matrix_n": "n = {actors} actors, {pairs} pairs, {meetings} meetings ({held} held, {planned} planned)",
        "matrix_cut": "{left} of {total} actors not shown: those with fewest meetings (limit {top_n})",
        "matrix_key": "Each cell: meetings (held or planned) of the two actors; actors ordered by side, then by meetings",
        "matrix_note": "The matrix counts the held or planned meetings of each pair among {actors} actors.",
        "count": "Meetings of the pair",
        "timeline_n": "n = {meetings} meetings ({statuses}), reported by {docs} articles",
        "timeline_undated": "{undated} of them undated (right-hand panel)",
        "timeline_undated_ar_side": "{undated} of them undated (left-hand panel)",
        "timeline_all_dated": "all dated",
        "timeline_note": (
            "The timeline places {meetings} meetings by date and place; {undated} have no date and are shown apart. "
            "A hollow mark is a merge of reports that rests on no date (uncertain)."
        ),
        "date": "Date",
        "place": "Place",
        "no_place": "place not stated",
        "undated": "Undated",
        "status": "Status",
        "n_docs": "Articles that reported it",
        "participants": "Participants",
        "merge_basis": "Merged on",
        "merge": "Merge of reports",
        "certain": "firm",
        "uncertain": "uncertain (no date)",
        "meeting": "Meeting",
        "no_date": "no date",
        "and_more": "+{n}",
        "held_status": "held",
        "planned_status": "planned",
        "postponed_status": "postponed",
        "cancelled_status": "cancelled",
        "focus_prefix": "Focus: {names}",
    },
    "ar": {
        "network_title": "من التقى بمن",
        "matrix_title": "من التقى بمن: عدد الاجتماعات لكل طرفين",
        "timeline_title": "الاجتماعات حسب التاريخ والمكان",
        "empty": "لا توجد اجتماعات في هذا الاختيار",
        "n_zero": "الاجتماعات: 0",
        "actor": "الفاعل",
        "side": "الطرف",
        "meetings": "الاجتماعات",
        "held": "عُقدت",
        "planned": "مقررة",
        "pair": "الطرفان",
        "first_date": "أول تاريخ",
        "last_date": "آخر تاريخ",
        "edge": "الخط",
        "edge_held": "التقيا (مرة على الأقل)",
        "edge_planned": "لقاء مقرر فقط",
        "size": "اجتماعات الفاعل",
        "network_n": "الفاعلون: {actors}، الاجتماعات: {meetings} (عُقد {held}، مقرر {planned})، المقالات التي أوردتها: {docs}",
        "network_cut": "لا يظهر {left} من {total} فاعلاً: الأقل اجتماعات (الحد {top_n})",
        "network_focus": "اجتماعات {names} ومن التقوا بهم",
        "network_key": "حجم الدائرة: اجتماعات الفاعل؛ عرض الخط: اجتماعات الطرفين؛ الخط المتقطع: لقاء مقرر لم يُعقد",
        "network_note": (
            "تعرض الشبكة {actors} فاعلاً في {meetings} اجتماعاً عُقد أو تقرر، أوردتها {docs} مقالة؛ "
            "الخط المتصل يربط طرفين التقيا مرة على الأقل، والخط المتقطع طرفين تقرر لقاؤهما فقط."
        ),
        "network_note_cut": " ولا تظهر {left} من الفاعلين الأقل اجتماعات.",
        "matrix_n": "الفاعلون: {actors}، الثنائيات: {pairs}، الاجتماعات: {meetings} (عُقد {held}، مقرر {planned})",
        "matrix_cut": "لا يظهر {left} من {total} فاعلاً: الأقل اجتماعات (الحد {top_n})",
        "matrix_key": "كل خانة: اجتماعات الطرفين (المعقودة أو المقررة)؛ الفاعلون مرتبون حسب الطرف ثم عدد الاجتماعات",
        "matrix_note": "تحصي المصفوفة الاجتماعات المعقودة أو المقررة لكل طرفين بين {actors} فاعلاً.",
        "count": "اجتماعات الطرفين",
        "timeline_n": "الاجتماعات: {meetings} ({statuses})، المقالات التي أوردتها: {docs}",
        "timeline_undated": "منها {undated} بلا تاريخ (اللوحة اليمنى)",
        "timeline_undated_ar_side": "منها {undated} بلا تاريخ (اللوحة اليسرى)",
        "timeline_all_dated": "كلها مؤرخة",
        "timeline_note": (
            "يضع الخط الزمني {meetings} اجتماعاً حسب التاريخ والمكان؛ {undated} منها بلا تاريخ وتظهر منفصلة. "
            "العلامة المفرغة دمجٌ لتقارير لا يستند إلى تاريخ (غير مؤكد)."
        ),
        "date": "التاريخ",
        "place": "المكان",
        "no_place": "مكان غير مذكور",
        "undated": "بلا تاريخ",
        "status": "الحالة",
        "n_docs": "عدد المقالات التي أوردته",
        "participants": "المشاركون",
        "merge_basis": "أساس الدمج",
        "merge": "دمج التقارير",
        "certain": "مؤكد",
        "uncertain": "غير مؤكد (بلا تاريخ)",
        "meeting": "الاجتماع",
        "no_date": "بلا تاريخ",
        "and_more": "+{n}",
        "held_status": "عُقد",
        "planned_status": "مقرر",
        "postponed_status": "مؤجل",
        "cancelled_status": "ملغى",
        "focus_prefix": "التركيز على: {names}",
    },
}
MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
}
STATUSES = tuple(STATUS_COLORS)  # held, planned, postponed, cancelled
EDGE_COLORS = {"held": "#4D4D4D", "planned": "#9A9A9A"}
LABEL_SIZE = 11
WIDTH = 660  # the plotting area of the network and the timeline: with padding, an A4 page's width

NETWORK_COLUMNS = {
    "kind": pl.String,  # node / edge
    "actor_id": pl.String,
    "label": pl.String,
    "side": pl.String,
    "side_label": pl.String,
    "is_focus": pl.Boolean,  # a node named in ``focus``
    "actor_a": pl.String,
    "actor_b": pl.String,
    "pair": pl.String,
    "edge_status": pl.String,  # held (at least one held) / planned (only planned)
    "n_meetings": pl.Int64,
    "n_held": pl.Int64,
    "n_planned": pl.Int64,
    "n_docs": pl.Int64,
    "first_date": pl.Date,
    "last_date": pl.Date,
    "x": pl.Float64,
    "y": pl.Float64,
    "x2": pl.Float64,
    "y2": pl.Float64,
    "radius": pl.Float64,
    "label_x": pl.Float64,
    "label_y": pl.Float64,
    "label_align": pl.String,  # left / right / center
    "leader_x": pl.Float64,  # the end of a line from the node to its label, when the label sits apart
    "leader_y": pl.Float64,
}
MATRIX_COLUMNS = {
    "actor_a": pl.String,
    "actor_b": pl.String,
    "label_a": pl.String,
    "label_b": pl.String,
    "side_a": pl.String,
    "side_b": pl.String,
    "order_a": pl.Int64,
    "order_b": pl.Int64,
    "n_meetings": pl.Int64,
    "n_held": pl.Int64,
    "n_planned": pl.Int64,
    "first_date": pl.Date,
    "last_date": pl.Date,
}
TIMELINE_COLUMNS = {
    "meeting_id": pl.String,
    "label": pl.String,
    "date": pl.Date,
    "place_id": pl.String,
    "place": pl.String,
    "status": pl.String,
    "status_label": pl.String,
    "n_docs": pl.Int64,
    "uncertain": pl.Boolean,
    "merge_basis": pl.String,
    "participants": pl.List(pl.String),
    "participant_names": pl.String,
    "row": pl.Int64,
    "row_top": pl.Float64,
    "row_height": pl.Float64,
    "y": pl.Float64,
    "undated_x": pl.Float64,
}


# --- shared pieces ---------------------------------------------------------------------------------


def _text(key: str, language: str, **values) -> str:
    """A UI string of this module in ``language`` with ``values`` filled in, bidi-wrapped."""
    return bidi(TEXT[check_language(language)][key].format(**values))


def date_text(column: str | pl.Expr, language: str) -> pl.Expr:
    """A Date column as "2 Dec 2025" (English) or "2 ديسمبر 2025" (Arabic); null stays null."""
    expr = pl.col(column) if isinstance(column, str) else column
    months = dict(enumerate(MONTHS[check_language(language)], start=1))
    return pl.format("{} {} {}", expr.dt.day(), expr.dt.month().replace_strict(months, default=None, return_dtype=pl.String), expr.dt.year())


def _labels(tables, language: str) -> dict[str, str]:
    return dict(entity_labels(tables, language).iter_rows())


def _label_expr(column: str, labels: pl.DataFrame, alias: str) -> pl.Expr:
    mapping = dict(labels.iter_rows())
    return pl.col(column).replace_strict(mapping, default=pl.col(column), return_dtype=pl.String).alias(alias)


def _empty_figure(name: str, title: str, data: pl.DataFrame, language: str) -> Figure:
    """A figure that says there is nothing to draw, with the empty data and its columns."""
    message = _text("empty", language)
    chart = (
        alt.Chart(alt.Data(values=[{"message": message}]))
        .mark_text(fontSize=14, color=MUTED_COLOR)
        .encode(text="message:N")
        .properties(width=420, height=60, title=alt.TitleParams(title, subtitle=[_text("n_zero", language)]))
    )
    return Figure(name=name, title=title, chart=chart, data=data, note=TEXT[language]["empty"] + ".", language=language)


def _pair_tooltip(t: dict) -> list[alt.Tooltip]:
    """The tooltip of a pair of actors (a network line, a matrix cell), headed in ``t``'s language."""
    return [
        alt.Tooltip("pair:N", title=t["pair"]),
        alt.Tooltip("n_meetings:Q", title=t["meetings"], format="d"),
        alt.Tooltip("n_held:Q", title=t["held"], format="d"),
        alt.Tooltip("n_planned:Q", title=t["planned"], format="d"),
        alt.Tooltip("first_date_text:N", title=t["first_date"]),
        alt.Tooltip("last_date_text:N", title=t["last_date"]),
    ]


def _chart_values(frame: pl.DataFrame) -> list[dict]:
    """Rows for an inline Vega dataset: dates as "YYYY-MM-DD" (read as UTC midnight), lists dropped."""
    frame = frame.select(name for name, dtype in frame.schema.items() if not isinstance(dtype, (pl.List, pl.Struct)))
    frame = frame.with_columns(pl.col(name).dt.strftime("%Y-%m-%d") for name, dtype in frame.schema.items() if dtype == pl.Date)
    return frame.to_dicts()


def _conform(frame: pl.DataFrame, columns: dict[str, pl.DataType]) -> pl.DataFrame:
    """``frame`` with exactly ``columns`` in that order (missing ones null)."""
    return frame.select(
        (pl.col(name) if name in frame.columns else pl.lit(None)).cast(dtype).alias(name) for name, dtype in columns.items()
    )


def _check_focus(tables, focus) -> list[str] | None:
    """``focus`` as a sorted list of known actor_ids (None when not given or empty); a clear error for unknown ids."""
    if not focus:
        return None
    focus = [focus] if isinstance(focus, str) else list(focus)
    known = set(tables.actors["actor_id"].to_list())
    unknown = sorted(set(focus) - known)
    if unknown:
        raise ValueError(f"focus names actor_ids that are not in tables.actors: {unknown}; use the actor_id column (e.g. {sorted(known)[:3]})")
    return sorted(set(focus))


def _names(actor_ids: list[str], labels: dict[str, str], language: str) -> str:
    separator = "، " if language == "ar" else ", "
    return separator.join(labels.get(a, a) for a in actor_ids)


# --- meeting labels and per-actor counts --------------------------------------------------------------


def meeting_labels(tables, language: str = "en", *, max_names: int = 3) -> pl.DataFrame:
    """(meeting_id, label): "<participants>, <place>, <date>" for every meeting, in ``language``.

    Participants in the order the meeting lists them, at most ``max_names`` ("+2" for the others),
    joined by " – "; the place and the date are left out when unknown.
    """
    check_language(language)
    labels = entity_labels(tables, language)
    meetings = tables.meetings
    names = (
        meetings.select("meeting_id", "participants")
        .explode("participants")
        .with_columns(pl.int_range(pl.len()).over("meeting_id").alias("position"))
        .filter(pl.col("participants").is_not_null())
        .join(labels.rename({"entity_id": "participants"}), on="participants", how="left")
        .with_columns(pl.coalesce("label", "participants").alias("label"))
        .sort("meeting_id", "position")
        .group_by("meeting_id", maintain_order=True)
        .agg(pl.col("label").head(max_names).str.join(" – ").alias("names"), pl.len().alias("n"))
    )
    more = TEXT[language]["and_more"]
    separator = "، " if language == "ar" else ", "
    frame = (
        meetings.select("meeting_id", "place_id", "date")
        .join(names, on="meeting_id", how="left")
        .join(labels.rename({"entity_id": "place_id", "label": "place"}), on="place_id", how="left")
        .with_columns(
            pl.when(pl.col("n") > max_names)
            .then(pl.format("{} {}", "names", pl.format(more.replace("{n}", "{}"), pl.col("n") - max_names)))
            .otherwise(pl.col("names"))
            .alias("names"),
            date_text("date", language).alias("when"),
        )
        .with_columns(pl.concat_list("names", "place", "when").list.drop_nulls().list.join(separator).alias("label"))
    )
    return frame.select("meeting_id", pl.col("label").str.replace_all("[\u2067\u2069]", "")).select(
        "meeting_id", _bidi_label("label")
    ).sort("meeting_id")


def _bidi_label(column: str) -> pl.Expr:
    from .theme import bidi_expr

    return bidi_expr(column).alias(column)


def actor_meetings(tables, *, language: str = "en", codebook=None) -> pl.DataFrame:
    """One row per actor of a held or planned meeting (``meeting_edges``), most meetings first.

    Columns: actor_id, label, side, side_label, n_meetings (distinct meetings), n_held, n_planned,
    n_counterparts (distinct actors met or to be met), n_docs (articles reporting them, summed
    over meetings), rank (1 = most meetings; ties broken by n_docs, counterparts, actor_id).
    """
    check_language(language)
    edges = tables.meeting_edges
    pairs = pl.concat([
        edges.select(pl.col("actor_a").alias("actor_id"), pl.col("actor_b").alias("other"), "meeting_ids"),
        edges.select(pl.col("actor_b").alias("actor_id"), pl.col("actor_a").alias("other"), "meeting_ids"),
    ])
    per_meeting = (
        pairs.select("actor_id", pl.col("meeting_ids").alias("meeting_id")).explode("meeting_id").unique()
        .join(tables.meetings.select("meeting_id", "status", "n_docs"), on="meeting_id", how="left")
    )
    counts = per_meeting.group_by("actor_id").agg(
        pl.len().cast(pl.Int64).alias("n_meetings"),
        (pl.col("status") == "held").sum().cast(pl.Int64).alias("n_held"),
        (pl.col("status") == "planned").sum().cast(pl.Int64).alias("n_planned"),
        pl.col("n_docs").sum().cast(pl.Int64).alias("n_docs"),
    )
    counterparts = pairs.group_by("actor_id").agg(pl.col("other").n_unique().cast(pl.Int64).alias("n_counterparts"))
    labels = entity_labels(tables, language)
    sides = actor_sides(tables, codebook)
    side_labels = {side: side_label(side, language) for side in SIDES}
    frame = (
        counts.join(counterparts, on="actor_id", how="left")
        .join(labels.rename({"entity_id": "actor_id"}), on="actor_id", how="left")
        .join(sides, on="actor_id", how="left")
        .with_columns(
            pl.coalesce("label", "actor_id").alias("label"),
            pl.col("side").fill_null(OTHER_SIDE).alias("side"),
        )
        .with_columns(pl.col("side").replace_strict(side_labels, default=side_labels[OTHER_SIDE], return_dtype=pl.String).alias("side_label"))
        .sort(["n_meetings", "n_docs", "n_counterparts", "actor_id"], descending=[True, True, True, False])
        .with_row_index("rank", offset=1)
        .with_columns(pl.col("rank").cast(pl.Int64))
    )
    return frame.select("actor_id", "label", "side", "side_label", "n_meetings", "n_held", "n_planned", "n_counterparts", "n_docs", "rank")


def _select_actors(tables, actors: pl.DataFrame, top_n: int | None, focus: list[str] | None) -> tuple[pl.DataFrame, pl.DataFrame, int]:
    """The actors kept (focus first, then by rank, at most ``top_n``), the edges among them, and
    how many actors of the selection were left out."""
    edges = tables.meeting_edges
    if focus is not None:
        touching = edges.filter(pl.col("actor_a").is_in(focus) | pl.col("actor_b").is_in(focus))
        ego = set(focus) | set(touching["actor_a"].to_list()) | set(touching["actor_b"].to_list())
        actors = actors.filter(pl.col("actor_id").is_in(sorted(ego)))
        edges = edges.filter(pl.col("actor_a").is_in(sorted(ego)) & pl.col("actor_b").is_in(sorted(ego)))
    ordered = actors.with_columns(pl.col("actor_id").is_in(focus or []).alias("is_focus")).sort(["is_focus", "rank"], descending=[True, False])
    kept = ordered.head(top_n) if top_n is not None else ordered
    ids = kept["actor_id"].to_list()
    edges = edges.filter(pl.col("actor_a").is_in(ids) & pl.col("actor_b").is_in(ids))
    linked = set(edges["actor_a"].to_list()) | set(edges["actor_b"].to_list()) | set(focus or [])
    kept = kept.filter(pl.col("actor_id").is_in(sorted(linked))).drop("is_focus")
    return kept, edges.sort("actor_a", "actor_b"), actors.height - kept.height


# --- network ------------------------------------------------------------------------------------------


def _component_layout(graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one connected group, centred, widest along x, farthest node at distance 1."""
    import networkx as nx
    import numpy as np

    nodes = sorted(graph.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) == 2:
        return {nodes[0]: (-1.0, 0.0), nodes[1]: (1.0, 0.0)}
    pos = nx.spring_layout(graph, seed=seed, weight="weight", iterations=300, k=2.0 / math.sqrt(len(nodes)))
    xy = np.array([pos[n] for n in nodes], dtype=float)
    xy -= xy.mean(axis=0)
    # turn the group so that its longest extent is horizontal: the page is wider than tall
    _, _, vt = np.linalg.svd(xy, full_matrices=False)
    axis = vt[0] if vt[0][0] >= 0 else -vt[0]
    rotation = np.array([[axis[0], axis[1]], [-axis[1], axis[0]]])
    xy = xy @ rotation.T
    xy /= max(float(np.sqrt((xy**2).sum(axis=1)).max()), 1e-9)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy)}


def _shelf_pack(boxes: list[tuple[float, float]], width: float, gap: float) -> tuple[list[tuple[float, float]], float]:
    """Top-left corners of ``boxes`` (w, h) put in rows of at most ``width``, each row centred;
    and the total height."""
    rows: list[list[int]] = [[]]
    row_width = 0.0
    for index, (w, _) in enumerate(boxes):
        if rows[-1] and row_width + gap + w > width:
            rows.append([])
            row_width = 0.0
        row_width += (gap if rows[-1] else 0.0) + w
        rows[-1].append(index)
    corners: list[tuple[float, float]] = [(0.0, 0.0)] * len(boxes)
    top = 0.0
    for row in rows:
        total = sum(boxes[i][0] for i in row) + gap * (len(row) - 1)
        left = (width - total) / 2
        height = max(boxes[i][1] for i in row)
        for i in row:
            corners[i] = (left, top + (height - boxes[i][1]) / 2)
            left += boxes[i][0] + gap
        top += height + gap
    return corners, top - gap


def network_layout(
    edges: pl.DataFrame, *, seed: int = 7, width: float = WIDTH, max_height: float | None = None, margin: float = 60,
    radius: dict[str, float] | None = None, gap: float = 32,
) -> pl.DataFrame:
    """(actor_id, x, y, component) in pixels of a drawing ``width`` wide, y downwards.

    Reads ``edges`` (actor_a, actor_b and, when present, n_meetings as the pull between two
    actors). Each connected group gets a seeded spring layout (networkx), turned so that it is
    widest along x and scaled by the square root of its size; the groups are packed in rows, the
    largest first, at the largest scale that fits ``width`` and ``max_height`` (default: 14 px
    per actor plus 220, at most 600), leaving ``margin`` pixels left and right of each group for
    labels; a group much wider than the drawing's shape is stretched upwards (at most 1.8 times). Circles (``radius`` by actor_id, default 6 px)
    are then pushed apart until ``gap`` pixels separate any two. The same edges and seed give the
    same positions.
    """
    import networkx as nx
    import numpy as np

    schema = {"actor_id": pl.String, "x": pl.Float64, "y": pl.Float64, "component": pl.Int64}
    if edges.height == 0:
        return pl.DataFrame(schema=schema)
    weights = edges["n_meetings"] if "n_meetings" in edges.columns else pl.Series([1] * edges.height)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(set(edges["actor_a"].to_list()) | set(edges["actor_b"].to_list())))
    for a, b, n in zip(edges["actor_a"].to_list(), edges["actor_b"].to_list(), weights.to_list()):
        graph.add_edge(a, b, weight=1.0 + 0.5 * math.log(max(n or 1, 1)))
    groups = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    layouts = [_component_layout(graph.subgraph(group), seed) for group in groups]
    if max_height is None:
        max_height = min(600.0, 220.0 + 14.0 * graph.number_of_nodes())
    shape = (width - 2 * margin) / (max_height - 40)
    for layout in layouts:
        xs = [p[0] for p in layout.values()]
        ys = [p[1] for p in layout.values()]
        if len(layout) > 2 and max(ys) > min(ys):
            stretch = min(1.8, max(1.0, (max(xs) - min(xs)) / (max(ys) - min(ys)) / shape))
            layout.update({a: (x, y * stretch) for a, (x, y) in layout.items()})
    spans = []
    for layout in layouts:
        xs = [p[0] for p in layout.values()]
        ys = [p[1] for p in layout.values()]
        spans.append((min(xs), max(xs), min(ys), max(ys)))

    def boxes_at(scale: float) -> list[tuple[float, float]]:
        return [
            ((x1 - x0) * scale * math.sqrt(len(group)) + 2 * margin, (y1 - y0) * scale * math.sqrt(len(group)) + 40)
            for group, (x0, x1, y0, y1) in zip(groups, spans)
        ]

    # the largest scale at which the packed groups fit (bisection)
    low, high = 1.0, max(width, max_height)
    for _ in range(40):
        middle = (low + high) / 2
        boxes = boxes_at(middle)
        _, total = _shelf_pack(boxes, width, 8)
        fits = total <= max_height and max(w for w, _ in boxes) <= width
        low, high = (middle, high) if fits else (low, middle)
    corners, _ = _shelf_pack(boxes_at(low), width, 8)
    ids, xy, component = [], [], []
    for index, (group, layout, (x0, _, y0, _), (left, top)) in enumerate(zip(groups, layouts, spans, corners)):
        s = low * math.sqrt(len(group))
        for actor in group:
            x, y = layout[actor]
            ids.append(actor)
            xy.append((left + margin + (x - x0) * s, top + 20 + (y - y0) * s))
            component.append(index)
    xy = _separate(np.array(xy, dtype=float), np.array([(radius or {}).get(a, 6.0) for a in ids]), gap, width, margin)
    frame = pl.DataFrame({"actor_id": ids, "x": np.round(xy[:, 0], 1), "y": np.round(xy[:, 1], 1), "component": component}, schema=schema)
    # the drawing starts 20 px above its highest circle
    return frame.with_columns(pl.col("y") - pl.col("y").min() + 20).sort("actor_id")


def _separate(xy, radii, gap: float, width: float, margin: float, rounds: int = 300):
    """``xy`` moved so that circles of ``radii`` keep ``gap`` pixels apart (pairwise pushes),
    x kept inside [margin / 2, width - margin / 2]."""
    import numpy as np

    n = len(xy)
    if n < 2:
        return xy
    need = radii[:, None] + radii[None, :] + gap
    np.fill_diagonal(need, 0.0)
    # deterministic directions for circles that sit on top of each other
    nudge = np.stack([np.cos(np.arange(n) * 2.399), np.sin(np.arange(n) * 2.399)], axis=1)
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        distance = np.sqrt((delta**2).sum(axis=2))
        short = np.clip(need - distance, 0.0, None)
        np.fill_diagonal(short, 0.0)
        if short.max() < 0.5:
            break
        direction = np.where(distance[:, :, None] > 1e-6, delta / np.maximum(distance, 1e-6)[:, :, None], nudge[:, None, :])
        xy = xy + 0.5 * (short[:, :, None] * direction).sum(axis=1) / np.maximum((short > 0).sum(axis=1), 1)[:, None]
        xy[:, 0] = np.clip(xy[:, 0], margin / 2, width - margin / 2)
    return xy


@functools.cache
def _advances() -> dict[int, float]:
    """Advance width (in em) of every character of the charts' font."""
    from fontTools.ttLib import TTFont

    font = TTFont(font_path("Regular"), lazy=True)
    metrics = font["hmtx"]
    em = font["head"].unitsPerEm
    return {code: metrics[glyph][0] / em for code, glyph in font.getBestCmap().items()}


def text_width(text: str, size: float = LABEL_SIZE) -> float:
    """The width in pixels of ``text`` drawn in the charts' font at ``size`` (bidi marks count 0)."""
    advances = _advances()
    return sum(advances.get(ord(c), 0.0 if c in "\u2066\u2067\u2068\u2069" else 0.6) for c in text) * size


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0


def _crossings(box: tuple[float, float, float, float], segments: list[tuple[float, float, float, float, float]]) -> float:
    """How much of the line ``segments`` (x1, y1, x2, y2, width) pass through ``box``: one per
    line, more for thick lines."""
    x0, y0, x1, y1 = box
    count = 0.0
    for ax, ay, bx, by, width in segments:
        if max(ax, bx) < x0 or min(ax, bx) > x1 or max(ay, by) < y0 or min(ay, by) > y1:
            continue
        # Liang-Barsky clipping: does the segment enter the box?
        t0, t1, dx, dy = 0.0, 1.0, bx - ax, by - ay
        inside = True
        for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
            if p == 0:
                if q < 0:
                    inside = False
                    break
                continue
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
            if t0 > t1:
                inside = False
                break
        count += (1.0 + 0.4 * width) if inside else 0.0
    return count


def _place_labels(nodes: list[dict], segments: list, width: float, height: float) -> list[tuple]:
    """(x, y, align, leader end or None) of each node's label: greedily, most important node
    first, at the position around the node with the least cost: overlapping a circle, a label
    already placed or the drawing's edge costs most, crossing a line little, and positions
    farther from the node or not pointing away from its group's centre a little."""
    h = LABEL_SIZE + 3
    circles = [(n["x"] - n["radius"] - 1, n["y"] - n["radius"] - 1, n["x"] + n["radius"] + 1, n["y"] + n["radius"] + 1) for n in nodes]
    placed: list[tuple[float, float, float, float]] = []
    result: list[tuple[float, float, str] | None] = [None] * len(nodes)
    for index in sorted(range(len(nodes)), key=lambda i: nodes[i]["rank"]):
        node = nodes[index]
        x, y, r, w = node["x"], node["y"], node["radius"], node["label_width"]
        angle = math.atan2(y - node["cy"], x - node["cx"]) if (x, y) != (node["cx"], node["cy"]) else 0.0
        candidates = []
        for extra in (0.0, 6.0, 14.0):
            gap = r + 3 + extra
            options = [
                (0.0, (x + gap, y, "left"), (x + gap, y - h / 2, x + gap + w, y + h / 2)),
                (math.pi, (x - gap, y, "right"), (x - gap - w, y - h / 2, x - gap, y + h / 2)),
                (-math.pi / 2, (x, y - gap - h / 2, "center"), (x - w / 2, y - gap - h, x + w / 2, y - gap)),
                (math.pi / 2, (x, y + gap + h / 2, "center"), (x - w / 2, y + gap, x + w / 2, y + gap + h)),
                (-math.pi / 4, (x + gap * 0.7, y - gap * 0.7 - h / 2, "left"), (x + gap * 0.7, y - gap * 0.7 - h, x + gap * 0.7 + w, y - gap * 0.7)),
                (-3 * math.pi / 4, (x - gap * 0.7, y - gap * 0.7 - h / 2, "right"), (x - gap * 0.7 - w, y - gap * 0.7 - h, x - gap * 0.7, y - gap * 0.7)),
                (math.pi / 4, (x + gap * 0.7, y + gap * 0.7 + h / 2, "left"), (x + gap * 0.7, y + gap * 0.7, x + gap * 0.7 + w, y + gap * 0.7 + h)),
                (3 * math.pi / 4, (x - gap * 0.7, y + gap * 0.7 + h / 2, "right"), (x - gap * 0.7 - w, y + gap * 0.7, x - gap * 0.7, y + gap * 0.7 + h)),
            ]
            for direction, anchor, box in options:
                turn = abs((direction - angle + math.pi) % (2 * math.pi) - math.pi)
                # horizontal positions read best: a small bonus over diagonal and vertical ones
                candidates.append((extra * 0.25 + turn + (0.0 if anchor[2] != "center" and direction in (0.0, math.pi) else 0.35), anchor, box))
        best = None
        for preference, anchor, box in candidates:
            cost = 4 * sum(_overlap(box, other) for other in placed) + 4 * sum(_overlap(box, c) for c in circles)
            cost += 4 * (max(0.0, -box[0]) * h + max(0.0, box[2] - width) * h + max(0.0, -box[1]) * w + max(0.0, box[3] - height) * w)
            cost += 1.5 * _crossings(box, segments) + preference
            if best is None or cost < best[2]:
                best = (anchor, box, cost)
        anchor, box, _ = best
        placed.append(box)
        # a label set off from its circle gets a thin leader line to the nearest point of its box
        near_x, near_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
        far = math.hypot(near_x - x, near_y - y) > r + 8
        result[index] = (*anchor, (round(near_x, 1), round(near_y, 1)) if far else None)
    return result  # type: ignore[return-value]


def _node_radius(n_meetings: pl.Expr, largest: int) -> pl.Expr:
    """The radius in pixels of a node of ``n_meetings`` meetings (its area grows linearly)."""
    low, high = NODE_AREA
    span = max(largest - 1, 1)
    return ((low + (n_meetings - 1).clip(0, None) / span * (high - low)) / math.pi).sqrt()


NODE_AREA = (90.0, 1100.0)  # circle area in px² of the actor with one meeting and of the one with most
EDGE_WIDTH = (1.3, 7.0)


def _drawing_height(nodes: pl.DataFrame) -> float:
    """The network drawing's height: 20 px below its lowest circle, for a label beneath it."""
    return float(math.ceil((nodes["y"] + nodes["radius"]).max() + 22))


def network_data(tables, *, language: str = "en", top_n: int | None = 30, focus=None, codebook=None, seed: int = 7) -> pl.DataFrame:
    """The who-met-whom network as one tidy frame, one row per node (kind "node") and per edge
    (kind "edge"), with positions in pixels (x, y; for edges x2, y2 the other end) and label
    positions (label_x, label_y, label_align).

    Nodes: actors of held or planned meetings, at most ``top_n`` by number of meetings (the
    ``focus`` actors always, with their counterparts only when ``focus`` is given), without
    those left with no edge; n_meetings, n_held, n_planned are the actor's over the whole
    corpus. Edges: ``meeting_edges`` rows between kept actors (n_meetings, n_held, n_planned,
    first/last date), edge_status "held" when at least one meeting of the pair was held, else
    "planned".
    """
    check_language(language)
    focus = _check_focus(tables, focus)
    actors = actor_meetings(tables, language=language, codebook=codebook)
    kept, edges, _ = _select_actors(tables, actors, top_n, focus)
    if kept.height == 0 or edges.height == 0:
        return pl.DataFrame(schema=NETWORK_COLUMNS)
    largest = int(kept["n_meetings"].max())
    kept = kept.with_columns(_node_radius(pl.col("n_meetings"), largest).round(2).alias("radius"))
    positions = network_layout(edges, seed=seed, width=WIDTH, radius=dict(kept.select("actor_id", "radius").iter_rows()))
    nodes = (
        kept.join(positions, on="actor_id", how="inner")
        .with_columns(pl.col("x").mean().over("component").alias("cx"), pl.col("y").mean().over("component").alias("cy"))
        .sort("rank")
    )
    records = nodes.select("x", "y", "radius", "rank", "cx", "cy", pl.col("label").map_elements(text_width, return_dtype=pl.Float64).alias("label_width")).to_dicts()
    xy = dict(zip(positions["actor_id"].to_list(), zip(positions["x"].to_list(), positions["y"].to_list())))
    low, high = EDGE_WIDTH
    largest_edge = max(int(edges["n_meetings"].max()), 2)
    segments = [
        (*xy[a], *xy[b], low + (n - 1) / (largest_edge - 1) * (high - low))
        for a, b, n in zip(edges["actor_a"].to_list(), edges["actor_b"].to_list(), edges["n_meetings"].to_list())
    ]
    places = _place_labels(records, segments, WIDTH, _drawing_height(nodes))
    nodes = nodes.with_columns(
        pl.Series("label_x", [round(p[0], 1) for p in places], dtype=pl.Float64),
        pl.Series("label_y", [round(p[1], 1) for p in places], dtype=pl.Float64),
        pl.Series("label_align", [p[2] for p in places], dtype=pl.String),
        pl.Series("leader_x", [p[3][0] if p[3] else None for p in places], dtype=pl.Float64),
        pl.Series("leader_y", [p[3][1] if p[3] else None for p in places], dtype=pl.Float64),
        pl.lit("node").alias("kind"),
        pl.col("actor_id").is_in(focus or []).alias("is_focus"),
    )
    labels = nodes.select("actor_id", "label")
    xy = positions.select("actor_id", "x", "y")
    edge_rows = (
        edges.join(xy, left_on="actor_a", right_on="actor_id", how="left")
        .join(xy.rename({"x": "x2", "y": "y2"}), left_on="actor_b", right_on="actor_id", how="left")
        .join(labels.rename({"label": "label_a"}), left_on="actor_a", right_on="actor_id", how="left")
        .join(labels.rename({"label": "label_b"}), left_on="actor_b", right_on="actor_id", how="left")
        .with_columns(
            pl.lit("edge").alias("kind"),
            pl.concat_str("label_a", pl.lit(" – "), "label_b").alias("pair"),
            pl.when(pl.col("n_held") > 0).then(pl.lit("held")).otherwise(pl.lit("planned")).alias("edge_status"),
        )
        .sort("n_meetings", "actor_a", "actor_b", descending=[False, False, False])
    )
    return pl.concat([_conform(nodes.sort("rank"), NETWORK_COLUMNS), _conform(edge_rows, NETWORK_COLUMNS)])


def _subtitle_network(tables, data: pl.DataFrame, left: int, top_n, focus, language: str) -> tuple[list[str], str]:
    edges = data.filter(pl.col("kind") == "edge")
    ids = tables.meeting_edges.filter(
        pl.col("actor_a").is_in(edges["actor_a"].implode()) & pl.col("actor_b").is_in(edges["actor_b"].implode())
    )
    ids = edges.select("actor_a", "actor_b").join(tables.meeting_edges, on=["actor_a", "actor_b"], how="left")
    meeting_ids = ids["meeting_ids"].explode().drop_nulls().unique()
    meetings = tables.meetings.filter(pl.col("meeting_id").is_in(meeting_ids.implode()))
    counts = dict(
        actors=int((data["kind"] == "node").sum()),
        meetings=meetings.height,
        held=int((meetings["status"] == "held").sum()),
        planned=int((meetings["status"] == "planned").sum()),
        docs=meetings["doc_ids"].explode().drop_nulls().n_unique(),
    )
    lines = []
    if focus:
        lines.append(_text("network_focus", language, names=_names(focus, _labels(tables, language), language)))
    lines.append(_text("network_n", language, **counts))
    if left > 0:
        lines.append(_text("network_cut", language, left=left, total=left + counts["actors"], top_n=top_n))
    lines.append(_text("network_key", language))
    note = TEXT[language]["network_note"].format(**counts) + (TEXT[language]["network_note_cut"].format(left=left) if left > 0 else "")
    return lines, note


def network(tables, *, language: str = "en", top_n: int | None = 30, focus=None, codebook=None, seed: int = 7) -> Figure:
    """Figure "meetings-network": who met whom (see ``network_data``), labelled in ``language``."""
    check_language(language)
    title = translate(TEXT, "network_title", language)
    data = network_data(tables, language=language, top_n=top_n, focus=focus, codebook=codebook, seed=seed)
    if data.height == 0:
        return _empty_figure("meetings-network", title, data, language)
    focus = _check_focus(tables, focus)
    actors = actor_meetings(tables, language=language, codebook=codebook)
    _, _, left = _select_actors(tables, actors, top_n, focus)
    subtitle, note = _subtitle_network(tables, data, left, top_n, focus, language)
    height = _drawing_height(data.filter(pl.col("kind") == "node"))
    t = TEXT[language]
    edge_labels = {"held": bidi(t["edge_held"]), "planned": bidi(t["edge_planned"])}
    values = _chart_values(
        data.with_columns(
            pl.col("edge_status").replace_strict(edge_labels, default=None, return_dtype=pl.String).alias("edge_label"),
            date_text("first_date", language).fill_null(bidi(t["no_date"])).alias("first_date_text"),
            date_text("last_date", language).fill_null(bidi(t["no_date"])).alias("last_date_text"),
        )
    )
    base = alt.Chart(alt.Data(values=values))
    pixel_x = dict(scale=None, axis=None)
    pixel_y = dict(scale=None, axis=None)
    largest_edge = int(data.filter(pl.col("kind") == "edge")["n_meetings"].max())
    largest_node = int(data.filter(pl.col("kind") == "node")["n_meetings"].max())
    edge_tooltip = _pair_tooltip(t)
    edge_domain = [edge_labels["held"], edge_labels["planned"]]
    edges = (
        base.transform_filter(alt.datum.kind == "edge")
        .mark_rule(strokeCap="round")
        .encode(
            x=alt.X("x:Q", **pixel_x),
            y=alt.Y("y:Q", **pixel_y),
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth(
                "n_meetings:Q", scale=alt.Scale(domain=[1, max(largest_edge, 2)], range=list(EDGE_WIDTH)),
                legend=None,
            ),
            stroke=alt.Stroke(
                "edge_label:N", scale=alt.Scale(domain=edge_domain, range=[EDGE_COLORS["held"], EDGE_COLORS["planned"]]),
                legend=alt.Legend(title=t["edge"], orient="bottom", direction="vertical", symbolType="stroke", symbolStrokeWidth=2.5),
            ),
            strokeDash=alt.StrokeDash(
                "edge_label:N", scale=alt.Scale(domain=edge_domain, range=[[1, 0], [5, 4]]),
                legend=alt.Legend(title=t["edge"], orient="bottom", direction="vertical", symbolType="stroke", symbolStrokeWidth=2.5),
            ),
            tooltip=edge_tooltip,
        )
    )
    # a wide invisible line over each edge, so that its tooltip is easy to reach
    edge_hover = base.transform_filter(alt.datum.kind == "edge").mark_rule(strokeWidth=9, opacity=0.001).encode(
        x=alt.X("x:Q", **pixel_x), y=alt.Y("y:Q", **pixel_y), x2="x2:Q", y2="y2:Q", tooltip=edge_tooltip
    )
    size_values = sorted({1, max(1, round(largest_node / 2)), largest_node})
    nodes = (
        base.transform_filter(alt.datum.kind == "node")
        .mark_circle(opacity=1)
        .encode(
            stroke=alt.condition(alt.datum.is_focus, alt.value(TEXT_COLOR), alt.value("white")),
            strokeWidth=alt.condition(alt.datum.is_focus, alt.value(2.5), alt.value(1.2)),
            x=alt.X("x:Q", **pixel_x),
            y=alt.Y("y:Q", **pixel_y),
            size=alt.Size(
                "n_meetings:Q", scale=alt.Scale(domain=[1, max(largest_node, 2)], range=list(NODE_AREA)),
                legend=alt.Legend(title=t["size"], orient="bottom", values=size_values, format="d", symbolFillColor="#BBBBBB", symbolStrokeColor="#BBBBBB"),
            ),
            color=alt.Color("side_label:N", scale=side_scale(language), legend=alt.Legend(title=t["side"], orient="bottom", columns=3)),
            tooltip=[
                alt.Tooltip("label:N", title=t["actor"]),
                alt.Tooltip("side_label:N", title=t["side"]),
                alt.Tooltip("n_meetings:Q", title=t["meetings"], format="d"),
                alt.Tooltip("n_held:Q", title=t["held"], format="d"),
                alt.Tooltip("n_planned:Q", title=t["planned"], format="d"),
            ],
        )
    )
    leaders = (
        base.transform_filter((alt.datum.kind == "node") & alt.expr.isValid(alt.datum.leader_x))
        .mark_rule(color="#8A8A8A", strokeWidth=0.8)
        .encode(x=alt.X("x:Q", **pixel_x), y=alt.Y("y:Q", **pixel_y), x2="leader_x:Q", y2="leader_y:Q")
    )
    label_layers = []
    for align in ("left", "right", "center"):
        subset = base.transform_filter((alt.datum.kind == "node") & (alt.datum.label_align == align))
        encoding = dict(x=alt.X("label_x:Q", **pixel_x), y=alt.Y("label_y:Q", **pixel_y), text="label:N")
        label_layers.append(
            subset.mark_text(align=align, baseline="middle", fontSize=LABEL_SIZE, stroke="white", strokeWidth=3.5, strokeJoin="round", strokeOpacity=0.9).encode(**encoding)
        )
        label_layers.append(subset.mark_text(align=align, baseline="middle", fontSize=LABEL_SIZE, color=TEXT_COLOR).encode(**encoding))
    chart = (
        alt.layer(edges, edge_hover, leaders, nodes, *label_layers)
        .resolve_legend(size="independent", color="independent")
        .properties(width=WIDTH, height=height, title=alt.TitleParams(title, subtitle=subtitle))
    )
    return Figure(name="meetings-network", title=title, chart=chart, data=data, note=note, language=language)


# --- matrix -------------------------------------------------------------------------------------------


def matrix_data(tables, *, language: str = "en", top_n: int | None = 20, focus=None, codebook=None) -> pl.DataFrame:
    """Actor by actor, the meetings of each pair: one row per ordered pair that met or planned
    to (both halves of the symmetric matrix, no diagonal), with the actors' labels, sides and
    order (order_a, order_b: by side as in ``SIDES``, then most meetings first).

    Actors: the ``top_n`` with most meetings (``focus`` actors first and, when given, only them
    and their counterparts); the others are left out."""
    check_language(language)
    focus = _check_focus(tables, focus)
    actors = actor_meetings(tables, language=language, codebook=codebook)
    kept, edges, _ = _select_actors(tables, actors, top_n, focus)
    if edges.height == 0:
        return pl.DataFrame(schema=MATRIX_COLUMNS)
    side_order = {side: i for i, side in enumerate(SIDES)}
    ordered = (
        kept.with_columns(pl.col("side").replace_strict(side_order, default=len(SIDES), return_dtype=pl.Int64).alias("side_order"))
        .sort(["side_order", "n_meetings", "label", "actor_id"], descending=[False, True, False, False])
        .with_row_index("order")
        .select("actor_id", "label", "side", pl.col("order").cast(pl.Int64))
    )
    both = pl.concat([
        edges,
        edges.with_columns(pl.col("actor_b").alias("actor_a"), pl.col("actor_a").alias("actor_b")),
    ])
    frame = (
        both.join(ordered.rename({"actor_id": "actor_a", "label": "label_a", "side": "side_a", "order": "order_a"}), on="actor_a", how="inner")
        .join(ordered.rename({"actor_id": "actor_b", "label": "label_b", "side": "side_b", "order": "order_b"}), on="actor_b", how="inner")
        .sort("order_a", "order_b")
    )
    return _conform(frame, MATRIX_COLUMNS)


def matrix(tables, *, language: str = "en", top_n: int | None = 20, focus=None, codebook=None) -> Figure:
    """Figure "meetings-matrix": the meetings of each pair among the most-meeting actors (see
    ``matrix_data``); counts written in the cells, the diagonal empty."""
    check_language(language)
    title = translate(TEXT, "matrix_title", language)
    data = matrix_data(tables, language=language, top_n=top_n, focus=focus, codebook=codebook)
    if data.height == 0:
        return _empty_figure("meetings-matrix", title, data, language)
    focus = _check_focus(tables, focus)
    actors = actor_meetings(tables, language=language, codebook=codebook)
    _, _, left = _select_actors(tables, actors, top_n, focus)
    t = TEXT[language]
    arabic = language == "ar"
    order = (
        pl.concat([data.select(pl.col("actor_a").alias("actor_id"), pl.col("label_a").alias("label"), pl.col("side_a").alias("side"), pl.col("order_a").alias("order"))])
        .unique("actor_id").sort("order")
    )
    labels = order["label"].to_list()
    n = len(labels)
    cell = 23 if n > 12 else 30
    size = cell * n
    pairs = data.filter(pl.col("order_a") < pl.col("order_b"))
    meeting_ids = pairs.join(tables.meeting_edges.select("actor_a", "actor_b", "meeting_ids"), on=["actor_a", "actor_b"], how="left")
    # pairs were stored as in meeting_edges (actor_a < actor_b) or mirrored: look both ways
    ids = pl.concat([
        data.join(tables.meeting_edges.select("actor_a", "actor_b", "meeting_ids"), on=["actor_a", "actor_b"], how="inner")["meeting_ids"].explode(),
        meeting_ids["meeting_ids"].explode().drop_nulls(),
    ]).unique()
    meetings = tables.meetings.filter(pl.col("meeting_id").is_in(ids.implode()))
    counts = dict(
        actors=n, pairs=pairs.height, meetings=meetings.height,
        held=int((meetings["status"] == "held").sum()), planned=int((meetings["status"] == "planned").sum()),
    )
    subtitle = []
    if focus:
        subtitle.append(_text("network_focus", language, names=_names(focus, _labels(tables, language), language)))
    subtitle.append(_text("matrix_n", language, **counts))
    if left > 0:
        subtitle.append(_text("matrix_cut", language, left=left, total=left + n, top_n=top_n))
    subtitle.append(_text("matrix_key", language))
    largest = int(data["n_meetings"].max())
    values = _chart_values(
        data.with_columns(
            pl.concat_str("label_a", pl.lit(" – "), "label_b").alias("pair"),
            date_text("first_date", language).fill_null(bidi(t["no_date"])).alias("first_date_text"),
            date_text("last_date", language).fill_null(bidi(t["no_date"])).alias("last_date_text"),
            (pl.col("n_meetings") > largest * 0.55).alias("dark"),
        )
    )
    x = alt.X(
        "label_b:N", sort=labels, title=None, scale=alt.Scale(domain=labels, reverse=arabic),
        axis=alt.Axis(orient="top", labelAngle=-50 if not arabic else 50, labelAlign="left" if not arabic else "right", labelLimit=150, domain=False, ticks=False, labelPadding=6),
    )
    y = alt.Y(
        "label_a:N", sort=labels, title=None, scale=alt.Scale(domain=labels),
        axis=alt.Axis(orient="right" if arabic else "left", labelLimit=170, domain=False, ticks=False, labelPadding=20),
    )
    base = alt.Chart(alt.Data(values=values))
    tooltip = _pair_tooltip(t)
    cells = base.mark_rect(stroke="white", strokeWidth=1.5).encode(
        x=x, y=y,
        color=alt.Color("n_meetings:Q", scale=alt.Scale(scheme="blues", domain=[0, max(largest, 2)]), legend=None),
        tooltip=tooltip,
    )
    text = base.mark_text(fontSize=11).encode(
        x=x, y=y, text=alt.Text("n_meetings:Q", format="d"),
        color=alt.condition(alt.datum.dark, alt.value("white"), alt.value(TEXT_COLOR)), tooltip=tooltip,
    )
    # the diagonal and the pairs that never met: a faint grid so that rows can be followed
    grid_values = [{"label_a": a, "label_b": b} for a in labels for b in labels]
    grid = alt.Chart(alt.Data(values=grid_values)).mark_rect(fill="#F3F3F3", stroke="white", strokeWidth=1.5).encode(x=x, y=y)
    diagonal = (
        alt.Chart(alt.Data(values=[{"label_a": a, "label_b": a} for a in labels]))
        .mark_rect(fill="#DADADA", stroke="white", strokeWidth=1.5)
        .encode(x=x, y=y)
    )
    # a square of the side's colour beside each row label
    side_values = [{"label_a": row["label"], "side_label": side_label(row["side"], language)} for row in order.iter_rows(named=True)]
    sides = (
        alt.Chart(alt.Data(values=side_values))
        .mark_square(size=70, opacity=1)
        .encode(
            y=y, x=alt.value(size + 10 if arabic else -10),
            color=alt.Color("side_label:N", scale=side_scale(language), legend=alt.Legend(title=t["side"], orient="bottom", direction="horizontal", columns=3)),
        )
    )
    chart = (
        alt.layer(grid, diagonal, cells, text, sides)
        .resolve_scale(color="independent")
        .properties(width=size, height=size, title=alt.TitleParams(title, subtitle=subtitle))
    )
    note = TEXT[language]["matrix_note"].format(actors=n) + (" " + TEXT[language]["matrix_cut"].format(left=left, total=left + n, top_n=top_n) + "." if left > 0 else "")
    return Figure(name="meetings-matrix", title=title, chart=chart, data=data, note=note, language=language)


# --- timeline -----------------------------------------------------------------------------------------

ROW = 24  # px per place in the timeline, at least
LANE = 8  # px between two meetings of one place drawn one above the other, so that both show
UNDATED_COLUMNS, UNDATED_STEP = 6, 18  # the undated panel: meetings per line and px between them
UNDATED_ONLY_COLUMNS = 24  # per line when no meeting is dated: the undated panel is the whole chart


def _undated_columns(has_dated: bool) -> int:
    return UNDATED_COLUMNS if has_dated else UNDATED_ONLY_COLUMNS


def _undated_width(has_dated: bool) -> float:
    return _undated_columns(has_dated) * UNDATED_STEP + 8
PLACE_LABELS = 170  # px left for the place labels
DOT_AREA = (60.0, 420.0)  # area in px² of a meeting reported by one article and by ``DOT_DOCS``
DOT_DOCS = 10  # the size scale ends at the largest n_docs, or at 10 when all are smaller


def _dot_radius(n_docs: int, largest: int) -> float:
    low, high = DOT_AREA
    top = max(largest, DOT_DOCS)
    return math.sqrt((low + (min(max(n_docs, 1), top) - 1) / (top - 1) * (high - low)) / math.pi)


def _time_domain(first, last):
    """The dates at both ends of the time axis: the meetings' span padded by 4% (at least 4 days)."""
    import datetime as dt

    pad = max(4, round((last - first).days * 0.04))
    return first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)


def _dated_width(has_undated: bool) -> float:
    return WIDTH - PLACE_LABELS - (_undated_width(True) + 12 if has_undated else 0)


def timeline_data(tables, *, language: str = "en", focus=None) -> pl.DataFrame:
    """One row per meeting (of the ``focus`` actors when given): label, date (null when
    undated), place (label in ``language``; "place not stated" when null), status and its label,
    n_docs, uncertain, merge_basis, participants and their names; and where the chart draws it:
    its place row (``row``, 0 at the top: places in order of their first dated meeting, places
    with only undated meetings next, "place not stated" last), the row's ``row_top`` and
    ``row_height`` and the meeting's ``y`` in pixels (meetings too close in time to be told apart
    are set one above the other), and for undated meetings ``undated_x``, in pixels of the
    undated panel."""
    check_language(language)
    focus = _check_focus(tables, focus)
    meetings = tables.meetings
    if focus is not None:
        meetings = meetings.filter(pl.col("participants").list.eval(pl.element().is_in(focus)).list.any())
    if meetings.height == 0:
        return pl.DataFrame(schema=TIMELINE_COLUMNS)
    t = TEXT[language]
    labels = entity_labels(tables, language)
    status_labels = {s: bidi(t[f"{s}_status"]) for s in STATUSES}
    names = (
        meetings.select("meeting_id", "participants").explode("participants")
        .with_columns(pl.int_range(pl.len()).over("meeting_id").alias("position"))
        .join(labels.rename({"entity_id": "participants"}), on="participants", how="left")
        .sort("meeting_id", "position")
        .group_by("meeting_id", maintain_order=True)
        .agg(pl.coalesce("label", "participants").drop_nulls().str.join(" – " if language == "en" else "، ").alias("participant_names"))
    )
    frame = (
        meetings.select("meeting_id", "date", "place_id", "status", "n_docs", "uncertain", "merge_basis", "participants")
        .join(meeting_labels(tables, language), on="meeting_id", how="left")
        .join(labels.rename({"entity_id": "place_id", "label": "place"}), on="place_id", how="left")
        .join(names, on="meeting_id", how="left")
        .with_columns(
            pl.when(pl.col("place_id").is_null()).then(pl.lit(bidi(t["no_place"]))).otherwise(pl.coalesce("place", "place_id")).alias("place"),
            pl.col("status").replace_strict(status_labels, default=pl.col("status"), return_dtype=pl.String).alias("status_label"),
            pl.col("uncertain").fill_null(False),
        )
    )
    rows = (
        frame.group_by("place_id", "place")
        .agg(pl.col("date").min().alias("first"), pl.len().alias("n"))
        .sort([pl.col("place_id").is_null(), pl.col("first").is_null(), "first", "n", "place"], descending=[False, False, False, True, False], nulls_last=True)
        .with_row_index("row")
        .with_columns(pl.col("row").cast(pl.Int64))
    )
    frame = (
        frame.join(rows.select("place_id", "row"), on="place_id", how="left", nulls_equal=True)
        .sort("row", "date", "n_docs", "meeting_id", descending=[False, False, True, False], nulls_last=True)
        .with_columns(pl.int_range(pl.len()).over("row", pl.col("date").is_null()).alias("index"))
    )
    # lanes: a meeting closer in time than the sum of the radii to the last one of a lane goes
    # to the next lane (0, above, below, further above...)
    dated = frame.filter(pl.col("date").is_not_null())
    lanes = {}
    if dated.height:
        start, end = _time_domain(dated["date"].min(), dated["date"].max())
        scale = _dated_width(dated.height < frame.height) / max((end - start).days, 1)
        largest = int(frame["n_docs"].max() or 1)
        ends: dict[int, list[tuple[float, float]]] = {}
        for meeting, row, date, n_docs in dated.select("meeting_id", "row", "date", "n_docs").iter_rows():
            x, r = (date - start).days * scale, _dot_radius(n_docs or 1, largest)
            row_lanes = ends.setdefault(row, [])
            lane = next((i for i, (x0, r0) in enumerate(row_lanes) if x - x0 >= r + r0 - 2), len(row_lanes))
            if lane == len(row_lanes):
                row_lanes.append((x, r))
            else:
                row_lanes[lane] = (x, r)
            lanes[meeting] = lane
    frame = frame.with_columns(
        pl.col("meeting_id").replace_strict(lanes, default=None, return_dtype=pl.Int64).alias("lane"),
    ).with_columns(
        # lane 0 in the middle, then one above, one below...
        (((pl.col("lane") + 1) // 2) * pl.when(pl.col("lane") % 2 == 1).then(-1).otherwise(1) * LANE).alias("offset")
    )
    columns = _undated_columns(dated.height > 0)
    geometry = _row_geometry(
        columns,
        frame.group_by("row").agg(
            pl.col("date").is_null().sum().alias("n_undated"), pl.col("offset").abs().max().fill_null(0).alias("spread")
        ).sort("row")
    )
    frame = frame.join(geometry.select("row", "top", "height", "n_undated"), on="row", how="left")
    undated_lines = ((pl.col("n_undated") + columns - 1) // columns).clip(1, None)
    frame = frame.with_columns(
        pl.col("top").alias("row_top"),
        pl.col("height").alias("row_height"),
        pl.when(pl.col("date").is_not_null())
        .then(pl.col("top") + pl.col("height") / 2 + pl.col("offset"))
        .otherwise(
            pl.col("top") + (pl.col("height") - undated_lines * UNDATED_STEP) / 2
            + (pl.col("index") // columns) * UNDATED_STEP + UNDATED_STEP / 2
        )
        .cast(pl.Float64)
        .round(1)
        .alias("y"),
        pl.when(pl.col("date").is_null())
        .then((pl.col("index") % columns) * UNDATED_STEP + UNDATED_STEP / 2 + 4)
        .cast(pl.Float64)
        .alias("undated_x"),
    )
    return _conform(frame.sort("row", "date", "meeting_id", nulls_last=True), TIMELINE_COLUMNS)


def _row_geometry(columns: int, rows: pl.DataFrame) -> pl.DataFrame:
    """``rows`` (row, n_undated, spread: the largest lane offset of its dated meetings) with each
    row's height and top in pixels: ``ROW`` high, or as high as its undated lines (of ``columns``
    meetings) or its lanes need."""
    lines = ((pl.col("n_undated") + columns - 1) // columns).clip(1, None)
    rows = rows.with_columns(
        pl.max_horizontal(pl.lit(ROW), lines * UNDATED_STEP + 6, 2 * pl.col("spread") + ROW).cast(pl.Float64).alias("height")
    )
    return rows.with_columns((pl.col("height").cum_sum() - pl.col("height")).alias("top"))


def _time_ticks(start, end, width: float, language: str) -> tuple[list[str], list[str]]:
    """Tick dates (ISO) between ``start`` and ``end`` and their labels in ``language``: the
    finest of days, weeks, months, quarters, half-years or years whose labels fit ``width``."""
    import datetime as dt

    months = MONTHS[language]
    room = 78 if language == "ar" else 66  # px per label

    def month_starts(step: int) -> list:
        out, year, month = [], start.year, start.month
        while dt.date(year, month, 1) <= end:
            day = dt.date(year, month, 1)
            if day >= start and (month - 1) % step == 0:
                out.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    span = (end - start).days
    for days in (1, 2, 7, 14):
        first = start + dt.timedelta(days=(7 - start.weekday()) % 7) if days >= 7 else start
        ticks = [first + dt.timedelta(days=i) for i in range(0, span + 1, days) if first + dt.timedelta(days=i) <= end]
        if ticks and len(ticks) * room <= width:
            text = [f"{d.day} {months[d.month - 1]}" + (f" {d.year}" if i == 0 or (d.month, d.day) == (1, 1) else "") for i, d in enumerate(ticks)]
            return [d.isoformat() for d in ticks], [bidi(x) for x in text]
    for step in (1, 2, 3, 6, 12):
        ticks = month_starts(step)
        if len(ticks) * room <= width or step == 12:
            text = [f"{months[d.month - 1]} {d.year}" if i == 0 or d.month <= step else months[d.month - 1] for i, d in enumerate(ticks)]
            return [d.isoformat() for d in ticks], [bidi(x) for x in text]
    return [], []


def timeline(tables, *, language: str = "en", focus=None) -> Figure:
    """Figure "meetings-timeline": meetings by date (x) and place (rows), coloured by status,
    sized by the articles that reported them, a hollow diamond when the merge of reports is
    uncertain; undated meetings in a panel of their own beside the dated ones (see
    ``timeline_data``)."""
    check_language(language)
    title = translate(TEXT, "timeline_title", language)
    data = timeline_data(tables, language=language, focus=focus)
    if data.height == 0:
        return _empty_figure("meetings-timeline", title, data, language)
    focus = _check_focus(tables, focus)
    t = TEXT[language]
    arabic = language == "ar"
    rows = data.group_by("row", "place", "row_top", "row_height").len().sort("row").with_columns(
        (pl.col("row_top") + pl.col("row_height")).alias("row_bottom"), (pl.col("row_top") + pl.col("row_height") / 2).alias("centre")
    )
    height = float(rows["row_bottom"].max())
    dated = data.filter(pl.col("date").is_not_null())
    n_undated = data.height - dated.height

    # subtitle: n, statuses, articles, undated
    docs = tables.meetings.filter(pl.col("meeting_id").is_in(data["meeting_id"].implode()))["doc_ids"].explode().drop_nulls().n_unique()
    separator = "، " if arabic else ", "
    statuses = separator.join(
        f"{t[f'{s}_status']} {n}" if arabic else f"{n} {t[f'{s}_status']}"
        for s in STATUSES if (n := int((data["status"] == s).sum()))
    )
    line = t["timeline_n"].format(meetings=data.height, statuses=statuses, docs=docs)
    if n_undated and dated.height:
        line += ("؛ " if arabic else "; ") + t["timeline_undated_ar_side" if arabic else "timeline_undated"].format(undated=n_undated)
    elif n_undated:
        line += "؛ كلها بلا تاريخ" if arabic else "; all undated"
    subtitle = []
    if focus:
        subtitle.append(_text("network_focus", language, names=_names(focus, _labels(tables, language), language)))
    subtitle.append(bidi(line))
    note = t["timeline_note"].format(meetings=data.height, undated=n_undated)

    largest = max(int(data["n_docs"].max() or 1), DOT_DOCS)
    status_domain = [bidi(t[f"{s}_status"]) for s in STATUSES]
    status_scale = alt.Scale(domain=status_domain, range=list(STATUS_COLORS.values()))
    merge_domain = [bidi(t["certain"]), bidi(t["uncertain"])]
    values = _chart_values(
        data.with_columns(
            date_text("date", language).fill_null(bidi(t["no_date"])).alias("date_text"),
            pl.when(pl.col("uncertain")).then(pl.lit(merge_domain[1])).otherwise(pl.lit(merge_domain[0])).alias("merge"),
        )
    )
    y_scale = alt.Scale(domain=[0, height], reverse=True, nice=False, zero=False)
    centres = rows["centre"].to_list()
    y_axis = alt.Axis(
        values=centres, labelExpr=f"{json.dumps(rows['place'].to_list(), ensure_ascii=False)}[indexof({json.dumps(centres)}, datum.value)]",
        orient="right" if arabic else "left", title=None, grid=False, domain=False, ticks=False, labelPadding=6, labelLimit=PLACE_LABELS - 10,
    )
    tooltip = [
        alt.Tooltip("label:N", title=t["meeting"]),
        alt.Tooltip("participant_names:N", title=t["participants"]),
        alt.Tooltip("date_text:N", title=t["date"]),
        alt.Tooltip("place:N", title=t["place"]),
        alt.Tooltip("status_label:N", title=t["status"]),
        alt.Tooltip("n_docs:Q", title=t["n_docs"], format="d"),
        alt.Tooltip("merge_basis:N", title=t["merge_basis"]),
    ]
    top_docs = int(data["n_docs"].max() or 1)
    legend = dict(orient="bottom", direction="vertical")
    encoding = dict(
        color=alt.Color("status_label:N", scale=status_scale, legend=alt.Legend(title=t["status"], **legend)),
        stroke=alt.Stroke("status_label:N", scale=status_scale, legend=None),
        size=alt.Size(
            "n_docs:Q", scale=alt.Scale(domain=[1, largest], range=list(DOT_AREA)),
            legend=alt.Legend(title=t["n_docs"], values=sorted({1, max(1, round(top_docs / 2)), top_docs}), format="d", symbolFillColor="#9A9A9A", symbolStrokeColor="#9A9A9A", **legend),
        ),
        shape=alt.Shape("merge:N", scale=alt.Scale(domain=merge_domain, range=["circle", "diamond"]), legend=alt.Legend(title=t["merge"], symbolFillColor="white", **legend)),
        fillOpacity=alt.condition(alt.datum.uncertain, alt.value(0.0), alt.value(0.9)),
        tooltip=tooltip,
    )
    band_values = rows.filter(pl.col("row") % 2 == 0).select("row_top", "row_bottom").to_dicts()
    bands = alt.Chart(alt.Data(values=band_values)).mark_rect(color="#F4F4F4")
    panels = []
    if dated.height:
        start, end = _time_domain(dated["date"].min(), dated["date"].max())
        width = _dated_width(n_undated > 0)
        ticks, tick_labels = _time_ticks(start, end, width, language)
        x = alt.X(
            "date:T", title=t["date"], scale=alt.Scale(type="utc", domain=[start.isoformat(), end.isoformat()], reverse=arabic, nice=False),
            axis=alt.Axis(
                values=ticks, labelAngle=0, labelOverlap=False, grid=True, gridColor="#E2E2E2",
                labelExpr=f"{json.dumps(tick_labels, ensure_ascii=False)}[indexof({json.dumps(ticks)}, utcFormat(datum.value, '%Y-%m-%d'))]",
            ),
        )
        band_layer = bands.encode(y=alt.Y("row_top:Q", scale=y_scale, axis=y_axis), y2="row_bottom:Q", x=alt.value(0), x2=alt.value("width"))
        points = (
            alt.Chart(alt.Data(values=[v for v in values if v["date"] is not None]))
            .mark_point(filled=True, opacity=1, strokeWidth=1.5)
            .encode(x=x, y=alt.Y("y:Q", scale=y_scale, axis=y_axis), **encoding)
        )
        panels.append(alt.layer(band_layer, points).properties(width=width, height=height))
    if n_undated:
        y = alt.Y("y:Q", scale=y_scale, axis=None if dated.height else y_axis)
        band_layer = bands.encode(y=alt.Y("row_top:Q", scale=y_scale, axis=None if dated.height else y_axis), y2="row_bottom:Q", x=alt.value(0), x2=alt.value("width"))
        points = (
            alt.Chart(alt.Data(values=[v for v in values if v["date"] is None]))
            .mark_point(filled=True, opacity=1, strokeWidth=1.5)
            .encode(
                x=alt.X(
                    "undated_x:Q", scale=alt.Scale(domain=[0, _undated_width(dated.height > 0)], reverse=arabic, nice=False, zero=False),
                    axis=alt.Axis(title=t["undated"], labels=False, ticks=False, domain=False, grid=False),
                ),
                y=y, **encoding,
            )
        )
        panels.append(alt.layer(band_layer, points).properties(width=_undated_width(dated.height > 0), height=height))
    if arabic:
        panels.reverse()
    chart = alt.hconcat(*panels, spacing=12).resolve_scale(y="shared") if len(panels) > 1 else panels[0]
    chart = chart.properties(title=alt.TitleParams(title, subtitle=subtitle))
    return Figure(name="meetings-timeline", title=title, chart=chart, data=data, note=note, language=language)


# --- the list of meetings with their evidence -------------------------------------------------------

LIST_HEADERS = {
    "en": {
        "meeting": "Meeting", "status": "Status", "date": "Date", "place": "Place", "host": "Host", "mode": "Mode",
        "duration": "Duration (h)", "n_docs": "Articles", "merge": "Merge", "evidence": "Evidence",
        "unresolved": "not resolved: \u2068{}\u2069",
    },
    "ar": {
        "meeting": "الاجتماع", "status": "الحالة", "date": "التاريخ", "place": "المكان", "host": "المضيف", "mode": "الشكل",
        "duration": "المدة (ساعات)", "n_docs": "المقالات", "merge": "الدمج", "evidence": "الشاهد",
        "unresolved": "\u2068{}\u2069 (بلا تاريخ محدد)",
    },
}
MODES = {
    "en": {"in_person": "in person", "phone": "phone", "video": "video"},
    "ar": {"in_person": "حضوري", "phone": "هاتفي", "video": "عبر الفيديو"},
}


# the words of ``meetings.merge_basis`` (analysis/meetings/merge.py), in Arabic
MERGE_WORDS_AR = [
    ("date and publication date", "التاريخ وتاريخ النشر"), ("publication dates", "تواريخ النشر"), ("one article", "مقال واحد"),
    ("same article", "المقال نفسه"), ("same date", "التاريخ نفسه"), ("undated: same", "بلا تاريخ: نفس"), ("weekday", "يوم الأسبوع"),
    ("duration", "المدة"), ("place", "المكان"), (" and ", " و"), ("; ", "؛ "),
]


def _merge_texts(values: pl.Series, language: str) -> dict[str, str]:
    """{merge_basis: its text in ``language``} for the distinct values of ``values``."""
    texts = {}
    for value in values.drop_nulls().unique().to_list():
        text = value
        if language == "ar":
            for english, arabic in MERGE_WORDS_AR:
                text = text.replace(english, arabic)
        texts[value] = text
    return texts


def meeting_list(tables, *, language: str = "en", focus=None, evidence_chars: int = 280) -> pl.DataFrame:
    """Every meeting (of the ``focus`` actors when given) as one readable row, for a report table.

    Columns, headed in ``language``: meeting (participants), status, date (the resolved date, else
    the words of the text marked as no calendar date, else "undated"), place, host, mode, duration in hours, the number of
    articles that reported it, how the reports were merged ("uncertain" when the merge rests on no
    date) and the first evidence sentence, cut to ``evidence_chars``. Dated meetings first by date,
    then undated ones, each by number of articles (most first).
    """
    check_language(language)
    focus = _check_focus(tables, focus)
    t, h = TEXT[language], LIST_HEADERS[language]
    meetings = tables.meetings
    if focus is not None:
        meetings = meetings.filter(pl.col("participants").list.eval(pl.element().is_in(focus)).list.any())
    labels = entity_labels(tables, language)
    status_labels = {s: t[f"{s}_status"] for s in STATUSES}
    frame = (
        meetings.join(meeting_labels(tables, language, max_names=6), on="meeting_id", how="left")
        .join(labels.rename({"entity_id": "place_id", "label": "place_label"}), on="place_id", how="left")
        .join(labels.rename({"entity_id": "host", "label": "host_label"}), on="host", how="left")
        .sort([pl.col("date").is_null(), "date", "n_docs", "meeting_id"], descending=[False, False, True, False], nulls_last=True)
    )
    evidence = pl.col("evidence").list.first().fill_null("")
    return frame.select(
        pl.col("label").alias(h["meeting"]),
        pl.col("status").replace_strict(status_labels, default=pl.col("status"), return_dtype=pl.String).alias(h["status"]),
        pl.coalesce(date_text("date", language), pl.format(h["unresolved"], "date_text"), pl.lit(t["undated"])).alias(h["date"]),
        pl.coalesce("place_label", "place_id", pl.lit(t["no_place"])).alias(h["place"]),
        pl.coalesce("host_label", "host").alias(h["host"]),
        pl.col("mode").replace_strict(MODES[language], default=pl.col("mode"), return_dtype=pl.String).alias(h["mode"]),
        (pl.col("duration_minutes") / 60).round(1).alias(h["duration"]),
        pl.col("n_docs").alias(h["n_docs"]),
        pl.when(pl.col("uncertain")).then(pl.lit(t["uncertain"])).otherwise(
            pl.col("merge_basis").replace_strict(_merge_texts(frame["merge_basis"], language), default=pl.col("merge_basis"), return_dtype=pl.String)
        ).alias(h["merge"]),
        pl.when(evidence.str.len_chars() > evidence_chars)
        .then(evidence.str.slice(0, evidence_chars) + "…")
        .otherwise(evidence)
        .alias(h["evidence"]),
    )
