"""What extraction knows about the source it is reading."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.extract import cues
from app.extract.footnotes import published
from app.extract.periods import find_periods
from app.extract.records import NoteRef
from app.extract.structure import Document, Footnote
from app.extract.terms import TermFinder
from app.periods import is_day, is_whole_year, period_bounds
from app.sources.catalogue import Catalogue

_DATE_NOTE = re.compile(r"\bupdated\s+(?:by|as\s+of|up\s+to|in)\b", re.IGNORECASE)


def _words(text: str) -> str:
    """``text`` as its words, in lower case, one space apart: what names are compared by."""
    return " ".join(re.findall(r"[\w.]+", text.casefold()))


@dataclass(frozen=True)
class SourceContext:
    """One source being read: its ids, its dates, its parsed structure and the catalogue.

    ``reference`` is the day the source was published; ``covered`` the last day of the period
    its report describes (the report's reference period).
    """

    source: str
    report: str
    reference: dt.date
    covered: dt.date
    default_period: str
    catalogue: Catalogue
    finder: TermFinder
    document: Document
    # Who issued the report ("China Internet Network Information Center (CNNIC)"): a figure
    # credited to it is the report's own, not another body's.
    publisher: str = ""

    def is_publisher(self, name: str) -> bool:
        """Whether ``name`` names the report's publisher, in full or by its abbreviation."""
        wanted = " ".join(name.casefold().split())
        return wanted in self._publisher_names()

    def names_publisher(self, phrase: str) -> bool:
        """Whether ``phrase`` names the report's publisher anywhere in it ("The report by the
        China Internet Network Information Center (CNNIC)")."""
        folded = _words(phrase)
        return any(f" {_words(name)} " in f" {folded} " for name in self._publisher_names())

    def _publisher_names(self) -> set[str]:
        full, _, short = self.publisher.partition(" (")
        return {full.casefold(), short.rstrip(")").casefold()} - {""}

    def cited_period(self, footnote: Footnote) -> tuple[str, NoteRef] | None:
        """When the figures a footnote cites a source for hold, if the footnote says: the
        period the source's name gives ("JD Health's Financial Report H1 2024"), else the day
        it was published ("Xinhuanet, <URL>, November 21, 2024."), by which they held. None
        when it gives neither, or a time after the period the report covers. The footnote is
        the note that says so."""
        if footnote.body_attribution is None:
            return None
        named = find_periods(
            footnote.body_attribution, reference=self.reference, covered=self.covered
        )
        spans = [m.period for m in named if not is_whole_year(m.period)]
        if spans:
            period = spans[0]
        else:
            day = published(footnote.span.text)
            days = [] if day is None else find_periods(day, reference=self.reference)
            dated = [m.period for m in days if is_day(m.period)]
            if not dated:
                return None
            period = dated[-1]
        if period_bounds(period)[1] > self.covered:
            return None
        span = footnote.span
        return period, NoteRef("date", self.source, span.start, span.end, span.text)

    def note_for(self, footnote: Footnote) -> tuple[NoteRef, str | None]:
        """The note a footnote makes, and the period it moves its value to, if it does.

        "The number of active IPv6 users was updated by November 2024" moves a figure the
        sentence dates December to November.
        """
        span = footnote.span
        moved: str | None = None
        kind = "scope"
        if _DATE_NOTE.search(span.text):
            periods = find_periods(span.text, reference=self.reference, covered=self.covered)
            if periods:
                moved = periods[-1].period
                kind = "date"
        elif cues.DEFINITION.search(span.text):
            kind = "definition"
        note = NoteRef(kind, self.source, span.start, span.end, span.text)
        return note, moved
