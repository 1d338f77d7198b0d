"""Canonical speakers across a corpus: speaker rows joined into identities as documents arrive.

Every speaker row points at its identity's root (``speakers.canonical_id``, NULL for a root).
A new row joins an identity when their names are one person or organisation by
``sayso.identity.names``:

- people: the same surname and the same (or a short) first name; a surname alone ("Trump",
  "Mr. Trump", "President Trump") joins the one full name with that surname, or, when several
  people share it (Donald and Ivanka Trump), the one quoted at least ``DOMINANCE`` times as often
  as the others together, never one whose gender an honorific or the pronouns credited to it
  contradict; and only when that full name is well known in the corpus (quoted in
  ``WELL_KNOWN`` documents), written out in one of the surname's own documents, holding the
  same title there, or quoted beside a voice only their documents quote (one story's). Two full names
  with different first names never join: that is how two people who share a surname stay apart.
  A surname-only identity is taken in by the first full name with that surname when no other
  full name has it, on the same evidence.
- organisations: the same normalised name after the alias table ("EU", "European Union"; "The
  Washington Post", "Washington Post", "washingtonpost.com"), an acronym that is the other
  name's initials ("ISW", "Institute for the Study of War"), or one a document defines for a
  name it credits ("… Hygiene (NITMED)").

Every change — automatic or a user's ``merge``/``split`` — is one ``speaker_merges`` row that
lists the pointers it moved, so ``undo`` restores them exactly. A user's split is remembered: the
rows it parted never join again automatically. All of it runs inside the writer's transaction, so
identities are as crash-safe as the rows they group, and the same documents in the same order
give the same identities.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, or_, select, update

from sayso.errors import InputError
from sayso.identity import authors
from sayso.identity.names import PersonName, initials, is_acronym, org_key, person_name, same_first, site_name
from sayso.store import schema

DOMINANCE = 3
WELL_KNOWN = 3
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


@dataclass(slots=True)
class Member:
    id: int
    name: str
    type: str | None
    root: int
    aliases: list[str]

    @property
    def person(self) -> PersonName | None:
        return person_name(self.name) if self.type == "PERSON" else None


def keys(name: str, type_: str | None) -> tuple[str | None, str | None]:
    """``(match_key, initials)`` stored on a speaker row for finding its candidates by index."""
    if type_ == "PERSON":
        parsed = person_name(name)
        return (parsed.surname if parsed else None), None
    if type_ == "ORG":
        key = org_key(name)
        return key, initials(key)
    return None, None


def _members(conn: Connection, where) -> list[Member]:
    t = schema.speakers
    rows = conn.execute(
        select(t.c.id, t.c.canonical, t.c.type, t.c.canonical_id, t.c.aliases).where(where).order_by(t.c.id)
    )
    return [Member(r.id, r.canonical, r.type, r.canonical_id or r.id, json.loads(r.aliases)) for r in rows]


def _group(conn: Connection, root: int) -> list[Member]:
    t = schema.speakers
    return _members(conn, or_(t.c.id == root, t.c.canonical_id == root))


def _quotes(conn: Connection, ids: list[int]) -> int:
    a = schema.attributions
    return conn.execute(select(func.count()).where(a.c.speaker_id.in_(ids))).scalar_one()


def _gender(group: list[Member]) -> str | None:
    votes = Counter()
    for m in group:
        parsed = m.person
        if parsed and parsed.gender:
            votes[parsed.gender] += 3
        votes.update(PRONOUN_GENDER[a.lower()] for a in m.aliases if a.lower() in PRONOUN_GENDER)
    if not votes:
        return None
    (top, n), *rest = votes.most_common()
    return top if not rest or n >= 2 * rest[0][1] else None


def _blocked(conn: Connection, speaker: int, group: list[Member]) -> bool:
    """A user split this row from one of the group's rows (or the reverse), and it was not undone."""
    log = schema.speaker_merges
    ids = [m.id for m in group]
    found = conn.execute(
        select(log.c.id).where(
            log.c.action == "split", log.c.undone_at.is_(None),
            or_(
                (log.c.speaker_id == speaker) & log.c.into_id.in_(ids),
                log.c.speaker_id.in_(ids) & (log.c.into_id == speaker),
            ),
        )
    ).first()
    return found is not None


