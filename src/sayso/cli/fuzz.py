"""``sayso fuzz``: a fuzz campaign over analyze(), reporting cases run and failures found."""

from __future__ import annotations

import click


@click.command()
@click.option("--cases", type=int, default=200, show_default=True, help="Generated inputs to try (half text, half HTML).")
@click.option("--long", "long_run", is_flag=True, help="A long campaign: 100,000 cases.")
@click.option("--seed", type=int, default=None, help="Derandomise generation for a reproducible run.")
def fuzz(cases: int, long_run: bool, seed: int | None) -> None:
    """Throw random Unicode, unbalanced quotes, zero-width and RTL text, deep and malformed HTML at
    sayso and check every invariant (offsets, tiling, probability order). Exit 1 on any failure."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from sayso.fuzzing import run_campaign

    total = 100_000 if long_run else cases
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()) as bar:
        task = bar.add_task("fuzzing", total=total)
        result = run_campaign(total, seed=seed, on_case=lambda: bar.advance(task))
    click.echo(f"fuzz: {result.cases} cases in {result.seconds:.0f} s, {result.refused} refused, {len(result.failures)} failures")
    for failure in result.failures[:10]:
        click.echo(failure, err=True)
    if result.failures:
        raise SystemExit(1)
