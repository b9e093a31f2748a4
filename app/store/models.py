"""Storage: SQLAlchemy 2 typed models. Nothing here knows about HTTP or about the texts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """The declarative base every table hangs from."""


# Observations are ordered by these text columns byte by byte on every database: PostgreSQL
# compares them in the "C" collation (its default would ignore punctuation such as the braces
# of "{}"), which SQLite does anyway.
BYTEWISE_CODE = String(96).with_variant(String(96, collation="C"), "postgresql")
BYTEWISE_KEY = String(512).with_variant(String(512, collation="C"), "postgresql")
ORDER_COLUMNS = ("indicator_code", "dimensions_key", "period_start", "edition", "id")


class Report(Base):
    """One edition of a statistical report, e.g. CNNIC's 55th."""

    __tablename__ = "reports"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str] = mapped_column(Text)
    edition: Mapped[int] = mapped_column(Integer)
    published: Mapped[str] = mapped_column(String(32))

    sources: Mapped[list[Source]] = relationship(back_populates="report", order_by="Source.id")


class Source(Base):
    """A document figures were read from, with its full text exactly as seeded."""

    __tablename__ = "sources"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    file: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str] = mapped_column(Text)
    published: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(8))
    # Where the text was found (a news article's address); none for a text delivered as a file.
    address: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)

    report: Mapped[Report] = relationship(back_populates="sources")


class Indicator(Base):
    """What is measured, in one unit."""

    __tablename__ = "indicators"

    code: Mapped[str] = mapped_column(String(96), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_zh: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(64), index=True)
    # The description in Chinese where the catalogue writes one; and the phrases the catalogue
    # names it by (its terms, a breakdown's slot left out), which a search matches.
    description_zh: Mapped[str | None] = mapped_column(Text)
    terms: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")


class IndicatorSummary(Base):
    """What one indicator's observations cover, written with them (see app.seed.summaries)."""

    __tablename__ = "indicator_summaries"

    indicator_code: Mapped[str] = mapped_column(
        ForeignKey("indicators.code", ondelete="CASCADE"), primary_key=True
    )
    observations: Mapped[int] = mapped_column(Integer)
    first_period: Mapped[str | None] = mapped_column(String(32))
    last_period: Mapped[str | None] = mapped_column(String(32))
    # Report ids, oldest edition first; each dimension's values, sorted; the dimensions keys of
    # its breakdowns, sorted (a dimension filter becomes a list of these, see
    # app.queries.observations).
    reports: Mapped[list[str]] = mapped_column(JSON)
    dimension_values: Mapped[dict[str, list[str]]] = mapped_column(JSON)
    breakdowns: Mapped[list[str]] = mapped_column(JSON)


class DimensionLabel(Base):
    """A dimension value as the catalogue names it: its Chinese label, and every name the texts
    write for it, which a search matches."""

    __tablename__ = "dimension_labels"

    dimension: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256), primary_key=True)
    label_zh: Mapped[str | None] = mapped_column(Text)
    names: Mapped[list[str]] = mapped_column(JSON)


class SearchWord(Base):
    """A word a search of the catalogue leaves out (kind ``stop``), or reads as others too
    (kind ``synonym``, with what it ``means``)."""

    __tablename__ = "search_words"
    __table_args__ = (CheckConstraint("kind IN ('stop', 'synonym')", name="ck_search_word_kind"),)

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    phrase: Mapped[str] = mapped_column(String(256), primary_key=True)
    means: Mapped[list[str]] = mapped_column(JSON, default=list)


