"""Search shows speech by default: a stored belief ("analysts expect …"), evidence ("the poll
shows …") or perception ("divers saw …") is listed only with ``all_cues``, labelled by its ``cue_class``; rows stored before the
class was kept (null) count as speech, and 0008 adds the column to an older store."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from sqlalchemy import inspect

from sayso.store import query, schema
from sayso.store.database import open_store
from sayso.store.writer import Writer

TEXT = (
    "The mayor said the bridge would reopen in June. Analysts expect the bridge to reopen in July. "
    "A survey shows the bridge is used by most residents. Divers saw the bridge sway in the storm."
)


def _analysis(make_analysis):
    made = make_analysis(TEXT, quotes=[
        ("the bridge would reopen in June", "said", "The mayor", None),
        ("the bridge to reopen in July", "expect", "Analysts", None),
        ("the bridge is used by most residents", "shows", "A survey", None),
        ("the bridge sway in the storm", "saw", "Divers", None),
    ])
    classes = ("speech", "belief", "evidence", "perception")
    return replace(made, attributions=tuple(replace(a, cue_class=c) for a, c in zip(made.attributions, classes)))


def _store(db_url, make_analysis):
    store = open_store(db_url)
    Writer(store).save(_analysis(make_analysis), raw=TEXT, source_name="a.txt")
    return store


def test_search_lists_speech_only_by_default(db_url, make_analysis):
    rows = query.search(_store(db_url, make_analysis), "bridge")
    assert [(r["kind"], r["text"], r["cue_class"]) for r in rows] == [
        ("attribution", "the bridge would reopen in June", "speech")
    ]


def test_all_cues_lists_beliefs_evidence_and_perceptions_labelled(db_url, make_analysis):
    rows = query.search(_store(db_url, make_analysis), "bridge", all_cues=True)
    assert sorted((r["text"], r["cue_class"]) for r in rows) == [
        ("the bridge is used by most residents", "evidence"),
        ("the bridge sway in the storm", "perception"),
        ("the bridge to reopen in July", "belief"),
        ("the bridge would reopen in June", "speech"),
    ]


def test_a_row_stored_before_the_class_was_kept_counts_as_speech(db_url, make_analysis):
    store = _store(db_url, make_analysis)
    with store.write() as conn:
        conn.execute(schema.attributions.update().values(cue_class=None))
    assert len(query.search(store, "bridge")) == 4


def test_migration_0008_adds_the_column_to_an_older_store(tmp_path, make_analysis):
    path = tmp_path / "old.db"
    store = open_store(path)
    with store.write() as conn:
        conn.exec_driver_sql("ALTER TABLE attributions DROP COLUMN cue_class")
        conn.execute(schema.migrations.delete().where(schema.migrations.c.name == "0008_attribution_cue_class"))
    store.close()
    store = open_store(path)  # opening applies 0008
    with store.read() as conn:
        assert "cue_class" in {c["name"] for c in inspect(conn).get_columns("attributions")}
    Writer(store).save(_analysis(make_analysis), raw=TEXT, source_name="a.txt")
    assert [r["cue_class"] for r in query.search(store, "bridge")] == ["speech"]


def test_cli_search_labels_the_rest_with_all_cues(run_sayso, tmp_path, make_analysis):
    path = tmp_path / "corpus.db"
    Writer(open_store(path)).save(_analysis(make_analysis), raw=TEXT, source_name="a.txt")
    code, out, _ = run_sayso("search", "bridge", "--db", str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["speaker"] for r in rows] == ["The mayor"] and "cue_class" not in rows[0]
    code, out, _ = run_sayso("search", "bridge", "--db", str(path), "--format", "csv", "--all-cues")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and sorted((r["speaker"], r["cue_class"]) for r in rows) == [
        ("A survey", "evidence"), ("Analysts", "belief"), ("Divers", "perception"), ("The mayor", "speech"),
    ]
