"""A role owned by one person and filled by another ("Murray's coach, Ivan Lendl", "Ms. Merkel's
spokesman, Steffen Seibert") is the person the apposition names, the owner being whose role it is;
with no name beside it, the role names no one."""

from __future__ import annotations

from sayso import analyze


def _speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.speaker.mention.text, a.speaker.name, a.speaker.role) for a in analyze(text).attributions]


def test_the_apposition_names_the_speaker_not_the_owner(nlp) -> None:
    text = (
        "Andy Murray came from a set down to win.\n\n"
        "Murray's coach, Ivan Lendl, told reporters his player was fit."
    )
    assert _speakers(text) == [("Murray's coach, Ivan Lendl", "Ivan Lendl", "Murray's coach")]


def test_an_owned_role_without_a_name_names_no_one(nlp) -> None:
    text = "Andy Murray came from a set down to win.\n\nMurray's coach told reporters his player was fit."
    assert _speakers(text) == [("Murray's coach", None, None)]
