"""Scoring sayso on the in-house gold set: conflict reporting and think-tank assessments.

The gold set (``tests/gold/gold.jsonl``, built from ``passages.toml`` by ``tests/gold/build.py``)
holds passages written for sayso with their voices, attributions, assessments and dates. Each
passage is analysed with ``sayso.analyze(text, published)`` and scored, micro-averaged over the set:

- **voices**: every non-space character of a gold paragraph carries the gold voice; a character
  no predicted passage covers counts as wrong. ``char_accuracy``; precision/recall/F1 of the
  ``quoted`` characters; ``paragraph_accuracy`` (the majority predicted voice of the paragraph's
  characters); ``source_accuracy`` over quoted paragraphs whose source the gold names.
- **attributions**: content spans matched one-to-one as on PolNeAR (shared characters ≥ 50% of
  the longer span, best first). Precision/recall/F1 of content; on matched pairs, the share with
  the right speaker name (null when the text does not identify the speaker), an overlapping cue
  (none when the gold has none), the same kind, and an overlapping speaker mention; ``strict_f1``
  counts a pair only when content, speaker and cue are all right.
- **assessments**: phrase spans matched when they share characters. Precision/recall/F1 of the
  phrase; on matched pairs, the share with the right ICD 203 band (where the gold gives one) and
  the right assessor ("(author)" in the gold is the article's own author, which sayso calls "author"
  or its byline; a null assessor is right only where the gold's is null, unknown).
- **dates**: spans matched when they share characters; precision/recall/F1 of the mention, the
  share of matched mentions with the right value, and ``value_recall`` (right values / gold).
  Durations ("six weeks") are not dates: predictions with granularity ``duration`` are left out.

Names match after case folding, dropping a leading "the", possessive "'s" and punctuation, against
the gold name and the aliases the gold lists for that speaker. Ratios with nothing to count are 0.0.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sayso.errors import ConfigError
from sayso.evaluation.polnear import _greedy as greedy
from sayso.evaluation.polnear import _overlap_ratio as overlap_ratio
from sayso.identity.authors import AUTHOR_VOICE
from sayso.model import Analysis

GOLD_PATH = Path(__file__).resolve().parents[3] / "tests" / "gold" / "gold.jsonl"
AUTHOR = "(author)"

Span = tuple[int, int]
Item = dict[str, Any]


def load(path: Path = GOLD_PATH) -> list[Item]:
    """The gold passages, one dict per line of ``gold.jsonl``."""
    if not path.exists():
        raise ConfigError(f"gold set not found at {path}; build it with tests/gold/build.py")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def digest(path: Path = GOLD_PATH) -> str:
    """The sha256 of the gold data, pinned beside the floors so a changed gold set is noticed."""
    if not path.exists():
        raise ConfigError(f"gold set not found at {path}; build it with tests/gold/build.py")
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def predict(items: Iterable[Item], advance: Callable[[], None] | None = None) -> list[Analysis]:
    """sayso's analysis of each gold passage, as ``sayso.analyze`` returns it."""
    from sayso.pipeline import analyze

    analyses = []
    for item in items:
        analysis = analyze(item["text"], published=item["published"])
        if analysis.text != item["text"]:
            raise ConfigError(f"gold passage {item['id']}: the analysed text differs from the gold text")
        analyses.append(analysis)
        if advance is not None:
            advance()
    return analyses


# ---------------------------------------------------------------------------------------------
# Matching helpers


def normalise_name(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"['’]s\b", "", name.casefold())
    name = re.sub(r"[^\w\s-]", " ", name)
    name = re.sub(r"^the\s+", "", " ".join(name.split()))
    return name or None


def _aliases(item: Item) -> dict[str, set[str | None]]:
    """Normalised gold name → every normalised name that denotes the same speaker in this passage."""
    table: dict[str, set[str | None]] = {}
    for a in item["attributions"]:
        speaker = a["speaker"]
        key = normalise_name(speaker["name"])
        if key is not None:
            table.setdefault(key, {key}).update(normalise_name(x) for x in speaker.get("aliases", []))
    return table


def name_ok(gold: str | None, found: str | None, aliases: dict[str, set[str | None]]) -> bool:
    g, f = normalise_name(gold), normalise_name(found)
    if g is None:
        return f is None
    return f in aliases.get(g, {g})


def is_author(found: str | None, analysis: Analysis) -> bool:
    """sayso names the article's own voice "author", or its byline; null means unknown, never the author."""
    return found == AUTHOR_VOICE or (analysis.author is not None and found == analysis.author)


def assessor_ok(
    gold: str | None, found: str | None, analysis: Analysis, aliases: dict[str, set[str | None]]
) -> bool:
    if gold == AUTHOR:
        return is_author(found, analysis)
    return name_ok(gold, found, aliases)


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return value["start"], value["end"]
    return value.start, value.end


