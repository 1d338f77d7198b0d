"""Reading: raw bytes, text or HTML in; one decoded, cleaned Document out.

Every later offset indexes ``Document.text``, so everything that changes characters (decoding,
line-ending and control-character clean-up, HTML flattening, splitting over-long paragraphs)
happens here, before the text exists; nothing downstream edits it.

Limits (each hit raises ``InputError`` naming the value and the limit, or is documented below):

- ``MAX_INPUT_BYTES``: raw input larger than this is refused before decoding (``max_bytes=``
  overrides it, for ``read`` and ``read_source``; a URL body is streamed and cut off there).
- ``MAX_TEXT_CHARS``: an analysed text longer than this (after HTML extraction) is refused.
- ``MAX_PARAGRAPH_CHARS``: a paragraph (line) longer than this is split, not refused: at the
  last sentence end (else the last space) before the limit, by turning that space into a
  newline, or by inserting a newline where a run has no space at all. A warning says so. The
  parser's cost and a passage's reach stay bounded while no word of the article is lost.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import ipaddress
import logging
import re
import socket
import sys
import time
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sayso.errors import ConfigError, InputError

MAX_INPUT_BYTES = 10_000_000
MAX_TEXT_CHARS = 2_000_000
MAX_PARAGRAPH_CHARS = 20_000
MAX_REDIRECTS = 5
FETCH_TIMEOUT = 10.0
FETCHED_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml")

BOILERPLATE_DATA = "boilerplate.v1.txt"
LANGUAGE_DATA = "language.v1.txt"


@dataclass(frozen=True, slots=True)
class Document:
    """The text sayso analyses and what reading learned about it.

    ``boilerplate`` and ``quote_blocks`` are ``(start, end)`` / ``(start, end, source)`` offsets
    into ``text``; ``quote_blocks`` are passages that markup (``<blockquote>``, ``<q>``) quoted.
    ``encoding`` is the codec bytes were decoded with (None for str input); ``format`` is
    ``"html"`` or ``"text"``.
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
    encoding: str | None = None
    format: str = "text"


def read(
    data: str | bytes,
    *,
    published: str | None = None,
    url: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    encoding: str | None = None,
) -> Document:
    """Decode, clean and (for HTML) extract one article, so analysis sees only its text.

    ``published`` ("YYYY-MM-DD") overrides any date found in the input; ``encoding`` is a
    declared charset (an HTTP header's) tried before guessing. Raises ``InputError`` for input
    that is empty, binary, over a limit, or not English.
    """
    option_date = _check_date_option(published)
    _check_size(data, max_bytes)
    warnings: list[str] = []
    used_encoding = None
    if isinstance(data, bytes):
        _refuse_binary(data)
        raw, used_encoding, warning = decode(data, declared=encoding)
        if warning:
            warnings.append(warning)
    else:
        raw = data
        _refuse_binary(raw[:8192].encode("utf-8", "surrogatepass"))
    if not raw.strip():
        raise InputError("input is empty (nothing but whitespace)")

    if looks_like_html(raw):
        page = _read_html(raw, url)
        if not page.text:
            raise InputError("input is HTML with no readable text (only markup, scripts or styles)")
        text, quotes, fmt = page.text, page.quotes, "html"
        warnings.extend(page.warnings)
    else:
        text, quotes, fmt = clean_text(raw), [], "text"
        page = _Page(text)
        if not text:
            raise InputError("input is empty (nothing but control or invisible characters)")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"the analysed text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    text, inserted, splits = split_long_paragraphs(text)
    if splits:
        warnings.append(f"split {splits} paragraph(s) longer than {MAX_PARAGRAPH_CHARS:,} characters")
    if inserted:
        quotes = [(_shift(s, inserted), _shift(e, inserted, end=True), src) for s, e, src in quotes]
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
        published=date,
        published_source=source,
        url=url,
        boilerplate=tuple(find_boilerplate(text)),
        quote_blocks=tuple((s, e, src) for s, e, src in quotes if s < e),
        warnings=tuple(warnings),
        encoding=used_encoding,
        format=fmt,
    )


# --- size, binary, decoding -------------------------------------------------------------------

