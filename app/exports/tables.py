"""The data package's tables: each CSV's columns, read from which database column, with the
Table Schema that describes it (types, descriptions, primary and foreign keys).

A column is a SQL expression, so one keyset read (:mod:`app.queries.bulk`) gives a table's rows
ready to write. Observations carry their indicator's unit, joined from the catalogue; the
foreign key (``indicator``, ``unit``) to ``indicators`` (``code``, ``unit``) says, and a
validator checks, that it is the indicator's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from frictionless import Schema
from sqlalchemy import ColumnElement, FromClause, String, literal

from app.store.models import Citation, Indicator, Note, Observation, Report, Source

FieldType = Literal["string", "integer", "number", "boolean", "date", "object", "array"]

TEXTS_FOLDER = "texts"

_reports = Report.__table__.c
_sources = Source.__table__.c
_indicators = Indicator.__table__.c
_observations = Observation.__table__.c
_citations = Citation.__table__.c
_notes = Note.__table__.c

# How the quotes' offsets count, said once for every table that has them.
OFFSETS = "counted from 0 in Unicode code points (as Python's str counts them, not bytes)"


@dataclass(frozen=True)
class Column:
    """One CSV column: its name, Table Schema type and description, and what it is read from."""

    name: str
    type: FieldType
    description: str
    expression: ColumnElement[Any]
    required: bool = False
    allowed: tuple[str, ...] = ()

    def descriptor(self) -> dict[str, Any]:
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.allowed:
            constraints["enum"] = list(self.allowed)
        described: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "description": self.description,
        }
        return described | ({"constraints": constraints} if constraints else {})


@dataclass(frozen=True)
class ForeignKey:
    """Columns of this table that name a row of another table of the package."""

    columns: tuple[str, ...]
    table: str
    referenced: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """One CSV resource of the package."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    select_from: FromClause
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    @property
    def path(self) -> str:
        return f"data/{self.name}.csv"

    def expressions(self) -> dict[str, ColumnElement[Any]]:
        """Each column's SQL expression, by column name."""
        return {column.name: column.expression for column in self.columns}

    def schema(self) -> Schema:
        """The Table Schema, built and checked by frictionless."""
        return Schema.from_descriptor(
            {
                "fields": [column.descriptor() for column in self.columns],
                "primaryKey": list(self.primary_key),
                "foreignKeys": [
                    {
                        "fields": list(key.columns),
                        "reference": {"resource": key.table, "fields": list(key.referenced)},
                    }
                    for key in self.foreign_keys
                ],
            }
        )


REPORTS = Table(
    name="reports",
    title="Reports",
    description="The editions of CNNIC's Statistical Report on China's Internet Development "
    "that the figures come from.",
    select_from=Report.__table__,
    primary_key=("id",),
    columns=(
        Column("id", "string", "The report's slug, e.g. cnnic-55.", _reports.id, required=True),
        Column("title", "string", "The report's title.", _reports.title),
        Column("publisher", "string", "Who issued the report.", _reports.publisher),
        Column(
            "edition",
            "integer",
            "The edition number; later reports have higher ones.",
            _reports.edition,
        ),
        Column(
            "published",
            "string",
            "When it was published, ISO 8601, as precise as known (2025-01, 2026-02-05).",
            _reports.published,
        ),
    ),
)

SOURCES = Table(
    name="sources",
    title="Sources",
    description="The documents the figures were read from: a report's own text, or a news "
    "article on a report. Each text is in this package, byte for byte, at `path`; it belongs "
    "to its publisher and is kept so that every quote can be checked against it.",
    select_from=Source.__table__,
    primary_key=("id",),
    foreign_keys=(ForeignKey(("report",), "reports", ("id",)),),
    columns=(
        Column("id", "string", "The source's slug, e.g. cnnic-55-en.", _sources.id, required=True),
        Column(
            "report",
            "string",
            "The report it covers (reports.id).",
            _sources.report_id,
            required=True,
        ),
        Column("title", "string", "The document's title.", _sources.title),
        Column("publisher", "string", "Who published the document.", _sources.publisher),
        Column(
            "published",
            "string",
            "When it was published, ISO 8601, as precise as known.",
            _sources.published,
        ),
        Column("language", "string", "Its language (BCP 47: en, zh).", _sources.language),
        Column(
            "address",
            "string",
            "Where the text was found on the web; empty for a text delivered as a file.",
            _sources.address,
        ),
        Column("file", "string", "The text's original file name.", _sources.file),
        Column(
            "sha256",
            "string",
            "SHA-256 of the text (the file at `path`), in hex.",
            _sources.sha256,
        ),
        Column(
            "path",
            "string",
            "The text in this package, UTF-8, exactly as seeded: every quote of this source is "
            f"text[start:end] of it, offsets {OFFSETS}.",
            literal(f"{TEXTS_FOLDER}/", String) + _sources.id + literal(".txt", String),
            required=True,
        ),
    ),
)

