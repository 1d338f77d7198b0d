"""Naming a quoted block's source from the text: its lead-in, the block itself or the paragraphs before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span, Token

from sayso.voices.passages import Passage
from sayso.voices.rules import Rules
from sayso.voices.signals import TokenIndex


def name_sources(
    text: str, passages: list[Passage], tokens: TokenIndex, rules: Rules, links: Sequence[Sequence[Any]] = ()
) -> None:
    """Give each quoted block with no source from markup the source the text names, if any, else
    the target of a link (``[start, end, url]``) in the paragraph before it or in the block."""
    i = 0
    while i < len(passages):
        if passages[i].voice != "quoted":
            i += 1
            continue
        j = i
        while j + 1 < len(passages) and passages[j + 1].voice == "quoted" and (
            passages[j + 1].markup is None or passages[j + 1].markup == passages[i].markup
        ):
            j += 1
        block = passages[i : j + 1]
        if all(p.source is None for p in block):
            named_link, url = _linked_source(text, passages, i, j, links, tokens)
            # a name the text gives comes before a link's bare target
            name = (
                _block_source(text, passages, i, j, tokens, rules)
                or named_link
                or url
            )
            for p in block:
                p.source = name
        i = j + 1


def _linked_source(
    text: str, passages: list[Passage], first: int, last: int, links: Sequence[Sequence[Any]], tokens: TokenIndex
) -> tuple[str | None, str | None]:
    """The last link in the author's paragraph just before the block, else the last in the block:
    the person or organisation its anchor text names ("[Dennis Prager on townhall.com](…)",
    "[according to Ars Technica](…)") and its target."""
    if not links:
        return None, None
    before = next((p for p in reversed(passages[:first]) if text[p.start : p.end].strip()), None)
    stretches = [(before.start, before.end)] if before is not None and before.voice == "author" else []
    stretches.append((passages[first].start, passages[last].end))
    for start, end in stretches:
        inside = [link for link in links if start <= int(link[0]) and int(link[1]) <= end]
        if inside:
            anchor_start, anchor_end, url = inside[-1][:3]
            named = [e for t in tokens.within(int(anchor_start), int(anchor_end)) if (e := tokens.entity(t)) is not None]
            named = [e for e in named if e.label_ in _NAMED_SPEAKERS]
            return (_clean_name(named[0].text) if named else None), str(url)
    return None, None


def _block_source(
    text: str, passages: list[Passage], first: int, last: int, tokens: TokenIndex, rules: Rules
) -> str | None:
    verbs = rules.reporting_verbs | rules.analytic_verbs
    signed = _signature(text, passages, first, last, tokens)
    if signed:
        return signed
    lead = _lead_in(text, passages, first, rules)
    if lead is not None:
        lead_tokens = tokens.within(lead.start, lead.end)
        last_sentence = _last_sentence(lead_tokens)
        name = _first_speaker(last_sentence, verbs, tokens, rules, rules.label_preference)
        # "Dave Winer on whether Twitter is dying:", "Marco Arment:": a lead-in whose head is a name
        name = name or _named_head(last_sentence, tokens)
        # "Adam Smith continues:": a named subject of a main verb that ends the lead-in, whatever the
        # verb; "Dr Bernie Hogan from the Oxford Internet Institute:": a verbless lead-in is a name
        name = name or _first_speaker(
            [t for t in last_sentence if t.dep_ == "nsubj" and _ends_lead_in(t.head)], None, tokens, rules, _NAMED_SPEAKERS
        )
        name = name or _named_in_fragment(last_sentence, tokens)
        name = name or _named_owner(last_sentence, tokens, rules)
        name = name or _pronoun_source(text, passages, first, last_sentence, tokens, rules)
        # "Kurti rejected the charge. Here is his statement:": a person the lead-in named before counts too
        labels = ("PERSON", "ORG", *rules.lookback_labels) if _owned_source(last_sentence, rules) else rules.lookback_labels
        for sent in reversed(list(lead_tokens.sents)):
            clipped = [t for t in sent if lead.start <= t.idx < lead.end]
            name = name or _first_speaker(clipped, None, tokens, rules, labels) or _presenter(clipped, tokens, rules)
        if name:
            return name
    else:
        name = _heading_name(text, passages, first, tokens)
        if name:
            return name
    block_tokens = [t for p in passages[first : last + 1] for t in tokens.within(p.start, p.end)]
    name = _first_speaker(block_tokens, rules.analytic_verbs, tokens, rules, rules.label_preference)
    if name:
        return name
    for p in _lookback(text, passages, first, rules):
        name = _first_speaker(tokens.within(p.start, p.end), verbs, tokens, rules, rules.lookback_labels)
        if name:
            return name
    # the paragraph just before, with no colon: "X has a good piece on …", "Rod Dreher notes that …, he says"
    for p in _lookback(text, passages, first, rules)[:1]:
        span = tokens.within(p.start, p.end)
        name = _presenter(span, tokens, rules) or _first_speaker(_last_sentence(span), verbs, tokens, rules, _NAMED_SPEAKERS)
        if name:
            return name
    return _first_speaker(block_tokens, rules.reporting_verbs, tokens, rules, rules.label_preference)


def _ends_lead_in(verb: Token) -> bool:
    """A main verb with nothing after it but adverbs and the colon: it introduces the excerpt."""
    return verb.dep_ == "ROOT" and all(t.dep_ in ("punct", "advmod") for t in verb.rights)


def _signature(text: str, passages: list[Passage], first: int, last: int, tokens: TokenIndex) -> str | None:
    """The name a block signs off with ("… — Josh Aas, Executive Director, ISRG", "-- Richard P.
    Feynman", "(Source: Reuters)", "(Julian Assange)"), on its last line or on a short author line
    right after it: who wrote or said the excerpt, stated by the excerpt itself."""
    candidates = [passages[last]]
    after = next((p for p in passages[last + 1 :] if text[p.start : p.end].strip()), None)
    if after is not None and after.voice == "author" and len(text[after.start : after.end].split()) <= 12:
        candidates.append(after)
    for p in candidates:
        body = text[p.start : p.end].rstrip()
        for pattern, strict in _SIGNATURES if p is passages[last] else _SIGNATURES[:1]:
            match = pattern.search(body)
            if match:
                span = tokens.within(p.start + match.start("who"), p.start + match.end("who"))
                name = _signed_name(match.group("who"), span, tokens, strict)
                if name:
                    return name
    return None


def _signed_name(who: str, span: Span, tokens: TokenIndex, strict: bool) -> str | None:
    """The name that opens a signature ``who`` (over ``span``): its words up to the first comma or
    bracket when all are capitalised ("George R.R. Martin, A Clash of Kings"), else a person or
    organisation named in it ("Calendar clerk, U.S. Tax Court"); when ``strict``, only a signature
    that is one name."""
    if any(t.tag_ in _FINITE_TAGS for t in span):  # "… — Then Merkel arrived": a sentence, not a sign-off
        return None
    entities = [e for t in span if (e := tokens.entity(t)) is not None and e.label_ in _NAMED_SPEAKERS]
    if strict:
        return _clean_name(who) if entities and _folded_equal(entities[0].text, who) else None
    head = _SIGNATURE_STOPS.split(who, maxsplit=1)[0].strip(" \t-")  # "-Alan Blount-": dashes both sides
    words = head.split()
    if 0 < len(words) <= 6 and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words):
        return _clean_name(head)
    return _clean_name(entities[0].text) if entities else None


def _folded_equal(a: str, b: str) -> bool:
    return _clean_name(a).split() == _clean_name(b).split()


def _heading_name(text: str, passages: list[Passage], first: int, tokens: TokenIndex) -> str | None:
    """"Stephen Chen, South China Morning Post", "The Verge": a short verbless author line just
    before the block that opens with a person or organisation names it (an attribution line)."""
    before = next((p for p in reversed(passages[:first]) if text[p.start : p.end].strip()), None)
    if before is None or before.voice != "author":
        return None
    span = tokens.within(before.start, before.end)
    content = [t for t in span if not t.is_space]
    if not content or len(content) > 12 or content[0].like_url or any(t.tag_ in _FINITE_TAGS for t in content):
        return None
    entity = tokens.entity(content[0]) or (tokens.entity(content[1]) if content[0].lower_ == "the" and len(content) > 1 else None)
    return _clean_name(entity.text) if entity is not None and entity.label_ in _NAMED_SPEAKERS else None


def _named_head(sentence: Sequence[Token], tokens: TokenIndex) -> str | None:
    """"Marco Arment:", "Dries Buytaert on the dominance of large platforms:": the lead-in's
    head word is a person's or organisation's name (a proper noun NER missed counts too)."""
    root = next((t for t in sentence if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "PROPN":
        return None
    entity = tokens.entity(root)
    if entity is not None:
        return _clean_name(entity.text) if entity.label_ in _NAMED_SPEAKERS else None
    run = _proper_run(root)
    opens = root.idx + len(root.text) - len(run) == sentence[0].idx
    # the run must open the lead-in: "Some High-Risk Practices (formatting mine):" names no one
    return _clean_name(run) if opens and run[:1].isupper() else None


def _named_in_fragment(sentence: Sequence[Token], tokens: TokenIndex) -> str | None:
    """The first person or organisation named in a lead-in without a finite verb ("In the words of
    Adam Smith:", "And Ailidh Callander, a solicitor at Privacy International:")."""
    if any(t.tag_ in _FINITE_TAGS for t in sentence):
        return None
    for t in sentence:
        entity = tokens.entity(t)
        if entity is not None and entity.label_ in _NAMED_SPEAKERS:
            return _clean_name(entity.text)
    return None


def _named_owner(sentence: Sequence[Token], tokens: TokenIndex, rules: Rules) -> str | None:
    """"I'm on board with Levy's conclusion:", "another passage from Sotomayor's speech:", "a good
    response from Naomi Klein:": the named owner or author of a source noun in the lead-in names
    the excerpt (a proper noun NER missed counts too: "Twitter's statement")."""
    for t in sentence:
        if t.dep_ == "poss" and t.head.lemma_.lower() in rules.source_nouns:
            owner = t
        elif t.dep_ == "pobj" and t.head.lower_ in ("from", "by") and t.head.head.lemma_.lower() in rules.source_nouns:
            owner = t
        else:
            continue
        entity = tokens.entity(owner)
        if entity is not None and entity.label_ in _NAMED_SPEAKERS:
            return _clean_name(entity.text)
        if entity is None and owner.pos_ == "PROPN" and owner.text[:1].isupper():
            return _clean_name(_proper_run(owner))
    return None


def _presenter(candidates: Sequence[Token] | Span, tokens: TokenIndex, rules: Rules) -> str | None:
    """"O. Alan Noble has a good piece on the CT website.", "Samuel James made a couple of points
    yesterday": a named subject whose verb's object is a source noun presents the excerpt after it."""
    for t in candidates:
        objects = [o for o in t.head.children if o.dep_ == "dobj"] if t.dep_ == "nsubj" else []
        # "a couple of points", "a series of tweets": the noun after "of" is what was made
        objects += [n for o in objects for of in o.children if of.lower_ == "of" for n in of.children if n.dep_ == "pobj"]
        if any(o.lemma_.lower() in rules.source_nouns for o in objects):
            name = _preferred_entity([t, *t.conjuncts], tokens, _NAMED_SPEAKERS, rules)
            if name:
                return name
    return None


def _pronoun_source(
    text: str, passages: list[Passage], first: int, sentence: Sequence[Token], tokens: TokenIndex, rules: Rules
) -> str | None:
    """"… where she said this:", "Then he goes here:", "her insight comes through:": a he/she subject
    (or its owner) of the lead-in's last sentence is the last named subject before it, else the
    person named last, in the lead-in and the author's paragraphs just before; with none since the
    last excerpt, the person who is that excerpt's source (the author quoting the same writer again)."""
    pronoun = next(
        (t for t in sentence if t.lower_ in _PERSONAL and (t.dep_ == "nsubj" or (t.dep_ == "poss" and t.head.dep_ == "nsubj"))),
        None,
    )
    if pronoun is None:
        return None
    stretch = [p for p in _lookback(text, passages, first, rules) if p.start < pronoun.idx]
    start = min((p.start for p in stretch), default=pronoun.idx)
    before = [t for t in pronoun.doc[: pronoun.i] if t.idx >= start]
    # "Trump responded … He said:": the last named subject first, then the last person named at all
    for t in reversed(before):
        entity = tokens.entity(t)
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and (entity is None or entity.label_ == "PERSON"):
            return _clean_name(entity.text if entity is not None else _proper_run(t))
    named = [e for e in pronoun.doc.ents if e.label_ == "PERSON" and start <= e.start_char and e.end <= pronoun.i]
    if named:
        return _clean_name(named[-1].text)
    earlier = next((p for p in reversed(passages[:first]) if p.voice == "quoted"), None)
    people = {_clean_name(e.text) for e in pronoun.doc.ents if e.label_ == "PERSON" and e.end <= pronoun.i}
    return earlier.source if earlier is not None and earlier.source in people else None


def _lead_in(text: str, passages: list[Passage], first: int, rules: Rules) -> Passage | None:
    for p in reversed(passages[:first]):
        if text[p.start : p.end].strip():
            body = text[p.start : p.end].strip()
            return p if p.voice == "author" and rules.lead_in_end.search(body) else None
    return None


def _lookback(text: str, passages: list[Passage], first: int, rules: Rules) -> list[Passage]:
    """The author's paragraphs just before a quoted block, nearest first."""
    found: list[Passage] = []
    for p in reversed(passages[:first]):
        if p.voice == "quoted" or len(found) >= rules.lookback_paragraphs:
            break
        if text[p.start : p.end].strip():
            found.append(p)
    return found


def _last_sentence(span: Span) -> list[Token]:
    content = [t for t in span if not t.is_space]
    if not content:
        return []
    sent_start = content[-1].sent.start
    return [t for t in content if t.i >= sent_start]


def _owned_source(sentence: Sequence[Token] | Span, rules: Rules) -> bool:
    """A lead-in that names its source only by a possessive: "his statement", "their report"."""
    return any(
        t.dep_ == "poss" and t.lower_ in ("his", "her", "their", "its") and t.head.lemma_.lower() in rules.source_nouns
        for t in sentence
    )


def _first_speaker(
    candidates: Sequence[Token] | Span,
    verbs: frozenset[str] | None,
    tokens: TokenIndex,
    rules: Rules,
    labels: Sequence[str] | frozenset[str],
) -> str | None:
    """The first named subject of one of ``verbs`` (any verb when None), or after "according to"."""
    for t in candidates:
        if t.dep_ == "nsubj" and (verbs is None or t.head.lemma_ in verbs):
            subjects = [t, *t.conjuncts]
        elif t.lower_ == "according":
            subjects = [c for to in t.children if to.lower_ == "to" for c in to.children if c.dep_ == "pobj"]
        else:
            continue
        name = _preferred_entity(subjects, tokens, labels, rules)
        if name:
            return name
    return None


def _preferred_entity(
    subjects: list[Token], tokens: TokenIndex, labels: Sequence[str] | frozenset[str], rules: Rules
) -> str | None:
    """The name of the best-ranked subject: its entity, or a named appositive or modifier of it."""
    order = {label: i for i, label in enumerate(rules.label_preference)}
    unnamed = len(order)  # a proper name NER missed ranks after every labelled entity
    named: list[tuple[int, str]] = []
    for s in subjects:
        entity = tokens.entity(s)
        if entity is not None and entity.label_ in labels:
            named.append((order.get(entity.label_, unnamed), _with_place(entity, s, tokens)))
            continue
        if s.pos_ not in ("NOUN", "PROPN"):
            continue
        for m in (*(c for c in s.rights if c.dep_ == "appos"), *s.lefts):
            if m.dep_ not in _NAMING_DEPS:
                continue
            entity = tokens.entity(m)
            if entity is None and m.pos_ == "PROPN" and s.pos_ == "NOUN":
                named.append((unnamed, _proper_run(m)))
            if entity is None or entity.label_ not in labels:
                continue
            rank = order.get(entity.label_, unnamed)
            phrase = m.dep_ == "amod" or (m.dep_ == "poss" and entity.label_ in _PLACE_LABELS)
            named.append((rank, s.doc[m.left_edge.i : s.i + 1].text if phrase else entity.text))
    return _clean_name(min(named)[1]) if named else None


def _with_place(entity: Span, subject: Token, tokens: TokenIndex) -> str:
    """An institution's name with the place that owns it: "Poland's Foreign Ministry", not
    "Foreign Ministry" (NER tags the two apart; without the place the name is ambiguous)."""
    if entity.label_ != "ORG":
        return entity.text
    owners = [
        m
        for m in subject.lefts
        if m.i < entity.start and m.dep_ in ("poss", "amod", "compound")
        and (place := tokens.entity(m)) is not None and place.label_ in _PLACE_LABELS
    ]
    return subject.doc[owners[0].left_edge.i : entity.end].text if owners else entity.text


def _proper_run(token: Token) -> str:
    """A proper name NER missed, ending at ``token``: its proper nouns and inner hyphens
    ("the Critical Threats team" → "Critical Threats", "the UN Secretary-General's office" →
    "UN Secretary-General")."""
    doc, start = token.doc, token.i
    own = {t.i for t in token.subtree}
    while start - 1 in own and (
        doc[start - 1].pos_ == "PROPN" or (doc[start - 1].text in ("-", "\u2013") and start - 2 in own)
    ):
        start -= 1
    return doc[start : token.i + 1].text


# How a common-noun subject names its source: "spokesman, Mykola Danylenko" (appos), "ISW's update"
# (poss), "the Meduza correspondent" (compound): the entity, or the proper-noun run when NER missed
# it ("the Critical Threats team"); "the Israeli military" (amod) and "Poland's Foreign Ministry"
# (a place's institution, also when NER tags the institution alone): the phrase.
_NAMING_DEPS = frozenset({"appos", "poss", "compound", "nmod", "amod"})
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
_NAMED_SPEAKERS = ("PERSON", "ORG")
_PERSONAL = frozenset({"he", "she", "his", "her"})
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
# How a block signs off, on its last line: a dash and a name; "(Source: X)", "(via X)"; a bracketed
# name alone, which must be one named person or organisation (strict), not "(Smith and Jones, 1998)".
_SIGNATURES = (
    (re.compile(r"(?:\A|\n|[.!?\"\u201d\u2019)…]\s*)[ \t]*(?:\u2014|\u2013|\u2015|--?)[ \t]*(?P<who>[A-Z][^\n]{1,120})\Z"), False),
    (re.compile(r"\((?:source|via)\s*:?\s*(?P<who>[^()\n]{2,80})\)\Z", re.IGNORECASE), False),
    (re.compile(r"(?:\A|\n)(?:source|via)\s*:\s*(?P<who>[^\n]{2,80})\Z", re.IGNORECASE), False),
    (re.compile(r"\((?P<who>[A-Z][^()\n]{1,60})\)\Z"), True),
)
_SIGNATURE_STOPS = re.compile(r"[,(;|/\[\u2014\u2013]| - ")
_NAME_PARTICLES = frozenset({"of", "and", "&", "de", "van", "von", "der", "la", "du", "da", "bin", "al"})


def _clean_name(name: str) -> str:
    name = re.sub(r"[\u2019']s?$", "", name.strip())
    return re.sub(r"^(?:the|The)\s+", "", name)
