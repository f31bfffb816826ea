"""Groups of officials, envoys or nationals named as the sides of a meeting.

"إن مسؤولين أميركيين وكوريين شماليين اجتمعوا في بانمونجوم" names nobody, but it says which
countries sat at the table; so do "محادثات مع المسؤولين الأمريكيين", "مبعوثون من كوريا الجنوبية،
كانوا قد اجتمعوا مع ...", "وكان وفد كوريا الجنوبية قد أجرى محادثات مع ..." and "سافر إلى سنغافورة
للقاء الكوريين الشماليين". Officials and diplomats
stand for their state (``state-<place_id>``); envoys, negotiators, "وفد" + a country and "the
North Koreans" for their country's delegation (``entities.delegation_actors``).

A group is a party only where a named party would be: right after the meeting word (its object,
"للقاء الكوريين"), after "مع"/"بين" that follows it, or just before a meeting verb as its subject
("مسؤولين ... اجتمعوا"). These parties exist for meetings only: "قال مسؤولون أميركيون" stays an
anonymous source of a quotation, and no group is a mention.

"الوفد" alone right after a meeting word ("اجتماع الوفد بالرئيس"، "يلتقي أعضاء الوفد مع") is the
delegation the article named last before it, by name or as such a group; with none, nobody.

``GroupFinder(reference)`` holds the lexicon; ``GroupFinder.parties(texts, events, mentions)``
returns rows shaped as ``meetings._state_parties`` rows.
"""

from __future__ import annotations

import functools
import re

import polars as pl

from .arabic import TANWEEN, text_between
from .entities import STATE_PREFIX, delegation_actors
from .reference import BuiltPerReference, Reference, country_place_ids, view_form, written_nationalities

__all__ = ["GroupFinder", "GROUP_WINDOW"]

GROUP_WINDOW = 100  # characters before and after a meeting word searched for a group

_OFFICIALS = "مسؤول|مسئول|دبلوماسي|ممثل"
_ENVOYS = "مبعوث|موفد|مفاوض"
# a head word in the plural (مسؤولون، مسؤولين، construct مسؤولو), with proclitics and the article
# or "وفد" before its country ("وفد كوريا الجنوبية"، "وفدا من كوريا الجنوبية")
_HEAD = re.compile(rf"(?:^|(?<=\s))(?:و|ف)?(?:ب|ل)?(?:(?:ال)?(?:(?P<officials>{_OFFICIALS})|(?P<envoys>{_ENVOYS}))(?:ون|ين|و)|(?P<delegation>وفد(?:ًا|اً|ا)?))(?=\s)")
# "كبار"، "رفيعي المستوى" may stand between the head word and the nationality
_RANK = re.compile(r"(?:\s+(?:كبار|الكبار|رفيعي|رفيعو|الرفيعين|المستوى|بارزين|البارزين|آخرين))*")
_WORD = re.compile(r"\s+(\S+)")
_FROM = re.compile(r"\s+(?:من|في)\s+")
# the words a party may follow: the meeting word itself, or "مع"/"بين" up to two words after it
_AFTER_LEAD = re.compile(r"\s*(?:(?:\S+\s+){0,2}?(?:مع|و?بين))?\s*")
# what may stand between a group and the meeting verb it is the subject of
_BEFORE_VERB = re.compile(r"[\s،,]*(?:(?:كانوا|قد|الذين|ممن|سوف|س)\s+)*$")
_HEAD_WORD = rf"(?:(?:{_OFFICIALS}|{_ENVOYS})(?:ون|ين|و)|(?:^|\s)(?:و|ف)?(?:ب|ل)?وفد(?:ًا|اً|ا)?)\s"
# "الوفد" with no adjective after it, right after a meeting word ("اجتماع الوفد بالرئيس",
# "يلتقي أعضاء الوفد مع"): the delegation the article named last; not "الوفد الأوكراني" (a name of
# its own) nor "الوفد المرافق له"
_THE_DELEGATION = re.compile(r"\s*(?P<word>(?:(?:أعضاء|اعضاء|عضو|رئيس|رئيسة)\s+)?(?:و|ف)?(?:ب|ل)?(?:ال|لل)وفد)(?=[\s،,]|$)(?![\s،,]+(?!الذي|التي|الذين)(?:ال|مرافق))")
_DELEGATION_WORD = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال|لل)وفد(?:[\s،,]|$)"
_PUNCT = re.compile(r"[.!?؟؛:\n]")

_SCHEMA = {
    "event": pl.UInt32, "row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "entity_id": pl.String,
    "entity_kind": pl.String, "_e_start": pl.Int64, "_e_end": pl.Int64, "_d": pl.Int64, "_officials": pl.Boolean,
}


