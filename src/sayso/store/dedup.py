"""Reprints: MinHash/LSH fingerprints that make forty carriers of one wire story one origin.

Documents are compared by word shingles, passages (attribution content, assessment sentences) by
character shingles; the settings come from ``data/reprints.v1.json``. An index lives in the
writer's memory and catches up from the store (``id > last_seen``) inside each write
transaction, so several writers (serialised by the store's lock) all see each other's rows, and
a rolled-back document never leaves a ghost fingerprint behind.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import ColumnElement, Connection, Table, select

from sayso.errors import ConfigError

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ShingleRule:
    shingle: str  # "word" | "char"
    size: int
    threshold: float
    min_words: int


@dataclass(frozen=True, slots=True)
class Settings:
    num_perm: int
    scheme: str
    document: ShingleRule
    passage: ShingleRule
    topic_similarity: float
    topic_min_word_length: int
    topic_stopwords: frozenset[str]


@functools.cache
def load_settings(name: str = "reprints.v1.json") -> Settings:
    """The reprint-detection settings (versioned data file)."""
    try:
        data: dict[str, Any] = json.loads(resources.files("sayso.data").joinpath(name).read_text("utf-8"))
        return Settings(
            num_perm=int(data["num_perm"]),
            scheme=str(data["scheme"]),
            document=ShingleRule(**data["document"]),
            passage=ShingleRule(**data["passage"]),
            topic_similarity=float(data["supersession"]["topic_similarity"]),
            topic_min_word_length=int(data["supersession"]["min_word_length"]),
            topic_stopwords=frozenset(data["supersession"]["stopwords"]),
        )
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise ConfigError(f"reprint settings {name!r} are unreadable: {error}") from error


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def fingerprint(text: str, rule: ShingleRule) -> bytes | None:
    """The MinHash signature of ``text`` as bytes, or None when it is too short to compare fairly."""
    tokens = words(text)
    if len(tokens) < rule.min_words:
        return None
    if rule.shingle == "word":
        grams = {" ".join(tokens[i : i + rule.size]) for i in range(max(1, len(tokens) - rule.size + 1))}
    else:
        joined = " ".join(tokens)
        grams = {joined[i : i + rule.size] for i in range(max(1, len(joined) - rule.size + 1))}
    minhash = _template().copy()
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return minhash.hashvalues.tobytes()


@functools.cache
def _template() -> MinHash:
    """An empty MinHash whose permutations every signature shares (building them is the slow part)."""
    settings = load_settings()
    return MinHash(num_perm=settings.num_perm, scheme=settings.scheme)


def _values(signature: bytes) -> np.ndarray:
    return np.frombuffer(signature, dtype=np.uint32)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(_values(a) == _values(b)))


class ReprintIndex:
    """Near-duplicate lookup over one table's stored fingerprints (documents, attributions or assessments)."""

    def __init__(self, table: Table, rule: ShingleRule, key: ColumnElement[Any] | None = None) -> None:
        """``key`` is a column (expression) of ``table`` that must also agree (an assessment's band:
        "likely" is not a reprint of "unlikely", however similar the sentences)."""
        settings = load_settings()
        self.table = table
        self.rule = rule
        self.key = key
        self.keys: dict[int, Any] = {}
        self.scheme = settings.scheme
        self.num_perm = settings.num_perm
        self.lsh = MinHashLSH(threshold=rule.threshold, num_perm=settings.num_perm)
        self.signatures: dict[int, bytes] = {}
        self.origins: dict[int, int] = {}
        self.last_id = 0

    def _minhash(self, signature: bytes) -> MinHash:
        template = _template()
        return MinHash(
            num_perm=self.num_perm, scheme=self.scheme, hashvalues=_values(signature).copy(),
            permutations=template.permutations,
        )

    def refresh(self, conn: Connection) -> None:
        """Load the fingerprints stored since the last refresh (call inside the write transaction)."""
        t = self.table
        key = self.key if self.key is not None else t.c.id
        rows = conn.execute(
            select(t.c.id, t.c.origin_id, t.c.minhash, key)
            .where(t.c.id > self.last_id, t.c.minhash.is_not(None))
            .order_by(t.c.id)
        )
        for row_id, origin_id, signature, value in rows:
            self.keys[row_id] = value
            self.signatures[row_id] = bytes(signature)
            self.origins[row_id] = origin_id or row_id
            self.lsh.insert(row_id, self._minhash(bytes(signature)))
        last = conn.execute(select(t.c.id).order_by(t.c.id.desc()).limit(1)).scalar()
        self.last_id = max(self.last_id, last or 0)

    def origin_of(self, signature: bytes | None, key: Any = None) -> int | None:
        """The origin id of the earliest stored near-duplicate (with the same ``key``), or None when new."""
        if signature is None:
            return None
        found = [
            self.origins[c]
            for c in self.lsh.query(self._minhash(signature))
            if similarity(signature, self.signatures[c]) >= self.rule.threshold
            and (self.key is None or self.keys[c] == key)
        ]
        return min(found) if found else None


def topic_words(text: str) -> frozenset[str]:
    """The content words of an assessment's topic, for deciding whether two assessments ask the same question."""
    settings = load_settings()
    return frozenset(
        w for w in words(text) if len(w) >= settings.topic_min_word_length and w not in settings.topic_stopwords
    )


def same_question(a: str, b: str) -> bool:
    """Whether two topics are the same question: Jaccard of their content words reaches the threshold."""
    left, right = topic_words(a), topic_words(b)
    if not left or not right:
        return False
    return len(left & right) / len(left | right) >= load_settings().topic_similarity
