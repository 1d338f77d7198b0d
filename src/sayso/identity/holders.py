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
  "the White House" are names of their own and stay;
- a group of a country's people is named with the country's adjective (``identity.groups``):
  "Russia's officials", "PRC leaders" and "Beijing's leaders" → "Russian officials", "Chinese
  leadership", when the article tags the country's name, abbreviation or capital as a place (or
  its adjective as a nationality), so a body that shares a country's initials ("IRA") is left alone.

Anything else (the author, a body's own name, a person's role such as "Russia's president",
unknown) is returned unchanged.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span

from sayso.data import load_json
from sayso.doctext import ents_of, span_text
from sayso.identity.groups import group_name, load_countries, place_key
from sayso.identity.resolution import FullNames


@functools.lru_cache(maxsize=1)
def load_capitals() -> dict[str, str]:
    """Capital lookup key → country name, from ``data/capitals.v1.json``."""
    return {place_key(capital): country for capital, country in load_json("capitals.v1.json")["capitals"].items()}


class Holders:
    """The identities of one article's judgement holders. The article's names are read on the first
    holder asked about: most judgements are the author's, with no holder to name."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @functools.cached_property
    def _ents(self) -> tuple[Span, ...]:
        return ents_of(self.doc)

    @functools.cached_property
    def places(self) -> set[str]:
        return {place_key(span_text(e)) for e in self._ents if e.label_ == "GPE"}

    @functools.cached_property
    def nationalities(self) -> set[str]:
        return {place_key(span_text(e)) for e in self._ents if e.label_ == "NORP"}

    @functools.cached_property
    def people(self) -> set[str]:
        return {span_text(e) for e in self._ents if e.label_ == "PERSON"}

    @functools.cached_property
    def full_names(self) -> FullNames:
        return FullNames(self.doc, self._ents)

    def identity(self, name: str | None) -> str | None:
        """``name`` as the identity it stands for in this article (see the module docstring)."""
        if not name:
            return name
        capital = self.capital_country(place_key(name))
        if capital is not None:
            return capital
        if name in self.people:
            return self.full_names(name)
        return group_name(name, self.country_of) or name

    def capital_country(self, key: str) -> str | None:
        """The country whose capital a place key names, when the article tags it as a place."""
        return load_capitals().get(key) if key in self.places else None

    def country_of(self, key: str) -> str | None:
        """The country a place key names in this article: a country's name or abbreviation or a
        capital tagged as a place, or a country's adjective tagged as a nationality."""
        capital = self.capital_country(key)
        if capital is not None:
            return capital
        if key in self.places or key in self.nationalities:
            return load_countries().get(key, (None,))[0]
        return None
