"""Reading ranges: "with each making up between 6% and 7%" gives, for every breakdown the
sentence names, a lower and an upper bound.

A range is not one figure, and its middle is nobody's figure: the source says only that the
value lies between two numbers. Each bound is kept as what it is, an exact bound, under the
dimension ``bound`` (``lower``, ``upper``) of the indicator the sentence names, so that a
client asking for the headline value of a breakdown finds none, and one asking for its
bounds finds both, each citing the sentence.

A range shared by several breakdowns ("A, B and C ... with each making up between 6% and
7%", "D, E and F accounted for between 5% and 6%, respectively") holds for each of them; one
given for several breakdowns without "each" or "respectively" may be their sum, and is left
out. The rules belong to the reading of one sentence (``_SentenceRun`` in sentences.py).
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Sequence
from itertools import pairwise

from app.extract import cues
from app.extract.context import SourceContext
from app.extract.levels import fits, number_start
from app.extract.numbers import Quantity
from app.extract.recording import Recording
from app.extract.terms import TermHit
from app.sources.catalogue import IndicatorSpec

# "between 6% and 7%", "between 5 and 6 percent": the words that join a range's two numbers.
_RANGE_GLUE = re.compile(r"^\s*(?:and|to)\s*$", re.IGNORECASE)
# A range that holds for each breakdown named before it.
_EACH = re.compile(r"\beach\b|\brespectively\b", re.IGNORECASE)

_SEVERAL = "a range shared by several breakdowns without 'each' (it may be their sum)"
_UNNAMED = "a range whose breakdowns the catalogue does not name"


class RangeReading(Recording):
    """The range rule of a sentence's reading."""

    ctx: SourceContext
    analysis: str
    quantities: list[Quantity]
    hits: list[TermHit]

    @abstractmethod
    def _record_bound(
        self, quantity: Quantity, spec: IndicatorSpec, dims: dict[str, str]
    ) -> None: ...

    def _read_range(self, index: int) -> bool:
        """Read the range that starts at ``self.quantities[index]``, if one does."""
        pair = self.quantities[index : index + 2]
        if len(pair) < 2 or not is_range(self.analysis, pair[0], pair[1]):
            return False
        lower, upper = pair
        subjects = self._range_subjects(lower)
        if not subjects:
            reason = _UNNAMED
        elif len(subjects) > 1 and not _EACH.search(self._sentence_around(lower, upper)):
            reason = _SEVERAL
        else:
            for spec, dims in subjects:
                self._record_bound(lower, spec, {**dims, "bound": "lower"})
                self._record_bound(upper, spec, {**dims, "bound": "upper"})
            return True
        self._leave_out(lower, reason)
        self._leave_out(upper, reason)
        return True

    def _range_subjects(self, lower: Quantity) -> list[tuple[IndicatorSpec, dict[str, str]]]:
        """The breakdowns the range is of: the phrases before it, since the last figure, that
        name the same indicator as the last of them and fit the range's unit."""
        previous_end = max((q.end for q in self.quantities if q.end <= lower.start), default=0)
        stop = number_start(lower)
        named = [h for h in self.hits if previous_end <= h.start and h.end <= stop]
        subjects: list[tuple[IndicatorSpec, dict[str, str]]] = []
        indicator: str | None = None
        for hit in reversed(named):
            for term in hit.indicator_terms:
                assert term.indicator is not None
                spec = self.ctx.catalogue.indicators[term.indicator]
                if not fits(lower.unit, spec.unit) or indicator not in (None, spec.code):
                    continue
                indicator = spec.code
                dims = dict(term.dimensions)
                if all(dims != seen for _, seen in subjects):
                    subjects.append((spec, dims))
                break
        return subjects[::-1]

    def _sentence_around(self, lower: Quantity, upper: Quantity) -> str:
        """The words of the range's own sentence ("each ... between", "... respectively")."""
        end = self.analysis.find(".", upper.end)
        return self.analysis[: len(self.analysis) if end < 0 else end]


def is_range(text: str, first: Quantity, second: Quantity) -> bool:
    """Whether ``first`` and ``second`` are the ends of one range: "between 6% and 7%"."""
    if first.unit != second.unit:
        return False
    glue = text[first.end : number_start(second)]
    return bool(_RANGE_GLUE.match(glue) and cues.RANGE_BEFORE.search(text[: number_start(first)]))


def ranges_in(text: str, quantities: Sequence[Quantity]) -> list[Quantity]:
    """The numbers of ``text`` that are the ends of a range, in order."""
    ends: list[Quantity] = []
    for first, second in pairwise(quantities):
        if first not in ends and is_range(text, first, second):
            ends.extend((first, second))
    return ends
