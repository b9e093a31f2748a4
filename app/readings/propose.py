"""The engine's proposals merged into the readings files, never over a reviewer's decision.

Proposals and entries are paired figure by figure (the same ``at``), each proposal with the
entry that reads that figure most alike. Then:

- a proposal no entry reads is added as ``pending``, with its doubts;
- a ``pending`` entry becomes the engine's present proposal (nobody has looked at it yet), and
  one the engine no longer proposes goes;
- a ``corrected`` or ``added`` entry gets the record of how the engine reads its figure
  (``engine``) and becomes ``accepted``;
- an ``accepted`` entry whose figure the engine now reads otherwise than recorded gets
  ``engine_now``: the difference, for review, never applied (once a reviewer has looked at
  each, ``--acknowledge`` makes it the record);
- a ``rejected`` entry stays rejected while the engine proposes it unchanged; a different
  proposal of its figure is a new pending one.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from app.extract.numbers import find_quantities
from app.extract.pipeline import propose
from app.extract.records import Record
from app.extract.script import simplified
from app.readings.entries import EngineRecord, Entry, NoteSpan, Span, differences
from app.readings.files import ReadingsError, ReadingsFile, load_readings, write_readings
from app.sources.inputs import Sources, load_sources
from app.sources.manifest import SourceText

# A value this many times above or below its indicator's usual ones is worth a second look.
_FAR = Decimal(20)
# Two texts' values this close may be the same figure, rounded otherwise.
_ROUNDING = Decimal("0.025")


@dataclass
class Merged:
    """What merging one source's proposals changed, for the maintainer to review."""

    source: str
    proposed: int = 0
    added: int = 0
    recorded: int = 0
    changed: list[str] = field(default_factory=list)


def proposal(record: Record) -> Entry:
    """An engine record as a pending entry."""
    evidence = record.evidence
    return Entry(
        indicator=record.indicator,
        dimensions=dict(record.dimensions),
        period=record.period,
        value=record.value,
        figure=evidence.as_reported,
        at=evidence.value_start,
        scale=_scale(evidence.as_reported, record.value),
        qualifier=record.qualifier,
        attributed_to=record.attributed_to,
        quote=Span(start=evidence.start, end=evidence.end, text=evidence.quote),
        notes=[
            NoteSpan(kind=note.kind, start=note.start, end=note.end, text=note.quote)
            for note in record.notes
        ],
    )


def _scale(figure: str, value: Decimal) -> Decimal:
    """What a unit label outside the figure multiplied it by (1 when the figure says it all)."""
    quantities = find_quantities(simplified(figure))
    if len(quantities) != 1 or quantities[0].value == 0 or value == 0:
        return Decimal(1)
    scale = abs(value) / abs(quantities[0].value)
    return scale.normalize() if scale == scale.to_integral() else Decimal(1)


def merge_proposals(
    readings: ReadingsFile, proposals: Iterable[Entry], *, acknowledge: bool = False
) -> Merged:
    """Merge ``proposals`` (one source's) into ``readings`` as the module doc says; with
    ``acknowledge``, an accepted entry the engine reads otherwise gets that as its record
    instead of ``engine_now`` (for after a reviewer has looked at each ``engine_now``)."""
    merged = Merged(readings.source)
    entries_at: dict[int, list[Entry]] = defaultdict(list)
    for entry in readings.entries:
        entries_at[entry.at].append(entry)
    proposals_at: dict[int, list[Entry]] = defaultdict(list)
    for item in proposals:
        proposals_at[item.at].append(item)
        merged.proposed += 1
    kept: list[Entry] = []
    for at in sorted({*entries_at, *proposals_at}):
        kept.extend(
            _merge_figure(entries_at.get(at, []), proposals_at.get(at, []), merged, acknowledge)
        )
    readings.entries = kept
    readings.lines = [0] * len(kept)
    return merged


def _merge_figure(
    entries: list[Entry], proposals: list[Entry], merged: Merged, acknowledge: bool
) -> list[Entry]:
    """The entries of one figure after its proposals are merged in."""
    pairs = pair_by_likeness(entries, proposals)
    kept: list[Entry] = []
    for entry in entries:
        found = pairs.get(id(entry))
        if entry.review == "pending":
            if found is not None:
                kept.append(found)
            continue
        if entry.review == "rejected":
            if found is not None and differences(entry, found):
                kept.append(found)
                merged.added += 1
            kept.append(entry)
            continue
        engine: EngineRecord = "none"
        if found is not None:
            engine = differences(entry, found) or None
        if entry.review in ("corrected", "added") or (acknowledge and engine != entry.engine):
            entry.engine, entry.engine_now, entry.review = engine, None, "accepted"
            merged.recorded += 1
        elif engine != entry.engine:
            entry.engine_now = engine if engine is not None else {}
            merged.changed.append(f"{entry.indicator} at {entry.at} {_how(engine)}")
        else:
            entry.engine_now = None
        kept.append(entry)
    paired = {id(found) for found in pairs.values()}
    for item in proposals:
        if id(item) not in paired:
            kept.append(item)
            merged.added += 1
    return kept


