"""The voice rules (``data/voices.json``, ``sayso.voice_rules.v1``): word lists, patterns and the
weights of the additive score, compiled once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from sayso.alternation import WordStartPattern, grouped_alternation
from sayso.data import load_json
from sayso.errors import ConfigError

RULES_NAME = "sayso.voice_rules.v1"


@dataclass(frozen=True)
class Rules:
    """The compiled voice rules: weights, word lists and patterns from ``voices.json``."""

    threshold: float
    bias: dict[str, float]
    weights: dict[str, tuple[float, int]]
    informal: dict[str, int]
    standalone: frozenset[str]
    contrast: dict[str, Any]
    gated_weights: dict[str, float]
    reporting_verbs: frozenset[str]
    analytic_verbs: frozenset[str]
    source_nouns: frozenset[str]
    first_person: frozenset[str]
    second_person: frozenset[str]
    contraction_suffixes: frozenset[str]
    colloquial: re.Pattern[str]
    stance: re.Pattern[str]
    commentary_openers: tuple[str, ...]
    footnote: re.Pattern[str]
    wire: tuple[WordStartPattern, ...]
    formal_date: WordStartPattern
    lead_in_end: re.Pattern[str]
    heading: re.Pattern[str]
    ellipsis_end: re.Pattern[str]
    list_item: re.Pattern[str]
    quote_open: str
    quote_close: str
    quote_toggle: str
    paragraph_openers: str
    block_coverage: float
    label_preference: tuple[str, ...]
    lookback_labels: frozenset[str]
    lookback_paragraphs: int


@functools.lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The packaged voice rules, read and compiled once per process."""
    return compile_rules(load_json("voices.json", version=None))


def compile_rules(raw: dict[str, Any]) -> Rules:
    """Compile a voice-rules mapping (the shape of ``voices.json``); raise ConfigError if incomplete."""
    try:
        words, patterns, quotes, source = raw["words"], raw["patterns"], raw["quote_marks"], raw["source"]
        weights = {name: (float(f["weight"]), int(f["cap"])) for name, f in raw["features"].items()}
        missing = set(raw["bias"]) ^ {"standalone", "after_lead_in", "continuing", "after_ellipsis"}
        if missing:
            raise ConfigError(f"voice rules: bias must name exactly the four contexts, not {sorted(missing)}")
        return Rules(
            threshold=float(raw["threshold"]),
            bias={k: float(v) for k, v in raw["bias"].items()},
            weights=weights,
            informal={f: int(n) for f, n in raw["informal_features"].items() if f != "about"},
            standalone=frozenset(raw["standalone_features"]),
            contrast=dict(raw["contrast"]),
            gated_weights={f: float(w) for f, w in raw["contrast"]["gated_weights"].items() if f != "about"},
            reporting_verbs=frozenset(words["reporting_verbs"]),
            analytic_verbs=frozenset(words["analytic_verbs"]),
            source_nouns=frozenset(words["source_nouns"]),
            first_person=frozenset(words["first_person"]),
            second_person=frozenset(words["second_person"]),
            contraction_suffixes=frozenset(words["contraction_suffixes"]),
            colloquial=_phrases(words["colloquial"]),
            stance=_phrases(words["stance"]),
            commentary_openers=tuple(w.lower() for w in words["commentary_openers"]),
            footnote=re.compile(patterns["footnote"]),
            wire=tuple(WordStartPattern(p, re.MULTILINE) for p in patterns["wire"]),
            formal_date=WordStartPattern(patterns["formal_date"]),
            lead_in_end=re.compile(patterns["lead_in_end"]),
            heading=re.compile(patterns["heading"], re.IGNORECASE),
            ellipsis_end=re.compile(patterns["ellipsis_end"]),
            list_item=re.compile(patterns["list_item"]),
            quote_open=quotes["open"],
            quote_close=quotes["close"],
            quote_toggle=quotes["toggle"],
            paragraph_openers=quotes["paragraph_openers"],
            block_coverage=float(raw["markup"]["block_coverage"]),
            label_preference=tuple(source["label_preference"]),
            lookback_labels=frozenset(source["lookback_labels"]),
            lookback_paragraphs=int(source["lookback_paragraphs"]),
        )
    except KeyError as exc:
        raise ConfigError(f"voice rules ({RULES_NAME}) lack the key {exc.args[0]!r}") from exc
    except (TypeError, ValueError, re.error) as exc:
        raise ConfigError(f"voice rules ({RULES_NAME}) are malformed: {exc}") from exc


def _phrases(phrases: list[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words, in any case. The lookahead on their first characters lets
    the engine pass over most word starts without trying every phrase there, and the phrases grouped
    by first letter (``sayso.alternation``) are tried only where their letter stands."""
    if not all(phrases):
        return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)
    firsts = "".join(sorted({re.escape(p[0]) for p in phrases}))
    return re.compile(rf"\b(?=[{firsts}])(?:{grouped_alternation(phrases)})\b", re.IGNORECASE)
