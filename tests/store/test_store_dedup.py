"""Reprint detection: near-duplicates share an origin, different texts and short stock phrases do not."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sayso.store import schema
from sayso.store.database import open_store
from sayso.store.dedup import fingerprint, load_settings, same_question, similarity
from sayso.store.writer import Writer

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
    """Two writers (as two processes would have) each catch up from the store before writing."""
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
