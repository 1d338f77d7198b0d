"""A surname standing alone ("Reyes said") after the article named the person in full ("Senator
Tom Reyes"): the tagger often reads the lone word as a common noun or an organisation, but it is
still that person, never a body called "Reyes"."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sayso.attribution import find_attributions, load_reporting_verbs

LEXICON = load_reporting_verbs()

FULL_NAME = [  # Senator Tom Reyes said prices rose .
    ("Senator", "NNP", "PROPN", "Senator", 2, "compound"), ("Tom", "NNP", "PROPN", "Tom", 2, "compound"),
    ("Reyes", "NNP", "PROPN", "Reyes", 3, "nsubj"), ("said", "VBD", "VERB", "say", 3, "ROOT"),
    ("prices", "NNS", "NOUN", "price", 5, "nsubj"), ("rose", "VBD", "VERB", "rise", 3, "ccomp"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]


def _doc(bare_nlp, second: list[tuple[str, str, str, str, int, str]], ent: tuple[int, str] | None) -> Doc:
    """The full-name sentence, then ``second`` (heads counted within it); ``ent``: (index in
    ``second``, label) of a one-word entity the tagger gave the second sentence's subject."""
    rows = FULL_NAME + [(w, t, p, lem, h + len(FULL_NAME), d) for w, t, p, lem, h, d in second]
    words, tags, pos, lemmas, heads, deps = (list(col) for col in zip(*rows, strict=True))
    spaces = [True] * len(words)
    spaces[5] = spaces[-2] = spaces[-1] = False
    sent_starts = [i in (0, len(FULL_NAME)) for i in range(len(words))]
    doc = Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads,
              deps=deps, sent_starts=sent_starts)
    ents = [Span(doc, 1, 3, label="PERSON")]
    if ent is not None:
        ents.append(Span(doc, len(FULL_NAME) + ent[0], len(FULL_NAME) + ent[0] + 1, label=ent[1]))
    doc.ents = ents
    return doc


def _speaker_of_second(doc: Doc) -> tuple[str | None, str | None, str | None]:
    second = doc[len(FULL_NAME)].idx
    record = next(a for a in find_attributions(doc, [], LEXICON) if a["content"][0] >= second)
    return record["speaker_name"], record["speaker_org"], record["speaker_type"]


def test_surname_tagged_as_an_organisation_is_the_person(bare_nlp):
    doc = _doc(bare_nlp, [  # Reyes said farmers paid .
        ("Reyes", "NN", "NOUN", "reyes", 1, "nsubj"), ("said", "VBD", "VERB", "say", 1, "ROOT"),
        ("farmers", "NNS", "NOUN", "farmer", 3, "nsubj"), ("paid", "VBD", "VERB", "pay", 1, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ], ent=(0, "ORG"))
    assert _speaker_of_second(doc) == ("Tom Reyes", None, "PERSON")


def test_the_paper_sharing_a_surname_stays_a_body(bare_nlp):
    """"the Reyes said": a determiner makes it no bare surname (a family, a paper), so no one person."""
    doc = _doc(bare_nlp, [  # The Reyes said farmers paid .
        ("The", "DT", "DET", "the", 1, "det"), ("Reyes", "NN", "NOUN", "reyes", 2, "nsubj"),
        ("said", "VBD", "VERB", "say", 2, "ROOT"), ("farmers", "NNS", "NOUN", "farmer", 4, "nsubj"),
        ("paid", "VBD", "VERB", "pay", 2, "ccomp"), (".", ".", "PUNCT", ".", 2, "punct"),
    ], ent=(1, "ORG"))
    assert _speaker_of_second(doc)[0] != "Tom Reyes"


def test_lowercase_noun_is_no_surname(bare_nlp):
    """A common noun spelled like nobody's surname is left alone: "critics" names no one."""
    doc = _doc(bare_nlp, [  # critics said farmers paid .
        ("critics", "NNS", "NOUN", "critic", 1, "nsubj"), ("said", "VBD", "VERB", "say", 1, "ROOT"),
        ("farmers", "NNS", "NOUN", "farmer", 3, "nsubj"), ("paid", "VBD", "VERB", "pay", 1, "ccomp"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ], ent=None)
    assert _speaker_of_second(doc)[0] is None
