""""The company", "the group": a kind of body names the body a subject named just before, as "it"
does; with no body named as a subject nearby, it stays unnamed."""

from __future__ import annotations

from sayso import analyze


def _names(text: str) -> list[tuple[str, str | None]]:
    return [(a.speaker.mention.text, a.speaker.name) for a in analyze(text).attributions if a.speaker.mention]


def test_the_company_is_the_company_just_named(nlp) -> None:
    text = (
        "Northwind Corp. said on Thursday that it would cut 1,200 jobs.\n\n"
        "The company said the cuts would save $150 million a year."
    )
    assert _names(text) == [("Northwind Corp.", "Northwind Corp."), ("The company", "Northwind Corp.")]


def test_the_company_with_no_body_named_nearby_stays_unnamed(nlp) -> None:
    text = (
        "Shares of carmakers fell sharply on Thursday.\n\n"
        "The company said the cuts would save $150 million a year."
    )
    assert _names(text) == [("The company", None)]


def test_the_government_is_not_the_body_just_named(nlp) -> None:
    text = (
        "The Coalition for Unity and Democracy said it had won 137 of the 138 seats.\n\n"
        "The government said the count was not complete."
    )
    (_, body), last = _names(text)
    assert body is not None and last == ("The government", None)
