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
    tokens = am.Tokens(doc)
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
    tokens = am.Tokens(doc)
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


def test_content_joins_the_cue_the_parse_hangs_it_on_not_the_nearest(nlp):
    doc = nlp("Officials said that the plan, which critics questioned, would work.")
    tokens = am.Tokens(doc)
    found = am.runs(tokens, _labels(tokens, {"said": "cue", "questioned": "cue", "would": "content", "work": "content"}))
    (cue, contents, _), = am.link(tokens, found)
    assert tokens[cue.first].text == "said"  # "questioned" is two tokens nearer
    assert [tokens[c.first].text for c in contents] == ["would"]


def test_the_rules_report_a_content_overlaps_decides_its_cue(nlp):
    doc = nlp("Officials said that the plan, which critics questioned, would work.")
    tokens = am.Tokens(doc)
    found = am.runs(tokens, _labels(tokens, {"said": "cue", "questioned": "cue", "would": "content", "work": "content"}))
    content, cue_at = doc.text.index("would work"), doc.text.index("questioned")
    rules = [{"kind": "indirect", "content": (content, content + 10), "cue": (cue_at, cue_at + 10)}]
    (cue, _, _), = am.link(tokens, found, rules)
    assert tokens[cue.first].text == "questioned"


def _report(content, cue=None, kind="indirect"):
    return {"kind": kind, "content": content, "parts": (), "cue": cue}


def test_untagged_rules_reports_are_kept_and_redrawn_ones_are_not():
    tagged = [_report((20, 60), (10, 14))]
    redrawn = _report((16, 58), (10, 14))  # same cue: the tagger drew it
    missed = _report((80, 120), (70, 75))  # the tagger found neither cue nor content
    quotation = _report((130, 170), None, "direct")  # a running-speaker quotation has no cue
    clashing = _report((30, 50), (62, 66))  # its content is a tagged report's, its cue outside it
    nested = _report((40, 55), (30, 36))  # "X said Y believes Z": its cue inside the tagged content
    kept = am._untagged([redrawn, missed, quotation, clashing, nested], tagged)
    assert kept == [missed, quotation, nested]


def test_a_stretch_of_a_rules_report_whose_cue_was_not_tagged_joins_no_other_cue(nlp):
    doc = nlp("Officials said that the plan, which critics questioned, would work.")
    tokens = am.Tokens(doc)
    found = am.runs(tokens, _labels(tokens, {"said": "cue", "would": "content", "work": "content"}))
    content, cue_at = doc.text.index("would work"), doc.text.index("questioned")
    rules = [{"kind": "indirect", "content": (content, content + 10), "cue": (cue_at, cue_at + 10)}]
    assert am.link(tokens, found, rules) == []  # the rules' report keeps the stretch; "said" has no content


def test_a_stray_run_from_the_sentence_before_leaves_a_hybrid_report(nlp):
    doc = nlp("The plan failed. Officials said the talks would resume.")
    tokens = am.Tokens(doc)
    roles = {"plan": "content", "failed": "content", "said": "cue", "talks": "content", "would": "content",
             "resume": "content"}
    found = am.runs(tokens, _labels(tokens, roles))
    (cue, contents, _), = am.link(tokens, found)
    assert len(contents) == 2  # the nearest-cue fallback reaches the sentence before
    start, cue_at = doc.text.index("the talks"), doc.text.index("said")
    report = {"kind": "indirect", "content": (start, start + len("the talks would resume")), "parts": (),
              "cue": (cue_at, cue_at + 4)}
    kept = am._without_strays(tokens, contents, report, [report])
    assert [tokens[c.first].text for c in kept] == ["talks"]
    elsewhere = {**report, "content": (0, len("The plan"))}  # the rules hold the first stretch too
    assert am._without_strays(tokens, contents, report, [report, elsewhere]) == contents
    unrelated = {**report, "content": (cue_at - 10, cue_at - 1)}  # "Officials": no run in it, all stay
    assert am._without_strays(tokens, contents, unrelated, [unrelated]) == contents
