"""A passive cue under a modal, or opened by "if", "until", "before" …, names a topic, not
something said ("the emails will not be disclosed", "if redundancies were announced"); the same
cue in a plain past tense still reports its subject."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _passive(bare_nlp, before: tuple[str, str, str, str] | None) -> Doc:
    """ "[<before>] the plan was announced by the ministry ." with ``before`` as (word, tag, pos,
    dep), hung on "announced"."""
    rows = [
        ("the", "DT", "DET", "det", 1), ("plan", "NN", "NOUN", "nsubjpass", 3), ("was", "VBD", "AUX", "auxpass", 3),
        ("announced", "VBN", "VERB", "ROOT", 3), ("by", "IN", "ADP", "agent", 3), ("the", "DT", "DET", "det", 6),
        ("ministry", "NN", "NOUN", "pobj", 4), (".", ".", "PUNCT", "punct", 3),
    ]
    if before is not None:
        rows = [(*before, 4), *((w, t, p, d, h + 1) for w, t, p, d, h in rows)]
    words, tags, pos, deps, heads = (list(c) for c in zip(*rows))
    lemmas = [{"was": "be", "announced": "announce"}.get(w, w.lower()) for w in words]
    return Doc(bare_nlp.vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False],
               tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def _contents(doc: Doc) -> list[str]:
    return [doc.text[slice(*a["content"])] for a in find_attributions(doc, [], LEXICON)]


def test_a_past_passive_reports_its_subject(bare_nlp):
    assert _contents(_passive(bare_nlp, None)) == ["the plan"]


def test_a_conditional_passive_reports_nothing(bare_nlp):
    assert _contents(_passive(bare_nlp, ("if", "IN", "SCONJ", "mark"))) == []


def test_a_passive_before_an_event_reports_nothing(bare_nlp):
    assert _contents(_passive(bare_nlp, ("until", "IN", "SCONJ", "mark"))) == []


def test_a_modal_passive_reports_nothing(rule_cue_content):
    assert rule_cue_content("The emails will not be disclosed as part of the release.") == []
