"""Lines that name a quoted block's source outside any lead-in: the sign-off it ends with ("— Josh
Aas, Executive Director", "(Source: Reuters)") and an attribution line just before it ("Stephen
Chen, South China Morning Post")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from sayso.voices.naming import FINITE_TAGS, NAMED_SPEAKERS, clean_name, entity_of, opening_name
from sayso.voices.passages import Passage
from sayso.voices.signals import TokenIndex


def signature(text: str, passages: list[Passage], last: int, tokens: TokenIndex) -> str | None:
    """The name a block signs off with ("… — Josh Aas, Executive Director, ISRG", "-- Richard P.
    Feynman", "(Source: Reuters)", "(Julian Assange)", a tweet's "— jessie frazelle (@jessfraz) January 29,
    2019"), on its last line or on a short author line
    right after it ("(Source: Office of Budget and Management)" too): who wrote or said the excerpt,
    stated by the excerpt itself."""
    for p in _sign_off_lines(text, passages, last):
        body = text[p.start : p.end].rstrip()
        tweet = TWEET_SIGN_OFF.search(body)
        if tweet:  # a display name as its owner wrote it, lower case and emoji and all, up to ", PhD" or
            # "| Reuters"; else the handle
            name = _SIGNATURE_STOPS.split(tweet.group("who"), maxsplit=1)[0]
            return _NOT_IN_NAMES.sub("", name).strip(" -") or tweet.group("handle")
        # the line after the block: a dash or a "(Source: X)"; a bracketed name alone there is the author's aside
        for pattern, strict in _SIGNATURES if p is passages[last] else _SIGNATURES[:3]:
            match = pattern.search(body)
            if match:
                span = tokens.within(p.start + match.start("who"), p.start + match.end("who"))
                name = _signed_name(match.group("who"), span, strict)
                if name:
                    return name
    return None


def signed_url(text: str, passages: list[Passage], last: int) -> str | None:
    """The address a block credits where it signs off with no name ("Source: https://…", "(via
    https://…)"), on its last line or the short author line after it: named by the text itself,
    so a source when nothing names a person or organisation (as a Markdown link's target is)."""
    for p in _sign_off_lines(text, passages, last):
        body = text[p.start : p.end].rstrip()
        for pattern, _ in _SIGNATURES[1:3]:
            match = pattern.search(body)
            if match and _URL.fullmatch(match.group("who").strip()):
                return match.group("who").strip().rstrip(".,;")
    return None


def _sign_off_lines(text: str, passages: list[Passage], last: int) -> list[Passage]:
    """Where a block signs off: its last paragraph, and a short author line right after it."""
    lines = [passages[last]]
    after = next((p for p in passages[last + 1 :] if text[p.start : p.end].strip()), None)
    if after is not None and after.voice == "author" and len(text[after.start : after.end].split()) <= 12:
        lines.append(after)
    return lines


def attribution_line(text: str, passages: list[Passage], first: int, tokens: TokenIndex) -> str | None:
    """"Stephen Chen, South China Morning Post", "The Verge": a short verbless author line just
    before the block that opens with a person or organisation names it (an attribution line)."""
    before = next((p for p in reversed(passages[:first]) if text[p.start : p.end].strip()), None)
    if before is None or before.voice != "author":
        return None
    span = tokens.within(before.start, before.end)
    content = [t for t in span if not t.is_space]
    if not content or len(content) > 12 or content[0].like_url or any(t.tag_ in FINITE_TAGS for t in content):
        return None
    head = content[1] if content[0].lower_ == "the" and len(content) > 1 else content[0]
    entity = entity_of(head)
    if entity is not None:
        return clean_name(entity.text) if entity.label_ in NAMED_SPEAKERS else None
    # "The Verge", "Schneier on Security": a proper name NER missed, the line's head
    while head.dep_ == "compound" and head.head.pos_ == "PROPN":
        head = head.head
    name = opening_name(head) if head.dep_ == "ROOT" else None
    return clean_name(name.text) if name is not None else None


def sign_off_start(body: str, name: str) -> int | None:
    """Where a passage's closing dash sign-off naming ``name`` begins ("… in decades.\n— Capital
    Economics"): the excerpt's words end before it, and a passage that is only the sign-off says
    nothing of its own."""
    match = _SIGNATURES[0][0].search(body.rstrip())
    if match is None or name not in match.group("who"):
        return None
    dash = re.search(r"\u2014|\u2013|\u2015|-{1,3}", body[match.start() :])
    return match.start() + dash.start() if dash is not None else None


def _signed_name(who: str, span: Span, strict: bool) -> str | None:
    """The name that opens a signature ``who`` (over ``span``): its words up to the first comma or
    bracket when all are capitalised but particles ("George R.R. Martin, A Clash of Kings", "Office of
    the Mayor"), else a person or organisation named in it ("Calendar clerk, U.S. Tax Court"); when
    ``strict``, only a signature that is one name."""
    if any(t.tag_ in FINITE_TAGS for t in span):  # "… — Then Merkel arrived": a sentence, not a sign-off
        return None
    entities = [e for t in span if (e := entity_of(t)) is not None and e.label_ in NAMED_SPEAKERS]
    if strict:
        return clean_name(who) if entities and _folded_equal(entities[0].text, who) else None
    head = _SIGNATURE_STOPS.split(who, maxsplit=1)[0].strip(" \t-")  # "-Alan Blount-": dashes both sides
    words = head.split()
    inner = all(w[:1].isupper() or w.lower() in _NAME_PARTICLES or w == "the" for w in words[1:])
    if 0 < len(words) <= 6 and (words[0][:1].isupper() or words[0].lower() in _NAME_PARTICLES) and inner:
        return clean_name(head)
    return clean_name(entities[0].text) if entities else None


def _folded_equal(a: str, b: str) -> bool:
    return clean_name(a).split() == clean_name(b).split()


# How a block signs off, on its last line: a dash and a name; "(Source: X)", "(via X)"; a bracketed
# name alone, which must be one named person or organisation (strict), not "(Smith and Jones, 1998)".
_SIGNATURES = (
    (re.compile(r"(?:\A|\n|[.!?\"\u201d\u2019)…]\s*)[ \t]*(?:\u2014|\u2013|\u2015|-{1,3})[ \t]*(?P<who>[A-Z][^\n]{1,120})\Z"), False),
    (re.compile(r"\((?:source|via)\s*:?\s*(?P<who>[^()\n]{2,80})\)\Z", re.IGNORECASE), False),
    (re.compile(r"(?:\A|\n)(?:source|via)\s*:\s*(?P<who>[^\n]{2,80})\Z", re.IGNORECASE), False),
    (re.compile(r"\((?P<who>[A-Z][^()\n]{1,60})\)\Z"), True),
)
# An embedded tweet's sign-off: "— jessie frazelle 👩🏼🚀 (@jessfraz) January 29, 2019".
TWEET_SIGN_OFF = re.compile(
    r"(?:\u2014|\u2013|--?)[ \t]*(?P<who>[^\n()\u2014]{0,80}?)[ \t]*\((?P<handle>@\w{1,30})\)"
    r"(?:[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4})?[ \t]*\Z"
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_NOT_IN_NAMES = re.compile(r"[^\w\s.'\-]")
_SIGNATURE_STOPS = re.compile(r"[,(;|/\[\u2014\u2013]| - ")
_NAME_PARTICLES = frozenset({"of", "and", "&", "de", "van", "von", "der", "la", "du", "da", "bin", "al"})
