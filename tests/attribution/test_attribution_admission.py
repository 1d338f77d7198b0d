"""The learned cue admission: a verb outside the lexicon with a clausal complement ("ruled that",
"questioned whether") reports its clause as a belief when the model admits it in its context; a
verb it turns down ("made sure that") or a verb outside the candidates reports nothing, and the
lexicon's own cues keep their class."""

from __future__ import annotations

from spacy.tokens import Doc

from sayso.attribution import admission, finder, load_reporting_verbs
from sayso.attribution.context import Context

LEXICON = load_reporting_verbs()


def _court_ruled(bare_nlp, verb: str = "ruled", lemma: str = "rule") -> Doc:
    """ "The court <verb> that taxes rose ." with the clause the verb's ccomp."""
    words = ["The", "court", verb, "that", "taxes", "rose", "."]
    return Doc(
        bare_nlp.vocab, words=words, spaces=[True] * 5 + [False, False],
        lemmas=["the", "court", lemma, "that", "tax", "rise", "."],
        tags=["DT", "NN", "VBD", "IN", "NNS", "VBD", "."],
        pos=["DET", "NOUN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
        deps=["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
        heads=[1, 2, 2, 5, 5, 2, 2],
    )


def _after_rules(doc: Doc, weights: admission.Weights) -> list[tuple[str, str, str]]:
    ctx = Context(doc, [], LEXICON)
    for _, rule in finder.RULES:
        admission.admitted_cues(ctx, weights) if rule is admission.admitted_cues else rule(ctx)
    return [(doc.text[slice(*c.cue)], doc.text[slice(*c.content)], c.cue_class) for c in ctx.candidates]


def test_an_admitted_verb_reports_its_clause_as_a_belief(bare_nlp):
    doc = _court_ruled(bare_nlp)
    assert _after_rules(doc, admission.Weights({"lemma=rule": 3.0}, 0.0, 0.6)) == [("ruled", "that taxes rose", "belief")]


def test_a_verb_turned_down_reports_nothing(bare_nlp):
    doc = _court_ruled(bare_nlp)
    assert _after_rules(doc, admission.Weights({"lemma=rule": -3.0}, 0.0, 0.6)) == []


def test_candidates_are_clausal_verbs_outside_the_lexicon(bare_nlp):
    ctx = Context(_court_ruled(bare_nlp), [], LEXICON)
    assert [t.text for t in admission.candidates(ctx)] == ["ruled"]
    said = Context(_court_ruled(bare_nlp, "said", "say"), [], LEXICON)
    assert admission.candidates(said) == []  # the lexicon's cue: the rules' to report


def test_features_read_the_context_with_the_lemma(bare_nlp):
    ctx = Context(_court_ruled(bare_nlp), [], LEXICON)
    features = admission.features(ctx, ctx.doc[2])
    assert {"lemma=rule", "subj=nominal", "comp=ccomp-that", "lemma|comp=rule|ccomp-that", "dep=ROOT"} <= set(features)


def test_the_shipped_admission_on_parsed_text(rule_cue_content):
    assert rule_cue_content("The appeals court ruled that Ohio's practices could remove eligible voters.") == [
        ("indirect-ccomp", "ruled", "that Ohio's practices could remove eligible voters")
    ]
    assert rule_cue_content("The senator made sure that the bill passed.") == []
    assert rule_cue_content("This means that prices will rise.") == []


def test_the_shipped_weights_load_with_a_threshold():
    weights = admission.shipped()
    assert 0.0 < weights.threshold < 1.0 and weights.weights
