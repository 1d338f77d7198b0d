"""CI step: check requirements.lock.txt for known-vulnerable versions with pip-audit.

Fails (exit 1) when pip-audit reports a vulnerability. When the vulnerability database cannot be
reached (pip-audit then skips every package and would print "No known vulnerabilities found"),
it says plainly that the lock was NOT audited and exits 0, unless SAYSO_AUDIT_REQUIRED=1, which
turns "not audited" into a failure for CI machines that do have the network.

    .venv/bin/python scripts/audit_lock.py [requirements.lock.txt]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    lock = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "requirements.lock.txt"
    required = os.environ.get("SAYSO_AUDIT_REQUIRED") == "1"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "audit.json"
        done = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "pip-audit"), "--disable-pip", "--require-hashes", "-r", str(lock),
             "--progress-spinner", "off", "--format", "json", "--output", str(out)],
            capture_output=True, text=True, check=False,
        )
        report = json.loads(out.read_text()) if out.exists() and out.stat().st_size else None
    if report is None:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"audit: {lock.name} NOT audited: pip-audit failed ({last})", file=sys.stderr)
        return 1 if required else 0
    code, lines = verdict(report, lock.name, required)
    for line in lines:
        print(line, file=sys.stderr)
    return code


def verdict(report: dict, lock_name: str, required: bool) -> tuple[int, list[str]]:
    """The exit code and messages for a pip-audit JSON report: vulnerable, not audited, or clean."""
    dependencies = report["dependencies"]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if "skip_reason" in d]
    lines = []
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            lines.append(f"audit: {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})")
    if vulnerable:
        lines.append(f"audit: {len(vulnerable)} of {len(dependencies)} locked packages have known vulnerabilities")
        return 1, lines
    if skipped:
        names = ", ".join(d["name"] for d in skipped[:5]) + (" …" if len(skipped) > 5 else "")
        lines.append(f"audit: {lock_name} NOT fully audited: {len(skipped)} of {len(dependencies)} packages could not be "
                     f"looked up ({names}); is the vulnerability database (PyPI JSON API) reachable? "
                     f"First reason: {skipped[0]['skip_reason']}")
        return (1 if required else 0), lines
    return 0, [f"audit: {len(dependencies)} locked packages, no known vulnerabilities"]


if __name__ == "__main__":
    sys.exit(main())
