"""Flat memory over long runs: one spaCy memory zone, shared by the threads analysing at once.

spaCy keeps every new token string in its vocabulary and tokenizer cache for the life of the
process, so a server, a fuzz campaign or an ingest of a large corpus grows without bound. What
is added inside ``nlp.memory_zone()`` is freed when the zone closes. Zones must neither nest nor
overlap, so threads share one: the first to enter opens it, the last to leave closes it, and
after ``limit`` entries newcomers wait for it to close, so it closes even under steady load. A
thread already inside re-enters freely (a batch analysing one document alone inside its own zone).
Nothing made inside a zone may outlive it: callers turn Docs into plain Analysis records first.
"""

from __future__ import annotations

import collections
import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from spacy.language import Language

# Analysed once before the first zone, so that what components build lazily on their first
# document (matchers and their labels) is stored for good, not freed with the zone.
WARM_UP = (
    "Officials said on Monday that an attack from the north is unlikely, the ministry told reporters. "
    "“We will respond,” said Peter, a spokesman of the 1st Guards Tank Army, on 10 October 2022."
)


class SharedZone:
    """``with zone.enter():`` analyse, and free what the analysis added once no thread is inside."""

    def __init__(self, nlp: Language, limit: int = 256) -> None:
        self.nlp = nlp
        self.limit = limit
        self._condition = threading.Condition()
        self._inside: collections.Counter[int] = collections.Counter()  # thread id -> open entries
        self._entries = 0
        self._zone: contextlib.AbstractContextManager[Any] | None = None
        self._closing = False
        nlp(WARM_UP)

    @contextlib.contextmanager
    def enter(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._condition:
            while self._closing and not self._inside[me]:
                self._condition.wait()
            if self._zone is None:
                self._zone = self.nlp.memory_zone()
                self._zone.__enter__()
            self._inside[me] += 1
            self._entries += 1
            self._closing = self._entries >= self.limit
        try:
            yield
        finally:
            with self._condition:
                self._inside[me] -= 1
                if not self._inside[me]:
                    del self._inside[me]
                if not self._inside:
                    zone, self._zone = self._zone, None
                    self._entries, self._closing = 0, False
                    assert zone is not None
                    zone.__exit__(None, None, None)
                    self._condition.notify_all()
