"""An e-mail pasted as text: its client's quote headers and ">" marks say which message is quoted, and whose."""

from __future__ import annotations

import pytest

from sayso.reading import read, sniff_format
from sayso.reading.mail import looks_like_email, read_mail_quotes

REPLY = """Thanks Rowan, Thursday suits the whole committee.

Priya

On Tue, 3 Mar 2026 at 10:14, Rowan Achebe <rowan@example.net> wrote:
> Could we push the harbour survey to Thursday? The divers
> need one more day of calm water.
>
> On Mon, 2 Mar 2026 at 09:02, Priya Lindqvist <priya@example.net> wrote:
>> The survey stays on Wednesday unless someone objects.
"""


def quoted(text: str, quotes: list[tuple[int, int, str | None]]) -> list[tuple[str, str | None]]:
    return [(text[start:end], source) for start, end, source in quotes]


def test_email_reply_quotes_each_message_as_its_writer_and_drops_headers_and_marks() -> None:
    document = read(REPLY)
    assert document.format == "text"
    assert "wrote:" not in document.text and ">" not in document.text
    assert document.text.startswith("Thanks Rowan, Thursday suits the whole committee.\n\nPriya\n\n")
    assert quoted(document.text, list(document.quote_blocks)) == [
        (
            "Could we push the harbour survey to Thursday? The divers need one more day of calm water.",
            "Rowan Achebe",
        ),
        ("The survey stays on Wednesday unless someone objects.", "Priya Lindqvist"),
    ]


@pytest.mark.parametrize(
    ("header", "source"),
    [
        ("On 03/03/2026 10:14, Rowan Achebe wrote:", "Rowan Achebe"),  # Thunderbird
        ("On Tue, Mar 3, 2026 at 10:14 AM Rowan Achebe <rowan@example.net> wrote:", "Rowan Achebe"),  # Gmail
        ("On Mar 3, 2026, at 10:14, Rowan Achebe <rowan@example.net> wrote:", "Rowan Achebe"),  # Apple Mail
        ("On Tue, 3 Mar 2026 at 10:14, Rowan Achebe <\nrowan@example.net> wrote:", "Rowan Achebe"),  # wrapped
        ("On Tue, 3 Mar 2026, rowan@example.net wrote:", "rowan@example.net"),
        ("Rowan Achebe wrote:", "Rowan Achebe"),
        ("Rowan Achebe <rowan@example.net> wrote:", "Rowan Achebe"),
    ],
)
def test_email_header_names_the_quoted_writer(header: str, source: str) -> None:
    text, quotes = read_mail_quotes(f"Agreed.\n\n{header}\n>The divers need one more day.\nSee you then.")
    assert text == "Agreed.\n\nThe divers need one more day.\n\nSee you then."
    assert quoted(text, quotes) == [("The divers need one more day.", source)]


@pytest.mark.parametrize(
    "separator",
    [
        "-----Original Message-----\nFrom: Rowan Achebe [mailto:rowan@example.net]\nSent: Tuesday, March 3, 2026 10:14 AM"
        "\nTo: Priya Lindqvist\nSubject: Harbour survey",
        "---------- Forwarded message ---------\nFrom: Rowan Achebe <rowan@example.net>\nDate: Tue, 3 Mar 2026 at 10:14"
        "\nSubject: Harbour survey\nTo: <priya@example.net>",
        'Begin forwarded message:\n\nFrom: "Rowan Achebe" <rowan@example.net>\nSubject: Harbour survey',
        "________________________________\nFrom: Rowan Achebe\nSent: 03 March 2026 10:14\nTo: Priya Lindqvist",
    ],
)
def test_email_original_or_forwarded_message_is_quoted_to_the_end_as_its_sender(separator: str) -> None:
    document = read(
        f"Forwarding for the minutes.\n\n{separator}\n\nThe divers need one more day.\nThursday, then.\n"
    )
    assert document.text == "Forwarding for the minutes.\n\nThe divers need one more day.\nThursday, then."
    assert quoted(document.text, list(document.quote_blocks)) == [
        ("The divers need one more day.\nThursday, then.", "Rowan Achebe")
    ]


def test_email_header_does_not_swallow_the_line_before_it() -> None:
    text, quotes = read_mail_quotes(
        "On balance, I agree.\nRowan <rowan@example.net> wrote:\n> Thursday it is."
    )
    assert text == "On balance, I agree.\n\nThursday it is."
    assert quoted(text, quotes) == [("Thursday it is.", "Rowan")]


def test_email_quote_after_a_header_takes_its_writer_through_an_interleaved_reply() -> None:
    text, quotes = read_mail_quotes(
        "Rowan Achebe wrote:\n> Is Thursday fine?\nYes.\n> And the boat?\nBooked.\n>> Deposit paid\n"
    )
    assert text == "Is Thursday fine?\n\nYes.\n\nAnd the boat?\n\nBooked.\n\nDeposit paid"
    assert quoted(text, quotes) == [
        ("Is Thursday fine?", "Rowan Achebe"),
        ("And the boat?", "Rowan Achebe"),
        ("Deposit paid", None),
    ]


def test_email_single_quoted_sentence_without_header_is_quoted_and_unnamed() -> None:
    document = read("Sounds right.\n\n>Could we push the survey to Thursday?\n\nYes, Thursday.")
    assert document.text == "Sounds right.\n\nCould we push the survey to Thursday?\n\nYes, Thursday."
    assert quoted(document.text, list(document.quote_blocks)) == [
        ("Could we push the survey to Thursday?", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The threshold held: x > 5 in every run we tried.",
        "Last week I wrote:\nthe harbour needs a new survey.\nNobody replied.",
        "From: Ministry of Ports\nTo: News editors\nSubject: Survey dates\n\nThe ministry said the survey is on Thursday.",
        "Type the command at the prompt:\n> ls -la /var/log\nand read the newest file.",
        "> 5% of members voted for Thursday.\nThe rest abstained.",
        "Rowan Achebe wrote:\nthe survey is on Thursday.",
        "-----Original Message-----\nThe survey is on Thursday.",
        "On the quay, Rowan wrote:\n> notes",
    ],
)
def test_email_reader_finds_nothing_in_prose_prompts_or_memos(text: str) -> None:
    assert read_mail_quotes(text) == (text, [])
    assert not read(text).quote_blocks


def test_email_sniffing_reads_a_client_reply_as_text_not_markdown() -> None:
    assert looks_like_email(REPLY) and sniff_format(REPLY) == "text"
    blog = "As Rowan Achebe wrote:\n\n> The divers need one more day.\n> Thursday is calm.\n"
    assert not looks_like_email(blog) and sniff_format(blog) == "markdown"


def test_email_explicit_text_input_stays_literal() -> None:
    document = read(REPLY, input_format="text")
    assert not document.quote_blocks and "wrote:" in document.text and "> Could we" in document.text


@pytest.mark.parametrize(
    "hostile",
    [
        ">\n" * 400_000,
        ">" * 800_000 + " Hello there my friend.\n",
        "".join(">" * (i % 300) + " The divers need one more day.\n" for i in range(20_000)),
        "On Tue, 3 Mar 2026 at 10:14, Rowan <rowan@example.net> wrote:\n" * 10_000,
        "-----Original Message-----\nFrom: Rowan <rowan@example.net>\n" * 10_000,
    ],
)
def test_email_hostile_input_keeps_offsets_exact(hostile: str) -> None:
    text, quotes = read_mail_quotes(hostile)
    assert all(0 <= start < end <= len(text) for start, end, _ in quotes)
    assert all(text[start:end].strip() == text[start:end] for start, end, _ in quotes)
