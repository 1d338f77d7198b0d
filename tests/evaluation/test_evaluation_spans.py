"""CofeNet's sentence-level span metric on hand-built attributions."""

from __future__ import annotations

import pytest

from sayso.evaluation.polnear import Attr
from sayso.evaluation.spans import Sentences, score, with_marks

TEXT = "“The bridge is gone,” the mayor said. Officials said that repairs would take weeks."


@pytest.fixture(scope="module")
def sentences(nlp):
    return Sentences(nlp(TEXT))


def _span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def _gold() -> list[Attr]:
    return [
        Attr(_span("“The bridge is gone,”"), _span("said"), _span("the mayor"), "direct", True),
        Attr(_span("that repairs would take weeks"), _span("said that")[:1] + (TEXT.index("said that") + 4,),
             _span("Officials"), "indirect", True),
    ]


def test_identical_attributions_score_one(sentences):
    table: dict = {}
    score(TEXT, sentences, _gold(), _gold(), table)
    for convention in ("as_annotated", "unquoted"):
        assert all(c.metrics()["f1"] == 1.0 for c in table[convention].values())


def test_content_without_marks_is_exact_once_they_are_put_back(sentences):
    pred = _gold()
    pred[0].content = _span("The bridge is gone")
    table: dict = {}
    score(TEXT, sentences, pred, _gold(), table)
    assert table["as_annotated"]["content_exact"].metrics()["f1"] == 1.0
    assert with_marks(TEXT, pred[0].content) == _span("“The bridge is gone,”")


def test_begin_match_forgives_a_late_end(sentences):
    pred = _gold()
    pred[1].content = _span("that repairs would take")
    table: dict = {}
    score(TEXT, sentences, pred, _gold(), table)
    row = table["unquoted"]
    assert row["content_exact"].metrics()["tp"] == 1
    assert row["content_begin"].metrics()["f1"] == 1.0


def test_predicting_nothing_finds_nothing(sentences):
    table: dict = {}
    score(TEXT, sentences, [], _gold(), table)
    assert all(c.metrics()["f1"] == 0.0 for c in table["unquoted"].values())
    assert table["unquoted"]["source_exact"].metrics()["gold"] == 2
