"""The whole data set as a Frictionless data package: one zip, ``datapackage.json`` at its root.

The tables are CSV files under ``data/`` (UTF-8, a header line; see :mod:`app.exports.tables`),
and every source's text is a file under ``texts/``, byte for byte, so a quote can be checked
with nothing but the zip. The descriptor gives each resource's SHA-256 and size (a source text's
is the one the seed checked it against), so ``frictionless validate`` checks the files as well
as the types and keys.

frictionless describes the package (its Package, Resource and Schema check the descriptor as
they are built), but its own zip writer needs the files under the working directory; the zip is
written here, streaming each table a batch at a time.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from importlib.metadata import metadata
from pathlib import Path
from typing import IO, Any

from frictionless import Package, Resource
from sqlalchemy import Engine, Row
from sqlalchemy.orm import Session

from app.exports.snapshot import DataChangedError, Snapshot
from app.exports.tables import SOURCES, TABLES, FieldType, Table
from app.queries import bulk
from app.queries.metadata import source_text
from app.queries.observations import plain_number
from app.store.engines import stored_json

FILE_NAME = "datapackage.zip"
PACKAGE_NAME = "cnnic-internet-statistics"
_LICENCE = metadata("cnnic-stats")["License-Expression"]

_DESCRIPTION = """\
Figures from CNNIC's *Statistical Report on China's Internet Development*, every value with the
quotes that prove it.

- `data/observations.csv`: the values, each in its indicator's unit (`unit`, as in
  `data/indicators.csv`); every report's vintage, the API's default one marked `preferred`.
- `data/citations.csv` and `data/notes.csv`: the quotes. Each `quote` is exactly
  `text[start:end]` of its source's text, which `texts/<source>.txt` holds byte for byte
  (UTF-8; offsets count Unicode code points, as Python's `str` does). In Python:
  `Path("texts/cnnic-55-en.txt").read_bytes().decode()[start:end] == quote` (read the bytes:
  reading as text may turn line ends into others, and shift the offsets).
- `data/sources.csv`, `data/reports.csv`, `data/indicators.csv`: where the quotes come from,
  and what is measured.

`version` is the data version the API names in `X-Data-Version`; it changes exactly when the
data does."""


class _Hashed:
    """A stream of the zip that counts and hashes what is written to it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()
        self.bytes = 0

    def write(self, data: bytes) -> None:
        self.digest.update(data)
        self.bytes += len(data)
        self.stream.write(data)


def write_datapackage(target: Path, *, engine: Engine, snapshot: Snapshot) -> None:
    """Write the data package of ``engine``'s data, which ``snapshot`` names, to ``target``."""
    entry = _Entries(dt.datetime.fromisoformat(snapshot.seeded_at))
    with zipfile.ZipFile(target, "w") as archive:
        resources = [_table_resource(archive, entry, table, engine) for table in TABLES]
        resources += _text_resources(archive, entry, engine)
        package = Package(
            name=PACKAGE_NAME,
            title="China Internet Statistics",
            description=_DESCRIPTION,
            version=snapshot.version,
            created=snapshot.seeded_at,
            licenses=[
                {
                    "name": _LICENCE,
                    "path": f"https://spdx.org/licenses/{_LICENCE}.html",
                    "title": f"{_LICENCE} (the project's licence)",
                }
            ],
            resources=resources,
        )
        descriptor = json.dumps(package.to_descriptor(), indent=2, ensure_ascii=False)
        archive.writestr(entry("datapackage.json"), descriptor + "\n")


class _Entries:
    """Each file of the zip dated when the data was seeded, readable by all once unpacked,
    and compressed."""

    def __init__(self, seeded_at: dt.datetime) -> None:
        self.date_time = seeded_at.timetuple()[:6]

    def __call__(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, self.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info


def _table_resource(
    archive: zipfile.ZipFile, entry: _Entries, table: Table, engine: Engine
) -> Resource:
    rows = bulk.read_all(
        table.expressions(), select_from=table.select_from, key=table.primary_key, engine=engine
    )
    with archive.open(entry(table.path), "w", force_zip64=True) as stream:
        written = _Hashed(stream)
        _write_csv(written, table, rows)
    return Resource(
        name=table.name,
        title=table.title,
        description=table.description,
        path=table.path,
        format="csv",
        mediatype="text/csv",
        encoding="utf-8",
        schema=table.schema(),
        hash=f"sha256:{written.digest.hexdigest()}",
        bytes=written.bytes,
    )


def _write_csv(target: _Hashed, table: Table, rows: Iterable[Row[Any]]) -> None:
    """``rows`` as CSV, written a batch of lines at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    converted = [
        (position, _CELLS[column.type])
        for position, column in enumerate(table.columns)
        if column.type in _CELLS
    ]
    for count, row in enumerate(rows, start=1):
        cells = list(row)
        for position, cell in converted:
            if cells[position] is not None:
                cells[position] = cell(cells[position])
        writer.writerow(cells)  # None is written as an empty cell
        if count % bulk.BATCH_ROWS == 0:
            _flush(buffer, target)
    _flush(buffer, target)


def _flush(buffer: io.StringIO, target: _Hashed) -> None:
    target.write(buffer.getvalue().encode("utf-8"))
    buffer.seek(0)
    buffer.truncate()


def _json_text(value: Any) -> str:
    """A JSON column's value as compact UTF-8 text; a text column that holds JSON already (the
    dimensions' canonical key) as it is."""
    return value if isinstance(value, str) else stored_json(value)


# How a value of each Table Schema type is written where str() would not do: booleans as true
# and false, numbers without a needless .0, dates in ISO 8601, JSON as text. A null, a JSON
# column's null included, is an empty cell.
_CELLS: dict[FieldType, Callable[[Any], object]] = {
    "boolean": lambda value: "true" if value else "false",
    "number": plain_number,
    "date": lambda value: value.isoformat(),
    "object": _json_text,
    "array": _json_text,
}


def _text_resources(archive: zipfile.ZipFile, entry: _Entries, engine: Engine) -> list[Resource]:
    """Each source's text as a file of its own, with the SHA-256 the seed checked it against."""
    columns = {name: SOURCES.expressions()[name] for name in ("id", "path", "sha256")}
    sources = list(
        bulk.read_all(columns, select_from=SOURCES.select_from, key=("id",), engine=engine)
    )
    resources = []
    for source_id, path, sha256 in sources:
        with Session(engine) as session:
            text = source_text(source_id, session=session)
        if text is None:
            raise DataChangedError(f"the source {source_id} was removed while it was read")
        data = text.encode("utf-8")
        archive.writestr(entry(path), data)
        resources.append(
            Resource(
                name=f"text-{source_id}",
                title=f"The text of {source_id}",
                description=f"The source {source_id}'s text (sources.path), byte for byte.",
                path=path,
                format="txt",
                mediatype="text/plain",
                encoding="utf-8",
                hash=f"sha256:{sha256}",
                bytes=len(data),
            )
        )
    return resources
