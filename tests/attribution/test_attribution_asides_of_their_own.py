"""An aside whose cue has a message or clause of its own is a sentence of its own, not a
parenthetical crediting the clause around it: "… projects (I can't recall any project names, but
…)" does not credit "projects" to "I"; "The talks, he said, failed." still does. Hand-written
sentences, parsed by the English model."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


@pytest.fixture(scope="module")
def parentheticals(bare_nlp):
    def run(text: str) -> list[tuple[str, str]]:
        found = find_attributions(bare_nlp(text), [], LEXICON)
        return [(text[slice(*a["cue"])], text[slice(*a["content"])]) for a in found if a["rule"].endswith("-parenthetical")]

    return run


def test_an_aside_with_an_object_of_its_own_credits_nothing_around_it(parentheticals):
    text = (
        "Our recordings are being used by a number of commercial projects (I can't recall any "
        "specific project names, but some education sites use them)."
    )
    assert parentheticals(text) == []


def test_a_bare_parenthetical_cue_still_credits_its_clause(parentheticals):
    text = "The talks with the union, the minister said, failed on Tuesday night."
    assert [cue for cue, _ in parentheticals(text)] == ["said"]
