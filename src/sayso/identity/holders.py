"""A judgement's holder named as the one identity the article gives it, not as the text words it.

The estimative finder reads an assessor's name off the text ("Kim believes", "Beijing's belief",
"Moscow worries that"). Scorecards, timelines and the corpus group assessments by that name, so
two wordings of one holder must give one name:

- a person named by one word is the one full name the article gives with it ("Kim" → "Kim Jong
  Un"), by the identity resolver's own rule (``resolution.FullNames``);
- a national capital holding a view stands for its country's government (metonymy: "Beijing
  believes" is China's belief) → the country, when the article tags the name as a place (GPE), so
  a person or body that shares a capital's name is left alone. The table is
  ``data/capitals.v1.json``, derived from GeoNames by ``scripts/capitals.py``. "The Kremlin" and
  "the White House" are names of their own and stay.

Anything else (the author, a body's own name, a description such as "Russia's officials",
unknown) is returned unchanged.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from spacy.tokens import Doc

from sayso.data import load_json
from sayso.entities import load_aliases, normalise
from sayso.identity.resolution import FullNames


def _key(name: str) -> str:
    """A place name's lookup key: normalised, accents and a possessive dropped, aliases applied."""
    plain = unicodedata.normalize("NFKD", re.sub(r"['’]s$", "", name.strip()))
    key = normalise("".join(c for c in plain if not unicodedata.combining(c)))
    return normalise(load_aliases().get(key, key))  # "Kiev" is "Kyiv"


@functools.lru_cache(maxsize=1)
def load_capitals() -> dict[str, str]:
    """Capital lookup key → country name, from ``data/capitals.v1.json``."""
    return {_key(capital): country for capital, country in load_json("capitals.v1.json")["capitals"].items()}


class Holders:
    """The identities of one article's judgement holders."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.places = {_key(e.text) for e in doc.ents if e.label_ == "GPE"}
        self.people = {e.text for e in doc.ents if e.label_ == "PERSON"}

    @functools.cached_property
    def full_names(self) -> FullNames:
        return FullNames(self.doc)

    def identity(self, name: str | None) -> str | None:
        """``name`` as the identity it stands for in this article (see the module docstring)."""
        if not name:
            return name
        key = _key(name)
        if key in self.places and key in load_capitals():
            return load_capitals()[key]
        if name in self.people:
            return self.full_names(name)
        return name
