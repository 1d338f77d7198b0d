"""Who wrote and who published an HTML page, from the page's own metadata.

An ingested page's own voice is "author (outlet)" (``sayso.identity.authors``), so both are read
from what the page declares about itself: JSON-LD (a ``NewsArticle``'s ``author`` and
``publisher`` names, ``@id`` references in an ``@graph`` followed), ``<meta name="author">``,
``<meta property="article:author">`` (not when it is a profile URL) and ``og:site_name``.
Metadata is written by the page, so anything malformed or hostile is skipped, never raised.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from sayso.reading.cleaning import clean_chars

# Longer than any byline or outlet name: a "name" past this is not one.
MAX_NAME_CHARS = 200
# JSON-LD blocks past this size are skipped unread (a page's metadata is a few kilobytes).
MAX_JSON_LD_CHARS = 200_000
_WHITESPACE = re.compile(r"\s+")
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//|^www\.", re.I)


def page_credits(tree: Any) -> tuple[str | None, str | None]:
    """``(author, publisher)`` an lxml HTML tree declares, each None when it declares none."""
    if tree is None:
        return None, None
    nodes = list(_nodes(tree))
    ids = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    articles = [node for node in nodes if _is_article(node)]
    author = _first(_names(article.get("author"), ids) for article in articles) or _first(
        [[_meta(tree, "name", "author")], [_meta(tree, "property", "article:author")]]
    )
    publisher = _first(_names(article.get("publisher"), ids)[:1] for article in articles) or _first(
        [[_meta(tree, "property", "og:site_name")]]
    )
    return author, publisher


def _first(groups: Iterable[list[Any]]) -> str | None:
    """The first group with a usable name, its names joined ("Jane Roe and Tom Lee")."""
    for group in groups:
        names = list(dict.fromkeys(n for n in (_clean(v) for v in group) if n))
        if names:
            return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return None


def _clean(value: Any) -> str | None:
    """A name as text, or None for what is no name: not a string, empty, a URL, or too long."""
    if not isinstance(value, str):
        return None
    name = _WHITESPACE.sub(" ", clean_chars(html.unescape(value))).strip(" ,;|")
    if not name or len(name) > MAX_NAME_CHARS or _URL.match(name) or "<" in name:
        return None
    return name


def _meta(tree: Any, attribute: str, key: str) -> str | None:
    for element in tree.iter("meta"):
        if (element.get(attribute) or "").strip().lower() == key and _clean(element.get("content")):
            return element.get("content")
    return None


def _json_ld(tree: Any) -> Iterator[Any]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        if len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            yield json.loads(text)
        except (ValueError, RecursionError):
            continue


def _nodes(tree: Any) -> Iterator[dict[str, Any]]:
    """Every top-level JSON-LD object, those of an ``@graph`` included."""
    for data in _json_ld(tree):
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                yield from (node for node in graph if isinstance(node, dict)) if isinstance(graph, list) else ()


def _is_article(node: dict[str, Any]) -> bool:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and (k.endswith("Article") or k.endswith("Posting") or k == "Report") for k in kinds)


def _names(value: Any, ids: dict[str, dict[str, Any]]) -> list[Any]:
    """The names a JSON-LD ``author``/``publisher`` value gives: a string, a Person or
    Organization object (or an ``@id`` pointing at one), or a list of these."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values[:20]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = ids.get(item["@id"], item)
        names.append(item.get("name") if isinstance(item, dict) else item)
    return names
