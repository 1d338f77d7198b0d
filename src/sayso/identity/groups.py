"""A country's group holding a view, named one way: "Russia's officials" are the Russian officials.

Writers name one group of a country's people several ways: "Russia's officials", "Russian
officials", "the Russian Federation's officials"; "PRC leaders", "China's leaders", "Chinese
leaders"; "the United States' officials", "U.S. officials". Scorecards, timelines and the corpus
group judgements by their holder's name, so every wording gives one: the country's attributive
adjective before the group's own words ("Russian officials", "Iranian hardline officials"), and
a country's leaders as one holder are its leadership ("Chinese leadership").

Only a group is renamed: the words after the country end in a plural or collective common noun
("officials", "leaders", "government"). "Russia's president" is one person and stays as written;
so does a name in which a country's name is only a part ("China Mobile officials", "Air India's
pilots" keep theirs, the country being no whole owner) or that goes on with a proper name
("Russia's Gazprom", "China's Foreign Ministry"). The table, ``data/demonyms.v1.json``, is derived
from the countryinfo package's country files by ``scripts/demonyms.py``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from sayso.data import load_json
from sayso.entities import load_aliases, normalise

# Collective nouns that name a group though singular in form ("the Chinese leadership believes").
COLLECTIVE = frozenset({"leadership", "government", "regime", "military", "establishment", "elite", "public",
                        "police", "people", "intelligence", "navy", "army", "administration"})
# The one name a group has whatever word the writer chose for it: a country's leaders, as one
# holder, are its leadership.
GROUP_NAMES = {"leaders": "leadership"}
_POSSESSIVE = re.compile(r"^(?:the\s+)?(?P<owner>.+?)(?:['’]s|(?<=s)['’])\s+(?P<rest>.+)$", re.IGNORECASE)


def place_key(name: str) -> str:
    """A place name's lookup key: normalised, accents and a possessive dropped, aliases applied."""
    plain = unicodedata.normalize("NFKD", re.sub(r"(?:['’]s|(?<=s)['’])$", "", name.strip()))
    key = normalise("".join(c for c in plain if not unicodedata.combining(c)))
    return normalise(load_aliases().get(key, key))  # "Kiev" is "Kyiv", "U.S." the United States


@functools.lru_cache(maxsize=1)
def load_countries() -> dict[str, tuple[str, str]]:
    """Lookup key of a country's name, abbreviation, demonym or its plural → (country, attributive),
    from ``data/demonyms.v1.json``."""
    table: dict[str, tuple[str, str]] = {}
    for country, entry in load_json("demonyms.v1.json")["countries"].items():
        people = entry["demonym"] + "s"  # "the Iranians' leaders"
        for name in (*entry["names"], entry["demonym"], people, entry["attributive"]):
            table.setdefault(place_key(name), (country, entry["attributive"]))
    return table


def is_group_noun(word: str) -> bool:
    """A common noun naming several people: a plural ("officials", "analysts") or a collective."""
    return word.islower() and (word in COLLECTIVE or (word.endswith("s") and not word.endswith(("ss", "us", "is"))))


def owner_and_group(name: str) -> tuple[str, list[str]] | None:
    """"Russia's hardline officials" → ("Russia", ["hardline", "officials"]); "PRC leaders" →
    ("PRC", ["leaders"]): the country-like owner and the group's own words, or None when ``name``
    is no owner-and-group phrase."""
    possessive = _POSSESSIVE.match(name.strip())
    if possessive:
        owner, words = possessive["owner"], possessive["rest"].split()
    else:
        words = name.split()
        cut = next((i for i, w in enumerate(words) if w[:1].islower()), len(words))
        if cut == 0 or any(w[:1].isupper() for w in words[cut:]):
            return None  # "China Mobile Communications": no common noun; "the Russian Navy's": a name
        owner, words = " ".join(words[:cut]), words[cut:]
    if not words or not is_group_noun(words[-1]):
        return None
    return owner, words


def group_name(name: str, country_of: Callable[[str], str | None]) -> str | None:
    """The one name of the group ``name`` words ("Russia's officials" → "Russian officials"), or
    None when it is no group of a country. ``country_of`` maps an owner's place key to its
    country's name, or None: the caller decides which owners the text shows to be countries."""
    found = owner_and_group(name)
    if found is None:
        return None
    owner, words = found
    country = country_of(place_key(owner))
    entry = load_countries().get(place_key(country)) if country else None
    if entry is None:
        return None
    return " ".join([entry[1], *words[:-1], GROUP_NAMES.get(words[-1], words[-1])])
