"""Real processes against one store: kill -9 mid-ingest, several ingests at once, a Dask cluster."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from sayso.store import schema
from sayso.store.bench import write_articles
from sayso.store.database import open_store
from sayso.store.ingest import ingest
from sayso.store.writer import check


def stored_hashes(db: str) -> list[str]:
    with open_store(db).read() as conn:
        return list(conn.execute(select(schema.documents.c.content_hash)).scalars())


def sayso(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "sayso", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


@pytest.mark.slow
def test_ingest_survives_kill_9_and_resumes(tmp_path):
    hashes = write_articles(tmp_path / "in", 80)
    db = str(tmp_path / "crash.db")
    open_store(db).close()
    process = sayso("ingest", str(tmp_path / "in"), "--db", db, "--quiet")
    target = random.Random(os.getpid()).randint(3, 40)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None and len(stored_hashes(db)) < target:
        time.sleep(0.05)
    assert process.poll() is None, f"ingest ended before the kill: {process.communicate()}"
    process.send_signal(signal.SIGKILL)
    process.wait()
    survived = stored_hashes(db)
    assert 0 < len(survived) < len(hashes)
    assert set(survived) <= set(hashes.values()) and len(set(survived)) == len(survived)
    assert check(open_store(db)) == []  # every stored document whole; the FTS index agrees
    rerun = sayso("ingest", str(tmp_path / "in"), "--db", db, "--quiet")
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"stored {len(hashes) - len(survived)}, skipped {len(survived)}, failed 0" in err
    assert sorted(stored_hashes(db)) == sorted(hashes.values())
    assert check(open_store(db)) == []


@pytest.mark.slow
def test_concurrent_ingests_store_each_document_once(tmp_path, db_url):
    hashes = write_articles(tmp_path / "one", 20) | write_articles(tmp_path / "two", 20, start=10)  # 10 shared
    open_store(db_url).close()
    processes = [
        sayso("ingest", str(tmp_path / "one"), "--db", db_url, "--quiet"),
        sayso("ingest", str(tmp_path / "two"), "--db", db_url, "--quiet"),
        sayso("ingest", str(tmp_path / "two"), "--db", db_url, "--quiet"),
    ]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    stored = stored_hashes(db_url)
    assert sorted(stored) == sorted(set(hashes.values())) and len(stored) == 30
    store = open_store(db_url)
    assert check(store) == []
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(schema.attributions)).scalar_one() >= 30


@pytest.mark.slow
@pytest.mark.parametrize("processes", [False, True])
def test_ingest_on_a_dask_local_cluster(tmp_path, processes):
    from dask.distributed import LocalCluster

    hashes = write_articles(tmp_path / "in", 12)
    (tmp_path / "in" / "broken.txt").write_text("", encoding="utf-8")
    with LocalCluster(n_workers=1 if not processes else 2, threads_per_worker=1, processes=processes, protocol="tcp",
                      host="127.0.0.1", dashboard_address=None) as cluster:
        report = ingest([tmp_path / "in"], db=tmp_path / "dask.db", scheduler=cluster.scheduler_address, batch_size=4)
    assert report.stored == len(hashes) and report.failed == 1
    assert [p.name.endswith("broken.txt") for p in report.problems] == [True]
    assert sorted(stored_hashes(str(tmp_path / "dask.db"))) == sorted(hashes.values())
    assert check(open_store(tmp_path / "dask.db")) == []


def test_unreachable_scheduler_is_a_config_error(tmp_path):
    from sayso.errors import ConfigError

    write_articles(tmp_path / "in", 1)
    with pytest.raises(ConfigError, match="tcp://127.0.0.1:1"):
        ingest([tmp_path / "in"], db=tmp_path / "s.db", scheduler="tcp://127.0.0.1:1")
