"""A quotation left open at a paragraph's end that closes in the next paragraph without opening it
again (some outlets drop the continuation's opening mark) is one quotation across both."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, find_quotes, load_reporting_verbs

LEXICON = load_reporting_verbs()
PAIRS = LEXICON["quote_marks"]["pairs"]


@pytest.mark.parametrize(
    "text",
    [
        'The captain said, "We started well.\n\nWe could have scored three goals before the break."\n\nThe match ended.',
        "The captain said, “We started well.\n\nWe could have scored three goals before the break.”",
    ],
)
def test_quote_closing_in_the_next_paragraph_spans_both(text):
    quotes = find_quotes(text, PAIRS)
    assert [text[q.inner_start : q.inner_end] for q in quotes] == [
        "We started well.\n\nWe could have scored three goals before the break."
    ]
    assert quotes[0].closed


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        # the next paragraph opens a quotation of its own before any close: the first one runs on alone
        ('He said, "It was good.\n\nThe team then said "yes" to it.', ["It was good.", "yes"]),
        # no closing mark in the next paragraph: the quotation stays in its own paragraph
        ('He said, "It was good.\n\nLater it rained.', ["It was good."]),
    ],
)
def test_quote_is_not_joined_where_the_next_paragraph_does_not_close_it(text, inner):
    assert [text[q.inner_start : q.inner_end] for q in find_quotes(text, PAIRS)] == inner


def test_report_content_runs_over_the_continued_paragraph(bare_nlp):
    text = 'After the match the coach said, "We learned a lot today.\n\nThe team was still nervous at the start."'
    (report,) = find_attributions(bare_nlp(text), [], LEXICON)
    assert text[slice(*report["content"])] == "We learned a lot today.\n\nThe team was still nervous at the start."
    assert text[slice(*report["speaker_mention"])] == "the coach"
