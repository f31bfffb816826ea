"""Loose spellings of names, to tell one person's names written another way: ``spelling_key`` (a
name in matching view -> the same without its inner long vowels), ``one_letter_off`` (a key -> its
forms with one letter blanked), ``skeleton`` (a word -> its consonant skeleton).
"""

from __future__ import annotations

import re

_SKELETON_DROP = str.maketrans("", "", "اويءئؤه ")
_SKELETON_MERGE = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج", "ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "ذ": "ز", "ح": "ه", "ث": "س"})



def spelling_key(name: str) -> str:
    """A name in matching view with the long vowels inside its words dropped ("ريتنو مارسودي" and
    "ريتنو مرسودي", "هيذر نويرت" and "هيذر ناورت" meet; "عمرو" and "عمار" do not)."""
    return " ".join(w[0] + re.sub("[اوي]", "", w[1:-1]) + w[-1] if len(w) > 2 else w for w in name.split())


def one_letter_off(key: str) -> list[str]:
    """The forms of a ``spelling_key`` of three words or more with one letter of one word blanked
    ("كيم ?نغ أن"): two keys that share one differ by a single letter (a typo such as "كيم كونغ
    أون" for "كيم جونغ أون"); names of fewer words are not compared this loosely."""
    words = key.split(" ")
    if len(words) < 3:
        return []
    return [
        " ".join(words[:i] + [word[:j] + "?" + word[j + 1 :]] + words[i + 1 :])
        for i, word in enumerate(words)
        for j in range(len(word))
    ]


def skeleton(word: str) -> str:
    """Consonant skeleton of an Arabic name for loose comparison (سيرغي ~ سيرجي)."""
    return word.translate(_SKELETON_DROP).translate(_SKELETON_MERGE)
