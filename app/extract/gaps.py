"""Reading gaps: "Their proportion had reached 54.4% of the total non-netizens, 20.6
percentage points higher than that of the rural population in the total population".

A gap is the difference between the share just given and another one at the same time and
for the same breakdown, named after "than": not a change over time. It is kept as given,
under the indicator ``<share>_gap`` with the indicator it is measured against in the
dimension ``compared_with`` (positive where the share is the higher), and the other share is
then derived from the two (app/extract/merge.py). The rules belong to the reading of one
sentence (``_SentenceRun`` in sentences.py).
"""

from __future__ import annotations

from app.extract import cues
from app.extract.clauses import Clauses
from app.extract.context import SourceContext
from app.extract.levels import Level
from app.extract.numbers import Quantity
from app.extract.recording import Recording
from app.extract.terms import TermHit
from app.sources.catalogue import GAP_SUFFIX

_NO_LEVEL = "a gap from a figure the text does not give"
_NO_OTHER = "a gap to a figure the catalogue does not name"
_OTHER_BREAKDOWN = "a gap to a figure of another breakdown"


class GapReading(Recording):
    """The gap rule of a sentence's reading."""

    ctx: SourceContext
    text: str
    clauses: Clauses
    hits: list[TermHit]
    levels: list[Level]

    def _read_gap(self, quantity: Quantity, after: str) -> None:
        """A gap in percentage points ("20.6 percentage points higher than that of ...")
        between the sentence's last share and the share named after "than"."""
        level = next(
            (
                level
                for level in reversed(self.levels)
                if self.ctx.catalogue.indicators[level.indicator].unit == "percent"
            ),
            None,
        )
        if level is None:
            self._leave_out(quantity, _NO_LEVEL)
            return
        other = self._compared_share(quantity)
        if other is None:
            self._leave_out(quantity, _NO_OTHER)
            return
        code, dims = other
        if dims != level.dimensions:
            self._leave_out(quantity, _OTHER_BREAKDOWN)
            return
        spec = self.ctx.catalogue.indicators[level.indicator + GAP_SUFFIX]
        gap_dims = {**level.dimensions, "compared_with": code}
        lower = bool(cues.GAP_BELOW.match(after))
        self._record(quantity, spec, gap_dims, level.period, remember=False, negative=lower)

    def _compared_share(self, quantity: Quantity) -> tuple[str, dict[str, str]] | None:
        """The share a gap is measured against: the first percent indicator a phrase names
        after the gap, in its clause."""
        end = self.clauses.end(quantity.end)
        for hit in (h for h in self.hits if quantity.end <= h.start < end):
            for term in hit.indicator_terms:
                assert term.indicator is not None
                if self.ctx.catalogue.indicators[term.indicator].unit == "percent":
                    return term.indicator, dict(term.dimensions)
        return None
