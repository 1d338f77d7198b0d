"""Excerpts: one candidate per quoted passage ``voices`` found, credited to its named source or the
speaker of its lead-in ("In a speech last July, he said:"), and dropped where nothing credits it or
where the passage reads as the author's own reporting."""

from __future__ import annotations

from sayso.attribution.context import Candidate, Context
from sayso.attribution.cues import cue_class_of, cue_span
from sayso.attribution.direct import colon_lead_in
from sayso.attribution.mentions import mention_of
from sayso.attribution.names import lead_in_name
from sayso.attribution.quotes import QUOTE_CHARS
from sayso.attribution.spans import overlap, rstrip
from sayso.attribution.subjects import passive_agent, subject_of
from sayso.voices.signatures import sign_off_start


def excerpts(ctx: Context) -> None:
    """A passage voices named a source for is that source's; otherwise its lead-in colon credits it
    the way it credits a quotation: to the subject of the sentence's cue verb ("he said:", "tweeting
    the following:") or the name it ends in ("From Bloomberg:"). A colon that names no one ("This
    year's winners are:", "Imagine that she:", "is recorded in detail:") credits nobody, and the
    passage is left to voices. Neither the cue verb nor the quotes inside are taken: the rules after
    this one still read them (the lead-in's own report, a quotation's own cue)."""
    for voice in ctx.voices:
        if voice.get("voice") != "quoted":
            continue
        start = voice["start"]
        end = voice["end"]
        signed = sign_off_start(ctx.text[start:end], voice["source"]) if voice.get("source") else None
        if signed is not None:  # "— Capital Economics" signs the excerpt off: not its words
            end = start + signed
        content = (start, rstrip(ctx.text, start, end, " \n\t"))
        if content[1] <= content[0]:
            continue
        lead = colon_lead_in(ctx, start)
        colon = lead[1] if lead is not None else None
        if voice.get("source") is not None or lead is None:
            ctx.add(Candidate("excerpt", content, colon, None, "excerpt", "speech", source=voice.get("source")))
        elif lead[0] is not None and (speaker := passive_agent(lead[0], subject_of(lead[0], ctx.lexicon))) is not None:
            verb = lead[0]
            cue, cue_class = cue_span(verb, ctx.lexicon), cue_class_of(verb, speaker, ctx.lexicon)
            ctx.add(Candidate("excerpt", content, cue, speaker, "excerpt", cue_class, mention=mention_of(ctx, speaker, verb)))
        elif (named := lead_in_name(ctx, colon[0])) is not None:
            ctx.add(Candidate("excerpt", content, colon, named[0], "excerpt", "speech", mention=named[1]))


def drop_redundant_excerpts(ctx: Context) -> None:
    """An excerpt that is one direct quotation found with its own cue adds nothing but a vaguer
    copy; one that nothing credits (no lead-in cue, no named source) is only a guess of voices, and
    so is one with no lead-in of its own that holds a speech report whose speaker it names ("At a
    rally, Clinton called them “deplorables.”"), unless it goes on a pasted block: that is the
    author reporting, as news paragraphs after a quotation do. Reports found inside a led-in
    excerpt do not make it redundant: that is the author quoting a pasted report."""
    quotes = [c.content for c in ctx.candidates if c.kind == "direct"]
    kept = []
    for c in ctx.candidates:
        if c.kind == "excerpt":
            if c.cue is None and c.source is None and c.subject is None:
                continue
            if any(overlap(c.content, q) * 2 >= c.content[1] - c.content[0] for q in quotes):
                continue
            if c.cue is None and _reports_its_own_speaker(ctx, c) and not _in_pasted_run(ctx, c.content[0]):
                continue
        kept.append(c)
    ctx.candidates = kept


def _reports_its_own_speaker(ctx: Context, excerpt: Candidate) -> bool:
    start, end = excerpt.content
    return any(
        c.kind != "excerpt" and c.cue_class == "speech" and c.subject is not None
        and start <= c.content[0] and c.content[1] <= end and start <= c.subject.idx < end
        for c in ctx.candidates
    )


def _in_pasted_run(ctx: Context, start: int) -> bool:
    """Whether the quoted passages running up to ``start`` (each following the last with nothing but
    white space between) are a pasted block: led in by a colon and opening with prose ("the EU
    warns:" and a report over paragraphs). A run that opens with a quotation in quotation marks
    ("He said:" and “…”) is a quotation, which its closing mark ends."""
    run_start, previous_end = 0, None
    for v_start, v_end in sorted((v["start"], v["end"]) for v in ctx.voices if v.get("voice") == "quoted"):
        if previous_end is None or ctx.text[previous_end:v_start].strip():
            run_start = v_start  # the author's words (or the text's start) before it: a new run
        previous_end = v_end
        if v_start <= start < v_end:
            return colon_lead_in(ctx, run_start) is not None and ctx.text[run_start] not in QUOTE_CHARS
    return False
