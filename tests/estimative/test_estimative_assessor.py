"""Who assesses: explicit subject, attribution speaker, quoted passage source, or the author."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sayso.estimative import find_assessments


def only(bare_nlp, table, text, voices=(), attributions=()):
    found = find_assessments(bare_nlp(text), list(voices), list(attributions), table, "icd203")
    (record,) = found.assessments
    return record


def test_explicit_subject_of_an_assessment_verb(bare_nlp, table):
    text = "The defence ministry believes that the strikes were probably a warning."
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    for record in found.assessments:  # "believes" and the "probably" inside the belief
        assert record["assessor"] == "defence ministry"
        assert text[record["assessor_mention"][0] : record["assessor_mention"][1]] == "defence ministry"
    assert [r["category"] for r in found.assessments] == ["assess-verb", "wep"]


def test_explicit_subject_takes_the_attributions_resolved_name(bare_nlp, table):
    text = "Kovalenko warned that a new offensive is likely."
    start = text.index("Kovalenko")
    attribution = {"kind": "indirect", "content": [text.index("a new"), len(text) - 1], "cue": None,
                   "speaker_name": "Oleksandr Kovalenko", "speaker_mention": [start, start + 9]}
    record = only(bare_nlp, table, text, attributions=[attribution])
    assert record["assessor"] == "Oleksandr Kovalenko"
    assert record["assessor_mention"] == [start, start + 9]


def test_speaker_of_the_attribution_holding_the_phrase(bare_nlp, table):
    text = '"An assault on the city is unlikely before the thaw," he told reporters.'
    attribution = {"kind": "direct", "content": [1, text.index(',"')], "cue": [text.index("told"), text.index("told") + 4],
                   "speaker_name": "Colonel Ivan Petrenko", "speaker_mention": [text.index("he"), text.index("he") + 2]}
    record = only(bare_nlp, table, text, attributions=[attribution])
    assert record["assessor"] == "Colonel Ivan Petrenko"
    assert record["assessor_mention"] == attribution["speaker_mention"]


def test_unknown_speaker_stays_unknown(bare_nlp, table):
    text = '"The port will probably fall," one source said.'
    attribution = {"kind": "direct", "content": [1, text.index(',"')], "cue": None,
                   "speaker_name": None, "speaker_mention": None}
    record = only(bare_nlp, table, text, attributions=[attribution])
    assert record["assessor"] is None and record["assessor_mention"] is None


@pytest.mark.parametrize(
    ("voice", "source", "expected"),
    [("quoted", "Institute for Regional Security", "Institute for Regional Security"), ("quoted", None, None),
     ("author", None, "author")],
)
def test_quoted_passage_source_or_author(bare_nlp, table, voice, source, expected):
    text = "Mobilised reservists are unlikely to reach the front before December."
    record = only(bare_nlp, table, text, voices=[{"start": 0, "end": len(text), "voice": voice, "source": source}])
    assert record["assessor"] == expected


def test_no_voices_means_the_author(bare_nlp, table):
    assert only(bare_nlp, table, "The offensive will probably stall.")["assessor"] == "author"


def test_boilerplate_outside_every_passage_is_skipped(bare_nlp, table):
    text = "The siege may last weeks.\nYou might also like our newsletter."
    voices = [{"start": 0, "end": 25, "voice": "author", "source": None}]
    found = find_assessments(bare_nlp(text), voices, [], table, "icd203")
    assert [text[a["phrase"][0] : a["phrase"][1]] for a in found.assessments] == ["may"]


@pytest.mark.parametrize(
    ("speaker_type", "org", "expected"),
    [("ORG", "Civic Unity", "Civic Unity"), ("PERSON", "Civic Unity", None), ("ORG", None, None)],
)
def test_unnamed_organisation_speaker_assesses_as_its_organisation(bare_nlp, table, speaker_type, org, expected):
    text = "The ruling Civic Unity party insists the new law poses no threat to the press."
    mention = [0, text.index(" insists")]
    attribution = {"kind": "indirect", "content": [text.index("the new"), len(text) - 1], "cue": None,
                   "speaker_name": None, "speaker_mention": mention, "speaker_type": speaker_type, "speaker_org": org}
    record = only(bare_nlp, table, text, attributions=[attribution])
    assert record["assessor"] == expected
    assert record["assessor_mention"] == mention


@pytest.mark.parametrize("cued", [True, False])
def test_reporting_verb_whose_content_ended_does_not_assess_what_follows(bare_nlp, table, cued):
    # A footnote glued to the full stop ("twice.[7") makes one parse of two sentences, hanging the
    # second on "stated"; the attribution cued by "stated" ends at the marker, so the author assesses.
    words = ["Guards", "stated", "that", "drones", "crossed", "twice.[7", "]", "Smugglers", "are", "likely", "behind", "it", "."]
    heads = [1, 1, 4, 4, 1, 4, 1, 8, 1, 8, 8, 10, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "advmod", "punct", "nsubj", "ccomp", "acomp", "prep", "pobj", "punct"]
    pos = ["NOUN", "VERB", "SCONJ", "NOUN", "VERB", "ADV", "PUNCT", "NOUN", "AUX", "ADJ", "ADP", "PRON", "PUNCT"]
    lemmas = ["guard", "state", "that", "drone", "cross", "twice.[7", "]", "smuggler", "be", "likely", "behind", "it", "."]
    tags = ["NNS", "VBD", "IN", "NNS", "VBD", "RB", "-RRB-", "NNS", "VBP", "JJ", "IN", "PRP", "."]
    spaces = [True, True, True, True, True, False, True, True, True, True, True, False, False]
    doc = Doc(bare_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    text = doc.text
    cue = [text.index("stated"), text.index("stated") + 6]
    attribution = {"kind": "indirect", "content": [text.index("that"), text.index("[7")], "cue": cue if cued else None,
                   "speaker_name": None, "speaker_mention": [0, 6]}
    voices = [{"start": 0, "end": len(text), "voice": "author", "source": None}]
    (record,) = find_assessments(doc, voices, [attribution], table, "icd203").assessments
    assert text[record["phrase"][0] : record["phrase"][1]] == "likely"
    assert record["assessor"] == ("author" if cued else "Guards")


def test_a_pronoun_believer_inside_reported_speech_is_the_speaker(bare_nlp, table):
    text = "Ivanova said that she believes the talks will fail."
    attribution = {"kind": "indirect", "content": [text.index("that"), len(text) - 1], "cue": None,
                   "speaker_name": "Anna Ivanova", "speaker_type": "PERSON", "speaker_mention": [0, 7]}
    found = find_assessments(bare_nlp(text), [], [attribution], table, "icd203")
    assert [(r["category"], r["assessor"]) for r in found.assessments] == [("assess-verb", "Anna Ivanova")]


def test_a_pronoun_believer_with_no_antecedent_stays_unknown(bare_nlp, table):
    found = find_assessments(bare_nlp("They believe the talks will fail."), [], [], table, "icd203")
    assert [(r["category"], r["assessor"]) for r in found.assessments] == [("assess-verb", None)]


def test_a_possessive_before_a_participle_holds_no_judgement(bare_nlp, table):
    # "Moscow's announced plans": Moscow announced nothing here; the writer judges the plans
    text = "Moscow’s announced plans to massively expand its ground forces almost certainly will fall short."
    assert only(bare_nlp, table, text)["assessor"] == "author"


def test_the_writers_we_holds_its_judgement_when_an_unknown_speaker_claims_the_sentence(bare_nlp, table):
    # a later "it sees" drawn over the whole sentence, its speaker unresolved, does not make "we" unknown
    text = "We expect Moscow to intervene when it sees an opportunity."
    claim = {"kind": "indirect", "content": [0, text.index(" when")], "cue": None,
             "speaker_name": None, "speaker_mention": [text.index("it sees"), text.index("it sees") + 2]}
    record = only(bare_nlp, table, text, attributions=[claim])
    assert (record["category"], record["assessor"]) == ("assess-verb", "author")
    assert text[slice(*record["assessor_mention"])] == "We"


def test_a_quoted_we_is_not_the_writer(bare_nlp, table):
    text = "We expect Moscow to intervene, one official said."
    claim = {"kind": "indirect", "content": [0, text.index(", one")], "cue": None,
             "speaker_name": None, "speaker_mention": None}
    voices = [{"start": 0, "end": text.index(", one"), "voice": "quoted", "source": None},
              {"start": text.index(", one"), "end": len(text), "voice": "author", "source": None}]
    assert only(bare_nlp, table, text, voices=voices, attributions=[claim])["assessor"] is None


def test_the_writers_we_holds_a_likelihood_word_in_its_judgement(bare_nlp, table):
    text = "We assess that the junta will almost certainly postpone the election before March."
    claim = {"kind": "indirect", "content": [text.index("that"), len(text) - 1], "cue": None,
             "speaker_name": None, "speaker_mention": [0, 2]}
    found = find_assessments(bare_nlp(text), [], [claim], table, "icd203")
    assert [(r["category"], r["assessor"]) for r in found.assessments] == [("assess-verb", "author"), ("wep", "author")]


def test_a_we_inside_a_direct_quotation_is_the_speakers(bare_nlp, table):
    text = '"We assess that the town will probably fall," one source said.'
    claim = {"kind": "direct", "content": [1, text.index(',"')], "cue": None, "speaker_name": None, "speaker_mention": None}
    found = find_assessments(bare_nlp(text), [], [claim], table, "icd203")
    assert [r["assessor"] for r in found.assessments] == [None, None]


def test_evidence_cited_for_the_writers_claim_holds_no_judgement(bare_nlp, table):
    text = "The general probably wants to delay the offensive, as demonstrated by his repeated requests for troops."
    cue = text.index("demonstrated")
    evidence = {"kind": "indirect", "content": [0, text.index(",")], "cue": [cue, cue + 12], "speaker_name": None,
                "speaker_mention": [text.index("his"), len(text) - 1]}
    assert only(bare_nlp, table, text, attributions=[evidence])["assessor"] == "author"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This implies that the coalition would bear most of the cost.", "author"),  # a fact implies; the writer infers
        ("It is reasonable to assume that the militia would also recruit in the camps.", "author"),  # empty "it"
        ("The navy operates three frigates and is expected to launch a fourth in 2027.", "author"),  # agentless passive
        ("Some have suggested that the plant could enrich uranium.", None),  # someone unnamed suggested it
        ("They believe the talks will fail.", None),
    ],
)
def test_a_judgement_with_no_holder_in_the_text_is_the_writers(bare_nlp, table, text, expected):
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    verb = next(r for r in found.assessments if r["category"] == "assess-verb")
    assert verb["assessor"] == expected


def test_an_empty_it_speaks_for_no_one_so_the_hedge_is_the_writers(bare_nlp, table):
    text = "It is safe to conclude that the deal will probably collapse."
    cue = text.index("conclude")
    claim = {"kind": "indirect", "content": [text.index("that"), len(text) - 1], "cue": [cue, cue + 8],
             "speaker_name": None, "speaker_mention": None}
    found = find_assessments(bare_nlp(text), [], [claim], table, "icd203")
    assert [(r["category"], r["assessor"]) for r in found.assessments] == [("assess-verb", "author"), ("wep", "author")]


def test_a_passive_judgement_keeps_its_agent(bare_nlp, table):
    found = find_assessments(bare_nlp("The navy is expected by Western analysts to launch a fourth frigate."), [], [], table, "icd203")
    assert [r["assessor"] for r in found.assessments] == ["Western analysts"]


@pytest.mark.parametrize(
    ("text", "assessor", "mention"),
    [
        ("Iran is expanding its missile programme because its leaders believe that the sanctions will fail.",
         "Iranian leadership", "its leaders"),  # "its" is Iran; the country's leaders are its leadership
        ("The European Commission is delaying its ruling because its officials believe that the merger will fail.",
         "European Commission's officials", "its officials"),  # an organisation's group keeps its name
        ("The Iranians are enriching uranium because their leaders believe that the deal is dead.",
         "Iranian leadership", "their leaders"),
        ("China is reorienting its posture. Its leaders believe that the West is weak.",
         "Chinese leadership", "Its leaders"),  # the country the sentence before is about
    ],
)
def test_a_possessive_pronoun_holder_names_its_organisation_or_country(bare_nlp, table, text, assessor, mention):
    record = only(bare_nlp, table, text)
    assert record["assessor"] == assessor
    assert text[slice(*record["assessor_mention"])] == mention


def test_a_possessive_pronoun_with_no_party_to_stand_for_stays_as_written(bare_nlp, table):
    text = "The plan failed because its leaders believe that the war is over."
    assert only(bare_nlp, table, text)["assessor"] == "its leaders"


def test_they_opening_a_sentence_is_the_one_plural_subject_before(bare_nlp, table):
    text = "The plan was studied by senior commanders. They believe that the front will hold."
    record = only(bare_nlp, table, text)
    assert record["assessor"] == "senior commanders"
    assert text[slice(*record["assessor_mention"])] == "senior commanders"


@pytest.mark.parametrize(
    "text",
    [
        "The plan was studied closely. They believe that the front will hold.",  # no plural before
        "The plan was studied by senior commanders. In Moscow they believe that the front will hold.",  # nearer noun
        "The reports were written by analysts, and the generals read them. They believe that the front will hold.",
    ],
)
def test_they_with_no_single_plural_subject_before_stays_unknown(bare_nlp, table, text):
    assert only(bare_nlp, table, text)["assessor"] is None


@pytest.mark.parametrize(
    ("text", "assessor"),
    [
        ("China is reorienting its posture. It believes that the West is weak.", "China"),
        ("The ministry was reorganised by Ukraine. It believes that the war will end.", None),  # which one?
        ("Putin repeated his belief that the war will end.", "Putin"),  # "his" is the subject before it
    ],
)
def test_a_pronoun_holder_takes_only_an_unambiguous_antecedent(bare_nlp, table, text, assessor):
    assert only(bare_nlp, table, text)["assessor"] == assessor


@pytest.mark.parametrize(
    "text", ["The Kremlin probably judges that time is on its side.", "The Kremlin almost certainly judges that time is on its side."]
)
def test_a_likelihood_phrase_on_a_judging_verb_is_the_writers(bare_nlp, table, text):
    found = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert [(r["category"], r["assessor"]) for r in found] == [("wep", "author"), ("assess-verb", "Kremlin")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I think the merger is likely to close by March.", [("wep", "author")]),
        ("I expect the regulator to approve the merger.", [("assess-verb", "author")]),
    ],
)
def test_the_writers_i_holds_its_judgement(bare_nlp, table, text, expected):
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    assert [(r["category"], r["assessor"]) for r in found.assessments] == expected


def test_a_quoted_i_is_the_speaker(bare_nlp, table):
    text = "“I believe the talks will fail,” Ivanova said."
    content = [1, text.index(",")]
    claim = {"kind": "direct", "content": content, "cue": None,
             "speaker_name": "Anna Ivanova", "speaker_type": "PERSON", "speaker_mention": [text.index("Ivanova"), text.index(" said")]}
    voices = [{"start": 0, "end": text.index(" Ivanova"), "voice": "quoted", "source": "Anna Ivanova"},
              {"start": text.index(" Ivanova"), "end": len(text), "voice": "author", "source": None}]
    assert only(bare_nlp, table, text, voices=voices, attributions=[claim])["assessor"] == "Anna Ivanova"


def test_a_judging_verb_the_tagger_took_for_a_plural_noun_still_names_its_holder(bare_nlp, table):
    text = "Most agencies assess that the junta will seek support; the Defense Intelligence Agency judges that it will probably consolidate control."
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    got = [(text[a["phrase"][0] : a["phrase"][1]], a["category"], a["assessor"], text[a["proposition"][0] : a["proposition"][1]])
           for a in found.assessments]
    assert got == [
        ("assess", "assess-verb", "Most agencies", "the junta will seek support"),
        ("judges", "assess-verb", "Defense Intelligence Agency", "it will probably consolidate control"),
        ("probably", "wep", "Defense Intelligence Agency", "it will probably consolidate control"),
    ]


def test_a_plural_noun_judge_is_no_judgement(bare_nlp, table):
    text = "The judges who ruled on the case were appointed in 2019."
    assert find_assessments(bare_nlp(text), [], [], table, "icd203").assessments == []


@pytest.mark.parametrize(
    ("text", "assessor"),
    [
        ("Western officials fear the conflict could spread to Lebanon.", "Western officials"),
        ("Residents worry that the dam might burst.", "Residents"),
        ("Investigators suspect that the fire was probably set deliberately.", "Investigators"),
    ],
)
def test_a_fear_or_suspicion_holds_the_hedge_inside_it(bare_nlp, table, text, assessor):
    found = find_assessments(bare_nlp(text), [], [], table, "icd203")
    hedges = [a for a in found.assessments if a["category"] != "assess-verb"]
    assert [a["assessor"] for a in hedges] == [assessor]


def test_a_hedge_outside_the_fear_stays_the_writers(bare_nlp, table):
    text = "Residents fear flooding. The dam might burst."
    (record,) = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert record["assessor"] == "author"


def test_a_feeling_about_a_thing_holds_no_judgement(bare_nlp, table):
    text = "Josh Barro noted that Americans should worry more about other things that might actually kill them."
    records = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert [(text[a["phrase"][0] : a["phrase"][1]], a["assessor"]) for a in records] == [("might", "Josh Barro")]


def test_a_named_party_before_a_judgement_noun_holds_it(bare_nlp, table):
    text = "The Pentagon assessment that China will have 1,000 warheads is sobering."
    (record,) = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert (text[record["phrase"][0] : record["phrase"][1]], record["assessor"]) == ("assessment", "Pentagon")


@pytest.mark.parametrize(
    ("text", "assessor"),
    [
        ("Some analysts expect the bank to cut rates in June.", "Some analysts"),
        ("Both agencies assess that the program will continue.", "Both agencies"),
        ("The officials believe the ceasefire will hold.", "officials"),  # an article names no part of the group
        ("Some 56 percent expect prices to rise.", "56 percent"),  # an approximator, not a quantifier
    ],
)
def test_an_unnamed_group_keeps_its_quantifier(bare_nlp, table, text, assessor):
    (record,) = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert record["assessor"] == assessor


def test_who_cannot_verify_holds_the_uncertainty_inside_a_report(bare_nlp, table):
    text = "Ukrainian officials reported that Russian forces attacked, which ISW cannot independently verify."
    report = {"kind": "indirect", "content": [text.index("Russian"), len(text) - 1], "cue": [text.index("reported"), text.index(" that")],
              "speaker_name": None, "speaker_type": None, "speaker_mention": [0, text.index(" reported")]}
    (record,) = find_assessments(bare_nlp(text), [], [report], table, "icd203").assessments
    assert (text[slice(*record["phrase"])], record["assessor"]) == ("cannot independently verify", "ISW")


def test_a_third_partys_ignorance_stays_the_speakers(bare_nlp, table):
    text = "“He doesn't know what he's doing,” Rubio said of Obama."
    claim = {"kind": "direct", "content": [1, text.index(",")], "cue": [text.index("said"), text.index(" of")],
             "speaker_name": "Marco Rubio", "speaker_type": "PERSON", "speaker_mention": [text.index("Rubio"), text.index(" said")]}
    (record,) = find_assessments(bare_nlp(text), [], [claim], table, "icd203").assessments
    assert record["assessor"] == "Marco Rubio"


@pytest.mark.parametrize(
    ("text", "assessor"),
    [
        ("Markets now see a cut in March as more likely than not.", "Markets"),
        ("Many investors view the shift as an obstacle that could hurt prices.", "Many investors"),
        ("Former operatives, who regard her as the candidate most likely to win, are backing her.", "Former operatives"),
    ],
)
def test_who_sees_something_as_likely_holds_the_judgement(bare_nlp, table, text, assessor):
    (record,) = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert record["assessor"] == assessor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In ISW's assessment, the Kremlin is unlikely to accept a ceasefire.", [("assess-verb", "ISW"), ("wep", "ISW")]),
        ("The Pentagon's latest assessment is that the brigade will probably be ready by spring.",
         [("assess-verb", "Pentagon"), ("wep", "Pentagon")]),
        ("In our judgment, the junta will probably delay the vote.", [("assess-verb", "author"), ("wep", "author")]),
    ],
)
def test_a_judgement_nouns_frame_gives_its_holder_to_what_it_frames(bare_nlp, table, text, expected):
    found = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert [(r["category"], r["assessor"]) for r in found] == expected


@pytest.mark.parametrize(
    ("text", "assessor"),
    [
        ("The strikes continue to drive concerns that the president might use nuclear weapons.", None),  # no one's in the text
        ("There are growing fears that the conflict could spread.", None),
        ("Byrne expressed concern that the senator may run again.", "Byrne"),
        ("Our concern is that the ceasefire may not hold.", "author"),
    ],
)
def test_a_hedge_in_a_fear_is_the_fears_holders(bare_nlp, table, text, assessor):
    (record,) = find_assessments(bare_nlp(text), [], [], table, "icd203").assessments
    assert record["assessor"] == assessor


def test_a_fear_with_no_holder_in_a_quotation_is_the_speakers(bare_nlp, table):
    text = "“There is a fear that this spirit may generate hostilities,” she added."
    claim = {"kind": "direct", "content": [1, text.index(",")], "cue": [text.index("added"), len(text) - 1],
             "speaker_name": "Ana Ruiz", "speaker_type": "PERSON", "speaker_mention": [text.index("she"), text.index(" added")]}
    (record,) = find_assessments(bare_nlp(text), [], [claim], table, "icd203").assessments
    assert record["assessor"] == "Ana Ruiz"
