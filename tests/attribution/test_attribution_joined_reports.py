"""A reported clause cut where another speaker's report is joined on ("said they were worried, and
four in ten said …") leaves the joining word to that report; with no report after it, the word
stays to show the same speaker's content runs on."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _doc(bare_nlp, rows: list[tuple[str, str, str, str, int, str]], spaces: list[bool]) -> Doc:
    """Rows of (word, tag, pos, lemma, head, dep)."""
    words, tags, pos, lemmas, heads, deps = (list(col) for col in zip(*rows, strict=True))
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def _found(doc: Doc) -> list[tuple[str, str]]:
    return [(doc.text[slice(*a["cue"])], doc.text[slice(*a["content"])]) for a in find_attributions(doc, [], LEXICON)]


def test_joining_word_goes_with_the_next_speakers_report(bare_nlp):
    """ "Voters said they were worried, and many said prices would rise." with the parser's shape:
    the joining "and" hangs on the first clause, the second report is another clause of the cue."""
    doc = _doc(bare_nlp, [
        ("Voters", "NNS", "NOUN", "voter", 1, "nsubj"), ("said", "VBD", "VERB", "say", 1, "ROOT"),
        ("they", "PRP", "PRON", "they", 3, "nsubj"), ("were", "VBD", "AUX", "be", 1, "ccomp"),
        ("worried", "JJ", "ADJ", "worried", 3, "acomp"), (",", ",", "PUNCT", ",", 3, "punct"),
        ("and", "CC", "CCONJ", "and", 3, "cc"), ("many", "JJ", "ADJ", "many", 8, "nsubj"),
        ("said", "VBD", "VERB", "say", 1, "ccomp"), ("prices", "NNS", "NOUN", "price", 11, "nsubj"),
        ("would", "MD", "AUX", "would", 11, "aux"), ("rise", "VB", "VERB", "rise", 8, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ], spaces=[True, True, True, True, False, True, True, True, True, True, True, False, False])
    assert _found(doc) == [("said", "they were worried"), ("said", "prices would rise")]


def test_joining_word_stays_where_no_report_follows(bare_nlp):
    """ "I knew I wanted to fly and at the front." where the parser hung the joined phrase on the
    cue: the content visibly runs on, so it keeps its "and" rather than pass for a whole clause."""
    doc = _doc(bare_nlp, [
        ("I", "PRP", "PRON", "I", 1, "nsubj"), ("said", "VBD", "VERB", "say", 1, "ROOT"),
        ("I", "PRP", "PRON", "I", 3, "nsubj"), ("wanted", "VBD", "VERB", "want", 1, "ccomp"),
        ("to", "TO", "PART", "to", 5, "aux"), ("fly", "VB", "VERB", "fly", 3, "xcomp"),
        ("and", "CC", "CCONJ", "and", 3, "cc"), ("at", "IN", "ADP", "at", 1, "advmod"),
        ("the", "DT", "DET", "the", 9, "det"), ("front", "NN", "NOUN", "front", 7, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ], spaces=[True] * 9 + [False, False])
    assert _found(doc) == [("said", "I wanted to fly and")]
