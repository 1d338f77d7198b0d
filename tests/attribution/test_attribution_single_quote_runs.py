"""British style quotes a speaker over several paragraphs with straight single marks: each
paragraph opens with a mark and only the last one closes. An unclosed single mark (an apostrophe
as often as not) runs on only where the next paragraph opens with the mark again."""

from __future__ import annotations

import pytest

from sayso.attribution import find_quotes, load_reporting_verbs

PAIRS = load_reporting_verbs()["quote_marks"]["pairs"]


def _inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text, PAIRS)]


def test_a_quotation_over_three_paragraphs_is_one():
    text = (
        "'My father rowed before me,' he says. 'When I started, there were eleven families. Now there are three.\n\n"
        "'People ask me why I don't retire. Who'd bring the post?\n\n"
        "'Not while I can still pull an oar.'\n\nThe council declined to comment."
    )
    assert _inner(text) == [
        "My father rowed before me",
        "When I started, there were eleven families. Now there are three.\n\n"
        "'People ask me why I don't retire. Who'd bring the post?\n\n"
        "'Not while I can still pull an oar.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He still loves the music of the 'Eighties and plays it loud.\n\nLater it rained.",  # no mark opens the next
        "The band's 'best years are behind it.\n\n'Nobody listens now,' he said.",  # lower case after the mark
    ],
)
def test_an_unclosed_single_mark_runs_on_only_into_a_continued_quotation(text):
    assert "\n" not in "".join(_inner(text))


def test_the_running_speaker_speaks_every_paragraph(attributions_of):
    text = (
        "Hamish Reid has rowed the same two miles of water for forty years.\n\n"
        "'My father did it before me,' he says. 'When I started, there were eleven families.\n\n"
        "'People ask me why I don't retire.\n\n"
        "'Not while I can still pull an oar.'"
    )
    (record,) = [a for a in attributions_of(text) if a["kind"] == "direct"]
    assert text[slice(*record["speaker_mention"])] == "he"
    assert [text[slice(*p)] for p in record["parts"]][-1] == "Not while I can still pull an oar."
