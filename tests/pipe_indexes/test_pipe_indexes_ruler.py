import spacy
from spacy.tokens import Doc

from sayso.pipe_indexes import IndexedRules, index_attribute_ruler

WORDS = ["Y'", "all", "ai", "n't", "gon", "na", "go", " ", "There", "is", "nothin'", "to", "see", "."]
TAGS = ["PRP", "DT", "VBP", "RB", "VBG", "TO", "VB", "_SP", "EX", "VBZ", "NN", "TO", "VB", "."]
DEPS = [
    "nsubj", "det", "aux", "neg", "aux", "aux", "ROOT", "", "expl", "ROOT", "attr", "aux", "relcl", "punct",
]


def _ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "VB"}]], {"POS": "VERB"})
    ruler.add(
        [[{"LOWER": "ai", "TAG": {"IN": ["VBP", "VBZ"]}}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"}
    )
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}, index=0)
    ruler.add([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"}, index=0)
    ruler.add([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"})
    ruler.add([[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], {"POS": "AUX"})
    ruler.add([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], {"POS": "VERB"}, index=1)
    ruler.add([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}], [{"IS_SPACE": True}]], {"TAG": "_SP"})
    ruler.add([[{"TAG": "VB"}], [{"LOWER": "go"}]], {"MORPH": "VerbForm=Inf"})  # one token, two patterns
    ruler.add([[{"TEXT": "see", "DEP": "relcl"}]], {"LEMMA": "see"})
    ruler.add([[{"LOWER": "see", "OP": "+"}]], {"LEMMA": "see"})  # an operator: left to spaCy's Matcher
    return nlp, ruler


def _doc(nlp, words=WORDS, tags=TAGS, deps=DEPS):
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=list(range(len(words))))


def test_indexed_rules_match_as_the_attribute_ruler_does():
    nlp, ruler = _ruler()
    doc = _doc(nlp)
    expected = ruler.match(doc)
    assert len(expected) > 10
    assert IndexedRules(ruler)(doc) == expected


def test_indexed_rules_find_nothing_where_no_rule_applies():
    nlp, ruler = _ruler()
    doc = _doc(nlp, words=["Cats", "sleep"], tags=["NNS", "VBP"], deps=["nsubj", "ROOT"])
    assert ruler.match(doc) == []
    assert IndexedRules(ruler)(doc) == []


def test_a_rule_added_after_indexing_is_read():
    nlp, ruler = _ruler()
    index_attribute_ruler(nlp)
    ruler.add([[{"LOWER": "there"}]], {"LEMMA": "there"})
    doc = _doc(nlp)
    assert ruler.match(doc) == type(ruler).match(ruler, doc)
    assert any(start == 8 for _, _, start, _ in ruler.match(doc))


def test_indexed_ruler_annotates_as_spacy_does():
    nlp, ruler = _ruler()
    plain, indexed = _doc(nlp), _doc(nlp)
    ruler(plain)
    index_attribute_ruler(nlp)
    ruler(indexed)
    annotations = lambda doc: [(t.pos_, t.lemma_, str(t.morph), t.tag_) for t in doc]  # noqa: E731
    assert annotations(indexed) == annotations(plain)
