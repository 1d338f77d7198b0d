"""The trained attribution tagger: one role per token (source, cue, content), decoded into reports.

PolNeAR gives every token at most one role, so attribution is a tag sequence (BIO over three
roles). A linear classifier over hashed features of the parse reads each token: its words, tags
and dependencies, where it hangs under a lexicon cue verb, whether it is inside quotation marks,
and (``hybrid``) the role the rules gave it and its neighbours. The tagged runs are then joined
into reports: each content and source run goes to the cue run the parse hangs it on, else the
nearest cue run of its sentence (a content may take one in the sentence before or after). In
``hybrid`` the rules say whether there is a report and the tagger where its spans lie: tagged
reports stand only on cues the rules found, and rules reports the tagger did not redraw stay. The
features are built in ``sayso.attribution.model_features``. Weights are plain arrays in ``sayso.models``
(``attribution-model.npz``, ``attribution-hybrid.npz``), written by ``sayso train attribution``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, overload

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc, Token

from sayso.attribution.model_features import (
    CLOSING,
    HASH_FEATURES,
    OPENING,
    feature_matrix,
    outermost,
)
from sayso.doctext import text_of
from sayso.errors import ConfigError

MODES = ("rules", "model", "hybrid")
ROLES = ("source", "cue", "content")
LABELS = ("O", *(f"{prefix}-{role}" for role in ROLES for prefix in ("B", "I")))
FEATURE_VERSION = 1
QUOTE_MARKS = OPENING + CLOSING + "\"'"
EDGE_CHARS = " \n\t,;:—–-" + QUOTE_MARKS


def weights_file(mode: str) -> str:
    return f"attribution-{mode}.npz"


class Tokens(Sequence[Token]):
    """The non-space tokens of a Doc, the ones the tagger labels, each made only when read (a pass
    making every Token of an article costs more than tagging it), with each one's sentence index
    (``Token.sent`` builds a Span per call) and the position of each Doc token among them."""

    def __init__(self, doc: Doc) -> None:
        array = doc.to_array([IS_SPACE, SENT_START])
        self.doc = doc
        self.at = np.flatnonzero(array[:, 0] == 0)
        starts = array[self.at, 1].view(np.int64) > 0
        starts[:1] = True
        self.sent: list[int] = (np.cumsum(starts) - 1).tolist()
        self.position = dict(zip(self.at.tolist(), range(len(self.at)), strict=True))

    def __len__(self) -> int:
        return len(self.at)

    @overload
    def __getitem__(self, k: int) -> Token: ...

    @overload
    def __getitem__(self, k: slice) -> list[Token]: ...

    def __getitem__(self, k: int | slice) -> Token | list[Token]:
        if isinstance(k, slice):
            return [self.doc[i] for i in self.at[k].tolist()]
        return self.doc[int(self.at[k])]


# ---------------------------------------------------------------------------------------------
# Weights and tagging


@dataclass(frozen=True, slots=True)
class Weights:
    """A first-order sequence model: per-token label scores from hashed features, plus label
    transition scores; ``labels`` are in ``LABELS`` order."""

    coef: np.ndarray  # (labels, HASH_FEATURES)
    transitions: np.ndarray  # (labels, labels): previous label -> label
    uses_rules: bool
    labels: tuple[str, ...] = LABELS


def save(path: Any, weights: Weights) -> None:
    meta = {"labels": list(weights.labels), "uses_rules": weights.uses_rules, "feature_version": FEATURE_VERSION,
            "hash_features": HASH_FEATURES}
    np.savez_compressed(path, coef=np.ascontiguousarray(weights.coef, dtype=np.float16), transitions=weights.transitions.astype(np.float32),
                        meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))


def load(path: Any) -> Weights:
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(data["meta"].tobytes().decode())
        if meta["feature_version"] != FEATURE_VERSION or meta["hash_features"] != HASH_FEATURES:
            raise ConfigError(f"{path} was trained with other features; rebuild it with `sayso train attribution`")
        # column-major, so that ``coef.T`` is the contiguous (features, labels) block the product reads
        coef = np.asfortranarray(data["coef"].astype(np.float32))
        return Weights(coef, data["transitions"], meta["uses_rules"], tuple(meta["labels"]))


def _allowed() -> np.ndarray:
    """0 where a transition is well formed, -inf where an I- label follows anything but its own role."""
    allowed = np.zeros((len(LABELS), len(LABELS)), dtype=np.float32)
    for j, label in enumerate(LABELS):
        if label.startswith("I-"):
            role = label[2:]
            for i, previous in enumerate(LABELS):
                if previous[2:] != role:
                    allowed[i, j] = -np.inf
    return allowed


ALLOWED = _allowed()
START_ALLOWED = np.array([-np.inf if label.startswith("I-") else 0.0 for label in LABELS], dtype=np.float32)


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best well-formed label sequence (indices) under emission and transition scores."""
    n = len(emissions)
    trans = transitions + ALLOWED
    back = np.zeros((n, len(LABELS)), dtype=np.int64)
    score = emissions[0] + START_ALLOWED
    total = np.empty_like(trans, dtype=np.result_type(score, trans))
    column = score[:, None]  # a view: the loop below updates ``score`` in place
    for k in range(1, n):  # in place, into fixed buffers: numpy's per-call cost is most of a step
        np.add(column, trans, out=total)
        total.argmax(axis=0, out=back[k])
        np.maximum.reduce(total, axis=0, out=score)
        score += emissions[k]
    path = np.empty(n, dtype=np.int64)
    path[-1] = int(score.argmax())
    for k in range(n - 1, 0, -1):
        path[k - 1] = back[k, path[k]]
    return path


