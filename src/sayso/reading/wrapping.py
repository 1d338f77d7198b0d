"""Hard-wrapped plain text: a line break that only keeps a line short is a space, not a paragraph.

E-mail newsletters, mailing-list posts, RFC- and Gutenberg-style texts break every line near a fixed
width and mark paragraphs with a blank line. Everything downstream reads a line break as a
paragraph end (voices, quote scanning, sentence splitting), so such a text would come apart into
line-long fragments. The Markdown reader already reads a soft break as a space; this does the same
for plain text, and only where the text is plainly wrapped: a wrapping tool ends a line where the
next word would not fit, so each wrapped line is *full* (its length, a space and the next line's
first word exceed the width), and prose continues on a lowercase word often. Poems, addresses,
lists, headings, tables and one-paragraph-per-line text fail one of these tests and keep their
line breaks. A newline becomes a space of the same length, so no offset moves.
"""

from __future__ import annotations

import re

MIN_WIDTH, MAX_WIDTH = 40, 100  # the widths wrapping tools and mail clients use (72, 76, 78, 80)
SLACK = 8  # a wrapper's width may sit a few characters above the longest line it produced
MIN_WRAPPED_LINES = 3
MIN_FULL_SHARE = 0.75  # of the lines followed by another line in the same block
MIN_LOWERCASE_SHARE = 0.3  # of the lines a full line runs on to (prose; capitalised verse has ~0)

_ITEM_START = re.compile(r"\s*(?:[-*+•–—>|#]|\d{1,3}[.)]\s|[a-zA-Z][.)]\s)")
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S|\|")


def unwrap_hard_breaks(text: str) -> str:
    """The text with each wrapping line break turned into a space.

    The text is left as it is unless it is plainly hard-wrapped (see the module's docstring).
    """
    lines = text.split("\n")
    pairs = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    if len(pairs) < MIN_WRAPPED_LINES:
        return text
    width = max(len(lines[i]) for i in pairs)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return text
    full = [i for i in pairs if _is_full(lines[i], lines[i + 1], width)]
    lowercase = [i for i in full if lines[i + 1].lstrip()[:1].islower()]
    if (
        len(full) < MIN_WRAPPED_LINES
        or len(full) < MIN_FULL_SHARE * len(pairs)
        or len(lowercase) < MIN_LOWERCASE_SHARE * len(full)
    ):
        return text
    chars = list(text)
    line_ends, position = [], 0
    for line in lines:
        position += len(line)
        line_ends.append(position)
        position += 1
    for i in full:
        if not _keeps_break(lines[i], lines[i + 1]):
            chars[line_ends[i]] = " "
    return "".join(chars)


def _is_full(line: str, following: str, width: int) -> bool:
    """Whether the next line's first word would not have fitted on ``line`` at ``width``."""
    next_word = following.split(None, 1)[0]
    return len(line.rstrip()) + 1 + len(next_word) > width - SLACK


def _keeps_break(line: str, following: str) -> bool:
    """A break that is structure even inside wrapped text: a new list item, a paragraph whose
    first line is indented (but a list item's wrapped lines are indented under it), a table row
    or column layout, a line ending in a Markdown hard break's backslash."""
    indented = _indent(following) > _indent(line) and not _ITEM_START.match(line)
    return bool(
        _ITEM_START.match(following)
        or indented
        or _COLUMNS.search(line)
        or _COLUMNS.search(following)
        or line.endswith("\\")
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
