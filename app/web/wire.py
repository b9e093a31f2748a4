"""Observations in their wire form, encoded straight from the records read.

A page of observations is the API's hottest answer. Building a Pydantic model for each
observation, citation and note only to dump it again costs more than reading them; here each
record becomes the dict :class:`app.web.schemas.Observation` describes and orjson encodes the page.
The dimensions and the derivation go out as the JSON text the database holds, never decoded.
The OpenAPI document still comes from the models, and the tests check the answers against it.
"""

from __future__ import annotations

from typing import Any

import orjson

from app.queries.observations import ObservationRecord
from app.web.schemas import compact


def observation_body(record: ObservationRecord) -> dict[str, Any]:
    """``record`` as :class:`app.web.schemas.Observation` sends it."""
    return {
        "indicator": record.indicator,
        "period": record.period,
        "period_start": record.period_start,
        "period_end": record.period_end,
        "value": compact(record.value),
        "unit": record.unit,
        "dimensions": orjson.Fragment(record.dimensions_json),
        "report": record.report,
        "status": record.status,
        "as_reported": record.as_reported,
        "qualifier": record.qualifier,
        "attributed_to": record.attributed_to,
        "derivation": _json_or_null(record.derivation_json),
        "notes": [
            {
                "kind": note.kind,
                "source": note.source,
                "quote": note.quote,
                "start": note.start,
                "end": note.end,
            }
            for note in record.notes
        ],
        "citations": [
            {
                "source": citation.source,
                "quote": citation.quote,
                "start": citation.start,
                "end": citation.end,
                "as_reported": citation.as_reported,
            }
            for citation in record.citations
        ],
    }


def _json_or_null(text: str | None) -> orjson.Fragment | None:
    return None if text is None else orjson.Fragment(text)


def observation_page_json(records: list[ObservationRecord], next_url: str | None) -> bytes:
    """The body of :class:`app.web.schemas.ObservationPage`."""
    return orjson.dumps(
        {"data": [observation_body(record) for record in records], "next": next_url}
    )
