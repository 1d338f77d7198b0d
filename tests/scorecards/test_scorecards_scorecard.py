"""Scores per assessor on the hand-built corpus, checked by hand, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from sayso.scorecards.scorecard import build, rows
from sayso.store import schema
from sayso.store.questions import decide_links, resolve


def _link_all(store, ids):
    decide_links(store, 1, [ids["a-jan"], ids["b-jan"], ids["undated"]], "accepted", by="tester")
    decide_links(store, 1, [ids["a-feb"]], "accepted", by="tester", polarity="against")
    decide_links(store, 2, [ids["b-mar"]], "accepted", by="tester")


def _by_assessor(card):
    return {a.assessor: a for a in card.assessors}


def test_scorecard_scores_by_hand(pundits):
    store, ids = pundits
    _link_all(store, ids)
    resolve(store, 1, "yes", on="2016-06-01", note="won", source=None, by="tester")
    resolve(store, 2, "no", on="2016-07-05", note="not charged", source=None, by="tester")
    card = build(store, min_questions=1)
    avery, blake = _by_assessor(card)["Pundit Avery"], _by_assessor(card)["Pundit Blake"]
    # Avery: likely (0.75) that happened -> 0.0625; unlikely (0.2) to lose, and Smith did not lose -> 0.04
    assert avery.brier == pytest.approx((0.0625 + 0.04) / 2) and avery.assessments == 2 and avery.questions == 1
    # the last before close is February's
    assert avery.last_brier == pytest.approx(0.04) and avery.last_questions == 1
    # Blake: unlikely (0.2) that happened -> 0.64; very likely (0.9) indictment that did not come -> 0.81
    assert blake.brier == pytest.approx((0.64 + 0.81) / 2) and blake.questions == 2
    assert [a.rank for a in card.assessors] == [1, 2]
    # read as intervals: likely [0.55, 0.8] that happened, unlikely [0.2, 0.45] that did not
    assert avery.brier_best == pytest.approx(0.04) and avery.brier_worst == pytest.approx(0.2025)
    assert card.resolved_questions == 2


def test_scorecard_polarity_against_counts_for(pundits):
    """'Unlikely to lose' scores as P(yes) = 0.8: right when Smith wins, wrong when he loses."""
    store, ids = pundits
    decide_links(store, 1, [ids["a-feb"]], "accepted", by="tester", polarity="against")
    resolve(store, 1, "yes", on="2016-06-01", note=None, source=None, by="tester")
    won = build(store).scored[0]
    assert (won.happened, won.brier) == (False, pytest.approx(0.04))
    decide_links(store, 1, [ids["a-feb"]], "accepted", by="tester", polarity="for")
    as_for = build(store).scored[0]
    assert (as_for.happened, as_for.brier) == (True, pytest.approx(0.64))


def test_scorecard_rescores_after_a_changed_resolution(pundits):
    store, ids = pundits
    _link_all(store, ids)
    resolve(store, 1, "yes", on="2016-06-01", note=None, source=None, by="tester")
    assert _by_assessor(build(store))["Pundit Avery"].brier == pytest.approx(0.05125)
    resolve(store, 1, "no", on="2016-06-02", note="corrected", source=None, by="tester")
    card = build(store)
    assert _by_assessor(card)["Pundit Avery"].brier == pytest.approx((0.5625 + 0.64) / 2)
    assert {s.outcome for s in card.scored} == {"no"}


def test_scorecard_lists_what_it_cannot_score(pundits):
    store, ids = pundits
    _link_all(store, ids)
    resolve(store, 1, "yes", on="2016-02-01", note=None, source=None, by="tester")  # before a-feb was published
    card = build(store)
    reasons = {u.forecast.assessment_id: u.reason for u in card.unscored}
    assert reasons[ids["undated"]].startswith("undated")
    assert reasons[ids["a-feb"]] == "made on or after the resolution date"
    assert reasons[ids["b-mar"]] == "question not resolved"
    assert {s.forecast.assessment_id for s in card.scored} == {ids["a-jan"], ids["b-jan"]}
    assert len(rows(card)) == 5 and sum(r["unscored_reason"] is None for r in rows(card)) == 2


def test_scorecard_does_not_rank_below_the_minimum(pundits):
    store, ids = pundits
    _link_all(store, ids)
    resolve(store, 1, "yes", on="2016-06-01", note=None, source=None, by="tester")
    resolve(store, 2, "no", on="2016-07-05", note=None, source=None, by="tester")
    card = build(store, min_questions=2)
    assert {a.assessor: a.rank for a in card.assessors} == {"Pundit Blake": 1, "Pundit Avery": None}
    assert all(a.rank is None for a in build(store).assessors)  # default minimum: 5 questions


def test_scorecard_lists_a_link_whose_document_was_deleted(pundits):
    store, ids = pundits
    _link_all(store, ids)
    resolve(store, 1, "yes", on="2016-06-01", note=None, source=None, by="tester")
    with store.write() as conn:
        conn.execute(delete(schema.documents).where(schema.documents.c.title == "b-jan"))
    card = build(store)
    missing = [u for u in card.unscored if u.forecast.missing]
    assert [u.forecast.assessment_id for u in missing] == [ids["b-jan"]]
    assert "Pundit Blake" not in _by_assessor(card)


def test_scorecard_filters_by_assessor(pundits):
    store, ids = pundits
    _link_all(store, ids)
    resolve(store, 1, "yes", on="2016-06-01", note=None, source=None, by="tester")
    assert [a.assessor for a in build(store, assessor="blake").assessors] == ["Pundit Blake"]
    assert build(store, assessor="nobody").assessors == []


def test_scorecard_rows_have_the_export_columns(pundits):
    from sayso.scorecards.export import rows_header

    store, ids = pundits
    _link_all(store, ids)
    resolve(store, 1, "yes", on="2016-06-01", note=None, source=None, by="tester")
    assert all(tuple(row) == rows_header() for row in rows(build(store)))


@pytest.mark.parametrize("scale", ["icd203", "readers"])
def test_scorecard_lists_an_assessment_stored_without_a_probability(pundits, save_unbanded_modal, scale):
    """A modal stored with no band (issue 17) is linked and listed with its reason, never scored."""
    store, ids = pundits
    casey = save_unbanded_modal(store)
    _link_all(store, ids)
    decide_links(store, 1, [casey], "accepted", by="tester")
    resolve(store, 1, "yes", on="2016-06-01", note=None, source=None, by="tester")
    card = build(store, scale=scale)
    reasons = {u.forecast.assessment_id: u.reason for u in card.unscored}
    assert reasons[casey] == f"no probability on the {scale} scale"
    assert casey not in {s.forecast.assessment_id for s in card.scored}
    listed = next(r for r in rows(card) if r["assessment_id"] == casey)
    assert listed["phrase"] == "may" and listed["median"] is None and listed["unscored_reason"]
