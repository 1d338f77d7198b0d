"""``sayso bench``: throughput and memory figures, reproducible with one command."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sayso.benchmark import DEFAULT_CORPUS


@click.group(invoke_without_command=True)
@click.option("--corpus", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True,
              help="PolNeAR JSON Lines file whose paragraphs are the benchmark corpus.")
@click.option("--split", default="dev", show_default=True, help="PolNeAR compartment to read.")
@click.option("--limit", type=int, default=None, help="Use only the first N paragraphs.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def bench(ctx: click.Context, corpus: Path, split: str, limit: int | None, as_json: bool) -> None:
    """Time the bare spaCy pipeline and full sayso analysis over the same paragraphs.

    Prints words/sec for both, their ratio (goal: >= 0.75) and peak RSS (goal: <= 600 MB).
    `sayso bench ingest` measures the corpus store instead.
    """
    if ctx.invoked_subcommand is not None:
        return
    from sayso.benchmark import benchmark_analyze, polnear_paragraphs

    result = benchmark_analyze(polnear_paragraphs(corpus, split, limit))
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
        return
    click.echo(f"{result.paragraphs} paragraphs, {result.words:,} words (PolNeAR {split})")
    for run in (result.bare, result.sayso):
        click.echo(f"  {run.name:<34} {run.words_per_second:>9,.0f} words/sec  ({run.seconds:.1f} s)")
    click.echo(f"  ratio sayso/bare: {result.ratio:.2f}   peak RSS: {result.peak_rss_mb:.0f} MB")
