"""Phrases that name a figure only as someone's own.

"views", "orders" or "product lines" say what a figure counts but not whose it is. The
catalogue gives such an indicator its ``owners`` (a platform or a product, as written:
"MOOC", "DingTalk"), and a phrase of it names a figure only where one of them is the last
thing the paragraph named before it: "The number of MOOC courses in China exceeded 76,800,
with 1.277 billion views"; "Over 500 million users utilized Kuaishou Search ... The average
daily searches surpassed 700 million". Another indicator's phrase between the owner and the
phrase ends the owner's reach: in "Didi had provided ... in 355 cities. Meanwhile, the
one-key car hailing service has been available in 325 cities", the 325 cities are the
service's, not Didi's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from app.extract.terms import TermHit
from app.sources.catalogue import Catalogue, Term


@dataclass(frozen=True, slots=True)
class Said:
    """What a paragraph has said so far: its sentences, and the phrases that named something."""

    text: str = ""
    hits: tuple[TermHit, ...] = ()

    def then(self, text: str, hits: list[TermHit]) -> Said:
        """This, followed by one more sentence and the phrases found in it."""
        shift = len(self.text) + 1
        moved = tuple(replace(h, start=h.start + shift, end=h.end + shift) for h in hits)
        return Said(f"{self.text} {text}", (*self.hits, *moved))


def owned_hits(hits: list[TermHit], text: str, said: Said, catalogue: Catalogue) -> list[TermHit]:
    """``hits`` (found in ``text``, the sentence after ``said``) without the terms whose
    owner the paragraph did not name last; a hit left with no term is dropped.

    Where a phrase could be several owners' ("orders" of Meituan's drones or of a car-hailing
    service), it is the one named latest.
    """
    shift = len(said.text) + 1
    context = f"{said.text} {text}"
    named = list(said.hits)
    kept: list[TermHit] = []
    for hit in hits:
        reach = {
            term: _reach(_owners(term, catalogue), context, hit.start + shift, named, catalogue)
            for term in hit.terms
        }
        latest = max((at for at in reach.values() if at is not None), default=None)
        terms = tuple(
            term for term, at in reach.items() if at is not None and at in (_FREE, latest)
        )
        if not terms:
            continue
        trimmed = replace(hit, terms=terms)
        kept.append(trimmed)
        named.append(replace(trimmed, start=hit.start + shift, end=hit.end + shift))
    return kept


# The reach of a term that has no owner: it names its figure anywhere.
_FREE = -1


def _owners(term: Term, catalogue: Catalogue) -> tuple[str, ...]:
    if term.indicator is None:
        return ()
    return tuple(catalogue.indicators[term.indicator].owners)


def _reach(
    owners: tuple[str, ...],
    context: str,
    position: int,
    named: list[TermHit],
    catalogue: Catalogue,
) -> int | None:
    """Where the last of ``owners`` named before ``position`` ends, if no other indicator's
    phrase stands between them; ``_FREE`` for a term without owners; None if out of reach."""
    if not owners:
        return _FREE
    mentions = list(_owner_pattern(owners).finditer(context, 0, position))
    if not mentions:
        return None
    since = mentions[-1].end()
    if any(
        since <= hit.start < position and _names_another(hit, owners, catalogue) for hit in named
    ):
        return None
    return since


def _names_another(hit: TermHit, owners: tuple[str, ...], catalogue: Catalogue) -> bool:
    """Whether a phrase names an indicator that is not one of the same owners'."""
    indicator_terms = hit.indicator_terms
    if not indicator_terms:
        return False
    return not any(set(_owners(term, catalogue)) & set(owners) for term in indicator_terms)


def names_owner(text: str, owners: tuple[str, ...]) -> bool:
    """Whether ``text`` names one of ``owners``, as written."""
    return bool(owners) and _owner_pattern(owners).search(text) is not None


@lru_cache(maxsize=256)
def _owner_pattern(owners: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name in sorted(owners, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{names})(?![A-Za-z0-9])")
