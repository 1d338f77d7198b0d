"""``sayso ingest / search / speakers / timeline / export``: the corpus commands.

Each command parses options, makes one library call in ``sayso.store`` and formats the rows.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from sayso.calibration import SCALES
from sayso.cli.interrupt import Interrupted, interruptible
from sayso.cli.messages import for_command_line
from sayso.errors import InputError

DB_HELP = "SQLite file, or a postgresql://user@host/db URL."
FORMATS = ("table", "json", "csv")
WIDE = ("text", "topic", "in", "carried_by", "reading")  # columns that wrap in tables; the rest stay on one line


class RunFailed(click.ClickException):
    """Some (exit 1) or nearly all (exit 2) documents failed; the summary says which."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def db_option(function: Callable) -> Callable:
    return click.option("--db", default="sayso.db", show_default=True, help=DB_HELP)(function)


def format_option(function: Callable) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table for people; json or csv for programs.")(function)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, dict):  # counts by name: "speech 3; belief 1"
        return "; ".join(f"{k} {_cell(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_cell(v) if not isinstance(v, dict) else str(v.get("title") or v.get("url")) for v in value)
    return str(value)


def emit(rows: list[dict[str, Any]], columns: list[str], fmt: str, title: str) -> None:
    """Print ``rows``: a rich table (only ``columns``), JSON (every field) or CSV (``columns``)."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: _cell(row.get(c)) for c in columns} for row in rows)
    else:
        from rich.table import Table

        from sayso.cli.console import Console

        table = Table(title=f"{title} ({len(rows)})", show_lines=False)
        for name in columns:
            if name in WIDE:
                table.add_column(name, overflow="fold", ratio=3, min_width=20)
            else:
                table.add_column(name, overflow="ellipsis", no_wrap=True, max_width=24)
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        console = Console()
        if not console.is_terminal:  # piped or captured: do not squeeze rows into 80 columns
            console = Console(width=180)
        console.print(table)


def _open(db: str):  # -> Store
    """The existing store at ``db``; the corpus commands other than ingest never create one."""
    from sayso.store.database import open_store

    return open_store(db, create=False)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Local analysis processes (nlp.pipe n_process).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="Analyse on this Dask cluster instead; this process stores the results.")
@click.option("--published", metavar="YYYY-MM-DD", default=None, help="Publication date for inputs that carry none.")
@click.option("--author", default=None, help="Author of inputs whose JSON Lines record names none (wins over HTML metadata).")
@click.option("--publisher", default=None, help="Publisher (outlet) of inputs whose JSON Lines record names none (wins over HTML metadata).")
@click.option("--scale", type=click.Choice(SCALES), default="icd203", show_default=True, help="Probability scale.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse articles larger than this many bytes (default: the reading limit).")
@click.option("--quiet", is_flag=True, help="No progress bar; failures and the summary only.")
@click.option("--verbose", is_flag=True, help="Also one line per skipped input (already stored, not an article).")
def ingest(paths: tuple[str, ...], db: str, workers: int, scheduler: str | None, published: str | None,
           author: str | None, publisher: str | None, scale: str, max_bytes: int | None, quiet: bool,
           verbose: bool) -> None:
    """Store articles: .txt/.md/.html files, folders (recursively), JSON Lines, WARC archives.

    \b
    JSON Lines: one article per line with "text" or "html", optional "url", "title", "published",
    "author", "publisher" (or "source", "outlet"), "id"; every field is kept. A .txt file's first
    line is its title and a YYYY-MM-DD in its file name its date.
    Re-running skips what is stored (by content hash); a killed run resumes where it stopped.
    Exit status: 0 all stored or skipped, 1 some failed, 2 (nearly) all failed.

    \b
    Examples:
      sayso ingest articles/ --db corpus.db --workers 2
      sayso ingest crawl.warc.gz --db postgresql://me@localhost/news
      sayso ingest feed.jsonl --scheduler tcp://10.0.0.5:8786
    """
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from sayso.cli.console import Console
    from sayso.store.ingest import Outcome
    from sayso.store.ingest import ingest as run_ingest
    from sayso.store.sources import Origin, expand

    urls = [p for p in paths if "://" in p]
    if urls:
        raise InputError(f"ingest takes files, folders, JSON Lines and WARC archives, not URLs ({urls[0]}); "
                         "analyse a page with: sayso analyze URL, or save pages to a WARC file and ingest that")
    console = Console(stderr=True, soft_wrap=True)  # a message is one line, whatever the width
    if published and len(expand(paths)) > 1:
        console.print(f"[yellow]warning[/yellow] --published {published} is the date of every one of these "
                      "files that carries none (a YYYY-MM-DD in a file name wins)", highlight=False)
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} words/s"), TimeRemainingColumn(),
        console=console, disable=quiet or not console.is_terminal, transient=False,
    )
    task = progress.add_task("ingest", total=None, rate="-")
    started = time.perf_counter()
    words, done, expected = 0, 0, None

    def on_total(total: int | None) -> None:
        nonlocal expected
        expected = total
        progress.update(task, total=total)

    def on_outcome(outcome: Outcome) -> None:
        nonlocal words, done
        words += outcome.words
        done += 1
        rate = words / max(time.perf_counter() - started, 1e-6)
        progress.update(task, advance=1, rate=f"{rate:,.0f}")
        if outcome.status == "failed":
            console.print(f"[red]failed[/red]  {escape(outcome.name)}: {escape(for_command_line(outcome.message))}",
                          highlight=False)
        elif outcome.status == "skipped" and verbose:
            console.print(f"[yellow]skipped[/yellow] {escape(outcome.name)}: {escape(outcome.message)}", highlight=False)

    try:
        with interruptible(), progress:
            report = run_ingest(paths, db=db, workers=workers, scheduler=scheduler, published=published,
                                origin=Origin(author, publisher), scale=scale, on_outcome=on_outcome,
                                on_total=on_total, **({} if max_bytes is None else {"max_bytes": max_bytes}))
    except Interrupted as interruption:
        of = "" if expected is None else f" of {expected}"
        interruption.message = f"interrupted after {done}{of} documents; re-run to resume"
        raise
    seconds = max(report.seconds, 1e-6)
    console.print(
        f"stored {report.stored}, skipped {report.skipped}, failed {report.failed} in {report.seconds:.1f} s "
        f"({report.stored / seconds:.2f} docs/s, {report.words / seconds:,.0f} words/s)",
        highlight=False,
    )
    if report.exit_code:
        raise RunFailed(f"{report.failed} of {report.stored + report.failed} documents failed", report.exit_code)


@click.command()
@click.argument("query")
@db_option
@click.option("--speaker", help="Speaker or assessor name contains this (case-insensitive).")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before.")
@click.option("--voice", type=click.Choice(["quoted", "author"]), help="Quoted speech or the author's own voice.")
@click.option("--band", help="Only assessments in this band (e.g. likely, 'roughly even chance').")
@click.option("--carriers", is_flag=True, help="List every document carrying each origin (default: count them).")
@click.option("--all-cues", is_flag=True,
              help="Also list beliefs ('X expects …'), evidence ('the poll shows …') and perceptions ('witnesses saw …'), labelled (default: speech only).")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@format_option
def search(query: str, db: str, speaker: str | None, since: str | None, until: str | None, voice: str | None,
           band: str | None, carriers: bool, all_cues: bool, limit: int, fmt: str) -> None:
    """Quotes and assessments whose text contains all the words of QUERY.

    \b
    Examples:
      sayso search "attack from the north" --since 2022-10-01 --voice quoted
      sayso search "ceasefire" --speaker "foreign ministry" --format csv > hits.csv

    Reprints count once: one row per independent origin, with the number of carriers.
    """
    from sayso.store.query import search as run_search

    rows = run_search(_open(db), query, speaker=speaker, since=since, until=until, voice=voice, band=band,
                      carriers=carriers, limit=limit, all_cues=all_cues)
    # people read what an assessment is ("possible (modal, no band)"); programs get band and category
    shown = ["reading"] if fmt == "table" else ["band", "category"]
    labelled = ["cue_class"] if all_cues else []  # a belief, evidence or perception row says so; speech only needs no label
    columns = ["published", "kind", "speaker", "text", "cue", *labelled, *shown, "low", "median", "high", "carriers",
               "title"]
    emit(rows, columns + (["carried_by"] if carriers else []), fmt, f"search {query!r}")


@click.command()
@db_option
@click.option("--org", help="Organisation contains this (case-insensitive).")
@click.option("--all-cues", is_flag=True,
              help="Also count beliefs ('X expects …'), evidence and perceptions, with a count per class (default: speech only).")
@click.option("--limit", type=click.IntRange(min=1), default=None)
@format_option
def speakers(db: str, org: str | None, all_cues: bool, limit: int | None, fmt: str) -> None:
    """Who is quoted how often (independent origins, then all carriers), with what cues, in which documents."""
    from sayso.store.query import speakers as run_speakers

    rows = run_speakers(_open(db), org=org, limit=limit, all_cues=all_cues)
    labelled = ["cue_classes"] if all_cues else []  # how many of the counts are speech, belief, …
    emit(rows, ["id", "speaker", "org", "role", "origins", "quotes", *labelled, "documents", "aliases", "cues", "in"],
         fmt, "speakers")


@click.command()
@click.argument("topic")
@db_option
@click.option("--assessor", help="Only this assessor (name contains, case-insensitive).")
@click.option("--carriers", is_flag=True, help="List every document carrying each assessment.")
@click.option("--plot", "plot", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw probability range against date to this PNG, one colour per source.")
@format_option
def timeline(topic: str, db: str, assessor: str | None, carriers: bool, plot: Path | None, fmt: str) -> None:
    """Assessments matching TOPIC, per source, by date; a later one on the same question is a change.

    \b
    Example:
      sayso timeline "attack from the north" --plot north.png
    """
    from sayso.store.query import plot_timeline
    from sayso.store.query import timeline as run_timeline

    rows = run_timeline(_open(db), topic, assessor=assessor, carriers=carriers)
    emit(rows, ["published", "source", "phrase", "band", "low", "median", "high", "status", "change", "carriers",
                "topic"], fmt, f"timeline {topic!r}")
    if plot is not None:
        drawn = plot_timeline(rows, str(plot), title=topic)
        click.echo(f"plotted {drawn} assessments to {plot}", err=True)


@click.command()
@click.argument("table")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet", "csv"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
def export(table: str, db: str, fmt: str, out: Path) -> None:
    """Write a whole TABLE (documents, passages, speakers, attributions, assessments, entities, mentions,
    dates, questions, question_links, question_resolutions) as JSON Lines, Parquet or CSV."""
    from sayso.store.export import export_table

    count = export_table(_open(db), table, fmt, out)
    click.echo(f"wrote {count} {table} rows to {out}", err=True)
