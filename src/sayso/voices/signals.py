"""Signals of whose voice a paragraph is: counts of quoted-text and author cues, read off the parse."""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence

import numpy as np
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM, POS, SENT_START, TAG
from spacy.parts_of_speech import PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from sayso.doctext import token_texts
from sayso.voices.rules import Rules

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
CURLY_APOSTROPHES = tuple(chr(code) for code in APOSTROPHES)


def straighten(text: str) -> str:
    """``text`` with its curly apostrophes made straight. Most words and paragraphs hold none, and
    are returned as they are: ``str.translate`` looks every character up in the table."""
    if text.isascii() or not any(mark in text for mark in CURLY_APOSTROPHES):
        return text
    return text.translate(APOSTROPHES)


class TokenIndex:
    """Tokens by character range, without re-slicing the Doc for every lookup; and the attributes
    the signals read, off the Doc's arrays once (a Token object per word costs more than the rules)."""

    def __init__(self, doc: Doc, starts: list[int]) -> None:
        self.doc = doc
        self.starts = starts
        self._columns: list[list[int]] | None = None
        self._texts: dict[int, str] = {}
        self._token_texts: list[str] | None = None
        self._folded: list[str] | None = None
        self._words_before: list[int] | None = None
        self._sentence_starts: list[int] | None = None
        self._word_classes: tuple[list[bool], list[int]] | None = None

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The indices of the first token at or after ``start`` and of the first at or after ``end``."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def within(self, start: int, end: int) -> Span:
        return self.doc[slice(*self.bounds(start, end))]

    def columns(self) -> list[list[int]]:
        """Per token, as lists: is_punct, is_space, dep, head (an index), lemma and tag."""
        if self._columns is None:
            array = self.doc.to_array([IS_PUNCT, IS_SPACE, DEP, HEAD, LEMMA, TAG])
            heads = array[:, 3].astype(np.int64) + np.arange(len(self.doc))  # HEAD is relative
            self._columns = array.T.tolist()
            self._columns[3] = heads.tolist()
        return self._columns

    def word_classes(self) -> tuple[list[bool], list[int]]:
        """Per token: whether it is a proper noun, and whether it is like a number (1 or 0); read for
        the articles the voice model labels only."""
        if self._word_classes is None:
            pos, like_num = self.doc.to_array([POS, LIKE_NUM]).T.tolist()
            self._word_classes = ([p == PROPN for p in pos], like_num)
        return self._word_classes

    def texts(self) -> list[str]:
        """Every token's text."""
        if self._token_texts is None:
            self._token_texts = token_texts(self.doc)
        return self._token_texts

    def folded(self) -> list[str]:
        """Every token's text in lower case with curly apostrophes made straight, as the word lists
        are written; each distinct word folded once (the rules read every token of every paragraph)."""
        if self._folded is None:
            texts = self.texts()
            lookup = {text: straighten(text.lower()) for text in set(texts)}
            self._folded = [lookup[text] for text in texts]
        return self._folded

    def word_count(self, first: int, last: int) -> int:
        """How many tokens from ``first`` up to ``last`` are words (neither punctuation nor space),
        off running totals counted once per Doc."""
        if self._words_before is None:
            punct, space, *_ = self.columns()
            self._words_before = [0, *itertools.accumulate(not p and not s for p, s in zip(punct, space))]
        return self._words_before[last] - self._words_before[first]

    def sentence_start(self, i: int) -> int:
        """``doc[i].sent.start``, off one array read per Doc: ``Token.sent`` walks the Doc to build
        a sentence Span on every call (the start is the last token at or before ``i`` that starts one)."""
        if self._sentence_starts is None:
            flags = self.doc.to_array(SENT_START).tolist()  # 1: the token starts a sentence
            starts, current = [], 0
            for index, flag in enumerate(flags):
                current = index if flag == 1 else current
                starts.append(current)
            self._sentence_starts = starts
        return self._sentence_starts[i]

    def string(self, key: int) -> str:
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = self.doc.vocab.strings[key]
        return text


