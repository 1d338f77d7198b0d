"""Pronoun and description speakers resolved to the person or body the article names, or left null."""

from __future__ import annotations

import pytest

from sayso import analyze


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(a.speaker.mention.text, a.speaker.name) for a in analyze(text).attributions if a.speaker.mention]


def test_pronoun_takes_the_person_named_before(nlp) -> None:
    text = "Minister John Smith spoke on Monday.\n\n\u201cWe are ready,\u201d he said."
    assert ("he", "John Smith") in _speakers(text)


def test_role_description_takes_the_person_holding_that_role(nlp) -> None:
    text = (
        "Foreign Minister Anna Berg met the envoy on Monday.\n\n"
        "The minister said the talks would resume next week."
    )
    assert ("The minister", "Anna Berg") in _speakers(text)


def test_gender_keeps_she_off_a_man(nlp) -> None:
    text = (
        "Spokeswoman Maria Lopez and Mr. Peter Brandt attended the meeting.\n\n"
        "Mr. Brandt said the plan was sound. She said the budget was too small."
    )
    assert ("She", "Maria Lopez") in _speakers(text)


def test_the_he_of_a_reported_clause_is_its_reporter_not_an_earlier_name(nlp) -> None:
    text = "Jane Roe met the press on Monday. Then John Smith said he expects the talks to fail."
    assert ("he", "John Smith") in _speakers(text)


def test_the_he_of_a_clause_an_unnamed_reporter_reports_stays_null(nlp) -> None:
    text = "Senator Jane Roe spoke first. A spokesman for the ministry said on Monday that he expects the talks to fail."
    assert ("he", None) in _speakers(text)


def test_a_reporter_of_the_other_gender_is_not_the_reported_she(nlp) -> None:
    text = "Spokeswoman Maria Lopez arrived first.\n\nMr. Peter Brandt said she expects the talks to fail."
    assert ("she", "Peter Brandt") not in _speakers(text)


def test_pronoun_with_no_person_before_it_stays_null(nlp) -> None:
    text = "The weather was cold on Monday.\n\n\u201cIt will snow,\u201d she said."
    assert _speakers(text) == [("she", None)]


def test_a_relative_pronoun_is_the_name_it_follows(nlp) -> None:
    text = "The bill was backed by Senator Jane Roe, who said it would lower costs for farmers."
    assert _speakers(text) == [("who", "Jane Roe")]


def test_a_relative_pronoun_after_a_common_noun_stays_null(nlp) -> None:
    assert _speakers("Several voters who said the plan would fail stayed home on Tuesday.") == [("who", None)]


def test_plural_or_indefinite_description_names_no_one(nlp) -> None:
    text = "Defence Minister Olaf Nyberg arrived in Oslo.\n\nOfficials said the visit would last two days."
    assert all(name is None for mention, name in _speakers(text) if mention == "Officials")


def test_self_pronoun_in_a_quote_is_the_quoted_speaker(bare_nlp) -> None:
    from sayso.identity.resolution import resolve_attributions

    text = "\u201cI think the deal will hold,\u201d Senator Paula Grant said."
    doc = bare_nlp(text)
    at = lambda needle: [text.index(needle), text.index(needle) + len(needle)]  # noqa: E731
    quote = {"content": at("I think the deal will hold"), "speaker_mention": at("Senator Paula Grant"),
             "speaker_name": "Paula Grant", "speaker_type": "PERSON"}
    nested = {"content": at("the deal will hold"), "speaker_mention": at("I"), "speaker_name": None}
    resolved = resolve_attributions(doc, [nested, quote])
    assert [a["speaker_name"] for a in resolved] == ["Paula Grant", "Paula Grant"]


def test_self_pronoun_in_the_articles_own_voice_without_a_named_headline_stays_null(bare_nlp) -> None:
    from sayso.identity.resolution import resolve_attributions

    text = "Notes from the road\n\nI think the deal will hold."
    doc = bare_nlp(text)
    start = text.index("I think")
    resolved = resolve_attributions(doc, [{"content": [start + 8, len(text)], "speaker_mention": [start, start + 1],
                                           "speaker_name": None}])
    assert resolved[0]["speaker_name"] is None


def _own_voice_i(bare_nlp, text: str) -> str | None:
    """The name resolved for the first "I" that says something in the article's own voice."""
    from sayso.identity.resolution import resolve_attributions

    doc = bare_nlp(text)
    start = text.index("I said")
    content = text.index("that", start)
    resolved = resolve_attributions(doc, [{"content": [content, text.index(".", content)],
                                           "speaker_mention": [start, start + 1], "speaker_name": None}])
    return resolved[0]["speaker_name"]


