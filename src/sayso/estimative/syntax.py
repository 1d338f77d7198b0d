"""Dependency-parse helpers the estimative finder shares: spans, clauses, negation, context."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.tokens import Doc, Token

SUBJECTS = ("nsubj", "nsubjpass")
CLAUSE_CUTS = ("conj", "cc", "punct", "mark", "parataxis")


def char_span(tokens: Iterable[Token]) -> list[int]:
    tokens = list(tokens)
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return [first.idx, last.idx + len(last.text)]


def clause_tokens(head: Token, skip: Sequence[Token] = ()) -> list[Token]:
    """The clause ``head`` heads: its subtree without coordinated clauses, marks and edge punctuation."""
    cut = {c.i for c in head.children if c.dep_ in CLAUSE_CUTS and c.i not in {t.i for t in skip}}
    tokens = [head]
    for child in head.children:
        if child.i not in cut:
            tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("mark", "cc")):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and not _closes_bracket(tokens):
        tokens.pop()
    return _balanced(tokens)


_BRACKETS = {"(": ")", "[": "]"}
_CLOSERS = {**_BRACKETS, "\u201c": "\u201d"}  # curly quotes pair; straight ones do not say which
# a bracketed number or range that restates a phrase's probability: "likely (55-80%)", "(10 to 20 percent)"
_STATED_NUMBER = frozenset({"%", "-", "\u2013", "to", "percent", "per", "cent"})
_REACH = 4  # words past the clause a bracket it opened may close in


def _closes_bracket(tokens: list[Token]) -> bool:
    """Whether the last token closes a bracket opened among ``tokens`` ("the McCain camp (R-Ariz.)")."""
    last = tokens[-1]
    covered = last.doc[tokens[0].i : last.i]  # the span the clause covers, holes included
    return last.text in _CLOSERS.values() and any(_CLOSERS.get(t.text) == last.text for t in covered)


def _balanced(tokens: list[Token]) -> list[Token]:
    """The clause with whole brackets and curly quotes, read over the span it covers: one the parse
    left open at its end runs on to its closing mark a few words on ("in [New Hampshire" -> "in [New
    Hampshire]"), else a bracket is cut off; a closing bracketed number ("likely (55-80%)") states
    the phrase's odds, not the proposition."""
    if not tokens:
        return tokens
    doc, opened = tokens[0].doc, []
    for t in doc[tokens[0].i : tokens[-1].i + 1]:
        if t.text in _CLOSERS:
            opened.append(t)
        elif t.text in _CLOSERS.values() and opened:
            opened.pop()
    if opened:
        opener = opened[0]
        after = doc[tokens[-1].i + 1 : min(tokens[-1].i + 1 + _REACH, opener.sent.end)]
        closer = next((t for t in after if t.text == _CLOSERS[opener.text]), None)
        if len(opened) == 1 and closer is not None:
            tokens = [*tokens, *doc[tokens[-1].i + 1 : closer.i + 1]]
        elif opener.text in _BRACKETS:  # a quotation often holds the clause's own verb: it stays
            tokens = [t for t in tokens if t.i < opener.i]
    openers = [k for k, t in enumerate(tokens) if _CLOSERS.get(t.text) == tokens[-1].text] if tokens else []
    if openers:
        start = openers[-1]
        inside = tokens[start + 1 : -1]
        if inside and inside[0].like_num and all(t.like_num or t.lower_ in _STATED_NUMBER for t in inside) \
                and any(t.lower_ in ("%", "percent") for t in inside):
            tokens = tokens[:start]
    while tokens and tokens[-1].is_punct and not _closes_bracket(tokens):
        tokens.pop()
    return tokens


_QUOTES = {'"': '"', "\u201c": "\u201d", "'": "'", "\u2018": "\u2019"}
# words a title leaves lowercase ("Why a War Is Unlikely", "The Case for a Possible Deal")
_TITLE_SMALL = frozenset("a an the and or but nor of in on at to for by with as from into vs via".split())
_TITLE_MAX = 12  # tokens: a longer quotation is speech, not a title


