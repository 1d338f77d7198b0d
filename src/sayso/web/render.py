"""Turn an Analysis into display blocks and segments for the article template.

Spans overlap freely (a date inside a quote inside a quoted passage), so the text of each block
is cut at every span boundary into flat segments, each carrying the classes of all spans that
cover it. This module returns plain records and never builds HTML: the Jinja template emits
every piece of article text through autoescape, so hostile text can only ever render as text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from sayso.model import Analysis, Assessment, Attribution

# Speaker colours (colour-blind-friendly, readable as underlines on white).
PALETTE = (
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
    "#56b4e9", "#8c564b", "#7f3c8d", "#3969ac", "#a5aa99",
)
UNKNOWN_COLOUR = "#888888"


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to show inline: its kind ("content", "cue", "speaker", "phrase", "date",
    "citation", "confidence"), a tooltip line and, for quotes, the speaker colour."""

    start: int
    end: int
    kind: str
    ref: str  # element id of the thing this span belongs to, e.g. "at-3"
    tip: str
    colour: str | None = None


@dataclass(frozen=True, slots=True)
class Badge:
    ref: str
    band: str
    label: str  # "unlikely · 20–45%"


@dataclass(slots=True)
class Segment:
    text: str
    classes: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    tip: str = ""
    colours: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()  # ids of marks starting here
    badges: tuple[Badge, ...] = ()  # badges of marks ending here

    @property
    def style(self) -> str:
        """Stacked underlines, innermost quote closest to the text; colours come from PALETTE only."""
        shadows = ", ".join(f"inset 0 -{2 + 3 * i}px 0 -1px {c}" for i, c in enumerate(reversed(self.colours)))
        return f"box-shadow: {shadows}" if shadows else ""


@dataclass(slots=True)
class Block:
    """A passage (author or quoted), or text outside every passage (``voice`` None)."""

    start: int
    end: int
    voice: str | None
    source: str | None
    boilerplate: bool = False
    segments: list[Segment] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    name: str
    colour: str
    count: int
    roles: tuple[str, ...]
    orgs: tuple[str, ...]
    cues: tuple[str, ...]
    refs: tuple[str, ...]  # attribution ids in text order


@dataclass(frozen=True, slots=True)
class AssessmentEntry:
    ref: str
    phrase: str
    band: str
    label: str
    assessor: str | None
    sentence: str
    negated: bool


@dataclass(slots=True)
class Rendered:
    blocks: list[Block]
    speakers: list[SpeakerEntry]
    assessments: list[AssessmentEntry]
    hidden: int = 0  # belief, evidence and perception attributions left out (shown, labelled, with all_cues)


def percent_range(low: float, high: float) -> str:
    """``0.2, 0.45`` → ``"20–45%"`` (one figure when the range is a point)."""
    lo, hi = round(low * 100), round(high * 100)
    return f"{lo}%" if lo == hi else f"{lo}–{hi}%"


def badge_label(assessment: Assessment) -> str:
    p = assessment.probability
    if p is None:  # no scale number for a modal, judgement, uncertainty or comparative: say what it is
        return assessment.reading
    return f"{assessment.band} · {percent_range(p.low, p.high)}"


def speaker_label(attribution: Attribution) -> str:
    """The name shown for a speaker; unattributed quotes are grouped as "(unnamed)"."""
    speaker = attribution.speaker
    if speaker.name:
        return speaker.name
    if speaker.mention is not None:
        return speaker.mention.text
    return "(unnamed)"


def speaker_colours(attributions: Iterable[Attribution]) -> dict[str, str]:
    """A stable colour per speaker, in order of first appearance."""
    colours: dict[str, str] = {}
    for attribution in sorted(attributions, key=lambda a: a.content.start):
        name = speaker_label(attribution)
        if name not in colours:
            colours[name] = UNKNOWN_COLOUR if name == "(unnamed)" else PALETTE[len(colours) % len(PALETTE)]
    return colours


def _attribution_tip(attribution: Attribution) -> str:
    s = attribution.speaker
    parts = [f"{speaker_label(attribution)}"]
    if s.role:
        parts.append(s.role)
    if s.org:
        parts.append(s.org)
    if attribution.cue is not None:
        parts.append(f"cue: {attribution.cue.text}")
    parts.append(f"{attribution.kind} quote" if attribution.is_speech else f"{attribution.cue_class}, not a quote")
    return " · ".join(parts)


def shown_attributions(analysis: Analysis, all_cues: bool = False) -> list[tuple[int, Attribution]]:
    """The attributions a reader sees, with their index (their anchor is ``at-<index>``): speech
    only unless ``all_cues``, so "analysts expect …" is never shown as a quote."""
    return [(i, a) for i, a in enumerate(analysis.attributions) if all_cues or a.is_speech]


