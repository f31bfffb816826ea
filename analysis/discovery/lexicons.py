"""Word forms that ``Discoverer`` builds its lexicons from: ``_with_article`` (forms -> with and
without the article), ``_nationality_forms`` and ``_compound_nationality_forms`` (the nationalities of
the reference data -> every written form of their adjectives, of one word or two), ``_stems`` (a word ->
its forms without proclitics or suffixes, looked up among common words by ``word_classes``).
"""

from __future__ import annotations

import polars as pl

from ..reference import NATIONALITY_ENDINGS, view_form, written_nationalities

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
