"""A quotation with a speech cue on each side goes to the nearer one, measured from the cue's near
edge ("People say, ‘Hello John,’ I say, ‘Hello Frank’": the first to "People say", whose end
touches it); a cue that ends the sentence before the quote's own is further than a cue inside it."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _doc(bare_nlp, rows: list[tuple]) -> Doc:
    """``rows``: (word, tag, pos, lemma, head, dep, space after)."""
    return Doc(
        bare_nlp.vocab, words=[r[0] for r in rows], tags=[r[1] for r in rows], pos=[r[2] for r in rows],
        lemmas=[r[3] for r in rows], heads=[r[4] for r in rows], deps=[r[5] for r in rows], spaces=[r[6] for r in rows],
    )


def _credited(doc: Doc) -> list[tuple[str, str]]:
    """(speaker, quotation) of every direct attribution."""
    return [
        (doc.text[slice(*a["speaker_mention"])], doc.text[slice(*a["content"])])
        for a in find_attributions(doc, [], LEXICON) if a["kind"] == "direct"
    ]


def _quoted(words: str, head: int, start: int, comma: bool) -> list[tuple]:
    """A quotation (opening mark, words, optional comma, closing mark) whose first word hangs on
    ``head`` as a bare dependent (not a clause of it); ``start``: the index of its opening mark."""
    tokens = words.split()
    rows = [("“", "``", "PUNCT", "“", head, "punct", False)]
    rows += [(w, "NN", "NOUN", w.lower(), head if k == 0 else start + 1, "dep" if k == 0 else "compound", True)
             for k, w in enumerate(tokens)]
    rows[-1] = (*rows[-1][:6], False)
    if comma:
        rows.append((",", ",", "PUNCT", ",", start + 1, "punct", False))
    rows.append(("”", "''", "PUNCT", "”", head, "punct", True))
    return rows


def test_a_quote_between_two_cues_goes_to_the_one_whose_end_touches_it(bare_nlp):
    """ "People say, “Hello John my name is Ann,” I say, “Hello Ann my name is John”." """
    first = _quoted("Hello John my name is Ann", 1, 3, comma=True)  # tokens 3-11
    second = _quoted("Hello Ann my name is John", 13, 15, comma=False)  # tokens 15-22
    doc = _doc(bare_nlp, [
        ("People", "NNS", "NOUN", "people", 1, "nsubj", True),
        ("say", "VBP", "VERB", "say", 1, "ROOT", False),
        (",", ",", "PUNCT", ",", 1, "punct", True),
        *first,
        ("I", "PRP", "PRON", "I", 13, "nsubj", True),
        ("say", "VBP", "VERB", "say", 1, "conj", False),
        (",", ",", "PUNCT", ",", 13, "punct", True),
        *second[:-1], (*second[-1][:6], False),
        (".", ".", "PUNCT", ".", 1, "punct", False),
    ])
    assert _credited(doc) == [("People", "Hello John my name is Ann"), ("I", "Hello Ann my name is John")]


def test_a_cue_in_the_quote_s_own_sentence_wins_over_one_ending_the_sentence_before(bare_nlp):
    """ "Roe said. “We won the vote in the end,” Lee Smith replied.", parsed as one sentence."""
    doc = _doc(bare_nlp, [
        ("Roe", "NNP", "PROPN", "Roe", 1, "nsubj", True),
        ("said", "VBD", "VERB", "say", 15, "conj", False),
        (".", ".", "PUNCT", ".", 1, "punct", True),
        *_quoted("We won the vote in the end", 15, 3, comma=True),  # tokens 3-12
        ("Lee", "NNP", "PROPN", "Lee", 14, "compound", True),
        ("Smith", "NNP", "PROPN", "Smith", 15, "nsubj", True),
        ("replied", "VBD", "VERB", "reply", 15, "ROOT", False),
        (".", ".", "PUNCT", ".", 15, "punct", False),
    ])
    assert _credited(doc) == [("Lee Smith", "We won the vote in the end")]
