"""Offices that Commonwealth and European news capitalise and set before a name ("The Premier",
"Treasurer Michael O'Dwyer", "Chancellor …", "Commissioner …") are roles, not names of bodies
or part of the person's name; an office the tagger took into the person is the speaker's role."""

from __future__ import annotations

from sayso import analyze


def _speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.speaker.mention.text, a.speaker.name, a.speaker.role) for a in analyze(text).attributions]


def test_a_capitalised_office_without_a_name_is_a_role(nlp) -> None:
    text = "The Premier has defended the stadium plan, saying it would create thousands of jobs."
    assert _speakers(text) == [("The Premier", None, "Premier")]


def test_an_office_before_a_name_is_no_part_of_it(nlp) -> None:
    text = "Treasurer Michael O'Dwyer said the figures would be released in due course."
    assert [name for _, name, _ in _speakers(text)] == ["Michael O'Dwyer"]


def test_an_office_taken_into_the_person_is_the_role(nlp) -> None:
    text = "Treasurer Michael O'Dwyer said the figures would be released in due course."
    assert _speakers(text) == [("Treasurer Michael O'Dwyer", "Michael O'Dwyer", "Treasurer")]


def test_a_name_without_an_office_has_no_role(nlp) -> None:
    assert _speakers("Michael O'Dwyer said the figures would be released in due course.") == [
        ("Michael O'Dwyer", "Michael O'Dwyer", None)
    ]


def test_a_courtesy_title_gives_way_to_the_apposition(nlp) -> None:
    """"Dr." or "Mr." before a name holds no office: the apposition names the role."""
    text = "Dr. Melanie Ding, an epidemiologist at the University of Sydney, said the benefits level off."
    assert _speakers(text) == [(text[: text.index(", said")], "Melanie Ding", "epidemiologist")]
