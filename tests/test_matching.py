"""NameMatcher: whole words, proclitics, and rows of a batch kept apart."""

from __future__ import annotations

import polars as pl
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis.arabic import MatchingView, matching_view
from analysis.matching import NameMatcher, resolve_overlaps


def matcher(*names: str) -> NameMatcher:
    return NameMatcher(pl.DataFrame({"form": [matching_view(n) for n in names], "name": list(names)}))


def found(texts: list[str], *names: str, rows: list[int] | None = None) -> list[tuple[int, str, int]]:
    view = MatchingView(texts)
    if rows is not None:
        view = view.subset(rows)
    hits = matcher(*names).find(view).sort("row", "view_start")
    return [(row, view.view[row][start:end], prefix) for row, start, end, prefix in hits.select("row", "view_start", "view_end", "prefix_len").iter_rows()]


def test_a_name_takes_its_proclitics_and_nothing_else_before_it():
    text = "زار ماكرون باريس وبباريس فلباريس، ثم عاد إلى لاباريس وماكرونيين."
    assert found([text], "باريس", "ماكرون") == [(0, "ماكرون", 0), (0, "باريس", 0), (0, "باريس", 2), (0, "باريس", 2)]


def test_a_name_with_the_article_is_read_after_the_preposition_lam():
    assert found(["قال الأمين العام للأمم المتحدة وللأمم المتحدة"], "الأمم المتحدة") == [(0, "لامم المتحده", 1), (0, "لامم المتحده", 2)]


def test_a_name_never_runs_from_one_document_into_the_next():
    texts = ["وصل الرئيس إيمانويل", "ماكرون إلى برلين", "استقبل إيمانويل ماكرون المستشار"]
    assert found(texts, "إيمانويل ماكرون") == [(2, "ايمانويل ماكرون", 0)]


def test_a_subset_of_the_rows_finds_what_the_whole_batch_finds_in_them():
    texts = ["زار ماكرون برلين", "لا شيء هنا", "التقى ميرتس وماكرون في برلين"]
    whole = found(texts, "ماكرون", "برلين")
    part = found(texts, "ماكرون", "برلين", rows=[2, 0])
    assert part == [(1 - row // 2, surface, prefix) for row, surface, prefix in sorted(whole, key=lambda hit: -hit[0]) if row in (0, 2)]
    assert len(part) == 4


def expected_matches(views: list[str], forms: list[str]) -> set[tuple[int, int, int, int, str]]:
    """Every (row, start, end, proclitics' length, form) found by trying each reading at each place."""
    readings = []
    for form in forms:
        readings += [(" " + pre + form + " ", len(pre), form, 0) for pre in ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"]]
        if form.startswith("ال") and len(form) > 3:
            readings += [(" " + pre + form[1:] + " ", len(pre), form, 1) for pre in ["ل", "ول", "فل"]]
    out = set()
    for row, view in enumerate(views):
        for literal, prefix, form, elided in readings:
            at = view.find(literal)
            while at >= 0:
                out.add((row, at + 1 + prefix, at + 1 + prefix + len(form) - elided, prefix, form))
                at = view.find(literal, at + 1)
    return out


WORDS = ["ماكرون", "باريس", "الاليزيه", "وباريس", "لليزيه", "فبرلين", "برلين", "ميرتس"]


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.lists(st.sampled_from(WORDS + ["، ", "\u4e00", "\u4e01", "берлин"]), max_size=12).map(" ".join), min_size=1, max_size=4),
    coding=st.sampled_from(["common", "own", "wide"]),
)
def test_the_matcher_finds_exactly_every_reading_of_every_name(texts, coding):
    forms = ["ماكرون", "باريس", "الاليزيه", "برلين", "ماكرون باريس"]
    extra = {
        # Arabic and ASCII only: the views are recoded in the alphabet that all such matchers share
        "common": [],
        # a Cyrillic name: the names' own alphabet, one byte per character
        "own": ["берлин"],
        # more than 255 characters among the names: the views are recoded two bytes per character
        "wide": ["".join(chr(0x4E00 + i) for i in range(k, k + 10)) for k in range(0, 300, 10)],
    }[coding]
    view = MatchingView(texts)
    hits = matcher(*forms, *extra).find(view)
    got = set(hits.select("row", "view_start", "view_end", "prefix_len", "form").iter_rows())
    assert got == expected_matches(view.view.to_list(), [matching_view(form) for form in forms + extra])


def test_with_two_byte_codes_a_match_starts_only_on_a_character():
    # 300 characters among the names: space is code 1 and chr(0x4E00 + i) code i + 2, so that in the
    # word "YYXY" the bytes of " X " (01 00 01 01 01 00) appear astride characters, from an odd offset
    alphabet = "".join(chr(0x4E00 + i) for i in range(299))
    x, y = chr(0x4E00 + 255), chr(0x4E00 + 254)
    names = NameMatcher(pl.DataFrame({"form": [alphabet, x], "clitics": [False, False]}))
    assert names.find(MatchingView([y + y + x + y])).height == 0
    assert names.find(MatchingView([f"{y}{y} {x} {y}"]))["form"].to_list() == [x]


# the priority as it is, far apart (the keys no longer fit one integer), and as text with nulls
_PRIORITY_KINDS = {
    "small": (pl.Int64, lambda p: p),
    "wide": (pl.Int64, lambda p: p * 2**61 - 2**62),
    "text": (pl.String, lambda p: [None, "b", "a"][p]),
}


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 30), st.integers(1, 8), st.integers(0, 2)), max_size=40),
    st.sampled_from(sorted(_PRIORITY_KINDS)),
)
# [5, 8) overlaps only [3, 6), which [0, 5) overlaps: it is kept, next to [0, 5)
@example(spans=[(0, 0, 5, 0), (0, 3, 3, 0), (0, 5, 3, 0)], kind="small")
def test_overlaps_resolve_leftmost_longest_as_the_greedy_rule_says(spans, kind):
    dtype, value = _PRIORITY_KINDS[kind]
    candidates = pl.DataFrame(
        [(row, s, s + n, value(p)) for row, s, n, p in spans], schema={"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "p": dtype}, orient="row"
    ).unique()
    kept = resolve_overlaps(candidates, priority=["p"])
    # the greedy rule over Polars' own order (nulls first)
    expected = []
    for group in candidates.sort("row", "view_start", "view_end", "p", descending=[False, False, True, False]).partition_by("row", maintain_order=True):
        reach = -1
        for r, s, e, p in group.rows():
            if s >= reach:
                expected.append((r, s, e, p))
                reach = e
    assert kept.rows() == expected


def test_one_view_searched_by_matchers_of_different_alphabets_gives_each_its_matches():
    # the view keeps its last recoding for the next matcher of the same alphabet, and only for it
    view = MatchingView(["زار ماكرون مدينة берлин"])
    for names, expected in [(["ماكرون"], ["ماكرون"]), (["берлин"], ["берлин"]), (["ماكرون", "берлин"], ["ماكرون", "берлин"]), (["ماكرون"], ["ماكرون"])]:
        assert matcher(*names).find(view).sort("view_start")["form"].to_list() == expected
