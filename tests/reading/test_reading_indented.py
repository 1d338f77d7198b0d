"""A plain-text post's indented block of prose is an excerpt: quoted, set flush, its lines joined."""

from __future__ import annotations

import pytest

from sayso.reading import read
from sayso.reading.indented import read_indented_quotes

POST = """Notes from the ferry users' meeting

I went along on Thursday so you did not have to. It ran for two hours.

The operator's letter to members said:

    From the spring timetable the first sailing will leave at 06:50,
    twenty minutes earlier than now, to fit the new tidal window.
\tThe last sailing is unchanged.

Twenty minutes is a lot when you have children to get out of bed.
"""


def quoted(text: str, quotes) -> list[tuple[str, str | None]]:
    return [(text[start:end], source) for start, end, source in quotes]


def test_indented_prose_is_a_quoted_block_set_flush_with_its_lines_joined() -> None:
    document = read(POST)
    assert document.format == "text"
    excerpt = (
        "From the spring timetable the first sailing will leave at 06:50, twenty minutes earlier than now, "
        "to fit the new tidal window. The last sailing is unchanged."
    )
    assert quoted(document.text, document.quote_blocks) == [(excerpt, None)]
    assert f"The operator's letter to members said:\n\n{excerpt}\n\nTwenty minutes" in document.text


def test_indented_excerpt_beside_an_e_mail_quote_keeps_both_spans() -> None:
    text = (
        "Thanks for the notes.\n\n"
        "On Mon, 3 Mar 2025 at 09:10, Ruth Amsel <ruth@example.org> wrote:\n"
        "> The hall is booked for the second Tuesday of every month.\n\n"
        "The council's terms say:\n\n"
        "    Bookings may be cancelled by the council with seven days' notice.\n\n"
        "So it is not quite settled.\n"
    )
    document = read(text)
    assert quoted(document.text, document.quote_blocks) == [
        ("The hall is booked for the second Tuesday of every month.", "Ruth Amsel"),
        ("Bookings may be cancelled by the council with seven days' notice.", None),
    ]


def test_existing_quote_spans_move_with_the_removed_indentation() -> None:
    text = "Intro line here.\n\n    An indented excerpt of plain prose, with six words.\n\nQuoted by tags later."
    tagged = text.index("Quoted")
    new_text, quotes = read_indented_quotes(text, [(tagged, len(text), "ash")])
    assert quoted(new_text, quotes) == [
        ("An indented excerpt of plain prose, with six words.", None),
        ("Quoted by tags later.", "ash"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # code
        "Run this:\n\n    for row in rows:\n        total += row.amount  # sum the lot\n\nThen print it.",
        "The config:\n\n    Server = example.org; Port = 8080; Timeout = 30; Retries = 3.\n\nDone.",
        # the first block, and a text indented throughout
        "    An indented opening paragraph that reads like prose all the way through.\n\nThen my words.",
        "    First indented paragraph of plain prose here.\n\n    Second indented paragraph of plain prose here.",
        # a list item's indented continuation
        "- Buy the tickets early in the week.\n\n    Prices rise on Thursday evenings, as they always have.",
        # an address, a short label, verse without a stop, a sub-list
        "Write to:\n\n    The Secretary\n    14 Mill Lane\n    Upper Dale\n\nThanks.",
        "Sign-off:\n\n    Yours, Ann.\n\nEnd of the letter.",
        "The poem:\n\n    Over the hill the ferry goes\n    slow as the tide and the river flows\n\nLovely.",
        "Steps:\n\n    1. Open the lid and check the level of the oil.\n\nThat is all.",
        # a table
        "Figures:\n\n    Year    Sailings    Delays    Share of all sailings late.\n\nAs above.",
    ],
)
def test_indented_blocks_that_are_not_prose_excerpts_stay_as_they_are(text: str) -> None:
    assert read_indented_quotes(text, []) == (text, [])


def test_indented_block_inside_a_forum_quote_is_left_to_the_forum_quote() -> None:
    document = read("Reply:\n\n[quote=ash]Intro.\n\n    An indented excerpt of plain prose, with six words.[/quote]\n\nMine.")
    assert [source for _, _, source in document.quote_blocks] == ["ash"]


def test_indented_excerpt_of_several_paragraphs_is_one_span() -> None:
    text = (
        "From the minutes of the ferry users' meeting:\n\n"
        "    The operator confirmed that the first sailing will move to 06:50.\n\n"
        "    Members asked whether the last sailing would move too. It will not.\n\n"
        "That second paragraph is the one I care about.\n"
    )
    document = read(text)
    assert quoted(document.text, document.quote_blocks) == [
        (
            "The operator confirmed that the first sailing will move to 06:50.\n\n"
            "Members asked whether the last sailing would move too. It will not.",
            None,
        )
    ]


def test_text_indented_throughout_but_for_its_title_quotes_nothing() -> None:
    text = (
        "Chapter One\n\n"
        "\tThe ferry was late again, as it had been every morning that week.\n\n"
        "\tNobody on the quay said anything about it any more, and nobody expected to.\n"
    )
    assert read_indented_quotes(text, []) == (text, [])
