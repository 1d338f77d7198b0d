"""An experiment, not shipped: the attribution role tagger as a spaCy ``tagger`` (``spacy train``).

The labels are the BIO role tags the perceptron of ``sayso.training.attribution`` learns (one role
per token, as PolNeAR annotates): a tagger, not ``ner`` or ``spancat``, because its per-token label
scores drop into the same constrained Viterbi and the same decoder from tags to records, so the
two taggers are compared on everything but the tagging. The network reads en_core_web_sm's own
``tok2vec`` (the vectors every sayso parse already has, sourced and frozen or fine-tuned), a few
more convolution layers for a wider window, and optionally the perceptron's own hashed features
(``model``: the parse; ``hybrid``: the rules' roles too) through a sparse linear layer added to the
label scores. Config: ``configs/attribution-tagger.cfg``; this file is its ``--code``. Results and
the reason it is not shipped: docs/experiments.md ("attribution: tried, not kept").

    python scripts/attribution_spacy_tagger.py convert DATA_DIR CACHE OUT_DIR
    python -m spacy train configs/attribution-tagger.cfg --code scripts/attribution_spacy_tagger.py \
        --paths.data OUT_DIR --vars.features hybrid -o MODEL_DIR
    python scripts/attribution_spacy_tagger.py score MODEL_DIR/model-last DATA_DIR CACHE OUT.json

CACHE holds the parsed corpora (``sayso.training.attribution_corpus.parsed``; the first run parses).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.ml.models.tok2vec import MaxoutWindowEncoder
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry
from thinc.api import Linear, Model, SparseLinear_v2, chain, with_array
from thinc.types import Floats2d

from sayso.attribution import model as attribution_model
from sayso.attribution.model_features import HASH_FEATURES, feature_matrix

FEATURES_KEY = "sayso_attribution_features"  # Doc.user_data: {mode: (keys, lengths)} as bytes
FEATURE_MODES = ("model", "hybrid")


# ---------------------------------------------------------------------------------------------
# Features and data


def hashed_features(doc: Doc, classes: dict[str, str], rules: list[dict[str, Any]] | None) -> tuple[bytes, bytes]:
    """The perceptron's hashed feature buckets of every token of ``doc`` (none for a space token), as
    (keys, per-token counts); a bucket met twice is repeated, so the sparse layer counts it twice."""
    x = feature_matrix(doc, classes, rules)
    counts = np.rint(x.data).astype(np.int64)
    keys = np.repeat(x.indices, counts).astype(np.uint32)
    per_row = np.bincount(np.repeat(np.arange(x.shape[0]), np.diff(x.indptr)), weights=counts, minlength=x.shape[0])
    lengths = np.zeros(len(doc), dtype=np.int32)
    lengths[[t.i for t in doc if not t.is_space]] = per_row
    return keys.tobytes(), lengths.tobytes()


def convert(data_dir: Path, parses: Path, out_dir: Path) -> None:
    """One DocBin per corpus: the cached parse's words with the gold BIO tags and both feature sets."""
    from sayso.attribution import find_attributions, load_reporting_verbs
    from sayso.training import attribution_corpus as corpora
    from sayso.training.attribution import TRAIN, gold_labels

    lexicon = load_reporting_verbs()
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in TRAIN:
        texts = corpora.corpus(data_dir, name)
        store = DocBin(attrs=["TAG"], store_user_data=True)
        for n, (text, doc) in enumerate(zip(texts, corpora.parsed(texts, parses, name), strict=True), 1):
            tokens = [t for t in doc if not t.is_space]
            labels = dict(zip((t.i for t in tokens), gold_labels(tokens, text.gold), strict=True))
            gold = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                       tags=[labels.get(t.i, "O") for t in doc])
            rules = find_attributions(doc, doc._.voices or [], lexicon, boilerplate=doc._.sayso_boilerplate or [])
            gold.user_data[FEATURES_KEY] = {
                "model": hashed_features(doc, lexicon["classes"], None),
                "hybrid": hashed_features(doc, lexicon["classes"], rules),
            }
            gold.user_data["sayso_id"] = text.id
            store.add(gold)
            if n % 100 == 0:
                print(f"  {name}: {n}/{len(texts)}", file=sys.stderr, flush=True)
        store.to_disk(out_dir / f"{name}.spacy")


