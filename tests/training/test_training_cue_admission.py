"""The cue admission's fit: a feature seen only with gold cues weighs for admission, one seen only
without against, and the same rows give the same weights (lbfgs, no sampling)."""

from __future__ import annotations

from sayso.training import cue_admission

ROWS = [["lemma=rule", "comp=ccomp-that"]] * 6 + [["lemma=mean", "comp=ccomp-that"]] * 6
LABELS = [True] * 6 + [False] * 6


def test_the_fit_weighs_features_by_their_labels():
    weights = cue_admission._fit(ROWS, LABELS, 0.6)
    assert weights.weights["lemma=rule"] > 0 > weights.weights["lemma=mean"]
    assert weights.threshold == 0.6
    assert weights.probability(["lemma=rule", "comp=ccomp-that"]) > 0.6 > weights.probability(["lemma=mean", "comp=ccomp-that"])


def test_the_fit_is_deterministic():
    assert cue_admission._fit(ROWS, LABELS, 0.6) == cue_admission._fit(ROWS, LABELS, 0.6)
