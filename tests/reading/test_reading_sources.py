"""read_source: files, stdin and URLs (fetched from a real server on 127.0.0.1)."""

from __future__ import annotations

import io
import sys

import pytest

from sayso.errors import InputError
from sayso.reading import check_url, read_source

ARTICLE = (
    "Officials in the port city said on Friday that grain shipments would resume next week, after "
    "the navy cleared mines from the approach channel and insurers agreed to cover the vessels."
)
PAGE = (
    "<html><head><title>Grain shipments to resume</title>"
    '<meta property="article:published_time" content="2023-07-21"></head>'
    f"<body><article><p>{ARTICLE}</p><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>"
).encode()


def test_file_path(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode())
    assert read_source(str(path)).text == ARTICLE


def test_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=f"no such file: '{missing}'"):
        read_source(str(missing))


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_source(str(tmp_path))


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MiB without writing them
    with pytest.raises(InputError, match="52,428,800 bytes; the limit is 10,000,000 bytes"):
        read_source(str(path))


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert read_source("-").text == ARTICLE


def test_stdin_over_the_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode() * 10)))
    with pytest.raises(InputError, match="standard input is over the limit of 500 bytes"):
        read_source("-", max_bytes=500)


def test_url_is_fetched_and_recorded(page_server):
    base, routes = page_server
    routes["/story"] = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE)
    document = read_source(f"{base}/story", allow_private=True)
    assert ARTICLE in document.text
    assert document.url == f"{base}/story"
    assert (document.title, document.published) == ("Grain shipments to resume", "2023-07-21")


def test_header_charset_is_used(page_server):
    base, routes = page_server
    text = f"{ARTICLE} The captain’s “all clear” came at noon."
    routes["/latin"] = (200, {"Content-Type": "text/plain; charset=windows-1252"}, text.encode("cp1252"))
    document = read_source(f"{base}/latin", allow_private=True)
    assert document.text == text and document.warnings == ()


def test_redirects_are_followed(page_server):
    base, routes = page_server
    routes["/old"] = (301, {"Location": "/story-moved"}, b"")
    routes["/story-moved"] = (200, {"Content-Type": "text/plain"}, ARTICLE.encode())
    assert read_source(f"{base}/old", allow_private=True).text == ARTICLE


def test_redirect_loop_is_bounded(page_server):
    base, routes = page_server
    routes["/loop"] = (302, {"Location": "/loop"}, b"")
    with pytest.raises(InputError, match="more than 5 redirects"):
        read_source(f"{base}/loop", allow_private=True)


def test_redirect_to_another_scheme_is_refused(page_server):
    base, routes = page_server
    routes["/to-file"] = (302, {"Location": "file:///etc/passwd"}, b"")
    with pytest.raises(InputError, match="only http and https"):
        read_source(f"{base}/to-file", allow_private=True)


def test_http_error_status(page_server):
    base, _ = page_server
    with pytest.raises(InputError, match="HTTP 404"):
        read_source(f"{base}/missing", allow_private=True)


def test_non_text_content_type_is_refused(page_server):
    base, routes = page_server
    routes["/image"] = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n")
    with pytest.raises(InputError, match="'image/png'"):
        read_source(f"{base}/image", allow_private=True)


def test_body_over_the_limit_is_cut_off(page_server):
    base, routes = page_server
    routes["/big"] = (200, {"Content-Type": "text/plain"}, ARTICLE.encode() * 100)
    with pytest.raises(InputError, match="the limit is 2,000 bytes"):
        read_source(f"{base}/big", allow_private=True, max_bytes=2_000)


def test_body_over_the_limit_without_content_length_is_cut_off_while_streaming(page_server):
    base, routes = page_server
    routes["/stream"] = (200, {"Content-Type": "text/plain", "Content-Length": None}, ARTICLE.encode() * 100)
    with pytest.raises(InputError, match="over the limit of 2,000 bytes"):
        read_source(f"{base}/stream", allow_private=True, max_bytes=2_000)


def test_loopback_is_refused_unless_allowed(page_server):
    base, routes = page_server
    routes["/story"] = (200, {"Content-Type": "text/html"}, PAGE)
    with pytest.raises(InputError, match="non-public address 127.0.0.1.*allow_private"):
        read_source(f"{base}/story")


@pytest.mark.parametrize(
    "url",
    ["http://10.1.2.3/x", "http://192.168.0.10/", "http://169.254.169.254/latest/meta-data",
     "http://[::1]:8080/", "http://0.0.0.0/", "http://localhost/"],
)
def test_private_addresses_are_refused(url):
    with pytest.raises(InputError, match="non-public address"):
        check_url(url)


@pytest.mark.parametrize(
    "source",
    ["file:///etc/passwd", "ftp://example.org/story.txt", "gopher://example.org/", "data:text/html,<p>x</p>"],
)
def test_other_schemes_are_refused(source):
    with pytest.raises(InputError, match="only http and https"):
        read_source(source)


def test_silent_server_times_out():
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # accepts the connection in the backlog, never answers
        port = listener.getsockname()[1]
        with pytest.raises(InputError, match="no answer within 0.5 s"):
            read_source(f"http://127.0.0.1:{port}/slow", allow_private=True, timeout=0.5)


@pytest.mark.parametrize(
    ("source", "why"),
    [("http://[::1", "Invalid IPv6 URL"), ("https://example.org:99999/story", "Port out of range")],
)
def test_a_malformed_url_is_an_input_error(source, why):
    with pytest.raises(InputError, match=f"not a valid URL \\({why}"):
        read_source(source)


def test_a_redirect_to_a_malformed_url_is_an_input_error(page_server):
    base, routes = page_server
    routes["/broken"] = (302, {"Location": "http://[::1/story"}, b"")
    with pytest.raises(InputError, match="cannot fetch .*Invalid URL in location header"):
        read_source(f"{base}/broken", allow_private=True)


@pytest.mark.parametrize("source", ["http://exa mple.org/story", "http://a..b/story"])
def test_a_host_that_cannot_be_looked_up_is_an_input_error_when_private_hosts_are_allowed(source):
    with pytest.raises(InputError, match="cannot fetch"):
        read_source(source, allow_private=True, timeout=2)
