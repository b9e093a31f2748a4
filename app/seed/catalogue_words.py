"""What the service needs of the catalogue's words, as rows: the indicators served (with their
Chinese descriptions and terms), each dimension value's Chinese label and names, and the search
section's stop words and synonyms.

The service reads only the database, so the seed writes these beside the data; they are served,
so they count in the data's fingerprint.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect

from app.sources.catalogue import Catalogue, IndicatorSpec
from app.store.models import Base, DimensionLabel, Indicator, SearchWord

_SLOT = re.compile(r"\{\w+\}")


@dataclass(frozen=True)
class CatalogueWords:
    """The rows a seed writes for the catalogue."""

    indicators: list[Indicator]
    labels: list[DimensionLabel]
    search: list[SearchWord]

    def fingerprint(self) -> str:
        """Everything these rows say, as one text, in a stable order."""
        rows: list[Base] = [*self.indicators, *self.labels, *self.search]
        return json.dumps([_values(row) for row in rows], ensure_ascii=False)


def _values(row: Base) -> list[Any]:
    """Every column's value of ``row``, in the table's order."""
    return [getattr(row, column.key) for column in inspect(row).mapper.column_attrs]


def search_terms(spec: IndicatorSpec) -> list[str]:
    """The phrases ``spec``'s terms name it by, a breakdown's slot left out ("{area} Internet
    users" is "Internet users"), each once; a term that is only a slot names nothing here."""
    phrases = (" ".join(_SLOT.sub(" ", term).split()) for term in spec.terms)
    return list(dict.fromkeys(phrase for phrase in phrases if phrase))


def catalogue_words(catalogue: Catalogue, served: Iterable[str]) -> CatalogueWords:
    """The rows for ``catalogue``, with the indicators of codes ``served`` (those with values)."""
    indicators = [
        Indicator(
            code=spec.code,
            name=spec.name,
            name_zh=spec.name_zh,
            description=spec.description,
            description_zh=spec.description_zh,
            unit=spec.unit,
            category=spec.category,
            terms=search_terms(spec),
        )
        for spec in (catalogue.indicators[code] for code in sorted(set(served)))
    ]
    labels = [
        DimensionLabel(
            dimension=dimension,
            value=value,
            label_zh=catalogue.zh_label(dimension, value),
            names=list(names),
        )
        for dimension, values in sorted(catalogue.dimensions.items())
        for value, names in sorted(values.items())
    ]
    search = [
        *(SearchWord(kind="stop", phrase=word, means=[]) for word in catalogue.search.stop_words),
        *(
            SearchWord(kind="synonym", phrase=phrase, means=list(alternatives))
            for phrase, alternatives in catalogue.search.synonyms.items()
        ),
    ]
    return CatalogueWords(indicators, labels, search)
