"""Ingest throughput, for ``sayso bench ingest``: where the time goes between analysis and storage."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sayso.store.database import open_store
from sayso.store.ingest import ingest_items
from sayso.store.sources import item_from


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
