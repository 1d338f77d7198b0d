"""Speakers the parse hides: a contracted "has", a passive participle's asker, a wire dateline, a
quoted title inside the speaker's noun phrase, a title before the name that the parse split off."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from sayso.attribution import find_attributions, load_reporting_verbs
from sayso.attribution.mentions import _outside_open_bracket

LEXICON = load_reporting_verbs()


def _speakers(bare_nlp, text: str, cue: str) -> list[str | None]:
    """The speaker mention of every attribution whose cue is ``cue``, offsets checked."""
    out = []
    for a in find_attributions(bare_nlp(text), [], LEXICON):
        if text[a["cue"][0] : a["cue"][1]] != cue:
            continue
        mention = a["speaker_mention"]
        if mention is not None:
            assert text[mention[0] : mention[1]] == text[mention[0] : mention[1]].strip()
        out.append(None if mention is None else text[mention[0] : mention[1]])
    return out


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # "'s said" is "has said": the parser's passive reading must not lose the speaker
        ("Just look at the defence minister. He's said he gets his figures from the army.", "said", "He"),
        ("While she's said she will fight on, the mayor has not won a vote.", "said", "she"),
        # a passive participle's agent is who asks
        ("Asked by reporters whether the bridge was mined, the colonel said no.", "Asked", "reporters"),
        # the wire's dateline is not part of the speaker, even where the parse makes the city the subject
        ("ORLANDO, Fla. (Reuters) - President Barack Obama met survivors and said the country must act.",
         "said", "President Barack Obama"),
        ("KYIV, Ukraine — The general staff said on Monday that the attack had failed.", "said", "The general staff"),
        # "of <place>" after a name says who the speaker is; a place's apposition is not a speaker
        ("Brianne Stone, 29, of Huntsville, Ala., says her biggest concern is the economy.", "says",
         "Brianne Stone, 29, of Huntsville, Ala."),
        ("“If the convoy had gone north, we would have been trapped there for a long time,” Mr. Daniloff, now 81 and"
         " retired in Cambridge, Mass., said by telephone this week.", "said", "Mr. Daniloff, now 81"),
        # a state set off by commas between speaker and cue
        ("Kuleba, exasperated, famously responded: “What difference does it make?”", "responded",
         "Kuleba"),
        # the occasion the parser hung on the speaker is the report's: "in an interview", "in his speech"
        ("Senator Jane Roe in an interview said the talks had failed.", "said", "Senator Jane Roe"),
        ("Mayor Ivan Petrenko in his speech promised that the bridge would reopen.", "promised",
         "Mayor Ivan Petrenko"),
        ("The ministry in a statement said the strike hit only depots.", "said", "The ministry"),
        # a cue after an aside the parse made a clause of its own: the name that opens the aside speaks
        ('But Sen. Jane Roe (D-Ill.), noting the size of the crowd, said, "Let me tell you, she has a following."',
         "said", "Sen. Jane Roe (D-Ill.)"),
        ("Mr. Daniels, whose latest start-up, Paradata, uses big data to help brands find suppliers, said Mr. Doe"
         " was a candidate in the spirit of Silicon Valley.", "said", "Mr. Daniels, whose latest start-up, Paradata"),
        ('"He will see you at the lunch," Jane Roe, a Ukrainian-American then working for the State Department,'
         " wrote in a June email.", "wrote", "Jane Roe, a Ukrainian-American"),
        # "even" says how surprising the speaker is, not who speaks
        ("Even the mayor admitted that the bridge was unsafe.", "admitted", "the mayor"),
        ("Even Republicans who have praised his candidacy warned that the remarks were dangerous.", "warned",
         "Republicans who have praised his candidacy"),
        # a hyphenated word the parse split into several subjects of the cue is one speaker
        ("The e-mail said the meeting was cancelled.", "said", "The e-mail"),
        ("His ex-wife said the house had been sold.", "said", "His ex-wife"),
        ("Her co-host asked whether the vote would go ahead.", "asked", "Her co-host"),
        # an inverted cue's surname the tagger took for an adverb
        ("“It is valuable,” said Skelly, explaining he had worked with the committee.", "said", "Skelly"),
        # a short quoted title is part of the name, not the start of what was said
        ("Some in the \"Stop the War\" coalition suggest the talks are a trap.", "suggest", 'Some in the "Stop the War" coalition'),
        ("“We have to engage them,” wrote the authors of the “Growth and Opportunity Project.”", "wrote",
         "the authors of the “Growth and Opportunity Project"),
    ],
)
def test_hidden_speaker_is_found(bare_nlp, text, cue, speaker):
    assert _speakers(bare_nlp, text, cue) == [speaker]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It's said that the bridge fell in the night.", "said"),  # "is said": nobody is named
        ("Asked whether the bridge was mined, the colonel said no.", "Asked"),  # a bare participle names no asker
    ],
)
def test_passive_without_agent_names_no_speaker(bare_nlp, text, cue):
    assert _speakers(bare_nlp, text, cue) in ([], [None])


def test_passive_aside_credits_its_agent(bare_nlp):
    text = "As first reported by Reuters, the army moved two brigades to the border."
    found = find_attributions(bare_nlp(text), [], LEXICON)
    assert [(text[slice(*a["content"])], text[slice(*a["speaker_mention"])]) for a in found] == [
        ("the army moved two brigades to the border", "Reuters")
    ]


def test_passive_aside_without_agent_reports_nothing(bare_nlp):
    assert find_attributions(bare_nlp("As reported, the army moved two brigades to the border."), [], LEXICON) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ministry issued a warning that the dam could fail.", "The ministry"),  # who voices a report made it
        ("The general rejected claims that the brigade had withdrawn.", None),  # who rejects it did not
    ],
)
def test_report_noun_speaks_for_whoever_voices_it(bare_nlp, text, speaker):
    found = [a for a in find_attributions(bare_nlp(text), [], LEXICON) if a["rule"] == "indirect-noun"]
    assert len(found) == 1
    mention = found[0]["speaker_mention"]
    assert (None if mention is None else text[mention[0] : mention[1]]) == speaker


def test_participle_after_a_closing_quote_is_the_speakers_next_report(bare_nlp):
    """"X told the crowd that Y “…,” adding, “…”": the closing mark neither hides the participle's
    speaker nor lets the first report swallow the second."""
    text = "The minister told the crowd that the rebels “had a reckless plan which was doomed,” adding, “They lost the valley.”"
    found = find_attributions(bare_nlp(text), [], LEXICON)
    by_cue = {text[slice(*a["cue"])]: a for a in found}
    assert text[slice(*by_cue["told"]["content"])] == "that the rebels “had a reckless plan which was doomed,”"
    assert text[slice(*by_cue["adding"]["content"])] == "They lost the valley."
    assert text[slice(*by_cue["adding"]["speaker_mention"])] == "The minister"


def test_quote_continues_past_a_programme_title_that_ends_the_cue_sentence(bare_nlp):
    text = "“The front is holding,” he said on ABC's “This Week.” “The reserves have not been touched yet.”"
    found = find_attributions(bare_nlp(text), [], LEXICON)
    assert len(found) == 1
    assert [text[a:b] for a, b in found[0]["parts"]] == ["The front is holding", "The reserves have not been touched yet."]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Several Western governments, including France and Germany, have warned that the ceasefire is fragile.",
         "Several Western governments, including France and Germany"),
        ("Some veteran commanders, like retired general Petro Holub, argue that the offensive came too early.",
         "Some veteran commanders, like retired general Petro Holub"),
        ("Senior officers — including the chief of the general staff — have long argued that the border cannot be"
         " held.", "Senior officers — including the chief of the general staff"),
    ],
)
def test_members_set_off_by_commas_stay_in_the_speaker(bare_nlp, text, speaker):
    """"including …", "like …" after a comma say who the speakers are, unlike a place ("Roe, in Kyiv")."""
    found = find_attributions(bare_nlp(text), [], LEXICON)
    assert [text[slice(*a["speaker_mention"])] for a in found] == [speaker]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("Colonel Ivan Petrenko, who said the convoy had been shelled twice, told reporters that the road was closed.",
         "told reporters", "Colonel Ivan Petrenko"),
        ("\"We will not retreat,\" said Olena Bondar, who argued that the town could hold out for weeks.", "said",
         "Olena Bondar"),
        # a relative clause that reports nothing stays: it says who the speaker is
        ("Colonel Ivan Petrenko, who has commanded the brigade since 2019, said the road was closed.", "said",
         "Colonel Ivan Petrenko, who has commanded the brigade since 2019"),
    ],
)
def test_relative_clause_with_a_report_of_its_own_is_not_the_speaker(bare_nlp, text, cue, speaker):
    assert _speakers(bare_nlp, text, cue) == [speaker]


def test_when_clause_hung_on_the_speaker_is_not_part_of_it(bare_nlp):
    text = "Marchenko's office, when contacted by Reuters, said the minister couldn't recall the exact conversation" \
        " outlined in the report."
    assert _speakers(bare_nlp, text, "said") == ["Marchenko's office"]


def test_time_hung_on_the_speakers_name_is_not_part_of_it(bare_nlp):
    """The parse "Petrenko on Tuesday" (the day hung on the name), as the parser gives it in some sentences."""
    words = ["Petrenko", "on", "Tuesday", "said", "the", "bridge", "had", "fallen", "."]
    doc = Doc(
        bare_nlp.vocab, words=words, spaces=[True] * 7 + [False, False],
        tags=["NNP", "IN", "NNP", "VBD", "DT", "NN", "VBD", "VBN", "."],
        pos=["PROPN", "ADP", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        lemmas=["Petrenko", "on", "Tuesday", "say", "the", "bridge", "have", "fall", "."],
        heads=[3, 0, 1, 3, 5, 7, 7, 3, 3],
        deps=["nsubj", "prep", "pobj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"],
        ents=["B-PERSON", "O", "B-DATE", "O", "O", "O", "O", "O", "O"],
    )
    found = find_attributions(doc, [], LEXICON)
    assert [doc.text[slice(*a["speaker_mention"])] for a in found] == ["Petrenko"]


def test_speaker_ends_before_its_verb(bare_nlp):
    """A list after a colon the parser hung on the subject is not part of who speaks."""
    text = ("At least four opposition deputies claim to object to the party's stance on conscription: Deputies"
            " Ivan Holub, Olena Bondar, Taras Melnyk and Petro Shevchuk.")
    assert _speakers(bare_nlp, text, "claim") == ["At least four opposition deputies"]


def test_inverted_speaker_after_a_no_break_space(bare_nlp):
    text = "“The bridge is gone,”\u00a0added Holub."
    assert _speakers(bare_nlp, text, "added") == ["Holub"]


def test_participle_tag_with_a_subject_is_a_past_tense(bare_nlp):
    """"“…,” Holub tweeted" with "tweeted" tagged a participle, as the tagger gives it after some quotes:
    a verb with its own subject is no bare "Asked …," that names no one."""
    words = ["“", "The", "bridge", "is", "gone", ",", "”", "Holub", "tweeted", "."]
    doc = Doc(
        bare_nlp.vocab, words=words, spaces=[False, True, True, True, False, False, True, True, False, False],
        tags=["``", "DT", "NN", "VBZ", "VBN", ",", "''", "NNP", "VBN", "."],
        pos=["PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
        lemmas=["“", "the", "bridge", "be", "go", ",", "”", "Holub", "tweet", "."],
        heads=[3, 2, 3, 3, 3, 3, 8, 8, 3, 8],
        deps=["punct", "det", "nsubj", "ROOT", "acomp", "punct", "punct", "nsubj", "conj", "punct"],
    )
    found = find_attributions(doc, [], LEXICON)
    assert [doc.text[slice(*a["speaker_mention"])] for a in found] == ["Holub"]


def test_an_entity_of_whitespace_alone_names_no_person() -> None:
    """The tagger can label a lone line separator as a PERSON in garbled input; it names no one
    (it raised IndexError, found by `sayso fuzz --long`)."""
    from spacy.vocab import Vocab

    from sayso.attribution.speakers import _person_name

    doc = Doc(Vocab(), words=["Russia", "\u2028", "assesses"], spaces=[True, True, False],
              ents=["O", "B-PERSON", "O"])
    assert _person_name(doc.ents[0], LEXICON) == ""


def _title_then_name(bare_nlp, title_head: int, title_dep: str, said_head: int, said_dep: str) -> Doc:
    """ "Kenya's Foreign Minister, Amina Odhiambo said the talks failed." with the title hung as given."""
    words = ["Kenya", "'s", "Foreign", "Minister", ",", "Amina", "Odhiambo", "said", "the", "talks", "failed", "."]
    return Doc(
        bare_nlp.vocab, words=words, spaces=[False, True, True, False, True, True, True, True, True, True, False, False],
        tags=["NNP", "POS", "NNP", "NNP", ",", "NNP", "NNP", "VBD", "DT", "NNS", "VBD", "."],
        pos=["PROPN", "PART", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
        lemmas=["Kenya", "'s", "Foreign", "Minister", ",", "Amina", "Odhiambo", "say", "the", "talk", "fail", "."],
        heads=[3, 0, 3, title_head, said_head, 6, 7, said_head, 9, 10, 7, said_head],
        deps=["poss", "case", "compound", title_dep, "punct", "compound", "nsubj", said_dep, "det", "nsubj", "ccomp", "punct"],
        ents=["B-GPE", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
    )


@pytest.mark.parametrize(
    ("title_head", "title_dep", "said_head", "said_dep"),
    [
        (3, "ROOT", 3, "parataxis"),  # the title the root, the cue a parataxis on it
        (7, "nsubj", 7, "ROOT"),  # the title a second subject of the cue
    ],
)
def test_title_before_a_name_and_comma_is_part_of_the_speaker(bare_nlp, title_head, title_dep, said_head, said_dep):
    doc = _title_then_name(bare_nlp, title_head, title_dep, said_head, said_dep)
    (a,) = find_attributions(doc, [], LEXICON)
    assert doc.text[slice(*a["speaker_mention"])] == "Kenya's Foreign Minister, Amina Odhiambo"


def test_name_before_a_comma_and_another_name_is_not_a_title(bare_nlp):
    """ "Or maybe Rubio, consultant Jan Ross says.": a person before the comma is what is said, not who says it."""
    words = ["Or", "maybe", "Rubio", ",", "consultant", "Jan", "Ross", "says", "."]
    doc = Doc(
        bare_nlp.vocab, words=words, spaces=[True, True, False, True, True, True, True, False, False],
        tags=["CC", "RB", "NNP", ",", "NN", "NNP", "NNP", "VBZ", "."],
        pos=["CCONJ", "ADV", "PROPN", "PUNCT", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
        lemmas=["or", "maybe", "Rubio", ",", "consultant", "Jan", "Ross", "say", "."],
        heads=[2, 2, 7, 7, 6, 6, 7, 7, 7],
        deps=["cc", "advmod", "nsubj", "punct", "compound", "compound", "nsubj", "ROOT", "punct"],
        ents=["O", "O", "B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    mentions = [doc.text[slice(*a["speaker_mention"])] for a in find_attributions(doc, [], LEXICON) if a["speaker_mention"]]
    assert mentions == ["consultant Jan Ross"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("(Raphael Lemkin, who coined the word", "Raphael Lemkin, who coined the word"),
        ("exit polls (a sizable margin", "exit polls"),
        ("A 2010 YouTube video [above", "A 2010 YouTube video"),
        # a bracket the mention closes is part of it
        ("Sen. Jane Roe (D-Ill.)", "Sen. Jane Roe (D-Ill.)"),
        ("one of his rivals (Roe or Doe)", "one of his rivals (Roe or Doe)"),
    ],
)
def test_a_bracket_the_speaker_leaves_open_is_cut_off(text, speaker):
    start, end = _outside_open_bracket(text, 0, len(text))
    assert text[start:end] == speaker


def test_role_keeps_its_hyphens_as_written(bare_nlp):
    """"a 34-year-old teacher": the role as the article wrote it, not "34 year old teacher"."""
    doc = Doc(bare_nlp.vocab, words=["Amina", "Yusuf", ",", "a", "34", "-", "year", "-", "old", "teacher", ",", "said",
                                     "prices", "rose", "."],
              spaces=[True, False, True, True, False, False, False, False, True, False, True, True, True, False, False],
              pos=["PROPN", "PROPN", "PUNCT", "DET", "NUM", "PUNCT", "NOUN", "PUNCT", "ADJ", "NOUN", "PUNCT", "VERB",
                   "NOUN", "VERB", "PUNCT"],
              tags=["NNP", "NNP", ",", "DT", "CD", "HYPH", "NN", "HYPH", "JJ", "NN", ",", "VBD", "NNS", "VBD", "."],
              lemmas=["Amina", "Yusuf", ",", "a", "34", "-", "year", "-", "old", "teacher", ",", "say", "price", "rise", "."],
              heads=[1, 11, 1, 9, 6, 6, 8, 8, 9, 1, 1, 11, 13, 11, 11],
              deps=["compound", "nsubj", "punct", "det", "nummod", "punct", "npadvmod", "punct", "amod", "appos", "punct",
                    "ROOT", "nsubj", "ccomp", "punct"])
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    found = find_attributions(doc, [], LEXICON)
    assert [(a["speaker_name"], a["speaker_role"]) for a in found] == [("Amina Yusuf", "34-year-old teacher")]
