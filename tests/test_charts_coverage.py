"""Coverage charts: most covered entities, by outlet, over time, volume and the map, checked against the tables."""

from __future__ import annotations

import datetime as dt
import json
import math
import warnings

import polars as pl
import pytest

import analysis
from analysis.charts import coverage as C
from analysis.charts import save_figure
from analysis.coverage import UNDATED, UNKNOWN_OUTLET
from analysis.pipeline import Tables

RLI, PDI = "\u2067", "\u2069"

# (text, published, outlet): two outlets and an article with neither outlet nor date; an op-ed
# whose byline names its author, who is mentioned in another article too; a city of a country too
# small for the world map, the country itself not named
ARTICLES = [
    ("التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في أنقرة، وقال الإليزيه إن المحادثات كانت بناءة.", "2025-03-03", "A"),
    ("من المقرر أن يلتقي وزير الخارجية الروسي سيرغي لافروف الأمين العام للأمم المتحدة أنطونيو غوتيريش في جنيف.", "2025-03-05", "A"),
    ("بقلم: أنطونيو غوتيريش\nإن السلام في أوكرانيا ممكن، وقد دعا الرئيس الفرنسي إيمانويل ماكرون إلى الحوار في باريس.", "2025-03-05", "B"),
    ("التقى الرئيس الصيني شي جين بينغ الرئيس الفرنسي إيمانويل ماكرون في بكين، وتعهدت الصين بدعم الحوار.", None, None),
    ("قال الرئيس التركي رجب طيب أردوغان إن تركيا مستعدة لاستضافة المحادثات في إسطنبول.", "2025-03-12", "B"),
    ("وصل وزير الخارجية الروسي سيرغي لافروف إلى المنامة لإجراء محادثات.", "2025-03-06", "A"),
]
# publication dates only matter here: spans of 10 days, about 3 months and about 13 months
PERIOD_DATES = ["2025-01-06", "2025-01-16", "2025-04-16", "2026-02-10", None]


def _build(tmp_path_factory, articles, name):
    path = tmp_path_factory.mktemp(name) / "corpus.jsonl"
    rows = []
    for i, (text, published, outlet) in enumerate(articles):
        row = {"id": f"{name}{i}", "text": text}
        if published:
            row["published"] = published
        if outlet:
            row["outlet"] = outlet
        rows.append(row)
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return analysis.build(path, workers=1)


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return _build(tmp_path_factory, ARTICLES, "c")


@pytest.fixture(scope="module")
def period_tables(tmp_path_factory):
    text = "قال الرئيس الفرنسي إيمانويل ماكرون إن المحادثات في باريس كانت بناءة."
    return _build(tmp_path_factory, [(text, published, "A" if i % 2 else "B") for i, published in enumerate(PERIOD_DATES)], "p")


def _with(tables, **replaced) -> Tables:
    return Tables({**tables, **replaced})


def _person(tables, arabic_name: str) -> str:
    found = tables.mentions.filter((pl.col("entity_kind") == "person") & (pl.col("surface") == arabic_name))["entity_id"].unique()
    assert found.len() == 1, f"{arabic_name} not recognized"
    return found[0]


def _counted_mentions(tables, kind: str) -> pl.DataFrame:
    """(doc_id, entity_id) of every mention that counts as coverage, computed here from the tables:
    a person's mention in the first sentence written exactly as the article's author is the byline."""
    if kind == "meeting":
        return tables.meeting_mentions.filter(pl.col("meeting_id").is_not_null()).select("doc_id", pl.col("meeting_id").alias("entity_id"))
    rows = tables.mentions.filter(pl.col("entity_kind") == kind)
    if kind == "person":
        authors = dict(tables.documents.select("doc_id", "author").iter_rows())
        keep = [not (s == 0 and surface == authors.get(doc)) for doc, s, surface in rows.select("doc_id", "sentence", "surface").iter_rows()]
        rows = rows.filter(pl.Series(keep, dtype=pl.Boolean))
    return rows.select("doc_id", "entity_id")


