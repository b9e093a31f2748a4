"""How each text's readings were made: by the engine unchanged, corrected or added by a reviewer."""

from __future__ import annotations

from dataclasses import dataclass

from app.readings.entries import SERVED
from app.readings.files import ReadingsFile


@dataclass(frozen=True, slots=True)
class Shares:
    """One source's readings by how they were made; pending and rejected ones apart."""

    source: str
    engine: int
    corrected: int
    added: int
    pending: int
    rejected: int

    @property
    def served(self) -> int:
        return self.engine + self.corrected + self.added


def shares_of(readings: ReadingsFile) -> Shares:
    """Count the entries of ``readings`` by review and by how they were made."""
    made = {"engine": 0, "corrected": 0, "added": 0}
    pending = rejected = 0
    for entry in readings.entries:
        if entry.review in SERVED:
            made[entry.read_by] += 1
        elif entry.review == "pending":
            pending += 1
        else:
            rejected += 1
    return Shares(readings.source, **made, pending=pending, rejected=rejected)
