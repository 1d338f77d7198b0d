"""The Analysis records: typed, frozen, offset-exact; JSON "sayso/1" is their serialisation.

Pipeline components write plain values (dicts of ints and strings) to ``doc._`` so that Docs
survive ``nlp.pipe(n_process=N)``; this module turns a finished Doc into typed records once.
Every span carries ``start``/``end`` character offsets into ``Analysis.text`` and the ``text``
they cover, so ``analysis.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "sayso/1"

Voice = Literal["author", "quoted"]
QuoteKind = Literal["direct", "indirect", "mixed", "excerpt"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the analysed text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph-sized stretch in one voice: the author's own, or quoted from ``source``."""

    start: int
    end: int
    text: str
    voice: Voice
    source: str | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is credited: ``name`` is the canonical name, or None when the text does not say."""

    name: str | None
    mention: Span | None
    role: str | None = None
    org: str | None = None
    type: str | None = None  # "PERSON" | "ORG" | None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who is credited with which content, through which cue.

    ``cue_class`` separates speech ("said") from belief ("believes"), evidence ("shows") and
    perception ("witnesses saw soldiers fire").
    ``parts`` are the quoted pieces when the cue interrupts the content ("“A,” she said, “B.”"):
    ``content`` then runs from the first piece to the last, over the cue; ``parts`` leave it out.
    """

    kind: QuoteKind
    content: Span
    cue: Span | None
    speaker: Speaker
    cue_class: str | None = None
    rule: str = ""
    parts: tuple[Span, ...] = ()

    @property
    def is_speech(self) -> bool:
        """Said, told or stated (or quoted with no cue of its own): what readers take for a quote,
        where a belief ("X expects …"), evidence ("the poll shows …") or a perception ("saw …") is not one."""
        return self.cue_class in (None, "speech")


@dataclass(frozen=True, slots=True)
class Probability:
    low: float
    high: float
    median: float


# How an assessment with no band reads: a standard scale defines no number for these.
UNBANDED_READINGS = {
    "modal": "possible (modal, no band)",
    "assess-verb": "judgement (assessment verb, no band)",
    "uncertainty": "unknown (uncertainty, no band)",
}


@dataclass(frozen=True, slots=True)
class Assessment:
    """An estimative statement: a phrase, what it qualifies, who assesses it and how likely.

    ``band`` and ``probability`` are None where the scale defines no number for the phrase (under
    a standard scale: modals, assessment verbs, uncertainty statements, comparatives); ``category``
    says what the phrase is (wep, assess-verb, modal, uncertainty, comparative).
    """

    phrase: Span
    sentence: Span
    proposition: Span | None
    band: str | None
    probability: Probability | None
    scale: str
    assessor: str | None
    assessor_mention: Span | None
    negated: bool
    modifiers: tuple[str, ...] = ()
    rule: str = ""
    category: str = "wep"
    confidence: str | None = None  # the analytic confidence level stated with this judgement
    direction: str | None = None  # comparatives: "more" or "less" likely than before or than another

    @property
    def reading(self) -> str:
        """What a reader is shown: the band, or what the phrase is when the scale gives it no number."""
        if self.band is not None:
            return self.band
        if self.category == "comparative":
            return f"{self.direction or 'changed'} likely (comparative, no band)"
        return UNBANDED_READINGS.get(self.category, f"{self.category} (no band)")


@dataclass(frozen=True, slots=True)
class Confidence:
    """An analytic-confidence statement ("high confidence"), kept apart from likelihood."""

    phrase: Span
    sentence: Span
    level: str
    assessor: str | None


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression resolved against the publication date (never against today)."""

    start: int
    end: int
    text: str
    value: str | None
    granularity: str
    relative: bool
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Citation:
    """A footnote marker such as ``[14]`` with the sentence it supports."""

    start: int
    end: int
    text: str
    marker: str
    sentence: Span


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    published: str | None = None
    published_source: str | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None
    language: str = "en"
    scale: str = "icd203"
    warnings: tuple[str, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    passages: tuple[Passage, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    confidences: tuple[Confidence, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    citations: tuple[Citation, ...] = ()
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {"schema": data.pop("schema"), **data}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _span(text: str, value: Any) -> Span | None:
    """A Span from a component's plain ``(start, end)`` pair or dict; None stays None."""
    if value is None:
        return None
    if isinstance(value, dict):
        start, end = value["start"], value["end"]
    else:
        start, end = value[0], value[1]
    return Span.of(text, int(start), int(end))


def _probability(value: dict[str, float]) -> Probability:
    return Probability(float(value["low"]), float(value["high"]), float(value["median"]))


