"""Discovering people and organizations that are not in the reference data.

Arabic news introduces a newcomer by a title: "كبير المفاوضين الإيرانيين عباس عراقجي",
"محافظ صندوق الاستثمارات العامة السعودي ياسر الرميان", "المتحدثة باسم الخارجية الصينية ماو نينغ",
by apposition: "ياسر الرميان، محافظ صندوق ...", or with no title at all when the first name
says it is a name: "وقال ميتش ماكونيل". Organizations are named by a head word and its
complements: "وزارة الدفاع الروسية", "مجلس الأمن والدفاع القومي", "الوفد الأوكراني".

The work is vectorized over the batch and reuses the single Aho-Corasick pass of
``EntityFinder``, whose hits carry a ``role``: ``title``, ``org_head``, ``hint`` (a word that
almost always starts a name) and ``name_word`` (a word known as part of names):

1. a title is looked at only when a name word that no known mention covers lies just after or
   just before it; the words of that window become rows of a token table;
2. each distinct word gets a class once (``word_classes``): nationality adjective, organization
   word, title word, function word, connector (بن، عبد), common word (from word statistics of
   annotated corpora, also after stripping proclitics and suffixes), or name word (from
   ``analysis.transliterate.person_name_score``); tokens inside known mentions are "person" or
   "entity";
3. per window, cumulative sums skip the title's complements ("الروسي", "باسم الكرملين",
   "لدى المملكة") and take the run of name words that follows;
4. a first name written before a known surname either completes that person's mention
   ("أولاف شولتس") or, when it is someone else's first name, makes a new person ("بريجيت ماكرون");
   a family name after a known patronymic name makes a new person too ("عبدالله بن عبدالعزيز
   الربيعة" is not the late king);
5. a discovered person's later mentions in the same article (full name or surname alone) are
   linked to it; the author of a byline ("كتب : دينا كمال") is a person too.

A discovered actor gets ``source = discovered``, its Arabic name as written, a Latin ``name_en``
(``analysis.transliterate``), its ``actor_id`` from that name (so that one person spelled the same
way in many articles is one actor), and, where the text gives them, a country (from the
nationality adjective or the organization of the title) and a role (the title in English).
"""

from __future__ import annotations

import functools
import re

import numpy as np
import polars as pl

from .arabic import TANWEEN, MatchingView, text_before, text_between
from .corpus import BYLINE_WORDS, MAX_AUTHOR_LENGTH, title_and_byline
from .dates import vocabulary as date_vocabulary
from .lexicon import word_stats
from .matching import NameMatcher, position_key, resolve_overlaps
from .reference import NATIONALITY_ENDINGS, Reference, country_names, demonym_names, view_form, written_nationalities
from .transliterate import JOINED_ENDINGS, LATIN_SPECIAL, edit_distance, given_names, known_name_tokens, person_name_scores, transliterate_name

__all__ = ["Discoverer", "english_org_name", "slug", "slug_expr", "skeleton"]

WINDOW = 80  # view characters looked at after a title
WINDOW_BEFORE = 50  # and before it, for apposition
ORG_WINDOW = 60  # after an organization's head word
MAX_ZONE_TOKENS = 6  # complements between a title and the name
MAX_NAME_TOKENS = 4
STRONG = 0.6  # person_name_score of a word known as a name
UNKNOWN = 0.45  # ... of a word no source knows (0.5)
WEAK_BARE_NAME = 0.55  # ... of a name word after و when the whole word is one no source knows ("وأندرو")
# a word for an area ("بمنطقة", "بولاية") right after a name: the name is of a place in it
_PLACE_AFTER = r"^ ب(?:منطق|ولاي|مدين|محافظ|مقاطع|اقليم)"
HINT_MIN_COUNT = 5  # Wikidata uses of a word that may start a name without a title
HINT_SCORE = 0.9
SURE_NAME = 0.95  # ... of a word next to a context alias that makes it part of another name
WIKIDATA_NAME_COUNT = 20  # Wikidata uses of a word read as common that make it a name before a name word ("نادية")
COMMON_GIVEN_NAME = 100  # Wikidata uses of a given name that makes the alias after it another's surname ("أندرو كيم")
STRONG_NAME = 0.75  # ... of one of the two given names after a context alias ("كيم كاي غوان")

# Words that may sit between a title and the name it introduces ("المتحدث باسم الكرملين").
PREPOSITIONS = ["باسم", "لدي", "الي", "في", "لشؤون", "بشؤون", "لشوون", "بشوون", "عن", "مع", "بين"]  # matching view (ؤ stays)
# Words inside a name ("عبد الله بن زايد", "إسماعيل ولد الشيخ أحمد", "أورسولا فون دير لاين").
CONNECTORS = ["بن", "ابن", "بنت", "ابو", "ابي", "عبد", "ولد", "ال", "دي", "دا", "فون", "فان", "دير", "دو", "لا", "لو", "سان", "بو"]
# Function words: never part of a name.
FUNCTION_WORDS = """
    الذي التي الذين اللذين اللتين اللواتي اللاتي الا اذا ان انه انها انهم اي او ام بل ثم حتي حيث حين
    علي كان كانت لا لم لن ما من منذ هذا هذه ذلك تلك هو هي هم هما نحن انا انت قد لقد كما كل
    بعد قبل خلال عند اليوم امس غدا لكن لكنه لكنها وقال وقالت قال قالت واضاف واضافت اضاف
    يوم ايضا فيما بينما وفق وفقا نحو ازاء تجاه دون غير سوي بعض جميع عدد اكثر اقل اول اخر
    """.split()

_SLUG = re.compile(r"[^a-z0-9]+")
_SKELETON_DROP = str.maketrans("", "", "اويءئؤه ")
_SKELETON_MERGE = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج", "ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "ذ": "ز", "ح": "ه", "ث": "س"})

PEOPLE_SCHEMA = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "form": pl.String, "title_en": pl.String, "country": pl.String}
ORG_SCHEMA = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "form": pl.String, "name_en": pl.String, "country": pl.String}
MENTION_SCHEMA = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "entity_id": pl.String, "entity_kind": pl.String, "method": pl.String}
ACTOR_SCHEMA = {"actor_id": pl.String, "kind": pl.String, "name_en": pl.String, "name_ar": pl.String, "country": pl.String, "role": pl.String, "wikidata": pl.String, "source": pl.String}
TOKEN_SCHEMA = {"anchor_id": pl.UInt32, "row": pl.UInt32, "k": pl.Int64, "token": pl.String, "view_start": pl.Int64, "view_end": pl.Int64, "written_ya": pl.Boolean}


_BYLINE_START = r"^\s*(?:" + "|".join(BYLINE_WORDS) + ")"

# the media words (in the matching view) after which a name is an outlet's, not a person's
_MEDIA_WORDS = ["صحيفة", "جريدة", "وكالة", "قناة", "مجلة", "شبكة", "إذاعة", "موقع", "تلفزيون", "محطة"]
_MEDIA_BEFORE = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال)?(?:" + "|".join(view_form(w) for w in _MEDIA_WORDS) + r")\s+$"


def slug(text: str) -> str:
    """Lowercase ASCII slug of an English name ("Yasir Al-Rumayyan" -> "yasir-al-rumayyan", "Emine
    Erdoğan" -> "emine-erdogan": Latin diacritics folded as ``transliterate.fold_latin`` does)."""
    return pl.select(slug_expr(pl.lit(text, dtype=pl.String))).item()


def slug_expr(names: pl.Expr) -> pl.Expr:
    """``slug`` of each name of a column."""
    special = {letter: latin for letter, latin in ((chr(k), v) for k, v in LATIN_SPECIAL.items()) if latin.isalpha()}
    folded = names.str.normalize("NFKD").str.replace_all(r"\p{M}|[ʿʾʻʹ]", "").str.to_lowercase().str.replace_many(special)
    return folded.str.replace_all(_SLUG.pattern, "-").str.strip_chars("-")


def spelling_key(name: str) -> str:
    """A name in matching view with the long vowels inside its words dropped ("ريتنو مارسودي" and
    "ريتنو مرسودي", "هيذر نويرت" and "هيذر ناورت" meet; "عمرو" and "عمار" do not)."""
    return " ".join(w[0] + re.sub("[اوي]", "", w[1:-1]) + w[-1] if len(w) > 2 else w for w in name.split())


def one_letter_off(key: str) -> list[str]:
    """The forms of a ``spelling_key`` of three words or more with one letter of one word blanked
    ("كيم ?نغ أن"): two keys that share one differ by a single letter (a typo such as "كيم كونغ
    أون" for "كيم جونغ أون"); names of fewer words are not compared this loosely."""
    words = key.split(" ")
    if len(words) < 3:
        return []
    return [
        " ".join(words[:i] + [word[:j] + "?" + word[j + 1 :]] + words[i + 1 :])
        for i, word in enumerate(words)
        for j in range(len(word))
    ]


def skeleton(word: str) -> str:
    """Consonant skeleton of an Arabic name for loose comparison (سيرغي ~ سيرجي)."""
    return word.translate(_SKELETON_DROP).translate(_SKELETON_MERGE)


# ---- vectorized helpers over tables sorted by (anchor_id, k) -----------------------------


def _first_of_group(group: str = "anchor_id") -> pl.Expr:
    return (pl.col(group) != pl.col(group).shift(1)).fill_null(True)


def _cum_within(expr: pl.Expr, group: str = "anchor_id") -> pl.Expr:
    """Running sum of ``expr`` within each group of consecutive rows (no group-by: one pass)."""
    value = expr.cast(pl.Int32)
    total = value.cum_sum()
    base = pl.when(_first_of_group(group)).then(total - value).forward_fill()
    return total - base


def _next_within(expr: pl.Expr, group: str = "anchor_id") -> pl.Expr:
    return pl.when(pl.col(group).shift(-1) == pl.col(group)).then(expr.shift(-1))


def _prev_within(expr: pl.Expr, group: str = "anchor_id") -> pl.Expr:
    return pl.when(pl.col(group).shift(1) == pl.col(group)).then(expr.shift(1))


def _mark_second_person(tokens: pl.DataFrame) -> pl.DataFrame:
    """Window tokens (in text order) with ``cls`` "conj_name" where a second person begins ("روبرت غودلات
    وتراي كودي"): a word no source knows, written with the conjunction after two name words and before
    another one. A name of one's own that starts with و comes earlier ("بول وولفوفيتز") or is known
    ("جورج هربرت ووكر بوش")."""
    namey = ["name", "maybe_name"]
    cls = pl.col("cls")
    second = (
        (cls == "maybe_name") & pl.col("token").str.contains(r"^و\S{3,}$")
        & _prev_within(cls).is_in(namey) & _prev_within(_prev_within(cls)).is_in(namey) & _next_within(cls).is_in(namey)
    ).fill_null(False)
    return tokens.with_columns(pl.when(second).then(pl.lit("conj_name")).otherwise(cls).alias("cls"))


def _with_article(forms: list[str]) -> list[str]:
    out = []
    for f in forms:
        if f:
            out.append(f)
            if not f.startswith("ال"):
                out.append("ال" + f)
    return out


def _nationality_forms(nationalities: pl.DataFrame) -> pl.DataFrame:
    """Every written form of a nationality adjective -> (form, country, region)."""
    rows = []
    for adjective, country, plurals, region in nationalities.select("adjective_ar", "country", "plural_ar", "region").iter_rows():
        base = view_form(adjective)
        if not base or " " in base:
            continue
        stems = [base + ending for ending in NATIONALITY_ENDINGS]
        stems += [view_form(p) for p in (plurals or "").split("|") if p.strip()]
        for stem in stems:
            for form in (stem, "ال" + stem):
                rows.append((form, country or None, region or None))
    schema = {"form": pl.String, "country": pl.String, "region": pl.String}
    return pl.DataFrame(rows, schema=schema, orient="row").unique("form", keep="first", maintain_order=True)


def _compound_nationality_forms(nationalities: pl.DataFrame) -> pl.DataFrame:
    """Two-word nationality adjectives as (first, second, country) word pairs, both words with
    the same ending and article: "الكوري الشمالي", "كوريه شماليه", "الكوريين الشماليين", "كوريا شماليا"."""
    # with the indefinite accusative too: "وفدا كوريا شماليا"
    forms = written_nationalities(nationalities, NATIONALITY_ENDINGS + ("ا",)).filter(pl.col("form").str.count_matches(" ") == 1)
    return forms.select(
        pl.col("form").str.split(" ").list.get(0).alias("first"), pl.col("form").str.split(" ").list.get(1).alias("second"), "country"
    ).unique(["first", "second"], keep="first", maintain_order=True)


