"""An attributive likelihood word grades its noun's likelihood, unless it describes the noun."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments


def phrases(bare_nlp, table, text: str) -> list[tuple[str, str | None]]:
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    return [(text[a["phrase"][0] : a["phrase"][1]], a["band"]) for a in found.assessments]


@pytest.mark.parametrize(
    "text",
    [
        "An unlikely alliance formed between the two rival militias.",  # a surprise, not a likelihood
        "His improbable rise surprised the party's old guard.",
        "The unlikely hero of the match was the reserve goalkeeper.",
        "The likely voter screens are doing a lot of work in these polls.",  # a kind of voter
        "The police had probable cause to search the car.",  # the legal term
    ],
)
def test_a_describing_word_is_no_assessment(bare_nlp, table, text):
    assert phrases(bare_nlp, table, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the unlikely event of a strike, flights will be cancelled.", [("unlikely", "unlikely")]),
        ("An improbable scenario would see the regime collapse within weeks.", [("improbable", "unlikely")]),
        ("Investigators named the probable cause of the crash.", [("probable", "likely")]),
        ("The likely successor is the defence minister.", [("likely", "likely")]),
        ("Several factors make a surge to first place unlikely.", [("unlikely", "unlikely")]),  # a predicate
    ],
)
def test_a_grading_word_stays(bare_nlp, table, text, expected):
    assert phrases(bare_nlp, table, text) == expected
