"""A reported clause whose subject is an -ing phrase ("say raising the fee curbs demand"): the
parser hangs the -ing word on the cue as its bare complement and the clause's verb under it; the
clause is still what was said, from the -ing word on."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _gerund_subject(bare_nlp, verb: str, verb_tag: str) -> Doc:
    """ "Economists say raising the fee <verb> demand." parsed as say -xcomp-> raising -ccomp->
    <verb>, with "fee" as the subject of <verb>."""
    words = ["Economists", "say", "raising", "the", "fee", verb, "demand", "."]
    return Doc(
        bare_nlp.vocab, words=words, spaces=[True] * 6 + [False, False],
        tags=["NNS", "VBP", "VBG", "DT", "NN", verb_tag, "NN", "."],
        pos=["NOUN", "VERB", "VERB", "DET", "NOUN", "VERB", "NOUN", "PUNCT"],
        lemmas=["economist", "say", "raise", "the", "fee", "curb", "demand", "."],
        heads=[1, 1, 1, 4, 5, 2, 5, 1],
        deps=["nsubj", "ROOT", "xcomp", "det", "nsubj", "ccomp", "dobj", "punct"],
    )


def test_gerund_subject_opens_the_reported_clause(bare_nlp):
    doc = _gerund_subject(bare_nlp, "curbs", "VBZ")
    (a,) = find_attributions(doc, [], LEXICON)
    assert doc.text[slice(*a["content"])] == "raising the fee curbs demand"
    assert (a["rule"], doc.text[slice(*a["cue"])], doc.text[slice(*a["speaker_mention"])]) == (
        "indirect-ccomp", "say", "Economists"
    )


def test_gerund_without_a_finite_clause_reports_nothing(bare_nlp):
    """"Economists say raising the fee curbing demand": no finite verb under the -ing word, so
    nothing shows a clause with a subject of its own."""
    doc = _gerund_subject(bare_nlp, "curbing", "VBG")
    assert [a for a in find_attributions(doc, [], LEXICON) if a["rule"] == "indirect-ccomp"] == []
