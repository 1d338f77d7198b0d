"""Speakers a misparse hides or runs on: a name the parser joined to a place before it, a speaker a
content going round its cue ran over, a report in a relative clause hung on the apposition, a
report joined to the end of a run of verbs in a reported clause, a speaker hung on the object
before a trailing cue, and a subject hung on the fronted phrase before its verb ("At a rally in Ohio,
Jane Roe also said …"), which speaks from the comma or spaced dash on."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _speaker_of(doc: Doc, cue: str) -> str | None:
    found = [a for a in find_attributions(doc, [], LEXICON) if doc.text[slice(*a["cue"])] == cue]
    assert len(found) == 1
    mention = found[0]["speaker_mention"]
    return None if mention is None else doc.text[slice(*mention)]


def test_a_name_the_parse_joined_to_a_place_still_speaks(bare_nlp):
    """"Alarmed by the unrest in Ohio, Senator Tom Reed, the party leader, said …" parsed with Reed a
    conjunct of Ohio and the cue left with no subject."""
    words = ["Alarmed", "by", "the", "unrest", "in", "Ohio", ",", "Senator", "Tom", "Reed", ",", "the", "party",
             "leader", ",", "said", "that", "he", "would", "act", "."]
    doc = Doc(
        bare_nlp.vocab, words=words, spaces=[True] * 5 + [False, True, True, True, False, True, True, True, False]
        + [True] * 5 + [False, False],
        tags=["VBN", "IN", "DT", "NN", "IN", "NNP", ",", "NNP", "NNP", "NNP", ",", "DT", "NN", "NN", ",", "VBD",
              "IN", "PRP", "MD", "VB", "."],
        pos=["VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT", "DET",
             "NOUN", "NOUN", "PUNCT", "VERB", "SCONJ", "PRON", "AUX", "VERB", "PUNCT"],
        lemmas=["alarm", "by", "the", "unrest", "in", "Ohio", ",", "Senator", "Tom", "Reed", ",", "the", "party",
                "leader", ",", "say", "that", "he", "would", "act", "."],
        heads=[15, 0, 3, 1, 3, 4, 5, 9, 9, 5, 9, 13, 13, 9, 15, 15, 19, 19, 19, 15, 15],
        deps=["advcl", "prep", "det", "pobj", "prep", "pobj", "punct", "compound", "compound", "conj", "punct",
              "det", "compound", "appos", "punct", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"],
        ents=["O"] * 5 + ["B-GPE", "O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 11,
    )
    assert _speaker_of(doc, "said") == "Senator Tom Reed, the party leader"


def test_a_speaker_inside_a_content_that_goes_round_its_cue_is_cut_out_of_it(bare_nlp):
    """"“Costs rose,” Jo Lin, an aide, said at a rally. “They fell later.”" parsed with the name
    inside the quoted clause and the cue left with no subject."""
    words = ["“", "Costs", "rose", ",", "”", "Jo", "Lin", ",", "an", "aide", ",", "said", "at", "a", "rally", ".",
             "“", "They", "fell", "later", ".", "”"]
    doc = Doc(
        bare_nlp.vocab, words=words,
        spaces=[False, True, False, False, True, True, False, True, True, False, True, True, True, True, False, True,
                False, True, True, False, False, False],
        tags=["``", "NNS", "VBD", ",", "''", "NNP", "NNP", ",", "DT", "NN", ",", "VBD", "IN", "DT", "NN", ".",
              "``", "PRP", "VBD", "RB", ".", "''"],
        pos=["PUNCT", "NOUN", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB",
             "ADP", "DET", "NOUN", "PUNCT", "PUNCT", "PRON", "VERB", "ADV", "PUNCT", "PUNCT"],
        lemmas=["“", "cost", "rise", ",", "”", "Jo", "Lin", ",", "an", "aide", ",", "say", "at", "a", "rally", ".",
                "“", "they", "fall", "later", ".", "”"],
        heads=[2, 2, 11, 2, 2, 6, 2, 6, 9, 6, 11, 11, 11, 14, 12, 11, 18, 18, 18, 18, 18, 18],
        deps=["punct", "nsubj", "ccomp", "punct", "punct", "compound", "attr", "punct", "det", "appos", "punct",
              "ROOT", "prep", "det", "pobj", "punct", "punct", "nsubj", "ROOT", "advmod", "punct", "punct"],
        ents=["O"] * 5 + ["B-PERSON", "I-PERSON"] + ["O"] * 15,
    )
    assert _speaker_of(doc, "said") == "Jo Lin, an aide"


def test_a_report_in_a_relative_clause_on_the_apposition_is_not_part_of_the_speaker(bare_nlp):
    """"Jo Lin, an analyst at Brill, who notes that costs rose, said the deal failed." with the relative
    clause hung on "Brill": it reports on its own, so the speaker of "said" ends before it."""
    words = ["Jo", "Lin", ",", "an", "analyst", "at", "Brill", ",", "who", "notes", "that", "costs", "rose", ",",
             "said", "the", "deal", "failed", "."]
    doc = Doc(
        bare_nlp.vocab, words=words,
        spaces=[True, False, True, True, True, True, False, True, True, True, True, True, False, True, True, True,
                True, False, False],
        tags=["NNP", "NNP", ",", "DT", "NN", "IN", "NNP", ",", "WP", "VBZ", "IN", "NNS", "VBD", ",", "VBD", "DT",
              "NN", "VBD", "."],
        pos=["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "SCONJ", "NOUN",
             "VERB", "PUNCT", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
        lemmas=["Jo", "Lin", ",", "an", "analyst", "at", "Brill", ",", "who", "note", "that", "cost", "rise", ",",
                "say", "the", "deal", "fail", "."],
        heads=[1, 14, 1, 4, 1, 4, 5, 6, 9, 6, 12, 12, 9, 1, 14, 16, 17, 14, 14],
        deps=["compound", "nsubj", "punct", "det", "appos", "prep", "pobj", "punct", "nsubj", "relcl", "mark",
              "nsubj", "ccomp", "punct", "ROOT", "det", "nsubj", "ccomp", "punct"],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-ORG"] + ["O"] * 12,
    )
    assert _speaker_of(doc, "said") == "Jo Lin, an analyst at Brill"
    assert _speaker_of(doc, "notes") == "who"


def test_a_report_joined_to_the_end_of_a_run_in_a_reported_clause_is_the_reporters(bare_nlp):
    """"Kasich says he would meet Putin and warn him and tells the crowd that he is ready." parsed with
    "tells" the third of a run whose first, "meet", is the reported clause: Kasich tells, not "he"."""
    words = ["Kasich", "says", "he", "would", "meet", "Putin", "and", "warn", "him", "and", "tells", "the", "crowd",
             "that", "he", "is", "ready", "."]
    doc = Doc(
        bare_nlp.vocab, words=words, spaces=[True] * 16 + [False, False],
        tags=["NNP", "VBZ", "PRP", "MD", "VB", "NNP", "CC", "VB", "PRP", "CC", "VBZ", "DT", "NN", "IN", "PRP", "VBZ",
              "JJ", "."],
        pos=["PROPN", "VERB", "PRON", "AUX", "VERB", "PROPN", "CCONJ", "VERB", "PRON", "CCONJ", "VERB", "DET", "NOUN",
             "SCONJ", "PRON", "AUX", "ADJ", "PUNCT"],
        lemmas=["Kasich", "say", "he", "would", "meet", "Putin", "and", "warn", "he", "and", "tell", "the", "crowd",
                "that", "he", "be", "ready", "."],
        heads=[1, 1, 4, 4, 1, 4, 4, 4, 7, 7, 7, 12, 10, 15, 15, 10, 15, 1],
        deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "cc", "conj", "dobj", "cc", "conj", "det", "dobj",
              "mark", "nsubj", "ccomp", "acomp", "punct"],
        ents=["B-PERSON", "O", "O", "O", "O", "B-PERSON"] + ["O"] * 12,
    )
    assert _speaker_of(doc, "tells") == "Kasich"


def _trailing_said(bare_nlp, rows: list[tuple[str, str, str, int, str, str]]) -> Doc:
    """A sentence from (word, tag, pos, head, dep, entity) rows, heads absolute, no space before
    commas or the full stop."""
    words, tags, pos, heads, deps, ents = (list(c) for c in zip(*rows))
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "”") and w not in ("“",) for i, w in enumerate(words)]
    lemmas = [{"said": "say", "destroyed": "destroy", "is": "be"}.get(w, w.lower()) for w in words]
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads,
               deps=deps, ents=ents)


def test_a_speaker_the_parse_hung_on_the_object_before_a_trailing_cue_speaks(bare_nlp):
    """"The strike destroyed two houses, the head of the region, Oleh Roe, said." parsed with the
    speaker an apposition of "houses" and the cue left with no subject."""
    doc = _trailing_said(bare_nlp, [
        ("The", "DT", "DET", 1, "det", "O"), ("strike", "NN", "NOUN", 2, "nsubj", "O"),
        ("destroyed", "VBD", "VERB", 15, "ccomp", "O"), ("two", "CD", "NUM", 4, "nummod", "O"),
        ("houses", "NNS", "NOUN", 2, "dobj", "O"), (",", ",", "PUNCT", 4, "punct", "O"),
        ("the", "DT", "DET", 7, "det", "O"), ("head", "NN", "NOUN", 4, "appos", "O"),
        ("of", "IN", "ADP", 7, "prep", "O"), ("the", "DT", "DET", 10, "det", "O"),
        ("region", "NN", "NOUN", 8, "pobj", "O"), (",", ",", "PUNCT", 7, "punct", "O"),
        ("Oleh", "NNP", "PROPN", 13, "compound", "B-PERSON"), ("Roe", "NNP", "PROPN", 7, "appos", "I-PERSON"),
        (",", ",", "PUNCT", 4, "punct", "O"), ("said", "VBD", "VERB", 15, "ROOT", "O"), (".", ".", "PUNCT", 15, "punct", "O"),
    ])
    assert _speaker_of(doc, "said") == "the head of the region, Oleh Roe"
    (record,) = find_attributions(doc, [], LEXICON)
    assert doc.text[slice(*record["content"])] == "The strike destroyed two houses"


def test_joined_speakers_the_parse_hung_on_the_object_speak_together(bare_nlp):
    """"The strike destroyed houses, killing 23 people, an aid group and an official said." parsed
    with "group" an apposition of "people", "official" its conjunct and the cue with no subject: a
    speaker noun among the joined appositions makes them the speakers, not the people killed."""
    doc = _trailing_said(bare_nlp, [
        ("The", "DT", "DET", 1, "det", "O"), ("strike", "NN", "NOUN", 2, "nsubj", "O"),
        ("destroyed", "VBD", "VERB", 15, "ccomp", "O"), ("houses", "NNS", "NOUN", 2, "dobj", "O"),
        (",", ",", "PUNCT", 2, "punct", "O"), ("killing", "VBG", "VERB", 2, "advcl", "O"),
        ("23", "CD", "NUM", 7, "nummod", "O"), ("people", "NNS", "NOUN", 5, "dobj", "O"),
        (",", ",", "PUNCT", 7, "punct", "O"), ("an", "DT", "DET", 11, "det", "O"),
        ("aid", "NN", "NOUN", 11, "compound", "O"), ("group", "NN", "NOUN", 7, "appos", "O"),
        ("and", "CC", "CCONJ", 11, "cc", "O"), ("an", "DT", "DET", 14, "det", "O"),
        ("official", "NN", "NOUN", 11, "conj", "O"), ("said", "VBD", "VERB", 15, "ROOT", "O"),
        (".", ".", "PUNCT", 15, "punct", "O"),
    ])
    assert _speaker_of(doc, "said") == "an aid group and an official"
    (record,) = find_attributions(doc, [], LEXICON)
    assert doc.text[slice(*record["content"])] == "The strike destroyed houses, killing 23 people"


def test_a_name_taken_for_the_object_speaks_with_its_apposition(bare_nlp):
    """"“It is fine,” Gene Roe, an adviser, said." parsed with the name the quoted clause's
    attribute: the name speaks, not its apposition."""
    doc = _trailing_said(bare_nlp, [
        ("“", "``", "PUNCT", 2, "punct", "O"), ("It", "PRP", "PRON", 2, "nsubj", "O"),
        ("is", "VBZ", "AUX", 12, "ccomp", "O"), ("fine", "JJ", "ADJ", 2, "acomp", "O"),
        (",", ",", "PUNCT", 2, "punct", "O"), ("”", "''", "PUNCT", 2, "punct", "O"),
        ("Gene", "NNP", "PROPN", 7, "compound", "B-PERSON"), ("Roe", "NNP", "PROPN", 2, "attr", "I-PERSON"),
        (",", ",", "PUNCT", 7, "punct", "O"), ("an", "DT", "DET", 10, "det", "O"),
        ("adviser", "NN", "NOUN", 7, "appos", "O"), (",", ",", "PUNCT", 12, "punct", "O"),
        ("said", "VBD", "VERB", 12, "ROOT", "O"), (".", ".", "PUNCT", 12, "punct", "O"),
    ])
    assert _speaker_of(doc, "said") == "Gene Roe, an adviser"


def _destroyed_and_injured(bare_nlp, noun: str, lemma: str) -> Doc:
    """"The strike destroyed houses and injured a <noun>, Oleh Roe, the governor, said on Telegram."
    parsed with the cue a third conjunct of "destroyed", no subject of its own, and the speaker an
    apposition of the second conjunct's object."""
    doc = _trailing_said(bare_nlp, [
        ("The", "DT", "DET", 1, "det", "O"), ("strike", "NN", "NOUN", 2, "nsubj", "O"),
        ("destroyed", "VBD", "VERB", 2, "ROOT", "O"), ("houses", "NNS", "NOUN", 2, "dobj", "O"),
        ("and", "CC", "CCONJ", 2, "cc", "O"), ("injured", "VBD", "VERB", 2, "conj", "O"),
        ("a", "DT", "DET", 7, "det", "O"), (noun, "NN", "NOUN", 5, "dobj", "O"),
        (",", ",", "PUNCT", 7, "punct", "O"), ("Oleh", "NNP", "PROPN", 10, "compound", "B-PERSON"),
        ("Roe", "NNP", "PROPN", 7, "appos", "I-PERSON"), (",", ",", "PUNCT", 10, "punct", "O"),
        ("the", "DT", "DET", 13, "det", "O"), ("governor", "NN", "NOUN", 10, "appos", "O"),
        (",", ",", "PUNCT", 7, "punct", "O"), ("said", "VBD", "VERB", 2, "conj", "O"),
        ("on", "IN", "ADP", 15, "prep", "O"), ("Telegram", "NNP", "PROPN", 16, "pobj", "B-ORG"),
        (".", ".", "PUNCT", 2, "punct", "O"),
    ])
    doc[7].lemma_ = lemma
    return doc


