"""Regular expressions for "any of these words", written so that Python's engine tries few of them.

At each position ``re`` tries the alternatives of ``a|b|c`` one after another; with tens of words
that is most of the cost of scanning a text. Grouped by first letter, ``e(?:arly|nd of)|l(?:ate|ast)``
matches what ``early|end of|late|last`` matches, but a position is tried against one group only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def grouped_alternation(words: Iterable[str]) -> str:
    """A pattern matching any of ``words`` (non-empty; escaped here), grouped by first letter; the
    words keep their order within a group, so where two could match, the same one is tried first.
    Meant for case-insensitive use: the groups are keyed by the lower-case first letter."""
    rests: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        rests.setdefault(word[0].lower(), []).append(re.escape(word[1:]))
    return "|".join(re.escape(letter) + "(?:" + "|".join(group) + ")" for letter, group in rests.items())


class WordStartPattern:
    r"""A pattern that begins at a word boundary (``\bsaid\s+Monday``), searched for without trying
    it at every position. ``re`` skips ahead to where a pattern's first characters stand only when the
    pattern begins with them, and a leading ``\b`` hides them; so the pattern without its ``\b`` finds
    each place a match could begin, and the whole pattern, matched there, confirms it (``match`` at a
    position reads the character before it, as ``search`` does). Its matches must be non-empty."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.whole = re.compile(pattern, flags)
        self._body = re.compile(pattern[2:], flags) if pattern.startswith(r"\b") else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches ``re.finditer`` finds, in the same order."""
        if self._body is None:
            yield from self.whole.finditer(text)
            return
        pos = 0
        while (candidate := self._body.search(text, pos)) is not None:
            match = self.whole.match(text, candidate.start())
            if match is None:
                pos = candidate.start() + 1
            else:
                yield match
                pos = max(match.end(), candidate.start() + 1)

    def search(self, text: str) -> re.Match[str] | None:
        """The first match, as ``re.search`` finds it."""
        return next(self.finditer(text), None)
