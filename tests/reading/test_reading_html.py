"""HTML in: main text, quote markup kept as offsets, metadata, scripts never reach the text."""

from __future__ import annotations

import pytest

from sayso.errors import InputError
from sayso.reading import looks_like_html, read, sniff_format

PARAGRAPHS = [
    "The defence ministry said on Monday that a new grouping of forces had been formed near the "
    "northern border, and that more units would arrive within days.",
    "Analysts were not convinced by the announcement, which came after a week of heavy shelling "
    "and mounting pressure from the Kremlin on its smaller neighbour.",
    "Officials in the capital said they were watching the border closely and would answer any "
    "incursion with force, adding that reserves had been called up.",
]

PAGE = f"""<!DOCTYPE html>
<html><head>
<title>Troops gather near the border | Example Daily</title>
<meta property="og:title" content="Troops gather near the border">
<meta name="author" content="Maria Kowalska">
<meta property="article:published_time" content="2023-03-14T08:30:00+00:00">
<script>window.secret = "SCRIPT-TEXT-MUST-NOT-APPEAR";</script>
<style>.x {{ content: "STYLE-TEXT-MUST-NOT-APPEAR"; }}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Troops gather near the border</h1>
<p>{PARAGRAPHS[0]} A spokesman called it <q>a purely defensive step</q> on state television.</p>
<p>{PARAGRAPHS[1]}</p>
<blockquote cite="https://example.org/brief"><p>The grouping is unlikely to cross the border this year.</p>
<p>Its units lack trained crews.</p><footer>— <cite>Centre for Border Studies</cite></footer></blockquote>
<script>document.write("INLINE-SCRIPT-MUST-NOT-APPEAR")</script>
<p>{PARAGRAPHS[2]}</p>
<p>Join the conversation as a VIP Member</p>
</article>
</body></html>"""


@pytest.fixture(scope="module")
def page():
    return read(PAGE, url="https://news.example.org/troops")


def test_main_text_is_extracted_without_scripts_or_styles(page):
    assert page.format == "html"
    for paragraph in PARAGRAPHS:
        assert paragraph in page.text
    assert "MUST-NOT-APPEAR" not in page.text
    assert "<" not in page.text
    assert "Home" not in page.text.split("\n")


def test_paragraphs_are_separate_lines(page):
    lines = page.text.split("\n")
    assert any(line.startswith(PARAGRAPHS[1]) for line in lines)
    assert all(line == line.strip() and line for line in lines)


def test_blockquote_and_q_become_quote_blocks(page):
    quoted = {page.text[s:e]: source for s, e, source in page.quote_blocks}
    assert "a purely defensive step" in quoted
    block = next(t for t in quoted if t.startswith("The grouping is unlikely"))
    assert block.endswith("Its units lack trained crews.")
    assert quoted[block] == "Centre for Border Studies"


def test_inline_q_keeps_its_quotation_marks_in_the_text(page):
    # a browser renders <q> with quotation marks; the analysed text keeps them, so the quote reads as one
    start = page.text.index("a purely defensive step")
    assert page.text[start - 1] == "\u201c"
    assert page.text[start + len("a purely defensive step")] == "\u201d"


def test_quote_block_offsets_are_exact_and_trimmed(page):
    for start, end, _ in page.quote_blocks:
        assert 0 <= start < end <= len(page.text)
        assert page.text[start:end] == page.text[start:end].strip()


def test_metadata_gives_title_author_and_date(page):
    assert page.title == "Troops gather near the border"
    assert page.author == "Maria Kowalska"
    assert (page.published, page.published_source) == ("2023-03-14", "html")
    assert page.url == "https://news.example.org/troops"


def test_published_option_overrides_html_metadata():
    document = read(PAGE, published="2023-03-15")
    assert (document.published, document.published_source) == ("2023-03-15", "option")


def test_boilerplate_line_in_html_is_reported(page):
    assert [page.text[s:e] for s, e in page.boilerplate] == ["Join the conversation as a VIP Member"]


def test_short_fragment_falls_back_to_plain_extraction():
    html = (
        "<p>The mayor said the curfew <q>will stay until the shelling stops</q>, and residents "
        "were told to remain indoors after dark.</p><script>alert('NO')</script>"
        "<blockquote>Shops will open at nine in the morning and close at four.</blockquote>"
    )
    document = read(html)
    assert "NO" not in document.text and "alert" not in document.text
    quoted = [document.text[s:e] for s, e, _ in document.quote_blocks]
    assert quoted == [
        "will stay until the shelling stops",
        "Shops will open at nine in the morning and close at four.",
    ]


def test_xhtml_with_an_encoding_declaration_is_read():
    html = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
            f"<p>{PARAGRAPHS[0]}</p></body></html>")
    assert PARAGRAPHS[0] in read(html).text


