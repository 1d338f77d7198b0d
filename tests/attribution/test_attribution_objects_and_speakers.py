"""Message objects as content, speakers named by a colon lead-in or a possessor, and non-speakers."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _find(bare_nlp, text: str) -> list[dict]:
    found = find_attributions(bare_nlp(text), [], LEXICON)
    for a in found:
        for key in ("content", "cue", "speaker_mention"):
            if a[key] is not None:
                start, end = a[key]
                assert 0 <= start < end <= len(text) and text[start:end] == text[start:end].strip()
    return found


def _text(text: str, span: list[int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("On Friday evening the defence minister announced his resignation.", "his resignation", "announced"),
        ("The rebel commander vowed to retake the airport within a week.", "to retake the airport within a week", "vowed"),
        # a quantity of messages is a message
        ("The minister repeated many of the promises he made in May.", "many of the promises he made in May", "repeated"),
        # a gerund object is the message too
        ("The general proposed closing the corridor to all civilian traffic.", "closing the corridor to all civilian traffic", "proposed"),
        # who is urged belongs to what was urged
        ("The governor urged residents to leave the coast before nightfall.", "residents to leave the coast before nightfall", "urged"),
        ("Aid agencies warned of severe fuel shortages across the region.", "severe fuel shortages across the region", "warned of"),
        ("The ministry noted the arrival of new air-defence systems in the region.", "the arrival of new air-defence systems in the region", "noted"),
        ("The commander pointed to the heavy losses of the past week.", "the heavy losses of the past week", "pointed to"),
        # a that-clause on the object of the verb's own preposition belongs to that object
        ("The senator pointed to reports that the mill would close in the spring.", "reports that the mill would close in the spring", "pointed to"),
        ("The mayor commented on claims that the harbour had been sold.", "claims that the harbour had been sold", "commented on"),
        # what the parser hangs on the verb after the object belongs to the message
        ("The government announced new steps to tighten controls at the border.", "new steps to tighten controls at the border", "announced"),
        # a reported figure or event is the message ("reported no arrests")
        ("Police reported no arrests after the second night of protests.", "no arrests after the second night of protests", "reported"),
        ("The mayor recalled the long winter of 2014.", "the long winter of 2014", "recalled"),
    ],
)
def test_message_object_is_content(bare_nlp, text, content, cue):
    found = _find(bare_nlp, text)
    hits = [a for a in found if _text(text, a["content"]) == content]
    assert hits, [_text(text, a["content"]) for a in found]
    assert hits[0]["kind"] == "indirect" and _text(text, hits[0]["cue"]) == cue


@pytest.mark.parametrize(
    "text",
    [
        "The envoy told him nothing about the ceasefire talks.",  # a person object is an audience
        "The ministry announced it on Monday.",  # a pronoun object says nothing
        "The safest course is to wait for the talks and hope the shelling stops.",  # an option hopes nothing
        "The convoy continued moving toward the border.",  # a gerund after a verb that reports nothing
    ],
)
def test_no_attribution_without_a_message_or_a_speaker(bare_nlp, text):
    assert _find(bare_nlp, text) == []


def test_headline_name_before_colon_is_the_speaker(bare_nlp):
    text = "Governor Elena Vasquez: ‘We Will Rebuild Every School Destroyed in the Floods’"
    found = _find(bare_nlp, text)
    assert len(found) == 1 and found[0]["kind"] == "direct"
    assert _text(text, found[0]["speaker_mention"]) == "Governor Elena Vasquez"
    assert found[0]["speaker_name"] == "Elena Vasquez"


def test_reporter_of_an_outlet_is_role_and_org(bare_nlp):
    text = "A Reuters reporter claimed that the shelling had stopped before dawn."
    a = _find(bare_nlp, text)[0]
    assert _text(text, a["speaker_mention"]) == "A Reuters reporter"
    assert a["speaker_name"] is None and a["speaker_role"] == "reporter" and a["speaker_org"] == "Reuters"


@pytest.mark.parametrize(
    ("text", "role", "org"),
    [
        ("John Kirby, a spokesman for the National Security Council, said the talks had failed.", "spokesman", "National Security Council"),
        ("John Smith, a professor at Harvard University, said the plan would fail.", "professor", "Harvard University"),
        ("Olga Ivanova of the Carnegie Endowment said the talks had failed.", None, "Carnegie Endowment"),
    ],
)
def test_a_named_speakers_body_after_the_name_is_the_org(bare_nlp, text, role, org):
    a = next(a for a in _find(bare_nlp, text) if a["speaker_name"])
    assert (a["speaker_role"], a["speaker_org"]) == (role, org)


def test_where_a_named_speaker_lives_is_no_org(bare_nlp):
    text = "Jane Roe, 29, of Huntsville, said the talks had failed."
    assert all(a["speaker_org"] is None for a in _find(bare_nlp, text))


def test_country_possessor_is_not_the_speaker(bare_nlp):
    text = "Moldova’s opposition leader said on Tuesday that she expects early elections in the spring."
    a = next(a for a in _find(bare_nlp, text) if _text(text, a["cue"]) == "said")
    assert a["speaker_name"] is None and a["speaker_role"] and "leader" in a["speaker_role"]


def test_ing_clause_closed_by_a_colon_leads_into_the_quote(bare_nlp):
    """"tweeted using his account: “…”": how the message went out is not the message."""
    text = 'The mayor tweeted using her personal account:\n\n"The bridge will reopen on Monday, and we thank every worker."'
    (a,) = _find(bare_nlp, text)
    assert _text(text, a["content"]) == "The bridge will reopen on Monday, and we thank every worker."
    assert (_text(text, a["cue"]), _text(text, a["speaker_mention"])) == ("tweeted", "The mayor")


def test_ing_clause_without_a_colon_is_still_the_message(bare_nlp):
    text = "The council proposed banning cars from the old town."
    (a,) = _find(bare_nlp, text)
    assert _text(text, a["content"]) == "banning cars from the old town"


@pytest.mark.parametrize(
    "text",
    [
        "Tell me, what events are important today?",
        "Ask yourself: which swing state will the party win with this message?",
        "Ask any voter about the new tax on fuel.",
    ],
)
def test_an_order_to_speak_reports_nothing(bare_nlp, text):
    assert _find(bare_nlp, text) == []


def test_a_cue_with_its_subject_opening_the_sentence_still_reports(bare_nlp):
    text = "Tell them the truth, the minister said the war began in 2014."
    assert ("the war began in 2014", "the minister") in [
        (_text(text, a["content"]), _text(text, a["speaker_mention"])) for a in _find(bare_nlp, text)
    ]
