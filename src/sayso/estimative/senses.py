"""Uses of likelihood words and modals that estimate nothing.

"likely voters" sorts people, "an unlikely alliance" is a surprise, "the worst possible moment" and
"made possible" say what can be, "it may be cheap, but" only concedes and "in 2014 they could move
freely" narrates past ability. ``Senses`` is mixed into the finder like ``Frames``; each test reads
the parse around one word the finder is about to record.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from sayso.estimative.syntax import clausal_complement, clause_tokens, is_negated, published_year


class Senses:
    """Tests mixed into the finder: ``self`` has its ``rules`` and ``doc``."""

    rules: Any
    doc: Any

    def describes(self, core: Token, noun: Token) -> bool:
        """An attributive word that describes its noun rather than grade a likelihood: a kind of
        person ("likely voters", "likely voter screens"), a surprise ("an unlikely alliance", "his
        improbable rise": only an eventuality is improbable, "an unlikely scenario"), a term of art
        ("had probable cause to search")."""
        lex = self.rules.lex
        kinds = lex["attributive_kinds"]["nouns"]
        if noun.lemma_.lower() in kinds or any(
                c.dep_ == "compound" and c.i > core.i and c.lemma_.lower() in kinds for c in noun.children):
            return True
        surprising = lex["surprising"]
        before = core.i < noun.i and noun.pos_ in ("NOUN", "PROPN") and clausal_complement(core) is None
        if before and core.lower_ in surprising["words"] and noun.lemma_.lower() not in surprising["eventualities"]:
            return True  # not "make a surge to first place unlikely", "primary unlikely to settle race": predicates
        terms = lex["terms_of_art"].get(core.lower_, ())
        return noun.lemma_.lower() in terms and not any(c.dep_ in ("det", "poss") for c in noun.children)

    @staticmethod
    def feasibility(core: Token) -> bool:
        """"possible" saying what can be done or be, not what may be true: with a to-infinitive ("it is
        possible to infer X"); bounding a superlative or a quantifier ("the worst possible moment",
        "the largest audience possible", "every possible resource": the range of what can be); after
        a causative "make" ("made the talks possible", "is made possible by")."""
        head = core.head if core.dep_ == "acomp" else core
        if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in (*core.children, *head.children)):
            return True
        if core.dep_ == "amod":
            noun = core.head
            return any(c.tag_ in ("JJS", "RBS") for c in (*core.children, *noun.children)) or any(
                c.dep_ == "det" and c.lower_ in ("every", "any", "all") for c in noun.children)
        return core.dep_ in ("ccomp", "oprd") and core.head.lemma_ == "make"

    def not_predicated(self, core: Token) -> bool:
        """Whether a word graded only as a predicate ("certain", "sure") is none here: it must sit on
        "be" or a persistence verb, unnegated, with a to-infinitive ("is certain to be challenged")
        or an expletive "it" and a that-clause ("it is certain that X"); "a certain level", "make sure
        to vote", "I'm sure he'll come" and "not certain to win" (uncertainty) are not."""
        head, negations = core.head, self.rules.negations
        if core.dep_ not in ("acomp", "oprd") or (head.lemma_ != "be" and head.lemma_ not in self.rules.persist_verbs):
            return True
        if is_negated(core, negations) or is_negated(head, negations):
            return True
        nodes = (*core.children, *head.children)
        if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in nodes):
            return False
        expletive = any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)
        return not (expletive and any(c.dep_ == "ccomp" and c.i > core.i for c in nodes))

    @staticmethod
    def recommends(root: Token) -> bool:
        """Whether a bet called safe recommends a choice ("a black leotard is a safe bet", "it's a safe
        bet to invest in gold") rather than bet on a proposition: as a predicate, with an expletive "it"
        and a finite clause ("it's a safe bet that X") or another subject and a to-infinitive with no
        stranded preposition ("Clinton is a safe bet to win", not "gold is a safe bet to invest in")."""
        if root.dep_ != "attr":
            return True
        expletive = any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in root.head.children)
        for clause in (c for c in root.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > root.i):
            infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
            if expletive and not infinitive and any(a.dep_ in ("nsubj", "nsubjpass") for a in clause.children):
                return False
            stranded = any(a.dep_ == "prep" and not any(o.dep_ == "pobj" for o in a.children) for a in clause.children)
            if infinitive and not expletive and not stranded:
                return False
        return True

    @staticmethod
    def counterfactual(verb: Token) -> bool:
        """A modal perfect under a past-perfect condition ("Had X prevailed, Y might have been Z", "if
        the army had moved, it could have taken the city") says what did not happen."""
        if not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
            return False
        for condition in (c for c in verb.children if c.dep_ == "advcl"):
            auxes = [c for c in condition.children if c.dep_ == "aux" and c.lower_ in ("had", "'d")]
            marked = any(c.dep_ == "mark" and c.lower_ == "if" for c in condition.children)
            if auxes and (marked or auxes[0].i == condition.left_edge.i):
                return True
        return False

    @staticmethod
    def concedes(verb: Token) -> bool:
        """"X may be cheap, but Y": a "may" clause coordinated with a following "but" only concedes."""
        buts = [c for c in verb.children if c.dep_ == "cc" and c.lower_ in ("but", "yet")]
        return any(c.dep_ == "conj" and c.i > b.i for b in buts for c in verb.children)

    def past_ability(self, verb: Token) -> bool:
        """Whether a "could" clause narrates the past: an ability adverb ("could only", "could go no
        further") or a past-time marker in it."""
        spec = self.rules.lex["modal_skip"]["past_ability"]
        for c in verb.children:  # "could only watch", "could go no further"
            if c.dep_ == "advmod" and (c.lower_ in spec["adverbs"] or any(n.lower_ == "no" for n in c.lefts)):
                return True
        published = published_year(self.doc)
        for t in clause_tokens(verb):
            if any(a.dep_ not in ("prep", "advmod", "npadvmod") for a in self._path(t, verb)[1:]):
                continue  # "could threaten protests like those in 2022": the year dates a noun, not the verb
            if t.lower_ in spec["words"] or (t.lower_ == "last" and t.head.lemma_.lower() in spec["time_nouns"]):
                return True
            if published and t.ent_type_ == "DATE" and re.fullmatch(r"(?:19|20)\d\d", t.text) and int(t.text) < published:
                return True
        return False

    @staticmethod
    def _path(token: Token, top: Token) -> list[Token]:
        """``token`` and its ancestors below ``top``."""
        path = [token]
        while path[-1].i != top.i and path[-1].head.i != path[-1].i:
            path.append(path[-1].head)
        return path[:-1]
