"""Hypothesis over analyze(): a few hundred hostile inputs on every run (issue 6)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from sayso.fuzzing import Tally, analyse_and_check, article_html, article_texts, check_invariants
from sayso.model import Analysis, Attribution, Passage, Span, Speaker

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# The refusal guard needs the same 40 inputs every run: Hypothesis mutates its earlier examples, so
# one refused page and its near-copies can fill half of a random run (seed 20 of the HTML strategy:
# 23 of 40 refused, as empty markup or not English), failing the guard about 1 run in 20 with
# nothing wrong. The invariants are still checked on fresh random inputs every run.
SAME_INPUTS = settings(FUZZ, derandomize=True, database=None)


@pytest.mark.parametrize("strategy", [article_texts, article_html], ids=["text", "html"])
def test_generated_input_keeps_invariants(nlp, strategy) -> None:
    @FUZZ
    @given(strategy())
    def run(data: str) -> None:
        analyse_and_check(data)

    run()


@pytest.mark.parametrize("strategy", [article_texts, article_html], ids=["text", "html"])
def test_generated_input_is_mostly_analysed(nlp, strategy) -> None:
    tally = Tally()

    @SAME_INPUTS
    @given(strategy())
    def run(data: str) -> None:
        tally.add(analyse_and_check(data))

    run()
    tally.check()  # refusing is allowed; refusing most inputs would leave the invariants unchecked


def test_a_run_that_refuses_most_inputs_fails() -> None:
    tally = Tally()
    for analysed in (True, False, False):
        tally.add(analysed)
    with pytest.raises(AssertionError, match="2 of 3 inputs were refused"):
        tally.check()


def test_a_refused_input_is_reported_as_refused(nlp) -> None:
    assert analyse_and_check("\x00\x01\x02 binary") is False
    assert analyse_and_check("The ministry said the bridge was closed.") is True


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


def _with_parts(text: str, content: tuple[int, int], parts: list[tuple[int, int]]) -> Analysis:
    attribution = Attribution(
        kind="direct",
        content=Span.of(text, *content),
        cue=None,
        speaker=Speaker(None, None),
        parts=tuple(Span.of(text, *p) for p in parts),
    )
    return Analysis(text=text, passages=(Passage(0, len(text), text, "author"),), attributions=(attribution,))


@pytest.mark.parametrize(
    "parts",
    [
        [(0, 4), (10, 10)],  # an empty part
        [(0, 4)],  # one part is no interruption
        [(10, 20), (0, 4)],  # out of order
        [(0, 4), (10, 40)],  # past the content
    ],
)
def test_checker_catches_broken_parts(parts) -> None:
    text = "“Late,” he said, “but we got the convoy through.”"
    with pytest.raises(AssertionError):
        check_invariants(_with_parts(text, (1, 36), parts))


def test_checker_accepts_well_formed_parts() -> None:
    text = "“Late,” he said, “but we got the convoy through.”"
    check_invariants(_with_parts(text, (1, 47), [(1, 5), (18, 47)]))
