"""Indexes that let spaCy's rule-based pipes find their rules without a scan: the attribute ruler's
patterns looked up from each token's values, and the lemmatizer's word lists held as sets.

The attribute ruler (the model's tag map and its exceptions, and sayso's verb-lemma fixes):
spaCy's ``Matcher`` tries each of its ~180 patterns at every token, and its regular expressions
and IN / NOT_IN sets through a Python call per token: about 1.5 s CPU of the 17 s an article
batch takes (84 PolNeAR dev articles), more than all of sayso's own steps. Nearly every pattern
asks one token for fixed values (a tag, a lowercase form, a dependency label): those are found by
one dictionary lookup per combination of attributes asked about. The dozen others (two tokens, a
regular expression, a NOT_IN) are tested on the Doc's attribute columns at once; a pattern of any
other shape (an operator, a comparison) stays with a ``Matcher`` of its own. The matches, and so
the annotations, are the ruler's own: the same tuples, in the same order.

The rule lemmatizer asks whether each form its suffix rules make is a known word of the part of
speech (``form in index``), and the model ships those words as lists (57,528 nouns): a scan per
form, for every word not yet in its cache. A set answers the same at once.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from sayso.hashsets import among, sorted_hashes

# Attributes whose Matcher test is plain equality with the Doc's array value: strings stored as
# hashes, and lexical flags stored as 0 or 1.
STRING_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "LEMMA", "TAG", "DEP"})
FLAG_ATTRS = frozenset(
    {"IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "LIKE_NUM"}
)

Match = tuple[int, int, int, int]  # (rule number, match id, start, end), as AttributeRuler.match gives


class IndexedRules:
    """``AttributeRuler.match`` for ``ruler``, read through an index of its one-token patterns;
    rebuilt when rules are added or the ruler's matcher is replaced."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self._build()

    def _build(self) -> None:
        ruler, strings = self.ruler, self.ruler.vocab.strings
        self._matcher, self._size = ruler.matcher, len(ruler.attrs)
        # attribute ids -> their values -> the (rule number, match id) pairs of the rules that ask for them
        tables: dict[tuple[int, ...], dict[tuple[int, ...], set[tuple[int, int]]]] = defaultdict(
            lambda: defaultdict(set)
        )
        self.sequences: list[tuple[int, int, list[list[Test]]]] = []
        self.rest = Matcher(ruler.vocab, validate=False)
        self.rule_of: dict[int, int] = {}
        for number in range(self._size):
            key = str(number)
            match_id = strings.add(key)
            self.rule_of[match_id] = number
            for pattern in ruler.matcher.get(key)[1]:
                sequence = _sequence(pattern, strings)
                if sequence is None:
                    self.rest.add(key, [pattern])
                elif len(sequence) == 1 and all(kind in ("==", "IN") for _, kind, _ in sequence[0]):
                    attrs = tuple(sorted(attr for attr, _, _ in sequence[0]))
                    wanted = {attr: values.tolist() for attr, _, values in sequence[0]}
                    for values in itertools.product(*(wanted[attr] for attr in attrs)):
                        tables[attrs][values].add((number, match_id))
                else:
                    self.sequences.append((number, match_id, sequence))
        self.tables = [
            (attrs, sorted_hashes({values[0] for values in table}), {v: tuple(r) for v, r in table.items()})
            for attrs, table in tables.items()
        ]
        used = {attr for attrs, _, _ in self.tables for attr in attrs}
        used.update(attr for *_, sequence in self.sequences for tests in sequence for attr, _, _ in tests)
        self.columns = sorted(used)

    def __call__(self, doc: Doc) -> list[Match]:
        if self.ruler.matcher is not self._matcher or len(self.ruler.attrs) != self._size:
            self._build()
        found: set[Match] = set()
        if len(doc) and self.columns:
            array = doc.to_array(self.columns).reshape(len(doc), len(self.columns))
            column = {attr: array[:, k] for k, attr in enumerate(self.columns)}
            for attrs, firsts, table in self.tables:
                at = np.flatnonzero(among(column[attrs[0]], firsts))  # the tokens some rule could match
                rows = zip(*(column[attr][at].tolist() for attr in attrs))
                for i, values in zip(at.tolist(), rows):
                    for number, match_id in table.get(values, ()):
                        found.add((number, match_id, i, i + 1))
            for number, match_id, sequence in self.sequences:
                for i in _starts(sequence, column, len(doc), doc.vocab.strings):
                    found.add((number, match_id, i, i + len(sequence)))
        if len(self.rest):
            matches = self.rest(doc, allow_missing=True, as_spans=False)
            found.update((self.rule_of[match_id], match_id, start, end) for match_id, start, end in matches)
        return sorted(found)


