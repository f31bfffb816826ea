"""Charts of source framing: how each outlet frames the story, its tone, and whom it quotes.

Each chart is a function of the tables returning a ``Figure`` (chart + the tidy data behind it),
with the data preparation in a public function of its own, so a notebook can use the numbers:

* ``frame_share_table`` / ``frame_shares``: the share of each outlet's articles that use each
  frame of the codebook (a heatmap outlet x frame, the count of articles in each cell) beside the
  share of all articles, frames ordered by that overall share;
* ``tone_points`` / ``tone_by_outlet``: every article's tone (mean of its tonal cues, -1..+1) as a
  dot, with the outlet's mean and standard deviation, and how many of its articles have a tone;
* ``voice_side_table`` / ``voice``: the share of each outlet's quotes by the speaker's side;
* ``voice_source_table`` / ``voice_sources``: named speakers vs anonymous sources per outlet;
* ``example_sentences`` / ``examples_html``: a few sentences per frame, spread over outlets and
  articles, with the cue that put them there, for a reader to judge the frames by.

Outlets are ordered by their number of articles ("unknown outlet", for articles without outlet
metadata, last); ``top_n`` keeps the first ones and the subtitle says how many are left out.
"""

from __future__ import annotations

import html
import re
import textwrap

import altair as alt
import polars as pl

from ..coverage import UNKNOWN_OUTLET, article_groups, frame_profile, tone_profile, voice_table
from ..framing import Codebook, load_codebook
from .export import Figure
from .theme import MUTED_COLOR, PDI, RLI, SIDES, TEXT_COLOR, bidi, bidi_expr, check_language, rtl_axis, side_label, side_scale

__all__ = [
    "TEXT",
    "frame_share_table",
    "frame_shares",
    "tone_points",
    "tone_by_outlet",
    "voice_side_table",
    "voice",
    "voice_source_table",
    "voice_sources",
    "example_sentences",
    "examples_html",
]

TEXT = {
    "en": {
        "unknown_outlet": "unknown outlet",
        "outlet": "Outlet",
        "frame": "Frame",
        "articles": "Articles",
        "cues": "Cues",
        "share_n": "Share (n / base)",
        "frames_title": "How each outlet frames the story",
        "frames_subtitle": "Share of each outlet's articles that have at least one cue of the frame (in a cell: the number of articles).",
        "frames_order": "Frames are ordered by their share of all articles (right panel).",
        "frames_x": "Outlet (articles)",
        "all_outlets": "All outlets",
        "share_articles": "Share of articles",
        "no_frames": "No frame cues in this selection",
        "frames_note": "Share of each outlet's articles that use each frame of the codebook (at least one cue); {articles} articles, {outlets} outlets.",
        "articles_outlets": "n = {articles} articles, {outlets} outlets",
        "left_out": "{shown} of {outlets} outlets shown (those with the most articles); the other {rest} articles count only under '{all}'.",
        "left_out_plain": "{shown} of {outlets} outlets shown (those with the most articles); {rest} articles of the others are left out.",
        "tone_title": "Tone of each outlet's coverage",
        "tone_scale": "Tone: the mean of an article's tonal cues; {neg} = all negative (stalemate, escalation), {pos} = all positive (progress).",
        "tone_marks": "Each dot is an article; the diamond is the outlet's mean, the bar \u00b11 standard deviation around it.",
        "tone_counts": "n = {tone} of {articles} articles have a tone, {outlets} outlets",
        "tone_axis": "Tone of the article",
        "tone_neg": "-1 negative",
        "tone_pos": "+1 positive",
        "tone_y": "Outlet (articles with a tone / all)",
        "tone_label": "{outlet} ({tone}/{base})",
        "tone_mean": "Mean tone",
        "tone_sd": "Standard deviation",
        "tone": "Tone",
        "with_tone": "Articles with a tone / all",
        "no_tone_outlet": "no tonal cues",
        "no_tone": "No article has a tone in this selection",
        "tone_note": "Mean tone per outlet of the {tone} of {articles} articles that have tonal cues (-1 all negative, +1 all positive); {outlets} outlets.",
        "sampled": "Dots: an even sample of {max} articles per outlet where an outlet has more; the mean uses all.",
        "voice_title": "Whose voice each outlet quotes",
        "voice_subtitle": "Share of each outlet's quotes by the speaker's side.",
        "bar_counts": "The number on a bar is the count of quotes.",
        "voice_other": "Other: speakers of other countries, or whose country is not known.",
        "quote_counts": "n = {quotes} quotes in {articles} articles, {outlets} outlets",
        "voice_y": "Outlet (quotes)",
        "voice_label": "{outlet} ({n})",
        "share_quotes": "Share of the outlet's quotes",
        "side": "Speaker's side",
        "quotes": "Quotes",
        "no_quotes": "No quotes in this selection",
        "voice_note": "Share of each outlet's quotes by the side of the speaker; {quotes} quotes in {articles} articles, {outlets} outlets.",
        "sources_title": "Named and anonymous sources",
        "sources_subtitle": "Share of each outlet's quotes from a named speaker or from an anonymous source (\u201cofficials said\u201d).",
        "source": "Source",
        "named": "Named",
        "anonymous": "Anonymous",
        "sources_note": "Named vs anonymous sources per outlet; {quotes} quotes in {articles} articles, {outlets} outlets.",
        "sentence": "Sentence",
        "negated": "Negated",
        "article": "Article",
        "no_examples": "No frame cues in this selection.",
        "yes": "negated",
    },
    "ar": {
        "unknown_outlet": "وسيلة غير معروفة",
        "outlet": "الوسيلة",
        "frame": "الإطار",
        "articles": "المقالات",
        "cues": "المؤشرات",
        "share_n": "النسبة (العدد / المجموع)",
        "frames_title": "كيف تؤطر كل وسيلة إعلامية القصة",
        "frames_subtitle": "نسبة مقالات كل وسيلة التي تحمل مؤشرًا واحدًا على الأقل للإطار؛ الرقم في كل خانة هو عدد المقالات.",
        "frames_order": "الأطر مرتبة حسب نسبتها من جميع المقالات (اللوحة اليسرى).",
        "frames_x": "الوسيلة (عدد المقالات)",
        "all_outlets": "كل الوسائل",
        "share_articles": "نسبة المقالات",
        "no_frames": "لا توجد مؤشرات أطر في هذه المجموعة",
        "frames_note": "نسبة مقالات كل وسيلة التي تستخدم كل إطار من أطر دليل الترميز (مؤشر واحد على الأقل)؛ المقالات: {articles} · الوسائل: {outlets}.",
        "articles_outlets": "المقالات: {articles} · الوسائل: {outlets}",
        "left_out": "تُعرض {shown} من {outlets} وسيلة (الأكثر مقالات)؛ مقالات الوسائل الأخرى ({rest}) محسوبة فقط في «{all}».",
        "left_out_plain": "تُعرض {shown} من {outlets} وسيلة (الأكثر مقالات)؛ مقالات الوسائل الأخرى ({rest}) غير معروضة.",
        "tone_title": "نبرة تغطية كل وسيلة",
        "tone_scale": "نبرة المقالة هي متوسط مؤشراتها النبرية: {neg} = كلها سلبية (جمود، تصعيد)، {pos} = كلها إيجابية (تقدم).",
        "tone_marks": "كل نقطة مقالة؛ المعيّن متوسط الوسيلة، والخط انحراف معياري واحد على جانبيه.",
        "tone_counts": "مقالات لها نبرة: {tone} من {articles} · الوسائل: {outlets}",
        "tone_axis": "نبرة المقالة",
        "tone_neg": "سلبية -1",
        "tone_pos": "إيجابية +1",
        "tone_y": "الوسيلة (مقالات لها نبرة / المجموع)",
        "tone_label": "{outlet} ({tone}/{base})",
        "tone_mean": "متوسط النبرة",
        "tone_sd": "الانحراف المعياري",
        "tone": "النبرة",
        "with_tone": "مقالات لها نبرة / المجموع",
        "no_tone_outlet": "لا مؤشرات نبرة",
        "no_tone": "لا توجد مقالة لها نبرة في هذه المجموعة",
        "tone_note": "متوسط النبرة لكل وسيلة في {tone} من {articles} مقالة تحمل مؤشرات نبرية (\u2066-1\u2069 كلها سلبية، \u2066+1\u2069 كلها إيجابية)؛ الوسائل: {outlets}.",
        "sampled": "النقاط: عينة منتظمة من {max} مقالة لكل وسيلة تزيد مقالاتها عن ذلك؛ المتوسط محسوب على الجميع.",
        "voice_title": "من تقتبس كل وسيلة",
        "voice_subtitle": "نسبة اقتباسات كل وسيلة حسب طرف المتحدث.",
        "bar_counts": "الرقم على كل شريط هو عدد الاقتباسات.",
        "voice_other": "أخرى: متحدثون من دول أخرى أو دولتهم غير معروفة.",
        "quote_counts": "الاقتباسات: {quotes} · المقالات: {articles} · الوسائل: {outlets}",
        "voice_y": "الوسيلة (عدد الاقتباسات)",
        "voice_label": "{outlet} ({n})",
        "share_quotes": "نسبة اقتباسات الوسيلة",
        "side": "طرف المتحدث",
        "quotes": "الاقتباسات",
        "no_quotes": "لا توجد اقتباسات في هذه المجموعة",
        "voice_note": "نسبة اقتباسات كل وسيلة حسب طرف المتحدث؛ الاقتباسات: {quotes} · المقالات: {articles} · الوسائل: {outlets}.",
        "sources_title": "المصادر المسماة والمجهولة",
        "sources_subtitle": "نسبة اقتباسات كل وسيلة المنسوبة إلى متحدث مسمى أو إلى مصدر مجهول («قال مسؤولون»).",
        "source": "المصدر",
        "named": "مصدر مسمى",
        "anonymous": "مصدر مجهول",
        "sources_note": "المصادر المسماة والمجهولة لكل وسيلة؛ الاقتباسات: {quotes} · المقالات: {articles} · الوسائل: {outlets}.",
        "sentence": "الجملة",
        "negated": "منفي",
        "article": "المقالة",
        "no_examples": "لا توجد مؤشرات أطر في هذه المجموعة.",
        "yes": "منفي",
    },
}

