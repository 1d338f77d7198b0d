"""One sha256 of ``sayso analyze --format json`` per PolNeAR article, to prove a refactor changes nothing.

Parsing dominates the cost, so the first run caches each article's spaCy parse (everything before
the ``sayso`` pipe) in a DocBin; later runs only re-run sayso's own components on the cached docs.
The first run also checks the cache is faithful: every article is analysed both straight after
parsing (exactly as ``nlp.pipe`` would) and from its cached copy, and the two digests must agree.

    python scripts/attribution_fingerprint.py CACHE_DIR OUT.tsv [--splits train,dev]

Compare two runs with ``diff before.tsv after.tsv``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from sayso import pipeline
from sayso.evaluation import polnear
from sayso.reading import Document


def _digest(nlp: Language, doc: Doc, document: Document) -> str:
    doc = nlp.get_pipe("sayso")(doc)
    analysis = pipeline.to_analysis(doc, document, "icd203")
    return hashlib.sha256(analysis.to_json().encode("utf-8")).hexdigest()


def _parse(nlp: Language, documents: list[Document], cached: Path, split: str) -> list[str]:
    """Parse every document once into ``cached``; the digests of the fresh (never cached) Docs."""
    bin_ = DocBin(store_user_data=True)
    fresh = []
    raw = (pipeline.prepare_doc(nlp, d) for d in documents)
    with nlp.select_pipes(disable=["sayso"]):
        for i, doc in enumerate(nlp.pipe(raw, batch_size=8)):
            bin_.add(doc)  # before sayso runs: the cache holds the parse only
            fresh.append(_digest(nlp, doc, documents[i]))
            print(f"{split}: parsed {i + 1}/{len(documents)}", file=sys.stderr, end="\r")
    bin_.to_disk(cached)
    return fresh


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cache", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--splits", default="train,dev")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    nlp = pipeline.load()
    lines = []
    for split in args.splits.split(","):
        articles = polnear.load_split(split)
        documents = [Document(text=a.text) for a in articles]
        cached = args.cache / f"polnear-{split}.spacy"
        fresh = [] if cached.exists() else _parse(nlp, documents, cached, split)
        docs = list(DocBin().from_disk(cached).get_docs(nlp.vocab))
        if len(docs) != len(articles):
            print(f"{cached} holds {len(docs)} docs, {split} has {len(articles)} articles", file=sys.stderr)
            return 1
        digests = [_digest(nlp, doc, document) for doc, document in zip(docs, documents, strict=True)]
        if fresh:
            unfaithful = [a.id for a, old, new in zip(articles, fresh, digests, strict=True) if old != new]
            if unfaithful:
                print(f"cache differs from a fresh parse: {unfaithful[:5]}", file=sys.stderr)
                return 1
            print(f"\n{split}: cache faithful for all {len(docs)} articles", file=sys.stderr)
        lines += [f"{split}\t{a.id}\t{digest}\n" for a, digest in zip(articles, digests, strict=True)]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
