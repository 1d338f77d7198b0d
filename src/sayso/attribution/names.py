"""Names before a colon: a headline's "Senator Doe: …", a transcript's "DOE: …", and whoever a
lead-in names, read by the reader voices names an excerpt's source with (``sayso.voices.lead_ins``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from sayso.attribution.context import Candidate, Context
from sayso.attribution.quotes import QUOTE_CHARS
from sayso.attribution.spans import lstrip, overlap, rstrip, trim, word_count
from sayso.attribution.speakers import titled_name
from sayso.doctext import span_ents
from sayso.voices.lead_ins import lead_in_name as read_lead_in
from sayso.voices.rules import load_rules


def name_colon(ctx: Context, paragraph: tuple[int, int]) -> None:
    """A paragraph that opens with a name and a colon reports what the name said: headlines
    ("Senator Doe: Talks Have Failed") and transcripts ("DOE: We will not …")."""
    colon = ctx.text.find(":", paragraph[0], paragraph[1])
    named = paragraph_name(ctx, colon) if colon >= 0 else None
    if named is None:
        return
    rest = trim(ctx.text, colon + 1, paragraph[1])
    rest = (rest[0], rstrip(ctx.text, rest[0], rest[1], "."))
    if word_count(ctx.text[rest[0] : rest[1]]) < 3:
        return
    label = ctx.text[paragraph[0] : colon + 1]
    turns = sum(ctx.text.startswith(label, p_start) for p_start, _ in ctx.paragraphs) >= 2
    # a transcript's turn ("MR MILLER: He did. … we expect them to be released.") is the label's
    # whole, reports inside it and all; elsewhere a report found in the paragraph reads it instead
    inside = [c for c in ctx.candidates if overlap(rest, c.content) > 0]
    if any(not turns or c.content[0] <= rest[0] or c.content[1] > rest[1] + 1 for c in inside):
        return
    whole = next((q for q in ctx.quotes_between(rest[0], rest[0] + 1) if q.end >= rest[1]), None)
    kind = "direct" if whole is not None else "mixed" if ctx.has_quote(rest) else "indirect"
    content = (whole.inner_start, whole.inner_end) if whole is not None else rest
    ctx.add(Candidate(kind, content, (colon, colon + 1), named[0], "name-colon", "speech", mention=named[1]))


def lead_in_name(ctx: Context, colon: int) -> tuple[Token, tuple[int, int]] | None:
    """The name a colon lead-in without a cue verb gives ("Senator Doe: ‘…’", "From Bloomberg:",
    "… does not surprise pollster Jane Roe:"), read as voices reads a pasted excerpt's lead-in
    (``sayso.voices.lead_ins``), so an excerpt's source and its speaker agree."""
    sent = ctx.sents[ctx.sent_index(colon)]
    name = read_lead_in([t for t in sent if t.idx < colon], load_rules())
    if name is None:
        return None
    return name.root, trim(ctx.text, name.start_char, name.end_char)


def paragraph_name(ctx: Context, colon: int) -> tuple[Token, tuple[int, int]] | None:
    """The name before the first colon of a paragraph, when it is a person or organisation (or a
    poll, a report), not a label ("The Latest:", "Note:", "Wednesday, October 5:"); in a capitalised
    label, the name before its comma, the role after it left out."""
    p_start, _ = ctx.paragraph(colon)
    start = lstrip(ctx.text, p_start, colon, " \t" + QUOTE_CHARS)
    if ":" in ctx.text[start:colon]:
        return None
    label = ctx.text[start:colon]
    if label.isupper() and "," in label:  # a broadcast transcript's "JOHN ROE, COUNTY EMERGENCY MANAGER:"
        colon = start + label.index(",")
    prefix = ctx.doc.char_span(start, colon, alignment_mode="expand")
    if prefix is None or len(prefix) == 0 or len(prefix.text.strip(" .")) < 2:
        return None  # an interview's "Q:" and "A:" name no one (GUM's interviews credit no answer to them)
    if len([t for t in prefix if not t.is_punct]) > ctx.lexicon["quote_marks"]["headline_lead_in_words"]:
        return None
    if any(t.pos_ in ("VERB", "AUX", "DET", "PRON") or t.lower_ in ctx.lexicon["colon_labels"] or _number(t) for t in prefix):
        return None
    head = prefix.root
    if not (
        any(e.label_ in ("PERSON", "ORG") for e in span_ents(prefix))
        or head.lemma_.lower() in ctx.lexicon["evidence_subjects"]
        or head.lower_ in ctx.lexicon["speaker_nominals"]  # a headline's "Official: Crossing To Reopen"
        or _known_name(ctx, prefix)
        or titled_name(head, ctx.lexicon) is not None  # a briefing's "MS. ROE:", heard once or not tagged
    ):
        return None
    return head, trim(ctx.text, prefix.start_char, prefix.end_char)


def _number(token: Token) -> bool:
    """A date's or a count's number ("October 5:", "Two:"), not a capitalised label the tagger took
    for one (a transcript's "AUSTIN:" is often tagged NUM)."""
    return token.pos_ == "NUM" and (token.like_num or not token.is_upper)


def _known_name(ctx: Context, prefix: Span) -> bool:
    """A capitalised prefix the parser did not tag but the document names elsewhere: a headline's
    bare surname ("Doe: Talks Failed" over a story about Jane Doe) or a transcript's speaker label
    that opens several paragraphs ("DOE: …")."""
    words = [t for t in prefix if not t.is_punct]
    if not words or not all(t.is_alpha and t.text[0].isupper() for t in words):
        return False
    label = prefix.text.strip()
    if sum(ctx.text.startswith(label + ":", p_start) for p_start, _ in ctx.paragraphs) >= 2:
        return True
    return words[-1].lower_ in {
        t.lower_ for e in ctx.doc.ents if e.label_ in ("PERSON", "ORG") and e.start_char >= prefix.end_char for t in e
    }