SOURCE_COLORS = {"named": "#4C5B6B", "anonymous": "#F28E2B"}
# text on a coloured segment: dark on the light side colours, white on the dark ones
_LIGHT = {"#EDC948", "#76B7B2", "#BAB0AC", "#F28E2B"}
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
LRI = "\u2066"  # left-to-right isolate (a signed number inside Arabic text)
ROW_HEIGHT = 34
CHART_WIDTH = 680  # px, the whole chart: fits an A4 page


def _text(language: str, key: str, **values) -> str:
    """The string ``key`` in ``language`` with ``values`` filled in, bidi-wrapped when Arabic (so
    that it reads right both in a chart and in a left-to-right page: ``Figure.note``)."""
    return bidi(TEXT[check_language(language)][key].format(**values))


def _label_expr(label: pl.Expr, language: str) -> pl.Expr:
    """An outlet label ("<name> (n)") that reads in the chart's direction: in Arabic the whole
    label is a right-to-left isolate, so the count sits left of the name."""
    if check_language(language) == "ar":
        return pl.concat_str(pl.lit(RLI), label, pl.lit(PDI))
    return label


def _ltr(value: str) -> str:
    """A number with its sign kept left-to-right inside Arabic text ("+1", "-1")."""
    return f"{LRI}{value}{PDI}"


def _title(title: str, subtitle: list[str], width: int = 110) -> alt.TitleParams:
    """A title with its subtitle lines, each wrapped at ``width`` characters (an A4 page's chart
    width at the subtitle's 12 px) and bidi-wrapped again line by line."""
    lines = []
    for line in subtitle:
        if line:
            plain = line.removeprefix(RLI).removesuffix(PDI) if line.startswith(RLI) else line
            lines += [bidi(part) for part in textwrap.wrap(plain, width)]
    return alt.TitleParams(text=title, subtitle=lines)