@lru_cache(maxsize=2)
def shipped(mode: str) -> Weights:
    from sayso.models import weights_path

    return load(weights_path(weights_file(mode)))


def tag(doc: Doc, weights: Weights, classes: dict[str, str], rules: list[dict[str, Any]]) -> tuple[Tokens, list[str]]:
    """The non-space tokens of ``doc`` and a BIO label for each."""
    tokens = Tokens(doc)
    if not len(tokens):
        return tokens, []
    x = feature_matrix(doc, classes, rules if weights.uses_rules else None)
    path = viterbi(np.asarray(x @ weights.coef.T), weights.transitions)
    return tokens, [weights.labels[i] for i in path]


# ---------------------------------------------------------------------------------------------
# Decoding


@dataclass(slots=True)
class Run:
    role: str
    first: int  # token positions in the non-space token list
    last: int
    sent: int


def runs(tokens: Tokens, labels: list[str]) -> list[Run]:
    """Maximal runs of one role; a B- label starts a new run, an I- after another role does too."""
    sent = tokens.sent
    out: list[Run] = []
    for k, label in enumerate(labels):
        if label == "O":
            continue
        prefix, role = label.split("-", 1)
        if out and prefix == "I" and out[-1].role == role and out[-1].last == k - 1:
            out[-1].last = k
            continue
        out.append(Run(role, k, k, sent[k]))
    return out


def _char_span(tokens: Tokens, run: Run) -> tuple[int, int]:
    return tokens[run.first].idx, tokens[run.last].idx + len(tokens[run.last])


def _distance(a: Run, b: Run) -> int:
    return max(a.first - b.last, b.first - a.last, 0)


def _governing_cue(
    tokens: Tokens, run: Run, cues: list[Run], cue_at: dict[int, Run], position: dict[int, int]
) -> Run | None:
    """The cue run the parse hangs ``run`` on: the first cue-run token above one of the run's own
    tokens, or a cue run whose root hangs inside the run ("the talks, he said, will resume")."""
    for k in range(run.first, run.last + 1):
        current = tokens[k]
        for _ in range(8):
            if current.head is current:
                break
            current = current.head
            at = position.get(current.i)
            if at is not None and run.first <= at <= run.last:
                continue
            if at in cue_at:
                return cue_at[at]
    if run.role == "content":
        for cue in cues:
            if any(run.first <= position.get(tokens[k].head.i, -1) <= run.last for k in range(cue.first, cue.last + 1)):
                return cue
    return None


