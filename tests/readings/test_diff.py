"""What a change in readings does to the served data."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from app.extract.pipeline import Extraction, assemble
from app.readings.checks import checked_records
from app.readings.diff import difference
from app.readings.entries import Entry
from app.readings.files import ReadingsFile
from app.sources.catalogue import Catalogue
from tests.readings.conftest import TEXT, entry

USERS = ("1,108 million", "internet_users", "1108000000")


def served(catalogue: Catalogue, *entries: Entry) -> Extraction:
    readings = ReadingsFile(Path("x.yaml"), "cnnic-55-en", list(entries), [0] * len(entries))
    return assemble(checked_records(readings, TEXT, report="cnnic-55", catalogue=catalogue))


def test_values_added_changed_and_removed(catalogue: Catalogue) -> None:
    before = served(catalogue, entry(*USERS), entry("65.6%", "internet_penetration", "65.6"))
    after = served(
        catalogue,
        entry(*USERS, period="2024-11"),
        entry("65.6%", "internet_penetration", "65.6"),
    )

    diff = difference(before, after)

    assert [(c.key[0], c.key[2], c.after) for c in diff.added] == [
        ("internet_users", "2024-11", Decimal(1108000000))
    ]
    assert [(c.key[0], c.key[2], c.before) for c in diff.removed] == [
        ("internet_users", "2024-12", Decimal(1108000000))
    ]
    assert diff.changed == []
    assert diff.disagreements == []


def test_a_changed_value_and_a_new_disagreement(catalogue: Catalogue) -> None:
    before = served(catalogue, entry(*USERS))
    # A second figure for the same value that does not agree with it: the more precise one is
    # kept, and the two texts' disagreement is listed.
    other = entry("69,148", "internet_users", "691480000", scale=Decimal(10000))
    after = served(catalogue, entry(*USERS), other)

    diff = difference(before, after)

    assert [(c.before, c.after) for c in diff.changed] == [
        (Decimal(1108000000), Decimal(691480000))
    ]
    (disagreement,) = diff.disagreements
    assert {disagreement.kept, disagreement.other} == {Decimal(1108000000), Decimal(691480000)}
