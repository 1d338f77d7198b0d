"""Fixed likelihood phrases and "chances are X": graded as the words they stand for."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president will almost surely sign the bill.",
         ("almost surely", "wep", "almost certain", False, "The president will almost surely sign the bill")),
        ("In all likelihood, the talks will fail.", ("In all likelihood", "wep", "likely", False, "In all likelihood, the talks will fail")),
        ("The talks will in all probability not resume.",
         ("in all probability not", "wep", "unlikely", True, "The talks will in all probability not resume")),
        ("The race is a toss-up.", ("toss-up", "wep", "roughly even chance", False, "The race is a toss-up")),
        ("A second term is a near certainty.", ("near certainty", "wep", "almost certain", False, "A second term is a near certainty")),
        ("Chances are she will win the primary easily.", ("Chances are", "wep", "likely", False, "she will win the primary easily")),
        ("The odds are that the talks will fail.", ("The odds are", "wep", "likely", False, "the talks will fail")),
        ("Odds are, the governor runs again.", ("Odds are", "wep", "likely", False, "the governor runs again")),
        ("Chances are that she will not run again.", ("Chances are", "wep", "unlikely", True, "she will not run again")),
    ],
)
def test_phrase_is_graded(records, text, expected):
    assert records(text) == [expected]


def test_a_coin_flip_is_the_yardsticks_realistic_possibility(records):
    text = "It's a coin flip whether the strike ends before Christmas."
    assert [r[:3] for r in records(text, "phia")] == [("coin flip", "wep", "realistic possibility")]


@pytest.mark.parametrize(
    "text",
    [
        "The captains met for the coin toss before kick-off.",  # the thing, not the odds
        "The odds are against him.",  # a predicate
        "His chances are improving.",
        "The odds of a deal are long.",
    ],
)
def test_no_phrase_outside_its_likelihood_use(records, text):
    assert records(text) == []
