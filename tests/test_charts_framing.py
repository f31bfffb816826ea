"""Framing charts: frame shares, tone, voice and example sentences, checked against the tables."""

from __future__ import annotations

import json

import polars as pl
import pytest

import analysis
from analysis.charts import framing as F
from analysis.charts.theme import side_scale
from analysis.coverage import UNKNOWN_OUTLET
from analysis.pipeline import Tables

# (text, outlet): no person is named; speakers are institutions and anonymous officials
ARTICLES = [
    ("قال الكرملين إن المحادثات كانت بناءة وحققت تقدما كبيرا نحو اتفاق. وأكد مسؤولون أمريكيون أن الخلافات ما زالت قائمة.", "A"),
    ("قالت وزارة الخارجية الروسية إن القصف استمر على الجبهة. وتزايد التصعيد في المنطقة.", "A"),
    ("أكد حلف شمال الأطلسي أن الضمانات الأمنية ضرورية. وقال مصدر دبلوماسي إن الاتفاق قريب.", "B"),
    ("لم يسفر الاجتماع عن أي اختراقات.", None),
    ("وصل الوفد إلى المدينة صباح اليوم.", "B"),
]
# three outlets, two articles each, two progress sentences per article
SPREAD = [
    (f"المقالة {i}: كانت المحادثات بناءة. وتحدث الطرفان عن تقدم ملموس.", outlet)
    for i, outlet in enumerate(["X", "X", "Y", "Y", "Z", "Z"])
]


def _build(tmp_path_factory, articles, name):
    path = tmp_path_factory.mktemp(name) / "corpus.jsonl"
    rows = [{"id": f"d{i}", "text": text, **({"outlet": outlet} if outlet else {})} for i, (text, outlet) in enumerate(articles)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return analysis.build(path, workers=1)


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return _build(tmp_path_factory, ARTICLES, "framing")


@pytest.fixture(scope="module")
def spread_tables(tmp_path_factory):
    return _build(tmp_path_factory, SPREAD, "spread")


def _with(tables, **replaced) -> Tables:
    return Tables({**tables, **replaced})


def _spec_text(figure) -> str:
    return json.dumps(figure.spec(), ensure_ascii=False, sort_keys=True)


def _marks(spec) -> list[str]:
    """Every mark type of a (possibly layered/concatenated) spec."""
    found = []
    if "mark" in spec:
        found.append(spec["mark"] if isinstance(spec["mark"], str) else spec["mark"]["type"])
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []):
            found += _marks(sub)
    return found


# ------------------------------------------------------------------ frames


def test_frame_shares_count_the_articles_of_each_outlet_that_use_each_frame(tables):
    table = F.frame_share_table(tables)
    outlets = tables.documents.select("doc_id", pl.col("outlet").fill_null(UNKNOWN_OUTLET))
    expected = (
        tables.frames.join(outlets, on="doc_id").group_by("outlet", "frame").agg(pl.col("doc_id").n_unique().cast(pl.Int64).alias("expected"))
    )
    checked = table.join(expected, on=["outlet", "frame"], how="left").with_columns(pl.col("expected").fill_null(0))
    assert (checked["n_articles"] == checked["expected"]).all()
    assert checked["n_articles"].sum() > 0
    bases = dict(table.select("outlet", "base").unique().iter_rows())
    assert bases == {"A": 2, "B": 2, UNKNOWN_OUTLET: 1}
    assert (table["share"] == table["n_articles"] / table["base"]).all()
    # the negated breakthrough counts as stalemate in the article without outlet
    assert table.filter((pl.col("outlet") == UNKNOWN_OUTLET) & (pl.col("frame") == "stalemate"))["n_articles"][0] == 1
    # overall shares over every article, frames ordered by them
    overall = table.unique("frame").sort("frame_order")
    assert (overall["all_base"] == tables.documents.height).all()
    assert overall["all_share"].to_list() == sorted(overall["all_share"].to_list(), reverse=True)
    # outlets by articles (ties by name), the unknown outlet last, labelled with its total
    assert table.sort("outlet_order")["outlet"].unique(maintain_order=True).to_list() == ["A", "B", UNKNOWN_OUTLET]
    assert table.filter(pl.col("outlet") == "A")["outlet_label"][0] == "A\nn = 2"


