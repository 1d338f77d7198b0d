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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There is no doubt that the ministry will appeal the ruling.",
         ("no doubt", "wep", "almost certain", False, "the ministry will appeal the ruling")),
        ("The regime will no doubt retaliate for the strike.",
         ("no doubt", "wep", "almost certain", False, "The regime will no doubt retaliate for the strike")),
        ("Without a doubt, the rebels will regroup over the winter.",
         ("Without a doubt", "wep", "almost certain", False, "Without a doubt, the rebels will regroup over the winter")),
        ("The regime will undoubtedly retaliate.", ("undoubtedly", "wep", "almost certain", False, "The regime will undoubtedly retaliate")),
        ("Russia will undoubtedly not accept the proposal.",
         ("undoubtedly not", "wep", "almost no chance", True, "Russia will undoubtedly not accept the proposal")),
        ("There is little doubt that the economy is slowing.", ("little doubt", "assess-verb", None, True, "the economy is slowing")),
    ],
)
def test_a_denied_doubt_states_certainty(records, text, expected):
    assert records(text) == [expected]


@pytest.mark.parametrize("text", ["There is no doubt about that.", "Sharpton left no doubt that he would endorse a candidate."])
def test_no_doubt_stressing_or_making_plain_is_no_estimate(records, text):
    assert records(text) == []


def test_a_denied_judgement_noun_is_negated(records):
    text = "There is no expectation that the talks will resume."
    assert records(text) == [("no expectation", "assess-verb", None, True, "the talks will resume")]


@pytest.mark.parametrize(
    "text", ["The striker missed a good chance to equalise.", "He got a good chance to speak with the minister.",
             "A good chance was missed in the first half."],
)
def test_a_chance_got_or_missed_is_an_opportunity(records, text):
    assert records(text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("The team has a good chance to win the title.", "good chance"), ("The opposition stands little chance of winning.", "little chance")],
)
def test_a_chance_had_or_stood_is_odds(records, text, phrase):
    assert [r[0] for r in records(text)] == [phrase]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A cut in March is more likely than not.", ("more likely than not", "wep", "likely", False, "A cut in March is more likely than not")),
        ("A deal is as likely as not.", ("as likely as not", "wep", "roughly even chance", False, "A deal is as likely as not")),
    ],
)
def test_the_not_a_comparison_is_made_with_negates_nothing(records, text, expected):
    assert records(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new rules are certain to be challenged in court.",
         ("certain", "wep", "almost certain", False, "The new rules are certain to be challenged in court")),
        ("A backlash is sure to follow.", ("sure", "wep", "almost certain", False, "A backlash is sure to follow")),
        ("It is certain that the talks will resume.", ("certain", "wep", "almost certain", False, "the talks will resume")),
        ("The deal seems certain to collapse.", ("seems certain", "wep", "almost certain", False, "The deal seems certain to collapse")),
    ],
)
def test_a_certain_predicate_is_graded_as_almost_certainly(records, text, expected):
    assert records(text) == [expected]


@pytest.mark.parametrize(
    "text", ["Make sure to vote on Tuesday.", "I'm sure he will come.", "A certain level of risk is acceptable.", "He was sure of himself."],
)
def test_certain_and_sure_outside_a_predicate_grade_nothing(records, text):
    assert records(text) == []


def test_not_certain_to_stays_uncertainty(records):
    (record,) = records("The candidate is not certain to win the primary.")
    assert record[1:4] == ("uncertainty", None, True)


@pytest.mark.parametrize(
    ("text", "proposition"),
    [
        ("Clinton is a safe bet to win the nomination.", "Clinton is a safe bet to win the nomination"),
        ("It's a safe bet that the Fed will raise rates.", "the Fed will raise rates"),
    ],
)
def test_a_safe_bet_on_a_proposition_is_likely(records, text, proposition):
    assert records(text) == [("safe bet", "wep", "likely", False, proposition)]


@pytest.mark.parametrize(
    "text",
    [
        "A plain black leotard is usually a safe bet.",  # a choice recommended
        "It's a safe bet to invest in gold.",  # advice
        "Gold is a safe bet to invest in.",
    ],
)
def test_a_safe_bet_recommending_a_choice_grades_nothing(records, text):
    assert records(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It's far-fetched that the senator will switch parties.",
         ("far-fetched", "wep", "unlikely", False, "the senator will switch parties")),
        ("That scenario seems far-fetched.", ("seems far-fetched", "wep", "unlikely", False, "That scenario seems far-fetched")),
        ("A deal now looks farfetched.", ("looks farfetched", "wep", "unlikely", False, "A deal now looks farfetched")),
        ("The race remains a toss-up.", ("remains a toss-up", "wep", "roughly even chance", False, "The race remains a toss-up")),
    ],
)
def test_far_fetched_as_a_predicate_is_unlikely(records, text, expected):
    assert records(text) == [expected]


def test_a_far_fetched_story_grades_nothing(records):
    assert records("He told a far-fetched story about the war.") == []
