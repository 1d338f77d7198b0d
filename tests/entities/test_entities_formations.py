"""Military formations are entities of their own, found where the model misses or splits them."""

from __future__ import annotations

import pytest

from sayso.entities import find_entities

# (sentence, formation names found)
FOUND = [
    ("Elements of the 1st Guards Tank Army were pulled back from the front.", ["1st Guards Tank Army"]),
    ("The 20th Combined Arms Army regrouped near the river.", ["20th Combined Arms Army"]),
    ("The 92nd Mechanized Brigade and the 155th Separate Naval Infantry Brigade held the line.",
     ["92nd Mechanized Brigade", "155th Separate Naval Infantry Brigade"]),
    ("Reinforcements from the 3rd Army Corps arrived on Monday.", ["3rd Army Corps"]),
    ("Commanders sent airborne units and motorized rifle troops to the sector.",
     ["airborne units", "motorized rifle troops"]),
    ("The Wagner Group claimed control of the salt mine.", ["Wagner Group"]),
    ("Fighters of the Azov Regiment surrendered after the siege.", ["Azov Regiment"]),
    ("The Black Sea Fleet moved its submarines out of range.", ["Black Sea Fleet"]),
    ("Moscow formed the Regional Grouping of Forces (RGV) with Minsk.", ["Regional Grouping of Forces"]),
    ("Troops of the Western Military District conducted drills.", ["Western Military District"]),
]

NOTHING = [
    "The army said the brigade would rotate soon.",
    "The first group of refugees crossed the border.",
    "Her 2nd novel sold well in Kyiv.",
    "Heavy tank losses were reported on both sides.",
]


def _formations(doc) -> dict[str, dict]:
    return {e["name"]: e for e in find_entities(doc) if e["type"] == "MILITARY_UNIT"}


@pytest.mark.parametrize(("sentence", "names"), FOUND)
def test_formations(bare_nlp, sentence, names):
    doc = bare_nlp(sentence)
    found = _formations(doc)
    assert sorted(found) == sorted(names)
    for entity in found.values():
        for start, end in entity["mentions"]:
            assert doc.text[start:end] in (entity["name"], *entity["aliases"])


@pytest.mark.parametrize("sentence", NOTHING)
def test_no_formation(bare_nlp, sentence):
    assert _formations(bare_nlp(sentence)) == {}


def test_acronym_introduced_in_parentheses_joins_the_formation(bare_nlp):
    text = "Minsk and Moscow set up the Regional Grouping of Forces (RGV) in 2022. The RGV now has 9,000 troops."
    doc = bare_nlp(text)
    (rgv,) = [e for e in find_entities(doc) if e["name"] == "Regional Grouping of Forces"]
    assert rgv["type"] == "MILITARY_UNIT"
    assert rgv["aliases"] == ["RGV"]
    assert [text[s:e] for s, e in rgv["mentions"]] == ["Regional Grouping of Forces", "RGV", "RGV"]


def test_entity_cut_where_formation_begins(bare_nlp):
    text = "Officials described the Union State's Regional Grouping of Forces as defensive."
    names = {e["name"]: e["type"] for e in find_entities(bare_nlp(text))}
    assert names.get("Regional Grouping of Forces") == "MILITARY_UNIT"
    assert not any("Grouping" in n for n in names if n != "Regional Grouping of Forces")
