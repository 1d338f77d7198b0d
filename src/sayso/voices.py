"""Voices: split an article into paragraph passages and say whose voice each one is.

A passage is one paragraph (a line of text with the blank lines after it), or part of one where a
markup block quote starts or ends inside it. Passages tile the text: every character outside the
boilerplate spans is in exactly one passage, in order.

In HTML, markup decides: a markup quote covering at least ``markup.block_coverage`` of a
paragraph's non-space characters makes the paragraph quoted (a block quote); one that runs across
a paragraph boundary splits the paragraph at its edge; a shorter one inside a paragraph is an
inline quotation (``<q>``) and the paragraph stays the author's, since attribution handles it.

In plain text the label is inferred with a small additive scoring model whose weights live in
``data/voices.json`` (``sayso.voice_rules.v1``)::

    score = bias[context] + sum(weight[f] * min(count[f], cap[f]))      quoted when score >= threshold

``context`` is where the paragraph stands: right after an author's lead-in ending with a colon,
continuing a quoted paragraph (or after one that ended with an ellipsis, which may close an
excerpt), or standalone. Features count quoted-text signals (footnote markers, an opening quotation
mark, wire-copy phrasing, reporting verbs with a third-person subject, ISW-style "assesses",
"October 10" dates) and author signals (contractions, first and second person, rhetorical
questions, colloquialisms and copular judgements like "X is not a Y", all counted outside
quotation marks; commentary openers; a lead-in colon). A standalone paragraph is judged against the document's own register: wire phrasing counts
there only when the author otherwise writes informally, and footnotes only when most paragraphs
carry none, so a plain news story with inline quotes, or a report that is footnoted throughout,
stays the author's.

Each quoted block (a run of quoted paragraphs) is given a source when the text names one: the
lead-in's speaker ("the EU warns ...:"), a report citing itself ("ISW has previously assessed"),
an organisation the author just cited ("ISW concludes"), or the excerpt's first named speaker
("said Sviatlana Tsikhanouskaya"). Otherwise the source is None.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from sayso.data import load_json
from sayso.errors import ConfigError

RULES_NAME = "sayso.voice_rules.v1"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True)
class Rules:
    """The compiled voice rules: weights, word lists and patterns from ``voices.json``."""

    threshold: float
    bias: dict[str, float]
    weights: dict[str, tuple[float, int]]
    informal: dict[str, int]
    standalone: frozenset[str]
    contrast: dict[str, Any]
    gated_weights: dict[str, float]
    reporting_verbs: frozenset[str]
    analytic_verbs: frozenset[str]
    source_nouns: frozenset[str]
    first_person: frozenset[str]
    second_person: frozenset[str]
    contraction_suffixes: frozenset[str]
    colloquial: re.Pattern[str]
    stance: re.Pattern[str]
    commentary_openers: tuple[str, ...]
    footnote: re.Pattern[str]
    wire: tuple[re.Pattern[str], ...]
    formal_date: re.Pattern[str]
    lead_in_end: re.Pattern[str]
    heading: re.Pattern[str]
    ellipsis_end: re.Pattern[str]
    list_item: re.Pattern[str]
    quote_open: str
    quote_close: str
    quote_toggle: str
    paragraph_openers: str
    block_coverage: float
    label_preference: tuple[str, ...]
    lookback_labels: frozenset[str]
    lookback_paragraphs: int


@functools.lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The packaged voice rules, read and compiled once per process."""
    return compile_rules(load_json("voices.json", version=None))