def test_frame_shares_figure_in_both_languages_is_deterministic(tables):
    english = F.frame_shares(tables)
    assert english.name == "framing-frames-by-outlet"
    assert english.data.height == 3 * analysis.framing.load_codebook().frames.height
    text = _spec_text(english)
    assert "Progress and breakthrough" in text and "n = 5 articles, 3 outlets" in text
    assert _spec_text(F.frame_shares(tables)) == text
    arabic = F.frame_shares(tables, language="ar")
    text_ar = _spec_text(arabic)
    assert "تقدم واختراق" in text_ar and "وسيلة غير معروفة" in text_ar and "كل الوسائل" in text_ar
    assert "Progress and breakthrough" not in text_ar
    assert "unknown outlet" not in text_ar.replace('"outlet": "unknown outlet"', "")  # only as the data's key
    assert arabic.language == "ar" and "5" in arabic.note


def test_frame_shares_top_n_says_what_is_left_out(tables):
    figure = F.frame_shares(tables, top_n=2)
    assert set(figure.data["outlet"]) == {"A", "B"}
    assert "2 of 3 outlets shown" in _spec_text(figure)
    assert "2 of 3 outlets shown" in figure.note
    # the overall panel still counts every article
    assert (figure.data["all_base"] == 5).all()


def test_frame_shares_without_frames_say_so(tables):
    figure = F.frame_shares(_with(tables, frames=tables.frames.clear()))
    assert _marks(figure.spec()) == ["text"]
    assert "No frame cues in this selection" in _spec_text(figure)
    assert set(figure.data.columns) >= {"outlet", "frame", "n_articles", "base", "share"}
    assert "لا توجد مؤشرات أطر" in _spec_text(F.frame_shares(_with(tables, frames=tables.frames.clear()), language="ar"))


# ------------------------------------------------------------------ tone


def test_tone_points_carry_each_outlets_mean_and_counts(tables):
    points = F.tone_points(tables)
    assert points.height == tables.documents.height
    outlets = tables.documents.with_columns(pl.col("outlet").fill_null(UNKNOWN_OUTLET))
    expected = outlets.group_by("outlet").agg(pl.col("tone").mean().alias("mean"), pl.col("tone").is_not_null().sum().alias("n"), pl.len().alias("base"))
    summary = points.unique("outlet").join(expected, on="outlet")
    assert summary.height == 3
    for row in summary.iter_rows(named=True):
        assert row["outlet_tone"] == pytest.approx(row["mean"])
        assert (row["outlet_n_tone"], row["outlet_base"]) == (row["n"], row["base"])
        assert row["outlet_label"].endswith(f"({row['n']}/{row['base']})")
    assert points["jitter"].is_between(-0.5, 0.5, closed="left").all()
    assert (points["tone_low"] >= -1).all() and (points["tone_high"] <= 1).all()


def test_tone_chart_has_zero_rule_mean_and_dots_and_is_deterministic(tables):
    figure = F.tone_by_outlet(tables)
    assert figure.name == "framing-tone-by-outlet"
    assert {"rule", "circle", "point", "text"} <= set(_marks(figure.spec()))
    text = _spec_text(figure)
    assert "-1 = all negative" in text and "+1 = all positive" in text
    assert "\u2212" not in text  # the charts' font has no U+2212 minus: signs are ASCII
    assert _spec_text(F.tone_by_outlet(tables)) == text
    text_ar = _spec_text(F.tone_by_outlet(tables, language="ar"))
    assert "نبرة" in text_ar and "\u2066-1\u2069" in text_ar


def test_tone_without_any_tone_says_so(tables):
    untoned = _with(tables, documents=tables.documents.with_columns(pl.lit(None, pl.Float64).alias("tone")))
    figure = F.tone_by_outlet(untoned)
    assert _marks(figure.spec()) == ["text"]
    assert "No article has a tone" in _spec_text(figure)
    assert "لا توجد مقالة لها نبرة" in _spec_text(F.tone_by_outlet(untoned, language="ar"))


def test_tone_dots_are_sampled_evenly_past_max_points(tables):
    figure = F.tone_by_outlet(tables, max_points=1)
    assert "an even sample of 1 articles" in _spec_text(figure)
    assert figure.data.height == tables.documents.height  # the data keep every article


# ------------------------------------------------------------------ voice


