"""sayso: on whose say-so? Voices, attributions and estimative probabilities, offset-exact."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from sayso.errors import ConfigError, InputError, SaysoError, StoreError

if TYPE_CHECKING:
    from sayso.model import Analysis

try:
    __version__ = version("sayso")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["analyze", "analyze_many", "Analysis", "SaysoError", "InputError", "StoreError", "ConfigError",
           "__version__"]

Published = str | _dt.date | None  # a datetime is a date too


def _published(value: Published) -> str | None:
    """``YYYY-MM-DD`` for a date or datetime; a string is checked where it is read."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"published must be a date, a datetime or a 'YYYY-MM-DD' string, not {type(value).__name__}")


def analyze(text_or_html: str | bytes, published: Published = None, **options: Any) -> Analysis:
    """Analyse one article; see ``sayso.pipeline.analyze``. Imports spaCy on first call only."""
    from sayso.pipeline import analyze as _analyze

    return _analyze(text_or_html, _published(published), **options)


def analyze_many(
    texts: Iterable[str | bytes], published: Published = None, *, n_process: int = 1, scale: str = "icd203",
    batch_size: int = 16,
) -> Iterator[Analysis]:
    """Analyse many articles (text or HTML) with one batched pass, ``n_process`` processes; yields
    one Analysis per text, in input order, as each is done. ``published`` means what it means to
    ``analyze``, for every text. A text that cannot be read raises ``InputError`` naming it."""
    from sayso.calibration import SCALES
    from sayso.pipeline import analyze_documents
    from sayso.reading import read

    if scale not in SCALES:
        raise ConfigError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    if n_process < 1:
        raise ConfigError(f"n_process must be at least 1, not {n_process}")
    date = _published(published)

    def documents() -> Iterator[Any]:
        for number, text in enumerate(texts):
            try:
                yield read(text, published=date)
            except InputError as error:
                raise InputError(f"text {number}: {error}") from None

    return analyze_documents(documents(), scale=scale, n_process=n_process, batch_size=batch_size)


def __getattr__(name: str) -> Any:
    if name == "Analysis":
        from sayso.model import Analysis

        return Analysis
    raise AttributeError(name)
