"""Footnote markers are found with the sentence they support; editorial brackets are not markers."""

from __future__ import annotations

import pytest

from sayso.citations import find_citations

# (text, [(marker text, marker, supported sentence)])
FOUND = [
    (
        "The brigade did not disclose its losses.[14] Local officials confirmed the strike.",
        [("[14]", "14", "The brigade did not disclose its losses.[14]")],
    ),
    (
        "The brigade did not disclose its losses. [3] Local officials confirmed the strike.",
        [("[3]", "3", "The brigade did not disclose its losses. [3]")],
    ),
    (
        "Analysts expect a winter offensive from the north[7] although supply lines remain thin.",
        [("[7]", "7", "Analysts expect a winter offensive from the north[7] although supply lines remain thin.")],
    ),
    (
        "Satellite images show new trenches near the border.[21][22] The ministry denied it.",
        [
            ("[21]", "21", "Satellite images show new trenches near the border.[21][22]"),
            ("[22]", "22", "Satellite images show new trenches near the border.[21][22]"),
        ],
    ),
    (
        "Shelling damaged two power plants [4, 5] and a dam.",
        [("[4, 5]", "4,5", "Shelling damaged two power plants [4, 5] and a dam.")],
    ),
    (
        "Grain exports fell by a third in the spring.[8–10]",
        [("[8–10]", "8,9,10", "Grain exports fell by a third in the spring.[8–10]")],
    ),
    (
        "The ceasefire collapsed within hours.[a] Both sides blamed each other.",
        [("[a]", "a", "The ceasefire collapsed within hours.[a]")],
    ),
]

NOTHING = [
    "The spokesman said the army \u201cwill not retreat [sic] from the city.\u201d",
    "\u201cWe will respond [\u2026] with all means,\u201d the minister said.",
    "\u201cThey [the ministry] have not answered our letters,\u201d she said.",
    "\u201c[T]he situation is stable,\u201d the governor said.",
    "He said the agreement \u201c[a]pplies to all ports.\u201d",
    "The report covers the years [2014\u20132022] in detail.",
    "A list of sources follows.\n[1] Ministry of Defence, daily briefing.",
    "Troops entered the town on Monday.",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_marker_with_its_sentence(bare_nlp, text, expected):
    doc = bare_nlp(text)
    found = find_citations(doc)
    got = [(text[c["start"] : c["end"]], c["marker"], text[c["sentence"][0] : c["sentence"][1]]) for c in found]
    assert got == expected


@pytest.mark.parametrize("text", NOTHING)
def test_editorial_brackets_are_not_markers(bare_nlp, text):
    assert find_citations(bare_nlp(text)) == []


def test_marker_after_period_closes_sentence_the_parser_ran_on(bare_nlp):
    text = "The governor said shelling resumed on October 8.[15] Residents fled to the west on foot."
    doc = bare_nlp(text)
    (citation,) = find_citations(doc)
    start, end = citation["sentence"]
    assert text[start:end] == "The governor said shelling resumed on October 8.[15]"


def test_each_marker_of_a_list(bare_nlp):
    doc = bare_nlp("The convoy was hit twice.[3, 4; 9]")
    (citation,) = find_citations(doc)
    assert citation["markers"] == ["3", "4", "9"]
    assert citation["marker"] == "3,4,9"
