"""Excerpts: a quoted passage is credited to the source voices named, or to the speaker its lead-in
colon names (the subject of the lead-in's cue verb, or the name it ends in); a colon that names no
one credits nobody, and a paragraph with no lead-in that reports a speaker of its own is the
author's reporting, not an excerpt. Hand-written paragraphs, parsed by the English model, with
the voices given by hand."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


@pytest.fixture(scope="module")
def excerpts(bare_nlp):
    def run(lead_in: str, passage: str, source: str | None = None) -> list[tuple[str | None, str | None, str]]:
        text = f"{lead_in}\n\n{passage}\n"
        start = text.index(passage)
        voices = [
            {"start": 0, "end": start, "voice": "author", "source": None},
            {"start": start, "end": len(text), "voice": "quoted", "source": source},
        ]
        found = find_attributions(bare_nlp(text), voices, LEXICON)

        def at(span):
            return None if span is None else text[span[0] : span[1]]

        return [(at(a["cue"]), a["speaker_name"] or at(a["speaker_mention"]), at(a["content"]))
                for a in found if a["kind"] == "excerpt"]

    return run


PASSAGE = "Let no one be mistaken, this plan is a disaster for the state and it must be stopped."


def test_a_lead_in_cue_verb_credits_its_subject(excerpts):
    [(cue, speaker, content)] = excerpts("In a speech last July, Governor Ann Reyes said:", PASSAGE)
    assert (cue, content) == ("said", PASSAGE) and "Ann Reyes" in speaker


def test_a_lead_in_that_ends_in_a_name_credits_the_name(excerpts):
    assert excerpts("From Bloomberg:", "The donors have stayed away from the campaign for months.") == [
        (":", "Bloomberg", "The donors have stayed away from the campaign for months.")
    ]


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [("In the words of Governor Ann Reyes:", "Ann Reyes"), ("Here is Ann Reyes:", "Ann Reyes")],
)
def test_a_lead_in_is_read_as_voices_reads_it(excerpts, lead_in, speaker):
    # the same reader as an excerpt's source (sayso.voices.lead_ins): a verbless lead-in's name, a
    # lead-in handing over to a person
    [(cue, found, content)] = excerpts(lead_in, PASSAGE)
    assert (cue, content) == (":", PASSAGE) and speaker in found


@pytest.mark.parametrize(
    "lead_in",
    ["This year's winners are:", "Imagine that the senator:", "The mood in the hall is recorded in detail:"],
)
def test_a_colon_that_names_no_one_credits_nobody(excerpts, lead_in):
    assert excerpts(lead_in, "Carol Lee of the Daily Ledger, for her coverage of the White House.") == []


def test_a_named_source_keeps_its_excerpt(excerpts):
    passage = "The senator has long been a persuasive advocate for families and for small farms."
    assert excerpts("As the Ledger wrote in its endorsement:", passage, source="Ledger") == [(":", "Ledger", passage)]
    assert excerpts("The committee met for six hours.", passage, source="Reuters") == [(None, "Reuters", passage)]


def test_a_paragraph_reporting_its_own_speaker_is_no_excerpt(excerpts):
    passage = "At a fundraiser in New York last week, the senator said the plan would ruin small farms."
    assert excerpts("The campaign has had a difficult month.", passage, source="Ledger") == []


def _lead_in_then_quoted(text: str, quoted: list[str], source: str) -> list[dict]:
    """Voices as the classifier gives them: the lead-in the author's, each paragraph of ``quoted`` quoted."""
    voices = [{"start": 0, "end": text.index(quoted[0]), "voice": "author", "source": None}]
    return voices + [{"start": text.index(p), "end": text.index(p) + len(p) + 1, "voice": "quoted", "source": source}
                     for p in quoted]


def test_a_pasted_report_over_paragraphs_keeps_its_excerpts(bare_nlp):
    lead_in = "The ministry made its position plain:"
    first = "The foreign minister told reporters that the border would stay closed until spring."
    second = "Asked about the talks, the minister said they had made no progress at all this month."
    text = f"{lead_in}\n\n{first}\n\n{second}\n"
    found = find_attributions(bare_nlp(text), _lead_in_then_quoted(text, [first, second], "the ministry"), LEXICON)
    assert sorted(text[slice(*a["content"])] for a in found if a["kind"] == "excerpt") == [second, first]


def test_a_paragraph_after_a_led_in_quotation_is_the_author_s(bare_nlp):
    lead_in = "The mayor answered the question directly. She said:"
    quotation = "“We will not close the port, whatever the ministry decides this winter.”"
    after = "Critics seized on the promise, and the harbour master said the port had lost money for years."
    text = f"{lead_in}\n\n{quotation}\n\n{after}\n"
    found = find_attributions(bare_nlp(text), _lead_in_then_quoted(text, [quotation, after], "the mayor"), LEXICON)
    assert [text[slice(*a["content"])] for a in found if a["kind"] == "excerpt"] == []
    assert "the port had lost money for years" in [text[slice(*a["content"])] for a in found]


def test_an_excerpt_ends_before_the_sign_off_that_names_its_source(excerpts):
    """"… in decades.\n— Capital Economics": who signed the excerpt is not among its words."""
    passage = "Household formation is slowing, and the pipeline of new apartments is the largest in decades."
    signed = f"{passage}\n\u2014 Capital Economics"
    assert excerpts("Rents have been flat for a year.", signed, source="Capital Economics") == [
        (None, "Capital Economics", passage)
    ]


def test_a_sign_off_line_alone_is_no_excerpt(excerpts):
    assert excerpts("Rents have been flat for a year.", "\u2014 Capital Economics", source="Capital Economics") == []
