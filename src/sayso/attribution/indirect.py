"""Indirect reports: a cue verb's clause, object or passive subject; a report noun's clause ("the
claim that …"); "according to X"."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from sayso.attribution.clauses import (
    answer_content,
    around_cue,
    clause_of,
    extended,
    interrupted,
    object_content,
    parenthetical_content,
    passive_content,
    run_on_clauses,
    trailing_content,
)
from sayso.attribution.context import Candidate, Context
from sayso.attribution.crediting import credit
from sayso.attribution.grammar import CLAUSE_DEPS, SUBJECT_DEPS
from sayso.attribution.mentions import mention_of
from sayso.attribution.quotes import QUOTE_CHARS, quote_at
from sayso.attribution.spans import DASHES, overlap, rstrip, span_of, trim, word_count


def cue_verb_report(ctx: Context, verb: Token) -> None:
    clause = clause_of(ctx, verb)
    rule = "indirect-ccomp"
    if clause is None:
        clause = parenthetical_content(ctx, verb)
        rule = "indirect-parenthetical"
    prep = None
    if clause is None:
        found = object_content(ctx, verb)
        if found is not None:
            clause, prep = found
            rule = "indirect-object"
    if clause is None:
        clause = passive_content(ctx, verb)
        rule = "indirect-passive"
    if clause is None:
        clause = answer_content(ctx, verb)
        rule = "indirect-answer"
    if clause is None:
        clause = trailing_content(ctx, verb)
        rule = "indirect-trailing"
    if clause is None or (rule != "indirect-answer" and word_count(ctx.text[clause[0] : clause[1]]) < 2):
        return
    if rule == "indirect-object":
        clause = extended(ctx, verb, clause)
    elif rule == "indirect-ccomp":
        clause = run_on_clauses(ctx, verb, clause)
    whole = ctx.quote_holding(clause)
    if whole is not None:
        credit(ctx, verb, (whole.inner_start, whole.inner_end), "direct", "direct-complement")
        return
    kind = "mixed" if ctx.has_quote(clause) else "indirect"
    around = around_cue(ctx, verb, clause) if rule == "indirect-parenthetical" else {}
    if rule == "indirect-ccomp":
        around = interrupted(ctx, verb, clause)
        if around:
            clause = (clause[0], around["parts"][-1][1])
    credit(ctx, verb, clause, kind, rule, prep=prep, **around)


def reports_more(ctx: Context, verb: Token) -> bool:
    """"“…,” Sanders said private contractors cost more": a cue that credits a quote can report a
    clause of its own as well, when that clause holds no quotation and is not the speaker it named
    ("“…,” said Robert Reich, who served as labor secretary": the parse's clause is who spoke)."""
    comp = next((c for c in verb.rights if c.dep_ in CLAUSE_DEPS), None)
    if comp is None:
        return False
    span = span_of(list(comp.subtree))
    if ctx.overlaps_quote(span):
        return False
    return not any(
        c.cue is not None and c.cue[0] == verb.idx and c.subject is not None and verb.i < c.subject.i
        and span[0] <= c.subject.idx < span[1]
        for c in ctx.candidates
    )


def noun_report(ctx: Context, noun: Token) -> None:
    """"the ministry's claim that the strike hit only depots", "his promise to rebuild the
    bridge": a report noun with its clause; whoever owns the noun made the report."""
    clause = next(
        (
            c for c in noun.rights
            if c.dep_ in ("acl", "ccomp")
            and any((x.dep_ == "mark" and x.lower_ == "that") or (x.dep_ == "aux" and x.lower_ == "to") for x in c.children)
        ),
        None,
    )
    if clause is None or quote_at(noun.idx, ctx.quotes) is not None:
        return
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i in ctx.cue_verbs:
        return  # "says in a statement that …": the clause is the verb's, the statement its channel
    content = ctx.with_open_quote(span_of(list(clause.subtree)), noun)
    if word_count(ctx.text[content[0] : content[1]]) < 3:
        return
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if owner is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in ctx.lexicon["report_voicers"]:
        # "Christie repeated accusations that …": whoever voices the report made it (not whoever
        # rejects it: "the general rejected claims that …" names no claimant)
        owner = next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.i), None)
    kind = "mixed" if ctx.has_quote(content) else "indirect"
    mention = mention_of(ctx, owner) if owner is not None else None
    if mention is not None and overlap(mention, content):
        owner = mention = None
    if ctx.add(Candidate(kind, content, (noun.idx, noun.idx + len(noun)), owner, "indirect-noun", "speech", mention=mention)):
        ctx.claim_quotes(content)


