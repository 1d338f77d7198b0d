"""No SQL built from user text: a source scan of the store, and hostile search strings against
SQLite FTS5, PostgreSQL full-text search and the web search route."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sayso.errors import InputError
from sayso.store import query, schema

SRC = Path(__file__).resolve().parents[2] / "src" / "sayso"
SQL_CALLS = {"text", "exec_driver_sql", "execute", "executescript"}

# Every SQL string built by formatting, with why it is safe. A new one fails the scan until it is
# reviewed and listed here (with its reason), or rewritten with bound parameters.
REVIEWED = {
    ("store/database.py", "_sqlite_connect"): "PRAGMA busy_timeout from an int computed from a float setting",
    ("store/migrations.py", "_full_text"): "table and column names from a fixed tuple in the same function",
    ("store/query.py", "_matches"): "table.name of a schema Table and a fixed kind; the query text is bound",
    ("store/pgcluster.py", "create_database"): "database name checked against [a-z_][a-z0-9_]* first",
}

HOSTILE = [
    "'", '"', "''", '""', "' OR '1'='1", "' OR 1=1 --", "\"; DROP TABLE documents; --", "'); DELETE FROM speakers; --",
    "armoured' columns", 'armoured" columns', "NEAR(armoured columns)", "armoured NEAR/2 columns", "armoured AND columns",
    "armoured OR", "NOT armoured", "-columns", "*", "arm*", "^armoured", "body:armoured", "kind:attribution",
    "(", ")", "((armoured", "{armoured columns}", "a & b | !c", "armoured <-> columns", ":*", "%", "_", "\\",
    "\u0417\u0435\u043b\u0435\u043d\u0441\u044c\u043a\u0438\u0439", "\u0645\u0631\u062d\u0628\u0627",
    "colu\u200bmns", "\U0001f680 columns", "armoured\x00columns", "\ud800", "columns " * 5000,
]


def _own_nodes(function: ast.AST):
    """The nodes of ``function``'s body, not those of functions nested in it."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            stack.extend(ast.iter_child_nodes(node))


def formatted_sql_sites() -> set[tuple[str, str]]:
    """(file, function) of every SQL call whose first argument is an f-string, ``%`` or ``.format``."""
    found = set()
    for path in list((SRC / "store").glob("*.py")) + list((SRC / "web").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in _own_nodes(function):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                name = getattr(node.func, "attr", getattr(node.func, "id", None))
                arg = node.args[0]
                formatted = isinstance(arg, ast.JoinedStr) or (
                    isinstance(arg, ast.BinOp) and isinstance(arg.op, (ast.Mod, ast.Add))
                ) or (isinstance(arg, ast.Call) and getattr(arg.func, "attr", None) == "format")
                if name in SQL_CALLS and formatted:
                    found.add((str(path.relative_to(SRC)), function.name))
    return found


def test_every_formatted_sql_string_is_reviewed():
    assert formatted_sql_sites() == set(REVIEWED)


def test_hostile_search_text_is_words_or_a_clear_error(small_corpus):
    for hostile in HOSTILE:
        try:
            rows = query.search(small_corpus, hostile, limit=50)
        except InputError as error:
            assert "has no words to search for" in str(error), hostile
        else:
            assert isinstance(rows, list)
        for filters in ({"speaker": hostile}, {"band": hostile}):
            assert isinstance(query.search(small_corpus, "columns", **filters), list)
        assert isinstance(query.speakers(small_corpus, org=hostile), list)
        try:
            query.timeline(small_corpus, hostile, assessor=hostile)
        except InputError:
            pass
    with small_corpus.read() as conn:
        assert conn.execute(select(func.count()).select_from(schema.documents)).scalar_one() == 4


@pytest.mark.parametrize(
    ("hostile", "finds"),
    [("armoured' columns", True), ("\"armoured columns\"", True), ("NEAR(armoured columns)", False),
     ("armoured OR nonsenseword", False), ("arm*", False), ("' OR '1'='1", False)],
)
def test_operators_are_plain_words(small_corpus, hostile, finds):
    """FTS5 / tsquery operators mean nothing: OR is the word "or", * is dropped, a quote splits words."""
    hits = [r for r in query.search(small_corpus, hostile) if r["kind"] == "attribution"]
    assert bool(hits) is finds
    for row in hits:
        assert "armoured columns" in row["text"]


def test_like_wildcards_in_speaker_filter_are_literal(small_corpus):
    assert query.search(small_corpus, "columns", speaker="%") == []
    assert query.search(small_corpus, "columns", speaker="_") == []
    assert [r["speaker"] for r in query.search(small_corpus, "columns", speaker="regional")] == ["A regional governor"]


def test_web_search_route_never_fails_on_hostile_text(small_corpus, asgi_call):
    from sayso.web.app import create_app
    from sayso.web.data import StoreCorpus

    app = create_app(StoreCorpus(small_corpus))
    # A lone surrogate cannot be written in a URL; URLs are capped, so long text is cut to 4,000 characters.
    for hostile in [h[:4000] for h in HOSTILE if h != "\ud800"]:
        for path in ("/api/search", "/search", "/api/timeline", "/timeline"):
            response = asgi_call(app, "GET", path, params={"q": hostile, "speaker": hostile})
            assert response.status_code in (200, 400), (hostile, path, response.text[:300])
            if response.status_code == 400 and path.startswith("/api/"):
                assert "no words to search for" in response.json()["error"]
