"""People named without a title: ``free_names`` (first-name hints -> the names they start: "وقال ميتش
ماكونيل"), ``speaker_names`` (speech verbs -> the name right after one, before what is said: "وأضاف
أنكيت باندا أن"), ``coordinated_names`` (person mentions -> the name after them and "و": "إيمانويل ماكرون
وكوليندا غرابار-كيتاروفيتش"), ``_bylines`` (the batch -> the author of a byline: "كتب : دينا كمال");
all as ``PEOPLE_SCHEMA`` rows.
"""

from __future__ import annotations

import polars as pl

from ..arabic import MatchingView, text_before, text_between
from ..corpus import MAX_AUTHOR_LENGTH, title_and_byline
from ..matching import position_key
from ..reference import view_form
from .patterns import _BYLINE_START, _PLACE_AFTER, PEOPLE_SCHEMA

# what closes a speaker's name before what is said, in matching view (the view writes the comma as a
# second space): "أن", "إن", a comma, a colon
_SAID_AFTER = r"^(?:\s+ان(?:\s|$)|\s\s|\s*:)"
from .windows import _after_patronymic, _cum_within, _family_name, _lookup, _mark_second_person


class NamesWithoutTitles:
    """People named with no title (a part of ``Discoverer``)."""

    def free_names(self, view: MatchingView, known_tokens: pl.DataFrame, hints: pl.DataFrame) -> pl.DataFrame:
        """People named without a title ("وقال ميتش ماكونيل"): a name run that starts at a first-name hint.

        The run needs two to MAX_NAME_TOKENS words; hints inside known mentions are skipped.
        """
        if hints.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        # the window starts at the hint itself: pretend the anchor ends just before it
        anchors = hints.with_columns((pl.col("view_start") - pl.col("prefix_len") - 1).alias("view_end")).sort("row", "view_start").with_row_index("anchor_id")
        tokens = self.classify_tokens(self.window_tokens(view, anchors, before=False, width=50), known_tokens)
        # the hint itself must read as a name here (not a clitic-bearing word)
        found = self._untitled_names(tokens, first=["name"])
        # ... and not the name of a place: "في غرين فولز بمنطقة مونتانا" ("in X in the region of Y")
        before = text_before(view.view, found["row"], found["view_start"], 4)
        after = text_between(view.view, found["row"], found["view_end"], found["view_end"] + 12)
        return found.filter(~(before.str.contains(r"(?:^| )في $") & after.str.contains(_PLACE_AFTER)))

    def speaker_names(self, view: MatchingView, known_tokens: pl.DataFrame, verbs: pl.DataFrame) -> pl.DataFrame:
        """People named with no title right after a verb of speech, before what they say ("وأضاف
        أنكيت باندا أن", "وقال جون سميث:"): a run of two name words or more (one known as a name)
        right after the verb, closed by "أن/إن", a comma or a colon.

        ``verbs``: the hits of speech verbs (row, view_start, view_end, prefix_len). Returns
        ``PEOPLE_SCHEMA`` rows."""
        if verbs.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        anchors = verbs.select("row", "view_end").unique().sort("row", "view_end").with_row_index("anchor_id")
        tokens = self.classify_tokens(self.window_tokens(view, anchors, before=False, width=40), known_tokens)
        # (the window's first word, right after the verb, begins the name)
        found = self._untitled_names(tokens, first=["name", "maybe_name"])
        after = text_between(view.view, found["row"], found["view_end"], found["view_end"] + 4)
        return found.filter(after.str.contains(_SAID_AFTER))

    def _untitled_names(self, tokens: pl.DataFrame, *, first: list[str]) -> pl.DataFrame:
        """``PEOPLE_SCHEMA`` rows of the names with no title that start at the first token of each
        window (``tokens``, classified), whose class must be one of ``first``."""
        cls = pl.col("cls")
        namey = cls.is_in(["name", "maybe_name", "connector"]) | _family_name() | _after_patronymic()
        run = _mark_second_person(tokens).with_columns(_cum_within(~namey).alias("_broken"))
        stop = run.filter(pl.col("_broken") == 1).group_by("anchor_id").agg(pl.col("cls").sort_by("k").first().alias("stop_cls"))
        run = run.filter(pl.col("_broken") == 0).join(stop, on="anchor_id", how="left").drop("_broken")
        starts = run.filter((pl.col("k") == 0) & cls.is_in(first)).select("anchor_id")
        found = self._accept(run.join(starts, on="anchor_id", how="semi"))
        return found.select("row", "view_start", "view_end", "form", pl.lit(None, pl.String).alias("title_en"), pl.lit(None, pl.String).alias("country"))

    def coordinated_names(self, view: MatchingView, persons: pl.DataFrame, known_tokens: pl.DataFrame) -> pl.DataFrame:
        """People named after another one and "و", with no title or first name of their own that
        the data knows ("رئيسي الدولتين إيمانويل ماكرون وكوليندا غرابار-كيتاروفيتش"): a run of two
        name words or more (one known as a name) that starts right after the conjunction.

        ``persons``: person mentions (row, view_end) of the batch. Returns ``PEOPLE_SCHEMA`` rows.
        """
        if persons.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        rows, ends = persons["row"].to_numpy(), persons["view_end"].to_numpy()
        conjunction = (view.chars_at(rows, ends) == ord(" ")) & (view.chars_at(rows, ends + 1) == ord("و"))
        # (a name does not start with the article: "ماكرون والمبعوث الأمريكي")
        conjunction &= (view.chars_at(rows, ends + 2) != ord("ا")) | (view.chars_at(rows, ends + 3) != ord("ل"))
        persons = persons.filter(pl.Series(conjunction)).select("row", "view_end").unique().sort("row", "view_end")
        if persons.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        # ... and no known mention starts at the conjunction ("مون وكيم اجتمعا")
        conjunction = _lookup(known_tokens, position_key(persons["row"], persons["view_end"] + 1), ["_key"])["_key"].is_null()
        # the window starts after the conjunction: pretend the anchor ends on it
        anchors = persons.filter(conjunction).select("row", (pl.col("view_end") + 1).alias("view_end")).with_row_index("anchor_id")
        if anchors.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        tokens = self.classify_tokens(self.window_tokens(view, anchors, before=False, width=50), known_tokens)
        return self._untitled_names(tokens, first=["name", "maybe_name"])

    def _bylines(self, view: MatchingView, batch: pl.DataFrame) -> pl.DataFrame:
        """The author named by a byline in the text's first line, as a person mention."""
        # only a text that starts with a byline word can have a byline (``corpus._BYLINE``)
        candidates = batch["text"].str.contains(_BYLINE_START).arg_true()
        authors = title_and_byline(batch["text"].gather(candidates)).select(pl.lit(candidates).alias("row"), "author").filter(pl.col("author").is_not_null())
        forms = {author: view_form(author) for author in authors["author"].unique().to_list()}
        # the author's name must lie within the first 200 characters (and the name's own length)
        starts = view.view.gather(authors["row"]).str.slice(0, 200 + MAX_AUTHOR_LENGTH + 2).to_list()
        rows = []
        for (row, author), padded in zip(authors.iter_rows(), starts):
            form = forms[author]
            at = padded.find(" " + form + " ", 0, 200 + len(form))
            if form and at >= 0:
                rows.append((row, at + 1, at + 1 + len(form), form, "Author", None))
        return pl.DataFrame(rows, schema=PEOPLE_SCHEMA, orient="row")
