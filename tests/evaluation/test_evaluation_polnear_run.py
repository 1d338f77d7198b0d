"""The PolNeAR harness end to end on a few dev articles (full pipeline and textacy)."""

from __future__ import annotations

import pytest

from sayso.evaluation import polnear

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not polnear.POLNEAR.exists(), reason=f"PolNeAR not found at {polnear.POLNEAR}"),
]


def test_evaluate_reports_every_metric_for_both_systems():
    result = polnear.evaluate("dev", limit=3)
    assert result["articles"] == 3
    for system in ("sayso", "textacy"):
        subsets = result["systems"][system]
        assert set(subsets) == {"all", "speech", "direct", "indirect", "mixed"}
        for row in subsets.values():
            for metric in polnear.METRICS:
                assert 0.0 <= row[metric]["f1"] <= 1.0
                assert row[metric]["tp"] <= row[metric]["predicted"]
                assert row[metric]["found"] <= row[metric]["gold"]
    assert result["systems"]["sayso"]["speech"]["content_overlap"]["f1"] > 0.3


def test_load_split_keeps_gold_offsets_exact():
    (article,) = polnear.load_split("dev", limit=1)
    assert article.gold
    for g in article.gold:
        assert 0 <= g.content[0] < g.content[1] <= len(article.text)


def test_unknown_split_is_refused():
    from sayso.errors import InputError

    with pytest.raises(InputError, match="test"):
        polnear.load_split("test")
