"""Coverage, attention shares, undated articles, top-N, voice by side and outlet profiles."""

from __future__ import annotations

import polars as pl
import pytest

from analysis import coverage as C

TEXTS = [
    "التقى وزير الخارجية الروسي سيرغي لافروف وزير الخارجية الأمريكي أنتوني بلينكن في موسكو.",
    "قال وزير الخارجية الأوكراني دميترو كوليبا إن لافروف لا يريد السلام.",
    "أكد مسؤولون أمريكيون أن بلينكن سيزور كييف.",
]


@pytest.fixture
def tables(build_texts):
    return build_texts(TEXTS, published=["2025-12-02", "2025-12-09", None], outlets=["A", "A", "B"])


def test_attention_is_normalized_by_the_outlets_articles_and_undated_articles_are_kept(tables):
    table = C.coverage(tables, "person", by=("outlet", "period"), period="week")
    lavrov = table.filter(pl.col("entity_id") == "sergey-lavrov").sort("period")
    assert lavrov.select("outlet", "period", "n_articles", "group_articles", "share").rows() == [
        ("A", "2025-12-01", 1, 1, 1.0),
        ("A", "2025-12-08", 1, 1, 1.0),
    ]
    blinken = table.filter(pl.col("entity_id") == "antony-blinken").sort("period")
    assert ("B", "undated", 1, 1, 1.0) in blinken.select("outlet", "period", "n_articles", "group_articles", "share").rows()
    overall = C.coverage(tables, "person", by=("outlet",), period="all")
    assert overall.filter((pl.col("entity_id") == "sergey-lavrov") & (pl.col("outlet") == "A"))["share"][0] == 1.0


def test_places_and_meetings_have_coverage_too(tables):
    places = C.coverage(tables, "place", by=(), period="all")
    assert set(places["entity_id"]) == {"moscow-ru", "kyiv-ua"}
    meetings = C.coverage(tables, "meeting", by=("outlet",), period="all")
    assert meetings["n_articles"].sum() == tables.meetings["n_docs"].sum()


def test_top_keeps_the_n_most_covered_per_group(tables):
    table = C.coverage(tables, "person", by=("outlet",), period="all")
    best = C.top(table, 1, by=("outlet",))
    assert best.group_by("outlet").len()["len"].max() == 1
    assert best.filter(pl.col("outlet") == "A")["entity_id"][0] == "sergey-lavrov"


def test_voice_sides_and_anonymous_sources(tables):
    voice = C.voice_table(tables)
    rows = set(voice.select("speaker_id", "voice_side", "source").rows())
    assert ("dmytro-kuleba", "Ukraine", "named") in rows
    assert (None, "United States", "anonymous") in rows


def test_outlet_profiles_carry_their_counts(tables):
    profile = C.outlet_profiles(tables)
    assert set(profile["measure"]) >= {"frame", "tone", "voice_side", "source"}
    frames = profile.filter(pl.col("measure") == "frame")
    assert (frames["value"] == frames["n"] / frames["base"]).all()
    assert profile.filter(pl.col("outlet") == "B", pl.col("measure") == "frame")["base"].unique().to_list() == [1]


def test_bad_groupings_are_refused(tables):
    with pytest.raises(ValueError, match="period must be one of"):
        C.coverage(tables, "person", period="fortnight")
    with pytest.raises(ValueError, match="kind must be"):
        C.coverage(tables, "planet")
