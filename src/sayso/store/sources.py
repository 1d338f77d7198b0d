"""Ingest inputs: files (text, Markdown, HTML), folders, JSON Lines and WARC archives, one Item per article.

Reading happens here, per document, so one broken file or line becomes one ``Problem`` naming it
and the run goes on. Each Item carries its content hash so the ingester can skip what the store
already holds before spending any analysis time on it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sayso.errors import InputError
from sayso.reading import MAX_INPUT_BYTES, Document, read
from sayso.reading.sources import MARKDOWN_SUFFIXES
from sayso.store.writer import content_hash

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", *MARKDOWN_SUFFIXES)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass(frozen=True, slots=True)
class Item:
    """One readable article: where it came from, the input as given, and what reading made of it."""

    name: str
    raw: str
    document: Document
    digest: str
    meta: dict[str, Any] = dataclasses.field(default_factory=dict)  # the input's metadata fields, as given


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that yields no article: ``failed`` (broken) or ``skipped`` (not an article)."""

    name: str
    status: Literal["failed", "skipped"]
    message: str


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("text", TEXT_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """The files to ingest, folders walked recursively in sorted order; a missing path is an InputError."""
    files: list[Path] = []
    for value in paths:
        path = Path(value)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".") and _kind(p))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"no such file or folder: {path}")
    return files


def estimate_total(files: list[Path]) -> int | None:
    """How many articles the files hold (JSON Lines counted by lines); None when a WARC makes it unknowable."""
    total = 0
    for path in files:
        kind = _kind(path)
        if kind == "warc":
            return None
        if kind == "jsonl":
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


PUBLISHER_FIELDS = ("publisher", "source", "outlet")
DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")  # JSON's "\ud800": half of a pair, or alone
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Origin:
    """Who wrote and published the inputs, for those that do not say (``--author``, ``--publisher``)."""

    author: str | None = None
    publisher: str | None = None


def item_from(name: str, data: str | bytes, *, published: str | None = None, url: str | None = None,
              title: str | None = None, author: str | None = None,
              meta: dict[str, Any] | None = None, max_bytes: int = MAX_INPUT_BYTES,
              input_format: str | None = None) -> Item | Problem:
    """Read one article given in memory (text, Markdown or HTML; sniffed unless ``input_format`` says)
    into an Item, or a Problem naming it."""
    try:
        document = read(data, published=published, url=url, max_bytes=max_bytes, input_format=input_format)
    except InputError as error:
        return Problem(name, "failed", str(error))
    if title and not document.title:
        document = dataclasses.replace(document, title=title)
    if author:  # a feed's field or --author: said by whoever ingests, so it wins over the page's metadata
        document = dataclasses.replace(document, author=author)
    meta = meta or {}
    if document.publisher and not meta.get("publisher"):
        meta = {**meta, "publisher": document.publisher}
    raw = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    return Item(name, raw, document, content_hash(document.text), meta)


def _with_origin(meta: dict[str, Any], origin: Origin) -> dict[str, Any]:
    if origin.publisher and not meta.get("publisher"):
        meta = {**meta, "publisher": origin.publisher}
    return meta


def _first_line(data: bytes) -> str | None:
    """A plain-text file's title: its first non-empty line, when it is short enough to be one."""
    for line in data.decode("utf-8", errors="replace").splitlines():
        if line.strip():
            return line.strip() if len(line.split()) <= 30 and not line.lstrip().startswith("<") else None
    return None


