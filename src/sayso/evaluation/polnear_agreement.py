"""How far PolNeAR's annotators agree with each other under the scoring of ``polnear``: the ceiling
sayso's attribution figures sit under, with sayso scored on the same articles beside them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sayso.evaluation.polnear import (
    POLNEAR,
    Counts,
    _annotations,
    _mark_speech,
    _sayso_attrs,
    read_rows,
    score_article,
)


def annotator_agreement(path: Path = POLNEAR) -> dict[str, Any]:
    """How far two trained annotators agree under this same scoring: the ceiling the goal sits under.

    PolNeAR's ``annotator-training`` compartment has every article annotated by all its annotators
    independently. Each ordered pair (one annotator as system, another as gold) is scored like sayso,
    with speech cues judged on each side's own cues; counts are summed over pairs and articles. sayso
    is scored on the same articles against every annotator, so the two rows compare like with like.
    """
    from sayso import pipeline
    from sayso.attribution import load_reporting_verbs
    from sayso.reading import Document

    lexicon = load_reporting_verbs()
    nlp = pipeline.load()
    rows = [r for r in read_rows(path) if r["compartment"] == "annotator-training" and len(r["annotations"]) > 1]
    humans: dict[str, dict[str, Counts]] = {}
    machine: dict[str, dict[str, Counts]] = {}
    pairs = 0
    docs = (pipeline.prepare_doc(nlp, Document(text=r["text"])) for r in rows)
    for row, doc in zip(rows, nlp.pipe(docs), strict=True):
        text = row["text"]
        people = [_annotations(text, a) for a in row["annotations"]]
        for attrs in people:
            _mark_speech(doc, text, attrs, lexicon)
        token_starts = [t.idx for t in doc if not t.is_space]
        found = _sayso_attrs(doc)
        for j, reference in enumerate(people):
            score_article(text, found, reference, machine, token_starts)
            for i, system in enumerate(people):
                if i != j:
                    score_article(text, system, reference, humans, token_starts)
                    pairs += 1
    metrics = lambda table: {subset: {m: c.metrics() for m, c in row.items()} for subset, row in table.items()}  # noqa: E731
    return {
        "compartment": "annotator-training",
        "articles": len(rows),
        "annotators": max((len(r["annotations"]) for r in rows), default=0),
        "pairs": pairs,
        "annotators_vs_annotators": metrics(humans),
        "sayso_vs_annotators": metrics(machine),
    }
