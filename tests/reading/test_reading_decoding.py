"""Bytes in: the decoding ladder, binary refusal and empty input."""

from __future__ import annotations

import codecs

import pytest

from sayso.errors import InputError
from sayso.reading import decode, read

ENGLISH = (
    "The minister’s “final offer” was rejected by the union on Tuesday, officials said. "
    "Café owners in the capital said they would close their doors for the day in protest."
)


def test_utf8_bytes_decode_without_warning():
    document = read(ENGLISH.encode("utf-8"))
    assert document.text == ENGLISH
    assert document.encoding == "utf-8"
    assert document.warnings == ()


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_mark_decides_the_codec(bom, codec):
    document = read(bom + ENGLISH.encode(codec))
    assert document.text == ENGLISH
    assert document.encoding == codec
    assert document.warnings == ()


def test_cp1252_bytes_fall_back_with_a_warning():
    document = read(ENGLISH.encode("cp1252"))
    assert document.text == ENGLISH
    assert document.encoding == "cp1252"
    assert any("not valid UTF-8" in w and "cp1252" in w for w in document.warnings)


def test_invalid_utf8_always_decodes_and_says_so():
    data = ENGLISH.encode("utf-8") + b" Broken tail \x81\x8d\x8f\x90\x9d bytes were here."
    text, codec, warning = decode(data)
    assert "Broken tail" in text and ENGLISH[:20] in text
    assert warning is not None and codec in warning


def test_html_meta_charset_is_used_without_warning():
    html = (
        '<html><head><meta charset="windows-1252"><title>Ceasefire talks</title></head><body>'
        f"<p>{ENGLISH}</p></body></html>"
    ).encode("cp1252")
    document = read(html)
    assert "“final offer”" in document.text
    assert document.encoding == "cp1252"
    assert document.warnings == ()


def test_declared_charset_from_a_header_is_tried_first():
    document = read(ENGLISH.encode("cp1252"), encoding="windows-1252")
    assert document.text == ENGLISH and document.warnings == ()


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"The army said\x00\x00 it would\x00 withdraw", "NUL"),
        (bytes(range(1, 32)) * 20 + b" some words", "control characters"),
    ],
)
def test_binary_input_is_refused_naming_why(data, kind):
    with pytest.raises(InputError, match=rf"input looks binary \(.*{kind}"):
        read(data)


def test_binary_looking_str_is_refused_too():
    with pytest.raises(InputError, match="binary"):
        read("%PDF-1.4 this was a document once")


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", "", "  \n  ", "\u200b\u200b\n\ufeff"])
def test_empty_input_is_refused(data):
    with pytest.raises(InputError, match="empty"):
        read(data)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_decoded_with_a_warning(codec):
    document = read(ENGLISH.encode(codec))
    assert document.text == ENGLISH
    assert document.encoding == codec
    assert document.warnings == (f"input has no byte-order mark; decoded it as {codec}",)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # NULs in both halves: not UTF-16 text
        b"The army said\x00\x00 it would\x00 withdraw",  # a few NULs in UTF-8 text
        "\x01\x02\x03\x04".encode("utf-16-le") * 200,  # UTF-16 shape, control characters inside
    ],
)
def test_binary_with_nuls_is_not_taken_for_utf16(data):
    with pytest.raises(InputError, match="input looks binary"):
        read(data)


@pytest.mark.parametrize("overlong", [b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf0\x80\x80\xaf", b"\xed\xa0\x80"])
def test_ascii_text_with_a_few_utf8_shaped_bad_sequences_stays_utf8(overlong):
    # Overlong forms and encoded surrogates in otherwise ASCII text: too few bytes for a guess,
    # which used to name cp1125, gb18030 or mac_iceland.
    plain = "Officials said the bridge was struck on Monday, according to the governor. " * 20
    text, codec, warning = decode(plain.encode() + overlong + b" " + plain.encode() + overlong)
    assert codec == "utf-8"
    assert text.startswith(plain) and text.count("\ufffd") >= 2 and text.replace("\ufffd", "").count(plain) == 2
    assert warning is not None and warning.startswith("input is not valid UTF-8; decoded it as utf-8 with")


@pytest.mark.parametrize("codec, sample", [
    ("cp1252", ENGLISH), ("latin-1", "Café owners in Zürich said À bientôt, ça va."),
    ("cp1251", "Министр сказал, что переговоры продолжатся."), ("koi8-r", "Министр сказал."),
    ("shift_jis", "大臣は交渉が続くと述べた。"), ("gbk", "部长表示谈判将继续。"), ("euc-kr", "장관은 협상이 계속될 것이라고 말했다."),
])
def test_legacy_codecs_are_not_taken_for_utf8_shaped_bytes(codec, sample):
    _, used, _ = decode(sample.encode(codec))
    assert used != "utf-8"
