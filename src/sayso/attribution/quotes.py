"""Quotation scanning on raw text: every outermost quotation, closed or running on."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from operator import attrgetter

from sayso.attribution.spans import rstrip

QUOTE_CHARS = "\"“”«»‘’„'`"


@dataclass(slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks; ``closed`` is False for one that runs on."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    used: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _closers(pairs: list[list[str]]) -> dict[str, list[str]]:
    """Each opening mark's closing marks, the longer opening marks first ('' before ')."""
    closers = {o: [c for oo, c in pairs if oo == o] for o, _ in pairs}
    return {o: closers[o] for o in sorted(closers, key=len, reverse=True)}


def _scan_paragraph(
    text: str, start: int, end: int, closers: dict[str, list[str]], continued: bool = False
) -> list[tuple[int, int | None]]:
    """Outermost quotations in one paragraph as (open index, close index or None); ``closers`` as
    ``_closers`` gives them; ``continued``: the next paragraph opens with a straight single mark."""
    openers = list(closers)
    found: list[tuple[int, int | None]] = []
    first_chars = _marks("".join(o[0] for o in openers))
    i = start
    while i < end:
        candidate = first_chars.search(text, i, end)  # skip the text no opening mark starts in
        if candidate is None:
            break
        i = candidate.start()
        mark = next((o for o in openers if text.startswith(o, i)), None)
        if mark is not None and _can_open(text, i, start, len(mark)):
            close = _find_close(text, i + len(mark), end, closers[mark])
            if close is None and mark == "'":
                # a straight single mark is a quote only where it closes in its paragraph ("in the '80s"
                # never does), even after a plural-looking word ("the 'preparedness' of the state")
                close = _find_close(text, i + 1, end, closers[mark], possessives=False)
                if close is None and not (continued and text[i + 1].isupper()):
                    i += 1
                    continue
                # unclosed, it runs on where the next paragraph opens with the mark again: the British
                # convention for a quotation over several paragraphs ("'When I started … / 'People ask …")
            found.append((i, close))
            if close is None:
                break
            i = close + _mark_width(text, close)
            continue
        i += 1
    return found


@functools.lru_cache(maxsize=8)
def _marks(chars: str) -> re.Pattern[str]:
    """Any one of ``chars``: a quotation can open or close only where one of its marks begins."""
    return re.compile("[" + re.escape(chars) + "]")


def _can_open(text: str, i: int, para_start: int, width: int = 1) -> bool:
    """A mark opens a quote at the start of a paragraph or after space/dash/bracket, before a non-space."""
    prev = text[i - 1] if i > para_start else " "
    nxt = text[i + width] if i + width < len(text) else " "
    if nxt.isspace():
        return False
    if text[i] in "‘'":  # apostrophes look the same: only after space or an opening bracket
        return prev.isspace() or prev in "([“\"—–-"
    return prev.isspace() or prev in "([{—–-:/" or i == para_start


def _mark_width(text: str, i: int) -> int:
    return 2 if text.startswith(("''", "``"), i) else 1


def _find_close(text: str, i: int, end: int, closers: list[str], possessives: bool = True) -> int | None:
    """The closing mark; ``possessives``: a mark after a final s and before a space is a plural
    possessive ("the players’ union"), not a close."""
    first_chars = _marks("".join(c[0] for c in closers))
    while (candidate := first_chars.search(text, i, end)) is not None:  # skip the text no mark starts in
        j = candidate.start()
        i = j + 1
        for mark in closers:
            if text.startswith(mark, j):
                if mark in "’'" and j + 1 < end and (text[j + 1].isalpha() or possessives and text[j - 1] == "s" and text[j + 1] == " "):
                    break  # an apostrophe inside a word (don’t, Russia’s) or a plural possessive
                if mark == "“" and (text[j - 1].isspace() or j + 1 < end and text[j + 1].isalnum()):
                    continue  # an opening mark closes a quote only where a closing one would ("not,“ he said")
                return j
    return None


def _unopened_close(
    text: str, carry: Quote, start: int, end: int, raw: list[tuple[int, int | None]], pairs: list[list[str]]
) -> int | None:
    """Where a quotation left open at a paragraph's end closes in the next paragraph that does not
    open it again (some outlets drop the opening mark of a continued paragraph): its first closing
    mark, if no quotation of that paragraph opens before it."""
    opener = text[carry.start : carry.inner_start]
    close = _find_close(text, start, end, [c for o, c in pairs if o == opener])
    if close is None or any(o <= close for o, _ in raw):
        return None
    return close


def find_quotes(text: str, pairs: list[list[str]]) -> list[Quote]:
    """Every outermost quotation, closed or running on, joined across paragraphs by convention."""
    quotes: list[Quote] = []
    carry: Quote | None = None
    closers = _closers(pairs)  # the same for every paragraph
    spans = paragraphs(text)
    opens_single = [text[a:b].lstrip().startswith("'") for a, b in spans]
    for n, (p_start, p_end) in enumerate(spans):
        stripped = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
        raw = _scan_paragraph(text, p_start, p_end, closers, n + 1 < len(spans) and opens_single[n + 1])
        if carry is not None:
            if raw and raw[0][0] == stripped:
                o, c = raw.pop(0)
                carry.end = (c + _mark_width(text, c)) if c is not None else p_end
                carry.inner_end = c if c is not None else p_end
                carry.closed = c is not None
                if c is None:
                    continue
            elif (c := _unopened_close(text, carry, stripped, p_end, raw, pairs)) is not None:
                carry.end, carry.inner_end, carry.closed = c + _mark_width(text, c), c, True
            quotes.append(carry)
            carry = None
        for o, c in raw:
            close_end = (c + _mark_width(text, c)) if c is not None else p_end
            q = Quote(o, close_end, o + _mark_width(text, o), c if c is not None else p_end, c is not None)
            if c is None:
                carry = q
            else:
                quotes.append(q)
    if carry is not None:
        quotes.append(carry)
    for q in quotes:
        q.inner_end = rstrip(text, q.inner_start, q.inner_end, " \n\t,")
    return [q for q in quotes if q.inner_end > q.inner_start]


def quote_at(pos: int, quotes: list[Quote]) -> Quote | None:
    """The quotation holding ``pos``: ``quotes`` as ``find_quotes`` gives them, in text order and
    apart, so the one that can hold it is the last opening at or before it (a bisection, not a
    scan: a quote-heavy article asks this of thousands of words)."""
    i = bisect.bisect_right(quotes, pos, key=quote_start) - 1
    return quotes[i] if i >= 0 and pos < quotes[i].end else None


quote_start = attrgetter("start")
quote_end = attrgetter("end")
