"""A Doc's text, joined once per Doc and shared by every component that reads it; a span's
entities from the Doc's entities read once.

spaCy's ``Doc.text`` joins the text of every token anew on each read, building a Token object for
each word, and most of sayso's components need the text: read once each, that was eight joins an
article. A Doc's text cannot change (the retokenizer keeps it), so it is kept for as long as the
Doc lives, and no longer.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter

from spacy.tokens import Doc, Span

_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """``doc.text``, joined on the first read only."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text``, the string the tokenizer made ``doc`` from, as its text: spaCy's tokenizer
    keeps every character (``doc.text == text``), so not even the first read needs the join."""
    _TEXTS[doc] = text


def ents_within(span: Span, ents: Sequence[Span]) -> list[Span]:
    """``span.ents`` from the Doc's entities read once (spaCy's ``Span.ents`` re-reads ``doc.ents``,
    which walks every token of the article, on each call): those starting inside ``span``, up to
    the first that runs past its end. ``ents`` are in text order, as ``doc.ents`` gives them, so
    the first one inside is found by bisection rather than by reading every entity before it."""
    found = []
    for k in range(bisect_left(ents, span.start, key=_start), len(ents)):
        ent = ents[k]
        if ent.end > span.end:
            break
        found.append(ent)
    return found


_start = attrgetter("start")
