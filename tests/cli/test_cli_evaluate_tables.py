"""``sayso eval``'s terminal tables name each section on its first row only."""

from __future__ import annotations

from rich.table import Table

from sayso.cli.evaluate import _add_sections


def test_a_section_is_named_once_and_again_when_it_returns():
    table = Table()
    for column in ("set", "metric", "value"):
        table.add_column(column)
    _add_sections(table, [("dev", "F1", "0.9"), ("dev", "recall", "0.8"), ("train", "F1", "0.7"), ("dev", "F1", "0.6")])
    assert list(table.columns[0].cells) == ["dev", "", "train", "dev"]
    assert list(table.columns[2].cells) == ["0.9", "0.8", "0.7", "0.6"]


def test_no_rows_leave_the_table_empty():
    table = Table("set", "metric")
    _add_sections(table, [])
    assert table.row_count == 0
