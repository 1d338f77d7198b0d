"""``sayso analyze``: one article in, every voice, attribution and assessment out."""

from __future__ import annotations

import click

from sayso.calibration import SCALES


@click.command()
@click.argument("source", metavar="PATH|-|URL")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date; overrides HTML metadata and datelines. Dates in the text resolve against it.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True,
              help="text: coloured terminal report; markdown: a report to share; json: machine output (schema sayso/1).")
@click.option("--scale", type=click.Choice(SCALES), default="icd203", show_default=True,
              help="Probability scale for estimative phrases: ICD 203, UK PHIA, NATO, or readers' survey quartiles.")
@click.option("--input", "input_format", type=click.Choice(["auto", "text", "html", "markdown"]),
              default="auto", show_default=True,
              help="How to read the input: auto sniffs it (a *.md file is Markdown); "
              "markdown reads '>' block quotes as excerpts.")
@click.option("--attribution", "attribution_mode", type=click.Choice(["rules", "model", "hybrid"]), default=None,
              help="How attributions are found: hand-written rules, the trained tagger, or both (default: the best measured, docs/models.md).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Refuse inputs larger than this many bytes (default: the reading limit).")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds to wait for a URL.")
@click.option("--allow-private", is_flag=True,
              help="Let a URL reach loopback and private-network addresses (refused by default).")
@click.option("--all-cues", is_flag=True,
              help="Text and Markdown reports: also list beliefs, evidence and perceptions, labelled (default: speech only; JSON has all).")
def analyze(
    source: str,
    published: str | None,
    fmt: str,
    scale: str,
    input_format: str,
    attribution_mode: str | None,
    max_bytes: int | None,
    timeout: float,
    allow_private: bool,
    all_cues: bool,
) -> None:
    """Analyse one article: a file, '-' for stdin, or an http(s) URL; plain text, Markdown or HTML.

    \b
    Examples:
      sayso analyze article.txt --published 2022-10-11
      curl -s https://example.org/story | sayso analyze - --format json
      sayso analyze page.html --scale phia --format markdown > report.md
      cat post.md | sayso analyze - --input markdown

    Every span in the JSON output carries start/end character offsets into its "text" field.
    """
    from sayso.cli.console import Console
    from sayso.pipeline import DEFAULT_ATTRIBUTION, analyze_document
    from sayso.reading import read_source
    from sayso.report import render_markdown, render_text

    options = {
        "published": published,
        "timeout": timeout,
        "allow_private": allow_private,
        "input_format": None if input_format == "auto" else input_format,
    }
    if max_bytes is not None:
        options["max_bytes"] = max_bytes
    analysis = analyze_document(
        read_source(source, **options), scale=scale, attribution_mode=attribution_mode or DEFAULT_ATTRIBUTION
    )
    for warning in analysis.warnings:
        click.echo(f"sayso: warning: {warning}", err=True)
    if fmt == "json":
        click.echo(analysis.to_json())
    elif fmt == "markdown":
        click.echo(render_markdown(analysis, all_cues=all_cues), nl=False)
    else:
        render_text(analysis, Console(), all_cues=all_cues)
