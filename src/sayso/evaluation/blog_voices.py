"""Scoring voices on blog-voices: real blog posts whose writers marked pasted excerpts with ``>``.

``../shared/data/blog-voices/<split>/`` holds each post as Markdown (``.md``), as plain text with
the markup stripped (``.txt``) and the gold label of each plain-text paragraph (``.json``: author
or quoted). sayso reads a post two ways, the plain text (where voices are inferred) and the
Markdown original (where the markup decides), and each gold paragraph is given the voice sayso
gave most of its words. The two texts differ a little (the data's converter and sayso's reader
drop different markup), so gold and predicted words are aligned by content, not by offset; a gold
paragraph none of whose words sayso kept counts as ``author``.

Figures: ``paragraph_accuracy``; precision/recall/F1 of ``quoted`` paragraphs; the all-author
baseline's accuracy; and, on 20 dev posts whose quoted blocks we annotated with their source by
hand (``tests/gold/blog_voices_sources.json``), how often sayso names that source. The data's
texts are not redistributable, so nothing here copies them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from sayso.errors import ConfigError

DATASET = "blog-voices"
DATA_DIR = Path(__file__).resolve().parents[4] / "shared" / "data"
SOURCES_PATH = Path(__file__).resolve().parents[3] / "tests" / "gold" / "blog_voices_sources.json"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Post:
    """One post of a split: its file stem, plain text, Markdown original and gold paragraphs."""

    name: str
    text: str
    markdown: str
    published: str | None
    passages: tuple[dict[str, Any], ...]


def load_split(data_dir: Path, split: str) -> list[Post]:
    """The posts of ``split`` (``train`` or ``dev``) in file order."""
    folder = data_dir / DATASET / split
    if not folder.is_dir():
        raise ConfigError(f"blog-voices split not found at {str(folder)!r}")
    posts = []
    for gold_path in sorted(folder.glob("[0-9]*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        posts.append(
            Post(
                name=gold_path.stem,
                text=gold_path.with_suffix(".txt").read_text(encoding="utf-8"),
                markdown=gold_path.with_suffix(".md").read_text(encoding="utf-8"),
                published=gold.get("published"),
                passages=tuple(gold["passages"]),
            )
        )
    return posts


def _words(text: str) -> list[tuple[str, int]]:
    return [(m.group(0).lower(), m.start()) for m in _WORD.finditer(text)]


def predicted_labels(
    gold_text: str, gold_passages: Sequence[dict[str, Any]], text: str, voices: Iterable[dict[str, Any]]
) -> list[tuple[str, str | None]]:
    """The voice sayso gave each gold paragraph (that of most of its aligned words) and, when
    quoted, the source of its first quoted word's passage."""
    spans = sorted((int(v["start"]), int(v["end"]), v["voice"], v.get("source")) for v in voices)
    ours = _words(text)
    our_voice: list[tuple[str, str | None]] = []
    i = 0
    for _, offset in ours:
        while i < len(spans) and spans[i][1] <= offset:
            i += 1
        inside = i < len(spans) and spans[i][0] <= offset
        our_voice.append((spans[i][2], spans[i][3]) if inside else ("author", None))
    theirs = _words(gold_text)
    matcher = SequenceMatcher(None, [w for w, _ in theirs], [w for w, _ in ours], autojunk=False)
    mapped: dict[int, tuple[str, str | None]] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapped[block.a + k] = our_voice[block.b + k]
    labels = []
    word_starts = [offset for _, offset in theirs]
    cursor = 0
    for passage in gold_passages:
        while cursor < len(word_starts) and word_starts[cursor] < passage["start"]:
            cursor += 1
        end = cursor
        while end < len(word_starts) and word_starts[end] < passage["end"]:
            end += 1
        votes = [mapped[k] for k in range(cursor, end) if k in mapped]
        sources = [source for voice, source in votes if voice == "quoted"]
        if votes and len(sources) * 2 >= len(votes):
            labels.append(("quoted", sources[0]))
        else:
            labels.append(("author", None))
        cursor = end
    return labels


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Paragraph accuracy, quoted precision/recall/F1 and the all-author baseline's accuracy."""
    pairs = list(zip(gold, predicted, strict=True))
    n = len(pairs) or 1
    tp = sum(g == p == "quoted" for g, p in pairs)
    fp = sum(g == "author" and p == "quoted" for g, p in pairs)
    fn = sum(g == "quoted" and p == "author" for g, p in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "paragraphs": len(pairs),
        "quoted": sum(g == "quoted" for g in gold),
        "paragraph_accuracy": round(sum(g == p for g, p in pairs) / n, 4),
        "quoted_precision": round(precision, 4),
        "quoted_recall": round(recall, 4),
        "quoted_f1": round(2 * precision * recall / (precision + recall) if precision + recall else 0.0, 4),
        "baseline_accuracy": round(sum(g == "author" for g in gold) / n, 4),
    }


