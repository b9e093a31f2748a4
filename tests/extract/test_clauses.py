"""Where the clauses of a sentence begin and end."""

from __future__ import annotations

from app.extract.clauses import Clauses
from app.extract.numbers import find_quantities
from app.extract.terms import TermHit
from app.sources.catalogue import Term

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


ASIDES = (
    "JD.com had 20 partners, with the turnover in seven cities, including Beijing and Hebei, "
    "increasing by over 100%, such as appliances, and up 5%."
)


def test_a_clause_reads_past_the_aside_before_it() -> None:
    found = Clauses(ASIDES, find_quantities(ASIDES))
    start = found.start_past_aside(ASIDES.index("100%"))
    assert ASIDES[start:].startswith(" with the turnover in seven cities")


def test_a_clause_with_no_aside_before_it_starts_where_it_starts() -> None:
    found = Clauses(ASIDES, find_quantities(ASIDES))
    position = ASIDES.index("with the turnover")
    assert found.start_past_aside(position) == found.start(position)


def test_only_the_aside_right_before_a_clause_is_read_past() -> None:
    """ "such as appliances" stands right before "and up 5%": its clause begins at the one
    before the aside, not at the aside before that one."""
    found = Clauses(ASIDES, find_quantities(ASIDES))
    start = found.start_past_aside(ASIDES.index("5%"))
    assert ASIDES[start:].startswith(" increasing by over 100%")


def test_an_aside_at_the_start_of_the_sentence_ends_the_reading() -> None:
    text = "Including Beijing, the turnover rose by 5%."
    found = Clauses(text, find_quantities(text))
    assert found.start_past_aside(text.index("5%")) == text.index(" the turnover")
