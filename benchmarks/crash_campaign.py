"""Crash safety campaign: SIGKILL ``python -m sayso ingest`` at random points, then check the store.

A benchmark, not a test (tests/store and tests/limits run a few runs of it). For each backend
(SQLite file, PostgreSQL database on a throwaway local cluster) and each run, a fresh store gets
one to ``--kills`` ingest processes killed with SIGKILL (half at a random time after start, half
just after the store reaches a random document count), then a final run that must finish. After
every kill and after the final run the store is checked against a reference ingest of the same
articles:

- every stored document is whole: its passages, attributions, assessments, entities, mentions
  and dates count exactly what the reference stored for the same content hash;
- no document is stored twice or is unknown;
- the full-text index agrees with the tables (SQLite: the FTS5 rows are exactly the attribution
  contents and assessment sentences; PostgreSQL: every tsvector equals its text's) and
  ``sayso.store.writer.check`` finds nothing;
- after the final run: exactly the reference documents, and the same totals (speakers and
  reprint links included); the final process exits 0.

Every ingest runs a frozen copy of the ``sayso`` package taken at the start (through
``PYTHONPATH``), so edits to the working tree during a long campaign cannot make the reference
and the runs analyse differently.

    .venv/bin/python benchmarks/crash_campaign.py --runs 30 --backend sqlite --backend postgres
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, inspect, select, text

from sayso.store import schema
from sayso.store.bench import stored_count
from sayso.store.database import Store
from sayso.store.writer import check, content_hash

COUNTED = ("passages", "attributions", "assessments", "entities", "mentions", "dates")
TOWNS = ("Kherson", "Mykolaiv", "Sumy", "Poltava", "Izium", "Lyman", "Tokmak", "Vuhledar", "Bakhmut", "Orikhiv")
OFFICIALS = ("the regional governor", "a defence ministry spokesman", "Colonel Maria Ostrovska",
             "the mayor, Petro Hlib,", "an aid agency coordinator")
ESTIMATES = ("likely", "unlikely", "almost certain", "a roughly even chance", "highly unlikely")


def write_articles(folder: Path, count: int, seed: int = 1) -> dict[str, str]:
    """``count`` varied news items (quotes, assessments, dates, reprints); content hashes by file name."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    hashes: dict[str, str] = {}
    originals: list[str] = []
    for i in range(count):
        if originals and i % 7 == 6:  # a reprint of an earlier item under a new lead line
            body = f"Wire copy, day {i}.\n\n" + rng.choice(originals)
        else:
            town, official = TOWNS[i % len(TOWNS)], rng.choice(OFFICIALS)
            paragraphs = [
                (f"{town}, {rng.randint(1, 28)} October 2022. Officials in {town} said the supply road was shelled "
                 f"{rng.randint(2, 9)} times overnight and that convoy {i} was turned back."),
                (f"\u201cWe will reopen the crossing within {rng.randint(2, 12)} days,\u201d {official} told reporters "
                 f"on Tuesday, adding that engineers had arrived from {rng.choice(TOWNS)}."),
                (f"The institute assesses it is {rng.choice(ESTIMATES)} that forces will try to retake {town} before "
                 f"the winter, and {rng.choice(ESTIMATES)} that the bridge will be repaired this month."),
            ]
            paragraphs += [
                f"Volunteers unloaded {rng.randint(10, 400)} tonnes of flour at the station, and residents said "
                f"\u201cthe queues are shorter than last week\u201d as shops reopened on street {j}."
                for j in range(rng.randint(0, 4))
            ]
            body = "\n\n".join(paragraphs) + "\n"
            originals.append(body)
        name = f"item-{i:04d}.txt"
        (folder / name).write_text(body, encoding="utf-8")
        hashes[name] = content_hash(body)
    return hashes


