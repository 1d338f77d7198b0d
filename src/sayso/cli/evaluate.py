"""``sayso eval``: measure sayso against PolNeAR, the in-house gold set and the calibration data."""

from __future__ import annotations

import json
import shlex
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from sayso.evaluation import gate as gates
from sayso.evaluation import report


def _add_sections(table: Any, rows: Iterable[Sequence[str]]) -> None:
    """Rows of (section, metric, cells…), each section named on its first row only."""
    previous = None
    for section, metric, *cells in rows:
        table.add_row(section if section != previous else "", metric, *cells)
        previous = section


def _show_table(console: Any, results: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table(title="sayso quality (PolNeAR cells: F1 (precision/recall))")
    for column in ("set", "metric", "sayso", "textacy", "annotators"):
        if column in ("set", "metric"):
            table.add_column(column, justify="left")
        else:  # a cell is one figure: wrapping "0.79 (0.80/0.78)" would make it two
            table.add_column(column, justify="right", no_wrap=True, min_width=17)
    _add_sections(table, report.rows(results))
    console.print(table)
    across = Table(title="attribution across domains (F1 (precision/recall))")
    for column in ("set", "metric", "rules", "model", "hybrid"):
        across.add_column(column, justify="left" if column in ("set", "metric") else "right", no_wrap=column not in ("set", "metric"))
    _add_sections(across, report.crossdomain_rows(results))
    console.print(across)
    if results["calibration"]["violations"]:
        console.print(
            f"calibration: medians outside the readers' IQR: {', '.join(results['calibration']['violations'])}"
        )


def _short(value: Any, width: int = 160) -> str:
    """One line of JSON with long strings cut, so a miss stays readable in a terminal."""
    if isinstance(value, dict):
        value = {k: v[:width] + "…" if isinstance(v, str) and len(v) > width else v for k, v in value.items()}
    return json.dumps(value, ensure_ascii=False)


def _show_errors(console: Any, errors: list[dict[str, Any]]) -> None:
    from rich.markup import escape

    for n, error in enumerate(errors, 1):
        where = error.get("article") or error.get("id")
        console.print(f"[bold]{n}. {error['set']} · {error['error']}[/bold] ({where})")
        console.print(
            f"   expected: {escape(_short(error.get('gold', error.get('expected'))))}", highlight=False
        )
        console.print(f"   found:    {escape(_short(error.get('found')))}", highlight=False)
        context = error["context"]
        if len(context) > 480:
            context = context[:240] + " … " + context[-240:]
        console.print(f"   context:  {escape(context)}", highlight=False)


@click.command("eval")
@click.option(
    "--split",
    default="dev",
    show_default=True,
    type=click.Choice(["dev", "train"]),
    help="PolNeAR split to score (the test split is held back).",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Score only the first N PolNeAR articles."
)
@click.option(
    "--errors",
    "errors",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Print the N worst misses with context.",
)
@click.option(
    "--gate/--no-gate",
    default=False,
    show_default=True,
    help="Exit 1 when a metric falls more than 2 points below its pinned floor.",
)
@click.option("--update-floors", is_flag=True, help="Pin this run's figures as the new floors.")
@click.option("--allow-regression", is_flag=True, help="Let --update-floors lower a floor.")
@click.option(
    "--floors",
    "floors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=gates.FLOORS_PATH,
    show_default="sayso/evaluation/floors.json",
    help="The pinned floors file.",
)
@click.option(
    "--docs",
    "docs_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report page here, the plot beside it [default: docs/quality.md, none with --limit].",
)
@click.option("--no-docs", is_flag=True, help="Write no report page (CI).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def evaluate(
    split: str,
    limit: int | None,
    errors: int,
    gate: bool,
    update_floors: bool,
    allow_regression: bool,
    floors_path: Path,
    docs_path: Path | None,
    no_docs: bool,
    fmt: str,
) -> None:
    """Measure attribution, voices, assessments, dates and calibration quality, and write docs/quality.md.

    \b
    sayso eval                          full run: PolNeAR dev, gold set, calibration
    sayso eval --gate                   CI: exit 1 when a figure drops below its floor
    sayso eval --errors 20              also print the 20 worst misses
    sayso eval --update-floors          pin this run's figures (never lowers without --allow-regression)
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from sayso.cli.console import Console

    if limit is not None and (gate or update_floors):
        raise click.UsageError("--gate and --update-floors need the whole split; drop --limit")
    floors = gates.load_floors(floors_path) if gate else None
    if update_floors and floors_path.exists():
        gates.load_floors(floors_path)  # a file it cannot read is refused now, not after the whole run
    if no_docs:
        docs_path = None
    elif docs_path is None and limit is None:
        docs_path = report.DOCS_PATH
    stderr = Console(stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with (
        tempfile.TemporaryDirectory() as scratch,
        Progress(*columns, console=stderr, transient=True) as progress,
    ):
        stage = progress.add_task("starting", total=None)
        passages = progress.add_task("gold passages", total=None, visible=False)

        def step(name: str) -> None:
            progress.update(stage, description=name)

        def advance() -> None:
            progress.update(passages, visible=True, advance=1)

        docs_dir = docs_path.parent if docs_path else Path(scratch)
        result = report.run(
            split=split, limit=limit, errors=errors, docs_dir=docs_dir, step=step, advance=advance
        )
    results = result.results
    failures = gates.check(results, floors) if floors is not None else None
    if update_floors:
        pinned = gates.update_floors(results, floors_path, allow_regression=allow_regression)
        stderr.print(f"pinned {len(pinned['floors'])} floors in {floors_path}")
    command = "sayso eval " + shlex.join(sys.argv[2:]) if sys.argv[1:2] == ["eval"] else "sayso eval"
    if docs_path is not None:
        gates.write_atomic(docs_path, report.markdown(result, command.strip(), failures))
        stderr.print(f"wrote {docs_path}")
    if fmt == "json":
        click.echo(
            json.dumps(
                {"results": results, "errors": result.errors, "gate": failures}, indent=2, ensure_ascii=False
            )
        )
    else:
        console = Console()
        _show_table(console, results)
        _show_errors(console, result.errors)
    if failures:
        raise click.ClickException("regression gate failed:\n  " + "\n  ".join(failures))
