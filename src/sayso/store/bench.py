"""Ingest runs measured: throughput for ``sayso bench ingest`` (where the time goes between analysis
and storage), and the article files and stored-document count that the benchmarks and the tests
of real ``sayso ingest`` processes (kill -9, Ctrl-C, several writers) share."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select

from sayso.store import schema
from sayso.store.database import Store, open_store
from sayso.store.ingest import ingest_items
from sayso.store.sources import item_from
from sayso.store.writer import content_hash

TOWNS = ("Kherson", "Mykolaiv", "Zaporizhzhia", "Dnipro", "Poltava", "Sumy", "Chernihiv", "Kharkiv", "Izium", "Lyman")


def write_articles(folder: Path, count: int, start: int = 0) -> dict[str, str]:
    """``count`` short, distinct news items as ``item-NNNN.txt`` files numbered from ``start`` (two
    calls with overlapping numbers write the same items); returns their content hashes by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    hashes = {}
    for i in range(start, start + count):
        town = TOWNS[i % len(TOWNS)]
        body = (
            f"Regional officials in {town} said \"relief convoy number {i} reached the northern districts before "
            f"the curfew\" on day {i}. The agency assesses it is likely that convoy {i + 1} will arrive within "
            f"{i % 7 + 2} days. Volunteers unloaded {i * 3 + 11} tonnes of flour at the station in {town}.\n"
        )
        name = f"item-{i:04d}.txt"
        (folder / name).write_text(body, encoding="utf-8")
        hashes[name] = content_hash(body)
    return hashes


def stored_count(db: str) -> int:
    """Documents stored so far by another process's ingest: 0 while the store is still being created."""
    store = Store(db)
    try:
        with store.read() as conn:
            if not inspect(conn).has_table("documents"):
                return 0
            return conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
    except Exception:  # noqa: BLE001 - a store being created may not be readable yet
        return 0
    finally:
        store.close()


def ingest_benchmark(texts: Sequence[str], workers: int, db_url: str | Path, *, warm: bool = True) -> dict[str, Any]:
    """Ingest ``texts`` into ``db_url`` (use a fresh store: stored texts are skipped) and time it.

    ``overhead_ratio`` is store time (SQL, full-text index, reprint fingerprints) over analysis
    time; the model is loaded before the clock starts when ``warm``.
    """
    if warm:
        from sayso.pipeline import load

        load()
    store = open_store(db_url)
    try:
        items = (item_from(f"text-{i}", text) for i, text in enumerate(texts))
        report = ingest_items(items, store=store, workers=workers)
    finally:
        store.close()
    seconds = max(report.seconds, 1e-9)
    return {
        "documents": len(texts),
        "stored": report.stored,
        "skipped": report.skipped,
        "failed": report.failed,
        "workers": workers,
        "words": report.words,
        "seconds": round(report.seconds, 3),
        "docs_per_sec": round(report.stored / seconds, 3),
        "words_per_sec": round(report.words / seconds, 1),
        "read_seconds": round(report.read_seconds, 3),
        "analysis_seconds": round(report.analysis_seconds, 3),
        "store_seconds": round(report.store_seconds, 3),
        "overhead_ratio": round(report.store_seconds / max(report.analysis_seconds, 1e-9), 4),
    }
