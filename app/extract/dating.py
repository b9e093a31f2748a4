"""Which of a sentence's periods date its figures, and which figure each one dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.extract import cues
from app.extract.clauses import Clauses
from app.extract.numbers import Quantity
from app.extract.periods import PeriodMention
from app.periods import is_day


class SentenceDates:
    """The period mentions of one sentence, read for what they date."""

    def __init__(
        self,
        text: str,
        periods: Sequence[PeriodMention],
        quantities: Sequence[Quantity],
        clauses: Clauses,
        published: dt.date,
    ) -> None:
        self.text = text
        self.periods = periods
        self.quantities = quantities
        self.clauses = clauses
        # The periods that date figures: not a change's base, not part of a number, and not
        # the day the source was published (a dateline, "BEIJING, Feb. 5").
        self.published = published
        self.dates = [
            mention
            for mention in periods
            if not self.is_base(mention)
            and not self._inside_quantity(mention)
            and not self._is_dateline(mention)
        ]

    def _is_dateline(self, mention: PeriodMention) -> bool:
        """The publication day, with its year or without one ("Feb. 5", which a reading
        within the period the source covers would place a year early)."""
        day = self.published.isoformat()
        if mention.period == day:
            return True
        yearless = mention.period[:4] not in mention.text
        return is_day(mention.period) and yearless and mention.period[4:] == day[4:]

    def is_base(self, mention: PeriodMention) -> bool:
        """Whether a period is what a change is measured from ("from December 2023")."""
        if "/" in mention.period:
            return False
        before = self.text[: mention.start]
        return bool(
            cues.BASE_BEFORE.search(before)
            or cues.BASE_START.match(mention.text)
            or cues.FROM_FIGURE_AT.search(before)
        )

    def near(self, quantity: Quantity) -> str | None:
        """The period of :meth:`mention_near`, if any."""
        mention = self.mention_near(quantity)
        return None if mention is None else mention.period

    def mention_near(self, quantity: Quantity) -> PeriodMention | None:
        """The date of the number's own clause, nearest first; else the nearest before it.

        A date nearer another figure of the clause is that figure's ("increased to 34.1%
        from 32.5% in December 2023"), but a holiday or event dates its whole clause: in "the
        first 42 new immersion experience locations attracted more than 4.3 million
        consumers during the May Day holidays", the 42 too.
        """
        start, end = self.clauses.start(quantity.start), self.clauses.end(quantity.end)
        in_clause = [
            m
            for m in self.dates
            if start <= m.start
            and m.end <= end
            and (m.within or not self._quantity_between(m, quantity))
        ]
        if in_clause:
            return min(in_clause, key=lambda m: _distance(m, quantity))
        before = [m for m in self.dates if m.end <= quantity.start]
        return before[-1] if before else None

    def _inside_quantity(self, mention: PeriodMention) -> bool:
        return any(q.start <= mention.start < q.end for q in self.quantities)

    def _quantity_between(self, mention: PeriodMention, quantity: Quantity) -> bool:
        low, high = sorted((mention.start, quantity.start))
        return any(other is not quantity and low <= other.start < high for other in self.quantities)


def _distance(mention: PeriodMention, quantity: Quantity) -> int:
    if mention.end <= quantity.start:
        return quantity.start - mention.end
    return max(0, mention.start - quantity.end)
