"""Forum quotes: the BBCode ``[quote]`` blocks of a forum post pasted as plain text.

A post copied from a board's editor (phpBB, vBulletin, SMF, XenForo, Discourse, IPB) keeps its
quote tags, ``[quote=X]…[/quote]``: markup that says exactly which words are an excerpt and,
usually, whose. It is read as an e-mail's quoted messages are: the tags leave the analysed text,
each quoted stretch becomes paragraphs of its own and a ``(start, end, source)`` span, its source
the name the opening tag gives; a quote inside a quote is a span of its own, named by its own tag
(a reply quoting a post that quoted someone else has two posters' words, each credited). Only tags that pair up are read, and none inside
code (``[code]…[/code]``, fenced blocks, backticks), so a post that writes about "[quote]" tags
keeps them as words. In Markdown (Discourse) the tags become ``<blockquote cite="X">`` blocks
for the Markdown reader.

A post copied from the rendered page has no tags but the board's quote headers, as exact:
"Quote from: X on DATE" (SMF) and "Originally Posted by X" (vBulletin, after a "Quote:" line)
open an excerpt of X's on the next line, which runs to the next blank line (to the end of that
line where the text has no blank line after it); XenForo's "X said:" does so only where its
"Click to expand..." closes the excerpt, since "X said:" alone is any lead-in, which voices reads.
The headers leave the text like the tags.
"""

from __future__ import annotations

import html as entities
import re
from bisect import bisect_left
from collections.abc import Callable

from sayso.reading.cleaning import join_blocks, overlap_test

