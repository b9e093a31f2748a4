"""Merging records into observations, deriving earlier levels, and comparing reports."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extract.merge import Disagreement, agrees, compare_reports, derive, merge
from app.extract.records import Evidence, NoteRef, Observation, Record, dimensions_of

D = Decimal


def record(
    value: str,
    precision: str,
    as_reported: str,
    *,
    indicator: str = "internet_users",
    dimensions: dict[str, str] | None = None,
    period: str = "2024-12",
    report: str = "cnnic-55",
    qualifier: str | None = None,
    attributed_to: str | None = None,
    source: str = "cnnic-55-en",
    start: int = 0,
    notes: tuple[NoteRef, ...] = (),
) -> Record:
    """A record whose quote is ``as_reported`` in a short sentence starting at ``start``."""
    quote = f"It was {as_reported}."
    return Record(
        indicator=indicator,
        dimensions=dimensions_of(dimensions or {}),
        period=period,
        value=D(value),
        precision=D(precision),
        report=report,
        evidence=Evidence(
            source=source,
            start=start,
            end=start + len(quote),
            quote=quote,
            as_reported=as_reported,
            value_start=start + 7,
            value_end=start + 7 + len(as_reported),
        ),
        qualifier=qualifier,
        attributed_to=attributed_to,
        notes=notes,
    )


def only(observations: list[Observation]) -> Observation:
    assert len(observations) == 1, observations
    return observations[0]


# --- merge: one observation per key ---------------------------------------------------------


@pytest.mark.parametrize(
    "order", ["precise first", "rounder first"], ids=["precise first", "rounder first"]
)
def test_a_rounder_figure_becomes_a_citation_of_the_precise_one(order: str) -> None:
    precise = record("1081330000", "10000", "108,133", start=100)
    rounder = record("1081000000", "1000000", "1,081 million", start=500)
    given = [precise, rounder] if order == "precise first" else [rounder, precise]
    observations, disagreements = merge(given)
    observation = only(observations)
    assert disagreements == []
    assert observation.value == D(1_081_330_000)
    assert observation.precision == D(10_000)
    assert observation.as_reported == "108,133"
    assert observation.status == "reported"
    assert [e.as_reported for e in observation.evidence] == ["108,133", "1,081 million"]
    assert observation.notes == []


def test_a_qualified_figure_that_agrees_becomes_a_citation() -> None:
    exact = record("80.1", "0.1", "80.1%", indicator="internet_penetration", start=100)
    surpassed = record(
        "80", "1", "80 percent", indicator="internet_penetration", qualifier="more than", start=900
    )
    observations, disagreements = merge([surpassed, exact])
    observation = only(observations)
    assert disagreements == []
    assert observation.value == D("80.1")
    assert observation.qualifier is None
    assert [e.as_reported for e in observation.evidence] == ["80.1%", "80 percent"]


@pytest.mark.parametrize(
    ("precise", "rough", "qualifier", "expected"),
    [
        (("1108000000", "1000000"), ("1100000000", "1000000"), None, True),
        (("165265", "1"), ("170000", "1"), None, True),
        (("165265", "1"), ("160000", "1"), None, False),
        (("1108000000", "1000000"), ("1125000000", "1000000"), None, False),
        (("80.1", "0.1"), ("80", "1"), "more than", True),
        (("79.5", "0.1"), ("80", "1"), "more than", False),
        (("79.5", "0.1"), ("80", "1"), "nearly", True),
        (("80.1", "0.1"), ("80", "1"), "nearly", False),
        (("81.6", "0.1"), ("81", "1"), None, False),
        (("81.4", "0.1"), ("81", "1"), None, True),
        (("84.9", "0.1"), ("80", "1"), None, True),
        (("85.1", "0.1"), ("80", "1"), None, False),
    ],
    ids=[
        "1,100 million is 1,108 million to two figures",
        "170,000 is 165,265 to the ten thousand",
        "160,000 is not 165,265 to the ten thousand",
        "1,125 million is not 1,108 million",
        "more than 80 beside 80.1",
        "more than 80 is not 79.5",
        "nearly 80 beside 79.5",
        "nearly 80 is not 80.1",
        "81 is not 81.6 rounded",
        "81 is 81.4 rounded",
        "80 may be 84.9 rounded to the ten",
        "80 is not 85.1 rounded to the ten",
    ],
)
def test_agrees_allows_for_rounding_and_qualifiers(
    precise: tuple[str, str], rough: tuple[str, str], qualifier: str | None, expected: bool
) -> None:
    first = record(*precise, "precise")
    second = record(*rough, "rough", qualifier=qualifier)
    assert agrees(first, second) is expected


def test_a_round_number_agrees_with_the_precise_one_it_rounds() -> None:
    exact = record("165265", "1", "165,265", indicator="domain_names", start=10)
    rounded = record("170000", "1", "170,000", indicator="domain_names", start=70)
    observations, disagreements = merge([rounded, exact])
    observation = only(observations)
    assert disagreements == []
    assert observation.value == D(165_265)
    assert [e.as_reported for e in observation.evidence] == ["165,265", "170,000"]


def test_a_real_disagreement_is_kept_as_a_note_and_listed() -> None:
    kept = record("1108000000", "1000000", "1,108 million", start=10)
    other = record("1125000000", "1000000", "1,125 million", start=400)
    observations, disagreements = merge([kept, other])
    observation = only(observations)
    assert observation.value == D(1_108_000_000)
    assert [e.as_reported for e in observation.evidence] == ["1,108 million"]
    (note,) = observation.notes
    assert note.kind == "disagreement"
    assert (note.source, note.start, note.end, note.quote) == (
        "cnnic-55-en",
        400,
        400 + len("It was 1,125 million."),
        "It was 1,125 million.",
    )
    assert disagreements == [
        Disagreement(
            key=("internet_users", (), "2024-12", "cnnic-55"),
            kept=D(1_108_000_000),
            other=D(1_125_000_000),
            other_key=("internet_users", (), "2024-12", "cnnic-55"),
            where="It was 1,125 million.",
        )
    ]


def test_records_with_different_keys_stay_apart() -> None:
    observations, disagreements = merge(
        [
            record("313000000", "1000000", "313 million", dimensions={"area": "rural"}),
            record("795000000", "1000000", "795 million", dimensions={"area": "urban"}),
            record("1108000000", "1000000", "1,108 million"),
            record("1092000000", "1000000", "1,092 million", period="2023-12"),
        ]
    )
    assert disagreements == []
    assert sorted(
        (dict(o.dimensions).get("area", ""), o.period, o.value) for o in observations
    ) == [
        ("", "2023-12", D(1_092_000_000)),
        ("", "2024-12", D(1_108_000_000)),
        ("rural", "2024-12", D(313_000_000)),
        ("urban", "2024-12", D(795_000_000)),
    ]


def test_merge_keeps_every_note_and_the_first_attribution() -> None:
    moved = NoteRef("date", "cnnic-55-en", 5000, 5050, "updated by November 2024")
    table = record("822000000", "1000000", "8.22", indicator="active_ipv6_users", notes=(moved,))
    text = record(
        "822000000",
        "1000000",
        "822 million",
        indicator="active_ipv6_users",
        attributed_to="MIIT",
        notes=(moved,),
        start=300,
    )
    observation = only(merge([table, text])[0])
    assert observation.notes == [moved]
    assert observation.attributed_to == "MIIT"


# --- derive: earlier levels from changes ----------------------------------------------------


def observations_of(*records: Record) -> list[Observation]:
    observations, disagreements = merge(records)
    assert disagreements == []
    return observations


def test_a_change_gives_the_earlier_level_minus_the_change() -> None:
    level = record("1108000000", "1000000", "1,108 million")
    change = record(
        "16080000",
        "10000",
        "16.08 million",
        indicator="internet_users_change",
        dimensions={"compared_with": "2023-12"},
        start=40,
    )
    derived, disagreements = derive(observations_of(level, change))
    assert disagreements == []
    earlier = only(derived)
    assert earlier.key == ("internet_users", (), "2023-12", "cnnic-55")
    assert earlier.status == "derived"
    assert earlier.value == D(1_091_920_000)
    assert earlier.precision == D(1_010_000)
    assert earlier.as_reported is None
    assert [e.as_reported for e in earlier.evidence] == ["1,108 million", "16.08 million"]
    assert earlier.derivation == {
        "method": "level minus change",
        "formula": "1,108 million − 16.08 million",
        "inputs": [
            {
                "indicator": "internet_users",
                "dimensions": {},
                "period": "2024-12",
                "report": "cnnic-55",
            },
            {
                "indicator": "internet_users_change",
                "dimensions": {"compared_with": "2023-12"},
                "period": "2024-12",
                "report": "cnnic-55",
            },
        ],
    }


def test_a_fall_gives_a_higher_earlier_level() -> None:
    level = record("1108000000", "1000000", "1,108 million")
    fall = record(
        "-16080000",
        "10000",
        "16.08 million",
        indicator="internet_users_change",
        dimensions={"compared_with": "2023-12"},
    )
    earlier = only(derive(observations_of(level, fall))[0])
    assert earlier.value == D(1_124_080_000)


def test_a_growth_rate_gives_the_earlier_level_divided_by_one_plus_the_rate() -> None:
    level = record(
        "602000000", "1000000", "602 million", indicator="generative_ai_users", period="2025-12"
    )
    growth = record(
        "141.7",
        "0.1",
        "141.7%",
        indicator="generative_ai_users_growth",
        dimensions={"compared_with": "2024-12"},
        period="2025-12",
        start=60,
    )
    earlier = only(derive(observations_of(level, growth))[0])
    assert earlier.key == ("generative_ai_users", (), "2024-12", "cnnic-55")
    assert earlier.status == "derived"
    # 602 million / 2.417 = 249.07 million, to the level's precision of a million.
    assert earlier.value == D(249_000_000)
    assert earlier.precision == D(1_602_000)
    assert earlier.derivation is not None
    assert earlier.derivation["method"] == "level divided by (1 + growth rate)"
    assert earlier.derivation["formula"] == "602 million / (1 + 141.7%)"
    assert [i["indicator"] for i in earlier.derivation["inputs"]] == [
        "generative_ai_users",
        "generative_ai_users_growth",
    ]


def test_a_change_of_a_breakdown_gives_the_earlier_level_of_that_breakdown() -> None:
    level = record(
        "69.5", "0.1", "69.5%", indicator="internet_penetration", dimensions={"area": "rural"}
    )
    points = record(
        "13.6",
        "0.1",
        "13.6 percentage points",
        indicator="internet_penetration_change",
        dimensions={"area": "rural", "compared_with": "2020-12"},
    )
    earlier = only(derive(observations_of(level, points))[0])
    assert earlier.key == ("internet_penetration", (("area", "rural"),), "2020-12", "cnnic-55")
    assert earlier.value == D("55.9")


def test_no_level_is_derived_where_the_report_gives_it() -> None:
    level = record("1108000000", "1000000", "1,108 million")
    change = record(
        "16080000",
        "10000",
        "16.08 million",
        indicator="internet_users_change",
        dimensions={"compared_with": "2023-12"},
    )
    given = record("1092000000", "1000000", "1,092 million", period="2023-12")
    derived, disagreements = derive(observations_of(level, change, given))
    assert derived == []
    assert disagreements == []


def test_a_reported_level_that_the_change_contradicts_is_a_disagreement() -> None:
    level = record("1108000000", "1000000", "1,108 million")
    change = record(
        "16080000",
        "10000",
        "16.08 million",
        indicator="internet_users_change",
        dimensions={"compared_with": "2023-12"},
    )
    given = record("1050000000", "1000000", "1,050 million", period="2023-12")
    derived, disagreements = derive(observations_of(level, change, given))
    assert derived == []
    key = ("internet_users", (), "2023-12", "cnnic-55")
    assert disagreements == [Disagreement(key, D(1_050_000_000), D(1_091_920_000), key, "derived")]


@pytest.mark.parametrize(
    "change",
    [
        record("16080000", "10000", "16.08 million", indicator="internet_users_change"),
        record(
            "16080000",
            "10000",
            "16.08 million",
            indicator="internet_users_change",
            dimensions={"compared_with": "2023-12"},
            report="cnnic-57",
        ),
    ],
    ids=["a change with no base period", "a change in another report than the level"],
)
def test_no_level_is_derived_without_a_base_and_a_level_of_the_same_report(
    change: Record,
) -> None:
    level = record("1108000000", "1000000", "1,108 million")
    assert derive(observations_of(level, change)) == ([], [])


@pytest.mark.parametrize("qualifier", ["more than", "at least"])
def test_no_level_is_derived_from_a_change_given_as_a_lower_bound(qualifier: str) -> None:
    """700 million searches, up by more than 20%: the earlier level is below 583 million, not
    about it."""
    level = record("700000000", "1000000", "700 million", indicator="searches", qualifier=qualifier)
    growth = record(
        "20",
        "0.1",
        "20.0%",
        indicator="searches_growth",
        dimensions={"compared_with": "2023-12"},
        qualifier=qualifier,
        start=40,
    )
    assert derive(observations_of(level, growth)) == ([], [])


def test_a_level_given_as_a_bound_still_gives_an_earlier_level_with_its_qualifier() -> None:
    level = record("700000000", "1000000", "700 million", indicator="searches", qualifier="over")
    growth = record(
        "20", "1", "20%", indicator="searches_growth", dimensions={"compared_with": "2023-12"}
    )
    earlier = only(derive(observations_of(level, growth))[0])
    assert (earlier.value, earlier.qualifier) == (D(583_000_000), "over")


# --- compare_reports ------------------------------------------------------------------------


def observation(value: str, precision: str, report: str, period: str = "2024-12") -> Observation:
    return only(observations_of(record(value, precision, value, report=report, period=period)))


def test_compare_reports_lists_values_that_differ_beyond_rounding() -> None:
    first = observation("1108000000", "1000000", "cnnic-55")
    second = observation("1100000000", "100000000", "cnnic-57")
    third = observation("1108000000", "1000000", "cnnic-57", period="2025-06")
    assert compare_reports([first, second, third]) == []
    differing = observation("1125000000", "1000000", "cnnic-57")
    assert compare_reports([first, differing]) == [
        Disagreement(
            key=("internet_users", (), "2024-12", "cnnic-55"),
            kept=D(1_108_000_000),
            other=D(1_125_000_000),
            other_key=("internet_users", (), "2024-12", "cnnic-57"),
            where="reports",
        )
    ]


@pytest.mark.parametrize(
    ("second", "expected"),
    [(("1108500000", "1000000"), 0), (("1109500000", "1000000"), 1)],
    ids=["half a unit apart each way", "beyond both roundings"],
)
def test_compare_reports_allows_half_of_each_precision(
    second: tuple[str, str], expected: int
) -> None:
    first = observation("1108000000", "1000000", "cnnic-55")
    other = observation(*second, "cnnic-57")
    assert len(compare_reports([first, other])) == expected


def test_no_level_is_derived_at_a_base_the_text_does_not_date() -> None:
    """63% up on the Mid-Autumn Festival: the festival is no period to place a level at."""
    level = record("700000000", "1000000", "700 million", indicator="searches")
    growth = record(
        "63",
        "1",
        "63%",
        indicator="searches_growth",
        dimensions={"compared_with": "Mid-Autumn Festival"},
        start=40,
    )
    assert derive(observations_of(level, growth)) == ([], [])


# --- derive: the share a gap is measured against ----------------------------------------------


def _share_and_gap(gap: str, *, qualifier: str | None = None) -> list[Observation]:
    rural = {"area": "rural"}
    share = record("54.4", "0.1", "54.4%", indicator="non_internet_users_share", dimensions=rural)
    measured = record(
        gap,
        "0.1",
        f"{gap.lstrip('-')} percentage points",
        indicator="non_internet_users_share_gap",
        dimensions={**rural, "compared_with": "population_share"},
        qualifier=qualifier,
        start=40,
    )
    return observations_of(share, measured)


def test_a_gap_gives_the_share_it_is_measured_against() -> None:
    derived, disagreements = derive(_share_and_gap("20.6"))
    assert disagreements == []
    other = only(derived)
    assert other.key == ("population_share", (("area", "rural"),), "2024-12", "cnnic-55")
    assert (other.status, other.value, other.precision) == ("derived", D("33.8"), D("0.2"))
    assert other.derivation is not None
    assert other.derivation["method"] == "level minus gap"
    assert other.derivation["formula"] == "54.4% − 20.6 percentage points"
    assert [i["indicator"] for i in other.derivation["inputs"]] == [
        "non_internet_users_share",
        "non_internet_users_share_gap",
    ]


def test_a_gap_below_gives_a_higher_share() -> None:
    other = only(derive(_share_and_gap("-20.6"))[0])
    assert other.value == D("75.0")
    assert other.derivation is not None
    assert other.derivation["formula"] == "54.4% + 20.6 percentage points"


def test_no_share_is_derived_from_a_gap_given_as_a_bound() -> None:
    assert derive(_share_and_gap("20.6", qualifier="more than"))[0] == []
