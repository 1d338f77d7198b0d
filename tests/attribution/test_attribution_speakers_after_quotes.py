"""A quotation that opens its sentence and closes on a comma, followed by its speaker's title and
name and then the cue: a parse thrown by the title ("director-general") hangs the speaker on the
quoted clause, yet the quotation alone is what was said, and the name after it speaks."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _doc(vocab, rows: list[tuple[str, str, str, str, int, str, str]]) -> Doc:
    """One token a row: (text, space after, tag, pos, head, dep, entity IOB tag)."""
    words, spaces, tags, pos, heads, deps, ents = zip(*rows)
    lemmas = [w.lower() for w in words]
    return Doc(vocab, words=list(words), spaces=[s == " " for s in spaces], tags=list(tags), pos=list(pos),
               lemmas=["say" if w == "said" else "tell" if w == "told" else w for w in lemmas],
               heads=list(heads), deps=list(deps), ents=list(ents))


QUOTE_OPENING = [
    ("“", "", "``", "PUNCT", 4, "punct", "O"),
    ("We", " ", "PRP", "PRON", 4, "nsubj", "O"),
    ("will", " ", "MD", "AUX", 4, "aux", "O"),
    ("not", " ", "RB", "PART", 4, "neg", "O"),
    ("back", " ", "VB", "VERB", -1, "ccomp", "O"),  # head: the cue, set per test
    ("down", "", "RP", "ADP", 4, "prt", "O"),
    (",", "", ",", "PUNCT", 4, "punct", "O"),
    ("”", " ", "''", "PUNCT", 4, "punct", "O"),
]


def _records(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [
        (a["kind"], doc.text[slice(*a["content"])], doc.text[slice(*a["speaker_mention"])] if a["speaker_mention"] else None)
        for a in find_attributions(doc, [], LEXICON)
    ]


def test_a_hyphenated_title_the_parse_joined_to_the_quote_is_the_speakers(bare_nlp):
    """"“We will not back down,” the agency's director-general, John Smith, said." parsed with
    "general" a conjunct of the quoted verb and the name a modifier of it."""
    rows = [*QUOTE_OPENING[:4], QUOTE_OPENING[4][:4] + (18, "ccomp", "O"), *QUOTE_OPENING[5:]] + [
        ("the", " ", "DT", "DET", 9, "det", "O"),
        ("agency", "", "NN", "NOUN", 13, "poss", "O"),
        ("'s", " ", "POS", "PART", 9, "case", "O"),
        ("director", "", "NN", "NOUN", 13, "compound", "O"),
        ("-", "", "HYPH", "PUNCT", 13, "punct", "O"),
        ("general", "", "JJ", "ADJ", 4, "conj", "O"),
        (",", " ", ",", "PUNCT", 13, "punct", "O"),
        ("John", " ", "NNP", "PROPN", 16, "compound", "B-PERSON"),
        ("Smith", "", "NNP", "PROPN", 4, "npadvmod", "I-PERSON"),
        (",", " ", ",", "PUNCT", 18, "punct", "O"),
        ("said", "", "VBD", "VERB", 18, "ROOT", "O"),
        (".", "", ".", "PUNCT", 18, "punct", "O"),
    ]
    doc = _doc(bare_nlp.vocab, rows)
    assert _records(doc) == [("direct", "We will not back down", "John Smith")]


def test_a_title_the_parse_joined_to_the_quote_leaves_the_name_to_speak(bare_nlp):
    """"“We will not back down,” the agency's chief, John Smith, told reporters." parsed with
    "chief" a conjunct of the quoted verb, the name its apposition and the cue with no subject: the
    title and its name speak."""
    rows = [*QUOTE_OPENING[:4], QUOTE_OPENING[4][:4] + (16, "ccomp", "O"), *QUOTE_OPENING[5:]] + [
        ("the", " ", "DT", "DET", 9, "det", "O"),
        ("agency", "", "NN", "NOUN", 11, "poss", "O"),
        ("'s", " ", "POS", "PART", 9, "case", "O"),
        ("chief", "", "NN", "NOUN", 4, "conj", "O"),
        (",", " ", ",", "PUNCT", 11, "punct", "O"),
        ("John", " ", "NNP", "PROPN", 14, "compound", "B-PERSON"),
        ("Smith", "", "NNP", "PROPN", 11, "appos", "I-PERSON"),
        (",", " ", ",", "PUNCT", 11, "punct", "O"),
        ("told", " ", "VBD", "VERB", 16, "ROOT", "O"),
        ("reporters", "", "NNS", "NOUN", 16, "dobj", "O"),
        (".", "", ".", "PUNCT", 16, "punct", "O"),
    ]
    doc = _doc(bare_nlp.vocab, rows)
    assert _records(doc) == [("direct", "We will not back down", "the agency's chief, John Smith")]


def test_a_clause_with_a_verb_after_the_quote_stays_mixed(bare_nlp):
    """"“Jobs,” not wages, matter most, he said.": the words after the quotation hold a verb, so
    they are part of what was said."""
    rows = [
        ("“", "", "``", "PUNCT", 1, "punct", "O"),
        ("Jobs", "", "NNS", "NOUN", 7, "nsubj", "O"),
        (",", "", ",", "PUNCT", 1, "punct", "O"),
        ("”", " ", "''", "PUNCT", 1, "punct", "O"),
        ("not", " ", "RB", "PART", 5, "neg", "O"),
        ("wages", "", "NNS", "NOUN", 1, "appos", "O"),
        (",", " ", ",", "PUNCT", 1, "punct", "O"),
        ("matter", " ", "VBP", "VERB", 11, "ccomp", "O"),
        ("most", "", "RBS", "ADV", 7, "advmod", "O"),
        (",", " ", ",", "PUNCT", 11, "punct", "O"),
        ("he", " ", "PRP", "PRON", 11, "nsubj", "O"),
        ("said", "", "VBD", "VERB", 11, "ROOT", "O"),
        (".", "", ".", "PUNCT", 11, "punct", "O"),
    ]
    doc = _doc(bare_nlp.vocab, rows)
    assert _records(doc) == [("mixed", "“Jobs,” not wages, matter most", "he")]
