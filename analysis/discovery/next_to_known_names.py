"""The words right next to a known person's mention that make it longer or somebody else's:
``first_names`` (a first name before a known surname: "أولاف شولتس", or somebody else's: "بريجيت
ماكرون"), ``family_names`` (a family name after a known patronymic name: "عبدالله بن عبدالعزيز
الربيعة"), ``misread_context_aliases`` (a context alias that is one word of another name: "جيمس كيم").
Each takes the batch's view and known mentions.
"""

from __future__ import annotations

import polars as pl

from ..arabic import MatchingView, text_before, text_between
from ..matching import position_key
from .patterns import PATRONYMIC, STRONG, STRONG_NAME, SURE_NAME, UNKNOWN
from .spelling import skeleton
from .windows import _lookup, _written_with_ya


def _with_two_words_before(persons: pl.DataFrame, *, new: bool) -> pl.DataFrame:
    """Known mentions (row, view_start, view_end, entity_id, form) grown by the two words before
    them (``_before`` then ``token``), as ``first_names`` returns them with ``new``."""
    return persons.select(
        "row",
        (pl.col("view_start") - pl.col("token").str.len_chars().cast(pl.Int64) - pl.col("_before").str.len_chars().cast(pl.Int64) - 2).alias("view_start"),
        "view_end",
        "entity_id",
        (pl.col("_before") + " " + pl.col("token") + " " + pl.col("form")).alias("form"),
        pl.lit(new).alias("new"),
    )


