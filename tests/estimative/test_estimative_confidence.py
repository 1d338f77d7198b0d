"""Confidence statements are kept apart from likelihood."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments


@pytest.mark.parametrize(
    ("text", "phrase", "level"),
    [
        ("We assess with high confidence that the strikes will continue.", "with high confidence", "high"),
        ("The institute assessed with moderate confidence that the unit had been withdrawn.", "with moderate confidence", "moderate"),
        ("The brigade has likely moved east (low confidence).", "low confidence", "low"),
        ("Analysts assess with medium confidence that stocks are running low.", "with medium confidence", "moderate"),
        ("We have low confidence in this judgment.", "low confidence", "low"),  # the writer's own, held
        ("We have high confidence that the regime will survive the year.", "high confidence", "high"),
    ],
)
def test_confidence_levels(bare_nlp, table, text, phrase, level):
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    (confidence,) = found.confidences
    assert text[confidence["phrase"][0] : confidence["phrase"][1]] == phrase
    assert confidence["level"] == level
    assert text[confidence["sentence"][0] : confidence["sentence"][1]] == text
    assert all("confidence" not in text[a["phrase"][0] : a["phrase"][1]] for a in found.assessments)


def test_confidence_names_its_assessor(bare_nlp, table):
    text = "The institute assessed with moderate confidence that the unit had been withdrawn."
    (confidence,) = find_assessments(bare_nlp(text), [], [], table, "icd203").confidences
    assert confidence["assessor"] == "institute"


def test_confidence_others_have_is_no_analytic_confidence(bare_nlp, table):
    """A report about someone's confidence states none of the writer's."""
    found = find_assessments(bare_nlp("Investors have low confidence in the economy."), [], [], table, "icd203")
    assert found.confidences == []
