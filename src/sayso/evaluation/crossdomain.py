"""Attribution across domains: rules, model and hybrid on PolNeAR dev and on GUM's Wikinews.

GUM's news and interview documents of its dev and test splits (8 documents, a second publisher and
style) are scored exactly like PolNeAR dev, with both the project's overlap scorer
(``polnear.score_article``: content, cue and source within content-matched pairs) and CofeNet's
sentence-level span metric (``spans``). Nested GUM records are left out, as PolNeAR's gold has
none; GUM's own ``cue_class`` says which are speech. Every system reads the same parse: the rules
are run on it afresh, the tagger (``sayso.attribution.model``) in both its modes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from sayso.attribution import model as attribution_model
from sayso.evaluation import polnear, spans

SETS = {"polnear-dev": "PolNeAR dev", "gum-eval": "GUM news+interview dev+test"}
SYSTEMS = ("rules", "model", "hybrid")
SUBSETS = ("speech", "all")
OVERLAP_METRICS = ("content_overlap", "content_exact", "cue", "source")


def gold_attrs(doc: Doc, text: Any, lexicon: dict[str, Any]) -> list[polnear.Attr]:
    """A corpus text's gold attributions as the scorer's ``Attr`` (speech judged from the cue
    lemmas where the corpus does not say)."""
    out = []
    for g in text.gold:
        pieces = tuple(sorted(g.content))
        content = (pieces[0][0], max(e for _, e in pieces))
        hull = lambda spans_: (min(s for s, _ in spans_), max(e for _, e in spans_)) if spans_ else None  # noqa: E731
        kind = polnear.gold_kind(text.text, content) if len(pieces) == 1 else polnear._pieces_kind(text.text, pieces)
        out.append(polnear.Attr(content, hull(g.cue), hull(g.source), kind, bool(g.speech), pieces=pieces))
    if any(g.speech is None for g in text.gold):
        polnear._mark_speech(doc, text.text, out, lexicon)
    return out


def system_attrs(records: list[dict[str, Any]]) -> list[polnear.Attr]:
    return polnear.sayso_attrs(records)


def evaluate(
    data_dir: Path,
    weights: dict[str, attribution_model.Weights] | None = None,
    cache: Path | None = None,
    sets: tuple[str, ...] = tuple(SETS),
    systems: tuple[str, ...] = SYSTEMS,
    progress: Callable[[str], None] | None = None,
    limit: int | None = None,
    rules_of: Callable[[Doc, Any], list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """Overlap and span figures per set, system and subset; ``weights`` default to the shipped ones.
    ``rules_of`` (a parse and its corpus text) stands in for the shipped rules, as training asks."""
    from sayso.attribution import find_attributions, load_reporting_verbs
    from sayso.training import attribution_corpus as corpora

    lexicon = load_reporting_verbs()
    weights = weights or {}
    results: dict[str, Any] = {}
    for name in sets:
        if progress:
            progress(f"{SETS.get(name, name)}: rules, model, hybrid")
        texts = corpora.corpus(data_dir, name)[:limit]
        overlap: dict[str, dict[str, dict[str, polnear.Counts]]] = {s: {} for s in systems}
        sentence: dict[str, dict[str, dict[str, polnear.Counts]]] = {s: {} for s in systems}
        for text, doc in zip(texts, corpora.parsed(texts, cache, name), strict=True):
            gold = gold_attrs(doc, text, lexicon)
            rules = rules_of(doc, text) if rules_of else find_attributions(
                doc, doc._.voices or [], lexicon, boilerplate=doc._.sayso_boilerplate or []
            )
            sentences = spans.Sentences(doc)
            starts = [t.idx for t in doc if not t.is_space]
            for system in systems:
                records = rules if system == "rules" else attribution_model.reports(
                    doc, system, rules, lexicon, weights.get(system)
                )
                pred = system_attrs(records)
                polnear.score_article(text.text, pred, gold, overlap[system], starts)
                spans.score(text.text, sentences, pred, gold, sentence[system])
        results[name] = {
            "name": SETS.get(name, name),
            "documents": len(texts),
            "overlap": {s: {sub: {m: row[m].metrics() for m in OVERLAP_METRICS}
                            for sub, row in table.items() if sub in SUBSETS} for s, table in overlap.items()},
            "spans": {s: {c: {m: k.metrics() for m, k in row.items()} for c, row in table.items()}
                      for s, table in sentence.items()},
        }
    return results


def headline(results: dict[str, Any]) -> dict[str, float]:
    """The figures ``sayso train`` prints: speech content/source overlap F1 and exact span F1 per role."""
    out: dict[str, float] = {}
    for name, result in results.items():
        for system, subsets in result["overlap"].items():
            speech = subsets["speech"]
            out[f"{name} {system} speech content_overlap"] = speech["content_overlap"]["f1"]
            out[f"{name} {system} speech source"] = speech["source"]["f1"]
            exact = result["spans"][system]["as_annotated"]
            for role in spans.ROLES:
                out[f"{name} {system} exact {role}"] = exact[f"{role}_exact"]["f1"]
    return out


def format_table(results: dict[str, Any]) -> str:
    """One plain-text table: F1 per set, system, and metric (overlap on speech and all cues; spans)."""
    cols = [("speech", m) for m in OVERLAP_METRICS] + [("all", m) for m in ("content_overlap", "source")]
    span_cols = [(c, f"{r}_{m}") for c in spans.CONVENTIONS for r in spans.ROLES for m in spans.MATCHES]
    lines = []
    for result in results.values():
        lines.append(f"{result['name']}: {result['documents']} documents")
        lines.append("  overlap scorer: " + " ".join(f"{s}:{m}" for s, m in cols))
        for system in result["overlap"]:
            cells = [result["overlap"][system][s][m]["f1"] for s, m in cols]
            lines.append(f"  {system:7} " + " ".join(f"{c:.3f}" for c in cells))
        lines.append("  CofeNet spans (as_annotated, then unquoted): " + " ".join(m for _, m in span_cols[:6]))
        for system in result["spans"]:
            cells = [result["spans"][system][c][m]["f1"] for c, m in span_cols]
            lines.append(f"  {system:7} " + " ".join(f"{c:.3f}" for c in cells))
    return "\n".join(lines)
