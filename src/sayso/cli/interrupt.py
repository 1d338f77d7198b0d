"""Ctrl-C and SIGTERM in a long command: stop at once, say how far it got, exit 130 or 143.
A reader that closes the output pipe early (``| head``) ends the command quietly with 141.

A signal raises ``Interrupted`` in the main thread wherever it is (reading, analysing, waiting on
a worker, storing: the open transaction rolls back, so the store holds whole documents only).
Before raising, the handler terminates the analysis worker processes, so nothing is left waiting
on a pipe nobody reads. Workers forked meanwhile ignore SIGINT (a terminal sends Ctrl-C to the
whole process group; the parent decides), keep SIGTERM's default, and die with their parent.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import warnings
from collections.abc import Iterator
from types import FrameType
from typing import NoReturn

SIGNALS = (signal.SIGINT, signal.SIGTERM)
CLOSED_PIPE_EXIT = 128 + signal.SIGPIPE  # 141: what a shell reports for cat or git stopped by a closed pipe
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a Linux process gets when its parent dies

_active = False  # inside interruptible(): forked children get the worker dispositions


class Interrupted(BaseException):
    """Raised by a signal; a BaseException so that no ``except Exception`` salvage path swallows it."""

    def __init__(self, signum: int, message: str = "interrupted") -> None:
        super().__init__(message)
        self.signum = signum
        self.message = message

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _die_with_parent() -> None:
    """Ask Linux to SIGTERM this process when its parent dies (even by kill -9); elsewhere, nothing."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _in_forked_child() -> None:
    if _active:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _die_with_parent()


os.register_at_fork(after_in_child=_in_forked_child)


def _stop(signum: int, frame: FrameType | None) -> None:
    for each in SIGNALS:  # a second Ctrl-C must not interrupt the clean-up of the first
        signal.signal(each, signal.SIG_IGN)
    warnings.simplefilter("ignore")  # e.g. spaCy's "worker exited with non-zero code"
    # the command ends with its one line: a library that logs the interruption it is unwinding
    # (SQLAlchemy's pool, when the signal lands in a connection's rollback) must not print a traceback
    logging.disable(logging.CRITICAL)
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout=1)
        if child.is_alive():
            child.kill()
    raise Interrupted(signum)


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise ``Interrupted`` inside the block (main thread only)."""
    global _active
    previous = {each: signal.signal(each, _stop) for each in SIGNALS}
    was_active, _active = _active, True
    try:
        yield
    finally:
        _active = was_active
        for each, handler in previous.items():
            signal.signal(each, handler)


@contextlib.contextmanager
def deferred_interrupts(signalled: list[int]) -> Iterator[None]:
    """Inside the block SIGINT and SIGTERM only append their number to ``signalled``; the caller
    acts on it at a point of its choosing (``sayso fuzz``: between two cases)."""
    previous = {each: signal.signal(each, lambda signum, frame: signalled.append(signum)) for each in SIGNALS}
    try:
        yield
    finally:
        for each, handler in previous.items():
            signal.signal(each, handler)


def leave(interruption: Interrupted) -> None:
    """Say how far the command got and exit at once with the signal's code, as ``main`` does for
    an ``Interrupted`` that reaches it."""
    sys.stderr.write(f"sayso: {interruption.message}\n")
    exit_now(interruption.exit_code)


def exit_now(code: int) -> None:
    """Flush and leave without waiting on anything: after an interruption, multiprocessing's exit
    hooks would join queue threads still blocked on pipes whose readers are gone."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def leave_closed_pipe() -> NoReturn:
    """The reader of stdout went away: exit 141 without a word, as ``cat`` does (Python ignores
    SIGPIPE, so the write raised ``BrokenPipeError`` instead of ending the process)."""
    # stdout now points at /dev/null: the interpreter's last flush of what is still buffered
    # would otherwise fail again and print "Exception ignored … BrokenPipeError"
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(CLOSED_PIPE_EXIT)
