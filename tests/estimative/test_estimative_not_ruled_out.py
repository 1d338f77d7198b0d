""""Not out of the question" says what "cannot be ruled out" says: uncertain, negated, no band."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments


@pytest.mark.parametrize(
    ("text", "phrase", "proposition"),
    [
        ("A naval blockade is not out of the question.", "not out of the question", "A naval blockade"),
        ("It is not out of the question that the junta calls early elections.", "not out of the question",
         "the junta calls early elections"),
        ("Further rate cuts are not entirely out of the question.", "not entirely out of the question", "Further rate cuts"),
    ],
)
def test_not_out_of_the_question_cannot_be_ruled_out(bare_nlp, table, text, phrase, proposition):
    (record,) = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert text[slice(*record["phrase"])] == phrase
    assert (record["category"], record["canonical"], record["band"], record["negated"]) == (
        "uncertainty", "cannot rule out", None, True)
    assert text[slice(*record["proposition"])] == proposition


@pytest.mark.parametrize(
    "text",
    [
        "A ceasefire is out of the question.",  # ruled out: a plain statement
        "The question of funding is not out of reach.",
        "She answered the question without notes.",
    ],
)
def test_out_of_the_question_without_a_negation_is_no_estimate(bare_nlp, table, text):
    assert find_assessments(bare_nlp(text), [], [], table, "icd203").assessments == []


@pytest.mark.parametrize(
    ("text", "assessor", "proposition"),
    [
        ("A deal has been all but ruled out.", "author", "A deal"),
        ("The Fed all but ruled out a rate hike in March.", "Fed", "a rate hike in March"),
    ],
)
def test_all_but_ruled_out_is_the_mirror_of_all_but_certain(bare_nlp, table, text, assessor, proposition):
    (record,) = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert (text[slice(*record["phrase"])], record["category"], record["canonical"], record["band"], record["negated"]) == (
        "all but ruled out", "wep", "almost certainly not", "almost no chance", False)
    assert (record["assessor"], text[slice(*record["proposition"])]) == (assessor, proposition)


@pytest.mark.parametrize("text", ["They ruled out a deal.", "A deal was ruled out."])  # ruled out: a plain statement
def test_ruled_out_without_all_but_grades_nothing(bare_nlp, table, text):
    assert find_assessments(bare_nlp(text), [], [], table, "icd203").assessments == []
