"""The tagger's features: hashed as FeatureHasher hashes them, one row per non-space token."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from sayso.attribution import model_features as mf

CLASSES = {"say": "speech", "believe": "belief"}


def _parsed(vocab, words, heads, deps, pos, lemmas, spaces=None, sent_starts=None) -> Doc:
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
               sent_starts=sent_starts)


def _row(x, k: int) -> set[int]:
    return set(x[k].indices.tolist())


def _has(x, k: int, *features: str) -> bool:
    return set(mf.hashed(list(features)).tolist()) <= _row(x, k)


def _mayor(nlp) -> Doc:
    words = ["The", "mayor", "said", "“", "it", "works", "”", "."]
    return _parsed(
        nlp.vocab, words, heads=[1, 2, 2, 5, 5, 2, 5, 2], deps=["det", "nsubj", "ROOT", "punct", "nsubj", "ccomp", "punct", "punct"],
        pos=["DET", "NOUN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"],
        lemmas=["the", "mayor", "say", "“", "it", "work", "”", "."],
        spaces=[True, True, True, False, True, False, False, False],
    )


def test_hashed_matches_scikit_learns_feature_hasher():
    from sklearn.feature_extraction import FeatureHasher

    strings = ["b", "w=the", "rpw=<>|none|cue|_", "c=speech|VERB", "q=“"]
    hasher = FeatureHasher(n_features=mf.HASH_FEATURES, input_type="string", alternate_sign=False)
    assert mf.hashed(strings).tolist() == hasher.transform([s] for s in strings).indices.tolist()


def test_quotation_state_follows_the_marks():
    texts = ["He", "said", "“", "we", "won", "”", "and", '"', "so", '"', "."]
    states = [mf.QUOTE_STATES[k] for k in mf.quote_states(texts)]
    assert states == ["out", "out", "open", "in", "in", "close", "out", "open", "in", "close", "out"]


def test_a_token_under_a_cue_verb_names_it_and_the_path(nlp):
    doc = _mayor(nlp)
    x = mf.feature_matrix(doc, CLASSES, None)
    assert x.shape == (len(doc), mf.HASH_FEATURES)
    said, works = 2, 5
    assert _has(x, said, "b", "w=said", "l=say", "c=speech|VERB", "a=speech|self|0", "cc=nsubj", "cc=ccomp", "n=0|0")
    assert _has(x, works, "a=speech|ccomp|1", "al=say|ccomp", "ar=r|ccomp", "q=in", "q-1=in", "q-2=open", "n=r|3", "nq=r|in")
    assert _has(x, 0, "w-1=<>", "w-2=<>", "pp=<>|DET", "ss=True", "se=False")
    assert not _has(x, 0, "c=speech|DET")  # "the" is no cue word


def test_rule_roles_are_features_only_in_hybrid(nlp):
    doc = _mayor(nlp)
    start = doc.text.index("it")
    rules = [{"kind": "direct", "content": [start, start + len("it works")], "parts": [], "cue": [9, 13],
              "speaker_mention": [0, 9], "cue_class": "speech"}]
    plain, hybrid = mf.feature_matrix(doc, CLASSES, None), mf.feature_matrix(doc, CLASSES, rules)
    assert _has(hybrid, 2, "r=cue", "rw=cue|s", "rc=cue|speech", "rpn=source|cue|none")
    assert _has(hybrid, 4, "rw=content|b", "rpw=none|content|content|it", "rq=content|in")
    assert _has(hybrid, 1, "rw=source|e") and _has(hybrid, 0, "rw=source|b", "rpn=<>|source|source")
    assert _has(hybrid, 7, "r=none", "rw=none|-", "rc=none|-")
    assert not _has(plain, 2, "r=cue")
    assert np.array_equal(plain[2].indices, np.setdiff1d(hybrid[2].indices, mf.hashed(["r=cue", "rw=cue|s", "rc=cue|speech",
                          "rpn=source|cue|none", "rpw=source|cue|none|_", "rq=cue|out"])))


def test_space_tokens_get_no_row(nlp):
    vocab = nlp.vocab
    doc = _parsed(vocab, ["Hi", "\n\n", "there"], heads=[0, 0, 0], deps=["ROOT", "dep", "dep"], pos=["INTJ", "SPACE", "ADV"],
                  lemmas=["hi", "\n\n", "there"], spaces=[False, False, False])
    x = mf.feature_matrix(doc, CLASSES, None)
    assert x.shape[0] == 2
    assert _has(x, 1, "w=there", "w-1=hi", "w1=<>")


def test_nested_reports_give_their_tokens_no_role():
    outer = {"kind": "indirect", "content": [20, 60], "parts": [], "cue": [10, 14]}
    inner = {"kind": "indirect", "content": [40, 55], "parts": [], "cue": [30, 38]}
    excerpt = {"kind": "excerpt", "content": [0, 100], "parts": [], "cue": None}
    assert mf.outermost([outer, inner, excerpt]) == [outer, excerpt]
