"""An "as" aside credits the sentence to its speaker ("As the ministry noted, the talks failed"),
but an "as" clause whose cue says something of its own tells when ("As he mentioned the wage,
people yawned"), and so does one whose verb links a predicate ("as he proved incompetent"); a listener ("as he told reporters") is not something said."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _as_clause(bare_nlp, verb: tuple[str, str], obj: tuple[str, str, str, str] | None, obj_dep: str = "dobj") -> Doc:
    """ "As he <verb> [<obj>], the talks failed." with the "as" clause hung on "failed"."""
    root = 7 if obj is not None else 6
    rows = [("As", "IN", "SCONJ", "as", "mark", 2), ("he", "PRP", "PRON", "he", "nsubj", 2),
            (verb[0], "VBD", "VERB", verb[1], "advcl", root)]
    if obj is not None:
        rows.append((*obj, obj_dep, 2))
    rows += [(",", ",", "PUNCT", ",", "punct", root), ("the", "DT", "DET", "the", "det", root - 1),
             ("talks", "NNS", "NOUN", "talk", "nsubj", root), ("failed", "VBD", "VERB", "fail", "ROOT", root),
             (".", ".", "PUNCT", ".", "punct", root)]
    words, tags, pos, lemmas, deps, heads = (list(col) for col in zip(*rows, strict=True))
    spaces = [words[i + 1] not in (",", ".") for i in range(len(words) - 1)] + [False]
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def _found(doc: Doc) -> list[tuple[str, str]]:
    return [(doc.text[slice(*a["cue"])], doc.text[slice(*a["content"])]) for a in find_attributions(doc, [], LEXICON)]


def test_an_as_aside_credits_the_sentence(bare_nlp):
    assert _found(_as_clause(bare_nlp, ("noted", "note"), None)) == [("noted", "the talks failed")]


def test_a_listener_keeps_the_aside(bare_nlp):
    assert _found(_as_clause(bare_nlp, ("told", "tell"), ("reporters", "NNS", "NOUN", "reporter"))) == [("told reporters", "the talks failed")]


def test_an_as_clause_saying_something_of_its_own_tells_when(bare_nlp):
    assert ("mentioned", "the talks failed") not in _found(_as_clause(bare_nlp, ("mentioned", "mention"), ("wage", "NN", "NOUN", "wage")))


def test_an_as_clause_whose_verb_links_a_predicate_tells_why(bare_nlp):
    doc = _as_clause(bare_nlp, ("proved", "prove"), ("incompetent", "JJ", "ADJ", "incompetent"), obj_dep="acomp")
    assert _found(doc) == []
    assert _found(_as_clause(bare_nlp, ("proved", "prove"), None)) != []  # "As he proved, the talks failed."
