"""Curly apostrophes are made straight, as the voice word lists are written; text without one is left as it is."""

from __future__ import annotations

from sayso.voices.signals import APOSTROPHES, straighten


def test_curly_apostrophes_become_straight():
    assert straighten("it\u2019s \u2018ours\u2019, y\u02bcall") == "it's 'ours', y'all"


def test_text_without_a_curly_apostrophe_is_returned_unchanged():
    for text in ("it's plain", "“Quoted” — and dashed", "Zürich", ""):
        assert straighten(text) is text
        assert straighten(text) == text.translate(APOSTROPHES)
