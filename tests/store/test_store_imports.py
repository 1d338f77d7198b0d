"""The store's modules import each other without a circle (database.py ↔ migrations.py was one)."""

from __future__ import annotations

import ast
from pathlib import Path

import sayso.store

PACKAGE = Path(sayso.store.__file__).parent


def _imports(path: Path) -> set[str]:
    """The sayso.store modules ``path`` imports, at any depth of the file (lazy imports count)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "sayso.store":
                found |= {alias.name for alias in node.names}
            elif node.module.startswith("sayso.store."):
                found.add(node.module.split(".")[2])
    return found


def test_store_modules_import_no_circle() -> None:
    graph = {p.stem: _imports(p) - {p.stem} for p in PACKAGE.glob("*.py")}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    circles = sorted(m for m in graph if reaches(m, m, {m}))
    assert circles == [], f"import circles through {circles}"
