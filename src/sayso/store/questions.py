"""Forecasting questions, the assessments linked to them, and their resolutions.

The three tables live in ``schema`` with the corpus tables (migration ``0006_questions`` adds them
to an older store). Every decision records who made it and when: a link
is proposed by sayso and accepted or rejected by a person; a resolution is never overwritten (a
corrected resolution is a new row, and scores always use the latest), so a score can be traced to
the decisions behind it. A link keeps the assessment's id without a foreign key: if its document is
deleted the decision survives and the scorecard lists the link as missing.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    func,
    insert,
    select,
    update,
)

from sayso.errors import InputError
from sayso.reading import clean_chars
from sayso.store import schema
from sayso.store.database import Store
from sayso.store.query import reading
from sayso.store.schema import question_links, question_resolutions, questions

OUTCOMES = ("yes", "no")
POLARITIES = ("for", "against")
LINK_STATES = ("proposed", "accepted", "rejected")

Row = dict[str, Any]

def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_user() -> str:
    """Who is deciding, for the record: the login name (``--by`` overrides it)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def iso_day(value: Any, what: str) -> str:
    """``value`` as YYYY-MM-DD, or an InputError naming ``what``."""
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date like 2016-07-19") from None


def _text(value: Any, what: str) -> str:
    cleaned = clean_chars(str(value or "")).strip()
    if not cleaned:
        raise InputError(f"{what} is empty")
    return cleaned


def _question(conn: Connection, question_id: int) -> Row:
    row = conn.execute(select(questions).where(questions.c.id == question_id)).first()
    if row is None:
        raise InputError(f"no question with id {question_id}")
    return row._asdict()


def _checked_question(text: Any, opens: Any, closes: Any, query: Any) -> Row:
    checked = {
        "text": _text(text, "question text"),
        "opens": iso_day(opens, "--opens"),
        "closes": iso_day(closes, "--closes"),
        "query": _text(query, "--query"),
    }
    if checked["closes"] < checked["opens"]:
        raise InputError(f"question closes {checked['closes']} before it opens {checked['opens']}")
    return checked


def _checked_resolution(question: Row, outcome: Any, on: Any) -> tuple[str, str]:
    if outcome not in OUTCOMES:
        raise InputError(f"outcome {outcome!r} is not one of {', '.join(OUTCOMES)}")
    day = iso_day(on, "--on")
    if day < question["opens"]:
        raise InputError(f"resolution date {day} is before the question opened ({question['opens']})")
    return outcome, day


def add_question(store: Store, text: str, *, opens: str, closes: str, query: str, by: str) -> int:
    """Store a new question; its text must be new."""
    checked = _checked_question(text, opens, closes, query)
    with store.write() as conn:
        if conn.execute(select(questions.c.id).where(questions.c.text == checked["text"])).first():
            raise InputError(f"question {checked['text']!r} already exists")
        return conn.execute(
            insert(questions).values(**checked, created_by=by, created_at=_now()).returning(questions.c.id)
        ).scalar_one()


def question(store: Store, question_id: int) -> Row:
    """One question with its current resolution (None while unresolved)."""
    with store.read() as conn:
        row = _question(conn, question_id)
        row["resolution"] = current_resolutions(conn, [question_id]).get(question_id)
    return row


def current_resolutions(conn: Connection, ids: Iterable[int] | None = None) -> dict[int, Row]:
    """The latest resolution of each question (a corrected resolution supersedes the earlier one)."""
    statement = select(question_resolutions).order_by(question_resolutions.c.id)
    if ids is not None:
        statement = statement.where(question_resolutions.c.question_id.in_(list(ids)))
    return {row.question_id: row._asdict() for row in conn.execute(statement)}


def list_questions(store: Store) -> list[Row]:
    """Every question with its link counts by status and its current resolution."""
    links = question_links
    with store.read() as conn:
        rows = [r._asdict() for r in conn.execute(select(questions).order_by(questions.c.id))]
        counts: dict[int, dict[str, int]] = {}
        for question_id, status, count in conn.execute(
            select(links.c.question_id, links.c.status, func.count()).group_by(links.c.question_id, links.c.status)
        ):
            counts.setdefault(question_id, {})[status] = count
        resolved = current_resolutions(conn)
    for row in rows:
        for status in LINK_STATES:
            row[status] = counts.get(row["id"], {}).get(status, 0)
        resolution = resolved.get(row["id"])
        row["outcome"] = resolution and resolution["outcome"]
        row["resolved_on"] = resolution and resolution["resolved_on"]
    return rows


def resolve(store: Store, question_id: int, outcome: str, *, on: str, note: str | None, source: str | None,
            by: str) -> int:
    """Record the question's outcome; an earlier resolution stays in the history, superseded."""
    with store.write() as conn:
        found = _question(conn, question_id)
        outcome, day = _checked_resolution(found, outcome, on)
        return conn.execute(
            insert(question_resolutions)
            .values(question_id=question_id, outcome=outcome, resolved_on=day, note=note, source=source,
                    resolved_by=by, resolved_at=_now())
            .returning(question_resolutions.c.id)
        ).scalar_one()


