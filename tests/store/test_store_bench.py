"""The ingest benchmark the integrator's ``sayso bench ingest`` calls."""

from __future__ import annotations

import pytest

from sayso.store.bench import ingest_benchmark

TEXT = 'Officials in {n} said "the bridge over the canal reopens on Thursday" at noon. It is likely that traffic eases.'


def test_bench_ingest_reports_rates_and_overhead(tmp_path):
    texts = [TEXT.format(n=f"district {i}") for i in range(6)]
    result = ingest_benchmark(texts, 1, tmp_path / "bench.db")
    assert result["stored"] == 6 and result["failed"] == 0 and result["workers"] == 1
    assert result["docs_per_sec"] > 0 and result["analysis_seconds"] > 0 and result["store_seconds"] > 0
    assert result["overhead_ratio"] == pytest.approx(result["store_seconds"] / result["analysis_seconds"], rel=0.05)
    again = ingest_benchmark(texts, 1, tmp_path / "bench.db")
    assert again["stored"] == 0 and again["skipped"] == 6
