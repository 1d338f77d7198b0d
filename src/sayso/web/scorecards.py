"""The reader's scorecard and question pages: scores per assessor, and links to accept or reject.

Deciding a link writes to the store, so like uploads it needs ``--allow-ingest``; reading is
always allowed. Routes are added by ``add_routes`` so the app module stays one table of pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sayso.calibration import SCALES
from sayso.errors import InputError, SaysoError
from sayso.scorecards.reliability import Point, by_assessor, by_phrase, yardsticks
from sayso.scorecards.scorecard import MIN_RANKED_QUESTIONS, build

PLOT_SIZE = 300  # px, the square reliability diagram
DECISIONS = {"accept": "accepted", "reject": "rejected"}


class Refused(SaysoError):
    """A write on a read-only server, or a question page over a corpus with no store."""

    status = 403


def reliability_plot(points: list[Point]) -> dict[str, Any]:
    """Points of a reliability diagram in SVG coordinates (y grows downwards), each with its k/n.

    Labels run vertically away from the nearer edge, side by side where points coincide, so
    phrases with the same stated probability do not print over each other.
    """
    size = PLOT_SIZE
    seen: dict[tuple[float, float], int] = {}

    def at(value: float) -> float:
        return round(value * size, 1)

    placed = []
    for p in points:
        x, y = at(p.stated), at(1 - p.observed)
        seen[(x, y)] = seen.get((x, y), -1) + 1
        up = p.observed < 0.5
        placed.append({
            "x": x, "y": y, "low": at(1 - p.interval[0]), "high": at(1 - p.interval[1]),
            "label": f"{p.happened}/{p.n} {p.label}", "group": p.group,
            "label_x": x + 4 + 10 * seen[(x, y)], "label_y": y - 8 if up else y + 8,
            "anchor": "start" if up else "end",
        })
    return {"size": size, "points": placed}


def _scale(value: str) -> str:
    if value not in SCALES:
        raise InputError(f"scale {value!r} is not one of {', '.join(SCALES)}")
    return value


def _scorecard_context(store: Any, scale: str, assessor: str) -> dict[str, Any]:
    card = build(store, scale=_scale(scale), assessor=assessor.strip() or None)
    phrases = by_phrase(card.scored)
    return {
        "card": card, "scale": scale, "assessor": assessor, "scales": SCALES, "phrases": phrases,
        "assessor_points": by_assessor(card.scored), "yardsticks": yardsticks(card.scored),
        "plot": reliability_plot(phrases), "unscored": sorted(Counter(u.reason for u in card.unscored).items()),
        "min_questions": MIN_RANKED_QUESTIONS,
    }


def add_routes(app: FastAPI, page: Callable[..., Response], need_corpus: Callable[[], Any], writable: bool) -> None:
    """Register the scorecard and question pages and their JSON on ``app``."""

    def store() -> Any:
        found = getattr(need_corpus(), "store", None)
        if found is None:
            raise Refused("this corpus has no store to keep questions in")
        return found

    @app.get("/scorecard", response_class=HTMLResponse, include_in_schema=False)
    def scorecard_page(request: Request, scale: str = "icd203", assessor: str = "") -> Response:
        return page(request, "scorecard.html", title="Scorecard", **_scorecard_context(store(), scale, assessor))

    @app.get("/questions", response_class=HTMLResponse, include_in_schema=False)
    def questions_page(request: Request) -> Response:
        from sayso.store.questions import list_questions

        return page(request, "questions.html", title="Questions", questions=list_questions(store()))

    @app.get("/questions/{question_id}", response_class=HTMLResponse, include_in_schema=False)
    def question_page(request: Request, question_id: int, status: str = "") -> Response:
        from sayso.store.questions import links, question

        found = question(store(), question_id)
        return page(request, "question.html", title=f"Question {question_id}", question=found, status=status,
                    links=links(store(), question_id, status=status or None))

    @app.post("/questions/{question_id}/links", include_in_schema=False)
    async def decide_page(request: Request, question_id: int) -> Response:
        from sayso.store.questions import decide_links, default_user

        if not writable:
            raise Refused("this server is read-only; start it with --allow-ingest to accept or reject links")
        form = await request.form(max_fields=8)
        decision = DECISIONS.get(str(form.get("decision")))
        if decision is None:
            raise InputError("decision must be 'accept' or 'reject'")
        try:
            assessment_id = int(str(form.get("assessment_id")))
        except ValueError:
            raise InputError("assessment_id must be a number") from None
        polarity = str(form.get("polarity") or "") or None
        decide_links(store(), question_id, [assessment_id], decision, by=f"web:{default_user()}", polarity=polarity)
        return RedirectResponse(f"/questions/{question_id}#as-{assessment_id}", status_code=303)

    @app.get("/api/scorecard", summary="Scores per assessor on resolved questions, reliability and yardsticks")
    def api_scorecard(scale: str = "icd203", assessor: str = "") -> dict[str, Any]:
        context = _scorecard_context(store(), scale, assessor)
        card = context["card"]
        return {
            "scale": scale, "resolved_questions": card.resolved_questions, "scored_assessments": len(card.scored),
            "assessors": [asdict(a) for a in card.assessors],
            "phrases": [{**asdict(p), "observed": p.observed} for p in context["phrases"]],
            "yardsticks": [{**asdict(y), "observed": y.observed} for y in context["yardsticks"]],
            "unscored": dict(context["unscored"]),
        }

    @app.get("/api/questions", summary="Questions with their link counts and resolutions")
    def api_questions() -> dict[str, Any]:
        from sayso.store.questions import list_questions

        return {"questions": list_questions(store())}
