"""A source text cut into lines, the kinds a line can turn out to be, and span helpers.

The parsing passes share one list of kinds, parallel to the lines: ``None`` where no pass
has claimed the line yet.
"""

from __future__ import annotations

import re
from enum import Enum, auto

from app.extract.document import Span

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

_BULLET = re.compile(r"(?:[-•◇]\s+)+")
_TRAILING = " \t\r\n*\"'”’)）]」』■" + SUPERSCRIPTS
_SENTENCE_END = re.compile(r"[.!?。！？:：;；]\Z")


class LineKind(Enum):
    """What a line is, once a pass has claimed it."""

    BLANK = auto()
    TABLE = auto()
    CONTENTS = auto()
    FOOTNOTE = auto()
    CHROME = auto()
    CAPTION = auto()
    LIST = auto()
    HEADING = auto()


def split_lines(text: str) -> list[Span]:
    """Every line, without its line break (``\\n`` or ``\\r\\n``)."""
    lines = []
    start = 0
    for piece in text.split("\n"):
        end = start + len(piece)
        body_end = end - 1 if piece.endswith("\r") else end
        lines.append(span_of(text, start, body_end))
        start = end + 1
    return lines


def span_of(text: str, start: int, end: int) -> Span:
    """The span ``start:end`` of ``text``."""
    return Span(start, end, text[start:end])


def strip_span(text: str, start: int, end: int) -> Span:
    """The span ``start:end`` without white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return span_of(text, start, end)


def line_body(text: str, line: Span) -> Span:
    """A line without white space at either end or a leading bullet (``-``, ``•``, ``◇``)."""
    span = strip_span(text, line.start, line.end)
    bullet = _BULLET.match(span.text)
    return span if bullet is None else strip_span(text, span.start + bullet.end(), span.end)


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence punctuation (past closing quotes and marks)."""
    return _SENTENCE_END.search(line.rstrip(_TRAILING)) is not None


def next_content(kinds: list[LineKind | None], index: int) -> int:
    """The index of the first non-blank line at or after ``index``, or ``len(kinds)``."""
    while index < len(kinds) and kinds[index] is LineKind.BLANK:
        index += 1
    return index
