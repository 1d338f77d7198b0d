"""sayso: on whose say-so? Voices, attributions and estimative probabilities, offset-exact."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sayso.errors import ConfigError, InputError, SaysoError, StoreError

if TYPE_CHECKING:
    from sayso.model import Analysis

__all__ = ["analyze", "Analysis", "SaysoError", "InputError", "StoreError", "ConfigError"]


def analyze(text_or_html: str | bytes, published: str | None = None, **options: Any) -> "Analysis":
    """Analyse one article; see ``sayso.pipeline.analyze``. Imports spaCy on first call only."""
    from sayso.pipeline import analyze as _analyze

    return _analyze(text_or_html, published, **options)


def __getattr__(name: str) -> Any:
    if name == "Analysis":
        from sayso.model import Analysis

        return Analysis
    raise AttributeError(name)
