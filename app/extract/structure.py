"""The structure of a source text: sentences, headings, footnotes and tables, cited by offset.

Everything here is pure: a text goes in, spans come out, and every span's ``start``/``end``
are Python ``str`` indexes into the original text, so ``text[start:end] == span.text``.

How a text is read, line by line:

* Tables come first: a line ``Table N Title`` (or the misspelt ``Tabel N``), an optional
  wrapped title line, then tab-separated rows up to a blank or tab-less line, then any
  ``Note N:`` / ``Data sources:`` / ``Source:`` lines.
* The contents page (the entries after a ``Contents`` line that end in a page number),
  footnote lines (starting with a superscript number), figure captions and page chrome
  (breadcrumbs, by-lines, copyright and licence lines, and everything after an editor's
  ``编辑:`` line) are set aside.
* Runs of two or more adjacent lines none of which ends a sentence (the supporting-
  organisations list) are lists: neither prose nor headings.
* Of what is left, a short line that neither ends nor contains a sentence is a heading
  (unless the text resumes it after a page break); every other line is a prose paragraph,
  its sentences split at ``.!?`` before a capital (not after ``Dec.``, ``Ltd.``, ``U.S.``
  and the like) and at Chinese ``。！？；``.

Page breaks. The report's paragraphs are sometimes broken by a page: a line stops
mid-sentence, footnote lines (or only blank lines) follow, and the paragraph resumes with a
lower-case word or a number. The resumed piece joins the same paragraph (the same
``Sentence.paragraph`` index), but a sentence's span never runs over a footnote line: where
footnotes lie between the pieces the sentence ends at the break and the rest of it starts
the next sentence, so no sentence contains a footnote line and callers carry the subject
over by the shared paragraph index. Where only blank lines lie between, the sentence runs on
across them (its text then holds those newlines), which keeps its numbers with their subject.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import Enum, auto

__all__ = [
    "Cell",
    "Document",
    "Footnote",
    "Row",
    "Sentence",
    "Span",
    "Table",
    "leave_out_reason",
    "numerals",
    "parse_document",
]


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


class _Kind(Enum):
    BLANK = auto()
    TABLE = auto()
    CONTENTS = auto()
    FOOTNOTE = auto()
    CHROME = auto()
    CAPTION = auto()
    LIST = auto()
    HEADING = auto()


_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPTS, "0123456789")
_CJK = "\u3400-\u9fff"
_HEADING_MAX = 120
_ENUMERATOR = re.compile(r"\s*(?:[IVX]+|\d+(?:\.\d+)*)\.\s")

_TABLE_TITLE = re.compile(r"\s*(?:Table|Tabel)\s+(\d+)\s+(\S.*?)\s*")
_TABLE_NOTE = re.compile(r"\s*(Note\s*\d+|Data sources?|Sources?)\s*[:：]\s*(.*?)\s*", re.I)
_CELL_MARK = re.compile(rf"\s*(?:\^\{{\s*note\s*(\d+)\s*\}}|([{_SUPERSCRIPTS}]+))\Z", re.I)
_FOOTNOTE_LINE = re.compile(rf"\s*([{_SUPERSCRIPTS}]+)\s+(\S.*?)\s*")
_MARK = re.compile(rf"[{_SUPERSCRIPTS}]+|\^\{{\s*note\s*(\d+)\s*\}}", re.I)
_CITATION = re.compile(r"(?P<name>[^<>]+?),\s*<?(?:https?://|www\.)")
_CONTENTS_TITLE = re.compile(r"\s*(?:Contents|目\s*录)\s*", re.I)
_CONTENTS_ENTRY = re.compile(r".*\S(?:\t+|\.{3,}\s*)(\d+)\s*")
_CAPTION = re.compile(r"\s*Figure\s+\d+\b")
_FOOTER = re.compile(r"\s*(?:责任)?编辑\s*[:：]")
_CHROME_LINE = re.compile(
    r"\s*(?:当前位置\s*[:：]|时间\s*[:：]|Copyright\b|[(（][^()（）]*[)）]\s*\Z)"
)
_BULLET = re.compile(r"(?:[-•◇]\s+)+")
_TRAILING = " \t\r\n*\"'”’)）]」』■" + _SUPERSCRIPTS
_SENTENCE_END = re.compile(r"[.!?。！？:：;；]\Z")
_COMPANY_END = re.compile(r"\b(?:Ltd|Inc|Co|Corp)\.\Z")

_CLOSERS = rf"[*\"'”’)\]」』）{_SUPERSCRIPTS}]*"
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


def parse_document(text: str) -> Document:
    """Read ``text`` into its sentences, headings, footnotes and tables."""
    lines = _split_lines(text)
    kinds: list[_Kind | None] = [_Kind.BLANK if not line.text.strip() else None for line in lines]
    tables = _mark_tables(text, lines, kinds)
    _mark_contents(lines, kinds)
    footnotes = _mark_footnotes(text, lines, kinds)
    _mark_chrome(text, lines, kinds)
    _mark_captions(lines, kinds)
    _mark_lists(lines, kinds)
    paragraphs = _prose_paragraphs(text, lines, kinds)
    sentences = tuple(
        sentence
        for index, segments in enumerate(paragraphs)
        for sentence in _paragraph_sentences(text, segments, index)
    )
    return Document(
        text=text,
        sentences=sentences,
        headings=_headings(text, lines, kinds),
        footnotes={footnote.mark: footnote for footnote in footnotes},
        tables=tuple(tables),
    )


# --- lines ------------------------------------------------------------------------------


def _split_lines(text: str) -> list[Span]:
    """Every line, without its line break (``\\n`` or ``\\r\\n``)."""
    lines = []
    start = 0
    for piece in text.split("\n"):
        end = start + len(piece)
        body_end = end - 1 if piece.endswith("\r") else end
        lines.append(_piece(text, start, body_end))
        start = end + 1
    return lines


def _piece(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _strip(text: str, start: int, end: int) -> Span:
    """The span ``start:end`` without white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _piece(text, start, end)