def _record(conn: Connection, action: str, speaker: int, into: int | None, by: str, reason: str,
            moves: list[tuple[int, int | None, int | None]]) -> int:
    t = schema.speakers
    for speaker_id, _, new in moves:
        conn.execute(update(t).where(t.c.id == speaker_id).values(canonical_id=new))
    return conn.execute(
        insert(schema.speaker_merges).returning(schema.speaker_merges.c.id),
        {"action": action, "speaker_id": speaker, "into_id": into, "by": by, "reason": reason,
         "moves": json.dumps(moves), "at": datetime.now(UTC).isoformat()},
    ).scalar_one()


def _join(conn: Connection, root: int, into: int, by: str, reason: str) -> None:
    """Every row of identity ``root`` now points at ``into``'s root."""
    if root == into:
        return
    moves = [(m.id, None if m.id == root else root, into) for m in _group(conn, root)]
    _record(conn, "merge", root, into, by, reason, moves)


def _person_candidates(conn: Connection, me: Member, parsed: PersonName) -> list[tuple[int, list[Member]]]:
    t = schema.speakers
    rows = _members(conn, (t.c.match_key == parsed.surname) & (t.c.type == "PERSON") & (t.c.id != me.id))
    rows = [m for m in rows if m.person is not None]
    roots = sorted({m.root for m in rows} - {me.root})
    return [(root, _group(conn, root)) for root in roots]


def _documents(conn: Connection, ids: list[int]) -> list[int]:
    a = schema.attributions
    return [d for (d,) in conn.execute(select(a.c.document_id).distinct().where(a.c.speaker_id.in_(ids)))]


def _roles(conn: Connection, group: list[Member]) -> set[str]:
    t = schema.speakers
    found = conn.execute(select(t.c.role).where(t.c.id.in_([m.id for m in group]), t.c.role.is_not(None))).scalars()
    return {" ".join(role.casefold().split()) for role in found if role.strip()}


def _evidence(conn: Connection, bare: list[Member], full: list[Member]) -> bool:
    """A surname alone may join a full name that the corpus knows well (quoted in ``WELL_KNOWN``
    documents or more), that is written out in one of the surname's own documents, that holds
    the same title ("Defense Secretary Austin", "Defense Secretary Lloyd Austin"), or that is
    quoted beside the same story's voice (``_same_story``); so a lone "Scott" does not join the
    one "Dred Scott" quoted elsewhere."""
    full_documents = _documents(conn, [m.id for m in full])
    if len(full_documents) >= WELL_KNOWN or _roles(conn, bare) & _roles(conn, full):
        return True
    names = [m.name for m in full if m.person and m.person.full]
    d = schema.documents
    bare_documents = _documents(conn, [m.id for m in bare])
    texts = conn.execute(select(d.c.text).where(d.c.id.in_(bare_documents))).scalars()
    return any(name in text for text in texts for name in names) \
        or _same_story(conn, bare_documents, full_documents, [m.id for m in (*bare, *full)])


def _same_story(conn: Connection, one: list[int], other: list[int], themselves: list[int]) -> bool:
    """The two sets of documents quote one other identity that no other document quotes: one
    story's voice ("Rafael Grossi" and "the IAEA" in one article, "Grossi" and "the IAEA" in the
    next); an identity quoted across the corpus ("Trump") says nothing of the story."""
    a, t = schema.attributions, schema.speakers
    root = func.coalesce(t.c.canonical_id, t.c.id)

    def voices(documents: list[int]) -> set[int]:
        return set(conn.execute(select(root).distinct().join(t, t.c.id == a.c.speaker_id).where(
            a.c.document_id.in_(documents), a.c.speaker_id.not_in(themselves))).scalars())

    story = set(one) | set(other)
    return any(set(_documents(conn, [m.id for m in _group(conn, shared)])) <= story
               for shared in sorted(voices(one) & voices(other)))


