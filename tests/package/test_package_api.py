"""The top-level API: sayso.analyze, sayso.analyze_many, sayso.__version__ (issue 18)."""

from __future__ import annotations

import datetime as dt
from importlib.metadata import version

import pytest

import sayso

pytestmark = pytest.mark.issue(18)

TEXTS = [
    "The ministry said on Monday that an attack from the north was unlikely.",
    "<html><body><p>“We will respond,” said Peter, a spokesman, on Tuesday.</p></body></html>",
    "Officials assess that the bridge will very likely reopen next week.",
]


def test_version_is_the_installed_distribution():
    assert sayso.__version__ == version("sayso")
    assert "__version__" in sayso.__all__


@pytest.mark.parametrize("published", [dt.date(2022, 10, 11), dt.datetime(2022, 10, 11, 23, 59), "2022-10-11"])
def test_published_accepts_a_date_a_datetime_or_a_string(nlp, published):
    analysis = sayso.analyze("Officials said on Monday that the bridge was struck.", published=published)
    assert analysis.published == "2022-10-11"
    assert [d.value for d in analysis.dates] == ["2022-10-10"]


def test_published_of_another_type_is_an_input_error():
    with pytest.raises(sayso.InputError, match="published must be a date"):
        sayso.analyze("Officials said it.", published=20221011)


def test_analyze_many_matches_analyze_in_order(nlp):
    many = list(sayso.analyze_many(TEXTS, published=dt.date(2022, 10, 11)))
    one_by_one = [sayso.analyze(t, published="2022-10-11") for t in TEXTS]
    assert [a.to_json() for a in many] == [a.to_json() for a in one_by_one]


def test_analyze_many_with_two_processes(nlp):
    many = list(sayso.analyze_many(TEXTS, n_process=2))
    assert [a.text for a in many] == [sayso.analyze(t).text for t in TEXTS]


def test_analyze_many_names_the_text_it_cannot_read(nlp):
    with pytest.raises(sayso.InputError, match="text 1: "):
        list(sayso.analyze_many(["Officials said it was unlikely.", ""]))
    with pytest.raises(sayso.ConfigError, match="n_process"):
        sayso.analyze_many(TEXTS, n_process=0)
