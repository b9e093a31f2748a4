"""Lines that are neither prose nor headings: the contents page, page chrome, captions, lists.

Each ``mark_*`` pass claims the lines no earlier pass has claimed and that it recognises:

* the contents page: the entries after a ``Contents`` line that end in a page number;
* page chrome: breadcrumbs, by-lines, copyright and licence lines, everything after an
  editor's ``编辑:`` line, and a line repeating the one before it;
* figure captions;
* lists: runs of two or more adjacent lines none of which ends a sentence (the supporting-
  organisations list).
"""

from __future__ import annotations

import re

from app.extract.document import Span
from app.extract.lines import LineKind, ends_sentence, next_content

CONTENTS_ENTRY = re.compile(r".*\S(?:\t+|\.{3,}\s*)(\d+)\s*")
_CONTENTS_TITLE = re.compile(r"\s*(?:Contents|目\s*录)\s*", re.I)
_CAPTION = re.compile(r"\s*Figure\s+\d+\b")
_FOOTER = re.compile(r"\s*(?:责任)?编辑\s*[:：]")
_CHROME_LINE = re.compile(
    r"\s*(?:当前位置\s*[:：]|时间\s*[:：]|Copyright\b|[(（][^()（）]*[)）]\s*\Z)"
)
_COMPANY_END = re.compile(r"\b(?:Ltd|Inc|Co|Corp)\.\Z")


def mark_contents(lines: list[Span], kinds: list[LineKind | None]) -> None:
    """Mark the entries (``Title<TAB>page``) that follow a ``Contents`` line."""
    for index, line in enumerate(lines):
        if kinds[index] is None and _CONTENTS_TITLE.fullmatch(line.text):
            entry = next_content(kinds, index + 1)
            while entry < len(lines) and kinds[entry] is None:
                if not CONTENTS_ENTRY.fullmatch(lines[entry].text):
                    break
                kinds[entry] = LineKind.CONTENTS
                entry = next_content(kinds, entry + 1)


def footer_start(text: str) -> int:
    """Where a web page's footer begins (its ``编辑:`` line), or ``len(text)``."""
    for match in re.finditer("编辑", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _FOOTER.match(text, line_start):
            return line_start
    return len(text)


def mark_chrome(text: str, lines: list[Span], kinds: list[LineKind | None]) -> None:
    """Mark breadcrumbs, by-lines, copyright lines, the page's footer, and a line that
    repeats the one before it (a gallery's captions, each the headline again)."""
    footer = footer_start(text)
    for index, line in enumerate(lines):
        repeated = index > 0 and line.text.strip() == lines[index - 1].text.strip()
        chrome = line.start >= footer or _CHROME_LINE.match(line.text) or repeated
        if kinds[index] is None and line.text.strip() and chrome:
            kinds[index] = LineKind.CHROME


def mark_captions(lines: list[Span], kinds: list[LineKind | None]) -> None:
    """Mark figure captions (``Figure 3 ...``)."""
    for index, line in enumerate(lines):
        if kinds[index] is None and _CAPTION.match(line.text):
            kinds[index] = LineKind.CAPTION


def mark_lists(lines: list[Span], kinds: list[LineKind | None]) -> None:
    """Mark runs of adjacent lines that hold names rather than sentences.

    A run is two or more lines with no blank line between them where no line ends a
    sentence, a name ending in ``Ltd.`` or ``Inc.`` not counting as one. A text's first line
    is its headline, not a name of a list ("China has 1.032 billion internet users, 73.0%
    penetration rate" over its dateline and a photo credit).
    """
    first = next_content(kinds, 0)
    run: list[int] = []
    for index in range(len(lines) + 1):
        if index < len(lines) and kinds[index] is None and index != first:
            run.append(index)
            continue
        if len(run) > 1 and not any(_ends_sentence_not_name(lines[i].text) for i in run):
            for member in run:
                kinds[member] = LineKind.LIST
        run = []


def _ends_sentence_not_name(line: str) -> bool:
    return ends_sentence(line) and _COMPANY_END.search(line.rstrip()) is None
