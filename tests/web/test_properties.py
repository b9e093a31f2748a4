"""Property-based tests of the whole API from its own OpenAPI document (schemathesis).

Every operation is called with requests generated from its documented parameters, valid and
invalid (a bounded number per operation), against the fixture's data set on each backend.
Every response must be documented: its status, its media type, its headers and its body's
schema; none may be a 5xx.

Every check runs, ``positive_data_acceptance`` included: a schema-valid request must succeed
(or be a 404 for an indicator or report the data does not hold). The closed choices are enums
in the document (categories, dimensions and their values, formats, transforms). What no JSON
Schema can say is a rule between parameters or a calendar's: such a request must be the 422
that names one of the parameters at fault (or a 404 found first), and is held to every other
check.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.periods import bound_days
from app.store.sessions import get_session
from app.web.application import create_app
from app.web.pagination import decode_cursor, decode_position
from tests.reporting import say

EXAMPLES_PER_OPERATION = 60

# An invalid request may also be refused for its size before its parameters are read: a
# too-long URL is a 414 and too-large headers a 431, both documented problem responses.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": ["400", "404", "405", "406", "414", "422", "429", "431"]
            }
        }
    }
)

cases_run: Counter[tuple[str, str]] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report_cases(request: pytest.FixtureRequest) -> Iterator[None]:
    """Say how many cases ran, per backend and operation, at the end of the module."""
    yield
    lines = []
    for backend in sorted({backend for backend, _ in cases_run}):
        counts = {op: n for (b, op), n in sorted(cases_run.items()) if b == backend}
        documented = {op: n for op, n in counts.items() if op.split()[0] == "GET"}
        lines.append(
            f"schemathesis on {backend}: {sum(counts.values())} cases passed, "
            f"{sum(documented.values())} of them on the {len(documented)} documented operations"
        )
        lines.extend(f"  {count:5d}  {operation}" for operation, count in documented.items())
    say(request.config, lines)


@pytest.fixture
def api_schema(seeded: Engine) -> schemathesis.BaseSchema:
    """The app's own /openapi.json, its sessions bound to the seeded test database."""
    app = create_app()

    def session_override() -> Iterator[Session]:
        with Session(seeded) as session:
            yield session

    app.dependency_overrides[get_session] = session_override
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)


def _refused_by_rule(operation: str, query: dict[str, Any], path: dict[str, Any]) -> set[str]:
    """The parameters a schema-valid request breaks a documented rule with: a NUL character,
    which no stored text holds; a date that is not on the calendar, a start after the end, a
    cursor no page gave, and what a transform is not combined with (see docs/api.md)."""
    at_fault = {
        name
        for name, value in [*query.items(), *path.items()]
        if "\x00" in name
        or any("\x00" in str(item) for item in (value if isinstance(value, list) else [value]))
    }
    days = {}
    for name in ("start", "end"):
        if isinstance(query.get(name), str):
            try:
                days[name] = bound_days(query[name])
            except ValueError:
                at_fault.add(name)
    if len(days) == 2 and days["start"][0] > days["end"][1]:
        at_fault.add("start")
    if isinstance(query.get("cursor"), str):
        decode = decode_position if operation == "/v1/releases" else decode_cursor
        try:
            decode(query["cursor"])
        except ValueError:
            at_fault.add("cursor")
    since = query.get("changed_since")
    if isinstance(since, str) and not _is_iso_time(since):
        # A data version the data never had: a 422 naming the versions there are.
        at_fault.add("changed_since")
    if query.get("transform") is not None:
        given = {name for name, value in query.items() if value is not None}
        at_fault |= {"limit", "cursor", "changed_since"} & given
        if query.get("vintages") == "all":
            at_fault.add("vintages")
    return at_fault


def _is_iso_time(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


# /readyz answers from the configured service database, not from the test's: see the last test.
schema = schemathesis.pytest.from_fixture("api_schema").exclude(path="/readyz")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_response_is_documented_and_none_is_a_5xx(
    case: schemathesis.Case, backend: str
) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    at_fault = _refused_by_rule(case.path, case.query or {}, case.path_parameters or {})
    if at_fault and case.meta is not None and case.meta.generation.mode.is_positive:
        assert response.status_code in {404, 422}, response.text
        assert response.status_code == 404 or response.json()["parameter"] in at_fault
        case.validate_response(response, excluded_checks=[positive_data_acceptance])
    else:
        case.validate_response(response)
    cases_run[backend, f"{case.method} {case.path}"] += 1


@pytest.fixture
def service_schema() -> schemathesis.BaseSchema:
    """The app's own /openapi.json, the app on its default settings (the service database)."""
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(), config=CONFIG)


@pytest.mark.service_database
@schemathesis.pytest.from_fixture("service_schema").include(path="/readyz").parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None)
def test_the_readiness_probe_is_documented_and_ready(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    at_fault = _refused_by_rule(case.path, case.query or {}, case.path_parameters or {})
    if at_fault and case.meta is not None and case.meta.generation.mode.is_positive:
        assert response.status_code in {404, 422}, response.text
        assert response.status_code == 404 or response.json()["parameter"] in at_fault
        case.validate_response(response, excluded_checks=[positive_data_acceptance])
    else:
        case.validate_response(response)
    cases_run["the service database", f"{case.method} {case.path}"] += 1
