"""People introduced by a title: ``people`` (the batch's view, known mentions and their tokens, title
hits and free name words -> ``PEOPLE_SCHEMA`` rows: the name after the title's complements ("كبير
المفاوضين الإيرانيين عباس عراقجي") or before the title ("ياسر الرميان، محافظ صندوق ..."), with the
country and the role in English the title gives).

The steps: ``_with_zone`` (the title's complements), ``_after_honorifics`` and ``_misspelt_known``
(words that read as names in their place), ``_runs_after`` and ``_runs_before`` (the name runs),
``_accept`` (the runs that are names), ``_written_ali`` (the name Ali where the view reads على).
"""

from __future__ import annotations

import polars as pl

from ..arabic import MatchingView, text_before
from ..matching import resolve_overlaps
from ..transliterate import edit_distance
from .patterns import (
    _NAMED_AFTER, MAX_NAME_TOKENS, MAX_ZONE_TOKENS, PATRONYMIC, PEOPLE_SCHEMA, STATE_DESIGNATORS, UNKNOWN, WINDOW, WINDOW_BEFORE, _date_words,
    _day_words,
)
from .windows import _after_patronymic, _cum_within, _family_name, _mark_second_person, _near, _next_within, _prev_within, _written_with_ya


class TitledPeople:
    """People after and before titles (a part of ``Discoverer``)."""

    @staticmethod
    def _with_zone(tokens: pl.DataFrame) -> pl.DataFrame:
        """Mark the title's complements (``_zone``): nationality, organization, "باسم الكرملين",
        "لدى المملكة", "وزير التخطيط المصري", the noun a title in the construct state governs ("رئيس
        قسم كوريا"): the tokens after the title up to the first one that is none of these."""
        cls = pl.col("cls")
        # a word with the article is the title's object ("وزير التخطيط المصري", "لدى المملكة")
        definite = pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال|كال)") & cls.is_in(["definite", "common"])
        zone_ok = (
            cls.is_in(["nationality", "org", "title", "entity"])
            | ((cls == "preposition") & (_next_within(cls).is_in(["entity", "nationality", "org"]) | _next_within(definite)))
            # "وزيرة خارجية جمهورية إندونيسيا": a state's designator before its name
            | (pl.col("token").is_in(STATE_DESIGNATORS) & (_next_within(cls) == "entity"))
            | ((cls == "boundary") & ((_prev_within(cls) == "entity") | (_next_within(cls) == "entity")))
            # "النائب الأول لوزير الشؤون الخارجية، كيم كاي غوان": a comma between the title's complements and the name
            | ((cls == "boundary") & (_prev_within(cls).is_in(["title", "org", "nationality"]) | (pl.col("k") == 0)) & _next_within(cls).is_in(["name", "maybe_name"]))
            | definite
            # "مديرة مستشفى ...", "رئيس قسم كوريا في ...": a title in the construct state (``_open``:
            # "Director of") governs the indefinite noun right after it, when a complement follows
            | ((pl.col("k") == 0) & pl.col("_open") & (cls == "common") & (_next_within(cls).is_in(["entity", "nationality", "org"]) | _next_within(definite)))
        ).fill_null(False)
        return tokens.with_columns(zone_ok.alias("_zone_ok")).with_columns(
            _cum_within(~pl.col("_zone_ok")).alias("_outside")
        ).with_columns((pl.col("_outside") == 0).alias("_zone"))

    def _after_honorifics(self, tokens: pl.DataFrame) -> pl.DataFrame:
        """Window tokens (after titles) where a word reads as a first name in its place:

        * a common word between an honorific (in the window, or the window's own title: column
          ``_honorific``) and a name word or a patronymic: "وزيرة الإعلام اليمنية الدكتورة نادية
          السقاف" (نادية is also "his club"), "الأمير فيصل بن ...", "وقال اللواء فضل حسن";
        * a common word that Wikidata writes as a name at least ``WIKIDATA_NAME_COUNT`` times, before
          a name word: "الناشطة العراقية نادية مراد";
        * a nationality adjective without the article before "بن": "الأمير تركي بن محمد";
        * a word of two letters before two name words, a family name written first: "وزير الدفاع نو
          كوانغ شول"; or of three letters before two name words that end the name: "السفير الصيني،
          بان وي فانغ،";
        * "علي" written with a final ya (``window_tokens``) that no name word precedes and a name
          word follows: "سفير ... في لبنان علي عواض عسيري" (the view reads the preposition على);
          after a name it is the preposition of a text that writes على so ("فاز جوناس بجوركمان علي ...").
        """
        cls = pl.col("cls")
        namey = ["name", "maybe_name"]
        honorific = pl.col("token").str.replace(r"^(?:و|ف)", "").is_in(self.honorifics)
        follows = _next_within(cls).is_in(namey) | _next_within(pl.col("token")).is_in(PATRONYMIC[:3])
        # (the honorific may be the window's own title: "وقال اللواء فضل حسن إن", "fadl" is "favour")
        after_honorific = _prev_within(honorific).fill_null(False) | ((pl.col("k") == 0) & pl.col("_honorific"))
        promoted = (cls == "common") & after_honorific & follows.fill_null(False)
        # "الناشطة العراقية نادية مراد": a word that reads as common ("his club") but that Wikidata often
        # writes as a name, right before a name word
        given = (cls == "common") & pl.col("token").is_in(self.wikidata_names) & _next_within(cls).is_in(["name"]).fill_null(False)
        promoted = promoted | given
        # "الأمير تركي بن محمد": a nationality adjective without the article before بن is a given name (Turki)
        turki = (cls == "nationality") & ~pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال)") & _next_within(pl.col("token")).is_in(PATRONYMIC[:3]).fill_null(False)
        promoted = promoted | turki
        # "وزير الدفاع نو كوانغ شول": a word of two letters before two name words is a family name
        # written first (Korean, Chinese), whatever it reads as alone ("no")
        family_first = (
            (cls == "common") & (pl.col("token").str.len_chars() == 2)
            & (_next_within(cls) == "name") & (_next_within(_next_within(cls)) == "name")
        ).fill_null(False)
        # ... and so is a word of three letters before two name words that end the name: "السفير
        # الصيني، بان وي فانغ،" (بان is also "became clear"; not "كبير المساعدين العسكريين رونالد لويس،",
        # the title's adjective)
        three_syllables = (
            (cls == "common") & (pl.col("token").str.len_chars() == 3) & _next_within(cls.is_in(namey)) & _next_within(_next_within(cls.is_in(namey)))
            & (_next_within(_next_within(_next_within(cls))) == "boundary")
        ).fill_null(False)
        promoted = promoted | family_first | three_syllables
        ali_written = pl.col("written_ya") & (cls == "function") & ~_prev_within(cls).is_in([*namey, "connector", "person"]).fill_null(False)
        ali = ali_written & _next_within(cls).is_in(namey).fill_null(False)
        # ... and before a family name of the nisba form ("المتحدث العسكري علي الأحمدي": ``_runs_after``
        # reads the family name after a given name; not "أكد الوزير علي الدور", a text that writes على so)
        ali_family = ali_written & _next_within(cls).is_in(["definite", "common"]).fill_null(False) & _next_within(pl.col("token")).str.contains(r"^ال\S+ي$").fill_null(False)
        return tokens.with_columns(pl.when(ali_family).then(pl.lit("name")).when(promoted | ali).then(pl.lit("maybe_name")).otherwise(cls).alias("cls"))

    def _misspelling_of_known(self, form: str) -> bool:
        """Whether ``form`` (three words, matching view) is a known person's name of three words or
        one typo off it: one letter changed, added or dropped in the text ("كون جاي إن" for "مون جاي
        إن"; not "كي جوان إن", two letters off "كيم جون أون" though their spelling keys are one off)."""
        person = self._known_spelling(form)
        if person is None:
            return False
        # (a known name of four words or more is two edits at least from three words)
        return any(edit_distance(form, known) <= 1 for known in self.long_names.get(person, ()))

    def _misspelt_known(self, tokens: pl.DataFrame) -> pl.DataFrame:
        """Window tokens (after titles) where three words in a row spell a known person's name, or
        one letter off it (``_known_spelling``), are names whatever else they may be: "الرئيس الكوري
        الجنوبي كون جاي-إن" (a typo for مون; كون is also "being", إن "that")."""
        cls = pl.col("cls")
        word = pl.col("token") != ""
        three = pl.concat_str([pl.col("token"), _next_within(pl.col("token")), _next_within(_next_within(pl.col("token")))], separator=" ")
        free = ~cls.is_in(["person", "entity", "boundary"])
        candidates = tokens.with_row_index("_i").with_columns(three.alias("_three")).filter(
            word & free & _next_within(word & free).fill_null(False) & _next_within(_next_within(word & free)).fill_null(False)
            & (cls != "name")
        ).select("_i", "_three")
        if candidates.height == 0:
            return tokens
        known = {form for form in candidates["_three"].drop_nulls().unique().to_list() if self._misspelling_of_known(form)}
        at = candidates.filter(pl.col("_three").is_in(list(known)))["_i"]
        if at.len() == 0:
            return tokens
        named = pl.concat([at, at + 1, at + 2]).unique()
        return tokens.with_columns(pl.when(pl.int_range(pl.len(), dtype=pl.UInt32).is_in(named.implode())).then(pl.lit("name")).otherwise(cls).alias("cls"))

    def _runs_after(self, tokens: pl.DataFrame) -> pl.DataFrame:
        """Name runs that follow a title's complements."""
        cls = pl.col("cls")
        tokens = self._with_zone(tokens)
        # "محمد المختار الفال": a word with the article that reads as a common word ("the chosen")
        # between a first name and a family name is a name's middle word
        middle = (
            (cls == "common") & pl.col("token").str.starts_with("ال") & (pl.col("score") >= UNKNOWN)
            & (_prev_within(cls) == "name") & _next_within(_family_name())
        ).fill_null(False)
        # "الدكتور فهد بن عبدالله المبارك": a word with the article right after a patronymic chain
        # closes it as the family name, whatever it means elsewhere ("blessed"), unless it is a weekday
        # ("استقبل الأمير محمد بن سلمان الخميس")
        after_chain = (
            cls.is_in(["common", "definite"]) & pl.col("token").str.starts_with("ال") & ~pl.col("token").str.contains(r"(?:ين|ون|ات|يه|ه)$")
            & ~pl.col("token").is_in(_date_words()) & _prev_within(_prev_within(pl.col("token"))).is_in(PATRONYMIC[:3])
        ).fill_null(False)
        # ... and one without it that ends the name, before the name of a day or a comma: "الدكتور نزار بن عبيد
        # مدني أمس،" ("civil" elsewhere)
        after_chain = after_chain | (
            (cls == "common") & ~pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال)|(?:ين|ون|ات|يه|ه)$") & ~pl.col("token").is_in(_date_words())
            & _prev_within(_prev_within(pl.col("token"))).is_in(PATRONYMIC[:3])
            & (_next_within(pl.col("token")).is_in(_day_words()) | (_next_within(pl.col("token")) == ""))
        ).fill_null(False)
        # "الملحق العسكري ... العميد يوسف الحربي": a word with the article right after a title and a
        # given name (``given_names``) is the family name, whatever it means elsewhere ("the
        # military"), unless it is a word of dates ("الخميس", "الماضي"); after a surname ("الرئيس
        # خاتمي الإصلاحي") it is an adjective. Right after an honorific ("الدكتور مشاري النعيم") the
        # first word is a given name even when no source knows it: the pair is a name (``_honored``)
        family_after = (
            cls.is_in(["common", "definite"]) & pl.col("token").str.starts_with("ال") & ~pl.col("token").str.contains(r"(?:ين|ون|ات|يه|ه)$")
            & ~pl.col("token").is_in(_date_words()) & (pl.col("k") == pl.col("_k0") + 1) & ~pl.col("_named_after")
        )
        after_given = family_after & (_prev_within(cls) == "name") & _prev_within(pl.col("token")).is_in(self.given_names)
        # ... and one without the article that ends the name, before a comma, a full stop or "إن":
        # "الصحافي ميشيل كيلو،", "قال الكاتب جورج سماحة إن" ("kilo", "eminence" elsewhere); not an
        # indefinite accusative ("استقبل الرئيس محمد ضيفا،")
        closing_after_given = (
            (cls == "common") & ~pl.col("token").str.contains(r"^(?:و|ف)?(?:ال|لل|بال)|(?:ين|ون|ات|يه|ه|ا)$") & ~pl.col("token").is_in(_date_words())
            & (pl.col("k") == pl.col("_k0") + 1) & ~pl.col("_named_after")
            & (_prev_within(cls) == "name") & _prev_within(pl.col("token")).is_in(self.given_names)
            & ((_next_within(pl.col("token")) == "") | _next_within(pl.col("token")).is_in(["ان"]))
        ).fill_null(False)
        honorific_before = _prev_within(_prev_within(pl.col("token"))).is_in(self.honorifics) | ((pl.col("k") == 1) & pl.col("_honorific"))
        # (not a common word there: "السيد قو المشروع", "Mr Gu [explained] the project")
        honored = (
            family_after & ((cls == "definite") | (pl.col("score") >= UNKNOWN)) & honorific_before
            & _prev_within(cls).is_in(["name", "maybe_name"])
        ).fill_null(False)
        # "السفير الياباني شيغيرو أوكا.": a known name of one word without the article (a place's: Awka,
        # Nigeria), right after a name word and before the end of the clause or "إن", is the family name
        place_after_given = (
            (cls == "entity") & ~pl.col("token").str.starts_with("ال") & (_prev_within(cls) == "name")
            & ((_next_within(cls) == "boundary") | _next_within(cls).is_null() | (_next_within(pl.col("token")) == "ان"))
        ).fill_null(False)
        namey = (
            cls.is_in(["name", "maybe_name", "connector"]) | _family_name() | _after_patronymic() | middle | after_chain | after_given.fill_null(False)
            | closing_after_given | pl.col("_honored") | place_after_given
        )
        # the first token after the complements must start a name, within MAX_ZONE_TOKENS
        starts = tokens.filter((pl.col("_outside") == 1) & ~pl.col("_zone_ok") & cls.is_in(["name", "maybe_name"]) & (pl.col("k") <= MAX_ZONE_TOKENS))
        run = tokens.join(starts.select("anchor_id", pl.col("k").alias("_k0")), on="anchor_id").filter(pl.col("k") >= pl.col("_k0"))
        # a short common word between the first word, a name, and another name is a syllable of
        # the name ("كيم كاي غوان"); further on it ends the name ("جورج بوش دعا صدام")
        syllable = (
            (pl.col("k") == pl.col("_k0") + 1) & (cls == "common") & (pl.col("token").str.len_chars() <= 4)
            & (_prev_within(cls) == "name") & (_next_within(cls) == "name")
        )
        run = run.with_columns(pl.when(syllable.fill_null(False)).then(pl.lit("maybe_name")).otherwise(cls).alias("cls"))
        run = _mark_second_person(run).with_columns(honored.alias("_honored")).with_columns(_cum_within(~namey).alias("_broken"))
        stop = run.filter(pl.col("_broken") == 1).group_by("anchor_id").agg(pl.col("cls").sort_by("k").first().alias("stop_cls"))
        run = run.filter(pl.col("_broken") == 0).with_columns(pl.when("_honored").then(pl.lit("name")).otherwise(cls).alias("cls"))
        return run.join(stop, on="anchor_id", how="left").drop("_outside", "_k0", "_broken", "_zone_ok", "_zone", "_honored")

    def _runs_before(self, tokens: pl.DataFrame) -> pl.DataFrame:
        """Apposition, "NAME، TITLE" or "NAME TITLE": the name run right before the title (its first
        words and its comma); a word no source knows before a given name is no part of it
        ("مجهولين اختطفوا أحمد درمبه وزير الأوقاف", "تهنئة زميلهم سيرغي ميخائيلوف المدير العام").

        In a list ("، وعفيفي عبدالوهاب سفير مصر"), a name with the conjunction on its first word
        ends the run (leftward) and belongs to it, without the conjunction.
        """
        cls = pl.col("cls")
        # the title's own first words ("نائب" of "نائب مساعد وزير الدفاع"), then its comma, lie between it and the name
        tokens = tokens.with_columns((_cum_within(cls != "title") == 0).alias("_title"))
        first = tokens.filter(~pl.col("_title")).group_by("anchor_id").agg(pl.col("k").min().alias("_k1"), pl.col("cls").sort_by("k").first().alias("_c1"))
        start = first.select("anchor_id", (pl.col("_k1") + (pl.col("_c1") == "boundary").cast(pl.Int64)).alias("_from"))
        tokens = tokens.drop("_title").join(start, on="anchor_id", how="left").with_columns(pl.col("_from").fill_null(0))
        namey = cls.is_in(["name", "maybe_name", "connector"]) | _family_name() | _after_patronymic(leftward=True)
        run = tokens.filter(pl.col("k") >= pl.col("_from")).drop("_from").sort("anchor_id", "k")
        given = (cls == "name") & pl.col("token").is_in(self.given_names)
        before_given = (_cum_within(given) - given.cast(pl.Int32)) > 0  # a given name nearer the title
        namey = namey & ~((cls == "maybe_name") & before_given)
        run = run.with_columns(_cum_within(~namey).alias("_broken"))
        # the token that breaks the run: kept when it is "و" + a name
        joined = (pl.col("_broken") == 1) & ~namey & (cls == "conj_name")
        run = run.with_columns(((pl.col("_broken") == 0) | joined).alias("_in"), joined.alias("_joined"))
        stop = run.filter(~pl.col("_in")).group_by("anchor_id").agg(pl.col("cls").sort_by("k").first().alias("stop_cls"))
        return (
            run.filter(pl.col("_in"))
            .with_columns(
                pl.when(pl.col("_joined")).then(pl.col("view_start") + 1).otherwise(pl.col("view_start")).alias("view_start"),
                pl.when(pl.col("_joined")).then(pl.col("token").str.slice(1)).otherwise(pl.col("token")).alias("token"),
                pl.when(pl.col("_joined")).then(pl.lit("name")).otherwise(cls).alias("cls"),
            )
            .join(stop, on="anchor_id", how="left")
            .drop("_broken", "_in", "_joined")
        )

    @staticmethod
    def _accept(runs: pl.DataFrame, *, unknown_pairs: bool = False) -> pl.DataFrame:
        """Runs that look like a person's name -> (anchor_id, row, view_start, view_end, form).

        Connectors cannot start or end a name, nationalities cannot start one; a name has two words or more and at most
        MAX_NAME_TOKENS besides its connectors ("عبدالله بن خليفة آل ثاني"), one of
        them known as a name (a title before a single word is most often a known person's
        surname, or not a name at all); a run that a known surname follows is left to the
        first-name pass.
        """
        if runs.height == 0:
            return pl.DataFrame(schema={"anchor_id": pl.UInt32, "row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "form": pl.String})
        edge_ok = pl.col("cls") != "connector"
        # nor can a nationality start one: it is a title before the name ("الأميركي إريك ..."), and a
        # family name only after a first name ("أشرف العربي")
        start_ok = edge_ok & (pl.col("cls") != "nationality")
        runs = runs.sort("anchor_id", "view_start").with_columns(_cum_within(start_ok).alias("_from_start"))
        # trailing connectors: the last non-connector position of each run
        last_ok = runs.filter(edge_ok).group_by("anchor_id").agg(pl.col("view_start").max().alias("_last_ok"))
        runs = runs.join(last_ok, on="anchor_id").filter((pl.col("_from_start") > 0) & (pl.col("view_start") <= pl.col("_last_ok")))
        names = runs.group_by("anchor_id").agg(
            pl.col("row").first(),
            pl.col("view_start").min(),
            pl.col("view_end").max(),
            pl.col("token").sort_by("view_start").str.join(" ").alias("form"),
            pl.len().alias("_n"),
            (pl.col("cls") == "connector").sum().alias("_connectors"),
            # (a patronymic chain after a title is a name whatever its words mean: "الفريق فهد بن تركي")
            ((pl.col("cls") == "name") | pl.col("token").is_in(PATRONYMIC[:3])).sum().alias("_strong"),
            pl.col("stop_cls").first(),
            pl.col("cls").sort_by("view_start").first().alias("_first_cls"),
        )
        # (with ``unknown_pairs``: two words no source knows, closed by punctuation or by the next
        # person's "و", will do)
        strong = (pl.col("_strong") >= 1) | ((pl.col("_n") == 2) & (pl.col("_connectors") == 0) & pl.col("stop_cls").is_in(["boundary", "conj_name"])) if unknown_pairs else (pl.col("_strong") >= 1)
        keep = (
            (pl.col("_n") - pl.col("_connectors") <= MAX_NAME_TOKENS)
            & (pl.col("_n") >= 2)
            & strong
            & (pl.col("stop_cls").is_null() | ~pl.col("stop_cls").is_in(["person", "name", "maybe_name"]))
            & (pl.col("_first_cls") != "definite")
        )
        return names.filter(keep).select("anchor_id", "row", "view_start", "view_end", "form")

    @staticmethod
    def _written_ali(view: MatchingView, hits: pl.DataFrame) -> pl.DataFrame:
        """(row, view_start, view_end) of the "علي" of ``hits`` (role ali) that the text writes with a
        final ya: the name Ali, a name word where the view reads the preposition على."""
        ali = hits.filter(pl.col("role") == "ali").select("row", "view_start", "view_end")
        ya = _written_with_ya(view, ali["row"].to_numpy(), ali["view_end"].to_numpy() - 1)
        return ali.filter(pl.Series(ya))

    def people(self, view: MatchingView, known: pl.DataFrame, known_tokens: pl.DataFrame, titles: pl.DataFrame, free_words: pl.DataFrame) -> pl.DataFrame:
        """People introduced by a title: row, view_start, view_end, form, title_en, country."""
        if titles.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        titles = resolve_overlaps(titles)
        # (an honorific introduces a name that no source may know: "الدكتور مشاري النعيم")
        honorific = titles["form"].is_in(self.honorifics)
        # ... and so does a nationality right after a title and before a comma, whatever words follow:
        # "وزير الدفاع الياباني، إيتسونوري أونوديرا،" (two words no source knows, read with
        # ``unknown_pairs``; the view writes the comma as a second space)
        titles = titles.sort("row", "view_start")
        rows, ends = titles["row"].to_numpy(), titles["view_end"].to_numpy()
        comma_after = pl.Series((view.chars_at(rows, ends) == ord(" ")) & (view.chars_at(rows, ends + 1) == ord(" ")))
        after_title = (
            titles["form"].is_in(self.nationality_titles["form"].implode()) & comma_after
            & (titles["row"] == titles["row"].shift(1)) & ((titles["view_start"] - titles["prefix_len"] - titles["view_end"].shift(1)) == 1)
        ).fill_null(False)
        honorific = titles["form"].is_in(self.honorifics) | after_title
        near = _near(titles.filter(~honorific), free_words, after=WINDOW, before=WINDOW_BEFORE)
        titles = pl.concat([near, titles.filter(honorific)]).sort("row", "view_start").with_row_index("anchor_id")
        if titles.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        titles = titles.join(self.titles, on="form", how="left").join(
            self.nationality_titles.rename({"country": "_anchor_country"}), on="form", how="left"
        )
        # "مستشفى الملك فيصل التخصصي": a title right after a place named after a person
        named_after = text_before(view.view, titles["row"], titles["view_start"] - titles["prefix_len"], 12).str.contains(_NAMED_AFTER)
        after = self.classify_tokens(self.window_tokens(view, titles, before=False), known_tokens).join(
            titles.select(
                "anchor_id", named_after.alias("_named_after"), pl.col("form").is_in(self.honorifics).alias("_honorific"),
                pl.col("title_en").str.ends_with(" of").fill_null(False).alias("_open"),
            ),
            on="anchor_id",
            how="left",
        )
        after = self._misspelt_known(self._after_honorifics(after))
        before = self.classify_tokens(self.window_tokens(view, titles, before=True), known_tokens)
        found = pl.concat([self._accept(self._runs_after(after), unknown_pairs=True), self._accept(self._runs_before(before))])
        if found.height == 0:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        zone = self._with_zone(after).filter(pl.col("_zone"))
        # (a two-word adjective names one country: "نظيره الكوري الجنوبي")
        bare = pl.col("token").str.replace(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?", "")
        compound = self.compound_nationalities.select(pl.col("first").alias("_w"), pl.col("second").alias("_w_next"), pl.col("country").alias("_nat2"))
        nationality = zone.with_columns(bare.alias("_w"), _next_within(bare).alias("_w_next")).filter(pl.col("cls") == "nationality").with_columns(
            pl.col("token").str.replace(r"^(?:و|ف)?(?:ب|ل|ك)?", "").alias("_form")
        ).join(self.nationalities.select("form", "country"), left_on="_form", right_on="form").join(
            compound, on=["_w", "_w_next"], how="left"
        ).group_by("anchor_id").agg(
            pl.coalesce("_nat2", "country").drop_nulls().first().alias("_nat_country")
        )
        organization = zone.filter(pl.col("cls") == "entity").join(
            self.reference.actors.select(pl.col("actor_id").alias("entity_id"), pl.col("country").alias("_org_country"), pl.col("name_en").alias("_org")),
            on="entity_id",
        ).group_by("anchor_id").agg(pl.col("_org_country").filter(pl.col("_org_country") != "").first(), pl.col("_org").first())
        # "سفير جمهورية مصر العربية لدى المملكة", "وزير خارجية مصر": a country right after the title
        # (or after "جمهورية") is the person's; further on ("لدى مصر", "بجمهورية مصر") it is the host's
        designated = _prev_within(pl.col("token")).is_in(STATE_DESIGNATORS) & (pl.col("k") == 1)
        first = (pl.col("k") == 0) & ~pl.col("token").str.contains(rf"^[بل](?:ال)?(?:{'|'.join(STATE_DESIGNATORS)})")
        state = zone.filter((pl.col("cls") == "entity") & (first | designated.fill_null(False))).join(
            self.countries, on="entity_id"
        ).group_by("anchor_id").agg(pl.col("_state_country").first())
        found = (
            found.join(titles.select("anchor_id", "title_en", "_anchor_country"), on="anchor_id", how="left")
            .join(nationality, on="anchor_id", how="left")
            .join(organization, on="anchor_id", how="left")
            .join(state, on="anchor_id", how="left")
            .with_columns(pl.coalesce("_anchor_country", "_nat_country", "_org_country", "_state_country").alias("country"))
        )
        ends_open = pl.col("title_en").str.contains(r" (?:of|for|to|at|in)$")
        complement = pl.coalesce("_org", pl.col("country").replace_strict(self.country_names, default=None, return_dtype=pl.String))
        role = (
            pl.when(pl.col("title_en").is_null()).then(None)
            .when(complement.is_null()).then(pl.col("title_en").str.replace(r" (?:of|for|to|at|in)$", ""))
            .when(ends_open).then(pl.col("title_en") + " " + complement)
            .otherwise(pl.col("title_en") + ", " + complement)
        )
        return (
            found.with_columns(role.alias("title_en"))
            .select(list(PEOPLE_SCHEMA))
            .unique(["row", "view_start", "view_end"], keep="first", maintain_order=True)
        )