def _compatible(parsed: PersonName, gender: str | None, group: list[Member]) -> bool:
    """No full name in the group with another first name, and no gender against ours."""
    names = [m.person for m in group if m.person]
    if any(n.surname != parsed.surname for n in names):
        return False
    if parsed.first and any(n.first and not same_first(n.first, parsed.first) for n in names):
        return False
    other = _gender(group)
    return gender is None or other is None or gender == other


def _assign_person(conn: Connection, me: Member, parsed: PersonName) -> None:
    gender = parsed.gender or _gender([me])
    candidates = [(root, group) for root, group in _person_candidates(conn, me, parsed)
                  if _compatible(parsed, gender, group) and not _blocked(conn, me.id, group)]
    if parsed.full:
        named = [(root, g) for root, g in candidates if any(m.person and m.person.full for m in g)]
        if named:
            root = named[0][0]  # compatible full names share the first name: at most one in practice
            _join(conn, me.root, root, "auto", f"same person: {me.name} / {named[0][1][0].name}")
        return
    full = [(root, g) for root, g in candidates if any(m.person and m.person.full for m in g)]
    bare = [(root, g) for root, g in candidates if (root, g) not in full]
    all_full = [r for r, g in _person_candidates(conn, me, parsed) if any(m.person and m.person.full for m in g)]
    choice = None
    if len(full) == 1 and len(all_full) == 1:
        choice = full[0]
    elif full:
        counts = sorted(((_quotes(conn, [m.id for m in g]), root, g) for root, g in full), reverse=True)
        if len(counts) == 1 or counts[0][0] >= DOMINANCE * sum(c for c, _, _ in counts[1:]):
            choice = (counts[0][1], counts[0][2])
    elif bare:
        choice = bare[0]
    if choice is not None and (choice in bare or _evidence(conn, _group(conn, me.root), choice[1])):
        _join(conn, me.root, choice[0], "auto", f"surname {parsed.surname}: {me.name} / {choice[1][0].name}")


def _adopt(conn: Connection, me: Member, parsed: PersonName) -> None:
    """Surname-only identities join this full name when the evidence holds for it and for no other
    full name with the surname (re-checked each time the full name is quoted, as it becomes well known)."""
    full = _group(conn, me.root)
    candidates = _person_candidates(conn, me, parsed)
    rivals = [g for _, g in candidates if any(m.person and m.person.full for m in g)]
    for root, group in candidates:
        if any(m.person and m.person.full for m in group) or _blocked(conn, me.id, group):
            continue
        if not _compatible(parsed, parsed.gender or _gender(full), group) or not _evidence(conn, group, full):
            continue
        claims = [rival for rival in rivals if _evidence(conn, group, rival)]
        if claims and _quotes(conn, [m.id for m in full]) < DOMINANCE * sum(
                _quotes(conn, [m.id for m in rival]) for rival in claims):
            continue  # another full name with this surname has as good a claim: leave it alone
        _join(conn, root, me.root, "auto", f"surname of {me.name}: {group[0].name}")


def _assign_org(conn: Connection, me: Member, key: str) -> None:
    t = schema.speakers
    acronym = is_acronym(me.name)
    clauses = [t.c.match_key == key]
    if " " in key:  # "Washington Post" meets "washingtonpost.com"'s key
        clauses.append(t.c.match_key == key.replace(" ", ""))
    elif site_name(me.name) is not None:  # and the host meets the spelled-out name
        clauses.append(func.replace(t.c.match_key, " ", "") == key)
    if acronym:
        clauses.append(t.c.initials == key.replace(" ", ""))
    own = initials(key)
    if own:
        clauses.append(t.c.match_key == own)
    rows = _members(conn, or_(*clauses) & (t.c.type == "ORG") & (t.c.id != me.id))
    roots = sorted({m.root for m in rows} - {me.root})
    groups = [(root, _group(conn, root)) for root in roots]
    groups = [(root, g) for root, g in groups if not _blocked(conn, me.id, g)]
    if not groups:
        return
    counts = sorted(((_quotes(conn, [m.id for m in g]), -root, root, g) for root, g in groups), reverse=True)
    _, _, root, group = counts[0]
    _join(conn, me.root, root, "auto", f"same organisation: {me.name} / {group[0].name}")


