"""Odds stated as the predicate of a likelihood noun: "the chances of X are slim"."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments

# (sentence, [(phrase, icd203 band, negated, proposition)])
CASES = [
    ("The chances of a deal before the summit are slim.", [("slim", "very unlikely", False, "a deal")]),
    ("The odds of a breakthrough in Geneva remain low.", [("remain low", "unlikely", False, "a breakthrough in Geneva")]),
    (
        "The prospect of the militia rebuilding its bases was remote.",
        [("remote", "almost no chance", False, "the militia rebuilding its bases")],
    ),
    (
        "The chance of the truce holding is roughly even at best.",
        [("roughly even", "roughly even chance", False, "the truce holding")],
    ),
    ("The risk of escalation is not high.", [("high", "unlikely", True, "escalation")]),
    # "remote" after a verb of seeming grades any subject
    ("A deal with the rebels looks remote.", [("looks remote", "almost no chance", False, "A deal with the rebels")]),
    (
        "The second scenario, in which the bloc intervenes, appears increasingly remote.",
        [("appears increasingly remote", "almost no chance", False, "The second scenario, in which the bloc intervenes")],
    ),
    # must find nothing: the same words outside a likelihood predicate
    ("The village sits on high ground and the road is remote.", []),
    ("Turnout in the eastern districts was low.", []),
    ("Food prices remain high.", []),
    ("The mountain village remains remote.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_estimative_odds_predicates(bare_nlp, table, text: str, expected) -> None:
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    got = []
    for r in found.assessments:
        phrase = text[r["phrase"][0] : r["phrase"][1]]
        proposition = text[r["proposition"][0] : r["proposition"][1]] if r["proposition"] else None
        got.append((phrase, r["band"], r["negated"], proposition))
    assert got == expected
