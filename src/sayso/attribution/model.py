"""The trained attribution tagger: one role per token (source, cue, content), decoded into reports.

PolNeAR gives every token at most one role, so attribution is a tag sequence (BIO over three
roles). A linear classifier over hashed features of the parse reads each token: its words, tags
and dependencies, where it hangs under a lexicon cue verb, whether it is inside quotation marks,
and (``hybrid``) the role the rules gave it and its neighbours. The tagged runs are then joined
into reports: each content and source run goes to the cue run the parse hangs it on, else the
nearest cue run of its sentence (a content may take one in the sentence before or after). In
``hybrid`` the rules say whether there is a report and the tagger where its spans lie: tagged
reports stand only on cues the rules found, and rules reports the tagger did not redraw stay. Weights are plain arrays in ``sayso.models``
(``attribution-model.npz``, ``attribution-hybrid.npz``), written by ``sayso train attribution``.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from sayso.errors import ConfigError

MODES = ("rules", "model", "hybrid")
ROLES = ("source", "cue", "content")
LABELS = ("O", *(f"{prefix}-{role}" for role in ROLES for prefix in ("B", "I")))
HASH_FEATURES = 2**18
FEATURE_VERSION = 1
OPENING, CLOSING, EITHER = "“‘«„", "”’»", "\"'"
QUOTE_MARKS = OPENING + CLOSING + EITHER
EDGE_CHARS = " \n\t,;:—–-" + QUOTE_MARKS
ROLE_ORDER = {"cue": 0, "source": 1, "content": 2}  # a token in two rule spans takes the first


def weights_file(mode: str) -> str:
    return f"attribution-{mode}.npz"


# ---------------------------------------------------------------------------------------------
# Features


def _quote_state(tokens: list[Token]) -> list[str]:
    """in / out / open / close per token, scanning quotation marks paragraph by paragraph."""
    state, inside = [], False
    for t in tokens:
        if "\n" in t.text_with_ws and t.is_space:
            inside = False
        if t.text in OPENING or (t.text in EITHER and not inside and t.text == '"'):
            state.append("open")
            inside = True
        elif t.text in CLOSING or (t.text == '"' and inside):
            state.append("close")
            inside = False
        else:
            state.append("in" if inside else "out")
    return state


def _cue_ancestor(token: Token, classes: dict[str, str]) -> tuple[Token, str, int] | None:
    """The nearest ancestor (or the token itself) that is a lexicon cue verb, the dependency by
    which the path reaches it, and how many steps up it is."""
    if token.lemma_.lower() in classes and token.pos_ in ("VERB", "AUX"):
        return token, "self", 0
    current = token
    for steps in range(1, 8):
        if current.head is current:
            return None
        dep, current = current.dep_, current.head
        if current.lemma_.lower() in classes and current.pos_ in ("VERB", "AUX"):
            return current, dep, steps
    return None


def _nearest(positions: list[int], k: int) -> int | None:
    """The sorted ``positions`` entry closest to ``k`` (the earlier one on a tie), by bisection."""
    at = bisect.bisect_left(positions, k)
    around = positions[max(at - 1, 0) : at + 1]
    return min(around, key=lambda c: abs(c - k), default=None)


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8+"


def sentence_ids(tokens: list[Token]) -> list[int]:
    """The index of each token's sentence (``Token.sent`` builds a Span per call: too slow per token)."""
    ids, n = [], -1
    for t in tokens:
        if t.is_sent_start or n < 0:
            n += 1
        ids.append(n)
    return ids


