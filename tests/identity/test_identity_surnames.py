"""A surname two people in one article share is credited to the one the text settles, or to no
one: the one its own apposition describes, never a person of the other honorific gender."""

from __future__ import annotations

import pytest


def test_a_shared_surname_is_the_person_its_apposition_describes(credited) -> None:
    text = ("Anna Berg, the finance minister, said on Monday that the budget would protect pensions. "
            "Separately, Karl Berg, the central bank governor, said rates would stay on hold.\n\n"
            "Berg, the minister, told parliament that the plan had no alternative.")
    assert credited(text, "Berg, the minister") == "Anna Berg"


def test_a_shared_surname_whose_apposition_fits_no_one_is_not_guessed(credited) -> None:
    """The latest Berg is the governor; "Berg, the former party leader" is no one the text settles."""
    text = ("Anna Berg said on Monday that the budget would protect pensions. "
            "Separately, Karl Berg, the central bank governor, said rates would stay on hold.\n\n"
            "Berg, the former party leader, told parliament that the plan had no alternative.")
    assert credited(text, "Berg, the former party leader") is None


def test_a_man_and_a_woman_who_share_a_surname_stay_two_people(speakers) -> None:
    """"Ms Mitchell" and "Mr Mitchell" are not one speaker, whichever full name attribution chose."""
    text = ("Panel debates budget\n\n"
            "Sarah Mitchell and David Mitchell, who are not related, spoke at the budget panel in Leeds. "
            "Ms Mitchell said the plan was unfunded. Mr Mitchell said it was the best available.")
    credits = speakers(text)
    assert credits["Ms Mitchell"] != credits["Mr Mitchell"]
    assert "Sarah Mitchell" not in (credits["Mr Mitchell"],)


def test_one_persons_honorific_and_full_name_stay_one(speakers) -> None:
    text = ("Mayor Helga Sorensen opened the new bridge on Monday. "
            "Ms Sorensen said the bridge was finished on time. Ms Sorensen added that it came in under budget.")
    credits = speakers(text)
    assert credits["Ms Sorensen"] in ("Helga Sorensen", "Ms Sorensen")


def _label_credit(bare_nlp, text: str, label: str, name: str, type_: str = "PERSON") -> tuple[str | None, str | None]:
    """(name, type) identity gives the credit attribution's name-colon rule makes for ``label``."""
    from sayso.identity.resolution import resolve_attributions

    start = text.index(f"\n{label}:") + 1
    colon = start + len(label)
    content = (colon + 2, text.index("\n", colon) if "\n" in text[colon:] else len(text))
    record = {"content": list(content), "speaker_mention": [start, colon], "speaker_name": name, "speaker_type": type_}
    resolved = resolve_attributions(bare_nlp(text), [record])[0]
    assert text[resolved["speaker_mention"][0] : resolved["speaker_mention"][1]] == label  # the label's own characters
    return resolved["speaker_name"], resolved["speaker_type"]


BRIEFING = ("Pentagon press briefing on the exercise\n\n"
            "Defense Secretary Lloyd Austin and press secretary Patricia Rayner briefed reporters on Tuesday.\n\n"
            "MS. RAYNER: Good afternoon. The secretary will take a few questions after his remarks.\n\n"
            "Q: Will allies take part in the exercise?\n\n"
            "PENTAGON: The exercise will run until the end of the month.\n\n"
            "UPDATE: The briefing ended at 3 p.m. after forty minutes.")
TV_INTERVIEW = ("Interview with the health minister\n\n"
                "Health Minister Anna Kim spoke with host David Ortega on Sunday about the hospital strike.\n\n"
                "ORTEGA: Nurses have been on strike for three weeks now. When will it end?\n\n"
                "KIM: We are close to an agreement with the union, and the wards will reopen next week.")
PARLIAMENT = ("Questions to the transport minister\n\n"
              "Transport Minister Erik Halvorsen answered questions from Senator Maria Warren on the rail tender.\n\n"
              "SEN. WARREN: Why was the tender for the northern line cancelled last month?\n\n"
              "MR. HALVORSEN: The bids came in well above the budget that parliament approved.")
COURT = ("Transcript of the hearing in the harbour fraud case\n\n"
         "Defence counsel Peter Dalton cross-examined the witness, the harbour master Ruth Okafor, on Thursday.\n\n"
         "THE COURT: The witness will answer the question that was put to her.\n\n"
         "Mr. Dalton: You signed the invoices for the dredging contract in March.\n\n"
         "Okafor: I signed them because the director told me the work was finished.")


