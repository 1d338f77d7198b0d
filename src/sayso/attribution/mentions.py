"""The speaker's mention: the character span of the noun phrase that names who speaks."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from sayso.attribution.quotes import QUOTE_CHARS, Quote, quote_at, quote_end
from sayso.attribution.spans import lstrip, rstrip, span_of, word_count
from sayso.attribution.subjects import set_off_start

if TYPE_CHECKING:
    from sayso.attribution.context import Context


ASIDE_DEPS = {"acl", "prep"}


def mention_span(head: Token, lexicon: dict[str, Any]) -> tuple[int, int]:
    """The speaker's noun phrase: appositions and relative clauses included ("Jane Roe, a
    spokeswoman for the ministry", "Jane Roe, who heads the agency"; PolNeAR train measured that
    way is half a point better, its annotators split about evenly), but not a participle or place
    set off by a comma or dash ("Roe, speaking in Kyiv", "Roe, in Kyiv")."""
    tokens = [t for t in head.subtree if not (t.is_punct and t.text in QUOTE_CHARS)]
    members = lexicon["member_prepositions"]["words"]
    aside = next(
        (
            c for c in head.rights
            if c.dep_ in ASIDE_DEPS and c.i > head.i + 1 and c.doc[c.left_edge.i - 1].text in ",—–"
            and c.lower_ != "of" and c.lower_ not in members
        ),
        None,
    )  # "Jane Roe, 29, of Huntsville" is who she is, not where she spoke
    if aside is not None:
        tokens = [t for t in tokens if t.i < aside.left_edge.i - 1]
    occasions = lexicon["occasion_nouns"]["words"]
    occasion = next((c for c in head.rights if _occasion(c, occasions)), None)
    if occasion is not None:
        tokens = [t for t in tokens if t.i < occasion.left_edge.i]
    return span_of(tokens or [head])


def _occasion(child: Token, occasions: list[str]) -> bool:
    """"Roe on Tuesday said", "Roe in an interview said", "Roe, when asked, said": a time or occasion
    the parser hung on the speaker is the report's, not part of who speaks (a common noun's time is:
    "an article on Monday"; a gerund's is the occasion itself: "Writing in a blog post, Roe said")."""
    if child.dep_ == "prep":
        head = child.head
        return any(
            c.dep_ == "pobj" and (
                (head.pos_ == "PROPN" and (c.ent_type_ in ("DATE", "TIME") or c.lower_ == "time"))
                or (head.pos_ in ("PROPN", "NOUN", "PRON") and not head.lower_.endswith("ing")
                    and child.lower_ in ("in", "during") and c.lemma_.lower() in occasions)
            )
            for c in child.children
        )
    return child.dep_ in ("relcl", "advcl", "acl") and child.left_edge.lower_ == "when"


def mention_of(ctx: Context, head: Token, verb: Token | None = None) -> tuple[int, int]:
    """The speaker's mention; a subject before its verb, or a noun that speaks through its own
    participle ("voters saying …"), ends before the verb, and one with a report of its own in a
    relative clause ("Roe, who said …,") before that clause (PolNeAR train speech source +0.13)."""
    span = mention_span(head, ctx.lexicon)
    start = set_off_start(head) if head.dep_ == "pobj" and verb is not None else None
    if start is not None and head.left_edge.i < start:  # a subject the parse hung on the phrase before it
        span = (head.doc[start].idx, span[1])
    split = _split_subject(head)
    if split is not None:
        span = (split.left_edge.idx, span[1])
    if verb is not None and verb.head.i == head.i and verb.dep_ == "acl":
        span = span_of([t for t in head.subtree if t.i < verb.i and not (t.is_punct and t.text in QUOTE_CHARS)] or [head])
    def ending_before(i: int) -> tuple[int, int]:
        return span[0], min(span[1], span_of([t for t in head.subtree if t.i < i] or [head])[1])

    report = next((c for c in head.subtree if c.i > head.i and c.dep_ == "relcl" and _reports(ctx, c)), None)
    comma = report.left_edge.i - 1 if report is not None else 0
    if comma > head.i and ctx.doc[comma].text in ",—–":
        span = ending_before(comma)
    if verb is not None and head.i < verb.i < head.right_edge.i:  # a misparse ran the subject past its verb
        span = ending_before(verb.i)
    title = _title_root(head, verb)
    if title is not None:
        span = (title.left_edge.idx, span[1])
    span = _outside_quotes(ctx, span, head)
    start, end = ctx.clip(span, head.idx)
    dateline = ctx.dateline_end(start)
    if dateline is not None and dateline <= head.idx:
        start = dateline  # "ORLANDO, Fla. (Reuters) - President Obama said": the wire's, not the speaker's
    start, end = _outside_open_bracket(ctx.text, start, end)
    words = ctx.doc.char_span(start, end, alignment_mode="expand")
    if words is not None and len(words) > 1 and words[0].lower_ == "even" and words[0].pos_ == "ADV":
        start = words[1].idx  # "Even Republicans who praised him warned": a focus word, not part of who speaks
    start = lstrip(ctx.text, start, end, QUOTE_CHARS + " ,")
    end = rstrip(ctx.text, start, end, QUOTE_CHARS + " ,")
    dangling = re.search(r"(?:[\s,]+(?:and|or|but))+$", ctx.text[start:end])  # "Mr. Daniloff, now 81 and"
    return start, start + dangling.start() if dangling else end


