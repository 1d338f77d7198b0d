"""``sayso scorecard``: how each assessor's probabilities fared on resolved questions."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from sayso.calibration import SCALES
from sayso.cli.corpus import _open, db_option, emit, format_option


def _interval(pair: tuple[float, float] | None) -> str:
    return "" if pair is None else f"{pair[0]:.2f}–{pair[1]:.2f}"


def _assessor_row(score: Any, min_questions: int) -> dict[str, Any]:
    row = asdict(score)
    row["rank"] = score.rank if score.rank is not None else f"(n<{min_questions})"
    row["brier 95%"] = _interval(score.brier_interval)
    row["log 95%"] = _interval(score.log_interval)
    row["brier as range"] = f"{score.brier_best:.2f}–{score.brier_worst:.2f}"
    row["last brier"] = "" if score.last_brier is None else f"{score.last_brier:.2f} (n={score.last_questions})"
    return row


@click.command()
@db_option
@click.option("--scale", type=click.Choice(SCALES), default="icd203", show_default=True,
              help="Read each phrase's probability on this scale.")
@click.option("--assessor", help="Only assessors whose name contains this (case-insensitive).")
@click.option("--min-questions", type=click.IntRange(min=1), default=5, show_default=True,
              help="Rank only assessors with at least this many resolved questions.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bootstrap intervals.")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path),
              help="Draw the reliability diagrams to this .png or .svg file.")
@click.option("--export", "export_to", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every linked assessment's scores to this .jsonl, .csv or .parquet file.")
@format_option
def scorecard(db: str, scale: str, assessor: str | None, min_questions: int, seed: int, plot: Path | None,
              export_to: Path | None, fmt: str) -> None:
    """Brier and log scores per assessor on resolved questions, reliability per phrase, each source's yardstick.

    \b
    Examples:
      sayso scorecard --db us2016.db
      sayso scorecard --assessor politico --scale readers --plot politico.svg
      sayso scorecard --export scores.parquet
    """
    from sayso.scorecards.reliability import by_phrase, yardsticks
    from sayso.scorecards.scorecard import build

    card = build(_open(db), scale=scale, assessor=assessor, min_questions=min_questions, seed=seed)
    phrases = by_phrase(card.scored)
    sticks = yardsticks(card.scored)
    unscored = Counter(u.reason for u in card.unscored)
    if fmt == "json":
        click.echo(json.dumps({
            "scale": scale, "min_questions": min_questions, "resolved_questions": card.resolved_questions,
            "scored_assessments": len(card.scored), "assessors": [asdict(a) for a in card.assessors],
            "phrases": [{**asdict(p), "observed": p.observed} for p in phrases],
            "yardsticks": [{**asdict(y), "observed": y.observed} for y in sticks],
            "unscored": dict(unscored),
        }, ensure_ascii=False, indent=2))
    else:
        columns = ["rank", "assessor", "questions", "assessments", "brier", "brier 95%", "log", "log 95%",
                   "brier as range", "last brier"]
        title = (f"scorecard on {scale}: {len(card.scored)} assessments, {card.resolved_questions} resolved questions; "
                 f"lower is better")
        emit([_assessor_row(a, min_questions) for a in card.assessors], columns, fmt, title)
        if fmt == "table":
            emit([{"phrase": p.label, "stated": p.stated, "happened": f"{p.happened} of {p.n}",
                   "observed": p.observed, "95%": _interval(p.interval)} for p in phrases],
                 ["phrase", "stated", "happened", "observed", "95%"], fmt, "per phrase, all assessors")
            emit([{"assessor": y.assessor, "phrase": y.phrase, "happened": f"{y.happened} of {y.n}",
                   "observed": y.observed, "95%": _interval(y.interval), "fitted": y.fitted, **y.scales}
                  for y in sticks],
                 ["assessor", "phrase", "happened", "observed", "95%", "fitted", *SCALES], fmt,
                 "yardsticks: what each source's phrase carried, beside the scales' medians")
            for reason, count in sorted(unscored.items()):
                click.echo(f"not scored: {count} × {reason}")
    if plot is not None:
        from sayso.scorecards.plot import plot_reliability

        drawn = plot_reliability(card, plot)
        click.echo(f"plotted {drawn} reliability points to {plot}", err=True)
    if export_to is not None:
        from sayso.scorecards.export import export_scores

        count = export_scores(card, export_to)
        click.echo(f"wrote {count} scored and unscored links to {export_to}", err=True)