_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"RIFF", "RIFF media (WAV/AVI/WebP)"),
    (b"%!PS", "PostScript document"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
MAX_CONTROL_SHARE = 0.10


def _check_size(data: str | bytes, max_bytes: int) -> None:
    size = len(data)
    if isinstance(data, str) and size <= max_bytes < 4 * size:
        size = len(data.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputError(
            f"input is {size:,} bytes; the limit is {max_bytes:,} bytes (pass a larger max_bytes to raise it)"
        )


def _refuse_binary(data: bytes) -> None:
    """Refuse files that are not text (documents, images, archives) before decoding them."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"input looks binary ({kind}); sayso reads plain text or HTML")
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError("input looks binary (it contains NUL bytes); sayso reads plain text or HTML")
    controls = sum(1 for byte in sample if (byte < 0x20 and byte not in _TEXT_CONTROLS) or byte == 0x7F)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        share = controls / len(sample)
        raise InputError(f"input looks binary ({share:.0%} control characters); sayso reads text or HTML")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# charset_normalizer's guesses within the Latin single-byte family are told apart by a few
# letters only; for English news the web's own default (windows-1252) is the better bet.
_LATIN_GUESSES = frozenset(
    {"ascii", "latin_1", "cp1250", "cp1252", "iso8859_2", "iso8859_15", "mac_roman", "mac_latin2", "cp850"}
)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, str | None]:
    """Bytes to text with a ladder that always succeeds: ``(text, codec, warning or None)``.

    BOM, then UTF-8, then a declared charset (HTTP header or HTML ``<meta>``), then UTF-8 with
    U+FFFD replacements when most non-ASCII bytes are valid UTF-8, then a guess
    (charset_normalizer; windows-1252 for Latin-looking bytes), then lossy UTF-8. Any step
    after the declared charset adds a warning naming the codec used.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), codec, None
            except UnicodeDecodeError:
                warning = f"input is not valid {codec} after its byte-order mark; bad bytes were replaced"
                return data[len(bom) :].decode(codec, "replace"), codec, warning
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    for name in (declared, match.group(1).decode("ascii") if match else None):
        codec = _codec(name)
        if codec and codec != "utf-8":
            try:
                return data.decode(codec), codec, None
            except UnicodeDecodeError:
                pass
    damaged = data.decode("utf-8", "replace")
    bad = damaged.count("\ufffd") - data.count("\ufffd".encode())
    if sum(len(char.encode()) for char in damaged if char > "\x7f" and char != "\ufffd") > bad:
        # mostly valid UTF-8 with a few broken sequences: a legacy codec would garble the rest
        warning = f"input is not valid UTF-8; decoded it as utf-8 with {bad} bad byte sequence(s) replaced"
        return damaged, "utf-8", warning
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:200_000]).best()
    guesses = ["cp1252"] if best is None or best.encoding in _LATIN_GUESSES else [best.encoding, "cp1252"]
    for codec in guesses:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return text, codec, f"input is not valid UTF-8; decoded it as {codec}"
    return (
        data.decode("utf-8", "replace"),
        "utf-8",
        "input is not valid UTF-8 and no other encoding fits; undecodable bytes were replaced with U+FFFD",
    )


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): pages labelled latin-1 or ASCII are windows-1252.
    return "cp1252" if codec in ("iso8859-1", "latin-1", "ascii") else codec


# --- cleaning ---------------------------------------------------------------------------------

# Characters that carry no text but would shift or split words: C0/C1 controls (not tab or
# newline), zero-width and joiner characters, soft hyphens, bidi embedding/isolate controls,
# and lone surrogates (no encoder can write them out).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ud800-\udfff\ufeff\ufffe]"
)
# What an XML text node cannot hold (lxml raises on setting it): C0 controls but tab and line ends,
# lone surrogates and the two non-characters.
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+(?=\n|\Z)")
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_chars(text: str) -> str:
    """NFC-compose and drop invisible characters (line breaks are left to the caller)."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))


def clean_text(text: str) -> str:
    """Plain text as sayso analyses it: ``\\n`` line ends, no invisible characters, no
    trailing spaces, at most one blank line in a row, no leading/trailing blank lines."""
    text = clean_chars(_LINE_BREAKS.sub("\n", text))
    text = _BLANK_RUNS.sub("\n\n", _TRAILING_SPACE.sub("", text))
    return text.strip("\n").rstrip() if text.strip() else ""


_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]?\s""")


