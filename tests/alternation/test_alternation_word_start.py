"""A word-start pattern finds exactly the matches ``re`` finds with the same pattern."""

from __future__ import annotations

import re

import pytest

from sayso.alternation import WordStartPattern

PATTERNS = [
    (r"\b(?:said|says|told)\s+(?:Monday|today)\b", 0),
    (r"\b(?:he|she|they|it)\s+(?:added|said)\s*[.,]", 0),
    (r"\b(?:January|March|Oct\.)\s+\d{1,2}\b", 0),
    (r"^\W*Asked\s+(?:about|whether)\b", re.MULTILINE),  # no leading \b: searched as it is
    (r"\bAP\b", 0),
]
TEXTS = [
    "Officials said Monday that unsaid Monday is no wire; she said. It said, they added, and he says today.",
    "On March 3 and Oct. 14, not Marches 3 nor XMarch 4; January 12, January 123.",
    "Asked about it, he shrugged.\n  Asked whether she would go: no. Unasked about.",
    "AP, CAP, AP's, _AP, AP_ and ÉAP: a boundary is read off the character before.",
    "",
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_word_start_pattern_finds_what_re_finds(pattern, flags):
    fast, plain = WordStartPattern(pattern, flags), re.compile(pattern, flags)
    for text in TEXTS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        found = fast.search(text)
        assert (found and found.span()) == ((m := plain.search(text)) and m.span())


def test_word_start_pattern_finds_matches_past_a_start_inside_a_word():
    fast = WordStartPattern(r"\bsaid Monday")
    assert [m.span() for m in fast.finditer("unsaid Monday, said Monday")] == [(15, 26)]


def test_word_start_pattern_finds_nothing_without_a_word_start():
    assert WordStartPattern(r"\b(?:said|told)\s+reporters").search("unsaid reporters, retold reporters") is None
