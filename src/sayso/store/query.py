"""Queries over the corpus: who said what, who is quoted, and how an assessment moved over time.

Every value a user types reaches the database as a bound parameter; full-text input is reduced
to quoted words before it meets FTS5's query syntax (PostgreSQL's ``plainto_tsquery`` has none).
Results are plain dicts. By default a quote or assessment carried by many outlets is one row (its
independent origin) with a ``carriers`` count; ``carriers=True`` lists the carrying documents.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    Table,
    column,
    func,
    or_,
    select,
    text,
    true,
)

from sayso.errors import InputError
from sayso.identity.authors import AUTHOR_VOICE, document_voice
from sayso.model import UNBANDED_READINGS
from sayso.reading import clean_chars
from sayso.store import identities, schema
from sayso.store.database import Store
from sayso.store.dedup import same_question
from sayso.store.writer import speaker_key

VOICES = ("quoted", "author")
SPEECH = "speech"  # the cue class search shows by default
PLOT_TOP_SOURCES = 8  # sources drawn in colour; the rest are one grey group
PLOT_MAX_LABELS = 40  # points are labelled with phrase and band up to this many
_WORD = re.compile(r"\w+")

Row = dict[str, Any]


def fts_query(query: str) -> str:
    """User text as an FTS5 query that can only mean "all these words": each word double-quoted."""
    words = _WORD.findall(query)
    if not words:
        raise InputError(f"search text {query!r} has no words to search for")
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _typed(value: str | None) -> str | None:
    """User text as stored text is: NFC, without NUL, control or unpaired surrogate characters
    (no database takes those as text, and reading removed them from every stored document)."""
    return None if value is None else clean_chars(value)


def _iso(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise InputError(f"--{name} {value!r} is not a date like 2022-10-01") from error


def _matches(conn: Connection, table: Table, kind: str, query: str | None) -> ColumnElement[bool]:
    """Full-text condition on ``table`` (attributions or assessments) for ``query``; None matches all."""
    if query is None or not query.strip():
        return true()
    if conn.dialect.name == "sqlite":
        ids = text("SELECT ref_id FROM search_index WHERE search_index MATCH :fts AND kind = :kind")
        ids = ids.bindparams(fts=fts_query(query), kind=kind).columns(column("ref_id", Integer))
        return table.c.id.in_(ids)
    words = " ".join(_WORD.findall(query))
    if not words:
        raise InputError(f"search text {query!r} has no words to search for")
    return text(f"{table.name}.tsv @@ plainto_tsquery('english', :q_{kind})").bindparams(**{f"q_{kind}": words})


def _dated(statement: Select, since: str | None, until: str | None) -> Select:
    d = schema.documents
    if since:
        statement = statement.where(d.c.published >= since)
    if until:
        statement = statement.where(d.c.published <= until + "\uffff")  # the whole day, any time suffix
    return statement


def _document_columns() -> list[Any]:
    d = schema.documents
    return [d.c.id.label("document_id"), d.c.title, d.c.url, d.c.published]


def _group_by_origin(rows: list[Row], carriers: bool) -> list[Row]:
    """One row per independent origin (the earliest stored carrier), with the carriers counted."""
    groups: dict[tuple[str, int], list[Row]] = defaultdict(list)
    for row in rows:
        groups[(row["kind"], row.pop("origin_id") or row["id"])].append(row)
    out = []
    for (_, origin), members in groups.items():
        first = min(members, key=lambda r: r["id"])
        documents = sorted({r["document_id"] for r in members})
        entry = {**first, "origin": origin, "carriers": len(documents)}
        if carriers:
            entry["carried_by"] = [
                {"document_id": r["document_id"], "title": r["title"], "url": r["url"], "published": r["published"]}
                for r in sorted(members, key=lambda r: (r["published"] or "", r["id"]))
            ]
        out.append(entry)
    return out


def _by_date(rows: Iterable[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (r["published"] is None, r["published"] or "", r["kind"], r["id"]))


def _identity_keys(conn: Connection, speaker: str, exact: bool = False) -> list[tuple[str, str]]:
    """``(speaker key, identity name)`` of every row of the identities a name (fragment) finds."""
    sp = schema.speakers
    ids = identities.matching(conn, speaker, exact=exact)
    return [(key, name) for key, name in conn.execute(select(sp.c.key, sp.c.canonical).where(sp.c.id.in_(ids)))]


def search(
    store: Store,
    query: str | None,
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    voice: str | None = None,
    band: str | None = None,
    carriers: bool = False,
    limit: int | None = 200,
    speaker_exact: bool = False,
    all_cues: bool = False,
) -> list[Row]:
    """Attributions and assessments matching ``query`` (all words), with document, date, speaker and probability.

    ``speaker`` finds every name of the identities it names (``speaker_exact``: the identity so named).
    Attributions are speech only ("said", "told") unless ``all_cues``: "X expects …" is a belief,
    "the poll shows …" evidence and "witnesses saw …" a perception, not quotes; with ``all_cues``
    each row's ``cue_class`` labels them.
    """
    query, speaker, band = _typed(query), _typed(speaker), _typed(band)
    since, until = _iso(since, "since"), _iso(until, "until")
    if voice is not None and voice not in VOICES:
        raise InputError(f"--voice {voice!r} is not one of {', '.join(VOICES)}")
    a, s, d = schema.attributions, schema.assessments, schema.documents
    rows: list[Row] = []
    with store.read() as conn:
        if voice in (None, "quoted") and band is None:
            statement = (
                select(
                    a.c.id, a.c.seq, a.c.origin_id, *_document_columns(), a.c.speaker_name.label("speaker"),
                    a.c.content.label("text"), a.c.cue, a.c.kind.label("quote_kind"), a.c.cue_class,
                )
                .join(d, d.c.id == a.c.document_id)
                .where(_matches(conn, a, "attribution", query))
            )
            if not all_cues:  # a row stored before cue classes were kept (null) was shown as a quote
                statement = statement.where(or_(a.c.cue_class.is_(None), a.c.cue_class == SPEECH))
            if speaker:
                ids = identities.matching(conn, speaker, exact=speaker_exact)
                statement = statement.where(a.c.speaker_id.in_(ids)) if speaker_exact else statement.where(or_(
                    a.c.speaker_id.in_(ids), func.lower(a.c.speaker_name).contains(speaker.lower(), autoescape=True),
                ))
            table = identities.identities(conn)
            for r in conn.execute(_dated(statement.add_columns(a.c.speaker_id), since, until)):
                row = {"kind": "attribution", "voice": "quoted", **r._asdict()}
                speaker_id = row.pop("speaker_id")
                row["speaker"] = table[speaker_id][1] if speaker_id in table else row["speaker"]
                rows.append(row)
        statement = (
            select(
                s.c.id, s.c.seq, s.c.origin_id, *_document_columns(), s.c.assessor.label("speaker"), s.c.sentence.label("text"),
                s.c.phrase, s.c.band, s.c.low, s.c.median, s.c.high, s.c.voice, s.c.negated, s.c.category,
            )
            .join(d, d.c.id == s.c.document_id)
            .where(_matches(conn, s, "assessment", query))
        )
        if speaker:
            keys = [k for k, _ in _identity_keys(conn, speaker, speaker_exact)]
            named = func.lower(s.c.assessor).in_(keys)
            statement = statement.where(named if speaker_exact else or_(
                func.lower(s.c.assessor).contains(speaker.lower(), autoescape=True), named
            ))
        if voice:
            statement = statement.where(s.c.voice == voice)
        if band:
            statement = statement.where(func.lower(s.c.band) == band.lower())
        names, outlets = identities.names_by_key(conn), identities.outlets(conn)
        statement = statement.add_columns(d.c.author, d.c.publisher, d.c.source_name)
        for r in conn.execute(_dated(statement, since, until)):
            row = {"kind": "assessment", **r._asdict()}
            row["reading"] = reading(row["band"], row["category"])
            row["assessor"] = row["speaker"]
            row["speaker"] = assessment_source(row, names, outlets) if row["speaker"] else None  # identity; own voice: author
            del row["assessor"]
            rows.append(row)
    return _by_date(_group_by_origin(rows, carriers))[:limit]


def documents(
    store: Store, *, ids: Iterable[int] | None = None, limit: int = 50, offset: int = 0, analysis: bool = False
) -> list[Row]:
    """Stored documents, newest first (or those with ``ids``); ``analysis=True`` adds the sayso/1 JSON."""
    d = schema.documents
    columns = [d.c.id, d.c.title, d.c.url, d.c.published, d.c.content_hash] + ([d.c.analysis] if analysis else [])
    statement = select(*columns).order_by(d.c.published.desc(), d.c.id.desc()).limit(limit).offset(offset)
    if ids is not None:
        statement = statement.where(d.c.id.in_(list(ids)))
    with store.read() as conn:
        return [r._asdict() for r in conn.execute(statement)]


def count_documents(store: Store) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()


def document_ids(store: Store, hashes: Iterable[str]) -> dict[str, int]:
    """The ids of stored documents by content hash (absent hashes are left out)."""
    d = schema.documents
    with store.read() as conn:
        return dict(conn.execute(select(d.c.content_hash, d.c.id).where(d.c.content_hash.in_(list(hashes)))).all())


def speakers(
    store: Store, *, org: str | None = None, limit: int | None = None, offset: int = 0, all_cues: bool = False
) -> list[Row]:
    """Who is quoted how often (independent origins first), one row per identity (``identities``):
    its name, the other names it goes by, its cues and documents, and its speaker rows.

    Quotes are speech, as in ``search``: "X expects …" or "you think …" is a belief, not a quote, so
    only ``all_cues`` counts beliefs, evidence and perceptions too, and then ``cue_classes`` gives
    each identity's count per class."""
    org = _typed(org)
    sp, a, d = schema.speakers, schema.attributions, schema.documents
    root = func.coalesce(sp.c.canonical_id, sp.c.id)
    cue_class = func.coalesce(a.c.cue_class, SPEECH)  # a row stored before classes were kept was a quote
    counted = true() if all_cues else cue_class == SPEECH
    statement = (
        select(
            root.label("id"),
            func.count(func.distinct(func.coalesce(a.c.origin_id, a.c.id))).label("origins"),
            func.count(a.c.id).label("quotes"),
            func.count(func.distinct(a.c.document_id)).label("documents"),
        )
        .join(a, a.c.speaker_id == sp.c.id)
        .where(counted)
        .group_by(root)
    )
    with store.read() as conn:
        table = identities.identities(conn)
        rows = [r._asdict() for r in conn.execute(statement)]
        members: dict[int, list[Any]] = defaultdict(list)
        for member in conn.execute(
            select(sp.c.id, sp.c.canonical, sp.c.type, sp.c.org, sp.c.role, sp.c.aliases, func.count(a.c.id).label("quotes"))
            .join(a, a.c.speaker_id == sp.c.id)
            .where(counted)
            .group_by(sp.c.id, sp.c.canonical, sp.c.type, sp.c.org, sp.c.role, sp.c.aliases)
        ):
            members[table[member.id][0]].append(member)
        cues: dict[int, Counter[str]] = defaultdict(Counter)
        titles: dict[int, set[str]] = defaultdict(set)
        classes: dict[int, Counter[str]] = defaultdict(Counter)
        for speaker_id, word, count in conn.execute(
            select(a.c.speaker_id, func.lower(a.c.cue), func.count()).where(a.c.speaker_id.is_not(None), a.c.cue.is_not(None), counted)
            .group_by(a.c.speaker_id, func.lower(a.c.cue))
        ):
            cues[table[speaker_id][0]][word] += count
        for speaker_id, title, url in conn.execute(
            select(a.c.speaker_id, d.c.title, d.c.url).distinct().join(d, d.c.id == a.c.document_id)
            .where(a.c.speaker_id.is_not(None), counted)
        ):
            titles[table[speaker_id][0]].add(title or url or "(untitled)")
        if all_cues:
            for speaker_id, name, count in conn.execute(
                select(a.c.speaker_id, cue_class, func.count()).where(a.c.speaker_id.is_not(None))
                .group_by(a.c.speaker_id, cue_class)
            ):
                classes[table[speaker_id][0]][name] += count
    out = []
    for row in rows:
        group = sorted(members[row["id"]], key=lambda m: (-m.quotes, m.id))
        name = table[row["id"]][1]
        row["speaker"] = name
        own = {re.sub(r"\W+", " ", m.canonical).strip().casefold() for m in group} | {
            w.casefold() for w in name.split()}
        row["org"] = next((m.org for m in group if m.org and m.type != "ORG"
                           and re.sub(r"\W+", " ", m.org).strip().casefold() not in own), None)  # not its own name
        row["role"] = next((m.role for m in group if m.role), None)
        seen = {m.canonical for m in group} | {alias for m in group for alias in json.loads(m.aliases)}
        row["aliases"] = sorted(seen - {name})
        row["members"] = [m.id for m in sorted(group, key=lambda m: m.id)]
        row["cues"] = [w for w, _ in sorted(cues[row["id"]].items(), key=lambda wc: (-wc[1], wc[0]))]
        row["in"] = sorted(titles[row["id"]])
        if all_cues:
            row["cue_classes"] = dict(sorted(classes[row["id"]].items(), key=lambda kc: (kc[0] != SPEECH, -kc[1], kc[0])))
        if org and not any(m.org and org.lower() in m.org.lower() for m in group):
            continue
        out.append(row)
    out.sort(key=lambda r: (-r["origins"], -r["quotes"], r["speaker"]))
    return out[offset : offset + limit] if limit else out[offset:]


