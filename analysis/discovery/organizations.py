"""Organizations named by a head word and its complements ("وزارة الدفاع الروسية", "مجلس الأمن والدفاع
القومي", "الوفد الأوكراني"): ``organizations`` (the batch's view, known mentions and head-word hits ->
``ORG_SCHEMA`` rows with an English name and a country); ``_org_word_facts`` (window words -> what each
says about the name).
"""

from __future__ import annotations

import polars as pl

from ..arabic import TANWEEN, MatchingView
from ..matching import resolve_overlaps
from .naming import english_org_name
from .patterns import ORG_SCHEMA, ORG_WINDOW
from .windows import _cum_within, _next_within, _outside, _prev_within


class Organizations:
    """Organizations named by a head word (a part of ``Discoverer``)."""

    def _org_word_facts(self, tokens: pl.Series) -> pl.DataFrame:
        """What each distinct window word says about an organization's name: token, _w (the word
        without tanween, and without و before the article), _and (و + the article), term_en and
        _role (``org_words``), _nat (a nationality's country), _w_acc and _nat_acc (the indefinite
        accusative adjective: "وفدا أميركيا")."""
        words = self.org_words.select(pl.col("form").alias("_w"), "term_en", pl.col("role").alias("_role"))
        accusative = self.nationalities.select(pl.col("form").alias("_w_acc"), pl.col("country").alias("_nat_acc"))
        return (
            pl.DataFrame({"token": tokens}).unique()
            .with_columns(
                pl.col("token").str.replace_all(f"[{TANWEEN}]", "").str.replace(r"^و(ال.{2,})$", "$1").alias("_w"),
                pl.col("token").str.starts_with("وال").alias("_and"),
            )
            .join(words, on="_w", how="left")
            .join(self.nationalities.select(pl.col("form").alias("_w"), pl.col("country").alias("_nat")), on="_w", how="left")
            .with_columns(pl.col("_w").str.replace(r"^(\S{3,}ي)ا$", "$1").alias("_w_acc"))
            .join(accusative, on="_w_acc", how="left")
        )

    def organizations(self, view: MatchingView, known: pl.DataFrame, heads: pl.DataFrame) -> pl.DataFrame:
        """Organizations named by a head word and complements: row, view_start, view_end, form, name_en, country."""
        if heads.height == 0:
            return pl.DataFrame(schema=ORG_SCHEMA)
        heads = _outside(resolve_overlaps(heads), known)
        if heads.height == 0:
            return pl.DataFrame(schema=ORG_SCHEMA)
        heads = heads.join(self.org_heads, on="form", how="left").sort("row", "view_start").with_row_index("anchor_id")
        tokens = self.window_tokens(view, heads, before=False, width=ORG_WINDOW)
        tokens = tokens.join(self._org_word_facts(tokens["token"]), on="token", how="left", maintain_order="left")
        # "الوفد الكوري الشمالي": two words, one country
        compound = self.compound_nationalities.select(pl.col("first").alias("_w"), pl.col("second").alias("_w_next"), pl.col("country").alias("_nat2"))
        tokens = tokens.with_columns(_next_within(pl.col("_w")).alias("_w_next")).join(
            compound, on=["_w", "_w_next"], how="left", maintain_order="left"
        ).with_columns(
            pl.coalesce("_nat2", pl.when(pl.col("_nat_acc").is_not_null() & (pl.col("_w_acc") != pl.col("_w"))).then(pl.col("_nat_acc")), "_nat").alias("_nat"),
            _prev_within(pl.col("_nat2")).is_not_null().alias("_second"),
        ).with_columns(
            # the second word of "الكورية الجنوبية" is the adjective's, not "Southern" of a name
            pl.when(pl.col("_second")).then(None).otherwise(pl.col("term_en")).alias("term_en")
        )
        part = (pl.col("_role") == "part").fill_null(False) | pl.col("_nat").is_not_null() | pl.col("_second")
        run = tokens.with_columns(_cum_within(~part).alias("_broken")).filter(pl.col("_broken") == 0)
        if run.height == 0:
            return pl.DataFrame(schema=ORG_SCHEMA)
        # a group keeps the rows' order: k ascending
        orgs = run.group_by("anchor_id").agg(
            pl.col("row").first(),
            pl.col("view_end").max(),
            pl.col("token").str.join(" ").alias("_rest"),
            pl.col("term_en").alias("_terms"),
            pl.col("_and"),
            pl.col("_nat").drop_nulls().first().alias("country"),
        ).join(heads.select("anchor_id", "view_start", pl.col("form").alias("_head"), pl.col("term_en").alias("_head_en")), on="anchor_id")
        orgs = orgs.with_columns((pl.col("_head") + " " + pl.col("_rest")).alias("form"))
        # one English name per distinct spelling: the same organizations recur across articles
        spellings = orgs.select("_head_en", "_terms", "_and", "country").unique()
        names = [
            english_org_name(head_en, terms, ands, country, self.country_names, self.demonyms)
            for head_en, terms, ands, country in spellings.iter_rows()
        ]
        spellings = spellings.with_columns(pl.Series("name_en", names, dtype=pl.String))
        return orgs.join(spellings, on=["_head_en", "_terms", "_and", "country"], how="left", nulls_equal=True).select(list(ORG_SCHEMA))