SUBJECTS = frozenset(get_string_id(d) for d in ("nsubj", "nsubjpass"))
ATTR, XCOMP, POSSESSIVE, BE = (get_string_id(s) for s in ("attr", "xcomp", "POS", "be"))
CLAUSE_HEADS = frozenset(get_string_id(d) for d in ("ROOT", "conj"))


def paragraph_signals(text: str, start: int, end: int, tokens: TokenIndex, rules: Rules) -> dict[str, int]:
    """Counts of each voice signal in one paragraph (author signals outside quotation marks)."""
    body = text[start:end]
    stripped = body.strip()
    if not stripped:
        return {}
    quoted = _quoted_ranges(body, rules)
    masked = _mask(body, quoted)
    first, last = tokens.bounds(start, end)
    _, space, dep, head, lemma, tag = tokens.columns()
    texts, folded = tokens.texts(), tokens.folded()
    counts: dict[str, int] = {"words": tokens.word_count(first, last)}
    outside = _outside(tokens, start, first, last, quoted)
    personal = [i for i in outside if dep[i] in SUBJECTS and _first_person_subject(texts[i], rules)]
    opener = next((i for i in range(first, last) if not space[i]), None) if personal else None
    opening = tokens.doc[opener].sent if opener is not None else None  # a Span: built only when asked
    counts["opens_personal"] = int(opening is not None and any(tokens.doc[i].sent == opening for i in personal))
    for i in outside:
        text, low = texts[i], folded[i]
        if low in rules.contraction_suffixes and not (low == "'s" and tag[i] == POSSESSIVE):
            counts["contraction"] = counts.get("contraction", 0) + 1
        elif (low in rules.first_person and (low != "us" or text == "us")) or text == "I":
            counts["first_person"] = counts.get("first_person", 0) + 1
        elif low in rules.second_person:
            counts["second_person"] = counts.get("second_person", 0) + 1
        if dep[i] in SUBJECTS and _third_person(text, rules):
            verb = tokens.string(lemma[head[i]])
            if verb in rules.analytic_verbs and dep[head[i]] != XCOMP:
                counts["analytic"] = counts.get("analytic", 0) + 1
            if verb in rules.reporting_verbs:
                counts["reporting"] = counts.get("reporting", 0) + 1
        if dep[i] == ATTR and lemma[head[i]] == BE and dep[head[i]] in CLAUSE_HEADS:
            counts["judgement"] = counts.get("judgement", 0) + 1
    counts["footnote"] = len(rules.footnote.findall(body))
    counts["opens_with_quote"] = int(stripped[0] in rules.paragraph_openers)
    trimmed, straight = masked.strip(), straighten(masked)
    counts["wire"] = sum(bool(p.search(trimmed)) for p in rules.wire)
    counts["formal_date"] = sum(1 for _ in rules.formal_date.finditer(masked))
    counts["question"] = masked.count("?")
    counts["exclamation"] = masked.count("!")
    counts["colloquial"] = len(rules.colloquial.findall(straight))
    counts["stance"] = len(rules.stance.findall(straight))
    opening = straighten(stripped.lower())
    counts["commentary_opener"] = int(
        opening.startswith(rules.commentary_openers)  # one test for all, then the word boundary of each
        and any(_starts_with_phrase(opening, o) for o in rules.commentary_openers)
    )
    counts["lead_in"] = int(
        bool(rules.lead_in_end.search(stripped)) and not is_heading(stripped, rules)
        and not _calls_to_action(tokens.within(start, end), counts)
    )
    counts["ellipsis_end"] = int(bool(rules.ellipsis_end.search(stripped)))
    counts["list_item"] = int(bool(rules.list_item.match(body)))
    counts["whole_quote"] = int(not any(c.isalnum() for c in masked))
    counts["short"] = int(counts["words"] < rules.contrast["short_words"] and not counts["whole_quote"])
    counts["formal"] = int(not chatty(counts, rules) and counts["words"] >= rules.contrast["formal_min_words"])
    return {f: n for f, n in counts.items() if n}


