"""Where the clauses of a sentence begin and end."""

from __future__ import annotations

from app.catalogue import Term
from app.extract.clauses import Clauses
from app.extract.numbers import find_quantities
from app.extract.terms import TermHit

TEXT = "Revenue of news, search and other firms rose, reaching 1,108 million, up by 7.5%."


def clauses(*phrases: str) -> Clauses:
    term = Term("phrase", "indicator", (), 0)
    hits = [TermHit(TEXT.index(p), TEXT.index(p) + len(p), (term,)) for p in phrases]
    return Clauses(TEXT, find_quantities(TEXT), hits)


def test_commas_and_semicolons_end_clauses() -> None:
    found = clauses()
    position = TEXT.index("reaching")
    assert TEXT[found.start(position) : found.end(position)] == " reaching 1,108 million"
    assert TEXT[found.start(TEXT.index("search")) :].startswith(" search and other firms")


def test_a_comma_inside_a_number_ends_no_clause() -> None:
    found = clauses()
    position = TEXT.index("108")
    assert TEXT[found.start(position) : found.end(position)] == " reaching 1,108 million"


def test_a_comma_inside_a_phrase_ends_no_clause() -> None:
    found = clauses("Revenue of news, search and other firms")
    position = TEXT.index("rose")
    assert TEXT[found.start(position) : found.end(position)] == (
        "Revenue of news, search and other firms rose"
    )
    assert found.start(TEXT.index("7.5")) == TEXT.index(" up by")