ZONES = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT)"
CLOCK = re.compile(  # "23:15", "10.32am", "0915 GMT"; not "3.45 million" or a year
    rf"(?:\d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\.?)?|\d{{1,2}}\.\d{{2}}\s?[ap]\.?m\.?|\d{{4}}(?=\s?{ZONES}))(?:\s?{ZONES})?[\s:|–—-]+"
)


def past_clock(text: str, mention: tuple[int, int]) -> tuple[int, int]:
    """A liveblog entry's time at the start of its line ("23:15 Opposition leader Sarah Lindqvist:",
    "10.32am GMT – Analysts say") is when it was posted, not part of who speaks."""
    start, end = mention
    line = text.rfind("\n", 0, start) + 1
    clock = CLOCK.match(text, start) if not text[line:start].strip() else None
    return (clock.end(), end) if clock is not None and clock.end() < end else mention


def _outside_open_bracket(text: str, start: int, end: int) -> tuple[int, int]:
    """A bracket the mention opens and does not close is not the speaker's: one it starts with
    ("(Raphael Lemkin, who coined the word, said") opens an aside round the whole report, and one
    inside it ("exit polls (a sizable margin …) show") opens an aside the parse ran the speaker into."""
    for opening, closing in ("()", "[]"):
        if start < end and text[start] == opening and closing not in text[start:end]:
            start += 1
        unclosed = text.rfind(opening, start, end)
        if unclosed > start and text.find(closing, unclosed, end) < 0:
            end = rstrip(text, start, unclosed, " ,")
    return start, end


def _split_subject(head: Token) -> Token | None:
    """"The e-mail said": a word the tokenizer split ("e", "-", "mail") can come out of the parse as
    several subjects of one verb side by side; the first of the run starts the speaker."""
    def sibling(token: Token) -> bool:
        return token.dep_ == head.dep_ and token.head.i == head.head.i

    first = head
    while first.i > 0 and not head.doc[first.i - 1].whitespace_:
        before = head.doc[first.i - 1]
        if not (sibling(before) or sibling(before.head)):
            break
        first = before
    run = [t for t in head.doc[first.i : head.i] if sibling(t)]
    return run[0] if run else None


def _title_root(head: Token, verb: Token | None) -> Token | None:
    """"Malaysia's Prime Minister, Najib Razak said": a parse that makes the title before the comma
    the sentence's root (the cue a parataxis on it) or a second subject of the cue still names one
    speaker by both."""
    if verb is None or head.head.i != verb.i:
        return None
    comma = head.left_edge.i - 1
    if comma < 1 or head.doc[comma].text != ",":
        return None
    titles = [verb.head] if verb.dep_ == "parataxis" else [c for c in verb.children if c.dep_ == "nsubj" and c.i < head.i]
    return next((t for t in titles if t.i == comma - 1 and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON"), None)


def _reports(ctx: Context, clause: Token) -> bool:
    """The clause's verb, or one joined to it, is a cue with a reported clause of its own."""
    return any(
        v.i in ctx.cue_verbs and any(c.dep_ == "ccomp" for c in v.children)
        for v in (clause, *(c for c in clause.children if c.dep_ == "conj"))
    )


def past_dateline(ctx: Context, subject: Token) -> Token:
    """"ORLANDO, Fla. (Reuters) - President Obama said": a parse that makes the dateline's city the
    subject hangs the real speaker on it as an apposition."""
    end = ctx.dateline_end(subject.idx)
    if end is None:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.idx >= end), subject)


def _outside_quotes(ctx: Context, span: tuple[int, int], head: Token) -> tuple[int, int]:
    """A speaker outside quotation marks never reaches into one (a misparse can hang the quote on the
    name), except a short title the noun phrase names ("the authors of the “Growth and Opportunity
    Project”", "some in the “Bernie or Bust” crowd")."""
    if quote_at(head.idx, ctx.quotes) is not None:
        return span
    start, end = span
    quotes = ctx.quotes  # in text order and apart: their ends ascend as their starts do
    before = bisect.bisect_right(quotes, head.idx, key=quote_end) - 1
    if before >= 0 and quotes[before].end > start:
        start = quotes[before].end
    for q in ctx.quotes_from(head.idx + 1):
        if q.start >= end:
            break
        if not _title_in_name(ctx, q, end):
            end = q.start
            break
    return start, end


def _title_in_name(ctx: Context, q: Quote, end: int) -> bool:
    inner = ctx.text[q.inner_start : q.inner_end].strip(" ,.")
    return q.closed and q.end <= end + 3 and 0 < word_count(inner) <= 6 and inner[:1].isupper()
