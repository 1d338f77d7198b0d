"""A "they" that follows unnamed people who spoke is those people, not a body named before them:
the speaker stays unnamed rather than guessed ("Analysts at Barclays wrote …; “…,” they wrote" was
credited to the company the note was about)."""

from __future__ import annotations


def _speakers(found: list[dict], text: str) -> list[tuple[str, str | None, str | None]]:
    return [(text[slice(*a["speaker_mention"])], a["speaker_name"], a["speaker_org"]) for a in found]


def test_they_after_unnamed_people_names_no_body(attributions_of) -> None:
    text = (
        "Northwind Corp. said on Thursday that it would cut 1,200 jobs. "
        "Analysts at Barclays wrote in a note that the cuts did not go far enough. "
        "“We remain skeptical that management can hit its target,” they wrote."
    )
    assert _speakers(attributions_of(text), text) == [
        ("Northwind Corp.", "Northwind Corp.", "Northwind Corp."),
        ("Analysts at Barclays", None, None),
        ("they", None, None),
    ]


def test_they_after_a_body_is_still_that_body(attributions_of) -> None:
    text = (
        "Northwind Corp. said on Thursday that it would cut 1,200 jobs. "
        "They said the cuts would save $150 million a year."
    )
    assert _speakers(attributions_of(text), text)[-1] == ("They", "Northwind Corp.", "Northwind Corp.")