def in_quoted_title(token: Token) -> bool:
    """Whether ``token`` is in a short quotation whose words are all capitalised, small words
    aside: a title ("a report titled "Why a War Is Unlikely"", "see ‘Possible Futures’"), whose
    estimative words name a work rather than judge anything."""
    sentence = token.sent
    before = token.doc[sentence.start : token.i]
    opener = next((t for t in reversed(before) if t.text in _QUOTES or t.text in _QUOTES.values()), None)
    if opener is None or opener.text not in _QUOTES or (opener.text == _QUOTES[opener.text] and
                                                        sum(t.text == opener.text for t in before) % 2 == 0):
        return False  # no quotation open at the token
    closer = next((t for t in token.doc[token.i : sentence.end] if t.text == _QUOTES[opener.text]), None)
    if closer is None or closer.i - opener.i - 1 > _TITLE_MAX:
        return False
    words = [t for t in token.doc[opener.i + 1 : closer.i] if t.is_alpha]
    return len(words) >= 2 and all(t.text[0].isupper() or t.lower_ in _TITLE_SMALL for t in words)


def sentence_span(token: Token) -> list[int]:
    """The sentence holding ``token``, without the whitespace tokens at its edges."""
    words = [t for t in token.sent if not t.is_space]
    return char_span(words or [token])


def contiguous(tokens: list[Token]) -> list[int] | None:
    """A ``[start, end]`` covering the tokens (a clause may have holes; the span covers them)."""
    return char_span(tokens) if tokens else None


def clausal_complement(token: Token) -> Token | None:
    """The clausal complement of a likelihood word or its copula ("likely to X", "it is likely that X")."""
    return next((c for c in token.children if c.dep_ in ("xcomp", "ccomp")), None)


def that_clause(token: Token, deep: bool = False) -> Token | None:
    """A finite clause introduced by "that" under ``token`` ("a realistic possibility that X").

    With ``deep``, also one attached lower without crossing another verb ("assess with high
    confidence that X", where the parser hangs the clause on "confidence").
    """
    candidates = token.subtree if deep else token.children
    for c in candidates:
        if c.i == token.i or c.dep_ not in ("acl", "ccomp", "relcl", "advcl"):
            continue
        if not any(m.lower_ == "that" and (m.dep_ == "mark" or m.tag_ == "IN") for m in c.children):
            continue
        path = list(c.ancestors)
        between = path[: next(k for k, a in enumerate(path) if a.i == token.i)] if deep else []
        if not any(a.pos_ in ("VERB", "AUX") for a in between):
            return c
    return None


def is_negated(token: Token, negations: frozenset[str]) -> Token | None:
    """The negation word attached to ``token``, if any; "no longer likely" denies as "not likely"
    does (the parser hangs "no" on "longer", not on the word it negates)."""
    for child in token.children:
        if child.dep_ == "neg" or (child.lower_ in negations and child.dep_ in ("advmod", "det")):
            return child
        if child.lower_ == "longer" and child.dep_ == "advmod":
            no = next((g for g in child.lefts if g.lower_ == "no"), None)
            if no is not None:
                return no
    return None


def negation_words(negation: Token) -> list[Token]:
    """The words of a negation a phrase takes in: "not", or both words of "no longer"."""
    after = negation.head
    return [negation, after] if after.lower_ == "longer" and after.i == negation.i + 1 else [negation]


def is_verb(token: Token) -> bool:
    """A verb, or one the tagger took for a plural noun ("the Defense Intelligence Agency judges
    that X": "judges" NNS) that its subject and following complement clause show to be the predicate."""
    if token.pos_ == "VERB":
        return True
    return token.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in token.children) and any(
        c.dep_ == "ccomp" and c.i > token.i for c in token.children)


def introduces(token: Token) -> bool:
    """Whether ``token`` introduces its head's clause: a mark ("if", "so") or a wh-adverb ("when")."""
    return token.dep_ == "mark" or (token.dep_ == "advmod" and token.tag_ == "WRB" and token.i < token.head.i)


def published_year(doc: Doc) -> int | None:
    """The publication year the reading step put on the Doc ("YYYY-MM-DD"), if any."""
    published = doc._.get("sayso_published") if Doc.has_extension("sayso_published") else None
    return int(str(published)[:4]) if published and str(published)[:4].isdigit() else None


