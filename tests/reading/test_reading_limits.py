"""Documented limits: input size, analysed text length, paragraph length."""

from __future__ import annotations

import pytest

from sayso import reading
from sayso.errors import InputError
from sayso.reading import MAX_INPUT_BYTES, MAX_PARAGRAPH_CHARS, read, split_long_paragraphs

SENTENCE = "The brigade said it had held the line near the village through the night. "


def test_input_over_the_byte_limit_is_refused_naming_size_and_limit():
    data = SENTENCE.encode() * (MAX_INPUT_BYTES // len(SENTENCE) + 10)
    with pytest.raises(InputError, match=rf"input is {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,}"):
        read(data)


def test_max_bytes_can_be_lowered_and_raised():
    data = SENTENCE * 200
    with pytest.raises(InputError, match="the limit is 1,000 bytes"):
        read(data, max_bytes=1_000)
    assert read(data, max_bytes=len(data)).text.startswith("The brigade")


def test_non_ascii_str_is_measured_in_utf8_bytes():
    text = "Ж" * 600  # 1,200 bytes in UTF-8
    with pytest.raises(InputError, match="1,200 bytes"):
        read(text, max_bytes=1_000)


def test_analysed_text_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_TEXT_CHARS", 5_000)
    with pytest.raises(InputError, match="the limit is 5,000"):
        read(SENTENCE * 100)


def test_long_paragraph_is_split_at_sentence_ends_without_losing_a_word():
    paragraph = SENTENCE * (3 * MAX_PARAGRAPH_CHARS // len(SENTENCE))
    document = read(paragraph)
    lines = document.text.split("\n")
    assert len(lines) >= 3
    assert all(len(line) <= MAX_PARAGRAPH_CHARS for line in lines)
    assert all(line.endswith(".") for line in lines)
    assert document.text.replace("\n", " ") == paragraph.strip()
    assert any("split 1 paragraph" in w for w in document.warnings)


def test_run_without_spaces_gets_newlines_inserted_and_offsets_shift():
    text = "x" * 25 + "\n" + "abc" * 20
    new, inserted, splits = split_long_paragraphs(text, limit=10)
    assert splits == 2
    assert new.replace("\n", "") == text.replace("\n", "")
    assert all(len(line) <= 10 for line in new.split("\n"))
    assert inserted == sorted(inserted)
    assert len(new) == len(text) + len(inserted)


def test_quote_blocks_survive_paragraph_splitting(monkeypatch):
    monkeypatch.setattr(reading, "MAX_PARAGRAPH_CHARS", 400)
    words = "Officials said the convoy had reached the city by dawn and unloaded at the depot "
    html = f"<p>{'x' * 900} {words * 3}<q>the bridge is closed to all traffic</q> {words * 2}</p>"
    document = read(html)
    quoted = [document.text[s:e] for s, e, _ in document.quote_blocks]
    assert quoted == ["the bridge is closed to all traffic"]
    assert all(len(line) <= 400 for line in document.text.split("\n"))


def test_a_page_of_too_many_elements_is_read_whole_with_a_warning():
    page = ("<html><head><title>Crowded page</title><meta name='author' content='Ann Lee'></head><body>"
            f"<p>{SENTENCE}</p>" + "<b>x</b>" * reading.MAX_HTML_ELEMENTS + "</body></html>")
    document = read(page)
    assert document.text.startswith(SENTENCE.strip())
    assert document.title == "Crowded page"
    assert any(f"over {reading.MAX_HTML_ELEMENTS:,} elements" in w for w in document.warnings)


def test_a_page_under_the_element_limit_is_read_by_the_article_extractor():
    document = read(f"<html><head><title>t</title></head><body><p>{SENTENCE * 5}</p>" + "<b>x</b>" * 10 + "</body></html>")
    assert not any("elements" in w for w in document.warnings)
