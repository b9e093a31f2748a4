"""Breakdowns named as modifiers: "农村网民规模", "手机网络支付用户规模", "60岁及以上老年网民规模".

A phrase that only names a breakdown, standing right before a phrase that names an indicator,
narrows it, when the indicator is broken down that way (`Catalogue.takes`): the two read as
one phrase. Anything else between them ("农村的发展, 网民规模") keeps them apart.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.extract.terms import TermHit
from app.sources.catalogue import Catalogue, Term

__all__ = ["with_modifiers"]

# What may stand between a modifier and the phrase it narrows: spaces, "的".
_JOIN = re.compile(r"[\s的]*")


def with_modifiers(hits: list[TermHit], text: str, catalogue: Catalogue) -> list[TermHit]:
    """``hits`` with each run of breakdown-only phrases merged into the indicator phrase
    right after it, where that indicator takes their breakdowns."""
    merged: list[TermHit] = []
    for hit in hits:
        modifiers: list[TermHit] = []
        while merged and _modifies(merged[-1], modifiers[0] if modifiers else hit, text):
            modifiers.insert(0, merged.pop())
        narrowed = _narrowed(hit, modifiers, catalogue) if modifiers else None
        if narrowed is None:
            merged.extend(modifiers)
            merged.append(hit)
        else:
            merged.append(narrowed)
    return merged


def _modifies(before: TermHit, after: TermHit, text: str) -> bool:
    return not before.indicator_terms and _JOIN.fullmatch(text, before.end, after.start) is not None


def _narrowed(hit: TermHit, modifiers: list[TermHit], catalogue: Catalogue) -> TermHit | None:
    if any(len(modifier.terms) != 1 for modifier in modifiers):
        return None
    named = [pair for modifier in modifiers for pair in modifier.terms[0].dimensions]
    terms: list[Term] = []
    for term in hit.indicator_terms:
        assert term.indicator is not None
        takes = catalogue.takes.get(term.indicator, frozenset())
        own = {name for name, _ in term.dimensions}
        added = tuple((name, value) for name, value in named if name in takes and name not in own)
        if len(added) == len(named) and len({name for name, _ in added}) == len(added):
            terms.append(replace(term, dimensions=(*added, *term.dimensions)))
    if not terms:
        return None
    return TermHit(modifiers[0].start, hit.end, tuple(terms))