# One test of one token: (attribute id, "==" | "IN" | "NOT_IN" | "REGEX", sorted hashes or a regex).
Test = tuple[int, str, Any]


def _sequence(pattern: list[dict[str, Any]], strings: Any) -> list[list[Test]] | None:
    """A pattern as one list of tests per token, or None for a pattern of a shape this module does
    not read (an operator, a comparison, a custom attribute): the Matcher keeps those."""
    sequence = []
    for token in pattern:
        tests = []
        for name, wanted in token.items():
            name = "ORTH" if name == "TEXT" else name
            if name in FLAG_ATTRS and isinstance(wanted, bool):
                tests.append((IDS[name], "==", sorted_hashes([int(wanted)])))
            elif name not in STRING_ATTRS:
                return None
            elif isinstance(wanted, str):
                tests.append((IDS[name], "==", sorted_hashes([strings.add(wanted)])))
            elif not isinstance(wanted, dict) or len(wanted) != 1:
                return None
            elif "REGEX" in wanted and isinstance(wanted["REGEX"], str):
                tests.append((IDS[name], "REGEX", re.compile(wanted["REGEX"])))
            elif [*wanted] in (["IN"], ["NOT_IN"]) and all(isinstance(v, str) for v in [*wanted.values()][0]):
                [(kind, values)] = wanted.items()
                tests.append((IDS[name], kind, sorted_hashes(strings.add(value) for value in values)))
            else:
                return None
        if not tests:
            return None
        sequence.append(tests)
    return sequence or None


def _starts(
    sequence: list[list[Test]], column: dict[int, np.ndarray], length: int, strings: Any
) -> list[int]:
    """The tokens at which ``sequence`` matches (each of its tokens passes all of its tests); the
    regular expressions are tried last, on the distinct words still in the running."""
    span = len(sequence)
    if span > length:
        return []
    ok = np.ones(length - span + 1, dtype=bool)
    for last in (False, True):
        for offset, tests in enumerate(sequence):
            for attr, kind, wanted in tests:
                if (kind == "REGEX") != last:
                    continue
                values = column[attr][offset : length - span + 1 + offset]
                if kind == "REGEX":
                    distinct = np.unique(values[ok])
                    wanted = distinct[[bool(wanted.search(strings[value])) for value in distinct.tolist()]]
                inside = among(values, wanted)
                ok &= ~inside if kind == "NOT_IN" else inside
    return np.flatnonzero(ok).tolist()


def index_attribute_ruler(nlp: Language) -> None:
    """Have the pipeline's attribute ruler find its matches through ``IndexedRules``."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.match = IndexedRules(ruler)


def index_lemma_tables(nlp: Language) -> None:
    """Have the rule lemmatizer's known words of each part of speech answer ``form in words`` from a
    set (it asks nothing else of them); they stay lists, so the pipe still saves as before."""
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            table = lookups.get_table("lemma_index")
            for pos in list(table):
                table[pos] = KnownWords(table[pos])


class KnownWords(list):
    """A list of words that answers membership from a set of them, built once: never changed after."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self.members = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self.members
