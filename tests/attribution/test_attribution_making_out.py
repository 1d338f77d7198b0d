""""Can tell" with no one told is making something out, not telling anyone: "As far as I can tell,
…" and "How can you tell whether …" are belief, never speech; "told reporters" and "can tell you
that" still report speech. Hand-written sentences, parsed by the English model."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


@pytest.fixture(scope="module")
def classes(bare_nlp):
    def run(text: str) -> list[tuple[str, str]]:
        found = find_attributions(bare_nlp(text), [], LEXICON)
        return [(a["cue_class"], text[slice(*a["cue"])]) for a in found if a["cue"]]

    return run


@pytest.mark.parametrize(
    "text",
    [
        "As far as I can tell, the new station broadcasts only at night.",
        "How can you tell whether the buyers will ever pay?",
        "She could tell that the witness was lying about the car.",
    ],
)
def test_can_tell_with_no_one_told_is_belief(classes, text):
    found = classes(text)
    assert ("speech", "tell") not in found and ("speech", "could tell") not in found
    assert all(cls != "speech" for cls, cue in found if "tell" in cue)


@pytest.mark.parametrize(
    "text",
    [
        "I can tell you that the station broadcasts only at night.",
        "The mayor told reporters that the bridge would reopen in May.",
    ],
)
def test_telling_someone_stays_speech(classes, text):
    assert any(cls == "speech" and "t" in cue for cls, cue in classes(text))
