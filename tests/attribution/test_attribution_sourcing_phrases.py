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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In the words of one defence official, “We built an industrial base for a world that no longer exists.”",
            ("in-the-words-of", "direct", "We built an industrial base for a world that no longer exists."),
        ),
        (
            "“The enemy has not changed its tactics,” according to a senior commander.",
            ("according-to", "direct", "The enemy has not changed its tactics"),
        ),
    ],
)
def test_a_sourcing_phrase_that_sources_a_whole_quotation_makes_it_direct(bare_nlp, text, expected) -> None:
    """Its content is what is inside the marks, as a cue verb's quotation is."""
    found = [(a["rule"], a["kind"], text[slice(*a["content"])]) for a in find_attributions(bare_nlp(text), [], LEXICON)]
    assert expected in found


def test_a_quotation_running_past_the_phrases_sentence_keeps_that_sentence(bare_nlp) -> None:
    text = "According to the ministry, “The bridge was closed on Monday. It will reopen in spring.”"
    found = [(a["kind"], text[slice(*a["content"])]) for a in find_attributions(bare_nlp(text), [], LEXICON)]
    assert ("direct", "The bridge was closed on Monday. It will reopen in spring.") not in found


def test_a_noun_with_a_tensed_verb_after_the_source_opens_the_sourced_clause(bare_nlp) -> None:
    """"According to Ivan Roe, an analyst, the decision “was taken at the top”" parsed with "the
    decision" a second apposition of the source and "was taken" a clause hung on it."""
    from spacy.tokens import Doc

    words = ["According", "to", "Ivan", "Roe", ",", "an", "analyst", ",", "the", "decision", "“", "was", "taken",
             "at", "the", "top", ",", "and", "it", "was", "taken", "early", ".", "”"]
    spaces = [True, True, True, False, True, True, False, True, True, True, False, True, True, True, True, False,
              True, True, True, True, True, False, False, False]
    heads = [20, 0, 3, 1, 3, 6, 3, 3, 9, 3, 12, 12, 9, 12, 15, 13, 0, 0, 20, 20, 20, 20, 20, 20]
    deps = ["prep", "prep", "compound", "pobj", "punct", "det", "appos", "punct", "det", "appos", "punct", "auxpass",
            "acl", "prep", "det", "pobj", "punct", "cc", "nsubjpass", "auxpass", "ROOT", "advmod", "punct", "punct"]
    tags = ["VBG", "IN", "NNP", "NNP", ",", "DT", "NN", ",", "DT", "NN", "``", "VBD", "VBN", "IN", "DT", "NN", ",",
            "CC", "PRP", "VBD", "VBN", "RB", ".", "''"]
    pos = ["VERB", "ADP", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "DET", "NOUN", "PUNCT", "AUX", "VERB",
           "ADP", "DET", "NOUN", "PUNCT", "CCONJ", "PRON", "AUX", "VERB", "ADV", "PUNCT", "PUNCT"]
    ents = ["O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 20
    doc = Doc(bare_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos,
              lemmas=[w.lower() for w in words], ents=ents)
    found = [(doc.text[slice(*a["content"])], doc.text[slice(*a["speaker_mention"])])
             for a in find_attributions(doc, [], LEXICON)]
    assert found == [("the decision “was taken at the top, and it was taken early.”", "Ivan Roe, an analyst")]
