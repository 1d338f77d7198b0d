"""The user docs keep up with the code: every CLI option, JSON field, component config key,
store column and web route the code has must be named in docs/ (Datasette's tests/test_docs.py).

Each item is its own test case, so a failure names exactly what to document. The items are read
from the code itself (click commands, the JSON schema, spaCy's factory registry, SQLAlchemy
metadata, FastAPI routes), so a new option fails here until someone writes it up.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import click
import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


@cache
def doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under ``heading`` (a markdown heading line) up to the next heading of the same or higher level."""
    match = re.search(rf"^(#+) {re.escape(heading)}\s*$", text, flags=re.MULTILINE)
    if match is None:
        return ""
    level = len(match.group(1))
    rest = text[match.end():]
    end = re.search(rf"^#{{1,{level}}} ", rest, flags=re.MULTILINE)
    return rest[: end.start()] if end else rest


def in_code(text: str, name: str) -> bool:
    """``name`` is a word of some `code span`: `--db PATH`, `--gate / --no-gate`, `speaker.mention`
    (a dotted path counts for its last part), `"@misc": "sayso.voice_rules.v1"`."""
    for span in re.findall(r"`([^`\n]+)`", text):
        for word in re.split(r"[\s|=\[\](){}\",:/]+", span):
            if word == name or word.endswith("." + name):
                return True
    return False


# --- (a) the CLI ---------------------------------------------------------------------------------


def _commands() -> list[tuple[str, click.Command]]:
    """Every command and subcommand as ("analyze", cmd), ("bench ingest", cmd), in COMMANDS order."""
    from sayso.cli import COMMANDS, cli

    ctx = click.Context(cli)
    found: list[tuple[str, click.Command]] = []

    def walk(prefix: str, command: click.Command) -> None:
        found.append((prefix, command))
        if isinstance(command, click.Group):
            sub = click.Context(command, parent=ctx)
            for name in command.list_commands(sub):
                walk(f"{prefix} {name}", command.get_command(sub, name))

    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        if command is not None:
            walk(name, command)
    return found


def _long_options(command: click.Command) -> list[str]:
    return [
        opt
        for param in command.params
        if isinstance(param, click.Option)
        for opt in (*param.opts, *param.secondary_opts)
        if opt.startswith("--") and opt != "--help"
    ]


COMMAND_NAMES = [name for name, _ in _commands()]
COMMAND_OPTIONS = [(name, opt) for name, command in _commands() for opt in _long_options(command)]


def test_every_registered_command_is_found() -> None:
    """Guards the introspection: if LazyGroup stopped loading commands, the cases below would vanish."""
    assert {"analyze", "ingest", "search", "serve"} <= set(COMMAND_NAMES)
    assert ("analyze", "--published") in COMMAND_OPTIONS


@pytest.mark.parametrize("command", COMMAND_NAMES)
def test_cli_command_has_a_section(command: str) -> None:
    assert section(doc("cli.md"), f"sayso {command}"), f"docs/cli.md has no '## sayso {command}' section"


@pytest.mark.parametrize(("command", "option"), COMMAND_OPTIONS, ids=[f"{c}:{o}" for c, o in COMMAND_OPTIONS])
def test_cli_option_is_documented_in_its_section(command: str, option: str) -> None:
    text = section(doc("cli.md"), f"sayso {command}")
    assert in_code(text, option), f"docs/cli.md, section 'sayso {command}', does not document {option}"


@pytest.mark.parametrize("code", [0, 1, 2, 3, 4])
def test_cli_exit_codes_are_documented(code: int) -> None:
    table = section(doc("cli.md"), "Exit codes")
    assert re.search(rf"^\| {code} \|", table, flags=re.MULTILINE), f"exit code {code} missing from docs/cli.md"


@pytest.mark.parametrize(
    ("error", "code"), [("InputError", 2), ("StoreError", 3), ("ConfigError", 4)]
)
def test_documented_exit_codes_match_the_errors(error: str, code: int) -> None:
    import sayso.errors

    assert getattr(sayso.errors, error).exit_code == code
    assert re.search(rf"^\| {code} \|[^\n]*`{error}`", section(doc("cli.md"), "Exit codes"), flags=re.MULTILINE)


# --- (b) the JSON output -------------------------------------------------------------------------


def _schema() -> dict:
    return json.loads(resources.files("sayso").joinpath("schema/sayso-1.schema.json").read_text("utf-8"))


