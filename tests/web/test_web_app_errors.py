"""The app without a corpus: error mapping, limits, read-only mode, offline API docs, headers."""

from __future__ import annotations

import pytest

from sayso.web.app import Settings, create_app

APP = create_app(None, Settings(max_upload_bytes=5_000))


def test_home_without_corpus_offers_the_paste_box(asgi_call) -> None:
    r = asgi_call(APP, "GET", "/")
    assert r.status_code == 200
    assert "No corpus is open" in r.text and 'href="/analyze"' in r.text


@pytest.mark.parametrize("path", ["/doc/1", "/search?q=bridge", "/speakers", "/speaker?name=x", "/timeline?q=x"])
def test_corpus_pages_without_corpus_are_404_pages(asgi_call, path: str) -> None:
    r = asgi_call(APP, "GET", path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "start the server with --db PATH" in r.text


@pytest.mark.parametrize("path", ["/api/documents", "/api/documents/3", "/api/speakers", "/api/timeline?q=x"])
def test_api_without_corpus_is_404_json(asgi_call, path: str) -> None:
    r = asgi_call(APP, "GET", path)
    assert r.status_code == 404
    assert r.json() == {"error": "no corpus is open; start the server with --db PATH", "status": 404}


@pytest.mark.parametrize(
    ("query", "message"),
    [("voice=narrator", "voice 'narrator' is not one of author, quoted"),
     ("since=last+week", "the “from” date 'last week' is not a date like 2022-10-11 (parameter since)"),
     ("until=2022-13-45", "the “to” date '2022-13-45' is not a date like 2022-10-11 (parameter until)"),
     ("kind=tweet", "kind 'tweet' is not"),
     ("limit=many", "invalid request")],
)
def test_bad_search_filters_are_400_json(asgi_call, query: str, message: str) -> None:
    r = asgi_call(APP, "GET", f"/api/search?{query}")
    assert r.status_code in (400, 422)
    assert message in r.json()["error"]


@pytest.mark.issue(18)
@pytest.mark.parametrize("value", ["2022", "2022-13-01", "2022-02-30"])
def test_bad_date_names_the_form_field_not_a_cli_option(asgi_call, value: str) -> None:
    r = asgi_call(APP, "GET", f"/search?q=x&since={value}")
    assert r.status_code == 400
    assert f"the “from” date &#39;{value}&#39; is not a date" in r.text or f"the “from” date '{value}'" in r.text
    assert "--since" not in r.text


def test_upload_over_the_limit_gets_a_clear_error_page(asgi_call) -> None:
    r = asgi_call(APP, "POST", "/analyze", data={"text": "word " * 2_000})
    assert r.status_code == 413
    assert "larger than the 5,000-byte limit" in r.text
    assert r.headers["content-type"].startswith("text/html")


def test_api_upload_over_the_limit_is_413_json(asgi_call) -> None:
    r = asgi_call(APP, "POST", "/api/analyze", json={"text": "word " * 2_000})
    assert r.status_code == 413
    assert "5,000-byte limit" in r.json()["error"]


def test_streamed_body_without_length_is_cut_at_the_limit(asgi_call) -> None:
    async def chunks():
        for _ in range(20):
            yield b"x" * 1_000

    r = asgi_call(APP, "POST", "/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_storing_on_a_read_only_server_is_403(asgi_call) -> None:
    r = asgi_call(APP, "POST", "/analyze", data={"text": "Officials said it was calm.", "store": "on"})
    assert r.status_code == 403
    assert "read-only" in r.text and "--allow-ingest" in r.text


def test_api_store_on_read_only_server_is_403(asgi_call) -> None:
    r = asgi_call(APP, "POST", "/api/analyze", json={"text": "Officials said it was calm.", "store": True})
    assert r.status_code == 403


def test_empty_paste_is_a_400_page(asgi_call) -> None:
    r = asgi_call(APP, "POST", "/analyze", data={"text": "   "})
    assert r.status_code == 400
    assert "nothing to analyse" in r.text


def test_api_docs_are_served_offline(asgi_call) -> None:
    r = asgi_call(APP, "GET", "/docs")
    assert r.status_code == 200
    assert "/api/search" in r.text and "/api/analyze" in r.text
    assert "cdn" not in r.text.lower()
    spec = asgi_call(APP, "GET", "/openapi.json").json()
    assert {"/api/documents/{doc_id}", "/api/search", "/api/timeline", "/api/speaker"} <= set(spec["paths"])


def test_pages_carry_a_script_blocking_csp(asgi_call) -> None:
    r = asgi_call(APP, "GET", "/analyze")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_static_files_do_not_traverse(asgi_call) -> None:
    r = asgi_call(APP, "GET", "/static/..%2f..%2fapp.py")
    assert r.status_code == 404