def test_voice_shares_by_side_add_up_per_outlet(tables):
    table = F.voice_side_table(tables)
    quotes = analysis.coverage.voice_table(tables).join(
        tables.documents.select("doc_id", pl.col("outlet").fill_null(UNKNOWN_OUTLET)), on="doc_id"
    )
    expected = quotes.group_by("outlet", pl.col("voice_side").alias("side")).agg(pl.len().cast(pl.Int64).alias("expected"))
    joined = table.join(expected, on=["outlet", "side"], how="full", coalesce=True)
    assert (joined["n"] == joined["expected"]).all()
    per_outlet = table.group_by("outlet").agg(pl.col("share").sum(), pl.col("share_end").max(), pl.col("n").sum(), pl.col("base").first())
    assert per_outlet["share"].to_list() == pytest.approx([1.0] * per_outlet.height)
    assert per_outlet["share_end"].to_list() == pytest.approx([1.0] * per_outlet.height)
    assert (per_outlet["n"] == per_outlet["base"]).all()
    a = table.filter(pl.col("outlet") == "A")
    assert dict(a.select("side", "n").iter_rows()) == {"Russia": 2, "United States": 1}


def test_voice_chart_uses_the_side_colours_and_shows_outlets_without_quotes(tables):
    figure = F.voice(tables)
    spec = figure.spec()
    assert figure.name == "framing-voice"
    scale = side_scale("en").to_dict()
    assert scale["range"] in [layer["encoding"]["color"]["scale"]["range"] for layer in spec["layer"] if "color" in layer.get("encoding", {}) and "scale" in layer["encoding"]["color"]]
    text = _spec_text(figure)
    assert "unknown outlet (0)" in text  # an outlet that quotes nobody still has its row
    assert "n = 5 quotes in 5 articles, 3 outlets" in text
    assert text == _spec_text(F.voice(tables))
    assert "روسيا" in _spec_text(F.voice(tables, language="ar"))


def test_named_and_anonymous_sources(tables):
    table = F.voice_source_table(tables)
    assert dict(table.filter(pl.col("outlet") == "A").select("source", "n").iter_rows()) == {"named": 1 + 1, "anonymous": 1}
    assert dict(table.filter(pl.col("outlet") == "B").select("source", "n").iter_rows()) == {"named": 1, "anonymous": 1}
    figure = F.voice_sources(tables, language="ar")
    assert figure.name == "framing-voice-sources"
    assert "مصدر مجهول" in _spec_text(figure)


@pytest.mark.parametrize("chart", [F.voice, F.voice_sources])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_voice_without_quotes_says_so(tables, chart, language):
    figure = chart(_with(tables, quotes=tables.quotes.clear()), language=language)
    assert _marks(figure.spec()) == ["text"]
    assert ("No quotes in this selection" if language == "en" else "لا توجد اقتباسات") in _spec_text(figure)
    assert figure.data.height == 0 and "outlet" in figure.data.columns


# ------------------------------------------------------------------ single outlet, no outlet metadata, languages


def test_every_chart_works_with_one_outlet_and_without_outlet_metadata(tables):
    one = _with(tables, documents=tables.documents.with_columns(pl.lit("A").alias("outlet")))
    none = _with(tables, documents=tables.documents.with_columns(pl.lit(None, pl.String).alias("outlet")))
    for selection, outlet in ((one, "A"), (none, UNKNOWN_OUTLET)):
        for chart in (F.frame_shares, F.tone_by_outlet, F.voice, F.voice_sources):
            for language in ("en", "ar"):
                figure = chart(selection, language=language)
                assert set(figure.data["outlet"]) == {outlet}
                figure.spec()
    assert "وسيلة غير معروفة" in _spec_text(F.voice(none, language="ar"))


def test_an_empty_selection_gives_empty_figures(tables):
    empty = Tables({name: table.clear() for name, table in tables.items()})
    for chart in (F.frame_shares, F.tone_by_outlet, F.voice, F.voice_sources):
        for language in ("en", "ar"):
            figure = chart(empty, language=language)
            assert _marks(figure.spec()) == ["text"] and figure.data.height == 0
    assert F.example_sentences(empty).height == 0


def test_unknown_language_is_refused(tables):
    with pytest.raises(ValueError, match="language"):
        F.frame_shares(tables, language="fr")


# ------------------------------------------------------------------ example sentences


