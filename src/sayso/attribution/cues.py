"""Cue verbs: which tokens report ("said", "believes", "shows", "saw … fire"), their span and their class."""

from __future__ import annotations

import functools
from typing import Any

from spacy.tokens import Token

from sayso.attribution.grammar import CLAUSE_DEPS, perceived_event, possessed_participle
from sayso.attribution.quotes import QUOTE_CHARS
from sayso.attribution.spans import span_of


def is_cue_verb(token: Token, lexicon: dict[str, Any]) -> bool:
    return (
        token.pos_ in ("VERB", "AUX")
        and token.lemma_.lower() in lexicon["classes"]
        and token.dep_ != "amod"
        and not _in_idiom(token, lexicon)
        and not _nobody_speaks(token)
        and not possessed_participle(token)
        and _bound_object_present(token, lexicon)
        and _perceives_a_clause(token, lexicon)
        and not _goes_on_doing(token, lexicon)
    )


def _goes_on_doing(token: Token, lexicon: dict[str, Any]) -> bool:
    """"Clinton continues to press Trump", "as Bush continued to interject": an active cue verb with a
    to-infinitive that is not its message (as "vowed to appeal" is) tells what someone went on doing."""
    if token.lemma_.lower() in lexicon["object_content"]["infinitive"]:
        return False  # "vowed to appeal" says what was vowed
    if any(c.dep_ in ("auxpass", "dobj", "dative") for c in token.children):
        return False  # "is said to have fled", "told them to leave": reports
    return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in token.children)


def _perceives_a_clause(token: Token, lexicon: dict[str, Any]) -> bool:
    """"Witnesses saw soldiers fire", "she heard that the minister would resign": a perception verb
    reports a clause its own subject perceived; with an object alone ("heard explosions", "watched
    the debate") or no perceiver of its own ("after watching the army fall apart") it reports nothing."""
    if lexicon["classes"][token.lemma_.lower()] != "perception":
        return True
    return any(c.dep_ in CLAUSE_DEPS for c in token.children) and any(c.dep_ == "nsubj" for c in token.children)


def _bound_object_present(token: Token, lexicon: dict[str, Any]) -> bool:
    """"As one trader put it, …": a verb that reports only with its object ("put it"); "called the
    strikes “a war crime”": a labelling verb reports only the label it quotes."""
    lemma = token.lemma_.lower()
    if lemma in lexicon["label_verbs"]:
        preps = lexicon["object_content"]["preposition"].get(lemma, ())
        if any(c.dep_ == "prep" and c.lower_ in preps for c in token.children):
            return True  # "called for an immediate ceasefire"
        return any(c.dep_ == "dobj" for c in token.children) and any(
            t.text in QUOTE_CHARS for c in token.rights if c.dep_ in ("oprd", "xcomp", "ccomp", "dobj", "attr", "prep") for t in c.subtree
        )
    objects = lexicon["bound_cues"].get(lemma)
    return objects is None or any(c.dep_ == "dobj" and c.lower_ in objects for c in token.children)


def _in_idiom(token: Token, lexicon: dict[str, Any]) -> bool:
    """"That said, …", "All told, …", "Needless to say, …": set phrases that report nothing; not
    a relative clause that happens to spell one ("a banner that said “We won”")."""
    if token.dep_ == "relcl":
        return False
    for words, offset in _idiom_places(tuple(lexicon["idioms"])).get(token.lower_, ()):
        start = token.i - offset  # the token would stand at ``offset`` in the idiom
        if start < 0 or start + len(words) > len(token.doc):
            continue
        if [t.lower_ for t in token.doc[start : start + len(words)]] == words:
            return True
    return False


@functools.lru_cache(maxsize=4)
def _idiom_places(idioms: tuple[str, ...]) -> dict[str, list[tuple[list[str], int]]]:
    """Each word of the idioms, with the idioms it stands in and where: split once per lexicon, not
    on every cue verb asked about."""
    places: dict[str, list[tuple[list[str], int]]] = {}
    for idiom in idioms:
        words = idiom.split()
        for offset, word in enumerate(words):
            places.setdefault(word, []).append((words, offset))
    return places


def _nobody_speaks(verb: Token) -> bool:
    """"It is too soon to say whether …": an infinitive hung on an adjective has no speaker."""
    return verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ"


def _makes_out(verb: Token) -> bool:
    """"As far as I can tell, …", "How can you tell whether …": "can tell" with no one told is
    making something out, not telling anyone (belief, not speech)."""
    return any(c.dep_ == "aux" and c.lower_ in ("can", "could", "ca") for c in verb.children) and not any(
        c.dep_ in ("dative", "dobj", "iobj") for c in verb.children
    )


def cue_span(verb: Token, lexicon: dict[str, Any]) -> tuple[int, int]:
    """The verb with its particle and, for "told reporters", the audience."""
    tokens = [verb]
    for child in verb.children:
        if child.dep_ == "prt":
            tokens.append(child)
        elif child.dep_ in ("dobj", "dative") and child.i == verb.i + 1 and child.lower_ in lexicon["cue_objects"]:
            tokens.append(child)
    return span_of(tokens)


def cue_class_of(verb: Token, subject: Token | None, lexicon: dict[str, Any]) -> str:
    """The verb's class, but a poll or study that "says" is evidence. A message (a statement, a
    report, a letter, a post) that says something is speech: it speaks for whoever issued it. A verb
    of perception that is a speech or belief verb too ("observed", "saw") is perception where what it
    reports is a bare event ("saw soldiers fire"), not a fact ("saw that the vote was rigged")."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon["verbs"].get("perception", ()) and perceived_event(verb):
        return "perception"
    if lemma == "tell" and _makes_out(verb):
        return "belief"
    if subject is not None and subject.lemma_.lower() in lexicon["evidence_subjects"]:
        issued = subject.lemma_.lower() in lexicon["message_nouns"] and lexicon["classes"][lemma] == "speech"
        if not issued and (lemma in lexicon["verbs"]["evidence"] or lemma in lexicon["verbs"]["speech"]):
            return "evidence"
    return lexicon["classes"][lemma]
