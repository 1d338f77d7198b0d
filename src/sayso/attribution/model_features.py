"""The attribution tagger's features: one sparse row of hashed indicator features per token.

Each feature is a string ``name=value|value…`` (the word, its tags and dependency, a ±2 window,
the quotation state, the lexicon cue verb it hangs under, the nearest cue verb, and in ``hybrid``
the role the rules gave it), hashed into ``HASH_FEATURES`` buckets the way scikit-learn's
``FeatureHasher`` hashes them. The values are built column-wise from the Doc's attribute arrays
and each distinct string is hashed once per document: building and hashing ~40 strings per token
in Python cost the tagger most of its time.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from murmurhash.mrmr import hash as murmurhash
from scipy import sparse
from spacy.attrs import (
    DEP,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_SPACE,
    IS_STOP,
    LEMMA,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SHAPE,
    TAG,
)
from spacy.tokens import Doc

HASH_FEATURES = 2**18
OPENING, CLOSING = "“‘«„", "”’»"
QUOTE_STATES = ("out", "in", "open", "close")
BUCKETS = ("0", "1", "2", "3", "4-7", "8+")
RULE_ROLES = ("none", "cue", "source", "content")  # "none": the rules gave the token no role
ROLE_ORDER = {"cue": 0, "source": 1, "content": 2}  # a token in two rule spans takes the first
EDGE = "<>"  # a window position beyond the document


class Column:
    """A token attribute as codes into a table of its string values (one code per token)."""

    __slots__ = ("codes", "table")

    def __init__(self, codes: np.ndarray, table: list[str]) -> None:
        self.codes, self.table = codes, table

    def with_value(self, value: str) -> tuple[Column, int]:
        """The column with ``value`` added to its table, and that value's code."""
        if value in self.table:
            return self, self.table.index(value)
        return Column(self.codes, [*self.table, value]), len(self.table)

    def shifted(self, offset: int) -> Column:
        """The value ``offset`` tokens away, ``EDGE`` beyond the ends."""
        column, edge = self.with_value(EDGE)
        codes = np.full(len(self.codes), edge, dtype=np.int64)
        n = len(codes)
        if offset < 0:
            codes[-offset:] = self.codes[: n + offset]
        else:
            codes[: n - offset] = self.codes[offset:]
        return Column(codes, column.table)


def _strings(doc: Doc, ids: np.ndarray, transform: Any = None) -> Column:
    """A column of StringStore values (``transform`` applied to each distinct one)."""
    unique, codes = np.unique(ids, return_inverse=True)
    strings = doc.vocab.strings
    table = [strings[int(u)] for u in unique]
    return Column(codes.astype(np.int64), [transform(s) for s in table] if transform else table)


def _fixed(codes: np.ndarray, table: tuple[str, ...] | list[str]) -> Column:
    return Column(np.asarray(codes, dtype=np.int64), list(table))


# Buckets of the feature values met so far, per template (hashing is most of a feature's cost and
# the common values recur in every document); a template's table is emptied when it grows large.
_BUCKETS: dict[str, dict[str, int]] = {}
_BUCKETS_PER_TEMPLATE = 50_000


