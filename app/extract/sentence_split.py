"""Splitting prose into sentences.

A sentence ends at ``.!?`` (past closing quotes and marks) before a capital, a digit or an
ideograph, but not after an abbreviation (``Dec.``, ``Ltd.``, ``U.S.`` and the like), and at
Chinese ``。！？；``.
"""

from __future__ import annotations

import itertools
import re

from app.extract.document import Sentence, Span
from app.extract.footnotes import marks_in
from app.extract.lines import SUPERSCRIPTS, strip_span

_CJK = "\u3400-\u9fff"
_CLOSERS = rf"[*\"'”’)\]」』）{SUPERSCRIPTS}]*"
_STOP = re.compile(
    rf"(?P<en>[.!?]{_CLOSERS})(?=\s+[A-Z0-9\"“‘'(*\[.■{_CJK}])"
    rf"|[。！？；]{_CLOSERS}"
    rf"|[;!?]{_CLOSERS}(?=[{_CJK}“《])"
)
_ABBREVIATIONS = frozenset(
    {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
    | {"Co", "Ltd", "Inc", "Corp", "No", "Nos", "Mr", "Mrs", "Ms", "Dr", "St", "vs", "Fig"}
)
_WORD_BEFORE_DOT = re.compile(r"(?<![A-Za-z])[A-Za-z]+\Z")
_INITIALISM_BEFORE_DOT = re.compile(r"(?<![A-Za-z.])(?:[A-Za-z]\.)+[A-Za-z]\Z")
_HAS_WORD = re.compile(rf"[0-9A-Za-z{_CJK}]")


def paragraph_sentences(text: str, pieces: list[Span], paragraph: int) -> list[Sentence]:
    """The sentences of a paragraph's pieces, each with its footnote marks."""
    return [
        Sentence(span, marks_in(text, span), paragraph)
        for piece in pieces
        for span in _split_sentences(text, piece)
    ]


def _split_sentences(text: str, piece: Span) -> list[Span]:
    """The sentences of ``piece``; pieces without a letter, digit or ideograph are dropped."""
    bounds = [piece.start, *sentence_stops(text, piece.start, piece.end), piece.end]
    spans = [strip_span(text, start, end) for start, end in itertools.pairwise(bounds)]
    return [span for span in spans if _HAS_WORD.search(span.text)]


def sentence_stops(text: str, start: int, end: int) -> list[int]:
    """Where sentences end within ``start:end``: after ``.!?`` (and closing quotes or
    marks) before a capital, or after Chinese ``。！？；``; not after an abbreviation."""
    return [
        stop.end()
        for stop in _STOP.finditer(text, start, end)
        if not (stop.group("en") and _is_abbreviation(text, stop.start()))
    ]


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the ``.`` at ``dot`` closes an abbreviation (``Dec.``, ``Ltd.``, ``U.S.``)."""
    if text[dot] != ".":
        return False
    before = text[max(0, dot - 12) : dot]
    word = _WORD_BEFORE_DOT.search(before)
    return (word is not None and word.group() in _ABBREVIATIONS) or bool(
        _INITIALISM_BEFORE_DOT.search(before)
    )
