"""Regular expressions for "any of these words", written so that Python's engine tries few of them.

At each position ``re`` tries the alternatives of ``a|b|c`` one after another; with tens of words
that is most of the cost of scanning a text. Grouped by first letter, ``e(?:arly|nd of)|l(?:ate|ast)``
matches what ``early|end of|late|last`` matches, but a position is tried against one group only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def grouped_alternation(words: Iterable[str]) -> str:
    """A pattern matching any of ``words`` (non-empty; escaped here), grouped by first letter; the
    words keep their order within a group, so where two could match, the same one is tried first.
    Meant for case-insensitive use: the groups are keyed by the lower-case first letter."""
    rests: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        rests.setdefault(word[0].lower(), []).append(re.escape(word[1:]))
    return "|".join(re.escape(letter) + "(?:" + "|".join(group) + ")" for letter, group in rests.items())
