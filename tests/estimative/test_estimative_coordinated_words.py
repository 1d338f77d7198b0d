"""A likelihood word joined to another adjective ("possible but unlikely", "remains possible but
improbable") is found as the first word is: the parse hangs it on the first, and it was lost."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments


def _found(bare_nlp, table, text: str) -> list[tuple[str, str | None, str]]:
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    return [(text[slice(*r["phrase"])], r["band"], r["category"]) for r in found.assessments]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A deal is possible but unlikely this year.",
         [("possible", None, "modal"), ("unlikely", "unlikely", "wep")]),
        ("A return to negotiations remains possible but improbable before the election.",
         [("remains possible", None, "modal"), ("improbable", "unlikely", "wep")]),
    ],
)
def test_the_second_of_two_joined_words_is_found(bare_nlp, table, text: str, expected) -> None:
    assert _found(bare_nlp, table, text) == expected


def test_a_plain_adjective_joined_to_a_likelihood_word_is_none(bare_nlp, table) -> None:
    assert _found(bare_nlp, table, "The plan is unlikely and expensive.") == [("unlikely", "unlikely", "wep")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is possible, though unlikely, that the general resigns.",
         [("possible", None, "the general resigns"), ("unlikely", "unlikely", "the general resigns")]),
        ("It was possible, though not likely, that the envoy would return.",
         [("possible", None, "the envoy would return"), ("not likely", "unlikely", "the envoy would return")]),
        # a condition, not a concession
        ("Pilgrims travel to the shrine once, if financially possible.", []),
    ],
)
def test_a_conceded_word_qualifies_the_clause_it_hangs_on(bare_nlp, table, text, expected):
    records = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert [(text[slice(*r["phrase"])], r["band"], text[slice(*r["proposition"])]) for r in records] == expected
