"""A headline's cue: "Trump claims election was 'rigged'", "Police warn drivers of black ice".

Headline-ese (a present-tense cue, no article, no final full stop) is grammar the tagger was not
trained on: it reads "claims" and "warn" as nouns, so the clause rules see no cue verb. A text's
first line, when it is short, ends without a full stop (or is in title case) and has text below, is read by
word order instead: a speaker-like noun phrase, a lexicon cue in its present form, then what was
said. Only where no earlier rule found anything in the line.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sayso.attribution.context import Candidate, Context
from sayso.attribution.quotes import QUOTE_CHARS
from sayso.attribution.spans import overlap, rstrip, trim, word_count

# A headline is short; a longer first line is a sentence, which the clause rules read.
HEADLINE_MAX_WORDS = 16
# Words before the cue: a name or a body ("Bank of England", "Senior Tory MPs"), not a clause.
SUBJECT_MAX_WORDS = 6
# Words after the cue: what was said, never a lone object ("Storm claims lives").
CONTENT_MIN_WORDS = 2
# Entity types that can speak.
SPEAKER_ENTS = ("PERSON", "ORG", "NORP", "GPE")


def headline_cue(ctx: Context) -> None:
    """Credit a headline's content to the noun phrase before its cue, where no rule read the line."""
    line = headline(ctx)
    if line is None or any(overlap(line, c.content) > 0 or (c.cue and overlap(line, c.cue) > 0) for c in ctx.candidates):
        return
    span = ctx.doc.char_span(line[0], line[1], alignment_mode="expand")
    if span is None:
        return
    for cue in span:
        found = _reading(ctx, span, cue)
        if found is not None:
            subject, cue_class = found
            content = trim(ctx.text, cue.idx + len(cue), line[1])
            content = (content[0], rstrip(ctx.text, content[0], content[1], " .!?"))
            whole = next((q for q in ctx.quotes_between(content[0], content[0] + 1) if q.end >= content[1]), None)
            kind = "direct" if whole is not None else "mixed" if ctx.has_quote(content) else "indirect"
            if whole is not None:
                content = (whole.inner_start, whole.inner_end)
            mention = (subject.start_char, subject.end_char)
            ctx.add(Candidate(kind, content, (cue.idx, cue.idx + len(cue)), subject[-1], "headline-cue", cue_class, mention=mention))
            return


def headline(ctx: Context) -> tuple[int, int] | None:
    """The text's first line when it reads as a headline: short, with more text below it and no full
    stop at its end, unless it is in title case (PolNeAR's headlines end in one)."""
    if len(ctx.paragraphs) < 2:
        return None
    start, end = ctx.paragraphs[0]
    start, end = trim(ctx.text, start, end)
    words = word_count(ctx.text[start:end])
    last = ctx.text[start:end].rstrip(QUOTE_CHARS + " ")
    if not 3 <= words <= HEADLINE_MAX_WORDS or not last or last[-1] in ":;,":
        return None
    if last[-1] == "." and not _title_case(ctx.text[start:end]):
        return None  # a short first sentence, which the clause rules read; a title-case line stays a headline
    return start, end


def _reading(ctx: Context, line: Span, cue: Token) -> tuple[Span, str] | None:
    """The subject and cue class when ``cue`` is a lexicon cue in a headline's present form
    ("says", "warn", "Claims") after a noun phrase and before what was said: a clause or a quotation,
    or, from a speaker, an object the cue makes a message ("Police warn drivers of ice")."""
    lemma = _cue_lemma(ctx, cue.lower_)
    if lemma is None or cue.i == line.start:
        return None
    subject = line.doc[line.start : cue.i]
    words = [t for t in subject if not t.is_punct]
    if not words or len(words) > SUBJECT_MAX_WORDS or any(t.is_punct and t.text not in ".&-'’" for t in subject):
        return None
    if words[0].pos_ in ("VERB", "AUX", "PRON", "ADP", "SCONJ", "NUM") or any(
        t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "DET") or (t.pos_ == "ADP" and t.lower_ != "of") for t in words[1:]
    ):
        return None  # "As police warn …", "Party Boosts Spending In States …": a clause, not a subject
    title_case = _title_case(line.text)  # entity spans there run over the line ("City Council Announces Plan")
    if cue.lower_ == lemma and cue.pos_ != "VERB" and title_case:
        return None  # in title case a bare form the tagger did not read as a verb is a noun ("Bombshell Claim")
    head, cue_class = subject[-1], ctx.lexicon["classes"][lemma]
    if cue.ent_iob_ == "I" and not title_case:
        return None  # "Simon Says": the cue word goes on a name begun before it
    rest = [t for t in line.doc[cue.i + 1 : line.end] if not t.is_punct]
    if len(rest) < CONTENT_MIN_WORDS or rest[0].pos_ in ("VERB", "AUX"):
        return None  # "… Says returns to TV": a verb straight after the cue word, which was a noun
    if any(t.pos_ in ("VERB", "AUX") for t in rest) or ctx.has_quote((rest[0].idx, line.end_char)):
        speaks = head.pos_ in ("NOUN", "PROPN")  # a clause or a quotation is something said, whoever says it
    else:  # an object is the message only after a cue whose object is ("denies cover-up", "warn … of ice")
        objects = ctx.lexicon["object_content"]
        prepositions = objects["preposition"].get(lemma, ())
        message = lemma in objects["noun"] or any(t.pos_ == "ADP" and t.lower_ in prepositions for t in rest)
        speaks = message and _can_speak(ctx, head)  # "Storm claims lives": only a speaker's object is a message
    return (subject, cue_class) if speaks else None


def _cue_lemma(ctx: Context, form: str) -> str | None:
    """The lexicon verb a headline's present-tense cue is a form of ("says", "denies", "warn")."""
    classes = ctx.lexicon["classes"]
    for lemma in (form, form[:-1] if form.endswith("s") else "", form[:-2] if form.endswith("es") else "",
                  form[:-3] + "y" if form.endswith("ies") else ""):
        if lemma and lemma in classes and lemma in ctx.lexicon["verbs"].get(classes[lemma], ()):
            return lemma
    return None


def _can_speak(ctx: Context, head: Token) -> bool:
    """A name or a noun for people or bodies ("Police", "Prosecutors", "Kremlin")."""
    lemma = head.lemma_.lower()
    plural = head.lower_[:-1] if head.lower_.endswith("s") else head.lower_
    nominal = any(w in ctx.lexicon["speaker_nominals"] or w in ctx.lexicon["org_words"] for w in (lemma, head.lower_, plural))
    return nominal or head.ent_type_ in SPEAKER_ENTS or (head.pos_ == "PROPN" and not _title_case(head.sent.text))


def _title_case(line: str) -> bool:
    """Whether every longer word is capitalised ("Storm Claims Lives Across Coast"): there a
    capital says nothing about a name."""
    long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)