def _from_text_file(path: Path, published: str | None, origin: Origin, max_bytes: int) -> Iterator[Item | Problem]:
    """A text, Markdown or HTML file; a ``YYYY-MM-DD`` in its name is its date, a text file's first
    line its title; a ``*.md`` file is read as Markdown, as ``sayso analyze`` reads it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Problem(str(path), "failed", f"cannot read: {error.strerror or error}")
        return
    dated = DATE_IN_NAME.search(path.name)
    title = _first_line(data) if path.suffix.lower() in (".txt", ".text") else None
    markdown = "markdown" if path.suffix.lower() in MARKDOWN_SUFFIXES else None
    yield item_from(str(path), data, published=dated.group(1) if dated else published, title=title,
                    author=origin.author, meta=_with_origin({}, origin), max_bytes=max_bytes, input_format=markdown)


def _from_jsonl(path: Path, published: str | None, origin: Origin, max_bytes: int) -> Iterator[Item | Problem]:
    """One article per line: ``text`` or ``html``; ``url``, ``title``, ``published``, ``author``,
    ``publisher`` (or ``source``, ``outlet``), ``id`` and any other scalar field are kept."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            name = f"{path}:{number}"
            try:
                record: Any = json.loads(line)
                if SURROGATE_ESCAPE.search(line):  # a lone one can be neither stored nor written out
                    record = json.loads(LONE_SURROGATE.sub("\ufffd", json.dumps(record, ensure_ascii=False)))
            except ValueError as error:
                yield Problem(name, "failed", f"not valid JSON: {error}")
                continue
            except RecursionError:
                yield Problem(name, "failed", "not valid JSON here: nested too deeply to read")
                continue
            body = record.get("html") or record.get("text") if isinstance(record, dict) else None
            if not isinstance(body, str):
                yield Problem(name, "failed", "no 'text' or 'html' string in this line")
                continue
            date = record.get("published") or record.get("publication_date") or published
            if not isinstance(date, str | None):
                date = json.dumps(date)  # 20230101 or a list is refused as a date, naming what it is
            meta = {k: v for k, v in record.items() if k not in ("text", "html") and isinstance(v, (str, int, float))}
            outlet = next((str(record[k]) for k in PUBLISHER_FIELDS if isinstance(record.get(k), str) and record[k]), None)
            if outlet:
                meta["publisher"] = outlet
            author = record.get("author") if isinstance(record.get("author"), str) else None
            url, title = (record.get(k) if isinstance(record.get(k), str) else None for k in ("url", "title"))
            yield item_from(name, body, published=date, url=url, title=title,
                            author=author or origin.author, meta=_with_origin(meta, origin), max_bytes=max_bytes)


def _from_warc(path: Path, published: str | None, origin: Origin, max_bytes: int) -> Iterator[Item | Problem]:
    """HTML response and resource records; anything else that could pass for a page is skipped by name."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type not in ("response", "resource"):
                    continue  # warcinfo, request, metadata: bookkeeping, not articles
                url = record.rec_headers.get_header("WARC-Target-URI")
                name = f"{path}#{url or record.rec_headers.get_header('WARC-Record-ID')}"
                headers = record.http_headers
                if headers is not None and not headers.get_statuscode().startswith("2"):
                    yield Problem(name, "skipped", f"HTTP status {headers.get_statuscode()}, not a page")
                    continue
                content_type = (headers.get_header("Content-Type") if headers is not None else None) or (
                    record.rec_headers.get_header("Content-Type") or ""
                )
                if "html" not in content_type.lower():
                    yield Problem(name, "skipped", f"not HTML (content type {content_type or 'missing'!r})")
                    continue
                yield item_from(name, record.content_stream().read(), published=published, url=url,
                                author=origin.author, meta=_with_origin({}, origin), max_bytes=max_bytes)
    except (ArchiveLoadFailed, OSError, ValueError) as error:
        yield Problem(str(path), "failed", f"broken WARC file: {error}")


def iter_items(files: Iterable[Path], *, published: str | None = None, origin: Origin = Origin(),
               max_bytes: int = MAX_INPUT_BYTES) -> Iterator[Item | Problem]:
    """Every article (or problem) in ``files``; ``published`` and ``origin`` fill in for inputs that
    carry no date, author or publisher of their own; an article over ``max_bytes`` is a failed Problem."""
    readers = {"text": _from_text_file, "jsonl": _from_jsonl, "warc": _from_warc}
    for path in files:  # a file named explicitly, whatever its suffix, is read as text, Markdown or HTML
        yield from readers.get(_kind(path) or "text", _from_text_file)(path, published, origin, max_bytes)
