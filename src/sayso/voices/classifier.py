"""The trained voice classifier for plain text: is each paragraph the author's or a pasted excerpt?

Where no markup marks excerpts and the article has a chatty voice of its own (see
``inference.reads_as_chatty``), the voice of a paragraph is read from how it is written and where
it stands. Three steps, all fitted on blog-voices ``train`` by ``sayso train voices``
(``sayso.training.voices``) and shipped as ``models/voices.json``:

1. **Paragraph features**: the rule signals (``signals.paragraph_signals``: person, contractions,
   questions, quotation marks, reporting verbs, footnotes, lead-in colons …) and the rule score
   itself; tense, word and sentence length, links, dashes and quotation marks at the edges; the
   paragraph's register against the article's own (first person, contractions, tense and word
   length minus the article's mean, and the article's mean itself: formal prose in a formal article
   is the author's); position; and the same few features of the neighbours.
2. **Logistic regression** on the standardised features: the log-odds that a paragraph is quoted,
   shifted by ``bias``.
3. **Viterbi** over the article's paragraphs with the label transitions counted on ``train``,
   weighted by ``transition_weight`` (an excerpt usually runs over several paragraphs). ``bias``
   and ``transition_weight`` are chosen on cross-validated (by blog) train predictions.

The model is a few hundred numbers in JSON, deterministic and CPU-only.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sayso.errors import ConfigError
from sayso.voices.passages import Passage
from sayso.voices.signals import TokenIndex

MODEL_FILE = "voices.json"
MODEL_NAME = "sayso.voice_classifier.v1"
LABELS = ("author", "quoted")

_URL = re.compile(r"https?://|www\.", re.I)
_DASH_START = re.compile(r"^\s*(?:[-\u2013\u2014]{1,2}|~)\s*\S")
_CLOSE_QUOTE_END = re.compile(r"[\u201d\"\u00bb\u2019']\W*$")
_TERMINAL = re.compile(r"[.!?:;)\"\u201d\u2019\u2026\]]\s*$")
_CITATION = re.compile(r"\(\d{4}\)|\bet al\.|\bp\. ?\d|\[\d{1,3}\]|\(\s*[A-Z][a-z]+,? \d{4}\s*\)")
_PAST_TAGS = frozenset({"VBD", "VBN"})
_PRESENT_TAGS = frozenset({"VBP", "VBZ"})
# Rule signals used as features, as counts capped at 3.
_SIGNALS = (
    "footnote", "opens_with_quote", "whole_quote", "wire", "reporting", "analytic", "formal_date", "ellipsis_end",
    "formal", "contraction", "first_person", "opens_personal", "second_person", "question", "exclamation",
    "colloquial", "judgement", "stance", "commentary_opener", "lead_in", "list_item", "short",
)
# Register features compared with the article's mean.
_REGISTER = ("first_rate", "second_rate", "contraction_rate", "past_share", "word_length", "sentence_length")
# Features repeated for the paragraphs before and after.
_NEIGHBOUR = ("lead_in", "ends_colon", "opens_with_quote", "closes_with_quote", "first_rate", "rule_score",
              "log_words", "url", "short", "dash_start", "rule_quoted")


@dataclass(frozen=True)
class VoiceModel:
    """The fitted classifier: feature names, standardisation, the two regressions, transitions."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    bias: float
    transitions: tuple[tuple[float, float], tuple[float, float]]  # log P(next | previous)
    start: tuple[float, float]  # log P(first label)
    prior: tuple[float, float]  # log P(label) on train
    transition_weight: float

    def to_json(self) -> dict[str, Any]:
        return {"name": MODEL_NAME, **{k: getattr(self, k) for k in self.__dataclass_fields__}}


@functools.lru_cache(maxsize=1)
def load_model() -> VoiceModel:
    """The shipped classifier (``models/voices.json``), read once per process."""
    from sayso.models import weights_path

    path = weights_path(MODEL_FILE)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return model_from_json(raw)
    except (ValueError, KeyError, TypeError) as error:
        raise ConfigError(f"voice model {str(path)!r} is malformed: {error}") from None


def model_from_json(raw: dict[str, Any]) -> VoiceModel:
    """A VoiceModel from its JSON form; KeyError/TypeError/ValueError when a field is missing or wrong."""
    if raw.get("name") != MODEL_NAME:
        raise ValueError(f"expected {MODEL_NAME!r}, got {raw.get('name')!r}")
    fields = {k: raw[k] for k in VoiceModel.__dataclass_fields__}
    model = VoiceModel(
        features=tuple(fields["features"]),
        mean=tuple(map(float, fields["mean"])),
        scale=tuple(map(float, fields["scale"])),
        coef=tuple(map(float, fields["coef"])),
        intercept=float(fields["intercept"]),
        bias=float(fields["bias"]),
        transitions=tuple(tuple(map(float, row)) for row in fields["transitions"]),  # type: ignore[arg-type]
        start=tuple(map(float, fields["start"])),  # type: ignore[arg-type]
        prior=tuple(map(float, fields["prior"])),  # type: ignore[arg-type]
        transition_weight=float(fields["transition_weight"]),
    )
    if not len(model.features) == len(model.mean) == len(model.scale) == len(model.coef):
        raise ValueError("features, mean, scale and coef differ in length")
    return model


# --- features --------------------------------------------------------------------------------


