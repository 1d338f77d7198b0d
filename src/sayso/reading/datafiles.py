"""The reading data files: ``@key value`` settings, ``[section]`` headers and rows, ``#`` comments."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from sayso.errors import ConfigError


def data_lines(name: str) -> Iterator[str]:
    try:
        content = (resources.files("sayso") / "data" / name).read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read sayso data file {name!r}: {error}") from error
    for line in content.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.strip()


def directives(name: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """A data file's ``@key value`` settings and its rows, by ``[section]`` ("" before any)."""
    settings: dict[str, str] = {}
    sections: dict[str, list[str]] = {"": []}
    section = ""
    for line in data_lines(name):
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            settings[key] = value.strip()
        elif line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            sections.setdefault(section, [])
        else:
            sections[section].append(line)
    return settings, sections
