"""An interview's "Q:" and "A:" labels name no one: the answers are not credited to a speaker
called "A", nor the questions to a body called "Q" (PolNeAR and GUM annotate neither), while a
transcript's name label still credits its speaker."""

from __future__ import annotations

INTERVIEW = (
    "A former diplomat on the Balkan talks\n\n"
    "Q: Who was to blame for the failure?\n\n"
    "A: I would not put it on one person. The mediators were under pressure from Brussels.\n\n"
    "Q: Do you think a deal is possible now?\n\n"
    "A: Possible, yes. It will take another generation."
)


def test_interview_labels_credit_no_speaker(attributions_of) -> None:
    found = attributions_of(INTERVIEW)
    assert [a for a in found if a["rule"] == "name-colon"] == []
    assert all(a["speaker_name"] not in ("Q", "A") and a["speaker_org"] not in ("Q", "A") for a in found)


def test_a_transcript_name_label_still_credits_its_speaker(attributions_of) -> None:
    text = (
        "DOE: We will not sign this agreement in its present form.\n\n"
        "ROE: Then the talks are over and we go home.\n\n"
        "DOE: We will see what the ministers decide tomorrow."
    )
    mentions = [text[slice(*a["speaker_mention"])] for a in attributions_of(text) if a["rule"] == "name-colon"]
    assert "DOE" in mentions


def test_a_briefing_label_with_a_capitalised_title_credits_the_named_person(attributions_of) -> None:
    # a government briefing's "MR. DOE:"/"MS. ROE:", each label once: the title's full stop is no
    # sentence end, so the name is a person, not an organisation called "MR . DOE"
    text = (
        "MR. HALLORAN: Good afternoon. The minister will travel to Oslo on Monday for talks.\n\n"
        "QUESTION: Will the talks cover fishing rights?\n\n"
        "MS. ADEYEMI: The embassy has been in close contact with the ministry all week."
    )
    found = [a for a in attributions_of(text) if a["rule"] == "name-colon"]
    assert [(text[slice(*a["speaker_mention"])], a["speaker_name"], a["speaker_org"]) for a in found] == [
        ("MR. HALLORAN", "HALLORAN", None),
        ("MS. ADEYEMI", "ADEYEMI", None),
    ]
    assert [text[slice(*a["content"])] for a in found] == [
        "Good afternoon. The minister will travel to Oslo on Monday for talks",
        "The embassy has been in close contact with the ministry all week",
    ]


def test_a_capitalised_label_the_tagger_took_for_a_number_still_credits_its_speaker(attributions_of) -> None:
    # the small model tags a transcript's "AUSTIN" NUM; a count's or a date's number still names no one
    text = (
        "Defense Secretary Lloyd Austin briefed reporters on Tuesday.\n\n"
        "AUSTIN: We have moved two brigades to the border region this week.\n\n"
        "AUSTIN: Several allies have already sent observers to the exercise.\n\n"
        "October 5: The exercise will run until the end of the month."
    )
    mentions = [text[slice(*a["speaker_mention"])] for a in attributions_of(text) if a["rule"] == "name-colon"]
    assert mentions == ["AUSTIN", "AUSTIN"]


def test_a_transcript_turn_with_a_report_inside_is_still_the_labels(attributions_of) -> None:
    """"DOE: He did. He made clear that we expect them to be released.": the report inside the turn
    is the speaker's too, so it does not keep the label from crediting the whole turn."""
    text = (
        "DOE: He raised it directly, and he made clear that we expect the two of them to be released.\n\n"
        "ROE: Then the talks are over and we go home.\n\n"
        "DOE: We will see what the ministers decide tomorrow."
    )
    turns = [text[slice(*a["content"])] for a in attributions_of(text) if a["rule"] == "name-colon"]
    assert "He raised it directly, and he made clear that we expect the two of them to be released" in turns


def test_a_label_opening_one_paragraph_leaves_a_report_inside_to_read_it(attributions_of) -> None:
    """A label that opens one paragraph only is a headline's or a lead-in's, not a transcript's
    turn: a report found inside the paragraph reads it instead."""
    text = "Senator Doe: the minister said the talks had failed.\n\nThe senator spoke in Brussels."
    found = attributions_of(text)
    assert [a["rule"] for a in found if a["rule"] == "name-colon"] == []
    assert any(text[slice(*a["cue"])] == "said" for a in found)


def test_a_broadcast_label_with_a_role_after_a_comma_credits_the_name(attributions_of) -> None:
    """A broadcast transcript's "JOHN PRATT, COUNTY EMERGENCY MANAGER:" names the speaker before the
    comma; the role after it is no part of the name."""
    text = (
        "MORENO: Well, the wind has really picked up in the last hour, and officials here are telling people "
        "that this is their last chance to leave. I spoke earlier with the county's emergency manager.\n\n"
        "JOHN PRATT, COUNTY EMERGENCY MANAGER: If you are in a mandatory evacuation zone and you have not "
        "left, you need to go now. We will not be able to send rescuers once the winds pass 45 miles an hour.\n\n"
        "MORENO: Pratt says about 30,000 people live in those zones."
    )
    mentions = [text[slice(*a["speaker_mention"])] for a in attributions_of(text) if a["rule"] == "name-colon"]
    assert "JOHN PRATT" in mentions
