"""``sayso train cue-admission``: fit the learned cue admission (``sayso.attribution.admission``).

The candidates are the verbs the admission reads, in the state the rules leave before it runs, on
PolNeAR train and GUM Wikinews train; a candidate is positive where it lies in a gold cue. A
logistic regression (scikit-learn, lbfgs: deterministic) fits the indicator features. The
threshold is chosen on the train sets alone: five folds grouped by article give every train
document an admission fitted without it, the rules run with that admission at each threshold of
``GRID``, and the threshold kept is the one that raises PolNeAR train's exact content F1 (CofeNet's
metric) most while no figure of either train set falls below the rules without admission (at the
three decimals the evaluation tables print); where none qualifies nothing is admitted. The dev sets are scored last, never fitted on.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc

from sayso.attribution import admission, finder
from sayso.attribution.context import Context
from sayso.training import attribution_corpus as corpora
from sayso.training import say
from sayso.training.attribution import CACHE, DEV, TRAIN

GRID = (0.5, 0.6, 0.7, 0.8, 0.9)
NEVER = 2.0  # a threshold no probability reaches: the rules without admission
FOLDS = 5
C = 1.0
PRUNE = 1e-3  # weights smaller than this are left out of the file


def _rules(doc: Doc, lexicon: dict[str, Any], at_admission: Callable[[Context], None]) -> Context:
    """The rules run on ``doc`` with ``at_admission`` in the admission's place."""
    ctx = Context(doc, doc._.voices or [], lexicon, doc._.sayso_boilerplate or [])
    for _, rule in finder.RULES:
        (at_admission if rule is admission.admitted_cues else rule)(ctx)
    return ctx


def _candidates(data_dir: Path, cache: Path | None, lexicon: dict[str, Any]) -> tuple[list[str], list[list[str]], list[bool]]:
    """Article ids, features and gold labels of every candidate verb of the train sets."""
    groups, rows, labels = [], [], []
    for name in TRAIN:
        texts = corpora.corpus(data_dir, name)
        for text, doc in zip(texts, corpora.parsed(texts, cache, name), strict=True):
            cues = [span for g in text.gold for span in g.cue]

            def collect(ctx: Context, text_id: str = text.id, cues: list[tuple[int, int]] = cues) -> None:
                for verb in admission.candidates(ctx):
                    groups.append(text_id)
                    rows.append(admission.features(ctx, verb))
                    labels.append(any(start <= verb.idx < end for start, end in cues))

            _rules(doc, lexicon, collect)
    return groups, rows, labels


def _fit(rows: list[list[str]], labels: list[bool], threshold: float) -> admission.Weights:
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(r, 1) for r in rows])
    model = LogisticRegression(C=C, max_iter=2000).fit(x, np.array(labels))
    names = vectorizer.get_feature_names_out()
    weights = {str(f): round(float(w), 4) for f, w in zip(names, model.coef_[0], strict=True) if abs(w) >= PRUNE}
    return admission.Weights(dict(sorted(weights.items())), round(float(model.intercept_[0]), 4), threshold)


def _cells(results: dict[str, Any]) -> dict[str, float]:
    """Every F1 of the rules, keyed by set, scorer and metric."""
    out = {}
    for name, result in results.items():
        for subset, row in result["overlap"]["rules"].items():
            out.update({f"{name} {subset} {m}": v["f1"] for m, v in row.items()})
        for convention, row in result["spans"]["rules"].items():
            out.update({f"{name} {convention} {m}": v["f1"] for m, v in row.items()})
    return out


def _threshold(data_dir: Path, cache: Path | None, lexicon: dict[str, Any], groups: list[str], rows: list[list[str]], labels: list[bool]) -> float:
    """The threshold chosen on the train sets with out-of-fold admission (see the module's docstring)."""
    from sayso.evaluation import crossdomain

    fitted: dict[str, admission.Weights] = {}  # article id -> the admission fitted without it
    for fit_rows, held in GroupKFold(FOLDS).split(rows, labels, groups):
        fold = _fit([rows[i] for i in fit_rows], [labels[i] for i in fit_rows], NEVER)
        fitted.update({groups[i]: fold for i in held})
    scored: dict[float, dict[str, float]] = {}
    for threshold in (NEVER, *GRID):
        def rules_of(doc: Doc, text: Any, t: float = threshold) -> list[dict[str, Any]]:
            fold = fitted.get(text.id)  # an article without candidates has no fold, and nothing to admit
            weights = admission.Weights(fold.weights, fold.bias, t) if fold else admission.Weights({}, 0.0, NEVER)
            return finder.records(_rules(doc, lexicon, lambda ctx: admission.admitted_cues(ctx, weights)))

        results = crossdomain.evaluate(data_dir, cache=cache, systems=("rules",), sets=TRAIN, rules_of=rules_of)
        scored[threshold] = {k: round(v, 3) for k, v in _cells(results).items()}
        say(f"  threshold {threshold}: PolNeAR train exact content {scored[threshold]['polnear-train as_annotated content_exact']}")
    base = scored[NEVER]
    fair = [t for t in GRID if all(v >= base[k] for k, v in scored[t].items())]
    key = "polnear-train as_annotated content_exact"
    best = max(fair, key=lambda t: (scored[t][key], t), default=NEVER)
    say(f"  kept threshold {best} (no train figure falls at {', '.join(map(str, fair)) or 'none'})")
    return best


def train(data_dir: Path, out_dir: Path, cache: Path | None = CACHE) -> dict[str, Any]:
    """Fit the admission, choose its threshold on the train sets, write it, return the dev figures."""
    from sayso.attribution import load_reporting_verbs
    from sayso.evaluation import crossdomain
    from sayso.models import sha256

    lexicon = load_reporting_verbs()
    started = time.monotonic()
    say("collecting the candidate verbs of the train sets")
    groups, rows, labels = _candidates(data_dir, cache, lexicon)
    say(f"  {len(rows)} candidates, {sum(labels)} in a gold cue; choosing the threshold on out-of-fold admission")
    threshold = _threshold(data_dir, cache, lexicon, groups, rows, labels)
    weights = _fit(rows, labels, threshold)
    path = out_dir / admission.WEIGHTS_FILE
    data = {"weights": weights.weights, "bias": weights.bias, "threshold": threshold}
    path.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    figures: dict[str, Any] = {
        "candidates": len(rows), "positives": sum(labels), "threshold": threshold, "features": len(weights.weights),
        "weights_bytes": path.stat().st_size, "weights_sha256": sha256(path),
        "training_seconds": round(time.monotonic() - started),
    }
    say("scoring the dev sets")

    def rules_of(doc: Doc, text: Any) -> list[dict[str, Any]]:
        return finder.records(_rules(doc, lexicon, lambda ctx: admission.admitted_cues(ctx, weights)))

    results = crossdomain.evaluate(data_dir, cache=cache, systems=("rules",), sets=DEV, rules_of=rules_of)
    figures.update({k: round(v, 4) for k, v in _cells(results).items()})
    return figures
