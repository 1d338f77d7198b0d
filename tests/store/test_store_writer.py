"""One document, one transaction: every row or none; the same text twice is stored once."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from sayso.model import Span, from_dict
from sayso.store import schema
from sayso.store.database import open_store
from sayso.store.migrations import MIGRATIONS, migrate
from sayso.store.writer import Writer, content_hash

ARTICLE = (
    "Border guards said \"two columns of armour crossed the river before dawn and headed towards the depot\" "
    "on Tuesday. The institute assesses it is unlikely that the depot will be taken this month."
)


def counts(store) -> dict[str, int]:
    with store.read() as conn:
        found = {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in schema.metadata.tables.items()
            if name != "migrations"
        }
        if store.dialect == "sqlite":
            found["search_index"] = conn.execute(text("SELECT count(*) FROM search_index")).scalar_one()
    return found


def build_article(make_analysis):
    return make_analysis(
        ARTICLE,
        quotes=[("two columns of armour crossed the river before dawn and headed towards the depot",
                 "said", "Border guards", None)],
        assessments=[("unlikely", "unlikely", (0.2, 0.45, 0.3), "The institute", "the depot will be taken this month")],
        published="2023-03-07",
        title="Armour crosses river",
    )


def test_store_migrations_are_recorded_once(db_url):
    store = open_store(db_url)
    assert migrate(store) == []
    with store.read() as conn:
        names = conn.execute(select(schema.migrations.c.name)).scalars().all()
    assert sorted(names) == [name for name, _ in MIGRATIONS]


def test_store_saves_every_row_and_the_json(db_url, make_analysis):
    article = build_article(make_analysis)
    store = open_store(db_url)
    document_id = Writer(store).save(article, raw=ARTICLE, source_name="a.txt")
    assert document_id is not None
    found = counts(store)
    assert found["documents"] == 1 and found["attributions"] == 1 and found["assessments"] == 1
    assert found["passages"] == 1 and found["speakers"] == 1 and found["entities"] == 1 and found["mentions"] == 1
    if store.dialect == "sqlite":
        assert found["search_index"] == 2
    with store.read() as conn:
        row = conn.execute(select(schema.documents).where(schema.documents.c.id == document_id)).one()
        a = conn.execute(select(schema.attributions)).one()
        s = conn.execute(select(schema.assessments)).one()
    assert row.content_hash == content_hash(ARTICLE)
    assert from_dict(__import__("json").loads(row.analysis)) == article
    assert row.text[a.content_start : a.content_end] == a.content
    assert row.text[a.cue_start : a.cue_end] == a.cue == "said"
    assert row.text[s.phrase_start : s.phrase_end] == s.phrase == "unlikely"
    assert row.text[s.sentence_start : s.sentence_end] == s.sentence
    assert (s.low, s.median, s.high) == (0.2, 0.3, 0.45)
    assert s.topic == "the depot will be taken this month" and s.voice == "author"


def test_store_same_text_twice_is_stored_once(db_url, make_analysis):
    article = build_article(make_analysis)
    store = open_store(db_url)
    writer = Writer(store)
    assert writer.save(article, raw=ARTICLE, source_name="a.txt") is not None
    before = counts(store)
    assert Writer(store).save(article, raw="<p>" + ARTICLE, source_name="copy.html") is None
    assert counts(store) == before


def test_store_failure_mid_document_leaves_nothing(db_url, make_analysis, monkeypatch):
    article = build_article(make_analysis)
    store = open_store(db_url)
    before = counts(store)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(Writer, "_insert_entities", explode)  # after document, quotes and assessments
    with pytest.raises(RuntimeError):
        Writer(store).save(article, raw=ARTICLE, source_name="a.txt")
    assert counts(store) == before
    monkeypatch.undo()
    assert Writer(store).save(article, raw=ARTICLE, source_name="a.txt") is not None
    assert counts(store)["documents"] == 1


def test_store_keeps_every_assessment_with_its_category_and_no_invented_number(db_url, make_analysis):
    from dataclasses import replace

    from sayso.store.writer import check

    article = build_article(make_analysis)
    (wep,) = article.assessments
    judgement = replace(wep, phrase=Span.of(ARTICLE, ARTICLE.index("assesses"), ARTICLE.index("assesses") + 8),
                        band=None, probability=None, category="assess-verb")
    article = replace(article, assessments=(judgement, wep))
    store = open_store(db_url)
    Writer(store).save(article, raw=ARTICLE, source_name="a.txt")
    s = schema.assessments
    with store.read() as conn:
        rows = conn.execute(select(s.c.seq, s.c.phrase, s.c.category, s.c.band, s.c.low, s.c.median, s.c.high)
                            .order_by(s.c.seq)).all()
    assert [tuple(r) for r in rows] == [
        (0, "assesses", "assess-verb", None, None, None, None),  # listed, never given a number
        (1, "unlikely", "wep", "unlikely", 0.2, 0.3, 0.45),
    ]
    assert check(store) == []


def test_store_reprints_of_unbanded_assessments_agree_on_what_they_are(db_url, make_analysis):
    """Without a band, the category must agree: a reprinted "may" is a reprint, a "likely" in the
    same sentence is not, and neither is a "we judge"."""
    from dataclasses import replace

    from sayso.store.dedup import fingerprint

    article = build_article(make_analysis)
    (wep,) = article.assessments
    store = open_store(db_url)
    writer = Writer(store)
    writer.save(replace(article, assessments=(replace(wep, band=None, probability=None, category="modal"),)),
                raw=ARTICLE, source_name="a.txt")
    signature = fingerprint(wep.sentence.text, writer.settings.passage)
    with store.read() as conn:
        stored = conn.execute(select(schema.assessments.c.id)).scalar_one()
        assert writer.assessments.origin_of(conn, signature, "modal") == stored
        assert writer.assessments.origin_of(conn, signature, "assess-verb") is None
        assert writer.assessments.origin_of(conn, signature, "unlikely") is None
