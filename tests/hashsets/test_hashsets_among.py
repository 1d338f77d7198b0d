"""A column of hashes is tested against a fixed key set as ``np.isin`` would test it."""

from __future__ import annotations

import numpy as np
from spacy.strings import get_string_id

from sayso.hashsets import among, sorted_hashes


def test_among_answers_as_isin_does():
    words = ["said", "likely", "Brigade", "the", "", "zzz", "Kyiv"]
    keys = sorted_hashes(get_string_id(w) for w in ["likely", "Brigade", "Kyiv", "assess"])
    column = np.array([get_string_id(w) for w in words], dtype=np.uint64)
    assert among(column, keys).tolist() == np.isin(column, keys).tolist() == [False, True, True, False, False, False, True]


def test_values_past_either_end_of_the_keys_are_not_among_them():
    keys = sorted_hashes([10, 20, 30])
    column = np.array([0, 10, 15, 30, 31, 2**64 - 1], dtype=np.uint64)
    assert among(column, keys).tolist() == [False, True, False, True, False, False]


def test_no_keys_and_no_values_find_nothing():
    assert among(np.array([1, 2], dtype=np.uint64), sorted_hashes([])).tolist() == [False, False]
    assert among(np.array([], dtype=np.uint64), sorted_hashes([5])).tolist() == []
