"""Learned cue admission: verbs outside the lexicon that report a clause, judged in their context.

PolNeAR annotates many more cues than the lexicon holds ("ruled that", "questioned whether",
"it appeared that", "is hoping that", a typo's "streesed that"). A lemma alone is a poor signal
("made sure that", "means that" mostly report nothing), so a logistic model reads each verb
outside the lexicon with a clausal complement, in its context: its lemma, dependency and tag, the
shape of its subject and complements (with the lemma), its head, negation and modality, whether it
sits in a report already. A verb it admits goes through the rules' own machinery
(``indirect.cue_verb_report``): the content is its clause, the speaker its subject.

Only clausal complements, and only lemmas the lexicon lacks: the verbs with an object or an
infinitive ("supported the bill", "refused to testify") are cues in PolNeAR but not in GUM's
discourse annotation, and no threshold measured on the train sets admitted them without lowering
GUM; a lexicon lemma the rules turned down was turned down by a rule measured on its own. An admitted
lemma is a ``belief`` cue: a stance or judgement its subject holds, as the lexicon's stance verbs
are, so speech (what search and the reader show by default) gains nothing the lexicon did not
vouch for. The weights (``cue-admission.json``: feature weights, bias, threshold) are written by
``sayso train cue-admission`` from PolNeAR train and GUM Wikinews train.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, HEAD, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from sayso.attribution import indirect
from sayso.attribution.context import Context
from sayso.attribution.grammar import CLAUSE_DEPS, SUBJECT_DEPS, message_like
from sayso.attribution.quotes import quote_at
from sayso.hashsets import among, sorted_hashes

WEIGHTS_FILE = "cue-admission.json"
NEW_LEMMA_CLASS = "belief"
VERB = POS_IDS["VERB"]
THIRD_PERSON = {"he", "she", "they"}
FIRST_SECOND_PERSON = {"i", "we", "you"}  # unquoted, a transcript's or the writer's own voice


@dataclass(frozen=True, slots=True)
class Weights:
    """A logistic model over named indicator features, and the probability it admits at."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: list[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))


@lru_cache(maxsize=1)
def shipped() -> Weights:
    from sayso.models import weights_path

    data = json.loads(weights_path(WEIGHTS_FILE).read_text(encoding="utf-8"))
    return Weights(data["weights"], data["bias"], data["threshold"])


def candidates(ctx: Context) -> list[Token]:
    """The verbs outside the lexicon with a clausal complement, outside quotation marks (as the rules'
    cue verbs) and outside the cues the rules found ("according to")."""
    cues = [c.cue for c in ctx.candidates if c.cue is not None]
    return [
        t for t in (ctx.doc[i] for i in _clause_heads(ctx.doc))
        if t.i not in ctx.cue_verbs and t.dep_ != "amod"
        and t.lemma_.lower() not in ctx.lexicon["classes"]
        and quote_at(t.idx, ctx.quotes) is None
        and not any(start <= t.idx < end for start, end in cues)
    ]


def _clause_heads(doc: Doc) -> list[int]:
    """The verbs a clausal complement hangs on, read off the Doc's arrays (a Token is made only for them)."""
    array = doc.to_array([POS, DEP, HEAD])  # uint64: HEAD is the head's offset, negative ones wrapped
    clauses = np.flatnonzero(among(array[:, 1], sorted_hashes(doc.vocab.strings[d] for d in CLAUSE_DEPS)))
    heads = np.unique(clauses + array[clauses, 2].astype(np.int64))
    return heads[array[heads, 0] == VERB].tolist()


def _subject_kind(ctx: Context, verb: Token) -> str:
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return "none"
    lemma = subject.lemma_.lower()
    if subject.lower_ in THIRD_PERSON:
        return "pron-3"
    if subject.lower_ in FIRST_SECOND_PERSON:
        return "pron-12"
    if subject.pos_ == "PRON":
        return "pron-" + subject.lower_
    if subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return "ent-" + subject.ent_type_
    if lemma in ctx.lexicon["speaker_nominals"] or lemma in ctx.lexicon["org_words"]:
        return "nominal"
    if lemma in ctx.lexicon["evidence_subjects"]:
        return "evidence"
    return "other-" + subject.pos_


def _complement_kinds(verb: Token) -> list[str]:
    kinds = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp"):
            marks = [m.lower_ for m in c.children if m.dep_ in ("mark", "aux") and m.i < c.i]
            kinds.append(c.dep_ + "-" + (marks[0] if marks else "bare"))
        elif c.dep_ == "dobj":
            person = c.ent_type_ == "PERSON" or c.lower_ in ("him", "her", "them", "me", "us")
            kinds.append("dobj-" + ("person" if person else "message" if message_like(c) else c.pos_))
        elif c.dep_ == "prep":
            kinds.append("prep-" + c.lower_)
    return kinds


def features(ctx: Context, verb: Token) -> list[str]:
    """The indicator features of a candidate verb in its context."""
    lemma = verb.lemma_.lower()
    subject = _subject_kind(ctx, verb)
    comps = _complement_kinds(verb)
    head = verb.head
    out = [
        "lemma=" + lemma, "dep=" + verb.dep_, "tag=" + verb.tag_,
        "subj=" + subject, "lemma|subj=" + lemma + "|" + subject, "lemma|dep=" + lemma + "|" + verb.dep_,
        "head=" + (head.lemma_.lower() if head.i != verb.i else "ROOT"),
        "headcue=" + str(head.i in ctx.cue_verbs), "inreport=" + str(any(a <= verb.idx < b for a, b in ctx.contents)),
    ]
    for kind in comps:
        out += ["comp=" + kind, "lemma|comp=" + lemma + "|" + kind]
    for c in verb.children:
        if c.dep_ in ("neg", "auxpass", "prt"):
            out.append(c.dep_ + "=" + c.lower_)
        elif c.dep_ == "aux" and c.tag_ == "MD":
            out.append("modal")
    return out


@contextmanager
def _as_cue(ctx: Context, verb: Token) -> Iterator[None]:
    """The context with ``verb``'s lemma a belief cue for the rules, for the length of the block."""
    lexicon = ctx.lexicon
    ctx.lexicon = {**lexicon, "classes": {**lexicon["classes"], verb.lemma_.lower(): NEW_LEMMA_CLASS}}
    try:
        yield
    finally:
        ctx.lexicon = lexicon


def admitted_cues(ctx: Context, weights: Weights | None = None) -> None:
    """Report through every candidate verb the model admits (after all the sentence rules, so a
    content they found stays theirs)."""
    weights = weights or shipped()
    for verb in candidates(ctx):
        if weights.probability(features(ctx, verb)) >= weights.threshold:
            with _as_cue(ctx, verb):
                indirect.cue_verb_report(ctx, verb)
