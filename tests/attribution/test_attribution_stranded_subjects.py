"""A subject the parse hung on the fronted phrase before its verb ("At a rally in Ohio, Jane Roe also
said …" with Roe a second object of "in") still speaks, from the comma or spaced dash on; a noun
that closes the subject's own phrase ("most of those in the survey predict") is no subject."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _speaker_of(doc: Doc, cue: str) -> str | None:
    found = [a for a in find_attributions(doc, [], LEXICON) if doc.text[slice(*a["cue"])] == cue]
    assert len(found) == 1
    mention = found[0]["speaker_mention"]
    return None if mention is None else doc.text[slice(*mention)]


def _parsed(bare_nlp, rows: list[tuple[str, bool, str, str, str, int, str]]) -> Doc:
    words, spaces, tags, pos, lemmas, heads, deps = (list(column) for column in zip(*rows, strict=True))
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def test_a_subject_hung_on_the_fronted_phrase_speaks_from_its_comma(bare_nlp):
    doc = _parsed(bare_nlp, [
        ("At", True, "IN", "ADP", "at", 9, "prep"), ("a", True, "DT", "DET", "a", 2, "det"),
        ("rally", True, "NN", "NOUN", "rally", 0, "pobj"), ("in", True, "IN", "ADP", "in", 2, "prep"),
        ("Ohio", False, "NNP", "PROPN", "Ohio", 3, "pobj"), (",", True, ",", "PUNCT", ",", 4, "punct"),
        ("Jane", True, "NNP", "PROPN", "Jane", 7, "compound"), ("Roe", True, "NNP", "PROPN", "Roe", 3, "pobj"),
        ("also", True, "RB", "ADV", "also", 9, "advmod"), ("said", True, "VBD", "VERB", "say", 9, "ROOT"),
        ("that", True, "IN", "SCONJ", "that", 13, "mark"), ("taxes", True, "NNS", "NOUN", "tax", 13, "nsubj"),
        ("would", True, "MD", "AUX", "would", 13, "aux"), ("fall", False, "VB", "VERB", "fall", 9, "ccomp"),
        (".", False, ".", "PUNCT", ".", 9, "punct"),
    ])
    assert _speaker_of(doc, "said") == "Jane Roe"


def test_a_subject_after_a_spaced_dash_leaves_the_place_before_it_out(bare_nlp):
    doc = _parsed(bare_nlp, [
        ("In", True, "IN", "ADP", "in", 5, "prep"), ("Palm", True, "NNP", "PROPN", "Palm", 2, "compound"),
        ("Beach", True, "NNP", "PROPN", "Beach", 4, "compound"), ("-", True, ":", "PUNCT", "-", 4, "punct"),
        ("Roe", True, "NNP", "PROPN", "Roe", 0, "pobj"), ("continued", True, "VBD", "VERB", "continue", 5, "ROOT"),
        ("to", True, "TO", "PART", "to", 7, "aux"), ("assert", True, "VB", "VERB", "assert", 5, "xcomp"),
        ("that", True, "IN", "SCONJ", "that", 10, "mark"), ("taxes", True, "NNS", "NOUN", "tax", 10, "nsubj"),
        ("fell", False, "VBD", "VERB", "fall", 7, "ccomp"), (".", False, ".", "PUNCT", ".", 5, "punct"),
    ])
    assert _speaker_of(doc, "assert") == "Roe"


def test_a_noun_closing_the_subjects_own_phrase_is_no_subject(bare_nlp):
    doc = _parsed(bare_nlp, [
        ("Most", True, "JJS", "ADJ", "most", 6, "npadvmod"), ("of", True, "IN", "ADP", "of", 0, "prep"),
        ("those", True, "DT", "PRON", "those", 1, "pobj"), ("in", True, "IN", "ADP", "in", 2, "prep"),
        ("the", True, "DT", "DET", "the", 5, "det"), ("survey", True, "NN", "NOUN", "survey", 3, "pobj"),
        ("predict", True, "VBP", "VERB", "predict", 6, "ROOT"), ("that", True, "IN", "SCONJ", "that", 10, "mark"),
        ("taxes", True, "NNS", "NOUN", "tax", 10, "nsubj"), ("will", True, "MD", "AUX", "will", 10, "aux"),
        ("fall", False, "VB", "VERB", "fall", 6, "ccomp"), (".", False, ".", "PUNCT", ".", 6, "punct"),
    ])
    assert _speaker_of(doc, "predict") is None
