"""Markdown: the text a reader sees, with the excerpts the writer marked and the links' targets.

A blogger who pastes an excerpt marks it with ``>`` (or an HTML ``<blockquote>``): the markup,
not a guess, says whose words a paragraph is, as it does for HTML. Every block (paragraph,
heading, list item, code block) becomes its own paragraph of the analysed text, separated by a
blank line; inline markup is dropped, links keep their anchor text and images, HTML tags,
Liquid/Hugo tags and footnote labels go. Front matter gives title, author and date. An HTML
block ends where its element closes, as in Jekyll's kramdown, not at the next blank line. A
``<blockquote cite="…">`` names its source, as in HTML, and a forum's ``[quote=X]…[/quote]``
(Discourse posts are Markdown) is read as one.
"""

from __future__ import annotations

import functools
import html as entities
import re
from dataclasses import dataclass, field

from sayso.reading.cleaning import clean_chars
from sayso.reading.datelines import iso_date
from sayso.reading.forum import tags_as_blockquotes

# Template tags a static-site generator expands (Liquid, Hugo shortcodes).
_TEMPLATE_TAGS = re.compile(r"\{%.*?%\}|\{\{[<%].*?[%>]\}\}|\{\{.*?\}\}", re.S)
# kramdown attribute lists: "{.imgright}", "{: .note}" on a line of their own or after an element.
_ATTRIBUTE_LISTS = re.compile(r"\{:?[ \t]*[.#][^}\n]*\}")
# A footnote's label, and at a line's start the label that opens its definition: dropped before
# parsing, as CommonMark would take "[^1]: https://…" for a link reference and "[^1]" for its link.
_FOOTNOTE_DEFINITION = re.compile(r"^([ \t]{0,3})\[\^[^\]\s]+\]:[ \t]*", re.M)
_FOOTNOTE_LABEL = re.compile(r"\[\^[^\]\s]+\]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BREAK_SPACES = re.compile(r" ?\n+ ?")
_ANY_SPACE = re.compile(r"\s+")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b([^>]*)>|<!--.*?-->", re.S)
_HTML_SKIPPED = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>", re.I | re.S)
_HTML_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
     "tr", "td", "th", "section", "article", "figure", "figcaption", "hr", "dl", "dt", "dd", "header", "footer"}
)
_UNCOUNTED_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
     "wbr", "p", "li"}
)
_HREF = re.compile(r"""\bhref\s*=\s*["']?([^"'\s>]+)""", re.I)
_CITE = re.compile(r"""\bcite\s*=\s*(?:"([^"]*)"|'([^']*)'|([^"'\s>]+))""", re.I)
_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^(\w+)\s*[:=]\s*(.*?)\s*$", re.M)

# What makes text "plainly Markdown": two different kinds of markup, front matter, or two quoted lines.
_MARKDOWN_SIGNALS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.M),  # ATX heading
    re.compile(r"^[ \t]{0,3}>[ \t]?\S", re.M),  # block quote
    re.compile(r"\[[^\]\n]+\]\((?:https?://|/)[^)\s]*\)"),  # inline link
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+", re.M),  # reference definition
    re.compile(r"^[ \t]{0,3}(?:```|~~~)", re.M),  # fenced code
    # strong emphasis; the marks come first and the test of the character before them after, so the
    # engine can skip to the next "**" or "__" instead of trying every position of the text
    re.compile(r"\*\*(?<![\w*]\*\*)[^*\n]+\*\*(?![\w*])|__(?<![\w_]__)[^_\n]+__(?![\w_])"),
)
_QUOTED_LINE = re.compile(r"^[ \t]{0,3}>[ \t]+\S", re.M)  # "> text": a quoted line, its mark set off by a space


def looks_like_markdown(text: str) -> bool:
    """True for text plainly written in Markdown: front matter, two different kinds of markup
    (headings, block quotes, links, reference definitions, fenced code, bold), or a block quote of
    two or more lines: "> " opening several lines marks a pasted passage, which a reader expects
    to see as quoted whatever else the text does (one such line may be a stray "> 5%")."""
    head = text[:20_000]
    if _FRONT_MATTER.match(head):
        return True
    if len(_QUOTED_LINE.findall(head)) >= 2:
        return True
    return sum(bool(signal.search(head)) for signal in _MARKDOWN_SIGNALS) >= 2