@dataclass(slots=True)
class Snapshot:
    """What a store holds: per-document row counts by content hash, and table totals."""

    documents: dict[str, tuple[int, ...]] = field(default_factory=dict)
    duplicates: int = 0
    totals: dict[str, int] = field(default_factory=dict)
    speakers: set[tuple[str, str]] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def snapshot(db: str) -> Snapshot:
    """Read the store at ``db`` without migrating it (a store killed before its schema is empty)."""
    store = Store(db)
    try:
        with store.read() as conn:
            if not inspect(conn).has_table("migrations"):
                return Snapshot()
            done = set(conn.execute(select(schema.migrations.c.name)).scalars())
            if "0002_full_text" not in done:
                return Snapshot(problems=[f"schema half-migrated: {sorted(done)}"] if done else [])
            d = schema.documents
            ids = dict(conn.execute(select(d.c.id, d.c.content_hash)).all())
            per_table = {
                name: dict(conn.execute(select(t.c.document_id, func.count()).group_by(t.c.document_id)).all())
                for name in COUNTED
                for t in [schema.metadata.tables[name]]
            }
            found = Snapshot()
            found.duplicates = len(ids) - len(set(ids.values()))
            for doc_id, digest in ids.items():
                found.documents[digest] = tuple(per_table[name].get(doc_id, 0) for name in COUNTED)
            found.totals = {
                name: conn.execute(select(func.count()).select_from(schema.metadata.tables[name])).scalar_one()
                for name in ("documents", "speakers", *COUNTED)
            }
            found.totals["reprints"] = conn.execute(
                select(func.count()).select_from(d).where(d.c.origin_id.is_not(None))
            ).scalar_one()
            sp, a = schema.speakers, schema.attributions
            found.speakers = set(map(tuple, conn.execute(
                select(sp.c.key, d.c.content_hash).join(a, a.c.speaker_id == sp.c.id).join(d, d.c.id == a.c.document_id)
            )))
            found.problems = full_text_problems(conn)
        found.problems += check(store)
        return found
    finally:
        store.close()


def full_text_problems(conn) -> list[str]:
    """Where the full-text index and the rows it indexes disagree."""
    a, s = schema.attributions, schema.assessments
    if conn.dialect.name == "sqlite":
        indexed = set(map(tuple, conn.execute(text("SELECT kind, ref_id, body FROM search_index"))))
        rows = {("attribution", i, body) for i, body in conn.execute(select(a.c.id, a.c.content))}
        rows |= {("assessment", i, body) for i, body in conn.execute(select(s.c.id, s.c.sentence))}
        problems = [f"index row without its table row: {kind} {ref}" for kind, ref, _ in sorted(indexed - rows)[:5]]
        return problems + [f"table row missing from the index: {kind} {ref}" for kind, ref, _ in sorted(rows - indexed)[:5]]
    problems = []
    for table, column in (("attributions", "content"), ("assessments", "sentence")):
        stale = conn.execute(
            text(f"SELECT count(*) FROM {table} WHERE tsv IS NULL OR tsv <> to_tsvector('english', {column})")
        ).scalar_one()  # fixed identifiers from the tuple above
        if stale:
            problems.append(f"{stale} {table} rows whose tsvector disagrees with their text")
    return problems


def violations(found: Snapshot, reference: Snapshot, final: bool) -> list[str]:
    """Every way ``found`` breaks the all-or-nothing promise (and, when ``final``, completeness)."""
    out = list(found.problems)
    if found.duplicates:
        out.append(f"{found.duplicates} documents stored twice")
    for digest, counts in found.documents.items():
        expected = reference.documents.get(digest)
        if expected is None:
            out.append(f"unknown document {digest[:12]}")
        elif counts != expected:
            out.append(f"partial document {digest[:12]}: {dict(zip(COUNTED, counts))} vs {dict(zip(COUNTED, expected))}")
    if final:
        missing = set(reference.documents) - set(found.documents)
        if missing:
            out.append(f"{len(missing)} documents missing after the final run")
        if found.totals != reference.totals:
            out.append(f"totals {found.totals} differ from the reference {reference.totals}")
        if found.speakers != reference.speakers:
            extra = sorted((key, digest[:12]) for key, digest in found.speakers - reference.speakers)
            lacking = sorted((key, digest[:12]) for key, digest in reference.speakers - found.speakers)
            out.append(f"speakers by document differ: extra {extra[:5]}, missing {lacking[:5]}")
    return out


def ingest_command(folder: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "sayso", "ingest", str(folder), "--db", db, "--quiet"]


def frozen_code(tmp: Path) -> dict[str, str]:
    """A copy of the sayso package as it is now; the environment that makes children import it."""
    import sayso

    shutil.copytree(Path(sayso.__file__).parent, tmp / "code" / "sayso",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return {**os.environ, "PYTHONPATH": str(tmp / "code")}


def kill_once(
    folder: Path, db: str, rng: random.Random, window: float, by_count: bool, total: int, env: dict[str, str]
) -> dict:
    """Start an ingest and SIGKILL it: after a random time, or once the store reaches a random count."""
    process = subprocess.Popen(ingest_command(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=env)
    before = stored_count(db)
    started = time.monotonic()
    if by_count:
        target = rng.randint(before + 1, total) if before < total else total
        while process.poll() is None and stored_count(db) < target and time.monotonic() - started < 300:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.05))  # land anywhere in the next document's write
    else:
        deadline = started + rng.uniform(0, window)
        while process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
    finished = process.poll() is not None
    if not finished:
        process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()
    return {"killed": not finished, "after_s": round(time.monotonic() - started, 2), "stored_before": before,
            "stored_after": stored_count(db)}