def assessment_source(row: Row, names: dict[str, str], outlets: dict[str, str] | None = None) -> str:
    """An assessment's source as an identity: the speaker's identity name, or for the article's own
    voice its author and outlet (``identity.authors``; ``outlets``: the corpus's one name for each,
    ``identities.outlets``), never one corpus-wide "author"."""
    meta = {key: row.pop(key, None) for key in ("author", "publisher", "source_name")}
    if row["assessor"] == AUTHOR_VOICE:
        return document_voice(title=row["title"], url=row["url"], document_id=row["document_id"], outlets=outlets, **meta)
    if row["assessor"]:
        return names.get(speaker_key(row["assessor"]), row["assessor"])
    return f"(unattributed) {row['title'] or row['url'] or row['document_id']}"


def reading(band: str | None, category: str | None) -> str:
    """What a stored assessment is shown as: its band, or what the phrase is when its scale gives
    it no number ("possible (modal, no band)")."""
    if band is not None:
        return band
    return UNBANDED_READINGS.get(category or "", f"{category or 'unknown'} (no band)")


def timeline(store: Store, topic: str, *, assessor: str | None = None, carriers: bool = False) -> list[Row]:
    """Assessments with a probability matching ``topic``, per source and by date, each marked ``first``
    or ``change`` (a later assessment by the same source on the same question supersedes the earlier one)."""
    topic, assessor = _typed(topic), _typed(assessor)
    s, d = schema.assessments, schema.documents
    with store.read() as conn:
        statement = (
            select(
                s.c.id, s.c.seq, s.c.origin_id, *_document_columns(), s.c.assessor, s.c.phrase, s.c.band, s.c.low, s.c.median,
                s.c.high, s.c.topic, s.c.negated, d.c.author, d.c.publisher, d.c.source_name,
            )
            .join(d, d.c.id == s.c.document_id)
            .where(_matches(conn, s, "assessment", topic), s.c.median.is_not(None))  # search lists the unbanded
        )
        rows = [{"kind": "assessment", **r._asdict()} for r in conn.execute(statement)]
        names, outlets = identities.names_by_key(conn), identities.outlets(conn)
    rows = _by_date(_group_by_origin(rows, carriers))
    latest: dict[str, list[Row]] = defaultdict(list)  # per source, its earlier assessments
    for row in rows:
        row["source"] = assessment_source(row, names, outlets)
        earlier = next((e for e in reversed(latest[row["source"]]) if same_question(e["topic"], row["topic"])), None)
        row["supersedes"] = None if earlier is None else earlier["id"]
        row["status"] = "first" if earlier is None else "change"
        row["change"] = None if earlier is None else round(row["median"] - earlier["median"], 4)
        if earlier is not None:
            earlier["superseded_by"] = row["id"]
        row.setdefault("superseded_by", None)
        latest[row["source"]].append(row)
    if assessor:  # by identity, so "Trump" finds "Donald J. Trump" and an outlet finds its own voice
        rows = [r for r in rows if assessor.lower() in r["source"].lower()
                or assessor.lower() in (r["assessor"] or "").lower()]
    return rows


