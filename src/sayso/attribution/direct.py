"""Direct quotations: a quote credited through a cue verb in its sentences or a lead-in colon; a
quoted label ("what he calls “…”"); and a quote inside a cue's clause, which makes that clause
mixed. A quotation no cue credits may stand alone in its paragraph (``standalone``)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from sayso.attribution.clauses import (
    around_cue,
    clause_of,
    complement_of,
    parenthetical_content,
    run_on_clauses,
)
from sayso.attribution.context import Candidate, Context, within
from sayso.attribution.crediting import credit
from sayso.attribution.grammar import CLAUSE_DEPS, asker_unnamed, message_like
from sayso.attribution.mentions import mention_of
from sayso.attribution.names import lead_in_name, paragraph_name
from sayso.attribution.quotes import QUOTE_CHARS, Quote, quote_at
from sayso.attribution.spans import DASHES, rstrip, span_of, title_case, title_like, trim, word_count
from sayso.attribution.subjects import subject_of

LABEL_DEPS = ("oprd", "xcomp", "attr", "dobj", "ccomp")
ARTICLES = {"a", "an", "the"}


def direct_quote(ctx: Context, q: Quote) -> None:
    text = ctx.text
    inner = (q.inner_start, q.inner_end)
    candidates = _cue_candidates(ctx, q)
    label = next(((v, span) for v in candidates if (span := _label(ctx, v, q)) is not None), None)
    if label is not None:  # credited on its own, and the quote may still make a clause round it mixed
        _credit_label(ctx, q, *label)
        candidates.remove(label[0])
    # a quote inside a reported clause makes that clause mixed ("said that X “…”")
    for verb in sorted(candidates, key=lambda v: v.i):
        clause = clause_of(ctx, verb) or complement_of(ctx, verb)
        aside = clause is None  # "The talks, he added, had “run their course”"
        if aside:
            clause = parenthetical_content(ctx, verb)
        if clause is not None and _speaker_after_quote(ctx, q, verb, clause):
            continue
        if clause is not None and clause[0] <= q.inner_start and q.end <= clause[1] + 1 and not _led_in_before_cue(ctx, q, verb):
            clause = (min(clause[0], q.start), clause[1])
            # a single word of the clause outside the quote makes it mixed ("said that “…”", "says
            # Jones “has …”", "It is “…,” he warned"): PolNeAR train keeps "that" in 85 of 87 such
            # contents; an article alone ("described the “silent nights”") is a scare quote, and a
            # listener set off by a comma ("told the crew, “…”") is not part of what was said
            outside = (text[clause[0] : q.start] + " " + text[q.end : clause[1]]).split()
            least = 3 if text[clause[0] : q.start].rstrip()[-1:] in (",", ":") else 1
            if len(outside) >= least and any(w.lower() not in ARTICLES for w in outside):
                ctx.claim(q)
                if aside:
                    credit(ctx, verb, clause, "mixed", "mixed-parenthetical", **around_cue(ctx, verb, clause))
                elif verb.idx > q.end and len(more := _continued(ctx, q, verb)) > 1:
                    # "At private courses, members pay more “because …,” Chipok said. “But …”"
                    parts = (clause, *more[1:])
                    credit(ctx, verb, (clause[0], parts[-1][1]), "mixed", "mixed-clause", own=clause, parts=parts)
                else:
                    credit(ctx, verb, run_on_clauses(ctx, verb, clause), "mixed", "mixed-clause")
                return
    if label is not None:
        ctx.claim(q)
        return
    short = word_count(text[inner[0] : inner[1]]) < ctx.lexicon["quote_marks"]["min_words_direct"]
    speech = [v for v in candidates if ctx.lexicon["classes"][v.lemma_.lower()] == "speech" and not asker_unnamed(v)]
    verb = min(speech or candidates, key=lambda v: _distance(ctx, q, v), default=None)
    if short and title_case(text[inner[0] : inner[1]]):
        return  # “The Rachel Maddow Show”: a title, not speech
    if verb is not None:
        embedded = _embedding_clause(ctx, q, verb)
        if embedded is not None:
            ctx.claim(q)
            credit(ctx, verb, embedded, "mixed", "mixed-embedded")
            return
        if short and not (_quote_is_object(ctx, q, verb) or _next_to_cue(ctx, q, verb)):
            return
        ctx.claim(q)
        pieces = _continued(ctx, q, verb)
        parts = tuple(pieces) if len(pieces) > 1 else ()
        credit(ctx, verb, (pieces[0][0], pieces[-1][1]), "direct", "direct-cue", own=inner, parts=parts)
        return
    if short:
        return
    lead = colon_lead_in(ctx, q.start)
    if lead is not None:
        ctx.claim(q)
        lead_verb, colon = lead
        if lead_verb is not None:
            credit(ctx, lead_verb, inner, "direct", "direct-lead-in")
        else:
            named = lead_in_name(ctx, colon[0]) or paragraph_name(ctx, colon[0])
            actor = _lead_in_actor(ctx, colon[0])
            if named is not None and actor is not None and named[0] in actor[1].subtree:
                named = None  # "Jared Potts echoed:": credited through its verb, the cue, below
            if named is not None:
                ctx.add(Candidate("direct", inner, colon, named[0], "direct-colon-name", "speech", mention=named[1]))
            elif actor is not None:
                verb, subject = actor
                cue = (verb.idx, colon[1])
                ctx.add(Candidate("direct", inner, cue, subject, "direct-lead-in-actor", "speech", mention=mention_of(ctx, subject, verb)))
            else:
                ctx.add(Candidate("direct", inner, colon, None, "direct-colon", "speech", running=True))


def _speaker_after_quote(ctx: Context, q: Quote, verb: Token, clause: tuple[int, int]) -> bool:
    """"“…,” the agency's commissioner-general, Philippe Lazzarini, wrote": a quotation that opens
    the clause and closes on a comma, with only verbless words between it and a cue after it, is
    followed by its speaker, whom a parse thrown by a hyphenated title hangs on the clause; those
    words say who spoke, not what was said."""
    text = ctx.text
    if text[clause[0] : q.start].strip() or verb.idx < clause[1] or clause[1] <= q.end:
        return False
    if "," not in text[q.inner_end - 1 : q.end + 1]:
        return False
    between = [t for t in ctx.doc.char_span(q.end, clause[1], alignment_mode="expand") or () if not t.is_punct]
    if not between or any(t.pos_ in ("VERB", "AUX") for t in between):
        return False
    # the words up to the first comma name someone ("the agency's chief", "an intelligence source"),
    # not a gloss of the quotation's own ("“…,” the dawn of the modern movement, Bozell says")
    first = [t for t in between if t.idx < (text.find(",", q.end, clause[1]) % (clause[1] + 1))]
    nominals = ctx.lexicon["speaker_nominals"]
    return any(t.ent_type_ == "PERSON" or t.lower_ in nominals for t in first)


def _credit_label(ctx: Context, q: Quote, verb: Token, label: tuple[int, int]) -> None:
    """A label that is the quotation (give or take "the") is direct; one that goes on round it is mixed."""
    before = ctx.doc.char_span(label[0], q.start, alignment_mode="expand")
    if label[1] <= q.end and (before is None or all(t.pos_ == "DET" or t.is_punct for t in before)):
        credit(ctx, verb, (q.inner_start, q.inner_end), "direct", "direct-label", own=(q.inner_start, q.inner_end))
    else:
        credit(ctx, verb, label, "mixed", "mixed-label")


def _label(ctx: Context, verb: Token, q: Quote) -> tuple[int, int] | None:
    """"what he calls “a culture of silence”", "what she called a “brazen breach” of the rules": a
    labelling verb whose object is "what" reports the label that holds the quote, and nothing of
    the phrase around it (neither "what" nor the verb's own "in Washington")."""
    if verb.lemma_.lower() not in ctx.lexicon["label_verbs"] or verb.idx > q.start:
        return None
    if not any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") and c.i < verb.i for c in verb.children):
        return None
    label = next((c for c in verb.rights if c.dep_ in LABEL_DEPS and c.left_edge.idx <= q.inner_start <= c.right_edge.idx), None)
    if label is None:
        return None
    # a phrase after the quote hung on the label ("… “politics of fear” in Washington") is where or
    # when it was said, not the label; an of-phrase finishes the label's noun
    after = {t.i for c in label.subtree if c.dep_ == "prep" and c.idx >= q.end and c.lower_ != "of" for t in c.subtree}
    start, end = span_of([t for t in label.subtree if t.i not in after] or [label])
    return ctx.clip((start, q.end if q.start < end < q.end else rstrip(ctx.text, start, end, ".")), verb.idx)


def _next_to_cue(ctx: Context, q: Quote, verb: Token) -> bool:
    """A short quotation right beside its cue is speech, not a scare quote: "“Not even one,” he
    said.", "he yelled, “Out!”"."""
    if title_case(ctx.text[q.inner_start : q.inner_end]):
        return False  # on Fox News's “Sunday Morning Futures,” Issa said …: a programme
    before = ctx.text[: q.start].rstrip()
    if before and before[-1].isalnum():
        return False  # "who calls Trump a “sociopath,” said …": a word quoted mid-clause
    if verb.idx >= q.end:
        subject = subject_of(verb, ctx.lexicon)
        speaker = {t.i for t in subject.subtree} if subject is not None and subject.left_edge.idx >= q.end else set()
        between = [t for t in ctx.doc if q.end <= t.idx < verb.idx]
        return all(t.is_punct or t.is_space or t.i in speaker for t in between)
    between = ctx.text[verb.idx + len(verb) : q.start]
    return not between.strip(" ,:\n")


def _embedding_clause(ctx: Context, q: Quote, verb: Token) -> tuple[int, int] | None:
    """The clause around a quotation that opens mid-clause ("said Clinton “caused death.”",
    "told the Post he was “not quite there yet” on Ryan"), where the parser lost the clause:
    from after the cue and its listener to the sentence's end, or from the sentence's start to
    the comma before a cue that follows."""
    before = ctx.text[: q.start].rstrip()
    if not before or not before[-1].isalnum():
        return None  # "…, she said: “…”" or a quote opening its sentence
    sent = ctx.sents[ctx.sent_index(q.start)]
    if not (sent.start_char <= verb.idx < sent.end_char) or any(o is not q for o in ctx.quotes_in(sent)):
        return None
    if verb.idx < q.start:
        skip = {t.i for c in verb.rights if c.dep_ in ("dobj", "dative", "npadvmod", "advmod", "prep", "punct") for t in c.subtree}
        start = next((t for t in sent if t.i > verb.i and t.i not in skip and not t.is_punct and t.lower_ != "that"), None)
        if start is None or start.idx >= q.start:
            return None
        span = (start.idx, sent.end_char)
    else:
        comma = next((t for t in reversed(sent[: verb.i - sent.start]) if t.text in (",", "—", "–") and t.idx >= q.end - 1), None)
        if comma is None:
            return None
        span = (sent.start_char, comma.idx)
    start, end = trim(ctx.text, *span)
    end = rstrip(ctx.text, start, end, ".")
    if word_count(ctx.text[start : q.start] + ctx.text[q.end : end]) < 2:
        return None
    return ctx.clip((start, max(end, q.end)), verb.idx)


def _distance(ctx: Context, q: Quote, verb: Token) -> tuple[bool, int]:
    """How far a cue stands from the quote, counted from the cue's near edge, so that a verb before
    the quote is no further away for being long ("People say, “Hello, I'm John,” I say, “…”": the
    first quote is the people's, whose "say" ends two characters before it); a cue that ends a
    sentence before the quote's own ("…, Mr. Lou said. “…,” he said.") is further than any in it."""
    gap = ctx.text[verb.idx + len(verb) : q.start] if verb.idx < q.start else ctx.text[q.end : verb.idx]
    return any(mark in gap for mark in ".!?"), len(gap)


def _cue_candidates(ctx: Context, q: Quote) -> list[Token]:
    """Unused cue verbs outside quotes in the quote's sentences, up to the next quotation (a Token
    built for the cue verbs only)."""
    following = next((o.start for o in ctx.quotes_from(q.end)), len(ctx.text))
    verbs = (ctx.doc[i] for s in _sents_of(ctx, q) for i in within(ctx.cue_verb_list, s) if i not in ctx.used_cues)
    return [v for v in verbs if v.idx < following and quote_at(v.idx, ctx.quotes) is None]


def _led_in_before_cue(ctx: Context, q: Quote, verb: Token) -> bool:
    """"Neither man was impressed - “Born with a silver spoon,” Mr. Elkins said - but …": a quotation
    a dash or colon sets off from the writer's words before it, with its cue after it, is the
    speaker's own sentence; the words before it are not part of what the speaker said."""
    before = ctx.text[: q.start].rstrip(" ")
    return verb.idx >= q.end and before[-1:] in (*DASHES, ":")


def _continued(ctx: Context, q: Quote, verb: Token) -> list[tuple[int, int]]:
    """The pieces of a quote interrupted by its cue: "“A,” she said. “B.”" and "“A,” she said, “b.”" are A and B."""
    pieces = [(q.inner_start, q.inner_end)]
    last = q
    para = ctx.paragraph(q.start)
    cue_sentence = ctx.sents[ctx.sent_index(verb.idx)]
    for nxt in ctx.quotes_from(q.end):
        if ctx.is_claimed(nxt) or ctx.paragraph(nxt.start) != para:
            break
        if last is q and nxt.end <= cue_sentence.end_char and nxt.start > verb.idx and title_like(ctx.text[nxt.inner_start : nxt.inner_end]):
            continue  # a title quoted in the cue's own sentence (told CNN's “State of the Union”)
        between = ctx.text[last.end : nxt.start].strip()
        ends = between.rstrip(QUOTE_CHARS + " ")[-1:]  # 'he said on “Meet the Press.” “…”': past a title's marks
        start = nxt.inner_start
        if last is q and not (last.end <= verb.idx < nxt.start and ends in ".:,"):
            start = _quote_led_in(ctx, nxt, cue_sentence)
            if start is None or not last.end <= verb.idx < nxt.start:
                break
        if last is q and ctx.sentence_between(cue_sentence.end_char, nxt.start):
            break  # "“A,” Tom said. Betsy shook her head. “B.”": B is somebody else's
        if last is q and re.match(r"[^,;]*;", ctx.text[verb.idx : nxt.start]):
            break  # "“A,” it added; and, later, “B”": a semicolon that closes the cue's clause closes the saying
        if last is not q and between:
            break
        led_in = start != nxt.inner_start  # a part led into keeps its quotation marks
        if _term_in_marks(ctx.text[nxt.inner_start : nxt.inner_end], led_in) or any(
            v.i != verb.i for v in _cue_candidates(ctx, nxt)
        ):
            break  # the next quotation has a cue of its own, or is a term in marks, not more words said
        ctx.claim(nxt)
        pieces.append((start, nxt.end if led_in else nxt.inner_end))
        last = nxt
    return pieces


def _term_in_marks(inner: str, led_in: bool) -> bool:
    """A word or two in quotation marks is a term ("the “Gold Sponsor”"), unless it is a sentence
    said straight after the cue ("“…,” he said. “Big time.”"), ending in its own full stop, question or
    exclamation mark; a sentence that leads into it puts a term in marks ("That makes it “absurd.”")."""
    if word_count(inner) >= 3:
        return False
    return led_in or not inner.rstrip().endswith((".", "?", "!", "…"))


def _quote_led_in(ctx: Context, q: Quote, cue_sentence: Span) -> int | None:
    """The start of the sentence right after the cue's when it only leads into a quotation that
    ends it ("“A,” she said. That makes him “the wrong man.”"): the speaker goes on, in part quoted."""
    index = ctx.sent_index(q.start)
    sent = ctx.sents[index]
    if index == 0 or ctx.sents[index - 1].start != cue_sentence.start or sent.start_char >= q.start:
        return None
    if ctx.text[q.end : sent.end_char].strip(" .\n") or word_count(ctx.text[sent.start_char : q.start]) > 8:
        return None
    if any(t.i in ctx.cue_verbs for t in sent if t.idx < q.start):
        return None
    return sent.start_char


def _quote_is_object(ctx: Context, q: Quote, verb: Token) -> bool:
    deps = ("ccomp", "xcomp")
    return any(q.start <= t.idx < q.end for c in verb.children if c.dep_ in deps for t in c.subtree)


def _sents_of(ctx: Context, q: Quote) -> list[Span]:
    """The sentences the quote touches, plus the next one in the same paragraph when it is short
    ("he added.") or opens with a cue that reports nothing else ("Trump said of Apple in May, …")."""
    out: list[Span] = []
    for sent in ctx.sents[ctx.sent_index(q.start) :]:
        if sent.start_char >= q.end:
            own_quote = bool(ctx.quotes_in(sent))
            if "\n" not in ctx.text[q.end : sent.start_char] and not own_quote and (word_count(sent.text) <= 8 or _opens_with_cue(ctx, sent)):
                out.append(sent)
            break
        out.append(sent)
    return out


def _opens_with_cue(ctx: Context, sent: Span) -> bool:
    opening = [t for t in sent if not t.is_space][:6]
    return any(
        t.i in ctx.cue_verbs
        and not any(
            c.dep_ in CLAUSE_DEPS or c.dep_ == "xcomp"
            or (c.dep_ == "dobj" and message_like(c) and t.lemma_.lower() in ctx.lexicon["object_content"]["noun"])
            for c in t.children
        )
        for t in opening
    )


def colon_lead_in(ctx: Context, start: int) -> tuple[Token | None, tuple[int, int]] | None:
    """The colon that leads in to what starts at ``start`` ("He said:"), and the unused cue verb of its sentence."""
    before = rstrip(ctx.text, 0, start, " \n\t")
    if before == 0 or ctx.text[before - 1] != ":":
        return None
    colon = (before - 1, before)
    verbs = [
        t
        for t in ctx.sents[ctx.sent_index(before - 1)]
        if t.idx < before - 1
        and t.i in ctx.cue_verbs
        and quote_at(t.idx, ctx.quotes) is None
        and t.i not in ctx.used_cues
    ]
    return (verbs[-1] if verbs else None), colon


def _lead_in_actor(ctx: Context, colon: int) -> tuple[Token, Token] | None:
    """"Trump leaned in and boomed:", "The ministry released the following statement:": a lead-in
    whose verb is no reporting verb still names who speaks, as its subject."""
    sent = ctx.sents[ctx.sent_index(colon)]
    verbs = [t for t in sent if t.idx < colon and t.pos_ == "VERB" and t.dep_ != "amod" and quote_at(t.idx, ctx.quotes) is None]
    for verb in reversed(verbs):
        subject = subject_of(verb, ctx.lexicon)
        if subject is not None:
            if subject.lower_ in ("it", "this", "that", "there", "which", "what") or subject.idx > verb.idx:
                return None
            return verb, subject
    return None

