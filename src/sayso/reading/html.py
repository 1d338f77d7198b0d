"""HTML: the article's main text (trafilatura, else all visible text) and where markup quotes it."""

from __future__ import annotations

import functools
import itertools
import logging
import re
from dataclasses import dataclass, field

from sayso.reading.cleaning import XML_INCOMPATIBLE, clean_chars
from sayso.reading.credits import page_credits
from sayso.reading.datelines import iso_date
from sayso.reading.limits import MAX_HTML_ELEMENTS

_HTML_START = re.compile(
    r"\s*<(?:!doctype\s+html|html|head|body|!--|\?xml|meta|title|p|div|article|section)\b", re.I
)
_LEADING_COMMENTS = re.compile(r"\A(?:\s*<!--.*?-->)+", re.S)  # "<!-- excerpt -->" before the first <p>
_HTML_ANYWHERE = re.compile(r"<(?:html|body|head)\b[^>]*>|<!doctype\s+html", re.I)


# A rendered post's body, as a blog engine or a Markdown converter writes it out, may open with any
# block ("<h2>", "<blockquote>", "<ul>", "<figure>") or an inline element; with an element closed
# after it, it is HTML. (Markdown may open with a tag too: ``sniff_format`` asks this only of text
# that is not plainly Markdown.)
_FRAGMENT_START = re.compile(
    r"\s*<(?:h[1-6]|blockquote|ul|ol|dl|figure|img|table|pre|header|main|aside|nav|picture|details|center|hr|br"
    r"|a|span|em|strong|b|i|q|time|font)\b[^<>]*>",
    re.I,
)
_CLOSED_ELEMENT = re.compile(r"</(?:p|h[1-6]|blockquote|li|ul|ol|div|figure|table|pre|a|span|em|strong|b|i|q)\s*>", re.I)


def looks_like_html(text: str) -> bool:
    """True for HTML pages and fragments: markup at the start (after any comments), or an
    ``<html>``/``<body>`` tag."""
    head = _LEADING_COMMENTS.sub("", text[:4096].lstrip("\ufeff"))
    return bool(_HTML_START.match(head) or _HTML_ANYWHERE.search(head))


def looks_like_html_fragment(text: str) -> bool:
    """True for a post's body rendered to HTML that opens with another element than those
    ``looks_like_html`` knows ("<h2>The week</h2><p>…", "<blockquote><p>…"), and closes one."""
    head = _LEADING_COMMENTS.sub("", text[:4096].lstrip("\ufeff"))
    return bool(_FRAGMENT_START.match(head) and _CLOSED_ELEMENT.search(head))


@dataclass(slots=True)
class Page:
    text: str
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    published: str | None = None
    publisher: str | None = None
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


def read_html(html: str, url: str | None) -> Page:
    """Main text of a page (trafilatura), falling back to all visible text (lxml)."""
    import trafilatura
    from lxml import etree

    tree = _parse_html(html)
    # a page of a million tags ("<b>x</b>" repeated) kept trafilatura busy for minutes
    crowded = tree is not None and any(True for _ in itertools.islice(tree.iter(), MAX_HTML_ELEMENTS, None))
    unfigured = _figures_as_blocks(tree) if tree is not None and not crowded else None
    xml = None
    try:
        if not crowded:
            xml = trafilatura.extract(
                html if unfigured is None else unfigured,
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
    page = None
    if xml:
        doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(huge_tree=True, recover=True))
        main = doc.find("main")
        text, quotes = _flatten(main if main is not None else doc)
        if text and tree is not None:
            text = _unglue_headline(text, tree)
        if text:
            page = Page(text, [], doc.get("title"), doc.get("author"), iso_date(doc.get("date")))
            page.quotes = [(s, e, None) for s, e in quotes]
    if page is None:
        text, quotes = _flatten(_cleaned(tree)) if tree is not None else ("", [])
        page = Page(text, [(s, e, None) for s, e in quotes])
        if not text:
            page.text = _strip_tags(html)
            page.warnings.append("HTML could not be parsed (too deep or malformed); its tags were stripped")
        if crowded:
            page.warnings.append(f"HTML has over {MAX_HTML_ELEMENTS:,} elements; read all its visible text, "
                                 "not only the article's")
        _add_metadata(page, _head(tree) if crowded else html, url)
    if tree is not None and page.quotes:
        page.quotes = _quote_sources(page.text, page.quotes, tree)
    author, page.publisher = page_credits(tree)  # the page's own metadata, before a byline guessed from its text
    page.author = author or page.author
    return page


