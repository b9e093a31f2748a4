"""The closed choices of the API's parameters, from the catalogue the data was seeded with.

A category, a dimension's name and the values of the catalogue's dimensions are closed sets:
the OpenAPI document lists them as enums, so a client generated from it never sends a value the
service refuses. A value the catalogue has but no observation does matches nothing, like any
filter; the values of the dimensions the grammar gives (``compared_with``, ``time_of_day``)
are the texts' own and stay open.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from app.sources.catalogue import GRAMMAR_DIMENSIONS, load_catalogue
from app.sources.inputs import CATALOGUE_FILE


@dataclass(frozen=True)
class Choices:
    """What the parameters may name: categories, and each dimension's values (``None`` for an
    open one)."""

    categories: tuple[str, ...]
    dimensions: dict[str, tuple[str, ...] | None]


@functools.cache
def load_choices(seeds_dir: Path) -> Choices:
    """The choices of the catalogue in ``seeds_dir``, read once per process."""
    catalogue = load_catalogue(seeds_dir / CATALOGUE_FILE)
    closed: dict[str, tuple[str, ...] | None] = {
        name: tuple(sorted(values)) for name, values in catalogue.dimensions.items()
    }
    return Choices(
        categories=tuple(sorted({spec.category for spec in catalogue.indicators.values()})),
        dimensions=dict(sorted({**closed, **dict.fromkeys(GRAMMAR_DIMENSIONS)}.items())),
    )
