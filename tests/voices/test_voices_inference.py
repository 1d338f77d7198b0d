"""The rule pass on plain text: lead-ins, footnoted excerpts, wire copy and register, on articles of our own.

Since the trained classifier (``sayso.voices.classifier``) decides plain-text voices, these cases
pin the rule pass it reads as features (``label_by_rules``) and the source naming after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.voices import load_rules
from sayso.voices.inference import label_by_rules
from sayso.voices.passages import Passage, paragraphs
from sayso.voices.signals import TokenIndex
from sayso.voices.sources import name_sources

ARTICLES = Path(__file__).parent / "articles"

# One label per paragraph: "author", "quoted" or "quoted|Source".
EXPECTED = {
    "blog_wire.txt": ["author", "author", "quoted|AP", "quoted|AP", "author", "author"],
    "blog_thinktank.txt": ["author", "quoted|Africa File", "quoted|Africa File", "author", "author"],
    "news_inline.txt": ["author"] * 7,
    "statement.txt": ["author", "author", "author", "quoted|Albin Kurti", "quoted|Albin Kurti", "author", "author"],
}


def find_voices(doc, boilerplate, markup_quotes):
    """The passages as the rule pass alone labels and names them."""
    assert not markup_quotes
    rules = load_rules()
    passages = [Passage(s, e) for s, e in paragraphs(doc.text, boilerplate)]
    tokens = TokenIndex(doc, [t.idx for t in doc])
    label_by_rules(doc.text, passages, tokens, rules)
    name_sources(doc.text, passages, tokens, rules)
    return [p.plain() for p in passages]


def labels(doc, passages):
    return [
        p["voice"] + (f"|{p['source']}" if p["source"] else "")
        for p in passages
        if doc.text[p["start"] : p["end"]].strip()
    ]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_voices_articles_of_our_own(bare_nlp, name: str) -> None:
    doc = bare_nlp(ARTICLES.joinpath(name).read_text(encoding="utf-8"))
    assert labels(doc, find_voices(doc, [], [])) == EXPECTED[name]


@pytest.mark.parametrize(
    "text",
    [
        # must find nothing quoted: inline quotations inside the author's own prose
        'The minister said the ceasefire "is holding" and that talks would resume on Friday.',
        "“We are not leaving,” said a farmer near Kherson, whose village was shelled on Monday.\n"
        "Officials said repairs to the power line would take a week.",
        "Here is what I think about the sanctions: they are too late.",
        "What did the governor actually promise? Not much, if you read the decree closely.",
    ],
)
def test_voices_inline_quotations_stay_author(bare_nlp, text: str) -> None:
    doc = bare_nlp(text)
    assert {p["voice"] for p in find_voices(doc, [], [])} == {"author"}


def test_voices_list_after_colon_is_not_an_excerpt(bare_nlp) -> None:
    doc = bare_nlp(
        "Three questions hang over the talks in Doha:\n"
        "- whether Hamas accepts a phased exchange;\n"
        "- whether Israel agrees to withdraw from the corridor.\n"
    )
    assert [p["voice"] for p in find_voices(doc, [], [])] == ["author", "author", "author"]


def test_voices_author_taking_the_floor_after_an_excerpt(bare_nlp) -> None:
    # wire phrasing after a pasted excerpt, but the paragraph opens with the author's own "I"
    doc = bare_nlp(
        "I have been following the siege for months, and honestly it keeps getting worse. Here is the latest:\n"
        "The Rapid Support Forces have encircled the city and continue to shell the camps on its outskirts, "
        "the UN said in a statement on Monday.[3]\n"
        "I don't think anyone in Washington is paying attention. A State Department spokesman told reporters "
        "on Monday that the United States was deeply alarmed, he added.\n"
    )
    assert [p["voice"] for p in find_voices(doc, [], [])] == ["author", "quoted", "author"]


def test_voices_possessive_lead_in_names_the_person_before(bare_nlp) -> None:
    doc = bare_nlp(
        "Kosovo's prime minister, Albin Kurti, rejected the charge. Here is his statement in full:\n"
        "The institutions of the Republic of Kosovo are enforcing the law. No citizen is being expelled.[2]\n"
    )
    passages = find_voices(doc, [], [])
    assert [(p["voice"], p["source"]) for p in passages] == [("author", None), ("quoted", "Albin Kurti")]


def test_voices_section_heading_is_not_a_lead_in(bare_nlp) -> None:
    doc = bare_nlp(
        "Key Takeaways:\n"
        "Russian forces recently advanced near Pokrovsk. A Ukrainian spokesperson stated on January 11 that "
        "Russian forces are attempting to bypass the town from the southwest.[1]\n"
    )
    assert {p["voice"] for p in find_voices(doc, [], [])} == {"author"}


def test_voices_short_source_lead_in_still_leads_in(bare_nlp) -> None:
    doc = bare_nlp(
        "The mobilisation is going about as well as you would expect.\n"
        "From Meduza:\n"
        "Men summoned in the first wave were sent to training grounds without uniforms, a correspondent reported.\n"
    )
    assert [p["voice"] for p in find_voices(doc, [], [])] == ["author", "author", "quoted"]


def test_voices_call_to_action_is_not_a_lead_in(bare_nlp) -> None:
    doc = bare_nlp(
        "The governor signed the border bill on Tuesday after a week of protests outside the capitol.\n\n"
        "Do you back the governor? Follow our page:\n\n"
        "A poll taken by the station found most viewers opposed the bill, with a third of them undecided.\n"
    )
    assert [p["voice"] for p in find_voices(doc, [], []) if doc.text[p["start"] : p["end"]].strip()] == ["author"] * 3


def test_voices_question_before_a_named_source_still_leads_in(bare_nlp) -> None:
    doc = bare_nlp(
        "What did the ministry make of the vote? Its spokesman told reporters:\n\n"
        "The result is a betrayal of everyone who voted for peace, and it will not stand, the ministry holds.\n"
    )
    assert [p["voice"] for p in find_voices(doc, [], []) if doc.text[p["start"] : p["end"]].strip()] == [
        "author", "quoted"
    ]


def test_voices_timestamp_heading_is_not_a_lead_in(bare_nlp) -> None:
    doc = bare_nlp(
        "The latest on the talks in Geneva (all times local):\n"
        "11:50 a.m.:\n"
        "The foreign minister will meet her counterpart on Thursday, the ministry said in a statement.\n"
    )
    assert {p["voice"] for p in find_voices(doc, [], [])} == {"author"}


def test_voices_typewriter_quotes_hide_the_speakers_first_person(bare_nlp) -> None:
    # a news report quoting people in '' marks is not a chatty author: its wire paragraphs stay the author's
    doc = bare_nlp(
        "''I think we can hold the line,'' the commander said. ''We have enough shells for a week.''\n"
        "''My men are tired,'' he added, ''but we are not leaving.''\n"
        "The regional governor told reporters on Tuesday that repairs to the power line near the depot would "
        "take at least a week, his spokesman said in a statement.\n"
    )
    assert {p["voice"] for p in find_voices(doc, [], [])} == {"author"}


def test_voices_footnoted_paste_in_a_chatty_post_is_quoted_without_lead_in(bare_nlp) -> None:
    doc = bare_nlp(
        "I'll be honest, I didn't expect the front to hold this long. You'd think the shells would run out.\n"
        "Russian forces conducted limited ground attacks near Kupiansk on October 4 and made no confirmed "
        "advances.[12] The Ukrainian General Staff reported that Russian forces shelled 14 settlements.[13]\n"
        "So what's next? Honestly, nobody knows, and I'm not going to pretend I do.\n"
    )
    assert [p["voice"] for p in find_voices(doc, [], [])] == ["author", "quoted", "author"]


def test_voices_report_footnoted_throughout_is_the_authors(bare_nlp) -> None:
    doc = bare_nlp(
        "Russian forces likely intend to resume offensive operations near Vuhledar in the coming weeks.[1]\n"
        "Ukrainian officials reported on March 3 that Russian forces shelled Kherson City 41 times.[2]\n"
        "The Kremlin continues to deny that mobilized reservists lack equipment and training.[3]\n"
    )
    assert {p["voice"] for p in find_voices(doc, [], [])} == {"author"}


def test_voices_a_quotation_closed_by_its_own_marks_ends_there(bare_nlp) -> None:
    # a statement pasted whole in quotation marks: the plain paragraph after it is no continuation of it
    doc = bare_nlp(
        "The city attorney's office put out a statement within the hour:\n\n"
        "“We respect the court's decision and will comply with it. We remain confident that the "
        "ordinance as a whole will be upheld.”\n\n"
        "Note that the phrase as a whole carries most of the weight in that sentence.\n"
    )
    passages = [p for p in find_voices(doc, [], []) if doc.text[p["start"] : p["end"]].strip()]
    assert [p["voice"] for p in passages] == ["author", "quoted", "author"]


def test_voices_a_quotation_over_several_paragraphs_still_runs_on(bare_nlp) -> None:
    # one quotation over two paragraphs opens each with a mark and closes only the last
    doc = bare_nlp(
        "The city attorney's office put out a statement within the hour:\n\n"
        "“We respect the court's decision and will comply with it in every respect.\n\n"
        "“We remain confident that the ordinance as a whole will be upheld on appeal.”\n"
    )
    passages = [p for p in find_voices(doc, [], []) if doc.text[p["start"] : p["end"]].strip()]
    assert [p["voice"] for p in passages] == ["author", "quoted", "quoted"]


def test_voices_reference_article(bare_nlp, reference_text: str) -> None:
    doc = bare_nlp(reference_text)
    passages = [p for p in find_voices(doc, [], []) if doc.text[p["start"] : p["end"]].strip()]
    quoted = [(doc.text[p["start"] : p["end"]][:30], p["source"]) for p in passages if p["voice"] == "quoted"]
    assert len(passages) == 21
    assert len(quoted) == 9  # wire excerpt (2), two ISW excerpts (1 + 1), EU spokesman (5)
    assert quoted[0] == ("Belarus’ opposition leader sai", "Sviatlana Tsikhanouskaya")
    assert quoted[2][1] == quoted[3][1] == "ISW"
    assert {source for _, source in quoted[4:]} == {"EU"}
    assert passages[0]["voice"] == "author" and passages[-1]["voice"] == "author"


@pytest.mark.parametrize(
    ("lead_in", "source"),
    [
        # NER misses the organisation: the proper-noun modifier of the subject names it
        ("Here is how the Frontline Monitor team summed it up:", "Frontline Monitor"),
        ("The OSCE Secretary-General's office issued a short note, which I quote in full:", "OSCE Secretary-General"),
        # the place that owns an institution stays in its name
        ("Latvia's Foreign Ministry did not hold back. Its note, sent on Friday, reads in part:", "Latvia's Foreign Ministry"),
        # a named owner of a source noun: "X's conclusion", "X's speech"
        ("I find it hard to disagree with Karen Holt's conclusion:", "Karen Holt"),
        # a he/she subject is the person the lead-in named before it
        ("Maria Lopez has run the port for a decade. On Friday she put it plainly:", "Maria Lopez"),
        # must name nothing: no named subject anywhere near the excerpt
        ("Here is the relevant passage:", None),
        # the last named subject before he/she, not the last person named
        ("Jonas Petersen answered a question from Anna Berg. He put it plainly:", "Jonas Petersen"),
        # must name nothing: a pronoun with no person named before it
        ("On Friday she put it plainly:", None),
    ],
)
def test_voices_source_named_by_the_lead_in(bare_nlp, lead_in: str, source: str | None) -> None:
    doc = bare_nlp(
        f"Talks on the border crossings stalled again this week.\n{lead_in}\n"
        "The delegation rejects any change to the crossing regime and expects the agreed timetable to be kept.\n"
    )
    passages = [p for p in find_voices(doc, [], []) if doc.text[p["start"] : p["end"]].strip()]
    assert [p["voice"] for p in passages] == ["author", "author", "quoted"]
    assert passages[2]["source"] == source


def test_voices_commentary_of_judgements_after_an_excerpt_is_the_authors(bare_nlp) -> None:
    doc = bare_nlp(
        "The regional governor, Serhiy Lysak, wrote on Telegram on Monday night:\n"
        "Russian forces shelled Nikopol 14 times with artillery and drones. Two power lines were damaged.\n"
        "Fourteen attacks in one night is not a quiet front. Each one is a repair crew sent out in the dark.\n"
    )
    passages = [p for p in find_voices(doc, [], []) if doc.text[p["start"] : p["end"]].strip()]
    assert [p["voice"] for p in passages] == ["author", "quoted", "author"]
    assert passages[1]["source"] == "Serhiy Lysak"


@pytest.mark.parametrize(
    ("before", "source"),
    [
        # no lead-in colon: a named subject with a piece, a post or points presents the excerpt after it
        ("Karen Holt has a long piece on the crossings in the Baltic Times.", "Karen Holt"),
        ("Samuel Okafor made a couple of good points yesterday about the crossings.", "Samuel Okafor"),
        # the named subject of a reporting verb in the last sentence before the excerpt
        ("After reading the whole report, the columnist Karen Holt notes that she is", "Karen Holt"),
        # must name nothing: a named subject of something else
        ("Karen Holt crossed the border on Friday with her family.", None),
        # must name nothing: the reporting sentence is not the one that leads into the excerpt
        ("Maria Lopez notes that the talks failed. The crossings stayed shut all week.", None),
    ],
)
def test_voices_source_presented_before_the_excerpt(bare_nlp, before: str, source: str | None) -> None:
    doc = bare_nlp(f"{before}\nThe delegation rejects any change to the crossing regime and expects the timetable to be kept.\n")
    passages = [Passage(s, e) for s, e in paragraphs(doc.text, [])]
    passages[1].voice = "quoted"
    name_sources(doc.text, passages, TokenIndex(doc, [t.idx for t in doc]), load_rules())
    assert (passages[0].source, passages[1].source) == (None, source)
