"""A Doc's text, joined once per Doc and shared by every component that reads it, and its spans' and
tokens' texts cut from it; its entities, read once while sayso's steps run; a span's entities from the
Doc's entities read once.

spaCy's ``Doc.text`` joins the text of every token anew on each read, building a Token object for
each word, and most of sayso's components need the text: read once each, that was eight joins an
article. A Doc's text cannot change (the retokenizer keeps it), so it is kept for as long as the
Doc lives, and no longer.
"""

from __future__ import annotations

import contextlib
import weakref
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from operator import attrgetter

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_ENTS: weakref.WeakKeyDictionary[Doc, tuple[Span, ...]] = weakref.WeakKeyDictionary()


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


def span_text(span: Span) -> str:
    """``span.text``, cut from the Doc's text: spaCy joins the span's tokens' texts anew on each read."""
    return text_of(span.doc)[span.start_char : span.end_char]


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, cut from the Doc's text at its offset and length: one array read, where a
    Token object or a string-store lookup per word costs more."""
    text = text_of(doc)
    offsets, lengths = doc.to_array([IDX, LENGTH]).T.tolist()
    return [text[start : start + length] for start, length in zip(offsets, lengths)]


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, read once while ``entities_fixed(doc)`` holds (spaCy builds a Span for every
    entity from every token of the article on each read, and five of sayso's steps read them)."""
    ents = _ENTS.get(doc)
    return doc.ents if ents is None else ents


@contextlib.contextmanager
def entities_fixed(doc: Doc) -> Iterator[None]:
    """Keep ``doc.ents`` as read now for ``ents_of``, within a block that does not change them (sayso's
    steps only read them); a later change to the Doc's entities is read afresh."""
    _ENTS[doc] = doc.ents
    try:
        yield
    finally:
        _ENTS.pop(doc, None)


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



def span_ents(span: Span) -> list[Span]:
    """``span.ents``, from its Doc's entities as ``ents_of`` reads them (see ``ents_within``)."""
    return ents_within(span, ents_of(span.doc))


_start = attrgetter("start")
