"""Who the analysis credits: the name given to each speaker mention of a text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sayso import analyze


@pytest.fixture
def speakers(nlp) -> Callable[[str], dict[str, str | None]]:
    """``speakers(text)``: each speaker mention's text and the name it is credited to."""

    def credit(text: str) -> dict[str, str | None]:
        return {a.speaker.mention.text: a.speaker.name for a in analyze(text).attributions if a.speaker.mention}

    return credit


@pytest.fixture
def credited(speakers) -> Callable[[str, str], str | None]:
    """``credited(text, mention)``: the name ``mention`` is credited to; the attribution must be found."""

    def name(text: str, mention: str) -> str | None:
        found = speakers(text)
        assert mention in found, found  # the attribution is found, so the assertion on its name means something
        return found[mention]

    return name