def rule_roles(tokens: list[Token], rules: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(role, position, cue class) the rules give each token: position b(egin)/i(nside)/e(nd)/s(ingle)."""
    starts = [t.idx for t in tokens]
    roles: list[tuple[str, str, str] | None] = [None] * len(tokens)
    spans = []
    for a in outermost(rules):
        cls = a.get("cue_class") or "none"
        for part in a.get("parts") or [a["content"]]:
            spans.append(("content", tuple(part), cls))
        if a.get("cue"):
            spans.append(("cue", tuple(a["cue"]), cls))
        if a.get("speaker_mention"):
            spans.append(("source", tuple(a["speaker_mention"]), cls))
    for role, (start, end), cls in sorted(spans, key=lambda s: ROLE_ORDER[s[0]]):
        lo = np.searchsorted(starts, start)
        hi = np.searchsorted(starts, end)
        for k in range(lo, hi):
            if roles[k] is None:
                where = "s" if hi - lo == 1 else "b" if k == lo else "e" if k == hi - 1 else "i"
                roles[k] = (role, where, cls)
    return [r or ("none", "-", "-") for r in roles]


def outermost(attributions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reports whose cue lies in no other report's content (one role per token, as PolNeAR)."""

    def inside(cue: Any, other: dict[str, Any]) -> bool:
        return any(s <= cue[0] and cue[1] <= e for s, e in other.get("parts") or [other["content"]])

    reports = [b for b in attributions if b["kind"] != "excerpt"]
    return [a for a in attributions if not a.get("cue") or not any(b is not a and inside(a["cue"], b) for b in reports)]


def features(tokens: list[Token], classes: dict[str, str], rules: list[dict[str, Any]] | None) -> list[list[str]]:
    """One list of feature strings per token; the rules' roles are features only when ``rules`` is given."""
    quote = _quote_state(tokens)
    n = len(tokens)
    words = [t.lower_ for t in tokens]
    pos = [t.pos_ for t in tokens]
    cue_at = [k for k, t in enumerate(tokens) if t.lemma_.lower() in classes and t.pos_ in ("VERB", "AUX")]
    roles = rule_roles(tokens, rules) if rules is not None else None
    sent = sentence_ids(tokens)
    sent_start = [k == 0 or sent[k] != sent[k - 1] for k in range(n)]
    out = []
    for k, t in enumerate(tokens):
        w = words[k]
        f = [
            "b", f"w={w}", f"l={t.lemma_.lower()}", f"p={pos[k]}", f"t={t.tag_}", f"d={t.dep_}",
            f"s={t.shape_[:4]}", f"q={quote[k]}", f"dq={t.dep_}|{quote[k]}",
            f"hl={t.head.lemma_.lower()}", f"hd={t.head.dep_}", f"dh={t.dep_}|{t.head.pos_}",
            f"ss={sent_start[k]}", f"se={k + 1 == n or sent_start[k + 1]}",
        ]
        for off in (-2, -1, 1, 2):
            j = k + off
            f.append(f"w{off}={words[j] if 0 <= j < n else '<>'}")
            f.append(f"p{off}={pos[j] if 0 <= j < n else '<>'}")
            f.append(f"q{off}={quote[j] if 0 <= j < n else '<>'}")
        f.append(f"pp={pos[k - 1] if k else '<>'}|{pos[k]}")
        cls = classes.get(t.lemma_.lower())
        if cls:
            f.append(f"c={cls}|{t.pos_}")
            f.extend(f"cc={c.dep_}" for c in t.children)
        found = _cue_ancestor(t, classes)
        if found is not None:
            verb, dep, steps = found
            vc = classes[verb.lemma_.lower()]
            f += [f"a={vc}|{dep}|{_bucket(steps)}", f"al={verb.lemma_.lower()}|{dep}", f"ad={dep}|{t.dep_}",
                  f"ar={'l' if t.i < verb.i else 'r' if t.i > verb.i else '0'}|{dep}"]
        near = _nearest(cue_at, k)
        if near is not None and sent[near] == sent[k]:
            side = "l" if k < near else "r" if k > near else "0"
            f.append(f"n={side}|{_bucket(abs(k - near))}")
            f.append(f"nq={side}|{quote[k]}")
        else:
            f.append("n=none")
        if roles is not None:
            role, where, rcls = roles[k]
            prev = roles[k - 1][0] if k else "<>"
            nxt = roles[k + 1][0] if k + 1 < n else "<>"
            f += [f"r={role}", f"rw={role}|{where}", f"rc={role}|{rcls}", f"rpn={prev}|{role}|{nxt}",
                  f"rpw={prev}|{role}|{nxt}|{w if not t.is_alpha or t.is_stop else '_'}",
                  f"rq={role}|{quote[k]}"]
        out.append(f)
    return out


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
    np.savez_compressed(path, coef=weights.coef.astype(np.float16), transitions=weights.transitions.astype(np.float32),
                        meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))


