"""Fixtures shared by the attribution tests that parse hand-written text with the full pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sayso.attribution import find_attributions, load_reporting_verbs
from sayso.reading import Document


@pytest.fixture(scope="session")
def attributions_of(nlp) -> Callable[[str], list[dict]]:
    """The attribution records of a text read as ``sayso analyze`` reads it (paragraph breaks start
    sentences, voices run first), each span checked to index the text it came from."""
    from sayso import pipeline

    lexicon = load_reporting_verbs()

    def run(text: str) -> list[dict]:
        doc = nlp(pipeline.prepare_doc(nlp, Document(text=text)))
        found = find_attributions(doc, doc._.voices or [], lexicon)
        for a in found:
            for span in [a["content"], *a["parts"], *(a[k] for k in ("cue", "speaker_mention") if a[k])]:
                assert 0 <= span[0] < span[1] <= len(text)
                assert text[span[0] : span[1]] == text[span[0] : span[1]].strip()
        return found

    return run


@pytest.fixture(scope="session")
def rule_cue_content(attributions_of) -> Callable[[str], list[tuple[str, str, str]]]:
    """Each record of a text as (rule, cue words, content words)."""

    def run(text: str) -> list[tuple[str, str, str]]:
        return [
            (a["rule"], text[slice(*a["cue"])], text[slice(*a["content"])]) for a in attributions_of(text)
        ]

    return run
