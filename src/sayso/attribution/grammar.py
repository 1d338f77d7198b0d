"""Dependency-parse shapes the rules ask about: clauses, objects, passives, asides.

Pure functions of tokens; none of them knows about quotes, the lexicon or what was found.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


CLAUSE_DEPS = {"ccomp"}


FINITE_TAGS = {"VBZ", "VBD", "VBP"}


COMPLEMENT_DEPS = {"dobj", "dative", "xcomp", "prep", "oprd"}


QUANTIFIERS = {"any", "many", "some", "most", "all", "none", "several", "each", "few", "much", "one", "two", "three"}


COUNTERPOINT_MARKS = {"while", "though", "although", "whereas"}  # closed-class subordinators


GLOSS_DETERMINERS = {"a", "an", "another"}  # "…in taxes, an acknowledgment that …": a second object is a gloss


def without_writers_asides(head: Token) -> list[Token]:
    """A reported clause without what the writer added after a comma: a counterpoint ("said the army
    held the bridge, while rebels claimed the town"), a while/though/whereas clause with its own
    subject (PolNeAR train speech content +0.08), or a gloss, a common-noun apposition that closes
    the clause ("…his plan to ban the convoys, a plan the ministry has since dropped"; +0.02), or an
    a/an/another noun phrase the parser made a second object ("…in taxes, an acknowledgment …"), or a
    who-clause that says who a person is ("…backs Sanders, who won the state in 2016"; +0.001;
    one with quotation marks in it quotes the speaker, and stays)."""
    tokens = list(head.subtree)
    clause_end = head.right_edge.i - 1  # the clause's last word, bar a full stop
    for c in tokens:
        if c.i <= head.i:
            continue  # an aside comes after the clause's head
        closes = c.right_edge.i >= clause_end
        gloss_like = c.dep_ == "appos" or (c.dep_ in ("dobj", "npadvmod") and c.left_edge.lower_ in GLOSS_DETERMINERS)
        if gloss_like and c.tag_ in ("NN", "NNS") and closes:
            first = c.left_edge
            if first.i > head.i + 2 and first.nbor(-1).text in (",", "-", "—", "–"):
                return [t for t in tokens if t.i < first.i - 1]
        if c.dep_ == "relcl" and closes and c.left_edge.lower_ == "who" and not any(
            t.is_quote for t in c.subtree
        ):
            first = c.left_edge
            if first.i > head.i + 2 and first.nbor(-1).text == ",":
                return [t for t in tokens if t.i < first.i - 1]
    for c in head.rights:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ == "advcl" and marks & COUNTERPOINT_MARKS and any(m.dep_ in SUBJECT_DEPS for m in c.children):
            first = c.left_edge
            if first.i > 0 and first.nbor(-1).text == ",":
                return [t for t in tokens if t.i < first.i - 1]
    return tokens


ASIDE_DEPS = {"relcl", "appos", "acl", "advmod", "amod", "prep"}


def without_closing_aside(noun: Token) -> list[Token]:
    """A noun phrase that is what was said, without a phrase a comma or dash sets off at its end:
    the writer's gloss ("predicted a win in Ohio, which votes next week", "reported a profit of
    $2 a share, well above forecasts", "commented on the reason, which …"). PolNeAR and GUM
    train both leave these out of an object content."""
    tokens = list(noun.subtree)
    for c in noun.rights:
        closes = c.right_edge.i >= noun.right_edge.i - 1
        if c.dep_ in ASIDE_DEPS and closes and c.left_edge.i > noun.left_edge.i + 1:
            before = noun.doc[c.left_edge.i - 1]
            if before.text in (",", "—", "–", "-", "("):
                return [t for t in tokens if t.i < before.i]
    return tokens


def closed_off(comp: Token, verb: Token) -> bool:
    """"His contract is expiring; the show has not announced a successor": a clause before the cue that a
    semicolon or dash closes off is a sentence of its own, not what the cue's subject said."""
    if comp.i > verb.i:
        return False
    doc = comp.doc
    between = doc[comp.right_edge.i + 1 : verb.i]
    return any(t.text in (";", "—", "–", "--") for t in between)


def message_like(head: Token) -> bool:
    """An object that can be what was said: not a pronoun, a person or a bare name; a quantity of
    such things counts ("many of the pledges", "any of his opponents' claims")."""
    if head.pos_ in ("DET", "ADJ", "NUM", "PRON") and head.lower_ in QUANTIFIERS:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return pobj is not None and message_like(pobj)
    return head.pos_ in ("NOUN", "VERB") and head.ent_type_ != "PERSON" and not any(
        c.dep_ == "poss" and c.ent_type_ == "PERSON" and c.i == head.i - 1 for c in head.children
    )


def lone_name(token: Token) -> bool:
    """"“…,” said Skelly, explaining …": a capitalised word alone before punctuation is a surname,
    even where the tagger took it for an adverb and so made no noun phrase of it."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_title and token.is_alpha and not token.is_stop and (after is None or after.is_punct)


def gerund_object(child: Token, verb: Token) -> bool:
    """A bare -ing clause after the verb as its object, with no subject or auxiliary of its own."""
    return (
        child.i > verb.i and child.tag_ == "VBG" and child.dep_ in ("xcomp", "ccomp", "dobj")
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "mark") for c in child.children)
    )


def gerund_subject_clause(verb: Token) -> Token | None:
    """"said closing the plant would cost jobs", "say raising the fee curbs demand":
    a clause whose subject is an -ing phrase, which the parser hangs on the cue as its bare -ing
    complement with the clause's verb under it; the -ing word opens the clause."""
    gerund = next((c for c in verb.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if gerund is None or gerund.i != verb.i + 1:
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "mark") for c in gerund.children):
        return None
    finite = next((c for c in gerund.rights if c.dep_ == "ccomp"), None)
    if finite is None:
        return None
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in finite.children)
    return gerund if finite.tag_ in FINITE_TAGS or modal else None


