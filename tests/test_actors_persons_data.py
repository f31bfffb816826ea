"""Checks on the curated persons file ``analysis/resources/actors_persons.csv``.

Each test states something an analyst relies on when the file is edited by hand: the columns are
where the loaders expect them, every Arabic form names one person, titles and clitics stay out of
the aliases, ambiguous short names only link in context, and the people of the seed articles resolve.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from analysis.arabic import matching_view

ROOT = Path(__file__).resolve().parents[1]
PERSONS = ROOT / "analysis" / "resources" / "actors_persons.csv"
COUNTRIES = ROOT / "data" / "raw" / "natural_earth_ar" / "ne_10m_admin_0_countries_ar.csv"
SEEDS = ROOT / "seeds"
# the people the file must cover (Arabic forms of the seed articles, outlet spellings, sides):
# names belong in this data file, not in test code
REQUIRED = Path(__file__).resolve().parent / "data" / "required_actors.csv"

COLUMNS = ["actor_id", "kind", "name_en", "name_ar", "aliases_ar", "context_aliases_ar", "country", "role", "side", "wikidata"]
SIDES = {"", "Europe", "International", "NATO"}
TITLE_WORDS = ["الرئيس", "الملك", "الأمير", "الشيخ", "وزير", "السيد"]
CLITICS = "وفبلك"


def form(text: str) -> str:
    """The matching-view form of a name, single-spaced (what the matcher compares)."""
    return " ".join(matching_view(text).split())


def split_forms(cell: str) -> list[str]:
    return cell.split("|") if cell else []


def required(check: str) -> list[tuple[str, str]]:
    """(surface, actor_id) of the rows of tests/data/required_actors.csv for one check
    ("seed_form", "spelling_variant"); (actor_id, side) for "side"."""
    with REQUIRED.open(encoding="utf-8", newline="") as fh:
        rows = [row for row in csv.DictReader(fh) if row["check"] == check]
    assert rows, f"{REQUIRED} has no {check!r} rows"
    if check == "side":
        return [(row["actor_id"], row["side"]) for row in rows]
    return [(row["surface"], row["actor_id"]) for row in rows]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with PERSONS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def owners(rows) -> dict[str, dict[str, set[str]]]:
    """form -> {"full": actor_ids naming it by name_ar/aliases_ar, "context": actor_ids by context_aliases_ar}."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"full": set(), "context": set()})
    for row in rows:
        for text in [row["name_ar"], *split_forms(row["aliases_ar"])]:
            out[form(text)]["full"].add(row["actor_id"])
        for text in split_forms(row["context_aliases_ar"]):
            out[form(text)]["context"].add(row["actor_id"])
    return dict(out)


@pytest.fixture(scope="module")
def seed_view() -> str:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    assert texts, f"no seed articles in {SEEDS}"
    return " " + " ".join(form(t) for t in texts) + " "


def test_header_is_exactly_the_documented_columns():
    raw = PERSONS.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark: loaders would read it into the first column name"
    assert raw.decode("utf-8").splitlines()[0] == ",".join(COLUMNS)


def test_every_row_has_all_columns(rows):
    for row in rows:
        assert None not in row and all(row[c] is not None for c in COLUMNS), f"wrong number of fields in {row}"


def test_rows_are_sorted_by_unique_slug_ids(rows):
    ids = [row["actor_id"] for row in rows]
    assert ids == sorted(ids), "rows must be sorted by actor_id"
    assert len(ids) == len(set(ids)), f"repeated actor_id: {sorted({i for i in ids if ids.count(i) > 1})}"
    bad = [i for i in ids if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i)]
    assert not bad, f"actor_id must be a lowercase ASCII slug: {bad}"


def test_the_file_covers_world_diplomacy(rows):
    assert len(rows) >= 450, "the persons list shrank: was a block deleted by accident?"


def test_kind_is_person_and_wikidata_is_left_empty(rows):
    assert {row["kind"] for row in rows} == {"person"}
    assert not [row["actor_id"] for row in rows if row["wikidata"]], "no shipped source gives person Wikidata IDs"


def test_names_and_roles_are_filled_and_trimmed(rows):
    for row in rows:
        for column in ("name_en", "name_ar", "role"):
            value = row[column]
            assert value and value == value.strip(), f"{row['actor_id']}: {column} empty or padded"


def test_arabic_forms_are_clean_arabic(rows):
    for row in rows:
        forms = [row["name_ar"], *split_forms(row["aliases_ar"]), *split_forms(row["context_aliases_ar"])]
        for text in forms:
            assert text and text == text.strip(), f"{row['actor_id']}: empty or padded form in {forms}"
            assert not re.search(r"[A-Za-z]", text), f"{row['actor_id']}: Latin letters in Arabic form {text!r}"
            assert re.search(r"[\u0621-\u064A]", text), f"{row['actor_id']}: {text!r} has no Arabic letter"
        normalized = [form(t) for t in forms]
        assert len(normalized) == len(set(normalized)), f"{row['actor_id']}: a form is repeated (after normalization)"


