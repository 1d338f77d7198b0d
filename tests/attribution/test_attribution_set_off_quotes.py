"""A quotation that a dash or colon sets off from the writer's words before it, with its cue after
it, is the speaker's own sentence: the content is the quotation, not the writer's clause round it.
Hand-written sentences, parsed by the full pipeline."""

from __future__ import annotations


def test_quote_after_a_dash_is_the_speakers_own(rule_cue_content):
    text = "Neither man liked the senator - \u201cBorn with a silver spoon in her mouth,\u201d Mr. Elkins said - but both voted."
    assert rule_cue_content(text) == [("direct-cue", "said", "Born with a silver spoon in her mouth")]


def test_quote_after_a_colon_is_the_speakers_own(rule_cue_content):
    text = "The official agreed, with a caveat: \u201cHe is one of the main instigators of the plan,\u201d the official said."
    assert ("direct-cue", "said", "He is one of the main instigators of the plan") in rule_cue_content(text)


def test_quote_inside_the_writers_clause_keeps_it(rule_cue_content):
    """No dash or colon: the quoted words finish the reported clause, which stays mixed."""
    text = (
        "Mr. Elkins said the senator was \u201cborn with a silver spoon in her mouth\u201d and could not win."
    )
    assert rule_cue_content(text) == [
        (
            "mixed-clause",
            "said",
            "the senator was \u201cborn with a silver spoon in her mouth\u201d and could not win",
        )
    ]
