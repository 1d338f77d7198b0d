"""Stated against observed: reliability points per assessor and per phrase, and each source's yardstick.

A point groups the scored assessments that stated the same band (per assessor) or used the same
canonical phrase (across assessors): its stated probability is their mean median, its observed
frequency how many of the assessed propositions came true, with a Jeffreys interval and the
count. A source's yardstick is the frequency its phrase actually carried, beside what the
standard scales say that phrase means, and a fitted value: the posterior mean under a Beta prior
centred on the readers' survey median and worth ``PRIOR_WEIGHT`` resolved questions, so one
lucky call moves a phrase only part of the way from what readers take it to mean.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sayso.calibration import SCALES, load_table
from sayso.scorecards.scorecard import UNKNOWN_ASSESSOR, Scored
from sayso.scorecards.scoring import proportion_interval

PRIOR_WEIGHT = 2.0  # pseudo-questions at the readers' median behind every fitted yardstick


@dataclass(frozen=True, slots=True)
class Point:
    group: str  # the assessor, or "all assessors"
    label: str  # the band or canonical phrase
    stated: float  # mean stated probability
    happened: int
    n: int
    interval: tuple[float, float] | None

    @property
    def observed(self) -> float:
        return self.happened / self.n


@dataclass(frozen=True, slots=True)
class Yardstick:
    """What one source's phrase turned out to mean, beside the standard scales' medians."""

    assessor: str
    phrase: str
    happened: int
    n: int
    interval: tuple[float, float] | None
    scales: dict[str, float]  # scale -> median the scale gives the phrase
    fitted: float  # (happened + PRIOR_WEIGHT × readers' median) / (n + PRIOR_WEIGHT)

    @property
    def observed(self) -> float:
        return self.happened / self.n


def _points(items: Iterable[Scored], group: Callable[[Scored], str], label: Callable[[Scored], str | None]) -> list[Point]:
    buckets: dict[tuple[str, str], list[Scored]] = defaultdict(list)
    for item in items:
        name = label(item)
        if name is not None:
            buckets[(group(item), name)].append(item)
    points = []
    for (group_name, name), members in buckets.items():
        happened = sum(m.happened for m in members)
        points.append(Point(group_name, name, sum(m.forecast.median for m in members) / len(members), happened,
                            len(members), proportion_interval(happened, len(members))))
    return sorted(points, key=lambda p: (p.group, p.stated, p.label))


def by_assessor(scored: Iterable[Scored]) -> list[Point]:
    """One point per assessor and band."""
    return _points(scored, lambda s: s.forecast.assessor or UNKNOWN_ASSESSOR, lambda s: s.forecast.band)


def by_phrase(scored: Iterable[Scored]) -> list[Point]:
    """One point per canonical phrase, all assessors together (the spoken phrase when the table has none)."""
    return _points(scored, lambda s: "all assessors",
                   lambda s: s.forecast.canonical or (s.forecast.phrase or "").lower() or None)


def yardsticks(scored: Iterable[Scored]) -> list[Yardstick]:
    """Per known assessor and canonical phrase: how often it came true, and the scales' medians."""
    table = load_table()
    found = []
    for point in _points([s for s in scored if s.forecast.assessor and s.forecast.canonical],
                         lambda s: s.forecast.assessor, lambda s: s.forecast.canonical):
        scales = {scale: table.lookup(point.label, scale).median for scale in SCALES}
        fitted = (point.happened + PRIOR_WEIGHT * scales["readers"]) / (point.n + PRIOR_WEIGHT)
        found.append(Yardstick(point.group, point.label, point.happened, point.n, point.interval, scales, fitted))
    return found
