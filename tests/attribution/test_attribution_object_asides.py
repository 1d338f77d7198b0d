"""An object content ends before a phrase a comma sets off at its end ("predicted a win in Ohio,
which votes in May"): that is the writer's gloss on the object, not what was said; a phrase with
no comma before it ("a win in Ohio") stays."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _predicted(bare_nlp, comma: bool) -> Doc:
    """ "Roe predicted a win in Ohio[,] which votes in May." with the relative clause on "win"."""
    words = ["Roe", "predicted", "a", "win", "in", "Ohio", *([","] if comma else []), "which", "votes", "in", "May", "."]
    o = 1 if comma else 0
    spaces = [True] * 5 + ([False, True] if comma else [True]) + [True, True, True, False, False]
    return Doc(
        bare_nlp.vocab, words=words, spaces=spaces,
        tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", *([","] if comma else []), "WDT", "VBZ", "IN", "NNP", "."],
        pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", *(["PUNCT"] if comma else []), "PRON", "VERB", "ADP", "PROPN", "PUNCT"],
        lemmas=["Roe", "predict", "a", "win", "in", "Ohio", *([","] if comma else []), "which", "vote", "in", "May", "."],
        heads=[1, 1, 3, 1, 3, 4, *([3] if comma else []), 7 + o, 3, 7 + o, 8 + o, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", *(["punct"] if comma else []), "nsubj", "relcl", "prep",
              "pobj", "punct"],
        ents=["B-PERSON", "O", "O", "O", "O", "B-GPE", *(["O"] if comma else []), "O", "O", "O", "B-DATE", "O"],
    )


def _contents(doc: Doc) -> list[tuple[str, str]]:
    return [(a["rule"], doc.text[slice(*a["content"])]) for a in find_attributions(doc, [], LEXICON)]


def test_a_gloss_set_off_by_a_comma_is_left_out(bare_nlp):
    assert _contents(_predicted(bare_nlp, comma=True)) == [("indirect-object", "a win in Ohio")]


def test_a_phrase_without_a_comma_stays(bare_nlp):
    assert _contents(_predicted(bare_nlp, comma=False)) == [("indirect-object", "a win in Ohio which votes in May")]
