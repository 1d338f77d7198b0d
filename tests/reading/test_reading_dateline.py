"""Publication date for plain text from a dateline in the first lines, never from the story."""

from __future__ import annotations

import pytest

from sayso.errors import InputError
from sayso.reading import find_dateline, read

BODY = (
    "The regional governor said on Monday that power had been restored to most homes after the "
    "overnight strikes, although water supplies remained patchy in the eastern districts."
)


@pytest.mark.parametrize(
    "head, expected",
    [
        ("October 11, 2022", "2022-10-11"),
        ("Oct. 11, 2022", "2022-10-11"),
        ("11 Oct 2022", "2022-10-11"),
        ("Published: 3 March 2023", "2023-03-03"),
        ("Posted on 2021-07-09 by the editors", "2021-07-09"),
        ("By Anna Novak | September 30, 2022 | 5 min read", "2022-09-30"),
        ("Updated: 12 May 2022\nPublished: 10 May 2022", "2022-05-10"),
        ("KYIV, Oct. 11, 2022 — " + BODY, "2022-10-11"),
        ("By Jane Doe, October 11, 2022", "2022-10-11"),
        ("October 11, 2022 at 9:40 am", "2022-10-11"),
    ],
)
def test_dateline_found(head, expected):
    assert find_dateline(f"{head}\n{BODY}") == expected


@pytest.mark.parametrize(
    "head",
    [
        "",
        "On October 10, 2022, troops crossed the river near the town and dug in on the far bank.",
        BODY + " The talks began on 5 February 2022 and collapsed within a week.",
        "February 30, 2022",  # not a calendar date
        "Troops arrived in 2022",
        "The attack began on Feb. 12, 2012.",
        "In an email dated Feb. 12, 2012 — seven months before the attack — the director asked for help.",
    ],
)
def test_no_dateline(head):
    assert find_dateline(f"{head}\n{BODY}") is None


def test_dateline_becomes_published_with_its_source():
    document = read(f"October 11, 2022\n{BODY}")
    assert (document.published, document.published_source) == ("2022-10-11", "dateline")


def test_published_option_wins_and_is_validated():
    document = read(f"October 11, 2022\n{BODY}", published="2022-10-12")
    assert (document.published, document.published_source) == ("2022-10-12", "option")
    assert read(BODY).published_source is None


@pytest.mark.parametrize("value", ["2022-13-01", "11/10/2022", "2022-02-30", "yesterday", "2022-1-5"])
def test_bad_published_option_is_refused(value):
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        read(BODY, published=value)