def _shared(a: Span | None, b: Span | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(pred: list[Span], gold: list[Span], by_ratio: bool) -> dict[int, int]:
    """One-to-one matching, predicted index → gold index: ≥ 50% overlap ratio, or any shared character."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            score = overlap_ratio(p, g) if by_ratio else _shared(p, g)
            if (by_ratio and score >= 0.5) or (not by_ratio and score > 0):
                pairs.append((float(score), i, j))
    return greedy(pairs)


def _ratio(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p, r = _ratio(tp, predicted), _ratio(tp, gold)
    return {"precision": p, "recall": r, "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


# ---------------------------------------------------------------------------------------------
# Per-layer scoring: each returns counts for one passage; ``score`` sums and turns them into ratios.


def _voice_counts(item: Item, analysis: Analysis, aliases: dict[str, set[str | None]]) -> Counter[str]:
    text = item["text"]
    found: list[tuple[str, str | None] | None] = [None] * len(text)
    for p in analysis.passages:
        for i in range(max(0, p.start), min(len(text), p.end)):
            found[i] = (p.voice, p.source)
    c: Counter[str] = Counter()
    for para in item["passages"]:
        chars = [i for i in range(para["start"], para["end"]) if not text[i].isspace()]
        labels = [found[i][0] if found[i] else None for i in chars]
        quoted_gold = para["voice"] == "quoted"
        c["chars"] += len(chars)
        c["chars_right"] += sum(1 for v in labels if v == para["voice"])
        c["quoted_gold"] += len(chars) if quoted_gold else 0
        c["quoted_found"] += sum(1 for v in labels if v == "quoted")
        c["quoted_tp"] += sum(1 for v in labels if v == "quoted") if quoted_gold else 0
        majority = Counter(found[i] for i in chars).most_common(1)[0][0] if chars else None
        c["paragraphs"] += 1
        c["paragraphs_right"] += majority is not None and majority[0] == para["voice"]
        if quoted_gold and para["source"]:
            c["sources"] += 1
            c["sources_right"] += majority is not None and name_ok(para["source"], majority[1], aliases)
    return c


def _attribution_counts(item: Item, analysis: Analysis, aliases: dict[str, set[str | None]]) -> Counter[str]:
    gold, pred = item["attributions"], analysis.attributions
    matching = _match([_span(p.content) for p in pred], [_span(g["content"]) for g in gold], by_ratio=True)
    c: Counter[str] = Counter(gold=len(gold), predicted=len(pred), matched=len(matching))
    for i, j in matching.items():
        p, g = pred[i], gold[j]
        speaker = name_ok(g["speaker"]["name"], p.speaker.name, aliases)
        cue = (p.cue is None) if g["cue"] is None else _shared(_span(p.cue), _span(g["cue"])) > 0
        c["speaker_right"] += speaker
        c["cue_right"] += cue
        c["kind_right"] += p.kind == g["kind"]
        c["strict"] += speaker and cue
        if g["speaker"]["mention"] is not None:
            c["mentions"] += 1
            c["mention_right"] += _shared(_span(p.speaker.mention), _span(g["speaker"]["mention"])) > 0
    return c


def _assessment_counts(item: Item, analysis: Analysis, aliases: dict[str, set[str | None]]) -> Counter[str]:
    gold, pred = item["assessments"], analysis.assessments
    matching = _match([_span(p.phrase) for p in pred], [_span(g["phrase"]) for g in gold], by_ratio=False)
    c: Counter[str] = Counter(gold=len(gold), predicted=len(pred), matched=len(matching))
    for i, j in matching.items():
        p, g = pred[i], gold[j]
        if g["band"] is not None:
            c["bands"] += 1
            c["band_right"] += p.band == g["band"]
        c["assessor_right"] += assessor_ok(g["assessor"], p.assessor, analysis, aliases)
    return c


def _date_counts(item: Item, analysis: Analysis) -> Counter[str]:
    gold = item["dates"]
    pred = [p for p in analysis.dates if p.granularity != "duration"]
    matching = _match([_span(p) for p in pred], [_span(g) for g in gold], by_ratio=False)
    c: Counter[str] = Counter(gold=len(gold), predicted=len(pred), matched=len(matching))
    c["value_right"] = sum(1 for i, j in matching.items() if pred[i].value == gold[j]["value"])
    return c


def score(items: list[Item], analyses: list[Analysis]) -> dict[str, Any]:
    """Micro-averaged metrics over the gold set, as a JSON-friendly dict."""
    if len(items) != len(analyses):
        raise ConfigError(f"{len(analyses)} analyses for {len(items)} gold passages")
    v: Counter[str] = Counter()
    a: Counter[str] = Counter()
    e: Counter[str] = Counter()
    d: Counter[str] = Counter()
    for item, analysis in zip(items, analyses, strict=True):
        aliases = _aliases(item)
        v += _voice_counts(item, analysis, aliases)
        a += _attribution_counts(item, analysis, aliases)
        e += _assessment_counts(item, analysis, aliases)
        d += _date_counts(item, analysis)
    return {
        "passages": len(items),
        "voices": {
            "char_accuracy": _ratio(v["chars_right"], v["chars"]),
            **{
                f"quoted_{k}": x for k, x in _prf(v["quoted_tp"], v["quoted_found"], v["quoted_gold"]).items()
            },
            "paragraph_accuracy": _ratio(v["paragraphs_right"], v["paragraphs"]),
            "source_accuracy": _ratio(v["sources_right"], v["sources"]),
            "paragraphs": v["paragraphs"],
        },
        "attributions": {
            **_prf(a["matched"], a["predicted"], a["gold"]),
            "speaker_accuracy": _ratio(a["speaker_right"], a["matched"]),
            "cue_accuracy": _ratio(a["cue_right"], a["matched"]),
            "kind_accuracy": _ratio(a["kind_right"], a["matched"]),
            "mention_accuracy": _ratio(a["mention_right"], a["mentions"]),
            "strict_f1": _prf(a["strict"], a["predicted"], a["gold"])["f1"],
            "gold": a["gold"],
            "predicted": a["predicted"],
        },
        "assessments": {
            **_prf(e["matched"], e["predicted"], e["gold"]),
            "band_accuracy": _ratio(e["band_right"], e["bands"]),
            "assessor_accuracy": _ratio(e["assessor_right"], e["matched"]),
            "gold": e["gold"],
            "predicted": e["predicted"],
        },
        "dates": {
            **_prf(d["matched"], d["predicted"], d["gold"]),
            "value_accuracy": _ratio(d["value_right"], d["matched"]),
            "value_recall": _ratio(d["value_right"], d["gold"]),
            "gold": d["gold"],
            "predicted": d["predicted"],
        },
    }


# ---------------------------------------------------------------------------------------------
# Misses, for ``sayso eval --errors``


def _context(text: str, span: Span, width: int = 100) -> str:
    start, end = max(0, span[0] - width), min(len(text), span[1] + width)
    return (text[start : span[0]] + "[[" + text[span[0] : span[1]] + "]]" + text[span[1] : end]).replace(
        "\n", " "
    )


def misses(items: list[Item], analyses: list[Analysis]) -> list[dict[str, Any]]:
    """Gold attributions and assessments sayso missed or got wrong, longest content first."""
    errors: list[dict[str, Any]] = []

    def add(item: Item, error: str, span: Span, expected: Any, found: Any) -> None:
        errors.append(
            {
                "set": "gold",
                "id": item["id"],
                "error": error,
                "expected": expected,
                "found": found,
                "context": _context(item["text"], span),
                "weight": span[1] - span[0],
            }
        )

    for item, analysis in zip(items, analyses, strict=True):
        aliases = _aliases(item)
        pred = analysis.attributions
        matching = _match(
            [_span(p.content) for p in pred], [_span(g["content"]) for g in item["attributions"]], True
        )
        matched = {j: i for i, j in matching.items()}
        for j, g in enumerate(item["attributions"]):
            span = _span(g["content"])
            expected = {
                "speaker": g["speaker"]["name"],
                "cue": g["cue"] and g["cue"]["text"],
                "kind": g["kind"],
            }
            if j not in matched:
                add(item, "attribution missed", span, expected, None)
                continue
            p = pred[matched[j]]
            if not name_ok(g["speaker"]["name"], p.speaker.name, aliases):
                add(item, "wrong speaker", span, expected, {"speaker": p.speaker.name, "rule": p.rule})
        found = analysis.assessments
        matching = _match(
            [_span(p.phrase) for p in found], [_span(g["phrase"]) for g in item["assessments"]], False
        )
        matched = {j: i for i, j in matching.items()}
        for j, g in enumerate(item["assessments"]):
            span = _span(g["phrase"])
            expected = {"phrase": g["phrase"]["text"], "band": g["band"], "assessor": g["assessor"]}
            if j not in matched:
                add(item, "assessment missed", span, expected, None)
                continue
            p = found[matched[j]]
            if (g["band"] is not None and p.band != g["band"]) or not assessor_ok(
                g["assessor"], p.assessor, analysis, aliases
            ):
                add(item, "wrong band or assessor", span, expected, {"band": p.band, "assessor": p.assessor})
    errors.sort(key=lambda x: -x["weight"])
    return errors


def evaluate(
    path: Path = GOLD_PATH, advance: Callable[[], None] | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Analyse and score the gold set: (metrics with the data's digest, misses)."""
    items = load(path)
    analyses = predict(items, advance)
    return {"digest": digest(path), **score(items, analyses)}, misses(items, analyses)
