"""The reference article's counts quoted in docs/cli.md are the ones sayso finds today (issue 18).

The expected numbers are computed from the current analysis, never written here, so a change
to attribution or estimative output only asks for `python scripts/doc_counts.py` to be run.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "doc_counts.py"


def _script():
    spec = importlib.util.spec_from_file_location("doc_counts", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.issue(18)
def test_docs_quote_the_current_counts(nlp, reference_text):
    script = _script()
    doc = script.CLI_DOC.read_text(encoding="utf-8")
    current = script.rewrite(doc, script.reference_counts(reference_text))
    stale = [(old, new) for old, new in zip(doc.splitlines(), current.splitlines()) if old != new]
    assert not stale, f"stale counts in docs/cli.md (run python scripts/doc_counts.py): {stale}"


@pytest.mark.issue(18)
def test_rewrite_replaces_every_quoted_count():
    script = _script()
    doc = "Voices (3)\nAttributions (22)\n{'passages': 20, 'attributions': 22, 'assessments': 20, 'dates': 10, " \
          "'citations': 6}\nwrote 22 attributions rows to attributions.jsonl\n"
    counts = {"voices": 5, "passages": 6, "attributions": 29, "assessments": 19, "dates": 10, "citations": 6}
    assert script.rewrite(doc, counts) == (
        "Voices (5)\nAttributions (29)\n{'passages': 6, 'attributions': 29, 'assessments': 19, 'dates': 10, "
        "'citations': 6}\nwrote 29 attributions rows to attributions.jsonl\n"
    )
