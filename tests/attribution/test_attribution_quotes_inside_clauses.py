"""A quotation that finishes a reported clause makes the clause the content, however few of the
clause's words stand outside the marks ("said that “…”", "says Jones “…”"); a listener set off by a
comma before the quotation stays out of it. Hand-written sentences, parsed by the full pipeline."""

from __future__ import annotations


def test_that_before_a_quotation_opens_the_content(rule_cue_content):
    text = "The harbour master said that \u201cthe ferry will sail again in the spring.\u201d"
    assert rule_cue_content(text) == [
        ("mixed-clause", "said", "that \u201cthe ferry will sail again in the spring.\u201d")
    ]


def test_subject_before_a_quotation_opens_the_content(rule_cue_content):
    text = "The harbour master says Jones \u201chas never run a tighter ship.\u201d"
    assert rule_cue_content(text) == [
        ("mixed-clause", "says", "Jones \u201chas never run a tighter ship.\u201d")
    ]


def test_clause_before_a_quotation_with_its_cue_after(rule_cue_content):
    text = "It is \u201crunning late again because of the storm,\u201d the harbour master warned."
    assert rule_cue_content(text) == [
        ("mixed-clause", "warned", "It is \u201crunning late again because of the storm,\u201d")
    ]


def test_listener_set_off_by_a_comma_stays_out(rule_cue_content):
    text = "The harbour master told the crew, \u201cNobody leaves the ship tonight.\u201d"
    assert rule_cue_content(text) == [("direct-cue", "told", "Nobody leaves the ship tonight.")]
