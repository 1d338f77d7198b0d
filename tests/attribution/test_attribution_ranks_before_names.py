"""British, Irish and police ranks written before a name, with or without a full stop ("Cllr Anna
Webb", "Supt Karen Doyle", "Det. Sgt. John Harlow", "Col Yuriy Ihnat"), are titles, not part of
the speaker's name, whether the tagger took the rank into the person or left the name untagged."""

from __future__ import annotations

import pytest

from sayso import analyze


def _names(text: str) -> list[tuple[str, str | None]]:
    return [(a.speaker.mention.text, a.speaker.name) for a in analyze(text).attributions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cllr Anna Webb said the plan was sound.", [("Cllr Anna Webb", "Anna Webb")]),
        ("Supt Karen Doyle told reporters the road would reopen.", [("Supt Karen Doyle", "Karen Doyle")]),
        ("Det. Sgt. John Harlow said the suspect fled on foot.", [("Det. Sgt. John Harlow", "John Harlow")]),
    ],
)
def test_a_rank_is_no_part_of_the_name(nlp, text, expected) -> None:
    assert _names(text) == expected


def test_a_rank_before_an_untagged_name_beside_a_role(nlp) -> None:
    text = (
        "Ukraine said it.\n\n"
        "Col Yuriy Ihnat, the air force spokesman, said on national television that Russia was changing its tactics."
    )
    assert _names(text)[-1] == ("Col Yuriy Ihnat, the air force spokesman", "Yuriy Ihnat")


def test_a_name_without_a_rank_keeps_every_word(nlp) -> None:
    assert _names("Anna Webb said the plan was sound.") == [("Anna Webb", "Anna Webb")]
