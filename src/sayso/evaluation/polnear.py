"""Attribution quality on PolNeAR: sayso and textacy's ``direct_quotations`` scored side by side.

Gold data: ``polnear.jsonl`` (see its README), the first annotator of each article, one split
(``dev`` by default; ``train`` for development; the test split is held back and never read).

Both systems run on the same Docs: one ``nlp.pipe`` pass of the full sayso pipeline (exactly what
``sayso analyze`` runs) over ``Document(text=...)``; textacy reads the parse from those Docs.

Scoring, per article, then summed over the split:

1. **Content matching.** A predicted and a gold attribution *overlap* when the characters their
   content spans share are at least half of the longer of the two spans (a symmetric ≥ 50%
   overlap, so a long prediction cannot swallow a short gold span). Pairs are matched one-to-one,
   greedily by overlap ratio. A discontinuous content ("“…,” he said. “…”") counts only its
   parts, on either side (sayso reports them as ``parts``).
2. **content (≥50%)**: precision = matched / predicted, recall = matched / gold.
   **content (exact)**: the same with a separate greedy matching that requires equal spans after
   both sides drop surrounding whitespace, quotation marks and trailing ``,.:;`` (PolNeAR keeps
   the marks and the comma before "he said"; sayso's content of a direct quote does not).
3. **cue**: a content-matched pair whose cue spans share at least one character (gold "has said"
   matches predicted "said"). **source**: a content-matched pair whose source spans overlap by
   ≥ 50% as in 1. A pair where both sides have no source counts as a correct source; a gold pair
   without a cue cannot score a cue. Precision and recall divide by all predicted and all gold
   attributions, so cue and source scores are end-to-end (never above content).
4. **Subsets.** ``speech`` keeps gold attributions whose cue contains a speech lemma of sayso's
   lexicon (said, told, added, stated, "according to", …) and predictions whose ``cue_class`` is
   speech (every textacy prediction is a speech quote). Matching is done once over all
   attributions; within a subset, a true positive is a matched pair whose gold is in the subset,
   a miss is an unmatched gold in the subset, and a false positive an unmatched prediction in
   the subset (a speech prediction matched to a gold belief cue is neither). ``all`` keeps
   everything. By kind: gold kind is ``direct`` when the trimmed content starts and ends with a
   quotation mark and has none inside, ``mixed`` when it has quotation marks otherwise, else
   ``indirect``; a prediction's kind is its own (sayso's ``excerpt`` counts as ``direct``).
5. **The anchors' definitions**, so sayso can be set beside citron's published PARC 3.0 figures
   (``citron/metrics.py``): **content tokens** is token-level content identification, the
   tokens inside predicted contents against those inside gold contents (citron's "overlap metric"
   of content; tokens counted once, so nested predictions cannot count a gold token twice);
   **source (cue-paired, exact)** is citron's exact source metric: a prediction is right when
   some gold attribution has an overlapping cue and the same source span (both trimmed; no source
   on either side matches no source), and a gold attribution is found when some prediction is
   right for it. Within a subset both sides are filtered by the subset (a speech prediction
   paired with a belief cue counts against sayso here).
6. **Nesting.** PolNeAR gives each token one role, so its gold never nests a report inside
   another's content (0 of 19,833 train cues lie in another attribution's content). sayso does
   ("X said Y believes Z" is two reports); only its outermost reports, those whose cue lies in no
   other report's content, are scored. An excerpt (a pasted passage) is a voice, not a report: the
   reports inside it are scored.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from sayso.errors import ConfigError, InputError

POLNEAR = Path(__file__).resolve().parents[4] / "shared" / "data" / "polnear" / "polnear.jsonl"
SPLITS = ("train", "dev")
SYSTEMS = ("sayso", "textacy")
QUOTE_CHARS = "\"“”«»‘’„'"
TRIM_CHARS = " \n\t" + QUOTE_CHARS + ",.:;"
KINDS = ("direct", "indirect", "mixed")


@dataclass(slots=True)
class Attr:
    """One attribution reduced to what is scored: spans as (start, end), kind and cue class."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    kind: str
    speech: bool
    extra: dict[str, Any] = field(default_factory=dict)
    pieces: tuple[tuple[int, int], ...] = ()  # a discontinuous content's parts

    def content_parts(self) -> tuple[tuple[int, int], ...]:
        return self.pieces or (self.content,)


@dataclass(slots=True)
class Article:
    id: str
    text: str
    gold: list[Attr]


# ---------------------------------------------------------------------------------------------
# Gold


