"""Human-readable reports of an Analysis: a coloured terminal report and a Markdown one to share.

Both read only the Analysis record, so what a person sees is exactly what the JSON says.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from sayso.model import Analysis, Probability, Speaker

SPEAKER_COLOURS = ("cyan", "magenta", "green", "yellow", "bright_blue", "bright_red", "bright_green", "orange3")


def percent_range(p: Probability) -> str:
    """"20–45%": the form a reader takes in at a glance."""
    low, high = round(p.low * 100), round(p.high * 100)
    return f"{low}%" if low == high else f"{low}–{high}%"


def speaker_label(speaker: Speaker) -> str:
    name = speaker.name or (speaker.mention.text if speaker.mention else None) or "unknown"
    extras = [x for x in (speaker.role, speaker.org) if x and x not in name]
    return f"{name} ({', '.join(extras)})" if extras else name


def shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _speaker_colours(analysis: Analysis) -> dict[str, str]:
    names: list[str] = []
    for a in analysis.attributions:
        label = speaker_label(a.speaker)
        if label not in names:
            names.append(label)
    return {name: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, name in enumerate(names)}


def _header(analysis: Analysis) -> Text:
    header = Text()
    header.append(analysis.title or "Untitled article", style="bold")
    published = analysis.published or "unknown"
    source = f" (from {analysis.published_source})" if analysis.published_source else ""
    header.append(f"\npublished {published}{source} · scale {analysis.scale} · {len(analysis.text):,} characters")
    for warning in analysis.warnings:
        header.append(f"\nwarning: {warning}", style="yellow")
    return header


def _voices(analysis: Analysis) -> Table:
    table = Table(title="Voices", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("chars", justify="right", no_wrap=True)
    table.add_column("voice", no_wrap=True)
    table.add_column("passage")
    for p in analysis.passages:
        if not p.text.strip():
            continue
        voice = Text("author", style="dim") if p.voice == "author" else Text(f"quoted · {p.source or '?'}", style="bold cyan")
        table.add_row(f"{p.start}–{p.end}", voice, Text(shorten(p.text), style="cyan" if p.voice == "quoted" else ""))
    return table


def _attributions(analysis: Analysis, colours: dict[str, str]) -> Table:
    table = Table(title="Attributions", box=box.SIMPLE_HEAD, expand=True)
    for column in ("kind", "speaker", "cue", "content"):
        table.add_column(column, no_wrap=column == "kind")
    for a in analysis.attributions:
        label = speaker_label(a.speaker)
        table.add_row(
            a.kind,
            Text(label, style=f"bold {colours[label]}"),
            a.cue.text if a.cue else "",
            shorten(a.content.text, 80),
        )
    return table


def _assessments(analysis: Analysis) -> Table:
    table = Table(title=f"Assessments (scale {analysis.scale})", box=box.SIMPLE_HEAD, expand=True)
    for column in ("phrase", "band", "probability", "assessor", "proposition"):
        table.add_column(column, no_wrap=column in ("band", "probability"))
    for a in analysis.assessments:
        phrase = Text(a.phrase.text, style="bold")
        if a.negated:
            phrase.append(" (negated)", style="red")
        table.add_row(
            phrase,
            a.band,
            Text(f"{percent_range(a.probability)} · median {round(a.probability.median * 100)}%", style="bold yellow"),
            a.assessor or "unknown",
            shorten(a.proposition.text if a.proposition else a.sentence.text, 70),
        )
    for c in analysis.confidences:
        table.add_row(Text(c.phrase.text, style="bold"), "confidence", c.level, c.assessor or "unknown", shorten(c.sentence.text, 70))
    return table


def _facts(analysis: Analysis) -> Table:
    table = Table(title="Entities, dates, citations, boilerplate", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("what", no_wrap=True)
    table.add_column("details")
    for e in analysis.entities:
        aliases = f" = {', '.join(e.aliases)}" if e.aliases else ""
        table.add_row(e.type, f"{e.name}{aliases} ×{len(e.mentions)}")
    for d in analysis.dates:
        flags = "relative" if d.relative else ""
        flags += " ambiguous" if d.ambiguous else ""
        table.add_row("date", f"“{d.text}” → {d.value or 'unresolved'} ({d.granularity}) {flags}".rstrip())
    for c in analysis.citations:
        table.add_row(f"citation {c.text}", shorten(c.sentence.text, 90))
    for b in analysis.boilerplate:
        table.add_row("boilerplate", Text(shorten(b.text), style="dim"))
    return table


def render_text(analysis: Analysis, console: Console) -> None:
    """Print the terminal report: voices, speakers in colour, probabilities as ranges."""
    colours = _speaker_colours(analysis)
    console.print(Panel(_header(analysis), title="sayso", border_style="blue"))
    console.print(Group(_voices(analysis), _attributions(analysis, colours), _assessments(analysis), _facts(analysis)))


def _md_cell(text: str) -> str:
    return shorten(text, 120).replace("|", "\\|")


def render_markdown(analysis: Analysis) -> str:
    """A Markdown report to paste into an issue, a wiki or an email."""
    lines = [f"# {analysis.title or 'Untitled article'}", ""]
    lines.append(f"Published: {analysis.published or 'unknown'}" + (f" (from {analysis.published_source})" if analysis.published_source else ""))
    lines.append(f"Probability scale: {analysis.scale}")
    lines += [f"> warning: {w}" for w in analysis.warnings]
    lines += ["", "## Voices", "", "| chars | voice | source | passage |", "|---|---|---|---|"]
    for p in analysis.passages:
        if p.text.strip():
            lines.append(f"| {p.start}–{p.end} | {p.voice} | {p.source or ''} | {_md_cell(p.text)} |")
    lines += ["", "## Attributions", "", "| kind | speaker | cue | content |", "|---|---|---|---|"]
    for a in analysis.attributions:
        cue = a.cue.text if a.cue else ""
        lines.append(f"| {a.kind} | {_md_cell(speaker_label(a.speaker))} | {_md_cell(cue)} | {_md_cell(a.content.text)} |")
    lines += ["", "## Assessments", "", "| phrase | band | probability | assessor | proposition |", "|---|---|---|---|---|"]
    for a in analysis.assessments:
        phrase = a.phrase.text + (" (negated)" if a.negated else "")
        proposition = a.proposition.text if a.proposition else a.sentence.text
        lines.append(
            f"| {_md_cell(phrase)} | {a.band} | {percent_range(a.probability)} (median {round(a.probability.median * 100)}%) "
            f"| {_md_cell(a.assessor or 'unknown')} | {_md_cell(proposition)} |"
        )
    if analysis.confidences:
        lines += ["", "### Confidence statements", ""]
        lines += [f"- {c.level} confidence ({c.assessor or 'unknown'}): {_md_cell(c.sentence.text)}" for c in analysis.confidences]
    lines += ["", "## Entities", ""]
    lines += [f"- **{e.name}** ({e.type}, {len(e.mentions)} mentions)" + (f": also {', '.join(e.aliases)}" if e.aliases else "") for e in analysis.entities]
    lines += ["", "## Dates", ""]
    lines += [f"- “{d.text}” → {d.value or 'unresolved'} ({d.granularity}{', relative' if d.relative else ''}{', ambiguous' if d.ambiguous else ''})" for d in analysis.dates]
    if analysis.citations:
        lines += ["", "## Citations", ""]
        lines += [f"- {c.text}: {_md_cell(c.sentence.text)}" for c in analysis.citations]
    if analysis.boilerplate:
        lines += ["", "## Boilerplate (excluded)", ""]
        lines += [f"- {_md_cell(b.text)}" for b in analysis.boilerplate]
    return "\n".join(lines) + "\n"
