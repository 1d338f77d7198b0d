"""One person named by nationality ("the Spaniard said", "an American said"), which the tagger
marks NORP, is a person the text does not name, not a body called "Spaniard"; a plural ("the
Russians said") stays the group it names."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _said(bare_nlp, det: str, noun: str, tag: str) -> Doc:
    """ "<det> <noun> said it was hard ." with the noun tagged NORP."""
    return Doc(
        bare_nlp.vocab, words=[det, noun, "said", "it", "was", "hard", "."],
        spaces=[True] * 5 + [False, False],
        tags=["DT", tag, "VBD", "PRP", "VBD", "JJ", "."],
        pos=["DET", "PROPN", "VERB", "PRON", "AUX", "ADJ", "PUNCT"],
        lemmas=[det.lower(), noun, "say", "it", "be", "hard", "."],
        heads=[1, 2, 2, 4, 2, 4, 2], deps=["det", "nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
        ents=["O", "B-NORP", "O", "O", "O", "O", "O"],
    )


def _speakers(doc: Doc) -> list[tuple[str | None, str | None]]:
    return [(a["speaker_name"], a["speaker_type"]) for a in find_attributions(doc, [], LEXICON)]


def test_one_person_of_a_nationality_is_an_unnamed_person(bare_nlp):
    assert _speakers(_said(bare_nlp, "The", "Spaniard", "NNP")) == [(None, "PERSON")]
    assert _speakers(_said(bare_nlp, "An", "American", "NNP")) == [(None, "PERSON")]


def test_a_people_in_the_plural_stays_the_group(bare_nlp):
    assert _speakers(_said(bare_nlp, "The", "Russians", "NNPS")) == [("Russians", "ORG")]