_QUOTE_TAG = re.compile(r"\[(/?)quote\b([^\]\n]{0,200})\]", re.I)
_CODE = re.compile(
    r"\[code\b[^\]\n]*\].*?\[/code\]|^[ \t]*(```|~~~).*?^[ \t]*\1|`[^`\n]+`", re.I | re.S | re.M
)
# "[quote=X]", '[quote="X, post: 123, member: 9"]' (XenForo), "[quote=X;123]" (vBulletin): the name
# before the first comma or semicolon; "[quote author=X link=… date=…]" (SMF), '[quote name="X"]' (IPB).
_NAMED_ATTRIBUTE = re.compile(
    r"""\b(?:author|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|(.+?))(?=\s+\w+\s*=|\s*$)""", re.I
)
_MAX_NAME = 80
# Rendered quote headers, each on a line of its own, and what follows up to the excerpt's end.
_HEADERS = (
    re.compile(
        r"^[ \t]*Quote from:[ \t]+(?P<name>[^\n\[\]]{1,80}?)[ \t]+on[ \t]+[^\n]{4,60}\n(?=[ \t]*\S)", re.M
    ),
    re.compile(
        r"^(?:[ \t]*Quote:[ \t]*\n)?[ \t]*Originally Posted by[ \t]+(?P<name>[^\s\[\]][^\n\[\]]{0,79}?)"
        r"(?:[ \t]+View Post)?[ \t]*\n(?=[ \t]*\S)",
        re.M,
    ),
)
_XENFORO = re.compile(
    r"^[ \t]*(?P<name>[^\s\[\]][^\n\[\]]{0,60}?) said:[ \t]*\n(?:[^\n]*\n){1,200}?"
    r"[ \t]*Click to expand\.\.\.[ \t]*$",
    re.M,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_Marker = tuple[int, int, bool, str | None]  # start, end, opens an excerpt, its source


def read_forum_quotes(text: str) -> tuple[str, list[tuple[int, int, str | None]]]:
    """``text`` without its paired quote tags and quote headers, and the ``(start, end, source)``
    spans they quoted."""
    code = [m.span() for m in _CODE.finditer(text)]
    markers = _paired_tags(text, overlap_test(code))
    markers = sorted([*markers, *_headers(text, [*code, *_outermost(markers)])], key=lambda m: m[:2])
    if not markers:
        return text, []
    blocks: list[tuple[str, int | None, str | None]] = []  # (segment, innermost quote's number, its source)
    open_quotes: list[tuple[int, str | None]] = []  # the quotes open at this point, innermost last
    opened = 0
    position = 0
    for marker in [*markers, None]:
        segment = text[position : marker[0] if marker else len(text)]
        segment = segment.lstrip() if position else segment  # whitespace at a marker goes with it
        segment = segment.rstrip() if marker else segment
        if segment.strip():
            blocks.append((segment, *open_quotes[-1]) if open_quotes else (segment, None, None))
        if marker is None:
            break
        position = marker[1]
        if not marker[2]:
            open_quotes.pop()
        else:
            opened += 1
            open_quotes.append((opened, marker[3]))
    return join_blocks(blocks)


def tags_as_blockquotes(markdown: str) -> str:
    """A Markdown post (Discourse writes quotes as ``[quote="X, post:3, topic:9"]`` in Markdown)
    with its paired quote tags turned into ``<blockquote cite="X">`` blocks, which the Markdown
    reader quotes and names as it does any ``<blockquote>``."""
    markers = _paired_tags(markdown, overlap_test([m.span() for m in _CODE.finditer(markdown)]))
    parts, position = [], 0
    for start, end, opening, source in markers:
        cite = f' cite="{entities.escape(source)}"' if opening and source else ""
        parts += [
            markdown[position:start],
            f"\n\n<blockquote{cite}>\n\n" if opening else "\n\n</blockquote>\n\n",
        ]
        position = end
    return "".join(parts) + markdown[position:]


def _paired_tags(text: str, in_code: Callable[[int, int], bool]) -> list[_Marker]:
    """The quote tags outside code whose opening and closing tags pair up, in text order."""
    open_tags: list[re.Match[str]] = []
    paired: list[_Marker] = []
    for match in _QUOTE_TAG.finditer(text):
        if in_code(match.start(), match.start() + 1):
            continue
        if not match.group(1):
            open_tags.append(match)
        elif open_tags and not match.group(2).strip():
            opening = open_tags.pop()
            paired += [(*opening.span(), True, _source(opening.group(2))), (*match.span(), False, None)]
    return sorted(paired, key=lambda m: m[:2])


def _headers(text: str, taken: list[tuple[int, int]]) -> list[_Marker]:
    """The rendered quote headers outside ``taken`` (code, tagged quotes): each opens an excerpt,
    closed at its end (a blank line, the line's end, XenForo's "Click to expand...")."""
    markers: list[_Marker] = []
    inside = overlap_test(taken)
    for match in _XENFORO.finditer(text) if "Click to expand..." in text else ():
        if not inside(match.start(), match.start() + 1):
            close = match.group(0).rindex("\n") + match.start()
            markers += [
                (match.start(), match.end("name") + 6, True, _name(match.group("name"))),
                (close, match.end(), False, None),
            ]
    inside = overlap_test([*taken, *_outermost(markers)])
    blanks = [m.start() for m in _BLANK_LINE.finditer(text)]
    for header in _HEADERS if "Quote from:" in text or "Originally Posted by" in text else ():
        for match in header.finditer(text):
            if inside(match.start(), match.start() + 1):
                continue
            i = bisect_left(blanks, match.end())
            end = blanks[i] if i < len(blanks) else text.find("\n", match.end())
            end = len(text) if end < 0 else end
            markers += [
                (match.start(), match.end(), True, _name(match.group("name"))),
                (end, end, False, None),
            ]
    return markers


def _outermost(markers: list[_Marker]) -> list[tuple[int, int]]:
    """The stretches from each outermost opening marker to the closing marker that ends it."""
    stretches, depth, start = [], 0, 0
    for marker in markers:
        if marker[2]:
            start = marker[0] if depth == 0 else start
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                stretches.append((start, marker[1]))
    return stretches


def _source(attributes: str) -> str | None:
    """The poster an opening tag names, or None."""
    attributes = attributes.strip()
    if attributes.startswith("="):
        name = re.split(r"[,;]", attributes[1:].strip().strip("\"'"), maxsplit=1)[0]
    else:
        named = _NAMED_ATTRIBUTE.search(attributes)
        name = next((g for g in named.groups() if g is not None), "") if named else ""
    return _name(name)


def _name(name: str) -> str | None:
    name = name.strip().strip("\"'").strip()
    return name if 0 < len(name) <= _MAX_NAME else None
