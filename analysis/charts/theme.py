"""The look of every chart, and labels that read right in Arabic and in English.

* ``configure(chart)``: the shared Altair configuration (the shipped "Analysis Sans" font, sizes,
  a white background, no chart border) applied once to a finished top-level chart;
* ``SIDES`` / ``side_scale(language)``: the fixed colour of each side (United States, Russia,
  Ukraine, Europe, international, other), the same in every chart and in both languages;
* ``bidi(text)``: a label with Arabic letters wrapped in U+2067 (right-to-left isolate) ...
  U+2069, so that "ماكرون (Macron)" or "قمة ألاسكا 2025" reads right to left inside a
  left-to-right chart, and punctuation stays with its own words;
* ``entity_labels(tables, language)``: entity_id -> label for actors and places, from
  ``name_en`` when ``language`` is "en" (``name_ar`` when "ar"), the other name when one is missing;
* ``actor_sides(tables, codebook)``: actor_id -> side, from the actor's country (or its ``side``)
  through the codebook's ``voice.sides``, as the voice measures use.
"""

from __future__ import annotations

import re

import altair as alt
import polars as pl

from ..entities import STATE_PREFIX
from .fonts import FAMILY

__all__ = [
    "LANGUAGES", "SIDES", "OTHER_SIDE", "STATUS_COLORS", "bidi", "bidi_expr", "check_language", "configure",
    "side_scale", "side_label", "entity_labels", "actor_sides", "translate", "rtl_axis",
]

LANGUAGES = ("en", "ar")
OTHER_SIDE = "other"
# side -> (colour, English label, Arabic label); colours from Tableau 10, distinct for colour-blind readers
SIDES: dict[str, tuple[str, str, str]] = {
    "United States": ("#4E79A7", "United States", "الولايات المتحدة"),
    "Russia": ("#E15759", "Russia", "روسيا"),
    "Ukraine": ("#EDC948", "Ukraine", "أوكرانيا"),
    "Europe": ("#B07AA1", "Europe", "أوروبا"),
    "International": ("#76B7B2", "International", "دولي"),
    OTHER_SIDE: ("#BAB0AC", "Other", "أخرى"),
}
STATUS_COLORS = {"held": "#2F4B7C", "planned": "#F28E2B", "postponed": "#9C755F", "cancelled": "#BAB0AC"}
TEXT_COLOR = "#222222"
MUTED_COLOR = "#666666"
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
RLI, PDI = "\u2067", "\u2069"


