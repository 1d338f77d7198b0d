"""Judgement frames: assessment verbs and nouns, uncertainty, shifted likelihood, appearance, potential."""

from __future__ import annotations

import pytest

from sayso.estimative import find_assessments


def found(bare_nlp, table, text: str) -> list[dict]:
    return find_assessments(bare_nlp(text), [], [], table, "icd203").assessments


def phrases(records: list[dict], text: str) -> list[tuple[str, str]]:
    return [(text[a["phrase"][0] : a["phrase"][1]], a["category"]) for a in records]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The port authority is expected to reopen the terminal in June.", [("expected", "assess-verb")]),
        ("Our assessment that the militia will disband has not changed.", [("assessment", "assess-verb")]),
        ("The sheer scale of the operation suggests the involvement of a state.", [("suggests", "assess-verb")]),
        ("It remains unclear who ordered the strike.", [("It remains unclear", "uncertainty")]),
        ("The future of the treaty remains highly uncertain.", [("remains highly uncertain", "uncertainty")]),
        ("It is impossible to predict how the voters will react.", [("It is impossible to predict", "uncertainty")]),
        ("The agency could not confirm the number of casualties.", [("could not confirm", "uncertainty")]),
        ("We do not know whether the dam will hold.", [("do not know", "uncertainty")]),
        ("Little is known about the new commander.", [("Little is known", "uncertainty")]),
        ("The depth of the bunkers is not publicly known.", [("is not publicly known", "uncertainty")]),
        ("The shortages increase the likelihood of unrest in the cities.", [("increase the likelihood", "comparative")]),
        ("The ceasefire reduced the chance of a wider war.", [("reduced the chance", "comparative")]),
        ("The rebels appear to be running out of ammunition.", [("appear to", "modal")]),
        ("There is real potential for the dispute to escalate.", [("There is real potential", "modal")]),
        ("Drone swarms look set to change naval warfare.", [("look set to", "modal")]),
        ("The talks did not produce the deal that the envoy had expected.", [("expected", "assess-verb")]),
        ("Exports fell sharply in March, suggesting weak demand abroad.", [("suggesting", "assess-verb")]),
        ("There is potential for the talks to collapse.", [("There is potential", "modal")]),
    ],
)
def test_frames_are_found_with_their_category(bare_nlp, table, text, expected):
    records = found(bare_nlp, table, text)
    assert phrases(records, text) == expected
    assert all(a["band"] is None and a["probability"] is None for a in records)


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors will assess how much of the bridge can be saved.",  # assess = evaluate
        "The damage was assessed by engineers on Monday.",
        "China's leaders will reduce tension when they believe it suits them.",  # belief in a condition
        "Assuming that the tunnel is 80 metres deep, the bombs would not reach it.",
        "The instructions were clear and the troops followed them.",
        "Certain units withdrew to the river.",
        "The storm increased the risk of flooding.",  # risk is not a likelihood
        "The minister appeared in court on Tuesday.",
        "The potential targets include two airfields.",  # attributive potential
        "Sanders has a chance to win the state.",  # an opportunity
        "There is a risk that fighting spreads to the north.",  # a risk is exposure to harm, not a likelihood
        "There is a roughly 50% chance of a default.",  # a stated number
        "Sanctions are changing trade in predictable and unpredictable ways.",  # a description
        "Protesters pressed the mayor, suggesting that he resign.",  # a proposal, not an inference
        "The spokesman said he cannot say more about the talks.",  # a refusal
        "The new rules are unclear guidance for farmers.",
    ],
)
def test_finds_no_frame_in_non_estimative_uses(bare_nlp, table, text):
    assert found(bare_nlp, table, text) == []


def test_comparative_records_direction_and_what_is_compared(bare_nlp, table):
    text = "A negotiated settlement is less likely than it was a year ago."
    (record,) = found(bare_nlp, table, text)
    assert (record["category"], record["direction"], record["band"]) == ("comparative", "less", None)
    assert record["proposition"] is not None


def test_shift_records_direction_and_the_proposition_of_the_likelihood(bare_nlp, table):
    text = "The shortages increase the likelihood of unrest in the cities."
    (record,) = found(bare_nlp, table, text)
    assert record["direction"] == "more"
    assert text[record["proposition"][0] : record["proposition"][1]] == "unrest in the cities"


def test_adverbial_most_likely_is_a_likelihood_word_not_a_comparison(bare_nlp, table):
    text = "The brigade will most likely withdraw before the winter."
    (record,) = found(bare_nlp, table, text)
    assert (text[record["phrase"][0] : record["phrase"][1]], record["category"], record["band"]) == (
        "most likely", "wep", "very likely"
    )


