"""A surname two people in one article share is credited to the one the text settles, or to no
one: the one its own apposition describes, never a person of the other honorific gender."""

from __future__ import annotations

from sayso import analyze


def _speakers(text: str) -> dict[str, str | None]:
    return {a.speaker.mention.text: a.speaker.name for a in analyze(text).attributions if a.speaker.mention}


def _credited(text: str, mention: str) -> str | None:
    speakers = _speakers(text)
    assert mention in speakers, speakers  # the attribution is found, so the assertion below means something
    return speakers[mention]


def test_a_shared_surname_is_the_person_its_apposition_describes(nlp) -> None:
    text = ("Anna Berg, the finance minister, said on Monday that the budget would protect pensions. "
            "Separately, Karl Berg, the central bank governor, said rates would stay on hold.\n\n"
            "Berg, the minister, told parliament that the plan had no alternative.")
    assert _credited(text, "Berg, the minister") == "Anna Berg"


def test_a_shared_surname_whose_apposition_fits_no_one_is_not_guessed(nlp) -> None:
    """The latest Berg is the governor; "Berg, the former party leader" is no one the text settles."""
    text = ("Anna Berg said on Monday that the budget would protect pensions. "
            "Separately, Karl Berg, the central bank governor, said rates would stay on hold.\n\n"
            "Berg, the former party leader, told parliament that the plan had no alternative.")
    assert _credited(text, "Berg, the former party leader") is None


def test_a_man_and_a_woman_who_share_a_surname_stay_two_people(nlp) -> None:
    """"Ms Mitchell" and "Mr Mitchell" are not one speaker, whichever full name attribution chose."""
    text = ("Panel debates budget\n\n"
            "Sarah Mitchell and David Mitchell, who are not related, spoke at the budget panel in Leeds. "
            "Ms Mitchell said the plan was unfunded. Mr Mitchell said it was the best available.")
    speakers = _speakers(text)
    assert speakers["Ms Mitchell"] != speakers["Mr Mitchell"]
    assert "Sarah Mitchell" not in (speakers["Mr Mitchell"],)


def test_one_persons_honorific_and_full_name_stay_one(nlp) -> None:
    text = ("Mayor Helga Sorensen opened the new bridge on Monday. "
            "Ms Sorensen said the bridge was finished on time. Ms Sorensen added that it came in under budget.")
    speakers = _speakers(text)
    assert speakers["Ms Sorensen"] in ("Helga Sorensen", "Ms Sorensen")