Analyse = Callable[[list[tuple[str, str | None, str]]], Iterable[tuple[str, list[dict[str, Any]]]]]


def load_sources(path: Path = SOURCES_PATH) -> dict[str, list[dict[str, Any]]]:
    """The hand-annotated sources of quoted blocks (``tests/gold/blog_voices_sources.json``)."""
    if not path.exists():
        raise ConfigError(f"blog-voices source annotations not found at {path}")
    return json.loads(path.read_text(encoding="utf-8"))["posts"]


def _same_source(predicted: str | None, names: Sequence[str]) -> bool:
    if not predicted:
        return False
    found = _folded(predicted)
    return any(name and (name in found or found in name) for name in map(_folded, names))


def _folded(name: str) -> str:
    return " ".join(_WORD.findall(name.lower()))


def score_sources(
    annotations: dict[str, list[dict[str, Any]]], predicted: dict[str, dict[int, tuple[str, str | None]]]
) -> dict[str, Any]:
    """How often sayso names an annotated block's source: ``named_right`` over the blocks whose
    text names one; ``named_wrong`` (another name), ``link`` (a URL, from Markdown), ``none``, and
    ``not_quoted`` (sayso missed the excerpt) split the rest; ``unnamed_given_a_name`` counts
    blocks the text names no one for that sayso named anyway."""
    counts = {"blocks": 0, "named_in_text": 0, "named_right": 0, "named_wrong": 0, "link": 0, "none": 0,
              "not_quoted": 0, "unnamed_given_a_name": 0}
    for post, blocks in annotations.items():
        for block in blocks:
            voice, source = predicted.get(post, {}).get(block["start"], ("author", None))
            counts["blocks"] += 1
            if block["source"] is None:
                counts["unnamed_given_a_name"] += int(voice == "quoted" and bool(source))
                continue
            counts["named_in_text"] += 1
            if voice != "quoted":
                counts["not_quoted"] += 1
            elif source and source.startswith(("http://", "https://")):
                counts["link"] += 1
            elif _same_source(source, [block["source"], *block["aliases"]]):
                counts["named_right"] += 1
            elif source:
                counts["named_wrong"] += 1
            else:
                counts["none"] += 1
    named = counts["named_in_text"]
    counts["source_recall"] = round(counts["named_right"] / named, 4) if named else 0.0
    return counts


def evaluate(
    posts: Sequence[Post],
    analyse: Analyse | None = None,
    sources: dict[str, list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """Score sayso on ``posts`` read as plain text and as Markdown, and the sources it names for
    the annotated blocks (``sources``, default the shipped annotations of dev posts).

    ``analyse`` maps ``(text, published, input_format)`` triples to ``(analysed text, passages)``
    pairs in order (default: sayso's pipeline), so tests can pass a stub.
    """
    analyse = analyse or _analyse
    annotations = load_sources() if sources is None else sources
    results: dict[str, Any] = {"posts": len(posts)}
    for fmt in ("text", "markdown"):
        inputs = [(p.text if fmt == "text" else p.markdown, p.published, fmt) for p in posts]
        gold: list[str] = []
        predicted: list[str] = []
        by_start: dict[str, dict[int, tuple[str, str | None]]] = {}
        for post, (text, voices) in zip(posts, analyse(inputs), strict=True):
            labels = predicted_labels(post.text, post.passages, text, voices)
            gold.extend(p["voice"] for p in post.passages)
            predicted.extend(voice for voice, _ in labels)
            by_start[post.name] = {p["start"]: label for p, label in zip(post.passages, labels, strict=True)}
        figures = score(gold, predicted)
        figures["sources"] = score_sources({k: v for k, v in annotations.items() if k in by_start}, by_start)
        results["plain" if fmt == "text" else "markdown"] = figures
    return results


def _analyse(inputs: list[tuple[str, str | None, str]]) -> Iterable[tuple[str, list[dict[str, Any]]]]:
    from sayso.pipeline import analyze_documents
    from sayso.reading import read

    documents = [read(text, published=published, input_format=fmt) for text, published, fmt in inputs]
    for analysis in analyze_documents(documents):
        yield analysis.text, [
            {"start": p.start, "end": p.end, "voice": p.voice, "source": p.source} for p in analysis.passages
        ]
