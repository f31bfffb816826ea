"""What several steps of finding meetings read: the status names (``HELD``, ``PLANNED``, ``DENIED``,
``CANCELLED``, ``POSTPONED``), the patterns of words that open or close a clause (``_COMPLEMENTIZER``,
``_NEW_CLAUSE``, ``_SUBORDINATE_CLAUSE``, ...), the distances in characters that mentions, parties and dates
share, and the verbs of ``resources/events.yaml`` in matching view (``_with_noun_verbs``, ``_meeting_verbs``,
``_one_by_one_verbs``: each read once).
"""

from __future__ import annotations

import functools
import re

import polars as pl

from ..arabic import WORD_END
from ..events import event_vocabulary
from ..reference import view_form

# a letter, as written with its article, ب or a pronoun: "رسالة", "الرسالة", "برسالة", "رسالته", "رسائل"
# (the verbs of handing one over and the filter of its author read it)
_LETTER_WORD = r"(?:ب|ال)?(?:رسال[ةه]|رسالت(?:ه|ها|هم|ين|ان)|رسائل)"

CLUSTER_GAP = 40  # characters between a meeting verb and its noun
SETTING_GAP = 160  # "التقى ... في قمة": the verb's parties may stand between the verb and the noun
VERB_OBJECT_GAP = 90  # ... when only its subject stands between them
_PREPOSITIONS = r"(?:^|\s)(?:مع|في|إلى|الى|على|عن|حول|بشأن|من|منذ|بعد|قبل|خلال|لمناقشة|لبحث|للبحث|لتبادل|لإجراء|إلى جانب)(?:\s|$)"
# verbs of what a meeting discusses: "الاجتماع سيناقش ..."، "محادثاته ستتناول ... الصين"
_DISCUSS_VERBS = r"يناقش|سيناقش|تناقش|ستناقش|يبحث|سيبحث|تبحث|ستبحث|يتناول|سيتناول|تتناول|ستتناول|تناولت"

# what leads the purpose of a meeting: a meeting word after it is what they prepared or discussed
_PURPOSE_LEAD = r"(?:^|\s)(?:حول|بشأن|لبحث|للبحث|لمناقشة|للتباحث|لتبادل|للتحضير|لترتيب|للإعداد|لإعداد|استعدادا|تمهيدا|من أجل|بهدف)(?:\s|$)"
# the masdars of preparing or arranging a meeting, with or without ل or the article ("للتحضير", "الترتيب")
_PREPARING = "لترتيب|للترتيب|الترتيب|للتحضير|لتحضير|التحضير|للإعداد|لإعداد|الإعداد|للتجهيز|لتجهيز|التجهيز"
# ... written right before the meeting word it leads: "تمهيدا لهذا الاجتماع", "استعدادا للقمة", "للتحضير للقمة"
_PURPOSE_LEAD_BEFORE = rf"(?:^|\s)(?:و|ف)?(?:تمهيدا|استعدادا|تحضيرا|{_PREPARING})\s+(?:ل|لل|لهذا|لهذه|لذلك|لتلك)?\s*$"

# the pronoun that makes the speaker the subject of a reported clause: "قال مون إنه ينوي لقاء كيم",
# "وقال إننا في اجتماع الدوحة ... واصلنا النقاش مع"
_SUBJECT_PRONOUN = r"(?:إنه|أنه|انه|بأنه|بانه|إنها|أنها|انها|بأنها|إننا|أننا|اننا|بأننا)"
# a comma, then a word that opens another clause: who comes after it is not at the meeting
# ("... الذي عقده ماكرون مع أردوغان في أنقرة، أثار مخاوف من أن ... للافروف", "اجتمع مبعوثون مع الزعيم
# الشمالي في بيونغ يانغ، ثم سافر المبعوثون إلى واشنطن لإحاطة الرئيس الأمريكي")
_NEW_CLAUSE = r"[،,]\s*(?:و|ف)?(?:أثار|أثارت|أثارا|مما|لكن|لكنه|لكنها|غير أن|إلا أن|بينما|فيما|في حين|رغم|برغم|ثم|إذ|كما|من المقرر|من المتوقع)(?:\s|$)"

# what opens a clause that goes on with the subject (and the venue) of the one before: ", و", ", ثم", ", على أن"
_GOES_ON_LEAD = r"[،,]\s*(?:و|ف|(?:و|ف)?ثم\s+|على\s+(?:أن|ان)\s+)$"

# meeting nouns in the dual: two meetings ("قمتين مع كوريا الجنوبية والولايات المتحدة"), in matching view
_DUAL_MEETINGS = "قمتين|قمتان|اجتماعين|اجتماعان|لقاءين|لقاءان"

_RELATIVE_PRONOUN = r"(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان)"

# a phrase that opens its sentence, up to here (no comma has closed it yet): "وبعد لقاء أردوغان وماكرون"
# (its subject is the main clause's, after the comma: "وخلال اجتماع مع أردوغان، أكد ماكرون")
_OPENING_PHRASE = r"(?:^|[.!?؟\n])\s*(?:و|ف)?(?:خلال|عقب|بعد|إثر|اثر|أثناء|اثناء|على هامش|إضافة إلى|بالإضافة إلى)\s+[^.!?؟\n،,]*$"
OPENING_PHRASE_GAP = 200  # characters from the start of a sentence to a word in its opening phrase

