"""A capitalised office with no name beside it ("the Foreign Secretary", "Britain's Prime Minister")
is a role, as its lowercase spelling is: never a body named after the office, never the last person
who spoke, and the person who holds that office when the article named them."""

from __future__ import annotations

from sayso import analyze


def _speakers(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    out = []
    for a in analyze(text).attributions:
        s = a.speaker
        if s.mention is not None:
            assert text[s.mention.start : s.mention.end] == s.mention.text
            out.append((s.mention.text, s.name, s.role, s.org))
    return out


def test_an_office_alone_is_a_role_not_a_name(nlp) -> None:
    text = (
        "The Foreign Secretary said on Monday that Britain would send more aid.\n\n"
        "\u201cWe are ready,\u201d the Defence Minister said."
    )
    assert _speakers(text) == [
        ("The Foreign Secretary", None, "Foreign Secretary", None),
        ("the Defence Minister", None, "Defence Minister", None),
    ]


def test_a_country_s_office_is_no_person_called_after_the_country(nlp) -> None:
    text = "Britain's Prime Minister warned that the country faced a difficult winter."
    assert _speakers(text) == [("Britain's Prime Minister", None, "Prime Minister", None)]


def test_an_office_is_not_the_last_person_who_spoke(nlp) -> None:
    text = (
        "The ministry's spokesman, Ivan Petrov, told reporters the claims were false.\n\n"
        "The Foreign Secretary said on Monday that Britain would send more aid."
    )
    assert ("The Foreign Secretary", None, "Foreign Secretary", None) in _speakers(text)


def test_an_office_the_article_gave_a_holder_is_that_person(nlp) -> None:
    """"Secretary of State" is a secretary: the head before "of" is what "the Secretary" names."""
    text = "Secretary of State Antony Blinken said the talks had stalled. The Secretary said he would travel to Cairo."
    assert [name for _, name, _, _ in _speakers(text)] == ["Antony Blinken", "Antony Blinken"]


def test_an_office_beside_its_holder_keeps_the_holder(nlp) -> None:
    text = "Malaysia's Prime Minister, Najib Razak, said the report was false."
    assert [name for _, name, _, _ in _speakers(text)] == ["Najib Razak"]


def test_an_owner_s_office_is_left_out_of_the_role(nlp) -> None:
    text = "The Prime Minister's spokesman said the report was false."
    assert _speakers(text) == [("The Prime Minister's spokesman", None, "spokesman", None)]


def test_a_statement_is_not_the_last_person_who_spoke(nlp) -> None:
    """"the statement said" after a spokesman spoke: neither his name nor his body is the statement's."""
    text = (
        "\u201cThe dialogue continues,\u201d Kremlin spokesman Dmitry Peskov told reporters.\n\n"
        "\u201cOur sovereignty is not negotiable,\u201d the statement said."
    )
    assert ("the statement", None, None, None) in _speakers(text)
