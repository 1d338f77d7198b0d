"""The cue lexicon: every table in the file is read by a rule, none holds an entry twice, and the
component gets what it must skip (boilerplate) as an argument, not from the Doc."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from sayso import attribution
from sayso.attribution import find_attributions, load_reporting_verbs
from sayso.attribution.lexicon import LEXICON_KEYS
from sayso.errors import ConfigError

FILE = json.loads((resources.files("sayso") / "data" / "reporting_verbs.json").read_text(encoding="utf-8"))
DESCRIPTIVE = {"name", "about"}  # describe the file
TOKENIZER = {"title_abbreviations"}  # read by pipeline.keep_title_abbreviations
LEMMATIZER = {"verb_lemma_fixes"}  # read by pipeline.correct_verb_lemmas
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in Path(attribution.__file__).parent.glob("*.py"))


def test_every_table_in_the_file_is_required_or_accounted_for() -> None:
    assert set(FILE) - LEXICON_KEYS == DESCRIPTIVE | TOKENIZER | LEMMATIZER


def test_every_required_table_is_in_the_file() -> None:
    assert LEXICON_KEYS <= set(FILE)


@pytest.mark.parametrize("key", sorted(LEXICON_KEYS))
def test_every_required_table_is_read_by_a_rule(key: str) -> None:
    assert f'lexicon["{key}"]' in SOURCE or f'reporting_verbs["{key}"]' in SOURCE, key


def _lists(value, path: str = ""):
    if isinstance(value, list):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _lists(child, f"{path}.{key}")


@pytest.mark.parametrize(("path", "entries"), list(_lists(FILE)), ids=[p for p, _ in _lists(FILE)])
def test_no_table_holds_an_entry_twice(path: str, entries: list) -> None:
    seen = [json.dumps(e) for e in entries]
    assert len(seen) == len(set(seen)), sorted({e for e in seen if seen.count(e) > 1})


def test_a_lexicon_without_a_rule_table_is_refused(bare_nlp) -> None:
    partial = {k: v for k, v in load_reporting_verbs().items() if k != "colon_labels"}
    with pytest.raises(ConfigError, match="colon_labels"):
        find_attributions(bare_nlp("The minister said the talks had failed."), [], partial)


def test_boilerplate_is_an_argument(bare_nlp) -> None:
    text = "The minister said the talks had failed."
    doc = bare_nlp(text)
    lexicon = load_reporting_verbs()
    assert [a["rule"] for a in find_attributions(doc, [], lexicon)] == ["indirect-ccomp"]
    assert find_attributions(doc, [], lexicon, boilerplate=[[0, len(text)]]) == []
