"""The web reader: no path traversal out of /static, no writes unless --allow-ingest."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from sayso.store import schema

TRAVERSALS = [
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static/..%5c..%5c..%5cetc%5cpasswd",
    "/static/....//....//....//etc/passwd",
    "/static/..;/..;/etc/passwd",
    "/static//etc/passwd",
    "/static/%00../../etc/passwd",
    "/static/../app.py",
    "/static/..%2fapp.py",
    "/static/../templates/base.html",
]


def raw_get(app, raw_path: str) -> tuple[int, bytes]:
    """GET with the path exactly as given (an HTTP client would normalise the dots away)."""
    from urllib.parse import unquote

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": unquote(raw_path), "raw_path": raw_path.encode(), "root_path": "", "query_string": b"",
        "headers": [(b"host", b"test")], "server": ("test", 80), "client": ("127.0.0.1", 1234),
    }
    sent: list[dict] = []
    requested = False

    async def receive():
        nonlocal requested
        if requested:  # the client stays connected until the response is sent
            await asyncio.Event().wait()
        requested = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    # In a thread of its own: Playwright's sync API may keep a loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


@pytest.mark.parametrize("path", TRAVERSALS)
def test_static_route_does_not_leave_its_folder(path):
    from sayso.web.app import create_app

    status, body = raw_get(create_app(None), path)
    assert status in (400, 404, 405), (status, body[:200])
    assert b"root:" not in body and b"create_app" not in body and b"{% block" not in body


def test_static_route_still_serves_its_own_files():
    from sayso.web.app import HERE, create_app

    name = next(p.name for p in (HERE / "static").iterdir() if p.is_file())
    status, body = raw_get(create_app(None), f"/static/{name}")
    assert status == 200 and body == (HERE / "static" / name).read_bytes()


def test_only_the_analyze_and_link_decision_routes_accept_writes():
    """Each needs --allow-ingest (the link route: tests/scorecards/test_scorecards_web.py)."""
    from sayso.web.app import create_app

    writable = {
        (route.path, method)
        for route in create_app(None).routes
        for method in getattr(route, "methods", None) or ()
        if method not in ("GET", "HEAD")
    }
    assert writable == {("/analyze", "POST"), ("/api/analyze", "POST"), ("/questions/{question_id}/links", "POST")}


def document_count(store) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()


ARTICLE = ("Harbour officials said \u201cthe grain terminal will reopen on Friday\u201d after the storm. "
           "Insurers assess it is unlikely that premiums will fall this year.")


def test_read_only_server_refuses_every_write_and_stores_nothing(small_corpus, asgi_call, nlp):
    from sayso.web.app import create_app
    from sayso.web.data import StoreCorpus

    app = create_app(StoreCorpus(small_corpus))
    before = document_count(small_corpus)
    api = asgi_call(app, "POST", "/api/analyze", json={"text": ARTICLE, "store": True})
    form = asgi_call(app, "POST", "/analyze", data={"text": ARTICLE, "store": "on"})
    assert api.status_code == 403 and "read-only" in api.json()["error"]
    assert form.status_code == 403 and "--allow-ingest" in form.text
    for method in ("PUT", "DELETE", "PATCH"):
        assert asgi_call(app, method, "/api/documents/1").status_code == 405
    preview = asgi_call(app, "POST", "/api/analyze", json={"text": ARTICLE})  # analysing without storing is fine
    assert preview.status_code == 200 and "id" not in preview.json()
    assert document_count(small_corpus) == before


def test_allow_ingest_lets_the_same_request_store(small_corpus, asgi_call, nlp):
    from sayso.web.app import Settings, create_app
    from sayso.web.data import StoreCorpus

    app = create_app(StoreCorpus(small_corpus), Settings(allow_ingest=True))
    before = document_count(small_corpus)
    response = asgi_call(app, "POST", "/api/analyze", json={"text": ARTICLE, "store": True})
    assert response.status_code == 200 and isinstance(response.json()["id"], int)
    assert document_count(small_corpus) == before + 1
