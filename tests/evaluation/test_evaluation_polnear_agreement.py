"""Annotator agreement on PolNeAR's training compartment: every ordered pair of annotators scored."""

from __future__ import annotations

import pytest

from sayso.evaluation import polnear
from sayso.evaluation.polnear_agreement import annotator_agreement

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not polnear.POLNEAR.exists(), reason=f"PolNeAR not found at {polnear.POLNEAR}"),
]


def test_annotator_agreement_scores_every_ordered_pair_on_the_training_compartment():
    agreement = annotator_agreement()
    assert agreement["articles"] == 4
    assert agreement["annotators"] == 6
    assert agreement["pairs"] == 4 * 6 * 5
    humans = agreement["annotators_vs_annotators"]["speech"]["content_overlap"]
    # over all ordered pairs one side's misses are the other's false alarms: precision equals recall
    assert humans["precision"] == humans["recall"]
    assert 0.5 < humans["f1"] < 1.0
    machine = agreement["sayso_vs_annotators"]["speech"]["content_overlap"]
    assert machine["gold"] == humans["gold"] / 5  # each annotator is gold once for sayso, five times for people
