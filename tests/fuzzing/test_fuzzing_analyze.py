"""Hypothesis over analyze(): a few hundred hostile inputs on every run (issue 6)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from sayso.fuzzing import analyse_and_check, article_html, article_texts, check_invariants
from sayso.model import Analysis, Passage, Span

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(article_texts())
def test_text_keeps_invariants(nlp, text: str) -> None:
    analyse_and_check(text)


@FUZZ
@given(article_html())
def test_html_keeps_invariants(nlp, html: str) -> None:
    analyse_and_check(html)


@pytest.mark.parametrize(
    "text",
    [
        "„Das ist falsch“, sagte er. He said «this is wrong» and ‹that› too.",
        "“Never closed. " * 50,
        "\u200b\u200bThe ministry\u200d said\u202e it was unlikely.\ufeff",
        "He said: \"one \"two\" three\" and ’quoted’ ‘nested “deep” end’.",
    ],
)
def test_known_awkward_inputs(nlp, text: str) -> None:
    analyse_and_check(text)


def test_checker_catches_drifted_spans() -> None:
    text = "Officials said it was unlikely."
    bad = Analysis(text=text, passages=(Passage(0, len(text), text, "author"),), boilerplate=(Span(0, 3, "Off"),))
    with pytest.raises(AssertionError):
        check_invariants(bad)
    overlapping = Analysis(text=text, passages=(Passage(0, 10, text[:10], "author"), Passage(5, len(text), text[5:], "author")))
    with pytest.raises(AssertionError):
        check_invariants(overlapping)
