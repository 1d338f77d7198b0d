"""An outlet whose name ends in a message noun ("The Washington Post", "the Drudge Report") is the
body speaking, not its first word's message."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Washington Post reported last week that the talks had stalled.", "Washington Post"),
        ("The New York Post reported on Monday that the mayor would resign.", "New York Post"),
    ],
)
def test_outlet_named_with_a_message_noun_is_the_outlet(attributions_of, text, name):
    (a,) = attributions_of(text)
    assert a["speaker_name"] == name


def test_a_named_body_s_lowercase_message_still_speaks_for_the_body(attributions_of):
    text = "A statement from Hamas said the talks would resume in Cairo."
    (a,) = attributions_of(text)
    assert a["speaker_name"] == "Hamas"
