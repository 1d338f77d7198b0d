"""Indented excerpts: a block of prose set in by four spaces or a tab in a plain-text post.

Writers of plain text (mailing lists, newsletters, text-only blogs, Usenet) mark a pasted excerpt
the way a typewriter did, by indenting it, much as Markdown marks one with ``>``. That is markup
and is read as such: the block is a quoted span (its source unnamed; the voices lead-in reader
names it), its indentation leaves the analysed text and its wrapped lines are joined by a space,
as Markdown and the e-mail reader join a quote's lines.

Indentation means other things too, so a block counts only where it plainly is an excerpt of
prose: every line of it is indented; it follows a block of the writer's that is not, or continues
a run of indented blocks that does (the run is one excerpt); the text has two blocks of its own
(a text indented throughout but for its title is not quoting); a list item's indented
continuation is not an excerpt; and it reads as prose (it opens with a capital or a quotation
mark, holds six words, ends with a stop, and has hardly any code characters and no columns), so
code, tables, addresses, verse and sub-lists keep their lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from sayso.reading.cleaning import overlap_test

_INDENTED = re.compile(r"(?: {4,}|\t)[ \t]*\S")
_BLOCK = re.compile(r"(?:^[^\n]*\S[^\n]*(?:\n|\Z))+", re.M)  # a run of non-blank lines
_ITEM_START = re.compile(r"\s*(?:[-*+•–—>|#]|\d{1,3}[.)]\s|[a-zA-Z][.)]\s)")
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")  # a table's or a layout's columns
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CODE_CHARS = frozenset("{}[]<>=;$\\|`_#*^~")
MIN_WORDS = 6
MAX_CODE_SHARE = 0.02  # of the block's non-space characters
MIN_LETTER_SHARE = 0.75

Quote = tuple[int, int, str | None]


def read_indented_quotes(text: str, quotes: list[Quote]) -> tuple[str, list[Quote]]:
    """``text`` with each indented excerpt outside ``quotes`` set flush and unwrapped, and
    ``quotes`` (moved to the new text) with a span for each such excerpt added."""
    if "\n    " not in text and "\n\t" not in text:  # the common case: nothing is indented
        return text, quotes
    blocks = [m.span() for m in _BLOCK.finditer(text)]
    indented = [all(_INDENTED.match(line) for line in text[s:e].rstrip("\n").split("\n")) for s, e in blocks]
    if len(indented) - sum(indented) < 2:  # a text indented throughout, but for its title or a lead-in
        return text, quotes
    inside = overlap_test((s, e) for s, e, _ in quotes)
    excerpts: list[list[tuple[int, int]]] = []  # runs of neighbouring excerpt blocks: one span each
    anchored = False  # the indented run under way follows the writer's own block, not a list item
    for k, (start, end) in enumerate(blocks):
        if not indented[k]:
            anchored = not _ITEM_START.match(text[start:end])
            continue
        if not anchored or inside(start, end) or not _reads_as_prose(text[start:end]):
            continue
        if excerpts and excerpts[-1][-1] == blocks[k - 1]:
            excerpts[-1].append((start, end))
        else:
            excerpts.append([(start, end)])
    if not excerpts:
        return text, quotes
    parts: list[str] = []
    removed: list[tuple[int, int]] = []  # (old position, characters removed there), in order
    found: list[tuple[int, int]] = []
    position = size = 0
    for run in excerpts:
        run_start = None
        for start, end in run:
            parts.append(text[position:start])
            size += start - position
            body = text[start:end].rstrip("\n")
            lines = body.split("\n")
            cursor = start
            for line in lines:  # what each line loses: its indentation (and trailing spaces)
                lead = len(line) - len(line.lstrip())
                removed.append((cursor, lead))
                removed.append((cursor + len(line.rstrip()), len(line) - len(line.rstrip())))
                cursor += len(line) + 1  # the newline itself becomes the joining space
            flush = " ".join(line.strip() for line in lines)
            run_start = size if run_start is None else run_start
            parts.append(flush)
            size += len(flush)
            position = start + len(body)
        found.append((run_start or 0, size))
    parts.append(text[position:])
    moved = _mover(removed)
    kept = [(moved(s), moved(e), source) for s, e, source in quotes]
    return "".join(parts), sorted([*kept, *((s, e, None) for s, e in found)])


def _reads_as_prose(block: str) -> bool:
    """Whether an indented block reads as prose (see the module's docstring)."""
    lines = block.rstrip("\n").split("\n")
    if any(_COLUMNS.search(line.strip()) for line in lines):
        return False
    content = " ".join(line.strip() for line in lines)
    visible = [c for c in content if not c.isspace()]
    return (
        (content[0].isupper() or content[0] in "\"'“‘")
        and len(_WORD.findall(content)) >= MIN_WORDS
        and bool(_SENTENCE_END.search(content))
        and sum(c in _CODE_CHARS for c in visible) <= MAX_CODE_SHARE * len(visible)
        and sum(c.isalpha() for c in visible) >= MIN_LETTER_SHARE * len(visible)
    )


def _mover(removed: list[tuple[int, int]]) -> Callable[[int], int]:
    """Where an old offset lands once the ``removed`` stretches are gone (inside one: its start)."""
    starts = [at for at, _ in removed]
    totals = [0]
    for _, length in removed:
        totals.append(totals[-1] + length)

    def moved(offset: int) -> int:
        i = bisect_right(starts, offset)
        before = totals[i]
        if i and offset < starts[i - 1] + removed[i - 1][1]:  # inside the last stretch begun before it
            before = totals[i - 1] + offset - starts[i - 1]
        return offset - before

    return moved
