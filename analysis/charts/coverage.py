"""Coverage charts: how often each actor, place and meeting is covered, by outlet, over time, on a map.

Each chart is a function of the tables returning a ``Figure``; the numbers behind it come from a
public ``*_data`` function (a tidy Polars DataFrame) built on ``analysis.coverage``:

* ``top_entities``  ("coverage-top-<kind>s"): the most covered people, organizations, places or
  meetings by number of articles, with their share of all articles;
* ``by_outlet``     ("coverage-<kind>s-by-outlet"): entity x outlet, the share of the outlet's
  articles that mention the entity (attention share), with the article counts in the cells;
* ``over_time``     ("coverage-<kind>s-over-time"): articles per day, week or month for the most
  covered entities, one row each, undated articles in their own panel;
* ``volume``        ("coverage-volume"): articles per outlet per period;
* ``places_map``    ("coverage-map"): countries shaded by the articles that mention them or a place
  in them, cities and regions as circles (Natural Earth 1:110m, shipped in ``resources/world_map``).

An article without a date is counted in the period "undated", one without an outlet under
"unknown outlet" (as ``analysis.coverage`` does); every figure says its n and what it leaves out.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import altair as alt
import numpy as np
import polars as pl

from ..coverage import UNDATED, UNKNOWN_OUTLET, article_groups, coverage, top
from .export import Figure
from .fonts import font_path
from .theme import MUTED_COLOR, PDI, RLI, STATUS_COLORS, TEXT_COLOR, actor_sides, bidi, bidi_expr, check_language, entity_labels, rtl_axis, side_label

__all__ = [
    "KINDS", "TEXT", "MAP_PATH",
    "top_entities", "top_entities_data", "meeting_labels",
    "by_outlet", "by_outlet_data",
    "over_time", "over_time_data", "volume", "volume_data", "auto_period",
    "places_map", "places_map_data",
]

KINDS = ("person", "organization", "place", "meeting")
PERIODS = ("auto", "day", "week", "month")
MAP_PATH = Path(__file__).resolve().parent.parent / "resources" / "world_map" / "ne_110m_admin_0_countries_ar.geojson"

TEXT = {
    "en": {
        "kinds": {"person": "people", "organization": "organizations", "place": "places", "meeting": "meetings"},
        "title_top": "Most covered {kinds}",
        "title_outlet": "Coverage of {kinds} by outlet",
        "title_time": "Coverage of the most covered {kinds} over time",
        "title_volume": "Articles per outlet over time",
        "title_map": "Places in the coverage",
        "n_line": "n = {articles} articles, {outlets} outlets",
        "top_cut": "Top {shown} of {total} {kinds} by number of articles",
        "all_shown": "All {total} {kinds}",
        "focus_line": "Outlined in black: {names}",
        "articles": "Articles",
        "articles_axis": "Number of articles",
        "share_all": "Share of all articles",
        "share_outlet": "Share of the outlet's articles",
        "mentions": "Mentions",
        "rank": "Rank",
        "outlet": "Outlet",
        "outlet_articles": "Articles of the outlet",
        "entity": "Name",
        "period": "Period",
        "period_start": "From",
        "period_articles": "Articles in the period",
        "undated": "Undated",
        "unknown_outlet": "unknown outlet",
        "side": "Side",
        "status": "Status",
        "kind": "Kind",
        "no_entities": "No {kinds} in this selection",
        "no_articles": "No articles in this selection",
        "no_places": "No places in this selection",
        "per_period": "Articles per {period}, {span}",
        "period_names": {"day": "day", "week": "week (from Monday)", "month": "month"},
        "undated_line": "{n} of {total} articles have no date: counted in the panel \"Undated\"",
        "no_dates": "No article has a publication date: all {n} are counted as undated",
        "outlet_cells": "Colour: share of the outlet's articles that mention each name; number: articles",
        "top_note": "{first} is the most covered of {total} {kinds}: {n} of {articles} articles ({share}).",
        "outlet_note": "Attention share: the share of an outlet's articles that mention each of the {shown} most covered {kinds} ({outlets} outlets, {articles} articles).",
        "time_note": "Articles per {period} for the {shown} most covered {kinds} ({articles} articles).",
        "volume_note": "Articles per {period} and outlet ({articles} articles, {outlets} outlets).",
        "undated_note": "{n} of {total} articles have no date and are counted apart.",
        "map_countries": "Countries (articles naming the country or a place in it)",
        "map_places": "Cities and regions (articles)",
        "map_named": "Articles naming the country itself",
        "map_line": "Countries shaded by the articles that name them or a place in them; circles: cities and regions",
        "map_dots": "Countries too small for the map drawn as squares: {names}",
        "map_unmapped": "Not on the map: {names}",
        "map_no_coords": "{n} places without coordinates are not drawn",
        "map_note": "{countries} countries and {places} cities and regions are mentioned in {articles} articles; {top} leads with {n} articles.",
        "country": "Country",
        "place_kinds": {"country": "country", "region": "region", "city": "city", "area": "area", "water": "water",
                        "continent": "continent", "world_region": "world region"},
        "statuses": {"held": "held", "planned": "planned", "postponed": "postponed", "cancelled": "cancelled", "denied": "denied"},
        "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "list_sep": ", ",
    },
    "ar": {
        "kinds": {"person": "الأشخاص", "organization": "المنظمات", "place": "الأماكن", "meeting": "اللقاءات"},
        "title_top": "{kinds} الأكثر تغطية",
        "title_outlet": "تغطية {kinds} حسب الوسيلة الإعلامية",
        "title_time": "تغطية أبرز {kinds} عبر الزمن",
        "title_volume": "عدد المقالات لكل وسيلة إعلامية عبر الزمن",
        "title_map": "الأماكن في التغطية",
        "n_line": "عدد المقالات: {articles}، عدد الوسائل الإعلامية: {outlets}",
        "top_cut": "أعلى {shown} من أصل {total} حسب عدد المقالات",
        "all_shown": "الكل ({total})",
        "focus_line": "بإطار أسود: {names}",
        "articles": "المقالات",
        "articles_axis": "عدد المقالات",
        "share_all": "النسبة من كل المقالات",
        "share_outlet": "النسبة من مقالات الوسيلة",
        "mentions": "عدد الإشارات",
        "rank": "الترتيب",
        "outlet": "الوسيلة الإعلامية",
        "outlet_articles": "مقالات الوسيلة",
        "entity": "الاسم",
        "period": "الفترة",
        "period_start": "من",
        "period_articles": "مقالات الفترة",
        "undated": "بلا تاريخ",
        "unknown_outlet": "وسيلة غير معروفة",
        "side": "الجهة",
        "status": "الحالة",
        "kind": "النوع",
        "no_entities": "لا توجد {kinds} في هذا الاختيار",
        "no_articles": "لا توجد مقالات في هذا الاختيار",
        "no_places": "لا توجد أماكن في هذا الاختيار",
        "per_period": "عدد المقالات لكل {period}، {span}",
        "period_names": {"day": "يوم", "week": "أسبوع (يبدأ الاثنين)", "month": "شهر"},
        "undated_line": "{n} من أصل {total} من المقالات بلا تاريخ: محسوبة في خانة «بلا تاريخ»",
        "no_dates": "لا تاريخ نشر لأي مقالة: المقالات كلها ({n}) محسوبة بلا تاريخ",
        "outlet_cells": "اللون: نسبة مقالات الوسيلة التي تذكر الاسم؛ الرقم: عدد المقالات",
        "top_note": "{first} الأكثر تغطية بين {total} من {kinds}: يُذكر في {n} من أصل {articles} من المقالات ({share}).",
        "outlet_note": "نسبة الاهتمام: نسبة مقالات كل وسيلة التي تذكر كلاً من أبرز {shown} من {kinds} (عدد الوسائل الإعلامية: {outlets}، عدد المقالات: {articles}).",
        "time_note": "عدد المقالات لكل {period} لأبرز {shown} من {kinds} (عدد المقالات: {articles}).",
        "volume_note": "عدد المقالات لكل {period} ولكل وسيلة (عدد المقالات: {articles}، عدد الوسائل الإعلامية: {outlets}).",
        "undated_note": "{n} من أصل {total} من المقالات بلا تاريخ ومحسوبة على حدة.",
        "map_countries": "الدول (المقالات التي تذكر الدولة أو مكاناً فيها)",
        "map_places": "المدن والمناطق (عدد المقالات)",
        "map_named": "المقالات التي تذكر الدولة نفسها",
        "map_line": "تلوين الدول حسب عدد المقالات التي تذكرها أو تذكر مكاناً فيها؛ الدوائر: المدن والمناطق",
        "map_dots": "دول أصغر من أن تظهر على الخريطة مرسومة كمربعات: {names}",
        "map_unmapped": "خارج الخريطة: {names}",
        "map_no_coords": "أماكن بلا إحداثيات غير مرسومة: {n}",
        "map_note": "عدد الدول المذكورة: {countries}، وعدد المدن والمناطق: {places} (عدد المقالات: {articles})؛ وتتصدر {top} (عدد المقالات: {n}).",
        "country": "الدولة",
        "place_kinds": {"country": "دولة", "region": "إقليم", "city": "مدينة", "area": "منطقة", "water": "مسطح مائي",
                        "continent": "قارة", "world_region": "منطقة من العالم"},
        "statuses": {"held": "عُقد", "planned": "مقرر", "postponed": "مؤجل", "cancelled": "ملغى", "denied": "نُفي"},
        "months": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
        "list_sep": "، ",
    },
}

BAR_COLOR = "#4E79A7"
PLACE_KIND_COLORS = {
    "country": "#4E79A7", "region": "#59A14F", "city": "#F28E2B", "area": "#9C755F", "water": "#76B7B2",
    "continent": "#B07AA1", "world_region": "#B07AA1",
}
MEETING_STATUS_COLORS = {**STATUS_COLORS, "denied": "#79706E"}
ROW_PX = 22  # height of one bar row
CHART_WIDTH = 656  # the widest a chart may be: with its padding, 680 px fit an A4 page


def _t(language: str, key: str, **values) -> str:
    """The string ``key`` of ``TEXT`` in ``language``, formatted and bidi-wrapped (in Arabic the
    whole sentence is one right-to-left run: the names put in it are unwrapped first)."""
    if check_language(language) == "ar":
        values = {k: v.replace(RLI, "").replace(PDI, "") if isinstance(v, str) else v for k, v in values.items()}
    return bidi(TEXT[language][key].format(**values))


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    return kind


def _focus_ids(focus) -> list[str]:
    if focus is None:
        return []
    return sorted({focus} if isinstance(focus, str) else set(focus))


def _unwrap(expr: pl.Expr) -> pl.Expr:
    return expr.str.replace_all(f"[{RLI}{PDI}]", "")


def _with_count(label: pl.Expr, count: pl.Expr, language: str) -> pl.Expr:
    """"name (12)"; in Arabic the whole label is one right-to-left run, so the count sits on the left."""
    if language == "ar":
        return bidi_expr(pl.format("{} ({})", _unwrap(label), count))
    return pl.format("{} ({})", label, count)


def _percent(share: pl.Expr) -> pl.Expr:
    rounded = (share * 100).round(0).cast(pl.Int64)
    return pl.when(share.is_null()).then(pl.lit("")).when((share > 0) & (share < 0.005)).then(pl.lit("<1%")).otherwise(pl.format("{}%", rounded))


def _corpus(tables) -> dict:
    groups = article_groups(tables, "day")
    return {
        "articles": groups.height,
        "outlets": groups["outlet"].n_unique(),
        "undated": groups.filter(pl.col("period") == UNDATED).height,
    }


def _n_line(tables, language: str) -> str:
    counts = _corpus(tables)
    return _t(language, "n_line", articles=counts["articles"], outlets=counts["outlets"])


def _title(text: str, subtitle: list[str]) -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=[line for line in subtitle if line])


def _message(name: str, title: str, message: str, data: pl.DataFrame, language: str, subtitle: list[str] | None = None) -> Figure:
    """A figure that says there is nothing to draw, with the empty data behind it."""
    chart = alt.Chart(alt.Data(values=[{"message": message}])).mark_text(fontSize=14, color=MUTED_COLOR).encode(
        text="message:N"
    ).properties(width=480, height=80, title=_title(bidi(title), subtitle or []))
    return Figure(name, title, chart, data, message, language)


# --- labels and colour groups ------------------------------------------------------------


def meeting_labels(tables, language: str = "en") -> pl.DataFrame:
    """(entity_id, label) of every meeting: "participant, participant +n · place · date".

    At most three participants are named (two and "+n" when there are more); the place and the
    date are left out when unknown. Two meetings with the same label get their id appended.
    """
    check_language(language)
    names = entity_labels(tables, language)
    if language == "ar":  # the whole label becomes one right-to-left run below
        names = names.with_columns(_unwrap(pl.col("label")).alias("label"))
    sep = TEXT[language]["list_sep"]
    meetings = tables.meetings.select("meeting_id", "participants", "place_id", "date")
    people = (
        meetings.select("meeting_id", "participants").explode("participants")
        .with_columns(pl.int_range(pl.len()).over("meeting_id").alias("position"))
        .join(names, left_on="participants", right_on="entity_id", how="left")
        .group_by("meeting_id").agg(
            pl.col("participants").count().alias("n"),
            pl.coalesce("label", "participants").sort_by("position").head(3).alias("first"),
        )
    )
    who = (
        pl.when(pl.col("n") == 0).then(None)
        .when(pl.col("n") <= 3).then(pl.col("first").list.join(sep))
        .otherwise(pl.format("{} +{}", pl.col("first").list.head(2).list.join(sep), pl.col("n") - 2))
    )
    date = _date_text(pl.col("date"), language)
    labelled = meetings.join(people, on="meeting_id", how="left").join(
        names.rename({"entity_id": "place_id", "label": "place"}), on="place_id", how="left"
    ).with_columns(
        pl.concat_str([who, pl.col("place"), date], separator=MEETING_SEP, ignore_nulls=True).replace("", None).alias("label")
    ).with_columns(pl.coalesce("label", "meeting_id").alias("label"))
    labelled = labelled.with_columns(
        pl.when(pl.len().over("label") > 1).then(pl.format("{} ({})", "label", "meeting_id")).otherwise(pl.col("label")).alias("label")
    )
    label = bidi_expr("label") if language == "ar" else pl.col("label")
    return labelled.select(pl.col("meeting_id").alias("entity_id"), label.alias("label")).sort("entity_id")


def _date_text(date: pl.Expr, language: str) -> pl.Expr:
    """"22 May 2018" / "22 مايو 2018": a date no reader can take for another."""
    from .meetings import date_text

    return date_text(date, language)


def _labels(tables, kind: str, language: str) -> pl.DataFrame:
    return meeting_labels(tables, language) if kind == "meeting" else entity_labels(tables, language)


def _groups(tables, kind: str, language: str, codebook=None) -> tuple[pl.DataFrame, dict[str, str], str]:
    """(entity_id, group) for colouring, the colour of each group label, and the legend title:
    actors by side, meetings by status, places by kind."""
    if kind in ("person", "organization"):
        from .theme import SIDES

        sides = actor_sides(tables, codebook)
        labels = {side: side_label(side, language) for side in SIDES}
        groups = sides.select(pl.col("actor_id").alias("entity_id"), pl.col("side").replace_strict(labels, default=labels["other"]).alias("group"))
        colours = {labels[side]: colour for side, (colour, _, _) in SIDES.items()}
        return groups, colours, _t(language, "side")
    if kind == "meeting":
        names = {status: bidi(TEXT[language]["statuses"][status]) for status in MEETING_STATUS_COLORS}
        groups = tables.meetings.select(pl.col("meeting_id").alias("entity_id"), pl.col("status").replace_strict(names, default=None).fill_null(pl.col("status")).alias("group"))
        colours = {names[s]: c for s, c in MEETING_STATUS_COLORS.items()}
        return groups, colours, _t(language, "status")
    names = {k: bidi(TEXT[language]["place_kinds"][k]) for k in PLACE_KIND_COLORS}
    groups = tables.places.select(pl.col("place_id").alias("entity_id"), pl.col("kind").replace_strict(names, default=None).fill_null(pl.col("kind")).alias("group"))
    colours = {names[k]: c for k, c in PLACE_KIND_COLORS.items()}
    return groups, colours, _t(language, "kind")


def _colour_scale(present: list[str], colours: dict[str, str]) -> alt.Scale:
    """A fixed colour per group, the legend listing only the groups present (in the fixed order)."""
    domain = [g for g in colours if g in present] + sorted(g for g in set(present) if g not in colours)
    return alt.Scale(domain=domain, range=[colours.get(g, "#BAB0AC") for g in domain])


# --- 1. the most covered entities ---------------------------------------------------------------


def top_entities_data(tables, *, kind: str = "person", language: str = "en", top_n: int = 15, focus=None, codebook=None) -> pl.DataFrame:
    """The ``top_n`` most covered entities of ``kind`` by number of articles, plus the ``focus`` ids.

    Columns: rank (1 = most covered; null for a focus id never mentioned), entity_id, label, group
    (side, status or place kind, in ``language``), n_articles, n_mentions, share (n_articles over
    all articles), total_articles, focus, value_label ("12 · 8%"). Sorted by n_articles
    descending, then entity_id (ties as ``analysis.coverage.top`` breaks them).
    """
    check_language(language)
    _check_kind(kind)
    focus_ids = _focus_ids(focus)
    total = tables.documents.height
    table = coverage(tables, kind, by=(), period="all")
    ranked = table.sort(["n_articles", "entity_id"], descending=[True, False]).with_row_index("rank", offset=1).with_columns(pl.col("rank").cast(pl.Int64))
    chosen = pl.concat([top(table, top_n).select("entity_id"), pl.DataFrame({"entity_id": focus_ids}, schema={"entity_id": pl.String})]).unique()
    rows = chosen.join(ranked.select("entity_id", "rank", "n_articles", "n_mentions"), on="entity_id", how="left").with_columns(
        pl.col("n_articles").fill_null(0), pl.col("n_mentions").fill_null(0)
    )
    groups, _, _ = _groups(tables, kind, language, codebook)
    rows = rows.join(_labels(tables, kind, language), on="entity_id", how="left").join(groups, on="entity_id", how="left").with_columns(
        pl.coalesce("label", "entity_id").alias("label"),
        pl.col("group").fill_null(pl.lit(bidi(TEXT[language]["kinds"][kind]))),
        (pl.col("n_articles") / pl.lit(total) if total else pl.lit(None, pl.Float64)).alias("share"),
        pl.lit(total, pl.Int64).alias("total_articles"),
        pl.col("entity_id").is_in(pl.lit(focus_ids, pl.List(pl.String)).explode()).alias("focus"),
    ).with_columns(
        # read from the right in Arabic: the count first
        (pl.format("{} · {}", _percent(pl.col("share")), "n_articles") if language == "ar" else pl.format("{} · {}", "n_articles", _percent(pl.col("share")))).alias("value_label")
    )
    return rows.select("rank", "entity_id", "label", "group", "n_articles", "n_mentions", "share", "total_articles", "focus", "value_label").sort(
        ["n_articles", "entity_id"], descending=[True, False]
    )


MEETING_SEP = " · "


def _meeting_lines(language: str) -> str:
    """An axis labelExpr that puts a meeting label "who · place · date" on two lines: who, then
    place and date. In Arabic each line is its own right-to-left run (the label's outer isolate
    is dropped, each line wrapped again)."""
    text = "slice(datum.label, 1, -1)" if language == "ar" else "datum.label"
    wrap = (lambda part: f"'{RLI}' + {part} + '{PDI}'") if language == "ar" else (lambda part: part)
    at = f"indexof({text}, '{MEETING_SEP}')"
    return f"{at} < 0 ? datum.label : [{wrap(f'slice({text}, 0, {at})')}, {wrap(f'slice({text}, {at} + {len(MEETING_SEP)})')}]"


def _split_meeting_label(label: str) -> list[str]:
    head, sep, tail = label.partition(MEETING_SEP)
    return [head, tail] if sep else [label]


def _label_px(labels: list[str], size: float = 12) -> int:
    return int(max((_text_width(label, size) for label in labels), default=0)) + 8


def _bold_if(labels: list[str]) -> dict:
    """An axis-label condition: bold for the labels given (the focus entities)."""
    return {"condition": {"test": f"indexof({json.dumps(labels)}, datum.value) >= 0", "value": "bold"}, "value": "normal"}


def top_entities(tables, *, kind: str = "person", language: str = "en", top_n: int = 15, focus=None, codebook=None) -> Figure:
    """Horizontal bars: the most covered people (organizations, places, meetings) by number of
    articles, labelled with the count and the share of all articles; focus entities always shown,
    outlined and in bold. Colour: side (actors), status (meetings), kind (places)."""
    data = top_entities_data(tables, kind=kind, language=language, top_n=top_n, focus=focus, codebook=codebook)
    kinds = TEXT[language]["kinds"][kind]
    name, title = f"coverage-top-{kind}s", _t(language, "title_top", kinds=kinds)
    n_line = _n_line(tables, language)
    if data.is_empty():
        return _message(name, title, _t(language, "no_entities", kinds=kinds), data, language, [n_line])
    total_entities = coverage(tables, kind, by=(), period="all").height
    covered = data.filter(pl.col("rank").is_not_null()).height
    cut = _t(language, "top_cut", shown=min(top_n, total_entities), total=total_entities, kinds=kinds) if total_entities > top_n else _t(language, "all_shown", total=total_entities, kinds=kinds)
    focus_labels = data.filter("focus")["label"].to_list()
    focus_line = _t(language, "focus_line", names=TEXT[language]["list_sep"].join(focus_labels)) if focus_labels else ""
    _, colours, legend_title = _groups(tables, kind, language, codebook)
    order = data["label"].to_list()
    rtl = rtl_axis(language)
    arabic = language == "ar"
    if kind == "meeting":  # participants on one line, place and date on the next
        lines = [part for label in order for part in _split_meeting_label(label)]
        label_px, row_px, label_expr = min(_label_px(lines), 330), 36, _meeting_lines(language)
    else:
        label_px, row_px, label_expr = min(_label_px(order), 330), ROW_PX, None
    xmax = max(int(data["n_articles"].max() or 0), 1)
    value_px = _label_px(data["value_label"].to_list(), 11)
    width = max(CHART_WIDTH - label_px - 150, 220)
    # room at the end of the longest bar for its label
    domain_max = xmax * width / max(width - value_px - 6, 1)
    base = alt.Chart(alt.Data(values=data.to_dicts()))
    x = alt.X(
        "n_articles:Q", title=_t(language, "articles_axis"),
        axis=alt.Axis(format="d", tickMinStep=1, values=_int_ticks(xmax)),
        scale=alt.Scale(domain=[0, domain_max], nice=False, **rtl["scale"]),
    )
    axis = {"labelExpr": label_expr} if label_expr else {}
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=label_px, labelFontWeight=_bold_if(focus_labels), ticks=False, domain=False, labelPadding=6, **axis, **rtl["axis"]))
    tooltip = [
        alt.Tooltip("label:N", title=_t(language, "entity")),
        alt.Tooltip("n_articles:Q", title=_t(language, "articles"), format="d"),
        alt.Tooltip("share:Q", title=_t(language, "share_all"), format=".1%"),
        alt.Tooltip("n_mentions:Q", title=_t(language, "mentions"), format="d"),
        alt.Tooltip("group:N", title=legend_title),
        alt.Tooltip("rank:Q", title=_t(language, "rank"), format="d"),
    ]
    bars = base.mark_bar(height={"band": 0.72}).encode(
        x=x, y=y,
        color=alt.Color("group:N", scale=_colour_scale(data["group"].unique().to_list(), colours), legend=alt.Legend(title=legend_title)),
        stroke=alt.condition("datum.focus", alt.value(TEXT_COLOR), alt.value(None)),
        strokeWidth=alt.condition("datum.focus", alt.value(2), alt.value(0)),
        tooltip=tooltip,
    )
    values = base.mark_text(align="right" if arabic else "left", dx=-4 if arabic else 4, baseline="middle", fontSize=11, color=TEXT_COLOR).encode(
        x=x, y=y, text="value_label:N", tooltip=tooltip
    )
    subtitle = [n_line, cut, focus_line]
    chart = (bars + values).properties(width=width, height=row_px * len(order), title=_title(title, subtitle))
    first = data.filter(pl.col("rank") == 1)
    note = ""
    if covered and first.height:
        row = first.row(0, named=True)
        note = _t(language, "top_note", first=row["label"], total=total_entities, kinds=kinds, n=row["n_articles"], articles=row["total_articles"], share=f"{row['share']:.0%}")
        note = " ".join(line for line in [note, cut + ".", focus_line] if line)
    return Figure(name, title, chart, data, note, language)


def _int_ticks(maximum: int, count: int = 6) -> list[int]:
    """Whole-number ticks from 0 to about ``maximum`` on a 1-2-5 step."""
    maximum = max(int(maximum), 1)
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000, 100000):
        step = candidate
        if maximum / candidate <= count:
            break
    return list(range(0, maximum + 1, step))


# --- 2. entity x outlet -----------------------------------------------------------------------------


def _outlets(tables, language: str) -> pl.DataFrame:
    """(outlet, outlet_articles, outlet_label, outlet_order): outlets by number of articles,
    "unknown outlet" last, labelled "name (articles)"."""
    unknown = bidi(TEXT[language]["unknown_outlet"])
    outlets = article_groups(tables, "all").group_by("outlet").agg(pl.len().cast(pl.Int64).alias("outlet_articles")).with_columns(
        (pl.col("outlet") == UNKNOWN_OUTLET).alias("_unknown")
    ).sort(["_unknown", "outlet_articles", "outlet"], descending=[False, True, False])
    shown = pl.when(pl.col("outlet") == UNKNOWN_OUTLET).then(pl.lit(unknown)).otherwise(bidi_expr("outlet"))
    return outlets.with_columns(
        _with_count(shown, pl.col("outlet_articles"), language).alias("outlet_label"),
        pl.int_range(pl.len()).cast(pl.Int64).alias("outlet_order"),
    ).drop("_unknown")


def by_outlet_data(tables, *, kind: str = "person", language: str = "en", top_n: int = 12, focus=None, codebook=None) -> pl.DataFrame:
    """For the ``top_n`` most covered entities (and the ``focus`` ids), one row per outlet.

    Columns: entity_id, label, rank, focus, entity_articles (all outlets), outlet, outlet_label
    ("skynews (45)"), outlet_articles, n_articles, n_mentions, share (n_articles over the
    outlet's articles: the attention share; 0 where the outlet never mentions it). Sorted by
    entity (most covered first) and outlet (most articles first, "unknown outlet" last).
    """
    chosen = top_entities_data(tables, kind=kind, language=language, top_n=top_n, focus=focus, codebook=codebook).with_row_index("_entity_order")
    per_outlet = coverage(tables, kind, by=("outlet",), period="all").select("entity_id", "outlet", "n_articles", "n_mentions")
    grid = chosen.select("_entity_order", "entity_id", "label", "rank", "focus", pl.col("n_articles").alias("entity_articles")).join(
        _outlets(tables, language), how="cross"
    ).join(per_outlet, on=["entity_id", "outlet"], how="left").with_columns(
        pl.col("n_articles").fill_null(0), pl.col("n_mentions").fill_null(0)
    ).with_columns((pl.col("n_articles") / pl.col("outlet_articles")).alias("share"))
    return grid.sort("_entity_order", "outlet_order").select(
        "entity_id", "label", "rank", "focus", "entity_articles", "outlet", "outlet_label", "outlet_articles", "n_articles", "n_mentions", "share"
    )


def by_outlet(tables, *, kind: str = "person", language: str = "en", top_n: int = 12, focus=None, codebook=None) -> Figure:
    """Heatmap entity x outlet: colour = the share of the outlet's articles that mention the
    entity, cell text = the number of those articles; outlets labelled with their article totals."""
    data = by_outlet_data(tables, kind=kind, language=language, top_n=top_n, focus=focus, codebook=codebook)
    kinds = TEXT[language]["kinds"][kind]
    name, title = f"coverage-{kind}s-by-outlet", _t(language, "title_outlet", kinds=kinds)
    n_line = _n_line(tables, language)
    if data.is_empty():
        return _message(name, title, _t(language, "no_entities", kinds=kinds), data, language, [n_line])
    arabic = language == "ar"
    rows = data.unique("entity_id", maintain_order=True)
    order = rows["label"].to_list()
    outlet_order = data.unique("outlet", maintain_order=True)["outlet_label"].to_list()
    if arabic:
        outlet_order = outlet_order[::-1]  # the largest outlet on the right, where the reader starts
    total_entities = coverage(tables, kind, by=(), period="all").height
    cut = _t(language, "top_cut", shown=min(top_n, total_entities), total=total_entities, kinds=kinds) if total_entities > top_n else _t(language, "all_shown", total=total_entities, kinds=kinds)
    focus_labels = rows.filter("focus")["label"].to_list()
    focus_line = _t(language, "focus_line", names=TEXT[language]["list_sep"].join(focus_labels)) if focus_labels else ""
    label_px = min(_label_px(order), 300)
    outlet_px = _label_px(outlet_order, 12)
    step = int(max(44, min(96, (CHART_WIDTH - label_px - 30) / max(len(outlet_order), 1))))
    # slanted labels rise from their cell: to the right in English, to the left in Arabic (anchored at their right end)
    angle = 0 if outlet_px <= step else (35 if arabic else -35)
    max_share = float(data["share"].max() or 0) or 1.0
    base = alt.Chart(alt.Data(values=data.to_dicts())).encode(
        x=alt.X("outlet_label:N", sort=outlet_order, title=_t(language, "outlet"), axis=alt.Axis(orient="top", labelAngle=angle, labelLimit=160, ticks=False, domain=False, labelAlign="center" if angle == 0 else ("right" if arabic else "left"))),
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=label_px, ticks=False, domain=False, labelFontWeight=_bold_if(focus_labels), **rtl_axis(language)["axis"])),
        tooltip=[
            alt.Tooltip("label:N", title=_t(language, "entity")),
            alt.Tooltip("outlet_label:N", title=_t(language, "outlet")),
            alt.Tooltip("n_articles:Q", title=_t(language, "articles"), format="d"),
            alt.Tooltip("outlet_articles:Q", title=_t(language, "outlet_articles"), format="d"),
            alt.Tooltip("share:Q", title=_t(language, "share_outlet"), format=".1%"),
            alt.Tooltip("n_mentions:Q", title=_t(language, "mentions"), format="d"),
        ],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1.5).encode(
        color=alt.Color(
            "share:Q", title=_t(language, "share_outlet"),
            scale=alt.Scale(scheme="blues", domain=[0, max_share], nice=False),
            legend=alt.Legend(format=".0%", orient="bottom", direction="horizontal", gradientLength=220, titleLimit=600, values=_share_ticks(max_share)),
        )
    )
    counts = base.mark_text(fontSize=11, baseline="middle").encode(
        text="n_articles:Q",
        color=alt.condition(f"datum.share > {max_share * 0.55:.6f}", alt.value("white"), alt.value(TEXT_COLOR)),
        opacity=alt.condition("datum.n_articles == 0", alt.value(0.35), alt.value(1)),
    )
    subtitle = [n_line, _t(language, "outlet_cells"), cut, focus_line]
    chart = (cells + counts).properties(width=alt.Step(step), height=alt.Step(ROW_PX + 4), title=_title(title, subtitle))
    counts_all = _corpus(tables)
    note = _t(language, "outlet_note", shown=len(order), kinds=kinds, outlets=counts_all["outlets"], articles=counts_all["articles"])
    return Figure(name, title, chart, data, note, language)


def _share_ticks(max_share: float) -> list[float]:
    step = next(s for s in (0.05, 0.1, 0.2, 0.25, 0.5) if max_share / s <= 4)
    return [round(i * step, 4) for i in range(int(max_share / step + 1e-9) + 1)]


# --- 3. over time ----------------------------------------------------------------------------------


def auto_period(tables) -> str:
    """The period for the span of publication dates: "day" under 6 weeks, "week" under 9
    months, else "month" ("day" when nothing is dated)."""
    span = tables.documents.select((pl.col("published").max() - pl.col("published").min()).dt.total_days()).item()
    if span is None or span < 42:
        return "day"
    return "week" if span < 274 else "month"


def _resolve_period(tables, period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}, not {period!r}")
    return auto_period(tables) if period == "auto" else period


_STEP = {"day": "1d", "week": "1w", "month": "1mo"}


def _period_grid(tables, period: str) -> pl.DataFrame:
    """(period, period_start, period_end, period_articles) for every period from the first
    publication date to the last (empty periods included), then "undated" if any article is."""
    groups = article_groups(tables, period)
    counts = groups.group_by("period").agg(pl.len().cast(pl.Int64).alias("period_articles"))
    first, last = tables.documents.select(pl.col("published").min().alias("first"), pl.col("published").max().alias("last")).row(0)
    frames = []
    if first is not None:
        start = pl.lit(first).dt.truncate("1w") if period == "week" else pl.lit(first).dt.truncate("1mo") if period == "month" else pl.lit(first)
        starts = pl.select(pl.date_range(start, pl.lit(last), _STEP[period]).alias("period_start"))
        label = pl.col("period_start").dt.strftime("%Y-%m" if period == "month" else "%Y-%m-%d")
        frames.append(starts.with_columns(label.alias("period"), pl.col("period_start").dt.offset_by(_STEP[period]).alias("period_end")).select("period", "period_start", "period_end"))
    if counts.filter(pl.col("period") == UNDATED).height:
        frames.append(pl.DataFrame({"period": [UNDATED], "period_start": [None], "period_end": [None]}, schema={"period": pl.String, "period_start": pl.Date, "period_end": pl.Date}))
    if not frames:
        return pl.DataFrame(schema={"period": pl.String, "period_start": pl.Date, "period_end": pl.Date, "period_articles": pl.Int64})
    return pl.concat(frames).join(counts, on="period", how="left").with_columns(pl.col("period_articles").fill_null(0))


def over_time_data(tables, *, kind: str = "person", language: str = "en", top_n: int = 6, period: str = "auto", focus=None, codebook=None) -> pl.DataFrame:
    """Articles per period for the ``top_n`` most covered entities (and the ``focus`` ids).

    Columns: entity_id, label, row_label ("name (total)"), group, rank, focus, entity_articles,
    period (a date label, or "undated"), period_start, period_end (null when undated),
    n_articles, n_mentions, period_articles (all articles of the period), share. Every period
    from the first to the last publication date is present (0 when the entity is not covered).
    """
    period = _resolve_period(tables, period)
    chosen = top_entities_data(tables, kind=kind, language=language, top_n=top_n, focus=focus, codebook=codebook).with_row_index("_entity_order")
    per_period = coverage(tables, kind, by=("period",), period=period).select("entity_id", "period", "n_articles", "n_mentions")
    grid = chosen.select(
        "_entity_order", "entity_id", "label", _with_count(pl.col("label"), pl.col("n_articles"), language).alias("row_label"),
        "group", "rank", "focus", pl.col("n_articles").alias("entity_articles"),
    ).join(_period_grid(tables, period).with_row_index("_period_order"), how="cross").join(per_period, on=["entity_id", "period"], how="left").with_columns(
        pl.col("n_articles").fill_null(0), pl.col("n_mentions").fill_null(0)
    ).with_columns((pl.col("n_articles") / pl.col("period_articles")).fill_nan(None).alias("share"))
    return grid.sort("_entity_order", "_period_order").select(
        "entity_id", "label", "row_label", "group", "rank", "focus", "entity_articles", "period", "period_start", "period_end",
        "n_articles", "n_mentions", "period_articles", "share",
    )


def volume_data(tables, *, language: str = "en", period: str = "auto") -> pl.DataFrame:
    """Articles per outlet per period: outlet, outlet_label ("name (total)"), outlet_articles,
    period, period_start, period_end (null when undated), n_articles (0 for an empty period)."""
    check_language(language)
    period = _resolve_period(tables, period)
    counts = article_groups(tables, period).group_by("outlet", "period").agg(pl.len().cast(pl.Int64).alias("n_articles"))
    grid = _outlets(tables, language).join(_period_grid(tables, period).with_row_index("_period_order"), how="cross").join(
        counts, on=["outlet", "period"], how="left"
    ).with_columns(pl.col("n_articles").fill_null(0))
    return grid.sort("outlet_order", "_period_order").select("outlet", "outlet_label", "outlet_articles", "period", "period_start", "period_end", "n_articles")


def _span(dated: pl.DataFrame, language: str) -> str:
    first, last = dated.select(pl.col("period_start").min(), (pl.col("period_end").max().dt.offset_by("-1d"))).row(0)
    months = TEXT[language]["months"]

    def day(d):
        return f"{d.day} {months[d.month - 1]} {d.year}"

    return bidi(f"{day(first)} – {day(last)}") if first != last else bidi(day(first))


def _time_axis(period: str, n_periods: int, language: str) -> alt.Axis:
    """A date axis with ticks on whole days, weeks or months, month names in ``language``."""
    if period == "month" or n_periods > 10 and period == "week":
        months = max(1, math.ceil(n_periods / (10 if period == "month" else 40)))
        ticks, fmt = {"interval": "month", "step": months}, "%b %Y"
    elif period == "week":
        ticks, fmt = {"interval": "week", "step": 1}, "%-d %b"
    else:
        ticks, fmt = {"interval": "day", "step": max(1, math.ceil(n_periods / 8))}, "%-d %b"
    months = json.dumps(TEXT[language]["months"], ensure_ascii=False)
    if "%Y" in fmt:
        expr = f"{months}[month(datum.value)] + ' ' + year(datum.value)"
    else:
        expr = f"date(datum.value) + ' ' + {months}[month(datum.value)]"
    if language == "ar":
        expr = f"'{RLI}' + {expr} + '{PDI}'"
    return alt.Axis(tickCount=ticks, labelExpr=expr, title=None, labelOverlap=True, labelFlush=False, grid=False)


def _time_rows(data: pl.DataFrame, *, row: str, row_order: list[str], colour: alt.Color, tooltip: list, period: str, language: str, title: alt.TitleParams, ymax: int) -> alt.TopLevelMixin:
    """One row of bars per ``row`` value: dated periods on a time axis, and a narrow "undated"
    column beside it with the same count scale."""
    arabic = language == "ar"
    dated = data.filter(pl.col("period") != UNDATED)
    undated = data.filter(pl.col("period") == UNDATED)
    n_rows = len(row_order)
    height = 46 if n_rows > 1 else 140
    y = alt.Y("n_articles:Q", title=None, scale=alt.Scale(domain=[0, max(ymax, 1)], nice=False), axis=alt.Axis(format="d", values=[0, max(ymax, 1)], grid=True, labelFlush=True))
    header = alt.Header(labelAngle=0, labelAlign="right" if arabic else "left", labelOrient="right" if arabic else "left", labelAnchor="middle", labelFontWeight="bold", title=None, labelLimit=200, labelPadding=10 if arabic else 10)
    panels = []
    label_px = min(_label_px(row_order), 200) + 10 if n_rows > 1 else 0
    undated_width = 56 if undated.height else 0
    if dated.height:
        n_periods = dated["period"].n_unique()
        first, last = dated["period_start"].min(), dated["period_end"].max()
        # a few periods only: widen the axis to 7 periods so that a bar does not fill the width
        pad = max(0, (7 - n_periods + 1) // 2)
        if pad:
            unit = {"day": "d", "week": "w", "month": "mo"}.get(period, "d")
            first = pl.Series([first]).dt.offset_by(f"-{pad}{unit}").item()
            last = pl.Series([last]).dt.offset_by(f"{pad}{unit}").item()
        # Vega-Lite's dates are UTC midnight; a bar spans its period, with a hairline between bars
        x = alt.X("period_start:T", scale=alt.Scale(domain=[first.isoformat(), last.isoformat()]), axis=_time_axis(period, n_periods + 2 * pad, language))
        width = CHART_WIDTH - label_px - undated_width - 90 - (0 if undated_width == 0 else 20)
        time = alt.Chart(alt.Data(values=_json_rows(dated))).mark_bar(stroke="white", strokeWidth=0.5 if n_periods > 60 else 1).encode(
            x=x, x2="period_end:T", y=y, y2=alt.datum(0), color=colour, tooltip=tooltip
        ).properties(width=width, height=height)
        if n_rows > 1:
            time = time.facet(row=alt.Row(f"{row}:N", sort=row_order, header=header), spacing=10)
        panels.append(time)
    if undated.height:
        y_undated = alt.Y("n_articles:Q", title=None, scale=alt.Scale(domain=[0, max(ymax, 1)], nice=False), axis=alt.Axis(format="d", values=[0, max(ymax, 1)], grid=True, labels=not dated.height, ticks=not dated.height, domain=False, labelFlush=True))
        label = _t(language, "undated")
        chart = alt.Chart(alt.Data(values=_json_rows(undated.with_columns(pl.lit(label).alias("_undated"))))).mark_bar(width=24).encode(
            x=alt.X("_undated:N", title=None, axis=alt.Axis(labelAngle=0, ticks=False, labelPadding=6)), y=y_undated, color=colour, tooltip=tooltip
        ).properties(width=undated_width if dated.height else 120, height=height)
        if n_rows > 1:
            chart = chart.facet(row=alt.Row(f"{row}:N", sort=row_order, header=alt.Header(labels=not dated.height, title=None, labelAngle=0, labelAlign="left", labelOrient="left", labelFontWeight="bold", labelLimit=200)), spacing=10)
        panels.append(chart)
    if len(panels) == 1:
        return panels[0].properties(title=title)
    return alt.hconcat(*(panels[::-1] if arabic else panels), spacing=14).properties(title=title)


def _json_rows(data: pl.DataFrame) -> list[dict]:
    """Rows for inline data, dates as ISO strings."""
    return data.with_columns(pl.col(c).dt.strftime("%Y-%m-%d") for c, t in data.schema.items() if t == pl.Date).to_dicts()


def over_time(tables, *, kind: str = "person", language: str = "en", top_n: int = 6, period: str = "auto", focus=None, codebook=None) -> Figure:
    """Small multiples: articles per day, week or month (chosen from the date span when "auto")
    for the most covered entities, one row each; undated articles in a column of their own."""
    period = _resolve_period(tables, period)
    data = over_time_data(tables, kind=kind, language=language, top_n=top_n, period=period, focus=focus, codebook=codebook)
    kinds = TEXT[language]["kinds"][kind]
    name, title = f"coverage-{kind}s-over-time", _t(language, "title_time", kinds=kinds)
    counts = _corpus(tables)
    n_line = _n_line(tables, language)
    if data.is_empty():
        message = _t(language, "no_articles") if not counts["articles"] else _t(language, "no_entities", kinds=kinds)
        return _message(name, title, message, data, language, [n_line])
    dated = data.filter(pl.col("period") != UNDATED)
    period_name = TEXT[language]["period_names"][period]
    lines = [n_line]
    if dated.height:
        lines.append(_t(language, "per_period", period=period_name, span=_span(dated, language)))
        if counts["undated"]:
            lines.append(_t(language, "undated_line", n=counts["undated"], total=counts["articles"]))
    else:
        lines.append(_t(language, "no_dates", n=counts["articles"]))
    total_entities = coverage(tables, kind, by=(), period="all").height
    shown = data["entity_id"].n_unique()
    lines.append(_t(language, "top_cut", shown=min(top_n, total_entities), total=total_entities, kinds=kinds) if total_entities > top_n else _t(language, "all_shown", total=total_entities, kinds=kinds))
    focus_labels = data.filter("focus").unique("entity_id", maintain_order=True)["label"].to_list()
    if focus_labels:
        lines.append(_t(language, "focus_line", names=TEXT[language]["list_sep"].join(focus_labels)))
    _, colours, legend_title = _groups(tables, kind, language, codebook)
    row_order = data.unique("entity_id", maintain_order=True)["row_label"].to_list()
    colour = alt.Color("group:N", scale=_colour_scale(data["group"].unique().to_list(), colours), legend=alt.Legend(title=legend_title, orient="bottom", direction="horizontal"))
    tooltip = [
        alt.Tooltip("label:N", title=_t(language, "entity")),
        alt.Tooltip("period:N", title=_t(language, "period")),
        alt.Tooltip("n_articles:Q", title=_t(language, "articles"), format="d"),
        alt.Tooltip("period_articles:Q", title=_t(language, "period_articles"), format="d"),
        alt.Tooltip("share:Q", title=_t(language, "share_all"), format=".0%"),
        alt.Tooltip("n_mentions:Q", title=_t(language, "mentions"), format="d"),
    ]
    chart = _time_rows(data, row="row_label", row_order=row_order, colour=colour, tooltip=tooltip, period=period, language=language, title=_title(title, lines), ymax=int(data["n_articles"].max()))
    note = _t(language, "time_note", period=period_name, shown=shown, kinds=kinds, articles=counts["articles"])
    if counts["undated"]:
        note += " " + _t(language, "undated_note", n=counts["undated"], total=counts["articles"])
    return Figure(name, title, chart, data, note, language)


def volume(tables, *, language: str = "en", period: str = "auto") -> Figure:
    """Small multiples: articles per period for each outlet (labelled with its total); undated
    articles in a column of their own."""
    period = _resolve_period(tables, period)
    data = volume_data(tables, language=language, period=period)
    name, title = "coverage-volume", _t(language, "title_volume")
    counts = _corpus(tables)
    n_line = _n_line(tables, language)
    if not counts["articles"]:
        return _message(name, title, _t(language, "no_articles"), data, language, [n_line])
    dated = data.filter(pl.col("period") != UNDATED)
    period_name = TEXT[language]["period_names"][period]
    lines = [n_line]
    if dated.height:
        lines.append(_t(language, "per_period", period=period_name, span=_span(dated, language)))
        if counts["undated"]:
            lines.append(_t(language, "undated_line", n=counts["undated"], total=counts["articles"]))
    else:
        lines.append(_t(language, "no_dates", n=counts["articles"]))
    row_order = data.unique("outlet", maintain_order=True)["outlet_label"].to_list()
    tooltip = [
        alt.Tooltip("outlet_label:N", title=_t(language, "outlet")),
        alt.Tooltip("period:N", title=_t(language, "period")),
        alt.Tooltip("n_articles:Q", title=_t(language, "articles"), format="d"),
    ]
    chart = _time_rows(data, row="outlet_label", row_order=row_order, colour=alt.value(BAR_COLOR), tooltip=tooltip, period=period, language=language, title=_title(title, lines), ymax=int(data["n_articles"].max()))
    note = _t(language, "volume_note", period=period_name, articles=counts["articles"], outlets=counts["outlets"])
    if counts["undated"]:
        note += " " + _t(language, "undated_note", n=counts["undated"], total=counts["articles"])
    return Figure(name, title, chart, data, note, language)


# --- 4. the map -------------------------------------------------------------------------------------

# Equal Earth (Šavrič, Patterson & Jenny 2018), as d3-geo's geoEqualEarth, which Vega draws with
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
LAT_TOP, LAT_BOTTOM = 84.0, -58.0  # the inhabited world: Antarctica is left out
# Natural Earth's de facto view puts Crimea in Russia; the gazetteer codes its places UA, so the
# polygon (the RUS part inside this box) is drawn with Ukraine to agree with the counts
CRIMEA_BOX = (32.0, 44.0, 37.0, 46.5)
NOT_POINTS = ("continent", "world_region", "water")  # too large to be a point: listed, not drawn
COUNTRY_BLUES = ["#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B"]
NO_COVERAGE = "#ECECEC"
CIRCLE_FILL, CIRCLE_STROKE = "#F28E2B", "#8C4A0A"
CIRCLE_AREA = 650  # px^2 of the largest circle


def _equal_earth(lon, lat):
    lam, phi = np.radians(np.asarray(lon, dtype=float)), np.radians(np.asarray(lat, dtype=float))
    l = np.arcsin(_M * np.sin(phi))
    l2 = l * l
    l6 = l2 * l2 * l2
    x = lam * np.cos(l) / (_M * (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2)))
    y = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2))
    return x, y


def _frame(width: float = CHART_WIDTH) -> dict:
    """The projection's scale and translation that fit the world (without Antarctica) in ``width``."""
    x_max = math.pi / (_M * A1)
    scale = width / (2 * x_max)
    _, top_y = _equal_earth(0, LAT_TOP)
    _, bottom_y = _equal_earth(0, LAT_BOTTOM)
    return {"scale": scale, "translate": [width / 2, scale * float(top_y)], "height": math.ceil(scale * float(top_y - bottom_y))}


def _pixels(lon, lat, frame: dict):
    x, y = _equal_earth(lon, lat)
    return frame["translate"][0] + frame["scale"] * x, frame["translate"][1] - frame["scale"] * y


def _rounded_ring(ring: list, digits: int = 1) -> list:
    """A ring with coordinates to ``digits`` decimals (0.1° is 11 km, a fifth of a pixel at
    A4 width) and repeated points dropped; a ring that would collapse is kept whole."""
    points = [[round(lon, digits), round(lat, digits)] for lon, lat in ring]
    kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    return kept if len(kept) >= 4 else points


def _rounded(polygon: list) -> list:
    return [_rounded_ring(ring) for ring in polygon]


def _inside(polygon, box) -> bool:
    west, south, east, north = box
    return all(west <= lon <= east and south <= lat <= north for lon, lat in polygon[0])


@functools.cache
def _world() -> tuple[tuple[dict, ...], pl.DataFrame]:
    """The map's features (Antarctica dropped, Crimea with Ukraine, coordinates to 0.01°) and a
    table of them: adm0_a3, iso_a2 (null for "-99"), wikidata, name_en, name_ar, label_x, label_y
    (the pixel centre of the country's largest polygon, for a label), top_y, bottom_y (its extent)."""
    collection = json.loads(MAP_PATH.read_text(encoding="utf-8"))
    polygons: dict[str, list] = {}
    properties: dict[str, dict] = {}
    for feature in collection["features"]:
        props = feature["properties"]
        if props["continent"] == "Antarctica":
            continue
        geometry = feature["geometry"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        properties[props["adm0_a3"]] = props
        polygons.setdefault(props["adm0_a3"], []).extend(parts)
    crimea = [p for p in polygons.get("RUS", []) if _inside(p, CRIMEA_BOX)]
    if crimea and "UKR" in polygons:
        polygons["RUS"] = [p for p in polygons["RUS"] if not _inside(p, CRIMEA_BOX)]
        polygons["UKR"] = polygons["UKR"] + crimea
    frame = _frame()
    features, rows = [], []
    for code in sorted(polygons):
        parts = polygons[code]
        best, best_area, span = (0.0, 0.0), -1.0, (0.0, 0.0)
        for part in parts:
            ring = np.asarray(part[0], dtype=float)
            x, y = _pixels(ring[:, 0], ring[:, 1], frame)
            cross = x[:-1] * y[1:] - x[1:] * y[:-1]
            area = cross.sum() / 2
            if abs(area) > best_area and area != 0:
                best_area = abs(area)
                best = (float(((x[:-1] + x[1:]) * cross).sum() / (6 * area)), float(((y[:-1] + y[1:]) * cross).sum() / (6 * area)))
                span = (float(y.min()), float(y.max()))
        props = properties[code]
        geometry = {"type": "MultiPolygon", "coordinates": [_rounded(p) for p in parts]} if len(parts) > 1 else {"type": "Polygon", "coordinates": _rounded(parts[0])}
        features.append({"type": "Feature", "geometry": geometry, "properties": {"adm0_a3": code}})
        rows.append({
            "adm0_a3": code, "iso_a2": props["iso_a2"] if props["iso_a2"] not in ("-99", "", None) else None,
            "wikidata": props.get("wikidataid") or None, "name_en": props["name_en"], "name_ar": props["name_ar"],
            "label_x": round(best[0], 1), "label_y": round(best[1], 1), "top_y": round(span[0], 1), "bottom_y": round(span[1], 1),
        })
    return tuple(features), pl.DataFrame(rows)


def _bins(maximum: int) -> list[int]:
    """Lower bounds of the colour classes of article counts: 1, 2, 5, 10, 20, 50... (at most 6)."""
    if maximum <= 6:
        return list(range(1, max(maximum, 1) + 1))
    for series in ((1, 2, 5), (1, 3), (1,)):
        bounds = [m * 10**e for e in range(0, 8) for m in series if m * 10**e <= maximum]
        if len(bounds) <= 6:
            return bounds
    return bounds[-6:]


def _bin_label(bounds: list[int], maximum: int) -> list[str]:
    labels = []
    for i, low in enumerate(bounds):
        high = bounds[i + 1] - 1 if i + 1 < len(bounds) else maximum
        labels.append(str(low) if high == low else f"{low}–{high}")
    return labels


def places_map_data(tables, *, language: str = "en") -> pl.DataFrame:
    """The numbers on the map, one row per country or place.

    Columns: layer ("country": shaded on the map; "country_dot": a country too small for the
    1:110m map, drawn as a square at its coordinates; "place": a city, region or area drawn as a
    circle; "not_mapped": continents, world regions, seas, places of no single country and places
    without coordinates), id
    (adm0_a3 for a mapped country, else the country code or place_id), label (in ``language``),
    kind, country (ISO alpha-2), lat, lon, n_articles (articles that mention the place; for a
    country: the country or any place in it), n_mentions, n_named (articles naming the country
    itself), bin (the colour class of a country). Sorted by layer, n_articles descending, id.
    """
    check_language(language)
    _, world = _world()
    labels = entity_labels(tables, language)
    places = tables.places.select("place_id", "kind", "country", "lat", "lon", "wikidata").join(
        labels, left_on="place_id", right_on="entity_id", how="left"
    )
    by_wikidata = world.select("wikidata", pl.col("adm0_a3").alias("_by_wikidata")).drop_nulls()
    by_iso = world.select(pl.col("iso_a2").alias("country"), pl.col("adm0_a3").alias("_by_iso")).drop_nulls().unique("country", keep="first")
    places = places.join(by_wikidata, on="wikidata", how="left").join(by_iso, on="country", how="left").with_columns(
        pl.when(pl.col("kind") == "country").then(pl.coalesce("_by_wikidata", "_by_iso")).otherwise(pl.col("_by_iso")).alias("adm0_a3")
    ).drop("_by_wikidata", "_by_iso")
    mentions = tables.mentions.filter(pl.col("entity_kind") == "place").join(places, left_on="entity_id", right_on="place_id")
    columns = {"layer": pl.String, "id": pl.String, "label": pl.String, "kind": pl.String, "country": pl.String, "lat": pl.Float64, "lon": pl.Float64,
               "n_articles": pl.Int64, "n_mentions": pl.Int64, "n_named": pl.Int64, "bin": pl.String}
    if mentions.is_empty():
        return pl.DataFrame(schema=columns)
    name_column = "name_en" if language == "en" else "name_ar"
    # countries: the country itself or any place in it
    in_country = mentions.filter(pl.col("country").is_not_null() | pl.col("adm0_a3").is_not_null()).with_columns(
        pl.coalesce("adm0_a3", "country").alias("_key")
    )
    countries = in_country.group_by("_key").agg(
        pl.col("adm0_a3").drop_nulls().first(),
        pl.col("country").drop_nulls().first(),
        pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_articles"),
        pl.len().cast(pl.Int64).alias("n_mentions"),
        pl.col("doc_id").filter(pl.col("kind") == "country").n_unique().cast(pl.Int64).alias("n_named"),
        pl.col("label").filter(pl.col("kind") == "country").first().alias("_own_label"),
        pl.col("lat").filter(pl.col("kind") == "country").first(),
        pl.col("lon").filter(pl.col("kind") == "country").first(),
    ).join(world.select("adm0_a3", bidi_expr(name_column).alias("_map_label")), on="adm0_a3", how="left").join(
        _reference_countries(name_column), on="country", how="left"
    ).with_columns(
        # a country named only through one of its places: name and point from the reference data
        pl.coalesce("lat", "_ref_lat").alias("lat"), pl.coalesce("lon", "_ref_lon").alias("lon"),
    ).with_columns(
        pl.when(pl.col("adm0_a3").is_not_null()).then(pl.lit("country"))
        .when(pl.col("lat").is_not_null() & pl.col("lat").is_between(LAT_BOTTOM, LAT_TOP)).then(pl.lit("country_dot"))
        .otherwise(pl.lit("not_mapped")).alias("layer"),
        pl.coalesce("_own_label", "_map_label", "_ref_label", "country").alias("label"),
        pl.lit("country").alias("kind"),
        pl.coalesce("adm0_a3", "country").alias("id"),
    )
    maximum = int(countries.filter(pl.col("layer") != "not_mapped")["n_articles"].max() or 0)
    bounds = _bins(maximum)
    names = _bin_label(bounds, maximum)
    # the class of a count: how many class bounds (after the first) it reaches
    bin_index = pl.sum_horizontal([(pl.col("n_articles") >= b).cast(pl.Int64) for b in bounds[1:]]) if len(bounds) > 1 else pl.lit(0, pl.Int64)
    countries = countries.with_columns(
        pl.when(pl.col("layer") != "not_mapped").then(bin_index.replace_strict(dict(enumerate(names)), return_dtype=pl.String)).alias("bin")
    )
    # places below country level, and supranational ones
    others = mentions.filter(pl.col("kind") != "country").group_by("entity_id").agg(
        pl.col("label").first(), pl.col("kind").first(), pl.col("country").first(), pl.col("lat").first(), pl.col("lon").first(),
        pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_articles"), pl.len().cast(pl.Int64).alias("n_mentions"),
    ).with_columns(
        # a place of no country (the Korean Peninsula, the Balkans) spans several: listed, not drawn
        pl.when(~pl.col("kind").is_in(NOT_POINTS) & pl.col("country").is_not_null() & pl.col("lat").is_not_null() & pl.col("lon").is_not_null() & pl.col("lat").is_between(LAT_BOTTOM, LAT_TOP))
        .then(pl.lit("place")).otherwise(pl.lit("not_mapped")).alias("layer"),
        pl.col("entity_id").alias("id"), pl.lit(None, pl.Int64).alias("n_named"), pl.lit(None, pl.String).alias("bin"),
    )
    order = {"country": 0, "country_dot": 1, "place": 2, "not_mapped": 3}
    rows = pl.concat([countries.select(list(columns)), others.select(list(columns))], how="vertical_relaxed").with_columns(
        pl.col("label").fill_null(pl.col("id"))
    )
    return rows.sort([pl.col("layer").replace_strict(order, return_dtype=pl.Int8), pl.col("n_articles"), pl.col("id")], descending=[False, True, False]).cast(columns)


def _reference_countries(name_column: str) -> pl.DataFrame:
    """(country, _ref_label, _ref_lat, _ref_lon) of every country of the reference gazetteer."""
    from ..reference import load_reference

    return (
        load_reference().places.filter(pl.col("kind") == "country").filter(pl.col("country").is_not_null())
        .unique("country", keep="first", maintain_order=True)
        .select("country", bidi_expr(name_column).alias("_ref_label"), pl.col("lat").alias("_ref_lat"), pl.col("lon").alias("_ref_lon"))
    )


@functools.cache
def _advances() -> tuple[dict[int, int], int]:
    from fontTools.ttLib import TTFont

    font = TTFont(font_path())
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    return {code: metrics[glyph][0] for code, glyph in cmap.items()}, font["head"].unitsPerEm


def _text_width(text: str, size: float) -> float:
    """The width of ``text`` in the chart font at ``size`` px (unshaped advances: close enough)."""
    advances, units = _advances()
    return sum(advances.get(ord(ch), 0 if ch in (RLI, PDI) else units // 2) for ch in text) * size / units


def _place_labels(candidates: list[dict], width: int, height: int, limit: int = 12) -> list[dict]:
    """Greedy labelling: in order of articles, each label goes to the first free position
    (countries at their centre, or just above or below it; circles to the right, left, above,
    below); a label may not overlap another label, another circle or the map's edge, else it is
    dropped. Returns text rows with pixel x, y, align."""
    size, pad = 11, 2
    # a label may cover a dot, not a circle one would want to see
    circles = {c["id"]: (c["country"], (c["x"] - c["r"], c["y"] - c["r"], c["x"] + c["r"], c["y"] + c["r"])) for c in candidates if not c["centre"] and c["r"] >= 5}
    placed: list[tuple[float, float, float, float]] = []
    rows = []
    for c in candidates:
        if len(rows) >= limit:
            break
        w, h = _text_width(c["text"], size) + 2 * pad, size + 2 * pad
        x, y, r = c["x"], c["y"], c["r"]
        # a country's name may lie over its own cities, which sit where its name belongs
        obstacles = placed + [box for key, (country, box) in circles.items() if key != c["id"] and not (c["centre"] and country == c["country"])]
        if c["centre"]:
            # above or below the centre while still over the country
            options = [(x, y + dy * h, "center") for dy in (0, -1, 1) if c["top"] <= y + dy * h <= c["bottom"]]
        else:
            options = [(x + r + 3, y, "left"), (x - r - 3, y, "right"), (x, y - r - h / 2 - 1, "center"), (x, y + r + h / 2 + 1, "center")]
        for ox, oy, align in options:
            left = ox if align == "left" else ox - w if align == "right" else ox - w / 2
            box = (left, oy - h / 2, left + w, oy + h / 2)
            if box[0] < 0 or box[2] > width or box[1] < 0 or box[3] > height:
                continue
            if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in obstacles):
                continue
            placed.append(box)
            rows.append({"text": c["text"], "x": round(ox + (pad if align == "left" else -pad if align == "right" else 0), 1), "y": round(oy, 1), "align": align})
            break
    return rows


def places_map(tables, *, language: str = "en", label_limit: int = 12) -> Figure:
    """World map (Equal Earth, Natural Earth 1:110m, inline): countries shaded by the articles that
    mention them or a place in them, cities and regions as circles sized by articles, the most
    covered labelled where the labels do not overlap; continents, world regions and places without
    coordinates are listed in the subtitle and the note."""
    data = places_map_data(tables, language=language)
    name, title = "coverage-map", _t(language, "title_map")
    n_line = _n_line(tables, language)
    if data.filter(pl.col("layer") != "not_mapped").is_empty():
        extra = [] if data.is_empty() else [_t(language, "map_unmapped", names=TEXT[language]["list_sep"].join(_unmapped_names(data)))]
        return _message(name, title, _t(language, "no_places"), data, language, [n_line, *extra])
    features, world = _world()
    frame = _frame()
    width, height = CHART_WIDTH, frame["height"]
    countries = data.filter(pl.col("layer") == "country")
    by_code = {row["id"]: row for row in countries.iter_rows(named=True)}
    maximum = int(data.filter(pl.col("layer").is_in(["country", "country_dot"]))["n_articles"].max() or 1)
    bin_names = _bin_label(_bins(maximum), maximum)
    step = (len(COUNTRY_BLUES) - 1) / max(len(bin_names) - 1, 1)
    bin_colours = [COUNTRY_BLUES[round(i * step)] for i in range(len(bin_names))] if len(bin_names) > 1 else [COUNTRY_BLUES[3]]
    name_column = "name_en" if language == "en" else "name_ar"
    names = dict(zip(world["adm0_a3"], world[name_column]))
    shaded = []
    for feature in features:
        code = feature["properties"]["adm0_a3"]
        row = by_code.get(code)
        shaded.append({
            "type": "Feature", "geometry": feature["geometry"],
            "properties": {"adm0_a3": code, "name": bidi(names[code]), "n_articles": row["n_articles"] if row else 0,
                           "n_named": row["n_named"] if row else 0, "bin": row["bin"] if row else None},
        })
    projection = alt.Projection(type="equalEarth", scale=frame["scale"], translate=frame["translate"])
    colour = alt.Color(
        "properties.bin:N", title=_t(language, "map_countries"),
        scale=alt.Scale(domain=bin_names, range=bin_colours),
        legend=alt.Legend(orient="bottom", direction="horizontal", symbolType="square", symbolSize=160, titleLimit=600, labelLimit=80, columns=len(bin_names)),
    )
    country_tooltip = [
        alt.Tooltip("properties.name:N", title=_t(language, "country")),
        alt.Tooltip("properties.n_articles:Q", title=_t(language, "articles"), format="d"),
        alt.Tooltip("properties.n_named:Q", title=_t(language, "map_named"), format="d"),
    ]
    background = alt.Chart(alt.Data(values=[s for s in shaded if s["properties"]["bin"] is None])).mark_geoshape(fill=NO_COVERAGE, stroke="white", strokeWidth=0.4).encode(
        tooltip=[alt.Tooltip("properties.name:N", title=_t(language, "country"))]
    )
    covered = alt.Chart(alt.Data(values=[s for s in shaded if s["properties"]["bin"] is not None])).mark_geoshape(stroke="white", strokeWidth=0.5).encode(
        color=colour, tooltip=country_tooltip
    )
    layers = [background, covered]
    dots = data.filter(pl.col("layer") == "country_dot")
    if dots.height:
        layers.append(alt.Chart(alt.Data(values=dots.to_dicts())).mark_square(size=70, stroke="white", strokeWidth=0.8, opacity=1).encode(
            longitude="lon:Q", latitude="lat:Q",
            color=alt.Color("bin:N", scale=alt.Scale(domain=bin_names, range=bin_colours), legend=None),
            tooltip=[alt.Tooltip("label:N", title=_t(language, "country")), alt.Tooltip("n_articles:Q", title=_t(language, "articles"), format="d"),
                     alt.Tooltip("n_named:Q", title=_t(language, "map_named"), format="d")],
        ))
    points = data.filter(pl.col("layer") == "place").with_columns(
        pl.col("kind").replace_strict({k: bidi(v) for k, v in TEXT[language]["place_kinds"].items()}, default=pl.col("kind")).alias("kind_label")
    )
    point_max = int(points["n_articles"].max() or 1) if points.height else 1
    if points.height:
        layers.append(alt.Chart(alt.Data(values=points.to_dicts())).mark_circle(fill=CIRCLE_FILL, fillOpacity=0.75, stroke=CIRCLE_STROKE, strokeWidth=0.7).encode(
            longitude="lon:Q", latitude="lat:Q",
            size=alt.Size("n_articles:Q", title=_t(language, "map_places"), scale=alt.Scale(domain=[0, point_max], range=[0, CIRCLE_AREA]),
                          legend=alt.Legend(orient="bottom", direction="horizontal", values=_size_values(point_max), symbolFillColor=CIRCLE_FILL, symbolStrokeColor=CIRCLE_STROKE, symbolOpacity=0.75, titleLimit=600)),
            order=alt.Order("n_articles:Q", sort="descending"),
            tooltip=[alt.Tooltip("label:N", title=_t(language, "entity")), alt.Tooltip("kind_label:N", title=_t(language, "kind")),
                     alt.Tooltip("n_articles:Q", title=_t(language, "articles"), format="d"), alt.Tooltip("n_mentions:Q", title=_t(language, "mentions"), format="d")],
        ))
    # labels: the most covered countries (at their centre) and places (beside their circle)
    anchors = world.select("adm0_a3", "label_x", "label_y", "top_y", "bottom_y")
    candidates = []
    for row in countries.join(anchors, left_on="id", right_on="adm0_a3", how="left").iter_rows(named=True):
        candidates.append({"text": row["label"], "x": row["label_x"], "y": row["label_y"], "r": 0, "centre": True, "n": row["n_articles"], "id": row["id"], "country": row["country"], "top": row["top_y"], "bottom": row["bottom_y"]})
    for row in pl.concat([dots.select("id", "label", "country", "lat", "lon", "n_articles"), points.select("id", "label", "country", "lat", "lon", "n_articles")]).iter_rows(named=True):
        x, y = _pixels(row["lon"], row["lat"], frame)
        radius = math.sqrt(CIRCLE_AREA * row["n_articles"] / point_max / math.pi) if row["id"] in set(points["id"]) else 5
        candidates.append({"text": row["label"], "x": float(x), "y": float(y), "r": radius, "centre": False, "n": row["n_articles"], "id": row["id"], "country": row["country"]})
    candidates.sort(key=lambda c: (-c["n"], c["id"]))
    texts = _place_labels(candidates, width, height, label_limit)
    for align in ("left", "center", "right"):
        subset = [t for t in texts if t["align"] == align]
        if not subset:
            continue
        text_base = alt.Chart(alt.Data(values=subset)).encode(x=alt.X("x:Q", scale=None, axis=None), y=alt.Y("y:Q", scale=None, axis=None), text="text:N")
        layers.append(text_base.mark_text(align=align, baseline="middle", fontSize=11, stroke="white", strokeWidth=3, strokeOpacity=0.85, strokeJoin="round"))
        layers.append(text_base.mark_text(align=align, baseline="middle", fontSize=11, color=TEXT_COLOR))
    sep = TEXT[language]["list_sep"]
    lines = [n_line, _t(language, "map_line")]
    if dots.height:
        lines.append(_fitted(language, "map_dots", [f"{label} ({n})" for label, n in dots.select("label", "n_articles").rows()], width))
    unmapped = _unmapped_names(data)
    if unmapped:
        lines.append(_fitted(language, "map_unmapped", unmapped, width))
    chart = alt.layer(*layers).properties(width=width, height=height, projection=projection, title=_title(title, lines))
    mapped = data.filter(pl.col("layer") != "not_mapped")
    top_row = mapped.filter(pl.col("layer").is_in(["country", "country_dot"])).sort(["n_articles", "id"], descending=[True, False])
    note_parts = []
    if top_row.height:
        first = top_row.row(0, named=True)
        note_parts.append(_t(language, "map_note", countries=top_row.height, places=points.height, articles=_corpus(tables)["articles"], top=first["label"], n=first["n_articles"]))
    if unmapped:
        note_parts.append(_t(language, "map_unmapped", names=sep.join(unmapped)) + ".")
    no_coords = data.filter((pl.col("layer") == "not_mapped") & pl.col("lat").is_null()).height
    if no_coords:
        note_parts.append(_t(language, "map_no_coords", n=no_coords) + ".")
    return Figure(name, title, chart, data, " ".join(note_parts), language)


def _fitted(language: str, key: str, names: list[str], width: float, size: float = 12) -> str:
    """The sentence ``key`` listing as many of ``names`` as fit in ``width`` px, then "…"."""
    sep = TEXT[language]["list_sep"]
    for n in range(len(names), 0, -1):
        text = _t(language, key, names=sep.join(names[:n]) + (sep + "…" if n < len(names) else ""))
        if _text_width(text, size) <= width:
            return text
    return _t(language, key, names="…")


def _unmapped_names(data: pl.DataFrame) -> list[str]:
    rows = data.filter(pl.col("layer") == "not_mapped").sort(["n_articles", "id"], descending=[True, False])
    return [f"{label} ({n})" for label, n in rows.select("label", "n_articles").rows()]


def _size_values(maximum: int) -> list[int]:
    values = sorted({v for v in (_nice_down(maximum), _nice_down(maximum / 4), _nice_down(maximum / 16)) if v >= 1})
    return values or [1]


def _nice_down(value: float) -> int:
    if value < 1:
        return 0
    exponent = 10 ** int(math.floor(math.log10(value)))
    for m in (5, 2, 1):
        if m * exponent <= value:
            return int(m * exponent)
    return int(exponent)
