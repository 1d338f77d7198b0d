"""E-mail quoting: the earlier message a reply or forward carries, pasted as plain text.

A mail client marks the words it quotes and says whose they are: a header line introduces a
``>``-quoted message ("On Tue, 3 Mar 2026 at 10:14, Dana Whitfield <dana@example.org> wrote:",
"Dana Whitfield wrote:"), and a separator introduces a forwarded or original message with its
header fields ("-----Original Message-----", "---------- Forwarded message ---------", "Begin
forwarded message:", Outlook's line of underscores, each followed by "From: …"). That is markup,
read as Markdown's ``>`` is: the header lines and ``>`` marks leave the analysed text, each quoted
message becomes paragraphs of its own (a ``>`` paragraph's wrapped lines joined, as Markdown
joins them) and a ``(start, end, source)`` span whose source is the writer the header names. A
message quoted inside a quoted one is its own span, named by its own header.

What is not a client's header stays words: "I wrote:" ends a header only where ``>`` lines follow
it, and a ``>`` line with no header before it is quoted only where it reads as a sentence (a
capital, four words, a closing stop), so "> 5% of voters" and a shell's "> ls -la" stay text. A
"From:" line counts only under a separator, so a memo or press release keeps its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sayso.reading.cleaning import join_blocks

_MAX_DEPTH = 8  # quoting nested deeper is read as the deepest level, so hostile nesting stays linear
_MAX_HEADER = 300
_MAX_NAME = 80
_QUOTE_LINE = re.compile(r"[ \t]{0,3}>")
_ONE_MARK = re.compile(r"[ \t]{0,3}>[ \t]?")
_ALL_MARKS = re.compile(r"(?:[ \t]{0,3}>)+[ \t]?")
_ADDRESS = r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"
_ON_WROTE = re.compile(r"[ \t]*On[ \t]+(?P<who>\S.*?)[ \t]+wrote:[ \t]*", re.S)
_NAME_WROTE = re.compile(
    rf"[ \t]*(?P<who>(?:[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){{0,4}}|{_ADDRESS})(?:[ \t]+<{_ADDRESS}>)?)"
    r"[ \t]+wrote:[ \t]*"
)
_SEPARATOR = re.compile(
    r"[ \t]*(?:-{2,}[ \t]*(?:Original Message|Forwarded message)[ \t]*-{2,}|Begin forwarded message:|_{20,})[ \t]*",
    re.I,
)
_FIELD = re.compile(r"[ \t]*\*?(From|Sent|Date|To|Cc|Bcc|Subject|Reply-To)\*?[ \t]*:\*?[ \t]*(.*)", re.I)
_TIME = re.compile(
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[AaPp]\.?[ \t]?[Mm]\.?)?(?:[ \t]+[A-Z]{2,4})?[ \t]*,?[ \t]*"
)
_ANGLE_ADDRESS = re.compile(rf"[ \t]*(?:<[ \t]*{_ADDRESS}[ \t]*>|\[mailto:{_ADDRESS}\])[ \t]*")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)]*$""")


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    quoted: bool
    source: str | None


def read_mail_quotes(text: str) -> tuple[str, list[tuple[int, int, str | None]]]:
    """``text`` without its client's quote headers and ``>`` marks, and the ``(start, end,
    source)`` spans of the messages it quotes; ``text`` unchanged where it quotes none."""
    blocks = _blocks(text.split("\n"), depth=0, quoted=False, source=None)
    if not any(block.quoted for block in blocks):
        return text, []
    # neighbouring quoted blocks of one writer are one quoted message
    return join_blocks((block.text, (block.source,) if block.quoted else None, block.source) for block in blocks)


def looks_like_email(text: str) -> bool:
    """True where the text's head holds a mail client's header: a dated "On … wrote:" or an
    address's "… <x@y> wrote:" before ``>`` lines, or a separator over a "From:" field. Such text
    is read as an e-mail, not as Markdown, though its ``>`` lines would make it look like that."""
    lines = text[:20_000].split("\n")
    for i in range(len(lines)):
        header = _header(lines, i)
        if header and header[2] or _separator(lines, i):
            return True
    return False


