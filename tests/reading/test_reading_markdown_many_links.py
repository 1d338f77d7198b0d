"""A post of many links is read in linear time, each link's anchor exactly where the text has it."""

from __future__ import annotations

import time

from sayso.reading.markdown import read_markdown


def test_a_paragraph_of_many_links_is_read_quickly_and_exactly() -> None:
    # 20,000 links in one paragraph: the paragraph was rendered whole at each link's start and end
    source = "The minister said so. " + "See [the  report](http://x/r) and  [it](http://x/i). " * 10_000 + "\n"
    started = time.process_time()
    page = read_markdown(source)
    assert time.process_time() - started < 10  # quadratic: minutes
    assert len(page.links) == 20_000
    assert {page.text[s:e] for s, e, _ in page.links} == {"the report", "it"}


def test_links_around_collapsed_spaces_breaks_and_accents_keep_their_anchor_text() -> None:
    source = ("Officials  said [cafe\u0301  talks](http://x/a)  \nwere [\u200bdue](http://x/b) , and "
              "[a](http://x/c)[b](http://x/d) [\u8bf4](http://x/e) then.\n")
    page = read_markdown(source)
    assert [page.text[s:e] for s, e, _ in page.links] == ["caf\u00e9 talks", "due", "a", "b", "\u8bf4"]


def test_anchor_text_without_english_is_still_found_in_the_text() -> None:
    source = "The minister said so. " + "[\u8bf4](http://x/) " * 2_000 + "\n"
    page = read_markdown(source)
    assert len(page.links) == 2_000
    assert all(page.text[s:e] == "\u8bf4" for s, e, _ in page.links)