def _rules_cue(tokens: Tokens, run: Run, cues: list[Run], rules: list[dict[str, Any]]) -> Run | bool:
    """The cue run that holds the cue of a rules report whose content (or, for a source run, speaker
    mention) the run overlaps: in ``hybrid`` the rules say which cue a stretch belongs to. True when
    the run overlaps such a report but the tagger has no run on its cue (the stretch is that
    report's, and the report stays as the rules wrote it); False when it overlaps none."""
    span = _char_span(tokens, run)
    claimed = False
    for report in rules:
        if not report.get("cue"):
            continue
        held = [report.get("speaker_mention")] if run.role == "source" else report.get("parts") or [report["content"]]
        if any(_overlaps(span, part) for part in held):
            claimed = True
            cue = next((c for c in cues if _overlaps(_char_span(tokens, c), report.get("cue"))), None)
            if cue is not None:
                return cue
    return claimed


def link(
    tokens: Tokens, found: list[Run], rules: list[dict[str, Any]] | None = None
) -> list[tuple[Run, list[Run], Run | None]]:
    """(cue, contents, source) reports: every content and source run joins the cue run of the rules
    report it overlaps (when ``rules`` are given), else the cue run the parse hangs it on, else its
    nearest cue run (content may reach the sentence before or after)."""
    cues = [r for r in found if r.role == "cue"]
    sent, position = tokens.sent, tokens.position
    cue_at = {k: c for c in cues for k in range(c.first, c.last + 1)}
    contents: dict[int, list[Run]] = {id(c): [] for c in cues}
    sources: dict[int, list[Run]] = {id(c): [] for c in cues}
    for run in found:
        if run.role == "cue":
            continue
        reach = 1 if run.role == "content" else 0
        near = [c for c in cues if run.sent - reach <= c.sent <= sent[run.last] + reach]
        if not near:
            continue
        anchored = _rules_cue(tokens, run, near, rules) if rules else False
        if anchored is True:
            continue
        governing = anchored or _governing_cue(tokens, run, cues, cue_at, position)
        cue = governing if governing in near else min(near, key=lambda c: (_distance(run, c), c.first))
        (contents if run.role == "content" else sources)[id(cue)].append(run)
    return [
        (c, contents[id(c)], min(sources[id(c)], key=lambda s: _distance(s, c), default=None))
        for c in cues
        if contents[id(c)]
    ]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A content span without enclosing quotation marks and edge punctuation (sayso's schema)."""
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end


def _kind(text: str) -> str:
    raw = text.strip().rstrip(",.;:")
    marks = [ch for ch in raw if ch in QUOTE_MARKS and ch != "'"]
    if not marks:
        return "indirect"
    if raw[:1] in QUOTE_MARKS and raw[-1:] in QUOTE_MARKS:
        return "direct"
    return "mixed"


def _cue_class(tokens: Tokens, classes: dict[str, str], text: str) -> str | None:
    for t in tokens:
        cls = classes.get(t.lemma_.lower())
        if cls:
            return cls
    return "speech" if text.strip() in (":", "according to", "According to") else None


def _overlaps(a: Any, b: Any) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def _untagged(rules: list[dict[str, Any]], tagged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rules reports the tagger did not redraw, kept as the rules wrote them: those whose cue
    overlaps no tagged cue and whose content overlaps no tagged content (quotations that continue
    the running speaker, excerpts, reports the tagger missed), and those nested in a tagged content
    ("X said Y believes Z": the tagger gives a token one role, so it cannot draw the inner one)."""
    def held(report: dict[str, Any]) -> Any:
        return report.get("parts") or [report["content"]]

    def inside(span: Any, report: dict[str, Any]) -> bool:
        return span is not None and any(start <= span[0] and span[1] <= end for start, end in held(report))

    out = []
    for report in rules:
        if any(_overlaps(report.get("cue"), other["cue"]) for other in tagged):
            continue
        nested = any(inside(report.get("cue"), other) for other in tagged)
        if not nested and any(_overlaps(a, b) for a in held(report) for other in tagged for b in held(other)):
            continue
        out.append(report)
    return out


def _without_strays(tokens: Tokens, contents: list[Run], report: dict[str, Any], rules: list[dict[str, Any]]) -> list[Run]:
    """A hybrid report's content runs less the strays: when some of them lie in the content of the
    rules report on the same cue, a run that lies in no rules content at all (a stretch of the
    sentence before or after that joined the nearest cue) is left out, so that the report does not
    reach over its speaker and cue into the next sentence."""

    def within(run: Run, held: list[dict[str, Any]]) -> bool:
        span = _char_span(tokens, run)
        return any(_overlaps(span, part) for r in held for part in r.get("parts") or [r["content"]])

    if not any(within(run, [report]) for run in contents):
        return contents
    return [run for run in contents if within(run, rules)]


def reports(doc: Doc, mode: str, rules: list[dict[str, Any]], lexicon: dict[str, Any], weights: Weights | None = None) -> list[dict[str, Any]]:
    """The attributions of ``doc`` in sayso's record shape, found by the tagger in ``mode``.

    The speaker's name, role and organisation come from a rules report whose speaker mention the
    tagged source overlaps (the rules resolve pronouns and titles); otherwise a mention made of
    proper nouns names itself and any other stays unnamed."""
    if mode == "rules":
        return rules
    weights = weights or shipped(mode)
    classes = lexicon["classes"]
    tokens, labels = tag(doc, weights, classes, rules)
    text = text_of(doc)
    out = []
    for cue, contents, source in link(tokens, runs(tokens, labels), outermost(rules) if mode == "hybrid" else None):
        cue_span = _char_span(tokens, cue)
        cue_rule = next((r for r in rules if _overlaps(r.get("cue"), cue_span)), None)
        if mode == "hybrid":
            if cue_rule is None:
                continue  # in hybrid the rules say whether there is a report, the tagger where its spans lie
            contents = _without_strays(tokens, contents, cue_rule, rules)
        parts = [_trim(text, *_char_span(tokens, c)) for c in sorted(contents, key=lambda c: c.first)]
        parts = [p for p in parts if p[1] > p[0]]
        if not parts:
            continue
        raw = text[_char_span(tokens, contents[0])[0] : _char_span(tokens, contents[-1])[1]]
        # PolNeAR's sources often keep an apposition's closing comma ("Rendell, a Grant surrogate,"); sayso's mentions do not
        mention = _trim(text, *_char_span(tokens, source)) if source is not None else None
        if mention is None and mode == "hybrid" and cue_rule is not None and cue_rule.get("speaker_mention"):
            mention = cue_rule["speaker_mention"]  # a speaker the rules found beyond the sentence
        rule = next((r for r in rules if _overlaps(r.get("speaker_mention"), mention)), None)
        if rule is not None and mode == "hybrid":
            mention = rule["speaker_mention"]  # the rules' mention of the speaker the tagger found
        cue_tokens = tokens[cue.first : cue.last + 1]
        cue_class = cue_rule.get("cue_class") if cue_rule else _cue_class(cue_tokens, classes, text[slice(*cue_span)])
        speaker: dict[str, Any] = {"speaker_name": None, "speaker_role": None, "speaker_org": None, "speaker_type": None}
        if rule is not None:
            speaker = {key: rule.get(key) for key in speaker}
        elif source is not None and all(t.pos_ == "PROPN" for t in tokens[source.first : source.last + 1]):
            speaker["speaker_name"] = text[slice(*mention)]
        record = {
            "kind": _kind(raw),
            "content": [parts[0][0], parts[-1][1]],  # [start, end] lists, as the rules' records
            "parts": [list(p) for p in parts] if len(parts) > 1 else [],
            "cue": list(cue_span),
            "speaker_mention": list(mention) if mention is not None else None,
            **speaker,
            "rule": f"tagger-{mode}",
            "cue_class": cue_class,
        }
        out.append(record)
    if mode == "hybrid":
        out += _untagged(rules, out)
        out.sort(key=lambda r: (r["content"][0], r["content"][1]))  # the rules' order
    return out
