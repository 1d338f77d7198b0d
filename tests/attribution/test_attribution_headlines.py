"""A headline's cue the tagger reads as a noun ("X claims …") is still a cue: subject, cue, content."""

from __future__ import annotations

import pytest

BODY = "\n\nThe full report follows below, with reactions from across the region on Tuesday."


@pytest.mark.parametrize(
    ("headline", "cue", "speaker", "content"),
    [
        ("Opposition claims count was flawed", "claims", "Opposition", "count was flawed"),
        ("Coach admits squad 'not fit enough'", "admits", "Coach", "squad 'not fit enough'"),
        ("Landlords urge calm as rents climb", "urge", "Landlords", "calm as rents climb"),
    ],
)
def test_a_headline_cue_read_as_a_noun_credits_its_subject(attributions_of, headline, cue, speaker, content) -> None:
    text = headline + BODY
    [found] = [a for a in attributions_of(text) if a["content"][0] < len(headline)]
    assert found["rule"] == "headline-cue"
    assert text[slice(*found["cue"])] == cue
    assert text[slice(*found["speaker_mention"])] == speaker
    assert text[slice(*found["content"])] == content


def test_a_headline_that_is_wholly_quoted_after_its_cue_is_direct(attributions_of) -> None:
    text = "Striker claims 'the referee robbed us'" + BODY
    [found] = [a for a in attributions_of(text) if a["content"][0] < 40]
    assert (found["kind"], text[slice(*found["content"])]) in (
        ("direct", "the referee robbed us"), ("mixed", "'the referee robbed us'"),
    )


@pytest.mark.parametrize(
    "headline",
    [
        "Claims soar as winter storms batter coast",  # the cue word opens the line: no subject
        "Hurricane claims homes along the coast",  # no clause or quote, and a storm is no speaker
        "Warnings ignored before dam collapse",
        "Rivers burst banks across the north",
        "Drought claims harvest in south",  # a lone object, no speaker
        "Tenants claim rooms",  # too short to say anything
    ],
)
def test_a_headline_without_a_speaker_and_a_cue_finds_nothing(attributions_of, headline) -> None:
    text = headline + BODY
    assert [a for a in attributions_of(text) if a["content"][0] < len(headline)] == []


def test_a_title_case_line_is_a_headline_even_with_a_full_stop(attributions_of) -> None:
    text = "City Council Announces Plan To Rebuild Harbour." + BODY
    [found] = [a for a in attributions_of(text) if a["content"][0] < 47]
    assert (text[slice(*found["cue"])], text[slice(*found["content"])]) == ("Announces", "Plan To Rebuild Harbour")
    assert text[slice(*found["speaker_mention"])] == "City Council"


@pytest.mark.parametrize(
    "headline",
    [
        "Tiny Village Post Office Closes Its Doors",  # a bare form in title case is a noun
        "Firm Lands Contract With Surprise Claim About Fees",  # a clause before the cue word
    ],
)
def test_a_title_case_noun_is_no_cue(attributions_of, headline) -> None:
    assert all(a["rule"] != "headline-cue" for a in attributions_of(headline + BODY))


def test_a_first_line_ending_in_a_full_stop_is_no_headline(attributions_of) -> None:
    text = "Senator claims budget was cooked.\n\nThe full report follows below."
    assert all(a["rule"] != "headline-cue" for a in attributions_of(text))


def test_a_lone_line_is_no_headline(attributions_of) -> None:
    assert all(a["rule"] != "headline-cue" for a in attributions_of("Senator claims budget was 'cooked'"))
