"""An HTML page's author and outlet come from its own metadata; malformed metadata is skipped."""

from __future__ import annotations

import json

import pytest

from sayso.reading import read
from sayso.reading.credits import page_credits
from sayso.reading.html import _parse_html

BODY = (
    "<body><article><p>The ministry said on Monday that the talks in Brussels would resume next week, and "
    "that both delegations had agreed on an agenda after a long night of negotiations.</p>"
    "<p>Officials from the other side did not comment on the announcement, which came after a month of "
    "delays and mutual accusations over the terms of the ceasefire.</p></article></body>"
)


def page(head: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Talks resume</title>{head}</head>{BODY}</html>"


def credits(head: str) -> tuple[str | None, str | None]:
    return page_credits(_parse_html(page(head)))


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_meta_author_and_og_site_name():
    head = '<meta name="author" content="Jane  Roe"><meta property="og:site_name" content="Example Daily">'
    assert credits(head) == ("Jane Roe", "Example Daily")


def test_article_author_is_read_unless_it_is_a_profile_url():
    assert credits('<meta property="article:author" content="Tom Lee">') == ("Tom Lee", None)
    assert credits('<meta property="article:author" content="https://facebook.com/tomlee">') == (None, None)


def test_json_ld_news_article_wins_over_meta_tags():
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "Tom Lee"}],
            "publisher": {"@type": "Organization", "name": "Example Daily &amp; Co"}}
    head = json_ld(data) + '<meta name="author" content="Desk"><meta property="og:site_name" content="example">'
    assert credits(head) == ("Jane Roe and Tom Lee", "Example Daily & Co")


def test_json_ld_graph_references_are_followed():
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": ["Article"], "author": {"@id": "#jane"}, "publisher": {"@id": "#org"}},
        {"@type": "Person", "@id": "#jane", "name": "Jane Roe"},
        {"@type": "Organization", "@id": "#org", "name": "Example Daily"},
    ]}
    assert credits(json_ld(data)) == ("Jane Roe", "Example Daily")


def test_json_ld_of_something_else_names_no_author():
    data = {"@type": "WebSite", "name": "Example Daily", "author": {"name": "Webmaster"}}
    assert credits(json_ld(data)) == (None, None)


@pytest.mark.parametrize("head", [
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": </script>',  # truncated JSON
    '<script type="application/ld+json">' + "[" * 5000 + "]" * 5000 + "</script>",  # nested past recursion
    json_ld({"@type": "NewsArticle", "author": {"name": {"first": "Jane"}}, "publisher": 7}),  # wrong types
    json_ld({"@type": "NewsArticle", "author": "x" * 5000}),  # no name is that long
    json_ld([1, "two", None, {"@graph": "not a list"}]),
    '<meta name="author" content="  "><meta property="og:site_name">',  # empty, missing
    '<meta name="author" content="<script>alert(1)</script>">',
])
def test_malformed_or_hostile_metadata_is_skipped(head):
    assert credits(head) == (None, None)


def test_read_gives_the_page_its_author_and_publisher():
    document = read(page('<meta name="author" content="Jane Roe"><meta property="og:site_name" content="Example Daily">'))
    assert (document.author, document.publisher) == ("Jane Roe", "Example Daily")
    assert read(BODY.replace("<body>", "<html><body>")).publisher is None
