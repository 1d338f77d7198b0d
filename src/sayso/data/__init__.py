"""sayso's shipped data files: word lists, patterns and tables that are data, not code.

Every JSON file here carries a ``version``; a reader names the version it understands, so a file
edited into a shape the code does not know fails loudly at load time instead of misbehaving.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from sayso.errors import ConfigError


def load_json(name: str, version: int | None = 1) -> dict[str, Any]:
    """The data file ``name``, checked to be the ``version`` its reader expects (None: any)."""
    path = resources.files("sayso") / "data" / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot read sayso data file {name}: {error}") from error
    if version is not None and data.get("version") != version:
        raise ConfigError(f"sayso data file {name} has version {data.get('version')!r}; this sayso reads version {version}")
    return data
