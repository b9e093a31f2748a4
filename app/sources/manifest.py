"""The manifest (seeds/manifest.yaml): the reports, and the texts that give their figures."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from app.periods import bound_days, period_bounds


class SourceFileError(Exception):
    """A source text is missing, unreadable or not the file the manifest describes."""


def _check_published(text: str) -> str:
    """A publication date: a day or a month (``2026-02-05``, ``2025-01``), or a timestamp
    (``2026-02-05T16:45:56+08:00``)."""
    try:
        bound_days(text[:10])
        if len(text) > 10:
            dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a publication date as YYYY-MM, YYYY-MM-DD or an ISO 8601 timestamp"
        ) from None
    return text


def _check_period(text: str) -> str:
    period_bounds(text)
    return text


Published = Annotated[str, AfterValidator(_check_published)]
Period = Annotated[str, AfterValidator(_check_period)]


class ReportEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    publisher: str
    edition: int
    published: Published
    reference_period: Period


class SourceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    file: str
    original_name: str
    report: str
    title: str
    publisher: str
    published: Published
    language: str
    # Where the text was found (a news article's address); none for a text delivered as a file.
    address: str | None = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")

    @property
    def published_date(self) -> dt.date:
        """The publication day; a month alone stands for its last day."""
        return bound_days(self.published[:10])[1]


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    reports: list[ReportEntry]
    sources: list[SourceEntry]

    def report(self, report_id: str) -> ReportEntry:
        for report in self.reports:
            if report.id == report_id:
                return report
        raise KeyError(report_id)


@dataclass(frozen=True, slots=True)
class SourceText:
    """A source's manifest entry with its text, checked against its sha256."""

    entry: SourceEntry
    text: str


def load_manifest(seeds_dir: Path) -> Manifest:
    """Read and validate ``manifest.yaml``; every source must name a known report."""
    path = seeds_dir / "manifest.yaml"
    try:
        manifest = Manifest.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise SourceFileError(f"{path.name}: {error}") from error
    known = {report.id for report in manifest.reports}
    for source in manifest.sources:
        if source.report not in known:
            raise SourceFileError(
                f"{path.name}: source {source.id} names unknown report {source.report}"
            )
    return manifest


def read_source(seeds_dir: Path, entry: SourceEntry) -> SourceText:
    """The text of ``entry``, refused when it is not byte-for-byte the file the manifest names."""
    path = seeds_dir / entry.file
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceFileError(f"{entry.file}: cannot be read ({error.strerror})") from error
    digest = hashlib.sha256(data).hexdigest()
    if digest != entry.sha256:
        raise SourceFileError(
            f"{entry.file}: sha256 is {digest}, the manifest says {entry.sha256}: "
            "the file was changed, truncated or replaced"
        )
    try:
        return SourceText(entry, data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise SourceFileError(f"{entry.file}: not UTF-8 at byte {error.start}") from error
