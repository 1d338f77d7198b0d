"""Speaker names keep their inner words: only a leading determiner and a trailing possessive go."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("According to the Institute for the Study of War, the offensive has stalled.", "Institute for the Study of War"),
        ("The Ministry of Defence said on Tuesday that the drills had ended.", "Ministry of Defence"),
        ("A spokesman for the International Atomic Energy Agency said inspectors had left the plant.", None),
    ],
)
def test_canonical_names_are_written_as_in_the_text(nlp, sentence: str, name: str | None) -> None:
    from sayso.pipeline import analyze

    [attribution] = [a for a in analyze(sentence).attributions if a.kind != "excerpt"]
    if name is None:
        speaker = attribution.speaker
        assert (speaker.name, speaker.role, speaker.org) == (None, "spokesman", "International Atomic Energy Agency")
    else:
        assert attribution.speaker.name == name
