"""Ctrl-C and SIGTERM sent to a real `sayso ingest`: a prompt exit, one line, no orphan, a sound store."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from sayso.cli.interrupt import Interrupted
from sayso.store.bench import stored_count, write_articles
from sayso.store.database import open_store
from sayso.store.writer import check

LINE = re.compile(r"sayso: interrupted after (\d+) of (\d+) documents; re-run to resume\n")


def interrupt_ingest(tmp_path: Path, signum: int, *args: str, whole_group: bool) -> None:
    """Start an ingest, signal it once a few documents are stored, and check how it ends."""
    write_articles(tmp_path / "in", 60)
    db = str(tmp_path / "s.db")
    process = subprocess.Popen(
        [sys.executable, "-m", "sayso", "ingest", str(tmp_path / "in"), "--db", db, "--quiet", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while process.poll() is None and stored_count(db) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, f"ingest ended before the signal: {process.communicate()}"
    children = psutil.Process(process.pid).children(recursive=True)
    sent = time.monotonic()
    if whole_group:  # what a terminal's Ctrl-C does: the parent and every worker get SIGINT
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    try:
        _, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    seconds = time.monotonic() - sent
    assert process.returncode == 128 + signum, err
    assert seconds < 2.0, f"took {seconds:.2f} s to exit"
    match = LINE.fullmatch(err)
    assert match, f"stderr was {err!r}"
    assert int(match[2]) == 60
    # a document committed just before the signal may not have been counted yet
    assert int(match[1]) <= stored_count(db) <= int(match[1]) + 1
    psutil.wait_procs(children, timeout=1)
    assert not [c.pid for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    assert check(open_store(db)) == []


@pytest.mark.issue(18)
@pytest.mark.slow
@pytest.mark.parametrize(("workers", "signum", "whole_group"), [
    (1, signal.SIGINT, True),
    (1, signal.SIGTERM, False),
    (2, signal.SIGINT, True),
    (2, signal.SIGINT, False),
    (3, signal.SIGTERM, False),
])
def test_signal_stops_local_ingest_cleanly(tmp_path, workers, signum, whole_group):
    interrupt_ingest(tmp_path, signum, "--workers", str(workers), whole_group=whole_group)


@pytest.mark.issue(18)
@pytest.mark.slow
def test_signal_stops_dask_ingest_cleanly(tmp_path):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster:
        interrupt_ingest(tmp_path, signal.SIGINT, "--scheduler", cluster.scheduler_address, whole_group=True)


@pytest.mark.issue(18)
def test_exit_code_follows_the_signal():
    assert Interrupted(signal.SIGINT).exit_code == 130
    assert Interrupted(signal.SIGTERM).exit_code == 143
    assert not isinstance(Interrupted(signal.SIGINT), Exception)  # no `except Exception` swallows it


def test_an_interruption_silences_library_logging(monkeypatch, caplog):
    """A signal that lands inside SQLAlchemy's pool logs "Exception during reset" with the
    Interrupted traceback; after the handler runs, nothing but sayso's one line may reach stderr."""
    import logging
    import warnings

    from sayso.cli import interrupt

    monkeypatch.setattr(interrupt.multiprocessing, "active_children", lambda: [])
    previous = {each: signal.getsignal(each) for each in interrupt.SIGNALS}
    try:
        with warnings.catch_warnings(), pytest.raises(Interrupted):
            interrupt._stop(signal.SIGINT, None)
        caplog.clear()
        logging.getLogger("sqlalchemy.pool").error("Exception during reset or similar", exc_info=True)
        assert caplog.records == []
    finally:
        logging.disable(logging.NOTSET)
        for each, handler in previous.items():
            signal.signal(each, handler)
