"""The lexicon's multiword cues ("according to X", "in the words of X", "as quoted by X")."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, load_reporting_verbs
from sayso.errors import ConfigError

LEXICON = load_reporting_verbs()


def _found(bare_nlp, text: str) -> list[tuple[str, str, str, str]]:
    return [
        (a["rule"], text[slice(*a["content"])], text[slice(*a["cue"])], text[slice(*a["speaker_mention"])])
        for a in find_attributions(bare_nlp(text), [], LEXICON)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In the words of the defence minister, the bridge will be rebuilt by spring.",
            ("in-the-words-of", "the bridge will be rebuilt by spring", "In the words of", "the defence minister"),
        ),
        (
            "The bridge will be rebuilt by spring, as quoted by the Kyiv Independent.",
            ("as-quoted-by", "The bridge will be rebuilt by spring", "as quoted by", "the Kyiv Independent"),
        ),
        (
            "According to the ministry, the bridge was closed on Monday.",
            ("according-to", "the bridge was closed on Monday", "According to", "the ministry"),
        ),
    ],
)
def test_a_sourcing_phrase_credits_the_rest_of_its_sentence(bare_nlp, text, expected) -> None:
    assert expected in _found(bare_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "In other words, the bridge will not be rebuilt by spring.",
        "The words of the anthem were changed in 1991 by the parliament.",
    ],
)
def test_words_that_only_look_like_a_sourcing_phrase_credit_nothing(bare_nlp, text) -> None:
    assert _found(bare_nlp, text) == []


@pytest.mark.parametrize(
    "entry",
    [
        {"words": ["in", "the", "view", "of"], "class": "speech", "rule": "in-the-view-of"},
        {"words": ["according", "to"], "class": "rumour", "rule": "according-to"},
        {"words": [], "class": "speech", "rule": "according-to"},
    ],
)
def test_a_multiword_cue_outside_the_closed_sets_is_refused(bare_nlp, entry) -> None:
    lexicon = {**LEXICON, "multiword": [*LEXICON["multiword"], entry]}
    with pytest.raises(ConfigError, match="multiword"):
        find_attributions(bare_nlp("The minister said the talks had failed."), [], lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Both governments kept a policy of turning back boats of refugees which, according to Reuters, the"
            " United Nations has criticised.",
            ("according-to", "the United Nations has criticised", "according to", "Reuters"),
        ),
        (
            "The army said that, according to witnesses, the rebels had fled the town overnight.",
            ("according-to", "the rebels had fled the town overnight", "according to", "witnesses"),
        ),
    ],
)
def test_a_sourcing_phrase_that_opens_a_clause_credits_that_clause(bare_nlp, text, expected) -> None:
    assert expected in _found(bare_nlp, text)


def test_a_sourcing_phrase_in_the_main_clause_still_credits_the_larger_side(bare_nlp) -> None:
    text = "Two people were killed in the attack on the market, according to the police."
    assert _found(bare_nlp, text) == [
        ("according-to", "Two people were killed in the attack on the market", "according to", "the police")
    ]


def test_a_sourcing_phrase_inside_its_clause_sources_both_sides(bare_nlp) -> None:
    """Set off by commas before the clause's verb, the phrase interrupts what it sources."""
    text = "Turnout, according to the election board, has doubled since the spring."
    (a,) = find_attributions(bare_nlp(text), [], LEXICON)
    assert text[slice(*a["content"])] == "Turnout, according to the election board, has doubled since the spring"
    assert [text[slice(*p)] for p in a["parts"]] == ["Turnout", "has doubled since the spring"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # words that only join the sentence to the last one are not part of it
        ("In addition, according to the election board, turnout has doubled since the spring.", "turnout has doubled since the spring"),
        # after the verb, what follows the phrase is the writer's
        ("Turnout has doubled since the spring, according to the election board, but few new voters registered.", "Turnout has doubled since the spring"),
    ],
)
def test_a_sourcing_phrase_outside_its_clause_sources_one_side(bare_nlp, text, content) -> None:
    (a,) = find_attributions(bare_nlp(text), [], LEXICON)
    assert (text[slice(*a["content"])], a["parts"]) == (content, [])


def test_per_sources_a_name_or_a_told_noun(bare_nlp) -> None:
    text = "The ministry is weighing new tariffs, per Axios."
    assert _found(bare_nlp, text) == [("according-to", "The ministry is weighing new tariffs", "per", "Axios")]
    text = "Per a spokesperson, the senator will not attend the hearing."
    assert _found(bare_nlp, text) == [("according-to", "the senator will not attend the hearing", "Per", "a spokesperson")]


@pytest.mark.parametrize(
    "text",
    [
        "Shares of the bank rose two dollars per share in early trading.",
        "The region earns about $40,000 per capita every year.",
        "The runners cover ten miles per day on the coast road.",
    ],
)
def test_per_a_rate_sources_nothing(bare_nlp, text: str) -> None:
    assert _found(bare_nlp, text) == []


def _sourced_by_the_summary(bare_nlp, conj_dep: str) -> tuple[str, str, str] | None:
    """"According to the FBI summary, Mills and an aide asked the agency to stop." with Mills hung on
    the summary as ``conj_dep`` and the verb left with no subject (``nsubj`` gives the right parse)."""
    from spacy.tokens import Doc

    words = ["According", "to", "the", "FBI", "summary", ",", "Mills", "and", "an", "aide", "asked", "the",
             "agency", "to", "stop", "."]
    misparsed = conj_dep != "nsubj"
    doc = Doc(
        bare_nlp.vocab, words=words, spaces=[True] * 4 + [False] + [True] * 9 + [False, False],
        tags=["VBG", "IN", "DT", "NNP", "NN", ",", "NNP", "CC", "DT", "NN", "VBD", "DT", "NN", "TO", "VB", "."],
        pos=["VERB", "ADP", "DET", "PROPN", "NOUN", "PUNCT", "PROPN", "CCONJ", "DET", "NOUN", "VERB", "DET", "NOUN",
             "PART", "VERB", "PUNCT"],
        lemmas=["accord", "to", "the", "FBI", "summary", ",", "Mills", "and", "an", "aide", "ask", "the", "agency",
                "to", "stop", "."],
        heads=[10, 0, 4, 4, 1, 4 if misparsed else 10, 4 if misparsed else 10, 6, 9, 6, 10, 12, 10, 14, 10, 10],
        deps=["prep", "prep", "det", "compound", "pobj", "punct", conj_dep, "cc", "det", "conj", "ROOT", "det",
              "dobj", "aux", "xcomp", "punct"],
        ents=["O", "O", "O", "B-ORG", "O", "O", "B-PERSON"] + ["O"] * 9,
    )
    found = [a for a in find_attributions(doc, [], LEXICON) if a["rule"] == "according-to"]
    if not found:
        return None
    a = found[0]
    return doc.text[slice(*a["speaker_mention"])], doc.text[slice(*a["content"])], doc.text[slice(*a["cue"])]


@pytest.mark.parametrize("dep", ["conj", "appos", "nsubj"])
def test_a_subject_the_parse_hung_on_the_source_starts_the_content(bare_nlp, dep) -> None:
    assert _sourced_by_the_summary(bare_nlp, dep) == (
        "the FBI summary", "Mills and an aide asked the agency to stop", "According to"
    )
