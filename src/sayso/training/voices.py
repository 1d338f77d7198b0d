"""``sayso train voices``: the plain-text voice classifier, fitted on blog-voices ``train``.

Each post's plain text is read and parsed as analysis reads and parses it (the parse is cached
under ``$SAYSO_CACHE``, default ``~/.cache/sayso``, keyed by the text), every gold paragraph is
matched to sayso's paragraph at the same offsets, and the features analysis computes are fitted
with logistic regression, and a Viterbi pass over the article's paragraphs is tuned on
cross-validated (by blog) train predictions (see ``sayso.voices.classifier``). Every train post is
fitted; the figures score each post as analysis labels it: by the classifier where it decides
(``reads_as_chatty``), else by the rule pass. Dev is scored, never fitted.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sayso.evaluation.blog_voices import Post, load_split
from sayso.models import sha256
from sayso.voices.classifier import MODEL_FILE, VoiceModel, quoted_log_odds, viterbi

_PARSE_ATTRS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"]


def _cache_dir() -> Path:
    return Path(os.environ.get("SAYSO_CACHE", Path.home() / ".cache" / "sayso")) / "voices"


def parsed(posts: list[Post]) -> list[Any]:
    """``(Document, Doc)`` for each post's plain text: read and parsed as analysis does, cached."""
    from spacy.tokens import DocBin

    from sayso.pipeline import load, prepare_doc
    from sayso.reading import read

    nlp = load()
    documents = [read(p.text, published=p.published, input_format="text") for p in posts]
    key = hashlib.sha256("\0".join(d.text for d in documents).encode()).hexdigest()[:16]
    path = _cache_dir() / f"parses-{key}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        started = time.monotonic()
        docs = []
        with nlp.select_pipes(disable=["sayso"]):
            for i, doc in enumerate(nlp.pipe((prepare_doc(nlp, d) for d in documents), batch_size=8)):
                docs.append(doc)
                elapsed = time.monotonic() - started
                print(f"\rparsed {i + 1}/{len(documents)} posts ({elapsed:.0f} s)", end="", file=sys.stderr)
        print(file=sys.stderr)
        path.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(attrs=_PARSE_ATTRS)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(path)
    return list(zip(documents, docs, strict=True))


@dataclass(frozen=True)
class Article:
    """One post as the classifier sees it: features and gold label (1 = quoted) of each paragraph
    with text, the rule pass's labels, and whether the classifier decides there at all."""

    features: list[dict[str, float]]
    gold: list[int]
    rule_labels: list[int]
    classified: bool


def article_rows(document: Any, doc: Any, post: Post) -> Article:
    """The classifier's view of one parsed post."""
    from sayso.voices import TokenIndex, load_rules
    from sayso.voices.classifier import article_features
    from sayso.voices.inference import label_by_rules, reads_as_chatty
    from sayso.voices.passages import Passage, paragraphs

    rules = load_rules()
    text = doc.text
    passages = [Passage(s, e) for s, e in paragraphs(text, document.boilerplate)]
    tokens = TokenIndex(doc, [t.idx for t in doc])
    label_by_rules(text, passages, tokens, rules)
    spoken = [p for p in passages if text[p.start : p.end].strip()]
    return Article(
        features=article_features(text, spoken, tokens),
        gold=_gold_labels(post, text, spoken),
        rule_labels=[int(p.voice == "quoted") for p in spoken],
        classified=reads_as_chatty(passages, rules),
    )


def _gold_labels(post: Post, text: str, spoken: list[Any]) -> list[int]:
    """Each paragraph's gold label: that of the gold paragraph holding its first character."""
    from bisect import bisect_right

    offset = post.text.find(text[:200]) if text else 0
    starts = [g["start"] for g in post.passages]
    labels = []
    for p in spoken:
        body_start = p.start + (len(text[p.start : p.end]) - len(text[p.start : p.end].lstrip()))
        k = max(bisect_right(starts, body_start + offset) - 1, 0)
        labels.append(int(post.passages[k]["voice"] == "quoted"))
    return labels


