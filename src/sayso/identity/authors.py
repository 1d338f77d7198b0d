"""The article's own voice as an identity: its author and outlet, one per document.

Assessments in the author's voice used to share one corpus-wide source called "author", so a
timeline joined unrelated articles into one line. Their source is now who wrote the document: the
author and the outlet when both are known ("Jane Roe (Reuters)"), either alone, the host of the
document's URL, or, with none of these, "unknown author of <title or file> (document N)", which
names one document and so is never merged with another's.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

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


def document_voice(*, author: str | None, publisher: str | None, url: str | None, title: str | None,
                   source_name: str | None, document_id: int) -> str:
    """Who speaks in a document's own voice, as a source name."""
    author, outlet = _byline(author), (publisher or "").strip() or host(url)
    if author and outlet and outlet.casefold() not in author.casefold():
        return f"{author} ({outlet})"
    if author or outlet:
        return author or outlet
    what = (title or "").strip() or (PurePath(source_name).name if source_name else "")
    return f"unknown author of {what or 'an untitled document'} (document {document_id})"
