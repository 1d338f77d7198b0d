"""The rich console the commands print through: a closed pipe is left to ``sayso.cli.main``.

Rich answers a ``BrokenPipeError`` by exiting 1 itself; this console lets the error through, so
that ``sayso search … | head`` ends like every other write to a closed pipe (see
``sayso.cli.interrupt.leave_closed_pipe``). Imported by the commands only, to keep ``sayso --help`` fast.
"""

from __future__ import annotations

import errno
import os

from rich import console


class Console(console.Console):
    """``rich.console.Console`` with the closed-pipe exit left to the command line's one handler."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
