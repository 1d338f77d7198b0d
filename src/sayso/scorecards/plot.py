"""Reliability diagrams as PNG or SVG: per assessor, and per phrase across assessors.

Every point is labelled with its count (k/n) and carries its interval as a bar, so a point
resting on two assessments cannot pass for a finding.
"""

from __future__ import annotations

from pathlib import Path

from sayso.errors import InputError
from sayso.scorecards.reliability import Point, by_assessor, by_phrase
from sayso.scorecards.scorecard import Scorecard

FORMATS = (".png", ".svg")
MOST_ASSESSORS = 8  # lines drawn on one panel; the rest are in the table


def _panel(axes, points: list[Point], title: str, label_with: str) -> None:
    """One diagram; per assessor (``label_with="group"``) points are joined into a curve, per phrase
    they stand alone and labels sharing a stated probability are stacked, not overprinted."""
    import matplotlib.pyplot as plt

    axes.plot([0, 1], [0, 1], ":", color="grey", linewidth=1, label="perfect calibration")
    groups = list(dict.fromkeys(p.group for p in points))
    colours = plt.get_cmap("tab10")
    stacked: dict[tuple[float, float], int] = {}
    for i, group in enumerate(groups):
        mine = sorted((p for p in points if p.group == group), key=lambda p: p.stated)
        colour = colours(i % 10)
        xs, ys = [p.stated for p in mine], [p.observed for p in mine]
        low = [p.observed - p.interval[0] for p in mine]
        high = [p.interval[1] - p.observed for p in mine]
        axes.errorbar(xs, ys, yerr=[low, high], fmt="o-" if label_with == "group" else "o", color=colour,
                      capsize=3, linewidth=1, label=group[:30] if label_with == "group" else None)
        for p in mine:
            spot = (round(p.stated, 2), round(p.observed, 2))
            stacked[spot] = stacked.get(spot, -1) + 1
            if label_with == "group":
                axes.annotate(f"{p.happened}/{p.n}", (p.stated, p.observed), textcoords="offset points",
                              xytext=(5, 4 - 9 * stacked[spot]), fontsize=7)
            else:  # phrases: vertical labels, away from the nearer edge, side by side when they share a point
                up = p.observed < 0.5
                axes.annotate(f"{p.happened}/{p.n} {p.label}", (p.stated, p.observed), textcoords="offset points",
                              xytext=(4 + 9 * stacked[spot], 6 if up else -6), rotation=90, fontsize=7,
                              va="bottom" if up else "top")
    axes.set_xlim(0, 1)
    axes.set_ylim(-0.02, 1.02)
    axes.set_xlabel("stated probability")
    axes.set_ylabel("observed frequency")
    axes.set_title(title, fontsize=10)


def plot_reliability(card: Scorecard, out: Path) -> int:
    """Draw ``card``'s reliability diagrams to ``out`` (.png or .svg); returns the points drawn."""
    if out.suffix.lower() not in FORMATS:
        raise InputError(f"--plot {out}: choose a .png or .svg file name")
    if not out.parent.exists():
        raise InputError(f"cannot write {out}: folder {out.parent} does not exist")
    if not card.scored:
        raise InputError("nothing to plot: no linked assessment of a resolved question is scored yet")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    top = {a.assessor for a in card.assessors[:MOST_ASSESSORS]}
    assessor_points = [p for p in by_assessor(card.scored) if p.group in top]
    phrase_points = by_phrase(card.scored)
    figure, (left, right) = plt.subplots(1, 2, figsize=(12, 5.5))
    _panel(left, assessor_points, f"per assessor ({len(top)} of {len(card.assessors)}; k/n on each point)", "group")
    _panel(right, phrase_points, "per phrase, all assessors (k/n)", "label")
    left.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="x-small")
    figure.suptitle(f"reliability on the {card.scale} scale: {len(card.scored)} assessments, "
                    f"{card.resolved_questions} resolved questions (95% intervals)", fontsize=11)
    figure.tight_layout()
    figure.savefig(out, dpi=120)
    plt.close(figure)
    return len(assessor_points) + len(phrase_points)