def check_language(language: str) -> str:
    """``language`` if it is "en" or "ar", else a ValueError that says which are known."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    return language


def translate(text: dict[str, dict[str, str]], key: str, language: str) -> str:
    """``text[language][key]`` (bidi-wrapped when Arabic): the strings of one chart module."""
    return bidi(text[check_language(language)][key])


def bidi(value: str | None) -> str | None:
    """``value`` wrapped in a right-to-left isolate when it has Arabic letters (once)."""
    if value is None or not _ARABIC.search(value) or value.startswith(RLI):
        return value
    return f"{RLI}{value}{PDI}"


def bidi_expr(column: str | pl.Expr) -> pl.Expr:
    """``bidi`` as a Polars expression over a String column (keeps the column's name)."""
    expr = pl.col(column) if isinstance(column, str) else column
    wrapped = pl.when(expr.str.contains(_ARABIC.pattern) & ~expr.str.starts_with(RLI)).then(pl.concat_str(pl.lit(RLI), expr, pl.lit(PDI))).otherwise(expr)
    return wrapped.alias(column) if isinstance(column, str) else wrapped.name.keep()


def side_label(side: str, language: str) -> str:
    """The label of a side in ``language``."""
    colour, en, ar = SIDES.get(side, SIDES[OTHER_SIDE])
    return en if check_language(language) == "en" else bidi(ar)


def side_scale(language: str) -> alt.Scale:
    """The colour scale of sides, keyed by their labels in ``language`` (fixed order and colours)."""
    return alt.Scale(domain=[side_label(s, language) for s in SIDES], range=[c for c, _, _ in SIDES.values()])


def entity_labels(tables, language: str) -> pl.DataFrame:
    """(entity_id, label) of every actor and place: the name in ``language``, else the other one.

    Two entities with the same label (two "Ahmed" of different articles) get their id appended,
    so a chart never merges them. A state and its country ("state-japan", "japan") are one entity
    and share the country's name.
    """
    first, second = ("name_en", "name_ar") if check_language(language) == "en" else ("name_ar", "name_en")
    frames = [tables.actors.select(pl.col("actor_id").alias("entity_id"), first, second)]
    frames.append(tables.places.select(pl.col("place_id").alias("entity_id"), first, second))
    labels = pl.concat(frames).unique("entity_id", keep="first").with_columns(
        pl.coalesce(pl.col(first).str.strip_chars().replace("", None), pl.col(second), pl.col("entity_id")).alias("label")
    )
    entity = pl.col("entity_id").str.strip_prefix(STATE_PREFIX)
    labels = labels.with_columns(
        pl.when(entity.n_unique().over("label") > 1).then(pl.format("{} ({})", "label", "entity_id")).otherwise(pl.col("label")).alias("label")
    )
    return labels.select("entity_id", bidi_expr("label").alias("label")).sort("entity_id")


def actor_sides(tables, codebook=None) -> pl.DataFrame:
    """(actor_id, side) of every actor: its ``side`` or country mapped by the codebook, an
    international organization's own side ("International"), else "other"."""
    from ..framing import load_codebook

    sides = (codebook or load_codebook()).sides
    side = pl.col("side") if "side" in tables.actors.columns else pl.lit(None, pl.String)
    return tables.actors.select(
        "actor_id",
        pl.coalesce(
            side.replace_strict(sides, default=None, return_dtype=pl.String),
            pl.col("country").replace_strict(sides, default=None, return_dtype=pl.String),
            pl.when(side.is_in(list(SIDES))).then(side),  # "International": the UN, the IAEA...
        ).fill_null(OTHER_SIDE).alias("side"),
    ).sort("actor_id")


# vl-convert draws with the first family; browsers without the embedded font (JupyterLab) fall back
FONT = f"{FAMILY}, Noto Sans, DejaVu Sans, Arial, sans-serif"


def configure(chart: alt.TopLevelMixin, language: str = "en", *, font: str = FONT) -> alt.TopLevelMixin:
    """``chart`` with the shared look; call once, on the finished top-level chart.

    In Arabic (``language="ar"``) titles are anchored right and legends sit on the left, so the
    page reads from the right; chart modules mirror their own axes (``rtl_axis``).
    """
    arabic = check_language(language) == "ar"
    return (
        chart.configure(font=font, background="white", padding=12)
        .configure_view(strokeWidth=0)
        .configure_title(
            fontSize=16, fontWeight="bold", anchor="end" if arabic else "start", color=TEXT_COLOR,
            subtitleFontSize=12, subtitleColor=MUTED_COLOR, offset=10,
        )
        .configure_axis(labelFontSize=12, titleFontSize=12, labelColor=TEXT_COLOR, titleColor=TEXT_COLOR, gridColor="#E6E6E6", domainColor="#888888", tickColor="#888888", labelLimit=260)
        .configure_legend(labelFontSize=12, titleFontSize=12, labelLimit=260, symbolSize=120, orient="left" if arabic else "right")
        .configure_header(labelFontSize=12, titleFontSize=12, labelLimit=260)
    )


def rtl_axis(language: str) -> dict:
    """Keyword arguments that mirror a horizontal bar chart in Arabic: the category axis on the
    right, values growing leftwards. ``alt.Y(..., axis=alt.Axis(**rtl_axis(l)["axis"]))`` and
    ``alt.X(..., scale=alt.Scale(**rtl_axis(l)["scale"]))``."""
    arabic = check_language(language) == "ar"
    return {"axis": {"orient": "right"} if arabic else {}, "scale": {"reverse": True} if arabic else {}}
