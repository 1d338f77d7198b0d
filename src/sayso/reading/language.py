"""Language: refuse clearly non-English text, warn when the evidence is thin."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sayso.errors import ConfigError, InputError
from sayso.reading.datafiles import directives

LANGUAGE_DATA = "language.v1.txt"


@dataclass(frozen=True, slots=True)
class _Language:
    english: frozenset[str]
    other: frozenset[str]
    refuse_below: float
    warn_below: float
    other_above: float
    min_tokens: int
    min_tokens_short: int
    sample_chars: int


@functools.lru_cache(maxsize=1)
def load_language() -> _Language:
    """Function-word lists and thresholds of the English check (``data/language.v1.txt``)."""
    settings, sections = directives(LANGUAGE_DATA)
    words = {name: frozenset(" ".join(rows).lower().split()) for name, rows in sections.items()}
    try:
        return _Language(
            english=words["english"],
            other=words["other"] - words["english"],
            refuse_below=float(settings["refuse_below"]),
            warn_below=float(settings["warn_below"]),
            other_above=float(settings["other_above"]),
            min_tokens=int(settings["min_tokens"]),
            min_tokens_short=int(settings["min_tokens_short"]),
            sample_chars=int(settings["sample_chars"]),
        )
    except (KeyError, ValueError) as error:
        raise ConfigError(f"invalid section or setting in {LANGUAGE_DATA}: {error}") from error


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _latin(token: str) -> bool:
    first = token[0]
    return first <= "\u024f" or "\u1e00" <= first <= "\u1eff"


def english_share(text: str) -> tuple[float, float, int]:
    """Shares of sampled word tokens that are English function words and that are another
    language's (function words, or non-Latin script), and the token count."""
    language = load_language()
    tokens = [token.lower() for token in _WORD.findall(text[: language.sample_chars])]
    if not tokens:
        return 0.0, 0.0, 0
    english = sum(token in language.english for token in tokens)
    other = sum(token in language.other or not _latin(token) for token in tokens)
    return english / len(tokens), other / len(tokens), len(tokens)


def check_english(text: str) -> str | None:
    """Refuse clearly non-English text; a warning (returned) when the evidence is thin."""
    language = load_language()
    share, other, count = english_share(text)
    if share < language.refuse_below and (
        count >= language.min_tokens or (count >= language.min_tokens_short and other >= language.other_above)
    ):
        raise InputError(
            f"input does not look like English (only {share:.0%} of {count} words are common English words; "
            f"{other:.0%} look like another language's); sayso analyses English only"
        )
    if share < language.warn_below:
        return (
            f"input may not be English ({share:.0%} of {count} words are common English words); "
            "results may be poor"
        )
    return None
