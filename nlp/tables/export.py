"""`zhfin export DIR --to csv|parquet`: a batch output folder -> DIR/tables/.

Reads DIR/docs.jsonl (or, without it, DIR/events.jsonl: then only the events and
investors tables have rows) as a stream and writes ``events``, ``investors``,
``entities`` and ``docs`` tables, a few thousand rows at a time, so memory stays
flat on any corpus. Parquet files carry an explicit Arrow schema (``flatten``
decides each column's kind), so a column that is null in every row still has its
type: DuckDB, pandas and Spark read ``proceeds_value`` as a double even when no
listing raised money.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..document import InputError
from .flatten import COLUMNS, TABLES, doc_rows, event_only_rows

FORMATS = ("csv", "parquet")
MISSING_PYARROW = 'export --to parquet needs pyarrow: pip install "zhfin[tables]"'
ROWS_PER_WRITE = 5000


@dataclass
class Exported:
    folder: Path
    files: dict[str, Path]
    rows: dict[str, int]
    skipped_lines: list[int] = field(default_factory=list)  # unreadable lines (a cut last line after a kill)


def source_file(path: str | Path) -> Path:
    """A batch output folder stands for its docs.jsonl (else events.jsonl); a file for itself."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_file():
        return path
    for name in ("docs.jsonl", "events.jsonl"):
        if (path / name).is_file():
            return path / name
    raise InputError(f"{path}: no docs.jsonl or events.jsonl: not a batch output folder "
                     "(make one with: zhfin batch INPUT --output DIR)")


def _arrow_schema(columns, pa):
    kinds = {"str": pa.string(), "float": pa.float64(), "int": pa.int64(), "bool": pa.bool_(), "date": pa.date32()}
    return pa.schema([pa.field(name, kinds[kind]) for name, kind in columns])


class _ParquetTable:
    def __init__(self, path: Path, columns, producer: str):
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise InputError(MISSING_PYARROW) from None
        self._pa, self.columns = pa, columns
        self.schema = _arrow_schema(columns, pa).with_metadata({"producer": producer})
        self._dates = [name for name, kind in columns if kind == "date"]
        self._writer = pq.ParquetWriter(str(path), self.schema)

    def write(self, rows: list[dict]) -> None:
        data = {name: [row[name] for row in rows] for name, _ in self.columns}
        for name in self._dates:
            data[name] = [dt.date.fromisoformat(v) if v else None for v in data[name]]
        self._writer.write_table(self._pa.Table.from_pydict(data, schema=self.schema))

    def close(self) -> None:
        self._writer.close()


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class _CsvTable:
    def __init__(self, path: Path, columns, producer: str):
        self.columns = columns
        self._file = open(path, "w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._file)
        self._csv.writerow([name for name, _ in columns])

    def write(self, rows: list[dict]) -> None:
        self._csv.writerows([_csv_cell(row[name]) for name, _ in self.columns] for row in rows)

    def close(self) -> None:
        self._file.close()


WRITERS = {"csv": _CsvTable, "parquet": _ParquetTable}


def _records(path: Path, skipped: list[int]):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                skipped.append(number)
                continue
            if isinstance(record, dict):
                yield record
            else:
                skipped.append(number)


def export(path: str | Path, fmt: str, output: str | Path | None = None) -> Exported:
    """Write the four tables of the batch output at ``path`` as ``fmt`` into
    ``output`` (default: the folder's tables/); returns what was written."""
    if fmt not in WRITERS:
        raise InputError(f"--to {fmt}: choose from {', '.join(WRITERS)}")
    source = source_file(path)
    folder = Path(output) if output else source.parent / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    from .. import __version__

    producer = f"zhfin {__version__}"
    files = {name: folder / f"{name}.{fmt}" for name in TABLES}
    writers = {}
    try:
        for name in TABLES:
            writers[name] = WRITERS[fmt](files[name], COLUMNS[name], producer)
        rows = {name: 0 for name in TABLES}
        pending: dict[str, list[dict]] = {name: [] for name in TABLES}
        skipped: list[int] = []
        for record in _records(source, skipped):
            parts = doc_rows(record) if "events" in record or "entities" in record else event_only_rows(record)
            for name, part in parts.items():
                pending[name].extend(part)
                if len(pending[name]) >= ROWS_PER_WRITE:
                    writers[name].write(pending[name])
                    rows[name] += len(pending[name])
                    pending[name] = []
        for name in TABLES:
            if pending[name]:
                writers[name].write(pending[name])
                rows[name] += len(pending[name])
    finally:
        for writer in writers.values():
            writer.close()
    return Exported(folder, files, rows, skipped)
