"""Assessments without a probability (a modal, a judgement under a standard scale) are found by
search with what they are, left out of the probability timeline and its chart, and exported with
NULL numbers, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from dataclasses import replace

import pyarrow.parquet as pq
import pytest

from sayso.cli import main
from sayso.store.database import open_store
from sayso.store.export import export_table
from sayso.store.query import plot_timeline, reading, search, timeline
from sayso.store.writer import Writer

TEXT = ("The institute assesses it is likely that the dam will be repaired by spring. "
        "Engineers say the dam may be repaired sooner.")


@pytest.fixture
def hedged(db_url, make_analysis):
    """One document: a WEP ("likely", 55–80%) and a modal ("may", no band) on the same dam."""
    analysis = make_analysis(TEXT, published="2023-03-01", title="Dam", assessments=[
        ("likely", "likely", (0.55, 0.8, 0.75), "The institute", "the dam will be repaired by spring"),
        ("may", "likely", (0.55, 0.8, 0.75), None, "the dam may be repaired sooner"),
    ])
    wep, modal = analysis.assessments
    modal = replace(modal, band=None, probability=None, category="modal")
    store = open_store(db_url)
    Writer(store).save(replace(analysis, assessments=(replace(wep, category="wep"), modal)), raw=TEXT,
                       source_name="dam.txt")
    return store


def test_query_reading_is_the_band_or_what_the_phrase_is():
    assert reading("likely", "wep") == "likely"
    assert reading(None, "modal") == "possible (modal, no band)"
    assert reading(None, "uncertainty") == "unknown (uncertainty, no band)"
    assert reading(None, "comparative") == "comparative (no band)"


def test_query_search_lists_an_unbanded_assessment_with_its_reading(hedged):
    rows = {r["phrase"]: r for r in search(hedged, "dam repaired")}
    assert set(rows) == {"likely", "may"}
    modal = rows["may"]
    assert (modal["band"], modal["low"], modal["median"], modal["high"]) == (None, None, None, None)
    assert modal["category"] == "modal" and modal["reading"] == "possible (modal, no band)"
    assert rows["likely"]["reading"] == "likely" and rows["likely"]["median"] == 0.75
    assert [r["phrase"] for r in search(hedged, "dam repaired", band="likely")] == ["likely"]


def test_query_timeline_and_its_chart_leave_out_what_has_no_probability(hedged, tmp_path):
    rows = timeline(hedged, "dam repaired")
    assert [(r["phrase"], r["status"]) for r in rows] == [("likely", "first")]
    assert plot_timeline(rows, str(tmp_path / "dam.png"), title="dam") == 1


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_query_export_keeps_the_unbanded_row_with_null_numbers(hedged, tmp_path, fmt):
    out = tmp_path / f"assessments.{fmt}"
    assert export_table(hedged, "assessments", fmt, out) == 2
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    else:
        rows = pq.read_table(out).to_pylist()
    modal = next(r for r in rows if r["phrase"] == "may")
    assert modal["category"] == "modal" and modal["band"] in (None, "") and modal["median"] in (None, "")


def _run(capsys, *args: str) -> str:
    try:
        main(list(args))
    except SystemExit as exit_info:
        assert exit_info.code in (0, None)
    return capsys.readouterr().out


def test_cli_search_table_shows_the_reading_and_csv_the_category(hedged, capsys):
    db = hedged.url.removeprefix("sqlite:///") if hedged.dialect == "sqlite" else \
        "postgresql://" + hedged.url.removeprefix("postgresql+psycopg://")
    assert "possible (modal, no band)" in " ".join(_run(capsys, "search", "dam repaired", "--db", db).split())
    rows = list(csv.DictReader(_run(capsys, "search", "dam repaired", "--db", db, "--format", "csv").splitlines()))
    assert {(r["band"], r["category"]) for r in rows} == {("likely", "wep"), ("", "modal")}
