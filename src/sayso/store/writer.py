"""Storing one analysed document: every row it yields, in one transaction, or nothing.

The content hash is checked again under the write lock, so two processes ingesting the same
article store it once. Reprint origins are looked up in the same transaction; the SQLite
full-text rows and the reprint bands are written beside the rows they index, so the indexes and
the tables always agree.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text, update

from sayso.model import Analysis, Assessment, Span
from sayso.store import identities, schema
from sayso.store.database import Store
from sayso.store.dedup import fingerprint, load_settings, reprint_indexes


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def content_hash(text: str) -> str:
    """The identity of a document: SHA-256 of its analysed text with whitespace collapsed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def speaker_key(name: str) -> str:
    return normalise(name)


def _span_columns(prefix: str, span: Span | None) -> dict[str, Any]:
    return {
        prefix: None if span is None else span.text,
        f"{prefix}_start": None if span is None else span.start,
        f"{prefix}_end": None if span is None else span.end,
    }


def _probability_columns(assessment: Assessment) -> dict[str, float | None]:
    """The range and median, all NULL where the scale gives the phrase no number (a modal, a
    judgement, an uncertainty statement or a comparative under a standard scale)."""
    p = assessment.probability
    return {"low": None if p is None else p.low, "high": None if p is None else p.high,
            "median": None if p is None else p.median}


def _voice_at(analysis: Analysis, offset: int) -> str:
    for passage in analysis.passages:
        if passage.start <= offset < passage.end:
            return passage.voice
    return "author"


