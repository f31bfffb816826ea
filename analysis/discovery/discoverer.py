"""``Discoverer``: built once from the reference data (its lexicons: titles, nationalities, organization
words, name words, the known people's names and spellings), it gives the forms of the shared Aho-Corasick
pass (``hint_forms``) and discovers a batch's actors (``discover``: the batch's view, texts, known mentions
and hits -> discovered mentions, actors, and the known mentions that are no mention of theirs), with the
steps of its parts (``TokenReading``, ``TitledPeople``, ``NamesWithoutTitles``, ``NextToKnownNames``,
``Organizations``, ``LinkingWithinArticles``).
"""

from __future__ import annotations

import polars as pl

from ..arabic import TANWEEN, MatchingView, text_before
from ..events import event_cues
from ..lexicon import word_stats
from ..matching import position_key, resolve_overlaps
from ..reference import Reference, country_names, demonym_names, view_form
from ..transliterate import edit_distance, given_names, known_name_tokens, person_name_scores, reads_as_korean, transliterate_name
from .lexicons import _compound_nationality_forms, _nationality_forms, _with_article
from .linking import LinkingWithinArticles
from .names_without_titles import NamesWithoutTitles
from .naming import slug_expr
from .next_to_known_names import NextToKnownNames
from .organizations import Organizations
from .patterns import (
    _FACILITIES, _MEDIA_BEFORE, ACTOR_SCHEMA, COMMON_GIVEN_NAME, CONNECTORS, FAMILY_NAME_FIRST, FUNCTION_WORDS, HINT_MIN_COUNT, HINT_SCORE,
    MENTION_SCHEMA, PREPOSITIONS, STRONG, WIKIDATA_NAME_COUNT,
)
from .spelling import one_letter_off, skeleton, spelling_key
from .titled_people import TitledPeople
from .tokens import TokenReading
from .windows import _lookup, _outside

# the roles of ``events.event_cues`` that are verbs: never a word of a name
_VERB_ROLES = ["meeting_past", "meeting_present", "meeting_future", "meeting_discussion", "speech_verb", "speech_participle"]


