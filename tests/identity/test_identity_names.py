"""Name keys: titles, honorifics, initials and suffixes left out; organisations through aliases and initials."""

from __future__ import annotations

import pytest

from sayso.identity.names import (
    PersonName,
    initials,
    is_acronym,
    org_key,
    outlet_key,
    person_name,
    same_first,
    site_name,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Donald Trump", PersonName("donald", "trump", None)),
        ("Donald J. Trump", PersonName("donald", "trump", None)),
        ("President Trump", PersonName(None, "trump", None)),
        ("Mr. Trump", PersonName(None, "trump", "m")),
        ("Mrs. Clinton", PersonName(None, "clinton", "f")),
        ("Donald Trump Jr.", PersonName("donald", "trump jr", None)),
        ("Sen. Bernie Sanders (I-Vt.)", PersonName("bernie", "sanders", None)),
    ],
)
def test_person_name_keys(name, expected):
    assert person_name(name) == expected


def test_person_name_of_titles_alone_is_none():
    assert person_name("Mr.") is None


def test_same_first_accepts_short_forms_only():
    assert same_first("chris", "christopher") and not same_first("donald", "ivanka") and not same_first("al", "alan")


def test_org_keys_meet_through_aliases_and_initials():
    assert org_key("the EU") == org_key("European Union")
    assert initials(org_key("Institute for the Study of War")) == org_key("ISW")
    assert is_acronym("ISW") and not is_acronym("Kremlin")


@pytest.mark.parametrize(("one", "other"), [
    ("Department of Defense", "the Defense Department"),
    ("the Department of the Treasury", "Treasury Department"),
    ("Ministry of Defence", "the Defence Ministry"),
    ("The Pentagon", "Defense Department"),
])
def test_org_keys_meet_across_a_departments_word_order(one, other):
    assert org_key(one) == org_key(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Department of Justice", "Department of Defense"),
    ("Ministry of Foreign Affairs", "Ministry of Finance"),
    ("Office of Management and Budget", "Budget Office"),
])
def test_org_keys_keep_different_departments_apart(one, other):
    assert org_key(one) != org_key(other)


@pytest.mark.parametrize(("one", "other"), [
    ("The Daily Ledger", "Daily Ledger"),
    ("Reuters'", "Reuters"),
    ("the Ledger's", "Ledger"),
    ("harbourtimes.com", "Harbour Times"),
    ("https://www.harbourtimes.co.uk/", "The Harbour Times"),
    ("Politico.com", "politico"),
])
def test_outlet_keys_meet_across_the_article_possessive_and_host(one, other):
    assert outlet_key(one) == outlet_key(other)


def test_a_name_with_a_dot_is_no_host():
    assert site_name("news.harbourtimes.com") == "harbourtimes"
    assert site_name("E.ON") is None and site_name("St.Louis") is None and site_name("U.S.") is None
    assert outlet_key("Harbour Times") != outlet_key("Harbour Post")