BETWEEN_GAP = 90  # "قمة بين X وY": how far the second party may come after the meeting word

HELD, PLANNED, DENIED, CANCELLED, POSTPONED = "held", "planned", "denied", "cancelled", "postponed"

# a visit, as its meeting words are in matching view ("زياره", "يزور", "سيزور", "زار")
_VISIT = r"(?:^|\s)\S*(?:زيار|يزور|تزور|زار)"

# "أن/إن" open what somebody says: who is named before them reports a meeting named after them
_COMPLEMENTIZER = rf"(?:^|\s)(?:و|ف)?(?:أن|إن|بأن|لأن){WORD_END}"
# the "إن/أن" that opens a reported clause, as written ("إنه", "بأنها", "ان")
# (also at the opening of a quotation: "وقالت الخارجية أمس السبت: «إن لافروف سيعقد اجتماعا")
_REPORTED_CLAUSE = rf"(?:^|[\s«“\"])(?:و|ف)?ب?(?:أن|إن|ان)(?:ه|ها|هم|هما)?{WORD_END}"

# a subordinate clause: a party does not cross it to another meeting word, nor does a "في قمة" after
# it join the verb before it ("يلتقي ... بأعضاء الكونغرس، بعدما انتقد كثير منهم أداءه في قمة جمعته");
# not "حيث"/"إذ", which tell more of the same meeting ("محادثات ...، حيث ناقش فيدان وبارو")
_SUBORDINATE_CLAUSE = rf"(?:^|\s)(?:و|ف)?(?:بعدما|بعد أن|قبل أن|عندما|حينما|حين|لأن|منذ أن|كي|لكي|وسط){WORD_END}"
# "، معتبرا أنها ...": a participle opens a clause of its own
_PARTICIPLE_CLAUSE = (
    r"[،,]\s*(?:معتبرا|مضيفا|مؤكدا|مشيرا|قائلا|موضحا|لافتا|معربا|مشددا|مبديا|منوها|مبينا|معلنا|محذرا|داعيا|مطالبا|مشيدا"
    r"|معتبرة|مضيفة|مؤكدة|مشيرة|قائلة|موضحة|لافتة|معربة|مشددة|مبدية|منوهة|مبينة|معلنة|محذرة|داعية|مطالبة|مشيدة)"
)


@functools.cache
def _with_noun_verbs() -> frozenset[str]:
    """The verbs of holding (``meeting.with_noun`` in events.yaml) in matching view."""
    return frozenset(view_form(w) for w in event_vocabulary()["meeting"]["with_noun"])


@functools.cache
def _meeting_verbs() -> frozenset[str]:
    """The verbs of meeting (``meeting.past``, ``present``, ``future`` in events.yaml) in matching view."""
    meeting = event_vocabulary()["meeting"]
    return frozenset(view_form(w) for key in ("past", "present", "future") for w in meeting[key])


# a verb of travelling, before "للقاء" (to meet) in its sentence: the meeting is its purpose
_TRAVEL_VERB = r"(?:^|\s)(?:و|ف)?(?:س)?(?:وصل|وصلت|وصلا|يصل|تصل|توجه|توجهت|يتوجه|تتوجه|سافر|سافرت|يسافر|تسافر|غادر|غادرت|يغادر|تغادر)(?:\s|$)"
# a verb of hosting, whose subject is where they meet: "واستضافت جنيف ... محادثات", "تستضيف أبوظبي ... المفاوضات"
_HOSTING_VERB = r"(?:و|ف)?(?:س?[تي](?:ستضيف|حتضن)|استضاف|استضافت|احتضن|احتضنت)"
# an invitation (the noun, or the verb of inviting): "نقل الدعوة من العاهل ... إلى الرئيس الروسي لزيارة"
_INVITATION = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال)?(?:دعوة|دعوته|دعوتها|دعوتهم)(?:\s|$)|(?:^|\s)(?:و|ف)?(?:دعا|دعت|يدعو|تدعو|دعاه|دعاها)\s"

# the nouns of talks, as the matcher writes them (matching view, with or without the article)
_TALK_NOUNS = r"(?:ال)?(?:محادثات|مباحثات|مفاوضات|مشاورات|اتصالات)"
# the stems of the meeting nouns as written, without the article (a word may go on after them: "قمته")
_MEETING_NOUN_STEMS = "لقاء|اجتماع|محادثات|مباحثات|مفاوضات|قمة|قمه|قمم|حوار"
_TALKS = rf"^{_TALK_NOUNS}$"
_TALKS_WORD = re.compile(rf"(?:^|\s){_TALK_NOUNS}(?:\s|$)")  # ... as a word of a trigger

# an indefinite meeting word: the last word of its trigger has no article ("قمة", not "القمة")
_INDEFINITE = ~pl.col("trigger").str.extract(r"(\S+)$", 1).str.starts_with("ال")


@functools.cache
def _one_by_one_verbs() -> frozenset[str]:
    """The verbs of one party meeting several, one by one (``one_by_one`` in events.yaml), in matching view."""
    return frozenset(view_form(w) for w in event_vocabulary()["one_by_one"])
