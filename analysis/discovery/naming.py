"""English names and ids of discovered actors: ``slug`` and ``slug_expr`` (an English name, or a column
of them -> its lowercase ASCII slug, the actor_id), ``english_org_name`` (an organization's English head
and complement words -> its English name).
"""

from __future__ import annotations

import re

import polars as pl

from ..transliterate import LATIN_SPECIAL

_SLUG = re.compile(r"[^a-z0-9]+")



def slug(text: str) -> str:
    """Lowercase ASCII slug of an English name ("Yasir Al-Rumayyan" -> "yasir-al-rumayyan", "Emine
    Erdoğan" -> "emine-erdogan": Latin diacritics folded as ``transliterate.fold_latin`` does)."""
    return pl.select(slug_expr(pl.lit(text, dtype=pl.String))).item()


def slug_expr(names: pl.Expr) -> pl.Expr:
    """``slug`` of each name of a column."""
    special = {letter: latin for letter, latin in ((chr(k), v) for k, v in LATIN_SPECIAL.items()) if latin.isalpha()}
    folded = names.str.normalize("NFKD").str.replace_all(r"\p{M}|[ʿʾʻʹ]", "").str.to_lowercase().str.replace_many(special)
    return folded.str.replace_all(_SLUG.pattern, "-").str.strip_chars("-")



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
