"""A Doc's text is joined once and kept only while the Doc lives."""

from __future__ import annotations

import gc
import weakref

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sayso import doctext


def test_text_of_is_the_docs_text_joined_once():
    doc = Doc(Vocab(), words=["Kyiv", "said", "so", "."], spaces=[True, True, False, False])
    first = doctext.text_of(doc)
    assert first == doc.text == "Kyiv said so."
    assert doctext.text_of(doc) is first


def test_text_is_not_kept_past_its_doc():
    doc = Doc(Vocab(), words=["gone"])
    doctext.text_of(doc)
    kept = len(doctext._TEXTS)
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None  # the remembered text did not keep the Doc alive
    assert len(doctext._TEXTS) <= kept - 1  # its entry went with it (other tests' Docs may go too)


def test_remembered_text_is_read_without_a_join(bare_nlp):
    text = "Kyiv said so.\n\nMoscow did not."
    doc = bare_nlp.make_doc(text)
    doctext.remember_text(doc, text)
    assert doctext.text_of(doc) is text
    assert doc.text == text  # what the remembered text stands for: the tokenizer keeps every character
