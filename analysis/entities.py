"""Entity mentions: reference-data matching, discovery, and linking within an article.

``EntityFinder.find(view, batch)`` returns, for one batch of documents, the mention rows
(row, start, end, entity_id, entity_kind, method; character offsets into the original text) and
the actors it discovered. Steps:

1. every alias of the reference data, with its proclitics, is matched as whole words in the
   matching view (``NameMatcher``), overlaps resolved leftmost-longest;
2. an alias listed as ``context_aliases_ar`` (an ambiguous short form) is kept only in an article
   that also names the same entity by a full alias;
3. people and organizations that are not in the reference data are discovered from the way news
   introduces them (``analysis.discovery``), and their later mentions by surname are linked to
   them within the same article;
4. a place named in guillemets as a news outlet ("لـ«الشرق الأوسط»") is that outlet or nothing,
   and a place in a university's name is nothing (``_institution_places``).
"""

from __future__ import annotations

import functools

import numpy as np
import polars as pl

from .arabic import MatchingView, text_before, text_between
from .discovery import NAMED_AFTER_GAP, Discoverer, english_org_name, slug
from .dates import anchor_forms
from .events import event_cues
from .matching import NameMatcher, position_key, resolve_overlaps
from .transliterate import regional_spelling
from .reference import BuiltPerReference, Reference, country_names, country_place_ids, demonym_names, view_form
from .titled_names import FULL_NAME_AFTER, titled_aliases
from .agency_names import state_agency_aliases

__all__ = ["EntityFinder", "actors_table", "places_table", "state_actors", "delegation_actors", "stand_in_actors", "STATE_PREFIX", "DELEGATION_ROLE"]

MENTION_COLUMNS = ["row", "start", "end", "entity_id", "entity_kind", "method"]


# (in the matching view) those who stand for a person, right before "ل" + the person's name:
# representatives, loyalists, supporters, allies ("ممثلين لصالح"، "القوات الموالية لهادي")
_STANDING_FOR = (
    r"(?:^|\s)(?:و|ف)?(?:ال)?(?:ممثل|ممثلين|ممثلي|ممثلو|ممثلون|موال|موالي|موالين|موالون|مواليه|انصار|حلفاء|مؤيدين|مؤيدون|مؤيدي)\s+$"
)


def _to_original(view: MatchingView, found: pl.DataFrame) -> pl.DataFrame:
    rows = found["row"].to_numpy()
    return found.with_columns(
        pl.Series("start", view.to_original(rows, found["view_start"].to_numpy())),
        pl.Series("end", view.to_original(rows, found["view_end"].to_numpy(), end=True)),
    )


# the word of a newspaper, channel or agency before its name ("صحيفة «الرياض»")
_OUTLET_WORDS = "صحيفة|جريدة|مجلة|قناة|شبكة|وكالة أنباء|وكالة"
# a name in guillemets right after "لـ" (told to it) or the word of an outlet: "قال لـ«الشرق الأوسط»"
_QUOTED_OUTLET_BEFORE = rf"(?:^|[\s(])(?:و|ف)?(?:لـ|ل|(?:ب|ل|لل|ال)?(?:{_OUTLET_WORDS})\s*)\s*«$"


# the word for a university before a place in its name: "جامعة واشنطن"
_UNIVERSITY_BEFORE = r"(?:^|\s)(?:و|ف)?(?:ب|ل|لل|ال)?جامع[ةه]\s+$"


def outlet_names(reference: Reference) -> pl.DataFrame:
    """(form, actor_id): the names of the news outlets of the reference data without the word of
    their kind, in matching view ("صحيفة الشرق الأوسط" -> "الشرق الاوسط")."""
    head = "|".join(view_form(word) for word in _OUTLET_WORDS.split("|"))
    aliases = reference.aliases.filter((pl.col("entity_kind") == "organization") & pl.col("form").str.contains(rf"^(?:{head})\s"))
    short = aliases.select(pl.col("form").str.replace(rf"^(?:{head})\s+", ""), pl.col("entity_id").alias("actor_id"))
    return short.unique().sort("form", "actor_id").unique("form", keep="first", maintain_order=True)


