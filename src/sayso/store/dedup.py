"""Reprints: MinHash/LSH fingerprints that make forty carriers of one wire story one origin.

Documents are compared by word shingles, passages (attribution content, assessment sentences) by
character shingles; the settings come from ``data/reprints.v1.json``. Each fingerprint's LSH
bands are stored beside it (``reprint_bands``) in the same transaction, so the lookup is an
indexed query: the writer's memory does not grow with the corpus, several writers (serialised by
the store's lock) all see each other's rows, and a rolled-back document leaves no ghost behind.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import ColumnElement, Connection, Table, func, insert, select

from sayso.errors import ConfigError
from sayso.store import schema

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


# What must agree for an assessment to reprint another: its band, or for one without a band what it
# is ("may" is not a reprint of "we judge", nor of "likely").
_READING = func.coalesce(schema.assessments.c.band, schema.assessments.c.category)


@functools.cache
def _band_ranges(threshold: float, num_perm: int) -> tuple[tuple[int, int], ...]:
    """The LSH bands (``start:end`` slices of a signature's values) that MinHashLSH picks for
    ``threshold``: two signatures are compared when they agree on every value of one band."""
    return tuple(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)


class ReprintIndex:
    """Near-duplicate lookup over one table's fingerprints (documents, attributions or assessments).

    The LSH bands live in the store (``reprint_bands``, written in the same transaction as the rows
    they index), not in memory, so a writer's memory stays flat however large the corpus; every
    writer sees every committed row, and a rolled-back document leaves no band behind.
    """

    def __init__(self, table: Table, rule: ShingleRule, key: ColumnElement[Any] | None = None) -> None:
        """``key`` is a column (expression) of ``table`` that must also agree (an assessment's band:
        "likely" is not a reprint of "unlikely", however similar the sentences)."""
        self.table = table
        self.rule = rule
        self.key = key
        self.ranges = _band_ranges(rule.threshold, load_settings().num_perm)

    def bands(self, signature: bytes) -> list[bytes]:
        """The signature's band keys: the band's number, then its values' bytes (exact, so the
        candidates are exactly the rows MinHashLSH would return)."""
        values = _values(signature)
        return [bytes([i]) + values[start:end].tobytes() for i, (start, end) in enumerate(self.ranges)]

    def add(self, conn: Connection, rows: Iterable[tuple[int, bytes | None]]) -> None:
        """Index the ``(id, signature)`` rows just inserted (call in the transaction that inserted them)."""
        bands = [
            {"kind": self.table.name, "band": band, "row_id": row_id}
            for row_id, signature in rows
            if signature is not None
            for band in self.bands(signature)
        ]
        if bands:
            conn.execute(insert(schema.reprint_bands), bands)

    def add_stored(self, conn: Connection, page: int = 1000) -> None:
        """Index every fingerprint already in the table, a page at a time (migration 0008)."""
        t, last = self.table, 0
        while rows := conn.execute(
            select(t.c.id, t.c.minhash).where(t.c.id > last, t.c.minhash.is_not(None)).order_by(t.c.id).limit(page)
        ).all():
            self.add(conn, [(row_id, bytes(signature)) for row_id, signature in rows])
            last = rows[-1][0]

    def origin_of(self, conn: Connection, signature: bytes | None, key: Any = None) -> int | None:
        """The origin id of the earliest stored near-duplicate (with the same ``key``), or None when new."""
        if signature is None:
            return None
        t, b = self.table, schema.reprint_bands
        rows = conn.execute(
            select(t.c.id, t.c.origin_id, t.c.minhash, self.key if self.key is not None else t.c.id)
            .join_from(b, t, b.c.row_id == t.c.id)
            .where(b.c.kind == t.name, b.c.band.in_(self.bands(signature)))
        )
        found = {
            row_id: origin_id or row_id
            for row_id, origin_id, stored, value in rows
            if similarity(signature, bytes(stored)) >= self.rule.threshold and (self.key is None or value == key)
        }
        return min(found.values()) if found else None

    def consistent(self, conn: Connection) -> str | None:
        """A problem line when the table's fingerprints and their stored bands disagree in number."""
        t, b = self.table, schema.reprint_bands
        fingerprints = conn.execute(select(func.count()).where(t.c.minhash.is_not(None))).scalar_one()
        bands = conn.execute(select(func.count()).where(b.c.kind == t.name)).scalar_one()
        if bands != fingerprints * len(self.ranges):
            return f"reprint index has {bands} {t.name} bands, expected {fingerprints * len(self.ranges)}"
        return None


def reprint_indexes() -> tuple[ReprintIndex, ReprintIndex, ReprintIndex]:
    """The documents', attributions' and assessments' indexes, with the rules that fingerprint them."""
    settings = load_settings()
    return (
        ReprintIndex(schema.documents, settings.document),
        ReprintIndex(schema.attributions, settings.passage),
        ReprintIndex(schema.assessments, settings.passage, key=_READING),
    )


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