@registry.readers("sayso.attribution_examples.v1")
def attribution_examples(paths: list[str], limits: list[int], skip: list[int]) -> Callable[[Language], Iterable[Example]]:
    """Examples from converted DocBins: ``limits[k]`` documents of ``paths[k]`` after ``skip[k]``
    (0: all), each predicted Doc carrying the reference's features."""

    def read(nlp: Language) -> Iterator[Example]:
        for path, limit, first in zip(paths, limits, skip, strict=True):
            docs = DocBin().from_disk(path).get_docs(nlp.vocab)
            for n, reference in enumerate(docs):
                if n < first:
                    continue
                if limit and n >= first + limit:
                    break
                predicted = Doc(nlp.vocab, words=[t.text for t in reference], spaces=[bool(t.whitespace_) for t in reference])
                predicted.user_data[FEATURES_KEY] = reference.user_data[FEATURES_KEY]
                yield Example(predicted, reference)

    return read


@registry.callbacks("sayso.pipeline_norms.v1")
def pipeline_norms(model: str) -> Callable[[Language], Language]:
    """Copy the sourced pipeline's ``lexeme_norm`` table, so the sourced tok2vec reads the NORM
    values it was trained on (a blank English vocabulary has none)."""

    def copy(nlp: Language) -> Language:
        import spacy

        table = spacy.load(model, exclude=["tagger", "parser", "ner", "lemmatizer", "attribute_ruler"]).vocab.lookups.get_table("lexeme_norm")
        nlp.vocab.lookups.add_table("lexeme_norm", dict(table.items()))
        return nlp

    return copy


# ---------------------------------------------------------------------------------------------
# The network


def _sparse_input(docs: list[Doc], mode: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    keys, lengths = [], []
    for doc in docs:
        raw_keys, raw_lengths = doc.user_data[FEATURES_KEY][mode]
        keys.append(np.frombuffer(raw_keys, dtype=np.uint32))
        lengths.append(np.frombuffer(raw_lengths, dtype=np.int32))
    all_keys = np.concatenate(keys).astype(np.uint64)
    return all_keys, np.ones(len(all_keys), dtype=np.float32), np.concatenate(lengths)


def _forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Floats2d], Callable]:
    """Label probabilities: softmax over the dense scores plus the sparse ones; the backward pass
    takes the gradient of the loss by the scores (probabilities less truth), as thinc's Softmax."""
    dense, back_dense = model.layers[0](docs, is_train)
    sizes = [len(d) for d in docs]
    scores = model.ops.flatten(dense)
    back_sparse = None
    if len(model.layers) > 1:
        sparse, back_sparse = model.layers[1](_sparse_input(docs, model.attrs["features"]), is_train)
        scores = scores + sparse
    probs = model.ops.softmax(scores)

    def backprop(d_probs: list[Floats2d]) -> list[Doc]:
        d_scores = model.ops.flatten(d_probs)
        if back_sparse is not None:
            back_sparse(d_scores)
        return back_dense(model.ops.unflatten(d_scores, sizes))

    return model.ops.unflatten(probs, sizes), backprop


def _init(model: Model, X: list[Doc] | None = None, Y: list[Floats2d] | None = None) -> None:
    if Y is not None:
        model.set_dim("nO", Y[0].shape[1])
    for layer in model.layers[1:]:
        layer.set_dim("nO", model.get_dim("nO"))
        layer.initialize()
    model.get_ref("output").set_dim("nO", model.get_dim("nO"))
    model.layers[0].initialize(X=X)


