"""A reported clause whose subject is an -ing phrase ("say taxing consumption encourages savings"):
the parser hangs the -ing word on the cue as its bare complement and the clause's verb under it;
the clause is still what was said, from the -ing word on."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _gerund_subject(bare_nlp, verb_tag: str) -> Doc:
    """ "Economists say taxing consumption encourages savings." parsed as say -xcomp-> taxing
    -ccomp-> encourages, with "consumption" as the subject of "encourages"."""
    words = ["Economists", "say", "taxing", "consumption", "encourages", "savings", "."]
    return Doc(
        bare_nlp.vocab, words=words, spaces=[True] * 5 + [False, False],
        tags=["NNS", "VBP", "VBG", "NN", verb_tag, "NNS", "."],
        pos=["NOUN", "VERB", "VERB", "NOUN", "VERB", "NOUN", "PUNCT"],
        lemmas=["economist", "say", "tax", "consumption", "encourage", "saving", "."],
        heads=[1, 1, 1, 4, 2, 4, 1],
        deps=["nsubj", "ROOT", "xcomp", "nsubj", "ccomp", "dobj", "punct"],
    )


def test_gerund_subject_opens_the_reported_clause(bare_nlp):
    doc = _gerund_subject(bare_nlp, "VBZ")
    (a,) = find_attributions(doc, [], LEXICON)
    assert doc.text[slice(*a["content"])] == "taxing consumption encourages savings"
    assert (a["rule"], doc.text[slice(*a["cue"])], doc.text[slice(*a["speaker_mention"])]) == (
        "indirect-ccomp", "say", "Economists"
    )


def test_gerund_without_a_finite_clause_reports_nothing(bare_nlp):
    """"Economists say taxing consumption encouraging savings": no finite verb under the -ing word,
    so nothing shows a clause with a subject of its own."""
    doc = _gerund_subject(bare_nlp, "VBG")
    assert [a for a in find_attributions(doc, [], LEXICON) if a["rule"] == "indirect-ccomp"] == []
