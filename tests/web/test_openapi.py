"""The OpenAPI document: valid OpenAPI 3, every operation, parameter and field taught, and
exactly the document clients were given (``data/openapi.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from app.web.application import create_app

Document = dict[str, Any]

PUBLISHED = Path(__file__).parent / "data" / "openapi.json"


def as_published(document: Document) -> str:
    """The document as ``data/openapi.json`` holds it: the served JSON, indented."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@pytest.fixture(scope="module")
def document() -> Document:
    with TestClient(create_app()) as client:
        response = client.get("/openapi.json")
    assert response.status_code == 200
    body: Document = response.json()
    return body


def operations(document: Document) -> list[tuple[str, Document]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]


def test_openapi_document_is_the_published_one(document: Document) -> None:
    """A change to the document is a change to the contract: make it on purpose, and then
    write the new one to ``data/openapi.json`` with :func:`as_published`."""
    assert as_published(document) == PUBLISHED.read_text(encoding="utf-8")


def test_openapi_document_is_valid_openapi_3(document: Document) -> None:
    validate(document)
    assert document["openapi"].startswith("3.")


def test_every_contract_endpoint_is_documented(document: Document) -> None:
    assert set(document["paths"]) >= {
        "/healthz",
        "/readyz",
        "/v1/reports",
        "/v1/reports/{report_id}",
        "/v1/sources",
        "/v1/sources/{source_id}",
        "/v1/sources/{source_id}/text",
        "/v1/indicators",
        "/v1/indicators/{code}",
        "/v1/indicators/{code}/series",
        "/v1/observations",
    }


def test_every_operation_is_tagged_summarised_and_described(document: Document) -> None:
    declared = {tag["name"] for tag in document["tags"]}
    for name, operation in operations(document):
        assert operation.get("summary"), name
        assert len(operation["tags"]) == 1, name
        assert operation["tags"][0] in declared, name
        if name.split()[1].startswith("/v1"):
            assert "Example" in operation.get("description", ""), name


def test_every_parameter_is_described_with_an_example_the_docs_show(document: Document) -> None:
    for name, operation in operations(document):
        for parameter in operation.get("parameters", []):
            label = f"{name} {parameter['name']}"
            assert "Example: `" in parameter.get("description", ""), label


def test_every_field_is_described_with_an_example(document: Document) -> None:
    for model, schema in document["components"]["schemas"].items():
        assert schema.get("description"), model
        for field, definition in schema.get("properties", {}).items():
            label = f"{model}.{field}"
            assert definition.get("description"), label
            is_container = definition.get("type") == "array" and "$ref" in str(definition)
            assert is_container or "examples" in definition or "$ref" in str(definition), label


def test_problems_are_documented_as_problem_json(document: Document) -> None:
    observations = document["paths"]["/v1/observations"]["get"]["responses"]

    for status in ("404", "422"):
        content = observations[status]["content"]
        assert list(content) == ["application/problem+json"]
        assert content["application/problem+json"]["schema"]["$ref"].endswith("/Problem")
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_observations_document_csv_and_dimension_parameters(document: Document) -> None:
    operation = document["paths"]["/v1/observations"]["get"]

    assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv"}
    dimensions = next(p for p in operation["parameters"] if p["name"] == "dimensions")
    assert dimensions["style"] == "form"
    assert dimensions["explode"] is True
