"""Discovering people and organizations that are not in the reference data.

Arabic news introduces a newcomer by a title: "كبير المفاوضين الأوكرانيين رستم أوميروف",
"رئيس صندوق الثروة السيادية الروسي كيريل ديمترييف", "المتحدث باسم الكرملين ديمتري بيسكوف",
or by apposition: "كيريل ديمترييف، رئيس صندوق ...". Organizations are named by a head word and
its complements: "وزارة الدفاع الروسية", "مجلس الأمن والدفاع القومي", "الوفد الأوكراني".

The work is vectorized over the batch:

1. titles (``titles.csv``) and organization heads (``org_terms.csv``) are found with one
   ``NameMatcher`` pass each;
2. the words after each title (and before it, for apposition) become rows of a token table;
   each token gets a class (``classify_tokens``) from joins with the lexicons (nationality
   adjectives, organization words, titles, function words) and with word statistics of
   annotated corpora (``analysis.lexicon``) and Wikidata name tokens
   (``analysis.transliterate.person_name_score``), which tell ordinary words from name words,
   also once proclitics (و ب ل س...) and pronoun suffixes are stripped;
3. per window, cumulative expressions skip the title's complements (nationality, organization,
   "باسم الكرملين", "إلى اليمن") and take the run of name words that follows;
4. a first name written before a known surname either completes that person's mention
   ("دونالد ترمب") or, when it is someone else's first name, makes a new person
   ("ميلانيا ترامب");
5. a discovered person's later mentions in the same article (full name or surname alone) are
   linked to it; the author of a byline ("كتب : دينا كمال") is a person too.

A discovered actor gets ``source = discovered``, its Arabic name as written, a Latin ``name_en``
(``analysis.transliterate``), its ``actor_id`` from that name (so that one person spelled the same
way in many articles is one actor), and, where the text gives them, a country (from the
nationality adjective or the organization of the title) and a role (the title in English).
"""

from __future__ import annotations

import re

import polars as pl

from .arabic import MatchingView
from .corpus import title_and_byline
from .lexicon import word_stats
from .matching import NameMatcher, resolve_overlaps
from .reference import Reference, view_form
from .transliterate import person_name_scores, transliterate_name

__all__ = ["Discoverer", "slug", "skeleton"]

WINDOW = 90  # view characters looked at after a title
WINDOW_BEFORE = 60  # and before it, for apposition
MAX_ZONE_TOKENS = 6  # complements between a title and the name
MAX_NAME_TOKENS = 4
STRONG = 0.6  # person_name_score of a word known as a name
UNKNOWN = 0.45  # ... of a word no source knows (0.5)

# Words that may sit between a title and the name it introduces ("المتحدث باسم الكرملين").
PREPOSITIONS = ["باسم", "لدي", "الي", "في", "لشوون", "بشوون", "عن", "مع", "بين"]
# Words inside a name ("عبد الله بن زايد", "إسماعيل ولد الشيخ أحمد", "أورسولا فون دير لاين").
CONNECTORS = ["بن", "ابن", "بنت", "ابو", "ابي", "عبد", "ولد", "ال", "دي", "دا", "فون", "فان", "دير", "دو", "لا", "لو", "سان", "بو"]
# Function words: never part of a name.
FUNCTION_WORDS = """
    الذي التي الذين اللذين اللتين اللواتي اللاتي الا اذا ان انه انها انهم اي او ام بل ثم حتي حيث حين
    عن علي في كان كانت لا لم لن ما مع من منذ هذا هذه ذلك تلك هو هي هم هما نحن انا انت قد لقد كما كل
    بعد قبل خلال عند لدي الي اليوم امس غدا لكن لكنه لكنها وقال وقالت قال قالت واضاف واضافت اضاف
    يوم ايضا فيما بينما وفق وفقا نحو ازاء تجاه دون غير سوي بعض جميع عدد اكثر اقل اول اخر
    """.split()

_SLUG = re.compile(r"[^a-z0-9]+")
_SKELETON_DROP = str.maketrans("", "", "اويءئؤه ")
_SKELETON_MERGE = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج", "ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "ذ": "ز", "ح": "ه", "ث": "س"})

