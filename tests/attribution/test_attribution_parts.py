"""An interrupted content's parts: never an empty piece, whatever the parse."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _headline(bare_nlp) -> Doc:
    """A headline as the parser read one in PolNeAR train: the cue "finds" hangs on the main verb as
    parataxis, and the line break after the semicolon hangs on the semicolon."""
    words = ["Hope", "survives", "among", "traders", ",", "poll", "finds", ";", "\n", "Traders", "expect", "more", "."]
    spaces = [True, True, True, False, True, True, False, True, False, True, True, False, False]
    heads = [1, 1, 1, 2, 3, 6, 1, 1, 7, 10, 10, 10, 10]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct", "nsubj", "parataxis", "punct", "dep", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["NOUN", "VERB", "ADP", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT", "SPACE", "NOUN", "VERB", "ADJ", "PUNCT"]
    tags = ["NN", "VBZ", "IN", "NNS", ",", "NN", "VBZ", ":", "_SP", "NNS", "VBP", "JJR", "."]
    lemmas = ["hope", "survive", "among", "trader", ",", "poll", "find", ";", "\n", "trader", "expect", "more", "."]
    starts = [True] + [False] * 8 + [True] + [False] * 3
    return Doc(bare_nlp.vocab, words, spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, sent_starts=starts)


def test_a_cue_that_ends_its_content_leaves_no_empty_part(bare_nlp) -> None:
    doc = _headline(bare_nlp)
    found = [a for a in find_attributions(doc, [], LEXICON) if a["cue"] and doc.text[slice(*a["cue"])] == "finds"]
    assert [(doc.text[slice(*a["content"])], a["parts"]) for a in found] == [("Hope survives among traders", [])]


def test_a_cue_inside_its_content_splits_it_in_two(bare_nlp) -> None:
    text = "He defended policies, which he said had failed the poor."
    found = [a for a in find_attributions(bare_nlp(text), [], LEXICON) if a["parts"]]
    assert [[text[s:e] for s, e in a["parts"]] for a in found] == [["which", "had failed the poor"]]


def test_semicolon_after_the_cue_closes_the_first_saying(bare_nlp):
    """"“A”, it added; and, later, “B”": the second quotation is a later saying, not the first one's rest."""
    text = '"Provocation deserves harsh punishment", the agency added; and, later, "the leader ordered the units to a wartime state".'
    found = find_attributions(bare_nlp(text), [], LEXICON)
    first = next(a for a in found if text[slice(*a["cue"])] == "added")
    assert text[slice(*first["content"])] == "Provocation deserves harsh punishment"
    assert not first["parts"]


def test_semicolons_in_a_list_after_the_cue_do_not_split_the_quote(bare_nlp):
    text = ('"We are five right now," Nega said, introducing his comrades from Dallas; Calgary, Canada; and Luxembourg, '
            '"and another one is coming tomorrow morning."')
    (a,) = [a for a in find_attributions(bare_nlp(text), [], LEXICON) if text[slice(*a["cue"])] == "said"]
    assert [text[slice(*p)] for p in a["parts"]][-1] == "and another one is coming tomorrow morning."
