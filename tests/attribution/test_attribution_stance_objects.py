"""A stance verb ("blasted", "slammed", "decried", "portrayed") credits its object, a person too, with the
phrase that says why ("blasted Clinton for fracking"), as a belief, never a quote; a phrase holding a
report of its own stays that report's; a verb outside the stance list credits no person."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()

# the why-phrase as (word, lemma, tag, pos, dep, head), hung on the verb (token 1)
FOR_FRACKING = [("for", "for", "IN", "ADP", "prep", 1), ("fracking", "fracking", "NN", "NOUN", "pobj", 3)]
FOR_WHAT_HE_SAID = [
    ("for", "for", "IN", "ADP", "prep", 1), ("what", "what", "WP", "PRON", "dobj", 6),
    ("he", "he", "PRP", "PRON", "nsubj", 6), ("said", "say", "VBD", "VERB", "pcomp", 3),
]


def _stance(bare_nlp, verb: tuple[str, str], why: list[tuple[str, str, str, str, str, int]]) -> Doc:
    """ "Sanders <verb> Clinton <why …> ." with "Clinton" the verb's object."""
    words = ["Sanders", verb[0], "Clinton", *(w[0] for w in why), "."]
    return Doc(
        bare_nlp.vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False],
        lemmas=["Sanders", verb[1], "Clinton", *(w[1] for w in why), "."],
        tags=["NNP", "VBD", "NNP", *(w[2] for w in why), "."],
        pos=["PROPN", "VERB", "PROPN", *(w[3] for w in why), "PUNCT"],
        deps=["nsubj", "ROOT", "dobj", *(w[4] for w in why), "punct"],
        heads=[1, 1, 1, *(w[5] for w in why), 1],
        ents=["B-PERSON", "O", "B-PERSON", *(["O"] * len(why)), "O"],
    )


def _found(doc: Doc) -> list[tuple[str, str, str]]:
    return [
        (doc.text[slice(*a["cue"])], doc.text[slice(*a["content"])], a["cue_class"])
        for a in find_attributions(doc, [], LEXICON)
    ]


def test_a_stance_credits_its_object_and_why(bare_nlp):
    doc = _stance(bare_nlp, ("blasted", "blast"), FOR_FRACKING)
    assert _found(doc) == [("blasted", "Clinton for fracking", "belief")]


def test_a_verb_outside_the_stance_list_credits_no_person(bare_nlp):
    assert _found(_stance(bare_nlp, ("met", "meet"), FOR_FRACKING)) == []


def test_a_report_inside_the_why_phrase_stays_apart(bare_nlp):
    # "Sanders slammed Clinton for what he said.": not "Clinton for what he said"
    found = _found(_stance(bare_nlp, ("slammed", "slam"), FOR_WHAT_HE_SAID))
    assert not any(cue == "slammed" for cue, _, _ in found)  # "Clinton" alone is too short to be content