def _institution_places(texts: pl.Series, mentions: pl.DataFrame, outlets: pl.DataFrame) -> pl.DataFrame:
    """Mentions of places named in guillemets as a news outlet ("قالت مصادر لـ«الشرق الأوسط»",
    "صحيفة «الرياض»") become mentions of that outlet where the reference data names one so
    (``outlet_names``), else they are dropped: a newspaper is no place; nor is a university.
    ``mentions``: MENTION_COLUMNS rows in original offsets of ``texts``."""
    places = mentions.filter(pl.col("entity_kind") == "place")
    if places.height == 0:
        return mentions
    # (and a place in the name of a university is none either: "جامعة بيونغ يانغ للعلوم والتكنولوجيا")
    before = text_before(texts, places["row"], places["start"], 24)
    mentions = mentions.join(places.filter(before.str.contains(_UNIVERSITY_BEFORE)).select("row", "start"), on=["row", "start"], how="anti")
    closed = texts.gather(places["row"]).str.slice(places["end"], 1) == "»"
    quoted = places.filter(closed & before.str.contains(_QUOTED_OUTLET_BEFORE))
    if quoted.height == 0:
        return mentions
    written = texts.gather(quoted["row"]).str.slice(quoted["start"], quoted["end"] - quoted["start"]).map_elements(view_form, return_dtype=pl.String)
    named = quoted.with_columns(written.alias("form")).join(outlets, on="form", how="left")
    kept = mentions.join(quoted.select("row", "start"), on=["row", "start"], how="anti")
    outlet_mentions = named.filter(pl.col("actor_id").is_not_null()).select(
        "row", "start", "end", pl.col("actor_id").alias("entity_id"), pl.lit("organization").alias("entity_kind"), "method"
    )
    return pl.concat([kept, outlet_mentions]).sort("row", "start")


def _outside_place_phrases(candidates: pl.DataFrame, phrases: pl.DataFrame) -> pl.DataFrame:
    """``candidates`` without the places that lie inside one of ``phrases`` (both in view
    coordinates): "مسقط" in "مسقط رأسه" (his birthplace) is no Muscat."""
    if phrases.height == 0:
        return candidates
    places = candidates.with_row_index("_i").filter(pl.col("entity_kind") == "place")
    inside = places.join(phrases.select("row", pl.col("view_start").alias("_ps"), pl.col("view_end").alias("_pe")), on="row").filter(
        (pl.col("view_start") - pl.col("prefix_len") >= pl.col("_ps")) & (pl.col("view_end") <= pl.col("_pe"))
    )
    if inside.height == 0:
        return candidates
    keep = np.ones(candidates.height, dtype=bool)
    keep[inside["_i"].to_numpy()] = False
    return candidates.filter(pl.Series(keep))


NAMED_AFTER_REACH = 16  # view characters from a building's word to the person it is named after


def _named_after(view: MatchingView, found: pl.DataFrame, hints: pl.DataFrame) -> pl.DataFrame:
    """(row, view_start) of the people of ``found`` named as what a building or a prize is named
    after ("اجتماعات ببرج خليفة", "مطار الملك خالد"): right after a word of ``hints`` with the role
    "facility" in the construct state (not "في الملعب محمد", somebody in the stadium, nor "القاعدة
    أسامة", al-Qaeda's), maybe with a royal title between."""
    schema = {"row": found["row"].dtype, "view_start": pl.Int64}
    facilities = hints.filter(pl.col("role") == "facility")
    people = found.filter(pl.col("entity_kind") == "person").select("row", "view_start").sort("row", "view_start")
    if facilities.height == 0 or people.height == 0:
        return pl.DataFrame(schema=schema)
    # (the words are matched without the article: "الملعب" is no hit)
    facilities = facilities.select(pl.col("row").cast(schema["row"]), pl.col("view_end").alias("_f_end")).sort("row", "_f_end")
    near = people.join_asof(facilities, left_on="view_start", right_on="_f_end", by="row", strategy="backward", check_sortedness=False).filter(
        (pl.col("view_start") - pl.col("_f_end")) <= NAMED_AFTER_REACH
    )
    gap = text_between(view.view, near["row"], near["_f_end"], near["view_start"])
    return near.filter(gap.str.contains(NAMED_AFTER_GAP)).select("row", "view_start").cast(schema)


