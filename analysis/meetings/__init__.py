"""Who met whom: meeting mentions in sentences, meetings within an article, meetings across articles.

**Meeting mentions** (``meeting_mentions``, one batch at a time, vectorized with joins on positions).
A meeting word of ``resources/events.yaml`` (اجتماع، لقاء، محادثات، قمة، زيارة، اتصال هاتفي...,
التقى، اجتمع، استقبل، عقد، أجرى، سيلتقي...) starts a mention; words of one sentence less than
``CLUSTER_GAP`` characters apart are one mention ("عقد ... اجتماعاً"). Then, within the sentence:

* participants: the people and organizations named nearer to this mention than to any other of
  the sentence, except those named as somebody's relative or agent ("صهر الرئيس رجب طيب أردوغان",
  "مستشار ... للرئيس ماكرون") and the speakers of reported speech; a meeting verb without a named
  subject ("قمة جنيف التي عقدها مع الرئيس بايدن") takes the speaker of the sentence;
* status: denied ("لا توجد خطط لعقد اجتماع"), cancelled, postponed, planned ("من المقرر"،
  "سيلتقي"، "المرتقب"، "لعقد"; or a date after publication), else held;
* date: the nearest date expression; weekday kept even when unresolved; place: the nearest place
  named as a venue ("في ميامي"، "إلى موسكو"، "بموسكو"، "قمة ألاسكا"), not a topic ("الحرب في
  أوكرانيا"); duration ("استمر خمس ساعات"); mode (phone, video, in person).

**Within an article** (``article_meetings``): mentions sharing participants are one meeting; a
mention with fewer than two participants ("الاجتماع"، "المحادثات") enriches the nearest meeting
of the article that it does not contradict.

**Across articles** (``merge_meetings``): article meetings are one meeting when they share
participants and nothing tells them apart: dates (or publication dates), weekday, place and
duration must agree. A merge that rests on no date at all is marked ``uncertain`` and its
``merge_basis`` says what it rests on. A denied meeting is not a meeting: it never reaches the
``meetings`` table, only ``meeting_mentions``.

Modules:

* ``mentions``: the meeting mentions of a batch (``meeting_mentions``, ``MENTION_COLUMNS``, ``MeetingPlaces``);
* ``parties``: the participants of each mention; ``party_filters``, ``pair_filters``: the names that are no
  party; ``referents``, ``state_sides``, ``context_parties``, ``duals``: parties the text names by a pronoun
  or not at all, as states, in the context, by a dual;
* ``status``: held, planned, denied, cancelled or postponed;
* ``attributes``: the date, place, duration and mode of a mention;
* ``patterns``, ``spans``: the words, distances and positions these steps share;
* ``same_meeting``: whether two records are one meeting (``STATUS_ORDER``);
* ``article``: meetings within an article (``article_meetings``);
* ``merge``: meetings across articles and the corpus's tables (``merge_meetings``, ``meeting_edges``,
  ``meeting_tables``, ``actor_facts``, ``in_corpus_order``).
"""

from .article import article_meetings
from .mentions import MENTION_COLUMNS, MeetingPlaces, meeting_mentions
from .merge import actor_facts, in_corpus_order, meeting_edges, meeting_tables, merge_meetings
from .same_meeting import STATUS_ORDER as STATUS_ORDER  # (not in __all__: ``evaluation`` reads it)

__all__ = ["meeting_mentions", "MeetingPlaces", "article_meetings", "merge_meetings", "meeting_edges", "meeting_tables", "actor_facts", "in_corpus_order", "MENTION_COLUMNS"]
