"""Ingest: read inputs, skip what is stored, analyse (locally or on Dask), store one by one.

Locally, one ``nlp.pipe(n_process=workers)`` pass runs over the whole input; on a Dask cluster
each task imports sayso and analyses one batch. Only this process writes, one transaction per
document, so a kill at any point leaves every document fully stored or absent, and the next run
skips the stored hashes and resumes. When a pass or batch fails, its documents are re-analysed
one at a time, so a bad article costs only itself.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import select

from sayso.errors import ConfigError, StoreError
from sayso.model import Analysis
from sayso.reading import MAX_INPUT_BYTES, Document
from sayso.store import schema
from sayso.store.database import Store, StoreUnavailable, open_store
from sayso.store.sources import Item, Origin, Problem, estimate_total, expand, iter_items
from sayso.store.writer import Writer

log = logging.getLogger(__name__)

NEARLY_ALL = 0.9  # share of failed documents above which a run counts as failed outright

Status = Literal["stored", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input, reported to the progress callback as it happens."""

    name: str
    status: Status
    words: int = 0
    message: str = ""
    document_id: int | None = None


@dataclass(slots=True)
class IngestReport:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    read_seconds: float = 0.0
    analysis_seconds: float = 0.0
    store_seconds: float = 0.0
    problems: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "stored":
            self.stored += 1
            self.words += outcome.words
        elif outcome.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
        if outcome.status != "stored":
            self.problems.append(outcome)

    @property
    def exit_code(self) -> int:
        """0 when nothing failed, 2 when (nearly) every attempted document failed, else 1."""
        attempted = self.stored + self.failed
        if self.failed == 0:
            return 0
        return 2 if self.failed >= NEARLY_ALL * attempted else 1


def analyze_batch(documents: list[Document], scale: str = "icd203") -> list[Analysis | str]:
    """The Dask task: one batch's analyses in input order, an error message for a document that
    cannot be analysed (it imports the pipeline where it runs)."""
    from sayso.pipeline import analyze_documents

    results: list[Analysis | str] = []
    try:
        for document, analysis in zip(documents, analyze_documents(documents, scale=scale)):
            if analysis.text != document.text:
                break
            results.append(analysis)
    except Exception as error:  # noqa: BLE001 - the rest are analysed one at a time below
        log.info("batch analysis failed (%s: %s); analysing its documents one at a time", type(error).__name__, error)
    return results + [_analyse_alone(document, scale) for document in documents[len(results):]]


def _analyse_alone(document: Document, scale: str) -> Analysis | str:
    from sayso.pipeline import analyze_document

    try:
        return analyze_document(document, scale=scale)
    except Exception as error:  # noqa: BLE001 - one document's failure is its own
        return f"analysis failed: {type(error).__name__}: {error}"


