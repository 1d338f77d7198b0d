"""CofeNet's metric: sentence-level exact-match and begin-match F1 per role (source, cue, content).

Wang et al. (COLING 2022, "CofeNet: Context and Former-Label Enhanced Net for Complicated Quotation
Extraction") score quotation extraction on PolNeAR as sequence labelling: every sentence is a tag
sequence, and each role's spans are compared on their own, with no pairing into triples. A
predicted span is an **exact** hit when a gold span of the same role covers the same tokens of the
same sentence, a **begin** hit when one starts at the same token. Spans that cross a sentence
boundary are cut at it, on both sides. All attributions count (every cue PolNeAR annotates, not only
speech).

Two conventions for content, since PolNeAR keeps the quotation marks around a direct quote and the
comma before "he said" while sayso's schema leaves them out: ``as_annotated`` compares gold as
written with sayso's content whose enclosing marks (and the punctuation just inside them) are put
back; ``unquoted`` drops enclosing quotation marks and edge ``,.:;`` from every content span on
both sides.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spacy.tokens import Doc

from sayso.evaluation.polnear import Attr, Counts, _trimmed

ROLES = ("source", "cue", "content")
QUOTE_CHARS = "\"“”«»‘’„'"
MATCHES = ("exact", "begin")
CONVENTIONS = ("as_annotated", "unquoted")
# Result keys: "<role>_<match>", e.g. "content_exact".
METRICS = tuple(f"{role}_{match}" for role in ROLES for match in MATCHES)

Piece = tuple[int, int, int]  # (sentence index, first token, end token)


class Sentences:
    """Token and sentence lookup for one parsed Doc: char span -> per-sentence token pieces."""

    def __init__(self, doc: Doc) -> None:
        self.tokens = [t for t in doc if not t.is_space]
        self.starts = [t.idx for t in self.tokens]
        sent_of = {}
        for n, sent in enumerate(doc.sents):
            for t in sent:
                sent_of[t.i] = n
        self.sent = [sent_of[t.i] for t in self.tokens]

    def pieces(self, span: tuple[int, int]) -> list[Piece]:
        """The non-space tokens starting inside ``span``, cut into one piece per sentence."""
        lo = bisect.bisect_left(self.starts, span[0])
        hi = bisect.bisect_left(self.starts, span[1])
        out: list[Piece] = []
        for k in range(lo, hi):
            if out and out[-1][0] == self.sent[k]:
                out[-1] = (out[-1][0], out[-1][1], k + 1)
            else:
                out.append((self.sent[k], k, k + 1))
        return out


def with_marks(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """sayso's content with the enclosing quotation marks its schema leaves out put back: an
    opening mark right before it, edge ``,.;:`` and a closing mark right after it."""
    start, end = span
    if start > 0 and text[start - 1] in QUOTE_CHARS:
        start -= 1
    stop = end
    while stop < len(text) and text[stop] in ",.;:":
        stop += 1
    if stop < len(text) and text[stop] in QUOTE_CHARS:
        end = stop + 1
    return start, end


def role_pieces(
    text: str, sentences: Sentences, attrs: Iterable[Attr], unquoted: bool, restore: bool = False
) -> dict[str, set[Piece]]:
    """Every role's spans of ``attrs`` as sentence pieces (a role's spans are a set: a source shared
    by two cues is one span). ``unquoted`` trims content edges; ``restore`` puts marks back."""
    found: dict[str, set[Piece]] = {role: set() for role in ROLES}
    for a in attrs:
        for part in a.content_parts():
            span = _trimmed(text, part) if unquoted else with_marks(text, part) if restore else part
            found["content"].update(sentences.pieces(span))
        for role, span in (("cue", a.cue), ("source", a.source)):
            if span is not None:
                found[role].update(sentences.pieces(span))
    return found


def score(
    text: str,
    sentences: Sentences,
    pred: list[Attr],
    gold: list[Attr],
    table: dict[str, dict[str, Counts]],
) -> None:
    """Add one document's counts to ``table`` (convention -> metric -> Counts)."""
    for convention in CONVENTIONS:
        unquoted = convention == "unquoted"
        predicted = role_pieces(text, sentences, pred, unquoted, restore=not unquoted)
        wanted = role_pieces(text, sentences, gold, unquoted)
        row = table.setdefault(convention, {m: Counts() for m in METRICS})
        for role in ROLES:
            p, g = predicted[role], wanted[role]
            row[f"{role}_exact"].add(len(p & g), len(p), len(g))
            gold_starts = {(s, b) for s, b, _ in g}
            pred_starts = {(s, b) for s, b, _ in p}
            row[f"{role}_begin"].add(
                sum(1 for s, b, _ in p if (s, b) in gold_starts), len(p), len(g),
                tp_gold=sum(1 for s, b, _ in g if (s, b) in pred_starts),
            )
