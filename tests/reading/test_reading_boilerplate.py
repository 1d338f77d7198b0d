"""Site chrome lines are reported as boilerplate; article sentences never are."""

from __future__ import annotations

import pytest

from sayso.reading import find_boilerplate, read

CHROME = [
    "Join the conversation as a VIP Member",
    "Subscribe",
    "Subscribe now »",
    "Subscribe to our daily briefing",
    "Sign up for our newsletter",
    "Sign up for free to continue reading.",
    "Already a subscriber? Log in",
    "Become a member",
    "Become a paying subscriber to read the full archive",
    "Join us on Telegram",
    "Join now",
    "Donate",
    "Donate today",
    "Support independent journalism",
    "Please support our work →",
    "Share this article",
    "Share on Facebook",
    "Facebook | Twitter | LinkedIn | Email",
    "Follow us on X for updates",
    "Click here to read the full report.",
    "Read more",
    "Read more: Ceasefire talks stall in Geneva",
    "Related:",
    "Related stories: Grain deal extended",
    "See also: Who controls the dam?",
    "Advertisement",
    "Story continues below advertisement",
    "This website uses cookies to improve your experience.",
    "Accept all cookies",
    "Leave a comment",
    "12 Comments",
    "© 2023 Example Media Group. All rights reserved.",
    "Continue reading",
    "Skip to main content",
    "Follow Anna Novak on Twitter @annanovak.",
    "Twitter: @newsdesk",
    "FACEBOOK.",
    "Getty Images",
    "Getty/Instagram.",
    "Unsubscribe | View in browser | Forward to a friend",
    "View this email in your browser / Update your preferences / Unsubscribe",
    "Thanks for reading The Harbour Letter! Subscribe for free to receive new posts and support my work.",
    "Share this post",
    "Unsubscribe",
]

ARTICLE = [
    "Thousands of volunteers joined the territorial defence units in the first week.",
    "Join the army, the poster read, and defend your city.",
    "Sign up rates for the reserve rose sharply in March.",
    "Register for the draft by Monday, the ministry said.",
    "Share prices in Moscow fell 4 percent on the news.",
    "Subscribers to the state broadcaster saw a blank screen for an hour.",
    "Read more than 300 pages of the leaked plan and a pattern emerges.",
    "Related talks in Istanbul stalled over the grain corridor.",
    "Donate blood at the nearest hospital, the governor urged residents on Sunday.",
    "“Join us in defending Europe,” the president told lawmakers.",
    "Follow the money, investigators say, and the network unravels.",
    "Click",
    "Comments by the spokesman drew a sharp rebuke from Warsaw.",
    "Copyright law was rewritten in 2019 to favour state media.",
    "Advertisement revenue at independent outlets has collapsed since the war began.",
    "Follow the convoy on its way south and you see the damage.",
    "Getty shares fell after the museum sale.",
    "Unsubscribe rates doubled after the redesign, the publisher admitted.",
    "Thanks for reading this far. I know it was a long one.",
    "Join the conversation as a VIP Member and you will find that the debate on this site has for years "
    "been dominated by a small group of very loud commenters who rarely agree.",
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_line_is_boilerplate(line):
    assert find_boilerplate(line) == [(0, len(line))]


@pytest.mark.parametrize("line", ARTICLE)
def test_article_line_is_not_boilerplate(line):
    assert find_boilerplate(line) == []


def test_boilerplate_offsets_index_the_text_and_the_line_stays():
    body = (
        "Ukrainian forces pushed east of the river on Thursday, the general staff reported.\n"
        "  Share this article  \n"
        "The advance followed weeks of artillery duels along the front line.\n"
        "\n"
        "Subscribe to our newsletter\n"
        "Officials declined to say how many villages had been retaken so far."
    )
    document = read(body)
    found = [document.text[s:e] for s, e in document.boilerplate]
    assert found == ["Share this article", "Subscribe to our newsletter"]
    for start, end in document.boilerplate:
        assert "\n" not in document.text[start:end]
        assert document.text[start:end] == document.text[start:end].strip()
    assert "Share this article" in document.text


def test_reference_article_ends_with_a_boilerplate_line(reference_text):
    document = read(reference_text)
    found = [document.text[s:e] for s, e in document.boilerplate]
    assert found == ["Join the conversation as a VIP Member"]
