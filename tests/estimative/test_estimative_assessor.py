"""Who assesses: explicit subject, attribution speaker, quoted passage source, or the author."""

from __future__ import annotations

import pytest

from sayso import calibration
from sayso.estimative import find_assessments


@pytest.fixture(scope="module")
def table() -> calibration.Table:
    return calibration.load_table()


def only(bare_nlp, table, text, voices=(), attributions=()):
    found = find_assessments(bare_nlp(text), list(voices), list(attributions), table, "icd203")
    (record,) = found.assessments
    return record


def test_explicit_subject_of_an_assessment_verb(bare_nlp, table):
    text = "The defence ministry believes that the strikes were probably a warning."
    record = only(bare_nlp, table, text)
    assert record["assessor"] == "defence ministry"
    assert text[record["assessor_mention"][0] : record["assessor_mention"][1]] == "defence ministry"


def test_explicit_subject_takes_the_attributions_resolved_name(bare_nlp, table):
    text = "Kovalenko warned that a new offensive is likely."
    start = text.index("Kovalenko")
    attribution = {"kind": "indirect", "content": [text.index("a new"), len(text) - 1], "cue": None,
                   "speaker_name": "Oleksandr Kovalenko", "speaker_mention": [start, start + 9]}
    record = only(bare_nlp, table, text, attributions=[attribution])
    assert record["assessor"] == "Oleksandr Kovalenko"
    assert record["assessor_mention"] == [start, start + 9]


def test_speaker_of_the_attribution_holding_the_phrase(bare_nlp, table):
    text = '"An assault on the city is unlikely before the thaw," he told reporters.'
    attribution = {"kind": "direct", "content": [1, text.index(',"')], "cue": [text.index("told"), text.index("told") + 4],
                   "speaker_name": "Colonel Ivan Petrenko", "speaker_mention": [text.index("he"), text.index("he") + 2]}
    record = only(bare_nlp, table, text, attributions=[attribution])
    assert record["assessor"] == "Colonel Ivan Petrenko"
    assert record["assessor_mention"] == attribution["speaker_mention"]


def test_unknown_speaker_stays_unknown(bare_nlp, table):
    text = '"The port will probably fall," one source said.'
    attribution = {"kind": "direct", "content": [1, text.index(',"')], "cue": None,
                   "speaker_name": None, "speaker_mention": None}
    record = only(bare_nlp, table, text, attributions=[attribution])
    assert record["assessor"] is None and record["assessor_mention"] is None


@pytest.mark.parametrize(
    ("voice", "source", "expected"),
    [("quoted", "Institute for Regional Security", "Institute for Regional Security"), ("quoted", None, None),
     ("author", None, "author")],
)
def test_quoted_passage_source_or_author(bare_nlp, table, voice, source, expected):
    text = "Mobilised reservists are unlikely to reach the front before December."
    record = only(bare_nlp, table, text, voices=[{"start": 0, "end": len(text), "voice": voice, "source": source}])
    assert record["assessor"] == expected


def test_no_voices_means_the_author(bare_nlp, table):
    assert only(bare_nlp, table, "The offensive will probably stall.")["assessor"] == "author"


def test_boilerplate_outside_every_passage_is_skipped(bare_nlp, table):
    text = "The siege may last weeks.\nYou might also like our newsletter."
    voices = [{"start": 0, "end": 25, "voice": "author", "source": None}]
    found = find_assessments(bare_nlp(text), voices, [], table, "icd203")
    assert [text[a["phrase"][0] : a["phrase"][1]] for a in found.assessments] == ["may"]
