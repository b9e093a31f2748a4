"""A reading is served only if its text says it; each refusal names the file, line and fault."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from app.readings.checks import Pending, checked_records
from app.readings.entries import Entry
from app.readings.files import ReadingsError, ReadingsFile
from app.sources.catalogue import Catalogue
from tests.readings.conftest import TEXT, entry


def readings(*entries: Entry) -> ReadingsFile:
    return ReadingsFile(
        Path("cnnic-55-en.yaml"),
        "cnnic-55-en",
        list(entries),
        [10 * (n + 1) for n in range(len(entries))],
    )


def check(catalogue: Catalogue, *entries: Entry, pending: Pending = "refuse") -> list[object]:
    file = readings(*entries)
    return list(
        checked_records(file, TEXT, report="cnnic-55", catalogue=catalogue, pending=pending)
    )


def test_an_accepted_reading_becomes_a_record_with_its_evidence(catalogue: Catalogue) -> None:
    (record,) = check(catalogue, entry("1,108 million", "internet_users", "1108000000"))

    assert record.value == Decimal(1108000000)  # type: ignore[attr-defined]
    assert record.precision == Decimal(1000000)  # type: ignore[attr-defined]
    evidence = record.evidence  # type: ignore[attr-defined]
    assert TEXT[evidence.value_start : evidence.value_end] == "1,108 million"
    assert evidence.quote.startswith("By December 2024")
    assert evidence.read_by == "engine"


def test_a_fall_may_be_negative_and_a_label_may_scale_a_bare_number(catalogue: Catalogue) -> None:
    fall = entry(
        "16.08 million",
        "internet_users_change",
        "-16080000",
        dimensions={"compared_with": "2023-12"},
    )
    blocks = entry("69,148", "ipv6_addresses", "69148")
    scaled = entry("69,148", "internet_users", "691480000", scale=Decimal(10000), period="2024-11")

    assert len(check(catalogue, fall, blocks, scaled)) == 3


def test_rejected_readings_are_not_served_and_pending_ones_only_in_a_preview(
    catalogue: Catalogue,
) -> None:
    rejected = entry("65.6%", "internet_penetration", "65.6", review="rejected")
    pending = entry("1,108 million", "internet_users", "1108000000", review="pending")

    assert check(catalogue, rejected) == []
    assert len(check(catalogue, pending, pending="include")) == 1
    assert check(catalogue, pending, pending="skip") == []
    with pytest.raises(ReadingsError, match=r"cnnic-55-en\.yaml:10: a pending reading of '1,108"):
        check(catalogue, pending)


def test_a_reviewers_corrections_are_on_the_record(catalogue: Catalogue) -> None:
    corrected = entry(
        "65.6%",
        "internet_penetration",
        "65.6",
        dimensions={"area": "rural"},
        engine={"dimensions": {}},
    )
    added = entry("1,108 million", "internet_users", "1108000000", review="added")

    first, second = check(catalogue, corrected, added)

    assert first.evidence.read_by == "corrected"  # type: ignore[attr-defined]
    assert first.evidence.corrected == ("dimensions",)  # type: ignore[attr-defined]
    assert second.evidence.read_by == "added"  # type: ignore[attr-defined]


BAD = [
    (
        "a quote that is not the text",
        {"quote": {"start": 0, "end": 10, "text": "By Decembr"}},
        "the quote at 0-10 is not the text there",
    ),
    ("a figure not where it says", {"at": 3}, "the text at 3 is not '1,108 million'"),
    (
        "a figure outside its quote",
        {"quote": {"start": 0, "end": 5, "text": "By De"}},
        "not inside",
    ),
    ("a value the figure does not say", {"value": Decimal(1109000000)}, "reads as 1108000000"),
    ("an unknown indicator", {"indicator": "internet_userz"}, "unknown indicator 'internet_userz'"),
    ("an unknown dimension", {"dimensions": {"planet": "mars"}}, "unknown dimension 'planet'"),
    ("an unknown value", {"dimensions": {"area": "lunar"}}, "area 'lunar' is not a value"),
    ("a period that is none", {"period": "December 2024"}, "period: not an ISO 8601 period"),
]


@pytest.mark.parametrize(("fields", "message"), [bad[1:] for bad in BAD], ids=[b[0] for b in BAD])
def test_a_reading_its_text_does_not_support_is_refused_naming_file_and_line(
    catalogue: Catalogue, fields: dict[str, object], message: str
) -> None:
    good = entry("1,108 million", "internet_users", "1108000000")
    bad = good.model_copy(update=fields) if "quote" not in fields else None
    if bad is None:
        bad = Entry.model_validate({**good.model_dump(), **fields})

    with pytest.raises(ReadingsError, match=r"cnnic-55-en\.yaml:20: ") as refused:
        check(catalogue, entry("65.6%", "internet_penetration", "65.6"), bad)

    assert message in str(refused.value)


def test_the_same_reading_twice_is_refused(catalogue: Catalogue) -> None:
    once = entry("1,108 million", "internet_users", "1108000000")

    with pytest.raises(ReadingsError, match=r"cnnic-55-en\.yaml:20: the same reading as line 10"):
        check(catalogue, once, once.model_copy())


def test_a_figure_in_a_unit_of_its_own_must_be_the_indicators(catalogue: Catalogue) -> None:
    wrong = entry("65.6%", "internet_users", "65.6")

    with pytest.raises(ReadingsError, match="is in percent, not persons"):
        check(catalogue, wrong)
