"""``sayso fuzz``: a fuzz campaign over analyze(), reporting cases run and failures found."""

from __future__ import annotations

import time

import click

from sayso.cli.interrupt import Interrupted, deferred_interrupts, leave

ROUND = 1000  # cases per Hypothesis run: each round starts afresh, so a long campaign's memory stays flat


@click.command()
@click.option("--cases", type=click.IntRange(min=1), default=200, show_default=True,
              help="Generated inputs to try (half text, half HTML).")
@click.option("--long", "long_run", is_flag=True, help="A long campaign: 100,000 cases.")
@click.option("--seed", type=int, default=None, help="Derandomise generation for a reproducible run.")
def fuzz(cases: int, long_run: bool, seed: int | None) -> None:
    """Throw random Unicode, unbalanced quotes, zero-width and RTL text, deep and malformed HTML at
    sayso and check every invariant (offsets, tiling, probability order). Exit 1 on any failure.

    Ctrl-C stops the campaign and reports the cases run so far."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from sayso.benchmark import peak_rss_mb
    from sayso.cli.console import Console
    from sayso.fuzzing import run_campaign

    total = 100_000 if long_run else cases
    started = time.perf_counter()
    ran, refused, failures = 0, 0, []
    signalled: list[int] = []
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=Console()) as bar, deferred_interrupts(signalled):
        task = bar.add_task("fuzzing", total=total)
        # Said once the campaign can be interrupted cleanly, so a caller knows when Ctrl-C is safe.
        bar.console.print(f"fuzzing {total:,} cases; Ctrl-C stops and reports")

        def next_case() -> None:
            # A signal is acted on here, between two cases, never inside Hypothesis: it records any
            # exception raised in its engine as a failing example and replays it (seconds late, or
            # exit 1 with a "flaky" report), so the campaign raises nothing through it.
            if signalled:
                interruption = Interrupted(signalled[0])
                interruption.message = (
                    f"fuzz interrupted after {int(bar.tasks[0].completed)} cases in "
                    f"{time.perf_counter() - started:.0f} s, {refused} refused, {len(failures)} failures in the "
                    f"completed rounds, peak RSS {peak_rss_mb():.0f} MB")
                bar.stop()
                leave(interruption)
            bar.advance(task)

        for first in range(0, total, ROUND):
            size = min(ROUND, total - first)
            result = run_campaign(size, seed=None if seed is None else seed + first, on_case=next_case)
            ran += result.cases
            refused += result.refused
            failures += result.failures
    click.echo(f"fuzz: {ran} cases in {time.perf_counter() - started:.0f} s, {refused} refused, {len(failures)} failures, "
               f"peak RSS {peak_rss_mb():.0f} MB")
    for failure in failures[:10]:
        click.echo(failure, err=True)
    if failures:
        raise SystemExit(1)
