"""A report another speaker adds in an absolute "with" clause ("said A, with aides saying B") ends
the first speaker's content and stands as a report of its own."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _reports(bare_nlp, text: str) -> dict[str, tuple[str | None, str]]:
    """cue → (speaker mention, content) of every attribution found."""
    return {
        text[slice(*a["cue"])]: (None if a["speaker_mention"] is None else text[slice(*a["speaker_mention"])],
                                 text[slice(*a["content"])])
        for a in find_attributions(bare_nlp(text), [], LEXICON)
    }


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The minister said the talks had failed, with aides saying the deal was dead.",
         ("said", "The minister", "the talks had failed"), ("saying", "aides", "the deal was dead")),
        ("Police said two people were arrested, with witnesses reporting that shots were fired.",
         ("said", "Police", "two people were arrested"), ("reporting", "witnesses", "that shots were fired")),
    ],
)
def test_absolute_with_report_ends_the_first_content(bare_nlp, text, first, second):
    found = _reports(bare_nlp, text)
    for cue, speaker, content in (first, second):
        assert found[cue] == (speaker, content)


def test_absolute_with_clause_without_a_cue_stays_in_the_content(bare_nlp):
    text = "The minister said the economy grew, with exports rising by five percent."
    assert _reports(bare_nlp, text) == {"said": ("The minister", "the economy grew, with exports rising by five percent")}