@dataclass(slots=True)
class MarkdownPage:
    """The analysed text of a Markdown post and what its markup said about it."""

    text: str
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    published: str | None = None


@functools.lru_cache(maxsize=1)
def _parser() -> object:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def read_markdown(source: str) -> MarkdownPage:
    """Flatten a Markdown post: one paragraph per block, excerpts as ``quotes`` spans."""
    meta, body = _front_matter(source)
    body = _ATTRIBUTE_LISTS.sub("", _TEMPLATE_TAGS.sub("", body))
    body = tags_as_blockquotes(_FOOTNOTE_LABEL.sub("", _FOOTNOTE_DEFINITION.sub(r"\1", body)))
    builder = _Builder()
    _read_blocks(body, builder, {})
    text, quotes, links = builder.result()
    return MarkdownPage(
        text, quotes, links, meta.get("title"), meta.get("author"), iso_date(meta.get("date"))
    )


def _read_blocks(body: str, builder: _Builder, env: dict[str, object]) -> None:
    """Feed the blocks of ``body`` to ``builder``; ``env`` keeps the reference definitions, so
    Markdown read again after an HTML block (``_split_html_block``) still resolves them."""
    for token in _parser().parse(body, env):
        kind = token.type
        if kind == "blockquote_open":
            builder.enter_quote()
        elif kind == "blockquote_close":
            builder.leave_quote()
        elif kind == "inline":
            builder.inline(token.children or [])
        elif kind == "code_block" and builder.html_depth > 0:
            builder.html(token.content)  # an indented line inside an element a blank line interrupted
        elif kind in ("fence", "code_block"):
            for line in token.content.splitlines():
                builder.add(line)
                builder.end_paragraph()
        elif kind == "html_block":
            markup, rest = _split_html_block(token.content, builder.html_depth)
            builder.html(markup)
            if rest:
                _read_blocks(rest, builder, env)
        elif kind in ("paragraph_close", "heading_close", "list_item_close", "th_close", "td_close", "hr"):
            builder.end_paragraph()
    builder.end_paragraph()


def _split_html_block(content: str, depth: int) -> tuple[str, str]:
    """An HTML block's markup and the Markdown lines after the element it opened closes.

    CommonMark runs an HTML block on to the next blank line, so "</video>" followed at once by
    "> a quote" or "I wrote [a comment](…):" would be read as markup; Jekyll's kramdown, which
    most of these blogs were written for, ends the block where its element closes and reads the
    rest as Markdown. ``depth`` is how many elements earlier blocks left open."""
    lines = content.splitlines(keepends=True)
    for i in range(1, len(lines)):
        markup, following = "".join(lines[:i]), lines[i].strip()
        if not following or following.startswith("<") or markup.rfind("<") > markup.rfind(">"):
            continue  # a blank line, more markup, or a tag still open across the line end
        if _element_depth(markup, depth) == 0:
            return markup, "".join(lines[i:])
    return content, ""


def _element_depth(markup: str, depth: int) -> int:
    """``depth`` after the container elements ``markup`` opens and closes (void elements, those
    written self-closed and ``<p>``/``<li>``, whose end tags writers leave out, do not count)."""
    for match in _HTML_TAG.finditer(markup):
        name = (match.group(2) or "").lower()
        if not name or name in _UNCOUNTED_TAGS or (match.group(3) or "").rstrip().endswith("/"):
            continue
        depth = max(0, depth - 1) if match.group(1) else depth + 1
    return depth


