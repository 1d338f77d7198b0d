"""The spaCy tagger experiment: a token's hashed features are the perceptron's own (none for a space
token), and the network gives every token a probability over the labels."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import spacy
from spacy.ml.models import build_hash_embed_cnn_tok2vec
from spacy.tokens import Doc

from sayso.attribution.model_features import feature_matrix

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "attribution_spacy_tagger.py"
spec = importlib.util.spec_from_file_location("attribution_spacy_tagger", SCRIPT)
tagger = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tagger)

CLASSES = {"say": "speech"}


def _doc(vocab: spacy.vocab.Vocab) -> Doc:
    """"The mayor said \\n the bridge reopens." parsed by hand, with a space token."""
    return Doc(
        vocab,
        words=["The", "mayor", "said", "\n", "the", "bridge", "reopens", "."],
        spaces=[True, True, False, False, True, True, False, False],
        lemmas=["the", "mayor", "say", "\n", "the", "bridge", "reopen", "."],
        pos=["DET", "NOUN", "VERB", "SPACE", "DET", "NOUN", "VERB", "PUNCT"],
        deps=["det", "nsubj", "ROOT", "dep", "det", "nsubj", "ccomp", "punct"],
        heads=[1, 2, 2, 2, 5, 6, 2, 2],
    )


def test_features_are_the_perceptrons_and_a_space_token_has_none():
    doc = _doc(spacy.blank("en").vocab)
    raw_keys, raw_lengths = tagger.hashed_features(doc, CLASSES, None)
    keys, lengths = np.frombuffer(raw_keys, dtype=np.uint32), np.frombuffer(raw_lengths, dtype=np.int32)
    assert lengths.tolist()[3] == 0 and lengths.sum() == len(keys) and len(lengths) == len(doc)
    x = feature_matrix(doc, CLASSES, None)
    said = x.getrow(2)  # "said", the third non-space token
    expected = np.repeat(said.indices, np.rint(said.data).astype(int))
    start = int(lengths[:2].sum())
    assert sorted(keys[start : start + lengths[2]].tolist()) == sorted(expected.tolist())


def test_every_token_gets_a_distribution_over_the_labels():
    vocab = spacy.blank("en").vocab
    docs = [_doc(vocab), _doc(vocab)]
    for doc in docs:
        doc.user_data[tagger.FEATURES_KEY] = {"model": tagger.hashed_features(doc, CLASSES, None)}
    tok2vec = build_hash_embed_cnn_tok2vec(
        width=16, depth=1, embed_size=50, window_size=1, maxout_pieces=2, subword_features=False, pretrained_vectors=None
    )
    model = tagger.attribution_tagger(tok2vec, depth=1, window_size=1, maxout_pieces=2, features="model")
    truth = [np.eye(7, dtype="f")[[0, 1, 3, 0, 5, 6, 6, 0]] for _ in docs]
    model.initialize(X=docs, Y=truth)
    probs, backprop = model.begin_update(docs)
    assert [p.shape for p in probs] == [(8, 7), (8, 7)]
    assert np.allclose(np.concatenate(probs).sum(axis=1), 1.0)
    backprop([p - t for p, t in zip(probs, truth, strict=True)])  # the sparse and dense layers take a gradient
    assert np.abs(model.layers[1].get_grad("W")).sum() > 0
