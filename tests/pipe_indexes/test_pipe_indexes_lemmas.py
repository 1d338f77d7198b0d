import spacy
from spacy.lookups import Lookups
from spacy.tokens import Doc

from sayso.pipe_indexes import index_lemma_tables


def _nlp():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""], ["ies", "y"]], "verb": [["ed", ""], ["ed", "e"]]})
    lookups.add_table("lemma_index", {"noun": ["city", "cat"], "verb": ["hope", "walk"]})
    lookups.add_table("lemma_exc", {"noun": {"mice": ["mouse"]}})
    lemmatizer.initialize(lookups=lookups)
    return nlp, lemmatizer


WORDS = ["cities", "cats", "mice", "hoped", "walked", "zorbed", "dogs"]
POS = ["NOUN", "NOUN", "NOUN", "VERB", "VERB", "VERB", "NOUN"]


def _lemmas(nlp, lemmatizer):
    return [t.lemma_ for t in lemmatizer(Doc(nlp.vocab, words=WORDS, pos=POS))]


def test_lemmas_from_word_sets_equal_those_from_the_lists():
    nlp, lemmatizer = _nlp()
    expected = _lemmas(nlp, lemmatizer)
    assert expected == ["city", "cat", "mouse", "hope", "walk", "zorb", "dog"]
    index_lemma_tables(nlp)
    lemmatizer.cache.clear()
    assert _lemmas(nlp, lemmatizer) == expected


def test_known_words_answer_as_the_list_does_and_still_save():
    nlp, lemmatizer = _nlp()
    saved = lemmatizer.to_bytes()
    index_lemma_tables(nlp)
    nouns = lemmatizer.lookups.get_table("lemma_index")["noun"]
    assert nouns == ["city", "cat"] and "cat" in nouns and "dog" not in nouns
    assert lemmatizer.to_bytes() == saved


def test_a_pipeline_without_a_lemmatizer_is_left_alone():
    nlp = spacy.blank("en")
    index_lemma_tables(nlp)
    assert nlp.pipe_names == []
