"""Sentence boundaries set before the parser: ranks written with a full stop end no sentence; a list
item starts one, and its first word is not a sentence of its own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Pentagon press secretary, Brig. Gen. Pat Ryder, told reporters the aid would arrive within weeks.",
         "The Pentagon press secretary, Brig. Gen. Pat Ryder"),
        ("The carrier’s captain, Cmdr. Ivan Orlov, said the ship had been hit twice.", "The carrier’s captain, Cmdr. Ivan Orlov"),
    ],
)
def test_an_abbreviated_rank_ends_no_sentence(nlp, text: str, speaker: str) -> None:
    doc = nlp(text)
    assert len(list(doc.sents)) == 1
    assert any(t.text in ("Brig.", "Cmdr.") for t in doc)
    (a,) = doc._.attributions
    assert text[a["speaker_mention"][0] : a["speaker_mention"][1]] == speaker


def test_a_capitalised_title_keeps_its_full_stop(nlp) -> None:
    doc = nlp("MR. HALLORAN: We will not comment.")
    assert [t.text for t in doc][:3] == ["MR.", "HALLORAN", ":"]


def test_a_full_stop_after_an_ordinary_word_still_ends_a_sentence(nlp) -> None:
    doc = nlp("The talks were chaired by Dr. Anna Petrova in Geneva. Gen. Ivanov left early.")
    assert [s.text for s in doc.sents] == ["The talks were chaired by Dr. Anna Petrova in Geneva.", "Gen. Ivanov left early."]


def test_a_list_item_is_one_sentence_from_its_first_word(nlp) -> None:
    text = ("Russia remains a resilient adversary.\n\n• Russia almost certainly does not want a direct conflict with "
            "NATO and will continue activity below what it calculates to be the threshold of war.")
    doc = nlp(text)
    item = text[text.index("Russia almost") :]
    assert item in [s.text for s in doc.sents]
    (verb,) = [a for a in doc._.assessments if a["category"] == "assess-verb"]  # "what it calculates"
    assert verb["assessor"] == "Russia"


def test_a_one_word_list_item_stays_a_sentence(nlp) -> None:
    doc = nlp("Threats:\n• Russia\n• China")
    assert [s.text.strip() for s in doc.sents if s.text.strip() not in ("•", "")] == ["Threats:", "Russia", "China"]