def test_example_sentences_are_whole_sentences_with_their_cue(tables):
    examples = F.example_sentences(tables)
    assert examples.height > 0
    spans = tables.sentences.join(tables.documents.select("doc_id", "text"), on="doc_id").select(
        "doc_id", "sentence", pl.col("text").str.slice(pl.col("start"), pl.col("end") - pl.col("start")).alias("expected")
    )
    checked = examples.join(spans, on=["doc_id", "sentence"])
    assert checked.height == examples.height
    assert (checked["text"] == checked["expected"]).all()
    for row in examples.iter_rows(named=True):
        assert row["text"][row["cue_start"]:row["cue_end"]] == row["surface"]
    negated = examples.filter(pl.col("negated"))
    assert negated.select("frame", "outlet").rows() == [("stalemate", UNKNOWN_OUTLET)]
    assert examples.select("frame", "outlet", "doc_id", "sentence").rows() == sorted(examples.select("frame", "outlet", "doc_id", "sentence").rows())
    assert examples.filter(pl.col("frame") == "progress")["frame_label"][0] == "Progress and breakthrough"
    assert F.example_sentences(tables, language="ar").filter(pl.col("frame") == "progress")["frame_label"][0] == "\u2067تقدم واختراق\u2069"


def test_example_sentences_spread_over_outlets_then_articles(spread_tables):
    three = F.example_sentences(spread_tables, per_frame=3).filter(pl.col("frame") == "progress")
    assert sorted(three["outlet"]) == ["X", "Y", "Z"]
    six = F.example_sentences(spread_tables, per_frame=6).filter(pl.col("frame") == "progress")
    assert six["doc_id"].n_unique() == 6  # a second sentence of an article only after every article
    eight = F.example_sentences(spread_tables, per_frame=8).filter(pl.col("frame") == "progress")
    assert eight.height == 8 and eight["doc_id"].n_unique() == 6
    assert F.example_sentences(spread_tables, per_frame=3).equals(F.example_sentences(spread_tables, per_frame=3))
    assert F.example_sentences(spread_tables, per_frame=0).height == 0


def test_examples_html_escapes_marks_the_cue_and_loads_nothing(tables):
    examples = F.example_sentences(tables)
    page = F.examples_html(examples, language="en")
    assert page.startswith("<table") and page.rstrip().endswith("</table>")
    assert '<td class="sentence" dir="rtl" lang="ar">' in page
    assert page.count("<mark>") == examples.height
    assert "Progress and breakthrough" in page
    for remote in ("http:", "https:", "<script", "<link", "src=", "@import"):
        assert remote not in page
    page_ar = F.examples_html(examples, language="ar")
    assert 'dir="rtl" lang="ar"' in page_ar.splitlines()[0] and "تقدم واختراق" in page_ar and "وسيلة غير معروفة" in page_ar
    hostile = examples.head(1).with_columns(pl.lit("<b>x</b> & بناءة").alias("text"), pl.lit(11).alias("cue_start"), pl.lit(16).alias("cue_end"))
    escaped = F.examples_html(hostile)
    assert "<b>" not in escaped and "&lt;b&gt;x&lt;/b&gt; &amp; <mark>بناءة</mark>" in escaped
    assert "No frame cues" in F.examples_html(examples.clear())


# ------------------------------------------------------------------ the seed corpus


def test_seed_charts_in_both_languages(seed_tables):
    for language in ("en", "ar"):
        frames = F.frame_shares(seed_tables, language=language)
        assert frames.data.unique("outlet")["base"].sum() == seed_tables.documents.height
        tone = F.tone_by_outlet(seed_tables, language=language)
        assert tone.data["tone"].is_not_null().sum() == seed_tables.documents["tone"].is_not_null().sum()
        voice = F.voice(seed_tables, language=language)
        assert voice.data["n"].sum() == seed_tables.quotes.height
        assert F.voice_sources(seed_tables, language=language).data["n"].sum() == seed_tables.quotes.height
    examples = F.example_sentences(seed_tables)
    assert examples.group_by("frame").len()["len"].max() <= 3
    # no frame takes three examples from one article when it has more articles to choose from
    per_frame = seed_tables.frames.group_by("frame").agg(pl.col("doc_id").n_unique().alias("articles"))
    spread = examples.group_by("frame").agg(pl.col("doc_id").n_unique().alias("chosen"), pl.len().alias("n")).join(per_frame, on="frame")
    assert spread.select((pl.col("chosen") == pl.min_horizontal("n", "articles")).all()).item()
