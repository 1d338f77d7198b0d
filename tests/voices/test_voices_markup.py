"""HTML markup decides: block quotes are quoted passages, inline quotations stay the author's."""

from __future__ import annotations

from sayso.voices import find_voices

from .test_voices_tiling import assert_tiles

TEXT = (
    "The Baltic states are running out of patience with Moscow. Estonia's foreign ministry said:\n"
    "Russia's repeated jamming of GPS signals over the Baltic Sea endangers civil aviation and "
    "violates international law.\n"
    "Officials in Tallinn called the jamming \"reckless\" but stopped short of closing airspace.\n"
)


def spans():
    second = TEXT.index("Russia's repeated")
    third = TEXT.index("Officials in Tallinn")
    inline = TEXT.index('"reckless"')
    return second, third, inline


def test_voices_markup_block_quote_is_quoted_with_its_source(bare_nlp) -> None:
    second, third, inline = spans()
    quotes = [[second, third - 1, "Estonian Foreign Ministry"], [inline + 1, inline + 9, None]]
    passages = find_voices(bare_nlp(TEXT), [], quotes)
    assert_tiles(TEXT, passages, [])
    assert [(p["voice"], p["source"], p["rule"]) for p in passages] == [
        ("author", None, "markup:author"),
        ("quoted", "Estonian Foreign Ministry", "markup:block"),
        ("author", None, "markup:author"),
    ]


def test_voices_markup_block_without_source_is_named_from_the_lead_in(bare_nlp) -> None:
    second, third, _ = spans()
    passages = find_voices(bare_nlp(TEXT), [], [[second, third, None]])
    assert passages[1]["voice"] == "quoted"
    assert passages[1]["source"] and "ministry" in passages[1]["source"].lower()


def test_voices_markup_inline_quote_alone_does_not_quote_the_paragraph(bare_nlp) -> None:
    _, _, inline = spans()
    passages = find_voices(bare_nlp(TEXT), [], [[inline, inline + 10, "Tallinn"]])
    assert {p["voice"] for p in passages} == {"author"}


def test_voices_markup_block_running_into_a_paragraph_splits_it(bare_nlp) -> None:
    text = "Lead-in sentence glued to the quote. Quoted words begin here\nand continue on this line.\nAfter.\n"
    start = text.index("Quoted words")
    end = text.index("After.")
    passages = find_voices(bare_nlp(text), [], [[start, end, "Agency"]])
    assert_tiles(text, passages, [])
    assert [(text[p["start"] : p["end"]], p["voice"]) for p in passages] == [
        ("Lead-in sentence glued to the quote. ", "author"),
        ("Quoted words begin here\n", "quoted"),
        ("and continue on this line.\n", "quoted"),
        ("After.\n", "author"),
    ]


BLOG = (
    "I've been meaning to write about the Baltic jamming story for weeks, and honestly I'm still annoyed.\n"
    "You'd think somebody would have fixed this by now. I don't get why it's still happening.\n"
    "Here's what Estonia's foreign ministry wrote on Monday:\n"
    "Russia's repeated jamming of GPS signals over the Baltic Sea endangers civil aviation and "
    "violates international law. The ministry has summoned the Russian charge d'affaires.\n"
    "I'm not sure a summons does much, but it's something. We'll see what happens next, I guess.\n"
)


def test_voices_markup_a_blog_in_html_that_marks_no_excerpt_pasted_none(bare_nlp) -> None:
    """Its writer had <blockquote>, as a Markdown writer has ">": the text is not second-guessed."""
    inferred = find_voices(bare_nlp(BLOG), [], [])
    assert "quoted" in {p["voice"] for p in inferred}  # as plain text, the pasted statement is found
    passages = find_voices(bare_nlp(BLOG), [], [], markup_could_quote=True)
    assert_tiles(BLOG, passages, [])
    assert {(p["voice"], p["rule"]) for p in passages} == {("author", "markup:author")}


def test_voices_markup_formal_html_with_no_quote_markup_is_still_read_by_the_rules(bare_nlp) -> None:
    """A news page's statement pasted as plain paragraphs: formal prose, where the rules decide."""
    passages = find_voices(bare_nlp(TEXT), [], [], markup_could_quote=True)
    assert passages == find_voices(bare_nlp(TEXT), [], [])
    assert passages[1]["voice"] == "quoted"


def test_voices_markup_forum_quote_is_a_quoted_passage_named_by_its_tag(nlp) -> None:
    from sayso.pipeline import analyze_document
    from sayso.reading import read

    post = (
        "Same here, I rolled back and the drain stopped.\n\n"
        "[quote=wrenfield]Support told me to reset it, but the battery still dies overnight.[/quote]\n\n"
        "Thanks, switching the wake mode off fixed it for me.\n"
    )
    analysis = analyze_document(read(post)).to_dict()
    text = analysis["text"]
    voices = [(text[p["start"] : p["end"]].strip(), p["voice"], p["source"]) for p in analysis["passages"]]
    assert voices == [
        ("Same here, I rolled back and the drain stopped.", "author", None),
        ("Support told me to reset it, but the battery still dies overnight.", "quoted", "wrenfield"),
        ("Thanks, switching the wake mode off fixed it for me.", "author", None),
    ]
    assert "quote" not in text.lower()


def test_voices_markup_forum_quote_inside_a_quote_names_its_own_poster(nlp) -> None:
    from sayso.pipeline import analyze_document
    from sayso.reading import read

    post = (
        "[quote=hollyhock]I grew the yellow cherry kind in half shade and still had a crop.\n\n"
        "[quote=brambleberry]Anything with under six hours of sun will struggle.[/quote]\n\n"
        "Mine stood under a birch all afternoon.[/quote]\n\n"
        "Thanks both, I will try the yellow ones.\n"
    )
    analysis = analyze_document(read(post)).to_dict()
    text = analysis["text"]
    voices = [(text[p["start"] : p["end"]].strip(), p["voice"], p["source"]) for p in analysis["passages"]]
    assert voices == [
        ("I grew the yellow cherry kind in half shade and still had a crop.", "quoted", "hollyhock"),
        ("Anything with under six hours of sun will struggle.", "quoted", "brambleberry"),
        ("Mine stood under a birch all afternoon.", "quoted", "hollyhock"),
        ("Thanks both, I will try the yellow ones.", "author", None),
    ]


def test_voices_markup_indented_prose_in_plain_text_is_a_quoted_passage(nlp) -> None:
    from sayso.pipeline import analyze_document
    from sayso.reading import read

    post = (
        "The harbour board met on Monday and I went along.\n\n"
        "Its notice to members put it this way:\n\n"
        "    The outer breakwater will be closed to the public from the first of April\n"
        "    while the storm damage is repaired.\n\n"
        "Six months of no fishing off the wall, then.\n"
    )
    analysis = analyze_document(read(post)).to_dict()
    text = analysis["text"]
    voices = [(text[p["start"] : p["end"]].strip(), p["voice"]) for p in analysis["passages"]]
    assert voices == [
        ("The harbour board met on Monday and I went along.", "author"),
        ("Its notice to members put it this way:", "author"),
        (
            "The outer breakwater will be closed to the public from the first of April while the storm damage is"
            " repaired.",
            "quoted",
        ),
        ("Six months of no fishing off the wall, then.", "author"),
    ]
