"""The GUM identity scorer counts one person or body however its names are spelled, and never two."""

from __future__ import annotations

import pytest

from sayso.evaluation.identity import same_person


@pytest.mark.parametrize(("predicted", "gold"), [
    ("Eastman", "Creswell Eastman"),
    ("Khaled Al-Maeena", "Khaled Al Maeena"),
    ("KCNA", "Korean Central News Agency"),
    ("John Baird", "John_Baird_%28Canadian_politician%29"),
    (None, None),
])
def test_same_person_across_spellings(predicted, gold) -> None:
    assert same_person(predicted, gold)


@pytest.mark.parametrize(("predicted", "gold"), [
    ("Ivanka Trump", "Donald Trump"),
    ("KCN", "Korean Central News Agency"),
    ("Kcna", "Korean Central News Agency"),
    ("Noam Chomsky", None),
    (None, "Noam Chomsky"),
])
def test_different_people_are_not_the_same(predicted, gold) -> None:
    assert not same_person(predicted, gold)
