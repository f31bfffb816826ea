"""Monarchs named by their royal title and given name: "الملك سلمان", "الشيخ تميم", "السلطان قابوس".

Arabic news names a reigning king, emir or sultan by the title and the given name alone far more
often than in full. ``titled_aliases(reference)`` derives these forms from the reference data
(no name is listed by hand): for every person whose role is "King of", "Queen of", "Sultan of" or
"Emir of" a country, the royal word of that role before the first word of the Arabic name (two
words for "عبد ..." and "أبو ..."). A form that two people share ("الملك عبد الله": the kings of
Jordan and of Saudi Arabia) names nobody; a form that is already a full alias stays that alias.

``EntityFinder`` matches these forms in its single pass (role ``titled``) and keeps the given name
alone as the mention, unless a patronymic or an ordinal follows it ("الشيخ حمد بن جاسم", "الملك محمد
الخامس": somebody's full name).
"""

from __future__ import annotations

import polars as pl

from .reference import Reference, view_form

__all__ = ["titled_aliases", "ROYAL_TITLES", "FULL_NAME_AFTER"]

# the royal words each role is named with
# (an emir is "الشيخ": "الأمير" + a given name is as often one of the many princes of a royal family)
ROYAL_TITLES = {"King": ["الملك"], "Queen": ["الملكة"], "Sultan": ["السلطان"], "Emir": ["الشيخ"]}
# first words of a given name that need the next word ("عبد الله", "أبو بكر")
_BOUND_FIRST_WORDS = ("عبد", "أبو", "ابو")
# what makes the titled name the beginning of somebody's full name, right after it: a patronymic or
# an ordinal ("الشيخ حمد بن جاسم", "الملك محمد الخامس"), in matching view
FULL_NAME_AFTER = r"^\s+(?:بن|ابن|بنت|الاول|الاولي|الثاني|الثانيه|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر)(?:\s|$)"


def _given_name(name_ar: str) -> list[str]:
    """The given name of an Arabic full name, as written and joined ("عبد الله" and "عبدالله"), and
    without the article ("الحسين", "حسين")."""
    words = name_ar.split()
    if len(words) >= 2 and words[0] in _BOUND_FIRST_WORDS:
        return [f"{words[0]} {words[1]}", f"{words[0]}{words[1]}"]
    if words and words[0].startswith("ال") and len(words[0]) > 4:
        return [words[0], words[0][2:]]
    return words[:1]


def titled_aliases(reference: Reference) -> pl.DataFrame:
    """(form, entity_id, entity_kind, title_len) rows: the matching-view forms "royal word + given
    name" of the reference's monarchs, each naming one person; ``title_len`` is the length of the
    royal word (where the given name starts, after one space)."""
    rows = []
    for actor_id, name_ar, role in reference.actors.filter(pl.col("kind") == "person").select("actor_id", "name_ar", "role").iter_rows():
        for office, words in ROYAL_TITLES.items():
            if not any(part.strip().startswith(f"{office} of ") for part in (role or "").split(";")):
                continue
            for word in words:
                for given in _given_name(name_ar):
                    title = view_form(word)
                    rows.append((f"{title} {view_form(given)}", actor_id, "person", len(title)))
    schema = {"form": pl.String, "entity_id": pl.String, "entity_kind": pl.String, "title_len": pl.Int64}
    forms = pl.DataFrame(rows, schema=schema, orient="row").unique()
    full = reference.aliases.filter(pl.col("strength") == "full").select("form")
    return forms.filter(pl.col("entity_id").n_unique().over("form") == 1).join(full, on="form", how="anti").sort("form")
