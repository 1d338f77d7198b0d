"""The corpus query commands: one library call each, table/json/csv output, clear errors."""

from __future__ import annotations

import csv
import io
import json

import pytest


@pytest.fixture
def db(small_corpus):
    return small_corpus.url.removeprefix("postgresql+psycopg://").join(["postgresql://", ""]) \
        if small_corpus.dialect == "postgresql" else small_corpus.url.removeprefix("sqlite:///")


def test_cli_search_json_and_csv(run_sayso, db):
    code, out, _ = run_sayso("search", "attack from the north", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [(r["published"], r["carriers"]) for r in rows] == [("2022-10-01", 2), ("2022-11-15", 1)]
    code, out, _ = run_sayso("search", "grain convoys", "--db", db, "--format", "csv", "--speaker", "Rivera")
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["speaker"] for r in table] == ["Colonel Rivera"] and table[0]["cue"] == "told"


def test_cli_speakers_timeline_export(run_sayso, db, tmp_path):
    code, out, _ = run_sayso("speakers", "--db", db, "--format", "json", "--org", "navy")
    assert code == 0 and [r["speaker"] for r in json.loads(out)] == ["Colonel Rivera"]
    plot = tmp_path / "t.png"
    code, out, err = run_sayso("timeline", "attack north", "--db", db, "--plot", str(plot))
    assert code == 0 and "change" in out and "first" in out and plot.exists() and "plotted 2" in err
    code, _, err = run_sayso("export", "speakers", "--db", db, "--format", "parquet", "--out", str(tmp_path / "s.pq"))
    assert code == 0 and "wrote 2 speakers rows" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "***"], "no words"),
        (["search", "grain", "--since", "yesterday"], "--since"),
        (["export", "secrets", "--out", "x.jsonl"], "unknown table 'secrets'"),
    ],
)
def test_cli_bad_input_is_one_clear_line(run_sayso, db, args, message):
    code, _, err = run_sayso(*args[:2], "--db", db, *args[2:])
    assert code == 2 and message in err and "Traceback" not in err
