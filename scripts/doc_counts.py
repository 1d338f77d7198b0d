"""Keep the reference article's counts in docs/cli.md in step with what sayso finds today.

The CLI examples quote how many voices, attributions, assessments, dates and citations sayso
finds in shared/examples/belarus-rgv-oct-2022.txt. Those numbers move whenever attribution or
estimative output improves, so they are computed here, never typed: ``--check`` (the test suite
runs it) lists stale ones; without it the file is rewritten.

    python scripts/doc_counts.py          # rewrite docs/cli.md
    python scripts/doc_counts.py --check  # exit 1 and list what is stale
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = ROOT / "docs" / "cli.md"
REFERENCE = ROOT.parent / "shared" / "examples" / "belarus-rgv-oct-2022.txt"
FIELDS = ("passages", "attributions", "assessments", "dates", "citations")


def reference_counts(text: str) -> dict[str, int]:
    """What the docs quote, from the current analysis of the reference article."""
    import sayso

    analysis = sayso.analyze(text, published="2022-10-11")
    counts = {name: len(getattr(analysis, name)) for name in FIELDS}
    counts["voices"] = sum(1 for p in analysis.passages if p.text.strip())  # as the text report counts them
    return counts


def rewrite(doc: str, counts: dict[str, int]) -> str:
    """``doc`` with every quoted count replaced by the current one."""
    fields = "{" + ", ".join(f"'{name}': {counts[name]}" for name in FIELDS) + "}"
    replacements = [
        (r"^Voices \(\d+\)$", f"Voices ({counts['voices']})"),
        (r"^Attributions \(\d+\)$", f"Attributions ({counts['attributions']})"),
        (r"^\{'passages': \d+, 'attributions': \d+, 'assessments': \d+, 'dates': \d+, 'citations': \d+\}$", fields),
        (r"^wrote \d+ attributions rows to attributions\.jsonl$",
         f"wrote {counts['attributions']} attributions rows to attributions.jsonl"),
    ]
    for pattern, value in replacements:
        doc, found = re.subn(pattern, value, doc, flags=re.MULTILINE)
        if not found:
            raise SystemExit(f"{CLI_DOC.name}: no line matches {pattern!r}; update scripts/doc_counts.py")
    return doc


def main(argv: list[str]) -> int:
    doc = CLI_DOC.read_text(encoding="utf-8")
    current = rewrite(doc, reference_counts(REFERENCE.read_text(encoding="utf-8")))
    if current == doc:
        return 0
    if "--check" in argv:
        stale = [f"  {old!r} should be {new!r}" for old, new in zip(doc.splitlines(), current.splitlines()) if old != new]
        print(f"{CLI_DOC} quotes stale counts (run python scripts/doc_counts.py):", *stale, sep="\n")
        return 1
    CLI_DOC.write_text(current, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
