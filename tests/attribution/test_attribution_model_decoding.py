"""The tagger's decoding: BIO runs, well-formed Viterbi paths, runs joined into reports."""

from __future__ import annotations

import numpy as np

from sayso.attribution import model as am

TEXT = "The minister said the talks would resume. Nothing else happened."


def _labels(tokens, roles: dict[str, str]) -> list[str]:
    """BIO labels from {token text: role}, each role one run."""
    labels, previous = [], None
    for t in tokens:
        role = roles.get(t.text)
        labels.append("O" if role is None else ("I-" if previous == role else "B-") + role)
        previous = role
    return labels


def test_runs_join_into_one_report(nlp):
    doc = nlp(TEXT)
    tokens = [t for t in doc if not t.is_space]
    roles = {"The": "source", "minister": "source", "said": "cue", "the": "content", "talks": "content",
             "would": "content", "resume": "content"}
    found = am.runs(tokens, _labels(tokens, roles))
    assert [r.role for r in found] == ["source", "cue", "content"]
    (cue, contents, source), = am.link(tokens, found)
    assert doc.text[tokens[cue.first].idx : tokens[cue.last].idx + len(tokens[cue.last])] == "said"
    assert source is not None and tokens[source.first].text == "The"
    assert len(contents) == 1


def test_content_without_a_cue_makes_no_report(nlp):
    doc = nlp(TEXT)
    tokens = [t for t in doc if not t.is_space]
    found = am.runs(tokens, _labels(tokens, {"Nothing": "content", "else": "content"}))
    assert am.link(tokens, found) == []


def test_viterbi_never_starts_a_run_with_inside():
    inside = am.LABELS.index("I-content")
    emissions = np.zeros((3, len(am.LABELS)), dtype=np.float32)
    emissions[:, inside] = 5.0  # the emissions alone would say I-content throughout
    path = am.viterbi(emissions, np.zeros((len(am.LABELS),) * 2, dtype=np.float32))
    assert am.LABELS[path[0]] == "B-content"
    assert [am.LABELS[i] for i in path[1:]] == ["I-content", "I-content"]


def test_kind_and_trim_follow_the_quotation_marks():
    text = "“We will win,” she said."
    assert am._kind(text[:15]) == "direct"
    assert text[slice(*am._trim(text, 0, 15))] == "We will win"
    assert am._kind("the talks would resume") == "indirect"