def sourcing_phrase(ctx: Context, phrase: Span, cue_entry: dict[str, Any], sent: Span) -> None:
    """A multiword cue from the lexicon ("according to X", "in the words of X", "as quoted by X"):
    X is the source, and the content is the larger side of the sentence around the phrase, or both
    sides where the phrase interrupts the clause it sources; a whole quotation there is direct."""
    first, last = phrase[0], phrase[-1]
    inside = {t.i for t in phrase}
    pobj = next((c for c in last.children if c.dep_ == "pobj"), None) or next(
        (c for c in first.children if c.dep_ == "pobj" and c.i not in inside), None
    )
    if pobj is None or ("source_only" in cue_entry and not _names_a_source(ctx, pobj)):
        return
    subject = _subject_run_on(first, pobj)
    cut = subject.left_edge.i - 1 if subject is not None else pobj.right_edge.i + 1  # the comma before it
    p_start, p_end = span_of([*phrase, *(t for t in pobj.subtree if t.i < cut)])
    words = [t for t in sent if not (p_start <= t.idx < p_end) and not t.is_space]
    before = [t for t in words if t.idx < p_start]
    after = [t for t in words if t.idx >= p_end]
    parts: tuple[tuple[int, int], ...] = ()
    part = _clause_opened(first, p_start, p_end)
    if part is None and _inside_clause(ctx, first, before, after):
        # "Fundraising, according to the campaign, has surged": the phrase interrupts the clause it
        # sources, which goes round it in two parts
        part = before + after
        parts = (trim(ctx.text, *span_of(before)), trim(ctx.text, *span_of(after)))
    elif part is None:
        part = after if sum(not t.is_punct for t in after) >= sum(not t.is_punct for t in before) else before
    if sum(not t.is_punct for t in part) < 3:
        return
    start, end = ctx.clip(span_of(part), first.idx)
    end = rstrip(ctx.text, start, end, ".")
    if parts:
        parts = (parts[0], (parts[1][0], end))
        if parts[0][0] != start or parts[1][0] >= end:
            return
    kind = "mixed" if ctx.has_quote((start, end)) else "indirect"
    whole = ctx.quote_holding((start, end)) if not parts else None
    if whole is not None and whole.start == start and whole.closed and whole.end <= end + 2:
        # "In the words of one official, “We built …”": the phrase sources a quotation that ends
        # with its sentence, which is direct (one running on past it keeps its sentence)
        kind, (start, end) = "direct", (whole.inner_start, whole.inner_end)
    cue = (first.idx, last.idx + len(last))
    mention = None
    if subject is not None:
        mention = mention_of(ctx, pobj)
        mention = (mention[0], min(mention[1], rstrip(ctx.text, mention[0], ctx.doc[cut].idx, " ,")))
    candidate = Candidate(kind, (start, end), cue, pobj, cue_entry["rule"], cue_entry["class"], mention=mention, parts=parts)
    if ctx.add(candidate):
        ctx.claim_quotes((start, end))


def _subject_run_on(first: Token, pobj: Token) -> Token | None:
    """"According to the FBI summary, Mills and another aide asked …": a parse that hangs the
    clause's subject on the source, as an apposition or a conjunct set off by a comma, leaves the
    verb the phrase modifies with no subject of its own; that noun phrase is the clause's, not
    the source's."""
    verb = first.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i <= pobj.right_edge.i:
        return None
    last = next(
        (
            t for t in pobj.subtree
            if t.i > pobj.i and t.dep_ in ("appos", "conj") and t.right_edge.i == pobj.right_edge.i
            and t.doc[t.left_edge.i - 1].text == ","
        ),
        None,
    )
    if last is not None and any(_finite(c) for c in last.children if c.dep_ == "acl" and c.i > last.i):
        return last  # "According to X, an analyst, the decision “was taken …”": a noun with a tensed verb is a clause's subject
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    return last


