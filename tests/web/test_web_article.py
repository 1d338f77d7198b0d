"""The article page rendered from an uploaded sayso/1 JSON: markup, escaping, side panel."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import httpx
import pytest

from sayso.model import Analysis
from sayso.web.app import create_app
from sayso.web.data import analysis_from_json


def _show(asgi_call, analysis_json: str | bytes) -> httpx.Response:
    """Upload a sayso/1 JSON through the form; the rendered response."""
    files = {"file": ("analysis.json", analysis_json, "application/json")}
    return asgi_call(create_app(None), "POST", "/analyze", files=files)


def test_article_marks_voices_quotes_and_badges(asgi_call, reader_analysis: Analysis) -> None:
    r = _show(asgi_call, reader_analysis.to_json())
    assert r.status_code == 200
    html = r.text
    assert re.search(r'<div class="passage voice-quoted" data-source="Olena Marchuk"><div class="source-label">'
                     r"quoted · Olena Marchuk</div>", html)
    assert '<span class="badge band-unlikely" data-ref="as-0">unlikely · 20–45%</span>' in html
    assert 'id="at-0"' in html and '<a class="speaker-link" href="#at-0" data-refs="at-0">' in html
    assert 'class="seg m-content m-date"' in html
    assert "Analysed, not stored." in html
    assert "deputy governor · regional administration · cue: said · direct quote" in html


class _Tags(HTMLParser):
    """Every element and attribute a browser would build from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_article_escapes_every_hostile_string(asgi_call, hostile_analysis: Analysis) -> None:
    html = _show(asgi_call, hostile_analysis.to_json()).text
    parser = _Tags()
    parser.feed(html)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"img", "svg", "b", "iframe"}
    assert [attrs.get("src") for tag, attrs in parser.tags if tag == "script"] == ["/static/app.js"]
    assert not [(t, a) for t, a in parser.tags for name in a if name.startswith("on")]
    assert not [a for t, a in parser.tags if (a.get("href") or "").lower().startswith("javascript:")]
    # The hostile text is all there, as text.
    assert "&lt;script&gt;window.__pwned = 1" in html
    assert "&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;" in html


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"{not json", "not valid JSON"),
        (json.dumps({"schema": "other/2", "text": "x"}), "not a sayso analysis"),
        (json.dumps({"schema": "sayso/1"}), "incomplete or malformed"),
        (json.dumps({"schema": "sayso/1", "text": "Calm day.", "dates": [
            {"start": 0, "end": 4, "text": "Storm", "value": None, "granularity": "day", "relative": False}]}),
         "does not match the article text"),
    ],
)
def test_bad_analysis_json_is_a_clear_400(asgi_call, payload, message: str) -> None:
    r = _show(asgi_call, payload)
    assert r.status_code == 400
    assert message in r.text


def test_analysis_json_round_trips(reader_analysis: Analysis) -> None:
    assert analysis_from_json(reader_analysis.to_json()) == reader_analysis


@pytest.mark.parametrize(("filename", "voice"), [("post.md", "voice-quoted"), ("post.txt", "voice-author")])
def test_an_uploaded_markdown_file_is_read_as_markdown(asgi_call, filename: str, voice: str) -> None:
    # one "> " line does not make a text plainly Markdown when sniffed; a .md name does, as in analyze
    # (the line is no sentence, so the plain-text e-mail reader leaves its mark alone too)
    post = ("The harbour board met on Tuesday and said very little about the lease afterwards.\n\n"
            "> the lease runs for forty years, not to be reopened before 2040\n")
    files = {"file": (filename, post.encode(), "text/plain")}
    r = asgi_call(create_app(None), "POST", "/analyze", files=files)
    assert r.status_code == 200
    before = r.text[: r.text.index("the lease runs")]
    assert re.findall(r'<div class="passage (voice-\w+)"', before)[-1] == voice
