"""Reading changes: what a change is of ("an increase of 16.08 million", "up by 15.3%
year-on-year"), and the period it is measured from.

The rules belong to the reading of one sentence (``_SentenceRun`` in sentences.py), which
gives this mixin the sentence's text, clauses, dates, phrases and levels, and keeps the
records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.extract import cues
from app.extract.bases import relative_base, year_end_base
from app.extract.clauses import Clauses
from app.extract.context import SourceContext
from app.extract.dating import SentenceDates
from app.extract.levels import Level, ParagraphState, before_qualifier, fits, number_start
from app.extract.numbers import Quantity
from app.extract.periods import PeriodMention
from app.extract.recording import Recording
from app.extract.terms import TermHit
from app.periods import shift_years
from app.sources.catalogue import CHANGE_SUFFIX, GROWTH_SUFFIX, IndicatorSpec

_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_MONTHS = re.compile(rf"(?P<first>{_MONTH.pattern})/(?P<last>{_MONTH.pattern})")


class ChangeReading(Recording):
    """The change rules of a sentence's reading."""

    ctx: SourceContext
    state: ParagraphState
    text: str
    analysis: str
    clauses: Clauses
    dating: SentenceDates
    periods: Sequence[PeriodMention]
    hits: list[TermHit]
    levels: list[Level]
    period: str | None
    base: str | None
    changed: Level | None
    # When a figure holds (Provenance._period_of).
    _period_of: Callable[[Quantity], str | None]

    def _read_change(self, quantity: Quantity, before: str, after: str) -> None:
        growth = quantity.unit == "percent"
        points = quantity.unit == "percentage_points"

        def accept(spec: IndicatorSpec) -> bool:
            if points:
                return spec.unit == "percent"
            if growth:
                return spec.unit != "percent"
            return fits(quantity.unit, spec.unit)

        following = self._changed_subjects_after(quantity, accept)
        for subject in following:
            base = self._change_base(quantity, before, after, subject.period)
            self._record_change(quantity, subject, base, after)
        if following:
            return
        level = (
            self._changed_subject(quantity, accept)
            or self._changed_named_after(quantity, accept)
            or self._changed_level(quantity, accept)
        )
        again = level is None
        level = level or self._changed_before(accept)
        if level is None:
            self._leave_out(quantity, "a change of a figure the catalogue does not name")
            return
        base = self._change_base(quantity, before, after, level.period)
        if base is None and again:
            base = self.base
        self._record_change(quantity, level, base, after)

    def _record_change(
        self, quantity: Quantity, level: Level, base: str | None, after: str
    ) -> None:
        """Keep a change of ``level`` measured from ``base``. A change the text measures from
        no time at all ("It achieved a 395% increase in the number of smart agents gaining
        revenue") is kept as given, without ``compared_with``; one measured from a time it
        does not give ("over the same period", with none before) is left out."""
        if base is None and cues.SOME_BASE.search(after):
            self._leave_out(quantity, "a change from a time the text does not give")
            return
        level, base = self._over_months(level, base)
        self.changed = level
        if base is not None:
            self.base = base
        suffix = GROWTH_SUFFIX if quantity.unit == "percent" else CHANGE_SUFFIX
        spec = self.ctx.catalogue.indicators[level.indicator + suffix]
        dims = dict(level.dimensions)
        if base is not None:
            dims["compared_with"] = base
        falling = cues.FALL.search(before_qualifier(self.text, quantity)) or cues.FALL_AFTER.match(
            after
        )
        self._record(quantity, spec, dims, level.period, remember=False, negative=bool(falling))

    def _over_months(self, level: Level, base: str | None) -> tuple[Level, str | None]:
        """A change of a count of people over some months ("China added 29.68 million internet
        users in the first half of 2018", "2018年上半年新增网民2968万人,较2017年末增长3.8%") is
        the change from the month before them to their last: the level at the end of June
        against December 2017."""
        span = _MONTHS.fullmatch(level.period)
        if span is None or level.indicator not in self.ctx.catalogue.stocks:
            return level, base
        if base is None:
            year, month = int(span["first"][:4]), int(span["first"][5:])
            base = f"{year - 1:04d}-12" if month == 1 else f"{year:04d}-{month - 1:02d}"
        if not _MONTH.fullmatch(base) or base >= span["first"]:
            return level, base
        return Level(level.indicator, level.dimensions, span["last"]), base

    def _read_listed_changes(
        self, run: list[Quantity], spec: IndicatorSpec, breakdowns: list[dict[str, str]]
    ) -> None:
        """A list of changes ("up by 54.74 million, ... and 39.35 million from December 2023,
        with growth rates of 10.5%, ... and 7.7% respectively"): the period they are measured
        from follows the last one, or was given by the sentence's list before."""
        last = run[-1]
        after = self.analysis[last.end : self.clauses.end(last.end)]
        before = self.text[self.clauses.start(last.start) : last.start]
        period = self._period_of(last)
        if period is None:
            return
        base = self._change_base(last, before, after, period) or self.base
        for quantity, dims in zip(run, breakdowns, strict=True):
            level = Level(spec.code, dims, self.dating.near(quantity) or period)
            accepted = (
                fits(quantity.unit, spec.unit)
                or (quantity.unit == "percent" and spec.unit != "percent")
                or (quantity.unit == "percentage_points" and spec.unit == "percent")
            )
            if not accepted:
                self._leave_out(quantity, f"its unit does not fit a change of {spec.code}")
                continue
            self._record_change(quantity, level, base, after)

    def _changed_level(
        self, quantity: Quantity, accept: Callable[[IndicatorSpec], bool]
    ) -> Level | None:
        """The sentence's latest level a change refers back to, unless the change's clause
        brings a subject of its own ("and the search volume grew by 30%")."""
        if self._own_subject_start(quantity) is not None:
            return None
        return next(
            (
                level
                for level in reversed(self.levels)
                if accept(self.ctx.catalogue.indicators[level.indicator])
            ),
            None,
        )

    def _changed_named_after(
        self, quantity: Quantity, accept: Callable[[IndicatorSpec], bool]
    ) -> Level | None:
        """What a change is of when its phrase follows the figure at once: "新增的742万网民"."""
        for hit in self.hits:
            if hit.start < quantity.end:
                continue
            if not cues.FOLLOWING_COUNT.match(self.text[quantity.end : hit.start]):
                return None
            for term in hit.indicator_terms:
                assert term.indicator is not None
                period = self._period_of(quantity)
                if accept(self.ctx.catalogue.indicators[term.indicator]) and period is not None:
                    return Level(term.indicator, dict(term.dimensions), period)
            return None
        return None

    def _changed_before(self, accept: Callable[[IndicatorSpec], bool]) -> Level | None:
        """What the sentence's change before this one was of, when no level was given: the
        growth rate of a count of new users ("全年共计新增网民4074万人,增长率为5.6%") is that
        of all users."""
        changed = self.changed
        if changed is None or not accept(self.ctx.catalogue.indicators[changed.indicator]):
            return None
        return changed

    def _changed_subject(
        self, quantity: Quantity, accept: Callable[[IndicatorSpec], bool]
    ) -> Level | None:
        """What a change is of when its clause names it ("the penetration rate was up 9.7
        percentage points"), dated like a level in the same place would be."""
        clause_start = self._own_subject_start(quantity) or self.clauses.start_past_aside(
            quantity.start
        )
        hits = [h for h in self.hits if clause_start <= h.start and h.end <= quantity.start]
        for hit in reversed(hits):
            for term in hit.indicator_terms:
                assert term.indicator is not None
                if accept(self.ctx.catalogue.indicators[term.indicator]):
                    period = self._period_of(quantity)
                    if period is not None:
                        return Level(term.indicator, dict(term.dimensions), period)
        return None

    def _changed_subjects_after(
        self, quantity: Quantity, accept: Callable[[IndicatorSpec], bool]
    ) -> list[Level]:
        """What a change is of when its subjects follow it, joined by "and": "a growth of
        more than 25% in the cumulative tourist number and tourism revenue" is a growth of
        each."""
        lead = cues.SUBJECTS_AFTER.match(self.text, quantity.end)
        if lead is None:
            return []
        levels: list[Level] = []
        position = lead.end()
        for hit in (h for h in self.hits if h.start >= position):
            if hit.start != position and not cues.SUBJECTS_GLUE.match(
                self.text[position : hit.start]
            ):
                break
            term = next(iter(hit.indicator_terms), None)
            period = self._period_of(quantity)
            if term is None or term.indicator is None or period is None:
                break
            if not accept(self.ctx.catalogue.indicators[term.indicator]):
                break
            levels.append(Level(term.indicator, dict(term.dimensions), period))
            position = hit.end
        return levels

    def _own_subject_start(self, quantity: Quantity) -> int | None:
        """Where a change's own subject begins, when its clause brings one after an earlier
        figure ("... exceeded 100 million and the search volume grew by 30%")."""
        stop = number_start(quantity)
        lead_start = max(0, stop - 40)
        own = cues.OWN_SUBJECT.search(self.text[lead_start:stop])
        return None if own is None else lead_start + own.start()

    def _change_base(self, quantity: Quantity, before: str, after: str, period: str) -> str | None:
        clause_start = quantity.start - len(before)
        for mention in self.periods:
            follows = quantity.end <= mention.start <= quantity.end + len(after) + 40
            compared = clause_start <= mention.start and mention.end <= quantity.start
            if (follows and self.dating.is_base(mention)) or (
                compared and cues.COMPARED_WITH.search(self.text, 0, mention.start)
            ):
                self.state.base = self.base = year_end_base(mention.period, period)
                return self.base
        relative = relative_base(f"{before} {after}", period)
        if relative is not None:
            return relative
        if cues.YEAR_ON_YEAR.search(after) or cues.YEAR_ON_YEAR.search(before):
            return shift_years(period, -1)
        if cues.SINCE_YEAR_START.search(before) and len(period) == len("2018-12"):
            return f"{int(period[:4]) - 1:04d}-12"
        named = cues.NAMED_BASE.search(after)
        if named is not None:
            return named.group("base")
        if cues.SAME_PERIOD.search(after):
            return self.state.base
        if cues.YEAR_ON_YEAR.search(self.text):
            return shift_years(period, -1)
        if cues.NEW_USERS.search(before) and period == self.ctx.default_period:
            return f"{int(period[:4]) - 1:04d}-12"
        return None
