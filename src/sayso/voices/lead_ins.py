"""Who a lead-in names: the writer or speaker that the sentence introducing a quotation or a pasted
excerpt credits ("As Karen Holt wrote:", "Reuters reports:", "From Bloomberg:", "Karen Holt on
…:", "Levy's conclusion:", "… does not surprise pollster Jane Roe:").

One reader for both uses of a lead-in: voices names a quoted block's source with it, and
attribution credits the quotation or excerpt after a lead-in colon with it, so the two never read
the same lead-in two ways.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from sayso.voices.naming import (
    FINITE_TAGS,
    NAMED_SPEAKERS,
    entity_of,
    first_speaker,
    opening_name,
    preferred_entity,
    proper_run,
    without_lead_words,
)
from sayso.voices.rules import Rules


def lead_in_name(sentence: Sequence[Token], rules: Rules) -> Span | None:
    """The name the lead-in ``sentence`` (its last sentence, up to the colon) gives, first hit wins;
    None when it names no one ("Here is the statement:", "Some High-Risk Practices:")."""
    verbs = rules.reporting_verbs | rules.analytic_verbs
    return (
        first_speaker(sentence, verbs, rules, rules.label_preference)  # "As X wrote:", "according to X"
        or _ends_in_name(sentence)  # "… does not surprise pollster Jane Roe:", "…," by Jane Roe:"
        or _presented(sentence)  # "And here is Bloomberg, two days earlier, with a different story:"
        or _named_head(sentence)  # "Marco Arment:", "Dave Winer on whether Twitter is dying:"
        # "Adam Smith continues:": a named subject of a main verb that ends the lead-in, whatever the verb
        or first_speaker([t for t in sentence if t.dep_ == "nsubj" and _ends_lead_in(t.head)], None, rules, NAMED_SPEAKERS)
        or _named_in_fragment(sentence, rules)  # "In the words of Adam Smith:", "From Bloomberg:"
        or named_owner(sentence, rules)  # "Levy's conclusion:", "a response from Naomi Klein:"
    )


def presenter(candidates: Sequence[Token] | Span, rules: Rules) -> Span | None:
    """"O. Alan Noble has a good piece on the CT website.", "Samuel James made a couple of points
    yesterday": a named subject whose verb's object is a source noun presents the excerpt after it."""
    for t in candidates:
        objects = [o for o in t.head.children if o.dep_ == "dobj"] if t.dep_ == "nsubj" else []
        # "a couple of points", "a series of tweets": the noun after "of" is what was made
        objects += [n for o in objects for of in o.children if of.lower_ == "of" for n in of.children if n.dep_ == "pobj"]
        if any(o.lemma_.lower() in rules.source_nouns for o in objects):
            name = preferred_entity([t, *t.conjuncts], rules, NAMED_SPEAKERS)
            if name is not None:
                return name
    return None


def owned_source(sentence: Sequence[Token] | Span, rules: Rules) -> bool:
    """A lead-in that names its source only by a possessive: "his statement", "their report"."""
    return any(
        t.dep_ == "poss" and t.lower_ in ("his", "her", "their", "its") and t.head.lemma_.lower() in rules.source_nouns
        for t in sentence
    )


def _ends_lead_in(verb: Token) -> bool:
    """A main verb with nothing after it but adverbs and the colon: it introduces the excerpt."""
    return verb.dep_ == "ROOT" and all(t.dep_ in ("punct", "advmod") for t in verb.rights)


