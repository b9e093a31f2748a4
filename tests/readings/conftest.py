"""A tiny text and entries of it, read against the project's own catalogue."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.readings.entries import Entry
from app.sources.catalogue import Catalogue, load_catalogue
from tests.conftest import PROJECT_ROOT

TEXT = (
    "By December 2024, China had 1,108 million Internet users, an increase of 16.08 million "
    "compared to December 2023. The rural Internet penetration rate was 65.6%.\n"
    "Table 1\tIPv6\tBlock/32\t69,148\n"
)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(PROJECT_ROOT / "seeds" / "catalogue.yaml")


def entry(figure: str, indicator: str, value: str, **fields: Any) -> Entry:
    """An accepted entry of ``figure`` in :data:`TEXT`, quoting the sentence that holds it."""
    at = TEXT.index(figure)
    dot = TEXT.rfind(". ", 0, at)
    start = max(dot + 2 if dot >= 0 else 0, TEXT.rfind("\n", 0, at) + 1)
    stops = [i for i in (TEXT.find(".\n", at), TEXT.find(". ", at), TEXT.find("\n", at)) if i > 0]
    end = min(stops) + (1 if TEXT[min(stops)] == "." else 0)
    body: dict[str, Any] = {
        "indicator": indicator,
        "period": "2024-12",
        "value": Decimal(value),
        "figure": figure,
        "at": at,
        "quote": {"start": start, "end": end, "text": TEXT[start:end]},
        "review": "accepted",
        **fields,
    }
    return Entry.model_validate(body)