INDICATORS = Table(
    name="indicators",
    title="Indicators",
    description="The catalogue: what is measured, each indicator in one unit.",
    select_from=Indicator.__table__,
    primary_key=("code",),
    columns=(
        Column(
            "code",
            "string",
            "The stable snake_case id, e.g. internet_users.",
            _indicators.code,
            required=True,
        ),
        Column("name", "string", "The English name.", _indicators.name),
        Column("name_zh", "string", "The Chinese name.", _indicators.name_zh),
        Column("description", "string", "What exactly is counted.", _indicators.description),
        Column(
            "unit",
            "string",
            "The unit every value of this indicator is in, its base unit: persons (not "
            "millions), percent (78.6 for 78.6%), percentage_points, yuan, usd, stations, ... "
            "Each observation repeats it in its own unit column.",
            _indicators.unit,
            required=True,
        ),
        Column("category", "string", "The group it belongs to.", _indicators.category),
    ),
)

OBSERVATIONS = Table(
    name="observations",
    title="Observations",
    description="Every value of every indicator, for one breakdown and one period, as one "
    "report gave it: every report's vintage, the one the API serves by default marked "
    "`preferred`. Its citations (citations.observation) prove it.",
    select_from=Observation.__table__.join(Indicator.__table__),
    primary_key=("id",),
    foreign_keys=(
        ForeignKey(("indicator", "unit"), "indicators", ("code", "unit")),
        ForeignKey(("report",), "reports", ("id",)),
    ),
    columns=(
        Column(
            "id",
            "integer",
            "The observation's number in this data version (citations and notes refer to it; "
            "it may change with the data version).",
            _observations.id,
            required=True,
        ),
        Column(
            "indicator",
            "string",
            "What is measured (indicators.code).",
            _observations.indicator_code,
            required=True,
        ),
        Column(
            "dimensions",
            "object",
            'The breakdown, a JSON object of name to value ({"area":"rural"}); {} is the '
            "headline total.",
            _observations.dimensions_key,
            required=True,
        ),
        Column(
            "period",
            "string",
            "What the value refers to, ISO 8601: 2024-12, 2024, 2025-Q1, 2024-12-31 or an "
            "interval 2025-01/2025-08.",
            _observations.period,
        ),
        Column("period_start", "date", "The period's first day.", _observations.period_start),
        Column("period_end", "date", "The period's last day.", _observations.period_end),
        Column(
            "value",
            "number",
            "The value, in `unit`: persons, not millions; 78.6 for 78.6%.",
            _observations.value,
            required=True,
        ),
        Column(
            "unit",
            "string",
            "The indicator's unit (indicators.unit), which `value` is in.",
            _indicators.unit,
            required=True,
        ),
        Column(
            "report",
            "string",
            "The report that gave the value (reports.id).",
            _observations.report_id,
            required=True,
        ),
        Column(
            "status",
            "string",
            "reported: the number is in a source; derived: computed from reported ones (see "
            "`derivation`).",
            _observations.status,
            allowed=("reported", "derived"),
        ),
        Column(
            "preferred",
            "boolean",
            "Whether this is the vintage the API serves by default, one per indicator, "
            "dimensions and period: a reported value before a derived one, then the latest "
            "report's.",
            _observations.preferred,
        ),
        Column(
            "as_reported",
            "string",
            "The number as its first citation writes it (1,108 million).",
            _observations.as_reported,
        ),
        Column(
            "qualifier",
            "string",
            "Empty for an exact figure, else what the source says of it (more than, nearly).",
            _observations.qualifier,
        ),
        Column(
            "attributed_to",
            "string",
            "Empty when the figure is the report's own, else the body the source credits with it.",
            _observations.attributed_to,
        ),
        Column(
            "derivation",
            "object",
            "For a derived value, a JSON object: its method, its formula as the sources write "
            "the numbers, and the inputs it was computed from; else empty.",
            _observations.derivation,
        ),
        Column(
            "read_by",
            "string",
            "How its readings were made, together: engine (proposed by the extraction engine, "
            "accepted unchanged by a reviewer), added (written by reviewers), else corrected.",
            _observations.read_by,
            allowed=("engine", "corrected", "added"),
        ),
    ),
)

