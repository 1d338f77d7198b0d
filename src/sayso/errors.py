"""sayso's error hierarchy: library code raises these, the edges (CLI, web) map them.

Every message names the offending value and what was allowed, so one line on stderr is enough.
"""

from __future__ import annotations


class SaysoError(Exception):
    """Base of every error sayso raises on purpose."""

    exit_code = 2
    status = 400


class InputError(SaysoError):
    """The input cannot be analysed: empty, binary, too big, not English, unreachable URL."""

    exit_code = 2
    status = 400


class StoreError(SaysoError):
    """The corpus store cannot be opened, migrated or written."""

    exit_code = 3
    status = 503


class ConfigError(SaysoError):
    """A setting, scale name or data file is invalid."""

    exit_code = 4
    status = 400


class TimeLimitError(InputError):
    """One document took longer than the per-document time limit to analyse."""