class EntityFinder(BuiltPerReference):
    """Finds the mentions of a batch; build one per reference data with ``for_reference``."""

    def __init__(self, reference: Reference):
        self.reference = reference
        self.discoverer = Discoverer(reference)
        self.outlets = outlet_names(reference)
        self.titled = titled_aliases(reference)
        # the place forms that a given name holds after proclitics ("كلاوس": ك + "لاوس"), read as names
        places = set(reference.aliases.filter(pl.col("entity_kind") == "place")["form"].to_list())
        given = self.discoverer.given_names.explode().to_list()
        self.given_name_places = sorted(
            {name[n:] for name in given for n in range(1, 4) if all(c in "وفبلك" for c in name[:n]) and name[n:] in places}
        )

    def _forms(self, *, events: bool) -> pl.DataFrame:
        parts = [
            self.reference.aliases.select("form", "entity_id", "entity_kind", pl.col("strength").alias("role"), pl.lit(True).alias("clitics")),
            # "الملك سلمان": a monarch by royal title and given name (``known`` keeps the name)
            self.titled.select("form", "entity_id", "entity_kind", pl.lit("titled").alias("role"), pl.lit(True).alias("clitics")),
            # "الوكالة الرسمية في كوريا الشمالية": a state news agency by description
            state_agency_aliases(self.reference).select("form", "entity_id", "entity_kind", pl.lit("full").alias("role"), pl.lit(True).alias("clitics")),
            self.discoverer.hint_forms().select(
                "form", pl.lit(None, pl.String).alias("entity_id"), pl.lit(None, pl.String).alias("entity_kind"), "role",
                # names and their first words take no proclitics; titles and heads do (والرئيس)
                pl.col("role").is_in(["title", "org_head", "facility"]).alias("clitics"),
            ),
        ]
        if events:
            # the words of meetings and speech (analysis.events) ride along in the same pass
            parts.append(event_cues().select("form", pl.lit(None, pl.String).alias("entity_id"), pl.lit(None, pl.String).alias("entity_kind"), "role", pl.lit(True).alias("clitics")))
        # ... the phrases inside which no place is read ("مسقط رأسه"), found anywhere ("بمسقط رأسه")
        parts.append(
            self.reference.place_phrases.select(
                "form", pl.lit(None, pl.String).alias("entity_id"), pl.lit(None, pl.String).alias("entity_kind"),
                pl.lit("place_phrase").alias("role"), pl.lit(None, pl.Boolean).alias("clitics"),
            )
        )
        # ... and the anchors of date expressions, found anywhere (``analysis.dates.extract_dates``)
        parts.append(
            pl.DataFrame({"form": anchor_forms()}).select(
                "form", pl.lit(None, pl.String).alias("entity_id"), pl.lit(None, pl.String).alias("entity_kind"),
                pl.lit("date_anchor").alias("role"), pl.lit(None, pl.Boolean).alias("clitics"),
            )
        )
        return pl.concat(parts)

    @functools.cached_property
    def matcher(self) -> NameMatcher:
        """One Aho-Corasick pass finds the reference names, the words discovery starts from and
        the words of meetings and speech."""
        return NameMatcher(self._forms(events=True))

    @functools.cached_property
    def names_matcher(self) -> NameMatcher:
        """``matcher`` without the words of meetings and speech: for the corpus tables alone."""
        return NameMatcher(self._forms(events=False))

    def candidates(self, view: MatchingView, *, events: bool = True) -> tuple[pl.DataFrame, pl.DataFrame]:
        """(reference-data candidates, discovery hits and, with ``events``, the words of meetings
        and speech) of the batch, in view coordinates."""
        found = (self.matcher if events else self.names_matcher).find(view)
        is_reference = pl.col("role").is_in(["full", "context", "titled"])
        return _outside_place_phrases(found.filter(is_reference), found.filter(pl.col("role") == "place_phrase")), found.filter(~is_reference)

    def known(self, view: MatchingView, candidates: pl.DataFrame | None = None, present: pl.DataFrame | None = None) -> pl.DataFrame:
        """Reference-data mentions of the batch in view coordinates (row, view_start, view_end, entity...).

        Context aliases (short, ambiguous forms that several entities may share) count only in an
        article where a full alias of the same entity is itself a resolved mention, or where
        ``present`` (row, entity_id) says the entity is named otherwise.
        """
        if candidates is None:
            candidates, _ = self.candidates(view)
        columns = ["row", "view_start", "view_end", "entity_id", "entity_kind", "strength", "prefix_len", "form"]
        candidates = self._titled_as_names(view, candidates.rename({"role": "strength"}))
        if candidates.height == 0:
            return candidates.select(columns)
        # "كلامي" (verbal) is not ك + a surname: one-word person names take no ك ("like")
        rows, starts, prefix_len = (candidates[c].to_numpy() for c in ("row", "view_start", "prefix_len"))
        like = np.zeros(candidates.height, dtype=bool)
        for back in range(1, int(prefix_len.max()) + 1):
            like |= (prefix_len >= back) & (view.chars_at(rows, starts - back) == ord("ك"))
        like = pl.Series(like) & (candidates["entity_kind"] == "person") & ~candidates["form"].str.contains(" ")
        candidates = candidates.filter(~like.fill_null(False))
        # "لصالح" ("in favour of") is not ل + "صالح": a one-word context alias of a person read with a
        # proclitic is no name where the whole word is a common word of the annotated news
        clitic = candidates.filter(
            (pl.col("prefix_len") > 0) & (pl.col("strength") == "context") & (pl.col("entity_kind") == "person") & ~pl.col("form").str.contains(" ", literal=True)
        )
        if clitic.height:
            words = text_between(view.view, clitic["row"], clitic["view_start"] - clitic["prefix_len"], clitic["view_end"])
            # ... but it is the name after those who stand for its holder: "إن ممثلين لصالح يجرون محادثات"
            standing_for = text_before(view.view, clitic["row"], clitic["view_start"] - clitic["prefix_len"], 16).str.contains(_STANDING_FOR)
            common = clitic.filter(words.is_in(self.discoverer.common["form"].implode()) & ~standing_for)
            candidates = candidates.join(common.select("row", "view_start", "prefix_len", "entity_id"), on=["row", "view_start", "prefix_len", "entity_id"], how="anti")
        # "كلاوس شواب" is not ك + "لاوس" (Laos): a place read with a proclitic is none where the whole word is a given name
        clitic = candidates.filter((pl.col("prefix_len") > 0) & (pl.col("entity_kind") == "place") & pl.col("form").is_in(self.given_name_places))
        if clitic.height:
            words = text_between(view.view, clitic["row"], clitic["view_start"] - clitic["prefix_len"], clitic["view_end"])
            given = clitic.filter(words.is_in(self.discoverer.given_names))
            candidates = candidates.join(given.select("row", "view_start", "prefix_len", "entity_id"), on=["row", "view_start", "prefix_len", "entity_id"], how="anti")
        # equal spans: a name that begins with a clitic letter (واشنطن) beats a clitic reading of it
        full = resolve_overlaps(candidates.filter(pl.col("strength") == "full"), priority=["prefix_len"])
        context = candidates.filter(pl.col("strength") == "context")
        in_context = pl.col("row").is_in(context["row"].unique().implode())
        named = full.filter(in_context).select("row", "entity_id")
        if present is not None:
            named = pl.concat([named, present.select(pl.col("row").cast(named["row"].dtype), "entity_id")])
        # an organization inside a longer name the article leaves unresolved is not that name's:
        # "مجلس الأمن القومي" (a country's council, no country said) is not "مجلس الأمن" (the UN's)
        unresolved = context.join(named, on=["row", "entity_id"], how="anti").filter(pl.col("entity_kind") == "organization")
        if unresolved.height:
            inner = full.filter(pl.col("entity_kind") == "organization").join(
                unresolved.select("row", pl.col("view_start").alias("_s"), pl.col("view_end").alias("_e"), pl.col("entity_id").alias("_id")), on="row"
            ).filter(
                (pl.col("view_start") >= pl.col("_s")) & (pl.col("view_end") <= pl.col("_e"))
                & ((pl.col("view_end") - pl.col("view_start")) < (pl.col("_e") - pl.col("_s"))) & (pl.col("entity_id") != pl.col("_id"))
            )
            full = full.join(inner.select("row", "view_start", "entity_id").unique(), on=["row", "view_start", "entity_id"], how="anti")
        context = context.join(named, on=["row", "entity_id"], how="semi")
        if context.height == 0:
            return full.select(columns)
        # overlaps are settled again only in the articles that have context aliases
        in_context = pl.col("row").is_in(context["row"].unique().implode())
        resolved = pl.concat(
            [
                full.filter(~in_context),
                resolve_overlaps(pl.concat([full.filter(in_context), context]), priority=["strength", "prefix_len", "entity_id"]),
            ]
        ).select(columns).rechunk()
        return resolved[np.argsort(position_key(resolved["row"], resolved["view_start"]).to_numpy(), kind="stable")]

    def _titled_as_names(self, view: MatchingView, candidates: pl.DataFrame) -> pl.DataFrame:
        """``candidates`` (strength column) where each monarch named by royal title and given name
        (strength ``titled``: "الملك سلمان") is a full mention of the given name alone, and dropped
        where a patronymic or an ordinal follows (``FULL_NAME_AFTER``: "الشيخ حمد بن جاسم")."""
        titled = candidates.filter(pl.col("strength") == "titled")
        if titled.height == 0:
            return candidates
        after = text_between(view.view, titled["row"], titled["view_end"], titled["view_end"] + 8)
        titled = titled.filter(~after.str.contains(FULL_NAME_AFTER)).join(self.titled.select("form", "entity_id", "title_len"), on=["form", "entity_id"])
        titled = titled.with_columns(
            # (counted from the end: "للملك" writes the royal word a letter short)
            (pl.col("view_end") - (pl.col("form").str.len_chars() - pl.col("title_len") - 1)).alias("view_start"), pl.lit(0, candidates["prefix_len"].dtype).alias("prefix_len"), pl.lit("full").alias("strength")
        ).drop("title_len")
        return pl.concat([candidates.filter(pl.col("strength") != "titled"), titled.select(candidates.columns)])

    def find(self, view: MatchingView, batch: pl.DataFrame, *, events: bool = True) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
        """Mentions (row, start, end, entity_id, entity_kind, method), discovered actors, and the
        batch's other matches (role: titles, name words, and with ``events`` the words of meetings
        and speech) in view coordinates."""
        candidates, hints = self.candidates(view, events=events)
        known = self.known(view, candidates).with_columns(
            pl.when(pl.col("strength") == "context").then(pl.lit("context")).otherwise(pl.lit("gazetteer")).alias("method")
        )
        discovered_mentions, discovered, misread = self.discoverer.discover(view, batch, known, hints)
        known = known.join(misread, on=["row", "view_start"], how="anti")
        # a known person that discovery found under another spelling ("كية جونغ-أون") makes their
        # short names count in the article as a full name would ("كيم")
        spelled = discovered_mentions.filter(pl.col("entity_id").is_in(self.reference.actors["actor_id"].implode())).select("row", "entity_id").unique()
        if spelled.height:
            rows = candidates.filter(pl.col("row").is_in(spelled["row"].unique().implode()))
            more = self.known(view, rows, present=spelled).filter(pl.col("strength") == "context")
            more = more.join(known, on=["row", "view_start"], how="anti").join(misread, on=["row", "view_start"], how="anti")
            known = pl.concat([known, more.with_columns(pl.lit("context").alias("method"))])
        found = pl.concat(
            [known.select("row", "view_start", "view_end", "entity_id", "entity_kind", "method"), discovered_mentions],
            how="diagonal_relaxed",
        )
        # the longest mention wins; on equal spans the reference data beats a discovery, which
        # beats a later mention linked to it
        rank = pl.col("method").replace_strict({"gazetteer": 0, "context": 0, "byline": 1, "discovered": 1, "surname": 2}, default=3, return_dtype=pl.Int8)
        found = found.with_columns(pl.col("row").cast(pl.UInt32), rank.alias("_method_rank"))
        found = resolve_overlaps(found, priority=["_method_rank"]).drop("_method_rank")
        found = found.join(_named_after(view, found, hints), on=["row", "view_start"], how="anti")
        mentions = _institution_places(batch["text"], _to_original(view, found).select(MENTION_COLUMNS), self.outlets)
        if discovered.height:
            # a discovered actor's Arabic name is its first discovery as written in the text
            first = mentions.filter(pl.col("method") == "discovered").sort("row", "start").unique("entity_id", keep="first", maintain_order=True)
            written = first.with_columns(
                batch["text"].gather(first["row"]).str.slice(first["start"], first["end"] - first["start"]).alias("_written")
            ).select(pl.col("entity_id").alias("actor_id"), "_written")
            discovered = discovered.join(written, on="actor_id", how="left").with_columns(
                pl.coalesce("_written", "name_ar").alias("name_ar")
            ).drop("_written")
        return mentions, discovered, hints