def _empty(name: str, title: str, message: str, data: pl.DataFrame, language: str, note: str = "") -> Figure:
    """A figure saying there is nothing to draw, with the empty data frame of the right columns."""
    chart = (
        alt.Chart(alt.Data(values=[{"message": message}]), title=_title(title, []))
        .mark_text(fontSize=14, color=MUTED_COLOR)
        .encode(text="message:N")
        .properties(width=420, height=80)
    )
    return Figure(name=name, title=title, chart=chart, data=data, note=note or message, language=language)


def _outlets(tables, language: str, top_n: int | None) -> pl.DataFrame:
    """(outlet, outlet_name, n_articles, outlet_order, shown) of every outlet: most articles first,
    "unknown outlet" last; ``shown`` for the first ``top_n``."""
    unknown = TEXT[check_language(language)]["unknown_outlet"]
    outlets = (
        article_groups(tables, "all")
        .group_by("outlet")
        .agg(pl.len().cast(pl.Int64).alias("n_articles"))
        .sort(pl.col("outlet") == UNKNOWN_OUTLET, pl.col("n_articles"), pl.col("outlet"), descending=[False, True, False])
        .with_row_index("outlet_order")
        .with_columns(pl.col("outlet_order").cast(pl.Int64))
    )
    return outlets.with_columns(
        bidi_expr(pl.when(pl.col("outlet") == UNKNOWN_OUTLET).then(pl.lit(unknown)).otherwise(pl.col("outlet"))).alias("outlet_name"),
        (pl.col("outlet_order") < (top_n if top_n is not None else outlets.height)).alias("shown"),
    ).select("outlet", "outlet_name", "n_articles", "outlet_order", "shown")


def _left_out(outlets: pl.DataFrame, language: str, *, overall_panel: bool = False) -> str:
    """The sentence saying which outlets the ``top_n`` cut left out ("" when none)."""
    hidden = outlets.filter(~pl.col("shown"))
    if hidden.height == 0:
        return ""
    values = dict(shown=outlets.height - hidden.height, outlets=outlets.height, rest=int(hidden["n_articles"].sum()), all=TEXT[language]["all_outlets"])
    key = "left_out" if overall_panel else "left_out_plain"
    return _text(language, key, **values)


def _frame_labels(codebook: Codebook, language: str) -> pl.DataFrame:
    """(frame, frame_label, frame_index): labels in ``language``, in codebook order."""
    column = "label_en" if check_language(language) == "en" else "label_ar"
    return codebook.frames.select(
        pl.col("key").alias("frame"), bidi_expr(column).alias("frame_label"),
    ).with_row_index("frame_index").with_columns(pl.col("frame_index").cast(pl.Int64))


def _percent(share: pl.Expr) -> pl.Expr:
    return pl.format("{}%", (share * 100).round(0).cast(pl.Int64))


def _label_limit(labels: list[str], minimum: int = 60, maximum: int = 260, per_char: float = 7.2) -> int:
    """A label width (px) that fits the longest of ``labels`` (12 px font), within bounds."""
    longest = max((len(line) for label in labels for line in label.split("\n")), default=0)
    return int(min(maximum, max(minimum, longest * per_char + 8)))


# ---------------------------------------------------------------------------------------------
# 1. frames by outlet


def frame_share_table(tables, *, codebook: Codebook | None = None, language: str = "en", top_n: int | None = 12) -> pl.DataFrame:
    """Per outlet (the ``top_n`` with most articles) and frame: the articles using the frame.

    Columns: outlet, outlet_label (name and article count, in ``language``), frame, frame_label,
    n_articles (articles of the outlet with a cue of the frame), base (articles of the outlet),
    share, n_cues, all_n_articles / all_base / all_share (over every article of the selection),
    frame_order (0 = highest overall share), outlet_order. Sorted by frame_order, outlet_order.
    """
    language = check_language(language)
    codebook = codebook or load_codebook()
    outlets = _outlets(tables, language, top_n)
    profile = frame_profile(tables, codebook)
    overall = profile.group_by("frame").agg(
        pl.col("n_articles").sum().cast(pl.Int64).alias("all_n_articles"), pl.col("base").sum().cast(pl.Int64).alias("all_base")
    ).with_columns((pl.col("all_n_articles") / pl.col("all_base")).alias("all_share"))
    labels = _frame_labels(codebook, language)
    order = overall.join(labels, on="frame").sort(pl.col("all_share"), pl.col("frame_index"), descending=[True, False]).with_row_index("frame_order").select(
        "frame", pl.col("frame_order").cast(pl.Int64)
    )
    n_label = "n = {}" if language == "en" else "ن = {}"
    table = (
        profile.join(outlets.filter(pl.col("shown")), on="outlet")
        .join(labels, on="frame")
        .join(overall, on="frame")
        .join(order, on="frame")
        .with_columns(
            pl.concat_str(pl.col("outlet_name"), pl.lit("\n"), bidi_expr(pl.format(n_label, pl.col("base")))).alias("outlet_label"),
        )
    )
    return table.select(
        "outlet", "outlet_label", "frame", "frame_label", "n_articles", "base", "share", "n_cues",
        "all_n_articles", "all_base", "all_share", "frame_order", "outlet_order",
    ).sort("frame_order", "outlet_order")