def _articles(tables, kind: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for doc, entity in _counted_mentions(tables, kind).iter_rows():
        out.setdefault(entity, set()).add(doc)
    return out


def _outlets(tables) -> dict[str, str]:
    return {doc: outlet if outlet is not None else UNKNOWN_OUTLET for doc, outlet in tables.documents.select("doc_id", "outlet").iter_rows()}


def _spec_text(figure) -> str:
    return json.dumps(figure.spec(), ensure_ascii=False, sort_keys=True)


# ------------------------------------------------------------------ the small corpus itself


def test_the_small_corpus_has_a_byline_an_unknown_outlet_and_an_undated_article(tables):
    guterres = _person(tables, "أنطونيو غوتيريش")
    op_ed = tables.documents.filter(pl.col("author").is_not_null())
    assert op_ed.height == 1
    byline = tables.mentions.filter((pl.col("doc_id") == op_ed["doc_id"][0]) & (pl.col("sentence") == 0) & (pl.col("entity_id") == guterres))
    assert byline["surface"].to_list() == [op_ed["author"][0]]
    assert tables.documents.filter(pl.col("outlet").is_null() & pl.col("published").is_null()).height == 1
    for name in ("إيمانويل ماكرون", "رجب طيب أردوغان", "سيرغي لافروف", "شي جين بينغ"):
        _person(tables, name)


# ------------------------------------------------------------------ top entities


@pytest.mark.parametrize("kind", ["person", "organization", "place", "meeting"])
def test_top_entities_count_articles_and_their_share(tables, seed_tables, kind):
    for selection in (tables, seed_tables):
        expected = _articles(selection, kind)
        mentions = _counted_mentions(selection, kind).group_by("entity_id").len()
        n_mentions = dict(mentions.iter_rows())
        total = selection.documents.height
        data = C.top_entities_data(selection, kind=kind, top_n=1000)
        assert data.height == len(expected) > 0
        for entity, n, mentioned, share, base, rank in data.select("entity_id", "n_articles", "n_mentions", "share", "total_articles", "rank").iter_rows():
            assert n == len(expected[entity])
            assert mentioned == n_mentions[entity]
            assert base == total and share == pytest.approx(n / total)
            assert rank is not None
        # most covered first (ties by entity_id), ranked in that order
        keys = [(-n, e) for e, n in data.select("entity_id", "n_articles").iter_rows()]
        assert keys == sorted(keys)
        assert data["rank"].to_list() == list(range(1, data.height + 1))
        assert not data["focus"].any()


def test_a_byline_is_not_coverage_of_its_author(tables, seed_tables):
    guterres = _person(tables, "أنطونيو غوتيريش")
    raw = tables.mentions.filter(pl.col("entity_id") == guterres)["doc_id"].n_unique()
    counted = C.top_entities_data(tables, top_n=1000).filter(pl.col("entity_id") == guterres)["n_articles"][0]
    assert (raw, counted) == (2, 1)
    # the seeds: an author named only in the byline is not among the people covered
    authors = seed_tables.documents.filter(pl.col("author").is_not_null()).select("doc_id", "author")
    bylines = seed_tables.mentions.join(authors, on="doc_id").filter((pl.col("sentence") == 0) & (pl.col("surface") == pl.col("author")))
    assert bylines.height > 0
    covered = C.top_entities_data(seed_tables, top_n=1000)
    counts = dict(covered.select("entity_id", "n_articles").iter_rows())
    byline_rows = set(bylines.select("doc_id", "start").iter_rows())
    excluded = 0
    for entity in bylines["entity_id"].unique():
        rows = seed_tables.mentions.filter(pl.col("entity_id") == entity)
        kept = {doc for doc, start in rows.select("doc_id", "start").iter_rows() if (doc, start) not in byline_rows}
        assert counts.get(entity, 0) == len(kept)
        excluded += rows["doc_id"].n_unique() - len(kept)
    assert excluded > 0  # some byline is the only mention of its author in the article


def test_top_n_keeps_the_most_covered(seed_tables):
    everything = C.top_entities_data(seed_tables, top_n=1000)
    for top_n in (1, 3, 5):
        data = C.top_entities_data(seed_tables, top_n=top_n)
        assert data.height == top_n
        assert data["entity_id"].to_list() == everything["entity_id"].head(top_n).to_list()
        figure = C.top_entities(seed_tables, top_n=top_n)
        assert figure.data.height == top_n
        assert f"Top {top_n} of {everything.height} people" in _spec_text(figure)


def test_focus_entities_are_always_shown(tables):
    everything = C.top_entities_data(tables, top_n=1000)
    last = everything["entity_id"][-1]
    data = C.top_entities_data(tables, top_n=1, focus=[last, "no-such-person"])
    assert data.height == 3
    assert data.filter("focus")["entity_id"].sort().to_list() == sorted([last, "no-such-person"])
    unknown = data.filter(pl.col("entity_id") == "no-such-person").row(0, named=True)
    assert unknown["rank"] is None and unknown["n_articles"] == 0 and unknown["share"] == 0
    assert data["entity_id"][-1] == "no-such-person"
    assert data.filter(pl.col("entity_id") == last)["rank"][0] == everything.height


def test_unknown_kind_is_refused(tables):
    for function in (C.top_entities_data, C.by_outlet_data, C.over_time_data, C.top_entities, C.by_outlet, C.over_time):
        with pytest.raises(ValueError, match="kind"):
            function(tables, kind="country")


def test_top_entities_labels_follow_the_language(tables):
    names = dict(tables.actors.select("actor_id", "name_ar").iter_rows())
    data = C.top_entities_data(tables, language="ar", top_n=1000)
    for entity, label in data.select("entity_id", "label").iter_rows():
        assert label == f"{RLI}{names[entity]}{PDI}"


# ------------------------------------------------------------------ by outlet


def test_by_outlet_shares_are_of_each_outlets_articles(tables, seed_tables):
    for selection in (tables, seed_tables):
        outlets = _outlets(selection)
        per_outlet = {o: sum(1 for v in outlets.values() if v == o) for o in set(outlets.values())}
        expected = _articles(selection, "person")
        data = C.by_outlet_data(selection, top_n=1000)
        assert data.height == len(expected) * len(per_outlet)  # every entity in every outlet, 0 where never named
        for entity, outlet, n, base, share, total in data.select("entity_id", "outlet", "n_articles", "outlet_articles", "share", "entity_articles").iter_rows():
            assert base == per_outlet[outlet]
            assert n == sum(1 for doc in expected[entity] if outlets[doc] == outlet)
            assert share == pytest.approx(n / base)
            assert total == len(expected[entity])
        sums = data.group_by("entity_id").agg(pl.col("n_articles").sum(), pl.col("entity_articles").first())
        assert (sums["n_articles"] == sums["entity_articles"]).all()


def test_articles_without_outlet_are_under_unknown_outlet(tables):
    data = C.by_outlet_data(tables)
    assert UNKNOWN_OUTLET in set(data["outlet"])
    assert data.filter(pl.col("outlet") == UNKNOWN_OUTLET)["outlet_articles"].unique().to_list() == [tables.documents["outlet"].null_count()]
    # outlets by articles, the unknown outlet last
    order = data.unique("outlet", maintain_order=True)
    assert order["outlet"][-1] == UNKNOWN_OUTLET
    known = order.filter(pl.col("outlet") != UNKNOWN_OUTLET)["outlet_articles"].to_list()
    assert known == sorted(known, reverse=True)
    arabic = C.by_outlet(tables, language="ar")
    assert "وسيلة غير معروفة" in _spec_text(arabic)
    assert all("unknown outlet" not in label for label in arabic.data["outlet_label"])


def _top_axes(spec) -> list[dict]:
    """The axes drawn above a chart, anywhere in a Vega-Lite spec."""
    if isinstance(spec, dict):
        found = [spec["axis"]] if isinstance(spec.get("axis"), dict) and spec["axis"].get("orient") == "top" else []
        return found + [a for v in spec.values() for a in _top_axes(v)]
    if isinstance(spec, list):
        return [a for v in spec for a in _top_axes(v)]
    return []


def test_slanted_outlet_labels_rise_above_the_cells_in_both_languages(seed_tables):
    # anchored at their left end and turned up to the right in English; in Arabic anchored at
    # their right end, so they must turn up to the left (a positive angle) not down into the cells
    for language, sign, align in (("en", -1, "left"), ("ar", 1, "right")):
        axes = _top_axes(C.by_outlet(seed_tables, language=language).spec())
        assert axes and all(a["labelAngle"] * sign > 0 and a["labelAlign"] == align for a in axes)


# ------------------------------------------------------------------ volume and over time


def _period_of(published, period: str) -> str:
    if published is None:
        return UNDATED
    if period == "day":
        return published.isoformat()
    if period == "week":
        return (published - dt.timedelta(days=published.weekday())).isoformat()
    return published.strftime("%Y-%m")


@pytest.mark.parametrize("period", ["day", "week", "month"])
def test_volume_counts_every_article_once(tables, period_tables, seed_tables, period):
    for selection in (tables, period_tables, seed_tables):
        data = C.volume_data(selection, period=period)
        documents = selection.documents
        assert data["n_articles"].sum() == documents.height
        outlets = _outlets(selection)
        expected: dict[tuple[str, str], int] = {}
        for doc, published in documents.select("doc_id", "published").iter_rows():
            key = (outlets[doc], _period_of(published, period))
            expected[key] = expected.get(key, 0) + 1
        got = {(o, p): n for o, p, n in data.select("outlet", "period", "n_articles").iter_rows() if n}
        assert got == expected
        undated = documents["published"].null_count()
        assert data.filter(pl.col("period") == UNDATED)["n_articles"].sum() == undated
        # every period from the first date to the last, empty ones too, each of one outlet once
        starts = data.filter(pl.col("period") != UNDATED)["period_start"].unique().sort().to_list()
        if starts:
            step = {"day": 1, "week": 7}.get(period)
            if step:
                assert all((b - a).days == step for a, b in zip(starts, starts[1:]))
            else:
                assert all(d.day == 1 for d in starts) and all((b - a).days in (28, 29, 30, 31) for a, b in zip(starts, starts[1:]))
            first, last = documents["published"].min(), documents["published"].max()
            assert starts[0] <= first < (starts[0] + dt.timedelta(days={"day": 1, "week": 7, "month": 31}[period]))
            assert starts[-1] <= last
        assert data.group_by("outlet", "period").len()["len"].max() == 1


def test_over_time_keeps_undated_articles_and_adds_up_per_entity(tables, seed_tables):
    for selection in (tables, seed_tables):
        expected = _articles(selection, "person")
        published = dict(selection.documents.select("doc_id", "published").iter_rows())
        period = C.auto_period(selection)
        data = C.over_time_data(selection, top_n=1000, period="auto")
        assert set(data["entity_id"]) == set(expected)
        for entity, p, n, base in data.select("entity_id", "period", "n_articles", "period_articles").iter_rows():
            assert n == sum(1 for doc in expected[entity] if _period_of(published[doc], period) == p)
            assert base == sum(1 for d in published.values() if _period_of(d, period) == p)
        sums = data.group_by("entity_id").agg(pl.col("n_articles").sum(), pl.col("entity_articles").first())
        assert (sums["n_articles"] == sums["entity_articles"]).all()
        assert selection.documents["published"].null_count() > 0
        assert UNDATED in set(data["period"])
        undated = data.filter(pl.col("period") == UNDATED)
        assert undated["period_start"].null_count() == undated.height
    # top_n rows per entity: the most covered
    two = C.over_time_data(tables, top_n=2)
    assert two["entity_id"].unique(maintain_order=True).to_list() == C.top_entities_data(tables, top_n=2)["entity_id"].to_list()


def test_auto_period_follows_the_span_of_publication_dates(period_tables):
    documents = period_tables.documents
    assert documents["published"].null_count() == 1

    def select(*days):
        return _with(period_tables, documents=documents.filter(pl.col("published").is_in([dt.date.fromisoformat(d) for d in days]) | pl.col("published").is_null()))

    assert C.auto_period(select("2025-01-06", "2025-01-16")) == "day"  # 10 days
    assert C.auto_period(select("2025-01-06", "2025-04-16")) == "week"  # 100 days
    assert C.auto_period(period_tables) == "month"  # 400 days
    assert C.auto_period(_with(period_tables, documents=documents.filter(pl.col("published").is_null()))) == "day"
    # the limits: under 42 days by day, under 274 by week
    start = dt.date(2025, 1, 6)
    for days, period in ((41, "day"), (42, "week"), (273, "week"), (274, "month")):
        # the first dated article on ``start``, the other dated ones ``days`` later
        shifted = documents.with_columns(
            pl.when(pl.col("published") == pl.col("published").min()).then(pl.lit(start))
            .otherwise(pl.when(pl.col("published").is_not_null()).then(pl.lit(start + dt.timedelta(days=days))))
            .alias("published")
        )
        assert C.auto_period(_with(period_tables, documents=shifted)) == period, days
    # "auto" is what the figure uses
    assert C.volume(period_tables).data.equals(C.volume_data(period_tables, period="month"))
    with pytest.raises(ValueError, match="period"):
        C.volume_data(period_tables, period="year")


# ------------------------------------------------------------------ the map


def test_the_map_uses_no_deprecated_polars_api(seed_tables):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        most = C.places_map_data(seed_tables).filter(pl.col("layer") == "country")["n_articles"].max()
    assert most >= 2
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        C.places_map_data(seed_tables)


def test_map_places_have_coordinates_and_their_articles(tables, seed_tables):
    for selection in (tables, seed_tables):
        data = C.places_map_data(selection)
        places = selection.places
        mentions = selection.mentions.filter(pl.col("entity_kind") == "place").join(places, left_on="entity_id", right_on="place_id")
        points = data.filter(pl.col("layer") == "place")
        assert points.height > 0
        for lat, lon in points.select("lat", "lon").iter_rows():
            assert lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon)
        for place, n in points.select("id", "n_articles").iter_rows():
            assert n == mentions.filter(pl.col("entity_id") == place)["doc_id"].n_unique()
        # a country: the articles that name it or a place in it
        countries = data.filter(pl.col("kind") == "country")
        assert countries["country"].n_unique() == countries.height
        in_country = mentions.filter(pl.col("country").is_not_null())
        assert set(countries["country"]) == set(in_country["country"])
        for code, n, named in countries.select("country", "n_articles", "n_named").iter_rows():
            assert n == in_country.filter(pl.col("country") == code)["doc_id"].n_unique()
            assert named == in_country.filter((pl.col("country") == code) & (pl.col("kind") == "country"))["doc_id"].n_unique()
        order = {"country": 0, "country_dot": 1, "place": 2, "not_mapped": 3}
        keys = [(order[layer], -n) for layer, n in data.select("layer", "n_articles").iter_rows()]
        assert keys == sorted(keys)


