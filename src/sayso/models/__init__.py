"""Shipped model weights: one file or folder per part, read from the package, never downloaded.

``sayso train <part>`` writes them here; ``docs/models.md`` records each file's data, figures and
sha256. Analysis code asks for a part's file by name so it never reads ``../shared/``.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from sayso.errors import ConfigError


def weights_path(filename: str) -> Path:
    """The shipped file ``filename``; a clear error when the package was built without it."""
    path = Path(str(resources.files(__name__).joinpath(filename)))
    if not path.exists():
        raise ConfigError(f"model file {filename!r} is not in this sayso install; rebuild it with `sayso train`")
    return path


def sha256(path: Path) -> str:
    """The digest ``docs/models.md`` pins for a weights file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