def _without_bullet(text: str, span: Span) -> Span:
    bullet = _BULLET.match(span.text)
    return span if bullet is None else _strip(text, span.start + bullet.end(), span.end)


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence punctuation (past closing quotes and marks)."""
    return _SENTENCE_END.search(line.rstrip(_TRAILING)) is not None


def _next_content(kinds: list[_Kind | None], index: int) -> int:
    """The index of the first non-blank line at or after ``index``, or ``len(kinds)``."""
    while index < len(kinds) and kinds[index] is _Kind.BLANK:
        index += 1
    return index


# --- tables -----------------------------------------------------------------------------


def _mark_tables(text: str, lines: list[Span], kinds: list[_Kind | None]) -> list[Table]:
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
                kinds[covered] = _Kind.TABLE
        tables.append(table)
        index = after
    return tables


def _fields(line: str) -> list[str]:
    return [field for field in line.split("\t") if field.strip()]


def _parse_table(
    text: str, lines: list[Span], kinds: list[_Kind | None], index: int
) -> tuple[Table, int] | None:
    """The table whose title line is ``lines[index]``, and the index after its last line."""
    title_line = lines[index]
    title_match = _TABLE_TITLE.fullmatch(title_line.text)
    if title_match is None:
        return None
    title = _strip(text, title_line.start + title_match.start(2), title_line.end)
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
        span=_piece(text, title_line.start, lines[end - 1].end),
    )
    return table, after


def _title_text(
    lines: list[Span], kinds: list[_Kind | None], index: int, title: str
) -> tuple[str, int]:
    """The title joined over its wrapped line, if any, and the index of the first row.

    A wrapped line is the first line after the title with a single field (it may carry
    stray tabs, as ``Directly under the Central Government\t\t\t`` does); a row has two.
    """
    following = _next_content(kinds, index + 1)
    if following < len(lines) and len(_fields(lines[following].text)) == 1:
        title = f"{title} {lines[following].text.strip()}"
        following = _next_content(kinds, following + 1)
    return title, following


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
    span = _strip(text, start, end)
    mark = _CELL_MARK.search(span.text)
    if mark is None or mark.start() == 0:
        return Cell(span, ())
    label = f"Note {mark.group(1)}" if mark.group(1) else mark.group(2).translate(_FROM_SUPERSCRIPT)
    return Cell(_strip(text, span.start, span.start + mark.start()), (label,))


def _table_notes(
    text: str, lines: list[Span], kinds: list[_Kind | None], index: int
) -> tuple[list[Footnote], int]:
    """The note lines after a table's rows, and the index after the last of them."""
    notes = []
    after = index
    candidate = _next_content(kinds, index)
    while candidate < len(lines):
        note = _parse_note(text, lines[candidate])
        if note is None:
            break
        notes.append(note)
        after = candidate + 1
        candidate = _next_content(kinds, after)
    return notes, after


