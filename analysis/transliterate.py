"""Readable Latin spellings for Arabic person (and place) names, and how name-like a word is.

``transliterate_name("يفغيني فيدوروف")`` -> ``"Evgeny Fedorov"`` (Wikidata's most frequent spelling
of يفغيني is Evgeny; فيدوروف is spelled from its known stem فيدور). Each word of the name is spelled
by, in order:

1. the name particles, which follow one fixed convention: بن -> bin, ابن -> ibn, بنت -> bint,
   أبو -> Abu, آل -> Al, عبد + الله -> Abdullah, عبد + ال... -> Abdul..., X + الله -> Xallah;
2. the curated family names (``resources/name_spellings.csv``): Gulf, Iraqi, Levantine and Yemeni
   names that the table misses or spells the Maghrebi way (العتيبي -> al-Otaibi, العبيدي -> al-Obeidi);
3. the *name-token table* (``resources/name_tokens.csv``): the most frequent English spelling of
   that Arabic token among Wikidata people whose English and Arabic labels align token by token
   (Merhav & Ash 2018, CC0; see ``resources/NAME_TOKENS.md``), with the curated foreign given names
   of ``resources/given_names.csv`` folded in (فرانسوا, هانز, غيوم: press spellings Wikidata lacks), and
   the forms that write a foreign hard g ج instead of غ (فولفجانغ; ``_hard_g_variants``). Latin diacritics are folded
   (José -> Jose) so that spellings are counted together and labels stay plain ASCII.
   A family name with the article after the first word of a name follows the Middle-East news
   convention "al-" + name (كمال الجمل -> Kamal al-Jamal, كمال القطان -> Kamal al-Qattan), also
   when the table's spelling fuses the article the Maghrebi way (Labidi, Larbi) or writes it apart
   (Hariri): the table's own pairs split that way, since Wikidata's labels of words written with the
   article ال mostly write it apart (al-Hariri, token "hariri"), not fused (Larbi). The first
   word of a name keeps the table's spelling (العربي بن مهيدي -> Larbi...), and so do European names
   that start with the sound al/el (الونسو Alonso), which Wikidata writes with a hamza (ألونسو), or
   whose table spelling keeps the al whole (اليكسا Alexa, الكسندروف Aleksandrov);
4. for a word with the article (الخرافي) that is not in the table: "al-" + the rest (al-Kharafi);
5. for a word with a Slavic, Turkish or Persian ending whose stem is in the table:
   stem + ending (فيدور + وف -> Fedor + ov);
6. otherwise ``rule_based_transliteration``: letter rules plus short-vowel guesses, tuned to
   how English-language news spells Arab names (Khaled, Mansour, Hassan, Alaa, Zayed, Faisal) and
   how it spells foreign names written in Arabic (-ov, -ev, -sky, -ova, -enko, -ovic; v for ف in
   Slavic names; ch for تش; an "e" where English cannot pronounce the bare consonant cluster Arabic
   writes: كارتر -> Karter, هلسنكي -> Helsenki). Choices that the Wikidata pairs can arbitrate
   (و as o or u, ي as i or e, -ić as -ic or -ich) were set by the held-out measurement.

``person_name_score(word)`` says how likely a (matching-view) word is part of a person's name,
from ANERcorp tag counts and the name-token table; entity discovery uses it to find where a
name starts and stops.

The table is compiled from ``data/raw/transliteration_en_ar`` by ``python -m analysis.transliterate
build``; the package reads only the compiled CSV at run time. A deterministic 5% sample of the rare
Arabic tokens (``is_held_out``) is kept out of the build so that the rule-based spelling can be
measured on names it has never seen (``tests/test_transliterate.py``).
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys
import unicodedata
from pathlib import Path

import polars as pl

from .arabic import MatchingView, matching_view
from .errors import ReferenceDataError

__all__ = [
    "transliterate_name",
    "edit_distance",
    "regional_spelling",
    "rule_based_transliteration",
    "name_tokens",
    "person_name_score",
    "person_name_scores",
    "build_name_tokens",
    "read_raw_pairs",
    "is_held_out",
    "fold_latin",
    "NAME_TOKENS_PATH",
    "NAME_SPELLINGS_PATH",
    "name_spellings",
    "GIVEN_NAMES_PATH",
    "given_names",
    "known_name_tokens",
    "NAME_TOKENS_SCHEMA",
    "RAW_PAIRS_PATH",
    "JOINED_ENDINGS",
    "reads_as_korean",
]

RESOURCES = Path(__file__).parent / "resources"
NAME_TOKENS_PATH = RESOURCES / "name_tokens.csv"
# curated: family names whose usual English spelling neither the table nor the rules give (العتيبي Otaibi)
NAME_SPELLINGS_PATH = RESOURCES / "name_spellings.csv"
# curated: foreign given names as the Arabic press spells them and Wikidata's labels do not (فرانسوا, هانز)
GIVEN_NAMES_PATH = RESOURCES / "given_names.csv"
# curated: Korean family names and the syllables of given names, as the Arabic press writes them (كيم, تشول)
KOREAN_NAMES_PATH = RESOURCES / "korean_names.csv"
GIVEN_NAME_COUNT = 20  # the Wikidata pairs a curated given name counts as: a common name token
HARD_G_MIN_COUNT = 2  # Wikidata pairs of a name token whose ج spellings are read as names too
RAW_PAIRS_PATH = Path("data/raw/transliteration_en_ar/wd_arabic.normalized.aligned.tokens")
NAME_TOKENS_SCHEMA = {
    "arabic_token": pl.String,  # matching view (analysis.arabic.matching_view)
    "english_token": pl.String,  # most frequent folded, lower-case English spelling
    "count": pl.Int64,  # Wikidata pairs with that spelling
    "total_count": pl.Int64,  # Wikidata pairs with the Arabic token, any spelling
    "n_variants": pl.Int64,  # distinct (folded) English spellings of the Arabic token
    "article_count": pl.Int64,  # pairs whose Arabic side is written with the article ال (bare alef)
}

# Held out of the build: Arabic tokens seen at most this often, 1 in HELD_OUT_MODULUS of them by hash.
HELD_OUT_MAX_COUNT = 3
HELD_OUT_MODULUS = 20

# ----------------------------------------------------------------------------------------------
# Latin side
# ----------------------------------------------------------------------------------------------

# Letters that NFKD does not decompose into a base letter plus marks.
LATIN_SPECIAL = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i",
     "ħ": "h", "ŧ": "t", "’": "'", "ʼ": "'", "`": "'"}
)


def fold_latin(word: str) -> str:
    """Lower-case ``word`` and fold Latin diacritics (José -> jose); drop ʿayn/hamza signs (ʿādil -> adil)."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(LATIN_SPECIAL))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "ʿʾʻʹ")
    return kept.strip("'-")


