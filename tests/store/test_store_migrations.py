"""0007_unbanded_assessments on a store made before it: band, low, high and median become
nullable, every row keeps its id, the full-text index still finds it and reprints still point home."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import inspect, select, text

from sayso.model import Span
from sayso.store import query, schema
from sayso.store.database import open_store
from sayso.store.writer import Writer, check

ARTICLE = "The institute said it is unlikely that the depot will be taken this month. Talks may resume."

# The assessments table as 0001_tables created it before 0007 (SQLite), and the same constraint on PostgreSQL.
OLD_SQLITE = (
    "ALTER TABLE assessments RENAME TO assessments_new",
    "DROP INDEX ix_assessments_document",
    "DROP INDEX ix_assessments_assessor",
    "CREATE TABLE assessments (id INTEGER NOT NULL, document_id INTEGER NOT NULL, seq INTEGER NOT NULL, "
    "phrase TEXT NOT NULL, phrase_start INTEGER NOT NULL, phrase_end INTEGER NOT NULL, sentence TEXT NOT NULL, "
    "sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, proposition TEXT, topic TEXT NOT NULL, "
    "voice VARCHAR(10) NOT NULL, band VARCHAR(60) NOT NULL, low FLOAT NOT NULL, high FLOAT NOT NULL, "
    "median FLOAT NOT NULL, scale VARCHAR(40) NOT NULL, assessor TEXT, negated BOOLEAN NOT NULL, "
    "rule VARCHAR(100), origin_id INTEGER, minhash BLOB, PRIMARY KEY (id), "
    "FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, "
    "FOREIGN KEY(origin_id) REFERENCES assessments (id))",
    "ALTER TABLE assessments ADD COLUMN category VARCHAR(20)",  # as 0003 added it: after minhash
    "INSERT INTO assessments SELECT id, document_id, seq, phrase, phrase_start, phrase_end, sentence, "
    "sentence_start, sentence_end, proposition, topic, voice, band, low, high, median, scale, assessor, negated, "
    "rule, origin_id, minhash, category FROM assessments_new",
    "DROP TABLE assessments_new",
    "CREATE INDEX ix_assessments_document ON assessments (document_id)",
    "CREATE INDEX ix_assessments_assessor ON assessments (assessor)",
)
OLD_POSTGRESQL = (
    "ALTER TABLE assessments ALTER COLUMN band SET NOT NULL, ALTER COLUMN low SET NOT NULL, "
    "ALTER COLUMN high SET NOT NULL, ALTER COLUMN median SET NOT NULL",
)


def _nullable(store) -> dict[str, bool]:
    with store.read() as conn:
        columns = inspect(conn).get_columns("assessments")
    return {c["name"]: c["nullable"] for c in columns if c["name"] in ("band", "low", "high", "median")}


def _old_store(db_url, make_analysis):
    """A store with two banded assessments (the second a reprint of the first), rolled back to the
    schema before 0007."""
    article = make_analysis(ARTICLE, assessments=[("unlikely", "unlikely", (0.2, 0.45, 0.3), "The institute",
                                                   "the depot will be taken this month")])
    store = open_store(db_url)
    writer = Writer(store)
    writer.save(article, raw=ARTICLE, source_name="a.txt")
    writer.save(article, raw=ARTICLE, source_name="b.txt", digest="b" * 64)
    with store.write() as conn:
        for statement in OLD_SQLITE if store.dialect == "sqlite" else OLD_POSTGRESQL:
            conn.exec_driver_sql(statement)
        conn.execute(schema.migrations.delete().where(schema.migrations.c.name == "0007_unbanded_assessments"))
    store.close()
    return article


def test_store_migration_0007_makes_the_probability_nullable_and_keeps_every_row(db_url, make_analysis):
    article = _old_store(db_url, make_analysis)
    store = open_store(db_url)  # opening applies 0007
    assert _nullable(store) == {"band": True, "low": True, "high": True, "median": True}
    s = schema.assessments
    with store.read() as conn:
        rows = conn.execute(select(s.c.id, s.c.origin_id, s.c.band, s.c.median, s.c.category).order_by(s.c.id)).all()
        names = conn.execute(select(schema.migrations.c.name)).scalars().all()
    assert [tuple(r) for r in rows] == [(1, None, "unlikely", 0.3, "wep"), (2, 1, "unlikely", 0.3, "wep")]
    assert "0007_unbanded_assessments" in names
    if store.dialect == "sqlite":  # the rebuilt table refers to itself, not to the dropped old one
        with store.read() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
            ddl = conn.execute(text("SELECT group_concat(sql, ' ') FROM sqlite_master WHERE tbl_name LIKE 'assess%'"))
            ddl = ddl.scalar_one()
        assert "assessments_before_0007" not in ddl and "REFERENCES assessments (id)" in ddl
        assert ddl.count("CREATE INDEX") == 2
    assert [r["id"] for r in query.search(store, "depot", carriers=True)] == [1]  # the index still finds id 1
    assert check(store) == []

    (wep,) = article.assessments
    modal = replace(wep, phrase=Span.of(ARTICLE, ARTICLE.index("may"), ARTICLE.index("may") + 3),
                    band=None, probability=None, category="modal")
    Writer(store).save(replace(article, assessments=(wep, modal)), raw=ARTICLE, source_name="c.txt",
                       digest="c" * 64)
    with store.read() as conn:
        stored = conn.execute(select(s.c.phrase, s.c.band, s.c.low).where(s.c.category == "modal")).all()
    assert [tuple(r) for r in stored] == [("may", None, None)]
    assert check(store) == []


def test_store_migration_0007_leaves_a_new_store_alone(db_url):
    store = open_store(db_url)
    assert _nullable(store) == {"band": True, "low": True, "high": True, "median": True}
    if store.dialect == "sqlite":
        with store.read() as conn:
            tables = conn.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'assessments%'")).scalars()
            assert sorted(tables) == ["assessments"]
