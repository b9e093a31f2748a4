"""Readings files (``seeds/readings/<source id>.yaml``): read with each entry's line, written
back in one stable layout.

A file is rewritten only by ``python -m app propose``; a reviewer edits entries in place and
keeps any remark in an entry's ``note`` (comments are not kept when the file is rewritten).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from app.readings.entries import Entry

READINGS_DIR = "readings"

_HEADER = """\
# The reviewed readings of {source}: one entry per value the text gives.
# Written by `python -m app propose`; reviewed by hand. docs/adding-a-report.md says how.
"""


class ReadingsError(Exception):
    """A readings file, or an entry in it, that cannot be served; the message names the file
    and the line."""


@dataclass
class ReadingsFile:
    """One source's readings, each with the line its entry starts on (0 for a new one)."""

    path: Path
    source: str
    entries: list[Entry] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def where(self, index: int) -> str:
        """``file:line`` of entry ``index``, for a message."""
        return f"{self.path.name}:{self.lines[index]}"


def readings_path(seeds_dir: Path, source: str) -> Path:
    return seeds_dir / READINGS_DIR / f"{source}.yaml"


def load_readings(seeds_dir: Path, source: str) -> ReadingsFile:
    """The readings file of ``source``; an empty one when there is none yet."""
    path = readings_path(seeds_dir, source)
    if not path.exists():
        return ReadingsFile(path, source)
    return read_readings_file(path, source)


def read_readings_file(path: Path, source: str) -> ReadingsFile:
    """The readings of ``source`` in the file at ``path``, each entry with its line."""
    try:
        loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ReadingsError(f"{path.name}: {error}") from error
    if not isinstance(data, dict) or set(data) != {"source", "readings"}:
        raise ReadingsError(f"{path.name}: must hold `source` and `readings`, and nothing else")
    if data["source"] != source:
        raise ReadingsError(
            f"{path.name}: holds the readings of {data['source']!r}, not {source!r}"
        )
    items = data["readings"] or []
    if not isinstance(items, list):
        raise ReadingsError(f"{path.name}: `readings` must be a list of entries")
    lines = _entry_lines(node, len(items))
    readings = ReadingsFile(path, source)
    for item, line in zip(items, lines, strict=True):
        try:
            readings.entries.append(Entry.model_validate(item))
        except ValidationError as error:
            raise ReadingsError(f"{path.name}:{line}: {_first_problem(error)}") from error
        readings.lines.append(line)
    return readings


def write_readings(readings: ReadingsFile) -> None:
    """Write ``readings`` to its file, entries in the order of their figures."""
    order = sorted(
        range(len(readings.entries)),
        key=lambda index: (readings.entries[index].at, readings.entries[index].indicator),
    )
    body = {
        "source": readings.source,
        "readings": [readings.entries[index].to_yaml() for index in order],
    }
    text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)
    readings.path.parent.mkdir(parents=True, exist_ok=True)
    readings.path.write_text(_HEADER.format(source=readings.source) + text, encoding="utf-8")


def _entry_lines(document: yaml.Node | None, count: int) -> list[int]:
    """The line each entry of ``readings`` starts on (1-based)."""
    if isinstance(document, yaml.MappingNode):
        for key, value in document.value:
            if key.value == "readings" and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return [0] * count


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem["loc"])
    return f"{where}: {problem['msg']}" if where else str(problem["msg"])
