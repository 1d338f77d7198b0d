"""``sayso train attribution``: fit the token role tagger on PolNeAR train and GUM Wikinews train.

Two weight files come out, one per mode of ``sayso.attribution.model``: ``model`` reads only the
parse, ``hybrid`` also reads the roles the rules gave each token. Both are first-order sequence
taggers over hashed features, trained as an averaged structured perceptron (fixed seed and order). Dev sets
(PolNeAR dev, GUM news+interview dev+test) are scored after fitting and never fitted on.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from spacy.tokens import Token

from sayso.attribution import model as attribution_model
from sayso.attribution.model_features import HASH_FEATURES, ROLE_ORDER, feature_matrix
from sayso.training import attribution_corpus as corpora
from sayso.training import say

TRAIN = ("polnear-train", "gum-train")
DEV = ("polnear-dev", "gum-eval")
# Parsed corpora are kept here between runs when set (spaCy DocBins; the parse is most of the work).
CACHE = Path(os.environ["SAYSO_TRAIN_CACHE"]) if os.environ.get("SAYSO_TRAIN_CACHE") else None
SEED = 0
EPOCHS = 6


def gold_labels(tokens: list[Token], gold: list[corpora.Gold]) -> list[str]:
    """BIO labels from gold spans: every piece of a role span starts with B; a token claimed by two
    roles (GUM only; PolNeAR has one role per token) keeps cue, then source, then content."""
    starts = [t.idx for t in tokens]
    labels = ["O"] * len(tokens)
    spans = [(role, span) for g in gold for role in ("cue", "source", "content") for span in getattr(g, role)]
    for role, (start, end) in sorted(spans, key=lambda s: ROLE_ORDER[s[0]]):
        lo, hi = int(np.searchsorted(starts, start)), int(np.searchsorted(starts, end))
        if lo < hi and all(labels[k] == "O" for k in range(lo, hi)):
            labels[lo] = f"B-{role}"
            for k in range(lo + 1, hi):
                labels[k] = f"I-{role}"
    return labels


def _documents(data_dir: Path, names: tuple[str, ...], cache: Path | None, lexicon: dict[str, Any]) -> dict[str, list[Any]]:
    """Per mode, (hashed features, gold label indices) of every document of the named corpora."""
    from sayso.attribution import find_attributions

    index = {label: n for n, label in enumerate(attribution_model.LABELS)}
    out: dict[str, list[Any]] = {"model": [], "hybrid": []}
    for name in names:
        texts = corpora.corpus(data_dir, name)
        started = time.monotonic()
        for n, (text, doc) in enumerate(zip(texts, corpora.parsed(texts, cache, name), strict=True), 1):
            tokens = [t for t in doc if not t.is_space]
            if not tokens:
                continue
            gold = np.array([index[label] for label in gold_labels(tokens, text.gold)])
            # the rules run afresh, as the pipeline runs them before the tagger (the parse's own
            # records have been through the later components, and a cached parse keeps older rules')
            found = find_attributions(doc, doc._.voices or [], lexicon, boilerplate=doc._.sayso_boilerplate or [])
            for mode, rules in (("model", None), ("hybrid", found)):
                out[mode].append((feature_matrix(doc, lexicon["classes"], rules), gold))
            if n % 100 == 0:
                say(f"  {name}: {n}/{len(texts)} documents ({time.monotonic() - started:.0f} s)")
    return out


def fit(docs: list[tuple[Any, np.ndarray]], epochs: int = EPOCHS, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """An averaged structured perceptron (Collins 2002): Viterbi-decode each document, move the
    weights from the predicted labels towards the gold ones, and return the averaged emission and
    transition weights. ``docs`` are (hashed features, gold label indices) per document."""
    n_labels = len(attribution_model.LABELS)
    coef = np.zeros((n_labels, HASH_FEATURES), dtype=np.float64, order="F")  # coef.T contiguous
    trans = np.zeros((n_labels, n_labels), dtype=np.float64)
    coef_sum, trans_sum = np.zeros_like(coef), np.zeros_like(trans)  # time-weighted updates
    order = np.random.default_rng(seed)
    step = 1
    for epoch in range(epochs):
        wrong = 0
        for index in order.permutation(len(docs)):
            x, gold = docs[index]
            pred = attribution_model.viterbi(np.asarray(x @ coef.T), trans)
            diff = np.flatnonzero(pred != gold)
            if len(diff):
                wrong += len(diff)
                moves = np.zeros((len(diff), n_labels))
                moves[np.arange(len(diff)), gold[diff]] += 1
                moves[np.arange(len(diff)), pred[diff]] -= 1
                delta = sparse.csr_matrix(moves.T) @ x[diff]
                delta = delta.tocoo()
                np.add.at(coef, (delta.row, delta.col), delta.data)
                np.add.at(coef_sum, (delta.row, delta.col), step * delta.data)
                pairs = np.zeros_like(trans)
                np.add.at(pairs, (gold[:-1], gold[1:]), 1)
                np.add.at(pairs, (pred[:-1], pred[1:]), -1)
                trans += pairs
                trans_sum += step * pairs
            step += 1
        say(f"  epoch {epoch + 1}/{epochs}: {wrong} tokens mislabelled")
    return coef - coef_sum / step, trans - trans_sum / step


def train(data_dir: Path, out_dir: Path, cache: Path | None = CACHE) -> dict[str, Any]:
    """Fit both modes, write their weights to ``out_dir``, return their dev figures."""
    from sayso.attribution import load_reporting_verbs
    from sayso.evaluation import crossdomain
    from sayso.models import sha256

    lexicon = load_reporting_verbs()
    started = time.monotonic()
    say("parsing and featurising the training corpora")
    data = _documents(data_dir, TRAIN, cache, lexicon)
    figures: dict[str, Any] = {"train_documents": len(data["model"]),
                               "train_tokens": sum(len(y) for _, y in data["model"])}
    for mode in ("model", "hybrid"):
        say(f"fitting {mode}")
        coef, transitions = fit(data[mode])
        path = out_dir / attribution_model.weights_file(mode)
        attribution_model.save(path, attribution_model.Weights(coef, transitions, mode == "hybrid"))
        figures[f"{mode}_weights_bytes"] = path.stat().st_size
        figures[f"{mode}_weights_sha256"] = sha256(path)  # the digest docs/models.md pins
    figures["training_seconds"] = round(time.monotonic() - started)
    say("scoring the dev sets")
    weights = {mode: attribution_model.load(out_dir / attribution_model.weights_file(mode)) for mode in ("model", "hybrid")}
    figures.update(crossdomain.headline(crossdomain.evaluate(data_dir, weights, cache, progress=say)))
    return figures