def article_features(text: str, passages: Sequence[Passage], tokens: TokenIndex) -> list[dict[str, float]]:
    """One feature mapping per passage with text (the rule pass must have run: ``features``,
    ``score`` and ``voice`` hold its signals, score and label)."""
    own = [_own_features(text, p, tokens) for p in passages]
    substantial = [f for f in own if f["words"] >= 8] or own
    means = {name: sum(f[name] for f in substantial) / len(substantial) for name in _REGISTER} if own else {}
    count = len(own)
    for i, f in enumerate(own):
        for name in _REGISTER:
            f[f"{name}_shift"] = f[name] - means[name]
            f[f"article_{name}"] = means[name]
        f["position"] = i / max(count - 1, 1)
        f["first"] = float(i == 0)
        f["last"] = float(i == count - 1)
    since = 6.0  # paragraphs since the last one ending in a colon (a lead-in may open a long excerpt)
    for f in own:
        f["since_colon"] = since
        since = 1.0 if f["ends_colon"] else min(since + 1.0, 6.0)
    for i, f in enumerate(own):
        for side, j in (("prev", i - 1), ("next", i + 1)):
            other = own[j] if 0 <= j < count else None
            f[f"{side}_exists"] = float(other is not None)
            for name in _NEIGHBOUR:
                f[f"{side}_{name}"] = other[name] if other is not None else 0.0
    return own


def _own_features(text: str, passage: Passage, tokens: TokenIndex) -> dict[str, float]:
    body = text[passage.start : passage.end].strip()
    signals = passage.features
    f: dict[str, float] = {name: float(min(signals.get(name, 0), 3)) for name in _SIGNALS}
    first, last = tokens.bounds(passage.start, passage.end)
    punct, space, _, _, _, tag = tokens.columns()
    proper, like_num = tokens.word_classes()
    texts = tokens.texts()
    words = [i for i in range(first, last) if not punct[i] and not space[i]]
    n = max(len(words), 1)
    tags = [tokens.string(tag[i]) for i in range(first, last)]
    verbs = [t for t in tags if t.startswith("VB") or t == "MD"]
    finite = [t for t in verbs if t in _PAST_TAGS or t in _PRESENT_TAGS or t == "MD"]
    sentences = {tokens.sentence_start(i) for i in words}
    f["words"] = float(len(words))
    f["log_words"] = math.log1p(len(words))
    f["first_rate"] = signals.get("first_person", 0) / n
    f["second_rate"] = signals.get("second_person", 0) / n
    f["contraction_rate"] = signals.get("contraction", 0) / n
    f["past_share"] = sum(t in _PAST_TAGS for t in finite) / len(finite) if finite else 0.5
    f["word_length"] = sum(len(texts[i]) for i in words) / n
    f["sentence_length"] = len(words) / max(len(sentences), 1)
    f["proper_share"] = sum(proper[i] for i in words) / n
    f["number_share"] = sum(like_num[i] for i in words) / n
    f["quote_marks"] = min(sum(c in "\u201c\u201d\"\u00ab\u00bb" for c in body), 6) / 2
    f["closes_with_quote"] = float(bool(_CLOSE_QUOTE_END.search(body)))
    f["ends_colon"] = float(body.endswith(":"))
    f["no_terminal"] = float(not _TERMINAL.search(body))
    f["url"] = float(bool(_URL.search(body)))
    f["url_only"] = float(bool(_URL.match(body)) and " " not in body)
    f["dash_start"] = float(bool(_DASH_START.match(body)))
    f["citation"] = float(bool(_CITATION.search(body)))
    f["lower_start"] = float(body[:1].islower())
    f["ellipsis_start"] = float(body.startswith(("...", "\u2026", "[...]", "(...)", "(\u2026)", "[\u2026]")))
    f["bracket_edit"] = float("[" in body and "]" in body)
    f["rule_score"] = max(min(passage.score, 10.0), -10.0)
    f["rule_quoted"] = float(passage.voice == "quoted")
    return f


# --- prediction ------------------------------------------------------------------------------


def quoted_log_odds(model: VoiceModel, features: Sequence[dict[str, float]]) -> list[float]:
    """The regression's log-odds that each paragraph is quoted (before ``bias``)."""
    return [
        model.intercept
        + sum(
            c * (f.get(name, 0.0) - m) / s
            for name, m, s, c in zip(model.features, model.mean, model.scale, model.coef, strict=True)
        )
        for f in features
    ]


def viterbi(model: VoiceModel, log_odds: Sequence[float]) -> list[int]:
    """The likeliest label sequence: the shifted log-odds over the prior as emission (quoted
    against author), plus the weighted log transition probabilities."""
    if not log_odds:
        return []
    weight = model.transition_weight
    prior_odds = model.prior[1] - model.prior[0]

    def emission(z: float, label: int) -> float:
        return (z + model.bias - prior_odds) if label else 0.0

    scores = [weight * model.start[y] + emission(log_odds[0], y) for y in (0, 1)]
    back: list[list[int]] = []
    for p in log_odds[1:]:
        step, pointers = [], []
        for y in (0, 1):
            best = max((0, 1), key=lambda x: scores[x] + weight * model.transitions[x][y])
            pointers.append(best)
            step.append(scores[best] + weight * model.transitions[best][y] + emission(p, y))
        scores = step
        back.append(pointers)
    label = max((0, 1), key=lambda y: scores[y])
    path = [label]
    for pointers in reversed(back):
        label = pointers[label]
        path.append(label)
    return path[::-1]


def label_by_model(text: str, passages: list[Passage], tokens: TokenIndex, model: VoiceModel) -> None:
    """Relabel the paragraphs with text by the classifier (the rule pass has run on them)."""
    spoken = [p for p in passages if text[p.start : p.end].strip()]
    features = article_features(text, spoken, tokens)
    labels = viterbi(model, quoted_log_odds(model, features))
    for p, label in zip(spoken, labels, strict=True):
        p.voice = LABELS[label]
        author = "model:lead-in" if p.features.get("lead_in") else "model:author"
        p.rule = "model:quoted" if label else author
