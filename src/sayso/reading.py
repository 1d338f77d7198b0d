"""Reading: raw bytes, text or HTML in; one decoded, cleaned Document out.

(Skeleton: the reading helper owns this module and replaces the simple body of ``read``.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sayso.errors import InputError


@dataclass(frozen=True, slots=True)
class Document:
    """The text sayso analyses and what reading learned about it.

    ``boilerplate`` and ``quote_blocks`` are ``(start, end)`` / ``(start, end, source)`` offsets
    into ``text``; ``quote_blocks`` are passages that markup (``<blockquote>``, ``<q>``) quoted.
    """

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_source: str | None = None  # "option" | "html" | "dateline" | None
    url: str | None = None
    language: str = "en"
    boilerplate: tuple[tuple[int, int], ...] = ()
    quote_blocks: tuple[tuple[int, int, str | None], ...] = ()
    warnings: tuple[str, ...] = field(default=())


def read(data: str | bytes, *, published: str | None = None, url: str | None = None) -> Document:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    if not text.strip():
        raise InputError("input is empty")
    return Document(text=text, published=published, published_source="option" if published else None, url=url)
