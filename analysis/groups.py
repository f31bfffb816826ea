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

Two heads of state named by a dual and their nationality adjectives ("القمة بين الرئيسين الروسي
والأميركي") are persons: the holders of that office the article names, else the holders in the
article's month (``quotes.office_holders``), else their states; two ministers so named ("وزيرا الخارجية
الأمريكي والروسي") the holders of that office; two sides ("بين الجانبين الفرنسي والتركي") the states;
two delegations ("الوفدان الروسي والأوكراني") the states' delegations.

"الوفد" alone right after a meeting word ("اجتماع الوفد بالرئيس"، "يلتقي أعضاء الوفد مع") is the
delegation the article named last before it, by name or as such a group; with none, nobody.

``GroupFinder(reference)`` holds the lexicon; ``GroupFinder.parties(texts, events, mentions,
published)`` returns rows shaped as ``meetings.state_sides._state_parties`` rows.
"""

from __future__ import annotations

import functools
import re

import polars as pl

from .arabic import TANWEEN, text_between
from .entities import STATE_PREFIX, delegation_actors
from .events import event_vocabulary
from .quotes import month_index, office_holders
from .reference import BuiltPerReference, Reference, capital_cities, country_place_ids, view_form, written_nationalities

__all__ = ["GroupFinder", "GROUP_WINDOW"]

GROUP_WINDOW = 100  # characters before and after a meeting word searched for a group

# ("مع آخرين من كوريا الشمالية": others, with the country they are from)
_OFFICIALS = "مسؤول|مسئول|دبلوماسي|ممثل|آخر"
_ENVOYS = "مبعوث|موفد|مفاوض"
# a head word in the plural (مسؤولون، مسؤولين، construct مسؤولو), with proclitics and the article
# or "وفد" before its country ("وفد كوريا الجنوبية"، "وفدا من كوريا الجنوبية")
_HEAD = re.compile(rf"(?:^|(?<=\s))(?:و|ف)?(?:ب|ل)?(?:(?:ال)?(?:(?P<officials>{_OFFICIALS})|(?P<envoys>{_ENVOYS}))(?:ون|ين|و|ي)|(?P<delegation>وفد(?:ًا|اً|ا)?))(?=\s)")
# "كبار"، "رفيعي المستوى" may stand between the head word and the nationality
_RANK = re.compile(r"(?:\s+(?:كبار|الكبار|رفيعي|رفيعو|الرفيعين|المستوى|بارزين|البارزين|آخرين))*")
_WORD = re.compile(r"\s+(\S+)")
# an adjective with the article joined by و after a country's name ("كوريا الشمالية والجنوبية")
_ELLIPTIC_ADJECTIVE = re.compile(r"\s+و(ال\S+?)(?=[\s.,،؛:!?؟]|$)")
_FROM = re.compile(r"\s+(?:(?P<from>من|عن)|في)\s+")
# ... or none, after officials in the construct: "ممثلو الولايات المتحدة" (read as "من": a capital counts)
_CONSTRUCT = re.compile(r"\s+(?P<from>)")
# the words a party may follow: the meeting word itself, or "مع"/"بين" up to two words after it
# ("التي يلتقي فيها الزعيمان": the subject after "فيها")
# (or a verb of bringing together: "اجتماع ثلاثي يضم الوفود ...")
# (or with the participation of: "واستمرت المحادثات في جنيف يومين بمشاركة ممثلين عن ...")
# (or a subject and officials or envoys with the proclitic ب: "التقى الوفد الأمريكي بالمسؤولين الروس")
_AFTER_LEAD = re.compile(
    r"\s*(?:(?:فيها|فيه)\s+)?(?:(?:\S+\s+){0,2}?(?:مع|و?بين|يضم|تضم|ضم|ضمت|يجمع|تجمع|جمع|جمعت)|(?:\S+\s+){0,4}?و?بمشاركة"
    rf"|(?:\S+\s+){{1,6}}?(?=ب(?:ال)?(?:{_OFFICIALS}|{_ENVOYS})(?:ين|ي)\s))?\s*"
)
# what may stand between a group and the meeting verb it is the subject of
_BEFORE_VERB = re.compile(r"[\s،,]*(?:(?:كانوا|قد|الذين|ممن|سوف|س)\s+)*$")
# ... and between the subject of a clause and the meeting noun it says happened during or after:
# "وبحث الرئيسان الفرنسي والأوكراني، أمس، خلال اتصال هاتفي", "وأكد وزيرا خارجية مصر وتركيا عقب
# اجتماعهما" (a few words, none that opens a clause of its own: "وقال الرئيسان إن ... في اجتماع")
_DURING = r"(?:خلال|أثناء|اثناء|عقب|في)"
_SUBJECT_THEN_NOUN = re.compile(rf"[\s،,]*(?:(?!(?:أن|إن|ان|بأن|بان|أنه|إنه|التي|الذي|الذين)[\s،,])[^\s.؛:!?؟«»\"]+[\s،,]+){{0,4}}?{_DURING}\s+$")
_HEAD_WORD = rf"(?:(?:{_OFFICIALS}|{_ENVOYS})(?:ون|ين|و|ي)|(?:^|\s)(?:و|ف)?(?:ب|ل)?وفد(?:ًا|اً|ا)?)\s"
# "الوفد" with no adjective after it, right after a meeting word ("اجتماع الوفد بالرئيس",
# "يلتقي أعضاء الوفد مع"): the delegation the article named last; not "الوفد الأوكراني" (a name of
# its own) nor "الوفد المرافق له"
_THE_DELEGATION = re.compile(r"\s*(?P<word>(?:(?:أعضاء|اعضاء|عضو|رئيس|رئيسة)\s+)?(?:و|ف)?(?:ب|ل)?(?:ال|لل)وفد)(?=[\s،,]|$)(?![\s،,]+(?!الذي|التي|الذين)(?:ال|مرافق))")
_DELEGATION_WORD = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال|لل)وفد(?:[\s،,]|$)"
# a word of the text and the spaces after it, with "فيها" after it ("التي يلتقي فيها الزعيمان"); where
# it is a verb of the meeting's trigger (maybe after و or ف), its subject follows
_VERB_WORD = re.compile(r"(?:^|(?<=\s))(?P<verb>\S+)\s+(?:(?:فيها|فيه)\s+)?")
_PUNCT = re.compile(r"[.!?؟؛:\n]")
# a year the clause states ("ففي عام 2015 عقد زعيما الصين وتايوان محادثات"): the leaders of that year
# (not a year since, before or after which: "أول قمة منذ عام 2015")
_STATED_YEAR = re.compile(r"(?:^|(?<!منذ)(?<!قبل)(?<!بعد)\s)(?:و|ف)?(?:في\s+)?(?:عام|العام|سنة)\s+([0-9٠-٩]{4})(?![0-9٠-٩])")
# "بين الرئيسين الروسي والأميركي", "قمة الزعيمين الأمريكي والكوري الشمالي": the heads of the two
# states its adjectives name (not "الأول بين رئيسين كوري شمالي وأمريكي", any two); the office
# words each dual may name (``quotes.office_holders``)
# ... and "الزعيمان الكوريان", "زعيمي الكوريتين": a dual adjective, or a construct before a word for two
# states (``events.yaml``: dual_adjectives, dual_states), names the heads of both
# ... and "بين الجانبين الفرنسي والتركي": two sides named by their adjectives are the two states (no office)
# ... "الوفدان الأمريكي والأوكراني": the two states' delegations; "وزيرا الخارجية الأمريكي والروسي": their
# ministers of that office
_LEADERS = re.compile(
    r"(?:و|ف)?(?:ب|ل)?(?:(?:ال|لل)(?P<head>رئيسين|رئيسان|زعيمين|زعيمان|قائدين|قائدان|جانبين|جانبان|طرفين|طرفان|وفدين|وفدان|وفود)"
    r"|(?P<construct>رئيسي|رئيسا|زعيمي|زعيما|قائدي|قائدا)|(?P<ministers>وزيري|وزيرا)\s+(?:ال|لل)(?P<ministry>خارجية|دفاع)"
    # (two delegations, indefinite: "محادثات بين وفدين أمريكي وأوكراني")
    r"|(?P<indefinite>وفدين|وفدان))(?=\s)"
)
# ... and the heads or ministers of two or more states in the construct before their names:
# "وزيري خارجية مصر وتركيا", "وزراء خارجية السعودية والإمارات وقطر", "رئيسي فرنسا وتركيا", "قادة مصر والأردن"
_CONSTRUCT_LEADERS = re.compile(
    r"(?:^|(?<=\s))(?:و|ف)?(?:ب|ل)?(?:(?P<ministers>وزيري|وزيرا|وزراء)\s+(?P<ministry>خارجية|دفاع)"
    r"|(?P<heads>رئيسي|رئيسا|رؤساء|زعيمي|زعيما|زعماء|قائدي|قائدا|قادة)"
    # (their delegations: "وفدا روسيا وأوكرانيا", "وفود روسيا وأوكرانيا والولايات المتحدة")
    r"|(?P<delegations>وفدي|وفدا|وفود))\s+"
)
_CONSTRUCT_LEADERS_WORD = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:(?:وزيري|وزيرا|وزراء)\s+(?:خارجية|دفاع)|رئيسي|رئيسا|رؤساء|زعيمي|زعيما|زعماء|قائدي|قائدا|قادة|وفدي|وفدا|وفود)\s"
_LEADER_OFFICES = {
    "رئيس": ["president", "leader", "king", "chairman"], "زعيم": ["leader", "president", "king", "chairman"], "قائد": ["leader", "president", "king", "chairman"],
    "جانب": [], "طرف": [], "خارجية": ["foreign minister"], "دفاع": ["defense minister"],
}
# a definite adjective right after the meeting word ("القمة الأمريكية ..."), or two indefinite ones
# ("محادثات أمريكية روسية"), maybe after a number of sides ("الثلاثية")
_SIDES_NUMBER_WORD = r"\s+(?:ال)?(?:ثنائي|ثلاثي|رباعي|خماسي)[ةه]?"
_SIDES_NUMBER = re.compile(_SIDES_NUMBER_WORD + r"(?=\s)")
_ADJECTIVE_AFTER = rf"^(?:{_SIDES_NUMBER_WORD})?(?:\s+ال\S+ي[ةه]?(?:[\s\-–]|$)|\s+\S+ي[ةه]?[\s\-–]+و?\S+ي[ةه]?(?:[\s.،,\-–]|$))"
# (sides, delegations and ministers only before their adjectives: "بين الطرفين" alone is read elsewhere)
_LEADERS_WORD = (
    r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:(?:ال|لل)(?:رئيسين|رئيسان|زعيمين|زعيمان|قائدين|قائدان)\s|(?:رئيسي|رئيسا|زعيمي|زعيما|قائدي|قائدا)\s"
    r"|(?:ال|لل)(?:جانبين|جانبان|طرفين|طرفان|وفدين|وفدان|وفود)\s+ال\S+ي[ةه]?\s+(?:و\s*)?ال|(?:وزيري|وزيرا)\s+(?:ال|لل)(?:خارجية|دفاع)\s"
    r"|(?:وفدين|وفدان)\s+\S+ي\s+و"
    # (one side by its adjective: "لإجراء محادثات مع الجانب الأمريكي")
    r"|(?:ال|لل)(?:جانب|طرف)\s+ال\S*ي\b)"
)
# one side named by its adjective is its state
_ONE_SIDE = re.compile(r"(?:و|ف)?(?:ب|ل)?(?:ال|لل)(?:جانب|طرف)(?=\s)")

_SCHEMA = {
    "event": pl.UInt32, "row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "entity_id": pl.String,
    "entity_kind": pl.String, "_e_start": pl.Int64, "_e_end": pl.Int64, "_d": pl.Int64, "_officials": pl.Boolean,
}


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")

# the same few words come back in every article: their matching view is worked out once
_view_form = functools.lru_cache(maxsize=65536)(view_form)


def _two_words_or_one(text: str, at: int) -> list[tuple[str, int]]:
    """The first two words after a space at ``text[at:]``, then the first alone: (matching view,
    where it ends), the longer first ("الكوري الشمالي" before "الكوري")."""
    first = _WORD.match(text, at)
    if not first:
        return []
    second = _WORD.match(text, first.end())
    return [(_view_form(text[first.start(1) : match.end(1)]), match.end(1)) for match in ([second] if second else []) + [first]]


def _read_joined(text: str, end: int, read, joint: str = r"\s+و(?=\S)"):
    """What ``read(text, at)`` finds in the words joined by ``joint`` (و by default) to those that end at
    ``end`` ("الروسي والأميركي"), reading the last character of the joint (the و) as a space; None
    when no joint follows."""
    more = re.match(joint, text[end:])
    if more is None:
        return None
    at = end + more.end() - 1
    return read(text[:at] + " " + text[at + 1 :], at)


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
        # the names of countries of two words by their first word and their adjective ("كوريا الجنوبية"),
        # for a second country named by its adjective alone ("كوريا الشمالية والجنوبية")
        self.two_word_countries: dict[str, str] = {}
        for names, code in reference.places.filter(pl.col("kind") == "country").select(pl.concat_str("name_ar", pl.lit("|"), pl.col("aliases_ar").fill_null("")), "country").iter_rows():
            for name in names.split("|"):
                if len(name.split()) == 2 and code in self.states:
                    self.two_word_countries.setdefault(_view_form(name), code)
        # a capital after "من" stands for its state ("مسؤولين من بيونغيانغ وسول"), not one after
        # "في" ("دبلوماسيين في موسكو" may be anyone's)
        self.capital_countries = {capital: self.place_countries[state] for capital, state in capital_cities(reference.places).iter_rows()}
        self.delegations = dict(delegation_actors(reference).select("country", "actor_id").iter_rows())
        # singular adjectives ("الروسي", "الكوري الشمالي") for the leaders' dual
        self.adjectives = dict(written_nationalities(reference.nationalities, ("",)).iter_rows())
        # ... and, with the article, masculine or feminine (the view writes ة as ه), after a meeting
        # word: "القمة الأمريكية الكورية الشمالية", "اللقاء الروسي الأوكراني"
        written = written_nationalities(reference.nationalities, ("", "ه"))
        self.side_adjectives = dict(written.filter(pl.col("form").str.starts_with("ال")).iter_rows())
        # ... and without it ("أمريكية", "ألمانية": a form the article may precede)
        self.indefinite_side_adjectives = dict(written.filter(("ال" + pl.col("form")).is_in(written["form"].implode())).iter_rows())
        # the offices of state (``quotes.office_holders``) by country: (actor_id, office, first, last)
        self.holders: dict[str, list[tuple[str, str, int, int]]] = {}
        for actor, country, office, first, last in office_holders(reference).select("actor_id", "country", "office", "first", "last").iter_rows():
            self.holders.setdefault(country, []).append((actor, office, first, last))
        # the words for two states ("الكوريتين") and the dual adjectives of both ("الكوريان"): their countries
        vocabulary = event_vocabulary()
        self.dual_states = self._two_countries(vocabulary.get("dual_states") or {})
        self.dual_adjectives = self._two_countries(vocabulary.get("dual_adjectives") or {})

    def _two_countries(self, words: dict[str, list[str]]) -> dict[str, list[str]]:
        """Each word of ``words`` (a word -> the place ids of two states) in matching view -> the two
        countries' codes."""
        return {view_form(word): [self.place_countries[p] for p in places] for word, places in words.items() if all(p in self.place_countries for p in places)}

    def _nationality(self, text: str, at: int, *, definite: bool = False) -> tuple[str, int] | None:
        """The country of the plural nationality (two words or one) at ``text[at:]``, after a
        space, and where it ends. ``definite``: a noun with the article and maybe proclitics
        ("للكوريين الشماليين"), else an adjective as written ("أميركيين"، "الأمريكيين")."""
        for form, end in _two_words_or_one(text, at):
            if definite:
                form = re.sub(r"^(?:و|ف)?(?:لل|بال)", "ال", re.sub(r"^(?:و|ف)(?=ال|لل|بال)", "", form))
                if not form.startswith("ال"):
                    continue
            country = self.nationals.get(form)
            if country:
                return country, end
        return None

    def _group(self, text: str, at: int, countries_at: dict[int, tuple[str, int]]) -> tuple[str, list[str], int] | None:
        """A group that starts at ``text[at:]``: (its kind, its countries, where it ends), or None.

        Officials or envoys with one or two nationalities ("مسؤولين أميركيين وكوريين شماليين") or
        a country after "من"/"في" ("مبعوثون في كوريا الجنوبية"), or a capital after "من", and a
        second one joined by و ("مسؤولين من بيونغيانغ وسول"; ``countries_at``: (country code, end,
        is a capital) of each country's or capital's mention by its start), or nationals alone, with the article ("الكوريين الشماليين").
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
        # ... or the construct right before the country: "ممثلو الولايات المتحدة وروسيا"
        if source is None and head.group(0).endswith(("و", "ي")) and not head.group("delegation"):
            source = _CONSTRUCT.match(text, after)
        if source and source.end() in countries_at:
            code, end, capital = countries_at[source.end()]
            if not capital or source.group("from") is not None:
                codes = [code]
                # "من بيونغيانغ وسول", "من الولايات المتحدة وبريطانيا والإمارات": more joined by و
                while (more := re.match(r"\s+و", text[end:])) and end + more.end() in countries_at:
                    code, next_end, capital = countries_at[end + more.end()]
                    if capital and source.group("from") is None:
                        break
                    codes.append(code)
                    end = next_end
                return kind, codes, end
        if head.group("delegation"):
            # "وفد كوريا الجنوبية": the country right after it, else no group ("وفد أمريكي" is a name)
            space = re.match(r"\s+", text[after:])
            if space and after + space.end() in countries_at:
                code, end, capital = countries_at[after + space.end()]
                if not capital:
                    return kind, [code], end
            return None
        found = self._nationality(text, after)
        if found is None:
            return None
        countries, end = [found[0]], found[1]
        # "... وكوريين شماليين": a second nationality joined by و
        second = _read_joined(text, end, self._nationality)
        if second:
            countries.append(second[0])
            end = second[1]
        return kind, countries, end

    def _adjective(self, text: str, at: int, forms: dict[str, str] | None = None) -> tuple[str, int] | None:
        """The country of the singular nationality adjective (two words or one) after a space at
        ``text[at:]``, and where it ends; ``forms``: its written forms (default ``adjectives``)."""
        forms = self.adjectives if forms is None else forms
        for form, end in _two_words_or_one(text, at):
            if form in forms:
                return forms[form], end
        return None

    def _adjective_sides(self, text: str, countries_at: dict[int, tuple[str, int, bool]]) -> tuple[list[str], int] | None:
        """The states named by nationality adjectives right after a meeting word (``text``: what
        follows it): two or more adjectives ("القمة الأمريكية الكورية الشمالية", "المحادثات الروسية-الأوكرانية",
        "الروسية والأوكرانية", "محادثات ثلاثية أمريكية روسية أوكرانية"), or one and "مع" a country
        ("المحادثات الأميركية مع كوريا الشمالية"; ``countries_at`` as in ``_group``): (the countries,
        where the phrase ends), else None. One adjective alone names no meeting of two ("القمة الأوروبية")."""
        # (after a number of sides: "القمة الثلاثية"; with the article or without it, all alike)
        number = _SIDES_NUMBER.match(text)
        at = number.end() if number else 0
        joint = r"\s+[-–]\s+|\s+و(?=\S)|\s+"
        codes, end = self._adjective_run(text, at, self.side_adjectives, joint) or self._adjective_run(text, at, self.indefinite_side_adjectives, joint) or ([], at)
        if len(codes) >= 2:
            return codes, end
        with_country = re.match(r"\s+مع\s+", text[end:]) if codes else None
        if with_country and end + with_country.end() in countries_at:
            code, country_end, capital = countries_at[end + with_country.end()]
            if not capital and code != codes[0]:
                return [codes[0], code], country_end
        return None

    def _adjective_run(self, text: str, at: int, forms: dict[str, str], joint: str = r"\s+و(?=\S)") -> tuple[list[str], int] | None:
        """The countries of the nationality adjectives (``forms``) at ``text[at:]`` and after it, joined
        by ``joint`` ("الأمريكية والروسية والأوكرانية"), up to one named twice: (their countries, where
        they end), or None when none is there."""
        found = self._adjective(text, at, forms)
        codes, end = [], at
        while found and found[0] not in codes:
            codes.append(found[0])
            end = found[1]
            found = _read_joined(text, end, lambda t, a: self._adjective(t, a, forms), joint)
        return (codes, end) if codes else None

    def _delegations(self, text: str, at: int) -> tuple[None, list[str], int] | None:
        """The delegations the plural "الوفود" names at ``text[at:]`` by two adjectives or more joined
        by و ("الأمريكية والروسية والأوكرانية"): (None, their countries, where they end), else None."""
        codes, end = self._adjective_run(text, at, self.side_adjectives) or ([], at)
        return (None, codes, end) if len(codes) >= 2 else None

    def _leaders(self, text: str, at: int) -> tuple[list[str] | None, list[str], int] | None:
        """The heads of two states at ``text[at:]`` ("الرئيسين الروسي والأميركي", "الزعيمان
        الكوريان", "زعيمي الكوريتين"), their ministers ("وزيرا الخارجية الأمريكي والروسي") or their
        delegations ("الوفدان الأمريكي والأوكراني"): (the office words the dual may name, in order of
        preference, or None for delegations; the two countries; where it ends)."""
        head = _LEADERS.match(text, at)
        if head is None:
            return None
        if head.group("ministers"):
            offices = _LEADER_OFFICES[head.group("ministry")]
        else:
            word = head.group("head") or head.group("construct") or head.group("indefinite")
            if word == "وفود":
                # "الوفود الأمريكية والروسية والأوكرانية": two or more, by their adjectives in the feminine
                return self._delegations(text, head.end())
            offices = None if word.startswith("وفد") else _LEADER_OFFICES[word[:-2] if head.group("head") else word[:-1]]
        both = _WORD.match(text, head.end())
        if both:
            # the dual adjective after the article's dual, the dual noun after the construct
            duals = self.dual_states if head.group("construct") else self.dual_adjectives
            form = _view_form(both.group(1))
            form = re.sub(r"^(?:و|ف)?(?:لل|بال)", "ال", form) if head.group("construct") else form
            if form in duals:
                return offices, duals[form], both.end(1)
        if head.group("construct"):
            return None
        first = self._adjective(text, head.end())
        if first is None:
            return None
        second = _read_joined(text, first[1], self._adjective)
        if second is None or second[0] == first[0]:
            return None
        return offices, [first[0], second[0]], second[1]

    def _one_side(self, text: str, at: int) -> tuple[list[str], list[str], int] | None:
        """One side named by its adjective at ``text[at:]`` ("الجانب الأمريكي"): (no office, its country,
        where it ends), or None."""
        head = _ONE_SIDE.match(text, at)
        found = self._adjective(text, head.end()) if head else None
        return ([], [found[0]], found[1]) if found else None

    def _participation(self, text: str, lead: re.Match) -> tuple[list[str], list[str], int] | None:
        """The states whose participation the words after the meeting word state by their adjectives
        (``lead``: ``_AFTER_LEAD`` matched there): "بمشاركة أمريكية", "بمشاركة أمريكية وأوروبية"
        (no office, their countries, where they end), or None."""
        if "بمشاركة" not in lead.group(0):
            return None
        found = self._adjective_run(text, lead.start() + len(lead.group(0).rstrip()), self.indefinite_side_adjectives)
        return ([], *found) if found else None

    def _construct_leaders(self, text: str, at: int, countries_at: dict[int, tuple[str, int, bool]]) -> tuple[list[str], list[str], int] | None:
        """The heads or ministers of two or more states named in the construct at ``text[at:]``
        ("وزيري خارجية مصر وتركيا", "قادة مصر والأردن والعراق"; ``countries_at``: (country code, end,
        is a capital) of each country's or capital's mention by its start: "زعيما موسكو وكييف"): (the
        office words they may name, the countries, where they end), or None."""
        head = _CONSTRUCT_LEADERS.match(text, at)
        if head is None or head.end() not in countries_at:
            return None
        code, end, _ = countries_at[head.end()]
        codes = [code]
        while (more := re.match(r"\s+و", text[end:])) and end + more.end() in countries_at:
            code, end, _ = countries_at[end + more.end()]
            codes.append(code)
        if len(codes) < 2:
            return None
        if head.group("delegations"):
            return None, codes, end
        offices = _LEADER_OFFICES[head.group("ministry")] if head.group("ministers") else _LEADER_OFFICES["رئيس"]
        return offices, codes, end

    def _elliptic_country(self, text: str, start: int, end: int) -> tuple[str, int, int] | None:
        """The country named by its adjective alone after the country of two words at ``text[start:end]``
        ("كوريا الشمالية والجنوبية": South Korea): (its code, where its adjective starts and ends), or None."""
        after = _ELLIPTIC_ADJECTIVE.match(text, end)
        words = text[start:end].split()
        if after is None or len(words) != 2:
            return None
        code = self.two_word_countries.get(_view_form(words[0] + " " + after.group(1)))
        return None if code is None else (code, after.start(1), after.end(1))

    def _leader(self, code: str, offices: list[str], article_people: set[str], months: tuple[int, int] | None) -> str | None:
        """The head of state ``code`` that a leaders' dual names: for each of ``offices`` in order
        of preference (``quotes.office_holders``, in office during ``months`` (first, last:
        ``quotes.month_index``) when they are known), the one holder the article names, else the one
        holder then; None when no office tells."""
        holders = self.holders.get(code, [])
        if months is not None:
            holders = [h for h in holders if h[2] <= months[1] and h[3] >= months[0]]
        for office in offices:
            # the office itself, or a kind of leader ("supreme leader"; not "vice president")
            held = {actor for actor, held_office, _, _ in holders if held_office == office or (office == "leader" and held_office.endswith(" leader"))}
            named = held & article_people
            if len(named) == 1:
                return named.pop()
            if months is not None and len(held) == 1:
                return held.pop()
        return None

    def parties(self, texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, published: pl.Series | None = None) -> pl.DataFrame:
        """Groups that are parties of ``events`` (event, row, sentence, start, end, verb): rows
        (event, row, sentence, start, end, entity_id, entity_kind, _e_start, _e_end, _d, _officials),
        ``_officials`` true for a state named by its officials.

        The heads of two states named by a dual and two adjectives ("القمة بين الرئيسين الروسي
        والأميركي") are persons: the ones the article names with that office, else the holders in
        the month of ``published`` (the publication date per row), else their states."""
        if events.height == 0:
            return pl.DataFrame(schema=_SCHEMA)
        lo = (events["start"] - GROUP_WINDOW).clip(0)
        windows = events.select("event", "row", "sentence", "start", "end", "verb", "trigger").with_columns(
            lo.alias("_lo"),
            text_between(texts, events["row"], lo, events["start"]).alias("_before"),
            text_between(texts, events["row"], events["end"], events["end"] + GROUP_WINDOW).alias("_after"),
            # a verb and its meeting word may have the subject between them: "عقد الزعيمان الكوريان قمة"
            pl.when(events["verb"]).then(text_between(texts, events["row"], events["start"], events["end"])).otherwise(pl.lit("")).alias("_inner"),
        )
        # only the few meeting words with a head word or a definite plural near them are read in Python
        windows = windows.filter(
            (pl.col("verb") & pl.col("_before").str.contains(_HEAD_WORD))
            | pl.col("_after").str.contains(_HEAD_WORD)
            | pl.col("_inner").str.contains(_HEAD_WORD)
            | pl.col("_after").str.contains(self._definite_plural)
            | pl.col("_after").str.contains(_DELEGATION_WORD)
            | pl.col("_after").str.contains(_LEADERS_WORD)
            | pl.col("_inner").str.contains(_LEADERS_WORD)
            | pl.col("_after").str.contains(_CONSTRUCT_LEADERS_WORD)
            | pl.col("_inner").str.contains(_CONSTRUCT_LEADERS_WORD)
            | (pl.col("verb") & pl.col("_before").str.contains(_CONSTRUCT_LEADERS_WORD))
            | (
                ~pl.col("verb") & pl.col("_before").str.contains(rf"\s{_DURING}\s+$")
                & (pl.col("_before").str.contains(_CONSTRUCT_LEADERS_WORD) | pl.col("_before").str.contains(_LEADERS_WORD))
            )
            | pl.col("_after").str.contains(_ADJECTIVE_AFTER)
            | pl.col("_after").str.contains(r"بمشاركة\s+\S+ي[ةه]")
        ).sort("row", "start")
        if windows.height == 0:
            return pl.DataFrame(schema=_SCHEMA)
        delegation_ids = set(self.delegations.values())
        months = pl.select(month_index(published.cast(pl.Date))).to_series().to_list() if published is not None else None
        named_delegations: dict[int, list[tuple[int, str]]] = {}
        for row, start, entity_id in mentions.filter(pl.col("entity_id").is_in(list(delegation_ids))).join(
            windows.select("row").unique(), on="row", how="semi"
        ).sort("row", "start").select("row", "start", "entity_id").iter_rows():
            named_delegations.setdefault(row, []).append((start, entity_id))
        country_mentions = mentions.filter(pl.col("entity_kind") == "place").join(windows.select("row").unique(), on="row", how="semi")
        countries_by_row: dict[int, dict[int, tuple[str, int]]] = {}
        for row, start, end, place_id in country_mentions.select("row", "start", "end", "entity_id").iter_rows():
            if place_id in self.place_countries:
                countries_by_row.setdefault(row, {})[start] = (self.place_countries[place_id], end, False)
                # ... and the one named by its adjective after it: "كوريا الشمالية والجنوبية"
                if (second := self._elliptic_country(texts[row], start, end)) is not None:
                    countries_by_row[row][second[1]] = (second[0], second[2], False)
            elif place_id in self.capital_countries:
                countries_by_row.setdefault(row, {})[start] = (self.capital_countries[place_id], end, True)
        # ... and the country of a delegation named with its first word: "وفدا روسيا وأوكرانيا" (the
        # text's "وفدا روسيا" is the Russian delegation's mention), at the country's name
        delegation_countries = {actor: code for code, actor in self.delegations.items()}
        named = mentions.filter(pl.col("entity_id").is_in(list(delegation_ids))).join(windows.select("row").unique(), on="row", how="semi")
        for row, start, end, entity_id, surface in named.select(
            "row", "start", "end", "entity_id", text_between(texts, named["row"], named["start"], named["end"]).alias("surface")
        ).iter_rows():
            first = re.match(r"(?:و|ف)?(?:ب|ل)?وف(?:دا|دي|ود)\s+", surface)
            if first:
                countries_by_row.setdefault(row, {})[start + first.end()] = (delegation_countries[entity_id], end, False)
        people_by_row: dict[int, set[str]] = {}
        for row, entity_id in mentions.filter(pl.col("entity_kind") == "person").join(windows.select("row").unique(), on="row", how="semi").select("row", "entity_id").iter_rows():
            people_by_row.setdefault(row, set()).add(entity_id)
        rows = []
        # the delegations found here as groups, by row: (start, actor_id)
        as_groups: dict[int, list[tuple[int, str]]] = {}
        for event, row, sentence, e_start, e_end, verb, lo, before, after, inner, trigger in windows.select(
            "event", "row", "sentence", "start", "end", "verb", "_lo", "_before", "_after", "_inner", "trigger"
        ).iter_rows():
            verbs = set(trigger.split())
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
            countries_after = {s - e_end: (c, e - e_end, k) for s, (c, e, k) in by_start.items() if e_end <= s}
            leaders = (
                self._leaders(after, lead.end()) or self._construct_leaders(after, lead.end(), countries_after) or self._one_side(after, lead.end())
                or self._participation(after, lead)
            )
            at = e_end + lead.end()
            if leaders is None and inner:
                # ... or the subject right after the verb, before its meeting word ("التي يلتقي فيها")
                for verb_word in _VERB_WORD.finditer(inner):
                    word = _view_form(verb_word.group("verb"))
                    if word in verbs or (word[:1] in "وف" and word[1:] in verbs):
                        inside = {s - e_start: (c, e - e_start, k) for s, (c, e, k) in by_start.items() if e_start <= s < e_end}
                        leaders = self._leaders(inner, verb_word.end()) or self._construct_leaders(inner, verb_word.end(), inside)
                        if leaders:
                            at = e_start + verb_word.end()
                            leaders = (leaders[0], leaders[1], leaders[2] + e_start - e_end)
                            break
            if leaders is None and verb:
                # ... or the subject right before a meeting verb: "وزيري خارجية مصر وتركيا سيعقدان اجتماعا"
                offset = {s - lo: (c, e - lo, k) for s, (c, e, k) in by_start.items() if lo <= s < e_start}
                for head in _CONSTRUCT_LEADERS.finditer(before):
                    found = self._construct_leaders(before, head.start(), offset)
                    if found and _BEFORE_VERB.match(before, found[2]):
                        at = lo + head.start()
                        leaders = (found[0], found[1], found[2] + lo - e_end)
            if leaders is None and not verb and re.search(rf"\s{_DURING}\s+$", before):
                # ... or the subject of the clause that says the meeting happened: "وبحث الرئيسان الفرنسي
                # والأوكراني خلال اتصال هاتفي" (the last such subject before it)
                offset = {s - lo: (c, e - lo, k) for s, (c, e, k) in by_start.items() if lo <= s < e_start}
                for head in (*_LEADERS.finditer(before), *_CONSTRUCT_LEADERS.finditer(before)):
                    found = self._leaders(before, head.start()) or self._construct_leaders(before, head.start(), offset)
                    if found and _SUBJECT_THEN_NOUN.fullmatch(before, found[2]) and (leaders is None or lo + head.start() > at):
                        at = lo + head.start()
                        leaders = (found[0], found[1], found[2] + lo - e_end)
            if leaders:
                offices, codes, end = leaders
                people = people_by_row.get(row, set())
                month = months[row] if months is not None else None
                during = (month, month) if month is not None else None
                stated = _STATED_YEAR.search(_PUNCT.split(before)[-1]) or _STATED_YEAR.search(after)
                if stated:
                    year = int(stated.group(1).translate(_DIGITS))
                    during = (year * 12, year * 12 + 11)
                start = at
                # (where one is no person, the others are persons only if the article names them: a
                # holder of that year with a state, "Xi Jinping" with "Taiwan", would mix a leader and a state)
                persons = [self._leader(code, offices, people, during) if offices else None for code in codes] if offices is not None else []
                if not all(persons):
                    persons = [p if p in people else None for p in persons]
                for i, code in enumerate(codes):
                    if offices is None:
                        if code in self.delegations:
                            rows.append((event, row, sentence, start, e_end + end, self.delegations[code], "organization", e_start, e_end, max(start - e_end, 0), False))
                        continue
                    person = persons[i]
                    if person:
                        rows.append((event, row, sentence, start, e_end + end, person, "person", e_start, e_end, max(start - e_end, 0), False))
                    elif code in self.states:
                        rows.append((event, row, sentence, start, e_end + end, self.states[code], "state", e_start, e_end, max(start - e_end, 0), False))
            # (a dash between two adjectives read as a space: "الفرنسية-التركية", same length)
            sides = self._adjective_sides(re.sub(r"(?<=\S)[-–](?=\S)", " ", after), countries_after)
            if sides:
                codes, end = sides
                rows += [(event, row, sentence, e_end, e_end + end, self.states[c], "state", e_start, e_end, 0, False) for c in codes if c in self.states]
            found = self._group(after, lead.end(), countries_after)
            if found:
                kind, codes, end = found
                rows += self._rows(event, row, sentence, e_end + lead.end(), e_end + end, kind, codes, e_start, e_end)
            # ... or between the verb and its meeting word, its subject: "وعقد ممثلو الولايات المتحدة وروسيا محادثات"
            if verb and inner:
                first_word = _VERB_WORD.match(inner)
                inside = {s - e_start: (c, e - e_start, k) for s, (c, e, k) in by_start.items() if e_start <= s < e_end}
                found = self._group(inner, first_word.end(), inside) if first_word and _HEAD.match(inner, first_word.end()) else None
                if found:
                    kind, codes, end = found
                    rows += self._rows(event, row, sentence, e_start + first_word.end(), e_start + end, kind, codes, e_start, e_end)
            # before a meeting verb: its subject
            if verb:
                offset = {s - lo: (c, e - lo, k) for s, (c, e, k) in by_start.items() if lo <= s < e_start}
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
