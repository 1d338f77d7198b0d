"""``sayso eval`` exit codes and outputs, with the measuring step replaced by a small stub."""

from __future__ import annotations

import json

import pytest

from sayso.cli import main
from sayso.evaluation import gate, gold, report

DIGEST = "sha256:" + "ab" * 32


def stub_results(value: float) -> dict:
    """A tiny results dict in the shape report.run produces, every figure equal to ``value``."""
    cell = {"precision": value, "recall": value, "f1": value}
    subsets = {s: {m: dict(cell) for m in report.POLNEAR_METRICS} for s in report.SUBSETS}
    metrics = gold.score([], [])
    for layer in report.GOLD_METRICS:
        metrics[layer].update({k: value for k in report.GOLD_METRICS[layer]})
        metrics[layer]["f1"] = value
    metrics["attributions"]["strict_f1"] = value
    return {
        "polnear": {
            "dataset": "PolNeAR v1.0.0",
            "split": "dev",
            "articles": 2,
            "scoring": "stub",
            "systems": {"sayso": subsets, "textacy": subsets},
        },
        "gold": {"digest": DIGEST, **metrics},
        "blog_voices": {
            "posts": 1,
            **{
                reading: {"paragraphs": 2, "quoted": 1, **{m: value for m in report.BLOG_VOICES_METRICS}}
                for reading in ("plain", "markdown")
            },
        },
        "estimative_dev": {
            "digest": DIGEST, "documents": 2, "gold": 3, "predicted": 3, "unbanded_matched": 1,
            **{k: value for k in report.ESTIMATIVE_METRICS}, "unbanded_with_band": 0,
        },
        "calibration": {"violations": [], "plot": "calibration.png"},
    }


@pytest.fixture()
def run_eval(monkeypatch, tmp_path, capsys):
    """Run ``sayso eval ARGS`` against a stub measuring ``value``: (exit code, stdout, stderr)."""

    def run(value: float, *args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(
            report, "run", lambda **kw: report.Report(stub_results(value), "| calibration |\n")
        )
        try:
            main(
                [
                    "eval",
                    "--floors",
                    str(tmp_path / "floors.json"),
                    "--docs",
                    str(tmp_path / "quality.md"),
                    *args,
                ]
            )
            code = 0
        except SystemExit as exit_:
            code = exit_.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def pin(tmp_path, value: float) -> None:
    gate.write_atomic(
        tmp_path / "floors.json",
        json.dumps({"tolerance": 0.02, "gold_digest": DIGEST, "floors": {k: value for k in gate.PINNED}}),
    )


def test_gate_passes_when_figures_hold(run_eval, tmp_path):
    pin(tmp_path, 0.80)
    code, out, _ = run_eval(0.79, "--gate")
    assert code == 0
    assert "0.790 (0.79/0.79)" in out
    page = (tmp_path / "quality.md").read_text(encoding="utf-8")
    assert "All pinned floors hold." in page and "| calibration |" in page


def test_gate_fails_naming_metric_value_and_floor(run_eval, tmp_path):
    pin(tmp_path, 0.80)
    code, _, err = run_eval(0.70, "--gate")
    assert code == 1
    assert "gold.attributions.f1 = 0.7000 is more than 2 points below its floor 0.8000" in err
    assert "FAIL: gold.attributions.f1" in (tmp_path / "quality.md").read_text(encoding="utf-8")


def test_no_gate_never_fails_on_figures(run_eval, tmp_path):
    pin(tmp_path, 0.80)
    assert run_eval(0.10)[0] == 0


def test_gate_without_floors_is_a_config_error(run_eval):
    code, _, err = run_eval(0.80, "--gate")
    assert code == 4 and "no floors at" in err


def test_update_floors_refuses_to_lower_without_allow_regression(run_eval, tmp_path):
    pin(tmp_path, 0.80)
    code, _, err = run_eval(0.60, "--update-floors")
    assert code == 4 and "refusing to lower floors" in err
    assert gate.load_floors(tmp_path / "floors.json")["floors"]["gold.dates.f1"] == 0.80
    assert run_eval(0.60, "--update-floors", "--allow-regression")[0] == 0
    assert gate.load_floors(tmp_path / "floors.json")["floors"]["gold.dates.f1"] == 0.60


@pytest.mark.parametrize("flag", ["--gate", "--update-floors"])
def test_limit_cannot_gate_or_pin(run_eval, flag):
    code, _, err = run_eval(0.80, "--limit", "3", flag)
    assert code == 2 and "drop --limit" in err


def test_json_format_prints_results_and_gate(run_eval, tmp_path):
    pin(tmp_path, 0.50)
    code, out, _ = run_eval(0.90, "--gate", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["gate"] == []
    assert data["results"]["gold"]["digest"] == DIGEST


def test_no_docs_writes_no_page(run_eval, tmp_path):
    pin(tmp_path, 0.80)
    assert run_eval(0.80, "--gate", "--no-docs")[0] == 0
    assert not (tmp_path / "quality.md").exists()
