"""The framing codebook: cues, negation, tone, traceability, edits without code, malformed entries."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import yaml

import analysis
from analysis.errors import ReferenceDataError
from analysis.framing import CODEBOOK_PATH, load_codebook

SEEDS = Path(__file__).parents[1] / "seeds"
PROGRESS_ARTICLE = "004_9b8058d57ede9ca3"  # Dina Kamal: progress in the talks
NO_BREAKTHROUGH = ("000_cccb5172939ab6c6", "001_55e135ef538d4fc0")  # the Moscow meeting brought none


@pytest.fixture(scope="module")
def seeds():
    return analysis.build(SEEDS)


def test_the_progress_article_has_a_higher_tone_than_the_no_breakthrough_ones(seeds):
    tone = dict(seeds.documents.select("doc_id", "tone").iter_rows())
    for doc_id in NO_BREAKTHROUGH:
        assert tone[PROGRESS_ARTICLE] > tone[doc_id]
    assert all(-1 <= t <= 1 for t in tone.values() if t is not None)


def test_every_frame_row_points_at_its_cue(seeds):
    texts = dict(seeds.documents.select("doc_id", "text").iter_rows())
    cues = set(load_codebook().cues["cue"].to_list())
    for doc_id, start, end, surface, cue in seeds.frames.select("doc_id", "start", "end", "surface", "cue").iter_rows():
        assert texts[doc_id][start:end] == surface and cue in cues


def frames_of(build_texts, text: str) -> list[tuple[str, str, bool]]:
    return build_texts([text]).frames.sort("start").select("frame", "surface", "negated").rows()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("لم يسفر الاجتماع عن أي اختراقات كبيرة.", [("stalemate", "اختراقات", True)]),
        ("انتهت المحادثات دون تحقيق أي تقدم يُذكر.", [("stalemate", "تقدم", True)]),
        ("وصف الطرفان المحادثات بأنها بناءة ومثمرة.", [("progress", "بناءة", False), ("progress", "مثمرة", False)]),
        ("وحققت القوات الروسية تقدما في دونيتسك.", [("battlefield", "القوات", False)]),
        ("دعا الوزير إلى وقف التصعيد فوراً.", []),
    ],
)
def test_cues_negation_and_context(build_texts, text, expected):
    assert frames_of(build_texts, text) == expected


def test_editing_the_codebook_changes_the_results_without_code(build_texts, tmp_path):
    text = "وقال الوزير إن المباراة كانت مثمرة."
    book = yaml.safe_load(CODEBOOK_PATH.read_text(encoding="utf-8"))
    book["frames"].append({"key": "sport", "label_en": "Sport", "label_ar": "رياضة", "description": "Matches.", "tone": 0, "cues": ["مباراة"]})
    for frame in book["frames"]:
        if frame["key"] == "progress":
            frame["cues"] = [c for c in frame["cues"] if c != "مثمرة"]
    edited = tmp_path / "codebook.yaml"
    edited.write_text(yaml.safe_dump(book, allow_unicode=True), encoding="utf-8")
    corpus = tmp_path / "one.txt"
    corpus.write_text(text, encoding="utf-8")
    default = analysis.build(corpus, workers=1).frames["frame"].to_list()
    custom = analysis.build(corpus, workers=1, codebook=edited).frames["frame"].to_list()
    assert default == ["progress"] and custom == ["sport"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b["frames"][0].pop("cues"), "frame 'progress' has no cues"),
        (lambda b: b["frames"][0].update(tone=2), "frame 'progress': tone must be -1, 0 or 1"),
        (lambda b: b["frames"][0].update(negated_as="nothing"), "negated_as 'nothing' is not a frame key"),
        (lambda b: b["frames"][1]["cues"].append("اختراق"), "listed under several frames"),
        (lambda b: b["frames"][0].update(patterns=["(unclosed"]), "is not a valid regular expression"),
        (lambda b: b["frames"][0].update(generic=["drama"]), "unknown generic frame 'drama'"),
        (lambda b: b["frames"][1].pop("label_ar"), "frame 'stalemate' needs a `label_ar`"),
    ],
)
def test_a_malformed_codebook_names_the_entry(tmp_path, change, message):
    book = yaml.safe_load(CODEBOOK_PATH.read_text(encoding="utf-8"))
    change(book)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(book, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=message):
        load_codebook(path)


def test_yaml_booleans_in_country_lists_get_a_clear_message(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(CODEBOOK_PATH.read_text(encoding="utf-8").replace('"NO"', "NO"), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match='write "NO"'):
        load_codebook(path)
