"""Naming a quoted block's source (``sayso.voices.sources``): the block's own sign-off line (an
embedded tweet's too), an attribution line before it, a lead-in headed by a name, the paragraph
before that reports someone, the lead-in's named subject before a link's bare URL, and the
address a block signs off with when nothing names anyone. Voices are set by hand, so only the naming is tested."""

from __future__ import annotations

import pytest

from sayso.voices import load_rules
from sayso.voices.passages import Passage, paragraphs
from sayso.voices.signals import TokenIndex
from sayso.voices.sources import name_sources

EXCERPT = "The delegation rejects any change to the crossing regime and expects the timetable to be kept."


def sources(nlp, paragraphs_text: list[str], quoted: set[int], links=()) -> list[str | None]:
    """The source of each paragraph after naming, with the paragraphs at ``quoted`` set quoted."""
    with nlp.select_pipes(disable=["sayso"]):  # the parse with paragraph sentence breaks, no voices
        doc = nlp("\n\n".join(paragraphs_text) + "\n")
    passages = [Passage(s, e) for s, e in paragraphs(doc.text, [])]
    passages = [p for p in passages if doc.text[p.start : p.end].strip()]
    for i in quoted:
        passages[i].voice = "quoted"
    name_sources(doc.text, passages, TokenIndex(doc, [t.idx for t in doc]), load_rules(), links)
    return [p.source for p in passages]


@pytest.mark.parametrize(
    ("last_line", "source"),
    [
        # a dash and a name, with a title or a work after the comma
        ("— Karen Holt, Executive Director, Baltic Transit Council", "Karen Holt"),
        ("-- Richard P. Feynman", "Richard P. Feynman"),
        ("—Maria Lopez", "Maria Lopez"),
        ("-Maria Lopez-", "Maria Lopez"),
        ("-- Office of the Mayor", "Office of the Mayor"),
        # a role first: the organisation named after it
        ("- Calendar clerk, U.S. Tax Court", "U.S. Tax Court"),
        ("(Source: Baltic Transit Council)", "Baltic Transit Council"),
        # an embedded tweet: the display name as written, else the handle
        ("\u2014 karen holt \U0001f6a2 (@kholt) January 29, 2019", "karen holt"),
        ("\u2014 (@kholt) January 29, 2019", "@kholt"),
        ("\u2014 Karen Holt, PhD (@kholt) January 29, 2019", "Karen Holt"),
        ("\u2014 Karen Holt | Baltic Transit (@kholt) January 29, 2019", "Karen Holt"),
        # must name nothing: a dash that carries on the sentence, a bracketed citation
        ("- and then the crossings closed for good.", None),
        ("— Then Karen Holt arrived and the talks fell apart.", None),
        ("— the Mayor, as usual", None),
        ("(Holt and Lopez, 2019)", None),
    ],
)
def test_sources_block_signed_at_its_end(nlp, last_line: str, source: str | None) -> None:
    assert sources(nlp, ["The crossings stayed shut all week.", EXCERPT, last_line], {1, 2}) == [None, source, source]


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("— Karen Holt", "Karen Holt"),
        ("(Source: Baltic Transit Council, Annual Review 2023)", "Baltic Transit Council"),
        ("Via: Baltic Transit Council", "Baltic Transit Council"),
        # must name nothing: a bracketed name alone after the block is the author's aside
        ("(Karen Holt)", None),
    ],
)
def test_sources_signature_on_the_author_line_after_the_block(nlp, line: str, source: str | None) -> None:
    paragraphs_text = ["The crossings stayed shut all week.", EXCERPT, line, "So much for the timetable."]
    assert sources(nlp, paragraphs_text, {1}) == [None, source, None, None]


@pytest.mark.parametrize(
    ("last_line", "after", "source"),
    [
        # an address the block signs off with, on its last line or the line after it
        ("(Source: https://example.org/transit/report)", "So much for the timetable.", "https://example.org/transit/report"),
        ("", "Source: https://example.org/transit/report.", "https://example.org/transit/report"),
        ("", "(via www.example.org/transit)", "www.example.org/transit"),
        # a name wins over the address
        ("(Source: https://example.org/transit/report)", "— Karen Holt", "Karen Holt"),
        # must name nothing: an address alone, not given as the source
        ("", "https://example.org/transit/report", None),
        ("", "Source: the council's own figures", None),
    ],
)
def test_sources_block_signed_with_an_address(nlp, last_line: str, after: str, source: str | None) -> None:
    block = [EXCERPT, last_line] if last_line else [EXCERPT]
    paragraphs_text = ["The crossings stayed shut all week.", *block, after, "Make of it what you will."]
    quoted = set(range(1, len(block) + 1))
    assert sources(nlp, paragraphs_text, quoted)[1 : len(block) + 1] == [source] * len(block)