CITATIONS = Table(
    name="citations",
    title="Citations",
    description="The quotes that prove each value: `quote` is exactly text[start:end] of its "
    "source's text (sources.path).",
    select_from=Citation.__table__,
    primary_key=("id",),
    foreign_keys=(
        ForeignKey(("observation",), "observations", ("id",)),
        ForeignKey(("source",), "sources", ("id",)),
    ),
    columns=(
        Column("id", "integer", "The citation's number.", _citations.id, required=True),
        Column(
            "observation",
            "integer",
            "The value it proves (observations.id).",
            _citations.observation_id,
            required=True,
        ),
        Column(
            "source",
            "string",
            "The source quoted (sources.id).",
            _citations.source_id,
            required=True,
        ),
        Column(
            "start",
            "integer",
            f"Offset of the quote's first character in its source's text, {OFFSETS}.",
            _citations.start_offset,
            required=True,
        ),
        Column(
            "end",
            "integer",
            "Offset just past the quote's last character, counted the same way.",
            _citations.end_offset,
            required=True,
        ),
        Column(
            "quote",
            "string",
            "The sentence or table row, verbatim: text[start:end].",
            _citations.quote,
            required=True,
        ),
        Column(
            "as_reported",
            "string",
            "The number as this source writes it.",
            _citations.as_reported,
        ),
        Column(
            "read_by",
            "string",
            "How this reading was made: engine (proposed by the extraction engine, accepted "
            "unchanged by a reviewer), corrected (changed by a reviewer) or added (written by "
            "one).",
            _citations.read_by,
            allowed=("engine", "corrected", "added"),
        ),
        Column(
            "corrected",
            "array",
            "The fields a reviewer corrected, a JSON array (for read_by corrected); else empty.",
            _citations.corrected,
        ),
    ),
)

NOTES = Table(
    name="notes",
    title="Notes",
    description="What the sources say of a value beyond its sentence (a footnote that moves its "
    "date, a scope, a definition, a disagreement), each quote exactly text[start:end] of its "
    "source's text.",
    select_from=Note.__table__,
    primary_key=("id",),
    foreign_keys=(
        ForeignKey(("observation",), "observations", ("id",)),
        ForeignKey(("source",), "sources", ("id",)),
    ),
    columns=(
        Column("id", "integer", "The note's number.", _notes.id, required=True),
        Column(
            "observation",
            "integer",
            "The value it is about (observations.id).",
            _notes.observation_id,
            required=True,
        ),
        Column(
            "kind",
            "string",
            "What the note does: date, scope, definition or disagreement.",
            _notes.kind,
        ),
        Column(
            "source", "string", "The source quoted (sources.id).", _notes.source_id, required=True
        ),
        Column(
            "start",
            "integer",
            f"Offset of the quote's first character in its source's text, {OFFSETS}.",
            _notes.start_offset,
            required=True,
        ),
        Column(
            "end",
            "integer",
            "Offset just past the quote's last character, counted the same way.",
            _notes.end_offset,
            required=True,
        ),
        Column(
            "quote", "string", "The note, verbatim: text[start:end].", _notes.quote, required=True
        ),
    ),
)

# In the order a reader meets them, each after the tables it refers to.
TABLES = (REPORTS, SOURCES, INDICATORS, OBSERVATIONS, CITATIONS, NOTES)
