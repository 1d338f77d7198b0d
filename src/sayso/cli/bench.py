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
@click.option("--articles", is_flag=True,
              help="Whole articles: sayso.analyze_many against bare nlp.pipe, each in its own process.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def bench(ctx: click.Context, corpus: Path, split: str, limit: int | None, articles: bool, as_json: bool) -> None:
    """Time the bare spaCy pipeline and full sayso analysis over the same paragraphs.

    Prints words/sec for both, their ratio (goal: >= 0.75) and peak RSS (goal: <= 600 MB).
    `--articles` times whole articles through the batch API instead, each side's peak RSS measured
    in a process of its own. `sayso bench ingest` measures the corpus store.
    """
    if ctx.invoked_subcommand is not None:
        return
    if articles:
        from sayso.benchmark import benchmark_articles

        figures = benchmark_articles(corpus, split, limit)
        if as_json:
            click.echo(json.dumps(figures, indent=2))
            return
        click.echo(f"{figures['sayso']['articles']} articles, {figures['sayso']['words']:,} words (PolNeAR {split})")
        for side, name in (("bare", "spaCy nlp.pipe"), ("sayso", "sayso.analyze_many")):
            run = figures[side]
            click.echo(f"  {name:<20} {run['words_per_second']:>9,.0f} words/sec  ({run['seconds']:.1f} s,"
                       f" {run['cpu_seconds']:.1f} s CPU)  peak RSS {run['peak_rss_mb']:.0f} MB")
        click.echo(f"  ratio sayso/bare: {figures['ratio']:.2f}   in CPU time: {figures['cpu_ratio']:.2f}")
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


@bench.command("ingest")
@click.option("--workers", "workers", type=int, multiple=True, default=(1, 2), show_default=True,
              help="Worker counts to compare (repeat the option).")
@click.option("--sizes", type=str, default="100,1000", show_default=True,
              help="Comma-separated corpus sizes for the growth runs (one worker).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def bench_ingest(ctx: click.Context, workers: tuple[int, ...], sizes: str, as_json: bool) -> None:
    """Documents/sec of `sayso ingest` for 1 and 2 workers, store overhead, and growth with size.

    Goals: store + index time <= 15% of analysis time; 2 workers >= 1.7x one; time linear in size.
    """
    import tempfile

    from sayso.benchmark import benchmark_ingest, polnear_articles

    counts = tuple(int(n) for n in sizes.split(",") if n.strip())
    texts = polnear_articles(ctx.parent.params["corpus"], max(counts))
    with tempfile.TemporaryDirectory(prefix="sayso-bench-") as workdir:
        result = benchmark_ingest(texts, workers, counts, Path(workdir))
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    for run in result["by_workers"]:
        click.echo(
            f"{run['workers']} worker(s): {run['stored']} docs in {run['seconds']:.1f} s = {run['docs_per_sec']:.2f} docs/sec, "
            f"{run['words_per_sec']:,.0f} words/sec, store overhead {run['overhead_ratio']:.1%} of analysis"
        )
    for run in result["growth"]:
        per_doc = run["seconds"] / max(run["stored"], 1)
        click.echo(f"{run['documents']:>5} docs: {run['seconds']:.1f} s ({per_doc * 1000:.0f} ms/doc)")
    click.echo(f"peak RSS {result['peak_rss_mb']:.0f} MB")


@bench.command("memory")
@click.option("--mode", type=click.Choice(["ingest", "serve"]), default="ingest", show_default=True,
              help="ingest: `sayso ingest` into a fresh store; serve: the web reader's POST /api/analyze.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Ingest processes.")
@click.option("--documents", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Generated short articles to process, each with new words.")
@click.option("--every", type=click.IntRange(min=1), default=1000, show_default=True, help="Sample RSS this often.")
@click.option("--json", "as_json", is_flag=True, help="Print the samples as JSON.")
def bench_memory(mode: str, workers: int, documents: int, every: int, as_json: bool) -> None:
    """RSS against documents processed over a long run (goal: after 10,000 documents within 10% of
    after 1,000)."""
    import tempfile

    from sayso.benchmark import benchmark_memory

    with tempfile.TemporaryDirectory(prefix="sayso-bench-") as workdir:
        samples = benchmark_memory(mode, documents, every, workers, Path(workdir))
    if as_json:
        click.echo(json.dumps(samples, indent=2))
        return
    click.echo(f"{mode}, {workers} worker(s): documents  RSS MB  workers' RSS MB")
    for s in samples:
        click.echo(f"{s['documents']:>28,}  {s['rss_mb']:>6,.0f}  {s['workers_rss_mb']:>15,.0f}")
    first, last = samples[0], samples[-1]
    if last["documents"] > first["documents"]:
        growth = last["rss_mb"] / first["rss_mb"] - 1
        click.echo(f"growth from {first['documents']:,} to {last['documents']:,} documents: {growth:+.1%}")
