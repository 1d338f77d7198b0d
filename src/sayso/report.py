"""Human-readable reports of an Analysis: a coloured terminal report and a Markdown one to share.

Both read only the Analysis record, so what a person sees is exactly what the JSON says.
"""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from sayso.model import Analysis, Attribution, Probability, Speaker

QUOTE_MARKS = "“”\"‘’'"
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


def _section(title: str, count: int) -> Text:
    return Text(f"\n{title} ({count})", style="bold underline")


def _voices(analysis: Analysis) -> list[Text]:
    lines = [_section("Voices", sum(1 for p in analysis.passages if p.text.strip()))]
    for p in analysis.passages:
        if not p.text.strip():
            continue
        line = Text(f"{p.start:>6}–{p.end:<6} ", style="dim")
        if p.voice == "quoted":
            line.append(f"quoted · {p.source or 'unnamed source'}", style="bold cyan")
            line.append("  " + shorten(p.text, 70), style="cyan")
        else:
            line.append("author", style="dim")
            line.append("  " + shorten(p.text, 70))
        lines.append(line)
    return lines


def content_text(attribution: Attribution) -> str:
    """What was said: an interrupted quotation's parts joined by an ellipsis, without its cue."""
    if not attribution.parts:
        return attribution.content.text
    return " … ".join(p.text.strip().rstrip(",").strip(QUOTE_MARKS + " ") for p in attribution.parts)


def shown_attributions(analysis: Analysis, all_cues: bool) -> tuple[list[Attribution], int]:
    """The attributions a report lists, and how many it leaves out: speech only unless ``all_cues``
    ("analysts expect …" is a belief, not a quote)."""
    shown = [a for a in analysis.attributions if all_cues or a.is_speech]
    return shown, len(analysis.attributions) - len(shown)


def hidden_note(hidden: int) -> str:
    return f"{hidden} belief, evidence or perception report{'s' if hidden != 1 else ''} not shown (--all-cues lists them)"


def _attributions(analysis: Analysis, colours: dict[str, str], all_cues: bool) -> list[Text]:
    shown, hidden = shown_attributions(analysis, all_cues)
    lines = [_section("Attributions", len(shown))]
    for a in shown:
        label = speaker_label(a.speaker)
        line = Text(f"  {a.kind:<9}", style="dim")
        if not a.is_speech:
            line.append(f"[{a.cue_class}] ", style="bold yellow")
        line.append(label, style=f"bold {colours[label]}")
        if a.cue:
            line.append(f" · {a.cue.text}", style="italic")
        line.append("  “" + shorten(content_text(a).strip(QUOTE_MARKS), 64) + "”")
        lines.append(line)
    if hidden:
        lines.append(Text(f"  {hidden_note(hidden)}", style="dim"))
    return lines


def _assessments(analysis: Analysis) -> list[Text]:
    lines = [_section(f"Assessments · scale {analysis.scale}", len(analysis.assessments))]
    for a in analysis.assessments:
        line = Text("  ")
        line.append(a.phrase.text, style="bold")
        if a.negated:
            line.append(" (negated)", style="red")
        line.append(f" → {a.reading}", style="" if a.probability else "dim")
        if a.probability is not None:
            line.append(f" {percent_range(a.probability)}", style="bold yellow")
            line.append(f" (median {round(a.probability.median * 100)}%)", style="yellow")
        line.append(f" · {a.assessor or 'unknown'}", style="cyan")
        line.append(f"  {shorten(a.proposition.text if a.proposition else a.sentence.text, 70)}", style="dim")
        lines.append(line)
    if analysis.confidences:
        lines.append(_section("Confidence statements", len(analysis.confidences)))
        for c in analysis.confidences:
            lines.append(Text(f"  {c.level} confidence · {c.assessor or 'unknown'}  {shorten(c.sentence.text, 70)}"))
    return lines


def _facts(analysis: Analysis) -> list[Text]:
    lines = [_section("Entities", len(analysis.entities))]
    for e in analysis.entities:
        aliases = f" = {', '.join(e.aliases)}" if e.aliases else ""
        lines.append(Text(f"  {e.type:<14}{e.name}{aliases} ×{len(e.mentions)}"))
    lines.append(_section("Dates", len(analysis.dates)))
    for d in analysis.dates:
        flags = ", relative" if d.relative else ""
        flags += ", ambiguous" if d.ambiguous else ""
        lines.append(Text(f"  “{d.text}” → {d.value or 'unresolved'} ({d.granularity}{flags})"))
    lines.append(_section("Citations", len(analysis.citations)))
    lines += [Text(f"  {c.text}  {shorten(c.sentence.text, 80)}") for c in analysis.citations]
    lines.append(_section("Boilerplate, excluded", len(analysis.boilerplate)))
    lines += [Text(f"  {shorten(b.text)}", style="dim") for b in analysis.boilerplate]
    return lines


def render_text(analysis: Analysis, console: Console, all_cues: bool = False) -> None:
    """Print the terminal report: voices, speakers in colour, probabilities as ranges; speech
    attributions only unless ``all_cues`` (then beliefs, evidence and perceptions are labelled)."""
    colours = _speaker_colours(analysis)
    console.print(Panel(_header(analysis), title="sayso", border_style="blue"))
    for line in [*_voices(analysis), *_attributions(analysis, colours, all_cues), *_assessments(analysis), *_facts(analysis)]:
        console.print(line, overflow="fold")


def _md_cell(text: str) -> str:
    return shorten(text, 120).replace("|", "\\|")


def render_markdown(analysis: Analysis, all_cues: bool = False) -> str:
    """A Markdown report to paste into an issue, a wiki or an email (speech attributions only
    unless ``all_cues``; then a belief, evidence or perception report says so in its kind)."""
    lines = [f"# {analysis.title or 'Untitled article'}", ""]
    lines.append(f"Published: {analysis.published or 'unknown'}" + (f" (from {analysis.published_source})" if analysis.published_source else ""))
    lines.append(f"Probability scale: {analysis.scale}")
    lines += [f"> warning: {w}" for w in analysis.warnings]
    lines += ["", "## Voices", "", "| chars | voice | source | passage |", "|---|---|---|---|"]
    for p in analysis.passages:
        if p.text.strip():
            lines.append(f"| {p.start}–{p.end} | {p.voice} | {p.source or ''} | {_md_cell(p.text)} |")
    shown, hidden = shown_attributions(analysis, all_cues)
    lines += ["", "## Attributions", "", "| kind | speaker | cue | content |", "|---|---|---|---|"]
    for a in shown:
        cue = a.cue.text if a.cue else ""
        kind = a.kind if a.is_speech else f"{a.kind} ({a.cue_class})"
        lines.append(f"| {kind} | {_md_cell(speaker_label(a.speaker))} | {_md_cell(cue)} | {_md_cell(content_text(a))} |")
    if hidden:
        lines += ["", f"_{hidden_note(hidden)}_"]
    lines += ["", "## Assessments", "", "| phrase | band | probability | assessor | proposition |", "|---|---|---|---|---|"]
    for a in analysis.assessments:
        phrase = a.phrase.text + (" (negated)" if a.negated else "")
        proposition = a.proposition.text if a.proposition else a.sentence.text
        number = f"{percent_range(a.probability)} (median {round(a.probability.median * 100)}%)" if a.probability else "—"
        lines.append(
            f"| {_md_cell(phrase)} | {a.reading} | {number} "
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
