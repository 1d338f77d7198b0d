"""The estimative lexicon's word patterns, matched in one pass over the Doc's attribute arrays.

Every pattern but the fixed word sequences ("looks set to", "remains to be seen") and confidence
levels is one token long ("likely", a modal tagged MD, the lemma "assess" as a verb). spaCy's
``Matcher`` walks a state machine for every pattern at every token, which cost more
than the rest of the estimative component together; here a token's lowercase form and lemma look
up the patterns that could match it, and only those are checked. The matches and their order are
the ``Matcher``'s: by token, then in the order the patterns are listed, each label once per span.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from sayso.hashsets import among, sorted_hashes


@dataclass(frozen=True, slots=True)
class TokenPattern:
    """One token whose lowercase form (or lemma) is one of ``words``, with a part of speech in
    ``pos`` and tag ``tag`` where these are given."""

    label: str
    by_lemma: bool
    words: tuple[str, ...]
    pos: tuple[str, ...] = ()
    tag: str | None = None


def token_patterns(lex: dict[str, Any]) -> list[TokenPattern]:
    """The one-token patterns, in the order the finder lists its labels."""
    judgement, unknown, shifts, looks = lex["judgement"], lex["uncertainty"], lex["shifts"], lex["appearance"]
    cap = lex["capacity"]
    return [
        TokenPattern("WORD", False, tuple(lex["words"])),
        TokenPattern("MODAL", False, tuple(lex["modals"]), tag="MD"),
        TokenPattern("JUDGE_VERB", True, tuple(judgement["verbs"]), ("VERB", "NOUN")),
        TokenPattern("JUDGE_NOUN", True, tuple(judgement["nouns"]), ("NOUN",)),
        TokenPattern("JUDGE_ADJ", False, tuple(judgement["adjectives"]), ("ADJ", "VERB")),
        TokenPattern("JUDGE_ADV", False, tuple(judgement["adverbs"]), ("ADV",)),
        TokenPattern("UNKNOWN", False, (*unknown["adjectives"], *unknown["negated_adjectives"])),
        TokenPattern("UNKNOWN", False, ("known",), tag="VBN"),
        TokenPattern("UNKNOWN", True, tuple(unknown["nouns"]), ("NOUN",)),
        TokenPattern("INFEASIBLE", False, tuple(unknown["infeasible"]), ("ADJ",)),
        TokenPattern("CANNOT", True, tuple(unknown["cognition"]), ("VERB",)),
        TokenPattern("SHIFT", True, (*shifts["up"], *shifts["down"]), ("VERB",)),
        TokenPattern("APPEAR", True, tuple(looks["verbs"])),
        TokenPattern("SEEMINGLY", False, tuple(looks["adverbs"])),
        TokenPattern("POTENTIAL", False, tuple(looks["nouns"]), ("NOUN", "ADJ")),
        TokenPattern("POTENTIAL", True, tuple(looks["existential"]), ("NOUN",)),
        TokenPattern("CAPACITY", True, (cap["afford"].split()[-1], *cap["have_verbs"], *cap["lack_verbs"]), ("VERB", "AUX")),
        TokenPattern("THREAT", True, tuple(lex["threat"]["nouns"]), ("NOUN",)),
        TokenPattern("ODDS", False, tuple(lex["odds"]["predicates"]), ("ADJ", "ADV")),
        TokenPattern("ODDS_ARE", False, tuple(lex["odds"]["are_nouns"]), ("NOUN",)),
        TokenPattern("RULE_OUT", True, tuple(lex["rule_out"]["verbs"]), ("VERB",)),
        TokenPattern("OUT_OF", True, tuple(lex["rule_out"]["out_of"]), ("NOUN",)),
    ]


class WordPatterns:
    """The lexicon's patterns indexed by the word (hash) a token must carry to match them."""

    def __init__(self, lex: dict[str, Any]) -> None:
        # word hash -> [(pattern index, label, POS ids, tag hash)], for the lowercase form and the lemma
        self._by_lower: dict[int, list[tuple[int, str, frozenset[int], int | None]]] = {}
        self._by_lemma: dict[int, list[tuple[int, str, frozenset[int], int | None]]] = {}
        for n, p in enumerate(token_patterns(lex)):
            index = self._by_lemma if p.by_lemma else self._by_lower
            entry = (n, p.label, frozenset(POS_IDS[t] for t in p.pos), get_string_id(p.tag) if p.tag else None)
            for word in dict.fromkeys(p.words):
                index.setdefault(get_string_id(word), []).append(entry)
        # fixed sequences of lowercase words ("looks set to", "remains to be seen"), by their first word;
        # "high confidence": a level, then a noun's lemma
        self._sequences: dict[int, list[tuple[str, tuple[int, ...]]]] = {}
        for label, sequences in (("LOOKSET", lex["appearance"]["fixed"]), ("UNSEEN", lex["uncertainty"]["fixed"])):
            for words in sequences:
                key = tuple(get_string_id(w) for w in words)
                self._sequences.setdefault(key[0], []).append((label, key))
        conf = lex["confidence"]
        self._levels = {get_string_id(w) for w in conf["levels"]}
        self._confidence_nouns = {get_string_id(w) for w in conf["nouns"]}
        self._lower_keys = sorted_hashes({*self._by_lower, *self._sequences, *self._levels})
        self._lemma_keys = sorted_hashes(self._by_lemma)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """``(label, start, end)`` of every match, ordered as spaCy's ``Matcher`` reports them
        among matches that start at the same token: one-token patterns first, in list order."""
        array = doc.to_array([LOWER, LEMMA, POS, TAG])
        could_match = among(array[:, 0], self._lower_keys) | among(array[:, 1], self._lemma_keys)
        candidates = np.flatnonzero(could_match).tolist()  # most tokens are ruled out in one numpy pass
        if not candidates:
            return []
        found: list[tuple[str, int, int]] = []
        # only the candidates' rows become Python lists (a list per token of the Doc cost more than the matching)
        for i, (lower, lemma, pos, tag) in zip(candidates, array[candidates].tolist()):
            hits = [*self._by_lower.get(lower, ()), *self._by_lemma.get(lemma, ())]
            if hits:
                labels = [label for _, label, p, t in sorted(hits) if (not p or pos in p) and (t is None or t == tag)]
                found += [(label, i, i + 1) for label in dict.fromkeys(labels)]
            for label, key in self._sequences.get(lower, ()):
                if tuple(array[i : i + len(key), 0].tolist()) == key:
                    found.append((label, i, i + len(key)))
            if lower in self._levels and i + 1 < len(array) and int(array[i + 1, 1]) in self._confidence_nouns:
                found.append(("CONFIDENCE", i, i + 2))
        return found
