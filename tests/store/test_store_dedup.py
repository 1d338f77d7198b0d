"""Reprint detection: near-duplicates share an origin, different texts and short stock phrases do not."""

from __future__ import annotations

import random

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from sqlalchemy import select

from sayso.store import schema
from sayso.store.database import open_store
from sayso.store.dedup import ShingleRule, fingerprint, load_settings, same_question, similarity
from sayso.store.writer import Writer, check

QUOTE = "we will not withdraw a single unit from the eastern bank until the shelling of the villages stops"


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        (QUOTE, QUOTE.replace("single", "lone"), True),
        (QUOTE, QUOTE + " completely", True),
        (QUOTE, QUOTE.upper(), True),
        (QUOTE, "the harvest this autumn was the largest in a decade across the southern provinces", False),
        (QUOTE, "we will not comment on operational matters at this stage of the talks with the mission", False),
    ],
)
def test_dedup_passage_similarity(a, b, near):
    rule = load_settings().passage
    assert (similarity(fingerprint(a, rule), fingerprint(b, rule)) >= rule.threshold) is near


@pytest.mark.parametrize("short", ["no comment", "we deny it", "", "the talks will continue next week"])
def test_dedup_short_text_is_never_fingerprinted(short):
    assert fingerprint(short, load_settings().passage) is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("the army will cross the river this winter", "army crosses the river before winter", True),
        ("the army will cross the river this winter", "the harvest will fail this year", False),
        ("it", "it", False),
    ],
)
def test_dedup_same_question(a, b, same):
    assert same_question(a, b) is same


def test_dedup_writers_in_turn_see_each_others_fingerprints(tmp_path, make_analysis):
    """Two writers (as two processes would have) each find the other's fingerprints in the store."""
    body = (
        f'A defence spokesman said "{QUOTE}" at a briefing in the capital on Thursday evening, adding that '
        "engineers had repaired two bridges and that supply columns were moving again along the main road north."
    )
    store = open_store(tmp_path / "s.db")
    quote = [(QUOTE, "said", "A defence spokesman", None)]
    first = Writer(store).save(make_analysis(body, quotes=quote), raw=body, source_name="a")
    reprint = body.replace("Thursday evening", "Thursday")
    second = Writer(store).save(make_analysis(reprint, quotes=quote), raw=reprint, source_name="b")
    other = "Officials in the port said the harbour would reopen on Monday after divers cleared the channel of debris."
    third = Writer(store).save(make_analysis(other), raw=other, source_name="c")
    with store.read() as conn:
        d, a = schema.documents, schema.attributions
        origins = dict(conn.execute(select(d.c.id, d.c.origin_id)).all())
        quotes = conn.execute(select(a.c.document_id, a.c.origin_id).order_by(a.c.id)).all()
    assert origins == {first: None, second: first, third: None}
    assert [origin for _, origin in quotes] == [None, 1]


def _in_memory_origins(signatures: list[bytes | None], rule: ShingleRule) -> list[int | None]:
    """Origins as the index kept in the writer's memory before 0009_reprint_bands found them:
    datasketch's MinHashLSH over every earlier fingerprint, rows numbered from 1 in order."""
    num_perm = load_settings().num_perm
    lsh = MinHashLSH(threshold=rule.threshold, num_perm=num_perm)
    stored: dict[int, bytes] = {}
    origins: dict[int, int] = {}
    found: list[int | None] = []
    for row_id, signature in enumerate(signatures, 1):
        if signature is None:
            found.append(None)
            continue
        minhash = MinHash(num_perm=num_perm, scheme=load_settings().scheme,
                          hashvalues=np.frombuffer(signature, dtype=np.uint32))
        near = [origins[c] for c in lsh.query(minhash) if similarity(signature, stored[c]) >= rule.threshold]
        found.append(min(near) if near else None)
        stored[row_id], origins[row_id] = signature, found[-1] or row_id
        lsh.insert(row_id, minhash)
    return found


def _near_copies(count: int, seed: int) -> list[str]:
    """Articles whose first 14 words are a quote; most copy an earlier one with 0 to 3 words
    changed, so pairs fall on both sides of the threshold, and some copy a copy."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(300)]
    texts: list[str] = []
    for _ in range(count):
        if texts and rng.random() < 0.7:
            words = rng.choice(texts).split()
            for _ in range(rng.randint(0, 3)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
        else:
            words = [rng.choice(vocabulary) for _ in range(40)]
        texts.append(" ".join(words))
    return texts


def test_dedup_stored_bands_find_what_the_in_memory_index_found(tmp_path, make_analysis):
    """Origins from the bands in the store are those datasketch's in-memory index gave, for
    documents (word shingles) and quotes (character shingles) alike."""
    texts = list(dict.fromkeys(_near_copies(120, seed=3)))  # an unchanged copy is a duplicate, not a reprint
    store = open_store(tmp_path / "s.db")
    writer = Writer(store)
    for i, text in enumerate(texts):
        quote = " ".join(text.split()[:14])
        writer.save(make_analysis(text, quotes=[(quote, None, None, None)]), raw=text, source_name=f"{i}.txt")
    settings = load_settings()
    documents = _in_memory_origins([fingerprint(t, settings.document) for t in texts], settings.document)
    quotes = _in_memory_origins([fingerprint(" ".join(t.split()[:14]), settings.passage) for t in texts],
                                settings.passage)
    d, a = schema.documents, schema.attributions
    with store.read() as conn:
        assert list(conn.execute(select(d.c.origin_id).order_by(d.c.id)).scalars()) == documents
        assert list(conn.execute(select(a.c.origin_id).order_by(a.c.id)).scalars()) == quotes
    reprints = sum(o is not None for o in documents)
    assert 20 < reprints < len(texts) - 20  # both outcomes are exercised
    assert check(store) == []


def test_dedup_migration_0008_indexes_the_fingerprints_stored_before_it(db_url, make_analysis):
    body = (f'A defence spokesman said "{QUOTE}" at a briefing in the capital on Thursday evening, adding that '
            "engineers had repaired two bridges and that supply columns were moving again along the main road north.")
    store = open_store(db_url)
    first = Writer(store).save(make_analysis(body, quotes=[(QUOTE, "said", "A defence spokesman", None)]),
                               raw=body, source_name="a")
    with store.write() as conn:  # back to a store made before 0008: fingerprints, no bands
        conn.execute(schema.reprint_bands.delete())
        conn.execute(schema.migrations.delete().where(schema.migrations.c.name == "0009_reprint_bands"))
    assert check(store) == ["reprint index has 0 documents bands, expected 8",
                            "reprint index has 0 attributions bands, expected 8"]
    store.close()
    store = open_store(db_url)  # opening applies 0008
    assert check(store) == []
    reprint = body.replace("Thursday evening", "Thursday")
    second = Writer(store).save(make_analysis(reprint, quotes=[(QUOTE, "said", "A defence spokesman", None)]),
                                raw=reprint, source_name="b")
    with store.read() as conn:
        d = schema.documents
        assert conn.execute(select(d.c.origin_id).where(d.c.id == second)).scalar_one() == first
