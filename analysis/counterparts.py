"""People named as somebody's counterpart: "سيجتمع الرئيس الأمريكي مع نظيره الروسي".

"نظيره الروسي" is whoever holds, in Russia, the office that the person named before it holds in
their own country: the president of Russia for the American president, the Russian foreign
minister for the American secretary of state. The offices come from the roles of the reference
persons (``quotes.office_holders``), the country from the nationality adjective after the word.
"""

from __future__ import annotations

import functools
import re

import polars as pl

from .arabic import text_before, text_between
from .dates import written_day_words
from .events import event_vocabulary
from .quotes import month_index
from .reference import Reference, view_form, written_nationalities

__all__ = ["counterpart_references", "bloc_counterparts", "HOLDER_REACH"]

HOLDER_REACH = 200  # characters back from "نظيره" to the person whose counterpart it names
NAMED_AFTER = 3  # "نظيره الكيني أوهورو كيناتا": a name this close after the adjective is the counterpart's own

_SCHEMA = {"row": pl.UInt32, "sentence": pl.Int32, "start": pl.Int64, "end": pl.Int64, "entity_id": pl.String, "entity_kind": pl.String, "method": pl.String}


def _adjectives(texts: pl.Series, words: pl.DataFrame, nationalities: pl.DataFrame) -> pl.DataFrame:
    """(the rows of ``words`` with) ``_country`` and ``_adj_end``: the nationality adjective of one or
    two words right after each counterpart word ("الروسي", "الكوري الشمالي")."""
    after = text_between(texts, words["row"], words["end"], words["end"] + 40)
    two = after.str.extract(r"^(\s+\S+\s+\S+)", 1)
    one = after.str.extract(r"^(\s+\S+)", 1)
    forms = dict(nationalities.iter_rows())
    # each distinct piece of text is read once
    countries = {p: forms.get(view_form(p.strip().rstrip("،,.:؛"))) for p in set(two.drop_nulls()) | set(one.drop_nulls())}
    found = words.with_columns(
        two.replace_strict(countries, default=None, return_dtype=pl.String).alias("_two"),
        one.replace_strict(countries, default=None, return_dtype=pl.String).alias("_one"),
        two.str.len_chars().cast(pl.Int64).alias("_two_len"), one.str.len_chars().cast(pl.Int64).alias("_one_len"),
    )
    return found.with_columns(
        pl.coalesce("_two", "_one").alias("_country"),
        (pl.col("end") + pl.when(pl.col("_two").is_not_null()).then(pl.col("_two_len")).otherwise(pl.col("_one_len"))).alias("_adj_end"),
    ).filter(pl.col("_country").is_not_null()).drop("_two", "_one", "_two_len", "_one_len")


def _title_offices(texts: pl.Series, persons: pl.DataFrame, reference: Reference, offices: pl.DataFrame) -> pl.DataFrame:
    """(row, _p_end, _holder, _own, office, first, last) of the people named by a title alone
    (``persons`` rows with method "title") that is an office of state ("الرئيس" -> president);
    their own country and years unknown (null)."""
    if "method" not in persons.columns:
        return pl.DataFrame(schema={"row": pl.UInt32, "_p_end": pl.Int64, "_holder": pl.String, "_own": pl.String, "office": pl.String, "first": pl.Int64, "last": pl.Int64})
    titled = persons.filter(pl.col("method") == "title")
    words = {view_form(t): e.lower() for t, e in reference.titles.select("title_ar", "title_en").iter_rows()}
    known = set(offices["office"].to_list())
    words = {form: office for form, office in words.items() if office in known}
    written = text_between(texts, titled["row"], titled["start"], titled["end"])
    # each distinct title as written is read once, without its proclitics ("والرئيس")
    offices_of = {w: words.get(re.sub(r"^(?:و|ف)?(?:ب|ل)?(?=ال)", "", view_form(w))) for w in written.drop_nulls().unique().to_list()}
    return titled.select("row", pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_holder")).with_columns(
        written.replace_strict(offices_of, default=None, return_dtype=pl.String).alias("office"),
        pl.lit(None, pl.String).alias("_own"), pl.lit(None, pl.Int64).alias("first"), pl.lit(None, pl.Int64).alias("last"),
    ).filter(pl.col("office").is_not_null())


