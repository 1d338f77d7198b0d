"""Every span's and token's text, cut from the Doc's text, is its own text."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sayso.doctext import remember_text, span_text, token_texts


def test_token_texts_are_the_tokens_texts():
    words = ["“", "Kyiv", "’s", "mayor", "said", "\n\n", "İstanbul", "…", "naïve", "."]
    spaces = [False, False, True, True, False, False, True, False, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    assert token_texts(doc) == [t.text for t in doc] == words


def test_token_texts_read_the_remembered_text():
    text = "Officials said so.\nThen nothing."
    doc = Doc(Vocab(), words=["Officials", "said", "so", ".", "\n", "Then", "nothing", "."],
              spaces=[True, True, False, False, False, True, False, False])
    remember_text(doc, text)
    assert token_texts(doc) == [t.text for t in doc]


def test_an_empty_doc_has_no_token_texts():
    assert token_texts(Doc(Vocab(), words=[])) == []


def test_a_spans_text_is_cut_from_the_docs_text():
    doc = Doc(Vocab(), words=["The", "Kyiv", "Post", "’s", "editor", "."], spaces=[True, True, False, True, False, False])
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert span_text(doc[start:end]) == doc[start:end].text
