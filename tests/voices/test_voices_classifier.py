"""The trained plain-text classifier: its shipped weights, the Viterbi pass and whole articles."""

from __future__ import annotations

import dataclasses

import pytest

from sayso.voices import find_voices, load_model
from sayso.voices.classifier import MODEL_NAME, model_from_json, viterbi

from .test_voices_tiling import assert_tiles


def test_voices_classifier_ships_its_weights() -> None:
    model = load_model()
    assert len(model.features) == len(model.coef) == len(model.mean) == len(model.scale) > 20
    assert all(scale > 0 for scale in model.scale)


def test_voices_classifier_refuses_weights_of_another_model() -> None:
    raw = load_model().to_json() | {"name": "something.else.v1"}
    with pytest.raises(ValueError, match=MODEL_NAME):
        model_from_json(raw)
    with pytest.raises(KeyError):
        model_from_json({"name": MODEL_NAME})


def test_voices_viterbi_follows_the_log_odds_without_transitions() -> None:
    model = dataclasses.replace(load_model(), transition_weight=0.0, bias=0.0, prior=(-0.7, -0.7))
    assert viterbi(model, [-3.0, 2.0, 4.0, -1.0]) == [0, 1, 1, 0]
    assert viterbi(model, []) == []


def test_voices_viterbi_transitions_keep_an_excerpt_together() -> None:
    sticky = ((-0.1, -2.0), (-2.0, -0.1))
    model = dataclasses.replace(load_model(), transition_weight=1.0, bias=0.0, prior=(-0.7, -0.7), transitions=sticky)
    assert viterbi(model, [-3.0, 3.0, -0.5, 3.0, -3.0]) == [0, 1, 1, 1, 0]


LEAD_IN = (
    "I have been reading the minister's statement all morning, and I still don't buy it. Here is what "
    "the ministry published on Monday:\n"
    "The Ministry of Defence reported that units of the 1st Army completed exercises near the border on "
    "October 10. The ministry stated that the exercises were planned in advance and posed no threat to "
    "neighbouring states, according to a statement released by the press service.\n"
    "Really? I'm not convinced, and you shouldn't be either. We've heard this before.\n"
)


def test_voices_classifier_reads_a_pasted_excerpt_after_a_lead_in(bare_nlp) -> None:
    doc = bare_nlp(LEAD_IN)
    passages = find_voices(doc, [], [])
    assert_tiles(LEAD_IN, passages, [])
    assert [(p["voice"], p["rule"]) for p in passages] == [
        ("author", "model:lead-in"),
        ("quoted", "model:quoted"),
        ("author", "model:author"),
    ]


def test_voices_classifier_finds_nothing_quoted_in_a_personal_essay(bare_nlp) -> None:
    text = (
        "I moved to Tallinn in 2019 and I've written about the city ever since.\n"
        "What strikes me most is how quiet it is. You'd never guess how close the border is.\n"
        "We walk the old town every Sunday, and honestly, I can't imagine living anywhere else.\n"
    )
    assert {p["voice"] for p in find_voices(bare_nlp(text), [], [])} == {"author"}


def test_voices_markdown_without_quotes_is_all_the_authors(bare_nlp) -> None:
    doc = bare_nlp(LEAD_IN)
    passages = find_voices(doc, [], [], markup_decides=True)
    assert [(p["voice"], p["rule"]) for p in passages] == [("author", "markup:author")] * 3


def test_voices_markdown_link_names_the_source_the_text_does_not(bare_nlp) -> None:
    text = "Read this report:\nThe roads were closed for a week.\nThat is bad.\n"
    doc = bare_nlp(text)
    second = text.index("The roads")
    third = text.index("That is")
    anchor = text.index("report")
    passages = find_voices(
        doc, [], [[second, third - 1, None]], links=[[anchor, anchor + 6, "https://example.org/report"]]
    )
    assert [(p["voice"], p["source"]) for p in passages] == [
        ("author", None),
        ("quoted", "https://example.org/report"),
        ("author", None),
    ]


def test_voices_markdown_link_names_the_party_its_anchor_text_names(bare_nlp) -> None:
    text = "I read the column by Dennis Prager twice and it stayed with me:\nThe roads were closed for a week.\nThat is bad.\n"
    doc = bare_nlp(text)
    quote = [[text.index("The roads"), text.index("That is") - 1, None]]
    anchor = text.index("the column")
    link = [anchor, text.index(" twice"), "https://example.org/column"]
    assert [p["source"] for p in find_voices(doc, [], quote, links=[link])] == [None, "Dennis Prager", None]
    # must name nobody: the text alone does not name the column's writer as its source
    assert [p["source"] for p in find_voices(doc, [], quote)] == [None, None, None]
