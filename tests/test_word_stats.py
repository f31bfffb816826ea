"""The word statistics of ``analysis.lexicon``: counts by entity tag, and the given-name count."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from analysis.lexicon import WORD_STATS_PATH, build_word_stats, word_stats

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


def _corpus(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "anercorp_camel"
    folder.mkdir()
    (folder / "ANERCorp_CamelLab_train.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_word_that_begins_a_longer_name_counts_as_a_given_name(tmp_path):
    raw = _corpus(
        tmp_path,
        "قال O\nالوزير O\nيوسف B-PERS\nالحربي I-PERS\n\n"  # a given name, then the family name
        "قال O\nالرئيس O\nخاتمي B-PERS\n\n"  # a surname alone begins no longer name
        "والتقى O\nيوسف B-PERS\n\nخاتمي I-PERS\n",  # nor does a name cut by a sentence break
    )
    stats = {r["word"]: r for r in build_word_stats(raw).iter_rows(named=True)}
    assert (stats["يوسف"]["n_person"], stats["يوسف"]["n_person_first"]) == (2, 1)
    assert (stats["خاتمي"]["n_person"], stats["خاتمي"]["n_person_first"]) == (2, 0)
    assert (stats["الحربي"]["n_person"], stats["الحربي"]["n_person_first"]) == (1, 0)
    assert stats["قال"]["n_other"] == 2


def test_the_shipped_table_is_the_build_of_data_raw():
    shipped = word_stats()
    assert shipped.columns[-1] == "n_person_first"
    assert shipped.equals(build_word_stats(RAW)), f"rebuild {WORD_STATS_PATH.name} with `make reference`"
