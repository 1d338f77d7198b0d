"""``sayso serve``: the web reader over a corpus store, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

OPTIONS_VARIABLE = "SAYSO_SERVE_OPTIONS"  # how --workers N hands the options to each worker process


@click.command()
@click.option("--db", default="sayso.db", show_default=True, help="SQLite file or postgresql:// URL of the corpus.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; keep the default unless behind a proxy.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-ingest", is_flag=True, help="Let the paste box and POST /api/analyze store articles.")
@click.option("--max-upload", default=2_000_000, show_default=True, type=click.IntRange(1000),
              help="Largest upload in bytes.")
@click.option("--timeout", "analysis_timeout", default=60.0, show_default=True, type=click.FloatRange(1),
              help="Seconds one upload may take to analyse.")
@click.option("--no-db", is_flag=True, help="Serve only the paste-and-analyse page, without a corpus.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (uvicorn workers), for many concurrent readers.")
def serve(
    db: str, host: str, port: int, allow_ingest: bool, max_upload: int, analysis_timeout: float, no_db: bool,
    workers: int,
) -> None:
    """Read analysed articles in a browser: voices, speakers, probabilities, timelines.

    \b
      sayso serve --db corpus.db                  read-only reader on http://127.0.0.1:8000
      sayso serve --db corpus.db --allow-ingest   also store pasted articles
    """
    import uvicorn

    options = {"db": None if no_db else db, "settings": {
        "allow_ingest": allow_ingest, "max_upload_bytes": max_upload, "analysis_timeout": analysis_timeout}}
    app = _app(options)  # built here too, so a bad --db fails before any worker starts
    click.echo(f"sayso: serving {'no corpus' if no_db else db} on http://{host}:{port}/ "
               f"({'ingest allowed' if allow_ingest else 'read-only'}, {workers} worker(s))", err=True)
    run = {"host": host, "port": port, "log_level": "warning", "timeout_graceful_shutdown": 5,
           "timeout_keep_alive": 30, "backlog": 2048}
    if workers == 1:
        uvicorn.run(app, **run)
        return
    os.environ[OPTIONS_VARIABLE] = json.dumps(options)
    uvicorn.run("sayso.cli.serve:app_from_environment", factory=True, workers=workers, **run)


def _app(options: dict[str, Any]) -> Any:
    from sayso.web.app import Settings, create_app
    from sayso.web.data import open_corpus

    db = options["db"]
    create = options["settings"]["allow_ingest"]  # a read-only reader over a missing store would show nothing
    corpus = None if db is None else open_corpus(db if "://" in db else Path(db), create=create)
    return create_app(corpus, Settings(**options["settings"]))


def app_from_environment() -> Any:
    """The app each ``--workers`` process builds, from the options its parent put in the environment."""
    return _app(json.loads(os.environ[OPTIONS_VARIABLE]))
