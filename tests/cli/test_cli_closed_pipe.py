"""A reader that leaves early (`sayso search … | head`): every command ends quietly with 141, as cat does."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sayso.cli.console import Console
from sayso.cli.interrupt import CLOSED_PIPE_EXIT

ARTICLE = "Ukraine's foreign minister said Friday that a ceasefire was unlikely before winter.\n"


def run_into_closed_pipe(*args: str, stdin: bytes = b"") -> tuple[int, str]:
    """Run ``sayso ARGS`` with its stdout a real pipe whose reader is gone before the first write."""
    process = subprocess.Popen([sys.executable, "-m", "sayso", *args], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    process.stdin.write(stdin)
    process.stdin.close()
    err = process.stderr.read().decode()
    process.wait(timeout=300)
    return process.returncode, err


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """``small_corpus`` in a SQLite file: a pipe closes the same way whatever the store."""
    return str(tmp_path / "corpus.db")


def test_the_status_is_what_a_shell_reports_for_cat() -> None:
    assert CLOSED_PIPE_EXIT == 128 + signal.SIGPIPE == 141


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["analyze", "--help"], ["identity", "show", "--help"]],
                         ids=["help", "version", "command-help", "subgroup-help"])
def test_help_into_a_closed_pipe_is_quiet(args: list[str]) -> None:
    code, err = run_into_closed_pipe(*args)
    assert (code, err) == (CLOSED_PIPE_EXIT, "")


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_analyze_into_a_closed_pipe_is_quiet(fmt: str) -> None:
    code, err = run_into_closed_pipe("analyze", "-", "--format", fmt, stdin=ARTICLE.encode())
    assert (code, err) == (CLOSED_PIPE_EXIT, "")


@pytest.mark.parametrize(
    "args",
    [
        ["search", "attack north"],
        ["search", "attack north", "--format", "json"],
        ["search", "attack north", "--format", "csv"],
        ["speakers"],
        ["timeline", "attack north"],
        ["identity", "show"],
    ],
    ids=["search-table", "search-json", "search-csv", "speakers", "timeline", "identity"],
)
def test_corpus_commands_into_a_closed_pipe_are_quiet(small_corpus, db_url: str, args: list[str]) -> None:
    code, err = run_into_closed_pipe(*args, "--db", db_url)
    assert (code, err) == (CLOSED_PIPE_EXIT, "")


def test_an_open_pipe_still_gets_everything(small_corpus, db_url: str) -> None:
    result = subprocess.run([sys.executable, "-m", "sayso", "speakers", "--db", db_url, "--format", "csv"],
                            capture_output=True, timeout=300)
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.decode().splitlines()[0].startswith("id,speaker,org")


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_the_console_lets_a_closed_pipe_through_where_rich_exits_1() -> None:
    with pytest.raises(BrokenPipeError):
        Console(file=ClosedPipe()).print("a line")
