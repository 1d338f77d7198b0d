"""Hard-wrapped plain text: a line break that only keeps a line short reads as a space."""

from __future__ import annotations

import textwrap

import pytest

from sayso.reading import read
from sayso.reading.wrapping import unwrap_hard_breaks

PARAGRAPHS = [
    "The Port Ellis harbour council postponed a vote on the new ferry terminal on Tuesday after "
    "residents packed the meeting hall to object to the plan.",
    '"We were never asked what we wanted for our own waterfront, and now they expect us to pay for '
    'it," said Marta Quill, who has lived on the quay for thirty years.',
    'Council chair Dev Okafor said the delay would give engineers time to review the tidal survey. '
    '"Nobody wants to rush a project that will stand for fifty years," he said.',
]
UNWRAPPED = "\n\n".join(PARAGRAPHS)


def wrapped(width: int = 72) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS)


@pytest.mark.parametrize("width", [60, 72, 78])
def test_wrapped_lines_join_with_spaces_of_the_same_length(width: int) -> None:
    text = wrapped(width)
    joined = unwrap_hard_breaks(text)
    assert len(joined) == len(text)
    assert joined == UNWRAPPED  # textwrap breaks at single spaces, so only newline -> space differs


def test_read_analyses_a_wrapped_article_as_its_paragraphs() -> None:
    assert read(wrapped()).text == UNWRAPPED


def test_a_new_list_item_keeps_its_line_inside_wrapped_text() -> None:
    items = (
        "- A history of the penny post, why it mattered to the towns it reached\n"
        "  and what it cost to send a letter.\n"
        "- An interview with a printer who still sets type by hand in a shed\n"
        "  behind his house.\n"
    )
    text = wrapped() + "\n\nThree things I read this week:\n\n" + items.rstrip("\n")
    joined = unwrap_hard_breaks(text)
    assert "reached   and what" in joined
    assert "letter.\n- An interview" in joined


def test_an_indented_first_line_starts_a_paragraph_inside_wrapped_text() -> None:
    lines = textwrap.fill(" ".join(PARAGRAPHS), 72).split("\n")
    lines[3] = "    " + lines[3]  # after a full line, so only the indent says a paragraph starts
    joined = unwrap_hard_breaks("\n".join(lines)).split("\n")
    assert joined == [" ".join(lines[:3]), " ".join(lines[3:])]


@pytest.mark.parametrize(
    "text",
    [
        # one paragraph per line, as most pasted articles and the blog-voices plain files are
        UNWRAPPED.replace("\n\n", "\n"),
        UNWRAPPED,
        # verse: capitalised lines of similar length
        "Whose woods these are I think I know.\nHis house is in the village though;\n"
        "He will not see me stopping here\nTo watch his woods fill up with snow.\n"
        "My little horse must think it queer\nTo stop without a farmhouse near",
        # an address and a signature
        "Marta Quill\n14 Quay Street\nPort Ellis\nPE1 4QX\n\nDear Sir,\n\nThank you.\n\nDev Okafor\nChair",
        # a list and a table
        "- ferries\n- tides\n- dredging\n- timetables\n- budgets",
        "Route        Departs   Arrives\nPort Ellis   08:10     09:05\nHolm Island  09:30     10:20\n"
        "Port Ellis   11:10     12:05\nHolm Island  12:30     13:20",
        # code
        "def cost(tonnes):\n    rate = 4.5\n    total = tonnes * rate\n    return total\n\nprint(cost(3))",
    ],
)
def test_line_structured_text_keeps_its_line_breaks(text: str) -> None:
    assert unwrap_hard_breaks(text) == text


def test_plain_text_reads_a_wrapped_article_as_markdown_reads_its_soft_breaks() -> None:
    assert read(wrapped(), input_format="text").text == read(wrapped(), input_format="markdown").text
