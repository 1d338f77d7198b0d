"""Modal hedges that are not estimative: past ability, wishes, time clauses, questions."""

from __future__ import annotations

import pytest

from sayso import analyze
from sayso.estimative import find_assessments


def phrases(bare_nlp, table, text: str) -> list[str]:
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    for record in found.assessments:
        assert 0 <= record["phrase"][0] < record["phrase"][1] <= len(text)
    return [text[r["phrase"][0] : r["phrase"][1]] for r in found.assessments]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hedges that stay
        ("Russia could launch a new offensive in the spring.", ["could"]),
        ("Officials said the strikes could continue for weeks.", ["could"]),
        ("Last week officials said the strikes could continue for weeks.", ["could"]),
        ("Why would Tehran risk it? It could lose its last proxy.", ["could"]),
        ("Moscow is studying how the elections could change Western support.", []),  # an indirect question
        # must find nothing: past ability, wishes, time clauses, questions
        ("When the dam broke, residents could only watch as the water rose.", []),
        ("Last year the army could barely recruit enough men.", []),
        ("Three years ago the brigade could field 40 tanks.", []),
        ("The convoy reached the bridge on Tuesday but could go no further.", []),
        ("Many residents wish they could go home before the winter.", []),
        ("Kyiv wishes it might strike the depots directly.", []),
        ("The governor stayed silent in March when his support might have mattered most.", []),
        ("Could the militia have planned the ambush all along?[4]", []),
        ("“Might the truce hold through Ramadan?”", []),
    ],
)
def test_estimative_modal_hedges(bare_nlp, table, text: str, expected: list[str]) -> None:
    assert phrases(bare_nlp, table, text) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2024-03-01", []), ("2010-03-01", ["could"]), (None, ["could"])],
)
def test_estimative_could_before_the_publication_year_is_past_ability(published, expected) -> None:
    text = "In 2014 the separatists could move freely across the border."
    analysis = analyze(text, published=published)
    assert [a.phrase.text for a in analysis.assessments] == expected


def test_a_past_year_that_dates_a_noun_does_not_make_could_past_ability() -> None:
    text = "Rising prices could trigger protests like those of late 2019."
    assert [a.phrase.text for a in analyze(text, published="2024-02-01").assessments] == ["could"]


@pytest.mark.parametrize("text", ["May God bless the United States of America.", "And may the Force be with you.", "Long may it continue."])
def test_a_may_before_its_subject_is_a_wish(bare_nlp, table, text):
    assert find_assessments(bare_nlp(text), [], [], table, "icd203").assessments == []


def test_a_may_after_its_subject_hedges(bare_nlp, table):
    (record,) = find_assessments(bare_nlp("Prices may rise next year."), [], [], table, "icd203").assessments
    assert record["category"] == "modal"


@pytest.mark.parametrize(
    "text", ["Had their arguments prevailed sooner, the recovery might have been far less sluggish.",
             "If the army had moved faster, it could have taken the city."],
)
def test_a_modal_perfect_under_a_past_perfect_condition_is_counterfactual(bare_nlp, table, text):
    assert find_assessments(bare_nlp(text), [], [], table, "icd203").assessments == []


def test_a_modal_perfect_without_such_a_condition_hedges_the_past(bare_nlp, table):
    (record,) = find_assessments(bare_nlp("The attack might have been planned in advance."), [], [], table, "icd203").assessments
    assert record["category"] == "modal"