EMPTY_MENTIONS = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "entity_id": pl.String, "entity_kind": pl.String, "method": pl.String}
ACTOR_SCHEMA = {"actor_id": pl.String, "kind": pl.String, "name_en": pl.String, "name_ar": pl.String, "country": pl.String, "role": pl.String, "wikidata": pl.String, "source": pl.String}


def slug(text: str) -> str:
    """Lowercase ASCII slug of an English name ("Kirill Dmitriev" -> "kirill-dmitriev")."""
    return _SLUG.sub("-", text.lower()).strip("-")


def skeleton(word: str) -> str:
    """Consonant skeleton of an Arabic name for loose comparison (سيرغي ~ سيرجي)."""
    return word.translate(_SKELETON_DROP).translate(_SKELETON_MERGE)


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
        stems = [base, base + "ه", base + "ون", base + "ين", base + "ان", base + "تان", base + "تين", base + "ات"]
        stems += [view_form(p) for p in (plurals or "").split("|") if p.strip()]
        for stem in stems:
            for form in (stem, "ال" + stem):
                rows.append((form, country or None, region or None))
    schema = {"form": pl.String, "country": pl.String, "region": pl.String}
    return pl.DataFrame(rows, schema=schema, orient="row").unique("form", keep="first", maintain_order=True)


def _stems(token: pl.Expr) -> list[pl.Expr]:
    """Forms of a token with proclitics, the future prefix or a pronoun suffix removed."""
    no_conj = token.str.replace(r"^(?:و|ف)(.{2,})$", "$1")
    no_prep = no_conj.str.replace(r"^(?:ب|ل|ك)(.{2,})$", "$1")
    no_article = no_prep.str.replace(r"^(?:ال|ل)(.{2,})$", "$1")
    no_future = no_conj.str.replace(r"^س([يتنا].{2,})$", "$1")
    no_suffix = no_prep.str.replace(r"^(.{2,}?)(?:هما|هم|ها|كم|نا|ه)$", "$1")
    taa = no_suffix.str.replace(r"ت$", "ه")
    verb = no_future.str.replace(r"^(.{3,}?)(?:وا|تا|ا|ت|ون|ين|ان)$", "$1")
    definite = "ال" + no_article
    return [no_conj, no_prep, no_article, definite, no_future, no_suffix, taa, verb, no_article.str.replace(r"^(.{2,}?)(?:هما|هم|ها|كم|نا|ه)$", "$1")]


