"""Decoding: raw bytes to text, refusing what is not text (documents, images, archives) first."""

from __future__ import annotations

import codecs
import re

from sayso.errors import InputError

_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"RIFF", "RIFF media (WAV/AVI/WebP)"),
    (b"%!PS", "PostScript document"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
# The control bytes text does not use: counted by deleting them (bytes.translate), not byte by byte.
_BINARY_CONTROLS = bytes(byte for byte in range(0x20) if byte not in _TEXT_CONTROLS) + b"\x7f"
MAX_CONTROL_SHARE = 0.10
# UTF-16 without a byte-order mark (``_utf16_without_bom``):
UTF16_HIGH_ZEROS = 0.3  # share of characters whose high byte is zero, at least
UTF16_LOW_ZEROS = 0.01  # share whose low byte is zero (a NUL character), at most


def check_size(data: str | bytes, max_bytes: int) -> None:
    size = len(data)
    if isinstance(data, str) and size <= max_bytes < 4 * size:
        size = len(data.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputError(
            f"input is {size:,} bytes; the limit is {max_bytes:,} bytes (pass a larger max_bytes to raise it)"
        )


def refuse_binary(data: bytes) -> None:
    """Refuse files that are not text (documents, images, archives) before decoding them."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"input looks binary ({kind}); sayso reads plain text, Markdown or HTML")
    if any(data.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(data):
        return
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError("input looks binary (it contains NUL bytes); sayso reads plain text, Markdown or HTML")
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        share = controls / len(sample)
        raise InputError(f"input looks binary ({share:.0%} control characters); sayso reads plain text, Markdown or HTML")


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec of text saved without a byte-order mark, told by its NULs: in English and
    other Latin-script text the high byte of nearly every character is zero, one byte in two, while
    binary scatters its NULs over both halves (and what has them in one half but decodes to control
    characters is binary too)."""
    sample = data[: min(len(data), 8192) // 2 * 2]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= UTF16_HIGH_ZEROS * pairs and low <= UTF16_LOW_ZEROS * pairs:
            text = sample.decode(codec, "replace").encode("utf-8")
            controls = len(text) - len(text.translate(None, _BINARY_CONTROLS))
            return codec if controls <= MAX_CONTROL_SHARE * len(text) else None
    return None


# A lead byte and as many continuation bytes as it announces: UTF-8's shape, valid or not (an
# overlong form, an encoded surrogate, a code point past U+10FFFF). Single-byte and East Asian
# legacy codecs do not produce it throughout a text: their non-ASCII bytes stand alone or pair
# with bytes outside 0x80-0xBF.
_UTF8_SHAPED = re.compile(rb"[\xc0-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3}")
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _utf8_shaped(data: bytes) -> bool:
    """Every non-ASCII byte sits in a UTF-8-shaped sequence: UTF-8 written by a faulty encoder."""
    return _NON_ASCII.search(_UTF8_SHAPED.sub(b"", data)) is None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# charset_normalizer's guesses within the Latin single-byte family are told apart by a few
# letters only; for English news the web's own default (windows-1252) is the better bet.
_LATIN_GUESSES = frozenset(
    {"ascii", "latin_1", "cp1250", "cp1252", "iso8859_2", "iso8859_15", "mac_roman", "mac_latin2", "cp850"}
)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, str | None]:
    """Bytes to text with a ladder that always succeeds: ``(text, codec, warning or None)``.

    BOM, then UTF-16 told by its NULs (no BOM), then UTF-8, then a declared charset (HTTP header or HTML ``<meta>``), then UTF-8 with
    U+FFFD replacements when most non-ASCII bytes are valid UTF-8 or all are UTF-8-shaped, then a guess
    (charset_normalizer; windows-1252 for Latin-looking bytes), then lossy UTF-8. Any step
    after the declared charset adds a warning naming the codec used.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), codec, None
            except UnicodeDecodeError:
                warning = f"input is not valid {codec} after its byte-order mark; bad bytes were replaced"
                return data[len(bom) :].decode(codec, "replace"), codec, warning
    codec = _utf16_without_bom(data)
    if codec is not None:
        warning = f"input has no byte-order mark; decoded it as {codec}"
        try:
            return data.decode(codec), codec, warning
        except UnicodeDecodeError:
            return data.decode(codec, "replace"), codec, warning + " with bad bytes replaced"
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    for name in (declared, match.group(1).decode("ascii") if match else None):
        codec = _codec(name)
        if codec and codec != "utf-8":
            try:
                return data.decode(codec), codec, None
            except UnicodeDecodeError:
                pass
    damaged = data.decode("utf-8", "replace")
    bad = damaged.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(len(char.encode()) for char in damaged if char > "\x7f" and char != "\ufffd")
    if valid > bad or _utf8_shaped(data):
        # mostly valid UTF-8 with a few broken sequences, or UTF-8-shaped throughout (overlong forms
        # in ASCII text): a legacy codec would garble the rest, and a guess from so few bytes is noise
        warning = f"input is not valid UTF-8; decoded it as utf-8 with {bad} bad byte sequence(s) replaced"
        return damaged, "utf-8", warning
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:200_000]).best()
    guesses = ["cp1252"] if best is None or best.encoding in _LATIN_GUESSES else [best.encoding, "cp1252"]
    for codec in guesses:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return text, codec, f"input is not valid UTF-8; decoded it as {codec}"
    return (
        data.decode("utf-8", "replace"),
        "utf-8",
        "input is not valid UTF-8 and no other encoding fits; undecodable bytes were replaced with U+FFFD",
    )


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): pages labelled latin-1 or ASCII are windows-1252.
    return "cp1252" if codec in ("iso8859-1", "latin-1", "ascii") else codec