def _blogs(data_dir: Path, split: str) -> dict[str, str]:
    manifest = json.loads((data_dir / "blog-voices" / split / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest if isinstance(manifest, list) else manifest.get("posts", [])
    return {e["file"]: e["blog"] for e in entries}

SEED = 0
FOLDS = 5
C = 0.5
TRANSITION_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)
BIASES = (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5)


def train(data_dir: Path, out_dir: Path) -> dict[str, Any]:
    """Fit on blog-voices ``train``, write ``voices.json`` to ``out_dir``, return train and dev figures."""
    started = time.monotonic()
    train_posts, dev_posts = load_split(data_dir, "train"), load_split(data_dir, "dev")
    blogs = _blogs(data_dir, "train")
    train_rows = _articles(train_posts)
    dev_rows = _articles(dev_posts)
    groups = [blogs[p.name] for p in train_posts]
    model, oof = fit([a.features for a in train_rows], [a.gold for a in train_rows], groups)
    path = out_dir / MODEL_FILE
    path.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    figures: dict[str, Any] = {
        "weights": str(path),
        "sha256": sha256(path),
        "posts_classified": (
            f"train {sum(a.classified for a in train_rows)}/{len(train_rows)}, "
            f"dev {sum(a.classified for a in dev_rows)}/{len(dev_rows)}"
        ),
    }
    for split, rows in (("train", train_rows), ("dev", dev_rows)):
        predicted = [y for a in rows for y in _predict(model, a)]
        figures[split] = _figures([y for a in rows for y in a.gold], predicted)
    folded = iter(oof)
    cross = []
    for a in train_rows:
        labels = [next(folded) for _ in a.gold]
        cross.extend(labels if a.classified else a.rule_labels)
    figures["train_cross_validated"] = _figures([y for a in train_rows for y in a.gold], cross)
    figures["seconds"] = round(time.monotonic() - started, 1)
    return figures


def _articles(posts: list[Post]) -> list[Article]:
    return [article_rows(document, doc, post) for post, (document, doc) in zip(posts, parsed(posts), strict=True)]


def _predict(model: VoiceModel, article: Article) -> list[int]:
    """Labels as analysis gives them: the classifier's where it decides, else the rule pass's."""
    if not article.classified:
        return article.rule_labels
    return viterbi(model, quoted_log_odds(model, article.features))


def _figures(gold: list[int], predicted: list[int]) -> dict[str, float]:
    from sayso.evaluation.blog_voices import score

    name = ("author", "quoted")
    return score([name[y] for y in gold], [name[y] for y in predicted])


def fit(
    articles: list[list[dict[str, float]]], labels: list[list[int]], groups: list[str]
) -> tuple[VoiceModel, list[int]]:
    """Fit the classifier; also return its cross-validated (by blog) train predictions."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    names = tuple(sorted(articles[0][0]))
    X = [np.array([[f[n] for n in names] for f in feats]) for feats in articles]
    y = [np.array(lab) for lab in labels]
    flat_X, flat_y = np.vstack(X), np.concatenate(y)
    mean, scale = flat_X.mean(axis=0), flat_X.std(axis=0)
    scale[scale == 0] = 1.0

    def first(train_idx: list[int]) -> LogisticRegression:
        Xs = (np.vstack([X[i] for i in train_idx]) - mean) / scale
        regression = LogisticRegression(C=C, max_iter=5000, random_state=SEED)
        return regression.fit(Xs, np.concatenate([y[i] for i in train_idx]))

    folds = list(GroupKFold(n_splits=FOLDS).split(np.arange(len(X)), groups=groups))
    oof_logits: list[np.ndarray] = [np.zeros(0)] * len(X)
    for train_idx, test_idx in folds:
        stage = first(list(train_idx))
        for i in test_idx:
            oof_logits[i] = stage.decision_function((X[i] - mean) / scale)
    counts = np.ones((2, 2))
    starts = np.ones(2)
    for lab in y:
        if len(lab):
            starts[lab[0]] += 1
        for a, b in zip(lab[:-1], lab[1:]):
            counts[a, b] += 1
    transitions = np.log(counts / counts.sum(axis=1, keepdims=True))
    prior = np.log(np.bincount(flat_y, minlength=2) / len(flat_y))
    full = first(list(range(len(X))))

    def model_with(weight: float, bias: float) -> VoiceModel:
        return VoiceModel(
            features=names,
            mean=tuple(float(v) for v in mean),
            scale=tuple(float(v) for v in scale),
            coef=tuple(float(v) for v in full.coef_[0]),
            intercept=float(full.intercept_[0]),
            bias=bias,
            transitions=tuple(tuple(float(v) for v in row) for row in transitions),
            start=tuple(float(v) for v in np.log(starts / starts.sum())),
            prior=tuple(float(v) for v in prior),
            transition_weight=weight,
        )

    def oof_predictions(weight: float, bias: float) -> list[int]:
        model = model_with(weight, bias)
        return [label for logits in oof_logits for label in viterbi(model, list(logits))]

    def objective(setting: tuple[float, float]) -> tuple[float, float, float]:
        figures = _figures(list(flat_y), oof_predictions(*setting))
        return figures["paragraph_accuracy"] + figures["quoted_f1"], -setting[0], -abs(setting[1])

    best = max(((w, b) for w in TRANSITION_WEIGHTS for b in BIASES), key=objective)
    return model_with(*best), oof_predictions(*best)