@pytest.mark.parametrize(
    ("line", "source"),
    [
        # an attribution line: a name, then the outlet
        ("Karen Holt, The Baltic Times", "Karen Holt"),
        # a proper name NER missed, heading the line
        ("Daring Fireball", "Daring Fireball"),
        # must name nothing: a heading with no one in it, a bare URL, a sentence
        ("Favourite passage", None),
        ("https://example.org/transit/karen-holt", None),
        ("Karen Holt crossed the border on Friday with her family.", None),
    ],
)
def test_sources_attribution_line_before_the_block(nlp, line: str, source: str | None) -> None:
    assert sources(nlp, [line, EXCERPT], {1}) == [None, source]


@pytest.mark.parametrize(
    ("lead_in", "source"),
    [
        # a lead-in headed by a name, with a verb in its clause
        ("Karen Holt on whether the crossings will ever reopen:", "Karen Holt"),
        # the author of a source noun: "a response from X"
        ("There is a good response from Karen Holt, which I think helps:", "Karen Holt"),
        # the same for what bloggers and newsletters quote from: a line, a study, a story, a book
        ("Before we started, our lead shared a line from Karen Holt that ended up on my monitor:", "Karen Holt"),
        ("There is a new study from the Pew Research Center on the crossings:", "Pew Research Center"),
        # must name nothing: such a noun with no one named after it
        ("Before we started, our lead shared a line from the old handbook:", None),
        # an organisation (as NER reads this name) as the subject of any verb in the lead-in
        ("Karen Holt compares this to the strike of 1998 in a post:", "Karen Holt"),
        # must name nothing: no name heads the lead-in, and whoever cites relays someone else's words
        ("Some High-Risk Crossings (formatting mine):", None),
        ("Karen Holt cites the harbour master on the crossings:", None),
    ],
)
def test_sources_named_by_the_lead_in(nlp, lead_in: str, source: str | None) -> None:
    assert sources(nlp, ["The crossings stayed shut all week.", lead_in, EXCERPT], {2})[2] == source


def test_sources_lead_in_name_comes_before_a_links_url(nlp) -> None:
    named = "Karen Holt compares this to the strike of 1998 in a post:"
    start = named.index("a post")
    link = [len("The crossings stayed shut all week.\n\n") + start, 0, "https://example.org/post"]
    link[1] = link[0] + len("a post")
    assert sources(nlp, ["The crossings stayed shut all week.", named, EXCERPT], {2}, [link])[2] == "Karen Holt"
    # must fall back on the URL: the lead-in names no one
    unnamed = "Here is what a post said about it:"
    link = [len("The crossings stayed shut all week.\n\n") + unnamed.index("a post"), 0, "https://example.org/post"]
    link[1] = link[0] + len("a post")
    assert sources(nlp, ["The crossings stayed shut all week.", unnamed, EXCERPT], {2}, [link])[2] == link[2]


@pytest.mark.parametrize(
    ("before", "source"),
    [
        # "according to" a name NER may miss; an inverted report whose parse has two subjects
        ("According to Harbourwatch, the crossings will stay shut until spring.", "Harbourwatch"),
        ("The delegation, says Karen Holt,", "Karen Holt"),
        # must name nothing: a paragraph that reports no one
        ("The crossings will stay shut until spring.", None),
    ],
)
def test_sources_named_by_the_paragraph_before(nlp, before: str, source: str | None) -> None:
    assert sources(nlp, ["The crossings stayed shut all week.", before, EXCERPT], {2})[2] == source


def test_sources_the_lead_in_names_the_piece_it_takes_the_block_from(nlp) -> None:
    """"Take this from a long Politico piece. The money quote:": the owner of the source noun in an
    earlier sentence of the lead-in names the block its last sentence only announces."""
    lead_in = "Most of the coverage has missed the point. Take this from a long Politico piece. The money quote:"
    assert sources(nlp, [lead_in, EXCERPT], {1}) == [None, "Politico"]


def test_sources_a_lead_in_with_no_owner_names_nobody(nlp) -> None:
    lead_in = "Most of the coverage has missed the point. Take this from a long piece. The money quote:"
    assert sources(nlp, [lead_in, EXCERPT], {1}) == [None, None]
