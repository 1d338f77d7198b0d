"""Pages and API over a real SQLite store holding hand-built analyses."""

from __future__ import annotations

import dataclasses

import pytest

from sayso.model import Analysis
from sayso.web.app import Settings, create_app
from sayso.web.data import open_corpus


@pytest.fixture
def corpus(tmp_path, reader_analysis: Analysis):
    corpus = open_corpus(tmp_path / "corpus.db")
    later = dataclasses.replace(
        reader_analysis, text=reader_analysis.text + "\nUpdated.", published="2023-03-20",
        title="Bridge repairs begin",
    )
    assert corpus.ingest(reader_analysis) == 1
    assert corpus.ingest(later) == 2
    return corpus


def test_home_lists_documents_newest_first(asgi_call, corpus) -> None:
    r = asgi_call(create_app(corpus), "GET", "/")
    assert r.status_code == 200
    assert "2 documents in the store" in r.text
    assert r.text.index("Bridge repairs begin") < r.text.index("Bridge struck near Zatoka")


def test_article_page_from_the_store(asgi_call, corpus) -> None:
    r = asgi_call(create_app(corpus), "GET", "/doc/1")
    assert r.status_code == 200
    assert 'data-source="Olena Marchuk"' in r.text and "unlikely · 20–45%" in r.text
    assert 'href="/speaker?name=Olena%20Marchuk"' in r.text
    assert "Analysed, not stored." not in r.text


@pytest.mark.parametrize("path", ["/doc/99", "/api/documents/99"])
def test_missing_document_is_404(asgi_call, corpus, path: str) -> None:
    r = asgi_call(create_app(corpus), "GET", path)
    assert r.status_code == 404
    assert "no document with id 99" in r.text


def test_search_links_into_the_article(asgi_call, corpus) -> None:
    r = asgi_call(create_app(corpus), "GET", "/search?q=rebuild")
    assert r.status_code == 200
    assert 'href="/doc/1#at-0"' in r.text or 'href="/doc/2#at-0"' in r.text
    api = asgi_call(create_app(corpus), "GET", "/api/search?q=offensive&kind=assessment").json()["hits"]
    assert api and {h["kind"] for h in api} == {"assessment"}
    assert api[0]["band"] == "unlikely" and api[0]["ref"] == "as-0"


@pytest.mark.parametrize("query", ["q=%22%3B+DROP+TABLE+documents%3B+--", "q=NEAR%28a+b%29+OR+*", "speaker=%25%27"])
def test_hostile_search_strings_find_nothing_and_break_nothing(asgi_call, corpus, query: str) -> None:
    r = asgi_call(create_app(corpus), "GET", f"/api/search?{query}")
    assert r.status_code in (200, 400)
    assert asgi_call(create_app(corpus), "GET", "/api/documents").json()["total"] == 2


def test_speaker_page_lists_quotes_by_date(asgi_call, corpus) -> None:
    r = asgi_call(create_app(corpus), "GET", "/speaker?name=Olena+Marchuk")
    assert r.status_code == 200
    assert "We will rebuild it within a month" in r.text
    speakers = asgi_call(create_app(corpus), "GET", "/api/speakers").json()["speakers"]
    assert "Olena Marchuk" in {s["name"] for s in speakers}


def test_timeline_draws_points_that_link_to_sentences(asgi_call, corpus) -> None:
    r = asgi_call(create_app(corpus), "GET", "/timeline?q=offensive")
    assert r.status_code == 200
    assert "<svg" in r.text and 'href="/doc/1#as-0"' in r.text
    assert "Centre for Coastal Studies" in r.text


def test_upload_stores_when_ingest_is_allowed(asgi_call, corpus, hostile_analysis: Analysis) -> None:
    app = create_app(corpus, Settings(allow_ingest=True))
    files = {"file": ("a.json", hostile_analysis.to_json(), "application/json")}
    r = asgi_call(app, "POST", "/analyze", files=files, data={"store": "on"})
    assert r.status_code == 303 and r.headers["location"] == "/doc/3"
    again = asgi_call(app, "POST", "/analyze", files=files, data={"store": "on"})
    assert again.headers["location"] == "/doc/3"  # stored once
    assert asgi_call(app, "GET", "/doc/3").status_code == 200


def test_article_pages_are_rendered_once_and_kept_apart(asgi_call, corpus, monkeypatch) -> None:
    app = create_app(corpus)
    first = asgi_call(app, "GET", "/doc/1")
    reads: list[int] = []
    monkeypatch.setattr(corpus, "document", lambda doc_id: reads.append(doc_id) or pytest.fail("re-read doc 1"))
    again = asgi_call(app, "GET", "/doc/1")
    assert again.text == first.text and reads == []
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    monkeypatch.undo()
    other = asgi_call(app, "GET", "/doc/2")
    assert "Bridge repairs begin" in other.text and other.text != first.text


def test_an_assessment_without_a_band_is_listed_with_its_reading_and_left_off_the_chart(
    asgi_call, tmp_path, reader_analysis: Analysis
) -> None:
    """A judgement ("assess", no number on ICD 203) is stored: search and the article say what it
    is, the API gives null numbers, and the probability timeline does not draw it."""
    from sayso.model import Span

    (wep,) = reader_analysis.assessments
    start = reader_analysis.text.index("assess that")
    judgement = dataclasses.replace(wep, phrase=Span.of(reader_analysis.text, start, start + 6), band=None,
                                    probability=None, category="assess-verb")
    corpus = open_corpus(tmp_path / "corpus.db")
    doc = corpus.ingest(dataclasses.replace(reader_analysis, assessments=(wep, judgement)))
    app = create_app(corpus)
    page = asgi_call(app, "GET", "/search?q=offensive&kind=assessment").text
    assert "judgement (assessment verb, no band)" in page and "None" not in page
    hits = {h["phrase"]: h for h in asgi_call(app, "GET", "/api/search?q=offensive&kind=assessment").json()["hits"]}
    assert hits["assess"]["band"] is None and hits["assess"]["median"] is None
    assert hits["assess"]["category"] == "assess-verb" and hits["unlikely"]["reading"] == "unlikely"
    chart = asgi_call(app, "GET", "/timeline?q=offensive").text
    assert f'href="/doc/{doc}#as-0"' in chart and f'href="/doc/{doc}#as-1"' not in chart
    assert "judgement (assessment verb, no band)" in asgi_call(app, "GET", f"/doc/{doc}").text
