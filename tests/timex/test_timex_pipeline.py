"""The sayso pipe resolves dates against the Doc's publication date."""

from __future__ import annotations


def test_pipeline_sets_dates(nlp):
    doc = nlp.make_doc("The spokesman said Wednesday that troops arrived in late September.")
    doc._.sayso_published = "2022-10-11"
    doc = nlp(doc)
    values = {doc.text[d["start"] : d["end"]]: d["value"] for d in doc._.dates}
    assert values == {"Wednesday": "2022-10-05", "late September": "2022-09-21/2022-09-30"}
