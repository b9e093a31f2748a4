"""Dimension values as readers see them: in English the value itself, in Chinese the label the
catalogue gives (农村 for rural), or the value where it gives none.

The values stay the keys in every language (filters take them); only their labels change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.queries.metadata import per_version
from app.queries.observations import decoded_breakdowns
from app.store.models import DimensionLabel


@per_version
def zh_labels(*, session: Session) -> dict[tuple[str, str], str]:
    """Each (dimension, value) the catalogue labels in Chinese, with its label."""
    statement = select(DimensionLabel.dimension, DimensionLabel.value, DimensionLabel.label_zh)
    return {
        (dimension, value): label
        for dimension, value, label in session.execute(statement)
        if label is not None
    }


def label_of(dimension: str, value: str, language: str, *, session: Session) -> str:
    """How ``dimension``'s ``value`` reads in ``language`` (see the module doc)."""
    if language == "zh":
        return zh_labels(session=session).get((dimension, value), value)
    return value


def labels_of(dimensions: Mapping[str, str], language: str, *, session: Session) -> dict[str, str]:
    """The label of each value of a breakdown, by dimension."""
    return {
        name: label_of(name, value, language, session=session) for name, value in dimensions.items()
    }


def value_labels(
    dimension_values: Mapping[str, Sequence[str]], language: str, *, session: Session
) -> dict[str, dict[str, str]]:
    """For each dimension, the label of each of its values."""
    return {
        name: {value: label_of(name, value, language, session=session) for value in values}
        for name, values in dimension_values.items()
    }


@per_version
def breakdown_labels(*, session: Session, language: str) -> dict[str, orjson.Fragment]:
    """The labels of every breakdown the data has, as JSON text by its dimensions key: what
    a page of observations sends beside each observation's dimensions, without a lookup per
    value."""
    return {
        key: orjson.Fragment(orjson.dumps(labels_of(dimensions, language, session=session)))
        for pairs in decoded_breakdowns(session=session).values()
        for key, dimensions in pairs
    }
