"""What a cue verb reports: its complement clause, object, infinitive or passive subject, run on
over the phrases the parser hung elsewhere and cut where the writer's own words begin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from sayso.attribution.context import Context
from sayso.attribution.grammar import (
    CLAUSE_DEPS,
    COMPLEMENT_DEPS,
    GLOSS_DETERMINERS,
    SUBJECT_DEPS,
    absolute_with,
    by_whom,
    closed_off,
    gerund_object,
    gerund_subject_clause,
    is_question,
    message_like,
    speaker_hung_on_object,
    subject_set_off,
    that_complement,
    without_closing_aside,
    without_writers_asides,
)
from sayso.attribution.quotes import QUOTE_CHARS, quote_at
from sayso.attribution.spans import span_of, trim

EXTEND_DEPS = {"prep", "xcomp"}


TAIL_DEPS = {"prep", "agent", "npadvmod", "advmod", "dobj", "attr", "acomp", "oprd"}


def clause_of(ctx: Context, verb: Token) -> tuple[int, int] | None:
    # the one after the cue first
    comps = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and not closed_off(c, verb)]
    comp = next((c for c in comps if c.i > verb.i), None) or next(iter(comps), None) or next(
        (c for c in verb.children if is_question(c)), None
    ) or _stray_that_clause(ctx, verb) or _flattened_that_clause(verb) or gerund_subject_clause(verb)
    if comp is None:
        return None
    tokens = without_writers_asides(comp)
    mark = next((c for c in comp.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is not None and comp.i > verb.i:  # "reported, citing two officials, that …": the aside is the report's
        tokens = [t for t in tokens if t.i >= mark.i]
    elif mark is None and comp.i > verb.i:
        day = {t.i for t in _day_of_the_cue(verb, comp)}
        tokens = [t for t in tokens if t.i not in day]
    return ctx.with_open_quote(span_of([*_subject_taken_for_object(verb, comp), *tokens]), verb)


def _day_of_the_cue(verb: Token, comp: Token) -> list[Token]:
    """"said on Friday it had verified 1,400 deaths", "said Monday the talks had failed": a day
    between the cue and a that-less clause's subject tells when it was said (the wire's style), though
    the parser hangs it on the clause; PolNeAR train's gold content starts after it (6 of 6)."""
    subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
    first = next((c for c in comp.lefts if c.dep_ in ("prep", "npadvmod")), None)
    if subject is None or first is None or first.left_edge.i != verb.i + 1 or first.right_edge.i + 1 != subject.left_edge.i:
        return []
    words = [t for t in first.subtree if not (t is first and t.dep_ == "prep")]
    return list(first.subtree) if all(t.ent_type_ in ("DATE", "TIME") for t in words) else []


def _subject_taken_for_object(verb: Token, comp: Token) -> list[Token]:
    """"said the way the party treated them would be disqualifying", "said about half of the cuts
    reflected …": a clause without a subject of its own, right after a phrase the parser hung on
    the cue as its object or adverbial; that phrase is the clause's subject and opens the report.
    A person is the one told ("told reporters would …"), not the clause's subject."""
    if comp.i < verb.i or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in comp.children):
        return []
    before = [c for c in verb.children if c.dep_ in ("dobj", "prep") and verb.i < c.i < comp.left_edge.i]
    if not before:
        return []
    phrase = before[-1]
    head = phrase if phrase.dep_ == "dobj" else next((c for c in phrase.children if c.dep_ == "pobj"), None)
    gap = phrase.doc[phrase.right_edge.i + 1 : comp.left_edge.i]
    if head is None or not message_like(head) or not all(t.is_punct for t in gap):
        return []
    return list(phrase.subtree)


def _stray_that_clause(ctx: Context, verb: Token) -> Token | None:
    """"said on Friday during a news conference that he may wait": a that-clause the parser hung
    on a noun of the cue's own adverbials belongs to the cue."""
    adverbials = [c for c in verb.rights if c.dep_ in ("prep", "npadvmod", "advmod") and not _own_object(ctx, verb, c)]
    for adverbial in adverbials:
        for t in adverbial.subtree:
            if t.dep_ in ("acl", "relcl", "ccomp") and (
                any(m.dep_ == "mark" and m.lower_ == "that" and m.i < t.i for m in t.children)
                or (t.head.head.i == adverbial.i and that_complement(t))  # on the adverbial's own noun
            ):
                return t
    return None


