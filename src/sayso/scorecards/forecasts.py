"""The assessments to score: every accepted link, with its probability on a scale, assessor and date.

This module is the scorecards' one window on the corpus records (``linked_forecasts``). It reads:

- the probability from the calibration table: the stored band, range and median identify the
  canonical phrase on the scale they were stored under, which is then looked up on the chosen
  scale (negation is already folded into the stored band). Under the standard scales (ICD 203,
  PHIA, NATO) only a WEP has a probability (the assessment's category, issue 17; for rows stored
  before categories, its rule): a modal, an assessment verb, an uncertainty statement or a
  comparative is listed, not scored, and so is any assessment stored without a probability (NULL
  band, range and median: the scale it was ingested under defined none);
- the assessor as the corpus identity (issue 20): a speaker's canonical name, and for the article's
  own voice its author and outlet, never one corpus-wide "author"; unknown stays None;
- the date as the document's publication day (None when unknown: listed, not scored).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import select

from sayso.calibration import SCALES, Entry, load_table
from sayso.errors import ConfigError
from sayso.store import identities, schema
from sayso.store.database import Store
from sayso.store.query import assessment_source
from sayso.store.questions import question_links

STANDARD_SCALES = ("icd203", "phia", "nato")
NO_BAND_RULES = frozenset({"modal-hedge", "assessment-verb"})  # before categories: what the standard scales skip


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


def _undefined_on_standard_scales(row: dict[str, Any]) -> bool:
    """Standard scales define WEPs only; rows stored before categories existed fall back on their rule."""
    category = row.get("category")
    return category != "wep" if category else row.get("rule") in NO_BAND_RULES


def on_scale(row: dict[str, Any], scale: str) -> tuple[str | None, Entry | None]:
    """(canonical phrase, its entry on ``scale``) for a stored assessment; (…, None) where ``scale`` gives none."""
    if scale not in SCALES:
        raise ConfigError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    if row["median"] is None or (scale in STANDARD_SCALES and _undefined_on_standard_scales(row)):
        return None, None  # stored without a number (its scale defined none): listed, never scored
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


def assessor_of(row: dict[str, Any], names: dict[str, str], outlets: dict[str, str] | None = None) -> str | None:
    """Who made the judgement, as the corpus identity; None when the extraction left it unknown."""
    if not row.get("assessor"):
        return None
    return assessment_source(dict(row), names, outlets)


def linked_forecasts(store: Store, scale: str, *, question_ids: list[int] | None = None) -> list[Forecast]:
    """Every accepted link as a Forecast on ``scale`` (missing assessments included, flagged)."""
    link, s, d = question_links, schema.assessments, schema.documents
    statement = (
        select(
            link.c.question_id, link.c.assessment_id, link.c.document_id, link.c.polarity, s.c.id.label("present"),
            s.c.phrase, s.c.band, s.c.low, s.c.median, s.c.high, s.c.scale, s.c.rule, s.c.category, s.c.assessor,
            d.c.author, d.c.publisher, d.c.source_name, d.c.title, d.c.url, d.c.published,
        )
        .select_from(link.outerjoin(s, s.c.id == link.c.assessment_id).outerjoin(d, d.c.id == s.c.document_id))
        .where(link.c.status == "accepted")
        .order_by(link.c.question_id, d.c.published, link.c.assessment_id)
    )
    if question_ids is not None:
        statement = statement.where(link.c.question_id.in_(question_ids))
    with store.read() as conn:
        rows = [r._asdict() for r in conn.execute(statement)]
        names, outlets = identities.names_by_key(conn), identities.outlets(conn)
    forecasts = []
    for row in rows:
        if row["present"] is None:
            forecasts.append(Forecast(row["question_id"], row["assessment_id"], row["document_id"], row["polarity"],
                                      None, None, None, None, None, None, None, None, missing=True))
            continue
        canonical, entry = on_scale(row, scale)
        forecasts.append(Forecast(
            question_id=row["question_id"], assessment_id=row["assessment_id"], document_id=row["document_id"],
            polarity=row["polarity"], assessor=assessor_of(row, names, outlets),
            published=(row["published"] or "")[:10] or None, phrase=row["phrase"], canonical=canonical,
            band=entry and entry.band, low=entry and entry.low, median=entry and entry.median,
            high=entry and entry.high,
        ))
    return forecasts