ACTOR_COLUMNS = ["actor_id", "kind", "name_en", "name_ar", "country", "role", "side", "wikidata", "source"]


STATE_PREFIX = "state-"  # a state's actor_id is this + its country's place_id: "state-north-korea"


def state_actors(reference: Reference) -> pl.DataFrame:
    """Every country of the gazetteer as an actor of kind ``state`` (actor_id ``STATE_PREFIX`` +
    place_id): the party when a text names states as the sides of talks ("المباحثات بين الولايات
    المتحدة وكوريا الشمالية"). Columns as the ``actors`` table."""
    return reference.places.filter(pl.col("kind") == "country").select(
        (STATE_PREFIX + pl.col("place_id")).alias("actor_id"),
        pl.lit("state").alias("kind"),
        "name_en",
        "name_ar",
        pl.col("country").replace("", None),
        pl.lit("State").alias("role"),
        pl.lit(None, pl.String).alias("side"),
        pl.col("wikidata").replace("", None),
        pl.lit("gazetteer").alias("source"),
    )


DELEGATION_ROLE = "Delegation"


def delegation_actors(reference: Reference) -> pl.DataFrame:
    """The delegation of every country code, an organization named as discovery names "الوفد
    الأوكراني" ("Ukrainian Delegation", actor_id "ukrainian-delegation"): the party when a text
    names a country's envoys without naming them ("مبعوثون من كوريا الجنوبية"). Columns as ``actors``."""
    names = country_names(reference.places)
    demonyms = demonym_names(reference.demonyms)
    arabic = dict(country_place_ids(reference.places, "name_ar"))
    rows = []
    for code in sorted(names):
        name_en = english_org_name(DELEGATION_ROLE, [], [], code, names, demonyms)
        rows.append((slug(name_en), "organization", name_en, f"وفد {arabic[code]}", code, DELEGATION_ROLE, None, None, "gazetteer"))
    return pl.DataFrame(rows, schema=dict.fromkeys(ACTOR_COLUMNS, pl.String), orient="row")


