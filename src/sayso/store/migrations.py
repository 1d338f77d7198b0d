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

from sqlalchemy import Connection, insert, select

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


MIGRATIONS: tuple[tuple[str, Callable[[Connection], None]], ...] = (
    ("0001_tables", _tables),
    ("0002_full_text", _full_text),
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
