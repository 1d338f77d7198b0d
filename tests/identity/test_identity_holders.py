"""A judgement's holder as the identity the article gives it: capitals as their countries, full names,
a country's groups by the country's adjective."""

from __future__ import annotations

import pytest

from sayso import calibration
from sayso.estimative import find_assessments
from sayso.identity.holders import Holders, load_capitals


@pytest.mark.parametrize(
    ("text", "name", "identity"),
    [
        ("Moscow believes that sanctions will fail.", "Moscow", "Russia"),
        ("Tehran's leaders think the deal is dead.", "Tehran's", "Iran"),  # a possessive holder
        ("Officials in Bogotá expect a deal.", "Bogotá", "Colombia"),  # GeoNames spells it "Bogota"
        ("North Korean leader Kim Jong Un spoke on Monday. Kim believes the missiles deter attack.", "Kim",
         "Kim Jong Un"),  # a first name alone, as the resolver joins it
        ("Russia's officials believe the West is weak.", "Russia's officials", "Russian officials"),
        ("Russian officials believe the West is weak.", "Russian officials", "Russian officials"),
        ("PRC leaders probably believe that the sanctions will fail.", "PRC leaders", "Chinese leadership"),
        ("Beijing's leaders believe that the talks will fail.", "Beijing's leaders", "Chinese leadership"),
    ],
)
def test_a_holder_is_named_as_its_identity(bare_nlp, text, name, identity):
    assert Holders(bare_nlp(text)).identity(name) == identity


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("George Washington believed the war was lost.", "Washington"),  # a person, not the capital
        ("Victoria Beckham believes the show will go on.", "Victoria"),
        ("The Kremlin believes the offensive will succeed.", "Kremlin"),  # a name of its own
        ("Kim Jong Un met Kim Yo Jong. Kim believes the missiles deter attack.", "Kim"),  # which Kim?
        ("Russia's president believes the West is weak.", "Russia's president"),  # a person, not a group
        ("China Mobile officials believe the deal is dead.", "China Mobile officials"),  # a company's
        ("IRA leaders believe the ceasefire will hold.", "IRA leaders"),  # not tagged a place here
        ("The offensive will probably stall.", "author"),
        ("The offensive will probably stall.", None),
    ],
)
def test_other_names_are_left_as_they_are(bare_nlp, text, name):
    assert Holders(bare_nlp(text)).identity(name) == name


def test_the_capital_table_names_countries_by_their_capitals():
    capitals = load_capitals()
    assert (capitals["beijing"], capitals["washington"], capitals["kyiv"]) == ("China", "United States", "Ukraine")
    assert "singapore" not in capitals  # a capital named as its country changes nothing
    assert capitals["belgrade"] == "Serbia"  # not the dissolved Serbia and Montenegro


def test_assessments_carry_the_identity_and_the_mention_the_words(bare_nlp):
    text = "Moscow believes that the talks will fail."
    (record,) = find_assessments(bare_nlp(text), [], [], calibration.load_table(), "icd203").assessments
    assert record["assessor"] == "Russia"
    assert text[slice(*record["assessor_mention"])] == "Moscow"


def test_two_wordings_of_a_group_are_one_holder_across_articles(bare_nlp):
    table = calibration.load_table()
    names = set()
    for text in ("Russia's officials believe that the talks will fail.", "Russian officials believe that the talks will fail."):
        (record,) = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
        names.add(record["assessor"])
    assert names == {"Russian officials"}