def split_long_paragraphs(text: str, limit: int | None = None) -> tuple[str, list[int], int]:
    """Break lines longer than ``limit`` (default ``MAX_PARAGRAPH_CHARS``) at a sentence end or
    space (which becomes a newline).

    Returns the new text, the positions (in the old text) where a newline had to be inserted
    because a run had no space at all (so offsets can be shifted), and the number of lines split.
    """
    limit = limit or MAX_PARAGRAPH_CHARS
    if len(text) <= limit or all(len(line) <= limit for line in text.split("\n")):
        return text, [], 0
    chars = list(text)
    inserted: list[int] = []
    splits = 0
    line_start = 0
    for line in text.split("\n"):
        start, end = line_start, line_start + len(line)
        line_start = end + 1
        if end - start <= limit:
            continue
        splits += 1
        while end - start > limit:
            window = text[start + limit // 2 : start + limit]
            ends = [m.end() - 1 for m in _SENTENCE_END.finditer(window)]
            space = next((i for i in range(len(window) - 1, -1, -1) if window[i].isspace()), None)
            cut = ends[-1] if ends else space
            if cut is None:
                inserted.append(start + limit)
                start += limit
            else:
                chars[start + limit // 2 + cut] = "\n"
                start += limit // 2 + cut + 1
    for position in reversed(inserted):
        chars.insert(position, "\n")
    return "".join(chars), inserted, splits


def _shift(offset: int, inserted: list[int], *, end: bool = False) -> int:
    """Where ``offset`` moved after newlines were inserted at ``inserted`` (old positions)."""
    return offset + (bisect_left(inserted, offset) if end else bisect_right(inserted, offset))


# --- HTML ------------------------------------------------------------------------------------

_HTML_START = re.compile(
    r"\s*<(?:!doctype\s+html|html|head|body|!--|\?xml|meta|title|p|div|article|section)\b", re.I
)
_HTML_ANYWHERE = re.compile(r"<(?:html|body|head)\b[^>]*>|<!doctype\s+html", re.I)


def looks_like_html(text: str) -> bool:
    """True for HTML pages and fragments: markup at the start, or an ``<html>``/``<body>`` tag."""
    head = text[:4096].lstrip("\ufeff")
    return bool(_HTML_START.match(head) or _HTML_ANYWHERE.search(head))


@dataclass(slots=True)
class _Page:
    text: str
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)


_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed",
     "canvas", "nav", "form", "button", "select", "textarea", "input", "comments"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "head", "item", "list", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
     "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "row", "cell", "pre", "section", "article",
     "main", "header", "footer", "aside", "figure", "figcaption", "address", "body", "html", "details",
     "summary", "caption", "fieldset", "center", "doc", "hr"}
)
_BREAK_TAGS = frozenset({"br", "lb"})
_INLINE_PARENTS = frozenset({"p", "head", "item", "cell", "hi", "ref", "span", "em", "i", "b", "strong", "a"})
_WHITESPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