def _stems(token: pl.Expr) -> list[pl.Expr]:
    """Forms of a word with proclitics, the future prefix, a pronoun suffix or a verb ending removed."""
    no_conj = token.str.replace(r"^(?:و|ف)(.{2,})$", "$1")
    no_prep = no_conj.str.replace(r"^(?:ب|ل|ك)(.{2,})$", "$1")
    no_article = no_prep.str.replace(r"^(?:ال|ل)(.{2,})$", "$1")
    no_future = no_conj.str.replace(r"^س([يتنا].{2,})$", "$1")
    no_suffix = no_prep.str.replace(r"^(.{2,}?)(?:هما|هم|ها|كم|نا|ه)$", "$1")
    taa = no_suffix.str.replace(r"ت$", "ه")
    # (a final hamza is written on its seat before a pronoun: "بلقائكم" is "لقاء")
    hamza = no_suffix.str.replace(r"[ئؤ]$", "ء")
    verb = no_future.str.replace(r"^(.{3,}?)(?:وا|تا|ا|ت|ون|ين|ان)$", "$1")
    return [no_conj, no_prep, no_article, "ال" + no_article, no_future, no_suffix, taa, hamza, verb, no_article.str.replace(r"^(.{2,}?)(?:هما|هم|ها|كم|نا|ه)$", "$1")]


@functools.cache
def _date_words() -> list[str]:
    """The one-word date words with the article, in matching view: weekdays ("الخميس"), relative days
    ("اليوم"), periods ("الأسبوع") and directions ("الماضي"), and parts of day ("الصباح")."""
    vocabulary = date_vocabulary()
    words = [*vocabulary.weekdays, *vocabulary.relative_days, *vocabulary.periods, *vocabulary.directions]
    words += ["ال" + w for w in (*vocabulary.parts_of_day, *vocabulary.modifiers)]
    return sorted({w for w in words if w.startswith("ال") and " " not in w})


@functools.cache
def _day_words() -> list[str]:
    """The one-word names of days, with the article or without, in matching view: "امس", "اليوم", "الخميس"."""
    vocabulary = date_vocabulary()
    return sorted({view_form(w) for w in (*vocabulary.weekdays, *vocabulary.relative_days) if " " not in w.strip()})


def _family_name() -> pl.Expr:
    """A word with the article that may end a name: الجبير، الحريري, and nisba names like
    العربي or المصري ("أشرف العربي"), but not a plural or feminine adjective (الصحافيين، الروسية)."""
    return (
        pl.col("cls").is_in(["definite", "nationality"])
        & ((pl.col("score") >= UNKNOWN) | (pl.col("cls") == "nationality"))
        & ~pl.col("token").str.contains(r"(?:ين|ون|ات|يه|ه)$")
        & pl.col("token").str.contains(r"^(?:ال|بال)")
    )


# after these, the next word belongs to the name whatever else it may mean: "بن خليفة", "آل ثاني"
STATE_DESIGNATORS = ["جمهوريه", "مملكه", "دوله", "سلطنه", "اماره", "امارات"]  # matching view

PATRONYMIC = ["بن", "ابن", "بنت", "ال", "ابو"]

# countries whose people's names put the family name first ("كيم جونغ أون", "شي جين بينغ")
FAMILY_NAME_FIRST = ["CN", "HK", "KP", "KR", "MO", "TW", "VN"]

# places and institutions named after a person, right before a title ("مستشفى الملك فيصل", "جامعة الأمير
# سلطان") or a known person's name ("برج خليفة": ``entities``)
_FACILITIES = ["مستشفي", "جامعه", "مطار", "شارع", "مدينه", "قاعده", "ميناء", "مسجد", "جسر", "جائزه", "مدرسه", "كليه", "معهد", "اكاديميه", "ملعب", "مجمع", "مركز", "قصر",
               "برج", "فندق", "قاعه", "ميدان"]
_NAMED_AFTER = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال)?(?:" + "|".join(_FACILITIES) + r")\s+$"
# ... what may stand between such a word and the known person it is named after: "مطار الملك خالد"
# (matching view: no hamza on the alef)
NAMED_AFTER_GAP = r"^\s+(?:(?:الملك|الامير|الاميره|الشيخ|السلطان)\s+)?$"


def _after_patronymic(*, leftward: bool = False) -> pl.Expr:
    """A word right after ``PATRONYMIC`` ("عبدالله بن خليفة آل ثاني": خليفة, ثاني), also one that
    reads as a function word elsewhere ("حمد بن علي العطية": علي is على in the matching view) or as a
    nationality ("فهد بن تركي": Turki, "Turkish").
    ``leftward``: the tokens run from right to left (a window before its anchor), so the word
    before in the text is the next token."""
    before = _next_within(pl.col("token")) if leftward else _prev_within(pl.col("token"))
    return before.is_in(PATRONYMIC).fill_null(False) & pl.col("cls").is_in(["common", "definite", "maybe_name", "function", "preposition", "nationality"])


def _lookup(table: pl.DataFrame, keys: pl.Series, columns: list[str]) -> pl.DataFrame:
    """``columns`` of the rows of ``table`` (sorted by its unique ``_key``) whose key is each of
    ``keys``, nulls where there is none: a binary search instead of a hash join, for a table
    that is looked up several times."""
    positions = table["_key"].to_numpy()
    wanted = keys.to_numpy()
    at = np.searchsorted(positions, wanted)
    found = at < positions.size
    found[found] = positions[at[found]] == wanted[found]
    if not found.any():
        return pl.DataFrame({c: pl.Series(c, [None] * keys.len(), dtype=table.schema[c]) for c in columns})
    hit = pl.Series(found)
    return table.select(columns)[np.where(found, at, 0)].select(pl.when(hit).then(pl.col(c)).alias(c) for c in columns)


