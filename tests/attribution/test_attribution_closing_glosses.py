"""A noun phrase with "a", "an" or "another" set off by a comma at the end of a reported clause is
the writer's gloss on it ("…in taxes, an acknowledgment aides trumpeted"), whether the parser made
it a second object or a clause of the cue; one without the comma is what was said."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _doc(bare_nlp, rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """Rows of (word, tag, pos, lemma, head, dep); no space before a comma or the full stop."""
    words, tags, pos, lemmas, heads, deps = (list(col) for col in zip(*rows, strict=True))
    spaces = [words[i + 1] not in (",", ".") for i in range(len(words) - 1)] + [False]
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def _contents(doc: Doc) -> list[str]:
    return [doc.text[slice(*a["content"])] for a in find_attributions(doc, [], LEXICON)]


def _said(rest: list[tuple[str, str, str, str, int, str]]) -> list[tuple[str, str, str, str, int, str]]:
    """ "He said families would pay more" and ``rest``; "pay" is token 5."""
    return [
        ("He", "PRP", "PRON", "he", 1, "nsubj"), ("said", "VBD", "VERB", "say", 1, "ROOT"),
        ("families", "NNS", "NOUN", "family", 4, "nsubj"), ("would", "MD", "AUX", "would", 4, "aux"),
        ("pay", "VB", "VERB", "pay", 1, "ccomp"), ("more", "JJR", "ADJ", "more", 4, "dobj"), *rest,
    ]


def test_second_object_glossing_the_clause_is_left_out(bare_nlp):
    doc = _doc(bare_nlp, _said([
        (",", ",", "PUNCT", ",", 4, "punct"), ("an", "DT", "DET", "an", 8, "det"),
        ("acknowledgment", "NN", "NOUN", "acknowledgment", 4, "dobj"), ("aides", "NNS", "NOUN", "aide", 10, "nsubj"),
        ("trumpeted", "VBD", "VERB", "trumpet", 8, "relcl"), (".", ".", "PUNCT", ".", 1, "punct"),
    ]))
    assert _contents(doc) == ["families would pay more"]


def test_gloss_taken_for_a_second_clause_is_left_out(bare_nlp):
    doc = _doc(bare_nlp, _said([
        (",", ",", "PUNCT", ",", 1, "punct"), ("a", "DT", "DET", "a", 8, "det"),
        ("swipe", "NN", "NOUN", "swipe", 1, "ccomp"), ("at", "IN", "ADP", "at", 8, "prep"),
        ("rivals", "NNS", "NOUN", "rival", 9, "pobj"), (".", ".", "PUNCT", ".", 1, "punct"),
    ]))
    assert _contents(doc) == ["families would pay more"]


def test_object_without_a_comma_is_what_was_said(bare_nlp):
    """ "He said families would pay more a year.": no comma sets the noun phrase off."""
    doc = _doc(bare_nlp, _said([
        ("a", "DT", "DET", "a", 7, "det"), ("year", "NN", "NOUN", "year", 4, "npadvmod"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]))
    assert _contents(doc) == ["families would pay more a year"]
