"""The parts of a source text that :func:`app.extract.structure.parse_document` finds.

Every span's ``start``/``end`` are Python ``str`` indexes into the original text, so
``text[start:end] == span.text``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote or table note; ``body_attribution`` names the source it only cites."""

    mark: str
    span: Span
    body_attribution: str | None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A prose sentence, its footnote marks ``(offset, mark)`` and its paragraph's index."""

    span: Span
    marks: tuple[tuple[int, str], ...]
    paragraph: int


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell without surrounding spaces or its trailing footnote mark."""

    span: Span
    marks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """A table row: the whole line, and its tab-separated cells."""

    span: Span
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table; ``title`` is on the title line, ``title_text`` joins its wrapped part."""

    title: Span
    title_text: str
    number: str
    header: tuple[Row, ...]
    rows: tuple[Row, ...]
    notes: tuple[Footnote, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Document:
    """A source text and its structure."""

    text: str
    sentences: tuple[Sentence, ...]
    headings: tuple[Span, ...]
    footnotes: dict[str, Footnote]
    tables: tuple[Table, ...]
