"""Markdown is read as markup: `>` block quotes are quoted passages, links keep their text."""

from __future__ import annotations

import pytest

from sayso.errors import InputError
from sayso.reading import looks_like_markdown, read, read_source

POST = """---
title: "Sanctions, again"
author: Jane Roe
date: 2022-10-12
---

# What the EU said

The EU [warned on Monday](https://example.org/eu-statement) that sanctions would follow:

> Any military cooperation with Russia will be met with new measures.
>
> > The Council stands ready to act.

I doubt it will come to that.

- first point
- second point

```
code line
```
"""


@pytest.fixture(scope="module")
def document():
    return read(POST, input_format="markdown")


def test_markdown_front_matter_gives_title_author_and_date(document) -> None:
    assert (document.title, document.author, document.published, document.published_source) == (
        "Sanctions, again",
        "Jane Roe",
        "2022-10-12",
        "html",
    )
    assert document.format == "markdown"


def test_markdown_blocks_are_paragraphs_separated_by_a_blank_line(document) -> None:
    assert document.text.split("\n\n") == [
        "What the EU said",
        "The EU warned on Monday that sanctions would follow:",
        "Any military cooperation with Russia will be met with new measures.",
        "The Council stands ready to act.",
        "I doubt it will come to that.",
        "first point",
        "second point",
        "code line",
    ]


def test_markdown_block_quote_nested_too_is_one_quoted_span(document) -> None:
    assert [document.text[s:e] for s, e, _ in document.quote_blocks] == [
        "Any military cooperation with Russia will be met with new measures.\n\nThe Council stands ready to act."
    ]


def test_markdown_link_keeps_anchor_text_and_target(document) -> None:
    assert [(document.text[s:e], url) for s, e, url in document.links] == [
        ("warned on Monday", "https://example.org/eu-statement")
    ]


def test_markdown_html_blockquote_is_quoted_too() -> None:
    document = read("Intro:\n\n<blockquote>\n<p>Pasted words.</p>\n</blockquote>\n\nAfter.", input_format="markdown")
    assert [document.text[s:e] for s, e, _ in document.quote_blocks] == ["Pasted words."]
    assert document.text == "Intro:\n\nPasted words.\n\nAfter."


def test_markdown_template_tags_and_footnote_labels_are_dropped() -> None:
    document = read("A claim.[^1] {% include note.html %}\n\n[^1]: The note.", input_format="markdown")
    assert document.text == "A claim.\n\nThe note."


def test_markdown_is_sniffed_from_two_kinds_of_markup() -> None:
    assert looks_like_markdown("# Heading\n\n> quoted\n")
    assert looks_like_markdown("Key passage:\n\n> A quoted line.\n> And a second one.\n\nMy view.")  # a quote of two lines
    assert looks_like_markdown("---\ntitle: x\n---\nbody\n")
    assert read("# Heading\n\nA [link](https://example.org) here.\n").format == "markdown"


@pytest.mark.parametrize(
    "text",
    [
        "A plain article. It has no markup at all.\n\nSecond paragraph.",
        "Reply below.\n> one quoted e-mail line\nThanks.",  # one kind of markup is not plainly Markdown
        "- a list\n- of points\n\n1. and numbers",
    ],
)
def test_plain_text_is_not_sniffed_as_markdown(text: str) -> None:
    assert not looks_like_markdown(text)
    assert read(text).format == "text"


def test_md_file_is_read_as_markdown(tmp_path) -> None:
    path = tmp_path / "post.md"
    path.write_text("Lead-in:\n\n> An excerpt.\n", encoding="utf-8")
    document = read_source(str(path))
    assert document.format == "markdown"
    assert [document.text[s:e] for s, e, _ in document.quote_blocks] == ["An excerpt."]


def test_unknown_input_format_is_refused() -> None:
    with pytest.raises(InputError, match="unknown input format"):
        read("text", input_format="rtf")


def test_markdown_with_only_markup_is_refused() -> None:
    with pytest.raises(InputError, match="no readable text"):
        read("![](image.png)\n\n{% include x %}\n", input_format="markdown")


def test_markdown_footnote_whose_note_is_a_url_is_not_a_link() -> None:
    """CommonMark reads "[^1]: https://…" as a link reference, which made "[^1]" a link: its
    label came out as "^1" and its URL as the target an excerpt's source falls back on."""
    document = read(
        "Fowler put it well, back in 2012[^1]:\n\n> Expectations are the problem.\n\n[^1]: https://example.org/orm",
        input_format="markdown",
    )
    assert document.text == "Fowler put it well, back in 2012:\n\nExpectations are the problem.\n\nhttps://example.org/orm"
    assert document.links == ()


def test_markdown_reference_links_still_resolve_beside_footnotes() -> None:
    document = read("See [the post][1].[^a]\n\n[1]: https://example.org/p\n[^a]: A note.", input_format="markdown")
    assert document.text == "See the post.\n\nA note."
    assert [(document.text[s:e], url) for s, e, url in document.links] == [("the post", "https://example.org/p")]


def test_markdown_blockquote_cite_names_its_source_as_in_html() -> None:
    document = read(
        'I read this:\n\n<blockquote cite="https://example.org/report">\nThe port stays shut.\n</blockquote>\n\n'
        "> A plain quote.\n",
        input_format="markdown",
    )
    assert [(document.text[s:e], source) for s, e, source in document.quote_blocks] == [
        ("The port stays shut.", "https://example.org/report"),
        ("A plain quote.", None),
    ]


def test_markdown_inline_br_is_a_line_break_as_a_hard_break_is() -> None:
    source = (
        "The ranger's sign said:\n\n"
        "> Paths above the weir are closed after dark.<br>\n"
        "> — Upper Dale Wardens\n\n"
        "Morning walk<br/>evening tea, as ever.  \nA hard break, too.\n"
    )
    doc = read(source, input_format="markdown")
    assert doc.text == (
        "The ranger's sign said:\n\n"
        "Paths above the weir are closed after dark.\n— Upper Dale Wardens\n\n"
        "Morning walk\nevening tea, as ever.\nA hard break, too."
    )
    (start, end, _), = doc.quote_blocks
    assert doc.text[start:end] == "Paths above the weir are closed after dark.\n— Upper Dale Wardens"


def test_markdown_br_alone_at_a_paragraph_start_adds_nothing() -> None:
    assert read("<br>Bare start of a line here.\n\nSecond paragraph of text.", input_format="markdown").text == (
        "Bare start of a line here.\n\nSecond paragraph of text."
    )
