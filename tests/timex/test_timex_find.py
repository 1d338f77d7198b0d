"""find_dates on parsed news sentences: which spans are dates, their offsets, and tense-driven days."""

from __future__ import annotations

import pytest

from sayso.timex import find_dates

PUB = "2022-10-11"  # a Tuesday

# (sentence, date text, value, granularity)
FOUND = [
    ("The governor said shelling resumed on October 8.[15] Residents fled.", "October 8", "2022-10-08", "day"),
    ("Ukrainian officials reported from late September that the bridge was damaged.", "late September",
     "2022-09-21/2022-09-30", "part_of_month"),
    ("The brigade withdrew from the town in mid-August after heavy losses.", "mid-August",
     "2022-08-11/2022-08-20", "part_of_month"),
    ("The president declined to send troops in February.", "February", "2022-02", "month"),
    ("Drone strikes hit the port two days ago, the navy said.", "two days ago", "2022-10-09", "day"),
    ("The ministry announced a new mobilisation wave last week.", "last week", "2022-W40", "week"),
    ("The talks will resume next month in Istanbul.", "next month", "2022-11", "month"),
    ("The region was annexed in 2014 after a disputed vote.", "2014", "2014", "year"),
    ("The war has dragged into its ninth month.", "ninth month", None, "duration"),
    ("Officials expect the reservoir to run dry soon.", "soon", None, "unknown"),
    ("Prosecutors said the attack on March 3, 2021 killed nine people.", "March 3, 2021", "2021-03-03", "day"),
]

NOTHING = [
    "Shoppers crowded the malls for Black Friday discounts.",
    "The Sunday Times published the leaked memo.",
    "Forty soldiers may withdraw, the commander said.",
    "The ministry publishes daily casualty figures.",
    "The 1st Guards Tank Army lost 20,000 men.",
]


@pytest.mark.parametrize(("sentence", "text", "value", "granularity"), FOUND)
def test_finds_and_resolves(bare_nlp, sentence, text, value, granularity):
    doc = bare_nlp(sentence)
    found = {doc.text[d["start"] : d["end"]]: d for d in find_dates(doc, PUB)}
    assert text in found, f"{text!r} not among {list(found)}"
    assert (found[text]["value"], found[text]["granularity"]) == (value, granularity)


@pytest.mark.parametrize("sentence", NOTHING)
def test_finds_nothing(bare_nlp, sentence):
    assert find_dates(bare_nlp(sentence), PUB) == []


# Weekdays: past tense -> the latest before publication, future -> the next one, else ambiguous.
WEEKDAYS = [
    ("The opposition leader said Wednesday that sanctions were working.", "2022-10-05", False),
    ("Russian forces shelled the city on Sunday.", "2022-10-09", False),
    ("The foreign minister will travel to Warsaw on Friday.", "2022-10-14", False),
    ("The defence ministers are going to meet on Thursday.", "2022-10-13", False),
    ("The parliament votes on the budget on Monday.", "2022-10-10", True),
]


@pytest.mark.parametrize(("sentence", "value", "ambiguous"), WEEKDAYS)
def test_weekday_follows_tense(bare_nlp, sentence, value, ambiguous):
    doc = bare_nlp(sentence)
    (found,) = find_dates(doc, PUB)
    assert doc.text[found["start"] : found["end"]].endswith("day")
    assert (found["value"], found["relative"], found["ambiguous"]) == (value, True, ambiguous)


def test_without_publication_date_relative_values_stay_null(bare_nlp):
    doc = bare_nlp("The spokesman said Wednesday that troops arrived on October 8 and left in 2020.")
    values = {doc.text[d["start"] : d["end"]]: d["value"] for d in find_dates(doc, None)}
    assert values == {"Wednesday": None, "October 8": None, "2020": "2020"}


def test_offsets_and_record_shape(bare_nlp):
    text = (
        "Kyiv said on Monday that the counteroffensive, launched in late August, had retaken 500 square "
        "kilometres since September 1. A new offensive is expected in the spring, officials said yesterday."
    )
    doc = bare_nlp(text)
    dates = find_dates(doc, PUB)
    assert len(dates) >= 4
    for d in dates:
        assert set(d) == {"start", "end", "value", "granularity", "relative", "ambiguous"}
        assert 0 <= d["start"] < d["end"] <= len(text)
        assert text[d["start"] : d["end"]] == text[d["start"] : d["end"]].strip(" .,")
    assert [d["start"] for d in dates] == sorted(d["start"] for d in dates)


def test_same_output_for_same_input(bare_nlp):
    doc = bare_nlp("Lukashenko said Wednesday that troops began arriving on October 8.")
    assert find_dates(doc, PUB) == find_dates(doc, PUB)