def test_a_country_named_by_a_city_is_counted_with_it(tables):
    data = C.places_map_data(tables)
    turkey = data.filter((pl.col("kind") == "country") & (pl.col("country") == "TR")).row(0, named=True)
    docs = tables.mentions.filter(pl.col("entity_id").is_in(tables.places.filter(pl.col("country") == "TR")["place_id"].implode()))["doc_id"].n_unique()
    named = tables.mentions.filter(pl.col("entity_id").is_in(tables.places.filter((pl.col("country") == "TR") & (pl.col("kind") == "country"))["place_id"].implode()))["doc_id"].n_unique()
    assert turkey["layer"] == "country" and (turkey["n_articles"], turkey["n_named"]) == (docs, named)
    assert turkey["n_articles"] > turkey["n_named"] > 0


def test_a_small_country_named_only_by_its_capital_gets_a_name(tables):
    manama = tables.places.filter(pl.col("name_ar") == "المنامة")
    assert manama.height == 1 and tables.places.filter(pl.col("kind") == "country")["country"].to_list().count(manama["country"][0]) == 0
    code = manama["country"][0]
    for language in ("en", "ar"):
        row = C.places_map_data(tables, language=language).filter((pl.col("kind") == "country") & (pl.col("country") == code)).row(0, named=True)
        assert row["label"] != code  # "Bahrain" / "البحرين", as a reader knows it
    assert "without coordinates" not in C.places_map(tables).note