def compile_rules(raw: dict[str, Any]) -> Rules:
    """Compile a voice-rules mapping (the shape of ``voices.json``); raise ConfigError if incomplete."""
    try:
        words, patterns, quotes, source = raw["words"], raw["patterns"], raw["quote_marks"], raw["source"]
        weights = {name: (float(f["weight"]), int(f["cap"])) for name, f in raw["features"].items()}
        missing = set(raw["bias"]) ^ {"standalone", "after_lead_in", "continuing", "after_ellipsis"}
        if missing:
            raise ConfigError(f"voice rules: bias must name exactly the four contexts, not {sorted(missing)}")
        return Rules(
            threshold=float(raw["threshold"]),
            bias={k: float(v) for k, v in raw["bias"].items()},
            weights=weights,
            informal={f: int(n) for f, n in raw["informal_features"].items() if f != "about"},
            standalone=frozenset(raw["standalone_features"]),
            contrast=dict(raw["contrast"]),
            gated_weights={f: float(w) for f, w in raw["contrast"]["gated_weights"].items() if f != "about"},
            reporting_verbs=frozenset(words["reporting_verbs"]),
            analytic_verbs=frozenset(words["analytic_verbs"]),
            source_nouns=frozenset(words["source_nouns"]),
            first_person=frozenset(words["first_person"]),
            second_person=frozenset(words["second_person"]),
            contraction_suffixes=frozenset(words["contraction_suffixes"]),
            colloquial=_phrases(words["colloquial"]),
            stance=_phrases(words["stance"]),
            commentary_openers=tuple(w.lower() for w in words["commentary_openers"]),
            footnote=re.compile(patterns["footnote"]),
            wire=tuple(re.compile(p, re.MULTILINE) for p in patterns["wire"]),
            formal_date=re.compile(patterns["formal_date"]),
            lead_in_end=re.compile(patterns["lead_in_end"]),
            heading=re.compile(patterns["heading"], re.IGNORECASE),
            ellipsis_end=re.compile(patterns["ellipsis_end"]),
            list_item=re.compile(patterns["list_item"]),
            quote_open=quotes["open"],
            quote_close=quotes["close"],
            quote_toggle=quotes["toggle"],
            paragraph_openers=quotes["paragraph_openers"],
            block_coverage=float(raw["markup"]["block_coverage"]),
            label_preference=tuple(source["label_preference"]),
            lookback_labels=frozenset(source["lookback_labels"]),
            lookback_paragraphs=int(source["lookback_paragraphs"]),
        )
    except KeyError as exc:
        raise ConfigError(f"voice rules ({RULES_NAME}) lack the key {exc.args[0]!r}") from exc
    except (TypeError, ValueError, re.error) as exc:
        raise ConfigError(f"voice rules ({RULES_NAME}) are malformed: {exc}") from exc


