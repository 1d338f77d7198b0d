"""Load on the web reader: concurrent readers (and one writer) against ``sayso serve`` over an N-document store.

A benchmark, not a test. It fills a SQLite store (analysing ``--analyse`` PolNeAR articles once and
storing marked copies of them up to ``--docs`` documents), starts ``python -m sayso serve`` on
127.0.0.1 (``--workers`` processes), drives ``--clients`` concurrent readers for at most
``--requests`` requests or ``--seconds`` seconds (whichever ends first), stops the server, and
prints throughput, p50/p95/p99 latency and errors. ``--writer api`` adds one client that stores
new articles through ``POST /api/analyze`` (server started with ``--allow-ingest``) the whole
time; ``--writer ingest`` runs ``sayso ingest`` into the same SQLite file instead. The writer's
documents stored and errors are reported separately.

    .venv/bin/python benchmarks/web_load.py --docs 1000 --clients 50 --requests 5000
    .venv/bin/python benchmarks/web_load.py --clients 50 --seconds 60 --requests 100000 --writer api --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "polnear.jsonl"


def fill_store(db: Path, docs: int, analyse: int) -> float:
    """Analyse ``analyse`` articles and store ``docs`` documents; returns seconds spent."""
    from sayso.pipeline import analyze_documents
    from sayso.reading import read
    from sayso.web.data import open_corpus

    started = time.perf_counter()
    with POLNEAR.open(encoding="utf-8") as lines:
        records = [json.loads(line) for _, line in zip(range(analyse), lines)]
    documents = [read(r["text"], published=r.get("publication_date")) for r in records]
    analyses = [
        dataclasses.replace(a, title=r.get("title"))
        for a, r in zip(analyze_documents(documents), records, strict=True)
    ]
    corpus = open_corpus(db)
    for i in range(docs):
        base = analyses[i % len(analyses)]
        # A marked copy: a new content hash, every span still slicing the same text.
        corpus.ingest(dataclasses.replace(base, text=f"{base.text}\n\n(copy {i})", title=f"{base.title} #{i}"))
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1, allow_ingest: bool = False) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sayso", "serve", "--db", str(db), "--port", str(port), "--workers", str(workers),
         *(["--allow-ingest"] if allow_ingest else [])],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}:\n{proc.stdout.read()}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=1)
            return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("server did not start within 60 s")


def pick_path(rng: random.Random, docs: int) -> str:
    """Mostly article pages, as readers browse; some JSON, search and speaker pages."""
    doc = rng.randint(1, docs)
    roll = rng.random()
    if roll < 0.75:
        return f"/doc/{doc}"
    if roll < 0.90:
        return f"/api/documents/{doc}"
    if roll < 0.97:
        return "/search?q=" + rng.choice(["president", "election", "likely", "said", "campaign"])
    return "/speakers?limit=50"


def writer_articles(count: int, offset: int) -> list[dict]:
    """PolNeAR articles the store does not hold yet (past the ones analysed to fill it)."""
    with POLNEAR.open(encoding="utf-8") as lines:
        records = [json.loads(line) for _, line in zip(range(offset + count), lines)][offset:]
    return [{"text": r["text"], "published": r.get("publication_date"), "store": True} for r in records]


async def api_writer(client: httpx.AsyncClient, articles: list[dict], deadline: float, stats: Counter) -> None:
    """One client storing articles through the API, one at a time, until the deadline."""
    for article in articles:
        if time.monotonic() >= deadline:
            return
        began = time.perf_counter()
        try:
            response = await client.post("/api/analyze", json=article, timeout=120.0)
            stats["stored" if response.status_code == 200 else f"status {response.status_code}"] += 1
        except httpx.HTTPError as error:
            stats[type(error).__name__] += 1
        stats["busy_ms"] += int((time.perf_counter() - began) * 1000)


def ingest_writer(db: Path, articles: list[dict], folder: Path) -> subprocess.Popen:
    """``sayso ingest`` of the articles (as JSON Lines) into the served SQLite file."""
    feed = folder / "writer.jsonl"
    feed.write_text("".join(json.dumps({"text": a["text"], "published": a["published"]}) + "\n" for a in articles))
    return subprocess.Popen([sys.executable, "-m", "sayso", "ingest", str(feed), "--db", str(db), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


async def drive(
    base: str, docs: int, clients: int, requests: int, seconds: float, seed: int, writer: list[dict] | None = None
) -> dict:
    latencies: list[float] = []
    by_route: dict[str, list[float]] = {}
    statuses: Counter[str] = Counter()
    budget = iter(range(requests))
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def reader(n: int, client: httpx.AsyncClient) -> None:
        rng = random.Random(seed + n)
        while time.monotonic() < deadline and next(budget, None) is not None:
            path = pick_path(rng, docs)
            began = time.perf_counter()
            try:
                response = await client.get(path)
                await response.aread()
                statuses[str(response.status_code)] += 1
            except httpx.HTTPError as error:
                statuses[type(error).__name__] += 1
            latencies.append(time.perf_counter() - began)
            by_route.setdefault(path.split("?")[0].rsplit("/", 1)[0] or path.split("?")[0], []).append(latencies[-1])

    began = time.perf_counter()
    written: Counter[str] = Counter()
    async with (
        httpx.AsyncClient(base_url=base, timeout=30.0, limits=limits) as client,
        httpx.AsyncClient(base_url=base) as writing,
    ):
        tasks = [reader(n, client) for n in range(clients)]
        if writer:
            tasks.append(api_writer(writing, writer, deadline, written))
        await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - began
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    errors = sum(count for status, count in statuses.items() if status != "200")
    return {
        "requests": len(latencies), "seconds": round(elapsed, 2), "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(quantiles[49] * 1000, 1), "p95_ms": round(quantiles[94] * 1000, 1),
        "p99_ms": round(quantiles[98] * 1000, 1), "errors": errors, "statuses": dict(statuses),
        "median_ms_by_route": {route: round(statistics.median(times) * 1000, 1) for route, times in by_route.items()},
        **({"writer": dict(written)} if writer else {}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the store")
    parser.add_argument("--analyse", type=int, default=40, help="distinct articles analysed to fill it")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000, help="stop after this many requests")
    parser.add_argument("--seconds", type=float, default=120.0, help="stop after this long")
    parser.add_argument("--db", type=Path, help="reuse this store instead of filling a new one")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1, help="sayso serve --workers")
    parser.add_argument("--writer", choices=["none", "api", "ingest"], default="none",
                        help="one writer storing new articles meanwhile: through the API, or a sayso ingest process")
    parser.add_argument("--writer-articles", type=int, default=200, help="new articles the writer may store")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.db"
        if args.db is None:
            print(f"filling {db} with {args.docs} documents ({args.analyse} analysed)…", file=sys.stderr)
            print(f"filled in {fill_store(db, args.docs, args.analyse):.1f} s", file=sys.stderr)
        port = free_port()
        server = start_server(db, port, args.workers, allow_ingest=args.writer == "api")
        articles = writer_articles(args.writer_articles, args.analyse) if args.writer != "none" else []
        ingesting = ingest_writer(db, articles, Path(tmp)) if args.writer == "ingest" else None
        try:
            result = asyncio.run(
                drive(f"http://127.0.0.1:{port}", args.docs, args.clients, args.requests, args.seconds, args.seed,
                      writer=articles if args.writer == "api" else None)
            )
        finally:
            server.terminate()
            server.wait(timeout=15)
            if ingesting is not None:
                ingesting.terminate()
                _, err = ingesting.communicate(timeout=30)
                result_ingest = {"exit": ingesting.returncode, "last": (err.strip().splitlines() or [""])[-1]}
        if ingesting is not None:
            from sayso.store.database import open_store
            from sayso.store.query import count_documents

            result["writer"] = {**result_ingest, "stored": count_documents(open_store(db)) - args.docs}
    result.update(docs=args.docs, clients=args.clients, workers=args.workers, writer_mode=args.writer)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
