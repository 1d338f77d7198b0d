"""Excerpts: one candidate per quoted passage ``voices`` found, credited to its named source or a
lead-in colon, and dropped where a direct quotation says the same with its own cue."""

from __future__ import annotations

from sayso.attribution.context import Candidate, Context
from sayso.attribution.spans import overlap, rstrip


def excerpts(ctx: Context) -> None:
    for voice in ctx.voices:
        if voice.get("voice") != "quoted":
            continue
        start = voice["start"]
        end = rstrip(ctx.text, start, voice["end"], " \n\t")
        before = rstrip(ctx.text, 0, start, " \n\t")
        cue = (before - 1, before) if before > 0 and ctx.text[before - 1] == ":" else None
        ctx.add(Candidate("excerpt", (start, end), cue, None, "excerpt", "speech", source=voice.get("source")))


def drop_redundant_excerpts(ctx: Context) -> None:
    """An excerpt that is one direct quotation found with its own cue adds nothing but a vaguer
    copy; one that nothing credits (no lead-in cue, no named source) is only a guess of voices.
    Reports found inside an excerpt do not make it redundant: the excerpt is the author quoting."""
    quotes = [c.content for c in ctx.candidates if c.kind == "direct"]
    kept = []
    for c in ctx.candidates:
        if c.kind == "excerpt":
            if c.cue is None and c.source is None:
                continue
            if any(overlap(c.content, q) * 2 >= c.content[1] - c.content[0] for q in quotes):
                continue
        kept.append(c)
    ctx.candidates = kept
