"""Where the clauses of a sentence begin and end."""

from __future__ import annotations

from collections.abc import Sequence

from app.extract import cues
from app.extract.numbers import Quantity
from app.extract.terms import TermHit


class Clauses:
    """Clause boundaries: commas and semicolons, except those inside a number ("1,108") or
    inside a phrase that names something ("the Internet business revenue of news &
    information, search, social networking and other information service-based
    enterprises")."""

    def __init__(
        self, text: str, quantities: Sequence[Quantity], phrases: Sequence[TermHit] = ()
    ) -> None:
        self.text = text
        self.quantities = quantities
        self._unbroken = [(q.start, q.end) for q in quantities]
        self._unbroken.extend((hit.start, hit.end) for hit in phrases)

    def _is_break(self, position: int) -> bool:
        if not cues.CLAUSE_BREAK.match(self.text, position):
            return False
        return not any(start <= position < end for start, end in self._unbroken)

    def start(self, position: int) -> int:
        """Where the clause holding ``position`` begins."""
        for index in range(position - 1, -1, -1):
            if self._is_break(index):
                return index + 1
        return 0

    def start_past_aside(self, position: int) -> int:
        """Where the clause holding ``position`` begins, reading past an aside right before
        it: in "with the turnover of home appliances in seven provinces or cities, including
        Beijing and Hebei, increasing by over 100%", the clause of "100%" begins at "with"."""
        start = self.start(position)
        if start == 0:
            return start
        aside = self.start(start - 1)
        if aside == 0 or not cues.ASIDE.match(self.text, aside):
            return start
        return self.start(aside - 1)

    def end(self, position: int) -> int:
        """Where the clause holding ``position`` ends."""
        for index in range(position, len(self.text)):
            if self._is_break(index):
                return index
        return len(self.text)

    def segment_start(self, position: int) -> int:
        """Where the list a number closes begins: the sentence, or its last ';'."""
        cut = max(self.text.rfind(";", 0, position), self.text.rfind("；", 0, position))
        return cut + 1
