"""Reading lists: numbers given together for the breakdowns named with them.

"36.2%, 32.0%, 30.8% and 25.1%, respectively", "用户规模分别达4.09亿、3.81亿", "依次为13.9%、
11.0%", "51.1:48.9": each number is paired, in order, with the breakdown values named before
it. The indicator may be named once after the list, by the words its `{dimension}` terms put
after the slot ("网上外卖、在线教育……用户规模分别达"); items may be breakdowns of different kinds
("among the aged and the rural population"); a list right after a list of levels gives their
shares or changes ("占网民整体的比例分别为", "较上年分别增长"). A list whose breakdown its
indicator is not broken down by is left out. The rules belong to the reading of one sentence
(``_SentenceRun`` in sentences.py).
"""

from __future__ import annotations

import re
from abc import abstractmethod
from dataclasses import replace
from itertools import pairwise

from app.extract import cues
from app.extract.clauses import Clauses
from app.extract.context import SourceContext
from app.extract.levels import Level, before_qualifier, number_start
from app.extract.numbers import Quantity
from app.extract.recording import Recording
from app.extract.terms import TermHit, fold
from app.sources.catalogue import IndicatorSpec

__all__ = ["ListReading", "units_shared_in_lists"]

# Units a list writes once, after its last figure ("增长2.7和4.1个百分点").
_SHARED_UNITS = frozenset({"percent", "percentage_points"})


