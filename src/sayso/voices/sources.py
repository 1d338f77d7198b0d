"""Naming a quoted block's source from the text: its lead-in, the block itself or the paragraphs before."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span, Token

from sayso.voices.lead_ins import lead_in_name, named_owner, owned_source, presenter
from sayso.voices.naming import NAMED_SPEAKERS, clean_name, entity_of, first_speaker, proper_run
from sayso.voices.passages import Passage
from sayso.voices.rules import Rules
from sayso.voices.signals import TokenIndex
from sayso.voices.signatures import attribution_line, signature, signed_url


def name_sources(
    text: str, passages: list[Passage], tokens: TokenIndex, rules: Rules, links: Sequence[Sequence[Any]] = ()
) -> None:
    """Give each quoted block with no source from markup the source the text names, if any, else
    the target of a link (``[start, end, url]``) in the paragraph before it or in the block, else
    the address it signs off with ("Source: https://…")."""
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
            name = (
                _block_source(text, passages, i, j, tokens, rules)
                or _linked_source(text, passages, i, j, links, tokens)
                or signed_url(text, passages, j)
            )
            for p in block:
                p.source = name
        i = j + 1


def _linked_source(
    text: str, passages: list[Passage], first: int, last: int, links: Sequence[Sequence[Any]], tokens: TokenIndex
) -> str | None:
    """The last link in the author's paragraph just before the block, else the last in the block:
    the person or organisation its anchor text names ("[Dennis Prager on townhall.com](…)",
    "[according to Ars Technica](…)"), else its target."""
    if not links:
        return None
    before = next((p for p in reversed(passages[:first]) if text[p.start : p.end].strip()), None)
    stretches = [(before.start, before.end)] if before is not None and before.voice == "author" else []
    stretches.append((passages[first].start, passages[last].end))
    for start, end in stretches:
        inside = [link for link in links if start <= int(link[0]) and int(link[1]) <= end]
        if inside:
            anchor_start, anchor_end, url = inside[-1][:3]
            named = [e for t in tokens.within(int(anchor_start), int(anchor_end)) if (e := entity_of(t)) is not None]
            named = [e for e in named if e.label_ in NAMED_SPEAKERS]
            return clean_name(named[0].text) if named else str(url)
    return None


def _block_source(
    text: str, passages: list[Passage], first: int, last: int, tokens: TokenIndex, rules: Rules
) -> str | None:
    verbs = rules.reporting_verbs | rules.analytic_verbs
    signed = signature(text, passages, last, tokens)
    if signed:
        return signed
    lead = _lead_in(text, passages, first, rules)
    if lead is None:
        line = attribution_line(text, passages, first, tokens)
        if line:
            return line
    else:
        named = _lead_in_source(text, passages, first, lead, tokens, rules)
        if named is not None:
            return clean_name(named.text)
    block_tokens = [t for p in passages[first : last + 1] for t in tokens.within(p.start, p.end)]
    found = first_speaker(block_tokens, rules.analytic_verbs, rules, rules.label_preference)
    lookback = [tokens.within(p.start, p.end) for p in _lookback(text, passages, first, rules)]
    for span in lookback:
        found = found or first_speaker(span, verbs, rules, rules.lookback_labels)
    # the paragraph just before, with no colon: "X has a good piece on …", "Rod Dreher notes that …, he says"
    for span in lookback[:1]:
        found = found or presenter(span, rules) or first_speaker(_last_sentence(span), verbs, rules, NAMED_SPEAKERS)
    found = found or first_speaker(block_tokens, rules.reporting_verbs, rules, rules.label_preference)
    return clean_name(found.text) if found is not None else None


def _lead_in_source(
    text: str, passages: list[Passage], first: int, lead: Passage, tokens: TokenIndex, rules: Rules
) -> Span | None:
    """Who the author's lead-in paragraph ending in a colon names: its last sentence read as a
    lead-in, else the person a he/she there stands for, else a name its earlier sentences give."""
    lead_tokens = tokens.within(lead.start, lead.end)
    last_sentence = _last_sentence(lead_tokens)
    name = lead_in_name(last_sentence, rules) or _pronoun_source(text, passages, first, last_sentence, rules)
    # "Kurti rejected the charge. Here is his statement:": a person the lead-in named before counts too
    labels = ("PERSON", "ORG", *rules.lookback_labels) if owned_source(last_sentence, rules) else rules.lookback_labels
    for sent in reversed(list(lead_tokens.sents)):
        clipped = [t for t in sent if lead.start <= t.idx < lead.end]
        name = (name or first_speaker(clipped, None, rules, labels) or presenter(clipped, rules)
                or named_owner(clipped, rules))  # "Take this from a long Politico piece. The money quote:"
    return name


def _pronoun_source(
    text: str, passages: list[Passage], first: int, sentence: Sequence[Token], rules: Rules
) -> Span | None:
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
        entity = entity_of(t)
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and (entity is None or entity.label_ == "PERSON"):
            return entity if entity is not None else proper_run(t)
    people = [e for e in pronoun.doc.ents if e.label_ == "PERSON" and e.end <= pronoun.i]
    named = [e for e in people if start <= e.start_char]
    if named:
        return named[-1]
    earlier = next((p for p in reversed(passages[:first]) if p.voice == "quoted"), None)
    return next((e for e in people if earlier is not None and clean_name(e.text) == earlier.source), None)


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


_PERSONAL = frozenset({"he", "she", "his", "her"})
