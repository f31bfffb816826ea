"""Who takes part in each meeting mention (``_participants``).

The people and organizations of a mention's sentence, minus the names that are no party (``party_filters``),
are paired with the mentions of the sentence; the pairs that do not hold are dropped (``pair_filters``; a
subordinate clause, a topic or what somebody says between them) and each name goes to its nearest mention,
or to the one "بين" or "مع" leads it to. The states named as sides (``state_sides``) and the groups of
officials or envoys (``groups.GroupFinder``) are added, and a meeting word without a named subject takes the
speaker of its sentence or the person its pronoun refers to (``referents``).

``_participants`` reads the batch's texts, the mentions (``events``), cues, mentions of actors and places
(with the title references), quotes, actors, titles and places; it returns (event, participants, officials).
"""

from __future__ import annotations

import functools

import polars as pl

from ..arabic import WORD_END, text_before, text_between
from ..dates import written_day_words
from ..entities import STATE_PREFIX
from ..groups import GroupFinder
from .pair_filters import _drop_arrangers, _drop_before_antecedents, _drop_before_own_subject, _drop_inviters, _drop_relative_subjects, _drop_reporters
from .party_filters import (
    _STAFF, _drop_attendees, _drop_chaired_bodies, _drop_dateline, _drop_descriptors, _drop_letter_authors, _drop_name_parts, _drop_non_parties, _drop_relatives,
    _drop_senders, _drop_speakers, _staff_of_pattern,
)
from .patterns import (
    _COMPLEMENTIZER, _DISCUSS_VERBS, _INDEFINITE, _NEW_CLAUSE, _PARTICIPLE_CLAUSE, _RELATIVE_PRONOUN, _REPORTED_CLAUSE, _SUBJECT_PRONOUN,
    _SUBORDINATE_CLAUSE, _TALKS_WORD, _VISIT, BETWEEN_GAP,
)
from .referents import _add_sole_other_person, _going_on, _going_on_with_object, _pronoun_referents, _said_at_meetings, _sentence_subjects, _speaker_states, _titled_in_clause, _with_led
from .spans import _event_bounds, _to_nearest_event, _without_word_between
from .state_sides import _state_parties

# what introduces the subject of talks, not a party to them: "لقاء مع عباس حول المصالحة مع حماس"
# "على" that opens a setting or a manner, not a topic
_SETTING_ON = r"(?:^|\s)(?:و|ف)?(?:على|علي)\s+(?:هامش|هوامش|انفراد|حدة|حده|عجل|وجه السرعة|مدى|مدار|مأدبة|مأدبه|مادبة|مادبه|مائدة|مائده|متن)(?:\s|$)"

_TOPIC_LEAD = (
    r"(?:^|\s)(?:حول|بشأن|عن|ضد|على|لبحث|للبحث|لمناقشة|لتقديم|لمواجهة|لمحاربة|لمكافحة|بهدف|بسبب|لتقييم|لدعم|لتعزيز|لإطلاع|لإحاطة|للتباحث|لتبادل|"
    r"بحث|مناقشة|استعراض|تناول|ركزت|تركزت|"
    # "تجري المشاورات في نيويورك قبل انعقاد الجمعية العامة": when, not with whom
    r"انعقاد|"
    # the circumstances: "اجتماعا للجنة الطوارئ، في ظل استمرار التحقيقات في محاولة اغتيال الجاسوس ..."
    r"في ظل|على خلفية|إثر|اثر|جراء|"
    # "وأوضحت المصادر أن الاجتماع سيناقش ... النجاحات التي حققها التحالف العربي": what it will discuss
    rf"{_DISCUSS_VERBS})(?:\s|$)"
)
# titles whose complement follows على or عن: "المشرف العام على مركز ...", "المسؤول عن الملف"
_TITLE_PREPOSITION = r"(?:^|\s)(?:ال)?(?:مشرف|مشرفة|مشرفه|مسؤول|مسؤولة|مسؤوله|قائم|قائمة|قائمه)(?:\s+(?:ال)?عام[ةه]?)?\s+(?:على|عن)\s"

# what leads the object of a meeting verb, not its subject: "مع" (and titles), or ب/ل on the name
# or on the title before the name ("تجمعه بالزعيم الكوري الشمالي كيم", "ستجمعه بزعيم كوريا الشمالية كيم")
_OBJECT_LEAD = r"(?:(?:^|\s)مع\s+(?:\S+\s+){0,4}|(?:^|\s)و?[بل]|(?:^|\s)و?[بل](?:ال|نظير|زعيم|رئيس|ملك|أمير|وزير|ولي|مستشار|مبعوث|أمين|سفير)\S*[\s،,]+(?:\S+[\s،,]+){0,3})$"

TITLE_PARTY_GAP = 40  # a party named by its title alone stands this close to the meeting word
# (or farther, after the place and the day of the meeting and a comma: ``_adjunct_then_object``)
PURPOSE_TITLE_GAP = 80  # ... or this close before the meeting its journey is for ("وصل ... للقاء")

PRONOUN_SENTENCES = 2  # "عقدها": the one who spoke at most this many sentences before

# the sides of a meeting word follow "بين" up to two words after it ("القمة التاريخية المرتقبة بين")
_BETWEEN_LEAD = r"^\s*(?:\S+\s+){0,2}?(?:و?بين)\s"

# a meeting noun with its subject's pronoun, which takes its counterpart as a direct object ("لقائه
# الرئيس"، "استقباله السفير"), and what may come between the two: days, a phrase without a comma,
# a title set off by one
_OWN_MEETING_NOUN = r"^(?:و|ف)?(?:ب|ل)?(?:لقاء|لقائ|استقبال)(?:ه|ها|هما)$"
_OWN_NOUN_OBJECT = r"^\s*[^،,.:؛«»\"]*(?:[،,]\s*)?$"

