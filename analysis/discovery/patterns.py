"""What several steps of discovery read: the window widths and person-name score thresholds
(``WINDOW``, ``STRONG``, ``UNKNOWN``, ...), the words that may stand between a title and a name
(``PREPOSITIONS``), inside a name (``CONNECTORS``, ``PATRONYMIC``) or never in one (``FUNCTION_WORDS``),
the schemas of discovery's tables (``PEOPLE_SCHEMA``, ``MENTION_SCHEMA``, ...), the patterns of bylines,
outlets and places named after a person (``NAMED_AFTER_GAP``), and the date words of ``analysis.dates``
in matching view (``_date_words``, ``_day_words``: each read once).
"""

from __future__ import annotations

import functools

import polars as pl

from ..corpus import BYLINE_WORDS
from ..dates import vocabulary as date_vocabulary
from ..reference import view_form

WINDOW = 80  # view characters looked at after a title
WINDOW_BEFORE = 50  # and before it, for apposition
ORG_WINDOW = 60  # after an organization's head word
MAX_ZONE_TOKENS = 6  # complements between a title and the name
MAX_NAME_TOKENS = 4
STRONG = 0.6  # person_name_score of a word known as a name
UNKNOWN = 0.45  # ... of a word no source knows (0.5)
WEAK_BARE_NAME = 0.55  # ... of a name word after و when the whole word is one no source knows ("وأندرو")
# a word for an area ("بمنطقة", "بولاية") right after a name: the name is of a place in it
_PLACE_AFTER = r"^ ب(?:منطق|ولاي|مدين|محافظ|مقاطع|اقليم)"
HINT_MIN_COUNT = 5  # Wikidata uses of a word that may start a name without a title
HINT_SCORE = 0.9
SURE_NAME = 0.95  # ... of a word next to a context alias that makes it part of another name
WIKIDATA_NAME_COUNT = 20  # Wikidata uses of a word read as common that make it a name before a name word ("نادية")
COMMON_GIVEN_NAME = 100  # Wikidata uses of a given name that makes the alias after it another's surname ("أندرو كيم")
STRONG_NAME = 0.75  # ... of one of the two given names after a context alias ("كيم كاي غوان")

# Words that may sit between a title and the name it introduces ("المتحدث باسم الكرملين").
PREPOSITIONS = ["باسم", "لدي", "الي", "في", "لشؤون", "بشؤون", "لشوون", "بشوون", "عن", "مع", "بين"]  # matching view (ؤ stays)
# Words inside a name ("عبد الله بن زايد", "إسماعيل ولد الشيخ أحمد", "أورسولا فون دير لاين").
CONNECTORS = ["بن", "ابن", "بنت", "ابو", "ابي", "عبد", "ولد", "ال", "دي", "دا", "فون", "فان", "دير", "دو", "لا", "لو", "سان", "بو"]
# Function words: never part of a name.
FUNCTION_WORDS = """
    الذي التي الذين اللذين اللتين اللواتي اللاتي الا اذا ان انه انها انهم اي او ام بل ثم حتي حيث حين
    علي كان كانت لا لم لن ما من منذ هذا هذه ذلك تلك هو هي هم هما نحن انا انت قد لقد كما كل
    بعد قبل خلال عند اليوم امس غدا لكن لكنه لكنها وقال وقالت قال قالت واضاف واضافت اضاف
    يوم ايضا فيما بينما وفق وفقا نحو ازاء تجاه دون غير سوي بعض جميع عدد اكثر اقل اول اخر
    """.split()

PEOPLE_SCHEMA = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "form": pl.String, "title_en": pl.String, "country": pl.String}
ORG_SCHEMA = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "form": pl.String, "name_en": pl.String, "country": pl.String}
MENTION_SCHEMA = {"row": pl.UInt32, "view_start": pl.Int64, "view_end": pl.Int64, "entity_id": pl.String, "entity_kind": pl.String, "method": pl.String}
ACTOR_SCHEMA = {"actor_id": pl.String, "kind": pl.String, "name_en": pl.String, "name_ar": pl.String, "country": pl.String, "role": pl.String, "wikidata": pl.String, "source": pl.String}
TOKEN_SCHEMA = {"anchor_id": pl.UInt32, "row": pl.UInt32, "k": pl.Int64, "token": pl.String, "view_start": pl.Int64, "view_end": pl.Int64, "written_ya": pl.Boolean, "hyphen_joined": pl.Boolean}


_BYLINE_START = r"^\s*(?:" + "|".join(BYLINE_WORDS) + ")"

# the media words (in the matching view) after which a name is an outlet's, not a person's
_MEDIA_WORDS = ["صحيفة", "جريدة", "وكالة", "قناة", "مجلة", "شبكة", "إذاعة", "موقع", "تلفزيون", "محطة"]
_MEDIA_BEFORE = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال)?(?:" + "|".join(view_form(w) for w in _MEDIA_WORDS) + r")\s+$"



@functools.cache
def _date_words() -> list[str]:
    """The one-word date words with the article, in matching view: weekdays ("الخميس"), relative days
    ("اليوم"), periods ("الأسبوع") and directions ("الماضي"), and parts of day ("الصباح")."""
    vocabulary = date_vocabulary()
    words = [*vocabulary.weekdays, *vocabulary.relative_days, *vocabulary.periods, *vocabulary.directions]
    words += ["ال" + w for w in (*vocabulary.parts_of_day, *vocabulary.modifiers)]
    return sorted({w for w in words if w.startswith("ال") and " " not in w})


@functools.cache
def _day_words() -> list[str]:
    """The one-word names of days, with the article or without, in matching view: "امس", "اليوم", "الخميس"."""
    vocabulary = date_vocabulary()
    return sorted({view_form(w) for w in (*vocabulary.weekdays, *vocabulary.relative_days) if " " not in w.strip()})



# after these, the next word belongs to the name whatever else it may mean: "بن خليفة", "آل ثاني"
STATE_DESIGNATORS = ["جمهوريه", "مملكه", "دوله", "سلطنه", "اماره", "امارات"]  # matching view

PATRONYMIC = ["بن", "ابن", "بنت", "ال", "ابو"]

# countries whose people's names put the family name first ("كيم جونغ أون", "شي جين بينغ")
FAMILY_NAME_FIRST = ["CN", "HK", "KP", "KR", "MO", "TW", "VN"]

# places and institutions named after a person, right before a title ("مستشفى الملك فيصل", "جامعة الأمير
# سلطان") or a known person's name ("برج خليفة": ``entities``)
_FACILITIES = ["مستشفي", "جامعه", "مطار", "شارع", "مدينه", "قاعده", "ميناء", "مسجد", "جسر", "جائزه", "مدرسه", "كليه", "معهد", "اكاديميه", "ملعب", "مجمع", "مركز", "قصر",
               "برج", "فندق", "قاعه", "ميدان"]
_NAMED_AFTER = r"(?:^|\s)(?:و|ف)?(?:ب|ل)?(?:ال)?(?:" + "|".join(_FACILITIES) + r")\s+$"
# ... what may stand between such a word and the known person it is named after: "مطار الملك خالد"
# (matching view: no hamza on the alef)
NAMED_AFTER_GAP = r"^\s+(?:(?:الملك|الامير|الاميره|الشيخ|السلطان)\s+)?$"
