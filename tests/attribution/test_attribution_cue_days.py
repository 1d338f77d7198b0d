"""A day between a cue and a that-less clause's subject says when it was said, not what ("said on
Friday it had verified 1,400 deaths"), though the parser hangs it on the clause; after "that", or
when it is no date, it is the clause's own."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _said(bare_nlp, middle: list[tuple[str, str, str, int, str, str]]) -> Doc:
    """ "Officials said <middle> the talks had failed ." with ``middle`` as (word, tag, pos, head,
    dep, entity) rows, heads absolute; the clause's verb is the last word but one."""
    n = len(middle)
    failed = 5 + n
    rows = [
        ("Officials", "NNS", "NOUN", 1, "nsubj", "O"),
        ("said", "VBD", "VERB", 1, "ROOT", "O"),
        *middle,
        ("the", "DT", "DET", 3 + n, "det", "O"),
        ("talks", "NNS", "NOUN", failed, "nsubj", "O"),
        ("had", "VBD", "AUX", failed, "aux", "O"),
        ("failed", "VBN", "VERB", 1, "ccomp", "O"),
        (".", ".", "PUNCT", 1, "punct", "O"),
    ]
    words, tags, pos, heads, deps, ents = (list(c) for c in zip(*rows))
    return Doc(bare_nlp.vocab, words=words, spaces=[w != rows[-2][0] for w in words[:-1]] + [False],
               tags=tags, pos=pos, lemmas=[{"said": "say", "failed": "fail", "had": "have"}.get(w, w.lower()) for w in words], heads=heads, deps=deps, ents=ents)


def _contents(doc: Doc) -> list[str]:
    return [doc.text[slice(*a["content"])] for a in find_attributions(doc, [], LEXICON)]


def test_a_bare_day_after_the_cue_is_left_out(bare_nlp):
    doc = _said(bare_nlp, [("Monday", "NNP", "PROPN", 6, "npadvmod", "B-DATE")])
    assert _contents(doc) == ["the talks had failed"]


def test_a_day_with_its_preposition_is_left_out(bare_nlp):
    doc = _said(bare_nlp, [("on", "IN", "ADP", 7, "prep", "O"), ("Friday", "NNP", "PROPN", 2, "pobj", "B-DATE")])
    assert _contents(doc) == ["the talks had failed"]


def test_a_phrase_that_is_no_date_stays_the_clauses(bare_nlp):
    doc = _said(bare_nlp, [("in", "IN", "ADP", 7, "prep", "O"), ("Geneva", "NNP", "PROPN", 2, "pobj", "B-GPE")])
    assert _contents(doc) == ["in Geneva the talks had failed"]


def test_a_day_after_that_is_the_clauses(rule_cue_content):
    found = rule_cue_content("The ministry said that on Tuesday its troops had taken the village.")
    assert [content for _, cue, content in found if cue == "said"] == ["that on Tuesday its troops had taken the village"]


def test_a_wire_report_of_the_day(rule_cue_content):
    found = rule_cue_content("The UN human rights office said on Friday it had verified at least 1,400 civilian deaths.")
    assert [content for _, cue, content in found if cue == "said"] == ["it had verified at least 1,400 civilian deaths"]
