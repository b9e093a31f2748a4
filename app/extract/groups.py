"""Whom a figure counts: the group a sentence names apart from the figure's phrase.

- People and what they do: "888 million people watch short videos", "322 million of the
  internet users nationwide are living in rural areas" are the users of that breakdown, by the
  indicator whose terms call them "users".
- A breakdown named right after the figure or its phrase: "65.6 percent in rural areas", "160
  million internet users were aged 60 and above"; a breakdown the indicator is not broken down
  by leaves the figure out, for it is not the total.
- A rate right after a group's count is that group's rate.

The rules belong to the reading of one sentence (``_SentenceRun`` in sentences.py).
"""

from __future__ import annotations

from app.extract import cues
from app.extract.clauses import Clauses
from app.extract.context import SourceContext
from app.extract.levels import Level
from app.extract.numbers import Quantity
from app.extract.terms import TermHit, fold
from app.sources.catalogue import IndicatorSpec

__all__ = ["GroupReading"]

# What a people-counting indicator's terms put after a breakdown's name ("{application}
# users", "{area} Internet users").
_USERS = {"users", "用户"}


class GroupReading:
    """The group rules of a sentence's reading."""

    ctx: SourceContext
    text: str
    clauses: Clauses
    hits: list[TermHit]
    levels: list[Level]

    def _people_doing(self, quantity: Quantity) -> tuple[IndicatorSpec, dict[str, str]] | None:
        """A count of people and what they do: "888 million people watch short videos" are
        short video users, by the indicator a list of that breakdown is named by ("users")."""
        if quantity.unit != "count":
            return None
        doing = cues.PEOPLE_DOING.match(self.text, quantity.end)
        if doing is None:
            return None
        end = self.clauses.end(quantity.end)
        named = [
            hit
            for hit in self.hits
            if quantity.end <= hit.start and hit.end <= end and not hit.indicator_terms
        ]
        for hit in named:
            for term in hit.terms:
                for name, value in term.dimensions:
                    users = self._users_indicator(name)
                    if users is not None:
                        dims = {name: value}
                        return users, self._also_named(users.code, named, dims)
        return None

    def _users_indicator(self, dimension: str) -> IndicatorSpec | None:
        """The indicator that counts the users of a value of ``dimension`` ("{application}
        users")."""
        for head in self.ctx.catalogue.heads:
            phrase = fold(head.phrase)
            if head.dimension == dimension and (phrase.endswith(" users") or phrase in _USERS):
                return self.ctx.catalogue.indicators[head.indicator]
        return None

    def _also_named(
        self, indicator: str, hits: list[TermHit], dims: dict[str, str]
    ) -> dict[str, str]:
        """``dims`` with the other breakdowns ``hits`` name that ``indicator`` takes ("on
        their mobile phones")."""
        takes = self.ctx.catalogue.takes.get(indicator, frozenset())
        for hit in hits:
            if len(hit.terms) != 1:
                continue
            for name, value in hit.terms[0].dimensions:
                if name in takes and name not in dims:
                    dims = {**dims, name: value}
        return dims

    def _group_of_rate(self, spec: IndicatorSpec) -> dict[str, str]:
        """The group whose count the sentence gave just before its rate: "the number of
        internet users aged 60 and above reached 119 million, and the internet penetration
        rate reached 43.2 percent" is that group's rate."""
        if not self.levels:
            return {}
        last = self.levels[-1]
        counted = self.ctx.catalogue.indicators[last.indicator]
        takes = self.ctx.catalogue.takes.get(spec.code, frozenset())
        if counted.rate != spec.code or not set(last.dimensions) <= takes:
            return {}
        return dict(last.dimensions)

    def _breakdown_after(
        self, quantity: Quantity, indicator: str, dims: dict[str, str]
    ) -> dict[str, str] | str:
        """A breakdown named right after the figure: "the internet penetration rate reached
        65.6 percent in rural areas". Where the indicator is not broken down that way, why
        the figure is left out: it is of a group no series here holds, and not the total."""
        after = [hit for hit in self.hits if hit.start >= quantity.end]
        following = after[0] if after else None
        start = quantity.end
        glue = cues.BREAKDOWN_AFTER
        if (
            following is not None
            and following.indicator_terms
            and len(after) > 1
            and cues.FOLLOWING_COUNT.match(self.text[quantity.end : following.start])
        ):
            # "160 million internet users were aged 60 and above": past the figure's phrase.
            start, following, glue = following.end, after[1], cues.GROUP_AFTER_PHRASE
        if following is None or following.indicator_terms or len(following.terms) != 1:
            return dims
        if not glue.fullmatch(self.text, start, following.start):
            return dims
        named = following.terms[0].dimensions
        if len(named) != 1 or named[0][0] in dims:
            return dims
        if named[0][0] not in self.ctx.catalogue.takes.get(indicator, frozenset()):
            return f"a figure of one {named[0][0]}, which {indicator} is not broken down by"
        return {**dims, named[0][0]: named[0][1]}
