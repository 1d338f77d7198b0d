"""The CI audit step's verdict: a vulnerability fails, an unreachable database is never 'clean'."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_lock.py"
spec = importlib.util.spec_from_file_location("audit_lock", SCRIPT)
audit_lock = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit_lock)

CLEAN = {"name": "rich", "version": "14.0.0", "vulns": []}
VULNERABLE = {"name": "jinja2", "version": "3.1.2", "vulns": [{"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"]}]}
SKIPPED = {"name": "spacy", "version": "3.8.18", "skip_reason": "Dependency not found on PyPI"}


@pytest.mark.parametrize(
    ("dependencies", "required", "code", "says"),
    [
        ([CLEAN, VULNERABLE], False, 1, "GHSA-h5c8-rqwp-cp95 (fixed in 3.1.3)"),
        ([CLEAN, SKIPPED], False, 0, "NOT fully audited: 1 of 2"),
        ([CLEAN, SKIPPED], True, 1, "NOT fully audited"),
        ([CLEAN], False, 0, "no known vulnerabilities"),
        ([CLEAN, SKIPPED, VULNERABLE], False, 1, "1 of 3 locked packages have known vulnerabilities"),
    ],
)
def test_verdict(dependencies, required, code, says) -> None:
    got, lines = audit_lock.verdict({"dependencies": dependencies}, "requirements.lock.txt", required)
    assert got == code
    assert any(says in line for line in lines)
    if SKIPPED in dependencies and not any(d.get("vulns") for d in dependencies):
        assert not any("no known vulnerabilities" in line for line in lines)
