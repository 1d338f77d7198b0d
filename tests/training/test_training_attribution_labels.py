"""Gold spans become the tagger's BIO labels; GUM records become gold in PolNeAR's shape."""

from __future__ import annotations

import json

from sayso.training.attribution import gold_labels
from sayso.training.attribution_corpus import Gold, gum

TEXT = "The mayor said that the bridge would reopen."


def _span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def test_gold_spans_become_bio_labels(nlp):
    tokens = list(nlp.make_doc(TEXT))
    gold = [Gold([_span("that the bridge would reopen")], [_span("said")], [_span("The mayor")])]
    assert gold_labels(tokens, gold) == [
        "B-source", "I-source", "B-cue", "B-content", "I-content", "I-content", "I-content", "I-content", "O",
    ]


def test_a_token_keeps_its_first_role(nlp):
    """GUM can give a token two roles; the cue wins and the overlapping content is left out."""
    tokens = list(nlp.make_doc(TEXT))
    gold = [Gold([_span("said that the bridge")], [_span("said")], [])]
    assert gold_labels(tokens, gold)[2:4] == ["B-cue", "O"]


def test_gum_drops_nested_records_and_keeps_its_speech_class(tmp_path):
    text = "He said “I think we won.”"
    record = lambda part, **extra: {"start": text.index(part), "end": text.index(part) + len(part), "text": part}  # noqa: E731
    row = {
        "id": "doc", "split": "dev", "text": text,
        "quotes": [
            {"content": record("“I think we won.”"), "speaker": record("He"), "cue": record("said"),
             "cue_class": "speech", "nested": False},
            {"content": record("we won."), "speaker": record("I"), "cue": record("think"),
             "cue_class": "cognition", "nested": True},
        ],
    }
    folder = tmp_path / "gum"
    folder.mkdir()
    (folder / "gum-attribution-wikinews.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (doc,) = gum(tmp_path, ("dev",))
    (only,) = doc.gold
    assert only.speech is True
    assert text[slice(*only.source[0])] == "He"
