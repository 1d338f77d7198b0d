"""The assessments to score: every accepted link, with its probability on a scale, assessor and date.

This module is the scorecards' one window on the corpus records (``linked_forecasts``), so that
when assessments gain a category and assessors a canonical identity only this file changes. Today
it reads:

- the probability from the calibration table: the stored band, range and median identify the
  canonical phrase on the scale they were stored under, which is then looked up on the chosen
  scale (negation is already folded into the stored band). Under the standard scales (ICD 203,
  PHIA, NATO) a bare modal or an unhedged assessment verb has no probability: those scales do not
  define one, so such an assessment is listed, not scored;
- the assessor as stored, except that the article's own voice ("author") is the document's
  author field when the store has one, and unknown (None) otherwise;
- the date as the document's publication day (None when unknown: listed, not scored).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import select

from sayso.calibration import SCALES, Entry, load_table
from sayso.errors import ConfigError
from sayso.store import schema
from sayso.store.database import Store
from sayso.store.questions import question_links

STANDARD_SCALES = ("icd203", "phia", "nato")
NO_BAND_RULES = frozenset({"modal-hedge", "assessment-verb"})  # phrases the standard scales do not define
OWN_VOICE = "author"


@dataclass(frozen=True, slots=True)
class Forecast:
    """One accepted link: an assessment read as a probability that its question resolves yes or no."""

    question_id: int
    assessment_id: int
    document_id: int
    polarity: str  # "for": the assessed proposition is the question's yes; "against": its no
    assessor: str | None
    published: str | None  # YYYY-MM-DD
    phrase: str | None
    canonical: str | None  # the phrase as the calibration table names it
    band: str | None  # None: the scale gives this assessment no probability
    low: float | None
    median: float | None
    high: float | None
    missing: bool = False  # the assessment is no longer in the store


@cache
def _by_values() -> dict[tuple[str, str, float, float, float], list[str]]:
    """Canonical phrases by (scale, band, low, median, high): how a stored probability names its phrase."""
    found: dict[tuple[str, str, float, float, float], list[str]] = {}
    for (phrase, scale), entry in load_table().entries.items():
        found.setdefault((scale, entry.band, entry.low, entry.median, entry.high), []).append(phrase)
    return found


def _words(phrase: str) -> set[str]:
    """A phrase's words with negations spelled one way ("isn't", "cannot", "no" -> "not")."""
    plain = phrase.replace("\u2019", "'").replace("n't", " not").replace("cannot", "can not")
    return {"not" if word == "no" else word for word in plain.split()}


def _closest(spoken: str, candidates: list[str]) -> str | None:
    """The canonical phrase among ``candidates`` (which share the stored probability) that shares most
    words with the spoken phrase ("isn't a serious threat" -> "no significant threat"); table order breaks ties."""
    if spoken in candidates or not candidates:
        return spoken if spoken in candidates else None
    words = _words(spoken)
    return max(candidates, key=lambda c: (len(words & _words(c)), -candidates.index(c)))


def on_scale(row: dict[str, Any], scale: str) -> tuple[str | None, Entry | None]:
    """(canonical phrase, its entry on ``scale``) for a stored assessment; (…, None) where ``scale`` gives none."""
    if scale not in SCALES:
        raise ConfigError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    if scale in STANDARD_SCALES and row.get("rule") in NO_BAND_RULES:
        return None, None
    table = load_table()
    key = (row["scale"], row["band"], row["low"], row["median"], row["high"])
    candidates = _by_values().get(key, [])
    spoken = (row.get("phrase") or "").lower()
    canonical = _closest(spoken, candidates)
    if canonical is not None:
        return canonical, table.lookup(canonical, scale)
    if row["scale"] == scale:  # a probability the table does not list: keep it as stored
        return None, Entry(spoken, scale, row["band"], row["low"], row["median"], row["high"])
    return None, None


def assessor_of(stored: str | None, document_author: str | None) -> str | None:
    """Who made the judgement: the stored assessor, the document's author for its own voice."""
    if stored == OWN_VOICE:
        return document_author or None
    return stored or None


def linked_forecasts(store: Store, scale: str, *, question_ids: list[int] | None = None) -> list[Forecast]:
    """Every accepted link as a Forecast on ``scale`` (missing assessments included, flagged)."""
    l, s, d = question_links, schema.assessments, schema.documents
    statement = (
        select(
            l.c.question_id, l.c.assessment_id, l.c.document_id, l.c.polarity, s.c.id.label("present"),
            s.c.phrase, s.c.band, s.c.low, s.c.median, s.c.high, s.c.scale, s.c.rule, s.c.assessor,
            d.c.author, d.c.published,
        )
        .select_from(l.outerjoin(s, s.c.id == l.c.assessment_id).outerjoin(d, d.c.id == s.c.document_id))
        .where(l.c.status == "accepted")
        .order_by(l.c.question_id, d.c.published, l.c.assessment_id)
    )
    if question_ids is not None:
        statement = statement.where(l.c.question_id.in_(question_ids))
    with store.read() as conn:
        rows = [r._asdict() for r in conn.execute(statement)]
    forecasts = []
    for row in rows:
        if row["present"] is None:
            forecasts.append(Forecast(row["question_id"], row["assessment_id"], row["document_id"], row["polarity"],
                                      None, None, None, None, None, None, None, None, missing=True))
            continue
        canonical, entry = on_scale(row, scale)
        forecasts.append(Forecast(
            question_id=row["question_id"], assessment_id=row["assessment_id"], document_id=row["document_id"],
            polarity=row["polarity"], assessor=assessor_of(row["assessor"], row["author"]),
            published=(row["published"] or "")[:10] or None, phrase=row["phrase"], canonical=canonical,
            band=entry and entry.band, low=entry and entry.low, median=entry and entry.median,
            high=entry and entry.high,
        ))
    return forecasts
