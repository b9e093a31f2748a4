"""Reading the figures of running text: which indicator, breakdown and period each number gives.

The rules are general; the catalogue supplies the words. A number is a value of an indicator
when a catalogue phrase names it in the same clause: right after it ("1,108 million Internet
users"), or before it joined by a verb ("the number of rural Internet users ... had amounted
to 313 million"). Around such levels, the words before a number say what else it is: a change
("an increase of 16.08 million compared to December 2023"), a share ("accounting for 28.2% of
the total") or a rate ("the penetration rate climbing to 80.1 percent"). Each family of rules
has its module: changes, gaps, ranges, lists, figures then and now, provenance.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from app.extract import cues
from app.extract.bases import year_end_base
from app.extract.changes import ChangeReading
from app.extract.clauses import Clauses
from app.extract.context import SourceContext
from app.extract.dating import SentenceDates
from app.extract.from_to import FromToReading
from app.extract.gaps import GapReading
from app.extract.given_for import named_before
from app.extract.groups import GroupReading
from app.extract.levels import (
    Level,
    ParagraphState,
    before_qualifier,
    fits,
    indicator_for,
    number_start,
)
from app.extract.lists import ListReading, units_shared_in_lists
from app.extract.modifiers import with_modifiers
from app.extract.numbers import Quantity, find_quantities
from app.extract.owners import owned_hits
from app.extract.page_breaks import (
    figure_across_break,
    magnitude_across_break,
    qualified_after_break,
)
from app.extract.periods import find_periods
from app.extract.places import place_of
from app.extract.provenance import Provenance
from app.extract.ranges import RangeReading, ranges_in
from app.extract.records import Evidence, LeftOut, NoteRef, Record, dimensions_of
from app.extract.structure import Footnote, Sentence, Span, leave_out_reason
from app.extract.terms import without_marks
from app.extract.times_of_day import time_of_day
from app.sources.catalogue import CHANGE_SUFFIX, IndicatorSpec


@dataclass
class SentenceReader:
    """Reads the sentences of one source, in order, carrying context within paragraphs."""

    context: SourceContext
    state: ParagraphState = field(default_factory=ParagraphState)
    records: list[Record] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    # Where the figures read across a page break stand: the sentence after the break does
    # not read them again.
    claimed: set[int] = field(default_factory=set)
    # The whole sentence each part of a Chinese sentence cut at ";" stands in, by its start.
    _wholes: dict[int, tuple[int, int]] | None = None
    # Each sentence's place in the text, by its start.
    _positions: dict[int, int] | None = None

    def sentences_after(self, sentence: Sentence) -> Sequence[Sentence]:
        """The text's sentences after ``sentence`` (none for a heading or a note)."""
        if self._positions is None:
            sentences = self.context.document.sentences
            self._positions = {s.span.start: i for i, s in enumerate(sentences)}
        index = self._positions.get(sentence.span.start)
        return () if index is None else self.context.document.sentences[index + 1 :]

    def whole_sentence(self, part: Span) -> tuple[int, int]:
        """Where the sentence ``part`` belongs to starts and ends: a Chinese sentence is read
        in its ";" parts (each may set its own date and subject), but cited whole, up to its
        "。", so that a quote keeps the date its first part gives."""
        if self._wholes is None:
            self._wholes = _whole_sentences(self.context.document.sentences)
        return self._wholes.get(part.start, (part.start, part.end))

    def read(self, sentence: Sentence, continuation: Sentence | None = None) -> None:
        """Read one sentence; the period a paragraph sets does not reach the next paragraph.

        A sentence cut by a page break ("47.4% of Internet users aged 60 and over had" ...
        footnotes ... "the ability of using mobile phone apps in the mode of the elderly.")
        is read with its ``continuation`` in view, so its figures find their subject there;
        its citations still quote only the part that holds the figure.
        """
        if sentence.paragraph != self.state.paragraph:
            self.state = ParagraphState(paragraph=sentence.paragraph)
        _SentenceRun(self, sentence, continuation).read()

    def read_heading(self, heading: Span) -> None:
        """A headline's figures ("我国网民规模达11.25亿人"); numbering and captions give none."""
        self.state = ParagraphState(paragraph=-2)
        _SentenceRun(self, Sentence(heading, (), -2)).read()
        self.state = ParagraphState()

    def read_note(self, footnote: Footnote) -> None:
        """A footnote's own figures ("urban Internet users reached 795.24 million"), dated by
        the report unless the note says otherwise."""
        self.state = ParagraphState(paragraph=-1)
        _SentenceRun(self, Sentence(footnote.span, (), -1)).read()
        self.state = ParagraphState()


