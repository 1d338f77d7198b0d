"""The timeline chart at many sources: top sources in colour, the rest one grey group, labels that do not overlap."""

from __future__ import annotations

from sayso.web.chart import TOP_SOURCES, timeline
from sayso.web.data import Hit


def _hit(source: str, day: int, median: float, phrase: str = "likely") -> Hit:
    return Hit(kind="assessment", doc_id=day, doc_title=None, published=f"2022-10-{day:02d}", ref="as-0", text="t",
               speaker=source, voice="quoted", band="likely", low=median - 0.1, high=median + 0.1, median=median,
               phrase=phrase)


def test_thirty_sources_become_top_sources_and_one_others_group():
    hits = [_hit(f"source {i:02d}", 1 + i % 28, 0.5) for i in range(30)] + [_hit("source 00", 3, 0.7)]
    plot = timeline(hits)
    assert len(plot.series) == TOP_SOURCES + 1
    assert plot.series[0].name == "source 00" and plot.series[-1].others
    assert plot.series[-1].name == f"{30 - TOP_SOURCES} other sources"
    assert all(not p.label for p in plot.series[-1].points)


def test_point_labels_show_phrase_and_band_without_overlap():
    plot = timeline([_hit("A", 1, 0.5, "probably"), _hit("B", 1, 0.5, "likely"), _hit("A", 20, 0.2, "likely")])
    labels = [p.label for s in plot.series for p in s.points if p.label]
    assert "probably (likely)" in labels and "likely" in labels and len(labels) == 2
