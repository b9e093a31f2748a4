"""The structure of a source text: sentences, headings, footnotes and tables, cited by offset.

Everything here is pure: a text goes in, spans come out, and every span's ``start``/``end``
are Python ``str`` indexes into the original text, so ``text[start:end] == span.text``.

How a text is read, line by line:

* Tables come first (:mod:`app.extract.table_lines`): a numbered caption (``Table N
  Title``), an optional wrapped title line, then tab-separated rows up to a blank or
  tab-less line, then any ``Note N:`` / ``Data sources:`` / ``Source:`` lines.
* The contents page (the entries after a ``Contents`` line that end in a page number),
  footnote lines (starting with a superscript number), figure captions and page chrome
  (breadcrumbs, by-lines, copyright and licence lines, and everything after an editor's
  ``编辑:`` line) are set aside (:mod:`app.extract.layout`, :mod:`app.extract.footnotes`).
* Runs of two or more adjacent lines none of which ends a sentence (the supporting-
  organisations list) are lists: neither prose nor headings.
* Of what is left, a short line that neither ends nor contains a sentence is a heading
  (unless the text resumes it after a page break); every other line is a prose paragraph
  (:mod:`app.extract.paragraphs`), its sentences split at ``.!?`` before a capital (not
  after ``Dec.``, ``Ltd.``, ``U.S.`` and the like) and at Chinese ``。！？；``
  (:mod:`app.extract.sentence_split`).

Page breaks. The report's paragraphs are sometimes broken by a page: a line stops
mid-sentence, footnote lines (or only blank lines) follow, and the paragraph resumes with a
lower-case word or a number. The resumed piece joins the same paragraph (the same
``Sentence.paragraph`` index), but a sentence's span never runs over a footnote line: where
footnotes lie between the pieces the sentence ends at the break and the rest of it starts
the next sentence, so no sentence contains a footnote line and callers carry the subject
over by the shared paragraph index. Where only blank lines lie between, the sentence runs on
across them (its text then holds those newlines), which keeps its numbers with their subject.

The numeric tokens of a text and the reasons a token is not a figure are in
:mod:`app.extract.token_reasons`.
"""

from __future__ import annotations

from app.extract.document import Cell, Document, Footnote, Row, Sentence, Span, Table
from app.extract.footnotes import mark_footnotes
from app.extract.layout import mark_captions, mark_chrome, mark_contents, mark_lists
from app.extract.lines import LineKind, split_lines
from app.extract.paragraphs import headings, prose_paragraphs
from app.extract.sentence_split import paragraph_sentences
from app.extract.table_lines import mark_tables
from app.extract.token_reasons import leave_out_reason, numerals

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


def parse_document(text: str) -> Document:
    """Read ``text`` into its sentences, headings, footnotes and tables."""
    lines = split_lines(text)
    kinds: list[LineKind | None] = [
        LineKind.BLANK if not line.text.strip() else None for line in lines
    ]
    tables = mark_tables(text, lines, kinds)
    mark_contents(lines, kinds)
    footnotes = mark_footnotes(text, lines, kinds)
    mark_chrome(text, lines, kinds)
    mark_captions(lines, kinds)
    mark_lists(lines, kinds)
    paragraphs = prose_paragraphs(text, lines, kinds)
    sentences = tuple(
        sentence
        for index, segments in enumerate(paragraphs)
        for sentence in paragraph_sentences(text, segments, index)
    )
    return Document(
        text=text,
        sentences=sentences,
        headings=headings(text, lines, kinds),
        footnotes={footnote.mark: footnote for footnote in footnotes},
        tables=tuple(tables),
    )
