"""Prose and headings: what is left once tables, footnotes and page layout are set aside.

A short line that neither ends nor contains a sentence is a heading (unless the text
resumes it after a page break); every other line is a prose paragraph. A paragraph broken
by a page resumes with a lower-case word or a number and joins the paragraph before it
(see :mod:`app.extract.structure`).
"""

from __future__ import annotations

import re

from app.extract.document import Span
from app.extract.lines import LineKind, ends_sentence, line_body, span_of, strip_span
from app.extract.sentence_split import sentence_stops
from app.extract.table_lines import TABLE_TITLE

_HEADING_MAX = 120
_ENUMERATOR = re.compile(r"\s*(?:[IVX]+|\d+(?:\.\d+)*)\.\s")


def prose_paragraphs(
    text: str, lines: list[Span], kinds: list[LineKind | None]
) -> list[list[Span]]:
    """Classify the remaining lines as headings or prose; each paragraph's pieces.

    A paragraph is a list of pieces; a new piece starts only where a resumed paragraph
    has footnote lines between it and what came before (see :mod:`app.extract.structure`).
    """
    paragraphs: list[list[Span]] = []
    open_paragraph: list[Span] | None = None
    for index, line in enumerate(lines):
        kind = kinds[index]
        if kind is LineKind.BLANK or kind is LineKind.FOOTNOTE:
            continue
        if kind is not None:
            open_paragraph = None
            continue
        if open_paragraph is not None and _continues(line.text):
            _extend(text, open_paragraph, line)
        elif _is_heading(text, line) and not _resumed_by_next(lines, kinds, index):
            kinds[index] = LineKind.HEADING
            open_paragraph = None
            continue
        else:
            open_paragraph = [line_body(text, line)]
            paragraphs.append(open_paragraph)
        if ends_sentence(line.text):
            open_paragraph = None
    return paragraphs


def headings(text: str, lines: list[Span], kinds: list[LineKind | None]) -> tuple[Span, ...]:
    """Headings, captions, contents entries and table title lines, in order."""
    wanted = (LineKind.HEADING, LineKind.CAPTION, LineKind.CONTENTS)
    return tuple(
        line_body(text, line)
        for index, line in enumerate(lines)
        if kinds[index] in wanted
        or (kinds[index] is LineKind.TABLE and TABLE_TITLE.fullmatch(line.text))
    )


def _is_heading(text: str, line: Span) -> bool:
    """A short line that neither ends nor contains a sentence (past ``I.`` or ``2.``)."""
    stripped = line.text.strip()
    enumerator = _ENUMERATOR.match(line.text)
    body_start = line.start + (enumerator.end() if enumerator else 0)
    return (
        len(stripped) <= _HEADING_MAX
        and not stripped[0].islower()
        and not ends_sentence(stripped)
        and not sentence_stops(text, body_start, line.end)
    )


def _continues(line: str) -> bool:
    """Whether ``line`` resumes a sentence broken off by a page break."""
    first = line.lstrip()[0]
    return first.islower() or first.isdigit()


def _resumed_by_next(lines: list[Span], kinds: list[LineKind | None], index: int) -> bool:
    """Whether the next line of text (past blanks and footnotes) resumes ``lines[index]``."""
    following = index + 1
    while following < len(lines) and kinds[following] in (LineKind.BLANK, LineKind.FOOTNOTE):
        following += 1
    return (
        following < len(lines)
        and kinds[following] is None
        and lines[following].text.lstrip()[0].islower()
    )


def _extend(text: str, paragraph: list[Span], line: Span) -> None:
    last = paragraph[-1]
    piece = strip_span(text, line.start, line.end)
    if text[last.end : piece.start].isspace():
        paragraph[-1] = span_of(text, last.start, piece.end)
    else:
        paragraph.append(piece)
