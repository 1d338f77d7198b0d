"""The sayso pipe puts entities on the Doc, also across worker processes."""

from __future__ import annotations

import pytest

TEXTS = [
    "The 1st Guards Tank Army withdrew. Alexander Lukashenko said Lukashenko's army would not fight.[4]",
    "The European Union (EU) warned Minsk on Monday. The EU may add sanctions next month.",
]


def _records(doc) -> tuple:
    return doc._.sayso_entities, doc._.dates, doc._.citations


def test_pipeline_sets_entities(nlp):
    doc = nlp(TEXTS[0])
    names = {e["name"]: e["type"] for e in doc._.sayso_entities}
    assert names["1st Guards Tank Army"] == "MILITARY_UNIT"
    assert names["Alexander Lukashenko"] == "PERSON"


@pytest.mark.slow
def test_records_survive_two_processes(nlp):
    single = [_records(doc) for doc in nlp.pipe(TEXTS)]
    double = [_records(doc) for doc in nlp.pipe(TEXTS, n_process=2)]
    assert double == single
