"""Load on the web reader: concurrent readers against ``sayso serve`` over an N-document store.

A benchmark, not a test. It fills a SQLite store (analysing ``--analyse`` PolNeAR articles once and
storing marked copies of them up to ``--docs`` documents), starts ``python -m sayso serve`` on
127.0.0.1, drives ``--clients`` concurrent readers for at most ``--requests`` requests or
``--seconds`` seconds (whichever ends first), stops the server, and prints throughput,
p50/p95/p99 latency and errors.

    .venv/bin/python benchmarks/web_load.py --docs 1000 --clients 50 --requests 5000
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


def start_server(db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sayso", "serve", "--db", str(db), "--port", str(port)],
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


async def drive(base: str, docs: int, clients: int, requests: int, seconds: float, seed: int) -> dict:
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
    async with httpx.AsyncClient(base_url=base, timeout=30.0, limits=limits) as client:
        await asyncio.gather(*(reader(n, client) for n in range(clients)))
    elapsed = time.perf_counter() - began
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    errors = sum(count for status, count in statuses.items() if status != "200")
    return {
        "requests": len(latencies), "seconds": round(elapsed, 2), "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(quantiles[49] * 1000, 1), "p95_ms": round(quantiles[94] * 1000, 1),
        "p99_ms": round(quantiles[98] * 1000, 1), "errors": errors, "statuses": dict(statuses),
        "median_ms_by_route": {route: round(statistics.median(times) * 1000, 1) for route, times in by_route.items()},
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
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.db"
        if args.db is None:
            print(f"filling {db} with {args.docs} documents ({args.analyse} analysed)…", file=sys.stderr)
            print(f"filled in {fill_store(db, args.docs, args.analyse):.1f} s", file=sys.stderr)
        port = free_port()
        server = start_server(db, port)
        try:
            result = asyncio.run(
                drive(f"http://127.0.0.1:{port}", args.docs, args.clients, args.requests, args.seconds, args.seed)
            )
        finally:
            server.terminate()
            server.wait(timeout=15)
    result.update(docs=args.docs, clients=args.clients)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