def is_question(child: Token) -> bool:
    """An indirect question parsed as an adverbial clause: "asked if/whether …"."""
    return child.dep_ == "advcl" and child.i > child.head.i and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children)


def that_complement(clause: Token) -> bool:
    """"said in a briefing that its forces had repelled attacks": a "that" the parser took for a
    relative pronoun is the complementizer when the clause has no gap for it to fill (the role it
    was given is filled by another word); "a briefing that the ministry gave" keeps its gap."""
    first = clause.doc[clause.left_edge.i]
    if first.lower_ != "that" or first.head.i != clause.i:
        return False
    return any(c.dep_ == first.dep_ and c.i != first.i for c in clause.children)


def noun_infinitive(verb: Token) -> bool:
    """An infinitive hung on a noun with no subject of its own: whoever the noun's clause is about
    does the saying."""
    return (
        verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def absolute_with(verb: Token) -> Token | None:
    """"…, with aides saying …": the "with" that opens an absolute clause whose participle has a
    subject of its own (its noun, or a subject the parser gave it)."""
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ == "pcomp" and any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        opener = verb.head
    elif verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.i < verb.i:
        opener = verb.head.head
    else:
        return None
    return opener if opener.lower_ == "with" and opener.i < verb.i else None


def by_whom(verb: Token) -> Token | None:
    """The agent of a passive participle ("asked by the host")."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def has_contracted(verb: Token) -> bool:
    """"He's said he will fight": a past tense after a contracted 's is "has said", which the
    parser can read as a passive ("is said"); its subject is the speaker."""
    return verb.tag_ == "VBD" and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children)


def asker_unnamed(verb: Token) -> bool:
    """"Asked whether …, the minister said": a bare passive participle names no one who asks."""
    return (
        verb.tag_ == "VBN" and verb.dep_ != "ROOT"
        and not any(c.dep_ in ("aux", "auxpass", "agent", *SUBJECT_DEPS) for c in verb.children)
    )  # with a subject it is a past tense the tagger misread ("… CHANGE," Trump tweeted)


def controller(verb: Token) -> Token | None:
    """"The result led the chairman to declare …", "sent a reporter to ask …": the object of the
    verb that governs an infinitive cue is who speaks."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def subject_set_off(verb: Token, marks: str) -> Token | None:
    """The verb's subject before it, when one of ``marks`` sets it off from what precedes ("…, the
    ministry said", "“…,” the source recalled"): the cue of a clause it follows or interrupts."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == 0 or verb.doc[subject.left_edge.i - 1].text not in marks:
        return None
    return subject


def is_definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


BARE_VERB_TAGS = {"VB", "VBG", "VBN"}


def perceived_event(verb: Token) -> bool:
    """"saw soldiers fire", "observed troops loading bodies": a clause with its own subject and no
    tense, mark or auxiliary is an event the subject perceived, where "saw that …" or "observed that
    …" reports a fact known or stated. After a past-tense verb a plural present form is the bare
    verb the parser mistook ("watched troops enter")."""
    for comp in verb.rights:
        if comp.dep_ != "ccomp" or any(c.dep_ in ("mark", "aux", "auxpass") for c in comp.children):
            continue
        if any(c.dep_ == "nsubj" for c in comp.children) and (
            comp.tag_ in BARE_VERB_TAGS or (comp.tag_ == "VBP" and verb.tag_ == "VBD")
        ):
            return True
    return False


def possessed_participle(verb: Token) -> bool:
    """"Moscow's announced plans", "Trump's proposed wall": a participle between a possessive and its
    noun modifies the noun, however the parser hung it (as a verb whose subject is "Moscow's"), so it
    reports nothing and "Moscow" says nothing."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        subject is not None and subject.i == verb.i - 2 and verb.nbor(-1).tag_ == "POS"
        and after is not None and after.pos_ == "NOUN"
    )


