"""Shipped data files load, and a wrong version or a missing file is a clear ConfigError."""

from __future__ import annotations

import pytest

from sayso.data import load_json
from sayso.errors import ConfigError


@pytest.mark.parametrize("name", ["timex.json", "formations.json", "entity_aliases.json", "estimative.json", "demonyms.v1.json"])
def test_versioned_files_load(name: str) -> None:
    assert load_json(name, version=1)["version"] == 1


def test_wrong_version_names_the_file() -> None:
    with pytest.raises(ConfigError, match="timex.json has version 1; this sayso reads version 2"):
        load_json("timex.json", version=2)


def test_missing_file_names_it() -> None:
    with pytest.raises(ConfigError, match="no-such-file.json"):
        load_json("no-such-file.json")
