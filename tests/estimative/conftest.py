"""The probability table every estimative test reads, loaded once per module, and the records of what
the detector finds in a bare parse."""

from __future__ import annotations

import pytest

from sayso import calibration
from sayso.estimative import find_assessments


@pytest.fixture(scope="module")
def table() -> calibration.Table:
    return calibration.load_table()


@pytest.fixture
def records(bare_nlp, table):
    """``records(text, scale="icd203")``: (phrase, category, band, negated, proposition) of each
    assessment found in ``text``, with no attributions around it."""

    def find(text: str, scale: str = "icd203") -> list[tuple]:
        found = find_assessments(bare_nlp(text), [], [], table, scale)
        return [
            (text[a["phrase"][0] : a["phrase"][1]], a["category"], a["band"], a["negated"],
             text[a["proposition"][0] : a["proposition"][1]] if a["proposition"] else None)
            for a in found.assessments
        ]

    return find
