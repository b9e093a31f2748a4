"""Everything a seed reads, checked before anything is written.

The manifest, the catalogue and the texts are loaded (each text against its sha256), and so are
the reviewed readings of every text, each held to its text (:mod:`app.readings.checks`); what
they say is merged into observations, and what follows from them derived. The engine does not
run: the readings are the data. Nothing here touches a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.extract.pipeline import Extraction, assemble
from app.extract.records import Record
from app.readings.checks import Pending, checked_records
from app.readings.files import ReadingsFile, load_readings
from app.sources.inputs import Sources, load_sources


@dataclass(frozen=True)
class Prepared:
    """The checked inputs of a seed, and the observations they make."""

    sources: Sources
    readings: dict[str, ReadingsFile]
    extraction: Extraction


def prepare(seeds_dir: Path, *, pending: Pending = "refuse") -> Prepared:
    """Read and check everything a seed needs, touching no database. A pending reading is
    refused, unless ``pending`` says to leave it out or (for a preview) to serve it."""
    sources = load_sources(seeds_dir)
    readings = {source: load_readings(seeds_dir, source) for source in sources.texts}
    records: list[Record] = []
    for source, file in readings.items():
        records.extend(
            checked_records(
                file,
                sources.texts[source].text,
                report=sources.report_of(source),
                catalogue=sources.catalogue,
                pending=pending,
            )
        )
    return Prepared(sources, readings, assemble(records))
