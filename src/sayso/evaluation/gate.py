"""The regression gate: F1 floors pinned in ``floors.json`` with a digest of the gold data.

``sayso eval --gate`` fails when a pinned metric drops more than ``tolerance`` (2 points) below
its floor, when the gold data no longer has the digest the floors were measured on, when a
calibration phrase leaves the readers' interquartile range, or when estimative-dev shows a band
on a phrase no standard scale defines (``ZERO``). ``sayso eval --update-floors`` pins the
measured figures; it refuses to lower a floor unless asked to (``--allow-regression``) and
replaces the file atomically, so an interrupted run never leaves half a file behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from sayso.errors import ConfigError

FLOORS_PATH = Path(__file__).resolve().parent / "floors.json"
TOLERANCE = 0.02
# The figures the gate pins: dotted paths into the results of ``sayso eval``.
PINNED = (
    "polnear.systems.sayso.speech.content_overlap.f1",
    "polnear.systems.sayso.speech.source.f1",
    "polnear.systems.sayso.speech.cue.f1",
    "polnear.systems.sayso.all.content_overlap.f1",
    "polnear.systems.sayso.all.source.f1",
    "polnear.systems.sayso.speech.content_tokens.f1",
    "polnear.systems.sayso.speech.source_cue_exact.f1",
    "gold.voices.quoted_f1",
    "gold.attributions.f1",
    "gold.attributions.strict_f1",
    "gold.assessments.f1",
    "gold.assessments.band_accuracy",
    "gold.assessments.assessor_accuracy",
    "gold.dates.f1",
    "gold.dates.value_recall",
    "estimative_dev.f1",
    "estimative_dev.category_accuracy",
    "estimative_dev.band_accuracy",
    "estimative_dev.assessor_accuracy",
    "blog_voices.plain.paragraph_accuracy",
    "blog_voices.plain.quoted_f1",
    "blog_voices.markdown.paragraph_accuracy",
    "blog_voices.markdown.quoted_f1",
)
# Counts that must stay at zero: bands on phrases no standard scale defines (issue 17).
ZERO = ("estimative_dev.unbanded_with_band",)


def lookup(results: dict[str, Any], key: str) -> float | None:
    """The number at a dotted path in the results, or None when the results do not have it."""
    value: Any = results
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    """The pinned floors; ConfigError when the file is missing or malformed."""
    try:
        floors = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no floors at {path}; pin them with sayso eval --update-floors") from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"floors file {path} is not valid JSON: {error}") from None
    except (OSError, UnicodeDecodeError) as error:  # a folder, an unreadable or binary file
        raise ConfigError(f"cannot read floors file {path}: {error}") from None
    if not isinstance(floors, dict) or not isinstance(floors.get("floors"), dict) or "gold_digest" not in floors:
        raise ConfigError(f"floors file {path} needs 'floors' and 'gold_digest'")
    return floors


def check(results: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    """One message per failure: a metric below its floor by more than the tolerance, a changed gold set."""
    tolerance = float(floors.get("tolerance", TOLERANCE))
    failures = []
    digest = results.get("gold", {}).get("digest")
    if digest != floors["gold_digest"]:
        failures.append(
            f"gold data changed: digest {digest} but the floors were pinned on {floors['gold_digest']}; "
            "re-pin with sayso eval --update-floors"
        )
    pinned_estimative = floors.get("estimative_dev_digest")
    if pinned_estimative and results.get("estimative_dev", {}).get("digest") != pinned_estimative:
        failures.append("estimative-dev data changed since the floors were pinned; re-pin with sayso eval --update-floors")
    for key in ZERO:
        value = lookup(results, key)
        if value:
            failures.append(f"{key} = {value:g}, must be 0")
    for key, floor in floors["floors"].items():
        value = lookup(results, key)
        if value is None:
            failures.append(f"{key}: missing from the results (floor {floor:.4f})")
        elif round(floor - value, 6) > tolerance:
            failures.append(
                f"{key} = {value:.4f} is more than {100 * tolerance:g} points below its floor {floor:.4f}"
            )
    for phrase in results.get("calibration", {}).get("violations", []):
        failures.append(f"calibration: sayso's median for {phrase!r} lies outside the readers' IQR")
    return failures


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def update_floors(
    results: dict[str, Any], path: Path = FLOORS_PATH, allow_regression: bool = False
) -> dict[str, Any]:
    """Pin the measured figures as the new floors; refuse to lower one unless ``allow_regression``."""
    missing = [key for key in PINNED if lookup(results, key) is None]
    if missing:
        raise ConfigError(f"cannot pin floors: the results lack {', '.join(missing)} (run without --limit)")
    new = {key: round(lookup(results, key) or 0.0, 4) for key in PINNED}
    old = load_floors(path)["floors"] if path.exists() else {}
    lowered = [f"{key} {old[key]:.4f} -> {new[key]:.4f}" for key in new if key in old and new[key] < old[key]]
    if lowered and not allow_regression:
        raise ConfigError(
            f"refusing to lower floors ({'; '.join(lowered)}); pass --allow-regression to accept"
        )
    floors = {
        "about": "F1 floors for sayso eval --gate; written by sayso eval --update-floors, never by hand",
        "tolerance": TOLERANCE,
        "polnear_split": results.get("polnear", {}).get("split"),
        "gold_digest": results["gold"]["digest"],
        "estimative_dev_digest": results.get("estimative_dev", {}).get("digest"),
        "floors": new,
    }
    write_atomic(path, json.dumps(floors, indent=2) + "\n")
    return floors