# how far a meeting verb may stand before the counterpart that is its object, its subject between
# ("استقبل الرئيس الفرنسي إيمانويل ماكرون، اليوم، نظيره")
OBJECT_REACH = 120
@functools.cache
def _holder_to_object() -> str:
    """Nothing but a comma or a day (``dates.written_day_words``) between a holder and its counterpart
    word; after a holder named by a title, its adjectives ("وزير الخارجية [الأمريكي] نظيره")."""
    return rf"^(?:\s+ال\S+){{0,2}}[\s،,]*(?:(?:{written_day_words()})[\s،,]+)?$"


@functools.cache
def _adjuncts_to_object() -> str:
    """Up to six words of place and time, no full stop, relative or complementizer, between a meeting
    verb and its object."""
    return rf"^(?:[\s،,]+(?:في|ب\S*|وقت|سابق|لاحق|{written_day_words()}|\S*ال\S+)){{0,6}}[\s،,]+$"


def _objects_of_their_holders(texts: pl.Series, words: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """``words`` (counterpart words with their holder's ``_p_start``) without the bare ones
    (``_bare``: no "مع" nor proclitic) that are not the object of a meeting verb whose subject is
    the holder: the verb (meeting_past/present/future) lies before the holder in its sentence, at
    most ``OBJECT_REACH`` characters before the word, and only a comma or a day stands between the
    holder and the word; or the holder stands right before the verb ("قد" between) and a few words
    of place and time between the verb and the word (``_adjuncts_to_object``)."""
    bare = words.filter(pl.col("_bare"))
    if bare.height == 0:
        return words
    verbs = cues.filter(pl.col("role").is_in(["meeting_past", "meeting_present", "meeting_future"])).select(
        "row", "sentence", pl.col("start").alias("_v_start"), pl.col("end").alias("_v_end")
    ).sort("row", "_v_end")
    after_verb = bare.sort("row", "_p_start").join_asof(verbs, left_on="_p_start", right_on="_v_end", by=["row", "sentence"], strategy="backward", check_sortedness=False)
    after_verb = after_verb.filter(pl.col("_v_end").is_not_null() & ((pl.col("start") - pl.col("_v_end")) <= OBJECT_REACH))
    # ... and nothing but a comma or a day between the holder and the word ("التقى ماكرون وزير
    # الخارجية الأمريكي الذي انتقد نظيره الروسي": the minister's counterpart, not Macron's)
    after_holder = text_between(texts, after_verb["row"], after_verb["_p_end"], after_verb["start"])
    after_verb = after_verb.filter(after_holder.str.contains(_holder_to_object()))
    # ... or the holder right before the verb, and a few words of place and time between it and the
    # word: "وكان الجبير قد التقى في وقت سابق اليوم نظيره الأمريكي"
    before_verb = bare.join(verbs, on=["row", "sentence"]).filter((pl.col("_v_start") >= pl.col("_p_end")) & (pl.col("_v_end") <= pl.col("start")))
    to_verb = text_between(texts, before_verb["row"], before_verb["_p_end"], before_verb["_v_start"])
    to_word = text_between(texts, before_verb["row"], before_verb["_v_end"], before_verb["start"])
    # ... or farther before a verb that goes on with the same subject: "ووصل الرئيس الأوكراني إلى واشنطن
    # حيث يلتقي نظيره الأمريكي"
    going_on = to_verb.str.contains(r"^[^.؛:]*\s(?:حيث|ثم)\s+(?:س|سوف\s+)?$") & to_word.str.contains(r"^\s+$")
    before_verb = before_verb.filter((to_verb.str.contains(r"^\s+(?:قد\s+)?(?:و|ف)?$") & to_word.str.contains(_adjuncts_to_object())) | going_on)
    # ... or the object of a verbal noun of meeting: "ويعتزم الوزير لقاء نظيره الروسي", "توجه إلى موسكو
    # للقاء نظيره"
    of_noun = bare.filter(text_before(texts, bare["row"], bare["start"], 14).str.contains(r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:لقاء|مقابلة|استقبال)\s+$"))
    found = pl.concat([after_verb.drop("_v_start", "_v_end"), before_verb.drop("_v_start", "_v_end"), of_noun]).unique(["row", "start"], keep="first")
    return pl.concat([words.filter(~pl.col("_bare")), found.select(words.columns)])


def counterpart_references(
    texts: pl.Series, cues: pl.DataFrame, mentions: pl.DataFrame, reference: Reference, published: pl.Series, offices: pl.DataFrame
) -> pl.DataFrame:
    """Mention rows (row, sentence, start, end, entity_id, entity_kind = person, method = counterpart)
    spanning "نظيره الروسي" and naming the counterpart, where it is one person.

    ``cues``: the batch's cues (role "counterpart"); ``mentions``: its person mentions, with the
    people named by a title; ``published``: the publication date per row; ``offices``: the offices
    of state of the reference persons (``quotes.office_holders``). The person before the word (within
    ``HOLDER_REACH`` characters) must hold an office in the article's month (any year when it has no
    date); of those who held it in the adjective's country that month, the one the article names,
    else the only one. Only one somebody meets counts: after "مع" or with the proclitic "ب" or "و"
    ("مع نظيره", "بنظيره", "ونظيره"; not "إلى نظيره"), or the object of a meeting verb right after its
    subject ("التقى ماكرون نظيره الروسي", ``_objects_of_their_holders``). A counterpart named right after
    ("نظيره الكيني أوهورو كيناتا") is left to that name.
    """
    words = cues.filter(pl.col("role") == "counterpart")
    # with whom somebody meets: "مع نظيره", "بنظيره", "ونظيره" (not "إلى نظيره", "حيال نظيره"), or
    # the object of a meeting verb whose subject is its holder ("التقى ماكرون نظيره الروسي", ``_bare``)
    lead = text_before(texts, words["row"], words["start"] - words["prefix_len"], 5)
    prefix = text_between(texts, words["row"], words["start"] - words["prefix_len"], words["start"])
    met = lead.str.contains(r"(?:^|\s)مع\s+$") | prefix.str.contains(r"^(?:و|ف)?ب?$") & (prefix != "")
    words = words.with_columns((~met & (prefix == "")).alias("_bare")).filter(met | pl.col("_bare")).select("row", "sentence", "start", "end", "_bare")
    persons = mentions.filter(pl.col("entity_kind") == "person")
    if words.height == 0 or persons.height == 0:
        return pl.DataFrame(schema=_SCHEMA)
    words = _adjectives(texts, words, written_nationalities(reference.nationalities))
    if words.height == 0:
        return pl.DataFrame(schema=_SCHEMA)
    people = persons.select("row", pl.col("start").alias("_p_start"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_holder")).sort("row", "_p_end")
    # not one named right after it
    named = words.sort("row", "_adj_end").join_asof(
        people.sort("row", "_p_start"), left_on="_adj_end", right_on="_p_start", by="row", strategy="forward", check_sortedness=False
    ).filter((pl.col("_p_start") - pl.col("_adj_end")) <= NAMED_AFTER).select("row", "start")
    words = words.join(named, on=["row", "start"], how="anti")
    # the person before it
    words = words.sort("row", "start").join_asof(
        people, left_on="start", right_on="_p_end", by="row", strategy="backward", check_sortedness=False
    ).filter(pl.col("_holder").is_not_null() & ((pl.col("start") - pl.col("_p_end")) <= HOLDER_REACH))
    words = _objects_of_their_holders(texts, words, cues).drop("_p_start", "_bare")
    months = pl.DataFrame({"row": pl.arange(0, published.len(), eager=True).cast(pl.UInt32), "_date": published.cast(pl.Date)}).select("row", month_index(pl.col("_date")))
    words = words.join(months, on="row", how="left")
    in_month = pl.col("_month").is_null() | ((pl.col("_month") >= pl.col("first")) & (pl.col("_month") <= pl.col("last")))
    held = words.join(offices.select(pl.col("actor_id").alias("_holder"), pl.col("country").alias("_own"), "office", "first", "last"), on="_holder").filter(in_month)
    # ... or, for somebody of no known office, the office of the title that names them: "الرئيس
    # الرواندي يجتمع بنظيره الفرنسي" (the president of France)
    by_title = _title_offices(texts, persons, reference, offices).join(words, on=["row", "_p_end"]).join(held.select("_holder").unique(), on="_holder", how="anti")
    held = pl.concat([held, by_title.select(held.columns)], how="vertical_relaxed")
    # ... whose office, in the other country, is the counterpart's
    others = held.filter(pl.col("_own").is_null() | (pl.col("_own") != pl.col("_country"))).drop("first", "last").join(
        offices.select(pl.col("actor_id").alias("entity_id"), pl.col("country").alias("_country"), "office", "first", "last"), on=["_country", "office"]
    ).filter(in_month)
    article = persons.select("row", "entity_id").unique().with_columns(pl.lit(True).alias("_named"))
    others = others.join(article, on=["row", "entity_id"], how="left").with_columns(pl.col("_named").fill_null(False))
    # the one the article names, else the only one
    chosen = others.filter(pl.col("_named").any().over("row", "start").not_() | pl.col("_named")).group_by("row", "sentence", "start", "_adj_end").agg(
        pl.col("entity_id").unique().alias("_ids")
    ).filter(pl.col("_ids").list.len() == 1)
    return chosen.select(
        "row", "sentence", "start", pl.col("_adj_end").alias("end"), pl.col("_ids").list.first().alias("entity_id"),
        pl.lit("person").alias("entity_kind"), pl.lit("counterpart").alias("method"),
    ).cast(_SCHEMA).sort("row", "start")


def _bloc_adjectives(reference: Reference) -> dict[str, str]:
    """The plural adjectives of the regions that ``bloc_counterparts.regions`` (events.yaml) maps to an
    organization, in matching view, with the organization's actor_id: "الخليجيين" -> "gcc"."""
    regions = event_vocabulary()["bloc_counterparts"]["regions"]
    forms = written_nationalities(reference.nationalities, ("ين", "ون"), of="region").filter(pl.col("form").str.starts_with("ال"))
    return {form: regions[region] for form, region in forms.iter_rows() if region in regions}


def bloc_counterparts(texts: pl.Series, cues: pl.DataFrame, reference: Reference) -> pl.DataFrame:
    """Mention rows (as ``counterpart_references``, entity_kind = organization) spanning "نظرائه
    الخليجيين" after "مع" or the proclitic "ب" or "و": the bloc whose members' ministers those
    counterparts are (``bloc_counterparts`` in events.yaml)."""
    words = cues.filter(pl.col("role") == "bloc_counterpart")
    if words.height == 0:
        return pl.DataFrame(schema=_SCHEMA)
    lead = text_before(texts, words["row"], words["start"] - words["prefix_len"], 5)
    prefix = text_between(texts, words["row"], words["start"] - words["prefix_len"], words["start"])
    words = words.filter(lead.str.contains(r"(?:^|\s)مع\s+$") | prefix.str.contains(r"^(?:و|ف)?ب?$") & (prefix != ""))
    following = text_between(texts, words["row"], words["end"], words["end"] + 20).str.extract(r"^(\s+[^\s.,،؛:]+)", 1)
    blocs = _bloc_adjectives(reference)
    # each distinct piece of text is read once
    organizations = {p: blocs.get(view_form(p.strip())) for p in set(following.drop_nulls())}
    found = words.with_columns(
        following.replace_strict(organizations, default=None, return_dtype=pl.String).alias("entity_id"),
        (pl.col("end") + following.str.len_chars().cast(pl.Int64)).alias("end"),
    ).filter(pl.col("entity_id").is_not_null())
    return found.select(
        "row", "sentence", "start", "end", "entity_id", pl.lit("organization").alias("entity_kind"), pl.lit("counterpart").alias("method")
    ).cast(_SCHEMA).sort("row", "start")