def _batches(items: Iterable[Item | Problem], size: int) -> Iterator[list[Item | Problem]]:
    batch: list[Item | Problem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Run:
    """One ingest run's state: the writer, hashes seen, the report and the progress callback."""

    def __init__(self, store: Store, on_outcome: Callable[[Outcome], None] | None) -> None:
        self.store = store
        self.writer = Writer(store)
        self.seen: set[str] = set()
        self.report = IngestReport()
        self.on_outcome = on_outcome

    def emit(self, outcome: Outcome) -> None:
        self.report.add(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def fresh(self, batch: list[Item | Problem]) -> list[Item]:
        """The batch's items not yet stored nor seen earlier in this run; the rest are reported."""
        items = [b for b in batch if isinstance(b, Item)]
        digests = [i.digest for i in items]
        with self.store.read() as conn:
            stored = dict(
                conn.execute(
                    select(schema.documents.c.content_hash, schema.documents.c.id).where(
                        schema.documents.c.content_hash.in_(digests)
                    )
                ).all()
            ) if digests else {}
        fresh: list[Item] = []
        for entry in batch:
            if isinstance(entry, Problem):
                self.emit(Outcome(entry.name, entry.status, message=entry.message))
            elif entry.digest in stored:
                self.emit(Outcome(entry.name, "skipped", message=f"duplicate of stored document {stored[entry.digest]}"))
            elif entry.digest in self.seen:
                self.emit(Outcome(entry.name, "skipped", message="duplicate of an earlier input in this run"))
            else:
                self.seen.add(entry.digest)
                fresh.append(entry)
        return fresh

    def save(self, item: Item, result: Analysis | str) -> None:
        if isinstance(result, str):
            self.emit(Outcome(item.name, "failed", message=result))
            return
        started = time.perf_counter()
        try:
            document_id = self.writer.save(
                result, raw=item.raw, source_name=item.name, digest=item.digest, meta=item.meta
            )
        except StoreUnavailable:
            raise
        except StoreError as error:
            self.emit(Outcome(item.name, "failed", message=str(error)))
            return
        finally:
            self.report.store_seconds += time.perf_counter() - started
        if document_id is None:
            self.emit(Outcome(item.name, "skipped", message="duplicate stored meanwhile by another process"))
        else:
            self.emit(Outcome(item.name, "stored", words=len(result.text.split()), document_id=document_id))


def _read(run: _Run, entries: Iterator[Item | Problem], batch_size: int) -> Iterator[list[Item]]:
    """Fresh items in batches, timing the reading (decoding, HTML extraction, hashing)."""
    started = time.perf_counter()
    for batch in _batches(entries, batch_size):
        fresh = run.fresh(batch)
        run.report.read_seconds += time.perf_counter() - started
        if fresh:
            yield fresh
        started = time.perf_counter()


def _ingest_locally(run: _Run, batches: Iterator[list[Item]], scale: str, workers: int) -> None:
    """One ``nlp.pipe`` pass over the whole run (its worker processes live as long as the run);
    each result is stored as it arrives, so storing overlaps the workers' analysis. If the pass
    breaks, the documents it had taken but not delivered are analysed one by one and a new pass
    starts on the rest."""
    from sayso.pipeline import analyze_documents

    items = (item for batch in batches for item in batch)
    in_flight: deque[Item] = deque()

    def feed() -> Iterator[Document]:
        for item in items:
            in_flight.append(item)
            yield item.document

    def salvage() -> None:
        while in_flight:
            item = in_flight.popleft()
            run.save(item, _analyse_alone(item.document, scale))

    results = analyze_documents(feed(), scale=scale, n_process=workers)
    while True:
        try:
            analysis = next(results)
        except StopIteration:
            salvage()  # a pass that ends early has dropped documents: do them alone
            return
        except Exception:  # the pass broke: isolate the cause, then go on
            if not in_flight:
                raise  # it broke before taking a document: no document is to blame
            salvage()
            results = analyze_documents(feed(), scale=scale, n_process=workers)
            continue
        item = in_flight.popleft()
        if analysis.text != item.document.text:  # never pair an analysis with the wrong document
            in_flight.appendleft(item)
            results.close()
            salvage()
            results = analyze_documents(feed(), scale=scale, n_process=workers)
            continue
        run.save(item, analysis)


def _ingest_on_dask(run: _Run, batches: Iterator[list[Item]], scale: str, scheduler: str) -> None:
    """Batches go to the cluster (a bounded number in flight); this process stores results in order."""
    from dask.distributed import Client

    try:
        client = Client(scheduler, timeout="15s")
    except (OSError, TimeoutError) as error:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
    with client:
        in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()

        def drain_one() -> None:
            batch, future = pending.popleft()
            started = time.perf_counter()
            try:
                results = future.result()
            except Exception as error:  # noqa: BLE001 - e.g. the worker died on this batch
                results = [f"analysis task failed on the cluster: {type(error).__name__}: {error}"] * len(batch)
            run.report.analysis_seconds += time.perf_counter() - started
            for item, result in zip(batch, results, strict=True):
                run.save(item, result)

        for batch in batches:
            future = client.submit(analyze_batch, [item.document for item in batch], scale, pure=False)
            pending.append((batch, future))
            if len(pending) >= in_flight:
                drain_one()
        while pending:
            drain_one()


def ingest_items(
    entries: Iterable[Item | Problem],
    *,
    store: Store,
    workers: int = 1,
    scheduler: str | None = None,
    scale: str = "icd203",
    batch_size: int | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Ingest already-read articles (``sources.iter_items`` or ``sources.item_from``) into ``store``."""
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    run = _Run(store, on_outcome)
    size = batch_size or 16
    started = time.perf_counter()
    try:
        batches = _read(run, iter(entries), size)
        if scheduler:
            _ingest_on_dask(run, batches, scale, scheduler)
        else:
            _ingest_locally(run, batches, scale, workers)
    finally:
        report = run.report
        report.seconds = time.perf_counter() - started
        if not scheduler:  # reading and storing happen inside the pass: analysis is the rest
            report.analysis_seconds = max(report.seconds - report.read_seconds - report.store_seconds, 0.0)
    return report


def ingest(
    paths: Iterable[str | Path],
    *,
    db: str | Path | Store = "sayso.db",
    workers: int = 1,
    scheduler: str | None = None,
    published: str | None = None,
    origin: Origin = Origin(),
    scale: str = "icd203",
    batch_size: int | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_total: Callable[[int | None], None] | None = None,
) -> IngestReport:
    """Ingest files, folders, JSON Lines and WARC archives into the store at ``db``.

    Raises InputError for a missing path, StoreError when the store cannot be opened or written,
    ConfigError for an unreachable scheduler; per-document problems are in the report. An
    article over ``max_bytes`` fails alone.
    """
    files = expand(paths)
    store = db if isinstance(db, Store) else open_store(db)
    try:
        if on_total is not None:
            on_total(estimate_total(files))
        return ingest_items(
            iter_items(files, published=published, origin=origin, max_bytes=max_bytes), store=store, workers=workers, scheduler=scheduler,
            scale=scale, batch_size=batch_size, on_outcome=on_outcome,
        )
    finally:
        if not isinstance(db, Store):
            store.close()
