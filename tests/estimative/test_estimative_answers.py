"""A verbless answer to a question ("Will she run? Probably not.") grades the question."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Would she win a primary? Probably not.", [("Probably not", "wep", "unlikely", True, "Would she win a primary")]),
        ("Could the governor survive a recall? Maybe.", [("Maybe", "modal", None, False, "Could the governor survive a recall")]),
        ("Will the talks resume? Possibly, if the envoy returns.",
         [("Possibly", "modal", None, False, "Will the talks resume")]),
    ],
)
def test_a_verbless_answer_grades_the_question(records, text, expected):
    assert records(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Could the governor survive a recall? Nobody in the capital seems sure.",  # an answer with a verb of its own
        "Could the governor survive a recall?",  # no answer
    ],
)
def test_no_answer_no_assessment_of_the_question(records, text):
    assert [r for r in records(text) if r[4] and r[4].startswith("Could")] == []