TELLER_GAP = 60  # characters from a person to a pronoun of the same clause that refers to them
CLAUSE_PENALTY = 1_000  # characters added to the distance of a party across a subordinate clause
# ... and one across such a clause and farther than this from it is none of its parties ("واشنطن
# عارضت ترشح كيناتا ...، قبل أن يتوجه إلى أديس أبابا، حيث من المقرر أن يلتقي رئيس الوزراء")
FAR_ACROSS_CLAUSE = 150

# the words that may stand between an indefinite meeting noun and the name it is said of: titles
# and adjectives ("قمة الرئيس الفرنسي ماكرون"), not a preposition or a relative ("قمة في ...")
_GENITIVE_WORDS = r"(?:[^\s.،,:؛]+\s+)"
_NOT_GENITIVE = (
    r"(?:^|\s)(?:و|ف)?(?:في|مع|من|إلى|الى|على|عن|بين|حول|بشأن|التي|الذي|اللذين|عقب|بعد|قبل|خلال"
    rf"|(?:ب|ل)?(?:أن|إن|ان)(?:ه|ها|هم|هما)?){WORD_END}"
)


@functools.cache
def _adjunct_then_object(ending: str = r"[،,]") -> str:
    """What may stand between the subject and a titled object after the place and the day and a
    comma: "استقبل ... في مكتبه بالرياض اليوم، السفير" (days: ``dates.written_day_words``), or what
    ``ending`` says instead of the comma."""
    # (after the subject's adjectives, or a title of his: "محمد بن زايد رئيس الدولة، اليوم، الرئيس")
    return rf"^(?:\s+ال\S+){{0,2}}(?:\s+[^\s.،,؛:]+\s+ال[^\s.،,؛:]+)?[\s،,]+(?:في|ب\S+|لدى|{written_day_words()})(?:\s+[^\s.؛:!?؟\"«»]+){{0,10}}?\s*(?:{ending})\s*$"


def _genitive_sides(texts: pl.Series, after: pl.DataFrame, lead: pl.Series, events: pl.DataFrame) -> pl.DataFrame:
    """(event, entity_id) of the parties named as the genitive of an indefinite meeting noun and
    joined by و: "لاجتماع قمة ماكرون وأردوغان", "لقاء الرئيس الفرنسي ماكرون والرئيس التركي أردوغان",
    or followed by its counterpart after مع or ب: "أشاد ماكرون بلقاء فيدان مع بايدن".

    ``after``: the party rows right after their meeting word (``event``, start, end, entity_id,
    _e_end); ``lead``: the text between each one's meeting word and it. The first name follows the
    noun with at most three title words between, the next ones are joined to it by و.
    """
    # (the trigger's words are matched forms, without their proclitics: "للقاء" is "لقاء")
    indefinite = events.filter(_INDEFINITE).select("event")
    rows = after.with_columns(lead.alias("_lead")).join(indefinite, on="event").sort("event", "start")
    if rows.height == 0:
        return pl.DataFrame(schema={"event": pl.UInt32, "entity_id": pl.String})
    link = text_between(texts, rows["row"], rows["end"].shift(1).fill_null(0), rows["start"])
    rows = rows.with_columns(
        (pl.col("_lead").str.contains(rf"^\s*{_GENITIVE_WORDS}{{0,3}}$") & ~pl.col("_lead").str.contains(_NOT_GENITIVE)).alias("_first"),
        ((link.str.contains(rf"^\s*،?\s*و{_GENITIVE_WORDS}{{0,3}}$") | link.str.contains(r"^\s*،?\s*و$")) & ~link.str.contains(_NOT_GENITIVE)).alias("_joined"),
    )
    # ... or the second is the first one's counterpart: "بلقاء فيدان مع بايدن", "بلقاء بومبيو بكيم"
    counterpart = link.str.contains(r"^\s*(?:مع\s+|ب)(?:[^\s.،,:؛]*\s+){0,3}$") & ~link.str.contains(r"(?:^|\s)(?:و|ف)?(?:في|من|إلى|الى|على|عن|بين|حول|بشأن|التي|الذي)\s")
    rows = rows.with_columns(counterpart.alias("_counterpart"))
    # the first party opens the list; each next one is joined to the one before
    rank = pl.int_range(pl.len()).over("event")
    side = pl.when(rank == 0).then(pl.col("_first")).when(rank == 1).then(pl.col("_joined") | pl.col("_counterpart")).otherwise(pl.col("_joined"))
    rows = rows.with_columns(side.cast(pl.Int8).cum_min().over("event").alias("_side")).filter(pl.col("_side") == 1)
    return rows.filter(pl.len().over("event") >= 2).select(pl.col("event").cast(pl.UInt32), "entity_id")


