"""One proposition, one assessment: stacked hedges, negation in the predicate, non-estimates."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments


def found(bare_nlp, table, text: str) -> list[dict]:
    return find_assessments(bare_nlp(text), [], [], table, "icd203").assessments


def test_stacked_modal_hedges_are_one_record_with_a_modifier(bare_nlp, table):
    text = "The talks could possibly resume next week."
    (record,) = found(bare_nlp, table, text)
    assert (text[record["phrase"][0] : record["phrase"][1]], record["modifiers"]) == ("could", ["possibly"])


def test_a_hedge_inside_a_likelihood_phrase_joins_it(bare_nlp, table):
    text = "There is a remote chance that the senator may be indicted."
    (record,) = found(bare_nlp, table, text)
    assert (text[record["phrase"][0] : record["phrase"][1]], record["band"]) == ("remote chance", "almost no chance")
    assert record["modifiers"] == ["may"]


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("Russia almost certainly does not want a war with NATO.", "almost no chance"),
        ("The regime probably does not want a war with its neighbours.", "unlikely"),
        ("Kim almost certainly has no intention of giving up his missiles.", "almost no chance"),
    ],
)
def test_negation_in_the_predicate_inverts_the_band_of_the_positive_proposition(bare_nlp, table, text, band):
    (record,) = found(bare_nlp, table, text)
    assert (record["band"], record["negated"]) == (band, True)


def test_a_reported_belief_has_two_assessors(bare_nlp, table):
    text = "Beijing probably believes that Washington will not intervene."
    records = found(bare_nlp, table, text)
    assert [(text[a["phrase"][0] : a["phrase"][1]], a["assessor"]) for a in records] == [
        ("probably", "author"), ("believes", "China")  # the capital holding a view is its government
    ]
    assert text[slice(*records[1]["assessor_mention"])] == "Beijing"


def test_a_self_reference_is_the_author(bare_nlp, table):
    text = "The IC assesses that the regime will survive."
    (record,) = found(bare_nlp, table, text)
    assert (record["category"], record["assessor"]) == ("assess-verb", "author")


def test_a_pronoun_holder_takes_the_main_subject_when_it_agrees(bare_nlp, table):
    text = "Tehran is arming groups that it believes will fight for it."
    records = [a for a in found(bare_nlp, table, text) if a["category"] == "assess-verb"]
    assert [a["assessor"] for a in records] == ["Iran"]  # "it" is Tehran, which stands for Iran


@pytest.mark.parametrize(
    "text",
    [
        "Pollsters interviewed 900 likely voters in Ohio.",  # a kind of voter
        "The incident could have been mistaken for a shootdown.",  # counterfactual
        "Surplus batteries could be donated to the coastal brigades.",  # an option
        "The plan may be cheap, but it leaves the flank open.",  # concessive
        "It is possible to infer their doctrine from their exercises.",  # feasibility
    ],
)
def test_uses_that_are_not_estimates(bare_nlp, table, text):
    assert found(bare_nlp, table, text) == []


def test_evidence_that_suggests_something_is_the_writers_inference(bare_nlp, table):
    text = "The scale of the campaign suggests that a state was involved."
    (record,) = found(bare_nlp, table, text)
    assert (record["category"], record["assessor"]) == ("assess-verb", "author")


@pytest.mark.parametrize(
    ("text", "proposition"),
    [
        # a bracketed number restates the phrase's odds: not the proposition, and never half of it
        ("A renewed offensive is likely (55-80%).", "A renewed offensive is likely"),
        ("A deal is unlikely [20-45%].", "A deal is unlikely"),
        ("The strike is very unlikely (5 to 20 percent).", "The strike is very unlikely"),
        # brackets stay whole: a far-off closing bracket cuts the aside off
        ("The mayor may campaign hard in [western Ohio] this spring.", "The mayor may campaign hard in [western Ohio] this spring"),
        ("The leak may hurt the minister (whose own record is spotless, aides insist, despite years of scrutiny).",
         "The leak may hurt the minister"),
        # a curly quotation left open runs on to its close; a far one stays open rather than lose the verb
        ("Trade talks will likely resume “within weeks.”", "Trade talks will likely resume “within weeks.”"),
        ("The envoy said the truce could “hold for as long as both armies are exhausted and unpaid.",
         "the truce could “hold for as long as both armies are exhausted and unpaid"),
    ],
)
def test_a_proposition_keeps_brackets_whole(bare_nlp, table, text: str, proposition: str) -> None:
    (record,) = found(bare_nlp, table, text)
    assert text[record["proposition"][0] : record["proposition"][1]] == proposition
