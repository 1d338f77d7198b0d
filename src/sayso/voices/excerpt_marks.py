"""Marks that put a paragraph in an excerpt whatever the rule score or the classifier said, where
the voice is inferred from plain text: a sign-off line ends one and an elision mark cuts one.
Read off blog-voices ``train``, where such lines and the paragraphs they bind are, but for one
paragraph, all quoted."""

from __future__ import annotations

import re

from sayso.voices.naming import FINITE_TAGS
from sayso.voices.passages import Passage
from sayso.voices.signals import TokenIndex
from sayso.voices.signatures import TWEET_SIGN_OFF

# A paragraph that is a dash sign-off and nothing else ("— Reuters", "--- Jane Roe, Acme Corp").
_SIGN_OFF_LINE = re.compile(r"(?:\u2014|\u2013|\u2015|-{2,3})[ \t]*[A-Z][^\n]{1,100}")
_MAX_SIGN_OFF = 140
# A subheading set between dashes, as wire copy writes them ("– Major powers' playing field –."):
# it heads what follows, so it signs nothing.
_DASHED_HEADING = re.compile(r"(?:\u2014|\u2013|\u2015|-{1,3})[^\n]*(?:\u2014|\u2013|\u2015|-{1,3})\.?")
# A paragraph that is an elision mark and nothing else: "…", "....", "[…]", "(...)".
_ELISION = re.compile(r"[\[(]?[ \t]*(?:\u2026|\.{3,})[ \t]*[\])]?\.?")


def label_excerpt_marks(text: str, passages: list[Passage], tokens: TokenIndex) -> None:
    """Quote the paragraphs that sign-offs and elision marks bind to an excerpt."""
    spoken = [p for p in passages if text[p.start : p.end].strip()]
    _label_sign_offs(text, spoken, tokens)
    _label_elisions(text, spoken)


def _label_sign_offs(text: str, spoken: list[Passage], tokens: TokenIndex) -> None:
    """A paragraph that is only a sign-off ("— Reuters", "--- Jane Roe, Acme Corp", an embedded
    tweet's "— Name (@handle) March 3, 2018") signs the paragraph before it: both are the excerpt's.
    A sign-off after a lead-in colon signs nothing pasted, one that holds a finite verb is a
    sentence ("— Then it rained."), one closed by a dash too is a wire story's subheading ("– Major
    powers' playing field –."), and one that ends the text may credit the whole of it (a wire story's
    "— Reuters", the writer's own "— Jane")."""
    for before, line in zip(spoken, spoken[1:-1]):
        body = text[line.start : line.end].strip()
        if len(body) > _MAX_SIGN_OFF or text[before.start : before.end].rstrip().endswith(":"):
            continue
        if not (_SIGN_OFF_LINE.fullmatch(body) or TWEET_SIGN_OFF.fullmatch(body)) or _DASHED_HEADING.fullmatch(body):
            continue
        if any(t.tag_ in FINITE_TAGS for t in tokens.within(line.start, line.end)):
            continue
        for p in (before, line):
            _quote(p, "sign-off")


def _label_elisions(text: str, spoken: list[Passage]) -> None:
    """An elision mark alone on its line ("[…]") says words of an excerpt were cut there: it and
    the paragraphs either side of it are the excerpt's (the one before not where it is a lead-in
    ending in a colon, which the mark then follows)."""
    for i, line in enumerate(spoken):
        if not _ELISION.fullmatch(text[line.start : line.end].strip()):
            continue
        bound = [line, *spoken[i + 1 : i + 2]]
        if i > 0 and not text[spoken[i - 1].start : spoken[i - 1].end].rstrip().endswith(":"):
            bound.append(spoken[i - 1])
        for p in bound:
            _quote(p, "elision")


def _quote(passage: Passage, rule: str) -> None:
    """Quote an author's paragraph, its rule saying which mark did ("text:sign-off", "model:elision")."""
    if passage.voice != "quoted":
        passage.voice, passage.rule = "quoted", f"{passage.rule.split(':', 1)[0]}:{rule}"
