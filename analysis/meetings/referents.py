"""The person a meeting word is about when the text does not name them next to it, for ``_participants``:

* ``_sentence_subjects``: the person who opens the sentence ("ويستعد ماكرون للتوجه ...، قبل عقد اجتماع مع أردوغان");
* ``_pronoun_referents``: the person its pronoun refers to ("اجتماعه مع الرئيس الصيني"، "وكان في استقباله");
* ``_add_sole_other_person``: the one other person of a sentence with a meeting "مع" one person;
* ``_speaker_states``: the state of each actor, for talks of a speaker with a state;
* ``_titled_in_clause``: the mentions whose reported clause names somebody by title alone, whose speaker is no party.
"""

from __future__ import annotations

import polars as pl

from ..arabic import text_before, text_between
from ..dates import written_day_words
from ..entities import STATE_PREFIX
from ..quotes import TITLE_NAME_REACH
from ..reference import view_form
from .patterns import _COMPLEMENTIZER, _GOES_ON_LEAD, _NEW_CLAUSE, _OPENING_PHRASE, OPENING_PHRASE_GAP, _one_by_one_verbs
from .spans import _first_word, _without_word_between

CLAUSE_LOOKBACK = 120  # characters before a meeting word searched for the complementizer of its clause


def _titled_in_clause(texts: pl.Series, events: pl.DataFrame, cues: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """(event) of the meetings whose reported clause (after the first "إن/أن/بأن" of its sentence,
    within ``CLAUSE_LOOKBACK`` characters) names somebody by a title alone before the meeting word:
    a title that neither is a person's mention nor has one right after it (``mentions``, with the
    title references)."""
    # (the words of its sentence before it, from the first complementizer on)
    lead = text_before(texts, events["row"], events["start"], CLAUSE_LOOKBACK).str.replace(r"^.*[.!?؟\n]", "")
    clause = lead.str.replace(r"^.*?(?:^|\s)(?:إن|أن|بأن)\s", "")
    reported = events.select("event", "row", "sentence", "start").with_columns(
        (pl.col("start") - clause.str.len_chars().cast(pl.Int64)).alias("_from"), (clause.str.len_chars() < lead.str.len_chars()).alias("_reported")
    ).filter(pl.col("_reported"))
    titles = cues.filter(pl.col("role") == "title").select("row", pl.col("sentence").alias("_t_sentence"), pl.col("start").alias("_t_start"), pl.col("end").alias("_t_end")).sort("row", "_t_start")
    people = mentions.filter(pl.col("entity_kind") == "person").select("row", pl.col("start").alias("_p_start")).sort("row", "_p_start")
    titles = titles.join_asof(people, left_on="_t_start", right_on="_p_start", by="row", strategy="forward", check_sortedness=False).filter(
        pl.col("_p_start").is_null() | ((pl.col("_p_start") - pl.col("_t_end")) > TITLE_NAME_REACH)
    ).drop("_p_start", "_t_end")
    if reported.height == 0 or titles.height == 0:
        return reported.select("event").clear()
    found = reported.sort("row", "start").join_asof(titles, left_on="start", right_on="_t_start", by="row", strategy="backward", check_sortedness=False)
    return found.filter((pl.col("_t_sentence") == pl.col("sentence")) & (pl.col("_t_start") >= pl.col("_from"))).select("event")


# a meeting noun right after a word of time: "عقب لقاء بايدن", "بعد اجتماع"
_TIME_BEFORE_NOUN = r"(?:^|\s)(?:و|ف)?(?:عقب|بعد|خلال|قبيل|إثر|اثر|أثناء|اثناء|لدى|غداة|عشية)\s+$"
SPEECH_TO_NOUN = 90  # characters from a speech verb to the meeting noun it is said at the time of


def _said_at_meetings(texts: pl.Series, events: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """(event) of the meeting nouns after a word of time in the phrase of a speech verb before them,
    which its speaker held: "وأضاف في مؤتمر صحفي، أمام البيت الأبيض عقب لقاء بايدن، إن" (not inside
    what is said: "قال إن التوتر تراجع بعد لقاء بايدن")."""
    nouns = events.filter(~pl.col("verb") & text_before(texts, events["row"], events["start"], 12).str.contains(_TIME_BEFORE_NOUN))
    verbs = cues.filter(pl.col("role") == "speech_verb").select("row", "sentence", pl.col("end").alias("_v_end")).sort("row", "_v_end")
    if nouns.height == 0 or verbs.height == 0:
        return nouns.select("event").clear()
    found = nouns.select("event", "row", "sentence", "start").sort("row", "start").join_asof(
        verbs, left_on="start", right_on="_v_end", by="row", strategy="backward", check_sortedness=False, suffix="_v"
    ).filter((pl.col("sentence_v") == pl.col("sentence")) & ((pl.col("start") - pl.col("_v_end")) <= SPEECH_TO_NOUN))
    gap = text_between(texts, found["row"], found["_v_end"], found["start"])
    return found.filter(~gap.str.contains(_COMPLEMENTIZER) & ~gap.str.contains(r"[\"«“:]")).select("event")


SUBJECT_LEAD_WORDS = 3  # "وكان الرئيس الأمريكي قد ...": words before the subject that opens a sentence


def _sentence_subjects(texts: pl.Series, mentions: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """(event, _subject): the person who opens the sentence of a meeting word, when nobody else is
    named between them ("ويستعد ماكرون للتوجه ...، قبل عقد اجتماع مع أردوغان", "وكان الرئيس الفرنسي
    قد تعرض لانتقادات إثر القمة التي جمعته بأردوغان"; not "أكد ماكرون زيارة بارو ... واجتماعه")."""
    people = mentions.filter(pl.col("entity_kind") == "person").sort("row", "start")
    first = people.unique(["row", "sentence"], keep="first")
    lead = text_before(texts, first["row"], first["start"], 40)
    words = rf"(?:\S+\s+){{0,{SUBJECT_LEAD_WORDS}}}$"
    opening = lead.str.contains(rf"[.!?؟\n]\s*{words}") | ((first["start"] <= 40) & lead.str.contains(rf"^\s*{words}"))
    first = first.filter(opening).select("row", "sentence", pl.col("start").alias("_s_start"), pl.col("entity_id").alias("_subject"))
    # the last person named before the meeting word must be that subject
    last_before = events.select("event", "row", "sentence", "start").sort("row", "start").join_asof(
        people.select("row", pl.col("start").alias("_last_start"), pl.col("entity_id").alias("_last")), left_on="start", right_on="_last_start", by="row",
        strategy="backward", check_sortedness=False,
    )
    # (the same person: "أكد الرئيس الفرنسي إيمانويل ماكرون" names him by title, then by name)
    return last_before.join(first, on=["row", "sentence"]).filter(
        (pl.col("_last_start") >= pl.col("_s_start")) & (pl.col("_last") == pl.col("_subject"))
    ).select("event", "_subject")


def _with_led(texts: pl.Series, pairs: pl.DataFrame) -> pl.DataFrame:
    """The (event, person) rows of ``pairs`` where the person follows the meeting word after "مع"
    (at most two words before "مع", four after it: "الاجتماع مع زعيم كوريا الشمالية، كيم"), or after
    the "من" of a call received ("اتصال هاتفي تلقاه من الرئيس الأمريكي")."""
    after = pairs.filter((pl.col("start") >= pl.col("_e_end")) & (pl.col("entity_kind") == "person"))
    lead = text_between(texts, after["row"], after["_e_end"], after["start"])
    # a comma only right before the name ("مع زعيم كوريا الشمالية، كيم"), not before a verb
    # ("قبيل اجتماعه مع رئيس كوريا الجنوبية، كرر بايدن")
    return after.filter(
        lead.str.contains(r"^\s*(?:(?:\S+\s+){0,2}?مع|(?:تلقاه|تلقته|تلقاها)\s+من)\s+(?:[^\s،,]+\s+){0,4}(?:[^\s،,]+[،,]\s*)?$")
    )


def _add_sole_other_person(
    texts: pl.Series, assigned: pl.DataFrame, pairs: pl.DataFrame, mentions: pl.DataFrame, events: pl.DataFrame, proxies: pl.DataFrame, left_alone: pl.DataFrame
) -> pl.DataFrame:
    """A meeting "مع" one person, in a sentence that names one other person: that person is the
    other side ("قال مون إن الاتفاق على الاجتماع مع زعيم كوريا الشمالية، كيم جونغ أون، في طور
    الإعداد"; "بعد إلغاء قمة مع كيم، تراجع مون عن قراره"), unless a plural verb has its own
    subject ("مبعوثون ... اجتمعوا مع ...") or the other person speaks for somebody else
    (``proxies``: the actor_ids of spokesmen, advisers, envoys; ``_SPEAKS_FOR``).

    ``assigned``: (event, participants); ``pairs``: the (event, party) rows it was built from;
    ``mentions``: every mention of the batch (with row and sentence); ``left_alone``: the events
    whose reported clause names somebody by title (``_titled_in_clause``) and the verbs that go on
    with their sentence's subject (``_going_on``), left alone.
    """
    written = _first_word(texts, events)
    plural = events.filter(pl.col("verb") & written.str.contains(r"(?:وا|ون|ان)$").fill_null(False)).select("event")
    sole = assigned.join(plural, on="event", how="anti").join(left_alone, on="event", how="anti").filter(pl.col("participants").list.len() == 1).select(
        "event", pl.col("participants").list.first().alias("entity_id")
    )
    counterpart = _with_led(texts, pairs.join(sole, on=["event", "entity_id"], how="semi"))
    if counterpart.height == 0:
        return assigned
    counterpart = counterpart.select("event", "row", "sentence", "end", pl.col("entity_id").alias("_with"))
    people = mentions.filter(pl.col("entity_kind") == "person").group_by("row", "sentence").agg(pl.col("entity_id").unique().alias("_people"))
    other = counterpart.join(people, on=["row", "sentence"]).filter(pl.col("_people").list.len() == 2).select(
        "event", "row", pl.col("_people").list.set_difference(pl.concat_list("_with")).list.first().alias("_other")
    )
    # ... who is not named after another meeting word that follows: "بعد لقاء جمعه مع نظيره العراقي
    # ...، من المتوقع أن يلتقي اليوم ... مع مسعود بارزاني"
    named_at = mentions.filter(pl.col("entity_kind") == "person").group_by("row", "sentence", pl.col("entity_id").alias("_other")).agg(
        pl.col("start").min().alias("_o_start")
    )
    other = other.join(events.select("event", "sentence", pl.col("end").alias("_e_end")), on="event").join(named_at, on=["row", "sentence", "_other"])
    other = _without_word_between(other, events, "_e_end", "_o_start").select("event", "_other")
    # with more people named, the nearest one before the meeting word in its clause: "وأضاف ميرتس أن
    # ماكرون أكد مجدداً التزامه ... وبالاجتماع المزمع مع أردوغان" (Macron, not Merz before "أن")
    before = (
        counterpart.join(events.select("event", pl.col("start").alias("_e_start")), on="event")
        .join(mentions.filter(pl.col("entity_kind") == "person").select("row", "sentence", pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_other")), on=["row", "sentence"])
        .filter((pl.col("_p_end") <= pl.col("_e_start")) & (pl.col("_other") != pl.col("_with")))
        .join(other.select("event"), on="event", how="anti")
        .sort("event", "_p_end").unique("event", keep="last")
    )
    gap = text_between(texts, before["row"], before["_p_end"], before["_e_start"])
    before = before.filter(~gap.str.contains(_COMPLEMENTIZER) & ~gap.str.contains(_NEW_CLAUSE) & ~gap.str.contains(r"[.!?؟؛:]")).select("event", "_other")
    # ... or, for a meeting word in the phrase that opens the sentence, the subject of the main clause
    # right after its comma and verb: "وإضافة إلى عقد قمة نادرة مع رئيس كوريا الجنوبية مون جاي إن،
    # التقى كيم جونغ أون مرتين ... الرئيس الصيني"
    opening = events.filter(text_before(texts, events["row"], events["start"], OPENING_PHRASE_GAP).str.contains(_OPENING_PHRASE)).select("event")
    after = (
        counterpart.join(opening, on="event", how="semi").join(pl.concat([other, before]).select("event"), on="event", how="anti")
        .join(mentions.filter(pl.col("entity_kind") == "person").select("row", "sentence", pl.col("start").alias("_p_start"), pl.col("entity_id").alias("_other")), on=["row", "sentence"])
        .filter(pl.col("_p_start") >= pl.col("end"))
        .sort("event", "_p_start").unique("event", keep="first")
    )
    main_clause = text_between(texts, after["row"], after["end"], after["_p_start"]).str.contains(r"^[^.!?؟؛:،,]*[،,]\s*(?:و|ف)?[^\s،,.]+\s+(?:[^\s،,.]+\s+){0,4}$")
    after = after.filter(main_clause & (pl.col("_other") != pl.col("_with"))).select("event", "_other")
    other = pl.concat([other, before, after]).join(proxies.rename({"actor_id": "_other"}), on="_other", how="anti")
    return assigned.join(other, on="event", how="left").with_columns(
        pl.when(pl.col("_other").is_not_null()).then(pl.concat_list("_other", "participants")).otherwise(pl.col("participants")).alias("participants")
    ).drop("_other")


# a verb of one party meeting others, in the singular, as written: it may go on with the subject of
# the verb before it ("وعقد اجتماعا مع ...")
_GOES_ON_VERB = (
    r"^(?:س)?(?:التقى|التقت|يلتقي|تلتقي|اجتمع|اجتمعت|يجتمع|تجتمع|عقد|عقدت|يعقد|تعقد|أجرى|اجرى|أجرت|اجرت|يجري|تجري"
    r"|استقبل|استقبلت|يستقبل|تستقبل|بحث|بحثت|يبحث|تبحث|زار|زارت|يزور|تزور)$"
)


def _after_goes_on_lead(texts: pl.Series, events: pl.DataFrame) -> pl.Series:
    """Whether each meeting word is a verb of one party (``_GOES_ON_VERB``) after a comma and "و",
    "ثم" or "على أن" (``_GOES_ON_LEAD``): a verb that may go on with its sentence's subject."""
    lead = text_before(texts, events["row"], events["start"], 16)
    return (_first_word(texts, events).str.contains(_GOES_ON_VERB) & lead.str.contains(_GOES_ON_LEAD)).fill_null(False)


def _going_on(texts: pl.Series, events: pl.DataFrame) -> pl.Series:
    """Whether each meeting word is a verb that goes on with the subject of its sentence
    (``_after_goes_on_lead``), with "مع" or "ب" next (maybe after a day), so that no subject of its
    own comes between ("أجرى كارتر لقاءات مع العبادي، وعقد اجتماعا مع الجبوري"; not "كما التقى كيم
    الرئيس الصيني", its own). Its subject is that of the sentence, and who is named before it is the
    object of the verb before."""
    # (the verb, maybe its meeting noun, then "مع" or "ب"; not its own subject: "واجتمع ميرتس مع")
    # (or a day first: "ويجتمع غدا مع المبعوث")
    verb_on = text_between(texts, events["row"], events["start"], events["start"] + 40).str.contains(
        rf"^\S+\s+(?:(?:{written_day_words()})\s+)?(?:(?:اجتماع|لقاء|محادثات|مباحثات|مشاورات|مفاوضات|مكالمة|اتصال)\S*\s+)?(?:مع\s|ب)"
    )
    return _after_goes_on_lead(texts, events) & verb_on.fill_null(False)


def _going_on_with_object(texts: pl.Series, events: pl.DataFrame, assigned: pl.DataFrame, pairs: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """``assigned`` (event, participants) with the subject of the sentence added to a verb of one
    party (``_GOES_ON_VERB``) that goes on with it and has one party, named after a word of time
    between them, its object: "التقى لافروف نظيره السعودي في الدوحة، على أن يلتقي الأسبوع المقبل
    المبعوث الدولي" (Lavrov meets the envoy). ``pairs``: the (event, party) rows of ``assigned``.
    The subject is the first person named before the verb in its clause (after the last "إن/أن"),
    else of its sentence (``_clause_subjects``)."""
    verbs = events.filter(_after_goes_on_lead(texts, events))
    one = assigned.filter(pl.col("participants").list.len() == 1).select("event", pl.col("participants").list.first().alias("entity_id"))
    objects = pairs.join(one, on=["event", "entity_id"], how="semi").join(verbs.select("event", pl.col("start").alias("_v_start")), on="event")
    # (after a word of time: right after the verb it would be its subject, "، وزار السيسي روسيا")
    gap = text_between(texts, objects["row"], objects["_e_end"], objects["start"])
    objects = objects.filter(gap.str.contains(rf"^\s*(?:{written_day_words()}|الأسبوع|الشهر|العام)(?:\s|$)"))
    if objects.height == 0:
        return assigned
    owned = objects.select("event", "row", "sentence", pl.col("_v_start").alias("start"), pl.lit(True).alias("_always"))
    subjects = _clause_subjects(texts, owned, *_people_and_first(mentions)).select("event", "_referent")
    return assigned.join(subjects, on="event", how="left").with_columns(
        pl.when(pl.col("_referent").is_not_null() & ~pl.col("participants").list.contains(pl.col("_referent")))
        .then(pl.concat_list("_referent", "participants")).otherwise(pl.col("participants")).alias("participants")
    ).drop("_referent")


# a verb of meeting with the pronoun of one person met ("استقبله", "التقاها", "سيزوره"; not "استقبلهما")
_MET_HIM = r"^(?:و|ف)?(?:س)?(?:استقبل|استقبلت|يستقبل|تستقبل|التقا|التقت|يلتقي|تلتقي|يزور|تزور|هاتفت)(?:ه|ها)$"


def _pronoun_referents(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """(event, _referent, _always): the person a meeting word's own pronoun refers to; ``_always``
    where that person is a party whoever else is named.

    * "وكان في استقباله لدى وصوله ... وزير الخارجية القطري" (``_always``): the one received;
    * "كما سيلتقي ماكرون جنودا فرنسيين. وسيلتقي أيضا رئيس الوزراء" (``_always``): who also meets;
    * "القمة التاريخية بينه وبين الزعيم الكوري الشمالي" (``_always``): the subject's;
    * "وصل ماكرون إلى أنقرة. واستقبله أردوغان" (``_always``): the one met, named before the verb (not
      its own subject right before it: "إن أردوغان استقبله" is somebody named before Erdoğan);
    * "وعلى عكس اجتماعه مع الرئيس الصيني": whose meeting it is, for a meeting noun that carries a
      singular pronoun (اجتماعه، لقائه، محادثاتها، زيارته...) or a verb of gathering that does ("لقاء
      جمعه مع نظيره"); ``_participants`` takes it only for
      a meeting "مع" one other person, and never a spokesman or an adviser (``_SPEAKS_FOR``).

    The referent is the last person named before the word in its sentence, else the first person
    of the sentence before it (the subject the article is talking about).
    """
    lead = text_before(texts, events["row"], events["start"], 20)
    written = _first_word(texts, events)
    # ("في استقبال معاليه": an honorific stands for the pronoun)
    reception = lead.str.contains(r"(?:^|\s)(?:و|ف)?(?:كان|كانت|كانوا)\s+في\s+$") & text_between(texts, events["row"], events["start"], events["end"]).str.contains(
        r"^استقبال(?:ه|ها|هما|هم|\s+(?:معالي|سمو|فخامت|دولت|سعادت)(?:ه|ها))$"
    )
    # (a singular pronoun: "اجتماعهما" is the meeting of two people named before)
    possessive = written.str.contains(r"^(?:اجتماع|اجتماعات|لقاء|لقائ|لقاءات|محادثات|مباحثات|مفاوضات|زيارت|اتصال)(?:ه|ها)$")
    # ... or a verb of gathering with it: "وبعد لقاء جمعه أمس مع نظيره العراقي" (the meeting that brought him together with ...)
    possessive = possessive | text_between(texts, events["row"], events["start"], events["end"]).str.contains(
        r"(?:^|\s)(?:س|و)?(?:جمع|جمعت|تجمع|يجمع)(?:ه|ها)(?:\s|$)"
    )
    # ... or a verb of meeting with "أيضا" and no subject of its own: "كما سيلتقي ماكرون جنودا فرنسيين.
    # وسيلتقي أيضا رئيس الوزراء ..." (the one who meets them all)
    # (the verbs are in matching view: "والتقى أيضا" is written with alef maqsura)
    written_view = pl.Series([view_form(w) if w else w for w in written.to_list()], dtype=pl.String)
    also = written_view.is_in(list(_one_by_one_verbs())) & text_between(texts, events["row"], events["end"], events["end"] + 8).str.contains(
        r"^\s*أيض(?:ا|اً|ًا)(?:\s|[،,]|$)"
    )
    # ... or a verb that goes on with its sentence's subject (``_going_on``)
    also = also | _going_on(texts, events)
    # ... or "بينه وبين" after it: "القمة التاريخية بينه وبين الزعيم الكوري الشمالي" is the meeting of the
    # sentence's subject, who is a party whoever else is named (not the last person named before:
    # "أن تذهب الجائزة إلى نظيره ... عما إذا كان يعتقد أن اللقاء الذي جرى بينه وبين")
    between_him = text_between(texts, events["row"], events["end"], events["end"] + 24).str.contains(r"^\s*(?:\S+\s+){0,2}?بين(?:ه|ها)\s+و\s*بين\s")
    also = also | between_him
    # ... or a verb of meeting with the pronoun of the one met: "وصل ماكرون إلى أنقرة. واستقبله أردوغان"
    # (the last person before it but its own subject: "قال ماكرون إن أردوغان استقبله")
    met_him = written.str.contains(_MET_HIM)
    owned = events.with_columns(
        (reception.fill_null(False) | also.fill_null(False) | met_him.fill_null(False)).alias("_always"), possessive.fill_null(False).alias("_possessive"),
        also.fill_null(False).alias("_also"), met_him.fill_null(False).alias("_met_him"),
    ).filter(pl.col("_always") | pl.col("_possessive")).select("event", "row", "sentence", "start", "_always", "_also", "_met_him")
    people, first_of_sentence = _people_and_first(mentions)
    if owned.height == 0 or people.height == 0:
        return pl.DataFrame(schema={"event": pl.UInt32, "_referent": pl.String, "_always": pl.Boolean})
    # (the subject with "أيضا": the first person of its sentence before it, not the last)
    # (a person right before a verb with the pronoun of the one met is its subject: the one before him is met)
    own_subject = owned.filter(pl.col("_met_him")).join(people, on="row").filter(
        (pl.col("_p_sentence") == pl.col("sentence")) & (pl.col("_p_end") <= pl.col("start"))
    )
    # (or before the relative pronoun that stands for it: "أخته أوما أوباما التي استقبلته في المطار")
    own_subject = own_subject.filter(
        text_between(texts, own_subject["row"], own_subject["_p_end"], own_subject["start"]).str.contains(r"^[\s،,]*(?:(?:التي|الذي)\s+)?(?:قد\s+)?$")
    ).select("event", "_p")
    before = owned.filter(~pl.col("_also")).sort("row", "start").join_asof(people.sort("row", "_p"), left_on="start", right_on="_p", by="row", strategy="backward", check_sortedness=False)
    before = pl.concat([
        before.join(own_subject, on="event", how="anti"),
        owned.join(own_subject, on="event").sort("row", "_p").join_asof(
            people.sort("row", "_p").rename({"_p": "_p_before"}), left_on="_p", right_on="_p_before", by="row", strategy="backward", check_sortedness=False, allow_exact_matches=False
        ).drop("_p").rename({"_p_before": "_p"}),
    ], how="diagonal_relaxed")
    same = pl.concat([
        before.filter(pl.col("_p_sentence") == pl.col("sentence")).select("event", "_referent", "_always"),
        _clause_subjects(texts, owned.filter(pl.col("_also")), people, first_of_sentence),
    ])
    first_of_previous = first_of_sentence.select("row", (pl.col("_p_sentence") + 1).alias("sentence"), "_referent")
    previous = owned.join(same, on="event", how="anti").join(first_of_previous, on=["row", "sentence"]).select("event", "_referent", "_always")
    return pl.concat([same, previous]).cast({"event": pl.UInt32})


def _country_states(places: pl.DataFrame) -> pl.DataFrame:
    """(country, _state): the state actor of each country code (``places`` as ``MeetingPlaces``)."""
    return places.filter(pl.col("main")).select("country", (STATE_PREFIX + pl.col("place_id")).alias("_state"))


def _speaker_states(actors: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """(_speaker, _speaker_state): the state actor of each actor's country (``actors``: actor_id,
    country; ``places`` as ``MeetingPlaces``)."""
    return actors.select(pl.col("actor_id").alias("_speaker"), "country").join(_country_states(places), on="country").select(
        "_speaker", pl.col("_state").alias("_speaker_state")
    )


def _people_and_first(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The people of ``mentions`` (row, _p_sentence, _p, _p_end, _referent) and the first of each
    sentence, as ``_clause_subjects`` reads them."""
    people = mentions.filter(pl.col("entity_kind") == "person").select(
        "row", pl.col("sentence").alias("_p_sentence"), pl.col("start").alias("_p"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_referent")
    )
    return people, people.sort("row", "_p").unique(["row", "_p_sentence"], keep="first")


def _clause_subjects(texts: pl.Series, owned: pl.DataFrame, people: pl.DataFrame, first_of_sentence: pl.DataFrame) -> pl.DataFrame:
    """(event, _referent, _always) of the subject of each of ``owned`` (event, row, sentence, start,
    _always): the first person named before it in its own clause, after the last "إن/أن" between
    them ("قال مون إن الزعيم الكوري الشمالي أيد ... عقد القمة بينه وبين ماكرون" is the leader's
    summit), else the first person of its sentence."""
    candidates = owned.join(people.rename({"_p_sentence": "sentence"}), on=["row", "sentence"]).filter(pl.col("_p_end") <= pl.col("start"))
    inner = candidates.filter(~text_between(texts, candidates["row"], candidates["_p_end"], candidates["start"]).str.contains(_COMPLEMENTIZER))
    inner = inner.sort("event", "_p").unique("event", keep="first").select("event", "_referent", "_always")
    first = owned.join(inner, on="event", how="anti").join(first_of_sentence.rename({"_p_sentence": "sentence"}), on=["row", "sentence"]).filter(pl.col("_p") < pl.col("start"))
    return pl.concat([inner, first.select("event", "_referent", "_always")])
