"""A headline trafilatura merges into the first paragraph is put back on a line of its own."""

from __future__ import annotations

from sayso.reading import read

_HEADLINE = "<h1>Why I stopped trusting the forecast</h1>"
_BODY = "Last winter the weather service said the storm would miss us. It did not."
_MORE = "My neighbour told me she had stopped checking the app."


def _page(body: str) -> str:
    return f"<html><body>{body}</body></html>"


def test_a_headline_glued_to_the_first_paragraph_gets_its_own_line():
    doc = read(_page(f"<div>{_HEADLINE}\n<p>{_BODY}</p></div>"))
    assert doc.text == f"Why I stopped trusting the forecast\n{_BODY}"


def test_a_headline_glued_to_a_paragraph_with_inline_markup_gets_its_own_line():
    paragraph = (
        "<p>Last winter the weather service said the storm would miss us. It did <em>not</em> miss us.</p>"
    )
    doc = read(_page(f"<div>{_HEADLINE}{paragraph}</div>"))
    assert doc.text.startswith("Why I stopped trusting the forecast\nLast winter the weather service")


def test_a_page_with_an_article_element_is_unchanged():
    doc = read(_page(f"<article>{_HEADLINE}<p>{_BODY}</p><p>{_MORE}</p></article>"))
    assert "forecast Last" not in doc.text
    assert _BODY in doc.text.split("\n")


def test_a_headline_that_only_begins_a_sentence_stays_in_it():
    # the page's own paragraph opens with the heading's words: nothing was glued
    paragraph = "<p>Storm warnings were issued for the coast on Monday, the agency said.</p>"
    doc = read(_page(f"<div><h1>Storm</h1>{paragraph}</div>"))
    assert "Storm warnings were issued" in doc.text
    assert "Storm\nwarnings" not in doc.text


def test_a_page_without_headings_is_unchanged():
    doc = read(_page(f"<div><p>{_BODY}</p><p>{_MORE}</p></div>"))
    assert doc.text == f"{_BODY}\n{_MORE}"
