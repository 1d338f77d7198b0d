"""Draw the identity merges that docs/identity-merges-polnear-dev.md checks by hand.

A merge is one name joined to an identity: a speaker row joined to another row's identity across
documents (``speakers.canonical_id``), or a mention text credited to a speaker name inside one
article (``speakers.aliases``; pronouns are left out, GUM scores them). Every cross-document merge
is listed and in-article ones are drawn at random with a fixed seed to make up ``--count``, so the
same store always gives the same list. The article texts stay out of the repository: ``feed``
writes them outside it and ``draw --context`` prints context for the checker only.

    python scripts/identity_merges.py feed /tmp/dev84.jsonl          # the 84 PolNeAR dev articles
    sayso ingest /tmp/dev84.jsonl --db /tmp/dev84.db
    python scripts/identity_merges.py draw /tmp/dev84.db              # the table, verdicts blank
    python scripts/identity_merges.py draw /tmp/dev84.db --context    # with each mention's context
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "polnear.jsonl"
FIELDS = ("id", "publisher", "publication_date", "title", "author", "text")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "us", "you"}
SEED = 20
WIDTH = 90  # a mention is cut to this many characters: names, not article text


def feed(out: Path, split: str = "dev") -> int:
    """The PolNeAR articles of ``split`` as JSON Lines for ``sayso ingest``."""
    count = 0
    with POLNEAR.open(encoding="utf-8") as rows, out.open("w", encoding="utf-8") as sink:
        for line in rows:
            row = json.loads(line)
            if row["compartment"] == split:
                sink.write(json.dumps({key: row[key] for key in FIELDS}) + "\n")
                count += 1
    return count


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def draw(db: Path, count: int = 100, seed: int = SEED) -> dict:
    """Every cross-document merge and a seeded random sample of in-article ones, with the counts."""
    conn = sqlite3.connect(db)
    rows = {r[0]: r for r in conn.execute("SELECT id, canonical, type, COALESCE(canonical_id, id), aliases FROM speakers")}
    cross = [(sid, f"{r[1]} [{r[2]}] -> {rows[r[3]][1]}") for sid, r in sorted(rows.items()) if r[3] != sid]
    aliases = [
        (sid, alias)
        for sid, r in sorted(rows.items())
        for alias in sorted(json.loads(r[4]))
        if alias.strip().lower() not in PRONOUNS and alias != r[1]
    ]
    random.seed(seed)
    sample = random.sample(aliases, min(max(count - len(cross), 0), len(aliases)))
    inside = [(sid, alias, f"{_short(alias)} → {rows[sid][1]}") for sid, alias in sample]
    return {
        "speaker_rows": len(rows),
        "identities": len({r[3] for r in rows.values()}),
        "in_article_aliases": len(aliases),
        "cross": cross,
        "inside": inside,
        "conn": conn,
    }


def variants(db: Path) -> list[tuple[str, str, bool]]:
    """The obvious name variants of the store's people, each with whether its identity is that
    person's: a surname alone (or title + surname; any type, "Trump" is tagged ORG at times) and a
    full name that differs from another only in middle names or initials ("Loretta E. Lynch"). A
    surname several people share is listed with the identity it joined, for a reader to judge."""
    sys.path.insert(0, str(ROOT / "src"))
    from sayso.identity.names import person_name, same_first

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, canonical, type, COALESCE(canonical_id, id) FROM speakers").fetchall()
    names = {sid: name for sid, name, _, _ in rows}
    keyed = [(sid, name, kind, root, person_name(name)) for sid, name, kind, root in rows]
    people = [(name, root, key) for _, name, kind, root, key in keyed if kind == "PERSON" and key is not None and key.full]
    found = []
    for _, name, _, root, key in keyed:
        if key is None or len(name.split()) > 3:
            continue
        fulls = [(n, r, k) for n, r, k in people if k.surname == key.surname and n != name]
        if not fulls:
            continue
        if key.full:
            same = [f for f in fulls if same_first(f[2].first, key.first)]
            if same and len(same[0][0]) <= len(name):  # listed once, from the longer spelling
                found.append((name, same[0][0], root == same[0][1]))
        elif len({k.first for _, _, k in fulls}) == 1:
            target = max(fulls, key=lambda f: len(f[0]))
            found.append((name, target[0], root == target[1]))
        else:
            found.append((name, f"one of {sorted({n for n, _, _ in fulls})}; joined to {names[root]}", False))
    return found


def _context(conn: sqlite3.Connection, sid: int, mention: str | None) -> str:
    query = ("SELECT d.title, substr(d.text, max(a.speaker_start - 150, 1), 320) FROM attributions a "
             "JOIN documents d ON d.id = a.document_id WHERE a.speaker_id = ?")
    args: list = [sid]
    if mention is not None:
        query += " AND a.speaker_mention = ?"
        args.append(mention)
    found = conn.execute(query + " LIMIT 1", args).fetchone()
    return f"   [{found[0]}] {' '.join(found[1].split())}" if found else "   (no attribution)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("feed", help="write the PolNeAR split as JSON Lines")
    make.add_argument("out", type=Path)
    make.add_argument("--split", default="dev", choices=("train", "dev"))
    pick = commands.add_parser("draw", help="list the merges to check")
    pick.add_argument("db", type=Path)
    pick.add_argument("--count", type=int, default=100)
    pick.add_argument("--seed", type=int, default=SEED)
    pick.add_argument("--context", action="store_true", help="print each merge's context (never commit it)")
    recall = commands.add_parser("variants", help="the obvious name variants and whether each is joined")
    recall.add_argument("db", type=Path)
    args = parser.parse_args(argv)
    if args.command == "feed":
        print(f"wrote {feed(args.out, args.split)} articles to {args.out}")
        return 0
    if not args.db.is_file():
        print(f"error: no store at {args.db}", file=sys.stderr)
        return 2
    if args.command == "variants":
        pairs = variants(args.db)
        for name, target, joined in pairs:
            print(f"{'joined' if joined else 'judge ' if target.startswith('one of') else 'APART '}  {name} ~ {target}")
        clear = [j for _, target, j in pairs if not target.startswith("one of")]
        print(f"recall of the unambiguous variants {sum(clear)}/{len(clear)}")
        return 0
    found = draw(args.db, args.count, args.seed)
    print(f"speaker rows {found['speaker_rows']}, identities {found['identities']}, cross-document merges "
          f"{len(found['cross'])}, in-article aliases {found['in_article_aliases']} (drawn {len(found['inside'])}, "
          f"seed {args.seed})\n")
    print("| # | merge | verdict |\n|---|---|---|")
    for number, (sid, line) in enumerate(found["cross"], start=1):
        print(f"| {number} | {line} | |")
        if args.context:
            print(_context(found["conn"], sid, None))
    for number, (sid, alias, line) in enumerate(found["inside"], start=len(found["cross"]) + 1):
        print(f"| {number} | {line} | |")
        if args.context:
            print(_context(found["conn"], sid, alias))
    return 0


if __name__ == "__main__":
    sys.exit(main())
