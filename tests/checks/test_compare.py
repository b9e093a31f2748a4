"""A claim's figure held against observations: agreement, differences, ranking, verdicts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.checks.compare import Compared, agreement, compare_one, judge, rank, written
from app.checks.reading import ClaimFigure
from app.queries.figures import StoredFigure


def figure(text: str, value: str, precision: str, qualifier: str | None = None) -> ClaimFigure:
    return ClaimFigure(text, Decimal(value), "count", Decimal(precision), qualifier)


def stored(
    value: float,
    period: str = "2023-12",
    *,
    id_: int = 1,
    indicator: str = "internet_users",
    dimensions: dict[str, str] | None = None,
    report: str = "cnnic-53",
    edition: int = 53,
    status: str = "reported",
    preferred: bool = True,
) -> StoredFigure:
    dims = dimensions or {}
    key = "{" + ",".join(f'"{k}":"{v}"' for k, v in sorted(dims.items())) + "}"
    return StoredFigure(
        id=id_,
        indicator=indicator,
        dimensions=dims,
        dimensions_key=key,
        period=period,
        value=value,
        report=report,
        edition=edition,
        status=status,
        preferred=preferred,
        as_reported=None,
        qualifier=None,
        attributed_to=None,
    )


@pytest.mark.parametrize(
    ("claimed", "value", "expected"),
    [
        (figure("10.92亿", "1092000000", "1000000"), "1092000000", "exact"),
        # 10.9亿 is read to the nearest 10,000,000: it restates 1,092,000,000.
        (figure("10.9亿", "1090000000", "10000000"), "1092000000", "rounded"),
        (figure("10.9亿", "1090000000", "10000000"), "1095000000", "rounded"),  # half a unit
        (figure("10.9亿", "1090000000", "10000000"), "1095000001", None),
        (figure("1,092,000,000", "1092000000", "1"), "1091920000", None),
        (figure("10.92亿", "1092000000", "1000000"), "1091920000", "rounded"),
        # "more than X": from X up to one unit of its last digit above it
        (figure("1.1 billion", "1100000000", "100000000", "more than"), "1125000000", "rounded"),
        (figure("1.1 billion", "1100000000", "100000000", "more than"), "1092000000", None),
        (figure("1.1 billion", "1100000000", "100000000", "more than"), "1200000000", None),
        # "nearly X": up to one unit below it
        (figure("11亿", "1100000000", "100000000", "nearly"), "1092000000", "rounded"),
        (figure("11亿", "1100000000", "100000000", "nearly"), "1108000000", None),
        (figure("about 1.1 billion", "1100000000", "100000000", "about"), "1125000000", "rounded"),
    ],
)  # fmt: skip
def test_a_value_agrees_exactly_or_as_the_claim_rounds_it(
    claimed: ClaimFigure, value: str, expected: str | None
) -> None:
    assert agreement(claimed, Decimal(value)) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [("1092000000", "1,092,000,000"), ("76.4", "76.4"), ("1.092E+9", "1,092,000,000")],
)
def test_values_are_written_with_separators_and_no_exponent(value: str, text: str) -> None:
    assert written(Decimal(value)) == text


def kinds(compared: Compared) -> list[str]:
    return [difference.kind for difference in compared.differences]


def test_the_same_figure_has_no_difference() -> None:
    compared = compare_one(
        figure("10.92亿", "1092000000", "1000000"), {}, "2023-12", stored(1.092e9)
    )

    assert compared.differences == ()
    assert compared.agrees


def test_each_difference_says_what_the_claim_and_the_observation_have() -> None:
    claimed = figure("10.92亿", "1092000000", "1000000")
    found = stored(1.108e9, "2024-12", dimensions={"area": "rural"})

    compared = compare_one(claimed, {}, "2023-12", found)

    assert kinds(compared) == ["breakdown", "period", "value"]
    breakdown, period, value = compared.differences
    assert (breakdown.claimed, breakdown.found) == ("total", "area=rural")
    assert (period.claimed, period.found) == ("2023-12", "2024-12")
    assert (value.claimed, value.found, value.by_percent) == ("10.92亿", "1,108,000,000", -1.44)
    assert not compared.agrees


def test_a_rounded_restatement_agrees_and_says_so() -> None:
    compared = compare_one(figure("10.9亿", "1090000000", "10000000"), {}, None, stored(1.092e9))

    assert kinds(compared) == ["rounded"]
    assert compared.differences[0].found == "1,092,000,000"
    assert compared.agrees


def test_a_claim_without_a_period_is_compared_with_every_period() -> None:
    compared = compare_one(figure("10.92亿", "1092000000", "1000000"), {}, None, stored(1.092e9))

    assert compared.differences == ()


def test_what_a_change_is_measured_from_is_no_breakdown_unless_the_claim_names_it() -> None:
    claimed = figure("16.08 million", "16080000", "10000")
    change = stored(16.08e6, "2024-12", dimensions={"compared_with": "2023-12"})

    assert compare_one(claimed, {}, "2024-12", change).differences == ()
    named = compare_one(claimed, {"compared_with": "2024-06"}, "2024-12", change)
    assert kinds(named) == ["breakdown"]


def test_ranking_puts_fewest_differences_then_the_nearest_value_first() -> None:
    claimed = figure("10.92亿", "1092000000", "1000000")
    rows = [
        stored(1.108e9, "2024-12", id_=1),  # another value
        stored(1.092e9, "2024-12", id_=2, dimensions={"area": "rural"}),  # breakdown
        stored(1.3e9, "2024-12", id_=3),  # a farther value
        stored(1.092e9, "2024-12", id_=4),  # the same
    ]

    ranked = rank([compare_one(claimed, {}, "2024-12", row) for row in rows], {})

    assert [item.figure.id for item in ranked] == [4, 2, 1, 3]


def test_ranking_puts_reported_then_preferred_then_the_latest_report_first() -> None:
    claimed = figure("10.9亿", "1090000000", "10000000")
    rows = [
        stored(1.09192e9, id_=1, status="derived", report="cnnic-55", edition=55),
        stored(1.092e9, id_=2, report="cnnic-53", edition=53),
        stored(1.092e9, id_=3, report="cnnic-54", edition=54, preferred=False),
    ]

    ranked = rank([compare_one(claimed, {}, None, row) for row in rows], {})

    assert [item.figure.id for item in ranked] == [2, 3, 1]


def test_the_same_rows_in_any_order_rank_the_same() -> None:
    claimed = figure("10.92亿", "1092000000", "1000000")
    rows = [stored(1.09e9 + i * 1e6, f"20{10 + i}-12", id_=i) for i in range(8)]

    def order(given: list[StoredFigure]) -> list[int]:
        ranked = rank([compare_one(claimed, {}, None, row) for row in given], {})
        return [item.figure.id for item in ranked]

    assert order(rows) == order(list(reversed(rows))) == order(rows[3:] + rows[:3])


def period_2023(_: str) -> str:
    return "2023-12"


def no_period(_: str) -> None:
    return None


def test_an_exact_match_is_confirmed_and_rounded_ones_follow() -> None:
    rows = [stored(1.09192e9, id_=1, status="derived"), stored(1.092e9, id_=2)]

    outcome = judge(
        figure("10.92亿", "1092000000", "1000000"),
        {},
        rows,
        period_for=period_2023,
        order={},
        named=True,
    )

    assert outcome.verdict == "confirmed"
    assert [item.figure.id for item in outcome.matches] == [2, 1]
    assert outcome.closest == []


def test_only_a_rounded_match_is_rounded() -> None:
    outcome = judge(
        figure("10.9亿", "1090000000", "10000000"),
        {},
        [stored(1.092e9)],
        period_for=no_period,
        order={},
        named=True,
    )

    assert outcome.verdict == "rounded"


def test_another_value_for_the_named_period_differs_and_comes_first() -> None:
    rows = [stored(1.092e9, "2023-12", id_=1), stored(1.108e9, "2024-12", id_=2)]

    outcome = judge(
        figure("10.92亿", "1092000000", "1000000"),
        {},
        rows,
        period_for=lambda _: "2024-12",
        order={},
        named=True,
    )

    assert outcome.verdict == "differs"
    assert [item.figure.id for item in outcome.closest] == [2, 1]


@pytest.mark.parametrize(
    ("period_for", "named"),
    [(no_period, True), (period_2023, False)],
    ids=["no period given", "indicator guessed"],
)
def test_without_a_named_indicator_and_period_a_missing_figure_is_not_found(
    period_for: object, named: bool
) -> None:
    outcome = judge(
        figure("3.26亿", "326000000", "1000000"),
        {"area": "rural"},
        [stored(3.22e8, dimensions={"area": "rural"})],
        period_for=period_for,  # type: ignore[arg-type]
        order={},
        named=named,
    )

    assert outcome.verdict == "not_found"
    assert [kinds(item) for item in outcome.closest] == [["value"]]


def test_nothing_to_compare_is_not_found() -> None:
    outcome = judge(
        figure("3.26亿", "326000000", "1000000"), {}, [], period_for=no_period, order={}, named=True
    )

    assert (outcome.verdict, outcome.matches, outcome.closest) == ("not_found", [], [])


def test_at_most_five_closest_are_shown() -> None:
    rows = [stored(1e9 + i, f"20{10 + i}-12", id_=i) for i in range(9)]

    outcome = judge(
        figure("3.26亿", "326000000", "1000000"),
        {},
        rows,
        period_for=no_period,
        order={},
        named=True,
    )

    assert len(outcome.closest) == 5
