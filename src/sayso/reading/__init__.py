"""Reading: raw bytes, text or HTML in; one decoded, cleaned Document out.

Every later offset indexes ``Document.text``, so everything that changes characters (decoding,
line-ending and control-character clean-up, HTML flattening, splitting over-long paragraphs)
happens here, before the text exists; nothing downstream edits it.

The package holds one module per concern: ``decoding``, ``cleaning``, ``html``,
``markdown``, ``forum`` (BBCode quotes in plain text), ``mail`` (an e-mail's quoted messages),
``indented`` (a plain-text post's indented excerpts), ``wrapping`` (hard-wrapped plain text's
line breaks read as spaces), ``datelines``, ``boilerplate``, ``language``, ``sources`` (path, stdin, URL) and ``limits``.

Limits (each hit raises ``InputError`` naming the value and the limit, or is documented below):

- ``MAX_INPUT_BYTES``: raw input larger than this is refused before decoding (``max_bytes=``
  overrides it, for ``read`` and ``read_source``; a URL body is streamed and cut off there).
- ``MAX_TEXT_CHARS``: an analysed text longer than this (after HTML extraction) is refused.
- ``MAX_HTML_ELEMENTS``: a page with more elements is read whole (all visible text, with a
  warning), not through the article extractor, whose time grows past minutes there.
- ``MAX_PARAGRAPH_CHARS``: a paragraph (line) longer than this is split, not refused: at the
  last sentence end (else the last space) before the limit, by turning that space into a
  newline, or by inserting a newline where a run has no space at all. A warning says so. The
  parser's cost and a passage's reach stay bounded while no word of the article is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sayso.errors import InputError
from sayso.reading.boilerplate import find_boilerplate, load_boilerplate_patterns
from sayso.reading.cleaning import clean_chars, clean_text, shift, split_long_paragraphs
from sayso.reading.datelines import check_date_option, find_dateline
from sayso.reading.decoding import check_size, decode, refuse_binary
from sayso.reading.forum import read_forum_quotes
from sayso.reading.html import Page, looks_like_html, looks_like_html_fragment, read_html
from sayso.reading.indented import read_indented_quotes
from sayso.reading.language import check_english, english_share, load_language
from sayso.reading.limits import (
    FETCH_TIMEOUT,
    FETCHED_CONTENT_TYPES,
    MAX_HTML_ELEMENTS,
    MAX_INPUT_BYTES,
    MAX_PARAGRAPH_CHARS,
    MAX_REDIRECTS,
    MAX_TEXT_CHARS,
)
from sayso.reading.mail import looks_like_email, read_mail_quotes
from sayso.reading.markdown import looks_like_markdown, read_markdown
from sayso.reading.sources import check_url, fetch, read_source
from sayso.reading.wrapping import unwrap_hard_breaks

INPUT_FORMATS = ("html", "markdown", "text")

__all__ = [
    "FETCHED_CONTENT_TYPES",
    "FETCH_TIMEOUT",
    "MAX_HTML_ELEMENTS",
    "MAX_INPUT_BYTES",
    "MAX_PARAGRAPH_CHARS",
    "MAX_REDIRECTS",
    "MAX_TEXT_CHARS",
    "Document",
    "check_english",
    "check_url",
    "clean_chars",
    "clean_text",
    "decode",
    "english_share",
    "fetch",
    "find_boilerplate",
    "find_dateline",
    "load_boilerplate_patterns",
    "load_language",
    "looks_like_html",
    "looks_like_markdown",
    "read",
    "read_source",
    "sniff_format",
    "split_long_paragraphs",
]


@dataclass(frozen=True, slots=True)
class Document:
    """The text sayso analyses and what reading learned about it.

    ``boilerplate`` and ``quote_blocks`` are ``(start, end)`` / ``(start, end, source)`` offsets
    into ``text``; ``quote_blocks`` are passages that markup (``<blockquote>``, ``<q>``, ``>``, a
    forum's ``[quote]``, an e-mail's quoted message) quoted.
    ``links`` are ``(start, end, url)``: a Markdown link's anchor text and its target.
    ``encoding`` is the codec bytes were decoded with (None for str input); ``format`` is
    ``"html"``, ``"markdown"`` or ``"text"``.
    """

    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None  # the outlet, where the page's metadata names one
    published: str | None = None
    published_source: str | None = None  # "option" | "html" (metadata, front matter) | "dateline" | None
    url: str | None = None
    language: str = "en"
    boilerplate: tuple[tuple[int, int], ...] = ()
    quote_blocks: tuple[tuple[int, int, str | None], ...] = ()
    links: tuple[tuple[int, int, str], ...] = ()
    warnings: tuple[str, ...] = field(default=())
    encoding: str | None = None
    format: str = "text"


def read(
    data: str | bytes,
    *,
    published: str | None = None,
    url: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    encoding: str | None = None,
    input_format: str | None = None,
) -> Document:
    """Decode, clean and (for HTML) extract one article, so analysis sees only its text.

    ``published`` ("YYYY-MM-DD") overrides any date found in the input; ``encoding`` is a
    declared charset (an HTTP header's) tried before guessing; ``input_format`` (``"html"``,
    ``"markdown"`` or ``"text"``) says how to read the input, else it is sniffed. Raises
    ``InputError`` for input that is empty, binary, over a limit, or not English.
    """
    option_date = check_date_option(published)
    check_size(data, max_bytes)
    warnings: list[str] = []
    used_encoding = None
    if isinstance(data, bytes):
        refuse_binary(data)
        raw, used_encoding, warning = decode(data, declared=encoding)
        if warning:
            warnings.append(warning)
    else:
        raw = data
        refuse_binary(raw[:8192].encode("utf-8", "surrogatepass"))
    if not raw.strip():
        raise InputError("input is empty (nothing but whitespace)")

    if input_format not in (None, *INPUT_FORMATS):
        raise InputError(f"unknown input format {input_format!r}; sayso reads {', '.join(INPUT_FORMATS)}")
    links: list[tuple[int, int, str]] = []
    publisher = None
    kind = input_format or sniff_format(raw)
    if kind == "markdown":
        page = read_markdown(raw)
        if not page.text:
            raise InputError("input is Markdown with no readable text (only markup)")
        text, quotes, links, fmt = page.text, page.quotes, page.links, "markdown"
    elif kind == "html":
        page = read_html(raw, url)
        if not page.text:
            raise InputError("input is HTML with no readable text (only markup, scripts or styles)")
        text, quotes, fmt, publisher = page.text, page.quotes, "html", page.publisher
        warnings.extend(page.warnings)
    else:
        text, quotes = read_forum_quotes(clean_text(raw))
        if not quotes and input_format is None:
            text, quotes = read_mail_quotes(text)
        text, quotes = read_indented_quotes(text, quotes)
        text = unwrap_hard_breaks(text)
        fmt = "text"
        page = Page(text)
        if not text:
            raise InputError("input is empty (nothing but control or invisible characters)")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"the analysed text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    text, inserted, splits = split_long_paragraphs(text, MAX_PARAGRAPH_CHARS)
    if splits:
        warnings.append(f"split {splits} paragraph(s) longer than {MAX_PARAGRAPH_CHARS:,} characters")
    if inserted:
        quotes = [(shift(s, inserted), shift(e, inserted, end=True), src) for s, e, src in quotes]
        links = [(shift(s, inserted), shift(e, inserted, end=True), href) for s, e, href in links]
    warning = check_english(text)
    if warning:
        warnings.append(warning)

    if option_date:
        date, source = option_date, "option"
    elif page.published:
        date, source = page.published, "html"
    else:
        date = find_dateline(text)
        source = "dateline" if date else None
    return Document(
        text=text,
        title=page.title,
        author=page.author,
        publisher=publisher,
        published=date,
        published_source=source,
        url=url,
        boilerplate=tuple(find_boilerplate(text)),
        quote_blocks=tuple((s, e, src) for s, e, src in quotes if s < e),
        links=tuple(links),
        warnings=tuple(warnings),
        encoding=used_encoding,
        format=fmt,
    )


def sniff_format(raw: str) -> str:
    """``"html"`` for markup pages and fragments, ``"markdown"`` for text plainly in Markdown,
    else ``"text"``. A Markdown post may open with a tag ("<img …>" then paragraphs and "> "
    quotes), so a fragment opening with an element other than a page's counts as HTML only when
    the text is not plainly Markdown. An e-mail's quoted reply is text though its ``>`` lines look
    like Markdown: its client's header lines are read by the e-mail reader."""
    if looks_like_html(raw):
        return "html"
    if looks_like_email(raw):
        return "text"
    if looks_like_markdown(raw):
        return "markdown"
    return "html" if looks_like_html_fragment(raw) else "text"
