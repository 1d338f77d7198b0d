"""The corpus query commands: one library call each, table/json/csv output, clear errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sayso.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_info:
        code = exit_info.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(small_corpus):
    return small_corpus.url.removeprefix("postgresql+psycopg://").join(["postgresql://", ""]) \
        if small_corpus.dialect == "postgresql" else small_corpus.url.removeprefix("sqlite:///")


def test_cli_search_json_and_csv(capsys, db):
    code, out, _ = run(capsys, "search", "attack from the north", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [(r["published"], r["carriers"]) for r in rows] == [("2022-10-01", 2), ("2022-11-15", 1)]
    code, out, _ = run(capsys, "search", "grain convoys", "--db", db, "--format", "csv", "--speaker", "Rivera")
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["speaker"] for r in table] == ["Colonel Rivera"] and table[0]["cue"] == "told"


def test_cli_speakers_timeline_export(capsys, db, tmp_path):
    code, out, _ = run(capsys, "speakers", "--db", db, "--format", "json", "--org", "navy")
    assert code == 0 and [r["speaker"] for r in json.loads(out)] == ["Colonel Rivera"]
    plot = tmp_path / "t.png"
    code, out, err = run(capsys, "timeline", "attack north", "--db", db, "--plot", str(plot))
    assert code == 0 and "change" in out and "first" in out and plot.exists() and "plotted 2" in err
    code, _, err = run(capsys, "export", "speakers", "--db", db, "--format", "parquet", "--out", str(tmp_path / "s.pq"))
    assert code == 0 and "wrote 2 speakers rows" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "***"], "no words"),
        (["search", "grain", "--since", "yesterday"], "--since"),
        (["export", "secrets", "--out", "x.jsonl"], "unknown table 'secrets'"),
    ],
)
def test_cli_bad_input_is_one_clear_line(capsys, db, args, message):
    code, _, err = run(capsys, *args[:2], "--db", db, *args[2:])
    assert code == 2 and message in err and "Traceback" not in err