def frame_shares(tables, *, language: str = "en", codebook: Codebook | None = None, top_n: int | None = 12) -> Figure:
    """Heatmap of the share of each outlet's articles using each frame, beside the share of all
    articles ("framing-frames-by-outlet"). Cells show the count of articles; tooltips the share
    as "73% (22/30)" and the number of cues."""
    language = check_language(language)
    codebook = codebook or load_codebook()
    name = "framing-frames-by-outlet"
    title = _text(language, "frames_title")
    data = frame_share_table(tables, codebook=codebook, language=language, top_n=top_n)
    outlets = _outlets(tables, language, top_n)
    n_articles = int(outlets["n_articles"].sum())
    if data.height == 0 or tables.frames.height == 0 or data["n_articles"].sum() == 0:
        return _empty(name, title, _text(language, "no_frames"), data, language)

    data = data.with_columns(
        pl.format("{} ({}/{})", _percent(pl.col("share")), "n_articles", "base").alias("share_text"),
        pl.format("{} ({}/{})", _percent(pl.col("all_share")), "all_n_articles", "all_base").alias("all_share_text"),
    )
    arabic = language == "ar"
    frame_sort = data.sort("frame_order")["frame_label"].unique(maintain_order=True).to_list()
    outlet_sort = data.sort("outlet_order")["outlet_label"].unique(maintain_order=True).to_list()
    n_frames, n_outlets = len(frame_sort), len(outlet_sort)
    cell_width = min(96, max(58, _label_limit(outlet_sort, per_char=6.6)))
    frame_limit = _label_limit(frame_sort, maximum=240)
    row = 30
    t = TEXT[language]
    frame_axis = alt.Axis(title=None, labelLimit=frame_limit, orient="right" if arabic else "left", ticks=False, domain=False)
    y = alt.Y("frame_label:N", sort=frame_sort, axis=frame_axis)
    tooltip = [
        alt.Tooltip("outlet_name:N", title=bidi(t["outlet"])),
        alt.Tooltip("frame_label:N", title=bidi(t["frame"])),
        alt.Tooltip("share_text:N", title=bidi(t["share_n"])),
        alt.Tooltip("n_cues:Q", title=bidi(t["cues"]), format="d"),
    ]
    cells = data.join(outlets.select("outlet", "outlet_name"), on="outlet")
    base = alt.Chart(cells).encode(
        x=alt.X(
            "outlet_label:N", sort=outlet_sort, scale=alt.Scale(reverse=arabic),
            axis=alt.Axis(title=bidi(t["frames_x"]), orient="bottom", labelAngle=0, labelLimit=cell_width, ticks=False, domain=False,
                          labelExpr="split(datum.label, '\\n')", labelPadding=4, labelLineHeight=15),
        ),
        y=y,
    )
    heat = base.mark_rect(stroke="white", strokeWidth=1.5).encode(
        color=alt.Color("share:Q", scale=alt.Scale(scheme="blues", domain=[0, 1]),
                        legend=alt.Legend(title=bidi(t["share_articles"]), format="%", orient="bottom", direction="horizontal", gradientLength=180)),
        tooltip=tooltip,
    )
    numbers = base.mark_text(fontSize=12).encode(
        text=alt.Text("n_articles:Q", format="d"),
        color=alt.condition("datum.share >= 0.55", alt.value("white"), alt.value(TEXT_COLOR)),
        tooltip=tooltip,
    )
    grid = (heat + numbers).properties(width=cell_width * n_outlets, height=row * n_frames)

    overall = data.unique("frame", keep="first").sort("frame_order").select("frame", "frame_label", "all_n_articles", "all_base", "all_share", "all_share_text")
    bar_width = 130
    bars_base = alt.Chart(overall).encode(
        y=alt.Y("frame_label:N", sort=frame_sort, axis=None),
        tooltip=[
            alt.Tooltip("frame_label:N", title=bidi(t["frame"])),
            alt.Tooltip("all_share_text:N", title=bidi(t["share_n"])),
        ],
    )
    x_overall = alt.X(
        "all_share:Q", scale=alt.Scale(domain=[0, 1], reverse=arabic),
        axis=alt.Axis(format="%", values=[0, 0.5, 1], title=bidi(t["share_articles"]), grid=False),
    )
    bars = bars_base.mark_bar(color="#4E79A7", height=alt.RelativeBandSize(0.7)).encode(x=x_overall)
    bar_text = bars_base.mark_text(align="right" if arabic else "left", dx=-4 if arabic else 4, fontSize=11, color=TEXT_COLOR).encode(
        x=x_overall, text=alt.Text("all_n_articles:Q", format="d")
    )
    side = (bars + bar_text).properties(width=bar_width, height=row * n_frames, title=alt.TitleParams(bidi(t["all_outlets"]), fontSize=12, anchor="middle", orient="top"))

    panels = [side, grid] if arabic else [grid, side]
    subtitle = [
        _text(language, "frames_subtitle"),
        _text(language, "frames_order"),
        _text(language, "articles_outlets", articles=n_articles, outlets=outlets.height),
        _left_out(outlets, language, overall_panel=True),
    ]
    chart = alt.hconcat(*panels, spacing=14, title=_title(title, subtitle)).resolve_scale(color="independent")
    note = _text(language, "frames_note", articles=n_articles, outlets=outlets.height)
    left = _left_out(outlets, language, overall_panel=True)
    return Figure(name=name, title=title, chart=chart, data=data.drop("share_text", "all_share_text"), note=f"{note} {left}".strip(), language=language)


# ---------------------------------------------------------------------------------------------
# 2. tone by outlet

_GOLDEN = 0.6180339887498949


def tone_points(tables, *, language: str = "en", top_n: int | None = 12) -> pl.DataFrame:
    """Every article of the ``top_n`` outlets with its tone and its outlet's tone summary.

    Columns: doc_id, outlet, outlet_label ("BBC (29/30)": articles with a tone / all), tone (null
    when the article has no tonal cue), jitter (a fixed offset in [-0.5, 0.5) from the article's
    rank by doc_id in its outlet, for drawing dots), outlet_tone (mean), outlet_tone_sd,
    outlet_n_tone (articles with a tone), outlet_base (all articles), tone_low / tone_high (mean
    -/+ one sd, clipped to [-1, 1]), outlet_order. Sorted by outlet_order, doc_id.
    """
    language = check_language(language)
    outlets = _outlets(tables, language, top_n).filter(pl.col("shown"))
    summary = tone_profile(tables).rename({"tone": "outlet_tone", "tone_sd": "outlet_tone_sd", "n_articles": "outlet_n_tone", "base": "outlet_base"})
    label = TEXT[language]["tone_label"]
    points = (
        article_groups(tables, "all").select("doc_id", "outlet")
        .join(tables.documents.select("doc_id", "tone"), on="doc_id")
        .join(outlets.select("outlet", "outlet_name", "outlet_order"), on="outlet")
        .join(summary, on="outlet")
        .sort("outlet_order", "doc_id")
    )
    rank = pl.int_range(pl.len()).over("outlet").cast(pl.Float64)
    return points.with_columns(
        pl.col("outlet_n_tone").cast(pl.Int64),
        pl.col("outlet_base").cast(pl.Int64),
        ((rank * _GOLDEN) % 1.0 - 0.5).alias("jitter"),
        (pl.col("outlet_tone") - pl.col("outlet_tone_sd").fill_null(0)).clip(-1, 1).alias("tone_low"),
        (pl.col("outlet_tone") + pl.col("outlet_tone_sd").fill_null(0)).clip(-1, 1).alias("tone_high"),
        _label_expr(pl.format(label.replace("{outlet}", "{}").replace("{tone}", "{}").replace("{base}", "{}"), "outlet_name", "outlet_n_tone", "outlet_base"), language).alias("outlet_label"),
    ).select(
        "doc_id", "outlet", "outlet_label", "tone", "jitter", "outlet_tone", "outlet_tone_sd", "outlet_n_tone", "outlet_base",
        "tone_low", "tone_high", "outlet_order",
    )


