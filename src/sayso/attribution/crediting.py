"""Crediting a content to a cue verb: finding who speaks (subject, agent, inverted or left-hand
speaker), the cue's span and class, and adding the candidate."""

from __future__ import annotations

from spacy.tokens import Token

from sayso.attribution.clauses import before_next_report
from sayso.attribution.context import Candidate, Context
from sayso.attribution.cues import cue_class_of, cue_span
from sayso.attribution.grammar import lone_name, object_apposition
from sayso.attribution.mentions import mention_of, past_dateline
from sayso.attribution.quotes import QUOTE_CHARS, quote_at
from sayso.attribution.spans import lstrip, overlap, trim
from sayso.attribution.speakers import PRONOUN_GENDER
from sayso.attribution.subjects import passive_agent, subject_of

PLACE_ENTS = {"GPE", "LOC", "FAC"}


def credit(
    ctx: Context,
    verb: Token,
    content: tuple[int, int],
    kind: str,
    rule: str,
    own: tuple[int, int] | None = None,
    prep: Token | None = None,
    parts: tuple[tuple[int, int], ...] = (),
) -> None:
    """Add an attribution for ``verb``; its subject must lie outside ``own`` (default: the content)."""
    if kind in ("indirect", "mixed") and not parts:
        content = _before_joined_report(ctx, before_next_report(ctx, content))
    subject = passive_agent(verb, subject_of(verb, ctx.lexicon))
    mention = None
    if subject is not None:
        subject = past_dateline(ctx, subject)
        mention = mention_of(ctx, subject, verb)
        if not parts and subject.head.i == verb.i and content[0] < subject.idx < verb.idx < content[1]:
            # "policies, which he said had failed": the cue sits inside its content, which goes round it;
            # a cue that ends its content ("…, poll finds") only closes it
            after = lstrip(ctx.text, verb.idx + len(verb), content[1], " ,")
            pieces = [p for p in (trim(ctx.text, content[0], mention[0]), (after, content[1])) if p[1] > p[0]]
            if len(pieces) == 2:
                parts = tuple(pieces)
            elif pieces:
                content = pieces[0]
        elif _overlaps(mention, own, content, parts) or ctx.paragraph(subject.idx) != ctx.paragraph(verb.idx):
            subject = None
    if subject is None and own is not None and kind == "direct":
        subject = _inverted_speaker(ctx, verb, own)
        mention = mention_of(ctx, subject, verb) if subject is not None else None
    if subject is None and verb.tag_ in ("VBD", "VBZ", "VBP"):
        subject = _left_neighbour(ctx, verb)
        mention = mention_of(ctx, subject, verb) if subject is not None else None
        if mention is not None and not parts and content[0] < mention[0] < content[1] <= mention[1]:
            # "“…,” William Daley, a former aide, said": the parser ran the clause over its speaker
            content = trim(ctx.text, content[0], mention[0])
            start, end = trim(ctx.text, *content)
            whole = next((q for q in ctx.quotes_between(start, start + 1) if q.end == end), None)
            if whole is not None:
                kind, rule, content = "direct", "direct-cue", (whole.inner_start, whole.inner_end)
            own = None
        elif mention is not None and parts and parts[0][0] < mention[0] < parts[0][1] <= mention[1]:
            # "“A,” Gene Roe, an aide, said at a rally. “B.”": the same, in a content that goes round its cue
            parts, own = (trim(ctx.text, parts[0][0], mention[0]), *parts[1:]), None
        elif mention is not None and _overlaps(mention, own, content, parts):
            subject = mention = None
    cue_class = cue_class_of(verb, subject, ctx.lexicon)
    if subject is None and cue_class == "speech" and _imperative(verb):
        return  # "Tell me, what …?": a request to speak, not a report
    if cue_class in ("belief", "perception") and subject is None:
        return  # a belief or a perception is someone's: with no holder in the text there is nothing to attribute
    cue = cue_span(verb, ctx.lexicon)
    if prep is not None:  # "warned of", "asked about"
        cue = (min(cue[0], prep.idx), max(cue[1], prep.idx + len(prep)))
    if ctx.add(Candidate(kind, content, cue, subject, rule, cue_class, mention=mention, parts=parts), verb):
        ctx.claim_quotes(content)


def _overlaps(
    mention: tuple[int, int], own: tuple[int, int] | None, content: tuple[int, int], parts: tuple[tuple[int, int], ...]
) -> bool:
    """The speaker reaches into what is reported: ``own``, else the content's parts, else the content
    (a content in parts goes round its cue and speaker: "“A,” Roe, an aide, said at a rally. “B.”")."""
    return any(overlap(mention, region) > 0 for region in ([own] if own else parts or [content]))


def _before_joined_report(ctx: Context, content: tuple[int, int]) -> tuple[int, int]:
    """"said they were worried, and four in ten said …": a clause that stops where a report joined on
    to it begins leaves the joining word ("and", "but") to that report. Where no report follows, the
    joined words are the same speaker's and the word stays, to show the content runs on."""
    head, _, last = ctx.text[content[0] : content[1]].rpartition(" ")
    if not head or last.lower() not in ctx.lexicon["clause_joiners"]["words"]:
        return content
    span = ctx.doc.char_span(*content, alignment_mode="expand")
    if span is None or not any(t.i in ctx.cue_verbs for t in span.sent if t.idx >= content[1]):
        return content
    return trim(ctx.text, content[0], content[0] + len(head))