class Writer:
    """The single writer of a store: one ``save()`` per document, one transaction per ``save()``."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = load_settings()
        self.documents, self.attributions, self.assessments = reprint_indexes()

    def save(self, analysis: Analysis, *, raw: str, source_name: str, digest: str | None = None,
             meta: dict[str, Any] | None = None) -> int | None:
        """Store ``analysis``; returns the new document id, or None when its hash is already stored.

        ``meta`` holds the input's own metadata fields (a feed's ``publisher``, ``id``, …), kept as given.
        """
        digest = digest or content_hash(analysis.text)
        with self.store.write() as conn:
            exists = conn.execute(select(schema.documents.c.id).where(schema.documents.c.content_hash == digest))
            if exists.first() is not None:
                return None
            document_id, origin_id = self._insert_document(
                conn, analysis, raw=raw, source_name=source_name, digest=digest, meta=meta or {}
            )
            self._insert_passages(conn, analysis, document_id)
            self._insert_attributions(conn, analysis, document_id, self._carried(conn, schema.attributions, origin_id))
            identities.settle(conn, document_id)  # the speakers' identities, in the same transaction
            self._insert_assessments(conn, analysis, document_id, self._carried(conn, schema.assessments, origin_id))
            self._insert_entities(conn, analysis, document_id)
            self._insert_dates(conn, analysis, document_id)
            return document_id

    def _insert_document(
        self, conn: Connection, analysis: Analysis, *, raw: str, source_name: str, digest: str,
        meta: dict[str, Any],
    ) -> tuple[int, int | None]:
        """The new document's id and, when it reprints a stored one, that document's id."""
        signature = fingerprint(analysis.text, self.settings.document)
        origin_id = self.documents.origin_of(conn, signature)
        row = {
            "content_hash": digest,
            "source_name": source_name,
            "url": analysis.url,
            "title": analysis.title,
            "author": analysis.author,
            "publisher": meta.get("publisher"),
            "external_id": None if meta.get("id") is None else str(meta["id"]),
            "metadata": json.dumps(meta, ensure_ascii=False, sort_keys=True) if meta else None,
            "published": analysis.published,
            "published_source": analysis.published_source,
            "language": analysis.language,
            "scale": analysis.scale,
            "word_count": len(analysis.text.split()),
            "raw": raw,
            "text": analysis.text,
            "analysis": analysis.to_json(indent=None),
            "origin_id": origin_id,
            "minhash": signature,
            "ingested_at": datetime.now(UTC).isoformat(),
        }
        document_id = conn.execute(insert(schema.documents).returning(schema.documents.c.id), row).scalar_one()
        self.documents.add(conn, [(document_id, signature)])
        return document_id, origin_id

    @staticmethod
    def _carried(conn: Connection, table: Table, origin_document: int | None) -> dict[str, int]:
        """For a reprint: the origin document's rows by normalised text, so quotes too short to
        fingerprint are still counted as carried, not as new origins."""
        if origin_document is None:
            return {}
        column = table.c.content if table is schema.attributions else table.c.sentence
        rows = conn.execute(
            select(column, table.c.id, table.c.origin_id).where(table.c.document_id == origin_document)
        )
        return {normalise(body): origin or row_id for body, row_id, origin in rows}

    def _insert_passages(self, conn: Connection, analysis: Analysis, document_id: int) -> None:
        rows = [
            {"document_id": document_id, "seq": i, "start": p.start, "end": p.end, "voice": p.voice,
             "source": p.source, "text": p.text}
            for i, p in enumerate(analysis.passages)
        ]
        if rows:
            conn.execute(insert(schema.passages), rows)

    def _speaker_ids(self, conn: Connection, analysis: Analysis) -> dict[str, int]:
        """Find or create the speaker rows this document credits, merging aliases, org and role."""
        t = schema.speakers
        seen: dict[str, list[Any]] = {}
        for a in analysis.attributions:
            if a.speaker.name:
                seen.setdefault(speaker_key(a.speaker.name), []).append(a.speaker)
        ids: dict[str, int] = {}
        for key, credited in seen.items():
            aliases = {s.mention.text for s in credited if s.mention is not None}
            org = next((s.org for s in credited if s.org), None)
            role = next((s.role for s in credited if s.role), None)
            found = conn.execute(select(t.c.id, t.c.aliases, t.c.org, t.c.role).where(t.c.key == key)).first()
            if found is None:
                match_key, short = identities.keys(credited[0].name, credited[0].type)
                ids[key] = conn.execute(
                    insert(t).returning(t.c.id),
                    {"key": key, "canonical": credited[0].name, "aliases": json.dumps(sorted(aliases)),
                     "org": org, "role": role, "type": credited[0].type, "match_key": match_key, "initials": short},
                ).scalar_one()
                continue
            ids[key] = found.id
            merged = sorted(set(json.loads(found.aliases)) | aliases)
            conn.execute(
                update(t).where(t.c.id == found.id).values(
                    aliases=json.dumps(merged), org=found.org or org, role=found.role or role
                )
            )
        return ids

    def _index(self, conn: Connection, kind: str, rows: list[tuple[int, str]], document_id: int) -> None:
        """SQLite full-text rows for ``(id, body)`` pairs (PostgreSQL's tsvector columns are generated)."""
        if conn.dialect.name == "sqlite" and rows:
            conn.execute(
                text("INSERT INTO search_index (body, kind, ref_id, document_id) VALUES (:body, :kind, :ref, :doc)"),
                [{"body": body, "kind": kind, "ref": ref, "doc": document_id} for ref, body in rows],
            )

    def _insert_attributions(
        self, conn: Connection, analysis: Analysis, document_id: int, carried: dict[str, int]
    ) -> None:
        if not analysis.attributions:
            return
        speaker_ids = self._speaker_ids(conn, analysis)
        rows = []
        for i, a in enumerate(analysis.attributions):
            signature = fingerprint(a.content.text, self.settings.passage)
            mention = a.speaker.mention
            rows.append({
                "document_id": document_id, "seq": i, "kind": a.kind,
                "content": a.content.text, "content_start": a.content.start, "content_end": a.content.end,
                **_span_columns("cue", a.cue),
                "speaker_id": speaker_ids.get(speaker_key(a.speaker.name)) if a.speaker.name else None,
                "speaker_name": a.speaker.name,
                "speaker_mention": None if mention is None else mention.text,
                "speaker_start": None if mention is None else mention.start,
                "speaker_end": None if mention is None else mention.end,
                "rule": a.rule, "cue_class": a.cue_class, "minhash": signature,
                "origin_id": self.attributions.origin_of(conn, signature) or carried.get(normalise(a.content.text)),
            })
        t = schema.attributions
        ids = conn.execute(insert(t).returning(t.c.id, sort_by_parameter_order=True), rows).scalars().all()
        self.attributions.add(conn, [(i, r["minhash"]) for i, r in zip(ids, rows)])
        self._index(conn, "attribution", [(i, r["content"]) for i, r in zip(ids, rows)], document_id)

    def _insert_assessments(
        self, conn: Connection, analysis: Analysis, document_id: int, carried: dict[str, int]
    ) -> None:
        if not analysis.assessments:
            return
        rows = []
        for i, a in enumerate(analysis.assessments):
            signature = fingerprint(a.sentence.text, self.settings.passage)
            rows.append({
                "document_id": document_id, "seq": i,
                **_span_columns("phrase", a.phrase), **_span_columns("sentence", a.sentence),
                "proposition": None if a.proposition is None else a.proposition.text,
                "topic": a.proposition.text if a.proposition is not None else a.sentence.text,
                "voice": _voice_at(analysis, a.phrase.start),
                "band": a.band, "scale": a.scale, "assessor": a.assessor,
                "negated": a.negated, "rule": a.rule, "category": a.category, **_probability_columns(a),
                "origin_id": self.assessments.origin_of(conn, signature, a.band or a.category)
                or carried.get(normalise(a.sentence.text)),
                "minhash": signature,
            })
        t = schema.assessments
        ids = conn.execute(insert(t).returning(t.c.id, sort_by_parameter_order=True), rows).scalars().all()
        self.assessments.add(conn, [(i, r["minhash"]) for i, r in zip(ids, rows)])
        self._index(conn, "assessment", [(i, r["sentence"]) for i, r in zip(ids, rows)], document_id)

    def _insert_entities(self, conn: Connection, analysis: Analysis, document_id: int) -> None:
        if not analysis.entities:
            return
        t = schema.entities
        ids = conn.execute(
            insert(t).returning(t.c.id, sort_by_parameter_order=True),
            [{"document_id": document_id, "name": e.name, "type": e.type, "aliases": json.dumps(list(e.aliases))}
             for e in analysis.entities],
        ).scalars().all()
        mentions = [
            {"entity_id": entity_id, "document_id": document_id, "start": m.start, "end": m.end, "text": m.text}
            for entity_id, e in zip(ids, analysis.entities)
            for m in e.mentions
        ]
        if mentions:
            conn.execute(insert(schema.mentions), mentions)

    def _insert_dates(self, conn: Connection, analysis: Analysis, document_id: int) -> None:
        rows = [
            {"document_id": document_id, "start": d.start, "end": d.end, "text": d.text, "value": d.value,
             "granularity": d.granularity, "relative": d.relative, "ambiguous": d.ambiguous}
            for d in analysis.dates
        ]
        if rows:
            conn.execute(insert(schema.dates), rows)


def check(store: Store) -> list[str]:
    """Integrity problems, one line each (empty when sound): every document's rows must match
    its stored Analysis JSON, and the SQLite full-text index and the reprint bands must match the
    rows they index."""
    d, a, s, p = schema.documents, schema.attributions, schema.assessments, schema.passages
    problems: list[str] = []
    with store.read() as conn:
        counted = {
            name: dict(conn.execute(select(t.c.document_id, func.count()).group_by(t.c.document_id)).all())
            for name, t in (("attributions", a), ("assessments", s), ("passages", p))
        }
        for document_id, analysis in conn.execute(select(d.c.id, d.c.analysis)):
            data = json.loads(analysis)
            expected = {name: {len(data[name])} for name in counted}
            # a document stored before 0007_unbanded_assessments kept only the assessments with a probability
            expected["assessments"].add(len([x for x in data["assessments"] if x.get("probability")]))
            for name, rows in counted.items():
                if rows.get(document_id, 0) not in expected[name]:
                    problems.append(
                        f"document {document_id}: {rows.get(document_id, 0)} {name} rows, analysis has {len(data[name])}"
                    )
        if conn.dialect.name == "sqlite":
            for kind, table in (("attribution", a), ("assessment", s)):
                indexed = conn.execute(
                    text("SELECT count(*) FROM search_index WHERE kind = :kind"), {"kind": kind}
                ).scalar_one()
                stored = conn.execute(select(func.count()).select_from(table)).scalar_one()
                if indexed != stored:
                    problems.append(f"search index has {indexed} {kind} rows, the table {stored}")
        problems += [line for index in reprint_indexes() if (line := index.consistent(conn)) is not None]
    return problems