def _how(engine: EngineRecord) -> str:
    if engine is None:
        return "as reviewed"
    return "not at all" if engine == "none" else f"otherwise: {engine}"


def pair_by_likeness(entries: list[Entry], proposals: list[Entry]) -> dict[int, Entry]:
    """Each entry's proposal (by the entry's id): the most alike first, each used once."""
    candidates = sorted(
        (len(differences(entry, item)), index, number)
        for index, entry in enumerate(entries)
        for number, item in enumerate(proposals)
    )
    pairs: dict[int, Entry] = {}
    used: set[int] = set()
    for _, index, number in candidates:
        entry = entries[index]
        if id(entry) in pairs or number in used:
            continue
        pairs[id(entry)] = proposals[number]
        used.add(number)
    return pairs


def add_doubts(files: Mapping[str, ReadingsFile], report_of: Mapping[str, str]) -> None:
    """Give each pending entry the doubts a reviewer should weigh: a value far from its
    indicator's usual ones, and a value another text of the same report gives otherwise (a
    reviewed entry keeps none).

    ``files`` holds every source's readings by source id; ``report_of`` each source's report.
    """
    usual: dict[str, list[Decimal]] = defaultdict(list)
    given: dict[tuple[str, str, str, str], list[tuple[str, Decimal]]] = defaultdict(list)
    for source, readings in files.items():
        for entry in readings.entries:
            if entry.review == "rejected":
                continue
            if entry.review != "pending":
                usual[entry.indicator].append(abs(entry.value))
            key = (report_of[source], entry.indicator, _key(entry.dimensions), entry.period)
            given[key].append((source, entry.value))
    for source, readings in files.items():
        for entry in readings.entries:
            if entry.review != "pending":
                entry.doubts = []  # weighed by the review, and soon out of date
                continue
            entry.doubts = [
                *_far_from_usual(entry, usual.get(entry.indicator, [])),
                *(
                    f"{other} gives {value.normalize():f}"
                    for other, value in given[
                        (report_of[source], entry.indicator, _key(entry.dimensions), entry.period)
                    ]
                    if other != source and not _close(value, entry.value)
                ),
            ]


def _key(dimensions: Mapping[str, str]) -> str:
    return ",".join(f"{name}={value}" for name, value in sorted(dimensions.items()))


def _far_from_usual(entry: Entry, usual: list[Decimal]) -> list[str]:
    if not usual or not entry.value:
        return []
    typical = Decimal(statistics.median(usual))
    if not typical or typical / _FAR <= abs(entry.value) <= typical * _FAR:
        return []
    return [f"far from the other values of {entry.indicator} (median {typical.normalize():f})"]


def _close(one: Decimal, other: Decimal) -> bool:
    """Whether two texts' values can be one figure rounded differently ("1.1 billion" and
    "1,108 million")."""
    largest = max(abs(one), abs(other))
    return largest == 0 or abs(one - other) <= largest * _ROUNDING


def engine_proposals(sources: Sources, texts: Sequence[SourceText]) -> dict[str, list[Entry]]:
    """What the engine proposes in each of ``texts``, as pending entries, by source id."""
    engine = propose(list(texts), sources.manifest, sources.catalogue)
    by_source: dict[str, list[Entry]] = defaultdict(list)
    for record in engine.records:
        by_source[record.evidence.source].append(proposal(record))
    return by_source


def propose_readings(
    seeds_dir: Path, only: Sequence[str] = (), *, acknowledge: bool = False
) -> list[Merged]:
    """Run the engine on the texts of ``seeds_dir`` (those named in ``only``, or all) and merge
    its proposals into their readings files; every pending entry then gets its doubts."""
    sources = load_sources(seeds_dir)
    unknown = sorted(set(only) - set(sources.texts))
    if unknown:
        raise ReadingsError(f"no such source: {', '.join(unknown)} (see manifest.yaml)")
    chosen = [sources.texts[source] for source in only] if only else list(sources.texts.values())
    by_source = engine_proposals(sources, chosen)
    files = {source: load_readings(seeds_dir, source) for source in sources.texts}
    results = [
        merge_proposals(files[text.entry.id], by_source[text.entry.id], acknowledge=acknowledge)
        for text in chosen
    ]
    add_doubts(files, {source: sources.report_of(source) for source in files})
    for text in chosen:
        write_readings(files[text.entry.id])
    return results
