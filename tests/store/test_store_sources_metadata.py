"""Ingest keeps every feed field, the author and outlet; text files get a title and a date from their name."""

from __future__ import annotations

import json

from sayso.store.sources import Item, Origin, expand, iter_items

ARTICLE = "Ministers met in Brussels on Monday. The talks went on until late in the evening."


def test_jsonl_fields_are_kept(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a-1", "text": ARTICLE, "author": "Jane Roe", "source": "Reuters",
                                "title": "Talks", "url": "https://reuters.com/a", "section": "world"}) + "\n")
    (item,) = list(iter_items([feed]))
    assert isinstance(item, Item)
    assert item.document.author == "Jane Roe" and item.document.title == "Talks"
    assert item.meta["publisher"] == "Reuters" and item.meta["id"] == "a-1" and item.meta["section"] == "world"


def test_options_fill_in_only_what_inputs_lack(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": ARTICLE, "publisher": "AP"}) + "\n")
    (item,) = list(iter_items([feed], origin=Origin(author="Desk", publisher="Wire")))
    assert item.document.author == "Desk" and item.meta["publisher"] == "AP"


def test_text_file_title_and_date_from_its_name(tmp_path):
    path = tmp_path / "2022-10-03-talks.txt"
    path.write_text("Talks in Brussels\n\n" + ARTICLE)
    (item,) = list(iter_items([path], published="2021-01-01"))
    assert item.document.title == "Talks in Brussels" and item.document.published == "2022-10-03"
    undated = tmp_path / "talks.txt"
    undated.write_text(ARTICLE)
    (item,) = list(iter_items([undated], published="2021-01-01"))
    assert item.document.published == "2021-01-01"


HTML_PAGE = (
    '<html><head><title>Talks</title><meta name="author" content="Jane Roe">'
    '<meta property="og:site_name" content="Example Daily"></head><body><article><p>'
    + ARTICLE + " Both delegations agreed on an agenda after a long night of negotiations in the capital."
    + "</p></article></body></html>"
)


def test_an_html_page_names_its_own_author_and_outlet(tmp_path):
    path = tmp_path / "talks.html"
    path.write_text(HTML_PAGE)
    (item,) = list(iter_items([path]))
    assert item.document.author == "Jane Roe" and item.meta["publisher"] == "Example Daily"


def test_options_and_feed_fields_win_over_the_pages_metadata(tmp_path):
    path = tmp_path / "talks.html"
    path.write_text(HTML_PAGE)
    (item,) = list(iter_items([path], origin=Origin(author="Desk", publisher="Wire")))
    assert item.document.author == "Desk" and item.meta["publisher"] == "Wire"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"html": HTML_PAGE, "author": "Tom Lee", "outlet": "AP"}) + "\n")
    (item,) = list(iter_items([feed], origin=Origin(author="Desk", publisher="Wire")))
    assert item.document.author == "Tom Lee" and item.meta["publisher"] == "AP"


def test_a_markdown_file_in_a_folder_is_ingested_as_markdown(tmp_path):
    # a single "> " line does not make text plainly Markdown when sniffed; the suffix does, as in analyze
    (tmp_path / "post.md").write_text("---\ntitle: Talks\n---\n\nFrom the minutes:\n\n> The talks went on until late.\n\n"
                                      + ARTICLE + "\n")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    files = expand([tmp_path])
    assert [p.name for p in files] == ["post.md"]
    (item,) = list(iter_items(files))
    assert item.document.format == "markdown" and item.document.title == "Talks"
    assert [item.document.text[s:e] for s, e, _ in item.document.quote_blocks] == ["The talks went on until late."]
