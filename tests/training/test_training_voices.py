"""Fitting the voice classifier: deterministic, blog-grouped, and it learns a plain signal."""

from __future__ import annotations

from sayso.training.voices import fit
from sayso.voices.classifier import quoted_log_odds, viterbi


def articles():
    """Ten small articles from five blogs: a paragraph after a colon is quoted."""
    found, labels, groups = [], [], []
    for n in range(10):
        feats, gold = [], []
        for i in range(8):
            after_colon = float(i % 4 == 1)
            feats.append({"prev_ends_colon": after_colon, "noise": float((n * 7 + i * 3) % 5)})
            gold.append(int(after_colon))
        found.append(feats)
        labels.append(gold)
        groups.append(f"blog {n % 5}")
    return found, labels, groups


def test_training_voices_fit_learns_the_signal_and_repeats_itself() -> None:
    model, oof = fit(*articles())
    again, _ = fit(*articles())
    assert model == again
    assert oof == [y for gold in articles()[1] for y in gold]
    feats = articles()[0][0]
    assert viterbi(model, quoted_log_odds(model, feats)) == articles()[1][0]
