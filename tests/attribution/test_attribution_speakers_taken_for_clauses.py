"""A cue that credits the quote before it to the speaker after it ("“…,” said Jane Roe, who heads
the party") reports nothing more where the parser hung that speaker on the cue as a clause; a cue
whose own clause is a report besides ("“…,” Roe said the group rallied") still reports it."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()

# word, tag, pos, lemma, head, dep, entity, space after
_QUOTE = [
    ('"', "``", "PUNCT", '"', 2, "punct", "O", False),
    ("We", "PRP", "PRON", "we", 2, "nsubj", "O", True),
    ("won", "VBD", "VERB", "win", 5, "ccomp", "O", False),
    (",", ",", "PUNCT", ",", 5, "punct", "O", False),
    ('"', "''", "PUNCT", '"', 5, "punct", "O", True),
]


def _doc(bare_nlp, rows: list[tuple]) -> Doc:
    return Doc(
        bare_nlp.vocab, words=[r[0] for r in rows], spaces=[r[7] for r in rows], tags=[r[1] for r in rows],
        pos=[r[2] for r in rows], lemmas=[r[3] for r in rows], heads=[r[4] for r in rows],
        deps=[r[5] for r in rows], ents=[r[6] for r in rows],
    )


def _records(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [
        (a["rule"], doc.text[slice(*a["content"])],
         doc.text[slice(*a["speaker_mention"])] if a["speaker_mention"] else None)
        for a in find_attributions(doc, [], LEXICON)
    ]


def test_a_speaker_the_parse_made_a_clause_is_not_reported_again(bare_nlp):
    """ "“We won,” said Jane Roe, who heads the party group Rally." with "Rally" the cue's clause."""
    doc = _doc(bare_nlp, [*_QUOTE,
        ("said", "VBD", "VERB", "say", 5, "ROOT", "O", True),
        ("Jane", "NNP", "PROPN", "Jane", 7, "compound", "B-PERSON", True),
        ("Roe", "NNP", "PROPN", "Roe", 14, "nsubj", "I-PERSON", False),
        (",", ",", "PUNCT", ",", 7, "punct", "O", True),
        ("who", "WP", "PRON", "who", 10, "nsubj", "O", True),
        ("heads", "VBZ", "VERB", "head", 7, "relcl", "O", True),
        ("the", "DT", "DET", "the", 12, "det", "O", True),
        ("party", "NN", "NOUN", "party", 10, "dobj", "O", True),
        ("group", "NN", "NOUN", "group", 14, "nsubj", "O", True),
        ("Rally", "NNP", "PROPN", "rally", 5, "ccomp", "O", False),
        (".", ".", "PUNCT", ".", 5, "punct", "O", False),
    ])
    assert _records(doc) == [("direct-cue", "We won", "Jane Roe, who heads the party")]


def test_a_clause_of_the_cue_s_own_is_still_reported(attributions_of):
    text = '"We won the seat," Roe said the group rallied late.'
    found = [(a["rule"], text[slice(*a["content"])], text[slice(*a["speaker_mention"])]) for a in attributions_of(text)]
    assert found == [("direct-cue", "We won the seat", "Roe"), ("indirect-ccomp", "the group rallied late", "Roe")]
