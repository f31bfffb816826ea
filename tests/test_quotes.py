"""Quotations: speakers named, carried over, anonymous; direct quotes and reported speech."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import analysis

SEEDS = Path(__file__).parents[1] / "seeds"


@pytest.fixture(scope="module")
def seeds():
    return analysis.build(SEEDS)


def test_seed_quotes_name_their_speakers(seeds):
    speakers = set(seeds.quotes["speaker_id"].drop_nulls().to_list())
    assert {"yuri-ushakov", "volodymyr-zelensky", "marco-rubio", "dmitry-peskov", "vladimir-putin"} <= speakers


def test_quote_offsets_point_at_their_text(seeds):
    texts = dict(seeds.documents.select("doc_id", "text").iter_rows())
    for doc_id, start, end, text in seeds.quotes.select("doc_id", "start", "end", "text").iter_rows():
        assert texts[doc_id][start:end] == text


def test_a_direct_quote_and_its_speaker_after_it(seeds):
    quote = seeds.quotes.filter(pl.col("text").str.starts_with("بعد بروكسل")).row(0, named=True)
    assert (quote["speaker_id"], quote["direct"]) == ("volodymyr-zelensky", True)


def test_a_continuation_carries_the_last_speaker(build_texts):
    tables = build_texts(['قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات كانت صريحة. وأضاف أن "الباب لا يزال مفتوحاً".'])
    rows = tables.quotes.sort("start").select("speaker_id", "continuation", "direct", "text").rows()
    assert rows == [
        ("sergey-lavrov", False, False, "المحادثات كانت صريحة"),
        ("sergey-lavrov", True, True, "الباب لا يزال مفتوحاً"),
    ]


def test_a_verb_with_its_own_unnamed_subject_is_not_a_continuation(build_texts):
    tables = build_texts(["قال لافروف إن المحادثات كانت صريحة. وتذكر التقارير أن الجانبين لم يتفقا."])
    assert tables.quotes["speaker_id"].to_list() == ["sergey-lavrov"]


def test_an_anonymous_source_keeps_its_affiliation(build_texts):
    tables = build_texts(["وأفاد مسؤول في البيت الأبيض بأن اللقاءات الجارية تمتاز بالإيجابية. وأكد مسؤولون أمريكيون أن الاجتماعات ستتواصل."])
    rows = tables.quotes.sort("start").select("speaker_id", "speaker_kind", "affiliation").rows()
    assert rows == [(None, "anonymous", "white-house"), (None, "anonymous", "US")]


def test_a_source_phrase_names_the_source(build_texts):
    tables = build_texts(["قُتل عشرات الآلاف، وفقاً للأمم المتحدة."])
    assert tables.quotes["speaker_id"].to_list() == ["un"]


def test_a_spokesman_speaks_rather_than_his_organization(build_texts):
    tables = build_texts(["علّق المتحدث باسم الكرملين ديمتري بيسكوف على الاجتماع، موضحًا أن موسكو مستعدة."])
    assert set(tables.quotes["speaker_id"].to_list()) == {"dmitry-peskov"}