class _TextBuilder:
    """Flattens markup into paragraphs ("\\n" between blocks, single spaces inside) while
    recording where quoted elements start and end in the text being built."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.line_empty = True
        self.space = False
        self.open: list[list[int | None]] = []  # [start or None, depth marker]
        self.quotes: list[tuple[int, int]] = []

    def add(self, text: str | None) -> None:
        if not text:
            return
        text = _WHITESPACE.sub(" ", clean_chars(text))
        if text.startswith(" "):
            self.space = True
            text = text[1:]
        if not text:
            return
        trailing = text.endswith(" ")
        text = text.rstrip(" ")
        if self.space and not self.line_empty:
            self._emit(" ")
        for quote in self.open:
            if quote[0] is None:
                quote[0] = self.size
        self._emit(text)
        self.line_empty = False
        self.space = trailing

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def block(self) -> None:
        if not self.line_empty:
            self._emit("\n")
        self.line_empty = True
        self.space = False

    def open_quote(self) -> None:
        self.open.append([None])

    def close_quote(self) -> None:
        start = self.open.pop()[0]
        if start is not None and start < self.size:
            end = self.size - 1 if self.parts and self.parts[-1] == "\n" else self.size
            self.quotes.append((start, end))

    def result(self) -> tuple[str, list[tuple[int, int]]]:
        text = "".join(self.parts).rstrip("\n")
        quotes = sorted((s, min(e, len(text))) for s, e in self.quotes if s < len(text))
        return text, quotes


def _flatten(root: object) -> tuple[str, list[tuple[int, int]]]:
    """Text and quote offsets of an lxml tree (trafilatura XML or cleaned HTML)."""
    from lxml import etree

    builder = _TextBuilder()
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        parent = element.getparent()
        parent_tag = parent.tag.lower() if parent is not None and isinstance(parent.tag, str) else ""
        is_quote = tag in ("blockquote", "q") or (tag == "quote")
        is_block = tag in _BLOCK_TAGS or (tag == "quote" and parent_tag not in _INLINE_PARENTS)
        inline_quote = is_quote and not is_block and tag != "blockquote"
        if event == "start":
            if tag in _BREAK_TAGS or is_block:
                builder.block()
            if inline_quote:
                builder.add("\u201c")  # <q> is rendered with its marks: the text keeps the quotation
                builder.space = False
            if is_quote:
                builder.open_quote()
            builder.add(element.text)
        else:
            if is_quote:
                builder.close_quote()
            if inline_quote:
                builder.space = False
                builder.add("\u201d")
            if is_block:
                builder.block()
            builder.add(element.tail)
    return builder.result()


@functools.lru_cache(maxsize=1)
def _trafilatura_config() -> object:
    from trafilatura.settings import use_config

    config = use_config()
    # Dates from the page's metadata only: a date guessed from the article's own sentences is
    # not a publication date (find_dateline handles datelines, under its own name).
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


# trafilatura logs ERROR lines for fragments it cannot use; with no handler configured Python
# would print them on stderr. sayso falls back on its own, so they are noise to its users.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def _read_html(html: str, url: str | None) -> _Page:
    """Main text of a page (trafilatura), falling back to all visible text (lxml)."""
    import trafilatura
    from lxml import etree

    try:
        xml = trafilatura.extract(
            html,
            url=url,
            output_format="xml",
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            favor_recall=True,
            config=_trafilatura_config(),
        )
    except (ValueError, etree.LxmlError, RecursionError):
        xml = None
    page = tree = None
    if xml:
        doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(huge_tree=True, recover=True))
        main = doc.find("main")
        text, quotes = _flatten(main if main is not None else doc)
        if text:
            page = _Page(text, [], doc.get("title"), doc.get("author"), _iso_date(doc.get("date")))
            page.quotes = [(s, e, None) for s, e in quotes]
    if page is None or page.quotes:
        tree = _parse_html(html)
    if page is None:
        text, quotes = _flatten(_cleaned(tree)) if tree is not None else ("", [])
        page = _Page(text, [(s, e, None) for s, e in quotes])
        if not text:
            page.text = _strip_tags(html)
            page.warnings.append("HTML could not be parsed (too deep or malformed); its tags were stripped")
        _add_metadata(page, html, url)
    if tree is not None and page.quotes:
        page.quotes = _quote_sources(page.text, page.quotes, tree)
    return page


_NON_TEXT_BLOCKS = re.compile(r"<(script|style|noscript|template|svg|head)\b.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|blockquote|tr|td|th|section|article|pre)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def _strip_tags(html: str) -> str:
    """Last resort for markup lxml cannot build a tree of: drop non-text blocks and tags."""
    import html as entities

    text = _ANY_TAG.sub(" ", _BLOCK_TAG.sub("\n", _NON_TEXT_BLOCKS.sub(" ", html)))
    lines = (_WHITESPACE.sub(" ", clean_chars(entities.unescape(line))).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _parse_html(html: str) -> object | None:
    import lxml.html
    from lxml import etree

    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str input that declares an encoding
    html = _XML_INCOMPATIBLE.sub("", html)  # lxml keeps them in text it then refuses to set on a node
    try:
        return lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None


def _cleaned(tree: object) -> object:
    """A copy of the page without scripts, styles, comments and other non-text elements."""
    import copy

    root = copy.deepcopy(tree)
    for element in list(root.iter()):
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if tag is None or tag in _SKIP_TAGS:
            _drop(element)
    return root


def _drop(element: object) -> None:
    """Remove an element but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _add_metadata(page: _Page, html: str, url: str | None) -> None:
    from trafilatura.metadata import extract_metadata

    try:
        meta = extract_metadata(html, default_url=url, extensive=False)
    except (ValueError, TypeError, RecursionError):
        return
    page.title, page.author, page.published = meta.title, meta.author, _iso_date(meta.date)


