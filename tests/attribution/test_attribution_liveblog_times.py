"""A liveblog entry's posting time at the start of its line is not part of who speaks
("23:15 Opposition leader Sarah Lindqvist: …" is Sarah Lindqvist, role "Opposition leader")."""

from __future__ import annotations

import pytest

from sayso.attribution.mentions import past_clock

LIVEBLOG = (
    "Election night live\n\n"
    "23:15 Opposition leader Sarah Lindqvist: \u201cWhatever the final result, the country has voted for change.\u201d\n\n"
    "23:40 Analysts say the result is likely to be close in at least 40 marginal seats."
)


def test_an_entry_time_is_left_out_of_the_speaker(attributions_of) -> None:
    found = attributions_of(LIVEBLOG)
    assert [(LIVEBLOG[slice(*a["speaker_mention"])], a["speaker_role"]) for a in found] == [
        ("Opposition leader Sarah Lindqvist", "Opposition leader"),
        ("Analysts", "Analysts"),
    ]


@pytest.mark.parametrize(
    ("text", "begins", "start"),
    [
        ("23:15 Opposition leader", 0, 6),
        ("10.32am GMT \u2013 Analysts", 0, 14),
        ("0915 GMT: Analysts", 0, 10),
        ("Live\n12:01 Police", 5, 11),
        ("3.45 million Americans", 0, 0),  # a number, not a time
        ("2019 Nobel laureate Jane Roe", 0, 0),  # a year
        ("Hours later 23:15 police", 12, 12),  # a time inside the line
    ],
)
def test_only_a_time_that_opens_its_line_is_skipped(text: str, begins: int, start: int) -> None:
    assert past_clock(text, (begins, len(text))) == (start, len(text))
