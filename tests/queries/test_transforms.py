"""Changes computed from a series: which periods are compared, and the arithmetic."""

from __future__ import annotations

import pytest

from app.queries.transforms import Step, Transform, formula, steps, transformed_unit

HALF_YEARS = [("2024-06", 1099670000.0), ("2024-12", 1108000000.0), ("2025-06", 1123000000.0)]


def test_change_compares_each_period_with_the_one_before() -> None:
    assert steps(HALF_YEARS, "change") == [
        Step(8330000.0, ("2024-06", 1099670000.0), ("2024-12", 1108000000.0)),
        Step(15000000.0, ("2024-12", 1108000000.0), ("2025-06", 1123000000.0)),
    ]


def test_change_of_decimals_is_exact() -> None:
    [step] = steps([("2024-12", 78.3), ("2025-06", 78.6)], "change")

    assert step.value == 0.3


def test_pct_change_is_rounded_to_four_places() -> None:
    [step] = steps([("2023-12", 1092000000.0), ("2024-12", 1108000000.0)], "pct_change")

    assert step.value == 1.4652


def test_yoy_compares_with_the_same_period_a_year_earlier() -> None:
    computed = steps(HALF_YEARS, "yoy")

    assert [(step.earlier[0], step.later[0]) for step in computed] == [("2024-06", "2025-06")]


def test_yoy_compares_intervals_of_the_same_months() -> None:
    points = [("2024-01/2024-08", 200.0), ("2025-01/2025-08", 250.0)]

    assert steps(points, "yoy") == [Step(25.0, points[0], points[1])]


def test_periods_of_other_forms_are_not_compared() -> None:
    points = [("2024", 10.0), ("2024-06", 4.0), ("2024-12", 6.0), ("2025", 12.0)]

    assert [(step.earlier[0], step.later[0]) for step in steps(points, "change")] == [
        ("2024-06", "2024-12"),
        ("2024", "2025"),
    ]


def test_change_skips_intervals() -> None:
    assert steps([("2024-01/2024-08", 1.0), ("2024-01/2024-11", 2.0)], "change") == []


def test_periods_more_than_a_year_apart_are_not_compared() -> None:
    points = [("1997-10", 620000.0), ("2016-12", 731260000.0), ("2017-12", 772000000.0)]

    assert [step.earlier[0] for step in steps(points, "pct_change")] == ["2016-12"]


@pytest.mark.parametrize("transform", ["pct_change", "yoy"])
def test_percent_change_from_zero_is_left_out(transform: Transform) -> None:
    assert steps([("2024-12", 0.0), ("2025-12", 5.0)], transform) == []


def test_change_from_zero_is_computed() -> None:
    assert steps([("2024-12", 0.0), ("2025-12", 5.0)], "change")[0].value == 5.0


@pytest.mark.parametrize(
    ("transform", "unit", "expected"),
    [
        ("change", "persons", "persons"),
        ("change", "percent", "percentage_points"),
        ("pct_change", "persons", "percent"),
        ("yoy", "percent", "percent"),
    ],
)
def test_transformed_unit(transform: Transform, unit: str, expected: str) -> None:
    assert transformed_unit(unit, transform) == expected


def test_formula_shows_the_values() -> None:
    step = Step(1.9, ("2024-12", 78.6), ("2025-12", 80.5))

    assert formula(step, "change") == "80.5 − 78.6"
    assert formula(step, "pct_change") == "(80.5 − 78.6) / 78.6 × 100"
