"""A cue verb with a to-infinitive that is not its message tells what someone went on doing
("continued to interject"), not what they said; "vowed to appeal" and "told them to leave" still
report."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs
from sayso.attribution.cues import is_cue_verb

LEXICON = load_reporting_verbs()


def _doc(bare_nlp, rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """Rows of (word, tag, pos, lemma, head, dep); no space before the full stop."""
    words, tags, pos, lemmas, heads, deps = (list(col) for col in zip(*rows, strict=True))
    spaces = [True] * (len(words) - 2) + [False, False]
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def _found(doc: Doc) -> list[tuple[str, str]]:
    return [(doc.text[slice(*a["cue"])], doc.text[slice(*a["content"])]) for a in find_attributions(doc, [], LEXICON)]


def _infinitive(bare_nlp, verb: tuple[str, str], listener: bool = False) -> Doc:
    """ "Bush <verb> [them] to press the senator on taxes."."""
    word, lemma = verb
    rows = [("Bush", "NNP", "PROPN", "Bush", 1, "nsubj"), (word, "VBD", "VERB", lemma, 1, "ROOT")]
    if listener:
        rows.append(("them", "PRP", "PRON", "they", 1, "dobj"))
    to = len(rows)
    rows += [
        ("to", "TO", "PART", "to", to + 1, "aux"), ("press", "VB", "VERB", "press", 1, "xcomp"),
        ("the", "DT", "DET", "the", to + 3, "det"), ("senator", "NN", "NOUN", "senator", to + 1, "dobj"),
        ("on", "IN", "ADP", "on", to + 1, "prep"), ("taxes", "NNS", "NOUN", "tax", to + 4, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    return _doc(bare_nlp, rows)


def test_going_on_doing_something_is_no_cue(bare_nlp):
    doc = _infinitive(bare_nlp, ("continued", "continue"))
    assert not is_cue_verb(doc[1], LEXICON)
    assert _found(doc) == []


def test_an_infinitive_that_is_the_message_reports(bare_nlp):
    doc = _infinitive(bare_nlp, ("vowed", "vow"))
    assert is_cue_verb(doc[1], LEXICON)
    assert _found(doc) == [("vowed", "to press the senator on taxes")]


def test_a_verb_with_a_listener_stays_a_cue(bare_nlp):
    """"told them to press …": an infinitive told to someone is an order, which reports."""
    assert is_cue_verb(_infinitive(bare_nlp, ("told", "tell"), listener=True)[1], LEXICON)
