"""The attribution training and dev corpora, parsed once by the full sayso pipeline and cached.

Training and scoring read the same parses: PolNeAR (first annotator per article) and GUM's Wikinews
documents, each run through ``pipeline.load("rules")`` as ``sayso analyze --attribution rules`` runs
it, so the rules' attributions are on every Doc (the hybrid model reads them as features). Parses are kept as spaCy
DocBins with their user data, keyed by corpus, split and the sayso source files that shape them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin

from sayso.errors import ConfigError
from sayso.evaluation.polnear import read_rows

GUM_FILE = Path("gum") / "gum-attribution-wikinews.jsonl"
POLNEAR_FILE = Path("polnear") / "polnear.jsonl"


@dataclass(slots=True)
class Gold:
    """One gold attribution: character spans per role (lists: a role may be discontinuous)."""

    content: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]]
    speech: bool | None = None  # None: judge from the cue's lemmas (PolNeAR); GUM says it


@dataclass(slots=True)
class Text:
    id: str
    text: str
    gold: list[Gold]


def polnear(data_dir: Path, split: str) -> list[Text]:
    """PolNeAR articles of one compartment (never ``test``: it is not in the data folder)."""
    out = []
    for row in read_rows(data_dir / POLNEAR_FILE):
        if row["compartment"] != split or not row["annotations"]:
            continue
        gold = [
            Gold(*([(s["start"], s["end"]) for s in a[role]] for role in ("content", "cue", "source")))
            for a in row["annotations"][0]["attributions"]
            if a["content"]
        ]
        out.append(Text(row["id"], row["text"], gold))
    return out


def gum(data_dir: Path, splits: tuple[str, ...]) -> list[Text]:
    """GUM Wikinews documents (news and interview) of the given splits.

    Nested records (an "I think" inside a longer quote) are dropped: a one-role-per-token tagger and
    PolNeAR-style gold cannot hold them. Speech is GUM's own ``cue_class``."""
    path = data_dir / GUM_FILE
    if not path.exists():
        raise ConfigError(f"GUM not found at {path}")
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["split"] not in splits:
                continue
            gold = []
            for q in row["quotes"]:
                if q.get("nested"):
                    continue
                parts = q.get("content_parts") or [q["content"]]
                speakers = q.get("speaker_parts") or ([q["speaker"]] if q.get("speaker") else [])
                gold.append(
                    Gold(
                        [(p["start"], p["end"]) for p in parts],
                        [(q["cue"]["start"], q["cue"]["end"])] if q.get("cue") else [],
                        [(s["start"], s["end"]) for s in speakers],
                        q.get("cue_class") == "speech",
                    )
                )
            out.append(Text(row["id"], row["text"], gold))
    return out


def corpus(data_dir: Path, name: str) -> list[Text]:
    """``polnear-train``, ``polnear-dev``, ``gum-train`` or ``gum-eval`` (GUM dev + test)."""
    loaders: dict[str, Callable[[], list[Text]]] = {
        "polnear-train": lambda: polnear(data_dir, "train"),
        "polnear-dev": lambda: polnear(data_dir, "dev"),
        "gum-train": lambda: gum(data_dir, ("train",)),
        "gum-eval": lambda: gum(data_dir, ("dev", "test")),
    }
    if name not in loaders:
        raise ConfigError(f"unknown corpus {name!r}; choose one of {', '.join(loaders)}")
    return loaders[name]()


def _code_digest() -> str:
    """A digest of the sources that shape a parse, so a stale cache is never read."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted([root / "pipeline.py", *(p for p in root.glob("attribution/*.py") if not p.name.startswith("model")),
                        *root.glob("voices*.py"), *(root / "data").glob("*")]):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def parsed(texts: list[Text], cache: Path | None, name: str, progress: Callable[[int], None] | None = None) -> Iterator[Doc]:
    """The texts parsed by the full pipeline, in order; read from (and written to) ``cache``."""
    from sayso import pipeline
    from sayso.reading import Document

    nlp = pipeline.load("rules")
    path = cache / f"{name}-{_code_digest()}.spacy" if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == [t.text for t in texts]:
            yield from docs
            return
    store = DocBin(store_user_data=True)
    stream = (pipeline.prepare_doc(nlp, Document(text=t.text)) for t in texts)
    for n, doc in enumerate(nlp.pipe(stream, batch_size=8), 1):
        store.add(doc)
        if progress:
            progress(n)
        yield doc
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        store.to_disk(path)

