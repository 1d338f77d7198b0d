"""Fixed sets of string hashes (spaCy's ORTH, LOWER, SHAPE and LEMMA ids) that a Doc's attribute
columns are tested against in one numpy pass, so the rule matchers read only the few tokens that
could match.

``np.isin`` sorts the column together with the keys on every call; the keys never change, so they
are sorted once here and each value of the column is looked up by binary search (half the time).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def sorted_hashes(hashes: Iterable[int]) -> np.ndarray:
    """The hashes as a sorted array, the form ``among`` reads."""
    return np.array(sorted(hashes), dtype=np.uint64)


def among(column: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Whether each value of ``column`` is one of ``keys`` (sorted): ``np.isin(column, keys)``."""
    if not len(keys):
        return np.zeros(len(column), dtype=bool)
    at = np.minimum(np.searchsorted(keys, column), len(keys) - 1)
    return keys[at] == column
