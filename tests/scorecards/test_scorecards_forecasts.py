"""Reading a stored assessment on another scale, and whose judgement it is."""

from __future__ import annotations

import pytest

from sayso.errors import ConfigError
from sayso.scorecards.forecasts import assessor_of, on_scale


def _row(phrase, band, low, median, high, rule="phrase", scale="icd203", category=None):
    return {"phrase": phrase, "band": band, "low": low, "median": median, "high": high, "rule": rule,
            "scale": scale, "category": category}


def test_forecasts_a_phrase_is_read_on_the_chosen_scale():
    canonical, entry = on_scale(_row("likely", "likely", 0.55, 0.75, 0.8), "readers")
    assert canonical == "likely" and (entry.low, entry.median, entry.high) == (0.65, 0.75, 0.8)


def test_forecasts_negation_already_in_the_stored_band_is_kept():
    """'not likely' was stored as unlikely: the spoken word 'likely' must not win."""
    canonical, entry = on_scale(_row("likely", "unlikely", 0.2, 0.2, 0.45), "nato")
    assert canonical == "not likely" and entry.band == "unlikely" and entry.median < 0.5


@pytest.mark.parametrize(
    ("spoken", "band", "values", "canonical"),
    [
        ("isn\u2019t a serious threat", "unlikely", (0.2, 0.325, 0.45), "no significant threat"),
        ("n't likely", "unlikely", (0.2, 0.2, 0.45), "not likely"),
        ("seems increasingly likely", "likely", (0.55, 0.75, 0.8), "likely"),
        ("highly probable", "very likely", (0.8, 0.9, 0.95), "highly probable"),
    ],
)
def test_forecasts_the_canonical_phrase_is_the_closest_of_those_sharing_the_probability(spoken, band, values, canonical):
    assert on_scale(_row(spoken, band, *values), "icd203")[0] == canonical


@pytest.mark.parametrize("scale", ["icd203", "phia", "nato"])
def test_forecasts_bare_modals_have_no_probability_on_standard_scales(scale):
    assert on_scale(_row("could", "roughly even chance", 0.45, 0.45, 0.55, rule="modal-hedge"), scale) == (None, None)


@pytest.mark.parametrize("category", ["modal", "assess-verb", "uncertainty", "comparative"])
def test_forecasts_only_weps_have_a_probability_on_standard_scales(category):
    row = _row("could", "roughly even chance", 0.45, 0.45, 0.55, category=category)
    assert on_scale(row, "icd203") == (None, None)
    assert on_scale({**row, "category": "wep", "phrase": "likely", "band": "likely", "low": 0.55,
                     "median": 0.75, "high": 0.8}, "icd203")[1].band == "likely"


def test_forecasts_bare_modals_have_the_readers_probability():
    canonical, entry = on_scale(_row("could", "roughly even chance", 0.45, 0.45, 0.55, rule="modal-hedge"), "readers")
    assert canonical == "could" and entry.median == 0.4


def test_forecasts_an_unlisted_probability_stays_as_stored_on_its_own_scale_only():
    row = _row("odds-on", "likely", 0.6, 0.7, 0.8)
    assert on_scale(row, "icd203")[1].median == 0.7
    assert on_scale(row, "phia") == (None, None)


def test_forecasts_unknown_scale_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown scale 'percent'"):
        on_scale(_row("likely", "likely", 0.55, 0.75, 0.8), "percent")


@pytest.mark.parametrize(
    ("stored", "author", "publisher", "expected"),
    [
        ("ISW", "Jane Doe", None, "ISW"),
        ("Trump", None, None, "Donald Trump"),  # the speaker's identity, not the bare surname
        ("author", "Jane Doe", "Politico", "Jane Doe (Politico)"),
        ("author", None, None, "unknown author of Talks (document 7)"),  # never one corpus-wide "author"
        (None, "x", None, None),
    ],
)
def test_forecasts_assessor_is_the_corpus_identity(stored, author, publisher, expected):
    row = {"assessor": stored, "author": author, "publisher": publisher, "source_name": None, "title": "Talks",
           "url": None, "document_id": 7}
    assert assessor_of(row, {"trump": "Donald Trump"}) == expected


@pytest.mark.parametrize("scale", ["icd203", "phia", "nato", "readers"])
@pytest.mark.parametrize("category", [None, "modal", "wep"])
def test_forecasts_an_assessment_stored_without_a_probability_has_none_on_any_scale(scale, category):
    """NULL band, range and median (stored since 0007_unbanded_assessments): nothing to look up or invent."""
    assert on_scale(_row("may", None, None, None, None, category=category, scale=scale), scale) == (None, None)
