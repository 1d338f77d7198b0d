"""The word patterns: the same matches, in the same order, as spaCy's Matcher given the same patterns."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sayso.estimative.finder import load_lexicon
from sayso.estimative.patterns import WordPatterns, token_patterns


def _parsed(vocab: Vocab, rows: list[tuple[str, str, str, str]]) -> Doc:
    words, lemmas, tags, pos = zip(*rows, strict=True)
    return Doc(vocab, words=list(words), lemmas=list(lemmas), tags=list(tags), pos=list(pos))


def _spacy_matches(lex: dict, doc: Doc) -> list[tuple[str, int, int]]:
    """What the Matcher the word patterns replace reports: every pattern added in the same order."""
    matcher = Matcher(doc.vocab)
    for p in token_patterns(lex):
        token = {"LEMMA" if p.by_lemma else "LOWER": {"IN": list(p.words)}}
        token |= {"POS": {"IN": list(p.pos)}} if p.pos else {}
        token |= {"TAG": p.tag} if p.tag else {}
        matcher.add(p.label, [[token]])
    matcher.add("LOOKSET", [[{"LOWER": w} for w in words] for words in lex["appearance"]["fixed"]])
    conf = lex["confidence"]
    matcher.add("CONFIDENCE", [[{"LOWER": {"IN": list(conf["levels"])}}, {"LEMMA": {"IN": conf["nouns"]}}]])
    return [(doc.vocab.strings[m], s, e) for m, s, e in matcher(doc)]


@pytest.fixture(scope="module")
def lex() -> dict:
    return load_lexicon()


def test_word_patterns_match_as_spacys_matcher(lex):
    doc = _parsed(spacy.blank("en").vocab, [
        ("Officials", "official", "NNS", "NOUN"), ("could", "could", "MD", "AUX"),
        ("probably", "probably", "RB", "ADV"), ("assess", "assess", "VB", "VERB"),
        ("with", "with", "IN", "ADP"), ("high", "high", "JJ", "ADJ"), ("confidence", "confidence", "NN", "NOUN"),
        ("that", "that", "IN", "SCONJ"), ("prices", "price", "NNS", "NOUN"), ("look", "look", "VBP", "VERB"),
        ("set", "set", "VBN", "VERB"), ("to", "to", "TO", "PART"), ("rise", "rise", "VB", "VERB"),
        (",", ",", ",", "PUNCT"), ("though", "though", "IN", "SCONJ"), ("it", "it", "PRP", "PRON"),
        ("is", "be", "VBZ", "AUX"), ("not", "not", "RB", "PART"), ("known", "know", "VBN", "VERB"),
        ("and", "and", "CC", "CCONJ"), ("it", "it", "PRP", "PRON"), ("may", "may", "MD", "AUX"),
        ("seem", "seem", "VB", "VERB"), ("unlikely", "unlikely", "JJ", "ADJ"), (".", ".", ".", "PUNCT"),
    ])
    found = WordPatterns(lex)(doc)
    assert {"MODAL", "WORD", "CONFIDENCE", "LOOKSET", "UNKNOWN", "APPEAR"} <= {label for label, _, _ in found}
    assert found == _spacy_matches(lex, doc)


def test_a_word_with_the_wrong_tag_or_part_of_speech_matches_nothing(lex):
    doc = _parsed(spacy.blank("en").vocab, [
        ("The", "the", "DT", "DET"), ("may", "may", "NNP", "PROPN"), ("fair", "fair", "NN", "NOUN"),
        ("was", "be", "VBD", "AUX"), ("well", "well", "RB", "ADV"), ("known", "know", "JJ", "ADJ"), (".", ".", ".", "PUNCT"),
    ])
    assert WordPatterns(lex)(doc) == []
    assert _spacy_matches(lex, doc) == []