def load(path: Any) -> Weights:
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(data["meta"].tobytes().decode())
        if meta["feature_version"] != FEATURE_VERSION or meta["hash_features"] != HASH_FEATURES:
            raise ConfigError(f"{path} was trained with other features; rebuild it with `sayso train attribution`")
        return Weights(data["coef"].astype(np.float32), data["transitions"], meta["uses_rules"], tuple(meta["labels"]))


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
    for k in range(1, n):
        total = score[:, None] + trans
        back[k] = total.argmax(axis=0)
        score = total.max(axis=0) + emissions[k]
    path = np.empty(n, dtype=np.int64)
    path[-1] = int(score.argmax())
    for k in range(n - 1, 0, -1):
        path[k - 1] = back[k, path[k]]
    return path


@lru_cache(maxsize=2)
def shipped(mode: str) -> Weights:
    from sayso.models import weights_path

    return load(weights_path(weights_file(mode)))


def hasher() -> Any:
    from sklearn.feature_extraction import FeatureHasher

    return FeatureHasher(n_features=HASH_FEATURES, input_type="string", alternate_sign=False, dtype=np.float32)


def tag(doc: Doc, weights: Weights, classes: dict[str, str], rules: list[dict[str, Any]]) -> tuple[list[Token], list[str]]:
    """The non-space tokens of ``doc`` and a BIO label for each."""
    tokens = [t for t in doc if not t.is_space]
    if not tokens:
        return tokens, []
    x = hasher().transform(features(tokens, classes, rules if weights.uses_rules else None))
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


def runs(tokens: list[Token], labels: list[str]) -> list[Run]:
    """Maximal runs of one role; a B- label starts a new run, an I- after another role does too."""
    sent = sentence_ids(tokens)
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


def _char_span(tokens: list[Token], run: Run) -> tuple[int, int]:
    return tokens[run.first].idx, tokens[run.last].idx + len(tokens[run.last])


def _distance(a: Run, b: Run) -> int:
    return max(a.first - b.last, b.first - a.last, 0)


def _governing_cue(
    tokens: list[Token], run: Run, cues: list[Run], cue_at: dict[int, Run], position: dict[int, int]
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


def _rules_cue(tokens: list[Token], run: Run, cues: list[Run], rules: list[dict[str, Any]]) -> Run | bool:
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
    tokens: list[Token], found: list[Run], rules: list[dict[str, Any]] | None = None
) -> list[tuple[Run, list[Run], Run | None]]:
    """(cue, contents, source) reports: every content and source run joins the cue run of the rules
    report it overlaps (when ``rules`` are given), else the cue run the parse hangs it on, else its
    nearest cue run (content may reach the sentence before or after)."""
    cues = [r for r in found if r.role == "cue"]
    sent = sentence_ids(tokens)
    position = {t.i: k for k, t in enumerate(tokens)}
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


def _cue_class(tokens: list[Token], classes: dict[str, str], text: str) -> str | None:
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
    text = doc.text
    out = []
    for cue, contents, source in link(tokens, runs(tokens, labels), outermost(rules) if mode == "hybrid" else None):
        cue_span = _char_span(tokens, cue)
        parts = [_trim(text, *_char_span(tokens, c)) for c in sorted(contents, key=lambda c: c.first)]
        parts = [p for p in parts if p[1] > p[0]]
        if not parts:
            continue
        raw = text[_char_span(tokens, contents[0])[0] : _char_span(tokens, contents[-1])[1]]
        # PolNeAR's sources often keep an apposition's closing comma ("Rendell, a Grant surrogate,"); sayso's mentions do not
        mention = _trim(text, *_char_span(tokens, source)) if source is not None else None
        cue_rule = next((r for r in rules if _overlaps(r.get("cue"), cue_span)), None)
        if mode == "hybrid" and cue_rule is None:
            continue  # in hybrid the rules say whether there is a report, the tagger where its spans lie
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
