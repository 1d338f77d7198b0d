"""Right after its quote, an inverted cue's next noun phrase is its speaker ("“…,” recalled Mr.
Rhodes"), but a participle's next noun phrase is what it does ("“…”, highlighting the importance
of clean air": no speaker is named there)."""

from __future__ import annotations

QUOTE = '"Ground-level ozone causes more damage to plants than all other pollutants combined"'


def _speakers(attributions_of, text: str) -> list[str | None]:
    return [text[slice(*a["speaker_mention"])] if a["speaker_mention"] else None for a in attributions_of(text)]


def test_a_participle_s_object_is_not_its_speaker(attributions_of):
    text = f"The farm lobby published a short summary. {QUOTE}, highlighting the importance of clean air for farms."
    assert "the importance of clean air for farms" not in _speakers(attributions_of, text)


def test_an_inverted_finite_cue_still_names_its_speaker(attributions_of):
    text = f"The farm lobby published a short summary. {QUOTE}, said Jane Roe, who wrote it."
    assert _speakers(attributions_of, text) == ["Jane Roe, who wrote it"]
