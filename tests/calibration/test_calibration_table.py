"""The shipped phrase → probability table: invariants, look-ups, and the reader-IQR requirement."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sayso import calibration, estimative
from sayso.errors import ConfigError

WEP = Path(__file__).resolve().parents[3] / "shared" / "data" / "wep"
needs_wep = pytest.mark.skipif(not WEP.exists(), reason=f"WEP data not found at {WEP}")


@pytest.fixture(scope="module")
def table() -> calibration.Table:
    return calibration.load_table()


def test_scales_are_the_four_named():
    assert calibration.SCALES == ("icd203", "phia", "nato", "readers")


def test_every_phrase_has_every_scale_and_a_valid_probability(table):
    assert len(table.phrases) >= 30
    for phrase in table.phrases:
        for scale in calibration.SCALES:
            entry = table.lookup(phrase, scale)
            assert 0.0 <= entry.low <= entry.median <= entry.high <= 1.0, (phrase, scale)
            assert entry.band, (phrase, scale)


def test_standard_scales_use_their_own_band_labels(table):
    bands = {scale: {table.lookup(p, scale).band for p in table.phrases} for scale in ("icd203", "phia", "nato")}
    assert bands["icd203"] <= {"almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely",
                               "very likely", "almost certain"}
    assert "realistic possibility" in bands["phia"] and "even chance" in bands["nato"]


@pytest.mark.parametrize(
    ("phrase", "band", "low", "high"),
    [
        ("likely", "likely", 0.55, 0.80),
        ("unlikely", "unlikely", 0.20, 0.45),
        ("highly unlikely", "very unlikely", 0.05, 0.20),
        ("almost certainly", "almost certain", 0.95, 0.99),
        ("roughly even chance", "roughly even chance", 0.45, 0.55),
        ("remote", "almost no chance", 0.01, 0.05),
    ],
)
def test_icd203_bands_match_the_standard(table, phrase, band, low, high):
    entry = table.lookup(phrase)
    assert (entry.band, entry.low, entry.high) == (band, low, high)
    assert entry.probability() == {"low": low, "high": high, "median": entry.median}


def test_phia_keeps_its_yardstick(table):
    assert table.lookup("realistic possibility", "phia").band == "realistic possibility"
    assert (table.lookup("unlikely", "phia").low, table.lookup("unlikely", "phia").high) == (0.25, 0.35)


def test_unknown_scale_and_phrase_are_config_errors(table):
    with pytest.raises(ConfigError, match="unknown scale 'kent'"):
        table.lookup("likely", "kent")
    with pytest.raises(ConfigError, match="'fairly plausible'"):
        table.lookup("fairly plausible")


def test_invalid_rows_are_refused(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("phrase,scale,band,low,median,high,basis\nlikely,icd203,likely,0.8,0.5,0.9,x\n")
    with pytest.raises(ConfigError, match="low <= median <= high"):
        calibration.read_table(path)


def test_estimative_lexicon_only_names_table_phrases(table):
    assert estimative.canonical_phrases(estimative.load_lexicon()) <= set(table.phrases)


@needs_wep
def test_icd203_median_lies_in_pooled_reader_iqr_for_every_surveyed_phrase(table):
    from sayso.evaluation.calibration_report import pooled_quartiles, violations

    survey = pooled_quartiles(WEP)
    assert {"likely", "unlikely", "may", "realistic possibility", "improbable"} <= set(survey)
    assert violations(table, survey) == []


@needs_wep
def test_readers_scale_is_the_pooled_quartiles(table):
    from sayso.evaluation.calibration_report import pooled_quartiles

    q = pooled_quartiles(WEP)["realistic possibility"]  # asked by one survey only: Kucharski
    entry = table.lookup("realistic possibility", "readers")
    assert (entry.low, entry.median, entry.high) == (q.q25 / 100, q.median / 100, q.q75 / 100) == (0.4, 0.6, 0.75)


@needs_wep
def test_pooling_one_survey_reproduces_its_published_summary():
    import numpy as np

    from sayso.evaluation.calibration_report import _survey_answers

    answers = _survey_answers(WEP)
    with (WEP / "survey_summary.csv").open(encoding="utf-8") as handle:
        summary = {(r["dataset"], r["phrase_norm"]): r for r in csv.DictReader(handle)}
    row = summary[("kucharski_capphrase", "may happen")]
    assert len(answers["may happen"]) == int(row["n"])
    assert list(np.percentile(answers["may happen"], [25, 50, 75])) == [float(row["q25"]), float(row["median"]), float(row["q75"])]


@needs_wep
def test_shipped_table_is_what_the_derivation_produces(table):
    from sayso.evaluation.calibration_report import derive

    derived = {(e.phrase, e.scale): e for e in derive(WEP)}
    assert set(derived) == set(table.entries)
    for key, entry in table.entries.items():
        fresh = derived[key]
        assert (fresh.band, fresh.basis) == (entry.band, entry.basis), key
        assert [round(v, 4) for v in (fresh.low, fresh.median, fresh.high)] == [entry.low, entry.median, entry.high], key
