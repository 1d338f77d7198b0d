"""Names in a parse: the person or organisation a subject, an "according to" or a proper-noun run
stands for, as a span of the Doc (so a caller can take its text or its offsets)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from sayso.voices.rules import Rules

NAMED_SPEAKERS = ("PERSON", "ORG")
FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
# How a common-noun subject names its source: "spokesman, Mykola Danylenko" (appos), "ISW's update"
# (poss), "the Meduza correspondent" (compound): the entity, or the proper-noun run when NER missed
# it ("the Critical Threats team"); "the Israeli military" (amod) and "Poland's Foreign Ministry"
# (a place's institution, also when NER tags the institution alone): the phrase.
_NAMING_DEPS = frozenset({"appos", "poss", "compound", "nmod", "amod"})
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
_LEAD_WORDS = frozenset({"via", "quoting", "from", "by", "per", "according", "as"})


def entity_of(token: Token) -> Span | None:
    """The named entity ``token`` is part of, read off its IOB tags (``doc.ents`` builds a tuple of
    every entity on each read)."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return without_lead_words(Span(doc, start, end, label=token.ent_type_))


def without_lead_words(name: Span) -> Span:
    """``name`` without the lead-in words the parser took into it at the start of a sentence ("Via
    Ben Thompson", "Quoting Jane Roe"): no name opens with them."""
    start = name.start
    while start < name.end - 1 and name.doc[start].lower_ in _LEAD_WORDS:
        start += 1
    return Span(name.doc, start, name.end, label=name.label)


def first_speaker(
    candidates: Sequence[Token] | Span,
    verbs: frozenset[str] | None,
    rules: Rules,
    labels: Sequence[str] | frozenset[str],
) -> Span | None:
    """The first named subject of one of ``verbs`` (any verb when None), or after "according to"."""
    for t in candidates:
        if t.dep_ == "nsubj" and (verbs is None or t.head.lemma_ in verbs):
            subjects = [_speaker_subject(t), *t.conjuncts]
        elif t.lower_ == "according":
            subjects = [c for to in t.children if to.lower_ == "to" for c in to.children if c.dep_ == "pobj"]
            # "according to Ars Technica": a name NER missed counts here, where only a source can stand
            missed = [name for s in subjects if entity_of(s) is None and (name := opening_name(s)) is not None]
            if missed and preferred_entity(subjects, rules, labels) is None:
                return missed[0]
        else:
            continue
        name = preferred_entity(subjects, rules, labels)
        if name is not None:
            return name
    return None


def _speaker_subject(subject: Token) -> Token:
    """The subject that names who reports: the one after the verb when the parser gave an inverted
    report two ("The Republican Party, says Levy, …"), the noun a relative "who" stands for
    ("Dennis Prager, who declares that …")."""
    verb = subject.head
    inverted = next((t for t in verb.rights if t.dep_ == "nsubj"), None)
    if inverted is not None and subject.i < verb.i:
        return inverted
    if subject.lower_ == "who" and verb.dep_ == "relcl":
        return verb.head
    return subject


def preferred_entity(subjects: list[Token], rules: Rules, labels: Sequence[str] | frozenset[str]) -> Span | None:
    """The name of the best-ranked subject: its entity, or a named appositive or modifier of it."""
    order = {label: i for i, label in enumerate(rules.label_preference)}
    unnamed = len(order)  # a proper name NER missed ranks after every labelled entity
    named: list[tuple[int, Span]] = []
    for s in subjects:
        entity = entity_of(s)
        if entity is not None and entity.label_ in labels:
            named.append((order.get(entity.label_, unnamed), with_place(entity, s)))
            continue
        if s.pos_ not in ("NOUN", "PROPN"):
            continue
        for m in (*(c for c in s.rights if c.dep_ == "appos"), *s.lefts):
            if m.dep_ not in _NAMING_DEPS:
                continue
            entity = entity_of(m)
            if entity is None and m.pos_ == "PROPN" and s.pos_ == "NOUN":
                named.append((unnamed, proper_run(m)))
            if entity is None or entity.label_ not in labels:
                continue
            rank = order.get(entity.label_, unnamed)
            phrase = m.dep_ == "amod" or (m.dep_ == "poss" and entity.label_ in _PLACE_LABELS)
            named.append((rank, s.doc[m.left_edge.i : s.i + 1] if phrase else entity))
    return min(named, key=lambda n: (n[0], n[1].text))[1] if named else None


def with_place(entity: Span, subject: Token) -> Span:
    """An institution's name with the place that owns it: "Poland's Foreign Ministry", not
    "Foreign Ministry" (NER tags the two apart; without the place the name is ambiguous)."""
    if entity.label_ != "ORG":
        return entity
    owners = [
        m
        for m in subject.lefts
        if m.i < entity.start and m.dep_ in ("poss", "amod", "compound")
        and (place := entity_of(m)) is not None and place.label_ in _PLACE_LABELS
    ]
    return subject.doc[owners[0].left_edge.i : entity.end] if owners else entity


def proper_run(token: Token) -> Span:
    """A proper name NER missed, ending at ``token``: its proper nouns and inner hyphens
    ("the Critical Threats team" → "Critical Threats", "the UN Secretary-General's office" →
    "UN Secretary-General")."""
    doc, start = token.doc, token.i
    own = {t.i for t in token.subtree}
    while start - 1 in own and (
        doc[start - 1].pos_ == "PROPN" or (doc[start - 1].text in ("-", "\u2013") and start - 2 in own)
    ):
        start -= 1
    return doc[start : token.i + 1]


def opening_name(proper: Token) -> Span | None:
    """The capitalised proper name NER missed that ends at ``proper``, when it opens its phrase
    ("Manjoo", "the FiveThirtyEight"); "Some High-Risk Practices", "the new Act" are no one's name."""
    if proper.pos_ != "PROPN" or not proper.text[:1].isupper():
        return None
    run = proper_run(proper)
    opening = proper.left_edge.i + (proper.doc[proper.left_edge.i].lower_ == "the")
    return run if run.start == opening else None


def clean_name(name: str) -> str:
    """A name as a source: without a trailing possessive or a leading "the"."""
    name = re.sub(r"[\u2019']s?$", "", name.strip())
    return re.sub(r"^(?:the|The)\s+", "", name)
