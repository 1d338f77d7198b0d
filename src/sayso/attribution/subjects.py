"""Who performs a cue verb: its subject, or the subject of the verb a participle, conjunct or
infinitive hangs from; a passive cue's agent; the issuer of a message that "says"."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from sayso.attribution.cues import is_cue_verb
from sayso.attribution.grammar import (
    SUBJECT_DEPS,
    asker_unnamed,
    by_whom,
    controller,
    has_contracted,
    noun_infinitive,
    subject_set_off,
)
from sayso.attribution.quotes import QUOTE_CHARS


def subject_of(verb: Token, lexicon: dict[str, Any]) -> Token | None:
    """The verb's subject, or that of the verb it hangs from ("…, saying that …", "and added …")."""
    if asker_unnamed(verb):
        return None
    asker = by_whom(verb) if verb.tag_ == "VBN" and verb.dep_ == "advcl" else None
    if asker is not None:
        return asker  # "Asked by the host whether …, Trump said": the host asks
    speaker = participle_subject(verb, lexicon) or controller(verb)
    if speaker is not None:
        return speaker
    seen = 0
    node = verb
    first = verb
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "X said A, B and accused C": the first of the run
    if first is not verb and first.dep_ == "ccomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        node = first.head  # "X said A and accused B": a report hung on the reported clause is X's
    while seen <= 4:
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # a misparse can hang a second subject on the verb: the nearest one is its own
            subject = min(subjects, key=lambda c: (abs(c.i - node.i), c.i > node.i))
            if subject.tag_ in ("WDT", "WP") and node.dep_ == "relcl":  # "ran a piece that noted …"
                return issuer(node.head, lexicon) or subject
            return subject
        if node.dep_ == "xcomp" and node.head.lemma_ == "be":
            return None  # "the option is to … hope": a predicate, not an act of someone's
        if node.dep_ == "advcl" and node.tag_ == "VBN" and not any(c.lower_ == "having" for c in node.children):
            return None  # "Asked about X, she stressed …": the asker is not she ("Having said …, she" is hers)
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            noun = node.head
            if noun.dep_ == "pobj":  # "sent a message to supporters saying …": the message says it
                governor = noun.head.head
                messages = [governor, *(c for c in governor.children if c.dep_ == "dobj")]
                noun = next((m for m in messages if m.lemma_.lower() in lexicon["message_nouns"]), noun)
            return issuer(noun, lexicon) or noun  # "voters saying …": the noun speaks
        if node.dep_ in ("advcl", "conj", "xcomp", "pcomp", "acomp", "prep", "pobj") and node.head is not node:
            node = node.head
            seen += 1
            continue
        if noun_infinitive(node):  # "went out of his way to say …", "took pains to say …"
            node = node.head.head if node.head.dep_ in ("dobj", "attr") else node.head
            seen += 1
            continue
        break
    return stranded_subject(node)


def stranded_subject(verb: Token) -> Token | None:
    """"At an event in St. Clairsville, Ohio, 62-year-old Brenda Johnson also railed …": a parse that
    hangs the subject on the fronted phrase before it leaves a finite verb with none; the noun just
    before the verb, the last of that phrase, is its subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    before = verb.i - 1
    while before > 0 and verb.doc[before].dep_ in ("advmod", "neg") and verb.doc[before].head.i == verb.i:
        before -= 1  # "Johnson also railed"
    noun = verb.doc[before]
    if noun.pos_ not in ("PROPN", "NOUN") or noun.dep_ != "pobj" or noun.right_edge.i != noun.i or noun.i >= verb.i:
        return None
    return noun if set_off_start(noun) is not None else None  # not "two-thirds of those in the nation predict"


def set_off_start(noun: Token) -> int | None:
    """Where a noun phrase set off by a comma or a spaced dash starts inside the phrase the parse
    hung it on ("…, Ohio, 62-year-old Brenda Johnson", "… Palm Beach - Lewandowski"); None when
    no such mark comes before it."""
    doc = noun.doc
    i = noun.i - 1
    while i >= 0 and doc[i].head.i != i and noun.left_edge.i <= i and not _mark(doc[i]):
        i -= 1
    return i + 1 if i >= 0 and _mark(doc[i]) else None


def _mark(token: Token) -> bool:
    return token.text in (",", ";") or (token.text in ("-", "—", "–", "--") and bool(token.whitespace_))


def issuer(message: Token, lexicon: dict[str, Any]) -> Token | None:
    """"The ministry issued a statement saying …": a message speaks for whoever put it out."""
    if message.lemma_.lower() not in lexicon["message_nouns"] or message.dep_ != "dobj":
        return None
    return next((c for c in message.head.children if c.dep_ == "nsubj"), None)


def passive_agent(verb: Token, subject: Token | None) -> Token | None:
    """A passive cue speaks through its agent, not its subject: in "Sanders was asked by the host
    whether …" the host asks; with no agent ("it was reported that …") no one is named."""
    if subject is None or subject.dep_ != "nsubjpass" or subject.head.i != verb.i or has_contracted(verb):
        return subject
    return by_whom(verb)


def participle_subject(verb: Token, lexicon: dict[str, Any]) -> Token | None:
    """"X stressed that …, suggesting …", "X shared the news, writing “…”": a participle after a
    comma or dash speaks for the subject of the clause it follows, never for one inside a reported
    clause the parser hung it on."""
    before = verb.i - 1
    while before > 0 and verb.doc[before].dep_ in ("advmod", "neg") and verb.doc[before].head.i == verb.i:
        before -= 1  # ", essentially conceding …"
    while before > 0 and verb.doc[before].text in QUOTE_CHARS:
        before -= 1  # "“… maniacal,” adding …": the quote closes before the participle's comma
    if before > 1 and verb.dep_ == "conj" and verb.doc[before].dep_ == "cc":
        before -= 1  # "…, vowing …, and suggesting …"
    if verb.tag_ != "VBG" or before < 1 or verb.doc[before].text not in (",", "—", "–", "-", "--"):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or (verb.dep_ == "acl" and verb.head.i == verb.i - 2):
        return None  # "with aides saying …" has its own subject; "voters, saying …" hangs on its noun
    node = verb.head
    reported = [
        a for a in (node, *node.ancestors)
        if a.dep_ == "ccomp"
        or (a.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in a.children))
    ]  # a reported clause, or a noun's ("rejected the idea that …, saying …")
    if reported and not parenthetical_report(node, lexicon):
        node = reported[-1].head  # out of it, to the report
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
        if subj is not None:
            return subj if not any(t.i == verb.i for t in subj.subtree) else None
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head is node:
            break
        node = node.head
    root = verb.sent.root
    if root.i > verb.i:
        return None  # "After Khan spoke, saying …, Trump replied": the participle is the first clause's
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    return subj if subj is not None and not any(t.i == verb.i for t in subj.subtree) else None


def parenthetical_report(verb: Token, lexicon: dict[str, Any]) -> bool:
    """"“…,” the source recalled, adding …": a report whose subject follows the quote or clause it
    reports is set inside that clause by the parser, but a participle after it continues it."""
    return subject_set_off(verb, QUOTE_CHARS + ",") is not None and is_cue_verb(verb, lexicon)