def _parse_note(text: str, line: Span) -> Footnote | None:
    match = _TABLE_NOTE.fullmatch(line.text)
    if match is None:
        return None
    label = " ".join(match.group(1).split())
    body = _strip(text, line.start + match.start(2), line.end)
    if label.lower().startswith("note"):
        return Footnote("Note " + label[4:].strip(), body, _attribution(body.text))
    return Footnote(label, body, body.text)


def _attribution(body: str) -> str | None:
    """The cited source's name when ``body`` is a citation: ``Name, <URL>, Date.``"""
    citation = _CITATION.match(body)
    return None if citation is None else citation.group("name").strip()


# --- contents, footnotes, chrome, captions, lists ---------------------------------------


def _mark_contents(lines: list[Span], kinds: list[_Kind | None]) -> None:
    """Mark the entries (``Title<TAB>page``) that follow a ``Contents`` line."""
    for index, line in enumerate(lines):
        if kinds[index] is None and _CONTENTS_TITLE.fullmatch(line.text):
            entry = _next_content(kinds, index + 1)
            while entry < len(lines) and kinds[entry] is None:
                if not _CONTENTS_ENTRY.fullmatch(lines[entry].text):
                    break
                kinds[entry] = _Kind.CONTENTS
                entry = _next_content(kinds, entry + 1)


def _mark_footnotes(text: str, lines: list[Span], kinds: list[_Kind | None]) -> list[Footnote]:
    footnotes = []
    for index, line in enumerate(lines):
        match = _FOOTNOTE_LINE.fullmatch(line.text) if kinds[index] is None else None
        if match is not None:
            kinds[index] = _Kind.FOOTNOTE
            body = _strip(text, line.start + match.start(2), line.end)
            mark = match.group(1).translate(_FROM_SUPERSCRIPT)
            footnotes.append(Footnote(mark, body, _attribution(body.text)))
    return footnotes


