"""A Doc's text is joined once and kept only while the Doc lives."""

from __future__ import annotations

import gc

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
    del doc
    gc.collect()
    assert len(doctext._TEXTS) == kept - 1