class Discoverer(TokenReading, TitledPeople, NamesWithoutTitles, NextToKnownNames, Organizations, LinkingWithinArticles):
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
        # (and the verbs of meeting and speech, which the annotated corpus may never have seen: "مون
        # وكيم اجتمعا" names nobody "Kim Ajtama")
        verbs = event_cues().filter(pl.col("role").is_in(_VERB_ROLES) & ~pl.col("form").str.contains(" ")).select("form")
        self.common = stats.filter(
            (pl.col("n_other") >= 2) & (pl.col("n_other") > 3 * (pl.col("n_person") + 1))
        ).select(pl.col("word").alias("form")).vstack(self.lexicon.filter(pl.col("cls") != "connector").select("form")).vstack(verbs).unique()
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
    def _with_korean_family_names(view: MatchingView, newcomers: pl.DataFrame, known_tokens: pl.DataFrame) -> pl.DataFrame:
        """``newcomers`` (row, view_start, view_end, form, ...) whose name is a Korean given name alone,
        grown by the family name written right before it (maybe with a proclitic) that no known mention
        covers: "بدلا لكيم جونغ غاك", "زوج عمته جانغ سونغ ثايك", "المسالمة ري سون غوون" (the family
        name reads as a word or a preposition there, and a title's window stops before it)."""
        if newcomers.height == 0:
            return newcomers
        # the word before, or the word without its proclitic ("لكيم"): the family name where the two
        # read as a Korean name
        word = text_before(view.view, newcomers["row"], newcomers["view_start"], 12).str.extract(r"(?:^|\s)(\S+)\s$", 1)
        pairs = newcomers.select("form").with_columns(word.alias("_word")).unique().drop_nulls().iter_rows()
        family_of = {}
        for form, w in pairs:
            found = next((f for f in (w, w[1:] if w[:1] in "وفلبك" else None) if f and reads_as_korean(f"{f} {form}")), None)
            if found:
                family_of[f"{w}\x00{form}"] = found
        if not family_of:
            return newcomers
        family = (word + "\x00" + newcomers["form"]).replace_strict(family_of, default=None, return_dtype=pl.String)
        grown = newcomers.with_columns(
            family.alias("_family"), (newcomers["view_start"] - 1 - family.str.len_chars().cast(pl.Int64)).alias("_family_start")
        ).filter(pl.col("_family").is_not_null())
        covered = _lookup(known_tokens, position_key(grown["row"], grown["_family_start"]), ["_key"])["_key"].is_not_null()
        grown = grown.filter(~covered).with_columns(pl.col("_family_start").alias("view_start"), (pl.col("_family") + " " + pl.col("form")).alias("form")).drop("_family", "_family_start")
        if grown.height == 0:
            return newcomers
        return pl.concat([newcomers.join(grown.select("row", "view_end"), on=["row", "view_end"], how="anti"), grown.select(newcomers.columns)])

    @staticmethod
    def _shortened_names(newcomers: pl.DataFrame) -> pl.DataFrame:
        """``newcomers`` (row, form, view_start, entity_id, ...) where a name of two words is the first
        and last words of a longer newcomer's name in the same article, with that one's ``entity_id``:
        "الدكتور رائد بن خالد قرملي ... الدكتور رائد قرملي" is one person, named in full first."""
        words = pl.col("form").str.split(" ")
        keyed = newcomers.with_columns(words.list.first().alias("_first"), words.list.last().alias("_last"), words.list.len().alias("_n"))
        longer = keyed.filter(pl.col("_n") > 2).sort("row", "view_start").unique(["row", "_first", "_last"], keep="first", maintain_order=True)
        longer = longer.select("row", "_first", "_last", pl.col("entity_id").alias("_longer_id"))
        keyed = keyed.join(longer, on=["row", "_first", "_last"], how="left", maintain_order="left")
        return keyed.with_columns(
            pl.when(pl.col("_n") == 2).then(pl.coalesce("_longer_id", "entity_id")).otherwise("entity_id").alias("entity_id")
        ).drop("_first", "_last", "_n", "_longer_id")

    @staticmethod
    def _known_first_names(reference: Reference) -> pl.DataFrame:
        """(entity_id, skeleton) of the words before the surname in each known person's names."""
        persons = reference.aliases.filter((pl.col("entity_kind") == "person") & pl.col("form").str.contains(" "))
        rows = {(e, skeleton(w)) for e, f in persons.select("entity_id", "form").iter_rows() for w in f.split()[:-1]}
        return pl.DataFrame(sorted(rows), schema={"entity_id": pl.String, "skeleton": pl.String}, orient="row")

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
        # "وأضاف أنكيت باندا أن": a name right after a verb of speech, before what is said
        speakers = self.speaker_names(view, known_tokens, hits.filter(pl.col("role") == "speech_verb"))
        free = pl.concat([free, speakers.join(free.select("row", "view_start"), on=["row", "view_start"], how="anti")])
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
        newcomers = self._with_korean_family_names(view, newcomers, known_tokens)
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
        # ... and so is the beginning of one's name after a title or word of their country, closed by punctuation
        # ("رئيس كوريا الجنوبية مون جاي،"; not "مندوب فرنسا جان مارك دو لا سابليير", somebody else's), or
        # after a word of their country in an article that names that person otherwise ("نظيره الألماني
        # فرانك فالتر الاثنين ... شتاينماير")
        closed = view.view.gather(newcomers["row"]).str.slice(newcomers["view_end"], 2).str.contains(r"^(?:\s\s|\s?$)")
        cut_short = {
            f"{form}\x00{country}": self.known_heads[(form, country)]
            for form, country in newcomers.filter(pl.col("country").is_not_null()).select("form", "country").unique().iter_rows()
            if (form, country) in self.known_heads
        }
        head = pl.concat_str("form", "country", separator="\x00").replace_strict(cut_short, default=None, return_dtype=pl.String)
        named = known.filter(pl.col("entity_kind") == "person").select("row", pl.col("entity_id").alias("_head"), pl.lit(True).alias("_named")).unique()
        newcomers = newcomers.with_columns(head.alias("_head")).join(named, on=["row", "_head"], how="left")
        short_known = pl.when(closed | pl.col("_named").fill_null(False)).then(pl.col("_head"))
        newcomers = newcomers.with_columns(pl.col("form").replace_strict(names_en, return_dtype=pl.String).alias("name_en")).with_columns(
            pl.coalesce(pl.col("form").replace_strict(known_as, default=None, return_dtype=pl.String), short_known, slug_expr(pl.col("name_en"))).alias("entity_id")
        ).drop("_head", "_named")
        newcomers = self._shortened_names(newcomers)
        orgs = orgs.with_columns(slug_expr(pl.col("name_en")).alias("entity_id"))
        linked = self._link_within_articles(view, newcomers, self._surname_spellings(known), hits.filter(pl.col("role") == "speech_verb"))
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