def _calls_to_action(span: Span, counts: dict[str, int]) -> bool:
    """"Do you support the mayor? Like the page:", "Want this in your inbox? Sign up:": a question to
    the reader, then a colon sentence with no subject (an imperative), asks something of the reader;
    what follows is the site's. (The tagger reads "Like the page" as a preposition, so no tag test.)"""
    words = [t for t in span if not t.is_space and not t.is_punct]
    if not counts.get("question") or not words:
        return False
    last = [t for t in words[-1].sent if span.start <= t.i < span.end]  # a sentence may run past the paragraph
    return not any(t.text == "?" or t.dep_ in ("nsubj", "nsubjpass", "expl") for t in last)


def is_heading(paragraph: str, rules: Rules) -> bool:
    """"11:50 a.m.:", "Key Takeaways:": a heading over what follows, not a lead-in to an excerpt."""
    if rules.heading.match(paragraph):
        return True
    words = paragraph.rstrip(": ").split()
    if not 2 <= len(words) <= 5 or words[0].lower() in ("from", "via", "per", "here", "this", "read"):
        return False  # "From ISW:", "Here is the statement:" lead in
    return all(w[0].isupper() or w.lower() in ("of", "the", "and", "on", "in", "for", "to") for w in words)


def chatty(counts: dict[str, int], rules: Rules) -> bool:
    """Whether a paragraph reads in an informal, personal register."""
    return any(counts.get(f, 0) >= n for f, n in rules.informal.items())


def _starts_with_phrase(opening: str, phrase: str) -> bool:
    return opening.startswith(phrase) and (
        len(opening) == len(phrase) or not phrase[-1].isalnum() or not opening[len(phrase)].isalnum()
    )


def _third_person(word: str, rules: Rules) -> bool:
    low = word.lower()
    return low not in rules.first_person and low not in rules.second_person


def _first_person_subject(word: str, rules: Rules) -> bool:
    return word == "I" or word.lower() in rules.first_person


def _quoted_ranges(body: str, rules: Rules) -> list[tuple[int, int]]:
    """Offsets (within ``body``) inside quotation marks; an unclosed quote runs to the end and a
    closing mark with no opener closes a quotation begun in an earlier paragraph."""
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    body = body.replace("''", '" ').replace("``", '" ')  # typewriter quotes, offsets kept
    for mark in _marks(rules.quote_open + rules.quote_close + rules.quote_toggle).finditer(body):
        i, c = mark.start(), mark.group()
        if opened is None and (c in rules.quote_open or c in rules.quote_toggle):
            opened = i
        elif opened is not None and (c in rules.quote_close or c in rules.quote_toggle):
            ranges.append((opened, i + 1))
            opened = None
        elif opened is None and c in rules.quote_close:
            ranges.append((ranges[-1][1] if ranges else 0, i + 1))
    if opened is not None:
        ranges.append((opened, len(body)))
    return ranges


@functools.lru_cache(maxsize=8)
def _marks(chars: str) -> re.Pattern[str]:
    """Any one of ``chars``: only quotation marks change the state ``_quoted_ranges`` keeps."""
    return re.compile("[" + re.escape(chars) + "]")


def _outside(tokens: TokenIndex, start: int, first: int, last: int, quoted: list[tuple[int, int]]) -> Sequence[int]:
    """The tokens ``first`` to ``last`` (a paragraph starting at ``start``) that start outside the
    ``quoted`` ranges, found by the ranges' token bounds rather than testing each token."""
    if not quoted:
        return range(first, last)
    inside: set[int] = set()
    for s, e in quoted:
        inside.update(range(*tokens.bounds(start + s, start + e)))
    return [i for i in range(first, last) if i not in inside]


def _mask(body: str, ranges: list[tuple[int, int]]) -> str:
    """``body`` with the ``ranges`` blanked out, offsets kept (most paragraphs quote nothing)."""
    for s, e in ranges:
        body = body[:s] + " " * (e - s) + body[e:]
    return body
