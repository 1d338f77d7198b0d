"""The probability table every estimative test reads, loaded once per module."""

from __future__ import annotations

import pytest

from sayso import calibration


@pytest.fixture(scope="module")
def table() -> calibration.Table:
    return calibration.load_table()
