"""An object content does not run on over the day or occasion of the report ("announced his support on
Sunday"), but does over the phrases that finish what was said ("announced a plan for the city")."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _announced(bare_nlp, prep: str, noun: str, ent: str) -> Doc:
    """ "Perry announced his support <prep> <noun>." with the phrase hung on the cue."""
    return Doc(
        bare_nlp.vocab, words=["Perry", "announced", "his", "support", prep, noun, "."],
        spaces=[True] * 5 + [False, False],
        tags=["NNP", "VBD", "PRP$", "NN", "IN", "NNP" if ent == "B-DATE" else "NN", "."],
        pos=["PROPN", "VERB", "PRON", "NOUN", "ADP", "PROPN" if ent == "B-DATE" else "NOUN", "PUNCT"],
        lemmas=["Perry", "announce", "his", "support", prep, noun.lower(), "."],
        heads=[1, 1, 3, 1, 1, 4, 1], deps=["nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"],
        ents=["B-PERSON", "O", "O", "O", "O", ent, "O"],
    )


def _contents(doc: Doc) -> list[str]:
    return [doc.text[slice(*a["content"])] for a in find_attributions(doc, [], LEXICON)]


def test_the_day_of_the_report_is_left_out(bare_nlp):
    assert _contents(_announced(bare_nlp, "on", "Sunday", "B-DATE")) == ["his support"]


def test_a_phrase_finishing_the_message_runs_on(bare_nlp):
    assert _contents(_announced(bare_nlp, "for", "reform", "O")) == ["his support for reform"]


def test_the_occasion_of_the_report_is_left_out(bare_nlp):
    """"in a speech" says where it was said (the lexicon's occasion nouns), not what."""
    doc = _announced(bare_nlp, "in", "speeches", "O")
    doc[5].lemma_ = "speech"
    assert _contents(doc) == ["his support"]
