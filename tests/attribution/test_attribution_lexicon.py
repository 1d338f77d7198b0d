"""The cue lexicon: every table in the file is read by a rule, none holds an entry twice, and the
component gets what it must skip (boilerplate) as an argument, not from the Doc."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from spacy.tokens import Doc

from sayso import attribution
from sayso.attribution import find_attributions, load_reporting_verbs
from sayso.attribution.lexicon import LEXICON_KEYS, reporting_lexicon
from sayso.errors import ConfigError

FILE = json.loads((resources.files("sayso") / "data" / "reporting_verbs.json").read_text(encoding="utf-8"))
DESCRIPTIVE = {"name", "about"}  # describe the file
TOKENIZER = {"title_abbreviations"}  # read by pipeline.keep_title_abbreviations
LEMMATIZER = {"verb_lemma_fixes"}  # read by pipeline.correct_verb_lemmas
WORD_LISTS = {"clause_joiners", "connectives", "member_prepositions", "nothing_said", "occasion_nouns"}  # rule tables that describe themselves
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in Path(attribution.__file__).parent.glob("*.py"))


def test_every_table_in_the_file_is_required_or_accounted_for() -> None:
    assert set(FILE) - LEXICON_KEYS == DESCRIPTIVE | TOKENIZER | LEMMATIZER


def test_the_file_is_read_once_for_attribution_and_identity() -> None:
    from sayso.identity import mentions, names, resolution, roles

    assert reporting_lexicon() == FILE
    assert reporting_lexicon() is reporting_lexicon()
    assert load_reporting_verbs()["titles"] is reporting_lexicon()["titles"]
    for module in (mentions, names, resolution, roles):
        assert module.reporting_lexicon is reporting_lexicon
        assert "load_json" not in vars(module)


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


@pytest.mark.parametrize("key", sorted(WORD_LISTS))
def test_a_word_list_says_what_it_is_for_and_holds_lowercase_words(key: str) -> None:
    assert key in LEXICON_KEYS
    table = FILE[key]
    assert set(table) == {"about", "words"} and table["about"].strip()
    assert table["words"] and all(isinstance(w, str) and w == w.lower().strip() for w in table["words"])


def test_the_rules_read_their_word_lists_from_the_lexicon(bare_nlp) -> None:
    """ "The mayor said little.": nothing said, unless a custom lexicon drops "little" from ``nothing_said``."""
    doc = Doc(
        bare_nlp.vocab, words=["The", "mayor", "said", "little", "."], spaces=[True, True, True, False, False],
        tags=["DT", "NN", "VBD", "JJ", "."], pos=["DET", "NOUN", "VERB", "ADJ", "PUNCT"],
        lemmas=["the", "mayor", "say", "little", "."], heads=[1, 2, 2, 2, 2], deps=["det", "nsubj", "ROOT", "dobj", "punct"],
    )
    lexicon = load_reporting_verbs()
    custom = {**lexicon, "nothing_said": {**lexicon["nothing_said"], "words": ["nothing"]}}
    assert [a["rule"] for a in find_attributions(doc, [], lexicon)] == []
    assert [(a["rule"], doc.text[slice(*a["content"])]) for a in find_attributions(doc, [], custom)] == [("indirect-answer", "little")]


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


def test_lexicon_an_assessment_is_a_judgement_not_speech(attributions_of):
    """"We assess with moderate confidence that …": an intelligence-style judgement is a belief,
    which reports list apart from what was said."""
    text = "We assess with moderate confidence that Iran will rebuild the sites. We judge that the risk is low."
    assert [a["cue_class"] for a in attributions_of(text)] == ["belief", "belief"]
