"""Every assessment says what it is; only the phrases a scale defines get a number from it."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments


def records(bare_nlp, table, text: str, scale: str = "icd203") -> list[tuple[str, str, str | None]]:
    found = find_assessments(bare_nlp(text), [], [], table, scale)
    return [(text[a["phrase"][0] : a["phrase"][1]], a["category"], a["band"]) for a in found.assessments]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The offensive will likely stall by March.", [("likely", "wep", "likely")]),
        ("The offensive may stall by March.", [("may", "modal", None)]),
        ("Perhaps the offensive will stall by March.", [("Perhaps", "modal", None)]),
        ("We assess that the offensive will stall by March.", [("We assess", "assess-verb", None)]),
        ("It is unclear whether the offensive will stall.", [("It is unclear", "uncertainty", None)]),
        ("A stall is more likely after the thaw.", [("more likely", "comparative", None)]),
        ("Analysts cannot rule out a stall.", [("cannot rule out", "uncertainty", None)]),
    ],
)
@pytest.mark.parametrize("scale", ["icd203", "phia", "nato"])
def test_standard_scales_give_a_band_to_likelihood_words_only(bare_nlp, table, text, expected, scale):
    got = records(bare_nlp, table, text, scale)
    assert [(phrase, category) for phrase, category, _ in got] == [(p, c) for p, c, _ in expected]
    assert [band is not None for _, category, band in got] == [category == "wep" for _, category, _ in got]


def test_readers_scale_gives_surveyed_modals_their_survey_range(bare_nlp, table):
    found = find_assessments(bare_nlp("The offensive may stall by March."), [], [], table, "readers")
    (record,) = found.assessments
    entry = table.lookup("may", "readers")
    assert entry.surveyed
    assert (record["category"], record["band"], record["probability"]) == ("modal", entry.band, entry.probability())


def test_readers_scale_gives_no_number_to_what_no_survey_asked(bare_nlp, table):
    found = find_assessments(bare_nlp("It is unclear whether the offensive will stall."), [], [], table, "readers")
    assert [(a["category"], a["band"], a["probability"]) for a in found.assessments] == [("uncertainty", None, None)]


def test_confidence_level_attaches_to_its_judgement(bare_nlp, table):
    text = "We assess with moderate confidence that the junta will probably survive the year."
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    assert [(text[a["phrase"][0] : a["phrase"][1]], a["confidence"]) for a in found.assessments] == [
        ("We assess", "moderate"), ("probably", None)
    ]
    assert [c["level"] for c in found.confidences] == ["moderate"]