class NextToKnownNames:
    """First names before known surnames, family names after them, misread context aliases (a part of
    ``Discoverer``)."""

    def first_names(self, view: MatchingView, known: pl.DataFrame) -> pl.DataFrame:
        """Known person mentions by one word, right after a word that is a name (or after two words no
        source knows that follow a title or a nationality).

        Returns rows (row, view_start, view_end, entity_id, form, new): ``new`` is False when the
        first name is one of that person's (the mention grows to include it), True when it is
        somebody else's ("بريجيت ماكرون" is not Emmanuel Macron): then ``form`` names a new person.
        """
        schema = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "entity_id": pl.String, "form": pl.String, "new": pl.Boolean}
        persons = known.filter((pl.col("entity_kind") == "person") & (pl.col("prefix_len") == 0) & ~pl.col("form").str.contains(" "))
        if persons.height == 0:
            return pl.DataFrame(schema=schema)
        # the two words before the mention ("في جيب ماكرون": a first name does not follow "في")
        left_start = (persons["view_start"] - 30).clip(0)
        before = view.view.gather(persons["row"]).str.slice(left_start, persons["view_start"] - left_start)
        persons = persons.with_columns(
            before.str.extract(r"(\S+) $", 1).alias("token"),
            before.str.extract(r"(\S+) \S+ $", 1).alias("_before"),
            before.str.extract(r"(\S+) \S+ \S+ $", 1).alias("_opener"),
        ).filter(pl.col("token").is_not_null() & (pl.col("_before").is_null() | (pl.col("_before") != "في")))
        classes = self.word_classes(pl.concat([persons["token"], persons["_before"].drop_nulls()]))
        # "علي المرزوقي": the view reads the name Ali as the preposition على; where the text writes
        # its last letter as ya, it is a first name (as in ``window_tokens``)
        # (the token ends with the space before the mention: its last letter is two characters back)
        ali = (persons["token"] == "علي").to_numpy()
        written_ya = ali & _written_with_ya(view, persons["row"].to_numpy(), persons["view_start"].to_numpy() - 2)
        persons = persons.filter(pl.Series(~ali | written_ya))
        if written_ya.any():
            classes = classes.filter(pl.col("token") != "علي").vstack(pl.DataFrame({"token": ["علي"], "base_cls": ["name"], "score": [1.0]}).cast(classes.schema))
        # "الإسباني إجناثيو إبنياس" + a known surname: two words no source knows before it, right after a
        # title or a nationality, are somebody else's first names (a single one may be anything, and
        # so may two after anything else: "عارضت ترشح كيناتا", opposed the candidacy of Kenyatta)
        unknown = classes.filter((pl.col("base_cls") == "maybe_name") & (pl.col("score") < STRONG) & (pl.col("score") >= UNKNOWN)).select("token")
        opener_classes = self.word_classes(persons["_opener"].drop_nulls()).select(pl.col("token").alias("_opener"), pl.col("base_cls").alias("_opener_cls"))
        two_before = (
            persons.join(unknown, on="token", how="semi").join(unknown.rename({"token": "_before"}), on="_before", how="semi")
            .join(opener_classes, on="_opener", how="left")
            .filter(pl.col("_opener_cls").is_in(["title", "nationality"]).fill_null(False))
        )
        others = _with_two_words_before(two_before, new=True)
        previous = persons.join(classes, on="token").filter(
            pl.col("base_cls").is_in(["name", "maybe_name"]) & (pl.col("score") >= STRONG) & ~pl.col("token").is_in(self.person_words["form"].implode())
        )
        if previous.height == 0:
            return others.cast(schema)
        skeletons = {t: skeleton(t) for t in pl.concat([previous["token"], previous["_before"].drop_nulls()]).unique().to_list()}
        previous = previous.with_columns(
            pl.col("token").replace_strict(skeletons, return_dtype=pl.String).alias("skeleton"),
            pl.col("_before").replace_strict(skeletons, default=None, return_dtype=pl.String).alias("_before_skeleton"),
        )
        same = previous.join(self.known_first_names, on=["entity_id", "skeleton"], how="semi").select("row", "view_start")
        # "خالد محفوظ بحاح": the person's own first name, then the father's, before the surname (a
        # name between them is a middle name, not somebody else's first name)
        middle = previous.join(same, on=["row", "view_start"], how="anti").join(
            self.known_first_names.rename({"skeleton": "_before_skeleton"}), on=["entity_id", "_before_skeleton"], how="semi"
        )
        middle = _with_two_words_before(middle, new=False)
        previous = previous.join(middle.select("row", "view_end", "entity_id"), on=["row", "view_end", "entity_id"], how="anti")
        previous = previous.join(same.with_columns(pl.lit(True).alias("_same")), on=["row", "view_start"], how="left").with_columns(pl.col("_same").fill_null(False))
        # a new person needs a first name that is surely a name
        previous = previous.filter(pl.col("_same") | (pl.col("score") >= 0.8))
        return pl.concat([previous.select(
            "row",
            (pl.col("view_start") - pl.col("token").str.len_chars().cast(pl.Int64) - 1).alias("view_start"),
            "view_end",
            "entity_id",
            (pl.col("token") + " " + pl.col("form")).alias("form"),
            (~pl.col("_same")).alias("new"),
        ).cast(schema), middle.cast(schema), others.cast(schema)])

    def family_names(self, view: MatchingView, known: pl.DataFrame) -> pl.DataFrame:
        """Known patronymic names that a family name follows: somebody else ("عبدالله بن عبدالعزيز
        الربيعة" is not the late king "عبدالله بن عبدالعزيز"). Rows as ``first_names``, all new:
        the family name is a word with the article that reads as a name or is unknown (not a title,
        nationality, organization word, weekday or function word) and that no known mention covers.
        """
        schema = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "entity_id": pl.String, "form": pl.String, "new": pl.Boolean}
        persons = known.filter((pl.col("entity_kind") == "person") & pl.col("form").str.contains(r"(?:^| )بن \S+$"))
        if persons.height == 0:
            return pl.DataFrame(schema=schema)
        after = text_between(view.view, persons["row"], persons["view_end"], persons["view_end"] + 30)
        persons = persons.with_columns(after.str.extract(r"^ (ال\S{3,})(?: |$)", 1).alias("token")).filter(pl.col("token").is_not_null())
        covered = known.select("row", pl.col("view_start").alias("_token_start"))
        persons = persons.with_columns((pl.col("view_end") + 1).alias("_token_start")).join(covered, on=["row", "_token_start"], how="anti")
        family = persons.join(self.word_classes(persons["token"]), on="token").filter(
            pl.col("base_cls").is_in(["name", "maybe_name", "definite"]) & (pl.col("score") >= UNKNOWN)
        )
        return family.select(
            "row",
            "view_start",
            (pl.col("view_end") + 1 + pl.col("token").str.len_chars().cast(pl.Int64)).alias("view_end"),
            "entity_id",
            (pl.col("form") + " " + pl.col("token")).alias("form"),
            pl.lit(True).alias("new"),
        ).cast(schema)

    def misread_context_aliases(self, view: MatchingView, known: pl.DataFrame, known_tokens: pl.DataFrame) -> pl.DataFrame:
        """(row, view_start) of the context aliases of ``known`` that are one word of somebody
        else's name: a word known as a name, and no known mention, stands right before or after
        ("جيمس كيم", "كيم جونغ إيل", "عباس كامل" are not Kim Jong Un or Mahmoud Abbas); after an
        alias that is a given name, a word that may be a family name is enough ("صالح الحسني")."""
        short = known.filter((pl.col("strength") == "context") & ~pl.col("form").str.contains(" ", literal=True))
        if short.height == 0:
            return pl.DataFrame(schema={"row": pl.UInt32, "view_start": pl.Int64})
        start = short["view_start"] - short["prefix_len"]
        before = text_before(view.view, short["row"], start - 1, 30).str.extract(r"(?:^| )(\S+)$", 1)
        following = text_between(view.view, short["row"], short["view_end"] + 1, short["view_end"] + 30).str.extract_groups(r"^(\S+) (\S+)?")
        after, after2 = following.struct.field("1"), following.struct.field("2")
        words = pl.concat([before, after, after2]).drop_nulls()
        classes = self.word_classes(words)
        # surely a name: "جاد" (serious) or "سعيد" (happy) after "كيم" are mostly not
        sure = classes.filter((pl.col("base_cls") == "name") & (pl.col("score") >= SURE_NAME))["token"].implode()
        # ... and before it, a given name that Wikidata writes very often ("أندرو كيم": Andrew, which the
        # annotated news also uses as a word)
        given = classes.filter(pl.col("base_cls").is_in(["name", "maybe_name"]) & pl.col("token").is_in(self.common_given_names))["token"].implode()
        # ... or the given name of one written family name first, two short words of which one is
        # a name ("كيم كاي غوان"): no function word, title, word with the article or long word
        short_words = classes.filter(pl.col("base_cls").is_in(["name", "maybe_name", "common"]) & (pl.col("token").str.len_chars() <= 5))
        syllable = short_words["token"].implode()
        named = short_words.filter((pl.col("base_cls") == "name") & (pl.col("score") >= STRONG_NAME))["token"].implode()
        given_names = after.is_in(syllable) & after2.is_in(syllable) & (after.is_in(named) | after2.is_in(named))
        # ... and the neighbouring word starts no known mention ("التقى كيم بايدن": two known people)
        before_known = _lookup(known_tokens, position_key(short["row"], start - 1 - before.str.len_chars().cast(pl.Int64)), ["_key"])["_key"].is_not_null()
        after_known = _lookup(known_tokens, position_key(short["row"], short["view_end"] + 1), ["_key"])["_key"].is_not_null()
        after2_known = _lookup(known_tokens, position_key(short["row"], short["view_end"] + 2 + after.str.len_chars().cast(pl.Int64)), ["_key"])["_key"].is_not_null()
        # ... and after an alias that is itself a given name ("صالح"), any word that may be a
        # family name: a name, a word with the article that may be one ("صالح الحسني") or "بن"
        # (not after a family name written first: "كيم جونغ غاك" is read as a Korean name is)
        family = classes.filter(
            (pl.col("base_cls").is_in(["name", "maybe_name"]) & (pl.col("score") >= STRONG))
            | ((pl.col("base_cls") == "definite") & (pl.col("score") >= UNKNOWN))
            | pl.col("token").is_in(PATRONYMIC)
        )["token"].implode()
        first_name = short["form"].is_in(self.given_names) & ~short["entity_id"].is_in(self.family_name_first) & after.is_in(family).fill_null(False)
        misread = ((before.is_in(sure) | before.is_in(given)).fill_null(False) & ~before_known) | (
            (after.is_in(sure).fill_null(False) | (given_names.fill_null(False) & ~after2_known) | first_name) & ~after_known
        )
        return short.filter(misread).select("row", "view_start")
