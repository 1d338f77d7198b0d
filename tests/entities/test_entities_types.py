"""The model's entity type corrected by syntax: adjectives are NORP, places in place contexts GPE."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sayso.entities import find_entities


def parsed(vocab, rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A hand-built parse: (word, head index, dep, pos, tag, IOB entity tag) per token."""
    words, heads, deps, pos, tags, ents = (list(column) for column in zip(*rows, strict=True))
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)


def types(doc: Doc) -> dict[str, str]:
    found = {}
    for entity in find_entities(doc):
        for start, end in entity["mentions"]:
            assert doc.text[start:end] in (entity["name"], *entity["aliases"])
            found[doc.text[start:end]] = entity["type"]
    return found


# Each case: a parse with the model's (wrong or right) labels, and the types sayso should report.
CASES = [
    # "Drones struck targets in Kherson ." — PERSON after a locative preposition
    (
        [("Drones", 1, "nsubj", "NOUN", "NNS", "O"), ("struck", 1, "ROOT", "VERB", "VBD", "O"),
         ("targets", 1, "dobj", "NOUN", "NNS", "O"), ("in", 1, "prep", "ADP", "IN", "O"),
         ("Kherson", 3, "pobj", "PROPN", "NNP", "B-PERSON"), (".", 1, "punct", "PUNCT", ".", "O")],
        {"Kherson": "GPE"},
    ),
    # "Shelling hit the Belgorod region ." — compound of a place noun
    (
        [("Shelling", 1, "nsubj", "NOUN", "NN", "O"), ("hit", 1, "ROOT", "VERB", "VBD", "O"),
         ("the", 4, "det", "DET", "DT", "O"), ("Belgorod", 4, "compound", "PROPN", "NNP", "B-NORP"),
         ("region", 1, "dobj", "NOUN", "NN", "O"), (".", 1, "punct", "PUNCT", ".", "O")],
        {"Belgorod": "GPE"},
    ),
    # "Troops moved to Luhansk and Odesa ." — a gazetteer place after "to", and the list after it
    (
        [("Troops", 1, "nsubj", "NOUN", "NNS", "O"), ("moved", 1, "ROOT", "VERB", "VBD", "O"),
         ("to", 1, "prep", "ADP", "IN", "O"), ("Luhansk", 2, "pobj", "PROPN", "NNP", "B-GPE"),
         ("and", 3, "cc", "CCONJ", "CC", "O"), ("Odesa", 3, "conj", "PROPN", "NNP", "B-PERSON"),
         (".", 1, "punct", "PUNCT", ".", "O")],
        {"Luhansk": "GPE", "Odesa": "GPE"},
    ),
    # "Ukrainian forces advanced ." — an adjective is a NORP, not a GPE
    (
        [("Ukrainian", 1, "amod", "ADJ", "JJ", "B-GPE"), ("forces", 2, "nsubj", "NOUN", "NNS", "O"),
         ("advanced", 2, "ROOT", "VERB", "VBD", "O"), (".", 2, "punct", "PUNCT", ".", "O")],
        {"Ukrainian": "NORP"},
    ),
    # must change nothing: a person after "to" who is not a known place
    (
        [("Aides", 1, "nsubj", "NOUN", "NNS", "O"), ("wrote", 1, "ROOT", "VERB", "VBD", "O"),
         ("to", 1, "prep", "ADP", "IN", "O"), ("Halvorsen", 2, "pobj", "PROPN", "NNP", "B-PERSON"),
         (".", 1, "punct", "PUNCT", ".", "O")],
        {"Halvorsen": "PERSON"},
    ),
    # must change nothing: a possessive after "in" ("in Halvorsen 's view")
    (
        [("Nothing", 1, "nsubj", "PRON", "NN", "O"), ("changed", 1, "ROOT", "VERB", "VBD", "O"),
         ("in", 1, "prep", "ADP", "IN", "O"), ("Halvorsen", 5, "poss", "PROPN", "NNP", "B-PERSON"),
         ("'s", 3, "case", "PART", "POS", "O"), ("view", 2, "pobj", "NOUN", "NN", "O"),
         (".", 1, "punct", "PUNCT", ".", "O")],
        {"Halvorsen": "PERSON"},
    ),
    # must change nothing: a person as a subject
    (
        [("Halvorsen", 1, "nsubj", "PROPN", "NNP", "B-PERSON"), ("spoke", 1, "ROOT", "VERB", "VBD", "O"),
         (".", 1, "punct", "PUNCT", ".", "O")],
        {"Halvorsen": "PERSON"},
    ),
]


@pytest.mark.parametrize(("rows", "expected"), CASES)
def test_entities_type_corrected_by_context(bare_nlp, rows, expected) -> None:
    assert types(parsed(bare_nlp.vocab, rows)) == expected


def test_entities_places_in_a_real_parse(bare_nlp) -> None:
    text = (
        "Air defence destroyed drones over the Kherson region overnight. Debris fell on a warehouse in Odesa, "
        "and Ukrainian officials said the port was closed."
    )
    found = types(bare_nlp(text))
    assert found["Kherson"] == found["Odesa"] == "GPE"
    assert found["Ukrainian"] == "NORP"
