"""The article's own voice: author and outlet per document, never one corpus-wide "author"."""

from __future__ import annotations

from sayso.identity.authors import document_voice, host, outlet_names


def _voice(**given):
    base = {"author": None, "publisher": None, "url": None, "title": None, "source_name": None, "document_id": 7}
    return document_voice(**{**base, **given})


def test_author_and_outlet():
    assert _voice(author="Jane Roe", publisher="Reuters") == "Jane Roe (Reuters)"
    assert _voice(author="Breitbart News", publisher="breitbart") == "Breitbart News"


def test_outlet_from_the_url_host():
    assert host("https://www.reuters.com/world/x") == "reuters.com"
    assert _voice(url="https://www.reuters.com/world/x") == "reuters.com"


def test_unknown_author_names_its_document():
    assert _voice(title="Grain deal") == "unknown author of Grain deal (document 7)"
    assert _voice(source_name="/data/a/story.txt", document_id=8) == "unknown author of story.txt (document 8)"
    assert _voice(title="Same", document_id=1) != _voice(title="Same", document_id=2)


def test_byline_is_a_name():
    assert _voice(author="By EDUARDO PORTER. Email: e@x.com,Twitter: @e", publisher="nyt") == "EDUARDO PORTER (nyt)"


def test_one_outlet_has_one_name_across_its_spellings():
    names = outlet_names({"The Daily Ledger": 1, "dailyledger.com": 3, "Daily Ledger": 1, "Harbour Times": 2})
    assert names == {"dailyledger": "The Daily Ledger", "harbourtimes": "Harbour Times"}  # spelled out before a host
    assert _voice(publisher="dailyledger.com", outlets=names) == "The Daily Ledger"
    assert _voice(author="Jane Roe", url="https://www.dailyledger.com/a", outlets=names) == "Jane Roe (The Daily Ledger)"
    assert _voice(publisher="Evening Courier", outlets=names) == "Evening Courier"  # not in the table: as given
