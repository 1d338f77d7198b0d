"""The scoring rules and intervals, checked by hand."""

from __future__ import annotations

import math

import pytest

from sayso.scorecards.scoring import (
    brier,
    brier_range,
    cluster_bootstrap,
    log_range,
    log_score,
    mean,
    proportion_interval,
)


@pytest.mark.parametrize("happened", [True, False])
def test_scoring_perfect_forecaster_scores_zero(happened):
    p = 1.0 if happened else 0.0
    assert brier(p, happened) == 0.0 and log_score(p, happened) == 0.0


@pytest.mark.parametrize("happened", [True, False])
def test_scoring_constant_half_scores_a_quarter(happened):
    assert brier(0.5, happened) == 0.25
    assert log_score(0.5, happened) == pytest.approx(math.log(2))


def test_scoring_by_hand():
    # "likely" (0.75) for something that happened and for something that did not
    assert brier(0.75, True) == pytest.approx(0.0625) and brier(0.75, False) == pytest.approx(0.5625)
    assert log_score(0.75, True) == pytest.approx(-math.log(0.75))
    assert log_score(0.75, False) == pytest.approx(-math.log(0.25))
    # a certain, wrong forecast is floored, not infinite
    assert log_score(1.0, False) == pytest.approx(-math.log(0.01))


def test_scoring_a_range_gives_best_and_worst():
    assert brier_range(0.55, 0.8, True) == (pytest.approx(0.04), pytest.approx(0.2025))
    assert brier_range(0.55, 0.8, False) == (pytest.approx(0.3025), pytest.approx(0.64))
    assert brier_range(0.0, 1.0, True) == (0.0, 1.0)
    best, worst = log_range(0.2, 0.45, True)
    assert best == pytest.approx(-math.log(0.45)) and worst == pytest.approx(-math.log(0.2))


def test_scoring_bootstrap_is_seeded_and_brackets_the_mean():
    clusters = [[0.04], [0.25, 0.36], [0.01], [0.64], [0.09, 0.16]]
    first = cluster_bootstrap(clusters, seed=3)
    assert first == cluster_bootstrap(clusters, seed=3)
    flat = [x for c in clusters for x in c]
    assert first[0] <= mean(flat) <= first[1]
    assert 0.0 <= first[0] < first[1] <= 0.64


def test_scoring_one_question_has_no_interval():
    assert cluster_bootstrap([[0.1, 0.2, 0.3]]) is None
    assert cluster_bootstrap([]) is None


def test_scoring_proportion_interval():
    low, high = proportion_interval(7, 9)
    assert low < 7 / 9 < high and 0.4 < low and high < 0.97
    assert proportion_interval(0, 3)[0] == 0.0 and proportion_interval(3, 3)[1] == 1.0
    assert proportion_interval(0, 0) is None
