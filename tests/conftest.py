"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
REFERENCE_ARTICLE = SHARED / "examples" / "belarus-rgv-oct-2022.txt"
POLNEAR = SHARED / "data" / "polnear" / "polnear.jsonl"
WEP = SHARED / "data" / "wep"


@pytest.fixture(scope="session")
def nlp():
    """The English model with sayso appended (what ``sayso.analyze`` uses)."""
    from sayso.pipeline import load

    return load()


@pytest.fixture(scope="session")
def bare_nlp():
    """The English model alone, for component tests that build their Doc step by step."""
    import spacy

    from sayso.pipeline import MODEL_NAME

    return spacy.load(MODEL_NAME)


@pytest.fixture(scope="session")
def reference_text() -> str:
    if not REFERENCE_ARTICLE.exists():
        pytest.skip(f"reference article not found at {REFERENCE_ARTICLE}")
    return REFERENCE_ARTICLE.read_text(encoding="utf-8")


READER_TEXT = (
    "Odesa, 3 March 2023. Regional officials said the rail bridge near Zatoka was struck twice overnight.[1]\n\n"
    "\u201cWe will rebuild it within a month,\u201d said Olena Marchuk, the deputy governor of the region.\n\n"
    "Analysts at the Centre for Coastal Studies assess that a renewed offensive is unlikely before the spring "
    "thaw. A ministry spokesman told reporters the strikes were \u201ca deliberate attempt to isolate the south.\u201d\n"
)


@pytest.fixture(scope="session")
def reader_analysis():
    """A small hand-built Analysis with overlapping spans of every kind, for rendering tests."""
    from sayso.model import from_plain

    text = READER_TEXT

    def at(needle: str, nth: int = 0) -> list[int]:
        start = -1
        for _ in range(nth + 1):
            start = text.index(needle, start + 1)
        return [start, start + len(needle)]

    para = [m for m in (0, text.index("\u201cWe"), text.index("Analysts"), len(text))]
    data = {
        "voices": [
            {"start": para[0], "end": para[1] - 2, "voice": "author"},
            {"start": para[1], "end": para[2] - 2, "voice": "quoted", "source": "Olena Marchuk"},
            {"start": para[2], "end": para[3] - 1, "voice": "author"},
        ],
        "attributions": [
            {"kind": "direct", "content": at("We will rebuild it within a month"), "cue": at("said", 1),
             "speaker_name": "Olena Marchuk", "speaker_mention": at("Olena Marchuk"),
             "speaker_role": "deputy governor", "speaker_org": "regional administration"},
            {"kind": "indirect", "content": at("the rail bridge near Zatoka was struck twice overnight"),
             "cue": at("said"), "speaker_name": "Regional officials", "speaker_mention": at("Regional officials")},
            {"kind": "mixed", "content": at("the strikes were \u201ca deliberate attempt to isolate the south.\u201d"),
             "cue": at("told"), "speaker_name": None, "speaker_mention": at("A ministry spokesman")},
        ],
        "assessments": [
            {"phrase": at("unlikely"), "sentence": [para[2], text.index("thaw.") + 5],
             "proposition": at("a renewed offensive"), "band": "unlikely",
             "probability": {"low": 0.2, "high": 0.45, "median": 0.3}, "scale": "icd203",
             "assessor": "Centre for Coastal Studies", "assessor_mention": at("Centre for Coastal Studies"),
             "negated": False},
        ],
        "dates": [{"start": at("3 March 2023")[0], "end": at("3 March 2023")[1], "value": "2023-03-03",
                   "granularity": "day", "relative": False},
                  {"start": at("overnight")[0], "end": at("overnight")[1], "value": "2023-03-02",
                   "granularity": "day", "relative": True}],
        "citations": [{"start": at("[1]")[0], "end": at("[1]")[1], "marker": "1",
                       "sentence": [text.index("Regional"), at("[1]")[1]]}],
        "entities": [{"name": "Olena Marchuk", "type": "PERSON", "mentions": [at("Olena Marchuk")]}],
    }
    return from_plain(text, data, published="2023-03-03", title="Bridge struck near Zatoka")


HOSTILE_TEXT = (
    "<script>window.__pwned = 1; document.title = 'pwned'</script> Officials said the report was "
    "<img src=x onerror=\"window.__pwned = 2\"> accurate.\n\n"
    "\u201c<a href=\"javascript:window.__pwned=3\">click</a> here,\u201d said Mr \"><svg onload=window.__pwned=4>.\n"
)


@pytest.fixture(scope="session")
def hostile_analysis():
    """An Analysis whose text, speaker names and title are all attempts at script injection."""
    from sayso.model import from_plain

    text = HOSTILE_TEXT
    quote = text.index("\u201c")
    data = {
        "voices": [{"start": 0, "end": quote - 2, "voice": "author"},
                   {"start": quote, "end": len(text) - 1, "voice": "quoted", "source": "<b onmouseover=alert(1)>x</b>"}],
        "attributions": [{"kind": "direct", "content": [quote + 1, text.index("\u201d")],
                          "cue": [text.index("said"), text.index("said") + 4],
                          "speaker_name": "\"><script>window.__pwned=5</script>",
                          "speaker_role": "' onmouseover='window.__pwned=6"}],
        "assessments": [{"phrase": [text.index("accurate"), text.index("accurate") + 8],
                         "sentence": [0, text.index("accurate") + 9], "band": "likely\" onclick=\"x",
                         "probability": {"low": 0.55, "high": 0.8, "median": 0.7}, "scale": "icd203",
                         "assessor": "<script>window.__pwned=7</script>", "negated": False}],
    }
    return from_plain(text, data, title="<script>window.__pwned=8</script>", url="javascript:window.__pwned=9")


@pytest.fixture(scope="session")
def page_server():
    """A real HTTP server on 127.0.0.1 serving ``routes[path] = (status, headers, body)``.

    Yields ``(base_url, routes)``; tests add their own routes. Stopped at the end of the session.
    """
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            status, headers, body = routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", routes
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
