"""The OpenAPI document: generated from the routes and models, with problem responses typed."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from app.queries.observations import NO_BREAKDOWN
from app.web.choices import Choices
from app.web.errors import PROBLEM_MEDIA_TYPE

TAGS: list[dict[str, Any]] = [
    {
        "name": "index",
        "description": "The API's front door: its collections and the version of the data.",
    },
    {
        "name": "observations",
        "description": "The figures: every value with its citations, filtered and paged, as "
        "JSON or CSV, or shaped for a chart.",
    },
    {
        "name": "indicators",
        "description": "The catalogue of what is measured, with each indicator's coverage.",
    },
    {
        "name": "checks",
        "description": "A figure from a news story checked against the data: the matches and "
        "their quotes, or the closest values and how each differs.",
    },
    {"name": "reports", "description": "The report editions the figures come from."},
    {
        "name": "sources",
        "description": "The documents the figures were read from, and their full texts.",
    },
    {
        "name": "releases",
        "description": "What each seed changed: the reports and sources it brought or took "
        "away, and every observation it added, revised or withdrew.",
    },
    {
        "name": "downloads",
        "description": "The whole data set in one request: a data package (CSV and the texts, "
        "zipped) or a SQLite database.",
    },
    {"name": "health", "description": "Probes for the process and its database."},
]


def _type_problem_responses(document: dict[str, Any]) -> None:
    """FastAPI files every response model under the route's media type (``text/plain`` for a
    source's text); problems are sent as ``application/problem+json``, so their documented
    media type says so."""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                media = list(response.get("content", {}).values())
                if status[0] in "45" and len(media) == 1 and _is_problem(media[0]):
                    response["content"] = {PROBLEM_MEDIA_TYPE: media[0]}


def _is_problem(media: dict[str, Any]) -> bool:
    return str(media.get("schema", {}).get("$ref", "")).endswith("/Problem")


def _show_parameter_examples(document: dict[str, Any]) -> None:
    """Swagger UI shows a parameter's description but not its schema's ``examples``; name the
    first in the description. (A parameter-level ``example`` would show, but Swagger UI also
    types it into every optional field of "Try it out".)"""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                examples = parameter.get("schema", {}).get("examples")
                if examples and "example" not in parameter:
                    first = examples[0]
                    shown = ",".join(map(str, first)) if isinstance(first, list) else first
                    parameter["description"] = f"{parameter['description']} Example: `{shown}`."


def _list_choices(document: dict[str, Any], choices: Choices) -> None:
    """The closed choices the routes check against the catalogue, as enums: a category, and
    each dimension parameter with its values (`_total` among them)."""
    dimensions = {
        name: {"type": "string"}
        if values is None
        else {"type": "string", "enum": [*values, NO_BREAKDOWN]}
        for name, values in choices.dimensions.items()
    }
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if parameter["name"] == "category":
                    schema["anyOf"] = [
                        {"type": "string", "enum": list(choices.categories)},
                        {"type": "null"},
                    ]
                elif parameter["name"] == "dimensions":
                    schema.pop("additionalProperties", None)
                    schema |= {"properties": dimensions, "additionalProperties": False}


def install_openapi(app: FastAPI, choices: Choices) -> None:
    """Make ``app.openapi()`` return the generated document with problems typed, parameter
    examples shown and closed choices listed."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            _type_problem_responses(document)
            _show_parameter_examples(document)
            _list_choices(document, choices)
        assert app.openapi_schema is not None
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