def propose_links(store: Store, question_id: int, proposals: Iterable[Mapping[str, Any]]) -> int:
    """Add proposed links (assessment_id, document_id, polarity, evidence); a pair already linked
    or decided keeps its state. Returns how many were new."""
    with store.write() as conn:
        _question(conn, question_id)
        known = set(conn.execute(
            select(question_links.c.assessment_id).where(question_links.c.question_id == question_id)
        ).scalars())
        new = [dict(p) for p in proposals if p["assessment_id"] not in known]
        for proposal in new:
            conn.execute(insert(question_links).values(
                question_id=question_id, assessment_id=proposal["assessment_id"],
                document_id=proposal["document_id"], polarity=proposal["polarity"], status="proposed",
                evidence=proposal.get("evidence"), created_at=_now(),
            ))
    return len(new)


def decide_links(store: Store, question_id: int, assessment_ids: Iterable[int], status: str, *, by: str,
                 polarity: str | None = None) -> int:
    """Accept or reject links (an assessment not yet proposed is linked by hand); all or nothing."""
    if status not in ("accepted", "rejected"):
        raise InputError(f"link status {status!r} is not 'accepted' or 'rejected'")
    if polarity is not None and polarity not in POLARITIES:
        raise InputError(f"polarity {polarity!r} is not one of {', '.join(POLARITIES)}")
    ids = list(dict.fromkeys(assessment_ids))
    if not ids:
        raise InputError("name at least one assessment id to decide")
    s, links = schema.assessments, question_links
    with store.write() as conn:
        _question(conn, question_id)
        documents = dict(conn.execute(select(s.c.id, s.c.document_id).where(s.c.id.in_(ids))).all())
        missing = [i for i in ids if i not in documents]
        if missing:
            raise InputError(
                f"no assessment with id {missing[0]} (never stored, or its document was deleted); nothing changed"
            )
        existing = dict(conn.execute(
            select(links.c.assessment_id, links.c.id)
            .where(links.c.question_id == question_id, links.c.assessment_id.in_(ids))
        ).all())
        decided = {"status": status, "decided_by": by, "decided_at": _now()}
        if polarity is not None:
            decided["polarity"] = polarity
        for assessment_id in ids:
            if assessment_id in existing:
                conn.execute(update(links).where(links.c.id == existing[assessment_id]).values(**decided))
            else:
                conn.execute(insert(links).values(
                    question_id=question_id, assessment_id=assessment_id, document_id=documents[assessment_id],
                    evidence="linked by hand", created_at=_now(), **{"polarity": "for", **decided},
                ))
    return len(ids)


def links(store: Store, question_id: int | None = None, *, status: str | None = None) -> list[Row]:
    """Links with what a person needs to judge them: the assessment's sentence, phrase, band,
    proposition, assessor and date (``missing`` when the assessment is gone)."""
    if status is not None and status not in LINK_STATES:
        raise InputError(f"--status {status!r} is not one of {', '.join(LINK_STATES)}")
    link, s, d = question_links, schema.assessments, schema.documents
    statement = (
        select(
            link.c.question_id, link.c.assessment_id, link.c.document_id, link.c.polarity, link.c.status, link.c.evidence,
            link.c.decided_by, link.c.decided_at, s.c.phrase, s.c.band, s.c.median, s.c.category, s.c.assessor,
            s.c.sentence, s.c.proposition, s.c.negated, s.c.seq, d.c.published, d.c.title, s.c.id.label("present"),
        )
        .select_from(link.outerjoin(s, s.c.id == link.c.assessment_id).outerjoin(d, d.c.id == s.c.document_id))
        .order_by(link.c.question_id, d.c.published, link.c.assessment_id)
    )
    if question_id is not None:
        statement = statement.where(link.c.question_id == question_id)
    if status is not None:
        statement = statement.where(link.c.status == status)
    with store.read() as conn:
        if question_id is not None:
            _question(conn, question_id)
        rows = [r._asdict() for r in conn.execute(statement)]
    for row in rows:
        row["missing"] = row.pop("present") is None
        row["reading"] = None if row["missing"] else reading(row["band"], row["category"])
    return rows


def _import_record(record: Any, where: str) -> tuple[Row, Row | None]:
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    try:
        checked = _checked_question(record.get("text"), record.get("opens"), record.get("closes"), record.get("query"))
        resolution = record.get("resolution")
        if resolution is None:
            return checked, None
        if not isinstance(resolution, dict):
            raise InputError("resolution must be an object with outcome and on")
        outcome, day = _checked_resolution(checked, resolution.get("outcome"), resolution.get("on"))
    except InputError as error:
        raise InputError(f"{where}: {error}") from None
    return checked, {"outcome": outcome, "resolved_on": day, "note": resolution.get("note"),
                     "source": resolution.get("source")}


def import_questions(store: Store, path: Path, *, by: str) -> tuple[int, int]:
    """Questions (and resolutions) from JSON Lines; every line is checked before anything is
    written, and a question already stored (same text) is skipped. Returns (added, skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}") from None
    parsed: list[tuple[Row, Row | None]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: not JSON ({error.msg}); nothing imported") from None
        parsed.append(_import_record(record, f"{path}:{number}"))
    added = skipped = 0
    with store.write() as conn:
        stored = set(conn.execute(select(questions.c.text)).scalars())
        for checked, resolution in parsed:
            if checked["text"] in stored:
                skipped += 1
                continue
            stored.add(checked["text"])
            question_id = conn.execute(
                insert(questions).values(**checked, created_by=by, created_at=_now()).returning(questions.c.id)
            ).scalar_one()
            if resolution is not None:
                conn.execute(insert(question_resolutions).values(
                    question_id=question_id, resolved_by=by, resolved_at=_now(), **resolution
                ))
            added += 1
    return added, skipped
