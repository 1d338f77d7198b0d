"""Invariants every Analysis must keep, on varied articles (ARCHITECTURE.md, "Invariants")."""

from __future__ import annotations

import pytest

from sayso.model import Analysis, Span

ARTICLES = {
    "wire": (
        "KYIV, Ukraine (AP) — Ukraine's military said Tuesday that Russian forces had shelled the city overnight.\n"
        "“We expect more attacks in the coming days,” General Oleksandr Syrskyi told reporters in Kyiv. "
        "He added that air defences were likely to be stretched.\n"
        "The Defence Ministry, according to a statement, considers a renewed offensive unlikely before spring.\n"
    ),
    "blog": (
        "Why would anyone believe the Kremlin now? I don't.\n"
        "The think tank put it plainly in its latest update:\n"
        "Russian forces will very likely continue to conduct limited attacks near Bakhmut.[3] "
        "The Institute assesses that a major breakthrough remains unlikely in the next month.[4]\n"
        "That's about right, and it's why the front barely moved.\n"
    ),
    "unbalanced": "He said “this never closes. Then another line follows.\nAnd a last one with a stray ” mark.\n",
}


def spans_of(analysis: Analysis) -> list[Span]:
    spans: list[Span] = list(analysis.boilerplate)
    for a in analysis.attributions:
        spans += [a.content] + [s for s in (a.cue, a.speaker.mention) if s is not None]
    for a in analysis.assessments:
        spans += [a.phrase, a.sentence] + [s for s in (a.proposition, a.assessor_mention) if s is not None]
    for c in analysis.confidences:
        spans += [c.phrase, c.sentence]
    for e in analysis.entities:
        spans += list(e.mentions)
    for c in analysis.citations:
        spans += [Span(c.start, c.end, c.text), c.sentence]
    spans += [Span(d.start, d.end, d.text) for d in analysis.dates]
    spans += [Span(p.start, p.end, p.text) for p in analysis.passages]
    return spans


@pytest.fixture(scope="module", params=sorted(ARTICLES))
def analysis(request, nlp) -> Analysis:
    from sayso.pipeline import analyze

    return analyze(ARTICLES[request.param], published="2023-03-15")


def test_every_span_slices_the_analysed_text(analysis: Analysis) -> None:
    spans = spans_of(analysis)
    assert spans, "expected some spans"
    for span in spans:
        assert 0 <= span.start <= span.end <= len(analysis.text)
        assert analysis.text[span.start : span.end] == span.text


def test_passages_tile_the_text_outside_boilerplate(analysis: Analysis) -> None:
    covered = [False] * len(analysis.text)
    for b in analysis.boilerplate:
        for i in range(b.start, b.end):
            covered[i] = True
    previous_end = 0
    for p in analysis.passages:
        assert p.start >= previous_end, "passages overlap or are out of order"
        previous_end = p.end
        for i in range(p.start, p.end):
            assert not covered[i], f"character {i} is in two passages or in boilerplate"
            covered[i] = True
    uncovered = [i for i, c in enumerate(covered) if not c and not analysis.text[i].isspace()]
    assert uncovered == []


def test_probabilities_are_ordered_within_unit_interval(analysis: Analysis) -> None:
    for a in analysis.assessments:
        p = a.probability
        assert (p is None) == (a.band is None), a  # no band, no number: a modal, judgement, …
        assert p is None or 0.0 <= p.low <= p.median <= p.high <= 1.0, a
        assert a.scale == analysis.scale


def test_attributions_have_content_and_speaker_mentions_inside_text(analysis: Analysis) -> None:
    for a in analysis.attributions:
        assert a.content.text.strip()
        if a.speaker.mention is not None:
            assert 0 <= a.speaker.mention.start < a.speaker.mention.end <= len(analysis.text)


def test_same_input_gives_same_json(nlp) -> None:
    from sayso.pipeline import analyze

    first = analyze(ARTICLES["wire"], published="2023-03-15").to_json()
    second = analyze(ARTICLES["wire"], published="2023-03-15").to_json()
    assert first == second


def test_wire_story_finds_the_general_and_the_estimate(nlp) -> None:
    from sayso.pipeline import analyze

    analysis = analyze(ARTICLES["wire"], published="2023-03-15")
    speakers = {a.speaker.name for a in analysis.attributions}
    assert "Oleksandr Syrskyi" in speakers
    assert any(a.band == "unlikely" for a in analysis.assessments)
    assert any(d.text == "Tuesday" and d.value == "2023-03-14" and d.relative for d in analysis.dates)


def test_multiprocess_pipe_matches_single_process(nlp) -> None:
    from sayso.pipeline import analyze_documents
    from sayso.reading import read

    documents = [read(text, published="2023-03-15") for text in ARTICLES.values()]
    single = [a.to_json() for a in analyze_documents(documents)]
    multi = [a.to_json() for a in analyze_documents(documents, n_process=2, batch_size=1)]
    assert multi == single
