"""Cases readers meet that PolNeAR under-represents: messages that speak for their issuer, headlines,
quotation-only paragraphs (running on over paragraphs, or credited by a name line), "what he calls",
and cue classes kept apart. Hand-written sentences, parsed by the full pipeline (paragraph breaks
start sentences there, as in ``sayso analyze``)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def find(attributions_of):
    return attributions_of


def _text(text: str, span: list[int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def _one(found: list[dict], text: str, content: str) -> dict:
    hits = [a for a in found if _text(text, a["content"]) == content]
    assert hits, [_text(text, a["content"]) for a in found]
    return hits[0]


# --- a statement, report, letter or post speaks for whoever issued it


@pytest.mark.parametrize(
    ("text", "content", "mention", "name"),
    [
        (
            "A statement from the European Union said, “The sanctions will remain in place until the ceasefire holds.”",
            "The sanctions will remain in place until the ceasefire holds.",
            "A statement from the European Union",
            "European Union",
        ),
        (
            "The health ministry said in a statement that three clinics had closed in the north.",
            "that three clinics had closed in the north",
            "The health ministry",
            None,
        ),
        (
            "Senator Alvarez's letter said the decision to close the base was a mistake.",
            "the decision to close the base was a mistake",
            "Senator Alvarez's letter",
            "Alvarez",
        ),
        (
            "A UN report said the camps along the river were badly overcrowded.",
            "the camps along the river were badly overcrowded",
            "A UN report",
            "UN",
        ),
    ],
)
def test_a_message_speaks_for_its_issuer(find, text, content, mention, name):
    a = _one(find(text), text, content)
    assert a["cue_class"] == "speech"
    assert _text(text, a["speaker_mention"]) == mention
    assert a["speaker_name"] == name


def test_the_ministry_said_in_a_statement_credits_the_ministry(find):
    text = "The foreign ministry said in a statement: “We reject these allegations entirely and without reservation.”"
    a = _one(find(text), text, "We reject these allegations entirely and without reservation.")
    assert (a["cue_class"], _text(text, a["speaker_mention"])) == ("speech", "The foreign ministry")


@pytest.mark.parametrize(
    "text",
    [
        "A new poll says most voters in the region oppose the plan.",
        "The study found that most of the wells had run dry by August.",
        "His statement shows how little the two sides now agree on.",
    ],
)
def test_a_poll_or_a_finding_stays_evidence(find, text):
    assert [a["cue_class"] for a in find(text)] == ["evidence"]


def test_a_pronoun_owner_is_no_issuer(find):
    text = "His statement said the decision was a mistake."
    a = _one(find(text), text, "the decision was a mistake")
    assert a["speaker_name"] is None  # never guessed


# --- headlines


@pytest.mark.parametrize(
    ("text", "content", "cue", "mention"),
    [
        ("Kremlin says talks 'constructive'\n\nDelegates met for three hours.", "talks 'constructive'", "says", "Kremlin"),
        (
            "Kremlin Says Peace Talks With Kyiv Were 'Constructive'\n\nDelegates met for three hours.",
            "Peace Talks With Kyiv Were 'Constructive'",
            "Says",
            "Kremlin",
        ),
        ("Talks 'constructive', Kremlin says\n\nDelegates met for three hours.", "Talks 'constructive'", "says", "Kremlin"),
        ("Ceasefire will hold, army says\n\nDelegates met for three hours.", "Ceasefire will hold", "says", "army"),
        (
            "Zelensky: 'We will not give up the east'\n\nUkraine's president spoke in Kyiv.",
            "We will not give up the east",
            ":",
            "Zelensky",
        ),
    ],
)
def test_a_headline_with_a_cue_is_an_attribution(find, text, content, cue, mention):
    a = _one(find(text), text, content)
    assert _text(text, a["cue"]) == cue
    assert _text(text, a["speaker_mention"]) == mention
    assert a["cue_class"] == "speech"


def test_a_headline_s_straight_single_quotes_are_a_quotation(find):
    text = "Mayor calls the budget 'a disaster for the schools'\n\nThe council meets on Monday."
    (a,) = find(text)  # the quotation finishes what the mayor calls the budget: the clause is mixed
    assert (a["kind"], _text(text, a["content"]), _text(text, a["cue"])) == ("mixed", "the budget 'a disaster for the schools'", "calls")


@pytest.mark.parametrize(
    "text",
    [
        "Floods close schools across the north\n\nHeavy rain fell for a third day.",
        "In the '80s, the players' union won two strikes, and the owners' league lost a third.",
        "Talks 'constructive'\n\nDelegates met for three hours.",
    ],
)
def test_a_headline_without_a_cue_finds_nothing(find, text):
    assert find(text) == []


# --- quotation-only paragraphs


def test_a_quotation_over_paragraphs_is_one_attribution_in_parts(find):
    text = (
        "Tom Hale told reporters: “This job has taken everything from me. I have given it ten years.\n\n"
        "“Now it is someone else's turn to run it.\n\n"
        "“I wish them luck.”"
    )
    found = find(text)
    assert len(found) == 1
    a = found[0]
    assert a["speaker_name"] == "Tom Hale"
    assert [_text(text, p) for p in a["parts"]] == [
        "This job has taken everything from me. I have given it ten years.",
        "Now it is someone else's turn to run it.",
        "I wish them luck.",
    ]
    assert a["content"][0] == a["parts"][0][0] and a["content"][1] == a["parts"][-1][1]


def test_an_interrupted_quotation_over_paragraphs_keeps_its_cue_out(find):
    text = "“This job has taken everything,” said Tom Hale. “I have given it ten years.\n\n“Now it is their turn to run it.”"
    (a,) = find(text)
    assert [_text(text, p) for p in a["parts"]] == [
        "This job has taken everything",
        "I have given it ten years.",
        "Now it is their turn to run it.",
    ]


QUOTE_ALONE = "“We cannot keep up with the people who come to us every night.”"


@pytest.mark.parametrize(
    ("before", "rule", "speaker"),
    [
        pytest.param("“It will save money and it will save lives,” said Jim Roe, the council leader.",
                     "running-speaker", "Jim Roe", id="continues-the-running-speaker"),
        pytest.param("Jim Roe has run the shelter on Dock Street for twenty years.",
                     "introduced-speaker", "Jim Roe", id="a-person-introduced-in-between-takes-the-floor"),
        pytest.param("Jim Roe fears the plan will leave the shelter without money by winter.",
                     "introduced-speaker", "Jim Roe", id="a-person-whose-belief-is-reported-takes-the-floor"),
    ],
)
def test_a_quotation_paragraph_goes_to_the_running_or_introduced_speaker(find, before, rule, speaker):
    text = f"The mayor said the plan was sound.\n\n{before}\n\n{QUOTE_ALONE}"
    a = _one(find(text), text, QUOTE_ALONE.strip("“”"))
    assert (a["rule"], a["speaker_name"]) == (rule, speaker)
    if rule == "introduced-speaker":
        assert a["cue"] is None  # no verb introduces the quotation; the paragraph before names who speaks


def test_a_paragraph_about_no_one_keeps_the_running_speaker(find):
    text = (
        "Anna Berg, the mayor, said the bridge would open in June.\n\n"
        "The bridge has been closed since the floods of 2019.\n\n"
        "“We are on schedule and on budget for the first time in years.”"
    )
    a = _one(find(text), text, "We are on schedule and on budget for the first time in years.")
    assert (a["rule"], a["speaker_name"]) == ("running-speaker", "Anna Berg")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "“Every child deserves a school that is warm in winter.”\n\n— Maria Lopez, education minister",
            "Maria Lopez, education minister",
        ),
        ("“Every child deserves a school that is warm in winter.” – Maria Lopez", "Maria Lopez"),
        # the dash glued to the name, and no entity for it
        ("“Every child deserves a school that is warm in winter.”\n\n-Maria Lopez, Springfield.", "Maria Lopez, Springfield"),
        # a participle after the name's comma says where she spoke, not who she is
        ("“Every child deserves a school that is warm in winter.”\n\n— Maria Lopez, speaking in Kyiv", "Maria Lopez"),
    ],
)
def test_a_pull_quote_is_credited_by_its_name_line(find, text, mention):
    a = _one(find(text), text, "Every child deserves a school that is warm in winter.")
    assert (a["rule"], a["speaker_name"]) == ("direct-name-line", "Maria Lopez")
    assert _text(text, a["speaker_mention"]) == mention
    assert _text(text, a["cue"]) in ("—", "–", "-")


@pytest.mark.parametrize(
    "text",
    [
        # a source line with a date credits a headline to its publisher, not to a speaker
        "“Document found on street was not secret, officials say”\n\n— The Canadian Press, August 15, 2008",
        # a dash that opens a sentence is no name line
        "“Every child deserves a school that is warm in winter.”\n\n— and then the minister left the room.",
        # a name that opens a sentence of its own is no credit line
        "“Every child deserves a school that is warm in winter.”\n\n— Maria Lopez said the school was cold.",
    ],
)
def test_no_name_line_credits_nobody_new(find, text):
    assert all(a["rule"] != "direct-name-line" for a in find(text))


def test_a_title_alone_in_its_paragraph_is_nobody_s_speech(find):
    text = "Tom Hale said he had read the essay twice.\n\n“Why The Coal Fields Still Matter To Us”"
    assert [a["rule"] for a in find(text)] == ["indirect-ccomp"]


# --- what he calls, signing off


@pytest.mark.parametrize(
    ("text", "content", "kind", "mention"),
    [
        ("She described what she calls “a culture of silence” in the department.", "a culture of silence", "direct", "she"),
        ("He denounced what he calls the “politics of fear” in the capital.", "politics of fear", "direct", "he"),
        (
            "The minister condemned what she called a “brazen breach” of the treaty.",
            "a “brazen breach” of the treaty",
            "mixed",
            "she",
        ),
    ],
)
def test_what_he_calls_credits_the_label(find, text, content, kind, mention):
    a = _one(find(text), text, content)
    assert a["kind"] == kind
    assert a["rule"] == f"{kind}-label"
    assert _text(text, a["speaker_mention"]) == mention


def test_a_label_inside_a_report_leaves_the_report_mixed(find):
    text = "The senator said she admired what she calls a “quiet kind of courage” in the nurses."
    found = find(text)
    assert {a["rule"] for a in found} == {"mixed-clause", "direct-label"}


def test_called_with_no_what_and_no_quote_is_no_report(find):
    assert find("Residents called the new bridge a small miracle of engineering.") == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The diplomat signed off: “Peace is possible, but not at any price.”", "The diplomat"),
        ("She signed off her last column with: “Peace is possible, but not at any price.”", "She"),
    ],
)
def test_signing_off_credits_the_writer(find, text, mention):
    a = _one(find(text), text, "Peace is possible, but not at any price.")
    assert _text(text, a["speaker_mention"]) == mention
    assert a["cue_class"] == "speech"


# --- cue classes stay apart


@pytest.mark.parametrize(
    ("text", "cue_class"),
    [
        ("Analysts expect the central bank to raise rates again in March.", "belief"),
        ("You think the war will end soon, but it will not.", "belief"),
        ("The figures show that exports fell by a third in the spring.", "evidence"),
        ("The minister said that exports fell by a third in the spring.", "speech"),
    ],
)
def test_cue_classes_stay_apart(find, text, cue_class):
    assert [a["cue_class"] for a in find(text)] == [cue_class]
