"""Observations in their wire form, encoded straight from the records read.

A page of observations is the API's hottest answer. Building a Pydantic model for each
observation, citation and note only to dump it again costs more than reading them: a page is
read straight into the shape :class:`app.web.schemas.Observation` describes (see
:class:`app.queries.observations.ObservationBody`), and orjson encodes it as it is. The
dimensions and the derivation go out as the JSON text the database holds, never decoded. The
OpenAPI document still comes from the models, and the tests hold every page to them.
"""

from __future__ import annotations

import orjson

from app.queries.observations import ObservationBody


def observation_page_json(records: list[ObservationBody], next_url: str | None) -> bytes:
    """The body of :class:`app.web.schemas.ObservationPage`."""
    return orjson.dumps({"data": records, "next": next_url})
