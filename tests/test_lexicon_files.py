"""Checks of the hand-curated lexicons in ``analysis/resources`` (see ``LEXICONS.md``).

The four files are edited by hand, so these tests say what a broken edit looks like: a wrong
column, a duplicate that only shows once alef/hamza and taa marbuta are normalized, an alias
that names two organizations, a country code that does not exist, a clitic or article variant
listed by hand. The last tests read the seed articles and check that the forms they use resolve:
the organizations they name, the titles that introduce people, the nationality adjectives.

Keys are compared in their matching view (``analysis.arabic.matching_view``, single-spaced), the
form the matcher uses.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import polars as pl
import pytest

from analysis.arabic import clitic_forms, matching_view

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "analysis" / "resources"
SEEDS = REPO / "seeds"
NATURAL_EARTH = REPO / "data" / "raw" / "natural_earth_ar" / "ne_10m_admin_0_countries_ar.csv"
# phrases quoted from the seed articles, with the title (and its complement) they start with;
# the people they name belong in this data file, not in test code
SEED_TITLES = Path(__file__).resolve().parent / "data" / "seed_titles.csv"

COLUMNS = {
    "actors_organizations.csv": [
        "actor_id", "kind", "name_en", "name_ar", "aliases_ar", "context_aliases_ar", "country", "role", "side", "wikidata",
    ],
    "titles.csv": ["title_ar", "title_en", "kind"],
    "nationalities.csv": ["adjective_ar", "country", "plural_ar", "region"],
    "org_terms.csv": ["term_ar", "term_en", "role"],
}
ORG_SIDES = {"", "Europe", "International", "NATO"}
TITLE_KINDS = {"head", "honorific"}
TERM_ROLES = {"head", "part"}
BLOC_REGIONS = {"Europe", "Arab", "Gulf", "NATO", "International"}
# Regular endings of a nationality adjective that the code generates (fem., plurals, duals).
NATIONALITY_SUFFIXES = ("تين", "تان", "ون", "ين", "ان", "ات", "ه")
# Adjectives whose country is ambiguous on their own ("الكوري" + "الشمالي"/"الجنوبي").
AMBIGUOUS_ADJECTIVES = {"كوري"}
# Adjectives spelled exactly like their country's name: harmless with the article, listed on purpose.
ADJECTIVES_EQUAL_TO_COUNTRY_NAME = {"جيبوتي", "بوروندي", "زيمبابوي", "هايتي", "تشيلي"}


def form(text: str) -> str:
    """The matching-view form of a lexicon entry: normalized, punctuation as spaces, single-spaced."""
    return " ".join(matching_view(text).split())


def split_list(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part != ""] if cell else []


@cache
def read(name: str) -> pl.DataFrame:
    return pl.read_csv(RESOURCES / name, infer_schema=False, empty_string_is_null=False)


@cache
def iso_codes() -> frozenset[str]:
    with NATURAL_EARTH.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # France and Norway carry -99 in iso_a2 and their code in iso_a2_eh.
    return frozenset(code for row in rows for code in (row["iso_a2"], row["iso_a2_eh"]) if re.fullmatch(r"[A-Z]{2}", code))


@cache
def country_names() -> frozenset[str]:
    with NATURAL_EARTH.open(encoding="utf-8") as f:
        return frozenset(form(row["name_ar"]) for row in csv.DictReader(f))


def org_forms(strength: str = "full") -> list[tuple[str, str, str]]:
    """(form, actor_id, written alias) for every standalone name (``full``) or context alias."""
    out = []
    for row in read("actors_organizations.csv").iter_rows(named=True):
        written = [row["name_ar"], *split_list(row["aliases_ar"])] if strength == "full" else split_list(row["context_aliases_ar"])
        out.extend((form(alias), row["actor_id"], alias) for alias in written)
    return out


@cache
def org_index() -> dict[str, str]:
    """Every standalone form of an organization, with its proclitic variants -> actor_id."""
    index = {}
    for f, actor_id, _ in org_forms():
        for _, written in clitic_forms(f):
            index[written] = actor_id
    return index


@cache
def nationality_index() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """(adjective form -> (country, region), irregular plural form -> (country, region))."""
    adjectives, plurals = {}, {}
    for row in read("nationalities.csv").iter_rows(named=True):
        value = (row["country"], row["region"])
        adjectives[form(row["adjective_ar"])] = value
        for plural in split_list(row["plural_ar"]):
            plurals[form(plural)] = value
    return adjectives, plurals


def resolve_nationality(word: str) -> tuple[str, str] | None:
    """(country, region) of a written nationality word: strip ال, then a regular ending."""
    adjectives, plurals = nationality_index()
    f = form(word)
    for stem in [f, f[2:]] if f.startswith("ال") else [f]:
        if stem in adjectives:
            return adjectives[stem]
        if stem in plurals:
            return plurals[stem]
        for suffix in NATIONALITY_SUFFIXES:
            if stem.endswith(suffix) and stem[: -len(suffix)] in adjectives:
                return adjectives[stem[: -len(suffix)]]
    return None


@cache
def title_index() -> dict[str, str]:
    """Every title form with its proclitic variants -> title_en."""
    index = {}
    for row in read("titles.csv").iter_rows(named=True):
        for _, written in clitic_forms(form(row["title_ar"])):
            index.setdefault(written, row["title_en"])
    return index


def longest_prefix(words: list[str], index: dict[str, str]) -> tuple[int, str | None]:
    """Number of leading ``words`` that form the longest entry of ``index``, and its value."""
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]) in index:
            return n, index[" ".join(words[:n])]
    return 0, None


@cache
def seed_view() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return " " + " ".join(form(t) for t in texts) + " "


def sort_key(text: str) -> tuple[str, str]:
    return form(text), text


# ---- shape of the files -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_columns_are_exactly_the_documented_ones(name):
    assert read(name).columns == COLUMNS[name]


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_cells_have_no_stray_whitespace_or_empty_list_items(name):
    frame = read(name)
    for row in frame.iter_rows(named=True):
        for column, value in row.items():
            assert value == value.strip(), f"{name}: {column} {value!r} has leading or trailing spaces"
            assert "  " not in value, f"{name}: {column} {value!r} has a double space"
            if column.endswith("aliases_ar") or column == "plural_ar":
                assert "||" not in value and not value.startswith("|") and not value.endswith("|"), (
                    f"{name}: {column} {value!r} has an empty item"
                )


@pytest.mark.parametrize(
    "name, required",
    [
        ("actors_organizations.csv", ["actor_id", "kind", "name_en", "name_ar", "role"]),
        ("titles.csv", ["title_ar", "title_en", "kind"]),
        ("nationalities.csv", ["adjective_ar"]),
        ("org_terms.csv", ["term_ar", "term_en", "role"]),
    ],
)
def test_required_cells_are_filled(name, required):
    frame = read(name)
    for column in required:
        empty = frame.filter(pl.col(column) == "")
        assert empty.height == 0, f"{name}: empty {column} in {empty.row(0)}"


def test_organizations_are_sorted_by_actor_id():
    ids = read("actors_organizations.csv")["actor_id"].to_list()
    assert ids == sorted(ids), "sort actors_organizations.csv by actor_id"


@pytest.mark.parametrize(
    "name, group, key",
    [("titles.csv", "kind", "title_ar"), ("org_terms.csv", "role", "term_ar"), ("nationalities.csv", "country", "adjective_ar")],
)
def test_lexicons_are_sorted_by_group_then_matching_form(name, group, key):
    rows = read(name).select(group, key).rows()
    expected = sorted(rows, key=lambda r: (r[0], *sort_key(r[1])))
    for got, want in zip(rows, expected):
        assert got == want, f"{name} is not sorted by {group}, then {key} in its matching view: {got} where {want} belongs"


def test_the_lexicon_notes_give_each_files_row_count():
    # the table at the head of LEXICONS.md: "| `titles.csv` | 341 | ..."
    counted = dict(re.findall(r"^\| `([a-z_]+\.csv)` \| (\d+) \|", (RESOURCES / "LEXICONS.md").read_text(encoding="utf-8"), flags=re.M))
    assert len(counted) == 4
    assert {name: read(name).height for name in counted} == {name: int(rows) for name, rows in counted.items()}


# ---- organizations ------------------------------------------------------------------------


def test_actor_ids_are_unique_lowercase_slugs():
    ids = read("actors_organizations.csv")["actor_id"].to_list()
    assert len(ids) == len(set(ids))
    bad = [i for i in ids if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i)]
    assert not bad, f"actor_id must be a lowercase ASCII slug: {bad}"


def test_organization_kind_side_and_wikidata_values():
    frame = read("actors_organizations.csv")
    assert set(frame["kind"]) == {"organization"}
    assert set(frame["side"]) <= ORG_SIDES, set(frame["side"]) - ORG_SIDES
    assert set(frame["wikidata"]) == {""}, "wikidata stays empty: no shipped source to check ids against"


def test_organization_countries_are_natural_earth_codes():
    countries = set(read("actors_organizations.csv")["country"]) - {""}
    assert countries <= iso_codes(), countries - iso_codes()


def test_international_sides_have_no_country():
    frame = read("actors_organizations.csv").filter(pl.col("side").is_in(["International", "NATO"]) & (pl.col("country") != ""))
    assert frame.height == 0, frame.select("actor_id", "country", "side").rows()


def test_no_standalone_alias_names_two_organizations():
    owners: dict[str, set[str]] = {}
    for f, actor_id, _ in org_forms():
        owners.setdefault(f, set()).add(actor_id)
    shared = {f: ids for f, ids in owners.items() if len(ids) > 1}
    assert not shared, f"aliases shared by several organizations (move one to context_aliases_ar): {shared}"


def test_no_alias_repeats_within_a_row():
    for row in read("actors_organizations.csv").iter_rows(named=True):
        written = [row["name_ar"], *split_list(row["aliases_ar"]), *split_list(row["context_aliases_ar"])]
        forms = [form(a) for a in written]
        repeats = sorted({a for a, f in zip(written, forms) if forms.count(f) > 1})
        assert not repeats, f"{row['actor_id']}: these forms are the same once normalized, keep one: {repeats}"


def test_context_aliases_are_not_standalone_names():
    standalone = {f: actor_id for f, actor_id, _ in org_forms()}
    for f, actor_id, alias in org_forms("context"):
        assert f not in standalone, f"{actor_id}: context alias {alias!r} is a standalone name of {standalone[f]}"


def test_context_aliases_belong_to_one_organization():
    """The matcher resolves a form to one entity before it checks the article for the full name,
    so a short form shared by several organizations (الخارجية, وزارة الدفاع) is left out."""
    owners: dict[str, set[str]] = {}
    for f, actor_id, _ in org_forms("context"):
        owners.setdefault(f, set()).add(actor_id)
    shared = {f: ids for f, ids in owners.items() if len(ids) > 1}
    assert not shared, f"context aliases shared by several organizations: {shared}"


def test_no_alias_is_a_clitic_variant_of_another():
    """و ف ب ل ك and ال -> لل are generated by the matcher; listing them would double-count."""
    all_forms = [(f, actor_id, alias) for strength in ("full", "context") for f, actor_id, alias in org_forms(strength)]
    variants = {}
    for f, actor_id, _ in all_forms:
        for prefix, written in clitic_forms(f):
            if prefix:
                variants[written] = (actor_id, f)
    for f, actor_id, alias in all_forms:
        assert f not in variants, f"{actor_id}: {alias!r} is a clitic form of {variants[f]}; the matcher adds clitics"


# Forms that are too ambiguous to identify an organization on their own (explicit false matches).
AMBIGUOUS_ORG_FORMS = [
    "الجزيرة",  # the Arabian/Korean peninsula, an island, a Saudi newspaper
    "العربية",  # Arabic, Arab (feminine)
    "الشرق الأوسط",  # the Middle East before it is a newspaper
    "فتح",  # "opened"
    "القاعدة",  # a base, a rule
    "الأطلسي",  # the Atlantic ocean
    "الخارجية",
    "وزارة الخارجية",
    "وزارة الدفاع",
    "مجلس النواب",
    "مجلس الشيوخ",
    "مجلس الأمن القومي",
    "الديوان الملكي",
    "الحكومة",
    "الرئاسة",
    "الاتحاد",
    "المجلس",
    "روسيا اليوم",  # "Russia today ..."
    "الإخوان",
    "الدولة الإسلامية",
]


@pytest.mark.parametrize("alias", AMBIGUOUS_ORG_FORMS)
def test_ambiguous_forms_are_not_standalone_aliases(alias):
    assert form(alias) not in {f for f, _, _ in org_forms()}


def test_organization_forms_do_not_clash_with_other_reference_files():
    """The loader refuses a form that names two entities across persons, organizations and places."""
    others: dict[str, str] = {}
    for name, id_col, columns in (
        ("places.csv", "place_id", ["name_ar", "aliases_ar"]),
        ("actors_persons.csv", "actor_id", ["name_ar", "aliases_ar", "context_aliases_ar"]),
    ):
        if not (RESOURCES / name).is_file():
            continue
        frame = read(name)
        for row in frame.select(id_col, *[c for c in columns if c in frame.columns]).iter_rows():
            for cell in row[1:]:
                for alias in split_list(cell):
                    others.setdefault(form(alias), f"{row[0]} ({name})")
    for strength in ("full", "context"):
        for f, actor_id, alias in org_forms(strength):
            assert f not in others, f"{actor_id}: {alias!r} also names {others[f]}"


# ---- titles, nationalities, organization terms ----------------------------------------------


def test_titles_are_unique_and_kinds_allowed():
    frame = read("titles.csv")
    assert set(frame["kind"]) <= TITLE_KINDS
    forms = [form(t) for t in frame["title_ar"]]
    assert len(forms) == len(set(forms)), sorted({f for f in forms if forms.count(f) > 1})


def test_titles_are_not_listed_with_proclitics():
    forms = {form(t) for t in read("titles.csv")["title_ar"]}
    for f in forms:
        for prefix, written in clitic_forms(f):
            assert not prefix or written not in forms, f"{written!r} is {f!r} with a proclitic; the matcher adds it"


def test_org_terms_are_unique_roles_allowed_and_not_article_twins():
    frame = read("org_terms.csv")
    assert set(frame["role"]) == TERM_ROLES
    forms = [form(t) for t in frame["term_ar"]]
    assert len(forms) == len(set(forms)), sorted({f for f in forms if forms.count(f) > 1})
    twins = sorted(f for f in forms if f.startswith("ال") and f[2:] in forms)
    assert not twins, f"the code derives ال forms of org terms; drop {twins}"


def test_nationality_adjectives_are_unique_and_without_article():
    frame = read("nationalities.csv")
    forms = [form(a) for a in frame["adjective_ar"]]
    assert len(forms) == len(set(forms)), sorted({f for f in forms if forms.count(f) > 1})
    # written check: ألماني and ألباني start with ال only once hamza is normalized
    assert not [a for a in frame["adjective_ar"] if a.startswith("ال")], "write adjectives without ال"
    plurals = [form(p) for cell in frame["plural_ar"] for p in split_list(cell)]
    assert len(plurals) == len(set(plurals)), sorted({p for p in plurals if plurals.count(p) > 1})
    assert not set(plurals) & set(forms)


def test_nationality_regular_forms_are_not_listed_and_do_not_collide():
    adjectives, plurals = nationality_index()
    generated: dict[str, str] = {}
    for adjective in adjectives:
        for suffix in NATIONALITY_SUFFIXES:
            other = generated.setdefault(adjective + suffix, adjective)
            assert other == adjective, f"{adjective + suffix!r} is a regular form of both {other!r} and {adjective!r}"
    listed = set(adjectives) | set(plurals)
    assert not listed & set(generated), f"regular forms are generated, do not list them: {sorted(listed & set(generated))}"


def test_nationality_countries_and_regions():
    frame = read("nationalities.csv")
    codes = set(frame["country"]) - {""}
    assert codes <= iso_codes(), codes - iso_codes()
    for row in frame.iter_rows(named=True):
        if row["country"]:
            assert row["region"] in {"", "Europe"}, row
        elif row["adjective_ar"] not in AMBIGUOUS_ADJECTIVES:
            assert row["region"] in BLOC_REGIONS, f"a row without a country is a bloc and needs a region: {row}"
    region = {r["country"]: r["region"] for r in frame.iter_rows(named=True) if r["country"]}
    for code in ["RU", "UA", "BY", "TR", "GE", "US", "IL"]:
        assert region.get(code, "") == "", f"{code} is not tagged Europe (only EU/EFTA/UK/Balkans are)"
    for code in ["DE", "FR", "GB", "IT", "PL", "NO", "CH", "RS", "HU"]:
        assert region[code] == "Europe", code


def test_nationalities_cover_the_main_countries():
    covered = set(read("nationalities.csv")["country"])
    main = {"RU", "US", "UA", "GB", "DE", "FR", "CN", "IR", "IL", "PS", "SA", "EG", "TR", "QA", "AE", "SY", "IQ", "JO",
            "LB", "YE", "KP", "KR", "JP", "IN", "PK", "BY", "PL", "HU", "OM", "KW", "BH", "LY", "SD", "DZ", "MA", "TN"}
    assert main <= covered, main - covered


@pytest.mark.parametrize("word", ["مالي", "قمري", "غربي", "شرقي", "دولي", "عالمي"])
def test_everyday_adjectives_are_not_nationalities(word):
    """مالي is 'financial' (Mali), قمري 'lunar' (Comoros): too common to list."""
    assert resolve_nationality("ال" + word) is None


def test_adjectives_spelled_like_a_country_are_the_listed_exceptions():
    adjectives = {form(a) for a in read("nationalities.csv")["adjective_ar"]}
    assert adjectives & country_names() == {form(a) for a in ADJECTIVES_EQUAL_TO_COUNTRY_NAME}


def test_lexicon_words_do_not_cross_files():
    """A nationality form must not double as an organization word or a title."""
    adjectives, plurals = nationality_index()
    nationality_forms = set(adjectives) | set(plurals)
    terms = {form(t) for t in read("org_terms.csv")["term_ar"]}
    titles = {form(t) for t in read("titles.csv")["title_ar"]}
    for f in terms | titles:
        stem = f[2:] if f.startswith("ال") else f
        assert stem not in nationality_forms, f"{f!r} is also a nationality"


# ---- the seed articles resolve ----------------------------------------------------------------


@pytest.mark.parametrize(
    "written, actor_id",
    [
        ("الكرملين", "kremlin"),
        ("البيت الأبيض", "white-house"),
        ("وزارة الخارجية الأمريكية", "us-state-department"),
        ("الخارجية الأميركية", "us-state-department"),
        ("الأمم المتحدة", "un"),
        ("للأمم المتحدة", "un"),
        ("حلف شمال الأطلسي", "nato"),
        ("الناتو", "nato"),
        ("الاتحاد الأوروبي", "eu"),
        ("معهد دراسات الحرب", "isw"),
        ("وزارة الدفاع الروسية", "russian-defense-ministry"),
        ("صندوق الثروة السيادية الروسي", "rdif"),
        ("صندوق الاستثمار المباشر الروسي", "rdif"),
        ("مجلس الأمن والدفاع القومي", "ukraine-nsdc"),
        ("لمجلس الأمن الروسي", "russian-security-council"),
        ("مجلس الأمن", "un-security-council"),
        ("القوات المشتركة الأوكرانية", "ukrainian-joint-forces"),
        ("الجيش الأوكراني", "ukrainian-armed-forces"),
        ("القوات الروسية", "russian-armed-forces"),
        ("فوكس نيوز", "fox-news"),
        ("البنتاغون", "pentagon"),
        ("وحماس", "hamas"),
        ("الحوثيين", "houthis"),
    ],
)
def test_organization_forms_resolve(written, actor_id):
    assert org_index().get(form(written)) == actor_id


def test_organizations_named_in_the_seeds_are_found():
    view = seed_view()
    found = {actor_id for written, actor_id in org_index().items() if f" {written} " in view}
    expected = {
        "kremlin", "white-house", "us-state-department", "un", "nato", "eu", "isw", "russian-defense-ministry",
        "rdif", "ukraine-nsdc", "russian-security-council", "fox-news", "ukrainian-armed-forces",
        "russian-armed-forces", "ukrainian-joint-forces", "us-administration",
    }
    assert expected <= found, expected - found


def seed_titles() -> list[tuple[str, str, tuple[str, str] | None]]:
    """(phrase, title_en, (complement kind, expected) or None) of tests/data/seed_titles.csv."""
    with SEED_TITLES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 14, f"{SEED_TITLES} lost rows"
    return [
        (row["phrase"], row["title_en"], (row["complement_kind"], row["complement_value"]) if row["complement_kind"] else None)
        for row in rows
    ]


@pytest.mark.parametrize("phrase, title_en, complement", seed_titles())
def test_seed_titles_resolve(phrase, title_en, complement):
    assert f" {form(phrase)} " in seed_view(), "the phrase is quoted from a seed article"
    words = form(phrase).split()
    n, got = longest_prefix(words, title_index())
    assert got == title_en
    rest = words[n:]
    if complement is None:
        return
    kind, expected = complement
    if kind == "nationality":
        assert resolve_nationality(rest[0])[0] == expected
    else:
        assert longest_prefix(rest, org_index())[1] == expected


@pytest.mark.parametrize(
    "phrase, title_en, country",
    [
        ("وزير الخارجية السعودي عادل الجبير", "Foreign Minister", "SA"),
        ("السفير الأمريكي لدى الأمم المتحدة", "Ambassador", "US"),
        ("ولي العهد السعودي الأمير محمد بن سلمان", "Crown Prince", "SA"),
        ("المستشار الألماني فريدريش ميرتس", "Chancellor or adviser", "DE"),
        ("رئيس الوزراء المجري فيكتور أوربان", "Prime Minister", "HU"),
        ("الناطقة باسم الخارجية الروسية ماريا زاخاروفا", "Spokesperson for", None),
        ("وزيرة الخارجية", "Foreign Minister", None),
        ("الشيخ تميم بن حمد", "Sheikh", None),
    ],
)
def test_common_news_titles_resolve(phrase, title_en, country):
    words = form(phrase).split()
    n, got = longest_prefix(words, title_index())
    assert got == title_en
    if country:
        assert resolve_nationality(words[n])[0] == country


@pytest.mark.parametrize(
    "written, expected",
    [
        ("الروسي", ("RU", "")),
        ("الروسية", ("RU", "")),
        ("الروس", ("RU", "")),
        ("الأمريكي", ("US", "")),
        ("الأميركية", ("US", "")),
        ("الأمريكيون", ("US", "")),
        ("الأمريكيين", ("US", "")),
        ("الأوكراني", ("UA", "")),
        ("الأوكرانيين", ("UA", "")),
        ("الأوكرانية", ("UA", "")),
        ("الأوروبيين", ("", "Europe")),
        ("أوروبية", ("", "Europe")),
        ("الفرنسي", ("FR", "Europe")),
        ("البريطانية", ("GB", "Europe")),
        ("الأطلسي", ("", "NATO")),
        ("الأممي", ("", "International")),
        ("الخليجية", ("", "Gulf")),
        ("العرب", ("", "Arab")),
        ("الأتراك", ("TR", "")),
        ("السعوديين", ("SA", "")),
    ],
)
def test_nationality_forms_resolve(written, expected):
    assert resolve_nationality(written) == expected


@pytest.mark.parametrize("written", ["روسيا", "روسياً", "اللندنية", "الرئيسية", "الدولية", "واشنطن", "أوكرانيا"])
def test_words_that_are_not_nationalities(written):
    assert resolve_nationality(written) is None


def test_nationalities_in_the_seeds_resolve():
    view = seed_view()
    for written, country in [("الروسية", "RU"), ("الأمريكيين", "US"), ("الأوكراني", "UA"), ("الروس", "RU")]:
        assert f" {form(written)} " in view
        assert resolve_nationality(written)[0] == country
    assert f" {form('الأوروبيين')} " in view and resolve_nationality("الأوروبيين")[1] == "Europe"


@cache
def term_roles() -> dict[str, str]:
    return {form(t): r for t, r in read("org_terms.csv").select("term_ar", "role").iter_rows()}


def org_word_role(word: str) -> str | None:
    """'head', 'part', 'nationality' or None for one word of an organization name."""
    roles = term_roles()
    stems = [word, word[1:] if word[:1] in "وف" else word]
    stems += ["ال" + s[2:] for s in stems if s.startswith("لل")]
    for stem in stems:
        for candidate in (stem, stem[2:] if stem.startswith("ال") else stem):
            if candidate in roles:
                return roles[candidate]
        if resolve_nationality(stem):
            return "nationality"
    return None


@pytest.mark.parametrize(
    "name",
    [
        "وزارة الدفاع الروسية",
        "مجلس الأمن والدفاع القومي",
        "صندوق الثروة السيادية الروسي",
        "هيئة الأركان العامة",
        "القيادة العسكرية الشرقية",
        "القوات المشتركة الأوكرانية",
        "معهد دراسات الحرب",
        "السفارة الأمريكية",
        "مجلس الأمن الروسي",
        "وزارة الخارجية الأمريكية",
        "الحرس الثوري الإيراني",
        "المجلس الأعلى للأمن القومي",
    ],
)
def test_organization_names_decompose_into_terms(name):
    words = form(name).split()
    assert org_word_role(words[0]) == "head", words[0]
    roles = [org_word_role(w) for w in words[1:]]
    assert all(r in {"part", "nationality"} for r in roles), list(zip(words[1:], roles))


def test_every_country_code_has_one_english_adjective():
    demonyms = pl.read_csv(RESOURCES / "demonyms.csv", infer_schema=False)
    places = pl.read_csv(RESOURCES / "places.csv", infer_schema=False)
    codes = set(places.filter(pl.col("kind") == "country")["country"].drop_nulls().to_list())
    assert demonyms.columns == ["country", "adjective_en"]
    assert demonyms["country"].is_duplicated().sum() == 0
    assert sorted(codes - set(demonyms["country"].to_list())) == []
    assert demonyms.filter(pl.col("adjective_en").fill_null("").str.strip_chars() == "").height == 0


def test_delegations_have_one_id_per_country():
    from analysis.entities import delegation_actors
    from analysis.reference import load_reference

    delegations = delegation_actors(load_reference())
    assert delegations["actor_id"].is_duplicated().sum() == 0
    names = dict(delegations.select("country", "name_en").iter_rows())
    assert names["UA"] == "Ukrainian Delegation"
    # an adjective two countries share names neither
    assert names["CD"] != names["CG"] and "Congolese" not in names["CD"]