def _participants(texts, events, cues, mentions, quotes, actors, titles, places, groups: GroupFinder, published: pl.Series | None = None) -> pl.DataFrame:
    """(event, participants) for each mention: nearest-mention assignment, minus relatives and
    speakers, plus the states named as its sides (``_state_parties``) and the groups of officials
    or envoys that are (``groups.GroupFinder``)."""
    parties = mentions.filter(pl.col("entity_kind").is_in(["person", "organization"])).select(
        "row", "sentence", "start", "end", "entity_id", "entity_kind", (pl.col("method") == "title").fill_null(False).alias("_titled"),
        pl.col("method").is_in(list(_KNOWN_NAME)).fill_null(False).alias("_known"),
    )
    parties = parties.join(events.select("row", "sentence").unique(), on=["row", "sentence"], how="semi")
    # states named as sides, and groups of officials or envoys ("مسؤولين أميركيين وكوريين شماليين اجتمعوا")
    stand_ins = pl.concat(
        [_state_parties(texts, events, mentions, places).with_columns(pl.lit("state").alias("entity_kind")), groups.parties(texts, events, mentions, published)],
        how="diagonal_relaxed",
    ).with_columns(pl.lit(False).alias("_titled"))
    # the states named by their officials are not their leaders (see ``_resolve_states``)
    officials = stand_ins.filter(pl.col("_officials").fill_null(False)).group_by("event").agg(pl.col("entity_id").unique().sort().alias("officials"))
    if parties.height == 0:
        stand_ins = stand_ins.sort("event", "start", maintain_order=True)
        assigned = stand_ins.group_by("event", maintain_order=True).agg(pl.col("entity_id").unique(maintain_order=True).alias("participants"))
        return assigned.join(officials, on="event", how="left").cast({"event": pl.UInt32})
    parties = _drop_relatives(texts, parties, cues, actors, titles)
    parties = _drop_descriptors(texts, parties, cues)
    parties = _drop_non_parties(texts, parties, events, actors)
    parties = _drop_speakers(texts, parties, cues, events)
    parties = _drop_attendees(texts, parties, cues)
    parties = _drop_name_parts(texts, parties)
    parties = _drop_senders(texts, parties)
    parties = _drop_letter_authors(texts, parties)
    parties = _drop_chaired_bodies(texts, parties)
    parties = _drop_dateline(texts, parties)
    # each party goes to the nearest mention of its sentence; a mention that refers back
    # ("واستمر اللقاء ساعتين") does not take a party from the mention that introduces the meeting:
    # when the nearest mention on one side introduces and the one on the other side refers back,
    # the party belongs to the introducing one
    introducing = events.select("event", (~pl.col("anaphoric") | pl.col("verb")).alias("_intro"))
    pairs = _to_nearest_event(parties.join(_event_bounds(events), on=["row", "sentence"]), "start", "end", keep_all=True).join(introducing, on="event")
    pairs = _drop_reporters(texts, _penalize_clause_crossings(texts, pairs, events), events)
    # (a party across a subordinate clause carries the penalty once: beyond FAR_ACROSS_CLAUSE it is none)
    pairs = pairs.filter(pl.col("_d") < CLAUSE_PENALTY + FAR_ACROSS_CLAUSE)
    pairs = _drop_inviters(texts, _drop_relative_subjects(texts, _drop_before_own_subject(texts, pairs, events), events), events)
    pairs = _drop_before_antecedents(texts, pairs)
    pairs = _drop_arrangers(texts, pairs, events)
    # a spokesman before what he says is its teller, never its party: "ما أعلنته زاخاروفا المتحدثة باسم
    # الخارجية الروسية، بأنه يجري التحضير للقمة"
    spokespeople = actors.filter(pl.col("role").fill_null("").str.contains(_SPOKESPERSON))["actor_id"]
    telling = (pl.col("end") <= pl.col("_e_start")) & pl.col("entity_id").is_in(spokespeople.implode())
    pairs = pairs.filter(~(telling & text_between(texts, pairs["row"], pairs["end"], pairs["_e_start"]).str.contains(_REPORTED_CLAUSE)))
    left = pairs.filter(pl.col("_e_end") <= pl.col("start")).sort("row", "start", "_d").unique(["row", "start"], keep="first")
    right = pairs.filter(pl.col("_e_start") >= pl.col("end")).sort("row", "start", "_d").unique(["row", "start"], keep="first")
    sides = left.select("row", "start", pl.col("event").alias("_left"), pl.col("_intro").alias("_left_intro")).join(
        right.select("row", "start", pl.col("event").alias("_right"), pl.col("_intro").alias("_right_intro")), on=["row", "start"], how="full", coalesce=True
    )
    forced = sides.select(
        "row", "start",
        pl.when(pl.col("_left_intro") & (pl.col("_right_intro") == False)).then(pl.col("_left"))  # noqa: E712
        .when(pl.col("_right_intro") & (pl.col("_left_intro") == False)).then(pl.col("_right"))  # noqa: E712
        .alias("_forced"),
    ).filter(pl.col("_forced").is_not_null())
    # "القمة المرتقبة بين الرئيس الكوري الجنوبي مون جاي إن والزعيم الكوري الشمالي كيم": both belong to
    # the meeting word before "بين", however near another one is; so does the counterpart after
    # "مع" ("في مستهل محادثاته مع الرئيس التركي، رجب طيب أردوغان، في الإليزيه: لن تعقد القمة")
    # or ب
    after_between = pairs.filter((pl.col("start") >= pl.col("_e_end")) & ((pl.col("start") - pl.col("_e_end")) <= BETWEEN_GAP))
    # ... unless another meeting word comes between: "لعقد اجتماع في بروكسل مع مستشاري ... لإطلاعهم
    # على نتائج اجتماع ميرتس وبارو مع أردوغان" (they are the parties of the second); a verb of
    # discussing tells more of the same talks ("محادثات بين الوفد ... ومسؤولين أتراك، حيث ناقش بارو")
    # (or a verb with its own subject: "محادثات مع سول وعقد ماكرون وأردوغان قمة")
    after_between = _without_word_between(
        after_between, events.filter(pl.col("_noun_first") | pl.col("_meet_first") | pl.col("_second_verb")), "_e_end", "start"
    )
    between_text = texts.gather(after_between["row"]).str.slice(after_between["_e_end"], after_between["start"] - after_between["_e_end"])
    via_between = between_text.str.contains(_BETWEEN_LEAD)
    # ... or the object of a meeting noun of its subject's, maybe a title set off by a comma before
    # the name: "خلال لقائه أمس مبعوث الأمين العام ... إلى اليمن، إسماعيل ولد الشيخ،"
    # (the first party after it only)
    own_noun = after_between.join(events.select("event", "trigger"), on="event", how="left", maintain_order="left").select(
        pl.col("trigger").str.contains(_OWN_MEETING_NOUN).fill_null(False) & (pl.col("start") == pl.col("start").min().over("event"))
    ).to_series()
    forced_between = after_between.with_columns(via_between.alias("_via_between")).filter(
        (
            via_between | between_text.str.contains(r"^[^.:؛]{0,60}?(?:^|\s)مع\s")
            # ... or after ب on the word right after it: "قمة تجمعه بالزعيم الكوري الشمالي كيم"
            | between_text.str.contains(r"^\s*ب(?:$|ال|نظير)") & (between_text.str.len_chars() <= 60)
            | own_noun & between_text.str.contains(_OWN_NOUN_OBJECT)
        ) & ~between_text.str.contains(r"[.:؛]")
    ).sort("row", "start", "_d").unique(["row", "start"], keep="first").select("row", "start", "end", pl.col("event").alias("_between"), "_via_between", "entity_id")
    forced = forced.join(forced_between.drop("_via_between", "entity_id", "end"), on=["row", "start"], how="full", coalesce=True).select(
        "row", "start", pl.coalesce("_between", "_forced").alias("_forced")
    )
    nearest = pairs.sort("row", "start", "_d", "event").unique(["row", "start"], keep="first")
    chosen = nearest.join(forced, on=["row", "start"], how="left").select("row", "start", pl.coalesce("_forced", "event").alias("event"))
    # (with the bounds of the meeting word it goes to, which a forced one is not the nearest)
    pairs = pairs.join(chosen, on=["row", "start", "event"], how="semi")
    # a meeting named as a noun with its sides after "بين" is theirs alone: "رحبت ميركل بعقد قمة بين
    # الرئيسين الأميركي والروسي" (not "عقد ماكرون قمة بين ...", who holds it)
    # (the sides may be states or a leaders' dual: "stand_ins")
    side_groups = stand_ins.filter(pl.col("start") >= pl.col("_e_end"))
    side_groups = side_groups.filter(
        text_between(texts, side_groups["row"], side_groups["_e_end"], side_groups["start"]).str.contains(_BETWEEN_LEAD)
    )
    between_sides = pl.concat(
        [
            forced_between.filter(pl.col("_via_between")).select(pl.col("_between").alias("event"), "entity_id"),
            side_groups.select(pl.col("event").cast(pl.UInt32), "entity_id"),
            _genitive_sides(texts, after_between, between_text, events),
        ]
    )
    between_sides = between_sides.group_by("event").agg(pl.col("entity_id").n_unique().alias("_n")).filter(pl.col("_n") >= 2).join(
        events.filter(pl.col("_noun_first") | pl.col("_masdar_first")).select("event"), on="event"
    )
    pairs = pairs.filter(~(pl.col("event").is_in(between_sides["event"].implode()) & (pl.col("end") <= pl.col("_e_start"))))
    # ... and a comma closes them: "رحبت سول باستئناف المحادثات بين واشنطن وبيونغ يانغ، بعد تصريحات
    # ماكرون" (not "، والرئيس ...", one more of them)
    # (the sides are the first after "بين" and those joined to it by "و")
    side_ends = pl.concat([
        forced_between.filter(pl.col("_via_between")).select(pl.col("_between").alias("event"), "row", "start", "end"),
        side_groups.select(pl.col("event").cast(pl.UInt32), "row", "start", "end"),
    ]).join(between_sides.select("event"), on="event").sort("event", "start")
    joined = text_between(texts, side_ends["row"], side_ends["end"].shift(1).fill_null(0), side_ends["start"]).str.contains(r"^\s*[،,]?\s*و")
    side_ends = side_ends.with_columns(((pl.int_range(pl.len()).over("event") == 0) | joined).alias("_chain")).with_columns(
        pl.col("_chain").cast(pl.Int8).cum_min().over("event")
    )
    side_ends = side_ends.filter(pl.col("_chain") == 1).group_by("event").agg(pl.col("end").max().alias("_sides_end"))
    pairs = pairs.join(side_ends, on="event", how="left")
    closed = text_between(texts, pairs["row"], pairs["_sides_end"].fill_null(0), pairs["start"]).str.contains(r"^\s*[،,]\s*[^\sو]")
    pairs = pairs.filter(~(pl.col("_sides_end").is_not_null() & (pl.col("start") >= pl.col("_sides_end")) & closed)).drop("_sides_end")
    # after the meeting word, a party of what was discussed is no party: "لقاء مع عباس حول
    # المصالحة مع حماس", "يلتقي مسؤولين عراقيين لبحث مواجهة تنظيم داعش"
    # ("على" of a manner, a time or a setting leads no topic: "التقى ... على انفراد مع نظيره"، "على عجل"،
    # "على مدى ساعتين"، "على مأدبة غداء مع")
    topic_gap = texts.gather(pairs["row"]).str.slice(pairs["_e_end"], (pairs["start"] - pairs["_e_end"]).clip(0)).str.replace_all(_SETTING_ON, " ")
    # ("المشرف العام على مركز الملك سلمان ... د. عبدالله الربيعة": على, عن of a title lead no topic)
    topic_gap = topic_gap.str.replace_all(_TITLE_PREPOSITION, " ")
    # ("ممثلين عن الأمم المتحدة": عن after staff leads their organization, not a topic)
    # (and after the meeting's subject: "والتقى المبعوث الأممي ... ممثلين عن الحوثيين")
    topic_gap = topic_gap.str.replace(_staff_of_pattern(), " ").str.replace(_STAFF, " ")
    after = pl.col("start") >= pl.col("_e_end")
    # ... nor one named in a description of a party: "لقاء بارزاني وهو زعيم ... حاربت صدام حسين"
    described = topic_gap.str.contains(r"(?:^|\s)(?:وهو|وهي|وهما|وهم)(?:\s|$)")
    # ... nor one named after a participle that opens a clause of its own: "قمة ناجحة بين ...، مضيفة أن مون"
    described = described | topic_gap.str.contains(_PARTICIPLE_CLAUSE)
    pairs = pairs.with_columns((after & (topic_gap.str.contains(_TOPIC_LEAD) | topic_gap.str.contains(_NEW_CLAUSE) | described)).alias("_topic")).filter(~pl.col("_topic")).drop("_topic")
    # ... nor one named in what somebody said after it, nor those named after that one: "تحدث ماكرون
    # مع الصحفيين قائلا إن أردوغان صديق" (read from the party before: "مع الرئيس مون جاي إن ورئيس
    # الوزراء" is no "إن")
    pairs = pairs.sort("event", "start")
    previous_end = pl.max_horizontal("_e_end", pl.col("end").shift(1).over("event"))
    pairs = pairs.with_columns(previous_end.alias("_from"))
    said = text_between(texts, pairs["row"], pairs["_from"], pairs["start"]).str.contains(_COMPLEMENTIZER) & (pairs["start"] >= pairs["_e_end"])
    pairs = pairs.with_columns(said.alias("_said")).filter(~pl.col("_said").cum_max().over("event")).drop("_from", "_said")
    # a title alone is a party only close to its meeting word ("مع زعيم كوريا الشمالية"), not
    # somebody the sentence mentions further on ("... في ظل تذمر الرئيس الأمريكي")
    # ... or the subject of a journey the meeting is the purpose of: "وصل وزير الخارجية الأمريكي، فجر
    # الاثنين، إلى الدوحة، للقاء ..."
    purposes = events.filter(pl.col("_purpose"))["event"].implode()
    journey = (pl.col("end") <= pl.col("_e_start")) & pl.col("event").is_in(purposes) & (pl.col("_d") <= PURPOSE_TITLE_GAP)
    # ... or the object right after a subject the text describes at length: "اجتمع ولي العهد السعودي
    # الأمير محمد بن سلمان بالرئيس الأمريكي"
    # (or with nothing between: "واستقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود الرئيس الفرنسي")
    pairs = pairs.sort("event", "start")
    previous_end = pl.col("end").shift(1).over("event")
    pairs = pairs.with_columns(previous_end.fill_null(-1).alias("_prev_end"))
    object_gap = text_between(texts, pairs["row"], pairs["_prev_end"].clip(0), pairs["start"])
    # ... or after the place and the day of the meeting and a comma, closing its clause: "واستقبل الرئيس
    # التركي في المجمع الرئاسي بأنقرة، اليوم الخميس، الرئيس الفرنسي."
    # (a title spans its head word: its adjectives follow it, "الرئيس [التركي]")
    # (or a place or time of the meeting after it: "الرئيس الفرنسي في أنقرة")
    closing = text_between(texts, pairs["row"], pairs["end"], pairs["end"] + 30).str.contains(r"^(?:\s+ال\S+?){0,2}\s*(?:[.،,]|\sو|\s(?:في|خلال|لدى)\s|\sب\S|$)")
    # ... or with no comma, after a day ("في قصر السلام بجدة اليوم وزير الخارجية") or a place ("في
    # الرياض وزير الخارجية"): a proper name takes no genitive, unlike "في مكتب الرئيس"
    after_place = pairs.select("row", "start").join(
        mentions.filter(pl.col("entity_kind") == "place").select("row", (pl.col("end") + 1).alias("start"), pl.lit(True).alias("_after_place")).unique(),
        on=["row", "start"], how="left", maintain_order="left",
    )["_after_place"].fill_null(False)
    adjunct = (
        object_gap.str.contains(_adjunct_then_object())
        | object_gap.str.contains(_adjunct_then_object(rf"\s(?:{written_day_words()})"))
        | (object_gap.str.contains(_adjunct_then_object("")) & after_place)
    ) & closing
    next_object = (pl.col("_prev_end") >= pl.col("_e_end")) & pl.Series(object_gap.str.contains(r"^\s*(?:ب|مع\s+|و)?$") | adjunct)
    pairs = pairs.filter(~pl.col("_titled") | (pl.col("_d") <= TITLE_PARTY_GAP) | journey | next_object).drop("_prev_end")
    pairs = pl.concat([pairs, stand_ins], how="diagonal_relaxed")
    pairs = _first_of_separate_counterparts(texts, pairs)
    # two or more people met: the organizations named with them are theirs ("ماكرون ... الإليزيه")
    person = pl.col("entity_kind") == "person"
    assigned = pairs.sort("event", "start", maintain_order=True).group_by("event", maintain_order=True).agg(
        pl.col("entity_id").unique(maintain_order=True).alias("participants"),
        pl.col("entity_id").filter(person).unique(maintain_order=True).alias("_people"),
    ).with_columns(
        pl.when(pl.col("_people").list.len() >= 2).then(pl.col("_people")).otherwise(pl.col("participants")).alias("participants")
    ).drop("_people")
    # a verb without a named subject ("التي عقدها مع الرئيس بايدن") means the sentence's speaker,
    # else the one who spoke just before ("وأشار إلى قمة جنيف التي عقدها مع الرئيس بايدن")
    named_speakers = quotes.filter(pl.col("speaker_id").is_not_null() & (pl.col("speaker_kind") == "person"))
    speakers = named_speakers.group_by("row", "sentence").agg(pl.col("speaker_id").first().alias("_speaker"))
    last_speakers = named_speakers.sort("row", "sentence", "start").unique(["row", "sentence"], keep="last").select(
        "row", pl.col("sentence").alias("_q_sentence"), pl.col("speaker_id").alias("_last")
    ).sort("row", "_q_sentence")
    before = pairs.filter(pl.col("end") <= pl.col("_e_start")).select("event").unique()
    # so are two parties between the verb and its noun ("عقد الزعيمان كيم ... ومون اجتماعا"), unless
    # "مع" or a preposition leads them ("في اتصال مع الرئيس حسن روحاني إلى إجراء محادثات"); one
    # name there may be the verb's object ("إنه سيلتقي أردوغان بعد قمة الناتو")
    inside = pairs.filter((pl.col("start") > pl.col("_e_start")) & (pl.col("start") < pl.col("_e_end")))
    inside_left = text_before(texts, inside["row"], inside["start"], 40)
    plural = inside.filter(~inside_left.str.contains(_OBJECT_LEAD)).group_by("event").agg(pl.col("entity_id").n_unique().alias("_n")).filter(pl.col("_n") >= 2)
    # ... and so is one right after a verb of visiting ("، وزار السيسي روسيا ... حيث شارك في"): a
    # visit's object is a place
    visitor = inside.filter(text_between(texts, inside["row"], inside["_e_start"], inside["start"]).str.contains(r"^(?:زار|زارت|زارا|يزور|تزور|سيزور|ستزور)\s+$")).select("event")
    before = pl.concat([before, plural.select("event"), visitor]).unique()
    # (or a meeting noun in the phrase of the speech verb: "وأضاف ...، عقب لقاء بايدن، إن")
    said_at = _said_at_meetings(texts, events, cues)["event"].implode()
    verbs = events.filter(pl.col("verb") | pl.col("_pronoun") | pl.col("event").is_in(said_at)).select("event", "row", "sentence").join(speakers, on=["row", "sentence"], how="left")
    # ... or the person right before the pronoun and its verb: "وقال ميرتس إن ماكرون أعلن أنه سيلتقي"
    people = mentions.filter(pl.col("entity_kind") == "person").select("row", "sentence", pl.col("end").alias("_p_end"), pl.col("entity_id").alias("_teller"))
    tellers = (
        events.filter(pl.col("_pronoun")).select("event", "row", "sentence", "start")
        .join(people, on=["row", "sentence"]).filter(pl.col("_p_end") <= pl.col("start"))
        .sort("event", "_p_end").unique("event", keep="last")
    )
    told = text_between(texts, tellers["row"], tellers["_p_end"], tellers["start"])
    person_after = pairs.filter((pl.col("start") >= pl.col("_e_end")) & (pl.col("entity_kind") == "person")).join(
        assigned.filter(pl.col("participants").list.len() == 1).select("event"), on="event", how="semi"
    )
    tellers = tellers.filter(
        told.str.contains(rf"^[\s،,]*(?:\S+\s+)?(?:و|ف)?{_SUBJECT_PRONOUN}\s+(?:\S+\s+)?$")
        # ... or the subject of the clause the pronoun is in: "إن ماكرون أكد التزامه بالاجتماع مع أردوغان"
        # when the only one it names is a person after it ("تفاؤله بالمحادثات مع كوريا الشمالية" names a state)
        | ((told.str.len_chars() <= TELLER_GAP) & ~told.str.contains(_COMPLEMENTIZER) & ~told.str.contains(_NEW_CLAUSE) & ~told.str.contains(r"[.!?؟؛:\"«»“”]")
           & pl.col("event").is_in(person_after["event"].implode()))
    ).select("event", "_teller")
    verbs = verbs.join(tellers, on="event", how="left").with_columns(pl.coalesce("_teller", "_speaker").alias("_speaker")).drop("_teller")
    verbs = verbs.sort("row", "sentence").join_asof(last_speakers, left_on="sentence", right_on="_q_sentence", by="row", strategy="backward", check_sortedness=False)
    # ... but the subject of the sentence comes before one who spoke earlier: "ويستعد ماكرون للتوجه
    # إلى ...، حيث يعقد اجتماعات ...، قبل عقد اجتماع مع أردوغان"
    verbs = verbs.join(_sentence_subjects(texts, mentions, events), on="event", how="left").with_columns(
        pl.coalesce(
            "_speaker", "_subject", pl.when(pl.col("_q_sentence") >= pl.col("sentence") - PRONOUN_SENTENCES).then(pl.col("_last"))
        ).alias("_speaker")
    ).filter(pl.col("_speaker").is_not_null()).select("event", "_speaker")
    # a spokesperson's "he" is the one she speaks for: "وقالت المتحدثة ... إنه خلال اللقاء الأول
    # بينه وبين أردوغان" is no meeting of the spokesperson
    spokespeople = actors.filter(pl.col("role").fill_null("").str.contains(_SPOKESPERSON)).select(pl.col("actor_id").alias("_speaker"))
    verbs = verbs.join(before, on="event", how="anti").join(spokespeople, on="_speaker", how="anti")
    # ... nor of a verb of two or more: "وقال ماكرون إن الوزراء اجتمعوا مع أردوغان" (their meeting)
    verbs = verbs.join(events.filter(pl.col("_plural_verb")).select("event"), on="event", how="anti")
    # ... nor of one whose reported clause names somebody by title before it: "وأشار كوتس إلى أن
    # "صلاحيات الرئيس" تتيح له ... المحادثات التي أجراها مع أردوغان" (the president's talks)
    titled_clause = _titled_in_clause(texts, events, cues, mentions)
    verbs = verbs.join(titled_clause, on="event", how="anti")
    # ... unless the verb has its own subject after it: "لم يشارك كيم جون أون في مثل هذا الاجتماع"
    # (a party after the verb is its object only after "مع" or a preposition clitic: "بالرئيس")
    first_after = pairs.filter(pl.col("start") >= pl.col("_e_end")).join(events.filter(pl.col("verb")).select("event"), on="event", how="semi").sort("event", "start").unique("event", keep="first")
    left = text_before(texts, first_after["row"], first_after["start"], 40)
    # with two counterparts named, only a pronoun just before the verb makes the speaker its
    # subject: "قال بومبيو ... لكنه سيجتمع مع نظيريه وانغ يي ويانغ", "أنه سيجري لقاءات مع هادي وبحاح"
    lead = text_before(texts, events["row"], events["start"], 25)
    pronoun_lead = events.filter(lead.str.contains(rf"(?:^|\s)(?:و|ف)?(?:{_SUBJECT_PRONOUN}|لكنه|لكنها)\s+(?:\S+\s+)?$")).select("event", pl.lit(True).alias("_pronoun_lead"))
    # (after "أنه" the one named after a meeting verb is its object: "أعلن أنه سيلتقي زعيم كوريا
    # الشمالية"; not after "أنه جرى", "إنه يعتزم بحث سبل مواجهة ...")
    # (nor after a verb of "we": "سنلتقي الرئيس أردوغان")
    subjects = first_after.filter(~left.str.contains(_OBJECT_LEAD)).select("event").join(
        pl.concat([pronoun_lead.join(events.filter(pl.col("_meet_first")).select("event"), on="event", how="semi").select("event"), events.filter(pl.col("_we")).select("event")]),
        on="event", how="anti",
    )
    verbs = verbs.join(subjects, on="event", how="anti")
    # "لكنه كتب على تويتر أن محادثات مثمرة جرت مع كوريا الشمالية": talks of no one's own with a state
    # that the teller speaks of are his state's (not a meeting noun of his own, "محادثاته"; nor a
    # meeting, his own: "أكد ماكرون أن اجتماعا مع كوريا الشمالية قد يعقد")
    state_of = _speaker_states(actors, places)
    # ... and so are talks of his "we" with a state ("أسباب تفاوضنا مع تركيا")
    of_state = events.filter((pl.col("_noun_first") & ~pl.col("_pronoun") & pl.col("trigger").str.contains(_TALKS_WORD.pattern)) | pl.col("_we")).select("event").join(
        assigned.filter((pl.col("participants").list.len() == 1) & pl.col("participants").list.first().str.starts_with(STATE_PREFIX)).select("event", pl.col("participants").list.first().alias("_side")),
        on="event",
    )
    verbs = verbs.join(of_state, on="event", how="left").join(state_of, on="_speaker", how="left").with_columns(
        pl.when(pl.col("_side").is_not_null() & pl.col("_speaker_state").is_not_null() & (pl.col("_speaker_state") != pl.col("_side")))
        .then(pl.col("_speaker_state")).otherwise(pl.col("_speaker")).alias("_speaker")
    ).drop("_side", "_speaker_state")
    assigned = assigned.join(verbs.select("event", "_speaker"), on="event", how="left").join(pronoun_lead, on="event", how="left").with_columns(
        pl.when(
            pl.col("_speaker").is_not_null() & ~pl.col("participants").list.contains(pl.col("_speaker"))
            & ((pl.col("participants").list.len() == 1) | pl.col("_pronoun_lead").fill_null(False))
        )
        .then(pl.concat_list(pl.col("_speaker"), pl.col("participants")))
        .otherwise(pl.col("participants"))
        .alias("participants")
    ).drop("_speaker", "_pronoun_lead")
    # "وقال مون إن الزعيم الكوري الشمالي أيد خلال اجتماع مفاجئ معه ...": "with him" is with the one
    # who tells of it, when the meeting has one party of its own
    with_him = events.filter(
        text_between(texts, events["row"], events["end"], events["end"] + 20).str.contains(r"^\s+(?:\S+\s+)?مع(?:ه|ها)(?:\s|[،,.]|$)")
    ).select("event", "row", "sentence").join(speakers, on=["row", "sentence"]).select("event", pl.col("_speaker").alias("_told"))
    assigned = assigned.join(with_him, on="event", how="left").with_columns(
        pl.when(pl.col("_told").is_not_null() & (pl.col("participants").list.len() == 1) & ~pl.col("participants").list.contains(pl.col("_told")))
        .then(pl.concat_list("participants", "_told"))
        .otherwise(pl.col("participants"))
        .alias("participants")
    ).drop("_told")
    # who speaks for someone else is not the other side of a meeting the sentence mentions
    proxies = actors.filter(pl.col("role").fill_null("").str.contains(_SPEAKS_FOR)).select("actor_id")
    # (not of a verb that goes on with its sentence's subject, ``_going_on``: that subject is its other
    # side, not who is named before it, "أجرى كارتر لقاءات مع العبادي، وعقد اجتماعا مع الجبوري")
    left_alone = pl.concat([titled_clause.select("event"), events.filter(_going_on(texts, events)).select("event")])
    assigned = _add_sole_other_person(texts, assigned, pairs, mentions, events, proxies, left_alone)
    assigned = _going_on_with_object(texts, events, assigned, pairs, mentions)
    # "وكان في استقباله": the one received; "اجتماعه مع الرئيس الصيني": whose meeting, when nobody
    # else is named as its other side
    referents = _pronoun_referents(texts, events, mentions).join(proxies.rename({"actor_id": "_referent"}), on="_referent", how="anti")
    with_one = _with_led(texts, pairs).select("event").unique().with_columns(pl.lit(True).alias("_with_one"))
    return assigned.join(referents, on="event", how="left").join(with_one, on="event", how="left").with_columns(
        pl.when(
            pl.col("_referent").is_not_null() & ~pl.col("participants").list.contains(pl.col("_referent"))
            & (pl.col("_always") | ((pl.col("participants").list.len() == 1) & pl.col("_with_one").fill_null(False)))
        )
        .then(pl.concat_list("_referent", "participants"))
        .otherwise(pl.col("participants"))
        .alias("participants")
    ).drop("_referent", "_always", "_with_one").join(officials, on="event", how="left")