@contextmanager
def backend_urls(backend: str, tmp: Path, postgres: str | None) -> Iterator[Callable[[str], str]]:
    """A function giving a fresh, empty store URL per run for ``backend`` (PostgreSQL: on the
    cluster at admin URL ``postgres``, or on a throwaway one)."""
    from sayso.store.pgcluster import create_database, temporary_cluster

    if backend == "sqlite":
        yield lambda name: str(tmp / f"{name}.db")
        return
    with temporary_cluster() if postgres is None else nullcontext(postgres) as admin:
        yield lambda name: create_database(admin, f"{name}_{random.getrandbits(32)}")


def campaign(
    backends: list[str], runs: int, docs: int, kills: int, seed: int, log=print, postgres: str | None = None
) -> dict:
    """Run the campaign; returns the figures (runs, kills, violations) per backend."""
    rng = random.Random(seed)
    results: dict = {"docs": docs, "runs_per_backend": runs, "seed": seed, "backends": {}}
    with tempfile.TemporaryDirectory(prefix="sayso-crash-") as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "articles"
        write_articles(folder, docs, seed)
        env = frozen_code(tmp)
        reference_db = str(tmp / "reference.db")
        began = time.monotonic()
        done = subprocess.run(ingest_command(folder, reference_db), capture_output=True, text=True, check=False, env=env)
        window = time.monotonic() - began
        if done.returncode != 0:
            raise SystemExit(f"reference ingest failed ({done.returncode}): {done.stderr[-500:]}")
        reference = snapshot(reference_db)
        if reference.problems or len(reference.documents) != docs:
            raise SystemExit(f"reference store is not sound: {reference.problems or len(reference.documents)}")
        log(f"reference: {docs} documents in {window:.1f} s, totals {reference.totals}")
        for backend in backends:
            figures = {"runs": 0, "kills": 0, "kills_mid_write": 0, "finished_before_kill": 0, "violations": [],
                       "seconds": 0.0}
            started = time.monotonic()
            with backend_urls(backend, tmp, postgres) as new_store:
                for run in range(runs):
                    db = new_store(f"crash_{backend}_{run}")
                    for k in range(rng.randint(1, kills)):
                        kill = kill_once(folder, db, rng, window, by_count=(run + k) % 2 == 1, total=docs,
                                         env=env)
                        figures["kills"] += kill["killed"]
                        figures["finished_before_kill"] += not kill["killed"]
                        figures["kills_mid_write"] += kill["killed"] and kill["stored_after"] > kill["stored_before"]
                        for problem in violations(snapshot(db), reference, final=False):
                            figures["violations"].append(f"run {run} kill {k} ({kill}): {problem}")
                            log(figures["violations"][-1])
                    final = subprocess.run(ingest_command(folder, db), capture_output=True, text=True, check=False, env=env)
                    if final.returncode != 0:
                        figures["violations"].append(f"run {run}: final ingest exited {final.returncode}: "
                                                     f"{final.stderr.strip().splitlines()[-1:]}")
                        log(figures["violations"][-1])
                    for problem in violations(snapshot(db), reference, final=True):
                        figures["violations"].append(f"run {run} final: {problem}")
                        log(figures["violations"][-1])
                    figures["runs"] += 1
                    log(f"{backend} run {run + 1}/{runs}: kills {figures['kills']}, "
                        f"violations {len(figures['violations'])}")
            figures["seconds"] = round(time.monotonic() - started, 1)
            results["backends"][backend] = figures
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="runs per backend")
    parser.add_argument("--docs", type=int, default=40, help="articles per run")
    parser.add_argument("--kills", type=int, default=3, help="at most this many kills per run before the final run")
    parser.add_argument("--backend", action="append", choices=["sqlite", "postgres"],
                        help="repeat for both (default: sqlite and postgres)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    results = campaign(args.backend or ["sqlite", "postgres"], args.runs, args.docs, args.kills, args.seed,
                       log=lambda line: print(line, file=sys.stderr))
    print(json.dumps(results, indent=2))
    if any(figures["violations"] for figures in results["backends"].values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