def marks(
    analysis: Analysis, colours: dict[str, str], all_cues: bool = False
) -> tuple[list[Mark], list[Badge | None]]:
    """Every inline span of the analysis as a Mark, plus the badge to show after each mark."""
    found: list[Mark] = []
    badges: list[Badge | None] = []

    def add(mark: Mark, badge: Badge | None = None) -> None:
        if mark.end > mark.start:
            found.append(mark)
            badges.append(badge)

    for i, a in shown_attributions(analysis, all_cues):
        ref, colour = f"at-{i}", colours[speaker_label(a)]
        for piece in a.parts or (a.content,):  # an interrupting cue is not content
            add(Mark(piece.start, piece.end, "content", ref, _attribution_tip(a), colour))
        if a.cue is not None:
            add(Mark(a.cue.start, a.cue.end, "cue", ref, f"cue for {speaker_label(a)}"))
        if a.speaker.mention is not None:
            add(Mark(a.speaker.mention.start, a.speaker.mention.end, "speaker", ref, "speaker", colour))
    for i, s in enumerate(analysis.assessments):
        ref, label = f"as-{i}", badge_label(s)
        tip = f"{label} · assessor: {s.assessor or 'unstated'}" + (" · negated" if s.negated else "")
        add(Mark(s.phrase.start, s.phrase.end, "phrase", ref, tip), Badge(ref, s.band or s.category, label))
    for i, c in enumerate(analysis.confidences):
        add(Mark(c.phrase.start, c.phrase.end, "confidence", f"cf-{i}", f"{c.level} confidence (not a likelihood)"))
    for i, d in enumerate(analysis.dates):
        value = d.value or "unresolved"
        tip = f"date: {value} ({d.granularity}{', relative' if d.relative else ''}{', ambiguous' if d.ambiguous else ''})"
        add(Mark(d.start, d.end, "date", f"dt-{i}", tip))
    for i, c in enumerate(analysis.citations):
        add(Mark(c.start, c.end, "citation", f"ct-{i}", f"citation {c.marker}"))
    return found, badges


def _blocks(analysis: Analysis) -> list[Block]:
    """Passages in order, with any uncovered text (boilerplate or gaps) as blocks of their own."""
    text = analysis.text
    boiler = [(b.start, b.end) for b in analysis.boilerplate]
    blocks: list[Block] = []
    cursor = 0

    def gap(start: int, end: int) -> None:
        if end > start and text[start:end].strip():
            is_boiler = any(bs <= start and end <= be for bs, be in boiler)
            blocks.append(Block(start, end, None, None, boilerplate=is_boiler))

    for p in sorted(analysis.passages, key=lambda p: p.start):
        start = max(p.start, cursor)
        gap(cursor, start)
        if p.end > start:
            blocks.append(Block(start, p.end, p.voice, p.source))
            cursor = p.end
    gap(cursor, len(text))
    return blocks


def _segment(block: Block, text: str, found: list[Mark], badges: list[Badge | None]) -> None:
    """Cut one block at every mark boundary inside it and fill its segments."""
    inside = [i for i, m in enumerate(found) if m.start < block.end and m.end > block.start]
    cuts = {block.start, block.end}
    for i in inside:
        cuts.add(max(found[i].start, block.start))
        cuts.add(min(found[i].end, block.end))
    points = sorted(cuts)
    for left, right in itertools.pairwise(points):
        active = [i for i in inside if found[i].start <= left and right <= found[i].end]
        active.sort(key=lambda i: (found[i].start, -found[i].end))
        kinds = sorted({found[i].kind for i in active})
        refs = tuple(dict.fromkeys(found[i].ref for i in active))
        block.segments.append(
            Segment(
                text=text[left:right],
                classes=tuple(f"m-{k}" for k in kinds),
                refs=refs,
                tip="\n".join(dict.fromkeys(found[i].tip for i in active)),
                colours=tuple(found[i].colour for i in active if found[i].kind == "content" and found[i].colour),
                anchors=tuple(dict.fromkeys(found[i].ref for i in inside if found[i].start == left)),
                badges=tuple(
                    b for i in inside if found[i].end == right and (b := badges[i]) is not None
                ),
            )
        )


def render(analysis: Analysis, all_cues: bool = False) -> Rendered:
    """Blocks of segments plus the side-panel entries for one analysis; speech attributions only
    unless ``all_cues`` (beliefs, evidence and perceptions are then labelled in their tooltips)."""
    shown = shown_attributions(analysis, all_cues)
    colours = speaker_colours(a for _, a in shown)
    found, badges = marks(analysis, colours, all_cues)
    blocks = _blocks(analysis)
    for block in blocks:
        _segment(block, analysis.text, found, badges)
    # An anchor or badge must appear once even when its span crosses blocks.
    seen_anchors: set[str] = set()
    seen_badges: set[str] = set()
    for block in blocks:
        for seg in block.segments:
            seg.anchors = tuple(a for a in seg.anchors if a not in seen_anchors)
            seen_anchors.update(seg.anchors)
            seg.badges = tuple(b for b in seg.badges if b.ref not in seen_badges)
            seen_badges.update(b.ref for b in seg.badges)
    hidden = len(analysis.attributions) - len(shown)
    return Rendered(blocks, _speaker_entries(analysis, colours, shown), _assessment_entries(analysis), hidden)


def _speaker_entries(
    analysis: Analysis, colours: dict[str, str], shown: list[tuple[int, Attribution]]
) -> list[SpeakerEntry]:
    grouped: dict[str, list[int]] = {}
    for i, a in sorted(shown, key=lambda p: p[1].content.start):
        grouped.setdefault(speaker_label(a), []).append(i)
    entries = []
    for name, indices in grouped.items():
        atts = [analysis.attributions[i] for i in indices]
        entries.append(
            SpeakerEntry(
                name=name,
                colour=colours[name],
                count=len(indices),
                roles=tuple(dict.fromkeys(a.speaker.role for a in atts if a.speaker.role not in (None, name))),
                orgs=tuple(dict.fromkeys(a.speaker.org for a in atts if a.speaker.org not in (None, name))),
                cues=tuple(dict.fromkeys(a.cue.text.lower() for a in atts if a.cue is not None)),
                refs=tuple(f"at-{i}" for i in indices),
            )
        )
    return sorted(entries, key=lambda e: (-e.count, e.name))


def _assessment_entries(analysis: Analysis) -> list[AssessmentEntry]:
    ordered = sorted(enumerate(analysis.assessments), key=lambda p: p[1].phrase.start)
    return [
        AssessmentEntry(f"as-{i}", s.phrase.text, s.band or s.category, badge_label(s), s.assessor, s.sentence.text, s.negated)
        for i, s in ordered
    ]