@pytest.mark.parametrize(("text", "label", "name", "full"), [
    (BRIEFING, "MS. RAYNER", "RAYNER", "Patricia Rayner"),
    (TV_INTERVIEW, "KIM", "KIM", "Anna Kim"),
    (TV_INTERVIEW, "ORTEGA", "ORTEGA", "David Ortega"),
    (PARLIAMENT, "SEN. WARREN", "WARREN", "Maria Warren"),
    (PARLIAMENT, "MR. HALVORSEN", "HALVORSEN", "Erik Halvorsen"),
    (COURT, "Mr. Dalton", "Dalton", "Peter Dalton"),
    (COURT, "Okafor", "Okafor", "Ruth Okafor"),
])
def test_a_transcripts_speaker_label_is_the_person_named_in_full_with_its_surname(bare_nlp, text, label, name, full) -> None:
    assert _label_credit(bare_nlp, text, label, name) == (full, "PERSON")


def test_a_label_the_tagger_took_for_a_body_is_still_the_person_with_that_surname(bare_nlp) -> None:
    assert _label_credit(bare_nlp, TV_INTERVIEW, "ORTEGA", "ORTEGA", "ORG") == ("David Ortega", "PERSON")


@pytest.mark.parametrize(("text", "label", "name", "type_"), [
    (BRIEFING, "UPDATE", "UPDATE", "ORG"),
    (BRIEFING, "Q", "Q", "PERSON"),
    (BRIEFING, "PENTAGON", "PENTAGON", "ORG"),
    (COURT, "THE COURT", "THE COURT", "ORG"),
    (BRIEFING.replace("UPDATE", "Editor's note"), "Editor's note", "Editor's note", "ORG"),
])
def test_a_label_that_names_no_one_keeps_its_credit(bare_nlp, text, label, name, type_) -> None:
    assert _label_credit(bare_nlp, text, label, name, type_) == (name, type_)


def test_a_label_two_people_share_is_not_guessed(bare_nlp) -> None:
    text = TV_INTERVIEW.replace("host David Ortega", "her predecessor Daniel Kim")
    assert _label_credit(bare_nlp, text, "KIM", "KIM")[0] == "Kim"


def test_a_label_whose_surname_no_one_has_in_full_keeps_the_surname_in_normal_case(bare_nlp) -> None:
    """No first name is invented; "KIM" is the article's "Kim", so the corpus joins it with other "Kim" credits."""
    text = TV_INTERVIEW.replace("Health Minister Anna Kim", "The health minister")
    assert _label_credit(bare_nlp, text, "KIM", "KIM") == ("Kim", "PERSON")


def test_a_label_whose_honorific_is_of_the_other_gender_is_not_that_person(bare_nlp) -> None:
    text = PARLIAMENT.replace("Transport Minister Erik Halvorsen", "Transport Minister Mr. Erik Halvorsen")
    assert _label_credit(bare_nlp, text.replace("MR. HALVORSEN", "MS. HALVORSEN"), "MS. HALVORSEN", "HALVORSEN")[0] \
        != "Erik Halvorsen"


def test_an_analysed_interview_credits_the_label_to_the_full_name(credited) -> None:
    assert credited(TV_INTERVIEW, "KIM") == "Anna Kim"


def test_a_label_attribution_could_not_name_gets_only_a_full_name(bare_nlp) -> None:
    assert _label_credit(bare_nlp, TV_INTERVIEW, "KIM", None, None) == ("Anna Kim", "PERSON")
    assert _label_credit(bare_nlp, TV_INTERVIEW.replace("Anna Kim", "the minister"), "KIM", None, None) == (None, None)


def test_a_label_is_spelled_as_the_article_spells_the_name_never_as_a_common_word(bare_nlp) -> None:
    text = TV_INTERVIEW.replace("Health Minister Anna Kim", "The health minister") + "\n\nThe kim ferry was late."
    assert _label_credit(bare_nlp, text, "KIM", "KIM") == ("Kim", "PERSON")
    text = TV_INTERVIEW.replace("Health Minister Anna Kim", "The health minister, Ms McKenzie,").replace("KIM:", "MCKENZIE:")
    assert _label_credit(bare_nlp, text, "MCKENZIE", "MCKENZIE") == ("McKenzie", "PERSON")


PANEL = ("Hearing on the harbour budget\n\n"
         "Councillor Maria Ruiz-Delgado questioned the harbour master, Tomas Brandt, on Monday.\n\n"
         "MRD: Why did the dredging cost double this year?\n\n"
         "BRANDT: The silt came back faster than the survey predicted.")


def test_a_label_of_initials_is_the_one_person_with_those_initials(bare_nlp) -> None:
    """"AOC:" is the Alexandria Ocasio-Cortez the article names; a hyphenated surname keeps its hyphen."""
    assert _label_credit(bare_nlp, PANEL, "MRD", "MRD", "ORG") == ("Maria Ruiz-Delgado", "PERSON")


def test_a_label_of_initials_no_one_has_names_no_one_new(bare_nlp) -> None:
    text = PANEL.replace("Councillor Maria Ruiz-Delgado", "A councillor")
    assert _label_credit(bare_nlp, text, "MRD", "MRD", "ORG") == ("MRD", "ORG")
