"""The calibration report: markdown table, plot and violations, as ``sayso eval`` uses them."""

from __future__ import annotations

from pathlib import Path

import pytest

WEP = Path(__file__).resolve().parents[3] / "shared" / "data" / "wep"


@pytest.mark.skipif(not WEP.exists(), reason=f"WEP data not found at {WEP}")
def test_build_writes_markdown_and_png_and_flags_disagreements(tmp_path):
    from sayso.evaluation.calibration_report import build

    report = build(tmp_path / "out", WEP)
    assert report.violations == []
    assert report.plot_path == tmp_path / "out" / "calibration.png"
    assert report.plot_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "out" / "calibration.md").read_text(encoding="utf-8") == report.markdown
    rows = {line.split(" | ")[0].strip("| "): line for line in report.markdown.splitlines()[2:] if line.startswith("|")}
    assert "likely 55–80 (term)" in rows["likely"]
    assert "likely 55–80 (*nearest*)" in rows["better than even"]  # a likelihood word ICD 203 lacks
    assert "readers above PHIA" not in rows["possible"]  # a modal has no PHIA band to disagree with
    assert rows["may"].count("no band") == 3 and "40 [30–51] (5174)" in rows["may"]
    assert rows["cannot rule out"].count("no band") == 3 and "| none |" in rows["cannot rule out"]
    assert "reader median outside PHIA band" in rows["realistic possibility"]
    assert rows["cannot afford"].endswith("no survey data |")
