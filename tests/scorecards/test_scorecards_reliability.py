"""Reliability points and yardsticks count what happened, in the assessed proposition's terms."""

from __future__ import annotations

import pytest

from sayso.scorecards.reliability import by_assessor, by_phrase, yardsticks
from sayso.scorecards.scorecard import build
from sayso.store.questions import decide_links, resolve


@pytest.fixture
def card(pundits):
    store, ids = pundits
    decide_links(store, 1, [ids["a-jan"], ids["b-jan"]], "accepted", by="x")
    decide_links(store, 1, [ids["a-feb"]], "accepted", by="x", polarity="against")
    decide_links(store, 2, [ids["b-mar"]], "accepted", by="x")
    resolve(store, 1, "yes", on="2016-06-01", note=None, source=None, by="x")
    resolve(store, 2, "no", on="2016-07-05", note=None, source=None, by="x")
    return build(store)


def test_reliability_per_phrase_across_assessors(card):
    points = {p.label: p for p in by_phrase(card.scored)}
    # "unlikely": Avery's "unlikely to lose" (did not happen) and Blake's "unlikely to win" (happened)
    assert (points["unlikely"].happened, points["unlikely"].n) == (1, 2)
    assert points["unlikely"].stated == pytest.approx(0.2) and points["unlikely"].observed == 0.5
    assert (points["likely"].happened, points["likely"].n) == (1, 1)
    assert (points["very likely"].happened, points["very likely"].n) == (0, 1)
    assert all(p.interval[0] <= p.observed <= p.interval[1] for p in points.values())


def test_reliability_per_assessor_and_band(card):
    points = {(p.group, p.label): (p.happened, p.n) for p in by_assessor(card.scored)}
    assert points == {
        ("Pundit Avery", "likely"): (1, 1), ("Pundit Avery", "unlikely"): (0, 1),
        ("Pundit Blake", "unlikely"): (1, 1), ("Pundit Blake", "very likely"): (0, 1),
    }


def test_reliability_yardsticks_sit_beside_the_standard_scales(card):
    sticks = {(y.assessor, y.phrase): y for y in yardsticks(card.scored)}
    blake = sticks[("Pundit Blake", "very likely")]
    assert (blake.happened, blake.n, blake.observed) == (0, 1, 0.0)
    assert blake.scales == {"icd203": 0.9, "phia": 0.9, "nato": 0.9, "readers": 0.9}
    # one miss moves "very likely" from the readers' 0.9 a third of the way to 0: (0 + 2 × 0.9) / (1 + 2)
    assert blake.fitted == pytest.approx(0.6)


def test_reliability_of_nothing_is_empty():
    assert by_assessor([]) == [] and by_phrase([]) == [] and yardsticks([]) == []
