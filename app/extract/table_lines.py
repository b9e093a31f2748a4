"""Tables as the texts write them, line by line.

A table is a numbered caption (``Table N Title``, ``表1 标题``: a word, a number, a title),
an optional wrapped title line, then tab-separated rows up to a blank or tab-less line, then
any ``Note N:`` / ``Data sources:`` / ``Source:`` lines. A caption without rows under it is
no table.
"""

from __future__ import annotations

import re

from app.extract.document import Cell, Footnote, Row, Span, Table
from app.extract.footnotes import attribution, trailing_mark
from app.extract.lines import LineKind, next_content, span_of, strip_span

TABLE_TITLE = re.compile(r"\s*(?:[A-Z][a-z]{2,9} +|表 *)(\d+) +(\S[^\t]*?)\s*")
_TABLE_NOTE = re.compile(r"\s*(Note\s*\d+|Data sources?|Sources?)\s*[:：]\s*(.*?)\s*", re.I)


def mark_tables(text: str, lines: list[Span], kinds: list[LineKind | None]) -> list[Table]:
    """Mark the lines of every table; the tables, in order."""
    tables = []
    index = 0
    while index < len(lines):
        found = _parse_table(text, lines, kinds, index)
        if found is None:
            index += 1
            continue
        table, after = found
        for covered in range(index, after):
            if kinds[covered] is None:
                kinds[covered] = LineKind.TABLE
        tables.append(table)
        index = after
    return tables


def _parse_table(
    text: str, lines: list[Span], kinds: list[LineKind | None], index: int
) -> tuple[Table, int] | None:
    """The table whose title line is ``lines[index]``, and the index after its last line."""
    title_line = lines[index]
    title_match = TABLE_TITLE.fullmatch(title_line.text)
    if title_match is None:
        return None
    title = strip_span(text, title_line.start + title_match.start(2), title_line.end)
    title_text, first_row = _title_text(lines, kinds, index, title.text)
    end = first_row
    while end < len(lines) and "\t" in lines[end].text and kinds[end] is None:
        end += 1
    if end == first_row:
        return None
    rows = [_parse_row(text, line) for line in lines[first_row:end]]
    header_count = _header_count(rows)
    notes, after = _table_notes(text, lines, kinds, end)
    table = Table(
        title=title,
        title_text=title_text,
        number=title_match.group(1),
        header=tuple(rows[:header_count]),
        rows=tuple(rows[header_count:]),
        notes=tuple(notes),
        span=span_of(text, title_line.start, lines[end - 1].end),
    )
    return table, after


def _title_text(
    lines: list[Span], kinds: list[LineKind | None], index: int, title: str
) -> tuple[str, int]:
    """The title joined over its wrapped line, if any, and the index of the first row.

    A wrapped line is the first line after the title with a single field (it may carry
    stray tabs, as ``Directly under the Central Government\t\t\t`` does); a row has two.
    """
    following = next_content(kinds, index + 1)
    wrapped = following < len(lines) and len(_fields(lines[following].text)) == 1
    if wrapped and TABLE_TITLE.fullmatch(lines[following].text) is None:
        title = f"{title} {lines[following].text.strip()}"
        following = next_content(kinds, following + 1)
    return title, following


def _fields(line: str) -> list[str]:
    return [field for field in line.split("\t") if field.strip()]


def _header_count(rows: list[Row]) -> int:
    """The first row, and the rows after it with no digit (a second row of units)."""
    count = 1
    while count < len(rows) and not re.search("[0-9]", rows[count].span.text):
        count += 1
    return count


def _parse_row(text: str, line: Span) -> Row:
    cells = []
    start = line.start
    for field in line.text.split("\t"):
        cells.append(_parse_cell(text, start, start + len(field)))
        start += len(field) + 1
    return Row(line, tuple(cells))


def _parse_cell(text: str, start: int, end: int) -> Cell:
    span = strip_span(text, start, end)
    mark = trailing_mark(span.text)
    if mark is None or mark[0] == 0:
        return Cell(span, ())
    offset, label = mark
    return Cell(strip_span(text, span.start, span.start + offset), (label,))


def _table_notes(
    text: str, lines: list[Span], kinds: list[LineKind | None], index: int
) -> tuple[list[Footnote], int]:
    """The note lines after a table's rows, and the index after the last of them."""
    notes = []
    after = index
    candidate = next_content(kinds, index)
    while candidate < len(lines):
        note = _parse_note(text, lines[candidate])
        if note is None:
            break
        notes.append(note)
        after = candidate + 1
        candidate = next_content(kinds, after)
    return notes, after


def _parse_note(text: str, line: Span) -> Footnote | None:
    match = _TABLE_NOTE.fullmatch(line.text)
    if match is None:
        return None
    label = " ".join(match.group(1).split())
    body = strip_span(text, line.start + match.start(2), line.end)
    if label.lower().startswith("note"):
        return Footnote("Note " + label[4:].strip(), body, attribution(body.text))
    return Footnote(label, body, body.text)