def test_a_trailing_cue_the_parse_joined_to_the_clause_reports_it(bare_nlp):
    doc = _destroyed_and_injured(bare_nlp, "woman", "woman")
    (record,) = [a for a in find_attributions(doc, [], LEXICON) if doc.text[slice(*a["cue"])] == "said"]
    assert doc.text[slice(*record["speaker_mention"])] == "Oleh Roe, the governor"
    assert doc.text[slice(*record["content"])] == "The strike destroyed houses and injured a woman"


def test_a_speaker_noun_taken_for_the_object_speaks_with_its_name(bare_nlp):
    """"…, a spokeswoman, Oleh Roe, …, said": the apposition names the spokeswoman, who is no
    object of the clause; the apposition alone is not the speaker."""
    doc = _destroyed_and_injured(bare_nlp, "spokeswoman", "spokeswoman")
    speakers = [doc.text[slice(*a["speaker_mention"])] for a in find_attributions(doc, [], LEXICON)
                if doc.text[slice(*a["cue"])] == "said" and a["speaker_mention"]]
    assert "Oleh Roe, the governor" not in speakers


def _parsed(bare_nlp, rows: list[tuple[str, bool, str, str, str, int, str]]) -> Doc:
    words, spaces, tags, pos, lemmas, heads, deps = (list(column) for column in zip(*rows, strict=True))
    return Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def test_a_subject_hung_on_the_fronted_phrase_speaks_from_its_comma(bare_nlp):
    doc = _parsed(bare_nlp, [
        ("At", True, "IN", "ADP", "at", 9, "prep"), ("a", True, "DT", "DET", "a", 2, "det"),
        ("rally", True, "NN", "NOUN", "rally", 0, "pobj"), ("in", True, "IN", "ADP", "in", 2, "prep"),
        ("Ohio", False, "NNP", "PROPN", "Ohio", 3, "pobj"), (",", True, ",", "PUNCT", ",", 4, "punct"),
        ("Jane", True, "NNP", "PROPN", "Jane", 7, "compound"), ("Roe", True, "NNP", "PROPN", "Roe", 3, "pobj"),
        ("also", True, "RB", "ADV", "also", 9, "advmod"), ("said", True, "VBD", "VERB", "say", 9, "ROOT"),
        ("that", True, "IN", "SCONJ", "that", 13, "mark"), ("taxes", True, "NNS", "NOUN", "tax", 13, "nsubj"),
        ("would", True, "MD", "AUX", "would", 13, "aux"), ("fall", False, "VB", "VERB", "fall", 9, "ccomp"),
        (".", False, ".", "PUNCT", ".", 9, "punct"),
    ])
    assert _speaker_of(doc, "said") == "Jane Roe"