def assign(conn: Connection, speaker_id: int) -> None:
    """Join a speaker row to the identity its name belongs to, if any (inside the caller's transaction)."""
    found = _members(conn, schema.speakers.c.id == speaker_id)
    if not found:
        return
    me = found[0]
    if me.type == "PERSON":
        parsed = person_name(me.name)
        if parsed is not None:
            _assign_person(conn, me, parsed)
    elif me.type == "ORG":
        key, _ = keys(me.name, me.type)
        surname = _bare_surname(conn, me)
        if surname:
            _assign_person(conn, me, PersonName(None, surname, None))
        elif key:
            _assign_org(conn, me, key)


def settle(conn: Connection, document_id: int) -> None:
    """After a document's rows are written: its new speaker rows join their identities, then the
    full names it quotes take in the surname-only identities the evidence now allows."""
    t, a = schema.speakers, schema.attributions
    credited = [i for (i,) in conn.execute(
        select(a.c.speaker_id).distinct().where(a.c.document_id == document_id, a.c.speaker_id.is_not(None))
        .order_by(a.c.speaker_id))]
    first_seen = dict(conn.execute(
        select(a.c.speaker_id, func.min(a.c.document_id)).where(a.c.speaker_id.in_(credited)).group_by(a.c.speaker_id)
    ).all())
    fresh = _members(conn, t.c.id.in_([i for i in credited if first_seen.get(i) == document_id]))
    # surnames alone last (a one-word body may be one: "Trump" tagged ORG): their evidence reads
    # the identities of the names quoted beside them
    for me in sorted(fresh, key=lambda m: (len(m.name.split()) == 1 and not is_acronym(m.name), m.id)):
        assign(conn, me.id)
    for me in _members(conn, t.c.id.in_(credited) & (t.c.type == "PERSON")):
        parsed = me.person
        if parsed is not None and parsed.full:
            _adopt(conn, me, parsed)
    _defined_acronyms(conn, document_id, credited)


def _defined_acronyms(conn: Connection, document_id: int, credited: list[int]) -> None:
    """An acronym the document defines for a name it credits too ("The Northern Institute for
    Tropical Medicine and Hygiene (NITMED) said …. NITMED said …") is that organisation, though
    it is not the name's initials; documents that write only "NITMED" then join it as well."""
    t, d = schema.speakers, schema.documents
    bodies = _members(conn, t.c.id.in_(credited) & (t.c.type == "ORG"))
    text = conn.execute(select(d.c.text).where(d.c.id == document_id)).scalar_one()
    for short in (m for m in bodies if is_acronym(m.name)):
        for full in (m for m in bodies if len(m.name.split()) > 1):
            defined = re.search(rf"{re.escape(full.name)}\s*\(\s*{re.escape(short.name)}\s*\)", text)
            root, into = root_of(conn, short.id), root_of(conn, full.id)
            if defined and root != into and not _blocked(conn, short.id, _group(conn, into)):
                _join(conn, root, into, "auto", f"acronym defined in document {document_id}: {full.name} ({short.name})")


def _bare_surname(conn: Connection, me: Member) -> str | None:
    """One capitalised word the tagger took for an organisation that is a person's surname in
    this corpus ("Trump said", "Ocasio-Cortez said"): it is matched as that surname, keyed as a
    person's ("ocasio-cortez", "o'brien"), under the same rules; None when it is no surname."""
    words = me.name.split()
    parsed = person_name(me.name)
    if len(words) != 1 or is_acronym(me.name) or not me.name[:1].isupper() or parsed is None:
        return None
    t = schema.speakers
    found = conn.execute(select(t.c.id).where(t.c.type == "PERSON", t.c.match_key == parsed.surname).limit(1)).first()
    return parsed.surname if found is not None else None