def _named_head(sentence: Sequence[Token]) -> Span | None:
    """"Marco Arment:", "Dries Buytaert on the dominance of large platforms:": the lead-in's
    head word is a person's or organisation's name (a proper noun NER missed counts too)."""
    root = next((t for t in sentence if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "PROPN":
        return None
    entity = entity_of(root)
    if entity is not None:
        return entity if entity.label_ in NAMED_SPEAKERS else None
    run = proper_run(root)
    # the run must open the lead-in: "Some High-Risk Practices (formatting mine):" names no one
    return run if run.start == sentence[0].i and run.text[:1].isupper() else None


def _presented(sentence: Sequence[Token]) -> Span | None:
    """"Here is Bloomberg, two days earlier:", "Here's the Journal this morning:": the name "here is"
    presents is the excerpt's source, whatever the tagger labelled it (one-word outlets often come
    out as places) and whatever follows it."""
    for t in sentence:
        named = t.pos_ == "PROPN" or (t.is_title and t.pos_ in ("ADJ", "NOUN"))  # "Axios" tagged an adjective
        be = t.head.lemma_ == "be" or t.head.lower_ in ("’s", "'s")  # "Here’s": the tagger's lemma is "’"
        if t.dep_ == "nsubj" and t.i > t.head.i and be and named \
                and any(c.lower_ == "here" for c in t.head.children):
            entity = entity_of(t)
            if entity is not None and entity.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                return entity
            return proper_run(t) if entity is None else None
    return None


def _named_in_fragment(sentence: Sequence[Token], rules: Rules) -> Span | None:
    """The first person or organisation named in a lead-in without a finite verb ("In the words of
    Adam Smith:", "And Ailidh Callander, a solicitor at Privacy International:")."""
    if any(t.tag_ in FINITE_TAGS for t in sentence):
        return None
    named = _named_after_via(sentence)
    if named is not None:
        return named
    for t in sentence:
        entity = entity_of(t)
        if entity is not None and entity.label_ in NAMED_SPEAKERS and not any(_where(w) for w in entity):
            return entity
    # "From Bloomberg:": a proper name NER missed or took for a place (a speaker's label, not a date's)
    # that opens its phrase ("Some High-Risk Practices (formatting mine):" names no one)
    for t in sentence:
        entity = entity_of(t)
        if t.pos_ == "PROPN" and t.text[:1].isupper() and (entity is None or entity.label_ in rules.label_preference) and not _where(t):
            while entity is None and t.dep_ == "compound" and t.head.pos_ == "PROPN":
                t = t.head
            return entity or opening_name(t)
    return None


def _named_after_via(sentence: Sequence[Token]) -> Span | None:
    """"Via the Guardian:", "Per Axios:": a verbless lead-in that opens with "via" or "per" names
    its source in the capitalised words after it (the tagger reads "Via" as part of the name and
    "Axios" as an adverb in such fragments); "Per the indictment:" names no one."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if len(words) < 2 or words[0].lower_ not in ("via", "per"):
        return None
    name = words[2:] if words[1].lower_ == "the" else words[1:]
    if not name or len(name) > 6 or name[-1].i - name[0].i >= len(name) or not all(t.text[:1].isupper() or t.lower_ in ("of", "and", "&") for t in name):
        return None
    return name[0].doc[name[0].i : name[-1].i + 1]


def named_owner(sentence: Sequence[Token], rules: Rules) -> Span | None:
    """"I'm on board with Levy's conclusion:", "another passage from Sotomayor's speech:", "a good
    response from Naomi Klein:", "Take this from a long Politico piece.": the named owner or author
    of a source noun in the lead-in names the excerpt (a proper noun NER missed counts too:
    "Twitter's statement")."""
    for t in sentence:
        if t.dep_ in ("poss", "compound") and t.head.lemma_.lower() in rules.source_nouns:
            owner = t  # "Levy's conclusion", "a long Politico piece"
        elif t.dep_ == "pobj" and t.head.lower_ in ("from", "by") and t.head.head.lemma_.lower() in rules.source_nouns:
            owner = t
        else:
            continue
        entity = entity_of(owner)
        if entity is not None and entity.label_ in NAMED_SPEAKERS:
            return entity
        if entity is None and owner.pos_ == "PROPN" and owner.text[:1].isupper():
            return proper_run(owner)
    return None


def _ends_in_name(sentence: Sequence[Token]) -> Span | None:
    """"… does not surprise pollster Jane Roe:", "Here's John:", "…," by Times' Jane Roe:": a
    lead-in that ends by handing over to a person, its last words the person's name (titles and
    all) as the verb's object or inverted subject, an author after "by" or "from", or a byline
    alone; not a name the words before were about ("… the heydays of Thatcher and Reagan:")."""
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if not words:
        return None
    last = words[-1]
    chunk = next((c for c in last.doc[words[0].i : last.i + 1].noun_chunks if c.end == last.i + 1), None)
    person = entity_of(chunk.root) if chunk is not None else None
    if person is None or person.label_ != "PERSON":
        return None
    root = chunk.root
    while root.dep_ == "conj":  # "- Frank Newport and Jim Harter:": the coordination's place counts
        root = root.head
    inverted = root.dep_ == "nsubj" and root.i > root.head.i  # "Here is Jane Roe:", "So says Jane Roe:"
    author = root.dep_ == "pobj" and root.head.lower_ in ("by", "from")
    return without_lead_words(chunk) if root.dep_ in _HANDED_OVER or inverted or author else None


def _where(name: Token) -> bool:
    """A name that says where or on what the words appeared, not whose they are: "on CNN", "in
    the GOP debate"."""
    while name.dep_ == "compound":  # "on the GOP debate"
        name = name.head
    return name.dep_ == "pobj" and name.head.lower_ in ("on", "in", "at", "during", "into")


_HANDED_OVER = frozenset({"dobj", "attr", "appos", "ROOT", "npadvmod"})
