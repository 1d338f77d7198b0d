"""Roles that are titles or jobs, organisations that are not places, names that are names."""

from __future__ import annotations

import pytest

from sayso.identity.roles import FUNCTION_WORDS, clean_name, clean_org, clean_role, role_head_at


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("foreign affairs spokesman", "foreign affairs spokesman"),
        ("Defense Secretary", "Defense Secretary"),
        ("professor", "professor"),
        ("Speaker of the House", "Speaker of the House"),
        ("minister of economy Mr.", "minister of economy"),
        ("58", None),
        ("Mrs.", None),
        ("Trump Was Mocking", None),
        ("perennial potential candidate who may or may not run again", None),
        ("election", None),
        # a hyphenated job is judged by its last part; hyphenated words count as several
        ("Republican presidential front-runner", "Republican presidential front-runner"),
        ("34-year-old teacher", "34-year-old teacher"),
        ("securities analyst for the Philadelphia-based investment company", None),
        ("well-known", None),
        # a message has no job, though "statement" ends like "president"
        ("statement", None),
        ("initial statement", None),
        ("leaked internal letter", None),
        # jobs no suffix gives away
        ("Chief Executive", "Chief Executive"),
        ("Coach", "Coach"),
        ("conservative radio host", "conservative radio host"),
        ("executives", None),
    ],
)
def test_clean_role_keeps_titles_and_jobs(role, expected):
    assert clean_role(role) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("many", None), ("falter", None), ("Obama Says", "Obama"), ('">Sanders', "Sanders"), ("ISW", "ISW"),
     ("General", None), ("Senator", None), ("Prime Minister", None), ("Mr.", None)],
)
def test_clean_name_drops_words_that_name_no_one(name, expected):
    assert clean_name(name) == expected


@pytest.mark.parametrize(("name", "type_"), [
    ("State Department", "ORG"), ("Defense Ministry", "ORG"), ("U.S.", "ORG"), ("Army", "ORG"), ("General Motors", "ORG"),
    ("Justice Roberts", "PERSON"),
])
def test_clean_name_keeps_a_body_or_a_name_beside_a_title(name, type_):
    assert clean_name(name, type_) == name


def test_clean_org_drops_a_place_but_keeps_an_organisation(bare_nlp):
    doc = bare_nlp("Governor Chris Christie of Ohio spoke. The Ohio Democratic Party said no.")
    places = {e.text for e in doc.ents if e.label_ == "GPE"}
    assert "Ohio" in places
    assert clean_org("Ohio", doc) is None
    assert clean_org("Ohio Democratic Party", doc) == "Ohio Democratic Party"


@pytest.mark.parametrize(
    ("words", "joiners", "head"),
    [
        (["secretary", "of", "state"], FUNCTION_WORDS, 0),
        (["minister", "for", "europe"], ("of", "for"), 0),
        (["director", "at", "the", "agency"], FUNCTION_WORDS, 0),
        (["director", "at", "the", "agency"], ("of", "for"), 3),  # the resolver's heads join on "of"/"for" only
        (["of", "state"], FUNCTION_WORDS, 1),  # a leading joiner joins nothing
        (["spokesman"], FUNCTION_WORDS, 0),
        ([], FUNCTION_WORDS, -1),
    ],
)
def test_role_head_is_the_last_word_before_the_first_joiner(words: list[str], joiners: tuple[str, ...], head: int) -> None:
    assert role_head_at(words, joiners) == head


@pytest.mark.parametrize(("role", "expected"), [
    ("SEN.", "Sen."),
    ("GEN.", "Gen."),
    ("FBI DIRECTOR", "FBI Director"),
    ("VICE PRESIDENT", "Vice President"),
    ("U.S. SEN.", "U.S. Sen."),
    ("CEO", "CEO"),
    ("Sen.", "Sen."),
])
def test_a_role_in_a_labels_capitals_is_written_as_a_title(role, expected):
    """A transcript's "SEN. WARREN:" gives the role an article's "Sen. Warren" gives; acronyms stay."""
    assert clean_role(role) == expected
