"""Property-based fuzzing of ``analyze``: hostile text and HTML must keep every invariant.

The strategies are shared by the pytest suite (few cases, every CI run) and ``sayso fuzz``
(a campaign of N cases, ``--long`` for 100,000) so both check exactly the same properties.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sayso.errors import SaysoError
from sayso.model import Analysis, Attribution, Span

QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "「", "」"]
AWKWARD = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u202e", "\u202d", "\u2066", "\u00a0", "\u2028", "\r", "\t", "…", "—"]
WORDS = (
    "the ministry said Monday that an attack from the north remains unlikely ISW assesses Russia may seek "
    "to fix forces near Kyiv he added told reporters according to officials [14] October 10 late September "
    "Belarus 1st Guards Tank Army spokesman Peter cannot afford no threat likely very unlikely".split()
)
RTL = ["שלום", "مرحبا", "سلام", "עולם"]


def _sentences() -> st.SearchStrategy[str]:
    token = st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTE_MARKS), st.sampled_from(AWKWARD), st.sampled_from(RTL),
                      st.text(max_size=8))
    sentence = st.lists(token, min_size=1, max_size=40).map(" ".join)
    return st.lists(sentence, min_size=1, max_size=12).map(lambda s: ". ".join(s) + ".")


def article_texts() -> st.SearchStrategy[str]:
    """Plain-text articles: English-like sentences braided with quote marks, zero-width and RTL text."""
    paragraph = _sentences()
    huge = st.integers(min_value=100, max_value=500).map(lambda n: ("The ministry said “we will respond. " * n))
    return st.one_of(
        st.lists(paragraph, min_size=1, max_size=8).map("\n".join),
        st.lists(st.one_of(paragraph, huge), min_size=1, max_size=3).map("\n\n".join),
        st.text(min_size=0, max_size=400),
    )


def article_html() -> st.SearchStrategy[str]:
    """HTML with nesting, scripts, malformed entities and quote markup."""
    inner = _sentences()
    tags = st.sampled_from(["p", "div", "blockquote", "q", "span", "b", "article", "section", "li"])

    def wrap(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.tuples(tags, st.lists(children, max_size=3)).map(lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>")

    body = st.recursive(inner, wrap, max_leaves=20)
    junk = st.sampled_from(["&amp", "&#xZZ;", "&nbsp", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                            "<a href='javascript:alert(1)'>x</a>", "</p></div>", "<!--", "<![CDATA[", "&#0;"])
    deep = st.integers(min_value=50, max_value=400).map(lambda n: "<div>" * n + "Officials said it was unlikely." + "</div>" * n)
    parts = st.lists(st.one_of(body, junk, deep), min_size=1, max_size=6).map("".join)
    return parts.map(lambda b: f"<html><head><title>t</title></head><body><article>{b}</article></body></html>")


def check_invariants(analysis: Analysis) -> None:
    """Raise AssertionError when an Analysis breaks a documented invariant."""
    text = analysis.text
    spans: list[Span] = [*analysis.boilerplate]
    for a in analysis.attributions:
        spans += [s for s in (a.content, a.cue, a.speaker.mention) if s is not None]
        spans += list(a.parts)
        _check_parts(a)
    for a in analysis.assessments:
        spans += [s for s in (a.phrase, a.sentence, a.proposition, a.assessor_mention) if s is not None]
        p = a.probability
        assert 0.0 <= p.low <= p.median <= p.high <= 1.0, f"probability out of order: {p}"
    for e in analysis.entities:
        spans += list(e.mentions)
    spans += [c.sentence for c in analysis.citations] + [Span(c.start, c.end, c.text) for c in analysis.citations]
    spans += [Span(d.start, d.end, d.text) for d in analysis.dates]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), f"span out of range: {span}"
        assert text[span.start : span.end] == span.text, f"span text drifted: {span}"
    end = 0
    gaps = sorted((b.start, b.end) for b in analysis.boilerplate)
    for p in analysis.passages:
        assert p.start >= end, f"passages overlap at {p.start}"
        assert not any(g_start < p.end and p.start < g_end for g_start, g_end in gaps), f"passage {p.start} overlaps boilerplate"
        uncovered = text[end : p.start]
        for g_start, g_end in gaps:
            if end <= g_start and g_end <= p.start:
                uncovered = uncovered.replace(text[g_start:g_end], "", 1)
        assert not uncovered.strip(), f"passages leave {uncovered[:40]!r} uncovered"
        end = p.end
    assert not text[end:].strip() or any(b.end >= len(text.rstrip()) for b in analysis.boilerplate), "text after last passage"


def _check_parts(attribution: Attribution) -> None:
    """An interrupted content's pieces: two or more, in order, apart, non-empty, inside the content."""
    parts = attribution.parts
    if not parts:
        return
    content = attribution.content
    assert len(parts) >= 2, f"a single part {parts[0]} is the content itself"
    for before, after in zip(parts, parts[1:]):
        assert before.end <= after.start, f"parts out of order or overlapping: {before} {after}"
    for part in parts:
        assert part.start < part.end, f"empty part {part}"
        assert content.start <= part.start and part.end <= content.end, f"part {part} outside content {content}"


def analyse_and_check(data: str) -> bool:
    """Analyse one input and check its invariants: True when it was analysed, False when sayso
    refused it with one of its own errors (allowed); anything else is a failure."""
    from sayso.pipeline import analyze

    try:
        analysis = analyze(data)
    except SaysoError:
        return False
    check_invariants(analysis)
    return True


@dataclass
class Tally:
    """How many inputs a property run analysed and how many were refused. Refusing is allowed, but
    a run that refuses most of its inputs checks next to nothing (a regression that refused every
    input would pass), so ``check`` fails then."""

    analysed: int = 0
    refused: int = 0

    def add(self, analysed: bool) -> None:
        if analysed:
            self.analysed += 1
        else:
            self.refused += 1

    def check(self, most: float = 0.5) -> None:
        total = self.analysed + self.refused
        assert total > 0, "no input was tried"
        assert self.refused <= most * total, f"{self.refused} of {total} inputs were refused: the invariants were hardly checked"


@dataclass
class CampaignResult:
    cases: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    refused: int = 0  # inputs sayso refused (InputError and the like): allowed, unless most are


def run_campaign(cases: int, seed: int | None = None, on_case: Callable[[], None] | None = None) -> CampaignResult:
    """Run ``cases`` generated inputs (half text, half HTML) and collect distinct failures."""
    result = CampaignResult()
    started = time.perf_counter()

    def record(data: str) -> None:
        result.cases += 1
        if on_case:
            on_case()
        try:
            result.refused += not analyse_and_check(data)
        except Exception as error:  # noqa: BLE001 - a campaign reports every failure it finds
            summary = f"{type(error).__name__}: {error} | input {data[:120]!r}\n{traceback.format_exc(limit=-4)}"
            if len(result.failures) < 50:
                result.failures.append(summary)

    for strategy in (article_texts(), article_html()):
        run = settings(max_examples=max(1, cases // 2), deadline=None, database=None, derandomize=seed is not None,
                       suppress_health_check=list(HealthCheck))(given(strategy)(record))
        run()
    result.seconds = time.perf_counter() - started
    if result.refused * 2 > result.cases:
        result.failures.append(f"{result.refused} of {result.cases} inputs were refused: the invariants were hardly checked")
    return result
