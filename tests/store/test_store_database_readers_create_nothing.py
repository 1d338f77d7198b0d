"""A reader never creates a corpus: a missing or empty SQLite file is refused and left as it was;
ingest still creates one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.store.database import Store, open_store

READERS = [["search", "grain"], ["speakers"], ["timeline", "grain"], ["identity", "show"],
           ["export", "documents", "--out", "x.jsonl"], ["questions", "list"]]
ARTICLE = "Officials said the bridge was struck on Monday, according to the regional governor.\n"


def _sayso(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    return subprocess.run([sys.executable, "-m", "sayso", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def _empty_file(tmp_path: Path) -> tuple[Path, tuple[bytes, int]]:
    db = tmp_path / "empty.db"
    db.touch()
    os.utime(db, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return db, (db.read_bytes(), db.stat().st_mtime_ns)


@pytest.mark.parametrize("command", READERS)
def test_a_reader_refuses_an_empty_file_and_leaves_it_alone(run_sayso, tmp_path, command):
    db, before = _empty_file(tmp_path)
    code, out, err = run_sayso(*command, "--db", str(db))
    assert code == 2 and out == ""
    assert err == (f"sayso: error: database file {db} is empty: no corpus in it "
                   f"(create it with: sayso ingest FILES --db {db})\n")
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]  # no -wal, -shm or export file


def test_the_read_only_web_reader_refuses_an_empty_file(run_sayso, tmp_path):
    db, before = _empty_file(tmp_path)
    code, _, err = run_sayso("serve", "--db", str(db))
    assert code == 2 and "is empty: no corpus in it" in err
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before


def test_a_sqlite_url_to_a_missing_file_is_refused_too(tmp_path):
    missing = tmp_path / "nosuch.db"
    with pytest.raises(InputError, match="no such database: sqlite:///"):
        open_store(f"sqlite:///{missing}", create=False)
    assert not missing.exists()


def test_a_postgresql_url_is_left_to_the_connection():
    store = Store("postgresql://nobody@127.0.0.1:1/none")  # no server needed: the engine connects lazily
    store.require_corpus()  # not a file: nothing to refuse before connecting
    assert store.dialect == "postgresql"


def test_search_in_a_real_process_then_ingest_creates_the_corpus(tmp_path):
    db, before = _empty_file(tmp_path)
    searched = _sayso("search", "bridge", "--db", str(db), cwd=tmp_path)
    assert searched.returncode == 2 and searched.stdout == ""
    assert searched.stderr.strip().splitlines() == [
        f"sayso: error: database file {db} is empty: no corpus in it (create it with: sayso ingest FILES --db {db})"]
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before

    (tmp_path / "story.txt").write_text("Bridge struck\n" + ARTICLE, encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    for target in (db, fresh):  # ingest fills the empty file and creates the missing one
        stored = _sayso("ingest", "story.txt", "--db", str(target), "--quiet", cwd=tmp_path)
        assert stored.returncode == 0, stored.stderr
        assert target.stat().st_size > 0
    found = _sayso("search", "bridge", "--db", str(fresh), "--format", "json", cwd=tmp_path)
    assert found.returncode == 0 and '"bridge' in found.stdout.lower()
