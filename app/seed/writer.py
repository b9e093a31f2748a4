"""Checked records into the database: the whole data set replaced in one transaction.

A seed either replaces the whole data set or changes nothing: the checks (:mod:`app.seed.inputs`)
run before the first write, and the writes share one transaction, so readers see the old data
until the new data is complete. The same transaction records what changed, if anything, as a
release (:mod:`app.seed.releases`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from app.extract.merge import Disagreement
from app.extract.pipeline import Extraction
from app.extract.records import Evidence, NoteRef, Observation
from app.periods import period_bounds
from app.readings.shares import Shares, shares_of
from app.seed.catalogue_words import CatalogueWords, catalogue_words
from app.seed.inputs import prepare
from app.seed.lock import take_seed_lock
from app.seed.releases import ReleaseSummary, record_release, snapshot
from app.seed.summaries import summarise
from app.seed.vintages import mark_preferred
from app.sources.manifest import Manifest, SourceText
from app.store.models import (
    Citation,
    DatasetVersion,
    DimensionLabel,
    Indicator,
    IndicatorSummary,
    Note,
    ObservationDimension,
    Report,
    SearchWord,
    Source,
)
from app.store.models import Observation as ObservationRow
from app.store.schema_revision import require_schema_revision


@dataclass(frozen=True)
class SeedResult:
    """What a seed did: the counts, the coverage of every source, the disagreements found, and
    the release it recorded (None when it changed nothing)."""

    version: str
    observations: int
    citations: int
    derived: int
    shares: list[Shares]
    disagreements: list[Disagreement]
    extraction: Extraction
    release: ReleaseSummary | None


def dimensions_key(dimensions: dict[str, str]) -> str:
    """The canonical text of a breakdown, which the database's uniqueness rule compares."""
    return json.dumps(dimensions, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def seed_database(
    engine: Engine, seeds_dir: Path, *, lock_wait: float = 5.0, preview: bool = False
) -> SeedResult:
    """Replace the database's data with what the reviewed readings of the texts in
    ``seeds_dir`` say (with ``preview``, the pending ones too). Another seed writing to the same
    database is waited for at most ``lock_wait`` seconds (then
    :class:`~app.seed.lock.SeedLockError`)."""
    prepared = prepare(seeds_dir, pending="include" if preview else "refuse")
    manifest, catalogue, texts = (
        prepared.sources.manifest,
        prepared.sources.catalogue,
        prepared.sources.texts,
    )
    extraction = prepared.extraction
    words = catalogue_words(catalogue, {o.indicator for o in extraction.observations})
    version = _fingerprint(extraction, texts, words)
    with Session(engine) as session, session.begin():
        require_schema_revision(session.connection())
        take_seed_lock(session, wait=lock_wait)
        before = snapshot(session)
        _clear(session)
        _write_reports(session, manifest, texts)
        session.add_all([*words.indicators, *words.labels, *words.search])
        session.flush()
        editions = {report.id: report.edition for report in manifest.reports}
        citations = _write_observations(session, extraction, editions)
        mark_preferred(session)
        summarise(session)
        now = dt.datetime.now(dt.UTC).isoformat()
        release = record_release(session, before, version=version, seeded_at=now)
        # The data is as old as its release: a seed that changed nothing keeps its time.
        seeded_at = now if release is not None else before.seeded_at or now
        session.add(DatasetVersion(id=1, version=version, seeded_at=seeded_at))
    return SeedResult(
        version=version,
        observations=len(extraction.observations),
        citations=citations,
        derived=sum(1 for o in extraction.observations if o.status == "derived"),
        shares=[shares_of(readings) for readings in prepared.readings.values()],
        disagreements=extraction.disagreements,
        extraction=extraction,
        release=release,
    )


def _clear(session: Session) -> None:
    for model in (
        IndicatorSummary,
        Citation,
        Note,
        ObservationDimension,
        ObservationRow,
        Indicator,
        DimensionLabel,
        SearchWord,
        Source,
        Report,
        DatasetVersion,
    ):
        session.execute(delete(model))


def _write_reports(session: Session, manifest: Manifest, texts: dict[str, SourceText]) -> None:
    for report in manifest.reports:
        session.add(
            Report(
                id=report.id,
                title=report.title,
                publisher=report.publisher,
                edition=report.edition,
                published=report.published,
            )
        )
    session.flush()
    for source in texts.values():
        entry = source.entry
        session.add(
            Source(
                id=entry.id,
                report_id=entry.report,
                file=entry.original_name,
                title=entry.title,
                publisher=entry.publisher,
                published=entry.published,
                language=entry.language,
                address=entry.address,
                sha256=entry.sha256,
                text=source.text,
            )
        )
    session.flush()


def _write_observations(session: Session, extraction: Extraction, editions: dict[str, int]) -> int:
    citations = 0
    for number, observation in enumerate(extraction.observations, start=1):
        dims = dict(observation.dimensions)
        start, end = period_bounds(observation.period)
        row = ObservationRow(
            id=number,
            indicator_code=observation.indicator,
            dimensions=dims,
            dimensions_key=dimensions_key(dims),
            period=observation.period,
            period_start=start,
            period_end=end,
            value=float(observation.value),
            report_id=observation.report,
            edition=editions[observation.report],
            preferred=False,  # see mark_preferred
            status=observation.status,
            as_reported=observation.as_reported,
            qualifier=observation.qualifier,
            attributed_to=observation.attributed_to,
            derivation=observation.derivation,
            read_by=read_by(observation.evidence),
        )
        row.dimension_rows = [ObservationDimension(name=k, value=v) for k, v in dims.items()]
        row.citations = [_citation(evidence) for evidence in _unique(observation.evidence)]
        row.notes = [_note(note) for note in observation.notes]
        citations += len(row.citations)
        session.add(row)
    session.flush()
    return citations


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[str, int]] = set()
    kept = []
    for item in evidence:
        if (item.source, item.start) not in seen:
            seen.add((item.source, item.start))
            kept.append(item)
    return kept


