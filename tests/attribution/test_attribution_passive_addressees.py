"""A passive cue's subject is what was said ("The meeting was reported by Politico"), but not when
the verb still has what was said or done after it: then the subject is whom it was said to or of
("voters were asked a series of questions", "the supporter was charged with assault")."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _passive(bare_nlp, subject: str, verb: str, lemma: str, rest: list[tuple[str, str, str, str, int]]) -> Doc:
    """ "The <subject> was <verb> <rest> ." with each of ``rest`` as (word, tag, pos, dep, head)."""
    words = ["The", subject, "was", verb, *(r[0] for r in rest), "."]
    return Doc(
        bare_nlp.vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False],
        tags=["DT", "NN", "VBD", "VBN", *(r[1] for r in rest), "."],
        pos=["DET", "NOUN", "AUX", "VERB", *(r[2] for r in rest), "PUNCT"],
        lemmas=["the", subject, "be", lemma, *(r[0].lower() for r in rest), "."],
        heads=[1, 3, 3, 3, *(r[4] for r in rest), 3],
        deps=["det", "nsubjpass", "auxpass", "ROOT", *(r[3] for r in rest), "punct"],
    )


def _contents(doc: Doc) -> list[str]:
    return [doc.text[slice(*a["content"])] for a in find_attributions(doc, [], LEXICON)]


def test_a_message_subject_is_what_was_reported(bare_nlp):
    doc = _passive(bare_nlp, "meeting", "reported", "report", [
        ("by", "IN", "ADP", "agent", 3), ("Politico", "NNP", "PROPN", "pobj", 4),
    ])
    assert _contents(doc) == ["The meeting"]


def test_a_subject_asked_a_question_is_the_one_asked(bare_nlp):
    doc = _passive(bare_nlp, "committee", "asked", "ask", [
        ("a", "DT", "DET", "det", 6), ("question", "NN", "NOUN", "dobj", 3),
    ])
    assert _contents(doc) == []


def test_a_subject_charged_with_a_crime_is_the_one_charged(bare_nlp):
    doc = _passive(bare_nlp, "supporter", "charged", "charge", [
        ("with", "IN", "ADP", "prep", 3), ("assault", "NN", "NOUN", "pobj", 4),
    ])
    assert _contents(doc) == []


def test_a_subject_informed_of_threats_is_the_one_informed(bare_nlp):
    doc = _passive(bare_nlp, "company", "informed", "inform", [
        ("of", "IN", "ADP", "prep", 3), ("threats", "NNS", "NOUN", "pobj", 4),
    ])
    assert _contents(doc) == []


def test_a_subject_briefed_or_warned_is_the_listener(bare_nlp):
    """"The president was briefed on the situation", "The council was warned by engineers": these
    verbs' objects are whom they speak to, so their passive subject is never what was said."""
    for verb, lemma in (("briefed", "brief"), ("warned", "warn"), ("informed", "inform")):
        doc = _passive(bare_nlp, "president", verb, lemma, [
            ("on", "IN", "ADP", "prep", 3), ("Monday", "NNP", "PROPN", "pobj", 4),
        ])
        assert _contents(doc) == []


def test_a_message_announced_on_a_day_is_still_what_was_said(bare_nlp):
    doc = _passive(bare_nlp, "decision", "announced", "announce", [
        ("on", "IN", "ADP", "prep", 3), ("Monday", "NNP", "PROPN", "pobj", 4),
    ])
    assert _contents(doc) == ["The decision"]
