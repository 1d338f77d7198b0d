"""A short answer is what was said ("said yes", "said the same"), but a pronoun pointing back
("said it") or nothing said ("said little") reports nothing."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _said(bare_nlp, word: str, tag: str, pos: str, dep: str = "dobj") -> Doc:
    """ "The mayor said <word>."."""
    return Doc(
        bare_nlp.vocab, words=["The", "mayor", "said", word, "."], spaces=[True, True, True, False, False],
        tags=["DT", "NN", "VBD", tag, "."], pos=["DET", "NOUN", "VERB", pos, "PUNCT"],
        lemmas=["the", "mayor", "say", word.lower(), "."], heads=[1, 2, 2, 2, 2], deps=["det", "nsubj", "ROOT", dep, "punct"],
    )


def _answers(doc: Doc) -> list[str]:
    return [doc.text[slice(*a["content"])] for a in find_attributions(doc, [], LEXICON) if a["rule"] == "indirect-answer"]


def test_a_short_answer_is_what_was_said(bare_nlp):
    assert _answers(_said(bare_nlp, "yes", "UH", "INTJ", dep="intj")) == ["yes"]
    assert _answers(_said(bare_nlp, "goodbye", "NN", "NOUN")) == ["goodbye"]


@pytest.mark.parametrize(("word", "tag", "pos"), [("it", "PRP", "PRON"), ("them", "PRP", "PRON"), ("little", "JJ", "ADJ"), ("nothing", "NN", "PRON")])
def test_a_pronoun_or_nothing_said_is_no_answer(bare_nlp, word, tag, pos):
    assert _answers(_said(bare_nlp, word, tag, pos)) == []