def units_shared_in_lists(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities``, where a list writes its unit once after the last figure ("分别增长2.7
    和4.1个百分点", "8.0, 7.3 and 7.3 percent"), with that unit on every bare number of it."""
    shared = list(quantities)
    for index in range(len(shared) - 1, 0, -1):
        later, earlier = shared[index], shared[index - 1]
        bare = earlier.unit == "count" and _BARE.fullmatch(earlier.text) is not None
        glued = cues.RUN_GLUE.match(text[earlier.end : later.start]) is not None
        if later.unit in _SHARED_UNITS and bare and glued:
            shared[index - 1] = replace(earlier, unit=later.unit)
    return shared


_BARE = re.compile(r"[0-9]+(?:\.[0-9]+)?")


class ListReading(Recording):
    """The list rules of a sentence's reading."""

    ctx: SourceContext
    text: str
    quantities: list[Quantity]
    clauses: Clauses
    hits: list[TermHit]
    levels: list[Level]

    @abstractmethod
    def _read_one_with(
        self, quantity: Quantity, spec: IndicatorSpec, dims: dict[str, str]
    ) -> None: ...

    @abstractmethod
    def _read_listed_changes(
        self, run: list[Quantity], spec: IndicatorSpec, breakdowns: list[dict[str, str]]
    ) -> None: ...

    def _run_from(self, index: int) -> list[Quantity]:
        """Numbers listed together ("36.2%, 32.0%, 30.8% and 25.1%, respectively", "51.1:48.9")."""
        run = [self.quantities[index]]
        for following in self.quantities[index + 1 :]:
            glue = self.text[run[-1].end : following.start]
            if following.unit != run[0].unit or not cues.RUN_GLUE.match(glue):
                break
            run.append(following)
        if len(run) < 2:
            return run
        ratio = all(self.text[a.end : b.start] == ":" for a, b in pairwise(run))
        respectively = cues.RESPECTIVELY.match(self.text[run[-1].end :]) or (
            cues.RESPECTIVELY_BEFORE.search(self.text[: run[0].start])
        )
        if ratio or respectively or self._parallel(run):
            return run
        if cues.RANGE_BEFORE.search(self.text[: run[0].start]):
            return run
        return run[:1]

    def _parallel(self, run: list[Quantity]) -> bool:
        """Whether a list as long as ``run`` follows it in the sentence and is the one given
        "respectively": "up by 54.74 million, ... and 39.35 million from December 2023,
        with growth rates of 10.5%, ... and 7.7% respectively"."""
        tail = cues.RESPECTIVELY_LATER.match(self.text, run[-1].end)
        if tail is None:
            return False
        later = [q for q in self.quantities if run[-1].end <= q.start < tail.end()]
        glued = all(cues.RUN_GLUE.match(self.text[a.end : b.start]) for a, b in pairwise(later))
        return len(later) == len(run) and glued

    def _read_list(self, run: list[Quantity]) -> None:
        if cues.RANGE_BEFORE.search(self.text[: run[0].start]):
            for quantity in run:
                self._leave_out(quantity, "a range (between one figure and another)")
            return
        if self._read_listed_shares(run) or self._read_changes_of_listed_levels(run):
            return
        segment_start = self.clauses.segment_start(run[0].start)
        hits = [hit for hit in self.hits if segment_start <= hit.start and hit.end <= run[0].start]
        if self._read_shares_of_a_group(run, hits):
            return
        for dimension in self._dimensions_in(hits):
            values = [value for hit in hits for value in hit.dimension_values(dimension)]
            if len(values) < len(run):
                continue
            subject = self._list_subject(hits, dimension, run[0].start)
            if subject is None:
                break
            takes = self.ctx.catalogue.takes.get(subject[0].code, frozenset())
            if takes and dimension not in takes:
                continue  # "internet users" is not broken down by application
            words_after_subject = self.text[max(hit.end for hit in hits) : number_start(run[0])]
            if cues.CHANGE_BEFORE.search(words_after_subject):
                breakdowns = [{**subject[1], dimension: v} for v in values[-len(run) :]]
                self._read_listed_changes(run, subject[0], breakdowns)
                return
            for quantity, value in zip(run, values[-len(run) :], strict=True):
                dims = {**subject[1], dimension: value}
                self._read_one_with(quantity, subject[0], dims)
            return
        if self._read_mixed_list(run, hits):
            return
        for quantity in run:
            self._leave_out(quantity, "a list whose items the catalogue does not name")

    def _read_shares_of_a_group(self, run: list[Quantity], hits: list[TermHit]) -> bool:
        """Shares of a group's members, listed: "农村地区在线教育和互联网医疗用户分别占农村网民
        整体的31.8%和21.5%" are the usage rates of each application among rural users: the
        listed items' share indicator, with the breakdown the whole ("农村网民") names."""
        cue = cues.SHARE_OF_GROUP.search(self.text, 0, number_start(run[0]))
        if cue is None:
            return False
        members = [hit for hit in hits if hit.end <= cue.start()]
        whole = [hit for hit in hits if hit.start >= cue.start()]
        for dimension in self._dimensions_in(members):
            values = [value for hit in members for value in hit.dimension_values(dimension)]
            subject = self._list_subject(members, dimension, cue.start())
            if len(values) < len(run) or subject is None or subject[0].share is None:
                continue
            share = self.ctx.catalogue.indicators[subject[0].share]
            takes = self.ctx.catalogue.takes.get(subject[0].code, frozenset())
            group = {
                name: value
                for hit in whole
                for term in hit.terms[:1]
                for name, value in term.dimensions
                if name in takes and name != dimension
            }
            for quantity, value in zip(run, values[-len(run) :], strict=True):
                dims = {**subject[1], **group, dimension: value}
                self._read_one_with(quantity, share, dims)
            return True
        return False

    def _read_mixed_list(self, run: list[Quantity], hits: list[TermHit]) -> bool:
        """A list whose items are breakdowns of different kinds, one each: "The internet
        penetration rates among the aged and the rural population have reached 52 percent and
        69.2 percent, respectively"."""
        items = [
            hit.terms[0].dimensions
            for hit in hits
            if not hit.indicator_terms and len(hit.terms) == 1 and len(hit.terms[0].dimensions) == 1
        ]
        subjects = [hit for hit in hits if hit.indicator_terms]
        if (
            len(items) != len(run)
            or not subjects
            or not cues.RESPECTIVELY.match(self.text[run[-1].end :])
        ):
            return False
        subject = self._list_subject(subjects, items[0][0][0], run[0].start)
        if subject is None:
            return False
        takes = self.ctx.catalogue.takes.get(subject[0].code, frozenset())
        if any(item[0][0] not in takes or item[0][0] in subject[1] for item in items):
            return False
        for quantity, item in zip(run, items, strict=True):
            self._read_one_with(quantity, subject[0], {**subject[1], item[0][0]: item[0][1]})
        return True

    def _read_changes_of_listed_levels(self, run: list[Quantity]) -> bool:
        """Changes of the levels just listed, one each: "分别占农村网民整体的31.8%和21.5%,较上年
        分别增长2.7和4.1个百分点"."""
        levels = self.levels[-len(run) :]
        if len(levels) < len(run) or not cues.CHANGE_BEFORE.search(
            before_qualifier(self.text, run[0])
        ):
            return False
        codes = {level.indicator for level in levels}
        if len(codes) != 1 or len({tuple(level.dimensions.items()) for level in levels}) < len(run):
            return False
        spec = self.ctx.catalogue.indicators[codes.pop()]
        if spec.unit == "percent" and run[0].unit != "percentage_points":
            return False  # "an increase of 20.8%" of a share: of the share, or of its users?
        self._read_listed_changes(run, spec, [dict(level.dimensions) for level in levels])
        return True

    def _read_listed_shares(self, run: list[Quantity]) -> bool:
        """Shares of the levels just listed, one each: "用户规模分别达4.09亿、3.81亿,
        占网民整体的比例分别为43.5%、40.5%"."""
        before = self.text[self.clauses.start(run[0].start) : run[0].start]
        levels = self.levels[-len(run) :]
        if len(levels) < len(run) or not cues.SHARE_BEFORE.search(before):
            return False
        codes = {level.indicator for level in levels}
        if len(codes) != 1 or len({tuple(level.dimensions.items()) for level in levels}) < len(run):
            return False
        spec = self.ctx.catalogue.indicators[codes.pop()]
        if spec.share is None:
            return False
        share = self.ctx.catalogue.indicators[spec.share]
        for quantity, level in zip(run, levels, strict=True):
            self._read_one_with(quantity, share, {**level.dimensions, **spec.share_dimensions})
        return True

    def _dimensions_in(self, hits: list[TermHit]) -> list[str]:
        names: list[str] = []
        for hit in reversed(hits):
            for term in hit.terms:
                for name, _ in term.dimensions:
                    if name not in names:
                        names.append(name)
        return names

    def _list_subject(
        self, hits: list[TermHit], dimension: str, run_start: int
    ) -> tuple[IndicatorSpec, dict[str, str]] | None:
        for hit in reversed(hits):
            for term in sorted(hit.indicator_terms, key=lambda t: -t.priority):
                assert term.indicator is not None
                spec = self.ctx.catalogue.indicators[term.indicator]
                dims = {name: value for name, value in term.dimensions if name != dimension}
                return spec, dims
        return self._list_head(hits[-1].end, run_start, dimension) if hits else None

    def _list_head(
        self, start: int, end: int, dimension: str
    ) -> tuple[IndicatorSpec, dict[str, str]] | None:
        """The indicator named once after a list of breakdowns, by the words its terms put
        after one ("网上外卖、在线教育……等数字服务蓬勃发展,用户规模分别达")."""
        between = fold(self.text[start:end])
        named = [
            head
            for head in self.ctx.catalogue.heads
            if head.dimension == dimension and fold(head.phrase) in between
        ]
        if not named:
            return None
        longest = max(len(head.phrase) for head in named)
        indicators = {head.indicator for head in named if len(head.phrase) == longest}
        if len(indicators) != 1:
            return None
        return self.ctx.catalogue.indicators[indicators.pop()], {}