def _citation(evidence: Evidence) -> Citation:
    return Citation(
        source_id=evidence.source,
        quote=evidence.quote,
        start=evidence.start,
        end=evidence.end,
        as_reported=evidence.as_reported,
        read_by=evidence.read_by,
        corrected=list(evidence.corrected) or None,
    )


def read_by(evidence: list[Evidence]) -> str:
    """How an observation's readings were made, together (see the model's ``read_by``)."""
    made = {item.read_by for item in evidence}
    return made.pop() if len(made) == 1 and made <= {"engine", "added"} else "corrected"


def _note(note: NoteRef) -> Note:
    return Note(
        kind=note.kind, source_id=note.source, quote=note.quote, start=note.start, end=note.end
    )


def _fingerprint(
    extraction: Extraction, texts: dict[str, SourceText], words: CatalogueWords
) -> str:
    """A digest of everything served, so equal data always gets the same version (and ETags)."""
    digest = hashlib.sha256()
    for source_id in sorted(texts):
        digest.update(f"{source_id}:{texts[source_id].entry.sha256}\n".encode())
    digest.update(words.fingerprint().encode())
    for observation in extraction.observations:
        digest.update(_observation_line(observation).encode())
    return digest.hexdigest()[:32]


def _observation_line(observation: Observation) -> str:
    return json.dumps(
        [
            observation.indicator,
            dict(observation.dimensions),
            observation.period,
            observation.report,
            str(observation.value),
            observation.status,
            observation.qualifier,
            observation.attributed_to,
            [(e.source, e.start, e.end, e.read_by, e.corrected) for e in observation.evidence],
            [(n.kind, n.source, n.start) for n in observation.notes],
        ],
        ensure_ascii=False,
    )
