"""Seconds from a real SIGINT or SIGTERM to the exit of `sayso ingest`, per worker count.

Writes short articles, starts `python -m sayso ingest` in its own process group, sends the
signal once a few documents are stored (to the group, as a terminal's Ctrl-C does, or to the
parent only), and prints the exit code, the seconds to exit, the stderr line and any worker
left alive. The figures are in docs/hardening.md.

    python benchmarks/interrupt_timing.py            # the cases of docs/hardening.md
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from sayso.store.bench import stored_count, write_articles

CASES = [(1, "SIGINT", True), (1, "SIGTERM", False), (2, "SIGINT", True), (2, "SIGINT", False),
         (2, "SIGTERM", False), (3, "SIGTERM", True), (4, "SIGINT", False)]


def interrupt(folder: Path, db: str, workers: int, name: str, whole_group: bool) -> str:
    process = subprocess.Popen([sys.executable, "-m", "sayso", "ingest", str(folder), "--db", db, "--quiet",
                                "--workers", str(workers)], stderr=subprocess.PIPE, text=True, start_new_session=True)
    while process.poll() is None and stored_count(db) < 3:
        time.sleep(0.05)
    children = psutil.Process(process.pid).children(recursive=True)
    sent = time.monotonic()
    (os.killpg if whole_group else os.kill)(process.pid, getattr(signal, name))
    try:
        _, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        _, err = process.communicate()
        return f"hung: no exit within 20 s; stderr ends {err[-200:]!r}"
    seconds = time.monotonic() - sent
    psutil.wait_procs(children, timeout=1)
    alive = [c.pid for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    return f"{seconds:.2f} s, exit {process.returncode}, orphans {alive}, stderr {err.strip()!r}"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sayso-interrupt-") as tmp:
        folder = Path(tmp) / "in"
        write_articles(folder, 200)
        for i, (workers, name, whole_group) in enumerate(CASES):
            result = interrupt(folder, str(Path(tmp) / f"{i}.db"), workers, name, whole_group)
            print(f"{workers} worker(s), {name} to the {'group' if whole_group else 'parent'}: {result}", flush=True)


if __name__ == "__main__":
    main()
