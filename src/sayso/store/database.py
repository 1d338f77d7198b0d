"""Opening a store by path or URL, and the one way to write to it: a locked transaction.

SQLite (the default, a file) runs in WAL mode with a busy timeout; every write transaction starts
with ``BEGIN IMMEDIATE`` so the write lock is taken up front and two writers queue instead of
failing half-way. PostgreSQL write transactions take one transaction-scoped advisory lock, so
writes are serialised there too: ids grow in commit order, so a reprint's origin (the first
stored near-duplicate) is the smallest id. Reads never take the write lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError

from sayso.errors import InputError, StoreError
from sayso.store.migrations import migrate

DEFAULT_PATH = Path("sayso.db")
BUSY_TIMEOUT_SECONDS = 30.0
WRITE_LOCK_KEY = 0x5A7_5050  # PostgreSQL advisory lock id for "sayso store writer"


def database_url(db: str | Path) -> str:
    """The SQLAlchemy URL for a file path, a ``sqlite:///`` URL or a ``postgresql://`` URL."""
    value = str(db)
    if "://" not in value:
        path = Path(value).expanduser()
        if not path.parent.exists():
            raise StoreError(f"cannot create database file {path}: folder {path.parent} does not exist")
        if path.exists() and path.is_dir():
            raise StoreError(f"database path {path} is a folder, not a SQLite file")
        return f"sqlite:///{path.resolve()}"
    scheme, rest = value.split("://", 1)
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return f"postgresql+psycopg://{rest}"
    if scheme == "sqlite":
        return value
    raise StoreError(f"unsupported database URL {value!r}: use a file path, sqlite:///PATH or postgresql://…")


class StoreUnavailable(StoreError):
    """The database cannot be reached or is locked: no later write can succeed either."""


class Store:
    """A corpus database: an engine plus the write discipline every writer follows."""

    def __init__(self, db: str | Path = DEFAULT_PATH, *, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        self.given = str(db)
        self.url = database_url(db)
        try:
            parsed = make_url(self.url)
        except ArgumentError as error:
            raise StoreError(f"invalid database URL {db!r}: {error}") from error
        self.display = parsed.render_as_string(hide_password=True)
        self.dialect = parsed.get_backend_name()
        self.busy_timeout = busy_timeout
        self.engine = self._make_engine()

    def _make_engine(self) -> Engine:
        if self.dialect == "sqlite":
            engine = create_engine(self.url, connect_args={"timeout": self.busy_timeout})
            timeout_ms = int(self.busy_timeout * 1000)

            @event.listens_for(engine, "connect")
            def _sqlite_connect(dbapi_connection: sqlite3.Connection, record: object) -> None:
                # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred).
                dbapi_connection.isolation_level = None
                cursor = dbapi_connection.cursor()
                cursor.execute(f"PRAGMA busy_timeout = {timeout_ms}")
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")  # durable against process death in WAL
                cursor.execute("PRAGMA foreign_keys = ON")
                cursor.close()

            @event.listens_for(engine, "begin")
            def _sqlite_begin(conn: Connection) -> None:
                writing = conn.get_execution_options().get("sayso_write", False)
                conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

            return engine
        return create_engine(self.url, connect_args={"connect_timeout": 10}, pool_pre_ping=True)

    def require_corpus(self) -> None:
        """Refuse a SQLite file that is missing or empty: connecting would create it, and migrating
        would write a schema into it, so a reader would turn a mistyped path into an empty corpus."""
        if self.dialect != "sqlite":
            return  # a server database is checked by connecting to it
        name = make_url(self.url).database
        if not name or name == ":memory:":
            return
        path = Path(name)
        hint = f"(create it with: sayso ingest FILES --db {self.given})"
        if not path.exists():
            raise InputError(f"no such database: {self.given} {hint}")
        if path.is_file() and path.stat().st_size == 0:
            raise InputError(f"database file {self.given} is empty: no corpus in it {hint}")

    def error(self, error: Exception) -> StoreError:
        """One clear StoreError for a driver error, naming the database."""
        message = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        if self.dialect == "sqlite" and "locked" in message:
            return StoreUnavailable(
                f"SQLite file {self.display.removeprefix('sqlite:///')} is locked by another process "
                f"(waited {self.busy_timeout:g} s); try again when it finishes"
            )
        if isinstance(error, (OperationalError, InterfaceError)):
            return StoreUnavailable(f"cannot use database {self.display}: {message}")
        return StoreError(f"database {self.display}: {message}")

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction holding the store's single-writer lock; commits or rolls back whole."""
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(sayso_write=True)
                with conn.begin():
                    if self.dialect == "postgresql":
                        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
                    yield conn
        except DBAPIError as error:
            raise self.error(error) from error

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: a consistent snapshot, no write lock."""
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except DBAPIError as error:
            raise self.error(error) from error

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(
    db: str | Path = DEFAULT_PATH, *, busy_timeout: float = BUSY_TIMEOUT_SECONDS, create: bool = True
) -> Store:
    """Connect (raising StoreError naming the file or URL when that fails) and bring the schema up to date.

    Readers pass ``create=False``: a missing or empty SQLite file is then refused (InputError)
    before anything touches it, instead of becoming an empty corpus.
    """
    store = Store(db, busy_timeout=busy_timeout)
    if not create:
        store.require_corpus()
    migrate(store)
    return store
