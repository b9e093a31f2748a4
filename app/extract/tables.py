"""Reading tables cell by cell: row and column labels become indicators, breakdowns and periods.

The catalogue says, for each kind of table (found by its title), whether its rows name
indicators or values of a breakdown, and which indicator each column holds. Units come from a
unit column, a column header ("(10,000 people)") or the catalogue; periods from the column
header, the title, or the table's notes ("The deadline for the above statistical data is
December 2024"), in that order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.extract.context import SourceContext
from app.extract.numbers import parse_number, unit_from_label
from app.extract.periods import find_periods, parse_period
from app.extract.records import Evidence, LeftOut, NoteRef, Record, dimensions_of
from app.extract.structure import Cell, Row, Table
from app.extract.terms import fold
from app.sources.catalogue import GROWTH_SUFFIX, ColumnSpec, IndicatorSpec, TableSpec

_PARENTHESIS = re.compile(r"\(([^)]*)\)")
_NO_VALUE = {"--", "-", "—", ""}
_RowSubject = tuple[IndicatorSpec | None, dict[str, str]]


@dataclass(frozen=True, slots=True)
class Column:
    """What one column of a table holds."""

    indicator: IndicatorSpec | None
    dimensions: dict[str, str]
    period: str | None
    unit_label: str | None
    growth: bool


class TableReader:
    """Reads the tables of one source."""

    def __init__(self, context: SourceContext) -> None:
        self.ctx = context
        self.records: list[Record] = []
        self.left_out: list[LeftOut] = []

    def read(self, table: Table) -> None:
        spec = self._spec_for(table)
        if spec is None:
            self._leave_out_table(table, "a table the catalogue does not describe")
            return
        period = self._table_period(table) or self.ctx.default_period
        for header_row in table.header:
            for cell in header_row.cells:
                self._leave_out_cell(cell, "a unit or date in a column header")
        header = _header_labels(table)
        label_column = Column(None, {}, None, None, growth=False)
        columns = [label_column, *(self._column(spec, label, period) for label in header[1:])]
        unit_index = _index_of(header, spec.unit_column)
        previous: _RowSubject = (None, {})
        for row in table.rows:
            previous = self._read_row(table, spec, columns, unit_index, row, previous)

    def _spec_for(self, table: Table) -> TableSpec | None:
        title = fold(table.title_text)
        matches = [spec for spec in self.ctx.catalogue.tables if fold(spec.title) in title]
        return max(matches, key=lambda spec: len(spec.title), default=None)

    def _table_period(self, table: Table) -> str | None:
        for text in (table.title_text, *(note.span.text for note in table.notes)):
            mentions = [
                m
                for m in find_periods(text, reference=self.ctx.reference, covered=self.ctx.covered)
                if "/" not in m.period
            ]
            if mentions:
                return mentions[-1].period
        return None

    def _column(self, spec: TableSpec, label: str, table_period: str | None) -> Column:
        catalogue = self.ctx.catalogue
        period = (
            parse_period(label, reference=self.ctx.reference, covered=self.ctx.covered)
            or table_period
        )
        units = [u for u in _PARENTHESIS.findall(label) if _is_unit(u)]
        unit_label = units[-1] if units else None
        for column in spec.columns:
            if fold(column.header) in fold(label):
                return self._from_column_spec(column, label, table_period, unit_label)
        growth = any(fold(g) in fold(label) for g in spec.growth_columns)
        if growth:
            own = parse_period(label, reference=self.ctx.reference, covered=self.ctx.covered)
            return Column(None, {}, own, None, growth=True)
        if spec.rows == "indicator":
            return Column(None, {}, period, unit_label, growth)
        if spec.indicator is not None and not spec.columns:
            return Column(catalogue.indicators[spec.indicator], {}, period, unit_label, growth)
        return Column(None, {}, None, None, growth=False)

    def _from_column_spec(
        self, column: ColumnSpec, label: str, table_period: str | None, unit_label: str | None
    ) -> Column:
        """A column the catalogue names; a growth column keeps its base indicator and the
        period it grows from (its header's date, if it gives one)."""
        growth = column.indicator.endswith(GROWTH_SUFFIX)
        code = column.indicator.removesuffix(GROWTH_SUFFIX) if growth else column.indicator
        own = parse_period(label, reference=self.ctx.reference, covered=self.ctx.covered)
        period = own if growth else own or table_period
        unit = None if growth else column.unit or unit_label
        return Column(
            self.ctx.catalogue.indicators[code], dict(column.dimensions), period, unit, growth
        )

    # --- rows --------------------------------------------------------------------------------

    def _read_row(
        self,
        table: Table,
        spec: TableSpec,
        columns: list[Column],
        unit_index: int | None,
        row: Row,
        previous: _RowSubject,
    ) -> _RowSubject:
        """Read one row's cells; returns what the row was about, for a share row after it."""
        subject = self._row_subject(spec, row, previous)
        if subject is None:
            return previous
        row_indicator, row_dims = subject
        is_total = fold(row.cells[0].span.text) == fold(spec.total_label)
        unit_label = None
        if unit_index is not None:
            unit_cell = row.cells[unit_index]
            unit_label = unit_cell.span.text
            self._leave_out_cell(unit_cell, "a unit (the table's unit column)")
        periods = [
            c.period
            for i, c in enumerate(columns)
            if c.period is not None and not c.growth and i != unit_index
        ]
        for index, cell in enumerate(row.cells[1:], start=1):
            if index == unit_index or index >= len(columns):
                continue
            column = columns[index]
            indicator = row_indicator or column.indicator
            if indicator is None:
                self._leave_out_cell(cell, "a column the catalogue does not describe")
                continue
            if is_total and indicator.unit == "percent" and not spec.total_dimensions:
                self._leave_out_cell(cell, "the total of a breakdown of shares")
                continue
            dims = {**column.dimensions, **row_dims}
            period = column.period
            if column.growth:
                indicator = self.ctx.catalogue.indicators[indicator.code + GROWTH_SUFFIX]
                period = max(periods) if periods else None
                base = column.period or (min(periods) if periods else None)
                if base is not None:
                    dims["compared_with"] = base
            cell_unit = None if column.growth else column.unit_label or unit_label
            self._read_cell(table, row, cell, indicator, dims, period, cell_unit, spec)
        return subject

    def _row_subject(self, spec: TableSpec, row: Row, previous: _RowSubject) -> _RowSubject | None:
        """The indicator (for tables whose rows name one) and breakdown a row gives."""
        label = row.cells[0].span.text
        if spec.rows == "indicator":
            found = self._indicator_named(label)
            if found is None:
                self._leave_out_row(row, "a row the catalogue does not name")
                return None
            indicator, dims = found
            before, before_dims = previous
            if not dims and before is not None and before.share == indicator.code:
                dims = dict(before_dims)
            return indicator, dims
        if fold(label) == fold(spec.total_label):
            if spec.total_indicator is not None:
                total = self.ctx.catalogue.indicators[spec.total_indicator]
                return total, dict(spec.total_indicator_dimensions)
            return None, dict(spec.total_dimensions)
        assert spec.row_dimension is not None
        value = self.ctx.catalogue.dimension_value(spec.row_dimension, label)
        if value is None:
            self._leave_out_row(row, f"a {spec.row_dimension} the catalogue does not know")
            return None
        return None, {spec.row_dimension: value}

    def _indicator_named(self, label: str) -> tuple[IndicatorSpec, dict[str, str]] | None:
        hits = self.ctx.finder.find(label)
        terms = [term for hit in hits for term in hit.indicator_terms]
        if not terms:
            return None
        best = max(terms, key=lambda term: (term.priority, len(term.phrase)))
        assert best.indicator is not None
        return self.ctx.catalogue.indicators[best.indicator], dict(best.dimensions)

    def _read_cell(
        self,
        table: Table,
        row: Row,
        cell: Cell,
        indicator: IndicatorSpec,
        dims: dict[str, str],
        period: str | None,
        unit_label: str | None,
        spec: TableSpec,
    ) -> None:
        text = cell.span.text
        if text.strip() in _NO_VALUE:
            return
        if period is None:
            self._leave_out_cell(cell, "no period is given for its column")
            return
        try:
            value, precision = _cell_value(text, unit_label or spec.unit, indicator)
        except (ValueError, InvalidOperation) as error:
            self._leave_out_cell(cell, f"not a number ({error})")
            return
        dated = period
        notes, period = self._notes_for(table, row, cell, period)
        self.records.append(
            Record(
                indicator=indicator.code,
                dimensions=dimensions_of(dims),
                period=period,
                value=value,
                precision=precision,
                report=self.ctx.report,
                evidence=Evidence(
                    source=self.ctx.source,
                    start=row.span.start,
                    end=row.span.end,
                    quote=row.span.text,
                    as_reported=text,
                    value_start=cell.span.start,
                    value_end=cell.span.end,
                ),
                attributed_to=self._credited(table),
                notes=tuple(notes),
                moved_from=dated if period != dated else None,
            )
        )

    def _credited(self, table: Table) -> str | None:
        """The body a table's source line ("Data sources: Baidu ...", "Source: Baidu") credits
        every cell with, by the catalogue's name for it; none when it is the report's own."""
        for note in table.notes:
            credited = note.body_attribution
            if note.mark.startswith("Note") or not credited or self.ctx.is_publisher(credited):
                continue
            return self.ctx.catalogue.body(credited) or credited
        return None

    def _notes_for(
        self, table: Table, row: Row, cell: Cell, period: str
    ) -> tuple[list[NoteRef], str]:
        notes: list[NoteRef] = []
        table_notes = {note.mark.casefold(): note for note in table.notes}
        for mark in (*row.cells[0].marks, *cell.marks):
            footnote = table_notes.get(mark.casefold()) or self.ctx.document.footnotes.get(mark)
            if footnote is None:
                continue
            note, moved = self.ctx.note_for(footnote)
            notes.append(note)
            period = moved or period
        return notes, period

    # --- what is left out --------------------------------------------------------------------

    def _leave_out_cell(self, cell: Cell, reason: str) -> None:
        span = cell.span
        if any(ch.isdigit() for ch in span.text):
            self.left_out.append(LeftOut(self.ctx.source, span.start, span.end, span.text, reason))

    def _leave_out_row(self, row: Row, reason: str) -> None:
        for cell in row.cells[1:]:
            self._leave_out_cell(cell, reason)

    def _leave_out_table(self, table: Table, reason: str) -> None:
        for row in table.rows:
            self._leave_out_row(row, reason)


def _header_labels(table: Table) -> list[str]:
    """One label per column, the header rows' cells joined top to bottom."""
    width = max(len(row.cells) for row in (*table.header, *table.rows))
    labels = [""] * width
    for row in table.header:
        for index, cell in enumerate(row.cells):
            labels[index] = f"{labels[index]} {cell.span.text}".strip()
    return labels


def _index_of(labels: list[str], wanted: str | None) -> int | None:
    if wanted is None:
        return None
    for index, label in enumerate(labels):
        if fold(label) == fold(wanted):
            return index
    return None


def _is_unit(label: str) -> bool:
    try:
        unit_from_label(label)
    except ValueError:
        return False
    return True


def _cell_value(
    text: str, unit_label: str | None, indicator: IndicatorSpec
) -> tuple[Decimal, Decimal]:
    """A cell's number in the indicator's base unit, and the precision it was written with."""
    written = text.strip()
    percent = written.endswith("%")
    number = parse_number(written.rstrip("%").strip())
    multiplier = Decimal(1)
    if unit_label is not None and not percent:
        multiplier, unit = unit_from_label(unit_label)
        if unit not in {indicator.unit, "count"} and not (
            unit == "percent" and indicator.unit == "percent"
        ):
            raise ValueError(f"unit {unit_label!r} does not fit {indicator.code}")
    decimals = len(written.rstrip("%").split(".")[1]) if "." in written else 0
    precision = Decimal(1).scaleb(-decimals) * multiplier
    return number * multiplier, precision
