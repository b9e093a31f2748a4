"""What extraction knows about the source it is reading."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.catalogue import Catalogue
from app.extract import cues
from app.extract.periods import find_periods
from app.extract.records import NoteRef
from app.extract.structure import Document, Footnote
from app.extract.terms import TermFinder

_DATE_NOTE = re.compile(r"\bupdated\s+(?:by|as\s+of|up\s+to|in)\b", re.IGNORECASE)


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
