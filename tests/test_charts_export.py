"""Chart files and the look shared by every chart: font, bidi labels, side colours, exports."""

from __future__ import annotations

import json

import altair as alt
import polars as pl
import pytest
import vl_convert
from fontTools.ttLib import TTFont

from analysis.charts import fonts
from analysis.charts.export import FORMATS, Figure, chart_spec, save_figure, standalone_html
from analysis.charts.theme import PDI, RLI, SIDES, actor_sides, bidi, bidi_expr, entity_labels, side_scale


def test_bidi_isolates_arabic_once_and_leaves_latin_alone():
    assert bidi("ماكرون (Macron)") == f"{RLI}ماكرون (Macron){PDI}"
    assert bidi(bidi("قمة ألاسكا")) == bidi("قمة ألاسكا")
    assert bidi("Emmanuel Macron") == "Emmanuel Macron"
    assert bidi(None) is None
    frame = pl.DataFrame({"x": ["موسكو", "Moscow", None]}).select(bidi_expr("x"))
    assert frame["x"].to_list() == [bidi("موسكو"), "Moscow", None]


def test_the_merged_font_has_latin_and_shaped_arabic_in_one_family():
    for weight in fonts.WEIGHTS:
        font = TTFont(fonts.font_path(weight))
        cmap = font.getBestCmap()
        assert all(ord(c) in cmap for c in "Aaz09بتثجحخلامىي،؛؟")
        features = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
        assert {"init", "medi", "fina", "rlig"} <= features  # joining forms and the lam-alef ligature
        assert font["name"].getDebugName(1) == fonts.FAMILY


def test_the_shipped_fonts_rebuild_byte_for_byte(tmp_path):
    for path in fonts.build_fonts(target=tmp_path):
        assert path.read_bytes() == fonts.font_path(path.stem.split("-")[1]).read_bytes(), path.name


def test_arabic_labels_are_drawn_not_dropped():
    def png(label: str) -> bytes:
        chart = alt.Chart(alt.Data(values=[{"t": label}])).mark_text(fontSize=30).encode(text="t:N").properties(width=200, height=60)
        return vl_convert.vegalite_to_png(chart_spec(chart))

    assert png(bidi("الاتحاد الأوروبي")) != png(" ")
    assert png(bidi("الاتحاد الأوروبي")) != png(bidi("روسيا"))


def test_font_face_subset_is_embedded_and_deterministic():
    css = fonts.font_face_css("موسكو Moscow")
    assert css.count("@font-face") == 2 and "data:font/ttf;base64," in css
    assert fonts.font_face_css("Moscow موسكو") == css  # the same characters give the same bytes


@pytest.fixture
def figure():
    data = pl.DataFrame({"label": [bidi("روسيا"), "United States"], "n": [3, 5], "ids": [["a", "b"], ["c"]]})
    chart = alt.Chart(data.drop("ids")).mark_bar().encode(y="label:N", x="n:Q")
    return Figure(name="test-chart", title="A test", chart=chart, data=data, note="n = 2")


def test_save_figure_writes_every_format_the_same_way_twice(figure, tmp_path):
    first = save_figure(figure, tmp_path / "a")
    second = save_figure(figure, tmp_path / "b")
    assert set(first) == set(FORMATS)
    for fmt in FORMATS:
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), fmt
    assert first["csv"].read_text(encoding="utf-8").splitlines()[1].endswith("a; b")
    spec = json.loads(first["vl.json"].read_text(encoding="utf-8"))
    assert spec["config"]["font"].startswith(fonts.FAMILY)
    svg = first["svg"].read_text(encoding="utf-8")
    assert "@font-face" in svg and "<text" in svg
    assert first["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list((tmp_path / "a").glob("*.part"))


def test_standalone_html_is_offline(figure):
    page = standalone_html(figure)
    assert "vegaEmbed" in page and "@font-face" in page
    assert "http://" not in page.split("<script>", 1)[0] and "https://cdn" not in page
    assert "</script" not in page.split("<script>", 2)[1].rsplit("</script>", 1)[0]


def test_unknown_format_is_refused(figure, tmp_path):
    with pytest.raises(ValueError, match="unknown chart formats"):
        save_figure(figure, tmp_path, formats=("png", "gif"))


def test_entity_labels_follow_the_language_and_never_merge_two_entities(seed_tables):
    english, arabic = entity_labels(seed_tables, "en"), entity_labels(seed_tables, "ar")
    assert english.height == arabic.height == english["entity_id"].n_unique()
    # one label per entity; a state ("state-japan") is the same entity as its country ("japan")
    entity = pl.col("entity_id").str.strip_prefix("state-")
    for labels in (english, arabic):
        assert labels.group_by("label").agg(entity.n_unique().alias("n"))["n"].max() == 1
    actors = seed_tables.actors.filter(pl.col("name_en").is_not_null() & pl.col("name_ar").is_not_null())
    some = actors.row(0, named=True)
    assert english.filter(pl.col("entity_id") == some["actor_id"])["label"].item().startswith(some["name_en"])
    assert some["name_ar"] in arabic.filter(pl.col("entity_id") == some["actor_id"])["label"].item()
    with pytest.raises(ValueError, match="language"):
        entity_labels(seed_tables, "fr")


def test_a_state_shares_its_countrys_label_and_namesakes_do_not():
    from analysis.pipeline import Tables

    tables = Tables(
        actors=pl.DataFrame({"actor_id": ["state-japan", "a-1", "a-2"], "name_en": ["Japan", "Ahmed", "Ahmed"], "name_ar": ["اليابان", "أحمد", "أحمد"]}),
        places=pl.DataFrame({"place_id": ["japan"], "name_en": ["Japan"], "name_ar": ["اليابان"]}),
    )
    labels = dict(entity_labels(tables, "en").iter_rows())
    assert labels["state-japan"] == labels["japan"] == "Japan"
    assert labels["a-1"] != labels["a-2"]


def test_actor_sides_come_from_country_and_international_side(seed_tables):
    sides = actor_sides(seed_tables).join(seed_tables.actors.select("actor_id", "country", "side"), on="actor_id")
    assert set(sides["side"]) <= set(SIDES)
    assert (sides.filter(pl.col("country") == "RU")["side"] == "Russia").all()
    assert (sides.filter(pl.col("country") == "US")["side"] == "United States").all()
    assert len(side_scale("ar").domain) == len(SIDES)
