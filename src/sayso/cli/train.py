"""``sayso train <part>``: rebuild one shipped model from the training data and print its dev figures."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sayso import training


@click.command(
    epilog="Parts: "
    + (", ".join(sorted(training.PARTS)) or "none")
    + ". Training reads only the part's train split; dev sets are scored, never fitted. Train"
    " cue-admission before attribution: the hybrid tagger reads the rules, admitted cues included."
)
@click.argument("part")
@click.option(
    "--data",
    "data",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder holding polnear/, gum/, blog-voices/, wep/ … (default ../shared/data or $SAYSO_DATA).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Where to write the weights (default: the installed package's models/ folder).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the dev figures as JSON.")
def train(part: str, data: Path | None, out: Path | None, as_json: bool) -> None:
    """Train PART from the training data, write its weights, and print its dev figures.

    \b
    Example:
      sayso train voices                 # rebuild src/sayso/models/voices.* and score dev
      sayso train attribution --out /tmp/m
    """
    fit = training.trainer(part)
    out_dir = out or training.MODELS_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    figures = fit(training.data_dir(data), out_dir)
    if as_json:
        click.echo(json.dumps(figures, indent=2, sort_keys=True))
        return
    for key, value in figures.items():
        click.echo(f"{key}: {value}")
