"""Readings held to their texts: what a reviewer accepted becomes records only if the text says it.

Each entry must quote its text exactly (``quote`` and every note are ``text[start:end]``), its
figure must stand in the quote where ``at`` says, and the figure as written must read, with the
project's number reader, as the value (times ``scale``; a change or a growth may be a fall, its
sign in words), in the indicator's unit where the figure writes one. The indicator, the
dimensions and their values must be the catalogue's, the period an ISO period, and no reading
may be given twice. No reviewer can make a text say what it does not.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from app.extract.levels import fits
from app.extract.numbers import Quantity, find_quantities
from app.extract.records import Evidence, NoteRef, Record, dimensions_of
from app.extract.script import simplified
from app.periods import period_bounds
from app.readings.entries import Entry
from app.readings.files import ReadingsError, ReadingsFile
from app.sources.catalogue import (
    CHANGE_SUFFIX,
    GAP_SUFFIX,
    GRAMMAR_DIMENSIONS,
    GROWTH_SUFFIX,
    Catalogue,
)

# What becomes of a pending entry: refused (a seed), left out, or served (a preview).
Pending = Literal["refuse", "skip", "include"]


def checked_records(
    readings: ReadingsFile,
    text: str,
    *,
    report: str,
    catalogue: Catalogue,
    pending: Pending = "refuse",
) -> list[Record]:
    """The records of the served entries, each checked against ``text``;
    :class:`ReadingsError` for the first entry that fails, naming its file and line. A pending
    entry is refused, left out, or (for a preview) served, as ``pending`` says."""
    records: list[Record] = []
    seen: dict[tuple[object, ...], int] = {}
    for index, entry in enumerate(readings.entries):
        if entry.review == "rejected" or (entry.review == "pending" and pending == "skip"):
            continue
        where = readings.where(index)
        if entry.review == "pending" and pending == "refuse":
            raise ReadingsError(
                f"{where}: a pending reading of {entry.figure!r} ({entry.indicator}): review it "
                "(accept, correct or reject), or seed a preview with --preview"
            )
        key = (entry.indicator, tuple(sorted(entry.dimensions.items())), entry.period, entry.at)
        if key in seen:
            first = readings.lines[seen[key]]
            raise ReadingsError(f"{where}: the same reading as line {first}")
        seen[key] = index
        try:
            records.append(_record(entry, readings.source, text, report, catalogue))
        except ValueError as error:
            raise ReadingsError(f"{where}: {error}") from None
    return records


def _record(entry: Entry, source: str, text: str, report: str, catalogue: Catalogue) -> Record:
    _check_span(text, entry.quote.start, entry.quote.end, entry.quote.text, "quote")
    for note in entry.notes:
        _check_span(text, note.start, note.end, note.text, f"{note.kind} note")
    end = entry.at + len(entry.figure)
    if text[entry.at : end] != entry.figure:
        raise ValueError(f"the text at {entry.at} is not {entry.figure!r}")
    if not (entry.quote.start <= entry.at and end <= entry.quote.end):
        raise ValueError(f"the figure {entry.figure!r} at {entry.at} is not inside the quote")
    spec = catalogue.indicators.get(entry.indicator)
    if spec is None:
        raise ValueError(f"unknown indicator {entry.indicator!r}")
    _check_dimensions(entry.dimensions, catalogue)
    try:
        period_bounds(entry.period)
    except ValueError as error:
        raise ValueError(f"period: {error}") from None
    quantity = _figure(entry)
    _check_value(entry, quantity, spec.unit)
    return Record(
        indicator=entry.indicator,
        dimensions=dimensions_of(entry.dimensions),
        period=entry.period,
        value=entry.value,
        precision=quantity.precision * entry.scale,
        report=report,
        evidence=Evidence(
            source,
            entry.quote.start,
            entry.quote.end,
            entry.quote.text,
            entry.figure,
            entry.at,
            end,
            read_by=entry.read_by,
            corrected=tuple(entry.corrected),
        ),
        qualifier=entry.qualifier,
        attributed_to=entry.attributed_to,
        notes=tuple(
            NoteRef(note.kind, source, note.start, note.end, note.text) for note in entry.notes
        ),
    )


def _check_span(text: str, start: int, end: int, quoted: str, what: str) -> None:
    if text[start:end] != quoted:
        raise ValueError(f"the {what} at {start}-{end} is not the text there ({quoted[:60]!r})")


def _check_dimensions(dimensions: dict[str, str], catalogue: Catalogue) -> None:
    for name, value in dimensions.items():
        if name in GRAMMAR_DIMENSIONS:
            if not value.strip():
                raise ValueError(f"{name} is empty")
            continue
        values = catalogue.dimensions.get(name)
        if values is None:
            raise ValueError(f"unknown dimension {name!r}")
        if value not in values:
            raise ValueError(f"{name} {value!r} is not a value the catalogue knows")


def _figure(entry: Entry) -> Quantity:
    quantities = find_quantities(simplified(entry.figure))
    if len(quantities) != 1:
        raise ValueError(f"the figure {entry.figure!r} does not read as one number")
    return quantities[0]


def _check_value(entry: Entry, quantity: Quantity, unit: str) -> None:
    written = quantity.value * entry.scale
    is_change = entry.indicator.endswith((CHANGE_SUFFIX, GROWTH_SUFFIX, GAP_SUFFIX))
    if entry.value != written and not (is_change and entry.value == -written):
        raise ValueError(
            f"the figure {entry.figure!r} reads as {_plain(written)}, not {_plain(entry.value)}"
        )
    # A bare number takes its unit from a label around it (a table's "Block/32"); one that
    # writes its own unit must write the indicator's.
    if quantity.unit != "count" and not (fits(quantity.unit, unit) or is_change):
        raise ValueError(f"the figure {entry.figure!r} is in {quantity.unit}, not {unit}")


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
