"""``sayso questions`` and ``sayso scorecard`` end to end on a SQLite file."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest


@pytest.fixture
def db(tmp_path, store_pundits):
    """The pundits corpus in a SQLite file (the CLI takes a path, not a store)."""
    store_pundits(tmp_path / "corpus.db")
    return str(tmp_path / "corpus.db")




QUESTIONS = [
    {"text": "Will Smith win the nomination?", "opens": "2016-01-01", "closes": "2016-07-01", "query": "Smith nomination",
     "resolution": {"outcome": "yes", "on": "2016-06-01", "note": "won", "source": "https://example.org/smith"}},
    {"text": "Will Jones be indicted?", "opens": "2016-01-01", "closes": "2016-12-31", "query": "Jones indictment",
     "resolution": {"outcome": "no", "on": "2016-07-05", "note": "not charged", "source": "https://example.org/jones"}},
]


def test_cli_questions_to_scorecard(run_sayso, db, tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS), encoding="utf-8")
    code, out, _ = run_sayso("questions", "import", str(path), "--db", db, "--by", "tester")
    assert code == 0 and out.strip() == "imported 2 questions (0 already stored); 4 links proposed"
    code, out, _ = run_sayso("questions", "links", "1", "--db", db, "--format", "json")
    proposed = json.loads(out)
    assert {(r["assessment_id"], r["polarity"]) for r in proposed} == {(1, "for"), (2, "against"), (3, "for")}
    assert run_sayso("questions", "accept", "1", "1", "2", "3", "--db", db)[1].strip() == "question 1: 3 links accepted"
    assert run_sayso("questions", "reject", "2", "4", "--db", db)[0] == 0
    code, out, _ = run_sayso("scorecard", "--db", db, "--format", "json", "--min-questions", "1")
    card = json.loads(out)
    assert card["resolved_questions"] == 1 and card["scored_assessments"] == 3
    avery = next(a for a in card["assessors"] if a["assessor"] == "Pundit Avery")
    assert avery["brier"] == pytest.approx(0.05125) and avery["rank"] == 1
    code, out, _ = run_sayso("scorecard", "--db", db, "--plot", str(tmp_path / "r.svg"),
                         "--export", str(tmp_path / "s.parquet"))
    assert code == 0 and "Pundit Avery" in out and "(n<5)" in out and "happened" in out
    assert (tmp_path / "r.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert pq.read_table(tmp_path / "s.parquet").num_rows == 3
    run_sayso("scorecard", "--db", db, "--export", str(tmp_path / "s.csv"))
    with (tmp_path / "s.csv").open(encoding="utf-8") as handle:
        assert {r["assessor"] for r in csv.DictReader(handle)} == {"Pundit Avery", "Pundit Blake"}


def test_cli_add_resolve_and_list(run_sayso, db):
    code, out, _ = run_sayso("questions", "add", "Will Smith win the nomination?", "--opens", "2016-01-01",
                       "--closes", "2016-07-01", "--query", "Smith nomination", "--db", db)
    assert code == 0 and out.startswith("question 1: 3 links proposed")
    assert run_sayso("questions", "resolve", "1", "yes", "--on", "2016-06-01", "--note", "won", "--db", db)[0] == 0
    code, out, _ = run_sayso("questions", "list", "--db", db, "--format", "csv")
    row = next(csv.DictReader(out.splitlines()))
    assert (row["proposed"], row["outcome"], row["resolved_on"]) == ("3", "yes", "2016-06-01")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["questions", "resolve", "7", "yes", "--on", "2016-06-01"], "sayso: error: no question with id 7"),
        (["questions", "accept", "7", "1"], "sayso: error: no question with id 7"),
        (["scorecard", "--plot", "out.gif"], "sayso: error: --plot out.gif: choose a .png or .svg file name"),
        (["scorecard", "--export", "out.xlsx"], "sayso: error: --export out.xlsx: name a .jsonl, .csv or .parquet"),
    ],
)
def test_cli_bad_input_is_one_line(run_sayso, db, argv, message):
    code, _, err = run_sayso(*argv, "--db", db)
    assert code == 2 and err.startswith(message) and err.count("\n") == 1


def test_cli_resolution_before_opening_changes_nothing(run_sayso, db):
    run_sayso("questions", "add", "Will Smith win the nomination?", "--opens", "2016-01-01", "--closes",
        "2016-07-01", "--query", "Smith nomination", "--db", db)
    code, _, err = run_sayso("questions", "resolve", "1", "no", "--on", "2015-06-01", "--db", db)
    assert code == 2 and err == "sayso: error: resolution date 2015-06-01 is before the question opened (2016-01-01)\n"
    _, out, _ = run_sayso("questions", "list", "--db", db, "--format", "json")
    assert json.loads(out)[0]["outcome"] is None