class Observation(Base):
    """One value of one indicator, for one breakdown and one period, as one report gave it."""

    __tablename__ = "observations"
    __table_args__ = (
        UniqueConstraint(
            "indicator_code", "dimensions_key", "period", "report_id", name="uq_observation"
        ),
        CheckConstraint("status IN ('reported', 'derived')", name="ck_observation_status"),
        CheckConstraint("period_start <= period_end", name="ck_observation_period_order"),
        Index("ix_observation_indicator_period", "indicator_code", "period_start", "id"),
        Index("ix_observation_report", "report_id"),
        # The default order, for every vintage and for the preferred ones: a page is a range
        # of one of these, read in order, whatever the table's size.
        Index("ix_observation_order", *ORDER_COLUMNS),
        Index(
            "ix_observation_preferred_order",
            *ORDER_COLUMNS,
            sqlite_where=text("preferred"),
            postgresql_where=text("preferred"),
        ),
        # At most one preferred vintage per indicator, dimensions and period.
        Index(
            "uq_observation_preferred",
            "indicator_code",
            "dimensions_key",
            "period",
            unique=True,
            sqlite_where=text("preferred"),
            postgresql_where=text("preferred"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    indicator_code: Mapped[str] = mapped_column(BYTEWISE_CODE, ForeignKey("indicators.code"))
    dimensions: Mapped[dict[str, str]] = mapped_column(JSON)
    dimensions_key: Mapped[str] = mapped_column(BYTEWISE_KEY)
    period: Mapped[str] = mapped_column(String(32))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"))
    # Its report's edition, copied here because it orders the observations (the indexes
    # below); and whether it is the vintage served by default (see app.seed.vintages).
    edition: Mapped[int] = mapped_column(Integer)
    preferred: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16))
    as_reported: Mapped[str | None] = mapped_column(Text)
    qualifier: Mapped[str | None] = mapped_column(String(32))
    attributed_to: Mapped[str | None] = mapped_column(Text)
    derivation: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # How its readings were made, together: "engine" when the engine proposed every one
    # unchanged, "added" when reviewers added every one, else "corrected".
    read_by: Mapped[str] = mapped_column(String(16), server_default="engine")
    # The number of the release that last added or revised it (see app.seed.releases): what
    # `changed_since` compares. None only for rows no seed has recorded in a release.
    changed_in: Mapped[int | None] = mapped_column(Integer)

    citations: Mapped[list[Citation]] = relationship(
        back_populates="observation", cascade="all, delete-orphan", order_by="Citation.id"
    )
    notes: Mapped[list[Note]] = relationship(
        back_populates="observation", cascade="all, delete-orphan", order_by="Note.id"
    )
    dimension_rows: Mapped[list[ObservationDimension]] = relationship(cascade="all, delete-orphan")


class ObservationDimension(Base):
    """One name=value pair of an observation's dimensions, so filters can use an index."""

    __tablename__ = "observation_dimensions"
    __table_args__ = (Index("ix_dimension_name_value", "name", "value", "observation_id"),)

    observation_id: Mapped[int] = mapped_column(
        ForeignKey("observations.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


class Citation(Base):
    """A quote that proves an observation: exactly ``source.text[start:end]``."""

    __tablename__ = "citations"
    __table_args__ = (
        CheckConstraint("start_offset < end_offset", name="ck_citation_span"),
        UniqueConstraint("observation_id", "source_id", "start_offset", name="uq_citation"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    observation_id: Mapped[int] = mapped_column(
        ForeignKey("observations.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"))
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    as_reported: Mapped[str] = mapped_column(Text)
    # The reading this citation is: proposed by the engine unchanged, corrected by a reviewer
    # (the fields, in `corrected`), or added by one (see app.readings.entries).
    read_by: Mapped[str] = mapped_column(String(16), server_default="engine")
    corrected: Mapped[list[str] | None] = mapped_column(JSON)

    observation: Mapped[Observation] = relationship(back_populates="citations")


class Note(Base):
    """What a source says of a value beyond its sentence (a footnote moving its date, a scope)."""

    __tablename__ = "notes"
    __table_args__ = (CheckConstraint("start_offset < end_offset", name="ck_note_span"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    observation_id: Mapped[int] = mapped_column(
        ForeignKey("observations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"))
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)

    observation: Mapped[Observation] = relationship(back_populates="notes")


class DatasetVersion(Base):
    """The fingerprint of the seeded data: changes exactly when a seed changes the data."""

    __tablename__ = "dataset_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(64))
    seeded_at: Mapped[str] = mapped_column(String(40))


class Release(Base):
    """What one seed changed in the data: written by every seed that changes it (see
    app.seed.releases), never rewritten."""

    __tablename__ = "releases"

    # 1 for the first release, then one more for each.
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data_version: Mapped[str] = mapped_column(String(64), index=True)
    previous_version: Mapped[str | None] = mapped_column(String(64))
    seeded_at: Mapped[str] = mapped_column(String(40))
    # Report and source ids, sorted.
    reports_added: Mapped[list[str]] = mapped_column(JSON)
    reports_removed: Mapped[list[str]] = mapped_column(JSON)
    sources_added: Mapped[list[str]] = mapped_column(JSON)
    sources_removed: Mapped[list[str]] = mapped_column(JSON)
    # How many of its changes are of each kind.
    added: Mapped[int] = mapped_column(Integer)
    revised: Mapped[int] = mapped_column(Integer)
    withdrawn: Mapped[int] = mapped_column(Integer)
    # The codes of the indicators whose catalogue entry (names, descriptions, unit, category,
    # terms) it added, changed or removed, sorted; whether the dimension labels or the search
    # words changed.
    indicators_changed: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    vocabulary_changed: Mapped[bool] = mapped_column(Boolean, server_default=false())


class ReleaseChange(Base):
    """One observation a release added, revised or withdrew, named by its natural key (the
    database's ids are not kept from one seed to the next)."""

    __tablename__ = "release_changes"
    __table_args__ = (
        CheckConstraint("kind IN ('added', 'revised', 'withdrawn')", name="ck_release_change_kind"),
        # A release's changes are read in the order they were written: by natural key.
        Index("ix_release_change_order", "release_number", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    release_number: Mapped[int] = mapped_column(ForeignKey("releases.number", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    # Why a revised observation changed (see app.seed.releases); None for the other kinds.
    reason: Mapped[str | None] = mapped_column(String(32))
    indicator_code: Mapped[str] = mapped_column(String(96))
    dimensions_key: Mapped[str] = mapped_column(String(512))
    period: Mapped[str] = mapped_column(String(32))
    report_id: Mapped[str] = mapped_column(String(64))
    # The value now (None once withdrawn) and the value served before in its place (None when
    # added), with the report that gave it when that was another report.
    value: Mapped[float | None] = mapped_column(Float)
    previous_value: Mapped[float | None] = mapped_column(Float)
    previous_report_id: Mapped[str | None] = mapped_column(String(64))
