"""The ``sayso`` command: parsing, one library call, formatting. Library code never exits.

Subcommands live one module each under ``sayso.cli`` and are imported only when used, so
``sayso --help`` stays fast and a missing optional dependency breaks only its own command.
"""

from __future__ import annotations

import importlib
import sys

import click

from sayso.cli.interrupt import Interrupted, exit_now, interruptible, leave_closed_pipe
from sayso.cli.messages import for_command_line
from sayso.errors import SaysoError

# command name -> "module:function" under sayso.cli
COMMANDS = {
    "analyze": "analyze:analyze",
    "bench": "bench:bench",
    "eval": "evaluate:evaluate",
    "ingest": "corpus:ingest",
    "search": "corpus:search",
    "speakers": "corpus:speakers",
    "identity": "identity:identity",
    "timeline": "corpus:timeline",
    "export": "corpus:export",
    "serve": "serve:serve",
    "fuzz": "fuzz:fuzz",
    "train": "train:train",
    "questions": "questions:questions",
    "scorecard": "scorecard:scorecard",
}


class LazyGroup(click.Group):
    """A click group that imports each subcommand's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._load(name) is not None]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(f"sayso.cli.{module_name}")
        except ModuleNotFoundError as error:
            if error.name == f"sayso.cli.{module_name}":
                return None  # command not built yet
            raise
        return getattr(module, attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sayso")
def cli() -> None:
    """sayso: on whose say-so? Who said what, who is only quoted, who assesses what and how sure.

    \b
    Start with:
      sayso analyze article.txt --published 2022-10-11      readable report
      sayso analyze page.html --format json > out.json       machine output (schema sayso/1)
      sayso analyze https://example.org/story --format markdown
    """


def run(argv: list[str] | None = None) -> None:
    """What ``cli.main(standalone_mode=False)`` does, less its answer to a closed pipe: click exits 1
    there before ``main`` can see the ``BrokenPipeError``."""
    cli._main_shell_completion({}, "sayso")  # `_SAYSO_COMPLETE=bash_source sayso` prints a completion script
    with cli.make_context("sayso", sys.argv[1:] if argv is None else list(argv)) as ctx:
        cli.invoke(ctx)


def main(argv: list[str] | None = None) -> None:
    """Entry point: turns sayso's own errors into a one-line message and an exit code."""
    try:
        with interruptible():
            run(argv)
    except click.exceptions.Exit as done:  # --help, --version
        sys.exit(done.exit_code)
    except click.exceptions.Abort:
        click.echo("sayso: aborted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except SaysoError as error:
        click.echo(f"sayso: error: {for_command_line(str(error))}", err=True)
        sys.exit(error.exit_code)
    except Interrupted as interruption:
        click.echo(f"sayso: {interruption.message}", err=True)
        exit_now(interruption.exit_code)
    except KeyboardInterrupt:
        click.echo("sayso: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        leave_closed_pipe()