def _hull(spans: list[dict[str, Any]]) -> tuple[int, int] | None:
    if not spans:
        return None
    return min(s["start"] for s in spans), max(s["end"] for s in spans)


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


def gold_kind(text: str, content: tuple[int, int]) -> str:
    """direct / mixed / indirect from the quotation marks in a gold content span."""
    raw = text[content[0] : content[1]].strip().rstrip(",.;:")
    marks = [i for i, ch in enumerate(raw) if ch in QUOTE_CHARS and _is_mark(raw, i)]
    if not marks:
        return "indirect"
    if marks[0] == 0 and marks[-1] == len(raw) - 1 and len(marks) == 2:
        return "direct"
    if marks[0] == 0 and raw[-1] in QUOTE_CHARS or (marks[0] == 0 and len(marks) == 1):
        return "direct"
    return "mixed"


def _pieces_kind(text: str, pieces: tuple[tuple[int, int], ...]) -> str:
    kinds = {gold_kind(text, p) for p in pieces}
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _is_mark(raw: str, i: int) -> bool:
    """A quotation mark, not an apostrophe inside a word."""
    if raw[i] not in "’'":
        return True
    before = raw[i - 1] if i > 0 else " "
    after = raw[i + 1] if i + 1 < len(raw) else " "
    return not (before.isalpha() and (after.isalpha() or after == " " and before == "s"))


def read_rows(path: Path = POLNEAR) -> Iterator[dict[str, Any]]:
    """The raw rows of ``polnear.jsonl``: one article each, every compartment; a file that is not
    PolNeAR's (a folder, binary, a line of other JSON) is a ``ConfigError`` naming where."""
    if not path.exists():
        raise ConfigError(f"PolNeAR not found at {path}")
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                try:
                    row = json.loads(line)
                except ValueError as error:
                    raise ConfigError(f"{path}:{number} is not a JSON line: {error}") from None
                if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "compartment" not in row:
                    raise ConfigError(f"{path}:{number} is not a PolNeAR row (it needs 'text' and 'compartment')")
                yield row
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read PolNeAR file {path}: {error}") from None


def load_split(split: str = "dev", limit: int | None = None, path: Path = POLNEAR) -> list[Article]:
    """The articles of one split with the first annotator's attributions."""
    if split not in SPLITS:
        raise InputError(f"unknown PolNeAR split {split!r}; choose one of {', '.join(SPLITS)}")
    articles: list[Article] = []
    for row in read_rows(path):
        if row["compartment"] != split or not row["annotations"]:
            continue
        articles.append(Article(row["id"], row["text"], _annotations(row["text"], row["annotations"][0])))
        if limit is not None and len(articles) >= limit:
            break
    return articles


def _mark_speech(doc: Doc, text: str, gold: list[Attr], lexicon: dict[str, Any]) -> None:
    """A gold attribution is a speech one when a token of its cue has a speech lemma."""
    speech = set(lexicon["verbs"]["speech"])
    # whole words: a one-word phrase ("per") inside another word ("reported", "paper") is no cue of it
    multi = [re.compile(rf"\b{re.escape(' '.join(m['words']))}\b") for m in lexicon["multiword"] if m["class"] == "speech"]
    for g in gold:
        if g.cue is None:
            continue
        cue_text = text[g.cue[0] : g.cue[1]].lower()
        span = doc.char_span(*g.cue, alignment_mode="expand")
        lemmas = {t.lemma_.lower() for t in span} if span is not None else set()
        g.speech = bool(lemmas & speech) or any(m.search(cue_text) for m in multi) or cue_text.strip() == ":"


# ---------------------------------------------------------------------------------------------
# Systems


def _sayso_attrs(doc: Doc) -> list[Attr]:
    return sayso_attrs(doc._.attributions or [])


def sayso_attrs(records: list[dict[str, Any]]) -> list[Attr]:
    """sayso's attribution records (rules or tagger) as scored: the outermost reports only."""
    out = []
    for a in _outermost(records):
        kind = "direct" if a["kind"] == "excerpt" else a["kind"]
        out.append(
            Attr(
                tuple(a["content"]),
                tuple(a["cue"]) if a.get("cue") else None,
                tuple(a["speaker_mention"]) if a.get("speaker_mention") else None,
                kind,
                a.get("cue_class", "speech") == "speech",
                {"speaker_name": a.get("speaker_name"), "rule": a.get("rule")},
                pieces=tuple(tuple(p) for p in a.get("parts") or ()),
            )
        )
    return out