def _penalize_clause_crossings(texts: pl.Series, pairs: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """(event, party) ``pairs`` with ``CLAUSE_PENALTY`` added to the distance ``_d`` of a party that
    reaches its meeting word across a subordinate clause ("يلتقي ماكرون بأعضاء البرلمان، بعدما انتقدوا
    أداءه في قمة جمعته ... بنظيره") or into a clause the word opens after a comma ("يستقبل ترودو
    الرئيس الفرنسي ماكرون في أوتاوا، وسيجري الرئيسان محادثات"): a meeting word of its own clause wins.
    So does one named right before a visit in a relative clause that describes them ("استقبل الملك
    ... رئيس الوزراء اللبناني، سعد الحريري، الذي يزور المملكة"): the visit of a place names nobody
    met, the meeting is the one the person is the object of (``events``: the mentions, with ``trigger``)."""
    before = pl.col("end") <= pl.col("_e_start")
    bounds = pairs.select(
        pl.when(before).then(pl.col("end")).otherwise(pl.col("_e_end")).alias("_g0"),
        pl.when(before).then(pl.col("_e_start")).otherwise(pl.col("start")).alias("_g1"),
    )
    gap = text_between(texts, pairs["row"], bounds["_g0"], bounds["_g1"])
    visits = events.filter(pl.col("verb") & pl.col("trigger").str.contains(_VISIT))["event"]
    margins = events.filter(~pl.col("verb") & text_before(texts, events["row"], events["start"], 14).str.contains(_MARGINS + r"\s*$"))["event"]
    crosses = (
        pl.col("_gap").str.contains(_SUBORDINATE_CLAUSE) | (before & pl.col("_gap").str.contains(r"[،,]\s*(?:و|ف)?\s*$"))
        # ("يلتقي ماكرون بنظرائه الأوروبيين، كما يعقد وزير ... مباحثات": before the next clause's verb)
        | (before & pl.col("_gap").str.contains(_NEW_CLAUSE))
        # ("التقى لافروف نظيره السعودي ...، على أن يلتقي الأسبوع المقبل المبعوث": before what is to follow)
        | (before & pl.col("_gap").str.contains(r"[،,]\s*على\s+(?:أن|ان)\s"))
        | (before & pl.col("event").is_in(visits.implode()) & pl.col("_gap").str.contains(rf"^[\s،,]*(?:و)?{_RELATIVE_PRONOUN}\s+$"))
        # ("التقى ماكرون أردوغان على هامش قمة الاتحاد": who is named before "على هامش" met at the margins)
        | (before & pl.col("_gap").str.contains(_MARGINS))
        # ... and so did who is named after the meeting word that follows it: "والتقى ظريف، على هامش
        # اجتماعات الجمعية العامة في نيويورك، نظيره الأمريكي جون كيري" (a meeting word of its own wins)
        | (~before & pl.col("event").is_in(margins.implode()))
        # ... nor who is named after a visit and a comma: "والتقى ولي العهد، الذي يزور فرنسا حاليا، الرئيس
        # الفرنسي" (the visit's object is a place; the one named after it is the main verb's)
        | (~before & pl.col("event").is_in(visits.implode()) & pl.col("_gap").str.contains(r"[،,]"))
    )
    return pairs.with_columns(gap.alias("_gap")).with_columns((pl.col("_d") + crosses.cast(pl.Int64) * CLAUSE_PENALTY).alias("_d")).drop("_gap")


# "على هامش", "وعلى هامش": the bigger meeting around the one named before it
_MARGINS = r"(?:^|\s)(?:و|ف)?(?:على|علي)\s+(?:هامش|هوامش)(?:\s|$)"

# who speaks for someone else: "هناك اجتماع متوقع مع بلاتر" said by a spokesman is his principal's meeting
_SPEAKS_FOR = r"(?i)spokes|adviser|advisor|press secretary|ambassador|envoy"
_SPOKESPERSON = r"(?i)spokes|press secretary"


def _first_of_separate_counterparts(texts: pl.Series, pairs: pl.DataFrame) -> pl.DataFrame:
    """Of the people after a meeting word that each have their own "مع", keep the first.

    "اجتمع ... مرتين مع رئيسي كوريا الجنوبية، كانت الأولى مع X والثانية مع Y": X and Y are two
    counterparts of two meetings, not parties to one; one counterpart is kept rather than a pair X-Y
    that the text does not support (where ordinals tell the meetings apart, ``duals._each_by_ordinal``
    gives the holder each of them, as two meetings).
    """
    after = pairs.filter((pl.col("start") >= pl.col("_e_end")) & (pl.col("entity_kind") == "person")).sort("event", "start").with_columns(
        pl.col("end").shift(1).over("event").fill_null(pl.col("_e_end")).alias("_from")
    )
    gap = text_between(texts, after["row"], after["_from"], after["start"])
    led = after.filter(gap.str.contains(r"(?:^|\s)و?مع\s")).with_columns(pl.int_range(pl.len()).over("event").alias("_nth"))
    return pairs.join(led.filter(pl.col("_nth") > 0).select("event", "start"), on=["event", "start"], how="anti")


# mentions made by a name of the reference data or the article's own full name (not found by discovery),
# also a short name the article's full name allows: "سيلتقي مون كيم شخصيا" is two people, and
# somebody's counterpart ("التقى ماكرون نظيره الروسي": the object, no part of his name)
_KNOWN_NAME = ("gazetteer", "surname", "context", "counterpart")
