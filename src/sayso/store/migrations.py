"""Named schema migrations, each applied in the same transaction as the row that records it.

Why not Alembic: the schema is small, the interesting DDL (FTS5 virtual tables, tsvector columns
with GIN indexes) is dialect-specific code either way, and sayso opens stores from many
processes at once. Named functions applied under the store's write lock (``BEGIN IMMEDIATE`` /
advisory lock) make "check, apply, record" atomic: two ingest processes opening a fresh
database cannot both create it, and a crash mid-migration leaves the previous version intact
(both SQLite and PostgreSQL roll DDL back with the transaction). Append new migrations; never
edit an applied one.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import Connection, insert, inspect, select

from sayso.store import schema


class Transactions(Protocol):
    """What migrating needs of a store (``database.Store`` has it): a read and a locked write
    transaction. A protocol, so that this module does not import the one that calls it."""

    def read(self) -> AbstractContextManager[Connection]: ...

    def write(self) -> AbstractContextManager[Connection]: ...


def _tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, checkfirst=True)


def _full_text(conn: Connection) -> None:
    """SQLite: one FTS5 table over attribution contents and assessment sentences, written in the
    same transaction as the rows; PostgreSQL: generated tsvector columns with GIN indexes."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "body, kind UNINDEXED, ref_id UNINDEXED, document_id UNINDEXED, tokenize = 'porter unicode61')"
        )
        return
    for table, column in (("attributions", "content"), ("assessments", "sentence")):
        conn.exec_driver_sql(
            f"ALTER TABLE {table} ADD COLUMN tsv tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('english', {column})) STORED"
        )
        conn.exec_driver_sql(f"CREATE INDEX ix_{table}_tsv ON {table} USING GIN (tsv)")


def _assessment_category(conn: Connection) -> None:
    """What each stored assessment is (wep, modal, …; issue 17). A store created after this column
    joined ``schema`` already has it from ``0001_tables``."""
    if "category" not in {c["name"] for c in inspect(conn).get_columns("assessments")}:
        conn.exec_driver_sql("ALTER TABLE assessments ADD COLUMN category VARCHAR(20)")


def _questions(conn: Connection) -> None:
    """Forecasting questions, their links and resolutions (a store made after they joined ``schema``
    already has them from ``0001_tables``)."""
    for table in schema.QUESTION_TABLES:
        table.create(conn, checkfirst=True)
# Fixed statements, not formatted ones (0007): SQLite cannot drop NOT NULL, so the table is rebuilt
# with the same ids (the full-text rows and ``origin_id`` refer to them). Renaming the old table
# first moves its self-reference with it, so dropping it never trips the foreign keys.
_UNBANDED_SQLITE = (
    "ALTER TABLE assessments RENAME TO assessments_before_0007",
    "DROP INDEX ix_assessments_document",
    "DROP INDEX ix_assessments_assessor",
    "CREATE TABLE assessments (id INTEGER NOT NULL, document_id INTEGER NOT NULL, seq INTEGER NOT NULL, "
    "phrase TEXT NOT NULL, phrase_start INTEGER NOT NULL, phrase_end INTEGER NOT NULL, sentence TEXT NOT NULL, "
    "sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, proposition TEXT, topic TEXT NOT NULL, "
    "voice VARCHAR(10) NOT NULL, band VARCHAR(60), low FLOAT, high FLOAT, median FLOAT, "
    "scale VARCHAR(40) NOT NULL, assessor TEXT, negated BOOLEAN NOT NULL, rule VARCHAR(100), origin_id INTEGER, "
    "category VARCHAR(20), minhash BLOB, PRIMARY KEY (id), "
    "FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, "
    "FOREIGN KEY(origin_id) REFERENCES assessments (id))",
    "INSERT INTO assessments (id, document_id, seq, phrase, phrase_start, phrase_end, sentence, sentence_start, "
    "sentence_end, proposition, topic, voice, band, low, high, median, scale, assessor, negated, rule, origin_id, "
    "category, minhash) SELECT id, document_id, seq, phrase, phrase_start, phrase_end, sentence, sentence_start, "
    "sentence_end, proposition, topic, voice, band, low, high, median, scale, assessor, negated, rule, origin_id, "
    "category, minhash FROM assessments_before_0007",
    "DROP TABLE assessments_before_0007",
    "CREATE INDEX ix_assessments_document ON assessments (document_id)",
    "CREATE INDEX ix_assessments_assessor ON assessments (assessor)",
)
_UNBANDED_POSTGRESQL = (
    "ALTER TABLE assessments ALTER COLUMN band DROP NOT NULL, ALTER COLUMN low DROP NOT NULL, "
    "ALTER COLUMN high DROP NOT NULL, ALTER COLUMN median DROP NOT NULL",
)


