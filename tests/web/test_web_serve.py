"""``sayso serve`` as a real process: defaults, a store-backed server answering pages and JSON."""

from __future__ import annotations

import httpx

from sayso.cli.serve import serve
from sayso.web.data import open_corpus


def test_serve_binds_loopback_and_is_read_only_by_default() -> None:
    context = serve.make_context("serve", [])
    assert context.params["host"] == "127.0.0.1"
    assert context.params["allow_ingest"] is False


def test_served_store_answers_pages_and_api(serve_process, tmp_path, reader_analysis) -> None:
    db = tmp_path / "served.db"
    open_corpus(db).ingest(reader_analysis)
    base = serve_process("--db", str(db))
    page = httpx.get(f"{base}/doc/1", timeout=10)
    assert page.status_code == 200 and 'data-source="Olena Marchuk"' in page.text
    api = httpx.get(f"{base}/api/documents/1", timeout=10).json()
    assert api["analysis"]["schema"] == "sayso/1" and api["document"]["title"] == "Bridge struck near Zatoka"
    refused = httpx.post(f"{base}/api/analyze", json={"text": "Officials said so.", "store": True}, timeout=10)
    assert refused.status_code == 403
