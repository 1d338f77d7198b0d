"""The regression gate: floors with a tolerance, a gold digest, refusal to lower, atomic pins."""

from __future__ import annotations

import json
import os

import pytest

from sayso.errors import ConfigError
from sayso.evaluation import gate

DIGEST = "sha256:" + "ab" * 32


def results(value: float = 0.80, digest: str = DIGEST, violations: tuple[str, ...] = ()) -> dict:
    """A results dict where every pinned metric has ``value``."""
    out: dict = {"calibration": {"violations": list(violations)}}
    for key in gate.PINNED:
        node = out
        *parents, leaf = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    out["gold"]["digest"] = digest
    return out


def floors(value: float = 0.80, digest: str = DIGEST) -> dict:
    return {"tolerance": 0.02, "gold_digest": digest, "floors": {key: value for key in gate.PINNED}}


@pytest.mark.parametrize("value", [0.80, 0.85, 0.781, 0.78])
def test_check_passes_at_or_within_two_points_of_the_floor(value):
    assert gate.check(results(value), floors(0.80)) == []


def test_check_names_metric_value_and_floor_when_more_than_two_points_below():
    failures = gate.check(results(0.779), floors(0.80))
    assert len(failures) == len(gate.PINNED)
    assert failures[0] == f"{gate.PINNED[0]} = 0.7790 is more than 2 points below its floor 0.8000"


def test_check_reports_a_missing_metric():
    r = results()
    del r["gold"]["dates"]["f1"]
    assert gate.check(r, floors()) == ["gold.dates.f1: missing from the results (floor 0.8000)"]


def test_check_detects_changed_gold_data():
    failures = gate.check(results(digest="sha256:" + "cd" * 32), floors())
    assert len(failures) == 1 and failures[0].startswith("gold data changed")


def test_check_fails_on_calibration_violations():
    assert gate.check(results(violations=("may",)), floors()) == [
        "calibration: sayso's median for 'may' lies outside the readers' IQR"
    ]


@pytest.mark.parametrize(
    "key, expected", [("gold.dates.f1", 0.8), ("gold.dates", None), ("gold.nope.f1", None)]
)
def test_lookup_reads_numbers_at_dotted_paths(key, expected):
    assert gate.lookup(results(), key) == expected


def test_update_pins_measured_figures_and_raises_floors(tmp_path):
    path = tmp_path / "floors.json"
    gate.update_floors(results(0.70), path)
    gate.update_floors(results(0.75), path)
    pinned = gate.load_floors(path)
    assert pinned["floors"] == {key: 0.75 for key in gate.PINNED}
    assert pinned["gold_digest"] == DIGEST


def test_update_refuses_to_lower_a_floor_and_leaves_the_file_alone(tmp_path):
    path = tmp_path / "floors.json"
    gate.update_floors(results(0.80), path)
    before = path.read_bytes()
    with pytest.raises(ConfigError, match="refusing to lower floors .*0.8000 -> 0.7000.*--allow-regression"):
        gate.update_floors(results(0.70), path)
    assert path.read_bytes() == before


def test_update_lowers_a_floor_when_allowed(tmp_path):
    path = tmp_path / "floors.json"
    gate.update_floors(results(0.80), path)
    gate.update_floors(results(0.70), path, allow_regression=True)
    assert set(gate.load_floors(path)["floors"].values()) == {0.70}


def test_update_refuses_results_without_the_pinned_metrics(tmp_path):
    with pytest.raises(ConfigError, match="polnear.systems.sayso.speech.content_overlap.f1"):
        gate.update_floors({"gold": {"digest": DIGEST}}, tmp_path / "floors.json")


def test_atomic_write_keeps_the_old_file_when_replace_fails(tmp_path, monkeypatch):
    path = tmp_path / "floors.json"
    path.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        gate.write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["floors.json"]


@pytest.mark.parametrize(
    "content, error",
    [
        (None, "no floors at"),
        ("{", "not valid JSON"),
        ("{}", "needs 'floors'"),
        ("[1, 2]", "needs 'floors'"),
        (b"\x82\x00\xff", "cannot read floors file"),
        ("folder", "cannot read floors file"),
    ],
)
def test_load_floors_errors_name_the_file(tmp_path, content, error):
    path = tmp_path / "floors.json"
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=error) as raised:
        gate.load_floors(path)
    assert str(path) in str(raised.value)


def test_update_floors_refuses_an_unreadable_floors_file_before_the_run(tmp_path, capsys):
    from sayso.cli import main

    path = tmp_path / "floors.json"
    path.write_bytes(b"\x82\x00\xff")
    with pytest.raises(SystemExit) as stopped:
        main(["eval", "--update-floors", "--floors", str(path), "--no-docs"])
    err = capsys.readouterr().err.strip().splitlines()
    assert stopped.value.code == 4
    assert err == [f"sayso: error: cannot read floors file {path}: 'utf-8' codec can't decode byte 0x82 in position 0: invalid start byte"]


def test_shipped_floors_match_the_shipped_gold_data():
    from sayso.evaluation import gold

    pinned = gate.load_floors()
    assert pinned["gold_digest"] == gold.digest()
    assert set(pinned["floors"]) == set(gate.PINNED)
    assert json.loads(gate.FLOORS_PATH.read_text(encoding="utf-8"))["tolerance"] == 0.02


def test_check_fails_on_a_band_where_no_standard_scale_defines_one():
    out = results()
    out["estimative_dev"]["unbanded_with_band"] = 2
    assert gate.check(out, floors()) == ["estimative_dev.unbanded_with_band = 2, must be 0"]


def test_check_notices_a_changed_estimative_dev_set():
    pinned = {**floors(), "estimative_dev_digest": "sha256:" + "cd" * 32}
    out = results()
    out["estimative_dev"]["digest"] = "sha256:" + "ef" * 32
    assert any("estimative-dev data changed" in failure for failure in gate.check(out, pinned))