_PART_END = (";", "；")


def _whole_sentences(sentences: Sequence[Sentence]) -> dict[int, tuple[int, int]]:
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        previous = groups[-1][-1] if groups else None
        if (
            previous is not None
            and previous.paragraph == sentence.paragraph
            and previous.span.text.rstrip().endswith(_PART_END)
        ):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return {
        part.span.start: (group[0].span.start, group[-1].span.end)
        for group in groups
        for part in group
    }


class _SentenceRun(
    ChangeReading, GapReading, RangeReading, FromToReading, ListReading, GroupReading, Provenance
):
    """The reading of one sentence."""

    def __init__(
        self, reader: SentenceReader, sentence: Sentence, continuation: Sentence | None = None
    ) -> None:
        self.reader = reader
        self.ctx = reader.context
        self.state = reader.state
        self.sentence = sentence
        self.text = sentence.span.text
        self.offset = sentence.span.start
        self.quantities = units_shared_in_lists(
            self.text,
            [
                q
                for q in find_quantities(self.text)
                if self._is_figure(q) and self.offset + q.start not in reader.claimed
            ],
        )
        self.periods = find_periods(
            self.text,
            reference=self.ctx.reference,
            covered=self.ctx.covered,
            events=self.ctx.catalogue.events,
        )
        qualified = qualified_after_break(self.state.said.text, self.text)
        if qualified is not None:
            self.quantities = [
                qualified if q.start == qualified.start else q for q in self.quantities
            ]
        self.analysis = self.text
        # How far a figure's citation reaches past the sentence, when its magnitude stands
        # after a page break ("exceeded 800" ... "million").
        self.reach: dict[int, int] = {}
        if continuation is not None:
            self._read_across_break(continuation)
        found = with_modifiers(
            self.ctx.finder.find(self.analysis), self.analysis, self.ctx.catalogue
        )
        self.hits = owned_hits(found, self.analysis, self.state.said, self.ctx.catalogue)
        self.clauses = Clauses(self.analysis, self.quantities, self.hits)
        self.dating = SentenceDates(
            self.text, self.periods, self.quantities, self.clauses, self.ctx.reference
        )
        self.attribution = self._sentence_attribution()
        self.inherited_note: NoteRef | None = None
        self.period = self._sentence_period()
        self.levels: list[Level] = []
        self.changed: Level | None = None
        self.base: str | None = None

    def _read_across_break(self, continuation: Sentence) -> None:
        """Figures the page break before ``continuation`` cuts in two."""
        gap = continuation.span.start - self.sentence.span.end
        self.analysis = self.text + " " * gap + continuation.span.text
        after_start = continuation.span.start - self.offset
        cut = figure_across_break(self.text, continuation.span.text, after_start)
        if cut is not None and self._is_figure(cut):
            self.quantities.append(cut)
            self.reader.claimed.add(self.offset + cut.start)
        self._claim_ranges(continuation, after_start)
        across = magnitude_across_break(self.text, continuation.span.text)
        if across is not None:
            figure, reach = across
            self.quantities = [figure if q.start == figure.start else q for q in self.quantities]
            self.reach[figure.start] = after_start + reach

    def _claim_ranges(self, continuation: Sentence, after_start: int) -> None:
        """The ranges of the rest of the sentence ("in contacting family" ... footnotes ...
        "and friends, ... with each making up between 6% and 7%"), read here where the
        breakdowns named before the break are in view."""
        rest = continuation.span.text
        for end in ranges_in(rest, find_quantities(rest)):
            shifted = replace(
                end,
                start=after_start + end.start,
                end=after_start + end.end,
                qualifier_start=None
                if end.qualifier_start is None
                else after_start + end.qualifier_start,
            )
            if self._is_figure(shifted):
                self.quantities.append(shifted)
                self.reader.claimed.add(self.offset + shifted.start)

    def _sentences_after(self) -> Sequence[Sentence]:
        return self.reader.sentences_after(self.sentence)

    def _is_figure(self, quantity: Quantity) -> bool:
        """Whether the structure of the text leaves the number a figure (not a heading's
        numbering, a URL's digits or a footnote number)."""
        start = self.offset + quantity.start
        token = Span(start, self.offset + quantity.end, quantity.text)
        return leave_out_reason(self.ctx.document, token) is None

    # --- reading -----------------------------------------------------------------------------

    def read(self) -> None:
        index = 0
        while index < len(self.quantities):
            if (
                self._read_range(index)
                or self._read_from_to(index)
                or self._read_before_after(index)
            ):
                index += 2
                continue
            run = self._run_from(index)
            if len(run) > 1:
                self._read_list(run)
            else:
                self._read_one(run[0], index)
            index += len(run)
        self.state.levels.extend(self.levels)
        self.state.subject = self._last_subject()
        own = [hit for hit in self.hits if hit.end <= len(self.text)]
        self.state.said = self.state.said.then(self.text, own)

    def _last_subject(self) -> Level | None:
        """What the sentence last spoke of, for a pronoun in the next one: its last catalogue
        phrase, with the breakdown values named after it ("the majority of non-netizens were
        still in rural areas")."""
        for position, hit in reversed(list(enumerate(self.hits))):
            for term in hit.indicator_terms:
                assert term.indicator is not None
                dims = dict(term.dimensions)
                for later in self.hits[position + 1 :]:
                    for name, value in (d for t in later.terms for d in t.dimensions):
                        if later.indicator_terms == () and name not in dims:
                            dims[name] = value
                period = self.period or self.ctx.default_period
                return Level(term.indicator, dims, period)
        return None

    def _read_before_after(self, index: int) -> bool:
        """A figure before and after a change with no dates, its phrase right before "from":
        "reduce the defect rate in its new energy battery production line from 0.3 percent
        to 0.05 percent" gives the rate at the stages "before" and "after"."""
        pair = self.quantities[index : index + 2]
        if len(pair) < 2 or pair[0].unit != pair[1].unit:
            return False
        first, second = pair
        if not cues.BEFORE_AFTER_GLUE.match(self.text[first.end : number_start(second)]):
            return False
        clause_start = self.clauses.start(first.start)
        if any(clause_start <= m.start < second.end for m in self.periods):
            return False
        stop = number_start(first)
        for hit in self.hits:
            lead = self.text[hit.end : stop]
            if not (clause_start <= hit.start and hit.end <= stop):
                continue
            if not cues.BEFORE_AFTER_LEAD.match(without_marks(lead)):
                continue
            for term in hit.indicator_terms:
                assert term.indicator is not None
                spec = self.ctx.catalogue.indicators[term.indicator]
                if fits(first.unit, spec.unit):
                    for quantity, stage in ((first, "before"), (second, "after")):
                        self._read_one_with(
                            quantity, spec, {**dict(term.dimensions), "stage": stage}
                        )
                    return True
        return False

    def _read_one(self, quantity: Quantity, index: int) -> None:
        before = self.text[self.clauses.start(quantity.start) : quantity.start]
        after = self.analysis[quantity.end : self.clauses.end(quantity.end)]
        if cues.RANGE_BEFORE.search(self.text[: quantity.start]):
            self._leave_out(quantity, "a range (between one figure and another)")
            return
        lead = before_qualifier(self.text, quantity)
        if cues.EACH_WITH.search(lead):
            self._leave_out(quantity, "what each counted item has (a definition, not a figure)")
            return
        share = cues.SHARE_BEFORE.search(lead)
        if quantity.unit != "percentage_points" and share is not None:
            # The words of the cue ("占网民整体的") name the whole, not what has the share.
            cue_start = number_start(quantity) - len(lead) + share.start()
            subject = self._share_subject(quantity, cue_start)
            if subject is not None:
                self._read_one_with(quantity, *subject)
                return
        if quantity.unit == "percentage_points" and cues.GAP_AFTER.match(after):
            self._read_gap(quantity, after)
            return
        if quantity.unit == "percentage_points" and (measure := self._points_measure(quantity)):
            self._read_one_with(quantity, *measure)
            return
        if (
            quantity.unit == "percentage_points"
            or cues.CHANGE_BEFORE.search(lead)
            or cues.CHANGE_AFTER.match(after)
            or (cues.BY_BEFORE.search(lead) and cues.YEAR_ON_YEAR_AFTER.match(after))
            or (self.changed is not None and cues.ELLIPTICAL_CHANGE.search(before))
        ):
            self._read_change(quantity, before, after)
            return
        if cues.TO_BEFORE.search(lead) and self.changed is not None:
            changed = self.ctx.catalogue.indicators[self.changed.indicator]
            self._read_one_with(quantity, changed, dict(self.changed.dimensions))
            return
        if self._converted(quantity):
            self._leave_out(quantity, "the previous figure converted to another currency")
            return
        counted = self._group_size(quantity, lead, after)
        if counted is not None:
            self._read_one_with(quantity, *counted)
            return
        starts_with_verb = cues.VERB_ALONE.match(before) is not None
        restates = index > 0 and self._restates_in_brackets(self.quantities[index - 1], quantity)
        if (
            (cues.FROM_BEFORE.search(before) or starts_with_verb or restates)
            and index > 0
            and self.levels
        ):
            previous = self.levels[-1]
            spec = self.ctx.catalogue.indicators[previous.indicator]
            then = self._date_of_base_figure(quantity) if cues.FROM_BEFORE.search(before) else None
            if then is not None and fits(quantity.unit, spec.unit):
                period = year_end_base(then, previous.period)
                self._record(quantity, spec, dict(previous.dimensions), period, remember=False)
                return
            if fits(quantity.unit, spec.unit):
                self._read_one_with(quantity, spec, dict(previous.dimensions))
                return
        subject = (
            self._people_doing(quantity)
            or self._subject_for(quantity)
            or self._pronoun_subject(quantity)
        )
        if subject is None:
            self._leave_out(quantity, self._unnamed_reason(quantity))
            return
        self._read_one_with(quantity, *subject)

    def _date_of_base_figure(self, quantity: Quantity) -> str | None:
        """The date a figure a change is measured from holds at, named right after it: "up
        from 65.2 percent in 2017"."""
        for mention in self.periods:
            between = self.text[quantity.end : mention.start]
            if mention.start >= quantity.end and cues.BASE_FIGURE_DATE.fullmatch(between):
                return mention.period
        return None

    def _restates_in_brackets(self, previous: Quantity, quantity: Quantity) -> bool:
        """Whether ``quantity`` gives the exact figure of the one before it, in brackets:
        "网民规模近11亿人(10.9967亿人)"."""
        return bool(
            cues.BRACKET_OPEN.fullmatch(self.text, previous.end, number_start(quantity))
            and cues.BRACKET_CLOSE.match(self.text, quantity.end)
        )

    def _unnamed_reason(self, quantity: Quantity) -> str:
        """Why no indicator takes a figure: a share at a time of day ("Instant messaging apps
        had an even distribution between 9 am and 19 pm, all accounting for more than 5%")
        is one of usage the catalogue's phrases do not name."""
        if quantity.unit == "percent" and cues.TIME_OF_DAY.search(self.text):
            return "a share at a time of day no indicator in the catalogue names"
        return "no indicator in the catalogue names it here"

    def _pronoun_subject(self, quantity: Quantity) -> tuple[IndicatorSpec, dict[str, str]] | None:
        """What "It" or "They" at the start of the sentence stands for: what the sentence
        before last spoke of, if the figure's unit fits it."""
        previous = self.state.subject
        if previous is None or not cues.PRONOUN_START.match(self.text):
            return None
        return self._resolve(previous.indicator, dict(previous.dimensions), quantity)

    # --- subjects ----------------------------------------------------------------------------

    def _points_measure(self, quantity: Quantity) -> tuple[IndicatorSpec, dict[str, str]] | None:
        """An indicator measured in percentage points, not a change of a percentage: "0.66
        percentage point is the estimated maximum allowable absolute error"."""
        subject = self._subject_for(quantity)
        if subject is None or subject[0].code.endswith(CHANGE_SUFFIX):
            return None
        return subject if subject[0].unit == "percentage_points" else None

    def _converted(self, quantity: Quantity) -> bool:
        """ "1.2 trillion yuan (about 171.39 billion U.S. dollars)": the bracket only converts."""
        index = self.quantities.index(quantity)
        if index == 0:
            return False
        previous = self.quantities[index - 1]
        between = self.text[previous.end : number_start(quantity)]
        currencies = {"yuan", "usd"}
        return (
            between.strip() == "("
            and previous.unit in currencies
            and quantity.unit in currencies
            and previous.unit != quantity.unit
        )

    def _group_size(
        self, quantity: Quantity, lead: str, after: str
    ) -> tuple[IndicatorSpec, dict[str, str]] | None:
        """The size of the group a rate just given is of: "reached 24.0%, with 75.17 million
        users", "reached 24.6%, with the user size of 38.49 million"."""
        if quantity.unit != "count" or not self.levels:
            return None
        if not (cues.GROUP_SIZE_BEFORE.search(lead) or cues.GROUP_SIZE_AFTER.match(after)):
            return None
        level = self.levels[-1]
        counts = self.ctx.catalogue.indicators[level.indicator].counts
        if counts is None:
            return None
        return self.ctx.catalogue.indicators[counts], dict(level.dimensions)

    def _share_subject(
        self, quantity: Quantity, cue_start: int
    ) -> tuple[IndicatorSpec, dict[str, str]] | None:
        """What "accounting for X%" (whose cue starts at ``cue_start``) is a share of: a
        phrase in its clause before the cue, else the last level."""
        clause_start = self.clauses.start(quantity.start)
        for hit in reversed(
            [h for h in self.hits if clause_start <= h.start and h.end <= cue_start]
        ):
            for term in hit.indicator_terms:
                resolved = self._resolve(term.indicator, dict(term.dimensions), quantity)
                if resolved is not None:
                    return resolved
        for level in reversed(self.levels):
            spec = self.ctx.catalogue.indicators[level.indicator]
            if spec.share is not None or spec.unit == "percent":
                return self._resolve(level.indicator, dict(level.dimensions), quantity)
        previous = self.state.subject
        if previous is not None and cues.PRONOUN_SHARE.search(
            self.text[clause_start : quantity.start]
        ):
            return self._resolve(previous.indicator, dict(previous.dimensions), quantity)
        return self._share_named_earlier(quantity)

    def _share_named_earlier(
        self, quantity: Quantity
    ) -> tuple[IndicatorSpec, dict[str, str]] | None:
        """A share whose own phrase stands in an earlier clause of the sentence: "The primary
        factor ... was the convenience of communicating with their family members,
        accounting for 18.7%"."""
        for hit in reversed([h for h in self.hits if h.end <= quantity.start]):
            for term in hit.indicator_terms:
                assert term.indicator is not None
                if self.ctx.catalogue.indicators[term.indicator].unit == "percent":
                    return self._resolve(term.indicator, dict(term.dimensions), quantity)
        return None

    def _subject_for(self, quantity: Quantity) -> tuple[IndicatorSpec, dict[str, str]] | None:
        limit = self.clauses.end(quantity.end)
        for following in self.quantities:
            if following.start >= quantity.end:
                if quantity.unit == following.unit or not cues.APPOSED.match(
                    self.text[quantity.end : following.end + 1]
                ):
                    limit = min(limit, following.start)
                break
        after = [hit for hit in self.hits if quantity.end <= hit.start < limit]
        candidates = sorted(
            ((term, hit) for hit in after for term in hit.indicator_terms),
            key=lambda pair: (-pair[0].priority, pair[1].start),
        )
        for term, hit in candidates:
            gap = without_marks(self.analysis[quantity.end : hit.start])
            resolved = self._resolve_following(term.indicator, dict(term.dimensions), quantity, gap)
            if resolved is not None:
                return resolved
        return self._subject_before(quantity) or self._rate_named_after(quantity)

    def _rate_named_after(self, quantity: Quantity) -> tuple[IndicatorSpec, dict[str, str]] | None:
        """ "1.032 billion internet users, 73.0% penetration rate": a bare rate word right
        after a percentage names the rate of the sentence's count."""
        if quantity.unit != "percent" or not cues.RATE_AFTER.match(self.text, quantity.end):
            return None
        return self._rate_subject(quantity)

    def _resolve_following(
        self, code: str | None, dims: dict[str, str], quantity: Quantity, gap: str
    ) -> tuple[IndicatorSpec, dict[str, str]] | None:
        """A phrase after a number names it when it follows at once ("1,108 million Internet
        users"); after a percentage it may stand further off, but "47.6% of Internet users"
        names only whose share it is, not what the share is of."""
        if code is None:
            return None
        spec = self.ctx.catalogue.indicators[code]
        if quantity.unit != "percent":
            return (
                (spec, dims)
                if (
                    cues.FOLLOWING_COUNT.match(gap)
                    or cues.APPOSED.fullmatch(gap)
                    or cues.IS_THE.match(gap)
                )
                and fits(quantity.unit, spec.unit)
                else None
            )
        if spec.unit == "percent":
            return spec, dims
        if spec.share is None or cues.DENOMINATOR.match(gap):
            return None
        return self.ctx.catalogue.indicators[spec.share], {**dims, **spec.share_dimensions}

    def _subject_before(self, quantity: Quantity) -> tuple[IndicatorSpec, dict[str, str]] | None:
        clause_start = self.clauses.start(quantity.start)
        stop = number_start(quantity)
        before = [h for h in self.hits if clause_start <= h.start and h.end <= stop]
        ranked: list[tuple[tuple[int, int, int], tuple[IndicatorSpec, dict[str, str]]]] = []
        for distance, hit in enumerate(reversed(before)):
            gap = without_marks(self.text[hit.end : stop])
            elliptical = cues.THAT_OF.search(self.text[: hit.start]) and not gap.strip()
            verb_in_phrase = not gap.strip() and cues.ENDS_IN_VERB.search(
                self.text[hit.start : hit.end]
            )
            if not (elliptical or verb_in_phrase or self._linked(gap, quantity)):
                continue
            for term in hit.indicator_terms:
                resolved = self._resolve(term.indicator, dict(term.dimensions), quantity)
                if resolved is not None:
                    exact = resolved[0].code == term.indicator
                    ranked.append(((0 if exact else 1, -term.priority, distance), resolved))
        if ranked:
            return min(ranked, key=lambda pair: pair[0])[1]
        rate = cues.RATE_WORDS.search(self.text[clause_start:stop])
        if rate is not None:
            return self._rate_subject(quantity)
        return None

    @staticmethod
    def _linked(gap: str, quantity: Quantity) -> bool:
        """Whether a phrase and the number after it read as subject, verb, figure: "users
        reached 822 million", "网民规模达11.25亿", or with no verb at all in Chinese."""
        if gap == "" or cues.LINK.match(gap):
            return True
        return quantity.qualifier is not None and bool(cues.AUXILIARIES.match(gap))

    def _rate_subject(self, quantity: Quantity) -> tuple[IndicatorSpec, dict[str, str]] | None:
        level = self._last_level(lambda spec: spec.rate is not None or spec.unit == "percent")
        if level is None:
            level = self._named_before(quantity)
        if level is None:
            return None
        spec = self.ctx.catalogue.indicators[level.indicator]
        if spec.rate is not None:
            spec = self.ctx.catalogue.indicators[spec.rate]
        if not fits(quantity.unit, spec.unit):
            return None
        return spec, dict(level.dimensions)

    def _named_before(self, quantity: Quantity) -> Level | None:
        """A rate named earlier in the sentence without a figure of its own ("Internet usage
        among people aged 60 and above ... with the usage rate reaching 53.7%")."""
        for hit in reversed([h for h in self.hits if h.end <= quantity.start]):
            for term in hit.indicator_terms:
                assert term.indicator is not None
                spec = self.ctx.catalogue.indicators[term.indicator]
                if spec.unit == "percent" or spec.rate is not None:
                    period = self._period_of(quantity)
                    if period is not None:
                        return Level(term.indicator, dict(term.dimensions), period)
        return None

    def _resolve(
        self, code: str | None, dims: dict[str, str], quantity: Quantity
    ) -> tuple[IndicatorSpec, dict[str, str]] | None:
        """The indicator a number gives when a phrase for ``code`` names it, if the units agree."""
        if code is None:
            return None
        return indicator_for(self.ctx.catalogue, code, dims, quantity.unit)

    def _last_level(self, accept: Callable[[IndicatorSpec], bool]) -> Level | None:
        """The latest level in the paragraph whose indicator ``accept`` takes."""
        for level in reversed([*self.state.levels, *self.levels]):
            if accept(self.ctx.catalogue.indicators[level.indicator]):
                return level
        return None

    # --- records -----------------------------------------------------------------------------

    def _read_one_with(self, quantity: Quantity, spec: IndicatorSpec, dims: dict[str, str]) -> None:
        resolved = self._resolve(spec.code, dims, quantity)
        if resolved is None:
            self._leave_out(quantity, f"its unit does not fit {spec.code} ({spec.unit})")
            return
        spec, dims = resolved
        dims = dims or self._group_of_rate(spec)
        if spec.located_by is not None and spec.located_by not in dims:
            place = place_of(self.text, self.hits, quantity.start, quantity.end, spec.located_by)
            dims = dims if place is None else {**dims, spec.located_by: place}
        narrowed = self._breakdown_after(quantity, spec.code, dims)
        if isinstance(narrowed, str):
            self._leave_out(quantity, narrowed)
            return
        breakdowns = self._breakdowns_named_apart(quantity, spec, narrowed)
        if isinstance(breakdowns, str):
            self._leave_out(quantity, breakdowns)
            return
        period = self._level_period(quantity, spec)
        if period is None:
            self._leave_out(quantity, "no period is given for it")
            return
        for breakdown in breakdowns:
            self._record(quantity, spec, breakdown, period, remember=True)

    def _breakdowns_named_apart(
        self, quantity: Quantity, spec: IndicatorSpec, dims: dict[str, str]
    ) -> list[dict[str, str]] | str:
        """The breakdowns a figure is given for: ``dims``, with the time of day and each
        value of ``given_for`` its sentence names, if its indicator takes them; else why
        the figure cannot be read."""
        if spec.by_time_of_day:
            time = time_of_day(self.text)
            if time is None:
                return "a share at a time of day the sentence does not single out"
            dims = {**dims, "time_of_day": time}
        if spec.given_for is None or spec.given_for in dims:
            return [dims]
        values = named_before(self.hits, quantity.start, spec.given_for)
        if not values:
            return f"a figure whose {spec.given_for} the sentence does not name"
        return [{**dims, spec.given_for: value} for value in values]

    def _record_bound(self, quantity: Quantity, spec: IndicatorSpec, dims: dict[str, str]) -> None:
        period = self._level_period(quantity, spec)
        if period is None:
            self._leave_out(quantity, "no period is given for it")
            return
        self._record(quantity, spec, dims, period, remember=False)

    def _level_period(self, quantity: Quantity, spec: IndicatorSpec) -> str | None:
        """When a level holds: the date next to it or its source's, else, in a sentence with
        no date of its own, the date of the paragraph's earlier figure of the same indicator
        (a parallel breakdown: "44.7% of Internet users paid attention to the information on
        traveling ..." then, after sentences on the National Day holiday, "47.6% of Internet
        users paid attention to information on sports ..."), else the sentence's period."""
        dated = self.dating.near(quantity) is not None or self._cited(quantity) is not None
        if not dated and not self.dating.dates:
            for level in reversed(self.state.levels):
                if level.indicator == spec.code:
                    return level.period
        return self._period_of(quantity)

    def _record(
        self,
        quantity: Quantity,
        spec: IndicatorSpec,
        dims: dict[str, str],
        period: str,
        *,
        remember: bool,
        negative: bool = False,
    ) -> None:
        """Keep a value; a fall ("down by 16.08 million") is kept as a negative change. A
        count of people dated by a whole year holds at its end (``Catalogue.stocks``)."""
        ended = self.ctx.catalogue.year_end(spec.code, period)
        if ended != period:
            period = ended
            base = dims.get("compared_with")
            if base is not None:
                dims = {**dims, "compared_with": self.ctx.catalogue.year_end(spec.code, base)}
        dated = period
        notes, period = self._notes_for(quantity, period)
        whole_start, whole_end = self.reader.whole_sentence(self.sentence.span)
        start = min(self.offset, whole_start)
        end = max(
            whole_end,
            self.offset + max(len(self.text), quantity.end, self.reach.get(quantity.start, 0)),
        )
        record = Record(
            indicator=spec.code,
            dimensions=dimensions_of(dims),
            period=period,
            value=-quantity.value if negative else quantity.value,
            precision=quantity.precision,
            report=self.ctx.report,
            evidence=Evidence(
                source=self.ctx.source,
                start=start,
                end=end,
                quote=self.ctx.document.text[start:end],
                as_reported=quantity.text,
                value_start=self.offset + quantity.start,
                value_end=self.offset + quantity.end,
            ),
            qualifier=self._qualifier(quantity),
            attributed_to=self._attribution_for(quantity),
            notes=tuple(notes),
            moved_from=dated if period != dated else None,
        )
        self.reader.records.append(record)
        if remember:
            self.levels.append(Level(spec.code, dict(dims), period))

    def _leave_out(self, quantity: Quantity, reason: str) -> None:
        self.reader.left_out.append(
            LeftOut(
                self.ctx.source,
                self.offset + quantity.start,
                self.offset + quantity.end,
                quantity.text,
                reason,
            )
        )
