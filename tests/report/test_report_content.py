"""The text and markdown reports show what was said: an interrupted quotation without its cue."""

from __future__ import annotations

from sayso.model import Analysis, Attribution, Span, Speaker
from sayso.report import content_text, render_markdown

TEXT = "“The port is closed,” the mayor said. “Ships wait offshore.”\n"


def _interrupted() -> Attribution:
    first = Span.of(TEXT, 1, TEXT.index(",”"))
    second = Span.of(TEXT, TEXT.index("Ships"), TEXT.index(".”") + 1)
    cue = Span.of(TEXT, TEXT.index("said"), TEXT.index("said") + 4)
    return Attribution("direct", Span.of(TEXT, 1, second.end), cue, Speaker("Mayor", None), "speech", "direct-cue", (first, second))


def test_parts_are_joined_without_the_cue() -> None:
    assert content_text(_interrupted()) == "The port is closed … Ships wait offshore."


def test_markdown_report_uses_the_parts() -> None:
    report = render_markdown(Analysis(text=TEXT, attributions=(_interrupted(),)))
    assert "The port is closed … Ships wait offshore." in report
    assert "the mayor said" not in report.split("## Attributions")[1].split("## Assessments")[0]
