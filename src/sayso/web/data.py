"""What the web reader needs from the corpus, in one small interface.

The pages and the JSON API call only this module's ``Corpus``; ``StoreCorpus`` adapts it to
``sayso.store``, so the web layer never sees SQL or a database dialect.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sayso.model import Analysis


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    title: str | None
    url: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class Hit:
    """One attribution or assessment found in the corpus, with where to read it."""

    kind: str  # "attribution" | "assessment"
    doc_id: int
    doc_title: str | None
    published: str | None
    ref: str  # anchor in the article page: "at-3" or "as-1"
    text: str  # the quote content or the assessment sentence
    speaker: str | None  # speaker name or assessor
    voice: str | None
    cue: str | None = None
    band: str | None = None
    low: float | None = None
    high: float | None = None
    median: float | None = None
    phrase: str | None = None


@dataclass(frozen=True, slots=True)
class SpeakerInfo:
    name: str
    quotes: int
    documents: int
    orgs: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Filters:
    """Search filters; None means "any"."""

    query: str = ""
    speaker: str | None = None
    voice: str | None = None
    since: str | None = None
    until: str | None = None
    band: str | None = None
    kind: str | None = None  # "attribution" | "assessment"
    limit: int = 100


class Corpus(Protocol):
    """The read (and optional write) operations the web reader uses."""

    def documents(self, limit: int, offset: int) -> list[DocumentInfo]: ...

    def count(self) -> int: ...

    def document(self, doc_id: int) -> tuple[DocumentInfo, Analysis]: ...

    def search(self, filters: Filters) -> list[Hit]: ...

    def speakers(self, limit: int) -> list[SpeakerInfo]: ...

    def timeline(self, topic: str, limit: int) -> list[Hit]: ...

    def ingest(self, analysis: Analysis) -> int: ...
