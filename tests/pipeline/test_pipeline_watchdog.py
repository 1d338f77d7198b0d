"""The per-document time limit: a pathological article is given up, not waited on forever."""

from __future__ import annotations

import threading
import time

import pytest
from spacy.language import Language

from sayso.errors import InputError, TimeLimitError


@pytest.fixture()
def slow_sayso(nlp):
    """The sayso pipe with a step that hangs, and a short limit; restored afterwards."""
    component = nlp.get_pipe("sayso")
    saved = (list(component.steps), component.time_limit)

    def hang(doc):
        time.sleep(5)
        return doc

    component.steps.insert(0, hang)
    component.time_limit = 0.3
    yield component
    component.steps[:], component.time_limit = saved


def test_hanging_step_is_interrupted_in_the_main_thread(slow_sayso) -> None:
    from sayso.pipeline import analyze

    started = time.monotonic()
    with pytest.raises(TimeLimitError, match="per-document time limit of 0.3 s"):
        analyze("Officials said the talks would resume on Monday.")
    assert time.monotonic() - started < 3
    assert issubclass(TimeLimitError, InputError)


@pytest.fixture()
def slow_parse(nlp):
    """A step before the parser that hangs, standing for a huge article's parse; a short limit."""
    from sayso.pipeline import memory_zone

    memory_zone()  # made before the hanging step is in (it runs the pipeline once, with no limit)
    component = nlp.get_pipe("sayso")
    saved = component.time_limit
    if not Language.has_factory("test_hanging_parse"):
        Language.component("test_hanging_parse", func=lambda doc: time.sleep(5) or doc)
    nlp.add_pipe("test_hanging_parse", before="parser")
    component.time_limit = 0.3
    yield component
    nlp.remove_pipe("test_hanging_parse")
    component.time_limit = saved


def test_the_parse_counts_toward_the_time_limit(slow_parse) -> None:
    from sayso.pipeline import analyze

    started = time.monotonic()
    with pytest.raises(TimeLimitError, match="per-document time limit of 0.3 s"):
        analyze("Officials said the talks would resume on Monday.")
    assert time.monotonic() - started < 3


def test_outside_the_main_thread_the_limit_is_checked_between_steps(slow_sayso) -> None:
    from sayso.pipeline import analyze

    errors: list[BaseException] = []

    def run() -> None:
        try:
            analyze("Officials said the talks would resume on Monday.")
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=30)
    assert len(errors) == 1 and isinstance(errors[0], TimeLimitError)


def test_fast_documents_are_unaffected(nlp) -> None:
    from sayso.pipeline import analyze

    analysis = analyze("Officials said the talks would resume on Monday.")
    assert analysis.attributions
