"""Plain text is normalised before it becomes the text every offset indexes."""

from __future__ import annotations

import pytest

from sayso.reading import clean_text, read

BODY = "Officials in Kyiv said the bridge was repaired overnight and reopened to traffic by morning."


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("One line.\r\nTwo line.\r\n", "One line.\nTwo line."),
        ("Old Mac\rline ends", "Old Mac\nline ends"),
        ("zero\u200bwidth and soft\u00adhyphen", "zerowidth and softhyphen"),
        ("bidi \u202emarks\u202c gone", "bidi marks gone"),
        ("trailing   \nspaces\t\n", "trailing\nspaces"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("\n\n  indented first line\n", "  indented first line"),
        ("line\u2028separator", "line\nseparator"),
        ("e\u0301 composed", "é composed"),
        ("lone \ud800surrogate", "lone surrogate"),
        # text captured from a terminal: colour codes and a window title go whole, not just their ESC
        ("\x1b[1;31mThe minister said\x1b[0m no.", "The minister said no."),
        ("\x1b]0;shell title\x07Talks resume", "Talks resume"),
        ("brackets [31m typed by hand stay", "brackets [31m typed by hand stay"),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


def test_plain_text_read_keeps_paragraph_lines():
    text = f"{BODY}\r\n\r\n{BODY}"
    document = read(text)
    assert document.text == f"{BODY}\n\n{BODY}"
    assert document.format == "text"
    assert document.quote_blocks == ()
