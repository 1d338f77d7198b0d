"""blog-voices scoring: gold paragraphs get the voice of most of their aligned words."""

from __future__ import annotations

import json

from sayso.evaluation.blog_voices import Post, evaluate, load_sources, predicted_labels, score, score_sources

GOLD_TEXT = "I read the report.\n\nThe roads were closed.\n\nThat is bad.\n"
GOLD = (
    {"start": 0, "end": 18, "voice": "author"},
    {"start": 20, "end": 42, "voice": "quoted"},
    {"start": 44, "end": 56, "voice": "author"},
)


def test_blog_voices_labels_follow_the_words_not_the_offsets() -> None:
    text = "I read the *report*.\nThe roads were closed.\nThat is bad."  # another reader's text
    second, third = text.index("The roads"), text.index("That is")
    voices = [
        {"start": 0, "end": second, "voice": "author"},
        {"start": second, "end": third, "voice": "quoted", "source": "Ministry"},
        {"start": third, "end": len(text), "voice": "author"},
    ]
    assert predicted_labels(GOLD_TEXT, GOLD, text, voices) == [("author", None), ("quoted", "Ministry"), ("author", None)]


def test_blog_voices_a_paragraph_sayso_dropped_counts_as_the_authors() -> None:
    assert predicted_labels(GOLD_TEXT, GOLD, "Nothing alike here.", [{"start": 0, "end": 19, "voice": "quoted"}]) == [
        ("author", None)
    ] * 3


def test_blog_voices_score_counts_quoted_paragraphs_and_the_baseline() -> None:
    figures = score(["author", "quoted", "quoted", "author"], ["author", "quoted", "author", "quoted"])
    assert (figures["paragraph_accuracy"], figures["quoted_precision"], figures["quoted_recall"]) == (0.5, 0.5, 0.5)
    assert (figures["quoted_f1"], figures["baseline_accuracy"]) == (0.5, 0.5)


def test_blog_voices_sources_right_wrong_link_and_missed() -> None:
    annotations = {
        "post": [
            {"start": 0, "source": "Jacob T. Levy", "aliases": ["Levy"]},
            {"start": 10, "source": "Google", "aliases": []},
            {"start": 20, "source": "Google", "aliases": []},
            {"start": 30, "source": "Google", "aliases": []},
            {"start": 40, "source": None, "aliases": []},
        ]
    }
    predicted = {
        "post": {0: ("quoted", "Levy"), 10: ("quoted", "Apple"), 20: ("quoted", "https://google.com/x"),
                 30: ("author", None), 40: ("quoted", "Someone")}
    }
    figures = score_sources(annotations, predicted)
    assert {k: figures[k] for k in ("named_in_text", "named_right", "named_wrong", "link", "not_quoted")} == {
        "named_in_text": 4, "named_right": 1, "named_wrong": 1, "link": 1, "not_quoted": 1
    }
    assert (figures["unnamed_given_a_name"], figures["source_recall"]) == (1, 0.25)


def test_blog_voices_evaluate_reads_both_ways() -> None:
    post = Post("post", GOLD_TEXT, "I read the report.\n\n> The roads were closed.\n\nThat is bad.\n", None, GOLD)
    seen = []

    def analyse(inputs):
        for text, _published, fmt in inputs:
            seen.append(fmt)
            yield GOLD_TEXT, [{"start": g["start"], "end": g["end"] + 2, "voice": g["voice"], "source": None} for g in GOLD]

    results = evaluate([post], analyse, sources={})
    assert seen == ["text", "markdown"]
    assert results["plain"]["paragraph_accuracy"] == results["markdown"]["quoted_f1"] == 1.0


def test_blog_voices_source_annotations_hold_offsets_and_names_only() -> None:
    annotations = load_sources()
    assert len(annotations) == 20
    for blocks in annotations.values():
        for block in blocks:
            assert set(block) == {"start", "source", "aliases"}
            assert isinstance(block["start"], int)
            assert len(json.dumps(block)) < 200  # names, never pasted text