_LOWER_PARTICLES = frozenset({"bin", "bint", "ibn", "von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "dos", "das"})


def _capitalize(word: str) -> str:
    """Title-case one Latin word: O'Brien, McDonald, Jean-Claude; leaves al- lower-case."""
    if word.startswith("al-"):
        return "al-" + _capitalize(word[3:])
    out = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    if len(out) > 2 and out[1] == "'":  # O'Brien, D'Alema; not Sa'id
        out = out[:2] + out[2].upper() + out[3:]
    if out.startswith("Mc") and len(out) > 2:
        out = "Mc" + out[2].upper() + out[3:]
    return out


# ----------------------------------------------------------------------------------------------
# Raw pairs and the compiled table
# ----------------------------------------------------------------------------------------------


# First letters an English spelling may start with, for the first letter of the Arabic token
# (European j/y and ch/zh, Spanish j for خ, silent h...). A pair that fails this test is an
# alignment error of the mining (من "of", الله "granada") or a token whose first letter the miner
# stripped as a clitic (يفبفر for Lefebvre).
_FIRST_LETTERS = {
    **dict.fromkeys("اأإآعءئؤى", "aeiouyh"),
    "ب": "bpv", "ت": "tcz", "ث": "ts", "ج": "jgdyz", "ح": "hk", "خ": "khjxg", "د": "dt", "ذ": "dtz",
    "ر": "r", "ز": "zsxc", "س": "sczx", "ش": "scx", "ص": "sc", "ض": "dz", "ط": "t", "ظ": "zd",
    "غ": "g", "ف": "fvpw", "ق": "qkgc", "ك": "kcqx", "ل": "l", "م": "m", "ن": "n", "ه": "haeiouw",
    "و": "wvou", "ي": "yjie", "ة": "aeh",
}
_SILENT_FIRST = ("kn", "wr", "gn", "ps", "pf", "wh")
_ROMAN_NUMERAL = re.compile(r"^[ivx]+$")


def _plausible_pair(arabic: str, english: str) -> bool:
    """Whether a mined (Arabic token, English token) pair can be a spelling of the same name."""
    if _ROMAN_NUMERAL.match(english) and arabic.startswith("ال"):
        return True  # regnal numbers: الثاني II
    ratio = len(english) / len(arabic)
    if not 0.6 <= ratio <= 2.4:
        return False
    heads = [arabic[0]]
    if arabic[0] in "اأإآ" and len(arabic) > 2:
        heads.append(arabic[2] if arabic.startswith(("ال", "أل")) else arabic[1])  # الطاهر Tahar, إدريس Driss
    firsts = {english[0], english[1]} if english[:2] in _SILENT_FIRST else {english[0]}
    allowed = set("".join(_FIRST_LETTERS.get(h, h) for h in heads))
    if arabic.startswith("ال"):
        allowed |= set("l")  # العربي Larbi
    return bool(firsts & allowed)


def read_raw_pairs(path: Path = RAW_PAIRS_PATH) -> pl.DataFrame:
    """Read the Wikidata token pairs -> (arabic, arabic_token, english_token, count, ascii).

    ``arabic`` is the Arabic token as written (letters joined), ``arabic_token`` its matching view,
    ``english_token`` the folded, lower-case English token and ``ascii`` whether the English token was
    written without diacritics. Dropped: pairs whose Arabic side is not one Arabic word, whose English
    side is not a word of two or more letters (initials "j."), and implausible alignments
    (``_plausible_pair``: length ratio outside 0.6-2.4 or incompatible first letters).
    """
    if not Path(path).is_file():
        raise ReferenceDataError(
            f"{path}: Wikidata name pairs not found; run from the project root "
            "or pass the file: python -m analysis.transliterate build PATH"
        )
    raw = pl.read_csv(
        path, separator="\t", has_header=False, quote_char=None,
        new_columns=["english", "letters", "count"], schema_overrides={"count": pl.Int64},
    )
    pairs = raw.with_columns(
        pl.col("letters").str.replace_all(" ", "", literal=True).alias("arabic"),
        pl.col("english").map_elements(fold_latin, return_dtype=pl.String).alias("english_token"),
        pl.col("english").str.contains(r"^[a-z'-]+$").alias("ascii"),
    ).with_columns(
        pl.col("arabic").map_elements(lambda a: matching_view(a).strip(), return_dtype=pl.String).alias("arabic_token"),
    ).filter(
        pl.col("arabic_token").str.contains(r"^\p{Arabic}{2,}$"),
        pl.col("english_token").str.contains(r"^[a-z](?:[a-z'-]*[a-z])$"),
    )
    plausible = [_plausible_pair(a, e) for a, e in zip(pairs["arabic_token"], pairs["english_token"])]
    return pairs.filter(pl.Series(plausible, dtype=pl.Boolean)).select("arabic", "arabic_token", "english_token", "count", "ascii")


def _held_out_token(arabic_token: str) -> bool:
    digest = hashlib.sha1(arabic_token.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % HELD_OUT_MODULUS == 0


def is_held_out(pairs: pl.DataFrame) -> pl.Series:
    """Boolean Series: which rows of ``read_raw_pairs()`` belong to the held-out evaluation sample.

    An Arabic token is held out when it is rare (all its pairs together count at most
    ``HELD_OUT_MAX_COUNT``) and its SHA-1 falls in one of ``HELD_OUT_MODULUS`` buckets: the names the
    rule-based fallback meets at run time are rare ones, and frequent tokens stay in the table.
    """
    totals = pairs.group_by("arabic_token").agg(pl.col("count").sum().alias("_total"))
    joined = pairs.select("arabic_token").join(totals, on="arabic_token", how="left", maintain_order="left")
    rare = joined["_total"] <= HELD_OUT_MAX_COUNT
    hashed = joined["arabic_token"].map_elements(_held_out_token, return_dtype=pl.Boolean)
    return (rare & hashed).alias("held_out")


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: the characters changed, added or dropped to turn ``a`` into ``b``."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def build_name_tokens(pairs: pl.DataFrame) -> pl.DataFrame:
    """Compile ``read_raw_pairs()`` rows (held-out rows already removed) into the lookup table.

    One row per Arabic token: its most frequent English spelling, that spelling's count, the total
    count of the token, the number of spellings and how many of its pairs write the token with the
    article ال (a bare alef: العربي, not the hamza-alef of a European name, ألبرت). Ties are broken
    by how often the spelling was written without diacritics (شاهين: Shaheen before Şahin), then by
    closeness (edit distance) to the rule-based transliteration of the token's most frequent
    written form, then alphabetically, so the build is deterministic (and must be rerun when the
    rules change: a test checks the shipped CSV against a fresh build). Sorted by ``arabic_token``.
    """
    spellings = pairs.group_by("arabic_token", "english_token").agg(
        pl.col("count").sum(), pl.col("count").filter(pl.col("ascii")).sum().alias("ascii_count")
    )
    articles = pairs.group_by("arabic_token").agg(
        pl.col("count").filter(pl.col("arabic").str.starts_with("ال")).sum().cast(pl.Int64).alias("article_count")
    )
    written = (
        pairs.group_by("arabic_token", "arabic").agg(pl.col("count").sum())
        .sort(["arabic_token", "count", "arabic"], descending=[False, True, False])
        .group_by("arabic_token", maintain_order=True).first()
        .select("arabic_token", "arabic")
    )
    ranked = spellings.with_columns(
        pl.col("count").sum().over("arabic_token").alias("total_count"),
        pl.len().over("arabic_token").cast(pl.Int64).alias("n_variants"),
        (pl.col("count") == pl.col("count").max().over("arabic_token")).alias("is_top"),
    ).filter("is_top").filter(pl.col("ascii_count") == pl.col("ascii_count").max().over("arabic_token"))
    ties = ranked.filter(pl.len().over("arabic_token") > 1).join(written, on="arabic_token")
    if ties.height:
        guesses = {a: fold_latin(rule_based_transliteration(w)) for a, w in zip(ties["arabic_token"], ties["arabic"])}
        ties = ties.with_columns(
            pl.struct("arabic_token", "english_token").map_elements(
                lambda r: edit_distance(guesses[r["arabic_token"]], r["english_token"]), return_dtype=pl.Int64
            ).alias("distance")
        )
    else:
        ties = ties.with_columns(pl.lit(0, dtype=pl.Int64).alias("distance"))
    singles = ranked.filter(pl.len().over("arabic_token") == 1).with_columns(pl.lit(0, dtype=pl.Int64).alias("distance"))
    best = (
        pl.concat([singles, ties.drop("arabic")], how="vertical")
        .sort(["arabic_token", "distance", "english_token"])
        .group_by("arabic_token", maintain_order=True).first()
    )
    table = (
        best.join(articles, on="arabic_token", how="left")
        .select(list(NAME_TOKENS_SCHEMA)).cast(NAME_TOKENS_SCHEMA).sort("arabic_token")
    )
    if table["arabic_token"].is_duplicated().any():
        raise AssertionError("name_tokens: arabic_token is not unique")
    return table


@functools.cache
def name_tokens() -> pl.DataFrame:
    """The shipped name-token table (``resources/name_tokens.csv``), columns as ``NAME_TOKENS_SCHEMA``."""
    return pl.read_csv(NAME_TOKENS_PATH, schema=NAME_TOKENS_SCHEMA)


@functools.cache
def known_name_tokens() -> pl.DataFrame:
    """The name-token table with the curated given names (``given_names``) folded in, columns as
    ``NAME_TOKENS_SCHEMA``, sorted by ``arabic_token``.

    A given name the table lacks is added as seen ``GIVEN_NAME_COUNT`` times; one it has takes the
    curated spelling (سيرغي: Sergei, not Wikidata's Sergiy) and at least that count; spellings with ج
    for a hard g and with a final س for s are added (``_hard_g_variants``, ``_final_s_variants``). This is the table
    that spelling, name scores and discovery read; ``name_tokens`` stays the compiled file alone.
    """
    curated = pl.DataFrame(list(given_names().items()), schema={"arabic_token": pl.String, "given": pl.String}, orient="row")
    floor = pl.lit(GIVEN_NAME_COUNT, pl.Int64)
    merged = name_tokens().join(curated, on="arabic_token", how="full", coalesce=True).with_columns(
        pl.coalesce("given", "english_token").alias("english_token"),
        pl.when(pl.col("given").is_null()).then(pl.col("count")).otherwise(pl.max_horizontal("count", floor)).alias("count"),
        pl.when(pl.col("given").is_null()).then(pl.col("total_count")).otherwise(pl.max_horizontal("total_count", floor)).alias("total_count"),
        pl.col("n_variants").fill_null(1),
        pl.col("article_count").fill_null(0),
    )
    merged = merged.select(list(NAME_TOKENS_SCHEMA))
    hard_g = _hard_g_variants(merged)
    final_s = _final_s_variants(merged).join(hard_g, on="arabic_token", how="anti")
    return pl.concat([merged, hard_g, final_s]).sort("arabic_token")


def _hard_g_variants(tokens: pl.DataFrame) -> pl.DataFrame:
    """Name tokens written with ج where the table writes غ for a hard g, as Egyptian and Gulf news
    spell foreign names (فولفجانغ, جراهام for فولفغانغ, غراهام), rows as ``NAME_TOKENS_SCHEMA``.

    From each token of a foreign name (an English g, no gh, no article) seen ``HARD_G_MIN_COUNT``
    times or more, every form with one or more of its غ written ج, at half its counts, unless the
    table has the form already or the annotated corpus reads it mostly as another kind of word (اجري).
    """
    source = tokens.filter(
        pl.col("arabic_token").str.contains("غ") & pl.col("english_token").str.contains("g") & ~pl.col("english_token").str.contains("gh")
        & ~pl.col("arabic_token").str.starts_with("ال") & (pl.col("total_count") >= HARD_G_MIN_COUNT)
    )
    rows = []
    for token, english, count, total, variants, article in source.iter_rows():
        places = [i for i, letter in enumerate(token) if letter == "غ"]
        for mask in range(1, 2 ** min(len(places), 3)):
            letters = list(token)
            for bit, at in enumerate(places[:3]):
                if mask >> bit & 1:
                    letters[at] = "ج"
            rows.append(("".join(letters), english, max(count // 2, 1), max(total // 2, 1), variants, article))
    found = pl.DataFrame(rows, schema=NAME_TOKENS_SCHEMA, orient="row").sort("total_count", descending=True).unique("arabic_token", keep="first")
    return found.join(tokens, on="arabic_token", how="anti").join(_mostly_other_words(), on="arabic_token", how="anti")


def _mostly_other_words() -> pl.DataFrame:
    """(arabic_token) of the words the annotated corpus (``word_stats``) reads mostly as something
    other than a person's name: a spelling variant never adds them to the name-token table."""
    from .lexicon import word_stats

    return word_stats().filter(pl.sum_horizontal("n_location", "n_organization", "n_misc", "n_other") > pl.col("n_person")).select(pl.col("word").alias("arabic_token"))


def _final_s_variants(tokens: pl.DataFrame) -> pl.DataFrame:
    """Name tokens written with a final س where the table writes ز for an English final s, as
    much news spells foreign names (إيفانس, for إيفانز: Evans), rows as ``NAME_TOKENS_SCHEMA``.

    From each token of a foreign name ending in ز whose English ends in s (not z), seen
    ``HARD_G_MIN_COUNT`` times or more, the form ending in س at half its counts, unless the table
    has the form already or the annotated corpus reads it mostly as another kind of word.
    """
    source = tokens.filter(
        pl.col("arabic_token").str.ends_with("ز") & pl.col("english_token").str.ends_with("s") & ~pl.col("arabic_token").str.starts_with("ال")
        & (pl.col("total_count") >= HARD_G_MIN_COUNT)
    )
    found = source.with_columns(
        (pl.col("arabic_token").str.slice(0, pl.col("arabic_token").str.len_chars() - 1) + "س").alias("arabic_token"),
        (pl.col("count") // 2).clip(1).alias("count"),
        (pl.col("total_count") // 2).clip(1).alias("total_count"),
    ).sort("total_count", descending=True).unique("arabic_token", keep="first")
    return found.join(tokens, on="arabic_token", how="anti").join(_mostly_other_words(), on="arabic_token", how="anti").select(list(NAME_TOKENS_SCHEMA))


@functools.cache
def _lookup() -> dict[str, tuple[str, int, int]]:
    """arabic_token -> (english_token, total_count, article_count) of ``known_name_tokens``."""
    table = known_name_tokens()
    return {
        a: (e, t, n)
        for a, e, t, n in zip(table["arabic_token"], table["english_token"], table["total_count"], table["article_count"])
    }


@functools.cache
def name_spellings() -> dict[str, str]:
    """Matching view of a curated family name (without the article) -> its English spelling, lower
    case (``resources/name_spellings.csv``: عتيبي -> otaibi, بري -> berri).

    Raises ``ReferenceDataError`` naming the file when a row is empty or a name is listed twice.
    """
    return _curated_spellings(NAME_SPELLINGS_PATH, "region")


@functools.cache
def given_names() -> dict[str, str]:
    """Matching view of a curated foreign given name -> its English spelling, lower case
    (``resources/given_names.csv``: فرانسوا -> francois, هانز -> hans).

    Raises ``ReferenceDataError`` naming the file when a row is empty or a name is listed twice.
    """
    return _curated_spellings(GIVEN_NAMES_PATH, "language")


@functools.cache
def korean_names() -> tuple[dict[str, str], dict[str, str]]:
    """(family names, syllables of given names): matching view -> romanization, from
    ``resources/korean_names.csv`` (كيم -> Kim; تشول -> Chol).

    Raises ``ReferenceDataError`` naming the file when a row is empty, has another part, or is listed twice.
    """
    parts: dict[str, dict[str, str]] = {"family": {}, "syllable": {}}
    for key, english, part in _curated_rows(KOREAN_NAMES_PATH, "part"):
        if part not in parts:
            raise ReferenceDataError(f"{KOREAN_NAMES_PATH}: row {key!r}, {english!r} has the part {part!r}; write family or syllable")
        if key in parts[part]:
            raise ReferenceDataError(f"{KOREAN_NAMES_PATH}: {key!r} is listed twice as a {part}; keep one row")
        parts[part][key] = english
    return parts["family"], parts["syllable"]


def _korean_name(words: list[str]) -> str | None:
    """"Kim Yong-chol" for "كيم يونغ تشول" or "كيم يونغ-تشول": a Korean family name, then one or two
    syllables of a given name that ``korean_names`` all knows, else None ("كيم كارداشيان", "لي هسين لونغ")."""
    families, syllables = korean_names()
    keys = [matching_view(part).strip() for word in words for part in word.split("-") if part.strip()]
    if not 2 <= len(keys) <= 3 or keys[0] not in families or not all(k in syllables for k in keys[1:]):
        return None
    given = [syllables[k] for k in keys[1:]]
    return f"{families[keys[0]]} {given[0]}" + "".join("-" + g.lower() for g in given[1:])


def reads_as_korean(name: str) -> bool:
    """Whether an Arabic name reads as a Korean one, family name first (``_korean_name``: "سونغ
    يونغ-مو", not "لي هسين لونغ")."""
    return _korean_name(name.split()) is not None


def _curated_rows(path: Path, note: str) -> list[tuple[str, str, str | None]]:
    """(matching view of the Arabic word, English spelling, ``note``) of each row of a curated CSV
    (columns arabic, english and ``note``). Raises ``ReferenceDataError`` naming the file when a row
    lacks one Arabic word or its spelling."""
    table = pl.read_csv(path, schema={"arabic": pl.String, "english": pl.String, note: pl.String})
    rows = []
    for arabic, english, extra in table.iter_rows():
        key = matching_view(arabic or "").strip()
        if not key or not english or " " in key:
            raise ReferenceDataError(f"{path}: row {arabic!r}, {english!r} needs one Arabic word and its spelling")
        rows.append((key, english, extra))
    return rows


def _curated_spellings(path: Path, note: str) -> dict[str, str]:
    """One-word Arabic -> English (lower case) rows of a curated CSV (``_curated_rows``); a word listed
    twice raises ``ReferenceDataError`` naming the file."""
    spellings: dict[str, str] = {}
    for key, english, _ in _curated_rows(path, note):
        if key in spellings:
            raise ReferenceDataError(f"{path}: {key!r} is listed twice; keep one row")
        spellings[key] = english.lower()
    return spellings


# ----------------------------------------------------------------------------------------------
# Rule-based transliteration
# ----------------------------------------------------------------------------------------------

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed\u0640\u200b-\u200f\u061c\ufeff]")
_PERSIAN = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ة", "ھ": "ه", "ە": "ه", "ہ": "ه", "ٱ": "ا"})
_ARABIC_LETTER = re.compile(r"[\u0621-\u063f\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]")  # not tatweel

# Letters that (almost) never stand for a sound of a European name: their presence marks a word
# spelled by Arabic (or Persian/Turkish via Arabic) conventions.
_ARAB_MARKERS = set("حخعقصضطظذةىؤ")
_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "غ": "gh",
    "پ": "p", "چ": "ch", "گ": "g", "ژ": "zh", "ڤ": "v", "ڨ": "g",
}
# Endings of Slavic, Turkish and Persian surnames: (Arabic ending, Latin ending, shortest stem).
_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("وفيتش", "ovic", 2), ("يفيتش", "evic", 2), ("فيتش", "vic", 2), ("يتش", "ic", 3),
    ("وفسكي", "ovsky", 2), ("يفسكي", "evsky", 2), ("سكايا", "skaya", 2), ("تسكي", "tsky", 2), ("سكي", "sky", 2),
    ("تشينكو", "chenko", 2), ("شينكو", "shenko", 2), ("ينكو", "enko", 2), ("تشوك", "chuk", 2),
    ("وفا", "ova", 3), ("يفا", "eva", 3), ("ييف", "iev", 3), ("وف", "ov", 3), ("يف", "ev", 3),
    ("أوغلو", "oglu", 0), ("اوغلو", "oglu", 0), ("زاده", "zadeh", 0),
)
_SLAVIC = tuple(s for s, latin, _ in _SUFFIXES if latin not in ("oglu", "zadeh"))
_EUROPEAN_ONSETS = frozenset(
    "bl br ch dr dm dw fl fr gl gr gw kl kr kv kw pl pr sk skr skv sl sm sn sp spr st str sv sw sh shv shch shk shl shm shn sht shw"
    " tr ts tv tw vl vr zb zd zl zv zh".split()
)
_EUROPEAN_CODAS = frozenset(
    "ch ck ct ft ks kt lb ld lf lk ll lm lp ls lt lz mb mp ms nch nd ng nk ns nt nz pt rb rch rd rf rg rk rl rm rn rp rs rsh rt rth rz sh sk sp ss st th ts tz".split()
)


def _strip(word: str) -> str:
    return _DIACRITICS.sub("", word).translate(_PERSIAN)


# Arabic name templates (C = a consonant letter): فاعل خالد, فايل زايد, فعيل وليد, فعال جمال, فعلان سلمان,
# مفعول منصور, أفعل أحمد. A foreign name written in Arabic rarely fits one exactly, because it
# spells its vowels out.
_C = "[بتثجحخدذرزسشصضطظعغفقكلمنهة]"
_C1 = "[بتثجحخدذرزسشصضطظعغفقكلمنهوي]"  # a first letter: و and ي are consonants there (وليد, يزيد)
_ARAB_TEMPLATES = re.compile(
    rf"^(?:{_C1}ا{_C}{_C}|{_C1}اي{_C}|{_C1}{_C}ي{_C}|{_C1}{_C}ا{_C}|{_C1}{_C}{_C}ان|م{_C}{_C}و{_C}|[أإا]{_C}{_C}{_C})$"
)
_FOREIGN_MARKERS = ("پ", "چ", "گ", "ڤ", "ژ", "تش")


def _origin(word: str) -> str:
    """'slavic', 'arab' or 'foreign': which spelling conventions a written Arabic word follows."""
    bare = word.lstrip("و")
    for suffix, _, min_stem in _SUFFIXES:
        if suffix in _SLAVIC and word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            if not (_ARAB_MARKERS - {"خ"}) & set(word[: -len(suffix)]):
                return "slavic"
    if _ARAB_MARKERS & set(word) or word.startswith("ال") and len(word) > 4:
        return "arab"
    if any(marker in word for marker in _FOREIGN_MARKERS):
        return "foreign"
    if not set(bare) & set("اوي") and len(word) <= 4:
        return "arab"  # no vowel letters at all: Arabic spelling leaves short vowels out (فهد, رجب)
    if _ARAB_TEMPLATES.match(word):
        return "arab"
    return "foreign"


def _units(word: str, origin: str) -> list[tuple[str, str]]:
    """Split a written word into ('C', latin) consonant and ('V', latin) vowel units."""
    arab = origin == "arab"
    out: list[tuple[str, str]] = []
    n = len(word)
    i = 0

    def vowel_before() -> bool:
        return bool(out) and out[-1][0] == "V"

    while i < n:
        c = word[i]
        nxt = word[i + 1] if i + 1 < n else "#"  # a sentinel: "" would be "in" every string
        last = i == n - 1
        if c in "اأآإ":
            # a foreign name's bare initial alef before ي and a consonant was most often إ (the view
            # drops the hamza): ايشينغر Ischinger, ايفانوف Ivanov, not Ai-
            foreign_i = i == 0 and c == "ا" and nxt == "ي" and not arab and i + 2 < n and word[i + 2] not in "اوي"
            if c == "إ" or foreign_i:
                out.append(("V", "i"))
                if nxt == "ي" and i + 2 < n and word[i + 2] not in "اوي":
                    i += 1  # إي + consonant: one i (إيران Iran, إيمانويل)
            elif i == 0 and nxt == "و" and (i + 2 >= n or word[i + 2] not in "اوي"):
                out.append(("V", "u" if origin == "slavic" else "o"))
                i += 1
            elif nxt == "ء" and i + 2 == n:
                out.append(("V", "aa"))  # علاء Alaa, ضياء Diaa
                i += 1
            else:
                out.append(("V", "a"))
        elif c == "ء":
            pass
        elif c == "ئ":
            if nxt == "ي":
                i += 1
            out.append(("V", "i"))
        elif c == "ؤ":
            out.append(("V", "u"))
        elif c in "ةى":
            out.append(("V", "a"))
        elif c == "ع":
            out.append(("C", "ʕ"))
        elif c == "و":
            next_is_vowel = nxt in ("ا", "أ", "ي", "ى", "ة") or nxt == "و"
            if last and vowel_before() and not arab:
                out.append(("V", "u" if out[-1][1] == "a" else "o"))  # ماريو Mario, غاراو Garau
            elif i == 0 or (vowel_before() and (next_is_vowel or last)) or (not vowel_before() and nxt in "اأآى" and out):
                out.append(("C", "w"))
            elif last:
                out.append(("V", "u" if arab else "o"))
            else:
                out.append(("V", "ou" if arab else "o"))
        elif c == "ي":
            if i == 0:
                out.append(("C", "y"))
            elif vowel_before() and out[-1][1] == "i" and not last and nxt not in "اوي":
                pass  # إي, ئي already gave the vowel
            elif vowel_before():
                if last:
                    out.append(("V", "i" if out[-1][1] == "a" else "y"))
                elif arab and out[-1][1] == "a" and i + 2 == n and nxt not in "اوية":
                    out.append(("V", "ye"))  # زايد Zayed, نايف Nayef
                elif nxt in "اوىة":
                    out.append(("C", "y"))
                elif arab and out[-1][1] == "a":
                    out.append(("C", "y"))  # عايدة Ayda
                else:
                    out.append(("V", "i" if out[-1][1] == "a" else "y"))
            elif nxt in ("ا", "و", "ة", "ى", "ه") and not last:
                out.append(("V", "i"))  # ماريا Maria, داريو Dario, زياد Ziad
            elif arab and i == 1 and i + 2 < n and word[i + 1] not in "اويى" and word[i + 2] not in "اويىة":
                out.append(("V", "ai"))  # فيصل Faisal, حيدر Haidar, زينب Zainab
            else:
                out.append(("V", "e" if origin == "slavic" and not last else "i"))
        elif c == "ت" and nxt == "ش":
            out.append(("C", "ch"))
            i += 1
        elif c == "ن" and nxt == "غ" and (i + 2 == n or word[i + 2] not in "اوي"):
            out.append(("C", "ng"))
            i += 1
        elif c == "ه" and last and out:
            if out[-1] == ("V", "i") and not arab:
                out[-1] = ("V", "e")  # أندريه Andre, خوسيه Jose
            elif out[-1][0] == "C" and not (out[-1][1] == "l" and len(out) > 1 and out[-2][1] == "l"):
                out.append(("V", "a" if arab else "e"))  # فاطمه (ة written ه) Fatma; كاغامه Kagame
            else:
                out.append(("C", "h"))
        elif c in _CONSONANTS:
            latin = _CONSONANTS[c]
            if origin != "arab":
                latin = {"غ": "g", "ق": "k", "ذ": "z"}.get(c, latin)
                if origin == "slavic" and c == "ف":
                    latin = "v"
            out.append(("C", latin))
        i += 1
    return out


def _cluster_ok(cluster: list[str], where: str) -> bool:
    joined = "".join(cluster)
    if len(cluster) <= 1:
        return True
    if where == "start":
        return joined in _EUROPEAN_ONSETS
    if where == "end":
        return joined in _EUROPEAN_CODAS
    # medial: a coda then an onset
    return any(
        (len(cluster[:k]) <= 1 or "".join(cluster[:k]) in _EUROPEAN_CODAS)
        and (len(cluster[k:]) <= 1 or "".join(cluster[k:]) in _EUROPEAN_ONSETS)
        for k in range(1, len(cluster))
    )


def _insert_vowels(units: list[tuple[str, str]], origin: str, *, open_end: bool = False) -> list[str]:
    """Guess the unwritten short vowels between consonants; returns Latin pieces.

    ``open_end``: a vowel-initial ending follows (أندر + ييف), so a final cluster is word-internal.
    """
    arab = origin == "arab"
    out: list[str] = []
    n = len(units)
    i = 0
    while i < n:
        if units[i][0] == "V":
            out.append(units[i][1])
            i += 1
            continue
        j = i
        while j < n and units[j][0] == "C":
            j += 1
        run = [u[1] for u in units[i:j]]
        at_start, at_end = i == 0, j == n and not open_end
        prev_vowel = units[i - 1][1] if i > 0 else ""
        pieces: list[str] = []
        if arab:
            if at_start and at_end:
                # all-consonant word: CaCaC (حمد Hamad, رجب Rajab), CaCCaC (محمد)
                if len(run) <= 3:
                    pieces = _join_with(run, "a")
                else:
                    pieces = [run[0], "a", *_keep_two(run[1:-1], "a"), "a", run[-1]]
            elif at_start:
                # word-initial consonants: a vowel after the first (سلمان Salman, منصور Mansour)
                pieces = [run[0], "a", *_keep_two(run[1:], "a")] if len(run) > 1 else run
            elif at_end:
                if len(run) == 1:
                    pieces = run
                else:
                    # a final cluster after a long vowel takes e (خالد Khaled, يوسف Yousef), else a
                    fill = "e" if prev_vowel in ("a", "ou", "i", "aa") else "a"
                    pieces = [*_keep_two(run[:-1], "a"), fill, run[-1]]
            else:
                pieces = _keep_two(run, "a")
        else:
            pieces = _break_cluster(run, "start" if at_start else "mid", "end" if at_end else "mid")
        out.extend(pieces)
        i = j
    return out


def _break_cluster(run: list[str], before: str, after: str) -> list[str]:
    """Insert as few "e" as possible into a consonant run so that English can pronounce it.

    ``before`` is "start" (the run begins the word) or "mid" (a vowel precedes); ``after`` is "end"
    or "mid". The first piece of a word must be an onset (st, kr, vl...), the last piece of a word a
    coda (rt, nd, st...), and every other piece a coda followed by an onset. Among the fewest
    insertions, the shortest longest piece wins (هلسنكي: h-e-ls-e-nk-i, Helsenki), then the earliest.
    """
    n = len(run)

    def allowed(a: int, b: int) -> bool:
        piece = run[a:b]
        if len(piece) <= 1:
            return True
        first, last = a == 0 and before == "start", b == n and after == "end"
        if first and last:
            return False
        if first:
            return _cluster_ok(piece, "start")
        if last:
            return _cluster_ok(piece, "end")
        return _cluster_ok(piece, "mid")

    best: dict[int, tuple[int, int, tuple[int, ...]]] = {0: (0, 0, ())}
    for b in range(1, n + 1):
        options = [
            (best[a][0] + (a > 0), max(best[a][1], b - a), best[a][2] + ((a,) if a else ()))
            for a in range(b) if a in best and allowed(a, b)
        ]
        if options:
            best[b] = min(options)
    cuts = best[n][2]
    pieces: list[str] = []
    for k, c in enumerate(run):
        if k in cuts:
            pieces.append("e")
        pieces.append(c)
    return pieces


def _join_with(run: list[str], vowel: str) -> list[str]:
    out: list[str] = []
    for k, c in enumerate(run):
        if k:
            out.append(vowel)
        out.append(c)
    return out


def _keep_two(run: list[str], vowel: str) -> list[str]:
    """At most two consonants in a row: a vowel after every second one."""
    out: list[str] = []
    for k, c in enumerate(run):
        if k and k % 2 == 0:
            out.append(vowel)
        out.append(c)
    return out


def _render(pieces: list[str], origin: str) -> str:
    text = "".join(pieces)
    # ʿayn: "a" between a vowel and a consonant (سعد Saad, جعفر Jaafar), silent next to vowels
    text = re.sub(r"(?<=a)ʕ(?=[^aeiouy]|$)", "a", text)
    text = text.replace("ʕ", "")
    if origin == "arab":
        # an s between a short vowel and a vowel is doubled, as English-language news spells it (Hassan, Qassem)
        text = re.sub(r"(?<=[bdfhjklmnqrtwz]a)s(?=[aeiou])", "ss", text)
    text = re.sub(r"([aeiou])\1\1+", r"\1\1", text)
    return text or "a"


def rule_based_transliteration(word: str, origin: str | None = None) -> str:
    """Spell one Arabic word in Latin letters by rule (lower case); never empty for an Arabic word.

    Reads the word as written (hamza forms, ة and ى are informative), classifies its spelling
    convention (``_origin``: Arabic, Slavic or other foreign), maps letters to Latin units and
    guesses the unwritten short vowels: Arabic names get "a" (and "e" before a final consonant
    after a long vowel: Khaled, Adel), foreign names get "e" only where English could not
    pronounce the consonant cluster (Karter, Mirkel). ``origin`` ("arab", "slavic", "foreign")
    overrides the classification, e.g. for the rest of a word after the article ال.
    """
    stripped = _strip(word)
    letters = "".join(_ARABIC_LETTER.findall(stripped))
    if not letters:
        return word
    origin = origin or _origin(letters)
    stem, ending = letters, ""
    for suffix, latin, min_stem in _SUFFIXES:
        if letters.endswith(suffix) and len(letters) - len(suffix) >= min_stem:
            if origin == "slavic" or latin in ("oglu", "zadeh"):
                stem, ending = letters[: -len(suffix)], latin
                break
    units = _units(stem, origin) if stem else []
    if ending and units and units[-1][0] == "V" and ending[0] in "aeiou":
        units = units[:-1] + [("V", units[-1][1] if ending[0] == "i" else "")]
    open_end = bool(ending) and ending[0] in "aeiou"
    text = _render(_insert_vowels(units, origin, open_end=open_end), origin) if units else ""
    return (text + ending).replace("yy", "y") or "a"


# ----------------------------------------------------------------------------------------------
# Names
# ----------------------------------------------------------------------------------------------

_PARTICLES = {"بن": "bin", "ابن": "ibn", "بنت": "bint", "ابو": "abu", "ال": "al"}
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@functools.cache
def _regnal_numbers() -> dict[str, str]:
    """Regnal numbers after a name, from the ordinals of the date vocabulary (``resources/dates.yaml``)
    up to the tenth, masculine and feminine: محمد الخامس -> V, إليزابيث الثانية -> II (matching view)."""
    from .dates import vocabulary

    numbers: dict[str, str] = {}
    for form, n in vocabulary().ordinals.items():
        if 1 <= n <= len(_ROMAN) and " " not in form:
            numbers[form] = numbers["الاولي" if form == "الاول" else form + "ه"] = _ROMAN[n - 1]
    return numbers


# Turkish and Persian surname endings written apart and joined to the word before (جاويش أوغلو: Cavusoglu)
JOINED_ENDINGS = frozenset({"اوغلو", "زاده"})
_ALLAH = "الله"


def _from_table(key: str) -> str | None:
    hit = _lookup().get(key)
    return hit[0] if hit else None


def _word(word: str, position: int, origin: str | None = None) -> str:
    """Latin spelling (lower case, before capitalization) of one Arabic word of a name.

    ``position`` is the number of words of the name spelled before this one (0 for the first).
    """
    key = matching_view(word).strip()
    if key in _PARTICLES:
        return _PARTICLES[key]
    if position > 0 and key in _regnal_numbers():
        return _regnal_numbers()[key]
    stripped = _strip(word)
    curated = name_spellings()
    if position > 0 and key in curated:
        return curated[key]  # a family name: شكري first is Shukri, after a first name Shoukry
    if key.startswith("ال") and key[2:] in curated and not stripped.startswith(("أل", "إل", "آل")):
        return "al-" + curated[key[2:]]  # العتيبي -> al-Otaibi
    hit = _from_table(key)
    if hit is not None and origin == "arab" and re.search("[pv]", hit):
        hit = None  # the rest of an Arabic word with the article: الفال is al-Fal, not the Val of the table
    if hit is not None:
        if key.startswith("ال") and _ROMAN_NUMERAL.match(hit):
            return hit.upper()  # الثاني -> II (عبد الله الثاني)
        if position > 0 and _written_with_article(stripped, key):
            rest = _without_fused_article(hit, stripped[2:])
            if (rest == hit and hit.startswith(("al", "el"))) or _origin(stripped) == "slavic":
                return hit  # اليكسا Alexa, الكسندروف Aleksandrov: the al is the name's own
            return "al-" + rest  # العربي: al-Arbi, not Larbi
        return hit
    if key.startswith("ال") and len(key) > 3 and not stripped.startswith(("أل", "إل", "آل")):
        return "al-" + _word(stripped[2:], 1, "arab")
    if key.endswith(_ALLAH) and len(key) > len(_ALLAH) + 1:
        head = key[: -len(_ALLAH)]
        return "abdullah" if head == "عبد" else _word(stripped[: -len(_ALLAH)], position, "arab") + "allah"
    if key.startswith("عبدال") and len(key) > 6:
        return "abdul" + _article_word(stripped[3:])
    if not _ARAB_MARKERS & set(stripped):
        # a foreign surname whose stem is a known name: يوري + يف -> yuri + ev, فيدور + وف -> fedor + ov
        for suffix, latin, min_stem in _SUFFIXES:
            stem_key = key[: -len(suffix)]
            if key.endswith(matching_view(suffix)) and len(stem_key) >= max(min_stem, 3):
                found = _lookup().get(stem_key)
                if found is not None and found[1] >= 2:
                    stem = found[0]
                    if stem[-1] in "aeiouy" and latin[0] in "aeiou" and not (stem[-1] == "i" and latin[0] == "e"):
                        stem = stem[:-1]
                    return stem + latin
    return rule_based_transliteration(word, origin)


def _written_with_article(stripped: str, key: str) -> bool:
    """Whether a word found in the name-token table is the article ال + a name (العربي, القطان).

    ``stripped`` is the word as written (diacritics removed), ``key`` its matching view. True when
    it is written with a bare alef (not ألبرت) and most of the table's Wikidata pairs for the token
    write it that way too: Wikidata writes European names that start with the sound al/el with a
    hamza (ألبرت Albert, ألونسو Alonso), which the matching view does not keep.
    """
    if not key.startswith("ال") or len(key) <= 3 or key == _ALLAH or stripped.startswith(("أل", "إل", "آل")):
        return False
    _, total, with_article = _lookup()[key]
    return 2 * with_article > total


_FUSED_ARTICLE = re.compile(r"^(?:al|el|l)['-]?(?=[a-z])")


def _without_fused_article(english: str, rest: str) -> str:
    """A table spelling of ال + name without the article when the spelling fuses it (larbi -> arbi).

    ``english`` is the table's spelling of the whole word, ``rest`` the written word after ال.
    The article is fused when the spelling starts with al, el or l and dropping that brings it closer
    (edit distance) to the rule-based spelling of the rest: larbi -> arbi (عربي: arabi), alqattan ->
    qattan (قطان: qattan); latif (اللطيف: the l is the name's), alaoui (العلوي: alawi) stay whole.
    """
    fused = _FUSED_ARTICLE.match(english)
    if fused is None:
        return english
    bare = english[fused.end():]
    guess = fold_latin(rule_based_transliteration(rest, "arab"))
    return bare if edit_distance(bare, guess) < edit_distance(english, guess) else english


def _article_word(word: str) -> str:
    """The second part of عبد + ال... (one name: عبد الرحمن, عبدالرحمن -> Abdulrahman), without the article.

    Spelled as the table spells the word with or without its article, whichever form is more
    frequent there (الرحمن rahman, عزيز aziz), else by rule.
    """
    key = matching_view(word).strip()
    candidates = [hit for hit in (_lookup().get(key), _lookup().get(key[2:])) if hit is not None]
    if candidates:
        return max(candidates, key=lambda hit: hit[1])[0]
    return rule_based_transliteration(_strip(word)[2:], "arab")


def _split_words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text.strip()) if w]


def transliterate_name(arabic: str) -> str:
    """Readable Latin spelling of an Arabic person or place name, in title case.

    "ديمتري ميدفيديف" -> "Dmitri Medvedev", "عبد الله بن زايد" -> "Abdullah bin Zayed",
    "مصطفى مدبولي" -> "Mustafa Madbouly", "هاني الملقي" -> "Hani al-Malqi". Words without Arabic letters
    are kept as they are, so Latin input comes back unchanged. Deterministic; never empty for
    non-empty input. Particles (bin, ibn, al-, von, de...) stay lower-case inside a name; a
    hyphenated Arabic word keeps its hyphen with the second part in lower case (جاي-إن: Jay-in);
    Turkish أوغلو and Persian زاده are joined to the word before (جاويش أوغلو: Gawishoglu). A Korean
    name is spelled by syllable (``korean_names``: نو كوانغ شول -> No Kwang-chol).
    """
    if not _ARABIC_LETTER.search(arabic):
        return arabic
    words = _split_words(arabic)
    korean = _korean_name(words)
    if korean is not None:
        return korean
    keys = [matching_view(w).strip() for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        word, key = words[i], keys[i]
        nxt = keys[i + 1] if i + 1 < len(words) else ""
        if not _ARABIC_LETTER.search(word):
            out.append(word)  # Latin, digits: kept as written
        elif key == "عبد" and nxt == _ALLAH:
            out.append(_display("abdullah", len(out)))
            i += 1
        elif nxt == _ALLAH and key not in _PARTICLES:
            # نصر الله -> Nasrallah: English writes the two words as one name
            out.append(_display(_word(word, len(out)) + "allah", len(out)))
            i += 1
        elif key == "عبد" and nxt.startswith("ال") and len(nxt) > 3:
            out.append(_display("abdul" + _article_word(words[i + 1]), len(out)))  # عبد الرحمن -> Abdulrahman
            i += 1
        elif key == "عبد" and nxt:
            out.append(_display("abd", len(out)))  # عبد ربه -> Abd Rabo
        elif "-" in word:
            parts = [_word(part, len(out)) for part in word.split("-") if part]
            out.append("-".join([_display(parts[0], len(out)), *parts[1:]]) if parts else word)
        elif out and key in JOINED_ENDINGS:
            out[-1] += _word(word, len(out))  # جاويش أوغلو -> Gawishoglu, as English writes Cavusoglu
        else:
            out.append(_display(_word(word, len(out)), len(out)))
        i += 1
    return " ".join(out)


# عبد + ال... is written Abdul... in the Gulf, Iraq and Yemen (``transliterate_name``'s spelling),
# "Abdel ..." in Egypt, Sudan and the Levant, "Abdel..." in the Maghreb
_ABDEL_APART = frozenset({"EG", "SD", "JO", "PS", "SY", "LB"})
_ABDEL_JOINED = frozenset({"MA", "DZ", "TN", "MR"})
_ABDUL = re.compile(r"\bAbdul(?!lah\b)([a-z]{2,})")


def regional_spelling(name_en: str, country: str | None) -> str:
    """``name_en`` (a ``transliterate_name`` result) as news from the person's ``country`` (ISO code)
    spells it: "Afifi Abdulwahab", "EG" -> "Afifi Abdel Wahab"; "Abdulaziz ...", "DZ" -> "Abdelaziz ...".
    Other countries, or none, leave it unchanged; Abdullah is the same everywhere."""
    if country in _ABDEL_APART:
        return _ABDUL.sub(lambda m: "Abdel " + m[1].capitalize(), name_en)
    if country in _ABDEL_JOINED:
        return _ABDUL.sub(lambda m: "Abdel" + m[1], name_en)
    return name_en


def _display(word: str, position: int) -> str:
    """Capitalize one spelled word of a name; particles after the first word stay lower-case."""
    if position > 0 and word in _LOWER_PARTICLES:
        return word
    return _capitalize(word)


# ----------------------------------------------------------------------------------------------
# How name-like a word is
# ----------------------------------------------------------------------------------------------

PRIOR_WEIGHT = 1.0
_PLURAL_ADJECTIVE = re.compile(r"^ال\w{2,}(ين|ون|ات|يون)$")


def person_name_score(token: str) -> float:
    """How likely a word is part of a person's name, in [0, 1] (read from ANERcorp and Wikidata).

    ``token`` is one word (it is put in matching view first). With ``n_person`` the ANERcorp
    training occurrences of the word tagged B-PERS or I-PERS, ``n`` all its occurrences, and
    ``t`` its count in the Wikidata name-token table (0 when absent)::

        prior = 1 - 0.5 / (1 + t)          # 0.5 when unknown, 0.75 for t = 1, -> 1 for common name tokens
        prior = 0.1                        # instead, when t = 0 and the word is a definite plural or
                                           #   adjective form (ال...ين/ون/ات: الأوكرانيين, المفاوضين)
        score = (n_person + w * prior) / (n + w),   w = PRIOR_WEIGHT = 1

    The Wikidata table says whether a word is *used* in names; ANERcorp says how often it *is* a
    name in running news text and overrides the prior as soon as the word has been seen a few
    times: من is a Wikidata token ("of", 515 pairs) but is never a name in 2,650 ANERcorp
    occurrences, so it scores ~0.0002. A word seen in neither source scores 0.5 (no evidence);
    callers decide the threshold. Words that normalize alike share a score (على and the name علي).
    The formula is computed by ``person_name_scores``.
    """
    return person_name_scores(pl.Series([token], dtype=pl.String)).item()


def person_name_scores(words: pl.Series) -> pl.Series:
    """``person_name_score`` of every word of a String Series (same length and order; null stays null).

    Each distinct word is put in matching view once; the counts are joined and the formula of
    ``person_name_score`` is computed over the column (the same floating-point operations).
    """
    distinct = words.drop_nulls().unique()
    # (the views of all the words at once: ``MatchingView`` maps characters with one array lookup)
    keys = MatchingView(distinct.cast(pl.String).to_list()).view.str.strip_chars().alias("key")
    t = pl.col("t").fill_null(0)
    prior = pl.when((t == 0) & pl.col("key").str.contains(_PLURAL_ADJECTIVE.pattern)).then(pl.lit(0.1)).otherwise(1.0 - 0.5 / (1.0 + t.cast(pl.Float64)))
    score = (pl.col("n_person").fill_null(0).cast(pl.Float64) + PRIOR_WEIGHT * prior) / (pl.col("n_total").fill_null(0).cast(pl.Float64) + PRIOR_WEIGHT)
    table = (
        pl.DataFrame({"word": distinct.cast(pl.String), "key": keys})
        .join(_score_counts(), on="key", how="left")
        .select("word", pl.when(pl.col("key") == "").then(pl.lit(0.0)).otherwise(score).alias("score"))
    )
    scored = words.cast(pl.String).to_frame("word").join(table, on="word", how="left", maintain_order="left")
    return scored["score"].alias(words.name)


@functools.cache
def _score_counts() -> pl.DataFrame:
    """key -> t (Wikidata pairs of the name token), n_person and n_total (ANERcorp occurrences)."""
    from .lexicon import word_stats

    tokens = known_name_tokens().select(pl.col("arabic_token").alias("key"), pl.col("total_count").cast(pl.Int64).alias("t"))
    stats = word_stats().select(
        pl.col("word").alias("key"),
        pl.col("n_person").cast(pl.Int64),
        pl.sum_horizontal("n_person", "n_location", "n_organization", "n_misc", "n_other").cast(pl.Int64).alias("n_total"),
    )
    return tokens.join(stats, on="key", how="full", coalesce=True)


# ----------------------------------------------------------------------------------------------
# Build
# ----------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.transliterate build [RAW_PAIRS_FILE]``: compile resources/name_tokens.csv."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != "build":
        print("usage: python -m analysis.transliterate build [RAW_PAIRS_FILE]", file=sys.stderr)
        return 2
    path = Path(args[1]) if len(args) > 1 else RAW_PAIRS_PATH
    try:
        pairs = read_raw_pairs(path)
    except ReferenceDataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    kept = pairs.filter(~is_held_out(pairs))
    table = build_name_tokens(kept)
    tmp = NAME_TOKENS_PATH.with_suffix(".csv.tmp")
    table.write_csv(tmp)
    tmp.replace(NAME_TOKENS_PATH)
    held = pairs.height - kept.height
    print(f"wrote {NAME_TOKENS_PATH} ({table.height} Arabic tokens; {held} held-out pairs left out)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
