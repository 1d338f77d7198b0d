"""PolNeAR scoring: matching rules and metrics on hand-built attributions (no model needed)."""

from __future__ import annotations

import pytest

from sayso.evaluation.polnear import (
    Attr,
    Counts,
    _outermost,
    gold_kind,
    match_exact,
    match_overlap,
    score_article,
)

TEXT = "Officials said that the bridge was destroyed overnight, and “the city is cut off,” he added."


def _attr(content, cue=None, source=None, kind="indirect", speech=True, pieces=()):
    return Attr(content, cue, source, kind, speech, pieces=pieces)


@pytest.mark.parametrize(
    ("pred", "gold", "matched"),
    [
        ((15, 55), (15, 55), True),  # identical
        ((20, 55), (15, 55), True),  # 35/40 of the longer
        ((15, 30), (15, 55), False),  # 15/40: too little
        ((0, 9), (15, 55), False),  # disjoint
    ],
)
def test_overlap_matching(pred, gold, matched):
    assert bool(match_overlap([_attr(pred)], [_attr(gold)])) is matched


def test_exact_matching_ignores_quote_marks_and_commas():
    start = TEXT.index("“")
    end = TEXT.index(",”") + 2
    inner = (start + 1, end - 2)
    assert match_exact(TEXT, [_attr(inner)], [_attr((start, end))]) == {0: 0}


def test_matching_is_one_to_one():
    gold = [_attr((15, 55))]
    assert len(match_overlap([_attr((15, 55)), _attr((16, 55))], gold)) == 1


def test_discontinuous_gold_counts_only_its_parts():
    gold = _attr((0, 60), pieces=((0, 20), (40, 60)))
    assert match_overlap([_attr((0, 60))], [gold]) == {0: 0}  # 40 shared of 60
    assert match_overlap([_attr((0, 20))], [gold]) == {0: 0}  # 20 of 40
    assert match_overlap([_attr((0, 15))], [gold]) == {}


def test_discontinuous_prediction_counts_only_its_parts():
    gold = _attr((0, 100), pieces=((0, 20), (80, 100)))
    # the hull over a long cue shares 40 of 100 characters; the parts share all 40
    assert match_overlap([_attr((0, 100))], [gold]) == {}
    assert match_overlap([_attr((0, 100), pieces=((1, 20), (80, 99)))], [gold]) == {0: 0}
    assert match_overlap([_attr((0, 100), pieces=((0, 15), (60, 70)))], [gold]) == {}  # 15 of 40


def test_score_article_counts_cue_and_source_within_pairs():
    gold = [_attr((15, 55), cue=(10, 14), source=(0, 9)), _attr((60, 85), cue=(87, 92), source=(87, 89), speech=False)]
    pred = [_attr((15, 55), cue=(10, 14), source=(0, 4)), _attr((0, 5), cue=None, source=None)]
    table: dict[str, dict[str, Counts]] = {}
    score_article(TEXT, pred, gold, table)
    row = table["all"]
    assert row["content_overlap"].metrics()["precision"] == 0.5
    assert row["content_overlap"].metrics()["recall"] == 0.5
    assert row["cue"].tp == 1
    assert row["source"].tp == 0  # "Offi" is under half of "Officials"
    speech = table["speech"]["content_overlap"]
    assert (speech.tp, speech.n_pred, speech.n_gold) == (1, 2, 1)


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("“The city is cut off,”", "direct"),
        ("the city is “cut off”", "mixed"),
        ("the city is cut off", "indirect"),
        ("the army’s lines held", "indirect"),
    ],
)
def test_gold_kind(content, kind):
    assert gold_kind(content, (0, len(content))) == kind


def test_counts_metrics_with_nothing():
    assert Counts().metrics()["f1"] == 0.0


def test_only_outermost_reports_are_scored():
    outer = {"kind": "indirect", "content": [10, 60], "cue": [5, 9]}
    inner = {"kind": "indirect", "content": [30, 60], "cue": [20, 28]}  # "X said [Y believes [Z]]"
    apart = {"kind": "indirect", "content": [70, 90], "cue": [62, 66]}
    no_cue = {"kind": "direct", "content": [12, 20], "cue": None}
    assert _outermost([outer, inner, apart, no_cue]) == [outer, apart, no_cue]
    # a cue between the parts of an interrupted quote is not inside it
    split = {"kind": "direct", "content": [10, 60], "parts": [[10, 20], [40, 60]], "cue": [22, 26]}
    between = {"kind": "indirect", "content": [28, 38], "cue": [27, 28]}
    assert _outermost([split, between]) == [split, between]
    # a report inside a pasted passage is scored: the excerpt is a voice, not a report
    excerpt = {"kind": "excerpt", "content": [100, 200], "cue": [99, 100]}
    pasted = {"kind": "indirect", "content": [130, 150], "cue": [120, 124]}
    assert _outermost([excerpt, pasted]) == [excerpt, pasted]


def test_content_tokens_counts_each_gold_token_once():
    # gold "the bridge was destroyed overnight" (5 words); the prediction shares "was destroyed overnight"
    # and adds ", and": nested predictions over the same words must not count them twice
    gold = [_attr((20, 54))]
    outer = _attr((24, 59))
    inner = _attr((35, 54))
    table: dict[str, dict[str, Counts]] = {}
    score_article(TEXT, [outer, inner], gold, table)
    tokens = table["all"]["content_tokens"]
    assert (tokens.tp, tokens.n_pred, tokens.n_gold) == (4, 5, 5)  # "bridge was destroyed overnight," + "and"


def test_source_cue_exact_pairs_by_cue_and_needs_the_same_span():
    gold = [_attr((15, 55), cue=(10, 14), source=(0, 9)), _attr((60, 82), cue=(86, 91), source=(83, 85))]
    right = _attr((0, 5), cue=(10, 14), source=(0, 9))  # content far off: citron pairs by cue, not content
    longer = _attr((60, 82), cue=(86, 91), source=(83, 91))  # same cue, "he added" for "he"
    table: dict[str, dict[str, Counts]] = {}
    score_article(TEXT, [right, longer], gold, table)
    metrics = table["all"]["source_cue_exact"].metrics()
    assert (metrics["precision"], metrics["recall"]) == (0.5, 0.5)


def test_source_cue_exact_counts_found_gold_apart_from_right_predictions():
    gold = [_attr((15, 55), cue=(10, 14), source=(0, 9))]
    twins = [_attr((15, 55), cue=(10, 14), source=(0, 9)), _attr((20, 55), cue=(10, 14), source=(0, 9))]
    table: dict[str, dict[str, Counts]] = {}
    score_article(TEXT, twins, gold, table)
    metrics = table["all"]["source_cue_exact"].metrics()
    assert (metrics["precision"], metrics["recall"]) == (1.0, 1.0)
    assert table["all"]["source_cue_exact"].tp_gold == 1