class _Rows:
    """Hashed features per token, gathered template by template (each value hashed once)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.rows: list[np.ndarray] = []
        self.columns: list[np.ndarray] = []  # buckets; -1 - k for the k-th of ``unhashed``
        self.unhashed: list[tuple[str, str]] = []

    def _buckets(self, name: str, values: list[str]) -> np.ndarray:
        known = _BUCKETS.setdefault(name, {})
        if len(known) > _BUCKETS_PER_TEMPLATE:
            known.clear()
        found = [known.get(value) for value in values]
        for k, bucket in enumerate(found):
            if bucket is None:
                found[k] = -1 - len(self.unhashed)
                self.unhashed.append((name, values[k]))
        return np.array(found, dtype=np.int64)

    def add(self, name: str, *columns: Column, mask: np.ndarray | None = None) -> None:
        """``name=a|b|…`` for every token (where ``mask``), from the columns' values."""
        if len(columns) == 1 and mask is None:
            self.rows.append(np.arange(self.n))
            self.columns.append(self._buckets(name, columns[0].table)[columns[0].codes])
            return
        rows = np.arange(self.n) if mask is None else np.flatnonzero(mask)
        if not len(rows):
            return
        key = np.zeros(len(rows), dtype=np.int64)
        for column in columns:
            key = key * len(column.table) + column.codes[rows]
        unique, inverse = np.unique(key, return_inverse=True)
        values = []
        for k in unique.tolist():
            parts = []
            for column in reversed(columns):
                k, code = divmod(k, len(column.table))
                parts.append(column.table[code])
            values.append("|".join(reversed(parts)))
        self.rows.append(rows)
        self.columns.append(self._buckets(name, values)[inverse.reshape(-1)])

    def constant(self, feature: str, rows: np.ndarray) -> None:
        """``feature`` as it stands, once per entry of ``rows`` (token positions, repeats allowed)."""
        if len(rows):
            self.rows.append(np.asarray(rows, dtype=np.int64))
            self.columns.append(np.repeat(self._buckets("", [feature]), len(rows)))

    def matrix(self) -> sparse.csr_matrix:
        if not self.rows:
            return sparse.csr_matrix((self.n, HASH_FEATURES), dtype=np.float32)
        rows, columns = np.concatenate(self.rows), np.concatenate(self.columns)
        if self.unhashed:
            buckets = hashed([f"{name}={value}" if name else value for name, value in self.unhashed])
            for (name, value), bucket in zip(self.unhashed, buckets.tolist(), strict=True):
                _BUCKETS[name][value] = bucket
            pending = columns < 0
            columns[pending] = buckets[-1 - columns[pending]]
        x = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=(self.n, HASH_FEATURES), dtype=np.float32
        )
        x.sum_duplicates()  # summed and sorted, as FeatureHasher leaves its rows
        return x


def hashed(strings: list[str]) -> np.ndarray:
    """The bucket of each feature string as scikit-learn's FeatureHasher puts it (signed 32-bit
    MurmurHash3, seed 0, its absolute value modulo the buckets), through spaCy's own murmurhash:
    importing scikit-learn would cost the pipeline some 60 MB of memory."""
    edge = (2147483647 - (HASH_FEATURES - 1)) % HASH_FEATURES  # FeatureHasher's bucket for -2**31
    out = [edge if h == -2147483648 else abs(h) % HASH_FEATURES for h in map(murmurhash, strings)]
    return np.array(out, dtype=np.int64)


def quote_states(texts: list[str]) -> np.ndarray:
    """out / in / open / close per token (codes into ``QUOTE_STATES``), scanning quotation marks."""
    state = np.zeros(len(texts), dtype=np.int64)
    inside, previous = False, 0
    for k, text in enumerate(texts):
        opening = text in OPENING or (text == '"' and not inside)
        closing = not opening and (text in CLOSING or text == '"')
        if opening or closing:
            state[previous:k] = 1 if inside else 0
            state[k] = 2 if opening else 3
            inside, previous = opening, k + 1
    state[previous:] = 1 if inside else 0
    return state


