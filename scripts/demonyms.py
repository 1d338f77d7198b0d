"""Write ``src/sayso/data/demonyms.v1.json``: each country's names and the adjective that names its people.

A group holding a view is named one way across a corpus: "Russia's officials" and "Russian
officials", "PRC leaders" and "Chinese leaders" are one holder (``sayso.identity.groups``). The
table is derived, never typed: the country files of the countryinfo package (MIT; its ``data/``
folder, one JSON file per ISO 3166 country or territory, with ``name``, ``altSpellings``,
``demonym`` and ``population``). countryinfo is no dependency of sayso: download its wheel once and
point this script at the folder.

    pip download countryinfo==1.0.1 --no-deps -d /tmp/c && unzip -o /tmp/c/*.whl -d /tmp/c
    python scripts/demonyms.py /tmp/c/countryinfo/data

Kept: countries and territories of at least ``MIN_POPULATION`` people with one plain demonym (no
"Antiguan,Barbudan"), the most populous one where several share it (the Northern Mariana Islands'
"American" is the United States'). Names: the country's name and its alternative spellings, minus
ISO codes ("IT", "CAN" are words too) and inverted forms ("Korea, Republic of"), plus the initials of
every English state name of two to four words, made of the country's name and state-form words
("People's Republic of China" → PRC; not a native spelling, "Jamhuri ya Kenya"), that are at least
three letters or are themselves a listed spelling ("UK"), never an ISO code; a name two countries
share is dropped.
The attributive form (the word written before "officials") is the demonym, except where that is a
noun made from the name ("New Zealander": "New Zealand officials") and for the two countries whose
own abbreviation is the usual attributive form in English prose ("US officials", "UK ministers").
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "sayso" / "data" / "demonyms.v1.json"
MIN_POPULATION = 100_000
WITHDRAWN = {"CS", "AN"}  # ISO 3166-3: Serbia and Montenegro, Netherlands Antilles
ATTRIBUTIVE = {"United States": "US", "United Kingdom": "UK"}
# "America's allies" is the country in English prose; "US" is also its ISO code, which names_of drops.
EXTRA_NAMES = {"United States": ["America", "US"]}
INITIALS_SKIP = {"of", "the", "and"}
STATE_FORM_WORDS = {
    "of", "the", "and", "republic", "kingdom", "united", "states", "america", "democratic", "people's", "islamic",
    "federal", "federation", "union", "emirates", "commonwealth", "state", "socialist", "arab", "plurinational",
    "bolivarian", "grand", "duchy", "principality", "sultanate",
}
MAX_INITIALS = 4  # "DPRK"; the initials of a six-word official name are nobody's abbreviation

ABOUT = (
    "Country -> its names and the adjective for its people, for sayso.identity.groups: a group holder "
    "written with a country's name or abbreviation ('Russia's officials', 'PRC leaders') is named with "
    "the adjective ('Russian officials', 'Chinese leadership'), one identity across a corpus. Derived by "
    "scripts/demonyms.py from the country files of countryinfo 1.0.1 (MIT): countries and territories "
    f"of at least {MIN_POPULATION:,} people with one demonym (the most populous where several share it); "
    "names are the name, the alternative spellings without ISO codes or inverted forms, and initials of "
    "three or more letters (or listed spellings); a name two countries share is dropped. 'attributive' "
    "is the demonym, the name where the demonym is a noun from it ('New Zealander'), and 'US' / 'UK' "
    "for the United States and the United Kingdom."
)


def initials(name: str) -> str | None:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in INITIALS_SKIP]
    return "".join(w[0].upper() for w in words) if 2 <= len(words) <= MAX_INITIALS else None


def english_state_name(name: str, own: set[str]) -> bool:
    """"People's Republic of China": the country's own name and English state-form words only, so
    a native spelling ("Jamhuri ya Kenya") gives no initials."""
    words = name.split()
    return bool(own & set(words)) and all(w in own or w.casefold() in STATE_FORM_WORDS for w in words)


def attributive(name: str, demonym: str) -> str:
    if name in ATTRIBUTIVE:
        return ATTRIBUTIVE[name]
    return name if demonym.startswith(name) and demonym.endswith("er") else demonym


def names_of(country: dict) -> list[str]:
    codes = {country["ISO"].get("alpha2"), country["ISO"].get("alpha3")}
    spellings = [s for s in country.get("altSpellings", []) if s.isascii() and "," not in s]
    names = [country["name"], *EXTRA_NAMES.get(country["name"], []), *(s for s in spellings if s not in codes)]
    own = set(country["name"].split())
    for name in [n for n in names if english_state_name(n, own)]:
        short = initials(name)
        if short and (len(short) >= 3 or short in spellings) and short not in codes:
            names.append(short)
    return list(dict.fromkeys(names))


def build(countries: list[dict]) -> dict[str, dict]:
    kept = [c for c in countries if c.get("ISO", {}).get("alpha2") and c["ISO"]["alpha2"] not in WITHDRAWN
            and (c.get("population") or 0) >= MIN_POPULATION and c.get("demonym")
            and not re.search(r"[,/]", c["demonym"])]
    by_demonym: dict[str, dict] = {}
    for c in sorted(kept, key=lambda c: -c["population"]):
        by_demonym.setdefault(c["demonym"], c)
    chosen = sorted(by_demonym.values(), key=lambda c: c["name"])
    names = {c["name"]: names_of(c) for c in chosen}
    shared = Counter(n.casefold() for ns in names.values() for n in ns)
    return {
        c["name"]: {
            "demonym": c["demonym"],
            "attributive": attributive(c["name"], c["demonym"]),
            "names": [n for n in names[c["name"]] if shared[n.casefold()] == 1],
        }
        for c in chosen
    }


def main(folder: str) -> None:
    files = sorted(Path(folder).glob("*.json"))
    table = build([json.loads(p.read_text(encoding="utf-8")) for p in files])
    OUT.write_text(json.dumps({"version": 1, "about": ABOUT, "countries": table}, indent=1, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {len(table)} countries")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/demonyms.py PATH/TO/countryinfo/data")
    main(sys.argv[1])
