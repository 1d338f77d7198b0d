"""A person's name the tagger left without an entity, set beside a person's role by apposition
("The department's spokesperson, Ana Ruiz"): the speaker is that person, whichever comes first,
and a body beside a body noun stays no person."""

from __future__ import annotations

import pytest

from sayso import analyze


def _speaker(text: str) -> tuple[str, str | None, str | None, str | None]:
    (a,) = analyze(text).attributions
    s = a.speaker
    assert text[s.mention.start : s.mention.end] == s.mention.text
    return s.mention.text, s.name, s.role, s.type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The department's spokesperson, Ana Ruiz, said the memo was out of context.",
         ("The department's spokesperson, Ana Ruiz", "Ana Ruiz", "spokesperson", "PERSON")),
        ("Ana Ruiz, the department's spokesperson, said the memo was out of context.",
         ("Ana Ruiz, the department's spokesperson", "Ana Ruiz", "department's spokesperson", "PERSON")),
    ],
)
def test_a_name_beside_a_role_is_the_person(nlp, text, expected) -> None:
    assert _speaker(text) == expected


def test_a_name_the_tagger_took_for_a_place_is_the_person_and_she_is_hers(nlp) -> None:
    text = (
        "Defence Minister Andrei Belousov said production had tripled.\n\n"
        "The governor's spokeswoman, Natalia Ilchenko, said there were no casualties. "
        "She added that power had been restored."
    )
    names = [(a.speaker.mention.text, a.speaker.name) for a in analyze(text).attributions]
    assert names[1:] == [("The governor's spokeswoman, Natalia Ilchenko", "Natalia Ilchenko"), ("She", "Natalia Ilchenko")]


def test_a_body_beside_a_body_noun_is_no_person(nlp) -> None:
    assert _speaker("Its parent company, Northwind Holdings, said the report was false.")[1:] == (None, None, "ORG")