@pytest.mark.parametrize(
    "headline",
    [
        "Wikinews interviews economist Maria Lopez",
        "Q&A with economist Maria Lopez",
        "Maria Lopez: the harbour must stay open",
    ],
)
def test_self_pronoun_in_an_interview_is_the_person_its_first_line_names(bare_nlp, headline) -> None:
    text = f"{headline}\n\nMaria Lopez teaches economics in Porto.\n\nI said last year that the harbour would recover."
    assert _own_voice_i(bare_nlp, text) == "Maria Lopez"


def test_self_pronoun_in_a_question_and_answer_body_is_the_person_its_first_line_names(bare_nlp) -> None:
    text = ("Economist Maria Lopez on the harbour\n\nQ: Will it recover?\n\n"
            "A: I said last year that the harbour would recover.")
    assert _own_voice_i(bare_nlp, text) == "Maria Lopez"


def test_self_pronoun_in_an_opinion_piece_is_the_unnamed_writer_not_the_headlines_person(bare_nlp) -> None:
    text = ("Why Maria Lopez is winning the harbour vote\n\nPundits are shocked. "
            "I said last year that outsiders would win, and they are winning.")
    assert _own_voice_i(bare_nlp, text) is None


def test_a_named_mention_keeps_its_own_first_name(nlp) -> None:
    text = (
        "Donald Trump spoke in Ohio on Monday.\n\n"
        "Ivanka Trump said the plan would help mothers."
    )
    assert ("Ivanka Trump", "Ivanka Trump") in _speakers(text)


def test_a_persons_aides_are_not_that_person(nlp) -> None:
    text = "Senator Mitch McConnell left early.\n\nMcConnell aides said the bill would pass."
    assert dict(_speakers(text)).get("McConnell aides") is None


def test_a_mention_headed_by_another_person_is_that_person(nlp) -> None:
    text = (
        "Hillary Clinton spoke in Ohio on Monday.\n\n"
        "Clinton campaign manager Robby Mook said the polls were tightening."
    )
    resolved = dict(_speakers(text))
    assert resolved.get("Clinton campaign manager Robby Mook") == "Robby Mook"


def test_a_descriptions_modifiers_must_fit_the_person(nlp) -> None:
    text = (
        "Democratic nominee Hillary Clinton and Republican nominee Donald Trump spoke on Monday.\n\n"
        "The Democratic nominee said the economy was strong."
    )
    assert ("The Democratic nominee", "Hillary Clinton") in _speakers(text)



def test_a_surname_the_tagger_took_for_a_plural_noun_keeps_its_name(nlp) -> None:
    text = "Bernie Sanders spoke in Vermont on Monday.\n\nSanders said the tax breaks must end."
    assert ("Sanders", "Bernie Sanders") in _speakers(text)


@pytest.mark.issue(20)
def test_a_speaker_name_the_cleaning_changes_is_resolved_not_a_crash(nlp) -> None:
    """A list item's dash came into the speaker's name ("-Craig Fehrman"): the resolver keys its
    candidates by the cleaned name and must find that one again (was: KeyError, no analysis)."""
    text = ("Election links for Tuesday.\n\n"
            "-Nate Silver assesses Donald Trump\u2019s chances in Indiana by comparing prediction markets. [PredictWise]\n"
            "-Craig Fehrman explains why Indiana is \u201cweird.\u201d [538]\n")
    analysis = analyze(text)
    explains = next(a for a in analysis.attributions if a.cue is not None and a.cue.text == "explains")
    assert explains.speaker.mention.text.endswith("Craig Fehrman")


def test_a_sentence_first_surname_the_article_gives_in_full_keeps_its_name(nlp) -> None:
    """A title-case headline's "Merkel:" (the tagger reads a noun, no entity): still the surname of
    the article's "Angela Merkel", not a description to resolve."""
    text = (
        "Merkel: Europe Must Take Its Fate Into Its Own Hands\n\n"
        "The European Union must do more to defend itself, German Chancellor Angela Merkel told lawmakers on Thursday."
    )
    assert ("Merkel", "Angela Merkel") in _speakers(text)


def test_a_sentence_first_common_noun_is_no_surname(nlp) -> None:
    text = "Chancellor Angela Merkel spoke on Thursday.\n\nOfficials said the talks would resume in June."
    assert ("Officials", None) in _speakers(text)


def test_it_takes_the_body_as_its_name_is_spelled_without_a_sentence_first_the(nlp) -> None:
    text = (
        "The German Foreign Ministry said in a statement that it had summoned the ambassador.\n\n"
        "It said the meeting would take place on Friday."
    )
    speakers = _speakers(text)
    assert ("It", "German Foreign Ministry") in speakers
    assert not any(name and name.startswith("The ") for _, name in speakers)


