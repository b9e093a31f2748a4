"""A sentence that opens on when something began ("Since July, ...") dates no figure: the
paragraph's figures are the report's, with the phrase kept as a note of kind ``date``."""

from __future__ import annotations

from tests.extract.test_sentences import read

SINCE = "Since July, Beijing and Shanghai have carried forward online medicine purchase. "


def dated(text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    reading = read(text)
    return [
        (r.evidence.as_reported, r.period, [(n.kind, n.quote) for n in r.notes])
        for r in reading.records
    ]


def test_the_figures_after_an_opening_since_are_the_reports_with_a_note() -> None:
    text = SINCE + "More than 1,000 pharmacies in Shanghai have joined the program."
    assert dated(text) == [("1,000", "2024-12", [("date", "Since July")])]


def test_the_note_cites_the_phrase_where_it_stands() -> None:
    text = SINCE + "More than 1,000 pharmacies in Shanghai have joined the program."
    (record,) = read(text).records
    (note,) = record.notes
    assert text[note.start : note.end] == "Since July"


def test_a_figure_of_the_opening_sentence_itself_has_the_note() -> None:
    text = "Since July, 1,000 pharmacies in Shanghai have joined the program."
    assert dated(text) == [("1,000", "2024-12", [("date", "Since July")])]


def test_a_later_sentence_with_its_own_date_is_dated_by_it() -> None:
    text = SINCE + "By September 2024, more than 1,000 pharmacies in Shanghai had joined."
    assert dated(text) == [("1,000", "2024-09", [])]


def test_at_present_ends_what_since_began() -> None:
    text = SINCE + "At present, 3,340 Internet hospitals have provided services."
    assert dated(text) == [("3,340", "2024-12", [])]


def test_since_inside_a_sentence_is_a_changes_base_not_a_note() -> None:
    text = "China had 1,108 million Internet users, up by 16.08 million since December 2023."
    notes = [notes for _, _, notes in dated(text)]
    assert notes
    assert all(n == [] for n in notes)


def test_the_note_does_not_reach_the_next_paragraph() -> None:
    text = SINCE + "\n\nMore than 1,000 pharmacies in Shanghai have joined the program."
    assert dated(text) == [("1,000", "2024-12", [])]