def _outside(anchors: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """The anchors that do not start inside a known mention, in their order (``known``: sorted by
    row and view_start, not overlapping, as ``EntityFinder.known`` gives them)."""
    if known.height == 0 or anchors.height == 0:
        return anchors
    known_starts = position_key(known["row"], known["view_start"]).to_numpy()
    known_ends = position_key(known["row"], known["view_end"]).to_numpy()
    at = position_key(anchors["row"], anchors["view_start"]).to_numpy()
    # the known mention that starts last at or before each anchor is the only one it can start in
    last = np.searchsorted(known_starts, at, side="right") - 1
    inside = (last >= 0) & (known_ends[np.maximum(last, 0)] > at)
    return anchors.filter(pl.Series(~inside))


def _near(anchors: pl.DataFrame, words: pl.DataFrame, *, after: int, before: int) -> pl.DataFrame:
    """The anchors with a word starting within ``after`` characters after them or ending within ``before`` before."""
    if anchors.height == 0 or words.height == 0:
        return anchors.clear()
    starts = words.select("row", pl.col("view_start").alias("_ws")).sort("row", "_ws")
    ends = words.select("row", pl.col("view_end").alias("_we")).sort("row", "_we")
    anchors = anchors.sort("row", "view_end").join_asof(
        starts, left_on="view_end", right_on="_ws", by="row", strategy="forward", check_sortedness=False
    )
    anchors = anchors.sort("row", "view_start").join_asof(
        ends, left_on="view_start", right_on="_we", by="row", strategy="backward", check_sortedness=False
    )
    keep = ((pl.col("_ws") - pl.col("view_end")) <= after).fill_null(False) | ((pl.col("view_start") - pl.col("_we")) <= before).fill_null(False)
    return anchors.filter(keep).drop("_ws", "_we")


class Discoverer:
    """Discovers actors in a batch from the reference data, the batch's known mentions and hits."""

    def __init__(self, reference: Reference):
        self.reference = reference
        titles = reference.titles.with_columns(pl.col("title_ar").map_elements(view_form, return_dtype=pl.String).alias("form"))
        self.titles = titles.filter(pl.col("form") != "").unique("form", keep="first", maintain_order=True).select("form", "title_en")
        self.nationalities = _nationality_forms(reference.nationalities)
        self.compound_nationalities = _compound_nationality_forms(reference.nationalities)
        # "المغربي يونس العيناوي": a definite singular nationality adjective introduces a person too
        self.nationality_titles = self.nationalities.filter(
            pl.col("form").str.starts_with("ال") & pl.col("country").is_not_null() & pl.col("form").str.contains(r"ي$|يه$")
        ).select("form", "country").join(self.titles, on="form", how="anti")
        terms = reference.org_terms.with_columns(pl.col("term_ar").map_elements(view_form, return_dtype=pl.String).alias("form")).filter(pl.col("form") != "")
        with_article = terms.filter(~pl.col("form").str.starts_with("ال")).with_columns(("ال" + pl.col("form")).alias("form"))
        self.org_words = pl.concat([terms, with_article]).unique("form", keep="first", maintain_order=True).select("form", "term_en", "role")
        heads = self.org_words.filter(pl.col("role") == "head").select("form", "term_en")
        # the view keeps tanween: the accusative "وفداً"/"وفدًا" is written with it as often as without
        accusative = heads.filter(pl.col("form").str.ends_with("ا"))
        self.org_heads = pl.concat(
            [heads, accusative.with_columns(pl.col("form") + TANWEEN[0]), accusative.with_columns(pl.col("form").str.slice(0, pl.col("form").str.len_chars() - 1) + TANWEEN[0] + "ا")]
        ).unique("form", keep="first", maintain_order=True)
        title_words = sorted({w for f in self.titles["form"].to_list() for w in f.split()} - set(CONNECTORS))
        self.lexicon = pl.concat(
            [
                pl.DataFrame({"form": PREPOSITIONS, "cls": "preposition"}),
                pl.DataFrame({"form": sorted(set(FUNCTION_WORDS)), "cls": "function"}),
                pl.DataFrame({"form": CONNECTORS, "cls": "connector"}),
                self.nationalities.select("form", pl.lit("nationality").alias("cls")),
                self.org_words.select("form", pl.lit("org").alias("cls")),
                pl.DataFrame({"form": _with_article(title_words), "cls": "title"}),
            ]
        ).unique("form", keep="first", maintain_order=True)
        stats = word_stats()
        self.common = stats.filter(
            (pl.col("n_other") >= 2) & (pl.col("n_other") > 3 * (pl.col("n_person") + 1))
        ).select(pl.col("word").alias("form")).vstack(self.lexicon.filter(pl.col("cls") != "connector").select("form")).unique()
        # words the annotated corpus tags mostly as persons ("فيصل"): a common word hidden in one of
        # their stems ("يصل", "arrives") does not make them common
        self.person_tagged = stats.filter((pl.col("n_person") >= 2) & (pl.col("n_person") > pl.col("n_other"))).select(pl.col("word").alias("form"))
        self.known_first_names = self._known_first_names(reference)
        # one-word forms that name a known person (ماكرون, كيم): never a newcomer's first name or surname
        self.person_words = reference.aliases.filter(
            (pl.col("entity_kind") == "person") & ~pl.col("form").str.contains(" ")
        ).select("form").unique()
        # the spelling keys of the surnames that name a known person alone (بولتون: بلتن)
        self.surname_keys = reference.aliases.filter(
            (pl.col("entity_kind") == "person") & (pl.col("strength") == "full") & ~pl.col("form").str.contains(" ")
        ).select("entity_id", pl.col("form").map_elements(spelling_key, return_dtype=pl.String).alias("key")).unique()
        self.name_words, self.first_name_hints = self._name_words()
        # every form that names a known person, and the known people whose family name comes first
        self.person_forms = reference.aliases.filter(pl.col("entity_kind") == "person")["form"].unique().sort().implode()
        self.family_name_first = reference.actors.filter(pl.col("country").is_in(FAMILY_NAME_FIRST))["actor_id"].implode()
        # given names: words of three letters or more that begin longer names in the annotated
        # corpora at least a third of the times they are names ("يوسف", not the surname "خاتمي"), the
        # curated foreign given names, and the first words of the known people's names
        begins = stats.filter((pl.col("n_person_first") >= 1) & (3 * pl.col("n_person_first") >= pl.col("n_person")))["word"]
        known_first = reference.aliases.filter((pl.col("entity_kind") == "person") & pl.col("form").str.contains(" "))["form"].str.split(" ").list.first()
        given = pl.concat([begins, pl.Series(list(given_names())), known_first]).unique().sort()
        self.given_names = given.filter(given.str.len_chars() >= 3).implode()  # "قو": a Chinese surname
        self.wikidata_names = known_name_tokens().filter(pl.col("total_count") >= WIKIDATA_NAME_COUNT)["arabic_token"].implode()
        frequent = known_name_tokens().filter(pl.col("total_count") >= COMMON_GIVEN_NAME)["arabic_token"]
        self.common_given_names = given.filter(given.is_in(frequent.implode())).implode()
        self.country_names = country_names(reference.places)
        self.countries = reference.places.filter(pl.col("kind") == "country").select(
            pl.col("place_id").alias("entity_id"), pl.col("country").alias("_state_country")
        )
        self.demonyms = demonym_names(reference.demonyms)
        self._classes = pl.DataFrame(schema={"token": pl.String, "base_cls": pl.String, "score": pl.Float64})
        self._name_token_words = known_name_tokens()["arabic_token"].implode()
        # the spelling keys of the known people's names of two words or more, when one person has the key;
        # also of the names that stand for a person only next to their full name ("جونغ أون"): a
        # newcomer found with no full name around (a typo: "كية جونغ-أون") is still that person
        spelled = (
            reference.aliases.filter((pl.col("entity_kind") == "person") & pl.col("form").str.contains(" "))
            .select(pl.col("form").map_elements(spelling_key, return_dtype=pl.String).alias("key"), "entity_id").unique()
        )
        self.spelled_known = dict(spelled.filter(pl.len().over("key") == 1).iter_rows())
        # and their forms one letter off, when one person has the form and no name is spelled so
        near = spelled.select(pl.col("key").map_elements(one_letter_off, return_dtype=pl.List(pl.String)), "entity_id").explode("key").drop_nulls().unique()
        self.near_known = dict(near.filter(pl.col("entity_id").n_unique().over("key") == 1).unique("key").iter_rows())
        # the first words of known people's names of three words or more ("مون جاي" of "مون جاي إن"),
        # with the person's country, when one person's names begin so: a name cut short after a title
        # of that country is that person ("رئيس كوريا الجنوبية مون جاي،", where newcomers get their ids)
        long_names = reference.aliases.filter((pl.col("entity_kind") == "person") & (pl.col("form").str.count_matches(" ") >= 2)).join(
            reference.actors.select(pl.col("actor_id").alias("entity_id"), "country"), on="entity_id"
        )
        heads = long_names.select(
            "entity_id", "country", pl.col("form").str.split(" ").map_elements(lambda w: [" ".join(w[:n]) for n in range(2, len(w))], return_dtype=pl.List(pl.String)).alias("head")
        ).explode("head").unique()
        self.known_heads = {
            (head, country): person for head, country, person in heads.filter(pl.col("entity_id").n_unique().over("head") == 1).select("head", "country", "entity_id").iter_rows()
        }
        # ... and those names, in matching view, to tell a typo from another name
        self.long_names: dict[str, list[str]] = dict(long_names.group_by("entity_id").agg(pl.col("form").unique().sort()).iter_rows())
        # the words after the first of those names of three words or more ("جاي" of "مون جاي إن"), not
        # common words ("كامل"): near a title they open its window, where the name may be misspelt
        # ("كون جاي-إن", ``_misspelt_known``)
        later_words = long_names["form"].str.split(" ").list.slice(1).explode().unique()
        self.known_name_words = pl.DataFrame({"form": later_words.filter(later_words.str.len_chars() >= 3)}).join(
            self.lexicon.select("form"), on="form", how="anti"
        ).join(self.name_words, on="form", how="anti").join(self.common, on="form", how="anti").sort("form")
        # one-word honorifics written right before a name: "الدكتورة", "الشيخ", "السيد"
        honorifics = reference.titles.filter(pl.col("kind") == "honorific")["title_ar"].map_elements(view_form, return_dtype=pl.String)
        self.honorifics = honorifics.filter(~honorifics.str.contains(" ")).unique().sort().implode()
        # titles written as an abbreviation with a full stop ("د." for الدكتور), in matching view
        self.abbreviations = reference.titles.filter(pl.col("title_ar").str.ends_with("."))["title_ar"].map_elements(view_form, return_dtype=pl.String).unique().sort().implode()

    def hint_forms(self) -> pl.DataFrame:
        """(form, role) rows for the shared Aho-Corasick pass: titles, organization heads, name words, hints."""
        return pl.concat(
            [
                self.titles.select("form", pl.lit("title").alias("role")),
                self.nationality_titles.select("form", pl.lit("title").alias("role")),
                self.org_heads.select("form", pl.lit("org_head").alias("role")),
                self.name_words.select("form", pl.lit("name_word").alias("role")),
                self.first_name_hints.select("form", pl.lit("hint").alias("role")),
                # "ورونالد لويس": a first name right after the conjunction
                self.first_name_hints.select(("و" + pl.col("form")).alias("form"), pl.lit("hint_after_and").alias("role")),
                self.known_name_words.select("form", pl.lit("known_word").alias("role")),
                # buildings named after somebody: "برج", "مطار" (``entities``: the person after one is no mention)
                pl.DataFrame({"form": _FACILITIES, "role": "facility"}),
                # "علي", the name Ali or the preposition على as the view reads both (``_written_ali``)
                pl.DataFrame({"form": ["علي"], "role": "ali"}),
            ]
        )

    def _name_words(self) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Words known as parts of names (person_name_score >= STRONG), and the subset that may
        start a name with no title: Wikidata name tokens seen at least HINT_MIN_COUNT times or
        words ANERcorp tags mostly as persons, scoring at least HINT_SCORE. Ordinary words and the
        lexicons' words (titles, nationalities, organization words) are neither.
        """
        tokens = known_name_tokens().select(pl.col("arabic_token").alias("form"), pl.col("total_count"))
        tagged = self.person_tagged.with_columns(pl.lit(HINT_MIN_COUNT, pl.Int64).alias("total_count"))
        forms = pl.concat([tokens, tagged]).group_by("form").agg(pl.col("total_count").max()).filter(pl.col("form").str.len_chars() >= 3)
        forms = forms.join(self.common, on="form", how="anti").join(self.lexicon.select("form"), on="form", how="anti")
        scored = forms.with_columns(person_name_scores(forms["form"]).alias("score")).filter(pl.col("score") >= STRONG)
        hints = scored.filter((pl.col("score") >= HINT_SCORE) & (pl.col("total_count") >= HINT_MIN_COUNT))
        # every one of them opens a title's window, even one Wikidata writes once ("زامير كابولوف"):
        # the window's run must still read as a name
        return scored.select("form").sort("form"), hints.select("form").sort("form")

    def _known_spelling(self, form: str) -> str | None:
        """The known person a newcomer's name is a spelling of: the same ``spelling_key``, or, for a
        name of three words or more, one letter off a single known person's and two at most off one of
        their names as written ("كيم كونغ أون")."""
        key = spelling_key(form)
        if key in self.spelled_known:
            return self.spelled_known[key]
        found = {self.near_known.get(near) for near in one_letter_off(key)} - {None}
        if len(found) != 1:
            return None
        # (one letter off in the key, which drops long vowels, and at most two as written: "كيم كاي
        # هيون" is not "كيم كاي غوان")
        person = found.pop()
        return person if any(edit_distance(form, known) <= 2 for known in self.long_names.get(person, ())) else None

    @staticmethod
    def _known_first_names(reference: Reference) -> pl.DataFrame:
        """(entity_id, skeleton) of the words before the surname in each known person's names."""
        persons = reference.aliases.filter((pl.col("entity_kind") == "person") & pl.col("form").str.contains(" "))
        rows = {(e, skeleton(w)) for e, f in persons.select("entity_id", "form").iter_rows() for w in f.split()[:-1]}
        return pl.DataFrame(sorted(rows), schema={"entity_id": pl.String, "skeleton": pl.String}, orient="row")

    # ---- tokens -------------------------------------------------------------------------

    def window_tokens(self, view: MatchingView, anchors: pl.DataFrame, *, before: bool, width: int | None = None) -> pl.DataFrame:
        """Tokens of the window after (or before) each anchor: anchor_id, row, k (0 = nearest), token, view_start, view_end.

        In the view, punctuation is a space, so two spaces in a row come out as an empty token:
        a "boundary" where the text had a comma, a parenthesis or a full stop.
        """
        if anchors.height == 0:
            return pl.DataFrame(schema=TOKEN_SCHEMA)
        if before:
            # the window ends before the space that precedes the anchor and its proclitics
            end = pl.col("view_start") - pl.col("prefix_len") - 1
            starts = (end - (width or WINDOW_BEFORE)).clip(lower_bound=0)
            windows = anchors.with_columns(starts.alias("_ws"), (end - starts).alias("_wl"))
        else:
            windows = anchors.with_columns((pl.col("view_end") + 1).alias("_ws"), pl.lit(width or WINDOW, pl.Int64).alias("_wl"))
        windows = windows.sort("anchor_id")
        windows = windows.with_columns(
            view.view.gather(windows["row"]).str.slice(windows["_ws"], windows["_wl"]).alias("_text")
        ).select("anchor_id", "row", "_ws", pl.col("_text").str.split(" ").alias("token"))
        tokens = windows.explode("token").with_columns(pl.col("token").str.len_chars().cast(pl.Int64).alias("_n"))
        tokens = tokens.with_columns(
            _cum_within(pl.col("_n").is_not_null()).cast(pl.Int64).alias("_i"),
            (pl.col("_ws") + _cum_within(pl.col("_n") + 1) - pl.col("_n") - 1).cast(pl.Int64).alias("view_start"),
        )
        last = pl.col("_i").max().over("anchor_id")
        if before:
            # the first token may be cut by the window start
            tokens = tokens.filter((pl.col("_i") > 1) | (pl.col("_ws") == 0)).with_columns((last - pl.col("_i")).alias("k"))
        else:
            # the last token may be cut by the window end
            tokens = tokens.filter(pl.col("_i") < last).with_columns((pl.col("_i") - 1).alias("k"))
        tokens = tokens.select(
            "anchor_id", "row", "k", "token", "view_start", (pl.col("view_start") + pl.col("_n")).alias("view_end")
        ).sort("anchor_id", "k")
        # "د. نادية السقاف": an abbreviation's full stop is no boundary
        before_in_text = (pl.col("token").shift(-1) if before else pl.col("token").shift(1)).over("anchor_id")
        stop = (pl.col("token") == "") & before_in_text.is_in(self.abbreviations).fill_null(False)
        if tokens.select(stop.any()).item():
            tokens = tokens.filter(~stop).with_columns(pl.int_range(pl.len(), dtype=pl.Int64).over("anchor_id").alias("k"))
        # "سفير ... في لبنان علي عواض عسيري": the name Ali reads in the view as the preposition على;
        # where the text writes its last letter as ya, not alef maqsura, it may be the name (``classify_tokens``)
        ali = (tokens["token"] == "علي").arg_true()
        written_ya = pl.Series("written_ya", np.zeros(tokens.height, dtype=bool))
        if ali.len():
            at = tokens[ali]
            ya = view.original_chars_at(at["row"].to_numpy(), at["view_end"].to_numpy() - 1) == ord("ي")
            written_ya = written_ya.scatter(ali.filter(pl.Series(ya)), True)
        tokens = tokens.with_columns(written_ya)
        # "آن باترسون": the name Anne reads in the view as the particle "ان"; where the text writes
        # the madda, the token is "آن" (which no view token is) and reads as a name (``word_classes``)
        particle = (tokens["token"] == "ان").arg_true()
        if particle.len():
            at = tokens[particle]
            madda = view.original_chars_at(at["row"].to_numpy(), at["view_start"].to_numpy()) == ord("آ")
            if madda.any():
                tokens = tokens.with_columns(tokens["token"].scatter(particle.filter(pl.Series(madda)), "آن"))
        return tokens

    def word_classes(self, words: pl.Series) -> pl.DataFrame:
        """Class and person-name score of each distinct word (cached across batches).

        Classes: function, connector, preposition, nationality, org, title, common, definite (a word
        with the article that is not a known name), conj_name (و + a name: a second person
        begins), name (known as a name), maybe_name (a word no source knows).
        """
        new = pl.DataFrame({"token": words}).unique().join(self._classes, on="token", how="anti")
        if new.height:
            bare = pl.col("token").str.replace(r"^(?:و|ف)(.{2,})$", "$1")
            frame = new.with_columns(bare.alias("_bare"))
            frame = frame.join(self.lexicon.rename({"form": "token", "cls": "_lex"}), on="token", how="left")
            frame = frame.join(self.lexicon.rename({"form": "_bare", "cls": "_lex_bare"}), on="_bare", how="left")
            common_set = self.common["form"].implode()
            stem_common = pl.any_horizontal([s.is_in(common_set) for s in _stems(pl.col("token"))]) & ~pl.col("token").is_in(self.person_tagged["form"].implode())
            frame = frame.with_columns(
                person_name_scores(frame["token"]).alias("score"),
                person_name_scores(frame["_bare"]).alias("_bare_score"),
                (stem_common | pl.col("token").is_in(common_set)).alias("_common"),
            )
            definite = pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال|كال)")
            cls = (
                pl.when(pl.col("token") == "").then(pl.lit("boundary"))
                .when(pl.col("token") == "آن").then(pl.lit("name"))
                .when(pl.col("token").str.contains(r"[0-9A-Za-z]|[\u064b-\u064d]")).then(pl.lit("common"))
                .when(pl.col("_lex").is_not_null()).then(pl.col("_lex"))
                .when(pl.col("_lex_bare").is_not_null() & (pl.col("_lex_bare") != "connector")).then(pl.col("_lex_bare"))
                # "وخالد": و + a name, unless the whole word is a name of its own ("وليد", "وائل"); the
                # annotated corpus tags "وخالد" as a name too, so only the name-token table's names (Wikidata's and the curated given names) count as whole
                # (or "وأندرو": a bare word seen as a name more often than not, the whole never seen)
                .when(
                    pl.col("token").str.contains(r"^(?:و|ف)")
                    & ((pl.col("_bare_score") >= STRONG) | ((pl.col("_bare_score") >= WEAK_BARE_NAME) & (pl.col("score") <= 0.5)))
                    & ((pl.col("score") < STRONG) | ~pl.col("token").is_in(self._name_token_words))
                ).then(pl.lit("conj_name"))
                .when(pl.col("_common") & (pl.col("score") < 0.9)).then(pl.lit("common"))
                .when(definite & (pl.col("score") < 0.8)).then(pl.lit("definite"))
                .when(pl.col("score") >= STRONG).then(pl.lit("name"))
                .when((pl.col("score") >= UNKNOWN) & (pl.col("token").str.len_chars() >= 3)).then(pl.lit("maybe_name"))
                .otherwise(pl.lit("common"))
            )
            self._classes = pl.concat([self._classes, frame.select("token", cls.alias("base_cls"), "score")])
        return self._classes

    def classify_tokens(self, tokens: pl.DataFrame, known_tokens: pl.DataFrame) -> pl.DataFrame:
        """Add ``cls``, ``score`` and ``entity_id`` to window tokens (see ``word_classes``); tokens
        inside known mentions are "person" or "entity" and "" tokens are "boundary". The tokens'
        order (``window_tokens``: anchor_id, k) is kept."""
        classes = self.word_classes(tokens["token"])
        tokens = tokens.join(classes, on="token", how="left", maintain_order="left")
        tokens = tokens.with_columns(_lookup(known_tokens, position_key(tokens["row"], tokens["view_start"]), ["entity_kind", "entity_id"]))
        cls = (
            pl.when(pl.col("token") == "").then(pl.lit("boundary"))
            .when(pl.col("entity_kind") == "person").then(pl.lit("person"))
            .when(pl.col("entity_kind").is_not_null()).then(pl.lit("entity"))
            .otherwise(pl.col("base_cls"))
        )
        return tokens.with_columns(cls.alias("cls")).drop("base_cls", "entity_kind")

    @staticmethod
    def known_tokens(known: pl.DataFrame) -> pl.DataFrame:
        """The view position of every word of every known mention: (row, view_start, entity_kind,
        entity_id, and ``_key``: ``position_key`` of row and view_start, the order of the rows).

        ``known``: mentions that do not overlap (``EntityFinder.known``). A mention's first word
        starts at its proclitics ("وميرتس"), as the window tokens do.
        """
        if known.height == 0:
            return pl.DataFrame(schema={"row": pl.UInt32, "view_start": pl.Int64, "entity_kind": pl.String, "entity_id": pl.String, "_key": pl.Int64})
        first = known.select("row", (pl.col("view_start") - pl.col("prefix_len")).alias("view_start"), "entity_kind", "entity_id")
        # the later words of the names of more than one word
        longer = known.filter(pl.col("form").str.contains(" ", literal=True))
        words = longer.select(
            "row", "view_start", "entity_kind", "entity_id", pl.col("form").str.split(" ").alias("_w")
        ).with_row_index("_m").explode("_w").with_columns(pl.col("_w").str.len_chars().cast(pl.Int64).alias("_n"))
        offset = _cum_within(pl.col("_n") + 1, "_m") - pl.col("_n") - 1
        later = words.with_columns((pl.col("view_start") + offset).alias("_start"), _first_of_group("_m").alias("_first")).filter(~pl.col("_first"))
        # names do not overlap: every word start is another one's
        words = pl.concat([first, later.select("row", pl.col("_start").alias("view_start"), "entity_kind", "entity_id")])
        return words.with_columns(position_key(pl.col("row"), pl.col("view_start")).alias("_key")).sort("_key")

    # ---- people after and before titles -------------------------------------------------

    @staticmethod
    def _with_zone(tokens: pl.DataFrame) -> pl.DataFrame:
        """Mark the title's complements (``_zone``): nationality, organization, "باسم الكرملين",
        "لدى المملكة", "وزير التخطيط المصري": the tokens after the title up to the first one that
        is none of these."""
        cls = pl.col("cls")
        # a word with the article is the title's object ("وزير التخطيط المصري", "لدى المملكة")
        definite = pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال|كال)") & cls.is_in(["definite", "common"])
        zone_ok = (
            cls.is_in(["nationality", "org", "title", "entity"])
            | ((cls == "preposition") & (_next_within(cls).is_in(["entity", "nationality", "org"]) | _next_within(definite)))
            # "وزيرة خارجية جمهورية إندونيسيا": a state's designator before its name
            | (pl.col("token").is_in(STATE_DESIGNATORS) & (_next_within(cls) == "entity"))
            | ((cls == "boundary") & ((_prev_within(cls) == "entity") | (_next_within(cls) == "entity")))
            # "النائب الأول لوزير الشؤون الخارجية، كيم كاي غوان": a comma between the title's complements and the name
            | ((cls == "boundary") & (_prev_within(cls).is_in(["title", "org", "nationality"]) | (pl.col("k") == 0)) & _next_within(cls).is_in(["name", "maybe_name"]))
            | definite
        ).fill_null(False)
        return tokens.with_columns(zone_ok.alias("_zone_ok")).with_columns(
            _cum_within(~pl.col("_zone_ok")).alias("_outside")
        ).with_columns((pl.col("_outside") == 0).alias("_zone"))

    def _after_honorifics(self, tokens: pl.DataFrame) -> pl.DataFrame:
        """Window tokens (after titles) where a word reads as a first name in its place:

        * a common word between an honorific and a name word or a patronymic: "وزيرة الإعلام
          اليمنية الدكتورة نادية السقاف" (نادية is also "his club"), "الأمير فيصل بن ...";
        * a common word that Wikidata writes as a name at least ``WIKIDATA_NAME_COUNT`` times, before
          a name word: "الناشطة العراقية نادية مراد";
        * a nationality adjective without the article before "بن": "الأمير تركي بن محمد";
        * a word of two letters before two name words, a family name written first: "وزير الدفاع نو
          كوانغ شول";
        * "علي" written with a final ya (``window_tokens``) that no name word precedes and a name
          word follows: "سفير ... في لبنان علي عواض عسيري" (the view reads the preposition على);
          after a name it is the preposition of a text that writes على so ("فاز جوناس بجوركمان علي ...").
        """
        cls = pl.col("cls")
        namey = ["name", "maybe_name"]
        honorific = pl.col("token").str.replace(r"^(?:و|ف)", "").is_in(self.honorifics)
        follows = _next_within(cls).is_in(namey) | _next_within(pl.col("token")).is_in(PATRONYMIC[:3])
        promoted = (cls == "common") & _prev_within(honorific).fill_null(False) & follows.fill_null(False)
        # "الناشطة العراقية نادية مراد": a word that reads as common ("his club") but that Wikidata often
        # writes as a name, right before a name word
        given = (cls == "common") & pl.col("token").is_in(self.wikidata_names) & _next_within(cls).is_in(["name"]).fill_null(False)
        promoted = promoted | given
        # "الأمير تركي بن محمد": a nationality adjective without the article before بن is a given name (Turki)
        turki = (cls == "nationality") & ~pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال)") & _next_within(pl.col("token")).is_in(PATRONYMIC[:3]).fill_null(False)
        promoted = promoted | turki
        # "وزير الدفاع نو كوانغ شول": a word of two letters before two name words is a family name
        # written first (Korean, Chinese), whatever it reads as alone ("no")
        family_first = (
            (cls == "common") & (pl.col("token").str.len_chars() == 2)
            & (_next_within(cls) == "name") & (_next_within(_next_within(cls)) == "name")
        ).fill_null(False)
        promoted = promoted | family_first
        ali_written = pl.col("written_ya") & (cls == "function") & ~_prev_within(cls).is_in([*namey, "connector", "person"]).fill_null(False)
        ali = ali_written & _next_within(cls).is_in(namey).fill_null(False)
        # ... and before a family name of the nisba form ("المتحدث العسكري علي الأحمدي": ``_runs_after``
        # reads the family name after a given name; not "أكد الوزير علي الدور", a text that writes على so)
        ali_family = ali_written & _next_within(cls).is_in(["definite", "common"]).fill_null(False) & _next_within(pl.col("token")).str.contains(r"^ال\S+ي$").fill_null(False)
        return tokens.with_columns(pl.when(ali_family).then(pl.lit("name")).when(promoted | ali).then(pl.lit("maybe_name")).otherwise(cls).alias("cls"))

    def _misspelling_of_known(self, form: str) -> bool:
        """Whether ``form`` (three words, matching view) is a known person's name of three words or
        one typo off it: one letter changed, added or dropped in the text ("كون جاي إن" for "مون جاي
        إن"; not "كي جوان إن", two letters off "كيم جون أون" though their spelling keys are one off)."""
        person = self._known_spelling(form)
        if person is None:
            return False
        # (a known name of four words or more is two edits at least from three words)
        return any(edit_distance(form, known) <= 1 for known in self.long_names.get(person, ()))

    def _misspelt_known(self, tokens: pl.DataFrame) -> pl.DataFrame:
        """Window tokens (after titles) where three words in a row spell a known person's name, or
        one letter off it (``_known_spelling``), are names whatever else they may be: "الرئيس الكوري
        الجنوبي كون جاي-إن" (a typo for مون; كون is also "being", إن "that")."""
        cls = pl.col("cls")
        word = pl.col("token") != ""
        three = pl.concat_str([pl.col("token"), _next_within(pl.col("token")), _next_within(_next_within(pl.col("token")))], separator=" ")
        free = ~cls.is_in(["person", "entity", "boundary"])
        candidates = tokens.with_row_index("_i").with_columns(three.alias("_three")).filter(
            word & free & _next_within(word & free).fill_null(False) & _next_within(_next_within(word & free)).fill_null(False)
            & (cls != "name")
        ).select("_i", "_three")
        if candidates.height == 0:
            return tokens
        known = {form for form in candidates["_three"].drop_nulls().unique().to_list() if self._misspelling_of_known(form)}
        at = candidates.filter(pl.col("_three").is_in(list(known)))["_i"]
        if at.len() == 0:
            return tokens
        named = pl.concat([at, at + 1, at + 2]).unique()
        return tokens.with_columns(pl.when(pl.int_range(pl.len(), dtype=pl.UInt32).is_in(named.implode())).then(pl.lit("name")).otherwise(cls).alias("cls"))

    def _runs_after(self, tokens: pl.DataFrame) -> pl.DataFrame:
        """Name runs that follow a title's complements."""
        cls = pl.col("cls")
        tokens = self._with_zone(tokens)
        # "محمد المختار الفال": a word with the article that reads as a common word ("the chosen")
        # between a first name and a family name is a name's middle word
        middle = (
            (cls == "common") & pl.col("token").str.starts_with("ال") & (pl.col("score") >= UNKNOWN)
            & (_prev_within(cls) == "name") & _next_within(_family_name())
        ).fill_null(False)
        # "الدكتور فهد بن عبدالله المبارك": a word with the article right after a patronymic chain
        # closes it as the family name, whatever it means elsewhere ("blessed"), unless it is a weekday
        # ("استقبل الأمير محمد بن سلمان الخميس")
        after_chain = (
            cls.is_in(["common", "definite"]) & pl.col("token").str.starts_with("ال") & ~pl.col("token").str.contains(r"(?:ين|ون|ات|يه|ه)$")
            & ~pl.col("token").is_in(_date_words()) & _prev_within(_prev_within(pl.col("token"))).is_in(PATRONYMIC[:3])
        ).fill_null(False)
        # ... and one without it that ends the name, before the name of a day or a comma: "الدكتور نزار بن عبيد
        # مدني أمس،" ("civil" elsewhere)
        after_chain = after_chain | (
            (cls == "common") & ~pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال)|(?:ين|ون|ات|يه|ه)$") & ~pl.col("token").is_in(_date_words())
            & _prev_within(_prev_within(pl.col("token"))).is_in(PATRONYMIC[:3])
            & (_next_within(pl.col("token")).is_in(_day_words()) | (_next_within(pl.col("token")) == ""))
        ).fill_null(False)
        # "الملحق العسكري ... العميد يوسف الحربي": a word with the article right after a title and a
        # given name (``given_names``) is the family name, whatever it means elsewhere ("the
        # military"), unless it is a word of dates ("الخميس", "الماضي"); after a surname ("الرئيس
        # خاتمي الإصلاحي") it is an adjective. Right after an honorific ("الدكتور مشاري النعيم") the
        # first word is a given name even when no source knows it: the pair is a name (``_honored``)
        family_after = (
            cls.is_in(["common", "definite"]) & pl.col("token").str.starts_with("ال") & ~pl.col("token").str.contains(r"(?:ين|ون|ات|يه|ه)$")
            & ~pl.col("token").is_in(_date_words()) & (pl.col("k") == pl.col("_k0") + 1) & ~pl.col("_named_after")
        )
        after_given = family_after & (_prev_within(cls) == "name") & _prev_within(pl.col("token")).is_in(self.given_names)
        # ... and one without the article that ends the name, before a comma, a full stop or "إن":
        # "الصحافي ميشيل كيلو،", "قال الكاتب جورج سماحة إن" ("kilo", "eminence" elsewhere); not an
        # indefinite accusative ("استقبل الرئيس محمد ضيفا،")
        closing_after_given = (
            (cls == "common") & ~pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال)|(?:ين|ون|ات|يه|ه|ا)$") & ~pl.col("token").is_in(_date_words())
            & (pl.col("k") == pl.col("_k0") + 1) & ~pl.col("_named_after")
            & (_prev_within(cls) == "name") & _prev_within(pl.col("token")).is_in(self.given_names)
            & ((_next_within(pl.col("token")) == "") | _next_within(pl.col("token")).is_in(["ان"]))
        ).fill_null(False)
        honorific_before = _prev_within(_prev_within(pl.col("token"))).is_in(self.honorifics) | ((pl.col("k") == 1) & pl.col("_honorific"))
        # (not a common word there: "السيد قو المشروع", "Mr Gu [explained] the project")
        honored = (
            family_after & ((cls == "definite") | (pl.col("score") >= UNKNOWN)) & honorific_before
            & _prev_within(cls).is_in(["name", "maybe_name"])
        ).fill_null(False)
        namey = (
            cls.is_in(["name", "maybe_name", "connector"]) | _family_name() | _after_patronymic() | middle | after_chain | after_given.fill_null(False)
            | closing_after_given | pl.col("_honored")
        )
        # the first token after the complements must start a name, within MAX_ZONE_TOKENS
        starts = tokens.filter((pl.col("_outside") == 1) & ~pl.col("_zone_ok") & cls.is_in(["name", "maybe_name"]) & (pl.col("k") <= MAX_ZONE_TOKENS))
        run = tokens.join(starts.select("anchor_id", pl.col("k").alias("_k0")), on="anchor_id").filter(pl.col("k") >= pl.col("_k0"))
        # a short common word between the first word, a name, and another name is a syllable of
        # the name ("كيم كاي غوان"); further on it ends the name ("جورج بوش دعا صدام")
        syllable = (
            (pl.col("k") == pl.col("_k0") + 1) & (cls == "common") & (pl.col("token").str.len_chars() <= 4)
            & (_prev_within(cls) == "name") & (_next_within(cls) == "name")
        )
        run = run.with_columns(pl.when(syllable.fill_null(False)).then(pl.lit("maybe_name")).otherwise(cls).alias("cls"))
        run = _mark_second_person(run).with_columns(honored.alias("_honored")).with_columns(_cum_within(~namey).alias("_broken"))
        stop = run.filter(pl.col("_broken") == 1).group_by("anchor_id").agg(pl.col("cls").sort_by("k").first().alias("stop_cls"))
        run = run.filter(pl.col("_broken") == 0).with_columns(pl.when("_honored").then(pl.lit("name")).otherwise(cls).alias("cls"))
        return run.join(stop, on="anchor_id", how="left").drop("_outside", "_k0", "_broken", "_zone_ok", "_zone", "_honored")

    def _runs_before(self, tokens: pl.DataFrame) -> pl.DataFrame:
        """Apposition, "NAME، TITLE" or "NAME TITLE": the name run right before the title (its first
        words and its comma); a word no source knows before a given name is no part of it
        ("مجهولين اختطفوا أحمد درمبه وزير الأوقاف", "تهنئة زميلهم سيرغي ميخائيلوف المدير العام").

        In a list ("، وعفيفي عبدالوهاب سفير مصر"), a name with the conjunction on its first word
        ends the run (leftward) and belongs to it, without the conjunction.
        """
        cls = pl.col("cls")
        # the title's own first words ("نائب" of "نائب مساعد وزير الدفاع"), then its comma, lie between it and the name
        tokens = tokens.with_columns((_cum_within(cls != "title") == 0).alias("_title"))
        first = tokens.filter(~pl.col("_title")).group_by("anchor_id").agg(pl.col("k").min().alias("_k1"), pl.col("cls").sort_by("k").first().alias("_c1"))
        start = first.select("anchor_id", (pl.col("_k1") + (pl.col("_c1") == "boundary").cast(pl.Int64)).alias("_from"))
        tokens = tokens.drop("_title").join(start, on="anchor_id", how="left").with_columns(pl.col("_from").fill_null(0))
        namey = cls.is_in(["name", "maybe_name", "connector"]) | _family_name() | _after_patronymic(leftward=True)
        run = tokens.filter(pl.col("k") >= pl.col("_from")).drop("_from").sort("anchor_id", "k")
        given = (cls == "name") & pl.col("token").is_in(self.given_names)
        before_given = (_cum_within(given) - given.cast(pl.Int32)) > 0  # a given name nearer the title
        namey = namey & ~((cls == "maybe_name") & before_given)
        run = run.with_columns(_cum_within(~namey).alias("_broken"))
        # the token that breaks the run: kept when it is "و" + a name
        joined = (pl.col("_broken") == 1) & ~namey & (cls == "conj_name")
        run = run.with_columns(((pl.col("_broken") == 0) | joined).alias("_in"), joined.alias("_joined"))
        stop = run.filter(~pl.col("_in")).group_by("anchor_id").agg(pl.col("cls").sort_by("k").first().alias("stop_cls"))
        return (
            run.filter(pl.col("_in"))
            .with_columns(
                pl.when(pl.col("_joined")).then(pl.col("view_start") + 1).otherwise(pl.col("view_start")).alias("view_start"),
                pl.when(pl.col("_joined")).then(pl.col("token").str.slice(1)).otherwise(pl.col("token")).alias("token"),
                pl.when(pl.col("_joined")).then(pl.lit("name")).otherwise(cls).alias("cls"),
            )
            .join(stop, on="anchor_id", how="left")
            .drop("_broken", "_in", "_joined")
        )

    @staticmethod
    def _accept(runs: pl.DataFrame, *, unknown_pairs: bool = False) -> pl.DataFrame:
        """Runs that look like a person's name -> (anchor_id, row, view_start, view_end, form).

        Connectors cannot start or end a name, nationalities cannot start one; a name has two words or more and at most
        MAX_NAME_TOKENS besides its connectors ("عبدالله بن خليفة آل ثاني"), one of
        them known as a name (a title before a single word is most often a known person's
        surname, or not a name at all); a run that a known surname follows is left to the
        first-name pass.
        """
        if runs.height == 0:
            return pl.DataFrame(schema={"anchor_id": pl.UInt32, "row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "form": pl.String})
        edge_ok = pl.col("cls") != "connector"
        # nor can a nationality start one: it is a title before the name ("الأميركي إريك ..."), and a
        # family name only after a first name ("أشرف العربي")
        start_ok = edge_ok & (pl.col("cls") != "nationality")
        runs = runs.sort("anchor_id", "view_start").with_columns(_cum_within(start_ok).alias("_from_start"))
        # trailing connectors: the last non-connector position of each run
        last_ok = runs.filter(edge_ok).group_by("anchor_id").agg(pl.col("view_start").max().alias("_last_ok"))
        runs = runs.join(last_ok, on="anchor_id").filter((pl.col("_from_start") > 0) & (pl.col("view_start") <= pl.col("_last_ok")))
        names = runs.group_by("anchor_id").agg(
            pl.col("row").first(),
            pl.col("view_start").min(),
            pl.col("view_end").max(),
            pl.col("token").sort_by("view_start").str.join(" ").alias("form"),
            pl.len().alias("_n"),
            (pl.col("cls") == "connector").sum().alias("_connectors"),
            # (a patronymic chain after a title is a name whatever its words mean: "الفريق فهد بن تركي")
            ((pl.col("cls") == "name") | pl.col("token").is_in(PATRONYMIC[:3])).sum().alias("_strong"),
            pl.col("stop_cls").first(),
            pl.col("cls").sort_by("view_start").first().alias("_first_cls"),
        )
        # (with ``unknown_pairs``: two words no source knows, closed by punctuation or by the next
        # person's "و", will do)
        strong = (pl.col("_strong") >= 1) | ((pl.col("_n") == 2) & (pl.col("_connectors") == 0) & pl.col("stop_cls").is_in(["boundary", "conj_name"])) if unknown_pairs else (pl.col("_strong") >= 1)
        keep = (
            (pl.col("_n") - pl.col("_connectors") <= MAX_NAME_TOKENS)
            & (pl.col("_n") >= 2)
            & strong
            & (pl.col("stop_cls").is_null() | ~pl.col("stop_cls").is_in(["person", "name", "maybe_name"]))
            & (pl.col("_first_cls") != "definite")
        )
        return names.filter(keep).select("anchor_id", "row", "view_start", "view_end", "form")

    @staticmethod
    def _written_ali(view: MatchingView, hits: pl.DataFrame) -> pl.DataFrame:
        """(row, view_start, view_end) of the "علي" of ``hits`` (role ali) that the text writes with a
        final ya: the name Ali, a name word where the view reads the preposition على."""
        ali = hits.filter(pl.col("role") == "ali").select("row", "view_start", "view_end")
        ya = view.original_chars_at(ali["row"].to_numpy(), ali["view_end"].to_numpy() - 1) == ord("ي")
        return ali.filter(pl.Series(ya))

    def people(self, view: MatchingView, known: pl.DataFrame, known_tokens: pl.DataFrame, titles: pl.DataFrame, free_words: pl.DataFrame) -> pl.DataFrame:
        """People introduced by a title: row, view_start, view_end, form, title_en, country."""
        if titles.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        titles = resolve_overlaps(titles)
        # (an honorific introduces a name that no source may know: "الدكتور مشاري النعيم")
        honorific = titles["form"].is_in(self.honorifics)
        # ... and so does a nationality right after a title and before a comma, whatever words follow:
        # "وزير الدفاع الياباني، إيتسونوري أونوديرا،" (two words no source knows, read with
        # ``unknown_pairs``; the view writes the comma as a second space)
        titles = titles.sort("row", "view_start")
        rows, ends = titles["row"].to_numpy(), titles["view_end"].to_numpy()
        comma_after = pl.Series((view.chars_at(rows, ends) == ord(" ")) & (view.chars_at(rows, ends + 1) == ord(" ")))
        after_title = (
            titles["form"].is_in(self.nationality_titles["form"].implode()) & comma_after
            & (titles["row"] == titles["row"].shift(1)) & ((titles["view_start"] - titles["prefix_len"] - titles["view_end"].shift(1)) == 1)
        ).fill_null(False)
        honorific = titles["form"].is_in(self.honorifics) | after_title
        near = _near(titles.filter(~honorific), free_words, after=WINDOW, before=WINDOW_BEFORE)
        titles = pl.concat([near, titles.filter(honorific)]).sort("row", "view_start").with_row_index("anchor_id")
        if titles.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        titles = titles.join(self.titles, on="form", how="left").join(
            self.nationality_titles.rename({"country": "_anchor_country"}), on="form", how="left"
        )
        # "مستشفى الملك فيصل التخصصي": a title right after a place named after a person
        named_after = text_before(view.view, titles["row"], titles["view_start"] - titles["prefix_len"], 12).str.contains(_NAMED_AFTER)
        after = self._misspelt_known(self._after_honorifics(self.classify_tokens(self.window_tokens(view, titles, before=False), known_tokens)))
        after = after.join(
            titles.select("anchor_id", named_after.alias("_named_after"), pl.col("form").is_in(self.honorifics).alias("_honorific")), on="anchor_id", how="left"
        )
        before = self.classify_tokens(self.window_tokens(view, titles, before=True), known_tokens)
        found = pl.concat([self._accept(self._runs_after(after), unknown_pairs=True), self._accept(self._runs_before(before))])
        if found.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        zone = self._with_zone(after).filter(pl.col("_zone"))
        nationality = zone.filter(pl.col("cls") == "nationality").with_columns(
            pl.col("token").str.replace(r"^(?:و|ف)?(?:ب|ل|ك)?", "").alias("_form")
        ).join(self.nationalities.select("form", "country"), left_on="_form", right_on="form").group_by("anchor_id").agg(
            pl.col("country").drop_nulls().first().alias("_nat_country")
        )
        organization = zone.filter(pl.col("cls") == "entity").join(
            self.reference.actors.select(pl.col("actor_id").alias("entity_id"), pl.col("country").alias("_org_country"), pl.col("name_en").alias("_org")),
            on="entity_id",
        ).group_by("anchor_id").agg(pl.col("_org_country").filter(pl.col("_org_country") != "").first(), pl.col("_org").first())
        # "سفير جمهورية مصر العربية لدى المملكة", "وزير خارجية مصر": a country right after the title
        # (or after "جمهورية") is the person's; further on ("لدى مصر", "بجمهورية مصر") it is the host's
        designated = _prev_within(pl.col("token")).is_in(STATE_DESIGNATORS) & (pl.col("k") == 1)
        first = (pl.col("k") == 0) & ~pl.col("token").str.contains(rf"^[بل](?:ال)?(?:{'|'.join(STATE_DESIGNATORS)})")
        state = zone.filter((pl.col("cls") == "entity") & (first | designated.fill_null(False))).join(
            self.countries, on="entity_id"
        ).group_by("anchor_id").agg(pl.col("_state_country").first())
        found = (
            found.join(titles.select("anchor_id", "title_en", "_anchor_country"), on="anchor_id", how="left")
            .join(nationality, on="anchor_id", how="left")
            .join(organization, on="anchor_id", how="left")
            .join(state, on="anchor_id", how="left")
            .with_columns(pl.coalesce("_anchor_country", "_nat_country", "_org_country", "_state_country").alias("country"))
        )
        ends_open = pl.col("title_en").str.contains(r" (?:of|for|to|at|in)$")
        complement = pl.coalesce("_org", pl.col("country").replace_strict(self.country_names, default=None, return_dtype=pl.String))
        role = (
            pl.when(pl.col("title_en").is_null()).then(None)
            .when(complement.is_null()).then(pl.col("title_en").str.replace(r" (?:of|for|to|at|in)$", ""))
            .when(ends_open).then(pl.col("title_en") + " " + complement)
            .otherwise(pl.col("title_en") + ", " + complement)
        )
        return (
            found.with_columns(role.alias("title_en"))
            .select(list(PEOPLE_SCHEMA))
            .unique(["row", "view_start", "view_end"], keep="first", maintain_order=True)
        )

    def free_names(self, view: MatchingView, known_tokens: pl.DataFrame, hints: pl.DataFrame) -> pl.DataFrame:
        """People named without a title ("وقال ميتش ماكونيل"): a name run that starts at a first-name hint.

        The run needs two to MAX_NAME_TOKENS words; hints inside known mentions are skipped.
        """
        if hints.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        # the window starts at the hint itself: pretend the anchor ends just before it
        anchors = hints.with_columns((pl.col("view_start") - pl.col("prefix_len") - 1).alias("view_end")).sort("row", "view_start").with_row_index("anchor_id")
        tokens = self.classify_tokens(self.window_tokens(view, anchors, before=False, width=50), known_tokens)
        # the hint itself must read as a name here (not a clitic-bearing word)
        found = self._untitled_names(tokens, first=["name"])
        # ... and not the name of a place: "في غرين فولز بمنطقة مونتانا" ("in X in the region of Y")
        before = text_before(view.view, found["row"], found["view_start"], 4)
        after = text_between(view.view, found["row"], found["view_end"], found["view_end"] + 12)
        return found.filter(~(before.str.contains(r"(?:^| )في $") & after.str.contains(_PLACE_AFTER)))

    def _untitled_names(self, tokens: pl.DataFrame, *, first: list[str]) -> pl.DataFrame:
        """``PEOPLE_SCHEMA`` rows of the names with no title that start at the first token of each
        window (``tokens``, classified), whose class must be one of ``first``."""
        cls = pl.col("cls")
        namey = cls.is_in(["name", "maybe_name", "connector"]) | _family_name() | _after_patronymic()
        run = _mark_second_person(tokens).with_columns(_cum_within(~namey).alias("_broken"))
        stop = run.filter(pl.col("_broken") == 1).group_by("anchor_id").agg(pl.col("cls").sort_by("k").first().alias("stop_cls"))
        run = run.filter(pl.col("_broken") == 0).join(stop, on="anchor_id", how="left").drop("_broken")
        starts = run.filter((pl.col("k") == 0) & cls.is_in(first)).select("anchor_id")
        found = self._accept(run.join(starts, on="anchor_id", how="semi"))
        return found.select("row", "view_start", "view_end", "form", pl.lit(None, pl.String).alias("title_en"), pl.lit(None, pl.String).alias("country"))

    def coordinated_names(self, view: MatchingView, persons: pl.DataFrame, known_tokens: pl.DataFrame) -> pl.DataFrame:
        """People named after another one and "و", with no title or first name of their own that
        the data knows ("رئيسي الدولتين إيمانويل ماكرون وكوليندا غرابار-كيتاروفيتش"): a run of two
        name words or more (one known as a name) that starts right after the conjunction.

        ``persons``: person mentions (row, view_end) of the batch. Returns ``PEOPLE_SCHEMA`` rows.
        """
        if persons.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        rows, ends = persons["row"].to_numpy(), persons["view_end"].to_numpy()
        conjunction = (view.chars_at(rows, ends) == ord(" ")) & (view.chars_at(rows, ends + 1) == ord("و"))
        # (a name does not start with the article: "ماكرون والمبعوث الأمريكي")
        conjunction &= (view.chars_at(rows, ends + 2) != ord("ا")) | (view.chars_at(rows, ends + 3) != ord("ل"))
        persons = persons.filter(pl.Series(conjunction)).select("row", "view_end").unique().sort("row", "view_end")
        if persons.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        # ... and no known mention starts at the conjunction ("مون وكيم اجتمعا")
        conjunction = _lookup(known_tokens, position_key(persons["row"], persons["view_end"] + 1), ["_key"])["_key"].is_null()
        # the window starts after the conjunction: pretend the anchor ends on it
        anchors = persons.filter(conjunction).select("row", (pl.col("view_end") + 1).alias("view_end")).with_row_index("anchor_id")
        if anchors.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        tokens = self.classify_tokens(self.window_tokens(view, anchors, before=False, width=50), known_tokens)
        return self._untitled_names(tokens, first=["name", "maybe_name"])

    # ---- first names before known surnames ----------------------------------------------

    def first_names(self, view: MatchingView, known: pl.DataFrame) -> pl.DataFrame:
        """Known person mentions by one word, right after a word that is a name (or after two words no
        source knows that follow a title or a nationality).

        Returns rows (row, view_start, view_end, entity_id, form, new): ``new`` is False when the
        first name is one of that person's (the mention grows to include it), True when it is
        somebody else's ("بريجيت ماكرون" is not Emmanuel Macron): then ``form`` names a new person.
        """
        schema = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "entity_id": pl.String, "form": pl.String, "new": pl.Boolean}
        persons = known.filter((pl.col("entity_kind") == "person") & (pl.col("prefix_len") == 0) & ~pl.col("form").str.contains(" "))
        if persons.height == 0:
            return pl.DataFrame(schema=schema)
        # the two words before the mention ("في جيب ماكرون": a first name does not follow "في")
        left_start = (persons["view_start"] - 30).clip(0)
        before = view.view.gather(persons["row"]).str.slice(left_start, persons["view_start"] - left_start)
        persons = persons.with_columns(
            before.str.extract(r"(\S+) $", 1).alias("token"),
            before.str.extract(r"(\S+) \S+ $", 1).alias("_before"),
            before.str.extract(r"(\S+) \S+ \S+ $", 1).alias("_opener"),
        ).filter(pl.col("token").is_not_null() & (pl.col("_before").is_null() | (pl.col("_before") != "في")))
        classes = self.word_classes(pl.concat([persons["token"], persons["_before"].drop_nulls()]))
        # "علي المرزوقي": the view reads the name Ali as the preposition على; where the text writes
        # its last letter as ya, it is a first name (as in ``window_tokens``)
        ali = (persons["token"] == "علي").to_numpy()
        written_ya = np.zeros(persons.height, dtype=bool)
        if ali.any():
            at = persons.filter(pl.Series(ali))
            written_ya[ali] = view.original_chars_at(at["row"].to_numpy(), at["view_start"].to_numpy() - 2) == ord("ي")
        classes = classes.vstack(pl.DataFrame({"token": ["علي"], "base_cls": ["name"], "score": [1.0]}).cast(classes.schema)) if written_ya.any() else classes
        persons = persons.filter(~pl.Series(ali) | pl.Series(written_ya))
        # "الإسباني إجناثيو إبنياس" + a known surname: two words no source knows before it, right after a
        # title or a nationality, are somebody else's first names (a single one may be anything, and
        # so may two after anything else: "عارضت ترشح كيناتا", opposed the candidacy of Kenyatta)
        unknown = classes.filter((pl.col("base_cls") == "maybe_name") & (pl.col("score") < STRONG) & (pl.col("score") >= UNKNOWN)).select("token")
        opener_classes = self.word_classes(persons["_opener"].drop_nulls()).select(pl.col("token").alias("_opener"), pl.col("base_cls").alias("_opener_cls"))
        two_before = (
            persons.join(unknown, on="token", how="semi").join(unknown.rename({"token": "_before"}), on="_before", how="semi")
            .join(opener_classes, on="_opener", how="left")
            .filter(pl.col("_opener_cls").is_in(["title", "nationality"]).fill_null(False))
        )
        others = two_before.select(
            "row",
            (pl.col("view_start") - pl.col("token").str.len_chars().cast(pl.Int64) - pl.col("_before").str.len_chars().cast(pl.Int64) - 2).alias("view_start"),
            "view_end",
            "entity_id",
            (pl.col("_before") + " " + pl.col("token") + " " + pl.col("form")).alias("form"),
            pl.lit(True).alias("new"),
        )
        previous = persons.join(classes, on="token").filter(
            pl.col("base_cls").is_in(["name", "maybe_name"]) & (pl.col("score") >= STRONG) & ~pl.col("token").is_in(self.person_words["form"].implode())
        )
        if previous.height == 0:
            return others.cast(schema)
        skeletons = {t: skeleton(t) for t in previous["token"].unique().to_list()}
        previous = previous.with_columns(pl.col("token").replace_strict(skeletons, return_dtype=pl.String).alias("skeleton"))
        same = previous.join(self.known_first_names, on=["entity_id", "skeleton"], how="semi").select("row", "view_start")
        previous = previous.join(same.with_columns(pl.lit(True).alias("_same")), on=["row", "view_start"], how="left").with_columns(pl.col("_same").fill_null(False))
        # a new person needs a first name that is surely a name
        previous = previous.filter(pl.col("_same") | (pl.col("score") >= 0.8))
        return pl.concat([previous.select(
            "row",
            (pl.col("view_start") - pl.col("token").str.len_chars().cast(pl.Int64) - 1).alias("view_start"),
            "view_end",
            "entity_id",
            (pl.col("token") + " " + pl.col("form")).alias("form"),
            (~pl.col("_same")).alias("new"),
        ).cast(schema), others.cast(schema)])

    def family_names(self, view: MatchingView, known: pl.DataFrame) -> pl.DataFrame:
        """Known patronymic names that a family name follows: somebody else ("عبدالله بن عبدالعزيز
        الربيعة" is not the late king "عبدالله بن عبدالعزيز"). Rows as ``first_names``, all new:
        the family name is a word with the article that reads as a name or is unknown (not a title,
        nationality, organization word, weekday or function word) and that no known mention covers.
        """
        schema = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "entity_id": pl.String, "form": pl.String, "new": pl.Boolean}
        persons = known.filter((pl.col("entity_kind") == "person") & pl.col("form").str.contains(r"(?:^| )بن \S+$"))
        if persons.height == 0:
            return pl.DataFrame(schema=schema)
        after = text_between(view.view, persons["row"], persons["view_end"], persons["view_end"] + 30)
        persons = persons.with_columns(after.str.extract(r"^ (ال\S{3,})(?: |$)", 1).alias("token")).filter(pl.col("token").is_not_null())
        covered = known.select("row", pl.col("view_start").alias("_token_start"))
        persons = persons.with_columns((pl.col("view_end") + 1).alias("_token_start")).join(covered, on=["row", "_token_start"], how="anti")
        family = persons.join(self.word_classes(persons["token"]), on="token").filter(
            pl.col("base_cls").is_in(["name", "maybe_name", "definite"]) & (pl.col("score") >= UNKNOWN)
        )
        return family.select(
            "row",
            "view_start",
            (pl.col("view_end") + 1 + pl.col("token").str.len_chars().cast(pl.Int64)).alias("view_end"),
            "entity_id",
            (pl.col("form") + " " + pl.col("token")).alias("form"),
            pl.lit(True).alias("new"),
        ).cast(schema)

    def misread_context_aliases(self, view: MatchingView, known: pl.DataFrame, known_tokens: pl.DataFrame) -> pl.DataFrame:
        """(row, view_start) of the context aliases of ``known`` that are one word of somebody
        else's name: a word known as a name, and no known mention, stands right before or after
        ("جيمس كيم", "كيم جونغ إيل", "عباس كامل" are not Kim Jong Un or Mahmoud Abbas)."""
        short = known.filter((pl.col("strength") == "context") & ~pl.col("form").str.contains(" ", literal=True))
        if short.height == 0:
            return pl.DataFrame(schema={"row": pl.UInt32, "view_start": pl.Int64})
        start = short["view_start"] - short["prefix_len"]
        before = text_before(view.view, short["row"], start - 1, 30).str.extract(r"(?:^| )(\S+)$", 1)
        following = text_between(view.view, short["row"], short["view_end"] + 1, short["view_end"] + 30).str.extract_groups(r"^(\S+) (\S+)?")
        after, after2 = following.struct.field("1"), following.struct.field("2")
        words = pl.concat([before, after, after2]).drop_nulls()
        classes = self.word_classes(words)
        # surely a name: "جاد" (serious) or "سعيد" (happy) after "كيم" are mostly not
        sure = classes.filter((pl.col("base_cls") == "name") & (pl.col("score") >= SURE_NAME))["token"].implode()
        # ... and before it, a given name that Wikidata writes very often ("أندرو كيم": Andrew, which the
        # annotated news also uses as a word)
        given = classes.filter(pl.col("base_cls").is_in(["name", "maybe_name"]) & pl.col("token").is_in(self.common_given_names))["token"].implode()
        # ... or the given name of one written family name first, two short words of which one is
        # a name ("كيم كاي غوان"): no function word, title, word with the article or long word
        short_words = classes.filter(pl.col("base_cls").is_in(["name", "maybe_name", "common"]) & (pl.col("token").str.len_chars() <= 5))
        syllable = short_words["token"].implode()
        named = short_words.filter((pl.col("base_cls") == "name") & (pl.col("score") >= STRONG_NAME))["token"].implode()
        given_names = after.is_in(syllable) & after2.is_in(syllable) & (after.is_in(named) | after2.is_in(named))
        # ... and the neighbouring word starts no known mention ("التقى كيم بايدن": two known people)
        before_known = _lookup(known_tokens, position_key(short["row"], start - 1 - before.str.len_chars().cast(pl.Int64)), ["_key"])["_key"].is_not_null()
        after_known = _lookup(known_tokens, position_key(short["row"], short["view_end"] + 1), ["_key"])["_key"].is_not_null()
        after2_known = _lookup(known_tokens, position_key(short["row"], short["view_end"] + 2 + after.str.len_chars().cast(pl.Int64)), ["_key"])["_key"].is_not_null()
        misread = ((before.is_in(sure) | before.is_in(given)).fill_null(False) & ~before_known) | (
            (after.is_in(sure).fill_null(False) | (given_names.fill_null(False) & ~after2_known)) & ~after_known
        )
        return short.filter(misread).select("row", "view_start")

    # ---- organizations ------------------------------------------------------------------

    def _org_word_facts(self, tokens: pl.Series) -> pl.DataFrame:
        """What each distinct window word says about an organization's name: token, _w (the word
        without tanween, and without و before the article), _and (و + the article), term_en and
        _role (``org_words``), _nat (a nationality's country), _w_acc and _nat_acc (the indefinite
        accusative adjective: "وفدا أميركيا")."""
        words = self.org_words.select(pl.col("form").alias("_w"), "term_en", pl.col("role").alias("_role"))
        accusative = self.nationalities.select(pl.col("form").alias("_w_acc"), pl.col("country").alias("_nat_acc"))
        return (
            pl.DataFrame({"token": tokens}).unique()
            .with_columns(
                pl.col("token").str.replace_all(f"[{TANWEEN}]", "").str.replace(r"^و(ال.{2,})$", "$1").alias("_w"),
                pl.col("token").str.starts_with("وال").alias("_and"),
            )
            .join(words, on="_w", how="left")
            .join(self.nationalities.select(pl.col("form").alias("_w"), pl.col("country").alias("_nat")), on="_w", how="left")
            .with_columns(pl.col("_w").str.replace(r"^(\S{3,}ي)ا$", "$1").alias("_w_acc"))
            .join(accusative, on="_w_acc", how="left")
        )

    def organizations(self, view: MatchingView, known: pl.DataFrame, heads: pl.DataFrame) -> pl.DataFrame:
        """Organizations named by a head word and complements: row, view_start, view_end, form, name_en, country."""
        if heads.height == 0:
            return pl.DataFrame(schema=ORG_SCHEMA)
        heads = _outside(resolve_overlaps(heads), known)
        if heads.height == 0:
            return pl.DataFrame(schema=ORG_SCHEMA)
        heads = heads.join(self.org_heads, on="form", how="left").sort("row", "view_start").with_row_index("anchor_id")
        tokens = self.window_tokens(view, heads, before=False, width=ORG_WINDOW)
        tokens = tokens.join(self._org_word_facts(tokens["token"]), on="token", how="left", maintain_order="left")
        # "الوفد الكوري الشمالي": two words, one country
        compound = self.compound_nationalities.select(pl.col("first").alias("_w"), pl.col("second").alias("_w_next"), pl.col("country").alias("_nat2"))
        tokens = tokens.with_columns(_next_within(pl.col("_w")).alias("_w_next")).join(
            compound, on=["_w", "_w_next"], how="left", maintain_order="left"
        ).with_columns(
            pl.coalesce("_nat2", pl.when(pl.col("_nat_acc").is_not_null() & (pl.col("_w_acc") != pl.col("_w"))).then(pl.col("_nat_acc")), "_nat").alias("_nat"),
            _prev_within(pl.col("_nat2")).is_not_null().alias("_second"),
        ).with_columns(
            # the second word of "الكورية الجنوبية" is the adjective's, not "Southern" of a name
            pl.when(pl.col("_second")).then(None).otherwise(pl.col("term_en")).alias("term_en")
        )
        part = (pl.col("_role") == "part").fill_null(False) | pl.col("_nat").is_not_null() | pl.col("_second")
        run = tokens.with_columns(_cum_within(~part).alias("_broken")).filter(pl.col("_broken") == 0)
        if run.height == 0:
            return pl.DataFrame(schema=ORG_SCHEMA)
        # a group keeps the rows' order: k ascending
        orgs = run.group_by("anchor_id").agg(
            pl.col("row").first(),
            pl.col("view_end").max(),
            pl.col("token").str.join(" ").alias("_rest"),
            pl.col("term_en").alias("_terms"),
            pl.col("_and"),
            pl.col("_nat").drop_nulls().first().alias("country"),
        ).join(heads.select("anchor_id", "view_start", pl.col("form").alias("_head"), pl.col("term_en").alias("_head_en")), on="anchor_id")
        orgs = orgs.with_columns((pl.col("_head") + " " + pl.col("_rest")).alias("form"))
        # one English name per distinct spelling: the same organizations recur across articles
        spellings = orgs.select("_head_en", "_terms", "_and", "country").unique()
        names = [
            english_org_name(head_en, terms, ands, country, self.country_names, self.demonyms)
            for head_en, terms, ands, country in spellings.iter_rows()
        ]
        spellings = spellings.with_columns(pl.Series("name_en", names, dtype=pl.String))
        return orgs.join(spellings, on=["_head_en", "_terms", "_and", "country"], how="left", nulls_equal=True).select(list(ORG_SCHEMA))

    # ---- everything ---------------------------------------------------------------------

    def discover(self, view: MatchingView, batch: pl.DataFrame, known: pl.DataFrame, hits: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
        """Discovered mentions (row, view_start, view_end, entity_id, entity_kind, method), actors,
        and the (row, view_start) of the ``known`` mentions that are no mention of theirs
        (``misread_context_aliases``).

        ``known``: the batch's resolved reference mentions; ``hits``: the batch's matches of
        ``hint_forms`` (column ``role``), from the same pass.
        """
        known_tokens = self.known_tokens(known)
        misread = self.misread_context_aliases(view, known, known_tokens)
        if misread.height:
            # their words are free for discovery ("كيم جونغ إيل" is somebody else)
            known = known.join(misread, on=["row", "view_start"], how="anti", maintain_order="left")
            known_tokens = self.known_tokens(known)
        words = hits.filter(pl.col("role").is_in(["name_word", "known_word"]))
        covered = _lookup(known_tokens, position_key(words["row"], words["view_start"] - words["prefix_len"]), ["_key"])["_key"].is_not_null()
        # (and "علي" written with ya: "المتحدث العسكري علي الأحمدي")
        free_words = pl.concat([words.filter(~covered).select("row", "view_start", "view_end"), self._written_ali(view, hits)])
        people = self.people(view, known, known_tokens, hits.filter(pl.col("role") == "title"), free_words)
        # the name starts after the conjunction, and so does the window read from it (not in a
        # common word that starts with the same letters: "وجود" is "existence", not "و" + "جود")
        after_and = hits.filter(pl.col("role") == "hint_after_and").join(self.common, on="form", how="anti").with_columns(
            (pl.col("view_start") + 1).alias("view_start"), pl.lit(0, pl.Int64).alias("prefix_len"), pl.col("form").str.slice(1)
        )
        hints = _outside(pl.concat([hits.filter(pl.col("role") == "hint"), after_and]), known)
        free = self.free_names(view, known_tokens, hints)
        # "صحيفة جونغ أنغ دايلي": a name right after a newspaper, agency or channel names the outlet
        if free.height:
            left = text_before(view.view, free["row"], free["view_start"], 14)
            free = free.filter(~left.str.contains(_MEDIA_BEFORE))
        # "... ماكرون وكوليندا غرابار-كيتاروفيتش": the second of two people named together
        persons = pl.concat([known.filter(pl.col("entity_kind") == "person").select("row", "view_end"), people.select("row", "view_end"), free.select("row", "view_end")])
        # (not again one that a first name after "و" has found: "ماكرون وجون سميث")
        coordinated = self.coordinated_names(view, persons, known_tokens).join(free.select("row", "view_start"), on=["row", "view_start"], how="anti")
        free = pl.concat([free, coordinated])
        # a titled discovery wins over a title-less one of the same person
        people = pl.concat([people, free.join(people.select("row", "view_start"), on=["row", "view_start"], how="anti")])
        if people.height:
            people = resolve_overlaps(people.with_columns(pl.col("title_en").is_null().cast(pl.Int8).alias("_untitled")), priority=["_untitled"]).drop("_untitled")
        first = pl.concat([self.first_names(view, known), self.family_names(view, known)])
        grown = first.filter(~pl.col("new")).select("row", "view_start", "view_end", "entity_id", pl.lit("person").alias("entity_kind"), pl.lit("gazetteer").alias("method"))
        newcomers = pl.concat(
            [
                people,
                first.filter(pl.col("new")).select("row", "view_start", "view_end", "form", pl.lit(None, pl.String).alias("title_en"), pl.lit(None, pl.String).alias("country")),
                self._bylines(view, batch),
            ]
        )
        orgs = self.organizations(view, known, hits.filter(pl.col("role") == "org_head"))
        names_en = {f: transliterate_name(f) for f in newcomers["form"].unique().to_list()}
        # "بريجيت ماكرون": the known surname keeps the known person's English spelling
        known_names = {a: (ar, en) for a, ar, en in self.reference.actors.select("actor_id", "name_ar", "name_en").iter_rows()}
        for form, known_id in first.filter(pl.col("new")).select("form", "entity_id").iter_rows():
            first_name, surname = form.split(" ", 1)
            name_ar, name_en = known_names[known_id]
            if skeleton(view_form(name_ar).split(" ")[-1]) == skeleton(surname):
                names_en[form] = transliterate_name(first_name) + " " + name_en.split(" ")[-1]
        # "ريتنو مرسودي", "هيذر ناورت": a known person's name with other long vowels is that person
        known_as = {f: self._known_spelling(f) for f in newcomers["form"].unique().to_list()}
        # ... and so is the beginning of one's name after a title of their country, closed by punctuation
        # ("رئيس كوريا الجنوبية مون جاي،"; not "مندوب فرنسا جان مارك دو لا سابليير", somebody else's)
        closed = view.view.gather(newcomers["row"]).str.slice(newcomers["view_end"], 2).str.contains(r"^(?:\s\s|\s?$)")
        cut_short = {
            f"{form}\x00{country}": self.known_heads[(form, country)]
            for form, country in newcomers.filter(pl.col("title_en").is_not_null() & closed).select("form", "country").unique().iter_rows()
            if (form, country) in self.known_heads
        }
        short_known = pl.when(closed).then(pl.concat_str("form", "country", separator="\x00").replace_strict(cut_short, default=None, return_dtype=pl.String))
        newcomers = newcomers.with_columns(pl.col("form").replace_strict(names_en, return_dtype=pl.String).alias("name_en")).with_columns(
            pl.coalesce(pl.col("form").replace_strict(known_as, default=None, return_dtype=pl.String), short_known, slug_expr(pl.col("name_en"))).alias("entity_id")
        )
        orgs = orgs.with_columns(slug_expr(pl.col("name_en")).alias("entity_id"))
        linked = self._link_within_articles(view, newcomers, self._surname_spellings(known))
        mentions = pl.concat(
            [
                grown,
                newcomers.select("row", "view_start", "view_end", "entity_id", pl.lit("person").alias("entity_kind"), pl.lit("discovered").alias("method")),
                linked,
                orgs.select("row", "view_start", "view_end", "entity_id", pl.lit("organization").alias("entity_kind"), pl.lit("discovered").alias("method")),
            ],
            how="diagonal_relaxed",
        ).with_columns(pl.col("row").cast(pl.UInt32))
        actors = pl.concat(
            [
                newcomers.sort("row", "view_start").group_by("entity_id", maintain_order=True).agg(
                    pl.col("name_en").first(), pl.col("form").first().alias("name_ar"), pl.col("country").drop_nulls().first(), pl.col("title_en").drop_nulls().first().alias("role")
                ).with_columns(pl.lit("person").alias("kind")),
                orgs.sort("row", "view_start").group_by("entity_id", maintain_order=True).agg(
                    pl.col("name_en").first(), pl.col("form").first().alias("name_ar"), pl.col("country").drop_nulls().first()
                ).with_columns(pl.lit("organization").alias("kind"), pl.lit(None, pl.String).alias("role")),
            ],
            how="diagonal_relaxed",
        ).select(
            pl.col("entity_id").alias("actor_id"), "kind", "name_en", "name_ar", "country", "role",
            pl.lit(None, pl.String).alias("wikidata"), pl.lit("discovered").alias("source"),
        )
        # a transliteration that lands on a known actor's id is that actor, spelled another way
        actors = actors.filter(~pl.col("actor_id").is_in(self.reference.actors["actor_id"].implode()))
        return mentions.select(list(MENTION_SCHEMA)).cast(MENTION_SCHEMA), actors.cast(ACTOR_SCHEMA), misread

    def _bylines(self, view: MatchingView, batch: pl.DataFrame) -> pl.DataFrame:
        """The author named by a byline in the text's first line, as a person mention."""
        # only a text that starts with a byline word can have a byline (``corpus._BYLINE``)
        candidates = batch["text"].str.contains(_BYLINE_START).arg_true()
        authors = title_and_byline(batch["text"].gather(candidates)).select(pl.lit(candidates).alias("row"), "author").filter(pl.col("author").is_not_null())
        forms = {author: view_form(author) for author in authors["author"].unique().to_list()}
        # the author's name must lie within the first 200 characters (and the name's own length)
        starts = view.view.gather(authors["row"]).str.slice(0, 200 + MAX_AUTHOR_LENGTH + 2).to_list()
        rows = []
        for (row, author), padded in zip(authors.iter_rows(), starts):
            form = forms[author]
            at = padded.find(" " + form + " ", 0, 200 + len(form))
            if form and at >= 0:
                rows.append((row, at + 1, at + 1 + len(form), form, "Author", None))
        return pl.DataFrame(rows, schema=PEOPLE_SCHEMA, orient="row")

    def _surname_spellings(self, known: pl.DataFrame) -> pl.DataFrame:
        """(row, entity_id, form, view_start) of the known people named in full with a surname
        spelled unlike any alias of theirs but a spelling of one: "جون بولتن" is a listed spelling of
        a person whose surname alone is listed as "بولتون", so the article's later "بولتن" is theirs
        (``_link_within_articles``). ``form`` is the full name as the article spells it."""
        full = known.filter((pl.col("entity_kind") == "person") & pl.col("form").str.contains(" ", literal=True))
        words = pl.col("form").str.split(" ")
        family_first = pl.col("entity_id").is_in(self.family_name_first)
        full = full.with_columns(pl.when(family_first).then(words.list.first()).otherwise(words.list.last()).alias("surname"))
        full = full.filter(~pl.col("surname").is_in(self.person_words["form"].implode())).with_columns(pl.col("surname").alias("key"))
        # "مسعود بارزاني ... لقاء مع بارزاني": a surname that no alias lists (several Barzanis share
        # it) is the person's too where the article names them in full, unless the name's last word
        # is a father's name after a patronymic ("محمد بن سلمان") or a given name ("... الشيخ أحمد")
        # ("... داود أوغلو": a surname's ending). Where the family name comes first, it is the
        # first word ("تشونغ يوي-يونغ ... وقال تشونغ")
        unlisted = full.filter(
            ~pl.col("key").is_in(self.person_forms)
            & (family_first | (~words.list.get(-2).is_in([*PATRONYMIC, "ولد", "عبد"]) & ~pl.col("key").is_in(self.given_names)))
            & ~pl.col("key").is_in(list(JOINED_ENDINGS))
        ).select("row", "entity_id", "form", "view_start", "surname")
        keys = {word: spelling_key(word) for word in full["key"].unique().to_list()}
        full = full.with_columns(pl.col("key").replace_strict(keys, return_dtype=pl.String))
        spelled = full.filter(~family_first).join(self.surname_keys, on=["entity_id", "key"], how="semi").select("row", "entity_id", "form", "view_start", "surname")
        return pl.concat([spelled, unlisted]).unique(maintain_order=True)

    def _link_within_articles(self, view: MatchingView, newcomers: pl.DataFrame, spelled: pl.DataFrame) -> pl.DataFrame:
        """Later mentions of discovered people in their article: the full name or the surname alone;
        and the surname alone of a known person the article spells its own way (``spelled``, rows as
        ``_surname_spellings``).

        A surname that two newcomers of an article share goes to the one named last before it
        (the first one named, before both); a full name is always its own person's."""
        if newcomers.height == 0 and spelled.height == 0:
            return pl.DataFrame(schema=MENTION_SCHEMA)
        # the surname is the last word, or the first where the family name comes first ("تشونغ يوي-يونغ")
        words = pl.col("form").str.split(" ")
        surname = pl.when(pl.col("country").is_in(FAMILY_NAME_FIRST)).then(words.list.first()).otherwise(words.list.last())
        forms = newcomers.group_by("row", "entity_id", "form").agg(pl.col("view_start").min().alias("_named_at"), surname.first().alias("surname"))
        known_forms = spelled.group_by("row", "entity_id", "form").agg(pl.col("view_start").min().alias("_named_at"), pl.col("surname").first())
        surnames = pl.concat([forms, known_forms.cast(forms.schema)]).with_columns(pl.col("surname").alias("form"), pl.lit(1).alias("_rank")).drop("surname").filter(
            (pl.col("form").str.len_chars() >= 3)
            & ~pl.col("form").is_in(self.common["form"].implode())
            & ~pl.col("form").is_in(self.person_words["form"].implode())
        )
        wanted = pl.concat([forms.drop("surname").with_columns(pl.lit(0).alias("_rank")), surnames])
        # a full name wins over another newcomer's surname of the same form
        wanted = wanted.filter(pl.col("_rank") == pl.col("_rank").min().over("row", "form")).drop("_rank")
        rows = wanted["row"].unique().sort()
        subset = view.subset(rows.to_numpy())
        found = NameMatcher(wanted.select("form").unique()).find(subset)
        found = found.with_columns(rows.gather(found["row"]).alias("row"))
        candidates = found.join(wanted, on=["row", "form"]).with_columns((pl.col("_named_at") <= pl.col("view_start")).alias("_before"))
        # the one named last before the mention, else the first one named; ties by id
        chosen = candidates.sort(
            "row", "view_start", "_before", pl.when(pl.col("_before")).then(pl.col("_named_at")).otherwise(-pl.col("_named_at")), "entity_id",
            descending=[False, False, True, True, False],
        ).unique(["row", "view_start"], keep="first", maintain_order=True)
        return chosen.select(
            "row", "view_start", "view_end", "entity_id", pl.lit("person").alias("entity_kind"), pl.lit("surname").alias("method")
        )


def english_org_name(
    head_en: str, terms: list[str | None], ands: list[bool], country: str | None, countries: dict[str, str], demonyms: dict[str, str]
) -> str:
    """English name of an organization from its Arabic words: complements come first, in reverse.

    Arabic "مجلس الأمن والدفاع القومي" (council, security, and-defense, national) reads in
    English "National Security and Defense Council": the words are reversed, and a word joined by
    "و" stays after the one it joins. A nationality comes first as its English adjective
    (``demonyms``: "Russian Defense Ministry", "South Korean Delegation"), or, for a country code
    without one, in parentheses after the name (``countries``: "Defense Ministry (Russia)").
    """
    units: list[list[str]] = []
    for term, joined in zip(terms, ands):
        if term is None:
            continue
        if joined and units:
            units[-1].extend(["and", term])
        else:
            units.append([term])
    words = [w for unit in reversed(units) for w in unit] + [head_en]
    deduped = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
    name = " ".join(deduped)
    if country and country in demonyms:
        return f"{demonyms[country]} {name}"
    if country:
        name += f" ({countries.get(country, country)})"
    return name
