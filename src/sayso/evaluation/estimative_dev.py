"""Scoring sayso's estimative language on ``shared/data/estimative-dev``: real assessment documents.

22 intelligence assessments and think-tank commentaries, every estimative phrase annotated with its
category, negation, ICD 203 band (WEPs only) and assessor (see the set's README). It is a
development set: measured here, read for error classes, never fitted. Each document is analysed
with ``sayso.analyze(text, published)`` on the ICD 203 scale and scored, micro-averaged:

- **phrase**: precision/recall/F1, predicted and gold phrases matched one-to-one when they share
  a character (analytic-confidence statements count as predictions of category ``confidence``).
- on matched pairs: ``category_accuracy``; ``band_accuracy`` where the gold gives a band;
  ``unbanded_with_band``, the number of gold ``uncertainty``, ``comparative`` and ``assess-verb``
  phrases sayso gave a band (goal 0: no standard scale defines one); ``assessor_accuracy``, where
  the gold's ``author_assessor`` is matched by sayso's "author" (or the byline, or the author's
  name), ``unattributed`` by a null assessor (sayso's "unknown") and nothing else, and other names
  after case folding (a found name ending in the gold name counts: "President Vladimir Putin").
  A null assessor never counts as the author.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sayso.errors import ConfigError
from sayso.evaluation.gold import _context, _match, _prf, _ratio, is_author, normalise_name
from sayso.model import Analysis

DATA_DIR = Path(__file__).resolve().parents[4] / "shared" / "data" / "estimative-dev"
UNBANDED = ("uncertainty", "comparative", "assess-verb")
# The gold's label for a view an agentless passive reports and the document does not own ("it is
# forecasted that"): no one in the text holds it, which is what sayso's null assessor means.
UNATTRIBUTED = "unattributed"

Item = dict[str, Any]
Found = tuple[int, int, str, str | None, str | None]  # start, end, category, band, assessor


def load(data_dir: Path = DATA_DIR) -> list[Item]:
    """Every gold document with its text under ``text``."""
    gold_dir = data_dir / "gold"
    if not gold_dir.is_dir():
        raise ConfigError(f"estimative-dev not found at {data_dir}")
    items = []
    for path in sorted(gold_dir.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        item["text"] = (data_dir / "texts" / item["file"]).read_text(encoding="utf-8")
        items.append(item)
    return items


def digest(data_dir: Path = DATA_DIR) -> str:
    """The sha256 of the gold files and texts, so a changed set is noticed."""
    h = hashlib.sha256()
    for path in sorted([*(data_dir / "gold").glob("*.json"), *(data_dir / "texts").glob("*.txt")]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return "sha256:" + h.hexdigest()


def predict(items: list[Item], advance: Callable[[], None] | None = None) -> list[Analysis]:
    from sayso.pipeline import analyze

    analyses = []
    for item in items:
        analyses.append(analyze(item["text"], published=item.get("published")))
        if advance is not None:
            advance()
    return analyses


def found(analysis: Analysis) -> list[Found]:
    """sayso's estimative records of one document, assessments and confidence statements together."""
    records: list[Found] = [
        (a.phrase.start, a.phrase.end, a.category, a.band, a.assessor) for a in analysis.assessments
    ]
    records += [(c.phrase.start, c.phrase.end, "confidence", None, c.assessor) for c in analysis.confidences]
    return sorted(records)


def assessor_ok(gold: str, found_name: str | None, item: Item, analysis: Analysis) -> bool:
    """Null is right only for the gold's ``unattributed``; the document's author needs sayso's
    "author", the byline or the author's name; other holders their name."""
    if gold == UNATTRIBUTED:
        return found_name is None
    if gold == item["author_assessor"] and is_author(found_name, analysis):
        return True
    g, f = normalise_name(gold), normalise_name(found_name)
    return f is not None and g is not None and (f == g or f.endswith(" " + g))


def _pairs(item: Item, records: list[Found]) -> dict[int, int]:
    return _match([(r[0], r[1]) for r in records], [(g["start"], g["end"]) for g in item["assessments"]], False)


def score(items: list[Item], analyses: list[Analysis]) -> dict[str, Any]:
    """Micro-averaged phrase, category, band and assessor figures over the set."""
    c: Counter[str] = Counter()
    for item, analysis in zip(items, analyses, strict=True):
        records = found(analysis)
        c["gold"] += len(item["assessments"])
        c["predicted"] += len(records)
        for i, j in _pairs(item, records).items():
            _, _, category, band, assessor = records[i]
            g = item["assessments"][j]
            c["matched"] += 1
            c["category_right"] += category == g["category"]
            if g["band_icd203"] is not None:
                c["bands"] += 1
                c["band_right"] += band == g["band_icd203"]
            if g["category"] in UNBANDED:
                c["unbanded"] += 1
                c["unbanded_with_band"] += band is not None
            c["assessor_right"] += assessor_ok(g["assessor"], assessor, item, analysis)
    return {
        "documents": len(items),
        **_prf(c["matched"], c["predicted"], c["gold"]),
        "category_accuracy": _ratio(c["category_right"], c["matched"]),
        "band_accuracy": _ratio(c["band_right"], c["bands"]),
        "unbanded_with_band": c["unbanded_with_band"],
        "unbanded_matched": c["unbanded"],
        "assessor_accuracy": _ratio(c["assessor_right"], c["matched"]),
        "gold": c["gold"],
        "predicted": c["predicted"],
    }


def misses(items: list[Item], analyses: list[Analysis]) -> list[dict[str, Any]]:
    """Gold phrases missed or wrong, and phrases sayso found that the gold does not have."""
    errors: list[dict[str, Any]] = []

    def add(item: Item, error: str, span: tuple[int, int], expected: Any, got: Any) -> None:
        errors.append({"set": "estimative-dev", "id": item["file"], "error": error, "expected": expected,
                       "found": got, "context": _context(item["text"], span), "weight": span[1] - span[0]})

    for item, analysis in zip(items, analyses, strict=True):
        records = found(analysis)
        pairs = _pairs(item, records)
        by_gold = {j: i for i, j in pairs.items()}
        for j, g in enumerate(item["assessments"]):
            expected = {k: g[k] for k in ("phrase", "category", "band_icd203", "assessor")}
            if j not in by_gold:
                add(item, "phrase missed", (g["start"], g["end"]), expected, None)
                continue
            start, end, category, band, assessor = records[by_gold[j]]
            got = {"phrase": item["text"][start:end], "category": category, "band": band, "assessor": assessor}
            if category != g["category"] or band != g["band_icd203"] or not assessor_ok(g["assessor"], assessor, item, analysis):
                add(item, "wrong category, band or assessor", (g["start"], g["end"]), expected, got)
        for i, (start, end, category, band, assessor) in enumerate(records):
            if i not in pairs:
                got = {"phrase": item["text"][start:end], "category": category, "band": band, "assessor": assessor}
                add(item, "spurious phrase", (start, end), None, got)
    return errors


def evaluate(
    data_dir: Path = DATA_DIR, advance: Callable[[], None] | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Analyse and score the set: (figures with the data's digest, misses)."""
    items = load(data_dir)
    analyses = predict(items, advance)
    return {"digest": digest(data_dir), **score(items, analyses)}, misses(items, analyses)


if __name__ == "__main__":  # python -m sayso.evaluation.estimative_dev: figures and every miss
    results, errors = evaluate()
    for error in errors:
        print(f"{error['id']} · {error['error']}: {json.dumps(error['expected'])} / {json.dumps(error['found'])}")
        print("    " + error["context"])
    print(json.dumps(results, indent=1))
