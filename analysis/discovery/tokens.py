"""Reading the words around titles and hints: ``window_tokens`` (anchors -> the tokens of the window
after or before each), ``word_classes`` (words -> class and person-name score, cached across batches),
``classify_tokens`` (window tokens -> with class, score and the known entity they belong to),
``known_tokens`` (known mentions -> the view position of each of their words).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from ..arabic import MatchingView
from ..matching import position_key
from ..transliterate import person_name_scores
from .lexicons import _stems
from .patterns import STRONG, TOKEN_SCHEMA, UNKNOWN, WEAK_BARE_NAME, WINDOW, WINDOW_BEFORE
from .windows import _cum_within, _first_of_group, _lookup, _written_with_ya

# (matching view) the present of a verb of forms V and VI for two or more: "يتصافحان"، "يتفاوضون"، "ستتحدثان"
_PRESENT_VERB_OF_MANY = r"^(?:و|ف)?(?:س)?(?:يت|تت)\S{3,}(?:ان|ون)$"


SYLLABLE_CHARS = 4  # the longest syllable of a name read after a hyphen ("يونغ-مو", "جيه-إن")


class TokenReading:
    """The tokens of windows and their classes (a part of ``Discoverer``: reads the lexicons its
    ``__init__`` builds, and caches word classes in ``_classes``)."""

    def window_tokens(self, view: MatchingView, anchors: pl.DataFrame, *, before: bool, width: int | None = None) -> pl.DataFrame:
        """Tokens of the window after (or before) each anchor: anchor_id, row, k (0 = nearest), token, view_start, view_end.

        In the view, punctuation is a space, so two spaces in a row come out as an empty token:
        a "boundary" where the text had a comma, a parenthesis or a full stop.
        """
        if anchors.height == 0:
            return pl.DataFrame(schema=TOKEN_SCHEMA)
        if before:
            # the window ends before the space that precedes the anchor and its proclitics
            end = pl.col("view_start") - pl.col("prefix_len") - 1
            starts = (end - (width or WINDOW_BEFORE)).clip(lower_bound=0)
            windows = anchors.with_columns(starts.alias("_ws"), (end - starts).alias("_wl"))
        else:
            windows = anchors.with_columns((pl.col("view_end") + 1).alias("_ws"), pl.lit(width or WINDOW, pl.Int64).alias("_wl"))
        windows = windows.sort("anchor_id")
        windows = windows.with_columns(
            view.view.gather(windows["row"]).str.slice(windows["_ws"], windows["_wl"]).alias("_text")
        ).select("anchor_id", "row", "_ws", pl.col("_text").str.split(" ").alias("token"))
        tokens = windows.explode("token").with_columns(pl.col("token").str.len_chars().cast(pl.Int64).alias("_n"))
        tokens = tokens.with_columns(
            _cum_within(pl.col("_n").is_not_null()).cast(pl.Int64).alias("_i"),
            (pl.col("_ws") + _cum_within(pl.col("_n") + 1) - pl.col("_n") - 1).cast(pl.Int64).alias("view_start"),
        )
        last = pl.col("_i").max().over("anchor_id")
        if before:
            # the first token may be cut by the window start
            tokens = tokens.filter((pl.col("_i") > 1) | (pl.col("_ws") == 0)).with_columns((last - pl.col("_i")).alias("k"))
        else:
            # the last token may be cut by the window end
            tokens = tokens.filter(pl.col("_i") < last).with_columns((pl.col("_i") - 1).alias("k"))
        tokens = tokens.select(
            "anchor_id", "row", "k", "token", "view_start", (pl.col("view_start") + pl.col("_n")).alias("view_end")
        ).sort("anchor_id", "k")
        # "د. نادية السقاف": an abbreviation's full stop is no boundary
        before_in_text = (pl.col("token").shift(-1) if before else pl.col("token").shift(1)).over("anchor_id")
        stop = (pl.col("token") == "") & before_in_text.is_in(self.abbreviations).fill_null(False)
        if tokens.select(stop.any()).item():
            tokens = tokens.filter(~stop).with_columns(pl.int_range(pl.len(), dtype=pl.Int64).over("anchor_id").alias("k"))
        # "سفير ... في لبنان علي عواض عسيري": the name Ali reads in the view as the preposition على;
        # where the text writes its last letter as ya, not alef maqsura, it may be the name (``classify_tokens``)
        ali = (tokens["token"] == "علي").arg_true()
        written_ya = pl.Series("written_ya", np.zeros(tokens.height, dtype=bool))
        if ali.len():
            at = tokens[ali]
            ya = _written_with_ya(view, at["row"].to_numpy(), at["view_end"].to_numpy() - 1)
            written_ya = written_ya.scatter(ali.filter(pl.Series(ya)), True)
        tokens = tokens.with_columns(written_ya)
        # "سونغ يونغ-مو": a syllable the text joins to the word before by a hyphen, which the view
        # reads as a space, belongs to that word's name whatever it is alone (``classify_tokens``)
        glued = (tokens["view_start"] > 0) & tokens["token"].str.len_chars().is_between(1, SYLLABLE_CHARS)
        hyphen = np.zeros(tokens.height, dtype=bool)
        if glued.any():
            at = glued.arg_true().to_numpy()
            hyphen[at] = view.original_chars_at(tokens["row"].to_numpy()[at], tokens["view_start"].to_numpy()[at] - 1) == ord("-")
        tokens = tokens.with_columns(pl.Series("hyphen_joined", hyphen))
        # "آن باترسون": the name Anne reads in the view as the particle "ان"; where the text writes
        # the madda, the token is "آن" (which no view token is) and reads as a name (``word_classes``)
        particle = (tokens["token"] == "ان").arg_true()
        if particle.len():
            at = tokens[particle]
            madda = view.original_chars_at(at["row"].to_numpy(), at["view_start"].to_numpy()) == ord("آ")
            if madda.any():
                tokens = tokens.with_columns(tokens["token"].scatter(particle.filter(pl.Series(madda)), "آن"))
        return tokens

    def word_classes(self, words: pl.Series) -> pl.DataFrame:
        """Class and person-name score of each distinct word (cached across batches).

        Classes: function, connector, preposition, nationality, org, title, common, definite (a word
        with the article that is not a known name), conj_name (و + a name: a second person
        begins), name (known as a name), maybe_name (a word no source knows).
        """
        new = pl.DataFrame({"token": words}).unique().join(self._classes, on="token", how="anti")
        if new.height:
            bare = pl.col("token").str.replace(r"^(?:و|ف)(.{2,})$", "$1")
            frame = new.with_columns(bare.alias("_bare"))
            frame = frame.join(self.lexicon.rename({"form": "token", "cls": "_lex"}), on="token", how="left")
            frame = frame.join(self.lexicon.rename({"form": "_bare", "cls": "_lex_bare"}), on="_bare", how="left")
            common_set = self.common["form"].implode()
            stem_common = pl.any_horizontal([s.is_in(common_set) for s in _stems(pl.col("token"))]) & ~pl.col("token").is_in(self.person_tagged["form"].implode())
            frame = frame.with_columns(
                person_name_scores(frame["token"]).alias("score"),
                person_name_scores(frame["_bare"]).alias("_bare_score"),
                (stem_common | pl.col("token").is_in(common_set)).alias("_common"),
            )
            definite = pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال|كال)")
            cls = (
                pl.when(pl.col("token") == "").then(pl.lit("boundary"))
                .when(pl.col("token") == "آن").then(pl.lit("name"))
                .when(pl.col("token").str.contains(r"[0-9A-Za-z]|[\u064b-\u064d]")).then(pl.lit("common"))
                # a verb of two or more in the present of the forms that open with "يت"/"تت" is no name
                # word, seen or not: "صورا تظهر مون وكيم يتصافحان"، "يتفاوضون"
                .when(pl.col("token").str.contains(_PRESENT_VERB_OF_MANY) & (pl.col("score") < STRONG)).then(pl.lit("common"))
                .when(pl.col("_lex").is_not_null()).then(pl.col("_lex"))
                .when(pl.col("_lex_bare").is_not_null() & (pl.col("_lex_bare") != "connector")).then(pl.col("_lex_bare"))
                # "وخالد": و + a name, unless the whole word is a name of its own ("وليد", "وائل"); the
                # annotated corpus tags "وخالد" as a name too, so only the name-token table's names (Wikidata's and the curated given names) count as whole
                # (or "وأندرو": a bare word seen as a name more often than not, the whole never seen)
                .when(
                    pl.col("token").str.contains(r"^(?:و|ف)")
                    & ((pl.col("_bare_score") >= STRONG) | ((pl.col("_bare_score") >= WEAK_BARE_NAME) & (pl.col("score") <= 0.5)))
                    & ((pl.col("score") < STRONG) | ~pl.col("token").is_in(self._name_token_words))
                ).then(pl.lit("conj_name"))
                .when(pl.col("_common") & (pl.col("score") < 0.9)).then(pl.lit("common"))
                .when(definite & (pl.col("score") < 0.8)).then(pl.lit("definite"))
                .when(pl.col("score") >= STRONG).then(pl.lit("name"))
                .when((pl.col("score") >= UNKNOWN) & (pl.col("token").str.len_chars() >= 3)).then(pl.lit("maybe_name"))
                .otherwise(pl.lit("common"))
            )
            self._classes = pl.concat([self._classes, frame.select("token", cls.alias("base_cls"), "score")])
        return self._classes

    def classify_tokens(self, tokens: pl.DataFrame, known_tokens: pl.DataFrame) -> pl.DataFrame:
        """Add ``cls``, ``score`` and ``entity_id`` to window tokens (see ``word_classes``); tokens
        inside known mentions are "person" or "entity" and "" tokens are "boundary". The tokens'
        order (``window_tokens``: anchor_id, k) is kept."""
        classes = self.word_classes(tokens["token"])
        tokens = tokens.join(classes, on="token", how="left", maintain_order="left")
        tokens = tokens.with_columns(_lookup(known_tokens, position_key(tokens["row"], tokens["view_start"]), ["entity_kind", "entity_id"]))
        cls = (
            pl.when(pl.col("token") == "").then(pl.lit("boundary"))
            .when(pl.col("entity_kind") == "person").then(pl.lit("person"))
            .when(pl.col("entity_kind").is_not_null()).then(pl.lit("entity"))
            .otherwise(pl.col("base_cls"))
        )
        tokens = tokens.with_columns(cls.alias("cls")).drop("base_cls", "entity_kind")
        # a short syllable glued by a hyphen to the name word before it ("يونغ-مو") is a name word
        glued = tokens.filter(pl.col("hyphen_joined") & (pl.col("cls") == "common"))
        if glued.height == 0:
            return tokens
        words = tokens.filter(pl.col("cls").is_in(["name", "maybe_name"])).select("anchor_id", (pl.col("view_end") + 1).alias("view_start"))
        syllables = glued.join(words, on=["anchor_id", "view_start"], how="semi").select("anchor_id", "view_start", pl.lit(True).alias("_syllable"))
        return tokens.join(syllables, on=["anchor_id", "view_start"], how="left", maintain_order="left").with_columns(
            pl.when(pl.col("_syllable").fill_null(False)).then(pl.lit("name")).otherwise(pl.col("cls")).alias("cls")
        ).drop("_syllable")

    @staticmethod
    def known_tokens(known: pl.DataFrame) -> pl.DataFrame:
        """The view position of every word of every known mention: (row, view_start, entity_kind,
        entity_id, and ``_key``: ``position_key`` of row and view_start, the order of the rows).

        ``known``: mentions that do not overlap (``EntityFinder.known``). A mention's first word
        starts at its proclitics ("وميرتس"), as the window tokens do.
        """
        if known.height == 0:
            return pl.DataFrame(schema={"row": pl.UInt32, "view_start": pl.Int64, "entity_kind": pl.String, "entity_id": pl.String, "_key": pl.Int64})
        first = known.select("row", (pl.col("view_start") - pl.col("prefix_len")).alias("view_start"), "entity_kind", "entity_id")
        # the later words of the names of more than one word
        longer = known.filter(pl.col("form").str.contains(" ", literal=True))
        words = longer.select(
            "row", "view_start", "entity_kind", "entity_id", pl.col("form").str.split(" ").alias("_w")
        ).with_row_index("_m").explode("_w").with_columns(pl.col("_w").str.len_chars().cast(pl.Int64).alias("_n"))
        offset = _cum_within(pl.col("_n") + 1, "_m") - pl.col("_n") - 1
        later = words.with_columns((pl.col("view_start") + offset).alias("_start"), _first_of_group("_m").alias("_first")).filter(~pl.col("_first"))
        # names do not overlap: every word start is another one's
        words = pl.concat([first, later.select("row", pl.col("_start").alias("view_start"), "entity_kind", "entity_id")])
        return words.with_columns(position_key(pl.col("row"), pl.col("view_start")).alias("_key")).sort("_key")
