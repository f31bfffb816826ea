"""Discovering people and organizations that are not in the reference data.

Arabic news introduces a newcomer by a title: "كبير المفاوضين الإيرانيين عباس عراقجي",
"محافظ صندوق الاستثمارات العامة السعودي ياسر الرميان", "المتحدثة باسم الخارجية الصينية ماو نينغ",
by apposition: "ياسر الرميان، محافظ صندوق ...", or with no title at all when the first name
says it is a name: "وقال ميتش ماكونيل". Organizations are named by a head word and its
complements: "وزارة الدفاع الروسية", "مجلس الأمن والدفاع القومي", "الوفد الأوكراني".

The work is vectorized over the batch and reuses the single Aho-Corasick pass of
``EntityFinder``, whose hits carry a ``role``: ``title``, ``org_head``, ``hint`` (a word that
almost always starts a name) and ``name_word`` (a word known as part of names):

1. a title is looked at only when a name word that no known mention covers lies just after or
   just before it; the words of that window become rows of a token table;
2. each distinct word gets a class once (``word_classes``): nationality adjective, organization
   word, title word, function word, connector (بن، عبد), common word (from word statistics of
   annotated corpora, also after stripping proclitics and suffixes), or name word (from
   ``analysis.transliterate.person_name_score``); tokens inside known mentions are "person" or
   "entity";
3. per window, cumulative sums skip the title's complements ("الروسي", "باسم الكرملين",
   "لدى المملكة") and take the run of name words that follows;
4. a first name written before a known surname either completes that person's mention
   ("أولاف شولتس") or, when it is someone else's first name, makes a new person ("بريجيت ماكرون");
   a family name after a known patronymic name makes a new person too ("عبدالله بن عبدالعزيز
   الربيعة" is not the late king);
5. a discovered person's later mentions in the same article (full name or surname alone) are
   linked to it; the author of a byline ("كتب : دينا كمال") is a person too.

A discovered actor gets ``source = discovered``, its Arabic name as written, a Latin ``name_en``
(``analysis.transliterate``), its ``actor_id`` from that name (so that one person spelled the same
way in many articles is one actor), and, where the text gives them, a country (from the
nationality adjective or the organization of the title) and a role (the title in English).

Modules:

* ``discoverer``: ``Discoverer``, the lexicons it builds from the reference data and ``discover``, which
  runs the steps below over a batch;
* ``tokens``: the words of the windows around titles and hints and their classes (``TokenReading``);
* ``titled_people``: people after and before a title (``TitledPeople``);
* ``names_without_titles``: people named without a title: after a first-name hint, after another
  person and "و", in a byline (``NamesWithoutTitles``);
* ``next_to_known_names``: a first name before a known surname, a family name after a known
  patronymic name, a context alias that is one word of somebody else's name (``NextToKnownNames``);
* ``organizations``: organizations named by a head word and its complements (``Organizations``);
* ``linking``: later mentions of discovered people, and surnames spelled an article's own way
  (``LinkingWithinArticles``);
* ``patterns``: the window widths, score thresholds, word lists and table schemas these steps share
  (``NAMED_AFTER_GAP``); ``windows``: expressions over window tokens and position look-ups;
  ``lexicons``: nationality forms and word stems;
* ``spelling``: loose spellings of names (``spelling_key``, ``one_letter_off``, ``skeleton``);
* ``naming``: English names and ids (``english_org_name``, ``slug``, ``slug_expr``).
"""

from .discoverer import Discoverer
from .naming import english_org_name, slug, slug_expr
from .patterns import NAMED_AFTER_GAP as NAMED_AFTER_GAP  # (not in __all__: ``entities`` reads it)
from .spelling import one_letter_off as one_letter_off, skeleton, spelling_key as spelling_key  # (``tests`` read the first and last)

__all__ = ["Discoverer", "english_org_name", "slug", "slug_expr", "skeleton"]
