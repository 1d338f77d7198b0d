"""A hand-built corpus of five assessments by two pundits on two questions, with known answers."""

from __future__ import annotations

import pytest

LIKELY = (0.55, 0.8, 0.75)  # (low, high, median) as the ICD 203 table gives them
UNLIKELY = (0.2, 0.45, 0.2)
VERY_LIKELY = (0.8, 0.95, 0.9)

ARTICLES = {
    # title: (published, text, phrase, band, probability, assessor, proposition)
    "a-jan": ("2016-01-10", "Pundit Avery says it is likely that Smith will win the nomination.", "likely", "likely",
              LIKELY, "Pundit Avery", "Smith will win the nomination"),
    "a-feb": ("2016-02-10", "Pundit Avery says Smith is unlikely to lose the nomination now.", "unlikely", "unlikely",
              UNLIKELY, "Pundit Avery", "to lose the nomination now"),
    "b-jan": ("2016-01-15", "Pundit Blake says it is unlikely that Smith will win the nomination.", "unlikely",
              "unlikely", UNLIKELY, "Pundit Blake", "Smith will win the nomination"),
    "b-mar": ("2016-03-01", "Pundit Blake says a Jones indictment is very likely before the summer.", "very likely",
              "very likely", VERY_LIKELY, "Pundit Blake", "a Jones indictment"),
    "undated": (None, "Pundit Avery says Smith is likely to win the nomination in the end.", "likely", "likely",
                LIKELY, "Pundit Avery", "Smith is likely to win the nomination in the end"),
}


@pytest.fixture(scope="session")
def store_pundits(make_analysis):
    """``store(db) -> (store, {title: assessment id})``: the five articles stored in ``db``."""
    from sqlalchemy import select

    from sayso.store import schema
    from sayso.store.database import open_store
    from sayso.store.writer import Writer

    def store(db):
        opened = open_store(db)
        writer = Writer(opened)
        for title, (published, text, phrase, band, probability, assessor, proposition) in ARTICLES.items():
            analysis = make_analysis(text, published=published, title=title,
                                     assessments=[(phrase, band, probability, assessor, proposition)])
            writer.save(analysis, raw=text, source_name=f"{title}.txt")
        s, d = schema.assessments, schema.documents
        with opened.read() as conn:
            return opened, dict(conn.execute(select(d.c.title, s.c.id).join(d, d.c.id == s.c.document_id)).all())

    return store


@pytest.fixture
def pundits(db_url, store_pundits):
    """(store, {title: assessment id}) with the five articles stored and two questions asked."""
    from sayso.store.questions import add_question

    store, ids = store_pundits(db_url)
    add_question(store, "Will Smith win the nomination?", opens="2016-01-01", closes="2016-07-01",
                 query="Smith nomination", by="tester")
    add_question(store, "Will Jones be indicted?", opens="2016-01-01", closes="2016-12-31", query="Jones indictment",
                 by="tester")
    return store, ids


@pytest.fixture
def save_unbanded_modal(make_analysis):
    """``save_unbanded_modal(store)`` stores Pundit Casey's "Smith may win the nomination" as a modal
    with no band (issue 17) and returns its assessment id."""
    from dataclasses import replace

    from sqlalchemy import select

    from sayso.store import schema
    from sayso.store.writer import Writer

    def save(store) -> int:
        text = "Pundit Casey says Smith may win the nomination."
        analysis = make_analysis(text, published="2016-01-20", title="c-jan", assessments=[
            ("may", "roughly even chance", (0.45, 0.55, 0.5), "Pundit Casey", "Smith may win the nomination")])
        modal = replace(analysis.assessments[0], band=None, probability=None, category="modal")
        Writer(store).save(replace(analysis, assessments=(modal,)), raw=text, source_name="c-jan.txt")
        with store.read() as conn:
            return conn.execute(select(schema.assessments.c.id).where(schema.assessments.c.phrase == "may")).scalar_one()

    return save