def _front_matter(source: str) -> tuple[dict[str, str], str]:
    """Title, author and date from YAML (``---``) or TOML (``+++``) front matter, and the body after it."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    meta = {}
    for key, value in _FRONT_FIELD.findall(match.group(2)):
        key = key.lower()
        key = {"name": "author", "authors": "author", "published": "date", "pubdate": "date"}.get(key, key)
        value = value.strip().strip("\"'").strip("[]").strip().strip("\"'")
        if key in ("title", "author", "date") and value and key not in meta:
            meta[key] = value
    return meta, source[match.end() :]


_UNSETTLED_LIMIT = 256


def _last_settling_point(text: str, start: int) -> int | None:
    """The last position of ``text`` from ``start`` on between two ASCII letters or digits, or None."""
    for i in range(len(text) - 1, max(start, 1) - 1, -1):
        if text[i].isascii() and text[i].isalnum() and text[i - 1].isascii() and text[i - 1].isalnum():
            return i
    return None


class _Builder:
    """Joins blocks into paragraphs separated by a blank line, recording which paragraphs a
    block quote holds (one span per outermost quote) and where each link's anchor text lies."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.current: list[str] = []
        self.current_links: list[tuple[int, int, str]] = []
        self.quote_depth = 0
        self.html_quote_depth = 0
        self.html_depth = 0  # container elements HTML blocks opened and have not closed
        self.quote_start: int | None = None
        self.quote_source: str | None = None  # an outermost <blockquote>'s cite
        self.named_quotes: list[str | None | bool] = []  # per open <blockquote>: False, or the source it interrupted
        self.quotes: list[tuple[int, int, str | None]] = []
        self.links: list[tuple[int, int, str]] = []
        self.href: list[str | None] = []
        # the current paragraph's rendered length up to a settled point (see _length)
        self.settled_pieces = 0
        self.settled_length = 0
        self.pending = ""

    # --- text ---
    def add(self, text: str) -> None:
        if text:
            self.current.append(text)

    def inline(self, children: list[object]) -> None:
        for child in children:
            kind = child.type
            if kind in ("text", "code_inline"):
                self.add(child.content)
            elif kind == "softbreak":
                self.add(" ")
            elif kind == "hardbreak":
                self.add("\n")
            elif kind == "link_open":
                self._open_link(child.attrs.get("href"))
            elif kind == "link_close":
                self._close_link()
            elif kind == "html_inline":
                self._inline_tag(child.content)

    def _open_link(self, href: object) -> None:
        self.href.append(str(href) if href else None)
        self.current_links.append((self._length(), -1, str(href or "")))

    def _close_link(self) -> None:
        if not self.href:
            return
        href = self.href.pop()
        for i in range(len(self.current_links) - 1, -1, -1):
            start, end, url = self.current_links[i]
            if end < 0:
                self.current_links[i] = (start, self._length(), url) if href else (start, start, "")
                break

    def _inline_tag(self, tag: str) -> None:
        match = _HTML_TAG.match(tag)
        if not match or not match.group(2):
            return
        name, closing = match.group(2).lower(), bool(match.group(1))
        if name == "a":
            if closing:
                self._close_link()
            else:
                href = _HREF.search(match.group(3) or "")
                self._open_link(entities.unescape(href.group(1)) if href else None)
        elif name == "blockquote":
            self._html_quote(closing, match.group(3))
        elif name == "br" and self.current:
            self.add("\n")  # a line break, as a hard break ("  " or "\\" at a line's end) and HTML's <br>
        elif name in ("p", "div", "li") and closing is False and self.current:
            self.add(" ")

    def _length(self) -> int:
        """The rendered length of the paragraph so far, where a link opens or closes.

        Only what came after the last settled point is rendered: a paragraph of 200,000 links
        was otherwise rendered whole 400,000 times (hours for a 3 MB post). A point between two
        ASCII letters or digits is one no clean-up reaches across (NFC, spaces, line breaks), so
        settling there changes nothing; text that has none for ``_UNSETTLED_LIMIT`` characters
        (no English) is settled anyway, where a link's start may move by a collapsed space."""
        # the text pending last time holds no settling point: look only where new text begins
        searched_from = len(self.pending)
        pending = self.pending + "".join(self.current[self.settled_pieces :])
        self.settled_pieces = len(self.current)
        cut = None if "\x1b" in pending else _last_settling_point(pending, searched_from)  # escapes span letters
        if cut is None and len(pending) > _UNSETTLED_LIMIT:
            cut = len(pending)
        if cut:
            self.settled_length += len(self._render(pending[:cut]))
            pending = pending[cut:]
        self.pending = pending
        return self.settled_length + len(self._render(pending))

    def html(self, content: str) -> None:
        """An HTML block: its text, paragraph by paragraph, tracking ``<blockquote>`` across blocks."""
        content = _HTML_SKIPPED.sub(" ", content)
        self.html_depth = _element_depth(content, self.html_depth)
        position = 0
        for match in _HTML_TAG.finditer(content):
            self.add(_ANY_SPACE.sub(" ", entities.unescape(content[position : match.start()])))
            position = match.end()
            name = (match.group(2) or "").lower()
            closing = bool(match.group(1))
            if name == "a":
                self._inline_tag(match.group(0))
            elif name in _HTML_BLOCK_TAGS:
                self.end_paragraph()
                if name == "blockquote":
                    self._html_quote(closing, match.group(3))
        self.add(_ANY_SPACE.sub(" ", entities.unescape(content[position:])))
        self.end_paragraph()

    def _html_quote(self, closing: bool, attributes: str | None) -> None:
        """Open or close a ``<blockquote>``; an outermost one's ``cite`` names its source, as in HTML.
        One inside a quote that names its own (a forum reply quoting a post that quoted another)
        is a span of its own, as the plain-text forum and e-mail readers make it; the outer
        quote's span resumes after it."""
        self.end_paragraph()
        if closing:
            self.html_quote_depth = max(0, self.html_quote_depth - 1)
            resumed = self.named_quotes.pop() if self.named_quotes else False
            if not self._quoted() or resumed is not False:
                self._close_quote()
                self.quote_source = resumed if resumed is not False else self.quote_source
            return
        cite = _CITE.search(attributes or "")
        source = entities.unescape(next((g for g in cite.groups() if g is not None), "")).strip() if cite else ""
        if not self._quoted():
            self.quote_source = source or None
        elif source:
            self._close_quote()
            self.named_quotes.append(self.quote_source)
            self.quote_source = source
            self.html_quote_depth += 1
            return
        self.named_quotes.append(False)
        self.html_quote_depth += 1

    # --- blocks ---
    def enter_quote(self) -> None:
        self.end_paragraph()
        if not self._quoted():
            self.quote_source = None
        self.quote_depth += 1

    def leave_quote(self) -> None:
        self.end_paragraph()
        self.quote_depth = max(0, self.quote_depth - 1)
        if not self._quoted():
            self._close_quote()

    def _quoted(self) -> bool:
        return self.quote_depth > 0 or self.html_quote_depth > 0

    def _close_quote(self) -> None:
        if self.quote_start is not None and self.quote_start < self.size:
            self.quotes.append((self.quote_start, self.size, self.quote_source))
        self.quote_start = None

    def end_paragraph(self) -> None:
        raw = "".join(self.current)
        text = self._render(raw)
        links, self.current, self.current_links = self.current_links, [], []
        self.settled_pieces, self.settled_length, self.pending = 0, 0, ""
        stripped = text.strip()
        if not stripped:
            return
        lead = len(text) - len(text.lstrip())
        if self.parts:
            self._emit("\n\n")
        start = self.size
        if self._quoted() and self.quote_start is None:
            self.quote_start = start
        self._emit(stripped)
        for link_start, link_end, url in links:
            s = min(max(link_start - lead, 0), len(stripped))
            e = min(max(link_end - lead, s), len(stripped))
            if url and e > s:
                self.links.append((start + s, start + e, url))

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    @staticmethod
    def _render(raw: str) -> str:
        return _BREAK_SPACES.sub("\n", _SPACES.sub(" ", clean_chars(raw)))

    def result(self) -> tuple[str, list[tuple[int, int, str | None]], list[tuple[int, int, str]]]:
        self.end_paragraph()
        self._close_quote()
        return "".join(self.parts), self.quotes, self.links
