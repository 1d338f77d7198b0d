"""Marks that bind paragraphs to an excerpt where the voice is inferred from plain text: a sign-off
("— Reuters", a tweet's "— Name (@handle) date") and the paragraph it signs; an elision mark
("[…]") and the paragraphs either side of it."""

from __future__ import annotations

import pytest

from sayso.voices.excerpt_marks import label_excerpt_marks
from sayso.voices.passages import Passage, paragraphs
from sayso.voices.signals import TokenIndex


def labelled(bare_nlp, text: str) -> list[tuple[str, str, str]]:
    doc = bare_nlp(text)
    passages = [Passage(s, e, rule="text:author") for s, e in paragraphs(text, [])]
    label_excerpt_marks(text, passages, TokenIndex(doc, [t.idx for t in doc]))
    return [(text[p.start : p.end].strip(), p.voice, p.rule) for p in passages]


@pytest.mark.parametrize(
    "sign_off",
    ["— Harbour Authority", "--- Marsh Valley Gazette", "— Ruth Amsel (@ruthamsel) March 3, 2018"],
)
def test_sign_off_line_quotes_itself_and_the_paragraph_it_signs(bare_nlp, sign_off: str) -> None:
    text = (
        "I went down to the quay this morning.\n\n"
        "The outer berth will close for repairs from the first of April until the end of May.\n\n"
        f"{sign_off}\n\n"
        "So no fishing off the wall this spring.\n"
    )
    assert labelled(bare_nlp, text) == [
        ("I went down to the quay this morning.", "author", "text:author"),
        ("The outer berth will close for repairs from the first of April until the end of May.", "quoted", "text:sign-off"),
        (sign_off, "quoted", "text:sign-off"),
        ("So no fishing off the wall this spring.", "author", "text:author"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The notice from the harbour office reads:\n\n— Harbour Authority\n\nAnd nothing else.",  # after a lead-in
        "We waited an hour for the ferry.\n\n— Then it finally came round the point.\n\nAt last.",  # a sentence
        "We waited an hour for the ferry.\n\n- Bring a coat\n- Bring a flask\n",  # a list
        "— Harbour Authority\n\nThe first paragraph signs nothing before it.",
        "The ferry ran late all week.\n\n– Repairs on the wall –.\n\nThe berth closes in April.",  # a wire subheading
        "The ferry ran late all week.\n\n— Repairs on the wall —\n\nThe berth closes in April.",
        "The berth closes in April for repairs to the wall.\n\nIt reopens in June.\n\n— Reuters\n",  # the text's credit
    ],
)
def test_lines_that_sign_nothing_leave_the_labels_alone(bare_nlp, text: str) -> None:
    assert {voice for _, voice, _ in labelled(bare_nlp, text)} == {"author"}


@pytest.mark.parametrize("mark", ["[…]", "(...)", "….", "..."])
def test_elision_mark_quotes_itself_and_the_paragraphs_either_side(bare_nlp, mark: str) -> None:
    text = (
        "I went down to the quay this morning.\n\n"
        "The outer berth will close for repairs from the first of April.\n\n"
        f"{mark}\n\n"
        "Vessels over twelve metres should use the inner harbour until then.\n\n"
        "So no fishing off the wall this spring.\n"
    )
    assert [voice for _, voice, _ in labelled(bare_nlp, text)] == ["author", "quoted", "quoted", "quoted", "author"]


def test_elision_mark_after_a_lead_in_leaves_the_lead_in_the_authors(bare_nlp) -> None:
    text = "The notice, in part:\n\n[…]\n\nVessels over twelve metres should use the inner harbour.\n\nFair enough."
    assert labelled(bare_nlp, text) == [
        ("The notice, in part:", "author", "text:author"),
        ("[…]", "quoted", "text:elision"),
        ("Vessels over twelve metres should use the inner harbour.", "quoted", "text:elision"),
        ("Fair enough.", "author", "text:author"),
    ]


def test_a_section_break_is_not_an_elision(bare_nlp) -> None:
    text = "First part of my post.\n\n* * *\n\nSecond part of my post.\n\n***\n\nThird."
    assert {voice for _, voice, _ in labelled(bare_nlp, text)} == {"author"}
