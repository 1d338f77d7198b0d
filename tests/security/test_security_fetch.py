"""URL fetching: only http(s), never private, loopback or link-local hosts unless allowed."""

from __future__ import annotations

import pytest

from sayso.errors import InputError
from sayso.reading import check_url, read_source

ARTICLE = (b"<html><body><article><p>Customs officers said the border crossing at Medyka reopened "
           b"on Monday after a two-day closure.</p></article></body></html>")


@pytest.mark.parametrize(
    "source",
    ["file:///etc/passwd", "FILE:///etc/passwd", "ftp://example.org/a.txt", "gopher://example.org/",
     "data:text/html,<p>hi</p>", "javascript:alert(1)", "ws://example.org/", "dict://127.0.0.1:11211/",
     "jar:http://example.org/a.jar!/", "sftp://example.org/x"],
)
def test_non_http_schemes_are_refused(source):
    with pytest.raises(InputError, match="only http and https"):
        read_source(source)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://localhost:8000/admin", "http://[::1]/", "http://0.0.0.0/",
     "http://10.1.2.3/", "http://172.16.0.9/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
     "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/", "http://[fe80::1]/", "http://2130706433/",
     "http://0x7f000001/", "http://127.1/", "http://0177.0.0.1/", "https://224.0.0.1/"],
)
def test_private_loopback_and_link_local_hosts_are_refused(url):
    with pytest.raises(InputError, match="non-public address"):
        check_url(url)


@pytest.mark.parametrize("url", ["http:///nohost", "https://", "http://:80/"])
def test_urls_without_a_host_are_refused(url):
    with pytest.raises(InputError, match="no host"):
        check_url(url)


def test_local_server_is_fetched_only_when_allowed(page_server):
    base, routes = page_server
    routes["/security-article"] = (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE)
    with pytest.raises(InputError, match="non-public address 127.0.0.1"):
        read_source(base + "/security-article")
    assert "Medyka" in read_source(base + "/security-article", allow_private=True).text


def test_redirect_to_a_refused_scheme_is_refused(page_server):
    base, routes = page_server
    routes["/to-file"] = (302, {"Location": "file:///etc/passwd"}, b"")
    with pytest.raises(InputError, match="only http and https"):
        read_source(base + "/to-file", allow_private=True)
