"""Later mentions within an article: ``_surname_spellings`` (known mentions -> the known people named in
full whose surname the article spells its own way, or that no alias lists), ``_link_within_articles``
(the batch's view, newcomers and those spellings -> ``MENTION_SCHEMA`` rows of their later mentions by
full name or surname).
"""

from __future__ import annotations

import polars as pl

from ..arabic import MatchingView
from ..matching import NameMatcher
from ..transliterate import JOINED_ENDINGS, reads_as_korean
from .patterns import FAMILY_NAME_FIRST, MENTION_SCHEMA, PATRONYMIC
from .spelling import spelling_key


class LinkingWithinArticles:
    """Later mentions of people within their article (a part of ``Discoverer``)."""

    def _surname_spellings(self, known: pl.DataFrame) -> pl.DataFrame:
        """(row, entity_id, form, view_start) of the known people named in full with a surname
        spelled unlike any alias of theirs but a spelling of one: "جون بولتن" is a listed spelling of
        a person whose surname alone is listed as "بولتون", so the article's later "بولتن" is theirs
        (``_link_within_articles``). ``form`` is the full name as the article spells it."""
        full = known.filter((pl.col("entity_kind") == "person") & pl.col("form").str.contains(" ", literal=True))
        words = pl.col("form").str.split(" ")
        family_first = pl.col("entity_id").is_in(self.family_name_first)
        full = full.with_columns(pl.when(family_first).then(words.list.first()).otherwise(words.list.last()).alias("surname"))
        full = full.filter(~pl.col("surname").is_in(self.person_words["form"].implode())).with_columns(pl.col("surname").alias("key"))
        # "مسعود بارزاني ... لقاء مع بارزاني": a surname that no alias lists (several Barzanis share
        # it) is the person's too where the article names them in full, unless the name's last word
        # is a father's name after a patronymic ("محمد بن سلمان") or a given name ("... الشيخ أحمد")
        # ("... داود أوغلو": a surname's ending). Where the family name comes first, it is the
        # first word ("تشونغ يوي-يونغ ... وقال تشونغ")
        unlisted = full.filter(
            ~pl.col("key").is_in(self.person_forms)
            & (family_first | (~words.list.get(-2).is_in([*PATRONYMIC, "ولد", "عبد"]) & ~pl.col("key").is_in(self.given_names)))
            & ~pl.col("key").is_in(list(JOINED_ENDINGS))
        ).select("row", "entity_id", "form", "view_start", "surname")
        keys = {word: spelling_key(word) for word in full["key"].unique().to_list()}
        full = full.with_columns(pl.col("key").replace_strict(keys, return_dtype=pl.String))
        spelled = full.filter(~family_first).join(self.surname_keys, on=["entity_id", "key"], how="semi").select("row", "entity_id", "form", "view_start", "surname")
        return pl.concat([spelled, unlisted]).unique(maintain_order=True)

    def _link_within_articles(self, view: MatchingView, newcomers: pl.DataFrame, spelled: pl.DataFrame, speech_verbs: pl.DataFrame) -> pl.DataFrame:
        """Later mentions of discovered people in their article: the full name or the surname alone;
        and the surname alone of a known person the article spells its own way (``spelled``, rows as
        ``_surname_spellings``). ``speech_verbs``: the batch's hits of speech verbs (row, view_end),
        after which a surname that is also a common word is the speaker's.

        A surname that two newcomers of an article share goes to the one named last before it
        (the first one named, before both); a full name is always its own person's."""
        if newcomers.height == 0 and spelled.height == 0:
            return pl.DataFrame(schema=MENTION_SCHEMA)
        # the surname is the last word, or the first where the family name comes first ("تشونغ يوي-يونغ"),
        # also in a name that reads as Korean whatever country its title gave ("نظيره ... سونغ يونغ-مو")
        words = pl.col("form").str.split(" ")
        korean = [form for form in newcomers["form"].unique().to_list() if reads_as_korean(form)]
        surname = pl.when(pl.col("country").is_in(FAMILY_NAME_FIRST) | pl.col("form").is_in(korean)).then(words.list.first()).otherwise(words.list.last())
        forms = newcomers.group_by("row", "entity_id", "form").agg(pl.col("view_start").min().alias("_named_at"), surname.first().alias("surname"))
        known_forms = spelled.group_by("row", "entity_id", "form").agg(pl.col("view_start").min().alias("_named_at"), pl.col("surname").first())
        # (a surname that is also a common word, "العربي", is the person's only as the subject of a
        # speech verb: "أشرف العربي ... وقال العربي في مقابلة")
        surnames = pl.concat([forms, known_forms.cast(forms.schema)]).with_columns(pl.col("surname").alias("form"), pl.lit(1).alias("_rank")).drop("surname").filter(
            (pl.col("form").str.len_chars() >= 3) & ~pl.col("form").is_in(self.person_words["form"].implode())
        ).with_columns(pl.col("form").is_in(self.common["form"].implode()).alias("_common"))
        wanted = pl.concat([forms.drop("surname").with_columns(pl.lit(0).alias("_rank"), pl.lit(False).alias("_common")), surnames])
        # a full name wins over another newcomer's surname of the same form
        wanted = wanted.filter(pl.col("_rank") == pl.col("_rank").min().over("row", "form")).drop("_rank")
        rows = wanted["row"].unique().sort()
        subset = view.subset(rows.to_numpy())
        found = NameMatcher(wanted.select("form").unique()).find(subset)
        found = found.with_columns(rows.gather(found["row"]).alias("row"))
        candidates = found.join(wanted, on=["row", "form"]).with_columns((pl.col("_named_at") <= pl.col("view_start")).alias("_before"))
        # (right after the verb: its view_end, a space, the name with its clitics)
        verb_ends = speech_verbs.select("row", (pl.col("view_end") + 1).alias("_name_at"), pl.lit(True).alias("_speaking")).unique()
        candidates = candidates.with_columns((pl.col("view_start") - pl.col("prefix_len")).alias("_name_at")).join(
            verb_ends, on=["row", "_name_at"], how="left"
        ).filter(~pl.col("_common") | pl.col("_speaking").fill_null(False)).drop("_name_at", "_speaking")
        # the one named last before the mention, else the first one named; ties by id
        chosen = candidates.sort(
            "row", "view_start", "_before", pl.when(pl.col("_before")).then(pl.col("_named_at")).otherwise(-pl.col("_named_at")), "entity_id",
            descending=[False, False, True, True, False],
        ).unique(["row", "view_start"], keep="first", maintain_order=True)
        return chosen.select(
            "row", "view_start", "view_end", "entity_id", pl.lit("person").alias("entity_kind"), pl.lit("surname").alias("method")
        )
