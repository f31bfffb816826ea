"""Parties a meeting mention takes from its context once ``_participants`` has given it those named
around it. Each function reads the batch's texts and the mentions (``events``: event, row, sentence, start,
end, participants, ...) and returns ``events`` with ``participants`` changed:

* ``_referring_back``: "أثناء الاجتماع" is the meeting named before it, and has no parties of its own;
* ``_during_subjects``: "خلال قمة ...، أكد كيم والرئيس مون": the subjects after a "during" phrase;
* ``_where_subjects``: "يزور نتنياهو موسكو ... حيث سيلتقي": the one party of the meeting word before "حيث";
* ``_travellers``: "توجه بولتون إلى موسكو ... والتقى لافروف": the one who travelled;
* ``_addressees``: "قال لافروف للملك ... إن الرئيس الصيني يتطلع للقائه": the one told;
* ``_with_delegation_heads``: the head of a delegation in the delegation's place;
* ``_anonymous_speakers_side``: "قال مسؤول أوكراني إن المفاوضات مع الروس": the official's state.
"""

from __future__ import annotations

import polars as pl

from ..arabic import find_regex, text_before, text_between
from ..entities import DELEGATION_ROLE, STATE_PREFIX
from .patterns import _COMPLEMENTIZER, _PREPOSITIONS, _SUBORDINATE_CLAUSE, _TRAVEL_VERB, _VISIT, CLUSTER_GAP
from .referents import _country_states
from .spans import _first_word

# "أثناء الاجتماع", "وفي نهاية اللقاء": a time within the meeting named before
_WITHIN_LEAD = r"(?:^|\s)(?:و|ف)?(?:خلال|أثناء|اثناء|في بداية|في نهاية|في ختام|في مستهل|مع بداية|مع نهاية)\s+$"
# "وتلك المناقشات": a demonstrative pointing back at it
_DEMONSTRATIVE_LEAD = r"(?:^|\s)(?:و|ف)?(?:هذه|هذا|تلك|ذلك)\s+$"


def _referring_back(texts: pl.Series, events: pl.DataFrame, lead_pattern: str = _WITHIN_LEAD, statuses: tuple[str, ...] = ()) -> pl.DataFrame:
    """A definite meeting noun with no verb, led by a time within it ("وقدم ... الدكتور عبدالله
    العبداللطيف، أثناء الاجتماع، عرضا"; ``lead_pattern``), after a meeting of two or more parties in
    its article, is that meeting: who is named around it speaks or presents there, and is no new
    party (its participants are emptied, so that it joins the meeting before it, ``article_meetings``).
    With ``_DEMONSTRATIVE_LEAD`` and ``statuses`` (after ``_status``): "طلب الرئيس من مستشاره دعوة
    نظيره ... وتلك المناقشات جارية", when the text says it is held or planned (not "دعا ... إلى
    إلغاء ذلك الاجتماع", which is about whoever it names)."""
    lead = text_before(texts, events["row"], events["start"], 16)
    of_two = (pl.col("participants").list.len() >= 2).cast(pl.Int32)
    earlier = of_two.cum_sum().over("row", order_by="start") - of_two
    within = pl.col("anaphoric") & ~pl.col("verb") & pl.Series(lead.str.contains(lead_pattern)) & (earlier > 0)
    if statuses:
        within = within & pl.col("status").is_in(list(statuses))
    return events.with_columns(pl.when(within).then(pl.lit([], pl.List(pl.String))).otherwise(pl.col("participants")).alias("participants"))


DURING_SUBJECT_GAP = 200  # "خلال قمة ... في بانمونجوم، ...، أكد كيم والرئيس مون": the clause after a "during" phrase