def _footer_start(text: str) -> int:
    """Where a web page's footer begins (its ``编辑:`` line), or ``len(text)``."""
    for match in re.finditer("编辑", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _FOOTER.match(text, line_start):
            return line_start
    return len(text)


def _mark_chrome(text: str, lines: list[Span], kinds: list[_Kind | None]) -> None:
    footer = _footer_start(text)
    for index, line in enumerate(lines):
        if kinds[index] is None and (line.start >= footer or _CHROME_LINE.match(line.text)):
            kinds[index] = _Kind.CHROME


def _mark_captions(lines: list[Span], kinds: list[_Kind | None]) -> None:
    for index, line in enumerate(lines):
        if kinds[index] is None and _CAPTION.match(line.text):
            kinds[index] = _Kind.CAPTION


def _mark_lists(lines: list[Span], kinds: list[_Kind | None]) -> None:
    """Mark runs of adjacent lines that hold names rather than sentences.

    A run is two or more lines with no blank line between them where no line ends a
    sentence, a name ending in ``Ltd.`` or ``Inc.`` not counting as one.
    """
    run: list[int] = []
    for index in range(len(lines) + 1):
        if index < len(lines) and kinds[index] is None:
            run.append(index)
            continue
        if len(run) > 1 and not any(_ends_sentence_not_name(lines[i].text) for i in run):
            for member in run:
                kinds[member] = _Kind.LIST
        run = []


def _ends_sentence_not_name(line: str) -> bool:
    return _ends_sentence(line) and _COMPANY_END.search(line.rstrip()) is None


# --- prose and headings -----------------------------------------------------------------


def _is_heading(text: str, line: Span) -> bool:
    """A short line that neither ends nor contains a sentence (past ``I.`` or ``2.``)."""
    stripped = line.text.strip()
    enumerator = _ENUMERATOR.match(line.text)
    body_start = line.start + (enumerator.end() if enumerator else 0)
    return (
        len(stripped) <= _HEADING_MAX
        and not stripped[0].islower()
        and not _ends_sentence(stripped)
        and not _sentence_stops(text, body_start, line.end)
    )


def _continues(line: str) -> bool:
    """Whether ``line`` resumes a sentence broken off by a page break."""
    first = line.lstrip()[0]
    return first.islower() or first.isdigit()


def _prose_paragraphs(text: str, lines: list[Span], kinds: list[_Kind | None]) -> list[list[Span]]:
    """Classify the remaining lines as headings or prose; each paragraph's pieces.

    A paragraph is a list of pieces; a new piece starts only where a resumed paragraph
    has footnote lines between it and what came before (see the module docstring).
    """
    paragraphs: list[list[Span]] = []
    open_paragraph: list[Span] | None = None
    for index, line in enumerate(lines):
        kind = kinds[index]
        if kind is _Kind.BLANK or kind is _Kind.FOOTNOTE:
            continue
        if kind is not None:
            open_paragraph = None
            continue
        if open_paragraph is not None and _continues(line.text):
            _extend(text, open_paragraph, line)
        elif _is_heading(text, line) and not _resumed_by_next(lines, kinds, index):
            kinds[index] = _Kind.HEADING
            open_paragraph = None
            continue
        else:
            open_paragraph = [_without_bullet(text, _strip(text, line.start, line.end))]
            paragraphs.append(open_paragraph)
        if _ends_sentence(line.text):
            open_paragraph = None
    return paragraphs


def _resumed_by_next(lines: list[Span], kinds: list[_Kind | None], index: int) -> bool:
    """Whether the next line of text (past blanks and footnotes) resumes ``lines[index]``."""
    following = index + 1
    while following < len(lines) and kinds[following] in (_Kind.BLANK, _Kind.FOOTNOTE):
        following += 1
    return (
        following < len(lines)
        and kinds[following] is None
        and lines[following].text.lstrip()[0].islower()
    )


def _extend(text: str, paragraph: list[Span], line: Span) -> None:
    last = paragraph[-1]
    piece = _strip(text, line.start, line.end)
    if text[last.end : piece.start].isspace():
        paragraph[-1] = _piece(text, last.start, piece.end)
    else:
        paragraph.append(piece)


def _headings(text: str, lines: list[Span], kinds: list[_Kind | None]) -> tuple[Span, ...]:
    """Headings, captions, contents entries and table title lines, in order."""
    wanted = (_Kind.HEADING, _Kind.CAPTION, _Kind.CONTENTS)
    return tuple(
        _without_bullet(text, _strip(text, line.start, line.end))
        for index, line in enumerate(lines)
        if kinds[index] in wanted
        or (kinds[index] is _Kind.TABLE and _TABLE_TITLE.fullmatch(line.text))
    )


# --- sentences --------------------------------------------------------------------------


def _paragraph_sentences(text: str, pieces: list[Span], paragraph: int) -> list[Sentence]:
    return [
        Sentence(span, _marks(text, span), paragraph)
        for piece in pieces
        for span in _split_sentences(text, piece)
    ]


def _split_sentences(text: str, piece: Span) -> list[Span]:
    """The sentences of ``piece``; pieces without a letter, digit or ideograph are dropped."""
    bounds = [piece.start, *_sentence_stops(text, piece.start, piece.end), piece.end]
    spans = [_strip(text, start, end) for start, end in itertools.pairwise(bounds)]
    return [span for span in spans if _HAS_WORD.search(span.text)]


def _sentence_stops(text: str, start: int, end: int) -> list[int]:
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


def _marks(text: str, span: Span) -> tuple[tuple[int, str], ...]:
    return tuple(
        (mark.start(), _mark_label(mark)) for mark in _MARK.finditer(text, span.start, span.end)
    )


def _mark_label(mark: re.Match[str]) -> str:
    note = mark.group(1)
    return f"Note {note}" if note else mark.group().translate(_FROM_SUPERSCRIPT)


# --- numerals ---------------------------------------------------------------------------

_NUMERAL = re.compile(
    r"[0-9]+(?:[.,][0-9]+)*"
    r"|[０-９]+(?:[.,．，][０-９]+)*"
    r"|[零〇一二两三四五六七八九十百千万]+分之[零〇一二两三四五六七八九十百千]+"
    r"|[一二两三四五六七八九十]+成(?![为员立本果功长熟绩型不])"
    r"|[一二两三四五六七八九十百千]+倍"
)


def numerals(text: str) -> list[Span]:
    """Every numeric token in ``text``: digit runs with their ``,``/``.`` separators
    (ASCII or fullwidth) and Chinese numeral figures (``六成``, ``千分之三``, ``三倍``).

    Superscript footnote marks are not numerals; nor are Chinese numerals that only name or
    count in words (``一季度``, ``十四五``, ``第一``).
    """
    return [Span(m.start(), m.end(), m.group()) for m in _NUMERAL.finditer(text)]


# --- why a numeral is not a figure ------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_MAGNITUDE_AFTER = re.compile(
    r"[^\S\n]*(?:million|billion|trillion|thousand|hundred|people|persons|users|yuan|percent|%"
    r"|[万亿千百人个家户元])"
)
# Reasons found by a pattern on the token's line that covers the token. The markup rules are
# tried before the contents page and headings are consulted, the phrase rules after them.
_MARKUP_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("footnote mark", re.compile(r"\^\{\s*note\s*\d+\s*\}", re.I)),
    ("a formula", re.compile(r"\$[^$\n]+\$")),
    ("in a URL", re.compile(r"(?:https?://|www\.)[^\s<>\"]+|%[0-9A-Fa-f]{2}")),
    (
        "page chrome",
        re.compile(
            r"(?:Copyright|©)\s*©?\s*\d{4}(?:\s*[-–]\s*\d{4})?"
            r"|(?<![\d-])0\d{2,3}-\d{7,8}(?!\d)"
            r"|ICP备\s*\d+|编号\s*[:：]\s*\d+"
            r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
        ),
    ),
)
_PHRASE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a heading number", re.compile(r"\b(?:Table|Tabel|Figure|Appendix|Chapter)\s+\d+")),
    ("a note number", re.compile(r"\bNote\s+\d+")),
    ("an ordinal", re.compile(r"(?<![\w.])\d+(?:st|nd|rd|th)\b|第\s*\d+")),
    (
        "a time of day",
        re.compile(
            r"(?<![\d.])\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)(?![A-Za-z])"
        ),
    ),
    (
        "an age label",
        re.compile(
            r"\b(?:aged|age of)\s+\d+(?:\s*[-–]\s*\d+)?"
            r"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)\d+\s*[-–]\s*\d+)*"
        ),
    ),
    (
        "an address equivalence",
        re.compile(
            r"(?<![\w.])\d+(?:\.\d+)?[ABC](?:\+\d+(?:\.\d+)?[ABC])+(?!\w)"
            r"|(?<=equivalent to )\d+(?:\.\d+)?[ABC](?!\w)"
        ),
    ),
)
_DATE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    rf"|\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d,.]\d)"
    r"|\d{4}\s*年|\d{1,2}\s*[月日]"
    r"|\b(?:past|last|next)\s+\d+\s+(?:years?|months?|weeks?|days?)\b"
)
_HEADING_ENUMERATOR = re.compile(r"[(（]?\d{1,2}(?:\.\d{1,2})*[)）.]?\s")
_NAME_BEFORE = re.compile(r"(?:[A-Za-z]\.|\bWeb\s+)\Z")
_CURRENCIES = frozenset({"RMB", "USD", "US", "HKD", "CNY", "EUR"})


