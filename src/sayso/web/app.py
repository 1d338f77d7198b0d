"""The web reader: server-rendered pages over the corpus, and the same data as JSON under /api.

Read-only unless ``allow_ingest``; uploads are capped in size and analysis time; every sayso
error becomes a status code in one place (``_error_response``) as a page or as JSON.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sayso.errors import InputError, SaysoError
from sayso.model import Analysis
from sayso.reading.sources import MARKDOWN_SUFFIXES
from sayso.web import chart, scorecards
from sayso.web.data import Corpus, Filters, analysis_from_json
from sayso.web.render import percent_range, render

HERE = Path(__file__).resolve().parent
VOICES = ("author", "quoted")
SPEAKERS_PER_PAGE = 100
HITS_PER_PAGE = 50
RENDERED_ARTICLES = 512  # article pages kept rendered in memory, most recently read first
BANDS = (
    "remote", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely", "almost certain",
)
SECURITY_HEADERS = {
    # Scripts only from our own static files: even a missed escape could not run inline script.
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """How the server behaves; the CLI fills it from its options."""

    allow_ingest: bool = False
    max_upload_bytes: int = 2_000_000
    analysis_timeout: float = 60.0
    analysis_workers: int = 2  # analyses running at once; the rest wait


class AnalyzeRequest(BaseModel):
    text: str = Field(description="article text or HTML")
    published: str | None = Field(default=None, description="publication date YYYY-MM-DD")
    url: str | None = None
    store: bool = Field(default=False, description="store the analysis (needs --allow-ingest)")


class UploadTimeout(SaysoError):
    status = 504


class ReadOnly(SaysoError):
    status = 403


class TooLarge(InputError):
    status = 413


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes before they are read into memory."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(self.limit, scope, send)
            return
        # Read at most limit + 1 bytes, then replay them: a streamed body without a length is cut too.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            seen += len(chunks[-1])
            if seen > self.limit:
                await _too_large(self.limit, scope, send)
                return
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


def _too_large_message(limit: int) -> str:
    return f"upload is larger than the {limit:,}-byte limit; send a shorter article"


async def _too_large(limit: int, scope: Scope, send: Send) -> None:
    wants_json = scope["path"].startswith("/api/")
    error = TooLarge(_too_large_message(limit))
    response = _error_body(error.status, str(error), wants_json)
    await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "svg"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["slug"] = lambda value: re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
    env.filters["pct"] = lambda pair: percent_range(pair[0], pair[1])
    return Jinja2Templates(env=env)


TEMPLATES = _templates()


def _error_body(status: int, message: str, wants_json: bool) -> Response:
    if wants_json:
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=SECURITY_HEADERS)
    template = TEMPLATES.get_template("error.html")
    html = template.render(status=status, message=message, title=f"Error {status}")
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _error_response(request: Request, status: int, message: str) -> Response:
    """The one place an error becomes a response: JSON under /api, a page elsewhere."""
    return _error_body(status, message, request.url.path.startswith("/api/") or request.url.path == "/openapi.json")


def create_app(corpus: Corpus | None, settings: Settings | None = None) -> FastAPI:
    """The reader over ``corpus`` (None: only the paste-and-analyse page works)."""
    settings = settings or Settings()
    app = FastAPI(
        title="sayso reader",
        description="Voices, attributions and estimative probabilities in news articles.",
        docs_url=None,  # Swagger UI loads from a CDN; /docs is served offline below
        redoc_url=None,
    )
    app.state.corpus = corpus
    app.state.settings = settings
    limiter = anyio.CapacityLimiter(settings.analysis_workers)
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(SaysoError)
    async def sayso_error(request: Request, error: SaysoError) -> Response:
        return _error_response(request, error.status, str(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return _error_response(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return _error_response(request, 422, f"invalid request: {problems}")

    def need_corpus() -> Corpus:
        if app.state.corpus is None:
            raise HTTPException(404, "no corpus is open; start the server with --db PATH")
        return app.state.corpus

    def page(request: Request, template: str, **context: Any) -> Response:
        context.setdefault("title", "sayso")
        context["allow_ingest"] = settings.allow_ingest
        context["has_corpus"] = app.state.corpus is not None
        return TEMPLATES.TemplateResponse(request, template, context)

    async def run_analysis(
        text: str | bytes, published: str | None, url: str | None, input_format: str | None = None
    ) -> Analysis:
        from sayso.pipeline import analyze_document
        from sayso.reading import read

        def analyse() -> Analysis:
            return analyze_document(read(text, published=published or None, url=url or None, input_format=input_format))

        try:
            with anyio.fail_after(settings.analysis_timeout):
                return await anyio.to_thread.run_sync(
                    analyse,
                    limiter=limiter,
                    abandon_on_cancel=True,
                )
        except TimeoutError:
            raise UploadTimeout(
                f"analysis took longer than the {settings.analysis_timeout:g}-second limit; send a shorter article"
            ) from None

    def check_ingest(store: bool) -> None:
        if store and not settings.allow_ingest:
            raise ReadOnly("this server is read-only; start it with --allow-ingest to store articles")

    def filters_from(
        q: str, speaker: str | None, voice: str | None, since: str | None, until: str | None,
        band: str | None, kind: str | None, limit: int, all_cues: bool = False,
    ) -> Filters:
        if voice and voice not in VOICES:
            raise InputError(f"voice {voice!r} is not one of {', '.join(VOICES)}")
        if kind and kind not in ("attribution", "assessment"):
            raise InputError(f"kind {kind!r} is not 'attribution' or 'assessment'")
        for name, label, value in (("since", "from", since), ("until", "to", until)):
            if value and not _is_date(value):  # named as the search form names it, not as the CLI does
                raise InputError(f"the “{label}” date {value!r} is not a date like 2022-10-11 (parameter {name})")
        return Filters(q.strip(), speaker or None, voice or None, since or None, until or None,
                       band or None, kind or None, max(1, min(limit, 500)), all_cues=all_cues)

    # ---- pages -------------------------------------------------------------------------------
    # Routes that read the corpus are plain functions: FastAPI runs them in its thread pool, so a
    # slow store read never blocks the event loop.

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, page_no: int = 1) -> Response:
        corpus = app.state.corpus
        size, offset = 50, max(0, page_no - 1) * 50
        docs = corpus.documents(size, offset) if corpus else []
        total = corpus.count() if corpus else 0
        return page(request, "home.html", docs=docs, total=total, page_no=page_no, size=size)

    # Stored documents never change (they are keyed by content hash), so an article page is
    # rendered once and served from memory after that: readers do not pay for re-rendering.
    rendered: OrderedDict[tuple[int, bool], bytes] = OrderedDict()
    rendered_lock = threading.Lock()

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, doc_id: int, all_cues: bool = False) -> Response:
        key = (doc_id, all_cues)
        with rendered_lock:
            body = rendered.get(key)
            if body is not None:
                rendered.move_to_end(key)
        if body is None:
            info, analysis = need_corpus().document(doc_id)
            response = page(request, "article.html", info=info, analysis=analysis, view=render(analysis, all_cues),
                            title=info.title or f"Document {info.id}", stored=True, all_cues=all_cues)
            body = bytes(response.body)
            with rendered_lock:
                rendered[key] = body
                while len(rendered) > RENDERED_ARTICLES:
                    rendered.popitem(last=False)
        return HTMLResponse(body)

    @app.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
    async def analyze_form(request: Request) -> Response:
        return page(request, "analyze.html", title="Analyse an article", limit=settings.max_upload_bytes)

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    async def analyze_page(request: Request) -> Response:
        form = await request.form(max_files=1, max_fields=8)
        upload = form.get("file")
        text: str | bytes = str(form.get("text") or "")
        is_json, input_format = False, None
        if isinstance(upload, UploadFile) and upload.filename:
            text = await upload.read()
            is_json = upload.filename.lower().endswith(".json")
            input_format = "markdown" if upload.filename.lower().endswith(MARKDOWN_SUFFIXES) else None  # as analyze reads it
        if not text.strip():
            raise InputError("nothing to analyse: paste text or HTML, or choose a file")
        store = form.get("store") == "on"
        check_ingest(store)
        published = str(form.get("published") or "") or None
        analysis = analysis_from_json(text) if is_json else await run_analysis(text, published, None, input_format)
        if store:
            doc_id = await anyio.to_thread.run_sync(need_corpus().ingest, analysis)
            return RedirectResponse(f"/doc/{doc_id}", status_code=303)
        return page(request, "article.html", info=None, analysis=analysis, view=render(analysis),
                    title=analysis.title or "Analysis (not stored)", stored=False)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request, q: str = "", speaker: str = "", voice: str = "", since: str = "", until: str = "",
        band: str = "", kind: str = "", limit: int = 100, all_cues: bool = False,
    ) -> Response:
        filters = filters_from(q, speaker, voice, since, until, band, kind, limit, all_cues)
        searched = any((filters.query, filters.speaker, filters.voice, filters.since, filters.until,
                        filters.band, filters.kind))
        hits = need_corpus().search(filters) if searched else []
        return page(request, "search.html", filters=filters, hits=hits, searched=searched, bands=BANDS,
                    voices=VOICES, title="Search")

    @app.get("/speakers", response_class=HTMLResponse, include_in_schema=False)
    def speakers_page(request: Request, page_no: int = 1, limit: int = SPEAKERS_PER_PAGE) -> Response:
        limit, page_no = max(1, min(limit, 1000)), max(1, page_no)
        found = need_corpus().speakers(limit + 1, (page_no - 1) * limit)
        return page(request, "speakers.html", speakers=found[:limit], page_no=page_no, limit=limit,
                    more=len(found) > limit, title="Speakers")

    @app.get("/speaker", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(request: Request, name: str, page_no: int = 1) -> Response:
        hits = need_corpus().search(Filters(speaker=name, limit=5000, exact_speaker=True))
        hits = sorted(hits, key=lambda h: (h.published or "", h.doc_id, h.ref))
        page_no = max(1, min(page_no, max(1, -(-len(hits) // HITS_PER_PAGE))))
        shown = hits[(page_no - 1) * HITS_PER_PAGE : page_no * HITS_PER_PAGE]
        quotes = sum(h.kind == "attribution" for h in hits)
        return page(request, "speaker.html", name=name, hits=shown, quotes=quotes, assessments=len(hits) - quotes,
                    page_no=page_no, pages=-(-len(hits) // HITS_PER_PAGE), title=name)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, q: str = "") -> Response:
        hits = need_corpus().timeline(q.strip(), 500) if q.strip() else []
        return page(request, "timeline.html", q=q, hits=hits, plot=chart.timeline(hits), title="Timeline")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def api_docs(request: Request) -> Response:
        return page(request, "docs.html", spec=app.openapi(), title="API")

    # ---- JSON API ------------------------------------------------------------------------------

    @app.get("/api/documents", summary="List stored documents")
    def api_documents(limit: int = 50, offset: int = 0) -> dict[str, Any]:
        corpus = need_corpus()
        docs = corpus.documents(max(1, min(limit, 500)), max(0, offset))
        return {"total": corpus.count(), "documents": [_plain(d) for d in docs]}

    @app.get("/api/documents/{doc_id}", summary="One document's analysis (schema sayso/1)")
    def api_document(doc_id: int) -> dict[str, Any]:
        info, analysis = need_corpus().document(doc_id)
        return {"document": _plain(info), "analysis": analysis.to_dict()}

    @app.get("/api/search", summary="Attributions and assessments matching text and filters")
    def api_search(
        q: str = "", speaker: str = "", voice: str = "", since: str = "", until: str = "", band: str = "",
        kind: str = "", limit: int = 100, all_cues: bool = False,
    ) -> dict[str, Any]:
        filters = filters_from(q, speaker, voice, since, until, band, kind, limit, all_cues)
        return {"hits": [_plain(h) for h in need_corpus().search(filters)]}

    @app.get("/api/speakers", summary="Speakers by number of quotes")
    def api_speakers(limit: int = 200) -> dict[str, Any]:
        return {"speakers": [_plain(s) for s in need_corpus().speakers(max(1, min(limit, 1000)))]}

    @app.get("/api/speaker", summary="Everything one speaker said or assessed, by date")
    def api_speaker(name: str) -> dict[str, Any]:
        hits = need_corpus().search(Filters(speaker=name, limit=500, exact_speaker=True))
        hits = sorted(hits, key=lambda h: (h.published or "", h.doc_id, h.ref))
        return {"speaker": name, "hits": [_plain(h) for h in hits]}

    @app.get("/api/timeline", summary="Assessments on a topic over time")
    def api_timeline(q: str, limit: int = 500) -> dict[str, Any]:
        return {"topic": q, "points": [_plain(h) for h in need_corpus().timeline(q.strip(), max(1, min(limit, 2000)))]}

    @app.post("/api/analyze", summary="Analyse an article; store it when asked and allowed")
    async def api_analyze(body: AnalyzeRequest) -> dict[str, Any]:
        check_ingest(body.store)
        analysis = await run_analysis(body.text, body.published, body.url)
        result: dict[str, Any] = {"analysis": analysis.to_dict()}
        if body.store:
            result["id"] = await anyio.to_thread.run_sync(need_corpus().ingest, analysis)
        return result

    scorecards.add_routes(app, page, need_corpus, settings.allow_ingest)
    return app


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _plain(record: Any) -> dict[str, Any]:
    """A slotted record as JSON-ready values."""
    return {name: getattr(record, name) for name in type(record).__slots__}
