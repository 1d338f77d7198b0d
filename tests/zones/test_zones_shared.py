"""The shared memory zone: flat vocabulary over many documents, same results, threads and re-entry."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest

from sayso.benchmark import generated_articles
from sayso.zones import SharedZone


class FakeNLP:
    """Counts zones opened and closed, and the documents analysed while one is open."""

    def __init__(self) -> None:
        self.opened = self.closed = 0
        self.open = False

    def __call__(self, text: str) -> None:
        pass

    @contextlib.contextmanager
    def memory_zone(self):
        assert not self.open, "zones must not nest or overlap"
        self.opened += 1
        self.open = True
        yield
        self.open = False
        self.closed += 1


@pytest.mark.issue(18)
def test_analyses_leave_the_vocabulary_as_they_found_it(nlp):
    from sayso.pipeline import analyze, memory_zone

    memory_zone()  # warms up outside any zone
    before = len(nlp.vocab.strings)
    for text in generated_articles(30, seed=18):
        analyze(text)
    assert len(nlp.vocab.strings) == before
    assert not nlp.vocab.in_memory_zone


@pytest.mark.issue(18)
def test_results_do_not_change_after_many_zones(reference_text):
    from sayso.pipeline import analyze

    first = analyze(reference_text, "2022-10-11").to_json()
    for text in generated_articles(20, seed=3):
        analyze(text)
    assert analyze(reference_text, "2022-10-11").to_json() == first


@pytest.mark.issue(18)
def test_batches_cross_zone_boundaries_in_order(nlp, monkeypatch):
    from sayso import pipeline
    from sayso.reading import Document

    monkeypatch.setattr(pipeline, "ZONE_DOCUMENTS", 3)
    texts = generated_articles(8, seed=5)
    before = len(nlp.vocab.strings)
    results = list(pipeline.analyze_documents([Document(text=t) for t in texts], batch_size=2))
    assert [r.text for r in results] == texts
    assert [len(r.assessments) for r in results] == [len(pipeline.analyze(t).assessments) for t in texts]
    assert len(nlp.vocab.strings) == before


@pytest.mark.issue(18)
def test_threads_share_one_zone_and_the_last_closes_it():
    fake = FakeNLP()
    zone = SharedZone(fake, limit=100)
    entered = threading.Barrier(2)

    def work() -> None:
        with zone.enter():
            entered.wait(timeout=5)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=5)
    assert (fake.opened, fake.closed, fake.open) == (1, 1, False)


@pytest.mark.issue(18)
def test_a_full_zone_makes_newcomers_wait_but_not_its_own_thread():
    fake = FakeNLP()
    zone = SharedZone(fake, limit=1)
    newcomer_in = threading.Event()

    def newcomer() -> None:
        with zone.enter():
            newcomer_in.set()

    with zone.enter():
        with zone.enter():  # re-entry by the holder does not deadlock on the full zone
            pass
        other = threading.Thread(target=newcomer)
        other.start()
        time.sleep(0.2)
        assert not newcomer_in.is_set()  # waits for the zone to close
    other.join(timeout=5)
    assert newcomer_in.is_set()
    assert (fake.opened, fake.closed) == (2, 2)


def test_one_zone_per_mode_however_it_is_named():
    """``analyze_documents`` asks for ``memory_zone()``, ``analyze_document`` for
    ``memory_zone(mode)``: one pipeline, so one zone (two would each open a zone on one vocabulary)."""
    from sayso.pipeline import DEFAULT_ATTRIBUTION, memory_zone

    assert memory_zone() is memory_zone(DEFAULT_ATTRIBUTION) is memory_zone(attribution_mode=DEFAULT_ATTRIBUTION)
