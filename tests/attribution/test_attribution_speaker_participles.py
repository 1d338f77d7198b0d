"""Who speaks through a participle or infinitive ("…, saying …", "took pains to say …") where the parser
hung it inside another clause or on a noun."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _speakers(bare_nlp, text: str, cue: str) -> list[str | None]:
    """The speaker mention of every attribution whose cue is ``cue``."""
    found = find_attributions(bare_nlp(text), [], LEXICON)
    return [
        None if a["speaker_mention"] is None else text[slice(*a["speaker_mention"])]
        for a in found
        if text[slice(*a["cue"])] == cue
    ]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a participle hung on a noun's "that" clause speaks for the clause round the noun
        ("Defence Minister Oleg Marchenko rejected the idea that the embattled garrison would be a burden on the"
         " army, saying the soldiers he is sending to the front prove that the line will hold.", "saying",
         "Defence Minister Oleg Marchenko"),
        ("Reached by Reuters, Marchenko denied the notion that a cabinet reshuffle is coming, explaining that he was"
         " unaware of the reports because he was travelling.", "explaining", "Marchenko"),
        # a report set after the quote it reports is the clause its participle continues
        ("The colonel said the convoy \"would have no chance to pass,\" the officer recalled, adding that the colonel"
         " said of the bridge: \"We are going to blow it.\"", "adding", "the officer"),
        # a second participle after ", and" speaks for the same subject as the first
        ("If he wins the vote, Marchenko has indicated he would try to curb the militias, vowing to \"shut down\""
         " their bases, and suggesting he would require all fighters to register their weapons.", "suggesting",
         "Marchenko"),
    ],
)
def test_participle_speaks_for_the_clause_it_follows(bare_nlp, text, cue, speaker):
    assert _speakers(bare_nlp, text, cue) == [speaker]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # an infinitive hung on an object noun is said by the clause's subject
        ("In this tense election cycle, several ministries are taking pains to say they are not backing any"
         " candidate.", "say", "several ministries"),
        # a gerund after a preposition is said by the subject of the clause the phrase opens
        ("In addition to stating that the talks had failed, the foreign minister has vowed to expel the envoy.",
         "stating", "the foreign minister"),
        # a perfect participle is the main clause subject's own act, unlike a bare "Asked …, she said"
        ("Having announced that he would not extend the curfew, Mayor Holub proceeded to read out the new rules.",
         "announced", "Mayor Holub"),
    ],
)
def test_cue_hung_on_a_noun_speaks_for_the_clause_subject(bare_nlp, text, cue, speaker):
    assert _speakers(bare_nlp, text, cue) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Moscow’s announced plans to massively expand its ground forces almost certainly will fall short.",
        "The ministry's reported losses in the east were higher than in the south.",
    ],
)
def test_a_participle_after_a_possessive_reports_nothing(bare_nlp, text: str) -> None:
    # "Moscow's announced plans" is a noun phrase, however the parser hangs "announced"
    assert find_attributions(bare_nlp(text), [], LEXICON) == []
