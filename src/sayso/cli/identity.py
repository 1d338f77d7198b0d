"""``sayso identity``: see, merge, split and undo the canonical speakers of a corpus."""

from __future__ import annotations

import click

from sayso.cli.corpus import _open, db_option, emit, format_option
from sayso.errors import InputError


@click.group()
def identity() -> None:
    """Canonical speakers: one identity per person or organisation across the corpus.

    \b
    Examples:
      sayso identity show Trump                 rows of every identity named like "Trump"
      sayso identity split 41                   row 41 leaves its identity, and stays out
      sayso identity merge 41 14                row 41's identity joins row 14's
      sayso identity undo                       reverse the latest merge or split
      sayso identity log                        every merge and split, automatic or a user's
    """


def _row(conn, value: str) -> int:
    """A speaker row by id, or by its exact name (case-insensitive)."""
    from sqlalchemy import select

    from sayso.store import schema
    from sayso.store.writer import speaker_key

    if value.isdigit():
        return int(value)
    found = conn.execute(select(schema.speakers.c.id).where(schema.speakers.c.key == speaker_key(value))).first()
    if found is None:
        raise InputError(f"no speaker named {value!r}; see 'sayso identity show'")
    return found.id


@identity.command()
@click.argument("name", required=False)
@db_option
@format_option
def show(name: str | None, db: str, fmt: str) -> None:
    """Speaker rows with their identity (all, or those of identities one of whose names contains NAME)."""
    from sqlalchemy import select

    from sayso.store import identities, schema

    with _open(db).read() as conn:
        table = identities.identities(conn)
        ids = identities.matching(conn, name) if name else sorted(table)
        t = schema.speakers
        found = conn.execute(select(t.c.id, t.c.canonical, t.c.type).where(t.c.id.in_(ids))).all()
    rows = [{"identity": table[r.id][1], "root": table[r.id][0], "id": r.id, "name": r.canonical, "type": r.type}
            for r in found]
    rows.sort(key=lambda r: (r["identity"].casefold(), r["root"], r["id"]))
    emit(rows, ["identity", "root", "id", "name", "type"], fmt, "identities")


@identity.command()
@click.argument("speaker")
@click.argument("into")
@db_option
def merge(speaker: str, into: str, db: str) -> None:
    """SPEAKER's whole identity joins INTO's (ids or exact names)."""
    from sayso.store import identities

    with _open(db).write() as conn:
        entry = identities.merge(conn, _row(conn, speaker), _row(conn, into))
    click.echo(f"merged (change {entry}; 'sayso identity undo' reverses it)")


@identity.command()
@click.argument("speaker")
@db_option
def split(speaker: str, db: str) -> None:
    """SPEAKER (id or exact name) leaves its identity and is never joined to it again automatically."""
    from sayso.store import identities

    with _open(db).write() as conn:
        entry = identities.split(conn, _row(conn, speaker))
    click.echo(f"split (change {entry}; 'sayso identity undo' reverses it)")


@identity.command()
@db_option
def undo(db: str) -> None:
    """Reverse the latest merge or split that is not undone yet."""
    from sayso.store import identities

    with _open(db).write() as conn:
        entry = identities.undo(conn)
    click.echo("nothing to undo" if entry is None else f"undid change {entry['id']}: {entry['action']} ({entry['reason']})")


@identity.command()
@db_option
@format_option
def log(db: str, fmt: str) -> None:
    """Every merge and split, automatic or a user's, oldest first."""
    from sqlalchemy import select

    from sayso.store import schema

    with _open(db).read() as conn:
        rows = [r._asdict() for r in conn.execute(select(schema.speaker_merges).order_by(schema.speaker_merges.c.id))]
    emit(rows, ["id", "action", "speaker_id", "into_id", "by", "reason", "at", "undone_at"], fmt, "identity changes")


@identity.command()
@db_option
def rebuild(db: str) -> None:
    """Recompute the automatic identities from scratch in storage order, keeping users' merges and splits."""
    from sayso.store import identities

    with _open(db).write() as conn:
        identities.rebuild(conn)
    click.echo("identities rebuilt")
