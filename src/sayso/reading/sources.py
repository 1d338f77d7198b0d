"""Sources: a path, standard input or an http(s) URL, fetched within the reading limits."""

from __future__ import annotations

import ipaddress
import socket
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, urljoin, urlsplit

from sayso.errors import InputError
from sayso.reading.limits import FETCH_TIMEOUT, FETCHED_CONTENT_TYPES, MAX_INPUT_BYTES, MAX_REDIRECTS

if TYPE_CHECKING:
    from sayso.reading import Document

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
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
    input_format: str | None = None,
) -> Document:
    """Read ``source``: ``"-"`` for stdin, an http(s) URL, or a file path.

    URLs are fetched with a total ``timeout``, at most ``max_bytes`` of body, at most
    ``MAX_REDIRECTS`` redirects, and only text content types; a URL whose host resolves to a
    private, loopback or link-local address is refused unless ``allow_private`` (checked again
    at every redirect). ``input_format`` says how to read it (see ``read``); a file named
    ``*.md`` or ``*.markdown`` is read as Markdown, anything else is sniffed.
    """
    from sayso.reading import read  # the package reads; this module only fetches the bytes

    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"standard input is over the limit of {max_bytes:,} bytes")
        return read(data, published=published, max_bytes=max_bytes, input_format=input_format)
    scheme = _split(source).scheme.lower()
    if scheme in ("http", "https"):
        data, charset = fetch(source, max_bytes=max_bytes, timeout=timeout, allow_private=allow_private)
        return read(
            data,
            published=published,
            url=source,
            max_bytes=max_bytes,
            encoding=charset,
            input_format=input_format,
        )
    if "://" in source or scheme in _REFUSED_SCHEMES:
        raise InputError(f"cannot read {source!r}: only http and https URLs are fetched (scheme {scheme!r})")
    path = Path(source)
    if input_format is None and path.suffix.lower() in MARKDOWN_SUFFIXES:
        input_format = "markdown"
    data = _read_file(path, max_bytes)
    return read(data, published=published, max_bytes=max_bytes, input_format=input_format)


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
    parts = _split(url)
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
            except (httpx.HTTPError, httpx.InvalidURL, UnicodeError) as error:  # UnicodeError: a host IDNA refuses
                raise InputError(f"cannot fetch {url!r}: {error}") from None
    raise InputError(f"cannot fetch {url!r}: more than {MAX_REDIRECTS} redirects")


def _split(url: str) -> SplitResult:
    """``urlsplit`` with the port read too, so that a malformed URL ("http://[::1", a port over
    65535) is an InputError rather than a ValueError."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # reading it validates it
    except ValueError as error:
        raise InputError(f"cannot read {url!r}: not a valid URL ({error})") from None
    return parts


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
