"""Speakers named through a pronoun: a relative pronoun that speaks is the name it follows (the
mention stays the pronoun); "we" in the writer's own voice is no one named."""

from __future__ import annotations

import pytest


def _speakers(attributions_of, text: str, cue: str) -> list[tuple[str | None, str | None]]:
    """(mention, name) of every attribution whose cue is ``cue``."""
    out = []
    for a in attributions_of(text):
        if a["cue"] and text[a["cue"][0] : a["cue"][1]] == cue:
            mention = a["speaker_mention"]
            out.append((text[mention[0] : mention[1]] if mention else None, a["speaker_name"]))
    return out


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("The bill was backed by Senator Jane Roe, who said it would lower costs for farmers.", "said",
         ("who", "Jane Roe")),
        ("The plan was praised by the Harbor Authority, which said the new pier would open in May.", "said",
         ("which", "Harbor Authority")),
        # the name set beside a common noun: an obituary's "her son, Thomas, who said …"
        ("Her death was confirmed by her son, Thomas, who said she died peacefully at her home.", "said",
         ("who", "Thomas")),
    ],
)
def test_a_relative_pronoun_speaks_for_the_name_it_follows(attributions_of, text, cue, expected):
    assert _speakers(attributions_of, text, cue) == [expected]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a common noun names no one: the speaker stays unnamed
        ("Several voters who said the plan would fail stayed home on Tuesday.", "said"),
        ("The plan was opposed by a farmer from Springfield, who said the water would run out.", "said"),
    ],
)
def test_a_relative_pronoun_after_no_name_stays_unnamed(attributions_of, text, cue):
    speakers = _speakers(attributions_of, text, cue)
    assert speakers and all(name is None for _, name in speakers)


def test_we_in_the_writers_voice_is_not_the_last_body_that_spoke(attributions_of):
    text = "The Acme Corporation said on Monday that talks would resume. We know that such talks have failed before."
    assert _speakers(attributions_of, text, "said")[0][1] == "Acme Corporation"
    assert _speakers(attributions_of, text, "know") == [("We", None)]