def test_country_codes_are_natural_earth_codes(rows):
    with COUNTRIES.open(encoding="utf-8", newline="") as fh:
        # Natural Earth leaves iso_a2 as -99 for France and Norway; iso_a2_eh has FR and NO.
        codes = {code for r in csv.DictReader(fh) for code in (r["iso_a2"], r["iso_a2_eh"]) if code != "-99"}
    assert "PS" in codes and "FR" in codes
    bad = [(row["actor_id"], row["country"]) for row in rows if row["country"] and row["country"] not in codes]
    assert not bad, f"country must be an ISO 3166-1 alpha-2 code from Natural Earth: {bad}"


def test_side_is_a_bloc_and_people_without_country_speak_for_one(rows):
    assert {row["side"] for row in rows} <= SIDES
    orphans = [row["actor_id"] for row in rows if not row["country"] and not row["side"]]
    assert not orphans, f"give these a country or a side (Europe/International/NATO): {orphans}"
    sides = dict(required("side"))
    assert len(sides) >= 3 and set(sides.values()) == SIDES - {""}
    assert sides.items() <= {row["actor_id"]: row["side"] for row in rows}.items()


def test_no_form_names_two_people(owners):
    clashes = {f: sorted(o["full"] | o["context"]) for f, o in owners.items() if len(o["full"] | o["context"]) > 1}
    assert not clashes, f"each Arabic form must name one person: {clashes}"


def test_no_title_words_in_aliases(rows):
    titles = {form(t) for t in TITLE_WORDS}
    for row in rows:
        for text in split_forms(row["aliases_ar"]) + split_forms(row["context_aliases_ar"]):
            tokens = form(text).split()
            # "عبد الملك" (Abd al-Malik) and "ولد الشيخ" (Ould Cheikh) are names, not the titles "الملك", "الشيخ".
            found = [t for i, t in enumerate(tokens) if t in titles and not (i and tokens[i - 1] in ("عبد", "ولد"))]
            assert not found, f"{row['actor_id']}: title {found} inside alias {text!r}; titles are matched separately"


def test_no_alias_is_a_clitic_form_of_another(owners):
    forms = set(owners)
    clitic = sorted(f for f in forms if f[0] in CLITICS and f[1:] in forms)
    assert not clitic, f"clitic forms (و/ف/ب/ل/ك + name) are handled by the matcher, do not list them: {clitic}"


@pytest.mark.parametrize(("surface", "actor_id"), required("seed_form"))
def test_people_named_in_the_seeds_resolve_to_one_row(surface, actor_id, owners, seed_view):
    key = form(surface)
    assert re.search(rf" [{CLITICS}]{{0,2}}{re.escape(key)} ", seed_view), f"{surface!r} no longer occurs in seeds/"
    assert owners.get(key, {}).get("full") == {actor_id}, f"{surface!r} should name {actor_id} on its own"


@pytest.mark.parametrize(("surface", "actor_id"), required("spelling_variant"))
def test_outlet_spelling_variants_resolve(surface, actor_id, owners):
    assert owners.get(form(surface), {}).get("full") == {actor_id}


AMBIGUOUS_SHORT_FORMS = {
    "عباس": "mahmoud-abbas",
    "سلمان": "salman-bin-abdulaziz",
    "بن سلمان": "mohammed-bin-salman",
    "بن زايد": "mohamed-bin-zayed",
    "تميم": "tamim-bin-hamad",
    "ماي": "theresa-may",
    "كيم": "kim-jong-un",
    "شي": "xi-jinping",
    "مون": "moon-jae-in",
    "يون": "yoon-suk-yeol",
    "آبي": "shinzo-abe",
    "رئيسي": "ebrahim-raisi",
    "لولا": "luiz-inacio-lula-da-silva",
    "مرسي": "mohamed-morsi",
    "الأسد": "bashar-al-assad",
    "سعيد": "kais-saied",
    "هادي": "abdrabbuh-mansur-hadi",
    "جونسون": "boris-johnson",
    "كلينتون": "hillary-clinton",
}


@pytest.mark.parametrize(("surface", "actor_id"), sorted(AMBIGUOUS_SHORT_FORMS.items()))
def test_ambiguous_short_forms_link_only_in_context(surface, actor_id, owners):
    assert owners.get(form(surface)) == {"full": set(), "context": {actor_id}}


def test_no_alias_of_one_word_is_more_often_a_common_word_than_a_name(rows):
    # "تراس" (Truss) is also "ترأس" (he chaired), "مايلي" is "ما يلي", "ولايتي" "my term": in the
    # annotated corpora (word_stats.csv) such a word is more often no name at all; it may only
    # link where the article names the person in full (context_aliases_ar)
    stats = {}
    with open(ROOT / "analysis" / "resources" / "word_stats.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            stats[row["word"]] = (int(row["n_person"]), int(row["n_other"]))
    common = [
        (row["actor_id"], alias)
        for row in rows
        for alias in [row["name_ar"], *split_forms(row["aliases_ar"])]
        if " " not in form(alias) and stats.get(form(alias), (0, 0))[1] > stats.get(form(alias), (0, 0))[0]
    ]
    assert not common, f"move these to context_aliases_ar: {common}"


@pytest.mark.parametrize("word", ["صالح", "عون", "سلام", "الحوثي", "محمد", "عبد الله", "عبدالله", "الحريري", "الصباح", "آل ثاني"])
def test_common_words_and_shared_family_names_never_link_on_their_own(word, owners):
    assert not owners.get(form(word), {"full": set()})["full"], f"{word!r} names many people; it cannot be an alias"
