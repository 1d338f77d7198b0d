"""HTML blocks in Markdown end where their element closes, as Jekyll's kramdown reads them, not at
the next blank line as CommonMark does: Markdown written right after one is still Markdown."""

from __future__ import annotations

from sayso.reading import read


def _quoted(document) -> list[str]:
    return [document.text[s:e] for s, e, _ in document.quote_blocks]


def test_markdown_right_after_a_closed_element_is_read_as_markdown() -> None:
    post = (
        "The video:\n\n<video controls>\n    <source src=\"/v.mp4\">\n</video>\n"
        "I wrote [a comment](https://example.org/c) on it:\n> The clip misstates the rule.\n>\n> Please correct it.\n\n"
        "No reply yet."
    )
    document = read(post, input_format="markdown")
    assert document.text.split("\n\n") == [
        "The video:", "I wrote a comment on it:", "The clip misstates the rule.", "Please correct it.", "No reply yet."
    ]
    assert _quoted(document) == ["The clip misstates the rule.\n\nPlease correct it."]
    assert [document.text[s:e] for s, e, _ in document.links] == ["a comment"]


def test_an_indented_line_inside_an_open_element_is_markup_not_code() -> None:
    post = (
        "Nathan asked:\n\n<div class=\"embed\">\n  <blockquote class=\"twitter-tweet\">\n    <p>Is the market too much?</p>"
        "&mdash; Nathan (@nathan)\n\n    <a href=\"https://twitter.com/nathan/status/1\">June 7, 2021</a>\n"
        "  </blockquote>\n</div>\n\nMy answer: yes."
    )
    document = read(post, input_format="markdown")
    assert "<a" not in document.text and "</blockquote>" not in document.text
    assert _quoted(document) == ["Is the market too much?\n\n\u2014 Nathan (@nathan)\n\nJune 7, 2021"]
    assert document.text.endswith("My answer: yes.")


def test_text_inside_an_element_and_a_tag_across_lines_stay_markup() -> None:
    post = "<div class=\"note\">\nAn aside in **bold**.\n</div>\n\n<img\nsrc=\"a.png\" alt=\"x\">\nCaption *here*.\n\nEnd."
    document = read(post, input_format="markdown")
    assert document.text.split("\n\n")[0] == "An aside in **bold**."  # inside the element: CommonMark's markup
    assert "src=" not in document.text and document.text.endswith("Caption here.\n\nEnd.")
    assert _quoted(document) == []