def _unbanded_assessments(conn: Connection) -> None:
    """Assessments without a number on their scale (modals, judgements, uncertainty, comparatives
    under a standard scale; issue 17) are stored too: band, low, high and median become nullable.
    A store made after this joined ``schema`` already has them nullable from ``0001_tables``."""
    band = next(c for c in inspect(conn).get_columns("assessments") if c["name"] == "band")
    if band["nullable"]:
        return
    for statement in _UNBANDED_SQLITE if conn.dialect.name == "sqlite" else _UNBANDED_POSTGRESQL:
        conn.exec_driver_sql(statement)


# Fixed statements, not formatted ones: a store created before a column existed gets it added.
_SPEAKER_COLUMNS = {
    "canonical_id": "ALTER TABLE speakers ADD COLUMN canonical_id INTEGER REFERENCES speakers(id)",
    "match_key": "ALTER TABLE speakers ADD COLUMN match_key VARCHAR(300)",
    "initials": "ALTER TABLE speakers ADD COLUMN initials VARCHAR(40)",
}
_DOCUMENT_COLUMNS = {
    "publisher": "ALTER TABLE documents ADD COLUMN publisher TEXT",
    "external_id": "ALTER TABLE documents ADD COLUMN external_id TEXT",
    "metadata": "ALTER TABLE documents ADD COLUMN metadata TEXT",
}


def _speaker_identity(conn: Connection) -> None:
    """Canonical speakers: identity columns on ``speakers``, the ``speaker_merges`` log, and the
    identities of the rows already stored (a store made by ``0001_tables`` today has the columns)."""
    from sayso.store import identities

    present = {c["name"] for c in inspect(conn).get_columns("speakers")}
    for name, statement in _SPEAKER_COLUMNS.items():
        if name not in present:
            conn.exec_driver_sql(statement)
    for index in schema.speakers.indexes:
        index.create(conn, checkfirst=True)
    schema.speaker_merges.create(conn, checkfirst=True)
    identities.rebuild(conn)


def _document_publisher(conn: Connection) -> None:
    """The outlet, the feed's id and the feed's metadata fields kept per document (they were dropped)."""
    present = {c["name"] for c in inspect(conn).get_columns("documents")}
    for name, statement in _DOCUMENT_COLUMNS.items():
        if name not in present:
            conn.exec_driver_sql(statement)


def _attribution_cue_class(conn: Connection) -> None:
    """Each stored attribution's cue class, so that search shows speech by default (issue 15). A
    store made after this column joined ``schema`` already has it from ``0001_tables``; older rows
    keep null and count as speech, as they were shown before."""
    if "cue_class" not in {c["name"] for c in inspect(conn).get_columns("attributions")}:
        conn.exec_driver_sql("ALTER TABLE attributions ADD COLUMN cue_class VARCHAR(20)")


def _reprint_bands(conn: Connection) -> None:
    """The reprint index moves from the writer's memory into the store: the LSH bands of every
    fingerprint stored so far (a store made after the table joined ``schema`` has it, empty)."""
    from sayso.store.dedup import reprint_indexes

    schema.reprint_bands.create(conn, checkfirst=True)
    for index in reprint_indexes():
        index.add_stored(conn)


MIGRATIONS: tuple[tuple[str, Callable[[Connection], None]], ...] = (
    ("0001_tables", _tables),
    ("0002_full_text", _full_text),
    ("0003_assessment_category", _assessment_category),
    ("0004_speaker_identity", _speaker_identity),
    ("0005_document_publisher", _document_publisher),
    ("0006_questions", _questions),
    ("0007_unbanded_assessments", _unbanded_assessments),
    ("0008_attribution_cue_class", _attribution_cue_class),
    ("0009_reprint_bands", _reprint_bands),
)


def applied(conn: Connection) -> set[str]:
    return set(conn.execute(select(schema.migrations.c.name)).scalars())


def migrate(store: Transactions) -> list[str]:
    """Apply the migrations this store lacks; returns their names (empty when up to date)."""
    with store.read() as conn:
        if conn.dialect.has_table(conn, "migrations") and applied(conn) >= {name for name, _ in MIGRATIONS}:
            return []
    done: list[str] = []
    with store.write() as conn:
        schema.migrations.create(conn, checkfirst=True)
        present = applied(conn)  # re-read under the write lock: another process may have migrated
        for name, apply in MIGRATIONS:
            if name in present:
                continue
            apply(conn)
            conn.execute(
                insert(schema.migrations).values(name=name, applied_at=datetime.now(UTC).isoformat())
            )
            done.append(name)
    return done
