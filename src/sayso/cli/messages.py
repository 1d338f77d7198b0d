"""Library messages as the command line shows them: Python's argument names become the options.

The library tells a Python caller to "pass allow_private=True"; on the command line the same
switch is ``--allow-private``. Rewriting here keeps each message written once, in the library.
"""

from __future__ import annotations

import re

SPELLINGS = (
    ("pass allow_private=True", "pass --allow-private"),
    ("pass a larger max_bytes", "pass a larger --max-bytes"),
)
BYTE_LIMIT = re.compile(r"(?:the limit is|over the limit of) [\d,]+ bytes")


def for_command_line(message: str) -> str:
    """``message`` naming CLI options; a byte-limit message says which option raises the limit."""
    for python, option in SPELLINGS:
        message = message.replace(python, option)
    if BYTE_LIMIT.search(message) and "--max-bytes" not in message:
        message += " (pass a larger --max-bytes to raise it)"
    return message