def test_the_most_likely_scenario_is_a_comparative(bare_nlp, table):
    text = "The most likely scenario is a long stalemate."
    assert phrases(found(bare_nlp, table, text), text) == [("most likely", "comparative")]


@pytest.mark.parametrize(
    ("text", "phrase", "canonical", "negated", "proposition"),
    [
        ("There is a possibility that the talks collapse.", "There is a possibility", "possible", False, "the talks collapse"),
        ("There is a chance that the deal will collapse.", "There is a chance", "possible", False, "the deal will collapse"),
        ("There is no chance of a ceasefire before winter.", "There is no chance", "almost no chance", True,
         "of a ceasefire before winter"),
    ],
)
def test_there_is_a_possibility_is_a_hedge(bare_nlp, table, text, phrase, canonical, negated, proposition):
    (record,) = found(bare_nlp, table, text)
    assert text[record["phrase"][0] : record["phrase"][1]] == phrase
    assert (record["canonical"], record["category"], record["band"], record["negated"]) == (canonical, "modal", None, negated)
    assert text[record["proposition"][0] : record["proposition"][1]] == proposition


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("We do not know whether the dam will hold.", "do not know"),
        ("The agency could not confirm who was behind the fire.", "could not confirm"),
        ("Nobody knows what will happen in the runoff.", "Nobody knows"),
        ("No one knows whether the regime will survive the winter.", "No one knows"),
        ("It is far from certain that Moscow can sustain its presence.", "far from certain"),
        ("A recession is by no means inevitable.", "is by no means inevitable"),
        ("A recession is not inevitable.", "is not inevitable"),
        ("The depth of the bunkers is not publicly known.", "is not publicly known"),
    ],
)
def test_a_denied_knowing_or_certainty_is_negated_uncertainty(bare_nlp, table, text, phrase):
    (record,) = found(bare_nlp, table, text)
    assert text[record["phrase"][0] : record["phrase"][1]] == phrase
    assert (record["category"], record["band"], record["negated"]) == ("uncertainty", None, True)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody knows the area better than the local guides.",  # no indirect question
        "The decline of the coal towns was inevitable.",  # not denied
        "No one said whether the talks would resume.",  # a silence, not an uncertainty
        "The result is far from the target.",
    ],
)
def test_no_denied_knowing_without_a_question_or_a_denial(bare_nlp, table, text):
    assert found(bare_nlp, table, text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "negated", "proposition"),
    [
        ("We do not expect a negotiated settlement before 2027.", "expect", True, "a negotiated settlement"),
        ("Economists predict a sharp slowdown next year.", "predict", False, "a sharp slowdown next year"),
        ("Officials anticipate further attacks on shipping.", "anticipate", False, "further attacks on shipping"),
    ],
)
def test_an_expected_event_named_by_a_noun_is_a_judgement(bare_nlp, table, text, phrase, negated, proposition):
    (record,) = found(bare_nlp, table, text)
    assert (text[record["phrase"][0] : record["phrase"][1]], record["category"], record["negated"]) == (phrase, "assess-verb", negated)
    assert text[record["proposition"][0] : record["proposition"][1]] == proposition


@pytest.mark.parametrize("text", [
    "Expect delays on the motorway this weekend.",  # an imperative
    "Nobody expected that.",
    "The ministry expects a full explanation from the embassy.",  # a demand
])
def test_no_expected_event_without_a_holder_or_a_noun(bare_nlp, table, text):
    assert found(bare_nlp, table, text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "proposition"),
    [
        ("It is our assessment that the PLA would struggle to sustain an amphibious operation.", "assessment",
         "the PLA would struggle to sustain an amphibious operation"),
        ("Our assessment remains that the regime will survive.", "assessment", "the regime will survive"),
        ("My best guess is that the talks stall.", "guess", "the talks stall"),
        ("In our judgment, the junta will hold elections late.", "In our judgment", "the junta will hold elections late"),
    ],
)
def test_a_judgement_noun_holds_the_clause_its_copula_or_frame_opens(bare_nlp, table, text, phrase, proposition):
    (record,) = found(bare_nlp, table, text)
    assert (text[record["phrase"][0] : record["phrase"][1]], record["category"], record["assessor"]) == (phrase, "assess-verb", "author")
    assert text[record["proposition"][0] : record["proposition"][1]] == proposition


