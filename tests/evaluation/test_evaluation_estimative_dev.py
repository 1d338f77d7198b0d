"""estimative-dev scoring: phrase overlap, category, band, bands where none belongs, assessor."""

from __future__ import annotations

from sayso.evaluation import estimative_dev
from sayso.model import from_plain

TEXT = "We assess that Russia is likely to attack. It is unclear whether Minsk will join. Kyiv may hold."


def _gold(phrase: str, category: str, band: str | None, assessor: str = "ODNI") -> dict:
    start = TEXT.index(phrase)
    return {"start": start, "end": start + len(phrase), "phrase": phrase, "category": category,
            "band_icd203": band, "assessor": assessor}


def _found(phrase: str, category: str, band: str | None, assessor: str | None = "author") -> dict:
    start = TEXT.index(phrase)
    return {"phrase": [start, start + len(phrase)], "sentence": [0, 5], "band": band,
            "probability": None if band is None else {"low": 0.55, "median": 0.7, "high": 0.8},
            "scale": "icd203", "category": category, "assessor": assessor, "negated": False}


ITEM = {
    "file": "x.txt", "author_assessor": "ODNI", "text": TEXT,
    "assessments": [
        _gold("We assess", "assess-verb", None), _gold("likely", "wep", "likely"),
        _gold("It is unclear", "uncertainty", None), _gold("may", "modal", None),
    ],
}


def test_perfect_analysis_scores_one_everywhere():
    analysis = from_plain(TEXT, {"assessments": [
        _found("assess", "assess-verb", None), _found("likely", "wep", "likely"),
        _found("unclear", "uncertainty", None), _found("may", "modal", None),
    ]})
    figures = estimative_dev.score([ITEM], [analysis])
    assert figures["f1"] == 1.0
    assert figures["category_accuracy"] == 1.0
    assert figures["band_accuracy"] == 1.0
    assert figures["unbanded_with_band"] == 0
    assert figures["assessor_accuracy"] == 1.0


def test_a_band_on_an_uncertainty_statement_is_counted_and_a_miss_lowers_recall():
    analysis = from_plain(TEXT, {"assessments": [
        _found("likely", "wep", "very likely", assessor="Russia"), _found("unclear", "wep", "likely"),
    ]})
    figures = estimative_dev.score([ITEM], [analysis])
    assert (figures["precision"], figures["recall"]) == (1.0, 0.5)
    assert figures["band_accuracy"] == 0.0
    assert figures["unbanded_with_band"] == 1
    assert figures["category_accuracy"] == 0.5
    assert figures["assessor_accuracy"] == 0.5


def test_misses_name_missed_wrong_and_spurious_phrases():
    analysis = from_plain(TEXT, {"assessments": [_found("likely", "wep", "likely"), _found("hold", "modal", None)]})
    errors = {e["error"] for e in estimative_dev.misses([ITEM], [analysis])}
    assert errors == {"phrase missed", "spurious phrase"}


def test_null_assessor_is_right_only_for_an_unattributed_view():
    # null is sayso's "unknown": never the document's author, always the gold's "unattributed"
    item = {**ITEM, "assessments": [_gold("likely", "wep", "likely"), _gold("may", "modal", None, "unattributed")]}
    for got, expected in [((None, None), 0.5), (("author", "author"), 0.5), (("author", None), 1.0)]:
        analysis = from_plain(TEXT, {"assessments": [
            _found("likely", "wep", "likely", assessor=got[0]), _found("may", "modal", None, assessor=got[1]),
        ]})
        assert estimative_dev.score([item], [analysis])["assessor_accuracy"] == expected