class Discoverer:
    """Discovers actors in a batch given the reference data and the batch's known mentions."""

    def __init__(self, reference: Reference):
        self.reference = reference
        titles = reference.titles.with_columns(pl.col("title_ar").map_elements(view_form, return_dtype=pl.String).alias("form"))
        self.titles = titles.filter(pl.col("form") != "").unique("form", keep="first", maintain_order=True)
        self.title_matcher = NameMatcher(self.titles.select("form", "title_en", pl.col("kind").alias("title_kind")))
        terms = reference.org_terms.with_columns(pl.col("term_ar").map_elements(view_form, return_dtype=pl.String).alias("form")).filter(pl.col("form") != "")
        with_article = terms.filter(~pl.col("form").str.starts_with("ال")).with_columns(("ال" + pl.col("form")).alias("form"))
        self.org_words = pl.concat([terms, with_article]).unique("form", keep="first", maintain_order=True).select("form", "term_en", "role")
        self.org_head_matcher = NameMatcher(self.org_words.filter(pl.col("role") == "head").select("form", "term_en"))
        self.nationalities = _nationality_forms(reference.nationalities)
        title_words = sorted({w for f in self.titles["form"].to_list() for w in f.split()} - set(CONNECTORS))
        self.lexicon = pl.concat(
            [
                pl.DataFrame({"form": sorted(set(FUNCTION_WORDS)), "cls": "function"}),
                pl.DataFrame({"form": CONNECTORS, "cls": "connector"}),
                pl.DataFrame({"form": PREPOSITIONS, "cls": "preposition"}),
                self.nationalities.select("form", pl.lit("nationality").alias("cls")),
                self.org_words.select("form", pl.lit("org").alias("cls")),
                pl.DataFrame({"form": _with_article(title_words), "cls": "title"}),
            ]
        ).unique("form", keep="first", maintain_order=True)
        stats = word_stats()
        self.common = stats.filter(
            (pl.col("n_other") >= 2) & (pl.col("n_other") > 3 * (pl.col("n_person") + 1))
        ).select(pl.col("word").alias("form")).vstack(self.lexicon.filter(pl.col("cls") != "connector").select("form")).unique()
        self.known_first_names = self._known_first_names(reference)
        # one-word forms that name a known person (بوتين, كيم): never a newcomer's first name or surname
        self.person_words = reference.aliases.filter(
            (pl.col("entity_kind") == "person") & ~pl.col("form").str.contains(" ")
        ).select("form").unique()
        # several rows share an ISO code (France, Clipperton Island): the country is the one with most names
        self.countries = (
            reference.places.filter(pl.col("kind") == "country")
            .with_columns(pl.col("aliases_ar").str.count_matches(r"\|").alias("_n"))
            .sort(["country", "_n"], descending=[False, True])
            .unique("country", keep="first", maintain_order=True)
            .select("country", pl.col("name_en").alias("country_en"))
        )

    @staticmethod
    def _known_first_names(reference: Reference) -> pl.DataFrame:
        """(entity_id, skeleton) of the words before the surname in each known person's names."""
        persons = reference.aliases.filter((pl.col("entity_kind") == "person") & pl.col("form").str.contains(" "))
        rows = {(e, skeleton(w)) for e, f in persons.select("entity_id", "form").iter_rows() for w in f.split()[:-1]}
        return pl.DataFrame(sorted(rows), schema={"entity_id": pl.String, "skeleton": pl.String}, orient="row")

    # ---- tokens -------------------------------------------------------------------------

    def window_tokens(self, view: MatchingView, anchors: pl.DataFrame, *, before: bool) -> pl.DataFrame:
        """Tokens of the window after (or before) each anchor: anchor_id, row, k (0 = nearest), token, view_start, view_end.

        In the view, punctuation is a space, so two spaces in a row come out as an empty token:
        a "boundary" where the text had a comma, a parenthesis or a full stop.
        """
        if before:
            # the window ends before the space that precedes the anchor and its proclitics
            end = pl.col("view_start") - pl.col("prefix_len") - 1
            starts = (end - WINDOW_BEFORE).clip(lower_bound=0)
            windows = anchors.with_columns(starts.alias("_ws"), (end - starts).alias("_wl"))
        else:
            windows = anchors.with_columns((pl.col("view_end") + 1).alias("_ws"), pl.lit(WINDOW, pl.Int64).alias("_wl"))
        windows = windows.with_columns(
            view.view.gather(windows["row"]).str.slice(windows["_ws"], windows["_wl"]).alias("_text")
        ).select("anchor_id", "row", "_ws", pl.col("_text").str.split(" ").alias("token"))
        tokens = windows.explode("token").with_columns(
            pl.int_range(pl.len()).over("anchor_id").alias("_i"),
            pl.col("token").str.len_chars().cast(pl.Int64).alias("_n"),
        )
        tokens = tokens.with_columns(
            (pl.col("_ws") + (pl.col("_n") + 1).cum_sum().over("anchor_id") - pl.col("_n") - 1).alias("view_start"),
            pl.col("_i").max().over("anchor_id").alias("_last"),
        )
        if before:
            # the first token may be cut by the window start
            tokens = tokens.filter((pl.col("_i") > 0) | (pl.col("_ws") == 0)).with_columns((pl.col("_last") - pl.col("_i")).alias("k"))
        else:
            tokens = tokens.filter(pl.col("_i") < pl.col("_last")).rename({"_i": "k"})
        return tokens.select(
            "anchor_id", "row", "k", "token", "view_start", (pl.col("view_start") + pl.col("_n")).alias("view_end")
        ).sort("anchor_id", "k")

    def classify_tokens(self, tokens: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
        """Add ``cls`` and ``score`` to tokens.

        Classes: boundary, person (inside a known person mention; ``entity_id`` set), entity (inside
        another known mention), function, connector, preposition, nationality, org, title, common,
        definite (a word with the article that is not a known name), conj_name (و + a name: a
        second person begins), name (known as a name), maybe_name (a word no source knows).
        """
        spans = known.select(
            "row", pl.col("view_start").alias("_ks"), pl.col("view_end").alias("_ke"), pl.col("entity_kind").alias("_kind"), pl.col("entity_id").alias("_kid")
        ).sort("row", "_ks")
        # a token is in a known mention when the mention covers its last letter ("باوغندا" holds اوغندا)
        tokens = tokens.with_columns((pl.col("view_end") - 1).alias("_last_char")).sort("row", "_last_char").join_asof(
            spans, left_on="_last_char", right_on="_ks", by="row", strategy="backward", check_sortedness=False
        )
        inside = pl.col("_ke").is_not_null() & (pl.col("view_start") < pl.col("_ke")) & (pl.col("token") != "")
        bare = pl.col("token").str.replace(r"^(?:و|ف)(.{2,})$", "$1")
        tokens = tokens.with_columns(bare.alias("_bare"))
        tokens = tokens.join(self.lexicon.rename({"cls": "_lex"}), left_on="token", right_on="form", how="left")
        tokens = tokens.join(self.lexicon.rename({"cls": "_lex_bare", "form": "_fb"}), left_on="_bare", right_on="_fb", how="left")
        stems = _stems(pl.col("token"))
        common_set = self.common["form"].implode()
        tokens = tokens.with_columns(
            person_name_scores(tokens["token"]).alias("score"),
            person_name_scores(tokens["_bare"]).alias("_bare_score"),
            pl.any_horizontal([s.is_in(common_set) for s in stems] + [pl.col("token").is_in(common_set)]).alias("_common"),
        )
        definite = pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال|كال)")
        cls = (
            pl.when(pl.col("token") == "").then(pl.lit("boundary"))
            .when(inside & (pl.col("_kind") == "person")).then(pl.lit("person"))
            .when(inside).then(pl.lit("entity"))
            .when(pl.col("token").str.contains(r"[0-9A-Za-z]|[\u064b-\u064d]")).then(pl.lit("common"))
            .when(pl.col("_lex").is_not_null()).then(pl.col("_lex"))
            .when(pl.col("_lex_bare").is_not_null() & (pl.col("_lex_bare") != "connector")).then(pl.col("_lex_bare"))
            .when(pl.col("token").str.contains(r"^(?:و|ف)") & (pl.col("score") < STRONG) & (pl.col("_bare_score") >= STRONG)).then(pl.lit("conj_name"))
            .when(pl.col("_common") & (pl.col("score") < 0.9)).then(pl.lit("common"))
            .when(definite & (pl.col("score") < 0.8)).then(pl.lit("definite"))
            .when(pl.col("score") >= STRONG).then(pl.lit("name"))
            .when((pl.col("score") >= UNKNOWN) & (pl.col("token").str.len_chars() >= 3)).then(pl.lit("maybe_name"))
            .otherwise(pl.lit("common"))
        )
        return tokens.with_columns(cls.alias("cls"), pl.when(inside).then(pl.col("_kid")).alias("entity_id")).select(
            "anchor_id", "row", "k", "token", "view_start", "view_end", "cls", "score", "entity_id"
        ).sort("anchor_id", "k")

    # ---- people after and before titles -------------------------------------------------

    @staticmethod
    def _with_zone(tokens: pl.DataFrame) -> pl.DataFrame:
        """Mark the title's complements (``_zone``): nationality, organization, "باسم الكرملين"...

        They are the tokens after the title up to the first one that is none of these.
        """
        cls = pl.col("cls")
        org_seen = (cls == "org").cum_sum().over("anchor_id") > 0
        next_cls = cls.shift(-1).over("anchor_id")
        prev_cls = cls.shift(1).over("anchor_id")
        zone_ok = (
            cls.is_in(["nationality", "org", "title", "entity"])
            | ((cls == "preposition") & next_cls.is_in(["entity", "nationality", "org", "definite"]))
            | ((cls == "boundary") & ((prev_cls == "entity") | (next_cls == "entity")))
            | ((cls == "definite") & org_seen)
        ).fill_null(False)
        return tokens.sort("anchor_id", "k").with_columns(
            zone_ok.alias("_zone_ok"), (~zone_ok).cum_sum().over("anchor_id").alias("_outside")
        ).with_columns((pl.col("_outside") == 0).alias("_zone"))

    @classmethod
    def _runs_after(cls_, tokens: pl.DataFrame) -> pl.DataFrame:
        """Name runs that follow a title's complements."""
        cls = pl.col("cls")
        tokens = cls_._with_zone(tokens)
        first = tokens.filter((pl.col("_outside") == 1) & ~pl.col("_zone_ok")).group_by("anchor_id").agg(pl.all().sort_by("k").first())
        first = first.filter(pl.col("cls").is_in(["name", "maybe_name"]) & (pl.col("k") <= MAX_ZONE_TOKENS)).select("anchor_id", pl.col("k").alias("_k0"))
        namey = cls.is_in(["name", "maybe_name", "connector"]) | _family_name()
        run = tokens.join(first, on="anchor_id").filter(pl.col("k") >= pl.col("_k0")).with_columns(
            (~namey).cum_sum().over("anchor_id").alias("_broken")
        )
        stop = run.filter(pl.col("_broken") == 1).group_by("anchor_id").agg(pl.col("cls").sort_by("k").first().alias("stop_cls"))
        return run.filter(pl.col("_broken") == 0).join(stop, on="anchor_id", how="left").drop("_outside", "_k0", "_broken", "_zone_ok", "_zone")

    @staticmethod
    def _runs_before(tokens: pl.DataFrame) -> pl.DataFrame:
        """Apposition, "NAME، TITLE": the name run right before a boundary right before the title."""
        cls = pl.col("cls")
        boundary_first = tokens.filter((pl.col("k") == 0) & (cls == "boundary")).select("anchor_id")
        namey = cls.is_in(["name", "maybe_name", "connector"]) | _family_name()
        run = tokens.join(boundary_first, on="anchor_id").filter(pl.col("k") >= 1).with_columns(
            (~namey).cum_sum().over("anchor_id").alias("_broken")
        )
        stop = run.filter(pl.col("_broken") == 1).group_by("anchor_id").agg(pl.col("cls").sort_by("k").first().alias("stop_cls"))
        return run.filter(pl.col("_broken") == 0).join(stop, on="anchor_id", how="left").drop("_broken")

    @staticmethod
    def _accept(runs: pl.DataFrame) -> pl.DataFrame:
        """Runs that look like a person's name -> (anchor_id, row, view_start, view_end, form).

        Connectors cannot start or end a name; a name has two to MAX_NAME_TOKENS words, one of
        them known as a name (a title before a single word is most often a known person's
        surname, or not a name at all); a run that a known surname follows is left to the
        first-name pass.
        """
        if runs.height == 0:
            return pl.DataFrame(schema={"anchor_id": pl.UInt32, "row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "form": pl.String})
        edge_ok = pl.col("cls") != "connector"
        runs = runs.sort("anchor_id", "view_start").with_columns(
            edge_ok.cum_sum().over("anchor_id").alias("_from_start"),
            edge_ok.reverse().cum_sum().reverse().over("anchor_id").alias("_from_end"),
        ).filter((pl.col("_from_start") > 0) & (pl.col("_from_end") > 0))
        names = runs.group_by("anchor_id").agg(
            pl.col("row").first(),
            pl.col("view_start").min(),
            pl.col("view_end").max(),
            pl.col("token").sort_by("view_start").str.join(" ").alias("form"),
            pl.len().alias("_n"),
            (pl.col("cls") == "name").sum().alias("_strong"),
            pl.col("stop_cls").first(),
            pl.col("cls").sort_by("view_start").first().alias("_first_cls"),
        )
        keep = (
            (pl.col("_n") <= MAX_NAME_TOKENS)
            & (pl.col("_strong") >= 1)
            & (pl.col("_n") >= 2)
            & (pl.col("stop_cls").is_null() | ~pl.col("stop_cls").is_in(["person", "name", "maybe_name"]))
            & (pl.col("_first_cls") != "definite")
        )
        return names.filter(keep).select("anchor_id", "row", "view_start", "view_end", "form")

    def people(self, view: MatchingView, known: pl.DataFrame) -> pl.DataFrame:
        """People introduced by a title: row, view_start, view_end, form, title_en, country."""
        titles = self.title_matcher.find(view)
        schema = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "form": pl.String, "title_en": pl.String, "country": pl.String}
        if titles.height == 0:
            return pl.DataFrame(schema=schema)
        titles = resolve_overlaps(titles).with_row_index("anchor_id")
        after = self.classify_tokens(self.window_tokens(view, titles, before=False), known)
        before = self.classify_tokens(self.window_tokens(view, titles, before=True), known)
        found = pl.concat([self._accept(self._runs_after(after)), self._accept(self._runs_before(before))])
        if found.height == 0:
            return pl.DataFrame(schema=schema)
        zone = self._with_zone(after).filter(pl.col("_zone"))
        nationality = zone.filter(pl.col("cls") == "nationality").with_columns(
            pl.col("token").str.replace(r"^(?:و|ف)?(?:ب|ل|ك)?", "").alias("_form")
        ).join(self.nationalities.select("form", "country"), left_on="_form", right_on="form").group_by("anchor_id").agg(
            pl.col("country").drop_nulls().first().alias("_nat_country")
        )
        organization = zone.filter(pl.col("cls") == "entity").join(
            self.reference.actors.select(pl.col("actor_id").alias("entity_id"), pl.col("country").alias("_org_country"), pl.col("name_en").alias("_org")),
            on="entity_id",
        ).group_by("anchor_id").agg(
            pl.col("_org_country").filter(pl.col("_org_country") != "").first(), pl.col("_org").first()
        )
        found = (
            found.join(titles.select("anchor_id", "title_en"), on="anchor_id", how="left")
            .join(nationality, on="anchor_id", how="left")
            .join(organization, on="anchor_id", how="left")
            .with_columns(pl.coalesce("_nat_country", "_org_country").alias("country"))
        )
        country_names = self._country_names()
        ends_open = pl.col("title_en").str.contains(r" (?:of|for|to|at|in)$")
        complement = pl.coalesce("_org", pl.col("country").replace_strict(country_names, default=None, return_dtype=pl.String))
        role = (
            pl.when(complement.is_null()).then(pl.col("title_en").str.replace(r" (?:of|for|to|at|in)$", ""))
            .when(ends_open).then(pl.col("title_en") + " " + complement)
            .otherwise(pl.col("title_en") + ", " + complement)
        )
        return (
            found.with_columns(role.alias("title_en"))
            .select(list(schema))
            .unique(["row", "view_start", "view_end"], keep="first", maintain_order=True)
        )

    # ---- first names before known surnames ----------------------------------------------

    def first_names(self, view: MatchingView, known: pl.DataFrame) -> pl.DataFrame:
        """Known person mentions by one word, preceded by a first name.

        Returns rows (row, view_start, view_end, entity_id, form, new): ``new`` is False when the
        first name is one of that person's (the mention grows to include it), True when it is
        somebody else's ("ميلانيا ترامب" is not Donald Trump): then ``form`` names a new person.
        """
        schema = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "entity_id": pl.String, "form": pl.String, "new": pl.Boolean}
        persons = known.filter((pl.col("entity_kind") == "person") & (pl.col("prefix_len") == 0))
        single = persons.with_columns(
            view.view.gather(persons["row"]).str.slice(persons["view_start"], persons["view_end"] - persons["view_start"]).alias("_surname")
        ).filter(~pl.col("_surname").str.contains(" "))
        if single.height == 0:
            return pl.DataFrame(schema=schema)
        anchors = single.with_row_index("anchor_id")
        tokens = self.classify_tokens(self.window_tokens(view, anchors, before=True), known)
        # "في جيب بوتين" (in Putin's pocket): a first name does not follow "في"
        after_in = tokens.filter((pl.col("k") == 1) & (pl.col("token") == "في")).select("anchor_id")
        previous = tokens.filter(pl.col("k") == 0).join(after_in, on="anchor_id", how="anti").join(anchors.select("anchor_id", pl.col("entity_id").alias("_eid"), pl.col("view_end").alias("_end"), "_surname"), on="anchor_id")
        previous = previous.filter(
            pl.col("cls").is_in(["name", "maybe_name"]) & (pl.col("score") >= STRONG) & ~pl.col("token").is_in(self.person_words["form"].implode())
        )
        if previous.height == 0:
            return pl.DataFrame(schema=schema)
        skeletons = {t: skeleton(t) for t in previous["token"].unique().to_list()}
        previous = previous.with_columns(pl.col("token").replace_strict(skeletons, return_dtype=pl.String).alias("skeleton"))
        same = previous.join(self.known_first_names, left_on=["_eid", "skeleton"], right_on=["entity_id", "skeleton"], how="semi").select("anchor_id")
        previous = previous.with_columns(pl.col("anchor_id").is_in(same["anchor_id"].implode()).alias("_same"))
        # a new person needs a first name that is surely a name
        previous = previous.filter(pl.col("_same") | (pl.col("score") >= 0.8))
        return previous.select(
            "row",
            "view_start",
            pl.col("_end").alias("view_end"),
            pl.col("_eid").alias("entity_id"),
            (pl.col("token") + " " + pl.col("_surname")).alias("form"),
            (~pl.col("_same")).alias("new"),
        )

    # ---- organizations ------------------------------------------------------------------

    def organizations(self, view: MatchingView, known: pl.DataFrame) -> pl.DataFrame:
        """Organizations named by a head word and complements: row, view_start, view_end, form, name_en, country."""
        schema = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "form": pl.String, "name_en": pl.String, "country": pl.String}
        heads = self.org_head_matcher.find(view)
        if heads.height == 0:
            return pl.DataFrame(schema=schema)
        heads = resolve_overlaps(heads).filter(pl.col("prefix_len") == 0)
        heads = _outside(heads, known).with_row_index("anchor_id")
        if heads.height == 0:
            return pl.DataFrame(schema=schema)
        tokens = self.classify_tokens(self.window_tokens(view, heads, before=False), known)
        words = self.org_words.select(pl.col("form").alias("_w"), "term_en", pl.col("role").alias("_role"))
        tokens = tokens.with_columns(
            pl.col("token").str.replace(r"^و(ال.{2,})$", "$1").alias("_w"),
            pl.col("token").str.starts_with("وال").alias("_and"),
        ).join(words, on="_w", how="left").join(
            self.nationalities.select(pl.col("form").alias("_w"), pl.col("country").alias("_nat")), on="_w", how="left"
        )
        part = (pl.col("_role") == "part").fill_null(False) | pl.col("_nat").is_not_null()
        run = tokens.with_columns((~part).cum_sum().over("anchor_id").alias("_broken")).filter(pl.col("_broken") == 0)
        if run.height == 0:
            return pl.DataFrame(schema=schema)
        orgs = run.sort("anchor_id", "k").group_by("anchor_id").agg(
            pl.col("row").first(),
            pl.col("view_end").max(),
            pl.col("token").str.join(" ").alias("_rest"),
            pl.col("term_en").alias("_terms"),
            pl.col("_and"),
            pl.col("_nat").drop_nulls().first().alias("country"),
        ).join(heads.select("anchor_id", "view_start", pl.col("form").alias("_head"), pl.col("term_en").alias("_head_en")), on="anchor_id")
        orgs = orgs.with_columns((pl.col("_head") + " " + pl.col("_rest")).alias("form"))
        names = []
        for head_en, terms, ands, country in orgs.select("_head_en", "_terms", "_and", "country").iter_rows():
            names.append(_english_org_name(head_en, terms, ands, country, self._country_names()))
        return orgs.with_columns(pl.Series("name_en", names, dtype=pl.String)).select(list(schema))

    def _country_names(self) -> dict[str, str]:
        return dict(self.countries.iter_rows())


    # ---- everything ---------------------------------------------------------------------

    def discover(self, view: MatchingView, batch: pl.DataFrame, known: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Discovered mentions (row, view_start, view_end, entity_id, entity_kind, method) and actors."""
        people = self.people(view, known)
        first = self.first_names(view, known)
        grown = first.filter(~pl.col("new")).select("row", "view_start", "view_end", "entity_id", pl.lit("person").alias("entity_kind"), pl.lit("gazetteer").alias("method"))
        newcomers = pl.concat(
            [
                people.select("row", "view_start", "view_end", "form", "title_en", "country"),
                first.filter(pl.col("new")).select("row", "view_start", "view_end", "form", pl.lit(None, pl.String).alias("title_en"), pl.lit(None, pl.String).alias("country")),
                self._bylines(view, batch),
            ]
        )
        orgs = self.organizations(view, known)
        names_en = {f: transliterate_name(f) for f in newcomers["form"].unique().to_list()}
        # "ميلانيا ترمب": the known surname keeps the known person's English spelling
        known_names = {a: (ar, en) for a, ar, en in self.reference.actors.select("actor_id", "name_ar", "name_en").iter_rows()}
        for form, known_id in first.filter(pl.col("new")).select("form", "entity_id").iter_rows():
            first_name, surname = form.split(" ", 1)
            name_ar, name_en = known_names[known_id]
            if skeleton(view_form(name_ar).split(" ")[-1]) == skeleton(surname):
                names_en[form] = transliterate_name(first_name) + " " + name_en.split(" ")[-1]
        newcomers = newcomers.with_columns(pl.col("form").replace_strict(names_en, return_dtype=pl.String).alias("name_en")).with_columns(
            pl.col("name_en").map_elements(slug, return_dtype=pl.String).alias("entity_id")
        )
        orgs = orgs.with_columns(pl.col("name_en").map_elements(slug, return_dtype=pl.String).alias("entity_id"))
        linked = self._link_within_articles(view, newcomers, known)
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
        known_ids = self.reference.actors["actor_id"].implode()
        actors = actors.filter(~pl.col("actor_id").is_in(known_ids))
        return mentions, actors.cast(ACTOR_SCHEMA)

    def _bylines(self, view: MatchingView, batch: pl.DataFrame) -> pl.DataFrame:
        """The author named by a byline in the text's first line, as a person mention."""
        schema = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "form": pl.String, "title_en": pl.String, "country": pl.String}
        authors = title_and_byline(batch["text"]).with_row_index("row").filter(pl.col("author").is_not_null())
        rows = []
        for row, author in authors.select("row", "author").iter_rows():
            form = view_form(author)
            padded = view.view[row]
            at = padded.find(" " + form + " ", 0, 200 + len(form))
            if form and at >= 0:
                rows.append((row, at + 1, at + 1 + len(form), form, "Author", None))
        return pl.DataFrame(rows, schema=schema, orient="row")

    def _link_within_articles(self, view: MatchingView, newcomers: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
        """Later mentions of discovered people in their article: the full name or the surname alone."""
        if newcomers.height == 0:
            return pl.DataFrame(schema=EMPTY_MENTIONS)
        forms = newcomers.select("row", "entity_id", "form").unique()
        surnames = forms.with_columns(pl.col("form").str.split(" ").list.last().alias("form")).filter(
            (pl.col("form").str.len_chars() >= 3)
            & ~pl.col("form").is_in(self.common["form"].implode())
            & ~pl.col("form").is_in(self.person_words["form"].implode())
        )
        wanted = pl.concat([forms, surnames]).unique(["row", "form"], keep="first")
        matcher = NameMatcher(wanted.select("form").unique())
        found = matcher.find(view)
        return found.join(wanted, on=["row", "form"]).select(
            "row", "view_start", "view_end", "entity_id", pl.lit("person").alias("entity_kind"), pl.lit("surname").alias("method")
        )


def _family_name() -> pl.Expr:
    """A word with the article that may end a name (الجبير، الحريري), not a plural (الصحافيين)."""
    return (
        (pl.col("cls") == "definite")
        & (pl.col("score") >= UNKNOWN)
        & ~pl.col("token").str.contains(r"(?:ين|ون|ات|يه)$")
        & pl.col("token").str.contains(r"^(?:ال|بال)")
    )


def _outside(anchors: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """The anchors that do not start inside a known mention."""
    spans = known.select("row", pl.col("view_start").alias("_ks"), pl.col("view_end").alias("_ke")).sort("row", "_ks")
    joined = anchors.sort("row", "view_start").join_asof(
        spans, left_on="view_start", right_on="_ks", by="row", strategy="backward", check_sortedness=False
    )
    return joined.filter(pl.col("_ke").is_null() | (pl.col("view_start") >= pl.col("_ke"))).drop("_ks", "_ke")


def _english_org_name(head_en: str, terms: list[str | None], ands: list[bool], country: str | None, countries: dict[str, str]) -> str:
    """English name of an organization from its Arabic words: complements come first, in reverse.

    Arabic "مجلس الأمن والدفاع القومي" (council, security, and-defense, national) reads in
    English "National Security and Defense Council": the words are reversed, a word joined by
    "و" stays after the one it joins, and a nationality goes in parentheses: "Defense Ministry (Russia)".
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
    name = " ".join(words)
    if country:
        name += f" ({countries.get(country, country)})"
    return name
