"""``sayso train <part>``: rebuild a shipped model from ``../shared/data/`` and report its dev figures.

Training is apart from analysis: nothing under ``sayso.training`` is imported when sayso analyses
text, and analysis reads only the weights in ``sayso.models``. Each part is one module here with a
``train(data_dir, out_dir, progress)`` function returning its figures as a plain dict.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sayso.errors import ConfigError

# part name -> "module:function" under sayso.training; one line per trained part.
PARTS: dict[str, str] = {
    "voices": "voices:train",
    "attribution": "attribution:train",
    "cue-admission": "cue_admission:train",
}

DEFAULT_DATA_DIR = Path(os.environ.get("SAYSO_DATA", "../shared/data"))
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


def say(message: str) -> None:
    """A line of training progress on stderr, so the figures printed on stdout stay parseable."""
    print(message, file=sys.stderr, flush=True)


def trainer(part: str) -> Callable[..., dict[str, Any]]:
    """The training function registered for ``part``."""
    target = PARTS.get(part)
    if target is None:
        known = ", ".join(sorted(PARTS)) or "none yet"
        raise ConfigError(f"no trainable part {part!r}; known parts: {known}")
    module_name, attr = target.split(":")
    return getattr(importlib.import_module(f"sayso.training.{module_name}"), attr)


def data_dir(path: Path | None) -> Path:
    """The training data folder, checked, so a wrong path fails before any work starts."""
    root = path or DEFAULT_DATA_DIR
    if not root.is_dir():
        raise ConfigError(f"training data folder {str(root)!r} does not exist; pass --data DIR or set SAYSO_DATA")
    return root
