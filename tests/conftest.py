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
                if value is not None:  # a None value omits the header (e.g. no Content-Length)
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


# --- corpus store (issue 4) -------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL (Debian's binaries) in a temporary cluster on 127.0.0.1; its admin URL."""
    from sayso.errors import ConfigError
    from sayso.store.pgcluster import postgres_bindir, temporary_cluster

    try:
        postgres_bindir()
    except ConfigError as error:
        pytest.skip(str(error))
    with temporary_cluster() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server, request):
    """A fresh, empty database on the session's PostgreSQL server."""
    import re
    import uuid

    from sayso.store.pgcluster import create_database

    # A unique suffix: parametrized tests share the first 40 characters of their names, and a
    # free port number (the suffix before) can come round again within one session.
    name = "t_" + re.sub(r"\W", "_", request.node.name).lower()[:40] + f"_{uuid.uuid4().hex[:12]}"
    return create_database(postgres_server, name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """Each store test runs against a SQLite file and against a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def make_analysis():
    """Build an Analysis by hand: quotes and assessments are located in ``text`` by substring.

    quotes: (content, cue, speaker, org); assessments: (phrase, band, (low, high, median), assessor, proposition).
    """
    from sayso.model import Analysis, Assessment, Attribution, Entity, Passage, Probability, Span, Speaker

    def make(text, *, quotes=(), assessments=(), published=None, title=None, url=None):
        def span(needle):
            if needle is None:
                return None
            start = text.index(needle)
            return Span.of(text, start, start + len(needle))

        def sentence_of(start):
            begin = max(text.rfind(". ", 0, start) + 2, 0) if text.rfind(". ", 0, start) >= 0 else 0
            end = text.find(".", start)
            return Span.of(text, begin, len(text) if end < 0 else end + 1)

        attributions = tuple(
            Attribution("direct", span(content), span(cue), Speaker(speaker, span(speaker), None, org, "PERSON"))
            for content, cue, speaker, org in quotes
        )
        found = tuple(
            Assessment(
                span(phrase), sentence_of(text.index(phrase)), span(proposition), band, Probability(*p),
                "icd203", assessor, span(assessor) if assessor and assessor in text else None, False,
            )
            for phrase, band, p, assessor, proposition in assessments
        )
        entities = tuple(
            Entity(q[2], "PERSON", (), (span(q[2]),)) for q in quotes if q[2] and q[2] in text
        )
        return Analysis(
            text=text, published=published, title=title, url=url,
            passages=(Passage(0, len(text), text, "author"),), attributions=attributions,
            assessments=found, entities=entities,
        )

    return make


# --- web reader (issue 5) ---------------------------------------------------------------------

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def serve_process():
    """Start ``python -m sayso serve ARGS`` on a free port; returns its base URL.

    Fails fast with the server's output if it dies before answering; every server started is
    terminated, then waited for, at the end of the session.
    """
    import socket
    import subprocess
    import sys
    import time

    import httpx

    started: list[subprocess.Popen] = []

    def start(*args: str, timeout: float = 60.0) -> str:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        proc = subprocess.Popen(
            [sys.executable, "-m", "sayso", "serve", "--port", str(port), *args],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        started.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"sayso serve exited with {proc.returncode}:\n{proc.stdout.read()}")
            try:
                httpx.get(url + "/analyze", timeout=1.0)
                return url
            except httpx.TransportError:
                time.sleep(0.1)
        proc.terminate()
        pytest.fail(f"sayso serve did not answer on {url} within {timeout:g} s:\n{proc.communicate()[0]}")

    yield start
    for proc in started:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (no browser download)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not installed: apt-get install -y chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def screenshot(request):
    """Save a page screenshot as a test artifact: artifacts/screenshots/<name>.png; returns the path."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    def save(page, name: str, full_page: bool = True) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save


CORPUS_QUOTE = "armoured columns are moving from the north towards the border crossings tonight"
CORPUS_FILLER = (
    "Residents of the border villages reported heavy traffic on the main road through the night, and "
    "shops closed early while the regional council met in an emergency session to discuss shelters. "
)
CORPUS_WIRE = (
    f"A regional governor said \"{CORPUS_QUOTE}\" in a statement. {CORPUS_FILLER}"
    "The institute assesses it is unlikely that forces will attack from the north this winter."
)
CORPUS_LATER = (
    "Satellite pictures show new bridges over the marshes. Farmers near the crossing points were told to leave "
    "their fields by the end of the week, and rail traffic has been suspended on two lines. "
    "The institute now assesses it is likely that forces will attack from the north this winter."
)
CORPUS_GRAIN = (
    "Colonel Rivera told reporters \"the grain convoys will resume once the port is cleared of mines\" at the quay. "
    "Exporters doubt the timetable, and insurers have raised their premiums for ships calling at the port again."
)


@pytest.fixture
def small_corpus(db_url, make_analysis):
    """Four stored articles: a wire story, its reprint, a later changed assessment, an unrelated quote."""
    from sayso.store.database import open_store
    from sayso.store.writer import Writer

    store = open_store(db_url)
    writer = Writer(store)
    wire = dict(
        quotes=[(CORPUS_QUOTE, "said", "A regional governor", "Regional administration")],
        assessments=[("unlikely", "unlikely", (0.2, 0.45, 0.3), "The institute", "forces will attack from the north this winter")],
    )
    writer.save(make_analysis(CORPUS_WIRE, published="2022-10-01", title="Wire story", url="https://wire.example/1", **wire),
                raw=CORPUS_WIRE, source_name="wire.txt")
    reprint = "Morning briefing. " + CORPUS_WIRE
    writer.save(make_analysis(reprint, published="2022-10-02", title="Reprint", url="https://paper.example/9", **wire),
                raw=reprint, source_name="reprint.txt")
    writer.save(
        make_analysis(
            CORPUS_LATER, published="2022-11-15", title="Later view",
            assessments=[("likely", "likely", (0.55, 0.8, 0.7), "The institute", "forces will attack from the north this winter")],
        ),
        raw=CORPUS_LATER, source_name="later.txt",
    )
    writer.save(
        make_analysis(
            CORPUS_GRAIN, published="2022-10-20", title="Grain",
            quotes=[("the grain convoys will resume once the port is cleared of mines", "told", "Colonel Rivera", "Navy")],
        ),
        raw=CORPUS_GRAIN, source_name="grain.txt",
    )
    return store


@pytest.fixture(scope="session")
def asgi_call():
    """``call(app, method, path, **httpx_kwargs)``: one in-process request through httpx's ASGI transport.

    Runs its own event loop in a worker thread, so it works beside Playwright's sync API (which
    keeps a loop running in the main thread).
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    def call(app, method: str, path: str, **kwargs):
        async def go():
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await client.request(method, path, **kwargs)

        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, go()).result()

    return call


@pytest.fixture
def run_sayso(capsys):
    """Run the ``sayso`` command in-process as a user would: ``run_sayso(*args)`` gives
    (exit code, stdout, stderr)."""
    from sayso.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            main(list(args))
            code = 0
        except SystemExit as stopped:
            code = stopped.code
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
