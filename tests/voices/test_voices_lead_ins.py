"""Who a lead-in names (``sayso.voices.lead_ins``), the one reader voices names an excerpt's source
with and attribution credits a lead-in colon with: read off the English model's parse of the
lead-in sentence alone."""

from __future__ import annotations

import pytest

from sayso.voices import load_rules
from sayso.voices.lead_ins import lead_in_name


def _sentence(nlp, lead_in: str):
    with nlp.select_pipes(disable=["sayso"]):
        doc = nlp(lead_in)
    return [t for t in doc if not t.is_space]


@pytest.mark.parametrize(
    ("lead_in", "name"),
    [
        ("As Karen Holt wrote in her column:", "Karen Holt"),  # the subject of a reporting verb
        ("According to Karen Holt:", "Karen Holt"),
        ("Karen Holt on whether the crossings will ever reopen:", "Karen Holt"),  # a name heads it
        ("In the words of Karen Holt:", "Karen Holt"),  # a verbless lead-in's name
        ("I am on board with Karen Holt's conclusion:", "Karen Holt's"),  # the owner of a source noun
        ("Take this from a long Politico piece:", "Politico"),  # a name modifying a source noun
        ("The news does not surprise the pollster Karen Holt:", "the pollster Karen Holt"),  # handed over to
        ("Here is Karen Holt:", "Karen Holt"),
        ("Via Karen Holt:", "Karen Holt"),  # not the lead-in word the parser took into the name
        ("Via the Guardian:", "Guardian"),  # "Via" read as part of a name NER missed
        ("Per Axios:", "Axios"),  # "Axios" read as an adverb
        ("The crossings will reopen in May, by Karen Holt:", "Karen Holt"),  # a byline
        # what "here is" presents, whatever the tagger labelled it and whatever follows it
        ("And here is Bloomberg, two days earlier, with a rather different story:", "Bloomberg"),
        ("Here's Axios this morning:", "Axios"),
        ("Why? Here\u2019s Google:", "Google"),
        # must name no one: nothing but common nouns, a heading that no name opens
        ("Here is the statement in full:", None),
        ("Here is Ukraine's foreign minister:", None),
        ("Some High-Risk Crossings (formatting mine):", None),
        ("This year's winners are:", None),
        ("Then, later that month on CNN:", None),  # where the words appeared, not whose they are
        ("Per the indictment:", None),
    ],
)
def test_lead_in_name(nlp, lead_in: str, name: str | None) -> None:
    found = lead_in_name(_sentence(nlp, lead_in), load_rules())
    assert (found.text if found is not None else None) == name

