"""Questions, links and resolutions in the store: who/when kept, bad input changes nothing."""

from __future__ import annotations

import json
import re

import pyarrow.parquet as pq
import pytest
from sqlalchemy import delete, func, select

from sayso.errors import InputError
from sayso.store import schema
from sayso.store.export import export_table
from sayso.store.questions import (
    add_question,
    decide_links,
    import_questions,
    links,
    list_questions,
    question,
    resolve,
)
from sayso.store.schema import QUESTION_TABLES as TABLES


def _counts(store) -> dict[str, int]:
    with store.read() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES}


def test_questions_decisions_record_who_and_when(pundits):
    store, ids = pundits
    decide_links(store, 1, [ids["a-jan"]], "accepted", by="alice")
    decide_links(store, 1, [ids["b-jan"]], "rejected", by="bob", polarity="against")
    found = {row["assessment_id"]: row for row in links(store, 1)}
    assert found[ids["a-jan"]]["status"] == "accepted" and found[ids["a-jan"]]["decided_by"] == "alice"
    assert found[ids["b-jan"]]["polarity"] == "against" and found[ids["b-jan"]]["decided_at"]
    assert found[ids["a-jan"]]["sentence"].startswith("Pundit Avery says")
    listed = {q["id"]: q for q in list_questions(store)}
    assert (listed[1]["accepted"], listed[1]["rejected"], listed[2]["accepted"]) == (1, 1, 0)


def test_questions_a_new_resolution_supersedes_and_keeps_the_old(pundits):
    store, _ = pundits
    resolve(store, 1, "yes", on="2016-06-01", note="first", source="https://example.org/a", by="alice")
    resolve(store, 1, "no", on="2016-06-02", note="corrected", source=None, by="bob")
    current = question(store, 1)["resolution"]
    assert (current["outcome"], current["resolved_by"], current["note"]) == ("no", "bob", "corrected")
    assert _counts(store)["question_resolutions"] == 2


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda s, ids: resolve(s, 99, "yes", on="2016-06-01", note=None, source=None, by="x"), "no question with id 99"),
        (lambda s, ids: resolve(s, 1, "yes", on="2015-12-31", note=None, source=None, by="x"),
         "resolution date 2015-12-31 is before the question opened (2016-01-01)"),
        (lambda s, ids: resolve(s, 1, "maybe", on="2016-06-01", note=None, source=None, by="x"), "outcome 'maybe'"),
        (lambda s, ids: resolve(s, 1, "yes", on="June", note=None, source=None, by="x"), "not a date"),
        (lambda s, ids: decide_links(s, 99, [ids["a-jan"]], "accepted", by="x"), "no question with id 99"),
        (lambda s, ids: decide_links(s, 1, [ids["a-jan"], 9999], "accepted", by="x"), "no assessment with id 9999"),
        (lambda s, ids: add_question(s, "Will Smith win the nomination?", opens="2016-01-01", closes="2016-02-01",
                                     query="x", by="x"), "already exists"),
        (lambda s, ids: add_question(s, "Q?", opens="2016-03-01", closes="2016-02-01", query="x", by="x"),
         "closes 2016-02-01 before it opens"),
        (lambda s, ids: add_question(s, "  ", opens="2016-01-01", closes="2016-02-01", query="x", by="x"), "empty"),
        (lambda s, ids: links(s, 42), "no question with id 42"),
    ],
    ids=["resolve-unknown", "resolve-before-open", "bad-outcome", "bad-date", "link-unknown-question",
         "link-unknown-assessment", "duplicate-question", "closes-before-opens", "empty-text", "links-unknown"],
)
def test_questions_bad_input_is_one_line_and_changes_nothing(pundits, action, message):
    store, ids = pundits
    before = _counts(store)
    with pytest.raises(InputError, match=re.escape(message)) as error:
        action(store, ids)
    assert "\n" not in str(error.value)
    assert _counts(store) == before


def test_questions_link_to_a_deleted_document_changes_nothing(pundits):
    store, ids = pundits
    decide_links(store, 1, [ids["a-jan"]], "accepted", by="x")
    with store.write() as conn:
        conn.execute(delete(schema.documents).where(schema.documents.c.title == "b-jan"))
    before = _counts(store)
    with pytest.raises(InputError, match="its document was deleted"):
        decide_links(store, 1, [ids["a-feb"], ids["b-jan"]], "accepted", by="x")
    assert _counts(store) == before
    assert [row["assessment_id"] for row in links(store, 1)] == [ids["a-jan"]]


def test_questions_import_checks_every_line_first(pundits, tmp_path):
    store, _ = pundits
    good = {"text": "Will Lee debate?", "opens": "2016-01-01", "closes": "2016-09-26", "query": "Lee debate",
            "resolution": {"outcome": "yes", "on": "2016-09-26", "note": "debated", "source": "https://example.org"}}
    bad = {**good, "text": "Will Kim debate?", "resolution": {"outcome": "yes", "on": "2015-01-01"}}
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    before = _counts(store)
    with pytest.raises(InputError, match=r"q\.jsonl:2: resolution date 2015-01-01 is before"):
        import_questions(store, path, by="x")
    assert _counts(store) == before
    path.write_text(json.dumps(good) + "\n\n", encoding="utf-8")
    assert import_questions(store, path, by="x") == (1, 0)
    assert import_questions(store, path, by="x") == (0, 1)
    imported = question(store, 3)
    assert imported["resolution"]["source"] == "https://example.org" and imported["created_by"] == "x"


def test_questions_import_rejects_broken_json(pundits, tmp_path):
    store, _ = pundits
    path = tmp_path / "q.jsonl"
    path.write_text('{"text": "Will"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"q\.jsonl:1: not JSON"):
        import_questions(store, path, by="x")


@pytest.mark.parametrize("table", ["questions", "question_links", "question_resolutions"])
def test_questions_tables_export_like_the_others(pundits, tmp_path, table):
    store, ids = pundits
    decide_links(store, 1, [ids["a-jan"]], "accepted", by="x")
    resolve(store, 1, "yes", on="2016-06-01", note=None, source=None, by="x")
    assert export_table(store, table, "jsonl", tmp_path / "t.jsonl") >= 1
    first = json.loads((tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["id"] == 1
    export_table(store, table, "parquet", tmp_path / "t.parquet")
    assert pq.read_table(tmp_path / "t.parquet").num_rows >= 1
