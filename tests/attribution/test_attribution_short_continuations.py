"""A quotation interrupted by its cue goes on in a short sentence of the speaker's own ("“…,” she
said. “Big time.”"), but not in a word or two the writer puts in marks ("the “Gold Sponsor,”") or
that the next sentence leads into ("That makes it “absurd.”")."""

from __future__ import annotations

import pytest


def _parts(found: list[dict], text: str) -> list[list[str]]:
    return [[text[slice(*p)] for p in a["parts"]] or [text[slice(*a["content"])]] for a in found if a["cue_class"] == "speech"]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("“The roads are closed all week,” the mayor said. “Big time.”", "Big time."),
        ("“Did the trucks get through last night?” the mayor asked. “Nobody knows?”", "Nobody knows?"),
        ("“We expect the bridge to open soon,” Jane Roe said. “Very soon!”", "Very soon!"),
    ],
)
def test_a_short_sentence_after_the_cue_goes_on(attributions_of, text, second):
    parts = _parts(attributions_of(text), text)
    assert len(parts) == 1 and parts[0][-1] == second


@pytest.mark.parametrize(
    "text",
    [
        # a term in marks, with no full stop of its own
        "“My company paid for the stage, which is why we are listed,” Jane Roe said. “Gold Sponsor” is printed on every banner.",
        # a sentence that leads into the marks puts a term in them
        "“The roads are closed all week,” the mayor said. The council called that “absurd.”",
    ],
)
def test_a_term_in_marks_is_not_more_words_said(attributions_of, text):
    parts = _parts(attributions_of(text), text)
    assert all(len(p) == 1 for p in parts)
