"""The estimative-phrase → probability table and the scales it is expressed on.

The table ships as ``data/calibration.csv`` (one row per canonical phrase and scale), derived
reproducibly from the standards and survey data by ``python -m sayso.evaluation.calibration_report
--derive``; ``data/calibration.PROVENANCE.md`` says where every number comes from. Probabilities
are fractions in 0–1 with ``low <= median <= high``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from sayso.errors import ConfigError

SCALES: tuple[str, ...] = ("icd203", "phia", "nato", "readers")
DEFAULT_SCALE = "icd203"
READERS = "readers"  # the scale of survey answers; the others are published standards
TABLE_FILE = "calibration.csv"
COLUMNS = ("phrase", "scale", "band", "low", "median", "high", "basis")


@dataclass(frozen=True, slots=True)
class Entry:
    """One phrase on one scale: the band it falls in and its probability range and median."""

    phrase: str
    scale: str
    band: str
    low: float
    median: float
    high: float
    basis: str = ""

    @property
    def surveyed(self) -> bool:
        """Whether readers' survey answers give this row its numbers (not a standard's fallback)."""
        return self.basis.startswith("pooled survey")

    def probability(self) -> dict[str, float]:
        """The plain ``{low, high, median}`` record an assessment carries."""
        return {"low": self.low, "high": self.high, "median": self.median}


@dataclass(frozen=True)
class Table:
    """Every canonical phrase sayso knows, on every scale; look-ups are by (phrase, scale)."""

    entries: Mapping[tuple[str, str], Entry]

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> "Table":
        """A validated table: known scales, ``0 <= low <= median <= high <= 1``, every phrase on every scale."""
        by_key: dict[tuple[str, str], Entry] = {}
        for entry in entries:
            if entry.scale not in SCALES:
                raise ConfigError(f"calibration row {entry.phrase!r}: unknown scale {entry.scale!r}")
            if not 0.0 <= entry.low <= entry.median <= entry.high <= 1.0:
                raise ConfigError(
                    f"calibration row {entry.phrase!r} on {entry.scale}: need 0 <= low <= median <= high <= 1, "
                    f"got {entry.low}, {entry.median}, {entry.high}"
                )
            by_key[(entry.phrase, entry.scale)] = entry
        phrases = {phrase for phrase, _ in by_key}
        missing = sorted(f"{p} on {s}" for p in phrases for s in SCALES if (p, s) not in by_key)
        if missing:
            raise ConfigError(f"calibration table incomplete: no row for {', '.join(missing[:5])}")
        return cls(MappingProxyType(by_key))

    @property
    def phrases(self) -> tuple[str, ...]:
        """The canonical phrases, in table order."""
        return tuple(dict.fromkeys(phrase for phrase, _ in self.entries))

    def __contains__(self, phrase: object) -> bool:
        return (phrase, DEFAULT_SCALE) in self.entries

    def lookup(self, phrase: str, scale: str = DEFAULT_SCALE) -> Entry:
        """The entry for a canonical phrase on a scale; ``ConfigError`` names an unknown one."""
        if scale not in SCALES:
            raise ConfigError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
        try:
            return self.entries[(phrase, scale)]
        except KeyError:
            raise ConfigError(f"phrase {phrase!r} is not in the calibration table") from None


def read_table(path: Path) -> Table:
    """A table from a calibration CSV with the ``COLUMNS`` header."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise ConfigError(f"cannot read calibration table {path}: {error}") from error
    if rows and tuple(rows[0]) != COLUMNS:
        raise ConfigError(f"calibration table {path}: expected columns {', '.join(COLUMNS)}")
    try:
        entries = [
            Entry(r["phrase"], r["scale"], r["band"], float(r["low"]), float(r["median"]), float(r["high"]), r["basis"])
            for r in rows
        ]
    except ValueError as error:
        raise ConfigError(f"calibration table {path}: {error}") from error
    return Table.of(entries)


def load_table() -> Table:
    """The table shipped in the package (``sayso/data/calibration.csv``)."""
    with resources.as_file(resources.files("sayso") / "data" / TABLE_FILE) as path:
        return read_table(path)

