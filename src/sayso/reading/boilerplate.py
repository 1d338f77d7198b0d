"""Boilerplate: lines that are site chrome (subscribe, share, cookie notices), not the article."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sayso.errors import ConfigError
from sayso.reading.datafiles import directives

BOILERPLATE_DATA = "boilerplate.v1.txt"


@dataclass(frozen=True, slots=True)
class _Patterns:
    lines: re.Pattern[str]
    strip: re.Pattern[str]
    never: re.Pattern[str] | None
    max_words: int


@functools.lru_cache(maxsize=1)
def load_boilerplate_patterns() -> _Patterns:
    """The boilerplate line patterns (``data/boilerplate.v1.txt``), compiled once."""
    settings, sections = directives(BOILERPLATE_DATA)
    rows = sections[""]
    try:
        return _Patterns(
            lines=re.compile("|".join(f"(?:{row})" for row in rows), re.I),
            strip=re.compile(settings.get("strip", r"[\s.]") + r"+$"),
            never=re.compile(settings["never"], re.I) if settings.get("never") else None,
            max_words=int(settings.get("max_words", "20")),
        )
    except (re.error, ValueError) as error:
        raise ConfigError(f"invalid pattern or setting in {BOILERPLATE_DATA}: {error}") from error


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line that is site chrome (subscribe/share/donate prompts, ads,
    cookie notices, "Read more"), without the line's surrounding whitespace."""
    patterns = load_boilerplate_patterns()
    found = []
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        stripped = line.strip()
        if not stripped or len(stripped.split()) > patterns.max_words:
            continue
        if patterns.never and patterns.never.search(stripped):
            continue
        core = patterns.strip.sub("", stripped)
        if core and patterns.lines.fullmatch(core):
            offset = start + (len(line) - len(line.lstrip()))
            found.append((offset, offset + len(stripped)))
    return found
