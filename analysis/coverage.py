"""Coverage and framing profiles: tidy tables built from the corpus tables.

Every function takes the ``Tables`` of ``analysis.build`` (or ``analysis.load_tables``) and returns
a tidy Polars DataFrame, one row per group, with the counts behind each share so that a reader
can see when a figure rests on two articles:

* ``coverage(tables, kind, by, period)``: mentions and articles per actor, place or meeting, per
  outlet and period, with the **attention share**: the share of the outlet's articles of that
  period that mention it (attention normalized by volume, as Media Cloud does);
* ``top(coverage_table, n, by)``: the n most covered per group;
* ``frame_profile``, ``tone_profile``, ``voice_profile``: per outlet, the share of articles that
  use each frame, the mean tone, and who gets quoted (by side, named vs anonymous);
* ``outlet_profiles``: all of these in one long table (outlet, measure, category, value, n, base).

Articles without a publication date are counted in the period "undated", never dropped; an
article without an outlet counts under "unknown outlet".
"""

from __future__ import annotations

import polars as pl

from .framing import Codebook, load_codebook

__all__ = [
    "UNDATED",
    "UNKNOWN_OUTLET",
    "article_groups",
    "coverage",
    "top",
    "frame_profile",
    "tone_profile",
    "voice_profile",
    "voice_table",
    "outlet_profiles",
]

UNDATED = "undated"
UNKNOWN_OUTLET = "unknown outlet"
PERIODS = ("all", "day", "week", "month")
GROUPINGS = ("outlet", "period", "doc_id")


def _period(published: pl.Expr, period: str) -> pl.Expr:
    if period not in PERIODS:
        raise ValueError(f"period must be one of {PERIODS}, not {period!r}")
    if period == "all":
        label = pl.lit("all")
    elif period == "day":
        label = published.dt.strftime("%Y-%m-%d")
    elif period == "week":
        label = published.dt.truncate("1w").dt.strftime("%Y-%m-%d")  # the Monday that starts the week
    else:
        label = published.dt.strftime("%Y-%m")
    return pl.when(published.is_null()).then(pl.lit(UNDATED)).otherwise(label) if period != "all" else label


def article_groups(tables, period: str = "week") -> pl.DataFrame:
    """(doc_id, outlet, period) of every article; outlet "unknown outlet", period "undated" when missing."""
    return tables.documents.select(
        "doc_id",
        pl.col("outlet").fill_null(UNKNOWN_OUTLET).alias("outlet"),
        _period(pl.col("published"), period).alias("period"),
    )


def _check_by(by: tuple[str, ...] | list[str]) -> list[str]:
    by = list(by)
    bad = [b for b in by if b not in GROUPINGS]
    if bad:
        raise ValueError(f"by must name columns among {GROUPINGS}, not {bad}")
    return by


def _entity_rows(tables, kind: str) -> pl.DataFrame:
    """(doc_id, entity_id, n) rows for one kind: person, organization, place or meeting.

    The author named by an article's byline (first sentence, same name as ``documents.author``)
    wrote the article and is not covered by it: those mentions are not counted.
    """
    if kind == "meeting":
        return tables.meeting_mentions.filter(pl.col("meeting_id").is_not_null()).group_by("doc_id", pl.col("meeting_id").alias("entity_id")).len("n_mentions")
    if kind not in ("person", "organization", "place"):
        raise ValueError(f"kind must be person, organization, place or meeting, not {kind!r}")
    mentions = tables.mentions.filter(pl.col("entity_kind") == kind)
    if kind == "person":
        authors = tables.documents.select("doc_id", pl.col("author").alias("_author"))
        byline = (pl.col("sentence") == 0) & (pl.col("surface") == pl.col("_author"))
        mentions = mentions.join(authors, on="doc_id", how="left").filter(~byline.fill_null(False))
    return mentions.group_by("doc_id", "entity_id").len("n_mentions")