def stand_in_actors(reference: Reference) -> pl.DataFrame:
    """The states and the delegations of every country (``state_actors``, ``delegation_actors``):
    parties that stand for a country's people where the text names none of them."""
    return pl.concat([state_actors(reference), delegation_actors(reference)])


def actors_table(reference: Reference, discovered: pl.DataFrame, mentions: pl.DataFrame, parties: pl.Series | None = None) -> pl.DataFrame:
    """The actors of the corpus: the reference actors (source gazetteer) and discovered ones that
    ``mentions`` name, the reference actors among the meeting ``parties`` (actor ids) and the states
    and delegations among them (``stand_in_actors``)."""
    mentioned = mentions.select(pl.col("entity_id").alias("actor_id")).unique()
    # (and the reference actors a meeting names by their title alone: "الأمين العام لحلف الناتو")
    named = mentioned if parties is None else pl.concat([mentioned, pl.DataFrame({"actor_id": parties.cast(pl.String)})]).unique()
    known = reference.actors.join(named, on="actor_id", how="semi")
    known = known.with_columns(pl.col(c).replace("", None) for c in ["country", "role", "side", "wikidata"]).select(ACTOR_COLUMNS)
    if discovered.height:
        # one row per actor over the batches: the first name, country and role that one gives
        found = discovered.join(mentioned, on="actor_id", how="semi").group_by("actor_id", maintain_order=True).agg(
            pl.col("kind", "name_en", "name_ar", "wikidata", "source").first(), pl.col("country", "role").drop_nulls().first()
        )
        # a person's name as news from their country spells it (Egypt: "Abdel Wahab", not "Abdulwahab")
        key = pl.concat_str("name_en", pl.lit("\x1f"), "country")
        people = found.filter((pl.col("kind") == "person") & pl.col("country").is_not_null()).select("name_en", "country").unique()
        regional = {f"{name}\x1f{country}": regional_spelling(name, country) for name, country in people.iter_rows()}
        found = found.with_columns(
            pl.when(pl.col("kind") == "person").then(key.replace_strict(regional, default=pl.col("name_en"), return_dtype=pl.String)).otherwise("name_en").alias("name_en"),
            pl.lit(None, pl.String).alias("side"),
        ).select(ACTOR_COLUMNS)
        known = pl.concat([known, found], how="diagonal_relaxed")
    if parties is not None and parties.len():
        used = pl.DataFrame({"actor_id": parties.unique()})
        states = stand_in_actors(reference).join(used, on="actor_id", how="semi").join(known, on="actor_id", how="anti")
        known = pl.concat([known, states], how="diagonal_relaxed")
    return known


def places_table(reference: Reference, mentions: pl.DataFrame, venues: pl.Series | None = None) -> pl.DataFrame:
    """The places mentioned in the corpus, from the gazetteer, and the ``venues`` of its meetings
    (place_id: the city of an organization's seat, "في البيت الأبيض", is named by no mention)."""
    mentioned = mentions.select(pl.col("entity_id").alias("place_id"))
    if venues is not None:
        mentioned = pl.concat([mentioned, venues.drop_nulls().alias("place_id").to_frame()])
    mentioned = mentioned.unique()
    return reference.places.join(mentioned, on="place_id", how="semi").with_columns(
        pl.col(c).replace("", None) for c in ["country", "wikidata"]
    )
