"""A first-letter grouped alternation matches exactly what the plain alternation of its words does."""

from __future__ import annotations

import re

from sayso.alternation import grouped_alternation

WORDS = ["early", "end of", "late", "last", "a", "an", "Later this", "mid", "mid-term", "(?)"]
TEXTS = [
    "In early March and at the end of April, late last year, an idea, a mid-term and Later this week.",
    "Nothing here: ended, lately, anend, midst.",
    "(?) is a literal, not a pattern; so is END OF and LAST.",
]


def test_grouped_alternation_finds_what_the_plain_alternation_finds():
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, WORDS)) + r")\b", re.IGNORECASE)
    grouped = re.compile(r"\b(?:" + grouped_alternation(WORDS) + r")\b", re.IGNORECASE)
    for text in TEXTS:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert grouped.findall(TEXTS[0])  # the texts do hold matches


def test_grouped_alternation_tries_one_group_per_first_letter():
    assert grouped_alternation(["late", "end of", "last", "early"]) == r"l(?:ate|ast)|e(?:nd\ of|arly)"


def test_grouped_alternation_finds_nothing_in_a_text_without_the_words():
    grouped = re.compile(r"\b(?:" + grouped_alternation(WORDS) + r")\b", re.IGNORECASE)
    assert grouped.search("Officials said on Monday the bridge would reopen.") is None
