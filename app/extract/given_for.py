"""Whom a figure is given for, when its sentence names them apart from the figure's phrase.

An indicator whose catalogue entry has ``given_for: application`` takes, as that breakdown,
each application the sentence names before the figure: "instant messaging apps had a more
even distribution of usage period ..., all accounting for more than 5%"; "The usage period
distribution of online shopping apps and that of online payment apps were relatively
similar, with over 80% of the total usage time between 7 am and 22 pm" gives both apps the
80%. Only indicators that say so are read this way: such a figure is each one's own (a share
of its own whole), never a total of several.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.extract.terms import TermHit


def named_before(hits: Sequence[TermHit], position: int, dimension: str) -> list[str]:
    """Each value of ``dimension`` the phrases before ``position`` name, once, in order."""
    values: list[str] = []
    for hit in hits:
        if hit.end > position:
            break
        for value in hit.dimension_values(dimension):
            if value not in values:
                values.append(value)
    return values