def test_a_subject_after_a_spaced_dash_leaves_the_place_before_it_out(bare_nlp):
    doc = _parsed(bare_nlp, [
        ("In", True, "IN", "ADP", "in", 5, "prep"), ("Palm", True, "NNP", "PROPN", "Palm", 2, "compound"),
        ("Beach", True, "NNP", "PROPN", "Beach", 4, "compound"), ("-", True, ":", "PUNCT", "-", 4, "punct"),
        ("Roe", True, "NNP", "PROPN", "Roe", 0, "pobj"), ("continued", True, "VBD", "VERB", "continue", 5, "ROOT"),
        ("to", True, "TO", "PART", "to", 7, "aux"), ("assert", True, "VB", "VERB", "assert", 5, "xcomp"),
        ("that", True, "IN", "SCONJ", "that", 10, "mark"), ("taxes", True, "NNS", "NOUN", "tax", 10, "nsubj"),
        ("fell", False, "VBD", "VERB", "fall", 7, "ccomp"), (".", False, ".", "PUNCT", ".", 5, "punct"),
    ])
    assert _speaker_of(doc, "assert") == "Roe"


def test_a_noun_closing_the_subjects_own_phrase_is_no_subject(bare_nlp):
    doc = _parsed(bare_nlp, [
        ("Most", True, "JJS", "ADJ", "most", 6, "npadvmod"), ("of", True, "IN", "ADP", "of", 0, "prep"),
        ("those", True, "DT", "PRON", "those", 1, "pobj"), ("in", True, "IN", "ADP", "in", 2, "prep"),
        ("the", True, "DT", "DET", "the", 5, "det"), ("survey", True, "NN", "NOUN", "survey", 3, "pobj"),
        ("predict", True, "VBP", "VERB", "predict", 6, "ROOT"), ("that", True, "IN", "SCONJ", "that", 10, "mark"),
        ("taxes", True, "NNS", "NOUN", "tax", 10, "nsubj"), ("will", True, "MD", "AUX", "will", 10, "aux"),
        ("fall", False, "VB", "VERB", "fall", 6, "ccomp"), (".", False, ".", "PUNCT", ".", 6, "punct"),
    ])
    assert _speaker_of(doc, "predict") is None
