"""The cue-verb forms the shipped model lemmatizes wrong ("hoping" → "hop") get the lexicon's lemma,
so their reports are found; the same spelling as another word's form keeps that word's lemma."""

from __future__ import annotations


def test_hope_in_every_form_is_a_belief_cue(nlp) -> None:
    text = "She hopes that the talks succeed. He hoped the ceasefire would hold."
    doc = nlp(text)
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hope", "hope"]
    found = [(text[slice(*a["cue"])], a["cue_class"], text[slice(*a["content"])]) for a in doc._.attributions]
    assert found == [("hopes", "belief", "that the talks succeed"), ("hoped", "belief", "the ceasefire would hold")]


def test_a_progressive_hope_gets_its_lemma(nlp) -> None:
    doc = nlp("Diplomats were hoping that the vote would be delayed.")
    assert [(t.text, t.lemma_) for t in doc if t.tag_ == "VBG"] == [("hoping", "hope")]


def test_hop_keeps_its_own_lemma(nlp) -> None:
    doc = nlp("The rabbit hops over the fence and hopped back.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hop", "hop"]
    assert doc._.attributions == []