def relative_antecedent(head: Token) -> Token | None:
    """"Senator Roe, who said …", "the Harbor Authority, which said …": a relative pronoun that
    speaks is named by the proper name its clause follows (the mention stays the pronoun, as
    PolNeAR's annotators mark it 104 times in 119 on train)."""
    clause = head.head
    if head.tag_ not in ("WP", "WDT") or head.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "relcl":
        return None
    noun = clause.head  # a name only, never a place: "a gynecologist from Englewood, who said" is hers
    if noun.pos_ == "NOUN":  # "her son, Thomas, who said …": the name set beside the noun
        noun = next((c for c in noun.children if c.dep_ == "appos" and noun.i < c.i < clause.i), noun)
    return noun if noun.pos_ == "PROPN" and noun.ent_type_ in ("PERSON", "ORG", "NORP") else None


def object_apposition(token: Token, speaker_nouns: Iterable[str]) -> bool:
    """An apposition the parser hung on a common-noun object, set off by a comma, that names a
    person or body or is a speaker noun: before a subjectless trailing cue it is the speaker ("The
    strike destroyed two houses, the head of the region, Oleh Roe, said"), not a gloss on the
    object; a name taken for the object speaks itself ("“…,” Gene Roe, an adviser, said")."""
    if token.dep_ != "appos" or token.head.dep_ not in ("dobj", "attr") or token.head.pos_ != "NOUN":
        return False
    if token.head.lemma_.lower() in speaker_nouns:
        return False  # "…, a spokeswoman, Anna White, said": the speaker noun and its name speak together
    if token.left_edge.i == 0 or token.doc[token.left_edge.i - 1].text != ",":
        return False
    # or one of its conjuncts is ("killing 23 people, a local aid group and a medical official said")
    return any(t.ent_type_ in ("PERSON", "ORG") for t in token.subtree) or any(
        t.lemma_.lower() in speaker_nouns for t in (token, *token.conjuncts)
    )


def speaker_hung_on_object(verb: Token, speaker_nouns: Iterable[str]) -> Token | None:
    """The ``object_apposition`` that ends at the comma right before a cue with no subject of its own."""
    doc = verb.doc
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    token = doc[verb.i - 2]
    for _ in range(4):  # from the apposition's last word up to its head
        if object_apposition(token, speaker_nouns) and token.right_edge.i == verb.i - 2:
            return token
        if token.head.i == token.i or token.head.i > verb.i:
            return None
        token = token.head
    return None
