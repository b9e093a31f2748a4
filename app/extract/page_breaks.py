"""Figures a page break cuts in two: "the turnover of applets exceeded RMB" ... footnotes ...
"2 trillion, up by ...", or "single-day searches also exceeded 800" ... "million".

Either the sentence before the break ends on the figure's currency or qualifier and the
sentence after it begins with the number, or the sentence before ends on the number and the
one after begins with its magnitude. The figure is read from both parts, but cited where its
number stands: its span is the number as written ("2 trillion", "800").
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.extract.numbers import Quantity, find_quantities

_QUALIFIER_WORDS = r"more\s+than|over|about|nearly|almost|exceeding|exceeded"
# What ends the part before the break: a currency, with the qualifier before it if there is
# one ("exceeded RMB"), or a qualifier alone.
_CUT_AFTER = re.compile(
    rf"\b(?:(?:{_QUALIFIER_WORDS})\s+)?(?:RMB|USD)\s*$|\b(?:{_QUALIFIER_WORDS})\s*$",
    re.IGNORECASE,
)
_MORE_LAST = re.compile(r"\bmore\s*$", re.IGNORECASE)
_THAN_FIRST = re.compile(r"^than\s+(?=[0-9])", re.IGNORECASE)
_MAGNITUDE_FIRST = re.compile(r"^(?:million|billion|trillion)(?![A-Za-z])", re.IGNORECASE)


def figure_across_break(before: str, after: str, after_start: int) -> Quantity | None:
    """The figure whose currency or qualifier ends ``before`` and whose number begins
    ``after`` (which starts at ``after_start`` in the joined reading of both), if any.

    The quantity's span is the number in ``after``; its ``qualifier_start`` is where its
    words begin in ``before``, so the words before it end there.
    """
    cut = _CUT_AFTER.search(before)
    if cut is None or not after[:1].isdigit():
        return None
    head = before[cut.start() :].rstrip()
    joined = f"{head} {after}"
    number_start = len(head) + 1
    figure = next((q for q in find_quantities(joined) if q.end > number_start), None)
    if figure is None:
        return None
    words_start = figure.start if figure.qualifier_start is None else figure.qualifier_start
    if min(figure.start, words_start) >= len(head):
        return None
    written = joined[number_start : figure.end]
    return replace(
        figure,
        start=after_start,
        end=after_start + len(written),
        text=written,
        qualifier_start=cut.start(),
    )


def magnitude_across_break(before: str, after: str) -> tuple[Quantity, int] | None:
    """The figure whose number ends ``before`` and whose magnitude begins ``after``, with
    where that magnitude ends in ``after``.

    The quantity's span is the number in ``before`` ("800"); its value counts the magnitude
    ("800 million").
    """
    words = _MAGNITUDE_FIRST.match(after)
    quantities = find_quantities(before)
    if words is None or not quantities or before[quantities[-1].end :].strip():
        return None
    last = quantities[-1]
    joined = f"{before.rstrip()} {words.group()}"
    figure = next((q for q in find_quantities(joined) if q.start == last.start), None)
    if figure is None or figure.end <= last.end:
        return None
    return replace(figure, end=last.end, text=last.text), words.end()


def qualified_after_break(before: str, after: str) -> Quantity | None:
    """The first figure of ``after`` when a page break cuts its qualifier in two ("with more"
    ... "than 2.21 million travel notes"): that figure, qualified "more than" from the start
    of ``after``."""
    than = _THAN_FIRST.match(after)
    if than is None or not _MORE_LAST.search(before):
        return None
    first = next(iter(find_quantities(after)), None)
    if first is None or first.start != than.end():
        return None
    return replace(first, qualifier="more than", qualifier_start=0)