def _properties(node: object, path: str = "") -> list[tuple[str, str]]:
    """(dotted path, name) for every property declared anywhere in the schema, $defs included."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for name, child in (node.get("properties") or {}).items():
            found.append((f"{path}.{name}".lstrip("."), name))
            found += _properties(child, f"{path}.{name}")
        for key, child in node.items():
            if key == "properties":
                continue
            found += _properties(child, path if key in ("items", "oneOf", "anyOf") else f"{path}.{key}")
    elif isinstance(node, list):
        for child in node:
            found += _properties(child, path)
    return found


SCHEMA_FIELDS = sorted(set(_properties(_schema())))


def test_schema_walk_finds_nested_fields() -> None:
    paths = {p for p, _ in SCHEMA_FIELDS}
    assert {"attributions.speaker.mention", "assessments.probability", "$defs.probability.median"} <= paths


@pytest.mark.parametrize(("path", "name"), SCHEMA_FIELDS, ids=[p for p, _ in SCHEMA_FIELDS])
def test_json_field_is_documented(path: str, name: str) -> None:
    assert in_code(doc("output.md"), name), f"docs/output.md does not explain the JSON field {path!r}"


@pytest.mark.parametrize("value", ["icd203", "phia", "nato", "readers"])
def test_every_scale_is_documented(value: str) -> None:
    from sayso.calibration import SCALES

    assert value in SCALES
    assert in_code(section(doc("output.md"), "Probability scales and bands"), value)


# --- (c) the spaCy components ------------------------------------------------------------------


def _sayso_factories() -> list[str]:
    """Factories sayso registers: its spacy_factories entry points plus pipeline.py's own names."""
    import spacy  # noqa: F401
    from spacy.language import Language

    import sayso.pipeline  # noqa: F401  (registers every factory and component)

    names = {ep.name for ep in metadata.entry_points(group="spacy_factories") if ep.value.startswith("sayso.")}
    names |= {name for name in Language.factories if name.startswith("sayso")}
    return sorted(names)


FACTORIES = _sayso_factories()


def _config_keys() -> list[tuple[str, str]]:
    from spacy.language import Language

    return [
        (name, key)
        for name in FACTORIES
        if Language.has_factory(name)
        for key in Language.get_factory_meta(name).default_config or {}
    ]


CONFIG_KEYS = _config_keys()


def _misc_loaders() -> list[str]:
    import spacy

    import sayso.pipeline  # noqa: F401

    return sorted(name for name in spacy.registry.misc.get_all() if name.startswith("sayso."))


def test_factories_are_found() -> None:
    assert {"sayso", "sayso_attribution", "sayso_paragraphs"} <= set(FACTORIES)
    assert ("sayso", "time_limit") in CONFIG_KEYS


@pytest.mark.parametrize("factory", FACTORIES)
def test_factory_is_documented(factory: str) -> None:
    assert in_code(doc("pipeline.md"), factory), f"docs/pipeline.md does not document the factory {factory!r}"


@pytest.mark.parametrize(("factory", "key"), CONFIG_KEYS, ids=[f"{f}:{k}" for f, k in CONFIG_KEYS])
def test_factory_config_key_is_documented(factory: str, key: str) -> None:
    """The key is named in a table row that names the factory, or in the factory's own config table."""
    text = doc("pipeline.md")
    rows = [line for line in text.splitlines() if line.startswith("|")]
    own = section(text, f"The `{factory}` factory")
    assert any(in_code(row, factory) and in_code(row, key) for row in rows) or re.search(
        rf"^\| `{re.escape(key)}` \|", own, flags=re.MULTILINE
    ), f"docs/pipeline.md does not document the config key {key!r} of {factory!r}"


@pytest.mark.parametrize("loader", _misc_loaders())
def test_registered_loader_is_documented(loader: str) -> None:
    assert in_code(doc("pipeline.md"), loader), f"docs/pipeline.md does not document the loader {loader!r}"


def _extensions() -> list[str]:
    from sayso.pipeline import CONTEXT_EXTENSIONS, RESULT_EXTENSIONS

    return [*CONTEXT_EXTENSIONS, *RESULT_EXTENSIONS]


@pytest.mark.parametrize("extension", _extensions())
def test_doc_extension_is_documented(extension: str) -> None:
    assert in_code(doc("pipeline.md"), f"doc._.{extension}"), f"docs/pipeline.md does not document doc._.{extension}"


# --- the store ---------------------------------------------------------------------------------


def _columns() -> list[tuple[str, str]]:
    from sayso.store import schema

    tables = schema.metadata.sorted_tables
    return [(table.name, column.name) for table in tables for column in table.columns]


@pytest.mark.parametrize("table", sorted({t for t, _ in _columns()}))
def test_store_table_is_documented(table: str) -> None:
    assert in_code(doc("store.md"), table), f"docs/store.md does not describe the table {table!r}"