def rule_roles(starts: np.ndarray, rules: list[dict[str, Any]], classes: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Codes of the (role, position, cue class) the rules give each token: role in ``RULE_ROLES``,
    position in ``("-", "s", "b", "e", "i")`` (single, begin, end, inside), cue class in ``classes``
    (extended with the classes the rules use)."""
    n = len(starts)
    role, where, cls = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    spans = []
    for a in outermost(rules):
        name = a.get("cue_class") or "none"
        if name not in classes:
            classes.append(name)
        for part in a.get("parts") or [a["content"]]:
            spans.append(("content", tuple(part), classes.index(name)))
        if a.get("cue"):
            spans.append(("cue", tuple(a["cue"]), classes.index(name)))
        if a.get("speaker_mention"):
            spans.append(("source", tuple(a["speaker_mention"]), classes.index(name)))
    for name, (start, end), code in sorted(spans, key=lambda s: ROLE_ORDER[s[0]]):
        lo, hi = int(np.searchsorted(starts, start)), int(np.searchsorted(starts, end))
        if hi <= lo:
            continue
        free = role[lo:hi] == 0
        position = np.full(hi - lo, 4)
        position[0], position[-1] = 2, 3
        if hi - lo == 1:
            position[0] = 1
        role[lo:hi][free] = RULE_ROLES.index(name)
        where[lo:hi][free] = position[free]
        cls[lo:hi][free] = code
    return role, where, cls


def outermost(attributions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reports whose cue lies in no other report's content (one role per token, as PolNeAR)."""

    reports = [b for b in attributions if b["kind"] != "excerpt"]
    pieces = [(k, *piece) for k, b in enumerate(reports) for piece in b.get("parts") or [b["content"]]]
    if not pieces:
        return list(attributions)
    owner, first, last = np.array(pieces, dtype=np.int64).T

    def nested(a: dict[str, Any]) -> bool:
        cue = a.get("cue")
        if not cue:
            return False
        holders = owner[(first <= cue[0]) & (cue[1] <= last)].tolist()
        return any(reports[k] is not a for k in holders)

    return [a for a in attributions if not nested(a)]


def _bucket(distance: np.ndarray) -> np.ndarray:
    """Codes into ``BUCKETS``: 0-3 as they are, 4-7, 8 and over."""
    return np.where(distance < 4, distance, np.where(distance < 8, 4, 5))


def feature_matrix(doc: Doc, classes: dict[str, str], rules: list[dict[str, Any]] | None) -> sparse.csr_matrix:
    """One row of hashed features per non-space token of ``doc``; the rules' roles are features
    only when ``rules`` is given."""
    array = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, HEAD, SHAPE, IS_ALPHA, IS_STOP, IS_SPACE, SENT_START, IDX, ORTH])
    lower_ids, lemma_ids, pos_ids, tag_ids, dep_ids, head_ids, shape_ids = (array[:, j] for j in range(7))
    is_alpha, is_stop, is_space = (array[:, j].astype(bool) for j in (7, 8, 9))
    keep = np.flatnonzero(~is_space)  # the tagged tokens' positions in the Doc
    n = len(keep)
    rows = _Rows(n)
    everywhere = np.arange(len(array))
    head = everywhere + head_ids.view(np.int64)

    lemma = _strings(doc, lemma_ids, str.lower)
    pos, dep = _strings(doc, pos_ids), _strings(doc, dep_ids)
    cue_class = [classes.get(value) for value in lemma.table]
    is_cue = np.array([c is not None for c in cue_class], dtype=bool)[lemma.codes] & np.isin(
        pos.codes, [k for k, value in enumerate(pos.table) if value in ("VERB", "AUX")]
    )

    def own(column: Column, positions: np.ndarray = keep) -> Column:
        return Column(column.codes[positions], column.table)

    word = own(_strings(doc, lower_ids))
    texts = [doc.vocab.strings[int(i)] for i in array[keep, 12]]
    quote = _fixed(quote_states(texts), QUOTE_STATES)
    starts_sentence = array[keep, 10].view(np.int64) > 0
    starts_sentence[:1] = True
    sent = np.cumsum(starts_sentence) - 1
    ends_sentence = np.append(starts_sentence[1:], True)
    truth = ("False", "True")

    rows.constant("b", np.arange(n))
    rows.add("w", word)
    rows.add("l", own(lemma))
    rows.add("p", own(pos))
    rows.add("t", own(_strings(doc, tag_ids)))
    rows.add("d", own(dep))
    rows.add("s", own(_strings(doc, shape_ids, lambda s: s[:4])))
    rows.add("q", quote)
    rows.add("dq", own(dep), quote)
    rows.add("hl", own(lemma, head[keep]))
    rows.add("hd", own(dep, head[keep]))
    rows.add("dh", own(dep), own(pos, head[keep]))
    rows.add("ss", _fixed(starts_sentence, truth))
    rows.add("se", _fixed(ends_sentence, truth))
    for offset in (-2, -1, 1, 2):
        rows.add(f"w{offset}", word.shifted(offset))
        rows.add(f"p{offset}", own(pos).shifted(offset))
        rows.add(f"q{offset}", quote.shifted(offset))
    rows.add("pp", own(pos).shifted(-1), own(pos))

    # the lexicon class of the token's lemma, and the dependencies of its children
    classes_seen = sorted({c for c in cue_class if c is not None})
    class_codes = np.array([classes_seen.index(c) if c else -1 for c in cue_class], dtype=np.int64)[lemma.codes]
    classed = class_codes[keep] >= 0
    rows.add("c", _fixed(class_codes[keep], classes_seen), own(pos), mask=classed)
    children = np.flatnonzero((head != everywhere) & (class_codes[head] >= 0) & ~is_space[head])
    position = np.full(len(array), -1, dtype=np.int64)
    position[keep] = np.arange(n)
    for code in np.unique(dep.codes[children]).tolist():
        rows.constant(f"cc={dep.table[code]}", position[head[children[dep.codes[children] == code]]])

    # the nearest lexicon cue verb above the token, by which dependency and how many steps up
    ancestry, self_code = Column(dep.codes, dep.table).with_value("self")
    verb = np.where(is_cue[keep], keep, -1)
    via = np.full(n, self_code, dtype=np.int64)
    steps = np.zeros(n, dtype=np.int64)
    current, active = keep.copy(), ~is_cue[keep]
    for step in range(1, 8):
        active &= head[current] != current
        came_by = dep.codes[current]
        current = np.where(active, head[current], current)
        hit = active & is_cue[current]
        verb[hit], via[hit], steps[hit] = current[hit], came_by[hit], step
        active &= ~hit
    found = verb >= 0
    via_column = Column(via, ancestry.table)
    verb_at = np.where(found, verb, 0)
    side = _fixed(np.where(keep < verb_at, 0, np.where(keep > verb_at, 1, 2)), ("l", "r", "0"))
    rows.add("a", _fixed(class_codes[verb_at], classes_seen), via_column, _fixed(_bucket(steps), BUCKETS), mask=found)
    rows.add("al", Column(lemma.codes[verb_at], lemma.table), via_column, mask=found)
    rows.add("ad", via_column, own(dep), mask=found)
    rows.add("ar", side, via_column, mask=found)

    # the nearest cue verb of the sentence (the earlier on a tie)
    cue_at = np.flatnonzero(is_cue[keep])
    here = np.arange(n)
    if len(cue_at):
        at = np.searchsorted(cue_at, here)
        before, after = cue_at[np.maximum(at - 1, 0)], cue_at[np.minimum(at, len(cue_at) - 1)]
        near = np.where(np.abs(after - here) < np.abs(before - here), after, before)
        same = sent[near] == sent
    else:
        near, same = here, np.zeros(n, dtype=bool)
    side = _fixed(np.where(here < near, 0, np.where(here > near, 1, 2)), ("l", "r", "0"))
    rows.add("n", side, _fixed(_bucket(np.abs(here - near)), BUCKETS), mask=same)
    rows.add("nq", side, quote, mask=same)
    rows.constant("n=none", np.flatnonzero(~same))

    if rules is not None:
        rule_classes = ["-"]
        role_codes, where_codes, class_of_role = rule_roles(array[keep, 11].view(np.int64), rules, rule_classes)
        role = _fixed(role_codes, RULE_ROLES)
        kept_word = np.where(~is_alpha[keep] | is_stop[keep], word.codes, len(word.table))
        rows.add("r", role)
        rows.add("rw", role, _fixed(where_codes, ("-", "s", "b", "e", "i")))
        rows.add("rc", role, _fixed(class_of_role, rule_classes))
        rows.add("rpn", role.shifted(-1), role, role.shifted(1))
        rows.add("rpw", role.shifted(-1), role, role.shifted(1), _fixed(kept_word, [*word.table, "_"]))
        rows.add("rq", role, quote)
    return rows.matrix()
