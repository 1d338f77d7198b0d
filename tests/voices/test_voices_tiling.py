"""Passages tile the text outside boilerplate: sorted, no overlap, no gap, one per paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.voices import find_voices

ARTICLES = Path(__file__).parent / "articles"


def assert_tiles(text: str, passages: list[dict], boilerplate: list[list[int]]) -> None:
    owner = [0] * len(text)
    for start, end in boilerplate:
        for i in range(start, end):
            owner[i] += 1
    previous_end = 0
    for p in passages:
        assert 0 <= p["start"] < p["end"] <= len(text)
        assert p["start"] >= previous_end, "passages overlap or are out of order"
        previous_end = p["end"]
        assert p["voice"] in ("author", "quoted")
        assert isinstance(p["rule"], str) and p["rule"]
        for i in range(p["start"], p["end"]):
            owner[i] += 1
    assert owner == [1] * len(text), "a character is in no passage, or in two"


CASES = [
    ("One line, no newline.", []),
    ("First paragraph.\n\nSecond paragraph.\n\n\n", []),
    ("\n\n  Leading blank lines.\nNext.", []),
    ("Body text.\nSubscribe to our newsletter!\nMore body text.\n", [[11, 40]]),
    ("Body text.\nSubscribe now\n  \n", [[11, 24]]),  # whitespace left after boilerplate
    ("Share this\nBody one.\nBody two.", [[0, 11]]),
    ("Body with a share prompt mid-line, Tweet this, and more.\nEnd.", [[35, 47]]),
]


@pytest.mark.parametrize(("text", "boilerplate"), CASES)
def test_voices_tile_the_text(bare_nlp, text: str, boilerplate: list[list[int]]) -> None:
    doc = bare_nlp(text)
    assert_tiles(text, find_voices(doc, boilerplate, []), boilerplate)


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_voices_one_passage_per_paragraph(bare_nlp, name: str) -> None:
    text = ARTICLES.joinpath(name).read_text(encoding="utf-8")
    passages = find_voices(bare_nlp(text), [], [])
    assert_tiles(text, passages, [])
    lines = [line for line in text.split("\n") if line.strip()]
    assert [text[p["start"] : p["end"]].strip() for p in passages] == [line.strip() for line in lines]


def test_voices_reference_article_tiles_around_its_boilerplate(bare_nlp, reference_text: str) -> None:
    start = reference_text.index("Join the conversation")
    boilerplate = [[start, len(reference_text)]]
    passages = find_voices(bare_nlp(reference_text), boilerplate, [])
    assert_tiles(reference_text, passages, boilerplate)
    assert passages[-1]["end"] == start
