"""People, organisations, places and military formations, with their mentions and aliases merged.

Mentions come from the model's NER plus word rules for military formations, which the model
misses or splits ("1st" ORDINAL + "Guard Tank Army" ORG). The model's type is corrected where the
syntax contradicts it: an adjective is a NORP ("Ukrainian forces"), and a PERSON or NORP in a
place-like context ("in Kherson", "the Belgorod region", "south of Orikhiv"; for a name in the
small gazetteer ``data/gazetteer.v1.json`` also "to Kherson" or a list with other places) is a GPE. A formation rule wins over an entity it
overlaps; what is left of the entity before the formation is kept ("the Union State's Regional
Grouping of Forces" gives "Union State" and the formation). Mention text is cleaned (leading
"the", possessive "'s", trailing punctuation, glued footnote markers) by moving the offsets, so
``text[start:end]`` is always the mention.

Mentions are merged into one entity when they have the same normalised name, are listed together
in ``data/entity_aliases.json``, when an acronym is introduced in parentheses ("Regional Grouping
of Forces (RGV)"), when an acronym's letters are the initials of exactly one longer name, and for
people, when a single name is the surname of exactly one full name ("Lukashenko" -> "Alexander
Lukashenko"). The canonical name is the alias table's, else the longest form of the entity's type.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import IS_LOWER, LOWER, ORTH, SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from sayso.data import load_json
from sayso.doctext import ents_of, span_text, text_of
from sayso.hashsets import among, sorted_hashes

KEPT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")
# Tie-break when an entity's mentions disagree on its type, most specific first.
TYPE_PRIORITY = ("MILITARY_UNIT", "PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "LAW")
INITIALS_SKIP = {"of", "the", "for", "and", "on", "in", "de", "to", "&"}
_SPACES = re.compile(r"\s+")
ACRONYM_AFTER = re.compile(r"\s*\(\s*(?P<acronym>[A-Z][A-Za-z&-]*[A-Z])\s*\)")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    type: str


def _load(name: str) -> dict[str, Any]:
    return load_json(name, version=1)


@functools.lru_cache(maxsize=1)
def load_formations() -> dict[str, Any]:
    """The military-formation word lists of ``data/formations.json``."""
    return _load("formations.json")


@functools.lru_cache(maxsize=1)
def load_aliases() -> dict[str, str]:
    """Normalised alias -> canonical name, from ``data/entity_aliases.json``."""
    table = {}
    for canonical, aliases in _load("entity_aliases.json")["aliases"].items():
        for name in (canonical, *aliases):
            table[normalise(name)] = canonical
    return table


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Normalised place names and the place-context word lists of ``data/gazetteer.v1.json``."""
    data = _load("gazetteer.v1.json")
    context = {k: frozenset(v) for k, v in data["context"].items() if k != "about"}
    return frozenset(normalise(name) for name in data["places"]), context


@functools.lru_cache(maxsize=1)
def load_state_prefixes() -> re.Pattern[str]:
    """"republic of X" and the like, which name the same place as a bare "X"."""
    prefixes = _load("entity_aliases.json")["state_prefixes"]
    return re.compile(rf"^(?:{'|'.join(re.escape(p) for p in prefixes)}) (?P<name>.+)$")


@functools.lru_cache(maxsize=4096)
def normalise(name: str) -> str:
    """The key two mentions of one name share: case, dots, apostrophe style and "the" ignored.
    (Cached: merging asks again for every form of every entity.)"""
    key = name.casefold().replace("’", "'").replace(".", "")
    key = _SPACES.sub(" ", key).strip()
    return key.removeprefix("the ")


def find_entities(doc: Doc) -> list[dict[str, Any]]:
    """Entities in ``doc``, each with its canonical name, type, other names and mention spans."""
    text = text_of(doc)
    mentions = _mentions(doc, text)
    mentions = sorted(mentions + _introduced_acronyms(text, mentions), key=lambda m: m.start)
    return _merge(text, mentions)


# --- mentions -----------------------------------------------------------------------------------