def _own_object(ctx: Context, verb: Token, phrase: Token) -> bool:
    """"pointed to reports that …", "commented on claims that …": the object of the verb's own
    preposition is what was said, clause and all (``object_content``), unless a cue of its own
    reports the clause ("pointed to a case to say that …")."""
    own = ctx.lexicon["object_content"]["preposition"].get(verb.lemma_.lower(), ())
    return phrase.dep_ == "prep" and phrase.lower_ in own and not any(t.i in ctx.cue_verbs for t in phrase.subtree)


def _flattened_that_clause(verb: Token) -> Token | None:
    """"observed that the starting date of the program, which …, coincided with …": where a long
    subject made the parser take it for the cue's object, the "that" it keeps as a marker shows
    the object is the reported clause."""
    return next(
        (c for c in verb.rights if c.dep_ == "dobj" and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)),
        None,
    )


def run_on_clauses(ctx: Context, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
    """"said a deal was near but that gaps remained": a second that-clause coordinated with the cue
    is reported too, and so are the pieces of one clause the parser split into two complements
    ("said the talks, which began in May, would resume") or a reason hung on the cue ("said they
    would stay because the roads were mined"). PolNeAR train: 50 of 67 second complements and 11
    of 12 because-clauses after the content are in the gold content."""
    def continues(c: Token) -> bool:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if any(t.i in ctx.cue_verbs for t in c.subtree):
            return False
        if c.pos_ == "NOUN" and c.left_edge.lower_ in GLOSS_DETERMINERS:
            return False  # "saying …, a swipe at his rivals": the writer's gloss the parser took for a clause
        return (c.dep_ == "conj" and "that" in marks) or c.dep_ == "ccomp" or (c.dep_ == "advcl" and "because" in marks)

    return _run_on(ctx, verb, content, continues)


def complement_of(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """Everything a cue verb governs after it that is not a clause: objects, infinitives and
    prepositional phrases ("urged voters to “send a message” to the banks")."""
    parts = [c for c in verb.rights if c.dep_ in COMPLEMENT_DEPS]
    if not parts:
        return None
    return ctx.with_open_quote(span_of([t for c in parts for t in c.subtree]), verb)


def _trailing_cue(ctx: Context, verb: Token) -> bool:
    """"The senator remains committed, his aide told reporters.": a cue the parser coordinated
    with the clause before it, with a subject of its own after a comma and no "and" (one joining
    an earlier conjunct is no matter: "destroyed A and injured B, the governor said"), or a
    speaker the parser hung on the clause's object ("injuring 11 people, the head of the region,
    Oleh Roe, wrote on Telegram")."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return False
    previous = max((c.i for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i), default=verb.head.i)
    if any(c.dep_ == "cc" and previous < c.i < verb.i for c in verb.head.children):
        return False
    if subject_set_off(verb, ",") is None and speaker_hung_on_object(verb, ctx.lexicon["speaker_nominals"]) is None:
        return False
    return not any(c.dep_ in CLAUSE_DEPS or c.dep_ == "xcomp" for c in verb.children)


def parenthetical_content(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """The clause around a parenthetical cue ("The talks, he said, failed.") or an "as" aside
    ("As the ministry noted, the talks failed."), minus the cue."""
    aside = (
        verb.dep_ == "parataxis"
        or (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ctx.lexicon["aside_marks"] for c in verb.children))
    ) and not _says_something_of_its_own(ctx, verb) or _trailing_cue(ctx, verb)
    if not aside or not (any(c.dep_ in SUBJECT_DEPS for c in verb.children) or by_whom(verb) is not None
                         or speaker_hung_on_object(verb, ctx.lexicon["speaker_nominals"]) is not None):
        return None  # "as the ministry noted", "as reported by Reuters": someone must be named
    head = verb.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    own = {t.i for t in verb.subtree} - {t.i for t in _tail_after_cue(ctx, verb)} - {t.i for t in _head_before_cue(ctx, verb)}
    # "Asked whether …, she said, …": a report before the cue is its own, not part of this content
    own |= {t.i for c in head.lefts if c.i < verb.i and c.i in ctx.cue_verbs for t in c.subtree}
    opening = {c.i for c in head.lefts if c.dep_ == "cc" and c.i < verb.i}  # "But, as X noted, …"
    part = [t for t in head.subtree if t.i not in own and t.i not in opening and not (t.is_punct or t.is_space)]
    if len(part) < 3:
        return None
    return ctx.with_open_quote(span_of(part), verb)


def _says_something_of_its_own(ctx: Context, verb: Token) -> bool:
    """"as he mentioned raising the wage", "just as the band announced a concert", "as its
    commanders proved incompetent": an "as" clause whose cue has its own clause, message object or
    predicate tells when or why, not whose words the sentence is; so does an aside that is a
    sentence of its own ("… projects (I can't recall any project names, but …)"). A listener ("as
    he told reporters") is no such object."""
    return any(
        c.dep_ in ("ccomp", "xcomp", "acomp", "attr", "oprd") or (c.dep_ == "dobj" and message_like(c) and c.lower_ not in ctx.lexicon["cue_objects"])
        for c in verb.children
    )


def around_cue(ctx: Context, verb: Token, content: tuple[int, int]) -> dict[str, Any]:
    """A parenthetical cue inside its content ("The talks, he said, failed."): the content goes
    round the cue in two parts, and only the part before the cue excludes a subject."""
    tail = {t.i for t in _tail_after_cue(ctx, verb)} | {t.i for t in _head_before_cue(ctx, verb)}
    start, end = span_of([t for t in verb.subtree if t.i not in tail])
    before = trim(ctx.text, content[0], start)
    after = trim(ctx.text, end, content[1])
    parts = tuple(p for p in (before, after) if p[1] > p[0])
    return {"own": (content[0], start), "parts": parts if len(parts) > 1 else ()}


def interrupted(ctx: Context, verb: Token, clause: tuple[int, int]) -> dict[str, Any]:
    """"The argument would be aided, Devine said, by the primary calendar.": a clause before its
    cue goes on after it when the parser hung the clause's last phrase on the cue; the content
    then goes round the cue in two parts."""
    subject = subject_set_off(verb, ",")
    if subject is None or clause[1] > subject.left_edge.idx:
        return {}
    tail = _tail_after_cue(ctx, verb)
    return {"own": clause, "parts": (clause, span_of(tail))} if tail else {}


def _head_before_cue(ctx: Context, verb: Token) -> list[Token]:
    """The words the parser hung on an interrupting cue before the comma that opens it ("Voters,
    Clinton suggested, need not worry", "If talks fail, he warned, …"): they open the sentence it
    interrupts, not the cue's phrase; not a report of their own ("Asked about it, she said, …")."""
    if verb.dep_ != "parataxis":
        return []
    subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ in SUBJECT_DEPS), None)
    comma = subject.left_edge.i - 1 if subject is not None else -1
    if comma < 0 or ctx.doc[comma].text != ",":
        return []
    return [
        t for c in verb.lefts if c.i < comma and not c.is_punct and not any(t.i in ctx.cue_verbs for t in c.subtree)
        for t in c.subtree
    ]


def _tail_after_cue(ctx: Context, verb: Token) -> list[Token]:
    """The phrases after a comma that the parser hung on an interrupting cue but that finish the
    sentence it interrupts ("…, the ministry said, including shells and fuel."); not a phrase of the
    cue's own ("…, he said on Tuesday") nor a report of its own ("…, he said, adding that …")."""
    tail = [
        c for c in verb.rights
        if c.dep_ in TAIL_DEPS and c.left_edge.i - 1 > verb.i and ctx.doc[c.left_edge.i - 1].text == ","
        and not any(t.i in ctx.cue_verbs for t in c.subtree)
    ]
    if not tail or tail[0].left_edge.i - 1 != max(t.i for t in verb.subtree if t.i < tail[0].left_edge.i):
        return []
    tokens = [t for c in tail for t in c.subtree]
    last = max(t.i for t in verb.sent if not t.is_punct)
    return tokens if max(t.i for t in tokens) >= last else []


def before_next_report(ctx: Context, content: tuple[int, int]) -> tuple[int, int]:
    """A reported clause ends where the speaker's next report begins ("said A, and urged B",
    "said A, noting B", "said A while emphasizing B"): a speech cue with no subject of its own
    that runs to the end of the content (itself or the quotation it opens), after a comma or
    conjunction; or where another speaker's report is added to it ("said A, with aides saying B")."""
    span = ctx.doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return content
    last = max((x.i for x in span if not x.is_punct), default=span.end - 1)  # closing marks hang elsewhere
    for t in span[2:]:
        if t.i not in ctx.cue_verbs or ctx.lexicon["classes"][t.lemma_.lower()] != "speech":
            continue
        if max(x.i for x in t.subtree) < last - 1 and not _opens_closing_quote(ctx, t, content):
            continue
        opener = absolute_with(t)
        if opener is not None and opener.i > span.start + 1:
            j = opener.i
        elif any(c.dep_ in SUBJECT_DEPS for c in t.children):
            continue
        else:
            j = t.i
        j -= 1
        while j > span.start and (ctx.doc[j].lower_ in ctx.lexicon["report_joiners"] or ctx.doc[j].text in QUOTE_CHARS):
            j -= 1
        if span.start < j < t.i - 1:
            end = ctx.doc[j].idx + len(ctx.doc[j])
            holding = quote_at(end, ctx.quotes)  # the one quotation that can hold ``end`` (they are apart)
            closing = holding if holding is not None and holding.start < end and holding.end <= t.idx else None
            return trim(ctx.text, content[0], closing.end if closing is not None else end)
    return content


def _opens_closing_quote(ctx: Context, verb: Token, content: tuple[int, int]) -> bool:
    """"said the plan failed, adding, “It was a mistake. …”": a quotation that opens in or right
    after the next report's cue phrase and runs to the content's end is that report's, even where
    the parser hung its later sentences elsewhere and the content took it in whole because it
    opened inside the clause."""
    end = max(x.idx + len(x) for x in verb.subtree)
    quote = next((q for q in ctx.quotes_between(verb.idx + 1, end + 4) if q.end >= content[1] - 1), None)
    return quote is not None


def extended(ctx: Context, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
    """An object content runs on over the phrases the parser hung on the cue after it ("announced
    a series of steps to tighten sales", "warned of shortages in the east"), but not into another
    report nor over adverbial clauses (PolNeAR train measured both ways: clausal contents and
    adverbial tails are better left out), nor over the day or occasion it was said ("announced his
    support on Sunday", "stressed the risks in a speech")."""
    return _run_on(
        ctx, verb, content,
        lambda c: c.dep_ in EXTEND_DEPS and not any(t.i in ctx.cue_verbs for t in c.subtree) and not _when_said(ctx, c),
    )


def _when_said(ctx: Context, phrase: Token) -> bool:
    """"on Sunday", "during the night", "in a speech", "in an interview": the day, time or occasion
    the report was made (the lexicon's ``occasion_nouns``)."""
    if phrase.dep_ != "prep":
        return False
    occasions = ctx.lexicon["occasion_nouns"]["words"]
    dated = phrase.lower_ in ("on", "during")
    return any(
        c.dep_ == "pobj" and (c.lemma_.lower() in occasions or (dated and c.ent_type_ in ("DATE", "TIME")))
        for c in phrase.children
    )


def _run_on(ctx: Context, verb: Token, content: tuple[int, int], takes: Callable[[Token], bool]) -> tuple[int, int]:
    """``content`` run on over the cue's children after it that ``takes`` accepts."""
    tail = [t for c in verb.rights if c.idx >= content[1] and takes(c) for t in c.subtree]
    if not tail:
        return content
    return ctx.clip((content[0], max(content[1], span_of(tail)[1])), verb.idx)


def object_content(ctx: Context, verb: Token) -> tuple[tuple[int, int], Token | None] | None:
    """What was said as a noun phrase or infinitive: "announced his resignation", "vowed to
    appeal", "warned of shortages". Only for the verbs whose object is the message, never a
    pronoun or a person (told him, accused the minister)."""
    lemma = verb.lemma_.lower()
    objects = ctx.lexicon["object_content"]
    target_preps = objects["target"].get(lemma, ())
    for child in verb.children:
        if child.dep_ == "dobj" and target_preps:  # "accused the minister of lying": who, and of what
            prep = next(  # on the verb, or hung by the parser on its object
                (c for c in (*verb.rights, *child.rights) if c.dep_ == "prep" and c.i > child.i and c.lower_ in target_preps), None
            )
            if prep is not None:
                return ctx.clip(span_of([*child.subtree, *prep.subtree]), verb.idx), None
        if child.dep_ == "xcomp" and lemma in objects["infinitive"] and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            # "urged conservatives to obey the ruling": who is urged belongs to what was urged
            addressee = [t for c in verb.children if c.dep_ == "dobj" and c.i < child.i for t in c.subtree]
            return ctx.clip(span_of([*addressee, *child.subtree]), verb.idx), None
        if child.dep_ == "dobj" and lemma in objects["stance"] and not _reports_inside(ctx, child):
            # "praised Obama for his plan": a stance's object is its content, a person too, with its "for …",
            # but never over a report of its own ("praised him for saying that …" keeps the saying apart)
            why = [c for c in verb.rights if c.i > child.i and c.dep_ == "prep" and not _reports_inside(ctx, c)]
            return ctx.clip(span_of([*child.subtree, *(t for c in why for t in c.subtree)]), verb.idx), None
        if child.dep_ == "dobj" and lemma in objects["noun"] and message_like(child):
            return ctx.clip(span_of(without_closing_aside(child)), verb.idx), None
        if gerund_object(child, verb) and (lemma in objects["noun"] or lemma in objects["infinitive"]) and not _leads_in(child):
            # "proposed banning entry", "reported spending $9 million": a gerund is the message too
            return ctx.clip(span_of(list(child.subtree)), verb.idx), None
        if child.dep_ == "prep" and child.lower_ in objects["preposition"].get(lemma, ()):
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and message_like(pobj):
                return ctx.clip(span_of(without_closing_aside(pobj)), verb.idx), child
    return None


def _reports_inside(ctx: Context, phrase: Token) -> bool:
    """A phrase holding a cue verb is that cue's report, so no other content takes it in."""
    return any(t.i in ctx.cue_verbs for t in phrase.subtree)


def _leads_in(obj: Token) -> bool:
    """"tweeted using his account: “…”": an -ing clause that a colon closes says how the message
    went out and leads into it; it is not the message itself."""
    after = obj.right_edge.i + 1
    return after < len(obj.doc) and obj.doc[after].text == ":"


def passive_content(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """"The strike was confirmed by the ministry": a passive cue's subject is what was said
    (never a person: "she was told" names the listener), unless the verb still has what was said
    or done after it: then its subject is whom it was said to or of ("voters were asked a series of
    questions", "the supporter was charged with assault", "the company is informed of threats")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not message_like(subject) or subject.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return None
    if verb.lemma_.lower() in ctx.lexicon["object_content"].get("addressee", ()):
        return None  # "the president was briefed", "residents were warned": the listener, whoever it is
    if any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("with", "of")) for c in verb.children):
        return None
    if _not_yet_said(verb):
        return None
    return ctx.clip(span_of(list(subject.subtree)), verb.idx)


UNREALISED_MODALS = {"will", "would", "could", "might", "may", "should", "must", "can", "shall", "'ll", "’ll"}
UNREALISED_MARKS = {"if", "unless", "until", "once", "before", "when", "whether"}


def _not_yet_said(verb: Token) -> bool:
    """"if compulsory redundancies were announced", "the emails will not be disclosed", "before the
    deal was announced": a passive cue under a modal or a conditional or temporal conjunction names
    a topic, not something said (PolNeAR train: 14 such records, none gold; GUM train: 2, none)."""
    return any(
        (c.dep_ == "aux" and c.lower_ in UNREALISED_MODALS) or (c.dep_ == "mark" and c.lower_ in UNREALISED_MARKS)
        for c in verb.children
    )


def answer_content(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """A short answer or a stand-in for what was said ("said yes", "said so", "said the same",
    "says racist things"): whatever the object, however short, but never a "what" or "that"
    opening a relative clause, a pronoun pointing back ("said it") or nothing said ("said little")."""
    answer = ctx.lexicon["object_content"]["answer"]
    if verb.lemma_.lower() not in answer["verbs"]:
        return None
    nothing_said = ctx.lexicon["nothing_said"]["words"]
    for child in verb.rights:
        if child.dep_ == "dobj" and child.tag_ not in ("WP", "WDT", "PRP") and child.lower_ not in nothing_said:
            return ctx.clip(span_of(list(child.subtree)), verb.idx)
        if child.dep_ in ("intj", "advmod") and child.lower_ in answer["words"]:
            return ctx.clip((child.idx, child.idx + len(child)), verb.idx)
    return None


def _can_speak(ctx: Context, noun: Token) -> bool:
    """A name, a personal pronoun, or a noun for people or bodies ("officials", "the army"), not
    "the borrowing continued"."""
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or noun.lower_ in ("he", "she", "they", "we", "i")
        or lemma in ctx.lexicon["speaker_nominals"] or lemma in ctx.lexicon["org_words"]
    )


def trailing_content(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """"Talks ‘constructive’, Kremlin says": a cue that closes its sentence after a comma and its
    subject reports everything before the comma, even where the parser found no clause in it (a
    headline's clipped grammar)."""
    if verb.dep_ != "ROOT" or ctx.lexicon["classes"][verb.lemma_.lower()] != "speech":
        return None
    if any(not (c.is_punct or c.is_space) or c.text == ":" for c in verb.rights):
        return None  # "In a speech, he said:" leads into what follows
    subject = min((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), key=lambda c: verb.i - c.i, default=None)
    if subject is None or subject.left_edge.i == 0 or not _can_speak(ctx, subject):
        return None
    comma = ctx.doc[subject.left_edge.i - 1]
    if comma.text not in (",", "—", "–") or comma.sent != verb.sent:
        return None
    return ctx.clip((verb.sent.start_char, comma.idx), verb.idx)