def _names(tables, kind: str) -> pl.DataFrame:
    if kind == "meeting":
        meetings = tables.meetings
        return meetings.select(
            pl.col("meeting_id").alias("entity_id"),
            pl.col("participants").list.join(" · ").alias("name_en"),
            pl.lit(None, pl.String).alias("name_ar"),
        )
    source = tables.places.rename({"place_id": "entity_id"}) if kind == "place" else tables.actors.rename({"actor_id": "entity_id"})
    return source.select("entity_id", "name_en", "name_ar")


def coverage(tables, kind: str = "person", by: tuple[str, ...] = ("outlet", "period"), period: str = "week") -> pl.DataFrame:
    """Coverage of actors, places or meetings per group.

    Columns: entity_id, name_en, name_ar, the ``by`` columns, n_mentions, n_articles,
    group_articles (articles of the group), share (n_articles / group_articles). Sorted by group,
    then n_articles descending, then entity_id.
    """
    by = _check_by(by)
    groups = article_groups(tables, period)
    rows = _entity_rows(tables, kind).join(groups, on="doc_id")
    counted = rows.group_by("entity_id", *by).agg(pl.col("n_mentions").sum().cast(pl.Int64), pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_articles"))
    totals = groups.group_by(*by).agg(pl.col("doc_id").n_unique().cast(pl.Int64).alias("group_articles")) if by else groups.select(pl.len().cast(pl.Int64).alias("group_articles"))
    counted = counted.join(totals, on=by, how="left") if by else counted.join(totals, how="cross")
    return counted.join(_names(tables, kind), on="entity_id", how="left").with_columns(
        (pl.col("n_articles") / pl.col("group_articles")).alias("share")
    ).select("entity_id", "name_en", "name_ar", *by, "n_mentions", "n_articles", "group_articles", "share").sort(
        [*by, "n_articles", "entity_id"], descending=[False] * len(by) + [True, False]
    )


def top(table: pl.DataFrame, n: int = 10, by: tuple[str, ...] = (), measure: str = "n_articles") -> pl.DataFrame:
    """The ``n`` rows with the highest ``measure`` in each ``by`` group (ties: entity_id)."""
    ordered = table.sort([*by, measure, "entity_id"], descending=[False] * len(by) + [True, False])
    if not by:
        return ordered.head(n)
    return ordered.group_by(list(by), maintain_order=True).head(n)


def frame_profile(tables, codebook: Codebook | None = None, by: tuple[str, ...] = ("outlet",), period: str = "all") -> pl.DataFrame:
    """Per group and frame: n_articles using the frame, base (articles of the group), share, n_cues."""
    codebook = codebook or load_codebook()
    by = _check_by(by)
    groups = article_groups(tables, period)
    totals = groups.group_by(*by).agg(pl.len().cast(pl.Int64).alias("base"))
    frames = codebook.frames.select(pl.col("key").alias("frame"), "label_en", "label_ar")
    used = tables.frames.join(groups, on="doc_id").group_by(*by, "frame").agg(
        pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_articles"), pl.len().cast(pl.Int64).alias("n_cues")
    )
    grid = totals.join(frames, how="cross")
    return grid.join(used, on=[*by, "frame"], how="left").with_columns(
        pl.col("n_articles").fill_null(0), pl.col("n_cues").fill_null(0)
    ).with_columns((pl.col("n_articles") / pl.col("base")).alias("share")).select(
        *by, "frame", "label_en", "label_ar", "n_articles", "base", "share", "n_cues"
    ).sort(*by, "frame")


def tone_profile(tables, by: tuple[str, ...] = ("outlet",), period: str = "all") -> pl.DataFrame:
    """Per group: mean tone of the articles that have one, n_articles with a tone, base (all articles)."""
    by = _check_by(by)
    groups = article_groups(tables, period).join(tables.documents.select("doc_id", "tone"), on="doc_id")
    return groups.group_by(*by).agg(
        pl.col("tone").mean().alias("tone"),
        pl.col("tone").std().alias("tone_sd"),
        pl.col("tone").is_not_null().sum().cast(pl.Int64).alias("n_articles"),
        pl.len().cast(pl.Int64).alias("base"),
    ).sort(*by)


def voice_table(tables, codebook: Codebook | None = None) -> pl.DataFrame:
    """The quotes with the side of their speaker: Russia, United States, Ukraine, Europe or other.

    The side comes from the speaker's country (or an international actor's ``side``), for an
    anonymous source from its affiliation, mapped by the codebook's ``voice.sides``.
    """
    codebook = codebook or load_codebook()
    sides = codebook.sides
    actors = tables.actors.select("actor_id", "country", pl.col("side") if "side" in tables.actors.columns else pl.lit(None, pl.String).alias("side"))
    places = tables.places.select(pl.col("place_id").alias("actor_id"), "country", pl.lit(None, pl.String).alias("side"))
    who = pl.concat([actors, places]).unique("actor_id")
    quotes = tables.quotes.with_columns(pl.coalesce("speaker_id", "affiliation").alias("_who")).join(who, left_on="_who", right_on="actor_id", how="left")
    # an anonymous source's affiliation may be a country code itself ("مسؤولون أمريكيون")
    code = pl.coalesce(pl.col("side"), pl.col("country"), pl.when(pl.col("_who").str.contains(r"^[A-Z]{2}$")).then(pl.col("_who")))
    return quotes.with_columns(
        code.replace_strict(sides, default="other", return_dtype=pl.String).fill_null("other").alias("voice_side"),
        pl.when(pl.col("speaker_kind") == "anonymous").then(pl.lit("anonymous")).otherwise(pl.lit("named")).alias("source"),
    ).drop("_who", "country", "side")


def voice_profile(tables, codebook: Codebook | None = None, by: tuple[str, ...] = ("outlet",), period: str = "all") -> pl.DataFrame:
    """Per group: quotes by side and by named/anonymous source: n, base (all quotes of the group), share."""
    by = _check_by(by)
    quotes = voice_table(tables, codebook).join(article_groups(tables, period), on="doc_id")
    base = quotes.group_by(*by).agg(pl.len().cast(pl.Int64).alias("base"))
    parts = []
    for measure, column in (("voice_side", "voice_side"), ("source", "source")):
        counted = quotes.group_by(*by, column).agg(pl.len().cast(pl.Int64).alias("n")).rename({column: "category"})
        parts.append(counted.with_columns(pl.lit(measure).alias("measure")))
    return pl.concat(parts).join(base, on=by).with_columns((pl.col("n") / pl.col("base")).alias("share")).select(
        *by, "measure", "category", "n", "base", "share"
    ).sort(*by, "measure", "category")


def outlet_profiles(tables, codebook: Codebook | None = None) -> pl.DataFrame:
    """Per outlet, in one long table: frame shares, tone, voice by side and source.

    Columns: outlet, measure (frame / tone / voice_side / source), category, value, n, base.
    ``value`` is a share of articles (frames), a mean tone, or a share of quotes (voice); ``n`` is
    the count behind it and ``base`` the articles or quotes it is divided by.
    """
    codebook = codebook or load_codebook()
    frames = frame_profile(tables, codebook).select("outlet", pl.lit("frame").alias("measure"), pl.col("frame").alias("category"), pl.col("share").alias("value"), pl.col("n_articles").alias("n"), "base")
    tone = tone_profile(tables).select("outlet", pl.lit("tone").alias("measure"), pl.lit("tone").alias("category"), pl.col("tone").alias("value"), pl.col("n_articles").alias("n"), "base")
    voice = voice_profile(tables, codebook).select("outlet", "measure", "category", pl.col("share").alias("value"), "n", "base")
    return pl.concat([frames, tone, voice]).sort("outlet", "measure", "category")