def plot_timeline(rows: list[Row], out: str, *, title: str | None = None) -> int:
    """Draw the probability range against date, one colour per source; returns the points drawn.

    Superseded assessments are hollow and joined to the assessment that replaced them.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    dated = [r for r in rows if r["published"]]
    if not dated:
        raise InputError("no dated assessments to plot (documents without a published date cannot be placed)")
    figure, axes = plt.subplots(figsize=(11, 5))
    colours = plt.get_cmap("tab10")
    counts = defaultdict(int)
    for r in dated:
        counts[r["source"]] += 1
    top = sorted(counts, key=lambda name: (-counts[name], name))[:PLOT_TOP_SOURCES]
    if len(counts) > len(top):  # the rest in one grey "others" group, so 30 sources stay readable
        others = f"{len(counts) - len(top)} other sources"
        dated = [r if r["source"] in top else {**r, "source": others, "supersedes": None, "superseded_by": None}
                 for r in dated]
    labelled = sum(counts[name] for name in top) <= PLOT_MAX_LABELS
    sources = sorted({r["source"] for r in dated}, key=lambda name: (name not in top, -counts.get(name, 0), name))
    by_id = {r["id"]: r for r in dated}
    days = [datetime.fromisoformat(r["published"][:10]) for r in dated]
    # Sources side by side on a shared date, and a readable window when every point is one day.
    span = max(max(days) - min(days), timedelta(days=14))
    nudge = span * 0.02
    pad = max(span * 0.08, timedelta(days=5))

    def placed(r: Row, i: int) -> datetime:
        return datetime.fromisoformat(r["published"][:10]) + nudge * (i - (len(sources) - 1) / 2)

    axes.set_xlim(min(days) - pad, max(days) + pad)
    locator = mdates.AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    for i, source in enumerate(sources):
        colour = colours(i % 10) if source in top else "#9aa3ad"
        mine = [r for r in dated if r["source"] == source]
        when = [placed(r, i) for r in mine]
        axes.vlines(when, [r["low"] for r in mine], [r["high"] for r in mine], colors=[colour], linewidth=3, alpha=0.6)
        for r, x in zip(mine, when):
            hollow = r.get("superseded_by") is not None
            axes.plot(x, r["median"], "o", color=colour, markerfacecolor="white" if hollow else colour)
            if labelled and source in top:
                label = r["phrase"] if r["phrase"].lower() == r["band"].lower() else f"{r['phrase']} ({r['band']})"
                axes.annotate(label, (x, r["median"]), xytext=(5, 5), textcoords="offset points", fontsize=7)
            previous = by_id.get(r["supersedes"]) if r["supersedes"] else None
            if previous is not None:
                axes.plot([placed(previous, i), x], [previous["median"], r["median"]],
                          "--", color=colour, linewidth=1)
        axes.plot([], [], "o", color=colour, label=source[:40])
    axes.set_ylim(0, 1)
    axes.set_ylabel("probability")
    axes.set_xlabel("published")
    axes.set_title(title or "assessments over time")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)  # outside the data
    figure.tight_layout()
    figure.savefig(out, dpi=120)
    plt.close(figure)
    return len(dated)
