"""The whole extraction: every source read, every value merged, every number accounted for."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise

from app.extract.context import SourceContext
from app.extract.merge import Disagreement, compare_reports, derive, merge
from app.extract.records import LeftOut, Observation, Record
from app.extract.script import simplified
from app.extract.sentences import SentenceReader
from app.extract.structure import Document, Sentence, leave_out_reason, numerals, parse_document
from app.extract.tables import TableReader
from app.extract.terms import TermFinder
from app.periods import period_bounds
from app.sources.catalogue import Catalogue
from app.sources.manifest import Manifest, SourceText

NOT_READ = "a figure no rule reads yet"
_FINISHED = re.compile(r"[.!?。！？；;:\"”')）]\s*$")


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many numbers a source holds, how many became values, and why the rest did not."""

    source: str
    numbers: int
    captured: int
    left_out: Counter[str]


@dataclass
class Extraction:
    """Everything read from the sources, ready to be checked and stored."""

    observations: list[Observation] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)


def read_source(
    source: SourceText, manifest: Manifest, catalogue: Catalogue, finder: TermFinder
) -> tuple[list[Record], list[LeftOut], Document]:
    """Every value one source gives, and the numbers it leaves out with the reason."""
    report = manifest.report(source.entry.report)
    document = parse_document(simplified(source.text))
    context = SourceContext(
        source=source.entry.id,
        report=report.id,
        reference=source.entry.published_date,
        covered=period_bounds(report.reference_period)[1],
        default_period=report.reference_period,
        catalogue=catalogue,
        finder=finder,
        document=document,
        publisher=report.publisher,
    )
    sentences = SentenceReader(context)
    for sentence, following in pairwise([*document.sentences, None]):
        assert sentence is not None
        sentences.read(sentence, _continuation(sentence, following))
    for heading in document.headings:
        sentences.read_heading(heading)
    notes = [*document.footnotes.values(), *(n for t in document.tables for n in t.notes)]
    for note in notes:
        if note.body_attribution is None:
            sentences.read_note(note)
    tables = TableReader(context)
    for table in document.tables:
        tables.read(table)
    records = [
        _as_written(_year_to_date(record, catalogue), source.text)
        for record in redate([*sentences.records, *tables.records])
    ]
    return records, [*sentences.left_out, *tables.left_out], document


def _as_written(record: Record, text: str) -> Record:
    """``record`` quoting the text as written, where it was read in simplified characters."""
    evidence = record.evidence
    if text[evidence.start : evidence.end] == evidence.quote:
        return record
    return replace(
        record,
        evidence=replace(
            evidence,
            quote=text[evidence.start : evidence.end],
            as_reported=text[evidence.value_start : evidence.value_end],
        ),
        notes=tuple(replace(note, quote=text[note.start : note.end]) for note in record.notes),
    )


def redate(records: list[Record]) -> list[Record]:
    """Apply a footnote that moves a figure's date to every mention of that figure.

    The 55th report marks "active IPv6 users" with "updated by November 2024" where it first
    gives the figure; a later sentence repeating it "as of December 2024" means the same
    November figure.
    """
    moves = {
        (r.indicator, r.dimensions, r.moved_from): r for r in records if r.moved_from is not None
    }
    redated = []
    for record in records:
        move = moves.get((record.indicator, record.dimensions, record.period))
        if move is not None and record.moved_from is None:
            notes = tuple(dict.fromkeys((*record.notes, *move.notes)))
            record = replace(record, period=move.period, notes=notes, moved_from=record.period)
        redated.append(record)
    return redated


def _year_to_date(record: Record, catalogue: Catalogue) -> Record:
    """Date a figure that accumulates over the year from January to its month."""
    dims = dict(record.dimensions)
    if "compared_with" in dims:
        dims["compared_with"] = catalogue.from_january(record.indicator, dims["compared_with"])
    return replace(
        record,
        period=catalogue.from_january(record.indicator, record.period),
        dimensions=tuple(sorted(dims.items())),
    )


def _continuation(sentence: Sentence, following: Sentence | None) -> Sentence | None:
    """The rest of a sentence a page break cut off: same paragraph, no full stop between."""
    if following is None or following.paragraph != sentence.paragraph:
        return None
    if _FINISHED.search(sentence.span.text):
        return None
    return following


def account_for(
    source: SourceText, document: Document, records: list[Record], left_out: list[LeftOut]
) -> tuple[Coverage, list[LeftOut]]:
    """Give every numeric token of the text a fate: captured, or left out for a reason.

    What the token is (a date, a URL, an address equivalence) explains it better than what
    the readers made of it, so the structure's reason comes first.
    """
    captured_spans = [(r.evidence.value_start, r.evidence.value_end) for r in records]
    reasons = [(item.start, item.end, item.reason) for item in left_out]
    fates: list[LeftOut] = []
    captured = 0
    for token in numerals(source.text):
        if any(start < token.end and token.start < end for start, end in captured_spans):
            captured += 1
            continue
        reason = leave_out_reason(document, token) or next(
            (why for start, end, why in reasons if start < token.end and token.start < end),
            NOT_READ,
        )
        fates.append(LeftOut(source.entry.id, token.start, token.end, token.text, reason))
    counts = Counter(item.reason for item in fates)
    return Coverage(source.entry.id, captured + len(fates), captured, counts), fates


@dataclass
class Proposals:
    """What the engine reads in the sources: its records, and every number's fate."""

    records: list[Record] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)


def propose(sources: list[SourceText], manifest: Manifest, catalogue: Catalogue) -> Proposals:
    """Read every source: a record for each value the engine finds, a reason for every number
    it leaves out. A text it cannot make sense of yields what it can."""
    result = Proposals()
    finder = TermFinder(catalogue)
    for source in sources:
        found, left_out, document = read_source(source, manifest, catalogue, finder)
        coverage, fates = account_for(source, document, found, left_out)
        result.records.extend(found)
        result.coverage.append(coverage)
        result.left_out.extend(fates)
    return result


def assemble(records: list[Record]) -> Extraction:
    """Merge what several places say into observations, derive what follows, list what
    disagrees."""
    result = Extraction()
    observations, disagreements = merge(records)
    derived, derived_disagreements = derive(observations)
    result.observations = sorted([*observations, *derived], key=_order)
    result.disagreements = [
        *disagreements,
        *derived_disagreements,
        *compare_reports(result.observations),
    ]
    return result


def _order(observation: Observation) -> tuple[str, tuple[tuple[str, str], ...], str, str, str]:
    return (
        observation.indicator,
        observation.dimensions,
        observation.period,
        observation.report,
        observation.status,
    )
