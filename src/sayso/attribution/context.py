"""The state the rules share on one Doc: the parse, quotes, paragraphs and cue verbs they read,
and the candidates, used cue verbs and claimed quotations they write."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from sayso.attribution.cues import is_cue_verb
from sayso.attribution.quotes import QUOTE_CHARS, Quote, find_quotes, paragraphs, quote_at, quote_end
from sayso.attribution.spans import lstrip, overlap, trim, word_count
from sayso.doctext import text_of

DATELINE = re.compile(
    r"[A-Z][A-Z .,'-]{1,40}(?:,\s*[A-Z][a-z]{1,8}\.?(?:\s?[A-Z]\.)?(?:\s+\d{1,2})?)?\s*(?:\([A-Za-z .]{2,20}\))?\s*[—–-]{1,2}\s+(?=[A-Z“\"])"
)


# Every ``rule`` an attribution record can carry: a closed set, listed in docs/output.md
# ("Attribution rules") and checked by tests/attribution/test_attribution_rule_names.py.
RULE_NAMES = frozenset({
    "excerpt",
    "direct-cue", "direct-complement", "direct-lead-in", "direct-lead-in-actor", "direct-colon",
    "direct-colon-name", "direct-label", "direct-name-line", "running-speaker", "introduced-speaker",
    "mixed-clause", "mixed-parenthetical", "mixed-embedded", "mixed-label",
    "indirect-ccomp", "indirect-parenthetical", "indirect-object", "indirect-passive", "indirect-answer", "indirect-trailing",
    "indirect-noun", "according-to", "in-the-words-of", "as-quoted-by", "name-colon", "headline-cue",
})


@dataclass(slots=True)
class Candidate:
    """An attribution before its speaker is resolved (speakers resolve in text order)."""

    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None
    subject: Token | None
    rule: str
    cue_class: str
    source: str | None = None  # an excerpt's source, named by the voices component
    running: bool = False  # credited to the previous attribution's speaker
    mention: tuple[int, int] | None = None  # the speaker's mention when it is not the subject's subtree
    parts: tuple[tuple[int, int], ...] = ()  # the quoted pieces when the cue interrupts the content

    @property
    def anchor(self) -> int:
        return min(self.content[0], self.cue[0]) if self.cue else self.content[0]


def _starting_words(doc: Doc, lexicon: dict[str, Any], phrase_firsts: Iterable[str]) -> tuple[list[int], list[int], list[int]]:
    """The indices of the tokens that can start a multiword sourcing phrase (by lowercase form), of
    the report nouns and of the cue verbs, read off the Doc's attribute arrays: each distinct lemma
    is looked up once, and a Token object is built only for a verb the lexicon holds."""
    strings = doc.vocab.strings
    firsts = np.array(sorted({get_string_id(word) for word in phrase_firsts}), dtype=np.uint64)
    noun = POS_IDS["NOUN"]
    array = doc.to_array([LOWER, LEMMA, POS])
    phrase_starts = np.flatnonzero(np.isin(array[:, 0], firsts)).tolist()
    rows = np.flatnonzero(np.isin(array[:, 2], (noun, POS_IDS["VERB"], POS_IDS["AUX"])))
    lemmas, at = np.unique(array[rows, 1], return_inverse=True)
    words = [strings[lemma].lower() for lemma in lemmas.tolist()]
    is_noun = array[rows, 2] == noun
    report_noun = np.array([w in lexicon["report_nouns"] for w in words], dtype=bool)
    cue_class = np.array([w in lexicon["classes"] for w in words], dtype=bool)
    report_nouns = rows[is_noun & report_noun[at]].tolist()
    cue_verbs = [i for i in rows[~is_noun & cue_class[at]].tolist() if is_cue_verb(doc[i], lexicon)]
    return phrase_starts, report_nouns, cue_verbs


def within(indices: list[int], span: Span) -> list[int]:
    """The token indices (sorted) that lie in ``span``."""
    return indices[bisect.bisect_left(indices, span.start) : bisect.bisect_left(indices, span.end)]


class Context:
    """What every rule reads about one Doc, and what the rules have found so far.

    The rules talk to each other only through the found state here, and only through three
    methods: ``add`` (a content is taken, and its cue verb), ``claim`` / ``claim_quotes`` (a
    quotation is credited). A quotation claimed by one rule is skipped by the direct rule and by
    the joining of interrupted quotes (``direct._continued``); a cue verb used by one rule is
    offered to the indirect rule only when it reports more (``indirect``).
    """

    def __init__(
        self,
        doc: Doc,
        voices: list[dict[str, Any]],
        lexicon: dict[str, Any],
        boilerplate: Sequence[Sequence[int]] = (),
    ) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.lexicon = lexicon
        self.quotes = find_quotes(self.text, lexicon["quote_marks"]["pairs"])
        self.voices = voices
        self.paragraphs = paragraphs(self.text)
        self._paragraph_starts = [p[0] for p in self.paragraphs]
        self.sents = list(doc.sents)
        self.sent_starts = [sent.start_char for sent in self.sents]
        self.phrases_by_first: dict[str, list[dict[str, Any]]] = {}  # multiword cues by their first word
        for entry in lexicon["multiword"]:
            self.phrases_by_first.setdefault(entry["words"][0], []).append(entry)
        # the tokens the sentence rules start from, judged once in one pass (every rule asks again)
        self.phrase_starts, self.report_nouns, self.cue_verb_list = _starting_words(doc, lexicon, self.phrases_by_first)
        self.cue_verbs = set(self.cue_verb_list)
        self._quote_starts = [q.start for q in self.quotes]  # ``find_quotes`` gives them in text order
        self.boilerplate = [(int(b[0]), int(b[1])) for b in boilerplate]  # no content may overlap these
        # found so far
        self.candidates: list[Candidate] = []
        self.contents: set[tuple[int, int]] = set()
        self.used_cues: set[int] = set()
        self._claimed: set[int] = set()  # starts of the quotations credited so far

    @functools.cached_property
    def chunks_by_start(self) -> dict[int, Span]:
        """The Doc's noun chunks by their first token, read once when a rule first asks
        (``doc.noun_chunks`` walks the whole parse on every read)."""
        chunks: dict[int, Span] = {}
        for chunk in self.doc.noun_chunks:
            chunks.setdefault(chunk.start, chunk)
        return chunks

    def claim(self, quote: Quote) -> None:
        """Mark a quotation credited, so that no later rule credits it again."""
        self._claimed.add(quote.start)

    def is_claimed(self, quote: Quote) -> bool:
        return quote.start in self._claimed

    def quotes_in(self, sent: Span) -> list[Quote]:
        """The quotations opening inside ``sent``, in text order."""
        return self.quotes_between(sent.start_char, sent.end_char)

    def quotes_between(self, start: int, end: int) -> list[Quote]:
        """The quotations opening at ``start`` or after and before ``end``, in text order."""
        starts = self._quote_starts
        return self.quotes[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def quote_holding(self, span: tuple[int, int]) -> Quote | None:
        """The first quotation holding all of ``span``: of those opening at or before its start, the
        first to reach its end (they are apart, so their ends ascend as their starts do)."""
        opened = bisect.bisect_right(self._quote_starts, span[0])
        i = bisect.bisect_left(self.quotes, span[1], hi=opened, key=quote_end)
        return self.quotes[i] if i < opened else None

    def overlaps_quote(self, span: tuple[int, int]) -> bool:
        """Whether some quotation overlaps ``span``: of those opening before its end, the last
        reaches furthest (they are apart)."""
        i = bisect.bisect_left(self._quote_starts, span[1]) - 1
        return span[0] < span[1] and i >= 0 and self.quotes[i].end > span[0]

    def quotes_from(self, pos: int) -> list[Quote]:
        """The quotations opening at or after ``pos``, in text order."""
        return self.quotes[bisect.bisect_left(self._quote_starts, pos) :]

    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def sentence_between(self, start: int, end: int) -> bool:
        """Whether a whole sentence of words lies between two offsets."""
        following = (s for s in self.sents[self.sent_index(start) :] if s.start_char < end)
        return any(start <= s.start_char and s.end_char <= end and word_count(s.text) >= 2 for s in following)

    def paragraph(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._paragraph_starts, pos) - 1  # paragraphs are in text order, apart
        if i >= 0 and pos < self.paragraphs[i][1]:
            return self.paragraphs[i]
        return (0, len(self.text))

    def clip(self, span: tuple[int, int], pos: int) -> tuple[int, int]:
        """``span`` cut to the paragraph holding ``pos``: parses run over line breaks, clauses do not."""
        p_start, p_end = self.paragraph(pos)
        return trim(self.text, max(span[0], p_start), min(span[1], p_end))

    def has_quote(self, span: tuple[int, int]) -> bool:
        """Whether a whole quotation lies in ``span``: the first opening in it ends first (they are apart)."""
        i = bisect.bisect_left(self._quote_starts, span[0])
        return i < len(self.quotes) and self.quotes[i].end <= span[1] + 1

    def with_open_quote(self, span: tuple[int, int], verb: Token) -> tuple[int, int]:
        """A quote opened inside a complement belongs to it whole."""
        start, end = span
        q = quote_at(end - 1, self.quotes)
        if q is not None and q.end > end:
            end = q.end
        return self.clip((start, end), verb.idx)

    def dateline_end(self, pos: int) -> int | None:
        """Where a wire dateline opening the paragraph at ``pos`` ends, if one does."""
        p_start, p_end = self.paragraph(pos)
        dateline = DATELINE.match(self.text, p_start, p_end)
        return dateline.end() if dateline and pos < dateline.end() else None

    def add(self, candidate: Candidate, verb: Token | None = None) -> bool:
        """Take ``candidate`` unless its content is empty, taken already or boilerplate; a wire dateline
        opening it is cut off. ``verb`` is then a used cue."""
        if candidate.rule not in RULE_NAMES:
            raise ValueError(f"attribution rule {candidate.rule!r} is not in RULE_NAMES")
        start = candidate.content[0]
        dateline = self.dateline_end(start) if start == self.paragraph(start)[0] and not candidate.parts else None
        if dateline is not None:
            candidate.content = (dateline, candidate.content[1])  # "BEIRUT (AP) — …" is the wire's, not said
        if candidate.kind != "excerpt":
            candidate.parts = self._by_paragraph(candidate.parts or (candidate.content,), candidate.parts)
        content = candidate.content
        if content[1] <= content[0] or content in self.contents:
            return False
        if any(overlap(content, b) > 0 for b in self.boilerplate):
            return False
        self.contents.add(content)
        self.candidates.append(candidate)
        if verb is not None:
            self.used_cues.add(verb.i)
        return True

    def _by_paragraph(
        self, pieces: tuple[tuple[int, int], ...], parts: tuple[tuple[int, int], ...]
    ) -> tuple[tuple[int, int], ...]:
        """A quotation that runs over paragraphs (an opening mark on each, a closing one on the last)
        is one content in one part per paragraph, without the marks that reopen it."""
        if not any("\n" in self.text[start:end] for start, end in pieces):
            return parts
        split = []
        for start, end in pieces:
            for p_start, p_end in self.paragraphs:
                if p_start < end and start < p_end:
                    lead = QUOTE_CHARS + " \t" if p_start > start else ""
                    piece = trim(self.text, lstrip(self.text, max(start, p_start), min(end, p_end), lead), min(end, p_end))
                    if piece[1] > piece[0]:
                        split.append(piece)
        return tuple(split) if len(split) > len(pieces) else parts

    def claim_quotes(self, span: tuple[int, int]) -> None:
        """Claim every quotation inside ``span`` (give or take its marks): the content credits them."""
        for q in self.quotes_from(span[0] - 1):
            if q.end > span[1] + 1:
                break  # quotations are apart: every later one ends later
            self.claim(q)