def _quote_sources(
    text: str, quotes: list[tuple[int, int, str | None]], tree: object
) -> list[tuple[int, int, str | None]]:
    """Name each quote's source from the page's own markup: ``<cite>``/``<footer>`` inside a
    ``<blockquote>``, else its ``cite`` attribute."""
    marked = []
    for element in tree.iter("blockquote", "q"):
        credit = element.find(".//cite")
        if credit is None:
            credit = element.find(".//footer")
        source = _WHITESPACE.sub(" ", credit.text_content()).strip(" —–-") if credit is not None else ""
        source = source or (element.get("cite") or "").strip()
        if source:
            # compared without whitespace: markup and the flattened text space blocks differently
            marked.append((_WHITESPACE.sub("", element.text_content()), source))
    if not marked:
        return quotes
    named = []
    for start, end, _ in quotes:
        head = _WHITESPACE.sub("", text[start:end])[:60]
        source = next((src for body, src in marked if head and head in body), None)
        named.append((start, end, source))
    return named


# --- dates ------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_DATELINE_LABEL = re.compile(r"\b(?:published|posted|updated|last\s+updated|date)\b\s*(?:on|:)?", re.I)
_DATELINE_LINES = 5
_DATELINE_MAX_LINE = 120
_DATELINE_MAX_WORDS = 8
_DATELINE_SEPARATOR = re.compile(r"\s[|·•]\s")


def _check_date_option(value: str | None) -> str | None:
    if value is None:
        return None
    date = _iso_date(value) if _ISO_DATE.match(value.strip()) else None
    if date is None:
        raise InputError(f"published date {value!r} is not a valid YYYY-MM-DD date")
    return date