def _phrases(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


@dataclass
class _Passage:
    start: int
    end: int
    voice: str = "author"
    source: str | None = None
    rule: str = ""
    features: dict[str, int] = field(default_factory=dict)
    markup: int | None = None  # index of the markup quote that made it quoted

    def plain(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "voice": self.voice, "source": self.source, "rule": self.rule}


def find_voices(
    doc: Doc,
    boilerplate: Sequence[Sequence[int]],
    markup_quotes: Sequence[Sequence[Any]],
    rules: Rules | None = None,
) -> list[dict[str, Any]]:
    """Passages tiling ``doc.text`` outside ``boilerplate``, each labelled author or quoted.

    ``markup_quotes`` are ``[start, end, source|None]`` spans that HTML markup quoted; when there
    are any, markup decides, otherwise the voice is inferred from the text (see the module doc).
    """
    rules = rules or load_rules()
    text = doc.text
    paragraphs = _paragraphs(text, boilerplate)
    token_starts = [t.idx for t in doc]
    tokens = _TokenIndex(doc, token_starts)
    if markup_quotes:
        passages = _label_by_markup(text, paragraphs, markup_quotes, rules)
    else:
        passages = [_Passage(s, e) for s, e in paragraphs]
        _label_by_inference(text, passages, tokens, rules)
    _name_sources(text, passages, tokens, rules)
    return [p.plain() for p in passages]


# --- paragraphs ------------------------------------------------------------------------------


def _paragraphs(text: str, boilerplate: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
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


def _label_by_markup(
    text: str, paragraphs: list[tuple[int, int]], markup_quotes: Sequence[Sequence[Any]], rules: Rules
) -> list[_Passage]:
    quotes = sorted((int(q[0]), int(q[1]), q[2] if len(q) > 2 else None) for q in markup_quotes)
    passages: list[_Passage] = []
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
            passages.append(_Passage(p_start, p_end, "quoted", quotes[best][2], "markup:block", markup=best))
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
) -> list[_Passage]:
    """Split a paragraph where block quotes that run past its edges begin or end."""
    parts: list[_Passage] = []
    cursor = p_start
    for o_start, o_end, i in crossing:
        if o_start > cursor:
            parts.append(_Passage(cursor, o_start, rule="markup:author"))
        parts.append(_Passage(max(o_start, cursor), o_end, "quoted", quotes[i][2], "markup:block-part", markup=i))
        cursor = o_end
    if cursor < p_end:
        parts.append(_Passage(cursor, p_end, rule="markup:author"))
    merged: list[_Passage] = []
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


# --- plain-text inference --------------------------------------------------------------------


class _TokenIndex:
    """Tokens by character range, without re-slicing the Doc for every lookup."""

    def __init__(self, doc: Doc, starts: list[int]) -> None:
        self.doc = doc
        self.starts = starts
        self._ents: dict[int, Span] | None = None

    def within(self, start: int, end: int) -> Span:
        return self.doc[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def entity(self, token: Token) -> Span | None:
        if self._ents is None:
            self._ents = {t.i: ent for ent in self.doc.ents for t in ent}
        return self._ents.get(token.i)


def _label_by_inference(text: str, passages: list[_Passage], tokens: _TokenIndex, rules: Rules) -> None:
    for p in passages:
        p.features = _features(text, p.start, p.end, tokens, rules)
    gated = _gated_features(passages, rules)
    previous: _Passage | None = None
    for p in passages:
        context = _context(previous)
        score = rules.bias[context] + sum(
            _weight(f, weight, context, gated, rules) * min(p.features.get(f, 0), cap)
            for f, (weight, cap) in rules.weights.items()
        )
        if text[p.start : p.end].strip() and score >= rules.threshold:
            p.voice, p.rule = "quoted", f"text:{context.replace('_', '-')}"
        else:
            p.rule = "text:lead-in" if p.features.get("lead_in") else "text:author"
        if text[p.start : p.end].strip():
            previous = p


def _weight(feature: str, weight: float, context: str, gated: set[str], rules: Rules) -> float:
    """A feature's weight in a context: author signals always count; right after a lead-in
    everything counts; elsewhere gated features take their gated weight (news phrasing in a news
    story is the author's), and standalone paragraphs count only the standalone features."""
    if weight < 0 or context == "after_lead_in":
        return weight
    if feature in gated:
        return rules.gated_weights.get(feature, 0.0)
    return weight if context != "standalone" or feature in rules.standalone else 0.0


def _context(previous: _Passage | None) -> str:
    if previous is None:
        return "standalone"
    if previous.voice == "quoted":
        return "after_ellipsis" if previous.features.get("ellipsis_end") else "continuing"
    return "after_lead_in" if previous.features.get("lead_in") else "standalone"


def _gated_features(passages: list[_Passage], rules: Rules) -> set[str]:
    """Features that a standalone or continuing paragraph may not count, given the document's register."""
    contrast = rules.contrast
    substantial = [p for p in passages if p.features.get("words", 0) >= contrast["min_words"]]
    if not substantial:
        return set(contrast["gated_informal"]) | set(contrast["gated_footnote"])
    informal = sum(_chatty(p.features, rules) for p in substantial) / len(substantial)
    footnoted = sum(bool(p.features.get("footnote")) for p in substantial) / len(substantial)
    gated: set[str] = set()
    if informal < contrast["informal_share"]:
        gated.update(contrast["gated_informal"])
    if footnoted > contrast["footnote_share"]:
        gated.update(contrast["gated_footnote"])
    return gated


def _features(text: str, start: int, end: int, tokens: _TokenIndex, rules: Rules) -> dict[str, int]:
    """Counts of each voice signal in one paragraph (author signals outside quotation marks)."""
    body = text[start:end]
    stripped = body.strip()
    if not stripped:
        return {}
    quoted = _quoted_ranges(body, rules)
    masked = _mask(body, quoted)
    span = tokens.within(start, end)
    counts: dict[str, int] = {"words": sum(not t.is_punct and not t.is_space for t in span)}
    outside = [t for t in span if not _inside(t.idx - start, quoted)]
    first = next((t for t in span if not t.is_space), None)
    opening = first.sent if first is not None else None
    counts["opens_personal"] = int(opening is not None and any(
        t.sent == opening and (t.text == "I" or t.lower_ in rules.first_person) and t.dep_ in ("nsubj", "nsubjpass")
        for t in outside
    ))
    for t in outside:
        low = t.text.lower().translate(_APOSTROPHES)
        if low in rules.contraction_suffixes and not (low == "'s" and t.tag_ == "POS"):
            counts["contraction"] = counts.get("contraction", 0) + 1
        elif (low in rules.first_person and (low != "us" or t.text == "us")) or t.text == "I":
            counts["first_person"] = counts.get("first_person", 0) + 1
        elif low in rules.second_person:
            counts["second_person"] = counts.get("second_person", 0) + 1
        if t.dep_ in ("nsubj", "nsubjpass") and _third_person(t, rules):
            if t.head.lemma_ in rules.analytic_verbs and t.head.dep_ != "xcomp":
                counts["analytic"] = counts.get("analytic", 0) + 1
            if t.head.lemma_ in rules.reporting_verbs:
                counts["reporting"] = counts.get("reporting", 0) + 1
        if t.dep_ == "attr" and t.head.lemma_ == "be" and t.head.dep_ in ("ROOT", "conj"):
            counts["judgement"] = counts.get("judgement", 0) + 1
    counts["footnote"] = len(rules.footnote.findall(body))
    counts["opens_with_quote"] = int(stripped[0] in rules.paragraph_openers)
    counts["wire"] = sum(bool(p.search(masked.strip())) for p in rules.wire)
    counts["formal_date"] = len(rules.formal_date.findall(masked))
    counts["question"] = masked.count("?")
    counts["exclamation"] = masked.count("!")
    counts["colloquial"] = len(rules.colloquial.findall(masked.translate(_APOSTROPHES)))
    counts["stance"] = len(rules.stance.findall(masked.translate(_APOSTROPHES)))
    opening = stripped.lower().translate(_APOSTROPHES)
    counts["commentary_opener"] = int(any(_starts_with_phrase(opening, o) for o in rules.commentary_openers))
    counts["lead_in"] = int(
        bool(rules.lead_in_end.search(stripped)) and not _heading(stripped, rules) and not _calls_to_action(span, counts)
    )
    counts["ellipsis_end"] = int(bool(rules.ellipsis_end.search(stripped)))
    counts["list_item"] = int(bool(rules.list_item.match(body)))
    counts["whole_quote"] = int(not any(c.isalnum() for c in masked))
    counts["short"] = int(counts["words"] < rules.contrast["short_words"] and not counts["whole_quote"])
    counts["formal"] = int(not _chatty(counts, rules) and counts["words"] >= rules.contrast["formal_min_words"])
    return {f: n for f, n in counts.items() if n}


def _calls_to_action(span: Span, counts: dict[str, int]) -> bool:
    """"Do you support the mayor? Like the page:", "Want this in your inbox? Sign up:": a question to
    the reader, then a colon sentence with no subject (an imperative), asks something of the reader;
    what follows is the site's. (The tagger reads "Like the page" as a preposition, so no tag test.)"""
    words = [t for t in span if not t.is_space and not t.is_punct]
    if not counts.get("question") or not words:
        return False
    last = [t for t in words[-1].sent if span.start <= t.i < span.end]  # a sentence may run past the paragraph
    return not any(t.text == "?" or t.dep_ in ("nsubj", "nsubjpass", "expl") for t in last)


def _heading(paragraph: str, rules: Rules) -> bool:
    """"11:50 a.m.:", "Key Takeaways:": a heading over what follows, not a lead-in to an excerpt."""
    if rules.heading.match(paragraph):
        return True
    words = paragraph.rstrip(": ").split()
    if not 2 <= len(words) <= 5 or words[0].lower() in ("from", "via", "per", "here", "this", "read"):
        return False  # "From ISW:", "Here is the statement:" lead in
    return all(w[0].isupper() or w.lower() in ("of", "the", "and", "on", "in", "for", "to") for w in words)


def _chatty(counts: dict[str, int], rules: Rules) -> bool:
    """Whether a paragraph reads in an informal, personal register."""
    return any(counts.get(f, 0) >= n for f, n in rules.informal.items())


def _starts_with_phrase(opening: str, phrase: str) -> bool:
    return opening.startswith(phrase) and (
        len(opening) == len(phrase) or not phrase[-1].isalnum() or not opening[len(phrase)].isalnum()
    )


def _third_person(subject: Token, rules: Rules) -> bool:
    low = subject.text.lower()
    return low not in rules.first_person and low not in rules.second_person


def _quoted_ranges(body: str, rules: Rules) -> list[tuple[int, int]]:
    """Offsets (within ``body``) inside quotation marks; an unclosed quote runs to the end and a
    closing mark with no opener closes a quotation begun in an earlier paragraph."""
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    body = body.replace("''", '" ').replace("``", '" ')  # typewriter quotes, offsets kept
    for i, c in enumerate(body):
        if opened is None and (c in rules.quote_open or c in rules.quote_toggle):
            opened = i
        elif opened is not None and (c in rules.quote_close or c in rules.quote_toggle):
            ranges.append((opened, i + 1))
            opened = None
        elif opened is None and c in rules.quote_close:
            ranges.append((ranges[-1][1] if ranges else 0, i + 1))
    if opened is not None:
        ranges.append((opened, len(body)))
    return ranges


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in ranges)


def _mask(body: str, ranges: list[tuple[int, int]]) -> str:
    chars = list(body)
    for s, e in ranges:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


# --- sources ---------------------------------------------------------------------------------


def _name_sources(text: str, passages: list[_Passage], tokens: _TokenIndex, rules: Rules) -> None:
    """Give each quoted block with no source from markup the source the text names, if any."""
    i = 0
    while i < len(passages):
        if passages[i].voice != "quoted":
            i += 1
            continue
        j = i
        while j + 1 < len(passages) and passages[j + 1].voice == "quoted" and (
            passages[j + 1].markup is None or passages[j + 1].markup == passages[i].markup
        ):
            j += 1
        block = passages[i : j + 1]
        if all(p.source is None for p in block):
            name = _block_source(text, passages, i, j, tokens, rules)
            for p in block:
                p.source = name
        i = j + 1


def _block_source(
    text: str, passages: list[_Passage], first: int, last: int, tokens: _TokenIndex, rules: Rules
) -> str | None:
    verbs = rules.reporting_verbs | rules.analytic_verbs
    lead = _lead_in(text, passages, first, rules)
    if lead is not None:
        lead_tokens = tokens.within(lead.start, lead.end)
        last_sentence = _last_sentence(lead_tokens)
        name = _first_speaker(last_sentence, verbs, tokens, rules, rules.label_preference)
        # "Kurti rejected the charge. Here is his statement:": a person the lead-in named before counts too
        labels = ("PERSON", "ORG", *rules.lookback_labels) if _owned_source(last_sentence, rules) else rules.lookback_labels
        for sent in reversed(list(lead_tokens.sents)):
            clipped = [t for t in sent if lead.start <= t.idx < lead.end]
            name = name or _first_speaker(clipped, None, tokens, rules, labels)
        if name:
            return name
    block_tokens = [t for p in passages[first : last + 1] for t in tokens.within(p.start, p.end)]
    name = _first_speaker(block_tokens, rules.analytic_verbs, tokens, rules, rules.label_preference)
    if name:
        return name
    for p in _lookback(text, passages, first, rules):
        name = _first_speaker(tokens.within(p.start, p.end), verbs, tokens, rules, rules.lookback_labels)
        if name:
            return name
    return _first_speaker(block_tokens, rules.reporting_verbs, tokens, rules, rules.label_preference)


def _lead_in(text: str, passages: list[_Passage], first: int, rules: Rules) -> _Passage | None:
    for p in reversed(passages[:first]):
        if text[p.start : p.end].strip():
            body = text[p.start : p.end].strip()
            return p if p.voice == "author" and rules.lead_in_end.search(body) else None
    return None


def _lookback(text: str, passages: list[_Passage], first: int, rules: Rules) -> list[_Passage]:
    """The author's paragraphs just before a quoted block, nearest first."""
    found: list[_Passage] = []
    for p in reversed(passages[:first]):
        if p.voice == "quoted" or len(found) >= rules.lookback_paragraphs:
            break
        if text[p.start : p.end].strip():
            found.append(p)
    return found


def _last_sentence(span: Span) -> list[Token]:
    content = [t for t in span if not t.is_space]
    if not content:
        return []
    sent_start = content[-1].sent.start
    return [t for t in content if t.i >= sent_start]


def _owned_source(sentence: Sequence[Token] | Span, rules: Rules) -> bool:
    """A lead-in that names its source only by a possessive: "his statement", "their report"."""
    return any(
        t.dep_ == "poss" and t.lower_ in ("his", "her", "their", "its") and t.head.lemma_.lower() in rules.source_nouns
        for t in sentence
    )


def _first_speaker(
    candidates: Sequence[Token] | Span,
    verbs: frozenset[str] | None,
    tokens: _TokenIndex,
    rules: Rules,
    labels: Sequence[str] | frozenset[str],
) -> str | None:
    """The first named subject of one of ``verbs`` (any verb when None), or after "according to"."""
    for t in candidates:
        if t.dep_ == "nsubj" and (verbs is None or t.head.lemma_ in verbs):
            subjects = [t, *t.conjuncts]
        elif t.lower_ == "according":
            subjects = [c for to in t.children if to.lower_ == "to" for c in to.children if c.dep_ == "pobj"]
        else:
            continue
        name = _preferred_entity(subjects, tokens, labels, rules)
        if name:
            return name
    return None


def _preferred_entity(
    subjects: list[Token], tokens: _TokenIndex, labels: Sequence[str] | frozenset[str], rules: Rules
) -> str | None:
    """The name of the best-ranked subject: its entity, or a named appositive or modifier of it."""
    order = {label: i for i, label in enumerate(rules.label_preference)}
    unnamed = len(order)  # a proper name NER missed ranks after every labelled entity
    named: list[tuple[int, str]] = []
    for s in subjects:
        entity = tokens.entity(s)
        if entity is not None and entity.label_ in labels:
            named.append((order.get(entity.label_, unnamed), _with_place(entity, s, tokens)))
            continue
        if s.pos_ not in ("NOUN", "PROPN"):
            continue
        for m in (*(c for c in s.rights if c.dep_ == "appos"), *s.lefts):
            if m.dep_ not in _NAMING_DEPS:
                continue
            entity = tokens.entity(m)
            if entity is None and m.pos_ == "PROPN" and s.pos_ == "NOUN":
                named.append((unnamed, _proper_run(m)))
            if entity is None or entity.label_ not in labels:
                continue
            rank = order.get(entity.label_, unnamed)
            phrase = m.dep_ == "amod" or (m.dep_ == "poss" and entity.label_ in _PLACE_LABELS)
            named.append((rank, s.doc[m.left_edge.i : s.i + 1].text if phrase else entity.text))
    return _clean_name(min(named)[1]) if named else None


def _with_place(entity: Span, subject: Token, tokens: _TokenIndex) -> str:
    """An institution's name with the place that owns it: "Poland's Foreign Ministry", not
    "Foreign Ministry" (NER tags the two apart; without the place the name is ambiguous)."""
    if entity.label_ != "ORG":
        return entity.text
    owners = [
        m
        for m in subject.lefts
        if m.i < entity.start and m.dep_ in ("poss", "amod", "compound")
        and (place := tokens.entity(m)) is not None and place.label_ in _PLACE_LABELS
    ]
    return subject.doc[owners[0].left_edge.i : entity.end].text if owners else entity.text


def _proper_run(token: Token) -> str:
    """A proper name NER missed, ending at ``token``: its proper nouns and inner hyphens
    ("the Critical Threats team" → "Critical Threats", "the UN Secretary-General's office" →
    "UN Secretary-General")."""
    doc, start = token.doc, token.i
    own = {t.i for t in token.subtree}
    while start - 1 in own and (
        doc[start - 1].pos_ == "PROPN" or (doc[start - 1].text in ("-", "\u2013") and start - 2 in own)
    ):
        start -= 1
    return doc[start : token.i + 1].text


# How a common-noun subject names its source: "spokesman, Mykola Danylenko" (appos), "ISW's update"
# (poss), "the Meduza correspondent" (compound): the entity, or the proper-noun run when NER missed
# it ("the Critical Threats team"); "the Israeli military" (amod) and "Poland's Foreign Ministry"
# (a place's institution, also when NER tags the institution alone): the phrase.
_NAMING_DEPS = frozenset({"appos", "poss", "compound", "nmod", "amod"})
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})


def _clean_name(name: str) -> str:
    name = re.sub(r"[\u2019']s?$", "", name.strip())
    return re.sub(r"^(?:the|The)\s+", "", name)
