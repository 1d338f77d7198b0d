"""Interviews: the person an opening says was interviewed, and which paragraphs ask the questions."""

from __future__ import annotations

import pytest

from sayso.identity.interviews import in_question, interviewed_name


@pytest.mark.parametrize(
    "opening",
    [
        "On Saturday, Wikinews interviewed Tina McKenzie, a former player.",
        "Wikinews spoke with Tina McKenzie about the season.",
        "Wikinews interviews former player Tina McKenzie Friday, January 3, 2014",
    ],
)
def test_the_name_after_the_interview_verb_is_the_interviewee(bare_nlp, opening) -> None:
    doc = bare_nlp(opening)
    assert interviewed_name(doc, opening, len(opening)) == "Tina McKenzie"


@pytest.mark.parametrize(
    "opening",
    [
        "Wikinews interviewed one of the owners of a New York City bar.",
        "Jack was interviewed by Wikinews on Monday.",
        "The team played in Melbourne on Saturday.",
    ],
)
def test_an_opening_that_names_no_interviewee_finds_none(bare_nlp, opening) -> None:
    doc = bare_nlp(opening)
    assert interviewed_name(doc, opening, len(opening)) is None


def test_a_question_is_a_paragraph_that_ends_in_a_question_mark() -> None:
    text = "Why did you start?\n\nI liked it. Who would not?\n\nIt was fun."
    assert in_question(text, text.index("you"))
    assert in_question(text, text.index("liked"))
    assert not in_question(text, text.index("fun"))
