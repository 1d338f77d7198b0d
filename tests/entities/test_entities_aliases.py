"""Mentions of one entity are merged: surnames, acronyms, common aliases, possessives, "the"."""

from __future__ import annotations

import pytest

from sayso.entities import find_entities, normalise


def _by_name(doc) -> dict[str, dict]:
    return {e["name"]: e for e in find_entities(doc)}


# (text, canonical name, type, surface forms of its mentions in order)
MERGED = [
    ("Belarusian President Alexander Lukashenko spoke on Monday. Lukashenko's aides later denied it.",
     "Alexander Lukashenko", "PERSON", ["Alexander Lukashenko", "Lukashenko"]),
    ("Vladimir Putin signed the decree. Critics said Putin’s decree was illegal.",
     "Vladimir Putin", "PERSON", ["Vladimir Putin", "Putin"]),
    ("The European Union (EU) agreed new sanctions. The EU will review them in March.",
     "European Union", "ORG", ["European Union", "EU", "EU"]),
    ("The Institute for the Study of War assessed the claim. ISW said it was unlikely.",
     "Institute for the Study of War", "ORG", ["Institute for the Study of War", "ISW"]),
    ("The United States sent more rockets. The U.S. also trained crews.",
     "United States", "GPE", ["United States", "U.S."]),
    ("Britain pledged more tanks on Monday. The United Kingdom will also train Ukrainian crews.",
     "United Kingdom", "GPE", ["Britain", "United Kingdom"]),
]


@pytest.mark.parametrize(("text", "name", "type_", "forms"), MERGED)
def test_mentions_merged(bare_nlp, text, name, type_, forms):
    doc = bare_nlp(text)
    entity = _by_name(doc)[name]
    assert entity["type"] == type_
    assert [text[s:e] for s, e in entity["mentions"]] == forms
    assert sorted(entity["aliases"]) == sorted(set(forms) - {name})


def test_surname_shared_by_two_people_is_not_merged(bare_nlp):
    text = "Joe Biden met Hunter Biden on Sunday. Biden said nothing afterwards."
    entities = _by_name(bare_nlp(text))
    assert "Biden" not in entities.get("Joe Biden", {}).get("aliases", [])
    assert "Biden" not in entities.get("Hunter Biden", {}).get("aliases", [])


def test_place_named_like_a_person_is_not_merged(bare_nlp):
    text = "George Washington crossed the river. Washington has promised more aid to Ukraine."
    person = _by_name(bare_nlp(text)).get("George Washington", {"aliases": []})
    assert "Washington" not in person["aliases"]


def test_records_are_clean_and_offset_exact(bare_nlp):
    text = (
        "The Kremlin said Russia's troops would stay. “The Kremlin’s position is clear,” Dmitry Peskov told "
        "reporters in Moscow.[3] Peskov added that NATO's drills were a provocation."
    )
    doc = bare_nlp(text)
    entities = find_entities(doc)
    assert entities, "expected entities"
    for entity in entities:
        assert set(entity) == {"name", "type", "aliases", "mentions"}
        for start, end in entity["mentions"]:
            mention = text[start:end]
            assert mention == mention.strip(" .,;:”“\"'")
            assert not mention.endswith(("'s", "’s"))
            assert not mention.lower().startswith("the ")
            assert "[" not in mention
    names = {e["name"] for e in entities}
    assert {"Kremlin", "Russia", "Dmitry Peskov", "North Atlantic Treaty Organization", "Moscow"} <= names
    assert [e["mentions"][0][0] for e in entities] == sorted(e["mentions"][0][0] for e in entities)


@pytest.mark.parametrize(
    ("a", "b"), [("the U.S.", "US"), ("The Kremlin", "kremlin"), ("Putin’s", "putin's"), ("Black  Sea", "black sea")]
)
def test_normalise_ignores_case_dots_and_the(a, b):
    assert normalise(a) == normalise(b)
