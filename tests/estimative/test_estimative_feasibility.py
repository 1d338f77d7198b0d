""""possible" saying what can be, not what may be true: no assessment; the hedge itself stays."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments


def phrases(bare_nlp, table, text: str) -> list[tuple[str, str]]:
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    return [(text[a["phrase"][0] : a["phrase"][1]], a["category"]) for a in found.assessments]


@pytest.mark.parametrize(
    "text",
    [
        "The envoy arrived at the worst possible moment for the talks.",  # a superlative's range
        "The campaign drew the largest audience possible.",
        "The ministry will use every possible resource to restore power.",  # a quantifier's range
        "They sought any means possible to stay in office.",
        "The ceasefire made the prisoner exchange possible.",  # causative: what enabled it
        "The rescue was made possible by a break in the weather.",
        "It is possible to infer the route from the satellite images.",
    ],
)
def test_possible_as_what_can_be_is_no_assessment(bare_nlp, table, text):
    assert phrases(bare_nlp, table, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is possible that the envoy will arrive tomorrow.", [("possible", "modal")]),
        ("A possible successor is the defence minister.", [("possible", "modal")]),
        ("A deal is possible before the summit.", [("possible", "modal")]),
    ],
)
def test_possible_as_a_hedge_stays(bare_nlp, table, text, expected):
    assert phrases(bare_nlp, table, text) == expected