def _blocks(lines: list[str], depth: int, quoted: bool, source: str | None) -> list[_Block]:
    """The paragraphs of ``lines`` (one level of a message) as blocks: this level's own text
    (``quoted`` by ``source`` below the top) and the messages it quotes."""
    blocks: list[_Block] = []
    plain_start, i = 0, 0
    writer: str | None = None
    seen_header = False
    n = len(lines)

    def flush(end: int) -> None:
        blocks.extend(_plain(lines[plain_start:end], quoted, source, unwrap=depth > 0 and quoted))

    while i < n:
        separator = _separator(lines, i)
        if separator:
            body_start, name = separator
            body_end = next((k for k in range(body_start, n) if _separator(lines, k)), n)
            flush(i)
            blocks.extend(_blocks(lines[body_start:body_end], depth, True, name))
            plain_start = i = body_end
            continue
        header = _header(lines, i)
        if header:
            quote_start, name, _ = header
            flush(i)
            writer, seen_header = name, True
            plain_start = i = quote_start
            continue
        if _QUOTE_LINE.match(lines[i]):
            end = i
            while end < n and _QUOTE_LINE.match(lines[end]):
                end += 1
            run = lines[i:end]
            if seen_header or depth > 0 or _reads_as_sentence(run):
                flush(i)
                inner_source = writer if seen_header else None
                if depth + 1 >= _MAX_DEPTH:
                    inner = [_ALL_MARKS.sub("", line, count=1) for line in run]
                    blocks.extend(_plain(inner, True, inner_source, unwrap=True))
                else:
                    inner = [_ONE_MARK.sub("", line, count=1) for line in run]
                    blocks.extend(_blocks(inner, depth + 1, True, inner_source))
                plain_start = end
            i = end
            continue
        i += 1
    flush(n)
    return blocks


def _plain(lines: list[str], quoted: bool, source: str | None, unwrap: bool) -> list[_Block]:
    """A stretch of one level's own lines: verbatim, or (in a ``>`` quote) one block per
    paragraph with its wrapped lines joined."""
    if not unwrap:
        text = "\n".join(lines).strip()
        return [_Block(text, quoted, source)] if text else []
    blocks, paragraph = [], []
    for line in [*lines, ""]:
        if line.strip():
            paragraph.append(line.strip())
        elif paragraph:
            blocks.append(_Block(" ".join(paragraph), quoted, source))
            paragraph = []
    return blocks


def _header(lines: list[str], i: int) -> tuple[int, str | None, bool] | None:
    """The "… wrote:" header at line ``i`` that ``>`` lines follow: the index of the first ``>``
    line, the writer it names, and whether only a client writes it so (a date or an address in
    it). Gmail wraps a long "On … <address> wrote:" over two lines."""
    for size in (1, 2):
        if i + size > len(lines) or not lines[i + size - 1].rstrip().endswith("wrote:"):
            continue
        header = " ".join(line.strip() for line in lines[i : i + size])
        if len(header) > _MAX_HEADER:
            return None
        on = _ON_WROTE.fullmatch(header)
        if on and not re.search(r"\d|@", header):
            return None
        if size == 2 and not (
            on and "@" in header and re.search(r"\d", lines[i]) and lines[i].rstrip()[-1] not in ".!?"
        ):
            return None
        named = None if on else _NAME_WROTE.fullmatch(header)
        match = on or named
        if match is None:
            return None
        k = i + size
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and _QUOTE_LINE.match(lines[k]) and _ONE_MARK.sub("", lines[k], count=1).strip():
            return k, _writer(match.group("who"), dated=bool(on)), bool(on) or "@" in header
        return None
    return None


def _separator(lines: list[str], i: int) -> tuple[int, str | None] | None:
    """The separator at line ``i`` with the header fields under it, naming a "From:": the index
    of the message's first line after them, and its writer."""
    if len(lines[i]) > _MAX_HEADER or not _SEPARATOR.fullmatch(lines[i]):
        return None
    k = i + 1
    while k < len(lines) and not lines[k].strip():
        k += 1
    name, fields = None, 0
    while k < len(lines) and len(lines[k]) <= _MAX_HEADER and (field := _FIELD.fullmatch(lines[k])):
        if field.group(1).lower() == "from":
            name = _writer(field.group(2), dated=False) or ""
        fields += 1
        k += 1
    return (k, name or None) if name is not None else None


def _writer(who: str, dated: bool) -> str | None:
    """The writer's name in a header: without the date before it ("Tue, 3 Mar 2026 at 10:14,")
    and the address after it, else the address alone."""
    address = re.search(_ADDRESS, who)
    name = _ANGLE_ADDRESS.sub(" ", who).strip()
    if dated:
        times = list(_TIME.finditer(name))
        name = name[times[-1].end() :] if times else name.rsplit(",", 1)[-1]
        name = name.rsplit(", ", 1)[-1] if re.search(r"\d", name) else name
    name = name.strip().strip("\"'").strip()
    if not name or re.search(r"\d", name) and not re.fullmatch(_ADDRESS, name):
        name = address.group(0) if address else ""
    return name if 0 < len(name) <= _MAX_NAME else None


def _reads_as_sentence(run: list[str]) -> bool:
    """A ``>`` run with no header before it is quoted where it reads as prose: it opens with a
    capital or a quotation mark, holds four words and ends with a stop."""
    content = " ".join(_ALL_MARKS.sub("", line, count=1).strip() for line in run[:200]).strip()
    return (
        bool(content)
        and (content[0].isupper() or content[0] in "\"'“‘")
        and len(re.findall(r"[^\W\d_]{2,}", content[:2000])) >= 4
        and bool(
            _SENTENCE_END.search(" ".join(_ALL_MARKS.sub("", line, count=1).strip() for line in run[-3:]))
        )
    )