def _during_subjects(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """A meeting named in a "during" phrase has the subjects of its sentence as parties.

    "وخلال قمة نادرة بين الكوريتين الشهر الماضي في بانمونجوم، ... أكّد كيم والرئيس الكوري الجنوبي
    مون": a mention with fewer than two participants besides states, led by خلال / أثناء / على هامش, takes the first
    two people named after it in its sentence when "و" joins them (with at most their titles between),
    unless they accompany someone ("ورافق خلال الزيارة ..."; ``cues`` with role attendance).
    """
    lead = text_before(texts, events["row"], events["start"], 12)
    during = events.with_columns(lead.str.contains(r"(?:^|\s)(?:و|ف)?(?:خلال|أثناء|اثناء|على هامش)\s+$").alias("_during")).filter(
        # (states as sides count for nothing: "بين الكوريتين" names the two states whose leaders these are)
        pl.col("_during") & (pl.col("participants").list.eval(~pl.element().str.starts_with(STATE_PREFIX)).list.sum() < 2)
    ).join(cues.filter(pl.col("role") == "attendance").select("row", "sentence").unique(), on=["row", "sentence"], how="anti")
    if during.height == 0:
        return events
    people = mentions.filter(pl.col("entity_kind") == "person").select(
        "row", pl.col("sentence").alias("_sentence"), pl.col("start").alias("_p"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_id")
    ).sort("row", "_p")
    # ... named before any other meeting word ("خلال قمة ... على انعقاد القمة المرتقبة بين مون وكيم")
    next_start = events.sort("row", "start").select("event", pl.col("start").shift(-1).over("row").alias("_next"))
    first = during.join(next_start, on="event").select("event", "row", "sentence", "end", "_next").sort("row", "end").join_asof(
        people, left_on="end", right_on="_p", by="row", strategy="forward", check_sortedness=False
    ).filter(
        (pl.col("_sentence") == pl.col("sentence")) & ((pl.col("_p") - pl.col("end")) <= DURING_SUBJECT_GAP)
        & (pl.col("_next").is_null() | (pl.col("_p") < pl.col("_next")))
    ).drop("_next")
    second = first.rename({"_p": "_p1", "_id": "_id1"}).drop("_sentence").sort("row", "_p_end").join_asof(
        people, left_on="_p_end", right_on="_p", by="row", strategy="forward", check_sortedness=False
    ).filter(pl.col("_sentence") == pl.col("sentence"))
    link = texts.gather(second["row"]).str.slice(second["_p_end"], (second["_p"] - second["_p_end"]).clip(0))
    joined = second.filter(
        link.str.contains(r"^\s*و") & ~link.str.contains(r"[.:؛،,]|" + _PREPOSITIONS) & ((second["_p"] - second["_p_end"]) <= 60)
        & (pl.col("_id1") != pl.col("_id"))
    ).select("event", pl.concat_list("_id1", "_id").alias("_subjects"))
    return events.join(joined, on="event", how="left").with_columns(
        pl.coalesce("_subjects", "participants").alias("participants")
    ).drop("_subjects")


# "حيث سيلتقي" after a clause with a subject: "يزور نتنياهو موسكو ... حيث سيلتقي الرئيس الروسي"
_WHERE_LEAD = r"(?:^|\s)(?:و|ف)?حيث\s+(?:(?:من المقرر|من المتوقع|يتوقع|يُتوقع|كان|كانت)\s+(?:أن\s+)?)?$"


def _where_subjects(texts: pl.Series, events: pl.DataFrame, persons: pl.Series) -> pl.DataFrame:
    """A meeting verb after "حيث" with fewer than two parties also has the one party of the
    meeting word before it in its sentence, when that party is a person: the subject of the clause
    "حيث" continues ("يزور نتنياهو باريس ... حيث سيلتقي الرئيس الفرنسي إيمانويل ماكرون"). So does a
    meeting noun joined by "و" to a visit of its clause: "يعتزم زيارة أنقرة ولقاء الرئيس التركي"
    (whose visit is whose meeting). ``events``: with ``_where_led``; ``persons``: the actor_ids of persons."""
    ordered = events.sort("row", "start").with_columns(
        pl.col("participants").shift(1).over("row", "sentence").alias("_before"),
        pl.col("trigger").shift(1).over("row", "sentence").str.contains(_VISIT).alias("_after_visit"),
        pl.col("end").shift(1).over("row", "sentence").alias("_before_end"),
    )
    # "و" on the noun, nothing but words between it and the visit (no comma, no clause)
    between = text_between(texts, ordered["row"], ordered["_before_end"].fill_null(0), ordered["start"])
    joined = (
        pl.col("_noun_first") & pl.col("_after_visit").fill_null(False) & between.str.contains(r"^[^.!?؟؛:،,]*\sو$")
        & ~between.str.contains(_COMPLEMENTIZER) & ~between.str.contains(_SUBORDINATE_CLAUSE) & ((pl.col("start") - pl.col("_before_end")) <= CLUSTER_GAP * 2)
    )
    where = ordered.filter(
        ((pl.col("verb") & pl.col("_where_led")) | joined) & (pl.col("participants").list.len() < 2) & (pl.col("_before").list.len() == 1)
    ).with_columns(pl.col("_before").list.first().alias("_subject")).filter(pl.col("_subject").is_in(persons.implode()))
    added = where.select(
        "event", pl.concat_list(pl.col("_subject"), pl.col("participants")).list.unique(maintain_order=True).alias("_with_subject")
    )
    return events.join(added, on="event", how="left").with_columns(pl.coalesce("_with_subject", "participants").alias("participants")).drop("_with_subject")


TRAVELLER_GAP = 60  # characters between a verb of travelling and the person who travels
TRAVEL_CLAUSE = 160  # characters before a meeting verb searched for the journey it continues


def _travellers(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """A verb of meeting joined by "و" to a journey before it in its sentence has the traveller among
    its parties: "وكان بولتون قد توجه إلى موسكو، للتحضير للقمة، والتقى وزير الخارجية الروسي",
    "يصل المبعوث الدولي إلى مسقط ... وسيجتمع بوفد الحوثيين" (the one who went is the one who met).

    The traveller is a person named at most ``TRAVELLER_GAP`` characters from the verb of travelling
    (``_TRAVEL_VERB``), between the start of the sentence and the verb of meeting: the nearest one
    after it, else the first one before it (not one who says somebody went: "قال X إن Y توجه"); the
    verb of meeting has fewer than two parties. ``mentions``: with the titled ones."""
    lead = text_before(texts, events["row"], events["start"], TRAVEL_CLAUSE)
    wanted = events.with_columns(
        lead.str.replace(r"^.*[.!?؟\n]", "").alias("_lead")
    ).filter(
        pl.col("verb") & pl.col("_meet_first") & (pl.col("participants").list.len() < 2)
        & pl.col("_lead").str.contains(r"(?:^|\s)و(?:س)?$") & pl.col("_lead").str.contains(_TRAVEL_VERB)
    )
    if wanted.height == 0:
        return events
    # where the verb of travelling stands (the lead ends at the meeting verb)
    # (``str.find`` counts bytes: the characters before the verb are counted instead)
    before_travel = pl.col("_lead").str.replace(_TRAVEL_VERB + ".*$", "").str.len_chars()
    wanted = wanted.with_columns((pl.col("start") - pl.col("_lead").str.len_chars() + before_travel).alias("_travel"))
    people = mentions.filter(pl.col("entity_kind") == "person").select("row", "sentence", pl.col("start").alias("_p"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_traveller"))
    found = wanted.select("event", "row", "sentence", "start", "_travel", "participants").join(people, on=["row", "sentence"]).filter(
        (pl.col("_p_end") <= pl.col("start")) & ~pl.col("participants").list.contains(pl.col("_traveller"))
    ).with_columns(
        (pl.col("_p") >= pl.col("_travel")).alias("_after"),
        pl.when(pl.col("_p") >= pl.col("_travel")).then(pl.col("_p") - pl.col("_travel")).otherwise(pl.col("_travel") - pl.col("_p_end")).alias("_d"),
    ).filter(pl.col("_d") <= TRAVELLER_GAP)
    # (not one who says the traveller went: "قال لافروف إن كيري توجه إلى جنيف")
    found = found.filter(pl.col("_after") | ~text_between(texts, found["row"], found["_p_end"], found["_travel"]).str.contains(_COMPLEMENTIZER))
    # the subject right after the verb ("وصل وزير الخارجية جون كيري إلى"), else the first before it,
    # the subject of the clause ("كان بولتون مستشار الأمن القومي للرئيس الأمريكي قد توجه")
    found = found.sort("event", ~pl.col("_after"), pl.when(pl.col("_after")).then(pl.col("_d")).otherwise(pl.col("_p"))).unique("event", keep="first").select(
        "event", pl.concat_list(pl.col("_traveller"), pl.col("participants")).alias("_with_traveller")
    )
    return events.join(found, on="event", how="left").with_columns(pl.coalesce("_with_traveller", "participants").alias("participants")).drop("_with_traveller")


# "قال ماكرون للملك عبد الله ...": the one a speech verb is said to (ل on the name or on its title)
_ADDRESSEE_LEAD = r"(?:^|\s)ل(?:ل|ال)?(?:ملك|رئيس|أمير|وزير|ولي|مستشار|زعيم|نظير|سلطان|شيخ|أمين|مبعوث|سفير|مستشارة|رئيسة|وزيرة)\S*\s+(?:\S+\s+){0,3}$|(?:^|\s)ل$"
ADDRESSEE_GAP = 60  # characters from the speech verb to the one it is said to


def _addressees(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, cues: pl.DataFrame) -> pl.DataFrame:
    """A meeting noun with a singular pronoun ("للقائه") in what somebody is told about a third
    person ("قال لافروف للملك عبد الله الثاني إن الرئيس الصيني شي جين بينغ يتطلع للقائه") is the
    meeting of that person with the one told: the pronoun refers to the addressee, and the speaker
    is no party.

    The addressee is the person named with ل after a speech verb of the sentence (at most
    ``ADDRESSEE_GAP`` characters on, nothing but the speaker between); then "إن/أن" and the person
    who is the subject of the reported clause must come before the meeting noun."""
    written = _first_word(texts, events)
    owned = events.filter(
        pl.col("_noun_first") & written.str.contains(r"\S\S(?:ه|ها)$").fill_null(False) & ~written.str.contains(r"هما$").fill_null(False)
    ).select("event", "row", "sentence", "start", "participants")
    if owned.height == 0:
        return events
    people = mentions.filter(pl.col("entity_kind") == "person").select("row", "sentence", pl.col("start").alias("_p"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_addressee"))
    lead = text_before(texts, people["row"], people["_p"], 40)
    told = people.filter(lead.str.contains(_ADDRESSEE_LEAD))
    verbs = cues.filter(pl.col("role") == "speech_verb").select("row", "sentence", pl.col("end").alias("_v_end"))
    told = told.join(verbs, on=["row", "sentence"]).filter((pl.col("_v_end") <= pl.col("_p")) & ((pl.col("_p") - pl.col("_v_end")) <= ADDRESSEE_GAP))
    told = told.filter(~text_between(texts, told["row"], told["_v_end"], told["_p"]).str.contains(_COMPLEMENTIZER + r"|[.!?؟؛:]"))
    pairs = owned.join(told.drop("_v_end").unique(), on=["row", "sentence"]).filter(pl.col("_p_end") <= pl.col("start"))
    pairs = pairs.sort("event", "_p").unique("event", keep="last")
    # ... then "إن/أن" and the subject of what is reported, before the meeting noun
    reported = text_between(texts, pairs["row"], pairs["_p_end"], pairs["start"])
    pairs = pairs.filter(reported.str.contains(_COMPLEMENTIZER) & ~reported.str.contains(r"[.!?؟؛:]"))
    subjects = people.select("row", "sentence", pl.col("_p").alias("_s"), pl.col("_addressee").alias("_subject"))
    clause = pairs.join(subjects, on=["row", "sentence"]).filter((pl.col("_s") > pl.col("_p_end")) & (pl.col("_s") < pl.col("start")))
    clause = clause.filter(pl.col("_subject") != pl.col("_addressee")).group_by("event", "_addressee").agg(pl.col("_subject").unique(maintain_order=True).alias("_subjects"))
    added = clause.select("event", pl.concat_list(pl.col("_addressee"), pl.col("_subjects")).alias("_told"))
    return events.join(added, on="event", how="left").with_columns(pl.coalesce("_told", "participants").alias("participants")).drop("_told")


# "وسيقف على رأس الوفد، نائب وزير ... آدم زوبين", "رئيس الوفد التركي هاكان فيدان", "ويترأس الوفد ..."
_HEAD_OF_DELEGATION = r"(?:^|\s)(?:و|ف)?(?:على\s+)?(?:رأس|راس|رئيس|رئيسة|يترأس|ترأس|يرأس|ترأست|تترأس|سيترأس|ستترأس)\s+(?:ال|لل)?وفد"
HEAD_GAP = 90  # characters from the head words to the person's name


def _with_delegation_heads(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame, delegation_ids: frozenset[str]) -> pl.DataFrame:
    """The head of a delegation in its place among the parties of its meetings in the same article.

    The head is the first person named after "رأس الوفد" / "رئيس الوفد" / "يترأس الوفد" in the same
    sentence (at most ``HEAD_GAP`` characters on); the delegation is the one named there
    ("رئيس الوفد التركي") or, for "الوفد" alone, the last one named before it (by name, or as a
    party of a meeting). ``delegation_ids``: the actor_ids that are delegations.
    """
    # only the articles where a delegation takes part are read
    rows = events.filter(pl.col("participants").list.eval(pl.element().is_in(list(delegation_ids))).list.any())["row"].unique().sort()
    if rows.len() == 0:
        return events
    heads = find_regex(texts.gather(rows), _HEAD_OF_DELEGATION, name="_cue")
    if heads.height == 0:
        return events
    heads = heads.with_columns(rows.gather(heads["row"]).cast(pl.UInt32).alias("row"))
    persons = mentions.filter(pl.col("entity_kind") == "person").select("row", pl.col("start").alias("_p"), pl.col("entity_id").alias("_head")).sort("row", "_p")
    heads = heads.sort("row", "end").join_asof(persons, left_on="end", right_on="_p", by="row", strategy="forward", check_sortedness=False)
    heads = heads.filter((pl.col("_p") - pl.col("end")) <= HEAD_GAP)
    heads = heads.filter(~text_between(texts, heads["row"], heads["end"], heads["_p"]).str.contains(r"[.!?؟\n]"))
    if heads.height == 0:
        return events
    # the delegations named in the article: as mentions, or as parties of its meetings
    named = mentions.filter(pl.col("entity_id").is_in(list(delegation_ids))).select("row", pl.col("start").alias("_at"), pl.col("entity_id").alias("_delegation"))
    as_parties = events.select("row", pl.col("start").alias("_at"), pl.col("participants").alias("_delegation")).explode("_delegation").filter(
        pl.col("_delegation").is_in(list(delegation_ids))
    )
    named = pl.concat([named, as_parties]).sort("row", "_at")
    heads = heads.sort("row", "end").join_asof(named, left_on="end", right_on="_at", by="row", strategy="backward", check_sortedness=False)
    heads = heads.filter(pl.col("_delegation").is_not_null()).unique(["row", "_delegation"], keep="first").select("row", "_delegation", "_head")
    # the head stands for the delegation, in its place (as "وفد ... برئاسة" names it)
    parties = events.select("event", "row", pl.col("participants").alias("_party")).explode("_party")
    heads = parties.join(heads.rename({"_delegation": "_party"}), on=["row", "_party"]).select("event", "_party", pl.concat_list("_head").alias("_people"))
    return _in_place_of(events, heads)


def _in_place_of(events: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """``events`` with the people who stand for a party in its place among its participants, in order
    (``people``: event, _party, _people, a list)."""
    if people.height == 0:
        return events
    parties = events.select("event", pl.col("participants").alias("_party")).explode("_party").with_row_index("_k")
    replaced = (
        parties.join(people, on=["event", "_party"], how="left").sort("_k")
        .with_columns(pl.coalesce("_people", pl.concat_list("_party")).alias("_people")).explode("_people")
        .group_by("event", maintain_order=True).agg(pl.col("_people").drop_nulls().unique(maintain_order=True).alias("_replaced"))
    )
    return events.join(replaced, on="event", how="left").with_columns(pl.coalesce("_replaced", "participants").alias("participants")).drop("_replaced")


# "وفد الحوثيين مكون من ..."، "ويضم الوفد ...": the members of a delegation named after it
_MEMBERS_OF_DELEGATION = (
    r"(?:(?:^|\s)(?:و)?(?:ال|لل)?وفد(?:\s+[^\s.،,]+){0,3}?\s+(?:ال)?(?:مكون|يتكون|يتألف|مؤلف|مكونا|مؤلفا|يضم|الذي\s+يضم)(?:\s+من)?"
    r"|(?:^|\s)(?:و|ف)?(?:يضم|ضم|يتألف|تألف|يتكون|تكون)\s+(?:ال)?وفد(?:\s+[^\s.،,]+)?(?:\s+من)?)\s"
)
MEMBERS_GAP = 60  # characters from the words of membership to the first member's name
MEMBERS_SENTENCES = 2  # sentences around them where the delegation's meetings take its members


def _with_delegation_members(texts: pl.Series, events: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """The members of a delegation in its place among the parties of its meetings named near them.

    "سيلتقي وفد من جماعة أنصار الله ... المبعوث الدولي ... وقال المصدر إن وفد الحوثيين مكون من الناطق
    الرسمي للحوثيين محمد عبد السلام ومهدي المشاط مدير مكتب زعيم الحوثيين عبد الملك الحوثي": the
    members are the first person named after the words of membership (``_MEMBERS_OF_DELEGATION``) in
    their sentence, then each joined to the one before by "و" (not the leader whose office a member runs); the
    delegation is the organization or delegation named in those words ("وفد الحوثيين"); its meetings
    are the mentions of the article that have it as a party, at most ``MEMBERS_SENTENCES`` sentences away.
    """
    rows = events.filter(pl.col("participants").list.len() > 0)["row"].unique().sort()
    rows = rows.filter(texts.gather(rows).str.contains("وفد", literal=True))
    if rows.len() == 0:
        return events
    cues = find_regex(texts.gather(rows), _MEMBERS_OF_DELEGATION, name="_cue")
    if cues.height == 0:
        return events
    cues = cues.with_columns(rows.gather(cues["row"]).cast(pl.UInt32).alias("row")).with_row_index("_c")
    # the delegation named in the words
    bodies = mentions.filter(pl.col("entity_kind") == "organization").select("row", "sentence", pl.col("start").alias("_o"), pl.col("entity_id").alias("_body"))
    cues = cues.join(bodies, on="row").filter((pl.col("_o") >= pl.col("start")) & (pl.col("_o") < pl.col("end"))).unique("_c", keep="first")
    persons = mentions.filter(pl.col("entity_kind") == "person").select("row", pl.col("start").alias("_p"), pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_member"))
    after = cues.select("_c", "row", "sentence", "_body", "end").join(persons, on="row").filter(pl.col("_p") >= pl.col("end")).sort("_c", "_p")
    # (from the words, or from the member before)
    after = after.with_columns(pl.coalesce(pl.col("_p_end").shift(1).over("_c"), pl.col("end")).alias("_from"))
    gap = text_between(texts, after["row"], after["_from"], after["_p"])
    first = pl.col("_p") == pl.col("_p").first().over("_c")
    # (the first within reach, with no sentence's end between; each next joined by "و")
    linked = pl.when(first).then(((pl.col("_p") - pl.col("end")) <= MEMBERS_GAP) & ~pl.Series(gap.str.contains(r"[.!?؟\n]"))).otherwise(pl.Series(gap.str.contains(r"^\s*[،,]?\s*و")))
    members = after.with_columns(linked.alias("_linked")).filter(pl.col("_linked"))
    members = members.group_by("row", "sentence", "_body", maintain_order=True).agg(pl.col("_member").unique(maintain_order=True).alias("_members"))
    if members.height == 0:
        return events
    parties = events.select("event", "row", pl.col("sentence").alias("_e_sentence"), pl.col("participants").alias("_body")).explode("_body")
    near = parties.join(members, on=["row", "_body"]).filter((pl.col("sentence") - pl.col("_e_sentence")).abs() <= MEMBERS_SENTENCES)
    return _in_place_of(events, near.unique(["event", "_body"], keep="first", maintain_order=True).select("event", pl.col("_body").alias("_party"), pl.col("_members").alias("_people")))


def _anonymous_speakers_side(texts: pl.Series, events: pl.DataFrame, quotes: pl.DataFrame, actors: pl.DataFrame, places: pl.DataFrame) -> pl.DataFrame:
    """Talks "مع" one side in what an anonymous official of another country says are his state's:
    "وأكد مسؤول أوكراني أن المفاوضات مع الروس ستستأنف" (Ukraine and the Russians), "وقال مسؤول
    أمريكي إن المحادثات مع كوريا الشمالية مستمرة". ``quotes``: row, start, end, speaker_kind,
    affiliation (a country code for a nationality); ``actors``: actor_id, kind, country, role; ``places``
    as ``MeetingPlaces``."""
    sources = quotes.filter((pl.col("speaker_kind") == "anonymous") & pl.col("affiliation").is_in(places["country"].unique().implode())).select(
        "row", pl.col("start").alias("_q_start"), pl.col("end").alias("_q_end"), pl.col("affiliation").alias("country")
    )
    one = events.filter(pl.col("participants").list.len() == 1).select("event", "row", "start", "end", pl.col("participants").list.first().alias("_side"))
    if sources.height == 0 or one.height == 0:
        return events
    # (the one side right after "مع", after the meeting word)
    led = one.filter(text_between(texts, one["row"], one["end"], one["end"] + 30).str.contains(r"^\s*(?:\S+\s+)?مع\s"))
    states = _country_states(places)
    # (the side a state or a country's delegation: "مع كوريا الشمالية"، "مع الروس"; not a person)
    sides = actors.filter((pl.col("kind") == "state") | ((pl.col("kind") == "organization") & (pl.col("role") == DELEGATION_ROLE).fill_null(False)))
    said = (
        led.join(sources, on="row").filter((pl.col("_q_start") <= pl.col("start")) & (pl.col("end") <= pl.col("_q_end")))
        .join(states, on="country")
        .join(sides.select(pl.col("actor_id").alias("_side"), pl.col("country").alias("_side_country")), on="_side")
        .filter(pl.col("_side_country") != pl.col("country"))
        .unique("event", keep="first").select("event", "_state")
    )
    return events.join(said, on="event", how="left").with_columns(
        pl.when(pl.col("_state").is_null()).then(pl.col("participants")).otherwise(pl.concat_list("_state", "participants")).alias("participants")
    ).drop("_state")