@pytest.mark.parametrize(
    "text",
    [
        "The estimate is too high for the ministry.",  # no clause
        "The engineers were in assessment of the damage.",  # no one's judgement
        "The problem is that the bridge is closed.",  # no judgement noun
    ],
)
def test_no_judgement_noun_without_a_clause_or_a_holder(bare_nlp, table, text):
    assert found(bare_nlp, table, text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Moscow may believe that the West will tire of the war.", "may"),
        ("Tehran could conclude that escalation pays.", "could"),
    ],
)
def test_a_judgement_under_a_modal_is_only_the_modal(bare_nlp, table, text, phrase):
    assert phrases(found(bare_nlp, table, text), text) == [(phrase, "modal")]


@pytest.mark.parametrize(
    ("text", "phrase", "negated", "proposition", "assessor"),
    [
        ("We are confident that the ceasefire will hold.", "confident", False, "the ceasefire will hold", "author"),
        ("Western officials are confident the convoy will arrive.", "confident", False, "the convoy will arrive", "Western officials"),
        ("The ministry is fully confident that the dam will hold.", "fully confident", False, "the dam will hold", "ministry"),
        ("We are not confident that the figures are complete.", "confident", True, "the figures are complete", "author"),
    ],
)
def test_confidence_that_a_clause_holds_is_a_judgement(bare_nlp, table, text, phrase, negated, proposition, assessor):
    """Confidence that a proposition holds judges it; the guidelines annotate judgements, not levels."""
    (record,) = found(bare_nlp, table, text)
    assert (text[slice(*record["phrase"])], record["category"], record["band"]) == (phrase, "assess-verb", None)
    assert record["negated"] is negated
    assert text[slice(*record["proposition"])] == proposition
    assert record["assessor"] == assessor


@pytest.mark.parametrize(
    "text",
    [
        "We are confident in the team.",  # psychological confidence in something: not annotated
        "The coach felt confident about the final.",
        "She gave a confident speech.",
    ],
)
def test_confidence_in_something_is_no_judgement(bare_nlp, table, text):
    assert found(bare_nlp, table, text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "proposition"),
    [
        ("I think the bill will pass the Senate.", "think", "the bill will pass the Senate"),
        ("Officials think the ceasefire could collapse within weeks.", "think", "the ceasefire could collapse within weeks"),
        ("We think the regime is going to delay the vote.", "We think", "the regime is going to delay the vote"),
        ("The commander is thought to have fled the city.", "thought", "to have fled the city"),
    ],
)
def test_thinking_a_prediction_is_a_judgement(bare_nlp, table, text, phrase, proposition):
    (record,) = [r for r in found(bare_nlp, table, text) if r["category"] == "assess-verb"]  # "could" is its own
    assert (text[slice(*record["phrase"])], record["category"], record["band"]) == (phrase, "assess-verb", None)
    assert text[slice(*record["proposition"])] == proposition


@pytest.mark.parametrize(
    "text",
    [
        "I think he is right about the budget.",
        "I think the minister should resign.",
        "Analysts think about the election every day.",
        "The think tank published its report in May.",
    ],
)
def test_thinking_as_an_opinion_is_no_judgement(bare_nlp, table, text):
    assert found(bare_nlp, table, text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "proposition"),
    [
        ("The attack was presumably planned well in advance.", "presumably", "The attack was presumably planned well in advance"),
        ("Presumably, the minister knew about the plan.", "Presumably", "Presumably, the minister knew about the plan"),
    ],
)
def test_presumably_marks_the_writers_assumption(bare_nlp, table, text, phrase, proposition):
    (record,) = found(bare_nlp, table, text)
    assert (text[slice(*record["phrase"])], record["category"], record["band"], record["assessor"]) == (phrase, "assess-verb", None, "author")
    assert text[slice(*record["proposition"])] == proposition


def test_presumably_on_a_belief_leaves_the_belief_its_holders(bare_nlp, table):
    text = "Sanders presumably believes that his pitch fits the mood."
    assert [(r["assessor"], r["rule"]) for r in found(bare_nlp, table, text)] == [("author", "assessment-adverb"), ("Sanders", "assessment-verb")]


