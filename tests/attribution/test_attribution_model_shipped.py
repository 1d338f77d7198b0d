"""The shipped tagger weights load from the package and find a plain report in both modes."""

from __future__ import annotations

import pytest

from sayso import pipeline
from sayso.reading import Document

TEXT = "The mayor said that the bridge would reopen next week."


def _attributions(mode: str, text: str) -> list[dict]:
    nlp = pipeline.load(mode)
    return nlp(pipeline.prepare_doc(nlp, Document(text=text)))._.attributions


@pytest.mark.parametrize("mode", ["model", "hybrid"])
def test_shipped_weights_find_the_mayors_report(mode):
    (found,) = _attributions(mode, TEXT)
    assert TEXT[slice(*found["cue"])] == "said"
    assert TEXT[slice(*found["speaker_mention"])] == "The mayor"
    assert "the bridge would reopen next week" in TEXT[slice(*found["content"])]
    assert found["cue_class"] == "speech"
    assert found["rule"] == f"tagger-{mode}"


@pytest.mark.parametrize("mode", ["model", "hybrid"])
def test_a_plain_statement_reports_nothing(mode):
    assert _attributions(mode, "The bridge reopened last week after two months of repairs.") == []


def test_unknown_mode_is_a_config_error():
    from sayso.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown attribution mode"):
        pipeline.AttributionComponent({}, "oracle")


@pytest.mark.parametrize("mode", ["model", "hybrid"])
def test_a_tagged_speaker_mention_leaves_out_the_appositions_closing_comma(mode):
    text = "The Pentagon press secretary, Brig. Gen. Pat Ryder, said the strikes would continue."
    (found,) = _attributions(mode, text)
    assert text[slice(*found["speaker_mention"])] == "The Pentagon press secretary, Brig. Gen. Pat Ryder"
