"""Character-span arithmetic on the raw text: trimming, overlap, word counts, title case."""

from __future__ import annotations

from spacy.tokens import Token

DASHES = ("-", "—", "–")  # set off an aside ("Many voters - who made up half - agree") or a quotation
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "on", "in", "and", "with", "for", "to", "at", "by"}


def rstrip(text: str, start: int, end: int, chars: str) -> int:
    while end > start and text[end - 1] in chars:
        end -= 1
    return end


def lstrip(text: str, start: int, end: int, chars: str) -> int:
    while start < end and text[start] in chars:
        start += 1
    return start


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    start = lstrip(text, start, end, " \n\t,;:—–-")
    end = rstrip(text, start, end, " \n\t,;:—–-")
    return start, end


def span_of(tokens: list[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def word_count(text: str) -> int:
    return len(text.split())


def title_like(text: str) -> bool:
    """A short or title-case quotation: a programme or book named in a sentence, not speech."""
    words = text.split()
    return len(words) < 4 or (len(words) <= 8 and _capitalised(words))


def title_case(text: str) -> bool:
    words = text.strip(" ,.").split()
    return len(words) >= 2 and _capitalised(words)


def _capitalised(words: list[str]) -> bool:
    return all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