# ------------------------------------------------------------------ figures


@pytest.mark.parametrize("language", ["en", "ar"])
def test_figures_are_valid_specs_with_their_data(tables, seed_tables, language):
    for selection in (tables, seed_tables):
        for kind in ("person", "place", "meeting"):
            figure = C.top_entities(selection, kind=kind, language=language)
            assert figure.name == f"coverage-top-{kind}s"
            assert figure.data.equals(C.top_entities_data(selection, kind=kind, language=language))
            assert json.loads(_spec_text(figure))
        charts = [(C.by_outlet, "coverage-persons-by-outlet"), (C.over_time, "coverage-persons-over-time"), (C.volume, "coverage-volume")]
        if (selection is tables) == (language == "ar"):  # the map is slow to specify: once per language
            charts.append((C.places_map, "coverage-map"))
        for chart, name in charts:
            figure = chart(selection, language=language)
            assert figure.name == name and figure.language == language and figure.note
            assert figure.data.height > 0
            assert json.loads(_spec_text(figure))


def test_figures_say_n_and_what_is_undated(tables):
    n = tables.documents.height
    undated = tables.documents["published"].null_count()
    outlets = len(set(_outlets(tables).values()))
    text = _spec_text(C.volume(tables))
    assert f"n = {n} articles, {outlets} outlets" in text
    assert f"{undated} of {n} articles have no date" in text
    assert f"{undated} of {n} articles have no date" in C.over_time(tables).note


def test_an_empty_selection_gives_empty_figures(tables):
    empty = Tables({name: table.clear() for name, table in tables.items()})
    for language in ("en", "ar"):
        for chart in (C.top_entities, C.by_outlet, C.over_time, C.volume, C.places_map):
            figure = chart(empty, language=language)
            assert figure.data.height == 0
            assert json.loads(_spec_text(figure))
    assert C.auto_period(empty) == "day"
    assert C.top_entities_data(empty, kind="meeting").height == 0


def test_figures_render_to_svg(seed_tables, tmp_path):
    written = save_figure(C.top_entities(seed_tables, language="ar"), tmp_path, ["svg"])
    svg = written["svg"].read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and svg.rstrip().endswith("</svg>") and "<path" in svg
