"""An outlet the article names in full and then by its last word ("The Harbour Times" … "the
Times said") is one outlet: the short form is credited with the full name."""

from __future__ import annotations

from sayso import analyze
from sayso.identity.roles import in_full


def _credits(text: str) -> list[tuple[str | None, str | None]]:
    return [(a.speaker.name, a.speaker.org) for a in analyze(text).attributions]


def test_an_outlet_called_by_its_last_word_is_the_one_named_in_full() -> None:
    text = ("Port strike enters second week\n\nThe Harbour Times reported on Monday that the talks had stalled. "
            "The Times said the union would vote on Friday.")
    assert [name for name, _ in _credits(text)] == ["Harbour Times", "Harbour Times"]


def test_two_outlets_with_one_last_word_leave_the_short_form_alone() -> None:
    text = ("Port strike enters second week\n\nThe Harbour Times reported on Monday that the talks had stalled. "
            "The Valley Times reported that the port was empty. The Times said the union would vote on Friday.")
    assert _credits(text)[-1][0] == "Times"


def test_in_full_reads_the_article_and_a_possessive() -> None:
    outlets = {"post": "Harbour Post"}
    assert in_full("the Post's", outlets) == in_full("Post", outlets) == "Harbour Post"
    assert in_full("post", outlets) == "post"  # a common noun is no outlet's name
    assert in_full("Postal Service", outlets) == "Postal Service" and in_full(None, outlets) is None
