"""The gold scorer: a perfect prediction scores 1.0, an empty one 0.0, and partial ones in between."""

from __future__ import annotations

from typing import Any

import pytest

from sayso.evaluation import gold
from sayso.model import Analysis, from_plain

ITEMS = gold.load()
PROBABILITY = {"low": 0.55, "median": 0.7, "high": 0.8}


def _pair(span: dict[str, Any] | None) -> list[int] | None:
    return None if span is None else [span["start"], span["end"]]


def perfect(item: dict[str, Any]) -> Analysis:
    """What a flawless sayso would return for a gold passage."""
    data = {
        "voices": [
            {"start": p["start"], "end": p["end"], "voice": p["voice"], "source": p["source"]}
            for p in item["passages"]
        ],
        "attributions": [
            {
                "kind": a["kind"],
                "content": _pair(a["content"]),
                "cue": _pair(a["cue"]),
                "speaker_name": a["speaker"]["name"],
                "speaker_mention": _pair(a["speaker"]["mention"]),
            }
            for a in item["attributions"]
        ],
        "assessments": [
            {
                "phrase": _pair(a["phrase"]),
                "sentence": _pair(a["phrase"]),
                "band": a["band"] or "roughly even chance",
                "probability": PROBABILITY,
                "scale": "icd203",
                "assessor": "author" if a["assessor"] == gold.AUTHOR else a["assessor"],
            }
            for a in item["assessments"]
        ],
        "dates": [
            {"start": d["start"], "end": d["end"], "value": d["value"], "granularity": d["granularity"]}
            for d in item["dates"]
        ],
    }
    return from_plain(item["text"], data)


def _ratios(metrics: dict[str, Any]) -> dict[str, float]:
    return {
        f"{layer}.{name}": value
        for layer in ("voices", "attributions", "assessments", "dates")
        for name, value in metrics[layer].items()
        if isinstance(value, float)
    }


def test_perfect_prediction_scores_one_everywhere():
    ratios = _ratios(gold.score(ITEMS, [perfect(item) for item in ITEMS]))
    assert len(ratios) == 24
    assert ratios == {key: 1.0 for key in ratios}


def test_empty_prediction_scores_zero_everywhere():
    metrics = gold.score(ITEMS, [from_plain(item["text"], {}) for item in ITEMS])
    ratios = _ratios(metrics)
    assert ratios == {key: 0.0 for key in ratios}
    assert metrics["attributions"]["gold"] > 0 and metrics["attributions"]["predicted"] == 0


def test_wrong_speaker_and_a_missed_quote_are_counted():
    item = next(i for i in ITEMS if len(i["attributions"]) >= 3)
    right = perfect(item)
    first, *_rest = right.attributions
    wrong = from_plain(
        item["text"],
        {
            "attributions": [
                {
                    "kind": first.kind,
                    "content": [first.content.start, first.content.end],
                    "cue": None if first.cue is None else [first.cue.start, first.cue.end],
                    "speaker_name": "Somebody Else",
                }
            ]
        },
    )
    metrics = gold.score([item], [wrong])["attributions"]
    assert metrics["precision"] == 1.0
    assert metrics["recall"] == round(1 / len(item["attributions"]), 4)
    assert metrics["speaker_accuracy"] == 0.0
    assert metrics["cue_accuracy"] == 1.0
    assert metrics["strict_f1"] == 0.0


def test_content_needs_half_of_the_longer_span():
    item = {
        "id": "t",
        "text": "The minister said the talks had failed completely.",
        "passages": [],
        "assessments": [],
        "dates": [],
        "attributions": [
            {
                "kind": "indirect",
                "content": {"start": 18, "end": 49, "text": ""},
                "cue": None,
                "speaker": {"name": None, "mention": None, "aliases": []},
            }
        ],
    }
    short = from_plain(item["text"], {"attributions": [{"kind": "indirect", "content": [18, 27]}]})
    long = from_plain(item["text"], {"attributions": [{"kind": "indirect", "content": [18, 40]}]})
    assert gold.score([item], [short])["attributions"]["recall"] == 0.0
    assert gold.score([item], [long])["attributions"]["recall"] == 1.0


def test_durations_are_not_scored_as_dates():
    item = {
        "id": "t",
        "text": "The siege lasted six weeks.",
        "passages": [],
        "attributions": [],
        "assessments": [],
        "dates": [],
    }
    found = from_plain(
        item["text"], {"dates": [{"start": 17, "end": 26, "value": None, "granularity": "duration"}]}
    )
    assert gold.score([item], [found])["dates"]["predicted"] == 0


@pytest.mark.parametrize(
    "gold_name, found, aliases, expected",
    [
        ("Ukrainian General Staff", "the Ukrainian General Staff", [], True),
        ("Armenia's Foreign Ministry", "Armenia’s Foreign Ministry", [], True),
        ("ISW", "Institute for the Study of War", ["Institute for the Study of War"], True),
        ("Dorin Ceban", "DORIN CEBAN", [], True),
        (None, None, [], True),
        # must not match
        ("Dorin Ceban", "Ceban", [], False),
        ("ISW", "ISW's daily update", [], False),
        (None, "Local monitors", [], False),
        ("Hanna Daher", None, [], False),
    ],
)
def test_speaker_names_match_after_normalising(gold_name, found, aliases, expected):
    item = {"attributions": [{"speaker": {"name": gold_name, "aliases": aliases}}]}
    assert gold.name_ok(gold_name, found, gold._aliases(item)) is expected


@pytest.mark.parametrize("found, expected", [("author", True), (None, False), ("ISW", False)])
def test_author_as_assessor_null_is_unknown_not_the_author(found, expected):
    analysis = from_plain("x", {})
    assert gold.assessor_ok(gold.AUTHOR, found, analysis, {}) is expected


@pytest.mark.parametrize("found, expected", [(None, True), ("author", False)])
def test_unknown_gold_assessor_needs_null(found, expected):
    assert gold.assessor_ok(None, found, from_plain("x", {}), {}) is expected
