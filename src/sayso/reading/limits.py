"""The reading limits, in one place so that every reader and the docs name the same values."""

from __future__ import annotations

MAX_INPUT_BYTES = 10_000_000
MAX_TEXT_CHARS = 2_000_000
MAX_PARAGRAPH_CHARS = 20_000
MAX_HTML_ELEMENTS = 100_000  # more, and the page is read whole: the article extractor takes minutes
MAX_REDIRECTS = 5
FETCH_TIMEOUT = 10.0
FETCHED_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml")
