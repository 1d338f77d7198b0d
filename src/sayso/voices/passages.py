"""Passages: the paragraphs that tile an article, and their split where markup quotes start or end."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sayso.voices.rules import Rules


@dataclass
class Passage:
    start: int
    end: int
    voice: str = "author"
    source: str | None = None
    rule: str = ""
    features: dict[str, int] = field(default_factory=dict)
    markup: int | None = None  # index of the markup quote that made it quoted
    score: float = 0.0  # the rule score (plain text only)

    def plain(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "voice": self.voice, "source": self.source, "rule": self.rule}


def paragraphs(text: str, boilerplate: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Paragraph spans tiling the text outside boilerplate.

    A paragraph starts at a line with non-space content and runs to the next such line, so blank
    lines belong to the paragraph before them; leading whitespace joins the first paragraph of its
    stretch, and a stretch that is all whitespace becomes a passage of its own.
    """
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in _gaps(len(text), boilerplate):
        starts = [m.start() for m in re.finditer(r"(?m)^[ \t\f\v\r]*\S", text[seg_start:seg_end])]
        starts = [seg_start + s for s in starts]
        if not starts:
            spans.append((seg_start, seg_end))
            continue
        starts[0] = seg_start
        spans.extend(zip(starts, [*starts[1:], seg_end], strict=True))
    return spans


def _gaps(length: int, boilerplate: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """The stretches of ``[0, length)`` that no boilerplate span covers."""
    gaps, cursor = [], 0
    for b_start, b_end in sorted((max(0, int(b[0])), min(length, int(b[1]))) for b in boilerplate):
        if b_start > cursor:
            gaps.append((cursor, b_start))
        cursor = max(cursor, b_end)
    if cursor < length:
        gaps.append((cursor, length))
    return gaps


# --- markup ----------------------------------------------------------------------------------


def label_by_markup(
    text: str, paragraphs: list[tuple[int, int]], markup_quotes: Sequence[Sequence[Any]], rules: Rules
) -> list[Passage]:
    quotes = sorted((int(q[0]), int(q[1]), q[2] if len(q) > 2 else None) for q in markup_quotes)
    passages: list[Passage] = []
    for p_start, p_end in paragraphs:
        content = _content_chars(text, p_start, p_end)
        overlaps = [
            (max(q_start, p_start), min(q_end, p_end), i)
            for i, (q_start, q_end, _) in enumerate(quotes)
            if q_start < p_end and q_end > p_start
        ]
        covered = sum(_content_chars(text, s, e) for s, e, _ in overlaps)
        if overlaps and content and covered / content >= rules.block_coverage:
            best = max(overlaps, key=lambda o: o[1] - o[0])[2]
            passages.append(Passage(p_start, p_end, "quoted", quotes[best][2], "markup:block", markup=best))
            continue
        crossing = [o for o in overlaps if quotes[o[2]][0] < p_start or quotes[o[2]][1] > p_end]
        passages.extend(_split_at_block_edges(text, p_start, p_end, crossing, quotes))
    return passages


def _split_at_block_edges(
    text: str,
    p_start: int,
    p_end: int,
    crossing: list[tuple[int, int, int]],
    quotes: list[tuple[int, int, str | None]],
) -> list[Passage]:
    """Split a paragraph where block quotes that run past its edges begin or end."""
    parts: list[Passage] = []
    cursor = p_start
    for o_start, o_end, i in crossing:
        if o_start > cursor:
            parts.append(Passage(cursor, o_start, rule="markup:author"))
        parts.append(Passage(max(o_start, cursor), o_end, "quoted", quotes[i][2], "markup:block-part", markup=i))
        cursor = o_end
    if cursor < p_end:
        parts.append(Passage(cursor, p_end, rule="markup:author"))
    merged: list[Passage] = []
    for part in parts:  # a sliver of whitespace joins the part before it (or after, at the start)
        if merged and not text[part.start : part.end].strip():
            merged[-1].end = part.end
        elif merged and not text[merged[-1].start : merged[-1].end].strip():
            part.start = merged.pop().start
            merged.append(part)
        else:
            merged.append(part)
    return merged


def _content_chars(text: str, start: int, end: int) -> int:
    return sum(not c.isspace() for c in text[start:end])
