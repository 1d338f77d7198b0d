"""Per assessor: Brier and log scores over resolved questions, with counts and intervals.

Every linked assessment is either scored or listed with the reason it is not (no probability on
the scale, undated, made on or after the resolution, its question unresolved, its record gone).
Assessors are ranked only with at least ``min_questions`` resolved questions: below that a mean
score says more about which questions happened to be asked than about the source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from sayso.scorecards import scoring
from sayso.scorecards.forecasts import Forecast, linked_forecasts
from sayso.store.database import Store
from sayso.store.questions import current_resolutions, questions

MIN_RANKED_QUESTIONS = 5
UNKNOWN_ASSESSOR = "(unknown assessor)"


@dataclass(frozen=True, slots=True)
class Scored:
    """A linked assessment scored against its question's outcome."""

    forecast: Forecast
    question: str
    outcome: str  # the question's: yes | no
    happened: bool  # whether the assessed proposition came true (polarity applied)
    brier: float  # at the band's median
    log: float
    brier_best: float  # the band's range read as an interval: best and worst score within it
    brier_worst: float
    log_best: float
    log_worst: float
    last: bool = False  # this assessor's last assessment on the question before it closed


@dataclass(frozen=True, slots=True)
class Unscored:
    forecast: Forecast
    question: str
    reason: str


@dataclass(frozen=True, slots=True)
class AssessorScore:
    """One assessor's mean scores; intervals resample questions (None with fewer than two)."""

    assessor: str
    questions: int
    assessments: int
    brier: float
    brier_interval: tuple[float, float] | None
    log: float
    log_interval: tuple[float, float] | None
    brier_best: float
    brier_worst: float
    last_questions: int
    last_brier: float | None
    last_brier_interval: tuple[float, float] | None
    last_log: float | None
    rank: int | None  # None: too few resolved questions to rank, or an unknown assessor


@dataclass
class Scorecard:
    scale: str
    min_questions: int
    scored: list[Scored] = field(default_factory=list)
    unscored: list[Unscored] = field(default_factory=list)
    assessors: list[AssessorScore] = field(default_factory=list)

    @property
    def resolved_questions(self) -> int:
        return len({s.forecast.question_id for s in self.scored})


def _score(forecast: Forecast, question: str, outcome: str, last: bool = False) -> Scored:
    happened = (outcome == "yes") == (forecast.polarity == "for")
    brier_best, brier_worst = scoring.brier_range(forecast.low, forecast.high, happened)
    log_best, log_worst = scoring.log_range(forecast.low, forecast.high, happened)
    return Scored(forecast, question, outcome, happened, scoring.brier(forecast.median, happened),
                  scoring.log_score(forecast.median, happened), brier_best, brier_worst, log_best, log_worst, last)


def _reason(forecast: Forecast, resolution: dict[str, Any] | None, scale: str) -> str | None:
    """Why ``forecast`` cannot be scored, or None when it can."""
    if forecast.missing:
        return "assessment no longer in the store (document deleted)"
    if resolution is None:
        return "question not resolved"
    if forecast.band is None:
        return f"no probability on the {scale} scale"
    if forecast.published is None:
        return "undated: cannot tell it was made before the resolution"
    if forecast.published >= resolution["resolved_on"]:
        return "made on or after the resolution date"
    return None


def _mark_last(scored: list[Scored], closes: dict[int, str]) -> list[Scored]:
    """Flag each known assessor's last assessment per question published on or before it closed."""
    latest: dict[tuple[str, int], Scored] = {}
    for item in scored:
        f = item.forecast
        if f.assessor is None or f.published > closes[f.question_id]:
            continue
        key = (f.assessor, f.question_id)
        if key not in latest or (f.published, f.assessment_id) > (latest[key].forecast.published,
                                                                 latest[key].forecast.assessment_id):
            latest[key] = item
    chosen = {id(item) for item in latest.values()}
    return [_with_last(item) if id(item) in chosen else item for item in scored]


def _with_last(item: Scored) -> Scored:
    fields = {name: getattr(item, name) for name in Scored.__slots__}
    return Scored(**{**fields, "last": True})