@pytest.mark.parametrize(("table", "column"), _columns(), ids=[f"{t}.{c}" for t, c in _columns()])
def test_store_column_is_documented(table: str, column: str) -> None:
    text = doc("store.md")
    own = section(text, f"`{table}`") or next(
        (section(text, h) for h in re.findall(r"^#+ (.*)$", text, flags=re.MULTILINE) if f"`{table}`" in h), ""
    )
    assert in_code(own, column) or in_code(text, f"{table}.{column}"), (
        f"docs/store.md does not describe the column {table}.{column}"
    )


def _migrations() -> list[str]:
    from sayso.store.migrations import MIGRATIONS

    return [name for name, _ in MIGRATIONS]


@pytest.mark.parametrize("name", _migrations())
def test_migration_is_documented(name: str) -> None:
    assert in_code(section(doc("store.md"), "Migrations"), name), f"docs/store.md does not list the migration {name}"


# --- (d) the web reader --------------------------------------------------------------------------


def _routes() -> list[tuple[str, str]]:
    """(method, path) of every route of the app, built as tests/web build it (no corpus needed)."""
    from fastapi.routing import APIRoute
    from starlette.routing import Route

    from sayso.web.app import create_app

    app = create_app(None)
    routes = []
    for route in app.routes:
        if isinstance(route, (APIRoute, Route)):
            for method in sorted(route.methods or ()):
                if method != "HEAD":
                    routes.append((method, route.path))
    return routes


API_ROUTES = [r for r in _routes() if r[1].startswith("/api/")]
PAGE_ROUTES = [r for r in _routes() if not r[1].startswith("/api/")]


def test_api_routes_are_found() -> None:
    assert ("GET", "/api/documents") in API_ROUTES and ("POST", "/api/analyze") in API_ROUTES


@pytest.mark.parametrize(("method", "path"), API_ROUTES, ids=[f"{m} {p}" for m, p in API_ROUTES])
def test_api_route_is_documented(method: str, path: str) -> None:
    assert section(doc("web.md"), f"`{method} {path}`"), f"docs/web.md has no section for `{method} {path}`"


@pytest.mark.parametrize(("method", "path"), PAGE_ROUTES, ids=[f"{m} {p}" for m, p in PAGE_ROUTES])
def test_page_route_is_documented(method: str, path: str) -> None:
    assert f"`{method} {path}`" in section(doc("web.md"), "Pages"), f"docs/web.md, Pages, lacks `{method} {path}`"


def test_security_headers_are_documented() -> None:
    from sayso.web.app import SECURITY_HEADERS

    text = doc("web.md").lower()
    missing = [name for name in SECURITY_HEADERS if name not in text]
    assert not missing, f"docs/web.md does not mention the headers {missing}"


@pytest.mark.parametrize("setting", ["allow_ingest", "max_upload_bytes", "analysis_timeout"])
def test_serve_defaults_match_the_docs(setting: str) -> None:
    """The defaults docs/web.md states are the ones Settings and the serve command use."""
    from sayso.web.app import Settings

    value = getattr(Settings(), setting)
    text = section(doc("web.md"), "Security defaults")
    expected = {"allow_ingest": "read-only", "max_upload_bytes": f"{value:,} bytes", "analysis_timeout": f"{value:g} s"}
    assert expected[setting] in text, f"docs/web.md states a different default for {setting} ({value!r})"


# --- the checks themselves -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("| `--db PATH\\|URL` | `sayso.db` |", "--db", True),
        ("| `--gate / --no-gate` | off |", "--no-gate", True),
        ("`speaker.mention` is a span", "mention", True),
        ('`{"@misc": "sayso.voice_rules.v1"}`', "sayso.voice_rules.v1", True),
        ("the --db option, unquoted", "--db", False),  # named, but not as code
        ("`--dbx PATH`", "--db", False),  # a longer option is not this one
        ("`--db-url`", "--db", False),
        ("`mentions`", "mention", False),
        ("`premention`", "mention", False),
    ],
)
def test_in_code(text: str, name: str, found: bool) -> None:
    assert in_code(text, name) is found


SAMPLE = "# T\n## sayso bench\nbench text\n### sayso bench ingest\ningest text\n## sayso fuzz\nfuzz text\n"


@pytest.mark.parametrize(
    ("heading", "has", "lacks"),
    [
        ("sayso bench", "ingest text", "fuzz text"),  # a subsection belongs to its parent
        ("sayso bench ingest", "ingest text", "bench text"),
        ("sayso fuzz", "fuzz text", "ingest text"),
    ],
)
def test_section(heading: str, has: str, lacks: str) -> None:
    assert has in section(SAMPLE, heading) and lacks not in section(SAMPLE, heading)


@pytest.mark.parametrize("heading", ["sayso", "sayso bench in", "bench"])
def test_section_of_a_missing_heading_is_empty(heading: str) -> None:
    assert section(SAMPLE, heading) == ""
