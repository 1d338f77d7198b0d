"""Perception is a cue class of its own: "witnesses saw soldiers fire" credits what the witnesses
saw, labelled ``perception`` (never speech); a perception verb with a bare object ("heard
explosions") reports nothing, and a verb that is a speech or belief verb too keeps that class
unless what it reports is a bare event. Hand-written sentences, parsed by the English model."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


@pytest.fixture(scope="module")
def find(bare_nlp):
    def run(text: str) -> list[tuple[str, str, str | None, str]]:
        def at(span):
            return None if span is None else text[span[0] : span[1]]

        found = find_attributions(bare_nlp(text), [], LEXICON)
        return [(a["cue_class"], at(a["cue"]), at(a["speaker_mention"]), at(a["content"])) for a in found]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Witnesses saw soldiers fire on the crowd near the market.",
         ("perception", "saw", "Witnesses", "soldiers fire on the crowd near the market")),
        ("Two farmers watched the convoy cross the river at dawn.",
         ("perception", "watched", "Two farmers", "the convoy cross the river at dawn")),
        ("A nurse heard that the hospital would close in May.",
         ("perception", "heard", "A nurse", "that the hospital would close in May")),
        ("Journalists observed soldiers loading bodies onto trucks.",
         ("perception", "observed", "Journalists", "soldiers loading bodies onto trucks")),
    ],
)
def test_what_a_source_perceived_is_a_perception(find, text, expected):
    assert find(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Residents heard explosions near the airport overnight.",
        "He watched the debate on television with his friends.",
        "Officials noticed the error in the second count.",
        "The convoy was seen crossing the river at dawn.",  # seen by no one named: nobody's perception
    ],
)
def test_a_perception_without_a_clause_or_a_holder_is_nothing(find, text):
    assert find(text) == []


@pytest.mark.parametrize(
    ("text", "cue_class"),
    [
        ("The minister observed that exports had fallen sharply in the spring.", "speech"),
        ("Observers saw that ballot boxes had been stuffed before the count.", "belief"),
    ],
)
def test_a_fact_observed_or_seen_keeps_the_verb_s_other_class(find, text, cue_class):
    assert [c for c, *_ in find(text)] == [cue_class]


def test_a_perception_reported_in_speech_is_two_reports(find):
    found = find("A farmer said he saw soldiers burn the barn.")
    assert sorted(c for c, *_ in found) == ["perception", "speech"]
    assert ("perception", "saw", "he", "soldiers burn the barn") in found


def test_a_gerund_with_no_perceiver_of_its_own_is_nothing(find):
    text = "That should be enough to keep them at home after watching the army fall apart in the first week."
    assert find(text) == []
