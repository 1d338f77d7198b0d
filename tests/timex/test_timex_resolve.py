"""Date expressions resolve against the publication date, never today: one table per rule."""

from __future__ import annotations

from datetime import date

import pytest

from sayso.errors import InputError
from sayso.timex import parse_published, resolve

PUB = date(2022, 10, 11)  # a Tuesday

# (text, tense, value, granularity, relative, ambiguous)
CASES = [
    ("October 10", "past", "2022-10-10", "day", False, False),
    ("October 10", "present", "2022-10-10", "day", False, False),
    ("Oct. 3", "past", "2022-10-03", "day", False, False),
    ("10 October", "past", "2022-10-10", "day", False, False),
    ("October 20", "past", "2021-10-20", "day", False, False),
    ("October 20", "future", "2022-10-20", "day", False, False),
    ("October 20", "present", "2022-10-20", "day", False, False),
    ("December 28", "present", "2022-12-28", "day", False, False),
    ("March 3, 2014", "present", "2014-03-03", "day", False, False),
    ("Wednesday, October 12", "future", "2022-10-12", "day", False, False),
    ("February 30", "past", None, "day", False, False),
    ("February", "past", "2022-02", "month", False, False),
    ("February", "present", "2022-02", "month", False, False),
    ("November", "present", "2022-11", "month", False, False),
    ("November", "past", "2021-11", "month", False, False),
    ("last October", "present", "2021-10", "month", True, False),
    ("next February", "present", "2023-02", "month", True, False),
    ("June 2021", "present", "2021-06", "month", False, False),
    ("late September", "past", "2022-09-21/2022-09-30", "part_of_month", False, False),
    ("mid-September", "past", "2022-09-11/2022-09-20", "part_of_month", False, False),
    ("early March", "past", "2022-03-01/2022-03-10", "part_of_month", False, False),
    ("the end of February", "past", "2022-02-21/2022-02-28", "part_of_month", False, False),
    ("late February 2024", "present", "2024-02-21/2024-02-29", "part_of_month", False, False),
    ("late October", "future", "2022-10-21/2022-10-31", "part_of_month", False, False),
    ("Wednesday", "past", "2022-10-05", "day", True, False),
    ("Wednesday", "future", "2022-10-12", "day", True, False),
    ("Wednesday", "present", "2022-10-05", "day", True, True),
    ("Tuesday", "past", "2022-10-11", "day", True, False),
    ("last Tuesday", "present", "2022-10-04", "day", True, False),
    ("next Tuesday", "present", "2022-10-18", "day", True, False),
    ("Friday night", "future", "2022-10-14", "day", True, False),
    ("yesterday", "past", "2022-10-10", "day", True, False),
    ("tomorrow", "future", "2022-10-12", "day", True, False),
    ("two days ago", "past", "2022-10-09", "day", True, False),
    ("3 weeks ago", "past", "2022-W38", "week", True, False),
    ("six months ago", "past", "2022-04", "month", True, False),
    ("last week", "past", "2022-W40", "week", True, False),
    ("this week", "present", "2022-W41", "week", True, False),
    ("last weekend", "past", "2022-10-08/2022-10-09", "week", True, False),
    ("next month", "future", "2022-11", "month", True, False),
    ("earlier this month", "past", "2022-10", "month", True, False),
    ("last year", "past", "2021", "year", True, False),
    ("2020", "past", "2020", "year", False, False),
    ("2014-2022", "past", "2014/2022", "year", False, False),
    ("the 1990s", "past", "199", "decade", False, False),
    ("last summer", "past", "2022-06-01/2022-08-31", "season", True, False),
    ("next spring", "future", "2023-03-01/2023-05-31", "season", True, False),
    ("winter 2022", "present", "2022-12-01/2023-02-28", "season", False, True),
    ("two years", "past", None, "duration", False, False),
    ("its ninth month", "present", None, "duration", False, False),
    ("the past three weeks", "present", None, "duration", False, False),
    ("decades", "present", None, "duration", False, False),
    ("soon", "future", None, "unknown", True, False),
    ("Christmas", "present", None, "unknown", False, False),
]


@pytest.mark.parametrize(("text", "tense", "value", "granularity", "relative", "ambiguous"), CASES)
def test_resolve_against_publication(text, tense, value, granularity, relative, ambiguous):
    found = resolve(text, PUB, tense)
    assert found == {"value": value, "granularity": granularity, "relative": relative, "ambiguous": ambiguous}


@pytest.mark.parametrize(
    ("text", "granularity"),
    [("October 10", "day"), ("late September", "part_of_month"), ("Wednesday", "day"), ("February", "month"),
     ("yesterday", "day"), ("last week", "week"), ("two days ago", "day"), ("next summer", "season")],
)
def test_without_publication_date_nothing_is_guessed(text, granularity):
    found = resolve(text, None, "past")
    assert found["value"] is None
    assert found["granularity"] == granularity


@pytest.mark.parametrize(("text", "value"), [("October 10, 2022", "2022-10-10"), ("2020", "2020"), ("May 2019", "2019-05")])
def test_without_publication_date_explicit_years_still_resolve(text, value):
    assert resolve(text, None, "present")["value"] == value


@pytest.mark.parametrize("text", ["daily", "annual", "the 45-year-old", "weekly"])
def test_not_dates(text):
    assert resolve(text, PUB, "present") is None


def test_year_choice_wraps_around_new_year():
    assert resolve("January 3", date(2022, 12, 28), "future")["value"] == "2023-01-03"
    assert resolve("December 30", date(2023, 1, 2), "past")["value"] == "2022-12-30"


def test_dateparser_fallback_is_anchored_to_publication():
    assert resolve("8/10/2022", PUB, "past")["granularity"] == "day"
    assert resolve("8/10/2022", PUB, "past")["value"].startswith("2022-")


@pytest.mark.parametrize(("published", "day"), [("2022-10-11", date(2022, 10, 11)), ("2022-10-11T08:00:00Z", date(2022, 10, 11)), (None, None)])
def test_parse_published(published, day):
    assert parse_published(published) == day


def test_bad_published_date_names_the_value():
    with pytest.raises(InputError, match="11/10/2022"):
        parse_published("11/10/2022")