def _summary(assessor: str, items: list[Scored], seed: int) -> dict[str, Any]:
    by_question: dict[int, list[Scored]] = defaultdict(list)
    for item in items:
        by_question[item.forecast.question_id].append(item)
    clusters = list(by_question.values())
    last = [item for item in items if item.last]
    return {
        "assessor": assessor,
        "questions": len(by_question),
        "assessments": len(items),
        "brier": scoring.mean([i.brier for i in items]),
        "brier_interval": scoring.cluster_bootstrap([[i.brier for i in c] for c in clusters], seed=seed),
        "log": scoring.mean([i.log for i in items]),
        "log_interval": scoring.cluster_bootstrap([[i.log for i in c] for c in clusters], seed=seed),
        "brier_best": scoring.mean([i.brier_best for i in items]),
        "brier_worst": scoring.mean([i.brier_worst for i in items]),
        "last_questions": len(last),
        "last_brier": scoring.mean([i.brier for i in last]),
        "last_brier_interval": scoring.cluster_bootstrap([[i.brier] for i in last], seed=seed),
        "last_log": scoring.mean([i.log for i in last]),
    }


def _ranked(summaries: list[dict[str, Any]], min_questions: int) -> list[AssessorScore]:
    eligible = sorted(
        (s for s in summaries if s["assessor"] != UNKNOWN_ASSESSOR and s["questions"] >= min_questions),
        key=lambda s: (s["brier"], s["assessor"]),
    )
    ranks = {s["assessor"]: n for n, s in enumerate(eligible, 1)}
    ordered = sorted(summaries, key=lambda s: (s["assessor"] not in ranks, ranks.get(s["assessor"], 0),
                                               -s["questions"], s["assessor"]))
    return [AssessorScore(**s, rank=ranks.get(s["assessor"])) for s in ordered]


def build(store: Store, *, scale: str = "icd203", assessor: str | None = None,
          min_questions: int = MIN_RANKED_QUESTIONS, seed: int = 0) -> Scorecard:
    """Score every accepted link under ``scale``; ``assessor`` keeps names containing it (any case)."""
    forecasts = linked_forecasts(store, scale)
    with store.read() as conn:
        asked = {r.id: (r.text, r.closes) for r in conn.execute(select(questions.c.id, questions.c.text,
                                                                       questions.c.closes))}
        resolved = current_resolutions(conn)
    if assessor:
        wanted = assessor.casefold()
        forecasts = [f for f in forecasts if f.assessor and wanted in f.assessor.casefold()]
    card = Scorecard(scale, min_questions)
    scored = []
    for forecast in forecasts:
        text = asked[forecast.question_id][0]
        resolution = resolved.get(forecast.question_id)
        reason = _reason(forecast, resolution, scale)
        if reason is None:
            scored.append(_score(forecast, text, resolution["outcome"]))
        else:
            card.unscored.append(Unscored(forecast, text, reason))
    card.scored = _mark_last(scored, {qid: closes for qid, (_, closes) in asked.items()})
    groups: dict[str, list[Scored]] = defaultdict(list)
    for item in card.scored:
        groups[item.forecast.assessor or UNKNOWN_ASSESSOR].append(item)
    card.assessors = _ranked([_summary(name, items, seed) for name, items in groups.items()], min_questions)
    return card


def rows(card: Scorecard) -> list[dict[str, Any]]:
    """One flat row per linked assessment, scored or not (for export and ``--format json``)."""
    out = []
    for item in [*card.scored, *card.unscored]:
        f = item.forecast
        scored = isinstance(item, Scored)
        out.append({
            "question_id": f.question_id, "question": item.question, "assessment_id": f.assessment_id,
            "document_id": f.document_id, "assessor": f.assessor, "published": f.published, "phrase": f.phrase,
            "canonical": f.canonical, "scale": card.scale, "band": f.band, "low": f.low, "median": f.median,
            "high": f.high, "polarity": f.polarity, "outcome": item.outcome if scored else None,
            "happened": item.happened if scored else None, "brier": item.brier if scored else None,
            "log": item.log if scored else None, "brier_best": item.brier_best if scored else None,
            "brier_worst": item.brier_worst if scored else None, "last": item.last if scored else None,
            "unscored_reason": None if scored else item.reason,
        })
    return out
