"""Negation in scope of a likelihood word: the phrase takes the negation in, the band describes
the proposition stated positively."""

from __future__ import annotations

import pytest

from sayso import calibration
from sayso.estimative import find_assessments


@pytest.fixture(scope="module")
def table() -> calibration.Table:
    return calibration.load_table()


def found(bare_nlp, table, text: str) -> list[tuple[str, str | None, bool]]:
    records = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    return [(text[r["phrase"][0] : r["phrase"][1]], r["band"], r["negated"]) for r in records]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels are no longer likely to take the port.", [("no longer likely", "unlikely", True)]),
        ("It is no longer possible that the vote happens in May.", [("no longer possible", None, True)]),
        ("Iran may no longer be able to resist the pressure.", [("may no longer", None, True)]),
        ("The rebels are not likely to take the port.", [("not likely", "unlikely", True)]),
        # must not negate: "longer" as a comparison, "no" elsewhere in the clause
        ("The war is likely to last longer than the winter.", [("likely", "likely", False)]),
        ("The talks are likely to bring no result.", [("likely", "likely", False)]),
    ],
)
def test_no_longer_negates_the_phrase(bare_nlp, table, text: str, expected) -> None:
    assert found(bare_nlp, table, text) == expected
