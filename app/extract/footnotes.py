"""Footnotes: the footnote lines, the marks that point to them, and the sources they cite.

A mark is a run of superscript digits (``¹²``) or a ``^{note 1}``; its label is the
footnote's number in ASCII digits, or ``Note 1``.
"""

from __future__ import annotations

import re

from app.extract.document import Footnote, Span
from app.extract.lines import SUPERSCRIPTS, LineKind, strip_span

_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")
_MARK = re.compile(rf"[{SUPERSCRIPTS}]+|\^\{{\s*note\s*(\d+)\s*\}}", re.I)
_TRAILING_MARK = re.compile(rf"(?:{_MARK.pattern})\Z", re.I)
_FOOTNOTE_LINE = re.compile(rf"\s*([{SUPERSCRIPTS}]+)\s+(\S.*?)\s*")
_CITATION = re.compile(r"(?P<name>[^<>]+?),\s*<?(?:https?://|www\.)")
# The words after a citation's last URL: ", November 21, 2024."
_AFTER_URL = re.compile(r"(?:https?://|www\.)\S*\s*,?(?P<date>[^<>]*?)\.?\s*\Z")


def marks_in(text: str, span: Span) -> tuple[tuple[int, str], ...]:
    """Every mark within ``span``: its offset in ``text`` and its label."""
    return tuple(
        (mark.start(), _mark_label(mark)) for mark in _MARK.finditer(text, span.start, span.end)
    )


def trailing_mark(text: str) -> tuple[int, str] | None:
    """The offset and label of the mark that ends ``text``, if one does."""
    mark = _TRAILING_MARK.search(text)
    return None if mark is None else (mark.start(), _mark_label(mark))


def _mark_label(mark: re.Match[str]) -> str:
    note = mark.group(1)
    return f"Note {note}" if note else mark.group().translate(_FROM_SUPERSCRIPT)


def mark_footnotes(text: str, lines: list[Span], kinds: list[LineKind | None]) -> list[Footnote]:
    """Mark the lines that start with a superscript number; the footnotes they hold."""
    footnotes = []
    for index, line in enumerate(lines):
        match = _FOOTNOTE_LINE.fullmatch(line.text) if kinds[index] is None else None
        if match is not None:
            kinds[index] = LineKind.FOOTNOTE
            body = strip_span(text, line.start + match.start(2), line.end)
            mark = match.group(1).translate(_FROM_SUPERSCRIPT)
            footnotes.append(Footnote(mark, body, attribution(body.text)))
    return footnotes


def attribution(body: str) -> str | None:
    """The cited source's name when ``body`` is a citation: ``Name, <URL>, Date.``"""
    citation = _CITATION.match(body)
    return None if citation is None else citation.group("name").strip()


def published(body: str) -> str | None:
    """What a citation says after its URL, where it gives the day the source was published
    (``November 21, 2024``), when ``body`` is a citation that does."""
    if _CITATION.match(body) is None:
        return None
    after = _AFTER_URL.search(body)
    return None if after is None else after.group("date").strip() or None
