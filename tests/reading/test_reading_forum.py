"""A forum post pasted as text: its [quote] tags and rendered quote headers mark quoted passages and go."""

from __future__ import annotations

import pytest

from sayso.reading import read
from sayso.reading.forum import read_forum_quotes

POST = """Re: firmware 4.2 drains the battery

Same here. I rolled back and the drain stopped.

[quote="wrenfield, post: 5512, member: 88"]The changelog mentions a wake mode that keeps the radio listening.

[quote=dune]Mine drains even when it is off.[/quote]
That would explain both.[/quote]

Thanks wrenfield, switching it off fixed it for me.
"""


def quoted(text: str, quotes: list[tuple[int, int, str | None]]) -> list[tuple[str, str | None]]:
    return [(text[start:end], source) for start, end, source in quotes]


def test_forum_quote_is_quoted_with_its_poster_and_no_tags_left() -> None:
    document = read(POST)
    assert document.format == "text"
    assert "[quote" not in document.text.lower() and "[/quote]" not in document.text.lower()
    assert "Same here. I rolled back and the drain stopped.\n\nThe changelog" in document.text
    assert document.text.endswith(
        "That would explain both.\n\nThanks wrenfield, switching it off fixed it for me."
    )


def test_forum_quote_inside_a_quote_is_credited_to_its_own_poster() -> None:
    document = read(POST)
    assert quoted(document.text, list(document.quote_blocks)) == [
        ("The changelog mentions a wake mode that keeps the radio listening.", "wrenfield"),
        ("Mine drains even when it is off.", "dune"),
        ("That would explain both.", "wrenfield"),
    ]


def test_forum_unnamed_quote_inside_a_named_one_is_not_credited_to_the_outer_poster() -> None:
    text, quotes = read_forum_quotes("[quote=ash]First words.\n[quote]Older words.[/quote]\nLast words.[/quote]\nReply.")
    assert quoted(text, quotes) == [("First words.", "ash"), ("Older words.", None), ("Last words.", "ash")]


@pytest.mark.parametrize(
    ("tag", "source"),
    [
        ("[quote]", None),
        ("[QUOTE=wrenfield]", "wrenfield"),
        ("[quote='Jane Roe']", "Jane Roe"),
        ("[quote=wrenfield;40021]", "wrenfield"),  # vBulletin
        ('[quote="wrenfield, post:3, topic:1234"]', "wrenfield"),  # Discourse
        ("[quote author=wren field link=topic=12.msg34#msg34 date=1700000000]", "wren field"),  # SMF
        ('[quote name="wrenfield" timestamp="1700000000"]', "wrenfield"),  # IPB
    ],
)
def test_forum_quote_source_is_the_name_the_opening_tag_gives(tag: str, source: str | None) -> None:
    text, quotes = read_forum_quotes(f"I agree with this:\n{tag}Prices rose by a third.[/quote]\nMe too.")
    assert text == "I agree with this:\n\nPrices rose by a third.\n\nMe too."
    assert quoted(text, quotes) == [("Prices rose by a third.", source)]


def test_forum_quote_inside_a_line_becomes_its_own_paragraph() -> None:
    text, quotes = read_forum_quotes(
        "As he put it [quote=Ada]the pump failed twice[/quote] and then it rained."
    )
    assert text == "As he put it\n\nthe pump failed twice\n\nand then it rained."
    assert quoted(text, quotes) == [("the pump failed twice", "Ada")]


RENDERED = """Re: the 4.2 update

Quote from: kestrel_88 on March 12, 2025, 08:41:22 PM
Since the update my unit loses a sixth of its charge overnight.
Support told me to reset it.

Same here, rolling back fixed it.

Quote:
Originally Posted by tinkerbelle View Post
Mine was fine, but I never leave it plugged in.

ravenholm said:
The release notes say nothing about it.

Which is the real problem.
Click to expand...

Agreed.
"""


def test_forum_rendered_headers_open_an_excerpt_that_runs_to_the_blank_line() -> None:
    document = read(RENDERED)
    assert quoted(document.text, list(document.quote_blocks)) == [
        (
            "Since the update my unit loses a sixth of its charge overnight.\nSupport told me to reset it.",
            "kestrel_88",
        ),
        ("Mine was fine, but I never leave it plugged in.", "tinkerbelle"),
        ("The release notes say nothing about it.\n\nWhich is the real problem.", "ravenholm"),
    ]
    for marker in ("Quote from", "Quote:", "Originally Posted", "View Post", "said:", "Click to expand"):
        assert marker not in document.text
    assert "Same here, rolling back fixed it." in document.text and document.text.endswith("Agreed.")


