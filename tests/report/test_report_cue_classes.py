"""The reports list speech; a belief, evidence or perception report is counted in one line, and listed with its
class only when asked (``all_cues``), so "X expects …" is never shown as a quote."""

from __future__ import annotations

import io

from rich.console import Console

from sayso.model import Analysis, Attribution, Span, Speaker
from sayso.report import render_markdown, render_text

TEXT = "The mayor said the port would reopen. Analysts expect the port to reopen in May. Dockers saw the cranes move.\n"


def _analysis() -> Analysis:
    def at(needle: str) -> Span:
        return Span.of(TEXT, TEXT.index(needle), TEXT.index(needle) + len(needle))

    said = Attribution("indirect", at("the port would reopen"), at("said"), Speaker("Mayor", at("The mayor")),
                       "speech", "indirect-ccomp")
    expect = Attribution("indirect", at("the port to reopen in May"), at("expect"), Speaker(None, at("Analysts")),
                         "belief", "indirect-ccomp")
    saw = Attribution("indirect", at("the cranes move"), at("saw"), Speaker(None, at("Dockers")),
                      "perception", "indirect-ccomp")
    return Analysis(text=TEXT, attributions=(said, expect, saw))


def _attributions_section(report: str) -> str:
    return report.split("## Attributions")[1].split("## Assessments")[0]


def test_markdown_report_lists_speech_and_counts_the_rest() -> None:
    section = _attributions_section(render_markdown(_analysis()))
    assert "the port would reopen" in section
    assert "the port to reopen in May" not in section and "the cranes move" not in section
    assert "2 belief, evidence or perception reports not shown" in section


def test_markdown_report_labels_beliefs_with_all_cues() -> None:
    section = _attributions_section(render_markdown(_analysis(), all_cues=True))
    assert "| indirect (belief) | Analysts | expect | the port to reopen in May |" in section
    assert "| indirect (perception) | Dockers | saw | the cranes move |" in section
    assert "| indirect | Mayor | said |" in section
    assert "not shown" not in section


def test_text_report_labels_beliefs_only_with_all_cues() -> None:
    def text(all_cues: bool) -> str:
        out = io.StringIO()
        render_text(_analysis(), Console(file=out, width=200, color_system=None), all_cues=all_cues)
        return out.getvalue()

    plain = text(False)
    assert "Attributions (1)" in plain and "Analysts" not in plain.split("Attributions")[1].split("Assessments")[0]
    labelled = text(True)
    assert "Attributions (3)" in labelled and "[belief] Analysts · expect" in labelled
    assert "[perception] Dockers · saw" in labelled


def test_cli_analyze_all_cues(run_sayso, tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The mayor said the port would reopen soon. Analysts expect the port to reopen in May.\n")
    code, out, _ = run_sayso("analyze", str(path), "--format", "markdown")
    assert code == 0 and "Analysts" not in _attributions_section(out) and "not shown" in out
    code, out, _ = run_sayso("analyze", str(path), "--format", "markdown", "--all-cues")
    assert code == 0 and "(belief) | Analysts | expect" in _attributions_section(out)
