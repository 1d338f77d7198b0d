"""A reported clause whose subject the parser hung on the cue as its object or adverbial ("said
about half of the cuts reflected losses"): the clause has no subject of its own, so the phrase
before it opens the report."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _doc(bare_nlp, rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """Rows of (word, tag, pos, lemma, head, dep); every word but the last two is followed by a space."""
    words, tags, pos, lemmas, heads, deps = (list(col) for col in zip(*rows, strict=True))
    spaces = [True] * (len(words) - 2) + [False, False]
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def _contents(doc: Doc) -> list[str]:
    return [doc.text[slice(*a["content"])] for a in find_attributions(doc, [], LEXICON) if a["rule"] == "indirect-ccomp"]


def test_subject_hung_on_an_adverbial_opens_the_clause(bare_nlp):
    doc = _doc(bare_nlp, [
        ("The", "DT", "DET", "the", 1, "det"), ("office", "NN", "NOUN", "office", 2, "nsubj"),
        ("said", "VBD", "VERB", "say", 2, "ROOT"), ("about", "IN", "ADP", "about", 2, "prep"),
        ("half", "NN", "NOUN", "half", 3, "pobj"), ("of", "IN", "ADP", "of", 4, "prep"),
        ("the", "DT", "DET", "the", 7, "det"), ("cuts", "NNS", "NOUN", "cut", 5, "pobj"),
        ("reflected", "VBD", "VERB", "reflect", 2, "ccomp"), ("losses", "NNS", "NOUN", "loss", 8, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ])
    assert _contents(doc) == ["about half of the cuts reflected losses"]


def test_subject_taken_for_the_object_opens_the_clause(bare_nlp):
    doc = _doc(bare_nlp, [
        ("She", "PRP", "PRON", "she", 1, "nsubj"), ("said", "VBD", "VERB", "say", 1, "ROOT"),
        ("his", "PRP$", "PRON", "his", 3, "poss"), ("plan", "NN", "NOUN", "plan", 1, "dobj"),
        ("does", "VBZ", "AUX", "do", 6, "aux"), ("not", "RB", "PART", "not", 6, "neg"),
        ("fly", "VB", "VERB", "fly", 1, "ccomp"), (".", ".", "PUNCT", ".", 1, "punct"),
    ])
    assert _contents(doc) == ["his plan does not fly"]


def test_object_stays_out_of_a_clause_with_its_own_subject(bare_nlp):
    """"told the committee the bridge would reopen": the committee is who was told."""
    doc = _doc(bare_nlp, [
        ("She", "PRP", "PRON", "she", 1, "nsubj"), ("told", "VBD", "VERB", "tell", 1, "ROOT"),
        ("the", "DT", "DET", "the", 3, "det"), ("committee", "NN", "NOUN", "committee", 1, "dobj"),
        ("the", "DT", "DET", "the", 5, "det"), ("bridge", "NN", "NOUN", "bridge", 7, "nsubj"),
        ("would", "MD", "AUX", "would", 7, "aux"), ("reopen", "VB", "VERB", "reopen", 1, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ])
    assert _contents(doc) == ["the bridge would reopen"]


def test_a_person_object_is_not_the_clause_subject(bare_nlp):
    """"told them would reopen" (a parse that lost the clause's subject): a pronoun is the one told."""
    doc = _doc(bare_nlp, [
        ("She", "PRP", "PRON", "she", 1, "nsubj"), ("told", "VBD", "VERB", "tell", 1, "ROOT"),
        ("them", "PRP", "PRON", "they", 1, "dobj"), ("it", "PRP", "PRON", "it", 5, "dobj"),
        ("would", "MD", "AUX", "would", 5, "aux"), ("reopen", "VB", "VERB", "reopen", 1, "ccomp"),
        ("soon", "RB", "ADV", "soon", 5, "advmod"), (".", ".", "PUNCT", ".", 1, "punct"),
    ])
    assert _contents(doc) == ["it would reopen soon"]