def _imperative(verb: Token) -> bool:
    """A bare verb that opens its sentence with no subject or auxiliary: an order or request."""
    first = next((t for t in verb.sent if not (t.is_punct or t.is_space)), None)
    return (
        verb.tag_ == "VB" and verb.dep_ == "ROOT" and first is not None and first.i == verb.i
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
    )


def _left_neighbour(ctx: Context, verb: Token) -> Token | None:
    """"About 4 in 10 say …", "Jay Roe, the club's manager, suggested …": where the parser gave
    a finite cue no subject, the noun phrase just before it (past adverbs) is its speaker."""
    i = verb.i - 1
    while i >= 0 and ctx.doc[i].dep_ in ("advmod", "neg", "aux", "npadvmod") and ctx.doc[i].pos_ in ("ADV", "PART", "AUX", "NOUN"):
        i -= 1
    if i >= 0 and ctx.doc[i].text == "," and i > 0:
        i -= 1  # the end of an apposition
        aside = ctx.doc[i]
        if aside.pos_ in ("ADJ", "VERB"):  # a state set off by commas between speaker and cue
            held = next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i), None)
            if held is not None and ctx.doc[held.i + 1].text == ",":
                return held  # "Clinton, exasperated, responded": the parse gave the state her as its subject
            if aside.left_edge.i >= 2 and ctx.doc[aside.left_edge.i - 1].text == ",":
                i = aside.left_edge.i - 2  # "the colonel, angry, said"
        named = _name_before_aside(ctx, verb, i)
        if named is not None:
            return named
    if i < 0 or ctx.doc[i].sent != verb.sent or quote_at(ctx.doc[i].idx, ctx.quotes) is not None:
        return None
    token = ctx.doc[i]
    if token.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return None
    while token.head.i < verb.i and token.head.i != token.i and token.head.pos_ != "PUNCT" and token.dep_ in (
        "compound", "nummod", "quantmod", "amod", "poss", "pobj", "prep", "appos", "nmod", "conj"
    ):
        if token.dep_ == "appos" and token.ent_type_ not in PLACE_ENTS and (
            token.head.dep_ == "pobj" or quote_at(token.head.idx, ctx.quotes) is not None
        ):
            return token  # "on Dec. 2, Col. Warren, a spokesman, said": the apposition is the speaker
        if token.dep_ == "appos" and token.head.dep_ == "conj" and _opens_after_quote(ctx, token.head):
            return token.head  # "“…,” the agency's chief, John Smith, told": the parse joined the title to the quote
        if object_apposition(token, ctx.lexicon["speaker_nominals"]):
            return token  # "The strike destroyed two houses, the head of the region, Oleh Roe, said"
        if token.dep_ == "conj" and token.ent_type_ == "PERSON" and token.head.ent_type_ in PLACE_ENTS:
            return token  # "Alarmed by the unrest in Nevada, Senator Reid, …, said": no one is joined to a place
        if token.pos_ == "VERB" and token.dep_ == "conj":
            subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
            if subject is not None:
                return subject  # "Mr. Daniloff, now 81 and retired in Cambridge, Mass., said": the parse's verb is his
        token = token.head
    return token if token.pos_ in ("NOUN", "PROPN", "NUM", "PRON") else None


def _opens_after_quote(ctx: Context, noun: Token) -> bool:
    """"“…,” the agency's chief, John Smith, told": a noun phrase that opens right after a closed
    quotation, which the parse hung on the quoted clause, names the speaker, not what was said."""
    before = ctx.text[: noun.left_edge.idx].rstrip()
    q = quote_at(len(before) - 1, ctx.quotes) if before else None
    return q is not None and q.closed and q.end == len(before)


def _name_before_aside(ctx: Context, verb: Token, last: int) -> Token | None:
    """"Mr. Slinker, whose start-up helps brands find suppliers, said", "Sen. Durbin (D-Ill.),
    noting the size of his following, said": where the cue follows an aside the parse made its own
    clause, the name that opens the aside speaks, not the aside's last noun."""
    chunks = [
        c for c in verb.sent.noun_chunks
        if c.end <= last and quote_at(c.start_char, ctx.quotes) is None and c.end < len(ctx.doc)
        and ctx.doc[c.end].text in (",", "(", "—", "–")
    ]
    if not chunks:
        return None
    first = chunks[0]
    if not any(t.ent_type_ == "PERSON" for t in first):
        return None
    lead = [t for t in ctx.doc[verb.sent.start : first.start] if not (t.is_punct or t.is_space or t.dep_ == "cc")]
    if lead and quote_at(lead[-1].idx, ctx.quotes) is None:
        return None  # "At Boca West, where …, Jay Roe said": the name opens a phrase, not the clause
    return first.root


def _inverted_speaker(ctx: Context, verb: Token, quote: tuple[int, int]) -> Token | None:
    """"“…,” recalled Mr. Rhodes.": right after its quote, an inverted cue's next noun phrase is
    its speaker, even where the parser took it for the object or the subject of something else;
    never a participle's ("“…”, highlighting the risk to crops": what it highlights)."""
    between = ctx.text[quote[1] : verb.idx]
    if quote[1] > verb.idx or between.strip(" ,\n\xa0" + QUOTE_CHARS) or verb.i + 1 >= len(ctx.doc) or verb.tag_ == "VBG":
        return None
    following = ctx.doc[verb.i + 1]
    chunk = ctx.chunks_by_start.get(following.i)
    if chunk is None:
        return following if lone_name(following) else None
    if chunk.root.pos_ == "PRON" and chunk.root.lower_ not in PRONOUN_GENDER:
        return None
    return chunk.root
