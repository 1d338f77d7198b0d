"""Timeline chart geometry: probability ranges against date, one band and line per source.

Computed here as numbers and drawn by the SVG template, so the page needs no chart library and
no network; every label still goes through template autoescape. A topic with many sources stays
readable: the ``TOP_SOURCES`` sources with most assessments get a colour, a band and a line each;
the rest are grey points in one "others" series. Points are labelled with their phrase (and band
where it differs) while there are at most ``MAX_LABELS`` of them, leaving out a label that would
overlap one already placed; the legend sits below the plot.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sayso.web.data import Hit
from sayso.web.render import PALETTE, percent_range

WIDTH, HEIGHT = 860, 360
LEFT, RIGHT, TOP, BOTTOM = 56, 20, 16, 40
TOP_SOURCES = 8
MAX_LABELS = 40
OTHERS_COLOUR = "#9aa3ad"


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float  # median
    y_low: float
    y_high: float
    href: str
    tip: str
    label: str = ""


@dataclass(slots=True)
class Series:
    name: str
    colour: str
    points: list[Point] = field(default_factory=list)
    others: bool = False  # the grey series of every source outside the top ones: points only

    @property
    def band(self) -> str:
        """Polygon through the highs left to right, then the lows back."""
        top = [f"{p.x:.1f},{p.y_high:.1f}" for p in self.points]
        bottom = [f"{p.x:.1f},{p.y_low:.1f}" for p in reversed(self.points)]
        return " ".join(top + bottom)

    @property
    def line(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(slots=True)
class Plot:
    width: int
    height: int
    series: list[Series]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    undated: int  # assessments left out for want of a date


def _day(value: str | None) -> date | None:
    """A date from "YYYY-MM-DD", "YYYY-MM" or "YYYY" (first day of the period); None otherwise."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return date(numbers[0], numbers[1], numbers[2])
    except (ValueError, IndexError):
        return None


def timeline(hits: list[Hit]) -> Plot:
    """Lay out the assessment hits: x = publication date, y = probability (0 at the bottom)."""
    dated = [(d, h) for h in hits if h.kind == "assessment" and h.low is not None and (d := _day(h.published))]
    undated = sum(1 for h in hits if h.kind == "assessment") - len(dated)
    if not dated:
        return Plot(WIDTH, HEIGHT, [], [], _y_ticks(), undated)
    first = min(d for d, _ in dated).toordinal()
    last = max(d for d, _ in dated).toordinal()
    span = max(last - first, 1)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(d: date) -> float:
        offset = (d.toordinal() - first) / span if last > first else 0.5
        return LEFT + offset * inner_w

    def y(p: float) -> float:
        return TOP + (1 - p) * inner_h

    counts: dict[str, int] = {}
    for _, h in dated:
        counts[h.speaker or "(unstated)"] = counts.get(h.speaker or "(unstated)", 0) + 1
    top = sorted(counts, key=lambda n: (-counts[n], n))[:TOP_SOURCES]
    rest = len(counts) - len(top)
    others = Series(f"{rest} other source{'s' if rest != 1 else ''}", OTHERS_COLOUR, others=True)
    series: dict[str, Series] = {name: Series(name, PALETTE[i % len(PALETTE)]) for i, name in enumerate(top)}
    labelled = sum(counts[n] for n in top) <= MAX_LABELS
    for d, h in sorted(dated, key=lambda pair: (pair[0], pair[1].doc_id)):
        name = h.speaker or "(unstated)"
        low, high = h.low or 0.0, h.high if h.high is not None else 1.0
        median = h.median if h.median is not None else (low + high) / 2
        tip = f"{name} · {d.isoformat()} · {h.phrase or h.band} · {percent_range(low, high)}"
        phrase = h.phrase or h.band or ""
        label = phrase if not h.band or h.band.lower() == phrase.lower() else f"{phrase} ({h.band})"
        target = series.get(name, others)
        shown = label if labelled and not target.others else ""
        target.points.append(Point(x(d), y(median), y(low), y(high), f"/doc/{h.doc_id}#{h.ref}", tip, shown))
    ticks = 6 if last > first else 1
    x_ticks = []
    for i in range(ticks):
        ordinal = first + round(i * (last - first) / max(ticks - 1, 1))
        day = date.fromordinal(ordinal)
        x_ticks.append((x(day), day.isoformat()))
    _unclutter(list(series.values()))
    drawn = [*series.values(), *([others] if others.points else [])]
    return Plot(WIDTH, HEIGHT, drawn, list(dict.fromkeys(x_ticks)), _y_ticks(), undated)


def _unclutter(series: list[Series], width: float = 90.0, height: float = 14.0) -> None:
    """Keep a point's label only where it overlaps no label kept before it (left to right)."""
    kept: list[tuple[float, float]] = []
    placed = sorted(((p.x, p.y, s, i) for s in series for i, p in enumerate(s.points) if p.label),
                    key=lambda item: (item[0], item[1]))
    for x, y, s, i in placed:
        if any(abs(x - kx) < width and abs(y - ky) < height for kx, ky in kept):
            s.points[i] = replace(s.points[i], label="")
        else:
            kept.append((x, y))


def _y_ticks() -> list[tuple[float, str]]:
    inner_h = HEIGHT - TOP - BOTTOM
    return [(TOP + (1 - p / 100) * inner_h, f"{p}%") for p in range(0, 101, 25)]
