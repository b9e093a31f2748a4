"""Reading a claim: the figure a person pastes from a news story, read as the engine reads a
report.

A claim is read with the engine's own readers: its numbers (app.extract.numbers), its
periods (app.extract.periods, and app.extract.dating for which date is the figure's) and the
catalogue's phrases (app.extract.terms, with the breakdowns that modify them). Which
indicator the figure gives is found the first of three ways that gives one:

1. ``sentence``: the claim read as a report's sentence by the engine itself
   (app.extract.sentences): "China had 1.079 billion internet users in June 2023",
   "截至2025年12月，我国网民规模达11.25亿人".
2. ``phrases``: claims are often telegraphic ("5G基站 337.7万个", "农村网民 3.26亿"), with no
   verb to link a phrase and a number as a report's sentence would. A claim gives one
   figure, so each catalogue phrase in it names that figure where the units fit (the most
   specific phrase first, then the nearest), and each breakdown it names narrows it where
   the indicator has that breakdown.
3. ``value``: no phrase names an indicator the figure fits ("76.4%"). The indicators are
   then guessed from the value and its unit, against the data (app.checks.check).

The claim's period is the date the engine's dating gives its figure, before an indicator's
own rules: a whole year is a stock's December and a month a year-to-date figure's months
since January, as in the reports (:meth:`ClaimReader.period_for`). A phrase without a year
("By December") is read against the day the latest report was published.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from app.extract.clauses import Clauses
from app.extract.context import SourceContext
from app.extract.dating import SentenceDates
from app.extract.levels import indicator_for
from app.extract.modifiers import with_modifiers
from app.extract.numbers import Quantity, find_quantities
from app.extract.owners import Said, owned_hits
from app.extract.periods import PeriodMention, find_periods
from app.extract.records import Record
from app.extract.script import simplified
from app.extract.sentences import SentenceReader
from app.extract.structure import parse_document
from app.extract.terms import TermFinder, TermHit
from app.sources.catalogue import CHANGE_SUFFIX, GAP_SUFFIX, GROWTH_SUFFIX, Catalogue

ReadAs = Literal["sentence", "phrases", "value"]

# What the engine is told it reads: a source of one sentence, of no report.
_CLAIM = "claim"


@dataclass(frozen=True, slots=True)
class ClaimFigure:
    """The number a claim gives: as written, its value in the base unit and the value of one
    unit in its last written digit ("10.92亿" is 1,092,000,000 to the nearest 1,000,000)."""

    text: str
    value: Decimal
    unit: str
    precision: Decimal
    qualifier: str | None


@dataclass(frozen=True, slots=True)
class NamedIndicator:
    """An indicator a claim names, and the words that name it (None for a guess)."""

    code: str
    phrase: str | None


@dataclass(frozen=True, slots=True)
class ClaimPeriod:
    """The date a claim gives its figure, as written and as the period those words name."""

    text: str
    period: str


@dataclass(frozen=True)
class ClaimReading:
    """What a claim says: its figure, the indicators it may be of (best first), its
    breakdown and its period; ``read_as`` says how the indicators were found (None when no
    figure was)."""

    claim: str
    figure: ClaimFigure | None
    read_as: ReadAs | None
    indicators: tuple[NamedIndicator, ...]
    dimensions: Mapping[str, str]
    period: ClaimPeriod | None
    # The claim's other figures, as written: one is checked at a time.
    others: tuple[str, ...] = ()


class ClaimReader:
    """Reads claims with one catalogue, against the day the latest report was published."""

    def __init__(self, catalogue: Catalogue, published: dt.date) -> None:
        self.catalogue = catalogue
        self.finder = TermFinder(catalogue)
        self.published = published

    def read(self, claim: str) -> ClaimReading:
        """The reading of ``claim`` (its spaces collapsed: a pasted line break is a space)."""
        claim = " ".join(claim.split())
        text = simplified(claim)
        # A number past the range of the stored values' type is no figure any report gives.
        quantities = [q for q in find_quantities(text) if math.isfinite(float(q.value))]
        found = with_modifiers(self.finder.find(text), text, self.catalogue)
        hits = owned_hits(found, text, Said(), self.catalogue)
        mentions = find_periods(
            text,
            reference=self.published,
            covered=self.published,
            events=self.catalogue.events,
        )
        dating = SentenceDates(
            text, mentions, quantities, Clauses(text, quantities, hits), self.published
        )
        if not quantities:
            return self._without_figure(claim, hits, dating)
        record = self._as_sentence(text)
        quantity = _quantity_of(record, quantities)
        if record is not None and quantity is not None:
            reading = self._by_sentence(claim, record, quantity, hits)
        else:
            quantity = quantities[0]
            reading = self._by_phrases(claim, quantity, hits)
        mention = dating.mention_near(quantity) or next(iter(dating.dates), None)
        others = tuple(claim[q.start : q.end] for q in quantities if q is not quantity)
        return replace(reading, period=_period(claim, mention), others=others)

    def period_for(self, reading: ClaimReading, code: str) -> str | None:
        """The period ``reading`` gives a value of ``code``: a whole year is a stock's
        December, a month a year-to-date figure's months since January; None when the claim
        gives no date."""
        if reading.period is None:
            return None
        ended = self.catalogue.year_end(code, reading.period.period)
        return self.catalogue.from_january(code, ended)

    def _as_sentence(self, text: str) -> Record | None:
        """The first figure the engine reads in ``text`` as a one-sentence source."""
        document = parse_document(text)
        context = SourceContext(
            source=_CLAIM,
            report=_CLAIM,
            reference=self.published,
            covered=self.published,
            default_period=self.published.strftime("%Y-%m"),
            catalogue=self.catalogue,
            finder=self.finder,
            document=document,
        )
        reader = SentenceReader(context)
        for sentence in document.sentences:
            reader.read(sentence)
        for heading in document.headings:
            reader.read_heading(heading)
        records = sorted(reader.records, key=lambda record: record.evidence.value_start)
        return records[0] if records else None

    def _by_sentence(
        self, claim: str, record: Record, quantity: Quantity, hits: list[TermHit]
    ) -> ClaimReading:
        """The claim as the engine reads it (``record``: its indicator, breakdown, value and
        qualifier); its period is set by :meth:`read`."""
        figure = ClaimFigure(
            claim[quantity.start : quantity.end],
            record.value,
            quantity.unit,
            record.precision,
            record.qualifier,
        )
        phrase = self._phrase_of(record.indicator, quantity, hits, claim)
        indicator = NamedIndicator(record.indicator, phrase)
        return ClaimReading(claim, figure, "sentence", (indicator,), dict(record.dimensions), None)

    def _by_phrases(self, claim: str, quantity: Quantity, hits: list[TermHit]) -> ClaimReading:
        """The claim read by its phrases, or left to its value when none names an indicator
        its figure fits; its period is set by :meth:`read`."""
        figure = ClaimFigure(
            claim[quantity.start : quantity.end],
            quantity.value,
            quantity.unit,
            quantity.precision,
            quantity.qualifier,
        )
        named = self._named(quantity, hits, claim)
        if not named:
            return ClaimReading(claim, figure, "value", (), _breakdowns(hits), None)
        indicators = tuple(indicator for indicator, _ in named)
        return ClaimReading(claim, figure, "phrases", indicators, named[0][1], None)

    def _named(
        self, quantity: Quantity, hits: list[TermHit], claim: str
    ) -> list[tuple[NamedIndicator, dict[str, str]]]:
        """Each indicator a phrase of the claim names that the figure fits, with its
        breakdown: the most specific phrase first (the catalogue's priority), then the
        nearest to the figure."""
        ranked: list[tuple[tuple[int, int, int], NamedIndicator, dict[str, str]]] = []
        for hit in hits:
            for term in hit.indicator_terms:
                assert term.indicator is not None
                resolved = indicator_for(
                    self.catalogue, term.indicator, dict(term.dimensions), quantity.unit
                )
                if resolved is None:
                    continue
                spec, dims = resolved
                takes = self.catalogue.takes.get(spec.code, frozenset())
                apart = {n: v for n, v in _breakdowns(hits).items() if n in takes and n not in dims}
                key = (-term.priority, _distance(hit, quantity), hit.start)
                named = NamedIndicator(spec.code, claim[hit.start : hit.end])
                ranked.append((key, named, {**apart, **dims}))
        seen: set[str] = set()
        found: list[tuple[NamedIndicator, dict[str, str]]] = []
        for _, named, dims in sorted(ranked, key=lambda item: item[0]):
            if named.code not in seen:
                seen.add(named.code)
                found.append((named, dims))
        return found

    def _phrase_of(self, code: str, quantity: Quantity, hits: list[TermHit], claim: str) -> str:
        """The words of the claim that name ``code`` or what it is a change of (the nearest
        phrase that does); the figure itself when none does."""
        for hit in sorted(hits, key=lambda hit: _distance(hit, quantity)):
            for term in hit.indicator_terms:
                assert term.indicator is not None
                resolved = indicator_for(
                    self.catalogue, term.indicator, dict(term.dimensions), quantity.unit
                )
                if resolved is not None and _base(resolved[0].code) == _base(code):
                    return claim[hit.start : hit.end]
        return claim[quantity.start : quantity.end]

    def _without_figure(
        self, claim: str, hits: list[TermHit], dating: SentenceDates
    ) -> ClaimReading:
        """What a claim with no figure says all the same: the indicators its phrases name,
        its breakdown and its date."""
        named: dict[str, NamedIndicator] = {}
        for hit in hits:
            for term in hit.indicator_terms:
                assert term.indicator is not None
                named.setdefault(
                    term.indicator, NamedIndicator(term.indicator, claim[hit.start : hit.end])
                )
        return ClaimReading(
            claim=claim,
            figure=None,
            read_as=None,
            indicators=tuple(named.values()),
            dimensions=_breakdowns(hits),
            period=_period(claim, next(iter(dating.dates), None)),
        )


def _quantity_of(record: Record | None, quantities: list[Quantity]) -> Quantity | None:
    """The number of the claim ``record`` reads, if it is one of ``quantities``."""
    if record is None:
        return None
    start = record.evidence.value_start
    return next((q for q in quantities if q.start <= start < q.end), None)


def _breakdowns(hits: list[TermHit]) -> dict[str, str]:
    """The breakdowns the phrases that name only a breakdown name ("rural areas"), the first
    value of each dimension; a phrase that could name several is left out."""
    named: dict[str, str] = {}
    for hit in hits:
        if not hit.indicator_terms and len(hit.terms) == 1:
            for name, value in hit.terms[0].dimensions:
                named.setdefault(name, value)
    return named


def _base(code: str) -> str:
    """What a change or a gap is of: ``internet_users_change`` -> ``internet_users``."""
    for suffix in (CHANGE_SUFFIX, GROWTH_SUFFIX, GAP_SUFFIX):
        code = code.removesuffix(suffix)
    return code


def _distance(hit: TermHit, quantity: Quantity) -> int:
    if hit.end <= quantity.start:
        return quantity.start - hit.end
    return max(0, hit.start - quantity.end)


def _period(claim: str, mention: PeriodMention | None) -> ClaimPeriod | None:
    if mention is None:
        return None
    return ClaimPeriod(claim[mention.start : mention.end], mention.period)