def rebuild(conn: Connection) -> None:
    """Recompute automatic identities from scratch, document by document in storage order (as a
    fresh ingest would), keeping every user decision."""
    t, log, a = schema.speakers, schema.speaker_merges, schema.attributions
    conn.execute(update(t).values(canonical_id=None, match_key=None, initials=None))
    conn.execute(log.delete().where(log.c.by == "auto"))
    first_seen = conn.execute(
        select(a.c.speaker_id, func.min(a.c.document_id).label("document_id")).where(a.c.speaker_id.is_not(None))
        .group_by(a.c.speaker_id)
    ).all()
    by_document: dict[int, list[int]] = {}
    for speaker_id, document_id in first_seen:
        by_document.setdefault(document_id, []).append(speaker_id)
    for document_id in sorted(by_document):
        # keys are set document by document, so each row meets only the rows stored before it, as on ingest
        for row in conn.execute(select(t.c.id, t.c.canonical, t.c.type).where(t.c.id.in_(by_document[document_id]))):
            match_key, short = keys(row.canonical, row.type)
            conn.execute(update(t).where(t.c.id == row.id).values(match_key=match_key, initials=short))
        settle(conn, document_id)
    for entry in conn.execute(select(log).where(log.c.by == "user", log.c.undone_at.is_(None)).order_by(log.c.id)).all():
        # a user's decision is replayed on the new pointers, and its entry records what moved now
        root = root_of(conn, entry.speaker_id)
        if entry.action == "merge":
            into = root_of(conn, entry.into_id)
            moves = [] if root == into else [(m.id, None if m.id == root else root, into) for m in _group(conn, root)]
        else:
            moves = _split_moves(conn, entry.speaker_id) if len(_group(conn, root)) > 1 else []
        for speaker_id, _, new in moves:
            conn.execute(update(t).where(t.c.id == speaker_id).values(canonical_id=new))
        conn.execute(update(log).where(log.c.id == entry.id).values(moves=json.dumps(moves)))


def display_name(members: list[tuple[str, str | None, int]]) -> str:
    """An identity's name: of its rows' ``(name, type, quotes)``, a person's full name before a
    surname alone (or a surname the tagger took for a body), then the most quoted, then
    (organisations) the longest, then the first stored."""
    person = any(type_ == "PERSON" for _, type_, _ in members)

    def rank(item: tuple[int, tuple[str, str | None, int]]) -> tuple:
        i, (name, type_, quotes) = item
        parsed = person_name(name) if type_ == "PERSON" else None
        return (bool(parsed and parsed.full) or not person, quotes, 0 if type_ == "PERSON" else len(name), -i)

    return max(enumerate(members), key=rank)[1][0]


def root_of(conn: Connection, speaker_id: int) -> int:
    t = schema.speakers
    row = conn.execute(select(t.c.canonical_id).where(t.c.id == speaker_id)).first()
    if row is None:
        raise InputError(f"no speaker with id {speaker_id}")
    return row.canonical_id or speaker_id


def merge(conn: Connection, speaker_id: int, into_id: int) -> int:
    """A user's merge: ``speaker_id``'s whole identity joins ``into_id``'s. Returns the log id."""
    root, into = root_of(conn, speaker_id), root_of(conn, into_id)
    if root == into:
        raise InputError(f"speakers {speaker_id} and {into_id} are already one identity")
    moves = [(m.id, None if m.id == root else root, into) for m in _group(conn, root)]
    return _record(conn, "merge", speaker_id, into_id, "user", "merged by a user", moves)