def test_html_with_only_scripts_is_refused():
    with pytest.raises(InputError, match="no readable text"):
        read("<html><head><script>var a = 1;</script></head><body><style>p{}</style></body></html>")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("  <p>A fragment.</p>", True),
        ("<div class='a'>x</div>", True),
        ("Prices rose 3% as <b> tags were shown in the manual.", False),
        ("The ratio was 3 < 4 and 5 > 2, officials said.", False),
        ("Plain prose about the war.", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_markup_too_deep_for_a_tree_still_gives_its_text():
    sentence = "The talks in the capital ended without an agreement on the prisoner exchange."
    nested = "<div>" * 5000 + sentence + "</div>" * 5000
    html = f"<html><body>{nested}<script>NO()</script></body></html>"
    document = read(html)
    assert document.text == sentence
    assert any("tags were stripped" in w for w in document.warnings)


ARTICLE = (
    "<html><head><title>Fares</title></head><body><article>"
    "<p>The council voted on the budget late on Sunday, after a debate that ran well past midnight.</p>"
    "<p>The mayor posted this on Sunday night, several hours after the vote:</p>{}"
    "<p>Nobody on the council has said where the money for the frozen fares will come from.</p>"
    "</article></body></html>"
)
TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en">We will not be raising fares this year. Full stop.</p>'
    '&mdash; Mayor Lin (@MayorLin) <a href="https://twitter.com/MayorLin/status/1">May 5, 2024</a></blockquote>'
)


@pytest.mark.parametrize(
    "wrapped",
    [
        # WordPress embeds a tweet in a figure and a div whose classes say "embed"
        '<figure class="wp-block-embed is-provider-twitter wp-block-embed-twitter">'
        f'<div class="wp-block-embed__wrapper">{TWEET}</div></figure>',
        f'<div class="embed-tweet">{TWEET}</div>',
    ],
)
def test_an_embedded_tweet_in_a_figure_or_embed_wrapper_is_kept_as_a_quote(wrapped):
    document = read(ARTICLE.format(wrapped))
    quoted = [document.text[s:e] for s, e, _ in document.quote_blocks]
    assert quoted == ["We will not be raising fares this year. Full stop.\n— Mayor Lin (@MayorLin) May 5, 2024"]


def test_a_figure_quote_is_kept_and_its_caption_names_the_source_outside_the_text():
    figure = (
        "<figure><blockquote><p>Emergency procurement is not a standing policy.</p></blockquote>"
        "<figcaption>— Mariam Chowdhury, State Auditor</figcaption></figure>"
    )
    document = read(ARTICLE.format(figure))
    assert [(document.text[s:e], source) for s, e, source in document.quote_blocks] == [
        ("Emergency procurement is not a standing policy.", "Mariam Chowdhury, State Auditor")
    ]
    assert "Chowdhury" not in document.text


def test_pull_quotes_and_image_figures_are_not_quotations():
    figures = (
        '<figure class="wp-block-pullquote"><blockquote><p>Nobody said where the money comes from.</p></blockquote></figure>'
        '<figure><img src="bus.jpg"><figcaption>A bus on Main Street. Photo: J. Smith</figcaption></figure>'
    )
    document = read(ARTICLE.format(figures))
    assert not document.quote_blocks  # a pull quote repeats the article's own words


@pytest.mark.parametrize(
    "text, expected",
    [
        # a post's body rendered to HTML, opening with another element than a page's, or a comment
        ("<h2>The week</h2>\n<p>Another settlement.</p>", "html"),
        ("<blockquote><p>We will not add it.</p></blockquote>\n<p>That was 2021.</p>", "html"),
        ("<!-- excerpt -->\n<p>The internet's governing body is at it again.</p>", "html"),
        # must stay what they are: Markdown opening with a tag, prose opening with a bracket
        ('<img src="bus.jpg">\n\nThe agency said:\n\n> Service resumes Monday.\n> Fares are unchanged.', "markdown"),
        ("<3 this recipe, it is the best one I know.", "text"),
        ("<b> is the bold tag, and it is older than CSS.", "text"),
    ],
)
def test_sniff_format_reads_rendered_post_bodies_as_html(text, expected):
    assert sniff_format(text) == expected


def test_html_forum_credit_line_in_a_quote_names_the_poster_only() -> None:
    page = (
        "<html><body><article><p>Replying to the thread about which tomatoes will grow in a shady plot.</p>"
        "<blockquote><div><cite>hollyhock wrote: <span>Sat Mar 1, 2025 9:12 am</span></cite>"
        "<p>I grew the yellow cherry kind in half shade and still had a decent crop.</p></div></blockquote>"
        "<p>Thanks, I will try the yellow ones this year. The seed swap is on Saturday.</p></article></body></html>"
    )
    document = read(page)
    assert [source for _, _, source in document.quote_blocks] == ["hollyhock"]
