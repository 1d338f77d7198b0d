"""Names joined before a colon lead-in all speak: "Jane Roe and John Doe: “…”"."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _mentions(bare_nlp, text: str) -> list[str | None]:
    out = []
    for a in find_attributions(bare_nlp(text), [], LEXICON):
        m = a["speaker_mention"]
        out.append(None if m is None else text[m[0] : m[1]])
    return out


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a roundup's headline before a dash is not part of who speaks
        ("POLLS WERE NOT WRONG - Jane Roe and John Doe: “The polls closed too early.”", "Jane Roe and John Doe"),
        ("More from Roe and Doe: “The turnout was there all along.”", "Roe and Doe"),
        # one name keeps its own noun phrase
        ("Pollster Jane Roe: “The polls closed too early.”", "Pollster Jane Roe"),
    ],
)
def test_joined_names_before_a_colon_speak_together(bare_nlp, text, mention):
    assert _mentions(bare_nlp, text) == [mention]
