"""Whole tables out as JSON Lines, Parquet or CSV, streamed in batches and written atomically.

The MinHash fingerprints are internal and left out; everything else is exported as stored
(``documents.analysis`` stays the "sayso/1" JSON string; in CSV a null is an empty cell).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, Float, Integer, select

from sayso.errors import InputError, StoreError
from sayso.store import schema
from sayso.store.database import Store

FORMATS = ("jsonl", "parquet", "csv")
BATCH = 1000


def _columns(table_name: str) -> list[Column]:
    if table_name not in schema.EXPORTABLE:
        raise InputError(f"unknown table {table_name!r}; choose one of {', '.join(schema.EXPORTABLE)}")
    tables = schema.metadata.tables
    return [c for c in tables[table_name].columns if c.name != "minhash"]


def _batches(store: Store, columns: list[Column]) -> Iterator[list[dict[str, Any]]]:
    table = columns[0].table
    with store.read() as conn:
        result = conn.execution_options(yield_per=BATCH).execute(select(*columns).order_by(table.c.id))
        for partition in result.partitions():
            yield [row._asdict() for row in partition]


def _arrow_schema(columns: list[Column]):  # -> pyarrow.Schema
    import pyarrow as pa

    def kind(c: Column) -> Any:
        if isinstance(c.type, Boolean):
            return pa.bool_()
        if isinstance(c.type, Integer):
            return pa.int64()
        if isinstance(c.type, Float):
            return pa.float64()
        return pa.string()

    return pa.schema([(c.name, kind(c)) for c in columns])


def export_table(store: Store, table_name: str, fmt: str, out: str | Path) -> int:
    """Write every row of ``table_name`` to ``out``; returns the number of rows."""
    columns = _columns(table_name)
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    if not out.parent.exists():
        raise InputError(f"cannot write {out}: folder {out.parent} does not exist")
    partial = out.with_name(out.name + ".partial")
    count = 0
    try:
        if fmt == "jsonl":
            with partial.open("w", encoding="utf-8") as handle:
                for rows in _batches(store, columns):
                    handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
                    count += len(rows)
        elif fmt == "csv":
            with partial.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=[c.name for c in columns])
                writer.writeheader()
                for rows in _batches(store, columns):
                    writer.writerows(rows)
                    count += len(rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            arrow_schema = _arrow_schema(columns)
            with pq.ParquetWriter(partial, arrow_schema) as writer:
                for rows in _batches(store, columns):
                    writer.write_table(pa.Table.from_pylist(rows, schema=arrow_schema))
                    count += len(rows)
                if count == 0:
                    writer.write_table(arrow_schema.empty_table())
        os.replace(partial, out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StoreError(f"cannot write export {out}: {error}") from error
    return count