def _iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` for a real calendar date at the start of ``value``, else None."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    return _date(match.group(1), match.group(2), match.group(3)) if match else None


def _date(year: str, month: str | int, day: str) -> str | None:
    try:
        month_number = month if isinstance(month, int) else (
            int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
        )
        return dt.date(int(year), month_number, int(day)).isoformat()
    except (ValueError, KeyError):
        return None


def find_dateline(text: str) -> str | None:
    """The publication date from a dateline in the first lines ("October 11, 2022",
    "Published: 11 Oct 2022", "By Jane Doe | 2022-10-11", "KYIV, Oct. 11, 2022 — ..."), else None.

    A date in the article's sentences is an event, not its publication, so a date counts only
    on a labelled line ("Published", "Posted", "Updated"), at the start of a short line, on a
    short line with separators ("|", "·"), or after a few capitalised words (a place, a byline)
    with nothing or a dash after it. A "Published"/"Posted" line wins over an "Updated" one.
    """
    found: list[tuple[int, str]] = []
    lines = [line.strip() for line in text[:4000].split("\n") if line.strip()][:_DATELINE_LINES]
    for line in lines:
        for pattern in _DATE_PATTERNS:
            match = pattern.search(line)
            if not match:
                continue
            if _is_dateline(line, match):
                date = _date(match.group("year"), match.group("month"), match.group("day"))
                label = _DATELINE_LABEL.search(line[: match.start()])
                if date:
                    found.append((1 if label and "updated" in label.group(0).lower() else 0, date))
            break
    return min(found)[1] if found else None


def _is_dateline(line: str, match: re.Match[str]) -> bool:
    before, after = line[: match.start()], line[match.end() :].strip(" ,.")
    dashed = after.startswith(("—", "–", "-"))
    byline = len(before.split()) <= 5 and all(word[:1].isupper() for word in before.split())
    if byline and dashed:
        return True  # "KYIV, Oct. 11, 2022 — the story..."
    if len(line) > _DATELINE_MAX_LINE or len((before + " " + after).split()) > _DATELINE_MAX_WORDS:
        return False
    labelled = bool(_DATELINE_LABEL.search(before))
    return labelled or not before.strip() or bool(_DATELINE_SEPARATOR.search(line)) or (byline and not after)


# --- boilerplate and language ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Patterns:
    lines: re.Pattern[str]
    strip: re.Pattern[str]
    never: re.Pattern[str] | None
    max_words: int


def _data_lines(name: str) -> Iterator[str]:
    try:
        content = (resources.files("sayso") / "data" / name).read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read sayso data file {name!r}: {error}") from error
    for line in content.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.strip()


def _directives(name: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """A data file's ``@key value`` settings and its rows, by ``[section]`` ("" before any)."""
    settings: dict[str, str] = {}
    sections: dict[str, list[str]] = {"": []}
    section = ""
    for line in _data_lines(name):
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            settings[key] = value.strip()
        elif line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            sections.setdefault(section, [])
        else:
            sections[section].append(line)
    return settings, sections


@functools.lru_cache(maxsize=1)
def load_boilerplate_patterns() -> _Patterns:
    """The boilerplate line patterns (``data/boilerplate.v1.txt``), compiled once."""
    settings, sections = _directives(BOILERPLATE_DATA)
    rows = sections[""]
    try:
        return _Patterns(
            lines=re.compile("|".join(f"(?:{row})" for row in rows), re.I),
            strip=re.compile(settings.get("strip", r"[\s.]") + r"+$"),
            never=re.compile(settings["never"], re.I) if settings.get("never") else None,
            max_words=int(settings.get("max_words", "20")),
        )
    except (re.error, ValueError) as error:
        raise ConfigError(f"invalid pattern or setting in {BOILERPLATE_DATA}: {error}") from error


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line that is site chrome (subscribe/share/donate prompts, ads,
    cookie notices, "Read more"), without the line's surrounding whitespace."""
    patterns = load_boilerplate_patterns()
    found = []
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        stripped = line.strip()
        if not stripped or len(stripped.split()) > patterns.max_words:
            continue
        if patterns.never and patterns.never.search(stripped):
            continue
        core = patterns.strip.sub("", stripped)
        if core and patterns.lines.fullmatch(core):
            offset = start + (len(line) - len(line.lstrip()))
            found.append((offset, offset + len(stripped)))
    return found


@dataclass(frozen=True, slots=True)
class _Language:
    english: frozenset[str]
    other: frozenset[str]
    refuse_below: float
    warn_below: float
    other_above: float
    min_tokens: int
    min_tokens_short: int
    sample_chars: int


@functools.lru_cache(maxsize=1)
def load_language() -> _Language:
    """Function-word lists and thresholds of the English check (``data/language.v1.txt``)."""
    settings, sections = _directives(LANGUAGE_DATA)
    words = {name: frozenset(" ".join(rows).lower().split()) for name, rows in sections.items()}
    try:
        return _Language(
            english=words["english"],
            other=words["other"] - words["english"],
            refuse_below=float(settings["refuse_below"]),
            warn_below=float(settings["warn_below"]),
            other_above=float(settings["other_above"]),
            min_tokens=int(settings["min_tokens"]),
            min_tokens_short=int(settings["min_tokens_short"]),
            sample_chars=int(settings["sample_chars"]),
        )
    except (KeyError, ValueError) as error:
        raise ConfigError(f"invalid section or setting in {LANGUAGE_DATA}: {error}") from error


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _latin(token: str) -> bool:
    first = token[0]
    return first <= "\u024f" or "\u1e00" <= first <= "\u1eff"


def english_share(text: str) -> tuple[float, float, int]:
    """Shares of sampled word tokens that are English function words and that are another
    language's (function words, or non-Latin script), and the token count."""
    language = load_language()
    tokens = [token.lower() for token in _WORD.findall(text[: language.sample_chars])]
    if not tokens:
        return 0.0, 0.0, 0
    english = sum(token in language.english for token in tokens)
    other = sum(token in language.other or not _latin(token) for token in tokens)
    return english / len(tokens), other / len(tokens), len(tokens)


def check_english(text: str) -> str | None:
    """Refuse clearly non-English text; a warning (returned) when the evidence is thin."""
    language = load_language()
    share, other, count = english_share(text)
    if share < language.refuse_below and (
        count >= language.min_tokens or (count >= language.min_tokens_short and other >= language.other_above)
    ):
        raise InputError(
            f"input does not look like English (only {share:.0%} of {count} words are common English words; "
            f"{other:.0%} look like another language's); sayso analyses English only"
        )
    if share < language.warn_below:
        return (
            f"input may not be English ({share:.0%} of {count} words are common English words); "
            "results may be poor"
        )
    return None


# --- sources: path, stdin, URL ------------------------------------------------------------------

_REFUSED_SCHEMES = frozenset(
    {"file", "ftp", "ftps", "sftp", "data", "javascript", "mailto", "gopher", "ws", "wss"}
)


def read_source(
    source: str,
    *,
    published: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    timeout: float = FETCH_TIMEOUT,
    allow_private: bool = False,
) -> Document:
    """Read ``source``: ``"-"`` for stdin, an http(s) URL, or a file path.

    URLs are fetched with a total ``timeout``, at most ``max_bytes`` of body, at most
    ``MAX_REDIRECTS`` redirects, and only text content types; a URL whose host resolves to a
    private, loopback or link-local address is refused unless ``allow_private`` (checked again
    at every redirect).
    """
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"standard input is over the limit of {max_bytes:,} bytes")
        return read(data, published=published, max_bytes=max_bytes)
    scheme = urlsplit(source).scheme.lower()
    if scheme in ("http", "https"):
        data, charset = fetch(source, max_bytes=max_bytes, timeout=timeout, allow_private=allow_private)
        return read(data, published=published, url=source, max_bytes=max_bytes, encoding=charset)
    if "://" in source or scheme in _REFUSED_SCHEMES:
        raise InputError(f"cannot read {source!r}: only http and https URLs are fetched (scheme {scheme!r})")
    return read(_read_file(Path(source), max_bytes), published=published, max_bytes=max_bytes)


def _read_file(path: Path, max_bytes: int) -> bytes:
    if path.is_dir():
        raise InputError(f"{str(path)!r} is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{str(path)!r} is {size:,} bytes; the limit is {max_bytes:,} bytes")
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"no such file: {str(path)!r}") from None
    except OSError as error:
        raise InputError(f"cannot read {str(path)!r}: {error.strerror or error}") from None


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse non-http(s) URLs, and hosts resolving to non-public addresses unless allowed."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"cannot fetch {url!r}: only http and https URLs are allowed")
    host = parts.hostname
    if not host:
        raise InputError(f"cannot fetch {url!r}: the URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme.lower() == "https" else 80))
    except (socket.gaierror, UnicodeError) as error:
        raise InputError(f"cannot fetch {url!r}: host {host!r} does not resolve ({error})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise InputError(
                f"cannot fetch {url!r}: host {host!r} resolves to non-public address {address} "
                "(pass allow_private=True to allow it)"
            )


def fetch(
    url: str, *, max_bytes: int = MAX_INPUT_BYTES, timeout: float = FETCH_TIMEOUT, allow_private: bool = False
) -> tuple[bytes, str | None]:
    """GET ``url`` within the limits of ``read_source``: ``(body, charset from the header)``."""
    import httpx

    deadline = time.monotonic() + timeout
    headers = {"User-Agent": "sayso/0.1", "Accept": "text/html, text/plain;q=0.9"}
    with httpx.Client(timeout=timeout, follow_redirects=False, headers=headers) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, allow_private=allow_private)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        url = urljoin(url, location)
                        continue
                    return _body(response, url, max_bytes, deadline)
            except httpx.TimeoutException:
                raise InputError(f"cannot fetch {url!r}: no answer within {timeout:g} s") from None
            except httpx.HTTPError as error:
                raise InputError(f"cannot fetch {url!r}: {error}") from None
    raise InputError(f"cannot fetch {url!r}: more than {MAX_REDIRECTS} redirects")


def _body(response: object, url: str, max_bytes: int, deadline: float) -> tuple[bytes, str | None]:
    if response.status_code >= 400:
        raise InputError(f"cannot fetch {url!r}: the server answered HTTP {response.status_code}")
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type and media_type not in FETCHED_CONTENT_TYPES:
        raise InputError(
            f"cannot read {url!r}: it serves {media_type!r}; sayso reads {', '.join(FETCHED_CONTENT_TYPES)}"
        )
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise InputError(f"{url!r} is {int(length):,} bytes; the limit is {max_bytes:,} bytes")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url!r} is over the limit of {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise InputError(f"cannot fetch {url!r}: the body did not arrive within the time limit")
        chunks.append(chunk)
    return b"".join(chunks), response.charset_encoding