def test_forum_header_without_a_blank_line_after_quotes_its_next_line_only() -> None:
    text, quotes = read_forum_quotes(
        "Originally Posted by Ada\nThe pump failed twice.\nI doubt that.\nSo do I."
    )
    assert text == "The pump failed twice.\n\nI doubt that.\nSo do I."
    assert quoted(text, quotes) == [("The pump failed twice.", "Ada")]


@pytest.mark.parametrize(
    "text",
    [
        "The minister said:\nWe will not move the border posts.\n\nShe left at noon.",
        "Quote from the minister: nothing has changed.\nQuote of the day follows.",
        "Originally posted by the Times in 2019, the essay drew thousands of replies.",
        "Quote from: the archive\nnothing follows the way a board writes it",
        "```\nQuote from: kestrel_88 on March 12, 2025\nsample text\n```",
    ],
)
def test_forum_headers_find_nothing_in_prose_or_code(text: str) -> None:
    assert read_forum_quotes(text) == (text, [])


@pytest.mark.parametrize(
    "text",
    [
        "Use `[quote]` and `[/quote]` around what you reply to.",
        "The tags:\n[code]\n[quote=x]hello[/quote]\n[/code]\nThat is all.",
        "The tags:\n```\n[quote=x]hello[/quote]\n```\nThat is all.",
        "Type [quote] before the text you reply to; the board adds the rest.",
        "Close it with [/quote] and nothing happens.",
        "[quote=x]an opening tag that never closes.",
        "The [quotes] page lists [quote-of-the-day] entries.",
    ],
)
def test_forum_quote_finds_nothing_outside_paired_tags(text: str) -> None:
    assert read_forum_quotes(text) == (text, [])


@pytest.mark.parametrize(
    "text",
    [
        "Inflation stayed high all year.\nIf x > 5 the loan is refused, and it was.\n",
        "I ran the script at the prompt:\n$ ls > files.txt\nand it wrote the list.\n",
    ],
)
def test_forum_plain_text_greater_than_signs_quote_nothing(text: str) -> None:
    document = read(text, input_format="text")
    assert document.quote_blocks == () and ">" in document.text


DISCOURSE = """# Re: the 4.2 update

Same here, **rolling back** fixed it.

[quote="wrenfield, post:3, topic:991"]
The changelog mentions a wake mode.

It keeps the radio [listening](https://example.org/notes).
[/quote]

Thanks. Quote with `[quote]`, as in:

```
[quote=you]what you reply to[/quote]
```
"""


def test_forum_tags_in_markdown_are_block_quotes_named_by_their_tag() -> None:
    document = read(DISCOURSE)
    assert document.format == "markdown"
    assert quoted(document.text, list(document.quote_blocks)) == [
        ("The changelog mentions a wake mode.\n\nIt keeps the radio listening.", "wrenfield")
    ]
    assert "[quote=\"wrenfield" not in document.text and document.text.count("[/quote]") == 1  # the code's
    assert "Quote with [quote], as in:" in document.text
    assert "[quote=you]what you reply to[/quote]" in document.text


def test_forum_tags_nested_in_markdown_credit_each_poster_as_in_plain_text() -> None:
    post = (
        "# Re: shady tomatoes\n\n"
        '[quote="hollyhock, post:4, topic:12"]\nThe yellow cherry kind cropped in half shade.\n\n'
        "[quote=brambleberry]\nUnder six hours of sun, most struggle.\n[/quote]\n\n"
        "Mine stood under a **birch**.\n[/quote]\n\n"
        "Thanks both.\n"
    )
    markdown = read(post)
    assert markdown.format == "markdown"
    plain, spans = read_forum_quotes(post.replace("**", ""))
    expected = [
        ("The yellow cherry kind cropped in half shade.", "hollyhock"),
        ("Under six hours of sun, most struggle.", "brambleberry"),
        ("Mine stood under a birch.", "hollyhock"),
    ]
    assert quoted(markdown.text, list(markdown.quote_blocks)) == expected
    assert quoted(plain, spans) == expected


def test_markdown_unnamed_blockquote_inside_a_named_one_stays_in_its_span() -> None:
    source = 'Intro:\n\n<blockquote cite="ash">\n<p>One.</p>\n<blockquote>\n<p>Two.</p>\n</blockquote>\n<p>Three.</p>\n</blockquote>\n\nEnd.'
    document = read(source, input_format="markdown")
    assert quoted(document.text, list(document.quote_blocks)) == [("One.\n\nTwo.\n\nThree.", "ash")]
