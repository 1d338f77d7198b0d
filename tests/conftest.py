"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
REFERENCE_ARTICLE = SHARED / "examples" / "belarus-rgv-oct-2022.txt"
POLNEAR = SHARED / "data" / "polnear" / "polnear.jsonl"
WEP = SHARED / "data" / "wep"


@pytest.fixture(scope="session")
def nlp():
    """The English model with sayso appended (what ``sayso.analyze`` uses)."""
    from sayso.pipeline import load

    return load()


@pytest.fixture(scope="session")
def bare_nlp():
    """The English model alone, for component tests that build their Doc step by step."""
    import spacy

    from sayso.pipeline import MODEL_NAME

    return spacy.load(MODEL_NAME)


@pytest.fixture(scope="session")
def reference_text() -> str:
    if not REFERENCE_ARTICLE.exists():
        pytest.skip(f"reference article not found at {REFERENCE_ARTICLE}")
    return REFERENCE_ARTICLE.read_text(encoding="utf-8")
