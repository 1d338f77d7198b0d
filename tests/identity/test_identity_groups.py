"""A country's group holding a view is named one way: the country's adjective before the group."""

from __future__ import annotations

import pytest

from sayso.identity.groups import group_name, load_countries, owner_and_group, place_key


def any_country(key: str) -> str | None:
    """As if the article tagged every owner as a place: the table alone decides."""
    entry = load_countries().get(key)
    return entry[0] if entry else None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Russia's officials", "Russian officials"),
        ("Iran’s hardline officials", "Iranian hardline officials"),  # curly apostrophe, adjectives kept
        ("PRC leaders", "Chinese leadership"),  # initials of "People's Republic of China"; leaders → leadership
        ("China's leaders", "Chinese leadership"),
        ("Chinese leaders", "Chinese leadership"),  # the adjective form joins the same name
        ("the Russian Federation's negotiators", "Russian negotiators"),
        ("the United States' allies", "US allies"),  # "US" is the attributive form in English prose
        ("U.S. officials", "US officials"),
        ("American officials", "US officials"),
        ("Britain's ministers", "UK ministers"),
        ("DPRK officials", "North Korean officials"),
        ("New Zealand's diplomats", "New Zealand diplomats"),  # "New Zealander" is a noun, not an adjective
        ("the Iranians' leaders", "Iranian leadership"),
        ("Japan's government", "Japanese government"),  # a collective noun
    ],
)
def test_a_countrys_group_is_named_with_its_adjective(name, expected):
    assert group_name(name, any_country) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Russia's president",  # one person, not a group
        "China's foreign minister",
        "China Mobile officials",  # the country is only part of a company's name
        "Air India's pilots",
        "Russia's Gazprom",  # a proper name after the country
        "China's Foreign Ministry",
        "Russian officials in Kyiv",  # the group's words end in a place, not a group noun
        "officials",
        "the Kremlin's advisers",  # not a country
        "Russia",
    ],
)
def test_other_names_are_no_countrys_group(name):
    assert group_name(name, any_country) is None


def test_the_article_decides_which_owners_are_countries():
    assert group_name("Russia's officials", lambda key: None) is None


def test_owner_and_group_split_a_possessive_and_a_compound():
    assert owner_and_group("Iran’s hardline officials") == ("Iran", ["hardline", "officials"])
    assert owner_and_group("PRC leaders") == ("PRC", ["leaders"])
    assert owner_and_group("China Mobile") is None


def test_the_table_knows_names_abbreviations_and_adjectives():
    countries = load_countries()
    for name in ("China", "PRC", "People's Republic of China", "Chinese"):
        assert countries[place_key(name)][0] == "China"
    assert countries[place_key("North Korea")] == countries[place_key("DPRK")]
    assert countries[place_key("Russian Federation")] == ("Russia", "Russian")


def test_the_table_leaves_out_codes_and_native_spellings():
    countries = load_countries()
    assert "it" not in countries and "can" not in countries  # ISO codes of Italy and Canada are words
    assert "sar" not in countries  # "Syrian Arab Republic" is no English state name made of "Syria"
    assert "jyk" not in countries  # initials of a native spelling ("Jamhuri ya Kenya")