@pytest.mark.parametrize(
    ("text", "phrase", "proposition"),
    [
        ("It remains to be seen whether the new government can hold together.", "It remains to be seen",
         "the new government can hold together"),
        ("Whether the merger succeeds remains to be seen.", "remains to be seen", "the merger succeeds"),
        ("The outcome of the talks remains to be seen.", "remains to be seen", "The outcome of the talks"),
        ("Only time will tell whether the reforms succeed.", "time will tell", "the reforms succeed"),
        ("It is anyone's guess whether the company recovers.", "It is anyone's guess", "the company recovers"),
        ("How many will take part is anybody’s guess.", "anybody’s guess", "How many will take part"),
    ],
)
def test_an_open_question_is_uncertainty(bare_nlp, table, text, phrase, proposition):
    (record,) = found(bare_nlp, table, text)
    got = (text[slice(*record["phrase"])], record["category"], record["negated"], record["assessor"])
    assert got == (phrase, "uncertainty", False, "author")  # "time will tell": time is no assessor
    assert text[slice(*record["proposition"])] == proposition


@pytest.mark.parametrize("text", ["The film was seen by millions.", "Time will heal the wounds.", "He will tell the committee."])
def test_no_open_question_in_the_words_alone(bare_nlp, table, text):
    assert found(bare_nlp, table, text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("It is hard to see how the coalition survives another budget fight.", "It is hard to see"),
        ("It's very difficult to see how he is stopped.", "It's very difficult to see"),
        ("It is hard to imagine how the talks could succeed now.", "It is hard to imagine"),
    ],
)
def test_hard_to_see_how_is_uncertainty(bare_nlp, table, text, phrase):
    (record,) = found(bare_nlp, table, text)
    assert (text[slice(*record["phrase"])], record["category"]) == (phrase, "uncertainty")


@pytest.mark.parametrize(
    "text",
    [
        "It is hard to see the screen from here.",  # sight
        "It's hard to imagine a bigger waste of resources.",  # no question
        "It's not hard to see why shareholders are nervous.",  # plain
        "I can't imagine how exhausted you must be.",  # sympathy
    ],
)
def test_no_uncertainty_in_sight_sympathy_or_a_denied_difficulty(bare_nlp, table, text):
    assert found(bare_nlp, table, text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "canonical", "assessor", "proposition"),
    [
        ("I'm skeptical that the bill gets a floor vote.", "skeptical", "we doubt", "author", "the bill gets a floor vote"),
        ("Officials are optimistic that a deal can be reached.", "optimistic", "we expect", "Officials", "a deal can be reached"),
        ("Analysts remain pessimistic that the talks will produce anything.", "pessimistic", "we doubt", "Analysts",
         "the talks will produce anything"),
        ("We are convinced that the regime will fall.", "convinced", "we believe", "author", "the regime will fall"),
        ("Investors are not convinced that the rally will last.", "convinced", "we doubt", "Investors", "the rally will last"),
        ("Analysts would be very surprised if the Fed raised rates in March.", "very surprised", "we doubt", "Analysts",
         "the Fed raised rates in March"),
        ("I wouldn't be surprised if someone dies at a rally.", "surprised", "we believe", "author", "someone dies at a rally"),
        ("I’d be wildly surprised if he started moderating.", "wildly surprised", "we doubt", "author", "he started moderating"),
    ],
)
def test_a_judging_adjective_holds_its_clause(bare_nlp, table, text, phrase, canonical, assessor, proposition):
    (record,) = found(bare_nlp, table, text)
    assert (text[slice(*record["phrase"])], record["canonical"], record["assessor"]) == (phrase, canonical, assessor)
    assert text[slice(*record["proposition"])] == proposition


@pytest.mark.parametrize(
    "text", ["She is optimistic about the economy.", "The investors were skeptical of the plan.", "He was convinced to run by his wife.",
             "She convinced him that the plan would work.",
             "I was surprised that he won.", "Officials were surprised when the talks collapsed.",  # reactions to facts
             "I would be surprised to see him there."],
)
def test_no_judging_adjective_without_a_clause_it_holds(bare_nlp, table, text):
    assert [r for r in found(bare_nlp, table, text) if r["rule"] == "assessment-adjective"] == []


def test_a_gerund_subject_is_no_judgement_of_its_clause(bare_nlp, table):
    text = "Projecting an aura of victory is a key part of the campaign's strategy."
    assert found(bare_nlp, table, text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The rebels want to seize the dams, which they conclude gives them leverage.", "conclude"),
        ("Voters backed a senator whom analysts believe will run again.", "believe"),
    ],
)
def test_a_judgement_of_a_relative_clauses_subject_is_found(bare_nlp, table, text, phrase):
    assert phrases(found(bare_nlp, table, text), text) == [(phrase, "assess-verb")]


def test_a_judging_verb_before_an_indirect_question_evaluates(bare_nlp, table):
    assert found(bare_nlp, table, "Engineers will assess which bridges can carry the load.") == []
