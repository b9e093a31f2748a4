"""Where a figure holds, when the sentence names the place apart from the figure's phrase:
"nearly 500 pharmacies in 16 administrative districts ... of Beijing", "More than 1,000
pharmacies in Shanghai have joined ... and completed the settlement for about 2,047,000
people".

Only indicators whose catalogue entry says which dimension a place gives (``located_by``)
are read this way: elsewhere a place in the sentence may be the subject of something else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extract.terms import TermHit, without_marks

# The word that makes a name the place of what came before it: "in Shanghai", "of Beijing".
_IN_OR_OF = re.compile(r"\b(?:in|of)\s*$", re.IGNORECASE)
_AND = re.compile(r"\s*(?:,\s*and|,|and|or)\s*", re.IGNORECASE)


def place_of(
    text: str, hits: Sequence[TermHit], start: int, end: int, dimension: str
) -> str | None:
    """The value of ``dimension`` the sentence ``text`` names as the place of the figure at
    ``start:end``: the first one after it ("in 16 districts of Beijing"), else the last one
    before it ("pharmacies in Shanghai have ... completed the settlement for 2,047,000")."""
    places = [hit for hit in hits if hit.dimension_values(dimension)]
    after = [hit for hit in places if hit.start >= end]
    before = [hit for hit in reversed(places) if hit.end <= start]
    for hit in (*after, *before):
        values = hit.dimension_values(dimension)
        if len(values) == 1 and _IN_OR_OF.search(without_marks(text[: hit.start])):
            return None if _listed(text, hit, places) else values[0]
    return None


def _listed(text: str, hit: TermHit, places: Sequence[TermHit]) -> bool:
    """Whether the place is one of several listed together ("in Beijing and Hebei")."""
    following = [other for other in places if other.start >= hit.end]
    return bool(following) and bool(_AND.fullmatch(text[hit.end : following[0].start]))
