"""The context's quotation lookups by bisection give what a scan of every quotation gives, for every
span of a text: the rules ask them of thousands of words in a quote-heavy article."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sayso.attribution import load_reporting_verbs
from sayso.attribution.context import Context
from sayso.attribution.spans import overlap

WORDS = ["He", "said", '"', "one", "two", '"', "and", '"', "three", '"', "then", '"', "four", "five", '"', "."]
SPACES = [True, True, False, True, False, True, True, False, False, True, True, False, True, False, False, False]


def _context() -> Context:
    doc = Doc(Vocab(), words=WORDS, spaces=SPACES, sent_starts=[True] + [False] * (len(WORDS) - 1))
    return Context(doc, [], load_reporting_verbs())


def test_the_text_has_three_quotations():
    ctx = _context()
    assert [ctx.text[q.start : q.end] for q in ctx.quotes] == ['"one two"', '"three"', '"four five"']


def test_each_lookup_is_the_scan_it_replaces():
    ctx = _context()
    offsets = range(-1, len(ctx.text) + 2)
    for start, end in itertools.product(offsets, offsets):
        span = (start, end)
        assert ctx.quotes_between(start, end) == [q for q in ctx.quotes if start <= q.start < end], span
        assert ctx.quote_holding(span) is next((q for q in ctx.quotes if q.start <= start and end <= q.end), None), span
        assert ctx.overlaps_quote(span) == any(overlap(span, (q.start, q.end)) for q in ctx.quotes), span


def test_no_quotation_holds_or_meets_a_span_between_them():
    ctx = _context()
    between = (ctx.text.index("and"), ctx.text.index("and") + 3)
    assert ctx.quote_holding(between) is None
    assert not ctx.overlaps_quote(between)
    assert ctx.quotes_between(*between) == []