def test_self_pronoun_after_a_transcripts_speaker_label_is_the_person_with_that_surname(bare_nlp) -> None:
    text = ("Transcript of a briefing\n\nDefense Secretary Lloyd Austin spoke with reporter Anna Kim on Tuesday.\n\n"
            "KIM: Is the alliance ready?\n\nAUSTIN: I said last year that the alliance would be ready.")
    assert _own_voice_i(bare_nlp, text) == "Lloyd Austin"


@pytest.mark.parametrize("label", ["UPDATE", "ROE", "Editor's note"])
def test_self_pronoun_after_a_label_that_names_no_one_in_the_article_stays_null(bare_nlp, label) -> None:
    text = ("Notes from a briefing\n\nDefense Secretary Lloyd Austin spoke with reporter Anna Kim on Tuesday.\n\n"
            f"{label}: I said last year that the alliance would be ready.")
    assert _own_voice_i(bare_nlp, text) is None


def _pronoun_at(bare_nlp, text: str, needle: str) -> str | None:
    """The name resolved for the pronoun that starts ``needle``, credited with the rest of its sentence."""
    from sayso.identity.resolution import resolve_attributions

    doc = bare_nlp(text)
    start = text.index(needle)
    word = needle.split()[0]
    resolved = resolve_attributions(doc, [{"content": [start + len(word) + 1, start + len(needle)],
                                           "speaker_mention": [start, start + len(word)], "speaker_name": None}])
    return resolved[0]["speaker_name"]


INTERVIEW = ("Wikinews interviews a harbour expert\n\nThe harbour reopened in May. Wikinews spoke with Maria Lopez, "
             "an economist in Porto, about the trade.\n\n")


def test_self_pronoun_in_an_interview_is_the_person_its_opening_says_it_spoke_with(bare_nlp) -> None:
    text = INTERVIEW + "How busy is it now?\n\nI think the harbour will recover by spring."
    assert _pronoun_at(bare_nlp, text, "I think the harbour will recover by spring") == "Maria Lopez"


def test_you_in_an_interviews_question_is_the_interviewee(bare_nlp) -> None:
    text = INTERVIEW + "Do you think the harbour will recover?\n\nYes, by spring."
    assert _pronoun_at(bare_nlp, text, "you think the harbour will recover") == "Maria Lopez"


def test_you_in_an_interviews_answer_stays_null(bare_nlp) -> None:
    text = INTERVIEW + "How busy is it now?\n\nYou think the harbour will recover, and then it floods."
    assert _pronoun_at(bare_nlp, text, "You think the harbour will recover") is None


def test_you_in_news_prose_stays_null(bare_nlp) -> None:
    text = "Harbour reopens in Porto\n\nMaria Lopez spoke on Monday.\n\nDo you think the harbour will recover?"
    assert _pronoun_at(bare_nlp, text, "you think the harbour will recover") is None


def test_a_name_modifying_a_noun_in_an_interviews_first_line_is_not_the_interviewee(bare_nlp) -> None:
    text = ("Wikinews interviews bar owner on Santorum cocktail\n\nThe drink sells well.\n\n"
            "I think the cocktail will sell all year.")
    assert _pronoun_at(bare_nlp, text, "I think the cocktail will sell all year") is None


def _she_between(bare_nlp, names: list[str]) -> str | None:
    """The "she" of "Lynch spoke. Then she left." when the article's people are ``names``, each
    named as the subject of the first sentence (so that they tie)."""
    from sayso.identity.resolution import Candidate, Resolver

    text = "Lynch spoke. Then she left."
    resolver = Resolver(bare_nlp(text), [])
    resolver.candidates = {n: Candidate(n, "PERSON", mentions=[(0, 0, True, False)]) for n in names}
    start = text.index("she")
    return resolver.resolve((start, start + 3))[0]


def test_two_spellings_of_one_name_owe_no_margin_to_each_other(bare_nlp) -> None:
    assert _she_between(bare_nlp, ["Loretta Lynch", "Loretta E. Lynch"]) in ("Loretta Lynch", "Loretta E. Lynch")


@pytest.mark.parametrize("names", [["Loretta Lynch", "Peter Lynch"], ["Lynch", "Loretta Lynch", "Peter Lynch"]])
def test_two_people_as_likely_leave_the_pronoun_null(bare_nlp, names) -> None:
    assert _she_between(bare_nlp, names) is None


def test_a_name_inside_the_quotation_a_pronoun_is_credited_with_is_not_its_speaker(nlp) -> None:
    text = ("Minister John Smith met Paul Jones on Monday. Smith spoke first.\n\n"
            "\u201cPaul Jones will resign,\u201d he said.")
    assert ("he", "John Smith") in _speakers(text)


def test_a_pronoun_whose_only_candidate_is_inside_its_own_quotation_stays_null(nlp) -> None:
    text = "The weather was cold on Monday.\n\n\u201cPaul Jones will resign,\u201d he said."
    assert _speakers(text) == [("he", None)]
