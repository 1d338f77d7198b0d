"""A Doc's entities are read once while they are held fixed, and afresh outside that block."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from sayso.doctext import entities_fixed, ents_of, span_ents


def _doc() -> Doc:
    doc = Doc(Vocab(), words=["Jane", "Roe", "visited", "Paris", "."])
    doc.ents = [Span(doc, 0, 2, "PERSON")]
    return doc


def test_the_entities_held_fixed_are_the_docs_read_once():
    doc = _doc()
    with entities_fixed(doc):
        first = ents_of(doc)
        assert first == doc.ents
        assert ents_of(doc) is first  # not rebuilt on the second read


def test_outside_the_block_a_change_to_the_entities_is_read():
    doc = _doc()
    with entities_fixed(doc):
        ents_of(doc)
    doc.ents = [Span(doc, 3, 4, "GPE")]
    assert [(e.text, e.label_) for e in ents_of(doc)] == [("Paris", "GPE")]


def test_a_doc_without_entities_has_none():
    doc = Doc(Vocab(), words=["nothing", "here"])
    with entities_fixed(doc):
        assert ents_of(doc) == ()


def test_a_spans_entities_are_those_inside_it():
    doc = _doc()
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "GPE")]
    with entities_fixed(doc):
        assert [e.text for e in span_ents(doc[1:5])] == [e.text for e in doc[1:5].ents] == ["Paris"]
        assert [e.text for e in span_ents(doc[0:3])] == ["Jane Roe"]
        assert span_ents(doc[2:3]) == []
