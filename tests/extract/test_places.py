"""The place a sentence names apart from a figure's phrase, for indicators read by place."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extract.places import place_of
from tests.extract.test_sentences import FINDER, read

D = Decimal
PHARMACIES = "online_medical_insurance_pharmacies"


def located(text: str, figure: str) -> str | None:
    start = text.index(figure)
    return place_of(text, FINDER.find(text), start, start + len(figure), "province")


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("nearly 500 pharmacies in 16 districts and zones of Beijing.", "500", "Beijing"),
        ("More than 1,000 pharmacies in Shanghai have joined.", "1,000", "Shanghai"),
        (
            "Pharmacies in Shanghai have joined and completed the settlement for 2,047,000 people.",
            "2,047,000",
            "Shanghai",
        ),
        # After the figure first, then before it.
        ("Pharmacies in Hebei: 30 pharmacies in Beijing.", "30", "Beijing"),
        # A place named without "in" or "of" is the subject of something else.
        ("Beijing and Shanghai opened 500 pharmacies.", "500", None),
        ("500 pharmacies opened.", "500", None),
        # "in Beijing and Hebei" names two places: neither is the figure's alone.
        ("500 pharmacies in Beijing and Hebei.", "500", None),
    ],
)
def test_place_of(text: str, figure: str, expected: str | None) -> None:
    assert located(text, figure) == expected


def test_pharmacies_are_read_by_the_place_the_sentence_names() -> None:
    reading = read(
        "People can use their health insurance accounts to purchase medicines in nearly 500 "
        "pharmacies⁸⁰ in 16 administrative districts and economic development zones of "
        "Beijing. More than 1,000 pharmacies in Shanghai have joined the online health "
        "insurance program for medicine purchase and completed the settlement for about "
        "2,047,000 people⁸¹."
    )
    assert reading.values() == [
        (PHARMACIES, {"province": "Beijing"}, "2024-12", D(500), "500"),
        ("online_medical_insurance_districts", {"province": "Beijing"}, "2024-12", D(16), "16"),
        (PHARMACIES, {"province": "Shanghai"}, "2024-12", D(1000), "1,000"),
        (
            "online_medical_insurance_settled_persons",
            {"province": "Shanghai"},
            "2024-12",
            D(2_047_000),
            "2,047,000",
        ),
    ]
    assert [r.qualifier for r in reading.records] == ["nearly", None, "more than", "about"]


def test_a_place_does_not_scope_an_indicator_not_read_by_place() -> None:
    """Internet users are not read by a place named elsewhere in the sentence."""
    reading = read("China had 1,108 million Internet users, of which many lived in Beijing.")
    assert [dims for _, dims, _, _, _ in reading.values()] == [{}]
