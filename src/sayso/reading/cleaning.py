"""Cleaning: the characters sayso analyses (line ends, invisible characters, over-long paragraphs).

Everything here changes characters, so it runs before any offset exists.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable

from sayso.reading.limits import MAX_PARAGRAPH_CHARS

# Characters that carry no text but would shift or split words: C0/C1 controls (not tab or
# newline), zero-width and joiner characters, soft hyphens, bidi embedding/isolate controls,
# and lone surrogates (no encoder can write them out).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ud800-\udfff\ufeff\ufffe]"
)
# What an XML text node cannot hold (lxml raises on setting it): C0 controls but tab and line ends,
# lone surrogates and the two non-characters.
# Terminal escape sequences (colours, cursor moves, window titles) in text captured from a
# terminal: dropping the ESC alone would leave "[31m" in the words.
_TERMINAL_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b\n]*(?:\x07|\x1b\\))")
XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+(?=\n|\Z)")
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_chars(text: str) -> str:
    """NFC-compose and drop terminal escapes and invisible characters (line breaks are left to the caller)."""
    if "\x1b" in text:
        text = _TERMINAL_ESCAPES.sub("", text)
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))


def clean_text(text: str) -> str:
    """Plain text as sayso analyses it: ``\\n`` line ends, no invisible characters, no
    trailing spaces, at most one blank line in a row, no leading/trailing blank lines."""
    text = clean_chars(_LINE_BREAKS.sub("\n", text))
    text = _BLANK_RUNS.sub("\n\n", _TRAILING_SPACE.sub("", text))
    return text.strip("\n").rstrip() if text.strip() else ""


_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]?\s""")


def split_long_paragraphs(text: str, limit: int | None = None) -> tuple[str, list[int], int]:
    """Break lines longer than ``limit`` (default ``MAX_PARAGRAPH_CHARS``) at a sentence end or
    space (which becomes a newline).

    Returns the new text, the positions (in the old text) where a newline had to be inserted
    because a run had no space at all (so offsets can be shifted), and the number of lines split.
    """
    limit = limit or MAX_PARAGRAPH_CHARS
    if len(text) <= limit or all(len(line) <= limit for line in text.split("\n")):
        return text, [], 0
    chars = list(text)
    inserted: list[int] = []
    splits = 0
    line_start = 0
    for line in text.split("\n"):
        start, end = line_start, line_start + len(line)
        line_start = end + 1
        if end - start <= limit:
            continue
        splits += 1
        while end - start > limit:
            window = text[start + limit // 2 : start + limit]
            ends = [m.end() - 1 for m in _SENTENCE_END.finditer(window)]
            space = next((i for i in range(len(window) - 1, -1, -1) if window[i].isspace()), None)
            cut = ends[-1] if ends else space
            if cut is None:
                inserted.append(start + limit)
                start += limit
            else:
                chars[start + limit // 2 + cut] = "\n"
                start += limit // 2 + cut + 1
    for position in reversed(inserted):
        chars.insert(position, "\n")
    return "".join(chars), inserted, splits


def shift(offset: int, inserted: list[int], *, end: bool = False) -> int:
    """Where ``offset`` moved after newlines were inserted at ``inserted`` (old positions)."""
    return offset + (bisect_left(inserted, offset) if end else bisect_right(inserted, offset))


def overlap_test(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether a stretch ``start..end`` overlaps one of ``spans``, by bisection: a post
    may hold thousands of quotes, code spans and tags (a position ``p`` is the stretch ``p..p+1``)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))  # the furthest end so far

    def overlaps(start: int, end: int) -> bool:
        i = bisect_left(starts, end)
        return i > 0 and reach[i - 1] > start

    return overlaps


def join_blocks(blocks: Iterable[tuple[str, Hashable | None, str | None]]) -> tuple[str, list[tuple[int, int, str | None]]]:
    """The plain-text readers' output: ``(text, quote, source)`` blocks joined by a blank line, and
    the ``(start, end, source)`` span of each quote (``quote`` None for the writer's own block;
    neighbouring blocks of the same quote make one span)."""
    parts: list[str] = []
    quotes: list[tuple[int, int, str | None]] = []
    size, previous = 0, None
    for text, quote, source in blocks:
        if parts:
            parts.append("\n\n")
            size += 2
        parts.append(text)
        if quote is not None:
            if previous is not None and previous == quote:
                quotes[-1] = (quotes[-1][0], size + len(text), quotes[-1][2])
            else:
                quotes.append((size, size + len(text), source))
        previous = quote
        size += len(text)
    return "".join(parts), quotes
