"""Rendering an Analysis into blocks and segments: offsets, overlaps, badges, side panel."""

from __future__ import annotations

import pytest

from sayso.model import Analysis, Probability
from sayso.web.render import percent_range, render, speaker_colours


def _covered(view) -> str:
    return "".join(seg.text for block in view.blocks for seg in block.segments)


def test_segments_rebuild_every_block_exactly(reader_analysis: Analysis) -> None:
    view = render(reader_analysis)
    for block in view.blocks:
        assert "".join(s.text for s in block.segments) == reader_analysis.text[block.start : block.end]
    # Only whitespace between passages is dropped.
    assert "".join(_covered(view).split()) == "".join(reader_analysis.text.split())


def test_quoted_passage_names_its_source(reader_analysis: Analysis) -> None:
    view = render(reader_analysis)
    quoted = [b for b in view.blocks if b.voice == "quoted"]
    assert [b.source for b in quoted] == ["Olena Marchuk"]
    assert reader_analysis.text[quoted[0].start : quoted[0].end].startswith("\u201cWe will rebuild")
    assert [b.voice for b in view.blocks] == ["author", "quoted", "author"]


def test_overlapping_spans_stack_classes(reader_analysis: Analysis) -> None:
    """'overnight' is a date inside a quote's content: one segment carries both."""
    view = render(reader_analysis)
    segs = [s for b in view.blocks for s in b.segments]
    overnight = next(s for s in segs if s.text == "overnight")
    assert set(overnight.classes) == {"m-content", "m-date"}
    assert "at-1" in overnight.refs and "dt-1" in overnight.refs
    assert "Regional officials" in overnight.tip and "date: 2023-03-02" in overnight.tip
    assert overnight.style.startswith("box-shadow:")


def test_badge_follows_the_phrase_once(reader_analysis: Analysis) -> None:
    view = render(reader_analysis)
    segs = [s for b in view.blocks for s in b.segments]
    with_badges = [s for s in segs if s.badges]
    assert len(with_badges) == 1
    assert with_badges[0].text == "unlikely"
    assert with_badges[0].badges[0].label == "unlikely · 20–45%"
    assert view.assessments[0].label == "unlikely · 20–45%"
    assert view.assessments[0].assessor == "Centre for Coastal Studies"


def test_each_mark_gets_one_anchor(reader_analysis: Analysis) -> None:
    view = render(reader_analysis)
    anchors = [a for b in view.blocks for s in b.segments for a in s.anchors]
    assert len(anchors) == len(set(anchors))
    expected = {f"at-{i}" for i in range(3)} | {"as-0", "dt-0", "dt-1", "ct-0"}
    assert expected <= set(anchors)


def test_speakers_panel_groups_and_colours(reader_analysis: Analysis) -> None:
    view = render(reader_analysis)
    names = {s.name: s for s in view.speakers}
    assert set(names) == {"Olena Marchuk", "Regional officials", "A ministry spokesman"}
    marchuk = names["Olena Marchuk"]
    assert marchuk.refs == ("at-0",)
    assert marchuk.roles == ("deputy governor",) and marchuk.orgs == ("regional administration",)
    assert marchuk.cues == ("said",)
    assert len({s.colour for s in view.speakers}) == 3


def test_unnamed_speaker_without_mention_is_grey() -> None:
    from sayso.model import Attribution, Span, Speaker

    text = "It was described as \u201ca setback\u201d."
    content = Span.of(text, text.index("a setback"), text.index("\u201d"))
    att = Attribution("direct", content, None, Speaker(None, None))
    assert speaker_colours([att]) == {"(unnamed)": "#888888"}


@pytest.mark.parametrize(
    ("low", "high", "label"),
    [(0.2, 0.45, "20–45%"), (0.0, 0.05, "0–5%"), (0.5, 0.5, "50%"), (0.95, 1.0, "95–100%")],
)
def test_percent_range(low: float, high: float, label: str) -> None:
    assert percent_range(Probability(low, high, low).low, high) == label


def test_analysis_without_spans_renders_plain_text() -> None:
    """Must-find-nothing: no passages, no spans, one unassigned block, no marks."""
    analysis = Analysis(text="Nothing here is quoted or assessed.\n")
    view = render(analysis)
    assert len(view.blocks) == 1 and view.blocks[0].voice is None
    assert [s.classes for s in view.blocks[0].segments] == [()]
    assert view.speakers == [] and view.assessments == []


def test_interrupted_quote_marks_its_parts_not_the_cue() -> None:
    from sayso.model import Attribution, Span, Speaker

    text = "\u201cThe port is closed,\u201d the mayor said. \u201cShips wait offshore.\u201d\n"
    first = Span.of(text, 1, text.index(",\u201d"))
    second = Span.of(text, text.index("Ships"), text.index(".\u201d\n") + 1)
    cue = Span.of(text, text.index("said"), text.index("said") + 4)
    att = Attribution(
        "direct", Span.of(text, first.start, second.end), cue, Speaker("Mayor", None), "speech", "direct-cue", (first, second)
    )
    view = render(Analysis(text=text, attributions=(att,)))
    segs = [s for b in view.blocks for s in b.segments]
    content = "".join(s.text for s in segs if "m-content" in s.classes)
    assert content == "The port is closedShips wait offshore."
    said = next(s for s in segs if "said" in s.text)
    assert "m-content" not in said.classes
