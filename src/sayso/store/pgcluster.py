"""A throwaway PostgreSQL cluster on 127.0.0.1, for tests and benchmarks that need a real server.

Uses the distribution's ``initdb``/``pg_ctl`` (Debian: ``apt-get install postgresql``), a fresh
cluster in a temporary folder, trust authentication on loopback only, ``fsync=off``; stopped and
removed on exit. As root, the server runs as the ``postgres`` user (initdb refuses root).
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sayso.errors import ConfigError


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bindir() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl`` (the newest installed version)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [shutil.which("initdb")]
    if not found or not found[-1]:
        raise ConfigError("PostgreSQL binaries (initdb, pg_ctl) not installed: apt-get install -y postgresql")
    return Path(found[-1]).parent


@contextmanager
def temporary_cluster() -> Iterator[str]:
    """Start a fresh cluster; yields its admin URL ``postgresql://postgres@127.0.0.1:PORT``."""
    bindir = postgres_bindir()
    root = Path(tempfile.mkdtemp(prefix="sayso-pg-"))  # not under a 0700 folder: postgres must reach it
    data, port = root / "data", free_port()
    prefix: list[str] = []
    if os.geteuid() == 0:
        prefix = ["runuser", "-u", "postgres", "--"]
        os.chmod(root, 0o777)
    try:
        subprocess.run(
            [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"],
            check=True, capture_output=True,
        )
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"],
            check=True, capture_output=True,
        )
    except subprocess.CalledProcessError as error:
        shutil.rmtree(root, ignore_errors=True)
        raise ConfigError(f"cannot start a PostgreSQL cluster: {error.stderr.decode(errors='replace')[-300:]}") from None
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)


def create_database(admin_url: str, name: str) -> str:
    """Create database ``name`` (letters, digits, underscores) on the cluster; returns its URL."""
    import psycopg

    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise ConfigError(f"database name {name!r} must be lower-case letters, digits and underscores")
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # a checked identifier: CREATE DATABASE takes no parameters
    return f"{admin_url}/{name}"