def split(conn: Connection, speaker_id: int) -> int:
    """A user's split: the row leaves its identity (and stays out of it); a root hands its
    identity to its oldest other row. Returns the log id."""
    root = root_of(conn, speaker_id)
    if len(_group(conn, root)) == 1:
        raise InputError(f"speaker {speaker_id} is an identity of its own already")
    return _record(conn, "split", speaker_id, root, "user", "split by a user", _split_moves(conn, speaker_id))


def _split_moves(conn: Connection, speaker_id: int) -> list[tuple[int, int | None, int | None]]:
    root = root_of(conn, speaker_id)
    group = _group(conn, root)
    if root != speaker_id:
        return [(speaker_id, root, None)]
    heir = next(m.id for m in group if m.id != root)
    return [(m.id, root, None if m.id == heir else heir) for m in group if m.id != root]


def undo(conn: Connection) -> dict | None:
    """Reverse the latest change that is not undone; None when there is none."""
    log = schema.speaker_merges
    entry = conn.execute(select(log).where(log.c.undone_at.is_(None)).order_by(log.c.id.desc())).first()
    if entry is None:
        return None
    t = schema.speakers
    for speaker_id, old, _ in json.loads(entry.moves):
        conn.execute(update(t).where(t.c.id == speaker_id).values(canonical_id=old))
    conn.execute(update(log).where(log.c.id == entry.id).values(undone_at=datetime.now(UTC).isoformat()))
    if entry.action == "split":
        assign(conn, entry.speaker_id)  # no longer kept apart: the automatic rules may join it again
    return dict(entry._mapping)


def identities(conn: Connection) -> dict[int, tuple[int, str]]:
    """Every speaker row's ``(root, identity name)``."""
    t, a = schema.speakers, schema.attributions
    quotes = dict(conn.execute(select(a.c.speaker_id, func.count()).where(a.c.speaker_id.is_not(None))
                               .group_by(a.c.speaker_id)).all())
    groups: dict[int, list[tuple[int, str, str | None]]] = {}
    for row in conn.execute(select(t.c.id, t.c.canonical, t.c.type, t.c.canonical_id).order_by(t.c.id)):
        groups.setdefault(row.canonical_id or row.id, []).append((row.id, row.canonical, row.type))
    out: dict[int, tuple[int, str]] = {}
    for root, group in groups.items():
        name = display_name([(name, type_, quotes.get(i, 0)) for i, name, type_ in group])
        out.update({i: (root, name) for i, _, _ in group})
    return out


def names_by_key(conn: Connection) -> dict[str, str]:
    """A speaker key (casefolded name, as ``writer.speaker_key``) → its identity's name; for
    assessors, which are stored as names."""
    t = schema.speakers
    table = identities(conn)
    return {key: table[i][1] for i, key in conn.execute(select(t.c.id, t.c.key)) if i in table}


def outlets(conn: Connection) -> dict[str, str]:
    """The corpus's one name for each outlet its documents give (``authors.outlet_names``), so
    a document's own voice is one source whichever spelling its metadata used."""
    d = schema.documents
    counts: Counter[str] = Counter()
    for publisher, url, n in conn.execute(select(d.c.publisher, d.c.url, func.count()).group_by(d.c.publisher, d.c.url)):
        outlet = authors.outlet_of(publisher, url)
        if outlet:
            counts[outlet] += n
    return authors.outlet_names(counts)


def matching(conn: Connection, text: str, *, exact: bool = False) -> list[int]:
    """Speaker rows of every identity one of whose rows' names contains ``text`` (case-insensitive),
    or, ``exact``, whose identity name or one of whose rows' names is ``text``."""
    table = identities(conn)
    t = schema.speakers
    if exact:
        wanted = text.casefold()
        hit = {root for i, (root, name) in table.items() if name.casefold() == wanted}
        hit |= {table[i][0] for (i,) in conn.execute(select(t.c.id).where(func.lower(t.c.canonical) == text.lower()))}
    else:
        hit = {table[i][0] for (i,) in conn.execute(
            select(t.c.id).where(func.lower(t.c.canonical).contains(text.lower(), autoescape=True)))}
    return sorted(i for i, (root, _) in table.items() if root in hit)
