"""Negation in scope of a likelihood word: the phrase takes the negation in, the band describes
the proposition stated positively."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments


def found(bare_nlp, table, text: str) -> list[tuple[str, str | None, bool]]:
    records = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    return [(text[r["phrase"][0] : r["phrase"][1]], r["band"], r["negated"]) for r in records]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels are no longer likely to take the port.", [("no longer likely", "unlikely", True)]),
        ("It is no longer possible that the vote happens in May.", [("no longer possible", None, True)]),
        ("Iran may no longer be able to resist the pressure.", [("may no longer", None, True)]),
        ("The rebels are not likely to take the port.", [("not likely", "unlikely", True)]),
        # must not negate: "longer" as a comparison, "no" elsewhere in the clause
        ("The war is likely to last longer than the winter.", [("likely", "likely", False)]),
        ("The talks are likely to bring no result.", [("likely", "likely", False)]),
    ],
)
def test_no_longer_negates_the_phrase(bare_nlp, table, text: str, expected) -> None:
    assert found(bare_nlp, table, text) == expected


def canonical(bare_nlp, table, text: str) -> list[tuple[str, str, str | None, bool]]:
    records = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    return [(text[r["phrase"][0] : r["phrase"][1]], r["canonical"], r["band"], r["negated"]) for r in records]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation inside the proposition: the phrase's mirror describes it stated positively
        ("It is unlikely that the government will not call elections.", [("unlikely", "likely", "likely", True)]),
        ("The deal is highly unlikely to not pass.", [("highly unlikely", "highly likely", "very likely", True)]),
        ("Russia will very likely not attack the capital.", [("very likely not", "very unlikely", "very unlikely", True)]),
        ("There is little chance that the dam will not hold.", [("little chance", "very likely", "very likely", True)]),
        ("Moscow almost certainly will not withdraw.", [("almost certainly", "almost certainly not", "almost no chance", True)]),
        ("It is possible that the talks will not resume.", [("possible", "possible", None, True)]),
        ("There is a roughly even chance that the vote will not happen.",
         [("roughly even chance", "roughly even chance", "roughly even chance", True)]),
        # a negation over the phrase denies it; both at once compose
        ("Kyiv is not very likely to sign the accord.", [("not very likely", "unlikely", "unlikely", True)]),
        ("It is not likely that they will not agree.", [("not likely", "likely", "likely", True)]),
        # must not mirror: no negation in the proposition
        ("It is unlikely that the government will call elections.", [("unlikely", "unlikely", "unlikely", False)]),
    ],
)
def test_a_negated_proposition_takes_the_mirror_of_the_phrase(bare_nlp, table, text: str, expected) -> None:
    assert canonical(bare_nlp, table, text) == expected


def test_a_negation_inside_the_phrase_counts_once(bare_nlp, table) -> None:
    # the canonical form is turned once, and the record says a negation is in scope, as for
    # "Moscow almost certainly will not withdraw" and "very likely not"
    text = "The regime is almost certainly not going to fall."
    assert canonical(bare_nlp, table, text) == [("almost certainly not", "almost certainly not", "almost no chance", True)]


@pytest.mark.parametrize("text", [
    "A deal is virtually impossible before the summit.",
    "A deal is almost certain.",
    "There is almost no chance of a deal before the summit.",  # a band's name, not a negation
])
def test_a_phrase_without_a_negation_word_is_not_negated(bare_nlp, table, text) -> None:
    assert [r[3] for r in canonical(bare_nlp, table, text)] == [False]


@pytest.mark.parametrize(
    ("text", "phrase", "negated"),
    [
        ("An attack is not more likely than last year.", "not more likely", True),
        ("A deal is no more likely now.", "no more likely", True),
        ("Sanctions have made a negotiated exit less likely, not more.", "less likely", False),  # a contrast after it
    ],
)
def test_a_comparative_is_negated_only_by_a_negation_before_it(bare_nlp, table, text, phrase, negated) -> None:
    (record,) = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert (text[record["phrase"][0] : record["phrase"][1]], record["category"], record["negated"]) == (phrase, "comparative", negated)


@pytest.mark.parametrize(
    ("text", "phrase", "band", "phia"),
    [
        ("There is no realistic possibility that the regime will fall this year.", "no realistic possibility", "unlikely", "unlikely"),
        ("A collapse of the regime is not a realistic possibility.", "realistic possibility", "unlikely", "unlikely"),
        ("There is a realistic possibility that the regime will fall.", "realistic possibility", "roughly even chance",
         "realistic possibility"),
    ],
)
def test_a_denied_realistic_possibility_leaves_the_proposition_unlikely(bare_nlp, table, text, phrase, band, phia) -> None:
    for scale, expected in (("icd203", band), ("phia", phia)):
        (record,) = find_assessments(bare_nlp(text), [], [], table, scale).assessments
        assert (text[record["phrase"][0] : record["phrase"][1]], record["band"]) == (phrase, expected)
        assert record["negated"] == (expected == "unlikely")
