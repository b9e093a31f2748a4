"""Reading a figure then and now: "比例由2017年底的65.5%提升至67.2%", "rose from 95.1% in
2016 to 97.5%".

The first figure holds at the date named with it, the second at the sentence's own period;
both are of the phrase that stands before "由", "从" or "from" (with at most a verb between).
A pair without a date ("from 0.3 percent to 0.05 percent") is a before and after
(``_read_before_after`` in sentences.py), not this.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.extract import cues
from app.extract.bases import year_end_base
from app.extract.clauses import Clauses
from app.extract.context import SourceContext
from app.extract.levels import fits, number_start
from app.extract.numbers import Quantity
from app.extract.periods import PeriodMention
from app.extract.recording import Recording
from app.extract.terms import TermHit, without_marks
from app.sources.catalogue import IndicatorSpec

_S = r"[ \t\u00a0]"
# "由2017年底的", "从2016年的": the date goes before the first figure in Chinese.
_LEAD_ZH = re.compile(r"(?:由|从)$")
_AFTER_DATE_ZH = re.compile(r"\s*的?\s*")
# "from 95.1% in 2016 to": in English after it.
_LEAD_EN = re.compile(rf"\bfrom{_S}*$", re.IGNORECASE)
_GLUE_EN = re.compile(
    rf"{_S}*(?:in|at{_S}+the{_S}+end{_S}+of|by){_S}*(?P<date>.+?),?{_S}*to{_S}*", re.IGNORECASE
)
# What may stand between the phrase and "from": nothing, or a verb of change.
_VERB = re.compile(
    rf"\s*(?:has{_S}+|have{_S}+)?(?:rose|risen|increased|grew|grown|climbed|went{_S}+up|up|"
    rf"fell|fallen|dropped|declined|decreased|down|提升|提高|增长|增加|上升|下降)?\s*",
    re.IGNORECASE,
)


class FromToReading(Recording):
    """The then-and-now rule of a sentence's reading."""

    ctx: SourceContext
    text: str
    quantities: list[Quantity]
    periods: Sequence[PeriodMention]
    hits: list[TermHit]
    clauses: Clauses

    # When a figure holds (Provenance._period_of).
    _period_of: Callable[[Quantity], str | None]

    def _read_from_to(self, index: int) -> bool:
        """Read the pair that starts at ``self.quantities[index]``, if it is one."""
        pair = self.quantities[index : index + 2]
        if len(pair) < 2 or pair[0].unit != pair[1].unit:
            return False
        first, second = pair
        found = self._then(first, second)
        if found is None:
            return False
        mention, lead_start = found
        subject = self._subject(first, lead_start)
        now = self._period_of(second)
        if subject is None or now is None:
            return False
        spec, dims = subject
        self._record(first, spec, dims, year_end_base(mention.period, now), remember=True)
        self._record(second, spec, dims, now, remember=True)
        return True

    def _then(self, first: Quantity, second: Quantity) -> tuple[PeriodMention, int] | None:
        """The date of the first figure, and where the words that lead to it start."""
        stop = number_start(first)
        for mention in self.periods:
            if mention.end > stop:
                break
            lead = _LEAD_ZH.search(self.text, 0, mention.start)
            glue = self.text[first.end : number_start(second)]
            if (
                lead is not None
                and _AFTER_DATE_ZH.fullmatch(self.text, mention.end, stop)
                and cues.BEFORE_AFTER_GLUE.match(glue)
            ):
                return mention, lead.start()
        glue_en = _GLUE_EN.fullmatch(self.text, first.end, number_start(second))
        lead_en = _LEAD_EN.search(self.text, 0, stop)
        if glue_en is None or lead_en is None:
            return None
        for mention in self.periods:
            if mention.start == glue_en.start("date") and mention.end == glue_en.end("date"):
                return mention, lead_en.start()
        return None

    def _subject(
        self, first: Quantity, lead_start: int
    ) -> tuple[IndicatorSpec, dict[str, str]] | None:
        clause_start = self.clauses.start(first.start)
        for hit in reversed([h for h in self.hits if clause_start <= h.start]):
            if hit.end > lead_start:
                continue
            if not _VERB.fullmatch(without_marks(self.text[hit.end : lead_start])):
                return None
            for term in hit.indicator_terms:
                assert term.indicator is not None
                spec = self.ctx.catalogue.indicators[term.indicator]
                if fits(first.unit, spec.unit):
                    return spec, dict(term.dimensions)
            return None
        return None
