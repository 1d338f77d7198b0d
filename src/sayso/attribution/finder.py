"""The finder: every rule, in one ordered table, then speakers resolved in reading order.

The rules share one ``Context`` and talk to each other through it only: a content taken is not
taken again (``Context.add``), a quotation credited is not credited again (``Context.claim``), and a
cue verb that credited something reports again only when it has a clause of its own. Those three
make the order matter, and ``RULES`` below states it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from sayso.attribution import admission, excerpts, headlines, indirect, names, standalone
from sayso.attribution.context import Context, within
from sayso.attribution.direct import direct_quote
from sayso.attribution.lexicon import check_lexicon
from sayso.attribution.mentions import mention_of, past_clock
from sayso.attribution.quotes import quote_at
from sayso.attribution.speakers import SpeakerResolver
from sayso.model import Speaker


def _sourcing_phrases(ctx: Context, sent: Span) -> None:
    for i in within(ctx.phrase_starts, sent):  # a token starts a phrase only with its first word
        token = ctx.doc[i]
        for entry in ctx.phrases_by_first.get(token.lower_, ()):
            words = entry["words"]
            phrase = ctx.doc[token.i : token.i + len(words)]
            if [t.lower_ for t in phrase] == words and quote_at(token.idx, ctx.quotes) is None:
                indirect.sourcing_phrase(ctx, phrase, entry, sent)


def _direct_quotes(ctx: Context, sent: Span) -> None:
    for q in ctx.quotes_in(sent):
        if not ctx.is_claimed(q):
            direct_quote(ctx, q)


def _quotation_paragraphs(ctx: Context, sent: Span) -> None:
    for q in ctx.quotes_in(sent):
        if not ctx.is_claimed(q):
            standalone.quotation_paragraph(ctx, q)


def _report_nouns(ctx: Context, sent: Span) -> None:
    for i in within(ctx.report_nouns, sent):
        indirect.noun_report(ctx, ctx.doc[i])


def _cue_verbs(ctx: Context, sent: Span) -> None:
    for i in within(ctx.cue_verb_list, sent):
        verb = ctx.doc[i]
        if quote_at(verb.idx, ctx.quotes) is None:
            if verb.i not in ctx.used_cues or indirect.reports_more(ctx, verb):
                indirect.cue_verb_report(ctx, verb)


def _sentences(ctx: Context) -> None:
    for sent in ctx.sents:
        for _, rule in SENTENCE_RULES:
            rule(ctx, sent)


def _name_colons(ctx: Context) -> None:
    for paragraph in ctx.paragraphs:
        names.name_colon(ctx, paragraph)


# Within one sentence, in this order:
SENTENCE_RULES: tuple[tuple[str, Callable[[Context, Span], None]], ...] = (
    # the lexicon's multiword cues ("according to X", "in the words of X") first: they claim the
    # quotes inside their content, so the direct rule does not credit them to a cue verb too.
    ("sourcing-phrase", _sourcing_phrases),
    # quotations before the clause rules: a quote claims the cue verb that credits it, and a cue
    # verb with a quote in its clause makes that clause mixed here, not indirect below.
    ("direct", _direct_quotes),
    # a paragraph that is only a quotation, once no cue or lead-in credited it: its name line's, a
    # person the paragraph before introduced, or the running speaker's. Before the clause rules,
    # which would otherwise read it as nobody's clause; after every earlier sentence, whose reports
    # decide who is speaking.
    ("quotation-paragraph", _quotation_paragraphs),
    # report nouns ("the claim that …") before cue verbs: ``Context.add`` takes a content once, so
    # the noun, which names the report's owner, keeps a content a cue verb would also reach.
    ("report-noun", _report_nouns),
    # last, every cue verb the rules above left unused (or that reports a clause of its own besides).
    ("cue-verb", _cue_verbs),
)

# The whole document, in this order:
RULES: tuple[tuple[str, Callable[[Context], None]], ...] = (
    # voices' quoted passages first, so that a content they cover is one excerpt, not a second copy.
    ("excerpts", excerpts.excerpts),
    # sentence by sentence, in reading order: an interrupted quote ("“A,” she said. “B.”") is joined
    # by the sentence of its first part and claimed before the next sentence is read.
    ("sentences", _sentences),
    # then the verbs the lexicon's rules passed over that the learned model admits as cues in their
    # context ("supports the bill", "refused to testify"): a content the rules found stays theirs.
    ("admitted-cues", admission.admitted_cues),
    # a paragraph opening with "NAME:" only where no rule above found anything in it.
    ("name-colon", _name_colons),
    # a headline's cue the tagger read as a noun ("Trump claims …"), only where nothing above read the line.
    ("headline-cue", headlines.headline_cue),
    # then the found contents are tidied: cut before "…, according to X", which needs every
    # sourcing phrase found; excerpts that a direct quotation repeats dropped, which needs them all.
    ("end-before-sourcing", indirect.end_before_sourcing),
    ("drop-redundant-excerpts", excerpts.drop_redundant_excerpts),
)


def speaker_fields(speaker: Speaker) -> dict[str, Any]:
    """A speaker as the flat ``speaker_*`` fields of an attribution record."""
    mention = speaker.mention
    return {
        "speaker_name": speaker.name,
        "speaker_mention": [mention.start, mention.end] if mention is not None else None,
        "speaker_role": speaker.role,
        "speaker_org": speaker.org,
        "speaker_type": speaker.type,
    }


def records(ctx: Context) -> list[dict[str, Any]]:
    """The candidates as plain records; speakers resolve in reading order, since "he" or "the
    spokesman" mean whoever was named before."""
    resolver = SpeakerResolver(ctx.doc, ctx.lexicon)
    found = []
    for c in sorted(ctx.candidates, key=lambda c: (c.anchor, c.content)):
        if c.subject is not None:
            speaker = resolver.resolve(c.subject, past_clock(ctx.text, c.mention or mention_of(ctx, c.subject)))
        elif c.running and resolver.history:
            speaker = resolver.history[-1]
        else:
            speaker = Speaker(c.source, None)
        if c.cue_class == "speech" and c.subject is not None:  # a voices-named excerpt or a running quote names no one new
            resolver.remember(speaker, c.subject)
        found.append(
            {
                "kind": c.kind,
                "content": list(c.content),
                "parts": [list(p) for p in c.parts],
                "cue": list(c.cue) if c.cue else None,
                **speaker_fields(speaker),
                "rule": c.rule,
                "cue_class": c.cue_class,
            }
        )
    found.sort(key=lambda r: (r["content"][0], r["content"][1]))
    return found


def find_attributions(
    doc: Doc,
    voices: list[dict[str, Any]],
    reporting_verbs: dict[str, Any],
    boilerplate: Sequence[Sequence[int]] = (),
) -> list[dict[str, Any]]:
    """Every attribution in a parsed Doc as plain records (spans are [start, end] character offsets).

    ``voices`` are the voices component's passages, ``boilerplate`` the [start, end] spans the reader
    marked as page furniture: no attribution's content may overlap one.
    """
    check_lexicon(reporting_verbs)
    ctx = Context(doc, voices, reporting_verbs, boilerplate)
    for _, rule in RULES:
        rule(ctx)
    return records(ctx)
