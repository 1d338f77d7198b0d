"""A role noun before a headline's colon ("Official: …") names who said what follows, as a name does."""

from __future__ import annotations

import pytest

BODY = "\n\nThe full report follows below, with reactions from across the region on Tuesday."


@pytest.mark.parametrize(
    ("headline", "speaker", "content"),
    [
        ("Official: Border Crossing To Reopen Monday", "Official", "Border Crossing To Reopen Monday"),
        ("Spokesman: talks will resume after the holiday", "Spokesman", "talks will resume after the holiday"),
    ],
)
def test_a_role_before_a_colon_speaks(attributions_of, headline, speaker, content) -> None:
    text = headline + BODY
    [found] = [a for a in attributions_of(text) if a["content"][0] < len(headline)]
    assert found["rule"] == "name-colon"
    assert (text[slice(*found["speaker_mention"])], text[slice(*found["content"])]) == (speaker, content)


@pytest.mark.parametrize("headline", ["Update: Border Crossing To Reopen Monday", "Weather: rain spreading from the west by evening"])
def test_a_label_before_a_colon_names_no_one(attributions_of, headline) -> None:
    assert [a for a in attributions_of(headline + BODY) if a["rule"] == "name-colon"] == []