def _mentions(doc: Doc, text: str) -> list[Mention]:
    formations = filter_spans(_formation_spans(doc))
    taken = {i for span in formations for i in range(span.start, span.end)}
    spans: list[tuple[Span, str]] = [(span, "MILITARY_UNIT") for span in formations]
    for ent in ents_of(doc):
        if ent.label_ not in KEPT_LABELS:
            continue
        free = [token.i for token in ent if token.i not in taken]
        if len(free) < len(ent):
            if not free or free[0] != ent.start:
                continue
            cut = next(i for i in range(ent.start, ent.end) if i in taken)
            spans.append((doc[ent.start : cut], ent.label_))
        else:
            spans.append((ent, ent.label_))
    spans = [(span, label if label == "MILITARY_UNIT" else _retyped(span, label)) for span, label in spans]
    mentions = []
    for span, label in spans:
        cleaned = _clean(text, span.start_char, span.end_char)
        if cleaned is None:
            continue
        start, end = cleaned
        name = text[start:end]
        if label != "MILITARY_UNIT" and not any(c.isupper() for c in name):
            continue  # proper names have capitals; "parameters" labelled EVENT is noise
        mentions.append(Mention(start, end, name, label))
    return sorted(mentions, key=lambda m: m.start)


def _retyped(span: Span, label: str) -> str:
    """The model's label, corrected where the syntax says otherwise: an adjective is a NORP
    ("Ukrainian forces"), and a PERSON or NORP in a place-like context is a GPE ("in Kherson",
    "the Belgorod region", "south of Orikhiv"; a gazetteer place also "to Kherson" or in a list
    with a GPE). The small model confuses these types; contexts are in ``gazetteer.v1.json``."""
    root = span.root
    if label in ("GPE", "LOC", "PERSON") and root.tag_.startswith("JJ"):
        return "NORP"
    if label not in ("PERSON", "NORP") or (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"):
        return label
    places, context = load_gazetteer()
    known = normalise(span_text(span)) in places
    anchor = root
    while anchor.dep_ == "conj" and anchor.head.i < anchor.i:  # the first item of a list
        if known and anchor.head.ent_type_ == "GPE":
            return "GPE"
        anchor = anchor.head
    head = anchor.head
    if anchor.dep_ == "pobj":
        preposition = head.lower_
        if preposition in context["locative"] or (known and preposition in context["gazetteer_prepositions"]):
            return "GPE"
        if preposition == "of" and _word(head.head) & (context["place_nouns"] | context["direction_nouns"]):
            return "GPE"
    if anchor.dep_ == "compound" and _word(head) & context["place_nouns"]:
        return "GPE"
    return label


def _word(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets without a leading "the", a possessive, footnote markers or edge punctuation."""
    bracket = text.find("[", start, end)
    if bracket != -1:
        end = bracket
    while end > start:
        piece = text[start:end]
        if re.search(r"['’]s$", piece):
            end -= 2
        elif piece[-1] in "’'" and len(piece) > 1 and piece[-2] in "sS":
            end -= 1
        elif piece[-1].isspace() or piece[-1] in ".,;:!?\"”)—–-":
            if piece[-1] == "." and re.search(r"\b[A-Z]\.[A-Z]\.$", piece):
                break  # "U.S." keeps its last dot
            end -= 1
        elif piece[0].isspace() or piece[0] in "\"“‘'(":
            start += 1
        elif re.match(r"the(\s|$)", piece, re.IGNORECASE):
            start += 3
        else:
            break
    return (start, end) if end > start else None


ORDINAL_SUFFIX = re.compile(r"^\d{1,3}(st|nd|rd|th)$")


def _formation_spans(doc: Doc) -> list[Span]:
    """Formation matches; a named or theatre formation ("Azov Regiment", "Black Sea Fleet") is
    matched on its last words and grown leftwards over the capitalised name before them."""
    spans = []
    for kind, start, end in formation_rules()(doc):
        if kind == "ORDINAL" and not (doc[start].is_title or ORDINAL_SUFFIX.match(doc[start].text)):
            continue
        if kind in ("NAMED", "THEATRE"):
            start = _name_start(doc, start, proper_only=kind == "NAMED")
            if start is None:
                continue
        spans.append(Span(doc, start, end, label="MILITARY_UNIT"))
    return spans


def _name_start(doc: Doc, anchor: int, proper_only: bool) -> int | None:
    """Where the capitalised name ending just before token ``anchor`` starts, or None."""
    tags = ("PROPN",) if proper_only else ("PROPN", "ADJ", "NOUN")
    start = anchor
    while start > 0 and (word := doc[start - 1]).is_title and word.pos_ in tags and word.lower_ != "the":
        start -= 1
    return start if start < anchor else None


class FormationRules:
    """The formation rules of ``formations.json``, matched in one pass over the Doc's attribute
    arrays: a token's form looks up the rules that could start at it, and only those are tried.
    (spaCy's ``Matcher`` walked every rule, qualifier loops included, at every token: most of the
    entities component's time.) The matches are the ``Matcher``'s and ``PhraseMatcher``'s: every
    ``(kind, start, end)``, a qualifier run taken at each length that reaches a unit word."""

    def __init__(self, data: dict[str, Any]) -> None:
        words = lambda key: frozenset(get_string_id(w) for w in data[key])  # noqa: E731
        self.ordinal_shapes = frozenset(get_string_id(s) for s in ("dxx", "ddxx", "dddxx"))
        self.ordinal_words, self.qualifiers, self.units = words("ordinal_words"), words("qualifiers"), words("unit_words")
        self.named, self.heads = words("named_unit_words"), words("generic_heads")
        # first word's hash -> [(kind, the phrase's word hashes)]: theatre phrases and named forces by
        # form, generic branches ("motor rifle", then a head such as "troops") by lowercase form
        self.by_form: dict[int, list[tuple[str, tuple[int, ...]]]] = {}
        for kind, key in (("THEATRE", "theatre_phrases"), ("FORCE", "named_forces")):
            for phrase in data[key]:
                hashes = tuple(get_string_id(w) for w in phrase.split())
                self.by_form.setdefault(hashes[0], []).append((kind, hashes))
        self.by_lower: dict[int, list[tuple[int, ...]]] = {}
        for branch in data["generic_branches"]:
            hashes = tuple(get_string_id(w) for w in branch.split())
            self.by_lower.setdefault(hashes[0], []).append(hashes)
        # the words a match can start at, as arrays: most tokens are ruled out in one numpy pass
        self._first_forms = sorted_hashes(self.ordinal_words | self.named | set(self.by_form))
        self._ordinal_shapes = sorted_hashes(self.ordinal_shapes)
        self._first_lowers = sorted_hashes(self.by_lower)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        array = doc.to_array([ORTH, LOWER, SHAPE, IS_LOWER])
        could_start = (
            among(array[:, 0], self._first_forms)
            | among(array[:, 2], self._ordinal_shapes)
            | (among(array[:, 1], self._first_lowers) & (array[:, 3] != 0))
        )
        starts = np.flatnonzero(could_start).tolist()
        if not starts:
            return []
        # columns, not a list per token: most tokens are never read again
        forms, lowers, shapes, is_lowers = array.T.tolist()
        found = []
        for i in starts:
            form, lower, shape, is_lower = forms[i], lowers[i], shapes[i], is_lowers[i]
            if shape in self.ordinal_shapes or form in self.ordinal_words:  # "1st" qualifiers* unit
                for j in range(i + 1, len(forms)):
                    if forms[j] in self.units:
                        found.append(("ORDINAL", i, j + 1))
                    if forms[j] not in self.qualifiers:
                        break
            if form in self.named:
                found.append(("NAMED", i, i + 1))
            for kind, phrase in self.by_form.get(form, ()):
                if tuple(forms[i : i + len(phrase)]) == phrase:
                    found.append((kind, i, i + len(phrase)))
            for branch in self.by_lower.get(lower, ()) if is_lower else ():
                end = i + len(branch)
                if end < len(forms) and all(lowers[k] == w and is_lowers[k] for k, w in zip(range(i, end), branch)) \
                        and lowers[end] in self.heads:
                    found.append(("GENERIC", i, end + 1))
        return found


@functools.lru_cache(maxsize=1)
def formation_rules() -> FormationRules:
    return FormationRules(load_formations())


def _introduced_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Every use of an acronym introduced as "Long Name (ACR)" that NER did not tag, as a mention
    with the long name's type (the model often misses short capitals like "RGV")."""
    covered = [(m.start, m.end) for m in mentions]
    found = []
    for mention in mentions:
        match = ACRONYM_AFTER.match(text, mention.end)
        if not (match and len(mention.text.split()) > 1):
            continue
        for use in re.finditer(rf"\b{re.escape(match['acronym'])}\b", text):
            if not any(s < use.end() and use.start() < e for s, e in covered):
                covered.append(use.span())
                found.append(Mention(use.start(), use.end(), use.group(), mention.type))
    return found


# --- merging ------------------------------------------------------------------------------------


class _Clusters:
    """Union-find over normalised names."""

    def __init__(self, keys: list[str]) -> None:
        self.parent = {key: key for key in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _key(mention: Mention) -> str:
    key = normalise(mention.text)
    canonical = load_aliases().get(key)
    return normalise(canonical) if canonical else key


def _merge(text: str, mentions: list[Mention]) -> list[dict[str, Any]]:
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_key.setdefault(_key(mention), []).append(mention)
    types = {key: _vote([m.type for m in group]) for key, group in by_key.items()}
    clusters = _Clusters(list(by_key))

    for mention in mentions:  # "Long Name (ACR)"
        match = ACRONYM_AFTER.match(text, mention.end)
        if match and len(mention.text.split()) > 1:
            acronym = normalise(match["acronym"])
            if acronym in by_key:
                clusters.union(acronym, _key(mention))
    long_names = [k for k in by_key if len(k.split()) > 1]
    for key, group in by_key.items():  # "EU" = "European Union" when only one name fits
        surface = group[0].text.replace(".", "")
        if surface.isupper() and 2 <= len(surface) <= 6:
            fits = [k for k in long_names if _initials(k) == key and types[k] != "PERSON"]
            if len(fits) == 1:
                clusters.union(key, fits[0])
    for key in by_key:  # "Republic of Belarus" = "Belarus"
        match = load_state_prefixes().match(key)
        if match and types[key] == "GPE" and match["name"] in by_key:
            clusters.union(key, match["name"])
    people = [k for k in by_key if types[k] == "PERSON" and len(k.split()) > 1]
    for key in by_key:  # "Lukashenko" = "Alexander Lukashenko" when only one person fits
        if len(key.split()) == 1 and types[key] in ("PERSON", "ORG"):
            fits = {clusters.find(k) for k in people if k.split()[-1] == key}
            if len(fits) == 1:
                clusters.union(key, fits.pop())
    for a in people:  # "Vladimir Putin" = "Vladimir V. Putin"
        for b in people:
            if a < b and a.split()[0] == b.split()[0] and a.split()[-1] == b.split()[-1]:
                clusters.union(a, b)

    grouped: dict[str, list[Mention]] = {}
    for key, group in by_key.items():
        grouped.setdefault(clusters.find(key), []).extend(group)
    entities = [_entity(group) for group in grouped.values()]
    return sorted(entities, key=lambda e: e["mentions"][0][0])


def _vote(types: list[str]) -> str:
    if "MILITARY_UNIT" in types:
        return "MILITARY_UNIT"
    counts = Counter(types)
    return max(counts, key=lambda t: (counts[t], -TYPE_PRIORITY.index(t)))


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in INITIALS_SKIP)


def _entity(group: list[Mention]) -> dict[str, Any]:
    group = sorted(group, key=lambda m: m.start)
    entity_type = _vote([m.type for m in group])
    forms = Counter(m.text for m in group)
    canonical = next((load_aliases()[normalise(f)] for f in forms if normalise(f) in load_aliases()), None)
    if canonical is None:
        typed = [m.text for m in group if m.type == entity_type] or [m.text for m in group]
        bare = [f for f in typed if not load_state_prefixes().match(normalise(f))]
        typed = bare or typed
        canonical = max(dict.fromkeys(typed), key=lambda f: (len(f.split()), forms[f]))
    aliases = [f for f in dict.fromkeys(m.text for m in group) if f != canonical]
    return {
        "name": canonical,
        "type": entity_type,
        "aliases": aliases,
        "mentions": [[m.start, m.end] for m in group],
    }
