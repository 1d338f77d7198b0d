"""The hand-checked merge list is drawn reproducibly: every cross-document join, then seeded
in-article aliases (pronouns and a name's own spelling left out), and the obvious variants."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "identity_merges.py"
spec = importlib.util.spec_from_file_location("identity_merges", SCRIPT)
identity_merges = importlib.util.module_from_spec(spec)
spec.loader.exec_module(identity_merges)

ROWS = [  # id, canonical, type, canonical_id, aliases
    (1, "Donald Trump", "PERSON", None, ["Donald Trump", "Mr. Trump", "he", "The Republican nominee"]),
    (2, "Trump", "ORG", 1, ["Trump"]),
    (3, "Ivanka Trump", "PERSON", None, ["Ivanka Trump", "His daughter"]),
    (4, "Clarke", "PERSON", None, ["Clarke"]),
    (5, "Tom Clarke", "PERSON", None, ["Mr. Clarke", "she "]),
    (6, "Loretta E. Lynch", "PERSON", 7, ["Loretta E. Lynch"]),
    (7, "Loretta Lynch", "PERSON", None, ["Lynch"]),
]


def _store(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE speakers (id INTEGER PRIMARY KEY, canonical TEXT, type TEXT, canonical_id INTEGER, aliases TEXT)")
    conn.executemany("INSERT INTO speakers VALUES (?, ?, ?, ?, ?)",
                     [(i, n, t, c, json.dumps(a)) for i, n, t, c, a in ROWS])
    conn.commit()
    return path


def test_draw_lists_every_cross_document_join_and_a_seeded_sample(tmp_path) -> None:
    db = _store(tmp_path / "s.db")
    first = identity_merges.draw(db, count=4)
    again = identity_merges.draw(db, count=4)
    assert [line for _, line in first["cross"]] == ["Trump [ORG] -> Donald Trump", "Loretta E. Lynch [PERSON] -> Loretta Lynch"]
    assert [m[1] for m in first["inside"]] == [m[1] for m in again["inside"]] and len(first["inside"]) == 2
    assert first["in_article_aliases"] == 5  # "Mr. Trump", "The Republican nominee", "His daughter", "Mr. Clarke", "Lynch"
    assert (first["speaker_rows"], first["identities"]) == (7, 5)


def test_variants_say_which_obvious_spellings_are_joined(tmp_path) -> None:
    found = {name: joined for name, _, joined in identity_merges.variants(_store(tmp_path / "s.db"))}
    assert found["Loretta E. Lynch"] is True and found["Clarke"] is False
    assert found["Trump"] is False  # two Trumps: listed for a reader to judge, not counted as joined