def leave_out_reason(doc: Document, token: Span) -> str | None:
    """Why ``token`` (from :func:`numerals`) is not a statistical figure, or ``None``.

    The first reason that applies wins, in the order: footnote mark, formula, URL, page
    chrome, contents page number, heading number, note number, ordinal, time of day, age
    label, IPv4 address equivalence, date (a *bibliographic* date inside a footnote that
    cites a source), part of a name, and any other number in such a citation.
    """
    text = doc.text
    line_start = text.rfind("\n", 0, token.start) + 1
    line_end = text.find("\n", token.end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    start, end = token.start - line_start, token.end - line_start
    for reason, pattern in _MARKUP_RULES:
        if _covers(pattern, line, start, end):
            return reason
    if token.start >= _footer_start(text):
        return "page chrome"
    heading = _heading_reason(doc, token)
    if heading is not None:
        return heading
    for reason, pattern in _PHRASE_RULES:
        if _covers(pattern, line, start, end):
            return reason
    citing = _in_citation(doc, token)
    if _is_date(doc, token, line, start, end):
        return "a bibliographic date" if citing else "a date"
    if _is_name(text, token):
        return "part of a name"
    return "footnote number" if citing else None


def _covers(pattern: re.Pattern[str], line: str, start: int, end: int) -> bool:
    return any(m.start() <= start and end <= m.end() for m in pattern.finditer(line))


def _heading_reason(doc: Document, token: Span) -> str | None:
    """A contents page number, or a heading's own enumerator (``1.1``, ``2.``)."""
    for heading in doc.headings:
        if heading.start <= token.start and token.end <= heading.end:
            start, end = token.start - heading.start, token.end - heading.start
            entry = _CONTENTS_ENTRY.fullmatch(heading.text)
            if entry is not None and entry.start(1) <= start and end <= entry.end(1):
                return "a page number"
            enumerator = _HEADING_ENUMERATOR.match(heading.text)
            if enumerator is not None and end <= enumerator.end():
                return "a heading number"
            return None
    return None


def _in_citation(doc: Document, token: Span) -> bool:
    notes = [*doc.footnotes.values(), *(note for table in doc.tables for note in table.notes)]
    return any(
        note.body_attribution is not None and note.span.start <= token.start < note.span.end
        for note in notes
    )


def _is_date(doc: Document, token: Span, line: str, start: int, end: int) -> bool:
    """A year, month or day in a date or period phrase.

    A bare four-digit number from 1900 to 2099 is a year unless a magnitude follows it
    (``1950 million``) or it is a table's data cell (``1300`` domain names).
    """
    if _covers(_DATE, line, start, end):
        return True
    if not (token.text.isdigit() and len(token.text) == 4 and 1900 <= int(token.text) <= 2099):
        return False
    return not _MAGNITUDE_AFTER.match(doc.text, token.end) and not _in_data_cell(doc, token)


def _in_data_cell(doc: Document, token: Span) -> bool:
    return any(
        row.span.start <= token.start < row.span.end
        for table in doc.tables
        if table.span.start <= token.start < table.span.end
        for row in table.rows
    )


def _is_name(text: str, token: Span) -> bool:
    """Part of a name or code: ``5G``, ``IPv6``, ``Q3``, ``Jun.18``, ``group 01``, ``/32``.

    A number written against a letter is part of a word, unless the letters are a currency
    (``RMB1.88``). After ``/`` it is a denominator only when larger than the numerator
    (``2/3``); otherwise it is a unit such as IPv6's ``/32``.
    """
    before = text[max(0, token.start - 8) : token.start]
    after = text[token.end : token.end + 2]
    letters = re.search(r"[A-Za-z]+-?\Z", before)
    if letters is not None:
        return letters.group().rstrip("-").upper() not in _CURRENCIES
    if re.match(r"\.?[A-Za-z]", after) or re.fullmatch(r"0\d+", token.text):
        return True
    if _NAME_BEFORE.search(before):
        return True
    return before.endswith("/") and not _is_denominator(before, token.text)


def _is_denominator(before: str, token: str) -> bool:
    """Whether ``token`` after ``a/`` makes a fraction: ``a`` is the smaller (``2/3``)."""
    numerator = re.search(r"(\d+(?:\.\d+)?)/\Z", before)
    return (
        numerator is not None
        and re.fullmatch(r"\d+(?:\.\d+)?", token) is not None
        and float(numerator.group(1)) < float(token)
    )
