"""What extraction produces: values with the evidence for them, before they reach the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

Dimensions = tuple[tuple[str, str], ...]


def dimensions_of(mapping: dict[str, str]) -> Dimensions:
    """A breakdown as a sorted tuple, so equal breakdowns compare and hash equal."""
    return tuple(sorted(mapping.items()))


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value stands: ``quote`` is exactly ``text[start:end]`` and contains ``as_reported``,
    which is exactly ``text[value_start:value_end]``."""

    source: str
    start: int
    end: int
    quote: str
    as_reported: str
    value_start: int
    value_end: int
    # How the reading was made: the engine's, corrected by a reviewer (which fields), or added
    # by one (see app.readings.entries).
    read_by: str = "engine"
    corrected: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A passage that qualifies a value: a footnote that moves its date, defines it or scopes it."""

    kind: str
    source: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Record:
    """One value read from one place in one source."""

    indicator: str
    dimensions: Dimensions
    period: str
    value: Decimal
    precision: Decimal
    report: str
    evidence: Evidence
    qualifier: str | None = None
    attributed_to: str | None = None
    notes: tuple[NoteRef, ...] = ()
    moved_from: str | None = None

    @property
    def key(self) -> tuple[str, Dimensions, str, str]:
        """The natural key: one value per indicator, breakdown, period and report."""
        return (self.indicator, self.dimensions, self.period, self.report)


@dataclass
class Observation:
    """A value with every piece of evidence for it, after merging what several places say."""

    indicator: str
    dimensions: Dimensions
    period: str
    value: Decimal
    precision: Decimal
    report: str
    status: str
    as_reported: str | None
    qualifier: str | None
    attributed_to: str | None
    evidence: list[Evidence] = field(default_factory=list)
    notes: list[NoteRef] = field(default_factory=list)
    derivation: dict[str, Any] | None = None

    @property
    def key(self) -> tuple[str, Dimensions, str, str]:
        return (self.indicator, self.dimensions, self.period, self.report)


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A number in a text that is not captured as a value, and why."""

    source: str
    start: int
    end: int
    text: str
    reason: str