def from_plain(text: str, data: dict[str, Any], **meta: Any) -> Analysis:
    """Build an Analysis from the plain values the pipeline components left on a Doc.

    ``data`` maps each list name to the component's records, where spans are ``(start, end)``
    pairs; the span texts are sliced here, from the one analysed text, so they cannot drift.
    """
    s = lambda v: _span(text, v)  # noqa: E731
    passages = tuple(
        Passage(p["start"], p["end"], text[p["start"] : p["end"]], p["voice"], p.get("source"), p.get("rule", ""))
        for p in data.get("voices", ())
    )
    attributions = tuple(
        Attribution(
            kind=a["kind"],
            content=s(a["content"]),
            cue=s(a.get("cue")),
            speaker=Speaker(
                name=a.get("speaker_name"),
                mention=s(a.get("speaker_mention")),
                role=a.get("speaker_role"),
                org=a.get("speaker_org"),
                type=a.get("speaker_type"),
            ),
            cue_class=a.get("cue_class"),
            rule=a.get("rule", ""),
            parts=tuple(s(part) for part in a.get("parts", ())),
        )
        for a in data.get("attributions", ())
    )
    assessments = tuple(
        Assessment(
            phrase=s(a["phrase"]),
            sentence=s(a["sentence"]),
            proposition=s(a.get("proposition")),
            band=a.get("band"),
            probability=_probability(a["probability"]) if a.get("probability") else None,
            scale=a["scale"],
            assessor=a.get("assessor"),
            assessor_mention=s(a.get("assessor_mention")),
            negated=bool(a.get("negated", False)),
            modifiers=tuple(a.get("modifiers", ())),
            rule=a.get("rule", ""),
            category=a.get("category", "wep"),
            confidence=a.get("confidence"),
            direction=a.get("direction"),
        )
        for a in data.get("assessments", ())
    )
    confidences = tuple(
        Confidence(s(c["phrase"]), s(c["sentence"]), c["level"], c.get("assessor"))
        for c in data.get("confidences", ())
    )
    entities = tuple(
        Entity(e["name"], e["type"], tuple(e.get("aliases", ())), tuple(s(m) for m in e["mentions"]))
        for e in data.get("entities", ())
    )
    dates = tuple(
        DateMention(
            d["start"], d["end"], text[d["start"] : d["end"]], d.get("value"), d["granularity"],
            bool(d.get("relative", False)), bool(d.get("ambiguous", False)),
        )
        for d in data.get("dates", ())
    )
    citations = tuple(
        Citation(c["start"], c["end"], text[c["start"] : c["end"]], c["marker"], s(c["sentence"]))
        for c in data.get("citations", ())
    )
    boilerplate = tuple(s(b) for b in data.get("boilerplate", ()))
    return Analysis(
        text=text,
        boilerplate=boilerplate,
        passages=passages,
        attributions=attributions,
        assessments=assessments,
        confidences=confidences,
        entities=entities,
        dates=dates,
        citations=citations,
        **meta,
    )


def from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild an Analysis from its JSON form (what the store and the web read back)."""
    text = data["text"]

    def span(v: dict[str, Any] | None) -> Span | None:
        return None if v is None else Span(v["start"], v["end"], v["text"])

    return Analysis(
        text=text,
        published=data.get("published"),
        published_source=data.get("published_source"),
        title=data.get("title"),
        author=data.get("author"),
        url=data.get("url"),
        language=data.get("language", "en"),
        scale=data.get("scale", "icd203"),
        warnings=tuple(data.get("warnings", ())),
        boilerplate=tuple(span(b) for b in data.get("boilerplate", ())),
        passages=tuple(Passage(**p) for p in data.get("passages", ())),
        attributions=tuple(
            Attribution(
                kind=a["kind"],
                content=span(a["content"]),
                cue=span(a.get("cue")),
                speaker=Speaker(**{**a["speaker"], "mention": span(a["speaker"].get("mention"))}),
                cue_class=a.get("cue_class"),
                rule=a.get("rule", ""),
                parts=tuple(span(part) for part in a.get("parts", ())),
            )
            for a in data.get("attributions", ())
        ),
        assessments=tuple(
            Assessment(
                **{
                    **a,
                    "phrase": span(a["phrase"]),
                    "sentence": span(a["sentence"]),
                    "proposition": span(a.get("proposition")),
                    "assessor_mention": span(a.get("assessor_mention")),
                    "probability": Probability(**a["probability"]) if a.get("probability") else None,
                    "modifiers": tuple(a.get("modifiers", ())),
                }
            )
            for a in data.get("assessments", ())
        ),
        confidences=tuple(
            Confidence(span(c["phrase"]), span(c["sentence"]), c["level"], c.get("assessor"))
            for c in data.get("confidences", ())
        ),
        entities=tuple(
            Entity(e["name"], e["type"], tuple(e.get("aliases", ())), tuple(span(m) for m in e["mentions"]))
            for e in data.get("entities", ())
        ),
        dates=tuple(DateMention(**d) for d in data.get("dates", ())),
        citations=tuple(Citation(**{**c, "sentence": span(c["sentence"])}) for c in data.get("citations", ())),
    )
