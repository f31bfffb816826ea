"""Normalization rules, the matching view's offset map, sentences, clitics."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.arabic import RULES, MatchingView, clitic_forms, find_regex, matching_view, normalize, sentence_spans


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        ("strip_diacritics", "مُعَدَّلة", "معدلة"),
        ("strip_diacritics", "روسياً", "روسياً"),  # tanween is kept: an adverb is not a country
        ("strip_tatweel", "الخميـــس", "الخميس"),
        ("strip_invisible", "ماك\u200fرون", "ماكرون"),
        ("strip_hashtag_mark", "#ماكرون", "ماكرون"),
        ("unify_alef", "أإآٱ", "اااا"),
        ("alef_maqsura_to_ya", "مصطفى", "مصطفي"),
        ("taa_marbuta_to_ha", "قمة", "قمه"),
        ("persian_letters_to_arabic", "کی", "كي"),
        ("digits_to_ascii", "٢٢ يناير ٢٠٢٦", "22 يناير 2026"),
    ],
)
def test_each_rule(rule, text, expected):
    by_name = {r.name: r for r in RULES}
    assert by_name[rule](text) == expected


@pytest.mark.parametrize("text", ["Donbas", "موسكو", "2026", "Kyiv 2022", ""])
def test_text_that_must_not_change(text):
    assert normalize(text) == text


def test_matching_view_turns_punctuation_into_spaces_and_keeps_length_per_character():
    assert matching_view("موسكو، «للأمم المتحدة».") == "موسكو   للامم المتحده  "
    assert matching_view("بُثت") == "بثت"


def test_clitic_forms_cover_conjunctions_prepositions_and_the_article_with_lam():
    forms = dict((prefix, form) for prefix, form in clitic_forms("الامم المتحده"))
    assert forms[""] == "الامم المتحده"
    assert forms["و"] == "والامم المتحده"
    assert forms["ل"] == "للامم المتحده"
    assert forms["ول"] == "وللامم المتحده"
    assert forms["ب"] == "بالامم المتحده"
    assert dict(clitic_forms("ميرتس"))["و"] == "وميرتس"


def test_a_hyphen_between_a_letter_and_a_space_is_deleted():
    # "مون جيه- إن" reads as "مون جيه إن"; a hyphen between words or numbers stays a space
    assert matching_view("مون جيه- إن") == matching_view("مون جيه إن")
    assert matching_view("جيه-إن، 2000- 2007، ب -ج") == matching_view("جيه إن  2000  2007  ب  ج")
    assert MatchingView(["قال مون جيه- إن"]).view[0] == " " + matching_view("قال مون جيه إن") + " "
    # ... and so does a hyphen spaced on both sides between letters, with one of its spaces
    # ("كيم جونغ - أون"); between numbers it stays
    view = MatchingView(["قال كيم جونغ - أون", "بين 2000 - 2007"])
    assert view.view.to_list() == [" " + matching_view("قال كيم جونغ أون") + " ", " " + matching_view("بين 2000   2007") + " "]


def test_view_positions_map_back_to_the_original_text():
    texts = ["وصل ماكرونُ وميرتس إلى موسكـو، الخميس", "", "ماك\u200fرون قال"]
    view = MatchingView(texts)
    for row, text in enumerate(texts):
        padded = view.view[row]
        assert padded == " " + matching_view(text) + " "
        positions = np.arange(1, len(padded) - 1)
        original = view.to_original(np.full(len(positions), row), positions)
        assert all(matching_view(text[o]) == padded[p] for o, p in zip(original, positions))
    # an exclusive end keeps the trailing diacritic of the last letter
    start = view.view[0].index("ماكرون")
    end = start + len("ماكرون")
    s, e = view.to_original(np.array([0, 0]), np.array([start, end]))
    assert texts[0][s:e] == "ماكرونُ"


@settings(max_examples=60, deadline=None)
# an emoji beyond the Basic Multilingual Plane makes the batch's codepoints 32-bit; without one they are 16-bit
@given(st.lists(st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويىةأإآءؤئ ًٌٍَُِّْـ،.؟!\n 0123٤٥abc#-\u200f\U0001F600", max_size=40), min_size=1, max_size=6))
def test_offset_map_is_exact_for_any_text(texts):
    view = MatchingView(texts)
    for row, text in enumerate(texts):
        padded = view.view[row]
        assert padded == " " + matching_view(text) + " "
        positions = np.arange(1, len(padded) - 1)
        original = view.to_original(np.full(len(positions), row), positions)
        assert np.all(np.diff(original) > 0) if len(original) > 1 else True
        # the original character behind each view character ("آ" behind "ا")
        assert view.original_chars_at(np.full(len(positions), row), positions).tolist() == [ord(text[o]) for o in original]
        # one character of the view, read without slicing; 0 outside the padded view
        around = np.arange(-1, len(padded) + 1)
        assert view.chars_at(np.full(len(around), row), around).tolist() == [0] + [ord(c) for c in padded] + [0]
        assert all(matching_view(text[o]) == padded[p] for o, p in zip(original, positions))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ابتثجحخ ىةأ ًَ\n\t abcXYZ 123 ٤\u200f\u00a0", max_size=30), min_size=1, max_size=6))
def test_text_counts_count_each_document_alone(texts):
    # words are runs of non-space characters; Arabic and Latin letters are counted per document,
    # empty documents included (the separator between documents counts for nothing)
    counts = MatchingView(texts).text_counts()
    assert counts["n_words"].to_list() == [len(t.split()) for t in texts]
    assert counts["n_arabic"].to_list() == [sum("\u0620" <= c < "\u064b" for c in t) for t in texts]
    assert counts["n_latin"].to_list() == [sum(c.isascii() and c.isalpha() for c in t) for t in texts]


def test_find_regex_gives_character_offsets():
    texts = pl.Series(["في 24 فبراير 2022 ثم في 2023", "لا شيء", "“2024”"])
    found = find_regex(texts, r"\d{4}")
    assert found.select("row", "start", "end", "match").rows() == [(0, 13, 17, "2022"), (0, 24, 28, "2023"), (2, 1, 5, "2024")]


def test_sentences_split_on_stops_and_lines_but_not_on_numbers_or_initials():
    text = "قال د. أحمد إن النمو بلغ 3.5 في المئة. وأضاف: «نعم»!\nعنوان جديد\n\nفقرة أخيرة؟"
    spans = sentence_spans(pl.Series([text]))
    pieces = [text[s:e] for s, e in spans.select("start", "end").rows()]
    assert pieces == ["قال د. أحمد إن النمو بلغ 3.5 في المئة.", "وأضاف: «نعم»!", "عنوان جديد", "فقرة أخيرة؟"]
    assert spans["sentence"].to_list() == [0, 1, 2, 3]


def test_a_dot_glued_to_the_next_word_ends_a_sentence_but_not_an_acronym():
    text = "ورئيس مجلس النواب سليم الجبوري.ومن المقرر أن يغادر. وقالت شبكة سي.بي.إس و(إن.إتش.كيه) ذلك، ود.أحمد أيضا."
    spans = sentence_spans(pl.Series([text]))
    pieces = [text[s:e] for s, e in spans.select("start", "end").rows()]
    assert pieces == ["ورئيس مجلس النواب سليم الجبوري.", "ومن المقرر أن يغادر.", "وقالت شبكة سي.بي.إس و(إن.إتش.كيه) ذلك، ود.أحمد أيضا."]


def test_sentences_survive_long_runs_of_spaces_stops_and_quotes():
    # runs longer than the vectorized walk (``_SHORT_RUN``) are finished one position at a time
    pad = " " * 50
    text = pad + "قال الوزير" + "." * 40 + pad + "ثم غادر" + ")" * 40 + "!" + pad + "\n" + pad + "نهاية" + pad
    spans = sentence_spans(pl.Series([text, pad, ""]))
    pieces = [text[s:e] for s, e in spans.filter(pl.col("row") == 0).select("start", "end").rows()]
    assert pieces == ["قال الوزير" + "." * 40, "ثم غادر" + ")" * 40 + "!", "نهاية"]
    assert spans.filter(pl.col("row") > 0).height == 0
