"""Proposed links and their polarity relative to the question."""

from __future__ import annotations

import pytest

from sayso.scorecards.linking import candidates, polarity, propose
from sayso.store.questions import decide_links, links

NOMINATION = "Will Smith win the nomination?"


@pytest.mark.parametrize(
    ("question", "proposition", "expected"),
    [
        (NOMINATION, "Smith will win the nomination", "for"),
        (NOMINATION, "to lose the nomination", "against"),  # "unlikely to lose" counts for
        (NOMINATION, "Smith will not win the nomination", "against"),
        (NOMINATION, "Smith won't win", "against"),
        (NOMINATION, "Smith will not lose", "for"),
        (NOMINATION, "Smith drops out before Iowa", "against"),
        ("Will Jones be indicted?", "Jones will be cleared", "against"),
        ("Will Jones be indicted?", "a Jones indictment", "for"),
        ("Will the bill pass?", "the Senate blocked it", "against"),
        (NOMINATION, "the convention goes to a second ballot", "for"),  # no opposing verb: a person decides
    ],
)
def test_linking_polarity(question, proposition, expected):
    assert polarity(question, proposition, proposition, None) == expected


def test_linking_polarity_ignores_the_phrase_and_a_negation_already_in_the_band():
    # "he has almost no chance of becoming the nominee": the "no" is the phrase's, not the proposition's
    assert polarity(NOMINATION, "he has almost no chance of winning the nomination", "", "almost no chance") == "for"
    # "Smith might not win": the band already describes "Smith wins"
    assert polarity(NOMINATION, "Smith might not win", "", "might not", negated=True) == "for"
    assert polarity(NOMINATION, "Smith might not win", "", "might", negated=False) == "against"


def test_linking_polarity_reads_the_sentence_after_the_phrase_without_a_proposition():
    assert polarity(NOMINATION, None, "Avery said Smith is unlikely to lose in the end.", "unlikely") == "against"


def test_linking_proposes_assessments_matching_the_query_while_open(pundits):
    store, ids = pundits
    found = {c["assessment_id"]: c for c in candidates(store, 1)}
    # the undated article cannot be placed inside the question's window
    assert set(found) == {ids["a-jan"], ids["a-feb"], ids["b-jan"]}
    assert found[ids["a-feb"]]["polarity"] == "against" and found[ids["a-jan"]]["polarity"] == "for"
    assert "shares: nomination, smith, win" in found[ids["a-jan"]]["evidence"]


def test_linking_proposing_again_keeps_decisions(pundits):
    store, ids = pundits
    assert propose(store, 1) == 3
    decide_links(store, 1, [ids["a-jan"]], "rejected", by="x")
    assert propose(store, 1) == 0
    states = {row["assessment_id"]: row["status"] for row in links(store, 1)}
    assert states[ids["a-jan"]] == "rejected" and states[ids["b-jan"]] == "proposed"


def test_linking_finds_nothing_for_an_unrelated_question(pundits):
    from sayso.store.questions import add_question

    store, _ = pundits
    add_question(store, "Will it snow in Miami?", opens="2016-01-01", closes="2016-12-31", query="snow Miami", by="x")
    assert candidates(store, 3) == []


def test_linking_query_alternatives_are_a_union(pundits):
    from sayso.store.questions import add_question

    store, ids = pundits
    add_question(store, "Will Smith or Jones make news?", opens="2016-01-01", closes="2016-12-31",
                 query="Jones indictment | Avery lose", by="x")
    assert {c["assessment_id"] for c in candidates(store, 3)} == {ids["b-mar"], ids["a-feb"]}


def test_linking_evidence_names_the_entities_in_the_sentence(pundits):
    """'Smith' in the sentence is the entity 'Jonathan Smith': the question's 'Jonathan' is not missing."""
    from sqlalchemy import insert, select

    from sayso.store import schema
    from sayso.store.questions import add_question

    store, ids = pundits
    add_question(store, "Will Jonathan Smith win the nomination?", opens="2016-01-01", closes="2016-07-01",
                 query="Smith nomination", by="x")
    with store.write() as conn:
        document_id, text = conn.execute(
            select(schema.documents.c.id, schema.documents.c.text).where(schema.documents.c.title == "a-jan")
        ).one()
        entity_id = conn.execute(insert(schema.entities).values(
            document_id=document_id, name="Jonathan Smith", type="PERSON", aliases="[]"
        ).returning(schema.entities.c.id)).scalar_one()
        start = text.index("Smith")
        conn.execute(insert(schema.mentions).values(entity_id=entity_id, document_id=document_id, start=start,
                                                    end=start + 5, text="Smith"))
    found = {c["assessment_id"]: c["evidence"] for c in candidates(store, 3)}
    assert "entities: Jonathan Smith" in found[ids["a-jan"]] and "names not in" not in found[ids["a-jan"]]
    assert "names not in sentence: Jonathan" in found[ids["b-jan"]]
