"""The reference article end to end: what issue 2 says must come out of it.

The article itself is read from ../shared (never copied here); the assertions name only what
the issue asks for, so they check the outcome, not the rules that produce it.
"""

from __future__ import annotations

import pytest

from sayso.model import Analysis


@pytest.fixture(scope="module")
def analysis(reference_text: str, nlp) -> Analysis:
    from sayso.pipeline import analyze

    return analyze(reference_text, published="2022-10-11")


def passage_containing(analysis: Analysis, needle: str):
    at = analysis.text.index(needle)
    return next(p for p in analysis.passages if p.start <= at < p.end)


@pytest.mark.parametrize(
    "needle",
    [
        "Belarus’ opposition leader said Wednesday",
        "“We have a distracted Russia",
        "Russian and Belarusian forces remain unlikely",
        "The Russian component of the RGV is comprised",
        "Foreign affairs spokesman Peter Stano told reporters",
        "“Ukraine here is the victim.",
        "“And we also urge the regime in Minsk",
        "Asked about further sanctions against Russia",
        "“Let me recall that all these steps",
    ],
)
def test_excerpts_are_quoted(analysis: Analysis, needle: str) -> None:
    assert passage_containing(analysis, needle).voice == "quoted"


@pytest.mark.parametrize(
    "needle",
    [
        "What could Alexander Lukashenko hope to gain",
        "Call it a belated recollection",
        "It’s likely just for show, ISW concludes",
        "Those would be the lucky conscripts",
        "Just because the Ukrainians are not impressed",
        "Putin can sell sanctions",
    ],
)
def test_commentary_is_the_authors(analysis: Analysis, needle: str) -> None:
    assert passage_containing(analysis, needle).voice == "author"


def test_isw_excerpt_names_its_source(analysis: Analysis) -> None:
    assert passage_containing(analysis, "The Russian component of the RGV is comprised").source == "ISW"


def test_boilerplate_is_reported_and_not_a_passage(analysis: Analysis) -> None:
    assert [b.text.strip() for b in analysis.boilerplate] == ["Join the conversation as a VIP Member"]
    at = analysis.text.index("Join the conversation")
    assert not any(p.start <= at < p.end for p in analysis.passages)


def test_spokesman_is_named_with_role_and_org(analysis: Analysis) -> None:
    stano = [a for a in analysis.attributions if a.speaker.name == "Peter Stano"]
    assert len(stano) >= 3, "the told-reporters quote, 'he added' twice and 'Stano stressed'"
    cues = {a.cue.text for a in stano if a.cue}
    assert {"told reporters", "added", "stressed"} <= cues
    assert any(a.speaker.role and "spokesman" in a.speaker.role for a in stano)
    assert {a.speaker.mention.text for a in stano if a.speaker.mention} >= {"he", "Stano"}


def test_opposition_leader_quote_is_hers(analysis: Analysis) -> None:
    direct = [a for a in analysis.attributions if a.content.text.startswith("We have a distracted Russia")]
    assert direct and direct[0].speaker.name == "Sviatlana Tsikhanouskaya"
    assert direct[0].kind == "direct"


def test_unclosed_general_staff_quote_is_kept(analysis: Analysis) -> None:
    staff = [a for a in analysis.attributions if "there is no threat of an attack" in a.content.text and a.kind != "excerpt"]
    direct = [a for a in staff if a.kind == "direct"]
    assert direct and direct[0].content.text.rstrip().endswith("as of October 10.")
    assert all("General Staff" in (a.speaker.name or "") for a in staff)


@pytest.mark.parametrize(
    ("phrase", "band", "assessor"),
    [
        ("remain unlikely", "unlikely", "ISW"),
        ("exceedingly unlikely", None, "ISW"),
        ("cannot afford", None, "ISW"),
    ],
)
def test_assessments(analysis: Analysis, phrase: str, band: str | None, assessor: str) -> None:
    found = [a for a in analysis.assessments if phrase in a.phrase.text]
    assert found, f"no assessment with {phrase!r}"
    if band:
        assert found[0].band == band
        assert 0.20 <= found[0].probability.low < found[0].probability.high <= 0.45
    assert found[0].assessor == assessor


def test_no_threat_statement_is_assessed_low(analysis: Analysis) -> None:
    found = [a for a in analysis.assessments if "no threat" in a.phrase.text]
    assert found and found[0].probability.high <= 0.2


def test_formations_and_aliases(analysis: Analysis) -> None:
    by_name = {e.name: e for e in analysis.entities}
    assert by_name["1st Guard Tank Army"].type == "MILITARY_UNIT"
    assert by_name["20th Combined Arms Army"].type == "MILITARY_UNIT"
    assert "Lukashenko" in by_name["Alexander Lukashenko"].aliases
    rgv = [e for e in analysis.entities if "RGV" in (e.name, *e.aliases)]
    assert rgv and "Regional Grouping of Forces" in (rgv[0].name, *rgv[0].aliases)


@pytest.mark.parametrize(
    ("text", "value"),
    [("October 10", "2022-10-10"), ("October 7", "2022-10-07"), ("in February", "2022-02"), ("Wednesday", "2022-10-05")],
)
def test_dates_resolve_against_publication(analysis: Analysis, text: str, value: str) -> None:
    values = {d.value for d in analysis.dates if text in d.text or d.text in text}
    assert value in values


def test_late_september_is_part_of_month(analysis: Analysis) -> None:
    late = [d for d in analysis.dates if "late September" in d.text]
    assert late and late[0].granularity == "part_of_month" and late[0].value.startswith("2022-09-2")


def test_citation_markers_stay_with_their_sentence(analysis: Analysis) -> None:
    markers = {c.marker: c for c in analysis.citations}
    assert set(markers) == {str(n) for n in range(14, 20)}
    assert markers["14"].sentence.text.startswith("Lukashenko stated that he and Russian President")
    assert "ISW has previously assessed that Lukashenko cannot afford" in markers["19"].sentence.text