def _outermost(attributions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PolNeAR gives every token one role, so a report nested in another's content ("X said Y
    believes Z") cannot be in its gold: only reports whose cue lies in no other content are scored."""
    def inside(cue: list[int], other: dict[str, Any]) -> bool:
        return any(start <= cue[0] and cue[1] <= end for start, end in other.get("parts") or [other["content"]])

    reports = [b for b in attributions if b["kind"] != "excerpt"]  # a quoted passage is a voice, not a report
    return [a for a in attributions if not a.get("cue") or not any(b is not a and inside(a["cue"], b) for b in reports)]


def _textacy_attrs(doc: Doc) -> list[Attr]:
    """textacy's direct quotations; a document it cannot handle yields none (and is counted)."""
    from textacy.extract.triples import direct_quotations

    def hull(tokens: Iterable[Any]) -> tuple[int, int] | None:
        tokens = list(tokens)
        if not tokens:
            return None
        return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)

    out = []
    for triple in direct_quotations(doc):
        content = (triple.content.start_char, triple.content.end_char)
        out.append(Attr(content, hull(triple.cue), hull(triple.speaker), "direct", True))
    return out


def _parsed(articles: list[Article]) -> Iterator[tuple[Article, Doc]]:
    """One ``nlp.pipe`` pass of the full sayso pipeline, as ``sayso analyze`` runs it."""
    from sayso import pipeline
    from sayso.reading import Document

    nlp = pipeline.load()
    docs = (pipeline.prepare_doc(nlp, Document(text=a.text)) for a in articles)
    yield from zip(articles, nlp.pipe(docs, batch_size=8), strict=True)


# ---------------------------------------------------------------------------------------------
# Scoring


def _overlap_ratio(a: tuple[int, int] | None, b: tuple[int, int] | None) -> float:
    if a is None or b is None:
        return 0.0
    shared = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0], 1)
    return max(0, shared) / longest


