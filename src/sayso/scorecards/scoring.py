"""Proper scoring rules and the intervals that keep small numbers honest.

Scores are computed in the assessed proposition's own terms: ``p`` is the stated probability of
what the source assessed and ``happened`` whether that came true (a link "against" its question
flips the question's outcome). The Brier and log scores are symmetric, so this equals scoring
P(yes) against the question's outcome. Lower is better for both; 0 is a perfect forecast.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

from scipy.stats import beta

LOG_FLOOR = 0.01  # the log score's floor: a band's edge at 0 is not an infinitely wrong forecast
BOOTSTRAP_RESAMPLES = 2000
LEVEL = 0.95


def brier(p: float, happened: bool) -> float:
    """(p − outcome)²: 0 for a certain, right forecast; 0.25 for 0.5; 1 for a certain, wrong one."""
    return (p - (1.0 if happened else 0.0)) ** 2


def log_score(p: float, happened: bool) -> float:
    """−ln of the probability given to what happened, floored at LOG_FLOOR (at most 4.61)."""
    return 0.0 - math.log(max(p if happened else 1.0 - p, LOG_FLOOR))  # 0.0, not -0.0, when certain and right


def brier_range(low: float, high: float, happened: bool) -> tuple[float, float]:
    """(best, worst) Brier score of any probability in [low, high]: the band read as an interval."""
    target = 1.0 if happened else 0.0
    nearest = min(max(target, low), high)
    return brier(nearest, happened), max(brier(low, happened), brier(high, happened))


def log_range(low: float, high: float, happened: bool) -> tuple[float, float]:
    """(best, worst) log score of any probability in [low, high]."""
    scores = (log_score(low, happened), log_score(high, happened))
    return min(scores), max(scores)


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def cluster_bootstrap(
    clusters: Sequence[Sequence[float]],
    *,
    statistic: Callable[[list[float]], float | None] = mean,
    seed: int = 0,
    resamples: int = BOOTSTRAP_RESAMPLES,
) -> tuple[float, float] | None:
    """Percentile interval of ``statistic`` resampling whole clusters (questions), seeded.

    Assessments of one question share its outcome, so questions, not assessments, are the units
    drawn; with one question there is nothing to resample and no interval (None).
    """
    clusters = [list(c) for c in clusters if c]
    if len(clusters) < 2:
        return None
    rng = random.Random(seed)
    values = []
    for _ in range(resamples):
        drawn = [x for _ in clusters for x in clusters[rng.randrange(len(clusters))]]
        value = statistic(drawn)
        if value is not None:
            values.append(value)
    values.sort()
    tail = (1.0 - LEVEL) / 2
    return values[int(tail * (len(values) - 1))], values[math.ceil((1.0 - tail) * (len(values) - 1))]


def proportion_interval(k: int, n: int) -> tuple[float, float] | None:
    """Jeffreys interval for k of n (good at small n and at 0 or n); None for n = 0."""
    if n == 0:
        return None
    tail = (1.0 - LEVEL) / 2
    low = 0.0 if k == 0 else float(beta.ppf(tail, k + 0.5, n - k + 0.5))
    high = 1.0 if k == n else float(beta.ppf(1.0 - tail, k + 0.5, n - k + 0.5))
    return low, high