@registry.architectures("sayso.AttributionTagger.v1")
def attribution_tagger(
    tok2vec: Model[list[Doc], list[Floats2d]], depth: int, window_size: int, maxout_pieces: int, features: str,
    nO: int | None = None,
) -> Model[list[Doc], list[Floats2d]]:
    """``tok2vec``, ``depth`` more window layers, a linear layer to the labels, plus (``features`` in
    ``FEATURE_MODES``) a sparse linear layer over the perceptron's hashed features."""
    width = tok2vec.get_dim("nO")
    layers = [tok2vec]
    if depth:
        layers.append(MaxoutWindowEncoder(width, window_size, maxout_pieces, depth))
    output = Linear(nO, width)
    dense = chain(*layers, with_array(output))
    branches = [dense] + ([SparseLinear_v2(nO, length=HASH_FEATURES)] if features in FEATURE_MODES else [])
    model = Model("sayso_attribution_tagger", _forward, init=_init, layers=branches, dims={"nO": nO},
                  attrs={"features": features})
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output", output)
    return model


# ---------------------------------------------------------------------------------------------
# Scoring through the shipped decoder


def scorer(model_dir: Path) -> tuple[Callable[..., Any], dict[str, float]]:
    """A stand-in for ``sayso.attribution.model.tag`` that labels with the trained spaCy tagger
    (constrained Viterbi over its log probabilities, no learned transitions), and its CPU clock."""
    import spacy

    nlp = spacy.load(model_dir)
    tok2vec, tagger = nlp.get_pipe("tok2vec"), nlp.get_pipe("attribution")
    mode = tagger.model.attrs["features"]
    order = [list(tagger.labels).index(label) for label in attribution_model.LABELS]
    no_transitions = np.zeros((len(order), len(order)), dtype=np.float32)
    clock = {"features": 0.0, "tok2vec": 0.0, "tagger": 0.0, "words": 0}

    def tag(doc: Doc, weights: Any, classes: dict[str, str], rules: list[dict[str, Any]]) -> tuple[Any, list[str]]:
        tokens = attribution_model.Tokens(doc)
        if not len(tokens):
            return tokens, []
        copy = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        started = time.process_time()
        if mode in FEATURE_MODES:
            copy.user_data[FEATURES_KEY] = {mode: hashed_features(doc, classes, rules if mode == "hybrid" else None)}
        featured = time.process_time()
        tok2vec(copy)  # the same vectors the pipeline's own tok2vec leaves in Doc.tensor
        embedded = time.process_time()
        probs = np.asarray(tagger.model.predict([copy])[0])
        ended = time.process_time()
        clock["features"] += featured - started
        clock["tok2vec"] += embedded - featured
        clock["tagger"] += ended - embedded
        clock["words"] += len(tokens)
        path = attribution_model.viterbi(np.log(probs[tokens.at][:, order] + 1e-9), no_transitions)
        return tokens, [attribution_model.LABELS[k] for k in path]

    return tag, clock


def score(model_dir: Path, data_dir: Path, cache: Path, out: Path) -> None:
    """PolNeAR dev and GUM news+interview dev+test, decoded as ``model`` and as ``hybrid``."""
    from sayso.evaluation import crossdomain

    tag, clock = scorer(model_dir)
    attribution_model.tag = tag  # the decoder calls it by module name; this process only
    results = crossdomain.evaluate(data_dir, cache=cache, systems=("model", "hybrid"))
    print(crossdomain.format_table(results))
    seconds = clock["features"] + clock["tagger"]
    clock["words_per_second_with_tok2vec"] = clock["words"] / (seconds + clock["tok2vec"])
    clock["words_per_second_on_pipeline_tensor"] = clock["words"] / seconds
    print(json.dumps(clock))
    out.write_text(json.dumps({**results, "clock": clock}, indent=1))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    converting = commands.add_parser("convert", help="training DocBins with gold BIO tags and features")
    converting.add_argument("data", type=Path)
    converting.add_argument("cache", type=Path)
    converting.add_argument("out", type=Path)
    scoring = commands.add_parser("score", help="both dev sets through the shipped decoder")
    scoring.add_argument("model", type=Path)
    scoring.add_argument("data", type=Path)
    scoring.add_argument("cache", type=Path)
    scoring.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "convert":
        convert(args.data, args.cache, args.out)
    else:
        score(args.model, args.data, args.cache, args.out)


if __name__ == "__main__":
    main(sys.argv[1:])
