"""What a new user hits on the command line (issue 18): missing stores, URLs, limits, quiet re-runs."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

pytestmark = pytest.mark.issue(18)




@pytest.mark.parametrize("command", [["search", "grain"], ["speakers"], ["timeline", "grain"],
                                     ["export", "documents", "--out", "x.jsonl"]])
def test_read_command_on_a_missing_database_says_so(run_sayso, tmp_path, command):
    missing = tmp_path / "nosuch.db"
    code, out, err = run_sayso(*command, "--db", str(missing))
    assert code == 2 and out == ""
    assert err == f"sayso: error: no such database: {missing} (create it with: sayso ingest FILES --db {missing})\n"
    assert not missing.exists()


def test_serve_on_a_missing_database_says_so(run_sayso, tmp_path):
    code, _, err = run_sayso("serve", "--db", str(tmp_path / "nosuch.db"))
    assert code == 2 and "no such database" in err
    assert not (tmp_path / "nosuch.db").exists()


def test_a_database_url_is_not_taken_for_a_missing_file(run_sayso):
    code, _, err = run_sayso("speakers", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 3 and "no such database" not in err  # a store error from connecting, not a path check


def test_export_csv(run_sayso, small_corpus, tmp_path):
    db = small_corpus.url.removeprefix("sqlite:///") if small_corpus.dialect == "sqlite" else \
        small_corpus.url.replace("postgresql+psycopg://", "postgresql://")
    out = tmp_path / "speakers.csv"
    code, _, err = run_sayso("export", "speakers", "--db", db, "--format", "csv", "--out", str(out))
    assert code == 0 and "wrote 2 speakers rows" in err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted(r["canonical"] for r in rows) == ["Colonel Rivera", "Dmytro Kuleba"] or len(rows) == 2
    assert "minhash" not in rows[0]


def test_ingest_a_url_says_what_it_takes(run_sayso, tmp_path):
    code, _, err = run_sayso("ingest", "http://127.0.0.1:8000/story", "--db", str(tmp_path / "x.db"))
    assert code == 2
    assert err.startswith("sayso: error: ingest takes files, folders, JSON Lines and WARC archives, not URLs "
                          "(http://127.0.0.1:8000/story); analyse a page with: sayso analyze URL")


def test_errors_name_the_command_line_options(run_sayso, tmp_path):
    page = tmp_path / "big.txt"
    page.write_text("Officials said the bridge was struck. " * 100, encoding="utf-8")
    code, _, err = run_sayso("analyze", str(page), "--max-bytes", "1000")
    assert code == 2 and "--max-bytes" in err and "max_bytes" not in err
    code, _, err = run_sayso("analyze", "http://127.0.0.1:9/story")
    assert code == 2 and "pass --allow-private" in err and "allow_private" not in err


def test_ingest_takes_max_bytes(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text("Officials said the bridge was struck. " * 100, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sayso", "ingest", str(tmp_path / "in"), "--db",
                             str(tmp_path / "x.db"), "--max-bytes", "1000"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "the limit is 1,000 bytes (pass a larger --max-bytes to raise it)" in result.stderr


def test_reingest_prints_one_summary_line_and_no_wrapping(tmp_path):
    """A re-run says what it skipped in its summary; per-document lines only with --verbose. On a
    file, stderr lines are never cut at 80 columns."""
    folder = tmp_path / "a-folder-with-a-rather-long-name-so-that-messages-pass-eighty-columns"
    folder.mkdir()
    for i in range(3):
        (folder / f"story-{i}.txt").write_text(f"Officials in town {i} said the bridge was struck.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "x.db")

    def ingest(*extra: str, code: int = 0) -> list[str]:
        result = subprocess.run([sys.executable, "-m", "sayso", "ingest", str(folder), "--db", db, *extra],
                                capture_output=True, text=True)
        assert result.returncode == code, result.stderr
        return result.stderr.splitlines()

    first = ingest(code=1)
    failed = [line for line in first if line.startswith("failed")]
    assert len(failed) == 1 and failed[0].startswith(f"failed  {folder / 'empty.txt'}: ")  # one unbroken line
    (folder / "empty.txt").unlink()
    again = ingest()
    assert len(again) == 1 and again[0].startswith("stored 0, skipped 3, failed 0 in ")
    verbose = ingest("--verbose")
    assert sum(line.startswith("skipped") for line in verbose) == 3