# the same few words come back in every article: their matching view is worked out once
_view_form = functools.lru_cache(maxsize=65536)(view_form)


class GroupFinder(BuiltPerReference):
    """The nationality lexicon of groups (plural adjectives and nouns, one or two words) and the
    actor ids they stand for; build one per reference data with ``for_reference``."""

    def __init__(self, reference: Reference):
        plural = written_nationalities(reference.nationalities, ("ين", "ون", "يين", "يون"))
        broken = [
            (form.strip(), country)
            for plurals, country in reference.nationalities.select("plural_ar", "country").iter_rows()
            if plurals and country
            for form in plurals.split("|") if form.strip()
        ]
        # broken plurals ("أتراك"، "روس") also in the accusative: "مسؤولين فرنسيين وأتراكاً"
        irregular = [(view_form(form) + ending, country) for form, country in broken for ending in ("", "ا", "ا" + TANWEEN[0], TANWEEN[0] + "ا")]
        self.nationals: dict[str, str] = {}
        for form, country in list(plural.iter_rows()) + irregular + [("ال" + f, c) for f, c in irregular]:
            self.nationals.setdefault(form, country)
        # a cheap test for a definite plural among the first words after a meeting word
        written = "|".join(sorted({re.escape(form) for form, _ in broken}))
        self._definite_plural = r"^\s*(?:\S+\s+){0,3}?(?:و|ف)?(?:لل|بال|ال)(?:\S+(?:ين|ون)|" + written + r")(?:\s|$)"
        places = dict(country_place_ids(reference.places))
        self.states = {code: STATE_PREFIX + place_id for code, place_id in places.items()}
        self.place_countries = {place_id: code for code, place_id in places.items()}
        self.delegations = dict(delegation_actors(reference).select("country", "actor_id").iter_rows())

    def _nationality(self, text: str, at: int, *, definite: bool = False) -> tuple[str, int] | None:
        """The country of the plural nationality (two words or one) at ``text[at:]``, after a
        space, and where it ends. ``definite``: a noun with the article and maybe proclitics
        ("للكوريين الشماليين"), else an adjective as written ("أميركيين"، "الأمريكيين")."""
        first = _WORD.match(text, at)
        if not first:
            return None
        second = _WORD.match(text, first.end())
        for match in ([second] if second else []) + [first]:
            form = _view_form(text[first.start(1) : match.end(1)])
            if definite:
                form = re.sub(r"^(?:و|ف)?(?:لل|بال)", "ال", re.sub(r"^(?:و|ف)(?=ال|لل|بال)", "", form))
                if not form.startswith("ال"):
                    continue
            country = self.nationals.get(form)
            if country:
                return country, match.end(1)
        return None

    def _group(self, text: str, at: int, countries_at: dict[int, tuple[str, int]]) -> tuple[str, list[str], int] | None:
        """A group that starts at ``text[at:]``: (its kind, its countries, where it ends), or None.

        Officials or envoys with one or two nationalities ("مسؤولين أميركيين وكوريين شماليين") or
        a country after "من"/"في" ("مبعوثون في كوريا الجنوبية"; ``countries_at``: (country code,
        end) of each country's mention by its start), or nationals alone, with the article ("الكوريين الشماليين").
        """
        head = _HEAD.match(text, at)
        if head is None:
            found = self._nationality(" " + text[at:], 0, definite=True)
            if found is None:
                return None
            return "envoys", [found[0]], at + found[1] - 1
        kind = "officials" if head.group("officials") else "envoys"
        rank = _RANK.match(text, head.end())
        after = rank.end()
        source = _FROM.match(text, after)
        if source and source.end() in countries_at:
            code, end = countries_at[source.end()]
            return kind, [code], end
        if head.group("delegation"):
            # "وفد كوريا الجنوبية": the country right after it, else no group ("وفد أمريكي" is a name)
            space = re.match(r"\s+", text[after:])
            if space and after + space.end() in countries_at:
                code, end = countries_at[after + space.end()]
                return kind, [code], end
            return None
        found = self._nationality(text, after)
        if found is None:
            return None
        countries, end = [found[0]], found[1]
        # "... وكوريين شماليين": a second nationality joined by و
        more = re.match(r"\s+و(?=\S)", text[end:])
        if more:
            # read the words after the و as if a space stood in its place
            at = end + more.end() - 1
            second = self._nationality(text[:at] + " " + text[at + 1 :], at)
            if second:
                countries.append(second[0])
                end = second[1]
        return kind, countries, end

    def parties(self, texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
        """Groups that are parties of ``events`` (event, row, sentence, start, end, verb): rows
        (event, row, sentence, start, end, entity_id, entity_kind, _e_start, _e_end, _d, _officials),
        ``_officials`` true for a state named by its officials."""
        if events.height == 0:
            return pl.DataFrame(schema=_SCHEMA)
        lo = (events["start"] - GROUP_WINDOW).clip(0)
        windows = events.select("event", "row", "sentence", "start", "end", "verb").with_columns(
            lo.alias("_lo"),
            text_between(texts, events["row"], lo, events["start"]).alias("_before"),
            text_between(texts, events["row"], events["end"], events["end"] + GROUP_WINDOW).alias("_after"),
        )
        # only the few meeting words with a head word or a definite plural near them are read in Python
        windows = windows.filter(
            (pl.col("verb") & pl.col("_before").str.contains(_HEAD_WORD))
            | pl.col("_after").str.contains(_HEAD_WORD)
            | pl.col("_after").str.contains(self._definite_plural)
            | pl.col("_after").str.contains(_DELEGATION_WORD)
        ).sort("row", "start")
        if windows.height == 0:
            return pl.DataFrame(schema=_SCHEMA)
        delegation_ids = set(self.delegations.values())
        named_delegations: dict[int, list[tuple[int, str]]] = {}
        for row, start, entity_id in mentions.filter(pl.col("entity_id").is_in(list(delegation_ids))).join(
            windows.select("row").unique(), on="row", how="semi"
        ).sort("row", "start").select("row", "start", "entity_id").iter_rows():
            named_delegations.setdefault(row, []).append((start, entity_id))
        country_mentions = mentions.filter(pl.col("entity_kind") == "place").join(windows.select("row").unique(), on="row", how="semi")
        countries_by_row: dict[int, dict[int, tuple[str, int]]] = {}
        for row, start, end, place_id in country_mentions.select("row", "start", "end", "entity_id").iter_rows():
            if place_id in self.place_countries:
                countries_by_row.setdefault(row, {})[start] = (self.place_countries[place_id], end)
        rows = []
        # the delegations found here as groups, by row: (start, actor_id)
        as_groups: dict[int, list[tuple[int, str]]] = {}
        for event, row, sentence, e_start, e_end, verb, lo, before, after in windows.select(
            "event", "row", "sentence", "start", "end", "verb", "_lo", "_before", "_after"
        ).iter_rows():
            by_start = countries_by_row.get(row, {})
            after = _PUNCT.split(after, 1)[0]
            # "اجتماع الوفد": the delegation named last before it (by name or as a group)
            anaphor = _THE_DELEGATION.match(after)
            if anaphor:
                earlier = [(at, d) for at, d in named_delegations.get(row, []) + as_groups.get(row, []) if at < e_start]
                if earlier:
                    start = e_end + anaphor.start("word")
                    rows.append((event, row, sentence, start, e_end + anaphor.end(), max(earlier)[1], "organization", e_start, e_end, start - e_end, False))
            found_before = len(rows)
            # after the meeting word: its object, or after "مع"/"بين"
            lead = _AFTER_LEAD.match(after)
            found = self._group(after, lead.end(), {s - e_end: (c, e - e_end) for s, (c, e) in by_start.items() if e_end <= s})
            if found:
                kind, codes, end = found
                rows += self._rows(event, row, sentence, e_end + lead.end(), e_end + end, kind, codes, e_start, e_end)
            # before a meeting verb: its subject
            if verb:
                offset = {s - lo: (c, e - lo) for s, (c, e) in by_start.items() if lo <= s < e_start}
                for head in _HEAD.finditer(before):
                    found = self._group(before, head.start(), offset)
                    if found and _BEFORE_VERB.match(before, found[2]):
                        kind, codes, end = found
                        rows += self._rows(event, row, sentence, lo + head.start(), lo + end, kind, codes, e_start, e_end)
            as_groups.setdefault(row, []).extend((r[3], r[5]) for r in rows[found_before:] if r[5] in delegation_ids)
        return pl.DataFrame(rows, schema=_SCHEMA, orient="row")

    def _rows(self, event, row, sentence, start, end, kind, codes, e_start, e_end) -> list[tuple]:
        ids = self.states if kind == "officials" else self.delegations
        entity_kind = "state" if kind == "officials" else "organization"
        officials = kind == "officials"
        return [(event, row, sentence, start, end, ids[c], entity_kind, e_start, e_end, abs(start - e_end), officials) for c in codes if c in ids]
