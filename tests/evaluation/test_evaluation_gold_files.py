"""The in-house gold set is well formed: built from its source, offsets exact, labels valid."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from sayso.calibration import load_table

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
ITEMS = [json.loads(line) for line in (GOLD_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
# The ICD 203 band names, as the shipped calibration table names them.
BANDS = {load_table().lookup(phrase, "icd203").band for phrase in load_table().phrases}
VALUE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2})$")


def _builder():
    spec = importlib.util.spec_from_file_location("gold_build", GOLD_DIR / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _spans(item: dict) -> list[dict]:
    spans = [*item["passages"], *item["dates"]]
    for a in item["attributions"]:
        spans += [s for s in (a["content"], a["cue"], a["speaker"]["mention"]) if s is not None]
    spans += [a["phrase"] for a in item["assessments"]]
    return spans


def test_gold_jsonl_is_built_from_passages_toml():
    assert _builder().build() == (GOLD_DIR / "gold.jsonl").read_text(encoding="utf-8")


def test_gold_set_is_large_enough_and_covers_every_layer():
    assert len(ITEMS) >= 30
    assert len({item["id"] for item in ITEMS}) == len(ITEMS)
    assert sum(len(i["attributions"]) for i in ITEMS) >= 60
    assert sum(len(i["assessments"]) for i in ITEMS) >= 30
    assert sum(len(i["dates"]) for i in ITEMS) >= 30
    assert sum(p["voice"] == "quoted" for i in ITEMS for p in i["passages"]) >= 10
    assert {a["kind"] for i in ITEMS for a in i["attributions"]} == {"direct", "indirect", "mixed", "excerpt"}


@pytest.mark.parametrize("item", ITEMS, ids=[i["id"] for i in ITEMS])
def test_every_span_slices_the_text(item):
    text = item["text"]
    for span in _spans(item):
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize("item", ITEMS, ids=[i["id"] for i in ITEMS])
def test_passages_are_the_paragraphs_in_order_with_valid_voices(item):
    text = item["text"]
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    assert [(p["start"], p["end"]) for p in item["passages"]] == paragraphs
    for p in item["passages"]:
        assert p["voice"] in ("author", "quoted")
        assert p["source"] is None or p["voice"] == "quoted"


@pytest.mark.parametrize("item", ITEMS, ids=[i["id"] for i in ITEMS])
def test_labels_follow_the_schema(item):
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["published"])
    for a in item["attributions"]:
        assert a["kind"] in ("direct", "indirect", "mixed", "excerpt")
        assert set(a["speaker"]) == {"name", "mention", "role", "org", "aliases"}
        assert a["speaker"]["name"] is None or a["speaker"]["name"].strip() == a["speaker"]["name"] != ""
    for a in item["assessments"]:
        assert a["band"] is None or a["band"] in BANDS
    for d in item["dates"]:
        assert d["value"] is None or VALUE.match(d["value"])


@pytest.mark.parametrize(
    "spec, error",
    [
        ("nowhere", "not found"),
        ("said", "occurs 2 times"),
        ({"text": "said", "nth": 2}, "not found"),
    ],
)
def test_builder_refuses_missing_or_ambiguous_spans(spec, error):
    build = _builder()
    with pytest.raises(build.GoldError, match=error):
        build.locate("She said no. He said yes.", spec, "t")


def test_builder_places_spans_by_occurrence_and_anchor():
    build = _builder()
    text = "She said no. He said yes."
    assert build.locate(text, {"text": "said", "nth": 1}, "t")["start"] == 16
    assert build.locate(text, {"text": "said", "after": "He"}, "t") == {
        "start": 16,
        "end": 20,
        "text": "said",
    }
