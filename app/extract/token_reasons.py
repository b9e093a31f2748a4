"""The numeric tokens of a text, and why a token is not a statistical figure.

The coverage count takes every token :func:`numerals` finds; :func:`leave_out_reason` sets
aside the ones that only mark, date, number or name something.
"""

from __future__ import annotations

import re

from app.extract import cues
from app.extract.document import Document, Span
from app.extract.label_numbers import MONTH_NAMES
from app.extract.layout import CONTENTS_ENTRY, footer_start

_NUMERAL = re.compile(
    r"[0-9]+(?:[.,][0-9]+)*"
    r"|[０-９]+(?:[.,．，][０-９]+)*"
    r"|[零〇一二两三四五六七八九十百千万]+分之[零〇一二两三四五六七八九十百千]+"
    r"|[一二两三四五六七八九十]+成(?![为员立本果功长熟绩型不])"
    r"|[一二两三四五六七八九十百千]+倍"
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
    ("a heading number", re.compile(r"\b(?:Table|Figure|Appendix|Chapter)\s+\d+")),
    ("a note number", re.compile(r"\bNote\s+\d+")),
    ("an ordinal", re.compile(r"(?<![\w.])\d+(?:st|nd|rd|th)\b|第\s*\d+")),
    ("a time of day", cues.TIME_OF_DAY),
    (
        "an age label",
        re.compile(
            r"\b(?:aged|age of)\s+\d+(?:\s*[-–]\s*\d+)?"
            r"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)\d+\s*[-–]\s*\d+)*"
        ),
    ),
    (
        "a measure that names a kind of thing",
        re.compile(
            r"(?<![\w.])\d+-(?:digit|second|minute|hour|day|week|month|year|bit|inch|storey)s?"
            r"(?![\w-])"
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
    rf"|\b(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d,.]\d)"
    r"|\d{4}\s*年|\d{1,2}\s*[月日]"
    r"|\b(?:past|last|next)\s+\d+\s+(?:years?|months?|weeks?|days?)\b"
)
_HEADING_ENUMERATOR = re.compile(r"[(（]?\d{1,2}(?:\.\d{1,2})*[)）.]?\s")
_NAME_BEFORE = re.compile(r"(?:[A-Za-z]\.|\bWeb\s+)\Z")
_CURRENCIES = frozenset({"RMB", "USD", "US", "HKD", "CNY", "EUR"})


def numerals(text: str) -> list[Span]:
    """Every numeric token in ``text``: digit runs with their ``,``/``.`` separators
    (ASCII or fullwidth) and Chinese numeral figures (``六成``, ``千分之三``, ``三倍``).

    Superscript footnote marks are not numerals; nor are Chinese numerals that only name or
    count in words (``一季度``, ``十四五``, ``第一``).
    """
    return [Span(m.start(), m.end(), m.group()) for m in _NUMERAL.finditer(text)]


_BARE_NUMBER = re.compile(r"[0-9][0-9,.]*")


def leave_out_reason(doc: Document, token: Span) -> str | None:
    """Why ``token`` (from :func:`numerals`) is not a statistical figure, or ``None``.

    The first reason that applies wins, in the order: footnote mark, formula, URL, page
    chrome, contents page number, heading number, note number, ordinal, time of day, age
    label, IPv4 address equivalence, date (a *bibliographic* date inside a footnote that
    cites a source), part of a name, any other number in such a citation, and a bare number
    the end of the text cuts off.
    """
    text = doc.text
    line_start = text.rfind("\n", 0, token.start) + 1
    line_end = text.find("\n", token.end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    start, end = token.start - line_start, token.end - line_start
    for reason, pattern in _MARKUP_RULES:
        if _covers(pattern, line, start, end):
            return reason
    if token.start >= footer_start(text):
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
    if _in_definition(doc, token):
        return "part of a definition or its worked example"
    if citing:
        return "footnote number"
    return "a figure the text cuts off" if _cut_off(text, line, token) else None


def _cut_off(text: str, line: str, token: Span) -> bool:
    """A bare number that ends the text, in prose ("截至今年6月,我国域名总数为318"): a
    text cut off mid-sentence may have lost the figure's magnitude or unit with the rest.
    A figure that carries its own ("突破80%", "达11.25亿") stands whole."""
    return (
        not text[token.end :].strip()
        and "\t" not in line
        and _BARE_NUMBER.fullmatch(token.text) is not None
    )


def _covers(pattern: re.Pattern[str], line: str, start: int, end: int) -> bool:
    return any(m.start() <= start and end <= m.end() for m in pattern.finditer(line))


def _heading_reason(doc: Document, token: Span) -> str | None:
    """A contents page number, a heading's own enumerator (``1.1``, ``2.``), or a table
    caption's number."""
    if any(table.span.start <= token.start < table.title.start for table in doc.tables):
        return "a heading number"
    for heading in doc.headings:
        if heading.start <= token.start and token.end <= heading.end:
            start, end = token.start - heading.start, token.end - heading.start
            entry = CONTENTS_ENTRY.fullmatch(heading.text)
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


def _in_definition(doc: Document, token: Span) -> bool:
    """Inside a footnote that defines a term: "... refers to the average daily number of hours
    ... multiplied by 7 days", "For example, ... for 15 minutes"."""
    return any(
        note.body_attribution is None
        and note.span.start <= token.start < note.span.end
        and cues.DEFINITION.search(note.span.text) is not None
        for note in doc.footnotes.values()
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
