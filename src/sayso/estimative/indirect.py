"""Likelihood stated indirectly: negated capacity, threat denials, odds, "cannot rule out".

"The junta cannot afford to lose another province", "the rebels pose no threat to shipping" and
"the chances of a deal are slim" or "chances are X" judge how likely something is without a likelihood word on it;
"cannot rule out X" and "X is not out of the question" say X is uncertain. ``Indirect`` is mixed into the finder like ``Frames``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from sayso.estimative.syntax import SUBJECTS, clause_tokens, contiguous, is_negated


class Indirect:
    """Handlers mixed into the finder: ``self`` has its ``rules``, ``doc``, ``qualified`` and ``emit``."""

    rules: Any
    doc: Any
    qualified: set[int]
    emit: Any

    def capacity(self, verb: Token) -> None:
        cap = self.rules.lex["capacity"]
        if verb.i in self.qualified:
            return
        negation = is_negated(verb, self.rules.negations)
        auxes = [c for c in verb.lefts if c.dep_ in ("aux", "neg")]
        if verb.lemma_ == cap["afford"].split()[-1]:
            if negation is None or not any(a.lemma_ == "can" for a in auxes):
                return
            canonical = cap["afford"]
            phrase = [*auxes, verb]
        else:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in cap["nouns"]), None)
            lacks = verb.lemma_ in cap["lack_verbs"]
            if obj is None or (lacks == (negation is not None)):
                return
            canonical = cap["canonical"]
            phrase = [*auxes, verb, obj]
            negation = negation or verb
        proposition = contiguous(clause_tokens(verb))
        self.emit(phrase, canonical, None, proposition, [], "negated-capacity", extra_negated=negation is not None)

    def threat(self, noun: Token) -> None:
        spec = self.rules.lex["threat"]
        verb = noun.head
        if noun.dep_ not in ("dobj", "attr") or verb.lemma_ not in spec["verbs"] or verb.i in self.qualified:
            return
        no = next((c for c in noun.children if c.dep_ == "det" and c.lower_ == "no"), None)
        negation = no or is_negated(verb, self.rules.negations)
        if negation is None:
            return
        hedged = any(c.dep_ == "amod" and c.lower_ in spec["hedges"] for c in noun.children)
        phrase = [negation, noun] if no is not None else [*[c for c in verb.lefts if c.dep_ in ("aux", "neg")], verb, noun]
        proposition = contiguous(clause_tokens(verb))
        self.emit(phrase, spec["hedged" if hedged else "flat"], None, proposition, [], "threat-denial", extra_negated=True)

    def odds(self, word: Token) -> None:
        """"The chances of X are slim": a likelihood noun's predicate gives the odds of X."""
        spec = self.rules.lex["odds"]
        verb = word.head
        for _ in range(2):  # the parser may hang "even" on "at best": "is roughly even at best"
            if verb.pos_ in ("VERB", "AUX") or verb.dep_ != "advmod":
                break
            verb = verb.head
        if word.dep_ not in ("acomp", "attr", "oprd", "advmod") or verb.i in self.qualified:
            return
        if verb.lemma_ != "be" and verb.lemma_ not in self.rules.persist_verbs:
            return
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.i > word.i:
            return
        seeming = verb.lemma_ in spec["seeming_verbs"] and word.lower_ in spec["seeming_predicates"]
        if not seeming and not {subject.lemma_.lower(), subject.lower_} & set(spec["nouns"]):
            return  # "the village is remote"; but "a deal looks remote", "the scenario appears increasingly remote"
        phrase = [word]
        if word.i > 0 and self.doc[word.i - 1].lower_ in spec["approximators"]:
            phrase.insert(0, self.doc[word.i - 1])
        modifiers = []
        if verb.lemma_ in self.rules.persist_verbs and verb.i < word.i:  # "remain slim", "looks remote": as "remain unlikely"
            phrase.insert(0, verb)
            modifiers = [verb.lower_, *(c.lower_ for c in word.children if c.lower_ in self.rules.persist_adverbs)]
        if seeming and not {subject.lemma_.lower(), subject.lower_} & set(spec["nouns"]):
            seen = list(subject.subtree)  # what looks remote
            while seen and seen[-1].is_punct:
                seen.pop()
            proposition = contiguous(seen)
        else:
            of = [t for c in subject.children if c.dep_ in ("prep", "acl") for t in c.subtree]
            proposition = contiguous([t for t in of if t.dep_ != "prep" or t.head.i != subject.i]) if of else None
        self.qualified.add(verb.i)
        canonical = spec["predicates"][word.lower_]
        self.emit(phrase, canonical, is_negated(verb, self.rules.negations), proposition, modifiers, "odds-predicate")

    def odds_are(self, noun: Token) -> None:
        """"Chances are (that) X", "the odds are X": X is probable. A predicate ("the chances are
        slim") is ``odds``; "are" must take a clause, or sit before one as a comment ("Odds are,
        the governor runs again")."""
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.lemma_ != "be" or noun.i > verb.i or verb.i in self.qualified:
            return
        if any(c.dep_ in ("acomp", "neg", "prep") or (c.dep_ == "attr" and c.pos_ == "ADJ") for c in (*verb.children, *noun.children)):
            return  # "the chances are good", "the odds are not", "the odds of X are": a predicate
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if clause is None and verb.dep_ in ("ccomp", "parataxis") and verb.head.i > verb.i:
            clause = verb.head
        if clause is None:
            return
        self.qualified.update((verb.i, clause.i))
        phrase = [*[c for c in noun.children if c.dep_ == "det"], noun, verb]
        after = [t for t in clause_tokens(clause) if t.i > verb.i]
        while after and after[0].is_punct:
            after.pop(0)
        self.emit(phrase, self.rules.lex["odds"]["are"], None, contiguous(after), [], "odds-are",
                  extra_negated=is_negated(clause, self.rules.negations) is not None)

    def rule_out(self, verb: Token) -> None:
        spec = self.rules.lex["rule_out"]
        negation = is_negated(verb, self.rules.negations)
        if verb.i in self.qualified:
            return
        particle = next((c for c in verb.children if c.dep_ == "prt" and c.lower_ == "out"), None)
        if verb.lemma_ in spec["particle_verbs"] and particle is None:
            return
        all_but = list(self.doc[verb.i - 2 : verb.i]) if verb.i >= 2 else []
        nearly = negation is None and [t.lower_ for t in all_but] == ["all", "but"]
        if negation is None and not nearly:
            return
        phrase = [*(all_but if nearly else [c for c in verb.lefts if c.dep_ in ("aux", "neg")]), verb, *([particle] if particle else [])]
        passive = ("nsubjpass", "nsubj") if any(c.dep_ == "auxpass" for c in verb.children) else ("nsubjpass",)
        excluded = next((c for c in verb.children if c.dep_ in passive and c.lower_ != "it"), None)
        if excluded is not None:  # "A collapse of the state cannot be excluded": what is not excluded
            proposition = contiguous(list(excluded.subtree))
        else:
            proposition = contiguous([t for t in clause_tokens(verb) if t.i > phrase[-1].i])
        if not nearly:
            self.emit(phrase, spec["canonical"], None, proposition, [], "cannot-rule-out", extra_negated=True, category="uncertainty")
            return
        # "A deal has been all but ruled out": the mirror of "all but certain", graded as it is
        record = self.emit(phrase, spec["all_but"], None, proposition, [], "phrase")
        if excluded is None and any(c.dep_ == "nsubj" for c in verb.children):  # "The Fed all but ruled out a hike"
            record["assessor"], record["assessor_mention"] = self.assessor(verb, holder=True)

    def not_out_of(self, noun: Token) -> None:
        """"A strike is not out of the question", "It is not out of the question that X": X cannot be
        ruled out. Without the negation ("a deal is out of the question") X is ruled out, a plain statement."""
        of = noun.head
        out = of.head
        if noun.dep_ != "pobj" or of.lower_ != "of" or out.lower_ != "out" or out.i + 1 != of.i:
            return
        the = [c for c in noun.children if c.dep_ == "det" and c.lower_ == "the"]
        negation = is_negated(out.head, self.rules.negations)
        if not the or negation is None or negation.i > out.i:
            return
        phrase = [negation, out, of, *the, noun]
        clause = next((c for c in noun.children if c.dep_ == "acl" and any(t.lower_ == "that" for t in c.children)), None)
        subject = next((c for c in out.head.children if c.dep_ in SUBJECTS and c.lower_ != "it"), None)
        if clause is not None:
            proposition = contiguous([t for t in clause_tokens(clause) if t.lower_ != "that" or t.i != clause.left_edge.i])
        elif subject is not None:
            proposition = contiguous(list(subject.subtree))
        else:
            proposition = None
        self.emit(phrase, self.rules.lex["rule_out"]["canonical"], None, proposition, [], "not-out-of-question",
                  extra_negated=True, category="uncertainty")
