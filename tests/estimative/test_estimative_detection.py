"""Estimative phrases found on real parses: band, negation, modifiers, proposition, offsets."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments


def assess(bare_nlp, table, text: str, scale: str = "icd203"):
    doc = bare_nlp(text)
    found = find_assessments(doc, [], [], table, scale)
    for record in [*found.assessments, *found.confidences]:
        for key in ("phrase", "sentence", "proposition"):
            span = record.get(key)
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text), (key, span)
        assert text[record["sentence"][0] : record["sentence"][1]].strip()
    return found


# (sentence, [(phrase text, icd203 band, negated, modifiers, proposition text)])
CASES = [
    (
        "A negotiated exit looks increasingly likely for the junta.",
        [("looks increasingly likely", "likely", False, ["looks", "increasingly"], "A negotiated exit looks increasingly likely for the junta")],
    ),
    (
        "Belarusian forces remain unlikely to cross the border from the north.",
        [("remain unlikely", "unlikely", False, ["remain"], "Belarusian forces remain unlikely to cross the border from the north")],
    ),
    (
        "It is exceedingly unlikely that Minsk will commit its own brigades.",
        [("exceedingly unlikely", "almost no chance", False, ["exceedingly"], "Minsk will commit its own brigades")],
    ),
    (
        "The governor said the drone attacks are very likely to continue.",
        [("very likely", "very likely", False, ["very"], "the drone attacks are very likely to continue")],
    ),
    (
        "The garrison is not likely to withdraw before winter.",
        [("not likely", "unlikely", True, [], "The garrison is not likely to withdraw before winter")],
    ),
    (
        "The separatists will probably not accept the proposal.",
        [("probably not", "unlikely", True, [], "The separatists will probably not accept the proposal")],
    ),
    (
        "The airborne units may seek to reinforce the bridgehead.",
        [("may", None, False, [], "The airborne units may seek to reinforce the bridgehead")],
    ),
    (
        "The convoy's likely destination is the port.",
        [("likely", "likely", False, [], "The convoy's likely destination")],
    ),
    (
        "There is a realistic possibility that the dam will be repaired by spring.",
        [("realistic possibility", "roughly even chance", False, [], "the dam will be repaired by spring")],
    ),
    (
        "Artillery units will almost certainly keep shelling the town.",
        [("almost certainly", "almost certain", False, [], "Artillery units will almost certainly keep shelling the town")],
    ),
    (
        "The junta cannot afford to lose another province.",
        [("cannot afford", "unlikely", True, [], "The junta cannot afford to lose another province")],
    ),
    (
        "The militia does not pose a significant threat to the capital.",
        [("does not pose a significant threat", "unlikely", True, [], "The militia does not pose a significant threat to the capital")],
    ),
    (
        "The rebels pose no threat to shipping.",
        [("no threat", "very unlikely", True, [], "The rebels pose no threat to shipping")],
    ),
    (
        "The navy does not have the capacity to blockade the coast.",
        [("does not have the capacity", "very unlikely", True, [], "The navy does not have the capacity to blockade the coast")],
    ),
    (
        "Analysts cannot rule out a second offensive in the south.",
        [("cannot rule out", None, True, [], "a second offensive in the south")],
    ),
    (
        "A collapse of the Malian state cannot be excluded, however.",
        [("cannot be excluded", None, True, [], "A collapse of the Malian state")],
    ),
    (
        "The think tank assesses that the ceasefire will hold.",
        [("assesses", None, False, ["assess"], "the ceasefire will hold")],
    ),
    (
        "The ministry considers a renewed offensive unlikely before spring.",
        [("unlikely", "unlikely", False, [], "a renewed offensive unlikely")],
    ),
    (
        "It is not unlikely that the talks will resume.",
        [("not unlikely", "roughly even chance", True, [], "the talks will resume")],
    ),
]

NOTHING = [
    "The brigade crossed the river in May.",
    "Officials said the convoy could not reach the city.",
    "Soldiers could see smoke rising over the village.",
    "The Likely Lads was a British sitcom.",
    "Voters expressed low confidence in the government.",
    "The ministry said the strikes hit two depots.",
    "The army can afford new tanks this year.",
    "The rebels pose a threat to shipping.",
    "Engineers will repair the bridge as soon as possible.",
    "Could the army really hold the city until spring?",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_finds_phrase_band_negation_modifiers_and_proposition(bare_nlp, table, text, expected):
    found = assess(bare_nlp, table, text)
    got = [
        (
            text[a["phrase"][0] : a["phrase"][1]],
            a["band"],
            a["negated"],
            a["modifiers"],
            text[a["proposition"][0] : a["proposition"][1]] if a["proposition"] else None,
        )
        for a in found.assessments
    ]
    assert got == expected
    for a in found.assessments:
        assert a["scale"] == "icd203" and a["rule"]
        p = a["probability"]
        assert (p is None) == (a["band"] is None) == (a["category"] != "wep")
        assert p is None or 0 <= p["low"] <= p["median"] <= p["high"] <= 1
        assert a["sentence"] == [0, len(text)]


@pytest.mark.parametrize("text", NOTHING)
def test_finds_nothing_in_non_estimative_uses(bare_nlp, table, text):
    found = assess(bare_nlp, table, text)
    assert found.assessments == [] and found.confidences == []


def test_assessment_verb_marks_the_judgement_and_the_likelihood_word_carries_the_band(bare_nlp, table):
    text = "The ministry assesses that an attack from the north is unlikely."
    found = assess(bare_nlp, table, text)
    got = [(text[a["phrase"][0] : a["phrase"][1]], a["category"], a["band"], a["assessor"]) for a in found.assessments]
    assert got == [("assesses", "assess-verb", None, "ministry"), ("unlikely", "wep", "unlikely", "ministry")]


@pytest.mark.parametrize(("scale", "band"), [("icd203", "unlikely"), ("phia", "unlikely"), ("nato", "unlikely"), ("readers", "unlikely")])
def test_scale_switches_the_numbers(bare_nlp, table, scale, band):
    found = assess(bare_nlp, table, "A breakthrough is unlikely this month.", scale)
    (record,) = found.assessments
    entry = table.lookup("unlikely", scale)
    assert (record["scale"], record["band"], record["probability"]) == (scale, band, entry.probability())


def test_unknown_scale_is_a_config_error(bare_nlp, table):
    from sayso.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown scale"):
        find_assessments(bare_nlp("It is likely."), [], [], table, "kent")


def test_every_offset_is_exact_in_a_multi_sentence_text(bare_nlp, table):
    text = (
        "Kyiv's forces will likely advance. Moscow, however, may try to regroup near the river.\n\n"
        "The general staff judged that a breakthrough was highly improbable."
    )
    found = assess(bare_nlp, table, text)
    phrases = [text[a["phrase"][0] : a["phrase"][1]] for a in found.assessments]
    assert phrases == ["likely", "may", "judged", "highly improbable"]
    sentences = [text[a["sentence"][0] : a["sentence"][1]] for a in found.assessments]
    assert sentences[1] == "Moscow, however, may try to regroup near the river."
    assert found.assessments[3]["band"] == "very unlikely"


def test_a_denial_already_qualified_by_a_likelihood_word_is_one_assessment(bare_nlp, table):
    text = "The conscripts likely will not pose a serious threat to the capital."
    found = assess(bare_nlp, table, text)
    assert [(text[a["phrase"][0] : a["phrase"][1]], a["band"], a["negated"]) for a in found.assessments] == [
        ("likely", "unlikely", True)
    ]


def test_a_hedge_on_the_thinking_verb_belongs_to_the_author(bare_nlp, table):
    found = assess(bare_nlp, table, "Maybe the commander thought the river would protect his flank.")
    assert [a["assessor"] for a in found.assessments if a["rule"] == "word"] == ["author"]


@pytest.mark.parametrize(
    "text",
    [
        'The report, titled "Why a War Is Unlikely", was published in March.',
        "See the section \u201cPossible Futures for the Sahel\u201d below.",
    ],
)
def test_an_estimative_word_in_a_quoted_title_is_no_assessment(bare_nlp, table, text):
    assert assess(bare_nlp, table, text).assessments == []


def test_a_quoted_judgement_is_not_a_title(bare_nlp, table):
    text = 'The envoy said the deal was "very unlikely" to pass.'
    found = assess(bare_nlp, table, text)
    assert [text[a["phrase"][0] : a["phrase"][1]] for a in found.assessments] == ["very unlikely"]
