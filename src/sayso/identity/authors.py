"""The article's own voice as an identity: its author and outlet, one per document.

Assessments in the author's voice used to share one corpus-wide source called "author", so a
timeline joined unrelated articles into one line. Their source is now who wrote the document: the
author and the outlet when both are known ("Jane Roe (Reuters)"), either alone, the host of the
document's URL, or, with none of these, "unknown author of <title or file> (document N)", which
names one document and so is never merged with another's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath
from urllib.parse import urlsplit

from sayso.identity.names import outlet_key, site_name

AUTHOR_VOICE = "author"  # the assessor the estimative step gives the author's own voice


def host(url: str | None) -> str | None:
    """"https://www.reuters.com/world/…" → "reuters.com"."""
    if not url:
        return None
    name = urlsplit(url).hostname or ""
    return name.removeprefix("www.") or None


def _byline(author: str | None) -> str | None:
    """A byline as a name: "By EDUARDO PORTER. Email: …" → "EDUARDO PORTER"."""
    if not author:
        return None
    name = re.sub(r"^\s*by\s+", "", author.strip(), flags=re.IGNORECASE)
    name = re.split(r"\.?\s+(?:e-?mail|twitter|follow)\b|\s+@|,\s*(?:e-?mail|twitter)", name, maxsplit=1,
                    flags=re.IGNORECASE)[0]
    return name.strip(" .,;") or None


def outlet_of(publisher: str | None, url: str | None) -> str | None:
    """A document's outlet as given: its publisher, else its URL's host."""
    return (publisher or "").strip() or host(url)


def outlet_names(outlets: Mapping[str, int]) -> dict[str, str]:
    """One name per outlet for the outlets a corpus gives (name → documents): "The Washington
    Post", "Washington Post" and "washingtonpost.com" are one outlet (``names.outlet_key``), named
    by a spelled-out form before a host, then the most documents, then the longest."""
    best: dict[str, tuple[bool, int, int, str]] = {}
    for name, count in outlets.items():
        rank = (site_name(name) is None, count, len(name), name)
        key = outlet_key(name)
        best[key] = max(best.get(key, rank), rank)
    return {key: rank[-1] for key, rank in best.items()}


def document_voice(*, author: str | None, publisher: str | None, url: str | None, title: str | None,
                   source_name: str | None, document_id: int, outlets: Mapping[str, str] | None = None) -> str:
    """Who speaks in a document's own voice, as a source name; ``outlets`` (``outlet_names``) gives
    each outlet its one name across the corpus."""
    author, outlet = _byline(author), outlet_of(publisher, url)
    if outlet and outlets:
        outlet = outlets.get(outlet_key(outlet), outlet)
    if author and outlet and outlet.casefold() not in author.casefold():
        return f"{author} ({outlet})"
    if author or outlet:
        return author or outlet
    what = (title or "").strip() or (PurePath(source_name).name if source_name else "")
    return f"unknown author of {what or 'an untitled document'} (document {document_id})"