def speaker_name(attribution: dict[str, Any]) -> str | None:
    """Who an attribution's speaker is: the resolved name, or for an organisation the text names
    only descriptively ("the ruling Georgian Dream party"), its organisation."""
    name = attribution.get("speaker_name")
    if name is None and attribution.get("speaker_type") == "ORG":
        return attribution.get("speaker_org")
    return name


def holder_of(node: Token) -> Token | None:
    """Who holds the judgement a verb or noun expresses: its active subject ("Beijing believes"),
    a possessor ("Beijing's belief"), a named party before a noun ("the Pentagon assessment
    that"), the subject of a judging adjective's copula ("officials are confident that"), the agent of a passive ("is expected by analysts"), the
    holder of the verb or noun it is coordinated with or hangs on ("Kim …, believing that";
    "officials' distrust and doubts"), or the noun a relative clause hangs on ("an advisory,
    which assessed"). A passive with no agent ("the navy … is expected to") and an infinitive
    after an empty "it" ("it is reasonable to assume") have no holder in the text."""
    head = node
    while True:
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "poss")), None)
        if subject is None:
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subject is None and head is node and head.pos_ == "NOUN":  # "the Pentagon assessment that", "Trump estimates that"
            subject = next((c for c in head.children if c.dep_ == "compound" and c.i == head.i - 1
                            and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")), None)
        climbs = head.dep_ in ("advcl", "conj", "xcomp") or (head is node and head.dep_ == "acomp" and head.pos_ == "ADJ")  # "we are confident"
        if subject is not None or not climbs or head.head.i == head.i:
            break
        if _passive(head) or after_empty_it(head):
            break
        head = head.head
    if subject is not None and subject.tag_ in ("WDT", "WP") and head.dep_ == "relcl":
        subject = head.head
    return subject


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def after_empty_it(verb: Token) -> bool:
    """"It is reasonable to assume X": an infinitive after an adjective whose subject is "it"."""
    if verb.dep_ != "xcomp":
        return False
    copula = verb.head.head if verb.head.pos_ == "ADJ" else verb.head
    adjective = verb.head.pos_ == "ADJ" or any(c.dep_ == "acomp" for c in copula.children)
    return adjective and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in copula.children)


POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}


def antecedent(pronoun: Token) -> Token | None:
    """The noun a third-person pronoun, or its possessive, most plausibly stands for: the subject of
    the main clause of its sentence, when it comes first and agrees ("Beijing is building what it
    believes …", "China is reorienting its posture because its leaders …"); for a pronoun opening
    its sentence, the one agreeing subject or passive agent of the sentence before ("… studied by
    our main adversaries. They have concluded …")."""
    word = POSSESSIVE_PRONOUNS.get(pronoun.lower_, pronoun.lower_) if pronoun.tag_ == "PRP$" else pronoun.lower_
    subject = next((c for c in pronoun.sent.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i >= pronoun.i or subject.pos_ not in ("PROPN", "NOUN"):
        return _previous_subject(pronoun, word)
    plural = subject.tag_ in ("NNS", "NNPS")
    if word == "it" and not plural and subject.ent_type_ != "PERSON":
        return subject
    if word == "they" and (plural or subject.ent_type_ in ("ORG", "NORP")):
        return subject
    if word in ("he", "she") and subject.ent_type_ == "PERSON":
        return subject
    return None


def _previous_subject(pronoun: Token, word: str) -> Token | None:
    """The one noun in the subject (active or passive) or agent place of the previous sentence's
    main verbs whose number ``word`` agrees with, for a pronoun with no noun before it in its own
    sentence; for "it", only when that noun is an organisation or place ("China is reorienting its
    posture. Its leaders …"), not a thing. None when there are none or several: unambiguous only."""
    sentence = pronoun.sent
    if word not in ("it", "they") or sentence.start == 0 or any(
        t.pos_ in ("NOUN", "PROPN") for t in pronoun.doc[sentence.start : pronoun.i]
    ):
        return None
    root = pronoun.doc[sentence.start - 1].sent.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
    subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [g for v in verbs for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    agreeing = [s for s in subjects if s.tag_ in (("NNS", "NNPS") if word == "they" else ("NN", "NNP"))]
    if len(agreeing) != 1 or (word == "it" and agreeing[0].ent_type_ not in ("ORG", "GPE")):
        return None  # "The ministry was reorganised by Ukraine. It …": the ministry or Ukraine?
    return agreeing[0]
