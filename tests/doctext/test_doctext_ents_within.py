"""A span's entities, read from the Doc's entities in text order, are the ones spaCy's ``Span.ents`` gives."""

from __future__ import annotations

import ast
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

import sayso
from sayso.doctext import ents_within

WORDS = ["Yesterday", "Jane", "Roe", "of", "Acme", "Corp", "told", "Kyiv", "Post", "reporters", "in", "Paris", "."]


def _doc() -> Doc:
    doc = Doc(Vocab(), words=WORDS)
    doc.ents = [Span(doc, 1, 3, "PERSON"), Span(doc, 4, 6, "ORG"), Span(doc, 7, 9, "ORG"), Span(doc, 11, 12, "GPE")]
    return doc


def test_the_entities_inside_a_span_are_spacys_span_ents():
    doc = _doc()
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert ents_within(span, doc.ents) == list(span.ents), (start, end)


def test_a_span_after_every_entity_or_cutting_one_holds_none():
    doc = _doc()
    assert ents_within(doc[12:13], doc.ents) == []  # after the last entity
    assert ents_within(doc[2:4], doc.ents) == []  # "Roe of": the name starts before it
    assert ents_within(doc[4:5], doc.ents) == []  # "Acme": the name runs past its end


def test_no_module_reads_a_spans_entities_afresh():
    """Every ``x.ents`` in sayso's source reads a Doc's entities (``doc.ents``, ``ctx.doc.ents``) or a
    tuple kept from them (``self.ents``): a span's go through ``span_ents``/``ents_within``."""
    fresh = []
    for path in Path(sayso.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "ents":
                owner = node.value
                name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
                if name not in ("doc", "self"):
                    fresh.append(f"{path.name}:{node.lineno}")
    assert fresh == []