def _greedy(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one matching, best score first: predicted index → gold index."""
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    match: dict[int, int] = {}
    for _, p, g in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if p not in taken_p and g not in taken_g:
            match[p] = g
            taken_p.add(p)
            taken_g.add(g)
    return match


def content_overlap(p: Attr, g: Attr) -> float:
    """Shared characters over the longer content; a discontinuous content counts only its parts."""
    pred_parts, gold_parts = p.content_parts(), g.content_parts()
    shared = sum(max(0, min(b, d) - max(a, c)) for a, b in pred_parts for c, d in gold_parts)
    longest = max(sum(b - a for a, b in pred_parts), sum(d - c for c, d in gold_parts), 1)
    return shared / longest


def match_overlap(pred: list[Attr], gold: list[Attr]) -> dict[int, int]:
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if p.content[1] <= g.content[0] or g.content[1] <= p.content[0]:
                continue
            r = content_overlap(p, g)
            if r >= 0.5:
                pairs.append((r, i, j))
    return _greedy(pairs)


def match_exact(text: str, pred: list[Attr], gold: list[Attr]) -> dict[int, int]:
    gold_at: dict[tuple[int, int], list[int]] = {}
    for j, g in enumerate(gold):
        gold_at.setdefault(_trimmed(text, g.content), []).append(j)
    pairs = [(1.0, i, j) for i, p in enumerate(pred) for j in gold_at.get(_trimmed(text, p.content), [])]
    return _greedy(pairs)


def _cue_ok(p: Attr, g: Attr) -> bool:
    return p.cue is not None and g.cue is not None and min(p.cue[1], g.cue[1]) > max(p.cue[0], g.cue[0])


def _source_ok(p: Attr, g: Attr) -> bool:
    if p.source is None and g.source is None:
        return True
    return _overlap_ratio(p.source, g.source) >= 0.5


def _source_same(text: str, p: Attr, g: Attr) -> bool:
    if p.source is None or g.source is None:
        return p.source is None and g.source is None
    return _trimmed(text, p.source) == _trimmed(text, g.source)


def _token_set(spans: Iterable[tuple[int, int]], token_starts: list[int]) -> set[int]:
    """Indices of the tokens that start inside any of the spans."""
    found: set[int] = set()
    for start, end in spans:
        found.update(range(bisect.bisect_left(token_starts, start), bisect.bisect_left(token_starts, end)))
    return found


@dataclass(slots=True)
class Counts:
    """Hits over predictions and gold; ``tp_gold`` is set where gold hits are counted apart
    (citron's source metric counts right predictions and found gold separately)."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    tp_gold: int | None = None

    def add(self, tp: int, n_pred: int, n_gold: int, tp_gold: int | None = None) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold
        if tp_gold is not None:
            self.tp_gold = (self.tp_gold or 0) + tp_gold

    def metrics(self) -> dict[str, float | int]:
        found = self.tp if self.tp_gold is None else self.tp_gold
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = found / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp,
                "predicted": self.n_pred, "gold": self.n_gold, "found": found}


METRICS = ("content_overlap", "content_exact", "cue", "source", "content_tokens", "source_cue_exact")


def _subsets() -> dict[str, tuple[Any, Any]]:
    """Subset name → (gold filter, prediction filter)."""
    subsets: dict[str, tuple[Any, Any]] = {
        "all": (lambda g: True, lambda p: True),
        "speech": (lambda g: g.speech, lambda p: p.speech),
    }
    for kind in KINDS:
        subsets[kind] = (lambda g, k=kind: g.kind == k, lambda p, k=kind: p.kind == k)
    return subsets


def _anchor_counts(
    text: str, pred: list[Attr], gold: list[Attr], token_starts: list[int] | None, row: dict[str, Counts]
) -> None:
    """citron's content-token and cue-paired exact-source counts over one subset's attributions."""
    starts = token_starts if token_starts is not None else [m.start() for m in re.finditer(r"\S+", text)]
    predicted = _token_set((part for p in pred for part in p.content_parts()), starts)
    wanted = _token_set((part for g in gold for part in g.content_parts()), starts)
    row["content_tokens"].add(len(predicted & wanted), len(predicted), len(wanted))
    right = [[j for j, g in enumerate(gold) if _cue_ok(p, g) and _source_same(text, p, g)] for p in pred]
    found = {j for js in right for j in js}
    row["source_cue_exact"].add(sum(1 for js in right if js), len(pred), len(gold), tp_gold=len(found))


def score_article(
    text: str,
    pred: list[Attr],
    gold: list[Attr],
    table: dict[str, dict[str, Counts]],
    token_starts: list[int] | None = None,
) -> dict[int, int]:
    """Add one article's counts to ``table`` (subset → metric → Counts); returns the overlap matching.

    ``token_starts`` are the offsets of the article's tokens for the content-token metric
    (whitespace-separated words when not given)."""
    overlap = match_overlap(pred, gold)
    exact = match_exact(text, pred, gold)
    for name, (in_gold, in_pred) in _subsets().items():
        row = table.setdefault(name, {m: Counts() for m in METRICS})
        for metric, matching, judge in (
            ("content_overlap", overlap, None),
            ("content_exact", exact, None),
            ("cue", overlap, _cue_ok),
            ("source", overlap, _source_ok),
        ):
            tp = sum(1 for i, j in matching.items() if in_gold(gold[j]) and (judge is None or judge(pred[i], gold[j])))
            # a matched prediction outside the gold subset is neither hit nor false alarm
            n_pred = sum(
                1 for i, p in enumerate(pred)
                if (i in matching and in_gold(gold[matching[i]])) or (i not in matching and in_pred(p))
            )
            n_gold = sum(1 for j, g in enumerate(gold) if in_gold(g))
            row[metric].add(tp, n_pred, n_gold)
        _anchor_counts(text, [p for p in pred if in_pred(p)], [g for g in gold if in_gold(g)], token_starts, row)
    return overlap


def _run(split: str, limit: int | None, systems: tuple[str, ...]) -> Iterator[tuple[Article, Doc, dict[str, list[Attr]]]]:
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise InputError(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    from sayso.attribution import load_reporting_verbs

    lexicon = load_reporting_verbs()
    for article, doc in _parsed(load_split(split, limit)):
        _mark_speech(doc, article.text, article.gold, lexicon)
        preds: dict[str, list[Attr]] = {}
        if "sayso" in systems:
            preds["sayso"] = _sayso_attrs(doc)
        if "textacy" in systems:
            try:
                preds["textacy"] = _textacy_attrs(doc)
            except Exception:  # textacy bails on some documents (unbalanced quotes): score it as found nothing
                preds["textacy"] = []
        yield article, doc, preds


def evaluate(split: str = "dev", limit: int | None = None, systems: tuple[str, ...] = SYSTEMS) -> dict[str, Any]:
    """Precision/recall/F1 per system, subset (all, speech, direct, indirect, mixed) and metric."""
    tables: dict[str, dict[str, dict[str, Counts]]] = {s: {} for s in systems}
    n_articles = 0
    for article, doc, preds in _run(split, limit, systems):
        n_articles += 1
        token_starts = [t.idx for t in doc if not t.is_space]
        for system, pred in preds.items():
            score_article(article.text, pred, article.gold, tables[system], token_starts)
    return {
        "dataset": "PolNeAR v1.0.0",
        "split": split,
        "articles": n_articles,
        "scoring": (
            "content overlap >= 50% of the longer span, a discontinuous content by its parts, one-to-one greedy; "
            "cue/source within matched pairs; reports nested in another report's content are not scored "
            "(PolNeAR's one-role-per-token gold never nests them)"
        ),
        "systems": {
            system: {subset: {m: c.metrics() for m, c in row.items()} for subset, row in table.items()}
            for system, table in tables.items()
        },
    }


def _annotations(text: str, annotation: dict[str, Any]) -> list[Attr]:
    """One annotator's attributions of one article, as scored."""
    out = []
    for a in annotation["attributions"]:
        content = _hull(a["content"])
        if content is None:
            continue
        pieces = tuple((c["start"], c["end"]) for c in a["content"])
        kind = gold_kind(text, content) if len(pieces) == 1 else _pieces_kind(text, pieces)
        out.append(Attr(content, _hull(a["cue"]), _hull(a["source"]), kind, False, pieces=pieces))
    return out


def _context(text: str, span: tuple[int, int], width: int = 120) -> str:
    start = max(0, span[0] - width)
    end = min(len(text), span[1] + width)
    return (text[start : span[0]] + "[[" + text[span[0] : span[1]] + "]]" + text[span[1] : end]).replace("\n", " ")


def worst_errors(n: int, split: str = "dev") -> list[dict[str, Any]]:
    """The ``n`` worst sayso errors on speech attributions, longest first: missed gold, then false alarms.

    Each error names the article, what was expected and found, and the surrounding text with the
    content span marked ``[[…]]``.
    """
    errors: list[dict[str, Any]] = []
    for article, _doc, preds in _run(split, None, ("sayso",)):
        pred, gold, text = preds["sayso"], article.gold, article.text
        matching = match_overlap(pred, gold)
        matched_gold = {j: i for i, j in matching.items()}
        span = lambda s: None if s is None else text[s[0] : s[1]]  # noqa: E731
        for j, g in enumerate(gold):
            if not g.speech:
                continue
            i = matched_gold.get(j)
            if i is None:
                kind = "missed"
            elif not _source_ok(pred[i], g):
                kind = "wrong source"
            else:
                continue
            errors.append(
                {
                    "error": kind,
                    "article": article.id,
                    "gold": {"content": span(g.content), "cue": span(g.cue), "source": span(g.source), "kind": g.kind},
                    "found": None if i is None else {
                        "content": span(pred[i].content), "cue": span(pred[i].cue), "source": span(pred[i].source),
                        "rule": pred[i].extra.get("rule"),
                    },
                    "context": _context(text, g.content),
                    "weight": g.content[1] - g.content[0],
                }
            )
        for i, p in enumerate(pred):
            if i not in matching and p.speech:
                errors.append(
                    {
                        "error": "false alarm",
                        "article": article.id,
                        "gold": None,
                        "found": {"content": span(p.content), "cue": span(p.cue), "source": span(p.source),
                                  "rule": p.extra.get("rule")},
                        "context": _context(text, p.content),
                        "weight": p.content[1] - p.content[0],
                    }
                )
    errors.sort(key=lambda e: -e["weight"])
    return errors[:n]


def format_table(result: dict[str, Any]) -> str:
    """A plain-text table of F1 (P/R) per system, subset and metric."""
    lines = [f"PolNeAR {result['split']}: {result['articles']} articles"]
    header = f"{'system':8} {'subset':9} " + " ".join(f"{m:>22}" for m in METRICS)
    lines.append(header)
    for system, subsets in result["systems"].items():
        for subset, row in subsets.items():
            cells = [f"{row[m]['f1']:.3f} ({row[m]['precision']:.2f}/{row[m]['recall']:.2f})" for m in METRICS]
            lines.append(f"{system:8} {subset:9} " + " ".join(f"{c:>22}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=SPLITS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=int, default=0, help="print the N worst sayso errors instead")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    args = parser.parse_args(argv)
    if args.errors:
        for e in worst_errors(args.errors, args.split):
            print(json.dumps(e, ensure_ascii=False))
        return
    print(format_table(evaluate(args.split, args.limit, tuple(args.systems.split(",")))))


if __name__ == "__main__":
    main()
