"""Which indicator a number gives when a phrase names it: the units must fit."""

from __future__ import annotations

import pytest

from app.extract.levels import indicator_for
from app.sources.catalogue import Catalogue, load_catalogue
from tests.conftest import PROJECT_ROOT


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(PROJECT_ROOT / "seeds" / "catalogue.yaml")


@pytest.mark.parametrize(
    ("code", "dims", "unit", "expected"),
    [
        # A plain count fits any indicator that counts things.
        ("internet_users", {}, "count", ("internet_users", {})),
        ("base_stations_5g", {}, "count", ("base_stations_5g", {})),
        ("internet_penetration", {"area": "rural"}, "percent",
         ("internet_penetration", {"area": "rural"})),
        # A percentage of a count is the count's share, with the share's breakdown.
        ("internet_users", {"area": "rural"}, "percent",
         ("internet_users_share", {"area": "rural"})),
        ("internet_users_change", {}, "count", ("internet_users_change", {})),
    ],
)  # fmt: skip
def test_a_number_gives_the_indicator_its_unit_fits(
    catalogue: Catalogue,
    code: str,
    dims: dict[str, str],
    unit: str,
    expected: tuple[str, dict[str, str]],
) -> None:
    resolved = indicator_for(catalogue, code, dims, unit)

    assert resolved is not None
    assert (resolved[0].code, resolved[1]) == expected


@pytest.mark.parametrize(
    ("code", "unit"),
    [
        ("internet_penetration", "count"),  # a rate is no count
        ("internet_users", "yuan"),
        ("websites", "percent"),  # a count with no share of its own
    ],
)
def test_a_number_whose_unit_does_not_fit_gives_no_indicator(
    catalogue: Catalogue, code: str, unit: str
) -> None:
    assert indicator_for(catalogue, code, {}, unit) is None