_PARAGRAPH_TAGS = ("p", "div", "li", "blockquote", "td", "dd", "section", "article")


def _unglue_headline(text: str, tree: object) -> str:
    """The text with its headline on a line of its own: on a small page without ``<article>``,
    trafilatura may merge an ``<h1>`` and the paragraph after it into one ("Headline The body…"),
    and the headline, a passage of its own, would then run into the body's sentences. Split only
    where the page's markup opens a paragraph with what follows the headline, so a heading's words
    that merely begin a sentence stay in it. Same length: offsets and quotes hold."""
    first_line = text.split("\n", 1)[0]
    for heading in tree.iter("h1"):
        headline = _normalized(heading.text_content())
        if not headline or not first_line.startswith(headline + " "):
            continue
        body_start = first_line[len(headline) + 1 :][:40]
        if any(_opens_with(element, body_start) for element in tree.iter(*_PARAGRAPH_TAGS)):
            return text[: len(headline)] + "\n" + text[len(headline) + 1 :]
    return text


def _opens_with(element: object, body_start: str) -> bool:
    """True when the element's own leading text (before any inline markup) begins ``body_start``."""
    own = _normalized(element.text or "")[: len(body_start)]
    return len(own) >= min(len(body_start), 12) and body_start.startswith(own)


def _normalized(text: str) -> str:
    return _WHITESPACE.sub(" ", clean_chars(text)).strip()


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
    html = XML_INCOMPATIBLE.sub("", html)  # lxml keeps them in text it then refuses to set on a node
    try:
        return lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None


def _figures_as_blocks(tree: object) -> object | None:
    """A copy of the page where the wrappers of its quotations (a ``<figure>`` whose ``<figcaption>``
    credits a blockquote, WordPress's "wp-block-embed" around an embedded tweet) are plain blocks, or
    None when it has none: trafilatura drops every figure as an image's and every "embed" class as a
    share button, and the excerpt with them (a figure holding a table it keeps the same way).
    Captions are credits, named by ``_quote_sources``, not text; pull quotes repeat the article's own
    words for layout and stay out."""
    import copy

    if not any(_wraps_quote(e) for quote in tree.iter("blockquote") for e in quote.iterancestors()):
        return None
    root = copy.deepcopy(tree)
    for element in {e for quote in root.iter("blockquote") for e in quote.iterancestors() if _wraps_quote(e)}:
        if element.tag == "figure":
            element.tag = "div"
            for caption in element.findall("figcaption"):
                _drop(caption)
        element.attrib.pop("class", None)
    return root


def _wraps_quote(element: object) -> bool:
    """An ancestor of a blockquote that trafilatura would drop with it (see ``_figures_as_blocks``)."""
    kind = (element.get("class") or "").lower()
    return "pull" not in kind and (element.tag == "figure" or "embed" in kind)


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


def _head(tree: object) -> str:
    """The page's ``<head>`` alone, where its metadata is: what ``_add_metadata`` reads of a crowded page."""
    from lxml import etree

    head = tree.find(".//head")
    return "<html>" + ("" if head is None else etree.tostring(head, encoding="unicode")) + "</html>"


def _add_metadata(page: Page, html: str, url: str | None) -> None:
    from trafilatura.metadata import extract_metadata

    try:
        meta = extract_metadata(html, default_url=url, extensive=False)
    except (ValueError, TypeError, RecursionError):
        return
    page.title, page.author, page.published = meta.title, meta.author, iso_date(meta.date)


# A forum's credit line in a quote's <cite> (phpBB: "hollyhock wrote: ↑ Sat Mar 1, 2025 9:12 am"):
# the poster is what comes before "wrote:".
_FORUM_CREDIT = re.compile(r"(?<=\S)\s+(?:wrote|said|writes|says)\s*:.*\Z", re.S)


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
        if credit is None and element.tag == "blockquote":  # <figure><blockquote>…</blockquote><figcaption>
            figure = next(element.iterancestors("figure"), None)
            credit = figure.find("figcaption") if figure is not None else None
        source = _WHITESPACE.sub(" ", credit.text_content()).strip(" —–-") if credit is not None else ""
        source = _FORUM_CREDIT.sub("", source)
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
