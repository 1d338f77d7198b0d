"""The sayso pipe keeps footnote markers on the Doc."""

from __future__ import annotations


def test_pipeline_sets_citations(nlp):
    doc = nlp("Kyiv reported new strikes on the grid.[9] Repairs began at once.")
    (citation,) = doc._.citations
    assert doc.text[citation["start"] : citation["end"]] == "[9]"
    assert citation["marker"] == "9"
