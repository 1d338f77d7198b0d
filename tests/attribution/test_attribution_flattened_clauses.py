"""A reported clause the parser flattened into the cue's object: the "that" it kept as a marker on
the object noun shows the object is the clause (a long subject with a relative clause set off by
commas is where the parser does this)."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _flattened(bare_nlp, mark: str) -> Doc:
    """ "Roe observed that the start date, which was set in May, matched the anniversary." with the
    parse hanging "that" on "date", "date" as the object and "matched" as a clause on the noun."""
    words = ["Roe", "observed", mark, "the", "start", "date", ",", "which", "was", "set", "in", "May", ",",
             "matched", "the", "anniversary", "."]
    return Doc(
        bare_nlp.vocab, words=words, spaces=[True] * 5 + [False, True, True, True, True, True, False, True, True, True, False, False],
        tags=["NNP", "VBD", "IN", "DT", "NN", "NN", ",", "WDT", "VBD", "VBN", "IN", "NNP", ",", "VBD", "DT", "NN", "."],
        pos=["PROPN", "VERB", "SCONJ", "DET", "NOUN", "NOUN", "PUNCT", "PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT",
             "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["Roe", "observe", mark, "the", "start", "date", ",", "which", "be", "set", "in", "May", ",", "match",
                "the", "anniversary", "."],
        heads=[1, 1, 5, 5, 5, 1, 5, 9, 9, 5, 9, 10, 5, 5, 15, 13, 1],
        deps=["nsubj", "ROOT", "mark", "det", "compound", "dobj", "punct", "nsubjpass", "auxpass", "relcl", "prep", "pobj",
              "punct", "acl", "det", "dobj", "punct"],
        ents=["B-PERSON"] + ["O"] * 10 + ["B-DATE"] + ["O"] * 5,
    )


def test_object_marked_by_that_is_the_reported_clause(bare_nlp):
    doc = _flattened(bare_nlp, "that")
    (a,) = find_attributions(doc, [], LEXICON)
    assert doc.text[slice(*a["content"])] == "that the start date, which was set in May, matched the anniversary"
    assert (doc.text[slice(*a["cue"])], doc.text[slice(*a["speaker_mention"])]) == ("observed", "Roe")


def test_object_without_a_that_marker_is_no_clause(bare_nlp):
    """The same object with an adverb ("how") where the marker was: nothing shows a flattened clause."""
    doc = _flattened(bare_nlp, "how")
    doc[2].dep_ = "advmod"
    assert [doc.text[slice(*a["content"])] for a in find_attributions(doc, [], LEXICON)
            if a["rule"] == "indirect-ccomp"] == []
