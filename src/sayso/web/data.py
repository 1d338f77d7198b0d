"""What the web reader needs from the corpus, in one small interface.

The pages and the JSON API call only this module's ``Corpus``; ``StoreCorpus`` adapts it to
``sayso.store``, so the web layer never sees SQL or a database dialect.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any, Protocol

from sayso.errors import InputError, SaysoError
from sayso.model import SCHEMA, Analysis, from_dict


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
    category: str | None = None  # wep, modal, …: what an assessment without a band is
    reading: str | None = None  # the band, or "possible (modal, no band)"
    cue_class: str | None = None  # an attribution's speech, belief, evidence or perception (null: stored before it was kept)


@dataclass(frozen=True, slots=True)
class SpeakerInfo:
    name: str
    quotes: int
    documents: int
    orgs: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # the identity's other names


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
    exact_speaker: bool = False  # ``speaker`` is one identity's name, not a fragment
    all_cues: bool = False  # beliefs, evidence and perceptions too, labelled; by default quotes are speech only


class Corpus(Protocol):
    """The read (and optional write) operations the web reader uses."""

    def documents(self, limit: int, offset: int) -> list[DocumentInfo]: ...

    def count(self) -> int: ...

    def document(self, doc_id: int) -> tuple[DocumentInfo, Analysis]: ...

    def search(self, filters: Filters) -> list[Hit]: ...

    def speakers(self, limit: int, offset: int = 0) -> list[SpeakerInfo]: ...

    def timeline(self, topic: str, limit: int) -> list[Hit]: ...

    def ingest(self, analysis: Analysis) -> int: ...


def open_corpus(db: str | Path, *, create: bool = True) -> Corpus:
    """The store at ``db`` (a SQLite path or a database URL) as the reader's Corpus; a read-only
    reader passes ``create=False`` so a missing or empty file is refused, not made a corpus."""
    from sayso.store.database import open_store

    return StoreCorpus(open_store(db, create=create))


class NotFound(SaysoError):
    """No such document in the corpus."""

    status = 404


class StoreCorpus:
    """``Corpus`` over ``sayso.store``: every read is a ``store.query`` function, every write its Writer."""

    def __init__(self, store: Any) -> None:
        from sayso.store.writer import Writer

        self.store = store
        self.writer = Writer(store)

    def documents(self, limit: int, offset: int) -> list[DocumentInfo]:
        from sayso.store import query

        return [_document_info(row) for row in query.documents(self.store, limit=limit, offset=offset)]

    def count(self) -> int:
        from sayso.store import query

        return query.count_documents(self.store)

    def document(self, doc_id: int) -> tuple[DocumentInfo, Analysis]:
        from sayso.store import query

        rows = query.documents(self.store, ids=[doc_id], limit=1, analysis=True)
        if not rows:
            raise NotFound(f"no document with id {doc_id} in the corpus")
        return _document_info(rows[0]), from_dict(json.loads(rows[0]["analysis"]))

    def search(self, filters: Filters) -> list[Hit]:
        from sayso.store import query

        rows = query.search(
            self.store, filters.query or None, speaker=filters.speaker, voice=filters.voice, since=filters.since,
            until=filters.until, band=filters.band, limit=None, speaker_exact=filters.exact_speaker,
            all_cues=filters.all_cues,
        )
        hits = [_hit(row, row.get("speaker")) for row in rows if filters.kind in (None, row["kind"])]
        return hits[: filters.limit]

    def speakers(self, limit: int, offset: int = 0) -> list[SpeakerInfo]:
        from sayso.store import query

        return [
            SpeakerInfo(
                name=row["speaker"], quotes=int(row["quotes"]), documents=int(row["documents"]),
                orgs=tuple(x for x in [row.get("org")] if x), roles=tuple(x for x in [row.get("role")] if x),
                cues=tuple(row.get("cues") or ()), aliases=tuple(row.get("aliases") or ()),
            )
            for row in query.speakers(self.store, limit=limit, offset=offset)
        ]

    def timeline(self, topic: str, limit: int) -> list[Hit]:
        from sayso.store import query

        return [_hit(row, row["source"]) for row in query.timeline(self.store, topic)[:limit]]

    def ingest(self, analysis: Analysis) -> int:
        """Store ``analysis``; an article already stored keeps its id."""
        from sayso.store import query
        from sayso.store.writer import content_hash

        stored = self.writer.save(analysis, raw=analysis.text, source_name=analysis.url or "web upload")
        if stored is not None:
            return stored
        digest = content_hash(analysis.text)
        return query.document_ids(self.store, [digest])[digest]


def _document_info(row: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(int(row["id"]), row.get("title"), row.get("url"), row.get("published"))


def _hit(row: dict[str, Any], speaker: str | None) -> Hit:
    """A store search/timeline row as a Hit; the anchor is the record's position in its Analysis."""
    kind = row["kind"]
    prefix = "at" if kind == "attribution" else "as"
    return Hit(
        kind=kind, doc_id=int(row["document_id"]), doc_title=row.get("title"), published=row.get("published"),
        ref=f"{prefix}-{row['seq']}", text=row.get("text") or row.get("topic") or "", speaker=speaker,
        voice=row.get("voice"), cue=row.get("cue"), band=row.get("band"), low=row.get("low"),
        high=row.get("high"), median=row.get("median"), phrase=row.get("phrase"), category=row.get("category"),
        reading=row.get("reading") or row.get("band"), cue_class=row.get("cue_class"),
    )


def _spans(value: Any) -> list[Any]:
    """Every record with start/end/text inside ``value`` (an Analysis or part of one)."""
    found = []
    if is_dataclass(value):
        names = {f.name for f in fields(value)}
        if {"start", "end", "text"} <= names:
            found.append(value)
        for name in names - {"text"}:
            found.extend(_spans(getattr(value, name)))
    elif isinstance(value, tuple):
        for item in value:
            found.extend(_spans(item))
    return found


def analysis_from_json(data: bytes | str) -> Analysis:
    """An uploaded ``sayso analyze --format json`` result, checked before it is shown.

    Its spans must slice its own text exactly, so a hand-edited file cannot make the reader
    show one thing while claiming another.
    """
    try:
        plain = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"the uploaded file is not valid JSON: {error}") from None
    if not isinstance(plain, dict) or plain.get("schema") != SCHEMA:
        raise InputError(f"the uploaded JSON is not a sayso analysis (expected schema {SCHEMA!r})")
    try:
        analysis = from_dict(plain)
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"the uploaded sayso analysis is incomplete or malformed: {error!r}") from None
    for span in _spans(analysis):
        if not isinstance(span.start, int) or analysis.text[span.start : span.end] != span.text:
            raise InputError(
                f"the uploaded analysis has a span {span.start}-{span.end} whose text {span.text!r} "
                "does not match the article text"
            )
    return analysis
