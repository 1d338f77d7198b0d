"""Quotations with no cue of their own: a paragraph that is nothing but a quotation.

Such a paragraph is the running speaker's, the last one quoted, unless the text says otherwise: a
name line under it ("— Jane Doe, foreign minister", a pull-quote's credit) names its speaker, and a
paragraph before it that introduces someone else without quoting anybody ("Jim Roe, who runs the
shelter, has seen the cost rise.") hands the floor to that person.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from sayso.attribution.context import Candidate, Context
from sayso.attribution.grammar import SUBJECT_DEPS
from sayso.attribution.quotes import Quote
from sayso.attribution.spans import title_case, trim, word_count
from sayso.doctext import span_ents

# "— Jane Doe, foreign minister": a dash, a name and at most a short role; nothing else on the line
# (a pull-quote's credit; PolNeAR's annotators take the dash for the cue).
NAME_LINE = re.compile(r"[ \t]*(?:[—–―]|--?)[ \t]*(?P<line>[A-Z][^\n]*?)[ \t.]*$", re.MULTILINE)
NAMED_ENTS = ("PERSON", "ORG", "NORP", "GPE")
NAME_LINE_WORDS = 12
ASIDE_TAGS = ("VBG", "VBN")  # a participle after the name's comma: "— Jane Doe, speaking in Kyiv"


def quotation_paragraph(ctx: Context, q: Quote) -> None:
    """Credit a quotation that fills its paragraph, or is followed only by a name line."""
    p_start, _ = ctx.paragraph(q.start)
    _, p_end = ctx.paragraph(max(q.start, q.end - 1))
    if any(ch.isalnum() for ch in ctx.text[p_start : q.start]):
        return
    inner_text = ctx.text[q.inner_start : q.inner_end]
    if word_count(inner_text) < ctx.lexicon["quote_marks"]["min_words_direct"] or title_case(inner_text):
        return  # a short quotation alone, or one in title case, is a title or a slogan as often as speech
    after = ctx.text[q.end : p_end]
    line = _name_line(ctx, q.end, p_end) if any(ch.isalnum() for ch in after) else _next_name_line(ctx, p_end)
    if any(ch.isalnum() for ch in after) and line is None:
        return
    inner = (q.inner_start, q.inner_end)
    ctx.claim(q)
    if line is not None:
        head, mention, dash = line
        ctx.add(Candidate("direct", inner, dash, head, "direct-name-line", "speech", mention=mention))
        return
    introduced = _introduced(ctx, p_start)
    if introduced is not None:
        ctx.add(Candidate("direct", inner, None, introduced, "introduced-speaker", "speech"))
        return
    ctx.add(Candidate("direct", inner, None, None, "running-speaker", "speech", running=True))


def _next_name_line(ctx: Context, end: int) -> tuple[Token, tuple[int, int], tuple[int, int]] | None:
    following = next((p for p in ctx.paragraphs if p[0] >= end), None)
    return _name_line(ctx, *following) if following is not None else None


def _name_line(ctx: Context, start: int, end: int) -> tuple[Token, tuple[int, int], tuple[int, int]] | None:
    """The speaker, mention and dash of a credit line ("— Jane Doe, foreign minister") that fills
    ``start``–``end``: the line must open with a named person or body and say nothing more."""
    match = NAME_LINE.fullmatch(ctx.text, start, end)
    if match is None or word_count(match.group("line")) > NAME_LINE_WORDS or any(ch.isdigit() for ch in match.group("line")):
        # "— The Canadian Press, August 15, 2008" credits a headline to its source, not a speaker
        return None
    line = trim(ctx.text, match.start("line"), match.end("line"))
    span = ctx.doc.char_span(*line, alignment_mode="expand")
    if span is None:
        return None
    comma = next((t.i for t in span if t.text == ","), span.end)
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") and (t.i < comma or t.tag_ not in ASIDE_TAGS)
           for t in span):
        return None  # "— and then they left.": a sentence, not a credit ("— Jane Doe, speaking in Kyiv" is one)
    name = next((e.root for e in span_ents(span) if e.start == span.start and e.label_ in NAMED_ENTS), None) or _bare_name(span)
    if name is None:
        return None
    aside = next((t for t in span if t.i > comma and t.tag_ in ASIDE_TAGS), None)
    if aside is not None:  # "— Jane Doe, speaking in Kyiv": who she is, not where she spoke
        line = trim(ctx.text, line[0], ctx.doc[comma].idx)
    dash = ctx.text.index(match.group(0).strip()[0], match.start())
    return name, line, (dash, dash + 1)


def _bare_name(span: Span) -> Token | None:
    """A credit line's name the tagger left out of its entities ("-Michelle Marks, Philadelphia", the
    dash taken into the first word): the proper nouns that open the line, by their last word."""
    words = []
    for token in span:
        if token.pos_ != "PROPN" or not token.text.lstrip("-—–").istitle():
            break
        words.append(token)
    return words[-1] if len(words) >= 2 else None


def _introduced(ctx: Context, p_start: int) -> Token | None:
    """The named subject of the last sentence of the paragraph before, when that paragraph quotes
    nobody's words: "Jim Roe, who runs the shelter, has seen the cost rise." (or "Jim Roe fears the
    worst.", a belief) hands him the floor."""
    before = [p for p in ctx.paragraphs if p[1] <= p_start]
    if not before:
        return None
    previous = before[-1]
    if any(previous[0] <= c.anchor < previous[1] and c.cue_class == "speech" for c in ctx.candidates) \
            or ctx.quotes_between(*previous):
        return None
    sent = ctx.sents[ctx.sent_index(previous[1] - 1)]
    subject = next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.ent_type_ != "PERSON":
        return None
    return subject