def _finite(verb: Token) -> bool:
    """A verb with a tensed auxiliary ("was taken", "has said"): no reduced relative has one."""
    return not any(c.tag_ in ("WDT", "WP", "WP$", "WRB") or c.dep_ == "mark" for c in verb.children) and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") and c.i < verb.i for c in verb.children
    )


def _names_a_source(ctx: Context, noun: Token) -> bool:
    """"per Axios", "per a spokesperson", "per the filing" name who or what says it; "per share",
    "per capita", "per year" are rates."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    words = ctx.lexicon
    told = noun.lemma_.lower() in (*words["speaker_nominals"], *words["message_nouns"], *words["evidence_subjects"])
    return told and any(c.dep_ in ("det", "poss") for c in noun.children)


def _inside_clause(ctx: Context, first: Token, before: list[Token], after: list[Token]) -> bool:
    """"Fundraising, according to the campaign, has surged", "Over the long term, according to the
    budget office, the deficit will grow": a sourcing phrase set off by commas before the verb of
    its sentence sources the words on both sides, unless those before it only join the sentence to
    the last one ("But, according to …", "In addition, according to …"). Where the verb comes
    before the phrase, what follows it is often the writer's ("…, according to a tally, but his
    path is narrowing")."""
    words = [t for t in before if not (t.is_punct or t.is_space)]
    if not words or before[-1].text != "," or sum(not t.is_punct for t in after) < 3:
        return False
    root = first.sent.root
    if root.i < after[0].i or first.head.i != root.i:
        return False  # the verb before the phrase, or the phrase inside a clause of its own
    connectives = ctx.lexicon["connectives"]["words"]
    if all(t.pos_ in ("CCONJ", "SCONJ") or t.lower_ in connectives for t in words):
        return False
    return not any(t.i in ctx.cue_verbs or t.text in QUOTE_CHARS or t.text in DASHES for t in before)


def _clause_opened(first: Token, p_start: int, p_end: int) -> list[Token] | None:
    """"a policy which, according to AFP, the UN has criticised": a sourcing phrase right after the
    relative pronoun or complementizer that opens a clause sources that clause alone."""
    head = first.head
    if head.dep_ not in ("relcl", "ccomp", "advcl") or head.idx < p_end:
        return None
    tokens = [t for t in head.subtree if not (p_start <= t.idx < p_end)]
    opening = [t for t in tokens if t.idx < p_start]
    if not opening or not all(t.is_punct or t.tag_ in ("WDT", "WP", "WRB") or t.dep_ == "mark" for t in opening):
        return None
    return [t for t in tokens if t.idx >= p_end]


def end_before_sourcing(ctx: Context) -> None:
    """A content that ends in "…, according to X" (or another sourcing phrase) stops before it: that
    phrase credits the clause to X ("the account pointed to the shootings as revenge, according to a
    report"), and a cue whose content held it would sit inside X's report while X's sat inside its own."""
    phrases = {entry["rule"] for entry in ctx.lexicon["multiword"]}
    sourcing = [
        (c.cue[0], c.subject.right_edge.idx + len(c.subject.right_edge))
        for c in ctx.candidates
        if c.rule in phrases and c.cue is not None and c.subject is not None
    ]
    for c in ctx.candidates:
        if c.rule in phrases or c.kind == "excerpt" or c.parts:
            continue
        for start, end in sourcing:
            tail = ctx.text[end : c.content[1]]
            if c.content[0] < start and end <= c.content[1] and not tail.strip(" ,.;:—–-" + QUOTE_CHARS):
                c.content = trim(ctx.text, c.content[0], start)
