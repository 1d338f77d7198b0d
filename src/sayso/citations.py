"""Footnote markers such as ``[14]``, ``[14, 15]``, ``[14-16]`` or ``[a]``, each kept with the
sentence it supports.

Markers are found in the text, not in tokens: the tokenizer glues them to their neighbours
("parameters.[14"). A marker supports the sentence it ends, also when it sits right after the
period ("...parameters.[14] Next sentence" belongs to the first sentence), so a marker that follows
sentence-final punctuation and precedes a capital also closes that sentence when the parser did
not split there. Bracketed editorial insertions ("[sic]", "[...]", "[the ministry]", "[t]he") are
not markers, nor is a bracketed number that opens a line (a reference-list entry).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.tokens import Doc

from sayso.doctext import text_of

_LABEL = r"(?:\d{1,3}|[a-z])"
MARKER = re.compile(rf"\[(?P<inner>{_LABEL}(?:\s*[,;–—-]\s*{_LABEL})*)\](?![A-Za-z0-9])")
_SEPARATOR = re.compile(r"\s*([,;–—-])\s*")
_SENTENCE_END = ".!?\"”’'…)"
_MAX_RANGE = 50


def find_citations(doc: Doc) -> list[dict[str, Any]]:
    """Every footnote marker in ``doc`` with the ``[start, end]`` of the sentence it supports."""
    text = text_of(doc)
    found = [m for m in MARKER.finditer(text) if not _opens_line(text, m.start())]
    if not found:
        return []
    boundaries = _boundaries(text, found, {s.start_char for s in doc.sents})
    records = []
    for match in found:
        anchor = _anchor(text, match.start())
        index = bisect.bisect_right(boundaries, anchor)
        first = boundaries[index - 1] if index else 0
        last = boundaries[index] if index < len(boundaries) else len(text)
        markers = _markers(match["inner"])
        records.append(
            {
                "start": match.start(),
                "end": match.end(),
                "marker": ",".join(markers) if len(markers) > 1 else markers[0],
                "markers": markers,
                "sentence": list(_strip(text, first, last)),
            }
        )
    return records


def _boundaries(text: str, found: list[re.Match[str]], starts: set[int]) -> list[int]:
    """The parser's sentence starts, corrected around markers: a marker stays with the text it
    follows, and a marker right after sentence-final punctuation (and before a capital) ends
    that sentence even when the parser ran on."""
    for match in found:
        anchor = _anchor(text, match.start())
        after = len(text) - len(text[match.end() :].lstrip())
        if after < len(text) and MARKER.match(text, after):
            continue  # the next marker of the same run decides
        starts = {s for s in starts if not anchor < s <= after}
        following = text[after : after + 1]
        if text[anchor] in _SENTENCE_END and (not following or following.isupper() or following in "“\"‘"):
            starts.add(after)
    return sorted(starts)


def _opens_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def _anchor(text: str, start: int) -> int:
    """The last character of the text a marker follows, skipping space and adjacent markers."""
    position = start - 1
    while position > 0:
        if text[position].isspace():
            position -= 1
        elif text[position] == "]" and (previous := _marker_ending_at(text, position + 1)) is not None:
            position = previous - 1
        else:
            break
    return max(position, 0)


def _marker_ending_at(text: str, end: int) -> int | None:
    opening = text.rfind("[", max(0, end - 40), end)
    if opening != -1 and MARKER.fullmatch(text, opening, end):
        return opening
    return None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _markers(inner: str) -> list[str]:
    """``"14, 15"`` -> ["14", "15"]; a numeric range ``"14-16"`` -> ["14", "15", "16"]."""
    parts = _SEPARATOR.split(inner)
    labels, separators = parts[0::2], parts[1::2]
    markers = [labels[0]]
    for separator, label in zip(separators, labels[1:]):
        previous = markers[-1]
        is_range = separator in "–—-" and previous.isdigit() and label.isdigit()
        if is_range and 0 < int(label) - int(previous) <= _MAX_RANGE:
            markers.extend(str(n) for n in range(int(previous) + 1, int(label) + 1))
        else:
            markers.append(label)
    return markers