def tone_by_outlet(tables, *, language: str = "en", top_n: int | None = 12, max_points: int = 300) -> Figure:
    """Each article's tone as a dot per outlet, the outlet's mean (diamond) +/- one standard
    deviation, a rule at zero ("framing-tone-by-outlet"). Outlet labels say how many of the
    outlet's articles have a tone. At most ``max_points`` dots per outlet (an even sample by
    doc_id); the means use every article."""
    language = check_language(language)
    name = "framing-tone-by-outlet"
    title = _text(language, "tone_title")
    data = tone_points(tables, language=language, top_n=top_n)
    outlets = _outlets(tables, language, top_n)
    n_articles = int(outlets["n_articles"].sum())
    n_tone = int(tables.documents["tone"].is_not_null().sum())
    if data.height == 0 or n_tone == 0:
        return _empty(name, title, _text(language, "no_tone"), data, language)
    t = TEXT[language]
    arabic = language == "ar"
    signed = _ltr if arabic else (lambda value: value)  # keep "-1" / "+1" together in Arabic text
    outlet_sort = data["outlet_label"].unique(maintain_order=True).to_list()
    limit = _label_limit(outlet_sort)

    rank = pl.int_range(pl.len()).over("outlet")
    step = ((pl.len().over("outlet") + max_points - 1) // max_points).cast(pl.Int64)  # every step-th dot: at most max_points
    dots = data.filter(pl.col("tone").is_not_null())
    sampled = bool((dots.group_by("outlet").len()["len"] > max_points).any())
    dots = dots.filter(rank % step == 0).with_columns(_signed("tone").alias("tone_text"))
    summary = data.unique("outlet", keep="first").sort("outlet_order").with_columns(
        pl.format("{}/{}", "outlet_n_tone", "outlet_base").alias("with_tone"),
        _signed("outlet_tone").alias("mean_text"),
        pl.col("outlet_tone_sd").round(2).cast(pl.String).alias("sd_text"),
    )
    domain = alt.Scale(domain=[-1, 1], nice=False)
    neg_label, pos_label = (bidi(t[k].replace("-1", signed("-1")).replace("+1", signed("+1"))) for k in ("tone_neg", "tone_pos"))
    label_expr = (
        f"datum.value == -1 ? {_js(neg_label)} : datum.value == 1 ? {_js(pos_label)} : "
        "(datum.value > 0 ? '+' : '') + replace(format(datum.value, '.1~f'), '\\u2212', '-')"  # d3's minus sign, escaped for Vega
    )
    x = alt.X("tone:Q", scale=domain, axis=alt.Axis(title=bidi(t["tone_axis"]), values=[-1, -0.5, 0, 0.5, 1], labelExpr=label_expr, labelFlush=True))
    row = max(50, 160 // len(outlet_sort))  # tall enough for the axis title with one or two outlets
    y = alt.Y("outlet_label:N", sort=outlet_sort, scale=alt.Scale(paddingInner=0, paddingOuter=0),
              axis=alt.Axis(title=bidi(t["tone_y"]), labelLimit=limit, orient="right" if arabic else "left", ticks=False, domain=False))
    tooltip_outlet = alt.Tooltip("outlet_label:N", title=bidi(t["outlet"]))
    zero = alt.Chart(alt.Data(values=[{"zero": 0}])).mark_rule(color="#888888", strokeDash=[4, 3], strokeWidth=1.2).encode(x=alt.X("zero:Q", scale=domain))
    # dots in a strip just below the outlet's line, the mean's value just above it
    dot_layer = alt.Chart(dots).mark_circle(size=30, opacity=0.45, color="#6F6F6F").encode(
        x=x, y=y,
        yOffset=alt.YOffset("jitter:Q", scale=alt.Scale(domain=[-0.5, 0.5], range=[row / 2 + 6, row / 2 + 20])),
        tooltip=[tooltip_outlet, alt.Tooltip("doc_id:N", title=bidi(t["article"])), alt.Tooltip("tone_text:N", title=bidi(t["tone"]))],
    )
    summary_tooltip = [
        tooltip_outlet,
        alt.Tooltip("mean_text:N", title=bidi(t["tone_mean"])),
        alt.Tooltip("sd_text:N", title=bidi(t["tone_sd"])),
        alt.Tooltip("with_tone:N", title=bidi(t["with_tone"])),
    ]
    with_mean = alt.Chart(summary.filter(pl.col("outlet_tone").is_not_null()))
    spread = with_mean.mark_rule(color=TEXT_COLOR, strokeWidth=2).encode(x=alt.X("tone_low:Q", scale=domain), x2="tone_high:Q", y=y, tooltip=summary_tooltip)
    mean = with_mean.mark_point(shape="diamond", filled=True, size=140, color=TEXT_COLOR, stroke="white", strokeWidth=1, opacity=1).encode(
        x=alt.X("outlet_tone:Q", scale=domain), y=y, tooltip=summary_tooltip
    )
    mean_text = with_mean.mark_text(dy=-12, fontSize=11, fontWeight="bold", color=TEXT_COLOR).encode(
        x=alt.X("outlet_tone:Q", scale=domain), y=y, text="mean_text:N", tooltip=summary_tooltip
    )
    layers = [zero, dot_layer, spread, mean, mean_text]
    no_tone = summary.filter(pl.col("outlet_tone").is_null())
    if no_tone.height:
        layers.append(
            alt.Chart(no_tone.with_columns(pl.lit(0.0).alias("x"), pl.lit(bidi(t["no_tone_outlet"])).alias("message")))
            .mark_text(fontSize=11, fontStyle="italic", color=MUTED_COLOR, dx=6, align="right" if arabic else "left")
            .encode(x=alt.X("x:Q", scale=domain), y=y, text="message:N", tooltip=summary_tooltip)
        )
    subtitle = [
        _text(language, "tone_scale", neg=signed("-1"), pos=signed("+1")),
        _text(language, "tone_marks"),
        _text(language, "tone_counts", tone=int(data["tone"].is_not_null().sum()), articles=n_articles, outlets=outlets.height),
        _left_out(outlets, language),
        _text(language, "sampled", max=max_points) if sampled else "",
    ]
    chart = alt.layer(*layers).properties(width=CHART_WIDTH - 40 - limit, height=row * len(outlet_sort), title=_title(title, subtitle))
    note = _text(language, "tone_note", tone=n_tone, articles=int(tables.documents.height), outlets=outlets.height)
    return Figure(name=name, title=title, chart=chart, data=data, note=f"{note} {_left_out(outlets, language)}".strip(), language=language)


def _signed(column: str) -> pl.Expr:
    """A tone as text with its sign and two decimals ("+0.33", "-0.25", "0.00"), with the ASCII
    minus: the charts' font has no U+2212, which d3's number format would write."""
    value = pl.col(column)
    cents = (value.abs() * 100).round(0).cast(pl.Int64)
    sign = pl.when((value > 0) & (cents > 0)).then(pl.lit("+")).when((value < 0) & (cents > 0)).then(pl.lit("-")).otherwise(pl.lit(""))
    return pl.concat_str(sign, (cents // 100).cast(pl.String), pl.lit("."), (cents % 100).cast(pl.String).str.zfill(2))


def _js(value: str) -> str:
    """A JavaScript string literal (for a Vega expression)."""
    import json

    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# 3. voice


def _quote_rows(tables, codebook: Codebook | None, language: str, top_n: int | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(quotes with voice_side, source and outlet; the outlets with their quote counts)."""
    outlets = _outlets(tables, language, top_n)
    quotes = voice_table(tables, codebook).join(article_groups(tables, "all").select("doc_id", "outlet"), on="doc_id")
    per_outlet = quotes.group_by("outlet").agg(pl.len().cast(pl.Int64).alias("base"))
    outlets = outlets.join(per_outlet, on="outlet", how="left").with_columns(pl.col("base").fill_null(0)).sort("outlet_order")
    label = TEXT[language]["voice_label"]
    outlets = outlets.with_columns(
        _label_expr(pl.format(label.replace("{outlet}", "{}").replace("{n}", "{}"), "outlet_name", "base"), language).alias("outlet_label")
    )
    return quotes, outlets


def _stack(quotes: pl.DataFrame, outlets: pl.DataFrame, column: str, categories: list[str], labels: list[str], colours: list[str]) -> pl.DataFrame:
    """Per shown outlet and category: n, base (quotes of the outlet), share, and the segment's
    start/end on a 0..1 stack in ``categories`` order."""
    order = pl.DataFrame({"category": categories, "category_label": labels, "category_order": list(range(len(categories))), "colour": colours},
                         schema={"category": pl.String, "category_label": pl.String, "category_order": pl.Int64, "colour": pl.String})
    shown = outlets.filter(pl.col("shown"))
    counted = quotes.join(shown.select("outlet"), on="outlet").group_by("outlet", pl.col(column).alias("category")).agg(pl.len().cast(pl.Int64).alias("n"))
    table = (
        counted.join(order, on="category", how="left")
        .join(shown.select("outlet", "outlet_name", "outlet_label", "outlet_order", "base"), on="outlet")
        .with_columns((pl.col("n") / pl.col("base")).alias("share"))
        .sort("outlet_order", "category_order")
        .with_columns(pl.col("share").cum_sum().over("outlet").alias("share_end"))
        .with_columns((pl.col("share_end") - pl.col("share")).alias("share_start"))
        .with_columns(pl.col("colour").is_in(list(_LIGHT)).alias("light"))
    )
    return table.select(
        "outlet", "outlet_name", "outlet_label", "category", "category_label", "n", "base", "share", "share_start", "share_end",
        "outlet_order", "category_order", "light",
    )


def voice_side_table(tables, *, codebook: Codebook | None = None, language: str = "en", top_n: int | None = 12) -> pl.DataFrame:
    """Per outlet (the ``top_n`` with most articles) and side of the speaker: quotes.

    Columns: outlet, outlet_name, outlet_label ("BBC (224)": quotes), side (category), side_label
    (in ``language``), n, base (the outlet's quotes), share, share_start / share_end (the segment
    on a stacked 0..1 bar, sides in the fixed ``SIDES`` order), outlet_order, side_order, light
    (a light colour: dark text on it). Sorted by outlet_order, side_order.
    """
    language = check_language(language)
    quotes, outlets = _quote_rows(tables, codebook, language, top_n)
    sides = list(SIDES)
    table = _stack(quotes, outlets, "voice_side", sides, [side_label(s, language) for s in sides], [SIDES[s][0] for s in sides])
    return table.rename({"category": "side", "category_label": "side_label", "category_order": "side_order"})


def voice_source_table(tables, *, codebook: Codebook | None = None, language: str = "en", top_n: int | None = 12) -> pl.DataFrame:
    """Per outlet and source kind (named / anonymous): quotes, with the same columns as
    ``voice_side_table`` (source, source_label, source_order instead of side...)."""
    language = check_language(language)
    quotes, outlets = _quote_rows(tables, codebook, language, top_n)
    kinds = list(SOURCE_COLORS)
    table = _stack(quotes, outlets, "source", kinds, [bidi(TEXT[language][k]) for k in kinds], [SOURCE_COLORS[k] for k in kinds])
    return table.rename({"category": "source", "category_label": "source_label", "category_order": "source_order"})


def _stacked_chart(table: pl.DataFrame, outlets: pl.DataFrame, label_col: str, scale: alt.Scale, legend_title: str, language: str) -> alt.Chart:
    """Horizontal 100% bars per outlet, n on each wide enough segment; mirrored in Arabic."""
    t = TEXT[language]
    mirror = rtl_axis(language)
    shown = outlets.filter(pl.col("shown")).sort("outlet_order")
    outlet_sort = shown["outlet_label"].to_list()
    limit = _label_limit(outlet_sort)
    width = CHART_WIDTH - limit - 50
    y = alt.Y("outlet_label:N", sort=outlet_sort, scale=alt.Scale(domain=outlet_sort, paddingInner=0.3),
              axis=alt.Axis(title=bidi(t["voice_y"]), labelLimit=limit, ticks=False, domain=False, **mirror["axis"]))
    x = alt.X("share_start:Q", scale=alt.Scale(domain=[0, 1], **mirror["scale"]),
              axis=alt.Axis(format="%", title=bidi(t["share_quotes"]), values=[0, 0.25, 0.5, 0.75, 1]))
    data = table.with_columns(
        pl.format("{} ({}/{})", _percent(pl.col("share")), "n", "base").alias("share_text"),
        ((pl.col("share_start") + pl.col("share_end")) / 2).alias("share_mid"),
        # the count only where it fits in its segment (7 px a digit); the tooltip has every count
        (pl.col("share") * width >= pl.col("n").cast(pl.String).str.len_chars() * 7 + 6).alias("fits"),
    )
    tooltip = [
        alt.Tooltip("outlet_name:N", title=bidi(t["outlet"])),
        alt.Tooltip(f"{label_col}:N", title=legend_title),
        alt.Tooltip("share_text:N", title=bidi(t["share_n"])),
    ]
    base = alt.Chart(data)
    bars = base.mark_bar(stroke="white", strokeWidth=1).encode(
        x=x, x2="share_end:Q", y=y,
        color=alt.Color(f"{label_col}:N", scale=scale, legend=alt.Legend(title=legend_title, orient="bottom", direction="horizontal", columns=6)),
        tooltip=tooltip,
    )
    numbers = base.transform_filter("datum.fits").mark_text(fontSize=11).encode(
        x=alt.X("share_mid:Q", scale=alt.Scale(domain=[0, 1], **mirror["scale"])), y=y,
        text=alt.Text("n:Q", format="d"),
        color=alt.condition("datum.light", alt.value(TEXT_COLOR), alt.value("white")),
        tooltip=tooltip,
    )
    return alt.layer(bars, numbers).properties(width=width, height=max(ROW_HEIGHT * len(outlet_sort), 130))  # room for the axis title


def voice(tables, *, language: str = "en", codebook: Codebook | None = None, top_n: int | None = 12) -> Figure:
    """Who each outlet quotes: 100% bars of its quotes by the speaker's side (colours of
    ``side_scale``), the count on each segment ("framing-voice")."""
    language = check_language(language)
    name = "framing-voice"
    title = _text(language, "voice_title")
    data = voice_side_table(tables, codebook=codebook, language=language, top_n=top_n)
    quotes, outlets = _quote_rows(tables, codebook, language, top_n)
    if data.height == 0:
        return _empty(name, title, _text(language, "no_quotes"), data, language)
    chart = _stacked_chart(data.rename({"side_label": "category_label"}), outlets, "category_label", side_scale(language), bidi(TEXT[language]["side"]), language)
    counts = dict(quotes=quotes.height, articles=int(outlets["n_articles"].sum()), outlets=outlets.height)
    subtitle = [
        _text(language, "voice_subtitle"), _text(language, "voice_other"), _text(language, "bar_counts"),
        _text(language, "quote_counts", **counts), _left_out(outlets, language),
    ]
    chart = chart.properties(title=_title(title, subtitle))
    note = f"{_text(language, 'voice_note', **counts)} {_left_out(outlets, language)}".strip()
    return Figure(name=name, title=title, chart=chart, data=data, note=note, language=language)


def voice_sources(tables, *, language: str = "en", codebook: Codebook | None = None, top_n: int | None = 12) -> Figure:
    """Named speakers vs anonymous sources: 100% bars per outlet with counts ("framing-voice-sources")."""
    language = check_language(language)
    name = "framing-voice-sources"
    title = _text(language, "sources_title")
    data = voice_source_table(tables, codebook=codebook, language=language, top_n=top_n)
    quotes, outlets = _quote_rows(tables, codebook, language, top_n)
    if data.height == 0:
        return _empty(name, title, _text(language, "no_quotes"), data, language)
    kinds = list(SOURCE_COLORS)
    scale = alt.Scale(domain=[bidi(TEXT[language][k]) for k in kinds], range=[SOURCE_COLORS[k] for k in kinds])
    chart = _stacked_chart(data.rename({"source_label": "category_label"}), outlets, "category_label", scale, bidi(TEXT[language]["source"]), language)
    counts = dict(quotes=quotes.height, articles=int(outlets["n_articles"].sum()), outlets=outlets.height)
    subtitle = [_text(language, "sources_subtitle"), _text(language, "bar_counts"), _text(language, "quote_counts", **counts), _left_out(outlets, language)]
    chart = chart.properties(title=_title(title, subtitle))
    note = f"{_text(language, 'sources_note', **counts)} {_left_out(outlets, language)}".strip()
    return Figure(name=name, title=title, chart=chart, data=data, note=note, language=language)


# ---------------------------------------------------------------------------------------------
# 4. example sentences

EXAMPLE_COLUMNS = {
    "frame": pl.String, "frame_label": pl.String, "label_en": pl.String, "label_ar": pl.String, "outlet": pl.String,
    "doc_id": pl.String, "sentence": pl.Int32, "text": pl.String, "surface": pl.String, "cue": pl.String,
    "cue_start": pl.Int64, "cue_end": pl.Int64, "negated": pl.Boolean,
}
LONG_SENTENCE = 320  # characters: longer sentences are picked only when there is no shorter one


def example_sentences(tables, *, codebook: Codebook | None = None, per_frame: int = 3, language: str = "en") -> pl.DataFrame:
    """Up to ``per_frame`` example sentences per frame, spread over outlets and articles.

    A sentence qualifies for a frame when it has a cue of it (the first such cue is marked).
    The choice is deterministic: a frame takes the best sentence of one article from each outlet
    in turn (outlets with most such articles first) before a second article of any outlet, and
    a second sentence of an article only when there are no more articles. Within an article the
    best sentence is a short one (at most 320 characters) with the most cues of the frame, then
    the earliest; within an outlet, the article with most cues of the frame, then by doc_id.

    Columns: frame, frame_label (in ``language``), label_en, label_ar, outlet, doc_id, sentence,
    text (the whole sentence, from documents.text), surface (the cue as written), cue (the
    codebook entry), cue_start / cue_end (the cue's offsets within ``text``), negated.
    Sorted by frame, outlet, doc_id, sentence.
    """
    language = check_language(language)
    codebook = codebook or load_codebook()
    if per_frame < 1 or tables.frames.height == 0:
        return pl.DataFrame(schema=EXAMPLE_COLUMNS)
    labels = codebook.frames.select(
        pl.col("key").alias("frame"), "label_en", "label_ar",
        bidi_expr("label_en" if language == "en" else "label_ar").alias("frame_label"),
    )
    cues = (
        tables.frames.select("doc_id", "sentence", "frame", "cue", "surface", "start", "end", "negated")
        .join(labels.select("frame"), on="frame")
        .sort("frame", "doc_id", "sentence", "start")
    )
    per_sentence = cues.group_by("frame", "doc_id", "sentence", maintain_order=True).agg(
        pl.col("cue").first(), pl.col("surface").first(), pl.col("start").first(), pl.col("end").first(),
        pl.col("negated").first(), pl.len().alias("sentence_cues"),
    )
    spans = tables.sentences.select("doc_id", "sentence", pl.col("start").alias("s_start"), pl.col("end").alias("s_end"))
    docs = tables.documents.select("doc_id", "text").join(article_groups(tables, "all").select("doc_id", "outlet"), on="doc_id")
    rows = (
        per_sentence.join(spans, on=["doc_id", "sentence"])
        .join(docs, on="doc_id")
        .with_columns(
            pl.col("text").str.slice(pl.col("s_start"), pl.col("s_end") - pl.col("s_start")).alias("text"),
            (pl.col("start") - pl.col("s_start")).alias("cue_start"),
            (pl.col("end") - pl.col("s_start")).alias("cue_end"),
            ((pl.col("s_end") - pl.col("s_start")) > LONG_SENTENCE).alias("long"),
        )
        .with_columns(pl.col("sentence_cues").sum().over("frame", "doc_id").alias("doc_cues"))
    )
    # rank the sentences in their article, the articles in their outlet, the outlets in the frame
    rows = rows.sort("frame", "doc_id", "long", "sentence_cues", "sentence", descending=[False, False, False, True, False]).with_columns(
        pl.int_range(pl.len()).over("frame", "doc_id").alias("sentence_rank")
    )
    articles = rows.unique(["frame", "doc_id"]).select("frame", "outlet", "doc_id", "doc_cues").sort(
        "frame", "outlet", "doc_cues", "doc_id", descending=[False, False, True, False]
    ).with_columns(pl.int_range(pl.len()).over("frame", "outlet").alias("doc_rank"))
    outlets = articles.group_by("frame", "outlet").agg(pl.len().alias("outlet_docs")).sort(
        "frame", "outlet_docs", "outlet", descending=[False, True, False]
    ).with_columns(pl.int_range(pl.len()).over("frame").alias("outlet_rank"))
    chosen = (
        rows.join(articles.select("frame", "doc_id", "doc_rank"), on=["frame", "doc_id"])
        .join(outlets.select("frame", "outlet", "outlet_rank"), on=["frame", "outlet"])
        .sort("frame", "sentence_rank", "doc_rank", "outlet_rank")
        .group_by("frame", maintain_order=True)
        .head(per_frame)
        .join(labels, on="frame")
    )
    return chosen.select(list(EXAMPLE_COLUMNS)).cast(EXAMPLE_COLUMNS).sort("frame", "outlet", "doc_id", "sentence")


def _cell(text: str, *, klass: str = "") -> str:
    arabic = bool(_ARABIC.search(text or ""))
    attributes = ' dir="rtl" lang="ar"' if arabic else ' dir="ltr"'
    klass = f' class="{klass}"' if klass else ""
    return f"<td{klass}{attributes}>"


def examples_html(df: pl.DataFrame, *, language: str = "en") -> str:
    """An HTML <table> of ``example_sentences``: frame (label in ``language``), outlet, the
    sentence with its cue in <mark>, negated, article. Text escaped; Arabic cells carry
    dir="rtl" lang="ar"; no stylesheet, script or other resource."""
    language = check_language(language)
    t = TEXT[language]
    table_dir = ' dir="rtl" lang="ar"' if language == "ar" else ' dir="ltr" lang="en"'
    head = "".join(f"<th>{html.escape(t[k])}</th>" for k in ("frame", "outlet", "sentence", "negated", "article"))
    lines = [f'<table class="framing-examples"{table_dir}>', f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    label_column = f"label_{language}" if f"label_{language}" in df.columns else ("frame_label" if "frame_label" in df.columns else "frame")
    if df.height == 0:
        lines.append(f'<tr><td colspan="5">{html.escape(t["no_examples"])}</td></tr>')
    for row in df.sort("frame", "outlet", "doc_id", "sentence").iter_rows(named=True):
        text, start, end = row["text"] or "", row["cue_start"], row["cue_end"]
        if start is not None and end is not None and 0 <= start <= end <= len(text):
            sentence = f"{html.escape(text[:start])}<mark>{html.escape(text[start:end])}</mark>{html.escape(text[end:])}"
        else:
            sentence = html.escape(text)
        label = (row.get(label_column) or row["frame"]).strip("\u2067\u2069")
        outlet = t["unknown_outlet"] if row["outlet"] == UNKNOWN_OUTLET else row["outlet"]
        lines.append(
            "<tr>"
            f"{_cell(label)}{html.escape(label)}</td>"
            f"{_cell(outlet or '')}{html.escape(outlet or '')}</td>"
            f"{_cell(text, klass='sentence')}{sentence}</td>"
            f"<td>{html.escape(t['yes']) if row['negated'] else ''}</td>"
            f'<td dir="ltr"><code>{html.escape(row["doc_id"])}</code></td>'
            "</tr>"
        )
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)
