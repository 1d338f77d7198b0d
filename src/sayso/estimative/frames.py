"""Judgement frames: assessment verbs and nouns, uncertainty, shifted likelihood, appearance, potential.

These are estimative statements that are not graded probability words, so no standard scale gives
them a number: "we judge that X" marks a judgement and names who makes it, "it is unclear whether
X" states that X is unknown, "raises the likelihood of X" moves X's probability without saying
where to, "X appears to Y" and "there is potential for X" hedge like a modal. ``Frames`` is mixed
into the finder; each handler reads the dependency parse around one matched token.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from sayso.estimative.syntax import (
    clause_tokens,
    contiguous,
    introduces,
    is_negated,
    is_verb,
    that_clause,
)


class Frames:
    """Handlers for the judgement frames, mixed into the finder: ``self`` has its ``rules``,
    ``used`` token set and ``emit``."""

    rules: Any
    used: set[int]
    emit: Any
    assessor: Any
    explicit_assessor: Any

    # assessment verbs and nouns

    def judging_verb(self, verb: Token) -> None:
        """"we assess that X", "are expected to X", "Beijing believes X", "the outcome Putin had expected",
        "analysts expect a cut in June"."""
        spec = self.rules.lex["judgement"]
        if not is_verb(verb) or any(introduces(c) and c.lower_ in spec["condition_marks"] for c in verb.children):
            return  # "when they believe it suits them", "if Beijing believed": a condition, not a judgement
        if verb.lemma_ in spec["suppositions"] and verb.tag_ == "VBG":
            return  # "assuming that X": a supposition, not a judgement
        if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in self.rules.modals for c in verb.children):
            return  # "Moscow may believe that X": the modal is the judgement, the belief only a possibility
        # the complement after the verb first: "A assess that X; B judges that Y" hangs A's clause on "judges" too
        complements = sorted((c for c in verb.children if c.dep_ == "ccomp"), key=lambda c: c.i < verb.i)
        clause = next(iter(complements), None) or that_clause(verb, deep=True)
        if verb.lemma_ in spec["inferential"] and not any(c.dep_ == "nsubj" for c in verb.children):
            if verb.tag_ != "VBG" or clause is not None:
                return  # "suggest" needs what suggests it; "…, suggesting that he quit" reports a proposal
        if clause is not None and self._asks(clause) and min(clause.subtree, key=lambda t: t.i).i > verb.i:
            return  # "to assess how AI can be exploited": assess = evaluate; not "…, which they conclude gives X"
        if clause is None:
            clause = next((c for c in verb.children if c.dep_ in ("xcomp", "oprd")), None)
        if clause is None and verb.dep_ == "csubj" and verb.tag_ != "VBG":
            # "ASD assessed X could be Y": a bare complement the parser took for a subject; a gerund is
            # the subject ("projecting an aura of victory is part of the job")
            clause = verb.head
        if clause is None:
            clause = self._confidence_clause(verb)
        if clause is None and verb.lemma_ in spec["inferential"]:
            clause = self._inferred(verb)
        if clause is None and verb.lemma_ in spec["gap_verbs"] and any(c.dep_ == "nsubj" for c in verb.children):
            # "We do not expect a negotiated settlement before 2027": the expected event is a noun
            clause = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
                           and not any(t.lemma_.lower() in spec["dues"] for t in c.subtree)), None)
            # not "expects a full explanation", "a certain level of service": a demand
        gap = verb.dep_ == "relcl" and verb.lemma_ in spec["gap_verbs"] and not any(
            c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in verb.children
        )  # "the outcome (that) Putin had expected": the relative clause's gap is what was expected
        if clause is None and not gap:
            return
        if verb.lemma_ in spec["opinion_verbs"] and (clause is None or not self._predicts(clause, verb)):
            return  # "I think he is right": an opinion; "I think the bill will pass" judges
        proposition = contiguous(clause_tokens(clause)) if clause is not None else contiguous(clause_tokens(verb.head))
        phrase = [verb]
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.i == verb.i - 1 and subject.lower_ == "we":
            phrase.insert(0, subject)  # "we assess", "we expect": the span keeps the self-reference
        canonical = spec["verbs"][verb.lemma_]
        self.emit(phrase, canonical, is_negated(verb, self.rules.negations), proposition, [verb.lemma_],
                  "assessment-verb", category="assess-verb")

    def judging_noun(self, noun: Token) -> None:
        """"Beijing's belief that X", "doubts that X", "our assessment that X"; the clause also on a
        copula ("Our forecast is that X", "It is our assessment that X"); "In our judgment, X"."""
        clause, phrase, head = that_clause(noun), [noun], noun.head
        if clause is None and noun.dep_ in ("attr", "nsubj") and head.lemma_ in ("be", "remain"):
            clause = next((c for c in head.children if c.dep_ == "ccomp" and c.i > noun.i and c.left_edge.lower_ == "that"), None)
        proposition = contiguous(clause_tokens(clause)) if clause is not None else None
        after = noun.doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(noun.doc) else None
        if clause is None and noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX") \
                and after is not None and after.text == ",":  # a frame set off ("believed in her judgment" is trust)
            holder = next((c for c in noun.children if c.dep_ == "poss"), None)
            if holder is None:
                return  # "in assessment of the damage": no one's judgement
            # "In our judgment, X is unlikely": the clause the phrase opens; the noun first, its holder read off it
            phrase = [noun, head, *holder.subtree]
            inside = {t.i for t in head.subtree}
            proposition = contiguous([t for t in clause_tokens(head.head) if t.i not in inside and not (t.is_punct and t.i == head.right_edge.i + 1)])
        if proposition is None:
            return
        # "There is little doubt that X", "no expectation that X": the judgement denied
        denial = next((c for c in noun.children if c.dep_ in ("det", "amod") and c.lower_ in ("no", "little") and c.i < noun.i), None)
        if denial is not None and head.lemma_ in self.rules.lex["denied_doubt"]["made_plain"]:
            return  # "left no doubt that X": X made plain, not judged
        canonical = self.rules.lex["judgement"]["nouns"][noun.lemma_.lower()]
        phrase = [denial, *phrase] if denial is not None and phrase == [noun] else phrase
        self.emit(phrase, canonical, denial, proposition, [noun.lemma_], "assessment-noun", category="assess-verb")

    def judging_adjective(self, adjective: Token) -> None:
        """"We are confident that X", "I'm confident X will": confidence that a clause holds is a
        judgement; confidence in something ("confident in the team") is a feeling, not annotated."""
        predicate = adjective.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in adjective.children)
        if adjective.pos_ != "ADJ" and not (adjective.tag_ == "VBN" and predicate):
            return  # "we are convinced that X", "I was convinced that X"; not "she convinced him that X"
        copula = adjective.head if adjective.dep_ == "acomp" else adjective
        hypothetical = self.rules.lex["judgement"]["hypothetical_adjectives"]
        if adjective.lower_ in hypothetical["words"]:
            clause = self._hypothesis(adjective, copula, hypothetical["auxes"])
            if clause is None:
                return  # "I was surprised that X": a reaction to a fact
        else:
            clause = next((c for c in adjective.children if c.dep_ == "ccomp"), None)
            if clause is None and copula is not adjective:  # "Analysts remain pessimistic that X": the parse hangs X on the copula
                clause = next((c for c in copula.children if c.dep_ == "ccomp" and c.i > adjective.i), None)
            if clause is None or self._asks(clause):
                return
        negation = is_negated(adjective, self.rules.negations) or is_negated(copula, self.rules.negations)
        canonical = self.rules.lex["judgement"]["adjectives"][adjective.lower_]
        degree = [c for c in adjective.lefts if c.dep_ == "advmod" and c.i == adjective.i - 1]  # "absolutely confident"
        # the adjective first: the holder is read off the first token ("pretty confident": its copula's subject)
        record = self.emit([adjective, *degree], canonical, negation, contiguous(clause_tokens(clause)), [adjective.lower_],
                           "assessment-adjective", category="assess-verb")
        if adjective.pos_ != "ADJ" and copula is not adjective:  # "Investors are convinced": the copula's subject
            record["assessor"], record["assessor_mention"] = self.assessor(copula, holder=True)

    def judging_adverb(self, adverb: Token) -> None:
        """"The attack was presumably planned", "Presumably, the minister knew": the clause is the
        writer's assumption, as "it is reasonable to assume X" is."""
        head = adverb.head
        if adverb.dep_ != "advmod" or head.pos_ not in ("VERB", "AUX", "ADJ"):
            return
        canonical = self.rules.lex["judgement"]["adverbs"][adverb.lower_]
        self.emit([adverb], canonical, None, contiguous(clause_tokens(head)), [adverb.lower_], "assessment-adverb",
                  category="assess-verb")

    def _predicts(self, clause: Token, verb: Token) -> bool:
        """Whether an opinion verb's clause is a prediction ("think the bill will pass", "think it
        is going to rain") or, the verb passive, a reported belief ("is thought to have fled")."""
        if clause.dep_ == "xcomp":
            return any(c.dep_ == "auxpass" for c in verb.children)
        auxes = self.rules.lex["judgement"]["predictive_auxes"]
        if any(c.dep_ == "aux" and c.lower_ in auxes for c in clause.children):
            return True
        return clause.lower_ == "going" and any(c.dep_ == "xcomp" for c in clause.children)

    @staticmethod
    def _hypothesis(adjective: Token, copula: Token, auxes: list[str]) -> Token | None:
        """The condition a hypothetical copula's adjective judges ("I'd be surprised if X", "I wouldn't
        be surprised if X"): an "if" clause after it; none without "would"."""
        if copula is adjective or not any(c.dep_ == "aux" and c.lower_ in auxes for c in copula.children):
            return None
        return next((c for c in (*adjective.children, *copula.children) if c.dep_ == "advcl" and c.i > adjective.i
                     and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)), None)

    @staticmethod
    def _asks(clause: Token) -> bool:
        """Whether a complement is an indirect question ("how", "whether"): evaluated, not judged."""
        first = min(clause.subtree, key=lambda t: t.i)
        return (first.tag_ in ("WRB", "WP") or first.lower_ in ("whether", "if", "what", "which")) and first.lower_ != "that"

    @staticmethod
    def _inferred(verb: Token) -> Token | None:
        """"The scale of the campaign suggests the involvement of a state": what evidence points to.
        A person who suggests something proposes it."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.tag_ != "VBG":
            return None  # a participle ("…, suggesting limits on X") infers from the clause before it
        if subject is not None and (subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she", "i", "we", "they", "you")):
            return None
        return next((c for c in verb.children if c.dep_ == "dobj"), None)

    @staticmethod
    def _confidence_clause(verb: Token) -> Token | None:
        """"assessed with high confidence that X": the parser may hang the that-clause on "confidence"."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
            for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_ == "confidence"):
                clause = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and any(t.lower_ == "that" for t in c.children)), None)
                if clause is not None:
                    return clause
        return None

    # uncertainty

    def unknown(self, word: Token) -> None:
        """"it is unclear whether X", "remains highly uncertain", "uncertain gains", "are not publicly
        known", "little is known about X", "uncertainties about X": stated as unknown, no number."""
        spec = self.rules.lex["uncertainty"]
        lower, head = word.lower_, word.head
        negation = is_negated(word, self.rules.negations) or is_negated(head, self.rules.negations) or self._far_from(word)
        if word.pos_ == "NOUN":
            if not any(c.dep_ == "prep" and c.lower_ in spec["noun_preps"] for c in word.children):
                return
            self._uncertain([word], word, None)
            return
        few = [c for c in word.children if c.lower_ in spec["known_subjects"]]
        if lower in spec["negated_adjectives"] or word.lemma_ == "know":
            known_by_few = bool(few)
            if negation is None and not known_by_few:
                return
            if word.lemma_ == "know" and word.tag_ != "VBN" and negation is None:
                return
        elif (word.dep_ == "amod" or (word.dep_ == "conj" and head.dep_ == "amod")) and lower not in spec["attributive"]:
            return  # "unpredictable ways", "predictable and unpredictable ways": a description
        phrase = [word, *[c for c in word.children if c.dep_ == "advmod" and c.i < word.i]]
        phrase += [t for c in few for t in c.subtree if t.i < word.i]  # "Much less is publicly known"
        phrase += [c for c in word.children if c.dep_ == "auxpass" and c.i < word.i]
        if negation is not None:
            phrase += [t for t in negation.subtree if t.i < word.i] if negation.i < word.i else [negation]
        frame = word if word.dep_ in ("ROOT", "ccomp", "advcl", "conj") else head
        if word.dep_ in ("acomp", "attr") or frame is word:
            phrase += [t for t in (frame, *frame.children) if t.dep_ in ("expl", "nsubj", "nsubjpass", "auxpass") and t.lower_ in ("it", "this", "is", "are")]
            if head.lemma_ in (*self.rules.persist_verbs, "be") and word.dep_ in ("acomp", "attr"):
                phrase.append(head)
            phrase += [c for c in head.children if c.dep_ == "expl"]
        self._uncertain(phrase, frame, negation)

    def open_question(self, tokens: list[Token]) -> None:
        """"It remains to be seen whether X", "Only time will tell if X", "X is anyone's guess": X is
        unknown. The question is the proposition, else the subject ("The outcome remains to be seen")."""
        inside = {t.i for t in tokens}
        frames = [*tokens, *(t.head for t in tokens if t.head.i not in inside)]
        children = [c for f in frames for c in f.children if c.i not in inside]
        clause = next((c for c in children if c.dep_ in ("ccomp", "csubj", "advcl") and self._asks(c)), None)
        subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if clause is not None and clause.i < tokens[0].i:  # "Whether X remains to be seen": all before the phrase
            proposition = [t for t in self.doc[clause.left_edge.i : tokens[0].i] if not t.is_space and t not in frames]
            while proposition and (proposition[0].dep_ == "mark" or proposition[0].is_punct):
                proposition.pop(0)
        elif clause is not None:
            proposition = clause_tokens(clause)
        elif subject is not None and subject.lower_ not in ("it", "this", "that") and subject.tag_ not in ("WP", "WDT"):
            proposition = list(subject.subtree)
        else:
            proposition = []
        phrase = list(tokens)
        if subject is not None and subject.lower_ == "it" and subject.i < tokens[0].i:
            phrase += [subject, *(f for f in frames if f.i not in inside and subject.i < f.i < tokens[0].i)]  # "It is anyone's guess"
        canonical = self.rules.lex["uncertainty"]["canonical"]
        record = self.emit(sorted(phrase, key=lambda t: t.i), canonical, None, contiguous(proposition), [], "open-question",
                           category="uncertainty")
        record["assessor"], record["assessor_mention"] = self.assessor(tokens[0], verbs=False)  # "time will tell": time holds no view

    def infeasible(self, adjective: Token) -> None:
        """"It is impossible to predict X", "difficult to assess how long X", "hard to see how X": X cannot be known."""
        spec = self.rules.lex["uncertainty"]
        head = adjective.head
        candidates = [*adjective.children, *(head.children if adjective.dep_ == "acomp" else ())]
        verb = next((c for c in candidates if c.dep_ == "xcomp" and c.lemma_ in (*spec["cognition"], *spec["question_only"])), None)
        asks = verb is not None and any(c.dep_ == "ccomp" and self._asks(c) for c in verb.children)
        if verb is None or (verb.lemma_ in spec["question_only"] and not asks):
            return  # "hard to see the screen" is sight; "hard to see how X" doubts X
        if is_negated(adjective, self.rules.negations) or is_negated(head, self.rules.negations):
            return  # "it is not hard to see why X": X is plain
        frame = [c for c in head.children if c.dep_ in ("expl", "nsubj") and c.lower_ == "it"]
        frame += [head] if head.lemma_ == "be" else []
        self._uncertain([*frame, adjective, *[c for c in verb.children if c.dep_ == "aux"], verb], verb, None)

    def cannot_know(self, verb: Token) -> None:
        """"we cannot forecast X", "could not confirm X", "do not know whether X", "nobody knows
        what X": negated, as the statement denies knowing."""
        spec = self.rules.lex["uncertainty"]
        negation = is_negated(verb, self.rules.negations)
        auxes = [c for c in verb.lefts if c.dep_ in ("aux", "neg")]
        nobody = next((c for c in verb.children if c.dep_ == "nsubj" and self._nobody(c)), None)
        if (negation is None and nobody is None) or verb.i in self.used:
            return
        if nobody is not None:  # "No one knows whether X": the subject denies the knowing
            if verb.lemma_ != "know" or negation is not None:  # "no one said whether": a silence
                return
            auxes, negation = [*nobody.subtree, *auxes], nobody
        elif verb.lemma_ == "know" and not any(a.lemma_ in ("do", "can") for a in auxes):
            return
        elif verb.lemma_ != "know" and not any(a.lemma_ in ("can", "could") for a in auxes):
            return
        if verb.lemma_ in spec["open_question_verbs"] and not any(c.dep_ == "ccomp" and self._asks(c) for c in verb.children):
            return  # "cannot say more", "could not tell the difference": a refusal or an inability
        record = self._uncertain([*auxes, verb], verb, negation)
        # "…, which ISW cannot independently verify": ISW cannot tell, whoever reported the rest; but "he
        # doesn't know what he's doing" is the speaker's jab, not his own uncertainty
        named = self.explicit_assessor(verb, frozenset(), holder=True) if nobody is None and verb.lemma_ != "know" else None
        if named:
            record["assessor"], record["assessor_mention"] = named

    def _nobody(self, subject: Token) -> bool:
        """"nobody", "no one", "none of us": a subject that denies what its verb says."""
        spec = self.rules.lex["uncertainty"]
        return subject.lower_ in spec["nobody"] or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)

    def _far_from(self, word: Token) -> Token | None:
        """"far from certain", "by no means inevitable": a negation the parser hangs elsewhere, as
        the object of "from" under "far", or a "by no means" phrase on the word or its copula."""
        if word.head.lower_ == "from" and word.head.head.lower_ == "far":
            return word.head.head
        for node in (word, word.head):
            for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "by"):
                means = next((g for g in prep.children if g.lower_ == "means"), None)
                if means is not None and any(d.lower_ == "no" for d in means.children):
                    return prep
        return None

    def _uncertain(self, phrase: list[Token], frame: Token, negation: Token | None) -> dict[str, Any]:
        words = {t.i for t in phrase}  # not the phrase's own "by no means"
        clause = that_clause(frame) or next((c for c in frame.children if c.dep_ in ("ccomp", "xcomp", "prep") and c.i not in words), None)
        proposition = contiguous(clause_tokens(clause)) if clause is not None else None
        canonical = self.rules.lex["uncertainty"]["canonical"]
        return self.emit(sorted(set(phrase), key=lambda t: t.i), canonical, None, proposition, [], "uncertainty",
                         extra_negated=negation is not None, category="uncertainty")

    # comparatives

    def shift(self, verb: Token) -> None:
        """"increases the likelihood of X", "reduced the chance that X": X became more or less likely."""
        spec = self.rules.lex["shifts"]
        noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in spec["nouns"]), None)
        if noun is None:
            return
        direction = "more" if verb.lemma_ in spec["up"] else "less"
        of = [t for c in noun.children if c.dep_ in ("prep", "acl") for t in c.subtree]
        clause = that_clause(noun)
        tokens = clause_tokens(clause) if clause is not None else [t for t in of if not (t.dep_ == "prep" and t.head.i == noun.i)]
        phrase = [verb, *[c for c in noun.children if c.dep_ == "det"], noun]
        self.emit(phrase, f"{direction} likely", is_negated(verb, self.rules.negations), contiguous(tokens), [],
                  "likelihood-shift", category="comparative", direction=direction)

    # modal-like hedges

    def appearance(self, verb: Token) -> None:
        """"X appears to Y", "seems to have increased", "appears resolved", "it appears that X"."""
        if verb.pos_ not in ("VERB", "AUX") or any(introduces(c) and c.lower_ in self.rules.lex["judgement"]["condition_marks"] for c in verb.children):
            return
        complement = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp", "oprd", "ccomp")), None)
        if complement is None or (complement.dep_ == "ccomp" and that_clause(verb) is None):
            return
        phrase = [verb]
        to = next((c for c in complement.children if c.dep_ == "aux" and c.lower_ == "to" and c.i == verb.i + 1), None)
        if to is not None:
            phrase.append(to)
        self.emit(phrase, "seems", is_negated(verb, self.rules.negations), contiguous(clause_tokens(complement)), [],
                  "appearance", category="modal")

    def hedge_tokens(self, tokens: list[Token], rule: str) -> None:
        """A fixed hedge matched as a whole ("look set to", "seemingly")."""
        head = tokens[-1].head
        self.emit(tokens, "seems", None, contiguous(clause_tokens(head)), [], rule, category="modal")

    def potential(self, noun: Token) -> None:
        """"there is (real) potential for X", "have the potential to X"; not attributive "potential".
        "there is a possibility / a chance that X" says X may happen as "there is potential for X"
        does; "has a chance to win" is an opportunity, not a hedge."""
        head = noun.head
        existential = noun.lemma_ in self.rules.lex["appearance"]["existential"]
        if noun.dep_ == "amod":
            return  # "potential targets": attributive, not a judgement
        if existential and any(t.like_num for t in noun.subtree if t.i < noun.i):
            return  # "a roughly 50% chance": a stated number, no hedge
        if noun.dep_ == "attr" and any(c.dep_ == "expl" for c in head.children):
            phrase = [c for c in head.children if c.dep_ == "expl"] + [head, *[c for c in noun.lefts if c.dep_ == "amod"], noun]
        elif noun.dep_ == "dobj" and head.lemma_ == "have" and not existential:
            phrase = [head, *[c for c in noun.lefts if c.dep_ == "det"], noun]
        else:
            return
        after = [t for c in (*noun.children, *head.children) if c.dep_ in ("prep", "acl", "relcl", "advcl") and c.i > noun.i for t in c.subtree]
        if after and after[0].lower_ == "that":
            after = after[1:]  # "a chance that X": the proposition is X
        while after and after[-1].is_punct:
            after.pop()
        negation = is_negated(head, self.rules.negations) or is_negated(noun, self.rules.negations)  # "there is no risk"
        self.emit(phrase, "possible", negation, contiguous(after), [], "potential", category="modal")

