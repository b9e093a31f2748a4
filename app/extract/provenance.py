"""Where a sentence's figures come from and when they hold: the body a figure is credited
to, the period the sentence and its paragraph give, what the text says of a figure's size,
and the notes that explain its date.

The rules belong to the reading of one sentence (``_SentenceRun`` in sentences.py), which
gives this mixin the sentence, its clauses and dates, and the paragraph's state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.extract import cues
from app.extract.clauses import Clauses
from app.extract.context import SourceContext
from app.extract.dating import SentenceDates
from app.extract.footnotes import trailing_mark
from app.extract.levels import ParagraphState, number_start
from app.extract.numbers import Quantity
from app.extract.owners import names_owner
from app.extract.periods import PeriodMention
from app.extract.records import NoteRef
from app.extract.structure import Footnote, Sentence
from app.extract.terms import TermHit, without_marks
from app.periods import is_whole_year, period_bounds

# What may follow a sentence's closing footnote mark.
_SENTENCE_END = " .。!?！？\n"


class Provenance:
    """The attribution, dating and notes rules of a sentence's reading."""

    ctx: SourceContext
    state: ParagraphState
    sentence: Sentence
    text: str
    offset: int
    clauses: Clauses
    quantities: list[Quantity]
    hits: list[TermHit]
    dating: SentenceDates
    attribution: str | None
    framing: str | None
    # Whether neither the sentence nor its paragraph dates its figures.
    undated: bool
    period: str | None
    inherited_note: NoteRef | None
    # The sentences of the text after this one (SentenceReader.sentences_after).
    _sentences_after: Callable[[], Sequence[Sentence]]

    def _sentence_attribution(self) -> str | None:
        """Who the sentence credits: "According to X, ...", or a footnote citing X at its end.
        The first is also kept as ``framing``, what credits each figure of the sentence that
        no footnote mark credits."""
        self.framing = self._opening_credit()
        if self.framing is not None:
            return self.framing
        last_clause = self.clauses.start(len(self.text.rstrip(" .。")))
        return self._credited(last_clause, len(self.text))

    def _opening_credit(self) -> str | None:
        """The body of "According to X, ...", "Data from X, ..." or "X's report showed that"
        (not the report the text is about: "The report by CNNIC revealed that")."""
        match = cues.ACCORDING_TO.match(without_marks(self.text))
        if match is None:
            return None
        shown_by = match.group("shown_by")
        if shown_by is not None:
            if self._is_the_report(shown_by):
                return None
            return self.ctx.catalogue.body(shown_by) or _tidy_body(shown_by)
        if self._is_the_report(match.group("body")):
            return None
        if not cues.NO_BODY.match(match.group("body")):
            body = self.ctx.catalogue.body(match.group("body"))
            return body or _tidy_body(match.group("body"))
        # "According to the data⁶⁷, ...": the footnote on "the data" names the body.
        return self._credited(0, self.clauses.end(0))

    def _is_the_report(self, credit: str) -> bool:
        """Whether a credit names the report the text is about, or its publisher."""
        return bool(cues.THE_REPORT.match(credit)) or self.ctx.names_publisher(credit)

    def _credited(self, start: int, end: int) -> str | None:
        """The body a source-citing footnote marked between ``start`` and ``end`` names."""
        footnote = self._citing_footnote(start, end)
        return None if footnote is None else self._body_of(footnote)

    def _citing_footnote(self, start: int, end: int) -> Footnote | None:
        """The first source-citing footnote marked between ``start`` and ``end``."""
        for position, mark in self.sentence.marks:
            footnote = self.ctx.document.footnotes.get(mark)
            inside = start <= position - self.offset <= end
            if inside and footnote is not None and footnote.body_attribution is not None:
                return footnote
        return None

    def _body_of(self, footnote: Footnote) -> str | None:
        cited = footnote.body_attribution
        return None if cited is None else self.ctx.catalogue.body(cited) or cited

    def _attribution_for(self, quantity: Quantity) -> str | None:
        """The body credited with a figure: the source its footnote cites, else what frames
        the sentence ("According to X", or the paragraph's credit)."""
        footnote = self._crediting_footnote(quantity)
        return self.framing if footnote is None else self._body_of(footnote)

    def _crediting_footnote(self, quantity: Quantity) -> Footnote | None:
        """The footnote that cites a source for a figure: a source-citing footnote mark
        credits what its sentence says before it, back to the citing mark before it, so the
        first such mark after the figure credits it ("up by 14.5% ..., and ... by 25.9% ...;
        attendance grew by 13.3%⁶⁹ ...; and ... orders were up by 20% YoY⁷⁰": all but the 20%
        are ⁶⁹'s). A figure restated right after it ("1108 million, or over 20%¹⁵ of the
        global total") is not credited by the restatement's mark, which cites what the
        restatement adds (the global total), so only a mark before the restatement credits
        it. With no mark after it, a mark before it in its own clause (on what it measures)
        credits it."""
        restatement = self._restatement_of(quantity)
        until = len(self.text) if restatement is None else number_start(restatement)
        following = self._citing_footnote(quantity.end, until)
        clause = self._citing_footnote(self.clauses.start(quantity.start), quantity.start)
        return following or clause or self._passage_footnote(quantity)

    def _passage_footnote(self, quantity: Quantity) -> Footnote | None:
        """The source-citing mark that closes the passage a sentence belongs to: a mark
        credits the sentences of its paragraph before it, back to the mark before it ("The
        number of MOOC courses in China exceeded 76,800, with 1.277 billion views. The country
        ranked first in the world ...⁸²"). Only a mark that ends a sentence closes a passage;
        one inside a sentence credits its clause. A bold lead-in or an "According to" opens
        another passage; a sentence framed by its own credit, and a figure the report dates
        as its own ("By December 2024, China had 355 million online education users"), are
        in none."""
        if self.framing is not None or self._citing_footnote(0, len(self.text)) is not None:
            return None
        if self.dating.near(quantity) == self.ctx.default_period:
            return None
        for later in self._sentences_after():
            text = without_marks(later.span.text)
            if later.paragraph != self.sentence.paragraph or cues.PASSAGE_START.match(text):
                return None
            closing = trailing_mark(later.span.text.rstrip(_SENTENCE_END))
            for _, mark in later.marks:
                footnote = self.ctx.document.footnotes.get(mark)
                if footnote is not None and footnote.body_attribution is not None:
                    return footnote if closing is not None and closing[1] == mark else None
        return None

    def _cited(self, quantity: Quantity) -> tuple[str, NoteRef] | None:
        """The period a figure that neither its sentence nor its paragraph dates takes from
        the source its footnote cites, and the footnote as the note that says so: "It
        achieved a 395% increase in the number of smart agents gaining revenue⁴¹" (⁴¹
        Xinhuanet, November 21, 2024) held by that day, not at the end of the report's
        year. So does a figure its paragraph dates after its source was published: "By the
        end of September, Didi had ... More than 150 million orders⁷⁷ have been made" (⁷⁷
        CCTV.com, July 30, 2024)."""
        if self.dating.near(quantity) is not None:
            return None
        footnote = self._crediting_footnote(quantity)
        cited = None if footnote is None else self.ctx.cited_period(footnote)
        if cited is None or self.undated or self.period is None:
            return cited
        before = period_bounds(cited[0])[1] < period_bounds(self.period)[0]
        return cited if before else None

    def _period_of(self, quantity: Quantity) -> str | None:
        """When a figure holds: the date next to it, else its source's, else the sentence's."""
        cited = self._cited(quantity)
        return self.dating.near(quantity) or (cited[0] if cited else self.period)

    def _restatement_of(self, quantity: Quantity) -> Quantity | None:
        """The figure that restates ``quantity`` in apposition ("1108 million, or over 20% of
        the global total"), if the next one does."""
        later = [q for q in self.quantities if q.start >= quantity.end]
        if not later:
            return None
        following = min(later, key=lambda q: q.start)
        between = without_marks(self.text[quantity.end : number_start(following)])
        return following if cues.RESTATED.fullmatch(between) else None

    def _sentence_period(self) -> str | None:
        """The period for figures the sentence does not date near them: what the paragraph
        said before, else the sentence's first date, else the report's. Later sentences
        inherit the sentence's first month, quarter, day or span of months (a bare year is
        too loose); a sentence with no date of its own that inherits one, and credits no one,
        also continues the report of the sentence that set it, unless it speaks of another
        platform's figures than that sentence did. "At present" sets the
        paragraph's period back to the report's; so does "Since July, ...", which says when
        what the paragraph describes began, not when its figures hold: they are the report's,
        with the phrase kept as a note."""
        if cues.AT_PRESENT.match(self.text):
            self.state.period = self.state.credited = self.state.period_note = None
        since = self._opening_since()
        if since is not None:
            self.state.period, self.state.credited = None, None
            self.state.period_note = since
        another = self._of_another_owner()
        inherited = None if another else self.state.period
        self.inherited_note = None if another else self.state.period_note
        dates = self.dating.dates
        self.undated = not dates and inherited is None
        if not dates and inherited is not None:
            self.state.dated_text = f"{self.state.dated_text} {self.text}"
        if not dates and inherited is not None and self.attribution is None:
            self.attribution = self.framing = self.state.credited
        if dates and not is_whole_year(dates[0].period):
            self.state.period, self.state.credited = dates[0].period, self.attribution
            self.state.period_note = self._within_note(dates[0])
            self.state.dated_text = self.text
        year, self.state.year = self.state.year, None
        if dates and is_whole_year(dates[0].period):
            self.state.year, self.state.year_credited = dates[0].period, self.attribution
        if not dates and year is not None and cues.GOES_ON.match(self.text):
            self.undated = False
            if self.attribution is None:
                self.attribution = self.framing = self.state.year_credited
            return year
        if inherited is not None:
            return inherited
        return dates[0].period if dates else self.ctx.default_period

    def _of_another_owner(self) -> bool:
        """Whether the sentence speaks of a platform's figures (an indicator with owners) that
        none of the sentences the paragraph's period dates named: "Over 500 million users
        utilized Kuaishou Search ... in Q3 2024. ... On the Xiaohongshu website, 70% of monthly
        active users conducted searches" is not dated by Kuaishou's quarter."""
        for hit in self.hits:
            for term in hit.indicator_terms:
                assert term.indicator is not None
                owners = tuple(self.ctx.catalogue.indicators[term.indicator].owners)
                if owners and not names_owner(self.state.dated_text, owners):
                    return True
        return False

    def _opening_since(self) -> NoteRef | None:
        """The note for a sentence that opens on when something began ("Since July, Beijing,
        Shanghai, ... have carried forward ..."), a date no figure of the paragraph holds at."""
        opening = next((m for m in self.dating.periods if m.start == 0), None)
        if opening is None or not cues.SINCE_START.match(opening.text):
            return None
        return NoteRef(
            "date", self.ctx.source, self.offset, self.offset + len(opening.text), opening.text
        )

    def _within_note(self, mention: PeriodMention) -> NoteRef | None:
        """The note that keeps a phrase naming a time within its period ("during the National
        Day holiday", dated October)."""
        if not mention.within:
            return None
        start = self.offset + mention.start
        return NoteRef("date", self.ctx.source, start, start + len(mention.text), mention.text)

    def _qualifier(self, quantity: Quantity) -> str | None:
        """What the text says of a figure's size ("more than"), and whether the figure is only
        expected ("was expected to exceed 1.2 trillion yuan": "expected to be more than")."""
        if not cues.EXPECTED.search(self.text[: number_start(quantity)]):
            return quantity.qualifier
        return "expected" if quantity.qualifier is None else f"expected to be {quantity.qualifier}"

    def _notes_for(self, quantity: Quantity, period: str) -> tuple[list[NoteRef], str]:
        start = self.offset + self.clauses.start(quantity.start)
        end = self.offset + self.clauses.end(quantity.end)
        notes = self._period_notes(quantity, period)
        for position, mark in self.sentence.marks:
            footnote = self.ctx.document.footnotes.get(mark)
            if footnote is None or footnote.body_attribution is not None:
                continue
            if not start <= position <= end:
                continue
            note, moved = self.ctx.note_for(footnote)
            notes.append(note)
            period = moved or period
        return notes, period

    def _period_notes(self, quantity: Quantity, period: str) -> list[NoteRef]:
        """The phrase a figure's period comes from, when it names a time within it: the
        sentence's own, else the one the paragraph's period came from; or the footnote
        whose source dates it, after the opening that says when what it describes began
        ("Since July, ...")."""
        cited = self._cited(quantity)
        if cited is not None and cited[0] == period:
            opening = self.inherited_note if self.undated else None
            since = [] if opening is None else [opening]
            return [*since, cited[1]]
        own = [m for m in self.dating.dates if m.period == period]
        if own:
            nearest = min(own, key=lambda m: abs(m.start - quantity.start))
            note = self._within_note(nearest)
            return [] if note is None else [note]
        inherited = self.inherited_note
        if inherited is not None and period == self.period:
            return [inherited]
        return []


def _tidy_body(body: str) -> str:
    return re.sub(r"\s+(earlier|later)\s+this\s+year$|\s+last\s+year$", "", body.strip())
