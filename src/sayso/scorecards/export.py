"""Scores out as JSON Lines, CSV or Parquet (by file extension), one row per linked assessment,
written to a partial file and moved into place, like the store's table export."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from sayso.errors import InputError, StoreError
from sayso.scorecards.scorecard import Scorecard, rows

FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def export_scores(card: Scorecard, out: Path) -> int:
    """Write every linked assessment of ``card`` with its scores (or why it is unscored); returns the rows."""
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise InputError(f"--export {out}: name a .jsonl, .csv or .parquet file")
    if not out.parent.exists():
        raise InputError(f"cannot write {out}: folder {out.parent} does not exist")
    records = rows(card)
    partial = out.with_name(out.name + ".partial")
    try:
        if fmt == "jsonl":
            with partial.open("w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        elif fmt == "csv":
            with partial.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(rows_header()))
                writer.writeheader()
                writer.writerows(records)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(records, schema=_arrow_schema()), partial)
        os.replace(partial, out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StoreError(f"cannot write {out}: {error}") from error
    return len(records)


COLUMN_TYPES = {
    "question_id": "int", "question": "str", "assessment_id": "int", "document_id": "int", "assessor": "str",
    "published": "str", "phrase": "str", "canonical": "str", "scale": "str", "band": "str", "low": "float",
    "median": "float", "high": "float", "polarity": "str", "outcome": "str", "happened": "bool",
    "brier": "float", "log": "float", "brier_best": "float", "brier_worst": "float", "last": "bool",
    "unscored_reason": "str",
}


def rows_header() -> tuple[str, ...]:
    return tuple(COLUMN_TYPES)


def _arrow_schema():  # -> pyarrow.Schema
    import pyarrow as pa

    kinds = {"int": pa.int64(), "str": pa.string(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, kinds[kind]) for name, kind in COLUMN_TYPES.items()])
